"""Trigger entries built from the CAMEO codebook, one family at a time: concessions (08), legal action (11, 173),
reiterated support (051), aid in kind (073) and help given (070), threats of revenge (130), forces sent (154),
reduced relations (16) and military force phrased without "attack" (18, 19). The sentences are written for these
tests."""

from __future__ import annotations

import pytest

from services.extract import lexicon
from tests.services.coding import asserted, by_code
from tests.services.coding import by_cameo as coded


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 085 ease economic sanctions
        ("Canada lifted its sanctions on Belarus on Tuesday.", ("CONCEDE", "085", "CAN", "BLR")),
        ("Norway removed the trade embargo against Myanmar.", ("CONCEDE", "085", "NOR", "MMR")),
        ("Sweden waived its sanctions on Belarus.", ("CONCEDE", "085", "SWE", "BLR")),
        # CAMEO's verb dictionary: LOBBY (AGAINST) rallies opposition (113)
        ("Kenya lobbied against Somalia's bid for a UN seat.", ("ACCUSE", "113", "KEN", "SOM")),
        ("Japan dropped its sanctions against Myanmar.", ("CONCEDE", "085", "JPN", "MMR")),
        # 0841 release persons, 0842 return property
        ("Egypt freed 40 Sudanese prisoners on Monday.", ("RETREAT", "0841", "EGY", "SDN")),
        ("Pakistan handed over a captured Indian pilot to India.", ("RETREAT", "0841", "PAK", "IND")),
        ("Peru returned the seized fishing vessels to Ecuador.", ("RETREAT", "0842", "PER", "ECU")),
        ("Armenia ceded four villages to Azerbaijan.", ("RETREAT", "0842", "ARM", "AZE")),
        ("Chile released the impounded ship to Argentina.", ("RETREAT", "0842", "CHL", "ARG")),
        # 087 de-escalate, 0873 demobilise
        ("Indonesia halted its offensive against Timorese guerrillas.", ("RETREAT", "087", "IDN", "TLS")),
        ("Ethiopia disbanded its militias.", ("RETREAT", "0873", "ETH", None)),
        # 082 ease political dissent
        ("Kenya called off the planned strike.", ("CONCEDE", "082", "KEN", None)),
        # 080 allow: "give permission" is the gloss of "permit"
        ("Jordan gave Syrian farmers permission to cross the border.", ("CONCEDE", "080", "JOR", "SYR")),
        # 080 yield: an objection or a veto dropped or given up
        ("Greece dropped its objection to North Macedonia joining NATO.", ("CONCEDE", "080", "GRC", "MKD")),
        ("Hungary gave up its veto on Ukraine's membership talks.", ("CONCEDE", "080", "HUN", "UKR")),
    ],
)
def test_concessions(text: str, expected: tuple) -> None:
    assert expected in coded(text)


def test_a_prisoner_exchange_is_a_release_by_both_sides() -> None:
    events = coded("Azerbaijan and Armenia exchanged prisoners of war.")
    assert {(t, c, s) for t, c, s, _ in events} == {("RETREAT", "0841", "AZE"), ("RETREAT", "0841", "ARM")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ukraine filed charges against Russian soldiers.", ("ACCUSE", "112", "UKR", "RUS")),
        ("Prosecutors in Brazil indicted two Paraguayan officials.", ("ACCUSE", "112", "BRA", "PRY")),
        ("A Turkish court sentenced a German journalist to two years in prison.", ("COERCE", "173", "TUR", "DEU")),
        # a penalty recommended is coercion (CAMEO's RECOMMEND {DEATH PENALTY}), not an appeal
        ("A Texas jury recommended the death penalty for the gunman.", ("COERCE", "170", "USA", "USA")),
        ("Iran sued the United States at the International Court of Justice.", ("ACCUSE", "115", "IRN", "USA")),
        ("Slovakia took Hungary to court over the dam.", ("ACCUSE", "115", "SVK", "HUN")),
        ("A German court found Iran liable for the attack.", ("ACCUSE", "116", "DEU", "IRN")),
        ("France issued an arrest warrant for a Syrian general.", ("COERCE", "173", "FRA", "SYR")),
        # a politician a state's force arrests is of its state, also named inside the pattern
        ("Niger's presidential guard detained President Mohamed Bazoum.", ("COERCE", "173", "NER", "NER")),
        # a legislature's impeachment charges an official
        ("South Korea's parliament impeached President Yoon Suk Yeol.", ("ACCUSE", "112", "KOR", "KOR")),
    ],
)
def test_legal_action_against_someone(text: str, expected: tuple) -> None:
    assert expected in coded(text)


def test_the_one_an_arrest_pattern_holds_is_its_target() -> None:
    # "placed X under house arrest": the president arrested, of the soldiers' state, not the country itself
    assert by_code("Soldiers in Gabon placed President Ali Bongo under house arrest.") == [
        ("COERCE", "GABMIL", "GABGOV")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Japan reiterated its support for the Philippines on Friday.", ("SUPPORT", "051", "JPN", "PHL")),
        ("Poland reaffirmed its backing for Ukraine.", ("SUPPORT", "051", "POL", "UKR")),
        ("Morocco ratified the agreement with Spain.", ("SUPPORT", "057", "MAR", "ESP")),
        # condolences and regret (CAMEO 018 with praise, 055): offered, they are no offer of cooperation (030)
        ("The Ghanaian president offered condolences to Togo.", ("SUPPORT", "051", "GHA", "TGO")),
        ("Chile expressed regret to Peru over the incident.", ("SUPPORT", "055", "CHL", "PER")),
        # regret at another's act disapproves of it (111)
        ("Peru expressed regret over Chile's decision to close the border.", ("ACCUSE", "111", "PER", "CHL")),
        ("Belgium's king offered an apology to Rwanda for colonial abuses.", ("SUPPORT", "055", "BEL", "RWA")),
    ],
)
def test_statements_of_support(text: str, expected: tuple) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jordan sent tents and blankets to Syria.", ("AID", "073", "JOR", "SYR")),
        ("Qatar airlifted food and medicine to Sudan.", ("AID", "073", "QAT", "SDN")),
        ("Spain shipped grain to Yemen.", ("AID", "073", "ESP", "YEM")),
        ("India sent a team of rescuers to Turkey after the earthquake.", ("AID", "073", "IND", "TUR")),
        ("Greece forgave the debt of Cyprus.", ("AID", "071", "GRC", "CYP")),
        ("The Asian Development Bank approved a loan to Nepal.", ("AID", "071", "IGO", "NPL")),
        ("Italy supplied howitzers to Ukraine.", ("AID", "072", "ITA", "UKR")),
        ("Iran has reportedly sent drones to Russia.", ("AID", "072", "IRN", "RUS")),
        ("Norway provided Estonia with air defence systems.", ("AID", "072", "NOR", "EST")),
        ("Sweden delivered fighter jets to Hungary.", ("AID", "072", "SWE", "HUN")),
        ("The Pentagon announced a new arms package for Taiwan.", ("AID", "072", "USA", "TWN")),
        # support given in arms or money is aid; support with enthusiasm is praise
        ("Iran has long supported Hezbollah with money and weapons.", ("AID", "072", "IRN", "LBN")),
        ("The EU backed Ukraine with loans and grants.", ("AID", "071", "IGO", "UKR")),
        ("Japan provided Ukraine with $4.5 billion in financial support.", ("AID", "071", "JPN", "UKR")),
        ("The EU gave Tunisia a loan of 900 million euros.", ("AID", "071", "IGO", "TUN")),
    ],
)
def test_aid_in_kind(text: str, expected: tuple) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Germany helped Ukraine after the floods.", ("AID", "070", "DEU", "UKR")),
        ("Russia helped Syria rebuild its air force.", ("AID", "070", "RUS", "SYR")),
        ("Kenyan police were assisted by British officers.", ("AID", "070", "GBR", "KEN")),
        # a helper named after a determiner: the word before the one helped is the verb, not a name's last word
        ("The United Kingdom helped Egypt after the earthquake.", ("AID", "070", "GBR", "EGY")),
        ("The Norwegian government assisted Tanzania with election monitors.", ("AID", "070", "NOR", "TZA")),
    ],
)
def test_help_given_to_another_is_aid(text: str, expected: tuple) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    "text",
    [
        "The talks in Geneva helped to ease tensions between Armenia and Azerbaijan.",
        "Kenya helped in the search for the missing airliner.",
    ],
)
def test_help_with_no_one_helped_is_no_aid(text: str) -> None:
    assert not [e for e in asserted(text) if e.type == "AID"]


def test_the_act_helped_with_is_the_event() -> None:
    # a vow to defend another is CAMEO 032, intent to give military support; no aid is vowed
    assert coded("Norway vowed to help defend Saudi Arabia.") == [("AGREE", "032", "NOR", "SAU")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israel pounded Gaza overnight.", ("ASSAULT", "194", "ISR", "PSE")),
        (
            "Eritrean troops engaged Ethiopian forces in a firefight near the border.",
            ("ASSAULT", "190", "ERI", "ETH"),
        ),
        ("Pakistan downed an Indian drone over Kashmir.", ("ASSAULT", "195", "PAK", "IND")),
        ("Russia annexed Crimea in 2014.", ("ASSAULT", "192", "RUS", "UKR")),
        ("Armenia violated the ceasefire with Azerbaijan.", ("ASSAULT", "196", "ARM", "AZE")),
        ("Syrian warplanes dropped bombs on Idlib.", ("ASSAULT", "195", "SYR", "SYR")),
        ("Turkish drones struck militant positions in Iraq.", ("ASSAULT", "190", "TUR", "IRQ")),
        ("Yemeni rebels hit a Saudi air base with missiles.", ("ASSAULT", "190", "YEM", "SAU")),
        ("Ukrainian drones struck a Russian warship in Crimea.", ("ASSAULT", "190", "UKR", "RUS")),
        # a ship or a site targeted is attacked
        ("Houthi rebels targeted a British oil tanker in the Gulf of Aden.", ("ASSAULT", "190", "YEM", "GBR")),
        ("Armenian artillery hammered Azerbaijani positions.", ("ASSAULT", "194", "ARM", "AZE")),
        ("Sudanese jets battered rebel strongholds in Darfur.", ("ASSAULT", "194", "SDN", "SDN")),
    ],
)
def test_military_force_without_the_usual_verbs(text: str, expected: tuple) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 160 reduce relations, 163 embargo, boycott or sanctions
        ("Qatar closed its airspace to Bahraini flights.", ("SANCTION", "160", "QAT", "BHR")),
        # CAMEO's DENY * ENTRY: a delegation or an official refused entry
        ("India denied entry to a Chinese delegation.", ("SANCTION", "160", "IND", "CHN")),
        ("Canada imposed tariffs on Chinese steel.", ("SANCTION", "163", "CAN", "CHN")),
        # firms or officials put on a blacklist are sanctioned
        ("The EU blacklisted two Belarusian officials.", ("SANCTION", "163", "IGO", "BLR")),
        # a group designated or listed as terrorist is blacklisted
        ("Canada listed the Wagner Group as a terrorist entity.", ("SANCTION", "163", "CAN", "RUS")),
        ("Britain designated Hamas as a terrorist group.", ("SANCTION", "163", "GBR", "PSE")),
        # sanctions in force kept or made heavier are imposed again
        ("Britain renewed its sanctions against Zimbabwe for a year.", ("SANCTION", "163", "GBR", "ZWE")),
        ("Japan tightened its embargo on North Korea.", ("SANCTION", "163", "JPN", "PRK")),
    ],
)
def test_reduced_relations_and_economic_pressure(text: str, expected: tuple) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 162 reduce or stop material aid: supplies cut; a supply line cut is no aid stopped
        ("Algeria cut gas supplies to Spain.", [("SANCTION", "162", "DZA", "ESP")]),
        ("The rebels cut supply lines to the city.", []),
        # 072 military aid, named by what the receiver got
        ("Taiwan received 40 howitzers from the United States.", [("AID", "072", "USA", "TWN")]),
    ],
)
def test_supplies_cut_and_arms_received(text: str, expected: list) -> None:
    assert coded(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 176 cyber attack: networks and accounts breached; an agreement breached is no attack
        ("North Korean hackers breached the networks of a South Korean bank.", [("COERCE", "176", "PRK", "KOR")]),
        ("Iran breached the nuclear deal, Israel said.", []),
    ],
)
def test_networks_breached(text: str, expected: list) -> None:
    assert coded(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 0841 people returned are released; 0842 places handed over are returned
        ("Belarus returned 12 Lithuanian detainees.", [("RETREAT", "0841", "BLR", "LTU")]),
        ("Russia returned 90 Ukrainian prisoners of war.", [("RETREAT", "0841", "RUS", "UKR")]),
        ("Pakistan returned 400 Indian fishermen.", [("RETREAT", "0841", "PAK", "IND")]),
        ("Serbia handed over two villages to Bosnia.", [("RETREAT", "0842", "SRB", "BIH")]),
        # ... and so are places or bodies handed back (RETURN PROPERTY)
        ("Armenia handed four villages back to Azerbaijan.", [("RETREAT", "0842", "ARM", "AZE")]),
        ("Russia handed back the bodies of 500 Ukrainian soldiers.", [("RETREAT", "0842", "RUS", "UKR")]),
        # 163 an import ban is an embargo
        ("Russia imposed an import ban on Moldovan wine.", [("SANCTION", "163", "RUS", "MDA")]),
        ("Beijing took countermeasures against Lithuania.", [("SANCTION", "163", "CHN", "LTU")]),
        # 087 de-escalate military engagement: military operations halted
        ("Turkey halted its military operations in northern Iraq.", [("RETREAT", "087", "TUR", "IRQ")]),
    ],
)
def test_returns_handovers_and_import_bans(text: str, expected: list) -> None:
    assert coded(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Zambian police teargassed opposition supporters.",
        "Zambian police tear-gassed opposition supporters.",
        "Zambian police fired tear-gas at opposition supporters.",
        "Zambian police fired teargas at opposition supporters.",
        "Zambian police used teargas on opposition supporters.",
        "Zambian police teargas opposition supporters",
    ],
)
def test_tear_gas_however_written_is_riot_control(text: str) -> None:
    # 175 use tactics of violent repression, not an armed assault (190)
    assert coded(text) == [("COERCE", "175", "ZMB", "ZMB")]


