"""The prefilter: a cheap pass that keeps only the sentences that can yield an event.

Before the full parse, an article is only tokenised; its sentences are split on end punctuation and
each is scanned for a word form of a trigger lemma in the lexicon ("attacked", "talks", "met").
Sentences without one cannot give a lexicon event and are not parsed. A sentence just before a
kept one is kept too when the kept one opens with a pronoun or "the two sides" (the resolver needs
it), and so is any sentence that introduces a person the article later names by surname.

When every sentence is kept, the article goes through the pipeline exactly as without the
prefilter (same tokens, same parse, same events). Otherwise the kept sentences are parsed as one
document and every span of every event is mapped back to the article's own character offsets.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .doccache import word_count
from .events.lexicon import Lexicon

END_PUNCT = {".", "!", "?", "…"}
CLOSERS = {'"', "'", "”", "’", ")", "]", "»"}
CONTEXT_OPENERS = {"they", "he", "she", "it", "both", "the", "their", "his", "her", "its", "these", "those"}
# Past tenses and participles that share no prefix with their lemma: form -> lemma.
_IRREGULAR_PAIRS = """met:meet fought:fight struck:strike stricken:strike shot:shoot
held:hold began:begin begun:begin took:take taken:take gave:give given:give sent:send stole:steal stolen:steal
fled:flee led:lead won:win told:tell said:say sought:seek brought:bring built:build caught:catch drove:drive
driven:drive flew:fly flown:fly fell:fall fallen:fall froze:freeze frozen:freeze kept:keep laid:lay left:leave
lost:lose made:make paid:pay ran:run rose:rise risen:rise sold:sell spoke:speak spoken:speak stood:stand
swore:swear sworn:swear threw:throw thrown:throw withdrew:withdraw withdrawn:withdraw wrote:write written:write
broke:break broken:break chose:choose chosen:choose came:come went:go gone:go saw:see seen:see arose:arise
bore:bear borne:bear bound:bind bought:buy dealt:deal drew:draw drawn:draw fed:feed felt:feel forbade:forbid
forbidden:forbid forgave:forgive forgiven:forgive got:get heard:hear hid:hide hidden:hide knew:know
known:know lent:lend lit:light meant:mean overran:overrun overthrew:overthrow overthrown:overthrow rang:ring
sank:sink slew:slay slain:slay sped:speed spent:spend sprang:spring stuck:stick stung:sting strove:strive
swept:sweep swung:swing taught:teach thought:think understood:understand undertook:undertake upheld:uphold
woke:wake wore:wear beat:beat beaten:beat bit:bite bitten:bite blew:blow blown:blow dug:dig grew:grow
grown:grow shook:shake shaken:shake tore:tear torn:tear"""
IRREGULAR = dict(pair.split(":") for pair in _IRREGULAR_PAIRS.split())
MIN_STEM = 3


def _stem(lemma: str) -> str:
    s = lemma.lower()
    if len(s) > 4 and s.endswith("e"):
        s = s[:-1]  # "seize" -> "seiz" matches seized, seizing
    if len(s) > 4 and s.endswith("y"):
        s = s[:-1]  # "deploy" -> "deplo" matches deployed; "apply" -> "appl" matches applies, applied
    return s


class TriggerScanner:
    """Does a run of tokens contain a word form of any trigger lemma?"""

    def __init__(self, lexicon: Lexicon) -> None:
        lemmas = lexicon.verb_lemmas | lexicon.noun_lemmas
        words: set[str] = {form for form, lemma in IRREGULAR.items() if lemma in lemmas}
        stems: set[str] = set()
        for lemma in lemmas:
            for part in lemma.split():
                words.add(part)
                if len(part) >= MIN_STEM:
                    stems.add(_stem(part))
        self.words = frozenset(words)
        self.stems = sorted(stems)
        self._memo: dict[str, bool] = {}  # word -> is a trigger form (words repeat a lot)

    def is_trigger_form(self, word: str) -> bool:
        hit = self._memo.get(word)
        if hit is None:
            if len(self._memo) > 500_000:
                self._memo.clear()
            hit = self._memo[word] = self._is_trigger_form(word)
        return hit

    def _is_trigger_form(self, word: str) -> bool:
        w = word.lower()
        if w in self.words:
            return True
        # the longest stem that is a prefix of w, allowing an inflectional ending of up to 4 letters
        i = bisect.bisect_right(self.stems, w)
        for j in range(i - 1, max(-1, i - 40), -1):
            s = self.stems[j]
            if w.startswith(s):
                return len(w) - len(s) <= 4
            if s[:1] != w[:1]:
                break
        return False

    def has_trigger(self, tokens: Iterable[Any]) -> bool:
        return any(t.is_alpha and self.is_trigger_form(t.text) for t in tokens)


def sentence_bounds(doc: Any) -> list[tuple[int, int]]:
    """Token ranges of sentences split on end punctuation (the cheap pass; no model). ``doc`` is a
    Doc or the list of its tokens."""
    toks = list(doc)
    texts = [t.text for t in toks]
    out: list[tuple[int, int]] = []
    start = 0
    n = len(toks)
    i = 0
    while i < n:
        if texts[i] in END_PUNCT or ("\n" in toks[i].text_with_ws and "\n\n" in toks[i].text_with_ws):
            j = i + 1
            # closing quotes and brackets stay with the sentence when they touch its last character
            while j < n and (texts[j] in END_PUNCT or (texts[j] in CLOSERS and not toks[j - 1].whitespace_)):
                j += 1
            if j < n and (toks[j].is_space or texts[j][:1].isupper() or texts[j][:1] in "\"“'‘(" or
                          toks[j].like_num):
                out.append((start, j))
                start = j
            i = j
            continue
        i += 1
    if start < n:
        out.append((start, n))
    return [(a, b) for a, b in out if any(not toks[k].is_space for k in range(a, b))]


_CAP = re.compile(r"^[A-Z][a-z]+$")


@dataclass
class Selection:
    bounds: list[tuple[int, int]]  # every sentence of the article
    kept: list[int]  # indices of the kept sentences

    @property
    def complete(self) -> bool:
        return len(self.kept) == len(self.bounds)


def select(doc: Any, scanner: TriggerScanner) -> Selection:
    """Which sentences of a tokenised article to parse."""
    toks = list(doc)  # one Token object per token for the whole selection
    bounds = sentence_bounds(toks)
    keep = [scanner.has_trigger(toks[a:b]) for a, b in bounds]
    if all(keep):
        return Selection(bounds, list(range(len(bounds))))  # nothing to add back as context
    names: dict[str, int] = {}
    for k, (a, b) in enumerate(bounds):
        for t in doc[a:b]:
            if _CAP.match(t.text) and t.i > a:
                names.setdefault(t.text, k)
    for k, (a, b) in enumerate(bounds):
        if not keep[k]:
            continue
        first = doc[a].lower_
        if k > 0 and first in CONTEXT_OPENERS:
            keep[k - 1] = True
        # a surname may point back to the sentence that gave the full name
        for t in doc[a:b]:
            j = names.get(t.text)
            if j is not None and j < k:
                keep[j] = True
    return Selection(bounds, [k for k, flag in enumerate(keep) if flag])


@dataclass
class Mapping:
    """How the reduced document's characters map back to the article's."""

    selection: Selection
    parts: list[tuple[int, int, int]]  # (start in reduced text, end in reduced text, start in article)
    sentence_chars: list[tuple[int, int]]  # every article sentence as article char offsets
    words: int

    def to_article(self, x: int) -> int:
        starts = [p[0] for p in self.parts]
        k = max(0, bisect.bisect_right(starts, x) - 1)
        start, _, art = self.parts[k]
        return x - start + art

    def article_view(self, article: Any, doc: Any) -> Any:
        """The article as the coder sees it: the reduced text, same id and metadata."""
        return article.model_copy(update={"text": doc.text})

    def restore(self, ev: Any, article: Any) -> Any:
        from .events.code import event_id

        def shift(span: Any) -> Any:
            if span is None:
                return None
            start = self.to_article(span.start)
            return span.model_copy(update={"start": start, "end": start + (span.end - span.start)})

        trig = shift(ev.trigger)
        upd: dict[str, Any] = {"trigger": trig}
        for side in ("source", "target", "place"):
            obj = getattr(ev, side)
            if obj is not None and obj.span is not None:
                upd[side] = obj.model_copy(update={"span": shift(obj.span)})
        s_i = next((k for k, (a, b) in enumerate(self.sentence_chars) if a <= trig.start < b), ev.sentence_index)
        upd["sentence_index"] = s_i
        a, b = self.sentence_chars[s_i] if s_i < len(self.sentence_chars) else (0, 0)
        upd["sentence"] = article.text[a:b].strip() or ev.sentence
        upd["id"] = event_id(article.id, s_i, trig, ev.cameo, ev.source.code if ev.source else None,
                             ev.target.code if ev.target else None)
        return ev.model_copy(update=upd)


def reduce_doc(doc0: Any, sel: Selection) -> tuple[Any, Mapping]:
    """The kept sentences as one document to parse, with the map back to the article."""
    from spacy.tokens import Doc

    pieces = [doc0[sel.bounds[k][0]:sel.bounds[k][1]].as_doc() for k in sel.kept]
    reduced = Doc.from_docs(pieces, ensure_whitespace=True) if pieces else doc0[0:0].as_doc()
    parts = []
    tok = 0
    for k, piece in zip(sel.kept, pieces, strict=True):
        a, b = sel.bounds[k]
        start = reduced[tok].idx if tok < len(reduced) else 0
        parts.append((start, start + len(piece.text), doc0[a].idx))
        tok += len(piece)
    chars = [(doc0[a].idx, doc0[b - 1].idx + len(doc0[b - 1].text)) for a, b in sel.bounds]
    words = word_count(doc0)
    return reduced, Mapping(sel, parts, chars, words)
