"""End-to-end words/s of detente against bare spaCy `nlp.pipe` on the same texts, in one run.

    python bench/throughput.py [--words 200000] [--batch-size 64]

Prints words/s for bare nlp.pipe and for detente (parse + actors + events + dates), their ratio,
and the peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import articles  # noqa: E402

from detente.nlp import load_nlp, model_description  # noqa: E402
from detente.pipeline import Coder  # noqa: E402


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--words", type=int, default=200_000)
    ap.add_argument("--batch-size", type=int, default=64)
    args = ap.parse_args()

    arts = articles(args.words)
    texts = [a.text for a in arts]
    words = sum(len(t.split()) for t in texts)
    nlp = load_nlp()
    coder = Coder(nlp=nlp, batch_size=args.batch_size)
    print(f"model: {model_description(nlp)}")
    print(f"corpus: {len(arts)} articles, {words} words (dev gold sentences grouped by 15)")

    # warm up both paths on a small slice
    for _ in nlp.pipe(texts[:20], batch_size=args.batch_size):
        pass
    for _ in coder.code_stream(arts[:20]):
        pass

    t0, c0 = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=args.batch_size):
        pass
    bare, bare_cpu = time.perf_counter() - t0, time.process_time() - c0

    t0, c0 = time.perf_counter(), time.process_time()
    n_events = 0
    for _, evs in coder.code_stream(arts):
        n_events += len(evs)
    full, full_cpu = time.perf_counter() - t0, time.process_time() - c0

    bare_wps, full_wps = words / bare, words / full
    print(f"bare nlp.pipe : {bare_wps:10.0f} words/s  ({bare:.1f} s wall, {bare_cpu:.1f} s CPU)")
    print(f"detente       : {full_wps:10.0f} words/s  ({full:.1f} s wall, {full_cpu:.1f} s CPU, {n_events} events)")
    print(f"ratio detente / bare nlp.pipe: {full_wps / bare_wps:.3f} (wall clock), "
          f"{bare_cpu / full_cpu:.3f} (CPU time of this process; steadier on a busy machine)")
    print(f"peak RSS: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
