"""Who did it to whom: source and target from the word order of a clause (subject before the verb, object after)."""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from services.extract import lexicon
from services.extract.actors import (
    CALENDAR,
    CLAUSE_OPENERS,
    COMPASS,
    DETERMINERS,
    EMBEDDED,
    LOCATIVE,
    OTHERS,
    PATIENT_VERBS,
    PEOPLE_SECTORS,
    PLACE_NOUNS,
    POSSESSIVES,
    PREPOSITIONS,
    QUANTIFIERS,
    Chunk,
    counts_people_acted_on,
    joins_a_town_to_its_container,
    qualifies,
)
from services.extract.nlp import BE_FORMS, Words, is_past_form, words

# Participles that after "be" describe a stance, not a passive ("is opposed to", "is committed to").
ADJECTIVAL = lexicon.word_set("adjectival")
SUBORDINATORS = lexicon.word_set("subordinators")
RELATIVES = lexicon.word_set("relatives")
RELATIVE_OPENERS = RELATIVES | {"that"}
RELATIVE_SUBJECTS = frozenset({"who", "which"})
# Pronouns that are a verb's object, never its subject: another actor named before, not the doer.
OBJECT_PRONOUNS = frozenset({"it", "them"})
# The words before a partner of the subject or the object ("France as well as Germany")
CO_DOER_WORDS = ["as", "well", "as"]
# Words that open a clause as well as a phrase: before a name and a verb, the name is the clause's subject.
CLAUSE_CONJUNCTIONS = frozenset({"after", "before", "since", "until", "as", "once", "when", "while", "because"})
# Subordinators that open only a clause, never a phrase ("following a demonstration" is a phrase).
CLAUSE_ONLY_OPENERS = frozenset({"when", "while", "because", "although", "though", "whereas", "if", "unless"})
APPOSITION_OPENERS = lexicon.word_set("apposition_openers")
ADVERBIAL_SKIP = lexicon.word_set("adverbial_skip")
# Forms of "be" (and "get") that put a passive in the past, or in an act's own time ("after being arrested")
PAST_BE = frozenset({"was", "were", "been", "being", "got"})
PROPOSALS = lexicon.word_set("proposals")
# Words a locative phrase may hold before its place noun: "in the volatile northern border area of".
PLACE_PHRASE_WORDS = 5
# Words between a proposal and the "by" that names who made it: "the plan put forward by".
PROPOSER_REACH = 2
PARTICIPLE_OBJECT_WORDS = 8  # "demanding the release of jailed opposition leader"
ATTACK_NOUNS = lexicon.word_set("attack_nouns")
# Texts whose authors speak through them: "A UN report accused Rwanda", "a statement from the ministry condemned"
DOCUMENT_NOUNS = lexicon.word_set("statement_nouns") | lexicon.word_set("report_nouns")
# The prepositions that name a text's author after it: "a report by Amnesty", "a statement from the ministry"
AUTHOR_PREPOSITIONS = frozenset({"by", "from"})
FIGHT_NOUNS = lexicon.word_set("fight_nouns")
# "by the end of the year": a deadline, not an agent
DEADLINES = frozenset({"end", "time", "middle", "start", "beginning", "close", "weekend"})
# A fight's other side follows "with"; both its sides follow "between".
FIGHT_SIDES = frozenset({"with", "between"})
EXCHANGES, FIRE = frozenset({"exchange", "exchanges"}), frozenset({"fire", "gunfire"})
# "Fire" is as often a blaze as gunfire: it names no attack unless a doer is named with it.
WEAPON_NOUNS = lexicon.word_set("weapon_nouns")
UNATTRIBUTED_ATTACK_NOUNS = (ATTACK_NOUNS - {"fire"}) | WEAPON_NOUNS
# A blast is as often an accident's as an attack's: it names no attack as the subject of a clause of its own
BLASTS = frozenset({"blast", "blasts", "explosion", "explosions"})
# Words that may stand before a clause subject's noun: "an improvised explosive device"
DETERMINER_AND_MODIFIERS = 4
# Verbs by which a vehicle or a person sets off a mine or a bomb: "their vehicle hit a roadside bomb", "stepped on"
SET_OFF_BY_CONTACT = frozenset({"hit", "strike", "trigger", "step", "run", "drive"})
# Harm told as done in a fight is done by its fighters, whoever they are: "killed in clashes", "fighting killed 20".
HARMFUL_ACT_NOUNS = UNATTRIBUTED_ATTACK_NOUNS | FIGHT_NOUNS
# What opens the phrase naming the attack harm was done in, after a passive: "in", "during" or "amid" it, "by" it,
# "following" it
CAUSE_PREPOSITIONS = frozenset({"in", "during", "by", "amid", "following"})
# Two words that open a cause as one preposition does: "killed due to the explosion of an IED"
TWO_WORD_CAUSES = frozenset({("due", "to"), ("because", "of")})
# ... and the ones that open a sentence with the attack: "In one of the deadliest raids, ...", "During an attack, ..."
FRONTED_CAUSES = CAUSE_PREPOSITIONS - {"by"}
DISASTER_NOUNS = lexicon.word_set("disaster_nouns")
ACCIDENT_SOURCES = lexicon.word_set("accident_sources")
STORM_TITLES = lexicon.word_set("storm_titles")
AUXILIARIES = lexicon.word_set("auxiliaries")
# "the Malaysia Airlines flight MH17 crash": how many words a name's compound may run to its head noun
DISASTER_COMPOUND_WORDS = 4
HOSTAGE_WORDS = frozenset({"hostage", "hostages", "captive", "captives"})
# Verbs whose object comes before a complement's preposition ("accused him of", "charged them with"): the participle
# right before that preposition has no object, so it is a passive ("a poet accused of propaganda")
OBJECT_THEN = {
    "accuse": ("of",),
    "suspect": ("of",),
    "convict": ("of",),
    "charge": ("with",),
    "sentence": ("to",),
    "deport": ("to", "from"),
    "expel": ("to", "from"),
    "extradite": ("to", "from"),
}
HARM_VERBS = lexicon.word_set("harm_verbs")
ACCIDENT_VERBS = lexicon.word_set("accident_verbs")
# CAMEO's &CAR: a vehicle that explodes is as often a car bomb as an accident
EXPLODING_VEHICLES = frozenset({"car", "cars", "vehicle", "vehicles", "truck", "trucks", "van", "lorry", "sedan"})
# How many modifiers may stand between a disaster noun and the word that shows its role ("a strong shallow quake")
DISASTER_MODIFIER_WORDS = 4
PARTICIPLE_JOINS = frozenset({",", "and", "or"})
DASHES = frozenset({"—", "–"})
# Verbs whose object is the subject of the bare infinitive after it: "helped Israel shoot down", "let Kyiv use"
CAUSATIVES = frozenset({"help", "let", "make"})
NO_OBJECT = lexicon.word_set("no_object")
# Participles that, so followed, are passive; "shot" is too when "and" joins it to another ("shot and killed in")
HARMING_PARTICIPLES = PATIENT_VERBS | {"shoot"}
# The state an act of harm leaves its object in, told between the verb and the object ("shot dead two men")
RESULTS_OF_HARM = frozenset({"dead"})
PARTITIVES = lexicon.word_set("partitives")
# Prepositions that open a sentence on the fight it happened in: "During clashes between ..., four were killed"
FIGHT_SETTINGS = frozenset({"during", "in", "amid", "amidst"})
# Words of a date or a time between an active verb and its object ("captured on Thursday night a key town")
DATE_WORDS = CALENDAR | {
    "on",
    "yesterday",
    "today",
    "last",
    "week",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
    ",",
}
BY = frozenset({"by"})
# Participles whose form is their verb's: "run by", "set up by", and those of "unchanged_past"
IRREGULAR_PARTICIPLES = lexicon.word_set("unchanged_past") | {"run", "come", "become"}
# Before a participle, these make it the clause's own verb: "were wounded by", "attacked and killed by"
VERB_BEFORE_BY = BE_FORMS | PARTICIPLE_JOINS
# A protest held at or outside a government's or a legislature's building is aimed at it ("outside the US embassy");
# one held in a capital is only held there.
SEATS_OF_POWER = frozenset({"GOV", "LEG"})
SITES = frozenset({"at", "outside"})
# How far from the verb the words naming an attack with no named doer are looked for
ATTACK_PHRASE_WORDS = 8
# The words a clause may use to say only where and when ("in the town of X on Monday night"); what ends it.
WHERE_AND_WHEN = (
    LOCATIVE
    | COMPASS
    | CALENDAR
    | PLACE_NOUNS
    | DETERMINERS
    | {"on", "of", "last", "this", "early", "late", "night", "morning", "afternoon", "evening", "day", "week"}
    | {"weekend", "month", "year", "yesterday", "today", "overnight"}
)
CLAUSE_ENDS = frozenset({",", ".", ";", ":", "and", "but"})
# Subordinators whose clause tells what may yet happen, not what did
CONDITIONS = frozenset({"if", "unless", "until", "whether", "once"})
# Acts of force whose passive subject is the one harmed ("were killed", "was bombed")
HARMED_OBJECT_VERBS = PATIENT_VERBS | HARM_VERBS | {"attack", "bomb", "shell", "shoot", "ambush", "raid"}
# Participles after an object that say what it is alleged to have done ("men suspected of spying for China")
ALLEGED = frozenset({"suspected", "accused", "charged", "convicted", "wanted", "alleged"})
# "killed in an Israeli tank shelling": the words between the doer and the attack noun
ATTACK_NOUN_REACH = 3


