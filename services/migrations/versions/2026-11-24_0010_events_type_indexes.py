"""events indexes for readers that filter by type and by time, country or actor together

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-24 15:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_events_type_id",
        "events",
        ["type", "id"],
        unique=False,
        postgresql_include=["first_seen", "location_country", "source_code", "target_code"],
    )
    op.create_index("ix_events_type_first_seen", "events", ["type", "first_seen"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_events_type_first_seen", table_name="events")
    op.drop_index("ix_events_type_id", table_name="events")
