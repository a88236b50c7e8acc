"""A stage pod's metrics sidecar: serves the counters its worker's processes write to NEWSFLOW_METRICS_DIR.

    python -m services.ops.exporter PORT

The API's /metrics cannot read another pod's files (an emptyDir is the pod's own), and running the API beside every
worker would cost far more memory; this reads only prometheus-client's multiprocess files.
"""

from __future__ import annotations

import signal
import sys

from prometheus_client import CollectorRegistry, start_http_server
from prometheus_client.multiprocess import MultiProcessCollector

from services.settings import get_settings


def main(argv: list[str]) -> int:
    directory = get_settings().metrics_dir
    if len(argv) != 1 or not argv[0].isdigit() or not directory:
        print("usage: NEWSFLOW_METRICS_DIR=DIR python -m services.ops.exporter PORT", file=sys.stderr)
        return 2
    registry = CollectorRegistry()
    MultiProcessCollector(registry, path=directory)
    start_http_server(int(argv[0]), registry=registry)
    # As a container's first process it would ignore SIGTERM, and hold the pod until its grace period ends.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    signal.pause()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
