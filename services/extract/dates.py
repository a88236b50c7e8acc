"""Event dates: date expressions in a sentence resolved against the article's publication date."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

DAY, WEEK, MONTH, YEAR, UNKNOWN = "day", "week", "month", "year", "unknown"
WEEKDAYS = [d.lower() for d in calendar.day_name]
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PATTERNS = [
    ("mdy", re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+" + _YEAR + r")?\b", re.I)),
    ("dmy", re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"(?:,?\s+" + _YEAR + r")?\b", re.I)),
    ("my", re.compile(r"\b" + _MONTH + r"\s+" + _YEAR + r"\b", re.I)),
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")),
    ("weekday", re.compile(r"\b(?:(?P<rel>last|this|next)\s+)?(?P<weekday>" + "|".join(WEEKDAYS) + r")\b", re.I)),
    (
        "relative",
        re.compile(r"\b(?P<word>today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening))\b", re.I),
    ),
    ("period", re.compile(r"\b(?P<rel>last|this|next|past)\s+(?P<unit>week|weekend|month|year)\b", re.I)),
    (
        "ago",
        re.compile(r"\b(?P<n>a|an|one|two|three|four|five|six|\d+)\s+(?P<unit>day|week|month|year)s?\s+ago\b", re.I),
    ),
    ("year", re.compile(r"\b(?:in|since|during|of)\s+" + _YEAR + r"\b", re.I)),
]
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# A date right after a reporting verb dates the report ("officials said Thursday").
_REPORT = re.compile(
    r"\b(?:said|says|told|reported|announced|confirmed|added|stated)\s+(?:on\s+|late\s+|early\s+)?$", re.I
)


@dataclass(frozen=True)
class DateMention:
    """A date expression: its character span in the sentence, what it resolves to, and whether it dates a report."""

    start: int
    end: int
    value: date | None
    precision: str
    report: bool = False


def _month_day(month: int, day: int, year: int | None, published: date | None) -> tuple[date | None, str]:
    if year is None:
        if published is None:
            return None, UNKNOWN
        year = published.year
        # News reports the past: "December 13" in a January article is last December.
        if (month, day) > (published.month, published.day) and month - published.month > 1:
            year -= 1
    try:
        return date(year, month, day), DAY
    except ValueError:
        return None, UNKNOWN


def _resolve(kind: str, g: dict[str, str | None], published: date | None, future: bool) -> tuple[date | None, str]:
    if kind in ("mdy", "dmy"):
        return _month_day(MONTHS[g["month"].lower()], int(g["day"]), int(g["year"]) if g["year"] else None, published)
    if kind == "my":
        return date(int(g["year"]), MONTHS[g["month"].lower()], 1), MONTH
    if kind == "iso":
        try:
            return date(int(g["year"]), int(g["month"]), int(g["day"])), DAY
        except ValueError:
            return None, UNKNOWN
    if kind == "year":
        return date(int(g["year"]), 1, 1), YEAR
    if published is None:
        return None, UNKNOWN  # relative dates need the publication date; none is guessed
    if kind == "weekday":
        target = WEEKDAYS.index(g["weekday"].lower())
        rel = (g["rel"] or "").lower()
        if future or rel == "next":
            return published + timedelta(days=(target - published.weekday()) % 7 or (7 if rel == "next" else 0)), DAY
        back = (published.weekday() - target) % 7
        return published - timedelta(days=back or (7 if rel == "last" else 0)), DAY
    if kind == "relative":
        word = g["word"].lower()
        shift = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
        return published + timedelta(days=shift), DAY
    if kind == "period":
        rel, unit = g["rel"].lower(), g["unit"].lower()
        step = {"last": -1, "past": -1, "this": 0, "next": 1}[rel]
        if unit in ("week", "weekend"):
            monday = published - timedelta(days=published.weekday()) + timedelta(weeks=step)
            return (monday + timedelta(days=5) if unit == "weekend" else monday), WEEK
        if unit == "month":
            month_index = published.year * 12 + published.month - 1 + step
            return date(month_index // 12, month_index % 12 + 1, 1), MONTH
        return date(published.year + step, 1, 1), YEAR
    if kind == "ago":
        n = _NUMBERS.get(g["n"].lower()) or int(g["n"])
        unit = g["unit"].lower()
        if unit == "day":
            return published - timedelta(days=n), DAY
        if unit == "week":
            return published - timedelta(weeks=n), WEEK
        if unit == "month":
            month_index = published.year * 12 + published.month - 1 - n
            return date(month_index // 12, month_index % 12 + 1, 1), MONTH
        return date(published.year - n, 1, 1), YEAR
    return None, UNKNOWN


@cache
def _combined(kinds: tuple[str, ...]) -> re.Pattern[str]:
    # One scan per sentence: each kind's pattern is an alternative, its groups renamed "<kind>_<group>". Every date
    # starts a word, and testing that first spares trying each alternative inside words: half the time.
    parts = []
    for kind, pattern in _PATTERNS:
        if kind in kinds:
            body = re.sub(r"\(\?P<(\w+)>", lambda m, k=kind: f"(?P<{k}_{m.group(1)}>", pattern.pattern)
            parts.append(f"(?P<{kind}>{body})")
    return re.compile(r"\b(?:" + "|".join(parts) + ")", re.I)


_DIGIT = re.compile(r"\d")
_UNITS = ("day", "week", "month", "year")
_MONTH_WORDS = tuple(sorted({m[:3] for m in MONTHS}))
# What a sentence must hold for a kind of date to be in it: a digit (None), and one case-folded word of each group.
# Most sentences name no date, and one with a number but no month is not searched for "May 3" at every word:
# substring tests cost a sixth of one case-blind regular expression, and the scan takes half the time.
_NEEDS: dict[str, tuple[tuple[str, ...] | None, ...]] = {
    "mdy": (None, _MONTH_WORDS),
    "dmy": (None, _MONTH_WORDS),
    "my": (None, _MONTH_WORDS),
    "iso": (None,),
    "weekday": (("day",), tuple(WEEKDAYS)),  # (every weekday's name ends in "day": one test rules out most sentences)
    "relative": (("today", "tonight", "yesterday", "tomorrow", "this "),),
    "period": (("last", "this", "next", "past"), _UNITS),
    "ago": (("ago",), _UNITS),
    "year": (None,),
}


_KIND_NEEDS = [(kind, _NEEDS[kind]) for kind, _pattern in _PATTERNS]


def _possible_kinds(sentence: str) -> tuple[str, ...]:
    """The kinds of date whose every needed word is in the sentence, in the patterns' order."""
    folded = sentence.casefold()
    held: dict[tuple[str, ...] | None, bool] = {None: _DIGIT.search(sentence) is not None}
    kinds = []
    # (plain loops, with no function called per group: every sentence is read so, and most need a test or two)
    for kind, needs in _KIND_NEEDS:
        for group in needs:
            if group not in held:
                held[group] = any(map(folded.__contains__, group))
            if not held[group]:
                break
        else:
            kinds.append(kind)
    return tuple(kinds)


