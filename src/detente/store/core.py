"""``Store``: the DuckDB event store. Ingest (code + de-duplicate + commit per batch), query, analyse,
export."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from ..errors import StoreError
from ..models import Article, Event, Reject
from .dedup import DedupConfig
from .query import (
    EventFilter,
    check_read_only,
    dyad_condition,
    dyad_sql,
    dyads_sql,
    series_condition,
    totals_sql,
)
from .rows import article_identity, utcnow
from .schema import SCHEMA_VERSION, TABLES, current_version, migrate
from .writer import BatchCounts, BatchWriter, known_identities

DEFAULT_DB = "detente.duckdb"
DEFAULT_BATCH = 64
Item = Article | Reject


@dataclass(kw_only=True)
class IngestReport(BatchCounts):
    """What one ingest run did: the batch counts summed, and the run's own facts."""

    run_id: int
    batches: int = 0
    seconds: float = 0.0
    reject_list: list[Reject] = field(default_factory=list, repr=False)

    def add(self, c: BatchCounts) -> None:
        self.batches += 1
        super().add(c)

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("reject_list")
        return {"run_id": d.pop("run_id"), "batches": d.pop("batches"), **d}

    def summary(self) -> str:
        return (f"run {self.run_id}: {self.articles_added} new articles ({self.articles_skipped} already stored), "
                f"{self.mentions_added} mentions, {self.events_added} new events "
                f"({self.events_merged} mentions merged into existing events), {self.rejects} rejects, "
                f"{self.seconds:.1f} s")


@dataclass
class TopReport:
    """Dyads ranked three ways."""

    volume: Any      # pandas.DataFrame
    conflict: Any
    shifts: Any

    def render(self) -> str:
        out = []
        for title, df in (("busiest dyads (events)", self.volume), ("most conflictual (QuadClass 3-4 events)",
                          self.conflict), ("biggest latest shifts", self.shifts)):
            out.append(title)
            out.append(df.to_string(index=False) if len(df) else "  (none)")
            out.append("")
        return "\n".join(out).rstrip()


