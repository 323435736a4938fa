"""Shared fixtures: the spaCy model and one Coder per test session, and the ../shared folder."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent")
    return SHARED


@pytest.fixture(scope="session")
def dev_texts(shared) -> list[str]:
    """The first 600 sentences of the dev five-class set (for annotation-equality checks)."""
    penta = shared / "eval" / "dev" / "pentaclass" / "train.tsv"
    if not penta.is_file():
        pytest.skip("the dev five-class set is absent")
    return [ln.rsplit("\t", 1)[0] for ln in penta.read_text(encoding="utf-8").splitlines() if "\t" in ln][:600]


@pytest.fixture(scope="session")
def nlp():
    from detente.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def coder(nlp):
    from detente.pipeline import Coder

    return Coder(nlp=nlp)
