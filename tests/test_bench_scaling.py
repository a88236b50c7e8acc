"""The scaling bench's baseline: the stage function alone in plain processes."""

from __future__ import annotations

from datetime import date

from services.bench.scaling import function_articles_per_s

TEXTS = [
    ("Russia withdrew its troops from Syria on Sunday.", date(2024, 12, 8)),
    ("The foreign minister of France met the president of Kenya in Nairobi on Monday.", date(2024, 12, 9)),
    ("Police arrested 40 protesters in Lima after clashes near parliament, officials said.", None),
] * 4


def test_the_function_runs_in_as_many_processes_as_asked_and_reports_a_rate_for_each() -> None:
    rates = function_articles_per_s(TEXTS, (1, 2))
    assert len(rates) == 2 and all(rate > 0 for rate in rates)
