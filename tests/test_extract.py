"""The pure matching step: triggers, entries and argument tokens found through the parse."""

from __future__ import annotations

import pytest

from detente.events.extract import match_sentence
from detente.events.lexicon import Lexicon

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def lex():
    return Lexicon.load()


@pytest.fixture(scope="module")
def m(nlp, lex):
    def run(text):
        doc = nlp(text)
        return match_sentence(next(iter(doc.sents)), lex)
    return run


def live(match):
    return [c for c in match.candidates if c.wrapper is None]


def words(args):
    return sorted(a.token.text for a in args)


def test_active_voice_subject_and_prepositional_target(m):
    (c,) = live(m("The U.S. levied tariffs on China."))
    assert c.entry.code == "163" and c.trigger.text == "levied"
    assert words(c.sources) == ["U.S."] and words(c.targets) == ["China"]


def test_passive_voice_swaps_roles(m):
    (c,) = live(m("Tariffs were imposed on China by the United States."))
    assert c.passive and c.entry.code == "163"
    assert words(c.sources) == ["States"] and words(c.targets) == ["China"]


def test_inherited_subject_through_participle_clause(m):
    cands = {c.trigger.text: c for c in live(m("The ministers met in Hanoi, calling for closer ties."))}
    assert cands["met"].entry.code.startswith("04")
    assert words(cands["calling"].sources) == ["ministers"]
    assert "subject of 'met'" in cands["calling"].sources[0].path


def test_object_control_gives_the_embedded_subject(m):
    cands = live(m("Washington urged Seoul to resume talks."))
    urge = next(c for c in cands if c.trigger.text == "urged")
    assert urge.entry.code.startswith("02") and words(urge.targets) == ["Seoul"]


def test_embedded_infinitive_is_absorbed_by_its_wrapper(m):
    match = m("Moscow threatened to impose sanctions on Latvia.")
    (c,) = live(match)
    assert c.trigger.text == "threatened" and c.entry.code.startswith("13")
    assert c.absorbed and any("absorbed" in d.reason for d in match.discarded)


def test_reported_event_is_tied_to_its_reporting_verb(m):
    match = m("Kyiv said Russian drones struck a power plant.")
    struck = next(c for c in match.candidates if c.trigger.text == "struck")
    assert struck.reported_by is not None and struck.reported_by.trigger.text == "said"


def test_nominal_event_with_between_is_symmetric(m):
    (c,) = live(m("The clash between Indian and Chinese troops left twenty dead."))
    assert c.nominal and c.symmetric_pairs and c.entry.code.startswith("19")


def test_nominal_in_compound_position_is_not_an_event(m):
    match = m("The conflict resolution office opened on Monday.")
    assert not any(c.trigger.text == "conflict" for c in match.candidates)
    assert any(d.token.text == "conflict" for d in match.discarded)


def test_participle_needs_an_object_constraint(m):
    match = m("Pilgrimages halted since 2020 will resume.")
    assert not any(c.trigger.text == "halted" for c in live(match))


def test_owner_of_the_object_is_the_target(m):
    (c,) = live(m("India banned Chinese apps."))
    assert c.entry.code.startswith("16") and words(c.targets) == ["Chinese"]


def test_action_noun_target_is_the_actor_of_the_action(m):
    match = m("Washington imposed duties on steel, a move that Ottawa condemned.")
    condemn = next(c for c in live(match) if c.trigger.text == "condemned")
    assert words(condemn.targets) == ["Washington"]


def test_constraint_failure_is_explained(m):
    match = m("The envoy signed the guest book.")
    assert not live(match)
    assert any("needs +obj" in d.reason for d in match.discarded)
