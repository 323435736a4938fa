"""Lenient parsing of the publication dates found on records, pages and feed items.

``parse_date`` never guesses: relative expressions ("yesterday", "2 days ago"), month-only
dates and ambiguous all-numeric dates such as ``03/07/2025`` give ``None``, so an article
is never dated "today" by accident. A datetime with a time zone keeps the calendar date
as written (the publisher's local date), it is not shifted to UTC.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import time
from typing import Any

_ISO_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")
_NUMERIC = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$")
_DATEPARSER_SETTINGS: dict[str, Any] = {
    "PARSERS": ["custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def parse_date(value: object) -> dt.date | None:
    """The calendar date in ``value``, or None when there is none or it cannot be read.

    Accepts ``date``/``datetime`` objects, ``time.struct_time``, ISO 8601 dates and datetimes
    ("2025-03-07", "2025-03-07T10:00:00Z", "2025-03-07 10:00:00+01:00"), RFC 2822
    ("Fri, 07 Mar 2025 10:00:00 GMT") and written-out dates ("7 March 2025", "March 7, 2025").
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, time.struct_time):
        try:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
        except ValueError:
            return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    return _parse_string(text)


def _parse_string(text: str) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        pass
    match = _ISO_PREFIX.match(text)
    if match:  # e.g. nanosecond fractions or a trailing zone name that fromisoformat refuses
        return _safe_date(int(match[1]), int(match[2]), int(match[3]))
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    match = _NUMERIC.match(text)
    if match:
        return _numeric_date(int(match[1]), int(match[2]), match[3])
    return _dateparser(text)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _numeric_date(first: int, second: int, year_text: str) -> dt.date | None:
    year = int(year_text)
    if len(year_text) == 2:
        year += 2000 if year < 70 else 1900
    if first > 12 >= second:
        return _safe_date(year, second, first)  # day first: 25.03.2025
    if second > 12 >= first:
        return _safe_date(year, first, second)  # month first: 03/25/2025
    if first == second:
        return _safe_date(year, first, second)
    return None  # 03/07/2025: March 7 or 3 July? Refuse to guess.


def _dateparser(text: str) -> dt.date | None:
    try:
        import dateparser  # imported lazily: it is slow to load and rarely needed
    except ImportError:  # pragma: no cover - dateparser is a declared dependency
        return None
    try:
        parsed = dateparser.parse(text, settings=_DATEPARSER_SETTINGS)
    except Exception:  # dateparser raises a variety of errors on odd input
        return None
    return parsed.date() if parsed is not None else None
