"""Command-line subcommands of the event store (ingest, dyad, top, export, sql)."""

from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    """Add the store's subcommands to the `detente` argument parser."""
