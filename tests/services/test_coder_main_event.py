"""The main event of a sentence, not its background: verbs of adverbial, relative and participial clauses, verbs read
by their object, nouns that look like verbs, and denied reports. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from services.extract import extract_events
from tests.services.coding import PUBLISHED, by_country


def coded(text: str) -> set[tuple[str, str | None, str | None]]:
    """A text's asserted events as a set of (type, source country, target country)."""
    return set(by_country(text))


def types(text: str) -> set[str]:
    return {kind for kind, _, _ in coded(text)}


@pytest.mark.parametrize(
    ("text", "main", "background"),
    [
        # an adverbial clause after the main clause, or before it up to its comma
        (
            "Georgia's president resigned on Sunday as the opposition threatened to storm parliament.",
            "RETREAT",
            "THREATEN",
        ),
        ("Kenyan police arrested two students when they blocked a road in Nairobi.", "COERCE", "PROTEST"),
        # the verb of a relative clause, in the subject or after the object
        ("Iranian officials who attacked the plan resigned.", "RETREAT", "ASSAULT"),
        ("Kenyan police arrested ten protesters who attacked a police station.", "COERCE", "ASSAULT"),
        (
            "The Turkish cabinet met on Monday and approved a plan that will not allow Syrian refugees to stay.",
            "CONSULT",
            "REJECT",
        ),
        # a participial clause that gives the reason for the main act
        (
            "Germany rejected a Serbian request for aid, saying it was withholding it until the elections.",
            "REJECT",
            "SANCTION",
        ),
    ],
)
def test_the_main_clause_is_coded_and_its_background_is_not(text: str, main: str, background: str) -> None:
    found = types(text)
    assert main in found and background not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # force told in a clause behind another act is reported too, by a doer its own clause names
        ("After Russian troops shelled the town, Ukraine expelled the Russian ambassador.", {"SANCTION", "ASSAULT"}),
        ("Four Kenyan protesters were arrested when police stormed the rally.", {"ASSAULT"}),
        (
            "The Kenyan president vowed an inquiry after seven villagers were murdered by armed vigilantes.",
            {"AGREE", "ASSAULT"},
        ),
        # so is a protest
        ("Kenyan police detained dozens of people as activists took to the streets of Nairobi.", {"COERCE", "PROTEST"}),
        ("The Kenyan minister resigned after students marched on parliament.", {"RETREAT", "PROTEST"}),
        # not by a doer named outside it: "the man who killed" is no act of the judge's
        ("A Kenyan judge sentenced the man who killed four people.", {"COERCE"}),
    ],
)
def test_force_or_protest_behind_the_main_act_is_reported_by_the_doer_its_clause_names(
    text: str, expected: set
) -> None:
    assert types(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected", "modifier"),
    [
        # a past participle after the object of a verb says who the object is
        ("Egypt freed a Sudanese journalist jailed last year.", "RETREAT", "COERCE"),
        (
            "A Kenyan court issued arrest warrants for two Somali men sought in the killing of a judge.",
            "COERCE",
            "REQUEST",
        ),
        # after the subject, before the sentence's verb
        ("The Chinese activists imprisoned for the rally were released by Beijing on Monday.", "RETREAT", "COERCE"),
    ],
)
def test_a_participle_after_a_noun_modifies_it(text: str, expected: str, modifier: str) -> None:
    found = types(text)
    assert expected in found and modifier not in found


def test_a_clause_after_while_is_an_event_of_its_own() -> None:
    # "while" and "whereas" set two facts side by side; neither is the other's background
    found = coded("The EU criticised Russia over the talks, while Russian forces shelled Kharkiv.")
    assert {("ACCUSE", "IGO", "RUS"), ("ASSAULT", "RUS", "UKR")} <= found


def test_a_past_verb_after_a_noun_is_still_the_verb_of_its_clause() -> None:
    assert ("ASSAULT", "ISR", "PSE") in coded("Israeli troops killed two Palestinians near Jenin.")
    # after the comma of a leading clause, the noun is the next clause's subject
    assert ("SANCTION", "UKR", "RUS") in coded(
        "Russian troops shelled the town, and Ukraine expelled the Russian envoy."
    )


