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
