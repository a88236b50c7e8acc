"""`newsflow eval`: the fixed split, the scoring of each stage, and the command, on a small data folder of the same
shape as the development data."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from services.clean import clean_document
from services.cli import app
from services.evaluation.bodies import ShingleCounts
from services.evaluation.clean import NEWSFLOW, TRAFILATURA, evaluate_pages, evaluate_plain_text
from services.evaluation.data import ALL, DEV, HELD_OUT, BodyPage, NewsArticle, Page, data_dir, load_ecbplus, split_of
from services.evaluation.dedup import score_decisions
from services.evaluation.extract import PETR2, PLOVER, CoderCounts, country, gold_triples, trigger_coded
from services.evaluation.scores import Matches, adjusted_rand_index

runner = CliRunner()
ARTICLE = (
    "The city council approved the new budget on Tuesday after a long debate about school funding and road repairs. "
    "Council members said the plan keeps taxes flat while adding two hundred teachers across the district."
)


def write_lines(path: Path, records: list[dict]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data folder laid out as the development data is, with a few made-up items."""
    (tmp_path / "README.md").write_text("test data\n")
    (tmp_path / "pages" / "html").mkdir(parents=True)
    page = (
        f"<html><body><nav>Home | Sport | Weather</nav><article><h1>Budget</h1><p>{ARTICLE}</p></article></body></html>"
    )
    pages = []
    for number in range(6):
        (tmp_path / "pages" / "html" / f"{number:04d}.html.gz").write_bytes(gzip.compress(page.encode()))
        pages.append({"id": f"{number:04d}", "with": [ARTICLE[:60]], "without": ["Home | Sport | Weather"]})
    write_lines(tmp_path / "pages" / "expectations.jsonl", pages)
    write_lines(
        tmp_path / "ecbplus_odd_topics.jsonl",
        [{"doc_id": f"{t}_{n}ecb", "topic": t, "cluster": f"{t}_ecb", "text": ARTICLE} for t in (1, 3) for n in (1, 2)],
    )
    sentence = {"id": "s1", "text": "Russia attacked Georgia on Friday.", "expected": [], "date": "20080808"}
    write_lines(
        tmp_path / "petr2_gsr.jsonl", [{**sentence, "expected": [{"source": "RUS", "target": "GEO", "code": "190"}]}]
    )
    write_lines(
        tmp_path / "plover_gsr.jsonl", [{**sentence, "expected": [{"source": "RUS", "target": "GEO", "code": "FIGHT"}]}]
    )
    return tmp_path


def test_the_split_is_fixed_by_the_id_and_holds_out_about_a_third() -> None:
    ids = [f"{number:04d}" for number in range(945)]
    held_out = [i for i in ids if split_of(i) == HELD_OUT]
    assert [split_of(i) for i in ids] == [split_of(i) for i in ids]
    assert 0.28 <= len(held_out) / len(ids) <= 0.38
    assert {split_of(i) for i in ids} == {DEV, HELD_OUT}


def test_ecbplus_is_split_by_topic_so_both_events_of_a_topic_stay_together(data: Path) -> None:
    held_out, dev = load_ecbplus(data, HELD_OUT), load_ecbplus(data, DEV)
    assert len(held_out) + len(dev) == len(load_ecbplus(data, ALL)) == 4
    assert not {a.topic for a in held_out} & {a.topic for a in dev}


