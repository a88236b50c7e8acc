"""Dedup stage: exact and near copies (copies), stories (stories), their indexes in Postgres (postgres), the batch
step (step) and the same decisions offline (offline)."""
