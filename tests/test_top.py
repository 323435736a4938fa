"""`detente top`: dyads ranked by volume, by conflict and by the size of their latest shift."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.cli import main
from detente.store import Store
from detente.store.synthetic import turning_month

MARCH3 = dt.date(2025, 3, 3)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("top") / "t.duckdb"
    with Store(path) as st:
        st.add_coded(turning_month(MARCH3, turn_day=15, days=28, per_day=2))                        # turns
        st.add_coded(turning_month(MARCH3, turn_day=99, days=28, per_day=4, a="JPN", b="KOR"))       # busy, calm
        st.add_coded(turning_month(MARCH3, turn_day=0, days=28, per_day=1, a="USA", b="PAK", seed=3))  # hostile
    return path


def test_rankings(db):
    with Store(db, read_only=True) as st:
        rep = st.top(since="2025-01-01", n=3)
        und = st.top(since="2025-01-01", n=3, undirected=True)
        later = st.top(since="2025-03-25", n=10)
    assert {tuple(r) for r in rep.volume[["a", "b"]].head(2).itertuples(index=False)} == {("JPN", "KOR"), ("KOR", "JPN")}
    assert (rep.volume["events"].diff().dropna() <= 0).all()
    assert set(rep.conflict["a"]) | set(rep.conflict["b"]) >= {"USA", "PAK"}
    assert "JPN" not in set(rep.conflict["a"])                   # no conflict events at all
    assert rep.shifts.iloc[0][["label"]].item() == "escalation"
    assert {rep.shifts.iloc[0]["a"], rep.shifts.iloc[0]["b"]} == {"CHN", "IND"}
    assert rep.shifts.iloc[0]["date"] == dt.date(2025, 3, 17)
    assert und.volume.iloc[0][["a", "b"]].tolist() == ["JPN", "KOR"]
    assert und.volume.iloc[0]["events"] == rep.volume["events"].head(2).sum()
    assert later.shifts.empty                                    # after the turn nothing shifts


def test_top_cli(db, capsys):
    assert main(["top", "--db", str(db), "--since", "2025-01-01", "--n", "2"]) == 0
    out = capsys.readouterr().out
    assert "busiest dyads" in out and "most conflictual" in out and "biggest latest shifts" in out
    assert "escalation" in out and "2025-03-17" in out


def test_top_of_an_empty_store(tmp_path):
    with Store(tmp_path / "e.duckdb") as st:
        rep = st.top()
    assert rep.volume.empty and rep.conflict.empty and rep.shifts.empty
    assert "(none)" in rep.render()
