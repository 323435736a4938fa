"""Synthetic articles and events, built directly as the coder's models (no NLP): for the store's
tests, the dyad example and ``bench/store.py``."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections.abc import Iterator
from functools import cache

from ..codebook import default_codebook
from ..models import Actor, Article, Event, EventDate, Flags, Span

COUNTRIES = {
    "CHN": "China", "IND": "India", "USA": "the United States", "RUS": "Russia", "UKR": "Ukraine",
    "PAK": "Pakistan", "JPN": "Japan", "KOR": "South Korea", "PRK": "North Korea", "IRN": "Iran",
    "ISR": "Israel", "TUR": "Turkey", "FRA": "France", "DEU": "Germany", "GBR": "Britain", "BRA": "Brazil",
    "ZAF": "South Africa", "EGY": "Egypt", "SAU": "Saudi Arabia", "MEX": "Mexico",
}
VERBS = {
    "036": "expressed willingness to meet", "042": "hosted talks with", "043": "visited", "057": "signed an accord with",
    "061": "agreed economic cooperation with", "071": "sent economic aid to", "010": "made a statement on",
    "020": "appealed to", "111": "criticized", "112": "accused", "130": "threatened", "163": "imposed sanctions on",
    "172": "expelled diplomats of", "190": "used force against", "193": "clashed with", "195": "launched air strikes on",
}
COOPERATIVE = ("036", "042", "043", "057", "061")
CONFLICTUAL = ("111", "130", "172", "190", "193", "195")


def make_article(id: str, text: str, date: dt.date | None, *, source: str | None = None,
                 url: str | None = None) -> Article:
    return Article(id=id, text=text, date=date, source=source, url=url)


def make_event(article: Article, source: str | None, target: str | None, cameo: str, *, sentence: str | None = None,
               date: dt.date | str | None = None, precision: str = "day", sentence_index: int = 0,
               confidence: float = 0.8, sector: str | None = None, negated: bool = False) -> Event:
    """An Event as the coder would give it: ``source`` does ``cameo`` to ``target`` (country codes)."""
    info = default_codebook().get(cameo)
    verb = VERBS.get(cameo, info.name.lower())
    s_text = COUNTRIES.get(source, source) if source else "someone"
    t_text = COUNTRIES.get(target, target) if target else "someone"
    sentence = sentence or f"{s_text[0].upper()}{s_text[1:]} {verb} {t_text}."
    t_at = sentence.find(verb.split()[0])
    t_at = max(t_at, 0)
    trigger = Span(start=t_at, end=t_at + len(verb.split()[0]), text=verb.split()[0])
    s_at = max(sentence.find(s_text[0].upper() + s_text[1:]), 0)
    tg_at = max(sentence.find(t_text), 0)
    value = date.isoformat() if isinstance(date, dt.date) else date
    if value is None and article.date is not None:
        value, precision = article.date.isoformat(), "publication"
    ev_date = EventDate(value=value, precision=precision if value else "none")  # type: ignore[arg-type]
    digest = hashlib.sha1(f"{article.id}|{sentence_index}|{sentence}|{cameo}|{source}|{target}".encode(),
                          usedforsecurity=False).hexdigest()
    return Event(
        id=digest[:16], article_id=article.id, sentence_index=sentence_index, sentence=sentence,
        source=Actor(text=s_text, span=Span(start=s_at, end=s_at + len(s_text), text=s_text), country=source,
                     sector=sector, kind="state", name=COUNTRIES.get(source)) if source else None,
        target=Actor(text=t_text, span=Span(start=tg_at, end=tg_at + len(t_text), text=t_text), country=target,
                     kind="state", name=COUNTRIES.get(target)) if target else None,
        cameo=cameo, cameo_name=info.name, root=info.root, base=info.base, goldstein=info.goldstein,
        quad_class=info.quad_class, plover_event=info.plover_event, plover_mode=info.plover_mode,
        plover_context=info.plover_context, trigger=trigger, date=ev_date,
        flags=Flags(negated=negated, reason="negated: 'not'" if negated else ""),
        confidence=confidence, lexicon_entry=f"synthetic [{cameo}]", reason="synthetic event",
        url=article.url, source_name=article.source, published=article.date,
    )


def turning_month(start: dt.date, *, turn_day: int = 21, days: int = 28, per_day: int = 3, a: str = "CHN",
                  b: str = "IND", seed: int = 7) -> Iterator[tuple[Article, list[Event]]]:
    """A month of ``a``-``b`` news: cooperative, then from ``start + turn_day`` a sharp conflictual turn.

    One article a day per outlet, each reporting ``per_day`` distinct events of that day."""
    rng = random.Random(seed)
    for d in range(days):
        day = start + dt.timedelta(days=d)
        codes = CONFLICTUAL if d >= turn_day else COOPERATIVE
        picks = rng.sample(codes, k=min(per_day, len(codes)))
        text_parts, specs = [], []
        for i, code in enumerate(picks):
            src, tgt = (a, b) if (d + i) % 2 == 0 else (b, a)
            topic = rng.choice(("the border", "trade", "water sharing", "visas", "flights", "the Himalayas"))
            sent = f"{COUNTRIES[src]} {VERBS[code]} {COUNTRIES[tgt]} over {topic} on {day:%B} {day.day}."
            sent = sent[0].upper() + sent[1:]
            text_parts.append(sent)
            specs.append((src, tgt, code, sent, i))
        article = make_article(f"synthetic-{a}-{b}-{day.isoformat()}", " ".join(text_parts), day,
                               source="Synthetic Wire", url=f"https://wire.example/{a}-{b}/{day.isoformat()}")
        yield article, [make_event(article, s, t, c, sentence=sent, date=day, sentence_index=i)
                        for s, t, c, sent, i in specs]


@cache
def _template(source: str, target: str, cameo: str) -> Event:
    a = make_article("template", "template", dt.date(2000, 1, 1))
    sent = f"{COUNTRIES[source]} {VERBS[cameo]} {COUNTRIES[target]} on"
    return make_event(a, source, target, cameo, sentence=sent[0].upper() + sent[1:])


def _words(n: int) -> str:
    """Six made-up words that no other ``n`` shares: evidence that tells distinct events apart."""
    out = []
    for j in range(6):
        m, w = n * 6 + j, ""
        while True:
            m, r = divmod(m, 26)
            w += chr(97 + r)
            if m == 0:
                break
        out.append(w.ljust(5, "q"))
    return " ".join(out)


@cache
def _day(day: dt.date) -> EventDate:
    return EventDate(value=day.isoformat(), precision="day")


def bench_stream(n_events: int, *, per_article: int = 5, start: dt.date = dt.date(2023, 1, 1), days: int = 730,
                 seed: int = 1, distinct: bool = False) -> Iterator[tuple[Article, list[Event]]]:
    """``n_events`` events over ``days`` days among 20 countries, ``per_article`` to an article; a tenth
    of the articles repeat an earlier article's first event from another outlet (to be merged). With
    ``distinct`` every other event has words of its own in its sentence, so only those repeats
    merge; without it, events of one template on nearby days merge too.

    Events are copies of one validated template per (source, target, code): the spans are right
    because every sentence starts as its template does."""
    rng = random.Random(seed)
    codes = list(VERBS)
    countries = list(COUNTRIES)
    made, k = 0, 0
    recent: list[tuple[str, str, str, dt.date, str]] = []
    while made < n_events:
        k += 1
        day = start + dt.timedelta(days=rng.randrange(days))
        outlet = f"outlet{rng.randrange(50)}"
        article = make_article(f"bench-{k}", f"Synthetic article {k} of {outlet} on {day.isoformat()}.", day,
                               source=outlet, url=f"https://{outlet}.example/{k}")
        n = min(per_article, n_events - made)
        events = []
        for i in range(n):
            if i == 0 and recent and rng.random() < 0.1:
                src, tgt, code, day0, case = rng.choice(recent)
            else:
                if rng.random() < 0.2:
                    src, tgt = rng.sample(("CHN", "IND", "USA", "PAK"), 2)
                else:
                    src, tgt = rng.sample(countries, 2)
                code, day0 = rng.choice(codes), day
                case = f" ({_words(k * per_article + i)})" if distinct else ""
                recent.append((src, tgt, code, day0, case))
                if len(recent) > 1000:
                    recent.pop(0)
            tpl = _template(src, tgt, code)
            sent = f"{tpl.sentence} {day0:%B} {day0.day}{case}, officials said."
            events.append(tpl.model_copy(update={
                "id": f"{k}-{i}", "article_id": article.id, "sentence_index": i, "sentence": sent, "date": _day(day0),
                "url": article.url, "source_name": outlet, "published": day}))
        made += n
        yield article, events
