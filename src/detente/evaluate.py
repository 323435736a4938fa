"""Score the coder against gold files: `detente eval GOLD`.

::

    gold = read_gold(path)                 # sniffs the format from the content
    report = evaluate(gold, coder.code_batch)
    print(report.render()); json.dump(report.to_dict(), fh)

Three gold formats are read; :func:`read_gold` decides by content, not by the file name.

``petrarch``
    PETRARCH validation XML (``PETR.UnitTest.records.xml``): ``<Sentence date id category>``
    elements with one or more ``<EventCoding sourcecode targetcode eventcode>`` children,
    ``<EventCoding noevents="True">`` (the sentence should yield nothing) or
    ``<EventCoding error="...">`` (PETRARCH discards the sentence or story: also scored as
    "nothing expected"), and ``<Text>``. Comments and ``<Parse>`` trees are ignored; the text is
    whitespace-normalised; ``date`` (YYYYMMDD) becomes ``Article.date``.

``pentaclass``
    ``sentence<TAB>label`` lines with labels 0 statement, 1 verbal cooperation, 2 material
    cooperation, 3 verbal conflict, 4 material conflict (see :func:`detente.codebook.pentaclass`).
    An optional header line whose label is not a digit is skipped.

``plover``
    PLOVER-style JSON records, as a JSON array (or ``{"records": [...]}``) or JSON lines. Each has
    ``text``, an event type (``event``, ``event_type``, ``eventType`` or ``plover_event``), maybe
    ``mode``, ``id``, ``date``, and actors as ``source``/``target`` (or PLOVER's ``actor``/
    ``recipient``): a list of ``{actorText, code, sector}`` objects, one such object, or a code string.

Actor codes (PETRARCH)
    Gold and predicted actors are compared as upper-cased CAMEO-style codes, country followed by
    sector ("ARN", "DAGGOV"); the predicted code is ``event.source.code`` (``None`` -> "").
    PETRARCH's placeholders are normalised: a leading ``---`` (unknown country) is dropped, so
    ``---GOV`` must be predicted as an actor with no country and sector GOV, and ``---`` as an
    unresolved actor; ``###``/``+++`` (discard markers) and quoted actor text
    (``'"THE MINISTRY OF MAGIC"'``: a "new actor" PETRARCH takes from the noun phrase) are also
    treated as "unknown" (""), matched by a predicted actor with no code. Country accuracy only
    counts gold actors with a known country (first three letters of the code).

Which predicted event speaks for a sentence (pentaclass, plover)
    The coder's top-ranked event (lowest ``rank``; see :func:`main_event`): reported events come
    before their reporting verbs and plain statements last, so a sentence with only statements
    predicts class 0 (pentaclass) -- PLOVER has no statement category, so for plover only events
    with a ``plover_event`` are considered. A
    sentence with no event predicts "none", which is always wrong and has its own column in the
    confusion matrix.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from .codebook import DEFAULT_PENTA_SCHEME, pentaclass, pentaclass_table
from .errors import GoldFormatError
from .evalspans import SpanScorer
from .gold import (
    FORMAT_HELP,
    FORMATS,
    PENTA_NAMES,
    Gold,
    GoldActor,
    GoldEvent,
    GoldRecord,
    gold_actor_code,
    gold_country,
    read_gold,
    sniff_format,
)
from .models import Actor, Article, Event

__all__ = ["FORMATS", "FORMAT_HELP", "Gold", "GoldActor", "GoldEvent", "GoldRecord", "Report", "evaluate",
           "main_event", "read_gold", "sniff_format"]

CodeBatch = Callable[[list[Article]], list[list[Event]]]

NONE = "none"
CHUNK = 256
MAX_MISTAKES = 200


def _pred_actor_code(actor: Actor | None) -> str:
    if actor is None:
        return ""
    return (actor.code or "").upper()


def _pred_country(actor: Actor | None) -> str | None:
    return actor.country.upper() if actor is not None and actor.country else None


def main_event(events: Sequence[Event], *, need_plover: bool = False) -> Event | None:
    """The event that speaks for a sentence: the coder's top-ranked one (lowest ``rank``).

    The coder ranks reported events above their reporting verbs, main-clause events above events in
    relative clauses, and plain statements last, so the top event is a statement only when the
    sentence has nothing else or the statement itself governs the event ("offered condolences over
    the attack"). Ties (events of different sentences) go to the more confident one.
    """
    pool = [e for e in events if e.plover_event] if need_plover else list(events)
    if not pool:
        return None
    return min(pool, key=lambda e: (e.rank, -e.confidence))


def _event_brief(e: Event) -> dict[str, Any]:
    return {
        "cameo": e.cameo, "source": e.source.code if e.source else None,
        "target": e.target.code if e.target else None, "plover_event": e.plover_event,
        "plover_mode": e.plover_mode, "confidence": e.confidence, "rank": e.rank,
        "trigger": e.trigger.text, "lexicon_entry": e.lexicon_entry,
    }


def _ratio(num: float, den: float) -> float | None:
    return num / den if den else None


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, Any]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "support": n_gold, "predicted": n_pred, "tp": tp}


def _classification(gold: list[str], pred: list[str], labels: Sequence[str]) -> dict[str, Any]:
    """Per-class P/R/F1, macro-F1 over `labels`, accuracy, confusion (rows gold, columns predicted)."""
    per: dict[str, Any] = {}
    gc, pc = Counter(gold), Counter(pred)
    tpc = Counter(g for g, p in zip(gold, pred, strict=True) if g == p)
    for lab in labels:
        per[lab] = _prf(tpc[lab], pc[lab], gc[lab])
    cols = list(labels) + [lab for lab in sorted(pc) if lab not in labels and lab != NONE] + [NONE]
    rows = list(labels) + [lab for lab in sorted(gc) if lab not in labels]
    conf: dict[str, dict[str, int]] = {r: dict.fromkeys(cols, 0) for r in rows}
    for g, p in zip(gold, pred, strict=True):
        conf[g][p] += 1
    return {
        "per_class": per,
        "macro_f1": sum(v["f1"] for v in per.values()) / len(per) if per else 0.0,
        "accuracy": _ratio(sum(tpc.values()), len(gold)),
        "confusion": {"rows": rows, "columns": cols, "counts": conf},
    }


# ------------------------------------------------------------------------------------------- report


@dataclass
class Report:
    """The outcome of one evaluation. `metrics` holds the headline numbers (see the module doc)."""

    format: str
    gold_path: str
    n_records: int
    metrics: dict[str, Any]
    classes: dict[str, Any] | None = None
    by_category: dict[str, Any] | None = None
    mistakes: list[dict[str, Any]] = field(default_factory=list)
    n_mistakes: int = 0
    notes: list[str] = field(default_factory=list)
    by_source: dict[str, Any] = field(default_factory=dict)
    calibration: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable dict (what `detente eval --report FILE` writes)."""
        return {
            "format": self.format, "gold": self.gold_path, "records": self.n_records,
            "metrics": self.metrics, "classes": self.classes, "by_category": self.by_category,
            "notes": self.notes, "mistakes_total": self.n_mistakes, "mistakes": self.mistakes,
            "by_source": self.by_source, "calibration": self.calibration,
        }

    def render(self, by_source: bool = False) -> str:
        """A readable plain-text report."""
        out = [f"detente eval: {self.gold_path} ({self.format}, {self.n_records} records)", ""]
        width = max((len(k) for k in self.metrics), default=10)
        for k, v in self.metrics.items():
            out.append(f"  {k:<{width}}  {_fmt(v)}")
        if self.classes:
            out += ["", _render_classes(self.classes)]
        if self.by_category:
            out += ["", "  by category             records  exact match", "  " + "-" * 44]
            for cat, d in sorted(self.by_category.items()):
                out.append(f"  {cat:<24}{d['records']:>7}  {_fmt(d['exact_match'])}")
        if by_source and self.by_source:
            out += ["", "  by source of the main event's code   records  correct  accuracy", "  " + "-" * 62]
            for src, d in sorted(self.by_source.items()):
                out.append(f"  {src:<36}{d['records']:>8}{d['correct']:>9}  {_fmt(d['accuracy'])}")
        if self.calibration:
            out += ["", "  calibration (main event confidence)  records  mean conf  accuracy", "  " + "-" * 64]
            for b in self.calibration:
                out.append(f"  {b['bucket']:<36}{b['records']:>8}  {_fmt(b['mean_confidence']):>9}  "
                           f"{_fmt(b['accuracy'])}")
        for note in self.notes:
            out.append(f"  note: {note}")
        if self.mistakes:
            out += ["", f"  mistakes: {self.n_mistakes} (first {min(5, len(self.mistakes))} shown; "
                        f"{len(self.mistakes)} kept in --report)"]
            for m in self.mistakes[:5]:
                out.append(f"   - {m['id']}: {m['text'][:90]}")
                out.append(f"       gold {json.dumps(m['gold'])}")
                out.append(f"       pred {json.dumps([_short(e) for e in m['predicted']])}")
        return "\n".join(out)


def _short(e: dict[str, Any]) -> str:
    return f"{e.get('source') or '-'} {e.get('cameo')} {e.get('target') or '-'}"


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.3f}"
    if v is None:
        return "n/a"
    return str(v)


