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

from ..models import Article, Event
from ..store import Store
from ..store.synthetic import VERBS, bench_stream, make_article, make_event, turning_month

CODED_ARTICLES = (
    Article(id="coded-tariffs", title="Tariffs and talks", source="Sample Wire", date=dt.date(2025, 2, 4),
            url="https://sample.example/tariffs",
            text="The U.S. recently levied tariffs on China, Canada, and Mexico. "
                 "Chinese and Indian diplomats met in Beijing on Monday. "
                 "India did not criticize Pakistan."),
)


def varied(day: dt.date) -> tuple[Article, list[Event]]:
    """One article of USA-RUS events at many confidences, one of them negated (for the filters)."""
    confs = (0.2, 0.4, 0.6, 0.9, 0.95, 0.99)
    codes = ("036", "043", "111", "130", "163", "172")
    sents = [f"The United States {VERBS[c]} Russia, item {i}." for i, c in enumerate(codes)]
    art = make_article("sample-varied", " ".join(sents), day, source="Sample Wire",
                       url="https://sample.example/varied")
    return art, [make_event(art, "USA", "RUS", c, sentence=s, date=day, sentence_index=i, confidence=conf,
                            negated=i == 2) for i, (c, s, conf) in enumerate(zip(codes, sents, confs, strict=True))]


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
        st.add_coded([varied(start + dt.timedelta(days=20))], command="sample")
        if coder is None:
            from ..pipeline import Coder

            coder = Coder()
        st.add_coded(coder.code_stream(sample_articles()), command="sample")
    return path
