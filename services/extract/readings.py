"""Trigger readings: which trigger words of a sentence report an event, not name one as a noun or a modifier."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from services.extract import lexicon
from services.extract.actors import (
    ARTICLES,
    BODY_HEADS,
    CALENDAR,
    CLAUSE_OPENERS,
    DETERMINERS,
    LOCATIVE,
    MANNER_SECTOR_WORDS,
    MODIFIERS,
    POSSESSIVE_MARKS,
    POSSESSIVES,
    PREPOSITIONS,
    QUANTIFIERS,
    counts_people_acted_on,
    qualifies,
)
from services.extract.nlp import (
    ACTOR,
    CAPITAL,
    CITY,
    COUNTRY,
    DEMONYM,
    ROLE,
    TERMINALS,
    Words,
    capitalises_most_words,
    find_triggers,
    is_past_form,
    is_s_form,
    only_verbs,
    words,
)
from services.extract.roles import (
    ADVERBIAL_SKIP,
    APPOSITION_OPENERS,
    ATTACK_NOUNS,
    AUXILIARIES,
    BE_FORMS,
    RELATIVES,
    SUBORDINATORS,
    WEAPON_NOUNS,
    is_dash,
)

# The kinds of trigger that govern an action after them ("threatened to cut", "urged Iraq to allow", "accused X of")
GOVERNORS = frozenset({"commit", "commit-to", "threat", "refuse", "refuse-to", "request", "accuse"})
CLAUSE_BREAKS = frozenset({"and", "but", "or", "nor", "that", ";", ":"})
# Prepositions of time whose -ing verb has its main clause's subject: "withdrew after seizing the bridge"
TIME_PREPOSITIONS = frozenset({"after", "before", "while", "since", "upon"})
# Verbs of answering whose "by" names the answer: "responded by expelling", "retaliated by imposing"
RESPONDING = frozenset({"respond", "retaliate", "react", "reply", "answer"})
QUOTES = frozenset({'"', "`", "``", "''", "“", "‘", "'"})
# Words a quoted noun phrase spans before its noun ('a "full-scale military invasion"')
QUOTED_NOUN_WORDS = 3
# An event noun after these ("an attack", "any attack", "no attack") names no one event that took place.
NONSPECIFIC = lexicon.word_set("nonspecific")
# Verbs that turn an event noun into a report of the event ("staged a protest", "began a hunger strike").
LIGHT_VERBS = lexicon.word_set("light_verbs")
LIGHT_VERB_PARTICLES = frozenset({"off", "up", "on", "out"})  # "kicked off", "wrapped up", "embarked on", "carried out"
SERIES = lexicon.word_set("series")
INDEFINITE_ARTICLES = frozenset({"a", "an"})
# Prepositions after which a word is a noun, not a verb ("on strike", "in protest"); "to" also opens a verb.
NOUN_MARKERS = PREPOSITIONS - {"to"}
# Particles that complete a verb past its object ("pulled its troops out").
PARTICLES = lexicon.word_set("particles")
# What follows a sentence's opening gerund when it is a noun: its doer, or the sides of a fight.
GERUND_DOERS = frozenset({"by", "between"})
PLACES = frozenset({CITY, CAPITAL, COUNTRY})
# Nouns that stand for the act a main clause reports: "Japan tightened export controls, a move Seoul denounced".
MOVE_NOUNS = frozenset({"move", "step", "decision"})
MOVE_SUBJECT_WORDS = 3  # "a move Armenian officials welcomed"
# An attack or a weapon named before a verb's -s form is its subject: "Israeli strike kills Hezbollah commander".
HARMFUL_NOUNS = ATTACK_NOUNS | WEAPON_NOUNS
MARKET_NOUNS = lexicon.word_set("market_nouns")
# Currencies named like words of English ("won support", "a real threat"): a verb after them is not the market's.
CURRENCY_HOMONYMS = frozenset({"real", "won", "pound", "rand"})
# Words between a market noun and its verb: "the index has already shot up", "stocks have not rallied"
MARKET_VERB_SKIPS = frozenset({"also", "now", "already", "still", "even", "then", "been", "not"})
# Words that neither name nor open a noun phrase: pronouns, prepositions, adverbs, conjunctions
NOT_A_NOUN_PHRASE = STOP_WORDS - DETERMINERS - POSSESSIVES
# Common words that grade a noun as adjectives do ("further sanctions", "more attacks", "other measures")
GRADING_WORDS = frozenset({"further", "more", "other", "several"})
# Words that count out a part of a plural ("one of the blocks", "some of their rallies")
COUNTED_OUT = frozenset({"one", "some", "many", "most", "all", "each", "several", "none", "few", "both", "either"})
UNCHANGED_PAST = lexicon.word_set("unchanged_past")
PLURAL_NOUNS = lexicon.word_set("plural_nouns")
STATEMENT_NOUNS = lexicon.word_set("statement_nouns")
STATEMENT_VERBS = lexicon.word_set("statement_verbs")
STATEMENT_VERB_REACH = 4  # "issued a strongly worded joint statement"
# Verbs of helping: an aid to whom they name right after them, and to no one otherwise ("helped to end the war")
HELPING_VERBS = frozenset({"help", "assist"})
# The words of an act's object before "by" and the means it was done by: "violating the ceasefire by killing"
MEANS_OBJECT_WORDS = 4
# Verbs that link a subject to what it became: "protests turn deadly", "calls grow louder"
LINKING_VERBS = frozenset({"turn", "grow", "become", "remain", "stay"})
# How far a reporting verb may stand after the comma that opens its attribution tail: ", a Jordanian official said"
ATTRIBUTION_REACH = 10


@dataclass
class Hit:
    """A trigger match in a sentence."""

    start: int
    end: int
    entry: lexicon.Trigger
    governor: Hit | None = None
    complement: int | None = None  # token where a governed clause starts ("to", "that", "of")


def _ends_past_a_gap_in(entry: lexicon.Trigger, words: frozenset[str]) -> bool:
    return "~" in entry.pattern and entry.pattern.split()[-1] in words


# The prepositions of whom an act is aimed at, after its object (`is_aimed_reading`)
AIMING_PREPOSITIONS = PREPOSITIONS - {"from"}


def is_aimed_reading(entry: lexicon.Trigger) -> bool:
    """Whether a pattern reads its verb by whom it is aimed at, not by its object ("fire ~ at"); "from" names what
    the object is kept from, and the object is whom the act is aimed at ("barred women from universities")."""
    return _ends_past_a_gap_in(entry, AIMING_PREPOSITIONS)


def _is_particle_reading(entry: lexicon.Trigger) -> bool:
    """Whether a pattern reads its verb by a particle after the object ("pull ~ out"), not by the object itself."""
    return _ends_past_a_gap_in(entry, PARTICLES)


# Prepositions that still name whom an act is aimed at after a date ("called on Thursday on Nigeria")
AIMED_AFTER_A_DATE = frozenset({"on", "upon", "at", "against", "for"})
DATE_WORDS_AFTER_ON = 3  # "on Thursday", "on May 3", "on Thursday night"


def _dates_only(w: Words, i: int) -> bool:
    """Whether the words from i open a date (a day's or a month's name, or a number: "on Thursday", "on 3 May")
    with no preposition of an aim right after it."""
    if i >= len(w.lower) or not (w.lower[i] in CALENDAR or w.num[i]):
        return False
    return not any(
        w.lower[k] in AIMED_AFTER_A_DATE for k in range(i + 1, min(len(w.lower), i + DATE_WORDS_AFTER_ON + 1))
    )


def select_hits(doc: Doc) -> list[Hit]:
    w = words(doc)
    # A verb-object pattern read from a noun ("went on strike at the port", "the strike at the port") is no reading
    # at all, and must not keep the one that holds ("go on strike") from being chosen.
    found = find_triggers(doc)
    ends_at: dict[int, set[int]] = {}  # where the readings that open at a word end
    for s, e, _ in found:
        ends_at.setdefault(s, set()).add(e)
    opened = set(ends_at)
    # So is a verb and an object with another verb's past form between them: "a drone strike killed five militants"
    # strikes no militants, its strike killed them.
    found = [
        (s, e, entry)
        for s, e, entry in found
        if not ("~" in entry.pattern and any(_finite_verb_at(w, k, e, ends_at) for k in range(s + 1, e - 1)))
    ]
    # So is one whose verb is the object inside an earlier pattern ("launched air strikes against Houthi targets":
    # "strikes" is what was launched, not a verb of "targets").
    inside = {i for s, e, _ in found for i in range(s + 1, e)}
    hits = [
        Hit(s, e, entry)
        for s, e, entry in found
        if not (
            "~" in entry.pattern
            and s > 0
            and (
                w.lower[s - 1] in DETERMINERS or w.lower[s - 1] in NOUN_MARKERS and not _is_gerund(w, s) or s in inside
            )
            and not _answers_by(w, s)
        )
        # a particle that opens a hyphened word is none ("forced to issue an out-of-cycle patch")
        and not (w.lower[e - 1] in PARTICLES and e < len(w.lower) and w.lower[e] == "-")
        # nor a preposition that opens a date with no other after it: "insisted on Thursday that" insists on
        # nothing; "called on Thursday on Nigeria to" and "launched strikes on Saturday at" still aim at someone
        and not (w.lower[e - 1] in ("on", "upon") and _dates_only(w, e))
        # nor a verb of helping before the act helped with: "to help defend Saudi Arabia" defends it
        and not (w.lemma[s] in HELPING_VERBS and e < len(w.lower) and (w.lower[e] == "to" or e in opened))
    ]
    # Of two readings of one verb by its object, the nearer object is the verb's; the farther, past a preposition,
    # is another phrase's ("withdrew its veto on the EU aid package" withdraws no aid, "opened fire on border posts"
    # opens no border).
    nearest: dict[int, int] = {}  # by verb, where its nearest object reading ends
    for h in hits:
        if "~" in h.entry.pattern or h.end - h.start > 1 and "@" not in h.entry.pattern:
            nearest[h.start] = min(nearest.get(h.start, h.end), h.end)
    # (the pattern's own words are no such preposition: "pull out of ~ deal" reaches the deal through its "of")
    hits = [
        h
        for h in hits
        if "~" not in h.entry.pattern
        or not any(w.lower[i] in PREPOSITIONS for i in range(max(nearest[h.start], h.start + head_length(h)), h.end))
    ]
    chosen: list[Hit] = []
    # Longest first; a pattern naming the object ("fire ~ rocket", "pull ~ peacekeeper") before one naming only the
    # aim ("fire ~ at") or a particle ("pull ~ out"), which reach past it.
    # Of two readings over the same words, the one that names more of them ("hold ~ phone talk" over "hold ~ talk").
    for hit in sorted(
        hits,
        key=lambda h: (is_aimed_reading(h.entry), _is_particle_reading(h.entry), h.start - h.end, -_named_words(h)),
    ):
        if all(hit.end <= c.start or hit.start >= c.end for c in chosen):
            chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)


def _finite_verb_at(w: Words, k: int, end: int, ends_at: dict[int, set[int]]) -> bool:
    """Whether a word inside a reading that ends at `end` is a verb of its own: a past form after a noun that opens
    a reading not ending there too ("a drone strike killed five militants"), not a participle that qualifies a noun
    after a determiner, a count or a verb ("handed over a captured pilot", "struck wounded soldiers"), nor the
    verb of a compound that reads the same object ("test-fired a missile", "test fired a missile")."""
    if k not in ends_at or end in ends_at[k] or not is_past_form(w, k):
        return False
    before = k - 1
    if w.num[before] or w.lower[before] in DETERMINERS or w.lower[before] in QUANTIFIERS:
        return False
    return not is_past_form(w, before)


def _counted_out_of(w: Words, start: int, sent: Span) -> bool:
    """Whether the phrase opening at start is what a count takes its part of: "one of the", "some of their",
    "two of its"."""
    k = start - 1
    if k - 2 < sent.start or w.lower[k - 1] != "of" or not (w.lower[k] in DETERMINERS or w.lower[k] in POSSESSIVES):
        return False
    return w.lower[k - 2] in COUNTED_OUT or w.num[k - 2]


def _subject_noun(w: Words, hit: Hit, sent: Span) -> bool:
    """Whether a plural or an "-ing" noun that opens a sentence is the subject of the verb after it, or of one after
    its doer or its place: "Clashes erupted in Annaba between ...", "Heavy fighting broke out", "Protests were held",
    "Protests by students continued", "Fighting in Benghazi continued"."""
    word = w.lower[hit.start]
    if hit.end >= sent.end or not (is_s_form(w, hit.start) or word.endswith("ing")):
        return False
    after = w.lower[hit.end]
    # a sentence opens on no finite verb before where or between whom: "Clashes in Tripoli between ...",
    # "Fighting near Aleppo continued", "Protests across the country"
    where = after in LOCATIVE or after == "between"
    return after in AUXILIARIES or after == "by" or where or w.is_lower[hit.end] and is_past_form(w, hit.end)


def _is_gerund(w: Words, i: int) -> bool:
    """Whether a word after a preposition is a verb's "-ing" form: "accused them of committing rape" commits."""
    return w.lower[i].endswith("ing") and w.lemma[i] != w.lower[i]


