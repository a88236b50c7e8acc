"""newsflow's domain and I/O layer: settings, models, stage logic, ingest, CLI and HTTP API (no Celery)."""
