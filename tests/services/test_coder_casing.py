"""Lines written all in capitals: recased for the name ruler, quoted as written."""

from __future__ import annotations

import pytest

from services.extract.casing import recase_capitals
from tests.services.coding import asserted, by_code


def test_a_line_in_capitals_is_title_cased_and_keeps_its_acronyms() -> None:
    assert (
        recase_capitals("NATO CONDEMNS U.S. STRIKE ON YEMEN'S CAPITAL")
        == "NATO Condemns U.S. Strike On Yemen's Capital"
    )


def test_an_acronym_that_is_an_english_word_is_the_word() -> None:
    # "WHO" is the health organisation's name, and a pronoun in a headline
    assert recase_capitals("THE MAN WHO ATTACKED US FORCES") == "The Man Who Attacked US Forces"


@pytest.mark.parametrize(
    "text",
    [
        "Russia attacked Ukraine on Monday.",  # no capitals to recase
        "NATO said Russia attacked Ukraine.",  # a name in capitals in a line written otherwise
        "BBC NEWS\nRussia attacked Ukraine.",  # a line too short to tell from a name
    ],
)
def test_other_lines_are_left_as_written(text: str) -> None:
    assert recase_capitals(text) == text


def test_recasing_keeps_every_character_s_place() -> None:
    text = "KÖLN: STRASSE GESPERRT NACH ANGRIFF\nİSTANBUL POLICE DETAIN 12 PROTESTERS\nThe rest."
    recased = recase_capitals(text)
    assert len(recased) == len(text)
    assert recased.splitlines()[2] == "The rest."


def test_a_headline_in_capitals_names_its_actors_and_quotes_them_as_written() -> None:
    assert by_code("RUSSIA ATTACKS UKRAINE WITH DRONES") == [("ASSAULT", "RUS", "UKR")]
    [event] = asserted("ISRAELI TROOPS KILL THREE PALESTINIANS IN A WEST BANK RAID")
    assert (event.source.code, event.source.text) == ("ISRMIL", "ISRAELI TROOPS")
