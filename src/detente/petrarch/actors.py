"""PETRARCH actor and agent dictionaries -> detente actor TSV (see the package docstring)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from .common import (
    _CODE_LINE,
    ConversionStats,
    _clean_lines,
    _expand_macros,
    _phrase,
    _read,
    _split_name,
    log,
    petrarch_dictionary_kind,
)

ACTOR_HEADER = "pattern\tcountry\tsector\tkind\tname\tstart\tend\tnote"
IGO_CODES = {"IGO", "UNO", "IMF", "IBR", "EEC", "G77"}
GROUP_CODES = {"NGO", "NGM"}


def _pdate(s: str) -> dt.date:
    s = s.strip()
    if len(s) == 6:
        yy = int(s[:2])
        s = f"{2000 + yy if yy < 30 else 1900 + yy}{s[2:]}"
    if len(s) != 8 or not s.isdigit():
        raise ValueError(s)
    return dt.date(int(s[:4]), int(s[4:6]), int(s[6:8]))


def _parse_restriction(rest: str) -> tuple[dt.date | None, dt.date | None]:
    rest = rest.replace(" ", "")
    if not rest:
        return None, None
    one = dt.timedelta(days=1)
    if rest.startswith("<"):
        return None, _pdate(rest[1:]) - one
    if rest.startswith(">"):
        return _pdate(rest[1:]) + one, None
    m = re.fullmatch(r"(\d{6,8})-(\d{6,8})", rest)
    if m:
        return _pdate(m.group(1)), _pdate(m.group(2))
    raise ValueError(rest)


@dataclass
class _ActorCode:
    country: str
    sector: str
    kind: str
    start: dt.date | None
    end: dt.date | None
    raw: str


@dataclass
class _ActorEntry:
    line: int
    names: list[str] = field(default_factory=list)
    codes: list[_ActorCode] = field(default_factory=list)
    had_code: bool = False  # a [CODE] was given (and, if `codes` is empty, skipped and counted already)


def _parse_code(raw: str, line: int, stats: ConversionStats) -> _ActorCode | None:
    inner = raw.strip()[1:-1].strip()
    if not inner:
        stats.skip("empty code", line, raw)
        return None
    m = re.match(r"([^\s<>\d][^\s<>]*|[A-Za-z0-9~/+#-]+)\s*(.*)$", inner)
    code, rest = (m.group(1), m.group(2)) if m else (inner, "")
    # a date written straight after the code: [HOB<950601]
    m2 = re.match(r"([A-Za-z~/+#-][A-Za-z0-9~/+#-]*?)([<>].*)$", code)
    if m2:
        code, rest = m2.group(1), m2.group(2) + rest
    try:
        start, end = _parse_restriction(rest)
    except ValueError:
        stats.skip("bad date restriction", line, raw)
        return None
    code = code.upper()
    if "/" in code:
        stats.partial["multi-code, first code kept"] += 1
        code = code.split("/")[0]
    if code.startswith("---"):
        stats.skip("unknown-actor code ---", line, raw)
        return None
    if code.startswith("~") or code.endswith("~"):
        sector = code.strip("~")
        if not re.fullmatch(r"[A-Z0-9]{2,}", sector):
            stats.skip("bad agent code", line, raw)
            return None
        return _ActorCode("", sector, "agent", start, end, inner)
    if not re.fullmatch(r"[A-Z0-9]{3,}", code):
        stats.skip("not an actor code (e.g. +++, ###)", line, raw)
        return None
    country, sector = code[:3], code[3:]
    if country in IGO_CODES:
        kind = "igo"
    elif country in GROUP_CODES or sector:
        kind = "group"
    else:
        kind = "state"
    return _ActorCode(country, sector, kind, start, end, inner)


def convert_actor_dictionary(path: Path | str, stats: ConversionStats | None = None) -> str:
    """Convert a PETRARCH actors or agents dictionary into detente's actor TSV text."""
    st = stats if stats is not None else ConversionStats()
    st.path, st.kind = str(path), petrarch_dictionary_kind(path) or "actors"
    lines = _clean_lines(_read(path))
    macros: dict[str, list[str]] = {}
    entries: list[_ActorEntry] = []
    cur: _ActorEntry | None = None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        stripped = line.strip()
        m = re.match(r"^(![A-Z0-9]+!)\s*=\s*(.+)$", stripped)
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        if stripped.startswith("["):
            if cur is None:
                st.skip("code without an entry", n, line)
                continue
            for raw in _CODE_LINE.findall(stripped):
                cur.had_code = True
                code = _parse_code(raw, n, st)
                if code:
                    cur.codes.append(code)
            continue
        if stripped.startswith("+"):
            if cur is None:
                st.skip("synonym without an entry", n, line)
                continue
            name, plurals, codes = _split_name(stripped[1:])
            if codes:  # a synonym with a code of its own is an entry of its own
                syn = _ActorEntry(n, [name, *plurals], had_code=True)
                syn.codes = [c for c in (_parse_code(r, n, st) for r in codes) if c]
                entries.append(syn)
            else:
                cur.names.extend([name, *plurals])
            continue
        if line[:1].isspace() and cur is not None and not _CODE_LINE.search(stripped):
            st.skip("unrecognised indented line", n, line)
            continue
        name, plurals, codes = _split_name(stripped)
        cur = _ActorEntry(n, [name, *plurals], had_code=bool(codes))
        cur.codes = [c for c in (_parse_code(r, n, st) for r in codes) if c]
        entries.append(cur)

    rows: list[str] = []
    src = Path(path).name
    for e in entries:
        patterns: list[str] = []
        for name in e.names:
            for expanded in _expand_macros(name, macros):
                ph = _phrase(expanded)
                if ph and "|" not in ph and ph not in patterns:
                    patterns.append(ph)
        if not patterns:
            st.skip("entry without a name", e.line, " ".join(e.names))
            continue
        if not e.codes:
            if not e.had_code:
                st.skip("entry without a code", e.line, e.names[0])
            continue
        ordered = sorted(e.codes, key=lambda c: c.start is None and c.end is None)
        for c in ordered:
            name = patterns[0].title() if c.kind != "agent" else patterns[0]
            note = f"PETRARCH {src}:{e.line} [{c.raw}]"
            rows.append("\t".join([
                "|".join(patterns), c.country, c.sector, c.kind, name,
                c.start.isoformat() if c.start else "", c.end.isoformat() if c.end else "", note,
            ]))
            st.entries += 1
    log.info("%s", st.summary())
    head = [f"# converted by detente.petrarch from {src}", f"# {st.summary()}", ACTOR_HEADER]
    return "\n".join(head + rows) + "\n"


# -------------------------------------------------------------------------------------------- verbs
