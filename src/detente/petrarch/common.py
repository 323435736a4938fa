"""What the PETRARCH converters share: reading and cleaning dictionary files, telling their kind,
macros, and the conversion counts."""

from __future__ import annotations

import itertools
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DictionaryError

log = logging.getLogger("detente.petrarch")

@dataclass
class ConversionStats:
    """What a conversion produced: entries written, lines skipped and why."""

    path: str = ""
    kind: str = ""
    entries: int = 0
    skipped: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    partial: Counter[str] = field(default_factory=Counter)  # converted, but with something dropped
    examples: dict[str, list[str]] = field(default_factory=dict)

    def skip(self, reason: str, line: int, text: str) -> None:
        self.skipped += 1
        self.reasons[reason] += 1
        ex = self.examples.setdefault(reason, [])
        if len(ex) < 5:
            ex.append(f"{line}: {text.strip()}")

    def summary(self) -> str:
        why = ", ".join(f"{n} {r}" for r, n in self.reasons.most_common())
        part = ", ".join(f"{n} {r}" for r, n in self.partial.most_common())
        return (f"{Path(self.path).name}: {self.entries} {self.kind} entries converted"
                + (f" ({part})" if part else "") + f", {self.skipped} lines skipped"
                + (f" ({why})" if why else ""))


# ------------------------------------------------------------------------------------------ reading


def _read(path: Path | str) -> str:
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise DictionaryError(f"cannot read PETRARCH dictionary ({exc.strerror}); check the path",
                              path=str(p)) from exc
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


_XML_COMMENT = re.compile(r"<!\s*--.*?-->", re.S)


def _clean_lines(text: str) -> list[str]:
    """Lines with <!-- --> blocks blanked (line numbers kept) and '#' comments (outside [...]) cut."""
    text = _XML_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    out = []
    for line in text.splitlines():
        depth = 0
        cut = len(line)
        for i, ch in enumerate(line):
            if ch == "[":
                depth += 1
            elif ch == "]":
                depth = max(0, depth - 1)
            elif ch == "#" and depth == 0:
                cut = i
                break
        out.append(line[:cut].rstrip())
    return out


_VERB_HEADER = re.compile(r"^---\s*(?P<name>[^\[]*?)\s*(?P<codes>(\[[^\]]*\]\s*)+)(---)?\s*$")
_CODE_LINE = re.compile(r"\[[^\]]*\]")


def petrarch_dictionary_kind(path: Path | str) -> str | None:
    """'verbs', 'agents', 'actors', or None if the file does not look like a PETRARCH dictionary."""
    try:
        text = _read(path)[:200000]
    except DictionaryError:
        return None
    first = next((ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")), "")
    if first.startswith("pattern\t"):
        return None  # detente's own actor TSV
    lines = _clean_lines(text)
    if sum(1 for ln in lines if _VERB_HEADER.match(ln.strip())) >= 1:
        return "verbs"
    coded = [ln for ln in lines if _CODE_LINE.search(ln)]
    if not coded:
        return None
    if any("\t" in ln.strip() and not _CODE_LINE.search(ln.split("\t")[0]) for ln in coded[:50]):
        return None  # tab-separated table with brackets in some column
    if sum(1 for ln in coded if re.search(r"\[\s*~|~\s*\]", ln)) > len(coded) / 2:
        return "agents"
    return "actors"


def is_petrarch_dictionary(path: Path | str) -> bool:
    """True if the file looks like a PETRARCH actors, agents or verbs dictionary."""
    return petrarch_dictionary_kind(path) is not None


# ------------------------------------------------------------------------------------------- actors


def _phrase(name: str) -> str:
    """PETRARCH phrase -> detente pattern phrase: underscores to spaces, trailing '_' dropped."""
    words = name.replace("_", " ").split()
    return " ".join(words).lower()


def _expand_macros(name: str, macros: dict[str, list[str]]) -> list[str]:
    parts = re.split(r"(![A-Z0-9]+!)", name)
    options = [macros.get(p, [p]) if p.startswith("!") and p.endswith("!") else [p] for p in parts]
    return ["".join(combo) for combo in itertools.product(*options)]


def _split_name(text: str) -> tuple[str, list[str], list[str]]:
    """'NAME {PL1 PL2} [CODE] [CODE]' -> name, plural forms, raw codes."""
    codes = _CODE_LINE.findall(text)
    rest = _CODE_LINE.sub(" ", text)
    plurals: list[str] = []
    for group in re.findall(r"\{([^}]*)\}", rest):
        plurals.extend(w.lstrip("+") for w in group.split())
    name = re.sub(r"\{[^}]*\}", " ", rest).strip()
    return name, plurals, codes
