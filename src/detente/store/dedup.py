"""De-duplication: mentions of one real event, in one or many articles, become one stored event.

The algorithm (documented in docs/store.md) is greedy and runs in input order, one mention at a
time. A mention joins an existing event when all of these hold:

1. the same **key**: source actor code, target actor code, CAMEO base code (the three-digit parent,
   ``0251`` -> ``025``) and the same factuality flags (negated, hypothetical, future);
2. **dates within the window**: the distance in days between the event's date interval and the
   mention's (a day, or a whole month for ``January 2025``) is at most ``window_days`` (default 1);
   an undated mention only joins an undated event;
3. **overlapping evidence**: the overlap coefficient |A ∩ B| / min(|A|, |B|) of the evidence of the
   mention and of at least one of the event's mentions is at least ``min_overlap`` (default 0.3).
   A mention's evidence is the set of content-word stems of its sentence (stop words and month
   names dropped, words cut to five letters) less those of its actor and trigger texts, which all
   mentions of one key share; two empty sets overlap fully, an empty and a full one not at all.

A mention with neither actor resolved never merges. Of several events that qualify it joins the one
with the highest overlap, then the nearest date, then the lowest event id; otherwise it starts a
new event. The event's codes and date come from
its best mention: the most precise date (day, then publication, month, year), then the highest
confidence, the sentence's main event, the earliest sentence, the earliest mention.

Because the matching depends only on the mentions stored before, in order, a run that is killed
and resumed ends with exactly the events of an uninterrupted run.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

PRECISION_RANK = {"day": 4, "publication": 3, "month": 2, "year": 1, "none": 0}

_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
_STEM = 5
_STOPWORD_TEXT = """
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me more
most my myself no nor not now of off on once only or other our ours ourselves out over own same she
should so some such than that the their theirs them themselves then there these they this those
through to too under until up very was we were what when where which while who whom why will with
would you your yours yourself yourselves said says say told according per cent mr ms mrs one two
three new also its it's amid since week today yesterday january february march april may june july
august september october november december
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


@dataclass(frozen=True)
class DedupConfig:
    """Settings of the matching; ``window_days`` is the ±days two dates may differ by."""

    window_days: int = 1
    min_overlap: float = 0.3

    def __post_init__(self) -> None:
        if self.window_days < 0:
            raise ValueError(f"window_days must be 0 or more, not {self.window_days}")
        if not 0.0 <= self.min_overlap <= 1.0:
            raise ValueError(f"min_overlap must be within [0, 1], not {self.min_overlap}")


def _stems(text: str) -> set[str]:
    return {w[:_STEM] for w in _WORD.findall(text.casefold())
            if w not in STOPWORDS and (len(w) >= 3 or w.isdigit())}


@lru_cache(maxsize=65536)
def _stems_cached(text: str) -> frozenset[str]:
    return frozenset(_stems(text))


