"""Actors: who is named in an article, resolved to country/IGO codes and PLOVER sectors.

    from detente.actors import ActorResolver
    resolver = ActorResolver(extra_files=[Path("my_actors.tsv")])
    index = resolver.match(doc, date)
    index.actors_for(token)   # -> list[Actor]
    index.mentions()          # -> list[Actor], in text order
"""

from __future__ import annotations

from .dictionary import COLUMNS, KINDS, Entry, bundled_files, load_dictionary, parse_dictionary
from .resolver import ActorIndex, ActorResolver

__all__ = [
    "COLUMNS",
    "KINDS",
    "ActorIndex",
    "ActorResolver",
    "Entry",
    "bundled_files",
    "load_dictionary",
    "parse_dictionary",
]
