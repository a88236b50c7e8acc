"""The spaCy frame: a blank English pipeline with a sentence splitter, a lookup lemmatizer and actor/place rules."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import compress, pairwise
from operator import attrgetter
from typing import NamedTuple

import numpy
import spacy
from spacy.attrs import IDX, LEMMA, LENGTH, ORTH, SENT_START, SPACY
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.lookups import load_lookups
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from wordfreq import zipf_frequency

from services.extract import lexicon
from services.extract.spelling import MIN_LETTERS, NearNames
from services.extract.tokenizer import CachedTokenizer

# Entity labels, strongest first: a name in two dictionaries takes the first label that has it.
ROLE, ACTOR, COUNTRY, DEMONYM, CAPITAL, CITY = "ROLE", "ACTOR", "COUNTRY", "DEMONYM", "CAPITAL", "CITY"
# A small town's or a province's name in the ruler's patterns: kept, as a city is, only where a preposition of place
# or a verb of force on a place names it
MINOR_PLACE = "MINOR_PLACE"
TOWN_MAX_ZIPF = 3.5  # about once in 300,000 words of English: "Palmer" and "Jericho" are on either side
PROVINCE_NOUNS = frozenset({"state", "province", "region", "district", "county", "governorate", "prefecture"})
# The nouns a town's or a province's name may carry before the comma that names what holds it ("Nyanza region, Kenya")
TOWN_NOUNS = PROVINCE_NOUNS | {"town", "city", "village", "area", "locality", "camp"}
# Points of the compass before a place name ("in south Lebanon", "in northern Iraq") keep its preposition.
COMPASS = lexicon.word_set("compass")
MAX_TOWN_WORDS = 3  # the words of a town name the gazetteer does not hold, read before its comma
TOWN_PREPOSITIONS = frozenset(
    {"in", "at", "near", "outside", "around", "from", "to", "into", "across", "between"}
    # "west of Beledweyne": a compass point, then "of"
    | {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
)
# Verbs of force whose object is a place (CAMEO's 19 attack, besiege, occupy): a small town may be named right after
# them too ("militants attacked Kidal", "the army retook the town of Palmyra")
TOWN_VERBS = frozenset(
    {"attacked", "attacking", "shelled", "shelling", "bombed", "bombing", "bombarded", "bombarding", "raided"}
    | {"raiding", "stormed", "storming", "besieged", "besieging", "captured", "capturing", "recaptured"}
    | {"recapturing", "seized", "seizing", "retook", "retaken", "retaking", "overran", "overrun", "overrunning"}
    | {"occupied", "occupying", "invaded", "invading", "liberated", "liberating"}
)
TOWN_MODIFIERS = frozenset(
    {"town", "city", "village", "district", "area", "north", "south", "east", "west", "northern", "southern"}
    | {"eastern", "western", "central", "nearby", "neighbouring", "neighboring"}
)
BEFORE_A_TOWN = TOWN_MODIFIERS | {"the", "of"}  # "near the town of Djenne"
TERMINALS = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
CLOSERS = frozenset({'"', "'", "”", "’", ")", "]", "»"})
# News sentences run to about 100 tokens at most; the coder's work on one grows with the square of its length.
MAX_SENTENCE_TOKENS = 250
# A verb's object ends at a clause's edge: punctuation, or a conjunction that opens a clause ("halt aid if the
# fighting continues", "released the footage when officers found her"); not "after", "before", "since" or "as",
# which are prepositions as often. A negation between the parts denies what they name: "found him not guilty",
# "held no talks", "announced that they would not be extending the cease-fire".
GAP_STOPS = frozenset(
    {",", ";", ":", "(", ")", "if", "unless", "because", "although", "though", "whereas", "whether", "when", "while"}
    | {"where", "not", "n't", "no", "never"}
)
NAMES = frozenset({ROLE, ACTOR, COUNTRY})
PLACES_IN_DATELINES = frozenset({CITY, CAPITAL, COUNTRY})
# A wire dateline opens a line with its place in capitals: "NAIROBI, June 25 (Reuters) -", "ADDIS ABABA (AP) —"
DATELINE_WORDS = 3  # "ADDIS ABABA", "RIO DE JANEIRO"
DATELINE_ENDS = frozenset({",", "(", "-", "—", "–"})
DATELINE = "dateline"  # the span group of a document's datelines
# The user data key of the tokens' word form ids, which the name ruler reads and leaves for the lemmatizer after it
ORTH_IDS = "orth_ids"
MAX_GAP = 7  # words allowed between the parts of a pattern: "gave the Ivory Coast 5.1 million dollars of aid"
BE_FORMS = lexicon.word_set("be_forms")
GEOGRAPHIC_FEATURES = lexicon.word_set("geographic_features")
GIVEN_NAME_COUNTRIES = lexicon.word_set("given_name_countries")
NAME_PARTICLES = lexicon.word_set("name_particles")
# Capitalised words before a surname that are no given name: titles of courtesy and the modifiers of actor phrases
HONORIFICS = lexicon.word_set("honorifics")
NOT_GIVEN_NAMES = HONORIFICS | lexicon.word_set("modifiers")
NAME_CONTEXT = 8  # tokens either side of a name read to tell running text from a headline
# Words that open a place's name before a city's ("Greater Manchester", "Fort Jackson", "San Jose", "Old Delhi")
PLACE_NAME_OPENERS = lexicon.word_set("compass") | {
    *("greater", "downtown", "metropolitan", "metro", "old", "new", "upper", "lower", "inner", "outer"),
    *("fort", "port", "lake", "mount", "cape", "saint", "st", "san", "santa", "sao", "são", "el", "al", "la", "le"),
}
CALENDAR = lexicon.word_set("calendar")
# Words of a time that may open a sentence before a place's name
TIMES = CALENDAR | {"yesterday", "today", "tonight", "tomorrow", "earlier", "later", "overnight", "meanwhile"}
# A misspelling is rare in English text: under this Zipf frequency (log10 of uses per billion words), where
# "Ethopia" is 1.1 and "Mitterand" 1.5, and surnames one letter off a known name are 2.5 and up ("Brittain",
# "Hollande", "Germain").
MISSPELLING_ZIPF = 2.3
MISSPELLING_CACHE = 50_000  # words: a worker reads the same names article after article
WORD_FORM_CACHE = 100_000  # word forms whose attributes the name ruler keeps (a news vocabulary is about as large)
# How many coordinated names may stand between a name and the feature they share
FEATURE_REACH = 8
# The words before "American" that name a part of the continent, not the United States
PARTS_OF_THE_AMERICAS = frozenset({"latin", "central", "south", "north", "meso"})
# The most letters of an Arabic name's article before its hyphen ("Al-Arish", "El-Fasher", "Ash-Shihr")
ARTICLE_LETTERS = 3
# Capitalised nouns that make a town's name a street's or a park's: "Auckland Park", "London Road"
STREET_NOUNS = frozenset({"Park", "Street", "Road", "Avenue", "Square", "Lane", "Drive", "Boulevard"})
PLACE_TOKEN = "@place"  # in a trigger pattern, any name of a country, a capital or a city
NUMBER_TOKEN = "@number"  # in a trigger pattern, any number written in digits ("3" of a score "3-1")
NO_EVENT = "none"  # the kind of a trigger reading that names no event
ACT = "act"  # the kind of a trigger that is the event itself
# A reading by the verb's object ends at a preposition: "attacked targets under a plan" has no object "plan"; and at
# a form of "be", past which the word is another clause's verb ("Fighting was reported" fights no report).
OBJECT_STOPS = GAP_STOPS | (lexicon.word_set("prepositions") - {"of"}) | BE_FORMS
# A modal opens a verb phrase of its own: "announced it would prohibit all aid" announces no aid.
MODALS = frozenset({"will", "would", "shall", "should", "can", "could", "may", "might", "must", "'ll", "'d"})
# Nor is an act's object past "from", which names where or whom something came from: "received a phone call from
# the Saudi king" does not receive the king.
# Nor past a preposition of place, direction or time, which opens a phrase of its own: "sending refugees fleeing
# towards the peacekeepers' base" sends no peacekeepers, "restore the ceasefire along the Line of Control" restores
# no control; nor past "under", which names the terms an act was done on ("withdrew from Bunagana under a regional
# deal" withdraws from no deal).
PHRASE_PREPOSITIONS = frozenset(
    {"towards", "toward", "into", "onto", "across", "through", "near", "around", "during", "since", "until"}
    | {"despite", "among", "behind", "beyond", "inside", "outside", "after", "before", "under", "along", "amid"}
    | {"amidst", "throughout", "beside", "alongside"}
)
ACT_STOPS = GAP_STOPS | {"from"} | MODALS | PHRASE_PREPOSITIONS


@Language.factory("newsflow_lemmatizer")
def make_lemmatizer(nlp: Language, name: str):
    """A lookup lemmatizer on lower-cased forms, so that headline case ("Withdraws") lemmatises too.

    It also keeps the per-token attributes the coder reads as plain lists (`words`), in the same pass.
    """
    table = _english_lemmas()
    strings = nlp.vocab.strings
    # Keyed by the hash of the lower-case form, valued by the lemma's hash and text: no string work per token.
    by_lower = {key: (strings.add(table[key]), table[key]) for key in table}
    lemmas = {table[key].lower() for key in table}
    nouns = lexicon.one_word_sector_nouns()
    by_first = trigger_index()
    # (compared as ids: a Span's `label_` looks its string up at each read)
    place_labels = frozenset(strings.add(label) for label in (COUNTRY, CAPITAL, CITY))

    seen: dict[int, tuple] = {}  # by word form: what the loop needs about it, worked out once per process

    def describe(orth: int) -> tuple:
        lexeme = nlp.vocab[orth]
        # A typographic apostrophe is read as a plain one: "doesn’t" is negated as "doesn't" is.
        lower = lexeme.lower_.replace("’", "'")
        lemma_hash, lemma = by_lower.get(lexeme.lower, (lexeme.lower, lower))
        if lemma == lower and lower.endswith(("ing", "ed")):
            # The table keeps some participles as adjectives ("demanding"); take the verb when it knows one.
            stem = lower[:-3] if lower.endswith("ing") else lower[:-2]
            for candidate in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else None):
                # A stem of two letters is no verb: "king" is not "k" + "ing".
                if candidate and len(candidate) > 2 and candidate in lemmas:
                    lemma_hash, lemma = strings.add(candidate), candidate
                    break
        elif lemma == lower and lower.endswith("s") and not lower.endswith("ss") and lower[:-1] in nouns:
            # A plural the table lacks ("warplanes", "peacekeepers") of a noun the lexicons know.
            lemma_hash, lemma = strings.add(lower[:-1]), lower[:-1]
        elif lemma == lower and lower.endswith("ies") and lower[:-3] + "y" in nouns:
            # ... in "-ies" ("paramilitaries": "paramilitary")
            lemma_hash, lemma = strings.add(lower[:-3] + "y"), lower[:-3] + "y"
        elif lower.endswith("ves") and lemma not in nouns and (singular := _f_singular(lower, nouns)) is not None:
            # ... or one the table reads as a verb's -s form ("thieves": "thieve"), of a noun in "-f" it knows
            lemma_hash, lemma = strings.add(singular), singular
        # a full stop, or a line break: a headline or a caption has no full stop but is a sentence of its own
        ends_a_sentence = lower in TERMINALS or lexeme.is_space and "\n" in lexeme.orth_
        acronym = lexeme.is_upper and lexeme.is_alpha and len(lower) > 1
        name_word = (
            (lexeme.is_title or acronym) and lexeme.is_alpha and lower not in STOP_WORDS and lower not in CALENDAR
        )
        # (a hyphen that `_read_spaced_hyphens_as_dashes` later reads as a dash opens none, nor does the dash)
        patterns_opened = (*by_first.get(lemma.lower(), ()), *by_first.get("=" + lower, ()))
        return (
            lemma_hash,
            lower,
            lemma.lower(),
            lexeme.is_title,
            acronym,
            lexeme.like_num,
            lexeme.is_alpha,
            lexeme.is_lower,
            name_word,
            lexeme.is_space,
            ends_a_sentence,
            patterns_opened,
        )

    def lemmatize(doc: Doc) -> Doc:
        # Word forms come from their ids, not from Token objects: building one per token is the costly part.
        orths = doc.user_data.pop(ORTH_IDS)
        infos = [seen.get(orth) or seen.setdefault(orth, describe(orth)) for orth in orths]
        w = Words()
        doc.user_data["words"] = w
        if not infos:
            return doc
        # One list per attribute: the forms' tuples transposed at once by `zip`, not read column by column
        columns = map(list, zip(*infos, strict=True))
        (
            lemma_ids,
            w.lower,
            w.lemma,
            w.title,
            w.acronym,
            w.num,
            w.alpha,
            w.is_lower,
            w.name_word,
            spaces,
            ends,
            w.patterns_opened,
        ) = columns
        w.places = frozenset(e.start for e in doc_entities(doc) if e.label in place_labels)
        offsets = doc.to_array([IDX, LENGTH, SPACY])  # (one call: each costs more than the columns it reads)
        w.char_start, w.char_end = offsets[:, 0].tolist(), (offsets[:, 0] + offsets[:, 1]).tolist()
        w.spaced = offsets[:, 2].astype(bool).tolist()
        if "-" in w.lower:
            _read_spaced_hyphens_as_dashes(doc, w, list(compress(range(len(w.lower)), map("-".__eq__, w.lower))))
        w.sentence_starts = _sentence_starts(w.lower, spaces, ends)
        starts = numpy.full(len(infos), -1, dtype="int64")
        starts[w.sentence_starts] = 1
        # One bulk write: setting Token.is_sent_start re-checks the whole document on every call.
        values = numpy.column_stack([numpy.array(lemma_ids, dtype="uint64"), starts.astype("uint64")])
        doc.from_array([LEMMA, SENT_START], values)
        return doc

    return lemmatize


def _f_singular(plural: str, nouns: frozenset[str]) -> str | None:
    """The noun in "-f" or "-fe" that a plural in "-ves" is of, if the lexicons know it ("thieves": "thief")."""
    stem = plural[: -len("ves")]
    return next((noun for noun in (stem + "f", stem + "fe") if noun in nouns), None)


def _sentence_starts(lower: list[str], spaces: list[bool], ends: list[bool]) -> list[int]:
    """Where sentences start: at the first word after each end (terminal punctuation or a line break), past spaces
    and closing quotes. A run past MAX_SENTENCE_TOKENS with no end is no sentence (a list or a dump with no stops),
    and is cut at its next word, so no text costs the coder more than its length."""
    # Only the ends are visited: walking every word to carry the state between them costs more.
    natural = {0}
    for end in compress(range(len(lower)), ends):
        start = end + 1
        while start < len(lower) and (spaces[start] or lower[start] in CLOSERS):
            start += 1
        natural.add(start)
    natural.discard(len(lower))
    starts = []
    for start, following in pairwise([*sorted(natural), len(lower)]):
        starts.append(start)
        cut = start + MAX_SENTENCE_TOKENS
        while cut < following:
            if spaces[cut]:
                cut += 1
            else:
                starts.append(cut)
                cut += MAX_SENTENCE_TOKENS
    return starts


class Form(NamedTuple):
    """What the name ruler reads of a word form, read once from the vocabulary: it tests a few words around each
    name, and a Token built for each read costs more than the reads."""

    text: str
    lower: str
    is_title: bool
    is_upper: bool
    is_alpha: bool
    is_lower: bool
    is_space: bool
    like_num: bool
    places_a_town: bool  # a preposition of place or a verb of force on a place, which may name a small town after it
    english: bool  # a word of spaCy's English lemma table


class BoundSpan(Span):
    """A Span that holds its bounds as plain attributes: a Span's are properties, each read a call into spaCy, and the
    coder reads its sentences' and names' bounds thousands of times an article."""

    __slots__ = ("start", "end")

    def __init__(self, doc: Doc, start: int, end: int, **ids: int) -> None:
        # (spaCy's own constructor has already set the Span up from the same arguments)
        self.start, self.end = start, end


class NamedSpan(BoundSpan):
    """A name the ruler keeps, as a Span that holds its label and key as strings: a plain Span looks them up in the
    vocabulary's strings at each read (`ent_id_` through its root Token), and the coder reads names' labels over a
    thousand times an article."""

    __slots__ = ("label_", "id_", "ent_id_")


class Name(NamedTuple):
    """A name the ruler keeps, with its label and dictionary key as they are: it becomes a Span once all tests are
    done, as a Span's label and key are strings to look up at each read."""

    start: int
    end: int
    label: str
    key: str


