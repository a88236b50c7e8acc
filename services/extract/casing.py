"""Lines written all in capitals, as wire headlines and some feeds print them, recased for the name ruler.

The ruler matches names as written ("Russia", "NATO"); in "RUSSIA ATTACKS UKRAINE" no name is found, and the
coder reads no actor. Title case ("Russia Attacks Ukraine") is how headlines are written otherwise, and the coder
reads it as a headline. Recasing keeps every character's place, so offsets into the text stay true and the evidence
is quoted as written.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS

from services.extract.nlp import actor_names

# A line needs a few words to be told from an acronym or a name on a line of its own ("NATO", "BBC NEWS").
MIN_WORDS = 3
# A word, with the dots of initials and an apostrophe's possessive ("U.S.", "YEMEN'S")
WORD = re.compile(r"[^\W\d_][\w.'’]*")
# A known acronym that is also an English word is that word in a line of capitals ("THE MAN WHO", "HELP US"); in a
# headline, "US" is far more often the country.
ACRONYM_WORDS = frozenset({"US"})


@cache
def known_acronyms() -> frozenset[str]:
    """Names the lexicons write in capitals, one word each ("NATO", "UN", "U.S."), but for English words."""
    return frozenset(
        name
        for name in actor_names()
        if name.isupper() and " " not in name and (name.lower() not in STOP_WORDS or name in ACRONYM_WORDS)
    )


def recase_capitals(text: str) -> str:
    """The text with each line written all in capitals in title case, known acronyms kept; other lines as they are."""
    if not any(line.isupper() for line in text.splitlines()):
        return text  # most texts: one pass over it, no line rebuilt
    return "".join(_recase_line(line) for line in text.splitlines(keepends=True))


def _recase_line(line: str) -> str:
    if not line.isupper() or len(WORD.findall(line)) < MIN_WORDS:
        return line
    return WORD.sub(_recase_word, line)


def _recase_word(match: re.Match[str]) -> str:
    word = match.group()
    if word in known_acronyms():
        return word
    recased = word[0] + word[1:].lower()
    return recased if len(recased) == len(word) else word  # a letter whose lower case is longer keeps its place
