"""The per-host limit, on the test Redis: concurrency, spacing, waits that are too long, and pauses a host asks for."""

import threading
import time

import pytest

from services.fetch.hostlimit import HostBusy, HostLimiter, host_key

URL = "http://news.test/a"


def limiter(redis_client, **overrides) -> HostLimiter:
    options = {"max_concurrency": 2, "min_interval": 0.05, "max_wait": 5.0, "lease": 30.0, **overrides}
    return HostLimiter(redis_client, **options)


def test_hosts_are_counted_by_name_and_explicit_port() -> None:
    assert host_key("https://News.Test/a?b") == "news.test"
    assert host_key("http://127.0.0.1:8000/x") == "127.0.0.1:8000"


def test_no_more_requests_at_once_than_the_host_allows(redis_client) -> None:
    limits = [limiter(redis_client, max_concurrency=2, min_interval=0.0), limiter(redis_client, min_interval=0.0)]
    inside, most = 0, 0
    lock = threading.Lock()

    def request(n: int) -> None:
        nonlocal inside, most
        with limits[n % 2].turn(URL):  # two limiters: two workers sharing one Redis
            with lock:
                inside += 1
                most = max(most, inside)
            time.sleep(0.05)
            with lock:
                inside -= 1

    threads = [threading.Thread(target=request, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert most == 2


def test_requests_to_one_host_start_at_least_the_interval_apart(redis_client) -> None:
    limits = [limiter(redis_client, max_concurrency=10, min_interval=0.1) for _ in range(2)]
    starts: list[float] = []

    def request(n: int) -> None:
        with limits[n % 2].turn(URL):
            starts.append(time.time())

    threads = [threading.Thread(target=request, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    starts.sort()
    gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
    assert len(starts) == 6
    assert min(gaps) >= 0.1 - 0.01  # Redis clock in ms, sleep granularity


def test_a_turn_further_off_than_the_wait_allowed_is_refused_with_the_delay(redis_client) -> None:
    limit = limiter(redis_client, min_interval=2.0, max_wait=0.5)
    with limit.turn(URL):
        pass
    with pytest.raises(HostBusy) as busy, limit.turn(URL):
        pass
    assert 1.0 < busy.value.retry_after <= 2.0
    with limit.turn("http://other.test/"):  # other hosts are not held up
        pass


def test_a_host_that_asks_for_a_pause_gets_it_from_every_worker(redis_client) -> None:
    first, second = limiter(redis_client, max_wait=1.0), limiter(redis_client, max_wait=1.0)
    assert first.defer(URL, 30) == pytest.approx(30, abs=0.1)
    with pytest.raises(HostBusy) as busy, second.turn(URL):
        pass
    assert busy.value.retry_after > 29


def test_a_slot_of_a_worker_that_died_is_freed_after_its_lease(redis_client) -> None:
    limit = limiter(redis_client, max_concurrency=1, min_interval=0.0, lease=0.2, max_wait=2.0)
    held = limit.turn(URL)
    held.__enter__()  # never left: the worker died holding it
    started = time.monotonic()
    with limit.turn(URL):
        waited = time.monotonic() - started
    assert waited >= 0.15