def test_a_deadline_extended_is_no_sanction() -> None:
    assert coded("The Dutch government extended the deadline for tax returns.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 130 threaten: a vow of revenge is a threat, not a promise of cooperation
        ("Syria vowed revenge against Turkey.", ("THREATEN", "130", "SYR", "TUR")),
        ("Serbia threatened reprisals against Kosovo.", ("THREATEN", "130", "SRB", "XKX")),
    ],
)
def test_vows_of_revenge_are_threats(text: str, expected: tuple) -> None:
    assert coded(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # an act or a state of things that "threatens" endangers; no one threatens anyone
        "Kenya warned that a Somali offensive on Kismayo would threaten the peace deal.",
        "The Israeli plan would threaten the Palestinian economy.",
    ],
)
def test_what_endangers_threatens_no_one(text: str) -> None:
    assert [e for e in coded(text) if e[0] == "THREATEN"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 154 mobilize armed forces: the force sent is the source's own, not a target
        ("Britain sent warships to the Gulf.", [("MOBILIZE", "154", "GBR", None)]),
        ("Norway deployed two frigates to the Baltic.", [("MOBILIZE", "154", "NOR", None)]),
        ("France dispatched reinforcements to Mali.", [("MOBILIZE", "154", "FRA", "MLI")]),
        # 152 increase military alert status, however the level is named
        ("Bolivia put its navy on the second level of alert.", [("MOBILIZE", "152", "BOL", None)]),
        ("Lithuania raised its alert level.", [("MOBILIZE", "152", "LTU", None)]),
        # 150 demonstrate military power: a warning shot falls short of force, and is aimed at whom it warns
        ("The Greek navy fired warning shots at a Turkish fishing boat.", [("MOBILIZE", "150", "GRC", "TUR")]),
    ],
)
def test_forces_sent_or_deployed(text: str, expected: list) -> None:
    assert coded(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turkey deployed troops in northern Syria.", [("MOBILIZE", "TUR", "SYR")]),
        ("Russia has stationed soldiers in Belarus.", [("MOBILIZE", "RUS", "BLR")]),
        (
            "Russia deployed a military contingent of over 7,500 soldiers in Syrian territory.",
            [("MOBILIZE", "RUS", "SYR")],
        ),
    ],
)
def test_forces_posted_in_a_country_are_the_sender_s_and_the_country_is_where(text: str, expected: list) -> None:
    # "in Syria" says where the forces went, not whose they are: the target is the country, not its army (SYRMIL)
    assert by_code(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Nurses in Kenya will strike on Monday.",  # a walkout
        "India hit its target for wheat exports.",  # a goal met
        "Brazil struck a trade deal with Chile.",  # an agreement
        "Kenya and Uganda hammered out a trade deal.",  # an agreement worked out, not shelling
    ],
)
def test_strike_hit_and_hammer_without_a_military_target_are_no_attack(text: str) -> None:
    assert "ASSAULT" not in {event_type for event_type, *_ in coded(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Serbia released a report on the economy.",  # a document released is no release of people
        "Kenya ended the year with a trade surplus.",  # "end" needs what the codebook eases
        "The pound fell against the dollar.",  # the currency, not shelling
        "A storm battered the town of Mombasa.",  # weather is no one's act
    ],
)
def test_the_same_verbs_elsewhere_code_nothing(text: str) -> None:
    assert coded(text) == []


def test_permission_refused_is_a_rejection() -> None:
    assert ("REJECT", "120", "TUR", "USA") in coded("Turkey would not give US jets permission to use the base.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the lookup lemmatizer reads "hearing" as "hear" and "shelling" as "shell": a lexicon noun matches as written
        ("Kenya's high court opened a hearing into the killings.", ("ACCUSE", "090", "KEN", None)),
        ("The Syrian army halted the shelling of Idlib.", ("RETREAT", "087", "SYR", "SYR")),
        ("Egypt issued a warning to Ethiopia over the dam.", ("THREATEN", "130", "EGY", "ETH")),
    ],
)
def test_a_lexicon_noun_matches_as_written(text: str, expected: tuple) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the tokenizer splits "cease-fire" into three tokens; a hyphenated lexicon entry matches them
        ("The Sudanese rebels violated the cease-fire.", ("ASSAULT", "196", "SDN", None)),
        ("India agreed to co-operate with Pakistan on trade.", ("AGREE", "031", "IND", "PAK")),
    ],
)
def test_a_hyphenated_lexicon_entry_matches_the_tokens_it_is_split_into(text: str, expected: tuple) -> None:
    assert expected in coded(text)


def test_no_pattern_puts_two_alternations_side_by_side():
    # A pattern is split into words at spaces, so "aid|humanitarian worker|agency" reads as two words with their
    # own alternatives ("aid" or "humanitarian", then "worker" or "agency"), not as three objects: an object of two
    # words needs a line of its own.
    side_by_side = [
        entry.pattern
        for entry in lexicon.triggers()
        if any("|" in a and "|" in b for a, b in zip(entry.pattern.split(), entry.pattern.split()[1:], strict=False))
    ]
    assert side_by_side == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 162 stops aid; 1663 withdraws aid workers
        ("The United States withdrew aid from Afghanistan.", ("SANCTION", "162", "USA", "AFG")),
        ("The EU suspended budget support to Niger after the coup.", ("SANCTION", "162", "IGO", "NER")),
        # lending is aid lent (071): suspended, it is aid stopped, not aid given
        ("The World Bank suspended new lending to Malawi.", ("SANCTION", "162", "IGO", "MWI")),
        ("The UN withdrew its staff from Gaza.", ("SANCTION", "1663", "IGO", "PSE")),
    ],
)
def test_aid_withdrawn_and_aid_workers_withdrawn(text: str, expected: tuple) -> None:
    assert expected in coded(text)


def test_a_deal_hammered_out_is_an_agreement_by_both_sides() -> None:
    # 030: reaching an agreement, as "reached a deal" is
    assert coded("Kenya and Uganda hammered out a trade deal.") == [
        ("AGREE", "030", "KEN", None),
        ("AGREE", "030", "UGA", None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 143 conduct strike or boycott
        ("Nigerian doctors downed tools over unpaid wages.", ("PROTEST", "143", "NGA", "NGA")),
        ("Greek dockworkers walked off the job on Monday.", ("PROTEST", "143", "GRC", "GRC")),
        # 152 increase military alert status
        ("Taiwan put its armed forces on high alert.", ("MOBILIZE", "152", "TWN", None)),
    ],
)
def test_strikes_and_raised_alerts(text: str, expected: tuple) -> None:
    assert coded(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 141 demonstrate or rally: demonstrators who gather
        ("Protesters gathered outside parliament in Harare.", [("PROTEST", "141", "ZWE", "ZWE")]),
        ("Hundreds of demonstrators assembled in Nairobi on Monday.", [("PROTEST", "141", "KEN", "KEN")]),
        # others who gather hold no protest by it
        ("Foreign ministers gathered in Geneva for talks.", []),
        ("A crowd gathered to watch the parade in Harare.", []),
        ("Thousands of pilgrims converged on Mecca.", []),
    ],
)
def test_only_protesters_who_gather_demonstrate(text: str, expected: list) -> None:
    assert coded(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 141: a demonstration told by its placards and slogans
        ("Zimbabwean teachers held up placards outside parliament.", ("PROTEST", "141", "ZWE", "ZWE")),
        ("Kenyan students chanted slogans in Nairobi.", ("PROTEST", "141", "KEN", "KEN")),
        ("Malawian nurses carried banners through Lilongwe.", ("PROTEST", "141", "MWI", "MWI")),
    ],
)
def test_placards_and_slogans_tell_a_demonstration(text: str, expected: tuple) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 190 use conventional military force: armed men who strike, with or without an object; 183 when they are
        # suicide bombers
        ("Suicide bombers struck in the city of Kano.", [("ASSAULT", "183", "NGA", "NGA")]),
        ("Nigerian troops struck back near Maiduguri.", [("ASSAULT", "190", "NGA", None)]),
        # a storm, a scandal or workers who strike attack no one
        ("A powerful earthquake struck Kabul.", []),
        ("A scandal struck the Kenyan government.", []),
        ("Nigerian nurses struck for a week.", []),
    ],
)
def test_only_armed_men_who_strike_attack(text: str, expected: list) -> None:
    assert coded(text) == expected


def test_walking_off_a_field_is_no_strike() -> None:
    assert coded("The Kenyan striker walked off the pitch injured.") == []


@pytest.mark.parametrize(
    "text",
    [
        # sport and elections are contests: no assault (182, 192) and no withdrawal of forces (0874)
        "The Indian cricket team beat Pakistan by five wickets.",
        "Brazil beat Argentina in the final.",
        "The Italian tenor captured the audience in Milan.",
        "The Kenyan runner captured the gold medal in Paris.",
        "The Russian tennis player withdrew from the tournament with an injury.",
        "Nigeria pulled out of the Africa Cup of Nations.",
        # nor are a stage stormed off, a market invaded or a concert cancelled
        "The Brazilian model stormed off the stage in Paris.",
        "The Irish rock band invaded the charts in Britain.",
        "The American singer cancelled her concert in Moscow.",
    ],
)
def test_contests_and_shows_are_no_conflict(text: str) -> None:
    assert coded(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iranian police beat protesters in Tehran.", ("ASSAULT", "182", "IRN", "IRN")),
        ("Indian troops captured a Pakistani post in Kashmir.", ("ASSAULT", "192", "IND", "PAK")),
        ("Russia withdrew from the town of Kherson.", ("RETREAT", "0874", "RUS", "UKR")),
    ],
)
def test_the_same_verbs_between_forces_and_people_are_conflict(text: str, expected: tuple) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 1722 ban political parties; 172 administrative sanctions; 1721 censorship
        ("The Cambodian supreme court dissolved the main opposition party.", ("COERCE", "1722", "KHM", "KHM")),
        # ... and so are parties suspended or outlawed, or their activities
        ("Burkina Faso's junta suspended the activities of political parties.", ("COERCE", "1722", "BFA", "BFA")),
        ("Thailand's court banned the opposition Move Forward party.", ("COERCE", "1722", "THA", "THA")),
        ("Bahrain stripped 130 dissidents of their citizenship.", ("COERCE", "172", "BHR", "BHR")),
        ("Mali suspended the French broadcaster France 24.", ("COERCE", "1721", "MLI", "FRA")),
        # 160 reduce relations: an agreement revoked or cancelled
        ("Burkina Faso revoked its military agreements with France.", ("SANCTION", "160", "BFA", "FRA")),
        # 057 sign formal agreement
        ("Sudan's warring parties signed a declaration of principles.", ("SUPPORT", "057", "SDN", None)),
    ],
)
def test_bans_revocations_and_declarations_signed(text: str, expected: tuple) -> None:
    assert expected in coded(text)


def test_ambassadors_exchanged_are_relations_established() -> None:
    # 050 engage in diplomatic cooperation, as "restored diplomatic relations" is
    assert coded("Iran and Saudi Arabia exchanged ambassadors.") == [
        ("SUPPORT", "050", "IRN", None),
        ("SUPPORT", "050", "SAU", None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 145 protest violently, riot: force used by people in a protest
        ("Thai protesters stormed a shopping mall in Bangkok.", ("PROTEST", "145", "THA", "THA")),
        ("Kenyan protesters clashed with police in Nairobi.", ("PROTEST", "145", "KEN", "KEN")),
        ("Rioters in Greece attacked a police station.", ("PROTEST", "145", "GRC", "GRC")),
    ],
)
def test_force_used_by_protesters_is_a_riot(text: str, expected: tuple) -> None:
    assert coded(text) == [expected]


