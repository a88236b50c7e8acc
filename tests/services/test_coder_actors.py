"""Which actor a phrase names and whether it is the target: lists against attributions, places beside clauses and
compass points, glosses in brackets, peoples placed by where they live, pronouns past a description, courts acting at
home. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from services.extract.nlp import CAPITAL, CITY, doc_entities, pipeline
from tests.services.coding import asserted, by_cameo, by_code, by_country


def codes(text: str) -> set[tuple[str, str | None, str | None]]:
    """A text's asserted events as a set: these sentences may give several, in any order."""
    return set(by_code(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list of names ends with "and": every name is an actor
        (
            "Israel, the United States, and Britain condemned Iran.",
            {("ACCUSE", "ISR", "IRN"), ("ACCUSE", "USA", "IRN"), ("ACCUSE", "GBR", "IRN")},
        ),
        # coordinated demonyms share the noun after them ("sides" is a party, not a place)
        (
            "The Serbian and Croatian sides agreed to resume talks.",
            {("AGREE", "SRB", None), ("AGREE", "HRV", None)},
        ),
        # a historical demonym
        ("Vietnamese troops attacked Kampuchean guerrillas.", {("ASSAULT", "VNMMIL", "KHMREB")}),
        # a state named before a group with a name of its own is the state, not of the group's kind
        ("Israel and Hamas militants agreed to a truce.", {("AGREE", "ISR", None), ("AGREE", "PSEREBHMS", None)}),
        ("Ethiopia and Tigray rebels signed a truce.", {("RETREAT", "ETH", None), ("RETREAT", "ETHREB", None)}),
        # but a state's name shares the noun with a people's ("US and British troops")
        ("US and British troops attacked the town.", {("ASSAULT", "USAMIL", None), ("ASSAULT", "GBRMIL", None)}),
    ],
)
def test_actors_named_in_a_phrase(text: str, expected: set) -> None:
    assert codes(text) == expected


def test_a_name_before_an_attribution_is_not_a_list() -> None:
    # ", Indian military officials said" attributes the report; it does not continue the object
    found = codes("Pakistan has deployed new missiles aimed at China, Indian military officials said.")
    assert found and all(target != "INDMIL" for _, _, target in found)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a place in a conditional clause is not the object of the main verb
        ("Turkey said it would not accept more refugees if fighting spreads in Syria.", "SYR"),
        # a place after a compass point keeps its preposition: where the truce holds, not whom it is with
        ("Hezbollah announced a truce in south Lebanon.", "LBN"),
        # "without" before a gerund opens a clause of its own
        ("Kenyan President Uhuru Kenyatta agreed to resign without returning to Kenya.", "KEN"),
    ],
)
def test_a_place_outside_the_clause_or_after_a_preposition_is_no_target(text: str, place: str) -> None:
    found = asserted(text)
    assert found and all(e.target is None or e.target.country != place for e in found)


def test_a_place_after_a_compass_point_is_where_it_happened() -> None:
    (event,) = asserted("Hezbollah announced a truce in south Lebanon.")
    assert event.location is not None and event.location.country == "LBN"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Turkish troops shelled Kurdish fighters in largely Kurdish northern Syria.", "Syria"),
        ("Syrian troops arrested three opposition activists in rebel-held Idlib.", "Idlib"),
        ("Saudi jets struck Houthi positions in war-torn Yemen.", "Yemen"),
    ],
)
def test_an_adverb_or_a_hyphened_compound_before_a_place_is_part_of_its_name(text: str, place: str) -> None:
    (event,) = asserted(text)
    assert event.location is not None and event.location.name == place, text


def test_a_gloss_in_brackets_is_not_the_subject() -> None:
    assert codes("Hamas (the Islamic Resistance Movement) declared a truce on Friday.") == {
        ("RETREAT", "PSEREBHMS", None)
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israel's army — which says it targets only militants — struck a school in Gaza City.", ("ISRMIL", "PSE")),
        ("Youths - some on foot, others on motorcycles - attacked a police station in Athens.", ("GRCCVL", "GRCCOP")),
        # a comma inside the aside closes no clause before the verb
        ("The rebels – backed by Rwanda, UN experts say – seized the town of Goma.", ("REB", "COD")),
    ],
)
def test_an_aside_between_dashes_is_not_the_subject(text: str, expected: tuple) -> None:
    assert (expected[0], expected[1]) in {(e.source.code, e.target.code) for e in asserted(text)}, text


@pytest.mark.parametrize("name", ["Zelensky", "Zelenskyy", "Zelenskiy"])
def test_a_leader_is_known_in_each_spelling_the_wires_use(name: str) -> None:
    assert codes(f"{name} appealed to the United States for more air defences.") == {("REQUEST", "UKRGOV", "USA")}


@pytest.mark.parametrize(
    "text",
    [
        "Iran and Saudi Arabia agreed to restore ties in a China-brokered deal.",
        "Iran and Saudi Arabia agreed to restore ties in a deal brokered by China.",
    ],
)
def test_the_broker_of_a_deal_is_no_party_to_it_nor_its_place(text: str) -> None:
    agreements = {(e.source.country, e.target and e.target.country) for e in asserted(text) if e.type == "AGREE"}
    assert agreements == {("IRN", None), ("SAU", None)}, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # words no lexicon knows between a nationality and its title qualify the title: one actor, of that country
        (
            "Outspoken Serbian ultra-nationalist leader Vojislav Seselj called on Iraq to resist.",
            [("REQUEST", "SRBGOV", "IRQ")],
        ),
        ("Egyptian undercover forces kidnapped an activist.", [("ASSAULT", "EGYMIL", "OPP")]),
        # not a backer's name hyphened to its participle, nor a word after the title
        (
            "Turkish-backed rebel fighters seized the town from the Islamic State group.",
            [("ASSAULT", "REB", "IMGREBISI")],
        ),
    ],
)
def test_adjectives_between_a_nationality_and_a_title_are_the_title_s(text: str, expected: list) -> None:
    assert by_code(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # armed forces, armed groups and parties named by their initials alone are their home state's
        ("FARDC soldiers clashed with FDLR rebels near Goma.", [("ASSAULT", "CODMIL", "RWAREBFDL")]),
        ("Fano militiamen attacked ENDF positions.", [("ASSAULT", "ETHREB", "ETHMIL")]),
        ("Suspected Zanu PF youths beat up MDC supporters.", [("ASSAULT", "ZWEPTY", "ZWEPTY")]),
        ("Peshmerga fighters clashed with Islamic State militants.", [("ASSAULT", "IRQMIL", "IMGREBISI")]),
        ("Sinaloa Cartel gunmen killed five police officers in Culiacan.", [("ASSAULT", "MEXCRM", "MEXCOP")]),
    ],
)
def test_groups_known_by_their_initials_are_their_home_state_s(text: str, expected: list) -> None:
    assert by_code(text) == expected, text


def test_a_name_hyphened_to_a_participle_qualifies_the_noun_after_it() -> None:
    assert codes("Egypt hosted Qatar-mediated talks between Israel and Hamas.") == {
        ("CONSULT", "EGY", "ISR"),
        ("CONSULT", "EGY", "PSEREBHMS"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The German chancellor, Olaf Scholz, and the French president, Emmanuel Macron, pledged to support Kenya.",
            {("AGREE", "DEUGOV", "KEN"), ("AGREE", "FRAGOV", "KEN")},
        ),
        # a name no lexicon knows in the first apposition
        (
            "The Kenyan foreign minister, Alice Wanjiru, and her Ugandan counterpart, Jane Okello, met in Nairobi.",
            {("CONSULT", "KENGOV", "UGAGOV"), ("CONSULT", "UGAGOV", "KENGOV")},
        ),
        # the apposition names the last of two coordinated subjects
        (
            "Israel and the French president, Emmanuel Macron, condemned the attack.",
            {("ACCUSE", "ISR", None), ("ACCUSE", "FRAGOV", None)},
        ),
    ],
)
def test_subjects_named_with_appositions_and_coordinated_are_all_the_subject(text: str, expected: set) -> None:
    assert {(e.type, e.source.code, e.target and e.target.code) for e in asserted(text)} == expected, text


def test_a_hyphen_inside_a_word_is_no_dash() -> None:
    # "anti-war" is one word: its "war" is no verb, and no aside opens; the protest it qualifies was held there
    assert codes("The anti-war protest drew thousands in London.") == {("PROTEST", "GBRCVL", "GBR")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people met in a country other than their hosts' are not of the venue's country
        ("Colombian officials met rebel leaders in Havana.", [("CONSULT", "COLGOV", "COLREB")]),
        ("Venezuela's government met opposition leaders in Barbados.", [("CONSULT", "VENGOV", "VENOPP")]),
        # ... but met at home they are
        ("Kenyan police met protesters in Nairobi.", [("CONSULT", "KENCOP", "KENCVL")]),
    ],
)
def test_people_met_abroad_are_not_of_the_venue_s_country(text: str, expected: list) -> None:
    assert by_code(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part of the Americas is no one country's: not the United States'
        ("Mexico deported hundreds of Central American migrants.", [("COERCE", "MEX", None)]),
        ("Venezuela expelled diplomats from seven Latin American countries.", [("SANCTION", "VEN", None)]),
        ("Venezuela expelled diplomats from seven Latin-American countries.", [("SANCTION", "VEN", None)]),
        # a people of the United States is
        ("Police arrested Native American protesters in Minneapolis.", [("COERCE", "USA", "USA")]),
    ],
)
def test_a_part_of_the_americas_is_no_country_s(text: str, expected: list) -> None:
    assert by_country(text) == expected


