"""Exports of the store: GDELT 2.0 events and mentions tables, PLOVER JSON, CSV and Parquet.

Column lists are the documented contract (docs/store.md); the tests read every export back and
compare against them.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from ..errors import StoreError

FORMATS = ("gdelt", "mentions", "plover", "csv", "parquet")

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO), *(f"Actor2Geo_{c}" for c in _GEO), *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED", "SOURCEURL",
)
"""The GDELT 2.0 event table: 61 columns, tab separated, no header line."""

MENTIONS_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)
"""The GDELT 2.0 mentions table: 16 columns, tab separated, no header line."""

PLOVER_FIELDS: tuple[str, ...] = (
    "id", "date", "has_event", "actor", "recipient", "event", "mode", "context", "event_text", "event_loc",
    "quad_code", "event_scale", "text", "text_info", "coder", "coded_date", "coded_time", "comment", "cameo",
    "auxiliary_modes", "confidence",
)
"""Keys of each PLOVER record (one JSON object per line), in order; ``text_info`` also carries the
store's counts (num_mentions, num_sources, num_articles, first_seen, last_seen)."""

TABLE_COLUMNS: tuple[str, ...] = (
    "event_id", "date", "date_end", "date_value", "date_precision",
    "source_code", "source_country", "source_sector", "source_kind", "source_name",
    "target_code", "target_country", "target_sector", "target_kind", "target_name",
    "cameo", "cameo_name", "base", "root", "quad_class", "goldstein", "plover_event", "plover_mode",
    "plover_context", "negated", "hypothetical", "future", "historical", "place", "confidence", "is_root",
    "num_mentions", "num_sources", "num_articles", "first_seen", "last_seen", "avg_tone", "best_mention_id",
    "url", "outlet", "sentence", "trigger_text", "added",
)
"""Columns of the ``csv`` (with a header line) and ``parquet`` exports: one row per stored event."""

_TABLE_SQL = ", ".join(
    {"url": "a.url", "outlet": "a.source", "sentence": "m.sentence", "trigger_text": "m.trigger_text"}.get(
        c, f"e.{c}") + f" AS {c}" for c in TABLE_COLUMNS)
_JOIN = ("FROM events e LEFT JOIN mentions m ON m.mention_id = e.best_mention_id "
         "LEFT JOIN articles a ON a.article_id = m.article_id")


def _clean(v: Any) -> str:
    """A TSV cell: None is empty, tabs and line breaks become spaces."""
    if v is None:
        return ""
    s = str(v)
    if "\t" in s or "\n" in s or "\r" in s:
        s = s.replace("\t", " ").replace("\r", " ").replace("\n", " ")
    return s


def _stamp(t: dt.datetime | None) -> str:
    return t.strftime("%Y%m%d%H%M%S") if t is not None else ""


def _gdelt_row(r: Sequence[Any]) -> list[Any]:
    (eid, date, s_code, s_country, s_sector, s_kind, s_name, t_code, t_country, t_sector, t_kind, t_name,
     is_root, cameo, base, root, quad, gold, nm, ns, na, tone, added, url) = r

    def actor(code: Any, country: Any, sector: Any, kind: Any, name: Any) -> list[Any]:
        igo = kind == "igo"
        return [code, name.upper() if name else None, None if igo else country, country if igo else None,
                None, None, None, sector, None, None]

    if date is not None:
        dates = [date.strftime("%Y%m%d"), date.strftime("%Y%m"), date.year,
                 f"{date.year + (date.month * 30 + date.day) / 365:.4f}"]
    else:
        dates = [None, None, None, None]
    return [eid, *dates, *actor(s_code, s_country, s_sector, s_kind, s_name),
            *actor(t_code, t_country, t_sector, t_kind, t_name),
            int(bool(is_root)), cameo, base, root, quad, gold, nm, ns, na, tone,
            *([None] * 24), _stamp(added), url]


def _mention_row(r: Sequence[Any]) -> list[Any]:
    (eid, added, seen, outlet, url, doc_id, si, s0, t0, trig, conf, n_chars, tone) = r
    conf_pct = min(100, max(10, round((conf or 0.0) * 100)))
    return [eid, _stamp(added), _stamp(seen), 1, outlet, url or doc_id, (si or 0) + 1,
            -1 if s0 is None else s0, -1 if t0 is None else t0, trig, 1, conf_pct, n_chars, tone, None, None]


