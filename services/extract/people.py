"""Second references: the people and bodies a news report introduces once by who they are, then names by surname
or by title alone.

Wire copy names a person in full with their title on first mention ("South Sudan's President Salva Kiir", "Ivan
Petrov, the Russian deputy foreign minister") and after that by surname ("Mr. Kiir accused Sudan of ...") or by
title ("the president said"), as the style guides ask. A surname then stands for the actor its introduction coded;
a title after "the" for the one actor the report introduced with it ("Sudan's government ... the government").
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from itertools import compress

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span
from wordfreq import zipf_frequency

from services.extract import lexicon
from services.extract.actors import (
    ARTICLES,
    DETERMINERS,
    POSSESSIVE_MARKS,
    SECTOR_NOUNS,
    Chunk,
    code_entity,
    find_chunks,
    in_headline_case,
)
from services.extract.models import Actor
from services.extract.nlp import ACTOR, COUNTRY, DEMONYM, ROLE, text_of, words

# A longer run of capitalised words after a title is a body's name ("Minister of State for Foreign Affairs"), not
# a person's.
MAX_NAME_WORDS = 3
# "Kim Jong Un" is called Kim: a last word this short is no surname
MIN_SURNAME_LETTERS = 3
# A capitalised word this common in English (wordfreq's Zipf scale: "major" 5.3, "rice" 4.6) is read as a surname
# only inside a sentence, where its capital says it is a name: at a sentence's start it is as often the word.
COMMON_WORD_ZIPF = 4.0
# How far a title may follow the country that places it: "Sudan's foreign affairs minister"
TITLE_REACH = 3
HONORIFICS = lexicon.word_set("honorifics")
UNCOMMON_CACHE = 50_000  # words: the capitalised words of a worker's articles, met again article after article


@lru_cache(maxsize=UNCOMMON_CACHE)
def _uncommon(word: str) -> bool:
    """Whether a word is rare enough in English to be read as a name when capitalised."""
    return zipf_frequency(word, "en") < COMMON_WORD_ZIPF


def introduced(doc: Doc, chunks: list[Chunk], entity_at: dict[int, Span]) -> dict[str, str]:
    """Surnames of the people a sentence's actor phrases name, each with the code of the phrase that names them:
    a phrase of one actor with a country that ends in a person's full name the lexicon knows ("Salva Kiir"), or in a
    name it does not know, right after a title ("President Ivan Petrov") or standing alone before an apposition that
    says who they are."""
    w = words(doc)
    found = {}
    for chunk in chunks:
        if len(chunk.actors) != 1 or chunk.actors[0].country is None:
            continue
        known = entity_at.get(chunk.end - 1)
        if known is not None:
            # a person the lexicon knows by full name only ("Salva Kiir"); a one-word name is known already
            if known.label_ == ROLE and len(known) > 1 and len(w.lower[known.end - 1]) >= MIN_SURNAME_LETTERS:
                found[w.lower[known.end - 1]] = chunk.actors[0].code
            continue
        first = chunk.end
        while (
            first > chunk.start
            and first - 1 not in entity_at
            and w.name_word[first - 1]
            and w.lemma[first - 1] not in SECTOR_NOUNS
        ):
            first -= 1
        names = chunk.end - first
        titled = first > chunk.start and w.lemma[first - 1] in SECTOR_NOUNS
        # A phrase that is nothing but a name got its actor from an apposition (actors._named_by_apposition).
        if 0 < names <= MAX_NAME_WORDS and (titled or first == chunk.start and names > 1):
            found[w.lower[chunk.end - 1]] = chunk.actors[0].code
    return found


def titles_placed(doc: Doc, named: list[Span], entity_at: dict[int, Span]) -> list[tuple[str, str]]:
    """(title, code) for each title a sentence places in a country: "Sudan's government", "the Sudanese foreign
    minister"; read from the words alone, as most such sentences report no event."""
    w = words(doc)
    sectors = lexicon.sectors()
    found = []
    for entity in named:
        if entity.label_ not in (COUNTRY, DEMONYM):
            continue
        i = entity.end + (entity.end < len(doc) and w.lower[entity.end] in POSSESSIVE_MARKS)
        for k in range(i, min(i + TITLE_REACH, len(doc))):
            if k in entity_at or not w.alpha[k]:
                break
            if (sector := sectors.get((w.lemma[k],))) is not None:
                if w.lower[k] == w.lemma[k]:  # one of them: "Sudan's ministers" are several
                    found.append((w.lemma[k], entity.ent_id_ + sector))
                break
    return found


def may_introduce(doc: Doc, sent: Span, named: list[Span], entity_at: dict[int, Span]) -> bool:
    """Whether a sentence can introduce anyone by name: it names a person in full, or has a name no lexicon knows
    right after a title or an apposition; finding its actor phrases costs more than this look."""
    if any(entity.label_ == ROLE and len(entity) > 1 for entity in named):
        return True
    w = words(doc)
    for i in range(sent.start + 1, sent.end - 1):
        if w.lemma[i] in SECTOR_NOUNS and i + 1 not in entity_at and w.name_word[i + 1]:
            return True  # "President Ivan Petrov"
        if w.lower[i] == "," and w.lower[i + 1] in ARTICLES and i - 1 not in entity_at:
            return True  # "Ivan Petrov, the Russian deputy foreign minister"
    return False


