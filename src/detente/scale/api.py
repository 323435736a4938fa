"""The two distributed commands as library calls: ingest into the event store, and code to a file."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..models import Reject
from ..output import output_format, parquet_target, write_parquet
from .plan import Partition, ReadSettings, plan_partitions
from .runner import Merge, ScaleReport, open_client, run_partitions
from .worker import CoderSpec, PartResult

Progress = Callable[[PartResult, ScaleReport], None]

def default_work_dir(target: str | None) -> str:
    """Where shards and the manifest go: ``<db or out>.shards`` beside the target."""
    if not target or target == "-":
        return "detente.shards"
    return f"{target}.shards"


def _date_str(date: dt.date | str | None) -> str | None:
    return date.isoformat() if isinstance(date, dt.date) else date


def _validate(date: dt.date | str | None, max_chars: int) -> None:
    from ..ingest import read_inputs

    read_inputs([], date=date, max_chars=max_chars)  # raises InputError now, not on a worker


@dataclass
class DistributedRun:
    """A planned run: its partitions, settings and work folder. ``code`` runs it on a client."""

    inputs: list[str]
    parts: list[Partition]
    settings: ReadSettings
    work_dir: str

    @classmethod
    def prepare(cls, inputs: Sequence[str], *, coder: CoderSpec | None = None, date: dt.date | str | None = None,
                max_chars: int = 1_000_000, work_dir: str | Path, partition_bytes: int | None = None
                ) -> DistributedRun:
        _validate(date, max_chars)
        spec = coder or CoderSpec()
        spec = CoderSpec(model=spec.model, actor_files=tuple(os.path.abspath(f) for f in spec.actor_files),
                         verb_files=tuple(os.path.abspath(f) for f in spec.verb_files), use_model=spec.use_model,
                         batch_size=spec.batch_size, prefilter=spec.prefilter)
        settings = ReadSettings(coder=spec, date=_date_str(date), max_chars=max_chars)
        return cls(list(inputs), plan_partitions(list(inputs), partition_bytes), settings, str(Path(work_dir).resolve()))

    def code(self, client: Any, progress: Progress | None = None) -> tuple[Merge, ScaleReport]:
        report = run_partitions(client, self.parts, self.settings, self.work_dir, progress)
        return Merge(self.parts, report), report


def ingest_distributed(inputs: Sequence[str], db: str | Path, *, cluster: str = "local", workers: int | None = None,
                       client: Any = None, coder: CoderSpec | None = None, date: dt.date | str | None = None,
                       max_chars: int = 1_000_000, batch_size: int = 64, window_days: int = 1,
                       work_dir: str | Path | None = None, partition_bytes: int | None = None,
                       progress: Progress | None = None, store_progress: Callable[[Any], None] | None = None
                       ) -> tuple[Any, ScaleReport]:
    """Code ``inputs`` on a Dask cluster and add them to the store at ``db`` through the same
    de-duplication as :meth:`Store.ingest`; returns the store's IngestReport and the ScaleReport.

    ``client`` (a ``distributed.Client``) is used as it is; otherwise ``cluster`` (``local`` or a
    scheduler address) is opened for the run and closed before the merge.
    """
    from ..store import DedupConfig, Store

    run = DistributedRun.prepare(inputs, coder=coder, date=date, max_chars=max_chars,
                                 work_dir=work_dir or default_work_dir(str(db)), partition_bytes=partition_bytes)
    ctx = nullcontext(client) if client is not None else open_client(cluster, workers)
    with ctx as cl:
        merge, report = run.code(cl, progress)
    with Store(db, dedup=DedupConfig(window_days=window_days)) as store:
        rep = store.add_coded(merge.coded(), rejects=merge.rejects(), batch_size=batch_size,
                              progress=store_progress, inputs=list(inputs), command="ingest")
    return rep, report


@dataclass
class CodeSummary:
    """What ``code_distributed`` wrote."""

    events: int
    rejects: list[Reject]
    out: str
    format: str
    renamed: int


def code_distributed(inputs: Sequence[str], out: str | None, *, fmt: str = "jsonl", cluster: str = "local",
                     workers: int | None = None, client: Any = None, coder: CoderSpec | None = None,
                     date: dt.date | str | None = None, max_chars: int = 1_000_000,
                     work_dir: str | Path | None = None, partition_bytes: int | None = None,
                     progress: Progress | None = None) -> tuple[CodeSummary, ScaleReport]:
    """Code ``inputs`` on a Dask cluster and write all events, in input order, to ``out``: Parquet
    for a ``.parquet`` file, else ``fmt`` (jsonl, csv, plover; None or ``-`` is standard output)."""
    kind = output_format(out, fmt)
    if kind == "parquet":
        parquet_target(out)  # refuse standard output before anything is coded
    run = DistributedRun.prepare(inputs, coder=coder, date=date, max_chars=max_chars,
                                 work_dir=work_dir or default_work_dir(out), partition_bytes=partition_bytes)
    ctx = nullcontext(client) if client is not None else open_client(cluster, workers)
    with ctx as cl:
        merge, report = run.code(cl, progress)
    rejects = merge.rejects()
    events = (ev for _, evs in merge.coded() for ev in evs)
    if kind == "parquet":
        assert out is not None
        n = write_parquet(events, out)
    else:
        n = write_text(events, out, kind)
    return CodeSummary(events=n, rejects=rejects, out=out or "-", format=kind, renamed=merge.renamed), report


def write_text(events: Any, out: str | None, fmt: str) -> int:
    from ..output import EventWriter

    ctx: Any = open(out, "w", encoding="utf-8", newline="") if out and out != "-" else nullcontext(sys.stdout)  # noqa: SIM115
    with ctx as fh:
        writer = EventWriter(fh, fmt)
        writer.write(events)
        writer.close()
        return writer.count