@Language.factory("newsflow_names")
def make_name_ruler(nlp: Language, name: str):
    """Actor and place names as entities (label and dictionary key), longest match first.

    It does what an EntityRuler with phrase patterns does, without the ruler's per-call pattern count.
    """
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    keys: dict[int, tuple[str, str]] = {}
    # Small towns and provinces are looked up only after a preposition of place: a table of their words, not
    # patterns the matcher would keep a document of each for
    minor_places: dict[tuple[str, ...], int] = {}
    patterns = _entity_patterns()
    for pattern in patterns:
        match_id = nlp.vocab.strings.add(f"{pattern['label']}|{pattern['id']}")
        keys[match_id] = (pattern["label"], pattern["id"])
        if pattern["label"] == MINOR_PLACE:
            minor_places[_lower_words(nlp, pattern["pattern"])] = match_id
        else:
            matcher.add(f"{pattern['label']}|{pattern['id']}", [nlp.make_doc(pattern["pattern"])])
    # the lengths of the names each first word opens, longest first
    minor_lengths: dict[str, list[int]] = {}
    for name_words in minor_places:
        minor_lengths.setdefault(name_words[0], []).append(len(name_words))
    minor_lengths = {word: sorted(set(lengths), reverse=True) for word, lengths in minor_lengths.items()}
    # Towns share near names across countries ("Edinburg", Texas): only names of states, peoples and actors
    near = NearNames(
        (p["pattern"], (p["label"], p["id"]))
        for p in patterns
        if p["label"] in NAMES | {DEMONYM} and " " not in p["pattern"]
    )
    misspelt = lru_cache(maxsize=MISSPELLING_CACHE)(partial(_misspelt_name, near=near))
    # Wire datelines print the place in capitals ("NAIROBI, June 25 (Reuters) -", "ADDIS ABABA (AP) —")
    in_capitals = {p["pattern"].upper(): (p["label"], p["id"]) for p in patterns if p["label"] in PLACES_IN_DATELINES}
    # wordfreq reads its English list on first use (about 0.2 s): read it with the pipeline, which a worker builds
    # before it forks its pool, rather than in the middle of an article
    zipf_frequency("news", "en")
    # A name's label and key as the string ids a Span takes: given strings, it hashes and stores each anew. (They
    # are the lexicons' labels and keys, each hashed once.)
    string_id = lru_cache(maxsize=None)(nlp.vocab.strings.add)

    def as_span(doc: Doc, name: Name) -> Span:
        span = NamedSpan(doc, name.start, name.end, label=string_id(name.label), span_id=string_id(name.key))
        span.label_, span.id_, span.ent_id_ = name.label, name.key, name.key
        return span

    @lru_cache(maxsize=WORD_FORM_CACHE)
    def form_of(orth: int) -> Form:
        lexeme = nlp.vocab[orth]
        lower = lexeme.lower_
        return Form(
            lexeme.orth_,
            lower,
            lexeme.is_title,
            lexeme.is_upper,
            lexeme.is_alpha,
            lexeme.is_lower,
            lexeme.is_space,
            lexeme.like_num,
            lower in TOWN_PREPOSITIONS or lower in TOWN_VERBS,
            lower in _english_lemmas(),
        )

    def recognise(doc: Doc) -> Doc:
        # (read once for both components: `Doc.to_array` costs about as much as the forms' lookup)
        orths = doc.user_data[ORTH_IDS] = doc.to_array(ORTH).tolist()
        forms = list(map(form_of, orths))
        # Longest first, then leftmost, as spaCy's filter_spans ranks them; only the matches kept become Spans.
        found = [*matcher(doc), *_minor_places(forms, minor_places, minor_lengths)]
        matches = sorted(found, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)
        # a known surname that one given name in the text gives to another person ("Reggie Bush") is theirs
        # throughout ("Bush sprained his knee")
        named_in_full = {i for key, start, end in matches if end - start > 1 for i in range(start, end)}
        others = {
            forms[start].text
            for key, start, end in matches
            if keys[key][0] == ROLE
            and end - start == 1
            and start not in named_in_full
            and _after_another_given_name(forms, start)
        }
        taken: set[int] = set()
        matched = {i for _, start, end in matches for i in range(start, end)}
        kept = []
        for match_id, start, end in matches:
            if start in taken or end - 1 in taken:
                continue
            kind, key = keys[match_id]
            if kind in (DEMONYM, COUNTRY) and _names_a_feature(forms, start, end):
                continue
            if kind == DEMONYM and _names_a_part_of_the_americas(forms, start):
                continue
            if kind == COUNTRY and _names_a_person(forms, start, end):
                continue
            if kind == CITY and _titled_person(forms, start, end):
                continue
            if kind in (CITY, CAPITAL) and _surname_of_another_given_name(forms, start, end):
                continue
            if kind in (CITY, CAPITAL, MINOR_PLACE) and _ends_a_longer_name(forms, start):
                continue
            if kind in (CITY, CAPITAL, MINOR_PLACE) and _in_another_places_name(doc, forms, start, end, matched):
                continue
            if kind == ROLE and end - start == 1 and forms[start].text in others:
                continue
            label = CITY if kind == MINOR_PLACE else kind  # a town placed so is read as a city is
            kept.append(Name(start, end, label, key))
            taken.update(range(start, end))
        # A dateline says where the report was filed: it sets the story, but names no actor and no event's place.
        titled = [name for name in kept if _opens_a_titled_dateline(forms, name)]
        datelines = _dateline_place(forms, in_capitals, taken) + titled
        doc.spans[DATELINE] = [as_span(doc, name) for name in datelines]
        if datelines:
            kept = [name for name in kept if name not in titled and not _completes_a_dateline(forms, name, datelines)]
        for i in compress(range(len(forms)), map(attrgetter("is_title"), forms)):
            text = forms[i].text
            if len(text) >= MIN_LETTERS and i not in taken and (named := misspelt(text)) is not None:
                label, key = named
                if label in (DEMONYM, COUNTRY) and _names_a_feature(forms, i, i + 1):
                    continue
                kept.append(Name(i, i + 1, label, key))
        names = sorted(_states_of_the_union(doc, forms, kept), key=lambda name: name.start)
        entities = [as_span(doc, name) for name in names]
        # `set_ents` takes these Spans as they are (an assignment to `Doc.ents` builds each anew), and the document
        # keeps them for `doc_entities`, which would otherwise build them once more from the tokens. The other tokens
        # keep a new document's unset mark, which `Doc.ents` and `ent_type_` read as no entity, as they read "O":
        # marking each "O" walks the whole document, and nothing reads the difference.
        doc.set_ents(entities, default="unmodified")
        doc.user_data["entities"] = tuple(entities)
        return doc

    return recognise


