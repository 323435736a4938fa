"""One registry for the package's data files (codebooks, dictionaries, lexicon) and users' additions."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

PACKAGE_ROOT = Path(str(resources.files("detente")))


def package_file(relpath: str) -> Path:
    """Path of a data file shipped inside the package, e.g. 'data/cameo.tsv'."""
    return PACKAGE_ROOT / relpath


def package_files(reldir: str, suffix: str = ".tsv") -> list[Path]:
    """All data files of a kind shipped in a package folder, in name order."""
    folder = PACKAGE_ROOT / reldir
    return sorted(p for p in folder.iterdir() if p.name.endswith(suffix)) if folder.is_dir() else []


def code_table(relpath: str) -> dict[str, str]:
    """A shipped two-column table of CAMEO code prefixes (``events/data/negation.tsv``,
    ``intent.tsv``, ``demand.tsv``): ``PREFIX<TAB>CODE`` rows, ``#`` comments."""
    out: dict[str, str] = {}
    for raw in package_file(relpath).read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            src, dst = line.split()
            out[src] = dst
    return out


def by_prefix(table: dict[str, str], code: str) -> str | None:
    """The row for the code itself, else its three-, else its two-digit prefix."""
    for n in (len(code), 3, 2):
        if code[:n] in table:
            return table[code[:n]]
    return None