def test_weapons_fired_by_protesters_stay_force() -> None:
    # 19x by weapon: missiles launched are armed force, whoever launches them
    assert coded("Georgian demonstrators launched missiles at the Georgian government.") == [
        ("ASSAULT", "195", "GEO", "GEO")
    ]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # CAMEO's criminal and business sectors: pirates and cartels, airlines and banks act as themselves, not as
        # their state
        ("Somali pirates seized a Greek tanker.", "SOMCRM"),
        ("The British airline suspended flights to Kenya.", "GBRBUS"),
        ("A Swiss bank agreed to pay a fine to the US.", "CHEBUS"),
    ],
)
def test_criminals_and_businesses_are_their_own_sector(text: str, source: str) -> None:
    assert [event.source.code for event in asserted(text)] == [source]


def test_jets_ordered_from_their_maker_are_a_purchase() -> None:
    assert coded("Turkish Airlines ordered 200 new jets from Airbus.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 145 protest violently, riot: what a crowd throws is aimed at whom it is thrown at
        ("Students in Dhaka hurled bricks at Bangladeshi police.", ("PROTEST", "145", "BGD", "BGD")),
        # unnamed people acting against a state's forces are its people
        ("Villagers threw bottles at Indonesian soldiers.", ("PROTEST", "145", "IDN", "IDN")),
        ("Rioters in Lima pelted Peruvian police with rocks.", ("PROTEST", "145", "PER", "PER")),
        # so are fireworks and other objects
        ("Youths in Rotterdam threw fireworks at Dutch police.", ("PROTEST", "145", "NLD", "NLD")),
        # and stoning is throwing stones
        ("Youths stoned police vehicles in Kisumu, Kenya.", ("PROTEST", "145", "KEN", "KEN")),
        ("Protesters hurled objects at Greek police in Athens.", ("PROTEST", "145", "GRC", "GRC")),
    ],
)
def test_stones_and_bottles_thrown_by_a_crowd_are_a_riot(text: str, expected: tuple) -> None:
    assert expected in coded(text)


def test_a_ball_thrown_is_no_riot() -> None:
    assert coded("The Dutch goalkeeper threw the ball at the Belgian striker.") == []


def test_fighting_people_flee_is_where_they_come_from_and_a_named_attack_stays() -> None:
    assert coded("Thousands of Malians who fled fighting in the north reached Niger.") == []
    assert coded("Syrian families fled Turkish attacks on Aleppo.") == [("ASSAULT", "190", "TUR", "SYR")]


def test_a_formal_complaint_in_diplomacys_words() -> None:
    # 114 complain officially: "representations" lodged with a government, any of its envoys summoned
    assert coded("Vietnam lodged strong representations with China.") == [("ACCUSE", "114", "VNM", "CHN")]
    assert coded("Algeria summoned the French charge d'affaires.") == [("ACCUSE", "114", "DZA", "FRA")]


def test_the_pope_is_the_vatican() -> None:
    assert ("REQUEST", "020", "VAT", "RUS") in coded("Pope Leo appealed to Russia to release Ukrainian prisoners.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # drills begun jointly are military cooperation (062), alone a show of force (150)
        ("India and France began joint naval exercises.", ("COOPERATE", "062", "IND", None)),
        ("China began military drills around Taiwan.", ("MOBILIZE", "150", "CHN", "TWN")),
        # a siege ordered or laid is a blockade (191)
        ("The Serbian army laid siege to the Bosnian town.", ("COERCE", "191", "SRB", "BIH")),
        # an arrest ordered is the arrest (173)
        ("A Turkish court ordered the arrest of a Swedish journalist.", ("COERCE", "173", "TUR", "SWE")),
        # protesters who set fire to a building riot (145)
        ("Protesters set fire to the Danish embassy in Tehran.", ("PROTEST", "145", "IRN", "DNK")),
    ],
)
def test_drills_begun_arrests_ordered_and_fires_set_by_protesters(text: str, expected: tuple) -> None:
    assert expected in coded(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 046 negotiate: talks launched or begun
        ("Turkey began negotiations with Greece.", ("CONSULT", "046", "TUR", "GRC")),
        # 087 de-escalate: fighting paused
        ("Azerbaijan paused the shelling of Armenian villages.", ("RETREAT", "087", "AZE", "ARM")),
    ],
)
def test_talks_begun_and_fighting_paused(text: str, expected: tuple) -> None:
    assert expected in coded(text)


def test_air_defences_sent_are_military_aid() -> None:
    assert coded("Norway delivered air defence systems to Ukraine.") == [("AID", "072", "NOR", "UKR")]


def test_a_bid_approved_is_endorsed_and_one_refused_is_rejected() -> None:
    assert coded("Portugal backed Moldova's membership bid.") == [("SUPPORT", "051", "PRT", "MDA")]
    assert [e[:3] for e in coded("Hungary will not approve Ukraine's membership bid.")] == [("REJECT", "120", "HUN")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 130 threaten: a warning of what the speaker will do, or of what the warned must do
        ("Turkey warned Greece of serious consequences.", [("THREATEN", "130", "TUR", "GRC")]),
        ("Russia warned Latvian officials to leave the embassy.", [("THREATEN", "130", "RUS", "LVA")]),
        # the speaker will respond if the one named in the condition acts
        (
            "Armenia warned that Yerevan would respond if Azerbaijani troops crossed the border.",
            [("THREATEN", "130", "ARM", "AZE")],
        ),
        # the speaker's own forces, unnamed, will harm (138 military force), or those warned will be punished (137)
        (
            "Iran's army chief warned Kurdish militants that troops would open fire on anyone crossing the border.",
            [("THREATEN", "138", "IRN", None)],
        ),
        (
            "Venezuela's defence minister warned that the army would crush any invasion.",
            [("THREATEN", "130", "VEN", None)],
        ),
        (
            # (the groups are non-governmental ones, as CAMEO's agents dictionary has them)
            "Burundi's interior ministry warned that unregistered NGOs would be banned.",
            [("THREATEN", "137", "BDI", "NGO")],
        ),
        # a consequence made to hang on another's act (1312 sanctions; a condition on a named party)
        ("Canada warned Eritrea of further sanctions.", [("THREATEN", "130", "CAN", "ERI")]),
        (
            "Russia warned Finland that relations would suffer if Helsinki joined the alliance.",
            [("THREATEN", "130", "RUS", "FIN")],
        ),
        # a warning that foretells what will happen threatens no one
        ("Aid agencies in Chad warned that famine would spread if the rains failed.", []),
        ("The Kenyan central bank warned that inflation would rise.", []),
        ("The UN warned that more troops would be needed in Haiti.", []),
        ("The World Bank warned of famine in Somalia.", []),
        ("The World Bank issued a stark warning, saying millions in Somalia face famine.", []),
        # a warning issued to someone, or one whose addressee follows a participle, does threaten
        ("Iran issued a warning to Israel on Monday.", [("THREATEN", "130", "IRN", "ISR")]),
        # and so does one given a party over what it does: CAMEO files WARN under 130 (not residents over a flood)
        ("China warns US over Taiwan arms sales", [("THREATEN", "130", "CHN", "USA")]),
        ("Russia warned NATO over its expansion in Eastern Europe.", [("THREATEN", "130", "RUS", "IGO")]),
        ("Kenyan officials warned residents over the rising floods.", []),
        (
            "The Chinese spokesman said the reef was Chinese territory, warning Manila against provocations.",
            [("THREATEN", "130", "CHN", "PHL")],
        ),
    ],
)
def test_a_warning_threatens_only_the_speakers_own_act(text: str, expected: list) -> None:
    assert coded(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the accusations or threats two sides trade go from each to the other
        (
            "Armenia and Azerbaijan traded accusations over the shelling.",
            {("ACCUSE", "112", "ARM", "AZE"), ("ACCUSE", "112", "AZE", "ARM")},
        ),
        (
            "Serbia and Kosovo exchanged threats after the raid.",
            {("THREATEN", "130", "SRB", "XKX"), ("THREATEN", "130", "XKX", "SRB")},
        ),
    ],
)
def test_accusations_or_threats_two_sides_trade_go_both_ways(text: str, expected: set) -> None:
    assert set(coded(text)) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CAMEO 1724: emergency rule extended is imposed for longer, as a curfew extended is (1723)
        ("Peru's government extended the state of emergency in Lima.", ("COERCE", "1724", "PER", "PER")),
        # a legislature's vote to act is its decision to act
        ("The Lithuanian parliament voted to extend martial law.", ("COERCE", "1724", "LTU", "LTU")),
        ("Canada's parliament voted to impose sanctions on Belarus.", ("SANCTION", "163", "CAN", "BLR")),
    ],
)
def test_emergency_rule_extended_and_a_vote_to_act(text: str, expected: tuple) -> None:
    assert coded(text) == [expected], text


def test_arms_handed_over_to_another_are_military_aid_and_ones_own_a_disarmament() -> None:
    assert coded("Norway handed over six F-16 jets to Ukraine.") == [("AID", "072", "NOR", "UKR")]
    assert [c[:2] for c in coded("Colombian rebels handed over their weapons to UN monitors.")] == [("RETREAT", "0873")]


def test_an_expulsion_ordered_is_an_expulsion() -> None:
    # CAMEO 166, as an arrest ordered is an arrest (173)
    assert coded("Burkina Faso's junta ordered the expulsion of the French ambassador.") == [
        ("SANCTION", "166", "BFA", "FRA")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CAMEO 087 de-escalate military engagement
        (
            "Armenian and Azerbaijani troops disengaged along the border.",
            {("RETREAT", "087", "ARM", None), ("RETREAT", "087", "AZE", None)},
        ),
        (
            "India and China completed the disengagement of troops.",
            {("RETREAT", "087", "IND", None), ("RETREAT", "087", "CHN", None)},
        ),
        # 0842 return, release property: control of a place handed over
        ("Libyan militias handed control of the port to the government.", {("RETREAT", "0842", "LBY", "LBY")}),
    ],
)
def test_disengagement_and_control_handed_over(text: str, expected: set) -> None:
    assert set(coded(text)) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CAMEO 040: a summit or talks attended are a meeting; 042: a funeral attended abroad, a visit
        ("The Indian prime minister attended the G20 summit.", ("CONSULT", "040", "IND", "IGO")),
        ("The French president attended the funeral of the late Pope.", ("CONSULT", "042", "FRA", "VAT")),
    ],
)
def test_a_summit_or_a_funeral_attended(text: str, expected: tuple) -> None:
    assert coded(text) == [expected], text


def test_classes_attended_are_no_meeting() -> None:
    assert coded("Afghan students attended classes in Kabul.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 111: an act that sparks or provokes condemnation gets it from whoever condemns
        ("The shelling sparked condemnation from Germany.", [("ACCUSE", "111", "DEU", None)]),
        ("The raid provoked sharp criticism from Jordan.", [("ACCUSE", "111", "JOR", None)]),
        # 020: a plea delivered to someone appeals to them
        (
            "Kenya's president delivered a plea to the African Union to send troops.",
            [("REQUEST", "020", "KEN", "IGO")],
        ),
        # 175: to clamp down is to crack down
        ("Bahraini police clamped down on protesters in Manama.", [("COERCE", "175", "BHR", "BHR")]),
        # a plea in court is no appeal to anyone
        ("The Kenyan suspect entered a guilty plea.", []),
    ],
)
def test_condemnation_provoked_pleas_and_crackdowns(text: str, expected: list) -> None:
    assert coded(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 112: held responsible or accountable is blamed
        ("Iraq held Turkey responsible for the drone strike.", [("ACCUSE", "112", "IRQ", "TUR")]),
        ("Ghana held Togo accountable for the deaths of its fishermen.", [("ACCUSE", "112", "GHA", "TGO")]),
        # 112: the finger pointed at someone blames them; a finger pointed at a map blames no one
        ("Hamas pointed the finger at Israel for the blast.", [("ACCUSE", "112", "PSE", "ISR")]),
        ("The Kenyan guide pointed a finger at the map.", []),
        # naming an act is no act: "called the sanctions a crime" calls them, imposes none
        ("Iran's foreign minister called the sanctions a crime against humanity.", []),
        # talks held with those responsible for something blame no one
        ("Egypt held talks with Sudanese officials responsible for water.", [("CONSULT", "040", "EGY", "SDN")]),
        # 111: faulted, chided, disapproval expressed
        ("Chile faulted Peru for the delay.", [("ACCUSE", "111", "CHL", "PER")]),
        ("Norway chided Iceland over whaling.", [("ACCUSE", "111", "NOR", "ISL")]),
        ("Japan expressed dismay at the South Korean ruling.", [("ACCUSE", "111", "JPN", None)]),
        # the noun is geology
        ("Japan lies on several fault lines.", []),
        # 115: taken to court is sued
        ("Guyana took Venezuela to the International Court of Justice.", [("ACCUSE", "115", "GUY", "VEN")]),
    ],
)
def test_blame_reproach_and_lawsuits(text: str, expected: list) -> None:
    assert coded(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 015: a group that claims responsibility for an attack is coded as its author, the act its claim names
        ("Boko Haram claimed responsibility for the attack on a school in Niger.", ("ASSAULT", "190", "NGA", "NER")),
        ("The Pakistani Taliban claimed responsibility for the bombing in Peshawar.", ("ASSAULT", "183", "PAK", None)),
        ("Al-Shabab claimed credit for the kidnapping of two Kenyan doctors.", ("ASSAULT", "181", "SOM", "KEN")),
    ],
)
def test_an_attack_claimed_by_a_group_is_the_group_s(text: str, expected: tuple) -> None:
    assert coded(text) == [expected]


