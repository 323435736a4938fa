"""Find event triggers in a parsed sentence and their source and target arguments.

`match_sentence` is pure: it reads a spaCy sentence and returns `Candidate`s (a trigger token, the
lexicon entry that fired, argument tokens and the path that found them, and why rivals were
discarded). The coder in `detente.events.code` turns candidates into `Event`s.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..doccache import kids
from .lexicon import NO_EVENT, Constraint, LexEntry, Lexicon

Token = Any  # spacy.tokens.Token
SentSpan = Any  # spacy.tokens.Span

SUBJ = ("nsubj", "csubj")
PASS_SUBJ = ("nsubjpass", "csubjpass")
OBJ = ("dobj", "obj")
THING = "object (the thing acted on)"
# Roots whose "that" clause is what was asked for, not a separate event ("demanded that X withdraw").
CLAUSE_WRAPPER_ROOTS = ("02", "10")
REPORTING = {"say", "report", "tell", "announce", "state", "add", "note", "claim", "declare", "write", "confirm"}
TEMPORAL = ("DATE", "TIME")  # "on Tuesday" names a time, never a target
RELPRON = {"who", "that", "which", "whom", "whose"}
# Nouns that stand for an action; their actor is the actor of the clause they refer to.
ACTION_NOUNS = {"move", "decision", "step", "action", "policy", "plan", "measure", "act", "approach"}
# Verbs whose object controls the subject of their infinitive ("urged India to cooperate").
OBJECT_CONTROL = {"urge", "ask", "call", "press", "tell", "order", "force", "persuade", "invite", "encourage",
                  "request", "allow", "help", "pressure", "push", "require", "warn", "advise", "instruct"}


@dataclass
class Argument:
    """An argument token and the path that found it."""

    token: Token
    path: str  # e.g. "nsubj", "agent>pobj", "prep:on>pobj", "inherited from 'met'"
    hops: int = 1


@dataclass
class Candidate:
    trigger: Token
    entry: LexEntry
    sources: list[Argument] = field(default_factory=list)
    targets: list[Argument] = field(default_factory=list)  # the first of target_options
    target_options: list[list[Argument]] = field(default_factory=list)
    symmetric_pairs: bool = False  # sources act on each other
    passive: bool = False
    nominal: bool = False
    absorbed: list[Candidate] = field(default_factory=list)  # embedded events this one wraps
    wrapper: Candidate | None = None  # set when this candidate is absorbed by another
    reported_by: Candidate | None = None  # the reporting verb whose complement holds this event
    source_fallback: str = ""  # how a source was inferred when the syntax gave none
    notes: list[str] = field(default_factory=list)
    prediction: Any = None  # the learned model's Prediction for this candidate, when a model is used
    proposed: bool = False  # proposed by the model where the lexicon had no trigger
    background: bool = False  # content of another act (a claimed attack, a demand's clause): ranks below it

    @property
    def is_statement(self) -> bool:
        return self.entry.code.startswith("01")


@dataclass
class Discarded:
    """A token that looked like a trigger but was not coded, and why (for `detente explain`)."""

    token: Token
    reason: str


@dataclass
class SentenceMatch:
    candidates: list[Candidate]
    discarded: list[Discarded]


# ---------------------------------------------------------------- helpers on the parse


def conjuncts(tok: Token) -> list[Token]:
    """The token and its coordinated siblings ("China, Canada, and Mexico")."""
    out = [tok]
    stack = [c for c in kids(tok) if c.dep_ == "conj"]
    while stack:
        c = stack.pop(0)
        if c.pos_ in ("VERB", "AUX") and tok.pos_ not in ("VERB", "AUX"):
            continue
        out.append(c)
        stack.extend(x for x in kids(c) if x.dep_ == "conj")
    return out


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in kids(tok) if c.dep_ in deps]


def prep_objects(tok: Token, prep: str) -> list[Token]:
    """Objects of the preposition `prep` attached to tok ("on China", "by the U.S.", "between X and Y")."""
    out = []
    for c in kids(tok):
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ == prep:
            for o in kids(c):
                if o.dep_ in ("pobj", "pcomp") and o.ent_type_ not in TEMPORAL:
                    out.append(o)
    return out


def participle_modifier(tok: Token) -> bool:
    """A past participle modifying a noun: "banned apps", "troops stationed in ..."."""
    return tok.dep_ in ("amod", "acl") and tok.tag_ in ("VBN", "VBD") and tok.head.pos_ in ("NOUN", "PROPN")


def in_relative_clause(tok: Token) -> bool:
    """True when the token sits in a relative clause ("the attack *that killed* 40 people")."""
    node = tok
    while node.head.i != node.i:
        if node.dep_ == "relcl":
            return True
        node = node.head
    return False


def is_passive(tok: Token) -> bool:
    if any(c.dep_ in PASS_SUBJ or c.dep_ == "auxpass" for c in kids(tok)):
        return True
    return participle_modifier(tok)


ARG_POS = {"NOUN", "PROPN", "PRON", "NUM", "ADJ", "X", "DET"}


def nominal_args(args: list[Argument]) -> list[Argument]:
    """Keep arguments that can name an actor (not verbs, adpositions or punctuation)."""
    return [a for a in args if a.token.pos_ in ARG_POS]


def antecedent(tok: Token) -> Token:
    """Resolve a relative pronoun to the noun its clause modifies."""
    if tok.lower_ in RELPRON:
        head = tok.head
        while head.dep_ in ("relcl",) or (head.pos_ in ("VERB", "AUX") and head.dep_ in ("conj", "xcomp", "ccomp")):
            if head.dep_ == "relcl":
                return head.head
            head = head.head
    return tok


def clause_subjects(verb: Token, depth: int = 0) -> list[Argument]:
    """Subjects of a verb, inherited through conj/xcomp/advcl/acl chains when it has none."""
    if depth > 5:
        return []
    passive = is_passive(verb)
    subj = children(verb, *SUBJ)
    if subj:
        return [Argument(antecedent(s), "nsubj", 1 + depth) for s in subj]
    if passive:
        agents = prep_objects(verb, "by")
        if agents:
            return [Argument(a, "agent>pobj", 2 + depth) for a in agents]
        return []
    head = verb.head
    if head is verb:
        return []
    dep = verb.dep_
    if dep == "xcomp" or (dep == "ccomp" and head.lemma_ in OBJECT_CONTROL):
        if head.lemma_ in OBJECT_CONTROL:
            objs = children(head, *OBJ)
            if objs:
                return [Argument(o, f"object of '{head.text}' controls '{verb.text}'", 2 + depth) for o in objs]
        if head.pos_ == "ADJ" and head.dep_ in ("acomp", "amod") and head.head is not head:
            head = head.head  # "Arnor is about to restore", "Seoul is ready to talk"
            if children(head, *SUBJ):
                return [Argument(antecedent(s), f"subject of '{head.text}'", 2 + depth) for s in children(head, *SUBJ)]
        raised = children(head, *PASS_SUBJ) if not children(head, *SUBJ) else []
        if raised:  # "Lee is expected to visit", "troops were ordered to withdraw"
            return [Argument(antecedent(r), f"subject of '{head.text}'", 2 + depth) for r in raised]
        return [Argument(a.token, f"subject of '{head.text}'", a.hops + 1) for a in clause_subjects(head, depth + 1)]
    if dep in ("conj", "advcl") and head.pos_ in ("VERB", "AUX"):
        return [Argument(a.token, f"subject of '{head.text}'", a.hops + 1) for a in clause_subjects(head, depth + 1)]
    if dep in ("acl", "amod") and verb.tag_ == "VBG":
        return [Argument(head, f"noun modified by '{verb.text}'", 1 + depth)]
    if dep == "relcl":
        return [Argument(head, "relative clause antecedent", 1 + depth)]
    if dep == "pcomp" and head.head is not head:  # "by attacking", "after meeting"
        h2 = head.head
        if h2.pos_ in ("VERB", "AUX"):
            return [Argument(a.token, f"subject of '{h2.text}'", a.hops + 1) for a in clause_subjects(h2, depth + 1)]
    return []


def lemma_of(tok: Token) -> str:
    """The lower-cased lemma; a word split at a hyphen is joined ("cease-fire" -> "ceasefire")."""
    i = tok.i
    if i >= 2 and tok.doc[i - 1].text == "-" and not tok.doc[i - 1].whitespace_ \
            and not tok.doc[i - 2].whitespace_ and tok.doc[i - 2].is_alpha:
        return tok.doc[i - 2].lower_ + str(tok.lemma_).lower()
    return str(tok.lemma_).lower()


def obj_tokens(tok: Token, nominal: bool) -> list[Token]:
    if nominal:
        return prep_objects(tok, "of") + children(tok, "compound")
    objs = children(tok, *OBJ)
    if not objs:
        # a parser slip leaves the object as a bare noun phrase: "eased curfew hours"
        objs = [o for o in children(tok, "npadvmod") if o.pos_ == "NOUN" and not o.ent_type_]
    if is_passive(tok):
        objs = children(tok, *PASS_SUBJ) + objs
        if participle_modifier(tok):
            objs.append(tok.head)
    expanded: list[Token] = []
    for o in objs:
        expanded.extend(conjuncts(o))
    return expanded


def satisfies(tok: Token, c: Constraint, nominal: bool) -> bool:
    if c.kind == "obj":
        # the object's head, or a noun compound on a name ("journalist Mesale Tolu")
        for o in obj_tokens(tok, nominal):
            if lemma_of(o) in c.value or o.lower_ in c.value:
                return True
            if o.pos_ == "PROPN" and any(k.dep_ == "compound" and k.pos_ == "NOUN" and lemma_of(k) in c.value
                                         for k in kids(o)):
                return True
        return False
    if c.kind == "prep":
        for ch in kids(tok):
            if ch.dep_ in ("prep", "agent", "dative") and ch.lower_ in c.value:
                if not c.objects:
                    if any(o.dep_ in ("pobj", "pcomp") and o.ent_type_ not in TEMPORAL for o in kids(ch)):
                        return True
                    continue
                for o in kids(ch):
                    if o.dep_ in ("pobj", "pcomp") and (lemma_of(o) in c.objects or o.lower_ in c.objects):
                        return True
        # prepositions the parser hung on the object: "investigating the president over bribery"
        for obj in obj_tokens(tok, nominal):
            for ch in kids(obj):
                if ch.dep_ == "prep" and ch.lower_ in c.value:
                    if not c.objects:
                        return True
                    if any(o.dep_ == "pobj" and (lemma_of(o) in c.objects or o.lower_ in c.objects) for o in kids(ch)):
                        return True
        return False
    if c.kind == "xcomp":
        return any(lemma_of(x) in c.value for x in children(tok, "xcomp", "ccomp"))
    if c.kind == "prt":
        return any(x.lower_ in c.value for x in children(tok, "prt"))
    if c.kind == "mod":
        pool = list(kids(tok)) + [g for o in obj_tokens(tok, nominal) for g in kids(o)]
        pool += [g for p in kids(tok) if p.dep_ == "prep" for o in kids(p) if o.dep_ == "pobj" for g in kids(o)]
        return any(x.dep_ in ("amod", "compound", "nmod", "npadvmod", "advmod") and lemma_of(x) in c.value for x in pool)
    return False


def choose_entry(tok: Token, entries: list[LexEntry], nominal: bool) -> tuple[LexEntry | None, list[str]]:
    rejected: list[str] = []
    for e in entries:
        failed = [c.describe() for c in e.constraints if not satisfies(tok, c, nominal)]
        if not failed:
            return e, rejected
        rejected.append(f"{e.origin} needs {', '.join(failed)}")
    return None, rejected


# ---------------------------------------------------------------- argument finding


def verb_targets(tok: Token, entry: LexEntry, passive: bool) -> list[list[Argument]]:
    """Possible targets of a verb trigger, best first; the coder takes the first that names an actor."""
    if not entry.targets:
        return []
    objs_direct = children(tok, *OBJ)
    if passive:
        direct = children(tok, *PASS_SUBJ)
        if participle_modifier(tok):
            direct = [tok.head]
        direct = [antecedent(d) for d in direct]
    else:
        direct = [antecedent(d) for d in objs_direct]
    constrained_obj = any(c.kind == "obj" for c in entry.constraints)
    options: list[list[Argument]] = []
    for where in entry.targets:
        if where == "dobj":
            if constrained_obj and not entry.explicit_targets:
                continue  # the object is the thing (tariffs, agreement), not the target
            if direct:
                options.append([Argument(d, "dobj" if not passive else "passive subject", 1) for d in direct])
            continue
        if where == "iobj":
            dat = [d for d in children(tok, "dative") if d.pos_ in ("NOUN", "PROPN", "PRON")]
            if dat:
                options.append([Argument(d, "iobj", 1) for d in dat])
            continue
        found = prep_objects(tok, where)
        if found:
            options.append([Argument(f, f"prep '{where}'", 2) for f in found])
        # the preposition may hang on the object: "imposed tariffs on China", "restore ties with Gondor"
        for o in objs_direct + (children(tok, *PASS_SUBJ) if passive else []):
            found = prep_objects(o, where)
            if found:
                options.append([Argument(f, f"prep '{where}' on '{o.text}'", 3) for f in found])
    things = direct if passive else objs_direct
    if constrained_obj or options:
        # the owner of the thing acted on: "halted Chinese investments", "froze Russian assets"
        owners = [m for t in things for c in conjuncts(t) for m in actor_modifiers(c)]
        if owners:
            options.append([Argument(m, f"owner of '{m.head.text}'", 2) for m in owners])
    # actors inside the objects of the trigger's constraint prepositions: "agreed to a ceasefire with X"
    for c in entry.constraints:
        if c.kind == "prep":
            for prep in c.value:
                for o in prep_objects(tok, prep):
                    options.extend(nested_targets(o))
    if constrained_obj and things and not entry.explicit_targets:
        # last resort: the object itself, when it names an actor ("outlawed the opposition party",
        # "released German journalist Mesale Tolu")
        options.append([Argument(t, THING, 1) for t in things])
    return options


NESTED_PREPS = ("by", "with", "between", "against", "on", "to", "of", "toward", "towards")


def nested_targets(tok: Token, max_depth: int = 3) -> list[list[Argument]]:
    """Actors inside a thing-object, nearest first: "condemned an attack by X", "welcomed the
    resumption of ties with X", "backed talks between X and Y"."""
    out: list[list[Argument]] = []
    frontier = [(tok, 0)]
    while frontier:
        node, depth = frontier.pop(0)
        if depth >= max_depth:
            continue
        for prep in kids(node):
            if prep.dep_ not in ("prep", "agent"):
                continue
            objs = [o for o in kids(prep) if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN", "PRON")]
            if not objs:
                continue
            if prep.lower_ in NESTED_PREPS:
                found = [c for o in objs for c in conjuncts(o)]
                out.append([Argument(f, f"prep '{prep.text}' inside '{tok.text}'", 3 + depth) for f in found])
            frontier.extend((o, depth + 1) for o in objs)
    return out


def by_agents(tok: Token) -> list[Token]:
    """'A car bombing by the Islamic State': the doer named inside an event noun."""
    if tok.pos_ != "NOUN":
        return []
    return [c for o in prep_objects(tok, "by") for c in conjuncts(o)]


def actor_modifiers(tok: Token) -> list[Token]:
    """Modifiers of a noun that can name an actor: "Chinese apps", "U.S. tariffs", "Trump's plan"."""
    out = []
    for c in kids(tok):
        if c.dep_ not in ("poss", "compound", "amod", "nmod"):
            continue
        if c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or c.dep_ == "poss" or c.pos_ == "PROPN":
            out.append(c)
    return out


def action_owner(arg: Argument, trigger: Token) -> list[Argument]:
    """'a move that Wang criticized': the move is what the subject of the clause it names did."""
    tok = arg.token
    if lemma_of(tok) not in ACTION_NOUNS or actor_modifiers(tok) or prep_objects(tok, "by"):
        return [arg]
    node = tok.head
    for _ in range(5):
        if node.pos_ in ("VERB", "AUX") and node is not trigger:
            subs = clause_subjects(node)
            if subs:
                return [Argument(s.token, f"'{tok.text}' refers to what '{s.token.text}' did ('{node.text}')",
                                 s.hops + 2) for s in subs]
            break
        if node.head is node:
            break
        node = node.head
    return [arg]


def nominal_arguments(tok: Token, entry: LexEntry, cand: Candidate) -> None:
    """Source and target of a nominal trigger ("the clash between X and Y", "U.S. tariffs on China")."""
    between = prep_objects(tok, "between") + prep_objects(tok, "among")
    if between:
        cand.sources = [Argument(b, "prep 'between'", 2) for b in between]
        cand.symmetric_pairs = True
        return
    by = prep_objects(tok, "by")
    if by:
        cand.sources = [Argument(b, "prep 'by'", 2) for b in by]
    else:
        mods = actor_modifiers(tok)
        if mods:
            cand.sources = [Argument(m, f"{m.dep_} of '{tok.text}'", 1) for m in mods]
    # light verb: "The U.S. levied tariffs", "India and China held talks", "expand trade and exchanges"
    first = tok
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    head = first.head
    light = None
    if first.dep_ in OBJ + ("nsubjpass",) and head.pos_ in ("VERB", "AUX"):
        light = head
    elif first.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB" and (
            head.lower_ == "for" or (head.lower_ == "in" and head.head.lemma_ in ("engage", "participate", "join"))):
        light = head.head  # "arrived in Cairo for talks", "engaged in talks"
    if light is not None and not cand.sources:
        subs = clause_subjects(light)
        if subs:
            cand.sources = [Argument(a.token, f"subject of '{light.text}' ({a.path})", a.hops + 1) for a in subs]
    # targets: the noun's own prepositions, then the light verb's
    for where in entry.targets:
        found = prep_objects(tok, where)
        if where == "of":
            found = [f for f in found if f.pos_ in ("PROPN", "PRON", "NOUN")]
        if not found and light is not None and where != "of":
            found = prep_objects(light, where)
        if found:
            cand.targets = [Argument(f, f"prep '{where}'", 2) for f in found]
            break
    if not cand.targets and light is not None and entry.symmetric is False:
        for where in ("with",):
            found = prep_objects(light, where)
            if found:
                cand.targets = [Argument(f, f"prep '{where}' on '{light.text}'", 3) for f in found]
    if not cand.sources and len(cand.targets) == 0 and entry.symmetric and light is not None:
        subs = clause_subjects(light)
        cand.sources = subs


