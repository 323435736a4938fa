"""Gold files for `detente eval`: PETRARCH validation XML, five-class TSV, PLOVER JSON records and
CoNLL source/target spans, read into one record type. The format is sniffed from the content."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .codebook import default_codebook
from .errors import GoldFormatError
from .evalspans import SpanRecord, looks_like_conll, read_conll
from .models import Article

PENTA_NAMES = {0: "statement", 1: "verbal coop", 2: "material coop", 3: "verbal conflict", 4: "material conflict"}
UNKNOWN_ACTOR_MARKERS = ("###", "+++")
FORMATS = ("petrarch", "pentaclass", "plover", "spans")
FORMAT_HELP = (
    "detente eval reads: PETRARCH validation XML (<Sentence> records with <EventCoding> and <Text>), "
    "five-class TSV ('sentence<TAB>label', labels 0-4), PLOVER JSON records (a JSON array or JSON "
    "lines, each with 'text' and 'event'), and source/target spans in CoNLL form ('token tag' lines, "
    "tags B-/I-S, B-/I-T, B-/I-R or O, a blank line between sentences)"
)


# --------------------------------------------------------------------------------------------- gold


@dataclass
class GoldEvent:
    """One gold event: source and target actor codes (raw, as in the gold file) and CAMEO code."""

    source: str | None
    target: str | None
    code: str | None


@dataclass
class GoldActor:
    text: str | None = None
    code: str | None = None
    sector: str | None = None

    @property
    def country(self) -> str | None:
        return gold_country(self.code)


@dataclass
class GoldRecord:
    """One gold sentence; which fields are filled depends on the format."""

    id: str
    text: str
    date: dt.date | None = None
    line: int | None = None
    # petrarch
    events: list[GoldEvent] = field(default_factory=list)
    expect: str = "events"  # events | noevents | error
    error: str | None = None
    category: str | None = None
    # pentaclass
    label: int | None = None
    # plover
    event_type: str | None = None
    mode: str | None = None
    sources: list[GoldActor] = field(default_factory=list)
    targets: list[GoldActor] = field(default_factory=list)
    # spans (CoNLL source/target spans)
    spans: SpanRecord | None = None

    def to_dict(self, fmt: str) -> dict[str, Any]:
        if fmt == "spans" and self.spans is not None:
            return {"source": [self.text[a:b] for a, b in sorted(self.spans.source)],
                    "target": [self.text[a:b] for a, b in sorted(self.spans.target)]}
        if fmt == "petrarch":
            d: dict[str, Any] = {"expect": self.expect, "category": self.category,
                                 "events": [[e.source, e.target, e.code] for e in self.events]}
            if self.error:
                d["error"] = self.error
            return d
        if fmt == "pentaclass":
            return {"label": self.label}
        return {"event": self.event_type, "mode": self.mode,
                "source": [a.code for a in self.sources], "target": [a.code for a in self.targets]}


@dataclass
class Gold:
    """A parsed gold file."""

    format: str
    path: str
    records: list[GoldRecord]
    notes: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.records)

    def articles(self) -> Iterator[Article]:
        for rec in self.records:
            yield Article(id=rec.id, text=rec.text, date=rec.date,
                          origin=f"{self.path}:{rec.line}" if rec.line else self.path)


def read_gold(path: Path | str) -> Gold:
    """Read a gold file, sniffing its format from its content. Raises GoldFormatError."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise GoldFormatError(f"{p}: cannot read gold file ({exc.strerror}); check the path") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise GoldFormatError(f"{p}: gold file is not UTF-8; save it as UTF-8. {FORMAT_HELP}") from None
    fmt = sniff_format(text)
    if fmt is None and looks_like_conll(text):
        recs = [GoldRecord(id=r.id, text=r.text, line=r.line, spans=r) for r in read_conll(text, str(p))]
        return Gold("spans", str(p), recs)
    if fmt is None:
        raise GoldFormatError(f"{p}: not a gold format detente reads. {FORMAT_HELP}")
    if fmt == "petrarch":
        return _read_petrarch(raw, str(p))
    if fmt == "pentaclass":
        return _read_pentaclass(text, str(p))
    return _read_plover(text, str(p))


def sniff_format(text: str) -> str | None:
    """'petrarch', 'pentaclass', 'plover' or None, from the first few kilobytes of the content."""
    head = text.lstrip()[:20000]
    if not head:
        return None
    if head.startswith("<"):
        return "petrarch" if re.search(r"<\s*Sentence\b", head) or "<Validation" in head else None
    if head[0] in "[{":
        return "plover"
    lines = [ln for ln in head.splitlines()[:20] if ln.strip()]
    tsv = [ln for ln in lines if "\t" in ln and ln.rsplit("\t", 1)[1].strip() in {"0", "1", "2", "3", "4"}]
    if tsv and len(tsv) >= max(1, len(lines) - 2):
        return "pentaclass"
    return None


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    v = value.strip()
    try:
        if re.fullmatch(r"\d{8}", v):
            return dt.date(int(v[:4]), int(v[4:6]), int(v[6:8]))
        return dt.date.fromisoformat(v[:10])
    except ValueError:
        return None


