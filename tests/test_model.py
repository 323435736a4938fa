"""The learned classifier: training is deterministic, weights round-trip, and the coder uses it."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from detente.events.model import EventModel, LinearHead, Prediction


def toy_data():
    # feature 0 -> label 0, feature 1 -> label 1, feature 2 is noise
    rows, y = [], []
    for i in range(60):
        lab = i % 2
        rows.append([lab, 2] if i % 3 else [lab])
        y.append(lab)
    return rows, y


def test_fit_learns_and_is_deterministic():
    rows, y = toy_data()
    a = LinearHead.fit(rows, y, ["a", "b"], 3, epochs=5, seed=7)
    b = LinearHead.fit(rows, y, ["a", "b"], 3, epochs=5, seed=7)
    assert np.array_equal(a.W, b.W) and np.array_equal(a.b, b.b)
    assert a.probs([0])[0] > 0.9 and a.probs([1])[1] > 0.9
    assert abs(a.probs([2])[0] - 0.5) < 0.2


def test_save_and_load_round_trip(tmp_path):
    rows, y = toy_data()
    root = LinearHead.fit(rows, y, ["19", "none"], 3, epochs=3)
    code = LinearHead.fit(rows, y, ["190", "195"], 3, epochs=3)
    model = EventModel({"L=attack": 0, "L=rain": 1, "W=x": 2}, root, code, {"corpus_sha256": "abc"})
    model.save(tmp_path)
    back = EventModel.load(tmp_path)
    assert back.meta["corpus_sha256"] == "abc"
    p1, p2 = model.predict(["L=attack", "W=x"]), back.predict(["L=attack", "W=x", "unknown"])
    assert p1.best_root()[0] == p2.best_root()[0] == "19"
    assert p2.root["19"] == pytest.approx(p1.root["19"], abs=1e-2)  # weights are stored as float16


def test_best_code_renormalises_within_the_root():
    p = Prediction(root={"19": 0.9, "none": 0.1}, code={"190": 0.2, "195": 0.2, "111": 0.6})
    assert p.best_root() == ("19", 0.9)
    code, prob = p.best_code("19")
    assert code in ("190", "195") and prob == pytest.approx(0.5)
    assert p.best_code() == ("111", 0.6)
    assert p.best_code("04") is None


@pytest.mark.model
def test_coder_marks_who_chose_the_code(nlp):
    from detente.events.code import CoderSettings, SentenceCoder
    from detente.events.lexicon import Lexicon
    from detente.models import Article

    lex = Lexicon.load()

    class Always:
        """A stand-in model that is sure every candidate is a fight (root 19)."""

        def predict(self, features, vector=None):
            return Prediction(root={"19": 0.95, "04": 0.01, "none": 0.04}, code={"190": 0.9, "040": 0.1})

    text = "Chinese and Indian diplomats met in Beijing."
    doc = nlp(text)
    art = Article(id="t", text=text, date=dt.date(2025, 3, 7))
    from detente.actors import ActorResolver

    index = ActorResolver().match(doc, art.date)
    overriding = SentenceCoder(lex, settings=CoderSettings(use_model=True, override_p=0.9), model=Always())
    evs = overriding.code_doc(doc, art, index)
    assert evs and all(e.coded_by == "model" and e.root == "19" for e in evs)
    assert "model overrides" in evs[0].reason and evs[0].model_probability == pytest.approx(0.95)
    plain = SentenceCoder(lex, settings=CoderSettings(use_model=False))
    evs2 = plain.code_doc(doc, art, ActorResolver().match(doc, art.date))
    assert evs2 and all(e.coded_by == "lexicon" and e.root == "04" and e.model_probability is None for e in evs2)
