"""``read_inputs``: paths in, Articles and Rejects out, one at a time."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json
import logging
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Literal, TextIO

from detente.errors import InputError
from detente.ingest.decode import decode_bytes, has_utf16_bom, is_binary
from detente.ingest.readers import (
    Raw,
    excerpt,
    numbered_lines,
    read_feed,
    read_html,
    read_json,
    read_json_lines,
    read_text,
)
from detente.models import Article, Reject

log = logging.getLogger(__name__)

Kind = Literal["text", "jsonl", "json", "html", "feed"]

STDIN_ORIGIN = "<stdin>"
STDIN_STEM = "stdin"
DEFAULT_MAX_CHARS = 1_000_000

_SUFFIX_KINDS: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf)[\s>]")
_HTML_ROOT = re.compile(r"<(?:!doctype\s+html|html|head|body)[\s>]")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_SNIFF_BYTES = 8192


def read_inputs(
    paths: Iterable[str] | str,
    date: dt.date | str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    stdin: TextIO | None = None,
) -> Iterator[Article | Reject]:
    """Articles (and Rejects for what cannot be read) from files, folders and ``-`` (standard input).

    ``date`` (a ``--date`` from the user) becomes every article's date; without it an article
    has its record's, page's or feed item's own date, or None. Texts longer than ``max_chars``
    are rejected. Bad input never stops the run: each problem is a Reject and reading goes on.
    Raises InputError at once (not on first iteration) if ``date`` or ``max_chars`` is invalid.
    """
    override = _date_argument(date)
    if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1:
        raise InputError(f"must be a positive number of characters, not {max_chars!r}", origin="--max-chars")
    path_list = [paths] if isinstance(paths, str) else list(paths)
    return _Run(override, max_chars, stdin).items(path_list)


def _date_argument(value: dt.date | str | None) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise InputError(f"{value!r} is not a date; give it as YYYY-MM-DD, e.g. 2025-03-07", origin="--date")


class _Run:
    """State of one read: the limits and the ids handed out so far."""

    def __init__(self, date: dt.date | None, max_chars: int, stdin: TextIO | None) -> None:
        self.date = date
        self.max_chars = max_chars
        self.stdin = stdin
        self.ids: set[str] = set()

    def items(self, paths: list[str]) -> Iterator[Article | Reject]:
        for path in paths:
            for item in _read_path(path, self.stdin, self.max_chars):
                yield item if isinstance(item, Reject) else self.finish(item)

    def finish(self, raw: Raw) -> Article | Reject:
        text = normalise_text(raw.text)
        if not text:
            return Reject(
                origin=raw.origin,
                line=raw.line,
                reason=raw.empty_reason,
                excerpt=excerpt(raw.raw_excerpt) or excerpt(raw.text),
            )
        if len(text) > self.max_chars:
            return Reject(
                origin=raw.origin,
                line=raw.line,
                reason=f"text is {len(text):,} characters, over the limit of {self.max_chars:,}; "
                "raise it with --max-chars",
                excerpt=excerpt(text),
            )
        return Article(
            id=self.unique_id(raw.id),
            text=text,
            title=raw.title,
            url=raw.url,
            source=raw.source,
            date=self.date or raw.date,
            origin=f"{raw.origin}:{raw.line}" if raw.line else raw.origin,
        )

    def unique_id(self, wanted: str) -> str:
        candidate, n = wanted, 1
        while candidate in self.ids:
            n += 1
            candidate = f"{wanted}#{n}"
        self.ids.add(candidate)
        return candidate


def normalise_text(text: str) -> str:
    """Strip the ends and turn \\r\\n and lone \\r into \\n; everything else is kept as it is."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


# --- paths ----------------------------------------------------------------------------------


def _os_reason(err: OSError, what: str) -> str:
    if isinstance(err, FileNotFoundError):
        return "no such file or folder; check the path"
    if isinstance(err, PermissionError):
        return f"cannot read the {what}: permission denied; check its permissions"
    return f"cannot read the {what}: {err.strerror or err}"


