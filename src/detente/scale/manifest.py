"""The manifest of a distributed run: which partitions are finished, with the fingerprint of what
they were computed from and the shard that holds their result.

It is one SQLite file in the work folder, written only by the driver, one transaction per finished
partition, so it never holds a half-written entry. A partition counts as done only when its entry's
fingerprint equals the partition's current fingerprint (same bytes, same settings, same detente) and
its shard file exists; anything else is computed again, and its new shard replaces the old entry.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import ScaleError
from .worker import PartResult

MANIFEST_NAME = "manifest.sqlite"

_SCHEMA = """CREATE TABLE IF NOT EXISTS partitions (
    key TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    shard TEXT NOT NULL,
    result TEXT NOT NULL,
    finished TEXT NOT NULL
)"""


class Manifest:
    """Finished partitions of the runs that used one work folder."""

    def __init__(self, work_dir: str | Path) -> None:
        self.work_dir = Path(work_dir)
        self.path = self.work_dir / MANIFEST_NAME
        try:
            self.work_dir.mkdir(parents=True, exist_ok=True)
            self.con = sqlite3.connect(self.path, isolation_level=None)
            self.con.execute("PRAGMA journal_mode=DELETE")
            self.con.execute(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise ScaleError(f"{self.path}: cannot open the run manifest: {exc}; check that the work folder "
                             "(--work-dir) is writable") from exc

    @property
    def shard_dir(self) -> Path:
        return self.work_dir

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Manifest:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def done(self, key: str, fingerprint: str) -> PartResult | None:
        """The recorded result of partition ``key`` if it is finished for this ``fingerprint``."""
        if not fingerprint:
            return None
        row = self.con.execute("SELECT fingerprint, shard, result FROM partitions WHERE key = ?", [key]).fetchone()
        if row is None or row[0] != fingerprint or not (self.shard_dir / row[1]).is_file():
            return None
        return PartResult(**json.loads(row[2]))

    def record(self, result: PartResult) -> None:
        """Mark a partition finished (one transaction: the entry is there whole, or not at all)."""
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        blob = json.dumps(dataclasses.asdict(result), sort_keys=True)
        with self._transaction():
            self.con.execute("INSERT OR REPLACE INTO partitions (key, fingerprint, shard, result, finished) "
                             "VALUES (?, ?, ?, ?, ?)", [result.key, result.fingerprint, result.shard, blob, now])

    def forget(self, key: str) -> None:
        with self._transaction():
            self.con.execute("DELETE FROM partitions WHERE key = ?", [key])

    def entries(self) -> dict[str, PartResult]:
        rows = self.con.execute("SELECT key, result FROM partitions ORDER BY key").fetchall()
        return {k: PartResult(**json.loads(r)) for k, r in rows}

    def shards(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT shard FROM partitions").fetchall()}

    def _transaction(self) -> Any:
        return _Tx(self.con)


class _Tx:
    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con

    def __enter__(self) -> None:
        self.con.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, *rest: object) -> None:
        self.con.execute("ROLLBACK" if kind is not None else "COMMIT")


def stale_files(work_dir: str | Path, keep: set[str]) -> Iterator[Path]:
    """Temporary files of crashed writers, and shards no manifest entry points to."""
    for p in Path(work_dir).iterdir():
        if p.name.endswith(".tmp") or (p.suffix == ".parquet" and p.name not in keep):
            yield p
