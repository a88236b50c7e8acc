"""Commerce: what firms do to one another or to a market (buying, selling, suing, signing contracts) is business,
not an event between political actors. An event whose doer is a firm and whose target takes no part in politics (a
firm, a town or a region where its plant or its buyer is, a people named only by its nationality) or is no one is
left out; a firm's act on a state, a government, a court or a group of people stays ("Gazprom cut gas supplies to
Ukraine", "Exxon agreed to pay the Nigerian government a fine")."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from services.extract import lexicon
from services.extract.models import Actor, EventCandidate
from services.extract.nlp import words

BUSINESS = "BUS"
# A company's legal form ends its name: "TEC America Inc", "Hanson Plc", "Siemens AG"; so do the nouns of a trade
# that only firms take as the last word of their names ("British Airways", "Koor Industries").
LEGAL_FORMS = frozenset(
    {"inc", "corp", "co", "ltd", "plc", "llc", "gmbh", "ag", "nv", "spa", "bancorp", "holdings", "corporation", "lp"}
    | {"company", "incorporated", "limited", "industries", "enterprises", "airways", "airlines", "motors"}
)
# The rest of a name the actor's words open, up to its legal form: an actor read as "American" or "Canadian Bashaw
# Leduc Oil" from "American Sports Advisors Inc" or "Canadian Bashaw Leduc Oil and Gas Ltd" is the firm. Wire copy
# marks a firm's name with angle brackets: "<Minet Holdings PLC>".
NAME_REST = re.compile(r"\s+<?[A-Z][\w'.&-]*>?(?:\s+<?(?:[A-Z][\w'.&-]*|and|&|of|de)>?)*")
# or joins its last words ("Oil and Gas Ltd", "Smith & Co"), with one word at most before the legal form, where "Japan
# and Nippon Steel Corp" are two.
JOINED_NAME_END = re.compile(r"\s+(?:and|&)\s+(?:[A-Z][\w'.-]*\s+)?(\w+)")
# An institution's name joins its words with "and", "of" and "for" too ("the Canadian Radio-television and
# Telecommunications Commission", "the Office of Public Counsel"), or is a place before its noun ("California
# regulators").
INSTITUTION_NAME_REST = re.compile(r"(?:\s+[a-z]+\b)?(?:\s+(?:[A-Z][\w'.&-]*|and|&|of|for))*")
MAX_NAME_REST = 60  # characters: a name runs on for a few words at most
BUSINESS_WORDS = lexicon.word_set("business_words")
# Cues (words of business) that make a report a business report.
MIN_BUSINESS_CUES = 3
INSTITUTION_NOUNS = lexicon.word_set("institution_nouns")
# Codes of actors that are organisations of states or movements, not states.
ORGANISATIONS = frozenset({"IGO", "NGO", "IMG"})


def is_a_firm(actor: Actor, text: str) -> bool:
    """Whether an actor is a business: by its sector, or by the legal form that ends its name, in its own words or
    in the capitalised words that follow them in the text."""
    name_words = actor.text.split()
    if actor.sector == BUSINESS or bool(name_words) and _is_legal_form(name_words[-1]):
        return True
    rest = NAME_REST.match(text, actor.end, actor.end + MAX_NAME_REST)
    if rest is not None and any(_is_legal_form(word) for word in rest.group(0).split()):
        return True
    joined = JOINED_NAME_END.match(text, actor.end, actor.end + MAX_NAME_REST)
    return joined is not None and _is_legal_form(joined.group(1))


def _is_legal_form(word: str) -> bool:
    return word.strip("<>").replace(".", "").lower() in LEGAL_FORMS


def takes_part_in_politics(actor: Actor, text: str) -> bool:
    """Whether an actor is one a firm's act can be an event on: a state named by its country or its capital, a body
    or a group of a kind (a government, a court, civilians, a union), an organisation, or the country a sentence
    implies without naming it ("staged a strike" at home)."""
    if is_a_firm(actor, text):
        return False
    if actor.sector is not None or not actor.text.strip() or actor.country in ORGANISATIONS:
        return True
    # the gazetteer names countries too ("US", "UK"), with no coordinates and no region of their own
    place = lexicon.places().get(actor.text)
    return place is not None and (place.capital or place.lat is None and not place.region)


def is_commerce(event: EventCandidate, text: str) -> bool:
    """Whether an event is a firm's act on no one, or on one who takes no part in politics. A protest is no market's
    act: traders who march or strike protest as others do."""
    source, target = event.source, event.target
    if source is None or event.type == "PROTEST" or not is_a_firm(source, text):
        return False
    return target is None or not takes_part_in_politics(target, text)


def is_business_report(doc: Doc) -> bool:
    """Whether the text speaks of business: shares, stakes, subsidiaries, firms' legal forms, at least
    MIN_BUSINESS_CUES of them."""
    return sum(map(BUSINESS_WORDS.__contains__, words(doc).lower)) >= MIN_BUSINESS_CUES


def is_a_deal(event: EventCandidate, text: str) -> bool:
    """Whether an event, in a business report, is one between parties that are no state or body of one: a source
    and a target (or no target) that take no part in politics and whose names name no institution."""
    source, target = event.source, event.target
    return source is not None and not _is_public(source, text) and (target is None or not _is_public(target, text))


def _is_public(actor: Actor, text: str) -> bool:
    if takes_part_in_politics(actor, text):
        return True
    rest = INSTITUTION_NAME_REST.match(text, actor.end, actor.end + MAX_NAME_REST)
    name = actor.text + (rest.group(0) if rest is not None else "")
    return any(word.lower() in INSTITUTION_NOUNS for word in re.findall(r"\w+", name))


def without_commerce(doc: Doc, events: list[EventCandidate], text: str) -> list[EventCandidate]:
    """The events, less firms' acts on one another (`is_commerce`) and, in a business report, the deals between
    parties that are no states (`is_a_deal`)."""
    events = [event for event in events if not is_commerce(event, text)]
    deals = [is_a_deal(event, text) for event in events]
    if not any(deals) or not is_business_report(doc):
        return events
    return [event for event, deal in zip(events, deals, strict=True) if not deal]
