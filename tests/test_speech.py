"""Claims of responsibility and demands in reported speech (detente.events.speech)."""

from __future__ import annotations

import pytest

from detente.codebook import default_codebook
from detente.events.speech import demand_code


def test_demand_codes_follow_the_demanded_act():
    assert demand_code("045") == "108"  # must mediate -> demand mediation
    assert demand_code("0841") == "1053"  # must release -> demand release
    assert demand_code("0871") == "1056"  # must de-escalate
    assert demand_code("180") == "100"  # no specific demand for an attack
    assert demand_code(None) == "100"  # "must ensure security": nothing coded


def test_every_demand_code_is_a_cameo_demand():
    from detente.events.speech import _demand_table

    book = default_codebook()
    for act, code in _demand_table().items():
        assert act in book and code in book and code.startswith("10"), (act, code)


@pytest.fixture(scope="module")
def coder():
    from detente.pipeline import Coder

    return Coder()


def codes(coder, text: str) -> list[tuple[str, str | None, str | None, bool]]:
    evs = sorted(coder.code_text(text, "2024-03-01"), key=lambda e: e.rank)
    return [(e.cameo, e.source.code if e.source else None, e.target.code if e.target else None,
             e.flags.negated) for e in evs]


@pytest.mark.model
def test_claim_of_responsibility_is_the_main_event(coder):
    got = codes(coder, "The Houthis claimed that they had attacked the airport in Jizan.")
    assert got[0][0] == "015" and got[0][1] == "YEMREB"
    assert any(c.startswith("18") or c.startswith("19") for c, *_ in got[1:])  # the attack is kept, below


@pytest.mark.model
def test_claim_about_someone_else_is_a_report(coder):
    got = codes(coder, "The Houthis claimed that Saudi jets had attacked the airport in Jizan.")
    assert got[0][0][:2] in ("18", "19") and "015" not in [c for c, *_ in got]


@pytest.mark.model
def test_must_clause_is_a_demand_on_its_subject(coder):
    got = codes(coder, "Egypt said Ethiopia must stop filling the dam before the talks resume.")
    assert got[0][:3] == ("100", "EGY", "ETH") or (got[0][0].startswith("10") and got[0][2] == "ETH")


@pytest.mark.model
def test_must_about_oneself_is_no_demand(coder):
    got = codes(coder, "India said it must protect its farmers from cheap imports.")
    assert not any(c.startswith("10") for c, *_ in got)
