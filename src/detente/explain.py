"""`detente explain`: why one sentence was coded the way it was."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .events.extract import match_sentence
from .models import Actor, Article, Event
from .pipeline import Coder


@dataclass
class TokenRow:
    i: int
    text: str
    lemma: str
    pos: str
    dep: str
    head: int
    ent: str


@dataclass
class TriggerRow:
    token: str
    lemma: str
    outcome: str  # "coded 040 ..." or why it was discarded
    entry: str = ""


@dataclass
class Explanation:
    text: str
    date: dt.date | None
    model: str
    tokens: list[TokenRow] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    triggers: list[TriggerRow] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text, "date": self.date.isoformat() if self.date else None, "model": self.model,
            "tokens": [t.__dict__ for t in self.tokens],
            "actors": [a.model_dump(mode="json") for a in self.actors],
            "triggers": [t.__dict__ for t in self.triggers],
            "events": [e.model_dump(mode="json") for e in self.events],
        }


def explain(text: str, date: dt.date | None = None, coder: Coder | None = None) -> Explanation:
    coder = coder or Coder()
    article = Article(id="explain", text=text, date=date)
    doc = coder.nlp(text)
    index = coder.resolver.match(doc, date)
    events = coder.coder.code_doc(doc, article, index)
    ex = Explanation(text=text, date=date, model=str(coder.nlp.meta.get("detente_model", coder.nlp.meta.get("name"))))
    ex.tokens = [TokenRow(t.i, t.text, t.lemma_, t.pos_, t.dep_, t.head.i, t.ent_type_) for t in doc]
    ex.actors = list(index.mentions())
    coded_at = {e.trigger.start: e for e in events}
    for sent in doc.sents:
        match = match_sentence(sent, coder.lexicon)
        for cand in match.candidates:
            tok = cand.trigger
            if cand.wrapper is not None:
                outcome = f"absorbed by '{cand.wrapper.trigger.text}' ({cand.wrapper.entry.code}), which governs it"
            elif tok.idx in coded_at:
                ev = coded_at[tok.idx]
                outcome = f"coded {ev.cameo} {ev.cameo_name}"
            else:
                outcome = "matched, but its event was folded into the reported event it introduces"
            row = TriggerRow(tok.text, tok.lemma_, outcome, cand.entry.describe())
            if cand.notes:
                row.outcome += " (" + "; ".join(cand.notes) + ")"
            ex.triggers.append(row)
        for d in match.discarded:
            if any(t.token == d.token.text and "absorbed" in t.outcome for t in ex.triggers):
                continue
            ex.triggers.append(TriggerRow(d.token.text, d.token.lemma_, "discarded: " + d.reason))
    ex.events = events
    return ex


def render(ex: Explanation) -> str:
    lines = [f"Sentence: {ex.text}", f"Publication date: {ex.date or 'none'}   Model: {ex.model}", "", "Tokens:"]
    lines.append(f"  {'#':>3} {'token':<16} {'lemma':<14} {'pos':<6} {'dep':<10} {'head':>4} ent")
    for t in ex.tokens:
        lines.append(f"  {t.i:>3} {t.text:<16} {t.lemma:<14} {t.pos:<6} {t.dep:<10} {t.head:>4} {t.ent}")
    lines += ["", "Actors:"]
    for a in ex.actors or []:
        lines.append(f"  {a.text!r:<34} {a.code or '-':<10} {a.kind:<8} {a.reason}")
    if not ex.actors:
        lines.append("  (none)")
    lines += ["", "Candidate triggers:"]
    for tr in ex.triggers:
        lines.append(f"  {tr.token!r:<16} {tr.outcome}" + (f"  [{tr.entry}]" if tr.entry else ""))
    if not ex.triggers:
        lines.append("  (no word of the sentence is in the trigger lexicon)")
    lines += ["", "Events:"]
    for e in ex.events:
        src = e.source.code or e.source.text if e.source else "-"
        tgt = e.target.code or e.target.text if e.target else "-"
        flags = ",".join(e.flags.names()) or "-"
        lines.append(f"  #{e.rank} {src} -> {tgt}  {e.cameo} {e.cameo_name}  PLOVER {e.plover_event or '-'}"
                     f"  Goldstein {e.goldstein:+.1f}  quad {e.quad_class}  date {e.date.value or '-'} "
                     f"({e.date.precision})  flags {flags}  conf {e.confidence:.2f}")
        lines.append(f"      why: {e.reason}")
        lines.append(f"      date: {e.date.reason}")
        if e.flags.reason:
            lines.append(f"      flags: {e.flags.reason}")
    if not ex.events:
        lines.append("  (no event)")
    return "\n".join(lines)
