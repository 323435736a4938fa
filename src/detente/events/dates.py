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

from spacy.tokens import Span, Token

from detente.doccache import ent_at, kids, sent_flag, sent_of
from detente.events.dateparse import (
    MONTHS,
    RELATIVE_WORDS,
    WEEKDAYS,
    Direction,
    normalise,
    parse_core,
    parse_expression,
)
from detente.events.factuality import (
    describing_clauses,
    future_reason,
    governing_chain,
    is_nominal,
    light_verb,
)
from detente.models import EventDate

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

__all__ = ["event_date", "is_historical", "temporal_expressions", "TemporalExpression", "parse_expression"]

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


# --------------------------------------------------------------------------- public API


def event_date(trigger: Token, published: dt.date | None) -> EventDate:
    """The date of the event whose trigger is ``trigger``, at the precision the text supports."""
    exprs = temporal_expressions(trigger)
    skipped: list[str] = []
    if exprs:
        direction = _direction(trigger)
        for ex in exprs:
            res = parse_core(normalise(ex.core), published, direction)
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
