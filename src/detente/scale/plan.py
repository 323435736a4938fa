"""Splitting the inputs of a run into partitions, and the fingerprints that say when a partition's
result can be reused.

A JSONL file is cut into byte ranges that end on line boundaries (so every worker reads whole
records and numbers its lines as a single reader would); every other input (text, JSON, HTML, feeds,
a JSONL file that is binary or UTF-16) is one partition. Folders are walked exactly as
:func:`detente.ingest.read_inputs` walks them, so the partitions, taken in order, yield the same
articles and rejects in the same order as a single-process read.

Planning reads every file once (to find line boundaries, count lines and hash the bytes); that is
sequential I/O and hashing, far cheaper than coding.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ..errors import ScaleError
from ..ingest.core import _SNIFF_BYTES, _SUFFIX_KINDS
from ..ingest.decode import has_utf16_bom, is_binary

PLAN_VERSION = 1
MIN_PARTITION_BYTES = 256 * 1024
MAX_PARTITION_BYTES = 16 * 1024 * 1024
PARTS_PER_FILE = 32
_BLOCK = 1 << 20

PartKind = Literal["range", "path"]


@dataclass(frozen=True)
class Partition:
    """One unit of work: a byte range of a JSONL file, or one whole input path.

    ``origin`` is the path as a single-process run names it (it appears in ``Article.origin`` and in
    rejects); ``cwd`` is the folder a relative origin is relative to. ``digest`` hashes the bytes the
    partition covers; it is empty when the content cannot be hashed (a missing path, a folder read
    as a whole), and such a partition is always recomputed.
    """

    index: int
    origin: str
    cwd: str
    kind: PartKind
    start: int = 0
    end: int = 0
    first_line: int = 1
    digest: str = ""

    @property
    def key(self) -> str:
        """What identifies the partition across runs (its place in the input, not its order)."""
        return f"{self.origin}@{self.start}-{self.end}" if self.kind == "range" else self.origin

    @property
    def path(self) -> str:
        """The file to open, absolute."""
        return os.path.join(self.cwd, self.origin)

    def fingerprint(self, settings_digest: str) -> str:
        """Hash of everything the partition's result depends on; "" means "never reuse"."""
        if not self.digest:
            return ""
        fields = [str(PLAN_VERSION), self.kind, self.origin, str(self.start), str(self.end),
                  str(self.first_line), self.digest, settings_digest]
        return hashlib.blake2b("\x1f".join(fields).encode("utf-8"), digest_size=16).hexdigest()

    def label(self) -> str:
        if self.kind == "range":
            return f"{self.origin} bytes {self.start}-{self.end} (from line {self.first_line})"
        return self.origin


@dataclass(frozen=True)
class ReadSettings:
    """What a run reads and codes with; its digest enters every partition's fingerprint."""

    coder: Any  # a detente.scale.worker.CoderSpec (kept as Any so planning does not import the coder)
    date: str | None = None
    max_chars: int = 1_000_000

    def digest(self) -> str:
        from .. import __version__

        coder = self.coder
        spec: dict[str, Any] = ({f.name: getattr(coder, f.name) for f in dataclasses.fields(coder)}
                                if dataclasses.is_dataclass(coder) else {"repr": repr(coder)})
        files = [_file_digest(Path(f)) for key in ("actor_files", "verb_files") for f in spec.get(key, ())]
        blob = json.dumps({"coder": spec, "files": files, "date": self.date, "max_chars": self.max_chars,
                           "detente": __version__}, sort_keys=True, default=str)
        return hashlib.blake2b(blob.encode("utf-8"), digest_size=16).hexdigest()


def _file_digest(path: Path) -> str:
    h = hashlib.blake2b(digest_size=16)
    try:
        with open(path, "rb") as fh:
            while block := fh.read(_BLOCK):
                h.update(block)
    except OSError:
        return ""
    return h.hexdigest()


