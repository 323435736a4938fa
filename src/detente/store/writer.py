"""One batch of coded articles written in one transaction: articles, mentions, de-duplicated events,
actors, rejects and the run's counters, all or nothing."""

from __future__ import annotations

import datetime as dt
import os
import signal
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any

from ..errors import StoreError
from ..models import Article, Event, Reject
from .dedup import Cluster, DedupConfig, Deduper, MentionInfo
from .rows import (
    ARTICLE_COLUMNS,
    BEST_COLUMNS,
    COUNT_COLUMNS,
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    PreparedMention,
    article_identity,
    article_row,
    prepare_mention,
    seen_time,
    source_key,
    utcnow,
)

KILL_ENV = "DETENTE_STORE_KILL_AT"
"""Fault injection for the crash tests: ``POINT:N`` makes the process SIGKILL itself at POINT of its
N-th batch, ``stop@POINT:N`` makes it SIGSTOP itself there (for the test to SIGKILL it from outside).
POINT is ``begin``, ``articles``, ``mentions``, ``events``, ``commit`` (just before COMMIT) or
``committed`` (just after); several specs may be given, separated by commas."""


@dataclass
class BatchCounts:
    articles_seen: int = 0
    articles_added: int = 0
    articles_skipped: int = 0
    mentions_added: int = 0
    events_added: int = 0
    events_merged: int = 0
    rejects: int = 0

    def add(self, other: BatchCounts) -> None:
        for f in fields(BatchCounts):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


def _fault(point: str, batch_no: int) -> None:
    spec = os.environ.get(KILL_ENV)
    if not spec:
        return
    for part in spec.split(","):
        action, _, where = part.strip().rpartition("@")
        if where == f"{point}:{batch_no}":
            os.kill(os.getpid(), signal.SIGSTOP if action == "stop" else signal.SIGKILL)