def test_a_claim_no_one_made_names_no_author_and_a_claimed_attack_is_another_s() -> None:
    assert coded("No group has claimed responsibility for the attack in Mogadishu.") == []
    # what one side claims the other did is claimed, not owned
    assert ("ASSAULT", "190", "RUS", "UKR") not in coded("Ukraine claimed that Russia attacked its positions.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 0841: persons released, whatever their work
        ("Belarus released two Lithuanian diplomats.", [("RETREAT", "0841", "BLR", "LTU")]),
        ("Iran released three Swedish academics.", [("RETREAT", "0841", "IRN", "SWE")]),
        # what is released is no person
        ("The Iranian ministry released a statement on Monday.", []),
        ("Egypt released official figures on trade.", []),
        # 166: a foreign envoy ordered to leave is expelled
        ("Chad ordered the German ambassador to leave.", [("SANCTION", "166", "TCD", "DEU")]),
    ],
)
def test_persons_released_and_envoys_expelled(text: str, expected: list) -> None:
    assert coded(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 090: an inquiry set up or established
        (
            "Ghana's parliament set up a commission of inquiry into the deaths of Nigerian traders.",
            [("ACCUSE", "090", "GHA", "NGA")],
        ),
        ("Kenya established an inquiry into the deaths of Ugandan traders.", [("ACCUSE", "090", "KEN", "UGA")]),
        # 1712 villages burned; 171 homes looted
        ("Sudan's army burned villages in Darfur.", [("COERCE", "1712", "SDN", "SDN")]),
        ("Rwandan troops looted homes in Burundi.", [("COERCE", "171", "RWA", "BDI")]),
        # protesters who loot riot (145)
        ("Protesters looted shops in Nairobi.", [("PROTEST", "145", "KEN", "KEN")]),
        # 163: a travel ban on another's officials
        ("The US imposed a travel ban on Nigerian officials.", [("SANCTION", "163", "USA", "NGA")]),
    ],
)
def test_inquiries_looting_burning_and_travel_bans(text: str, expected: list) -> None:
    assert coded(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Bahraini prisoners went on a hunger strike.", "Bahraini prisoners have been on hunger strike since May."],
)
def test_a_hunger_strike_gone_on_or_kept_up(text: str) -> None:
    # 142: on hunger strike, as one begun or launched
    assert [(kind, code, source) for kind, code, source, _ in coded(text)] == [("PROTEST", "142", "BHR")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 190: armed men struck or hit are attacked, as positions and bases are
        ("Ukraine struck Russian troops near Bakhmut.", [("ASSAULT", "190", "UKR", "RUS")]),
        ("Israeli jets hit Hamas militants in Gaza.", [("ASSAULT", "190", "ISR", "PSE")]),
        # a strike force strikes no one
        ("The strike force included Nigerian soldiers.", []),
    ],
)
def test_armed_men_struck_or_hit_are_attacked(text: str, expected: list) -> None:
    assert coded(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CAMEO 163: sanctions, an embargo or tariffs imposed, slapped or hit with, actively or passively
        ("Canada slapped sanctions on two Venezuelan generals.", [("SANCTION", "163", "CAN", "VEN")]),
        ("The European Union hit Belarus with new sanctions.", [("SANCTION", "163", "IGO", "BLR")]),
        ("Cuba was hit with an embargo by the United States.", [("SANCTION", "163", "USA", "CUB")]),
        ("Mexico was slapped with tariffs by Washington.", [("SANCTION", "163", "USA", "MEX")]),
        # added, applied or enforced (CAMEO's verb dictionary), or adopted and approved by a body that imposes them
        ("The US added new sanctions on Venezuela.", [("SANCTION", "163", "USA", "VEN")]),
        (
            "The European Union on Thursday approved a fresh package of sanctions against Russia.",
            [("SANCTION", "163", "IGO", "RUS")],
        ),
        ("EU adopts new sanctions on Iran", [("SANCTION", "163", "IGO", "IRN")]),
        # sales, exports or imports restricted or curbed (RESTRICT SALES), and firms put on a blacklist
        ("Japan imposed export curbs on China.", [("SANCTION", "163", "JPN", "CHN")]),
        ("The Netherlands restricted exports of chip-making equipment to China.", [("SANCTION", "163", "NLD", "CHN")]),
        ("The US added Chinese firms to its trade blacklist.", [("SANCTION", "163", "USA", "CHN")]),
        # 161: an ambassador withdrawn is recalled (WITHDRAW AMBASSADOR)
        ("Russia withdrew its ambassador from Moldova.", [("SANCTION", "161", "RUS", "MDA")]),
    ],
)
def test_sanctions_hit_or_slapped_on_a_state(text: str, expected: list) -> None:
    assert coded(text) == expected


def test_troops_backed_by_guns_are_not_endorsed() -> None:
    # 051 endorses a government's or a leader's stand; artillery backing an advance is part of the fighting
    assert coded("Ethiopian troops moved into the town, backed by artillery and helicopter gunships.") == []
    assert coded("The plan was backed by Ghana.") == [("SUPPORT", "051", "GHA", None)]


def test_a_mission_closed_reduces_relations() -> None:
    # 161 reduce or break diplomatic relations: an embassy, a consulate or a mission closed or shut
    assert coded("Lithuania closed the Belarusian consulate in Vilnius.") == [("SANCTION", "161", "LTU", "BLR")]
    # and so is an embassy's work suspended
    assert coded("Sweden suspended its embassy operations in Tehran.") == [("SANCTION", "161", "SWE", "IRN")]


def test_a_release_ordered_by_the_holder_s_court_is_a_release() -> None:
    # 0841 release persons: the holder's court or government orders it; a release called for is a demand (020)
    assert coded("A Russian court ordered the release of a French researcher.") == [("RETREAT", "0841", "RUS", "FRA")]
    assert coded("France called for the release of a French researcher.") == [("REQUEST", "020", "FRA", "FRA")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 174 expel or deport individuals; envoys expelled reduce relations (166)
        ("Bolivia expelled Cuban doctors.", [("COERCE", "174", "BOL", "CUB")]),
        ("China expelled three American journalists.", [("COERCE", "174", "CHN", "USA")]),
        # where they were sent is not whom the expulsion acts on, nor where it was done
        ("Tunisian authorities deported dozens of migrants to the Libyan border.", [("COERCE", "174", "TUN", None)]),
        ("Israel expelled the activists to Jordan.", [("COERCE", "174", "ISR", None)]),
        # those a state deports are foreigners there, of no country unless named
        ("Mexico deported hundreds of migrants.", [("COERCE", "174", "MEX", None)]),
        ("Peru expelled the Mexican ambassador.", [("SANCTION", "166", "PER", "MEX")]),
    ],
)
def test_people_expelled_are_deported_and_envoys_expelled_are_sanctioned(text: str, expected: list) -> None:
    assert coded(text) == expected


def test_an_offensive_prepared_mobilizes_forces() -> None:
    # 154 mobilize or increase armed forces: made ready, not yet launched
    assert coded("Israel is preparing a ground invasion of Gaza.") == [("MOBILIZE", "154", "ISR", "PSE")]
    # so is an attack forces are preparing to make: made ready, not threatened in words (138)
    assert coded("The Serbian army prepared to resume shelling Kosovo.") == [("MOBILIZE", "154", "SRB", "XKX")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 111: words aimed at someone
        ("China lashed out at Japan over the visit.", [("ACCUSE", "111", "CHN", "JPN")]),
        # 0871: a ceasefire extended is declared again
        (
            "Israel and Hamas extended their truce by two days.",
            [("RETREAT", "0871", "ISR", None), ("RETREAT", "0871", "PSE", None)],
        ),
        # crimes committed are no commitment (030)
        ("Ethiopian forces committed war crimes in Tigray, the report said.", []),
    ],
)
def test_words_lashed_out_truces_extended_and_crimes_committed(text: str, expected: list) -> None:
    assert coded(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 111: the phrasal verbs of criticism
        ("The Iranian president spoke out against the Saudi strikes.", [("ACCUSE", "111", "IRN", "SAU")]),
        ("Erdogan hit out at the European Union over its refugee policy.", [("ACCUSE", "111", "TUR", "IGO")]),
        ("Venezuela's foreign minister railed against Colombia.", [("ACCUSE", "111", "VEN", "COL")]),
        ("Putin berated the Ukrainian government.", [("ACCUSE", "111", "RUS", "UKR")]),
        # a blow struck and a walk out at night are no criticism
        ("The driver hit the wall and went out at night.", []),
    ],
)
def test_criticism_in_phrasal_verbs(text: str, expected: list) -> None:
    assert coded(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 190: fighting by its synonyms; protesters who battle the police riot (145)
        ("Syrian troops battled rebels near Aleppo.", [("ASSAULT", "190", "SYR", None)]),
        ("Nigerian troops combat Boko Haram militants in the northeast.", [("ASSAULT", "190", "NGA", "NGA")]),
        ("Protesters battled cops in Cairo on Friday.", [("PROTEST", "145", "EGY", "EGY")]),
        # a drought or a blaze is fought by no one's forces
        ("Kenya is battling a drought.", []),
        ("Chilean firefighters battled the blaze for hours.", []),
    ],
)
def test_fighting_by_its_synonyms(text: str, expected: list) -> None:
    assert coded(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 033: aid pledged, promised or offered is the intent to provide it
        ("Qatar pledged $500 million in aid to Lebanon.", [("AGREE", "033", "QAT", "LBN")]),
        ("The EU offered Moldova a loan.", [("AGREE", "033", "IGO", "MDA")]),
        # 07: aid resumed or restored is aid given again
        ("The United States resumed military aid to Egypt.", [("AID", "072", "USA", "EGY")]),
        ("Germany restored development aid to Niger.", [("AID", "071", "DEU", "NER")]),
        # 144: a road or a highway closed by people obstructs passage, as one blocked does
        ("Protesters closed the main highway to Nairobi.", [("PROTEST", "144", "KEN", "KEN")]),
        # 120: a deployment or an extradition blocked is rejected, not obstructed as protesters block a road
        ("Kenya's high court blocked the deployment of Kenyan police to Haiti.", [("REJECT", "120", "KEN", "KEN")]),
        ("The European Commission blocked the takeover of Alstom.", [("REJECT", "120", "IGO", None)]),
        # 041 talks held by phone; 042 a visit one is on; 043 a visitor welcomed to one's capital
        (
            "Japan's prime minister held phone talks with the South Korean president.",
            [("CONSULT", "041", "JPN", "KOR")],
        ),
        (
            "Israel's prime minister spoke with the U.S. president by phone on Sunday.",
            [("CONSULT", "041", "ISR", "USA")],
        ),
        ("The Indian foreign minister is on a three-day visit to Moscow.", [("CONSULT", "042", "IND", "RUS")]),
        ("The Saudi crown prince welcomed the Syrian president to Riyadh.", [("CONSULT", "043", "SAU", "SYR")]),
        # 042 is a visit of state: refugees or fans who arrive somewhere visit no one
        ("Hundreds of Syrian refugees arrived in Greece.", []),
        ("Pakistani fans travelled to India for the match.", []),
        ("The Iranian foreign minister arrived in Riyadh.", [("CONSULT", "042", "IRN", "SAU")]),
        # 050: an embassy opened; 063: suspects handed over are extradited; 190: attacks stepped up are attacks
        ("Egypt opened an embassy in Baghdad.", [("SUPPORT", "050", "EGY", "IRQ")]),
        ("Morocco handed over two suspects to Spain.", [("COOPERATE", "063", "MAR", "ESP")]),
        ("Israel intensified its bombardment of Gaza.", [("ASSAULT", "190", "ISR", "PSE")]),
        ("Russia stepped up its attacks on Ukrainian cities.", [("ASSAULT", "190", "RUS", "UKR")]),
        ("The government stepped up its efforts.", []),
        # 143: a walkout staged or a strike called is a strike; a strike called a success is named, not called
        ("French unions called a general strike.", [("PROTEST", "143", "FRA", "FRA")]),
        ("The Israeli air force called the strike a success.", []),
        ("Workers at Argentina's state oil company staged a walkout.", [("PROTEST", "143", "ARG", "ARG")]),
    ],
)
def test_aid_pledged_and_walkouts_staged(text: str, expected: list) -> None:
    assert coded(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 0871: a truce signed is declared, by each side
        (
            "Sudan and South Sudan signed a truce in Addis Ababa.",
            [("RETREAT", "0871", "SDN", None), ("RETREAT", "0871", "SSD", None)],
        ),
    ],
)
def test_a_truce_signed_is_declared(text: str, expected: list) -> None:
    assert coded(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a warning of the speaker's own act to come threatens (13x); a strait closed is a blockade (191)
        ("Yemen warned it would close the Bab el-Mandeb strait.", ("THREATEN", "YEM")),
        # patrols held jointly are military cooperation (062)
        ("Vietnam and India will conduct joint patrols.", ("AGREE", "VNM")),
    ],
)
def test_warnings_of_ones_own_act_and_joint_patrols(text: str, expected: tuple) -> None:
    assert expected in [(kind, source) for kind, _cameo, source, _target in coded(text)]


