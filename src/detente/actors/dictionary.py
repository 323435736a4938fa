"""Reading actor dictionary files (the bundled data/*.tsv and users' own files).

Format (UTF-8, tab-separated, ``#`` starts a comment line, blank lines ignored)::

    pattern	country	sector	kind	name	start	end	note

See docs/actors.md for what each column means.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..errors import DictionaryError
from ..registry import package_files

COLUMNS = ("pattern", "country", "sector", "kind", "name", "start", "end", "note")
KINDS = ("state", "person", "igo", "group", "agent")
_CODE = re.compile(r"[A-Za-z0-9_~.\-]+")


@dataclass(frozen=True)
class Entry:
    """One dictionary row."""

    patterns: tuple[str, ...]
    country: str | None
    sector: str | None
    kind: str
    name: str | None
    start: dt.date | None
    end: dt.date | None
    note: str
    origin: str
    user: bool = False

    @property
    def label(self) -> str:
        """Canonical name, or the first pattern."""
        return self.name or self.patterns[0]

    def covers(self, date: dt.date) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)

    def distance(self, date: dt.date) -> int:
        """Days between `date` and this row's term (0 when the term covers it)."""
        if self.start is not None and date < self.start:
            return (self.start - date).days
        if self.end is not None and date > self.end:
            return (date - self.end).days
        return 0

    def term(self) -> str:
        """The term as 'start..end' ('' when open on both sides)."""
        if self.start is None and self.end is None:
            return ""
        return f"{self.start.isoformat() if self.start else ''}..{self.end.isoformat() if self.end else ''}"


def strip_accents(text: str) -> str:
    """'Erdoğan' -> 'Erdogan', 'Élysée' -> 'Elysee'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ı", "i")


def _date(value: str, column: str, path: str, line: int) -> dt.date | None:
    value = value.strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise DictionaryError(
            f"column '{column}' has {value!r}, which is not a date; write it as YYYY-MM-DD "
            f"(e.g. 2023-07-25) or leave it empty for an open term",
            path=path, line=line) from None


def parse_dictionary(text: str, path: str = "<dictionary>", *, user: bool = False) -> list[Entry]:
    """Parse the text of one dictionary file; raise DictionaryError naming the line and the fix."""
    entries: list[Entry] = []
    header_seen = False
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if not header_seen:
            if tuple(c.lower() for c in cols) != COLUMNS:
                raise DictionaryError(
                    "the first non-comment line must be the header "
                    f"'{chr(9).join(COLUMNS)}' (tab-separated), found {line!r}",
                    path=path, line=n)
            header_seen = True
            continue
        if len(cols) > len(COLUMNS):
            raise DictionaryError(
                f"expected {len(COLUMNS)} tab-separated columns ({', '.join(COLUMNS)}), found {len(cols)}; "
                "remove the extra tabs (use '|' to separate several patterns)", path=path, line=n)
        if len(cols) < 4:
            raise DictionaryError(
                f"expected {len(COLUMNS)} tab-separated columns ({', '.join(COLUMNS)}), found {len(cols)}; "
                "separate the columns with tabs, not spaces (trailing empty columns may be left out)",
                path=path, line=n)
        cols += [""] * (len(COLUMNS) - len(cols))
        rec = dict(zip(COLUMNS, cols, strict=True))
        patterns = tuple(p.strip() for p in rec["pattern"].split("|"))
        if not rec["pattern"] or any(not p for p in patterns):
            raise DictionaryError(
                "the pattern column is empty or has an empty alternative; write one or more phrases "
                "separated by '|', e.g. 'United States|U.S.|USA'", path=path, line=n)
        kind = rec["kind"].lower()
        if kind not in KINDS:
            raise DictionaryError(
                f"kind {rec['kind']!r} is not one of {', '.join(KINDS)}; fix the fourth column",
                path=path, line=n)
        for col in ("country", "sector"):
            if rec[col] and not _CODE.fullmatch(rec[col]):
                raise DictionaryError(
                    f"column '{col}' has {rec[col]!r}; a code is one word of letters/digits "
                    "(e.g. CHN, GOV) or empty", path=path, line=n)
        if kind in ("state", "igo") and not rec["country"]:
            raise DictionaryError(
                f"a '{kind}' row needs a code in the country column (e.g. CHN, UNO)", path=path, line=n)
        start = _date(rec["start"], "start", path, n)
        end = _date(rec["end"], "end", path, n)
        if start and end and end < start:
            raise DictionaryError(
                f"the term ends ({end}) before it starts ({start}); swap the start and end columns",
                path=path, line=n)
        entries.append(Entry(
            patterns=patterns,
            country=rec["country"] or None,
            sector=rec["sector"] or None,
            kind=kind,
            name=rec["name"] or None,
            start=start,
            end=end,
            note=rec["note"],
            origin=f"{path}:{n}",
            user=user,
        ))
    if not header_seen:
        raise DictionaryError(
            f"no header line; the first non-comment line must be '{chr(9).join(COLUMNS)}'", path=path)
    return entries


def load_dictionary(path: Path | str, *, user: bool = False) -> list[Entry]:
    """Read one dictionary file."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DictionaryError("file not found; check the path given to --actors", path=str(p)) from None
    except UnicodeDecodeError as exc:
        raise DictionaryError(f"not UTF-8 ({exc.reason} at byte {exc.start}); save the file as UTF-8",
                              path=str(p)) from None
    return parse_dictionary(text, str(p), user=user)


def bundled_files() -> list[Path]:
    """The dictionary files shipped with detente (actors/data/*.tsv)."""
    return package_files("actors/data")
