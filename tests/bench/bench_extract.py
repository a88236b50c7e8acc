"""Throughput and memory of the coder on one core: `python tests/bench/bench_extract.py [ARTICLES] [--texts FILE]`.

Articles of about 600 words are assembled from the sample articles in `seeds/`; with `--texts`, the articles are the
`text` fields of a JSON-lines file instead (the ECB+ articles of the development data), each coded once per pass, so
the first pass meets every word for the first time, as a fresh worker does. The baseline, timed in the same run, is
spaCy's English tokenizer alone over the same articles, so the ratio holds across machines and loads.
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import statistics
import sys
import time
from datetime import date
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from services.extract import extract_events, warm_up  # noqa: E402

SEEDS = ROOT / "seeds"
ARTICLE_WORDS = 600
PASSES = 5


def sample_articles(count: int) -> list[str]:
    """`count` articles of about ARTICLE_WORDS words, cycling through the seed articles' paragraphs."""
    paragraphs = [
        p for f in sorted(SEEDS.glob("*.txt")) for p in f.read_text(encoding="utf-8").splitlines() if p.strip()
    ]
    articles, pool = [], itertools.cycle(paragraphs)
    for _ in range(count):
        words, parts = 0, []
        while words < ARTICLE_WORDS:
            paragraph = next(pool)
            parts.append(paragraph)
            words += len(paragraph.split())
        articles.append("\n".join(parts))
    return articles


def _timed(work) -> tuple[float, float, int]:
    """CPU seconds, wall seconds and the result of one call."""
    start, cpu_start = time.perf_counter(), time.process_time()
    result = work()
    # CPU time is what one core spends; wall time also counts waiting for a core shared with other processes.
    return time.process_time() - cpu_start, time.perf_counter() - start, result


def texts_of(path: Path) -> list[str]:
    """The `text` of each record of a JSON-lines file."""
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in lines if line.strip()]


def run(articles: list[str], passes: int = PASSES) -> dict[str, float]:
    """Code the articles `passes` times, alternating with the baseline (spaCy's English tokenizer alone over the same
    articles); return articles and words per CPU second in the first and the median pass, the median time ratio to
    the baseline, and peak memory."""
    warm_up()  # loading the lexicons is a once-per-worker cost, not a per-article one
    # spaCy's tokenizer as it ships, apart from the coder's: the coder fills its own tokenizer's cache.
    tokenizer = spacy.blank("en").tokenizer
    count = len(articles)
    words = sum(len(a.split()) for a in articles)
    coder_runs, ratios = [], []
    for _ in range(passes):
        base_cpu, _, _ = _timed(lambda: sum(len(tokenizer(a)) for a in articles))
        cpu, wall, events = _timed(lambda: sum(len(extract_events(a, published=date(2024, 12, 15))) for a in articles))
        coder_runs.append((cpu, wall))
        ratios.append(cpu / base_cpu)
    cpu, wall = statistics.median(c for c, _ in coder_runs), statistics.median(w for _, w in coder_runs)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "articles": count,
        "first_pass_articles_per_s": count / coder_runs[0][0],
        "articles_per_s": count / cpu,
        "words_per_s": words / cpu,
        "articles_per_wall_s": count / wall,
        "ratio_to_tokenizer": statistics.median(ratios),
        "events": events,
        "peak_rss_mb": peak_mb,
    }


def main(argv: list[str]) -> None:
    """Print the benchmark result."""
    parser = argparse.ArgumentParser(description="Throughput and memory of the coder on one core.")
    parser.add_argument("articles", nargs="?", type=int, default=300, help="articles of ~600 words from the seeds")
    parser.add_argument("--texts", type=Path, help="a JSON-lines file whose records' `text` are the articles")
    options = parser.parse_args(argv)
    if options.texts and not options.texts.is_file():
        parser.error(f"no file {options.texts}: give a JSON-lines file of articles with a `text` field")
    articles = texts_of(options.texts) if options.texts else sample_articles(options.articles)
    result = run(articles)
    words = result["words_per_s"]
    first_words = words * result["first_pass_articles_per_s"] / result["articles_per_s"]
    print(
        f"{result['articles']} articles, {words / result['articles_per_s']:.0f} words each on average: "
        f"{words / ARTICLE_WORDS:.0f} articles of {ARTICLE_WORDS} words per CPU second ({words:.0f} words/s; "
        f"{first_words / ARTICLE_WORDS:.0f} in the first pass; {result['articles_per_wall_s']:.0f} articles per "
        f"wall-clock second), {result['ratio_to_tokenizer']:.1f} x the CPU time of the spaCy tokenizer alone on the "
        f"same articles (median of {PASSES} alternating passes), {result['events']} events, "
        f"peak RSS {result['peak_rss_mb']:.0f} MB"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
