"""Commerce: what firms do to one another (buying, selling, suing, signing contracts) is business, not an event
between political actors. An event whose doer is a firm and whose target is a firm, a town or region (where its
plant or its buyer is), or no one is left out; a firm's act on a state, a government or a people stays ("Gazprom cut
gas supplies to Ukraine")."""

from __future__ import annotations

from services.extract import lexicon
from services.extract.models import Actor, EventCandidate

BUSINESS = "BUS"
# A company's legal form ends its name: "TEC America Inc", "Hanson Plc", "Siemens AG".
LEGAL_FORMS = frozenset({"inc", "corp", "co", "ltd", "plc", "llc", "gmbh", "ag", "nv", "spa", "bancorp", "holdings"})


def is_a_firm(actor: Actor) -> bool:
    """Whether an actor is a business: by its sector, or by the legal form that ends its name."""
    words = actor.text.split()  # an actor the sentence implies ("protesters threw stones at home") has no words
    return actor.sector == BUSINESS or bool(words) and words[-1].rstrip(".").lower() in LEGAL_FORMS


def is_a_locality(actor: Actor) -> bool:
    """Whether an actor is named as a town or a region: a place that is neither a country nor a capital, whose name
    stands for no government ("Ontario", "Delaware"; not "Ecuador", "Tokyo")."""
    place = lexicon.places().get(actor.text)
    # the gazetteer names countries too ("US", "UK"), with no coordinates and no region of their own
    return place is not None and not place.capital and (place.lat is not None or bool(place.region))


def is_commerce(event: EventCandidate) -> bool:
    """Whether an event is a firm's act on another firm, on a town or a region, or on no one."""
    target = event.target
    return (
        event.source is not None
        and is_a_firm(event.source)
        and (target is None or is_a_firm(target) or is_a_locality(target))
    )
