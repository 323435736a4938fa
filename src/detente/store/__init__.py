"""The event store: one DuckDB file of articles, de-duplicated events, their mentions, actors,
rejects and runs. See docs/store.md for the schema and the de-duplication algorithm.

    >>> from detente import Store
    >>> with Store("events.duckdb") as st:
    ...     st.ingest(["news/2025-03/"])
    ...     df = st.dyad("CHN", "IND", by="week")
"""

from __future__ import annotations

from .core import DEFAULT_BATCH, DEFAULT_DB, IngestReport, Store, TopReport
from .dedup import DedupConfig
from .exports import FORMATS, GDELT_COLUMNS, MENTIONS_COLUMNS, PLOVER_FIELDS, TABLE_COLUMNS
from .schema import MIGRATIONS, SCHEMA_VERSION, migrate

__all__ = [
    "DEFAULT_BATCH",
    "DEFAULT_DB",
    "FORMATS",
    "GDELT_COLUMNS",
    "MENTIONS_COLUMNS",
    "MIGRATIONS",
    "PLOVER_FIELDS",
    "SCHEMA_VERSION",
    "TABLE_COLUMNS",
    "DedupConfig",
    "IngestReport",
    "Store",
    "TopReport",
    "migrate",
]