def is_passive(doc: Doc, start: int, end: int, sent: Span, *, with_be: bool = False) -> bool:
    """Whether a trigger is a passive participle ("was attacked", "backed by Moscow"); with_be: only after "be"."""
    w = words(doc)
    word = w.lower[start]
    if word.endswith(("s", "ing")):
        return False
    if not with_be and start > sent.start and counts_people_acted_on(w, start - 1, start, sent.end):
        return True  # "2 killed in air raid": a headline's or a tally's passive
    if word in ADJECTIVAL and not (end == start + 1 and end < sent.end and w.lower[end] == "by"):
        return False  # "is opposed to" is a stance; "was opposed by the union" a passive still
    # A participle like its base form ("was put", "were cut", "is hit") is a passive only after "be": "cut aid by
    # half" is active.
    base_form = not word.endswith(("ed", "en")) and w.lemma[start] == word
    # A trigger that holds its own object ("repelled an assault by rebels") leaves "by" to that object.
    has_object = any(token in DETERMINERS for token in w.lower[start + 1 : end])
    if (
        not with_be
        and not base_form
        and not has_object
        and end < sent.end
        and w.lower[end] == "by"
        and _agent_after(doc, end, sent)
    ):
        return True
    if not with_be and not base_form and _lacks_its_object(doc, start, end, sent):
        return True
    return _auxiliary_of_passive(doc, start, end, sent) is not None


def _auxiliary_of_passive(doc: Doc, start: int, end: int, sent: Span) -> str | None:
    """The form of "be" (or "get") a participle follows, past adverbs and "not", or across "and" from the participle
    it shares it with ("was abducted and beaten by masked men"); None when none does."""
    w = words(doc)
    j = start - 1
    # adverbs, one or coordinated ("was literally and figuratively invested in"), and "not" stand between
    while j >= sent.start and (
        w.lower[j] in ADVERBIAL_SKIP
        or w.lower[j].endswith("ly")
        or w.lower[j] == "not"
        or w.lower[j] == "and"
        and j > sent.start
        and w.lower[j - 1].endswith("ly")
    ):
        j -= 1
    if j > sent.start and w.lower[j] == "and" and _shares_a_passive(w, j - 1, end, sent):
        return _auxiliary_of_passive(doc, j - 1, j, sent) if is_passive(doc, j - 1, j, sent, with_be=True) else None
    return w.lower[j] if j >= sent.start and w.lower[j] in BE_FORMS else None


def told_as_done_in_the_past(doc: Doc, start: int, end: int, sent: Span) -> bool:
    """Whether an act is told in a passive of the past ("shops were looted", "he has been arrested", "after being
    shot"): a thing done. A passive of the present is a state or a habit ("everyone is terrorised", "the attack is
    often launched through a web page")."""
    return is_passive(doc, start, end, sent, with_be=True) and _auxiliary_of_passive(doc, start, end, sent) in PAST_BE


def _shares_a_passive(w: Words, participle: int, end: int, sent: Span) -> bool:
    """Whether a verb after "and" is a second participle of the passive before it: the one before "and" is a past
    form, and the verb has no object of its own ("were kidnapped and killed in Somalia"; "were ambushed and
    returned fire" returns it)."""
    return (
        w.alpha[participle]
        and w.is_lower[participle]
        and is_past_form(w, participle)
        and (end >= sent.end or w.lower[end] in PREPOSITIONS or not w.alpha[end])
    )


def _agent_after(doc: Doc, by: int, sent: Span) -> bool:
    """Whether "by" introduces an agent ("by the army", "by Turkish troops", "by police") rather than a means or a
    manner ("conferred by telephone", "by force"): a bare singular common noun after it names how, not who."""
    w = words(doc)
    following = by + 1
    if following >= sent.end:
        return False
    word = w.lower[following]
    if w.num[following] or word == "half":
        return False  # a measure: "extended their truce by two days", "cut aid by half"
    if word == "the" and following + 1 < sent.end and w.lower[following + 1] in DEADLINES:
        return False  # a time: "ordered to leave by the end of the year"
    if word in ("then", "now", "midnight", "noon", "tomorrow"):
        return False
    bare_noun = w.is_lower[following] and w.alpha[following] and not word.endswith("s")
    return not bare_noun or word in STOP_WORDS or (w.lemma[following],) in lexicon.sectors()


def _lacks_its_object(doc: Doc, start: int, end: int, sent: Span) -> bool:
    # "ten soldiers killed in Ukraine": a verb that needs the one harmed as its object, followed by a place or a
    # time instead ("killed at least 20" has its object after the quantifier)
    w = words(doc)
    if end - start == 2 and w.lower[start] in ("held", "taken") and w.lower[start + 1] in HOSTAGE_WORDS:
        return True  # "reporters held hostage in Iraq": the captives stand before it; "held them hostage" is active
    following = w.lower[end] if end < sent.end else "."
    if end - start == 1 and following in OBJECT_THEN.get(w.lemma[start], ()):
        return True  # "a poet accused of propaganda": the active verb would have its object before "of"
    if end - start == 1 and following == "and" and end + 1 < sent.end and w.lemma[start] in HARMING_PARTICIPLES:
        # "Zurana Horton shot and killed in a gang shooting": a second such participle lacks it too
        return is_past_form(w, end + 1) and _lacks_its_object(doc, end + 1, end + 2, sent)
    if (
        end - start == 1
        and w.lemma[start] == "shoot"
        and following in NO_OBJECT
        and _before_its_subject_s_verb(w, end, sent)
    ):
        return True  # "a Kenyan teacher shot in a robbery was buried": the teacher is the subject of "was buried"
    if end - start == 1 and w.lemma[start] == "shoot" and following in ("dead", "at"):
        # "a Frenchman shot dead in Jeddah", "a UN plane shot at in Ivory Coast"; "shot dead two policemen" and "shot
        # at protesters" have their object after it
        end += 1
        following = w.lower[end] if end < sent.end else "."
    elif w.lemma[start] not in PATIENT_VERBS or end - start > 1:
        return False
    quantified = following == "at" and end + 1 < sent.end and w.lower[end + 1] in ("least", "most")
    return following in NO_OBJECT and not quantified and not object_after_a_date(w, end, sent)


