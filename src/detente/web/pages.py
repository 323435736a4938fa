"""Dashboard pages. Each page and its JSON twin are served by the same function (Datasette-style):
``/dyad/CHN/IND`` renders the HTML, ``/dyad/CHN/IND.json`` returns the model the HTML was made from.

    /                 /index.json          overview: volume over time, top dyads, biggest shifts
    /dyad/A/B         /dyad/A/B.json       dyad: QuadClass bars + Goldstein line, change points, events
    /network          /network.json        actors as nodes, dyads as edges (colour: mean Goldstein)
    /article/ID       /article/ID.json     text with evidence highlighted, one card per event
    /code (GET form, POST)  /code.json (POST)   code a pasted text, highlighted
    /docs                                  the API reference, from the OpenAPI schema (offline)
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, ValidationError

from ..errors import WebError
from . import queries
from .api import ERRORS, code, dyad_series, events_page, top_dyads
from .db import Database
from .highlight import highlights, segments
from .schemas import (
    ArticlePage,
    CodePage,
    CodeRequest,
    DyadFilters,
    DyadPage,
    NetEdge,
    NetNode,
    NetworkPage,
    OverviewPage,
    Period,
    QuadClass,
    VolumePoint,
)

router = APIRouter(responses=ERRORS)
ACTOR = r"^[A-Za-z0-9]{2,12}$"


def twin(path: str, json_path: str, model: type[BaseModel], summary: str,
         methods: tuple[str, ...] = ("GET",)) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Registers one function as the HTML page ``path`` and its JSON twin ``json_path`` (first, so that
    ``/dyad/A/B.json`` does not match ``/dyad/{a}/{b}``)."""

    def deco(fn: Callable[..., Any]) -> Callable[..., Any]:
        router.add_api_route(json_path, fn, methods=list(methods), response_model=model, tags=["pages"],
                             summary=f"{summary} (JSON twin of {path})", name=f"{fn.__name__}_json")
        router.add_api_route(path, fn, methods=list(methods), response_class=HTMLResponse, tags=["pages"],
                             summary=f"{summary} (HTML)", name=fn.__name__)
        return fn

    return deco


def is_json(request: Request) -> bool:
    return request.url.path.endswith(".json")


def data_json(model: BaseModel) -> str:
    """The model as JSON safe inside <script type="application/json">."""
    return model.model_dump_json().replace("</", "<\\/")


def render(request: Request, template: str, page: BaseModel, title: str, status: int = 200) -> Any:
    if is_json(request):
        return page
    path = request.url.path.rstrip("/")
    json_url = (path or "/index") + ".json" + (f"?{request.url.query}" if request.url.query else "")
    templates = request.app.state.templates
    return templates.TemplateResponse(request, template, {"page": page, "title": title, "data": data_json(page),
                                                          "json_url": json_url}, status_code=status)


def _db(request: Request) -> Database:
    return request.app.state.db  # type: ignore[no-any-return]


@twin("/", "/index.json", OverviewPage, "Overview: event volume, top dyads, biggest shifts")
def overview(request: Request, by: Annotated[Period, Query()] = "week",
             n: Annotated[int, Query(ge=1, le=50)] = 10) -> Any:
    db = _db(request)
    with db.cursor() as cur:
        vol = [VolumePoint(**r) for r in queries.volume(cur, by)]
        recent, _, _ = queries.list_events(cur, queries.EventQuery(sort="-date", limit=10))
    page = OverviewPage(counts=db.counts(), by=by, volume=vol, top=top_dyads(db, n, by, None, None, False, 5),
                        recent=recent)
    return render(request, "overview.html", page, "Overview")


@twin("/dyad/{a}/{b}", "/dyad/{a}/{b}.json", DyadPage, "A dyad: series, change points, events")
def dyad(request: Request, a: str, b: str,
         by: Annotated[Period, Query()] = "week",
         undirected: bool = False,
         since: dt.date | None = None,
         until: dt.date | None = None,
         quad_class: Annotated[list[QuadClass] | None, Query()] = None,
         min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
         q: Annotated[str | None, Query(max_length=200)] = None,
         cursor: Annotated[str | None, Query(max_length=400)] = None,
         limit: Annotated[int, Query(ge=1, le=queries.MAX_PAGE)] = 50) -> Any:
    a, b = a.upper(), b.upper()
    for code_ in (a, b):
        if not code_.isalnum() or not 2 <= len(code_) <= 12:
            raise WebError(f"{code_!r} is not an actor code; use a country (CHN) or an actor code (CHNGOV)")
    db = _db(request)
    series = dyad_series(db, a, b, by, undirected, since, until, None)
    filters = DyadFilters(by=by, undirected=undirected, since=since, until=until, quad_class=quad_class or [],
                          min_confidence=min_confidence, q=q or None)
    evq = queries.EventQuery(dyad=f"{a}-{b}", undirected=undirected, since=since, until=until,
                             quad_class=quad_class or (), min_confidence=min_confidence, q=q or None,
                             sort="-date", limit=limit, cursor=cursor)
    page = DyadPage(a=a, b=b, filters=filters, series=series, events=events_page(db, evq))
    return render(request, "dyad.html", page, f"{a} \u2192 {b}" if not undirected else f"{a} \u2194 {b}")


