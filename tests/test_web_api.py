"""The REST API of `detente serve` (in-process, httpx TestClient): every endpoint, its filters, the
page-size limits, the body limit (413), the token (401), and the one error shape."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import threading

import duckdb
import pytest
from fastapi.testclient import TestClient

from detente.web import create_app
from detente.web.queries import MAX_OFFSET, MAX_PAGE
from detente.web.sample import build_sample_store
from detente.web.schemas import ErrorBody, EventPage

pytestmark = pytest.mark.model
TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory, coder):
    return build_sample_store(tmp_path_factory.mktemp("web") / "sample.duckdb", coder)


@pytest.fixture(scope="module")
def client(store_path, coder):
    app = create_app(store_path, token=TOKEN, coder=coder)
    with TestClient(app) as c:
        yield c
    app.state.db.close()


@pytest.fixture
def sql(client):
    """Direct read-only queries (on the server's own read-only store), to check the API's answers."""

    def run(q, params=()):
        with client.app.state.db.cursor() as cur:
            return cur.execute(q, list(params)).fetchall()

    return run


def get(client, url, status=200, **kw):
    r = client.get(url, **kw)
    assert r.status_code == status, r.text
    return r.json()


def all_events(client, **params):
    out, cursor = [], None
    while True:
        q = dict(params, limit=MAX_PAGE)
        if cursor:
            q["cursor"] = cursor
        page = get(client, "/api/events", params=q)
        out += page["items"]
        cursor = page["next_cursor"]
        if not cursor:
            return out


# ---------------------------------------------------------------- schema, health


def test_openapi_documents_every_endpoint_with_the_error_body(client):
    schema = get(client, "/openapi.json")
    paths = schema["paths"]
    for path, method in [("/api/events", "get"), ("/api/events/{event_id}", "get"),
                         ("/api/dyads/{a}/{b}/series", "get"), ("/api/top", "get"), ("/api/actors", "get"),
                         ("/api/articles/{article_id}", "get"), ("/api/code", "post"), ("/api/ingest", "post"),
                         ("/api/health", "get"), ("/dyad/{a}/{b}.json", "get"), ("/index.json", "get")]:
        op = paths[path][method]
        assert op["summary"]
        refs = {code: r.get("content", {}).get("application/json", {}).get("schema", {}).get("$ref", "")
                for code, r in op["responses"].items()}
        assert refs["404"].endswith("/ErrorBody") and refs["422"].endswith("/ErrorBody"), path
    assert paths["/api/ingest"]["post"]["responses"]["401"]
    assert paths["/api/code"]["post"]["responses"]["413"]
    assert schema["paths"]["/api/events"]["get"]["responses"]["200"]["content"]["application/json"]["schema"][
        "$ref"].endswith("/EventPage")
    # the response models are the library's own: Event and Article appear as components
    assert {"Event", "Actor", "Span", "Article", "Shift", "ErrorBody"} <= set(schema["components"]["schemas"])
    # no endpoint takes SQL
    names = {p["name"] for item in paths.values() for op in item.values() for p in op.get("parameters", [])}
    assert not names & {"sql", "query", "where"}


def test_docs_page_lists_the_api_offline(client):
    r = client.get("/docs")
    assert r.status_code == 200
    for path in ("/api/events", "/api/dyads/{a}/{b}/series", "/api/ingest", "ErrorBody"):
        assert path in r.text
    assert re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', r.text) == [
        "/static/favicon.svg", "/static/style.css", "/static/charts.js"]   # nothing from elsewhere


def test_health_reports_a_read_only_store(client, sql):
    h = get(client, "/api/health")
    assert h["status"] == "ok" and h["read_only"] is True and h["ingest_enabled"] is True
    assert h["counts"]["events"] == sql("SELECT count(*) FROM events")[0][0] > 400


def test_reads_use_a_read_only_connection(client):
    db = client.app.state.db
    with db.cursor() as cur, pytest.raises(duckdb.Error, match="read-only"):
        cur.execute("CREATE TABLE x (i INTEGER)")


# ---------------------------------------------------------------- events


def test_events_page_is_sorted_and_typed(client, sql):
    page = EventPage.model_validate(get(client, "/api/events", params={"limit": 20}))
    assert len(page.items) == 20 and page.sort == "-date" and page.next_cursor
    assert page.total == sql("SELECT count(*) FROM events")[0][0]
    dates = [i.event.date.start() or dt.date.min for i in page.items]
    assert dates == sorted(dates, reverse=True)
    it = page.items[0]
    assert it.event.trigger.text and it.event.sentence and it.num_mentions >= 1
    asc = get(client, "/api/events", params={"sort": "goldstein", "limit": 50})["items"]
    g = [i["event"]["goldstein"] for i in asc]
    assert g == sorted(g) and g[0] == -10.0


@pytest.mark.parametrize(("params", "check", "count_sql"), [
    ({"source": "CHN"}, lambda e: e["source"]["country"] == "CHN", "source_country = 'CHN'"),
    ({"target": "ind"}, lambda e: e["target"]["country"] == "IND", "target_country = 'IND'"),
    ({"actor": "PAK"}, lambda e: "PAK" in (e["source"]["country"], e["target"]["country"]),
     "(source_country = 'PAK' OR target_country = 'PAK')"),
    ({"dyad": "CHN-IND"}, lambda e: (e["source"]["country"], e["target"]["country"]) == ("CHN", "IND"),
     "source_country = 'CHN' AND target_country = 'IND'"),
    ({"dyad": "CHN-IND", "undirected": "true"},
     lambda e: {e["source"]["country"], e["target"]["country"]} == {"CHN", "IND"},
     "((source_country = 'CHN' AND target_country = 'IND') OR (source_country = 'IND' AND target_country = 'CHN'))"),
    ({"cameo": "19"}, lambda e: e["cameo"].startswith("19"), "cameo LIKE '19%'"),
    ({"root": "11"}, lambda e: e["root"] == "11", "root = '11'"),
    ({"plover_event": "assault"}, lambda e: e["plover_event"] == "ASSAULT", "plover_event = 'ASSAULT'"),
    ({"quad_class": [1, 4]}, lambda e: e["quad_class"] in (1, 4), "quad_class IN (1, 4)"),
    ({"since": "2025-02-01", "until": "2025-02-28"},
     lambda e: "2025-02-01" <= e["date"]["value"][:10] <= "2025-02-28", "date BETWEEN '2025-02-01' AND '2025-02-28'"),
    ({"flag": "negated"}, lambda e: e["flags"]["negated"], "negated"),
    ({"no_flag": ["future", "negated"]}, lambda e: not (e["flags"]["future"] or e["flags"]["negated"]),
     "NOT coalesce(future, false) AND NOT coalesce(negated, false)"),
    ({"factual": "true"}, lambda e: not (e["flags"]["negated"] or e["flags"]["hypothetical"] or e["flags"]["future"]),
     "NOT (coalesce(negated, false) OR coalesce(hypothetical, false) OR coalesce(future, false))"),
    ({"min_confidence": 0.85}, lambda e: e["confidence"] >= 0.85, "confidence >= 0.85"),
    ({"q": "HIMALAYAS"}, lambda e: True,  # in any mention's sentence, not only the best one's (the count says)
     "event_id IN (SELECT event_id FROM mentions WHERE sentence ILIKE '%himalayas%')"),
])
def test_event_filters(client, sql, params, check, count_sql):
    page = get(client, "/api/events", params={**params, "limit": MAX_PAGE})
    expected = sql(f"SELECT count(*) FROM events WHERE {count_sql}")[0][0]
    assert page["total"] == expected > 0
    assert len(page["items"]) == min(expected, MAX_PAGE)
    assert all(check(i["event"]) for i in page["items"])


def test_cursor_paging_visits_every_event_once_and_agrees_with_offsets(client, sql):
    params = {"dyad": "CHN-IND", "undirected": "true", "sort": "-date"}
    total = get(client, "/api/events", params=params)["total"]
    seen, cursor, pages = [], None, 0
    while True:
        q = {**params, "limit": 17, **({"cursor": cursor} if cursor else {})}
        page = get(client, "/api/events", params=q)
        seen += [i["event_id"] for i in page["items"]]
        cursor, pages = page["next_cursor"], pages + 1
        if cursor is None:
            break
        assert pages < 100
    assert len(seen) == len(set(seen)) == total and pages == -(-total // 17)
    by_offset = []
    for off in range(0, total, 17):
        by_offset += [i["event_id"] for i in get(client, "/api/events", params={**params, "limit": 17,
                                                                                 "offset": off})["items"]]
    assert by_offset == seen
    # every sort pages completely, NULL dates and ties included
    for sort in ("date", "goldstein", "-confidence", "mentions", "-id"):
        ids = [i["event_id"] for i in all_events(client, sort=sort)]
        assert len(ids) == len(set(ids)) == sql("SELECT count(*) FROM events")[0][0], sort


def test_pagination_limits(client):
    assert len(get(client, "/api/events", params={"limit": MAX_PAGE})["items"]) == MAX_PAGE
    for bad in ({"limit": MAX_PAGE + 1}, {"limit": 0}, {"offset": MAX_OFFSET + 1}, {"offset": -1}):
        err = get(client, "/api/events", 422, params=bad)["error"]
        assert err["type"] == "invalid_request" and err["details"][0]["loc"][-1] in bad
    assert "less than or equal to 500" in get(client, "/api/events", 422, params={"limit": 10_000})["error"]["message"]
    cursor = get(client, "/api/events", params={"limit": 5})["next_cursor"]
    msg = get(client, "/api/events", 400, params={"cursor": cursor, "offset": 5})["error"]["message"]
    assert "not both" in msg
    assert "sort=-date" in get(client, "/api/events", 400, params={"cursor": cursor, "sort": "goldstein"})["error"]["message"]
    assert "cursor" in get(client, "/api/events", 400, params={"cursor": "garbage!"})["error"]["message"]
    assert "choose one of" in get(client, "/api/events", 400, params={"sort": "sentence"})["error"]["message"]


def test_event_detail_has_every_mention_and_its_spans(client, sql):
    eid, n = sql("SELECT event_id, num_mentions FROM events WHERE num_mentions > 1 ORDER BY event_id LIMIT 1")[0]
    d = get(client, f"/api/events/{eid}")
    assert d["event_id"] == eid and len(d["mentions"]) == n == d["num_mentions"]
    assert {m["mention_id"] for m in d["mentions"]} == {r[0] for r in sql(
        "SELECT mention_id FROM mentions WHERE event_id = ?", [eid])}
    for m in d["mentions"]:
        ev = m["event"]
        assert ev["trigger"]["text"] and ev["source"]["span"]["text"] and ev["target"]["span"]["text"]
        assert m["article_id"] and m["doc_id"]
    err = get(client, "/api/events/99999999", 404)["error"]
    assert err["type"] == "not_found" and "99999999" in err["message"]
    get(client, "/api/events/abc", 422)


# ---------------------------------------------------------------- dyads, top, actors, articles


def test_dyad_series_by_week_finds_the_escalation(client):
    s = get(client, "/api/dyads/CHN/IND/series", params={"by": "week", "undirected": "true",
                                                          "since": "2025-01-06"})
    assert s["by"] == "week" and s["undirected"] is True
    periods = [dt.date.fromisoformat(p["period"]) for p in s["periods"]]
    assert all((b - a).days == 7 for a, b in zip(periods, periods[1:], strict=False))
    assert s["events"] == sum(p["events"] for p in s["periods"]) > 100
    assert any(x["label"] == "escalation" and x["size"] < -3 for x in s["shifts"])
    turn = dt.date(2025, 1, 6) + dt.timedelta(days=35)
    esc = next(x for x in s["shifts"] if x["label"] == "escalation")
    assert abs((dt.date.fromisoformat(esc["date"]) - turn).days) <= 7
    shifted = [p for p in s["periods"] if p["shift"]]
    assert [p["period"] for p in shifted] == [x["date"] for x in s["shifts"]]
    m = get(client, "/api/dyads/chn/ind/series", params={"by": "month"})
    assert m["a"] == "CHN" and all(p["period"].endswith("-01") for p in m["periods"])
    get(client, "/api/dyads/CHN/IND/series", 422, params={"by": "year"})
    assert get(client, "/api/dyads/CHN/ATA/series")["periods"] == []


def test_top_ranks_dyads_three_ways(client):
    t = get(client, "/api/top", params={"n": 5})
    assert len(t["volume"]) == 5 and {t["volume"][0]["a"], t["volume"][0]["b"]} == {"CHN", "IND"}
    ev = [d["events"] for d in t["volume"]]
    assert ev == sorted(ev, reverse=True)
    assert all(d["conflict_events"] > 0 for d in t["conflict"])
    assert any({s["a"], s["b"]} == {"CHN", "IND"} and s["label"] == "escalation" for s in t["shifts"])
    get(client, "/api/top", 422, params={"n": 0})


def test_actors_search_by_name_or_code(client):
    by_name = get(client, "/api/actors", params={"q": "indi"})["items"]
    assert by_name and by_name[0]["code"] == "IND"
    by_code = get(client, "/api/actors", params={"q": "chn"})["items"]
    assert by_code[0]["code"] == "CHN" and any(a["code"] == "CHNGOV" for a in by_code)
    assert all(a["code"].startswith("CHN") or "chn" in (a["name"] or "").lower() for a in by_code)
    everyone = get(client, "/api/actors", params={"limit": 3})
    assert len(everyone["items"]) == 3 and everyone["query"] is None
    assert get(client, "/api/actors", params={"q": "zzzz"})["items"] == []


def test_article_has_its_text_and_events(client):
    a = get(client, "/api/articles/coded-tariffs")
    assert a["article"]["id"] == "coded-tariffs" and a["article"]["text"].startswith("The U.S. recently levied")
    codes = {(m["event"]["source"]["country"], m["event"]["target"]["country"], m["event"]["cameo"])
             for m in a["mentions"]}
    assert {("USA", "CHN", "163"), ("USA", "CAN", "163"), ("USA", "MEX", "163")} <= codes
    same = get(client, f"/api/articles/{a['article_id']}")
    assert same == a
    text = a["article"]["text"]
    for m in a["mentions"]:
        t = m["event"]["trigger"]
        assert text[t["start"]:t["end"]] == t["text"]
    assert get(client, "/api/articles/no-such-article", 404)["error"]["type"] == "not_found"


# ---------------------------------------------------------------- code, ingest


def test_code_returns_events_without_storing_them(client):
    before = get(client, "/api/health")["counts"]
    r = get(client, "/api/code", 405)  # GET is not allowed
    assert r["error"]["type"] == "method_not_allowed"
    res = client.post("/api/code", json={"text": "The U.S. recently levied tariffs on China, Canada, and Mexico.",
                                         "date": "2025-02-04"})
    assert res.status_code == 200, res.text
    events = res.json()["events"]
    assert {(e["source"]["country"], e["target"]["country"]) for e in events} == {("USA", "CHN"), ("USA", "CAN"),
                                                                                  ("USA", "MEX")}
    assert all(e["cameo"] == "163" and e["date"]["value"] == "2025-02-04" for e in events)
    assert get(client, "/api/health")["counts"] == before
    assert client.post("/api/code", json={"text": ""}).status_code == 422


def test_code_body_over_the_limit_is_413(client):
    big = "India criticized Pakistan. " * 4000            # ~108 kB
    r = client.post("/api/code", json={"text": big})
    assert r.status_code == 413
    err = r.json()["error"]
    assert err["type"] == "payload_too_large" and "100000 bytes" in err["message"] and "--max-body" in err["message"]

    def chunks():                                         # no Content-Length: counted as it arrives
        yield b'{"text": "'
        for _ in range(30):
            yield b"x" * 5000
        yield b'"}'

    r = client.post("/api/code", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413 and r.json()["error"]["type"] == "payload_too_large"
    ok = client.post("/api/code", json={"text": "India criticized Pakistan. " * 100})
    assert ok.status_code == 200


ARTICLE = {"id": "api-new", "text": "Russia threatened Ukraine with sanctions on Tuesday.", "date": "2025-03-05",
           "source": "API Wire"}


@pytest.fixture
def writable(tmp_path, store_path, coder):
    path = tmp_path / "copy.duckdb"
    shutil.copy(store_path, path)
    app = create_app(path, token=TOKEN, coder=coder)
    with TestClient(app) as c:
        yield c
    app.state.db.close()


def test_ingest_needs_the_token(writable, store_path, coder):
    body = {"articles": [ARTICLE]}
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
        r = writable.post("/api/ingest", json=body, headers=headers)
        assert r.status_code == 401 and r.json()["error"]["type"] == "unauthorized"
        assert r.headers["www-authenticate"] == "Bearer"
    app = create_app(store_path, coder=coder)              # started without --token: never
    with TestClient(app) as c:
        r = c.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 401 and "--token" in r.json()["error"]["message"]
    app.state.db.close()


def test_ingest_with_the_token_stores_and_reads_see_it(writable):
    before = get(writable, "/api/health")["counts"]
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = writable.post("/api/ingest", json={"articles": [ARTICLE]}, headers=auth)
    assert r.status_code == 200, r.text
    rep = r.json()
    assert rep["articles_added"] == 1 and rep["events_added"] >= 1
    after = get(writable, "/api/health")
    assert after["read_only"] is True and after["counts"]["articles"] == before["articles"] + 1
    art = get(writable, "/api/articles/api-new")
    assert any(m["event"]["source"]["country"] == "RUS" for m in art["mentions"])
    assert get(writable, "/api/events", params={"dyad": "RUS-UKR", "q": "threatened"})["total"] >= 1
    again = writable.post("/api/ingest", json={"articles": [ARTICLE]}, headers=auth).json()
    assert again["articles_added"] == 0 and again["articles_skipped"] == 1
    assert writable.post("/api/ingest", json={"articles": []}, headers=auth).status_code == 422


def test_reads_during_an_ingest_all_succeed(writable):
    statuses: list[int] = []

    def reader():
        for _ in range(15):
            statuses.append(writable.get("/api/events", params={"limit": 5, "dyad": "CHN-IND"}).status_code)

    threads = [threading.Thread(target=reader) for _ in range(3)]
    for t in threads:
        t.start()
    arts = [{**ARTICLE, "id": f"conc-{i}", "text": f"France criticized Germany over trade, report {i}."}
            for i in range(3)]
    r = writable.post("/api/ingest", json={"articles": arts}, headers={"Authorization": f"Bearer {TOKEN}"})
    for t in threads:
        t.join(timeout=30)
    assert r.status_code == 200 and r.json()["articles_added"] == 3
    assert statuses == [200] * 45


# ---------------------------------------------------------------- errors


def test_every_error_has_one_body_shape(client):
    responses = [
        client.get("/api/events/99999999"),                              # 404 from the store
        client.get("/api/no-such-endpoint"),                             # 404 from routing
        client.get("/dyad/CHN/IND.json", params={"by": "fortnight"}),    # 422 on a page twin
        client.get("/api/events", params={"limit": 100_000}),            # 422 validation
        client.get("/api/events", params={"sort": "nope"}),              # 400 from the library
        client.get("/api/dyads/CHN/IND/series", params={"since": "yesterday"}),
        client.delete("/api/events"),                                    # 405
        client.post("/api/ingest", json={"articles": [ARTICLE]}),        # 401
        client.post("/api/code", content=b"{" + b" " * 200_000 + b"}",
                    headers={"content-type": "application/json"}),       # 413
        client.post("/api/code", content=b"not json", headers={"content-type": "application/json"}),
    ]
    assert sorted({r.status_code for r in responses}) == [400, 401, 404, 405, 413, 422]
    for r in responses:
        assert r.headers["content-type"].startswith("application/json"), r.url
        body = r.json()
        assert set(body) == {"error"} and set(body["error"]) == {"status", "type", "message", "details"}
        err = ErrorBody.model_validate(body).error
        assert err.status == r.status_code and err.message and err.type
