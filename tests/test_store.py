"""The DuckDB store: schema and migrations, idempotent ingest, rejects, runs, filters, read-only SQL."""

from __future__ import annotations

import datetime as dt
import json

import duckdb
import pytest

import detente
from detente.errors import QueryError, StoreError
from detente.store import MIGRATIONS, SCHEMA_VERSION, Store, migrate
from detente.store.rows import article_identity, hash_text, normalise_url
from detente.store.synthetic import make_article, make_event, turning_month

D = dt.date(2025, 3, 3)


@pytest.fixture
def path(tmp_path):
    return tmp_path / "s.duckdb"


def test_store_is_exported_lazily():
    assert detente.Store is Store


def test_new_store_has_all_tables_at_the_current_version(path):
    with Store(path) as st:
        assert st.version == SCHEMA_VERSION == MIGRATIONS[-1].version
        assert st.counts() == {"articles": 0, "events": 0, "mentions": 0, "actors": 0, "rejects": 0, "runs": 0}
        versions = st.con.execute("SELECT version FROM schema_version ORDER BY 1").fetchall()
        assert [v for (v,) in versions] == [m.version for m in MIGRATIONS]


def test_forward_migration_keeps_the_data(path):
    con = duckdb.connect(str(path))
    assert migrate(con, target=1) == 1
    cols = {r[0] for r in con.execute("SELECT column_name FROM information_schema.columns "
                                      "WHERE table_name = 'events'").fetchall()}
    assert "avg_tone" not in cols
    con.execute("INSERT INTO runs (run_id, started, status) VALUES (1, now()::TIMESTAMP, 'done')")
    con.close()
    with Store(path) as st:                       # opening migrates 1 -> 2
        assert st.version == 2
        assert st.counts()["runs"] == 1
        st.add_coded(turning_month(D, days=2))
        assert st.events()["avg_tone"].isna().all()
        assert st.mentions()["tone"].isna().all()


def test_read_only_refuses_an_old_schema(path):
    con = duckdb.connect(str(path))
    migrate(con, target=1)
    con.close()
    with pytest.raises(StoreError, match="schema version 1"):
        Store(path, read_only=True)