def test_a_people_named_by_demonym_is_placed_where_it_lives() -> None:
    assert codes("The Albanians in southern Serbia demanded autonomy.") == {("REQUEST", "SRBCVL", None)}


def test_a_pronoun_skips_a_description_that_names_no_country() -> None:
    text = (
        "The Kenya National Union of Teachers, the largest union for secondary school teachers, said that it had "
        "called off the strike."
    )
    assert codes(text) == {("CONCEDE", "KENLAB", None)}


def test_a_pronoun_after_a_relative_clause_points_back_past_it() -> None:
    # the clause says something of Egypt; "it" after "said" is Egypt, not Libya named inside the clause
    text = "Egypt, which has accused Libya of harbouring militants, said it had arrested 20 Libyan smugglers."
    assert codes(text) == {("ACCUSE", "EGY", "LBY"), ("COERCE", "EGY", "LBYCRM")}


def test_an_aside_in_ing_takes_no_object_from_the_main_clause() -> None:
    # an aside set off by commas ends before the main clause, whose object is not its own: no one met Russia
    text = "EU ministers, meeting in Brussels, agreed new sanctions on Russia."
    assert codes(text) == {("CONSULT", "IGOEU", None), ("AGREE", "IGOEU", "RUS")}


def test_a_court_acts_on_an_unnamed_official_at_home() -> None:
    assert codes("A Peruvian court ordered former minister Juan Perez to testify.") == {("REQUEST", "PERJUD", "PERELI")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The New South Wales premier met Chinese officials.", {("CONSULT", "AUSGOV", "CHNGOV")}),
        ("The British Columbia premier criticised Washington.", {("ACCUSE", "CANGOV", "USAGOV")}),
    ],
)
def test_a_region_named_with_another_countrys_name_is_of_its_own_country(text: str, expected: set) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a country's name that is also a given name, before a surname in running text, is a person: one of the
        # country where the police hold them, or known by name alone
        ("Chad Morrow, 41, was arrested by Canadian police.", {("COERCE", "CANCOP", "CAN")}),
        ("Jordan Pike criticised the Kenyan government.", {("ACCUSE", "", "KENGOV")}),
        # a headline's capitals and a sector noun after it leave the country; the raid condemned is its object
        ("Jordan Condemns Israeli Raid", {("ACCUSE", "JOR", "ISR")}),
        # nor does wire style's day after the subject make it a person
        ("Israel Sunday rejected the Egyptian proposal.", {("REJECT", "ISR", "EGY")}),
        ("Israel Police arrested two Jordanian men.", {("COERCE", "ISRCOP", "JORCVL")}),
    ],
)
def test_a_country_named_like_a_person_before_a_surname_is_a_person(text: str, expected: set) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a city named like a given name, between a title and a surname, is a person of no known country
        ("Secretary of State Florence Whitby criticised the Kenyan government.", {("ACCUSE", "GOV", "KENGOV")}),
        ("Mr. Austin Reed criticised the Kenyan government.", {("ACCUSE", "", "KENGOV")}),
        # without a title before it, the city stays a place
        ("Kenyan police arrested two Italian men in Florence.", {("COERCE", "KENCOP", "ITACVL")}),
    ],
)
def test_a_city_named_like_a_given_name_after_a_title_is_a_person(text: str, expected: set) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a city's name after another given name, in running text, is a person's surname, as a known person's is
        ("Denzel Washington criticised the Kenyan government.", {("ACCUSE", "", "KENGOV")}),
        ("Police arrested Vincent Jackson in Nairobi on Monday.", {("COERCE", "KENCOP", "KEN")}),
        # a word that opens a place's name, or a time, stands before a place
        ("Police in Greater Manchester arrested two Kenyan men.", {("COERCE", "GBRCOP", "KENCVL")}),
        ("Yesterday Houston police arrested two Kenyan men.", {("COERCE", "USACOP", "KENCVL")}),
        # a headline's capitals say nothing of names, though the body under it is running text
        ("Riots Hit Athens\nPolice arrested two Kenyan men on Monday.", {("COERCE", "GRCCOP", "KENCVL")}),
    ],
)
def test_a_city_named_as_a_surname_after_another_given_name_is_a_person(text: str, expected: set) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # force used is violence, not a body of troops
        (
            "Peru and Chile agreed not to use force in their maritime dispute.",
            {("AGREE", "PER", None), ("AGREE", "CHL", None)},
        ),
        ("Norway condemned the use of excessive force against Kenyan protesters.", {("ACCUSE", "NOR", "KENCVL")}),
        # a force named as a body keeps its sector
        ("The Kenyan police force arrested two Somali men.", {("COERCE", "KENCOP", "SOMCVL")}),
        ("The African Union force attacked al-Shabab fighters.", {("ASSAULT", "IGOAU", "SOMREBSHB")}),
        # reservists and conscripts are the military's
        ("Ukrainian conscripts were killed by Russian shelling.", {("ASSAULT", "RUS", "UKRMIL")}),
    ],
)
def test_force_used_is_no_actor_and_a_force_is(text: str, expected: set) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state's ally or proxy is not the state: it names the patron, not the actor
        (
            "Hezbollah fighters killed a commander of Israel's militia ally in southern Lebanon.",
            {("ASSAULT", "LBNREBHEZ", "LBNMIL")},
        ),
        ("Iran's proxies attacked US troops in Syria.", set()),
        ("Ukraine's allies pledged more aid.", set()),
    ],
)
def test_an_ally_or_a_proxy_is_not_the_state_it_serves(text: str, expected: set) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Georgia" is the state where the text names towns of the United States and nothing else of the country
        ("Atlanta police said a man was arrested in Georgia.", {("COERCE", "USACOP", "USACVL")}),
        ("Russia invaded Georgia in 2008.", {("ASSAULT", "RUS", "GEO")}),
        # the United States or Washington beside it is as often the country's partner
        ("Washington and Georgia signed a defence pact.", {("SUPPORT", "USAGOV", None), ("SUPPORT", "GEO", None)}),
    ],
)
def test_a_state_of_the_union_named_like_a_country(text: str, expected: set) -> None:
    assert codes(text) == expected


def test_a_name_written_with_a_hyphen_is_one_name():
    # the tokenizer splits "Jae-in"; its "in" is no preposition that would make "urged" a noun
    found = asserted("South Korean President Moon Jae-in urged North Korea to return to talks.")
    assert [(e.type, e.source.text, e.target.code) for e in found] == [
        ("REQUEST", "South Korean President Moon Jae-in", "PRK")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # police bodies by the names CAMEO's agent dictionary gives them, placed by their state or their adjective
        ("The Oregon Highway Patrol arrested two Mexican men.", {("COERCE", "USACOP", "MEXCVL")}),
        ("Italian carabinieri detained two Tunisian men.", {("COERCE", "ITACOP", "TUNCVL")}),
        ("The French gendarmerie arrested a Belgian suspect.", {("COERCE", "FRACOP", "BEL")}),
        ("A Canadian police officer shot a suspect.", {("ASSAULT", "CANCOP", None)}),
        ("US Border Patrol agents detained Guatemalan migrants.", {("COERCE", "USACOP", "GTMREF")}),
        # a state's own Guard, by its possessive, is its country's military, deployed by its own side
        ("Ohio's National Guard was deployed to Columbus.", {("MOBILIZE", "USAMIL", None)}),
        # a city's or a state's own police, officials and courts are its country's
        ("Karachi police arrested two Afghan men.", {("COERCE", "PAKCOP", "AFGCVL")}),
        ("A Lahore court sentenced a British man to death.", {("COERCE", "PAKJUD", "GBRCVL")}),
        # and so is what is a city's own, by its possessive
        ("Gunmen stormed Benghazi's main hospital.", {("ASSAULT", "REB", "LBYHLH")}),
        ("The Texas governor deployed the National Guard to the border.", {("MOBILIZE", "USAGOV", None)}),
        # a title abbreviated, as news writes it before a name; a jury is its court's
        ("Texas Gov. Rick Perry criticized Mexico.", {("ACCUSE", "USAGOV", "MEX")}),
        ("An Ohio jury convicted a Canadian man of fraud.", {("ACCUSE", "USAJUD", "CANCVL")}),
        # a word that qualifies an office held ("caretaker prime minister") keeps it the state's; so is its judiciary
        ("Lebanon's caretaker prime minister called on Israel to show restraint.", {("REQUEST", "LBNGOV", "ISR")}),
        ("Iran's powerful judiciary sentenced a French citizen.", {("COERCE", "IRNJUD", "FRACVL")}),
        # a city before any other noun only names a place ("the Paris agreement")
        ("Kenya criticised the Geneva talks.", {("ACCUSE", "KEN", None)}),
    ],
)
def test_police_bodies_and_local_authorities_are_their_country_s(text: str, expected: set) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a legislature's claims on an unnamed president or government are on its own
        ("Members of Ghana's parliament called on the president to resign.", {("REQUEST", "GHALEG", "GHAGOV")}),
        ("Peruvian lawmakers impeached President Pedro Castillo.", {("ACCUSE", "PERLEG", "PERGOV")}),
        # a government it names is the one it names
        ("The Italian parliament condemned the government of Belarus.", {("ACCUSE", "ITALEG", "BLRGOV")}),
    ],
)
def test_a_legislature_acts_on_its_own_unnamed_government(text: str, expected: set) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a protest at or outside a government's or a legislature's building is aimed at it
        ("Iraqis protested outside the US embassy in Baghdad.", {("PROTEST", "IRQCVL", "USAGOV")}),
        ("Serbians protested at the Croatian embassy in Belgrade.", {("PROTEST", "SRBCVL", "HRVGOV")}),
        # one held in a capital is only held there
        ("Greeks protested in Athens.", {("PROTEST", "GRCCVL", "GRC")}),
    ],
)
def test_a_protest_at_a_seat_of_power_is_aimed_at_it(text: str, expected: set) -> None:
    assert codes(text) == expected


