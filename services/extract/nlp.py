"""The spaCy frame: a blank English pipeline with a sentence splitter, a lookup lemmatizer and actor/place rules."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lookups import load_lookups
from spacy.matcher import Matcher
from spacy.tokens import Doc

from services.extract import lexicon

# Entity labels, strongest first: a name in two dictionaries takes the first label that has it.
ROLE, ACTOR, COUNTRY, DEMONYM, CAPITAL, CITY = "ROLE", "ACTOR", "COUNTRY", "DEMONYM", "CAPITAL", "CITY"
GAP = {"OP": "{,5}"}


@Language.factory("newsflow_lemmatizer")
def make_lemmatizer(nlp: Language, name: str):
    """A lookup lemmatizer on lower-cased forms, so that headline case ("Withdraws") lemmatises too."""
    table = load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")

    def lemmatize(doc: Doc) -> Doc:
        for token in doc:
            lower = token.lower_
            token.lemma_ = table.get(lower, lower)
        return doc

    return lemmatize


def _entity_patterns() -> list[dict]:
    entries: dict[str, tuple[str, str]] = {}

    def add(name: str, label: str, key: str) -> None:
        entries.setdefault(name, (label, key))

    for name in lexicon.roles():
        add(name, ROLE, name)
    for name, code in lexicon.named_actors().items():
        add(name, COUNTRY if len(code) == 3 and code.isalpha() and not code.startswith(("IGO", "NGO", "IMG")) else ACTOR, code)
    for name, iso in lexicon.countries().items():
        add(name, COUNTRY, iso)
    for name, iso in lexicon.demonyms().items():
        add(name, DEMONYM, iso)
    table = load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")
    for name, place in lexicon.places().items():
        if place.lat is None:
            continue
        # A city named like an English word ("Mobile", "Split") is more often the word.
        if not place.capital and (name.lower() in table or name.lower() in STOP_WORDS or len(name) < 4):
            continue
        add(name, CAPITAL if place.capital else CITY, name)
    return [{"label": label, "pattern": name, "id": key} for name, (label, key) in entries.items()]


@lru_cache
def pipeline() -> Language:
    """The blank English pipeline: tokenizer, sentence splitter, lookup lemmatizer and the actor/place ruler."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH", "validate": False})
    ruler.add_patterns(_entity_patterns())
    nlp.add_pipe("newsflow_lemmatizer")
    return nlp


def _token_pattern(token: str) -> dict:
    if token == "~":
        return GAP
    if token.startswith("="):
        return {"LOWER": {"IN": token[1:].split("|=")}}
    options = token.split("|")
    return {"LEMMA": options[0]} if len(options) == 1 else {"LEMMA": {"IN": options}}


@lru_cache
def trigger_matcher() -> tuple[Matcher, dict[int, lexicon.Trigger]]:
    """A Matcher over lemmas for every trigger pattern, with the lexicon entry of each match id."""
    nlp = pipeline()
    matcher = Matcher(nlp.vocab)
    entries: dict[int, lexicon.Trigger] = {}
    for index, trigger in enumerate(lexicon.triggers()):
        name = f"trigger{index}"
        matcher.add(name, [[_token_pattern(word) for word in trigger.pattern.split()]])
        entries[nlp.vocab.strings[name]] = trigger
    return matcher, entries
