"""articles.contains_id: the earlier article that a kept article embeds (a wire story inside a longer report)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 06:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

READER_ARTICLES = """
    SELECT id, url, source, content_type, title, author, site_name, language, text, dropped,
           published_at, published_precision, published_source, status, error_stage, error,
           story_id, duplicate_of_id, duplicate_method, duplicate_similarity,
           received_at, fetched_at, cleaned_at, deduped_at, extracted_at, stored_at, updated_at{extra}
    FROM public.articles"""


def upgrade() -> None:
    op.add_column(
        "articles", sa.Column("contains_id", sa.BigInteger(), sa.ForeignKey("articles.id", ondelete="SET NULL"))
    )
    # Downstream apps ask which reports embed a given wire story.
    op.create_index(
        "ix_articles_contains_id", "articles", ["contains_id"], postgresql_where=sa.text("contains_id IS NOT NULL")
    )
    op.execute(f"CREATE OR REPLACE VIEW reader.articles AS {READER_ARTICLES.format(extra=', contains_id')}")


def downgrade() -> None:
    op.execute("DROP VIEW reader.articles")
    op.execute(f"CREATE VIEW reader.articles AS {READER_ARTICLES.format(extra='')}")
    op.execute("GRANT SELECT ON reader.articles TO newsflow_reader")
    op.drop_index("ix_articles_contains_id", table_name="articles")
    op.drop_column("articles", "contains_id")
