"""Per-document look-ups computed once and kept in `doc.user_data` (spaCy's own `tok.sent` and
`doc.ents` scans cost a walk over the document on every call)."""

from __future__ import annotations

from typing import Any

_KEY = "detente.cache"


def _cache(doc: Any) -> dict[str, Any]:
    c = doc.user_data.get(_KEY)
    if c is None:
        c = {}
        doc.user_data[_KEY] = c
    return c


def _ent_table(doc: Any) -> list[Any]:
    c = _cache(doc)
    table = c.get("ents")
    if table is None:
        table = [None] * len(doc)
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                table[i] = ent
        c["ents"] = table
    return table


def ent_at(tok: Any) -> Any:
    """The named entity that contains the token, or None."""
    if not tok.ent_type_:
        return None
    return _ent_table(tok.doc)[tok.i]


def doc_text(doc: Any) -> str:
    """The document's text, built once (`doc.text` joins every token on each call)."""
    c = _cache(doc)
    text = c.get("text")
    if text is None:
        text = c["text"] = doc.text
    return text  # type: ignore[no-any-return]


def span_text(span: Any) -> str:
    """Same as `span.text`, cut from the cached document text."""
    return doc_text(span.doc)[span.start_char:span.end_char]


def sentences(doc: Any) -> list[Any]:
    c = _cache(doc)
    sents = c.get("sents")
    if sents is None:
        sents = list(doc.sents)
        c["sents"] = sents
        index = [0] * len(doc)
        for n, s in enumerate(sents):
            for i in range(s.start, s.end):
                index[i] = n
        c["sent_index"] = index
    return sents


def sent_of(tok: Any) -> Any:
    """The sentence that contains the token (cached; same as `tok.sent`)."""
    sents = sentences(tok.doc)
    return sents[_cache(tok.doc)["sent_index"][tok.i]]


def sent_flag(sent: Any, name: str, compute: Any) -> Any:
    """A per-sentence value computed once: compute(sent)."""
    c = _cache(sent.doc).setdefault("sent_flags", {})
    key = (name, sent.start)
    if key not in c:
        c[key] = compute(sent)
    return c[key]


def kids(tok: Any) -> list[Any]:
    """The token's syntactic children, built once per token (same as `list(tok.children)`)."""
    table = _cache(tok.doc).get("kids")
    if table is None:
        table = _cache(tok.doc)["kids"] = {}
    out = table.get(tok.i)
    if out is None:
        out = table[tok.i] = list(tok.children)
    return out  # type: ignore[no-any-return]


def word_count(doc: Any) -> int:
    """Tokens that are neither punctuation nor space (one array read, not a loop over tokens)."""
    from spacy.attrs import IS_PUNCT, IS_SPACE

    if not len(doc):
        return 0
    flags = doc.to_array([IS_PUNCT, IS_SPACE])
    return int(len(doc) - (flags.max(axis=1) > 0).sum())
