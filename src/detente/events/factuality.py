"""Factuality of an event trigger: negated, hypothetical, future.

``factuality(trigger)`` looks only at the trigger and its *governing chain*:

* the trigger itself;
* for a nominal trigger ("talks", "ban", "agreement"), the verb it is the object or subject of
  ("held talks", "the ban was lifted") — its *light verb*;
* then, upwards, every head of which the current token is an ``xcomp`` ("refused to sign",
  "is expected to meet", "is going to attack").

Clausal complements (``ccomp``: "X said Y attacked Z"), relative clauses and other adverbial
clauses are *not* part of the chain, so a modal or negation in a reporting clause never leaks into
the reported event.  Verb-phrase coordination ("will meet Xi and sign a deal") passes modals and
future auxiliaries from the first conjunct to a subject-less second conjunct, but not negation
("did not attack but negotiated").

Cues, and the decisions taken where the brief left a choice:

* negated: a ``neg`` child ("not", "n't", "never") on any chain member; "no" determiner, "without",
  "lack/absence of" on a nominal trigger; "without" + gerund; xcomp of refuse / decline / fail /
  reject / deny / refrain / abstain / avoid; ``ccomp`` of deny ("denied that it had attacked").
* hypothetical: ``mark`` if / unless / whether / lest on a chain member; an "if"/"unless" clause
  attached to a chain member (conditional consequent); modal auxiliaries could / might / may /
  would / should ("can" and "must" are not flagged: ability and obligation, and "cannot" is already
  a negation); possibly / perhaps / maybe / potentially; "possible / potential / proposed /
  hypothetical / would-be" on a nominal; xcomp of consider / propose / want / wish / seek;
  polar questions (a "?" sentence opening with an auxiliary, whose root is in the chain).
  Wh-questions ("Why did Russia attack?") presuppose the event and are not flagged. Threats
  ("threatened to attack") are not flagged: the extractor codes them as threats.
* future: auxiliary will / shall / 'll / wo(n't); "be going to"; xcomp of plan / intend / set /
  expect / aim / hope / schedule / prepare / due / vow / pledge / promise / agree ("agreed to hold
  talks": the talks are still to come) / "be about to"; "upcoming / forthcoming / planned /
  scheduled / coming / next / future" on a nominal; a temporal expression attached to the event
  that points forward ("next week", "tomorrow", "later this month", "next Tuesday").
* historical is never set here (it needs the publication date: see ``dates.is_historical``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from detente.doccache import kids, sent_of, span_text
from detente.models import Flags

__all__ = ["factuality", "governing_chain", "is_nominal", "light_verb", "future_reason"]

NEG_HEADS = {"refuse", "decline", "fail", "reject", "deny", "refrain", "abstain", "avoid"}
FUTURE_HEADS = {
    "plan",
    "intend",
    "set",
    "expect",
    "aim",
    "hope",
    "schedule",
    "prepare",
    "due",
    "vow",
    "pledge",
    "promise",
    "agree",
    "about",
}
#: light verbs that make their nominal object non-factual ("refused talks", "plans new sanctions")
LIGHT_NEG_HEADS = {"refuse", "decline"}
LIGHT_FUTURE_HEADS = {"plan", "intend", "schedule", "prepare"}
HYPO_HEADS = {"consider", "propose", "want", "wish", "seek", "mull", "weigh"}
FUTURE_AUX = {"will", "shall", "'ll", "wo", "ll"}
REPORTING_VERBS = {"say", "tell", "announce", "state", "report", "add", "note", "declare", "claim",
                   "insist", "confirm", "reveal", "disclose", "indicate", "write"}
HYPO_AUX = {"could", "might", "may", "would", "should", "'d"}
HYPO_MARKS = {"if", "unless", "whether", "lest"}
HYPO_ADVS = {"possibly", "perhaps", "maybe", "potentially", "hypothetically"}
HYPO_AMODS = {"possible", "potential", "proposed", "hypothetical", "would-be", "prospective"}
FUTURE_AMODS = {"upcoming", "forthcoming", "planned", "scheduled", "coming", "next", "future"}
NEG_DETS = {"no"}
NEG_NOUN_HEADS = {"lack", "absence"}
FUTURE_DATE_WORDS = ("next", "tomorrow", "later this", "coming", "upcoming", "later today", "tonight")
#: a pobj whose prep hangs on one of these verbs makes that verb the nominal's light verb
PREP_LIGHT_VERBS = {"agree", "participate", "take", "engage", "join", "enter", "hold"}


def is_nominal(tok: Token) -> bool:
    """A noun trigger ("talks", "ban") rather than a verb or a participle."""
    return tok.pos_ in ("NOUN", "PROPN") or (tok.tag_.startswith("NN") and tok.pos_ != "VERB")


def _is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX")


def light_verb(trigger: Token) -> Token | None:
    """The verb a nominal trigger is the object/subject of: 'held' in 'held talks', 'lifted' in
    'the ban was lifted'; None for verbs or free-standing nominals."""
    if not is_nominal(trigger):
        return None
    cur = trigger
    while cur.dep_ == "conj" and is_nominal(cur.head) and cur.head.i != cur.i:
        cur = cur.head  # "tariffs and sanctions were imposed"
    if cur.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "oprd", "dative") and _is_verb(cur.head):
        return cur.head
    if cur.dep_ == "pobj" and cur.head.dep_ == "prep":
        verb = cur.head.head
        if _is_verb(verb) and (
            verb.lemma_ in PREP_LIGHT_VERBS or verb.lemma_ in FUTURE_HEADS | NEG_HEADS | HYPO_HEADS
        ):
            return verb  # "agreed on a ceasefire", "took part in talks", "is set to host talks"
    return None


def _xcomp_head(tok: Token) -> Token | None:
    """The head of which ``tok`` is a controlled complement ('sign' -> 'refused')."""
    if tok.dep_ == "xcomp" and tok.head.i != tok.i:
        return tok.head
    if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.lower_ in ("from", "to"):
        return tok.head.head  # "refrained from attacking"
    if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.dep_ in ("prep", "aux"):
        head = tok.head.head
        if head.lemma_ in FUTURE_HEADS | NEG_HEADS | HYPO_HEADS:
            return head  # parser slip: "is set to host talks" with 'host talks' as pobj
    return None


def governing_chain(trigger: Token) -> list[Token]:
    """Trigger, its light verb (for nominals), then each xcomp head upwards."""
    chain = [trigger]
    cur = trigger
    lv = light_verb(trigger)
    if lv is not None:
        chain.append(lv)
        cur = lv
    seen = {t.i for t in chain}
    while True:
        head = _xcomp_head(cur)
        if head is None or head.i in seen:
            break
        chain.append(head)
        seen.add(head.i)
        cur = head
    return chain


def _conj_heads(chain: list[Token]) -> list[Token]:
    """Heads of subject-less verb conjuncts in the chain ('sign' in 'will meet Xi and sign')."""
    out: list[Token] = []
    for tok in chain:
        cur = tok
        while (
            cur.dep_ == "conj"
            and _is_verb(cur)
            and _is_verb(cur.head)
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in kids(cur))
        ):
            cur = cur.head
            out.append(cur)
    return out


@dataclass
class _Cues:
    negated: list[str] = field(default_factory=list)
    hypothetical: list[str] = field(default_factory=list)
    future: list[str] = field(default_factory=list)

    def add(self, flag: str, cue: str) -> None:
        lst: list[str] = getattr(self, flag)
        if cue not in lst:
            lst.append(cue)


def _aux_cues(tok: Token, cues: _Cues, allow_neg: bool = True) -> None:
    for c in kids(tok):
        low = c.lower_
        if c.dep_ == "neg" and allow_neg:
            cues.add("negated", f"'{c.text}' on '{tok.text}'")
        elif c.dep_ in ("aux", "auxpass"):
            if low in FUTURE_AUX or (c.lemma_ == "will" and low != "would"):
                cues.add("future", f"'{c.text}' on '{tok.text}'")
            elif low in HYPO_AUX:
                cues.add("hypothetical", f"'{c.text}' on '{tok.text}'")


def _going_to(tok: Token) -> bool:
    """'going' in 'is going to meet'."""
    return (
        tok.lower_ == "going"
        and tok.tag_ == "VBG"
        and any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "be" for c in kids(tok))
    )


def future_reason(trigger: Token, *, with_dates: bool = True) -> list[str]:
    """The future cues on the trigger's chain (empty if none). Used by ``dates`` for direction."""
    return _collect(trigger, with_dates=with_dates).future