def _answers_by(w: Words, i: int) -> bool:
    """Whether an -ing form is the act a response was made by: "Maduro responded by breaking off relations"."""
    return i > 1 and w.lower[i].endswith("ing") and w.lower[i - 1] == "by" and w.lemma[i - 2] in RESPONDING


def means_by(w: Words, hit: Hit, sent: Span) -> bool:
    """Whether an -ing form after "by" is the means of an act its clause tells, a verb with its object ("weakened
    the rebels by recapturing several towns", "ended the protest by arresting 20 students"), done by the clause's
    subject; not a passive's agent ("were killed by shelling"), nor a noun with no object ("by shelling in Sirte")."""
    i = hit.start
    if i - 2 < sent.start or not w.lower[i].endswith("ing") or w.lower[i - 1] != "by" or is_past_form(w, i - 2):
        return False
    j = hit.end
    return j < sent.end and (w.num[j] or w.alpha[j] and w.lower[j] not in NOT_A_NOUN_PHRASE)


def gerund_of_time(w: Words, hit: Hit, sent: Span) -> bool:
    """Whether an -ing form after "after", "before", "while", "since" or "upon" is a verb with its object, whose
    subject is its main clause's ("entered the town after killing ten militants", "withdrew after seizing the
    bridge"); not a noun ("after fighting in the town", "since fighting erupted")."""
    i = hit.start
    if i - 1 <= sent.start or not w.lower[i].endswith("ing") or w.lower[i - 1] not in TIME_PREPOSITIONS:
        return False
    return _object_after(w, hit, sent)


