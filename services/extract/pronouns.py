"""Whom a pronoun, "the group" or "the country" points back to: an actor named before it, or the last subject."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from services.extract.actor_kinds import is_a_body, is_a_group, is_plural, may_be_he, names_a_state, one_person
from services.extract.actors import BOTH, COUNTRY_NOUNS, GROUP_NOUNS, OTHERS, Chunk, written_actor
from services.extract.models import Actor

if TYPE_CHECKING:  # the sentence's state reads this module's antecedents as it is built
    from services.extract.sentence import Sentence

PERSONAL = frozenset({"he", "she"})
IMPERSONAL = frozenset({"it", "they"})


def resolve_pronoun(chunk: Chunk | None, chunks: list[Chunk], last_subject: list[Actor]) -> list[Actor]:
    if chunk is None:
        return []
    if not chunk.pronoun:
        return chunk.actors
    if chunk.pronoun in COUNTRY_NOUNS:
        return _country_named_before(chunk, chunks, last_subject)
    if chunk.pronoun in GROUP_NOUNS:
        return _group_named_before(chunk, chunks, last_subject)
    if chunk.pronoun == OTHERS:
        # "killed a police officer and wounded two others": the last people named before, more of their kind
        earlier = [c for c in chunks if c.end <= chunk.start and c.actors and not c.pronoun and not c.place]
        return earlier[-1].actors if earlier else []
    if chunk.pronoun == BOTH:
        # "Armenia and Azerbaijan held talks. Both sides accused each other": the last subject's two parties
        return last_subject if len({a.country for a in last_subject if a.country}) > 1 else []
    unplaced = None
    for earlier in reversed([c for c in chunks if c.end <= chunk.start and not c.pronoun and c.prep is None]):
        if chunk.pronoun in PERSONAL and not all(a.sector for a in earlier.actors):
            continue  # "he" is a person (a minister, a president), not a country named on its own
        if chunk.pronoun in PERSONAL and all(is_plural(a) or is_a_body(a) for a in earlier.actors):
            continue  # nor a group ("lawmakers", "officials") or a body ("police", "the church")
        if chunk.pronoun in IMPERSONAL and one_person(chunk.pronoun, earlier.actors):
            continue  # "it" and "they" are a state, a body or a group, not one person named before
        if not any(a.country for a in earlier.actors):
            # "The Kenyan teachers' union, the largest union, said it": a description names no one new
            unplaced = unplaced or earlier.actors
            continue
        return earlier.actors
    if unplaced is None and chunk.pronoun in PERSONAL and last_subject and not any(map(may_be_he, last_subject)):
        return []  # "he" is no state, body or group named before: "Israel rejected the call. He urged ..."
    if unplaced is None and chunk.pronoun in IMPERSONAL and last_subject and one_person(chunk.pronoun, last_subject):
        return []
    return unplaced or last_subject


def _group_named_before(chunk: Chunk, chunks: list[Chunk], last_subject: list[Actor]) -> list[Actor]:
    """The body "the group" or "the movement" points back to: the last armed group, party or organisation named
    before it in the sentence ("a senior Hamas official said the group had accepted"), else the last subject's."""
    named = named_before(chunk, chunks, last_subject, is_a_group)
    return [named] if named else []


def _country_named_before(chunk: Chunk, chunks: list[Chunk], last_subject: list[Actor]) -> list[Actor]:
    """The state "the country" points back to: the last country named before it in the sentence (by itself, its
    people or its officials: "Zambia's finance minister said the country had reached a deal"), else the last
    subject's."""
    named = named_before(chunk, chunks, last_subject, names_a_state)
    return [Actor(named.text, named.country, named.start, named.end, named.country, None)] if named else []


def named_before(
    chunk: Chunk, chunks: list[Chunk], last_subject: list[Actor], fits: Callable[[Actor], bool]
) -> Actor | None:
    """The last actor named before a phrase in its sentence that fits, else the first of the last subject's."""
    earlier = [a for c in chunks if c.end <= chunk.start and not c.pronoun for a in c.actors]
    named = next((a for a in reversed(earlier) if fits(a)), None)
    return named if named is not None else next((a for a in last_subject if fits(a)), None)


def resolve(s: Sentence, chunk: Chunk | None) -> list[Actor]:
    """The actors a phrase names, or those a pronoun or "the country" points back to; "the country" with no
    state named before it in its sentence is the one the story is set in (news calls its own country so,
    whoever spoke last)."""
    home = s.setting
    country_noun = chunk is not None and chunk.pronoun in COUNTRY_NOUNS
    if country_noun and home is not None and named_before(chunk, s.chunks, [], names_a_state) is None:
        return [written_actor(s.doc, chunk.start, chunk.end, home, home, None)]
    chunks = s.chunks
    if chunk is not None and chunk.pronoun and (asides := s.relative_asides):
        # "Russia, which has accused Ukraine of attacking it, said it had ...": the second "it" skips the aside
        chunks = [c for c in chunks if c.start not in asides or chunk.start in asides]
    return resolve_pronoun(chunk, chunks, s.last_subject)
