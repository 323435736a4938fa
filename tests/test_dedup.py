"""De-duplication on hand-built cases: the same event from several outlets merges, similar events apart
in time, type or substance stay apart."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from detente.store import DedupConfig, Store
from detente.store.dedup import evidence_tokens, overlap
from detente.store.synthetic import make_article, make_event

D = dt.date(2025, 6, 2)


def article(aid, text, date=D, source=None, url=None):
    return make_article(aid, text, date, source=source, url=url)


def coded(aid, sentence, src="CHN", tgt="IND", cameo="057", date=D, source=None, precision="publication",
          event_date=None, **kw):
    a = article(aid, sentence, date, source=source, url=f"https://{source or aid}.example/{aid}")
    ev = make_event(a, src, tgt, cameo, sentence=sentence, date=event_date or date, precision=precision, **kw)
    return a, [ev]


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "d.duckdb") as st:
        yield st


def test_evidence_drops_actors_trigger_stopwords_and_months():
    toks = evidence_tokens("China signed a border trade agreement with India on March 4.",
                           ("China", "India", "signed"))
    assert toks == frozenset({"borde", "trade", "agree", "4"})


def test_overlap_coefficient():
    assert overlap(frozenset({"a", "b"}), frozenset({"a", "b", "c", "d"})) == 1.0
    assert overlap(frozenset({"a", "b"}), frozenset({"c"})) == 0.0
    assert overlap(frozenset(), frozenset()) == 1.0
    assert overlap(frozenset(), frozenset({"a"})) == 0.0


def test_two_outlets_one_event_merge(store):
    a = coded("reuters-1", "China and India signed a border trade agreement in Beijing on Monday.", source="Reuters")
    b = coded("ap-7", "On Monday India and China signed an agreement on border trade, officials in Beijing said.",
              source="AP")
    rep = store.add_coded([a, b])
    assert (rep.events_added, rep.mentions_added, rep.events_merged) == (1, 2, 1)
    ev = store.events().iloc[0]
    assert (ev.num_mentions, ev.num_sources, ev.num_articles) == (2, 2, 2)
    assert ev.source_country == "CHN" and ev.target_country == "IND" and ev.base == "057"
    assert ev.first_seen == ev.last_seen == dt.datetime(2025, 6, 2)
    assert set(store.mentions()["event_id"]) == {ev.event_id}


def test_similar_events_a_week_apart_stay_apart(store):
    a = coded("r-1", "China and India signed a border trade agreement in Beijing.", source="Reuters")
    b = coded("r-2", "China and India signed a border trade agreement in Beijing.", source="Reuters",
              date=D + dt.timedelta(days=7))
    rep = store.add_coded([a, b])
    assert rep.events_added == 2 and rep.events_merged == 0
    assert list(store.events()["num_mentions"]) == [1, 1]


def test_window_is_configurable(tmp_path):
    a = coded("r-1", "China and India signed a border trade agreement in Beijing.", source="Reuters")
    b = coded("a-1", "China and India signed a border trade agreement in Beijing.", source="AP",
              date=D + dt.timedelta(days=3))
    with Store(tmp_path / "w1.duckdb") as st:
        assert st.add_coded([a, b]).events_added == 2
    with Store(tmp_path / "w3.duckdb", dedup=DedupConfig(window_days=3)) as st:
        assert st.add_coded([a, b]).events_added == 1
        assert st.events().iloc[0].num_sources == 2


def test_dates_one_day_apart_merge_by_default(store):
    a = coded("r-1", "China and India signed a border trade agreement in Beijing.", source="Reuters")
    b = coded("a-1", "China and India signed the border trade agreement in Beijing.", source="AP",
              date=D + dt.timedelta(days=1))
    assert store.add_coded([a, b]).events_added == 1


def test_unrelated_evidence_same_day_stays_apart(store):
    a = coded("r-1", "China and India signed a border trade agreement in Beijing.", source="Reuters")
    b = coded("a-1", "China and India signed a pact on river water data sharing at a summit in Delhi.", source="AP")
    assert store.add_coded([a, b]).events_added == 2


def test_key_parts_keep_events_apart(store):
    s = "China and India signed a border trade agreement in Beijing."
    items = [
        coded("x-1", s, source="X"),
        coded("y-1", s, source="Y", src="IND", tgt="CHN"),          # other direction
        coded("z-1", s, source="Z", cameo="061"),                   # other base code
        coded("w-1", s, source="W", negated=True),                  # negated
        coded("v-1", s, source="V"),                                # same key again: merges
    ]
    rep = store.add_coded(items)
    assert rep.events_added == 4 and rep.events_merged == 1


def test_base_code_groups_subcodes(store):
    a = coded("x-1", "Protesters demonstrated against India in Beijing over the dam.", cameo="141", source="X")
    b = coded("y-1", "Protesters held a hunger strike against India in Beijing over the dam.", cameo="1412",
              source="Y")
    assert store.add_coded([a, b]).events_added == 1


def test_same_outlet_counts_one_source(store):
    a = coded("r-1", "China and India signed a border trade agreement in Beijing.", source="Reuters")
    b = coded("r-2", "China and India signed a border trade agreement in Beijing, Reuters reported.", source="Reuters")
    store.add_coded([a, b])
    ev = store.events().iloc[0]
    assert (ev.num_mentions, ev.num_sources, ev.num_articles) == (2, 1, 2)


def test_best_mention_gives_the_precise_date(store):
    a = coded("r-1", "China and India signed a border trade agreement in Beijing.", source="Reuters",
              date=D + dt.timedelta(days=1))
    b = coded("a-1", "China and India signed a border trade agreement in Beijing on Monday, June 2.", source="AP",
              date=D + dt.timedelta(days=1), event_date=D, precision="day")
    store.add_coded([a, b])
    ev = store.events().iloc[0]
    assert ev.date_precision == "day" and pd.Timestamp(ev.date).date() == D
    best = store.mentions().set_index("mention_id").loc[ev.best_mention_id]
    assert best.date_precision == "day"


def test_actorless_mentions_never_merge(store):
    a = coded("r-1", "Talks were held on the border.", source="Reuters", src=None, tgt=None)
    b = coded("a-1", "Talks were held on the border.", source="AP", src=None, tgt=None)
    assert store.add_coded([a, b]).events_added == 2


def test_batches_do_not_change_the_result(tmp_path):
    items = [coded(f"o{i}-1", f"China and India signed a border trade agreement in Beijing {extra}.",
                   source=f"O{i % 3}", date=D + dt.timedelta(days=i // 2))
             for i, extra in enumerate(["today", "", "after talks", "again", "", "quickly"])]
    results = []
    for bs in (1, 2, 64):
        with Store(tmp_path / f"b{bs}.duckdb") as st:
            st.add_coded(items, batch_size=bs)
            results.append(st.events()[["event_id", "num_mentions", "num_sources", "date"]].to_dict("records"))
    assert results[0] == results[1] == results[2]
