"""Story grouping: articles that report one real-world event share its names (people, places, organisations)
and its vocabulary. Each story keeps a profile of weighted terms; an article joins the most similar story active
in the time window, or opens a new one.
"""

from __future__ import annotations

import calendar
import math
import re
from bisect import bisect_left, insort
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import islice
from typing import Protocol

from spacy.lang.en.stop_words import STOP_WORDS
from wordfreq import zipf_frequency

from services.dates import shifted

# A story is open while it is reported: an article joins stories that had an article in the last four days
# (4–5 days scored best on the labelled corpus; 7 let a second match between the same two clubs join the first).
WINDOW = timedelta(days=4)
# Names are what tells two earthquakes, or two summits, apart; common words only tell their kind.
NAME_WEIGHT = 3.0
PROFILE_TERMS = 60
# A term says as much about an event as it is rare in the language: "earthquake" and "killed" are shared by every
# earthquake, "Sumatra" and "6.1" by one. Weight = RARE_ZIPF minus the term's Zipf frequency (wordfreq: log10 of
# its occurrences per billion words; "the" 7.7, "killed" 5.2, "Sumatra" 3.0, unknown words 0), never under
# MIN_SPECIFICITY.
RARE_ZIPF = 7.0
MIN_SPECIFICITY = 0.5
MIN_SIMILARITY = 0.2
# Two events of one kind in one week share vocabulary but not names; one event's reports share both.
MIN_NAME_SIMILARITY = 0.1
# With terms weighted by rarity, these two sit where the development ECB+ topics (story ARI over five streams) and
# tests/data/dedup/corpus.jsonl (same-kind events in one week, dated) both score near their best.
NAME_MARK = "@"
# Stories are found through their strongest terms (an inverted index), and only the best-matching few compared.
KEY_TERMS = 20
MAX_CANDIDATES = 10
# A common term ("@france") is held by more stories every day. Only the latest stories active in the window that
# hold each term are read, which keeps the lookup's cost per article flat however long the index grows: a story's
# own reports share its rarer terms too (names of people and places), and those have few holders.
TERM_READ = 100
# A profile is the running mean of its articles: past this many, one more moves it by under 5 %, so it is no
# longer rewritten (which keeps a big story's row from being rewritten by every report).
SETTLED_ARTICLES = 20

# Capitalised, but calendar words say when, not who or where.
CALENDAR_WORDS = frozenset(calendar.day_name[i].lower() for i in range(7)) | frozenset(
    calendar.month_name[i].lower() for i in range(1, 13)
)
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]+|\d[\d,.]*\d|\d")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n)\W*$")


@dataclass(frozen=True)
class StoryProfile:
    """A story as the clustering sees it: weighted terms (unit length), when it was last reported, its size."""

    story_id: int
    terms: dict[str, float]
    last_seen: datetime | None  # the latest publication time among its articles; None if none was dated
    articles: int


def article_terms(text: str) -> dict[str, float]:
    """The article's weighted terms, unit length; names (capitalised mid-sentence, marked "@") count more."""
    counts: Counter[str] = Counter()
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        term = token.lower().strip("'’-")
        if len(term) < 3 or term in STOP_WORDS:
            continue
        is_name = (
            token[0].isupper()
            and term not in CALENDAR_WORDS
            and not _SENTENCE_START.search(text[max(0, match.start() - 3) : match.start()])
        )
        if is_name:
            counts[NAME_MARK + term] += NAME_WEIGHT
        else:
            counts[term] += 1.0
    # Sublinear term frequency, so one repeated word does not outweigh the rest; then its rarity.
    weighted = {
        term: (1.0 + math.log(count)) * specificity(term.removeprefix(NAME_MARK))
        for term, count in counts.most_common(PROFILE_TERMS)
    }
    return _unit(weighted)


def specificity(word: str) -> float:
    """How much a word tells one event from another: the rarer in English, the more."""
    return max(MIN_SPECIFICITY, RARE_ZIPF - zipf_frequency(word, "en"))


def _unit(terms: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(w * w for w in terms.values())) or 1.0
    return {term: w / norm for term, w in terms.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine similarity of two unit-length term vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(term, 0.0) for term, w in a.items())


