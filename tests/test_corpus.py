"""The project's own training corpus: well-formed, not template-like, and not copied from outside text."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from detente.codebook import default_codebook

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))

import check_corpus  # noqa: E402

FIELDS = {"id", "text", "cameo", "source", "target", "source_code", "target_code", "flags"}
FLAGS = {"negated", "hypothetical", "future", "historical", "reported"}


@pytest.fixture(scope="module")
def records():
    recs = list(check_corpus.corpus_records())
    if not recs:
        pytest.skip("the training corpus is empty")
    return recs


def test_records_are_well_formed(records):
    cb = default_codebook()
    ids = set()
    for name, line, rec in records:
        where = f"{name}:{line}"
        assert set(rec) >= FIELDS, f"{where}: missing {FIELDS - set(rec)}"
        assert rec["id"] not in ids, f"{where}: duplicate id {rec['id']}"
        ids.add(rec["id"])
        assert rec["cameo"] == "none" or rec["cameo"] in cb, f"{where}: unknown code {rec['cameo']}"
        for side in ("source", "target"):
            if rec[side] is not None:
                assert rec[side] in rec["text"], f"{where}: {side} {rec[side]!r} is not in the text"
        assert set(rec["flags"]) <= FLAGS, f"{where}: unknown flags {set(rec['flags']) - FLAGS}"
        if rec["cameo"] == "none":
            assert rec["source"] is None and rec["target"] is None, f"{where}: a no-event sentence has actors"


def test_sentences_are_unique_and_not_template_like(records):
    texts = [r["text"] for _, _, r in records]
    assert len(set(texts)) == len(texts)
    share, _ = check_corpus.skeleton_share(texts)
    assert share < 0.02, f"{share:.3f} of the sentences share a word skeleton with another"


def test_skeleton_share_detects_templates():
    share, n = check_corpus.skeleton_share(["France signed a pact with Peru.", "Chile signed a pact with Iran.",
                                            "Protesters marched through the capital on Sunday."])
    assert n == 1 and share == pytest.approx(2 / 3)


def test_no_sentence_overlaps_the_shared_gold_sets(records, shared):
    hits = check_corpus.overlaps([(r["id"], r["text"]) for _, _, r in records], shared)
    assert not hits, f"{len(hits)} corpus sentences share an 8-gram with ../shared: {hits[:5]}"


def test_corpus_size_and_coverage(records):
    codes = [r["cameo"] for _, _, r in records]
    assert len(codes) >= 5000
    roots = {c[:2] for c in codes if c != "none"}
    assert roots == {f"{i:02d}" for i in range(1, 21)}
    no_event = sum(1 for c in codes if c == "none" or c.startswith("01"))
    assert no_event / len(codes) >= 0.20
