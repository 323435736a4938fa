"""detente: political event data from news text."""

from __future__ import annotations

from .models import Actor, Article, Event, EventDate, Flags, Place, Reject, Span

__version__ = "0.1.0"

__all__ = ["Actor", "Article", "Event", "EventDate", "Flags", "Place", "Reject", "Span", "__version__"]
