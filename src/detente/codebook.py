"""The CAMEO codebook with Goldstein values, QuadClass and the CAMEO->PLOVER mapping."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import CodebookError, DictionaryError
from .registry import package_file


@dataclass(frozen=True)
class CodeInfo:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_event: str | None
    plover_mode: str | None
    plover_context: str | None

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def base(self) -> str:
        return self.code[:3] if len(self.code) >= 3 else self.code


class Codebook:
    """Lookup from CAMEO code to its name, Goldstein value, QuadClass and PLOVER coding."""

    def __init__(self, rows: dict[str, CodeInfo]) -> None:
        self._rows = rows

    @classmethod
    def from_file(cls, path: Path | str) -> Codebook:
        rows: dict[str, CodeInfo] = {}
        header: list[str] | None = None
        text = Path(path).read_text(encoding="utf-8")
        for n, raw in enumerate(text.splitlines(), 1):
            if not raw.strip() or raw.startswith("#"):
                continue
            cols = raw.split("\t")
            if header is None:
                header = cols
                continue
            if len(cols) != len(header):
                raise DictionaryError(f"expected {len(header)} tab-separated columns, found {len(cols)}",
                                      path=str(path), line=n)
            rec = dict(zip(header, cols, strict=True))
            code = rec["code"]
            rows[code] = CodeInfo(
                code=code,
                name=rec["name"],
                goldstein=float(rec["goldstein"]),
                quad_class=int(rec["quad_class"]),
                plover_event=rec["plover_event"] or None,
                plover_mode=rec["plover_mode"] or None,
                plover_context=rec["plover_context"] or None,
            )
        return cls(rows)

    def __contains__(self, code: object) -> bool:
        return code in self._rows

    def __len__(self) -> int:
        return len(self._rows)

    def codes(self) -> list[str]:
        return list(self._rows)

    def get(self, code: str) -> CodeInfo:
        try:
            return self._rows[code]
        except KeyError:
            raise CodebookError(
                f"CAMEO code {code!r} is not in the codebook; use a two- to four-digit code such as "
                f"'04', '040' or '0211' (see detente/data/cameo.tsv)"
            ) from None


@lru_cache(maxsize=1)
def default_codebook() -> Codebook:
    return Codebook.from_file(package_file("data/cameo.tsv"))


def root_of(code: str) -> str:
    return code[:2]


PENTA_SCHEMES = ("phoenix", "roots")
DEFAULT_PENTA_SCHEME = "phoenix"


@lru_cache(maxsize=8)
def pentaclass_table(scheme: str = DEFAULT_PENTA_SCHEME) -> dict[str, int]:
    """CAMEO root -> five-class label under a scheme of ``data/pentaclass.tsv``, or a user file.

    A user file has ``root<TAB>class`` rows (``#`` comments); every root 01-20 must be given.
    """
    if scheme in PENTA_SCHEMES:
        lines = package_file("data/pentaclass.tsv").read_text(encoding="utf-8").splitlines()
        rows = [ln.split("\t") for ln in lines if ln.strip() and not ln.startswith("#")]
        col = rows[0].index(scheme)
        table = {r[0]: int(r[col]) for r in rows[1:]}
    else:
        path = Path(scheme)
        if not path.is_file():
            raise CodebookError(f"pentaclass scheme {scheme!r} is neither one of {', '.join(PENTA_SCHEMES)} "
                                f"nor a file; give a scheme name or a root<TAB>class file")
        table = {}
        for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            parts = line.split()
            if len(parts) != 2 or not parts[1].isdigit() or int(parts[1]) > 4:
                raise CodebookError(f"{path}:{n}: expected 'ROOT CLASS' with CLASS 0-4, got {raw!r}")
            table[parts[0].zfill(2)] = int(parts[1])
    missing = [f"{r:02d}" for r in range(1, 21) if f"{r:02d}" not in table]
    if missing:
        raise CodebookError(f"pentaclass scheme {scheme!r} gives no class for roots {', '.join(missing)}")
    return table


def pentaclass(code: str, scheme: str = DEFAULT_PENTA_SCHEME) -> int:
    """Five-class label: 0 statement, 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict.

    ``scheme`` is "phoenix" (default: appeals with statements, reductions of relations as verbal
    conflict), "roots" (01 / 02-05 / 06-08 / 09-13 / 14-20) or a root<TAB>class file.
    """
    return pentaclass_table(scheme)[code[:2]]

