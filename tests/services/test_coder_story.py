"""What a story's other sentences tell the coder about one of them: the place its opening sets it in, and who "he"
is after someone the coder cannot place. The stories are written for these tests."""

from __future__ import annotations

from tests.services.coding import asserted, by_code


def test_police_and_courts_of_no_named_country_are_of_the_place_the_story_is_set_in() -> None:
    story = (
        "Riots spread across Athens after a police shooting. "
        "Police arrested twelve people overnight. "
        "A judge sentenced two of them to prison on Friday."
    )
    assert by_code(story) == [("PROTEST", "GRCCVL", "GRC"), ("COERCE", "GRCCOP", "GRCCVL"), ("COERCE", "GRCJUD", None)]


def test_a_story_whose_opening_names_places_of_two_countries_is_set_in_neither() -> None:
    # the police are placed in neither country: coded on their sector alone
    text = "Protests spread from Athens to Istanbul on Sunday. Police arrested twelve people overnight."
    assert by_code(text)[1:] == [("COERCE", "COP", "CVL")]


def test_a_place_the_sentence_names_comes_before_the_setting() -> None:
    story = "Riots spread across Athens on Saturday. Police in Istanbul arrested twelve people overnight."
    assert [(kind, source) for kind, source, _ in by_code(story)] == [("PROTEST", "GRCCVL"), ("COERCE", "TURCOP")]


def test_the_setting_places_no_one_a_pronoun_stands_for() -> None:
    # "he" is the gunman the coder cannot place, not the court named before
    story = "A court in Atlanta sentenced a gunman to life in prison. Police said he shot a deputy."
    assert [kind for kind, _, _ in by_code(story)] == ["COERCE"]


def test_he_after_someone_the_coder_cannot_place_is_that_person() -> None:
    opening = "A judge in Atlanta sentenced a gunman to life in prison on Friday. "
    sentenced = ("COERCE", "USAJUD", "USAREB")
    # a tourist is a civilian (CAMEO's agents dictionary)
    assert by_code(opening + "He shot a Mexican tourist.") == [sentenced, ("ASSAULT", "USAJUD", "MEXCVL")]
    # a surname after a title of courtesy, or a rare capitalised word, opens a sentence about someone else
    assert by_code(opening + "Mr. Nichols escaped in 2005. He shot a Mexican tourist.") == [sentenced]
    assert by_code(opening + "Nichols was being escorted to trial when he shot a Mexican tourist.") == [sentenced]
    # a person introduced before is still the one "he" stands for
    met = "President Biden met Mexican President Lopez Obrador on Friday. Mr. Biden then flew to Ottawa. "
    assert by_code(met + "He criticized Mexico.")[-1] == ("ACCUSE", "USAGOV", "MEX")


def test_a_reported_clause_has_its_own_subject() -> None:
    # "Simpson" is the one who shot, though the coder cannot place him: the prosecutors only allege it
    assert by_code("Prosecutors in Dallas allege that Simpson shot his girlfriend.") == [("ACCUSE", "USAJUD", None)]


def test_a_phone_as_a_noun_is_no_call() -> None:
    assert [kind for kind, _, _ in by_code("Police in Houston seized phone records of the suspects.")] == ["COERCE"]
    assert by_code("The Iranian foreign minister phoned his Turkish counterpart.") == [("CONSULT", "IRNGOV", "TURGOV")]


def test_what_one_side_argues_another_did_is_an_accusation_and_only_claimed() -> None:
    assert by_code("Ukraine argued that Russia had shelled the plant.") == [("ACCUSE", "UKR", "RUS")]
    # a claim about someone the coder cannot place accuses no one it can name, and asserts nothing
    assert by_code("Prosecutors in Dallas contended that Simpson shot his girlfriend.") == []


def test_he_after_a_sentence_that_names_a_stranger_in_full_may_be_either_person() -> None:
    story = "A judge in Atlanta sentenced Brian Nichols on Friday. He shot a Mexican tourist in 2005."
    assert [kind for kind, _, _ in by_code(story)] == ["COERCE"]
    # a state named before is still "they"
    story = "Israel struck Gaza on Monday, a spokesman for Brian Nichols said. They struck Lebanon too."
    assert ("ASSAULT", "ISR", "LBN") in by_code(story)