def evidence_tokens(sentence: str, exclude: Iterable[str | None] = ()) -> frozenset[str]:
    """Content-word stems of a sentence: lower-cased words, stop words and month names dropped, cut to 5
    letters, less the stems of ``exclude`` (the actor and trigger texts, which every mention of the key
    shares and so tell nothing)."""
    out = _stems(sentence)
    for text in exclude:
        if text:
            out -= _stems_cached(text)
    return frozenset(out)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap coefficient |A ∩ B| / min(|A|, |B|): 1 when both are empty (nothing but the actors and
    the trigger: nothing tells them apart), 0 when only one is."""
    if not a or not b:
        return 1.0 if not a and not b else 0.0
    return len(a & b) / min(len(a), len(b))


def dedup_key(source_code: str | None, target_code: str | None, base: str,
              negated: bool, hypothetical: bool, future: bool) -> str:
    flags = "".join(c for c, on in (("n", negated), ("h", hypothetical), ("f", future)) if on)
    return f"{source_code or ''}|{target_code or ''}|{base}|{flags}"


def day_distance(a: tuple[dt.date | None, dt.date | None], b: tuple[dt.date | None, dt.date | None]) -> int | None:
    """Days between two date intervals (0 if they overlap); None if either is undated."""
    (a0, a1), (b0, b1) = a, b
    if a0 is None or a1 is None or b0 is None or b1 is None:
        return None
    return max(0, (b0 - a1).days, (a0 - b1).days)


@dataclass
class MentionInfo:
    """What de-duplication needs to know of one mention."""

    mention_id: int
    article_id: int
    source_key: str
    tokens: frozenset[str]
    date_start: dt.date | None
    date_end: dt.date | None
    precision: str
    confidence: float
    rank: int
    sentence_index: int
    seen: dt.datetime

    def best_order(self) -> tuple[int, float, int, int, int]:
        """Sort key: smaller is a better mention to represent its event."""
        return (-PRECISION_RANK.get(self.precision, 0), -self.confidence, self.rank, self.sentence_index,
                self.mention_id)


@dataclass
class Cluster:
    """One event and its mentions while a batch is de-duplicated."""

    event_id: int
    key: str
    mentions: list[MentionInfo]
    best: MentionInfo
    is_new: bool = True
    counts_changed: bool = False
    best_changed: bool = False
    articles: set[int] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)

    @classmethod
    def start(cls, event_id: int, key: str, m: MentionInfo, is_new: bool = True) -> Cluster:
        c = cls(event_id=event_id, key=key, mentions=[m], best=m, is_new=is_new)
        c.articles.add(m.article_id)
        c.sources.add(m.source_key)
        return c

    @property
    def dates(self) -> tuple[dt.date | None, dt.date | None]:
        return self.best.date_start, self.best.date_end

    @property
    def first_seen(self) -> dt.datetime:
        return min(m.seen for m in self.mentions)

    @property
    def last_seen(self) -> dt.datetime:
        return max(m.seen for m in self.mentions)

    @property
    def is_root(self) -> bool:
        """Some mention stands in the lead (the first three sentences) of its article."""
        return any(m.sentence_index < 3 for m in self.mentions)

    def add(self, m: MentionInfo) -> None:
        self.mentions.append(m)
        self.articles.add(m.article_id)
        self.sources.add(m.source_key)
        self.counts_changed = True
        if m.best_order() < self.best.best_order():
            self.best = m
            self.best_changed = True


class Deduper:
    """Greedy matcher over the candidate events of a batch (loaded from the store) and the new ones."""

    def __init__(self, config: DedupConfig, existing: Iterable[Cluster], next_event_id: int) -> None:
        self.config = config
        self.next_event_id = next_event_id
        self.by_key: dict[str, list[Cluster]] = {}
        for c in sorted(existing, key=lambda c: c.event_id):
            c.is_new = False
            self.by_key.setdefault(c.key, []).append(c)

    def clusters(self) -> list[Cluster]:
        return [c for cs in self.by_key.values() for c in cs]

    def match(self, key: str, m: MentionInfo) -> Cluster | None:
        """The event ``m`` belongs to, or None."""
        if key.startswith("||"):
            return None                      # neither actor known: nothing says two are the same
        best: tuple[float, int, int] | None = None
        found: Cluster | None = None
        for c in self.by_key.get(key, ()):
            dist = day_distance(c.dates, (m.date_start, m.date_end))
            if dist is None:
                undated_both = c.best.date_start is None and m.date_start is None
                if not undated_both:
                    continue
                dist = 0
            elif dist > self.config.window_days:
                continue
            ov = max(overlap(m.tokens, other.tokens) for other in c.mentions)
            if ov < self.config.min_overlap:
                continue
            rank = (-ov, dist, c.event_id)
            if best is None or rank < best:
                best, found = rank, c
        return found

    def assign(self, key: str, m: MentionInfo) -> tuple[Cluster, bool]:
        """Puts ``m`` into its event (made if need be); returns the event and whether it merged."""
        c = self.match(key, m)
        if c is not None:
            c.add(m)
            return c, True
        c = Cluster.start(self.next_event_id, key, m)
        self.next_event_id += 1
        self.by_key.setdefault(key, []).append(c)
        return c, False
