"""Dates as articles give them: ISO strings of any precision, parsed without guessing what is missing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import TypeVar

from dateutil import parser as dateutil_parser
from dateutil import tz

_YEAR = re.compile(r"^\d{4}$")
_YEAR_MONTH = re.compile(r"^\d{4}-\d{2}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# The furthest a time zone is from UTC (Kiribati's Line Islands).
MAX_UTC_OFFSET = timedelta(hours=14)


@dataclass(frozen=True)
class ParsedDate:
    """A point in time with how much of it is known: "year", "month", "day" or "time"."""

    value: datetime
    precision: str


# Older "publication dates" are what pages print for an empty date field (year 1) or typos.
EARLIEST_PUBLISHED = date(1900, 1, 1)
# Other empty fields: 1900-01-01 (spreadsheets, SQL Server) and Unix time 0.
PLACEHOLDER_DAYS = frozenset({date(1900, 1, 1), date(1970, 1, 1)})
# A page dated a little ahead is in a zone east of ours or on a fast clock; further ahead is not a publication date.
LATEST_AHEAD = timedelta(days=2)


def plausible_publication(value: date, *, now: datetime | None = None) -> bool:
    """Whether a day (or a moment, by its own calendar day) can be when an article was published."""
    day = value.date() if isinstance(value, datetime) else value
    latest = (now or datetime.now(UTC)) + LATEST_AHEAD
    return EARLIEST_PUBLISHED <= day <= latest.date() and day not in PLACEHOLDER_DAYS


Moment = TypeVar("Moment", date, datetime)


def shifted(moment: Moment, delta: timedelta) -> Moment:
    """`moment + delta` (a date or a datetime), held at the first or last one there is instead of overflowing."""
    try:
        return moment + delta
    except OverflowError:
        limit = type(moment).max if delta > timedelta(0) else type(moment).min
        return limit.replace(tzinfo=moment.tzinfo) if isinstance(moment, datetime) else limit


def parse_date(text: str) -> ParsedDate | None:
    """Parse a date or timestamp string; None when it is not one."""
    text = text.strip()
    try:
        if _YEAR.match(text):
            return ParsedDate(datetime(int(text), 1, 1, tzinfo=UTC), "year")
        if _YEAR_MONTH.match(text):
            year, month = map(int, text.split("-"))
            return ParsedDate(datetime(year, month, 1, tzinfo=UTC), "month")
        if value := _from_iso(text):
            precision = "day" if _DATE.match(text) else "time"
        else:
            value, precision = _parse_free(text)
        # An offset past a day is no offset at all (Python refuses to use it), and past any zone's Postgres refuses.
        if value.tzinfo is not None and abs(value.utcoffset()) > MAX_UTC_OFFSET:
            return None
    except (ValueError, OverflowError):
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return ParsedDate(value, precision)


# dateutil fills what a string leaves out from a default date (today, unless told otherwise). Parsing with two
# different defaults shows what was filled in: a missing day is no date at all, a missing time means "day".
_DEFAULTS = (datetime(1904, 1, 1, 0, 0), datetime(1905, 2, 2, 1, 1))


_FOUR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")


class _UnknownZone(Exception):
    """A time zone name that dateutil does not know ("EST", "CEST")."""


def _known_zone(name: str | None, offset: int | None) -> tzinfo | None:
    # dateutil asks this for every zone it finds; an offset (UTC and GMT are 0) is known, a bare name is not.
    if offset is not None:
        return tz.tzoffset(name, offset)
    if name:
        raise _UnknownZone(name)
    return None


def _parse_free(text: str) -> tuple[datetime, str]:
    try:
        return _parse_both(text, tzinfos=_known_zone)
    except _UnknownZone:
        value, precision = _parse_both(text, ignoretz=True)
    # A clock time in a zone we cannot place could be any of 24 hours: only its day is kept.
    if precision == "time":
        return value.replace(hour=0, minute=0, second=0, microsecond=0), "day"
    return value, precision


def _parse_both(text: str, **options: object) -> tuple[datetime, str]:
    first, second = (dateutil_parser.parse(text, default=default, **options) for default in _DEFAULTS)
    year = _written_year(text, first.year)
    first, second = first.replace(year=year), second.replace(year=year)
    if (first.year, first.month) == (second.year, second.month) and first.day != second.day:
        return first, "month"
    if first.date() != second.date():
        raise ValueError(f"not a full date: {text!r}")
    return first, "time" if first.time() == second.time() else "day"


def _written_year(text: str, year: int) -> int:
    """The year as the text writes it: dateutil reads "0001" as 2001."""
    written = {int(digits) for digits in _FOUR_DIGITS.findall(text)}
    if not written or year in written:
        return year
    if year % 100 in written:
        return year % 100
    raise ValueError(f"not the year written: {text!r}")


_HAS_YEAR = re.compile(r"\d{4}")


def _from_iso(text: str) -> datetime | None:
    # Most pages write ISO 8601; the standard library reads it many times faster than dateutil.
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|urday|sday)?\.?,?\s+)?"
_CLOCK = (
    r"(?:(?:\s*[,|\-–—]\s*|\s+(?:at\s+)?)(?P<hour>\d{1,2})[:.](?P<minute>\d{2})"
    r"\s*(?P<ampm>[ap]\.?m\.?)?\s*(?P<zone>gmt|utc|z)?\b)?"
)
# Dates as pages write them: ISO, "14 October 2010", "Oct. 14, 2010", each with an optional clock time.
WRITTEN_DATE = re.compile(
    r"\b(?:"
    r"(?P<iso>(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))(?:[T ](?P<ih>\d{2}):(?P<imin>\d{2})(?::\d{2}(?:\.\d+)?)?"
    r"(?P<iz>Z|[+-]\d{2}:?\d{2})?)?"
    rf"|{_WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}}){_CLOCK}"
    rf"|{_WEEKDAY}{_MONTH.replace('month', 'month2')}\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year2>\d{{4}})"
    rf"{_CLOCK.replace('hour', 'hour2').replace('minute', 'minute2').replace('ampm', 'ampm2').replace('zone', 'zone2')}"
    r")",
    re.IGNORECASE,
)


def find_written_date(text: str) -> tuple[ParsedDate, re.Match[str]] | None:
    """The first date written in the text, with the match that holds it; a time counts only with its time zone."""
    if not _HAS_YEAR.search(text):
        return None  # every form below has a four-digit year, and most text has none: skip the long pattern
    for match in WRITTEN_DATE.finditer(text):
        parsed = _written_date(match)
        if parsed is not None:
            return parsed, match
    return None


def _written_date(match: re.Match[str]) -> ParsedDate | None:
    group = match.group
    if group("iso"):
        if group("ih") and group("iz"):
            return parse_date(match.group(0))
        return parse_date(group("iso"))
    if group("day"):
        year, month, day = group("year"), group("month"), group("day")
        hour, minute, ampm, zone = group("hour"), group("minute"), group("ampm"), group("zone")
    else:
        year, month, day = group("year2"), group("month2"), group("day2")
        hour, minute, ampm, zone = group("hour2"), group("minute2"), group("ampm2"), group("zone2")
    try:
        value = datetime(int(year), _MONTHS[month.lower()], int(day), tzinfo=UTC)
        # A clock time without a zone could be any of 24 hours, so it adds nothing we can trust.
        if hour and zone:
            hours = int(hour) % 12 + (12 if ampm and ampm[0].lower() == "p" else 0) if ampm else int(hour)
            return ParsedDate(value.replace(hour=hours, minute=int(minute)), "time")
    except ValueError:
        return None
    return ParsedDate(value, "day")