def _qualifies(w: Words, i: int, entity_at: dict[int, Span], sent: Span) -> bool:
    """A plain word or a nationality before a noun: "immediate support", "refused French requests", also in a
    headline's capitals ("Egypt Demands Immediate Halt to Israeli Strikes")."""
    if (entity := entity_at.get(i)) is not None:
        return entity.label_ == DEMONYM
    if qualifies(w, i) or w.lower[i] in GRADING_WORDS:
        return True
    # a sentence's capitalised first word ("Heavy fighting erupted"), or a headline's capitals
    return (
        w.title[i]
        and qualifies(w, i, capitalised=True)
        and (i == sent.start or capitalises_most_words(w, sent.start, sent.end))
    )


def _named_words(hit: Hit) -> int:
    """How many of a trigger's words its pattern names rather than leaves to a gap."""
    return sum(part != "~" for part in hit.entry.pattern.split())


# Prepositions a plural act noun takes ("attacks on civilians", "strikes in Gaza"), after which its "-s" is no verb's
NOUN_PREPOSITIONS = frozenset({"on", "against", "by", "of", "in", "at", "upon"})


def _name_inside_a_phrase(w: Words, hit: Hit, entity_at: dict[int, Span], sent: Span) -> bool:
    """Whether a name right before a trigger stands after a preposition or an adjective ("for EU sanctions", "new US
    sanctions"), inside a noun phrase, and so is no subject of a verb after it."""
    name = entity_at.get(hit.start - 1)
    if name is None or name.start <= sent.start:
        return False
    k = name.start - 1
    return w.lower[k] in NOUN_MARKERS or qualifies(w, k)


def _opens_a_clause_as_its_subject(w: Words, hit: Hit, sent: Span) -> bool:
    """Whether a trigger's "-s" form right after "that" takes a preposition, as a noun does: the subject of the
    clause "that" opens ("made it clear that attacks on civilians will not be tolerated"), not its verb."""
    return (
        hit.end - hit.start == 1
        and hit.start > sent.start
        and w.lower[hit.start - 1] == "that"
        and is_s_form(w, hit.start)
        and hit.end < sent.end
        and w.lower[hit.end] in NOUN_PREPOSITIONS
    )


def _ing_form(w: Words, i: int) -> bool:
    """Whether a lower-case word is an "-ing" form, other than "being"."""
    return w.lower[i].endswith("ing") and w.is_lower[i] and w.lower[i] != "being"


def _quoted_after_an_article(w: Words, start: int, sent_start: int) -> bool:
    """Whether a word opens, or follows lower-case words that open, a quotation right after an article or another
    determiner: 'a "military invasion"' quotes a noun phrase."""
    k = start - 1
    while k > sent_start and start - k <= QUOTED_NOUN_WORDS and w.alpha[k] and w.is_lower[k]:
        k -= 1
    if k - 1 < sent_start or w.lower[k] not in QUOTES or w.lower[k - 1] not in DETERMINERS:
        return False
    return w.char_end[k - 1] < w.char_start[k] and w.char_end[k] == w.char_start[k + 1]  # not 'killing "several" and'


def _singular_sector_noun(w: Words, k: int, sectors) -> bool:
    """Whether word k is an actor's noun in the singular ("government", a body's "chief"), not of a manner ("an
    official visit"): a verb after it takes its -s, and a plain form after it is a noun with it ("a government
    ban")."""
    before = w.lower[k]
    singular = before == w.lemma[k] and ((before,) in sectors or before in BODY_HEADS) and before not in PLURAL_NOUNS
    return singular and before not in MANNER_SECTOR_WORDS