def test_a_high_commissioner_is_an_envoy() -> None:
    # 114 complain officially: a Commonwealth country's envoy is its high commissioner
    assert coded("Pakistan summoned India's deputy high commissioner.") == [("ACCUSE", "114", "PAK", "IND")]


def test_peacekeepers_ordered_out_are_expelled() -> None:
    # 1661 expel peacekeepers; "by the end of the year" is a deadline, not an agent
    assert coded("Congo ordered UN peacekeepers to leave by the end of the year.") == [
        ("SANCTION", "1661", "COD", "IGO")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 061 cooperate economically: investment in another's economy, energy sold to it
        ("India invested in Bangladesh.", [("COOPERATE", "061", "IND", "BGD")]),
        ("Russia sold oil to India at a discount.", [("COOPERATE", "061", "RUS", "IND")]),
        # 071 economic aid: money deposited in another's central bank
        ("Saudi Arabia deposited $3 billion in Pakistan's central bank.", [("AID", "071", "SAU", "PAK")]),
        # invested in an outcome, adjectivally, is no investment
        ("Many people are deeply and personally invested in Americans' success.", []),
    ],
)
def test_investment_trade_and_deposits(text: str, expected: list) -> None:
    assert coded(text) == expected


def test_an_act_branded_illegal_is_criticised() -> None:
    # 111 criticize or denounce: branded or described as illegal, barbaric, reckless
    assert coded("Turkey described Israel's actions as barbaric.") == [("ACCUSE", "111", "TUR", "ISR")]
    assert coded("The UN called for an end to illegal settlements.") == [("REQUEST", "020", "IGO", None)]


def test_a_group_dissolved_by_the_state_is_banned():
    # CAMEO 172, administrative sanctions; a band that breaks up bans no one
    dissolved = "The Algerian authorities dissolved a leading human rights group."
    assert coded(dissolved) == [("COERCE", "172", "DZA", "DZA")]
    assert coded("The band dissolved the group after ten years.") == []


def test_a_suspension_lifted_eases_a_sanction_and_a_call_by_telephone_is_a_call():
    assert coded("The African Union lifted Mali's suspension.") == [("CONCEDE", "081", "IGO", "MLI")]
    assert coded("Japan's prime minister spoke by telephone with the South Korean president.") == [
        ("CONSULT", "041", "JPN", "KOR")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # aid announced or approved is aid given, of the kind its noun says (CAMEO 071-073)
        (
            "The Biden administration announced a $2 billion military aid package for Ukraine.",
            [("AID", "072", "USA", "UKR")],
        ),
        ("The EU approved 50 million euros in humanitarian aid for Gaza.", [("AID", "073", "IGO", "PSE")]),
        ("Turkey sent humanitarian aid to Syria.", [("AID", "073", "TUR", "SYR")]),
        # warplanes sent toward a state are forces deployed (154)
        ("China sent 30 warplanes toward Taiwan on Wednesday.", [("MOBILIZE", "154", "CHN", "TWN")]),
    ],
)
def test_aid_announced_and_warplanes_sent(text: str, expected: list) -> None:
    assert coded(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 0831 power handed over; 0841 people released for whom they are, leaders of the other side
        ("Sudan's military rulers handed power to a civilian government.", [("RETREAT", "0831", "SDN", None)]),
        ("The Nigerien junta released the ousted president's son.", [("RETREAT", "0841", "NER", None)]),
        ("The ministry released a statement by the president.", []),
    ],
)
def test_power_handed_over_and_people_released(text: str, expected: list) -> None:
    assert coded(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 051 tribute paid; 046 talks taken part in; the venue of talks meant to be held is no party to them
        ("Iran's foreign minister paid tribute to the slain Hezbollah leader.", [("SUPPORT", "051", "IRN", "LBN")]),
        ("The company paid tribute to its founder.", []),
        ("Israel took part in indirect talks with Lebanon.", [("CONSULT", "046", "ISR", "LBN")]),
        ("Russia will participate in the peace talks in Istanbul.", [("AGREE", "036", "RUS", None)]),
    ],
)
def test_tribute_paid_and_talks_taken_part_in(text: str, expected: list) -> None:
    assert coded(text) == expected, text


def test_a_question_asked_is_no_appeal():
    # CAMEO 020 asks someone to do something; a question put to them asks nothing of them
    assert coded("Reporters asked the Russian minister whether Moscow would attack.") == []
    assert coded("The UN asked Israel to explain why it had bombed the school.")[0][:2] == ("REQUEST", "020")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 085 sanctions suspended; 055 forgiveness asked; 163 an import ban; 080 a bill withdrawn
        ("The European Union suspended its sanctions on Syria's banks.", [("CONCEDE", "085", "IGO", "SYR")]),
        ("Japan's prime minister asked for forgiveness from South Korea.", [("SUPPORT", "055", "JPN", "KOR")]),
        ("The European Union banned imports of Russian steel.", [("SANCTION", "163", "IGO", "RUS")]),
        ("Kenya's president withdrew the finance bill after days of protests.", [("CONCEDE", "080", "KEN", None)]),
        # 145 tyres burned by a crowd; 190 missiles that slammed into a city (slamming a decision criticises it)
        ("Rioters torched tyres outside the parliament in Nairobi.", [("PROTEST", "145", "KEN", "KEN")]),
        ("Two Russian missiles slammed into an apartment block in Kharkiv.", [("ASSAULT", "190", "RUS", "UKR")]),
        ("Britain's foreign secretary slammed the Russian decision.", [("ACCUSE", "111", "GBR", "RUS")]),
        # weapons named by their role, a campaign of pressure, talks ruled out: nouns, not acts
        ("Russia supplied Mali's army with drones and attack helicopters.", [("AID", "072", "RUS", "MLI")]),
        (
            "Iran ruled out talks with the United States while Washington pursues its pressure campaign.",
            [("REJECT", "120", "IRN", "USA")],
        ),
    ],
)
def test_sanctions_suspended_apologies_embargoes_and_force_that_slams_into_a_place(text: str, expected: list) -> None:
    assert coded(text) == expected, text


