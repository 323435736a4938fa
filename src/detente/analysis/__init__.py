"""Analysis of stored events: dyad tables, change points ("thaw"/"escalation"), rankings, charts."""

from __future__ import annotations

from .changepoints import Shift, detect_shifts
from .dyad import PERIODS, TABLE_COLUMNS, DyadReport, build_table

__all__ = ["PERIODS", "TABLE_COLUMNS", "DyadReport", "Shift", "build_table", "detect_shifts"]
