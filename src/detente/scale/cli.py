"""The ``--cluster`` options of ``detente ingest`` and ``detente code``, and the two commands run on
a Dask cluster. The commands' parsers (store_cli.py, cli.py) only add these options and dispatch here."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .runner import ScaleReport
    from .worker import CoderSpec, PartResult


def add_cluster_args(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("scale-out on Dask (docs/scale.md)")
    g.add_argument("--cluster", metavar="local|ADDRESS",
                   help="code on Dask: `local` starts a cluster on this machine, an address such as "
                        "tcp://host:8786 uses a running scheduler")
    g.add_argument("--workers", type=int, metavar="N",
                   help="with --cluster local: worker processes (default: one per CPU); with an address: "
                        "wait until N workers have joined")
    g.add_argument("--work-dir", metavar="DIR",
                   help="shards and the manifest of finished partitions (default: <db or out>.shards); a rerun "
                        "with the same folder skips finished partitions")


def coder_spec(args: argparse.Namespace, batch_size: int | None = None) -> CoderSpec:
    from .worker import CoderSpec

    prefilter = (not args.no_prefilter) if hasattr(args, "no_prefilter") else None
    return CoderSpec(model=args.model, actor_files=tuple(args.actors), verb_files=tuple(args.verbs),
                     use_model=getattr(args, "classifier", False), batch_size=batch_size, prefilter=prefilter)


def _progress(quiet: bool) -> Any:
    def show(res: PartResult, rep: ScaleReport) -> None:
        if not quiet:
            print(f"detente: partition {rep.computed + rep.skipped}/{rep.partitions} coded "
                  f"({res.articles} articles, {res.events} events, {res.seconds:.1f} s, worker {res.pid})",
                  file=sys.stderr, flush=True)
    return show


def _print_rejects(rejects: list[Any]) -> None:
    for r in rejects:
        where = f"{r.origin}:{r.line}" if r.line else r.origin
        print(f"detente: rejected {where}: {r.reason}", file=sys.stderr)


def ingest_cli(args: argparse.Namespace) -> int:
    """``detente ingest ... --cluster``."""
    from .api import ingest_distributed

    rep, scale = ingest_distributed(
        args.inputs, args.db, cluster=args.cluster, workers=args.workers, coder=coder_spec(args),
        date=args.date, max_chars=args.max_chars, batch_size=args.batch_size, window_days=args.window,
        work_dir=args.work_dir, progress=_progress(args.quiet))
    _print_rejects(rep.reject_list)
    print(f"detente: {scale.summary()}", file=sys.stderr)
    print(f"detente: {rep.summary()}", file=sys.stderr)
    return 0


def code_cli(args: argparse.Namespace) -> int:
    """``detente code ... --cluster``."""
    from ..ingest import default_rejects_path, write_rejects
    from .api import code_distributed

    summary, scale = code_distributed(
        args.inputs, args.out, fmt=args.format, cluster=args.cluster, workers=args.workers,
        coder=coder_spec(args, args.batch_size), date=args.date, max_chars=args.max_chars,
        work_dir=args.work_dir, progress=_progress(args.quiet))
    _print_rejects(summary.rejects)
    if summary.rejects:
        rpath = args.rejects or default_rejects_path(args.out)
        write_rejects(rpath, summary.rejects)
        print(f"detente: {len(summary.rejects)} rejected input(s) written to {rpath}", file=sys.stderr)
    if not args.quiet:
        print(f"detente: {scale.summary()}", file=sys.stderr)
        print(f"detente: {summary.events} events written ({summary.format}) to {summary.out}; "
              f"{scale.words_per_second:.0f} words/s", file=sys.stderr)
    return 0