def _read_petrarch(raw: bytes, path: str) -> Gold:
    from lxml import etree

    parser = etree.XMLParser(recover=True, remove_comments=True, huge_tree=True, resolve_entities=False)
    try:
        root = etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as exc:
        raise GoldFormatError(f"{path}: unreadable PETRARCH XML ({exc}). {FORMAT_HELP}") from None
    if root is None:
        raise GoldFormatError(f"{path}: unreadable PETRARCH XML. {FORMAT_HELP}")
    records: list[GoldRecord] = []
    skipped = 0
    for n, sent in enumerate(root.iter("Sentence"), 1):
        text_el = sent.find("Text")
        text = " ".join((text_el.text or "").split()) if text_el is not None else ""
        if not text:
            skipped += 1
            continue
        rec = GoldRecord(id=(sent.get("id") or f"record-{n}").strip(), text=text,
                         date=_parse_date(sent.get("date")), line=sent.sourceline,
                         category=(sent.get("category") or "").strip() or None)
        for ec in sent.findall("EventCoding"):
            if (ec.get("noevents") or "").strip().lower() == "true":
                rec.expect = "noevents"
            elif ec.get("error") is not None:
                rec.expect, rec.error = "error", ec.get("error")
            elif ec.get("eventcode") is not None:
                rec.events.append(GoldEvent(source=ec.get("sourcecode"), target=ec.get("targetcode"),
                                            code=(ec.get("eventcode") or "").strip()))
        if rec.events:
            rec.expect = "events"
        elif rec.expect == "events":
            rec.expect = "noevents"  # no EventCoding at all: nothing expected
        records.append(rec)
    if not records:
        raise GoldFormatError(f"{path}: no <Sentence> record with a <Text> found. {FORMAT_HELP}")
    notes = []
    if skipped:
        notes.append(f"{skipped} <Sentence> elements without <Text> skipped")
    cb = default_codebook()
    outside = sorted({e.code for r in records for e in r.events if e.code and e.code not in cb})
    if outside:
        notes.append(f"gold codes not in detente's codebook (cannot be matched): {', '.join(outside)}")
    return Gold("petrarch", path, records, notes)


def _read_pentaclass(text: str, path: str) -> Gold:
    records: list[GoldRecord] = []
    for n, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        if "\t" not in raw:
            raise GoldFormatError(f"{path}:{n}: expected 'sentence<TAB>label'. {FORMAT_HELP}")
        sentence, label = raw.rsplit("\t", 1)
        label = label.strip()
        if not label.isdigit():
            if not records:
                continue  # header line
            raise GoldFormatError(f"{path}:{n}: label {label!r} is not one of 0-4")
        if int(label) not in PENTA_NAMES:
            raise GoldFormatError(f"{path}:{n}: label {label!r} is not one of 0-4")
        records.append(GoldRecord(id=f"line-{n}", text=sentence.strip(), label=int(label), line=n))
    if not records:
        raise GoldFormatError(f"{path}: no 'sentence<TAB>label' lines. {FORMAT_HELP}")
    return Gold("pentaclass", path, records)


_EVENT_KEYS = ("event", "event_type", "eventType", "plover_event")
_SOURCE_KEYS = ("source", "actor", "sources")
_TARGET_KEYS = ("target", "recipient", "targets")


def _first(d: dict[str, Any], keys: Sequence[str]) -> Any:
    for k in keys:
        if k in d and d[k] not in (None, ""):
            return d[k]
    return None


def _gold_actors(value: Any) -> list[GoldActor]:
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    out = []
    for it in items:
        if isinstance(it, str):
            out.append(GoldActor(code=it.strip() or None))
        elif isinstance(it, dict):
            code = _first(it, ("code", "actorCode", "actor_code", "country"))
            out.append(GoldActor(text=_first(it, ("actorText", "text", "actor_text")),
                                 code=str(code).strip() if code else None,
                                 sector=_first(it, ("sector",))))
    return out


def _read_plover(text: str, path: str) -> Gold:
    items: list[Any]
    try:
        data = json.loads(text)
        if isinstance(data, dict):
            data = data.get("records", data.get("data", [data]))
        items = data if isinstance(data, list) else []
    except json.JSONDecodeError:
        items = []
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise GoldFormatError(f"{path}:{n}: not JSON ({exc.msg}). {FORMAT_HELP}") from None
    records: list[GoldRecord] = []
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise GoldFormatError(f"{path}: record {n} has no 'text'. {FORMAT_HELP}")
        event = _first(item, _EVENT_KEYS)
        if event is None:
            raise GoldFormatError(f"{path}: record {n} has no event type ('event'). {FORMAT_HELP}")
        mode = item.get("mode")
        records.append(GoldRecord(
            id=str(item.get("id") or f"record-{n}"), text=" ".join(item["text"].split()),
            date=_parse_date(str(item["date"])) if item.get("date") else None, line=n,
            event_type=str(event).strip().upper(), mode=str(mode).strip().lower() if mode else None,
            sources=_gold_actors(_first(item, _SOURCE_KEYS)), targets=_gold_actors(_first(item, _TARGET_KEYS))))
    if not records:
        raise GoldFormatError(f"{path}: no records. {FORMAT_HELP}")
    return Gold("plover", path, records)


# ------------------------------------------------------------------------------------------ helpers


def gold_actor_code(code: str | None) -> str:
    """Normalised gold actor code: upper case, PETRARCH's unknown markers removed ("" = unknown)."""
    if not code:
        return ""
    c = code.strip().upper()
    if c.startswith(("'", '"')) or c in UNKNOWN_ACTOR_MARKERS:
        return ""
    if c.startswith("---"):
        c = c[3:]
    return c


def gold_country(code: str | None) -> str | None:
    if not code:
        return None
    c = code.strip().upper()
    if c.startswith(("'", '"', "---")) or c in UNKNOWN_ACTOR_MARKERS or len(c) < 3:
        return None
    return c[:3]
