"""Command-line subcommands of the event store (ingest, dyad, top, export, sql): parse, call the
library (:class:`detente.store.Store`, :mod:`detente.analysis`), print."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

DB_HELP = "the store's DuckDB file (default: detente.duckdb)"


def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default="detente.duckdb", help=DB_HELP)


def _range(p: argparse.ArgumentParser) -> None:
    from .cli import date_arg

    p.add_argument("--since", type=date_arg, help="first event date (YYYY-MM-DD)")
    p.add_argument("--until", type=date_arg, help="last event date (YYYY-MM-DD)")


def ingest_cli(args: argparse.Namespace) -> int:
    if args.cluster:  # scale-out on Dask: detente.scale
        from .scale.cli import ingest_cli as ingest_on_cluster

        return ingest_on_cluster(args)
    from .cli import make_coder
    from .store import DedupConfig, Store

    coder = make_coder(args, processes=args.processes)
    quiet = args.quiet

    def progress(rep: Any) -> None:
        if not quiet:
            print(f"detente: batch {rep.batches} committed: {rep.articles_added} articles, "
                  f"{rep.mentions_added} mentions, {rep.events_added} events so far", file=sys.stderr, flush=True)

    with Store(args.db, dedup=DedupConfig(window_days=args.window)) as store:
        rep = store.ingest(args.inputs, coder=coder, date=args.date, max_chars=args.max_chars,
                           batch_size=args.batch_size, progress=progress)
        for r in rep.reject_list:
            where = f"{r.origin}:{r.line}" if r.line else r.origin
            print(f"detente: rejected {where}: {r.reason}", file=sys.stderr)
        counts = store.counts()
    print(f"detente: {rep.summary()}", file=sys.stderr)
    print(f"detente: {args.db} holds {counts['articles']} articles, {counts['events']} events, "
          f"{counts['mentions']} mentions, {counts['rejects']} rejects", file=sys.stderr)
    return 0


def dyad_cli(args: argparse.Namespace) -> int:
    from .store import Store

    with Store(args.db, read_only=True) as store:
        rep = store.dyad_report(args.a, args.b, args.by, undirected=args.undirected, since=args.since,
                                until=args.until, min_shift=args.min_shift)
    if args.json:
        table = rep.table.assign(period=[p.isoformat() for p in rep.table["period"]])
        print(json.dumps({"dyad": rep.title, "table": json.loads(table.to_json(orient="records")),
                          "shifts": [s.as_dict() for s in rep.shifts]}, indent=2))
    else:
        print(rep.render())
    if args.plot:
        from .analysis.plot import plot_dyad

        plot_dyad(rep, args.plot)
        print(f"detente: chart written to {args.plot}", file=sys.stderr)
    return 0


def top_cli(args: argparse.Namespace) -> int:
    from .store import Store

    with Store(args.db, read_only=True) as store:
        rep = store.top(since=args.since, until=args.until, n=args.n, by=args.by, undirected=args.undirected)
    print(rep.render())
    return 0


def export_cli(args: argparse.Namespace) -> int:
    from .store import Store

    with Store(args.db, read_only=True) as store:
        n = store.export(args.format, args.out if args.out else sys.stdout, since=args.since, until=args.until)
    print(f"detente: {n} rows written ({args.format}) to {args.out or 'standard output'}", file=sys.stderr)
    return 0


def sql_cli(args: argparse.Namespace) -> int:
    from .store import Store

    with Store(args.db, read_only=True) as store:
        df = store.sql(args.query)
    if args.format == "csv":
        df.to_csv(sys.stdout, index=False)
    elif args.format == "json":
        print(df.to_json(orient="records", date_format="iso"))
    else:
        print(df.to_string(index=False) if len(df) else "(no rows)")
    return 0


def register(sub: Any) -> None:
    """Add the store's subcommands to the `detente` argument parser."""
    from .cli import add_coder_args, date_arg

    i = sub.add_parser("ingest", help="code inputs and add what is new to the event store (safe to re-run)")
    i.add_argument("inputs", nargs="+", help="files, folders, or - for standard input (as `detente code` reads)")
    _db(i)
    i.add_argument("--date", type=date_arg, help="publication date of all inputs (YYYY-MM-DD)")
    i.add_argument("--max-chars", type=int, default=1_000_000, help="reject articles longer than this")
    i.add_argument("--batch-size", type=int, default=64, help="articles per transaction (default 64)")
    i.add_argument("--window", type=int, default=1, help="de-duplication date window in ±days (default 1)")
    i.add_argument("--processes", type=int, default=1, help="spaCy worker processes (default 1)")
    i.add_argument("--quiet", "-q", action="store_true", help="no per-batch progress lines")
    add_coder_args(i)
    __import__("detente.scale.cli", fromlist=["add_cluster_args"]).add_cluster_args(i)  # --cluster
    i.set_defaults(func=ingest_cli)

    d = sub.add_parser("dyad", help="a dyad's relations by period: QuadClass counts, Goldstein, shifts")
    d.add_argument("a", help="first (source) actor: country code (CHN) or full actor code (CHNGOV)")
    d.add_argument("b", help="second (target) actor")
    _db(d)
    d.add_argument("--by", choices=("day", "week", "month"), default="month")
    d.add_argument("--undirected", action="store_true", help="count both directions, A->B and B->A")
    _range(d)
    d.add_argument("--min-shift", type=float, default=None,
                   help="smallest shift of the Goldstein mean to report (default 1.5)")
    d.add_argument("--plot", metavar="PNG", help="also draw the chart to this PNG file")
    d.add_argument("--json", action="store_true", help="print the table and shifts as JSON")
    d.set_defaults(func=dyad_cli)

    t = sub.add_parser("top", help="dyads ranked by volume, by conflict and by their latest shift")
    _db(t)
    _range(t)
    t.add_argument("--n", type=int, default=10, help="dyads per ranking (default 10)")
    t.add_argument("--by", choices=("day", "week", "month"), default="week", help="period of the shift series")
    t.add_argument("--undirected", action="store_true", help="merge A->B and B->A")
    t.set_defaults(func=top_cli)

    e = sub.add_parser("export", help="write the stored events as GDELT, mentions, PLOVER, CSV or Parquet")
    _db(e)
    e.add_argument("--format", "-f", choices=("gdelt", "mentions", "plover", "csv", "parquet"), required=True)
    e.add_argument("--out", "-o", help="output file (default: standard output; parquet needs a file)")
    _range(e)
    e.set_defaults(func=export_cli)

    q = sub.add_parser("sql", help="run one read-only SQL query (SELECT) against the store")
    q.add_argument("query", help='e.g. "select quad_class, count(*) from events group by 1"')
    _db(q)
    q.add_argument("--format", "-f", choices=("table", "csv", "json"), default="table")
    q.set_defaults(func=sql_cli)
