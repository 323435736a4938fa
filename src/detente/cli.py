"""Command line: thin wrappers that parse arguments and call the library."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
from collections.abc import Iterator, Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import IO, Any

from . import __version__
from .errors import DetenteError


def date_arg(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2025-03-07") from None


def add_coder_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--no-prefilter", action="store_true",
                   help="parse every sentence (by default sentences with no trigger word are not parsed)")
    p.add_argument("--classifier", action="store_true",
                   help="also consult the learned event classifier (experimental; see docs/classifier.md)")
    p.add_argument("--model", help="spaCy pipeline to load (default: DETENTE_MODEL, then any installed en_core_web_*)")
    p.add_argument("--actors", action="append", default=[], metavar="FILE",
                   help="extra actor dictionary (detente TSV or PETRARCH format); repeatable")
    p.add_argument("--verbs", action="append", default=[], metavar="FILE",
                   help="extra trigger lexicon (detente .lex or PETRARCH verbs); repeatable")


def make_coder(args: argparse.Namespace, **kw: Any) -> Any:
    from .nlp import load_nlp, model_description
    from .pipeline import Coder

    nlp = load_nlp(args.model)
    if not getattr(args, "quiet", False):
        print(f"detente: using spaCy model {model_description(nlp)}", file=sys.stderr)
    return Coder(nlp=nlp, actor_files=args.actors, verb_files=args.verbs, use_model=args.classifier, prefilter=not args.no_prefilter, **kw)


# ---------------------------------------------------------------- code


def code_cli(args: argparse.Namespace) -> int:
    if args.cluster:  # scale-out on Dask: detente.scale
        from .scale.cli import code_cli as code_on_cluster

        return code_on_cluster(args)
    from .ingest import default_rejects_path, read_inputs, write_rejects
    from .models import Event, Reject
    from .output import EventWriter, output_format, write_parquet

    kind = output_format(args.out, args.format)  # parquet only for an --out file named *.parquet
    coder = make_coder(args, processes=args.processes, batch_size=args.batch_size)
    rejects: list[Reject] = []

    def articles() -> Any:
        for item in read_inputs(args.inputs, date=args.date, max_chars=args.max_chars):
            if isinstance(item, Reject):
                rejects.append(item)
                where = f"{item.origin}:{item.line}" if item.line else item.origin
                print(f"detente: rejected {where}: {item.reason}", file=sys.stderr)
                continue
            yield item

    show = sys.stderr.isatty() and not args.quiet
    progress: Any = None
    task: Any = None

    def events() -> Iterator[Event]:
        nonlocal progress, task
        for n, (_, evs) in enumerate(coder.code_stream(articles()), 1):
            yield from evs
            if show and progress is None and n > PROGRESS_AFTER:
                # a bar only once the input is more than a few articles
                progress = _progress()
                progress.start()
                task = progress.add_task("coding", total=None, completed=n)
            if progress is not None:
                progress.update(task, completed=n, description=f"coding: {coder.stats.events} events")

    try:
        if kind == "parquet":
            write_parquet(events(), args.out)  # a temporary file renamed at the end
        else:
            out_ctx: Any = open(args.out, "w", encoding="utf-8", newline="") if args.out else nullcontext(sys.stdout)  # noqa: SIM115
            with out_ctx as fh:
                writer = EventWriter(fh, kind)
                writer.write(events())
                writer.close()
    finally:
        if progress is not None:
            progress.stop()
    stats = coder.stats.finish()
    stats.rejects = len(rejects)
    if rejects:
        rpath = args.rejects or default_rejects_path(args.out)
        write_rejects(rpath, rejects)
        print(f"detente: {len(rejects)} rejected input(s) written to {rpath}", file=sys.stderr)
    if not args.quiet:
        print(_summary(stats.as_dict()), file=sys.stderr)
    return 0


PROGRESS_AFTER = 3  # articles coded before a progress bar appears


def _progress() -> Any:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=None, transient=True)


def _summary(d: dict[str, Any]) -> str:
    return (f"detente: {d['articles']} articles, {d['sentences']} sentences, {d['events']} events, "
            f"{d['rejects']} rejects, {d['seconds']:.1f} s, {d['words_per_second']:.0f} words/s")


# ---------------------------------------------------------------- demo, explain, eval


def print_table(events: Sequence[Any], out: IO[str] | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, title=f"{len(events)} events")
    for col in ("sent", "source", "target", "CAMEO", "PLOVER", "Goldstein", "date", "flags", "conf", "trigger"):
        table.add_column(col, overflow="fold")
    for e in events:
        src = (e.source.code or f"? {e.source.text}") if e.source else "-"
        tgt = (e.target.code or f"? {e.target.text}") if e.target else "-"
        table.add_row(str(e.sentence_index), src, tgt, f"{e.cameo} {e.cameo_name}", e.plover_event or "-",
                      f"{e.goldstein:+.1f}", f"{e.date.value or '-'} ({e.date.precision})",
                      ",".join(e.flags.names()) or "-", f"{e.confidence:.2f}", e.trigger.text)
    Console(file=out or sys.stdout, width=160).print(table)


def demo_cli(args: argparse.Namespace) -> int:
    from .demo import load_demo_article

    article = load_demo_article()
    coder = make_coder(args)
    events = coder.code_batch([article])[0]
    print(f"{article.title} ({article.source}, {article.date})\n")
    print_table(events)
    return 0


def explain_cli(args: argparse.Namespace) -> int:
    from .explain import explain, render

    coder = make_coder(args)
    ex = explain(args.sentence, args.date, coder)
    if args.json:
        print(json.dumps(ex.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(render(ex))
    return 0


def eval_cli(args: argparse.Namespace) -> int:
    from .evaluate import evaluate, read_gold

    gold = read_gold(args.gold)
    coder = make_coder(args)
    report = evaluate(gold, coder.code_batch, pentaclass_scheme=args.pentaclass_scheme)
    print(report.render(by_source=args.by_source))
    if args.report:
        Path(args.report).parent.mkdir(parents=True, exist_ok=True)
        Path(args.report).write_text(json.dumps(report.to_dict(), indent=2, ensure_ascii=False), encoding="utf-8")
        print(f"detente: report written to {args.report}", file=sys.stderr)
    return 0


# ---------------------------------------------------------------- entry point


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="detente", description="Political event data from news text (CAMEO, PLOVER).")
    p.add_argument("--version", action="version", version=f"detente {__version__}")
    p.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    sub = p.add_subparsers(dest="command", required=True)

    d = sub.add_parser("demo", help="code the bundled sample article and print its events")
    add_coder_args(d)
    d.set_defaults(func=demo_cli)

    c = sub.add_parser("code", help="code files, folders, JSONL, HTML, RSS/Atom or stdin ('-') into events")
    c.add_argument("inputs", nargs="+", help="files, folders, or - for standard input")
    c.add_argument("--out", "-o", help="output file (default: standard output); a .parquet file is written "
                   "as Parquet (the CSV columns plus event_json)")
    c.add_argument("--format", "-f", choices=("jsonl", "csv", "plover"), default="jsonl")
    c.add_argument("--date", type=date_arg, help="publication date of all inputs (YYYY-MM-DD); overrides their own")
    c.add_argument("--rejects", help="where rejected inputs go (default: beside the output)")
    c.add_argument("--max-chars", type=int, default=1_000_000, help="reject articles longer than this (default 1,000,000)")
    c.add_argument("--processes", type=int, default=1, help="spaCy worker processes (default 1)")
    c.add_argument("--batch-size", type=int, default=64)
    c.add_argument("--quiet", "-q", action="store_true", help="no progress bar or summary")
    add_coder_args(c)
    __import__("detente.scale.cli", fromlist=["add_cluster_args"]).add_cluster_args(c)  # --cluster
    c.set_defaults(func=code_cli)

    e = sub.add_parser("explain", help="show tokens, actors, triggers and events for one sentence")
    e.add_argument("sentence")
    e.add_argument("--date", type=date_arg, help="publication date (YYYY-MM-DD)")
    e.add_argument("--json", action="store_true", help="print the explanation as JSON")
    add_coder_args(e)
    e.set_defaults(func=explain_cli)

    v = sub.add_parser("eval", help="score the coder against a gold file (PETRARCH XML, five-class TSV, PLOVER JSON)")
    v.add_argument("gold")
    v.add_argument("--report", help="write the full report as JSON here")
    v.add_argument("--pentaclass-scheme", default="phoenix", metavar="SCHEME",
                   help="how CAMEO roots map to a five-class gold file's labels: 'phoenix' (default; appeals "
                        "with statements, reduced relations as verbal conflict), 'roots' (01/02-05/06-08/"
                        "09-13/14-20), or a root<TAB>class file")
    v.add_argument("--by-source", action="store_true",
                   help="also score sentences by who chose the main event's code (lexicon, model, both)")
    add_coder_args(v)
    v.set_defaults(func=eval_cli)

    from .store_cli import register as register_store

    register_store(sub)
    __import__("detente.web.cli", fromlist=["register"]).register(sub)  # `detente serve`
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(name)s: %(message)s")
    try:
        return int(args.func(args))
    except DetenteError as exc:
        print(f"detente: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