@pytest.mark.parametrize(
    "text",
    [
        # a term sought is a candidacy (020 asks someone); forecasts beaten (182 beats people)
        "Venezuela's president will seek a third term in July.",
        "India's economy grew 7 percent, beating analysts' forecasts.",
        # an order that is a state of things
        "The junta pledged to return Guinea to constitutional order.",
        # prices that eased, and transport a strike halted
        "Kenya's inflation eased to 3 percent in March, the central bank said.",
        "Argentina's unions staged a general strike, halting transport across the country.",
    ],
)
def test_words_that_name_no_event_of_their_type_here(text: str) -> None:
    # the event the sentence does report keeps its own type
    assert {"REQUEST", "ASSAULT", "CONCEDE", "SANCTION"}.isdisjoint(t for t, *_ in coded(text)), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 051 praise (WordNet's "laud"), 052 defend verbally, 057 an agreement sealed, 042 a visit by landing
        ("Japan's foreign minister lauded Vietnam for its free trade policy.", [("SUPPORT", "051", "JPN", "VNM")]),
        ("China's foreign ministry leapt to the defence of Cambodia's government.", [("SUPPORT", "052", "CHN", "KHM")]),
        ("Kenya's president sealed a trade agreement in Nairobi.", [("SUPPORT", "057", "KEN", None)]),
        ("India's prime minister landed in Kenya on Monday.", [("CONSULT", "042", "IND", "KEN")]),
        # 046 talks sat down to; 062 and 063 joint patrols and a joint investigation team
        ("Sudan's delegation sat down for talks with South Sudan in Juba.", [("CONSULT", "046", "SDN", "SSD")]),
        ("Nigerien troops carried out joint patrols with Chad.", [("COOPERATE", "062", "NER", "TCD")]),
        ("Indian police set up a joint investigation team with Bangladesh.", [("COOPERATE", "063", "IND", "BGD")]),
        # 074 peacekeepers dispatched; 086 inspectors let in; 162 financing paused
        ("The African Union dispatched peacekeepers to Somalia.", [("AID", "074", "IGO", "SOM")]),
        ("Iran let IAEA inspectors back into the country.", [("RETREAT", "086", "IRN", "IGO")]),
        ("The World Bank paused new financing to Uganda.", [("SANCTION", "162", "IGO", "UGA")]),
        # 130 cautioned (WordNet: warned); 152 units placed on alert; 154 troops moved
        (
            "Kenya's interior minister cautioned protesters that police would use force.",
            [("THREATEN", "130", "KEN", "KEN")],
        ),
        ("Nigeria's police chief placed all units on alert.", [("MOBILIZE", "152", "NGA", None)]),
        ("Poland moved 2,000 troops to its border with Belarus.", [("MOBILIZE", "154", "POL", "BLR")]),
        # 172 barred from doing something; 166 told to leave the country; 142 a hunger strike begun
        ("The Taliban barred women from working for aid agencies.", [("COERCE", "172", "AFG", "AFG")]),
        ("Mali's junta told the French ambassador to leave the country.", [("SANCTION", "166", "MLI", "FRA")]),
        ("Palestinian prisoners in Israeli jails began a hunger strike.", [("PROTEST", "142", "PSE", "PSE")]),
        # 152 units on red alert; 071 a disbursement approved; 072 drones delivered; 073 supplies brought;
        # 0873 rifles laid down
        ("Nigeria's police chief has placed all commands on red alert.", [("MOBILIZE", "152", "NGA", None)]),
        ("The IMF approved a disbursement of 1 billion dollars to Pakistan.", [("AID", "071", "IGO", "PAK")]),
        ("Turkey delivered two drones to the Somali army.", [("AID", "072", "TUR", "SOM")]),
        ("The Red Cross brought medical supplies to hospitals in Goma.", [("AID", "073", "NGO", "COD")]),
        ("FARC dissidents laid down their rifles in Colombia.", [("RETREAT", "0873", "COL", None)]),
        # 051 others rallied behind a bid; 1661 peacekeepers ordered out of the country; 087 firing stopped
        ("Brazil rallied BRICS members behind Ethiopia's bid for the summit.", [("SUPPORT", "051", "BRA", "ETH")]),
        ("Mali's junta ordered UN peacekeepers out of the country.", [("SANCTION", "1661", "MLI", "IGO")]),
        ("Thai troops stopped firing at midnight.", [("RETREAT", "087", "THA", None)]),
        # families cut off by fighting are isolated by it: no relations cut (160)
        ("The UN airdropped food to families cut off by fighting in Sudan.", [("AID", "073", "IGO", "SDN")]),
    ],
)
def test_praise_visits_joint_action_access_alerts_and_restrictions_by_their_codebook_words(
    text: str, expected: list
) -> None:
    assert coded(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 036 an offer to mediate volunteered; 030 readiness expressed; 064 police tipped off; 040 sat down with
        (
            "Kenya's president volunteered to mediate between Sudan's warring generals.",
            [("AGREE", "036", "KEN", "SDN")],
        ),
        ("Turkey expressed readiness to contribute troops to a force in Gaza.", [("AGREE", "030", "TUR", "PSE")]),
        ("Moroccan intelligence tipped off Spanish police about a cell.", [("COOPERATE", "064", "MAR", "ESP")]),
        ("China's foreign minister sat down with Pakistan's army chief.", [("CONSULT", "040", "CHN", "PAK")]),
        # 062 joint patrols resumed, a joint exercise wrapped up
        ("Nigerian troops resumed joint patrols with Niger.", [("COOPERATE", "062", "NGA", "NER")]),
        ("Indian troops wrapped up a joint exercise with Egypt.", [("COOPERATE", "062", "IND", "EGY")]),
        # 071 money deposited with a central bank; 073 supplies dispatched or flown in
        ("Saudi Arabia deposited 3 billion dollars with Pakistan's central bank.", [("AID", "071", "SAU", "PAK")]),
        ("India dispatched 15 tonnes of relief supplies to Myanmar.", [("AID", "073", "IND", "MMR")]),
        ("The United Arab Emirates flew medical supplies into Port Sudan.", [("AID", "073", "ARE", "SDN")]),
        # 0812 parties reinstated; 081 access restored; 0842 artefacts repatriated
        ("The Guinean junta reinstated three suspended opposition parties.", [("CONCEDE", "0812", "GIN", "GIN")]),
        ("Pakistan's regulator restored internet access in Balochistan.", [("CONCEDE", "081", "PAK", "PAK")]),
        ("Pakistan's regulator reopened internet access in Balochistan.", [("CONCEDE", "081", "PAK", "PAK")]),
        ("Pakistan's regulator unblocked the website in Balochistan.", [("CONCEDE", "081", "PAK", "PAK")]),
        ("Germany repatriated looted artefacts to Nigeria.", [("RETREAT", "0842", "DEU", "NGA")]),
        # 142 hunger strike gone on; 150 a show of force; 154 reservists called up
        ("Bahraini activists went on hunger strike.", [("PROTEST", "142", "BHR", "BHR")]),
        ("Rwanda's army put on a show of force near the border.", [("MOBILIZE", "150", "RWA", None)]),
        ("Israel called up 60,000 reservists.", [("MOBILIZE", "154", "ISR", None)]),
        # 1711 vessels impounded; 1721 the internet cut; 166 a mission kicked out
        ("Guinean authorities impounded three Chinese fishing vessels.", [("COERCE", "1711", "GIN", "CHN")]),
        ("Authorities in Cameroon cut internet access.", [("COERCE", "1721", "CMR", "CMR")]),
        ("Niger's junta kicked out the International Committee of the Red Cross.", [("SANCTION", "166", "NER", "NGO")]),
    ],
)
def test_offers_meetings_joint_drills_aid_access_and_expulsions_by_their_codebook_words(
    text: str, expected: list
) -> None:
    assert coded(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 176 cyberattacks carried out, by hackers linked to a state; 202 mass killings carried out
        (
            "Pakistan-linked hackers carried out cyberattacks on Indian government websites.",
            [("COERCE", "176", "PAK", "IND")],
        ),
        ("RSF fighters carried out mass killings of civilians in El Fasher.", [("ASSAULT", "202", "SDN", "SDN")]),
        # 0842 property restituted; 0873 weapons burned by those who held them
        ("France restituted the drum to Ivory Coast.", [("RETREAT", "0842", "FRA", "CIV")]),
        ("PKK militants burned their weapons at a ceremony.", [("RETREAT", "0873", "TUR", None)]),
        # 120 repudiated, brushed aside (WordNet: reject, dismiss); 160 an organisation quit
        ("The Polisario Front repudiated Morocco's autonomy plan.", [("REJECT", "120", "ESH", "MAR")]),
        ("Guinea's junta brushed aside ECOWAS calls to hand power back.", [("REJECT", "120", "GIN", "IGO")]),
        ("Niger quit the International Organisation of La Francophonie.", [("SANCTION", "160", "NER", None)]),
        # 030 commitment affirmed; 046 negotiations conducted; 062 a joint exercise kicked off
        (
            "Egypt's president affirmed Egypt's commitment to closer ties with Eritrea.",
            [("AGREE", "030", "EGY", None)],
        ),
        ("Ethiopia conducted another round of negotiations with Egypt.", [("CONSULT", "046", "ETH", "EGY")]),
        ("Chinese troops kicked off a joint military exercise with Cambodia.", [("COOPERATE", "062", "CHN", "KHM")]),
        # 154 troops ordered to a border or a coast are deployed (ordered to withdraw, they are not)
        ("Venezuela ordered 5,600 soldiers to its coast near Guyana.", [("MOBILIZE", "154", "VEN", "GUY")]),
        # 115 proceedings instituted against another; 154 equipment moved to a border
        ("Nicaragua instituted proceedings against Germany at the ICJ.", [("ACCUSE", "115", "NIC", "DEU")]),
        ("Ethiopia moved heavy military equipment toward the Eritrean border.", [("MOBILIZE", "154", "ETH", "ERI")]),
    ],
)
def test_cyberattacks_restitution_repudiation_proceedings_and_deadlines_by_their_codebook_words(
    text: str, expected: list
) -> None:
    assert coded(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 062 a joint operation; 072 interceptors and armoured carriers delivered; 073 relief handed out or flown in
        (
            "Malian troops launched a joint operation with Nigerien forces near the border.",
            [("COOPERATE", "062", "MLI", "NER")],
        ),
        ("Germany delivered more IRIS-T interceptors to Ukraine.", [("AID", "072", "DEU", "UKR")]),
        ("Turkey delivered 40 armoured vehicles to the Somali army.", [("AID", "072", "TUR", "SOM")]),
        ("UNICEF distributed blankets and hygiene kits in Gaza.", [("AID", "073", "IGO", "PSE")]),
        ("Jordan set up a field hospital in Gaza.", [("AID", "073", "JOR", "PSE")]),
        ("The WFP airlifted 20 tonnes of food to Juba.", [("AID", "073", "IGO", "SSD")]),
        # 080 backed down; 114 a chargé d'affaires summoned
        ("Kenya's government backed down over the housing levy.", [("CONCEDE", "080", "KEN", None)]),
        ("Lithuania summoned Belarus's chargé d'affaires.", [("ACCUSE", "114", "LTU", "BLR")]),
        # 141 a march led; 143 a strike named by its reach, or gone on
        ("The opposition leader led a march through Harare.", [("PROTEST", "141", "ZWE", "ZWE")]),
        ("Argentine unions held a nationwide strike against the reforms.", [("PROTEST", "143", "ARG", "ARG")]),
        ("French workers went on a two-day strike.", [("PROTEST", "143", "FRA", "FRA")]),
        # 152 forces put on a state of combat readiness; 154 the army called in; 166 staff ordered to leave
        ("Azerbaijan put its forces on a state of combat readiness.", [("MOBILIZE", "152", "AZE", None)]),
        ("Ecuador's president called in the army to patrol Guayaquil.", [("MOBILIZE", "154", "ECU", "ECU")]),
        ("Niger ordered the EU mission's staff to leave the country.", [("SANCTION", "166", "NER", "IGO")]),
        # 062 joint exercises taken part in; 162 a shipment of arms paused
        ("Kenyan troops took part in joint exercises with Ugandan forces.", [("COOPERATE", "062", "KEN", "UGA")]),
        ("Germany paused a shipment of tank shells to Israel.", [("SANCTION", "162", "DEU", "ISR")]),
        # 045 mediators shuttle between the sides
        (
            "Qatari mediators shuttled between Hamas and Israeli negotiators.",
            [("CONSULT", "045", "QAT", "PSE"), ("CONSULT", "045", "QAT", "ISR")],
        ),
        # order restored or kept is no command; an offensive pressed is carried on, no one is urged
        ("Rwandan police were sent to help restore order in Bangui.", []),
        ("Russia pressed its offensive in eastern Ukraine.", []),
    ],
)
def test_joint_operations_deliveries_strikes_and_forces_called_in_by_their_codebook_words(
    text: str, expected: list
) -> None:
    assert coded(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 0871 a truce begun is declared; 087 armed activity suspended
        ("Colombia's army began a unilateral ceasefire on Friday.", [("RETREAT", "0871", "COL", None)]),
        ("The Moro rebels suspended all armed operations against Manila.", [("RETREAT", "087", "PHL", "PHL")]),
        # 041 a call with the one called named between; 055 apologies exchanged
        ("Chile's president spoke to Bolivia's president by telephone.", [("CONSULT", "041", "CHL", "BOL")]),
        (
            "Japan and South Korea exchanged apologies.",
            [("SUPPORT", "055", "JPN", None), ("SUPPORT", "055", "KOR", None)],
        ),
        # 152 readiness raised, or forces put on a level of it; 154 a reinforcement ordered
        ("Estonia raised the readiness of its border guards.", [("MOBILIZE", "152", "EST", None)]),
        ("Armenia placed its army on the highest level of alert.", [("MOBILIZE", "152", "ARM", None)]),
        ("Italy ordered a reinforcement of its naval patrols off Libya.", [("MOBILIZE", "154", "ITA", "LBY")]),
        # 0841 crews and sailors freed
        ("Iran freed the 12 Indian sailors of the seized tanker.", [("RETREAT", "0841", "IRN", "IND")]),
        # CAMEO's FREE in its other verb forms, as headlines write it
        ("Iran frees French tourist held for two years", [("RETREAT", "0841", "IRN", "FRA")]),
        # its REVOKE family with a deal (160), HANG in the present (186), BAR with "from" after its object (172)
        ("Niger junta revokes military deal with US", [("SANCTION", "160", "NER", "USA")]),
        ("Iran hangs two men convicted of spying for Israel", [("ASSAULT", "186", "IRN", None)]),
        ("The fate of the truce hangs in the balance.", []),
        ("Taliban bar women from universities", [("COERCE", "172", "AFG", "AFG")]),
        # APPROVE * SALE of arms and TRAIN * FORCES are military aid (072); a train that carries soldiers is not
        ("US approves $1 billion arms sale to Taiwan", [("AID", "072", "USA", "TWN")]),
        ("Britain trained 30,000 Ukrainian troops last year.", [("AID", "072", "GBR", "UKR")]),
        ("A train carrying soldiers derailed in Punjab.", []),
        # no event: a quantity that declines, a tank built for battle, troops a country has as guests
        ("Exports to Russia began to decline in March.", []),
        ("Poland bought 250 American battle tanks.", []),
        ("Moldova hosts Russian troops in Transnistria.", []),
    ],
)
def test_truces_calls_readiness_and_releases_by_their_codebook_words(text: str, expected: list) -> None:
    assert coded(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 064 intelligence passed to another state's authorities; 072 arms rushed to an ally
        ("Jordan passed intelligence to Iraqi authorities.", [("COOPERATE", "064", "JOR", "IRQ")]),
        ("Britain rushed anti-tank weapons to Ukraine.", [("AID", "072", "GBR", "UKR")]),
    ],
)
def test_intelligence_passed_and_arms_rushed_by_their_codebook_words(text: str, expected: list) -> None:
    assert coded(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 154 troops poured in, a mobilisation ordered; 0831 a resignation submitted; 0871 a cessation of
        # hostilities signed
        ("Ankara poured thousands of troops into Idlib province.", [("MOBILIZE", "154", "TUR", "SYR")]),
        ("Russia's president ordered a partial mobilisation of reservists.", [("MOBILIZE", "154", "RUS", None)]),
        ("Lebanon's prime minister submitted his resignation.", [("RETREAT", "0831", "LBN", None)]),
        (
            "Sudan and South Sudan signed a cessation of hostilities.",
            [("RETREAT", "0871", "SDN", None), ("RETREAT", "0871", "SSD", None)],
        ),
        # 138 an attack vowed is a threat of force
        (
            "The Houthis vowed to target any American warship in the Red Sea.",
            [("THREATEN", "138", "YEM", "USA")],
        ),
    ],
)
def test_troops_poured_mobilisations_resignations_truces_and_targets_by_their_codebook_words(
    text: str, expected: list
) -> None:
    assert coded(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 0874 positions abandoned; 192 forces that sweep into a city take it (an election's winner takes no city)
        ("Malian troops abandoned their positions near Kidal.", [("RETREAT", "0874", "MLI", None)]),
        ("Rebel fighters swept into Goma.", [("ASSAULT", "192", None, "COD")]),
        ("The candidate swept into office in 2008.", []),
    ],
)
def test_positions_abandoned_and_cities_swept_into_by_their_codebook_words(text: str, expected: list) -> None:
    assert coded(text) == expected, text


def test_crowds_that_pour_into_the_streets_demonstrate() -> None:
    assert coded("Thousands of Serbians poured into the streets of Belgrade.") == [("PROTEST", "141", "SRB", "SRB")]
    assert coded("Thousands of Serbians flooded the streets of Belgrade.") == [("PROTEST", "141", "SRB", "SRB")]
    assert coded("Heavy rains flooded the streets of Belgrade.") == []


def test_wanted_figures_handed_over_to_another_state_are_extradited() -> None:
    assert coded("Mexico handed over 29 alleged cartel figures to the United States.") == [
        ("COOPERATE", "063", "MEX", "USA")
    ]


