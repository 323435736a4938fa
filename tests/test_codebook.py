import pytest

from detente.codebook import Codebook, default_codebook, pentaclass
from detente.errors import CodebookError, DictionaryError


def test_codebook_has_every_cameo_code_with_facts():
    cb = default_codebook()
    assert len(cb) == 312
    sanc = cb.get("163")
    assert sanc.goldstein == -8.0
    assert sanc.quad_class == 4
    assert sanc.plover_event == "SANCTION"
    assert sanc.root == "16" and sanc.base == "163"
    consult = cb.get("040")
    assert consult.plover_event == "CONSULT" and consult.quad_class == 1
    assert cb.get("0211").base == "021"
    assert cb.get("190").goldstein == -10.0
    assert cb.get("010").plover_event is None  # statements are not PLOVER events


@pytest.mark.parametrize("code,quad", [("010", 1), ("057", 1), ("061", 2), ("087", 2), ("111", 3), ("138", 3),
                                       ("141", 4), ("163", 4), ("1823", 4), ("2041", 4)])
def test_quad_class_follows_the_root(code, quad):
    assert default_codebook().get(code).quad_class == quad


def test_pentaclass():
    assert [pentaclass(c) for c in ("013", "036", "073", "112", "190")] == [0, 1, 2, 3, 4]


def test_pentaclass_schemes_differ_on_appeals_and_reduced_relations():
    # Phoenix: an appeal is a statement, a sanction is verbal conflict; "roots": contiguous ranges
    assert [pentaclass(c, "phoenix") for c in ("020", "163", "173")] == [0, 3, 4]
    assert [pentaclass(c, "roots") for c in ("020", "163", "173")] == [1, 4, 4]
    same = [r for r in range(1, 21) if pentaclass(f"{r:02d}", "phoenix") == pentaclass(f"{r:02d}", "roots")]
    assert len(same) == 18


def test_pentaclass_scheme_from_a_user_file(tmp_path):
    f = tmp_path / "quad.tsv"
    f.write_text("# all cooperation 1, all conflict 3\n" + "".join(
        f"{r:02d}\t{1 if r <= 8 else 3}\n" for r in range(1, 21)), encoding="utf-8")
    assert pentaclass("057", str(f)) == 1 and pentaclass("190", str(f)) == 3


def test_pentaclass_scheme_errors_name_the_fix(tmp_path):
    with pytest.raises(CodebookError, match="neither one of phoenix, roots"):
        pentaclass("010", "gdelt")
    f = tmp_path / "short.tsv"
    f.write_text("01\t0\n02\t9\n", encoding="utf-8")
    with pytest.raises(CodebookError, match="CLASS 0-4"):
        pentaclass("010", str(f))
    f.write_text("01\t0\n", encoding="utf-8")
    with pytest.raises(CodebookError, match="no class for roots 02"):
        pentaclass("010", str(f))


def test_unknown_code_is_a_clear_error():
    with pytest.raises(CodebookError, match="not in the codebook"):
        default_codebook().get("999")


def test_malformed_codebook_names_the_line(tmp_path):
    p = tmp_path / "cb.tsv"
    p.write_text("code\tname\tgoldstein\tquad_class\tplover_event\tplover_mode\tplover_context\n010\tMake statement\n")
    with pytest.raises(DictionaryError, match=r"cb.tsv:2"):
        Codebook.from_file(p)
