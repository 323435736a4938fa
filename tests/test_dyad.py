"""Dyad tables and change points; the shared sample plus a synthetic CHN-IND month that turns."""

from __future__ import annotations

import datetime as dt
import json
import re
import struct
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from detente.analysis import TABLE_COLUMNS, DyadReport, build_table, detect_shifts
from detente.analysis.plot import plot_dyad
from detente.cli import main
from detente.store import Store
from detente.store.synthetic import make_article, make_event, turning_month

ROOT = Path(__file__).resolve().parents[1]
MARCH3 = dt.date(2025, 3, 3)          # a Monday
TURN_WEEK = dt.date(2025, 3, 17)      # the turn comes on Tuesday 18 March (day 15)


def weeks(n, start=MARCH3):
    return [start + dt.timedelta(days=7 * i) for i in range(n)]


# ---------------------------------------------------------------- change points


def test_step_down_is_one_escalation():
    shifts = detect_shifts(weeks(6), [4.0, 4.5, 3.8, -6.0, -5.5, -6.2])
    assert [(s.label, s.date, s.index) for s in shifts] == [("escalation", weeks(6)[3], 3)]
    assert shifts[0].size == pytest.approx(-6.0 - 4.1, abs=0.2)
    assert shifts[0].before > 0 > shifts[0].after


def test_step_up_is_a_thaw_and_two_steps_are_two_shifts():
    (thaw,) = detect_shifts(weeks(5), [-5.0, -5.0, -4.5, 3.0, 3.5])
    assert thaw.label == "thaw" and thaw.size > 7
    both = detect_shifts(weeks(9), [5, 5, 5, -6, -6, -6, 4, 4, 4])
    assert [s.label for s in both] == ["escalation", "thaw"]
    assert [s.index for s in both] == [3, 6]


def test_noise_without_a_shift_gives_none():
    rng = np.random.default_rng(3)
    assert detect_shifts(weeks(40), list(2.0 + rng.normal(0, 1.0, 40))) == []
    assert detect_shifts(weeks(5), [3, 3, 3, 3, 3]) == []
    assert detect_shifts(weeks(1), [3]) == []


def test_small_shifts_are_not_significant():
    assert detect_shifts(weeks(6), [2.0, 2.0, 2.0, 1.2, 1.2, 1.2]) == []
    assert detect_shifts(weeks(6), [2.0, 2.0, 2.0, 1.2, 1.2, 1.2], min_shift=0.5)[0].label == "escalation"


def test_weights_discount_thin_periods():
    # one event at -9 among weeks of forty cooperative events is not a shift ...
    means, counts = [4, 4, -9, 4, 4, 4], [40, 40, 1, 40, 40, 40]
    assert detect_shifts(weeks(6), means, counts) == []
    # ... but forty of them are
    assert [s.label for s in detect_shifts(weeks(6), means, [40, 40, 40, 40, 40, 40])] == ["escalation", "thaw"]


# ---------------------------------------------------------------- tables


def test_build_table_fills_empty_periods_and_normalises():
    agg = pd.DataFrame({"period": [MARCH3, MARCH3 + dt.timedelta(days=14)], "events": [2, 1],
                        "q1": [2, 0], "q2": [0, 0], "q3": [0, 0], "q4": [0, 1], "goldstein_sum": [8.0, -10.0],
                        "coop_sum": [8.0, 0.0], "conflict_sum": [0.0, -10.0]})
    totals = pd.DataFrame({"period": [MARCH3, MARCH3 + dt.timedelta(days=7), MARCH3 + dt.timedelta(days=14)],
                           "total_volume": [4, 3, 2]})
    table, _ = build_table(agg, totals, "week")
    assert list(table.columns) == TABLE_COLUMNS
    assert list(table["period"]) == weeks(3)
    assert list(table["events"]) == [2, 0, 1]
    assert list(table["total_volume"]) == [4, 3, 2]
    assert list(table["events_norm"]) == [0.5, 0.0, 0.5]
    assert table["goldstein_mean"].iloc[0] == 4.0 and pd.isna(table["goldstein_mean"].iloc[1])
    assert table["conflict_sum_norm"].iloc[2] == -5.0


def test_documented_dyad_columns():
    text = (ROOT / "docs" / "store.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- columns: dyad -->\s*```\n(.*?)```", text, re.S).group(1)
    assert [c.strip() for c in block.replace("\n", " ").split(",") if c.strip()] == TABLE_COLUMNS