def _read_path(path: str, stdin: TextIO | None, max_chars: int) -> Iterator[Raw | Reject]:
    if path == "-":
        yield from _read_stdin(stdin if stdin is not None else sys.stdin)
        return
    p = Path(path)
    try:
        is_dir = p.is_dir()
        if not is_dir:
            p.stat()
    except OSError as err:
        yield Reject(origin=path, reason=_os_reason(err, "file"))
        return
    if is_dir:
        yield from _read_folder(p, max_chars)
    else:
        yield from _read_file(p, max_chars)


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _read_folder(folder: Path, max_chars: int) -> Iterator[Raw | Reject]:
    """Every non-hidden file under ``folder``, sorted, files of a folder before its subfolders."""
    errors: list[OSError] = []
    found = False
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        while errors:
            err = errors.pop(0)
            yield Reject(origin=str(err.filename or root), reason=_os_reason(err, "folder"))
        dirs[:] = sorted(d for d in dirs if not _hidden(d))
        for name in sorted(f for f in files if not _hidden(f)):
            found = True
            yield from _read_file(Path(root) / name, max_chars)
    for err in errors:
        yield Reject(origin=str(err.filename or folder), reason=_os_reason(err, "folder"))
    if not found and not errors:
        yield Reject(origin=str(folder), reason="the folder holds no (non-hidden) files to read")


def _read_file(path: Path, max_chars: int) -> Iterator[Raw | Reject]:
    origin, stem = str(path), path.stem
    kind = _SUFFIX_KINDS.get(path.suffix.lower())
    if kind == "jsonl":
        yield from _read_jsonl_file(path)
        return
    try:
        size = path.stat().st_size
        if kind == "text" and size > 4 * max_chars + 4:  # a character is at most 4 bytes of UTF-8
            yield Reject(
                origin=origin,
                reason=f"file is {size:,} bytes, more text than the limit of {max_chars:,} characters; "
                "raise it with --max-chars",
            )
            return
        data = path.read_bytes()
    except OSError as err:
        yield Reject(origin=origin, reason=_os_reason(err, "file"))
        return
    yield from _read_content(data, origin, stem, kind)


def _read_jsonl_file(path: Path) -> Iterator[Raw | Reject]:
    origin = str(path)
    try:
        handle: IO[Any] = open(path, "rb")  # noqa: SIM115 - closed below, after streaming
    except OSError as err:
        yield Reject(origin=origin, reason=_os_reason(err, "file"))
        return
    with handle:
        try:
            head = handle.read(_SNIFF_BYTES)
            handle.seek(0)
        except OSError as err:
            yield Reject(origin=origin, reason=_os_reason(err, "file"))
            return
        if is_binary(head):
            yield Reject(origin=origin, reason=decode_bytes(head).error or "binary file", excerpt=None)
            return
        if has_utf16_bom(head):
            handle = io.TextIOWrapper(handle, encoding="utf-16", errors="replace", newline="\n")
        try:
            yield from read_json_lines(enumerate(handle, 1), origin, path.stem)
        except OSError as err:
            yield Reject(origin=origin, reason=_os_reason(err, "file"))


def _decode_html(data: bytes) -> tuple[str | None, str | None]:
    """HTML is UTF-8 unless its <meta charset> declares another encoding."""
    match = _CHARSET.search(data[:4096])
    declared = match.group(1).decode("ascii").lower() if match else "utf-8"
    if declared not in ("utf-8", "utf8") and not has_utf16_bom(data):
        try:
            return data.decode(declared), None
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: fall back to UTF-8
    decoded = decode_bytes(data)
    return decoded.text, decoded.error


def _sniff(text: str) -> Kind:
    """The kind of a text whose name does not say: JSONL, JSON, feed, HTML or plain text."""
    head = text[:_SNIFF_BYTES].lstrip("\ufeff \t\r\n")
    if head.startswith("{"):
        lines = [line for line in head.split("\n")[:3] if line.strip()]
        if _is_json(lines[0]):
            return "jsonl"
        if _is_json(text):
            return "json"  # one pretty-printed object
        # broken: JSONL with a bad first line if the next line is an object, else one broken JSON document
        return "jsonl" if len(lines) > 1 and _is_json(lines[1]) else "json"
    if head.startswith("["):
        return "json" if _is_json(text) else "text"  # "[Reuters] ..." is text
    if head.startswith("<"):
        lowered = head[:2048].lower()
        if _FEED_ROOT.search(lowered):
            return "feed"
        if _HTML_ROOT.search(lowered):
            return "html"
    return "text"