def _in_the_object_of_another(w: Words, preposition: int, hit: Hit, others: list[Hit]) -> bool:
    """Whether a preposition ends the object of another trigger verb before it, past a count or plain words only:
    "arrest 20 over", "detained protesters in"."""
    return any(
        other is not hit
        and other.end < preposition
        and all(
            w.num[k] or w.alpha[k] and w.is_lower[k] and w.lower[k] not in CLAUSE_OPENERS and w.lower[k] != "and"
            for k in range(other.end, preposition)
        )
        for other in others
    )


def is_nominal(doc: Doc, hit: Hit, sent: Span, entity_at: dict[int, Span], others: list[Hit]) -> bool:
    """A trigger used as a noun ("the attack", "in protest", "North Korea's demand") names an event, not reports one."""
    if hit.entry.kind == "oblige":
        return False
    w = words(doc)
    means = means_by(w, hit, sent)
    if means and _means_of_an_alleged_act(w, hit, sent, others):
        return True  # "accused Israel of violating the ceasefire by killing three": part of the act alleged
    if _answers_by(w, hit.start) or means or gerund_of_time(w, hit, sent):
        return False  # "responded by breaking off relations": the answer, an act; and the means of one
    if hit.start > sent.start and counts_people_acted_on(w, hit.start - 1, hit.start, sent.end):
        return False  # "2 killed in air raid": what was done to those counted
    if any(other.start == hit.end + 1 and _answers_by(w, other.start) for other in others):
        return True  # "China retaliated by imposing tariffs": the act after "by" is the retaliation
    if _opens_as_gerund(w, hit, sent, others) or _opens_a_clause_as_its_subject(w, hit, sent):
        return True
    if _participle_before_its_noun(w, hit, sent):
        return True  # "a vessel carrying stolen crude oil": what the oil is, no act
    if hit.end + 1 < sent.end and w.alpha[hit.end + 1] and ends_a_hyphened_word(doc, hit.end + 1):
        return True  # "refuse-derived fuel", "protest-hit city": the first half of a hyphened modifier
    if hit.start == sent.start:
        # "Jailed Bahraini activist X began a hunger strike": a past participle that opens the sentence qualifies its
        # subject ("Backed by Iran, the rebels ..." still says who backs them)
        word = w.lower[hit.start]
        if _subject_noun(w, hit, sent):
            return True
        return hit.end - hit.start == 1 and word.endswith("ed") and hit.end < sent.end and w.lower[hit.end] != "by"
    # Up to two plain words may qualify the noun: "condemns air attack", "demanded immediate support".
    ends = {h.end for h in others if h.start < hit.start}
    qualified = hit.start
    while (
        qualified not in ends
        and qualified > max(sent.start, hit.start - 2)
        and _qualifies(w, qualified - 1, entity_at, sent)
    ):
        qualified -= 1
    verb_at = hit.start + _opens_with_an_adverb(w, hit)  # "a teacher sexually abused": the verb's form
    word = w.lower[verb_at]
    if qualified == sent.start and _subject_noun(w, hit, sent):
        return True
    if _quoted_after_an_article(w, hit.start, sent.start):
        return True  # 'what he called a "military invasion"': a noun in quotes, after its article
    if _done_by_a_light_verb(w, qualified, sent):
        return False  # "carried out a string of airstrikes", "engaged in heavy clashes with": the acts reported
    if qualified in ends and (hit.end - hit.start == 1 or is_s_form(w, hit.start)):
        # the object of another trigger ("demanded support", "refused admittance", "ruled out talks with"); a past
        # form after a verb's object is the next verb ("Officials who attacked the plan resigned", "forces backed by
        # airstrikes retook")
        return not is_past_form(w, hit.start)
    before = w.lower[hit.start - 1]
    if _alleged_act(w, hit, sent, others):
        return False  # "accused Russia of shelling Kharkiv": the act alleged, a verb after all
    sectors = lexicon.sectors()
    plural = word.endswith("s") and not word.endswith("ss")
    if (
        plural
        and hit.end < sent.end
        and w.lower[hit.end] in NOUN_PREPOSITIONS
        and _name_inside_a_phrase(w, hit, entity_at, sent)
    ):
        return True  # "pushed for tougher EU sanctions on Belarus": a name inside a phrase qualifies the noun after it
    if plural and qualified == hit.start and (w.lemma[hit.start - 1],) in sectors:
        qualified -= 1  # "a ban on opposition rallies": a sector noun qualifies the plural after it too
        if qualified in ends:
            return True  # "refused opposition demands": the object of the trigger before
    if plural and qualified < hit.start and w.lower[qualified - 1] in NOUN_MARKERS:
        return True  # "amid deadly protests", "after fresh strikes": a plural noun after its preposition and adjectives
    if plural and _counted_out_of(w, qualified, sent):
        return True  # "torched one of the administration blocks": what "one of the" counts is a plural noun
    if plural and w.num[hit.start - 1] and hit.start - 2 >= sent.start and _opens_a_noun_phrase(w, hit.start - 2):
        return True  # "the September 11, 2001 attacks", "in two attacks"; "made 86 arrests" still reports them
    base = word == w.lemma[verb_at] and not word.endswith(("ed", "ing"))
    if (
        base
        and hit.end - hit.start == 1
        and any(_ing_form(w, k) for k in range(max(qualified - 1, sent.start), hit.start))
    ):
        # "dodging arrest", "facing attack", "preparing new attack", "ongoing attack": a plain form right after an
        # -ing verb is its object, and one after the words that qualify it, an -ing word among them, a noun
        return True
    if base and hit.end - hit.start == 1 and (_is_past_verb(w, hit.start - 1) or w.num[hit.start - 1]):
        return True  # "found shell casings", "12 shell casings": no verb follows a past verb or a count unjoined
    if base and qualified < hit.start and w.lower[qualified - 1] in NOUN_MARKERS:
        return True  # "because of swollen shoot disease": a plain form after a preposition and a qualifier is a noun
    if qualified > sent.start and w.lower[qualified - 1] == "any":
        return True  # "a crushing response to any Israeli attack": an attack supposed, none reported
    if (
        before == "-"
        and not is_dash(doc, hit.start - 1)
        or before in NOUN_MARKERS
        and not ends_a_hyphened_word(doc, hit.start - 1)
    ):
        return True
    previous = entity_at.get(hit.start - 1)
    if (w.lemma[hit.start],) in sectors and (
        previous is not None and previous.label_ == DEMONYM or before in MODIFIERS
    ):
        return True  # "Russian forces pushed ... out", "government forces": the actor's own noun, not a verb
    if word.endswith("ing") and hit.entry.kind in GOVERNORS and _plain_before(w, hit.start, sent.start):
        return False  # "issued a statement demanding that ...": a participle after a noun reports the demand
    if word.endswith("ing") and _after_a_statement(w, hit.start, sent.start):
        return False  # "issued a statement on Thursday condemning the strike": what the statement does
    after = w.lower[hit.end] if hit.end < sent.end else ""
    if hit.end - hit.start == 1 and not word.endswith("ed") and (after == "of" or after in AUXILIARIES):
        return True  # "the killing of", "military support was on its way"
    if (
        hit.end - hit.start == 1
        and word.endswith("ing")
        and after in ("that", "which")
        and hit.end + 1 < sent.end
        and w.lower[hit.end + 1] in AUXILIARIES
    ):
        return True  # "to end fighting that has killed thousands": the antecedent of a relative clause is a noun
    if modifies_the_actor_after(w, hit, sent):
        return True
    opening = before in NOUN_MARKERS or before in DETERMINERS or before == ","  # not "to" of an infinitive
    if base and hit.end < sent.end and (w.lemma[hit.end],) in sectors and opening:
        return True  # ", rescue workers said", "the aid workers": a plain form opening a phrase qualifies the noun
    if word.endswith("s") and hit.end < sent.end and lexicon.cues().get((w.lemma[hit.end],)) in ("aspect", "say"):
        return True  # "shells continued crashing", "trading was thin, brokers said": a plural noun before its verb
    if plural and hit.end < sent.end and _verb_of_state(w, hit.end):
        return True  # "as long as US sanctions remain": a plural noun before an auxiliary or a verb of state
    if plural and hit.end < sent.end and _verb_in_the_plural(w, hit.end):
        return True  # "Kenya protests escalate", "Kenya protests turn deadly": a plural noun before its verb
    if (
        plural
        and _plain_before(w, hit.start, sent.start)
        and w.lower[hit.start - 1] not in HARMFUL_NOUNS
        and not _singular_sector_noun(w, hit.start - 1, sectors)
    ):
        # "aid pledges": a plural noun, not a verb with its subject ("Israeli strike kills", "UN chief calls for"
        # are one: an actor's singular noun has an -s verb after it)
        return True
    if is_past_form(w, verb_at):
        # A past form is a verb, or an adjective after "the" or a count ("the occupied West Bank", "30 kidnapped
        # schoolgirls"), also past an adverb of its own ("Azerbaijan's internationally recognised borders").
        j = verb_at - 1
        while j > sent.start and w.lower[j].endswith("ly") and w.is_lower[j]:
            j -= 1
        graded = j < verb_at - 1 and (w.lower[j] in DETERMINERS or w.lower[j] in POSSESSIVE_MARKS)
        # a number after "on" is a date ("gunmen on 27/06 attacked"), not a count
        counted = w.num[j] and not (j - 1 >= sent.start and w.lower[j - 1] == "on")
        # no verb's form other than its plain one follows a preposition: "cut power to occupied areas" (but the
        # "in" of "Moon Jae-in urged" ends a name)
        after_a_preposition = j == verb_at - 1 and w.lower[j] in PREPOSITIONS and word != w.lemma[verb_at]
        after_a_preposition = after_a_preposition and not ends_a_hyphened_word(doc, j)
        return w.lower[j] in DETERMINERS or counted or graded or after_a_preposition
    singular_noun = _singular_sector_noun(w, hit.start - 1, sectors)
    if singular_noun and word == w.lemma[verb_at] and word not in UNCHANGED_PAST and not _object_after(w, hit, sent):
        # "the drone attack", "a government ban": a singular noun before a verb's plain form would need its -s, so
        # the two are one noun ("the rebels attack" and "police attack" are a subject and its verb), unless an
        # object follows, as a collective noun's verb has one in a headline ("Abala militia attack the village")
        return True
    j, named, possessive, plain, any_name = hit.start - 1, False, False, 0, False
    # "Russia's Gazprom cut supplies": a name the lexicon does not know, after a possessive, is the verb's subject
    verb_form = word.endswith("ed") or word in UNCHANGED_PAST
    while j >= sent.start:
        token = doc[j]
        entity = entity_at.get(j)
        any_name = any_name or entity is not None
        if entity is not None:
            named = named or entity.label_ in (ROLE, ACTOR)
        elif (token.lemma_,) in sectors and token.lower_ not in MANNER_SECTOR_WORDS:
            named = named or not possessive
        elif token.lower_ in POSSESSIVE_MARKS or _closes_a_plural_possessive(w, j, sent.start):
            possessive = not named
        elif verb_form and token.is_title and j > sent.start:
            named = True
        elif lexicon.cues().get((token.lemma_,)) == "aspect":
            break  # "their families began leaving": the "-ing" form after "begin" or "keep" is its verb's
        elif token.is_alpha and token.is_lower and token.lower_ not in STOP_WORDS and plain < 3:
            plain += 1  # an adjective or noun modifier ("a fresh offer", "the final status talks")
        elif not (token.lower_ in MODIFIERS or token.like_num or token.is_title):
            break
        elif token.lower_ in DETERMINERS and not any_name:
            break  # "A car bomb killed": a sentence's capitalised determiner opens a phrase of common nouns
        j -= 1
    if possessive:
        return True
    opener = w.lower[j] if j >= sent.start else ""
    name_before = entity_at.get(hit.start - 1)
    if plural and opener in DETERMINERS and name_before is not None and not w.lower[hit.start - 1].endswith("s"):
        return True  # "defended the Houthi attacks on shipping": a name in the singular qualifies the plural noun
    place = name_before
    after_place = place is not None and place.label_ in PLACES and place.start > sent.start
    # (an -s form there is a verb when a count or an article opens its object: "Russian strike on Kyiv kills five")
    counted = word.endswith("s") and hit.end < sent.end and (w.num[hit.end] or after in DETERMINERS)
    if after_place and w.lower[place.start - 1] in PREPOSITIONS and (not word.endswith(("ing", "s")) or counted):
        # "settlers in Hebron set fire", "workers at the dam near Keetmanshoop go on strike": the verb after the place
        # that closes its subject's phrase; not in another verb's object ("arrest 20 over Lagos protest")
        return _in_the_object_of_another(w, place.start - 1, hit, others)
    if word.endswith("ing") and opener in NOUN_MARKERS:
        return True  # "killed in Israeli tank shelling": after a preposition, a gerund is a noun whoever is named
    verb = j - 2 if j - 1 > sent.start and w.lower[j - 1] in LIGHT_VERB_PARTICLES else j - 1
    if opener in DETERMINERS and verb >= sent.start and w.lemma[verb] in LIGHT_VERBS:
        # "began a hunger strike", "staged a protest", "kicked off a visit"; but "called the sanctions a crime"
        # names them
        return w.lemma[verb] == "call" and hit.end < sent.end and w.lower[hit.end] in INDEFINITE_ARTICLES
    # "a protester throws a petrol bomb", "a mob beat a man", "a mob beat four men": the article opens the subject
    # named before a verb (an -s form, or a past like its base) and the verb's object, which a count may open
    opens_an_object = after in DETERMINERS or after in POSSESSIVES or hit.end < sent.end and w.num[hit.end]
    with_object = hit.end - hit.start > 1 or opens_an_object
    verb_before_object = named and (plural or word in UNCHANGED_PAST) and with_object
    if opener in NONSPECIFIC and not verb_before_object:
        return True
    if word in UNCHANGED_PAST and hit.end - hit.start > 1:
        return False  # "The US cut funding to ...": a past verb with the object its pattern names
    return not named and (opener in DETERMINERS or opener in NOUN_MARKERS)


