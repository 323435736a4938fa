"""Use PETRARCH (TABARI) dictionaries as detente user dictionaries.

::

    is_petrarch_dictionary(path) -> bool
    petrarch_dictionary_kind(path) -> "actors" | "agents" | "verbs" | None
    convert_actor_dictionary(path) -> str   # detente actor TSV (actors and agents files)
    convert_verb_dictionary(path) -> str    # detente trigger lexicon (events/lexicon.py format)

Both converters write a summary as ``#`` comment lines at the top of the text they return, log it
(logger ``detente.petrarch``), and fill an optional :class:`ConversionStats` with the counts of
converted entries and of skipped lines and why.

Actors and agents (``PETR.Validate.actors.txt``, ``PETR.Validate.agents.txt``)
    ``NAME [CODE]`` entries, synonyms on following ``+NAME`` lines, codes on the entry line or on
    following indented ``[CODE]`` lines. Underscores become spaces; the trailing ``_`` ("no more
    words") is dropped because detente always matches whole tokens. PETRARCH's stem matching (an
    entry without a trailing ``_`` also matches longer words) is *not* reproduced: ``ARGENTIN``
    becomes the literal phrase "argentin". Date-restricted codes become one row each with
    ``start``/``end``: ``<D`` -> ends the day before D, ``>D`` -> starts the day after D,
    ``D1-D2`` -> inclusive; six-digit dates are YYMMDD (YY < 30 -> 20YY). Undated codes come after
    the dated rows of the same entry. A code is split into country (first three letters) and sector
    (the rest): ``PSEHMSMIL`` -> PSE, HMSMIL. Agent codes ``~GOV`` (and the prefix form ``NGO~``)
    become ``kind=agent`` rows with that sector and no country. ``!MACRO! = A, B`` substitutions are
    expanded; ``{PLURAL}`` forms are added as extra patterns (``{}`` adds none). ``kind`` for
    non-agents is a guess from the code: ``IGO...``/UNO/IMF/IBR/EEC/G77 -> igo, NGO/NGM or any code
    with a sector -> group, a bare three-letter code -> state. Skipped (and counted): ``[---]``
    (explicitly unknown), ``[+++]``/``[###]``, codes that are not 3+ letters/digits, bad date
    restrictions, entries without any code. Of a multiple code ``[FRO/BIL/SAM]`` only the first is
    kept (counted as "multi-code"), since a detente actor has one country.

Verbs (``PETR.Validate.verbs.txt``)
    ``--- NAME [CODE] ---`` blocks list verbs (first line the base form, ``{FORMS}`` ignored) and
    ``- PATTERN [CODE]`` lines where ``*`` is the verb. Conversion is conservative: each block's
    one-word verbs become ``CODE lemma|lemma``; ``+VERB_PRT`` / ``VERB PRT`` verb phrases become
    ``+prt:PRT``; patterns with nothing but actor markers (``$ +``) before the verb and one of
    these shapes after it are converted, everything else is skipped and counted:

    ========================  =====================================
    ``* PRT``                 ``+prt:PRT`` (up, down, off, out, away, back)
    ``* PREP``                ``+prep:PREP``
    ``* PREP NOUN``           ``+prep:PREP:NOUN``
    ``* NOUN``                ``+obj:NOUN`` (``* QUIETLY`` -> ``+mod:``)
    ``* ADJ NOUN``            ``+obj:NOUN +mod:ADJ``
    ``* PRT NOUN``            ``+prt:PRT +obj:NOUN``
    ``* TO VERB``             ``+xcomp:VERB``
    ========================  =====================================

    Leading articles (the, a, an) are dropped; ``&SYNSET`` words are expanded (a multi-word member
    contributes its last word); plural nouns are listed with their singular (``ties|tie``).
    Lemmas of past forms used as block names (SAID, MET, KILLED) come from a small irregular-verb
    table, or, for regular forms, every plausible stem is listed (``eased`` -> ``eas|ease``): a
    candidate that is not a real lemma simply never matches. Codes are the first half of PETRARCH's
    ``[a:b]`` pairs, and ``[a:a]`` (the event goes both ways) adds the ``sym`` option. Codes that
    are not in detente's codebook (``---``, WEIS codes such as 223, test codes such as 901, 174K)
    are skipped and counted.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .codebook import Codebook, default_codebook
from .errors import DictionaryError

log = logging.getLogger("detente.petrarch")

ACTOR_HEADER = "pattern\tcountry\tsector\tkind\tname\tstart\tend\tnote"
IGO_CODES = {"IGO", "UNO", "IMF", "IBR", "EEC", "G77"}
GROUP_CODES = {"NGO", "NGM"}
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


@dataclass
class ConversionStats:
    """What a conversion produced: entries written, lines skipped and why."""

    path: str = ""
    kind: str = ""
    entries: int = 0
    skipped: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    partial: Counter[str] = field(default_factory=Counter)  # converted, but with something dropped
    examples: dict[str, list[str]] = field(default_factory=dict)

    def skip(self, reason: str, line: int, text: str) -> None:
        self.skipped += 1
        self.reasons[reason] += 1
        ex = self.examples.setdefault(reason, [])
        if len(ex) < 5:
            ex.append(f"{line}: {text.strip()}")

    def summary(self) -> str:
        why = ", ".join(f"{n} {r}" for r, n in self.reasons.most_common())
        part = ", ".join(f"{n} {r}" for r, n in self.partial.most_common())
        return (f"{Path(self.path).name}: {self.entries} {self.kind} entries converted"
                + (f" ({part})" if part else "") + f", {self.skipped} lines skipped"
                + (f" ({why})" if why else ""))


# ------------------------------------------------------------------------------------------ reading


def _read(path: Path | str) -> str:
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise DictionaryError(f"cannot read PETRARCH dictionary ({exc.strerror}); check the path",
                              path=str(p)) from exc
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


_XML_COMMENT = re.compile(r"<!\s*--.*?-->", re.S)


def _clean_lines(text: str) -> list[str]:
    """Lines with <!-- --> blocks blanked (line numbers kept) and '#' comments (outside [...]) cut."""
    text = _XML_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    out = []
    for line in text.splitlines():
        depth = 0
        cut = len(line)
        for i, ch in enumerate(line):
            if ch == "[":
                depth += 1
            elif ch == "]":
                depth = max(0, depth - 1)
            elif ch == "#" and depth == 0:
                cut = i
                break
        out.append(line[:cut].rstrip())
    return out


_VERB_HEADER = re.compile(r"^---\s*(?P<name>[^\[]*?)\s*(?P<codes>(\[[^\]]*\]\s*)+)(---)?\s*$")
_CODE_LINE = re.compile(r"\[[^\]]*\]")


def petrarch_dictionary_kind(path: Path | str) -> str | None:
    """'verbs', 'agents', 'actors', or None if the file does not look like a PETRARCH dictionary."""
    try:
        text = _read(path)[:200000]
    except DictionaryError:
        return None
    first = next((ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")), "")
    if first.startswith("pattern\t"):
        return None  # detente's own actor TSV
    lines = _clean_lines(text)
    if sum(1 for ln in lines if _VERB_HEADER.match(ln.strip())) >= 1:
        return "verbs"
    coded = [ln for ln in lines if _CODE_LINE.search(ln)]
    if not coded:
        return None
    if any("\t" in ln.strip() and not _CODE_LINE.search(ln.split("\t")[0]) for ln in coded[:50]):
        return None  # tab-separated table with brackets in some column
    if sum(1 for ln in coded if re.search(r"\[\s*~|~\s*\]", ln)) > len(coded) / 2:
        return "agents"
    return "actors"


def is_petrarch_dictionary(path: Path | str) -> bool:
    """True if the file looks like a PETRARCH actors, agents or verbs dictionary."""
    return petrarch_dictionary_kind(path) is not None


# ------------------------------------------------------------------------------------------- actors


def _phrase(name: str) -> str:
    """PETRARCH phrase -> detente pattern phrase: underscores to spaces, trailing '_' dropped."""
    words = name.replace("_", " ").split()
    return " ".join(words).lower()


def _expand_macros(name: str, macros: dict[str, list[str]]) -> list[str]:
    parts = re.split(r"(![A-Z0-9]+!)", name)
    options = [macros.get(p, [p]) if p.startswith("!") and p.endswith("!") else [p] for p in parts]
    return ["".join(combo) for combo in itertools.product(*options)]


def _pdate(s: str) -> dt.date:
    s = s.strip()
    if len(s) == 6:
        yy = int(s[:2])
        s = f"{2000 + yy if yy < 30 else 1900 + yy}{s[2:]}"
    if len(s) != 8 or not s.isdigit():
        raise ValueError(s)
    return dt.date(int(s[:4]), int(s[4:6]), int(s[6:8]))


def _parse_restriction(rest: str) -> tuple[dt.date | None, dt.date | None]:
    rest = rest.replace(" ", "")
    if not rest:
        return None, None
    one = dt.timedelta(days=1)
    if rest.startswith("<"):
        return None, _pdate(rest[1:]) - one
    if rest.startswith(">"):
        return _pdate(rest[1:]) + one, None
    m = re.fullmatch(r"(\d{6,8})-(\d{6,8})", rest)
    if m:
        return _pdate(m.group(1)), _pdate(m.group(2))
    raise ValueError(rest)


@dataclass
class _ActorCode:
    country: str
    sector: str
    kind: str
    start: dt.date | None
    end: dt.date | None
    raw: str


@dataclass
class _ActorEntry:
    line: int
    names: list[str] = field(default_factory=list)
    codes: list[_ActorCode] = field(default_factory=list)
    had_code: bool = False  # a [CODE] was given (and, if `codes` is empty, skipped and counted already)


def _parse_code(raw: str, line: int, stats: ConversionStats) -> _ActorCode | None:
    inner = raw.strip()[1:-1].strip()
    if not inner:
        stats.skip("empty code", line, raw)
        return None
    m = re.match(r"([^\s<>\d][^\s<>]*|[A-Za-z0-9~/+#-]+)\s*(.*)$", inner)
    code, rest = (m.group(1), m.group(2)) if m else (inner, "")
    # a date written straight after the code: [HOB<950601]
    m2 = re.match(r"([A-Za-z~/+#-][A-Za-z0-9~/+#-]*?)([<>].*)$", code)
    if m2:
        code, rest = m2.group(1), m2.group(2) + rest
    try:
        start, end = _parse_restriction(rest)
    except ValueError:
        stats.skip("bad date restriction", line, raw)
        return None
    code = code.upper()
    if "/" in code:
        stats.partial["multi-code, first code kept"] += 1
        code = code.split("/")[0]
    if code.startswith("---"):
        stats.skip("unknown-actor code ---", line, raw)
        return None
    if code.startswith("~") or code.endswith("~"):
        sector = code.strip("~")
        if not re.fullmatch(r"[A-Z0-9]{2,}", sector):
            stats.skip("bad agent code", line, raw)
            return None
        return _ActorCode("", sector, "agent", start, end, inner)
    if not re.fullmatch(r"[A-Z0-9]{3,}", code):
        stats.skip("not an actor code (e.g. +++, ###)", line, raw)
        return None
    country, sector = code[:3], code[3:]
    if country in IGO_CODES:
        kind = "igo"
    elif country in GROUP_CODES or sector:
        kind = "group"
    else:
        kind = "state"
    return _ActorCode(country, sector, kind, start, end, inner)


def _split_name(text: str) -> tuple[str, list[str], list[str]]:
    """'NAME {PL1 PL2} [CODE] [CODE]' -> name, plural forms, raw codes."""
    codes = _CODE_LINE.findall(text)
    rest = _CODE_LINE.sub(" ", text)
    plurals: list[str] = []
    for group in re.findall(r"\{([^}]*)\}", rest):
        plurals.extend(w.lstrip("+") for w in group.split())
    name = re.sub(r"\{[^}]*\}", " ", rest).strip()
    return name, plurals, codes


def convert_actor_dictionary(path: Path | str, stats: ConversionStats | None = None) -> str:
    """Convert a PETRARCH actors or agents dictionary into detente's actor TSV text."""
    st = stats if stats is not None else ConversionStats()
    st.path, st.kind = str(path), petrarch_dictionary_kind(path) or "actors"
    lines = _clean_lines(_read(path))
    macros: dict[str, list[str]] = {}
    entries: list[_ActorEntry] = []
    cur: _ActorEntry | None = None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        stripped = line.strip()
        m = re.match(r"^(![A-Z0-9]+!)\s*=\s*(.+)$", stripped)
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        if stripped.startswith("["):
            if cur is None:
                st.skip("code without an entry", n, line)
                continue
            for raw in _CODE_LINE.findall(stripped):
                cur.had_code = True
                code = _parse_code(raw, n, st)
                if code:
                    cur.codes.append(code)
            continue
        if stripped.startswith("+"):
            if cur is None:
                st.skip("synonym without an entry", n, line)
                continue
            name, plurals, codes = _split_name(stripped[1:])
            if codes:  # a synonym with a code of its own is an entry of its own
                syn = _ActorEntry(n, [name, *plurals], had_code=True)
                syn.codes = [c for c in (_parse_code(r, n, st) for r in codes) if c]
                entries.append(syn)
            else:
                cur.names.extend([name, *plurals])
            continue
        if line[:1].isspace() and cur is not None and not _CODE_LINE.search(stripped):
            st.skip("unrecognised indented line", n, line)
            continue
        name, plurals, codes = _split_name(stripped)
        cur = _ActorEntry(n, [name, *plurals], had_code=bool(codes))
        cur.codes = [c for c in (_parse_code(r, n, st) for r in codes) if c]
        entries.append(cur)

    rows: list[str] = []
    src = Path(path).name
    for e in entries:
        patterns: list[str] = []
        for name in e.names:
            for expanded in _expand_macros(name, macros):
                ph = _phrase(expanded)
                if ph and "|" not in ph and ph not in patterns:
                    patterns.append(ph)
        if not patterns:
            st.skip("entry without a name", e.line, " ".join(e.names))
            continue
        if not e.codes:
            if not e.had_code:
                st.skip("entry without a code", e.line, e.names[0])
            continue
        ordered = sorted(e.codes, key=lambda c: c.start is None and c.end is None)
        for c in ordered:
            name = patterns[0].title() if c.kind != "agent" else patterns[0]
            note = f"PETRARCH {src}:{e.line} [{c.raw}]"
            rows.append("\t".join([
                "|".join(patterns), c.country, c.sector, c.kind, name,
                c.start.isoformat() if c.start else "", c.end.isoformat() if c.end else "", note,
            ]))
            st.entries += 1
    log.info("%s", st.summary())
    head = [f"# converted by detente.petrarch from {src}", f"# {st.summary()}", ACTOR_HEADER]
    return "\n".join(head + rows) + "\n"


# -------------------------------------------------------------------------------------------- verbs


def _lemmas(word: str) -> list[str]:
    """Plausible verb lemmas of a PETRARCH verb form; the form itself first when it is a base form."""
    w = word.lower()
    if w in IRREGULAR:
        return [IRREGULAR[w]]
    if w.endswith("ied") and len(w) > 4:
        return [w[:-3] + "y"]
    if w.endswith("ed") and len(w) > 4:
        stem = w[:-2]
        out = [stem, stem + "e"]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            out.append(stem[:-1])
        return out
    if w.endswith("ing") and len(w) > 5:
        stem = w[:-3]
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
