"""The REST API under ``/api``: read endpoints over the store, ``POST /api/code`` (code, don't store)
and ``POST /api/ingest`` (store; needs the server's token). No endpoint takes SQL."""

from __future__ import annotations

import datetime as dt
import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel

from ..errors import UnauthorizedError, WebError
from ..models import Article
from . import queries
from .db import Database
from .schemas import (
    ActorList,
    CodeRequest,
    CodeResult,
    DyadSeries,
    DyadShift,
    DyadStat,
    ErrorBody,
    EventDetail,
    EventPage,
    FlagName,
    Health,
    IngestRequest,
    IngestResult,
    Period,
    PeriodRow,
    QuadClass,
    StoredArticle,
    TopDyads,
)

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "bad parameters"},
    404: {"model": ErrorBody, "description": "no such event, article or page"},
    422: {"model": ErrorBody, "description": "a parameter or the body is invalid"},
    500: {"model": ErrorBody, "description": "internal error"},
}
router = APIRouter(prefix="/api", responses=ERRORS)
ACTOR = r"^[A-Za-z0-9]{2,12}$"


class ModelResponse(Response):
    """JSON of a pydantic model, serialised once by pydantic. Returning a Response skips FastAPI's
    second validation of the value against ``response_model`` (still used for the OpenAPI schema)."""

    media_type = "application/json"

    def __init__(self, model: BaseModel, status_code: int = 200) -> None:
        super().__init__(content=model.model_dump_json(), status_code=status_code)


def get_db(request: Request) -> Database:
    return request.app.state.db  # type: ignore[no-any-return]


DB = Annotated[Database, Depends(get_db)]


def event_query(
    actor: Annotated[str | None, Query(description="either side: country (CHN) or full actor code (CHNGOV)")] = None,
    source: Annotated[str | None, Query(description="source actor: country or full code")] = None,
    target: Annotated[str | None, Query(description="target actor: country or full code")] = None,
    dyad: Annotated[str | None, Query(description="SOURCE-TARGET, e.g. CHN-IND", pattern=r"^[A-Za-z0-9]+-[A-Za-z0-9]+$")] = None,
    undirected: Annotated[bool, Query(description="with dyad: both directions")] = False,
    cameo: Annotated[str | None, Query(description="CAMEO code or prefix: 19, 190, 0251", pattern=r"^\d{1,4}$")] = None,
    root: Annotated[str | None, Query(description="CAMEO root, 01-20", pattern=r"^\d{1,2}$")] = None,
    plover_event: Annotated[str | None, Query(description="PLOVER event type, e.g. SANCTION")] = None,
    quad_class: Annotated[list[QuadClass] | None, Query(description="QuadClass 1-4 (repeatable)")] = None,
    since: Annotated[dt.date | None, Query(description="first event date")] = None,
    until: Annotated[dt.date | None, Query(description="last event date")] = None,
    flag: Annotated[list[FlagName] | None, Query(description="events with every one of these flags (repeatable)")] = None,
    no_flag: Annotated[list[FlagName] | None, Query(description="events with none of these flags (repeatable)")] = None,
    factual: Annotated[bool, Query(description="leave out negated, hypothetical and future events")] = False,
    min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0, description="minimum confidence")] = None,
    min_mentions: Annotated[int | None, Query(ge=1, description="minimum number of mentions")] = None,
    q: Annotated[str | None, Query(max_length=200, description="text in a sentence of the event (any case)")] = None,
    sort: Annotated[str, Query(description=f"one of {', '.join(queries.SORT_CHOICES)}; '-' for descending")] = "-date",
    limit: Annotated[int, Query(ge=1, le=queries.MAX_PAGE,
                                description=f"page size, at most {queries.MAX_PAGE}")] = queries.DEFAULT_PAGE,
    offset: Annotated[int | None, Query(ge=0, le=queries.MAX_OFFSET,
                                        description=f"skip this many (at most {queries.MAX_OFFSET}; "
                                                    "page deeper with cursor)")] = None,
    cursor: Annotated[str | None, Query(max_length=400, description="next_cursor of the previous page")] = None,
) -> queries.EventQuery:
    return queries.EventQuery(
        actor=actor, source=source, target=target, dyad=dyad, undirected=undirected, cameo=cameo, root=root,
        plover_event=plover_event, quad_class=quad_class or (), since=since, until=until, flag=flag or (),
        no_flag=no_flag or (), factual=factual, min_confidence=min_confidence, min_mentions=min_mentions, q=q,
        sort=sort, limit=limit, offset=offset, cursor=cursor)


