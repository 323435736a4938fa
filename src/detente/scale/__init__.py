"""Scale-out on Dask: partitions of the input coded on a cluster into Parquet shards, a manifest
of finished partitions, and a merge into the event store (or one output file) that gives the same
result as a single-process run. See docs/scale.md.

    >>> from detente.scale import ingest_distributed
    >>> report, scale = ingest_distributed(["corpus/"], "events.duckdb", cluster="local", workers=2)

Names are imported on first use, so ``detente --help`` does not pay for Dask or spaCy.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "CodeSummary": "api", "DistributedRun": "api", "code_distributed": "api", "default_work_dir": "api",
    "ingest_distributed": "api", "write_parquet": "api",
    "Manifest": "manifest",
    "Partition": "plan", "ReadSettings": "plan", "partition_size": "plan", "plan_partitions": "plan",
    "Merge": "runner", "ScaleReport": "runner", "open_client": "runner", "run_partitions": "runner",
    "CoderSpec": "worker", "PartResult": "worker", "code_partition": "worker", "get_coder": "worker",
    "read_shard": "worker",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'detente.scale' has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
