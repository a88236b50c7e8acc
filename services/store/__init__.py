"""Store stage: which event a mention reports (merge), a batch's merge (decide), events in Postgres (postgres) and the
batch step (step)."""
