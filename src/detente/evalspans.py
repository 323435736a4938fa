"""Source and target span gold in CoNLL form (`token tag`, blank line between sentences).

Tags are B-/I- with S (source actor), T (target actor) or R (reciprocal: both source and target),
and O. The sentence text is the tokens joined by single spaces, so gold spans are character spans
of that text. The coder's prediction for a sentence is the source and target of its main event
(and of the other events with the same trigger, for compound actors).

Two scores per role: exact span match (precision, recall, F1 of character spans) and token overlap
(F1 of the tokens inside predicted vs gold spans), the second being kinder to "the Swiss court" vs
"a Swiss court".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .errors import GoldFormatError
from .models import Event


@dataclass
class SpanRecord:
    id: str
    text: str
    line: int
    tokens: list[tuple[int, int]]  # char span of each token
    source: set[tuple[int, int]] = field(default_factory=set)
    target: set[tuple[int, int]] = field(default_factory=set)


def looks_like_conll(text: str) -> bool:
    lines = [ln for ln in text.splitlines()[:60] if ln.strip()]
    if len(lines) < 3:
        return False
    tagged = [ln for ln in lines if len(ln.split()) == 2 and (ln.split()[1] == "O" or ln.split()[1][:2] in ("B-", "I-"))]
    return len(tagged) >= 0.9 * len(lines)


def read_conll(text: str, path: str) -> list[SpanRecord]:
    recs: list[SpanRecord] = []
    toks: list[tuple[str, str]] = []
    start_line = 1

    def flush(line: int) -> None:
        if not toks:
            return
        offsets, pos = [], 0
        for w, _ in toks:
            offsets.append((pos, pos + len(w)))
            pos += len(w) + 1
        rec = SpanRecord(id=f"line-{start_line}", text=" ".join(w for w, _ in toks), line=start_line, tokens=offsets)
        cur: tuple[str, int] | None = None
        spans: list[tuple[str, int, int]] = []
        for i, (_, tag) in enumerate(toks):
            kind = tag[2:] if tag[:2] in ("B-", "I-") else None
            if kind and (tag.startswith("B-") or cur is None or cur[0] != kind):
                if cur is not None:
                    spans.append((cur[0], cur[1], i - 1))
                cur = (kind, i)
            elif not kind and cur is not None:
                spans.append((cur[0], cur[1], i - 1))
                cur = None
        if cur is not None:
            spans.append((cur[0], cur[1], len(toks) - 1))
        for kind, a, b in spans:
            span = (offsets[a][0], offsets[b][1])
            if kind in ("S", "R"):
                rec.source.add(span)
            if kind in ("T", "R"):
                rec.target.add(span)
        recs.append(rec)

    lines = text.splitlines()
    for n, raw in enumerate(lines, 1):
        if not raw.strip():
            flush(n)
            toks = []
            start_line = n + 1
            continue
        parts = raw.split()
        if len(parts) != 2:
            raise GoldFormatError(f"{path}:{n}: expected 'token tag', found {raw!r}")
        toks.append((parts[0], parts[1]))
    flush(len(lines) + 1)
    return recs


def predicted_spans(events: list[Event]) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """Source and target spans of the main event and its siblings (same trigger)."""
    if not events:
        return set(), set()
    pool = [e for e in events if not e.cameo.startswith("01")] or list(events)
    main = min(pool, key=lambda e: (-e.confidence, e.rank))
    same = [e for e in events if e.trigger == main.trigger]
    src = {(e.source.span.start, e.source.span.end) for e in same if e.source and e.source.span}
    tgt = {(e.target.span.start, e.target.span.end) for e in same if e.target and e.target.span}
    return src, tgt


def _tokens_in(spans: set[tuple[int, int]], tokens: list[tuple[int, int]]) -> set[int]:
    return {i for i, (a, b) in enumerate(tokens) for (s, e) in spans if a >= s and b <= e}


class SpanScorer:
    def __init__(self) -> None:
        self.counts = {role: {"tp": 0, "pred": 0, "gold": 0, "ttp": 0, "tpred": 0, "tgold": 0}
                       for role in ("source", "target")}

    def add(self, rec: SpanRecord, events: list[Event]) -> bool:
        src, tgt = predicted_spans(events)
        ok = True
        for role, pred, gold in (("source", src, rec.source), ("target", tgt, rec.target)):
            c = self.counts[role]
            c["tp"] += len(pred & gold)
            c["pred"] += len(pred)
            c["gold"] += len(gold)
            pt, gt = _tokens_in(pred, rec.tokens), _tokens_in(gold, rec.tokens)
            c["ttp"] += len(pt & gt)
            c["tpred"] += len(pt)
            c["tgold"] += len(gt)
            ok = ok and pred == gold
        return ok

    def metrics(self) -> dict[str, Any]:
        def f1(tp: int, p: int, g: int) -> tuple[float | None, float | None, float | None]:
            prec = tp / p if p else None
            rec = tp / g if g else None
            f = 2 * prec * rec / (prec + rec) if prec and rec else (0.0 if p or g else None)
            return prec, rec, f

        out: dict[str, Any] = {}
        for role, c in self.counts.items():
            p, r, f = f1(c["tp"], c["pred"], c["gold"])
            out[f"{role}_span_precision"], out[f"{role}_span_recall"], out[f"{role}_span_f1"] = p, r, f
            _, _, tf = f1(c["ttp"], c["tpred"], c["tgold"])
            out[f"{role}_token_f1"] = tf
        return out
