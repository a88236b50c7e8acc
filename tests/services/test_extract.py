"""The extract stage: event coding on the seed articles, actors, dates and modality (its figures on real coded
sentences are held to floors in tests/test_quality_floors.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from services.cli import app
from services.extract import EventCandidate, extract_events
from services.extract.coder import MAX_CODED_CHARS, WARM_UP_TEXT
from services.extract.dates import find_dates
from services.extract.nlp import MAX_SENTENCE_TOKENS, pipeline

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
# 2024-12-14 was a Saturday.
SATURDAY = date(2024, 12, 14)


def asserted(events: list[EventCandidate]) -> list[EventCandidate]:
    return [e for e in events if e.modality == "asserted"]


def find(events, type_, source=None, target=None, trigger=None):
    """Events of a type whose source/target codes start with the given prefixes."""
    return [
        e
        for e in events
        if e.type == type_
        and (source is None or e.source is not None and e.source.code.startswith(source))
        and (target is None or e.target is not None and e.target.code.startswith(target))
        and (trigger is None or e.trigger == trigger)
    ]


# --- the seed articles: body sentences only (the clean stage removes the furniture around them) ---


def seed_events(prefix: str, published: date, body_end: str | None = None) -> list[EventCandidate]:
    text = next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    events = extract_events(text, published=published)
    if body_end is None:
        return events
    body = text[: text.index(body_end)]
    return [e for e in events if e.trigger_end <= len(body)]


def test_seed_000_evacuation_and_pullback_asserted_pullout_negated():
    events = seed_events("000", date(2024, 12, 15), body_end="Copyright 1999-2026")
    evacuated = find(asserted(events), "RETREAT", "RUS", "SYR", trigger="evacuated")
    assert evacuated and evacuated[0].event_date == date(2024, 12, 15) and evacuated[0].date_precision == "day"
    assert "Russia evacuated part of its embassy staff" in evacuated[0].sentence
    assert find(asserted(events), "RETREAT", "RUS", trigger="pulled back")
    pulling_out = [e for e in events if e.trigger == "pulling out"]
    assert pulling_out and all(e.negated and e.modality == "negated" for e in pulling_out)
    # The headlines after the article ("Latest News") are furniture: nothing from them is in the body.
    assert not [e for e in events if "Zelenskyy" in e.sentence or "Kenya" in e.sentence]


def test_seed_001_withdrawal_and_asylum():
    events = asserted(seed_events("001", date(2024, 12, 17)))
    assert find(events, "RETREAT", "RUS", trigger="withdrew")
    asylum = find(events, "AID", "RUS", "SYR")
    assert asylum and asylum[0].mode == "asylum"
    assert (asylum[0].event_date, asylum[0].date_precision) == (date(2024, 12, 14), "week")  # "last weekend"
    request = find(events, "REQUEST", "RUSGOV")
    assert request and request[0].event_date == date(2024, 12, 16)  # "said on Monday ... and called for"


def test_seed_002_ongoing_withdrawal_dated_by_publication():
    events = asserted(seed_events("002", date(2024, 12, 16), body_end="Read next"))
    withdrawing = find(events, "RETREAT", "RUS", "SYR")
    assert withdrawing and withdrawing[0].event_date == date(2024, 12, 16)
    assert find(events, "AID", "RUS")


def test_seed_003_deployment_since_2015_and_withdrawal():
    events = asserted(seed_events("003", date(2024, 12, 20)))
    deployed = find(events, "MOBILIZE", "RUS", trigger="deployed")
    assert deployed and (deployed[0].event_date, deployed[0].date_precision) == (date(2015, 9, 1), "month")
    assert find(events, "RETREAT", "RUS", trigger="withdrawing")


def test_seed_004_withdrawal_negotiation_refusal_and_hedged_report():
    events = seed_events("004", date(2024, 12, 14), body_end="Ihor Petrenko")
    plain = asserted(events)
    withdraws = find(plain, "RETREAT", "RUS", "SYR", trigger="withdraws")
    assert withdraws and withdraws[0].event_date == date(2024, 12, 14)
    assert find(plain, "CONSULT", "RUS", "SYR")
    assert find(plain, "REJECT", "RUSGOV", trigger="refused")
    seems = [e for e in events if e.type == "RETREAT" and "seems to be withdrawing" in e.sentence]
    assert seems and all(e.modality == "claimed" for e in seems)


# --- actor coding ---


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Moscow condemned Ukraine on Tuesday.", "RUSGOV", "UKR"),
        ("The Kremlin accused Ukraine of shelling Donetsk.", "RUSGOV", "UKR"),
        ("Russian forces attacked Ukrainian positions near Kharkiv.", "RUSMIL", "UKR"),
        ("Syrian rebels attacked government forces in Idlib.", "SYRREB", None),
        ("The U.S. Senate praised Britain.", "USALEG", "GBR"),
        ("Turkish police arrested 30 Kurdish protesters.", "TURCOP", "TURCVL"),
        ("Hezbollah fired rockets at Israel.", "LBNREBHEZ", "ISR"),
        ("The United Nations condemned Myanmar's military.", "IGOUNO", "MMRMIL"),
        # A title with a nationality codes the person, even when the first name is that of someone else known.
        ("The Iranian Foreign Minister Abbas Araghchi accused Israel of violating the truce.", "IRNGOV", "ISR"),
        ("Abbas accused Israel of violating the truce.", "PSEGOV", "ISR"),
    ],
)
def test_actor_codes(text, source, target):
    events = asserted(extract_events(text, published=SATURDAY))
    assert events, text
    event = events[0]
    assert event.source is not None and event.source.code == source
    assert text[event.source.start : event.source.end] == event.source.text
    if target is not None:
        assert event.target is not None and event.target.code == target


@pytest.mark.parametrize(
    ("text", "type_", "source", "target"),
    [
        # the subject across an apposition; a refusal takes the target of what it refuses
        ("Pakistan, a key U.S. ally, has refused to deploy peacekeepers in Iraq.", "REJECT", "PAK", "IRQ"),
        # a demonym before a place noun is that country's place, a target
        ("Iran threatened to shell Iraqi towns.", "THREATEN", "IRN", "IRQ"),
        # a complaint is about what it names after "over", not about whom it is addressed to
        ("Lebanon complained to the United Nations over Israeli air raids.", "ACCUSE", "LBN", "ISR"),
        # "King" is a sector noun, not a verb form of "k"
        ("The King of Morocco praised Spain.", "SUPPORT", "MARGOV", "ESP"),
        # authorities acting on unnamed people act on their own country's people
        ("Egyptian police opened fire on demonstrators.", "ASSAULT", "EGYCOP", "EGYCVL"),
        ("Vietnamese-led forces captured a village in Cambodia.", "ASSAULT", "VNMMIL", "KHM"),
        # a hostile act on a condition is a threat
        ("The European Union may halt aid to Serbia if the fighting continues.", "THREATEN", "IGOEU", "SRB"),
        # an unidentified attacker is placed where he struck
        ("A suicide bomber killed 12 people at a market in Baghdad.", "ASSAULT", "IRQUAF", "IRQCVL"),
        # "its forces" refers back to the actor named; the place of the capture stands for the target
        ("Russia's defence ministry said its forces had captured a village near Kharkiv.", "ASSAULT", "RUSMIL", "UKR"),
        # the object inside a gapped trigger is an actor with its sector
        ("The Iranian foreign ministry summoned the British ambassador.", "ACCUSE", "IRNGOV", "GBRGOV"),
    ],
)
def test_roles_from_clause_structure(text, type_, source, target):
    events = asserted(extract_events(text, published=SATURDAY))
    assert [(e.type, e.source.code, e.target.code) for e in events] == [(type_, source, target)], text


def test_no_event_without_a_named_or_placed_doer():
    assert not asserted(extract_events("Three civilians were killed on Monday.", published=SATURDAY))


def test_no_trigger_from_an_adjective_or_a_name():
    rescue = asserted(extract_events("Nigerian troops rescued 30 kidnapped schoolgirls.", published=SATURDAY))
    assert [e.type for e in rescue] == ["AID"]  # "kidnapped" describes the schoolgirls
    text = "Sudan's army accused the Rapid Support Forces of attacking civilians in Darfur."
    assert not find(extract_events(text, published=SATURDAY), "SUPPORT")  # "Support" is part of a name


def test_a_city_shared_by_two_countries_is_the_one_in_the_country_named():
    lebanese = asserted(extract_events("Lebanese troops attacked militias in Tripoli.", published=SATURDAY))
    libyan = asserted(extract_events("Libyan troops attacked militias in Tripoli.", published=SATURDAY))
    assert lebanese[0].location.country == "LBN" and libyan[0].location.country == "LBY"


def test_a_leader_codes_as_government_in_office_and_elite_out_of_it():
    def source_on(day: date) -> str:
        return asserted(extract_events("President Bush threatened Russia.", published=day))[0].source.code

    assert [source_on(date(1991, 1, 1)), source_on(date(1995, 1, 1)), source_on(date(2003, 1, 1))] == [
        "USAGOV",
        "USAELI",
        "USAGOV",
    ]


def test_people_code_by_their_role_on_the_date():
    before = asserted(extract_events("Bashar al-Assad met Vladimir Putin in Moscow.", published=date(2024, 6, 1)))
    after = asserted(extract_events("Bashar al-Assad met Vladimir Putin in Moscow.", published=date(2024, 12, 20)))
    assert before[0].source.code == "SYRGOV" and after[0].source.code == "SYRELI"
    assert before[0].target.code == "RUSGOV"
    dated = asserted(
        extract_events("In 2015 Russia deployed troops to support Bashar al-Assad.", published=date(2024, 12, 20))
    )
    assert dated[0].target.code == "SYRGOV"  # the role on the event's date, not the publication's
    assert before[0].location is not None and before[0].location.country == "RUS" and before[0].location.lat


# --- dates ---


@pytest.mark.parametrize(
    ("phrase", "expected", "precision"),
    [
        ("on Monday", date(2024, 12, 9), "day"),
        ("on Saturday", date(2024, 12, 14), "day"),
        ("on Sunday", date(2024, 12, 8), "day"),
        ("on December 13", date(2024, 12, 13), "day"),
        ("on Dec. 11", date(2024, 12, 11), "day"),
        ("last week", date(2024, 12, 2), "week"),
        ("yesterday", date(2024, 12, 13), "day"),
        ("this afternoon", date(2024, 12, 14), "day"),
        ("this evening", date(2024, 12, 14), "day"),
        ("two days ago", date(2024, 12, 12), "day"),
        ("in September 2015", date(2015, 9, 1), "month"),
        ("in 2017", date(2017, 1, 1), "year"),
    ],
)
def test_dates_resolve_against_publication(phrase, expected, precision):
    events = extract_events(f"Russia withdrew its troops from Syria {phrase}.", published=SATURDAY)
    assert (events[0].event_date, events[0].date_precision) == (expected, precision)


def test_relative_dates_stay_unresolved_without_publication_date():
    events = extract_events("Russia withdrew its troops from Syria on Sunday.")
    assert (events[0].event_date, events[0].date_precision) == (None, "unknown")
    assert find_dates("in September 2015", None)[0].value == date(2015, 9, 1)


def test_a_report_date_does_not_date_a_material_event():
    events = extract_events("Russian forces shelled Kharkiv, Ukrainian officials said on Monday.", published=SATURDAY)
    assert events and events[0].event_date is None


# --- modality ---


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Russia did not withdraw its troops from Syria.", "negated"),
        ("Russia never attacked Ukraine.", "negated"),
        # a typographic apostrophe negates as a plain one does
        ("Russia didn’t attack Ukraine.", "negated"),
        ("Russia will withdraw its troops from Syria next week.", "future"),
        ("Russia plans to withdraw its troops from Syria.", "future"),
        ("If Russia attacks Ukraine, the alliance will respond.", "hypothetical"),
        ("Russia could attack Ukraine.", "hypothetical"),
        # what one is able to do
        ("The test showed that Iran can strike Israel.", "hypothetical"),
        ("Russia apparently attacked Ukrainian positions.", "claimed"),
        ("Ukraine claimed that Russia attacked Ukrainian positions.", "claimed"),
        ("Russia attacked Ukrainian positions.", "asserted"),
    ],
)
def test_modality(text, modality):
    events = [e for e in extract_events(text, published=SATURDAY) if e.type in ("RETREAT", "ASSAULT")]
    assert events and events[0].modality == modality
    assert events[0].negated == (modality == "negated")


def test_a_commitment_is_an_asserted_agreement_and_the_action_stays_planned():
    events = extract_events("Russia agreed to withdraw its troops from Syria.", published=SATURDAY)
    assert [e.modality for e in find(events, "AGREE", "RUS")] == ["asserted"]
    assert all(e.modality != "asserted" for e in find(events, "RETREAT"))


def test_a_threat_is_coded_as_threaten_not_as_the_threatened_attack():
    events = asserted(extract_events("Iran threatened to attack Israel.", published=SATURDAY))
    assert [(e.type, e.source.code, e.target.code) for e in events] == [("THREATEN", "IRN", "ISR")]


def test_evidence_offsets_point_into_the_text():
    text = "Heavy rain fell. Russia withdrew its troops from Syria on Sunday."
    event = extract_events(text, published=SATURDAY)[0]
    assert text[event.trigger_start : event.trigger_end] == event.trigger == "withdrew"
    assert event.sentence_index == 1 and event.sentence == "Russia withdrew its troops from Syria on Sunday."
    assert 0 < event.confidence <= 1 and event.cameo == "0874" and event.quad_class == 2


# --- command line ---


def test_cli_extract_json(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(
        "Russia withdrew its troops from Syria on Sunday, the defence ministry said. "
        "Moscow did not evacuate its embassy in Damascus, officials said.",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["extract", str(article), "--published", "2024-12-14", "--json"])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    withdrawal = next(e for e in events if e["trigger"] == "withdrew")
    assert withdrawal["type"] == "RETREAT" and withdrawal["cameo"] == "0874" and withdrawal["quad_class"] == 2
    assert withdrawal["source"] == {"text": "Russia", "code": "RUS"}
    assert withdrawal["date"] == "2024-12-08" and withdrawal["date_precision"] == "day"
    assert withdrawal["location"]["country"] == "SYR"
    assert {"mode", "target", "negated", "modality", "sentence_index", "sentence", "confidence"} <= withdrawal.keys()
    assert next(e for e in events if e["trigger"] == "evacuate")["modality"] == "negated"


def test_the_warm_up_sentence_takes_the_coder_through_to_an_event() -> None:
    assert find(extract_events(WARM_UP_TEXT), "COERCE", source="EGY", target="EGY")


def test_warm_up_builds_the_pipeline_the_trigger_index_and_the_acronyms() -> None:
    # A fresh interpreter: in this one, earlier tests have built them already.
    probe = (
        "from services.extract import casing, nlp, warm_up; warm_up(); "
        "print(nlp.pipeline.cache_info().currsize, nlp.trigger_index.cache_info().currsize, "
        "casing.known_acronyms.cache_info().currsize)"
    )
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert loaded.split() == ["1", "1", "1"]


def test_warm_up_puts_what_it_built_out_of_the_collectors_reach() -> None:
    probe = "import gc; from services.extract import warm_up; warm_up(); print(gc.get_freeze_count())"
    frozen = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert int(frozen) > 50_000  # the lexicons, the place names and the pipeline


# --- texts past what spaCy takes ---


def test_a_run_of_text_with_no_sentence_end_is_cut_into_sentences_the_coder_can_afford():
    # A list or a dump with no full stop would be one sentence, and a sentence costs the coder the square of its
    # length; a real sentence is far shorter than the cut.
    run = " and ".join(["Russia attacked Ukraine"] * 400)
    doc = pipeline()(f"{run}. Syria condemned the attack on Turkey.")
    sentences = list(doc.sents)
    assert max(len(sentence) for sentence in sentences) <= MAX_SENTENCE_TOKENS
    assert sentences[-1].text == "Syria condemned the attack on Turkey."
    events = asserted(extract_events(f"{run}."))
    assert ("RUS", "UKR") in {(e.source.country, e.target.country) for e in events}
    assert {e.type for e in events} == {"ASSAULT"}


def test_a_text_past_what_the_coder_reads_is_coded_up_to_there():
    head = "Russia withdrew its troops from Syria on Sunday."
    tail = "France condemned the attack on the convoy near Aleppo."
    filler = " ".join(["Rain fell."] * (MAX_CODED_CHARS // 11 + 1000))
    text = f"{head} {filler} {tail}"
    assert len(text) > MAX_CODED_CHARS
    events = extract_events(text, published=SATURDAY)
    assert [event.trigger for event in events] == ["withdrew"]  # the tail, past the limit, is not read


def test_an_empty_text_has_no_sentence_and_no_event():
    assert extract_events("") == []
