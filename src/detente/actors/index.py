"""One article's actor matches, and the look-ups over them: the actors a noun phrase names, persons
linked to later surnames, pronouns and "the two sides" resolved to earlier actors.

``ActorResolver.match(doc, date)`` (resolver.py) builds an :class:`ActorIndex`; the coder asks it
``actors_for(token)`` per argument, and ``mentions()`` lists every actor in text order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from ..doccache import doc_text, sentences
from ..models import Actor, Span
from .dictionary import Entry, strip_accents

if TYPE_CHECKING:
    from .resolver import ActorResolver

# dependency labels whose tokens belong to the head's noun phrase
MODIFIER_DEPS = frozenset({
    "compound", "amod", "poss", "nmod", "flat", "nummod", "det", "predet", "nn", "quantmod",
    "case", "appos",
})
# modifiers whose own coordinations ("Chinese and Indian") stay in the phrase
_COORD_DEPS = frozenset({"conj", "cc"})
_PHRASE_PREPS = frozenset({"of"})
_AGENT_PREPS = frozenset({"of", "from"})  # "diplomats from India"
_MAX_PHRASE = 40

PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
SINGULAR_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers"})
COLLECTIVE_NOUNS = frozenset({
    "side", "nation", "country", "government", "state", "party", "leader", "neighbour", "neighbor",
    "power", "capital", "delegation", "army", "ally", "rival", "adversary", "giant", "economy",
})
_TWO_WORDS = frozenset({"two", "both"})
TITLE_WORDS = frozenset({
    "president", "minister", "premier", "chancellor", "secretary", "mr", "mr.", "ms", "ms.", "mrs",
    "mrs.", "dr", "dr.", "king", "queen", "prince", "princess", "sheikh", "emir", "general", "gen.",
    "senator", "sen.", "rep.", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson",
    "chairman", "leader", "governor", "mayor", "director", "chief", "speaker", "commissioner",
    "vice", "deputy", "counterpart", "official",
})
# name tokens that are not surnames
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
_STATE_LABEL = {"state": "country", "igo": "IGO", "group": "group", "person": "person"}


def singular(word: str) -> str:
    if len(word) <= 3:
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@dataclass
class Match:
    """A dictionary hit on a token range [start, end)."""

    start: int
    end: int
    text: str
    candidates: list[Entry]

    @property
    def kind(self) -> str:
        return self.candidates[0].kind


@dataclass
class AgentHit:
    entry: Entry
    start: int  # first token of a multi-word agent ("foreign" in "foreign minister")
    end: int


@dataclass
class _Compound:
    sentence: int
    anchor: int
    text: str
    actors: list[Actor] = field(default_factory=list)

    def codes(self) -> frozenset[tuple[str | None, str | None]]:
        return frozenset((a.country, a.sector) for a in self.actors)




class ActorIndex:
    """Actor matches of one article; ``actors_for`` and ``mentions`` are look-ups over them."""

    def __init__(self, resolver: ActorResolver, doc: Doc, date: dt.date | None, matches: list[Match]) -> None:
        self.resolver = resolver
        self.doc = doc
        self._text = doc_text(doc)
        self.date = date
        self.matches = matches
        self._match_at: dict[int, Match] = {}
        for m in matches:
            for k in range(m.start, m.end):
                self._match_at[k] = m
        self._agent_cache: dict[int, AgentHit | None] = {}
        self._cache: dict[int, list[Actor]] = {}
        self._compounds: dict[int, list[_Compound]] = {}
        self._sent_of: list[int] = [0] * len(doc)
        self._sents: list[tuple[int, int]] = []
        for n, sent in enumerate(sentences(doc)):
            self._sents.append((sent.start, sent.end))
            for k in range(sent.start, sent.end):
                self._sent_of[k] = n
        self._link_persons()

    # ------------------------------------------------------------ persons
    def _link_persons(self) -> None:
        """One pass in text order: person mentions, and later surnames that point back to them."""
        doc = self.doc
        res = self.resolver
        self._person_ents: dict[int, tuple[int, int]] = {}
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                for k in range(ent.start, ent.end):
                    self._person_ents[k] = (ent.start, ent.end)
        self._surname_of: dict[int, int] = {}  # token -> head token of the earlier full mention
        self._global_of: dict[int, str] = {}  # token -> dictionary key of a bundled person
        self.person_mentions: list[tuple[int, int]] = []  # (token, head token of the mention)
        known: dict[str, int] = {}
        i = 0
        n = len(doc)
        while i < n:
            m = self._match_at.get(i)
            if m is not None and m.kind == "person":
                head = doc[m.start:m.end].root.i
                self.person_mentions.append((m.start, head))
                entry = m.candidates[0]
                for key in res._surname_keys(entry):
                    known[key] = head
                i = m.end
                continue
            if m is not None:
                i = m.end
                continue
            pent = self._person_ents.get(i)
            if pent is not None and pent[1] - pent[0] >= 2:
                words = [t for t in doc[pent[0]:pent[1]] if t.is_alpha and t.lower_ not in NAME_SUFFIXES]
                span_head = doc[pent[0]:pent[1]].root.i
                last = strip_accents(words[-1].lower_) if words else ""
                if last:
                    known[last] = span_head
                self.person_mentions.append((pent[0], span_head))
                i = pent[1]
                continue
            tok = doc[i]
            if tok.is_alpha and tok.text[:1].isupper() and tok.ent_type_ not in ("DATE", "TIME", "CARDINAL"):
                key = strip_accents(tok.lower_)
                if key in known:
                    self._surname_of[i] = known[key]
                    self.person_mentions.append((i, i))
                elif key in res._global_surnames and not tok.is_stop and i not in self._match_at and (
                        tok.ent_type_ == "PERSON" or (i > 0 and doc[i - 1].lower_ in TITLE_WORDS)
                        # the small model often tags a lone surname ORG/GPE or nothing: "Lavrov and Blinken"
                        or (tok.pos_ == "PROPN" and tok.ent_type_ in ("", "ORG", "GPE", "NORP", "LOC"))):
                    self._global_of[i] = res._global_surnames[key]
                    self.person_mentions.append((i, i))
            i += 1

    # ------------------------------------------------------------ helpers
    def _agent(self, i: int) -> AgentHit | None:
        if i not in self._agent_cache:
            self._agent_cache[i] = self.resolver.agent_at(self.doc, i)
        return self._agent_cache[i]

    def _pick(self, cands: list[Entry]) -> tuple[Entry, str]:
        """The row whose term covers the article date, else the nearest (said in the returned note)."""
        if len(cands) == 1 and cands[0].start is None and cands[0].end is None:
            return cands[0], ""
        date = self.date
        if date is None:
            current = [c for c in cands if c.end is None]
            if current:
                return current[0], "no article date; current role"
            return max(cands, key=lambda c: c.end or dt.date.min), "no article date; latest role"
        for c in cands:
            if c.covers(date):
                return c, ""
        best = min(cands, key=lambda c: c.distance(date))
        return best, f"article date {date.isoformat()} is outside term, nearest"

    def _phrase(self, token: Token) -> list[int]:
        """Token indices of the noun phrase headed by `token` (no conj siblings, no relative clauses)."""
        out: set[int] = {token.i}
        head_is_agent = self._agent(token.i) is not None
        stack: list[tuple[Token, bool]] = [(token, False)]
        while stack and len(out) < _MAX_PHRASE:
            tok, coord_ok = stack.pop()
            for child in tok.children:
                if child.i in out:
                    continue
                dep = child.dep_
                take = dep in MODIFIER_DEPS or (coord_ok and dep in _COORD_DEPS)
                if not take and dep == "prep":
                    preps = _AGENT_PREPS if head_is_agent else _PHRASE_PREPS
                    if child.lower_ in preps:
                        take = True
                if not take and dep == "pobj" and tok.dep_ == "prep":
                    take = True
                if take:
                    out.add(child.i)
                    stack.append((child, coord_ok or dep != "prep"))
        # a title or name run written before the head but parsed elsewhere ("Foreign Minister Wang Yi")
        return sorted(out)

    def _span(self, idx: Sequence[int]) -> Span:
        doc = self.doc
        first, last = doc[idx[0]], doc[idx[-1]]
        start, end = first.idx, last.idx + len(last.text)
        return Span(start=start, end=end, text=self._text[start:end])

    def _country_label(self, code: str | None) -> str:
        if code is None:
            return "no country"
        return self.resolver.country_names.get(code, code)

    # ------------------------------------------------------------ public
    def actors_for(self, token: Token) -> list[Actor]:
        """The actor(s) of the noun phrase headed by `token` (at least one for a nominal token)."""
        cached = self._cache.get(token.i)
        if cached is None:
            cached = self._resolve(token, allow_coref=True)
            self._cache[token.i] = cached
        return [a.model_copy() for a in cached]

    def mentions(self) -> list[Actor]:
        """Every actor mention found in the article, in text order."""
        doc = self.doc
        heads: dict[int, None] = {}
        seeds = [m.start for m in self.matches] + [t for t, _ in self.person_mentions]
        seeds += [i for i in range(len(doc)) if doc[i].pos_ in ("NOUN", "PROPN") and self._agent(i)]
        for i in sorted(set(seeds)):
            tok = doc[i]
            m = self._match_at.get(i)
            if m is not None:
                tok = doc[m.start:m.end].root
            while tok.dep_ in MODIFIER_DEPS - {"appos"} and tok.head is not tok:
                tok = tok.head
            if tok.dep_ == "pobj" and tok.head.lower_ in _PHRASE_PREPS and tok.head.head.pos_ in ("NOUN", "PROPN"):
                tok = tok.head.head
            heads.setdefault(tok.i)
        out: list[Actor] = []
        for i in sorted(heads):
            out.extend(self.actors_for(doc[i]))
        out.sort(key=lambda a: a.span.start if a.span else 0)
        return out

    # ------------------------------------------------------------ resolution
    def _resolve(self, token: Token, *, allow_coref: bool) -> list[Actor]:
        doc = self.doc
        idx = self._phrase(token)
        span = self._span(idx)
        # persons: a dictionary name, a surname pointing back, or a bundled person's surname
        person = self._person_in(token, idx)
        matches: list[Match] = []
        for i in idx:
            m = self._match_at.get(i)
            if m is not None and (not matches or matches[-1] is not m):
                matches.append(m)
        agent = self._phrase_agent(token, idx)
        if person is not None:
            return [person.model_copy(update={"span": span, "text": span.text})]
        states = [m for m in matches if m.kind != "person"]
        if states:
            actors = self._state_actors(states, agent, span)
            ent = self._person_ents.get(token.i)
            if ent is not None and token.i not in self._match_at:
                # an unknown person with a demonym or title: "Indian official Vikram Misri"
                name = doc[ent[0]:ent[1]].text
                actors = [a.model_copy(update={"kind": "person", "name": name,
                                               "reason": f"person '{name}' not in the dictionary; {a.reason}"})
                          for a in actors[:1]]
            return actors
        if allow_coref:
            coref = self._coref(token, span)
            if coref:
                return coref
        if agent is not None:
            entry = agent.entry
            words = doc[agent.start:agent.end].text
            why = f"agent noun '{words}' -> {entry.sector or '-'}"
            if entry.country:
                why += f" of {entry.country}"
            else:
                why += " (no country named)"
            ent = self._person_ents.get(token.i)
            if ent is not None:
                name = doc[ent[0]:ent[1]].text
                return [Actor(text=span.text, span=span, country=entry.country, sector=entry.sector,
                              kind="person", name=name, reason=f"person '{name}' not in the dictionary; {why}")]
            return [Actor(text=span.text, span=span, country=entry.country, sector=entry.sector,
                          kind="group", name=entry.name, reason=why)]
        ent = self._person_ents.get(token.i)
        if ent is not None:
            name = doc[ent[0]:ent[1]].text
            return [Actor(text=span.text, span=span, kind="person", name=name,
                          reason=f"person '{name}': no dictionary entry")]
        return [Actor(text=span.text, span=span, kind="unknown", reason="no dictionary entry")]

    def _phrase_agent(self, token: Token, idx: Sequence[int]) -> AgentHit | None:
        """The agent noun nearest the head: the head itself, else the closest modifier."""
        best: AgentHit | None = None
        best_dist = 10**6
        for i in idx:
            if i in self._match_at and self._match_at[i].kind != "agent":
                continue
            hit = self._agent(i)
            if hit is None:
                continue
            dist = abs(i - token.i) + (0 if i == token.i else 1)
            if dist < best_dist:
                best, best_dist = hit, dist
        return best

    def _person_in(self, token: Token, idx: Sequence[int]) -> Actor | None:
        doc = self.doc
        in_phrase = set(idx)
        best: tuple[int, Actor] | None = None
        for i in idx:
            actor: Actor | None = None
            m = self._match_at.get(i)
            if m is not None and m.kind == "person" and i == m.start:
                actor = self._person_actor(m.candidates, doc[m.start:m.end].text, token, idx)
            elif i in self._surname_of:
                head = self._surname_of[i]
                if head in in_phrase:
                    continue
                earlier = self.actors_for(doc[head])[0]
                why = f"surname '{doc[i].text}' = '{earlier.name or earlier.text}' named earlier in the article"
                actor = earlier.model_copy(update={"reason": f"{why}; {earlier.reason}", "span": None})
                # a title given with the surname can add what the first mention lacked
                if actor.country is None:
                    extra = self._title_country(idx, token)
                    if extra:
                        actor = actor.model_copy(update={"country": extra[0], "sector": actor.sector or extra[1]})
            elif i in self._global_of:
                key = self._global_of[i]
                cands = [c.entry for c in self.resolver._named.get(key, ())]
                if cands:
                    actor = self._person_actor(cands, doc[i].text, token, idx, surname=True)
            if actor is not None:
                dist = abs(i - token.i)
                if best is None or dist < best[0]:
                    best = (dist, actor)
        if best is None:
            return None
        return best[1].model_copy(update={"span": None})

    def _title_country(self, idx: Sequence[int], token: Token) -> tuple[str, str | None] | None:
        for m in self.matches:
            if m.start in set(idx) and m.kind in ("state", "igo"):
                entry, _ = self._pick(m.candidates)
                agent = self._phrase_agent(token, idx)
                return entry.country or "", agent.entry.sector if agent else entry.sector
        return None

    def _person_actor(self, cands: list[Entry], text: str, token: Token, idx: Sequence[int],
                      *, surname: bool = False) -> Actor:
        persons = [c for c in cands if c.kind == "person"] or cands
        entry, pick_note = self._pick(persons)
        where = self._country_label(entry.country)
        bits = [where]
        role = entry.note
        term = entry.term()
        if role or term:
            bits.append(" ".join(b for b in (role, term) if b))
        if pick_note:
            bits.append(pick_note)
        code = " ".join(b for b in (entry.country, entry.sector) if b) or "no code"
        label = entry.label
        lead = f"person '{label}'" if text == label else f"person '{label}' (as '{text}')"
        if surname:
            lead = f"surname '{text}' of the only bundled person so named, '{label}'"
        reason = f"{lead} ({', '.join(bits)}) -> {code}"
        return Actor(text=text, country=entry.country, sector=entry.sector, kind="person",
                     name=label, reason=reason)

    def _state_actors(self, states: list[Match], agent: AgentHit | None, span: Span) -> list[Actor]:
        doc = self.doc
        out: list[Actor] = []
        seen: set[tuple[str | None, str | None]] = set()
        for m in states:
            entry, pick_note = self._pick(m.candidates)
            label = entry.note or _STATE_LABEL.get(entry.kind, entry.kind)
            sector = entry.sector
            parts: list[str] = []
            code = entry.country or ""
            generic = agent is not None and "generic" in agent.entry.note and entry.sector is not None
            if agent is not None and not generic:
                sector = agent.entry.sector
                words = doc[agent.start:agent.end].text
                parts.append(f"{label} '{m.text}' -> {code}")
                parts.append(f"agent noun '{words}' -> {sector or '-'}")
                reason = " + ".join(parts)
            elif entry.kind == "state" and entry.sector:
                target = f"the government of {code}" if entry.sector == "GOV" else f"{code} {entry.sector}"
                reason = f"{label} '{m.text}' as metonymy for {target}"
            else:
                reason = f"{label} '{m.text}' -> {' '.join(b for b in (code, sector) if b)}"
            if pick_note:
                reason += f" ({entry.term()}; {pick_note})"
            key = (entry.country, sector)
            if key in seen:
                continue
            seen.add(key)
            kind = entry.kind if entry.kind in ("state", "igo", "group") else "group"
            out.append(Actor(text=span.text, span=span, country=entry.country, sector=sector,
                             kind=kind, name=entry.name, reason=reason))  # type: ignore[arg-type]
        return out

    # ------------------------------------------------------------ pronouns and "the two sides"
    def _collective(self, token: Token) -> str | None:
        """'plural' for they/them, 'two' for 'the two sides'/'both nations', 'one' for he/she, else None."""
        lower = token.lower_
        if lower in PLURAL_PRONOUNS:
            return "plural"
        if lower in SINGULAR_PRONOUNS:
            return "one"
        if token.dep_ == "preconj":
            return None
        if lower in _TWO_WORDS and token.pos_ in ("NUM", "PRON", "DET", "NOUN"):
            return "two"
        collective = token.lemma_.lower() in COLLECTIVE_NOUNS or singular(lower) in COLLECTIVE_NOUNS
        if collective and any(c.lower_ in _TWO_WORDS for c in token.children
                              if c.dep_ in ("nummod", "det", "predet", "quantmod")):
            return "two"
        return None

    def _compounds_of(self, n: int) -> list[_Compound]:
        """Coordinations of >=2 distinct resolved actors in sentence n."""
        if n in self._compounds:
            return self._compounds[n]
        self._compounds[n] = []
        doc = self.doc
        start, end = self._sents[n]
        found: list[_Compound] = []
        for i in range(start, end):
            tok = doc[i]
            if tok.dep_ == "conj" or not any(c.dep_ == "conj" for c in tok.children):
                continue
            if tok.pos_ not in ("NOUN", "PROPN", "ADJ", "PRON", "NUM"):
                continue
            if tok.dep_ in MODIFIER_DEPS and tok.dep_ != "appos":
                head = tok
                while head.dep_ in MODIFIER_DEPS and head.dep_ != "appos" and head.head is not head:
                    head = head.head
                actors = self._resolve(head, allow_coref=False)
                anchor_text = doc[min(self._phrase(head)):max(self._phrase(head)) + 1].text
            else:
                conjuncts = [tok] + [t for t in tok.conjuncts if t.i > tok.i]
                actors = []
                for c in conjuncts:
                    actors.extend(self._resolve(c, allow_coref=False))
                first = min(self._phrase(tok))
                last = max(max(self._phrase(c)) for c in conjuncts)
                anchor_text = doc[first:last + 1].text
            resolved: list[Actor] = []
            keys: set[tuple[str | None, str | None]] = set()
            for a in actors:
                key = (a.country, a.sector)
                if a.country is None or key in keys:
                    continue
                keys.add(key)
                resolved.append(a)
            if len(resolved) >= 2:
                found.append(_Compound(n, tok.i, anchor_text, resolved))
        self._compounds[n] = found
        return found

    def _unique(self, comps: list[_Compound], exclude: int | None = None) -> _Compound | None:
        comps = [c for c in comps if exclude is None or c.anchor != exclude]
        if not comps:
            return None
        codes = {c.codes() for c in comps}
        return comps[0] if len(codes) == 1 else None

    def _pair_mentioned(self, n: int, before: int | None = None) -> _Compound | None:
        """The two distinct countries/IGOs named in sentence n (not coordinated), if exactly two."""
        start, end = self._sents[n]
        if before is not None:
            end = min(end, before)
        found: dict[str | None, Actor] = {}
        for m in self.matches:
            if start <= m.start < end and m.kind in ("state", "igo"):
                actor = self._state_actors([m], None, self._span([m.start, m.end - 1]))[0]
                if actor.country is not None:
                    found.setdefault(actor.country, actor)
        if len(found) != 2:
            return None
        actors = list(found.values())
        return _Compound(n, -1, " and ".join(a.text for a in actors), actors)

    def _coref(self, token: Token, span: Span) -> list[Actor] | None:
        what = self._collective(token)
        if what is None:
            return None
        n = self._sent_of[token.i]
        if what == "one":
            return self._coref_person(token, span, n)
        two = what == "two"

        def pick(comps: list[_Compound]) -> tuple[_Compound | None, bool]:
            if two:
                comps = [c for c in comps if len(c.actors) == 2]
            return self._unique(comps), bool(comps)

        comp: _Compound | None = None
        how = "compound actor of"
        if n > 0:
            comp, seen = pick(self._compounds_of(n - 1))
            if comp is None and seen:
                return None  # several compounds just before: do not guess
        if comp is None:
            same = [c for c in self._compounds_of(n)
                    if not (c.anchor <= token.i <= c.anchor + 2 * len(c.actors))]
            comp, seen = pick(same)
            if comp is None and seen:
                return None
        if comp is None and two:
            how = "the two countries named in"
            if n > 0:
                comp = self._pair_mentioned(n - 1)
            if comp is None:
                comp = self._pair_mentioned(n, before=token.i)
            if comp is None:
                how = "compound actor of"
                for k in range(n - 2, max(-1, n - 4), -1):
                    comp, seen = pick(self._compounds_of(k))
                    if comp is not None or seen:
                        break
        if comp is None:
            return None
        where = "the same sentence" if comp.sentence == n else f"sentence {comp.sentence}"
        out = []
        for a in comp.actors:
            reason = f"'{span.text}' = {how} {where} ('{comp.text}'); {a.reason}"
            out.append(a.model_copy(update={"text": span.text, "span": span, "reason": reason}))
        return out

    def _coref_person(self, token: Token, span: Span, n: int) -> list[Actor] | None:
        lo = self._sents[n - 1][0] if n > 0 else self._sents[n][0]
        window = [(t, h) for t, h in self.person_mentions if lo <= t < token.i]
        if not window:
            return None
        names = set()
        resolved = []
        for t, h in window:
            acts = self.actors_for(self.doc[h])
            names.add(acts[0].name or acts[0].text)
            resolved.append((t, acts[0]))
        if len(names) != 1:
            return None
        t, a = resolved[-1]
        reason = f"'{span.text}' = '{self.doc[t].text}' (the only person named just before); {a.reason}"
        return [a.model_copy(update={"text": span.text, "span": span, "reason": reason})]
