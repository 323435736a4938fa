"""detente: political event data from news text.

    >>> import detente
    >>> events = detente.code_text("The U.S. levied tariffs on China.", date="2025-02-04")

The heavy parts (spaCy, the dictionaries) load on first use, not on import.
"""

from __future__ import annotations

from typing import Any

from .models import Actor, Article, Event, EventDate, Flags, Place, Reject, Span

__version__ = "0.1.0"

_LAZY = {
    "code_text": ("pipeline", "code_text"),
    "code_articles": ("pipeline", "code_articles"),
    "Coder": ("pipeline", "Coder"),
    "load_nlp": ("nlp", "load_nlp"),
    "read_inputs": ("ingest", "read_inputs"),
    "explain": ("explain", "explain"),
    "Store": ("store", "Store"),
}

__all__ = ["Actor", "Article", "Event", "EventDate", "Flags", "Place", "Reject", "Span", "__version__", *_LAZY]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(f".{module}", __name__), attr)
    raise AttributeError(f"module 'detente' has no attribute {name!r}")
