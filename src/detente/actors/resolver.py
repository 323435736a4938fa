"""The actor resolver: dictionary matching once per article, cheap look-ups per argument token.

``ActorResolver`` is built once per run (it compiles the dictionaries into a spaCy PhraseMatcher and an
agent-noun table); ``ActorResolver.match(doc, date)`` runs the matcher over one article and returns an
``ActorIndex``, whose ``actors_for(token)`` answers for one noun phrase from precomputed matches.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .dictionary import Entry, bundled_files, load_dictionary, strip_accents
from .index import NAME_SUFFIXES, ActorIndex, AgentHit, Match, singular

# countries whose persons are named surname first in English news
SURNAME_FIRST = frozenset({"CHN", "TWN", "KOR", "PRK", "HKG", "MAC", "VNM", "MNG", "KHM"})


def _case_rule(pattern: str) -> str:
    """'exact' for acronyms (US, WHO), 'title' for capitalised names, 'any' for lower-case patterns."""
    letters = [c for c in pattern if c.isalpha()]
    if not letters:
        return "any"
    uppers = sum(c.isupper() for c in letters)
    if uppers >= 2 and uppers == len(letters):
        return "exact"
    if letters[0].isupper():
        return "title"
    return "any"


def _case_ok(rule: str, pattern: str, text: str) -> bool:
    if rule == "any":
        return True
    if rule == "exact":
        return text == pattern or strip_accents(text) == strip_accents(pattern)
    pwords, twords = pattern.split(), text.split()
    if len(pwords) != len(twords):
        first = next((c for c in text if c.isalpha()), "")
        return first.isupper()
    # every capitalised word of the pattern must be capitalised in the text ("the States", not "the states")
    return all(not p[:1].isupper() or t[:1].isupper() for p, t in zip(pwords, twords, strict=True))


@dataclass
class _Candidate:
    entry: Entry
    rule: str
    pattern: str


class ActorResolver:
    """Actor dictionaries compiled for matching. Build once, call ``match`` per article."""

    def __init__(self, extra_files: Iterable[Path | str] = (), *, bundled: bool = True) -> None:
        entries: list[Entry] = []
        if bundled:
            for path in bundled_files():
                entries.extend(load_dictionary(path))
        self.files = [str(p) for p in bundled_files()] if bundled else []
        for extra in extra_files:
            entries.extend(load_dictionary(extra, user=True))
            self.files.append(str(extra))
        self.entries = entries
        self._nlp = spacy.blank("en")
        self._build(entries)

    # ---------------------------------------------------------------- building
    def _key(self, pattern: str) -> str:
        return " ".join(t.lower_ for t in self._nlp.make_doc(pattern))

    def _build(self, entries: Sequence[Entry]) -> None:
        named: dict[str, list[_Candidate]] = {}
        agents: dict[tuple[tuple[str, ...], str], list[Entry]] = {}
        self.country_names: dict[str, str] = {}
        for entry in entries:
            if entry.kind == "state" and entry.country and entry.name and not entry.note:
                self.country_names.setdefault(entry.country, entry.name)
            for pattern in entry.patterns:
                variants = {pattern, strip_accents(pattern)}
                for variant in variants:
                    if entry.kind == "agent":
                        words = tuple(t.lower_ for t in self._nlp.make_doc(variant))
                        agents.setdefault((words[:-1], words[-1]), []).append(entry)
                    else:
                        named.setdefault(self._key(variant), []).append(
                            _Candidate(entry, _case_rule(variant), variant))
        # user rows win over bundled rows for the same pattern
        for nkey, ncands in named.items():
            if any(c.entry.user for c in ncands):
                named[nkey] = [c for c in ncands if c.entry.user]
        for akey, aents in agents.items():
            if any(e.user for e in aents):
                agents[akey] = [e for e in aents if e.user]
        self._named = named
        self._matcher = PhraseMatcher(self._nlp.vocab, attr="LOWER")
        docs = [self._nlp.make_doc(c.pattern) for cands in named.values() for c in cands]
        seen: set[str] = set()
        unique = []
        for d in docs:
            k = " ".join(t.lower_ for t in d)
            if k not in seen:
                seen.add(k)
                unique.append(d)
        self._matcher.add("ACTOR", unique)
        # agent table: head-word form -> [(prefix words, entries)]
        self._agents: dict[str, list[tuple[tuple[str, ...], list[Entry]]]] = {}
        for (prefix, last), ents in agents.items():
            for form in {last, singular(last)}:
                self._agents.setdefault(form, []).append((prefix, ents))
        for rows in self._agents.values():
            rows.sort(key=lambda r: -len(r[0]))
        # surnames of bundled persons, for surnames not introduced earlier in the article
        by_surname: dict[str, set[str]] = {}
        for entry in entries:
            if entry.kind != "person":
                continue
            for key in self._surname_keys(entry):
                by_surname.setdefault(key, set()).add(entry.label)
        blocked = set(named) | set(self._agents) | set(self._nlp.Defaults.stop_words)
        self._global_surnames: dict[str, str] = {}
        for key, names in by_surname.items():
            if len(names) == 1 and key not in blocked and len(key) >= 3:
                name = next(iter(names))
                if named.get(self._key(name)):
                    self._global_surnames[key] = self._key(name)

    def _surname_keys(self, entry: Entry) -> set[str]:
        keys: set[str] = set()
        for pattern in entry.patterns:
            words = [w for w in strip_accents(pattern).lower().replace("-", " ").split()
                     if w not in NAME_SUFFIXES]
            if len(words) < 2:
                continue
            keys.add(words[-1])
            if entry.country in SURNAME_FIRST:
                keys.add(words[0])
        return keys

    # ---------------------------------------------------------------- matching
    def agent_at(self, doc: Doc, i: int) -> AgentHit | None:
        """The agent noun (possibly multi-word) whose head word is token i."""
        tok = doc[i]
        if not tok.is_alpha and "." not in tok.text:
            return None
        lower = tok.lower_
        forms = (lower, tok.lemma_.lower(), singular(lower))
        for form in dict.fromkeys(forms):
            rows = self._agents.get(form)
            if not rows:
                continue
            for prefix, ents in rows:
                n = len(prefix)
                if n > i:
                    continue
                if n and tuple(t.lower_ for t in doc[i - n:i]) != prefix:
                    continue
                entry = ents[0]
                if any(c.isupper() for p in entry.patterns for c in p) and not tok.text[0].isupper():
                    # acronym agents (MP, MPs) must be written in capitals
                    continue
                return AgentHit(entry, i - n, i + 1)
        return None

    def match(self, doc: Doc, date: dt.date | None = None) -> ActorIndex:
        """Match the dictionaries against one parsed article."""
        spans = []
        for _, start, end in self._matcher(doc):
            span = doc[start:end]
            key = " ".join(t.lower_ for t in span)
            cands = [c.entry for c in self._named.get(key, ()) if _case_ok(c.rule, c.pattern, span.text)]
            if cands:
                spans.append(Match(start, end, span.text, list(dict.fromkeys(cands))))
        # longest match wins, then leftmost
        spans.sort(key=lambda m: (-(m.end - m.start), m.start))
        taken = [False] * len(doc)
        chosen: list[Match] = []
        for m in spans:
            if any(taken[m.start:m.end]):
                continue
            for k in range(m.start, m.end):
                taken[k] = True
            chosen.append(m)
        chosen.sort(key=lambda m: m.start)
        return ActorIndex(self, doc, date, chosen)
