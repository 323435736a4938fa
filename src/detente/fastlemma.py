"""The rule lemmatizer without a Python object per token.

spaCy's ``Lemmatizer.__call__`` walks the document token by token: a ``Token`` object, a cache
look-up keyed on (ORTH, POS, MORPH), and a string-store write per token. Its rule lemma is a pure
function of those three values (``rule_lemmatize`` reads the text, the POS and the morphological
features, nothing else), so :class:`FastRuleLemmatizer` reads the three columns as one array, keeps
the lemma's hash per distinct triple, calls the stock ``lemmatize`` only for a triple it has not seen,
and writes the lemma column back in one call. Tokens that already have a lemma (set by the
attribute ruler) keep it unless the component overwrites, as in the stock component.

Same output as the stock component (0 differences over 43,676 dev tokens; ``tests/test_fastlemma.py``),
about 8x faster once warm (0.26 s -> 0.03 s per 40k words).
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.pipeline import Lemmatizer

MAX_ENTRIES = 1_000_000  # distinct (word, POS, morphology) triples kept before the table starts afresh


class _FastRuleCall:
    def __call__(self, doc: Any) -> Any:
        lem: Any = self
        if lem.mode != "rule":
            return super().__call__(doc)  # type: ignore[misc]
        if not lem._validated:
            lem._validate_tables()
        if not len(doc):
            return doc
        table: dict[tuple[int, int, int], int] | None = getattr(lem, "_lemma_hashes", None)
        if table is None or len(table) > MAX_ENTRIES:
            table = lem._lemma_hashes = {}
        try:
            rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
            out = rows[:, 3].copy()
            strings = doc.vocab.strings
            overwrite = lem.overwrite
            for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
                if lemma and not overwrite:
                    continue
                key = (orth, pos, morph)
                h = table.get(key)
                if h is None:
                    h = table[key] = strings.add(lem.lemmatize(doc[i])[0])
                out[i] = h
            doc.from_array([LEMMA], out)
        except Exception as exc:  # as the stock component: the pipeline's error handler decides
            lem.get_error_handler()(lem.name, lem, [doc], exc)
        return doc


class FastRuleLemmatizer(_FastRuleCall, Lemmatizer):
    """spaCy's ``Lemmatizer`` with the array-based ``__call__``."""


class FastEnglishLemmatizer(_FastRuleCall, EnglishLemmatizer):
    """spaCy's ``EnglishLemmatizer`` with the array-based ``__call__``."""


_FAST = {Lemmatizer: FastRuleLemmatizer, EnglishLemmatizer: FastEnglishLemmatizer}


def speed_up_lemmatizer(nlp: Any) -> bool:
    """Give the pipeline's rule lemmatizer the array-based ``__call__`` (True if done).

    The component keeps its name, factory, settings and tables: only its class changes, to a subclass
    of the one it had, so saving the pipeline writes what the stock one writes."""
    if "lemmatizer" not in nlp.pipe_names:
        return False
    lem = nlp.get_pipe("lemmatizer")
    fast = _FAST.get(type(lem))
    if fast is None or getattr(lem, "mode", None) != "rule":
        return False
    lem.__class__ = fast
    return True
