"""Engine, declarative base and the transaction scope every caller uses."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache

from psycopg import sql
from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Engine,
    MetaData,
    Table,
    any_,
    cast,
    create_engine,
    event,
    make_url,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.exc import ArgumentError, DBAPIError, InterfaceError, OperationalError
from sqlalchemy.orm import DeclarativeBase, Session

from services.settings import get_settings

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base whose constraint names are stable across migrations."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


@lru_cache
def get_engine() -> Engine:
    """The process's engine, built on first use from the settings."""
    # JIT compilation and parallel workers pay off for queries that run for seconds; every query here runs for
    # milliseconds, and starting either costs more (the dedup stage's index lookups crossed the JIT threshold).
    options = "-c jit=off -c max_parallel_workers_per_gather=0"
    return create_engine(get_settings().database_url, pool_pre_ping=True, connect_args={"options": options})


@contextmanager
def session_scope() -> Iterator[Session]:
    """A session in one transaction: committed on exit, rolled back on error."""
    with Session(get_engine(), expire_on_commit=False) as session, session.begin():
        yield session


# What to do once a session's transaction commits, kept in its `info`.
AFTER_COMMIT = "newsflow.after_commit"


def after_commit(session: Session, action: Callable[[], object]) -> None:
    """Run `action` once the session's transaction commits, and never if it rolls back. Every message to a queue is
    sent this way, so no worker receives an id whose row it cannot read yet, or a change that was undone."""
    session.info.setdefault(AFTER_COMMIT, []).append(action)


@event.listens_for(Session, "after_commit")
def _run_after_commit(session: Session) -> None:
    for action in session.info.pop(AFTER_COMMIT, ()):
        action()


@event.listens_for(Session, "after_rollback")
def _forget_after_rollback(session: Session) -> None:
    session.info.pop(AFTER_COMMIT, None)


# For the rest of a transaction, Postgres reads by index and joins by nested loop. The stages read rows by key (an
# article's mentions, a key's latest holders, an event's mentions), while the planner's statistics lag a pipeline's
# tables (mentions are written with no event and attached later; autovacuum may be off or behind): from stale
# estimates it would hash-join or scan whole tables, a cost per batch that grows with the tables (300 ms against
# 17 ms by index for one store batch at 100,000 articles). A fragment of a SELECT list, to ride on a statement the
# transaction runs anyway.
PLAN_BY_INDEX = ", ".join(
    f"set_config('{setting}', 'off', true)"
    for setting in ("enable_seqscan", "enable_bitmapscan", "enable_hashjoin", "enable_mergejoin")
)


def among(column: ColumnElement[int], ids: Sequence[int]) -> ColumnElement[bool]:
    """`column = ANY(ids)` with the ids as one array parameter: IN binds one parameter per id, and a statement takes
    at most 65,535 (a bench of 100,000 articles has more ids)."""
    return column == any_(cast(list(ids), ARRAY(BigInteger)))


def copy_rows(session: Session, table: Table, rows: Sequence[dict]) -> None:
    """Write rows (all with the same keys, the columns) into a table with COPY, in the session's transaction.

    For a batch's rows this costs a fraction of an INSERT: no statement is built, bound or parsed per row.
    """
    if not rows:
        return
    columns = list(rows[0])
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table.name), sql.SQL(", ").join(map(sql.Identifier, columns))
    )
    with session.connection().connection.dbapi_connection.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row([row[column] for column in columns])


# SQLSTATE classes of errors that come back however often the same work is retried: data the database refuses (22),
# a statement it cannot run (42), a limit of the server's (54, e.g. an index row too large for its index). psycopg
# raises the last as an OperationalError, the class of "the server is down" too. (A unique key two writers raced
# for, class 23, may pass on a retry.)
LASTING_SQLSTATE_CLASSES = frozenset({"22", "42", "54"})
# SQLSTATEs (by prefix) of a database that is not there to be used: a lost connection (08), a refused login (28), a
# missing database (3D), too many connections or no disk (53), a server shutting down or starting (57P). A
# connection that could not be made at all has no SQLSTATE.
UNAVAILABLE_SQLSTATE_PREFIXES = ("08", "28", "3D", "53", "57P")
UNDEFINED_TABLE = "42P01"


def sqlstate(exc: DBAPIError) -> str | None:
    """The SQLSTATE the server gave with an error (None when it came from no server, e.g. a refused connection)."""
    return getattr(exc.orig, "sqlstate", None)


def is_lasting(exc: DBAPIError) -> bool:
    """Whether a database error will come back on every retry of the same work, by its SQLSTATE."""
    state = sqlstate(exc)
    return state is not None and state[:2] in LASTING_SQLSTATE_CLASSES


def is_unavailable(exc: DBAPIError) -> bool:
    """Whether a database error says the database is not there to be used (down, unreachable, missing)."""
    if not isinstance(exc, OperationalError | InterfaceError):
        return False
    state = sqlstate(exc)
    return exc.connection_invalidated or state is None or state.startswith(UNAVAILABLE_SQLSTATE_PREFIXES)


def is_unmigrated(exc: DBAPIError) -> bool:
    """Whether a database error says the tables are missing (the database was never migrated)."""
    return sqlstate(exc) == UNDEFINED_TABLE


def database_message(exc: DBAPIError) -> str:
    """What the database said, in one line: without SQLAlchemy's statement, parameters and link."""
    diagnostic = getattr(exc.orig, "diag", None)
    primary = diagnostic.message_primary if diagnostic is not None else None
    return primary or " ".join(str(exc.orig).split("\n", 1)[0].split())


def hide_password(url: str) -> str:
    """A URL as it may be shown to a person: its password, if any, as ***."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:  # not a URL SQLAlchemy can parse: only what follows the credentials, if any
        return url.rsplit("@", 1)[-1]


def create_database_if_missing(url: str) -> bool:
    """Create the database a URL names, connecting to the server's `postgres` database; True if it was created."""
    target = make_url(url)
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            exists = connection.scalar(
                text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": target.database}
            )
            if not exists:
                connection.execute(text(f'CREATE DATABASE "{target.database}"'))
            return not exists
    finally:
        admin.dispose()