def events_page(db: Database, q: queries.EventQuery) -> EventPage:
    with db.cursor() as cur:
        items, total, nxt = queries.list_events(cur, q)
    return EventPage(items=items, total=total, limit=q.limit, offset=q.offset if q.cursor is None else None,
                     sort=q.sort, next_cursor=nxt)


@router.get("/health", response_model=Health, summary="Server and store status")
def health(request: Request, db: DB) -> Health:
    return Health(status="ok", db=str(db.path), schema_version=db.version(), read_only=db.read_only,
                  ingest_enabled=request.app.state.token is not None, counts=db.counts())


@router.get("/events", response_model=EventPage, summary="Stored events: filtered, sorted, paged")
def list_events(db: DB, q: Annotated[queries.EventQuery, Depends(event_query)]) -> Response:
    """De-duplicated events, each with its best mention's `Event`. Page with `limit` (at most 500)
    and either `offset` or the `next_cursor` of the previous page (keyset paging: stable and fast at
    any depth)."""
    return ModelResponse(events_page(db, q))


@router.get("/events/{event_id}", response_model=EventDetail, summary="One event with all its mentions")
def get_event(db: DB, event_id: Annotated[int, Path(ge=1)]) -> Response:
    """The event and every sentence that reported it, each with its evidence spans (source, target,
    trigger) and the coder's reasons."""
    with db.cursor() as cur:
        ev, mentions = queries.get_event(cur, event_id)
    return ModelResponse(EventDetail(**ev.model_dump(), mentions=mentions))


def dyad_series(db: Database, a: str, b: str, by: str, undirected: bool, since: dt.date | None,
                until: dt.date | None, min_shift: float | None) -> DyadSeries:
    a, b = a.upper(), b.upper()
    rep = db.with_store(lambda st: st.dyad_report(a, b, by, undirected=undirected, since=since, until=until,
                                                  min_shift=min_shift))
    rows = []
    for r in rep.table.to_dict(orient="records"):
        gm = r["goldstein_mean"]
        r["goldstein_mean"] = None if gm != gm else gm  # NaN: a period without events
        rows.append(PeriodRow(**r))
    return DyadSeries(a=a, b=b, by=by, undirected=undirected, title=rep.title,  # type: ignore[arg-type]
                      events=int(sum(r.events for r in rows)), periods=rows, shifts=rep.shifts)


@router.get("/dyads/{a}/{b}/series", response_model=DyadSeries, summary="A dyad's series with change points")
def get_dyad_series(
    db: DB,
    a: Annotated[str, Path(pattern=ACTOR, description="source: country (CHN) or actor code (CHNGOV)")],
    b: Annotated[str, Path(pattern=ACTOR, description="target")],
    by: Annotated[Period, Query(description="period")] = "week",
    undirected: Annotated[bool, Query(description="count A->B and B->A")] = False,
    since: dt.date | None = None,
    until: dt.date | None = None,
    min_shift: Annotated[float | None, Query(ge=0.0, le=20.0, description="smallest shift reported")] = None,
) -> Response:
    """Per period: QuadClass counts, Goldstein sums and mean, cooperation and conflict sums, the
    period's total volume and the normalised columns; and the significant shifts of the Goldstein
    mean ("escalation" or "thaw")."""
    return ModelResponse(dyad_series(db, a, b, by, undirected, since, until, min_shift))


def top_dyads(db: Database, n: int, by: str, since: dt.date | None, until: dt.date | None, undirected: bool,
              min_events: int) -> TopDyads:
    def compute() -> TopDyads:
        rep = db.with_store(lambda st: st.top(since=since, until=until, n=n, by=by, undirected=undirected,
                                              min_events=min_events))
        shifts = [DyadShift(**r) for r in rep.shifts.to_dict(orient="records")]
        return TopDyads(volume=[DyadStat(**r) for r in rep.volume.to_dict(orient="records")],
                        conflict=[DyadStat(**r) for r in rep.conflict.to_dict(orient="records")], shifts=shifts)

    return db.cached(("top", n, by, since, until, undirected, min_events), compute)


