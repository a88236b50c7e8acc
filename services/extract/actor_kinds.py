"""What kind of actor a phrase names: a person, a body, a group, a state, protesters."""

from __future__ import annotations

from services.extract import lexicon
from services.extract.actors import PREPOSITIONS
from services.extract.models import Actor

BODY_NOUNS = lexicon.word_set("body_nouns")
# Codes of actors that are not one country: international and non-governmental organisations, militant groups.
NGO = "NGO"
GROUP_CODES = frozenset({"IGO", NGO, "IMG"})
RIGHTS_GROUP = "HRI"
# The sectors of groups that "the group" or "the movement" may stand for: armed groups, parties, the opposition
GROUP_SECTORS = frozenset({"REB", "PTY", "OPP", "RAD", "CRM", "LAB", "REL"})
FORCES = frozenset({"MIL", "COP"})
PROTESTERS = lexicon.word_set("protesters")
CROWD_NOUNS = frozenset({"crowd", "crowds"})
# Officials who come on a visit, by the noun that heads their phrase
VISITORS = frozenset(
    {"president", "minister", "premier", "chancellor", "king", "queen", "prince", "emir", "sultan", "envoy"}
    | {"secretary", "delegation", "counterpart", "leader", "ambassador", "diplomat", "governor", "mayor"}
)


def is_the_state(actor: Actor, trigger_char: int) -> bool:
    """A state's forces or government, a country named by its name ("Israel has blockaded"), or one named right
    before the act ("the Israeli blockade"), as CAMEO reads a country; "Angry French paper workers" are not France."""
    if actor.sector in FORCES or actor.sector == "GOV":
        return True
    if actor.sector is not None or actor.country is None:
        return False
    return 0 <= trigger_char - actor.end <= 1 or lexicon.countries().get(actor.text) == actor.country


def is_a_protester(actor: Actor, *, crowds: bool = True) -> bool:
    """Whether an actor is people in a protest ("Greek rioters", "rioters in Greece"), by the words of its own phrase
    ("police" of "police and protesters in Cairo" is none); crowds: a crowd too, as one in a protest's story is."""
    for word in actor.text.lower().split():
        if word in PROTESTERS and (crowds or word not in CROWD_NOUNS):
            return True
        if word == "and" or word in PREPOSITIONS and word != "of":  # "hundreds of protesters" are protesters
            return False
    return False


def complains(actor: Actor) -> bool:
    """Whether an actor's protest is a complaint: an official's, or a non-governmental organisation's ("a human
    rights group protested"), made in words, not in the street."""
    return is_official(actor) or actor.country == NGO or actor.sector == RIGHTS_GROUP


def is_official(actor: Actor) -> bool:
    """A government, a country named as such, or an international organisation; a people named by its demonym
    ("hundreds of Bangladeshi garment workers", "the French") is no state."""
    if actor.sector == "GOV" or actor.country == "IGO":
        return True
    words_of_actor = actor.text.split()
    named = actor.sector is None and actor.country is not None
    return named and not (words_of_actor and words_of_actor[-1] in lexicon.demonyms())


def one_person(pronoun: str, actors: list[Actor]) -> bool:
    """Whether actors are persons "it" cannot stand for: any persons for "it", one person for "they" ("Obama and
    Putin said they will" is the two of them)."""
    persons = [a for a in actors if _is_person(a)]
    return len(persons) == len(actors) and (pronoun == "it" or len(persons) == 1)


def is_stranger(actor: Actor) -> bool:
    """A person or body named in full whom no lexicon places ("Carla del Ponte"), also after a title ("Secretary of
    State Antony Blinken"): known by name, not by country."""
    if actor.country is not None:
        return False
    if not actor.code and actor.sector is None:
        return True
    return actor.sector == "GOV" and named_in_full(actor)


def is_person_or_delegation(actor: Actor) -> bool:
    """Whether an official actor is someone who travels: a person by title or name, or a delegation; not a
    government, a ministry or a state."""
    return head_word(actor).lower() in VISITORS or _is_person(actor) or named_in_full(actor)


def named_in_full(actor: Actor) -> bool:
    """Whether an actor's words end on a given name and a surname ("Prime Minister John Howard")."""
    names = actor.text.split()
    return len(names) >= 2 and names[-2].isalpha() and names[-2][0].isupper() and names[-1][0].isupper()


def _is_person(actor: Actor) -> bool:
    """Whether an actor is a person the lexicon knows by name ("President Obama", "Mr. Kiir")."""
    names = actor.text.split()
    ends = (" ".join(names[-k:]) for k in range(1, min(3, len(names)) + 1))
    return any(end in lexicon.roles() and end not in lexicon.groups_with_roles() for end in ends)


def may_be_he(actor: Actor) -> bool:
    """Whether "he" or "she" may stand for an actor: one holding an office or a trade, not a body or a group."""
    return actor.sector is not None and not is_plural(actor) and not is_a_body(actor)


def is_a_body(actor: Actor) -> bool:
    """Whether an actor is written as a body's common noun ("police", "the church", "Kenya's government")."""
    return head_word(actor).lower() in BODY_NOUNS  # "Police said he": capitalised at a sentence's start


def is_plural(actor: Actor) -> bool:
    """Whether an actor is written as a plural common noun ("Georgia lawmakers", "Chinese officials")."""
    last = head_word(actor)
    return last.islower() and last.endswith("s") and not last.endswith("ss")


def head_word(actor: Actor) -> str:
    """The last word of an actor's phrase before any prepositional phrase: "court" of "the court in Atlanta"."""
    head = []
    for word in actor.text.split():
        if head and word in PREPOSITIONS:
            break
        head.append(word)
    return head[-1] if head else ""


def is_a_group(actor: Actor) -> bool:
    return actor.sector in GROUP_SECTORS or actor.country in GROUP_CODES


def names_a_state(actor: Actor) -> bool:
    return bool(actor.country) and actor.country not in GROUP_CODES
