"""Waiting in tests for something other processes do: a condition polled until it holds, or a clear failure."""

from __future__ import annotations

import time
from collections.abc import Callable

WAIT_SECONDS = 90


def wait_for(condition: Callable[[], object], what: str, *, timeout: float = WAIT_SECONDS) -> None:
    """Poll `condition` until it is true; fail naming `what` was awaited when `timeout` seconds pass first."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out after {timeout:g} s waiting for {what}"
        time.sleep(0.2)
