"""The ingest stage: read files, folders and standard input into Articles (and Rejects).

Input kinds, chosen by file extension, else by sniffing the content:

* plain text (``.txt``, or any other text): one article per file, id = the file stem
  (``stdin`` for standard input);
* JSON Lines (``.jsonl``, ``.ndjson``): one object per line with ``text`` and optional ``id``,
  ``title``, ``url``, ``source``, ``date``; streamed line by line. A line without ``id`` gets
  ``<stem>:<lineno>``;
* JSON (``.json``): one such object, or an array of them (an item without ``id`` gets
  ``<stem>:<n>``, n counting items from 1);
* HTML (``.html``, ``.htm``): main text, title, date, url and site name via trafilatura;
* RSS and Atom feeds (``.xml``, ``.rss``, ``.atom``): one article per item/entry via feedparser.

``Article.origin`` is the path, with ``:lineno`` when the record has a line (JSONL, JSON
arrays, feed items); standard input is ``<stdin>``. Dates: a ``date`` argument overrides all;
otherwise the record's own date, parsed leniently (see :func:`parse_date`); a date that
cannot be read leaves the article undated (None, logged at INFO level) and is not a Reject.
Ids are unique within one call: a repeated id gets ``#2``, ``#3``, ...

Each problem (missing or unreadable file, binary or non-UTF-8 data, bad JSON, a record
without text, empty or over-long text, an HTML page without text, an unreadable feed) is
yielded as a :class:`~detente.models.Reject` and reading goes on. UTF-8 with a few bad bytes
(at most 5% of the characters) is repaired with U+FFFD and a logged warning.
"""

from __future__ import annotations

from detente.ingest.core import (
    DEFAULT_MAX_CHARS,
    default_rejects_path,
    normalise_text,
    read_inputs,
    write_rejects,
)
from detente.ingest.dates import parse_date

__all__ = [
    "DEFAULT_MAX_CHARS",
    "default_rejects_path",
    "normalise_text",
    "parse_date",
    "read_inputs",
    "write_rejects",
]
