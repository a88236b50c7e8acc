"""Store stage: which event a mention reports (merge), events in Postgres (postgres) and the batch step (step)."""