def _render_classes(c: dict[str, Any]) -> str:
    per = c["per_class"]
    names = c.get("names", {})
    lw = max([len(f"{k} {names.get(k, '')}".strip()) for k in per] + [12])
    lines = [f"  {'class':<{lw}}  precision  recall     f1  support", "  " + "-" * (lw + 36)]
    for k, v in per.items():
        label = f"{k} {names.get(k, '')}".strip()
        lines.append(f"  {label:<{lw}}  {v['precision']:9.3f}  {v['recall']:6.3f}  {v['f1']:5.3f}  {v['support']:7d}")
    lines.append(f"  {'macro':<{lw}}  {'':9}  {'':6}  {c['macro_f1']:5.3f}")
    conf = c["confusion"]
    cols = conf["columns"]
    cw = max([len(str(x)) for x in cols] + [5])
    lines += ["", "  confusion (rows gold, columns predicted)",
              "  " + " " * lw + "".join(f" {str(x):>{cw}}" for x in cols)]
    for r in conf["rows"]:
        lines.append(f"  {str(r):<{lw}}" + "".join(f" {conf['counts'][r][x]:>{cw}}" for x in cols))
    return "\n".join(lines)


# ----------------------------------------------------------------------------------------- evaluate


def _coded(gold: Gold, code_batch: CodeBatch, chunk: int) -> Iterator[tuple[GoldRecord, list[Event]]]:
    batch: list[GoldRecord] = []

    def run(recs: list[GoldRecord]) -> Iterable[tuple[GoldRecord, list[Event]]]:
        arts = [Article(id=r.id, text=r.text, date=r.date,
                        origin=f"{gold.path}:{r.line}" if r.line else gold.path) for r in recs]
        res = code_batch(arts)
        if len(res) != len(arts):
            raise ValueError(f"code_batch returned {len(res)} results for {len(arts)} articles")
        return zip(recs, res, strict=True)

    for rec in gold.records:
        batch.append(rec)
        if len(batch) >= chunk:
            yield from run(batch)
            batch = []
    if batch:
        yield from run(batch)


