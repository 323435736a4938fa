"""Loopback load run of `detente serve`: build (once) a store of 1M synthetic events the way
bench/store.py does (the store's own ingest path: identity checks, de-duplication, a transaction
per batch), start `detente serve` on 127.0.0.1 in a subprocess, then for `GET /api/events` and the
dyad series `GET /api/dyads/{a}/{b}/series` send requests from a few client threads, each endpoint
bounded by a request count and a time limit, and print requests/s and p50/p99 latency.

    python bench/api_load.py                          # 1M events; store cached in bench/out/
    python bench/api_load.py --events 100000 --requests 500 --seconds 10

Only 127.0.0.1 is ever contacted.
"""

from __future__ import annotations

import argparse
import itertools
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from detente.store import Store
from detente.store.synthetic import bench_stream

HOST = "127.0.0.1"
OUT = Path(__file__).resolve().parent / "out"

EVENTS_QUERIES = [
    {"limit": 50},
    {"limit": 50, "dyad": "CHN-IND"},
    {"limit": 50, "source": "USA", "quad_class": 4},
    {"limit": 100, "actor": "PAK", "sort": "goldstein", "since": "2023-06-01", "until": "2023-12-31"},
    {"limit": 50, "cameo": "19", "min_confidence": 0.5},
    {"limit": 50, "root": "04", "sort": "-mentions"},
]
SERIES = [("CHN", "IND", "week"), ("USA", "PAK", "week"), ("IND", "PAK", "month"), ("RUS", "UKR", "month")]


def build(path: Path, n: int, batch: int) -> None:
    t0 = time.perf_counter()
    last = [t0]

    def progress(rep: object) -> None:
        now = time.perf_counter()
        if now - last[0] > 20:
            last[0] = now
            print(f"  ... {getattr(rep, 'mentions_added', 0):,} events stored, {now - t0:.0f} s", file=sys.stderr)

    tmp = path.with_suffix(".building")
    tmp.unlink(missing_ok=True)
    with Store(tmp) as st:
        rep = st.add_coded(bench_stream(n), batch_size=batch, progress=progress)
        counts = st.counts()
    tmp.rename(path)
    print(f"built {path}: {rep.mentions_added:,} events ({counts['events']:,} after de-duplication) "
          f"in {time.perf_counter() - t0:.0f} s", file=sys.stderr)


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "detente.cli", "serve", "--db", str(db), "--host", HOST, "--port", str(port),
           "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited: {proc.stderr.read().decode() if proc.stderr else ''}")
        try:
            if httpx.get(f"http://{HOST}:{port}/api/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("the server did not answer within 60 s")


def load(base: str, paths: list[tuple[str, dict[str, object]]], requests: int, seconds: float,
         clients: int) -> dict[str, float]:
    """Up to ``requests`` requests or ``seconds`` seconds, whichever ends first, from ``clients`` threads."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    counter = itertools.count()
    deadline = time.perf_counter() + seconds

    def worker() -> None:
        with httpx.Client(base_url=base, timeout=30) as c:
            while True:
                i = next(counter)
                if i >= requests or time.perf_counter() > deadline:
                    return
                path, params = paths[i % len(paths)]
                t0 = time.perf_counter()
                r = c.get(path, params=params)  # type: ignore[arg-type]
                dt_ = time.perf_counter() - t0
                with lock:
                    latencies.append(dt_)
                    if r.status_code != 200:
                        errors[0] += 1

    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    lat = sorted(latencies)
    q = statistics.quantiles(lat, n=100, method="inclusive") if len(lat) > 1 else lat * 99
    return {"requests": len(lat), "errors": errors[0], "seconds": wall, "rps": len(lat) / wall,
            "p50_ms": q[49] * 1000, "p99_ms": q[98] * 1000, "max_ms": lat[-1] * 1000}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--batch", type=int, default=2000, help="articles per transaction while building")
    ap.add_argument("--db", help=f"store to use (default: {OUT}/api_load-<events>.duckdb, built if missing)")
    ap.add_argument("--requests", type=int, default=2000, help="at most this many requests per endpoint")
    ap.add_argument("--seconds", type=float, default=20.0, help="at most this long per endpoint")
    ap.add_argument("--clients", type=int, default=4, help="concurrent client threads")
    args = ap.parse_args(argv)

    db = Path(args.db) if args.db else OUT / f"api_load-{args.events}.duckdb"
    if not db.exists():
        db.parent.mkdir(parents=True, exist_ok=True)
        print(f"building a store of {args.events:,} synthetic events in {db} (once) ...", file=sys.stderr)
        build(db, args.events, args.batch)
    with Store(db, read_only=True) as st:
        counts = st.counts()
    port = free_port()
    proc = start_server(db, port)
    base = f"http://{HOST}:{port}"
    try:
        events = [("/api/events", q) for q in EVENTS_QUERIES]
        series = [(f"/api/dyads/{a}/{b}/series", {"by": by}) for a, b, by in SERIES]
        for paths in (events, series):                           # warm-up: caches, first-query costs
            load(base, paths, 2 * len(paths), 30, 1)
        print(f"store: {counts['events']:,} events, {counts['mentions']:,} mentions ({db}); server on {base}; "
              f"{args.clients} client threads; each endpoint at most {args.requests} requests / {args.seconds:g} s; "
              f"{os.cpu_count()} cores shared by server and clients")
        print(f"{'endpoint':<34} {'requests':>8} {'errors':>6} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
        for name, paths in (("GET /api/events (6 filter mixes)", events),
                            ("GET /api/dyads/{a}/{b}/series", series)):
            r = load(base, paths, args.requests, args.seconds, args.clients)
            print(f"{name:<34} {r['requests']:>8} {r['errors']:>6} {r['rps']:>8.1f} {r['p50_ms']:>8.1f} "
                  f"{r['p99_ms']:>8.1f} {r['max_ms']:>8.1f}")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
