"""Writers: JSONL (the Event model as JSON), flat CSV, PLOVER JSON records, and Parquet (the CSV's
columns plus the whole Event as JSON)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from .errors import OutputError
from .models import Actor, Event

FORMATS = ("jsonl", "csv", "plover")

CSV_COLUMNS = [
    "id", "article_id", "sentence_index", "rank", "date", "date_precision",
    "source_text", "source_code", "source_country", "source_sector", "source_kind", "source_name",
    "target_text", "target_code", "target_country", "target_sector", "target_kind", "target_name",
    "cameo", "cameo_name", "root", "base", "goldstein", "quad_class",
    "plover_event", "plover_mode", "plover_context",
    "trigger_text", "trigger_start", "trigger_end", "source_start", "source_end", "target_start", "target_end",
    "place", "negated", "hypothetical", "future", "historical", "confidence", "lexicon_entry",
    "url", "source_name_outlet", "published", "sentence", "reason",
]


def _actor_cols(a: Actor | None) -> list[Any]:
    if a is None:
        return ["", "", "", "", "", ""]
    return [a.text, a.code or "", a.country or "", a.sector or "", a.kind, a.name or ""]


def csv_row(ev: Event) -> list[Any]:
    s, t = ev.source, ev.target
    return [
        ev.id, ev.article_id, ev.sentence_index, ev.rank, ev.date.value or "", ev.date.precision,
        *_actor_cols(s), *_actor_cols(t),
        ev.cameo, ev.cameo_name, ev.root, ev.base, ev.goldstein, ev.quad_class,
        ev.plover_event or "", ev.plover_mode or "", ev.plover_context or "",
        ev.trigger.text, ev.trigger.start, ev.trigger.end,
        s.span.start if s and s.span else "", s.span.end if s and s.span else "",
        t.span.start if t and t.span else "", t.span.end if t and t.span else "",
        ev.place.text if ev.place else "",
        int(ev.flags.negated), int(ev.flags.hypothetical), int(ev.flags.future), int(ev.flags.historical),
        ev.confidence, ev.lexicon_entry, ev.url or "", ev.source_name or "",
        ev.published.isoformat() if ev.published else "", ev.sentence, ev.reason,
    ]


def _plover_actor(a: Actor | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {"code": a.country, "sector": a.sector, "entity_text": a.text, "identifier_text": a.name,
            "office": None}


def plover_record(ev: Event, coded: dt.datetime | None = None) -> dict[str, Any]:
    """A PLOVER event record (PLOVER manual: id, date, actor, recipient, event, mode, context, ...)."""
    coded = coded or dt.datetime.now(dt.UTC)
    modes = [m for m in ("negated", "hypothetical", "future", "historical") if getattr(ev.flags, m)]
    return {
        "id": ev.id,
        "date": ev.date.value,
        "has_event": ev.plover_event is not None,
        "actor": _plover_actor(ev.source),
        "recipient": _plover_actor(ev.target),
        "event": ev.plover_event,
        "mode": ev.plover_mode,
        "context": ev.plover_context.split(",") if ev.plover_context else [],
        "event_text": ev.trigger.text,
        "event_loc": {"placename": ev.place.text} if ev.place else None,
        "quad_code": ev.quad_class,
        "event_scale": ev.goldstein,
        "text": ev.sentence,
        "text_info": {"article_id": ev.article_id, "sentence": ev.sentence_index, "url": ev.url,
                      "source": ev.source_name, "published": ev.published.isoformat() if ev.published else None},
        "coder": "detente",
        "coded_date": coded.date().isoformat(),
        "coded_time": coded.strftime("%H:%M:%S"),
        "comment": ev.reason,
        "cameo": ev.cameo,
        "auxiliary_modes": modes,
        "confidence": ev.confidence,
    }


class EventWriter:
    """Streams events to a file in one of FORMATS."""

    def __init__(self, fh: IO[str], fmt: str = "jsonl") -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")
        self.fh = fh
        self.fmt = fmt
        self.count = 0
        self._csv = csv.writer(fh) if fmt == "csv" else None
        if self._csv is not None:
            self._csv.writerow(CSV_COLUMNS)

    def write(self, events: Iterable[Event]) -> None:
        for ev in events:
            if self._csv is not None:
                self._csv.writerow(csv_row(ev))
            elif self.fmt == "plover":
                self.fh.write(json.dumps(plover_record(ev), ensure_ascii=False) + "\n")
            else:
                self.fh.write(ev.to_json() + "\n")
            self.count += 1

    def close(self) -> None:
        self.fh.flush()


# ---------------------------------------------------------------- Parquet

PARQUET_INTS = {"sentence_index", "rank", "quad_class", "trigger_start", "trigger_end", "source_start",
                "source_end", "target_start", "target_end", "negated", "hypothetical", "future", "historical"}
PARQUET_FLOATS = {"goldstein", "confidence"}
PARQUET_CHUNK = 10_000


def output_format(out: str | None, fmt: str) -> str:
    """``parquet`` when the output file says so, else the ``--format`` given."""
    if out and Path(out).suffix.lower() in (".parquet", ".pq"):
        return "parquet"
    if out and Path(out).suffix.lower() in (".jsonl", ".ndjson") and fmt == "jsonl":
        return "jsonl"
    return fmt


def parquet_target(out: str | Path | None) -> Path:
    """The file Parquet output goes to; standard output (None or ``-``) is refused."""
    if not out or str(out) == "-":
        raise OutputError("Parquet output needs a file: give --out events.parquet")
    return Path(out)


def parquet_schema() -> Any:
    import pyarrow as pa

    def kind(c: str) -> Any:
        return pa.int64() if c in PARQUET_INTS else pa.float64() if c in PARQUET_FLOATS else pa.string()

    return pa.schema([(c, kind(c)) for c in CSV_COLUMNS] + [("event_json", pa.string())])


def write_parquet(events: Any, out: str | Path) -> int:
    """The events as one Parquet file: the flat columns of the CSV output (empty values as nulls)
    and ``event_json``, the whole Event as ``detente code`` writes it. Written to a temporary file
    and renamed, so ``out`` is complete or absent."""
    import pyarrow.parquet as pq

    dest = parquet_target(out)
    schema = parquet_schema()
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    n = 0
    try:
        with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
            chunk: list[Event] = []
            for ev in events:
                chunk.append(ev)
                if len(chunk) >= PARQUET_CHUNK:
                    writer.write_table(_parquet_table(chunk, schema))
                    n += len(chunk)
                    chunk = []
            if chunk or n == 0:
                writer.write_table(_parquet_table(chunk, schema))
                n += len(chunk)
        os.replace(tmp, dest)
    except BaseException:
        if tmp.exists():
            tmp.unlink()
        raise
    return n


def _parquet_table(events: list[Event], schema: Any) -> Any:
    import pyarrow as pa

    rows = [[None if v == "" else v for v in csv_row(ev)] + [ev.to_json()] for ev in events]
    cols = list(zip(*rows, strict=True)) if rows else [()] * len(schema)
    return pa.table({f.name: pa.array(list(c), type=f.type) for f, c in zip(schema, cols, strict=True)},
                    schema=schema)
