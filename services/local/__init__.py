"""Running newsflow on one machine: where Postgres and Redis come from, worker processes, `newsflow run`, the demo."""