def test_a_name_written_in_lower_case_is_known_capitalised_at_a_sentences_start() -> None:
    assert codes("Al-Shabab fighters attacked Kenyan soldiers.") == {("ASSAULT", "SOMREBSHB", "KENMIL")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a city before an agreement's or a meeting's noun names where it was made: no party, and not the place
        ("Brazil withdrew from the Kyoto climate protocol.", [("RETREAT", "BRA", None)]),
        ("Colombia signed the Havana peace accord with the rebels.", [("SUPPORT", "COL", "REB")]),
        # a capital on its own still speaks for its government
        ("Ankara condemned the Armenian attack.", [("ACCUSE", "TURGOV", "ARM")]),
    ],
)
def test_a_city_that_names_an_agreement_is_no_party_to_it(text, expected):
    assert by_code(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a country owns no international body: "Sweden's NATO bid" is Sweden's, and so is its envoy to the UN
        ("Turkey approved Sweden's NATO bid.", [("SUPPORT", "TUR", "SWE")]),
        ("Britain's UN ambassador condemned Iran.", [("ACCUSE", "GBRGOV", "IRN")]),
        # a name the lexicon does not know, after a country's possessive, is the subject of the verb after it
        ("Russia's Rosneft cut oil supplies to Belarus.", [("SANCTION", "RUS", "BLR")]),
        # an adjective between the possessive and the sector noun keeps the country's
        ("Peru's electoral court barred former president Castillo from running.", [("COERCE", "PERJUD", "PERELI")]),
    ],
)
def test_a_possessive_country_and_the_name_after_it(text, expected):
    assert by_code(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a letter dropped, added, changed or swapped in a country's, a people's or a leader's name
        ("Tanzaina condemned Uganda's decision.", {("ACCUSE", "TZA", "UGA")}),
        ("Kazakhtsan expelled two Russian diplomats.", {("SANCTION", "KAZ", "RUSGOV")}),
        ("Venezeulan troops attacked Colombian rebels.", {("ASSAULT", "VENMIL", "COLREB")}),
    ],
)
def test_a_name_misspelt_by_one_letter_is_the_name(text, expected):
    assert codes(text) == expected, text


@pytest.mark.parametrize(
    "text",
    [
        # names in their own right, one letter off a country's name
        "Vera Brittain condemned the decision.",
        "Germain condemned the decision.",
        # a word of English
        "Germane officials condemned the decision.",
    ],
)
def test_a_name_of_its_own_one_letter_off_a_known_one_names_no_actor(text):
    assert codes(text) == set(), text


def test_near_names_need_one_known_name_and_its_first_letter():
    from services.extract.spelling import NearNames

    near = NearNames([("Slovakia", "SVK"), ("Slovenia", "SVN"), ("Ethiopia", "ETH")])
    assert near.match("Ethopia") == "ETH"
    assert near.match("Ehtiopia") == "ETH"  # two neighbours swapped
    assert near.match("Ethiopia") is None  # spelt right: the dictionary matches it
    assert near.match("Thiopias") is None  # the first letter differs
    assert near.match("Slovakis") == "SVK"
    assert near.match("Slovania") is None  # "Slovakia" and "Slovenia" are both one letter off


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an official or a people "of" a city is that city's country's; a city alone is a place
        ("Turkish police detained the mayor of Istanbul.", {("COERCE", "TURCOP", "TURGOV")}),
        ("Residents of Aleppo protested against the government.", {("PROTEST", "SYRCVL", "SYRGOV")}),
    ],
)
def test_an_official_of_a_city_is_of_its_country(text, expected):
    assert codes(text) == expected, text


def test_unnamed_people_acting_on_foreigners_abroad_are_not_the_foreigners_compatriots() -> None:
    # an armed group unnamed in the place it acts is coded with no country, on its foreign victims
    assert codes("Gunmen kidnapped two Italian aid workers in northern Mali.") == {("ASSAULT", "REB", "ITALAB")}
    # at home, unnamed people acting on people are theirs
    assert codes("Gunmen kidnapped two Italian aid workers in Rome.") == {("ASSAULT", "ITAREB", "ITALAB")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a city before "-based" says where an actor is based: its country, and the actor's own sector, no government
        ("A London-based rights group accused Syrian forces of torture.", {("ACCUSE", "GBRHRI", "SYRMIL")}),
        ("A Peshawar-based militant group attacked a police post.", {("ASSAULT", "PAKREB", "PAKCOP")}),
    ],
)
def test_an_actor_based_in_a_city_is_of_its_country(text, expected):
    assert codes(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # fighters, troops or workers of no named country take the country of the one they belong to
        ("Troops loyal to the Libyan government shelled rebel positions.", {("ASSAULT", "LBYMIL", "REB")}),
        ("Workers affiliated with Serbia's largest union went on strike.", {("PROTEST", "SRBLAB", "SRBGOV")}),
        ("Fighters linked to al-Qaeda kidnapped two French journalists.", {("ASSAULT", "IMGREB", "FRAJRN")}),
        # a militant network's branch named by a country's possessive is the country's
        ("Militants loyal to Yemen's al-Qaeda attacked a Saudi border post.", {("ASSAULT", "YEMREB", "SAU")}),
        # members from a country's party are of the country: a country that owns a body is where they come from
        (
            "Members of parliament from Kenya's ruling party called on the energy minister to resign.",
            {("REQUEST", "KENLEG", "KENGOV")},
        ),
    ],
)
def test_an_actor_affiliated_with_another_takes_its_country(text, expected):
    assert codes(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a person the lexicon knows by full name, introduced with a title, then called by surname
        (
            "Kenya's President Uhuru Kenyatta spoke in Nairobi on Monday. Mr. Kenyatta accused Somalia of "
            "sheltering militants.",
            [("ACCUSE", "KENGOV", "SOM")],
        ),
        # a name no lexicon knows, right after a title with a country
        (
            "Moldovan Defence Minister Petru Vasilescu toured the border. Vasilescu accused Russia of arming "
            "separatists.",
            [("ACCUSE", "MDAGOV", "RUS")],
        ),
        # a name no lexicon knows, before an apposition that says who it is
        (
            "Petru Vasilescu, the Moldovan defence minister, toured the border. Vasilescu condemned Russia.",
            [("ACCUSE", "MDAGOV", "RUS")],
        ),
    ],
)
def test_a_surname_stands_for_the_person_introduced_earlier(text: str, expected: list) -> None:
    assert by_code(text) == expected


