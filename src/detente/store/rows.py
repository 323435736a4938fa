"""From the coder's models to the store's rows: article identity, mention and event columns."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from ..models import Actor, Article, Event
from .dedup import MentionInfo, dedup_key, evidence_tokens

ARTICLE_COLUMNS = (
    "article_id", "identity", "text_hash", "doc_id", "url", "source", "source_key", "title", "published",
    "origin", "n_chars", "n_mentions", "text", "run_id", "added",
)
MENTION_COLUMNS = (
    "mention_id", "event_id", "article_id", "source_key", "coder_id", "sentence_index", "rank", "sentence",
    "trigger_start", "trigger_end", "trigger_text", "source_start", "source_end", "source_text",
    "target_start", "target_end", "target_text", "cameo", "goldstein",
    "date_value", "date_precision", "date_start", "date_end", "date_text", "confidence", "evidence", "seen",
    "event_json", "run_id", "added",
)
# columns of an event that come from its best mention
BEST_COLUMNS = (
    "source_code", "source_country", "source_sector", "source_kind", "source_name",
    "target_code", "target_country", "target_sector", "target_kind", "target_name",
    "cameo", "cameo_name", "base", "root", "quad_class", "goldstein", "plover_event", "plover_mode",
    "plover_context", "date", "date_end", "date_value", "date_precision",
    "negated", "hypothetical", "future", "historical", "place", "confidence",
)
# columns that change as mentions join
COUNT_COLUMNS = ("is_root", "num_mentions", "num_sources", "num_articles", "first_seen", "last_seen",
                 "best_mention_id")
EVENT_COLUMNS = ("event_id", "dedup_key", *BEST_COLUMNS, *COUNT_COLUMNS, "run_id", "added")

_SPACE = re.compile(r"\s+")


def utcnow() -> dt.datetime:
    """Now in UTC, without tzinfo (the store's TIMESTAMP columns are UTC)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def hash_text(text: str) -> str:
    """sha256 of the text normalised for identity: NFKC, case-folded, runs of white space as one space."""
    norm = _SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def normalise_url(url: str | None) -> str | None:
    """Scheme and host lower-cased, fragment and a trailing slash dropped; None for an empty URL."""
    if url is None or not url.strip():
        return None
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/") if parts.path not in ("", "/") else ""
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def article_identity(text: str, url: str | None) -> tuple[str, str]:
    """(identity, text_hash): the identity is the text hash, combined with the URL when there is one."""
    th = hash_text(text)
    nurl = normalise_url(url)
    if nurl is None:
        return th, th
    return hashlib.sha256(f"{th}\n{nurl}".encode()).hexdigest(), th


def source_key(article: Article, identity: str) -> str:
    """The outlet for counting sources: the source name, else the URL's host, else the article itself."""
    if article.source and article.source.strip():
        return article.source.strip().casefold()
    nurl = normalise_url(article.url)
    if nurl:
        host = urlsplit(nurl).netloc
        if host:
            return host.removeprefix("www.")
    return f"article:{identity[:16]}"


def seen_time(article: Article, now: dt.datetime) -> dt.datetime:
    """When a mention was seen: the article's publication date (midnight UTC), else the ingest time."""
    if article.date is not None:
        return dt.datetime(article.date.year, article.date.month, article.date.day)
    return now


def article_row(article: Article, article_id: int, identity: str, th: str, skey: str, n_mentions: int,
                run_id: int, now: dt.datetime) -> tuple[Any, ...]:
    return (article_id, identity, th, article.id, article.url, article.source, skey, article.title,
            article.date, article.origin, len(article.text), n_mentions, article.text, run_id, now)


def _actor_best(a: Actor | None) -> tuple[Any, ...]:
    if a is None:
        return (None, None, None, None, None)
    return (a.code, a.country, a.sector, a.kind, a.name or a.text)


@dataclass
class PreparedMention:
    """One coded event, ready for de-duplication and the mentions table."""

    key: str
    info: MentionInfo
    event: Event
    row: list[Any]                 # MENTION_COLUMNS; event_id is filled in by de-duplication
    best: tuple[Any, ...]          # BEST_COLUMNS taken from this mention


def prepare_mention(ev: Event, article_id: int, skey: str, seen: dt.datetime, mention_id: int,
                    run_id: int, now: dt.datetime) -> PreparedMention:
    s, t = ev.source, ev.target
    start, end = ev.date.start(), ev.date.end()
    tokens = evidence_tokens(ev.sentence, (s.text if s else None, t.text if t else None, ev.trigger.text))
    info = MentionInfo(mention_id=mention_id, article_id=article_id, source_key=skey, tokens=tokens,
                       date_start=start, date_end=end, precision=ev.date.precision, confidence=ev.confidence,
                       rank=ev.rank, sentence_index=ev.sentence_index, seen=seen)
    key = dedup_key(s.code if s else None, t.code if t else None, ev.base,
                    ev.flags.negated, ev.flags.hypothetical, ev.flags.future)
    row = [
        mention_id, None, article_id, skey, ev.id, ev.sentence_index, ev.rank, ev.sentence,
        ev.trigger.start, ev.trigger.end, ev.trigger.text,
        s.span.start if s and s.span else None, s.span.end if s and s.span else None, s.text if s else None,
        t.span.start if t and t.span else None, t.span.end if t and t.span else None, t.text if t else None,
        ev.cameo, ev.goldstein, ev.date.value, ev.date.precision, start, end, ev.date.text, ev.confidence,
        " ".join(sorted(tokens)), seen, ev.to_json(), run_id, now,
    ]
    best = (*_actor_best(s), *_actor_best(t), ev.cameo, ev.cameo_name, ev.base, ev.root, ev.quad_class,
            ev.goldstein, ev.plover_event, ev.plover_mode, ev.plover_context, start, end, ev.date.value,
            ev.date.precision, ev.flags.negated, ev.flags.hypothetical, ev.flags.future, ev.flags.historical,
            ev.place.text if ev.place else None, ev.confidence)
    return PreparedMention(key=key, info=info, event=ev, row=row, best=best)
