"""Commerce: what firms do to one another or to a market (buying, selling, suing, signing contracts) is business,
not an event between political actors. An event whose doer is a firm and whose target takes no part in politics (a
firm, a town or a region where its plant or its buyer is, a people named only by its nationality) or is no one is
left out; a firm's act on a state, a government, a court or a group of people stays ("Gazprom cut gas supplies to
Ukraine", "Exxon agreed to pay the Nigerian government a fine")."""

from __future__ import annotations

from services.extract import lexicon
from services.extract.models import Actor, EventCandidate

BUSINESS = "BUS"
# A company's legal form ends its name: "TEC America Inc", "Hanson Plc", "Siemens AG".
LEGAL_FORMS = frozenset({"inc", "corp", "co", "ltd", "plc", "llc", "gmbh", "ag", "nv", "spa", "bancorp", "holdings"})
# Codes of actors that are organisations of states or movements, not states.
ORGANISATIONS = frozenset({"IGO", "NGO", "IMG"})


def is_a_firm(actor: Actor) -> bool:
    """Whether an actor is a business: by its sector, or by the legal form that ends its name."""
    words = actor.text.split()
    return actor.sector == BUSINESS or bool(words) and words[-1].rstrip(".").lower() in LEGAL_FORMS


def takes_part_in_politics(actor: Actor) -> bool:
    """Whether an actor is one a firm's act can be an event on: a state named by its country or its capital, a body
    or a group of a kind (a government, a court, civilians, a union), an organisation, or the country a sentence
    implies without naming it ("staged a strike" at home)."""
    if is_a_firm(actor):
        return False
    if actor.sector is not None or not actor.text.strip() or actor.country in ORGANISATIONS:
        return True
    # the gazetteer names countries too ("US", "UK"), with no coordinates and no region of their own
    place = lexicon.places().get(actor.text)
    return place is not None and (place.capital or place.lat is None and not place.region)


def is_commerce(event: EventCandidate) -> bool:
    """Whether an event is a firm's act on no one, or on one who takes no part in politics."""
    source, target = event.source, event.target
    return source is not None and is_a_firm(source) and (target is None or not takes_part_in_politics(target))
