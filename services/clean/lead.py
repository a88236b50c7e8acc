"""The article's lead (standfirst, deck, summary) as the page displays it, found by the page's own description.

Main-content extractors often miss the lead: pages set it apart from the body, in the header beside the headline.
The page names its summary in its description meta tag; a displayed block that opens with the same words is that
summary, shown to the reader, and belongs to the article.
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


def displayed_lead(tree: HtmlElement, description: str | None, extracted: str) -> str | None:
    """The block of the page that shows its description, if the extracted text does not already hold it."""
    opening = _words(description or "")[:OPENING_WORDS]
    if len(opening) < OPENING_WORDS or _contains(_words(extracted), opening):
        return None
    # Elements whose own text holds the description's first word as written (XPath runs in C), then opens with it.
    for element in tree.xpath(HOLDS_WORD, word=WORD.search(description).group()):
        if _words(element.text or "")[:1] != opening[:1]:
            continue
        if (block := _block_opening_with(element, opening)) is not None:
            text = " ".join(block.text_content().split())
            # A summary is written in sentences; a site's tagline or a menu that opens the same way is not.
            return text if len(text.split()) <= MAX_LEAD_WORDS and TERMINAL.search(text) else None
    return None


def _block_opening_with(element: HtmlElement, opening: list[str]) -> HtmlElement | None:
    for _ in range(PARENT_LEVELS + 1):
        if element is None or element.tag in NOT_LEAD or any(a.tag in NOT_LEAD for a in element.iterancestors()):
            return None
        words = _words(element.text_content())
        if len(words) >= len(opening):
            return element if words[: len(opening)] == opening else None
        element = element.getparent()
    return None


def _words(text: str) -> list[str]:
    return WORD.findall(text.casefold())


def _contains(words: list[str], run: list[str]) -> bool:
    return f" {' '.join(run)} " in f" {' '.join(words)} "