def modifies_the_actor_after(w: Words, hit: Hit, sent: Span) -> bool:
    """Whether a trigger word qualifies the actor noun after it: "riot police", "protest leaders"."""
    after = w.lemma[hit.end] if hit.end < sent.end else ""
    return w.lower[hit.start] in MODIFIERS and (after,) in lexicon.sectors()


def _done_by_a_light_verb(w: Words, noun: int, sent: Span) -> bool:
    """Whether an act noun and its qualifiers, from `noun`, are the object of a light verb through a count of its
    repeats ("launched a wave of", "carried out a series of") or are engaged in ("engaged in clashes with")."""
    k = noun - 1
    if k - 1 > sent.start and w.lower[k] == "in" and w.lemma[k - 1] == "engage":
        return True
    if not (k - 2 >= sent.start and w.lower[k] == "of" and w.lower[k - 1] in SERIES):
        return False
    k -= 2
    if w.lower[k] not in DETERMINERS and w.is_lower[k] and k - 1 >= sent.start:
        k -= 1  # "a fresh wave of"
    if w.lower[k] not in DETERMINERS:
        return False
    verb = k - 2 if k - 1 > sent.start and w.lower[k - 1] in LIGHT_VERB_PARTICLES else k - 1
    return verb >= sent.start and w.lemma[verb] in LIGHT_VERBS


