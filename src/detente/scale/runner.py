"""The driver of a distributed run: connect to (or start) a Dask cluster, code the partitions that
are not finished yet, record each in the manifest as it finishes, then merge the shards in input
order, with ids made unique over the whole run exactly as a single-process read makes them."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ScaleError
from ..ingest.core import _Run
from ..models import Article, Event, Reject
from .manifest import Manifest, stale_files
from .plan import Partition, ReadSettings
from .worker import PartResult, code_partition, read_shard, read_shard_rejects, warm_up

PLUGIN_NAME = "detente-coder"
CONNECT_TIMEOUT = 30.0


def _worker_plugin_class() -> type:
    from distributed import WorkerPlugin

    class CoderPlugin(WorkerPlugin):  # type: ignore[misc]
        """Loads the spaCy model and the Coder when a worker starts (or restarts), once per process."""

        def __init__(self, spec: Any) -> None:
            self.spec = spec

        def setup(self, worker: Any) -> None:
            warm_up(self.spec)

    return CoderPlugin


TRIM_VARIABLE = "MALLOC_TRIM_THRESHOLD_"
# Worker settings for a LocalCluster: each worker codes one partition at a time on one thread, and
# every other thread of the worker takes the GIL from it. Measured on one worker coding the same
# articles (wall clock over the task thread's CPU time): 6-8% with Dask's defaults, 2.5% without the
# statistical profiler (it samples the task thread's stack every 10 ms), 0.8% with the event loop's
# tick and the memory monitor at 1 s instead of 20 ms and 100 ms. The profiler only feeds the
# dashboard, which a LocalCluster started here does not serve.
QUIET_WORKERS = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1000ms",
    "distributed.worker.memory.monitor-interval": "1000ms",
}


def worker_environ() -> Any:
    """Dask config for the workers a LocalCluster spawns: :data:`QUIET_WORKERS`, and Dask's usual
    environment without ``MALLOC_TRIM_THRESHOLD_``. Setting it turns off glibc's dynamic mmap
    threshold, and spaCy then codes about a third slower per CPU-second (measured: 1,800 against
    2,700 words per CPU-second)."""
    import dask

    env = dict(dask.config.get("distributed.nanny.pre-spawn-environ", default={}) or {})
    env.pop(TRIM_VARIABLE, None)
    return dask.config.set({"distributed.nanny.pre-spawn-environ": env, **QUIET_WORKERS})


@contextlib.contextmanager
def open_client(cluster: str, workers: int | None = None, *, timeout: float = CONNECT_TIMEOUT,
                **local: Any) -> Iterator[Any]:
    """A Dask client: ``cluster="local"`` starts a LocalCluster of ``workers`` single-threaded worker
    processes on 127.0.0.1 (closed on exit); an address (``tcp://host:8786``) connects to a running
    scheduler and, if ``workers`` is given, waits until that many workers have joined."""
    from distributed import Client, LocalCluster

    if workers is not None and workers < 1:
        raise ScaleError(f"--workers must be at least 1, not {workers}")
    if cluster == "local":
        n = workers or os.cpu_count() or 1
        opts: dict[str, Any] = {"n_workers": n, "threads_per_worker": 1, "processes": True,
                                "host": "127.0.0.1", "dashboard_address": None}
        opts.update(local)
        with worker_environ(), LocalCluster(**opts) as lc, Client(lc) as client:
            yield client
        return
    if "://" not in cluster and ":" not in cluster:
        raise ScaleError(f"--cluster {cluster!r}: give `local` or a scheduler address such as tcp://host:8786")
    try:
        client = Client(cluster, timeout=timeout)
    except (OSError, TimeoutError) as exc:
        raise ScaleError(f"cannot reach the Dask scheduler at {cluster}: {exc}; start one with "
                         "`dask scheduler` (or dask-jobqueue / dask-kubernetes) and check the address") from exc
    try:
        if workers:
            try:
                client.wait_for_workers(workers, timeout=timeout * 10)
            except TimeoutError as exc:
                raise ScaleError(f"{cluster}: fewer than {workers} workers joined within "
                                 f"{timeout * 10:.0f} s") from exc
        yield client
    finally:
        client.close()


@dataclass
class ScaleReport:
    """What the distributed part of a run did."""

    work_dir: str
    partitions: int = 0
    computed: int = 0
    skipped: int = 0
    articles: int = 0
    rejects: int = 0
    events: int = 0
    sentences: int = 0
    words: int = 0
    coded_words: int = 0  # words of the partitions coded in this run (not the skipped ones)
    seconds: float = 0.0
    workers: dict[str, int] = field(default_factory=dict)  # "host:pid" -> peak RSS in bytes
    model: str = ""
    results: list[PartResult] = field(default_factory=list, repr=False)

    @property
    def words_per_second(self) -> float:
        """Words coded in this run per second of the run (planning excluded, model loading included)."""
        return self.coded_words / self.seconds if self.seconds > 0 else 0.0

    def summary(self) -> str:
        rss = max(self.workers.values(), default=0) / 2**20
        return (f"{self.partitions} partitions ({self.computed} coded, {self.skipped} already done), "
                f"{self.articles} articles, {self.events} events, {self.rejects} rejects; coded in "
                f"{self.seconds:.1f} s on {len(self.workers)} worker process(es), peak RSS per worker "
                f"{rss:.0f} MB; shards in {self.work_dir}")


def run_partitions(client: Any, parts: Sequence[Partition], settings: ReadSettings, work_dir: str | Path,
                   progress: Callable[[PartResult, ScaleReport], None] | None = None) -> ScaleReport:
    """Code every partition not finished yet on the cluster behind ``client``; record each in the
    manifest as it finishes. Raises ScaleError after the others finish if any partition failed (a rerun
    then codes only those)."""
    from distributed import as_completed

    work = Path(work_dir).resolve()
    report = ScaleReport(work_dir=str(work), partitions=len(parts))
    digest = settings.digest()
    t0 = time.perf_counter()
    with Manifest(work) as manifest:
        todo: list[tuple[Partition, str]] = []
        for part in parts:
            fp = part.fingerprint(digest)
            prev = manifest.done(part.key, fp)
            if prev is None:
                todo.append((part, fp))
            else:
                report.skipped += 1
                _count(report, prev)
        keep = manifest.shards()
        for stale in stale_files(work, keep):
            with contextlib.suppress(OSError):
                stale.unlink()
        if todo:
            client.register_plugin(_worker_plugin_class()(settings.coder), name=PLUGIN_NAME)
            futures = {client.submit(code_partition, part, settings, fp, str(work), pure=False,
                                     key=f"detente-part-{part.index}-{fp or 'x'}-{os.urandom(4).hex()}"): part
                       for part, fp in todo}
            failed: list[tuple[Partition, BaseException]] = []
            for fut in as_completed(futures):
                part = futures[fut]
                if fut.status != "finished":
                    failed.append((part, _failure(fut)))
                    continue
                res: PartResult = fut.result()
                manifest.record(res)
                report.computed += 1
                report.coded_words += res.words
                _count(report, res)
                report.workers[f"{res.host}:{res.pid}"] = max(report.workers.get(f"{res.host}:{res.pid}", 0),
                                                              res.peak_rss)
                report.model = report.model or res.model
                if progress is not None:
                    progress(res, report)
                fut.release()
            for torn in stale_files(work, manifest.shards() | {r.shard for r in report.results}):
                if torn.name.endswith(".tmp"):  # left by a worker that died while writing
                    with contextlib.suppress(OSError):
                        torn.unlink()
            if failed:
                part, exc = failed[0]
                raise ScaleError(
                    f"{len(failed)} of {len(todo)} partitions failed (first: {part.label()}: "
                    f"{type(exc).__name__}: {exc}); the {report.computed + report.skipped} finished ones are "
                    f"recorded in {manifest.path}, so running the same command again codes only the rest")
    report.seconds = time.perf_counter() - t0
    return report


def _failure(fut: Any) -> BaseException:
    try:
        exc = fut.exception()
    except BaseException as err:  # a cancelled future raises instead of returning its error
        return err
    return exc if isinstance(exc, BaseException) else ScaleError(f"task ended as {fut.status}")


def _count(report: ScaleReport, res: PartResult) -> None:
    report.results.append(res)
    report.articles += res.articles
    report.rejects += res.rejects
    report.events += res.events
    report.sentences += res.sentences
    report.words += res.words


# ---------------------------------------------------------------- merging


class Merge:
    """The run's items, shard by shard in input order, with run-wide unique article ids."""

    def __init__(self, parts: Sequence[Partition], report: ScaleReport) -> None:
        by_key = {r.key: r for r in report.results}
        missing = [p.label() for p in parts if p.key not in by_key]
        if missing:
            raise ScaleError(f"{len(missing)} partitions have no result (first: {missing[0]}); run again")
        self.work = Path(report.work_dir)
        self.shards = [self.work / by_key[p.key].shard for p in parts]
        self.renamed = 0

    def rejects(self) -> list[Reject]:
        out: list[Reject] = []
        for shard in self.shards:
            out.extend(read_shard_rejects(shard))
        return out

    def coded(self) -> Iterator[tuple[Article, list[Event]]]:
        """The coded articles in input order (what ``Coder.code_stream`` yields in one process)."""
        for item in self.items():
            if isinstance(item, tuple):
                yield item

    def items(self) -> Iterator[Article | Reject | tuple[Article, list[Event]]]:
        """Everything in input order: Rejects, and (Article, events) pairs."""
        ids = _Run(None, 1, None)
        for shard in self.shards:
            for item in read_shard(shard):
                if isinstance(item, Reject):
                    yield item
                    continue
                wanted, article, events = item
                final = ids.unique_id(wanted)
                if final != article.id:
                    article, events = renamed(article, events, final)
                    self.renamed += 1
                yield article, events


def renamed(article: Article, events: list[Event], new_id: str) -> tuple[Article, list[Event]]:
    """The article under the id the whole run gives it (an id repeated in another partition gets
    ``#2``...), with its events' ids recomputed as the coder computes them."""
    from ..events.code import event_id

    out = []
    for ev in events:
        eid = event_id(new_id, ev.sentence_index, ev.trigger, ev.cameo,
                       ev.source.code if ev.source else None, ev.target.code if ev.target else None)
        out.append(ev.model_copy(update={"id": eid, "article_id": new_id}))
    return article.model_copy(update={"id": new_id}), out
