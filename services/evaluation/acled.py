"""ACLED's own exports as labelled news: each event's notes (a few sentences written from the news reports it was
coded from), its event type and its two actors. ACLED's actor names say whose actors they are ("Protesters
(Zambia)", "Military Forces of Libya (2016-)"), which gives the country a coder should name for each side.
"""

from __future__ import annotations

import re

from services.extract import lexicon

# ACLED's sub-event types (since 2019) by the abbreviations the CASE 2021 task gives them.
SUB_EVENT_LABELS = {
    "Armed clash": "ARMED_CLASH",
    "Government regains territory": "GOV_REGAINS_TERIT",
    "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER",
    "Chemical weapon": "CHEM_WEAP",
    "Air/drone strike": "AIR_STRIKE",
    "Suicide bomb": "SUIC_BOMB",
    "Shelling/artillery/missile attack": "ART_MISS_ATTACK",
    "Remote explosive/landmine/IED": "REM_EXPLOS",
    "Grenade": "GRENADE",
    "Sexual violence": "SEX_VIOL",
    "Attack": "ATTACK",
    "Abduction/forced disappearance": "ABDUCT_DISSAP",
    "Peaceful protest": "PEACE_PROTEST",
    "Protest with intervention": "PROTEST_WITH_INTER",
    "Excessive force against protesters": "FORCE_AGAINST_PROTEST",
    "Violent demonstration": "VIOL_DEMONSTR",
    "Mob violence": "MOB_VIOL",
    "Agreement": "AGREEMENT",
    "Arrests": "ARREST",
    "Change to group/activity": "CHANGE_TO_GROUP_ACT",
    "Disrupted weapons use": "DISR_WEAP",
    "Headquarters or base established": "HQ_ESTABLISHED",
    "Looting/property destruction": "PROPERTY_DISTRUCT",
    "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER",
    "Other": "OTHER",
}
# ACLED's event types before sub-event types existed (to 2018); the three that split into several sub-event types
# keep labels of their own.
EVENT_TYPE_LABELS = {
    "Battle-No change of territory": "ARMED_CLASH",
    "Battle-Government regains territory": "GOV_REGAINS_TERIT",
    "Battle-Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER",
    "Headquarters or base established": "HQ_ESTABLISHED",
    "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER",
    "Remote violence": "REMOTE_VIOLENCE",
    "Violence against civilians": "VIOLENCE_AGAINST_CIVILIANS",
    "Riots/Protests": "RIOTS_PROTESTS",
    "Strategic development": "STRATEGIC_DEVELOPMENT",
}
ACLED_COLUMNS = ("notes", "event_type", "actor1", "actor2")
BRACKETED = re.compile(r"\(([^()]*)\)")
# "Military Forces of Libya (2016-)", "Government of Sierra Leone (2007-)": the country after "of", before a bracket
OF_A_COUNTRY = re.compile(r"\bof ((?:the )?[A-Z][^()]*?)\s*(?:\(|$)")


def label_of(event_type: str, sub_event_type: str | None) -> str:
    """The label of an ACLED event: its sub-event type's, else its event type's (an unknown one as written)."""
    if sub_event_type:
        return SUB_EVENT_LABELS.get(sub_event_type.strip(), sub_event_type.strip())
    return EVENT_TYPE_LABELS.get(event_type.strip(), event_type.strip())


def actor_country(name: str) -> str | None:
    """The ISO alpha-3 code of the country an ACLED actor's name gives, bracketed or after "of"; None for a named
    group ("Al Shabaab") or a town ("Islamic State (Tripoli)")."""
    for inside in reversed(BRACKETED.findall(name)):
        if (iso := _country(inside)) is not None:
            return iso
    found = OF_A_COUNTRY.search(name)
    return _country(found.group(1)) if found else None


def _country(name: str) -> str | None:
    name = name.strip().removeprefix("the ")
    iso = lexicon.countries().get(name)
    if iso is None:
        code = lexicon.named_actors().get(name, "")
        iso = code if len(code) == 3 and code.isalpha() and code.isupper() else None  # a country, not a group
    return iso