def _means_of_an_alleged_act(w: Words, hit: Hit, sent: Span, others: list[Hit]) -> bool:
    """Whether an "-ing" form after "by" is the means of the act an accusation alleges, past that act's object
    ("accused Israel of violating the ceasefire by killing three Palestinians"): told as that act is, not by the
    accuser."""
    by = hit.start - 1
    return any(
        0 <= by - act.end <= MEANS_OBJECT_WORDS
        and all(w.alpha[k] and w.lower[k] not in CLAUSE_OPENERS for k in range(act.end, by))
        and _alleged_act(w, act, sent, others)
        for act in others
    )


def _alleged_act(w: Words, hit: Hit, sent: Span, others: list[Hit]) -> bool:
    """Whether a gerund is the act an accusation alleges: "accused Russia of shelling", "blamed Kyiv for attacking"."""
    of = hit.start - 1
    while of > sent.start and w.lower[of].endswith("ly"):
        of -= 1  # "accused the rebels of summarily executing civilians"
    if w.lower[of] not in ("of", "for") or not w.lower[hit.start].endswith("ing"):
        return False
    return any(o.entry.kind == "accuse" and complement_at(w, o, sent.end) == of for o in others)


def _is_past_verb(w: Words, i: int) -> bool:
    """Whether a word is a past verb in "-ed", which a plain form cannot follow as a verb of its own ("raised
    pressure"). A form the lemmatizer maps elsewhere may be a plural ("children protest", "gunmen attack"), and "did"
    or a modal takes a plain form as its verb ("did attack", "we'll shoot")."""
    return w.alpha[i] and w.is_lower[i] and w.lower[i].endswith("ed") and not w.num[i]


def _participle_before_its_noun(w: Words, hit: Hit, sent: Span) -> bool:
    """Whether a trigger of one word is a past participle in "-en", which no simple past shares, that no auxiliary
    governs and that stands before a plain noun ("carrying stolen crude oil"): an adjective."""
    i, after = hit.start, hit.end
    if after - i != 1 or i == sent.start or after >= sent.end:
        return False
    word, before = w.lower[i], w.lower[i - 1]
    if not word.endswith("en") or word == w.lemma[i] or not is_past_form(w, i):
        return False
    if before in AUXILIARIES or before in BE_FORMS or w.lemma[i - 1] in ("have", "get"):
        return False
    return (
        w.alpha[after] and w.is_lower[after] and w.lower[after] not in STOP_WORDS and w.lower[after] not in PREPOSITIONS
    )


def _opens_with_an_adverb(w: Words, hit: Hit) -> bool:
    """Whether a trigger of several words opens with an adverb of manner ("sexually assaulted"), before its verb."""
    return hit.end - hit.start > 1 and w.alpha[hit.start] and w.lower[hit.start].endswith("ly")


def _object_after(w: Words, hit: Hit, sent: Span) -> bool:
    """Whether a noun phrase opens right after a trigger's verb, as a verb's object does and a noun's complement does
    not ("attack the village", "attack Tur", not "attack on", "attack that killed"); a gapped trigger holds its object
    ("seizing the northern town")."""
    j = hit.start + head_length(hit)
    return j < sent.end and (w.lower[j] in ARTICLES or w.name_word[j] or w.num[j])


