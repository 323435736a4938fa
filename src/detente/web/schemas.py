"""Response and request models of the REST API: the library's own models (``Event``, ``Article``,
``Reject``, the analysis ``Shift``) inside thin typed wrappers that add what the store knows (ids,
mention counts, pages)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field

from ..analysis.changepoints import Shift
from ..models import Article, Event, Reject
from .highlight import Highlight, Segment

FlagName = Literal["negated", "hypothetical", "future", "historical"]
Period = Literal["day", "week", "month"]
QuadClass = Annotated[int, Field(ge=1, le=4)]


class ErrorInfo(BaseModel):
    status: int = Field(description="the HTTP status, repeated")
    type: str = Field(description="machine-readable kind: not_found, invalid_request, unauthorized, ...")
    message: str = Field(description="what went wrong and how to fix it")
    details: list[dict[str, Any]] = Field(default_factory=list, description="per-field problems, if any")


class ErrorBody(BaseModel):
    """The body of every error response, whatever the endpoint and status."""

    error: ErrorInfo


class StoredEvent(BaseModel):
    """A de-duplicated stored event: its best mention's ``Event`` and the counts of all its mentions."""

    event_id: int
    article_id: int = Field(description="the store's id of the best mention's article")
    best_mention_id: int
    num_mentions: int
    num_sources: int
    num_articles: int
    first_seen: dt.datetime | None = None
    last_seen: dt.datetime | None = None
    event: Event = Field(description="the best mention's event, exactly as the coder gave it")


class Mention(BaseModel):
    """One reporting sentence of an event, with its evidence spans (inside ``event``)."""

    mention_id: int
    event_id: int
    article_id: int
    doc_id: str | None = None
    source_key: str
    seen: dt.datetime | None = None
    event: Event


class EventDetail(StoredEvent):
    mentions: list[Mention]


class EventPage(BaseModel):
    items: list[StoredEvent]
    total: int = Field(description="events matching the filters, over all pages")
    limit: int
    offset: int | None = Field(default=None, description="the offset used, when paging by offset")
    sort: str
    next_cursor: str | None = Field(default=None, description="pass as ?cursor= for the next page; null on the last")


class PeriodRow(BaseModel):
    """One row of the dyad table (``detente.analysis.TABLE_COLUMNS``)."""

    period: dt.date
    events: int
    q1: int
    q2: int
    q3: int
    q4: int
    goldstein_sum: float
    goldstein_mean: float | None
    coop_sum: float
    conflict_sum: float
    total_volume: int
    events_norm: float
    q1_norm: float
    q2_norm: float
    q3_norm: float
    q4_norm: float
    goldstein_sum_norm: float
    coop_sum_norm: float
    conflict_sum_norm: float
    shift: str
    shift_size: float


class DyadSeries(BaseModel):
    a: str
    b: str
    by: Period
    undirected: bool
    title: str
    events: int
    periods: list[PeriodRow]
    shifts: list[Shift] = Field(description="change points of the Goldstein mean, oldest first")


class DyadStat(BaseModel):
    a: str
    b: str
    events: int
    conflict_events: int
    conflict_sum: float
    goldstein_mean: float


class DyadShift(BaseModel):
    a: str
    b: str
    events: int
    date: dt.date
    label: str
    size: float


class TopDyads(BaseModel):
    volume: list[DyadStat] = Field(description="busiest dyads")
    conflict: list[DyadStat] = Field(description="most QuadClass 3-4 events")
    shifts: list[DyadShift] = Field(description="biggest latest shifts of the Goldstein mean")


class ActorRow(BaseModel):
    code: str
    country: str | None = None
    sector: str | None = None
    kind: str | None = None
    name: str | None = None
    mentions: int
    first_seen: dt.datetime | None = None
    last_seen: dt.datetime | None = None


class ActorList(BaseModel):
    query: str | None
    items: list[ActorRow]


class StoredArticle(BaseModel):
    """A stored article (the library's ``Article``) with every mention coded from it."""

    article_id: int
    article: Article
    added: dt.datetime | None = None
    mentions: list[Mention]


class CodeRequest(BaseModel):
    text: str = Field(min_length=1, description="the article or sentence to code")
    date: dt.date | None = Field(default=None, description="publication date; relative dates resolve against it")
    id: str = "text"
    title: str | None = None


class CodeResult(BaseModel):
    article: Article
    events: list[Event]


class IngestRequest(BaseModel):
    articles: list[Article] = Field(min_length=1, max_length=1000)


class IngestResult(BaseModel):
    """What one ``POST /api/ingest`` stored (the store's ``IngestReport``)."""

    run_id: int
    batches: int
    articles_seen: int
    articles_added: int
    articles_skipped: int
    mentions_added: int
    events_added: int
    events_merged: int
    rejects: int
    rejected: list[Reject] = Field(description="the inputs that could not be stored, and why")
    seconds: float


class Health(BaseModel):
    status: Literal["ok"]
    db: str
    schema_version: int
    read_only: bool = Field(description="reads use a read-only connection")
    ingest_enabled: bool = Field(description="whether the server was started with --token")
    counts: dict[str, int]


# ---------------------------------------------------------------- dashboard pages (the JSON twins)


class VolumePoint(BaseModel):
    period: dt.date
    events: int
    q1: int
    q2: int
    q3: int
    q4: int
    goldstein_mean: float


class OverviewPage(BaseModel):
    counts: dict[str, int]
    by: Period
    volume: list[VolumePoint] = Field(description="all dated events per period, by QuadClass")
    top: TopDyads
    recent: list[StoredEvent] = Field(description="the latest events")


class DyadFilters(BaseModel):
    by: Period = "week"
    undirected: bool = False
    since: dt.date | None = None
    until: dt.date | None = None
    quad_class: list[int] = Field(default_factory=list)
    min_confidence: float | None = None
    q: str | None = None


class DyadPage(BaseModel):
    a: str
    b: str
    filters: DyadFilters
    series: DyadSeries
    events: EventPage


class NetNode(BaseModel):
    code: str
    name: str
    events: int


class NetEdge(BaseModel):
    a: str
    b: str
    events: int
    goldstein_mean: float


class NetworkPage(BaseModel):
    since: dt.date | None = None
    until: dt.date | None = None
    nodes: list[NetNode]
    edges: list[NetEdge] = Field(description="dyads, both directions together, busiest first")


class ArticlePage(BaseModel):
    article: StoredArticle
    highlights: list[Highlight] = Field(description="evidence spans; `event` indexes article.mentions")
    segments: list[Segment] = Field(description="the text cut at the highlights")


class CodePage(BaseModel):
    text: str = ""
    date: dt.date | None = None
    result: CodeResult | None = None
    highlights: list[Highlight] = Field(default_factory=list, description="`event` indexes result.events")
    segments: list[Segment] = Field(default_factory=list)
