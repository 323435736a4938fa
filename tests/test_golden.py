"""Golden sentences: hand-written news sentences with the events the coder must produce.

Every row of every ``tests/golden/*.tsv`` file is one test case (ids: ``<file>:<line>:<first words>``).
The format is described in the header of each file and in docs/lexicon.md; in short, tab-separated
columns ``sentence  date  expected  flags  date_value  absent`` where

* ``expected`` is ``;``-separated ``SRC>TGT:CODE`` items, or ``-`` for a sentence with no event;
* SRC and TGT are actor codes (``Actor.code``: country + sector, ``USA``, ``CHNGOV``) matched as
  shell-style globs (``USA*`` = the USA with any sector, ``*GOV`` = any government, ``*`` = anything,
  even no actor); ``-`` means "no actor or an unresolved one" (``Actor.code is None``);
* CODE is a CAMEO code or a glob over it (``16*``);
* ``flags`` lists flags the matching events must carry (``future``, ``negated``, ...) or must not
  carry (``!future``);
* ``date_value`` is the event date the matching events must have (``2025-01``), optionally with its
  precision (``2025-01@month``);
* ``absent`` lists items, in the ``expected`` syntax, that no produced event may match.

Rules checked for each row:

1. every expected item is matched by some produced event (that also satisfies ``flags`` and
   ``date_value``); extra events are allowed;
2. the sentence's main event (``detente.evaluate.main_event``: the coder's top-ranked event)
   has the CAMEO root of the FIRST expected item, so the coder's ranking and the lexicon's
   ``conf=`` values must make the main event win;
3. no produced event matches an ``absent`` item;
4. a no-event row (``-``) passes when no produced event has confidence >= NO_EVENT_CONF (0.5):
   the coder may notice a weak trigger, but it must not be confident about it.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
from dataclasses import dataclass, field
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"
NO_EVENT_CONF = 0.5
COLUMNS = ("sentence", "date", "expected", "flags", "date_value", "absent")
FLAG_NAMES = ("negated", "hypothetical", "future", "historical")


@dataclass(frozen=True)
class Item:
    source: str
    target: str
    code: str

    @classmethod
    def parse(cls, text: str, where: str) -> Item:
        try:
            pair, code = text.rsplit(":", 1)
            source, target = pair.split(">")
        except ValueError:
            raise ValueError(f"{where}: bad item {text!r}; write SRC>TGT:CODE, e.g. USA>CHN:163") from None
        if not code.strip() or not source.strip() or not target.strip():
            raise ValueError(f"{where}: empty part in {text!r}")
        return cls(source.strip(), target.strip(), code.strip())

    def __str__(self) -> str:
        return f"{self.source}>{self.target}:{self.code}"


@dataclass
class Case:
    file: str
    line: int
    sentence: str
    date: dt.date | None
    expected: list[Item]
    flags: list[str] = field(default_factory=list)
    date_value: str = ""
    absent: list[Item] = field(default_factory=list)

    @property
    def no_event(self) -> bool:
        return not self.expected

    @property
    def id(self) -> str:
        words = "_".join(self.sentence.split()[:6]).strip(".,;:")
        return f"{self.file}:{self.line}:{words}"


def _items(text: str, where: str) -> list[Item]:
    return [Item.parse(t, where) for t in text.split(";") if t.strip()]


def load_cases() -> list[Case]:
    cases: list[Case] = []
    for path in sorted(GOLDEN.glob("*.tsv")):
        header_seen = False
        for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not raw.strip() or raw.startswith("#"):
                continue
            cols = raw.split("\t")
            if not header_seen:
                if tuple(c.strip() for c in cols[: len(COLUMNS)]) != COLUMNS[: len(cols)]:
                    raise ValueError(f"{path.name}:{n}: the first row must be the header {COLUMNS}")
                header_seen = True
                continue
            cols += [""] * (len(COLUMNS) - len(cols))
            if len(cols) > len(COLUMNS):
                raise ValueError(f"{path.name}:{n}: {len(cols)} columns, at most {len(COLUMNS)}")
            sentence, date, expected, flags, date_value, absent = (c.strip() for c in cols)
            where = f"{path.name}:{n}"
            if not sentence or not expected:
                raise ValueError(f"{where}: sentence and expected are required ('-' = no event)")
            flag_list = [f.strip() for f in flags.split(",") if f.strip()]
            for f in flag_list:
                if f.lstrip("!") not in FLAG_NAMES:
                    raise ValueError(f"{where}: unknown flag {f!r}; one of {FLAG_NAMES}, or !name")
            cases.append(Case(
                file=path.stem, line=n, sentence=sentence,
                date=dt.date.fromisoformat(date) if date else None,
                expected=[] if expected == "-" else _items(expected, where),
                flags=flag_list, date_value=date_value, absent=_items(absent, where),
            ))
    return cases


CASES = load_cases()


def _actor_matches(pattern: str, actor) -> bool:  # noqa: ANN001 - detente.models.Actor | None
    code = actor.code if actor is not None else None
    if pattern == "-":
        return code is None
    if pattern == "*":
        return True
    return code is not None and fnmatch.fnmatchcase(code, pattern)


def item_matches(item: Item, ev) -> bool:  # noqa: ANN001 - detente.models.Event
    return (_actor_matches(item.source, ev.source) and _actor_matches(item.target, ev.target)
            and fnmatch.fnmatchcase(ev.cameo, item.code))


def extras_match(case: Case, ev) -> bool:  # noqa: ANN001
    for f in case.flags:
        want = not f.startswith("!")
        if getattr(ev.flags, f.lstrip("!")) is not want:
            return False
    if case.date_value:
        value, _, precision = case.date_value.partition("@")
        if ev.date.value != value or (precision and ev.date.precision != precision):
            return False
    return True


def describe(events) -> str:  # noqa: ANN001
    if not events:
        return "  (no events)"
    return "\n".join(
        f"  {e.source.code if e.source else None}>{e.target.code if e.target else None}:{e.cameo}"
        f" conf={e.confidence} rank={e.rank} trigger={e.trigger.text!r} flags={e.flags.names()}"
        f" date={e.date.value}@{e.date.precision}"
        for e in events)


def test_golden_files_are_well_formed() -> None:
    assert len(CASES) >= 90
    assert any(c.no_event for c in CASES)
    roots = {i.code[:2] for c in CASES for i in c.expected}
    assert {f"{r:02d}" for r in range(1, 21)} <= roots, "every CAMEO root needs a golden case"
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids))


@pytest.fixture(scope="module")
def coded() -> dict[str, list]:
    """Code every golden sentence once, as one article each, in a single batch."""
    from detente.models import Article
    from detente.pipeline import Coder

    coder = Coder()
    arts = [Article(id=c.id, text=c.sentence, date=c.date) for c in CASES]
    return {a.id: evs for a, evs in zip(arts, coder.code_batch(arts), strict=True)}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_golden(case: Case, coded: dict[str, list]) -> None:
    from detente.evaluate import main_event

    events = coded[case.id]
    got = describe(events)
    if case.no_event:
        confident = [e for e in events if e.confidence >= NO_EVENT_CONF]
        assert not confident, f"expected no event with confidence >= {NO_EVENT_CONF}; got\n{got}"
        return
    for item in case.expected:
        hits = [e for e in events if item_matches(item, e)]
        assert hits, f"missing {item}; got\n{got}"
        assert any(extras_match(case, e) for e in hits), \
            f"{item} found, but not with flags {case.flags} / date {case.date_value or '-'}; got\n{got}"
    main = main_event(events)
    want_root = case.expected[0].code[:2]
    assert not want_root.isdigit() or (main is not None and main.root == want_root), \
        f"main event should have root {want_root} (first expected item); main is " \
        f"{main.cameo if main else None}; got\n{got}"
    for item in case.absent:
        bad = [e for e in events if item_matches(item, e)]
        assert not bad, f"{item} must not be produced; got\n{got}"
