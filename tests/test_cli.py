"""The command line, run in-process through `detente.cli.main` (needs the spaCy model)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from detente.cli import main

pytestmark = pytest.mark.model


@pytest.fixture(autouse=True)
def _model(nlp):
    """Load the model once for the session (main() reuses the cached pipeline)."""


def test_code_stdin_to_jsonl(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("The U.S. recently levied tariffs on China, Canada, and Mexico."))
    assert main(["code", "-", "--date", "2025-02-04", "--quiet"]) == 0
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    pairs = {(e["source"]["country"], e["target"]["country"], e["cameo"]) for e in events}
    assert {("USA", "CHN", "163"), ("USA", "CAN", "163"), ("USA", "MEX", "163")} <= pairs
    ev = next(e for e in events if e["target"]["country"] == "CAN")
    assert ev["plover_event"] == "SANCTION" and ev["goldstein"] == -8.0 and ev["quad_class"] == 4
    assert ev["date"] == {"value": "2025-02-04", "precision": "publication", "text": None,
                          "reason": ev["date"]["reason"]}
    assert ev["trigger"]["text"] == "levied"
    assert ev["sentence"].startswith("The U.S. recently levied")


def test_code_files_to_csv_with_rejects(tmp_path, capsys):
    good = tmp_path / "a.jsonl"
    good.write_text(
        json.dumps({"id": "n1", "text": "Russian troops attacked Ukrainian positions near Kharkiv.", "date": "2024-05-10"})
        + "\nthis is not json\n"
        + json.dumps({"id": "n2", "text": "Japan and South Korea signed a defence pact.", "date": "2024-06-01"}) + "\n",
        encoding="utf-8")
    out = tmp_path / "events.csv"
    assert main(["code", str(good), "--format", "csv", "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {r["article_id"] for r in rows} == {"n1", "n2"}
    assert any(r["source_country"] == "RUS" and r["target_country"] == "UKR" and r["root"] == "19" for r in rows)
    rejects = tmp_path / "events.rejects.jsonl"
    recs = [json.loads(x) for x in rejects.read_text().splitlines()]
    assert len(recs) == 1 and recs[0]["line"] == 2
    err = capsys.readouterr().err
    assert "2 articles" in err and "1 rejects" in err and "words/s" in err


def test_code_plover_format(tmp_path, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("Chinese and Indian diplomats met in Beijing in January 2025."))
    out = tmp_path / "e.jsonl"
    assert main(["code", "-", "--date", "2025-03-07", "--format", "plover", "--out", str(out), "-q"]) == 0
    recs = [json.loads(x) for x in out.read_text().splitlines()]
    assert recs and all(r["event"] == "CONSULT" for r in recs)
    assert {(r["actor"]["code"], r["recipient"]["code"]) for r in recs} == {("CHN", "IND"), ("IND", "CHN")}
    assert all(r["date"] == "2025-01" for r in recs)


def test_explain_shows_actors_triggers_and_events(capsys):
    assert main(["explain", "Chinese and Indian diplomats met in Beijing in January 2025.", "--date", "2025-03-07"]) == 0
    out = capsys.readouterr().out
    assert "Tokens:" in out and "diplomats" in out
    assert "Actors:" in out and "CHNGOV" in out and "INDGOV" in out
    assert "Candidate triggers:" in out and "coded 040" in out
    assert "2025-01 (month)" in out


def test_explain_json(capsys):
    assert main(["explain", "Protesters burned the flag outside the embassy.", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["events"] and data["events"][0]["root"] == "14"
    assert data["tokens"][0]["text"] == "Protesters"


def test_demo_prints_a_table(capsys):
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "events" in out and "JPN" in out and "KOR" in out


def test_code_to_parquet_in_one_process(tmp_path):
    import pyarrow.parquet as pq

    src = tmp_path / "a.jsonl"
    src.write_text("\n".join(json.dumps(x) for x in [
        {"id": "n1", "text": "Russian troops attacked Ukrainian positions near Kharkiv.", "date": "2024-05-10"},
        {"id": "n2", "text": "The U.S. recently levied tariffs on China, Canada, and Mexico.", "date": "2025-02-04"},
    ]) + "\n", encoding="utf-8")
    assert main(["code", str(src), "--out", str(tmp_path / "ev.jsonl"), "-q"]) == 0
    assert main(["code", str(src), "--out", str(tmp_path / "ev.parquet"), "-q"]) == 0
    table = pq.read_table(tmp_path / "ev.parquet")
    lines = (tmp_path / "ev.jsonl").read_text(encoding="utf-8").splitlines()
    assert table.num_rows == len(lines) >= 4
    assert [json.loads(j) for j in table["event_json"].to_pylist()] == [json.loads(x) for x in lines]
    rows = table.to_pylist()
    assert {(r["source_country"], r["target_country"], r["cameo"]) for r in rows} >= {
        ("USA", "CHN", "163"), ("USA", "MEX", "163")}
    assert not list(tmp_path.glob(".*.tmp"))  # written to a temporary file, then renamed


def test_bad_date_is_a_clear_error(capsys):
    with pytest.raises(SystemExit):
        main(["code", "-", "--date", "07/03/2025"])
    assert "YYYY-MM-DD" in capsys.readouterr().err