def name_cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine similarity of the name terms alone."""
    names_a = {t: w for t, w in a.items() if t.startswith(NAME_MARK)}
    names_b = {t: w for t, w in b.items() if t.startswith(NAME_MARK)}
    if not names_a or not names_b:
        return 0.0
    return cosine(_unit(names_a), _unit(names_b))


def choose_story(terms: dict[str, float], seen: datetime | None, stories: list[StoryProfile]) -> StoryProfile | None:
    """The most similar story active within the window of `seen` (any, if unknown), similar in words and names."""
    best, best_score = None, 0.0
    for story in stories:
        if seen is not None and story.last_seen is not None and abs(seen - story.last_seen) > WINDOW:
            continue
        score = cosine(terms, story.terms)
        if score < MIN_SIMILARITY or name_cosine(terms, story.terms) < MIN_NAME_SIMILARITY:
            continue
        if score > best_score or (score == best_score and best is not None and story.story_id < best.story_id):
            best, best_score = story, score
    return best


def key_terms(terms: dict[str, float]) -> list[str]:
    """The strongest terms of a profile, by which stories are looked up."""
    return [term for term, _w in sorted(terms.items(), key=lambda item: (-item[1], item[0]))[:KEY_TERMS]]


def merge_profile(profile: dict[str, float], terms: dict[str, float], articles: int) -> dict[str, float]:
    """A story's profile after one more article: the running mean of its articles' vectors, top terms kept."""
    merged = {term: weight * articles for term, weight in profile.items()}
    for term, weight in terms.items():
        merged[term] = merged.get(term, 0.0) + weight
    top = dict(sorted(merged.items(), key=lambda item: (-item[1], item[0]))[: PROFILE_TERMS * 2])
    return _unit(top)


class StoryStore(Protocol):
    """Where story profiles live: Postgres in the pipeline, memory offline. Writers are serialised by the caller
    (two first reports of one event arriving together must not open two stories)."""

    def candidates(self, terms: list[str], since: datetime | None, until: datetime | None) -> list[StoryProfile]:
        """Up to MAX_CANDIDATES stories sharing most of these key terms, last seen between the two times (or of
        unknown date; no time limit when the times are None)."""

    def create(self, terms: dict[str, float], seen: datetime | None, title: str | None) -> int:
        """Open a story with one article; return its id."""

    def join(self, story_id: int, profile: dict[str, float] | None, seen: datetime | None) -> None:
        """Count one more article in a story, with its new profile (None: unchanged) and date (None: unknown)."""


def story_window(seen: datetime | None) -> tuple[datetime | None, datetime | None]:
    """The interval in which a story must have been last seen to take an article published at `seen`."""
    return (shifted(seen, -WINDOW), shifted(seen, WINDOW)) if seen is not None else (None, None)


def assign_story(
    text: str, *, title: str | None, seen: datetime | None, store: StoryStore, terms: dict[str, float] | None = None
) -> int:
    """Put an original article in the most similar active story, or in a new one; return the story id.

    `seen` is the publication time. The time window applies only where both the article's and the story's dates
    are known: an unknown date is never replaced by a guess such as the arrival time. `terms` are the text's
    article_terms when the caller has computed them already.
    """
    terms = terms or article_terms(text)
    story = choose_story(terms, seen, store.candidates(key_terms(terms), *story_window(seen)))
    if story is None:
        return store.create(terms, seen, title)
    settled = story.articles >= SETTLED_ARTICLES
    store.join(story.story_id, None if settled else merge_profile(story.terms, terms, story.articles), seen)
    return story.story_id


class MemoryStoryStore:
    """A StoryStore in memory, for offline runs."""

    def __init__(self) -> None:
        self.stories: dict[int, StoryProfile] = {}
        self.by_term: dict[str, list[int]] = {}  # term -> the ids of the stories holding it, ascending

    def candidates(self, terms: list[str], since: datetime | None, until: datetime | None) -> list[StoryProfile]:
        """Stories that share most key terms (ties by id), as the Postgres store ranks them."""
        shared = self.shared_terms(terms, since, until)
        return [self.stories[i] for _n, i in sorted((-n, i) for i, n in shared.items())[:MAX_CANDIDATES]]

    def shared_terms(self, terms: list[str], since: datetime | None, until: datetime | None) -> Counter[int]:
        """How many of these key terms each story active in the interval shares, of each term's latest TERM_READ
        active holders."""
        shared: Counter[int] = Counter()
        for term in terms:
            holders = reversed(self.by_term.get(term, ()))
            shared.update(islice((i for i in holders if in_window(self.stories[i].last_seen, since, until)), TERM_READ))
        return shared

    def create(self, terms: dict[str, float], seen: datetime | None, title: str | None) -> int:
        """Open a story."""
        story_id = len(self.stories) + 1
        self.put(StoryProfile(story_id, terms, seen, 1))
        return story_id

    def join(self, story_id: int, profile: dict[str, float] | None, seen: datetime | None) -> None:
        """Count one more article in a story, with its new profile if it changed."""
        story = self.stories[story_id]
        last_seen = max(filter(None, (seen, story.last_seen)), default=None)
        self.put(StoryProfile(story_id, profile or story.terms, last_seen, story.articles + 1))

    def put(self, story: StoryProfile) -> None:
        """Keep a story as it is now, replacing its earlier state."""
        previous = self.stories.get(story.story_id)
        held = set(key_terms(previous.terms)) if previous else set()
        kept = set(key_terms(story.terms))
        for term in held - kept:
            holders = self.by_term[term]
            del holders[bisect_left(holders, story.story_id)]
        for term in kept - held:
            insort(self.by_term.setdefault(term, []), story.story_id)
        self.stories[story.story_id] = story


def in_window(last_seen: datetime | None, since: datetime | None, until: datetime | None) -> bool:
    """Whether a story last seen then is active in the interval (no interval, or no date: always)."""
    return last_seen is None or since is None or since <= last_seen <= until