def test_a_surname_never_introduced_names_no_one() -> None:
    # "Rights" closes an organisation's name, not a person's: "Rights groups" are no one named Rights; and no one was
    # introduced as Vasilescu
    observatory = "The Syrian Observatory for Human Rights reported clashes. Rights groups condemned Israel."
    assert by_code(observatory) == [("ACCUSE", "NGOHRI", "ISR")]
    assert by_code("Vasilescu accused Russia of arming separatists.") == []
    # a surname that is a common word is that word at a sentence's start, and the name inside one
    introduced = "British Prime Minister John Major spoke in London on Monday."
    assert by_code(f"{introduced} Major powers condemned Ireland.") == []
    assert by_code(f"{introduced} Later, Major condemned Ireland.") == [("ACCUSE", "GBRGOV", "IRL")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title after "the" stands for the one actor the report introduced with it
        (
            "Kenya's President Uhuru Kenyatta spoke in Nairobi. The president accused Somalia of sheltering militants.",
            [("ACCUSE", "KENGOV", "SOM")],
        ),
        (
            "Zambia's government held talks with donors on Monday. The White House urged the government to act.",
            [("CONSULT", "ZMBGOV", None), ("REQUEST", "USAGOV", "ZMBGOV")],
        ),
        # two governments introduced: "the government" could be either, and is neither
        (
            "Sudan's government and Chad's government met in Doha. The government accused Libya of arming rebels.",
            [("CONSULT", "SDNGOV", "TCDGOV"), ("CONSULT", "TCDGOV", "SDNGOV")],
        ),
        # "the president of Chad" is placed by its own words
        (
            "Kenya's president spoke in Nairobi. The president of Chad accused Sudan of arming rebels.",
            [("ACCUSE", "TCDGOV", "SDN")],
        ),
    ],
)
def test_a_title_alone_stands_for_the_actor_introduced_with_it(text: str, expected: list) -> None:
    assert by_code(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a known person who only says whose the head noun is gives the country; the head gives the sector
        ("Supporters of Imran Khan blocked roads in Lahore.", {("PROTEST", "PAKCVL", "PAK")}),
        # after a count ("thousands of"), and past the person's own title
        (
            "Thousands of supporters of former Pakistani prime minister Imran Khan blocked roads in Lahore.",
            {("PROTEST", "PAKCVL", "PAK")},
        ),
        ("Assad's forces shelled Idlib.", {("ASSAULT", "SYRMIL", "SYR")}),
        # the person's own title keeps the person's code
        ("President Joe Biden criticised Russia.", {("ACCUSE", "USAGOV", "RUS")}),
    ],
)
def test_a_person_who_qualifies_the_head_gives_only_the_country(text: str, expected: set) -> None:
    assert codes(text) == expected


def test_a_market_that_rallies_is_no_demonstration() -> None:
    assert codes("Russian stocks rallied on Monday.") == set()
    assert codes("Thousands of oil workers rallied in Lagos.") == {("PROTEST", "NGALAB", "NGA")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a comma stands for "and" between the two names that open a headline
        ("Ethiopia, Eritrea restore diplomatic ties", {("SUPPORT", "ETH", None), ("SUPPORT", "ERI", None)}),
        # ... the first with its sector noun
        ("Sudan army, RSF sign truce", {("RETREAT", "SDNMIL", None), ("RETREAT", "SDNMILRSF", None)}),
        # not between a place that sets the scene and the subject
        ("In Syria, Iran backs the Syrian army", {("SUPPORT", "IRN", "SYRMIL")}),
    ],
)
def test_a_headline_joins_its_opening_names_with_a_comma(text: str, expected: set) -> None:
    assert codes(text) == expected


def test_a_people_s_language_is_no_actor() -> None:
    assert codes("Ukraine banned the Russian language on public radio.") == {("COERCE", "UKR", None)}
    assert codes("Ukraine banned Russian officials from entering.") == {("COERCE", "UKR", "RUSGOV")}


def test_national_and_civilian_before_a_noun_are_adjectives() -> None:
    assert codes("The Estonian court lifted restrictions on national television.") == {("CONCEDE", "ESTJUD", None)}
    assert codes("Iran arrested a British national.") == {("COERCE", "IRN", "GBRCVL")}


def test_a_protestor_however_spelt_riots() -> None:
    assert codes("A Georgian protestor set fire to a Russian flag.") == codes(
        "A Georgian protester set fire to a Russian flag."
    )
    assert codes("The embassy was ransacked by Serbian protestors.") == {("PROTEST", "SRBCVL", "SRBGOV")}


def test_a_body_s_leader_is_of_the_body_s_sector() -> None:
    assert codes("Turkish police detained the leader of the Kurdish rebels.") == {("COERCE", "TURCOP", "TURREB")}
    assert codes("The leader of Iran criticised Israel.") == {("ACCUSE", "IRNGOV", "ISR")}


def test_a_people_of_one_state_s_region_is_that_state_s() -> None:
    assert codes("Eritrean troops clashed with Tigrayan forces.") == {("ASSAULT", "ERIMIL", "ETHMIL")}
    assert codes("Chinese police detained Uyghur activists.") == {("COERCE", "CHNCOP", "CHNOPP")}


def test_two_states_joined_by_a_hyphen_are_both_named() -> None:
    assert codes("North Korea condemned the joint US-South Korean military drills.") == {
        ("ACCUSE", "PRK", "USAMIL"),
        ("ACCUSE", "PRK", "KORMIL"),
    }
    # a name before a hyphen that joins no second state only modifies the head
    assert codes("NATO-member Norway expelled Russian diplomats.") == {("SANCTION", "NOR", "RUSGOV")}


def test_a_town_s_name_that_ends_a_longer_name_is_not_that_town():
    # "Mocimboa da Praia" is a port in Mozambique, not Cape Verde's capital
    coded = by_code("Mozambique's army recaptured the port town of Mocimboa da Praia from insurgents.")
    assert coded == [("ASSAULT", "MOZMIL", "REB")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a street's or a park's name ("Auckland Park" is in Johannesburg)
        ("Students marched to Auckland Park.", [("PROTEST", "EDU", None)]),
        # but a town's own article ("Al-Arish") leaves it the town
        ("Gunmen attacked a checkpoint in Al-Arish.", [("ASSAULT", "EGYREB", None)]),
    ],
)
def test_a_town_s_name_inside_another_place_s_name_is_not_that_town(text: str, expected: list) -> None:
    assert by_code(text) == expected, text


def test_a_place_after_a_lower_case_arabic_article_is_where_an_act_was_done_not_whom_it_was_done_to():
    # "al-Arish" is governed by "near", as "Al-Arish" is: the soldier is the one ambushed
    assert by_code("Militants ambushed a soldier near al-Arish.") == [("ASSAULT", "EGYREB", "EGYMIL")]


def test_a_province_is_found_whatever_the_case_of_its_letters():
    # the register writes "Kwazulu-Natal"; news "KwaZulu-Natal", whose second half is no Natal in Brazil
    assert by_code("Nurses went on strike in KwaZulu-Natal.") == [("PROTEST", "ZAFHLH", "ZAF")]


def test_congo_alone_is_the_democratic_republic_as_news_style_has_it():
    assert by_code("Angola's president hosted talks between Congo and Rwanda.")[0][2] == "COD"
    assert by_code("Congo-Brazzaville's president met the French president.") == [("CONSULT", "COGGOV", "FRAGOV")]


def test_a_leader_or_a_spokesman_is_of_the_body_named_before_the_title():
    assert by_code("Police in Kenya arrested a church leader.") == [("COERCE", "KENCOP", "KENREL")]
    assert by_code("Kenyan police arrested an opposition leader.") == [("COERCE", "KENCOP", "KENOPP")]


def test_a_noun_of_an_actor_that_is_also_a_verb_of_saying_reports_nothing() -> None:
    # "state" in "Manipur state" names where the authorities are; it does not open a report
    assert by_code("Authorities in India's Manipur state imposed a curfew.")[0][:2] == ("COERCE", "INDGOV")


def test_an_attorney_general_is_a_lawyer_of_the_state_not_a_soldier() -> None:
    text = "Venezuela's attorney general opened an investigation into opposition candidate Edmundo Gonzalez."
    assert by_code(text) == [("ACCUSE", "VENJUD", "VENOPP")]
    assert by_code("A Nigerian general accused the rebels of attacking a base.")[0][:2] == ("ACCUSE", "NGAMIL")


@pytest.mark.timeout(20)
def test_a_city_then_only_an_article_before_an_agreement_noun_is_read_past() -> None:
    # "in Nairobi the current charter": the city names a venue and "the" alone names no one; the scan of the
    # sentence's actors once stood still on "the"
    text = "Kenya's president rejected calls for reform, telling a rally in Nairobi the current charter works."
    assert [(kind, source) for kind, source, _ in by_country(text)] == [("REJECT", "KEN")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the people a release names are whom it is done to, and unnamed, they are the releasing state's own
        ("Zambian police released 14 opposition activists on bail.", ("RETREAT", "ZMB", "ZMB")),
        ("Iran freed two Swedish nationals.", ("RETREAT", "IRN", "SWE")),
        # as is the party a court dissolves, or the reporters a state expels
        ("Thailand's constitutional court disbanded an opposition party.", ("COERCE", "THA", "THA")),
        ("Moscow expelled three Dutch journalists.", ("COERCE", "RUS", "NLD")),
    ],
)
def test_the_people_an_act_names_in_its_own_words_are_its_target(text: str, expected: tuple) -> None:
    assert expected in by_country(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state frees those it held, its own unless named otherwise
        ("Sudan's army freed 300 prisoners.", ("RETREAT", "SDN", "SDN")),
        # a suspect extradited or handed over goes to the state cooperated with
        ("Italy extradited an Albanian suspect to Germany.", ("COOPERATE", "ITA", "DEU")),
        ("Jordan handed over two fugitives to the Syrian authorities.", ("COOPERATE", "JOR", "SYR")),
    ],
)
def test_whom_a_release_or_an_extradition_is_done_for(text: str, expected: tuple) -> None:
    assert expected in by_country(text)