def test_an_envoy_given_hours_to_leave_is_expelled() -> None:
    # and the hours are no part of the envoy's name
    events = asserted("Mali gave the French ambassador 72 hours to leave the country.")
    assert [(e.type, e.cameo, e.source.country, e.target.country, e.target.text) for e in events] == [
        ("SANCTION", "166", "MLI", "FRA", "French ambassador")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CAMEO's verb dictionary: MOCK and RIDICULE denounce (111), RECOMMEND suggests (020), ACQUIT eases (081)
        ("The Venezuelan president mocked the Colombian government on Sunday.", [("ACCUSE", "111", "VEN", "COL")]),
        ("Iran's foreign minister ridiculed the British proposal.", [("ACCUSE", "111", "IRN", "GBR")]),
        (
            "A Kenyan parliamentary committee recommended that Uganda return the island.",
            [("REQUEST", "020", "KEN", "UGA")],
        ),
        ("A Pakistani court acquitted two Indian fishermen on Monday.", [("CONCEDE", "081", "PAK", "IND")]),
    ],
)
def test_verbs_of_ridicule_suggestion_and_acquittal_code_as_the_verb_dictionary_files_them(
    text: str, expected: list
) -> None:
    assert coded(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CAMEO's verb dictionary: HOLD &HOSTAGE is 181, as TAKE &HOSTAGE is
        ("Kurdish rebels held three Turkish engineers hostage for a week.", [("ASSAULT", "181", None, "TUR")]),
        ("Three Turkish engineers were held hostage by Kurdish rebels.", [("ASSAULT", "181", None, "TUR")]),
        # "hostage" right after a passive verb is what its subject was taken as, not an actor of the place
        ("Three Turkish engineers were taken hostage in Baghdad.", [("ASSAULT", "181", "IRQ", "TUR")]),
        # a reduced relative names the captives, not their captors
        ("Three Turkish engineers held hostage in northern Iraq were freed on Friday.", []),
        ("Three Turkish engineers taken hostage in northern Iraq were freed on Friday.", []),
    ],
)
def test_people_held_hostage_are_abducted_by_whoever_holds_them(text: str, expected: list) -> None:
    assert coded(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CAMEO 116 (find guilty or liable) and 112: the verdict falls on the one named between the verb and the
        # adjective, an object complement as "hostage" is, and not on the victims of the crime it names
        ("A Kenyan court found two ministers guilty of corruption.", [("ACCUSE", "JUD", "KEN", "KEN", "GOV")]),
        (
            "A Kenyan court found Peter Otieno guilty of killing his wife and child.",
            [("ACCUSE", "JUD", "KEN", "KEN", None)],
        ),
        (
            "A court in Lagos declared the opposition leader guilty of treason.",
            [("ACCUSE", "JUD", "NGA", "NGA", "OPP")],
        ),
        ("A French court found the oil company liable for the spill.", [("ACCUSE", "JUD", "FRA", "FRA", "BUS")]),
        ("Russia held Ukraine responsible for the attack on the bridge.", [("ACCUSE", None, "RUS", "UKR", None)]),
    ],
)
def test_a_verdict_falls_on_the_one_named_before_its_adjective(text: str, expected: list) -> None:
    assert [
        (e.type, e.source.sector, e.source.country, e.target and e.target.country, e.target and e.target.sector)
        for e in asserted(text)
    ] == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CAMEO's verb dictionary: ENGAGE (IN &NEGOTIATION) is 046; "engaged in" is a state, not a passive
        ("Colombia's government is engaged in peace talks with FARC rebels.", [("CONSULT", "046", "COL", "COL")]),
        ("Colombia's government engaged in talks with Venezuela.", [("CONSULT", "046", "COL", "VEN")]),
        # OVERWHELM is filed under DESTROY (190): by forces, not by the weather
        ("Colombian troops overwhelmed FARC rebels near Cali.", [("ASSAULT", "190", "COL", "COL")]),
        ("Heavy snow overwhelmed Chinese rescue teams.", []),
        # a promise renewed is a promise made
        ("Kenya's president renewed his promise to cut taxes.", [("AGREE", "030", "KEN", None)]),
    ],
)
def test_negotiations_engaged_in_forces_overwhelmed_and_promises_renewed(text: str, expected: list) -> None:
    assert coded(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CAMEO's verb dictionary: BLAST * PROPOSAL rejects (120); an aircraft shot down is still attacked (195)
        (
            "Spain and Italy shot down a Greek proposal on fishing quotas.",
            [("REJECT", "120", "ESP", "GRC"), ("REJECT", "120", "ITA", "GRC")],
        ),
        ("The EU torpedoed a French proposal on farm subsidies.", [("REJECT", "120", "IGO", "FRA")]),
        ("Syrian forces shot down a Turkish jet.", [("ASSAULT", "195", "SYR", "TUR")]),
        # STEP UP &SECURITY (150), TIGHTEN * &SECURITY (152): police or military power shown
        ("Pakistan beefed up security on Saturday.", [("MOBILIZE", "150", "PAK", None)]),
        ("Indian police tightened security in Kashmir ahead of the vote.", [("MOBILIZE", "150", "IND", None)]),
    ],
)
def test_proposals_shot_down_and_security_stepped_up(text: str, expected: list) -> None:
    assert coded(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CAMEO's verb dictionary: STAND * TRIAL is 173 done to the one tried, by the judge who orders it
        ("A Kenyan judge ordered two Ugandan officers to stand trial for fraud.", [("COERCE", "173", "KEN", "UGA")]),
        # TAKE * {&SECURITY MEASURES} shows police or military power (150)
        ("Israel's parliament took extraordinary security steps for the vote.", [("MOBILIZE", "150", "ISR", None)]),
    ],
)
def test_a_trial_ordered_and_security_steps_taken(text: str, expected: list) -> None:
    assert coded(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CAMEO's verb dictionary: ENCIRCLE is 190; INTERROGATE is 090 (investigate)
        ("Ethiopian troops encircled the Somali town of Baidoa.", [("ASSAULT", "190", "ETH", "SOM")]),
        ("Iraqi police interrogated two French journalists.", [("ACCUSE", "090", "IRQ", "FRA")]),
    ],
)
def test_a_place_encircled_and_people_interrogated(text: str, expected: list) -> None:
    assert coded(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the nouns of CAMEO's verbs, told as done by the doer their possessive names
        ("Iraq's invasion of Kuwait led to war.", [("ASSAULT", "192", "IRQ", "KWT")]),
        ("Ethiopia's deportation of Eritreans angered Asmara.", [("COERCE", "174", "ETH", "ERI")]),
    ],
)
def test_an_act_named_by_the_noun_of_its_verb_after_its_doer(text: str, expected: list) -> None:
    assert coded(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the verb dictionary's synonyms of KILL and CRITICIZE
        ("Bodies of Sudanese villagers slain by Sudanese soldiers were found.", [("ASSAULT", "190", "SDN", "SDN")]),
        ("Iran's president scolded Britain over the seized tanker.", [("ACCUSE", "111", "IRN", "GBR")]),
        ("A senior Iranian commander poured scorn on American threats.", [("ACCUSE", "111", "IRN", "USA")]),
        # and with SUPPRESS, APPREHEND, ACQUIT, DENOUNCE and ASK
        ("Chinese troops quelled the uprising in Lhasa.", [("COERCE", "175", "CHN", "CHN")]),
        ("Iraqi police apprehended two Syrian smugglers.", [("COERCE", "173", "IRQ", "SYR")]),
        ("A Kenyan court exonerated the former Ugandan minister.", [("CONCEDE", "081", "KEN", "UGA")]),
        ("Pakistan's army chief chastised India.", [("ACCUSE", "111", "PAK", "IND")]),
        ("Kenyan farmers petitioned the Ugandan government.", [("REQUEST", "020", "KEN", "UGA")]),
        # what is quelled must be unrest, not talk
        ("The British chancellor sought to quell speculation over the Labour leadership.", []),
    ],
)
def test_synonyms_the_verb_dictionary_files_under_its_codes(text: str, expected: list) -> None:
    assert coded(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CAMEO 192: control of a place gained, established, restored or recovered, a place liberated or won back
        ("Somali troops gained control of the base in Kismayo.", [("ASSAULT", "192", "SOM", None)]),
        ("Syrian government forces recovered control of two villages near Idlib.", [("ASSAULT", "192", "SYR", None)]),
        ("Iraqi forces liberated several villages near Mosul.", [("ASSAULT", "192", "IRQ", None)]),
        ("The Syrian army seized back the city of Al-Bab.", [("ASSAULT", "192", "SYR", None)]),
        ("Ukrainian troops won back Kharkiv.", [("ASSAULT", "192", "UKR", None)]),
        ("Ukrainian troops took back the town of Izium.", [("ASSAULT", "192", "UKR", None)]),
        # what is taken back that is no place is no occupation
        ("Israel took back its offer.", []),
        # CAMEO 154: a military base, post or outpost set up increases armed forces' presence
        ("Turkish forces set up a new military post near Idlib.", [("MOBILIZE", "154", "TUR", "SYR")]),
        # a base that the military establishes is one too; near a border, it is in neither country
        ("The US military established a new base near the Syrian border.", [("MOBILIZE", "154", "USA", None)]),
        # CAMEO 141: a vigil held and a march taken out are demonstrations
        ("Pakistani students took out a march in Lahore.", [("PROTEST", "141", "PAK", "PAK")]),
        ("Hundreds of Greek students held a silent vigil in Athens.", [("PROTEST", "141", "GRC", "GRC")]),
        ("American activists took part in a die-in in Minneapolis.", [("PROTEST", "141", "USA", "USA")]),
        ("Kenyan teachers gathered in protest outside parliament.", [("PROTEST", "141", "KEN", "KEN")]),
        # CAMEO 1712: shops, vehicles and property burned or set ablaze are destroyed
        ("Israeli settlers set Palestinian cars ablaze near Nablus.", [("COERCE", "1712", "ISR", "PSE")]),
        ("Serbian nationalists burned Albanian shops in Belgrade.", [("COERCE", "1712", "SRB", "ALB")]),
    ],
)
def test_places_taken_bases_set_up_protests_held_and_property_burned_are_coded_as_the_codebook_does(
    text: str, expected: list
) -> None:
    assert coded(text) == expected, text


def test_every_trigger_pattern_is_entered_once() -> None:
    patterns = [(t.pattern, t.type, t.cameo, t.kind) for t in lexicon.triggers()]
    assert len(patterns) == len(set(patterns))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CAMEO 143: workers on strike, or who strike over their pay, walk out
        ("Teachers in Lusaka are on strike over unpaid salaries.", [("PROTEST", "143", "ZMB", "ZMB")]),
        ("Mine workers in Kabwe strike over pay.", [("PROTEST", "143", "ZMB", "ZMB")]),
        # CAMEO 1712: vehicles, windows and shops smashed or damaged are property destroyed; a riot's, by rioters
        ("Rioters smashed the windows of a police car in Harare.", [("PROTEST", "145", "ZWE", "ZWE")]),
        ("The storm damaged cars in Harare.", []),
        # CAMEO 192: full control taken is territory occupied; CAMEO 190: a site targeted is attacked
        ("The Libyan army took complete control of the town of Sirte.", [("ASSAULT", "192", "LBY", "LBY")]),
        ("Libyan warplanes targeted sites near Sirte.", [("ASSAULT", "190", "LBY", None)]),
        # ... and so is a checkpoint, a vehicle or a church, by a suicide bomber too, named after "by" (a bombing, 183)
        ("A checkpoint in Kandahar was targeted by a suicide bomber.", [("ASSAULT", "183", "AFG", "AFG")]),
        ("Suicide bombers targeted a church in Makassar.", [("ASSAULT", "183", "IDN", "IDN")]),
        # CAMEO 141: people back in the streets, or gathered for a vigil or a march, demonstrate; not for a funeral
        (
            "Thousands of peaceful protesters returned to the streets of Hong Kong on Sunday.",
            [("PROTEST", "141", "HKG", "HKG")],
        ),
        ("Protesters gathered at the city hall in Minneapolis for a vigil.", [("PROTEST", "141", "USA", "USA")]),
        ("Families gathered for a funeral in Gaza.", []),
        # and so do people gathered to demand or denounce something
        ("Students gathered in Lagos to demand lower fees.", [("PROTEST", "141", "NGA", "NGA")]),
        (
            "Protesters turned out in Kampala to demand the release of the opposition leader.",
            [("PROTEST", "141", "UGA", "UGA")],
        ),
        # CAMEO 1712: homes and statues torn down are destroyed (a riot, when protesters do it); 171: a looting spree
        # loots; 180: a brawl is unconventional violence
        ("Police tore down shacks in Durban.", [("COERCE", "1712", "ZAF", "ZAF")]),
        ("Protesters tore down a statue in Bristol.", [("PROTEST", "145", "GBR", "GBR")]),
        ("Residents went on a looting spree in Giyani.", [("COERCE", "171", "ZAF", "ZAF")]),
        ("Rival party supporters brawled in Harare.", [("ASSAULT", "180", "ZWE", None)]),
    ],
)
def test_walkouts_property_smashed_control_taken_sites_targeted_streets_returned_to(text: str, expected: list) -> None:
    assert coded(text) == expected, text


