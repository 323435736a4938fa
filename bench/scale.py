"""Throughput of detente on one process and on a Dask LocalCluster, against bare spaCy `nlp.pipe`, in one run.

    python bench/scale.py [--articles 2000] [--per-article 3] [--batch-size 64]

Builds a JSONL corpus of dev gold sentences (bench/corpus.py, ../shared; never copied into the repo),
then measures words/s for: bare `nlp.pipe`; detente on one process with and without the prefilter
(when the Coder has `prefilter=`); detente on a LocalCluster with 1 and with 2 worker processes
(`detente.scale`, workers warmed up first so the model load is not counted, as it is not for the
one-process numbers). Every configuration codes the corpus once untimed before the timed pass:
on this VM the first pass of a process over new memory is up to 1.5x slower, whichever runs first. Prints the ratios to bare `nlp.pipe`, the speedup of 2 workers over 1, and the
resident memory of each worker with the model loaded and at its peak. Timings on a shared machine
move with its load: the load average is printed before and after, bare `nlp.pipe` is measured again
at the end, and words per CPU-second (of the coding thread) are printed beside words/s.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import articles  # noqa: E402

from detente.ingest import read_inputs  # noqa: E402
from detente.models import Article  # noqa: E402
from detente.nlp import load_nlp, model_description  # noqa: E402
from detente.pipeline import Coder  # noqa: E402
from detente.scale import CoderSpec, DistributedRun, open_client  # noqa: E402
from detente.scale.worker import supports_prefilter, warm_up  # noqa: E402


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} CPUs"


def write_corpus(folder: Path, n_articles: int, per_article: int) -> tuple[Path, int]:
    arts: list[Article] = []
    min_words = 1000
    while len(arts) < n_articles:  # articles() groups by word count; grow until there are enough
        min_words *= 2
        arts = articles(min_words, per_article=per_article)
    arts = arts[:n_articles]
    path = folder / "corpus.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for a in arts:
            fh.write(json.dumps({"id": a.id, "text": a.text, "date": "2025-03-07"}) + "\n")
    return path, sum(len(a.text.split()) for a in arts)


def one_process(coder: Coder, arts: list[Article]) -> tuple[float, float, int]:
    for _ in coder.code_stream(arts):  # one untimed pass: first-touch memory is slow on this VM
        pass
    t0, c0 = time.perf_counter(), time.process_time()
    n = sum(len(evs) for _, evs in coder.code_stream(arts))
    return time.perf_counter() - t0, time.process_time() - c0, n


def on_cluster(workers: int, path: Path, work: Path, spec: CoderSpec, part_bytes: int) -> dict[str, float]:
    t0 = time.perf_counter()
    with open_client("local", workers) as client:
        loaded = client.run(warm_up, spec)  # load the model and the Coder in every worker, as the plugin does
        started = time.perf_counter() - t0
        # one untimed run first, in its own work dir, so the workers' first-touch memory is not timed
        DistributedRun.prepare([str(path)], coder=spec, work_dir=work / "warm", partition_bytes=part_bytes).code(client)
        run = DistributedRun.prepare([str(path)], coder=spec, work_dir=work / "timed", partition_bytes=part_bytes)
        t1 = time.perf_counter()
        merge, report = run.code(client)
        coded = time.perf_counter() - t1
    n_events = sum(len(evs) for _, evs in merge.coded())
    cpu = sum(r.extra.get("cpu_seconds", 0.0) for r in report.results)
    return {"seconds": coded, "cpu": cpu, "startup": started, "events": n_events, "partitions": report.partitions,
            "rss_loaded": max(r for r, _ in loaded.values()), "rss_peak": max(report.workers.values()),
            "workers_used": len(report.workers)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--per-article", type=int, default=3, help="dev sentences per article")
    ap.add_argument("--batch-size", type=int, default=64)
    args = ap.parse_args()

    print(load())
    scratch = Path(tempfile.mkdtemp(prefix="detente-bench-scale-"))
    path, words = write_corpus(scratch, args.articles, args.per_article)
    arts = [a for a in read_inputs([str(path)]) if isinstance(a, Article)]
    texts = [a.text for a in arts]
    nlp = load_nlp()
    bare_nlp = load_nlp(stock=True)  # the model exactly as spacy.load gives it
    print(f"model: {model_description(nlp)}")
    print(f"corpus: {len(arts)} articles, {words} words, {path.stat().st_size / 2**20:.1f} MB of JSONL "
          f"(dev gold sentences grouped by {args.per_article})")

    # one untimed pass through bare nlp.pipe, as one_process() gives each detente configuration: the
    # first pass over new text fills the vocabulary and caches, and touches new memory
    for _ in bare_nlp.pipe(texts, batch_size=args.batch_size):
        pass
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in bare_nlp.pipe(texts, batch_size=args.batch_size):
        pass
    bare, bare_cpu = words / (time.perf_counter() - t0), words / (time.process_time() - c0)
    rows: list[tuple[str, float, float, str]] = []

    def row(label: str, wps: float, cpu_wps: float, note: str = "") -> None:
        rows.append((label, wps, cpu_wps, note))
        print(f"  {label}: {wps:.0f} words/s, {cpu_wps:.0f} words per CPU-second {note}", flush=True)

    row("bare nlp.pipe", bare, bare_cpu)

    if supports_prefilter():
        variants: list[tuple[str, bool | None]] = [("detente, prefilter on", True), ("detente, prefilter off", False)]
    else:
        variants = [("detente (this Coder has no prefilter= yet)", None)]
    for label, pre in variants:
        kw = {} if pre is None else {"prefilter": pre}
        secs, cpu, n = one_process(Coder(nlp=nlp, batch_size=args.batch_size, **kw), arts)
        row(label, words / secs, words / cpu, f"{n} events")
    one_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    pre = True if supports_prefilter() else None
    spec = CoderSpec(batch_size=args.batch_size, prefilter=pre)
    on = ", prefilter on" if pre else ""
    part_bytes = max(64 * 1024, path.stat().st_size // 16)
    dask = {}
    for n in (1, 2):
        r = on_cluster(n, path, scratch / f"work{n}", spec, part_bytes)
        dask[n] = r
        row(f"Dask LocalCluster, {n} worker{'s' if n > 1 else ''}{on}", words / r["seconds"], words / r["cpu"],
            f"{int(r['events'])} events, {int(r['partitions'])} partitions, {int(r['workers_used'])} "
            f"worker(s) used; cluster start + model load {r['startup']:.1f} s")

    t0, c0 = time.perf_counter(), time.process_time()  # bare again: how much the machine's load moved
    for _ in bare_nlp.pipe(texts, batch_size=args.batch_size):
        pass
    row("bare nlp.pipe again, at the end (control)", words / (time.perf_counter() - t0),
        words / (time.process_time() - c0))

    print(f"\n{'':44s} {'words/s':>9s} {'x bare':>6s}  {'words/CPU-s':>11s} {'x bare':>6s}")
    for label, wps, cpu_wps, note in rows:
        print(f"{label:44s} {wps:9.0f} {wps / bare:6.2f}  {cpu_wps:11.0f} {cpu_wps / bare_cpu:6.2f}  {note}")
    speedup = dask[1]["seconds"] / dask[2]["seconds"]
    print(f"\nspeedup of 2 workers over 1: {speedup:.2f}x")
    print(f"worker RSS with the model loaded: {dask[2]['rss_loaded'] / 2**20:.0f} MB; peak while coding: "
          f"{dask[2]['rss_peak'] / 2**20:.0f} MB (1-worker run peak {dask[1]['rss_peak'] / 2**20:.0f} MB)")
    print(f"one-process peak RSS (this process, bare + detente): {one_rss:.0f} MB")
    print(load())


if __name__ == "__main__":
    main()