def _text(doc: Doc, forms: list[Form], name: Name) -> str:
    """A name's text (a name of one word, most are, is read without building its Span)."""
    return forms[name.start].text if name.end - name.start == 1 else doc[name.start : name.end].text


def _dateline_place(forms: list[Form], in_capitals: dict[str, tuple[str, str]], taken: set[int]) -> list[Name]:
    """The place a dateline names in capitals at the start of a line, before its comma, bracket or dash."""
    found = []
    for start in compress(range(len(forms)), map(attrgetter("is_upper"), forms)):
        if start > 0 and not forms[start - 1].is_space:
            continue  # a line opens after a space token
        end = start
        while end < min(len(forms), start + DATELINE_WORDS) and forms[end].is_upper and forms[end].is_alpha:
            end += 1
        if start in taken or end == start or end == len(forms) or forms[end].text not in DATELINE_ENDS:
            continue
        if (named := in_capitals.get(" ".join(form.text for form in forms[start:end]))) is not None:
            found.append(Name(start, end, *named))
    return found


def _opens_a_titled_dateline(forms: list[Form], name: Name) -> bool:
    """Whether a place written in title case opens a line as a dateline does, its comma followed by the day the
    report was filed or the agency that filed it: "Khartoum, Jun 15 (UNI)", "Kabul, (Reuters)"."""
    if name.label not in PLACES_IN_DATELINES or name.start and not forms[name.start - 1].is_space:
        return False
    after = [form.lower for form in forms[name.end : name.end + 3]]
    if len(after) < 3 or after[0] != ",":
        return False
    dated = after[1] in CALENDAR and forms[name.end + 2].like_num
    return dated or after[1] == "(" and forms[name.end + 2].is_upper


