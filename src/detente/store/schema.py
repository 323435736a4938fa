"""The store's tables, its schema version and the forward migrations between versions.

Every change to the schema is a new :class:`Migration` appended to :data:`MIGRATIONS`; a database
is brought up to :data:`SCHEMA_VERSION` by running, in order and each in its own transaction, the
migrations it has not had yet. A migration is never edited once released. ``docs/store.md``
documents the tables column by column.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..errors import StoreError


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


_V1 = (
    """CREATE TABLE runs (
        run_id BIGINT PRIMARY KEY,
        started TIMESTAMP NOT NULL,
        finished TIMESTAMP,
        status VARCHAR NOT NULL,            -- running, done, interrupted, failed
        command VARCHAR,
        inputs VARCHAR,                     -- JSON list of the inputs given
        settings VARCHAR,                   -- JSON object: batch size, dedup window, coder, ...
        detente_version VARCHAR,
        batches BIGINT DEFAULT 0,
        articles_seen BIGINT DEFAULT 0,
        articles_added BIGINT DEFAULT 0,
        articles_skipped BIGINT DEFAULT 0,
        mentions_added BIGINT DEFAULT 0,
        events_added BIGINT DEFAULT 0,
        events_merged BIGINT DEFAULT 0,
        rejects BIGINT DEFAULT 0
    )""",
    """CREATE TABLE articles (
        article_id BIGINT PRIMARY KEY,
        identity VARCHAR NOT NULL UNIQUE,   -- sha256 of text_hash and the normalised URL (if any)
        text_hash VARCHAR NOT NULL,         -- sha256 of the normalised text
        doc_id VARCHAR,                     -- the id the input gave (file stem, JSONL id)
        url VARCHAR,
        source VARCHAR,
        source_key VARCHAR NOT NULL,        -- outlet used to count sources
        title VARCHAR,
        published DATE,
        origin VARCHAR,
        n_chars INTEGER,
        n_mentions INTEGER,
        text VARCHAR,
        run_id BIGINT,
        added TIMESTAMP NOT NULL
    )""",
    """CREATE TABLE events (
        event_id BIGINT PRIMARY KEY,
        dedup_key VARCHAR NOT NULL,
        source_code VARCHAR, source_country VARCHAR, source_sector VARCHAR, source_kind VARCHAR,
        source_name VARCHAR,
        target_code VARCHAR, target_country VARCHAR, target_sector VARCHAR, target_kind VARCHAR,
        target_name VARCHAR,
        cameo VARCHAR NOT NULL, cameo_name VARCHAR, base VARCHAR NOT NULL, root VARCHAR NOT NULL,
        quad_class INTEGER NOT NULL, goldstein DOUBLE NOT NULL,
        plover_event VARCHAR, plover_mode VARCHAR, plover_context VARCHAR,
        date DATE, date_end DATE, date_value VARCHAR, date_precision VARCHAR,
        negated BOOLEAN, hypothetical BOOLEAN, future BOOLEAN, historical BOOLEAN,
        place VARCHAR,
        confidence DOUBLE,
        is_root BOOLEAN,
        num_mentions INTEGER NOT NULL,
        num_sources INTEGER NOT NULL,
        num_articles INTEGER NOT NULL,
        first_seen TIMESTAMP, last_seen TIMESTAMP,
        best_mention_id BIGINT,
        run_id BIGINT,
        added TIMESTAMP NOT NULL
    )""",
    """CREATE TABLE mentions (
        mention_id BIGINT PRIMARY KEY,
        event_id BIGINT NOT NULL,
        article_id BIGINT NOT NULL,
        source_key VARCHAR NOT NULL,
        coder_id VARCHAR,                   -- Event.id given by the coder
        sentence_index INTEGER, rank INTEGER, sentence VARCHAR,
        trigger_start INTEGER, trigger_end INTEGER, trigger_text VARCHAR,
        source_start INTEGER, source_end INTEGER, source_text VARCHAR,
        target_start INTEGER, target_end INTEGER, target_text VARCHAR,
        cameo VARCHAR, goldstein DOUBLE,
        date_value VARCHAR, date_precision VARCHAR, date_start DATE, date_end DATE, date_text VARCHAR,
        confidence DOUBLE,
        evidence VARCHAR,                   -- the content-word stems dedup compares, space separated
        seen TIMESTAMP,
        event_json VARCHAR,                 -- the coder's Event as JSON, exactly
        run_id BIGINT,
        added TIMESTAMP NOT NULL
    )""",
    """CREATE TABLE actors (
        code VARCHAR PRIMARY KEY,
        country VARCHAR, sector VARCHAR, kind VARCHAR, name VARCHAR,
        mentions BIGINT NOT NULL,
        first_seen TIMESTAMP, last_seen TIMESTAMP
    )""",
    """CREATE TABLE rejects (
        reject_id BIGINT PRIMARY KEY,
        run_id BIGINT,
        origin VARCHAR NOT NULL,
        line INTEGER,
        reason VARCHAR NOT NULL,
        excerpt VARCHAR,
        added TIMESTAMP NOT NULL
    )""",
)

_V2 = (
    "ALTER TABLE events ADD COLUMN avg_tone DOUBLE",   # NULL until detente measures tone
    "ALTER TABLE mentions ADD COLUMN tone DOUBLE",
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, events, mentions, actors, rejects, runs", _V1),
    Migration(2, "tone columns (events.avg_tone, mentions.tone), NULL until tone exists", _V2),
)
SCHEMA_VERSION = MIGRATIONS[-1].version
TABLES = ("articles", "events", "mentions", "actors", "rejects", "runs")

_VERSION_TABLE = """CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY, description VARCHAR, applied TIMESTAMP NOT NULL)"""


def current_version(con: Any) -> int:
    """The schema version of the open database: 0 for an empty one."""
    tables = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
    if "schema_version" not in tables:
        if tables:
            raise StoreError(f"the database holds tables ({', '.join(sorted(tables)[:5])}) but is not a "
                             "detente store; give another --db")
        return 0
    rows = con.execute("SELECT max(version) FROM schema_version").fetchall()
    row = rows[0] if rows else None
    return int(row[0]) if row and row[0] is not None else 0


def migrate(con: Any, target: int | None = None) -> int:
    """Bring the database up to ``target`` (default: the newest version); returns the version reached."""
    target = SCHEMA_VERSION if target is None else target
    have = current_version(con)
    if have > SCHEMA_VERSION:
        raise StoreError(f"the database has schema version {have}, newer than this detente knows "
                         f"({SCHEMA_VERSION}); upgrade detente")
    for mig in MIGRATIONS:
        if have < mig.version <= target:
            con.execute("BEGIN TRANSACTION")
            try:
                con.execute(_VERSION_TABLE)
                for stmt in mig.statements:
                    con.execute(stmt)
                con.execute("INSERT INTO schema_version VALUES (?, ?, ?)",
                            [mig.version, mig.description, dt.datetime.now(dt.UTC).replace(tzinfo=None)])
                con.execute("COMMIT")
            except Exception as exc:
                con.execute("ROLLBACK")
                raise StoreError(f"migration to schema version {mig.version} failed: {exc}") from exc
            have = mig.version
    return have