def _before_its_subject_s_verb(w: Words, end: int, sent: Span) -> bool:
    """Whether a form of "be" or an auxiliary follows a participle in its clause: the noun before the participle is
    that verb's subject, and the participle only says who it is."""
    for k in range(end, sent.end):
        if w.lower[k] in CLAUSE_ENDS or w.lower[k] in SUBORDINATORS or w.lower[k] in RELATIVES or w.lower[k] == "that":
            return False
        if w.lower[k] in BE_FORMS or w.lower[k] in AUXILIARIES:
            return True
    return False


def object_after_a_date(w: Words, end: int, sent: Span) -> bool:
    """Whether a date told right after a verb is followed by the verb's object ("the army captured on Thursday a
    key neighbourhood"): the verb is active, where "five men arrested on Thursday" is a participle."""
    k = end
    while k < sent.end and (w.lower[k] in DATE_WORDS or w.num[k]):
        k += 1
    dated = any(w.lower[i] in CALENDAR or w.lower[i] in ("yesterday", "today", "last") for i in range(end, k))
    return dated and k < sent.end and w.lower[k] in DETERMINERS


def apposition_start(doc: Doc, comma: int, sent: Span) -> int | None:
    """If the comma closes an apposition or relative clause (", a key ally of Assad,"), where that opened."""
    w, start = words(doc), sent.start
    j = comma - 1
    while j > start and w.lower[j] != ",":
        j -= 1
    if j <= start or w.lower[j] != ",":
        return None
    opener = w.lower[j + 1]
    # ", a key ally of Assad,", ", which ...,", ", engaged in supporting ...,", ", 20 km from Latakia,"
    if opener in APPOSITION_OPENERS or opener.endswith(("ing", "ed")) or w.num[j + 1]:
        return j
    if names_an_exception(w, j + 1):
        return j
    return None


def names_an_exception(w: Words, k: int) -> bool:
    """Whether an aside opening at k names who does not do what the clause tells: ", but not Italy,", ", not Italy,"."""
    return w.lower[k] == "not" or w.lower[k] == "but" and k + 1 < len(w.lower) and w.lower[k + 1] == "not"


def source_before(
    doc: Doc, sent: Span, start: int, chunk_at: dict[int, Chunk], stops: set[int], *, places: bool = False
) -> Chunk | None:
    """The nearest actor phrase left of a trigger that is not inside a prepositional phrase, within its clause;
    places: a place may be it too, as the subject of a passive is its target ("Syrian villages were shelled"). The
    subject of a relative clause is what its pronoun stands for, inside a phrase or not ("in response to Iranian
    forces in Syria who shelled Israeli outposts")."""
    antecedent = _relative_antecedent(doc, sent, start, chunk_at)
    if antecedent is not None:
        return antecedent
    w = words(doc)
    if start - 2 >= sent.start and w.lower[start - 1] == "to":
        named = chunk_at.get(start - 2)
        if named is not None and named.prep == "for" and named.end == start - 1:
            return named  # "France's call for Egypt to release the prisoners": the infinitive's subject is after "for"
    co_doers: list[Chunk] = []  # "France, along with Germany,": who does it beside the subject
    j = start - 1
    while j >= sent.start:
        if j in stops:
            return None
        lower = w.lower[j]
        chunk = chunk_at.get(j)
        if chunk is not None and _names_a_co_doer(w, chunk):
            co_doers.append(chunk)
            j = chunk.start - 1
            continue
        if chunk is not None and chunk.prep is None and _object_of_a_gerund(w, chunk, sent):
            j = chunk.start - 1  # "two men suspected of attacking a police station were arrested": not the station
            continue
        if (
            chunk is not None
            and chunk.prep is None
            and (participle := _in_a_participle_clause(w, chunk, sent, chunk_at))
        ):
            # "Protesters demanding the release of jailed leader Imran Khan clashed": the noun the clause is about
            j = participle - 1
            continue
        # (not one a participle follows: "which left several people killed and injured" left them so)
        relative = chunk is not None and chunk.prep is None and chunk.end < start
        relative = relative and (w.lower[chunk.end] in BE_FORMS or not is_past_form(w, chunk.end))
        if relative and (opener := in_a_relative_clause(w, chunk, sent, chunk_at)) is not None:
            j = opener - 1  # "a man who attacked a tourist was arrested": the man, not the tourist
            continue
        if chunk is not None and chunk.prep is None and (places or not chunk.place):
            subject = _with_coordinated_heads(doc, sent, chunk, chunk_at)
            if not co_doers:
                return subject
            return Chunk(subject.start, subject.end, [*subject.actors, *(a for c in co_doers for a in c.actors)])
        if chunk is not None:
            if chunk.prep == "of" and _names_a_part_of(w, chunk, sent):
                return chunk  # "a unit of Sudan's security forces raped women": a part of a force acts as it
            if chunk.end == start and chunk.start > sent.start and w.lemma[chunk.start - 1] in CAUSATIVES:
                return chunk  # "had helped Israel shoot down the missiles": the object of "help" does it
            if _opens_a_clause(doc, chunk, start):
                return chunk  # "The move came after China recalled its ambassador": the subject of "after"'s clause
            j = chunk.start - 1
            continue
        if lower == "," and joins_a_town_to_its_container(w, j, sent.start):
            j -= 1  # "a jury in Houston, Texas, convicted": the comma joins a town to its state, and closes no aside
            continue
        if lower == ",":
            opened = apposition_start(doc, j, sent)
            if opened is not None:
                aside = {id(c): c for k in range(opened + 1, j) if (c := chunk_at.get(k)) is not None}.values()
                co_doers.extend(c for c in aside if _names_a_co_doer(w, c))
                j = opened - 1
                continue
        if lower == ";" or lower in CLAUSE_ONLY_OPENERS and _subordinate_subject_between(doc, j, start):
            return None
        if lower == ")":
            # "Hamas (the Islamic Resistance Movement) declared": a gloss in brackets is not the subject
            opened = next((k for k in range(j - 1, sent.start - 1, -1) if w.lower[k] == "("), None)
            if opened is not None:
                j = opened - 1
                continue
        if is_dash(doc, j):
            # "Israel's army — which says it targets only militants — struck a school": an aside between dashes is
            # not the subject either
            opened = next((k for k in range(j - 1, sent.start - 1, -1) if is_dash(doc, k)), None)
            if opened is not None:
                j = opened - 1
                continue
        j -= 1
    return None


def document_author(w: Words, sent: Span, verb: int, chunk_at: dict[int, Chunk]) -> Chunk | None:
    """The author of a text that opens the clause and is the subject of a verb of speech right after it ("A report
    by Amnesty International accused Israel", "A statement from the Iranian foreign ministry condemned"): a text
    speaks for its author."""
    chunk = chunk_at.get(verb - 1)
    if chunk is None or chunk.end != verb or chunk.prep not in AUTHOR_PREPOSITIONS:
        return None
    return chunk if _authors_the_subject(w, chunk, sent) else None


