"""The store's subcommands through `detente.cli.main`: ingest twice, sql read-only, errors."""

from __future__ import annotations

import json

import pytest

from detente.cli import main
from detente.store import Store

pytestmark = pytest.mark.model


@pytest.fixture(autouse=True)
def _model(nlp):
    """Load the model once for the session (main() reuses the cached pipeline)."""


def test_ingest_twice_then_sql(tmp_path, capsys):
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "n1", "text": "Japan and South Korea signed a defence pact.",
                               "date": "2024-06-01"}) + "\n\n{bad\n", encoding="utf-8")
    db = tmp_path / "e.duckdb"
    assert main(["ingest", str(src), "--db", str(db)]) == 0
    err = capsys.readouterr().err
    assert "1 new articles" in err and "1 rejects" in err and "batch 1 committed" in err
    assert main(["ingest", str(src), "--db", str(db), "-q"]) == 0
    err = capsys.readouterr().err
    assert "0 new articles (1 already stored)" in err and "0 new events" in err
    with Store(db, read_only=True) as st:
        n = st.counts()["events"]
    assert main(["sql", "select count(*) as n from events", "--db", str(db), "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"n": n}]
    assert main(["sql", "select source_country, target_country from events order by 1", "--db", str(db),
                 "-f", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "source_country,target_country"
    assert main(["sql", "delete from events", "--db", str(db)]) == 2
    assert "only queries" in capsys.readouterr().err
    with Store(db, read_only=True) as st:
        assert st.counts()["events"] == n


def test_missing_store_is_an_error(tmp_path, capsys):
    assert main(["dyad", "CHN", "IND", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "no such database" in capsys.readouterr().err
