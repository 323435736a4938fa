"""The FastAPI application of ``detente serve``: the store, the coder, the error shape, the body limit.

    >>> from detente.web import create_app
    >>> app = create_app("events.duckdb", token="s3cret")      # then: uvicorn.run(app)

Every error, whatever raised it, is answered with one body shape, :class:`~.schemas.ErrorBody`:
``{"error": {"status": 404, "type": "not_found", "message": "...", "details": []}}`` (pages
render the same fields as HTML when a browser asks for HTML).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import DetenteError, PayloadTooLargeError, WebError
from .db import Database
from .schemas import ErrorBody, ErrorInfo

HERE = Path(__file__).resolve().parent
DEFAULT_MAX_BODY = 100_000          # bytes of a POST /api/code body
DEFAULT_MAX_INGEST_BODY = 10_000_000
HTTP_TYPES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
              405: "method_not_allowed", 413: "payload_too_large", 415: "unsupported_media_type",
              422: "invalid_request", 500: "internal_error", 503: "unavailable"}


class CoderHolder:
    """The coder for ``POST /api/code`` and ingest, made on first use; one text at a time."""

    def __init__(self, coder: Any = None, factory: Callable[[], Any] | None = None) -> None:
        self._coder = coder
        self._factory = factory
        self.lock = threading.Lock()

    def get(self) -> Any:
        if self._coder is None:
            if self._factory is None:
                from ..pipeline import Coder

                self._factory = Coder
            self._coder = self._factory()
        return self._coder


def error_body(status: int, message: str, kind: str | None = None,
               details: list[dict[str, Any]] | None = None) -> ErrorBody:
    return ErrorBody(error=ErrorInfo(status=status, type=kind or HTTP_TYPES.get(status, "error"), message=message,
                                     details=details or []))


def wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api/") or path.endswith(".json") or path in ("/openapi.json", "/health"):
        return False
    return "text/html" in request.headers.get("accept", "")


def error_response(request: Request, body: ErrorBody, headers: dict[str, str] | None = None) -> Response:
    if wants_html(request):
        templates: Jinja2Templates = request.app.state.templates
        return templates.TemplateResponse(request, "error.html", {"error": body.error, "title": "Error"},
                                          status_code=body.error.status, headers=headers)
    return JSONResponse(body.model_dump(), status_code=body.error.status, headers=headers)


def _validation_message(errors: list[dict[str, Any]]) -> str:
    parts = []
    for e in errors[:3]:
        where = ".".join(str(x) for x in e.get("loc", ()))
        parts.append(f"{where}: {e.get('msg', 'invalid')}")
    more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
    return "invalid request: " + "; ".join(parts) + more


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = str(exc.detail) if exc.detail else HTTP_TYPES.get(exc.status_code, "error")
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page or endpoint: {request.url.path}; the API is listed at /docs"
        if exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}; see /docs"
        return error_response(request, error_body(exc.status_code, message), getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = jsonable_encoder(exc.errors())
        details = [{"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")} for e in errors]
        return error_response(request, error_body(422, _validation_message(errors), details=details))

    @app.exception_handler(WebError)
    async def web_error(request: Request, exc: WebError) -> Response:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return error_response(request, error_body(exc.status, str(exc), exc.kind), headers)

    @app.exception_handler(DetenteError)
    async def detente_error(request: Request, exc: DetenteError) -> Response:
        return error_response(request, error_body(400, str(exc), "bad_request"))

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        return error_response(request, error_body(500, f"internal error: {type(exc).__name__}: {exc}"))


class BodyLimit:
    """ASGI middleware: a request body over the limit of its path gets 413 and the error body, before
    the application reads it (by Content-Length, or by counting a chunked body)."""

    def __init__(self, app: Any, limits: dict[str, int], default: int) -> None:
        self.app = app
        self.limits = limits
        self.default = default

    def limit_for(self, path: str) -> int:
        return self.limits.get(path, self.default)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        path, limit = scope["path"], self.limit_for(scope["path"])
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await self._reject(send, path, int(declared), limit)
            return
        body = bytearray()
        while True:
            msg = await receive()
            if msg["type"] == "http.disconnect":
                return
            body += msg.get("body", b"")
            if len(body) > limit:
                await self._reject(send, path, len(body), limit, at_least=True)
                return
            if not msg.get("more_body", False):
                break
        done = False

        async def replay() -> dict[str, Any]:
            nonlocal done
            if not done:
                done = True
                return {"type": "http.request", "body": bytes(body), "more_body": False}
            return await receive()  # type: ignore[no-any-return]

        await self.app(scope, replay, send)

    async def _reject(self, send: Any, path: str, size: int, limit: int, at_least: bool = False) -> None:
        err = PayloadTooLargeError(
            f"the request body is {'more than ' if at_least else ''}{size if not at_least else limit} bytes; "
            f"{path} accepts at most {limit} bytes ({limit / 1000:g} kB). Send a shorter text, split it, "
            "or start the server with a larger --max-body")
        payload = json.dumps(error_body(err.status, str(err), err.kind).model_dump()).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": payload})


class DropEmptyQuery:
    """ASGI middleware: a page's filter form sends every field, filled or not (``since=&q=``); an empty
    field means "no filter", so empty query parameters of page requests (not ``/api``) are dropped."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http" and not scope["path"].startswith("/api/") and scope.get("query_string"):
            from urllib.parse import parse_qsl, urlencode

            pairs = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
            scope = dict(scope, query_string=urlencode([(k, v) for k, v in pairs if v != ""]).encode("latin-1"))
        await self.app(scope, receive, send)


def create_app(db: str | Path | Database, *, token: str | None = None, coder: Any = None,
               coder_factory: Callable[[], Any] | None = None, max_body: int = DEFAULT_MAX_BODY,
               max_ingest_body: int = DEFAULT_MAX_INGEST_BODY) -> FastAPI:
    """The app serving the store at ``db``: dashboard pages, their JSON twins and the REST API.

    ``token`` enables ``POST /api/ingest`` for requests that carry ``Authorization: Bearer <token>``;
    ``coder`` (or ``coder_factory``, called on first use) codes ``POST /api/code`` texts; ``max_body``
    bounds the body of ``POST /api/code`` and the "code a text" page, ``max_ingest_body`` that of
    ``POST /api/ingest``.
    """
    from .api import router as api_router
    from .pages import router as pages_router

    database = db if isinstance(db, Database) else Database(db)
    app = FastAPI(
        title="detente", version=__version__, docs_url=None, redoc_url=None,
        description="Political event data (CAMEO, PLOVER) from a detente event store: events with their "
                    "evidence, dyad series with change points, rankings, actors, articles; code a text; "
                    "ingest articles (with the server's token). Every error has the body `ErrorBody`.")
    app.state.db = database
    app.state.token = token
    app.state.coder = CoderHolder(coder, coder_factory)
    app.state.max_body = max_body
    app.state.templates = Jinja2Templates(directory=str(HERE / "templates"))
    install_error_handlers(app)
    app.include_router(api_router)
    app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    limits = {"/api/ingest": max_ingest_body}
    app.add_middleware(BodyLimit, limits=limits, default=max_body)  # type: ignore[arg-type]
    app.add_middleware(DropEmptyQuery)  # type: ignore[arg-type]
    return app