def _where(since: dt.date | None, until: dt.date | None) -> tuple[str, list[Any]]:
    conds, params = [], []
    if since is not None:
        conds.append("e.date >= ?")
        params.append(since)
    if until is not None:
        conds.append("e.date <= ?")
        params.append(until)
    return (" WHERE " + " AND ".join(conds)) if conds else "", params


def _fetch(con: Any, sql: str, params: list[Any], size: int = 10_000) -> Iterator[Sequence[Any]]:
    cur = con.execute(sql, params)
    while True:
        rows = cur.fetchmany(size)
        if not rows:
            return
        yield from rows


def export(con: Any, fmt: str, out: str | Path | IO[str], *, since: dt.date | None = None,
           until: dt.date | None = None) -> int:
    """Writes the store's events (or mentions) in ``fmt`` to ``out``; returns the number of rows."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    where, params = _where(since, until)
    if fmt == "parquet":
        if not isinstance(out, str | Path):
            raise StoreError("the parquet export needs a file path (--out FILE)")
        return _parquet(con, f"SELECT {_TABLE_SQL} {_JOIN}{where} ORDER BY e.event_id", params, Path(out))
    if isinstance(out, str | Path):
        with open(out, "w", encoding="utf-8", newline="") as fh:
            return _text(con, fmt, fh, where, params)
    return _text(con, fmt, out, where, params)


def _text(con: Any, fmt: str, fh: IO[str], where: str, params: list[Any]) -> int:
    n = 0
    if fmt == "gdelt":
        sql = (f"""SELECT e.event_id, e.date, e.source_code, e.source_country, e.source_sector, e.source_kind,
                   e.source_name, e.target_code, e.target_country, e.target_sector, e.target_kind, e.target_name,
                   e.is_root, e.cameo, e.base, e.root, e.quad_class, e.goldstein, e.num_mentions,
                   e.num_sources, e.num_articles, e.avg_tone, e.added, a.url {_JOIN}{where}
                   ORDER BY e.event_id""")
        for r in _fetch(con, sql, params):
            fh.write("\t".join(_clean(v) for v in _gdelt_row(r)) + "\n")
            n += 1
    elif fmt == "mentions":
        sql = (f"""SELECT m.event_id, e.added, m.seen, coalesce(a.source,
                   CASE WHEN m.source_key LIKE 'article:%' THEN NULL ELSE m.source_key END), a.url, a.doc_id,
                   m.sentence_index, m.source_start, m.target_start, m.trigger_start, m.confidence, a.n_chars,
                   m.tone
                   FROM mentions m JOIN events e ON e.event_id = m.event_id
                   LEFT JOIN articles a ON a.article_id = m.article_id{where}
                   ORDER BY m.event_id, m.mention_id""")
        for r in _fetch(con, sql, params):
            fh.write("\t".join(_clean(v) for v in _mention_row(r)) + "\n")
            n += 1
    elif fmt == "plover":
        for rec in plover_records(con, where, params):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    else:
        w = csv.writer(fh)
        w.writerow(TABLE_COLUMNS)
        for r in _fetch(con, f"SELECT {_TABLE_SQL} {_JOIN}{where} ORDER BY e.event_id", params):
            w.writerow(["" if v is None else v for v in r])
            n += 1
    return n


def plover_records(con: Any, where: str = "", params: list[Any] | None = None) -> Iterator[dict[str, Any]]:
    """One PLOVER record per stored event, from its best mention, with the store's counts."""
    from ..models import Event
    from ..output import plover_record

    sql = (f"""SELECT e.event_id, e.num_mentions, e.num_sources, e.num_articles, e.first_seen, e.last_seen,
               m.event_json {_JOIN}{where} ORDER BY e.event_id""")
    coded = dt.datetime.now(dt.UTC)
    for eid, nm, ns, na, first, last, js in _fetch(con, sql, params or []):
        rec = plover_record(Event.model_validate_json(js), coded)
        rec["id"] = str(eid)
        info = dict(rec.get("text_info") or {})
        info.update(num_mentions=nm, num_sources=ns, num_articles=na,
                    first_seen=first.isoformat() if first else None, last_seen=last.isoformat() if last else None)
        rec["text_info"] = info
        ordered = {k: rec.get(k) for k in PLOVER_FIELDS}
        ordered.update((k, v) for k, v in rec.items() if k not in ordered)
        yield ordered


def _parquet(con: Any, sql: str, params: list[Any], path: Path) -> int:
    import pyarrow.parquet as pq

    rel = con.sql(sql, params=params)
    table = rel.to_arrow_table() if hasattr(rel, "to_arrow_table") else rel.arrow()
    pq.write_table(table, path)
    return int(table.num_rows)