def _authors_the_subject(w: Words, chunk: Chunk, sent: Span) -> bool:
    """Whether a phrase after "by" or "from" names the author of a text that opens the clause."""
    document = chunk.start - 2
    if document < sent.start or w.lower[document] not in DOCUMENT_NOUNS:
        return False
    opener = document - 1
    while opener >= sent.start and qualifies(w, opener):
        opener -= 1  # "a new report", "a joint statement"
    return opener < sent.start or w.lower[opener] in DETERMINERS or w.lower[opener] == ","


def names_a_document(w: Words, i: int, chunk_at: dict[int, Chunk], sent: Span) -> bool:
    """Whether a word of saying is the noun of a text after its article, maybe past its author ("A UN report
    accused Rwanda"): the subject of the verb after it, and no report of what others said."""
    if w.lower[i] not in DOCUMENT_NOUNS:
        return False
    k = i - 1
    if k in chunk_at:
        k = chunk_at[k].start
        if w.lower[k] in DETERMINERS:
            return True
        k -= 1
    return k >= sent.start and (w.lower[k] in DETERMINERS or w.lower[k] in POSSESSIVES)


def _object_of_a_gerund(w: Words, chunk: Chunk, sent: Span) -> bool:
    """Whether a phrase is the object of an -ing verb after a preposition ("of attacking a police station"), inside
    a phrase of its own, and so no subject of a verb after it."""
    gerund = chunk.start - 1
    return (
        gerund - 1 >= sent.start
        and w.alpha[gerund]
        and w.is_lower[gerund]
        and w.lower[gerund].endswith("ing")
        and w.lower[gerund - 1] in PREPOSITIONS
    )


def _in_a_participle_clause(w: Words, chunk: Chunk, sent: Span, chunk_at: dict[int, Chunk]) -> int | None:
    """Where the -ing verb stands whose clause, right after the actor it qualifies, holds a phrase in its object
    ("protesters demanding the release of jailed leader X"); None when the phrase is in no such clause."""
    for k in range(chunk.start - 1, max(sent.start, chunk.start - PARTICIPLE_OBJECT_WORDS) - 1, -1):
        if not (w.alpha[k] and w.is_lower[k]) or w.lower[k] in CLAUSE_OPENERS or w.lower[k] in BE_FORMS:
            return None
        if w.lower[k].endswith("ing") and w.lower[k] != w.lemma[k]:
            if w.lemma[k] in CAUSATIVES:
                return None  # "a civilian helping the military fight the group": the military fights
            actor = chunk_at.get(k - 1)
            return k if actor is not None and actor.end == k and actor.prep is None else None
    return None


def in_a_relative_clause(w: Words, chunk: Chunk, sent: Span, chunk_at: dict[int, Chunk]) -> int | None:
    """Where the relative pronoun stands whose clause holds a phrase as its verb's object ("a man who attacked a
    tourist"): right after the phrase it is about, with its verb between; None when the phrase is in no such
    clause."""
    verbs = 0  # the clause's own verb, before its object: "who had attacked a", not "who were cousins died when the"
    for k in range(chunk.start - 1, sent.start, -1):
        if w.lower[k] in RELATIVE_SUBJECTS:
            return k if k - 1 in chunk_at and verbs == 1 else None
        if not (w.alpha[k] and w.is_lower[k]) or k in chunk_at or w.lower[k] in CLAUSE_OPENERS:
            return None
        plain = w.lower[k] in DETERMINERS or w.lower[k] in AUXILIARIES or w.lower[k].endswith("ly")
        verbs += not plain
    return None


def with_co_objects(w: Words, target: Chunk, chunks: list[Chunk]) -> Chunk:
    """The object phrase with those named right after it "as well as" it ("condemned Russia as well as Belarus");
    one "along with" an object may be the subject's partner as well ("attacked Ukraine along with Belarus")."""
    after = target.end + len(CO_DOER_WORDS)
    co = [c for c in chunks if c.start == after and w.lower[target.end : after] == CO_DOER_WORDS]
    if not co:
        return target
    return Chunk(target.start, co[-1].end, [*target.actors, *(a for c in co for a in c.actors)], target.prep)


def _names_a_co_doer(w: Words, chunk: Chunk) -> bool:
    """Whether a phrase names who acts beside the subject: after "along with", "together with" or "as well as"
    ("France, along with Germany, condemned Russia"; "France as well as Germany")."""
    k = chunk.start - 1
    while k > 0 and w.lower[k] in DETERMINERS:
        k -= 1
    return k >= 2 and (
        w.lower[k] == "with" and w.lower[k - 1] in ("along", "together") or w.lower[k - 2 : k + 1] == CO_DOER_WORDS
    )


def _names_a_part_of(w: Words, chunk: Chunk, sent: Span) -> bool:
    """Whether an "of" phrase completes a noun that names a part of it, opening the clause ("A unit of", "Members
    of", "two battalions of"): the whole is the doer."""
    k = chunk.start - 2
    if k < sent.start or w.lower[k + 1] != "of" or w.lower[k] not in PARTITIVES:
        return False
    i = k - 1
    while i >= sent.start and (w.lower[i] in DETERMINERS or w.num[i] or w.is_lower[i] and w.alpha[i]):
        i -= 1
    # the clause opens the sentence, or follows a dateline's bracket or dash ("Khartoum, Jun 15 (UNI) A unit of")
    return i < sent.start or w.lower[i] in (")", "-", "—", "–")


def _subordinate_subject_between(doc: Doc, conjunction: int, verb: int) -> bool:
    """Whether a verb after a subordinator is in its clause, which has a subject of its own, not an actor:
    "released the footage when officers found and arrested him" was arrested by the officers, not by whoever released
    the footage."""
    w = words(doc)
    between = range(conjunction + 1, verb)
    return "," not in w.lower[conjunction + 1 : verb] and any(
        w.alpha[k] and w.lower[k] not in AUXILIARIES and not w.lower[k].endswith("ly") for k in between
    )


def before_the_participle(w: Words, sent_start: int, participle: int) -> int:
    """The word before a passive participle and its forms of "be" and adverbs ("soldiers have reportedly been
    killed"): the subject's last word, or a relative pronoun."""
    return _before_verb_words(w, sent_start, participle, BE_FORMS)


def before_the_verb(w: Words, sent_start: int, verb: int) -> int:
    """The word before a verb and its auxiliaries and adverbs ("which has repeatedly accused")."""
    return _before_verb_words(w, sent_start, verb, AUXILIARIES)


def _before_verb_words(w: Words, sent_start: int, verb: int, helpers: frozenset[str]) -> int:
    """The word before a verb, past the helping verbs given and the adverbs between them."""
    k = verb - 1
    while k > sent_start and (w.lower[k] in helpers or w.lower[k] in ADVERBIAL_SKIP or w.lower[k].endswith("ly")):
        k -= 1
    return k


def _relative_antecedent(doc: Doc, sent: Span, verb: int, chunk_at: dict[int, Chunk]) -> Chunk | None:
    """The actor phrase a relative pronoun right before a verb stands for: the one before "who" or "which", past a
    place it is in ("forces in Syria who shelled")."""
    w = words(doc)
    k = before_the_verb(w, sent.start, verb)
    if k <= sent.start or w.lower[k] not in RELATIVE_SUBJECTS:
        return None  # "that" may open a clause whose subject is the act's noun ("made it clear that attacks on")
    chunk = chunk_at.get(k - 1)
    if chunk is not None and chunk.prep in LOCATIVE:
        chunk = chunk_at.get(chunk.start - 2)  # past "in Syria"
    return chunk if chunk is not None and chunk.actors and not chunk.place else None


