"""A small store to try the dashboard on and to test it: synthetic events (a month of China-India
news turning conflictual, and a few hundred events among twenty countries) plus articles coded by a
real :class:`~detente.pipeline.Coder`.

    python -c "from detente.web.sample import build_sample_store; build_sample_store('demo.duckdb')"
    detente serve --db demo.duckdb
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..models import Article
from ..store import Store
from ..store.synthetic import bench_stream, turning_month

CODED_ARTICLES = (
    Article(id="coded-tariffs", title="Tariffs and talks", source="Sample Wire", date=dt.date(2025, 2, 4),
            url="https://sample.example/tariffs",
            text="The U.S. recently levied tariffs on China, Canada, and Mexico. "
                 "Chinese and Indian diplomats met in Beijing on Monday. "
                 "India did not criticize Pakistan."),
)


def sample_articles() -> list[Article]:
    from ..demo import load_demo_article

    return [load_demo_article(), *CODED_ARTICLES]


def build_sample_store(path: str | Path, coder: Any = None, *, synthetic_events: int = 400,
                       start: dt.date = dt.date(2025, 1, 6)) -> Path:
    """Writes the sample store to ``path`` (which must not exist yet) and returns the path."""
    path = Path(path)
    with Store(path) as st:
        st.add_coded(turning_month(start, days=56, turn_day=35), command="sample")
        st.add_coded(bench_stream(synthetic_events, start=start - dt.timedelta(days=120), days=170, seed=3),
                     command="sample")
        if coder is None:
            from ..pipeline import Coder

            coder = Coder()
        st.add_coded(coder.code_stream(sample_articles()), command="sample")
    return path