def _completes_a_dateline(forms: list[Form], name: Name, datelines: list[Name]) -> bool:
    """Whether a name is the country or state a dateline gives after its city ("BAGHDAD, Iraq - "), which is no
    actor of the report."""
    return (
        name.end < len(forms)
        and forms[name.end].text in DATELINE_ENDS - {","}
        and any(d.end + 1 == name.start and forms[d.end].text == "," for d in datelines)
    )


def _states_of_the_union(doc: Doc, forms: list[Form], names: list[Name]) -> list[Name]:
    """A name of both a country and a state of the United States ("Georgia") is the state in a text that names
    other towns or states of the United States and nothing else of that country ("convicted in Georgia" near
    "Atlanta"); the United States or Washington beside it are as often its partner ("the US and Georgia signed")."""
    states_named_like_countries = lexicon.states_named_like_countries()
    named = [n for n in names if n.label == COUNTRY and _text(doc, forms, n) in states_named_like_countries]
    if not named:
        return names
    places = lexicon.places()
    local = {places[n.key].country for n in names if n.label == CITY}
    other = {
        places[n.key].country if n.label == CAPITAL else n.key[:3]
        for n in names
        if n.label in (CAPITAL, COUNTRY, DEMONYM) and not any(n is state for state in named)
    }
    states = {_text(doc, forms, n) for n in named if "USA" in local and n.key not in local | other}
    if not states:
        return names
    return [
        Name(n.start, n.end, CITY, lexicon.us_state_key(_text(doc, forms, n))) if _text(doc, forms, n) in states else n
        for n in names
    ]


def _misspelt_name(word: str, near: NearNames) -> tuple[str, str] | None:
    """The known name a capitalised word misspells by one letter ("Ethopia", "Bouteflicka"): a word that is neither
    English nor a name written often in English ("Hollande", "Germain", "Brittain" are names of their own)."""
    lower = word.lower()
    if lower in STOP_WORDS or lower in _english_lemmas():
        return None
    named = near.match(word)
    return named if named is not None and zipf_frequency(lower, "en") < MISSPELLING_ZIPF else None


@lru_cache
def _english_lemmas():
    return load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")


@lru_cache
def only_verbs() -> frozenset[str]:
    """The words spaCy's English lookups list as verbs and as no noun or adjective ("escalate", "erupt")."""
    index = load_lookups("en", ["lemma_index"]).get_table("lemma_index")
    return frozenset(index["verb"]) - frozenset(index["noun"]) - frozenset(index["adj"])


def _names_a_part_of_the_americas(forms: list[Form], start: int) -> bool:
    """Whether "American" is a part of the continent's ("Latin American countries", "Central American migrants"),
    which is no one country's, as "Native American" and "African American" are."""
    before = start - 1 - (start >= 2 and forms[start - 1].lower == "-")
    return before >= 0 and forms[start].lower.startswith("american") and forms[before].lower in PARTS_OF_THE_AMERICAS


def _names_a_feature(forms: list[Form], start: int, end: int) -> bool:
    """Whether a people's or a country's name is part of a sea's, a gulf's or a tectonic plate's ("the Indian
    Ocean", "the Persian Gulf", "the Sea of Japan", "the Gulf of Oman", "the Philippine plate"), which is no actor
    and belongs to no one country. A city's stays a place ("the Jaffna peninsula")."""
    if start >= 2 and forms[start - 1].lower == "of" and forms[start - 2].lower in GEOGRAPHIC_FEATURES:
        return True
    if end >= len(forms):
        return False
    form = forms[end]
    if form.lower in GEOGRAPHIC_FEATURES:
        return True
    # past other names coordinated with it, a common noun: "the Eurasian, Philippine and Pacific plates" (but "the
    # United States and Gulf states" are actors)
    i, reach = end, min(len(forms), end + FEATURE_REACH)
    while i < reach and (form.is_title or form.lower in ("and", ",")):
        i += 1
        form = forms[i] if i < len(forms) else None
    return form is not None and form.is_lower and form.lower in GEOGRAPHIC_FEATURES


def _lower_words(nlp: Language, name: str) -> tuple[str, ...]:
    """A name's words in lower case, as the tokenizer splits them: by spaces alone when each is one word as written,
    without the vocabulary entries the tokenizer would keep for each of thousands of towns."""
    parts = name.split()
    if all(map(nlp.tokenizer.is_one_word, parts)):
        return tuple(part.lower() for part in parts)
    return tuple(t.lower_ for t in nlp.tokenizer(name))


def _common_in_english(name: str) -> bool:
    """Whether a one-word name is as frequent in English text as a common word ("Asia", "Howard", "Palmer")."""
    return " " not in name and zipf_frequency(name, "en") >= TOWN_MAX_ZIPF


def _minor_places(
    forms: list[Form], table: dict[tuple[str, ...], int], lengths: dict[str, list[int]]
) -> list[tuple[int, int, int]]:
    """Matches of small towns and provinces (`table`, with the `lengths` of the names each word opens) where a
    preposition of place or a verb of force on a place names them, maybe past a compass point or a place noun and
    "of" ("in Rusape", "near the town of Djenne", "in northern Kidal", "in South Kordofan", "in Borno State",
    "overran Gao"), and the name ends there: a small town's name is more often a person's or a word elsewhere."""
    found = []

    def words_at(start: int, n: int) -> tuple[str, ...]:
        return tuple(form.lower for form in forms[start : start + n])

    for i in compress(range(len(forms)), map(attrgetter("places_a_town"), forms)):
        j = i + 1
        past_a_town = False
        while j < len(forms):
            first = forms[j].lower
            # a name's case as news writes it may differ from the register's ("KwaZulu-Natal", "Kwazulu-Natal"),
            # but it is a name: capitalised (tested only of a word that opens one: most open none)
            if (sizes := lengths.get(first)) is not None and forms[j].text[:1].isupper():
                size = next((n for n in sizes if j + n <= len(forms) and words_at(j, n) in table), None)
                if size is not None:
                    if _ends_its_name(forms, j + size):
                        found.append((table[words_at(j, size)], j, j + size))
                    break
            if first not in BEFORE_A_TOWN:
                # "in Khaydaro, Mudug": a town the gazetteer does not hold, then the province that holds it
                if past_a_town or (after := _past_a_town_and_its_comma(forms, j)) is None:
                    break
                past_a_town, j = True, after
                continue
            j += 1
    return found


