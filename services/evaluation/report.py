"""`newsflow eval`'s figures as tables: each figure of a stage beside the same figure of its baseline."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from services.evaluation.dedup import LEVELS

# (key in the figures, label) per table.
PAGE_FIGURES = (("with_kept", "kept"), ("without_gone", "gone"), ("precision", "precision"), ("f1", "F1"),
                ("empty", "empty"), ("ms_per_page", "ms/page"))  # fmt: skip
PLAIN_TEXT_FIGURES = (("articles", "articles"), ("words_kept", "words kept"), ("emptied", "emptied"),
                      ("lost_over_10_percent", "lost >10 %"), ("lost_over_20_percent", "lost >20 %"))  # fmt: skip
BODY_FIGURES = (("pages", "pages"), ("precision", "precision"), ("recall", "recall"), ("f1", "F1"),
                ("lost_over_10_percent", "lost >10 %"), ("empty", "empty"), ("ms_per_page", "ms/page"))  # fmt: skip
DEDUP_FIGURES = (
    ("copy_precision", "copy precision"),
    *((f"recall_{level.name}", f"copy recall, {level.name}") for level in LEVELS),
    ("real_articles_tied_to_another", "real articles tied to another"),
    ("distinct_reports_dropped", "distinct reports dropped as copies"),
    ("story_ari", "story adjusted Rand index"),
    ("found_stories", "stories found"),
    ("true_stories", "gold stories"),
    ("topics_with_both_events_in_one_story", "topics with both events in one story"),
)
EXTRACT_FIGURES = (("sentences", "sentences"), ("precision", "triple precision"), ("recall", "triple recall"),
                   ("f1", "triple F1"), ("type_recall", "type recall"), ("types_absent", "types absent"),
                   ("events_per_sentence", "events/sentence"),
                   ("gold_events_per_sentence", "gold events/sentence"))  # fmt: skip
TYPED_FIGURES = (("snippets", "snippets labelled with a PLOVER type"), ("type_recall", "type recall"),
                 ("dyads", "snippets whose actors' countries are labelled"), ("dyad_recall", "dyad recall"),
                 ("dyads_named", "of them, naming those countries"), ("dyad_recall_named", "dyad recall there"),
                 ("disasters", "disaster snippets"), ("disasters_quiet", "disasters with no event"))  # fmt: skip
TYPE_FIGURES = (("gold", "gold"), ("coded", "coded"), ("precision", "precision"), ("recall", "recall"), ("f1", "F1"))


def _figure(value: Any) -> str:
    if value is None:
        return "–"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def _table(title: str, columns: list[str]) -> Table:
    table = Table(title=title, title_justify="left")
    for number, column in enumerate(columns):
        table.add_column(column, justify="left" if number == 0 else "right")
    return table


def _short(system: str) -> str:
    # "newsflow clean" and "bare trafilatura": the first word that is not "bare" names the system in a row.
    return next(word for word in system.split() if word != "bare")


def clean_tables(figures: dict) -> list[Table]:
    """Real pages by language, the stage's row above the baseline's; then the plain-text articles."""
    pages = figures["pages"]
    table = _table(
        "clean: real pages (passages that must be kept, furniture that must go)",
        ["language", "system", "pages", *(label for _, label in PAGE_FIGURES)],
    )
    for language in pages[next(iter(pages))]:
        for system, by_language in pages.items():
            values = by_language[language]
            shown = (_figure(values[key]) for key, _ in PAGE_FIGURES)
            table.add_row(language, _short(system), str(values["pages"]), *shown)
    return [table, plain_text_table("clean: ECB+ articles as plain text", figures["plain_text"])]


def plain_text_table(title: str, figures: dict) -> Table:
    """Articles given as plain text: the share of their words the stage keeps, and the articles it empties or cuts."""
    table = _table(f"{title} (words kept, title and date line included)", [label for _, label in PLAIN_TEXT_FIGURES])
    table.add_row(*(_figure(figures[key]) for key, _ in PLAIN_TEXT_FIGURES))
    return table


def bodies_table(figures: dict) -> Table:
    """Pages labelled with their article bodies: each system's shingle scores."""
    table = _table(
        "clean: pages with their article bodies (shingles of four words)",
        ["system", *(label for _, label in BODY_FIGURES)],
    )
    for system, values in figures.items():
        table.add_row(_short(system), *(_figure(values[key]) for key, _ in BODY_FIGURES))
    return table


