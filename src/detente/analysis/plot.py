"""The dyad chart: stacked QuadClass counts per period, the Goldstein mean as a line on its own axis,
and a marker at each shift. Drawn with matplotlib's Agg canvas: no display needed."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .dyad import DyadReport

QUAD_LABELS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
QUAD_COLOURS = {1: "#8fc1e3", 2: "#2b7bba", 3: "#f4a582", 4: "#c0392b"}


def plot_dyad(report: DyadReport, out: str | Path, *, dpi: int = 110) -> Path:
    """Writes the chart of ``report`` as PNG to ``out``; returns the path."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    t = report.table
    fig = Figure(figsize=(10, 5))
    FigureCanvasAgg(fig)
    ax = fig.add_subplot(1, 1, 1)
    x = list(range(len(t)))
    bottom = [0] * len(t)
    for q in (1, 2, 3, 4):
        vals = [int(v) for v in t[f"q{q}"]] if len(t) else []
        ax.bar(x, vals, bottom=bottom, color=QUAD_COLOURS[q], label=QUAD_LABELS[q], width=0.8)
        bottom = [b + v for b, v in zip(bottom, vals, strict=True)]
    ax.set_ylabel("events")
    ax2 = ax.twinx()
    means = [None if pd.isna(v) else float(v) for v in t["goldstein_mean"]] if len(t) else []
    ax2.plot(x, [float("nan") if v is None else v for v in means], color="black", marker="o", linewidth=1.5,
             label="Goldstein mean")
    ax2.axhline(0, color="grey", linewidth=0.6, linestyle=":")
    ax2.set_ylim(-10.5, 10.5)
    ax2.set_ylabel("Goldstein mean")
    for s in report.shifts:
        pos = next((i for i, p in enumerate(t["period"]) if p == s.date), None)
        if pos is None:
            continue
        colour = "#c0392b" if s.label == "escalation" else "#27ae60"
        ax2.axvline(pos - 0.5, color=colour, linestyle="--", linewidth=1.2)
        ax2.annotate(f"{s.label} {s.size:+.1f}", xy=(pos - 0.5, 9.5), color=colour, fontsize=8, ha="left")
    labels = [p.isoformat() for p in t["period"]] if len(t) else []
    step = max(1, len(labels) // 12)
    ax.set_xticks(x[::step])
    ax.set_xticklabels(labels[::step], rotation=45, ha="right", fontsize=8)
    ax.set_title(report.title)
    h1, l1 = ax.get_legend_handles_labels()
    h2, l2 = ax2.get_legend_handles_labels()
    ax.legend(h1 + h2, l1 + l2, loc="upper left", fontsize=7)
    fig.tight_layout()
    path = Path(out)
    fig.savefig(path, format="png", dpi=dpi)
    return path
