import pytest

from detente.errors import DictionaryError
from detente.events.lexicon import Lexicon, load_lexicon_file


def test_bundled_lexicon_covers_all_roots_and_150_codes():
    lx = Lexicon.load()
    codes = lx.codes()
    assert {c[:2] for c in codes} == {f"{r:02d}" for r in range(1, 21)}
    assert len(codes) >= 150


def test_entry_fields_are_parsed(tmp_path):
    p = tmp_path / "mine.lex"
    p.write_text("# my entries\n"
                 "057  sign|ink  +obj:pact|treaty  sym  target=with  conf=0.9   # signing\n"
                 "163  n:tariff  target=on,against\n"
                 "020  call +prep:for:aid\n")
    e1, e2, e3 = load_lexicon_file(p, user=True)
    assert e1.code == "057" and e1.lemmas == {"sign", "ink"} and e1.pos == "verb"
    assert e1.symmetric and e1.targets == ("with",) and e1.conf == 0.9 and e1.user
    assert e1.constraints[0].kind == "obj" and e1.constraints[0].value == {"pact", "treaty"}
    assert e1.origin == "mine.lex:2"
    assert e2.pos == "noun" and e2.targets == ("on", "against")
    assert e3.constraints[0].kind == "prep" and e3.constraints[0].value == {"for"}
    assert e3.constraints[0].objects == {"aid"}
    assert e3.specificity == 2


def test_user_entries_come_first_and_specific_before_general(tmp_path):
    p = tmp_path / "mine.lex"
    p.write_text("111 meet\n")
    lx = Lexicon.load([p])
    cands = lx.candidates("verb", "meet")
    general = [e for e in cands if not e.constraints]
    assert general[0].user and general[0].code == "111"
    assert all(a.specificity >= b.specificity for a, b in zip(cands, cands[1:], strict=False))


@pytest.mark.parametrize("line,msg", [
    ("999 meet", "not in the codebook"),
    ("040", "at least a CAMEO code and a trigger"),
    ("040 meet +foo:bar", "unknown constraint"),
    ("040 meet conf=high", "bad confidence"),
    ("040 meet conf=1.5", "within 0..1"),
    ("040 meet sideways", "unknown field"),
])
def test_malformed_entries_name_file_and_line(tmp_path, line, msg):
    p = tmp_path / "bad.lex"
    p.write_text("# header\n" + line + "\n")
    with pytest.raises(DictionaryError, match=msg) as exc:
        load_lexicon_file(p)
    assert "bad.lex:2" in str(exc.value)
