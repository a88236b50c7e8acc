"""event merge: events keyed by tolerant matching, source counts, the events each article fed, reader indexes

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24 14:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

READER_EVENTS = """
    SELECT id, type, mode, cameo, quad_class, source_text, source_code, target_text, target_code,
           location_name, location_country, latitude, longitude, event_date, date_precision,
           mention_count, article_count, confidence, first_seen, last_seen{extra}
    FROM public.events"""


def upgrade() -> None:
    # Events are merged within tolerances now, so an exact hash no longer identifies one.
    op.drop_constraint("uq_events_merge_key", "events", type_="unique")
    op.drop_column("events", "merge_key")
    op.add_column("events", sa.Column("source_count", sa.Integer(), server_default="0", nullable=False))
    op.execute("UPDATE events SET source_count = article_count")
    op.drop_index("ix_events_type", table_name="events")
    op.drop_index("ix_events_source_code", table_name="events")
    op.drop_index("ix_events_target_code", table_name="events")
    op.create_index(
        "ix_events_type_event_date",
        "events",
        ["type", "event_date"],
        postgresql_include=["source_code", "target_code", "location_country", "id"],
    )
    op.create_index(
        "ix_events_source_code", "events", ["source_code"], postgresql_ops={"source_code": "varchar_pattern_ops"}
    )
    op.create_index(
        "ix_events_target_code", "events", ["target_code"], postgresql_ops={"target_code": "varchar_pattern_ops"}
    )
    op.create_index("ix_events_location_country", "events", ["location_country"])
    op.create_table(
        "article_events",
        sa.Column("article_id", sa.BigInteger(), nullable=False),
        sa.Column("event_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_article_events_article_id_articles"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_article_events_event_id_events"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("article_id", "event_id", name=op.f("pk_article_events")),
    )
    op.create_index(op.f("ix_article_events_event_id"), "article_events", ["event_id"])
    op.execute(
        "INSERT INTO article_events (article_id, event_id) "
        "SELECT DISTINCT article_id, event_id FROM event_mentions WHERE event_id IS NOT NULL"
    )
    # New columns go at the end of a view that is replaced.
    op.execute(f"CREATE OR REPLACE VIEW reader.events AS {READER_EVENTS.format(extra=', source_count')}")


def downgrade() -> None:
    op.execute("DROP VIEW reader.events")
    op.execute(f"CREATE VIEW reader.events AS {READER_EVENTS.format(extra='')}")
    op.execute("GRANT SELECT ON reader.events TO newsflow_reader")
    op.drop_index(op.f("ix_article_events_event_id"), table_name="article_events")
    op.drop_table("article_events")
    op.drop_index("ix_events_location_country", table_name="events")
    op.drop_index("ix_events_target_code", table_name="events")
    op.drop_index("ix_events_source_code", table_name="events")
    op.drop_index("ix_events_type_event_date", table_name="events")
    op.create_index("ix_events_target_code", "events", ["target_code"])
    op.create_index("ix_events_source_code", "events", ["source_code"])
    op.create_index("ix_events_type", "events", ["type"])
    op.drop_column("events", "source_count")
    # Each event keeps its row: its id stands in for the hash, which was only ever an identity.
    op.add_column("events", sa.Column("merge_key", sa.String(length=64), nullable=True))
    op.execute("UPDATE events SET merge_key = md5(id::text)")
    op.alter_column("events", "merge_key", nullable=False)
    op.create_unique_constraint("uq_events_merge_key", "events", ["merge_key"])
