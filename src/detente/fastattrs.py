"""A faster drop-in for spaCy's ``attribute_ruler``: the same annotations, without its Matcher pass.

The English pipelines' attribute ruler maps fine-grained tags to coarse POS and morphology and fixes
a few words ("'d" -> would), through some 180 Matcher patterns run over every token. Almost all of
them look at one token only (its TAG, LOWER, DEP, IS_SPACE), so what they do to a token is a
function of those few values: :class:`FastAttributeRuler` evaluates the patterns once per distinct
combination, remembers the answer, and applies the ruler's own attribute sets in the ruler's own
order. Patterns of any other shape (several tokens, other attributes or operators) still go
through a Matcher, holding only those patterns. The result is the same token by token (tested
against the stock component on the development sentences); on the bundled model the component
takes a fraction of the stock one's time (measured by ``bench/throughput.py``).

Entry point: :func:`speed_up_attribute_ruler` (used by :func:`detente.nlp.load_nlp`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, ORTH, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import normalize_token_attrs, set_token_attrs

__all__ = ["FastAttributeRuler", "speed_up_attribute_ruler"]

# token attributes a single-token pattern may test and still be evaluated from the cache key
_KEY_ATTRS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3, "ORTH": 4, "TEXT": 4}
_ARRAY_ATTRS = [TAG, LOWER, DEP, IS_SPACE, ORTH]

Test = Callable[[tuple[Any, ...]], bool]


def _value_test(pos: int, want: Any) -> Test | None:
    """A test of key[pos] against one Matcher value spec, or None if the spec is not understood."""
    if isinstance(want, bool):
        return lambda key: bool(key[pos]) is want
    if isinstance(want, str):
        return lambda key: key[pos] == want
    if isinstance(want, dict) and len(want) == 1:
        op, arg = next(iter(want.items()))
        if op == "IN" and isinstance(arg, list):
            allowed = frozenset(arg)
            return lambda key: key[pos] in allowed
        if op == "NOT_IN" and isinstance(arg, list):
            banned = frozenset(arg)
            return lambda key: key[pos] not in banned
        if op == "REGEX" and isinstance(arg, str):
            rx = re.compile(arg)
            return lambda key: isinstance(key[pos], str) and rx.search(key[pos]) is not None
    return None


def _token_test(spec: dict[str, Any]) -> Test | None:
    """All conditions of a one-token pattern as one test, or None if any is beyond the cache key."""
    tests: list[Test] = []
    for name, want in spec.items():
        pos = _KEY_ATTRS.get(name.upper())
        if pos is None:
            return None
        test = _value_test(pos, want)
        if test is None:
            return None
        tests.append(test)
    return lambda key: all(t(key) for t in tests)


class _Canon:
    """Maps a token attribute's hash to its canonical form for the cache key: itself when some
    pattern names the value (or a pattern's regular expression matches it), else one shared
    OTHER value -- values no pattern can tell apart get the same key."""

    def __init__(self) -> None:
        self.named: set[str] = set()
        self.regexes: list[re.Pattern[str]] = []
        self.raw = False  # booleans: keep the value
        self.used = False
        self.memo: dict[int, int] = {}

    def add(self, want: Any) -> None:
        self.used = True
        if isinstance(want, str):
            self.named.add(want)
        elif isinstance(want, dict) and next(iter(want)) in ("IN", "NOT_IN"):
            self.named.update(str(v) for v in next(iter(want.values())))
        elif isinstance(want, dict) and next(iter(want)) == "REGEX":
            self.regexes.append(re.compile(next(iter(want.values()))))
        else:
            self.raw = True

    def __call__(self, h: int, strings: Any) -> int:
        if not self.used:
            return OTHER
        if self.raw or h == 0:
            return h
        out = self.memo.get(h)
        if out is None:
            text = strings[h]
            out = h if text in self.named or any(rx.search(text) for rx in self.regexes) else OTHER
            self.memo[h] = out
        return out


# a value no pattern names: all such values behave alike, so they share one cache key
OTHER = 2**64 - 1


class FastAttributeRuler:
    """Applies an AttributeRuler's patterns with a per-token-shape cache (same output)."""

    def __init__(self, vocab: Any) -> None:
        self.vocab = vocab
        self.attrs: list[dict[Any, Any]] = []
        self.indices: list[int] = []
        self.single: list[tuple[int, Test]] = []
        self.matcher = Matcher(vocab)
        self.fallback = 0
        self._cache: dict[tuple[int, ...], tuple[int, ...]] = {}
        self._canon = [_Canon() for _ in _ARRAY_ATTRS]
        self._seen: dict[tuple[int, ...], tuple[int, ...]] = {}  # raw token shape -> pattern ids

    def add_patterns(self, patterns: list[dict[str, Any]]) -> None:
        """The patterns of an AttributeRuler (its ``patterns`` property), in its order."""
        for p in patterns:
            i = len(self.attrs)
            self.attrs.append(normalize_token_attrs(self.vocab, p["attrs"]))
            index = int(p.get("index", 0))
            self.indices.append(index)
            rest = []
            for pat in p["patterns"]:
                test = _token_test(pat[0]) if len(pat) == 1 and isinstance(pat[0], dict) else None
                if test is not None and index in (0, -1):
                    self.single.append((i, test))
                    for name, want in pat[0].items():
                        self._canon[_KEY_ATTRS[name.upper()]].add(want)
                else:
                    rest.append(pat)
            if rest:
                self.matcher.add(str(i), rest)
                self.fallback += len(rest)
        self._cache.clear()
        self._seen.clear()
        for c in self._canon:
            c.memo.clear()

    def _ids_for(self, raw: tuple[int, ...]) -> tuple[int, ...]:
        strings = self.vocab.strings
        def text(h: int) -> str:
            return "" if h == 0 else "\x00other" if h == OTHER else strings[h]

        key = (text(raw[0]), text(raw[1]), text(raw[2]), bool(raw[3]), text(raw[4]))
        return tuple(i for i, test in self.single if test(key))

    def __call__(self, doc: Doc) -> Doc:
        extra: dict[int, list[int]] = {}
        if self.fallback:
            for m_id, start, end in self.matcher(doc, allow_missing=True):
                i = int(self.vocab.strings[m_id])
                idx = self.indices[i]
                at = start + idx if idx >= 0 else end + idx
                if not start <= at < end:
                    raise ValueError(f"attribute ruler pattern {i} has index {idx} outside its match")
                extra.setdefault(at, []).append(i)
        cache = self._cache
        attrs = self.attrs
        strings = self.vocab.strings
        c_tag, c_lower, c_dep, c_space, c_orth = self._canon
        arr = doc.to_array(_ARRAY_ATTRS)
        if arr.ndim == 1:
            arr = arr.reshape(-1, len(_ARRAY_ATTRS))
        seen = self._seen
        if len(seen) > 500_000:
            seen.clear()
        for t, row in enumerate(arr.tolist()):
            ids = seen.get(raw := tuple(row))  # the exact token shape met before
            if ids is None:
                tag, lower, dep, space, orth = raw
                key = (c_tag(tag, strings), c_lower(lower, strings), c_dep(dep, strings), c_space(space, strings),
                       c_orth(orth, strings))
                ids = cache.get(key)
                if ids is None:
                    ids = cache[key] = self._ids_for(key)
                seen[raw] = ids
            if t in extra:
                ids = tuple(sorted(ids + tuple(extra[t])))
            if ids:
                tok = doc[t]
                for i in ids:
                    set_token_attrs(tok, attrs[i])
        return doc

    def pipe(self, stream: Any, batch_size: int = 128) -> Any:
        for doc in stream:
            yield self(doc)


@Language.factory("detente_attribute_ruler")
def make_fast_attribute_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    return FastAttributeRuler(nlp.vocab)


def speed_up_attribute_ruler(nlp: Any) -> bool:
    """Put a FastAttributeRuler with the same patterns in place of ``attribute_ruler`` (True if done)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    if isinstance(ruler, FastAttributeRuler) or not hasattr(ruler, "patterns"):
        return False
    patterns = ruler.patterns
    fast = nlp.replace_pipe("attribute_ruler", "detente_attribute_ruler")
    fast.add_patterns(patterns)
    return True
