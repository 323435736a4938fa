"""Features of a candidate event for the learned classifier: the trigger, its clause, the sentence.

Features are strings computed from the parse detente already has (no second tokenisation): the
trigger's lemma and relations, its arguments' lemmas and entity types, negation and modality, the
lexicon's own suggestion, and a bag of the sentence's content lemmas.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..doccache import kids, sent_flag

Token = Any
CONTENT_POS = {"NOUN", "VERB", "ADJ", "ADV"}
ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "dative", "attr", "agent", "xcomp", "ccomp", "prt", "neg", "aux",
            "auxpass", "advmod", "acomp", "oprd"}


def _lemma(tok: Token) -> str:
    if tok.ent_type_ in ("GPE", "NORP", "PERSON", "ORG", "LOC", "FAC"):
        return f"<{tok.ent_type_}>"
    if tok.like_num:
        return "<NUM>"
    return str(tok.lemma_).lower()


def candidate_features(trigger: Token, sent: Any, lexicon_code: str | None) -> list[str]:
    """Feature strings for the event the trigger (a verb or event noun) heads in its sentence."""
    t = trigger
    lem = _lemma(t)
    f = [f"L={lem}", f"P={t.pos_}", f"D={t.dep_}", f"L+D={lem}|{t.dep_}", f"TAG={t.tag_}"]
    if t.head is not t:
        f.append(f"H={_lemma(t.head)}")
        f.append(f"H+D={_lemma(t.head)}|{t.dep_}")
    f.append(f"LEX={lexicon_code[:2]}" if lexicon_code else "LEX=none")
    if lexicon_code:
        f.append(f"LEX3={lexicon_code[:3]}")
        f.append(f"L+LEX={lem}|{lexicon_code[:2]}")
    for c in kids(t):
        dep = c.dep_
        if dep == "prep":
            objs = [o for o in kids(c) if o.dep_ in ("pobj", "pcomp")]
            f.append(f"prep={c.lower_}")
            for o in objs:
                f.append(f"prep:{c.lower_}={_lemma(o)}")
                f.append(f"L+prep={lem}|{c.lower_}|{_lemma(o)}")
        elif dep in ARG_DEPS:
            cl = _lemma(c)
            f.append(f"{dep}={cl}")
            if dep in ("dobj", "nsubjpass", "xcomp", "prt", "attr"):
                f.append(f"L+{dep}={lem}|{cl}")
        elif dep in ("amod", "compound"):
            f.append(f"mod={_lemma(c)}")
    i = t.i
    doc = t.doc
    if i > sent.start:
        f.append(f"prev={_lemma(doc[i - 1])}")
    if i + 1 < sent.end:
        f.append(f"next={_lemma(doc[i + 1])}")
    own = f"W={lem}"
    f.extend(w for w in sent_flag(sent, "bag", _bag) if w != own)
    return f


def _bag(sent: Any) -> list[str]:
    """The sentence's content lemmas and entity types, once per sentence."""
    out: list[str] = []
    seen: set[str] = set()
    for w in sent:
        if w.pos_ in CONTENT_POS and not w.is_stop:
            lw = f"W={_lemma(w)}"
            if lw not in seen:
                seen.add(lw)
                out.append(lw)
        elif w.ent_type_ and w.ent_iob_ == "B":
            out.append(f"E={w.ent_type_}")
    return out


def candidate_vector(trigger: Token, sent: Any) -> np.ndarray | None:
    """Dense context: the parser's own token vectors (doc.tensor) of the trigger and of its sentence."""
    tensor = trigger.doc.tensor
    if tensor is None or getattr(tensor, "size", 0) == 0 or tensor.shape[0] != len(trigger.doc):
        return None
    own = tensor[trigger.i]
    mean = sent_flag(sent, "mean_vector", lambda s: tensor[s.start:s.end].mean(axis=0))
    return np.concatenate([own, mean]).astype(np.float32)
