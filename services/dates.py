"""Dates as articles give them: ISO strings of any precision, parsed without guessing what is missing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from dateutil import parser as dateutil_parser

_YEAR = re.compile(r"^\d{4}$")
_YEAR_MONTH = re.compile(r"^\d{4}-\d{2}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class ParsedDate:
    """A point in time with how much of it is known: "year", "month", "day" or "time"."""

    value: datetime
    precision: str


def parse_date(text: str) -> ParsedDate | None:
    """Parse a date or timestamp string; None when it is not one."""
    text = text.strip()
    try:
        if _YEAR.match(text):
            return ParsedDate(datetime(int(text), 1, 1, tzinfo=UTC), "year")
        if _YEAR_MONTH.match(text):
            year, month = map(int, text.split("-"))
            return ParsedDate(datetime(year, month, 1, tzinfo=UTC), "month")
        value = dateutil_parser.isoparse(text) if _DATE.match(text) else dateutil_parser.parse(text)
    except (ValueError, OverflowError):
        return None
    precision = "day" if _DATE.match(text) else "time"
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return ParsedDate(value, precision)