def _opens_a_noun_phrase(w: Words, i: int) -> bool:
    """Whether a word is one after which a noun phrase starts: a determiner, a preposition or a comma."""
    return w.lower[i] in NOUN_MARKERS or w.lower[i] in PREPOSITIONS or w.lower[i] == ","


def ends_a_hyphened_word(doc: Doc, i: int) -> bool:
    """Whether the token at i closes a hyphened word, as the "in" of "Moon Jae-in" does: no preposition then."""
    w = words(doc)
    return i >= 2 and w.lower[i - 1] == "-" and not w.spaced[i - 1] and not w.spaced[i - 2]


def _opens_as_gerund(w: Words, hit: Hit, sent: Span, others: list[Hit]) -> bool:
    """A gerund that opens the sentence, after at most one adjective, with its doer, its sides or its verb after it,
    is the subject's noun ("Heavy shelling by Russian forces killed three", "Shelling killed five"); a participle
    that opens a clause takes its object instead ("Attacking the base at dawn, the rebels ...")."""
    if hit.end - hit.start > 1 or hit.start - sent.start > 1 or hit.end >= sent.end:
        return False
    if not w.lower[hit.start].endswith("ing") or not all(w.alpha[i] for i in range(sent.start, hit.start)):
        return False
    return w.lower[hit.end] in GERUND_DOERS or any(h.start == hit.end for h in others)


def names_a_move(w, k: int) -> bool:
    """Whether the word at k is "a move" (or "the step", "a decision") that stands for the main clause's act."""
    return k > 0 and w.lower[k] in MOVE_NOUNS and w.lower[k - 1] in ("a", "the")


def _after_a_move_and_its_subject(w, verb: int, sent: Span) -> bool:
    """Whether a verb follows "a move" and a subject of a few words: "a move Armenian officials welcomed"."""
    for k in range(verb - 1, max(sent.start + 1, verb - MOVE_SUBJECT_WORDS - 1), -1):
        if w.lower[k] in MOVE_NOUNS:
            return k < verb - 1 and names_a_move(w, k)
        if not w.alpha[k]:
            return False
    return False


def modifies_noun(doc: Doc, hit: Hit, sent: Span, hits: list[Hit]) -> bool:
    """A past participle right after a noun, when another trigger is its clause's verb, modifies that noun: "released
    a member of Hamas jailed a year ago", "The civilians imprisoned for ... were released". It says who the noun is,
    not what happened."""
    w = words(doc)
    i = hit.start
    word = w.lower[i]
    if i == sent.start or word.endswith(("s", "ing")) or not (word.endswith("ed") or w.lemma[i] != word):
        return False
    if closes_a_tail(w, hit, sent):
        return False  # ", the minister warned.": the verb of an attribution tail
    before = w.lower[i - 1]
    if not w.alpha[i - 1] or before in STOP_WORDS or before in CALENDAR or before in CLAUSE_OPENERS:
        return False
    if before.endswith("ly") or before in AUXILIARIES or (w.lemma[i - 1],) in lexicon.cues():
        return False
    if _after_a_move_and_its_subject(w, i, sent):
        return False  # "a move Seoul denounced as retaliation": a clause with its own subject and verb
    for other in hits:
        # the object of an earlier verb ("issued warrants for two men sought in a killing"), unless that verb is a
        # relative clause's and this one the main verb ("Officials who attacked the plan resigned")
        in_relative = any(w.lower[k] in RELATIVES for k in range(max(sent.start, other.start - 3), other.start))
        # a participle that opens the sentence opens a clause that ends at its comma ("Attacking the base at dawn,
        # the rebels killed ten soldiers"), or with no comma qualifies the subject ("Opposing groups clashed"):
        # either way no main verb of its own
        opening = opens_the_main_clause(w, sent, other.start) and w.lower[other.start].endswith("ing")
        reduced = _agent_follows(w, other)  # "forces backed by US airstrikes retook": no verb of their clause
        # "EU leaders meeting at a summit called on Russia": an -ing form right after a noun qualifies it, and is no
        # clause's verb
        before_other = w.lower[other.start - 1] if other.start > sent.start else ""
        participle = (
            w.lower[other.start].endswith("ing")
            and w.alpha[other.start - 1]
            and before_other not in STOP_WORDS
            and before_other not in AUXILIARIES
            and before_other not in BE_FORMS
        )
        if (
            other.end <= i
            and not participle
            and not in_relative
            and not opening
            and not reduced
            and not clause_break(w, other.end, i)
            and not _closes_a_fronted_clause(w, sent, other, i)
        ):
            return True
        if other.start >= hit.end and not clause_break(w, hit.end, other.start):
            if _agent_follows(w, hit):
                return True  # "Somali forces backed by US airstrikes retook the town": the later verb is the main one
            # the subject of a later verb, after its auxiliary: "the civilians imprisoned ... were released"
            j = other.start - 1
            while j > hit.end and (w.lower[j].endswith("ly") or w.lower[j] in ADVERBIAL_SKIP):
                j -= 1
            return w.lower[j] in AUXILIARIES or w.lower[j] in BE_FORMS
    return False


def opens_the_main_clause(w: Words, sent: Span, i: int) -> bool:
    """Whether a word opens the sentence, or its main clause right after the comma that ends a fronted phrase or
    clause ("After the election, opposing groups clashed")."""
    if i == sent.start:
        return True
    if w.lower[i - 1] != "," or w.lower[sent.start] not in SUBORDINATORS and w.lower[sent.start] not in PREPOSITIONS:
        return False
    return "," not in w.lower[sent.start : i - 1]


def _closes_a_fronted_clause(w: Words, sent: Span, other: Hit, i: int) -> bool:
    """Whether a verb stands in a clause that opens the sentence with a subordinator and ends at a comma before the
    word at i ("Hours after Iran launched missiles at Israel, the Israeli military struck"): the main clause, with
    its own verb, begins after that comma."""
    comma = next((k for k in range(other.end, i) if w.lower[k] == ","), None)
    if comma is None:
        return False
    opener = next((k for k in range(other.start - 1, sent.start - 1, -1) if w.lower[k] in SUBORDINATORS), None)
    return opener is not None and "," not in w.lower[opener : other.start]


