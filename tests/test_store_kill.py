"""A real `detente ingest` child process SIGKILLed at several points of its batches; after a rerun the
store holds exactly what an uninterrupted run stores: no event lost, none duplicated, no half article."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest

from detente.cli import main
from detente.store import Store
from detente.store.writer import KILL_ENV

pytestmark = [pytest.mark.model,
              pytest.mark.skipif(not hasattr(signal, "SIGKILL") or not hasattr(signal, "SIGSTOP"),
                                 reason="needs POSIX signals")]

SENTENCES = [
    "Russian troops attacked Ukrainian positions near Kharkiv.",
    "China and India signed a border trade agreement.",
    "Pakistan accused India of violating the ceasefire.",
    "Israel bombed Hamas positions in Gaza.",
    "The United States imposed sanctions on Iran.",
    "Germany praised France for its leadership.",
]


def write_inputs(path):
    """Twelve articles from two outlets (the same events, so they merge across batches) and a bad line."""
    lines = []
    for i, s in enumerate(SENTENCES):
        date = f"2024-05-{10 + i:02d}"
        lines.append(json.dumps({"id": f"a{i}", "text": f"{s} {SENTENCES[(i + 1) % 6]}", "date": date,
                                 "source": "Wire A", "url": f"https://a.example/{i}"}))
        lines.append(json.dumps({"id": f"b{i}", "text": f"{s} Officials confirmed the reports.", "date": date,
                                 "source": "Wire B", "url": f"https://b.example/{i}"}))
        if i == 2:
            lines.append("{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def child(src, db, spec=None):
    env = {k: v for k, v in os.environ.items() if k != KILL_ENV}
    if spec:
        env[KILL_ENV] = spec
    return subprocess.Popen([sys.executable, "-m", "detente.cli", "ingest", str(src), "--db", str(db),
                             "--batch-size", "2"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def run_killed_by_itself(src, db, spec):
    p = child(src, db, spec)
    _, err = p.communicate(timeout=300)
    assert p.returncode == -signal.SIGKILL, err.decode()


def run_killed_from_outside(src, db, spec):
    """The child stops itself at ``spec``; the test then SIGKILLs it."""
    p = child(src, db, spec)
    _, status = os.waitpid(p.pid, os.WUNTRACED)
    assert os.WIFSTOPPED(status), f"child ended before its stop point: {p.stderr.read().decode()}"
    os.kill(p.pid, signal.SIGKILL)
    p.wait(timeout=60)
    assert p.returncode == -signal.SIGKILL
    p.stderr.close()


def snapshot(db):
    with Store(db, read_only=True) as st:
        counts = st.counts()
        events = sorted(st.con.execute(
            "SELECT source_code, target_code, cameo, date, num_mentions, num_sources, num_articles "
            "FROM events").fetchall(), key=repr)
        mentions = sorted(st.con.execute(
            "SELECT a.doc_id, m.sentence_index, m.cameo, e.source_code, e.target_code, e.date "
            "FROM mentions m JOIN articles a USING (article_id) JOIN events e USING (event_id)").fetchall(), key=repr)
        runs = st.runs()
    counts.pop("runs")
    return counts, events, mentions, runs


def assert_whole(db):
    """No half-written article: each article's mentions and each event's mentions are all there."""
    with Store(db, read_only=True) as st:
        bad_articles = st.sql("SELECT a.article_id FROM articles a LEFT JOIN mentions m USING (article_id) "
                              "GROUP BY a.article_id, a.n_mentions HAVING count(m.mention_id) <> a.n_mentions")
        bad_events = st.sql("SELECT e.event_id FROM events e LEFT JOIN mentions m USING (event_id) "
                            "GROUP BY e.event_id, e.num_mentions HAVING count(m.mention_id) <> e.num_mentions")
        orphans = st.sql("SELECT m.mention_id FROM mentions m LEFT JOIN events e USING (event_id) "
                         "WHERE e.event_id IS NULL")
    assert len(bad_articles) == 0 and len(bad_events) == 0 and len(orphans) == 0


def test_sigkill_at_several_points_then_rerun_equals_uninterrupted(tmp_path, nlp):
    src = tmp_path / "news.jsonl"
    write_inputs(src)
    ref = tmp_path / "ref.duckdb"
    assert main(["ingest", str(src), "--db", str(ref), "--batch-size", "2", "-q"]) == 0
    want_counts, want_events, want_mentions, _ = snapshot(ref)
    assert want_counts["articles"] == 12 and want_counts["rejects"] == 1
    assert want_counts["mentions"] > want_counts["events"] > 0      # merges happened across batches

    db = tmp_path / "killed.duckdb"
    run_killed_by_itself(src, db, "articles:2")        # batch 1 committed; batch 2 dies after its articles
    assert_whole(db)
    n1 = snapshot(db)[0]["articles"]
    assert n1 == 2
    run_killed_from_outside(src, db, "stop@mentions:2")  # mid-transaction, after the mentions insert
    assert_whole(db)
    n2 = snapshot(db)[0]["articles"]
    assert n1 < n2 < 12
    run_killed_by_itself(src, db, "commit:2")          # just before COMMIT
    assert_whole(db)
    n3 = snapshot(db)[0]["articles"]
    assert n2 < n3 < 12

    assert main(["ingest", str(src), "--db", str(db), "--batch-size", "2", "-q"]) == 0   # the rerun
    counts, events, mentions, runs = snapshot(db)
    assert counts == want_counts
    assert events == want_events
    assert mentions == want_mentions
    assert list(runs["status"]) == ["interrupted", "interrupted", "interrupted", "done"]
    assert int(runs["articles_added"].sum()) == 12