def test_a_disaster_that_opens_its_relative_clause_did_its_harm() -> None:
    # "victims of floods that have killed": the floods killed, not the giver of the aid
    text = "Canada sent aid to Pakistan to help the victims of floods that have killed 1,000 people."
    assert by_country(text) == [("AID", "CAN", "PAK")]


def test_forces_mobilised_in_a_passive_with_no_agent_are_mobilised_by_their_own_state() -> None:
    # "were placed on high alert": no one named does it, so the forces' own state did
    assert by_country("Zambian police were placed on high alert ahead of the vote.") == [("MOBILIZE", "ZMB", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # weapons coordinated with the forces that fire them do not hide the forces
        (
            "French and British jets and cruise missiles struck Libya.",
            [("ASSAULT", "FRA", "LBY"), ("ASSAULT", "GBR", "LBY")],
        ),
        # a state of emergency, a curfew or martial law falls on the state's own people; the state of emergency is
        # no government
        ("Ethiopia's government declared a state of emergency.", [("COERCE", "ETH", "ETH")]),
        ("Peru's president lifted the state of emergency.", [("CONCEDE", "PER", "PER")]),
    ],
)
def test_forces_with_their_weapons_and_emergency_rule_at_home(text: str, expected: list) -> None:
    assert by_country(text) == expected, text


def test_an_object_pronoun_points_back_to_another_than_the_doer() -> None:
    # ", accusing it of ...": "it" is the mission ordered out, not the junta that accuses
    text = "Niger's junta ordered the UN mission to leave, accusing it of failing to protect civilians."
    assert ("ACCUSE", "NER", "IGO") in by_country(text)
    # the object of a clause a speaker reports is the speaker, not the clause's own subject
    assert by_country("Iran said Israel had attacked it with drones.") == [("ASSAULT", "ISR", "IRN")]
    assert by_country("Azerbaijan said Armenian forces had shelled it overnight.") == [("ASSAULT", "ARM", "AZE")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "both sides", "the two countries": the two parties the last sentence's subject named
        (
            "Armenia and Azerbaijan held talks in Brussels. Both sides accused each other of violating the truce.",
            [("ACCUSE", "ARM", "AZE"), ("ACCUSE", "AZE", "ARM")],
        ),
        (
            "Ethiopia and Eritrea held talks on Sunday. The two countries signed a peace agreement.",
            [("SUPPORT", "ETH", None), ("SUPPORT", "ERI", None)],
        ),
        # with one party named before, there are no two to point back to
        ("Kenya held talks on Sunday. The two countries signed a peace agreement.", []),
    ],
)
def test_both_sides_point_back_to_the_two_parties_named_before(text: str, expected: list) -> None:
    assert [e for e in by_country(text) if e[0] != "CONSULT"] == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a person no lexicon knows, named in full, acts on the state they act on; their country stays unknown
        ("Marta Ilves, a lawyer, accused Belarus of torturing detainees.", {("ACCUSE", "", "BLR")}),
        ("Juan Carlos de la Vega criticised Venezuela's electoral council.", {("ACCUSE", "", "VEN")}),
        # one who acts on no one placed gives no event: too little is known of either side
        ("Helen Marsh criticised the decision.", set()),
        # the name of the thing before it ("the tanker"), or of the phrase before its comma, is no one else
        ("Iran seized the tanker Ocean Pearl near Hormuz.", {("COERCE", "IRN", None)}),
        # right after the verb, past a subject with a capitalised adjective, a name is the verb's object
        ("The Kenyan police arrested Peter Otieno in Nairobi.", {("COERCE", "KENCOP", "KEN")}),
        ("A Kenyan judge sentenced Peter Otieno to life in prison.", {("COERCE", "KENJUD", "KEN")}),
        # a known person named by a given name the lexicon knows them by
        ("Tayyip Erdogan accused Sweden of harbouring militants.", {("ACCUSE", "TURGOV", "SWE")}),
    ],
)
def test_people_named_in_full_act_without_a_lexicon_entry(text: str, expected: set) -> None:
    assert codes(text) == expected


def test_a_national_body_given_as_another_states_possession_is_that_states():
    # the lexicon's "Foreign Office" is Britain's; Pakistan's is Pakistan's
    assert codes("Pakistan's Foreign Office summoned India's deputy high commissioner.") == {
        ("ACCUSE", "PAKGOV", "INDGOV")
    }


def test_a_titled_person_named_in_full_acts_on_the_state_they_meet():
    assert codes("Secretary of State Jane Holloway met Mexico's president in the capital.") == {
        ("CONSULT", "GOV", "MEXGOV")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # departments and agencies that wire copy names without their country
        ("The Treasury Department imposed sanctions on Nicaragua.", {("SANCTION", "USAGOV", "NIC")}),
        ("ICE agents detained 40 Guatemalan migrants.", {("COERCE", "USACOP", "GTMREF")}),
        ("The Bundeswehr sent troops to Lithuania.", {("MOBILIZE", "DEUMIL", "LTU")}),
    ],
)
def test_departments_and_agencies_named_without_their_country_are_their_states(text: str, expected: set) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # leaders in office in the 2020s, by surname after their first mention
        ("Noboa imposed a curfew in Guayaquil.", {("COERCE", "ECUGOV", "ECU")}),
        ("Carney criticised China over the detentions.", {("ACCUSE", "CANGOV", "CHN")}),
        # a given name that is another known person's is not this one's surname: Poroshenko is no Colombian
        ("Petro Poroshenko met Putin in Minsk.", {("CONSULT", "UKRGOV", "RUSGOV")}),
    ],
)
def test_leaders_of_the_2020s_code_by_their_office(text: str, expected: set) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # sectors by the single nouns of CAMEO's agents dictionary: criminals, civilians, clergy, lawmakers, doctors
        ("Iraqi kidnappers threatened to behead a Turkish driver.", {("THREATEN", "IRQCRM", "TUR")}),
        ("Palestinian gunmen kidnapped a French tourist in Gaza.", {("ASSAULT", "PSEREB", "FRACVL")}),
        ("Chinese police detained two Tibetan monks.", {("COERCE", "CHNCOP", "CHNREL")}),
        ("Egyptian delegates urged Israel to end the blockade.", {("REQUEST", "EGYLEG", "ISR")}),
        ("Israeli troops shot two Palestinian nurses.", {("ASSAULT", "ISRMIL", "PSEHLH")}),
    ],
)
def test_people_named_by_a_noun_of_cameos_agents_dictionary_have_its_sector(text: str, expected: set) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two hyphened demonyms before people name one people and its descent: they are the last country's
        ("Members of the Indian-American community welcomed the speech.", {("SUPPORT", "USACVL", None)}),
        ("Iraqi kidnappers threatened an American-French journalist.", {("THREATEN", "IRQCRM", "FRAJRN")}),
        # before a state's body or force, or a joint act, they are two states
        (
            "North Korea condemned the joint Russian-Chinese naval patrols.",
            {("ACCUSE", "PRK", "RUS"), ("ACCUSE", "PRK", "CHN")},
        ),
    ],
)
def test_hyphened_demonyms_before_people_name_one_people(text: str, expected: set) -> None:
    assert codes(text) == expected


def test_a_party_held_is_its_guests_not_a_political_party() -> None:
    assert codes("Saudi jets bombed a wedding party in Yemen.") == {("ASSAULT", "SAUMIL", "YEMCVL")}
    assert codes("Police raided the ruling party's offices in Lusaka.") == {("ASSAULT", "ZMBCOP", "ZMBPTY")}


def test_a_community_of_an_island_named_by_its_people_s_demonyms_is_the_island_s() -> None:
    # Greek and Turkish Cypriots are Cyprus's, not Greece's or Turkey's
    assert codes("Greek Cypriot police arrested two Turkish soldiers.") == {("COERCE", "CYPCOP", "TURMIL")}
    assert codes("Turkish Cypriot leaders met the UN envoy.") == {("CONSULT", "CYPGOV", "IGOUNO")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people that gunmen, rebels or pirates seize are abducted (181); property seized stays 171
        ("Gunmen seized two Nepali cooks in Kabul.", [("ASSAULT", "181", None, "NPL")]),
        ("Somali pirates seized the Danish ambassador's driver.", [("ASSAULT", "181", "SOM", "DNK")]),
        ("Rebels seized a Congolese police station near Goma.", [("COERCE", "171", "COD", "COD")]),
        ("Congolese police seized two tonnes of cocaine.", [("COERCE", "171", "COD", None)]),
        # a town or a capital seized is occupied (192), though its name stands for its government
        ("The Taliban seized Kabul in August 2021.", [("ASSAULT", "192", "AFG", "AFG")]),
        ("M23 rebels seized Goma on Tuesday.", [("ASSAULT", "192", "COD", "COD")]),
    ],
)
def test_people_seized_by_irregulars_are_abducted_and_places_are_seized(text: str, expected: list) -> None:
    assert by_cameo(text) == expected, text