def arrow_table(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> Any:
    import pyarrow as pa

    if not rows:
        return pa.table({c: pa.array([], type=pa.null()) for c in columns})
    return pa.table({c: list(col) for c, col in zip(columns, zip(*rows, strict=True), strict=True)})


def insert(con: Any, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    if not rows:
        return
    con.register("_batch_rows", arrow_table(columns, rows))
    try:
        cols = ", ".join(columns)
        con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _batch_rows")
    finally:
        con.unregister("_batch_rows")


def _max_id(con: Any, table: str, column: str) -> int:
    rows = con.execute(f"SELECT coalesce(max({column}), 0) FROM {table}").fetchall()
    row = rows[0] if rows else None
    return int(row[0]) if row else 0


def known_identities(con: Any, identities: Sequence[str]) -> set[str]:
    """Which of these article identities the store already holds."""
    if not identities:
        return set()
    con.register("_ids", arrow_table(("identity",), [(i,) for i in identities]))
    try:
        return {r[0] for r in con.execute(
            "SELECT a.identity FROM articles a JOIN _ids USING (identity)").fetchall()}
    finally:
        con.unregister("_ids")


class BatchWriter:
    """Writes batches for one run; each :meth:`write` is one transaction."""

    def __init__(self, con: Any, run_id: int, config: DedupConfig) -> None:
        self.con = con
        self.run_id = run_id
        self.config = config
        self.batches = 0
        self.seen: set[str] = set()

    def write(self, items: Sequence[tuple[Article, list[Event]]], rejects: Sequence[Reject] = ()) -> BatchCounts:
        self.batches += 1
        n = self.batches
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            _fault("begin", n)
            counts = self._write(items, rejects, n)
            _fault("commit", n)
            con.execute("COMMIT")
        except BaseException as exc:
            con.execute("ROLLBACK")
            if isinstance(exc, Exception) and not isinstance(exc, StoreError):
                raise StoreError(f"writing batch {n} failed and was rolled back: {exc}") from exc
            raise
        _fault("committed", n)
        return counts

    def _write(self, items: Sequence[tuple[Article, list[Event]]], rejects: Sequence[Reject], n: int) -> BatchCounts:
        con, now, counts = self.con, utcnow(), BatchCounts(articles_seen=len(items))
        ids = [article_identity(a.text, a.url) for a, _ in items]
        known = known_identities(con, [i for i, _ in ids])
        next_article = _max_id(con, "articles", "article_id") + 1
        next_mention = _max_id(con, "mentions", "mention_id") + 1
        article_rows: list[tuple[Any, ...]] = []
        prepared: list[PreparedMention] = []
        for (article, events), (identity, th) in zip(items, ids, strict=True):
            if identity in known or identity in self.seen:
                counts.articles_skipped += 1
                continue
            self.seen.add(identity)
            skey = source_key(article, identity)
            seen = seen_time(article, now)
            for ev in events:
                prepared.append(prepare_mention(ev, next_article, skey, seen, next_mention, self.run_id, now))
                next_mention += 1
            article_rows.append(article_row(article, next_article, identity, th, skey, len(events),
                                            self.run_id, now))
            next_article += 1
        insert(con, "articles", ARTICLE_COLUMNS, article_rows)
        counts.articles_added = len(article_rows)
        _fault("articles", n)

        existing, rows = self._candidates(prepared)
        deduper = Deduper(self.config, existing, _max_id(con, "events", "event_id") + 1)
        best_of: dict[int, PreparedMention] = {}
        for pm in prepared:
            cluster, merged = deduper.assign(pm.key, pm.info)
            pm.row[1] = cluster.event_id
            if cluster.best is pm.info:
                best_of[cluster.event_id] = pm
            counts.events_merged += int(merged)
        insert(con, "mentions", MENTION_COLUMNS, [pm.row for pm in prepared])
        counts.mentions_added = len(prepared)
        _fault("mentions", n)

        new_rows, changed_rows = [], []
        for c in deduper.clusters():
            if c.is_new:
                pm = best_of[c.event_id]
                new_rows.append((c.event_id, c.key, *pm.best, *_count_values(c), self.run_id, now))
            elif c.counts_changed:
                row = rows[c.event_id]
                if c.best_changed:
                    row.update(zip(BEST_COLUMNS, best_of[c.event_id].best, strict=True))
                row.update(zip(COUNT_COLUMNS, _count_values(c), strict=True))
                changed_rows.append(tuple(row[k] for k in EVENT_COLUMNS))
        insert(con, "events", EVENT_COLUMNS, new_rows)
        self._update_events(changed_rows)
        counts.events_added = len(new_rows)
        _fault("events", n)

        self._upsert_actors([pm.event for pm in prepared], [pm.info.seen for pm in prepared])
        counts.rejects = self._insert_rejects(rejects, now)
        con.execute(
            """UPDATE runs SET batches = batches + 1, articles_seen = articles_seen + ?,
               articles_added = articles_added + ?, articles_skipped = articles_skipped + ?,
               mentions_added = mentions_added + ?, events_added = events_added + ?,
               events_merged = events_merged + ?, rejects = rejects + ? WHERE run_id = ?""",
            [counts.articles_seen, counts.articles_added, counts.articles_skipped, counts.mentions_added,
             counts.events_added, counts.events_merged, counts.rejects, self.run_id])
        return counts

    def _candidates(self, prepared: Sequence[PreparedMention]) -> tuple[list[Cluster], dict[int, dict[str, Any]]]:
        """Stored events that a mention of this batch could join, with their mentions."""
        if not prepared:
            return [], {}
        w = dt.timedelta(days=self.config.window_days)
        keys = sorted({(pm.key, pm.info.date_start - w if pm.info.date_start else None,
                        pm.info.date_end + w if pm.info.date_end else None) for pm in prepared},
                      key=lambda k: (k[0], k[1] or dt.date.min))
        con = self.con
        con.register("_keys", arrow_table(("dedup_key", "lo", "hi"), keys))
        try:
            cur = con.execute(
                f"""SELECT {', '.join('e.' + c for c in EVENT_COLUMNS)} FROM events e
                    WHERE e.event_id IN (SELECT e2.event_id FROM events e2 JOIN _keys k USING (dedup_key)
                        WHERE (e2.date IS NULL AND k.lo IS NULL)
                           OR (e2.date IS NOT NULL AND e2.date_end >= k.lo AND e2.date <= k.hi))""")
            rows = {r[0]: dict(zip(EVENT_COLUMNS, r, strict=True)) for r in cur.fetchall()}
        finally:
            con.unregister("_keys")
        if not rows:
            return [], {}
        con.register("_cand", arrow_table(("event_id",), [(i,) for i in rows]))
        try:
            mrows = con.execute(
                """SELECT m.event_id, m.mention_id, m.article_id, m.source_key, m.evidence, m.date_start,
                          m.date_end, m.date_precision, m.confidence, m.rank, m.sentence_index, m.seen
                   FROM mentions m JOIN _cand USING (event_id) ORDER BY m.mention_id""").fetchall()
        finally:
            con.unregister("_cand")
        clusters: dict[int, Cluster] = {}
        for (eid, mid, aid, skey, evid, d0, d1, prec, conf, rank, si, seen) in mrows:
            info = MentionInfo(mention_id=mid, article_id=aid, source_key=skey,
                               tokens=frozenset((evid or "").split()), date_start=d0, date_end=d1,
                               precision=prec or "none", confidence=conf or 0.0, rank=rank or 0,
                               sentence_index=si or 0, seen=seen)
            if eid not in clusters:
                clusters[eid] = Cluster.start(eid, rows[eid]["dedup_key"], info, is_new=False)
                clusters[eid].best = info
            else:
                c = clusters[eid]
                c.mentions.append(info)
                c.articles.add(aid)
                c.sources.add(skey)
        for eid, c in clusters.items():
            best_id = rows[eid]["best_mention_id"]
            c.best = next((m for m in c.mentions if m.mention_id == best_id), c.best)
        return list(clusters.values()), rows

    def _update_events(self, rows: Sequence[tuple[Any, ...]]) -> None:
        if not rows:
            return
        mutable = (*BEST_COLUMNS, *COUNT_COLUMNS)
        self.con.register("_upd", arrow_table(EVENT_COLUMNS, rows))
        try:
            sets = ", ".join(f"{c} = u.{c}" for c in mutable)
            self.con.execute(f"UPDATE events SET {sets} FROM _upd u WHERE events.event_id = u.event_id")
        finally:
            self.con.unregister("_upd")

    def _upsert_actors(self, events: Sequence[Event], seen: Sequence[dt.datetime]) -> None:
        agg: dict[str, list[Any]] = {}
        for ev, when in zip(events, seen, strict=True):
            for a in (ev.source, ev.target):
                code = a.code if a is not None else None
                if a is None or code is None:
                    continue
                cur = agg.get(code)
                if cur is None:
                    agg[code] = [code, a.country, a.sector, a.kind, a.name or a.text, 1, when, when]
                else:
                    cur[5] += 1
                    cur[6], cur[7] = min(cur[6], when), max(cur[7], when)
        if not agg:
            return
        cols = ("code", "country", "sector", "kind", "name", "mentions", "first_seen", "last_seen")
        self.con.register("_actors", arrow_table(cols, [tuple(v) for v in agg.values()]))
        try:
            self.con.execute(
                """INSERT INTO actors SELECT * FROM _actors ON CONFLICT (code) DO UPDATE SET
                   mentions = actors.mentions + EXCLUDED.mentions,
                   first_seen = least(actors.first_seen, EXCLUDED.first_seen),
                   last_seen = greatest(actors.last_seen, EXCLUDED.last_seen)""")
        finally:
            self.con.unregister("_actors")

    def _insert_rejects(self, rejects: Sequence[Reject], now: dt.datetime) -> int:
        if not rejects:
            return 0
        have = {(o, ln, r) for o, ln, r in self.con.execute(
            "SELECT origin, line, reason FROM rejects WHERE list_contains(?, origin)",
            [sorted({r.origin for r in rejects})]).fetchall()}
        next_id = _max_id(self.con, "rejects", "reject_id") + 1
        rows = []
        for r in rejects:
            k = (r.origin, r.line, r.reason)
            if k in have:
                continue
            have.add(k)
            rows.append((next_id, self.run_id, r.origin, r.line, r.reason, r.excerpt, now))
            next_id += 1
        insert(self.con, "rejects", ("reject_id", "run_id", "origin", "line", "reason", "excerpt", "added"), rows)
        return len(rows)


def _count_values(c: Cluster) -> tuple[Any, ...]:
    return (c.is_root, len(c.mentions), len(c.sources), len(c.articles), c.first_seen, c.last_seen,
            c.best.mention_id)
