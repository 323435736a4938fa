"""The trigger lexicon: lemmas with dependency constraints that fire a CAMEO code.

File format (UTF-8, one entry a line, fields separated by whitespace, `#` starts a comment)::

    CODE  TRIGGER  [CONSTRAINT ...]  [OPTION ...]

CODE is a CAMEO code from the codebook, or `none` for a reading that is not an event (it blocks the
less specific entries: "none fight +obj:epidemic|fire|corruption"). TRIGGER is one or more lemmas joined with `|`; a leading
`n:` makes it a nominal trigger (a noun such as "talks" or "tariff"), otherwise it is a verb.
Constraints narrow where the entry applies; more constraints make an entry more specific, and the
most specific matching entry wins:

    +obj:L|L        the direct object (the passive subject, or a nominal's `of` object) has lemma L
    +prep:P         the trigger has a preposition P ("call +prep:for"; P|Q for either)
    +prep:P:L|L     ... whose object has lemma L ("call +prep:for:aid|assistance")
    +xcomp:L|L      the trigger governs an infinitive with lemma L ("agree +xcomp:meet")
    +prt:P          the trigger has particle P ("cut +prt:off")
    +mod:L|L        the trigger (or its object) has a modifier or compound with lemma L ("n:talk +mod:peace")

Options:

    sym             symmetric: coordinated sources act on each other ("China and India met")
    target=P,P      where the target is found, in order: `dobj`, `iobj`, or a preposition. With an
                    +obj constraint the object is a thing ("imposed tariffs"), not the target, unless
                    `dobj` is listed here ("release +obj:journalist target=dobj")
    target=none     the event has no target
    say             a reporting verb: coded as a statement only when its complement has no event
    conf=0.7        prior confidence of the entry (default 0.8)

User lexicon files in the same format are added with `--verbs FILE`; their entries are tried
before the bundled ones when equally specific.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..codebook import Codebook, default_codebook
from ..errors import DictionaryError
from ..registry import package_files

NO_EVENT = "none"  # an entry whose reading is not an event ("fight +obj:epidemic")
DEFAULT_VERB_TARGETS = ("dobj", "iobj", "with", "against", "on", "to", "at", "into")
DEFAULT_NOUN_TARGETS = ("on", "against", "with", "to", "of", "over", "at", "into", "for")
CONSTRAINT_KINDS = ("obj", "prep", "xcomp", "prt", "mod")


@dataclass(frozen=True)
class Constraint:
    kind: str  # obj | prep | xcomp | prt | mod
    value: frozenset[str] = frozenset()  # lemmas (obj, xcomp, mod) or the preposition (prep, prt)
    objects: frozenset[str] = frozenset()  # for prep: lemmas of its object, empty = any

    def describe(self) -> str:
        vals = "|".join(sorted(self.value))
        if self.objects:
            return f"+{self.kind}:{vals}:{'|'.join(sorted(self.objects))}"
        return f"+{self.kind}:{vals}"


@dataclass(frozen=True)
class LexEntry:
    code: str
    lemmas: frozenset[str]
    pos: str  # "verb" or "noun"
    constraints: tuple[Constraint, ...] = ()
    targets: tuple[str, ...] = ()
    symmetric: bool = False
    say: bool = False
    conf: float = 0.8
    explicit_targets: bool = False  # the entry says where its target is (target=...)
    origin: str = ""  # file:line
    user: bool = False
    text: str = field(default="", compare=False)

    @property
    def specificity(self) -> int:
        return sum(2 if c.objects else 1 for c in self.constraints)

    @property
    def id(self) -> str:
        return self.origin

    def describe(self) -> str:
        return f"{self.origin} [{self.text}]"


def _parse_line(raw: str, path: str, n: int, codebook: Codebook, user: bool) -> LexEntry | None:
    line = raw.split("#", 1)[0].strip()
    if not line:
        return None
    fields = line.split()
    if len(fields) < 2:
        raise DictionaryError("an entry needs at least a CAMEO code and a trigger lemma, e.g. '040 meet'",
                              path=path, line=n)
    code, trig, rest = fields[0], fields[1], fields[2:]
    if code != NO_EVENT and code not in codebook:
        raise DictionaryError(f"CAMEO code {code!r} is not in the codebook (detente/data/cameo.tsv)",
                              path=path, line=n)
    pos = "verb"
    if trig.startswith("n:"):
        pos, trig = "noun", trig[2:]
    lemmas = frozenset(t.replace("_", " ").lower() for t in trig.split("|") if t)
    if not lemmas:
        raise DictionaryError("empty trigger", path=path, line=n)
    constraints: list[Constraint] = []
    targets: tuple[str, ...] = DEFAULT_NOUN_TARGETS if pos == "noun" else DEFAULT_VERB_TARGETS
    symmetric = say = explicit = False
    conf = 0.8
    for tok in rest:
        if tok.startswith("+"):
            kind, _, spec = tok[1:].partition(":")
            if kind not in CONSTRAINT_KINDS or not spec:
                raise DictionaryError(
                    f"unknown constraint {tok!r}; use one of +obj:L, +prep:P, +prep:P:L, +xcomp:L, +prt:P, +mod:L",
                    path=path, line=n)
            if kind == "prep":
                prep, _, objs = spec.partition(":")
                constraints.append(Constraint("prep", frozenset(x.lower() for x in prep.split("|") if x),
                                              frozenset(o.lower() for o in objs.split("|") if o)))
            else:
                constraints.append(Constraint(kind, frozenset(v.lower().replace("_", " ") for v in spec.split("|") if v)))
        elif tok == "sym":
            symmetric = True
        elif tok == "say":
            say = True
        elif tok.startswith("target="):
            val = tok.split("=", 1)[1]
            targets = () if val == "none" else tuple(v for v in val.split(",") if v)
            explicit = True
        elif tok.startswith("conf="):
            try:
                conf = float(tok.split("=", 1)[1])
            except ValueError:
                raise DictionaryError(f"bad confidence {tok!r}; write e.g. conf=0.7", path=path, line=n) from None
            if not 0.0 <= conf <= 1.0:
                raise DictionaryError(f"confidence must be within 0..1, got {tok!r}", path=path, line=n)
        else:
            raise DictionaryError(
                f"unknown field {tok!r}; constraints start with '+', options are sym, say, target=, conf=",
                path=path, line=n)
    return LexEntry(code=code, lemmas=lemmas, pos=pos, constraints=tuple(constraints), targets=targets,
                    symmetric=symmetric, say=say, conf=conf, explicit_targets=explicit, origin=f"{Path(path).name}:{n}", user=user,
                    text=line)


def load_lexicon_file(path: Path | str, codebook: Codebook | None = None, user: bool = False) -> list[LexEntry]:
    cb = codebook or default_codebook()
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise DictionaryError(f"cannot read lexicon file ({exc.strerror}); check the path", path=str(p)) from exc
    except UnicodeDecodeError:
        raise DictionaryError("lexicon file is not UTF-8; save it as UTF-8", path=str(p)) from None
    out = []
    for n, raw in enumerate(text.splitlines(), 1):
        entry = _parse_line(raw, str(p), n, cb, user)
        if entry is not None:
            out.append(entry)
    return out


class Lexicon:
    """All trigger entries, indexed by (pos, lemma)."""

    def __init__(self, entries: Iterable[LexEntry]) -> None:
        self.entries = list(entries)
        self._index: dict[tuple[str, str], list[LexEntry]] = defaultdict(list)
        for e in self.entries:
            for lemma in e.lemmas:
                self._index[(e.pos, lemma)].append(e)
        for lst in self._index.values():
            lst.sort(key=lambda e: (-e.specificity, not e.user))
        self.verb_lemmas = frozenset(lemma for pos, lemma in self._index if pos == "verb")
        self.noun_lemmas = frozenset(lemma for pos, lemma in self._index if pos == "noun")

    def candidates(self, pos: str, lemma: str) -> list[LexEntry]:
        return self._index.get((pos, lemma), [])

    def codes(self) -> set[str]:
        return {e.code for e in self.entries if e.code != NO_EVENT}

    @classmethod
    def load(cls, user_files: Iterable[Path | str] = ()) -> Lexicon:
        entries = list(_bundled())
        for f in user_files:
            entries.extend(load_lexicon_file(f, user=True))
        return cls(entries)


@lru_cache(maxsize=1)
def _bundled() -> tuple[LexEntry, ...]:
    out: list[LexEntry] = []
    for f in package_files("events/data", ".lex"):
        out.extend(load_lexicon_file(f))
    return tuple(out)
