"""Every export read back: column count and order against the documented lists (docs/store.md and,
when present, ../shared/reference/formats.md)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from detente.cli import main
from detente.codebook import default_codebook
from detente.store import GDELT_COLUMNS, MENTIONS_COLUMNS, PLOVER_FIELDS, TABLE_COLUMNS, Store
from detente.store.synthetic import make_article, make_event, turning_month

ROOT = Path(__file__).resolve().parents[1]
D = dt.date(2025, 3, 3)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("exports") / "e.duckdb"
    with Store(path) as st:
        st.add_coded(turning_month(D, days=10))
        # one event from two outlets, and an event with an IGO and a sector
        a = make_article("x1", "China and India signed a border trade pact in Beijing.", D, source="Reuters",
                         url="https://reuters.example/x1")
        b = make_article("x2", "India and China signed a border trade pact, officials in Beijing said.", D,
                         source="AP", url="https://ap.example/x2")
        c = make_article("x3", "The UN criticized Russia\tover strikes.", D)
        st.add_coded([(a, [make_event(a, "CHN", "IND", "057", sentence=a.text, sector="GOV")]),
                      (b, [make_event(b, "CHN", "IND", "057", sentence=b.text, sector="GOV")]),
                      (c, [make_event(c, "UNO", "RUS", "111", sentence=c.text)])])
        st.con.execute("UPDATE events SET source_kind = 'igo' WHERE source_country = 'UNO'")
    return path


def store_counts(db):
    with Store(db, read_only=True) as st:
        return st.counts()


def documented(name: str) -> list[str]:
    """The column list under ``<!-- columns: name -->`` in docs/store.md."""
    text = (ROOT / "docs" / "store.md").read_text(encoding="utf-8")
    m = re.search(rf"<!-- columns: {name} -->\s*```\n(.*?)```", text, re.S)
    assert m, f"docs/store.md has no column list {name}"
    return [c.strip() for c in m.group(1).replace("\n", " ").split(",") if c.strip()]


def formats_md_gdelt(shared: Path) -> list[str]:
    """The 61 GDELT columns as ../shared/reference/formats.md lists them, shorthand expanded."""
    text = (shared / "reference" / "formats.md").read_text(encoding="utf-8")
    section = text.split("## GDELT 2.0 event table", 1)[1].split("Notes:", 1)[0]
    cols: dict[int, str] = {}
    for n, name in re.findall(r"(?<![\d–])(\d+) ([A-Za-z][A-Za-z0-9_]+)", section):
        cols[int(n)] = name
    for first, last, src, dst in ((16, 25, "Actor1", "Actor2"), (44, 51, "Actor1Geo_", "Actor2Geo_"),
                                  (52, 59, "Actor1Geo_", "ActionGeo_")):
        base = 6 if src == "Actor1" else 36
        for i in range(first, last + 1):
            cols[i] = cols[base + i - first].replace(src, dst, 1)
    return [cols[i] for i in range(1, 62)]


def formats_md_mentions(shared: Path) -> list[str]:
    text = (shared / "reference" / "formats.md").read_text(encoding="utf-8")
    section = text.split("## GDELT 2.0 mentions table", 1)[1].split("##", 1)[0].split("\n", 1)[1]
    return [name for _, name in re.findall(r"(?:^|·)\s*(\d+) ([A-Za-z][A-Za-z0-9]+)", section)]


def test_documented_lists_match_the_code():
    assert documented("gdelt") == list(GDELT_COLUMNS) and len(GDELT_COLUMNS) == 61
    assert documented("mentions") == list(MENTIONS_COLUMNS) and len(MENTIONS_COLUMNS) == 16
    assert documented("plover") == list(PLOVER_FIELDS)
    assert documented("table") == list(TABLE_COLUMNS)


def test_gdelt_lists_match_the_shared_reference(shared):
    assert formats_md_gdelt(shared) == list(GDELT_COLUMNS)
    assert formats_md_mentions(shared) == list(MENTIONS_COLUMNS)


def test_gdelt_export_reads_back(db, tmp_path):
    out = tmp_path / "events.tsv"
    with Store(db, read_only=True) as st:
        n = st.export("gdelt", out)
    text = out.read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines()]
    assert n == len(rows) == store_counts(db)["events"]
    assert all(len(r) == 61 for r in rows)
    recs = [dict(zip(GDELT_COLUMNS, r, strict=True)) for r in rows]
    first = recs[0]
    assert first["GLOBALEVENTID"] == "1" and re.fullmatch(r"2025030\d", first["SQLDATE"])
    assert first["MonthYear"] == "202503" and first["Year"] == "2025"
    assert re.fullmatch(r"2025\.\d{4}", first["FractionDate"])
    for r in recs:
        assert r["EventBaseCode"] == r["EventCode"][:3] and r["EventRootCode"] == r["EventCode"][:2]
        assert r["QuadClass"] in {"1", "2", "3", "4"} and -10 <= float(r["GoldsteinScale"]) <= 10
        assert int(r["NumMentions"]) >= int(r["NumArticles"]) >= int(r["NumSources"]) >= 1
        assert r["AvgTone"] == "" and all(r[c] == "" for c in GDELT_COLUMNS[35:59])
        assert re.fullmatch(r"\d{14}", r["DATEADDED"])
    merged = next(r for r in recs if r["Actor1Code"] == "CHNGOV")
    assert (merged["NumMentions"], merged["NumSources"], merged["NumArticles"]) == ("2", "2", "2")
    assert merged["Actor1CountryCode"] == "CHN" and merged["Actor1Type1Code"] == "GOV"
    assert merged["Actor2Code"] == "IND" and merged["Actor2Name"] == "INDIA"
    assert merged["SOURCEURL"].startswith("https://")
    igo = next(r for r in recs if r["Actor1Code"] == "UNO")
    assert igo["Actor1KnownGroupCode"] == "UNO" and igo["Actor1CountryCode"] == ""


def test_mentions_export_reads_back(db, tmp_path):
    out = tmp_path / "mentions.tsv"
    with Store(db, read_only=True) as st:
        n = st.export("mentions", out)
        event_ids = {str(i) for i in st.events()["event_id"]}
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert n == len(rows) == store_counts(db)["mentions"]
    assert all(len(r) == 16 for r in rows)
    recs = [dict(zip(MENTIONS_COLUMNS, r, strict=True)) for r in rows]
    assert {r["GLOBALEVENTID"] for r in recs} == event_ids
    for r in recs:
        assert re.fullmatch(r"\d{14}", r["EventTimeDate"]) and re.fullmatch(r"\d{14}", r["MentionTimeDate"])
        assert r["MentionType"] == "1" and int(r["SentenceID"]) >= 1 and 10 <= int(r["Confidence"]) <= 100
        assert int(r["ActionCharOffset"]) >= 0 and int(r["MentionDocLen"]) > 0
    reuters = [r for r in recs if r["MentionSourceName"] == "Reuters"]
    assert reuters and reuters[0]["MentionIdentifier"] == "https://reuters.example/x1"


def test_plover_export_reads_back(db, tmp_path):
    out = tmp_path / "events.plover.jsonl"
    with Store(db, read_only=True) as st:
        n = st.export("plover", out)
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert n == len(recs) == store_counts(db)["events"]
    for r in recs:
        assert list(r) == list(PLOVER_FIELDS)
        assert r["id"] and r["date"] and r["actor"]["code"]
        assert r["event"] is None or isinstance(r["event"], str)
    merged = next(r for r in recs if r["actor"]["sector"] == "GOV")
    assert merged["text_info"]["num_mentions"] == 2
    assert merged["event"] == default_codebook().get("057").plover_event and merged["cameo"] == "057"


def test_csv_export_reads_back(db, tmp_path):
    out = tmp_path / "events.csv"
    with Store(db, read_only=True) as st:
        n = st.export("csv", out)
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert rows[0] == list(TABLE_COLUMNS)
    assert n == len(rows) - 1 == store_counts(db)["events"]
    assert all(len(r) == len(TABLE_COLUMNS) for r in rows)


def test_parquet_export_reads_back(db, tmp_path):
    out = tmp_path / "events.parquet"
    with Store(db, read_only=True) as st:
        n = st.export("parquet", out, since="2025-03-05")
        want = len(st.events(since="2025-03-05"))
    table = pq.read_table(out)
    assert table.column_names == list(TABLE_COLUMNS)
    assert n == table.num_rows == want > 0
    assert min(table.column("date").to_pylist()) >= dt.date(2025, 3, 5)


def test_export_cli(db, tmp_path, capsys):
    out = tmp_path / "cli.tsv"
    assert main(["export", "--db", str(db), "--format", "gdelt", "--out", str(out)]) == 0
    assert len(out.read_text().splitlines()) == store_counts(db)["events"]
    assert "rows written" in capsys.readouterr().err
    assert main(["export", "--db", str(db), "-f", "mentions"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == store_counts(db)["mentions"] and all(len(x.split("\t")) == 16 for x in lines)


def test_parquet_writer_refuses_standard_output():
    from detente.errors import OutputError
    from detente.output import write_parquet

    with pytest.raises(OutputError, match="--out events.parquet"):
        write_parquet(iter(()), "-")