@pytest.mark.parametrize(
    "text",
    [
        "Cyclone Nargis killed thousands of people in Myanmar and destroyed villages.",
        "Hurricane Mitch flattened Honduran towns, killing 7,000 people.",
        "Tropical Storm Agatha killed 150 people and injured 200 in Guatemala.",
    ],
)
def test_a_named_storm_is_no_actor_in_any_of_its_clauses(text: str) -> None:
    assert by_cameo(text) == [], text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a model's designation is part of the phrase that names who flies it
        ("A U.S. AC-130 gunship attacked Iraqi militia positions in Najaf.", [("ASSAULT", "190", "USA", "IRQ")]),
        ("Two Israeli F-16s bombed a Hamas training camp in Gaza.", [("ASSAULT", "195", "ISR", "PSE")]),
    ],
)
def test_an_aircraft_named_by_its_model_keeps_its_country(text: str, expected: list) -> None:
    assert by_cameo(text) == expected, text


def test_a_name_with_a_hyphened_particle_takes_its_apposition() -> None:
    # "al-Kidwa", "el-Baradei": the particle is hyphened to the surname and the name runs on past it
    assert by_code("Nasser al-Kidwa, a Palestinian envoy, met French officials on Sunday.") == [
        ("CONSULT", "PSEGOV", "FRAGOV")
    ]


def test_two_adjectives_between_a_possessive_and_its_sector_noun() -> None:
    assert by_code("Colombia's largest rightist paramilitary group attacked Venezuelan troops.") == [
        ("ASSAULT", "COLMIL", "VENMIL")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a creed between a demonym and the sector noun stays in the phrase
        ("Nepalese communist rebels freed two policemen.", [("RETREAT", "NPLREB", "NPLCOP")]),
        ("Philippine communist rebels attacked an army camp.", [("ASSAULT", "PHLREB", "PHLMIL")]),
    ],
)
def test_an_ideology_between_a_demonym_and_its_sector_noun(text: str, expected: list) -> None:
    assert by_code(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ministers, envoys and the heads of international bodies, named without their title or country
        ("Donald Rumsfeld met Pakistani officials.", [("CONSULT", "USAGOV", "PAKGOV")]),
        ("Dmytro Kuleba accused Russia of war crimes.", [("ACCUSE", "UKRGOV", "RUS")]),
        ("Jens Stoltenberg criticised Russia.", [("ACCUSE", "IGONATO", "RUS")]),
    ],
)
def test_officeholders_take_the_code_of_their_office(text: str, expected: list) -> None:
    assert by_code(text) == expected, text


def test_the_country_after_a_datelines_city_is_no_actor() -> None:
    # "BAGHDAD, Iraq - ": where the report was filed; the spaced hyphen is a dash that ends the dateline. The
    # hostages were seized in Iraq by militants; Iraq itself does nothing.
    text = "BAGHDAD, Iraq - The network showed video of ten hostages seized in Iraq by militants."
    assert by_code(text) == [("ASSAULT", "IRQREB", "IRQCVL")]


def test_unnamed_attackers_in_a_story_set_in_one_country_are_of_that_country() -> None:
    # as police and courts are: "a suicide bomber" in a report filed from Kabul about Kabul
    assert by_code("KABUL (Wire) - Police said a suicide bomber killed 10 people on Tuesday.") == [
        ("ASSAULT", "AFGUAF", "CVL")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fighter jet is the air force's, not a militia's fighters
        ("Israeli jet fighters attacked a Hamas camp.", [("ASSAULT", "ISRMIL", "PSEREBHMS")]),
        # "forced" is a verb, not the sector noun "force"
        ("Syrian troops forced the rebels to retreat and shelled the town.", [("ASSAULT", "SYRMIL", None)]),
        (
            "Kenyan police forced the crowd to disperse and arrested two Ugandan students.",
            [("COERCE", "KENCOP", "UGAEDU")],
        ),
    ],
)
def test_aircraft_and_verbs_that_look_like_sector_nouns(text: str, expected: list) -> None:
    assert by_code(text) == expected, text


@pytest.mark.parametrize(
    "text",
    [
        # past a dateline, an article and a plain word open the clause's subject, not a name's compound
        "KABUL (Wire) - The suicide bomber killed 10 people on Tuesday.",
        "KABUL (Wire) - The masked attackers killed 10 people on Tuesday.",
    ],
)
def test_a_subject_opening_the_clause_after_a_dateline(text: str) -> None:
    assert by_code(text) == [("ASSAULT", "AFGUAF", "CVL")], text


def test_protest_leaders_are_the_opposition():
    assert by_code("Russian police arrested three protest leaders in Moscow.") == [("COERCE", "RUSCOP", "RUSOPP")]


@pytest.mark.parametrize(
    ("text", "place", "country"),
    [
        # a town below the cities' size is a place where a preposition of place names it
        ("Angry residents barricaded roads in Rusape.", "Rusape", "ZWE"),
        ("Gunmen attacked a government official in Gaalkacyo.", "Gaalkacyo", "SOM"),
        # a sentence that opens on its place sets it for the clause that follows
        ("In Harare, angry residents barricaded roads.", "Harare", "ZWE"),
        ("In Rusape, angry residents barricaded roads.", "Rusape", "ZWE"),
        # a province, as ISO 3166-2 names it, with or without its noun
        ("Gunmen killed three farmers in Benue State.", "Benue", "NGA"),
        ("Police arrested ten protesters in Gedo.", "Gedo", "SOM"),
        # past a compass point and "of"; a city's name of three letters, as a small town's
        ("Gunmen attacked farmers west of Gaalkacyo.", "Gaalkacyo", "SOM"),
        ("Soldiers beat people in Wau.", "Wau", "SSD"),
        # written without the gazetteer's accents, under a name no place has as geonames spells it
        ("Gunmen killed two farmers near the town of Djenne.", "Djenné", "MLI"),
    ],
)
def test_a_town_named_after_a_preposition_of_place_is_where_it_happened(text: str, place: str, country: str) -> None:
    (event,) = asserted(text)
    assert event.location is not None and (event.location.name, event.location.country) == (place, country), text
    assert event.source is not None and event.source.country == country, text


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a city an attack names as its object is where it was
        ("Russian forces shelled Kyiv overnight.", "Kyiv"),
        ("Rebels launched an attack on Beni.", "Beni"),
    ],
)
def test_a_city_attacked_is_where_the_attack_was(text: str, place: str) -> None:
    (event,) = asserted(text)
    assert event.location is not None and event.location.name == place, text


@pytest.mark.parametrize(
    ("text", "place", "country"),
    [
        # a state's ground, sea or sky named by its nationality is that state, as a place
        ("Turkish jets bombed targets in Iraqi territory.", "Iraq", "IRQ"),
        ("Russian troops shelled villages on Ukrainian soil.", "Ukraine", "UKR"),
    ],
)
def test_a_nationality_before_soil_or_territory_is_where_it_happened(text: str, place: str, country: str) -> None:
    (event,) = asserted(text)
    assert event.location is not None and (event.location.name, event.location.country) == (place, country), text
    assert event.target is not None and event.target.country == country, text


@pytest.mark.parametrize(
    ("text", "place", "country"),
    [
        # a town the gazetteer does not hold, named with its country's nationality, is in that country
        ("Russian forces shelled a market in the eastern Ukrainian town of Kostiantynivka.", "Ukraine", "UKR"),
        ("Gunmen attacked a hotel in the Somali capital on Friday.", "Mogadishu", "SOM"),
        ("Police arrested 20 protesters in the Kenyan capital.", "Nairobi", "KEN"),
    ],
)
def test_a_nationality_before_a_town_or_a_capital_says_where_it_happened(text: str, place: str, country: str) -> None:
    (event,) = asserted(text)
    assert event.location is not None and (event.location.name, event.location.country) == (place, country), text


