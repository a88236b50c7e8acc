"""near duplicate index

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 10:38:35.341626
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "dedup_shingles",
        sa.Column("article_id", sa.BigInteger(), nullable=False),
        sa.Column("shingles", postgresql.ARRAY(sa.Integer()), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_dedup_shingles_article_id_articles"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_dedup_shingles")),
    )
    op.create_table(
        "lsh_buckets",
        sa.Column("band", sa.SmallInteger(), nullable=False),
        sa.Column("key", sa.BigInteger(), nullable=False),
        sa.Column("article_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_lsh_buckets_article_id_articles"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("band", "key", "article_id", name=op.f("pk_lsh_buckets")),
    )
    op.create_index(op.f("ix_lsh_buckets_article_id"), "lsh_buckets", ["article_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_lsh_buckets_article_id"), table_name="lsh_buckets")
    op.drop_table("lsh_buckets")
    op.drop_table("dedup_shingles")
