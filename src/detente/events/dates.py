"""When did the event happen? The temporal expression governing a trigger, resolved to a date.

``event_date(trigger, published)`` finds the temporal expression attached to the trigger's clause and
parses it at the precision the text supports; ``is_historical`` tells whether that period ended long
before publication.

Where the expression is looked for, best first (the first one that parses wins):

0. the trigger's own dependents: temporal preps (in / on / at / during / since / from / over /
   throughout / around / as of) whose object is (or is modified by) a DATE/TIME entity
   ("met *in January 2025*", "during *the 2020* election"), adverbial NPs ("*last week*",
   "*yesterday*", "*two days ago*"), and for a nominal trigger its date modifiers ("the *2020* clash",
   "the *March 2019* summit", "*Tuesday*'s talks");
1. for a nominal trigger, a participial or subject relative clause on it ("the ban, *imposed in
   2020*", "the agreement, which was *signed in 2019*") — before the light verb, so that "the ban,
   imposed in 2020, was lifted on Tuesday" dates the ban 2020;
2. the governing chain (see ``factuality.governing_chain``): the light verb of a nominal ("held
   talks *last week*") and xcomp heads ("is expected *next month* to meet");
3. a date PP the parser hung on the trigger's object or on the object of one of its PPs ("signed a
   deal *on 3 March*" parsed as deal -> on);
4. only then another clause: the head of an ``advcl`` without a subordinator or with
   when / while / as ("attacked on Monday, *killing* 20"), or of a subject-less ``conj`` ("met Xi
   on Monday and *signed* a deal"). An "after/before/because" clause or a conjunct with its own
   subject keeps its own (absent) date, and a ``ccomp`` ("said on Monday that rebels attacked")
   never borrows the reporting clause's date;
5. an unsubordinated participial clause on the trigger ("*Speaking on Tuesday*, Wang criticised").

Decisions:

* Month- and year-only expressions never get a day: "in January 2025" -> ``2025-01`` (month),
  "in 2020" / "since 2020" / "the 2020 clash" / "in early 2020" / "at the end of 2019" -> year.
* A month (or day and month) without a year takes its year from ``published``: the latest such
  month/day not after publication, or for future-looking clauses the earliest not before it.
* Weekdays: past clauses -> the most recent such day on or before publication; future clauses
  (will / is expected to / is set to ..., a modal, or a present-tense non-reporting verb: "the talks
  begin on Monday") -> the next such day on or after publication. "last Tuesday" is strictly
  before, "next Tuesday" strictly after.
* Weeks and weekends ("last week", "this week", "earlier this week", "next week", "over the
  weekend") have no precision of their own: the value is the smallest calendar period containing
  the whole week (Monday-Sunday) or weekend — usually its month (precision "month"), the year when
  it straddles two months, and when it straddles New Year the year holding most of its days. No day
  is ever invented for them. "last/this/next month|year" -> month/year; "yesterday", "today",
  "tonight", "tomorrow", "N days ago" -> day; "N weeks ago" -> the period containing that week;
  "N months/years ago" -> month/year.
* Decades ("in the 1990s", "the '90s") -> the decade's first year at precision "year", with the
  decade named in the reason; better for the historical test than falling back to publication.
* Durations ("for 20 years", "a five-year hiatus", "in the past week", "in recent months"), ages
  ("60-year-old"), ranges ("between 2018 and 2020", "from 2018 to 2020", "2018-2020") and deadlines
  ("by 2030", "until", "before", "after") are not event times and are skipped.
* Seasons, quarters and "the first week of" with a year -> that year (or month if one is named).
* Relative expressions need ``published``; without it they are skipped. With no usable expression
  the event gets the publication date (precision "publication"), or nothing (precision "none").
  Today's date is never used.
* ``text`` includes the preposition ("since 2020"); the reason names how it is attached.
* ``dateparser`` is only a last resort for expressions the regexes do not read, and only for
  sentences that have a DATE/TIME entity attached to the trigger; results are cached.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from spacy.tokens import Span, Token

from detente.doccache import ent_at, kids, sent_flag, sent_of
from detente.events.factuality import (
    describing_clauses,
    future_reason,
    governing_chain,
    is_nominal,
    light_verb,
)
from detente.models import DatePrecision, EventDate

__all__ = ["event_date", "is_historical", "temporal_expressions", "TemporalExpression", "parse_expression"]

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

TEMPORAL_PREPS = {"in", "on", "at", "during", "since", "from", "over", "throughout", "around", "of"}
MOD_DEPS = {"nummod", "compound", "nmod", "amod", "poss", "npadvmod"}
ADVERBIAL_DEPS = {"npadvmod", "tmod", "advmod", "obl", "nmod", "npmod"}
REPORTING_LEMMAS = {
    "say",
    "tell",
    "state",
    "claim",
    "report",
    "add",
    "note",
    "insist",
    "warn",
    "accuse",
    "deny",
    "confirm",
    "allege",
    "argue",
}

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


@dataclass(frozen=True)
class TemporalExpression:
    """A candidate temporal expression attached to a trigger's clause."""

    text: str  # with its preposition: "In January 2025"
    core: str  # the date words: "January 2025"
    prep: str | None  # lower-cased preposition, if any
    via: str  # how it is attached: "prep 'In' on 'met'"
    rank: int  # search tier (see module docstring)
    start: int  # token index of the first token of ``text``
    end: int  # token index after the last token


