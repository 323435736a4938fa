"""The server's read queries against the store's tables (parameterised SQL; no endpoint takes SQL):
filtered, sorted, paged events; one event with its mentions; articles; actors; the overview's volume
series and the network's dyads. Dyad series and rankings come from the store's own ``dyad_report``
and ``top``."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import NotFoundError, WebError
from ..models import Article, Event
from ..store.query import actor_condition, date_range_conditions, dyad_condition
from .schemas import ActorRow, Mention, StoredArticle, StoredEvent

MAX_PAGE = 500           # the hard limit of ?limit=
DEFAULT_PAGE = 50
MAX_OFFSET = 100_000     # deeper pages go by cursor
FLAGS = ("negated", "hypothetical", "future", "historical")

# sort key -> (SQL expression ascending, SQL expression descending); NULLs sort last both ways
SORTS: dict[str, tuple[str, str]] = {
    "date": ("coalesce(e.date, DATE '9999-12-31')", "coalesce(e.date, DATE '0001-01-01')"),
    "goldstein": ("e.goldstein", "e.goldstein"),
    "confidence": ("coalesce(e.confidence, 2.0)", "coalesce(e.confidence, -1.0)"),
    "mentions": ("e.num_mentions", "e.num_mentions"),
    "id": ("e.event_id", "e.event_id"),
}
SORT_CHOICES = tuple(s for k in SORTS for s in (k, f"-{k}"))


def parse_dyad(value: str) -> tuple[str, str]:
    """``CHN-IND`` -> ("CHN", "IND")."""
    a, sep, b = value.partition("-")
    if not sep or not a or not b:
        raise WebError(f"dyad={value!r}: write it as SOURCE-TARGET, e.g. dyad=CHN-IND")
    return a.strip().upper(), b.strip().upper()


@dataclass
class EventQuery:
    """The filters of ``GET /api/events``."""

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    dyad: str | None = None
    undirected: bool = False
    cameo: str | None = None
    root: str | None = None
    plover_event: str | None = None
    quad_class: Sequence[int] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    flag: Sequence[str] = ()             # every one of these flags set
    no_flag: Sequence[str] = ()          # none of these flags set
    factual: bool = False                # none of negated, hypothetical, future
    min_confidence: float | None = None
    min_mentions: int | None = None
    q: str | None = None                 # text in any mention's sentence (case-insensitive)
    article_id: int | None = None        # events with a mention in this article
    sort: str = "-date"
    limit: int = DEFAULT_PAGE
    offset: int | None = None
    cursor: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def where(self) -> tuple[str, list[Any]]:
        conds: list[str] = []
        params: list[Any] = []

        def add(sql: str, ps: Sequence[Any] = ()) -> None:
            conds.append(sql)
            params.extend(ps)

        for side, value in (("source", self.source), ("target", self.target)):
            if value:
                add(*actor_condition(side, value.upper()))
        if self.actor:
            s, ps = actor_condition("source", self.actor.upper())
            t, pt = actor_condition("target", self.actor.upper())
            add(f"({s} OR {t})", ps + pt)
        if self.dyad:
            a, b = parse_dyad(self.dyad)
            add(*dyad_condition(a, b, self.undirected))
        if self.cameo:
            add("starts_with(e.cameo, ?)", [self.cameo])
        if self.root:
            add("e.root = ?", [self.root.zfill(2)])
        if self.plover_event:
            add("e.plover_event = ?", [self.plover_event.upper()])
        if self.quad_class:
            qs = list(self.quad_class)
            add(f"e.quad_class IN ({', '.join('?' for _ in qs)})", qs)
        if self.since:
            add("e.date >= ?", [self.since])
        if self.until:
            add("e.date <= ?", [self.until])
        for f in self.flag:
            add(f"coalesce(e.{_flag(f)}, false)")
        for f in self.no_flag:
            add(f"NOT coalesce(e.{_flag(f)}, false)")
        if self.factual:
            add("NOT (coalesce(e.negated, false) OR coalesce(e.hypothetical, false) OR coalesce(e.future, false))")
        if self.min_confidence is not None:
            add("e.confidence >= ?", [self.min_confidence])
        if self.min_mentions:
            add("e.num_mentions >= ?", [self.min_mentions])
        if self.q:
            add("e.event_id IN (SELECT m.event_id FROM mentions m WHERE contains(lower(m.sentence), lower(?)))",
                [self.q])
        if self.article_id is not None:
            add("e.event_id IN (SELECT m.event_id FROM mentions m WHERE m.article_id = ?)", [self.article_id])
        return (" WHERE " + " AND ".join(conds)) if conds else "", params


def _flag(name: str) -> str:
    if name not in FLAGS:
        raise WebError(f"unknown flag {name!r}; use {', '.join(FLAGS)}")
    return name


def encode_cursor(sort: str, key: Any, event_id: int) -> str:
    if isinstance(key, dt.date):
        key = key.isoformat()
    raw = json.dumps([sort, key, event_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str) -> tuple[Any, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        made_for, key, event_id = json.loads(raw)
        event_id = int(event_id)
    except (binascii.Error, ValueError, TypeError) as exc:
        raise WebError(f"cursor {cursor!r} is not one this server gave; start again without ?cursor=") from exc
    if made_for != sort:
        raise WebError(f"the cursor was made for sort={made_for}, not sort={sort}; keep the sort while paging")
    if sort.lstrip("-") == "date":
        key = dt.date.fromisoformat(key)
    return key, event_id


def list_events(cur: Any, q: EventQuery) -> tuple[list[StoredEvent], int, str | None]:
    """One page of events, the total matching, and the cursor of the next page (None on the last)."""
    if q.sort not in SORT_CHOICES:
        raise WebError(f"sort={q.sort!r}: choose one of {', '.join(SORT_CHOICES)}")
    if q.cursor and q.offset:
        raise WebError("give ?cursor= or ?offset=, not both")
    desc = q.sort.startswith("-")
    expr = SORTS[q.sort.lstrip("-")][1 if desc else 0]
    where, params = q.where()
    total = int(cur.execute(f"SELECT count(*) FROM events e{where}", params).fetchall()[0][0])
    page_where, page_params = where, list(params)
    if q.cursor:
        key, last_id = decode_cursor(q.cursor, q.sort)
        op = "<" if desc else ">"
        cond = f"({expr} {op} ? OR ({expr} = ? AND e.event_id {op} ?))"
        page_where = f"{where} AND {cond}" if where else f" WHERE {cond}"
        page_params += [key, key, last_id]
    direction = "DESC" if desc else "ASC"
    sql = (f"SELECT {_PAGE_COLS}, {expr} AS sort_key FROM events e{page_where} "
           f"ORDER BY sort_key {direction}, e.event_id {direction} LIMIT {int(q.limit) + 1}")
    if q.offset:
        sql += f" OFFSET {int(q.offset)}"
    rows = cur.execute(sql, page_params).fetchall()
    more = len(rows) > q.limit
    rows = rows[: q.limit]
    events = _with_best_mentions(cur, rows)
    nxt = encode_cursor(q.sort, rows[-1][-1], rows[-1][0]) if more and rows else None
    return events, total, nxt


_PAGE_COLS = "e.event_id, e.best_mention_id, e.num_mentions, e.num_sources, e.num_articles, e.first_seen, e.last_seen"


def _with_best_mentions(cur: Any, rows: Sequence[Sequence[Any]]) -> list[StoredEvent]:
    """Events (rows of _PAGE_COLS) with their best mention's article and Event, in row order."""
    if not rows:
        return []
    mids = ", ".join(str(int(r[1])) for r in rows)
    best = {mid: (aid, js) for mid, aid, js in cur.execute(
        f"SELECT mention_id, article_id, event_json FROM mentions WHERE mention_id IN ({mids})").fetchall()}
    out = []
    for eid, mid, nm, ns, na, first, last, *_ in rows:
        aid, js = best[mid]
        out.append(StoredEvent(event_id=eid, article_id=aid, best_mention_id=mid, num_mentions=nm, num_sources=ns,
                               num_articles=na, first_seen=first, last_seen=last,
                               event=Event.model_validate_json(js)))
    return out


