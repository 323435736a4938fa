"""Announced acts: "agreed to withdraw", "is ready to release", "said it will send aid".

CAMEO codes an offer, promise or agreement to act -- "or otherwise indicate willingness or
commitment" -- as an intent (03 for cooperation, 13 threats for conflict), not as the act. This
module decides, for one event trigger, whether it is such an announced act, and which code the
intent gets (``events/data/intent.tsv``, CAMEO prefix -> intent code).

The cues, on the trigger's governing chain (the trigger, its light verb, the verbs or adjectives
it is the complement of):

* an intent verb governs it: agree / offer / promise / pledge / vow / commit / undertake /
  volunteer / swear ("agreed to withdraw", "pledged to rebuild");
* an intent adjective governs it: willing / ready / prepared / eager / determined / keen /
  committed ("is ready to contribute");
* it is the future content of reported speech: the clause carries will / shall / 'll (or
  'would' after a past reporting verb) and is the complement of say / announce / tell / ...
  ("the rebels said they will release two hostages").

Entry point: :func:`intent_of` (pure: reads the parse, writes nothing).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from ..doccache import kids
from ..registry import by_prefix, code_table
from .factuality import FUTURE_AUX, governing_chain

__all__ = ["Intent", "conflict_code", "intent_code", "intent_of", "intent_table", "wrapper_intent"]

INTENT_VERBS = {"agree", "offer", "promise", "pledge", "vow", "commit", "undertake", "volunteer", "swear"}
THREAT_VERBS = {"vow", "swear", "pledge"}
INTENT_ADJS = {"willing", "ready", "prepared", "eager", "determined", "keen", "committed", "poised"}
SPEECH_VERBS = {"say", "tell", "announce", "state", "declare", "confirm", "indicate", "add", "insist",
                "reiterate", "stress", "signal", "assure", "pledge", "promise", "vow"}


@dataclass(frozen=True)
class Intent:
    """Why an event is an announced act: the cue word and how it governs the trigger."""

    cue: str
    reason: str


@lru_cache(maxsize=1)
def intent_table() -> dict[str, str]:
    """CAMEO code prefix -> code of the intent, from events/data/intent.tsv."""
    return code_table("events/data/intent.tsv")


def intent_code(code: str) -> str | None:
    """The code of the intent to do `code` (0874 withdraw -> 0356), or None when it has none."""
    return by_prefix(intent_table(), code)


def _future_aux(tok: Token, past_report: bool) -> Token | None:
    for c in kids(tok):
        if c.dep_ == "aux" and (c.lower_ in FUTURE_AUX or (past_report and c.lower_ == "would")):
            return c
    return None


def conflict_code(code: str) -> bool:
    return code[:2] >= "14"


def intent_of(trigger: Token, code: str = "") -> Intent | None:
    """The cue that makes the trigger an announced act, or None for an act reported as done.

    For conflict acts (roots 14-20) the agreement words do not count: "the EU agreed to impose
    sanctions" is the decision itself, while "vowed to retaliate" and "is ready to strike" are threats.
    """
    chain = governing_chain(trigger)
    for tok in chain[1:]:
        lemma = tok.lemma_.lower()
        if lemma in INTENT_VERBS and tok.pos_ in ("VERB", "AUX"):
            if conflict_code(code) and lemma not in THREAT_VERBS:
                return None
            return Intent(tok.text, f"intent: '{tok.text}' governs '{trigger.text}'")
        if lemma in INTENT_ADJS and tok.pos_ in ("ADJ", "VERB"):
            return Intent(tok.text, f"intent: '{tok.text} to' governs '{trigger.text}'")
    top = chain[-1]
    if top.dep_ == "ccomp" and top.head.lemma_.lower() in SPEECH_VERBS:
        report = top.head
        past = report.tag_ in ("VBD", "VBN")
        for tok in chain:
            aux = _future_aux(tok, past)
            if aux is not None:
                return Intent(aux.text, f"intent: '{aux.text} {tok.text}' in speech reported by '{report.text}'")
    return None


def wrapper_intent(wrapper_lemma: str, inner_code: str, inner_nominal: bool) -> str | None:
    """The code a bare promise word (030 agree/pledge/vow ...) takes from the act it governs.

    Only verbal content counts ("agreed to share information" -> 0314); a nominal one may be
    turned around by its own verb ("agreed to postpone the protest", "discontinue the tariff").
    Conflict content makes a threat only under vow / swear / pledge ("vowed to strike" -> 138).
    """
    if inner_nominal:
        return None
    if conflict_code(inner_code) and wrapper_lemma not in THREAT_VERBS:
        return None
    return intent_code(inner_code)
