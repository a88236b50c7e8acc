"""An article a page splits into several containers of one kind (a chunk between each pair of advertisements):
the extractor keeps the first, and the paragraphs of its siblings are taken back.

As readability does with the siblings of its best candidate, a container beside the one the extracted paragraphs
came from, of the same tag and class, is the same article's; only its prose paragraphs are taken, in page order, and
the furniture stripper still reads them after.
"""

from __future__ import annotations

from itertools import islice

from lxml.html import HtmlElement

from services.clean.furniture import TERMINAL
from services.clean.text import PROSE_WORDS

# How far above a kept paragraph a chunk container may sit (paragraph, its block, the chunk, the chunks' row).
CHUNK_LEVELS = 3
# A paragraph taken back is prose (a sentence of PROSE_WORDS or more), mostly not link text.
MAX_LINKED_SHARE = 0.5
# A paragraph is found in the extracted text by its opening characters.
MATCH_CHARS = 40
# At least this many extracted paragraphs must be found in the page: the evidence of where the article lies.
MIN_KEPT = 2
# A chunk of the article holds paragraphs; a box of one (an author's bio, a disclaimer, a fact box) is furniture.
MIN_CHUNK_PARAGRAPHS = 2


def _flat(text: str) -> str:
    return " ".join(text.split())


def with_sibling_chunks(tree: HtmlElement, text: str) -> str:
    """The extracted text with the prose paragraphs of the page's sibling chunks it lacks, each after the paragraph
    it follows on the page."""
    flat = _flat(text)
    paragraphs = [(p, _flat(p.text_content())) for p in tree.iter("p")]
    kept = [p for p, words in paragraphs if len(words) >= MATCH_CHARS and words[:MATCH_CHARS] in flat]
    if len(kept) < MIN_KEPT:
        return text
    missing = set()
    for chunk in _sibling_chunks(kept):
        prose = [p for p in chunk.iter("p") if _is_missing_prose(p, flat)]
        if len(prose) >= MIN_CHUNK_PARAGRAPHS:
            missing.update(prose)
    if not missing:
        return text
    lines = text.split("\n")
    # Each missing paragraph goes after the line of the kept paragraph before it on the page (-1: before all).
    after: dict[int, list[str]] = {}
    line = -1
    kept_here = set(kept)
    for p, words in paragraphs:
        if p in kept_here:
            line = next((i for i, text_line in enumerate(lines) if words[:MATCH_CHARS] in _flat(text_line)), line)
        elif p in missing:
            after.setdefault(line, []).append(words)
    return "\n".join(
        [*after.get(-1, []), *(out for i, text_line in enumerate(lines) for out in (text_line, *after.get(i, [])))]
    )


def _sibling_chunks(kept: list[HtmlElement]) -> list[HtmlElement]:
    """Containers beside those of the kept paragraphs (up to CHUNK_LEVELS above them), of the same tag and class,
    that hold none of the kept paragraphs."""
    holders: list[HtmlElement] = []
    for p in kept:
        holders += islice(p.iterancestors(), CHUNK_LEVELS)
    held = set(holders)
    chunks = []
    for holder in dict.fromkeys(holders):
        parent, kind = holder.getparent(), holder.get("class")
        if parent is not None and kind:
            chunks += [e for e in parent if e.tag == holder.tag and e.get("class") == kind and e not in held]
    return list(dict.fromkeys(chunks))


def _is_missing_prose(p: HtmlElement, flat: str) -> bool:
    words = _flat(p.text_content())
    if len(words.split()) < PROSE_WORDS or not TERMINAL.search(words) or words[:MATCH_CHARS] in flat:
        return False
    linked = sum(len(_flat(a.text_content())) for a in p.iter("a"))
    return linked < MAX_LINKED_SHARE * len(words)