def locative_state(tok: Token) -> Token | None:
    """A country named as where a policy was made ("banned Chinese apps ... in India")."""
    for t in tok.subtree:
        if t.dep_ == "pobj" and t.head.lower_ == "in" and t.ent_type_ == "GPE":
            return t
    return None


# ---------------------------------------------------------------- the matcher


def _trigger_pos(tok: Token) -> str | None:
    if tok.pos_ in ("VERB",) or (tok.pos_ == "AUX" and tok.dep_ not in ("aux", "auxpass")):
        return "verb"
    if tok.pos_ == "NOUN" and tok.dep_ == "ROOT" and any(c.dep_ in SUBJ for c in kids(tok)) \
            and any(c.dep_ in ("dobj", "prt") for c in kids(tok)):
        return "verb"  # a headline verb tagged as a noun: "EU and UN hand over medical supplies"
    if tok.pos_ in ("NOUN", "PROPN"):
        return "noun"
    if tok.pos_ == "ADJ" and tok.tag_ == "VBN":
        return "verb"
    return None


def match_sentence(sent: SentSpan, lexicon: Lexicon) -> SentenceMatch:
    """Pure step: candidates with their argument tokens, and the tokens discarded with reasons."""
    cands: list[Candidate] = []
    discarded: list[Discarded] = []
    by_token: dict[int, Candidate] = {}
    for tok in sent:
        pos = _trigger_pos(tok)
        if pos is None:
            continue
        lemma = lemma_of(tok)
        entries = lexicon.candidates(pos, lemma)
        if not entries and pos == "noun":
            entries = lexicon.candidates("noun", tok.lower_)
        if not entries:
            continue
        if pos == "verb" and tok.dep_ in ("amod", "compound") and not participle_modifier(tok):
            discarded.append(Discarded(tok, f"'{tok.text}' is a modifier, not a predicate"))
            continue
        if pos == "noun" and tok.dep_ == "compound":
            discarded.append(Discarded(tok, f"'{tok.text}' modifies '{tok.head.text}', it is not an event"))
            continue
        if tok.dep_ == "pcomp" and tok.head.lower_ in ("as", "like"):
            discarded.append(Discarded(tok, f"'{tok.text}' is a comparison ('{tok.head.text} {tok.text}')"))
            continue
        nominal = pos == "noun"
        entry, rejected = choose_entry(tok, entries, nominal)
        if entry is None:
            discarded.append(Discarded(tok, "no entry's constraints hold: " + "; ".join(rejected)))
            continue
        if entry.code == NO_EVENT:
            discarded.append(Discarded(tok, f"the lexicon says this reading is not an event ({entry.describe()})"))
            continue
        if participle_modifier(tok) and entry.specificity == 0:
            discarded.append(Discarded(tok, f"participle '{tok.text}' describes '{tok.head.text}'; only entries "
                                            f"with an object constraint code such modifiers"))
            continue
        cand = build_candidate(tok, entry, nominal)
        if rejected:
            cand.notes.append("more specific entries did not apply: " + "; ".join(rejected))
        cands.append(cand)
        by_token[tok.i] = cand
    _link(cands, by_token, discarded)
    return SentenceMatch(candidates=cands, discarded=discarded)


