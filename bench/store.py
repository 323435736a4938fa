"""Event store benchmark: insert N synthetic events (default 1,000,000) through the store's ingest
path (identity checks, de-duplication, one transaction per batch; no NLP), then time the monthly
dyad query CHN -> IND (table and change points) and print the median of several runs.

    python bench/store.py                       # 1M events; goal: monthly dyad query <= 100 ms
    python bench/store.py --events 100000 --runs 21
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from detente.store import Store
from detente.store.synthetic import bench_stream

GOAL_MS = 100.0


def timed(stream: Iterator, clock: list[float]) -> Iterator:
    """Passes ``stream`` through, adding the time spent making its items to ``clock[0]``."""
    while True:
        t0 = time.perf_counter()
        try:
            item = next(stream)
        except StopIteration:
            return
        clock[0] += time.perf_counter() - t0
        yield item


def median_ms(fn, runs: int) -> tuple[float, float]:
    fn()                                          # warm up
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), min(times)


def ingest(st: Store, args: argparse.Namespace, path: Path) -> None:
    gen = [0.0]
    t0 = time.perf_counter()
    last = [t0]

    def progress(rep) -> None:
        now = time.perf_counter()
        if now - last[0] > 15:
            last[0] = now
            print(f"  ... {rep.mentions_added:,} events stored, {now - t0:.0f} s", file=sys.stderr)

    rep = st.add_coded(timed(bench_stream(args.events, distinct=True), gen), batch_size=args.batch, progress=progress)
    total = time.perf_counter() - t0
    store_s = total - gen[0]
    counts = st.counts()
    size_mb = path.stat().st_size / 1e6
    print(f"ingest: {rep.mentions_added:,} events ({counts['events']:,} after de-duplication, "
          f"{rep.events_merged:,} merged) in {rep.articles_added:,} articles, {rep.batches} transactions")
    print(f"ingest rate: {rep.mentions_added / store_s:,.0f} events/s in the store "
          f"({store_s:.1f} s; {rep.mentions_added / total:,.0f} events/s with event generation, "
          f"{total:.1f} s); database {size_mb:,.0f} MB")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--batch", type=int, default=2000, help="articles per transaction (5 events each)")
    ap.add_argument("--runs", type=int, default=21, help="runs of each query")
    ap.add_argument("--db", help="database file (default: a temporary one, removed afterwards)")
    ap.add_argument("--skip-ingest", action="store_true", help="time the queries of an existing --db only")
    args = ap.parse_args(argv)

    tmp = None if args.db else tempfile.TemporaryDirectory(prefix="detente-bench-")
    path = Path(args.db) if args.db else Path(tmp.name) / "bench.duckdb"  # type: ignore[union-attr]
    try:
        with Store(path) as st:
            if not (args.skip_ingest and args.db):
                ingest(st, args, path)
            n_dyad = len(st.events(source="CHN", target="IND"))
            med, best = median_ms(lambda: st.dyad("CHN", "IND", by="month"), args.runs)
            verdict = "meets" if med <= GOAL_MS else "misses"
            print(f"dyad CHN->IND by month ({n_dyad:,} events): median {med:.1f} ms, best {best:.1f} ms "
                  f"over {args.runs} runs ({verdict} the {GOAL_MS:.0f} ms goal)")
            for label, fn in (("dyad CHN<->IND by week, undirected",
                               lambda: st.dyad("CHN", "IND", by="week", undirected=True)),
                              ("events(source=CHN, target=IND)", lambda: st.events(source="CHN", target="IND"))):
                med2, _ = median_ms(fn, max(3, args.runs // 3))
                print(f"{label}: median {med2:.1f} ms")
        return 0
    finally:
        if tmp is not None:
            tmp.cleanup()


if __name__ == "__main__":
    sys.exit(main())
