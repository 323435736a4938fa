"""Evidence spans of events as highlight segments of an article's text: each piece of text with the
kinds of span covering it (source, target, trigger) and the events they belong to."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel

from ..models import Event, Span

KINDS = ("source", "target", "trigger")


class Highlight(BaseModel):
    """One evidence span, located in the article text."""

    start: int
    end: int
    kind: str           # source, target or trigger
    event: int          # index of the event in the page's list


class Segment(BaseModel):
    """A run of text covered by the same highlights."""

    text: str
    kinds: list[str]
    events: list[int]


def locate(text: str, span: Span, sentence: str) -> tuple[int, int] | None:
    """Where ``span`` is in ``text``: at its offsets if the text there matches, else relative to the
    sentence (some producers give sentence offsets), else its first occurrence in the sentence."""
    if not span.text:
        return None
    if text[span.start:span.end] == span.text:
        return span.start, span.end
    at = text.find(sentence) if sentence else -1
    if at >= 0:
        s, e = at + span.start, at + span.end
        if text[s:e] == span.text:
            return s, e
        k = text.find(span.text, at, at + len(sentence))
        if k >= 0:
            return k, k + len(span.text)
    k = text.find(span.text)
    return (k, k + len(span.text)) if k >= 0 else None


def highlights(text: str, events: Sequence[Event]) -> list[Highlight]:
    out: list[Highlight] = []
    for i, ev in enumerate(events):
        spans = (("source", ev.source.span if ev.source else None), ("target", ev.target.span if ev.target else None),
                 ("trigger", ev.trigger))
        for kind, span in spans:
            if span is None:
                continue
            where = locate(text, span, ev.sentence)
            if where is not None:
                out.append(Highlight(start=where[0], end=where[1], kind=kind, event=i))
    return out


def segments(text: str, marks: Sequence[Highlight]) -> list[Segment]:
    """The text cut at every highlight boundary; overlapping highlights share a segment."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a >= b:
            continue
        cover = [m for m in marks if m.start <= a and m.end >= b]
        kinds = [k for k in KINDS if any(m.kind == k for m in cover)]
        out.append(Segment(text=text[a:b], kinds=kinds, events=sorted({m.event for m in cover})))
    return out