def _agent_follows(w: Words, hit: Hit) -> bool:
    """Whether a past participle after a noun has its agent right after it ("forces backed by the US"): a reduced
    relative clause, which names who the noun is."""
    word, i = w.lower[hit.start], hit.start
    past = word.endswith("ed") or w.lemma[i] != word and not word.endswith(("s", "ing"))
    after_noun = i > 0 and w.alpha[i - 1] and w.lower[i - 1] not in AUXILIARIES and w.lower[i - 1] not in BE_FORMS
    return past and after_noun and hit.end < len(w.lower) and w.lower[hit.end] == "by"


def _verb_in_the_plural(w: Words, i: int) -> bool:
    """Whether the word at i is a verb in its plain form that no noun or adjective shares ("escalate", "erupt"), or
    a linking verb before what its subject became ("turn deadly"): after a word in "-s" it agrees with that word as
    its plural subject, where the word read as a verb would have a noun for its object."""
    if not (w.alpha[i] and w.is_lower[i]) or w.lower[i] != w.lemma[i]:
        return False
    linking = w.lower[i] in LINKING_VERBS and i + 1 < len(w.lower) and w.is_lower[i + 1]
    return linking or w.lower[i] in only_verbs()


def _verb_of_state(w: Words, i: int) -> bool:
    """Whether the word at i is an auxiliary or "remain": a verb in "-s" is never followed by one."""
    return w.lower[i] in AUXILIARIES or w.lower[i] in BE_FORMS or w.lemma[i] == "remain"


def move_of_a_market(doc: Doc, hit: Hit, sent: Span) -> bool:
    """A verb right after a price, a rate, a currency or a market, past the auxiliaries and adverbs between, is the
    market's move: "Russian stocks rallied", "deposit rates eased", "the index has sharply shot up". A currency's name
    that is also a word ("won support") moves only by rallying; and a market after a preposition other than "of" is
    the object of a phrase, not the verb's subject ("Farmers angry at the ban on exports clashed with police")."""
    w = words(doc)
    k = hit.start - 1
    while k > sent.start and (w.lower[k] in AUXILIARIES or w.lower[k] in MARKET_VERB_SKIPS or _is_adverb(w, k)):
        k -= 1
    before = w.lower[k] if k >= sent.start else ""
    if k > sent.start and w.lower[k - 1] in PREPOSITIONS and w.lower[k - 1] != "of":
        return False
    return before in MARKET_NOUNS and (hit.entry.type == "PROTEST" or before not in CURRENCY_HOMONYMS)


def _is_adverb(w: Words, k: int) -> bool:
    return w.is_lower[k] and w.lower[k].endswith("ly") and len(w.lower[k]) > 4


def clause_break(w, start: int, end: int) -> bool:
    """Whether a clause ends or begins among tokens [start, end); a comma before an apposition ("the mayor, a member
    of Hamas") does not end one."""
    cues = lexicon.cues()
    return any(
        w.lower[k] in CLAUSE_BREAKS
        or w.lower[k] in SUBORDINATORS
        or w.lower[k] in RELATIVES
        or (w.lower[k] == "," and w.lower[k + 1] not in APPOSITION_OPENERS)
        or cues.get((w.lemma[k],)) == "say"
        for k in range(start, end)
    )


def head_length(hit: Hit) -> int:
    """Tokens of a trigger before its first gap: all of it when it has none."""
    if "~" not in hit.entry.pattern:
        return hit.end - hit.start
    return len(hit.entry.pattern.split("~")[0].split())


def _after_a_statement(w, i: int, sent_start: int) -> bool:
    """Whether a word follows a statement noun, past a time it was issued ("a statement on Thursday"), that the
    clause issues ("issued a joint statement", not "vetoed a resolution")."""
    j = i - 1
    while j > sent_start and (w.lower[j] in CALENDAR or w.lower[j] in ("on", "late", "early", "last", "this")):
        j -= 1
    if j <= sent_start or w.lower[j] not in STATEMENT_NOUNS:
        return False
    return any(w.lemma[k] in STATEMENT_VERBS for k in range(max(sent_start, j - STATEMENT_VERB_REACH), j))


def _closes_a_plural_possessive(w, i: int, sent_start: int) -> bool:
    """Whether an apostrophe closes a plural's possessive ("the unions' demand")."""
    return w.lower[i] in ("'", "’") and i > sent_start and w.lower[i - 1].endswith("s") and w.alpha[i - 1]


def _plain_before(w, i: int, sent_start: int) -> bool:
    """Whether the word before i is a lower-case content word that cannot be a verb's subject."""
    if i == sent_start:
        return False
    return qualifies(w, i - 1) and not w.lower[i - 1].endswith("ly") and (w.lemma[i - 1],) not in lexicon.cues()


def closes_a_tail(w: Words, hit: Hit, sent: Span) -> bool:
    """Whether a verb closes the sentence after a comma not far before it: ", the minister warned."."""
    closes = hit.end == sent.end or w.lower[hit.end] in TERMINALS
    return closes and tail_comma(w, hit.start, sent.start) is not None


def tail_comma(w: Words, verb: int, sent_start: int) -> int | None:
    """The comma that opens the attribution tail a reporting verb ends (", a Jordanian official said"), if any."""
    j = verb - 1
    while j > sent_start and w.lower[j] != "," and verb - j < ATTRIBUTION_REACH:
        j -= 1
    return j if w.lower[j] == "," else None


def complement_at(w: Words, hit: Hit, sent_end: int) -> int | None:
    """Where the clause a governing verb governs opens: its "to" or "that", or an accusation's "of" or "for", within
    a few words and before any punctuation or subordinate clause."""
    kind = hit.entry.kind
    limit = min(sent_end, hit.end + (10 if kind in ("request", "accuse") else 3))
    for j in range(hit.end, limit):
        lower = w.lower[j]
        if lower in ("to", "that") or kind == "accuse" and lower in ("of", "for"):
            return j
        if lower in (",", ";", ".") or lower in SUBORDINATORS:
            return None
    return None