def _past_a_town_and_its_comma(forms: list[Form], start: int) -> int | None:
    """Where the words after a town's name and its comma begin, when a name no English word spells, maybe with
    its place noun, and a comma stand at `start` ("Khaydaro, ", "Bordode town, "); None elsewhere."""
    end = start
    while end < len(forms) and end - start < MAX_TOWN_WORDS and forms[end].is_title:
        if forms[end].english:
            return None  # "In January, ...", "At Home, ...": no town
        end += 1
    if end == start or end >= len(forms):
        return None
    if forms[end].lower in TOWN_NOUNS:
        end += 1
    return end + 1 if end < len(forms) and forms[end].lower == "," else None


def _ends_its_name(forms: list[Form], end: int) -> bool:
    """Whether a name ends where a match ends: no capitalised word follows ("in Jebel Kosbi" is no Jebel, "at the
    Federal University" no Federal, "of Qala-e Zal" no Qala), but for the noun of a province ("in Borno State")."""
    if end >= len(forms):
        return True
    return forms[end].lower != "-" and (not forms[end].is_title or forms[end].lower in PROVINCE_NOUNS)


def _ends_a_longer_name(forms: list[Form], start: int) -> bool:
    """Whether a town's name ends another place's after a name particle: "Mocimboa da Praia" is no Praia, "Sidi
    Bou Said" no Said."""
    return start >= 2 and forms[start - 1].lower in NAME_PARTICLES and forms[start - 2].is_title


def _in_another_places_name(doc: Doc, forms: list[Form], start: int, end: int, matched: set[int]) -> bool:
    """Whether a town's name is part of another place's: a street's or a park's ("Auckland Park" is in
    Johannesburg), or the second half of a hyphened name whose first half names nothing known ("KwaZulu-Natal";
    "US-Iran" names both)."""
    if end < len(forms) and forms[end].text in STREET_NOUNS:
        return True
    if start < 2 or forms[start - 1].text != "-" or doc[start - 1].whitespace_ or doc[start - 2].whitespace_:
        return False
    first = forms[start - 2].text
    # an article of an Arabic name opens the town's own ("Al-Arish", "El-Fasher")
    return len(first) > ARTICLE_LETTERS and first[0].isupper() and start - 2 not in matched


def _after_another_given_name(forms: list[Form], start: int, around: list[Form] | None = None) -> bool:
    """Whether a known person's surname follows a given name that is not theirs, in running text: "Reggie Bush" is
    a football player, not President Bush, and "Jeb Bush" his brother. A title, an honorific, a modifier or a
    people's name before it ("President Bush", "Mr. Bush", "Former Bush aide", "American Bush") is no given name."""
    if start == 0:
        return False
    before = forms[start - 1]
    if not (before.is_title and before.is_alpha) or before.lower in STOP_WORDS or before.lower in NOT_GIVEN_NAMES:
        return False
    if (before.lower,) in lexicon.sectors() or before.text in lexicon.demonyms():
        return False
    if before.text in _given_names().get(forms[start].text, ()):
        return False  # "Tayyip Erdogan": a part of the name the lexicon knows them by in full
    # in running text, which writes its content words in lower case: a headline's capitals say nothing ("Defiant
    # Bush Vows to Fight On")
    if around is None:
        around = forms[max(0, start - NAME_CONTEXT) : start + NAME_CONTEXT]
    return any(f.is_lower and f.is_alpha and f.lower not in STOP_WORDS for f in around)


@lru_cache
def _given_names() -> dict[str, frozenset[str]]:
    """The given names of the people the lexicon names in full, by surname ("Erdogan": Recep, Tayyip)."""
    names: dict[str, set[str]] = {}
    for name in lexicon.roles():
        *given, surname = name.split()
        names.setdefault(surname, set()).update(given)
    return {surname: frozenset(given) for surname, given in names.items()}


def _surname_of_another_given_name(forms: list[Form], start: int, end: int) -> bool:
    """Whether a city's name is a person's surname after a given name, in running text ("receiver Vincent Jackson
    was arrested", "Denzel Washington"), as a known person's may be: no word that opens a place's name stands before
    it ("Greater Manchester", "Fort Jackson")."""
    # (most cities follow a word in lower case: only a capitalised one needs its line read)
    return (
        end - start == 1
        and start > 0
        and forms[start - 1].is_title
        and forms[start - 1].lower.rstrip(".") not in PLACE_NAME_OPENERS
        and forms[start - 1].lower not in TIMES  # "Yesterday Houston police arrested"
        and _after_another_given_name(forms, start, _line_of(forms, start))
    )


def _line_of(forms: list[Form], start: int) -> list[Form]:
    """The words of the line a token is on, read as far as a name's context reaches either side: a headline's
    capitals are read apart from the body under it ("Riots Hit Athens" over "Police said ...")."""
    first, last = max(0, start - NAME_CONTEXT), min(len(forms), start + NAME_CONTEXT)
    breaks = [k for k in range(first, last) if forms[k].is_space and "\n" in forms[k].text]
    before = [k for k in breaks if k < start]
    after = [k for k in breaks if k > start]
    return forms[(before[-1] + 1 if before else first) : (after[0] if after else last)]


def _titled_person(forms: list[Form], start: int, end: int) -> bool:
    """Whether a city's name that is also a given name opens the name of a person given a title before it
    ("Secretary of State George Shultz", "Mr. Austin Reed")."""
    if end - start != 1 or start == 0 or not _opens_a_surname(forms, end):
        return False
    title = forms[start - 1]
    word = title.lower.rstrip(".")
    return title.is_title and ((word,) in lexicon.sectors() or word in HONORIFICS)


def _opens_a_surname(forms: list[Form], end: int) -> bool:
    """Whether the word after a given name reads as its surname: a capitalised word, not a calendar or sector
    noun, followed by no other capitalised word."""
    if end + 1 >= len(forms):
        return False
    surname, after = forms[end], forms[end + 1]
    return (
        surname.is_title
        and surname.is_alpha
        and surname.lower not in STOP_WORDS
        and surname.lower not in CALENDAR  # "Israel Sunday rejected": wire style puts the day there
        and (surname.lower,) not in lexicon.sectors()
        and not (after.is_title or after.is_upper)
    )


def _names_a_person(forms: list[Form], start: int, end: int) -> bool:
    """Whether a country's name that is also a given name opens a person's name: followed by a capitalised word that
    is no sector noun, in running text rather than a headline's capitals ("Chad Hull, 37," but "Jordan Condemns
    Attack", "Israel Police")."""
    return end - start == 1 and forms[start].text in GIVEN_NAME_COUNTRIES and _opens_a_surname(forms, end)


def actor_names() -> list[str]:
    """The names of actors, states and peoples the ruler matches, as the lexicons write them (no place names: none
    is written in capitals)."""
    return [*lexicon.roles(), *lexicon.named_actors(), *lexicon.countries(), *lexicon.demonyms()]


def _entity_patterns() -> list[dict]:
    entries: dict[str, tuple[str, str]] = {}

    def add(name: str, label: str, key: str) -> None:
        entries.setdefault(name, (label, key))
        if name[0].islower():  # "al-Shabab", "de Klerk" open a sentence capitalised
            entries.setdefault(name[0].upper() + name[1:], (label, key))

    for name in lexicon.roles():
        add(name, ROLE, name)
    for name, code in lexicon.named_actors().items():
        add(
            name,
            COUNTRY if len(code) == 3 and code.isalpha() and not code.startswith(("IGO", "NGO", "IMG")) else ACTOR,
            code,
        )
    for name, iso in lexicon.countries().items():
        add(name, COUNTRY, iso)
    for name, iso in lexicon.demonyms().items():
        add(name, DEMONYM, iso)
    table = _english_lemmas()
    english_lemmas = set(table.values())
    for name, place in lexicon.places().items():
        if place.lat is None and not place.region:
            continue  # a country, named by the patterns above
        # A city named like an English word ("Mobile", "Split") is more often the word.
        if not place.capital and (name.lower() in table or name.lower() in STOP_WORDS):
            continue
        # a name of three letters or fewer ("Wau", "Gao") is as often an abbreviation: a place only where a
        # preposition of place names it, as a small town is
        minor = place.minor or not place.capital and len(name) < 4
        if minor and name.split()[-1].lower() in GEOGRAPHIC_FEATURES:
            continue  # "Red Sea", a province named after the sea, is more often the sea
        if minor and (name.lower() in english_lemmas or _common_in_english(name)):
            continue  # "March", "Police", "Davis": a town's name that is a word or a common name is more often that
        add(name, CAPITAL if place.capital else MINOR_PLACE if minor else CITY, name)
    return [{"label": label, "pattern": name, "id": key} for name, (label, key) in entries.items()]