def _collect(trigger: Token, *, with_dates: bool = True) -> _Cues:
    cues = _Cues()
    chain = governing_chain(trigger)
    for pos, tok in enumerate(chain):
        _aux_cues(tok, cues)
        for c in kids(tok):
            low = c.lower_
            if (c.dep_ == "mark" and low in HYPO_MARKS) or (c.dep_ == "advmod" and low in HYPO_ADVS):
                cues.add("hypothetical", f"'{c.text}' on '{tok.text}'")
            elif c.dep_ == "advmod" and low == "never":
                cues.add("negated", f"'{c.text}' on '{tok.text}'")
            elif c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in kids(c)
            ):
                mark = next(m for m in kids(c) if m.dep_ == "mark" and m.lower_ in ("if", "unless"))
                cues.add("hypothetical", f"'{mark.text} ... {c.text}' clause on '{tok.text}'")
        # the head relation: is chain[pos] governed by a control verb?
        if pos + 1 < len(chain) and (xh := _xcomp_head(tok)) is not None and xh.i == chain[pos + 1].i:
            head = chain[pos + 1]
            lemma = head.lemma_.lower()
            if lemma in NEG_HEADS:
                cues.add("negated", f"'{head.text}' governs '{tok.text}'")
            elif lemma in FUTURE_HEADS or _going_to(head):
                cues.add("future", f"'{head.text}' governs '{tok.text}'")
            elif lemma in HYPO_HEADS:
                cues.add("hypothetical", f"'{head.text}' governs '{tok.text}'")
    # a nominal's light verb may itself be a cue: "considering sanctions", "refused talks"
    lv = light_verb(trigger)
    if lv is not None:
        lemma = lv.lemma_.lower()
        if lemma in LIGHT_NEG_HEADS:
            cues.add("negated", f"'{lv.text}' governs '{trigger.text}'")
        elif lemma in LIGHT_FUTURE_HEADS:
            cues.add("future", f"'{lv.text}' governs '{trigger.text}'")
        elif lemma in HYPO_HEADS:
            cues.add("hypothetical", f"'{lv.text}' governs '{trigger.text}'")
    # modals and future auxiliaries distribute over verb coordination, negation does not
    for head in _conj_heads(chain):
        _aux_cues(head, cues, allow_neg=False)

    # ccomp of deny: "denied that it had attacked"
    top = chain[-1]
    # "said the U.S. would impose": in reported speech 'would' is the future of the past
    if top.dep_ == "ccomp" and top.head.lemma_.lower() in REPORTING_VERBS:
        woulds = [c for c in cues.hypothetical if c.startswith("'would'")]
        if woulds and len(woulds) == len(cues.hypothetical):
            cues.hypothetical = []
            for c in woulds:
                cues.add("future", c + f" in speech reported by '{top.head.text}'")
    if top.dep_ == "ccomp" and top.head.lemma_ == "deny":
        cues.add("negated", f"'{top.head.text}' governs '{top.text}'")

    if is_nominal(trigger):
        for c in kids(trigger):
            low = c.lower_
            if c.dep_ == "det" and low in NEG_DETS:
                cues.add("negated", f"'{c.text}' on '{trigger.text}'")
            elif c.dep_ in ("amod", "compound", "advmod") and low in HYPO_AMODS:
                cues.add("hypothetical", f"'{c.text}' on '{trigger.text}'")
            elif c.dep_ in ("amod", "compound", "advmod") and low in FUTURE_AMODS:
                cues.add("future", f"'{c.text}' on '{trigger.text}'")
        if trigger.dep_ == "pobj" and trigger.head.lower_ == "without":
            cues.add("negated", f"'without' on '{trigger.text}'")
        if (
            trigger.dep_ == "pobj"
            and trigger.head.lower_ == "of"
            and trigger.head.head.lemma_.lower() in NEG_NOUN_HEADS
        ):
            cues.add("negated", f"'{trigger.head.head.text} of' on '{trigger.text}'")
    elif trigger.dep_ == "pcomp" and trigger.head.lower_ == "without":
        cues.add("negated", f"'without' on '{trigger.text}'")

    # polar questions: "Will Russia attack Ukraine?", "Did the talks collapse?"
    sent = sent_of(trigger)
    if span_text(sent).rstrip().rstrip("\"'”’").endswith("?"):
        first = next((t for t in sent if not t.is_punct), None)
        root = sent.root
        if first is not None and first.pos_ == "AUX" and root in chain + _conj_heads(chain):
            cues.add("hypothetical", "question")

    if with_dates:
        from detente.events.dates import temporal_expressions  # lazy: dates imports this module

        for expr in temporal_expressions(trigger):
            low = expr.text.lower()
            if any(low.startswith(w) or f" {w}" in f" {low}" for w in FUTURE_DATE_WORDS):
                cues.add("future", f"'{expr.text}' ({expr.via})")
                break
    return cues


def factuality(trigger: Token) -> Flags:
    """Negated / hypothetical / future flags for one event trigger, with the words that set them."""
    cues = _collect(trigger)
    parts = [f"{name}: {', '.join(lst)}" for name, lst in cues.__dict__.items() if lst]
    return Flags(
        negated=bool(cues.negated),
        hypothetical=bool(cues.hypothetical),
        future=bool(cues.future),
        reason="; ".join(parts),
    )


def describing_clauses(nominal: Token) -> list[Token]:
    """Clauses that describe an event noun: a participle ("the ban, imposed in 2020") or a
    relative clause whose subject is the noun ("the talks that began in May")."""
    return [c for c in kids(nominal) if c.dep_ == "acl" or (
        c.dep_ == "relcl" and any(g.dep_ in ("nsubj", "nsubjpass") and g.tag_ in ("WDT", "WP", "IN", "DT")
                                  for g in kids(c)))]
