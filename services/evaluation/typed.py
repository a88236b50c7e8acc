"""The event coder on real news snippets labelled with the kind of event they report, in ACLED's sub-event types:
the layout of the CASE 2021 fine-grained event classification task (Hürriyetoğlu et al.), a real set that is not
the development data.

A snippet counts as found when the coder asserts an event of a PLOVER type that covers its label; a snippet about a
disaster counts as quiet when the coder asserts no event at all. Only asserted events count, as a reader of the
events table would take them. Actors are not scored: many of the snippets' place names are replaced by made-up ones.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from services.evaluation.data import TypedSnippet
from services.evaluation.extract import CODERS
from services.evaluation.scores import share
from services.extract.nlp import pipeline
from services.extract.places import countries_named

# Each label and the PLOVER types that cover it, from the two codebooks' definitions. ACLED's battles, explosions and
# remote violence, and violence against civilians are PLOVER's ASSAULT (abduction may be told as COERCE's seizure,
# and territory taken by force as seized); protests are PROTEST, and riots PROTEST or ASSAULT; a protest that the
# authorities break up is PROTEST, or the COERCE of its breaking up; arrests, force against protesters and weapons
# seized or defused are COERCE; an agreement may be an agreement, talks, or a release
# or surrender (PLOVER's RETREAT); territory handed over without a fight is given up (RETREAT) or taken (COERCE); a
# base set up is a deployment (MOBILIZE).
PLOVER_TYPES: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        (
            "ARMED_CLASH",
            "AIR_STRIKE",
            "ART_MISS_ATTACK",
            "REM_EXPLOS",
            "GRENADE",
            "SUIC_BOMB",
            "CHEM_WEAP",
            "ATTACK",
            "SEX_VIOL",
        ),
        frozenset({"ASSAULT"}),
    ),  # fmt: skip
    **dict.fromkeys(
        ("ABDUCT_DISSAP", "GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER", "PROPERTY_DISTRUCT"),
        frozenset({"ASSAULT", "COERCE"}),
    ),
    "PEACE_PROTEST": frozenset({"PROTEST"}),
    "PROTEST_WITH_INTER": frozenset({"PROTEST", "COERCE"}),
    "VIOL_DEMONSTR": frozenset({"PROTEST", "ASSAULT"}),
    "MOB_VIOL": frozenset({"PROTEST", "ASSAULT"}),
    "ARREST": frozenset({"COERCE"}),
    "FORCE_AGAINST_PROTEST": frozenset({"COERCE", "ASSAULT"}),
    "DISR_WEAP": frozenset({"COERCE"}),
    "AGREEMENT": frozenset({"AGREE", "CONSULT", "RETREAT"}),
    "NON_VIOL_TERRIT_TRANSFER": frozenset({"RETREAT", "COERCE"}),
    "HQ_ESTABLISHED": frozenset({"MOBILIZE"}),
    # ACLED's event types before 2019, each the union of the sub-event types it split into
    "REMOTE_VIOLENCE": frozenset({"ASSAULT"}),
    "VIOLENCE_AGAINST_CIVILIANS": frozenset({"ASSAULT", "COERCE"}),
    "RIOTS_PROTESTS": frozenset({"PROTEST", "ASSAULT", "COERCE"}),
}
# Disasters are no one's act: a coder should report no event there. The other labels (a change to a group's activity,
# organised crime, a claim of responsibility, diplomacy at large, other) have no one PLOVER type, and are not scored.
NO_EVENT = frozenset({"NATURAL_DISASTER", "MAN_MADE_DISASTER"})


def evaluate_typed(snippets: Iterable[TypedSnippet], *, advance: Callable[[], None] = lambda: None) -> dict[str, dict]:
    """Each coder's type recall over the snippets whose label a PLOVER type covers, per label, and the share of
    disaster snippets left without an event."""
    found = {name: Counter() for name in CODERS}
    labelled, quiet, disasters, dyads, dyads_found = Counter(), Counter(), 0, 0, Counter()
    named_dyads, named_dyads_found = 0, Counter()
    for snippet in snippets:
        advance()
        if snippet.label in PLOVER_TYPES:
            labelled[snippet.label] += 1
        elif snippet.label in NO_EVENT:
            disasters += 1
        else:
            continue  # a label no figure counts: the coders need not read it
        sides = _sides(snippet) if snippet.label in PLOVER_TYPES else None
        dyads += sides is not None
        named = sides is not None and _names_its_sides(snippet.text, sides)
        named_dyads += named
        for name, coder in CODERS.items():
            coded = coder(snippet.text)
            types = {type_ for _, _, type_, _ in coded}
            if snippet.label in PLOVER_TYPES:
                found[name][snippet.label] += bool(types & PLOVER_TYPES[snippet.label])
                if sides is not None:
                    with_sides = any(
                        type_ in PLOVER_TYPES[snippet.label] and _has_sides(source, target, sides)
                        for source, target, type_, _ in coded
                    )
                    dyads_found[name] += with_sides
                    named_dyads_found[name] += named and with_sides
            else:
                quiet[name] += not types
    return {
        name: {
            "snippets": sum(labelled.values()),
            "type_recall": share(sum(found[name].values()), sum(labelled.values())),
            "dyads": dyads,
            "dyad_recall": share(dyads_found[name], dyads),
            "dyads_named": named_dyads,
            "dyad_recall_named": share(named_dyads_found[name], named_dyads),
            "disasters": disasters,
            "disasters_quiet": share(quiet[name], disasters),
            "by_label": {
                label: {"snippets": n, "type_recall": share(found[name][label], n)}
                for label, n in sorted(labelled.items(), key=lambda item: (-item[1], item[0]))
            },
        }
        for name in CODERS
    }


def _sides(snippet: TypedSnippet) -> tuple[str, str | None] | None:
    """The countries a coded event must name for the snippet's dyad: the acting side's, and the side acted on's
    unless the labels name none; None when the labels do not give a side's country."""
    if snippet.source is None or snippet.target is None and not snippet.one_sided:
        return None
    return snippet.source, snippet.target


def _names_its_sides(text: str, sides: tuple[str, str | None]) -> bool:
    """Whether a snippet names the country of each of its dyad's sides in a form the coder's lexicons know: many
    ACLED notes name only a village, or a group by its initials, and no coder can tell their country from them."""
    return {side for side in sides if side} <= countries_named(pipeline()(text))


def _has_sides(source: str, target: str, sides: tuple[str, str | None]) -> bool:
    """Whether an event's source and target countries are the dyad's, in either order for two sides (ACLED's first
    actor is not always the one that struck first)."""
    first, second = sides
    if second is None:
        return source == first
    return (source, target) in ((first, second), (second, first))
