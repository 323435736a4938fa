"""What runs on a worker: the coder, loaded once per process, and one partition coded into one
Parquet shard, written atomically (temporary file, fsync, rename)."""

from __future__ import annotations

import contextlib
import inspect
import io
import json
import os
import resource
import signal
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import PartitionChangedError
from ..ingest.core import _date_argument, _Run
from ..ingest.readers import read_json_lines
from ..models import Article, Event, Reject
from .plan import Partition, ReadSettings, range_digest

SHARD_VERSION = 1
KILL_ENV = "DETENTE_SCALE_KILL_AT"
"""Fault injection for the tests: ``INDEX:MARKER`` makes the worker coding partition INDEX SIGKILL
itself after writing part of its temporary shard, unless the file MARKER exists (it creates it
first, so only the first attempt dies)."""

SHARD_COLUMNS = ("seq", "kind", "wanted_id", "article_id", "n_events", "item_json", "events_json")


@dataclass(frozen=True)
class CoderSpec:
    """How to build the :class:`~detente.pipeline.Coder` on a worker (picklable, hashable).

    A field left None keeps the Coder's own default; ``prefilter`` is passed on only to a Coder that
    takes it. User dictionaries must be readable on the workers (absolute paths on a shared file system).
    """

    model: str | None = None
    actor_files: tuple[str, ...] = ()
    verb_files: tuple[str, ...] = ()
    use_model: bool | None = None
    batch_size: int | None = None
    prefilter: bool | None = None

    def build(self) -> Any:
        from ..pipeline import Coder

        kw: dict[str, Any] = {"model": self.model, "actor_files": list(self.actor_files),
                              "verb_files": list(self.verb_files)}
        if self.use_model is not None:
            kw["use_model"] = self.use_model
        if self.batch_size is not None:
            kw["batch_size"] = self.batch_size
        if self.prefilter is not None and supports_prefilter():
            kw["prefilter"] = self.prefilter
        return Coder(**kw)


def supports_prefilter() -> bool:
    """Whether this detente's Coder takes ``prefilter=``."""
    from ..pipeline import Coder

    return "prefilter" in inspect.signature(Coder).parameters


_CODERS: dict[CoderSpec, Any] = {}
_LOAD_LOCK = threading.Lock()
_TASK_LOCK = threading.Lock()  # one partition at a time per process: the Coder keeps state


def get_coder(spec: CoderSpec) -> Any:
    """The process's Coder for ``spec``, built on first use and then reused by every task."""
    with _LOAD_LOCK:
        coder = _CODERS.get(spec)
        if coder is None:
            coder = _CODERS[spec] = spec.build()
        return coder


WARM_UP_TEXT = "Chinese and Indian diplomats met in Beijing on 3 March 2025 and agreed to resume talks."


def warm_up(spec: CoderSpec) -> tuple[int, int]:
    """Build the process's Coder now (the worker plugin's setup) and code one sentence, so that what
    loads lazily (date parsing data, the parser's buffers) is loaded before the first partition;
    returns :func:`memory` after it."""
    coder = get_coder(spec)
    with _TASK_LOCK:
        stats = coder.stats
        saved = (stats.articles, stats.sentences, stats.events, stats.words)
        coder.code_batch([Article(id="warm-up", text=WARM_UP_TEXT)])
        stats.articles, stats.sentences, stats.events, stats.words = saved
    return memory()


def loaded_coders() -> int:
    """How many Coders this process has built (the tests check that it is one per worker)."""
    return len(_CODERS)


@dataclass
class PartResult:
    """What coding one partition produced, as the worker reports it (and the manifest records it)."""

    index: int
    key: str
    fingerprint: str
    shard: str
    articles: int = 0
    rejects: int = 0
    events: int = 0
    sentences: int = 0
    words: int = 0
    seconds: float = 0.0
    pid: int = 0
    host: str = ""
    rss: int = 0
    peak_rss: int = 0
    model: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


class _PartRun(_Run):
    """The ingest reader's per-run state, remembering the id each article asked for, so that the
    merge can hand out ids unique over the whole run exactly as a single reader does."""

    def __init__(self, settings: ReadSettings) -> None:
        super().__init__(_date_argument(settings.date), settings.max_chars, None)
        self.wanted: list[str] = []

    def unique_id(self, wanted: str) -> str:
        self.wanted.append(wanted)
        return super().unique_id(wanted)


def read_partition(part: Partition, run: _PartRun) -> Iterator[Article | Reject]:
    """The articles and rejects of one partition, in order, as ``read_inputs`` yields them."""
    if part.kind == "path":
        with _cwd(part.cwd):
            yield from run.items([part.origin])
        return
    with open(part.path, "rb") as fh:
        fh.seek(part.start)
        data = fh.read(part.end - part.start)
    if range_digest(data) != part.digest:
        raise PartitionChangedError(f"{part.label()}: the file changed after the run was planned; "
                                    "run the command again to plan it afresh")
    lines = enumerate(io.BytesIO(data), part.first_line)
    for item in read_json_lines(lines, part.origin, Path(part.origin).stem):
        yield item if isinstance(item, Reject) else run.finish(item)


@contextlib.contextmanager
def _cwd(folder: str) -> Iterator[None]:
    here = os.getcwd()
    if here == folder:
        yield
        return
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(here)


def shard_name(part: Partition, fingerprint: str) -> str:
    return f"part-{part.index:06d}-{fingerprint or 'nofp-' + uuid.uuid4().hex[:8]}.parquet"