def _by_figure(title: str, labels: tuple[tuple[str, str], ...], columns: dict[str, dict]) -> Table:
    table = _table(title, ["", *columns])
    for key, label in labels:
        table.add_row(label, *(_figure(values[key]) for values in columns.values()))
    return table


def dedup_table(figures: dict) -> Table:
    """Copies found and stories formed, the stage's mean over the seeded streams and its worst stream beside the
    baseline's mean."""
    stage, *baselines = figures
    draws = figures[stage]["draws"]
    columns = {
        f"{stage}\nmean of {draws}": figures[stage],
        f"{stage}\nworst of {draws}": {key: figures[stage]["worst"].get(key) for key, _ in DEDUP_FIGURES},
        **{f"{system}\nmean of {draws}": figures[system] for system in baselines},
    }
    return _by_figure("dedup: ECB+ articles streamed with wire copies (seeded draws)", DEDUP_FIGURES, columns)


def extract_table(figures: dict) -> Table:
    """(source country, target country, event) triples per dataset, the coder beside the baseline."""
    columns = {f"{dataset}\n{coder}": values for dataset, coders in figures.items() for coder, values in coders.items()}
    return _by_figure("extract: coded sentences", EXTRACT_FIGURES, columns)


def extract_type_tables(figures: dict) -> list[Table]:
    """Each dataset's triples by event type (CAMEO root for PETRARCH2), the coder's only."""
    tables = []
    for dataset, coders in figures.items():
        coder, values = next(iter(coders.items()))
        table = _table(f"extract: {dataset}, {coder}, by type", ["type", *(label for _, label in TYPE_FIGURES)])
        for kind, by_type in values["by_type"].items():
            table.add_row(kind, *(_figure(by_type[key]) for key, _ in TYPE_FIGURES))
        tables.append(table)
    return tables


def typed_tables(figures: dict) -> list[Table]:
    """Snippets labelled by event type: each coder's figures, then its type recall per label."""
    tables = [_by_figure("extract: snippets labelled by event type (ACLED's types)", TYPED_FIGURES, figures)]
    labels = next(iter(figures.values()))["by_label"]
    table = _table("extract: type recall per label", ["label", "snippets", *figures])
    for label, values in labels.items():
        recalls = (_figure(coder["by_label"][label]["type_recall"]) for coder in figures.values())
        table.add_row(label, str(values["snippets"]), *recalls)
    tables.append(table)
    return tables


def print_evaluation(result: dict, console: Console) -> None:
    """Every evaluated stage's tables."""
    if "split" in result:
        console.print(f"split: {result['split']}")
    else:
        console.print(f"pages: {result['bodies']}" if "bodies" in result else f"texts: {result['texts']}")
    tables = []
    if "clean_bodies" in result:
        tables.append(bodies_table(result["clean_bodies"]))
    if "clean_plain" in result:
        tables.append(plain_text_table("clean: articles as plain text", result["clean_plain"]))
    if "extract_typed" in result:
        tables += typed_tables(result["extract_typed"])
    if "clean" in result:
        tables += clean_tables(result["clean"])
    if "dedup" in result:
        tables.append(dedup_table(result["dedup"]))
    if "extract" in result:
        tables += [extract_table(result["extract"]), *extract_type_tables(result["extract"])]
    for table in tables:
        console.print(table)
    console.print("seconds: " + ", ".join(f"{stage} {s}" for stage, s in result["seconds"].items()))
