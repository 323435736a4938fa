"""Reported speech that is an act of its own: claims of responsibility and demands.

A reporting verb is normally no event of its own ("X said Y attacked Z" gives Y -> Z). Two kinds
of report are acts in CAMEO and become the sentence's main event:

* a **claim of responsibility** (015): claim / admit / acknowledge / concede with a clause whose
  subject is a pronoun standing for the claimant and whose event is a conflict act ("the Houthis
  claimed that they had attacked the airport"). The reported attack stays, ranked below the claim;
* a **demand** (10): a clause with *must* whose subject is someone else ("Russia says Israel must
  end the attacks"). The speaker demands it of that subject (the target); the clause's own event
  is its content and is absorbed ("Qatar must mediate" is not a mediation), other events inside
  the clause rank below the demand. The demand code follows the content
  (``events/data/demand.tsv``: mediate -> 108, release -> 1053, nothing coded -> 100).

Entry point: :func:`rewrite_reports` (works on one sentence's candidates before they are coded).
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Token

from ..doccache import kids
from ..registry import by_prefix, code_table
from .extract import SUBJ, Argument, Candidate, children, lemma_of

__all__ = ["demand_code", "rewrite_reports"]

CLAIM_VERBS = {"claim", "admit", "acknowledge", "concede"}
CLAIMANT_PRONOUNS = {"they", "it", "we", "he", "she"}
DEMAND_NOS = "100"


@lru_cache(maxsize=1)
def _demand_table() -> dict[str, str]:
    return code_table("events/data/demand.tsv")


def demand_code(content: str | None) -> str:
    """The demand code for a demanded act's code (None: nothing coded -> 100)."""
    return (by_prefix(_demand_table(), content) if content else None) or DEMAND_NOS


def _inside(tok: Token, clause: Token) -> bool:
    return clause.left_edge.i <= tok.i <= clause.right_edge.i


def rewrite_reports(cands: list[Candidate]) -> None:
    """Turn claiming and demanding reporters into events of their own (in place)."""
    for rep in cands:
        if not rep.entry.say or rep.wrapper is not None:
            continue
        verb = rep.trigger
        for clause in kids(verb):
            if clause.dep_ != "ccomp":
                continue
            subj = children(clause, *SUBJ)
            if any(c.dep_ == "aux" and c.lower_ == "must" for c in kids(clause)) \
                    and subj and subj[0].pos_ != "PRON":
                _demand(rep, clause, subj, cands)
                break
            if lemma_of(verb) in CLAIM_VERBS and subj and subj[0].lower_ in CLAIMANT_PRONOUNS:
                inner = [c for c in cands if c.reported_by is rep and c.entry.code[:2] >= "14"]
                if inner:
                    _claim(rep, inner)
                    break


def _claim(rep: Candidate, inner: list[Candidate]) -> None:
    act = inner[0]
    rep.entry = replace(rep.entry, code="015", say=False, targets=(), conf=0.7,
                        text=f"claim of responsibility: '{rep.trigger.text}' that its own subject "
                             f"'{act.trigger.text}' ({act.entry.code})")
    rep.targets, rep.target_options = [], []
    for c in inner:
        c.background = True
        c.notes.append(f"claimed by '{rep.trigger.text}'")


def _demand(rep: Candidate, clause: Token, subj: list[Token], cands: list[Candidate]) -> None:
    content = next((c for c in cands if c.trigger.i == clause.i and c is not rep), None)
    code = demand_code(content.entry.code if content is not None else None)
    what = f"'{content.trigger.text}' ({content.entry.code})" if content is not None else f"'{clause.text}'"
    rep.entry = replace(rep.entry, code=code, say=False, targets=("ccomp",), conf=0.6,
                        text=f"demand: '{rep.trigger.text}' that {subj[0].text} must {what}")
    rep.targets = [Argument(s, f"subject of '{clause.text}' (must)", 2) for s in subj]
    rep.target_options = [rep.targets]
    rep.symmetric_pairs = False
    for c in cands:
        if c is rep or not _inside(c.trigger, clause):
            continue
        if c is content:
            c.wrapper = rep
            rep.absorbed.append(c)
        else:
            c.background = True
            c.notes.append(f"inside the demand of '{rep.trigger.text}'")
