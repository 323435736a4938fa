"""Scale-out on Dask: partitions, the manifest, and LocalCluster runs compared with a single-process run
(including a worker SIGKILLed in the middle of a partition)."""

from __future__ import annotations

import dataclasses
import json
import os
import signal
from pathlib import Path

import pytest

from detente.errors import ScaleError
from detente.ingest import read_inputs
from detente.models import Article, Reject
from detente.scale import CoderSpec, Manifest, PartResult, ReadSettings, plan_partitions
from detente.scale.runner import QUIET_WORKERS, TRIM_VARIABLE
from detente.scale.worker import _PartRun, loaded_coders, read_partition, set_fault

SENTENCES = [
    "Russian troops attacked Ukrainian positions near Kharkiv.",
    "China and India signed a border trade agreement.",
    "Pakistan accused India of violating the ceasefire.",
    "Israel bombed Hamas positions in Gaza.",
    "The United States imposed sanctions on Iran.",
    "Germany praised France for its leadership.",
    "Japanese and South Korean diplomats met in Tokyo.",
    "Brazil criticized Argentina over the tariffs.",
    "Egypt offered to mediate between Sudan and Ethiopia.",
    "Turkish police arrested dozens of protesters in Ankara.",
    "The rain kept falling over the harbour all afternoon.",
    "Officials confirmed the reports on Tuesday.",
]
PART_BYTES = 900  # small partitions, so the small corpus spreads over both workers


