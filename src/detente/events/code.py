"""Turn trigger candidates into coded `Event`s: actors, codes, dates, places, flags, confidence."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from itertools import permutations
from typing import Any

from ..codebook import Codebook, default_codebook
from ..doccache import sent_flag, sentences, span_text
from ..models import Actor, Article, Event, Flags, Span
from ..registry import by_prefix, code_table
from .dates import event_date, is_historical
from .extract import (
    THING,
    Argument,
    Candidate,
    SentenceMatch,
    build_candidate,
    by_agents,
    conjuncts,
    in_relative_clause,
    match_sentence,
    unclaimed_predicates,
)
from .factuality import factuality
from .features import candidate_features, candidate_vector
from .intent import intent_code, intent_of, wrapper_intent
from .lexicon import DEFAULT_VERB_TARGETS, LexEntry, Lexicon
from .model import NONE
from .places import event_place
from .speech import rewrite_reports

Doc = Any


@lru_cache(maxsize=1)
def negation_table() -> dict[str, str]:
    """CAMEO code prefix -> the code its negation is coded as, from events/data/negation.tsv."""
    return code_table("events/data/negation.tsv")


def negated_code(code: str) -> str | None:
    """The code a negated event is coded as ("did not agree" -> reject), or None to keep it."""
    return by_prefix(negation_table(), code)


# How much each factuality flag lowers an event's confidence.
FLAG_PENALTY = {"negated": 0.15, "hypothetical": 0.2, "future": 0.1, "historical": 0.05}
OBJECT_PRONOUNS = {"him", "her", "them"}
# Weight of the model's probability in an event's confidence (the rest is the lexicon entry's prior).
MODEL_WEIGHT = 0.3
# A reported event replaces its reporting verb's statement only when it is this credible.
REPORT_MIN_CONFIDENCE = 0.3


@dataclass
class CoderSettings:
    historical_days: int = 60
    # the learned classifier is experimental: on the dev sets it does not yet beat the lexicon alone
    use_model: bool = False
    # the model replaces the lexicon's root when it is at least this sure and gives the lexicon's root at most
    # override_max_lexicon_p; above 1 = never (on the dev sets overrides at 0.9 lowered five-class macro-F1
    # from 0.675 to 0.660, docs/classifier.md)
    override_p: float = 1.01
    override_max_lexicon_p: float = 0.05
    # the model proposes an event for an unclaimed main verb when this sure that it is one
    propose_p: float = 0.85


@dataclass
class ModelDecision:
    code: str
    coded_by: str  # lexicon | model | both
    probability: float | None
    reason: str


def _token_span(tok: Any) -> Span:
    return Span(start=tok.idx, end=tok.idx + len(tok.text), text=tok.text)


def event_id(article_id: str, sent_index: int, trigger: Span, code: str, src: str | None, tgt: str | None) -> str:
    key = f"{article_id}\x1f{sent_index}\x1f{trigger.start}:{trigger.end}\x1f{code}\x1f{src}\x1f{tgt}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _tier(cand: Candidate) -> int:
    """Ranking tier of a candidate's events: 0 main clause, 1 background, 2 plain statement.

    A specific statement is an act of its own ("offered condolences over the attack", "claimed
    responsibility for the bombing"), so it stays in tier 0; reporting verbs and plain statements
    (010) rank last. Events inside a relative clause ("an attack *that killed* 40") describe a
    participant, not what the sentence reports: tier 1.
    """
    if cand.is_statement:
        return 2 if cand.entry.say or cand.entry.code == "010" else 0
    return 1 if cand.background or in_relative_clause(cand.trigger) else 0


class SentenceCoder:
    """Codes the sentences of one parsed article."""

    def __init__(self, lexicon: Lexicon, codebook: Codebook | None = None, settings: CoderSettings | None = None,
                 model: Any = None):
        self.lexicon = lexicon
        self.codebook = codebook or default_codebook()
        self.settings = settings or CoderSettings()
        if model is None and self.settings.use_model:
            from .model import bundled_model

            model = bundled_model()
        self.model = model if self.settings.use_model else None

    # -- actors
    def _actors(self, args: list[Argument], index: Any) -> list[tuple[Actor, Argument]]:
        out: list[tuple[Actor, Argument]] = []
        seen: set[tuple[str | None, str]] = set()
        for arg in args:
            for tok in conjuncts(arg.token):
                for actor in index.actors_for(tok):
                    # one phrase naming the same actor twice ("his counterpart, Michel Aoun") counts once
                    key = (actor.code, str(tok.i)) if actor.code else (None, actor.text)
                    if key in seen:
                        continue
                    seen.add(key)
                    out.append((actor, arg))
        return out

    def code_doc(self, doc: Doc, article: Article, index: Any) -> list[Event]:
        events: list[Event] = []
        for s_i, sent in enumerate(sentences(doc)):
            match = match_sentence(sent, self.lexicon)
            events.extend(self.code_match(match, sent, s_i, doc, article, index))
        return events

    def code_match(self, match: SentenceMatch, sent: Any, s_i: int, doc: Doc, article: Article,
                   index: Any) -> list[Event]:
        out: list[tuple[tuple[int, int, float], Event]] = []
        reporters: set[int] = set()
        produced: list[tuple[Candidate, list[Event]]] = []
        rewrite_reports(match.candidates)
        live = [c for c in match.candidates if c.wrapper is None]
        if self.model is not None:
            live += self._predict(match, sent)
        # reported events before their reporters, inner reporters before outer ones
        for cand in sorted(live, key=lambda c: (c.entry.say, -sum(1 for _ in c.trigger.ancestors))):
            if cand.entry.say and id(cand) in reporters:
                # "X said Y attacked Z": the report gives Y->Z, not X's statement
                if cand.reported_by is not None:
                    reporters.add(id(cand.reported_by))
                continue
            evs = self.events_for(cand, sent, s_i, doc, article, index)
            if cand.reported_by is not None and any(e.confidence >= REPORT_MIN_CONFIDENCE for e in evs):
                reporters.add(id(cand.reported_by))
            produced.append((cand, evs))
        for cand, evs in produced:
            tier = _tier(cand)
            for ev in evs:
                order = (tier, 0 if cand.reported_by is not None else 1, -ev.confidence)
                out.append((order, ev))
        out.sort(key=lambda p: p[0])
        ranked = []
        for r, (_, ev) in enumerate(out):
            ev.rank = r
            ranked.append(ev)
        return ranked

    def _predict(self, match: SentenceMatch, sent: Any) -> list[Candidate]:
        """Score the lexicon's candidates with the model; return the events it proposes besides them."""
        assert self.model is not None
        for cand in match.candidates:
            if cand.wrapper is None:
                cand.prediction = self.model.predict(candidate_features(cand.trigger, sent, cand.entry.code),
                                                     candidate_vector(cand.trigger, sent))
        proposed = []
        for tok in unclaimed_predicates(sent, match):
            pred = self.model.predict(candidate_features(tok, sent, None), candidate_vector(tok, sent))
            root, p = pred.best_root()
            if root == NONE or p < self.settings.propose_p:
                continue
            best = pred.best_code(root)
            code = best[0] if best and best[0] in self.codebook else f"{root}0"
            if code not in self.codebook:
                code = root
            entry = LexEntry(code=code, lemmas=frozenset([tok.lemma_.lower()]), pos="verb",
                             targets=DEFAULT_VERB_TARGETS, conf=round(p, 3), origin="model",
                             text=f"model: P(root {root})={p:.2f}")
            cand = build_candidate(tok, entry)
            cand.prediction = pred
            cand.proposed = True
            proposed.append(cand)
        return proposed

    @staticmethod
    def _pronoun_antecedent(arg: Argument, sources: list[tuple[Actor, Argument]], sent: Any,
                            index: Any) -> tuple[Actor, Argument] | None:
        tok = arg.token
        cache = getattr(index, "_detente_mentions", None)
        if cache is None:
            cache = list(index.mentions())
            index._detente_mentions = cache
        own = {a.code for a, _ in sources}
        best = None
        for actor in cache:
            sp = actor.span
            if sp is None or not actor.resolved or actor.code in own:
                continue
            if not (sent.start_char <= sp.start < tok.idx):
                continue
            if tok.lower_ in ("him", "her") and actor.kind != "person":
                continue
            best = actor
        if best is None:
            return None
        return best, Argument(tok, f"'{tok.text}' = '{best.text}', the nearest earlier actor ({arg.path})", arg.hops + 1)

    def _decide(self, cand: Candidate) -> ModelDecision:
        """Who chooses the code: the lexicon, the model, or both agreeing."""
        code = cand.entry.code
        pred = cand.prediction
        if pred is None:
            return ModelDecision(code, "lexicon", None, "")
        if cand.proposed:
            root, p = pred.best_root()
            return ModelDecision(code, "model", p, f"proposed by the model: no lexicon trigger; P(root {root})={p:.2f}")
        lex_root = code[:2]
        p_lex = pred.root.get(lex_root, 0.0)
        root, p = pred.best_root()
        if root == lex_root:
            return ModelDecision(code, "both", p_lex, f"model agrees: P(root {lex_root})={p_lex:.2f}")
        s = self.settings
        if root != NONE and p >= s.override_p and p_lex <= s.override_max_lexicon_p and not cand.entry.user:
            best = pred.best_code(root)
            new = best[0] if best and best[0] in self.codebook else f"{root}0"
            if new not in self.codebook:
                new = root
            return ModelDecision(new, "model", p, f"model overrides the lexicon's {code}: P(root {root})={p:.2f}, "
                                                  f"P(root {lex_root})={p_lex:.2f}")
        return ModelDecision(code, "lexicon", p_lex, f"model prefers {root} (P={p:.2f}) but not enough to override; "
                                                     f"P(root {lex_root})={p_lex:.2f}")

    def events_for(self, cand: Candidate, sent: Any, s_i: int, doc: Doc, article: Article,
                   index: Any) -> list[Event]:
        entry = cand.entry
        sources = self._actors(cand.sources, index)
        if sources and not any(a.resolved or a.sector for a, _ in sources):
            # "a car bombing by the Islamic State killed ...": the doer inside the subject noun
            inner = [Argument(t, f"'by' inside '{arg.token.text}' ({arg.path})", arg.hops + 2)
                     for arg in cand.sources for t in by_agents(arg.token)]
            alt = self._actors(inner, index) if inner else []
            if any(a.resolved or a.sector for a, _ in alt):
                sources = alt
        if cand.reported_by is not None and sources and not any(a.resolved or a.sector for a, _ in sources) \
                and all(arg.token.pos_ == "PRON" for _, arg in sources):
            # "The rebels said they will release ...": the pronoun is the speaker
            speaker = self._actors(cand.reported_by.sources, index)
            if any(a.resolved or a.sector for a, _ in speaker):
                sources = [(a, Argument(arg.token, f"'{sources[0][1].token.text}' = the speaker ({arg.path} of "
                                                   f"'{cand.reported_by.trigger.text}')", arg.hops + 1))
                           for a, arg in speaker]
        targets = self._actors(cand.targets, index)
        if targets and all(arg.token.lower_ in OBJECT_PRONOUNS and not a.resolved for a, arg in targets):
            # "called Erdogan and urged him": the nearest earlier actor of the sentence that is not the source
            antecedent = self._pronoun_antecedent(targets[0][1], sources, sent, index)
            if antecedent is not None:
                targets = [antecedent]
        if targets and not any(a.resolved or a.sector for a, _ in targets):
            # "restored ties with Gondor": the object names no actor, a later option may
            for opt in cand.target_options[1:]:
                alt = self._actors(opt, index)
                if any(a.resolved or a.sector for a, _ in alt):
                    targets = alt
                    break
            else:
                if cand.targets and cand.targets[0].path == THING:
                    targets = []  # "signed an agreement": the thing is no target
        pairs: list[tuple[tuple[Actor, Argument] | None, tuple[Actor, Argument] | None, str]] = []
        if cand.symmetric_pairs and len(sources) >= 2 and not targets:
            for a, b in permutations(sources, 2):
                if a[0].code is not None and a[0].code == b[0].code and a[0].text == b[0].text:
                    continue
                pairs.append((a, b, "symmetric: coordinated actors act on each other"))
        elif sources and targets:
            for a in sources:
                for b in targets:
                    if a[0].code is not None and a[0].code == b[0].code:
                        continue  # an actor acting on itself ("Gondor ... their meeting") is no dyad
                    pairs.append((a, b, ""))
            if not pairs:
                pairs = [(a, None, "the target named the source itself") for a in sources]
        elif sources:
            pairs = [(a, None, "") for a in sources]
        elif targets:
            pairs = [(None, b, "") for b in targets]
        else:
            pairs = [(None, None, "")]

        trig = _token_span(cand.trigger)
        flags = factuality(cand.trigger)
        decision = self._decide(cand)
        code = decision.code
        code_reason = f"lexicon entry {entry.describe()}" if not cand.proposed else "no lexicon entry"
        if decision.reason:
            code_reason += f"; {decision.reason}"
        if cand.absorbed:
            code_reason += "; wraps " + ", ".join(f"'{a.trigger.text}' ({a.entry.code})" for a in cand.absorbed)
        if flags.negated:
            neg = negated_code(code)
            if neg is not None:
                code_reason += f"; negated, so coded {neg} instead of {code}"
                code = neg
        elif code == "030" and cand.absorbed and (meant := wrapper_intent(
                cand.trigger.lemma_.lower(), cand.absorbed[0].entry.code, cand.absorbed[0].nominal)) is not None:
            # a bare promise word takes its content's intent: "vowed to strike" -> threaten force
            wrapped = cand.absorbed[0]
            code_reason += f"; intent to '{wrapped.trigger.text}' ({wrapped.entry.code}), so coded {meant}"
            code = meant
        elif (intent := intent_of(cand.trigger, code)) is not None and (meant := intent_code(code)) is not None:
            # "agreed to withdraw", "said it will release": the promise is the event, and it happened
            code_reason += f"; {intent.reason}, so coded {meant} instead of {code}"
            code = meant
            if flags.future:
                flags.future = False
                flags.reason = "; ".join(p for p in flags.reason.split("; ") if not p.startswith("future:"))
        date = event_date(cand.trigger, article.date)
        if is_historical(date, article.date, self.settings.historical_days):
            flags.historical = True
            flags.reason = (flags.reason + "; " if flags.reason else "") + \
                f"historical: {date.value} ends more than {self.settings.historical_days} days before publication"
        start = date.start()
        if not flags.future and article.date is not None and start is not None and start > article.date \
                and date.precision != "publication":
            flags.future = True
            flags.reason = (flags.reason + "; " if flags.reason else "") + \
                f"future: dated {date.value}, after publication"
        info = self.codebook.get(code)
        place = event_place(cand.trigger)
        sent_text = sent_flag(sent, "text", span_text)  # one string per sentence, not one per event
        events = []
        for src, tgt, pair_reason in pairs:
            src_actor = src[0] if src else None
            tgt_actor = tgt[0] if tgt else None
            conf = self._confidence(cand, src, tgt, flags, decision)
            parts = [code_reason]
            if src:
                parts.append(f"source '{src_actor.text if src_actor else ''}' via {src[1].path}: "
                             f"{src_actor.reason if src_actor else ''}")
            else:
                parts.append("no source found")
            if tgt:
                parts.append(f"target '{tgt_actor.text if tgt_actor else ''}' via {tgt[1].path}: "
                             f"{tgt_actor.reason if tgt_actor else ''}")
            elif entry.targets:
                parts.append("no target found")
            if pair_reason:
                parts.append(pair_reason)
            if cand.passive:
                parts.append("passive voice")
            if cand.reported_by is not None:
                parts.append(f"reported by '{cand.reported_by.trigger.text}'")
            ev = Event(
                id=event_id(article.id, s_i, trig, code, src_actor.code if src_actor else None,
                            tgt_actor.code if tgt_actor else None),
                article_id=article.id,
                sentence_index=s_i,
                sentence=sent_text,
                source=src_actor,
                target=tgt_actor,
                cameo=code,
                cameo_name=info.name,
                root=info.root,
                base=info.base,
                goldstein=info.goldstein,
                quad_class=info.quad_class,
                plover_event=info.plover_event,
                plover_mode=info.plover_mode,
                plover_context=info.plover_context,
                trigger=trig,
                date=date,
                place=place,
                flags=flags.model_copy(),
                confidence=conf,
                lexicon_entry=entry.describe(),
                coded_by=decision.coded_by,  # type: ignore[arg-type]
                model_probability=round(decision.probability, 4) if decision.probability is not None else None,
                reason="; ".join(parts),
                url=article.url,
                source_name=article.source,
                published=article.date,
            )
            events.append(ev)
        return events

    @staticmethod
    def _confidence(cand: Candidate, src: tuple[Actor, Argument] | None, tgt: tuple[Actor, Argument] | None,
                    flags: Flags, decision: ModelDecision | None = None) -> float:
        c = cand.entry.conf
        if decision is not None and decision.probability is not None:
            # the model's probability of the chosen root, blended with the lexicon's prior
            c = MODEL_WEIGHT * decision.probability + (1 - MODEL_WEIGHT) * c
        if src is None:
            c -= 0.25
        elif not src[0].resolved:
            c -= 0.15
        if cand.entry.targets and (tgt is None or not tgt[0].resolved):
            c -= 0.08
        hops = (src[1].hops if src else 0) + (tgt[1].hops if tgt else 0)
        c -= 0.03 * max(0, hops - 3)
        if cand.source_fallback:
            c -= 0.1
        if cand.nominal:
            c -= 0.05
        for flag, penalty in FLAG_PENALTY.items():
            if getattr(flags, flag):
                c -= penalty
        return round(min(0.99, max(0.02, c)), 3)
