"""Dashboard pages and their JSON twins (one function serves both), highlighting, the offline
assets, and the `serve` command line."""

from __future__ import annotations

import html
import json
import re

import pytest
from fastapi.testclient import TestClient

from detente.cli import build_parser
from detente.models import Actor, Event, Span
from detente.web import create_app
from detente.web.cli import is_loopback
from detente.web.highlight import Highlight, highlights, locate, segments
from detente.web.sample import build_sample_store

HTML = {"accept": "text/html"}


@pytest.fixture(scope="module")
def client(tmp_path_factory, coder):
    path = build_sample_store(tmp_path_factory.mktemp("web-pages") / "sample.duckdb", coder)
    app = create_app(path, coder=coder, max_body=20_000)
    with TestClient(app) as c:
        yield c
    app.state.db.close()


def page(client, url, **kw):
    r = client.get(url, headers=HTML, **kw)
    assert r.status_code == 200, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    return r.text


def visible(text):
    """The page's HTML without its embedded data, entities decoded."""
    return html.unescape(re.sub(r'<script id="page-data".*?</script>', "", text, flags=re.S))


def embedded(text):
    """The JSON the page's charts are drawn from."""
    m = re.search(r'<script id="page-data" type="application/json">(.*?)</script>', text, re.S)
    assert m, "no page data"
    return json.loads(m.group(1))


@pytest.mark.model
@pytest.mark.parametrize(("url", "twin"), [
    ("/", "/index.json"), ("/?by=month", "/index.json?by=month"),
    ("/dyad/CHN/IND", "/dyad/CHN/IND.json"), ("/dyad/chn/ind?by=month&undirected=true", "/dyad/chn/ind.json?by=month&undirected=true"),
    ("/network", "/network.json"), ("/article/coded-tariffs", "/article/coded-tariffs.json"),
])
def test_every_page_has_a_json_twin_with_the_same_data(client, url, twin):
    text = page(client, url)
    data = client.get(twin).json()
    assert embedded(text) == data
    assert f'href="{twin.split("?")[0]}' in text          # the page links its twin


@pytest.mark.model
def test_overview_shows_volume_top_dyads_and_shifts(client):
    text = page(client, "/")
    data = embedded(text)
    assert len(data["volume"]) > 10 and data["by"] == "week"
    assert sum(v["events"] for v in data["volume"]) > 400
    assert all(v["events"] == v["q1"] + v["q2"] + v["q3"] + v["q4"] for v in data["volume"])
    top = data["top"]["volume"][0]
    assert {top["a"], top["b"]} == {"CHN", "IND"}
    assert f'href="/dyad/{top["a"]}/{top["b"]}"' in text
    assert any(s["label"] == "escalation" for s in data["top"]["shifts"])
    assert 'id="volume-chart"' in text and 'id="top-shifts"' in text
    assert len(data["recent"]) == 10
    months = client.get("/index.json", params={"by": "month"}).json()["volume"]
    assert all(v["period"].endswith("-01") for v in months)


@pytest.mark.model
def test_dyad_page_has_series_change_points_events_and_filters(client):
    text = page(client, "/dyad/CHN/IND", params={"undirected": "true"})
    data = embedded(text)
    assert data["series"]["undirected"] and data["filters"]["undirected"]
    assert any(s["label"] == "escalation" for s in data["series"]["shifts"])
    assert 'id="dyad-chart"' in text and "escalation" in text
    assert data["events"]["total"] > 100 and len(data["events"]["items"]) == 50
    assert text.count('class="event-row"') == 50 and 'class="next"' in text
    assert all({i["event"]["source"]["country"], i["event"]["target"]["country"]} == {"CHN", "IND"}
               for i in data["events"]["items"])
    for name in ("by", "undirected", "since", "until", "quad_class", "min_confidence", "q"):
        assert f'name="{name}"' in text
    # the filters narrow the events table
    f = client.get("/dyad/CHN/IND.json", params={"quad_class": 4, "min_confidence": 0.5, "since": "2025-02-01"}).json()
    assert f["events"]["total"] > 0
    assert all(i["event"]["quad_class"] == 4 and i["event"]["confidence"] >= 0.5 and i["event"]["date"]["value"] >= "2025-02-01"
               for i in f["events"]["items"])
    assert f["filters"]["quad_class"] == [4]
    nxt = client.get("/dyad/CHN/IND.json", params={"undirected": "true", "cursor": data["events"]["next_cursor"]}).json()
    assert not {i["event_id"] for i in nxt["events"]["items"]} & {i["event_id"] for i in data["events"]["items"]}
    # the form sends empty fields: they mean "no filter"
    empty = client.get("/dyad/CHN/IND.json?by=week&since=&until=&quad_class=&min_confidence=&q=").json()
    assert empty["filters"] == {**f["filters"], "quad_class": [], "min_confidence": None, "since": None}
    assert client.get("/dyad/CHN/IND.json", params={"by": "fortnight"}).status_code == 422
    assert client.get("/dyad/C$N/IND.json").status_code == 400


@pytest.mark.model
def test_network_nodes_and_edges(client):
    data = embedded(page(client, "/network"))
    codes = {n["code"] for n in data["nodes"]}
    assert data["edges"] and all(e["a"] in codes and e["b"] in codes and e["a"] < e["b"] for e in data["edges"])
    assert all(-10 <= e["goldstein_mean"] <= 10 for e in data["edges"])
    ev = [e["events"] for e in data["edges"]]
    assert ev == sorted(ev, reverse=True) and data["edges"][0]["a"] == "CHN"
    assert {"IND", "CHN"} <= codes and next(n for n in data["nodes"] if n["code"] == "IND")["name"] == "India"
    few = client.get("/network.json", params={"n": 3}).json()
    assert len(few["edges"]) == 3