def fetch_events(cur: Any, ids: Sequence[int]) -> list[StoredEvent]:
    """The events with these ids, in this order."""
    if not ids:
        return []
    id_list = ", ".join(str(int(i)) for i in ids)
    rows = {r[0]: r for r in cur.execute(f"SELECT {_PAGE_COLS} FROM events e WHERE e.event_id IN ({id_list})").fetchall()}
    return _with_best_mentions(cur, [rows[i] for i in ids if i in rows])


_MENTION_COLS = ("m.mention_id, m.event_id, m.article_id, a.doc_id, m.source_key, m.seen, m.event_json")


def _mention(row: Sequence[Any]) -> Mention:
    mid, eid, aid, doc, skey, seen, js = row
    return Mention(mention_id=mid, event_id=eid, article_id=aid, doc_id=doc, source_key=skey, seen=seen,
                   event=Event.model_validate_json(js))


def get_event(cur: Any, event_id: int) -> tuple[StoredEvent, list[Mention]]:
    found = fetch_events(cur, [event_id])
    if not found:
        raise NotFoundError(f"no stored event has id {event_id}; list them with GET /api/events")
    rows = cur.execute(f"""SELECT {_MENTION_COLS} FROM mentions m LEFT JOIN articles a USING (article_id)
                           WHERE m.event_id = ? ORDER BY m.mention_id""", [event_id]).fetchall()
    return found[0], [_mention(r) for r in rows]


