"""articles events mentions

Revision ID: 0001
Revises:
Create Date: 2026-11-24 10:23:12.347553
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.BigInteger(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("content_type", sa.String(length=64), nullable=True),
        sa.Column("raw", sa.LargeBinary(), nullable=True),
        sa.Column("raw_sha256", sa.String(length=64), nullable=True),
        sa.Column("given", postgresql.JSONB(astext_type=sa.Text()), server_default="{}", nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("author", sa.Text(), nullable=True),
        sa.Column("site_name", sa.Text(), nullable=True),
        sa.Column("language", sa.String(length=16), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("published_precision", sa.String(length=8), nullable=True),
        sa.Column("published_source", sa.String(length=16), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "received",
                "fetched",
                "cleaned",
                "unique",
                "extracted",
                "stored",
                "duplicate",
                "failed",
                "skipped",
                name="status",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            server_default="received",
            nullable=False,
        ),
        sa.Column("error_stage", sa.String(length=16), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("duplicate_of_id", sa.BigInteger(), nullable=True),
        sa.Column("duplicate_method", sa.String(length=16), nullable=True),
        sa.Column("duplicate_similarity", sa.Float(), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cleaned_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deduped_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("extracted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("stored_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["duplicate_of_id"], ["articles.id"], name=op.f("fk_articles_duplicate_of_id_articles"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("raw_sha256", name=op.f("uq_articles_raw_sha256")),
        sa.UniqueConstraint("url", name=op.f("uq_articles_url")),
    )
    op.create_index("ix_articles_status_updated_at", "articles", ["status", "updated_at"], unique=False)
    op.create_table(
        "events",
        sa.Column("id", sa.BigInteger(), nullable=False),
        sa.Column("merge_key", sa.String(length=64), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("mode", sa.String(length=24), nullable=True),
        sa.Column("cameo", sa.String(length=4), nullable=False),
        sa.Column("quad_class", sa.SmallInteger(), nullable=False),
        sa.Column("source_text", sa.Text(), nullable=True),
        sa.Column("source_code", sa.String(length=32), nullable=True),
        sa.Column("target_text", sa.Text(), nullable=True),
        sa.Column("target_code", sa.String(length=32), nullable=True),
        sa.Column("location_name", sa.Text(), nullable=True),
        sa.Column("location_country", sa.String(length=3), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("event_date", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.String(length=8), nullable=False),
        sa.Column("mention_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("article_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("last_seen", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
        sa.UniqueConstraint("merge_key", name=op.f("uq_events_merge_key")),
    )
    op.create_index(op.f("ix_events_first_seen"), "events", ["first_seen"], unique=False)
    op.create_index(op.f("ix_events_source_code"), "events", ["source_code"], unique=False)
    op.create_index(op.f("ix_events_target_code"), "events", ["target_code"], unique=False)
    op.create_index(op.f("ix_events_type"), "events", ["type"], unique=False)
    op.create_table(
        "event_mentions",
        sa.Column("id", sa.BigInteger(), nullable=False),
        sa.Column("article_id", sa.BigInteger(), nullable=False),
        sa.Column("event_id", sa.BigInteger(), nullable=True),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("mode", sa.String(length=24), nullable=True),
        sa.Column("cameo", sa.String(length=4), nullable=False),
        sa.Column("quad_class", sa.SmallInteger(), nullable=False),
        sa.Column("source_text", sa.Text(), nullable=True),
        sa.Column("source_code", sa.String(length=32), nullable=True),
        sa.Column("target_text", sa.Text(), nullable=True),
        sa.Column("target_code", sa.String(length=32), nullable=True),
        sa.Column("location_name", sa.Text(), nullable=True),
        sa.Column("location_country", sa.String(length=3), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("event_date", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.String(length=8), nullable=False),
        sa.Column("negated", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("modality", sa.String(length=16), nullable=False),
        sa.Column("sentence_index", sa.Integer(), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("trigger", sa.Text(), nullable=False),
        sa.Column("trigger_start", sa.Integer(), nullable=False),
        sa.Column("trigger_end", sa.Integer(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_event_mentions_article_id_articles"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_event_mentions_event_id_events"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_mentions")),
    )
    op.create_index(op.f("ix_event_mentions_article_id"), "event_mentions", ["article_id"], unique=False)
    op.create_index(op.f("ix_event_mentions_event_id"), "event_mentions", ["event_id"], unique=False)
    op.create_table(
        "text_fingerprints",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("article_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_text_fingerprints_article_id_articles"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_text_fingerprints")),
    )
    op.create_index(op.f("ix_text_fingerprints_article_id"), "text_fingerprints", ["article_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_text_fingerprints_article_id"), table_name="text_fingerprints")
    op.drop_table("text_fingerprints")
    op.drop_index(op.f("ix_event_mentions_event_id"), table_name="event_mentions")
    op.drop_index(op.f("ix_event_mentions_article_id"), table_name="event_mentions")
    op.drop_table("event_mentions")
    op.drop_index(op.f("ix_events_type"), table_name="events")
    op.drop_index(op.f("ix_events_target_code"), table_name="events")
    op.drop_index(op.f("ix_events_source_code"), table_name="events")
    op.drop_index(op.f("ix_events_first_seen"), table_name="events")
    op.drop_table("events")
    op.drop_index("ix_articles_status_updated_at", table_name="articles")
    op.drop_table("articles")
