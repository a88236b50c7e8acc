"""The read-only role sees the reader views and nothing else."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import ProgrammingError
from sqlalchemy.orm import Session


def test_the_reader_role_reads_views_but_not_tables(db_session: Session) -> None:
    db_session.execute(text("SET LOCAL ROLE newsflow_reader"))
    for view in ("articles", "stories", "events", "event_mentions"):
        db_session.execute(text(f"SELECT * FROM reader.{view} LIMIT 1")).all()
    with pytest.raises(ProgrammingError, match="permission denied"):
        db_session.execute(text("SELECT raw FROM public.articles LIMIT 1"))


def test_the_views_hide_internals(db_session: Session) -> None:
    columns = db_session.execute(
        text("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'reader'")
    ).all()
    names = {column for _table, column in columns}
    assert not names & {"raw", "raw_sha256", "terms", "merge_key", "given"}
