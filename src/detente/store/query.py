"""Filters over stored events, the dyad and ranking queries, and the guard of read-only SQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any

from ..errors import QueryError, StoreError

# dated events that can stand in a series of this period: a month-precise date says nothing of the week
PRECISIONS_FOR = {"day": ("day", "publication"), "week": ("day", "publication"),
                  "month": ("day", "publication", "month")}


def _date(v: dt.date | str | None, name: str) -> dt.date | None:
    if v is None or isinstance(v, dt.date):
        return v
    try:
        return dt.date.fromisoformat(v)
    except ValueError:
        raise StoreError(f"{name}={v!r} is not a date; write it as YYYY-MM-DD") from None


def date_range_conditions(since: dt.date | str | None, until: dt.date | str | None) -> tuple[list[str], list[Any]]:
    """SQL conditions (and their parameters) for events dated within [since, until]; either may be open."""
    conds: list[str] = []
    params: list[Any] = []
    s, u = _date(since, "since"), _date(until, "until")
    if s:
        conds.append("e.date >= ?")
        params.append(s)
    if u:
        conds.append("e.date <= ?")
        params.append(u)
    return conds, params


def actor_condition(side: str, value: str) -> tuple[str, list[Any]]:
    """`CHN` matches the country (CHN, CHNGOV, CHNMIL ...); a longer code such as `CHNGOV` matches exactly.

    (An actor code is its country followed by its sector, so a three-letter code is a country.)"""
    if len(value) <= 3:
        return f"e.{side}_country = ?", [value]
    return f"e.{side}_code = ?", [value]


@dataclass
class EventFilter:
    """Keyword filters of :meth:`detente.Store.events`."""

    source: str | None = None          # source actor: country (CHN) or full code (CHNGOV)
    target: str | None = None
    actor: str | None = None           # either side
    cameo: str | None = None           # code prefix: "19" or "190" or "0251"
    root: str | None = None
    base: str | None = None
    quad_class: int | Sequence[int] | None = None
    plover_event: str | None = None
    since: dt.date | str | None = None
    until: dt.date | str | None = None
    min_mentions: int | None = None
    factual: bool = False              # leave out negated, hypothetical and future events
    limit: int | None = None

    @classmethod
    def from_kwargs(cls, kw: dict[str, Any]) -> EventFilter:
        names = {f.name for f in fields(cls)}
        bad = sorted(set(kw) - names)
        if bad:
            raise StoreError(f"unknown event filter(s) {', '.join(bad)}; use {', '.join(sorted(names))}")
        return cls(**kw)

    def where(self) -> tuple[str, list[Any]]:
        conds: list[str] = []
        params: list[Any] = []

        def add(sql: str, ps: list[Any]) -> None:
            conds.append(sql)
            params.extend(ps)

        if self.source:
            add(*actor_condition("source", self.source))
        if self.target:
            add(*actor_condition("target", self.target))
        if self.actor:
            s, ps = actor_condition("source", self.actor)
            t, pt = actor_condition("target", self.actor)
            add(f"({s} OR {t})", ps + pt)
        if self.cameo:
            add("starts_with(e.cameo, ?)", [self.cameo])
        if self.root:
            add("e.root = ?", [self.root])
        if self.base:
            add("e.base = ?", [self.base])
        if self.quad_class is not None:
            qs = [self.quad_class] if isinstance(self.quad_class, int) else list(self.quad_class)
            add(f"e.quad_class IN ({', '.join('?' for _ in qs)})", qs)
        if self.plover_event:
            add("e.plover_event = ?", [self.plover_event])
        since, until = _date(self.since, "since"), _date(self.until, "until")
        if since:
            add("e.date >= ?", [since])
        if until:
            add("e.date <= ?", [until])
        if self.min_mentions:
            add("e.num_mentions >= ?", [self.min_mentions])
        if self.factual:
            conds.append("NOT (e.negated OR e.hypothetical OR e.future)")
        return (" WHERE " + " AND ".join(conds)) if conds else "", params


def dyad_condition(a: str, b: str, undirected: bool) -> tuple[str, list[Any]]:
    s_a, p1 = actor_condition("source", a)
    t_b, p2 = actor_condition("target", b)
    cond, params = f"({s_a} AND {t_b})", p1 + p2
    if undirected:
        s_b, p3 = actor_condition("source", b)
        t_a, p4 = actor_condition("target", a)
        cond, params = f"({cond} OR ({s_b} AND {t_a}))", params + p3 + p4
    return cond, params


def series_condition(by: str, since: dt.date | str | None, until: dt.date | str | None) -> tuple[str, list[Any]]:
    """Events that count in a dyad series: dated precisely enough for ``by``, factual, in range."""
    if by not in PRECISIONS_FOR:
        raise StoreError(f"unknown period {by!r}; choose day, week or month")
    precs = PRECISIONS_FOR[by]
    conds = ["e.date IS NOT NULL", f"e.date_precision IN ({', '.join('?' for _ in precs)})",
             "NOT (e.negated OR e.hypothetical OR e.future)"]
    params: list[Any] = list(precs)
    rc, rp = date_range_conditions(since, until)
    return " AND ".join(conds + rc), params + rp


PERIOD_SQL = {
    "day": "e.date",
    "week": "(e.date - (isodow(e.date) - 1)::INTEGER)",        # the Monday (date_trunc is 3x slower)
    "month": "make_date(year(e.date), month(e.date), 1)",
}


def dyad_sql(by: str, cond: str) -> str:
    return f"""SELECT {PERIOD_SQL[by]} AS period, count(*) AS events,
        count(*) FILTER (WHERE e.quad_class = 1) AS q1, count(*) FILTER (WHERE e.quad_class = 2) AS q2,
        count(*) FILTER (WHERE e.quad_class = 3) AS q3, count(*) FILTER (WHERE e.quad_class = 4) AS q4,
        sum(e.goldstein) AS goldstein_sum,
        coalesce(sum(e.goldstein) FILTER (WHERE e.quad_class <= 2), 0) AS coop_sum,
        coalesce(sum(e.goldstein) FILTER (WHERE e.quad_class >= 3), 0) AS conflict_sum
        FROM events e WHERE {cond} GROUP BY 1 ORDER BY 1"""


def totals_sql(by: str, cond: str) -> str:
    return (f"SELECT {PERIOD_SQL[by]} AS period, count(*) AS total_volume "
            f"FROM events e WHERE {cond} GROUP BY 1")


def dyads_sql(undirected: bool, cond: str) -> str:
    """Per-dyad volume, conflict and Goldstein over the events matching ``cond`` (countries only)."""
    if undirected:
        a, b = "least(e.source_country, e.target_country)", "greatest(e.source_country, e.target_country)"
    else:
        a, b = "e.source_country", "e.target_country"
    return f"""SELECT {a} AS a, {b} AS b, count(*) AS events,
        count(*) FILTER (WHERE e.quad_class >= 3) AS conflict_events,
        coalesce(sum(e.goldstein) FILTER (WHERE e.quad_class >= 3), 0) AS conflict_sum,
        sum(e.goldstein) AS goldstein_sum, avg(e.goldstein) AS goldstein_mean
        FROM events e WHERE {cond} AND e.source_country IS NOT NULL AND e.target_country IS NOT NULL
          AND e.source_country <> e.target_country
        GROUP BY 1, 2"""


def check_read_only(query: str, con: Any) -> None:
    """Raises QueryError unless ``query`` is exactly one SELECT (WITH ... SELECT, VALUES)."""
    import duckdb

    try:
        statements = con.extract_statements(query)
    except duckdb.Error as exc:
        raise QueryError(f"cannot parse the query: {exc}") from exc
    if len(statements) != 1:
        raise QueryError(f"give exactly one query, not {len(statements)} statements")
    kind = statements[0].type
    if kind != duckdb.StatementType.SELECT:
        name = getattr(kind, "name", str(kind))
        raise QueryError(f"only queries (SELECT) are allowed here, not {name}; the database is opened read-only")