def _opens_a_clause(doc: Doc, chunk: Chunk, verb: int) -> bool:
    """Whether a named actor after a conjunction is the subject of the verb that follows it ("after China recalled",
    "since Israel had launched", "after the U.S. unilaterally withdrew"), not a phrase's object ("after the police
    shooting")."""
    w = words(doc)
    return (
        chunk.prep in CLAUSE_CONJUNCTIONS
        and any(a.country or a.sector for a in chunk.actors)  # "after security forces fired"
        and not w.lower[verb].endswith("ing")
        and all(w.lower[k] in AUXILIARIES or w.lower[k].endswith("ly") for k in range(chunk.end, verb))
    )


def _with_coordinated_heads(doc: Doc, sent: Span, chunk: Chunk, chunk_at: dict[int, Chunk]) -> Chunk:
    """The subject named with an apposition, and the one coordinated before it named so too ("The German
    chancellor, Olaf Scholz, and the French president, Emmanuel Macron, pledged"; "Israel and the French president,
    Emmanuel Macron, agreed"): all of them are the subject."""
    w = words(doc)
    head = _apposed_head(w, chunk.start, chunk_at, sent) or chunk
    subject = head if len(head.actors) > len(chunk.actors) else chunk
    k = head.start - 1
    # "Jordan and other Arab states": others like the first, whom only the first names
    others = k > sent.start and w.lower[k] == "other"
    if others:
        k -= 1
    if k <= sent.start or w.lower[k] not in ("and", "nor"):
        return subject
    k -= 2 if w.lower[k - 1] == "," else 1
    other = chunk_at.get(k)
    if other is not None and other.end == k + 1 and other.prep is None and other.actors:
        first = _apposed_head(w, other.start, chunk_at, sent) or other
    else:
        first = _apposed_head(w, _name_start(w, k, sent), chunk_at, sent)  # ", Antony Blinken, and": no lexicon name
    if first is None or not first.actors:
        return subject
    named = [a for a in subject.actors if a.country] if others else subject.actors
    return Chunk(first.start, chunk.end, [*first.actors, *named])


def _apposed_head(w: Words, start: int, chunk_at: dict[int, Chunk], sent: Span) -> Chunk | None:
    """The phrase before the comma that opens an apposition starting at `start` ("the French president, Emmanuel
    Macron"), when it names the same actor the apposition does, or the apposition names none."""
    if start - 2 < sent.start or w.lower[start - 1] != ",":
        return None
    before = chunk_at.get(start - 2)
    if before is None or before.prep is not None or before.end != start - 1:
        return None
    named = chunk_at.get(start)
    if named is None or named.start != start:
        return before
    codes = [a.code for a in before.actors]
    return before if codes[len(codes) - len(named.actors) :] == [a.code for a in named.actors] else None


def _name_start(w: Words, end: int, sent: Span) -> int:
    """Where the run of capitalised words ending at `end` begins (one past `end` when there is none)."""
    i = end
    while i >= sent.start and w.title[i]:
        i -= 1
    return i + 1


def is_dash(doc: Doc, i: int) -> bool:
    """Whether the token is a dash that sets words apart: an en or em dash, or a hyphen with spaces around it
    ("Youths - some on foot - attacked"), not one inside a word ("pro-Russian")."""
    # (a spaced hyphen before a capitalised word reads as "—" already)
    w = words(doc)
    return w.lower[i] in DASHES or w.lower[i] == "-" and w.spaced[i] and i > 0 and w.spaced[i - 1]


def target_after(
    doc: Doc,
    sent: Span,
    end: int,
    chunks: list[Chunk],
    stops: set[int],
    exclude: Chunk | None,
    *,
    passive: bool = False,
    skip: frozenset[str] = frozenset(),
    aimed: bool = False,
    aim: str = "at",
    sited: bool = False,
    owned: bool = False,
) -> Chunk | None:
    """The first actor phrase right of a trigger, not a location and not the source, before the clause ends;
    aimed: the act is aimed, so its `aim` ("at") names its target ("fired rockets at Israeli troops", "blamed the
    attack on Russia"), not where it was;
    sited: the act is aimed at the seat of power it is held at ("protested outside the US embassy");
    owned: the act is done for or to one's own, so "its citizens" as the object is the doer's, found by the caller."""
    w = words(doc)
    fallback = None
    for chunk in chunks:
        # (right after the verb, a phrase is its object, though a name before the verb reads as its noun's:
        # "Egypt said France had attacked it")
        object_of_the_verb = chunk.start == end and chunk.prep in (None, EMBEDDED)
        if owned and object_of_the_verb and chunk.pronoun in POSSESSIVES:
            return chunk  # "urged its citizens to leave Lebanon"
        if object_of_the_verb and chunk.pronoun == OTHERS:
            return chunk  # "killed a police officer and wounded two others": more of them, found by the caller
        if object_of_the_verb and chunk.pronoun in OBJECT_PRONOUNS:
            return (
                chunk  # ", accusing it of failing to protect civilians": whom "it" points back to, found by the caller
            )
        # An aimed act's "its troops" are another's, found by the caller; other pronouns are not resolved here.
        if chunk.start < end or chunk is exclude or chunk.pronoun and not (aimed and chunk.pronoun in POSSESSIVES):
            continue
        if any(s in stops for s in range(end, chunk.start)):
            break
        if any(w.lower[i] in ALLEGED for i in range(end, chunk.start - 1)):
            break  # "arrested three men suspected of spying for China": what the object is suspected of is not aimed at
        # (but "arrested two suspected criminals": the word that doubts them opens the object's phrase)
        if _counted_object(w, end, chunk):
            return chunk  # "killed at least 40 people during an attack on a UN school": those counted are its object
        if sited and chunk.prep in SITES and any(a.country and a.sector in SEATS_OF_POWER for a in chunk.actors):
            return chunk
        if chunk.prep in LOCATIVE and not (aimed and chunk.prep == aim) or chunk.prep in skip:
            continue
        if chunk.prep == "of" and _closes_a_place_phrase(w, end, chunk.start):
            continue  # "looted shops in the Mzansi area of Ntuzuma": where, not whom
        if chunk.prep == "alongside":
            continue  # "fought alongside Mozambican forces against insurgents": an ally, not the one acted on
        if chunk.prep == "of" and w.lower[_before_prep(w, chunk.start)] == "behalf":
            continue  # "volunteers fighting on behalf of Kyiv": whom they act for, not the one acted on
        if chunk.prep == "with" and w.lower[chunk.end - 1] in WEAPON_NOUNS:
            continue  # "attacked a ship with a drone": what it was done with
        # In an active clause "by" after a proposal names whose it was ("rejected calls by Belarus's rulers", "the
        # plan put forward by Egypt").
        if chunk.prep == "by" and (passive or not _names_proposer(w, _before_prep(w, chunk.start))):
            continue
        if any(a.country for a in chunk.actors) or aimed and chunk.prep == aim:
            return chunk  # "fired tear gas at students marching on parliament": whom it was fired at, named or not
        # An adjective that is also a sector noun ("military aid") yields to a named actor further on.
        fallback = fallback or chunk
    return fallback


