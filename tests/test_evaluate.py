"""detente.evaluate: gold readers and metrics, scored against hand-built fake coders (no spaCy)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from detente.codebook import default_codebook
from detente.errors import GoldFormatError
from detente.evaluate import Gold, evaluate, main_event, read_gold
from detente.models import Actor, Article, Event, Span

FIX = Path(__file__).parent / "fixtures" / "eval"
SHARED = Path(__file__).parents[1] / "../shared"
DEV = SHARED / "eval" / "dev"


def ev(code: str, src: str | None = None, tgt: str | None = None, *, conf: float = 0.8, rank: int = 0,
       src_sector: str | None = None, tgt_sector: str | None = None, entry: str = "test.lex:1") -> Event:
    """A hand-built event with the codebook's names and PLOVER coding for `code`."""
    info = default_codebook().get(code)

    def actor(country: str | None, sector: str | None) -> Actor | None:
        if country is None and sector is None:
            return None
        return Actor(text=country or sector or "", country=country, sector=sector)

    return Event(
        id=f"e-{code}-{src}-{tgt}", article_id="a", sentence_index=0, sentence="s",
        source=actor(src, src_sector), target=actor(tgt, tgt_sector),
        cameo=code, cameo_name=info.name, root=info.root, base=info.base, goldstein=info.goldstein,
        quad_class=info.quad_class, plover_event=info.plover_event, plover_mode=info.plover_mode,
        trigger=Span(start=0, end=1, text="x"), confidence=conf, rank=rank, lexicon_entry=entry,
    )


def fake(table: dict[str, list[Event]], calls: list[int] | None = None):
    """A code_batch that answers from a table keyed by article text."""

    def code_batch(arts: list[Article]) -> list[list[Event]]:
        if calls is not None:
            calls.append(len(arts))
        return [table.get(a.text, []) for a in arts]

    return code_batch


# ---------------------------------------------------------------------------------------- reading


def test_read_petrarch_fixture():
    gold = read_gold(FIX / "petrarch_small.xml")
    assert gold.format == "petrarch"
    assert [r.id for r in gold.records] == ["P-1", "P-2", "P-3", "P-4", "P-5"]
    p1 = gold.records[0]
    assert p1.text == "Arnor praised the government of Gondor."  # whitespace normalised
    assert p1.date is not None and p1.date.isoformat() == "1995-01-01"
    assert [(e.source, e.target, e.code) for e in p1.events] == [("ARN", "GONGOV", "051")]
    assert len(gold.records[1].events) == 2
    assert gold.records[2].expect == "error" and gold.records[2].error == "dateline"
    assert gold.records[3].expect == "noevents" and not gold.records[3].events
    arts = list(gold.articles())
    assert arts[1].date is not None and arts[1].date.isoformat() == "1995-01-02"
    assert arts[0].id == "P-1"


def test_read_pentaclass_skips_header_and_sniffs_by_content(tmp_path):
    gold = read_gold(FIX / "penta_small.tsv")
    assert gold.format == "pentaclass"
    assert len(gold) == 6
    assert [r.label for r in gold.records] == [0, 1, 2, 3, 4, 4]
    odd = tmp_path / "gold.dat"  # extension says nothing
    shutil.copy(FIX / "penta_small.tsv", odd)
    assert read_gold(odd).format == "pentaclass"


def test_read_plover_jsonl_and_array():
    gold = read_gold(FIX / "plover_small.jsonl")
    assert gold.format == "plover"
    assert [r.event_type for r in gold.records] == ["ASSAULT", "REQUEST", "THREATEN"]
    assert gold.records[0].mode is None and gold.records[1].mode == "assist"
    assert gold.records[0].sources[0].country == "GON"
    assert gold.records[1].targets[0].code == "GON"  # PLOVER's recipient
    assert gold.records[2].date is not None and gold.records[2].date.isoformat() == "2020-05-01"
    arr = read_gold(FIX / "plover_array.json")
    assert len(arr) == 2
    assert arr.records[0].sources[0].country == "GON" and arr.records[0].targets[0].code == "ARN"
    assert arr.records[1].event_type == "REQUEST"