@lru_cache
def pipeline() -> Language:
    """The blank English pipeline: tokenizer, sentence splitter, lookup lemmatizer and the actor/place ruler."""
    nlp = spacy.blank("en")
    nlp.tokenizer = CachedTokenizer(nlp.tokenizer)
    nlp.add_pipe("newsflow_names")
    nlp.add_pipe("newsflow_lemmatizer")
    return nlp


@dataclass(frozen=True)
class TokenSpec:
    """One word of a trigger pattern: the lemmas it matches, and the forms it matches as written."""

    lemmas: frozenset[str]
    forms: frozenset[str]
    place: bool = False  # "@place": the name of a country, a capital or a city
    number: bool = False  # "@number": digits


def _token_pattern(token: str) -> TokenSpec:
    if token == PLACE_TOKEN:
        return TokenSpec(frozenset(), frozenset(), place=True)
    if token == NUMBER_TOKEN:
        return TokenSpec(frozenset(), frozenset(), number=True)
    options = token.split("|")
    exact = {option[1:] for option in options if option.startswith("=")}
    lemmas = frozenset(option for option in options if not option.startswith("="))
    # A lexicon noun is matched as written too, with its plural: the lookup lemmatizer reads "hearing" as "hear"
    # and "bombings" as "bomb", so "open ~ hearing" or "halt ~ bombing" would never match by lemma alone.
    return TokenSpec(lemmas, frozenset(exact | lemmas | {lemma + "s" for lemma in lemmas}))


def _segments(pattern: str) -> list[list[TokenSpec]]:
    return [[_token_pattern(w) for w in part.split()] for part in pattern.split("~")]


def _token_variants(pattern: str) -> list[str]:
    """The pattern with each hyphenated option as the tokens the tokenizer makes of it: "observe ~
    ceasefire|cease-fire" is "observe ~ ceasefire" and "observe ~ cease - fire"."""
    variants = [""]
    for word in pattern.split():
        options = word.split("|")
        hyphenated = [o for o in options if "-" in o.strip("-") and not word.startswith("=")]
        plain = "|".join(o for o in options if o not in hyphenated)
        spelled = ([plain] if plain else []) + [o.replace("-", " - ") for o in hyphenated]
        variants = [f"{v} {s}".strip() for v in variants for s in spelled]
    return variants


class IndexedPattern(NamedTuple):
    """A trigger pattern split at its gaps, with what the first word of each later part may be when it must be a
    word (not a place or a number): its lemmas and its exact forms, in one set. A sentence with none of each set,
    as a lemma or as a form, cannot hold the pattern."""

    trigger: lexicon.Trigger
    segments: list[list[TokenSpec]]
    later_words: tuple[frozenset[str], ...]


@lru_cache
def trigger_index() -> dict[str, list[IndexedPattern]]:
    """Trigger patterns by their first word (a lemma, or "=form" for an exact form), each split at its gaps."""
    by_first: dict[str, list[IndexedPattern]] = {}
    for trigger in lexicon.triggers():
        for variant in _token_variants(trigger.pattern):
            segments = _segments(variant)
            later_words = tuple(s[0].lemmas | s[0].forms for s in segments[1:] if not (s[0].place or s[0].number))
            for option in variant.split()[0].split("|"):
                by_first.setdefault(option, []).append(IndexedPattern(trigger, segments, later_words))
    return by_first


def _token_matches(w: Words, i: int, spec: TokenSpec) -> bool:
    return (
        w.lemma[i] in spec.lemmas
        or w.lower[i] in spec.forms
        or spec.place
        and i in w.places
        or spec.number
        and _in_digits(w.lower[i])
    )


def _in_digits(word: str) -> bool:
    """Whether a word is a number written in digits, with its thousands and decimals ("358,661", "2.5")."""
    return word.replace(",", "").replace(".", "").isdigit()


def names_the_object(w: Words, i: int, trigger: lexicon.Trigger) -> bool:
    """Whether the object part of a verb-object pattern ("lift ~ sanction") stands at word i, as the lexicon
    matches it: where a passive's subject names what the verb acts on."""
    segment = _object_segment(trigger.pattern)
    return i + len(segment) <= len(w.lower) and _segment_at(w, i, segment)


@lru_cache
def _object_segment(pattern: str) -> list[TokenSpec]:
    return _segments(pattern)[-1]


def _segment_at(w: Words, i: int, segment: list[TokenSpec], skip: int = 0) -> bool:
    """Whether a segment matches the words at position i, its first `skip` words known to match already."""
    return all(_token_matches(w, i + k, segment[k]) for k in range(skip, len(segment)))


def _find_segment(w: Words, start: int, limit: int, segment: list[TokenSpec], stops: frozenset[str]) -> int | None:
    lower, lemma, first = w.lower, w.lemma, segment[0]
    for i in range(start, min(limit, len(lower) - len(segment) + 1)):
        # `_token_matches` for the first word, written out: most words of a gap match nothing, and a call for each
        # costs more than the test
        opens = lemma[i] in first.lemmas or lower[i] in first.forms
        if (
            (opens or first.place and i in w.places or first.number and _in_digits(lower[i]))
            and _segment_at(w, i, segment, skip=1)
            and not _joined_to_a_participle(w, i + len(segment))
        ):
            return i
        if lower[i] in stops and not _between_compound_modifiers(lower, i):
            return None  # "the agreement signed in March, according to": a verb's object is not past a comma
        if stops is ACT_STOPS and lower[i] == "by" and _opens_an_agent(w, i + 1):
            return None  # "a missile fired by the Houthis at Riyadh": the agent of a passive ends its object
        if stops is ACT_STOPS and lower[i] in BE_FORMS and i + 1 < len(lower) and is_past_form(w, i + 1):
            return None  # "the policeman charged with murder was based": a passive's verb, no object of the first
        if stops is ACT_STOPS and lower[i] == "and" and i + 1 < len(lower) and _opens_a_verb_phrase(w, i + 1):
            return None  # "cutting interest rates and tolerating money supply growth": the next verb has its own object
    return None


def _joined_to_a_participle(w: Words, i: int) -> bool:
    """Whether a hyphen at `i` joins the word before it to a participle, which makes the two one adjective of a noun
    after them: "struck the rebel-held capital" strikes a capital, no rebel."""
    return (
        i + 1 < len(w.lower)
        and w.lower[i] == "-"
        and w.char_end[i - 1] == w.char_start[i]
        and w.char_end[i] == w.char_start[i + 1]
        and w.alpha[i + 1]
        and is_past_form(w, i + 1)
    )


def _opens_an_agent(w: Words, i: int) -> bool:
    """Whether the word after "by" opens a doer ("by the Houthis", "by angry depositors"), not how much ("extended by
    a month", "cut by 50 percent") or how it was done ("by firing")."""
    if i >= len(w.lower) or w.num[i] or w.lower[i] in ("a", "an"):
        return False
    return w.title[i] or w.alpha[i] and not w.lower[i].endswith("ing")


def _between_compound_modifiers(lower: list[str], i: int) -> bool:
    """Whether a comma parts two hyphened modifiers of one noun ("a medium-range, nuclear-capable missile"), as
    coordinate adjectives are written: it ends no phrase."""
    return lower[i] == "," and 2 <= i < len(lower) - 2 and lower[i - 2] == "-" and lower[i + 2] == "-"


