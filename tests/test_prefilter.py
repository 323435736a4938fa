"""The prefilter: cheap sentence selection, and events mapped back to the article's offsets."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.events.lexicon import Lexicon
from detente.models import Article
from detente.prefilter import TriggerScanner, select, sentence_bounds


@pytest.fixture(scope="module")
def scanner():
    return TriggerScanner(Lexicon.load())


@pytest.mark.parametrize("word", ["attacked", "attacking", "met", "talks", "sanctions", "seized", "fought",
                                  "deployed", "withdrew", "struck", "Condemned", "criticised"])
def test_trigger_forms(scanner, word):
    assert scanner.is_trigger_form(word)


@pytest.mark.parametrize("word", ["weather", "football", "temperature", "the", "quarterly"])
def test_non_trigger_words(scanner, word):
    assert not scanner.is_trigger_form(word)


def test_sentence_bounds_split_on_end_punctuation(nlp):
    doc = nlp.make_doc('Rain fell on Monday. "It was cold," he said. Markets rose 2.5 percent! Why?')
    texts = [doc[a:b].text for a, b in sentence_bounds(doc)]
    assert texts == ["Rain fell on Monday.", '"It was cold," he said.', "Markets rose 2.5 percent!", "Why?"]


def test_select_keeps_trigger_sentences_and_their_context(nlp, scanner):
    text = ("Snow covered the hills. Foreign Minister Ana Ruiz arrived in Quito. "
            "The weather stayed mild. They signed a trade pact. The football final finished 2-1.")
    doc = nlp.make_doc(text)
    sel = select(doc, scanner)
    kept = [doc[sel.bounds[k][0]:sel.bounds[k][1]].text for k in sel.kept]
    assert "They signed a trade pact." in kept
    assert "The weather stayed mild." in kept  # context for 'They'
    assert "The football final finished 2-1." not in kept
    assert "Snow covered the hills." not in kept
    assert not sel.complete


@pytest.mark.model
def test_events_map_back_to_the_article(nlp):
    from detente.pipeline import Coder

    text = ("Heavy rain soaked the region overnight. The national football team finished 3-0 in Lima. "
            "Peruvian police arrested two activists outside the Congress building. "
            "Temperatures will remain low this week. Chile and Peru signed a border agreement on Tuesday.")
    art = Article(id="pf", text=text, date=dt.date(2024, 5, 9))
    with_pf = Coder(nlp=nlp, prefilter=True)
    a = with_pf.code_batch([art])[0]
    b = Coder(nlp=nlp, prefilter=False).code_batch([art])[0]
    assert with_pf.stats.sentences_skipped >= 2
    key = lambda e: (e.trigger.start, e.cameo, e.source.code if e.source else None,  # noqa: E731
                     e.target.code if e.target else None)
    assert sorted(map(key, a)) == sorted(map(key, b))
    for e in a:
        assert text[e.trigger.start:e.trigger.end] == e.trigger.text
        for actor in (e.source, e.target):
            if actor is not None and actor.span is not None:
                assert text[actor.span.start:actor.span.end] == actor.span.text
        assert e.sentence in text
    assert {e.sentence_index for e in a} == {e.sentence_index for e in b}
    assert {e.id for e in a} == {e.id for e in b}
