"""PETRARCH verb dictionaries -> detente trigger lexicon (see the package docstring)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..codebook import Codebook, default_codebook
from .common import _CODE_LINE, _VERB_HEADER, ConversionStats, _clean_lines, _read, _split_name, log

PARTICLES = {"up", "down", "off", "out", "away", "back"}
PREPOSITIONS = {"for", "with", "against", "on", "upon", "to", "at", "into", "from", "in", "about", "of",
                "over", "between", "toward", "towards", "by", "after", "without", "through", "onto"}
DETERMINERS = {"the", "a", "an", "our", "their", "its", "his", "her"}
ADJ_SUFFIXES = ("ic", "ical", "ous", "ive", "ful", "less")
NOUN_SUFFIXES = ("ity", "tion", "sion", "ment", "ness", "ance", "ence", "ism", "ship")
FUNCTION_WORDS = {  # a pattern with one of these after the verb is not a simple object or modifier
    "was", "were", "be", "is", "are", "been", "would", "will", "should", "may", "might", "must", "can",
    "could", "not", "no", "never", "has", "have", "had", "did", "do", "does", "now", "then", "again",
    "and", "or", "that", "it", "they", "this", "what", "who", "which",
}
IRREGULAR = {
    "said": "say", "says": "say", "met": "meet", "left": "leave", "held": "hold", "fought": "fight",
    "drawn": "draw", "drew": "draw", "began": "begin", "begun": "begin", "lent": "lend", "paid": "pay",
    "made": "make", "risen": "rise", "rose": "rise", "broke": "break", "broken": "break", "sank": "sink",
    "sunk": "sink", "sought": "seek", "shot": "shoot", "brought": "bring", "taken": "take", "took": "take",
    "gave": "give", "given": "give", "went": "go", "gone": "go", "came": "come", "threw": "throw",
    "thrown": "throw", "struck": "strike", "stricken": "strike", "told": "tell", "sent": "send",
    "spoke": "speak", "spoken": "speak", "won": "win", "lost": "lose", "led": "lead", "fled": "flee",
    "hit": "hit", "cut": "cut", "put": "put", "set": "set", "shut": "shut", "let": "let", "quit": "quit",
    "found": "find", "kept": "keep", "caught": "catch", "bought": "buy", "sold": "sell", "stood": "stand",
}




def _lemmas(word: str) -> list[str]:
    """Plausible verb lemmas of a PETRARCH verb form; the form itself first when it is a base form."""
    w = word.lower()
    if w in IRREGULAR:
        return [IRREGULAR[w]]
    if w.endswith("ied") and len(w) > 4:
        return [w[:-3] + "y"]
    for ending, longer_than in (("ed", 4), ("ing", 5)):
        if w.endswith(ending) and len(w) > longer_than:
            stem = w[:-len(ending)]
            out = [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])
            return out
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return [w, w[:-1]]
    return [w]


def _nouns(word: str) -> list[str]:
    """A noun with its singular: 'ties' -> ['ties', 'tie']."""
    w = word.lower()
    out = [w]
    if w.endswith("ies") and len(w) > 4:
        out.append(w[:-3] + "y")
    if w.endswith(("ses", "xes", "ches", "shes")):
        out.append(w[:-2])
    if w.endswith("s") and not w.endswith(("ss", "us", "is", "news")) and len(w) > 3:
        out.append(w[:-1])
    return list(dict.fromkeys(out))


_WORD = re.compile(r"[a-z][a-z'\-.]*")


def _code(raw: str, cb: Codebook) -> tuple[str | None, bool]:
    """'[064:064]' -> ('064', True); codes not in the codebook -> (None, False)."""
    inner = raw.strip().strip("[]").strip()
    first, _, second = inner.partition(":")
    first = first.strip()
    if first not in cb:
        return None, False
    return first, second.strip() == first


@dataclass
class _Block:
    line: int
    code: str | None
    sym: bool
    raw_code: str
    verbs: list[tuple[str, str | None, bool, list[str]]] = field(default_factory=list)  # lemma|..., code, sym, prt
    patterns: list[tuple[int, str, str]] = field(default_factory=list)


def _entry(code: str, trigger: str, constraints: list[str], sym: bool) -> str:
    parts = [code, trigger, *constraints]
    if sym:
        parts.append("sym")
    return " ".join(parts)


def _alts(items: list[str]) -> str:
    return "|".join(dict.fromkeys(i.replace(" ", "_") for i in items))


def convert_verb_dictionary(path: Path | str, stats: ConversionStats | None = None,
                            codebook: Codebook | None = None) -> str:
    """Convert a PETRARCH verbs dictionary into detente trigger-lexicon text (conservatively)."""
    cb = codebook or default_codebook()
    st = stats if stats is not None else ConversionStats()
    st.path, st.kind = str(path), "verb"
    lines = _clean_lines(_read(path))
    synsets: dict[str, list[str]] = {}
    blocks: list[_Block] = []
    cur_syn: str | None = None
    block: _Block | None = None
    for n, line in enumerate(lines, 1):
        s = line.strip()
        if not s:
            cur_syn = None
            continue
        hm = _VERB_HEADER.match(s)
        if hm:
            cur_syn = None
            raw_code = _CODE_LINE.findall(hm.group("codes"))[0]
            code, sym = _code(raw_code, cb)
            block = _Block(n, code, sym, raw_code)
            blocks.append(block)
            continue
        if s.startswith("&"):
            cur_syn = s[1:].split()[0].rstrip("_").upper()
            synsets[cur_syn] = []
            block = None
            continue
        if cur_syn is not None and s.startswith("+"):
            synsets[cur_syn].append(s[1:].strip())
            continue
        if block is None:
            st.skip("line outside a verb block", n, s)
            continue
        if s.startswith("-"):
            block.patterns.append((n, s[1:].strip(), block.raw_code))
            continue
        _add_verb_line(block, n, s, cb, st)

    def expand(tok: str, depth: int = 0) -> list[str] | None:
        """Words a pattern token stands for (a synset's members' last words), lower-cased."""
        if tok.startswith("&"):
            name = tok[1:].rstrip("_").upper()
            if name not in synsets or depth > 5:
                return None
            out: list[str] = []
            for member in synsets[name]:
                words = member.replace("_", " ").split()
                if not words:
                    continue
                if words[-1].startswith("&"):
                    sub = expand(words[-1], depth + 1)
                    if sub is None:
                        return None
                    out.extend(sub)
                else:
                    out.append(words[-1].lower())
            return out or None
        w = tok.lower()
        return [w] if _WORD.fullmatch(w) else None

    out_lines: list[str] = []
    for b in blocks:
        simple = [v for v in b.verbs if not v[3]]
        trigger = _alts([lem for v in simple for lem in v[0].split("|")])
        for lemmas, code, sym, prt in b.verbs:
            if code is None:
                continue
            out_lines.append(_entry(code, lemmas, [f"+prt:{p}" for p in prt], sym))
        for n, pat, _raw in b.patterns:
            reason = _convert_pattern(pat, trigger, b, cb, expand, out_lines)
            if reason:
                st.skip(reason, n, pat)
    unique: list[str] = []
    keys: dict[str, str] = {}
    for ln in out_lines:
        code, key = ln.split(" ", 1)
        key = key.removesuffix(" sym")
        if key in keys:
            if keys[key] != code:
                st.partial[f"dropped: same trigger as an earlier entry with another code ({key})"] += 1
            continue
        keys[key] = code
        unique.append(ln)
    st.entries = len(unique)
    log.info("%s", st.summary())
    src = Path(path).name
    head = [f"# converted by detente.petrarch from {src}", f"# {st.summary()}"]
    return "\n".join(head + unique) + "\n"


def _add_verb_line(block: _Block, n: int, s: str, cb: Codebook, st: ConversionStats) -> None:
    name, _forms, codes = _split_name(s)
    code, sym = block.code, block.sym
    if codes:
        code, sym = _code(codes[0], cb)
    if code is None:
        st.skip("verb code --- or not in the codebook (no bare-verb entry)", n, s)
        # still a synonym of the block for its patterns
    words = [w for w in re.split(r"[\s_]+", name) if w]
    if not words:
        st.skip("empty verb line", n, s)
        return
    heads = [i for i, w in enumerate(words) if w.startswith("+")]
    if heads and heads[0] > 0:
        st.skip("verb phrase with words before the verb", n, s)
        return
    words = [w.lstrip("+") for w in words]
    head, rest = words[0], [w.lower() for w in words[1:]]
    if not _WORD.fullmatch(head.lower()):
        st.skip("not a verb", n, s)
        return
    lemmas = "|".join(_lemmas(head))
    if not rest:
        block.verbs.append((lemmas, code, sym, []))
    elif len(rest) == 1 and rest[0] in PARTICLES:
        block.verbs.append((lemmas, code, sym, rest))
    else:
        st.skip("multi-word verb phrase", n, s)


def _convert_pattern(pat: str, trigger: str, block: _Block, cb: Codebook,
                     expand: Callable[[str], list[str] | None], out: list[str]) -> str | None:
    """Append the lexicon entry for one PETRARCH pattern; return why it was skipped, or None."""
    codes = _CODE_LINE.findall(pat)
    if not codes:
        return "pattern without a code"
    code, sym = _code(codes[-1], cb)
    if code is None:
        return "pattern code not in the codebook"
    if not trigger:
        return "block has no one-word verb"
    body = _CODE_LINE.sub(" ", pat)
    toks = [t for t in re.split(r"[\s_]+", body) if t]
    if "*" not in toks:
        return "pattern without a verb (*)"
    i = toks.index("*")
    pre, post = toks[:i], toks[i + 1:]
    if any(t not in ("$", "+") for t in pre):
        return "words before the verb"
    post = [t for t in post if t not in ("$", "+")]
    if any(t in ("%", "^", "*") for t in post):
        return "compound (%) or skip (^) marker"
    items: list[list[str]] = []
    for t in post:
        words = expand(t)
        if words is None:
            return "unknown synset or token"
        items.append(words)
    while items and all(w in DETERMINERS for w in items[0]):
        items.pop(0)
    if len(items) > 1:
        items = [items[0]] + [it for it in items[1:] if not all(w in DETERMINERS for w in it)]
    cons = None if any(w in FUNCTION_WORDS for it in items for w in it) else _shape(items)
    if cons is None:
        return "pattern shape not convertible"
    out.append(_entry(code, trigger, cons, sym))
    return None


def _is_word(items: list[str], kind: set[str]) -> bool:
    return all(w in kind for w in items)


def _noun_ok(items: list[str]) -> bool:
    return all(not w.endswith(("ed", "ly")) and w not in PREPOSITIONS and w not in PARTICLES for w in items)


def _shape(items: list[list[str]]) -> list[str] | None:
    """Constraints for the words after the verb, or None when the shape is not one detente has."""
    if len(items) == 1:
        (a,) = items
        if _is_word(a, PARTICLES):
            return [f"+prt:{_alts(a)}"]
        if _is_word(a, PREPOSITIONS):
            return [f"+prep:{_alts(a)}"] if len(a) == 1 else None
        if all(w.endswith("ly") for w in a):
            return [f"+mod:{_alts(a)}"]
        if all(w.endswith(ADJ_SUFFIXES) and len(w) > 6 for w in a):
            return [f"+mod:{_alts(a)}"]
        if _noun_ok(a):
            return [f"+obj:{_alts([x for w in a for x in _nouns(w)])}"]
        return None
    if len(items) == 2:
        a, b = items
        if a == ["to"] and all(not w.endswith(("ed", "ing", "s", *NOUN_SUFFIXES)) for w in b):
            return [f"+xcomp:{_alts(b)}"]
        if len(a) == 1 and _is_word(a, PREPOSITIONS) and _noun_ok(b):
            return [f"+prep:{a[0]}:{_alts([x for w in b for x in _nouns(w)])}"]
        if _is_word(a, PARTICLES) and _noun_ok(b):
            return [f"+prt:{_alts(a)}", f"+obj:{_alts([x for w in b for x in _nouns(w)])}"]
        if _noun_ok(a) and _noun_ok(b) and not _is_word(a, PREPOSITIONS):
            return [f"+obj:{_alts([x for w in b for x in _nouns(w)])}", f"+mod:{_alts(a)}"]
    return None
