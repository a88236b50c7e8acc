"""stories

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 10:47:34.994434
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "stories",
        sa.Column("id", sa.BigInteger(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_seen", sa.DateTime(timezone=True), nullable=True),
        sa.Column("article_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("terms", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stories")),
    )
    op.create_index(op.f("ix_stories_last_seen"), "stories", ["last_seen"], unique=False)
    op.create_table(
        "story_terms",
        sa.Column("term", sa.Text(), nullable=False),
        sa.Column("story_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["story_id"], ["stories.id"], name=op.f("fk_story_terms_story_id_stories"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("term", "story_id", name=op.f("pk_story_terms")),
    )
    op.create_index(op.f("ix_story_terms_story_id"), "story_terms", ["story_id"], unique=False)
    op.add_column("articles", sa.Column("story_id", sa.BigInteger(), nullable=True))
    op.create_index(op.f("ix_articles_story_id"), "articles", ["story_id"], unique=False)
    op.create_foreign_key(
        op.f("fk_articles_story_id_stories"), "articles", "stories", ["story_id"], ["id"], ondelete="SET NULL"
    )


def downgrade() -> None:
    op.drop_constraint(op.f("fk_articles_story_id_stories"), "articles", type_="foreignkey")
    op.drop_index(op.f("ix_articles_story_id"), table_name="articles")
    op.drop_column("articles", "story_id")
    op.drop_index(op.f("ix_story_terms_story_id"), table_name="story_terms")
    op.drop_table("story_terms")
    op.drop_index(op.f("ix_stories_last_seen"), table_name="stories")
    op.drop_table("stories")