def test_newer_schema_is_refused(path):
    with Store(path) as st:
        st.con.execute("INSERT INTO schema_version VALUES (99, 'future', now()::TIMESTAMP)")
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_foreign_database_is_refused(path):
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE stuff (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not a detente store"):
        Store(path)


def test_missing_database_read_only(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "nope.duckdb", read_only=True)


def test_identity_normalises_text_and_url():
    assert hash_text("China  and\nIndia ") == hash_text("china and india")
    assert normalise_url("HTTPS://Example.COM/a/b/#frag") == "https://example.com/a/b"
    assert article_identity("text", None)[0] == hash_text("text")
    assert article_identity("text", "https://a.example/1")[0] != article_identity("text", "https://b.example/1")[0]
    assert article_identity("text", "https://a.example/1/")[0] == article_identity("text", "https://a.example/1")[0]


def test_add_coded_twice_adds_nothing(path):
    with Store(path) as st:
        first = st.add_coded(turning_month(D, days=7), batch_size=3)
        before = st.counts()
        again = st.add_coded(turning_month(D, days=7), batch_size=3)
        assert first.articles_added == 7 and first.events_added > 0
        assert (again.articles_added, again.events_added, again.mentions_added) == (0, 0, 0)
        assert again.articles_skipped == 7
        after = st.counts()
        assert {k: v for k, v in after.items() if k != "runs"} == {k: v for k, v in before.items() if k != "runs"}
        runs = st.runs()
        assert list(runs["status"]) == ["done", "done"] and list(runs["articles_skipped"]) == [0, 7]


def test_same_text_at_two_urls_is_two_articles(path):
    a = make_article("a", "Same wire story.", D, source="One", url="https://one.example/x")
    b = make_article("b", "Same wire story.", D, source="Two", url="https://two.example/y")
    with Store(path) as st:
        rep = st.add_coded([(a, []), (b, []), (b, [])])
        assert rep.articles_added == 2 and rep.articles_skipped == 1


def test_actors_table_counts_mentions(path):
    with Store(path) as st:
        st.add_coded(turning_month(D, days=4, per_day=2))
        actors = st.con.execute("SELECT code, mentions FROM actors ORDER BY code").fetchall()
        assert actors == [("CHN", 8), ("IND", 8)]


def test_events_filters(path):
    with Store(path) as st:
        st.add_coded(turning_month(D))
        all_ = st.events()
        assert len(all_) == st.counts()["events"]
        late = st.events(since="2025-03-24", quad_class=[3, 4])
        assert len(late) > 0 and (late["quad_class"] >= 3).all()
        assert (late["date"] >= "2025-03-24").all()
        assert set(st.events(source="CHN", target="IND")["source_country"]) == {"CHN"}
        assert len(st.events(actor="IND")) == len(all_)
        assert (st.events(cameo="19")["root"] == "19").all()
        assert len(st.events(limit=3)) == 3
        with pytest.raises(StoreError, match="unknown event filter"):
            st.events(colour="red")


def test_sql_is_read_only(path):
    with Store(path) as st:
        st.add_coded(turning_month(D, days=3))
        n = st.counts()["events"]
        assert int(st.sql("select count(*) as n from events")["n"][0]) == n
        for bad in ("delete from events", "drop table events", "select 1; delete from events",
                    "copy events to 'x.csv'", "attach 'other.duckdb'", "update events set goldstein = 0"):
            with pytest.raises(QueryError):
                st.sql(bad)
        assert st.counts()["events"] == n


def test_read_only_store_refuses_writes(path):
    Store(path).close()
    with Store(path, read_only=True) as st, pytest.raises(StoreError, match="read-only"):
        st.add_coded([])


# ---------------------------------------------------------------- with the coder


ART = [
    {"id": "n1", "text": "Russian troops attacked Ukrainian positions near Kharkiv.", "date": "2024-05-10",
     "source": "Wire A"},
    {"id": "n2", "text": "Japan and South Korea signed a defence pact.", "date": "2024-06-01", "source": "Wire B"},
]


@pytest.mark.model
def test_ingest_files_twice_and_rejects(tmp_path, coder):
    src = tmp_path / "news.jsonl"
    src.write_text("\n".join([json.dumps(ART[0]), "this is not json", json.dumps(ART[1]), ""]), encoding="utf-8")
    with Store(tmp_path / "i.duckdb") as st:
        rep = st.ingest([src], coder=coder)
        assert rep.articles_added == 2 and rep.rejects == 1 and rep.events_added > 0
        rej = st.rejects()
        assert len(rej) == 1 and rej["line"][0] == 2 and rej["origin"][0] == str(src) and rej["reason"][0]
        before = st.counts()
        again = st.ingest([src], coder=coder)
        assert (again.articles_added, again.events_added, again.mentions_added, again.rejects) == (0, 0, 0, 0)
        assert again.articles_skipped == 2
        assert st.counts() == {**before, "runs": 2}
        ev = st.events(source="RUS", target="UKR")
        assert len(ev) >= 1 and (ev["root"] == "19").any()
        m = st.mentions(int(ev["event_id"].iloc[0])).iloc[0]
        assert m["sentence"].startswith("Russian troops") and m["trigger_start"] is not None
        art = st.con.execute("SELECT doc_id, source, published, text FROM articles ORDER BY article_id").fetchall()
        assert art[0] == ("n1", "Wire A", dt.date(2024, 5, 10), ART[0]["text"])


@pytest.mark.model
def test_ingest_articles_directly(tmp_path, coder):
    a = make_article("x", "Japan and South Korea signed a defence pact.", dt.date(2024, 6, 1))
    with Store(tmp_path / "a.duckdb") as st:
        assert st.ingest([a], coder=coder).articles_added == 1
        assert st.ingest([a], coder=coder).articles_skipped == 1


def test_event_json_round_trips(path):
    a = make_article("x", "China visited India.", D)
    ev = make_event(a, "CHN", "IND", "043")
    with Store(path) as st:
        st.add_coded([(a, [ev])])
        js = st.mentions()["event_json"][0]
    assert detente.Event.model_validate_json(js) == ev
