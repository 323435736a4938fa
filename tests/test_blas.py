"""The pipeline's matrix products on numpy's BLAS: chosen by environment, same annotations as stock."""

from __future__ import annotations

import pytest

from detente import blas


def test_choice_and_threads_come_from_the_environment(monkeypatch):
    monkeypatch.delenv("DETENTE_BLAS", raising=False)
    monkeypatch.delenv("DETENTE_BLAS_THREADS", raising=False)
    assert blas.blas_choice() == "numpy" and blas.blas_threads() == 1
    monkeypatch.setenv("DETENTE_BLAS", " BLIS ")
    monkeypatch.setenv("DETENTE_BLAS_THREADS", "4")
    assert blas.blas_choice() == "blis" and blas.blas_threads() == 4


@pytest.mark.parametrize(("name", "value", "hint"), [("DETENTE_BLAS", "mkl", "'numpy'"),
                                                     ("DETENTE_BLAS_THREADS", "two", "whole number"),
                                                     ("DETENTE_BLAS_THREADS", "0", "at least 1")])
def test_bad_settings_name_the_variable_and_the_fix(monkeypatch, name, value, hint):
    monkeypatch.setenv(name, value)
    with pytest.raises(ValueError) as err:
        blas.blas_choice() if name == "DETENTE_BLAS" else blas.blas_threads()
    assert name in str(err.value) and hint in str(err.value)


class _Node:
    def __init__(self, ops):
        self.ops = ops


class _Model:
    def __init__(self, nodes):
        self.nodes = nodes

    def walk(self):
        return iter(self.nodes)


class _Proc:
    def __init__(self, model):
        self.model = model


class _Pipeline:
    def __init__(self, procs):
        self.pipeline = procs


def test_only_numpy_backed_models_are_switched(monkeypatch):
    from thinc.api import NumpyOps, Ops

    monkeypatch.delenv("DETENTE_BLAS", raising=False)
    monkeypatch.setattr(blas, "limit_threads", lambda n: None)
    numpy_node, other = _Node(NumpyOps()), _Node(Ops())
    pipe = _Pipeline([("tok2vec", _Proc(_Model([numpy_node, other]))), ("rules", object())])
    assert blas.use_numpy_blas(pipe)
    assert isinstance(numpy_node.ops, NumpyOps) and numpy_node.ops.use_blis is False
    assert type(other.ops) is Ops  # a backend that is not NumpyOps is left alone
    monkeypatch.setenv("DETENTE_BLAS", "blis")
    kept = _Node(NumpyOps())
    assert not blas.use_numpy_blas(_Pipeline([("tagger", _Proc(_Model([kept])))]))
    assert kept.ops.use_blis is True


@pytest.mark.model
def test_loaded_pipeline_multiplies_on_numpy_and_stock_on_blis(nlp):
    from detente.nlp import load_nlp

    models = [p.model for _, p in nlp.pipeline if hasattr(p, "model") and hasattr(p.model, "walk")]
    assert models and all(node.ops.use_blis is False for m in models for node in m.walk())
    stock = load_nlp(stock=True)
    assert all(node.ops.use_blis for _, p in stock.pipeline if hasattr(p, "model") and hasattr(p.model, "walk")
               for node in p.model.walk())


@pytest.mark.model
def test_annotations_match_the_stock_pipeline(nlp, dev_texts):
    """Rounding may differ between BLAS libraries; decisions should (almost) never."""
    from detente.nlp import load_nlp

    texts = dev_texts[:400]
    stock = load_nlp(stock=True)
    tokens = diffs = 0
    for a, b in zip(stock.pipe(texts), nlp.pipe(texts), strict=True):
        for x, y in zip(a, b, strict=True):
            tokens += 1
            diffs += (x.tag_, x.dep_, x.head.i, x.ent_iob_, x.ent_type_) != (y.tag_, y.dep_, y.head.i, y.ent_iob_,
                                                                          y.ent_type_)
    assert tokens > 5000 and diffs <= tokens // 1000