@pytest.fixture(scope="module")
def synth(tmp_path_factory):
    path = tmp_path_factory.mktemp("dyad") / "s.duckdb"
    with Store(path) as st:
        st.add_coded(turning_month(MARCH3, turn_day=15, days=28))
        # other dyads in the same weeks: they count in the total volume
        st.add_coded(turning_month(MARCH3, turn_day=0, days=28, per_day=2, a="USA", b="PAK", seed=2))
        # a month-precise event: in the monthly series, not the weekly one
        a = make_article("m", "China and India held talks in March.", dt.date(2025, 3, 20))
        st.add_coded([(a, [make_event(a, "CHN", "IND", "043", date="2025-03", precision="month",
                                      sentence=a.text)])])
    return path


def test_store_dyad_directed_and_undirected(synth):
    with Store(synth, read_only=True) as st:
        directed = st.dyad("CHN", "IND", by="week")
        undirected = st.dyad("CHN", "IND", by="week", undirected=True)
        monthly = st.dyad("CHN", "IND", by="month")
        reverse = st.dyad("IND", "CHN", by="week")
    assert list(directed.columns) == TABLE_COLUMNS and list(directed["period"]) == weeks(4)
    assert (undirected["events"] == directed["events"] + reverse["events"]).all()
    assert (directed["events_norm"] < 1).all() and (directed["events_norm"] > 0).all()
    assert (directed["q1"] + directed["q2"] + directed["q3"] + directed["q4"] == directed["events"]).all()
    assert monthly["events"].iloc[0] == directed["events"].sum() + 1
    shifts = directed.attrs["shifts"]
    assert [s["label"] for s in shifts] == ["escalation"] and shifts[0]["date"] == TURN_WEEK.isoformat()
    assert directed.set_index("period").loc[TURN_WEEK, "shift"] == "escalation"


def test_unknown_dyad_is_empty(synth):
    with Store(synth, read_only=True) as st:
        rep = st.dyad_report("FRA", "DEU", by="week")
    assert rep.table.empty and rep.shifts == [] and "no dated events" in rep.render()


def test_plot_is_a_png(tmp_path):
    table, shifts = build_table(
        pd.DataFrame({"period": weeks(4), "events": [3, 3, 3, 3], "q1": [3, 3, 0, 0], "q2": [0] * 4,
                      "q3": [0, 0, 1, 1], "q4": [0, 0, 2, 2], "goldstein_sum": [12.0, 12.0, -20.0, -20.0],
                      "coop_sum": [12.0, 12.0, 0, 0], "conflict_sum": [0, 0, -20.0, -20.0]}),
        pd.DataFrame({"period": weeks(4), "total_volume": [5] * 4}), "week")
    out = plot_dyad(DyadReport("CHN", "IND", "week", False, table, shifts), tmp_path / "p.png")
    assert_png(out)


def assert_png(path):
    data = Path(path).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    assert width > 400 and height > 200
    assert data[-8:-4] == b"IEND"


# ---------------------------------------------------------------- the shared sample + a synthetic month


@pytest.mark.model
@pytest.mark.shared
def test_sample_plus_synthetic_month_escalates_in_the_right_week(shared, tmp_path, nlp, capsys):
    db = tmp_path / "chn-ind.duckdb"
    sample = shared / "samples" / "china-india-2025.txt"
    assert main(["ingest", str(sample), "--db", str(db), "--date", "2025-03-07", "-q"]) == 0
    with Store(db) as st:
        sample_events = st.events(source="CHN", target="IND")
        assert len(sample_events) > 0
        st.add_coded(turning_month(MARCH3, turn_day=15, days=28))
    capsys.readouterr()
    png = tmp_path / "chn-ind.png"
    assert main(["dyad", "CHN", "IND", "--db", str(db), "--by", "week", "--plot", str(png)]) == 0
    out = capsys.readouterr().out
    shifts = re.findall(r"^\s+(escalation|thaw)\s+(\d{4}-\d\d-\d\d)\s+size ([+-][\d.]+)", out, re.M)
    assert shifts and shifts[0][:2] == ("escalation", TURN_WEEK.isoformat())
    assert float(shifts[0][2]) < -5
    assert all(label == "escalation" for label, _, _ in shifts)
    assert "2025-03-03" in out and "CHN -> IND by week" in out
    assert_png(png)

    assert main(["dyad", "CHN", "IND", "--db", str(db), "--by", "week", "--json"]) == 0
    rep = json.loads(capsys.readouterr().out)
    assert rep["shifts"][0]["label"] == "escalation" and rep["shifts"][0]["date"] == TURN_WEEK.isoformat()
    first = rep["table"][0]
    assert first["period"] == "2025-03-03" and first["events"] > len(sample_events) - 1
