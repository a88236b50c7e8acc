"""Each worker process's host limiter and robots.txt rules, built once from the settings."""

from functools import lru_cache

import httpx

from services.fetch.hostlimit import HostLimiter
from services.fetch.robots import RobotsRules
from services.queues import redis_client
from services.settings import get_settings

# No task holds a host's slot longer than the task time limit; a slot of a killed worker expires after it.
from workers.app import TASK_TIME_LIMIT


@lru_cache
def host_limiter() -> HostLimiter:
    """The per-host limit shared through Redis by every poll and fetch worker."""
    settings = get_settings()
    return HostLimiter(
        redis_client(settings.redis_url),
        max_concurrency=settings.host_max_concurrency,
        min_interval=settings.host_min_interval_seconds,
        max_wait=settings.host_max_wait_seconds,
        lease=TASK_TIME_LIMIT,
    )


def robots_rules(client: httpx.Client, limiter: HostLimiter) -> RobotsRules:
    """robots.txt rules read with the fetch stage's client, cached in Redis for every worker."""
    settings = get_settings()
    return RobotsRules(
        client=client,
        cache=redis_client(settings.redis_url),
        limiter=limiter,
        user_agent=settings.user_agent,
        ttl=settings.robots_cache_seconds,
    )
