"""Change points in a dyad's Goldstein series, each labelled a "thaw" or an "escalation".

Method (docs/store.md, "Change points"): penalised least-squares segmentation of the series of
period means, solved exactly by optimal partitioning (Jackson et al. 2005, the recursion PELT
prunes; n is a few hundred periods at most, so the O(n²) recursion is instant).

* The series x_t is the mean Goldstein score of each period that has events (empty periods are
  left out, not counted as 0), weighted by w_t = n_t / mean(n): a week of forty events weighs more
  than a week of one.
* The cost of a segment is its weighted sum of squared deviations from its weighted mean; each
  change point costs the penalty ``beta * sigma² * log(n)`` (beta = 2, the BIC for a change in
  mean). sigma is estimated robustly from the first differences of the series,
  ``1.4826 * median(|x_t+1 - x_t|) / sqrt(2)``, which the few real shifts hardly move, with a floor
  of ``min_sigma`` (0.5 Goldstein points) so a perfectly regular series does not split on noise.
* A segment must hold at least ``min_events`` events (3): one odd event in a thin week is no shift.
* Each boundary between two segments is a shift of size mean(after) - mean(before); it is kept as
  significant when |size| >= ``min_shift`` (default 1.5 Goldstein points). A negative size is an
  "escalation", a positive one a "thaw"; its date is the first period of the new segment.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

BETA = 2.0
MIN_SIGMA = 0.5
MIN_SHIFT = 1.5
MIN_EVENTS = 3


@dataclass(frozen=True)
class Shift:
    """A significant change in the Goldstein level."""

    date: dt.date          # first period of the new level
    label: str             # "escalation" (towards conflict) or "thaw" (towards cooperation)
    size: float            # mean after - mean before, in Goldstein points
    before: float
    after: float
    index: int             # position of `date` in the series

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["date"] = self.date.isoformat()
        return d


def noise_sigma(x: np.ndarray, floor: float = MIN_SIGMA) -> float:
    """Robust noise scale from first differences (MAD), at least ``floor``."""
    if len(x) < 3:
        return floor
    mad = float(np.median(np.abs(np.diff(x))))
    return max(1.4826 * mad / math.sqrt(2.0), floor)


def segment(x: np.ndarray, w: np.ndarray, penalty: float, counts: np.ndarray | None = None,
            min_events: float = 0.0) -> list[int]:
    """Optimal partitioning: the start indices (> 0) of the segments that minimise cost + penalty,
    each segment holding at least ``min_events`` of ``counts``."""
    n = len(x)
    c = np.ones(n) if counts is None else counts
    if n < 2 or c.sum() < 2 * min_events:
        return []
    s_c = np.concatenate([[0.0], np.cumsum(c)])
    s_w = np.concatenate([[0.0], np.cumsum(w)])
    s_wx = np.concatenate([[0.0], np.cumsum(w * x)])
    s_wxx = np.concatenate([[0.0], np.cumsum(w * x * x)])
    best = np.full(n + 1, np.inf)
    best[0] = -penalty
    last = np.zeros(n + 1, dtype=int)
    for j in range(1, n + 1):
        i = np.arange(j)
        sw = s_w[j] - s_w[i]
        swx = s_wx[j] - s_wx[i]
        cost = (s_wxx[j] - s_wxx[i]) - np.divide(swx * swx, sw, out=np.zeros_like(sw), where=sw > 0)
        total = best[i] + np.maximum(cost, 0.0) + penalty
        total[(s_c[j] - s_c[i]) < min_events] = np.inf
        k = int(np.argmin(total))
        if not np.isfinite(total[k]):
            best[j], last[j] = np.inf, 0
            continue
        best[j], last[j] = total[k], k
    cuts = []
    j = n
    if not np.isfinite(best[n]):
        return []
    while j > 0:
        j = int(last[j])
        if j > 0:
            cuts.append(j)
    return sorted(cuts)


def detect_shifts(dates: Sequence[dt.date], means: Sequence[float], counts: Sequence[float] | None = None, *,
                  min_shift: float = MIN_SHIFT, beta: float = BETA, min_sigma: float = MIN_SIGMA,
                  min_events: int = MIN_EVENTS) -> list[Shift]:
    """Significant shifts of a Goldstein series (periods with events only), oldest first.

    ``counts`` are the events of each period (weights, and at least ``min_events`` to a segment);
    without them every period weighs the same and segments have no minimum."""
    x = np.asarray(means, dtype=float)
    if len(x) < 2:
        return []
    c = np.ones_like(x) if counts is None else np.asarray(counts, dtype=float)
    w = c / c.mean() if c.sum() > 0 else np.ones_like(x)
    sigma = noise_sigma(x, min_sigma)
    cuts = segment(x, w, beta * sigma * sigma * math.log(len(x)), c, min_events if counts is not None else 0)
    bounds = [0, *cuts, len(x)]
    levels = [float(np.average(x[a:b], weights=w[a:b])) for a, b in zip(bounds, bounds[1:], strict=False)]
    out = []
    for k, cut in enumerate(cuts):
        size = levels[k + 1] - levels[k]
        if abs(size) < min_shift:
            continue
        out.append(Shift(date=dates[cut], label="escalation" if size < 0 else "thaw", size=round(size, 3),
                         before=round(levels[k], 3), after=round(levels[k + 1], 3), index=cut))
    return out
