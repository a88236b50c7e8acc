"""articles index for readers who page through one outlet's articles (GET /articles?source=)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 09:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_articles_source_id", "articles", ["source", "id"])


def downgrade() -> None:
    op.drop_index("ix_articles_source_id", table_name="articles")