class Store:
    """An event store in one DuckDB file (created, or migrated to the current schema, on opening).

    >>> with Store("events.duckdb") as st:
    ...     st.ingest(["news/"], date=None)
    ...     st.dyad("CHN", "IND", by="month")
    """

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False,
                 dedup: DedupConfig | None = None) -> None:
        import duckdb

        self.path = Path(path)
        self.read_only = read_only
        self.dedup = dedup or DedupConfig()
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such database; create it with `detente ingest ... --db {self.path}`")
        config: dict[str, Any] = {"enable_external_access": False} if read_only else {}
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only, config=config)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open the database: {exc}") from exc
        try:
            if read_only:
                have = current_version(self.con)
                if have != SCHEMA_VERSION:
                    raise StoreError(f"{self.path}: schema version {have}, expected {SCHEMA_VERSION}; open it "
                                     "once for writing (e.g. `detente ingest`) to migrate it")
            else:
                migrate(self.con)
        except BaseException:
            self.con.close()
            raise

    # ---------------------------------------------------------------- basics

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def version(self) -> int:
        return current_version(self.con)

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        out = {}
        for t in TABLES:
            rows = self.con.execute(f"SELECT count(*) FROM {t}").fetchall()
            row = rows[0] if rows else None
            out[t] = int(row[0]) if row else 0
        return out

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path} is open read-only")

    # ---------------------------------------------------------------- ingest

    def ingest(self, inputs: str | Path | Iterable[str | Path] | Iterable[Item], *, coder: Any = None,
               date: dt.date | str | None = None, max_chars: int | None = None, batch_size: int = DEFAULT_BATCH,
               progress: Callable[[IngestReport], None] | None = None, command: str = "ingest") -> IngestReport:
        """Code ``inputs`` (paths as ``detente code`` reads them, or Articles) and store what is new.

        Articles already in the store (same identity) are skipped before coding; every ``batch_size``
        articles are committed in one transaction, so an interrupted run loses at most the batch in
        flight, and running it again completes it.
        """
        self._writable()
        items, names = self._items(inputs, date, max_chars)
        if coder is None:
            from ..pipeline import Coder

            coder = Coder()
        settings = {"batch_size": batch_size, "dedup": asdict(self.dedup), "date": str(date) if date else None,
                    "max_chars": max_chars}
        pending: list[Reject] = []
        skipped = [0]

        def fresh() -> Iterator[Article]:
            buf: list[Article] = []
            for item in items:
                if isinstance(item, Reject):
                    pending.append(item)
                    continue
                buf.append(item)
                if len(buf) >= batch_size:
                    yield from self._unknown(buf, skipped)
                    buf = []
            yield from self._unknown(buf, skipped)

        return self._run(command, names, settings, coder.code_stream(fresh()), pending, batch_size, progress,
                         skipped)

    def add_coded(self, items: Iterable[tuple[Article, list[Event]]], *, rejects: Sequence[Reject] = (),
                  batch_size: int = DEFAULT_BATCH, progress: Callable[[IngestReport], None] | None = None,
                  inputs: Sequence[str] = (), command: str = "add_coded") -> IngestReport:
        """Store articles that are coded already (the coder's ``code_stream`` output)."""
        self._writable()
        settings = {"batch_size": batch_size, "dedup": asdict(self.dedup)}
        return self._run(command, list(inputs), settings, iter(items), list(rejects), batch_size, progress, [0])

    def _items(self, inputs: Any, date: dt.date | str | None, max_chars: int | None) -> tuple[Iterator[Item], list[str]]:
        from ..ingest import DEFAULT_MAX_CHARS, read_inputs

        if isinstance(inputs, str | Path):
            inputs = [inputs]
        it = iter(inputs)
        first = next(it, None)
        if first is None:
            return iter(()), []
        rest = itertools.chain([first], it)
        if isinstance(first, str | Path):
            names = [str(x) for x in rest]
            return read_inputs(names, date=date, max_chars=max_chars or DEFAULT_MAX_CHARS), names
        if isinstance(first, Article | Reject):
            return rest, ["<articles>"]
        raise StoreError(f"ingest takes paths (str or Path) or Article objects, not {type(first).__name__}")

    def _unknown(self, articles: list[Article], skipped: list[int]) -> Iterator[Article]:
        """The articles not stored yet (checked in bulk, before coding)."""
        if not articles:
            return
        ids = [article_identity(a.text, a.url)[0] for a in articles]
        known = known_identities(self.con, ids)
        for a, i in zip(articles, ids, strict=True):
            if i in known:
                skipped[0] += 1
            else:
                yield a

    def _run(self, command: str, inputs: list[str], settings: dict[str, Any],
             stream: Iterator[tuple[Article, list[Event]]], pending: list[Reject], batch_size: int,
             progress: Callable[[IngestReport], None] | None, skipped: list[int]) -> IngestReport:
        if batch_size < 1:
            raise StoreError(f"batch size must be at least 1, not {batch_size}")
        from .. import __version__

        con = self.con
        started = utcnow()
        con.execute("UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
        rows = con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM runs").fetchall()
        row = rows[0] if rows else None
        run_id = int(row[0]) if row else 1
        con.execute("INSERT INTO runs (run_id, started, status, command, inputs, settings, detente_version) "
                    "VALUES (?, ?, 'running', ?, ?, ?, ?)",
                    [run_id, started, command, json.dumps(inputs), json.dumps(settings, default=str), __version__])
        report = IngestReport(run_id=run_id)
        writer = BatchWriter(con, run_id, self.dedup)
        batch: list[tuple[Article, list[Event]]] = []
        status = "failed"

        def flush() -> None:
            rejects = list(pending)
            pending.clear()
            pre = skipped[0]
            skipped[0] = 0
            counts = writer.write(batch, rejects)
            counts.articles_skipped += pre
            counts.articles_seen += pre
            if pre:
                con.execute("UPDATE runs SET articles_skipped = articles_skipped + ?, "
                            "articles_seen = articles_seen + ? WHERE run_id = ?", [pre, pre, run_id])
            report.add(counts)
            report.reject_list.extend(rejects)
            batch.clear()
            if progress is not None:
                progress(report)

        t0 = dt.datetime.now()
        try:
            for article, events in stream:
                batch.append((article, events))
                if len(batch) >= batch_size:
                    flush()
            if batch or pending or skipped[0]:
                flush()
            status = "done"
        except KeyboardInterrupt:
            status = "interrupted"
            raise
        finally:
            report.seconds = (dt.datetime.now() - t0).total_seconds()
            with contextlib.suppress(Exception):  # the error that got us here matters more
                con.execute("UPDATE runs SET status = ?, finished = ? WHERE run_id = ?", [status, utcnow(), run_id])
        return report

    # ---------------------------------------------------------------- queries

    def events(self, **filters: Any) -> Any:
        """Stored (de-duplicated) events as a pandas DataFrame; see :class:`EventFilter` for filters."""
        f = EventFilter.from_kwargs(filters)
        where, params = f.where()
        sql = f"SELECT e.* FROM events e{where} ORDER BY e.date NULLS LAST, e.event_id"
        if f.limit:
            sql += f" LIMIT {int(f.limit)}"
        return self.con.execute(sql, params).df()

    def mentions(self, event_id: int | None = None) -> Any:
        """Mentions (one row per reporting sentence) as a DataFrame, of one event or all."""
        if event_id is None:
            return self.con.execute("SELECT * FROM mentions ORDER BY mention_id").df()
        return self.con.execute("SELECT * FROM mentions WHERE event_id = ? ORDER BY mention_id", [event_id]).df()

    def rejects(self) -> Any:
        return self.con.execute("SELECT * FROM rejects ORDER BY reject_id").df()

    def runs(self) -> Any:
        return self.con.execute("SELECT * FROM runs ORDER BY run_id").df()

    def sql(self, query: str) -> Any:
        """A read-only query (exactly one SELECT) as a DataFrame."""
        check_read_only(query, self.con)
        import duckdb

        try:
            return self.con.execute(query).df()
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {exc}") from exc

    # ---------------------------------------------------------------- analysis

    def dyad_report(self, a: str, b: str, by: str = "month", *, undirected: bool = False,
                    since: dt.date | str | None = None, until: dt.date | str | None = None,
                    min_shift: float | None = None) -> Any:
        """The :class:`~detente.analysis.DyadReport` (table and shifts) of ``a`` -> ``b``."""
        from ..analysis.changepoints import MIN_SHIFT
        from ..analysis.dyad import DyadReport, build_table

        cond, params = series_condition(by, since, until)
        dcond, dparams = dyad_condition(a, b, undirected)
        agg = self.con.execute(dyad_sql(by, f"{cond} AND {dcond}"), params + dparams).df()
        if agg.empty:
            totals = agg.iloc[0:0]
        else:
            lo, hi = agg["period"].min(), agg["period"].max()
            span = f"{cond} AND e.date >= ? AND e.date < ? + INTERVAL 1 {by}"
            totals = self.con.execute(totals_sql(by, span), [*params, lo, hi]).df()
        table, shifts = build_table(agg, totals, by, min_shift=MIN_SHIFT if min_shift is None else min_shift)
        return DyadReport(a=a, b=b, by=by, undirected=undirected, table=table, shifts=shifts)

    def dyad(self, a: str, b: str, by: str = "month", *, undirected: bool = False,
             since: dt.date | str | None = None, until: dt.date | str | None = None,
             min_shift: float | None = None) -> Any:
        """The dyad's table as a DataFrame (one row per period); its shifts are in ``.attrs["shifts"]``."""
        rep = self.dyad_report(a, b, by, undirected=undirected, since=since, until=until, min_shift=min_shift)
        table = rep.table
        table.attrs["shifts"] = [s.as_dict() for s in rep.shifts]
        return table

    def top(self, *, since: dt.date | str | None = None, until: dt.date | str | None = None, n: int = 10,
            by: str = "week", undirected: bool = False, min_events: int = 5) -> TopReport:
        """Dyads (of countries) ranked by volume, by conflict and by the size of their latest shift."""
        import pandas as pd

        cond, params = series_condition(by, since, until)
        dy = self.con.execute(dyads_sql(undirected, cond), params).df()
        cols = ["a", "b", "events", "conflict_events", "conflict_sum", "goldstein_mean"]
        if dy.empty:
            empty = pd.DataFrame({c: [] for c in cols})
            return TopReport(empty, empty, pd.DataFrame({c: [] for c in ("a", "b", "events", "date", "label",
                                                                          "size")}))
        dy["goldstein_mean"] = dy["goldstein_mean"].round(2)
        volume = dy.sort_values(["events", "a", "b"], ascending=[False, True, True]).head(n)[cols]
        conflict = dy[dy["conflict_events"] > 0].sort_values(["conflict_events", "conflict_sum", "a", "b"],
                                                            ascending=[False, True, True, True]).head(n)[cols]
        rows = []
        candidates = dy[dy["events"] >= min_events].sort_values("events", ascending=False).head(max(50, 5 * n))
        for a, b, events in candidates[["a", "b", "events"]].itertuples(index=False):
            rep = self.dyad_report(a, b, by, undirected=undirected, since=since, until=until)
            if rep.shifts:
                s = rep.shifts[-1]
                rows.append({"a": a, "b": b, "events": int(events), "date": s.date, "label": s.label,
                             "size": s.size})
        shifts = pd.DataFrame(rows, columns=["a", "b", "events", "date", "label", "size"])
        if len(shifts):
            shifts = shifts.assign(_abs=shifts["size"].abs()).sort_values(
                ["_abs", "a", "b"], ascending=[False, True, True]).drop(columns="_abs").head(n)
        return TopReport(volume.reset_index(drop=True), conflict.reset_index(drop=True), shifts.reset_index(drop=True))

    # ---------------------------------------------------------------- export

    def export(self, fmt: str, out: str | Path | IO[str], *, since: dt.date | str | None = None,
               until: dt.date | str | None = None) -> int:
        """Writes the events in ``fmt`` (gdelt, mentions, plover, csv, parquet); returns the row count."""
        from .exports import export
        from .query import _date

        return export(self.con, fmt, out, since=_date(since, "since"), until=_date(until, "until"))