class People:
    """The people and bodies a document's sentences introduce, as it is coded sentence by sentence. A sentence with
    no event is read for names only when a later one holds a capitalised word it also holds: most never are."""

    def __init__(self, doc: Doc, entity_at: dict[int, Span], when: date | None) -> None:
        self.doc, self.entity_at, self.when = doc, entity_at, when
        self.surnames: dict[str, str] = {}  # surname -> code
        self.titles: dict[str, set[str]] = {}  # title -> the codes of the actors introduced with it
        self.pending: list[tuple[Span, set[str]]] = []  # each sentence kept for later, with its capitalised words

    def read(self, chunks: list[Chunk], named: list[Span]) -> None:
        """Learn from a coded sentence's actor phrases and names."""
        self.surnames.update(introduced(self.doc, chunks, self.entity_at))
        self._learn_titles(named)

    def defer(self, sent: Span, named: list[Span]) -> None:
        """Learn the titles of a sentence with no event now, and keep it for later if it may introduce anyone."""
        self._learn_titles(named)
        if named and may_introduce(self.doc, sent, named, self.entity_at):
            w = words(self.doc)
            capitalised = set(compress(w.lower[sent.start : sent.end], w.title[sent.start : sent.end]))
            self.pending.append((sent, capitalised))

    def opens_with_stranger(self, sent: Span) -> bool:
        """Whether a sentence opens with someone no lexicon places and no earlier sentence introduced: a surname
        after a title of courtesy ("Mr. Nichols escaped"), or a rare capitalised word that names no actor ("Nichols
        was being escorted"). A "he" after it is that person, not the subject of an earlier sentence."""
        w = words(self.doc)
        i = sent.start
        if w.lower[i].rstrip(".") in HONORIFICS:
            i += 1 + (i + 1 < sent.end and w.lower[i + 1] == ".")
        if i >= sent.end or i in self.entity_at or not (w.title[i] and w.alpha[i]) or w.lower[i] in STOP_WORDS:
            return False
        if w.lower[i] in self.surnames:
            return False
        return i > sent.start or _uncommon(w.lower[i])

    def opening_person(self, sent: Span, named: list[Span]) -> Actor | None:
        """The person the lexicon knows whom a sentence opens with, past their title ("Turkish President Recep Tayyip
        Erdogan told Putin ..."): the subject that a "he" in the next sentence stands for, though this one reports
        no event."""
        w = words(self.doc)
        person = next((e for e in named if e.label_ == ROLE), None)
        if person is None:
            return None
        opening = range(sent.start, person.start)
        if any(not (w.title[k] or w.lower[k] in DETERMINERS or w.lower[k] in POSSESSIVE_MARKS) for k in opening):
            return None
        code, country, sector = code_entity(person, None, self.when, False)
        start, end = person.start_char, person.end_char
        return Actor(text_of(self.doc)[start:end], code, start, end, country, sector)

    def names_a_stranger(self, sent: Span) -> bool:
        """Whether a sentence in running text names in full a person no lexicon places and no title introduces
        ("An Atlanta judge sentenced Brian Nichols"): a "he" in the next sentence may be either person."""
        w = words(self.doc)
        if in_headline_case(w, sent):
            return False
        for i in range(sent.start + 1, sent.end - 1):
            first, last = i, i + 1
            if first in self.entity_at or last in self.entity_at or w.lemma[i - 1] in SECTOR_NOUNS:
                continue
            if not (w.title[first] and w.alpha[first] and w.title[last] and w.alpha[last]):
                continue
            if w.lower[first] in STOP_WORDS or w.lemma[first] in SECTOR_NOUNS or w.lower[last] in self.surnames:
                continue
            if _uncommon(w.lower[last]):
                return True
        return False

    def _learn_titles(self, named: list[Span]) -> None:
        for title, code in titles_placed(self.doc, named, self.entity_at):
            self.titles.setdefault(title, set()).add(code)

    def mentioned(self, sent: Span) -> list[Span]:
        """The sentence's second references, as actor entities (added to the document's `entity_at`): surnames of
        people introduced earlier, and titles right after "the" that one actor introduced earlier holds ("the
        president said", not "the president of Chad")."""
        if not (self.surnames or self.titles or self.pending):
            return []
        w, taken = words(self.doc), self.entity_at
        second: dict[int, str] = {}
        unknown: dict[int, str] = {}
        # Only the capitalised words, and the words of a title when the sentence has one, are visited.
        after_the_first = range(sent.start + 1, sent.end)
        for i in compress(after_the_first, w.title[sent.start + 1 : sent.end]):
            lower = w.lower[i]
            if i not in taken and w.alpha[i] and len(lower) >= MIN_SURNAME_LETTERS and lower not in STOP_WORDS:
                unknown[i] = lower
        if not self.titles.keys().isdisjoint(w.lower[sent.start + 1 : sent.end]):
            for i in after_the_first:
                if (
                    i not in taken
                    and not w.title[i]
                    and (codes := self.titles.get(w.lower[i])) is not None
                    and len(codes) == 1
                    and w.lower[i - 1] == "the"
                    and not (i + 1 < sent.end and w.lower[i + 1] == "of")
                ):
                    second[i] = next(iter(codes))
        first = w.lower[sent.start]
        if w.title[sent.start] and sent.start not in taken and _uncommon(first):
            # "Kiir accused ..." opens the sentence; "Major roads were closed" does not name John Major
            unknown[sent.start] = first
        if unknown and self.pending:
            sought = set(unknown.values())
            for earlier, capitalised in [kept for kept in self.pending if not sought.isdisjoint(kept[1])]:
                self.pending.remove((earlier, capitalised))
                chunks = find_chunks(self.doc, earlier, taken, set(), self.when)
                self.surnames.update(introduced(self.doc, chunks, taken))
        second.update((i, code) for i, surname in unknown.items() if (code := self.surnames.get(surname)) is not None)
        found = []
        for i, code in sorted(second.items()):
            self.doc[i].ent_id_ = code  # a Span reads its entity id from its tokens
            span = Span(self.doc, i, i + 1, label=ACTOR, span_id=code)
            taken[i] = span
            found.append(span)
        return found
