"""People a news report introduces once by who they are and then calls by their surname alone.

Wire copy names a person in full with their title on first mention ("South Sudan's President Salva Kiir", "Ivan
Petrov, the Russian deputy foreign minister") and by surname after ("Mr. Kiir accused Sudan of ..."): the style
guides' second reference. The surname then stands for the actor its introduction coded.
"""

from __future__ import annotations

from datetime import date

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from services.extract import lexicon
from services.extract.actors import APPOSITION_ARTICLES, Chunk, find_chunks, is_name_word
from services.extract.nlp import ACTOR, ROLE, words

# A longer run of capitalised words after a title is a body's name ("Minister of State for Foreign Affairs"), not
# a person's.
MAX_NAME_WORDS = 3
# "Kim Jong Un" is called Kim: a last word this short is no surname
MIN_SURNAME_LETTERS = 3


def introduced(doc: Doc, chunks: list[Chunk], entity_at: dict[int, Span]) -> dict[str, str]:
    """Surnames of the people a sentence's actor phrases name, each with the code of the phrase that names them:
    a phrase of one actor with a country that ends in a person's full name the lexicon knows ("Salva Kiir"), or in a
    name it does not know, right after a title ("President Ivan Petrov") or standing alone before an apposition that
    says who they are."""
    w = words(doc)
    sectors = lexicon.sectors()
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
            and is_name_word(w, first - 1)
            and (w.lemma[first - 1],) not in sectors
        ):
            first -= 1
        names = chunk.end - first
        titled = first > chunk.start and (w.lemma[first - 1],) in sectors
        # A phrase that is nothing but a name got its actor from an apposition (actors._named_by_apposition).
        if 0 < names <= MAX_NAME_WORDS and (titled or first == chunk.start and names > 1):
            found[w.lower[chunk.end - 1]] = chunk.actors[0].code
    return found


def may_introduce(doc: Doc, sent: Span, named: list[Span], entity_at: dict[int, Span]) -> bool:
    """Whether a sentence can introduce anyone: it names a person in full, or has a name no lexicon knows right after
    a title or an apposition; finding its actor phrases costs more than this look."""
    if any(entity.label_ == ROLE and len(entity) > 1 for entity in named):
        return True
    w = words(doc)
    sectors = lexicon.sectors()
    for i in range(sent.start + 1, sent.end - 1):
        if (w.lemma[i],) in sectors and i + 1 not in entity_at and is_name_word(w, i + 1):
            return True  # "President Ivan Petrov"
        if w.lower[i] == "," and w.lower[i + 1] in APPOSITION_ARTICLES and i - 1 not in entity_at:
            return True  # "Ivan Petrov, the Russian deputy foreign minister"
    return False


class People:
    """The people a document's sentences introduce, as it is coded sentence by sentence. A sentence with no event is
    read for introductions only when a later one holds a capitalised word it also holds: most never are."""

    def __init__(self, doc: Doc, entity_at: dict[int, Span], when: date | None) -> None:
        self.doc, self.entity_at, self.when = doc, entity_at, when
        self.known: dict[str, str] = {}  # surname -> code
        self.pending: list[Span] = []

    def read(self, chunks: list[Chunk]) -> None:
        """Learn from a coded sentence's actor phrases."""
        self.known.update(introduced(self.doc, chunks, self.entity_at))

    def defer(self, sent: Span, named: list[Span]) -> None:
        """Keep a sentence with no event for later, if it may introduce anyone."""
        if named and may_introduce(self.doc, sent, named, self.entity_at):
            self.pending.append(sent)

    def mentioned(self, sent: Span) -> list[Span]:
        """The sentence's words that are the surname of someone introduced earlier and name nothing else, as actor
        entities (added to the document's `entity_at`)."""
        if not self.known and not self.pending:
            return []
        w = words(self.doc)
        unknown = {
            i: w.lower[i]
            for i in range(sent.start, sent.end)
            if w.title[i]
            and w.alpha[i]
            and i not in self.entity_at
            and len(w.lower[i]) >= MIN_SURNAME_LETTERS
            and w.lower[i] not in STOP_WORDS
        }
        if not unknown:
            return []
        sought = set(unknown.values())
        for earlier in [
            s for s in self.pending if any(w.title[i] and w.lower[i] in sought for i in range(s.start, s.end))
        ]:
            self.pending.remove(earlier)
            self.read(find_chunks(self.doc, earlier, self.entity_at, set(), self.when))
        found = []
        for i, lower in unknown.items():
            if (code := self.known.get(lower)) is not None:
                self.doc[i].ent_id_ = code  # a Span reads its entity id from its tokens
                span = Span(self.doc, i, i + 1, label=ACTOR, span_id=code)
                self.entity_at[i] = span
                found.append(span)
        return found