def resolve_article_id(cur: Any, ref: str) -> int:
    """An article by the store's id (digits) or by the id its input gave (``doc_id``; the latest such)."""
    if ref.isdigit():
        return int(ref)
    rows = cur.execute("SELECT max(article_id) FROM articles WHERE doc_id = ?", [ref]).fetchall()
    if rows and rows[0][0] is not None:
        return int(rows[0][0])
    raise NotFoundError(f"no stored article has id {ref!r}; give the store's number or the input's id")


def get_article(cur: Any, ref: str) -> StoredArticle:
    article_id = resolve_article_id(cur, ref)
    rows = cur.execute("""SELECT article_id, doc_id, text, title, url, source, published, origin, added
                          FROM articles WHERE article_id = ?""", [article_id]).fetchall()
    if not rows:
        raise NotFoundError(f"no stored article has id {ref!r}; give the store's number or the input's id")
    aid, doc, text, title, url, source, published, origin, added = rows[0]
    article = Article(id=doc or str(aid), text=text or "", title=title, url=url, source=source, date=published,
                      origin=origin)
    mrows = cur.execute(f"""SELECT {_MENTION_COLS} FROM mentions m LEFT JOIN articles a USING (article_id)
                            WHERE m.article_id = ? ORDER BY m.sentence_index, m.rank, m.mention_id""",
                        [aid]).fetchall()
    return StoredArticle(article_id=aid, article=article, added=added, mentions=[_mention(r) for r in mrows])


def search_actors(cur: Any, q: str | None, limit: int) -> list[ActorRow]:
    cols = "code, country, sector, kind, name, mentions, first_seen, last_seen"
    if q:
        rows = cur.execute(
            f"""SELECT {cols} FROM actors
                WHERE starts_with(lower(code), lower(?)) OR contains(lower(coalesce(name, '')), lower(?))
                ORDER BY (lower(code) = lower(?)) DESC, mentions DESC, code LIMIT ?""",
            [q, q, q, limit]).fetchall()
    else:
        rows = cur.execute(f"SELECT {cols} FROM actors ORDER BY mentions DESC, code LIMIT ?", [limit]).fetchall()
    names = ("code", "country", "sector", "kind", "name", "mentions", "first_seen", "last_seen")
    return [ActorRow(**dict(zip(names, r, strict=True))) for r in rows]


def volume(cur: Any, by: str, since: dt.date | None = None, until: dt.date | None = None) -> list[dict[str, Any]]:
    """All dated events per period, split by QuadClass (the overview's chart)."""
    if by not in ("day", "week", "month"):
        raise WebError(f"by={by!r}: choose day, week or month")
    rc, params = date_range_conditions(since, until)
    conds = ["e.date IS NOT NULL", *rc]
    rows = cur.execute(
        f"""SELECT date_trunc('{by}', e.date)::DATE AS period, count(*),
                   count(*) FILTER (WHERE e.quad_class = 1), count(*) FILTER (WHERE e.quad_class = 2),
                   count(*) FILTER (WHERE e.quad_class = 3), count(*) FILTER (WHERE e.quad_class = 4),
                   avg(e.goldstein)
            FROM events e WHERE {' AND '.join(conds)} GROUP BY 1 ORDER BY 1""", params).fetchall()
    return [{"period": p, "events": n, "q1": a, "q2": b, "q3": c, "q4": d, "goldstein_mean": round(g, 3)}
            for p, n, a, b, c, d, g in rows]


def network(cur: Any, n_edges: int, since: dt.date | None = None,
            until: dt.date | None = None) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Country dyads (both directions together): the ``n_edges`` busiest, and their countries."""
    rc, params = date_range_conditions(since, until)
    conds = ["e.source_country IS NOT NULL", "e.target_country IS NOT NULL", "e.source_country <> e.target_country", *rc]
    rows = cur.execute(
        f"""SELECT least(e.source_country, e.target_country) AS a, greatest(e.source_country, e.target_country) AS b,
                   count(*) AS events, avg(e.goldstein) AS goldstein_mean
            FROM events e WHERE {' AND '.join(conds)} GROUP BY 1, 2 ORDER BY events DESC, a, b LIMIT ?""",
        [*params, n_edges]).fetchall()
    edges = [{"a": a, "b": b, "events": int(n), "goldstein_mean": round(float(g), 3)} for a, b, n, g in rows]
    totals: dict[str, int] = {}
    for e in edges:
        for c in (e["a"], e["b"]):
            totals[c] = totals.get(c, 0) + e["events"]
    names: dict[str, str] = {}
    if totals:
        codes = sorted(totals)
        marks = ", ".join("?" for _ in codes)
        for code, name in cur.execute(f"SELECT code, name FROM actors WHERE code IN ({marks})", codes).fetchall():
            names[code] = name
    nodes = [{"code": c, "name": names.get(c) or c, "events": n}
             for c, n in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))]
    return nodes, edges
