"""The stripper drops a span only on evidence that it is furniture: shapes that real news also takes (a deck under
the headline, a one-sentence brief, one sentence per line, a title that is not the first line, text without spaces)
keep every word of the article. The texts are written for these tests."""

from __future__ import annotations

import re

import pytest

from services.clean import clean_document
from services.clean.text import strip_furniture

WORD = re.compile(r"\w+")
PARAGRAPHS = [
    "Dock workers at the northern port rejected the latest pay offer on Monday, extending a strike that has left "
    "container ships waiting offshore.",
    "The union said the offer fell short of what prices had risen over the past two years.",
    "Port managers said they would return to talks on Thursday.",
]


def kept_words(text: str, **given) -> set[str]:
    result = clean_document(text.encode(), content_type="text/plain", given=given)
    return set(WORD.findall(f"{result.title or ''} {result.text}".lower()))


def words(text: str) -> set[str]:
    return set(WORD.findall(text.lower()))


@pytest.mark.parametrize("deck", ["Talks collapse again", "Ships wait offshore", "What happens next"])
def test_a_short_line_under_the_headline_is_a_deck_and_the_article_below_it_stays(deck: str) -> None:
    text = "\n\n".join(["Harbour cranes stand idle as dock strike enters third week", deck, *PARAGRAPHS])
    assert kept_words(text) == words(text)


def test_a_short_subhead_over_short_lines_does_not_open_a_list() -> None:
    text = "\n\n".join([*PARAGRAPHS, "The demands", "Higher pay", "Shorter shifts", "Safety checks on cranes"])
    assert kept_words(text) == words(text)


@pytest.mark.parametrize(
    "brief",
    [
        "Police arrested two men after a fight outside a pub in Leeds.",
        "The city council approved a new budget on Tuesday after a long debate that ran past midnight.",
        "Leeds pub fight: two men arrested\n\nPolice arrested two men after a fight outside a pub in Leeds.",
        # Without its full stop, and long enough to look like a run of links with nothing to compare it with.
        "Hundreds of fans who had queued since dawn outside the stadium cheered when the club confirmed that the "
        "final would go ahead on Saturday despite the storm warnings issued for the region",
    ],
)
def test_a_one_sentence_brief_is_not_emptied(brief: str) -> None:
    assert kept_words(brief) == words(brief)


@pytest.mark.parametrize("title", ["item-88213", "Harbour cranes stand idle", "Dock strike"])
def test_a_given_title_that_is_not_the_first_line_loses_nothing(title: str) -> None:
    text = "\n\n".join(["Harbour cranes stand idle as dock strike enters third week", *PARAGRAPHS])
    assert words(text) <= kept_words(text, title=title)


def test_one_sentence_per_line_is_an_article_not_a_list() -> None:
    text = (
        "Flood waters rise in river towns\n"
        "Water reached the first floors of homes in three towns.\n"
        "Residents moved to higher ground overnight.\n"
        "Rescue boats carried the elderly to schools.\n"
        "The river is expected to peak on Friday.\n"
        "Officials said the levees were holding."
    )
    assert kept_words(text) == words(text)


def test_a_chinese_article_is_not_emptied() -> None:
    sentences = [
        "市政府周二宣布，明年将投入更多资金修建两条新的地铁线路。",
        "官员表示，新线路将连接城市北部的住宅区和南部的工业园区。",
        "一些居民担心施工会给周边交通带来长期影响。",
    ]
    result = clean_document("\n\n".join(sentences).encode(), content_type="text/plain")
    assert all(sentence in result.text for sentence in sentences)


OTHER_STORIES = ["Council votes on new cycle lanes", "Bakery wins regional bread prize", "Storm closes coastal road"]
PAGE_TEXT = "\n\n".join([*PARAGRAPHS, *OTHER_STORIES])


def test_headlines_of_other_stories_at_the_end_of_a_page_go_when_the_page_links_them() -> None:
    text = strip_furniture(PAGE_TEXT, links=frozenset(OTHER_STORIES)).text
    assert all(paragraph in text for paragraph in PARAGRAPHS)
    assert not any(headline in text for headline in OTHER_STORIES)


def test_short_lines_at_the_end_of_a_page_stay_when_nothing_links_them() -> None:
    assert strip_furniture(PAGE_TEXT, links=frozenset({"Home", "Contact"})).text == PAGE_TEXT


def test_a_page_that_is_all_a_list_of_linked_headlines_is_kept_whole() -> None:
    # A link blog's post is its list: with no prose to compare with, no line is unrelated to the article.
    items = [f"{headline} via Harbour Gazette" for headline in OTHER_STORIES]
    text = strip_furniture("\n\n".join(items), links=frozenset(OTHER_STORIES)).text
    assert all(item in text for item in items)


def test_plain_text_has_no_links_and_shape_decides() -> None:
    assert not any(headline in strip_furniture(PAGE_TEXT).text for headline in OTHER_STORIES)


def test_in_plain_text_a_long_sentence_that_lost_its_full_stop_is_prose_not_a_run_of_links() -> None:
    quote = (
        "Asked about the letter, the mayor said that it was written in a hurry at the end of a long night, and that "
        "if it caused any hurt to the families then he was sorry for it and would say so to them in person"
    )
    menu = (
        "Home News Sport Weather Business Politics Technology Science Health Education Arts Travel Money Jobs Cars "
        "Property Puzzles Crosswords Obituaries Letters Podcasts Video Photos Events Archive Contact"
    )
    text = strip_furniture("\n\n".join([*PARAGRAPHS, quote, menu])).text
    assert quote in text
    assert menu not in text


@pytest.mark.parametrize(
    ("line", "is_promo"),
    [
        ("Sign up for our daily newsletter to get the headlines in your inbox.", True),
        ("Register now for free and read on.", True),
        ("Want more? Subscribe today.", True),
        ("2. Your profile: say who you help, and end with a call to register or to download the guide.", False),
        ("Voters who did not register by Friday told our reporter they would try again next year.", False),
        (
            "Ferry passengers can sign up for a free season pass at the harbour office. After that the fare is four "
            "euros a crossing. The operator said the pass would run until March.",
            False,
        ),
        (
            "Liked this story? Get the best of the week in your inbox. Sign up here for our free newsletter!",
            True,
        ),
    ],
)
def test_a_sign_up_verb_is_a_promo_only_as_a_call_to_act(line: str, is_promo: bool) -> None:
    text = "\n\n".join([PARAGRAPHS[0], line, *PARAGRAPHS[1:]])
    assert (line not in clean_document(text.encode(), content_type="text/plain").text) == is_promo
