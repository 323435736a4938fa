"""Throughput of detente on one process and on a Dask LocalCluster, against bare spaCy `nlp.pipe`, in one run.

    python bench/scale.py [--articles 2000] [--per-article 3] [--batch-size 64] [--slices 12] [--rounds 5] [--partitions 32]

Builds a JSONL corpus of dev gold sentences (bench/corpus.py, ../shared; never copied into the repo),
then measures words/s for: bare `nlp.pipe` (the model as `spacy.load` gives it); detente on one
process with and without the prefilter; detente on a LocalCluster with 1 and with 2 worker processes
(`detente.scale`; workers load the model before the clock starts, as the one-process pipelines do).

This machine's speed moves by 10-25% within minutes, so no configuration is timed alone: the three
one-process configurations code the same slices of the corpus in turn, the order rotating from slice
to slice (after an untimed pass over the first quarter of the slices), and the 1- and 2-worker
clusters run side by side and code the whole corpus in alternating order, after one untimed run each.
In each cluster round the one-process Coder (prefilter on) also codes the whole corpus in this
process, in rotating order with the two clusters, so "2 workers over one process" compares runs of
the same minutes. Prints words/s and words per CPU-second (of the coding thread or the workers), the
ratios to bare `nlp.pipe`, the speedup of 2 workers over 1 and over one process (each round and their
median), and the resident memory of each worker with the model loaded and at its peak.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

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


def interleaved(runs: dict[str, Callable[[list[Article]], int]], arts: list[Article], slices: int,
                warm: int) -> dict[str, dict[str, Any]]:
    """Every configuration codes the same slices of the corpus in turn, the order rotating from slice to
    slice, so all of them see the same machine (its speed here moves by 10-25% within minutes). The
    first ``warm`` slices are coded once untimed by each first (first-touch memory, caches)."""
    bounds = [round(k * len(arts) / slices) for k in range(slices + 1)]
    for k in range(min(warm, slices)):
        for run in runs.values():
            run(arts[bounds[k]:bounds[k + 1]])
    out: dict[str, dict[str, Any]] = {label: {"seconds": 0.0, "cpu": 0.0, "events": 0, "slices": []} for label in runs}
    labels = list(runs)
    for k in range(slices):
        chunk = arts[bounds[k]:bounds[k + 1]]
        for label in labels[k % len(labels):] + labels[:k % len(labels)]:
            t0, c0 = time.perf_counter(), time.process_time()
            n = runs[label](chunk)
            took = time.perf_counter() - t0
            out[label]["seconds"] += took
            out[label]["slices"].append(took)
            out[label]["cpu"] += time.process_time() - c0
            out[label]["events"] += n
    return out


def timed_run(client: Any, path: Path, work: Path, spec: CoderSpec, part_bytes: int) -> tuple[float, float, int, Any]:
    run = DistributedRun.prepare([str(path)], coder=spec, work_dir=work, partition_bytes=part_bytes)
    t0 = time.perf_counter()
    merge, report = run.code(client)
    secs = time.perf_counter() - t0
    cpu = sum(r.extra.get("cpu_seconds", 0.0) for r in report.results)
    return secs, cpu, sum(len(evs) for _, evs in merge.coded()), report


def clusters(path: Path, work: Path, spec: CoderSpec, part_bytes: int, rounds: int,
             local: Callable[[], float]) -> dict[Any, dict[str, Any]]:
    """A 1-worker and a 2-worker LocalCluster side by side (idle workers cost no CPU); after one untimed
    run on each, they and ``local`` (the one-process Coder in this process, its workers idle) code the
    corpus in rotating order for ``rounds`` rounds, so every ratio compares runs of the same minutes."""
    out: dict[Any, dict[str, Any]] = {n: {"seconds": [], "cpu": [], "events": 0, "rss_peak": 0} for n in (1, 2)}
    out["local"] = {"seconds": []}
    order: list[Any] = [1, 2, "local"]
    with open_client("local", 1) as one, open_client("local", 2) as two:
        pool = {1: one, 2: two}
        for n, client in pool.items():
            t0 = time.perf_counter()
            loaded = client.run(warm_up, spec)  # load the model and the Coder in every worker, as the plugin does
            out[n]["startup"] = time.perf_counter() - t0
            out[n]["rss_loaded"] = max(r for r, _ in loaded.values())
            timed_run(client, path, work / f"warm{n}", spec, part_bytes)
        for r in range(rounds):
            for n in order[r % 3:] + order[:r % 3]:
                if n == "local":
                    secs = local()
                    out["local"]["seconds"].append(secs)
                    print(f"  round {r + 1}: one process {secs:.1f} s", flush=True)
                    continue
                secs, cpu, events, report = timed_run(pool[n], path, work / f"w{n}r{r}", spec, part_bytes)
                o = out[n]
                o["seconds"].append(secs)
                o["cpu"].append(cpu)
                o["events"] = events
                o["partitions"] = report.partitions
                o["workers_used"] = len(report.workers)
                o["rss_peak"] = max(o["rss_peak"], max(report.workers.values()))
                print(f"  round {r + 1}: {n} worker{'s' if n > 1 else ''} {secs:.1f} s", flush=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--per-article", type=int, default=3, help="dev sentences per article")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--slices", type=int, default=12, help="one-process configurations alternate over this many slices")
    ap.add_argument("--rounds", type=int, default=5, help="rotating runs of the 1- and 2-worker clusters and the one-process Coder")
    ap.add_argument("--partitions", type=int, default=32,
                    help="partitions of the corpus for the clusters (more make the idle tail of a run shorter)")
    args = ap.parse_args()

    print(load())
    scratch = Path(tempfile.mkdtemp(prefix="detente-bench-scale-"))
    path, words = write_corpus(scratch, args.articles, args.per_article)
    arts = [a for a in read_inputs([str(path)]) if isinstance(a, Article)]
    nlp = load_nlp()
    bare_nlp = load_nlp(stock=True)  # the model exactly as spacy.load gives it
    print(f"model: {model_description(nlp)}")
    print(f"corpus: {len(arts)} articles, {words} words, {path.stat().st_size / 2**20:.1f} MB of JSONL "
          f"(dev gold sentences grouped by {args.per_article})")

    def bare(chunk: list[Article]) -> int:
        for _ in bare_nlp.pipe([a.text for a in chunk], batch_size=args.batch_size):
            pass
        return 0

    def detente(coder: Coder) -> Callable[[list[Article]], int]:
        return lambda chunk: sum(len(evs) for _, evs in coder.code_stream(chunk))

    runs: dict[str, Callable[[list[Article]], int]] = {"bare nlp.pipe": bare}
    if supports_prefilter():
        runs["detente, prefilter on"] = detente(Coder(nlp=nlp, batch_size=args.batch_size, prefilter=True))
        runs["detente, prefilter off"] = detente(Coder(nlp=nlp, batch_size=args.batch_size, prefilter=False))
    else:
        runs["detente (this Coder has no prefilter= yet)"] = detente(Coder(nlp=nlp, batch_size=args.batch_size))
    single = interleaved(runs, arts, args.slices, warm=max(1, args.slices // 4))
    one_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    base = single["bare nlp.pipe"]
    rows: list[tuple[str, float, float, str]] = []
    for label, r in single.items():
        rows.append((label, words / r["seconds"], words / r["cpu"], f"{int(r['events'])} events" if r["events"] else ""))
    print(f"one process: {args.slices} slices, each coded by every configuration in rotating order", flush=True)
    for label, r in single.items():
        if label != "bare nlp.pipe":
            per = sorted(b / d for b, d in zip(base["slices"], r["slices"], strict=True))
            print(f"  {label}: ratio to bare nlp.pipe per slice median {statistics.median(per):.2f} "
                  f"(range {per[0]:.2f}-{per[-1]:.2f})", flush=True)

    pre = True if supports_prefilter() else None
    spec = CoderSpec(batch_size=args.batch_size, prefilter=pre)
    on = ", prefilter on" if pre else ""
    # the corpus is only ~1 MB: with 16 partitions the last one alone (1/16 of the work) leaves a
    # worker idle for half a partition on average; real corpora have hundreds of 16 MB partitions
    part_bytes = max(16 * 1024, path.stat().st_size // args.partitions)
    first = next(k for k in single if k != "bare nlp.pipe")

    def local() -> float:
        t0 = time.perf_counter()
        runs[first](arts)
        return time.perf_counter() - t0

    dask = clusters(path, scratch, spec, part_bytes, args.rounds, local)
    for n in (1, 2):
        r = dask[n]
        secs, cpu = statistics.median(r["seconds"]), statistics.median(r["cpu"])
        rows.append((f"Dask LocalCluster, {n} worker{'s' if n > 1 else ''}{on}", words / secs, words / cpu,
                     f"{int(r['events'])} events, {int(r['partitions'])} partitions, {int(r['workers_used'])} "
                     f"worker(s) used; cluster start + model load {r['startup']:.1f} s; median of "
                     f"{len(r['seconds'])} runs"))

    bare_wps, bare_cpu = words / base["seconds"], words / base["cpu"]
    print(f"\n{'':44s} {'words/s':>9s} {'x bare':>6s}  {'words/CPU-s':>11s} {'x bare':>6s}")
    for label, wps, cpu_wps, note in rows:
        print(f"{label:44s} {wps:9.0f} {wps / bare_wps:6.2f}  {cpu_wps:11.0f} {cpu_wps / bare_cpu:6.2f}  {note}")
    speedups = [a / b for a, b in zip(dask[1]["seconds"], dask[2]["seconds"], strict=True)]
    print(f"\nspeedup of 2 workers over 1: {statistics.median(speedups):.2f}x (median of rounds: "
          f"{', '.join(f'{s:.2f}' for s in speedups)})")
    over_local = [a / b for a, b in zip(dask["local"]["seconds"], dask[2]["seconds"], strict=True)]
    print(f"2 workers over one process ({first}, timed in the same rounds): {statistics.median(over_local):.2f}x "
          f"(rounds: {', '.join(f'{s:.2f}' for s in over_local)}); one process in those rounds "
          f"{words / statistics.median(dask['local']['seconds']):.0f} words/s")
    print(f"worker RSS with the model loaded: {dask[2]['rss_loaded'] / 2**20:.0f} MB; peak while coding: "
          f"{dask[2]['rss_peak'] / 2**20:.0f} MB (1-worker cluster peak {dask[1]['rss_peak'] / 2**20:.0f} MB)")
    print(f"one-process peak RSS (this process, bare + detente): {one_rss:.0f} MB")
    print(load())


if __name__ == "__main__":
    main()