def build_candidate(tok: Token, entry: LexEntry, nominal: bool = False) -> Candidate:
    """A candidate event with its source and target arguments found through the parse."""
    cand = Candidate(trigger=tok, entry=entry, nominal=nominal)
    if nominal:
        nominal_arguments(tok, entry, cand)
    else:
        cand.passive = is_passive(tok)
        cand.sources = clause_subjects(tok)
        cand.target_options = verb_targets(tok, entry, cand.passive)
        cand.targets = cand.target_options[0] if cand.target_options else []
        if entry.symmetric and all(a.path == THING for a in cand.targets):
            cand.symmetric_pairs = True  # "Brazil and Argentina signed a trade agreement"
    cand.sources = nominal_args(cand.sources)
    opts = [[o for t in nominal_args(opt) for o in action_owner(t, tok)] for opt in (cand.target_options or [cand.targets])]
    # actors nested in a thing-object come last: the coder uses them when nothing before names an actor
    for opt in list(opts):
        for a in opt:
            if a.token.pos_ == "NOUN":
                opts.extend(nested_targets(a.token))
    cand.target_options = [o for o in opts if o]
    cand.targets = cand.target_options[0] if cand.target_options else []
    if not cand.sources and (nominal or participle_modifier(tok)):
        loc = locative_state(tok.head if not nominal else tok)
        if loc is not None:
            cand.sources = [Argument(loc, f"state where it happened ('in {loc.text}')", 3)]
            cand.source_fallback = "locative"
    return cand