def test_he_is_no_state_named_before() -> None:
    story = "Israel rejected calls for a ceasefire. He urged Hamas fighters to crush the enemy."
    assert by_code(story) == [("REJECT", "ISR", None)]


def test_he_is_the_known_person_an_earlier_sentence_opens_with() -> None:
    # the first sentence reports no event, but says who "he" is
    story = "Russian Foreign Minister Sergei Lavrov spoke to reporters in Moscow. He accused Washington of lying."
    assert by_code(story) == [("ACCUSE", "RUSGOV", "USAGOV")]


def test_a_known_surname_after_another_given_name_is_another_person_throughout() -> None:
    story = "Reggie Bush is out for the season. Bush sprained his knee. He injured it against the Panthers."
    assert by_code(story) == []
    assert by_code("Jeb Bush criticized Russia on Monday.") == []
    assert by_code("President Bush met Tony Blair. Bush criticised Iran.")[-1] == ("ACCUSE", "USAGOV", "IRN")


def test_what_someone_told_others_has_its_own_subject() -> None:
    story = "A court in Atlanta sentenced a gunman on Friday. A witness told jurors that Timmons had asked him to lie."
    assert by_code(story) == [("COERCE", "USAJUD", "USAREB")]


def test_a_wire_dateline_in_capitals_sets_the_story_in_its_place() -> None:
    story = (
        "Ferry strike strands island commuters\n"
        "NAIROBI, June 25 (Reuters) - Thousands of commuters were stranded on Tuesday.\n"
        "Police arrested twelve union members overnight."
    )
    assert by_code(story) == [("COERCE", "KENCOP", "KENLAB")]


def test_a_dateline_s_place_is_where_the_report_was_filed_not_who_acted() -> None:
    assert by_code("SEOUL, Aug 17 (Reuters) - A spokesman dismissed Japan's offer of talks on Tuesday.") == []
    text = "TBILISI, Dec 28 (Reuters) - Protesters gathered outside parliament on Saturday, demanding new elections."
    assert by_code(text) == [("PROTEST", "GEOCVL", "GEOGOV"), ("REQUEST", "GEOCVL", None)]
    [event] = asserted("KYIV, March 3 (Reuters) - Russian drones struck an oil depot overnight, officials said.")
    assert event.location is None


def test_protesters_of_no_named_country_are_of_the_place_the_story_is_set_in() -> None:
    story = "Riots spread across Athens after a police shooting. Demonstrators set fire to a bank and a ministry."
    assert by_code(story)[1:] == [("PROTEST", "GRCCVL", "GRCBUS"), ("PROTEST", "GRCCVL", "GRCGOV")]


def test_a_verb_joined_by_and_in_a_clause_of_its_own_has_that_clause_s_subject() -> None:
    text = "Protesters threw stones while Kenyan police were spraying tear gas and arresting students."
    assert by_code(text) == [("PROTEST", "CVL", None), ("COERCE", "KENCOP", "KENEDU")]


def test_the_country_with_no_state_named_before_it_is_the_one_the_story_is_set_in() -> None:
    story = (
        "Riots spread across Athens after a police shooting. "
        "Shops stayed shut in Thessaloniki on Wednesday. "
        "Schools in Patras were closed. "
        "Turkey said on Thursday that it was watching the unrest closely. "
        "The country expelled two Turkish diplomats on Friday."
    )
    assert by_code(story)[-1] == ("SANCTION", "GRC", "TURGOV")


def test_they_stands_for_a_group_whose_role_changes_as_for_any_group() -> None:
    # the Taliban are a group the lexicon dates, not a person "they" cannot stand for
    story = "The Taliban took Kabul on 15 August 2021. Since then, they have detained dozens of Afghan journalists."
    assert by_code(story)[-1] == ("COERCE", "AFGGOVTAL", "AFGJRN")