def test_unknown_format_names_file_and_formats(tmp_path):
    with pytest.raises(GoldFormatError) as info:
        read_gold(FIX / "not_gold.txt")
    msg = str(info.value)
    assert "not_gold.txt" in msg and "PETRARCH" in msg and "TSV" in msg and "PLOVER" in msg
    bad = tmp_path / "bad.tsv"
    bad.write_text("one sentence\t2\nanother\t9\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"bad.tsv:2"):
        read_gold(bad)
    with pytest.raises(GoldFormatError, match="cannot read"):
        read_gold(tmp_path / "missing.xml")


# ----------------------------------------------------------------------------------------- petrarch

P1 = "Arnor praised the government of Gondor."
P2 = "Rohan visited Gondor and Arnor hosted them."
P3 = "SOMEWHERE: -- nothing at all happened here."
P5 = "Officials criticized Mordor."


def test_petrarch_perfect_coder():
    gold = read_gold(FIX / "petrarch_small.xml")
    table = {
        P1: [ev("051", "ARN", "GON", tgt_sector="GOV")],
        P2: [ev("042", "ROH", "GON"), ev("043", "ARN", "ROH", rank=1)],
        P5: [ev("111", None, "MOR", src_sector="GOV")],  # ---GOV: no country, sector GOV
    }
    rep = evaluate(gold, fake(table))
    m = rep.metrics
    assert m["record_exact_match"] == 1.0
    assert m["event_precision"] == m["event_recall"] == m["event_f1"] == 1.0
    assert m["root_match"] == 1.0 and m["noevent_records_correct"] == 1.0
    assert m["source_country_accuracy"] == 1.0 and m["source_country_support"] == 3  # ---GOV has no country
    assert m["target_country_support"] == 4
    assert rep.n_mistakes == 0 and rep.mistakes == []


def test_petrarch_known_errors():
    gold = read_gold(FIX / "petrarch_small.xml")
    table = {
        P1: [ev("051", "arn", "gon", tgt_sector="gov")],  # case-insensitive
        P2: [ev("040", "ROH", "GON", entry="user.lex:7")],  # right root for 042, misses 043
        P3: [ev("010", "ARN", "GON")],  # discarded record: any event is wrong
        P5: [ev("111", None, "MOR", src_sector="GOV")],
    }
    calls: list[int] = []
    rep = evaluate(gold, fake(table, calls), chunk=2)
    assert calls == [2, 2, 1]
    m = rep.metrics
    assert m["record_exact_match"] == pytest.approx(3 / 5)
    assert m["gold_events"] == 4 and m["predicted_events"] == 4
    assert m["event_precision"] == pytest.approx(0.5)
    assert m["event_recall"] == pytest.approx(0.5)
    assert m["event_f1"] == pytest.approx(0.5)
    assert m["root_match"] == pytest.approx(3 / 4)
    assert m["root_match_any_actors"] == pytest.approx(1.0)  # 040 shares root 04 with 043
    assert m["noevent_records_correct"] == pytest.approx(0.5)
    assert m["source_country_accuracy"] == pytest.approx(2 / 3)
    assert m["target_country_accuracy"] == pytest.approx(3 / 4)
    assert rep.n_mistakes == 2
    ids = [x["id"] for x in rep.mistakes]
    assert ids == ["P-2", "P-3"]
    assert rep.mistakes[0]["predicted"][0]["lexicon_entry"] == "user.lex:7"
    assert rep.mistakes[0]["gold"]["events"] == [["ROH", "GON", "042"], ["ARN", "ROH", "043"]]
    assert rep.by_category is not None and rep.by_category["COMPOUND"]["exact_match"] == 0.0
    d = rep.to_dict()
    assert json.loads(json.dumps(d))["metrics"]["event_f1"] == pytest.approx(0.5)
    text = rep.render()
    assert "record_exact_match" in text and "0.600" in text and "P-2" in text


# --------------------------------------------------------------------------------------- pentaclass

PENTA = {
    "The minister said the talks had gone well.": [ev("010")],
    # the top-ranked event speaks for the sentence, however confident a later statement is
    "The two leaders agreed to meet next month.": [ev("010", conf=0.95, rank=1), ev("036", conf=0.9, rank=0)],
    "The army sent aid convoys to the flooded region.": [ev("111")],  # gold 2, predicted 3
    # equally confident: the lower rank wins (112 -> class 3, not 042 -> class 1)
    "The opposition accused the premier of fraud.": [ev("042", conf=0.7, rank=1), ev("112", conf=0.7, rank=0)],
    "Rebels shelled the northern town overnight.": [ev("193")],
    # "Stocks rose ..." gets no event: a miss for class 4
}


def test_pentaclass_known_confusion():
    rep = evaluate(read_gold(FIX / "penta_small.tsv"), fake(PENTA))
    m = rep.metrics
    assert m["accuracy"] == pytest.approx(4 / 6)
    assert m["coverage"] == pytest.approx(5 / 6)
    assert m["no_event"] == 1
    assert rep.classes is not None
    per = rep.classes["per_class"]
    assert per["0"]["f1"] == 1.0 and per["1"]["f1"] == 1.0
    assert per["2"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1, "predicted": 0, "tp": 0}
    assert per["3"]["precision"] == pytest.approx(0.5) and per["3"]["recall"] == 1.0
    assert per["3"]["f1"] == pytest.approx(2 / 3)
    assert per["4"]["precision"] == 1.0 and per["4"]["recall"] == pytest.approx(0.5)
    assert per["4"]["support"] == 2
    assert m["macro_f1"] == pytest.approx((1 + 1 + 0 + 2 / 3 + 2 / 3) / 5)
    conf = rep.classes["confusion"]
    assert conf["columns"] == ["0", "1", "2", "3", "4", "none"]
    assert conf["counts"]["2"]["3"] == 1 and conf["counts"]["4"]["none"] == 1 and conf["counts"]["4"]["4"] == 1
    assert rep.n_mistakes == 2
    text = rep.render()
    assert "macro" in text and "none" in text and "material conflict" in text


def test_pentaclass_perfect_and_statement_only():
    table = {
        "The minister said the talks had gone well.": [ev("012"), ev("010", rank=1)],  # only statements -> 0
        "The two leaders agreed to meet next month.": [ev("036")],
        "The army sent aid convoys to the flooded region.": [ev("070")],
        "The opposition accused the premier of fraud.": [ev("112")],
        "Rebels shelled the northern town overnight.": [ev("193")],
        "Stocks rose slightly on Tuesday.": [ev("190")],
    }
    rep = evaluate(read_gold(FIX / "penta_small.tsv"), fake(table))
    assert rep.metrics["accuracy"] == 1.0 and rep.metrics["macro_f1"] == 1.0 and rep.metrics["coverage"] == 1.0


def test_main_event_rules():
    assert main_event([]) is None
    # the coder's ranking decides, not confidence: plain statements rank last
    assert main_event([ev("010", conf=0.99, rank=1), ev("111", conf=0.1, rank=0)]).cameo == "111"  # type: ignore[union-attr]
    # a statement the coder ranked first (condolences over an attack) speaks for the sentence
    assert main_event([ev("018", conf=0.4, rank=0), ev("1823", conf=0.6, rank=1)]).cameo == "018"  # type: ignore[union-attr]
    # events of different sentences share a rank: the more confident one
    assert main_event([ev("111", conf=0.3), ev("193", conf=0.6)]).cameo == "193"  # type: ignore[union-attr]
    assert main_event([ev("111", conf=0.5, rank=2), ev("193", conf=0.5, rank=1)]).cameo == "193"  # type: ignore[union-attr]
    assert main_event([ev("010")], need_plover=True) is None


# ------------------------------------------------------------------------------------------- plover


def test_plover_scores():
    table = {
        "Gondor troops attacked an Arnor outpost.": [ev("190", "GON", "ARN", src_sector="MIL")],
        "Rohan asked Gondor for help.": [ev("021", "ROH", "ARN")],  # REQUEST/assist, wrong target
        "Mordor threatened sanctions against Rohan.": [ev("010", "MOR", "ROH")],  # statement: no PLOVER event
    }
    rep = evaluate(read_gold(FIX / "plover_small.jsonl"), fake(table))
    m = rep.metrics
    assert m["accuracy"] == pytest.approx(2 / 3)
    assert m["macro_f1"] == pytest.approx(2 / 3)  # ASSAULT 1, REQUEST 1, THREATEN 0
    assert m["mode_accuracy"] == 1.0 and m["mode_support"] == 1
    assert m["source_country_accuracy"] == pytest.approx(2 / 3)
    assert m["target_country_accuracy"] == pytest.approx(1 / 3)
    assert m["coverage"] == 1.0 and m["no_event"] == 1
    assert rep.classes is not None and rep.classes["confusion"]["counts"]["THREATEN"]["none"] == 1
    assert [x["id"] for x in rep.mistakes] == ["L-3"]
    json.dumps(rep.to_dict())


def test_code_batch_must_answer_every_article():
    gold = read_gold(FIX / "penta_small.tsv")
    with pytest.raises(ValueError, match="returned 0 results"):
        evaluate(gold, lambda arts: [])


def test_gold_object_is_reusable():
    gold = read_gold(FIX / "penta_small.tsv")
    assert isinstance(gold, Gold)
    r1 = evaluate(gold, fake(PENTA))
    r2 = evaluate(gold, fake(PENTA))
    assert r1.to_dict() == r2.to_dict()


# ------------------------------------------------------------------------------------ shared files


def _shared(rel: str) -> Path:
    p = DEV / rel
    if not SHARED.exists() or not p.exists():
        pytest.skip("../shared gold files are not available")
    return p


@pytest.mark.shared
def test_real_pentaclass_counts():
    gold = read_gold(_shared("pentaclass/train.tsv"))
    assert gold.format == "pentaclass"
    assert len(gold) == 1349
    assert {r.label for r in gold.records} == {0, 1, 2, 3, 4}


@pytest.mark.shared
def test_real_petrarch_counts():
    gold = read_gold(_shared("petrarch_unittest/PETR.UnitTest.records.xml"))
    assert gold.format == "petrarch"
    assert len(gold) == 284
    assert sum(len(r.events) for r in gold.records) == 359  # + 7 error codings = 366 EventCoding rows
    assert sum(r.expect == "error" for r in gold.records) == 7
    assert all(r.text and "\n" not in r.text for r in gold.records)
    first = gold.records[0]
    assert first.id == "DEMO-00" and first.text.startswith("Arnor is about to restore")
    assert [(e.source, e.target, e.code) for e in first.events] == [("ARN", "GON", "064")]
    rep = evaluate(gold, lambda arts: [[] for _ in arts])
    assert rep.metrics["noevent_records_correct"] == 1.0
    assert rep.metrics["record_exact_match"] == pytest.approx(rep.metrics["noevent_records"] / 284)


def test_pentaclass_scheme_decides_where_appeals_and_sanctions_go():
    # an appeal for the statement sentence, a sanction for the verbal-conflict one
    table = {
        "The minister said the talks had gone well.": [ev("020")],
        "The opposition accused the premier of fraud.": [ev("163")],
    }
    gold = read_gold(FIX / "penta_small.tsv")
    phoenix = evaluate(gold, fake(table))  # default: 02 -> 0, 16 -> 3
    roots = evaluate(gold, fake(table), pentaclass_scheme="roots")  # 02 -> 1, 16 -> 4
    assert phoenix.classes is not None and roots.classes is not None
    assert phoenix.classes["scheme"] == "phoenix" and roots.classes["scheme"] == "roots"
    assert phoenix.metrics["accuracy"] == pytest.approx(2 / 6)
    assert roots.metrics["accuracy"] == 0.0
    assert any("'roots' scheme" in n for n in roots.notes)
