"""One reader per input kind. Readers yield ``Raw`` articles (not yet normalised) or Rejects."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from detente.ingest.dates import parse_date
from detente.ingest.decode import decode_bytes
from detente.ingest.htmltext import html_to_text
from detente.models import Reject

log = logging.getLogger(__name__)

EXCERPT_CHARS = 80
EMPTY_REASON = "text is empty (nothing but whitespace); an article needs a body"
RECORD_FIELDS = '"text" (the article body) and optionally "id", "title", "url", "source", "date"'


@dataclass
class Raw:
    """An article as a reader found it, before normalisation, limits and id de-duplication."""

    text: str
    origin: str
    id: str
    line: int | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    date: dt.date | None = None
    empty_reason: str = EMPTY_REASON
    raw_excerpt: str | None = None  # what a Reject of this article quotes, if not its text


def excerpt(text: str | None) -> str | None:
    if text is None:
        return None
    text = text.strip()
    return text[:EXCERPT_CHARS] or None


def _opt_str(value: Any) -> str | None:
    """A metadata field as a string: numbers are turned into text, anything else is dropped."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        value = str(value)
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value or None


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def _record_date(value: Any, where: str) -> dt.date | None:
    parsed = parse_date(value)
    if parsed is None and value not in (None, ""):
        log.info("%s: date %r not understood; the article is left undated", where, value)
    return parsed


def record_to_raw(
    obj: Any, origin: str, line: int | None, default_id: str, what: str, raw_excerpt: str | None
) -> Raw | Reject:
    """Turn one decoded JSON value into a Raw article, or a Reject saying what is wrong with it."""
    if not isinstance(obj, dict):
        return Reject(
            origin=origin,
            line=line,
            reason=f"{what} is {_json_type(obj)}, not a JSON object; each record must be an object "
            f"with {RECORD_FIELDS}",
            excerpt=excerpt(raw_excerpt),
        )
    if "text" not in obj:
        return Reject(
            origin=origin,
            line=line,
            reason=f'{what} has no "text" field; each record needs {RECORD_FIELDS}',
            excerpt=excerpt(raw_excerpt),
        )
    text = obj["text"]
    if not isinstance(text, str):
        return Reject(
            origin=origin,
            line=line,
            reason=f'"text" is {_json_type(text)}, not a string; put the article body in "text" as a string',
            excerpt=excerpt(raw_excerpt),
        )
    where = f"{origin}:{line}" if line else origin
    return Raw(
        text=text,
        origin=origin,
        line=line,
        id=_opt_str(obj.get("id")) or default_id,
        title=_opt_str(obj.get("title")),
        url=_opt_str(obj.get("url")),
        source=_opt_str(obj.get("source")),
        date=_record_date(obj.get("date"), where),
        raw_excerpt=raw_excerpt,
    )


# --- plain text -----------------------------------------------------------------------------


def read_text(text: str, origin: str, stem: str) -> Iterator[Raw | Reject]:
    yield Raw(text=text, origin=origin, id=stem, empty_reason=f"{EMPTY_REASON}; the file has no text")


# --- JSON Lines -----------------------------------------------------------------------------


def read_json_lines(
    lines: Iterable[tuple[int, str | bytes]], origin: str, stem: str
) -> Iterator[Raw | Reject]:
    """Records from numbered lines; bytes lines are decoded one by one, so big files stream."""
    for lineno, raw in lines:
        if isinstance(raw, bytes):
            if not raw.strip():
                continue
            decoded = decode_bytes(raw, "line")
            if decoded.text is None:
                yield Reject(
                    origin=origin,
                    line=lineno,
                    reason=decoded.error or "undecodable line",
                    excerpt=excerpt(raw.decode("utf-8", errors="replace")),
                )
                continue
            if decoded.repaired:
                log.warning(
                    "%s:%d: replaced %d invalid UTF-8 byte sequence(s) with U+FFFD",
                    origin,
                    lineno,
                    decoded.repaired,
                )
            line = decoded.text
        else:
            line = raw
        line = line.lstrip("\ufeff").rstrip("\r\n")
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            yield Reject(
                origin=origin,
                line=lineno,
                reason=f"not valid JSON ({err.msg} at column {err.colno}); each line of a JSONL file "
                "must be one complete JSON object",
                excerpt=excerpt(line),
            )
            continue
        yield record_to_raw(obj, origin, lineno, f"{stem}:{lineno}", "the line", line)