# --------------------------------------------------------------------------- finding the expression


def _ent_span(tok: Token) -> Span | None:
    if tok.ent_type_ in ("DATE", "TIME"):
        ent = ent_at(tok)
        if ent is not None:
            return ent
    low = tok.lower_
    if (
        low in RELATIVE_WORDS
        or (tok.text[:1].isupper() and (low in WEEKDAYS or (low in MONTHS and len(low) > 3 and low != "may")))
        or (tok.tag_ == "CD" and re.fullmatch(r"1[5-9]\d\d|20\d\d|21\d\d", tok.text))
    ):
        return tok.doc[tok.i : tok.i + 1]
    return None


def _mod_span(tok: Token) -> Span | None:
    """A date entity on the token or among its modifiers ('the 2020 election' -> '2020')."""
    sp = _ent_span(tok)
    if sp is not None:
        return sp
    for c in kids(tok):
        if c.dep_ in MOD_DEPS:
            sp = _ent_span(c)
            if sp is not None:
                return sp
    return None


def _contains(tok: Token, target: Token) -> bool:
    return tok.left_edge.i <= target.i <= tok.right_edge.i


def _direct(
    anchor: Token, trigger: Token, rank: int, nominal: bool, label: str = ""
) -> list[TemporalExpression]:
    """Temporal expressions attached directly to ``anchor``."""
    out: list[TemporalExpression] = []
    doc = anchor.doc
    where = label or f"'{anchor.text}'"
    for c in kids(anchor):
        if c.i == trigger.i or (anchor.i != trigger.i and _contains(c, trigger)):
            continue
        dep = c.dep_
        sp: Span | None = None
        prep: Token | None = None
        if dep == "prep":
            p = c.lower_
            if p not in TEMPORAL_PREPS or (p == "of" and not nominal):
                continue
            pobj = next((g for g in kids(c) if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is None:
                continue
            sp = _mod_span(pobj)
            if sp is None:
                continue
            if p == "from" and any(
                s.dep_ == "prep" and s.lower_ in ("to", "until", "till", "through") and s.i != c.i
                for s in kids(anchor)
            ):
                continue  # "from 2018 to 2020": a range
            if p == "of" and pobj.i not in range(sp.start, sp.end):
                continue
            prep = c
        elif dep in ADVERBIAL_DEPS or (nominal and dep in MOD_DEPS):
            sp = _ent_span(c)
        if sp is None or sp.start <= trigger.i < sp.end:
            continue
        if prep is not None and prep.i < sp.start:
            pobj_tok = next(g for g in kids(prep) if g.dep_ in ("pobj", "pcomp"))
            start, end = prep.i, max(sp.end, pobj_tok.i + 1)
            via = f"prep '{prep.text}' on {where}"
        else:
            start, end = sp.start, sp.end
            via = f"{dep} on {where}"
        text = doc[start:end].text
        out.append(
            TemporalExpression(
                text=text,
                core=sp.text,
                prep=prep.lower_ if prep is not None else None,
                via=via,
                rank=rank,
                start=start,
                end=end,
            )
        )
    return out


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in kids(tok))


def _sentence_may_have_date(trigger: Token) -> bool:
    return bool(sent_flag(sent_of(trigger), "may_have_date", _scan_for_dates))


def _scan_for_dates(sent: Span) -> bool:
    for t in sent:
        if t.ent_type_ in ("DATE", "TIME") or t.lower_ in RELATIVE_WORDS:
            return True
        if t.text[:1].isupper() and (t.lower_ in WEEKDAYS or t.lower_ in MONTHS):
            return True
        if t.tag_ == "CD" and len(t.text) == 4 and t.text.isdigit():
            return True
    return False


def temporal_expressions(trigger: Token) -> list[TemporalExpression]:
    """All candidate temporal expressions for the trigger, best first (see module docstring)."""
    if not _sentence_may_have_date(trigger):
        return []
    nominal = is_nominal(trigger)
    found: list[TemporalExpression] = []
    found += _direct(trigger, trigger, 0, nominal)
    if nominal:
        for c in describing_clauses(trigger):
            found += _direct(c, trigger, 1, False, f"'{c.text}' ({c.dep_} of '{trigger.text}')")
    chain = governing_chain(trigger)
    for tok in chain[1:]:
        found += _direct(tok, trigger, 2, False)
    # misattached PPs: on the trigger's (or light verb's) object, or on the object of its PPs
    verb = trigger if not nominal else light_verb(trigger)
    if verb is not None:
        for c in kids(verb):
            if c.i == trigger.i:
                continue
            if c.dep_ in ("dobj", "attr", "dative"):
                for g in kids(c):
                    if g.dep_ == "prep":
                        found += _direct_prep(c, g, trigger, 3)
            elif c.dep_ == "prep":
                pobj = next((g for g in kids(c) if g.dep_ == "pobj"), None)
                if pobj is not None and pobj.i != trigger.i:
                    for g in kids(pobj):
                        if g.dep_ == "prep":
                            found += _direct_prep(pobj, g, trigger, 3)
    # another clause, only as a fallback
    top = chain[-1]
    if top.dep_ == "advcl" and top.head.i != top.i:
        marks = [m.lower_ for m in kids(top) if m.dep_ == "mark"]
        if not marks or marks[0] in ("when", "while", "as"):
            found += _direct(top.head, trigger, 4, False)
            for tok in governing_chain(top.head)[1:]:
                found += _direct(tok, trigger, 4, False)
    cur = top
    while cur.dep_ == "conj" and cur.head.i != cur.i and not _has_subject(cur) and not is_nominal(cur):
        cur = cur.head
        found += _direct(cur, trigger, 4, False)
    if not nominal:
        for c in kids(trigger):
            if (
                c.dep_ == "advcl"
                and c.tag_ in ("VBG", "VBN")
                and not any(m.dep_ == "mark" for m in kids(c))
            ):
                found += _direct(c, trigger, 5, False, f"'{c.text}' (participial clause on '{trigger.text}')")
    # de-duplicate, keep order (already by rank)
    seen: set[tuple[int, int]] = set()
    out: list[TemporalExpression] = []
    for ex in found:
        key = (ex.start, ex.end)
        if key not in seen:
            seen.add(key)
            out.append(ex)
    return out


def _direct_prep(host: Token, prep: Token, trigger: Token, rank: int) -> list[TemporalExpression]:
    """A date PP ``prep`` hanging on ``host`` (a noun next to the trigger)."""
    return [
        ex
        for ex in _direct(host, trigger, rank, False, f"'{host.text}' (next to '{trigger.text}')")
        if ex.start == prep.i
    ]


# --------------------------------------------------------------------------- direction of the clause


def _direction(trigger: Token) -> Direction:
    """Whether relative days/months should be resolved forwards ('future') or backwards."""
    if future_reason(trigger, with_dates=False):
        return "future"
    verb = light_verb(trigger) if is_nominal(trigger) else trigger
    if verb is None:
        return "past"
    auxes = [c for c in kids(verb) if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("could", "might", "may", "would", "should", "can", "must") for a in auxes):
        return "future"
    if any(a.lemma_ in ("have", "do") or a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.lemma_ in REPORTING_LEMMAS:
        return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        return "future"  # "the talks begin on Monday"
    if verb.tag_ == "VBG" and any(a.lower_ in ("am", "is", "are", "'s", "'re") for a in auxes):
        return "future"  # "is meeting on Monday"
    return "past"


# --------------------------------------------------------------------------- parsing


Parsed = tuple[str, DatePrecision, str]


def _norm(text: str) -> str:
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
    return _parse(_norm(text), published, direction)


@lru_cache(maxsize=4096)
def _parse(s: str, pub: dt.date | None, direction: Direction) -> Parsed | str:
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


# --------------------------------------------------------------------------- public API


def event_date(trigger: Token, published: dt.date | None) -> EventDate:
    """The date of the event whose trigger is ``trigger``, at the precision the text supports."""
    exprs = temporal_expressions(trigger)
    skipped: list[str] = []
    if exprs:
        direction = _direction(trigger)
        for ex in exprs:
            res = _parse(_norm(ex.core), published, direction)
            if isinstance(res, str):
                skipped.append(f"'{ex.text}' {res}")
                continue
            value, precision, note = res
            if ex.prep == "since":
                note = f"'since': the state began then{'; ' + note if note else ''}"
            reason = f"'{ex.text}' ({ex.via}) -> {value}"
            if note:
                reason += f" ({note})"
            return EventDate(value=value, precision=precision, text=ex.text, reason=reason)
    extra = f" (skipped: {'; '.join(skipped)})" if skipped else ""
    if published is not None:
        return EventDate(
            value=published.isoformat(),
            precision="publication",
            reason=f"no temporal expression; publication date{extra}",
        )
    return EventDate(
        value=None, precision="none", reason=f"no temporal expression and no publication date{extra}"
    )


def is_historical(date: EventDate, published: dt.date | None, days: int = 60) -> bool:
    """True when the event's period ends more than ``days`` days before publication."""
    if published is None or date.precision in ("publication", "none"):
        return False
    end = date.end()
    if end is None:
        return False
    return (published - end).days > days