def test_a_folder_without_the_data_is_named_with_what_to_do(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "--data", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and "--data" in result.output


def test_a_passage_counts_wherever_the_lines_break() -> None:
    page = Page("p", f"<html><body><p>{ARTICLE}</p></body></html>".encode(), (ARTICLE[:80],), ("Subscribe now",))
    figures = evaluate_pages([page])
    for system in (NEWSFLOW, TRAFILATURA):
        assert figures[system]["all"]["with_kept"] == 1.0 and figures[system]["all"]["without_gone"] == 1.0


def test_pages_in_other_languages_than_english_are_also_reported_together() -> None:
    german = (
        "Der Stadtrat hat am Dienstag den neuen Haushalt beschlossen. Die Stadt will im kommenden Jahr zweihundert "
        "neue Lehrer einstellen und drei Schulen sanieren, sagte der Bürgermeister nach der Sitzung im Rathaus."
    )
    pages = [
        Page(name, f"<html><body><p>{text}</p></body></html>".encode(), (text[:60],), ())
        for name, text in (("en", ARTICLE), ("de", german))
    ]
    figures = evaluate_pages(pages)[NEWSFLOW]
    assert figures["not en"]["pages"] == 1 and figures["all"]["pages"] == 2


def test_a_headline_the_stage_keeps_as_the_title_counts_as_kept() -> None:
    headline = "Council passes budget with two hundred new teachers"
    html = f"<html><head><title>{headline} | Daily Courier</title></head><body><h1>{headline}</h1><p>{ARTICLE}</p>"
    page = Page("p", f"{html}</body></html>".encode(), (headline, ARTICLE[:80]), ("Daily Courier",))
    result = clean_document(page.html, content_type="text/html")
    assert result.title == headline and headline not in result.text
    figures = evaluate_pages([page])[NEWSFLOW]["all"]
    # The site's name goes from the title, so it is furniture gone.
    assert figures["with_kept"] == 1.0 and figures["without_gone"] == 1.0


def test_an_article_the_stage_empties_counts_as_emptied(data: Path) -> None:
    articles = load_ecbplus(data, ALL)
    short = [NewsArticle("tiny", 1, "1_ecb", "Too short.")]
    figures = evaluate_plain_text([*articles, *short])
    assert figures["emptied"] == 1 and figures["lost_over_20_percent"] == 1
    assert figures["words_kept"] < 1.0


def test_a_real_article_tied_to_a_different_report_is_a_distinct_report_dropped() -> None:
    other = "Storms flooded the coastal towns overnight, and rescuers moved hundreds of families to higher ground."
    stream = [
        {"id": "a", "text": ARTICLE, "copy_of": None, "level": None, "story": "1_ecb"},
        {"id": "b", "text": other, "copy_of": None, "level": None, "story": "1_ecbplus"},
        {"id": "a-light-1", "text": "LONDON (Wire) - " + ARTICLE, "copy_of": "a", "level": "light", "story": "1_ecb"},
    ]
    decisions = {
        "a": {"duplicate_of": None, "story": 1},
        "b": {"duplicate_of": "a", "story": 1},
        "a-light-1": {"duplicate_of": "a", "story": 1},
    }
    figures = score_decisions(stream, decisions)
    assert figures["distinct_reports_dropped_ids"] == ["b"]
    assert figures["copy_precision"] == 0.5 and figures["recall_light"] == 1.0
    assert figures["topics_with_both_events_in_one_story"] == 1


def test_adjusted_rand_index_matches_its_definition() -> None:
    assert adjusted_rand_index([0, 0, 1, 1], [5, 5, 7, 7]) == 1.0
    assert adjusted_rand_index([0, 0, 1, 1], [0, 0, 1, 2]) == pytest.approx(0.5714, abs=1e-4)


def test_gold_codes_compare_on_the_country_and_the_event_root() -> None:
    record = {"expected": [{"source": "JAPGOV+USA", "target": "---REB", "code": "0431"}]}
    assert gold_triples(record, PETR2) == {("JPN", "", "04"), ("USA", "", "04")}
    assert gold_triples({"expected": [{"source": "RUS", "target": "GEO", "code": "FIGHT"}]}, PLOVER) == {
        ("RUS", "GEO", "ASSAULT")
    }
    assert country("IGOUNO") == "IGO"


def test_each_type_is_scored_on_its_own_and_types_absent_are_counted() -> None:
    counts = CoderCounts(Matches(), Matches())
    # One right ASSAULT, an ACCUSE with the wrong target, and a CONSULT the sentence does not have.
    found = {("RUS", "GEO", "ASSAULT"), ("RUS", "USA", "ACCUSE"), ("RUS", "", "CONSULT")}
    counts.add(found, {("RUS", "GEO", "ASSAULT"), ("RUS", "GEO", "ACCUSE")}, gold_events=2)
    figures = counts.figures()
    assert figures["by_type"]["ASSAULT"] == {"gold": 1, "coded": 1, "precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert figures["by_type"]["ACCUSE"]["recall"] == 0.0 and figures["by_type"]["CONSULT"]["gold"] == 0
    assert figures["type_recall"] == 1.0 and figures["types_absent"] == pytest.approx(1 / 3)


def test_the_trigger_baseline_takes_actors_by_word_order() -> None:
    assert ("RUS", "GEO", "ASSAULT") in {coded[:3] for coded in trigger_coded("Russia attacked Georgia on Friday.")}


def test_eval_prints_each_stage_beside_its_baseline_and_writes_json(data: Path, tmp_path: Path) -> None:
    out, stream = tmp_path / "figures.json", tmp_path / "stream.jsonl"
    result = runner.invoke(
        app,
        ["eval", "--data", str(data), "--split", "all", "--json", str(out), "--write-stream", str(stream)],
        env={"COLUMNS": "120"},
    )
    assert result.exit_code == 0, result.output
    for name in ("newsflow", "trafilatura", "MinHash LSH", "trigger words only"):
        assert name in result.output
    figures = json.loads(out.read_text())
    assert figures["split"] == "all" and set(figures["seconds"]) == {"clean", "dedup", "extract"}
    assert figures["extract"]["plover_gsr"]["newsflow coder"]["recall"] == 1.0
    assert "extract: plover_gsr, newsflow coder, by type" in result.output
    records = [json.loads(line) for line in stream.read_text().splitlines()]
    assert len(records) == 4 * 4 and all(set(r) == {"text"} for r in records)


def test_the_default_data_is_beside_the_project_or_where_the_setting_says(data: Path, monkeypatch) -> None:
    from services.settings import get_settings

    monkeypatch.setattr(get_settings(), "eval_data", data)
    assert data_dir() == data


@pytest.fixture
def bodies(tmp_path: Path) -> Path:
    """Two pages labelled with their article bodies, laid out as the article extraction benchmark lays them out."""
    folder = tmp_path / "bodies"
    (folder / "html").mkdir(parents=True)
    furniture = "<nav>Home | Sport | Weather | Subscribe to our newsletter today</nav>"
    truth = {}
    for page_id in ("a1", "b2"):
        page = f"<html><body>{furniture}<article><h1>Budget</h1><p>{ARTICLE}</p></article></body></html>"
        (folder / "html" / f"{page_id}.html.gz").write_bytes(gzip.compress(page.encode()))
        truth[page_id] = {"articleBody": ARTICLE, "url": f"https://news.example/{page_id}"}
    (folder / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return folder


def test_a_page_scores_by_the_shingles_of_its_body_it_keeps_and_adds() -> None:
    counts = ShingleCounts()
    body = "one two three four five six"  # three shingles of four words
    counts.add(BodyPage("p", b"", body), "one two three four five", 0.0)  # two of them, nothing extra
    counts.add(BodyPage("q", b"", body), body + " seven", 0.0)  # all three, and one extra
    figures = counts.figures()
    assert figures["recall"] == pytest.approx((2 / 3 + 3 / 4) / (2 / 3 + 3 / 4 + 1 / 3))
    assert figures["precision"] == pytest.approx((2 / 3 + 3 / 4) / (2 / 3 + 3 / 4 + 1 / 4))
    assert figures["lost_over_10_percent"] == 1 and figures["worst"][0] == ("p", round(1 / 3, 4))


def test_eval_clean_on_pages_with_their_bodies_sets_the_stage_beside_trafilatura(bodies: Path, tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    result = runner.invoke(app, ["eval", "clean", "--bodies", str(bodies), "--json", str(out)], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert "pages with their article bodies" in result.output
    figures = json.loads(out.read_text())["clean_bodies"]
    assert figures[NEWSFLOW]["pages"] == figures[TRAFILATURA]["pages"] == 2
    assert figures[NEWSFLOW]["recall"] == 1.0 and figures[NEWSFLOW]["empty"] == 0


def test_eval_bodies_without_their_labels_or_for_another_stage_says_what_to_do(bodies: Path, tmp_path: Path) -> None:
    missing = runner.invoke(app, ["eval", "--bodies", str(tmp_path / "elsewhere")])
    assert missing.exit_code == 1 and "no ground-truth.json" in missing.output
    other_stage = runner.invoke(app, ["eval", "extract", "--bodies", str(bodies)])
    assert other_stage.exit_code == 1 and "clean stage alone" in other_stage.output
    (bodies / "html" / "b2.html.gz").unlink()
    page_missing = runner.invoke(app, ["eval", "clean", "--bodies", str(bodies)])
    assert page_missing.exit_code == 1 and "b2" in page_missing.output and "Traceback" not in page_missing.output


def test_eval_clean_on_articles_given_as_plain_text(tmp_path: Path) -> None:
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "brief.txt").write_text("ST. PAUL - The county board approved the budget of Rep. Jane Moss on Monday...")
    (folder / "report.txt").write_text(f"{ARTICLE}\n\nThe vote was the first of three planned for the year.\n")
    out = tmp_path / "figures.json"
    result = runner.invoke(app, ["eval", "clean", "--plain", str(folder), "--json", str(out)], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert "articles as plain text" in result.output
    figures = json.loads(out.read_text())["clean_plain"]
    assert figures["articles"] == 2 and figures["emptied"] == 0 and figures["words_kept"] == 1.0


def test_eval_plain_without_texts_or_for_another_stage_says_what_to_do(bodies: Path, tmp_path: Path) -> None:
    missing = runner.invoke(app, ["eval", "clean", "--plain", str(tmp_path / "elsewhere")])
    assert missing.exit_code == 1 and "no .txt files" in missing.output and "Traceback" not in missing.output
    other_stage = runner.invoke(app, ["eval", "dedup", "--plain", str(tmp_path)])
    assert other_stage.exit_code == 1 and "clean stage alone" in other_stage.output
    both = runner.invoke(app, ["eval", "clean", "--plain", str(tmp_path), "--bodies", str(bodies)])
    assert both.exit_code == 1 and "give one of them" in both.output
