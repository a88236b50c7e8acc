"""The article's lead (standfirst, deck, summary) as the page displays it, found by what the page says of it.

Main-content extractors often miss the lead: pages set it apart from the body, in the header beside the headline.
A page names its lead in two ways: its description meta tag holds the summary (a displayed block that opens with
the same words is that summary, shown to the reader), and its markup gives the block a class that says what it is
("intro", "standfirst", "chapo") inside the part of the page it marks as the article.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

WORD = re.compile(r"\w+")
TERMINAL = re.compile(r"(?:[.!?。！？」』…][\"”’»)]?)$")
# Words that must open both the description and the block; fewer is a title or a label, not a summary.
OPENING_WORDS = 8
# A lead is a paragraph or two; a longer block opening with the same words is the whole body or a page wrapper.
MAX_LEAD_WORDS = 150
# A block's opening text may sit in a child (<p><strong>Berlin</strong> – ...): look this many levels up for it.
PARENT_LEVELS = 3
HOLDS_WORD = "//body//*[contains(text(), $word)]"
# Where a summary shown as such is furniture or another story's teaser, not the article's lead.
NOT_LEAD = frozenset(
    ["a", "aside", "button", "figcaption", "footer", "head", "meta", "nav", "noscript", "option", "script", "style"]
)

# Class names that pages give their lead, in the languages of the news this project reads.
LEAD_NAMES = frozenset(["intro", "lead", "lede", "standfirst", "chapo", "excerpt", "deck", "subheadline", "abstract"])
BOX_NAMES = frozenset(["teaser", "teasers", "related", "newsletter", "promo", "sidebar", "widget", "comment"])
ARTICLE_PARTS = ("article", "main", "header")
# Candidates inside the parts pages mark as the article's (a lead outside them is a pop-up's or a box's), found by
# substring in C; the class's words are then compared whole ("leaderboard" is not a lead).
_NAMED = " or ".join(f"contains(@class, '{name}')" for name in sorted(LEAD_NAMES))
NAMED_LEAD = " | ".join(f"//{part}//*[@class][{_NAMED}]" for part in ARTICLE_PARTS)
CLASS_WORD = re.compile(r"[a-z]+")
PROSE_WORDS = 12


def page_lead(tree: HtmlElement, descriptions: list[str], extracted: str) -> str | None:
    """The article's lead as the page shows it, if the extracted text does not already hold it: the block one of the
    page's descriptions names, else the block its markup names."""
    held = _joined(casefolded_words(extracted))
    described = (_described_lead(tree, description, held) for description in descriptions)
    return next(filter(None, described), None) or _marked_lead(tree, held)


def _described_lead(tree: HtmlElement, description: str, held: str) -> str | None:
    """The block of the page that shows this description."""
    opening = casefolded_words(description)[:OPENING_WORDS]
    if len(opening) < OPENING_WORDS or _joined(opening) in held:
        return None
    # Elements whose own text holds the description's first word as written (XPath runs in C), then opens with it.
    for element in tree.xpath(HOLDS_WORD, word=WORD.search(description).group()):
        if casefolded_words(element.text or "")[:1] != opening[:1]:
            continue
        if (block := _block_opening_with(element, opening)) is not None:
            text = " ".join(block.text_content().split())
            return text if _written_as_lead(text) else None
    return None


def _marked_lead(tree: HtmlElement, held: str) -> str | None:
    """The block the page's markup names as the article's lead (class "intro", "standfirst", "chapo", ...), where
    nothing around it marks it as another story's teaser or a promo."""
    for element in tree.xpath(NAMED_LEAD):
        names = set(CLASS_WORD.findall(element.get("class", "").lower()))
        if not names & LEAD_NAMES or _in_furniture(element) or _in_box(element):
            continue
        text = " ".join(element.text_content().split())
        if (
            len(text.split()) >= PROSE_WORDS
            and _written_as_lead(text)
            and _joined(casefolded_words(text)[:OPENING_WORDS]) not in held
        ):
            return text
    return None


def _written_as_lead(text: str) -> bool:
    # A summary is a paragraph or two written in sentences; a site's tagline, a menu or a whole body is not.
    return len(text.split()) <= MAX_LEAD_WORDS and bool(TERMINAL.search(text))


def _in_furniture(element: HtmlElement) -> bool:
    return element.tag in NOT_LEAD or any(ancestor.tag in NOT_LEAD for ancestor in element.iterancestors())


def _in_box(element: HtmlElement) -> bool:
    # A lead inside a box of teasers, related stories or a newsletter sign-up belongs to that box, not the article.
    return any(
        set(CLASS_WORD.findall((ancestor.get("class") or "").lower())) & BOX_NAMES
        for ancestor in element.iterancestors()
    )


def _block_opening_with(element: HtmlElement, opening: list[str]) -> HtmlElement | None:
    for _ in range(PARENT_LEVELS + 1):
        if element is None or _in_furniture(element):
            return None
        words = casefolded_words(element.text_content())
        if len(words) >= len(opening):
            return element if words[: len(opening)] == opening else None
        element = element.getparent()
    return None


def casefolded_words(text: str) -> list[str]:
    """The text's words, case-folded, in order."""
    return WORD.findall(text.casefold())


def _joined(words: list[str]) -> str:
    # Spaces at both ends, so a run of words is found whole: " the lead " is not in " the leader ".
    return f" {' '.join(words)} "