def find_triggers(doc: Doc) -> list[tuple[int, int, lexicon.Trigger]]:
    """Trigger matches as (start, end, entry); the parts of a gapped pattern may be up to MAX_GAP tokens apart."""
    w = words(doc)
    ends = [sent.end for sent in sentences(doc)]
    found = []
    passive_subjects: dict[int, str] = {}  # where a passive's subject stands, and the type of the verb's reading
    # A word inside a name ("the Rapid Support Forces", "Asia-Pacific Economic Cooperation") is no trigger.
    named = {i for entity in doc_entities(doc) if entity.label_ in NAMES for i in range(entity.start, entity.end)}
    anchors = [i for i in compress(range(len(w.lower)), w.patterns_opened) if i not in named]
    # By sentence: its lemmas and its forms, in one set (a word of a later part met as the other is rare; the test
    # only rules out patterns, and the match itself tells them apart)
    vocabularies: dict[int, set[str]] = {}
    for start in anchors:
        sentence_index = bisect_right(ends, start)
        sentence_end = ends[sentence_index]
        sentence_start = ends[sentence_index - 1] if sentence_index else 0
        if _in_a_title(w, start, sentence_start, sentence_end) or _is_perfect_auxiliary(w, start):
            continue
        if sentence_index not in vocabularies:
            vocabularies[sentence_index] = {
                *w.lemma[sentence_start:sentence_end],
                *w.lower[sentence_start:sentence_end],
            }
        absent = vocabularies[sentence_index].isdisjoint
        for trigger, segments, later_words in w.patterns_opened[start]:
            if any(map(absent, later_words)):
                continue  # a later part's first word is nowhere in the sentence: neither reading can match
            first, *rest = segments
            # The anchor is the first word, which the index matched; a longer first part ("come under") must match on.
            # (its second word is tested first, without the general loop: most such parts fail there)
            if len(first) > 1 and (
                start + len(first) > len(w.lower)
                or not _token_matches(w, start + 1, first[1])
                or not _segment_at(w, start, first, skip=2)
            ):
                continue
            end = start + len(first)
            stops = OBJECT_STOPS if trigger.kind == NO_EVENT else ACT_STOPS if trigger.kind == ACT else GAP_STOPS
            for segment in rest:
                # a hyphened word ("a ten-year gas supply agreement") is one word of the gap, not three tokens
                reach = end + MAX_GAP + 1
                reach += w.lower[end:reach].count("-")
                at = _find_segment(w, end, min(sentence_end, reach), segment, stops)
                if at is None:
                    break
                end = at + len(segment)
            else:
                # a reading of no event must name the object itself, not its owner, to silence the verb; one that
                # ends on a conjunction or a preposition ("asked if") names no object
                if not (
                    rest
                    and trigger.kind == NO_EVENT
                    and w.lower[end - 1] not in OBJECT_STOPS
                    and _possesses_the_object(w, end)
                ):
                    found.append((start, end, trigger))
                continue
            verb_end = start + len(first)  # "handed over": a particle may follow the participle
            if len(rest) != 1:
                continue
            if (subject := _object_before_passive(doc, sentence_start, start, verb_end, rest[0])) is not None:
                found.append((start, verb_end, trigger))
                passive_subjects[subject] = trigger.type
    # A reading that names no event ("mobilized pressure groups") rules out the event readings of its words, unless
    # one names the same object and reads on past it ("mobilized its supporters to demonstrate"; not "released a
    # video of the hostages").
    silenced = {i: end for start, end, trigger in found if trigger.kind == NO_EVENT for i in range(start, end)}
    if silenced:
        found = [m for m in found if m[0] not in silenced or _reads_on_past(w, m, silenced[m[0]])]
    # The subject of a passive that a verb-object reading of another type meets is what the verb acts on, no event of
    # its own: "US sanctions on Iran were lifted" lifts them, and imposes none ("a protest by teachers was held" is
    # the protest held, with its doer).
    return [m for m in found if not _acted_on_by_a_passive(m, passive_subjects)] if passive_subjects else found


def _acted_on_by_a_passive(match: tuple[int, int, lexicon.Trigger], passive_subjects: dict[int, str]) -> bool:
    """Whether a one-word reading stands where a passive's subject does, and the passive's verb reads it as
    another type's object."""
    start, end, trigger = match
    return end - start == 1 and passive_subjects.get(start, trigger.type) != trigger.type


def _reads_on_past(w: Words, match: tuple[int, int, lexicon.Trigger], silent_end: int) -> bool:
    """Whether an event reading ends past a reading of no event that ends at `silent_end`, and names that reading's
    last word in its own pattern."""
    start, end, trigger = match
    return end > silent_end and w.lemma[silent_end - 1] in trigger.pattern.replace("|", " ").split()


def _is_perfect_auxiliary(w: Words, i: int) -> bool:
    """Whether "have" is the auxiliary of a past participle: "had won all 15 meetings" held no meeting."""
    return w.lemma[i] == "have" and i + 1 < len(w.lower) and w.alpha[i + 1] and is_past_form(w, i + 1)


def _opens_a_verb_phrase(w: Words, i: int) -> bool:
    """Whether a word after "and" is a participle that opens a verb phrase of its own ("and tolerating", "and
    raised"), rather than a noun or an adjective of the same object ("military and economic aid")."""
    word = w.lower[i]
    return w.alpha[i] and w.is_lower[i] and word.endswith(("ing", "ed")) and w.lemma[i] != word


def is_s_form(w: Words, i: int) -> bool:
    """Whether a word is an "-s" form of another ("attacks", "burns"): a plural noun or a verb's third person."""
    word = w.lower[i]
    return word.endswith("s") and word != w.lemma[i]


def is_past_form(w: Words, i: int) -> bool:
    """Whether a word is a past form: "-ed", or a form the lemmatizer maps elsewhere that is no -s or -ing form
    ("met", "struck")."""
    word = w.lower[i]
    return word.endswith("ed") or w.lemma[i] != word and not word.endswith(("s", "ing"))


def _possesses_the_object(w: Words, end: int) -> bool:
    """Whether the noun a verb-object reading ends on owns the verb's object, itself or by the name after it:
    "dismissed U.S. President Donald Trump's plan" dismisses a plan, and fires no president."""
    k = end
    while k < len(w.lower) and w.title[k] and w.alpha[k]:
        k += 1
    return k < len(w.lower) and w.lower[k] in ("'s", "’s")


def _in_a_title(w: Words, i: int, sentence_start: int, sentence_end: int) -> bool:
    """Whether a capitalised word after another word is part of a name or a title ("a copy of My New Order") in a
    sentence written in lower case; in a headline, where most words are capitalised, it says nothing."""
    if not w.title[i] or i == sentence_start:
        return False
    # "Royal Dutch/Shell", "Marks & Spencer": a slash or an ampersand joins the words of one name
    joined = w.lower[i - 1] in ("/", "&") and i - 1 > sentence_start and w.title[i - 2]
    if not (w.alpha[i - 1] or joined):
        return False
    return not capitalises_most_words(w, sentence_start, sentence_end)


def capitalises_most_words(w: Words, start: int, end: int) -> bool:
    """Whether a stretch of text capitalises most of its words, as a headline does."""
    return sum(w.is_lower[start:end]) * 2 <= end - start