@pytest.mark.parametrize(
    "text",
    [
        # CAMEO 175: crowd-control weapons used on people, and police charging them with batons
        "Police in Tampa used smoke grenades and pepper spray on the crowds.",
        "Indian police baton-charged protesters in Srinagar.",
        "Police carried out a lathi charge on protesters in Lahore.",
        "Kenyan police fired plastic bullets at demonstrators in Kisumu.",
        "Police pepper-sprayed protesters in Portland.",
    ],
)
def test_crowd_control_weapons_and_baton_charges_are_violent_repression(text: str) -> None:
    assert [(type_, cameo) for type_, cameo, _, _ in coded(text)] == [("COERCE", "175")], text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CAMEO 1711: weapons found, recovered or captured are confiscated, as they are seized; bombs defused, disarmed
        ("Kenyan police found weapons and ammunition in a house in Mombasa.", [("COERCE", "1711", "KEN", "KEN")]),
        ("A cache of rifles was discovered near Mombasa.", [("COERCE", "1711", "KEN", "KEN")]),
        ("Nigerian troops recovered rifles from the bandits.", [("COERCE", "1711", "NGA", "NGA")]),
        ("Iraqi army engineers defused a roadside bomb near Mosul.", [("COERCE", "1711", "IRQ", "IRQ")]),
        # and weapons or the parcels that carry them intercepted on their way
        ("Greek customs officers intercepted a shipment of rifles.", [("COERCE", "1711", "GRC", None)]),
        # what else is found is no weapon
        ("Kenyan police found the missing girl in Mombasa.", []),
    ],
)
def test_weapons_found_or_defused_are_confiscated(text: str, expected: list) -> None:
    assert coded(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CAMEO 195: what warplanes, jets or drones destroy is struck from the air; 183: what a bomber blows up, bombed
        # (BLOW_UP is 190 in CAMEO's verb dictionary, a pipeline or a building blown up property destroyed, 1712)
        ("Rebels blew up a passenger train near Quetta.", [("ASSAULT", "190", "PAK", "PAK")]),
        ("Militants blew up a gas pipeline near Kirkuk.", [("COERCE", "1712", "IRQ", "IRQ")]),
        ("Syrian warplanes destroyed a hospital in Idlib.", [("ASSAULT", "195", "SYR", "SYR")]),
        ("A suicide bomber blew up a minibus in Kabul.", [("ASSAULT", "183", "AFG", "AFG")]),
        # what troops or rioters destroy stays property destroyed, or a riot
        ("Syrian troops destroyed a hospital in Idlib.", [("COERCE", "1712", "SYR", "SYR")]),
        # CAMEO 190: a warship or a tank of armed men that armed men destroy is force used on them
        ("Houthi rebels destroyed a Saudi warship off Hodeidah.", [("ASSAULT", "190", "YEM", "SAU")]),
        ("Ukrainian troops destroyed three Russian tanks.", [("ASSAULT", "190", "UKR", "RUS")]),
        # not police cars that rioters set on fire
        ("Rioters destroyed two police cars in Paris.", [("PROTEST", "145", "FRA", "FRA")]),
    ],
)
def test_who_destroys_what_says_whether_force_was_used_or_property_destroyed(text: str, expected: list) -> None:
    assert coded(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CAMEO 195: an air strike or an air raid in two words, as in one; CAMEO 190: armed men targeted
        ("Two people were killed in an air raid in Aleppo.", [("ASSAULT", "190", "SYR", "SYR")]),
        ("Russian air strikes hit Aleppo.", [("ASSAULT", "195", "RUS", "SYR")]),
        # airstrikes carried out, launched or conducted, in one word as in two
        ("Kenyan jets carried out airstrikes on militants in Gedo.", [("ASSAULT", "195", "KEN", "SOM")]),
        (
            "Three people were wounded after Turkish jets carried out airstrikes on villages in northern Iraq.",
            [("ASSAULT", "195", "TUR", "IRQ")],
        ),
        (
            "The Nigerian air force launched a string of airstrikes on Boko Haram camps in Borno.",
            [("ASSAULT", "195", "NGA", "NGA")],
        ),
        ("Libyan forces targeted militants in Sirte.", [("ASSAULT", "190", "LBY", "LBY")]),
        # what sanctions target is no one attacked
        ("The sanctions targeted rebel leaders.", []),
    ],
)
def test_air_strikes_in_two_words_and_armed_men_targeted(text: str, expected: list) -> None:
    assert coded(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CAMEO 154: a base that forces set up is a deployment; what a party builds is support
        ("The US military has set up a new base near Hasakah in Syria.", [("MOBILIZE", "154", "USA", "SYR")]),
        ("The party built a strong base of support in Lagos.", []),
    ],
)
def test_a_base_set_up_by_forces_is_a_deployment(text: str, expected: list) -> None:
    assert coded(text) == expected, text


def test_whoever_is_targeted_with_weapons_is_attacked() -> None:
    # CAMEO 195: force from the air on whoever is named, however far the weapons stand from the verb
    assert coded("Nigerian forces targeted Boko Haram in Sambisa with a wave of air strikes.") == [
        ("ASSAULT", "195", "NGA", "NGA")
    ]
    assert coded("The US targeted Iran with new sanctions.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # WordNet: a counterattack is an attack by a defending force; "charge" a held place is to attack it suddenly
        ("Syria's army staged a counterattack in northeastern Aleppo.", [("ASSAULT", "190", "SYR", None)]),
        ("The army launched a counter-offensive against the rebels.", [("ASSAULT", "190", None, None)]),
        ("Al-Shabab fighters charged a Somali army camp outside Afgoye.", [("ASSAULT", "190", "SOM", None)]),
        # one charged with a crime is accused, and a verb's object is never past a form of "be"
        ("The policeman charged with the murder was based at the station.", []),
        # a grenade launched or fired is thrown
        ("A grenade was launched by Peruvian rebels at a bus.", [("ASSAULT", "183", "PER", None)]),
        # CAMEO 0874: a stronghold or a base left is retreated from; a post left by a minister is no retreat
        ("Syrian rebels left their last bastion in Homs on Tuesday.", [("RETREAT", "0874", "SYR", None)]),
        ("The minister left his post in March.", []),
        # CAMEO 175: a crackdown on people is repression, one on a vice none
        ("Peruvian police launched a crackdown on protesters in Lima.", [("COERCE", "175", "PER", "PER")]),
        ("The government announced a crackdown on corruption.", []),
        # a place re-taken, hyphened, is occupied (192); a position or a roadblock dismantled is destroyed (1712)
        ("Libyan forces re-captured the town of Sirte from militants.", [("ASSAULT", "192", "LBY", "LBY")]),
        ("Nigerian police dismantled a roadblock in Lagos.", [("COERCE", "1712", "NGA", "NGA")]),
    ],
)
def test_counterattacks_charges_grenades_launched_and_bastions_left(text: str, expected: list) -> None:
    assert coded(text) == expected, text


@pytest.mark.parametrize(
    "text",
    [
        "Indonesian soldiers and police were deployed in rescue operations after the earthquake.",
        "The Indonesian air force deployed a helicopter and a plane as part of the rescue efforts.",
    ],
)
def test_forces_sent_to_rescue_or_relief_give_humanitarian_aid(text: str) -> None:
    # CAMEO 073, emergency assistance; a deployment to fight stays a deployment (154)
    assert {(kind, cameo, target) for kind, cameo, _source, target in coded(text)} == {("AID", "073", None)}
    assert coded("Indonesian troops were deployed to Aceh.")[0][:2] == ("MOBILIZE", "154")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CAMEO's verb dictionary under SEND, by what is sent
        ("The UN sent observers to Syria.", [("AID", "073", "IGO", "SYR")]),
        ("Oxfam sent aid workers to Yemen.", [("AID", "073", "NGO", "YEM")]),
        ("Egypt sent an envoy to Sudan.", [("CONSULT", "042", "EGY", "SDN")]),
        ("France sent a delegation to Mali.", [("CONSULT", "042", "FRA", "MLI")]),
        ("Kim Jong Un sent a letter to President Trump.", [("CONSULT", "040", "PRK", "USA")]),
        ("India sent a new ambassador to Pakistan.", [("SUPPORT", "050", "IND", "PAK")]),
        # a team of aid workers is aid, as a rescue or a medical team is
        ("Germany sent an aid team to Ukraine.", [("AID", "073", "DEU", "UKR")]),
    ],
)
def test_what_is_sent_codes_as_the_verb_dictionary_files_it(text: str, expected: list) -> None:
    assert coded(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CAMEO's verb dictionary: MASSACRE (202), STEAL (171), PROHIBIT (172) and LEGALISE (081); WordNet's
        # incarcerate is imprison (173)
        ("Gunmen slaughtered 30 villagers in Borno.", [("ASSAULT", "202", "NGA", "NGA")]),
        ("Gunmen butchered 30 villagers in Borno.", [("ASSAULT", "202", "NGA", "NGA")]),
        ("Soldiers stole cattle from villagers in Jonglei.", [("COERCE", "171", "SSD", "SSD")]),
        ("Iran forbade women from attending matches.", [("COERCE", "172", "IRN", "IRN")]),
        ("Uganda criminalized homosexuality.", [("COERCE", "172", "UGA", None)]),
        ("Thailand decriminalized cannabis.", [("CONCEDE", "081", "THA", None)]),
        ("Turkey incarcerated thousands of teachers.", [("COERCE", "173", "TUR", "TUR")]),
        # people hacked or stoned to death are killed: no computer is hacked
        ("Gunmen hacked to death five villagers in Benue.", [("ASSAULT", "1823", "NGA", "NGA")]),
        ("Five villagers were hacked to death in Benue.", [("ASSAULT", "1823", "NGA", "NGA")]),
        # an animal slaughtered is no one massacred
        ("The farmers slaughtered a cow for the feast.", []),
    ],
)
def test_massacre_theft_bans_and_jail_code_as_the_verb_dictionary_files_them(text: str, expected: list) -> None:
    assert coded(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CAMEO 144: barricades or roadblocks put up obstruct passage; the police's restrict movement (191)
        ("Protesters erected barricades in Beirut.", [("PROTEST", "144", "LBN", "LBN")]),
        ("Protesters set up roadblocks in Beirut.", [("PROTEST", "144", "LBN", "LBN")]),
        ("Police set up roadblocks in Beirut.", [("COERCE", "191", "LBN", "LBN")]),
    ],
)
def test_barricades_put_up_obstruct_passage(text: str, expected: list) -> None:
    assert coded(text) == expected, text


def test_the_people_put_to_death_are_the_object_not_their_fate() -> None:
    # "to death" says what became of the object; the object's phrase ends before it
    events = asserted("Gunmen hacked five villagers to death in Benue.")
    assert [(e.target.text, e.target.code) for e in events] == [("five villagers", "NGACVL")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the PLOVER manual's own examples: hostages or victims freed by police or soldiers are rescued (AID)
        ("Police in Barcelona freed 10 human trafficking victims during an operation yesterday.", ("AID", "073")),
        ("Pakistan's military rescued 10 hostages from the border region with Afghanistan yesterday.", ("AID", "073")),
        ("Nigerian troops freed 20 captives from Boko Haram.", ("AID", "073")),
        # captors who free their hostages, and a state that frees its prisoners, release them (0841)
        ("Hamas freed three Israeli hostages.", ("RETREAT", "0841")),
        ("Israel freed 39 Palestinian prisoners.", ("RETREAT", "0841")),
    ],
)
def test_hostages_freed_by_the_forces_of_the_law_are_rescued(text: str, expected: tuple) -> None:
    assert [(e.type, e.cameo) for e in asserted(text)] == [expected], text


def test_supporters_mobilised_to_demonstrate_are_a_protest() -> None:
    # the PLOVER manual: mobilising supporters to demonstrate is a protest; mobilising them alone is none, and a
    # reading of no event still silences a longer one that names another object ("a video of the hostages")
    text = "The opposition party mobilized its supporters to demonstrate in Kampala."
    assert [(e.type, e.cameo) for e in asserted(text)] == [("PROTEST", "141")]
    assert asserted("The party mobilized its supporters in Kampala.") == []
    assert asserted("Hamas released a video of the hostages.") == []


def test_an_emergency_declared_over_a_disaster_is_no_repression() -> None:
    # the PLOVER manual: a state of emergency over a natural disaster is no repression (COERCE) without other signs
    assert asserted("Ecuador declared a state of emergency over the floods.") == []
    text = "The Ethiopian government declared a state of emergency after protests."
    assert [(e.type, e.cameo) for e in asserted(text)] == [("COERCE", "1724")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CAMEO's verb dictionary: GIVE * &CURRENCY is economic aid (071)
        ("The European Union gave Jordan 200 million euros.", [("AID", "071", "IGO", "JOR")]),
        ("The United States gave Egypt $1.3 billion.", [("AID", "071", "USA", "EGY")]),
        # a member suspended from its bloc has its membership suspended (160)
        ("ECOWAS suspended Mali from the bloc.", [("SANCTION", "160", "IGO", "MLI")]),
        ("The Commonwealth suspended Fiji from the grouping.", [("SANCTION", "160", "IGO", "FJI")]),
        # CLOSE * {BORDER CROSSING} is 160, as the border is
        ("Egypt closed the Rafah crossing.", [("SANCTION", "160", "EGY", "PSE")]),
    ],
)
def test_money_given_is_aid_and_a_suspension_or_a_closed_crossing_reduce_relations(text: str, expected: list) -> None:
    assert coded(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CAMEO's verb dictionary: CARRY OUT and CONTINUE * {&MILITARY OPERATION}, CARRY OUT * OPERATION (AGAINST)
        (
            "The Nigerian army launched a military operation against bandits in Zamfara.",
            [("ASSAULT", "190", "NGA", "NGA")],
        ),
        ("Russia continued its military operation in Ukraine.", [("ASSAULT", "190", "RUS", "UKR")]),
        ("Turkish forces carried out an operation against PKK militants.", [("ASSAULT", "190", "TUR", "TUR")]),
        # held jointly it is military cooperation; a rescue operation is none
        (
            "France and Mali launched a joint military operation near Gao.",
            [("COOPERATE", "062", "FRA", None), ("COOPERATE", "062", "MLI", None)],
        ),
        ("The army launched a rescue operation after the floods.", []),
    ],
)
def test_a_military_operation_launched_or_carried_out_is_force(text: str, expected: list) -> None:
    assert coded(text) == expected, text
