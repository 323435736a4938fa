"""End-to-end words/s of detente against bare spaCy `nlp.pipe` on the same texts, in one run.

    python bench/throughput.py [--words 200000] [--batch-size 64] [--rounds 3] [--slices 20] [--classifier] [--no-prefilter]

Prints words/s for bare nlp.pipe (the model exactly as `spacy.load` gives it) and for detente
(its pipeline -- same model, with detente's attribute ruler and lemmatizer and numpy's BLAS, see
detente/fastattrs.py, fastlemma.py, blas.py -- plus actors, events, dates), their
ratio, and the peak resident memory of the process. This machine's speed moves by 10% from one
minute to the next, so the corpus is cut into slices run through both in alternating order, each
round's ratio is printed, and the median of the rounds; CPU-time ratios (of this process) are printed beside wall-clock ones.
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
    ap.add_argument("--slices", type=int, default=20, help="alternate bare and detente over this many slices")
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
          f"({type(nlp.get_pipe('attribute_ruler')).__name__} as attribute_ruler, "
          f"{type(nlp.get_pipe('lemmatizer')).__name__} as lemmatizer)")
    print(f"corpus: {len(arts)} articles, {words} words (dev gold sentences grouped by 15); "
          f"classifier {'on' if args.classifier else 'off'}, prefilter {'off' if args.no_prefilter else 'on'}")

    # warm up both paths on a small slice
    for _ in bare_nlp.pipe(texts[:20], batch_size=args.batch_size):
        pass
    for _ in coder.code_stream(arts[:20]):
        pass

    # the corpus is cut into slices and each slice is run through both, in alternating order, so the
    # two see the same machine (its speed moves within seconds); each round sums its slices
    n_slices = max(1, min(args.slices, len(arts)))
    bounds = [round(k * len(arts) / n_slices) for k in range(n_slices + 1)]
    walls, cpus = [], []
    for r in range(1, args.rounds + 1):
        bare = bare_cpu = full = full_cpu = 0.0
        n_events = 0
        for k in range(n_slices):
            a, b = bounds[k], bounds[k + 1]

            def run_bare(a: int = a, b: int = b) -> tuple[float, float]:
                t0, c0 = time.perf_counter(), time.process_time()
                for _ in bare_nlp.pipe(texts[a:b], batch_size=args.batch_size):
                    pass
                return time.perf_counter() - t0, time.process_time() - c0

            def run_detente(a: int = a, b: int = b) -> tuple[float, float, int]:
                t0, c0 = time.perf_counter(), time.process_time()
                n = sum(len(evs) for _, evs in coder.code_stream(arts[a:b]))
                return time.perf_counter() - t0, time.process_time() - c0, n

            if (k + r) % 2:
                w, c, n = run_detente()
                bw, bc = run_bare()
            else:
                bw, bc = run_bare()
                w, c, n = run_detente()
            bare, bare_cpu, full, full_cpu, n_events = bare + bw, bare_cpu + bc, full + w, full_cpu + c, n_events + n
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
