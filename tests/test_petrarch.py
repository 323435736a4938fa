"""detente.petrarch: PETRARCH dictionaries converted to detente's actor TSV and trigger lexicon."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.events.lexicon import load_lexicon_file
from detente.petrarch import (
    ACTOR_HEADER,
    ConversionStats,
    convert_actor_dictionary,
    convert_verb_dictionary,
    is_petrarch_dictionary,
    petrarch_dictionary_kind,
)

FIX = Path(__file__).parent / "fixtures" / "eval"
SHARED = Path(__file__).parents[1] / "../shared"
PETR = SHARED / "eval" / "dev" / "petrarch_unittest"


def rows(text: str) -> list[dict[str, str]]:
    """Parse detente actor TSV text (checking its shape) into dicts."""
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    assert lines[0] == ACTOR_HEADER
    cols = ACTOR_HEADER.split("\t")
    out = []
    for ln in lines[1:]:
        parts = ln.split("\t")
        assert len(parts) == len(cols), ln
        out.append(dict(zip(cols, parts, strict=True)))
    return out


def by_pattern(rs: list[dict[str, str]], phrase: str) -> list[dict[str, str]]:
    return [r for r in rs if phrase in r["pattern"].split("|")]


# -------------------------------------------------------------------------------------------- sniff


def test_sniff_kinds(tmp_path):
    assert petrarch_dictionary_kind(FIX / "petr_actors.txt") == "actors"
    assert petrarch_dictionary_kind(FIX / "petr_agents.txt") == "agents"
    assert petrarch_dictionary_kind(FIX / "petr_verbs.txt") == "verbs"
    assert is_petrarch_dictionary(FIX / "petr_verbs.txt")
    own = tmp_path / "mine.tsv"
    own.write_text(ACTOR_HEADER + "\nvaldoria\tVLD\t\tstate\tValdoria\t\t\t\n", encoding="utf-8")
    assert not is_petrarch_dictionary(own)
    lex = tmp_path / "mine.lex"
    lex.write_text("051 praise\n", encoding="utf-8")
    assert not is_petrarch_dictionary(lex)
    assert not is_petrarch_dictionary(FIX / "penta_small.tsv")
    assert not is_petrarch_dictionary(tmp_path / "missing.txt")


# ------------------------------------------------------------------------------------------- actors


def test_actor_conversion():
    st = ConversionStats()
    rs = rows(convert_actor_dictionary(FIX / "petr_actors.txt", st))
    (v,) = by_pattern(rs, "valdoria")
    assert v["pattern"] == "valdoria|valdorian|port eskel"  # synonyms, underscores, trailing _ dropped
    assert (v["country"], v["sector"], v["kind"], v["name"]) == ("VLD", "", "state", "Valdoria")
    (k,) = by_pattern(rs, "kestrel guard")
    assert (k["country"], k["sector"], k["kind"]) == ("VLD", "MIL", "group")
    assert by_pattern(rs, "northreach")[0]["country"] == "NRH"  # lower-case code upper-cased
    # date-restricted codes on indented lines, one row each
    old = by_pattern(rs, "the crown")
    assert [(r["country"] + r["sector"], r["start"], r["end"]) for r in old] == [
        ("OKD", "", "1995-05-31"), ("OKDGOV", "1995-06-01", "1999-08-15"), ("OKDREB", "1999-08-17", "")]
    # dated rows come before the undated default; '#' right after ']' is a comment
    mira = by_pattern(rs, "mira solven")
    assert [(r["sector"], r["start"], r["end"]) for r in mira] == [("GOV", "2010-01-01", "2010-12-31"),
                                                                   ("", "", "")]
    assert by_pattern(rs, "low marches")[0]["country"] == "LMA"  # first of LMA/LMB
    amb = by_pattern(rs, "amberline alliance")[0]  # after a malformed '<! --' comment
    assert (amb["country"], amb["sector"], amb["kind"]) == ("IGO", "AMB", "igo")
    assert not by_pattern(rs, "wanderer") and not by_pattern(rs, "trickster") and not by_pattern(rs, "nocode entry")
    assert st.entries == len(rs) == 10
    assert st.skipped == 3
    assert st.reasons["unknown-actor code ---"] == 1 and st.reasons["entry without a code"] == 1
    assert st.partial["multi-code, first code kept"] == 1
    assert "3 lines skipped" in st.summary()


def test_agent_conversion():
    st = ConversionStats()
    rs = rows(convert_actor_dictionary(FIX / "petr_agents.txt", st))
    (h,) = by_pattern(rs, "harbour master")
    assert (h["country"], h["sector"], h["kind"]) == ("", "GOV", "agent")
    assert by_pattern(rs, "chief justice")[0]["pattern"] == "chief justice|chiefs justice"  # {plural}
    tax = by_pattern(rs, "taxofficial")[0]  # !MACRO! expanded
    assert tax["pattern"].split("|") == ["taxofficer", "taxofficers", "taxofficial"]
    assert tax["sector"] == "GOVTAX"
    assert by_pattern(rs, "watchdog group")[0]["sector"] == "NGO"  # prefix agent NGO~
    assert st.entries == 4 and st.skipped == 1 and st.reasons["bad agent code"] == 1


def test_actor_text_loads_in_actor_dictionary_reader():
    dictionary = pytest.importorskip("detente.actors.dictionary")
    parse = getattr(dictionary, "parse_dictionary", None)
    if parse is None:
        pytest.skip("detente.actors.dictionary.parse_dictionary not available")
    for name in ("petr_actors.txt", "petr_agents.txt"):
        entries = parse(convert_actor_dictionary(FIX / name), name, user=True)
        assert entries


# -------------------------------------------------------------------------------------------- verbs


def test_verb_conversion_and_loadable(tmp_path):
    st = ConversionStats()
    text = convert_verb_dictionary(FIX / "petr_verbs.txt", st)
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    assert "051 praise" in lines and "051 commend" in lines
    assert "051 praise|commend +obj:efforts|effort" in lines
    assert "051 praise|commend +prep:for:grain|lumber|water" in lines  # synset, last word of FRESH WATER
    assert "070 ship +prt:out" in lines  # +SHIP_OUT verb phrase
    assert "070 ship +obj:grain|lumber|water" in lines
    assert "020 ship +xcomp:ask" in lines
    assert "190 launch|launche sym" in lines  # [190:190]; past-tense block name -> stems
    assert "130 launch|launche +obj:warning +mod:blunt" in lines
    assert "138 warn +prt:off" in lines and "130 warn +prep:against" in lines
    assert "130 warn +obj:crowd" in lines  # leading article dropped
    assert not any(ln.startswith("052 ") for ln in lines)  # words before the verb: skipped
    assert not any(ln.startswith(("030 ", "999 ")) for ln in lines)
    assert not any(" ship" in ln and ln.split()[1] == "ship" and len(ln.split()) == 2 for ln in lines)  # [---]
    assert st.entries == len(lines) == 14
    assert st.reasons["words before the verb"] == 2
    assert st.reasons["pattern code not in the codebook"] == 1
    lex = tmp_path / "verbs.lex"
    lex.write_text(text, encoding="utf-8")
    entries = load_lexicon_file(lex, user=True)
    assert len(entries) == 14
    warn_off = [e for e in entries if e.code == "138"][0]
    assert warn_off.lemmas == frozenset({"warn"}) and warn_off.constraints[0].kind == "prt"
    assert any(e.symmetric for e in entries)


# ------------------------------------------------------------------------------------ shared files


def _shared(name: str) -> Path:
    p = PETR / name
    if not SHARED.exists() or not p.exists():
        pytest.skip("../shared PETRARCH dictionaries are not available")
    return p


@pytest.mark.shared
def test_real_petrarch_actors_and_agents():
    path = _shared("PETR.Validate.actors.txt")
    assert petrarch_dictionary_kind(path) == "actors"
    st = ConversionStats()
    rs = rows(convert_actor_dictionary(path, st))
    (arnor,) = by_pattern(rs, "arnor")
    assert arnor["country"] == "ARN" and arnor["kind"] == "state"
    assert by_pattern(rs, "minas tirith")[0]["country"] == "GON"
    assert by_pattern(rs, "hamas gunmen")[0]["country"] == "PSE"
    assert by_pattern(rs, "hamas gunmen")[0]["sector"] == "HMSMIL"
    gollum = by_pattern(rs, "smeagol")
    assert len(gollum) == 3 and gollum[1]["start"] == "1995-06-01"
    assert st.entries >= 130 and st.skipped <= 10
    agents = _shared("PETR.Validate.agents.txt")
    assert petrarch_dictionary_kind(agents) == "agents"
    ars = rows(convert_actor_dictionary(agents))
    fm = by_pattern(ars, "foreign minister")[0]
    assert (fm["kind"], fm["sector"]) == ("agent", "GOVFRM")
    assert len(ars) >= 80


@pytest.mark.shared
def test_real_petrarch_verbs_loadable(tmp_path):
    path = _shared("PETR.Validate.verbs.txt")
    assert petrarch_dictionary_kind(path) == "verbs"
    st = ConversionStats()
    text = convert_verb_dictionary(path, st)
    lex = tmp_path / "petr.lex"
    lex.write_text(text, encoding="utf-8")
    entries = load_lexicon_file(lex, user=True)
    assert len(entries) == st.entries >= 250
    restore = [e for e in entries if "restore" in e.lemmas]
    assert any(e.code == "064" and not e.constraints for e in restore)
    assert any(e.code == "064" and e.constraints and e.constraints[0].kind == "obj" for e in restore)
    assert any("say" in e.lemmas and e.code == "023" for e in entries)  # SAID block lemmatised
    assert st.skipped > 0