def find_dates(sentence: str, published: date | None, *, future: bool = False) -> tuple[DateMention, ...]:
    """Date expressions in a sentence, resolved where possible; those right after "said" are marked as report dates."""
    mentions = []
    if not (kinds := _possible_kinds(sentence)):
        return ()
    for m in _combined(kinds).finditer(sentence):
        report = bool(_REPORT.search(sentence[: m.start()]))
        kind = next(k for k in kinds if m.group(k) is not None)
        groups = {name[len(kind) + 1 :]: value for name, value in m.groupdict().items() if name.startswith(kind + "_")}
        try:
            value, precision = _resolve(kind, groups, published, future)
        except (OverflowError, ValueError):  # a day before year 1 or after 9999: no date at all
            value, precision = None, UNKNOWN
        mentions.append(DateMention(m.start(), m.end(), value, precision, report))
    return tuple(mentions)


def date_for(
    mentions: tuple[DateMention, ...], trigger_offset: int, *, verbal: bool = False
) -> tuple[date | None, str]:
    """The date of the event whose trigger sits at trigger_offset: the nearest date expression.

    A report's date ("officials said Thursday") dates the event only when the event is itself something said.
    """
    usable = [m for m in mentions if verbal or not m.report]
    if not usable:
        return None, UNKNOWN
    nearest = min(usable, key=lambda d: (d.report, min(abs(d.start - trigger_offset), abs(d.end - trigger_offset))))
    return nearest.value, nearest.precision if nearest.value else UNKNOWN