def _closes_a_place_phrase(w: Words, end: int, start: int) -> bool:
    """Whether the "of" before a phrase at `start` follows a place noun in a phrase that a locative preposition
    opens after the trigger's `end` ("in the Mzansi area of Ntuzuma", "near the border town of Kidal")."""
    noun = start - 2
    if noun <= end or w.lower[start - 1] != "of" or w.lemma[noun] not in PLACE_NOUNS:
        return False
    for k in range(noun - 1, max(end, noun - PLACE_PHRASE_WORDS) - 1, -1):
        if w.lower[k] in LOCATIVE:
            return True
        if not w.alpha[k] or w.lower[k] in CLAUSE_OPENERS:
            return False
    return False


def _counted_object(w: Words, verb_end: int, chunk: Chunk) -> bool:
    """Whether a phrase is a count of people right after the verb, past a quantifier ("at least 40 people") or the
    state it left them in ("shot dead two fishermen"): its object, whoever is named after it. (A count of soldiers
    may be one's own, withdrawn or deployed.)"""
    between = range(verb_end, chunk.start)
    people = bool(chunk.actors) and all(a.sector in PEOPLE_SECTORS for a in chunk.actors)
    return (
        people
        and chunk.prep is None
        and w.num[chunk.start]
        and all(w.lower[k] in QUANTIFIERS or w.lower[k] in RESULTS_OF_HARM for k in between)
    )


def _names_proposer(w, before_by: int) -> bool:
    """Whether "by" follows a proposal noun, itself or past the participle that says it was made ("put forward",
    "drafted", "tabled")."""
    for j in range(before_by, max(before_by - PROPOSER_REACH, 0) - 1, -1):
        if w.lemma[j] in PROPOSALS:
            return True
        if not (w.alpha[j] and w.is_lower[j]) or w.lower[j] in CLAUSE_OPENERS:
            return False
    return False


def _before_prep(w, start: int) -> int:
    j = start - 1
    while j > 0 and w.lower[j] in DETERMINERS:
        j -= 1
    return j - 1


def agent_of_attack(doc: Doc, sent: Span, end: int, chunks: list[Chunk], stops: set[int]) -> Chunk | None:
    """The doer a passive names in the attack it happened in: "were killed in an Israeli air strike", "died during
    a NATO raid"."""
    chunk = next((c for c in chunks if c.start >= end), None)
    if chunk is None or chunk.prep not in ("in", "during") or any(s in stops for s in range(end, chunk.start)):
        return None
    w = words(doc)
    reach = range(chunk.start, min(chunk.end + ATTACK_NOUN_REACH, sent.end))
    return chunk if chunk.actors and any(w.lower[i] in ATTACK_NOUNS for i in reach) else None


def agent_of_fight(doc: Doc, sent: Span, end: int, chunks: list[Chunk], stops: set[int]) -> Chunk | None:
    """The other side of the fight a passive's victims fell in ("were killed in clashes with Pakistani troops",
    "died in a gunfight with militants"), or both sides of it ("in fighting between Sudanese and South Sudanese
    troops")."""
    w = words(doc)
    if end >= sent.end or w.lower[end] not in ("in", "during"):
        return None
    for i in range(end + 1, min(end + 1 + ATTACK_NOUN_REACH, sent.end - 1)):
        if w.lower[i] in FIGHT_NOUNS:
            with_ = i + 1
        elif w.lower[i] in EXCHANGES and i + 3 < sent.end and w.lower[i + 1] == "of" and w.lower[i + 2] in FIRE:
            with_ = i + 3  # "an exchange of fire with Pakistani troops"
        else:
            continue
        if w.lower[with_] in FIGHT_SIDES:
            side = next((c for c in chunks if c.start > with_), None)
            if side is None or side.prep != w.lower[with_] or any(s in stops for s in range(end, side.start)):
                return None
            return side if side.actors else None
    return None


def sides_of_fight_in_subject(doc: Doc, sent: Span, start: int, chunks: list[Chunk]) -> Chunk | None:
    """Both sides of a fight that is the subject of the verb at `start`, or the setting its clause opens with:
    "Clashes between Sudanese and South Sudanese troops killed 20 people", "During clashes between the army and
    rebels, four soldiers were injured"."""
    w = words(doc)
    setting = w.lower[sent.start] in FIGHT_SETTINGS
    for chunk in chunks:
        if chunk.prep != "between" or chunk.end > start or not chunk.actors or chunk.start < sent.start + 2:
            continue
        fight = w.lower[chunk.start - 1] == "between" and ends_a_fight_noun(w, chunk.start - 2)
        breaks = [i for i in range(chunk.end, start) if w.lower[i] in (",", ";") or w.lower[i] in CLAUSE_OPENERS]
        if fight and (not breaks or setting and breaks == [chunk.end] and w.lower[chunk.end] == ","):
            return chunk
    return None


def ends_a_fight_noun(w: Words, i: int) -> bool:
    """Whether a fight noun ends at i, written whole or hyphened ("clashes", "shoot-out")."""
    return w.lower[i] in FIGHT_NOUNS or i >= 2 and w.lower[i - 1] == "-" and w.lower[i - 2] + w.lower[i] in FIGHT_NOUNS


def _past_a_date(w: Words, i: int, sent: Span) -> int:
    """Where the words after a date opened by "on" at i start ("on 25 June", "on Monday"); i if none is there."""
    if i >= sent.end or w.lower[i] != "on":
        return i
    j = i + 1
    while j < sent.end and (w.num[j] or w.lower[j] in CALENDAR):
        j += 1
    return j if j > i + 1 else i


def attack_phrase(doc: Doc, sent: Span, start: int, end: int, *, passive: bool) -> tuple[int, int] | None:
    """The words naming the attack a clause reports without its author: the phrase after a passive ("were killed
    in a suicide car bombing", "by a roadside bomb"), or the subject of an active verb ("a minefield explosion
    killed"). Token span, or None."""
    w = words(doc)
    if passive:
        # "was reportedly killed recently in a limpet blast": adverbs may stand between
        while end < sent.end and (w.lower[end] in ADVERBIAL_SKIP or w.lower[end].endswith("ly")):
            end += 1
        end = _past_a_date(w, end, sent)  # "were killed on 25 June due to the explosion of an IED"
        if end + 1 < sent.end and (w.lower[end], w.lower[end + 1]) in TWO_WORD_CAUSES:
            end += 1
        elif end < sent.end and w.lower[end] == "when":
            return _weapon_opening_a_clause(w, sent, end + 1)  # "were killed when a bomb ripped through a market"
        elif end >= sent.end or w.lower[end] not in CAUSE_PREPOSITIONS:
            # "In one of the deadliest attacks of the war, 258 people have been killed": the phrase opens the sentence
            return _fronted_attack_phrase(w, sent, start)
        for i in range(end + 1, min(end + 1 + ATTACK_PHRASE_WORDS, sent.end)):
            if w.lower[i] == "," or w.lower[i] in CLAUSE_OPENERS:
                return None
            if w.lower[i] in HARMFUL_ACT_NOUNS:
                return _unattributed(w, i, sent, end + 1)
        return None
    subject_end = start
    if start - 1 > sent.start and w.lower[start - 1] == ",":
        # "The attack, claimed by the Islamic State group, killed 40": the subject stands before its apposition
        subject_end = apposition_start(doc, start - 1, sent) or start
    first = subject_end
    while (
        first > max(sent.start, subject_end - ATTACK_PHRASE_WORDS)
        and w.lower[first - 1] not in CLAUSE_OPENERS
        and w.lower[first - 1] != ","
    ):
        first -= 1
    noun = next((i for i in range(first, subject_end) if w.lower[i] in HARMFUL_ACT_NOUNS), None)
    if noun is None:
        return None
    # The phrase opens at its determiner ("a minefield explosion"), or is the noun alone ("roadside bombs").
    opener = next((i for i in range(noun - 1, max(first, noun - 4) - 1, -1) if w.lower[i] in DETERMINERS), noun)
    return _unattributed(w, noun, sent, opener, subject_end)