def unclaimed_predicates(sent: SentSpan, match: SentenceMatch) -> list[Token]:
    """Main-clause verbs no lexicon entry claimed: where the model may propose an event."""
    taken = {c.trigger.i for c in match.candidates}
    taken |= {a.trigger.i for c in match.candidates for a in c.absorbed}
    out = []
    for tok in sent:
        if tok.i in taken or tok.pos_ != "VERB":
            continue
        if tok.dep_ == "ROOT" or (tok.dep_ in ("conj", "ccomp") and tok.head.dep_ == "ROOT"):
            out.append(tok)
    return out

def _attach(cand: Candidate, owner: Candidate) -> None:
    """The governing trigger reports the candidate (say) or wraps it as its content."""
    if owner.entry.say:
        cand.reported_by = owner
    else:
        cand.wrapper = owner
        owner.absorbed.append(cand)


def _link(cands: list[Candidate], by_token: dict[int, Candidate], discarded: list[Discarded]) -> None:
    """Wrap embedded events into their wrapper (agree to meet), and tie reported events to the reporter."""
    for cand in cands:
        tok = cand.trigger
        # walk up the head chain within the clause
        node, steps = tok, 0
        nominal_chain = ("dobj", "obj", "nsubjpass", "pobj", "prep", "conj", "appos")
        while node.head is not node and steps < 6:
            dep = node.dep_
            parent = node.head
            steps += 1
            owner = by_token.get(parent.i)
            content = cand.nominal or tok.dep_ == "pcomp"  # "an agreement on sharing data"
            if content and (dep in nominal_chain or dep == "pcomp") and dep != "conj":
                if owner is not None and owner is not cand and not owner.nominal:
                    _attach(cand, owner)
                    break
                node = parent
                continue
            if dep == "conj" and owner is None:
                node = parent  # "agreed to resume flights and facilitate exchanges"
                continue
            if dep in ("xcomp",) or (cand.nominal and dep in OBJ and parent.pos_ == "VERB"):
                if owner is not None and owner is not cand:
                    _attach(cand, owner)
                    break
                if dep in OBJ:
                    node = parent  # "threatened to impose tariffs": tariffs -> impose -> threaten
                    continue
                node = parent
                continue
            if dep in ("ccomp", "parataxis") or (dep == "conj" and parent.dep_ == "ccomp"):
                if owner is not None and owner.entry.say:
                    cand.reported_by = owner
                elif owner is not None and dep == "ccomp" and not cand.nominal \
                        and owner.entry.code[:2] in CLAUSE_WRAPPER_ROOTS and lemma_of(owner.trigger) not in REPORTING:
                    # "demanded that Manila withdraw": the demand's content, not an event of its own
                    cand.wrapper = owner
                    owner.absorbed.append(cand)
                break
            break
    for cand in cands:
        if cand.absorbed and not cand.targets and cand.entry.targets:
            inner = cand.absorbed[0]
            if inner.trigger.dep_ == "ccomp" and inner.sources:
                # "demanded that Manila withdraw": the one asked to act is the target
                cand.target_options = [[Argument(a.token, f"subject of '{inner.trigger.text}'", a.hops + 1)
                                        for a in inner.sources]]
            else:
                # "threatened to attack Israel", "refused to meet South Korean officials"
                cand.target_options = [[Argument(a.token, f"{a.path} of '{inner.trigger.text}'", a.hops + 1)
                                        for a in opt] for opt in inner.target_options or [inner.targets]
                                       if opt and not all(a.path == THING for a in opt)]
            cand.targets = cand.target_options[0] if cand.target_options else []
            if cand.targets:
                cand.symmetric_pairs = False
    for cand in cands:
        if cand.wrapper is not None:
            discarded.append(Discarded(cand.trigger, f"absorbed by '{cand.wrapper.trigger.text}' "
                                                     f"({cand.wrapper.entry.code}), which governs it"))