@pytest.mark.parametrize(
    "text",
    [
        "Rusape residents barricaded roads.",  # no preposition of place: a small town's name may be a person's
        "The minister met farmers in Jebel Kosbi.",  # the first word of a longer name
        "The shooting was justified, according to Ferguson.",  # a town named like a common surname
        "Egyptian warships patrolled in the Red Sea.",  # a province named after a sea is more often the sea
    ],
)
def test_a_town_s_name_elsewhere_names_no_place(text: str) -> None:
    doc = pipeline()(text)
    assert [e.text for e in doc_entities(doc) if e.label_ in (CITY, CAPITAL)] == [], text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # men named as no more than unknown or armed are CAMEO's unidentified armed forces; vigilantes a militia
        ("Unknown men abducted eight opposition members in Bulawayo.", [("ASSAULT", "ZWEUAF", "ZWEOPP")]),
        ("Unidentified men shot a journalist in Karachi.", [("ASSAULT", "PAKUAF", "PAKJRN")]),
        ("An unknown group attacked a police post in Kidal.", [("ASSAULT", "MLIUAF", "MLICOP")]),
        ("Seven people were murdered by vigilantes in Blantyre.", [("ASSAULT", "MWIREB", "MWICVL")]),
    ],
)
def test_unknown_men_and_vigilantes(text: str, expected: list) -> None:
    assert by_code(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CAMEO's opposition and party sectors: political opponents, a party's cadres
        ("Political opponents of the president marched in Lusaka.", [("PROTEST", "ZMBOPP", "ZMB")]),
        ("Party cadres attacked two journalists in Lusaka.", [("ASSAULT", "ZMBPTY", "ZMBJRN")]),
        # children are civilians; people named after their town are its country's
        ("Gunmen shot a boy in Kano.", [("ASSAULT", "NGAREB", "NGACVL")]),
        ("A Brooklyn teenager was arrested on Tuesday.", [("COERCE", "USA", "USACVL")]),
    ],
)
def test_opponents_cadres_and_children(text: str, expected: list) -> None:
    assert by_code(text) == expected, text


def test_people_protesting_a_foreign_firm_are_not_its_country_s_unless_they_protest_in_it():
    assert codes("Farmers protested against Saudi investors.") == {("PROTEST", "AGR", "SAUBUS")}
    assert codes("Farmers protested against Chinese investors in Beijing.") == {("PROTEST", "CHNAGR", "CHNBUS")}
    assert codes("Farmers protested against the Kenyan government.") == {("PROTEST", "KENAGR", "KENGOV")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name written with "of" before a noun: the noun heads the phrase, and gives its sector
        ("The Government of National Accord forces withdrew from the town.", {("RETREAT", "MIL", None)}),
        ("University of Zambia workers went on strike.", {("PROTEST", "ZMBLAB", "ZMB")}),
        # a sector noun before "of" and a person's name still heads it
        ("Supporters of President Ben Bella protested in Algiers.", {("PROTEST", "DZACVL", "DZA")}),
    ],
)
def test_a_name_written_with_of_is_no_head_before_the_noun_after_it(text: str, expected: set) -> None:
    assert codes(text) == expected


def test_street_vendors_are_traders():
    assert codes("Clashes between Masvingo police and local vendors turned violent.") == {
        ("ASSAULT", "ZWECOP", "ZWEBUS"),
        ("ASSAULT", "ZWEBUS", "ZWECOP"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a group named by no more than being armed is CAMEO's unaligned armed forces, of where it acts
        ("An armed group attacked a convoy in Borno.", {("ASSAULT", "NGAUAF", None)}),
        # a political group is a party's sector
        ("Rival political groups clashed in Ouagadougou.", {("ASSAULT", "BFAPTY", None)}),
    ],
)
def test_armed_and_political_groups_have_their_sectors(text: str, expected: set) -> None:
    assert codes(text) == expected


def test_ethnic_names_a_people_only_before_its_name() -> None:
    # "ethnic Albanians" are a people, placed where they live; "of ethnic cleansing" leaves the forces Ethiopia's
    assert by_code("Ethnic Albanians protested in Pristina.") == [("PROTEST", "XKXCVL", "XKX")]
    accused = "Human Rights Watch accused Ethiopian forces of ethnic cleansing in Tigray."
    assert by_code(accused) == [("ACCUSE", "NGOHRI", "ETHMIL")]


def test_who_speaks_for_a_body_is_of_its_country_and_sector() -> None:
    assert by_code("A spokesman for the Kenyan police accused protesters of looting.")[0][1] == "KENCOP"
    assert by_code("A spokesman for Kenya accused Somalia.") == [("ACCUSE", "KENGOV", "SOM")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a militant movement has no civilians of its own: those it kills are of no country the sentence names
        ("ISIS fighters executed civilians.", [("ASSAULT", "IMGREBISI", "CVL")]),
        # nor an army: the one that fights it is the state's, unnamed here
        ("The army killed ISIS fighters.", [("ASSAULT", "MIL", "IMGREBISI")]),
        # an international body has no protesters of its own
        ("UN peacekeepers arrested protesters.", [("COERCE", "IGOUNO", "CVL")]),
    ],
)
def test_a_group_of_no_state_lends_no_country_to_unnamed_people_or_forces(text: str, expected: list) -> None:
    assert by_code(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CAMEO's agents dictionary: a rights group is of the human rights sector, of the country named
        ("Egyptian rights groups condemned the arrests.", [("ACCUSE", "EGYHRI", None)]),
        ("Rights groups in Cameroon condemned the government.", [("ACCUSE", "CMRHRI", "GOV")]),
        # with no country named, a non-governmental organisation, as the PLOVER records code one: rights groups
        # accuse foreign states as often as their own
        ("Human rights groups accused Egyptian police of torture.", [("ACCUSE", "NGOHRI", "EGYCOP")]),
        # an organisation that protests complains (CAMEO 114): it does not march
        ("A human rights group protested the arrests.", [("ACCUSE", "NGOHRI", None)]),
    ],
)
def test_rights_groups(text: str, expected: list) -> None:
    assert by_code(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CAMEO's agents dictionary: aid groups and charities are non-governmental, of the country named
        (
            "An international aid agency appealed to the Sudanese government to lift its ban on relief flights.",
            [("REQUEST", "NGO", "SDNGOV")],
        ),
        ("Relief agencies accused Ethiopia of blocking food aid to Tigray.", [("ACCUSE", "NGO", "ETH")]),
        ("A British charity condemned the Israeli blockade of Gaza.", [("ACCUSE", "GBRNGO", "ISR")]),
        # and business leaders are business
        ("Indian business leaders called for free trade with Pakistan.", [("REQUEST", "INDBUS", "PAK")]),
    ],
)
def test_aid_groups_and_business_leaders(text: str, expected: list) -> None:
    assert by_code(text) == expected


def test_only_the_last_conjunct_s_noun_is_shared() -> None:
    # "Israeli and Egyptian troops" share "troops"; a name after "and" with no noun of its own takes none from the
    # conjunct before it ("World Vision Indonesia" is no government)
    sent = "The Indonesian health ministry and World Vision Indonesia sent aid teams to Aceh."
    assert [e.source.code for e in asserted(sent)] == ["IDNGOV", "NGO"]
    assert by_code("Israeli and Egyptian troops attacked Hamas.") == [
        ("ASSAULT", "ISRMIL", "PSEREBHMS"),
        ("ASSAULT", "EGYMIL", "PSEREBHMS"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plural demonym after "the" is its nation's side, as news writes a state's acts
        ("The Israelis bombed a school in Gaza.", ("ASSAULT", "ISR", "PSE")),
        # and where people act is not where they are from
        ("Israelis protested in Gaza.", ("PROTEST", "ISRCVL", "PSE")),
        # with no article, or with its place after "of", a people
        ("Palestinians attacked Israeli soldiers.", ("ASSAULT", "PSECVL", "ISRMIL")),
        ("The Albanians of southern Serbia accused Serbian police of torture.", ("ACCUSE", "SRBCVL", "SRBCOP")),
    ],
)
def test_the_nation_named_by_its_demonym_is_its_side(text: str, expected: tuple) -> None:
    assert by_code(text)[0] == expected


def test_a_capital_before_a_place_noun_names_a_place_not_its_government() -> None:
    assert by_code("Russia withdrew soldiers from the Damascus region.") == [("RETREAT", "RUS", "SYR")]
    assert by_code("Damascus condemned the attack.") == [("ACCUSE", "SYRGOV", None)]


def test_a_place_in_an_indirect_question_is_not_where_the_act_was_done() -> None:
    found = asserted("Kremlin spokesman Dmitry Peskov refused to provide details on how many troops are in Syria.")
    assert found and all(e.location is None and e.target is None for e in found)


def test_what_the_country_s_phrase_names_is_of_the_country_it_points_back_to() -> None:
    assert by_code("Egypt said the country's army attacked the rebels.") == [("ASSAULT", "EGYMIL", "REB")]
    # with no state named before it, the story's own ("Police in Cairo" set it in Egypt)
    story = "Police in Cairo arrested ten protesters. The country's army attacked the rebels."
    assert ("ASSAULT", "EGYMIL", "REB") in by_code(story)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a city's name after "a" says where the thing after it is: no government is raided
        ("Police raided a Moscow apartment.", [("ASSAULT", "RUS", None)]),
        # a city with a sector noun still names that city's body
        ("A Moscow court jailed the activist.", [("COERCE", "RUS", "RUS")]),
        # a country's name so placed says whose it is
        ("Yemen rejected a U.S. request to question the detainees.", [("REJECT", "YEM", "USA")]),
    ],
)
def test_a_city_after_an_article_says_where_not_who(text: str, expected: list) -> None:
    assert by_country(text) == expected