@router.get("/top", response_model=TopDyads, summary="Busiest, most conflictual and biggest-shift dyads")
def get_top(
    db: DB,
    n: Annotated[int, Query(ge=1, le=100, description="dyads per ranking")] = 10,
    by: Annotated[Period, Query(description="period of the shift series")] = "week",
    since: dt.date | None = None,
    until: dt.date | None = None,
    undirected: bool = False,
    min_events: Annotated[int, Query(ge=1, description="dyads with fewer events have no shift ranking")] = 5,
) -> Response:
    return ModelResponse(top_dyads(db, n, by, since, until, undirected, min_events))


@router.get("/actors", response_model=ActorList, summary="Actors seen in the store, searched by name or code")
def get_actors(
    db: DB,
    q: Annotated[str | None, Query(max_length=100, description="code prefix (CHN) or part of a name (china)")] = None,
    limit: Annotated[int, Query(ge=1, le=queries.MAX_PAGE)] = 50,
) -> Response:
    with db.cursor() as cur:
        return ModelResponse(ActorList(query=q, items=queries.search_actors(cur, q, limit)))


@router.get("/articles/{article_id}", response_model=StoredArticle, summary="An article's text and its events")
def get_article(
    db: DB,
    article_id: Annotated[str, Path(max_length=300, description="the store's article id, or the input's id")],
) -> Response:
    with db.cursor() as cur:
        return ModelResponse(queries.get_article(cur, article_id))


def code(request: Request, body: CodeRequest) -> CodeResult:
    holder = request.app.state.coder
    article = Article(id=body.id, text=body.text, date=body.date, title=body.title)
    with holder.lock:
        events = holder.get().code_batch([article])[0]
    return CodeResult(article=article, events=events)


@router.post("/code", response_model=CodeResult, summary="Code a text (nothing is stored)",
             responses={413: {"model": ErrorBody, "description": "body over the limit (--max-body)"}})
async def post_code(request: Request, body: CodeRequest) -> CodeResult:
    """Codes the text in the body and returns its events. The body is limited (default 100 kB,
    `--max-body`); a larger one gets 413."""
    return await run_in_threadpool(code, request, body)


def check_token(request: Request) -> None:
    token = request.app.state.token
    if token is None:
        raise UnauthorizedError("ingest is disabled: this server was started without --token; restart it with "
                                "`detente serve --token ...` to accept writes")
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
        raise UnauthorizedError("ingest needs the server's token: send the header `Authorization: Bearer <token>`")


def ingest(request: Request, body: IngestRequest) -> IngestResult:
    holder = request.app.state.coder
    with holder.lock:
        coded = list(holder.get().code_stream(body.articles))
    db: Database = request.app.state.db
    rep = db.write(lambda st: st.add_coded(coded, inputs=["<api>"], command="serve ingest"))
    d = rep.as_dict()
    d.pop("seconds", None)
    return IngestResult(**d, rejected=rep.reject_list, seconds=round(rep.seconds, 3))


@router.post("/ingest", response_model=IngestResult, summary="Code and store articles (needs the token)",
             responses={401: {"model": ErrorBody, "description": "no token, or the server has none"},
                        413: {"model": ErrorBody, "description": "body over the limit"},
                        503: {"model": ErrorBody, "description": "the store cannot be written now"}})
async def post_ingest(request: Request, body: IngestRequest,
                      _auth: Annotated[None, Depends(check_token)] = None) -> IngestResult:
    """Codes the articles and adds what is new to the store (articles already stored are skipped).
    Refused (401) unless the server was started with `--token` and the request sends
    `Authorization: Bearer <token>`. The write uses a short-lived write connection: reads wait for it."""
    if not body.articles:
        raise WebError("give at least one article")
    return await run_in_threadpool(ingest, request, body)
