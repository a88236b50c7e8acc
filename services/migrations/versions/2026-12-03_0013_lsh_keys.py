"""lsh_keys: one row per LSH band key with its latest holders, in place of one row per key and article (lsh_buckets)

A lookup read every holder row of a key up to the latest ten, so its cost grew with the index; it now reads one row.
The band keys of each original move to dedup_shingles.bands, where a revision finds what to take out.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 13:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# services.dedup.copies.BUCKET_READ when this revision was written: the holders a lookup reads.
HOLDERS_KEPT = 10


def upgrade() -> None:
    op.create_table(
        "lsh_keys",
        sa.Column("band", sa.SmallInteger(), nullable=False),
        sa.Column("key", sa.BigInteger(), nullable=False),
        sa.Column("holders", ARRAY(sa.BigInteger()), nullable=False),
        sa.PrimaryKeyConstraint("band", "key", name=op.f("pk_lsh_keys")),
        postgresql_with={"fillfactor": 70},
    )
    op.add_column("dedup_shingles", sa.Column("bands", ARRAY(sa.BigInteger()), nullable=False, server_default="{}"))
    op.execute(
        """
        UPDATE dedup_shingles AS s SET bands = b.keys
        FROM (SELECT article_id, array_agg(key ORDER BY band) AS keys FROM lsh_buckets GROUP BY article_id) AS b
        WHERE b.article_id = s.article_id
        """
    )
    op.execute(
        f"""
        INSERT INTO lsh_keys (band, key, holders)
        SELECT band, key, (array_agg(article_id ORDER BY article_id DESC))[1:{HOLDERS_KEPT}]
        FROM lsh_buckets GROUP BY band, key
        """
    )
    op.alter_column("dedup_shingles", "bands", server_default=None)
    op.drop_table("lsh_buckets")


def downgrade() -> None:
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
    op.execute(
        """
        INSERT INTO lsh_buckets (band, key, article_id)
        SELECT b.band - 1, b.key, s.article_id FROM dedup_shingles AS s, unnest(s.bands) WITH ORDINALITY AS b(key, band)
        """
    )
    op.drop_column("dedup_shingles", "bands")
    op.drop_table("lsh_keys")