def test_an_area_or_a_state_named_as_a_place_is_no_government() -> None:
    # a Nigerian local government area and a state "of" which a village is: where, not a government
    text = "Gunmen attacked Gurguzu village of Igabi Local Government Area of Kaduna State."
    assert [(e.target.country, e.target.sector) for e in asserted(text)] == [("NGA", None)]
    # a state as the subject is its government
    assert by_code("Lagos State imposed a curfew on the protesters.") == [("COERCE", "NGAGOV", "NGACVL")]


def test_states_after_names_joined_by_and_are_provinces() -> None:
    # "Kassala and El Gedaref states": the farmers' provinces, neither a government nor a verb of saying
    text = "Farmers in Kassala and El Gedaref states protest the lease of land to Saudi investors."
    assert by_code(text) == [("PROTEST", "SDNAGR", "SAUBUS")]
    text = "Gunmen attacked villages in Borno and Yobe states."
    assert [(e.source.code, e.target and e.target.sector) for e in asserted(text)] == [("NGAREB", None)]


def test_an_adjective_no_lexicon_knows_keeps_a_conjunct_in_its_phrase() -> None:
    # "police and informal traders": both sides of the clash, not the town where it was
    text = "Clashes broke out between police and informal traders in Annaba."
    assert sorted(by_code(text)) == [("ASSAULT", "DZABUS", "DZACOP"), ("ASSAULT", "DZACOP", "DZABUS")]
    # a verb after "and" is no adjective: the people beaten are its object
    assert by_code("Soldiers marched to Fertit area in Wau, South Sudan, and beat people.") == [
        ("ASSAULT", "SSDMIL", "SSDCVL")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # WordNet's people: locals and depositors are civilians
        ("Hundreds of angry locals looted shops in Durban, South Africa.", [("COERCE", "ZAFCVL", "ZAF")]),
        ("A bank in Harare was burnt by angry depositors.", [("COERCE", "CVL", "ZWEBUS")]),
        # "local" before its noun is no person: the police are
        ("Local police arrested two men in Lagos.", [("COERCE", "NGACOP", "NGACVL")]),
        ("The attack began at 10 am local time in Kabul.", [("ASSAULT", "AFGUAF", None)]),
    ],
)
def test_locals_are_people_and_local_before_a_noun_is_not(text: str, expected: list) -> None:
    assert by_code(text) == expected


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # a city written with the state, province or country that holds it is that country's namesake
        ("Police arrested five protesters in Birmingham, Alabama.", "USA"),
        ("Police arrested five protesters in London, Ontario.", "CAN"),
        ("Police arrested five protesters in Athens, Georgia.", "USA"),
        ("Police arrested five protesters in Tbilisi, Georgia.", "GEO"),
        # or a town there that the gazetteer does not hold
        ("Police arrested five protesters in Colchester in the Eastern Cape.", "ZAF"),
        # and so it is at its next mention in the text
        ("Police in Birmingham, Alabama, braced for protests. Police in Birmingham arrested five protesters.", "USA"),
        # a city with no container stays the one everyone means
        ("Police arrested five protesters in Birmingham.", "GBR"),
        # nor does a list of places hold one another ("Valencia" is also a region of Spain)
        ("Police arrested five protesters in Paris, Valencia and Rome.", "FRA"),
        ("Police arrested five protesters in Paris, Valencia, and Rome.", "FRA"),
        ("Police arrested five protesters in Santa Fe, Texas and the surrounding areas.", "USA"),
    ],
)
def test_a_city_named_with_what_holds_it_is_in_that_country(text: str, country: str) -> None:
    assert by_country(text) == [("COERCE", country, country)], text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town's place noun before its comma, and a compass point after it, still join it to what holds it
        ("Police fired on protesters in Nyanza region, Kenya, killing five.", [("ASSAULT", "KEN", "KEN")]),
        ("Gunmen killed three farmers in Khaydaro, central Somalia.", [("ASSAULT", "SOM", "SOM")]),
        ("Gunmen killed three farmers in Khaydaro village, Somalia.", [("ASSAULT", "SOM", "SOM")]),
        # a province after a town the gazetteer does not hold is read as after "in"
        ("Gunmen killed three farmers in Khaydaro, Mudug region.", [("ASSAULT", "SOM", "SOM")]),
        ("Gunmen killed three farmers in Khaydaro, southern Mudug.", [("ASSAULT", "SOM", "SOM")]),
    ],
)
def test_a_town_the_gazetteer_lacks_is_where_what_holds_it_is(text: str, expected: list) -> None:
    assert by_country(text) == expected, text


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed a village chief in Tillaberi region, Niger.",
        "Gunmen killed two village elders in Tillaberi region, Niger.",
    ],
)
def test_a_village_s_chief_and_elders_are_civilians_as_cameo_codes_a_village(text: str) -> None:
    assert by_code(text) == [("ASSAULT", "NERREB", "NERCVL")], text


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # the comma between a town and its state closes no aside: the phrase before it is still the subject
        ("On Monday, a jury in Houston, Texas, convicted a man of murder.", "USA"),
        ("On Monday, police in Kidal, northern Mali, arrested a man.", "MLI"),
    ],
)
def test_a_subject_placed_in_a_town_and_its_state_after_an_opening_phrase(text: str, country: str) -> None:
    assert [source for _, source, _ in by_country(text)] == [country], text


@pytest.mark.parametrize(
    "text",
    [
        # the country or province after a town's comma says where the fighting was: it is not fought
        "Somali troops and al-Shabab fighters clashed outside Hudur, Somalia.",
        "Somali troops and al-Shabab fighters clashed in the town of Hudur, Bakool region.",
    ],
)
def test_the_place_that_holds_a_town_is_no_side_of_a_clash(text: str) -> None:
    assert codes(text) == {("ASSAULT", "SOMMIL", "SOMREBSHB"), ("ASSAULT", "SOMREBSHB", "SOMMIL")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a small town named right after a verb of force on a place is that place, as after "in" or "near"
        ("Militants overran Gao.", [("ASSAULT", None, "MLI")]),
        ("Rebels besieged the town of Kidal.", [("ASSAULT", None, "MLI")]),
        # a town's name joined by a hyphen to more is another place's ("Qala-e Zal" is no Qala in Malta)
        ("Taliban militants attacked the district of Qala-e Zal.", [("ASSAULT", "AFG", None)]),
    ],
)
def test_a_small_town_after_a_verb_of_force_on_a_place_is_that_place(text: str, expected: list) -> None:
    assert by_country(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Congress urged Obama to sanction Iran.", ("REQUEST", "LEG", "USAGOV")),
        ("Obama faces pressure from Congress to help Iran.", ("REQUEST", "LEG", "USAGOV")),
        ("Lawmakers accused Putin of lying about the war.", ("ACCUSE", "LEG", "RUSGOV")),
    ],
)
def test_a_legislature_no_country_names_makes_its_claims_on_whom_it_names(text, expected):
    # a legislature's demands and accusations are events even when the text does not say whose it is
    assert expected in codes(text)


def test_a_plural_in_ves_is_of_the_noun_in_f_the_lexicon_knows():
    # the lemma table reads "thieves" as the verb "thieve": the sector noun is "thief"
    assert by_code("Police arrested two thieves in Kisumu.") == [("COERCE", "KENCOP", "KENCRM")]


def test_a_plural_in_ies_the_lemma_table_lacks_is_of_the_noun_in_y():
    # "paramilitaries" is no entry of the lemma table: the sector noun is "paramilitary"
    assert by_code("Sudanese paramilitaries looted the central bank in Nyala.") == [("COERCE", "SDNMIL", "SDNGOV")]


def test_a_word_that_doubts_the_object_opens_its_phrase():
    # "two suspected criminals" are the ones arrested, not the town they were arrested in
    assert by_code("Police arrested two suspected criminals in Kisumu.") == [("COERCE", "KENCOP", "KENCRM")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "N others" after a verb are more of the people named before them in the sentence
        (
            "Nigerian troops killed 20 Boko Haram fighters and arrested five others.",
            [("ASSAULT", "NGAMIL", "NGAREBBKH"), ("COERCE", "NGAMIL", "NGAREBBKH")],
        ),
        # (wounding them is force on the herder's kind, as killing him is: one event)
        ("Gunmen killed a herder in Baidoa, Somalia, and wounded four others.", [("ASSAULT", "SOMREB", "SOMAGR")]),
    ],
)
def test_n_others_are_more_of_the_people_named_before(text: str, expected: list) -> None:
    assert by_code(text) == expected, text


def test_a_number_before_an_article_is_no_count_of_the_phrase_after_it():
    # a date written before the phrase ("2024-12-20 The ...") is no part of the actor's words
    found = asserted(
        "date 2024-12-20 The Russian Ministry of Foreign Affairs has announced the withdrawal of its staff."
    )
    assert [e.source.text for e in found] == ["Russian Ministry of Foreign Affairs"]
