from pathlib import Path

import pytest

from detente.evalspans import SpanScorer, looks_like_conll, read_conll
from detente.evaluate import evaluate, read_gold
from detente.models import Actor, Event, Span

FIX = Path(__file__).parent / "fixtures" / "eval" / "spans.conll"


def ev(text, src, tgt, trigger="arrested", conf=0.8):
    def actor(s):
        if s is None:
            return None
        a = text.index(s)
        return Actor(text=s, span=Span(start=a, end=a + len(s), text=s))
    t = text.index(trigger)
    return Event(id="e", article_id="a", sentence_index=0, sentence=text, source=actor(src), target=actor(tgt),
                 cameo="173", cameo_name="Arrest", root="17", base="173", goldstein=-5.0, quad_class=4,
                 trigger=Span(start=t, end=t + len(trigger), text=trigger), confidence=conf, lexicon_entry="x")


def test_reader_builds_char_spans_and_reciprocal_roles():
    text = FIX.read_text()
    assert looks_like_conll(text)
    a, b = read_conll(text, str(FIX))
    assert a.text == "Kenyan police arrested two activists ."
    assert [a.text[s:e] for s, e in a.source] == ["Kenyan police"]
    assert [a.text[s:e] for s, e in a.target] == ["two activists"]
    assert sorted(b.text[s:e] for s, e in b.source) == ["Chile", "Peru"] == sorted(b.text[s:e] for s, e in b.target)
    assert b.line == 8


def test_scorer_exact_and_token_overlap():
    rec = read_conll(FIX.read_text(), "x")[0]
    sc = SpanScorer()
    assert sc.add(rec, [ev(rec.text, "Kenyan police", "activists")]) is False
    m = sc.metrics()
    assert m["source_span_f1"] == 1.0
    assert m["target_span_f1"] == 0.0
    assert m["target_token_f1"] == pytest.approx(2 * 1.0 * 0.5 / 1.5)  # 1 of 2 gold tokens, precision 1


def test_evaluate_reads_conll_gold():
    gold = read_gold(FIX)
    assert gold.format == "spans" and len(gold) == 2

    def code_batch(arts):
        return [[ev(a.text, "Kenyan police", "two activists")] if "police" in a.text else [] for a in arts]

    rep = evaluate(gold, code_batch)
    assert rep.metrics["source_span_recall"] == pytest.approx(1 / 3)
    assert rep.metrics["source_span_precision"] == 1.0
    assert rep.n_mistakes == 1


def test_real_spans_gold_reads(shared):
    gold = read_gold(shared / "eval" / "dev" / "source_target_spans" / "train.conll")
    assert gold.format == "spans" and 1100 < len(gold) < 1200
