"""Typed models that flow between the stages. Every resolved value carries its reason."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ActorKind = Literal["state", "person", "igo", "group", "unknown"]
DatePrecision = Literal["day", "month", "year", "publication", "none"]


class Article(BaseModel):
    """One news article, as ingested."""

    model_config = ConfigDict(frozen=False)

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    date: dt.date | None = Field(default=None, description="publication date")
    origin: str | None = Field(default=None, description="file (and line) the article came from")


class Reject(BaseModel):
    """An input that could not become an article, and why."""

    origin: str
    line: int | None = None
    reason: str
    excerpt: str | None = None


class Span(BaseModel):
    """Character span within the article text."""

    start: int
    end: int
    text: str


class Actor(BaseModel):
    """A resolved (or unresolved) actor mention."""

    text: str
    span: Span | None = None
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3 or IGO code")
    sector: str | None = Field(default=None, description="PLOVER sector code (GOV, MIL, ...)")
    kind: ActorKind = "unknown"
    name: str | None = None
    reason: str = ""

    @property
    def code(self) -> str | None:
        """CAMEO-style actor code: country followed by sector (CHNGOV), or None if unresolved."""
        if self.country is None and self.sector is None:
            return None
        return f"{self.country or ''}{self.sector or ''}"

    @property
    def resolved(self) -> bool:
        return self.country is not None


class Place(BaseModel):
    """A place named as where the event happened."""

    text: str
    span: Span | None = None
    country: str | None = None
    reason: str = ""


class EventDate(BaseModel):
    """When the event happened, at the precision the text supports."""

    value: str | None = Field(default=None, description="YYYY, YYYY-MM or YYYY-MM-DD")
    precision: DatePrecision = "none"
    text: str | None = Field(default=None, description="the temporal expression, if any")
    reason: str = ""

    def start(self) -> dt.date | None:
        """First day of the period the date names."""
        if not self.value:
            return None
        parts = [int(p) for p in self.value.split("-")]
        while len(parts) < 3:
            parts.append(1)
        return dt.date(parts[0], parts[1], parts[2])

    def end(self) -> dt.date | None:
        """Last day of the period the date names."""
        if not self.value:
            return None
        parts = [int(p) for p in self.value.split("-")]
        if len(parts) == 1:
            return dt.date(parts[0], 12, 31)
        if len(parts) == 2:
            nxt = dt.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(parts[0], parts[1], parts[2])


class Flags(BaseModel):
    """Factuality of the event."""

    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False
    reason: str = Field(default="", description="the words that set each flag")

    def any(self) -> bool:
        return self.negated or self.hypothetical or self.future or self.historical

    def names(self) -> list[str]:
        return [n for n in ("negated", "hypothetical", "future", "historical") if getattr(self, n)]


class Event(BaseModel):
    """One coded event: source acts on target, with its codes, date, flags and evidence."""

    id: str
    article_id: str
    sentence_index: int
    sentence: str
    source: Actor | None = None
    target: Actor | None = None
    cameo: str
    cameo_name: str
    root: str
    base: str
    goldstein: float
    quad_class: int
    plover_event: str | None = None
    plover_mode: str | None = None
    plover_context: str | None = None
    trigger: Span
    date: EventDate = Field(default_factory=EventDate)
    place: Place | None = None
    flags: Flags = Field(default_factory=Flags)
    confidence: float = Field(ge=0.0, le=1.0)
    rank: int = Field(default=0, description="0 is the sentence's main event")
    lexicon_entry: str = Field(description="the trigger lexicon entry that fired")
    coded_by: Literal["lexicon", "model", "both"] = Field(
        default="lexicon", description="who chose the code: the lexicon, the learned model, or both agreeing")
    model_probability: float | None = Field(default=None, description="the model's probability of the code's root")
    reason: str = ""
    url: str | None = None
    source_name: str | None = None
    published: dt.date | None = None

    def to_json(self) -> str:
        return self.model_dump_json(exclude_none=False)