@pytest.mark.model
def test_article_page_highlights_evidence_and_explains_each_event(client):
    text = page(client, "/article/coded-tariffs")
    data = embedded(text)
    body = data["article"]["article"]["text"]
    kinds = {(h["kind"], body[h["start"]:h["end"]]) for h in data["highlights"]}
    assert {("trigger", "levied"), ("source", "The U.S."), ("target", "China"), ("target", "Mexico"),
            ("trigger", "met"), ("trigger", "criticize")} <= kinds
    assert "".join(s["text"] for s in data["segments"]) == body
    assert re.search(r'<mark class="hl trigger"[^>]*>levied</mark>', text)
    assert re.search(r'<mark class="hl source"[^>]*>The U.S.</mark>', text)
    n = len(data["article"]["mentions"])
    assert text.count('class="card"') == n >= 5
    shown = visible(text)
    for m in data["article"]["mentions"]:
        ev = m["event"]
        assert ev["lexicon_entry"] in shown and ev["reason"] in shown
        for side in ("source", "target"):
            if ev[side] and ev[side]["reason"]:
                assert ev[side]["reason"] in shown
        assert f'id="m{m["mention_id"]}"' in text
    assert "negated" in text and "coded by" in text
    by_number = client.get(f"/article/{data['article']['article_id']}.json").json()
    assert by_number == data
    r = client.get("/article/nope", headers=HTML)
    assert r.status_code == 404 and "text/html" in r.headers["content-type"] and "not_found" in r.text
    assert client.get("/article/nope.json").json()["error"]["type"] == "not_found"


@pytest.mark.model
def test_code_a_text_page(client):
    form = page(client, "/code")
    assert '<textarea name="text"' in form and 'method="post"' in form
    r = client.post("/code", data={"text": "India criticized Pakistan over the attack.", "date": "2025-03-01"},
                    headers=HTML)
    assert r.status_code == 200
    data = embedded(r.text)
    assert [(e["source"]["country"], e["target"]["country"], e["cameo"]) for e in data["result"]["events"]] == [
        ("IND", "PAK", "111")]
    assert re.search(r'<mark class="hl trigger"[^>]*>criticized</mark>', r.text)
    assert re.search(r'<mark class="hl source"[^>]*>India</mark>', r.text)
    js = client.post("/code.json", json={"text": "India criticized Pakistan.", "date": "2025-03-01"}).json()
    assert js["result"]["events"][0]["cameo"] == "111" and js["date"] == "2025-03-01"
    assert client.post("/code.json", data={"text": ""}).status_code == 422
    big = client.post("/code", data={"text": "x" * 30_000}, headers=HTML)   # this app's max_body is 20 kB
    assert big.status_code == 413 and "20000 bytes" in big.json()["error"]["message"]


@pytest.mark.model
def test_static_assets_are_in_the_package_and_nothing_is_fetched_from_elsewhere(client):
    for url in ("/", "/dyad/CHN/IND", "/network", "/article/coded-tariffs", "/code", "/docs"):
        text = page(client, url)
        for ref in re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', text):
            assert ref.startswith("/static/"), (url, ref)
    js = client.get("/static/charts.js")
    assert js.status_code == 200 and "createElementNS" in js.text and len(js.content) < 30_000
    assert "http://" not in js.text.replace("http://www.w3.org/2000/svg", "")
    assert client.get("/static/style.css").status_code == 200


def _event(sentence, src, tgt, trg):
    def span(t, at):
        return Span(start=at, end=at + len(t), text=t)

    return Event(id="x", article_id="a", sentence_index=0, sentence=sentence, cameo="111", cameo_name="Criticize",
                 root="11", base="111", goldstein=-2.0, quad_class=3, confidence=0.8, lexicon_entry="t",
                 source=Actor(text=src, span=span(src, sentence.find(src))),
                 target=Actor(text=tgt, span=span(tgt, sentence.find(tgt))), trigger=span(trg, sentence.find(trg)))


def test_highlights_find_sentence_offsets_and_overlaps_share_segments():
    text = "Intro. India criticized Pakistan. Then Indian diplomats met."
    ev = _event("India criticized Pakistan.", "India", "Pakistan", "criticized")   # offsets within the sentence
    marks = highlights(text, [ev])
    assert [(m.kind, text[m.start:m.end]) for m in marks] == [("source", "India"), ("target", "Pakistan"),
                                                              ("trigger", "criticized")]
    assert locate(text, Span(start=0, end=5, text="Gone!"), "nothing") is None
    segs = segments("abcdef", [Highlight(start=0, end=4, kind="source", event=0),
                               Highlight(start=2, end=6, kind="trigger", event=1)])
    assert [(s.text, s.kinds, s.events) for s in segs] == [("ab", ["source"], [0]), ("cd", ["source", "trigger"], [0, 1]),
                                                           ("ef", ["trigger"], [1])]
    assert segments("plain", []) == segments("plain", [])  # and no highlight: one plain segment
    assert [s.text for s in segments("plain", [])] == ["plain"]


def test_serve_command_defaults_to_loopback():
    args = build_parser().parse_args(["serve", "--db", "events.duckdb"])
    assert (args.host, args.port, args.token, args.max_body) == ("127.0.0.1", 8000, None, 100_000)
    args = build_parser().parse_args(["serve", "--db", "e.duckdb", "--host", "0.0.0.0", "--token", "T", "--port", "9"])
    assert (args.host, args.port, args.token) == ("0.0.0.0", 9, "T")
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("example.org")


def test_serve_refuses_a_missing_store(tmp_path, capsys):
    from detente.cli import main

    assert main(["serve", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "no such database" in capsys.readouterr().err
