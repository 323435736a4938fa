"""``detente serve``: the REST API and dashboard of an event store (FastAPI on uvicorn).

    >>> from detente.web import create_app
    >>> app = create_app("events.duckdb")             # reads only; add token=... to accept ingest

See README.md, "Dashboard and API", and ``/docs`` of a running server.
"""

from __future__ import annotations

from .app import DEFAULT_MAX_BODY, DEFAULT_MAX_INGEST_BODY, create_app

__all__ = ["DEFAULT_MAX_BODY", "DEFAULT_MAX_INGEST_BODY", "create_app"]
