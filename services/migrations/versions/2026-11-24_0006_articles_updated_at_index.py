"""articles updated_at index

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 13:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_articles_updated_at", "articles", ["updated_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_articles_updated_at", table_name="articles")