def partition_size(file_size: int, wanted: int | None = None) -> int:
    """Bytes per partition of a JSONL file: ``wanted`` if given, else about 1/32 of the file, kept
    between 256 KiB and 16 MiB. It depends on the file alone, so a rerun plans the same partitions."""
    if wanted is not None:
        if wanted < 1:
            raise ScaleError(f"partition size must be at least 1 byte, not {wanted}")
        return wanted
    return max(MIN_PARTITION_BYTES, min(MAX_PARTITION_BYTES, file_size // PARTS_PER_FILE))


def plan_partitions(inputs: Sequence[str], partition_bytes: int | None = None, cwd: str | None = None) -> list[Partition]:
    """The partitions of ``inputs`` (files and folders, as ``detente code`` takes them), in input order."""
    base = os.path.abspath(cwd or os.getcwd())
    out: list[Partition] = []
    for path in inputs:
        if path == "-":
            raise ScaleError("standard input cannot be split across a cluster; save it to a file "
                             "(e.g. `cat ... > input.jsonl`) and give the file")
        for part in _path_parts(path, base, partition_bytes):
            out.append(dataclasses.replace(part, index=len(out)))
    return out


def _whole(origin: str, base: str, digest: str = "") -> Partition:
    return Partition(index=0, origin=origin, cwd=base, kind="path", digest=digest)


def _path_parts(path: str, base: str, partition_bytes: int | None) -> Iterator[Partition]:
    p = Path(path) if os.path.isabs(path) else Path(base) / path
    try:
        is_dir = p.is_dir()
        if not is_dir:
            p.stat()
    except OSError:
        yield _whole(path, base)  # the worker's reader turns it into the same reject
        return
    if not is_dir:
        yield from _file_parts(str(Path(path)), base, partition_bytes)
        return
    files = _walk(Path(path), base)
    if files is None:  # an unreadable or empty folder: read it whole, to get the same rejects
        yield _whole(path, base)
        return
    for f in files:
        yield from _file_parts(f, base, partition_bytes)


def _walk(folder: Path, base: str) -> list[str] | None:
    """The files under ``folder`` in the order the ingest reader takes them, or None if walking it
    meets an error or finds nothing (such a folder is left to the reader whole)."""
    errors: list[OSError] = []
    found: list[str] = []
    top = folder if folder.is_absolute() else Path(base) / folder
    for root, dirs, files in os.walk(top, onerror=errors.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        rel = Path(root).relative_to(top)
        for name in sorted(f for f in files if not f.startswith(".")):
            found.append(str(folder / rel / name) if str(rel) != "." else str(folder / name))
    if errors or not found:
        return None
    return found


def _file_parts(origin: str, base: str, partition_bytes: int | None) -> Iterator[Partition]:
    path = os.path.join(base, origin)
    kind = _SUFFIX_KINDS.get(Path(origin).suffix.lower())
    if kind != "jsonl":
        yield _whole(origin, base, _file_digest(Path(path)))
        return
    try:
        with open(path, "rb") as fh:
            head = fh.read(_SNIFF_BYTES)
            if is_binary(head) or has_utf16_bom(head):
                yield _whole(origin, base, _file_digest(Path(path)))
                return
            fh.seek(0)
            size = os.fstat(fh.fileno()).st_size
            yield from _ranges(fh, origin, base, partition_size(size, partition_bytes))
    except OSError:
        yield _whole(origin, base)


def _ranges(fh: Any, origin: str, base: str, target: int) -> Iterator[Partition]:
    """Byte ranges of about ``target`` bytes, each ending just after a newline (or at the end)."""
    start = pos = 0
    first_line = 1
    h = hashlib.blake2b(digest_size=16)
    for line, raw in enumerate(fh, 1):  # binary iteration splits on b"\n", as the single reader does
        pos += len(raw)
        h.update(raw)
        if pos - start >= target:
            yield Partition(index=0, origin=origin, cwd=base, kind="range", start=start, end=pos,
                            first_line=first_line, digest=h.hexdigest())
            start, first_line = pos, line + 1
            h = hashlib.blake2b(digest_size=16)
    if pos > start:
        yield Partition(index=0, origin=origin, cwd=base, kind="range", start=start, end=pos,
                        first_line=first_line, digest=h.hexdigest())


def range_digest(data: bytes) -> str:
    """The digest :func:`plan` gives a range with these bytes (a worker checks it before coding)."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()