# Confidence buckets of the reliability table: predicted confidence vs observed accuracy.
CALIBRATION_EDGES = (0.0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


def evaluate(gold: Gold, code_batch: CodeBatch, *, chunk: int = CHUNK, max_mistakes: int = MAX_MISTAKES,
             pentaclass_scheme: str = DEFAULT_PENTA_SCHEME) -> Report:
    """Code every gold sentence with `code_batch` (in chunks) and score the result.

    ``pentaclass_scheme`` says how CAMEO roots map to the five classes of a pentaclass gold file
    (:func:`detente.codebook.pentaclass`).
    """
    scorer: _PetrarchScorer | _PentaScorer | _PloverScorer | _SpansScorer
    if gold.format == "spans":
        scorer = _SpansScorer()
    elif gold.format == "petrarch":
        scorer = _PetrarchScorer()
    elif gold.format == "pentaclass":
        scorer = _PentaScorer(pentaclass_scheme)
    elif gold.format == "plover":
        scorer = _PloverScorer()
    else:
        raise GoldFormatError(f"{gold.path}: unknown gold format {gold.format!r}; one of {', '.join(FORMATS)}")
    mistakes: list[dict[str, Any]] = []
    n_mistakes = 0
    sources: dict[str, list[int]] = {}
    buckets: list[list[float]] = [[] for _ in CALIBRATION_EDGES[:-1]]
    hits: list[list[int]] = [[] for _ in CALIBRATION_EDGES[:-1]]
    for rec, events in _coded(gold, code_batch, chunk):
        ok = scorer.add(rec, events)
        main = main_event(events, need_plover=gold.format == "plover")
        src = main.coded_by if main is not None else "no event"
        tally = sources.setdefault(src, [0, 0])
        tally[0] += 1
        tally[1] += int(ok)
        if main is not None:
            b = min(len(buckets) - 1, max(0, next(i for i, edge in enumerate(CALIBRATION_EDGES[1:]) if main.confidence <= edge)))
            buckets[b].append(main.confidence)
            hits[b].append(int(ok))
        if not ok:
            n_mistakes += 1
            if len(mistakes) < max_mistakes:
                mistakes.append({"id": rec.id, "text": rec.text, "gold": rec.to_dict(gold.format),
                                 "predicted": [_event_brief(e) for e in events]})
    report = scorer.report(gold)
    report.mistakes, report.n_mistakes = mistakes, n_mistakes
    report.by_source = {k: {"records": n, "correct": c, "accuracy": _ratio(c, n)} for k, (n, c) in sources.items()}
    report.calibration = [
        {"bucket": f"{lo:.1f}-{hi:.1f}", "records": len(confs),
         "mean_confidence": round(sum(confs) / len(confs), 3) if confs else None,
         "accuracy": _ratio(sum(h), len(h))}
        for lo, hi, confs, h in zip(CALIBRATION_EDGES[:-1], CALIBRATION_EDGES[1:], buckets, hits, strict=True)]
    report.notes = gold.notes + report.notes
    return report


class _ActorAccuracy:
    """Country accuracy of source and target, over gold actors with a known country."""

    def __init__(self) -> None:
        self.n = {"source": 0, "target": 0}
        self.ok = {"source": 0, "target": 0}

    def add(self, role: str, gold_country: str | None, pred: Actor | None) -> None:
        if gold_country is None:
            return
        self.n[role] += 1
        self.ok[role] += int(_pred_country(pred) == gold_country)

    def metrics(self) -> dict[str, Any]:
        return {"source_country_accuracy": _ratio(self.ok["source"], self.n["source"]),
                "target_country_accuracy": _ratio(self.ok["target"], self.n["target"]),
                "source_country_support": self.n["source"], "target_country_support": self.n["target"]}


class _PetrarchScorer:
    """Record exact match, root match, event P/R/F1 and actor country accuracy."""

    def __init__(self) -> None:
        self.n = 0
        self.exact = 0
        self.noevent_records = self.noevent_ok = 0
        self.gold_events = self.root_ok = self.root_any_ok = 0
        self.tp = self.n_pred = 0
        self.code_tp = 0
        self.actors = _ActorAccuracy()
        self.cats: dict[str, list[int]] = defaultdict(lambda: [0, 0])

    @staticmethod
    def _key(e: Event) -> tuple[str, str, str]:
        return (_pred_actor_code(e.source), _pred_actor_code(e.target), e.cameo)

    @staticmethod
    def _gkey(g: GoldEvent) -> tuple[str, str, str]:
        return (gold_actor_code(g.source), gold_actor_code(g.target), (g.code or "").upper())

    def add(self, rec: GoldRecord, events: list[Event]) -> bool:
        self.n += 1
        pred = Counter(self._key(e) for e in events)
        gold = Counter(self._gkey(g) for g in rec.events)
        exact = set(pred) == set(gold)
        self.exact += exact
        cat = self.cats[rec.category or "-"]
        cat[0] += 1
        cat[1] += exact
        if not rec.events:
            self.noevent_records += 1
            self.noevent_ok += not events
        self.tp += sum((pred & gold).values())
        self.n_pred += sum(pred.values())
        self.code_tp += sum((Counter(k[2] for k in pred.elements()) & Counter(k[2] for k in gold.elements())).values())
        for g in rec.events:
            gs, gt, gcode = self._gkey(g)
            self.gold_events += 1
            root = gcode[:2]
            self.root_ok += any(s == gs and t == gt and c[:2] == root for s, t, c in pred)
            self.root_any_ok += any(c[:2] == root for _, _, c in pred)
            best = self._align(gcode, events)
            self.actors.add("source", gold_country(g.source), best.source if best else None)
            self.actors.add("target", gold_country(g.target), best.target if best else None)
        return exact

    @staticmethod
    def _align(code: str, events: list[Event]) -> Event | None:
        """The predicted event a gold event is compared with: same code, else same root, else main."""
        for want in (lambda e: e.cameo == code, lambda e: e.cameo[:2] == code[:2]):
            cands = [e for e in events if want(e)]
            if cands:
                return min(cands, key=lambda e: (-e.confidence, e.rank))
        return main_event(events)

    def report(self, gold: Gold) -> Report:
        ev = _prf(self.tp, self.n_pred, self.gold_events)
        code_only = _prf(self.code_tp, self.n_pred, self.gold_events)
        m: dict[str, Any] = {
            "record_exact_match": _ratio(self.exact, self.n),
            "noevent_records_correct": _ratio(self.noevent_ok, self.noevent_records),
            "root_match": _ratio(self.root_ok, self.gold_events),
            "root_match_any_actors": _ratio(self.root_any_ok, self.gold_events),
            "event_precision": ev["precision"], "event_recall": ev["recall"], "event_f1": ev["f1"],
            "code_precision": code_only["precision"], "code_recall": code_only["recall"],
            "code_f1": code_only["f1"],
            **self.actors.metrics(),
            "gold_events": self.gold_events, "predicted_events": self.n_pred,
            "noevent_records": self.noevent_records,
        }
        cats = {c: {"records": v[0], "exact_match": _ratio(v[1], v[0])} for c, v in self.cats.items()}
        return Report("petrarch", gold.path, self.n, m, by_category=cats)


class _PentaScorer:
    def __init__(self, scheme: str = DEFAULT_PENTA_SCHEME) -> None:
        pentaclass_table(scheme)  # a bad scheme fails before any coding
        self.scheme = scheme
        self.gold: list[str] = []
        self.pred: list[str] = []
        self.covered = 0

    def add(self, rec: GoldRecord, events: list[Event]) -> bool:
        self.covered += bool(events)
        main = main_event(events)
        p = str(pentaclass(main.cameo, self.scheme)) if main is not None else NONE
        self.gold.append(str(rec.label))
        self.pred.append(p)
        return p == str(rec.label)

    def report(self, gold: Gold) -> Report:
        c = _classification(self.gold, self.pred, [str(k) for k in PENTA_NAMES])
        c["names"] = {str(k): v for k, v in PENTA_NAMES.items()}
        m = {"accuracy": c["accuracy"], "macro_f1": c["macro_f1"],
             "coverage": _ratio(self.covered, len(self.gold)),
             "no_event": self.pred.count(NONE)}
        c["scheme"] = self.scheme
        rep = Report("pentaclass", gold.path, len(self.gold), m, classes=c)
        rep.notes.append(f"CAMEO roots mapped to the five classes by the {self.scheme!r} scheme "
                         f"(--pentaclass-scheme; see detente/data/pentaclass.tsv)")
        return rep


class _PloverScorer:
    def __init__(self) -> None:
        self.gold: list[str] = []
        self.pred: list[str] = []
        self.covered = 0
        self.mode_n = self.mode_ok = 0
        self.actors = _ActorAccuracy()

    def add(self, rec: GoldRecord, events: list[Event]) -> bool:
        self.covered += bool(events)
        main = main_event(events, need_plover=True)
        p = (main.plover_event or NONE).upper() if main is not None else NONE
        g = rec.event_type or NONE
        self.gold.append(g)
        self.pred.append(p)
        ok = p == g
        if rec.mode:
            self.mode_n += 1
            mode_ok = main is not None and (main.plover_mode or "").lower() == rec.mode
            self.mode_ok += mode_ok
            ok = ok and mode_ok
        self.actors.add("source", rec.sources[0].country if rec.sources else None, main.source if main else None)
        self.actors.add("target", rec.targets[0].country if rec.targets else None, main.target if main else None)
        return ok

    def report(self, gold: Gold) -> Report:
        labels = sorted({g for g in self.gold} | {p for p in self.pred if p != NONE})
        c = _classification(self.gold, self.pred, labels)
        m = {"accuracy": c["accuracy"], "macro_f1": c["macro_f1"],
             "mode_accuracy": _ratio(self.mode_ok, self.mode_n), "mode_support": self.mode_n,
             "coverage": _ratio(self.covered, len(self.gold)), "no_event": self.pred.count(NONE),
             **self.actors.metrics()}
        return Report("plover", gold.path, len(self.gold), m, classes=c)


class _SpansScorer:
    """Source and target span F1 (see detente.evalspans)."""

    def __init__(self) -> None:
        self.scorer = SpanScorer()
        self.n = 0

    def add(self, rec: GoldRecord, events: list[Event]) -> bool:
        self.n += 1
        assert rec.spans is not None
        return self.scorer.add(rec.spans, events)

    def report(self, gold: Gold) -> Report:
        return Report("spans", gold.path, self.n, self.scorer.metrics())