@pytest.mark.parametrize(
    ("text", "not_coded"),
    [
        ("Saudi Arabia mobilized pressure groups in the United States.", "MOBILIZE"),
        ("The leaders of France and Germany eased tensions over trade.", "CONCEDE"),
        ("Egypt vowed to prevent a war in Libya.", "COERCE"),
        ("Kenya fought corruption in its police.", "ASSAULT"),
        ("Iran attacked the Saudi plan for the region.", "ASSAULT"),
        ("Italy's government seized the opportunity to cut taxes.", "COERCE"),
        ("The army seized power in Niger in July.", "COERCE"),
        ("The Mexican peso surrendered its gains against the dollar.", "RETREAT"),
        ("Chinese exports surged in March, defying expectations.", "REJECT"),
        ("The Russian central bank defended the rouble.", "SUPPORT"),
        ("Chinese regulators cracked down on online lending.", "COERCE"),
        ("France's Total pulled out of a gas project in Mozambique.", "RETREAT"),
    ],
)
def test_a_verb_read_by_its_object_names_no_event_of_its_type(text: str, not_coded: str) -> None:
    assert not_coded not in {e.type for e in extract_events(text, published=PUBLISHED)}


def test_the_object_reading_ends_at_a_preposition() -> None:
    assert ("ASSAULT", "ISR", "PSE") in coded(
        "Israeli jets attacked Hamas targets in Gaza under a plan approved in May."
    )
    assert "MOBILIZE" in types("Russia mobilized troops near Ukraine.")
    # a verb's own object ("opened fire") is nearer than one past a preposition ("on border posts")
    assert types("Afghan forces opened fire on Pakistani border posts.") == {"ASSAULT"}
    assert types("Pakistan reopened its border with Afghanistan.") == {"CONCEDE"}
    # a pattern's own preposition is no such one: "pull out of ~ deal" reaches the deal through its "of"
    assert coded("Russia pulled out of the grain deal.") == {("SANCTION", "RUS", None)}


def test_nouns_are_not_verbs() -> None:
    # a gerund after a preposition (the killing is the event, and the shelling names its doer), and a trigger word
    # modifying an actor noun
    events = extract_events("Four Palestinians were killed in Israeli tank shelling in Gaza.", published=PUBLISHED)
    assert [e.trigger for e in events] == ["killed"]
    assert "PROTEST" not in types("Liberian riot police arrested the Guinean journalist.")
    # a plural after a preposition and its adjectives; a preposition qualifies no noun
    assert "ACCUSE" not in types("The Senegalese government cut mobile internet access amid deadly protests.")
    assert "ASSAULT" in types("Kenyan police in riot gear attacked protesters in Nairobi.")


def test_an_elaboration_joined_by_or_repeats_the_event() -> None:
    found = coded("Syrian troops shelled Lebanese villages near the border, killing or wounding 30, officials said.")
    assert found == {("ASSAULT", "SYR", "LBN")}


def test_a_denied_report_is_not_asserted() -> None:
    assert "ASSAULT" not in types("Russia denied that its troops attacked Ukrainian villages.")
    assert "ASSAULT" in types("Russia said that its troops attacked Ukrainian villages.")


def test_an_act_one_was_prompted_to_do_was_done() -> None:
    assert "SANCTION" in types("The insult prompted Madrid to recall its ambassador from Argentina.")
    # an act meant by another's is only planned
    assert "SANCTION" not in types("Spain sent an envoy to Buenos Aires to recall its ambassador.")


def test_a_considered_act_is_not_asserted() -> None:
    assert "SANCTION" not in types("Turkey said it would consider sanctions against Syria.")
    assert "SANCTION" not in types("Germany is considering expelling Russian diplomats.")


def test_a_determiner_makes_a_cue_word_a_noun() -> None:
    # "the plan" is no plan to act: the resignation happened
    events = extract_events("Iranian officials who attacked the plan resigned.", published=PUBLISHED)
    assert [(e.type, e.modality) for e in events] == [("RETREAT", "asserted")]
