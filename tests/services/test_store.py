"""The merge decision, the lock buckets and an event's summary, as pure functions."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.store.merge import (
    DATE_WINDOW,
    Candidate,
    Coding,
    CodingReports,
    MentionCoding,
    OutletReports,
    best_coding,
    choose_event,
    lock_keys,
    summarise_event,
)

DAY = date(2024, 12, 8)
DAMASCUS = {"location_name": "Damascus", "location_country": "SYR", "latitude": 33.51, "longitude": 36.29}
ALEPPO = {"location_name": "Aleppo", "location_country": "SYR", "latitude": 36.20, "longitude": 37.16}
DOUMA = {"location_name": "Douma", "location_country": "SYR", "latitude": 33.57, "longitude": 36.40}
SYRIA = {"location_name": "Syria", "location_country": "SYR"}
EVACUATION = Coding("RETREAT", "RUS", "SYR", day=DAY, **DAMASCUS)


def event(event_id: int, coding: Coding, *, same_story: bool = False) -> Candidate:
    return Candidate(event_id, coding, same_story)


def test_a_capital_and_its_country_are_one_actor_and_a_city_lies_in_its_country() -> None:
    # "Moscow evacuated its embassy staff" two days later, placed only in Syria.
    mention = Coding("RETREAT", "RUSGOV", None, day=DAY + timedelta(days=2), **SYRIA)
    assert choose_event(mention, [event(1, EVACUATION)]) == 1


def test_compatible_types_merge_and_others_do_not() -> None:
    assert choose_event(Coding("CONCEDE", "RUS", "SYR", day=DAY), [event(1, EVACUATION)]) == 1
    assert choose_event(Coding("ASSAULT", "RUS", "SYR", day=DAY), [event(1, EVACUATION)]) is None


def test_the_date_window_bounds_a_merge() -> None:
    inside = Coding("RETREAT", "RUS", "SYR", day=DAY + DATE_WINDOW)
    outside = Coding("RETREAT", "RUS", "SYR", day=DAY + DATE_WINDOW + timedelta(days=1))
    assert choose_event(inside, [event(1, EVACUATION)]) == 1
    assert choose_event(outside, [event(1, EVACUATION)]) is None
    assert choose_event(Coding("RETREAT", "RUS", "SYR"), [event(1, EVACUATION)]) is None  # undated


@pytest.mark.parametrize(
    "mention",
    [
        Coding("RETREAT", "TUR", "SYR", day=DAY),  # another actor
        Coding("RETREAT", "RUSREB", "SYR", day=DAY),  # another sector of the same country
        Coding("RETREAT", "RUS", "SYR", day=DAY, **ALEPPO),  # another city, 300 km away
        Coding("RETREAT", "RUS", "SYR", day=DAY, location_name="Kyiv", location_country="UKR"),
    ],
)
def test_a_conflicting_actor_or_place_opens_a_new_event(mention: Coding) -> None:
    by_government = Coding("RETREAT", "RUSGOV", "SYR", day=DAY, **DAMASCUS)
    assert choose_event(mention, [event(1, by_government)]) is None


def test_nearby_places_and_state_sectors_agree() -> None:
    assert choose_event(Coding("RETREAT", "RUSMIL", "SYR", day=DAY, **DOUMA), [event(1, EVACUATION)]) == 1


def test_a_mention_must_share_something_named() -> None:
    unnamed = Coding("RETREAT", day=DAY)
    assert choose_event(unnamed, [event(1, EVACUATION)]) is None
    assert choose_event(unnamed, [event(2, Coding("RETREAT", day=DAY))]) is None
    assert choose_event(unnamed, [event(2, Coding("RETREAT", day=DAY), same_story=True)]) == 2
    # "The ousted leader" (a sector, no country) is no conflict with Syria, and no agreement either.
    asylum = Coding("AID", "RUS", "SYR", day=DAY)
    assert choose_event(Coding("AID", "RUS", "ELI", day=DAY), [event(4, asylum)]) == 4
    assert choose_event(Coding("AID", None, "ELI", day=DAY), [event(4, asylum)]) is None
    # Only the target named, against an event that names only the source: nothing in common.
    assert choose_event(Coding("RETREAT", None, "SYR", day=DAY), [event(3, Coding("RETREAT", "RUS", day=DAY))]) is None


def test_symmetric_types_merge_with_the_actors_swapped() -> None:
    meeting = Coding("CONSULT", "RUS", "TUR", day=DAY)
    assert choose_event(Coding("CONSULT", "TUR", "RUS", day=DAY), [event(1, meeting)]) == 1
    withdrawal = Coding("RETREAT", "RUS", "TUR", day=DAY)
    assert choose_event(Coding("RETREAT", "TUR", "RUS", day=DAY), [event(1, withdrawal)]) is None


def test_the_same_story_wins_then_more_agreement_then_the_nearer_date() -> None:
    mention = Coding("RETREAT", "RUS", "SYR", day=DAY, **DAMASCUS)
    vague = Coding("RETREAT", "RUS", None, day=DAY)
    near = Coding("RETREAT", "RUS", "SYR", day=DAY + timedelta(days=1), **DAMASCUS)
    assert choose_event(mention, [event(1, vague), event(2, EVACUATION)]) == 2
    assert choose_event(mention, [event(1, vague, same_story=True), event(2, EVACUATION)]) == 1
    assert choose_event(mention, [event(3, near), event(4, EVACUATION)]) == 4


codings = st.builds(
    Coding,
    type=st.sampled_from(["RETREAT", "CONCEDE", "ASSAULT", "COERCE", "CONSULT"]),
    source_code=st.sampled_from([None, "RUS", "RUSGOV", "RUSMIL", "SYR", "SYRREB", "IGOUNO", "IGOUNOREF", "REB"]),
    target_code=st.sampled_from([None, "RUS", "SYR", "SYRGOV", "TUR", "ELI", "GOV"]),
    location_country=st.sampled_from([None, "SYR", "RUS"]),
    day=st.one_of(st.none(), st.dates(date(2024, 11, 1), date(2025, 1, 31))),
)


@given(codings, codings)
def test_two_mentions_that_can_merge_share_a_lock(mention: Coding, other: Coding) -> None:
    if choose_event(mention, [event(1, other, same_story=True)]) is not None:
        assert lock_keys(mention) & lock_keys(other)


def coded(**overrides) -> MentionCoding:
    base = {
        "type": "RETREAT", "mode": None, "cameo": "08", "quad_class": 2, "source_text": "Russia",
        "source_code": "RUS", "target_text": None, "target_code": None, "location_name": None,
        "location_country": None, "latitude": None, "longitude": None, "event_date": DAY,
        "date_precision": "day", "confidence": 0.6,
    }  # fmt: skip
    return MentionCoding(**{**base, **overrides})


def test_an_event_takes_the_most_specific_fields_its_mentions_give() -> None:
    best = best_coding(
        [
            coded(),
            coded(source_text="Moscow", source_code="RUSGOV", cameo="0874", mode="withdraw", **SYRIA),
            coded(target_text="Syria", target_code="SYR", event_date=DAY - timedelta(days=1), **DAMASCUS),
        ]
    )
    assert (best["source_code"], best["target_code"], best["location_name"]) == ("RUSGOV", "SYR", "Damascus")
    assert (best["cameo"], best["mode"], best["event_date"]) == ("0874", "withdraw", DAY)


def test_the_more_reported_of_two_equally_specific_values_wins() -> None:
    army, government = coded(source_code="RUSMIL"), coded(source_code="RUSGOV", confidence=0.9)
    assert best_coding([army, government])["source_code"] == "RUSGOV"  # a tie in support: the more confident
    assert best_coding([army, government], [3, 1])["source_code"] == "RUSMIL"


def test_confidence_grows_with_independent_sources_not_with_repeats() -> None:
    one = summarise_event([CodingReports(coded(), 1)], [OutletReports("wire", 1, 1, 0.6)])
    same_outlet = summarise_event([CodingReports(coded(), 2)], [OutletReports("wire", 2, 2, 0.6)])
    two_outlets = summarise_event(
        [CodingReports(coded(), 2)], [OutletReports("wire", 1, 1, 0.6), OutletReports("paper", 1, 1, 0.6)]
    )
    assert one["confidence"] == same_outlet["confidence"] == pytest.approx(0.6)
    assert two_outlets["confidence"] == pytest.approx(1 - 0.4 * 0.4)
    assert (same_outlet["mention_count"], same_outlet["article_count"], same_outlet["source_count"]) == (2, 2, 1)
    with pytest.raises(ValueError):
        best_coding([])