def write_corpus(root: Path) -> list[str]:
    """Two JSONL files with the same stem (ids `a:N` collide across them), repeated explicit ids in
    different partitions, a repeated text, a bad line, an empty text, and a plain-text file."""
    (root / "corpus" / "sub").mkdir(parents=True)
    lines = []
    for i in range(24):
        text = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(3)) + f" Report {i} was filed."
        rec: dict[str, object] = {"text": text,
                                  "date": f"2024-05-{1 + i % 20:02d}", "source": f"Wire {'AB'[i % 2]}"}
        if i % 5 == 1:
            rec["id"] = "dup"
        elif i % 3 == 2:
            rec["id"] = f"art-{i}"
        lines.append(json.dumps(rec))
    lines.insert(9, "{not json")
    lines.insert(15, json.dumps({"id": "empty", "text": "   "}))
    lines.append(json.dumps({"text": json.loads(lines[2])["text"], "date": "2024-05-03"}))  # same text again
    (root / "corpus" / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    sub = [json.dumps({"text": f"{SENTENCES[i]} {SENTENCES[(i + 4) % len(SENTENCES)]}", "date": "2024-06-01"})
           for i in range(8)]
    (root / "corpus" / "sub" / "a.jsonl").write_text("\n".join(sub), encoding="utf-8")  # no final newline
    (root / "corpus" / "note.txt").write_text(SENTENCES[4] + " " + SENTENCES[0], encoding="utf-8")
    return ["corpus"]


# ---------------------------------------------------------------- planning (no model)


def test_ranges_cover_each_jsonl_file_on_line_boundaries(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    inputs = write_corpus(tmp_path)
    parts = plan_partitions(inputs, PART_BYTES)
    assert [p.index for p in parts] == list(range(len(parts)))
    for name in ("corpus/a.jsonl", "corpus/sub/a.jsonl"):
        data = Path(name).read_bytes()
        ranges = [p for p in parts if p.origin == name]
        assert len(ranges) > 1 and all(p.kind == "range" for p in ranges)
        assert ranges[0].start == 0 and ranges[-1].end == len(data)
        for a, b in zip(ranges, ranges[1:], strict=False):
            assert a.end == b.start and data[a.end - 1:a.end] == b"\n"
            assert b.first_line == data[:b.start].count(b"\n") + 1
    assert [p.kind for p in parts if p.origin.endswith(".txt")] == ["path"]


def test_partitions_read_exactly_what_read_inputs_reads(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    inputs = write_corpus(tmp_path)
    settings = ReadSettings(coder=CoderSpec())
    got: list[tuple[str, ...]] = []
    for part in plan_partitions(inputs, PART_BYTES):
        run = _PartRun(settings)
        for item in read_partition(part, run):
            got.append(("reject", item.origin, str(item.line), item.reason) if isinstance(item, Reject)
                       else ("article", item.origin or "", item.text))
    want = [("reject", i.origin, str(i.line), i.reason) if isinstance(i, Reject) else ("article", i.origin or "", i.text)
            for i in read_inputs(inputs)]
    assert got == want
    assert sum(1 for g in got if g[0] == "reject") == 2


def test_whole_file_partitions_and_stdin(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("u16.jsonl").write_bytes('{"text": "Iran warned Israel."}\n'.encode("utf-16"))
    Path("bin.jsonl").write_bytes(b"\x00\x01\x02")
    Path("empty").mkdir()
    parts = plan_partitions(["u16.jsonl", "bin.jsonl", "missing.jsonl", "empty"])
    assert [(p.origin, p.kind) for p in parts] == [("u16.jsonl", "path"), ("bin.jsonl", "path"),
                                                   ("missing.jsonl", "path"), ("empty", "path")]
    assert parts[0].digest and not parts[2].digest and not parts[3].digest  # unhashable: always recomputed
    assert parts[2].fingerprint("s") == ""
    with pytest.raises(ScaleError, match="standard input"):
        plan_partitions(["-"])


def test_fingerprint_follows_content_and_settings(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    inputs = write_corpus(tmp_path)
    s1 = ReadSettings(coder=CoderSpec()).digest()
    before = {p.key: p.fingerprint(s1) for p in plan_partitions(inputs, PART_BYTES)}
    path = Path("corpus/sub/a.jsonl")
    path.write_text(path.read_text(encoding="utf-8").replace("Germany praised", "Germany thanked"), encoding="utf-8")
    after = {p.key: p.fingerprint(s1) for p in plan_partitions(inputs, PART_BYTES)}
    changed = [k for k in before if before[k] != after.get(k)]
    assert len(changed) == 1 and changed[0].startswith("corpus/sub/a.jsonl@")
    for other in (ReadSettings(coder=CoderSpec(use_model=True)), ReadSettings(coder=CoderSpec(), date="2024-01-01"),
                  ReadSettings(coder=CoderSpec(), max_chars=10)):
        d = other.digest()
        assert d != s1
        assert all(p.fingerprint(d) != after[p.key] for p in plan_partitions(inputs, PART_BYTES))


def test_manifest_skips_finished_and_recomputes_on_new_fingerprint(tmp_path):
    res = PartResult(index=0, key="a.jsonl@0-10", fingerprint="f1", shard="part-000000-f1.parquet", articles=3)
    with Manifest(tmp_path) as m:
        assert m.done(res.key, "f1") is None
        m.record(res)
        assert m.done(res.key, "f1") is None  # no shard file: not done
        (tmp_path / res.shard).write_bytes(b"x")
        assert m.done(res.key, "f1") == res
    with Manifest(tmp_path) as m:  # persisted, committed
        assert m.done(res.key, "f1") == res
        assert m.done(res.key, "f2") is None  # content or settings changed
        assert m.done(res.key, "") is None  # an unhashable partition is never reused
        m.record(dataclasses.replace(res, fingerprint="f2", shard="part-000000-f2.parquet", articles=4))
        assert m.done(res.key, "f1") is None
        assert list(m.entries()) == [res.key] and m.entries()[res.key].articles == 4


# ---------------------------------------------------------------- on a LocalCluster


@pytest.fixture(scope="module")
def cluster():
    pytest.importorskip("distributed")
    from detente.scale import open_client

    with open_client("local", 2) as client:  # 2 single-threaded worker processes on 127.0.0.1, no dashboard
        yield client.cluster, client


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("scale")
    here = os.getcwd()
    os.chdir(root)
    try:
        inputs = write_corpus(root)
    finally:
        os.chdir(here)
    return root, inputs


def snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """The store's content without the run ids and clock times."""
    from detente.store import Store

    queries = {
        "articles": "SELECT article_id, identity, doc_id, origin, source_key, title, published, n_mentions "
                    "FROM articles ORDER BY article_id",
        "mentions": "SELECT mention_id, event_id, article_id, coder_id, sentence_index, rank, cameo, trigger_start, "
                    "trigger_end, source_text, target_text, confidence, event_json FROM mentions ORDER BY mention_id",
        "events": "SELECT event_id, dedup_key, source_code, target_code, cameo, date, num_mentions, num_sources, "
                  "num_articles, best_mention_id FROM events ORDER BY event_id",
        "rejects": "SELECT reject_id, origin, line, reason, excerpt FROM rejects ORDER BY reject_id",
        "actors": "SELECT code, country, sector, mentions FROM actors ORDER BY code",
    }
    with Store(db, read_only=True) as st:
        return {k: [tuple(r) for r in st.con.execute(q).fetchall()] for k, q in queries.items()}


@pytest.fixture(scope="module")
def single(corpus, coder):
    """The single-process ingest of the corpus."""
    from detente.store import Store

    root, inputs = corpus
    here = os.getcwd()
    os.chdir(root)
    try:
        with Store(root / "single.duckdb") as st:
            st.ingest(inputs, coder=coder)
    finally:
        os.chdir(here)
    snap = snapshot(root / "single.duckdb")
    assert len(snap["articles"]) == 33 and len(snap["rejects"]) == 2 and len(snap["mentions"]) > 30
    return snap


def _ingest(client, root, inputs, db, work, **kw):
    from detente.scale import ingest_distributed

    here = os.getcwd()
    os.chdir(root)
    try:
        return ingest_distributed(inputs, root / db, client=client, work_dir=root / work,
                                  partition_bytes=PART_BYTES, **kw)
    finally:
        os.chdir(here)


@pytest.mark.model
def test_local_cluster_ingest_equals_single_process(cluster, corpus, single):
    _, client = cluster
    root, inputs = corpus
    rep, scale = _ingest(client, root, inputs, "dist.duckdb", "work")
    assert scale.computed == scale.partitions > 4 and scale.skipped == 0
    assert len(scale.workers) == 2  # both workers coded partitions
    got = snapshot(root / "dist.duckdb")
    assert got == single
    doc_ids = [r[2] for r in got["articles"]]
    assert "dup#2" in doc_ids and "a:1#2" in doc_ids  # ids unique over the run, as one reader makes them
    assert rep.articles_added == 33 and rep.articles_skipped == 1 and rep.rejects == 2
    assert set(client.run(loaded_coders).values()) == {1}  # one Coder per worker process, reused by every task
    assert set(client.run(os.getenv, TRIM_VARIABLE).values()) == {None}  # glibc keeps its fast default
    for key, value in QUIET_WORKERS.items():  # no stack sampler or fast ticks taking the GIL from the coder
        assert set(client.run(_config, key).values()) == {value}, key


def _config(key):
    import dask

    return dask.config.get(key)


@pytest.mark.model
def test_rerun_skips_finished_partitions_and_recomputes_changed_ones(cluster, corpus, single, tmp_path):
    _, client = cluster
    root, inputs = corpus
    _ingest(client, root, inputs, "first.duckdb", "work2")
    _, again = _ingest(client, root, inputs, "again.duckdb", "work2")
    assert again.computed == 0 and again.skipped == again.partitions
    assert snapshot(root / "again.duckdb") == single
    # a copy of the corpus with one line changed: only its partition is coded again
    import shutil

    shutil.copytree(root / "corpus", tmp_path / "corpus")
    path = tmp_path / "corpus" / "sub" / "a.jsonl"
    path.write_text(path.read_text(encoding="utf-8").replace("Germany praised", "Germany thanked"), encoding="utf-8")
    shutil.copytree(root / "work2", tmp_path / "work2")
    _, changed = _ingest(client, tmp_path, inputs, "changed.duckdb", "work2")
    assert changed.computed == 1 and changed.skipped == changed.partitions - 1


def _arm_kill(client, marker: Path, index: int) -> None:
    client.run(set_fault, f"{index}:{marker}")


def _disarm(client) -> None:
    client.run(set_fault, None)


@pytest.mark.model
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_worker_killed_mid_partition_is_retried_and_the_result_is_identical(cluster, corpus, single):
    _, client = cluster
    root, inputs = corpus
    marker = root / "killed-once"
    _arm_kill(client, marker, 2)
    try:
        rep, scale = _ingest(client, root, inputs, "killed.duckdb", "work3")
    finally:
        _disarm(client)
    assert marker.exists()  # a worker really died, in the middle of writing partition 2's shard
    assert scale.computed == scale.partitions
    assert snapshot(root / "killed.duckdb") == single
    assert not list((root / "work3").glob("*.tmp"))  # the torn temporary shard is gone


@pytest.mark.model
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_lost_worker_fails_the_run_and_a_rerun_completes_it(cluster, corpus, single):
    lc, client = cluster
    root, inputs = corpus
    marker = root / "killed-twice"
    scheduler = lc.scheduler
    allowed = scheduler.allowed_failures
    scheduler.allowed_failures = 0  # a task whose worker dies fails at once, as after repeated losses
    _arm_kill(client, marker, 3)
    try:
        with pytest.raises(ScaleError, match="run the same command again|running the same command again"):
            _ingest(client, root, inputs, "lost.duckdb", "work4")
    finally:
        scheduler.allowed_failures = allowed
        _disarm(client)
    assert marker.exists()
    with Manifest(root / "work4") as m:
        finished = m.entries()
    assert 0 < len(finished) < len(plan_of(root, inputs))
    rep, scale = _ingest(client, root, inputs, "lost.duckdb", "work4")
    assert scale.skipped == len(finished) and scale.computed == scale.partitions - len(finished)
    assert snapshot(root / "lost.duckdb") == single


def plan_of(root: Path, inputs: list[str]) -> list[object]:
    here = os.getcwd()
    os.chdir(root)
    try:
        return list(plan_partitions(inputs, PART_BYTES))
    finally:
        os.chdir(here)


@pytest.mark.model
def test_code_and_ingest_commands_on_a_cluster_address(cluster, corpus, coder, single, monkeypatch):
    import pyarrow.parquet as pq

    from detente.cli import main

    lc, _ = cluster
    root, inputs = corpus
    monkeypatch.chdir(root)
    arts = [a for a in read_inputs(inputs) if isinstance(a, Article)]
    want = [ev.to_json() for _, evs in coder.code_stream(arts) for ev in evs]
    addr = lc.scheduler_address
    assert main(["code", *inputs, "--out", "ev.parquet", "--cluster", addr, "--work-dir", "cw", "-q"]) == 0
    table = pq.read_table("ev.parquet")
    assert table.column("event_json").to_pylist() == want
    assert table.column("cameo").to_pylist() == [json.loads(w)["cameo"] for w in want]
    assert len(Path("ev.rejects.jsonl").read_text(encoding="utf-8").splitlines()) == 2
    # JSONL from the same work folder: nothing is coded again
    assert main(["code", *inputs, "--out", "ev.jsonl", "--cluster", addr, "--work-dir", "cw", "-q"]) == 0
    assert Path("ev.jsonl").read_text(encoding="utf-8").splitlines() == want
    assert main(["ingest", *inputs, "--db", "cli.duckdb", "--cluster", addr, "--workers", "2", "-q"]) == 0
    assert snapshot(root / "cli.duckdb") == single
