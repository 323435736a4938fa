"""The short orchestrator: articles -> spaCy docs -> actors -> events."""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .actors import ActorResolver
from .doccache import sentences, word_count
from .events.code import CoderSettings, SentenceCoder
from .events.lexicon import Lexicon
from .models import Article, Event
from .nlp import load_nlp
from .prefilter import TriggerScanner, reduce_doc, select


@dataclass
class RunStats:
    articles: int = 0
    sentences: int = 0
    events: int = 0
    words: int = 0
    rejects: int = 0
    sentences_skipped: int = 0
    seconds: float = 0.0
    started: float = field(default_factory=time.perf_counter)

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0

    def finish(self) -> RunStats:
        self.seconds = time.perf_counter() - self.started
        return self

    def as_dict(self) -> dict[str, Any]:
        return {"articles": self.articles, "sentences": self.sentences,
                "sentences_skipped": self.sentences_skipped, "events": self.events,
                "rejects": self.rejects, "words": self.words, "seconds": round(self.seconds, 3),
                "words_per_second": round(self.words_per_second, 1)}


def _prepare_user_files(paths: Sequence[str | Path], kind: str, workdir: Path) -> list[Path]:
    """User dictionaries in detente's format are used as they are; PETRARCH ones are converted into
    `workdir` (read once while the Coder loads them)."""
    from . import petrarch

    out: list[Path] = []
    for n, p in enumerate(paths):
        path = Path(p)
        if petrarch.is_petrarch_dictionary(path):
            text = (petrarch.convert_actor_dictionary(path) if kind == "actors"
                    else petrarch.convert_verb_dictionary(path))
            converted = workdir / f"{path.stem}.{n}{'.tsv' if kind == 'actors' else '.lex'}"
            converted.write_text(text, encoding="utf-8")
            out.append(converted)
        else:
            out.append(path)
    return out


class Coder:
    """Codes articles into events. Create once; reuse for many articles."""

    def __init__(self, *, model: str | None = None, nlp: Any = None, actor_files: Sequence[str | Path] = (),
                 verb_files: Sequence[str | Path] = (), batch_size: int = 64, processes: int = 1,
                 historical_days: int = 60, use_model: bool = False, prefilter: bool = True) -> None:
        self.nlp = nlp if nlp is not None else load_nlp(model)
        with tempfile.TemporaryDirectory(prefix="detente-dicts-") as tmp:
            self.resolver = ActorResolver(extra_files=_prepare_user_files(actor_files, "actors", Path(tmp)))
            self.lexicon = Lexicon.load(_prepare_user_files(verb_files, "verbs", Path(tmp)))
        self.coder = SentenceCoder(self.lexicon, settings=CoderSettings(historical_days=historical_days,
                                                                        use_model=use_model))
        self.batch_size = batch_size
        self.processes = processes
        # the classifier may propose events where the lexicon has no trigger, so it sees every sentence
        self.prefilter = prefilter and not use_model
        self.scanner = TriggerScanner(self.lexicon) if self.prefilter else None
        self.stats = RunStats()

    def code_doc(self, doc: Any, article: Article) -> list[Event]:
        index = self.resolver.match(doc, article.date)
        return self.coder.code_doc(doc, article, index)

    def _inputs(self, articles: Iterable[Article]) -> Iterator[tuple[Any, tuple[Article, Any]]]:
        """What the pipeline parses for each article: its text, or with the prefilter its tokens
        (all sentences kept) or the kept sentences only (with the map back to the article)."""
        for a in articles:
            if self.scanner is None:
                yield a.text, (a, None)
                continue
            doc0 = self.nlp.make_doc(a.text)
            sel = select(doc0, self.scanner)
            self.stats.sentences_skipped += len(sel.bounds) - len(sel.kept)
            if sel.complete:
                yield doc0, (a, None)
                continue
            reduced, mapping = reduce_doc(doc0, sel)
            yield reduced, (a, mapping)

    def code_stream(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        """Yields each article with its events, in input order."""
        for doc, (article, mapping) in self.nlp.pipe(self._inputs(articles), as_tuples=True,
                                                     batch_size=self.batch_size, n_process=self.processes):
            events = self.code_doc(doc, article if mapping is None else mapping.article_view(article, doc))
            if mapping is not None:
                events = [mapping.restore(ev, article) for ev in events]
            self.stats.articles += 1
            self.stats.sentences += len(sentences(doc)) if mapping is None else len(mapping.selection.bounds)
            self.stats.words += mapping.words if mapping is not None else word_count(doc)
            self.stats.events += len(events)
            yield article, events

    def code_articles(self, articles: Iterable[Article]) -> Iterator[Event]:
        for _, events in self.code_stream(articles):
            yield from events

    def code_batch(self, articles: list[Article]) -> list[list[Event]]:
        return [events for _, events in self.code_stream(articles)]

    def code_text(self, text: str, date: dt.date | str | None = None, article_id: str = "text") -> list[Event]:
        if isinstance(date, str):
            date = dt.date.fromisoformat(date)
        return self.code_batch([Article(id=article_id, text=text, date=date)])[0]


_default: Coder | None = None


def default_coder() -> Coder:
    global _default
    if _default is None:
        _default = Coder()
    return _default


def code_text(text: str, date: dt.date | str | None = None) -> list[Event]:
    """Code one text; `date` is its publication date (relative dates resolve against it)."""
    return default_coder().code_text(text, date)


def code_articles(articles: Iterable[Article]) -> Iterator[Event]:
    """Code many articles lazily; yields their events in input order."""
    return default_coder().code_articles(articles)