def code_partition(part: Partition, settings: ReadSettings, fingerprint: str, shard_dir: str) -> PartResult:
    """Code one partition into ``shard_dir``; the task that runs on a worker."""
    import pyarrow as pa

    t0, cpu0, proc0 = time.perf_counter(), time.thread_time(), time.process_time()
    coder = get_coder(settings.coder)
    with _TASK_LOCK:
        stats = coder.stats
        before = (stats.sentences, stats.words)
        run = _PartRun(settings)
        rows: list[tuple[Any, ...]] = []
        seq = 0
        wanted_at: list[int] = []

        def articles() -> Iterator[Article]:
            nonlocal seq
            for item in read_partition(part, run):
                if isinstance(item, Reject):
                    rows.append((seq, "reject", None, None, 0, item.model_dump_json(), None))
                else:
                    wanted_at.append(seq)
                    yield item
                seq += 1

        n_events = 0
        for n, (article, events) in enumerate(coder.code_stream(articles())):
            rows.append((wanted_at[n], "article", run.wanted[n], article.id, len(events), article.model_dump_json(),
                         "[" + ",".join(ev.model_dump_json() for ev in events) + "]"))
            n_events += len(events)
        rows.sort(key=lambda r: r[0])
        cols = list(zip(*rows, strict=True)) if rows else [()] * len(SHARD_COLUMNS)
        types = (pa.int64(), pa.string(), pa.string(), pa.string(), pa.int32(), pa.string(), pa.string())
        table = pa.table({c: pa.array(list(v), type=t) for c, v, t in zip(SHARD_COLUMNS, cols, types, strict=True)})
        name = shard_name(part, fingerprint)
        meta = {"detente_shard": str(SHARD_VERSION), "partition": part.key, "fingerprint": fingerprint}
        write_atomic(table.replace_schema_metadata(meta), Path(shard_dir) / name, fault_index=part.index)
        result = PartResult(
            index=part.index, key=part.key, fingerprint=fingerprint, shard=name,
            articles=len(run.wanted), rejects=sum(1 for r in rows if r[1] == "reject"), events=n_events,
            sentences=stats.sentences - before[0], words=stats.words - before[1],
            pid=os.getpid(), host=os.uname().nodename, model=_model_name(coder))
    result.seconds = time.perf_counter() - t0
    # CPU seconds of the task's thread, and of the whole worker process (its Dask threads included)
    result.extra = {"cpu_seconds": time.thread_time() - cpu0, "process_cpu_seconds": time.process_time() - proc0}
    result.rss, result.peak_rss = memory()
    return result


def write_atomic(table: Any, dest: Path, fault_index: int | None = None) -> None:
    """Write ``table`` as Parquet to ``dest``: a temporary file beside it, fsync, then rename, so a
    reader (or a rerun) sees either the whole shard or none."""
    import pyarrow.parquet as pq

    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with open(tmp, "wb") as fh:
            pq.write_table(table, fh, compression="zstd")
            fh.flush()
            _fault(fault_index, fh)
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def set_fault(spec: str | None) -> None:
    """Arm (``INDEX:MARKER``) or disarm (None) the fault injection in this process; the tests call it
    on every worker with ``client.run``."""
    if spec is None:
        os.environ.pop(KILL_ENV, None)
    else:
        os.environ[KILL_ENV] = spec


def _fault(index: int | None, fh: Any) -> None:
    spec = os.environ.get(KILL_ENV)
    if not spec or index is None:
        return
    at, _, marker = spec.partition(":")
    if at != str(index) or not marker or os.path.exists(marker):
        return
    Path(marker).write_text(str(os.getpid()), encoding="utf-8")
    fh.truncate(max(0, fh.tell() // 2))  # leave a torn temporary file behind, as a real crash would
    fh.flush()
    os.kill(os.getpid(), signal.SIGKILL)


def memory() -> tuple[int, int]:
    """Resident set size of this process now and at its peak, in bytes."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kilobytes on Linux
    try:
        import psutil

        now = int(psutil.Process().memory_info().rss)
    except Exception:  # psutil comes with distributed; without it report the peak only
        now = 0
    return now, peak


def _model_name(coder: Any) -> str:
    meta = getattr(getattr(coder, "nlp", None), "meta", {}) or {}
    return f"{meta.get('detente_model', meta.get('name', ''))} {meta.get('version', '')}".strip()


# ---------------------------------------------------------------- reading shards back


def read_shard(path: str | Path) -> Iterator[tuple[str, Article, list[Event]] | Reject]:
    """The items of a shard in input order: ``(wanted id, Article, events)`` or a Reject."""
    import pyarrow.parquet as pq
    from pydantic import TypeAdapter

    events_of = TypeAdapter(list[Event])
    pf = pq.ParquetFile(path)
    for batch in pf.iter_batches(batch_size=1024, columns=["kind", "wanted_id", "item_json", "events_json"]):
        d = batch.to_pydict()
        for kind, wanted, item, evs in zip(d["kind"], d["wanted_id"], d["item_json"], d["events_json"], strict=True):
            if kind == "reject":
                yield Reject.model_validate_json(item)
            else:
                yield wanted, Article.model_validate_json(item), events_of.validate_json(evs)


def read_shard_rejects(path: str | Path) -> list[Reject]:
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    table = pq.read_table(path, columns=["kind", "item_json"])
    rows = table.filter(pc.equal(table["kind"], "reject"))["item_json"].to_pylist()
    return [Reject.model_validate(json.loads(r)) for r in rows]