@twin("/network", "/network.json", NetworkPage, "The network of dyads")
def network(request: Request, since: dt.date | None = None, until: dt.date | None = None,
            n: Annotated[int, Query(ge=1, le=500, description="edges (busiest dyads)")] = 60) -> Any:
    db = _db(request)
    with db.cursor() as cur:
        nodes, edges = db.cached(("network", since, until, n), lambda: queries.network(cur, n, since, until))
    page = NetworkPage(since=since, until=until, nodes=[NetNode(**x) for x in nodes],
                       edges=[NetEdge(**x) for x in edges])
    return render(request, "network.html", page, "Network")


@twin("/article/{ref}", "/article/{ref}.json", ArticlePage, "An article with its evidence highlighted")
def article(request: Request, ref: str) -> Any:
    db = _db(request)
    with db.cursor() as cur:
        stored = queries.get_article(cur, ref)
    events = [m.event for m in stored.mentions]
    marks = highlights(stored.article.text, events)
    page = ArticlePage(article=stored, highlights=marks, segments=segments(stored.article.text, marks))
    return render(request, "article.html", page, stored.article.title or f"Article {stored.article_id}")


@router.get("/code", response_class=HTMLResponse, tags=["pages"], summary="Code a text: the form (HTML)")
def code_form(request: Request) -> Any:
    return render(request, "code.html", CodePage(), "Code a text")


async def _code_request(request: Request) -> CodeRequest:
    raw = await request.body()
    ctype = request.headers.get("content-type", "")
    try:
        if ctype.startswith("application/json"):
            return CodeRequest.model_validate_json(raw)
        form = {k: v[0] for k, v in parse_qs(raw.decode("utf-8", "replace"), keep_blank_values=True).items()}
        return CodeRequest(text=form.get("text", ""), date=form.get("date") or None)  # type: ignore[arg-type]
    except ValidationError as exc:
        from fastapi.exceptions import RequestValidationError

        raise RequestValidationError(exc.errors(include_url=False)) from exc


@twin("/code", "/code.json", CodePage, "Code a pasted text and see its events highlighted", methods=("POST",))
async def code_page(request: Request) -> Any:
    """Form fields (or a JSON body) `text` and `date`; limited like `POST /api/code`."""
    body = await _code_request(request)
    result = await run_in_threadpool(code, request, body)
    marks = highlights(body.text, result.events)
    page = CodePage(text=body.text, date=body.date, result=result, highlights=marks,
                    segments=segments(body.text, marks))
    return render(request, "code.html", page, "Code a text")


@router.get("/docs", response_class=HTMLResponse, include_in_schema=False)
def docs(request: Request) -> Response:
    """The API reference rendered from the OpenAPI schema (no JavaScript, no CDN)."""
    schema = request.app.openapi()
    ops = []
    for path, item in schema.get("paths", {}).items():
        for method, op in item.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "type": _type(p.get("schema", {})), "description": p.get("description", "")}
                      for p in op.get("parameters", [])]
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            ops.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                        "description": op.get("description", ""), "params": params,
                        "body": _type(body) if body else None, "tag": (op.get("tags") or ["api"])[0],
                        "responses": {k: _type(v.get("content", {}).get("application/json", {}).get("schema", {}))
                                      for k, v in op.get("responses", {}).items()}})
    models = {name: {"description": s.get("description", ""),
                     "fields": [(k, _type(v), k in s.get("required", []), v.get("description", ""))
                                for k, v in s.get("properties", {}).items()]}
              for name, s in sorted(schema.get("components", {}).get("schemas", {}).items())}
    templates = request.app.state.templates
    return templates.TemplateResponse(request, "docs.html", {  # type: ignore[no-any-return]
        "title": "API", "info": schema.get("info", {}), "ops": sorted(ops, key=lambda o: (o["tag"] != "api",)),
        "models": models, "schema_json": json.dumps(schema)})


def _type(s: dict[str, Any] | bool | None) -> str:
    """A short human form of a JSON schema: `EventPage`, `list[int]`, `string | null`."""
    if not isinstance(s, dict) or not s:
        return "any" if s is True else ""
    if "$ref" in s:
        return str(s["$ref"]).rsplit("/", 1)[-1]
    if "anyOf" in s:
        return " | ".join(_type(x) for x in s["anyOf"])
    if s.get("type") == "array":
        return f"list[{_type(s.get('items', {}))}]"
    if "enum" in s:
        return " | ".join(repr(v) for v in s["enum"])
    if "const" in s:
        return repr(s["const"])
    if s.get("type") == "object" and "additionalProperties" in s:
        return f"dict[str, {_type(s['additionalProperties'])}]"
    t = str(s.get("type", "any"))
    return f"{t} ({s['format']})" if "format" in s else t