def _weapon_opening_a_clause(w: Words, sent: Span, first: int) -> tuple[int, int] | None:
    """The weapon or attack that is the subject of the clause opening at `first` ("when a car bomb ripped through a
    market", "when a shell hit the school"); not a blast, which may be an accident's, nor a clause whose subject
    is someone ("when troops responded to a mortar attack"): their act is coded on its own."""
    for i in range(first, min(first + DETERMINER_AND_MODIFIERS, sent.end)):
        if w.lower[i] in UNATTRIBUTED_ATTACK_NOUNS and w.lower[i] not in BLASTS:
            return _unattributed(w, i, sent, first)
        if not (w.alpha[i] and w.is_lower[i]) or w.lower[i] in CLAUSE_OPENERS:
            return None
        if w.lemma[i] in SET_OFF_BY_CONTACT and i > first:
            return _weapon_set_off(w, sent, i + 1)
    return None


def _weapon_set_off(w: Words, sent: Span, first: int) -> tuple[int, int] | None:
    """The mine or bomb a vehicle or a person hit or stepped on, as the object at `first` of the verb before it
    ("when their vehicle hit a roadside bomb", "when he stepped on a landmine"): placed by someone unnamed."""
    first += first < sent.end and w.lower[first] in ("on", "over")
    for i in range(first, min(first + DETERMINER_AND_MODIFIERS, sent.end)):
        if w.lower[i] in WEAPON_NOUNS:
            return _unattributed(w, i, sent, first)
        if not (w.alpha[i] and w.is_lower[i]) or w.lower[i] in CLAUSE_OPENERS:
            return None
    return None


def _fronted_attack_phrase(w: Words, sent: Span, limit: int) -> tuple[int, int] | None:
    """The attack a sentence opens with, after "in", "during" or "amid", before the harm it tells ("In one of the
    most serious attacks with poisonous gas")."""
    if w.lower[sent.start] not in FRONTED_CAUSES:
        return None
    return _opening_attack(w, sent, sent.start + 1, limit)


def opening_attack_phrase(doc: Doc, sent: Span, limit: int) -> tuple[int, int] | None:
    """The words naming an attack when they open the sentence as its subject, before `limit`: the doer of a
    participle after the main clause's comma ("A roadside bomb hit a bus near Kabul, killing five people"). Token
    span, or None."""
    return _opening_attack(words(doc), sent, sent.start, limit)


def _opening_attack(w: Words, sent: Span, first: int, limit: int) -> tuple[int, int] | None:
    """The attack's noun phrase from `first`: an article, a count, plain words and "of" may stand before its noun
    ("A suspected roadside bomb", "one of the deadliest raids"); any other preposition makes it what the phrase is
    about ("In response to the attack")."""
    for i in range(first, min(limit, first + ATTACK_PHRASE_WORDS)):
        if w.lower[i] in HARMFUL_ACT_NOUNS:
            return _unattributed(w, i, sent, first)
        if w.lower[i] in PREPOSITIONS and w.lower[i] != "of":
            return None
        if not (w.lower[i] in DETERMINERS or w.num[i] or w.alpha[i] and (w.is_lower[i] or i == sent.start)):
            return None
    return None


def _unattributed(w: Words, noun: int, sent: Span, opener: int, limit: int | None = None) -> tuple[int, int] | None:
    """The span from `opener` to the end of the attack's compound noun, unless the noun names an accident's blast
    ("a gas explosion") or a fight with its sides ("clashes between rival gangs": they are its doers)."""
    if any(w.lower[k] in ACCIDENT_SOURCES for k in range(max(sent.start, noun - 2), noun)):
        return None
    end = _compound_end(w, noun, sent.end if limit is None else limit)
    if w.lower[noun] in FIGHT_NOUNS and end < sent.end and w.lower[end] in FIGHT_SIDES:
        return None
    return opener, end


def _compound_end(w: Words, noun: int, limit: int) -> int:
    # "a car bomb explosion": the phrase runs to the last of the nouns that name the attack
    end = noun + 1
    while end < limit and w.lower[end] in UNATTRIBUTED_ATTACK_NOUNS:
        end += 1
    return end


def names_only_where_and_when(doc: Doc, sent: Span, start: int, end: int) -> bool:
    """Whether a passive act of harm is told with nothing but where and when it happened ("ten soldiers were killed
    in eastern Ukraine on Monday"): in a main clause, with no cause after it, no disaster or accident anywhere in the
    sentence and no disaster in the story before it, so someone did it whom the report does not name. A relative or
    adverbial clause ("soldiers who were injured", "killed when a bus overturned") leaves the act to the clause it
    hangs on."""
    w = words(doc)
    if w.lemma[start] not in HARMED_OBJECT_VERBS:
        return False  # "four bombs were dropped": the subject is not the one harmed
    if any(w.lower[i] in DISASTER_NOUNS or w.lemma[i] in ACCIDENT_VERBS for i in range(sent.start, sent.end)):
        return False
    if _first_disaster_noun(doc) < sent.start:
        return False  # a story of an earthquake: "Many people were injured" later in it is the quake's harm
    j = before_the_participle(w, sent.start, start)
    if w.lower[j] in RELATIVES or w.lower[j] == "that":
        return False  # "a store that has been attacked"
    for i in range(j, sent.start - 1, -1):
        if w.lower[i] in RELATIVES or w.lower[i] in SUBORDINATORS:
            return False
        if w.lower[i] in CLAUSE_ENDS or w.lower[i] == "that":
            break
    for i in range(end, sent.end):
        if w.lower[i] in SUBORDINATORS:
            return False
        if w.lower[i] in CLAUSE_ENDS:
            return True
        # a name no gazetteer holds names a place too ("killed in Selea")
        if not (doc[i].ent_type_ or w.lower[i] in WHERE_AND_WHEN or w.lower[i].isdigit() or w.title[i]):
            return False
    return True


def _first_disaster_noun(doc: Doc) -> int:
    """Where a document first names a disaster (its length if it names none), found once per document."""
    if "first_disaster_noun" not in doc.user_data:
        lowers = words(doc).lower
        found = (i for i, lower in enumerate(lowers) if lower in DISASTER_NOUNS)
        doc.user_data["first_disaster_noun"] = next(found, len(lowers))
    return doc.user_data["first_disaster_noun"]


def placed_by_a_name(doc: Doc, sent: Span, end: int) -> bool:
    """Whether the words after a verb say where by a name, known or not, maybe past when: "killed in Selea",
    "wounded near Kafe", "killed at the weekend near Rouakeche"."""
    w = words(doc)
    for i in range(end, min(sent.end - 1, end + ATTACK_PHRASE_WORDS)):
        if w.lower[i] in LOCATIVE and w.title[i + 1] and w.alpha[i + 1] and w.lower[i + 1] not in CALENDAR:
            return True
        if not (w.lower[i] in WHERE_AND_WHEN or w.num[i]):
            return False
    return False


def told_as_done_by_someone(doc: Doc, sent: Span, start: int) -> bool:
    """Whether an act whose doer the sentence does not name is still told as someone's act: not harm told by a verb
    of harm alone, which a fire or an accident may have done ("killed in a fire"; attacks named as such are read by
    attack_phrase), and not in a clause of condition ("until their demands are met")."""
    w = words(doc)
    if w.lemma[start] in HARM_VERBS:
        return False
    for i in range(start - 1, sent.start - 1, -1):
        if w.lower[i] in CONDITIONS:
            return False
        if w.lower[i] in CLAUSE_ENDS:
            break
    return True


