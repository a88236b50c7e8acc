"""The bench report's figures that are computed from timestamps alone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from services.bench.report import rates_by_tenth

START = datetime(2026, 1, 1, tzinfo=UTC)


def finishing_at(seconds: list[float]) -> list[datetime]:
    return [START + timedelta(seconds=s) for s in seconds]


def test_a_steady_run_has_the_same_rate_in_every_tenth() -> None:
    rates = rates_by_tenth(finishing_at([float(i) for i in range(101)]))  # one article a second
    assert rates == [1.0] * 10


def test_a_run_that_slows_down_shows_it_in_its_later_tenths() -> None:
    # 100 articles at 2 a second, then 100 at 1 a second, given out of order.
    finals = finishing_at([i / 2 for i in range(100)] + [50 + i for i in range(100)])
    rates = rates_by_tenth(list(reversed(finals)))
    assert rates[0] == rates[3] == 2.0
    assert rates[-1] == rates[-4] == 1.0


def test_too_few_articles_for_tenths_give_none() -> None:
    assert rates_by_tenth(finishing_at([0.0, 1.0, 2.0])) == []
