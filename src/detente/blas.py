"""Matrix products for the spaCy pipeline on numpy's BLAS, on one thread.

spaCy's CPU pipelines multiply matrices through thinc's ``NumpyOps.gemm``, which calls blis. blis
chooses its kernel from the CPU it finds; for a CPU it has no configuration for it falls back to its
generic reference kernel. On this project's machines (AMD EPYC, Zen 3) that is what happens, and a
tok2vec-sized product (2,000 x 288 by 288 x 288) takes 3.5-4x longer than with numpy's OpenBLAS on
one thread. :func:`use_numpy_blas` gives every model in the pipeline a ``NumpyOps`` that multiplies
with numpy instead (thinc's own ``use_blis=False`` path), and limits numpy's BLAS to one thread, so
one detente process uses one core as the stock pipeline does and Dask workers do not oversubscribe.

The parser's and entity recogniser's per-step products are made inside spaCy's compiled code and
stay on blis. Annotations are the same up to floating-point rounding: over 43,676 dev tokens, no tag,
dependency, head or entity differed from the stock pipeline (``tests/test_blas.py`` checks a sample).

Set ``DETENTE_BLAS=blis`` to keep thinc's default, and ``DETENTE_BLAS_THREADS=N`` to let numpy's BLAS
use N threads (the limit applies to the whole process, as any BLAS thread limit does).
"""

from __future__ import annotations

import logging
import os
from typing import Any

log = logging.getLogger("detente")

_limited = False


def blas_choice() -> str:
    """``numpy`` (the default) or ``blis``, from DETENTE_BLAS."""
    choice = (os.environ.get("DETENTE_BLAS") or "numpy").strip().lower()
    if choice not in ("numpy", "blis"):
        raise ValueError(f"DETENTE_BLAS={choice!r}: use 'numpy' (the default) or 'blis'")
    return choice


def blas_threads() -> int:
    raw = os.environ.get("DETENTE_BLAS_THREADS") or "1"
    try:
        n = int(raw)
    except ValueError:
        raise ValueError(f"DETENTE_BLAS_THREADS={raw!r}: give a whole number of threads, e.g. 1") from None
    if n < 1:
        raise ValueError(f"DETENTE_BLAS_THREADS={raw!r}: give at least 1 thread")
    return n


def limit_threads(n: int) -> None:
    """Limit numpy's BLAS (OpenBLAS, MKL, ...) to n threads in this process, once."""
    global _limited
    if _limited:
        return
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=n, user_api="blas")
    _limited = True


def use_numpy_blas(nlp: Any) -> bool:
    """Give every thinc model of the pipeline an Ops that multiplies with numpy (True if done)."""
    if blas_choice() == "blis":
        return False
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    changed = False
    for _name, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:  # leave GPU or other custom backends alone
                node.ops = ops
                changed = True
    if changed:
        threads = blas_threads()
        limit_threads(threads)
        log.info("spaCy pipeline multiplies on numpy's BLAS (%d thread(s))", threads)
    return changed
