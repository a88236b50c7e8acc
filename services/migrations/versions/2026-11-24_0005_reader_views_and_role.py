"""reader schema: views for downstream apps and a read-only role

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 11:40:00
"""

from collections.abc import Sequence

from alembic import op

from services.settings import get_settings

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

READER = "newsflow_reader"
# The views hide internals: raw input, dedup profiles and merge keys.
VIEWS = {
    "articles": """
        SELECT id, url, source, content_type, title, author, site_name, language, text, dropped,
               published_at, published_precision, published_source, status, error_stage, error,
               story_id, duplicate_of_id, duplicate_method, duplicate_similarity,
               received_at, fetched_at, cleaned_at, deduped_at, extracted_at, stored_at, updated_at
        FROM public.articles""",
    "stories": "SELECT id, title, first_seen, last_seen, article_count FROM public.stories",
    "events": """
        SELECT id, type, mode, cameo, quad_class, source_text, source_code, target_text, target_code,
               location_name, location_country, latitude, longitude, event_date, date_precision,
               mention_count, article_count, confidence, first_seen, last_seen
        FROM public.events""",
    "event_mentions": """
        SELECT id, article_id, event_id, type, mode, cameo, quad_class, source_text, source_code,
               target_text, target_code, location_name, location_country, latitude, longitude,
               event_date, date_precision, negated, modality, sentence_index, sentence, trigger,
               trigger_start, trigger_end, confidence
        FROM public.event_mentions""",
}


def upgrade() -> None:
    op.execute("CREATE SCHEMA reader")
    for name, query in VIEWS.items():
        op.execute(f"CREATE VIEW reader.{name} AS {query}")
    # Roles belong to the whole server, so the role may exist already (another database, an earlier run).
    op.execute(f"DO $$ BEGIN CREATE ROLE {READER} NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$")
    if password := get_settings().reader_password:
        quoted = password.replace("'", "''")
        op.execute(f"ALTER ROLE {READER} LOGIN PASSWORD '{quoted}'")
    op.execute(f"GRANT USAGE ON SCHEMA reader TO {READER}")
    op.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA reader TO {READER}")


def downgrade() -> None:
    # The role stays: other databases on the server may still grant it access.
    op.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA reader FROM {READER}")
    op.execute(f"REVOKE USAGE ON SCHEMA reader FROM {READER}")
    op.execute("DROP SCHEMA reader CASCADE")
