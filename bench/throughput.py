"""End-to-end words/s of detente against bare spaCy `nlp.pipe` on the same texts, in one run.

    python bench/throughput.py [--words 200000] [--batch-size 64] [--rounds 3] [--classifier] [--no-prefilter]

Prints words/s for bare nlp.pipe (the model exactly as `spacy.load` gives it) and for detente
(its pipeline -- same model, detente's faster attribute ruler -- plus actors, events, dates), their
ratio, and the peak resident memory of the process. This machine's speed moves by 10% from one
minute to the next, so the two are measured in alternating rounds and each round's ratio is printed
with the median; CPU-time ratios (of this process) are printed beside wall-clock ones.
"""

from __future__ import annotations

import argparse
import resource
import statistics
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
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--classifier", action="store_true", help="detente with the learned classifier")
    ap.add_argument("--no-prefilter", action="store_true", help="detente without the prefilter")
    args = ap.parse_args()

    arts = articles(args.words)
    texts = [a.text for a in arts]
    words = sum(len(t.split()) for t in texts)
    bare_nlp = load_nlp(stock=True)
    nlp = load_nlp()
    coder = Coder(nlp=nlp, batch_size=args.batch_size, use_model=args.classifier, prefilter=not args.no_prefilter)
    print(f"model: {model_description(nlp)}; detente pipeline: {', '.join(nlp.pipe_names)} "
          f"({type(nlp.get_pipe('attribute_ruler')).__name__} as attribute_ruler)")
    print(f"corpus: {len(arts)} articles, {words} words (dev gold sentences grouped by 15); "
          f"classifier {'on' if args.classifier else 'off'}, prefilter {'off' if args.no_prefilter else 'on'}")

    # warm up both paths on a small slice
    for _ in bare_nlp.pipe(texts[:20], batch_size=args.batch_size):
        pass
    for _ in coder.code_stream(arts[:20]):
        pass

    walls, cpus = [], []
    for r in range(1, args.rounds + 1):
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in bare_nlp.pipe(texts, batch_size=args.batch_size):
            pass
        bare, bare_cpu = time.perf_counter() - t0, time.process_time() - c0

        t0, c0 = time.perf_counter(), time.process_time()
        n_events = 0
        for _, evs in coder.code_stream(arts):
            n_events += len(evs)
        full, full_cpu = time.perf_counter() - t0, time.process_time() - c0
        walls.append(bare / full)
        cpus.append(bare_cpu / full_cpu)
        print(f"round {r}: bare nlp.pipe {words / bare:8.0f} words/s ({bare:.1f} s wall, {bare_cpu:.1f} s CPU); "
              f"detente {words / full:8.0f} words/s ({full:.1f} s wall, {full_cpu:.1f} s CPU, {n_events} events); "
              f"ratio {bare / full:.3f} wall, {bare_cpu / full_cpu:.3f} CPU", flush=True)
    print(f"ratio detente / bare nlp.pipe, median of {args.rounds} rounds: {statistics.median(walls):.3f} "
          f"(wall clock), {statistics.median(cpus):.3f} (CPU time)")
    print(f"peak RSS: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