def names_a_disaster(doc: Doc, chunk: Chunk, sent: Span) -> bool:
    """Whether an actor phrase only names a disaster or an accident it modifies ("the Nepal earthquake", "the Air
    France flight 447 crash"): the disaster is the subject, and no actor acted."""
    w = words(doc)
    if _names_a_storm(doc, chunk.start, chunk.end):
        return True
    # The disaster noun heads the compound the name opens: the words up to it are names, numbers and nouns.
    for i in range(chunk.end, min(chunk.end + DISASTER_COMPOUND_WORDS, sent.end)):
        if w.lower[i] in DISASTER_NOUNS:
            return True
        if not w.lower[i].isalnum() or w.lower[i] in STOP_WORDS:
            return False
    return False


def _names_a_storm(doc: Doc, start: int, end: int) -> bool:
    """Whether a phrase names a storm by its title and name ("Hurricane Ivan", "Tropical Storm Jeanne")."""
    w = words(doc)
    return any(w.title[i] and w.lower[i] in STORM_TITLES and w.title[i + 1] for i in range(start, end - 1))


def participle_joined_by(w: Words, i: int, sent: Span) -> str | None:
    """The word that joins a participle to the clause before it: "," (", killing ten"), "and" or "or" (", killing
    one and arresting 12"); None when the word is no -ing form joined so."""
    if i <= sent.start or not w.lower[i].endswith("ing"):
        return None
    before = w.lower[i - 1]
    return before if before in PARTICIPLE_JOINS else None


def disaster_did_it(doc: Doc, sent: Span, trigger: int, source: Chunk | None) -> bool:
    """Whether the harm a verb reports was done by a disaster that is its clause's subject ("the tsunami that
    killed 230,000", "the quake levelled buildings and killed one"), or the main clause's subject when the verb is a
    participle after a comma ("A strong earthquake struck Aceh province, killing one"): a disaster noun not inside a
    prepositional phrase ("after the quake"), with no actor named as a subject between it and a finite verb. The harm
    of an accident the main clause reports ("a ferry capsized, killing 12") is no one's act either."""
    w = words(doc)
    if w.lemma[trigger] not in HARM_VERBS:
        return False
    participle = participle_joined_by(w, trigger, sent) in (",", "and")
    if participle and any(w.lemma[v] in ACCIDENT_VERBS for v in range(sent.start, trigger)):
        return True  # "A plane crashed near the border, killing 50": an accident's harm, as a disaster's
    for d in range(sent.start, trigger):
        if w.lower[d] not in DISASTER_NOUNS:
            continue
        # "after two earthquakes flattened buildings": a disaster noun right before a harm verb is its subject, as is
        # one its relative clause opens with ("victims of floods that have killed 300")
        if (
            not _is_subject_noun(w, d, sent)
            and w.lemma[d + 1] not in HARM_VERBS
            and not _opens_its_relative(w, d, trigger)
        ):
            continue
        if participle or source is None or source.end <= d:
            return True
    return False


def exploded_by_accident(doc: Doc, sent: Span, trigger: int, chunk_at: dict[int, Chunk]) -> bool:
    """Whether what a verb says exploded is a thing that is no weapon and no vehicle ("a gas cylinder exploded", "a
    tank at the plant exploded"): CAMEO's verb dictionary codes EXPLODE (183) with a weapon, a landmine or a car for
    its subject, or with someone who sets one off; a thing that blows up by itself is an accident, no one's act."""
    w = words(doc)
    if w.lemma[trigger] != "explode" or trigger == sent.start:
        return False
    thing = trigger - 1
    while thing > sent.start and w.lower[thing].endswith("ly"):
        thing -= 1  # "a boiler suddenly exploded"
    if thing in chunk_at or not (w.alpha[thing] and w.is_lower[thing]) or w.lower[thing] in EXPLODING_VEHICLES:
        return False
    return attack_phrase(doc, sent, trigger, trigger, passive=False) is None


def _opens_its_relative(w: Words, noun: int, verb: int) -> bool:
    """Whether a noun is the subject of a relative clause whose verb is `verb`: "floods that have killed"."""
    return w.lower[noun + 1] in RELATIVE_OPENERS and all(w.lower[k] in AUXILIARIES for k in range(noun + 2, verb))


def _is_subject_noun(w: Words, noun: int, sent: Span) -> bool:
    # Left of the noun phrase: a preposition makes the noun its object ("hit by the earthquake"); the sentence's
    # start, a comma, a clause opener or, past a determiner, a verb ("triggered a tsunami that") leave it a subject.
    determined = False
    for i in range(noun - 1, max(sent.start, noun - DISASTER_MODIFIER_WORDS) - 1, -1):
        word = w.lower[i]
        if word in PREPOSITIONS:
            return False
        if word in CLAUSE_OPENERS or not word.isalnum() or determined:
            return True
        determined = word in DETERMINERS
    return True


def agent_after_by(
    doc: Doc, sent: Span, end: int, chunks: list[Chunk], stops: set[int], *, preps: frozenset[str] = BY
) -> Chunk | None:
    """The agent of a passive: the actor phrase after "by" or "at the hands of" (or after `preps`: "faced criticism
    from the EU")."""
    w = words(doc)
    for chunk in chunks:
        if chunk.start < end:
            continue
        if any(s in stops for s in range(end, chunk.start)):
            return None
        if chunk.prep in preps and _main_verb_between(w, end, chunk.start, sent):
            return None  # "a man accused of theft was lynched by a mob": the mob lynched him, who accused is untold
        if chunk.prep in preps and not _of_a_reduced_relative(w, end, chunk.start):
            return chunk
        if "by" in preps and chunk.prep == "of" and _after_the_hands(w, chunk.start, sent.start):
            return chunk
    return None


def _main_verb_between(w: Words, end: int, start: int, sent: Span) -> bool:
    """Whether a participle that modifies the noun before it ("two men arrested in Kano") is followed, before a
    phrase, by a form of "be" that opens the main clause's own verb ("were freed by the court")."""
    participle = end - 1
    if participle - 1 < sent.start or not is_past_form(w, participle):
        return False
    before = w.lower[participle - 1]
    if before in BE_FORMS or before in PARTICIPLE_JOINS or before in AUXILIARIES or not w.alpha[participle - 1]:
        return False
    return any(w.lower[k] in BE_FORMS for k in range(end, start))


def _of_a_reduced_relative(w: Words, end: int, start: int) -> bool:
    """Whether the "by" before a phrase follows a participle of its own after the verb: "killed in a strike on a
    school run by the UN" names who runs the school, not who struck it."""
    by = start - 1
    while by > end and w.lower[by] in DETERMINERS:
        by -= 1
    participle = by - 1
    if participle <= end or w.lower[by] != "by" or not (w.alpha[participle] and w.is_lower[participle]):
        return False
    word = w.lower[participle]
    if word.endswith(("s", "ing")) or w.lower[participle - 1] in VERB_BEFORE_BY:
        return False  # "attacks by", "fighting by", "were wounded by", "attacked and killed by": the verb's agent
    return word.endswith(("ed", "en")) or word in IRREGULAR_PARTICIPLES or word != w.lemma[participle]


def _after_the_hands(w: Words, start: int, sent_start: int) -> bool:
    # "killed at the hands of Myanmar's army": the idiom names the agent, as "by" does
    return start - 4 >= sent_start and [w.lower[k] for k in range(start - 4, start)] == ["at", "the", "hands", "of"]