def _object_before_passive(
    doc: Doc, sentence_start: int, verb: int, verb_end: int, segment: list[TokenSpec]
) -> int | None:
    """Where the object of a verb-object pattern met in the passive stands, as its subject: "Diplomatic ties with
    Qatar were cut", "a barrage of rockets was fired", "territory was handed over", or the participle after it with
    its agent ("poisonous gas used by terrorists"); None when the pattern is not met so."""
    w = words(doc)
    start = verb - len(segment)
    agent = verb_end < len(w.lower) and w.lower[verb_end] == "by"
    if agent and start >= sentence_start and is_past_form(w, verb) and _segment_at(w, start, segment):
        return start
    be = verb - 1
    while be > sentence_start and (w.lower[be].endswith("ly") or w.lower[be] == "not"):
        be -= 1
    if be <= sentence_start or w.lower[be] not in BE_FORMS:
        return None
    for i in range(be - len(segment), max(sentence_start, be - MAX_GAP - len(segment)) - 1, -1):
        if w.lower[i] in GAP_STOPS:
            return None
        if _segment_at(w, i, segment):
            return i
    return None


def place_named(doc: Doc, name: str) -> lexicon.Place | None:
    """The gazetteer place a name stands for here: a city the document names with the region or country that holds
    it ("Birmingham, Alabama"), in that country; of two cities with one name ("Tripoli"), the one in the country the
    document names, else the most populous."""
    if "contained" not in doc.user_data:
        doc.user_data["contained"] = _places_named_with_their_container(doc)
    if name in doc.user_data["contained"]:
        return doc.user_data["contained"][name]
    place = lexicon.places().get(name)
    namesakes = lexicon.namesakes().get(name)
    if place is None or namesakes is None:
        return place
    if "countries" not in doc.user_data:
        doc.user_data["countries"] = {e.ent_id_ for e in doc_entities(doc) if e.label_ in (COUNTRY, DEMONYM)}
    countries = doc.user_data["countries"]
    named = [p for p in namesakes if p.country in countries]
    # A namesake a tenth the size ("London, Ontario") does not displace the city everyone means.
    if len(named) == 1 and place.country not in countries and named[0].population * 10 >= namesakes[0].population:
        return named[0]
    return place


def _places_named_with_their_container(doc: Doc) -> dict[str, lexicon.Place]:
    """Cities written with the region or country that holds them, after a comma or "in" ("Birmingham, Alabama",
    "London, Ontario", "Colchester in the Eastern Cape"), where the gazetteer's city of that name is in another
    country: the namesake in the container's country, or a town there that the gazetteer does not hold."""
    w = words(doc)
    entities = doc_entities(doc)
    contained: dict[str, lexicon.Place] = {}
    starts = {entity.start for entity in entities}
    for city, container in zip(entities, entities[1:], strict=False):
        if city.label_ not in (CITY, CAPITAL):
            continue  # (tested first: the words up to the next name are only read after a town's)
        between = _joining_words(w.lower[city.end : container.start])
        if between not in ([","], ["in"], ["in", "the"]):
            continue
        if between == [","] and _another_place_follows(w, container.end, starts):
            continue  # "in Kabul, Pakistan and India", "Paris, Valencia, Rome": a list of places, none holding another
        place = lexicon.places().get(city.ent_id_)
        held_by = _container_countries(container)
        if place is None or not held_by or place.country in held_by:
            continue
        namesake = next((p for p in lexicon.namesakes().get(city.ent_id_, ()) if p.country in held_by), None)
        if namesake is not None:
            contained.setdefault(city.ent_id_, namesake)
        elif len(held_by) == 1:
            (country,) = held_by  # a town the gazetteer does not hold ("Colchester in the Eastern Cape")
            contained.setdefault(city.ent_id_, lexicon.Place(place.name, country, None, None, False))
    return contained


def _joining_words(between: list[str]) -> list[str]:
    """The words that join a town to what holds it, past the town's own place noun and the container's compass
    point: "Nyanza region, Kenya" and "Khaydaro, central Somalia" are joined by a comma, as "Douma, Syria" is."""
    start, end = 0, len(between)
    if end and between[0] in TOWN_NOUNS:
        start = 1
    while end > start + 1 and between[end - 1] in COMPASS:
        end -= 1
    return between[start:end]


def _another_place_follows(w: Words, end: int, starts: set[int]) -> bool:
    """Whether a name is followed by another one it is listed with: after "and", "or", a comma, or both."""
    k = end
    while k < len(w.lower) and k - end < 2 and w.lower[k] in (",", "and", "or"):
        k += 1
    return k > end and k in starts


def _container_countries(entity: Span) -> frozenset[str]:
    """The countries a name may stand for as what holds a city: a country's own, or a region's ("Alabama",
    "Ontario"); none for another city."""
    if entity.label_ == COUNTRY:
        # "Athens, Georgia": a state of the United States may be meant by a country's name
        in_the_us = entity.text in lexicon.states_named_like_countries()
        return frozenset({entity.ent_id_, "USA"} if in_the_us else {entity.ent_id_})
    place = lexicon.places().get(entity.ent_id_)
    if place is not None and place.region:
        return frozenset({place.country})
    return lexicon.regions().get(entity.text, frozenset()) if entity.label_ == CITY else frozenset()


def text_of(doc: Doc) -> str:
    """The document's text, built once: `Doc.text` joins every token on each call."""
    if "text" not in doc.user_data:
        doc.user_data["text"] = doc.text
    return doc.user_data["text"]


def char_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Where tokens [start, end) start and end in the text, as `doc[start:end]` would say, without building the Span."""
    w = words(doc)
    start_char = w.char_start[start] if start < len(w.char_start) else len(text_of(doc))
    return start_char, w.char_end[end - 1] if end > start else start_char


class Words:
    """Per-token attributes of a document as plain lists: reading them from Token objects costs an allocation each."""

    def __init__(self) -> None:
        self.lower: list[str] = []
        self.lemma: list[str] = []
        self.title: list[bool] = []
        self.acronym: list[bool] = []  # a word in capitals, two letters or more ("FARDC", "UPND")
        self.num: list[bool] = []
        self.alpha: list[bool] = []
        self.is_lower: list[bool] = []
        # a word of a name: capitalised or in capitals, of letters, and no function word nor a day's or a month's name
        self.name_word: list[bool] = []
        # the trigger patterns a word may open, by its lemma and by its form (`trigger_index`)
        self.patterns_opened: list[tuple[IndexedPattern, ...]] = []
        self.places: frozenset[int] = frozenset()  # where the name of a country, a capital or a city opens
        self.char_start: list[int] = []  # where each token's text starts, and ends, in the document's text
        self.char_end: list[int] = []
        self.spaced: list[bool] = []  # whether a space follows the token (its `whitespace_`)
        self.sentence_starts: list[int] = []


def _read_spaced_hyphens_as_dashes(doc: Doc, w: Words, hyphens: list[int]) -> None:
    """A hyphen with a space on each side is a dash ("BAGHDAD, Iraq - The police"), which ends a phrase as "—"
    does before a capitalised word; one between words joins them ("pro-Russian", "Khartoum - based" as tokens are
    sometimes rejoined), and one between numbers gives a score. `hyphens`: where the document's hyphens are."""
    spaced, last = w.spaced, len(w.lower) - 1
    for i in hyphens:
        if 0 < i < last and spaced[i - 1] and spaced[i] and w.title[i + 1]:
            w.lower[i] = w.lemma[i] = "—"


def sentences(doc: Doc) -> list[Span]:
    """The document's sentences, as the lemmatizer cut them (read once: `Doc.sents` walks every token each time)."""
    if "sentences" not in doc.user_data:
        starts = words(doc).sentence_starts
        ends = [*starts[1:], len(doc)] if starts else []  # an empty text has no sentence
        # (a Span itself, not a slice of the Doc, which first normalises its bounds in Python)
        doc.user_data["sentences"] = [BoundSpan(doc, a, b) for a, b in zip(starts, ends, strict=True)]
    return doc.user_data["sentences"]


def doc_entities(doc: Doc) -> tuple[Span, ...]:
    """The names the name ruler found, in order (read once: every read of `Doc.ents` builds its spans anew)."""
    if "entities" not in doc.user_data:
        doc.user_data["entities"] = tuple(doc.ents)
    return doc.user_data["entities"]


def words(doc: Doc) -> Words:
    """The document's Words, filled in by the lemmatizer."""
    return doc.user_data["words"]
