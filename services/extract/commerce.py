"""Commerce: what firms do to one another or to a market (buying, selling, suing, signing contracts) is business,
not an event between political actors. An event whose doer is a firm and whose target takes no part in politics (a
firm, a town or a region where its plant or its buyer is, a people named only by its nationality) or is no one is
left out; a firm's act on a state, a government, a court or a group of people stays ("Gazprom cut gas supplies to
Ukraine", "Exxon agreed to pay the Nigerian government a fine")."""

from __future__ import annotations

import re

from services.extract import lexicon
from services.extract.models import Actor, EventCandidate

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
MAX_NAME_REST = 60  # characters: a name runs on for a few words at most
# Codes of actors that are organisations of states or movements, not states.
ORGANISATIONS = frozenset({"IGO", "NGO", "IMG"})


def is_a_firm(actor: Actor, text: str) -> bool:
    """Whether an actor is a business: by its sector, or by the legal form that ends its name, in its own words or
    in the capitalised words that follow them in the text."""
    words = actor.text.split()
    if actor.sector == BUSINESS or bool(words) and _is_legal_form(words[-1]):
        return True
    rest = NAME_REST.match(text, actor.end, actor.end + MAX_NAME_REST)
    if rest is not None and any(
        word.strip("<>.").replace(".", "").lower() in LEGAL_FORMS for word in rest.group(0).split()
    ):
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
    """Whether an event is a firm's act on no one, or on one who takes no part in politics."""
    source, target = event.source, event.target
    if source is None or not is_a_firm(source, text):
        return False
    return target is None or not takes_part_in_politics(target, text)