def _is_json(text: str) -> bool:
    try:
        json.loads(text.lstrip("\ufeff"))
    except ValueError:
        return False
    return True


def _read_content(data: bytes | str, origin: str, stem: str, kind: Kind | None) -> Iterator[Raw | Reject]:
    """Read a whole file (or standard input) of ``kind``; None means sniff it."""
    if isinstance(data, bytes):
        if kind == "feed" and not is_binary(data[:_SNIFF_BYTES]):
            yield from read_feed(data, origin, stem)  # feedparser honours the declared encoding
            return
        if kind == "html":
            text, error = _decode_html(data)
        else:
            decoded = decode_bytes(data)
            text, error = decoded.text, decoded.error
            if decoded.repaired:
                log.warning(
                    "%s: replaced %d invalid UTF-8 byte sequence(s) with U+FFFD", origin, decoded.repaired
                )
        if text is None:
            yield Reject(origin=origin, reason=error or "cannot decode", excerpt=None)
            return
    else:
        text = data
    if kind is None:
        kind = _sniff(text)
    if kind == "feed":
        yield from read_feed(text.encode("utf-8") if isinstance(data, str) else data, origin, stem)
    elif kind == "html":
        yield from read_html(text, origin, stem)
    elif kind == "json":
        yield from read_json(text, origin, stem)
    elif kind == "jsonl":
        yield from read_json_lines(numbered_lines(text), origin, stem)
    else:
        yield from read_text(text, origin, stem)


# --- standard input -------------------------------------------------------------------------


def _read_stdin(stream: TextIO) -> Iterator[Raw | Reject]:
    """Standard input: JSONL (streamed) if the first non-blank character is ``{``, else sniffed."""
    source: Iterator[str | bytes]
    buffer = getattr(stream, "buffer", None)
    source = iter(buffer) if buffer is not None else iter(stream)
    head: list[tuple[int, str | bytes]] = []
    try:
        for lineno, raw in enumerate(source, 1):
            head.append((lineno, raw))
            if raw.strip():
                break
    except (OSError, UnicodeDecodeError) as err:
        yield Reject(origin=STDIN_ORIGIN, reason=f"cannot read standard input: {err}")
        return
    if not any(raw.strip() for _, raw in head):
        yield Reject(
            origin=STDIN_ORIGIN, reason="standard input is empty; pipe an article or JSONL into detente"
        )
        return
    first = head[-1][1]
    first_text = first.decode("utf-8", errors="replace") if isinstance(first, bytes) else first
    if first_text.lstrip("\ufeff \t").startswith("{") and _is_json(first_text):
        rest = enumerate(source, len(head) + 1)
        yield from read_json_lines(itertools.chain(head, rest), STDIN_ORIGIN, STDIN_STEM)
        return
    try:
        remainder = [raw for _, raw in head] + list(source)
    except (OSError, UnicodeDecodeError) as err:
        yield Reject(origin=STDIN_ORIGIN, reason=f"cannot read standard input: {err}")
        return
    data: bytes | str
    if isinstance(first, bytes):
        data = b"".join(r for r in remainder if isinstance(r, bytes))
    else:
        data = "".join(r for r in remainder if isinstance(r, str))
    yield from _read_content(data, STDIN_ORIGIN, STDIN_STEM, None)


# --- rejects --------------------------------------------------------------------------------


def write_rejects(path: str, rejects: Iterable[Reject]) -> int:
    """Write ``rejects`` to ``path`` as JSON Lines (``-`` is standard output); returns how many."""
    count = 0
    if path == "-":
        for reject in rejects:
            sys.stdout.write(reject.model_dump_json() + "\n")
            count += 1
        return count
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        for reject in rejects:
            handle.write(reject.model_dump_json() + "\n")
            count += 1
    return count


def default_rejects_path(out_path: str | None) -> str:
    """Where rejects go by default: beside the output (``events.jsonl`` -> ``events.rejects.jsonl``),
    or ``detente.rejects.jsonl`` in the current folder when the output is standard output."""
    if out_path is None or out_path in ("", "-"):
        return "detente.rejects.jsonl"
    p = Path(out_path)
    stem = p.stem if p.suffix else p.name
    return str(p.with_name(f"{stem}.rejects.jsonl"))
