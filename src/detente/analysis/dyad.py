"""A dyad's relations period by period: QuadClass counts, Goldstein sums and means, cooperation and
conflict, volume, the same normalised by the period's total volume, and the shifts between levels.

The input is already aggregated per period (the store does that in SQL); this module fills the
empty periods, normalises, finds the change points and renders the table.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .changepoints import MIN_SHIFT, Shift, detect_shifts

PERIODS = ("day", "week", "month")
COUNT_COLUMNS = ["events", "q1", "q2", "q3", "q4", "goldstein_sum", "coop_sum", "conflict_sum"]
TABLE_COLUMNS = [
    "period", "events", "q1", "q2", "q3", "q4", "goldstein_sum", "goldstein_mean", "coop_sum", "conflict_sum",
    "total_volume", *[f"{c}_norm" for c in COUNT_COLUMNS], "shift", "shift_size",
]
"""Columns of a dyad table, in order. ``qN`` counts events of QuadClass N; ``coop_sum`` and
``conflict_sum`` add the Goldstein scores of QuadClass 1-2 and 3-4 events; ``total_volume`` is the
number of events of all dyads in the period, and each ``*_norm`` column is its column divided by it."""


def period_start(d: dt.date, by: str) -> dt.date:
    if by == "day":
        return d
    if by == "week":
        return d - dt.timedelta(days=d.weekday())
    if by == "month":
        return d.replace(day=1)
    raise ValueError(f"unknown period {by!r}; choose one of {', '.join(PERIODS)}")


def next_period(d: dt.date, by: str) -> dt.date:
    if by == "day":
        return d + dt.timedelta(days=1)
    if by == "week":
        return d + dt.timedelta(days=7)
    return dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)


def period_range(first: dt.date, last: dt.date, by: str) -> list[dt.date]:
    out, d = [], period_start(first, by)
    while d <= last:
        out.append(d)
        d = next_period(d, by)
    return out


def _as_date(v: Any) -> dt.date:
    if isinstance(v, pd.Timestamp):
        return v.date()
    if isinstance(v, dt.datetime):
        return v.date()
    return v  # type: ignore[no-any-return]


@dataclass
class DyadReport:
    """The table of one dyad and its shifts."""

    a: str
    b: str
    by: str
    undirected: bool
    table: pd.DataFrame
    shifts: list[Shift] = field(default_factory=list)

    @property
    def title(self) -> str:
        arrow = "<->" if self.undirected else "->"
        return f"{self.a} {arrow} {self.b} by {self.by}"

    def render(self) -> str:
        t = self.table
        if t.empty:
            return f"{self.title}: no dated events"
        view = t[["period", "events", "q1", "q2", "q3", "q4", "goldstein_sum", "goldstein_mean", "coop_sum",
                  "conflict_sum", "events_norm", "shift"]].copy()
        view["period"] = [p.isoformat() for p in view["period"]]
        view["events_norm"] = [f"{v:.4f}" for v in view["events_norm"]]
        view["goldstein_mean"] = [("" if pd.isna(v) else f"{v:+.2f}") for v in view["goldstein_mean"]]
        for c in ("goldstein_sum", "coop_sum", "conflict_sum"):
            view[c] = [f"{v:+.1f}" for v in view[c]]
        view = view.rename(columns={"goldstein_sum": "gold_sum", "goldstein_mean": "gold_mean",
                                    "events_norm": "share"})
        lines = [f"{self.title}: {int(t['events'].sum())} events, {t['period'].iloc[0]} .. {t['period'].iloc[-1]}",
                 view.to_string(index=False), ""]
        if self.shifts:
            lines.append("shifts (change points of the Goldstein mean):")
            for s in self.shifts:
                lines.append(f"  {s.label:<10} {s.date.isoformat()}  size {s.size:+.2f}  "
                             f"(mean {s.before:+.2f} -> {s.after:+.2f})")
        else:
            lines.append("shifts: none significant")
        return "\n".join(lines)


def build_table(agg: pd.DataFrame, totals: pd.DataFrame, by: str, *,
                min_shift: float = MIN_SHIFT) -> tuple[pd.DataFrame, list[Shift]]:
    """The full table (every period from the dyad's first to its last) and its shifts.

    ``agg`` has a ``period`` column and :data:`COUNT_COLUMNS`; ``totals`` has ``period`` and
    ``total_volume`` (all events of the period).
    """
    if by not in PERIODS:
        raise ValueError(f"unknown period {by!r}; choose one of {', '.join(PERIODS)}")
    if agg.empty:
        return pd.DataFrame({c: [] for c in TABLE_COLUMNS}), []
    agg_periods = [_as_date(p) for p in agg["period"]]
    periods = period_range(min(agg_periods), max(agg_periods), by)
    pos = {p: i for i, p in enumerate(periods)}
    n = len(periods)
    at = np.array([pos[p] for p in agg_periods], dtype=int)
    cols: dict[str, Any] = {"period": periods}
    for c in COUNT_COLUMNS:
        arr = np.zeros(n)
        arr[at] = agg[c].to_numpy(dtype=float)
        cols[c] = arr
    total = np.zeros(n)
    for p, v in zip(totals["period"], totals["total_volume"], strict=True):
        i = pos.get(_as_date(p))
        if i is not None:
            total[i] = v
    events = cols["events"]
    with np.errstate(divide="ignore", invalid="ignore"):
        cols["goldstein_mean"] = np.where(events > 0, cols["goldstein_sum"] / events, np.nan)
        norms = {f"{c}_norm": np.where(total > 0, cols[c] / total, 0.0) for c in COUNT_COLUMNS}
    cols["total_volume"] = total.astype("int64")
    cols.update(norms)
    for c in ("events", "q1", "q2", "q3", "q4"):
        cols[c] = cols[c].astype("int64")
    active = np.flatnonzero(events > 0)
    shifts = detect_shifts([periods[i] for i in active], list(cols["goldstein_mean"][active]),
                           list(events[active]), min_shift=min_shift)
    label = [""] * n
    size = np.zeros(n)
    for s in shifts:
        label[pos[s.date]] = s.label
        size[pos[s.date]] = s.size
    cols["shift"] = label
    cols["shift_size"] = size
    return pd.DataFrame({c: cols[c] for c in TABLE_COLUMNS}), shifts
