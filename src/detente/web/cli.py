"""``detente serve``: parse the arguments, build the app, run uvicorn."""

from __future__ import annotations

import argparse
import ipaddress
import sys
from typing import Any

from .app import DEFAULT_MAX_BODY, DEFAULT_MAX_INGEST_BODY


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve_cli(args: argparse.Namespace) -> int:
    import uvicorn

    from ..cli import make_coder
    from .app import create_app

    app = create_app(args.db, token=args.token or None, coder_factory=lambda: make_coder(args),
                     max_body=args.max_body, max_ingest_body=args.max_ingest_body)
    where = f"http://{args.host}:{args.port}"
    print(f"detente: serving {args.db} (read-only) at {where}/ ; API reference at {where}/docs", file=sys.stderr)
    if args.token:
        print("detente: POST /api/ingest accepts requests with `Authorization: Bearer <token>`", file=sys.stderr)
    else:
        print("detente: POST /api/ingest is disabled (no --token)", file=sys.stderr)
    if not is_loopback(args.host):
        print(f"detente: warning: {args.host} is reachable from other machines; every read is public",
              file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning" if args.quiet else "info")
    return 0


def register(sub: Any) -> None:
    """Add ``serve`` to the `detente` argument parser."""
    from ..cli import add_coder_args

    s = sub.add_parser("serve", help="serve the dashboard and REST API of an event store (FastAPI)")
    s.add_argument("--db", default="detente.duckdb", help="the store's DuckDB file (default: detente.duckdb)")
    s.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    s.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    s.add_argument("--token", help="accept POST /api/ingest from requests carrying `Authorization: Bearer TOKEN`")
    s.add_argument("--max-body", type=int, default=DEFAULT_MAX_BODY,
                   help=f"largest body of POST /api/code, in bytes (default {DEFAULT_MAX_BODY})")
    s.add_argument("--max-ingest-body", type=int, default=DEFAULT_MAX_INGEST_BODY,
                   help=f"largest body of POST /api/ingest, in bytes (default {DEFAULT_MAX_INGEST_BODY})")
    s.add_argument("--quiet", "-q", action="store_true", help="log warnings only, not every request")
    add_coder_args(s)
    s.set_defaults(func=serve_cli)
