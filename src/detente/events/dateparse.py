"""Reading a temporal expression ("In January 2025", "last week", "on Tuesday") into a date at the
precision the words support. Used by ``detente.events.dates``; see its docstring for the rules."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Literal

from detente.models import DatePrecision

Direction = Literal["past", "future"]

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "a couple of": 2,
    "couple of": 2,
}
RELATIVE_WORDS = {"yesterday", "today", "tonight", "tomorrow"}


_MONTH_RE = (
    r"(january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
)
_WEEKDAY_RE = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_NUM_RE = r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of|couple of)"
_QUANT_RE = (
    r"\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty"
    r"|forty|fifty|sixty|seventy|eighty|ninety|hundred|several|few|many|couple|some|dozens?|hundreds?"
    r"|past|recent|last|next|coming|previous)\b[\s-]+(?:\w+[\s-]+)?"
    r"(years?|months?|weeks?|days?|decades?|century|centuries|hours?|minutes?|nights?)\b"
)
_QUALIFIER_RE = re.compile(
    r"^(?:early|late|mid|mid-|the end of|end of|the beginning of|beginning of|the start of|start of"
    r"|the middle of|middle of|the turn of|the close of|the first half of|the second half of"
    r"|the (?:first|second|third|fourth|last|final) (?:quarter|week|weekend|half|days?|months?) of"
    r"|(?:the )?(?:first|second|third|fourth) quarter(?: of)?|q[1-4]"
    r"|(?:the )?(?:spring|summer|autumn|fall|winter)(?: of)?|the|of|around|about|as of)[\s-]+"
)



# --------------------------------------------------------------------------- parsing


Parsed = tuple[str, DatePrecision, str]


def normalise(text: str) -> str:
    s = text.lower().replace("’", "'").replace("–", "-").replace("—", "-")
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[,.]", " ", s)
    s = re.sub(r"\b(\d{1,2})(st|nd|rd|th)\b", r"\1", s)
    return re.sub(r"\s+", " ", s).strip()


def _period(a: dt.date, b: dt.date) -> tuple[str, DatePrecision]:
    """The smallest calendar period holding the days a..b."""
    if a == b:
        return a.isoformat(), "day"
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.year:04d}-{a.month:02d}", "month"
    if a.year == b.year:
        return f"{a.year:04d}", "year"
    mid = a + (b - a) / 2
    return f"{mid.year:04d}", "year"


def _month_value(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _num(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _year_for_day(m: int, d: int, pub: dt.date, direction: Direction) -> dt.date | None:
    cand = _safe_date(pub.year, m, d)
    if cand is None:  # 29 February
        cand = _safe_date(pub.year - 1 if direction == "past" else pub.year + 1, m, d)
        return cand
    if direction == "past" and cand > pub:
        return _safe_date(pub.year - 1, m, d)
    if direction == "future" and cand < pub:
        return _safe_date(pub.year + 1, m, d)
    return cand


def _year_for_month(m: int, pub: dt.date, direction: Direction, strict: bool = False) -> int:
    if direction == "past":
        return pub.year if (m < pub.month or (m == pub.month and not strict)) else pub.year - 1
    return pub.year if (m > pub.month or (m == pub.month and not strict)) else pub.year + 1


def _week(pub: dt.date, k: int) -> tuple[dt.date, dt.date]:
    monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=k)
    return monday, monday + dt.timedelta(days=6)


def _relative(s: str, pub: dt.date | None, direction: Direction) -> Parsed | str | None:
    """Expressions relative to publication. None: not a relative expression."""
    m = re.fullmatch(
        r"(?:(?:early|late|earlier|later)\s+)?(yesterday|today|tonight|tomorrow|last night|the day before yesterday"
        r"|the day after tomorrow|this (?:morning|afternoon|evening))(?:\s+(?:morning|afternoon|evening|night))?",
        s,
    )
    m2 = re.fullmatch(_NUM_RE + r"\s+(day|week|month|year)s?\s+ago", s)
    m3 = re.fullmatch(
        r"(?:(earlier|later|early|late)\s+)?(last|this|next|coming|previous|the|past)\s+(week|weekend|month|year)",
        s,
    )
    m4 = re.fullmatch(
        r"(?:(last|this|next|past|coming|on)\s+)?"
        + _WEEKDAY_RE
        + r"(?:\s+(morning|afternoon|evening|night))?",
        s,
    )
    m5 = re.fullmatch(r"(last|this|next|coming)\s+" + _MONTH_RE, s)
    m6 = s in ("weekend", "the weekend")
    if not (m or m2 or m3 or m4 or m5 or m6):
        return None
    if pub is None:
        return "is relative and there is no publication date"
    if m:
        word = m.group(1)
        offset = {"yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2}.get(
            word, 0
        )
        if word == "the day after tomorrow":
            offset = 2
        d = pub + dt.timedelta(days=offset)
        return d.isoformat(), "day", f"relative to publication {pub.isoformat()}"
    if m2:
        n = _num(m2.group(1)) or 1
        unit = m2.group(2)
        if unit == "day":
            d = pub - dt.timedelta(days=n)
            return d.isoformat(), "day", f"{n} day(s) before publication {pub.isoformat()}"
        if unit == "week":
            a, b = _week(pub - dt.timedelta(weeks=n), 0)
            value, prec = _period(a, b)
            return value, prec, f"the week of {a.isoformat()}, at the precision of the period containing it"
        if unit == "month":
            y, mo = _shift_month(pub.year, pub.month, -n)
            return _month_value(y, mo), "month", f"{n} month(s) before publication {pub.isoformat()}"
        return f"{pub.year - n:04d}", "year", f"{n} year(s) before publication {pub.isoformat()}"
    if m3:
        qual, which, unit = m3.group(1), m3.group(2), m3.group(3)
        if which == "past":
            return "is a period up to publication, not an event time"
        if which == "the" and unit != "weekend":
            return "is not anchored (the week/month/year of what?)"
        k = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(which, 0)
        if unit == "weekend":
            return _weekend(pub, k if which != "the" else 0, direction)
        if unit == "week":
            a, b = _week(pub, k)
            if k == 0 and (qual == "earlier" or (qual is None and direction == "past")):
                b = pub
            elif k == 0 and (qual == "later" or (qual is None and direction == "future")):
                a = pub
            value, prec = _period(a, b)
            return (
                value,
                prec,
                f"week {a.isoformat()}..{b.isoformat()}, at the precision of the period containing it",
            )
        if unit == "month":
            y, mo = _shift_month(pub.year, pub.month, k)
            return _month_value(y, mo), "month", f"relative to publication {pub.isoformat()}"
        return f"{pub.year + k:04d}", "year", f"relative to publication {pub.isoformat()}"
    if m4:
        which = m4.group(1)
        wd = WEEKDAYS[m4.group(2)]
        back = (pub.weekday() - wd) % 7
        fwd = (wd - pub.weekday()) % 7
        if which == "last" or which == "past":
            d = pub - dt.timedelta(days=back or 7)
            note = "the last such day before publication"
        elif which in ("next", "coming"):
            d = pub + dt.timedelta(days=fwd or 7)
            note = "the next such day after publication"
        elif direction == "future":
            d = pub + dt.timedelta(days=fwd)
            note = "future clause: the next such day on or after publication"
        else:
            d = pub - dt.timedelta(days=back)
            note = "the most recent such day on or before publication"
        return d.isoformat(), "day", f"{note} {pub.isoformat()}"
    if m5:
        which, mo = m5.group(1), MONTHS[m5.group(2)]
        if which == "this":
            y = pub.year
        elif which == "last":
            y = _year_for_month(mo, pub, "past", strict=True)
        else:
            y = _year_for_month(mo, pub, "future", strict=True)
        return _month_value(y, mo), "month", f"relative to publication {pub.isoformat()}"
    return _weekend(pub, 0, direction)


def _weekend(pub: dt.date, k: int, direction: Direction) -> Parsed:
    wd = pub.weekday()
    if k == 0 and direction == "past" or k < 0:
        sat = pub - dt.timedelta(days=(wd - 5) % 7)
        if k < 0 and wd >= 5:
            sat -= dt.timedelta(days=7)
    else:
        sat = pub + dt.timedelta(days=(5 - wd) % 7) if wd != 6 else pub - dt.timedelta(days=1)
        if k > 0 and wd >= 5:
            sat += dt.timedelta(days=7)
    sun = sat + dt.timedelta(days=1)
    value, prec = _period(sat, sun)
    return (
        value,
        prec,
        f"weekend {sat.isoformat()}..{sun.isoformat()}, at the precision of the period containing it",
    )


def _absolute(s: str, pub: dt.date | None, direction: Direction, notes: list[str]) -> Parsed | str | None:
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", s)
    if m:
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return (d.isoformat(), "day", "") if d else "is not a valid date"
    m = re.fullmatch(r"(\d{1,2}) (?:of )?" + _MONTH_RE + r" (\d{4})", s)
    m_us = re.fullmatch(_MONTH_RE + r" (\d{1,2}) (\d{4})", s)
    if m or m_us:
        if m:
            day, mon, year = int(m.group(1)), MONTHS[m.group(2)], int(m.group(3))
        else:
            assert m_us is not None
            mon, day, year = MONTHS[m_us.group(1)], int(m_us.group(2)), int(m_us.group(3))
        d = _safe_date(year, mon, day)
        return (d.isoformat(), "day", "") if d else "is not a valid date"
    m = re.fullmatch(r"(\d{1,2}) (?:of )?" + _MONTH_RE, s) or re.fullmatch(_MONTH_RE + r" (\d{1,2})", s)
    if m:
        a, b = m.group(1), m.group(2)
        day, mon = (int(a), MONTHS[b]) if a.isdigit() else (int(b), MONTHS[a])
        if pub is None:
            return "has no year and there is no publication date"
        d = _year_for_day(mon, day, pub, direction)
        if d is None:
            return "is not a valid date"
        word = "latest such day on or before" if direction == "past" else "earliest such day on or after"
        return d.isoformat(), "day", f"year from publication: the {word} {pub.isoformat()}"
    m = re.fullmatch(_MONTH_RE + r" (?:of )?(\d{4})", s)
    if m:
        return _month_value(int(m.group(2)), MONTHS[m.group(1)]), "month", ""
    m = re.fullmatch(_MONTH_RE, s)
    if m:
        if pub is None:
            return "has no year and there is no publication date"
        mon = MONTHS[m.group(1)]
        y = _year_for_month(mon, pub, direction)
        word = "latest such month not after" if direction == "past" else "earliest such month not before"
        return _month_value(y, mon), "month", f"year from publication: the {word} {pub.isoformat()}"
    m = re.fullmatch(r"(?:the )?(?:year )?(\d{4})", s)
    if m:
        y = int(m.group(1))
        if 1000 <= y <= 2199:
            return f"{y:04d}", "year", ""
        return "is not a plausible year"
    m = re.fullmatch(r"(?:the )?'?(\d{2}|\d{3}0)s", s)
    if m:
        g = m.group(1)
        if len(g) == 2:
            if not g.endswith("0"):
                return None
            y = (1900 if int(g) >= 30 else 2000) + int(g)
        else:
            y = int(g)
        return f"{y:04d}", "year", f"decade {y}s coded as its first year"
    return None


def parse_expression(text: str, published: dt.date | None, direction: Direction = "past") -> Parsed | str:
    """Parse a temporal expression: (value, precision, note), or a string saying why it is not a date."""
    return parse_core(normalise(text), published, direction)


@lru_cache(maxsize=4096)
def parse_core(s: str, pub: dt.date | None, direction: Direction) -> Parsed | str:
    if not s:
        return "is empty"
    if re.search(r"\d[\s-]*(?:years?|months?|weeks?|days?)[\s-]*old\b|-old\b", s):
        return "is an age"
    if re.search(r"\bbetween\b|\b(?:to|until|till|through|and)\b|\d{4}\s*[-/]\s*\d{2,4}\b", s):
        return "is a range, not an event time"
    rel = _relative(s, pub, direction)
    if rel is not None:
        return rel
    if re.search(_QUANT_RE, s) or re.fullmatch(
        r"(?:the )?(?:years|months|weeks|days|decades|recently|recent|lately|the past|now|then|once|some time)",
        s,
    ):
        return "is a duration or a vague time, not an event time"
    notes: list[str] = []
    rest = s
    # "tuesday march 3 2025": drop a weekday in front of a full date
    rest = re.sub(r"^" + _WEEKDAY_RE + r" (?=\S)", "", rest)
    while True:
        m = _QUALIFIER_RE.match(rest)
        if not m or m.end() >= len(rest):
            break
        notes.append(m.group(0).strip())
        rest = rest[m.end() :]
    res = _absolute(rest, pub, direction, notes)
    if res is None:
        res = _fallback(rest, pub, direction)
    if isinstance(res, tuple) and notes:
        qual = ", ".join(n for n in notes if n not in ("the", "of"))
        if qual:
            note = f"qualifier '{qual}' kept at {res[1]} precision"
            res = (res[0], res[1], f"{note}; {res[2]}" if res[2] else note)
    return res


def _fallback(s: str, pub: dt.date | None, direction: Direction) -> Parsed | str:
    """Embedded dates the fixed patterns miss ('christmas 2019'), then dateparser as a last resort."""
    has_month = re.search(r"\b" + _MONTH_RE + r"\b", s)
    years = re.findall(r"\b(1[5-9]\d\d|2[01]\d\d)\b", s)
    if len(years) == 1 and not re.search(r"\b\d{1,2}\b", s):
        y = int(years[0])
        if has_month:
            return _month_value(y, MONTHS[has_month.group(1)]), "month", f"month and year read from '{s}'"
        return f"{y:04d}", "year", f"year read from '{s}'"
    if not (has_month or years):
        return f"is not a date I can read ('{s}')"
    return _dateparser(s, pub, direction, bool(has_month), bool(years))


@lru_cache(maxsize=1024)
def _dateparser(
    s: str, pub: dt.date | None, direction: Direction, has_month: bool, has_year: bool
) -> Parsed | str:
    import dateparser  # slow import; only here

    has_day = bool(re.search(r"\b\d{1,2}\b", s)) and has_month
    if not has_year and pub is None:
        return "has no year and there is no publication date"
    parts = ["year"] if has_year else []
    if has_month:
        parts.append("month")
    if has_day:
        parts.append("day")
    settings: dict[str, object] = {
        "PREFER_DATES_FROM": "past" if direction == "past" else "future",
        "REQUIRE_PARTS": parts,
        "PREFER_DAY_OF_MONTH": "first",
    }
    if pub is not None:
        settings["RELATIVE_BASE"] = dt.datetime(pub.year, pub.month, pub.day)
    try:
        got = dateparser.parse(s, languages=["en"], settings=settings)  # type: ignore[arg-type]
    except Exception:  # dateparser raises assorted errors on odd input
        got = None
    if got is None:
        return f"is not a date I can read ('{s}')"
    if has_day:
        return got.date().isoformat(), "day", "read by dateparser"
    if has_month:
        return _month_value(got.year, got.month), "month", "read by dateparser"
    return f"{got.year:04d}", "year", "read by dateparser"
