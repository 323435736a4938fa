"""The server's hold on the store: one read-only connection for every read, and a short-lived
write connection for each ingest request.

DuckDB lets one process hold a database either read-only or read-write, not both, so a write
(``POST /api/ingest``) goes like this: the articles are coded first (no lock held), then the
write lock is taken, which waits for the reads in flight and holds new ones back; the read-only
store is closed, the file is opened for writing, the batch is committed in the store's own
transactions, the write connection is closed and the read-only one reopened. Reads see either the
store before the ingest or after it, never half of it. Another process can read the file (read-only)
while the server runs, but not write it.

Each read gets its own DuckDB cursor (a connection to the same database instance), so reads run in
parallel threads; the store's own analysis methods (``dyad_report``, ``top``) run on a small pool of
read-only :class:`Store` objects (each its own connection to the same instance), one thread at a time
per store.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from ..errors import StoreBusyError, StoreError
from ..store import Store

T = TypeVar("T")


class ReadWriteLock:
    """Many readers or one writer; a waiting writer holds back new readers."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._waiting = 0

    @contextlib.contextmanager
    def read(self) -> Iterator[None]:
        with self._cond:
            while self._writing or self._waiting:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextlib.contextmanager
    def write(self) -> Iterator[None]:
        with self._cond:
            self._waiting += 1
            while self._writing or self._readers:
                self._cond.wait()
            self._waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


class Database:
    """The store of one ``detente serve``: read-only, reopened around each write."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._store = Store(self.path, read_only=True)
        self._lock = ReadWriteLock()
        self._pool: queue.LifoQueue[Store] = queue.LifoQueue()   # idle read-only stores for with_store
        self._opened: list[Store] = []
        self._pool_lock = threading.Lock()
        self._cache: dict[Any, Any] = {}
        self._cache_lock = threading.Lock()
        self.generation = 0                   # bumped by every write; keys the cache

    POOL = 4

    def close(self) -> None:
        with self._lock.write():
            self._close_pool()
            self._store.close()

    def _close_pool(self) -> None:
        with self._pool_lock:
            for st in self._opened:
                st.close()
            self._opened.clear()
            self._pool = queue.LifoQueue()

    def _borrow(self) -> Store:
        try:
            return self._pool.get_nowait()
        except queue.Empty:
            pass
        with self._pool_lock:
            if len(self._opened) < self.POOL:
                st = Store(self.path, read_only=True)
                self._opened.append(st)
                return st
        return self._pool.get()

    @contextlib.contextmanager
    def cursor(self) -> Iterator[Any]:
        """A read-only DuckDB cursor for this thread."""
        with self._lock.read():
            cur = self._store.con.cursor()
            try:
                yield cur
            finally:
                cur.close()

    def with_store(self, fn: Callable[[Store], T]) -> T:
        """Calls ``fn`` with a read-only :class:`Store` (for its analysis methods) no other thread is using."""
        with self._lock.read():
            st = self._borrow()
            try:
                return fn(st)
            finally:
                self._pool.put(st)

    def cached(self, key: Any, fn: Callable[[], T]) -> T:
        """``fn()``, remembered until the next write."""
        full = (self.generation, key)
        with self._cache_lock:
            if full in self._cache:
                return self._cache[full]  # type: ignore[no-any-return]
        value = fn()
        with self._cache_lock:
            if len(self._cache) > 256:
                self._cache.clear()
            self._cache[full] = value
        return value

    def write(self, fn: Callable[[Store], T]) -> T:
        """Calls ``fn`` with the store opened for writing, then goes back to read-only."""
        with self._lock.write():
            self._close_pool()
            self._store.close()
            try:
                try:
                    writable = Store(self.path)
                except StoreError as exc:
                    raise StoreBusyError(f"the store cannot be opened for writing now: {exc}") from exc
                with writable:
                    return fn(writable)
            finally:
                self._store = Store(self.path, read_only=True)
                self.generation += 1
                with self._cache_lock:
                    self._cache.clear()

    @property
    def read_only(self) -> bool:
        return self._store.read_only

    def counts(self) -> dict[str, int]:
        return self.with_store(lambda st: st.counts())

    def version(self) -> int:
        return self.with_store(lambda st: st.version)
