"""Scale-out on Dask: partitions of the input coded on a cluster into Parquet shards, a manifest
of finished partitions, and a merge into the event store (or one output file) that gives the same
result as a single-process run. See docs/scale.md.

    >>> from detente.scale import ingest_distributed
    >>> report, scale = ingest_distributed(["corpus/"], "events.duckdb", cluster="local", workers=2)
"""

from __future__ import annotations

from .api import (
    CodeSummary,
    DistributedRun,
    code_distributed,
    default_work_dir,
    ingest_distributed,
    write_parquet,
)
from .manifest import Manifest
from .plan import Partition, ReadSettings, partition_size, plan
from .runner import Merge, ScaleReport, open_client, run_partitions
from .worker import CoderSpec, PartResult, code_partition, get_coder, read_shard

__all__ = [
    "CodeSummary",
    "CoderSpec",
    "DistributedRun",
    "Manifest",
    "Merge",
    "PartResult",
    "Partition",
    "ReadSettings",
    "ScaleReport",
    "code_distributed",
    "code_partition",
    "default_work_dir",
    "get_coder",
    "ingest_distributed",
    "open_client",
    "partition_size",
    "plan",
    "read_shard",
    "run_partitions",
    "write_parquet",
]
