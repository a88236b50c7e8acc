"""Dedup logic: exact and near copies, and story grouping, in memory (the same code the pipeline runs)."""

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from services.cli import app
from services.dedup.copies import MIN_CONTAINMENT, compare, phrase_containment, shingle_hashes, text_fingerprint
from services.dedup.offline import dedup_records
from services.dedup.step import dedup_step
from services.dedup.stories import article_terms, cosine
from services.models import Article
from services.status import Status
from tests.conftest import SEEDS

SEED_TEXTS = {path.stem[:3]: path.read_text() for path in sorted(SEEDS.iterdir())}
PUBLISHED = "2024-12-15"


def wire_copy(text: str, cut: float = 0.0) -> str:
    """A syndicated copy: headline and dateline added, tail cut, one word changed per 50."""
    words = text.split()
    words = words[: int(len(words) * (1 - cut))]
    words = [("reportedly" if i % 50 == 7 else w) for i, w in enumerate(words)]
    return "A new headline for the copy\nBEIRUT (Wire) — " + " ".join(words) + "\nReporting by Wire staff."


def records(*pairs: tuple[str, str]) -> list[dict]:
    return [{"id": record_id, "text": text, "published": PUBLISHED} for record_id, text in pairs]


def test_fingerprints_ignore_case_layout_and_punctuation() -> None:
    assert text_fingerprint("Russia  withdrew.\nTroops!") == text_fingerprint("russia withdrew troops")
    assert text_fingerprint("Russia withdrew") != text_fingerprint("Russia returned")


def test_the_seeds_are_five_articles_of_one_story() -> None:
    decisions = list(dedup_records(records(*SEED_TEXTS.items())))
    assert [d["duplicate_of"] for d in decisions] == [None] * 5
    assert len({d["story"] for d in decisions}) == 1


def test_seeds_share_few_shingles_with_each_other() -> None:
    shingles = [shingle_hashes(text) for text in SEED_TEXTS.values()]
    worst = max(max(compare(a, b)) for i, a in enumerate(shingles) for b in shingles[i + 1 :])
    assert worst < 0.2


def test_an_earlier_article_scores_the_same_as_the_array_the_index_stores() -> None:
    original = shingle_hashes(SEED_TEXTS["001"])
    copy = shingle_hashes(wire_copy(SEED_TEXTS["001"], cut=0.4))
    assert compare(copy, sorted(original)) == compare(copy, original)
    assert compare(copy, original) == (
        len(copy & original) / len(copy | original),
        len(copy & original) / len(copy),
        len(copy & original) / len(original),
    )


def test_copies_point_to_their_original_and_join_its_story() -> None:
    original = SEED_TEXTS["001"]
    decisions = list(
        dedup_records(
            records(
                ("orig", original),
                ("exact", original.upper()),
                ("light", wire_copy(original)),
                ("cut", wire_copy(original, cut=0.4)),
                ("other", SEED_TEXTS["004"]),
            )
        )
    )
    by_id = {d["id"]: d for d in decisions}
    assert (by_id["exact"]["duplicate_of"], by_id["exact"]["method"]) == ("orig", "exact")
    assert (by_id["light"]["duplicate_of"], by_id["light"]["method"]) == ("orig", "near")
    # The cut copy is a copy of the light one too, and names whichever of the two it is nearer to.
    assert by_id["cut"]["duplicate_of"] in {"orig", "light"} and by_id["cut"]["similarity"] >= 0.5
    assert by_id["other"]["duplicate_of"] is None
    assert {d["story"] for d in decisions} == {by_id["orig"]["story"]}


def every_nth_word_replaced(text: str, n: int, offset: int, word: str) -> str:
    return " ".join(word if i % n == offset else w for i, w in enumerate(text.split()))


def test_a_text_that_shares_word_pairs_but_not_phrases_is_not_a_copy() -> None:
    # One word in four is another: half the word pairs are the original's, a quarter of its three-word phrases.
    original = SEED_TEXTS["001"]
    reworded = every_nth_word_replaced(original, 4, 3, "meanwhile")
    _jaccard, shared_pairs, _embedded = compare(shingle_hashes(reworded), shingle_hashes(original))
    assert shared_pairs >= MIN_CONTAINMENT > phrase_containment(reworded, original)
    decisions = list(dedup_records(records(("orig", original), ("reworded", reworded))))
    assert decisions[1]["duplicate_of"] is None


def test_typing_and_ocr_noise_do_not_hide_a_copy() -> None:
    original = (
        "The harbour authority in Valparaiso closed the main terminal on Tuesday after a storm damaged the cranes, "
        "and shipping companies diverted their container vessels to San Antonio until the inspections are complete."
    )
    # A letter doubled, one lost, "rn" for "m", "1" for "l", two words run together.
    noisy = (
        "The harbourr authority in Valparaiso closed the rnain terminal on Tuesday after a storm darnaged the "
        "cranes, and shipping cornpanies diverted their container vesse1s to San Antonio untilthe inspections are "
        "compete."
    )
    assert phrase_containment(noisy, original) == 1.0
    # Inflection is not noise: another form of a word is another word.
    assert phrase_containment("police arrests three men", "police arrest three men") == 0.0


def test_a_copy_of_a_rewrite_names_the_rewrite() -> None:
    original = SEED_TEXTS["001"]
    rewrite = every_nth_word_replaced(original, 9, 4, "reportedly")
    copy_of_rewrite = every_nth_word_replaced(rewrite, 9, 0, "however")
    assert (
        phrase_containment(copy_of_rewrite, original) < MIN_CONTAINMENT <= phrase_containment(copy_of_rewrite, rewrite)
    )
    decisions = list(
        dedup_records(records(("orig", original), ("rewrite", rewrite), ("copy of rewrite", copy_of_rewrite)))
    )
    assert [d["duplicate_of"] for d in decisions] == [None, "orig", "rewrite"]
    assert len({d["story"] for d in decisions}) == 1