def numbered_lines(text: str) -> Iterator[tuple[int, str]]:
    """Lines of an in-memory text, numbered from 1 (split on \\n only, as JSON allows U+2028)."""
    return enumerate(text.split("\n"), 1)


# --- JSON -----------------------------------------------------------------------------------

_WS = re.compile(r"[ \t\n\r]*")


class _LineCounter:
    """Line number of increasing offsets in a text, without rescanning from the start."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.line = 1

    def at(self, pos: int) -> int:
        self.line += self.text.count("\n", self.pos, pos)
        self.pos = pos
        return self.line


def _json_error(err: json.JSONDecodeError, origin: str, text: str) -> Reject:
    return Reject(
        origin=origin,
        line=err.lineno,
        reason=f"not valid JSON ({err.msg} at line {err.lineno}, column {err.colno}); a .json file must "
        "hold one object or an array of objects (use .jsonl for one object per line)",
        excerpt=excerpt(text[err.pos : err.pos + EXCERPT_CHARS]) or excerpt(text),
    )


def read_json(text: str, origin: str, stem: str) -> Iterator[Raw | Reject]:
    """Records from a JSON document: an array of objects (each with its line) or one object.

    Records before a syntax error in an array still come through; the error is one Reject.
    A file that turns out to hold JSON Lines is read as such.
    """
    text = text.lstrip("\ufeff")
    start = _WS.match(text, 0)
    i = start.end() if start else 0
    if text[i : i + 1] != "[":
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as err:
            if err.msg == "Extra data":
                yield from read_json_lines(numbered_lines(text), origin, stem)
            else:
                yield _json_error(err, origin, text)
            return
        yield record_to_raw(obj, origin, None, stem, "the JSON document", text)
        return
    decoder = json.JSONDecoder()
    lines = _LineCounter(text)
    n = 0
    i = _skip_ws(text, i + 1)
    if text[i : i + 1] == "]":
        yield Reject(origin=origin, reason="the JSON array is empty; it holds no articles")
        return
    try:
        while True:
            obj, end = decoder.raw_decode(text, i)
            n += 1
            line = lines.at(i)
            yield record_to_raw(obj, origin, line, f"{stem}:{n}", f"item {n} of the array", text[i:end])
            i = _skip_ws(text, end)
            char = text[i : i + 1]
            if char == ",":
                i = _skip_ws(text, i + 1)
            elif char == "]":
                break
            else:
                raise json.JSONDecodeError("Expecting ',' delimiter", text, i)
        i = _skip_ws(text, i + 1)
        if i < len(text):
            raise json.JSONDecodeError("Extra data", text, i)
    except json.JSONDecodeError as err:
        yield _json_error(err, origin, text)


def _skip_ws(text: str, pos: int) -> int:
    match = _WS.match(text, pos)
    return match.end() if match else pos


# --- HTML -----------------------------------------------------------------------------------


def _field(doc: Any, name: str) -> Any:
    if isinstance(doc, dict):  # trafilatura < 2 returns a dict
        return doc.get(name)
    return getattr(doc, name, None)


def read_html(text: str, origin: str, stem: str) -> Iterator[Raw | Reject]:
    """The main text and metadata (title, date, url, site name) of an HTML page, via trafilatura."""
    import trafilatura  # imported lazily: slow to load, and not needed for text or JSON input

    doc: Any = None
    try:
        doc = trafilatura.bare_extraction(text, with_metadata=True)
        if doc is None or not (_field(doc, "text") or "").strip():
            doc = trafilatura.bare_extraction(text, with_metadata=True, favor_recall=True)
    except Exception as err:  # trafilatura/lxml raise many kinds of errors on broken markup
        yield Reject(
            origin=origin,
            reason=f"could not parse the HTML page ({type(err).__name__}: {err})",
            excerpt=excerpt(text),
        )
        return
    body = (_field(doc, "text") or "") if doc is not None else ""
    if not body.strip():
        yield Reject(
            origin=origin,
            reason="no article text found in the HTML page (it may hold only navigation, or be built by "
            "JavaScript); save the article text as a .txt file instead",
            excerpt=excerpt(text),
        )
        return
    yield Raw(
        text=body,
        origin=origin,
        id=stem,
        title=_opt_str(_field(doc, "title")),
        url=_opt_str(_field(doc, "url")),
        source=_opt_str(_field(doc, "sitename")),
        date=parse_date(_field(doc, "date")),
    )


# --- RSS and Atom ---------------------------------------------------------------------------

_ENTRY_TAG = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?(?:item|entry)[\s/>]")


def _entry_lines(data: bytes, count: int) -> list[int] | None:
    """Line of each <item>/<entry> start tag, if the tags match the parsed entries one to one."""
    text = data.decode("utf-8", errors="replace")
    counter = _LineCounter(text)
    lines = [counter.at(m.start()) for m in _ENTRY_TAG.finditer(text)]
    return lines if len(lines) == count else None


def _detail_text(value: str, detail: Any) -> str:
    kind = (detail or {}).get("type", "text/html") if isinstance(detail, dict) else "text/html"
    return value if kind == "text/plain" else html_to_text(value)


def _entry_text(entry: Any) -> str:
    for content in entry.get("content") or []:
        value = content.get("value") or ""
        if value.strip():
            return _detail_text(value, content)
    summary = entry.get("summary") or ""
    return _detail_text(summary, entry.get("summary_detail"))


def _entry_date(entry: Any) -> dt.date | None:
    # the date as written (the publisher's calendar day), falling back to feedparser's UTC tuple
    for key in ("published", "updated", "created"):
        parsed = parse_date(entry.get(key)) or parse_date(entry.get(f"{key}_parsed"))
        if parsed is not None:
            return parsed
    return None


def read_feed(data: bytes, origin: str, stem: str) -> Iterator[Raw | Reject]:
    """Each item of an RSS feed or entry of an Atom feed, via feedparser."""
    import feedparser  # imported lazily

    parsed = feedparser.parse(io.BytesIO(data))
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            problem = parsed.get("bozo_exception")
            yield Reject(
                origin=origin,
                reason=f"not a readable RSS or Atom feed ({problem}); check that the file is a complete, "
                "well-formed feed",
                excerpt=excerpt(data[:400].decode("utf-8", errors="replace")),
            )
        else:
            yield Reject(origin=origin, reason="the feed has no items or entries, so no articles")
        return
    if parsed.get("bozo"):
        log.info(
            "%s: feed is not well-formed (%s); reading its entries anyway",
            origin,
            parsed.get("bozo_exception"),
        )
    feed = parsed.get("feed") or {}
    feed_title = _opt_str(_detail_text(feed.get("title") or "", feed.get("title_detail")))
    lines = _entry_lines(data, len(entries))
    for n, entry in enumerate(entries, 1):
        link = _opt_str(entry.get("link"))
        if link and "://" not in link:
            link = None  # feedparser copies a permalink <guid> such as "item-17" into the link
        yield Raw(
            text=_entry_text(entry),
            origin=origin,
            line=lines[n - 1] if lines else None,
            id=_opt_str(entry.get("id")) or link or f"{stem}:{n}",
            title=_opt_str(_detail_text(entry.get("title") or "", entry.get("title_detail"))),
            url=link,
            source=feed_title,
            date=_entry_date(entry),
            empty_reason=f"feed item {n} has no text (no content and no summary)",
        )
