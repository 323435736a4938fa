"""The shared China-India sample, coded with its date, must give the events a reader finds in it."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.models import Article

pytestmark = [pytest.mark.model, pytest.mark.shared]


@pytest.fixture(scope="module")
def events(shared, coder):
    text = (shared / "samples" / "china-india-2025.txt").read_text(encoding="utf-8")
    return coder.code_batch([Article(id="china-india", text=text, date=dt.date(2025, 3, 7))])[0]


def country(actor):
    return actor.country if actor is not None else None


def find(events, src, tgt, prefixes, undirected=False):
    out = []
    for e in events:
        pair = (country(e.source), country(e.target))
        ok = pair == (src, tgt) or (undirected and pair == (tgt, src))
        if ok and any(e.cameo.startswith(p) for p in prefixes):
            out.append(e)
    return out


@pytest.mark.parametrize("target", ["CHN", "CAN", "MEX"])
def test_us_tariffs_on_three_countries(events, target):
    hits = find(events, "USA", target, ["16"])
    assert hits, f"no USA->{target} 16x event"
    assert any(e.cameo == "163" and e.plover_event == "SANCTION" and e.goldstein == -8.0 for e in hits)


def test_china_criticises_us_tariffs(events):
    assert find(events, "CHN", "USA", ["11"])


def test_china_india_consult_in_beijing_january_2025(events):
    hits = find(events, "CHN", "IND", ["04"], undirected=True)
    dated = [e for e in hits if e.date.value == "2025-01" and e.date.precision == "month"]
    assert dated, [(e.cameo, e.date) for e in hits]
    assert any("Beijing" in e.sentence for e in dated)
    assert any(e.place is not None and e.place.text == "Beijing" for e in dated)


def test_china_india_agree_on_pilgrimages_or_flights(events):
    hits = find(events, "CHN", "IND", ["03", "05"], undirected=True)
    assert any("pilgrimage" in e.sentence or "air services" in e.sentence or "flight" in e.sentence for e in hits)


def test_2020_clash_is_historical_fight(events):
    clashes = [e for e in events if e.trigger.text == "clash"]
    assert clashes
    e = clashes[0]
    assert e.root in ("18", "19")
    assert e.date.value == "2020" and e.date.precision == "year"
    assert e.flags.historical


def test_india_bans_chinese_apps(events):
    hits = find(events, "IND", "CHN", ["16"])
    assert any("apps" in e.sentence for e in hits)


def test_every_event_carries_evidence(events):
    text_len = 10_000
    for e in events:
        assert e.article_id == "china-india"
        assert 0 <= e.trigger.start < e.trigger.end < text_len
        assert e.lexicon_entry and e.reason
        assert 0.0 <= e.confidence <= 1.0
        for a in (e.source, e.target):
            if a is not None and a.span is not None:
                assert a.span.text == a.text or a.text in a.span.text or a.span.text in a.text