WIRE = SEED_TEXTS["002"]
EMBEDDING = [
    ("wire", WIRE),
    # Most of the local report is its own: the wire story it quotes is the smaller part of it.
    ("local", "Local desk introduction. " * 3 + WIRE + "\n" + SEED_TEXTS["003"] + "\n" + SEED_TEXTS["004"]),
    # A reprint with a line of its own before and after adds little.
    ("reprint", "Our correspondent adds context below.\n" + WIRE + "\nShare this story."),
]


def test_a_longer_report_that_embeds_a_wire_story_is_kept_and_one_that_adds_little_is_a_copy() -> None:
    decisions = list(dedup_records(records(*EMBEDDING)))
    by_id = {d["id"]: d for d in decisions}
    assert by_id["local"]["duplicate_of"] is None and by_id["local"]["contains"] == "wire"
    assert by_id["reprint"]["duplicate_of"] == "wire" and by_id["reprint"]["method"] == "near"


def test_the_same_kind_of_event_elsewhere_is_another_story() -> None:
    quake_a = (
        "A magnitude 6.1 earthquake struck near Izmir in western Turkey on Monday, killing 12 people and damaging "
        "hundreds of buildings, Turkey's disaster agency AFAD said. Rescue teams searched collapsed apartment "
        "blocks in the Bayrakli district through the night, and Interior Minister Ali Yerlikaya said 340 people "
        "were injured. Aftershocks rattled the Aegean coast, and schools in Izmir province were closed."
    )
    quake_b = (
        "An earthquake of magnitude 5.8 hit the Peruvian Andes on Wednesday, killing four people in the Cusco "
        "region and cutting roads to several villages, Peru's civil defence institute INDECI said. President "
        "Dina Boluarte flew to Cusco to oversee relief, and engineers inspected the colonial churches of the "
        "city for cracks. Landslides blocked the highway to Machu Picchu, stranding tourists."
    )
    decisions = list(dedup_records(records(("a", quake_a), ("b", quake_b))))
    assert decisions[0]["story"] != decisions[1]["story"]


def test_the_cli_prints_one_json_line_per_record(tmp_path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records(("a", SEED_TEXTS["000"]), ("b", SEED_TEXTS["000"]))))
    result = CliRunner().invoke(app, ["dedup", str(path)])
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert lines[1] == {
        "id": "b",
        "duplicate_of": "a",
        "similarity": 1.0,
        "method": "exact",
        "contains": None,
        "story": lines[0]["story"],
    }


@pytest.mark.parametrize(
    "pairs",
    [
        [*SEED_TEXTS.items(), ("copy", wire_copy(SEED_TEXTS["000"], cut=0.2)), ("again", SEED_TEXTS["003"])],
        EMBEDDING,
    ],
    ids=["seeds and copies", "a wire story embedded and reprinted"],
)
def test_the_pipeline_decides_as_the_offline_run(db_session: Session, pairs: list[tuple[str, str]]) -> None:
    offline = {d["id"]: d for d in dedup_records(records(*pairs))}
    published = datetime(2024, 12, 15, tzinfo=UTC)
    rows = {name: Article(text=text, status=Status.CLEANED, published_at=published) for name, text in pairs}
    db_session.add_all(rows.values())
    db_session.flush()
    name_of = {row.id: name for name, row in rows.items()}
    for row in rows.values():
        dedup_step(db_session, row.id)
    for name, row in rows.items():
        assert name_of.get(row.duplicate_of_id) == offline[name]["duplicate_of"]
        assert row.duplicate_method == offline[name]["method"]
        assert name_of.get(row.contains_id) == offline[name]["contains"]
    # Same partition into stories (the ids themselves differ between the two stores).
    pipeline_groups = {
        frozenset(n for n, r in rows.items() if r.story_id == s) for s in {r.story_id for r in rows.values()}
    }
    offline_groups = {
        frozenset(n for n, d in offline.items() if d["story"] == s) for s in {d["story"] for d in offline.values()}
    }
    assert pipeline_groups == offline_groups


SUMATRA = (
    "A powerful earthquake struck western Sumatra on Wednesday, killing at least 75 people and trapping hundreds "
    "under collapsed buildings in Padang, Indonesian officials said. The magnitude 7.6 quake was felt in Jakarta."
)
SUMATRA_LATER = (
    "Rescuers in Padang dug through collapsed hotels on Thursday after the Sumatra earthquake, as Indonesian "
    "officials raised the death toll to 110. The 7.6 tremor cut power across western Sumatra."
)
MEXICO = (
    "A powerful earthquake struck southern Mexico on Tuesday, killing at least 40 people and trapping dozens under "
    "collapsed buildings in Oaxaca, Mexican officials said. The magnitude 7.1 quake was felt in Mexico City."
)


def test_words_every_earthquake_shares_count_less_than_the_names_and_figures_of_one() -> None:
    # Written alike, two earthquakes share "powerful earthquake struck ... killing ... collapsed buildings"; two
    # reports of one share "Padang", "Sumatra", "7.6" in other words. Rarer words weigh more.
    same_event = cosine(article_terms(SUMATRA), article_terms(SUMATRA_LATER))
    other_event = cosine(article_terms(SUMATRA), article_terms(MEXICO))
    assert same_event > 2 * other_event
