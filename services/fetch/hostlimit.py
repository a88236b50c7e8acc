"""Politeness towards each host, shared by every worker through Redis: at most N requests at once, one per interval."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

import redis

KEY_PREFIX = "newsflow:host:"
FULL = -1
# Polling a host whose every slot is taken: how often to look again while a worker may still wait.
SLOT_POLL_SECONDS = 0.1

# One atomic step for every worker: drop expired slots; if a slot is free and the host's turn has come, take
# the slot and set the next turn one interval on. The request starts right after, so the spacing holds between
# requests, not only between bookings. A slot expires after the lease, so a dead worker cannot hold it for ever.
# Returns {1, 0} when granted, {0, wait_ms} until the next turn, {0, -1} when every slot is busy.
ACQUIRE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit, interval, lease = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= limit then
  return {0, -1}
end
local turn = tonumber(redis.call('GET', KEYS[2]) or 0)
if now < turn then
  return {0, turn - now}
end
redis.call('SET', KEYS[2], now + interval, 'PX', interval + 60000)
redis.call('ZADD', KEYS[1], now + lease, ARGV[4])
redis.call('PEXPIRE', KEYS[1], lease + 60000)
return {1, 0}
"""

# Push the host's next turn to at least now + delay (a 429 or 503 with Retry-After).
DEFER = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local turn = math.max(now + tonumber(ARGV[1]), tonumber(redis.call('GET', KEYS[1]) or 0))
redis.call('SET', KEYS[1], turn, 'PX', turn - now + 60000)
return turn - now
"""


class HostBusy(Exception):
    """The host's next turn is further off than a worker should wait; try again after `retry_after` seconds."""

    def __init__(self, host: str, retry_after: float) -> None:
        super().__init__(host, retry_after)  # both in args, so the exception pickles between processes
        self.host = host
        self.retry_after = retry_after

    def __str__(self) -> str:
        return f"{self.host} is busy; next turn in {self.retry_after:.1f} s"


def host_key(url: str) -> str:
    """The host a URL's requests are counted against: its name, and its port when one is given."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return f"{host}:{parts.port}" if parts.port else host


class HostLimiter:
    """Per-host concurrency and request interval, enforced across processes and machines through one Redis."""

    def __init__(
        self, client: redis.Redis, *, max_concurrency: int, min_interval: float, max_wait: float, lease: float
    ) -> None:
        self._client = client
        self._acquire = client.register_script(ACQUIRE)
        self._defer = client.register_script(DEFER)
        self.max_concurrency = max_concurrency
        self.min_interval = min_interval
        self.max_wait = max_wait
        self.lease = lease

    @contextmanager
    def turn(self, url: str) -> Iterator[None]:
        """Hold one of the host's slots from its next turn on; HostBusy if that is further off than max_wait."""
        host = host_key(url)
        token = uuid.uuid4().hex
        slots, next_turn = f"{KEY_PREFIX}{host}:slots", f"{KEY_PREFIX}{host}:turn"
        args = [self.max_concurrency, int(self.min_interval * 1000), int(self.lease * 1000), token]
        deadline = time.monotonic() + self.max_wait
        while True:
            granted, wait_ms = self._acquire(keys=[slots, next_turn], args=args)
            if granted:
                break
            wait = SLOT_POLL_SECONDS if wait_ms == FULL else wait_ms / 1000
            if time.monotonic() + wait > deadline:
                raise HostBusy(host, max(wait, self.min_interval))
            time.sleep(wait)
        try:
            yield
        finally:
            self._client.zrem(slots, token)

    def defer(self, url: str, seconds: float) -> float:
        """Give the host no turn for `seconds` (it asked for a pause); return the delay now in force."""
        return self._defer(keys=[f"{KEY_PREFIX}{host_key(url)}:turn"], args=[int(seconds * 1000)]) / 1000
