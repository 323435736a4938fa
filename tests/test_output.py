import csv
import io
import json

import pytest

from detente.models import Actor, Event, EventDate, Flags, Span
from detente.output import CSV_COLUMNS, EventWriter, plover_record


def make_event(**kw) -> Event:
    base = dict(
        id="abc123", article_id="a1", sentence_index=0, sentence="The U.S. levied tariffs on China.",
        source=Actor(text="The U.S.", span=Span(start=0, end=8, text="The U.S."), country="USA", sector="GOV",
                     kind="state", reason="country short form"),
        target=Actor(text="China", span=Span(start=27, end=32, text="China"), country="CHN", kind="state"),
        cameo="163", cameo_name="Impose embargo, boycott, or sanctions", root="16", base="163", goldstein=-8.0,
        quad_class=4, plover_event="SANCTION", plover_mode="restrict", plover_context="economic",
        trigger=Span(start=9, end=15, text="levied"), date=EventDate(value="2025-02-04", precision="publication"),
        flags=Flags(future=True, reason="future: 'will'"), confidence=0.8, lexicon_entry="core.lex:1 [163 levy]",
    )
    base.update(kw)
    return Event(**base)


def test_jsonl_round_trips_the_model():
    buf = io.StringIO()
    w = EventWriter(buf, "jsonl")
    w.write([make_event()])
    line = buf.getvalue().strip()
    back = Event.model_validate_json(line)
    assert back == make_event()
    assert json.loads(line)["source"]["country"] == "USA"
    assert w.count == 1


def test_csv_has_header_and_flat_columns():
    buf = io.StringIO()
    EventWriter(buf, "csv").write([make_event(), make_event(id="x2", target=None)])
    rows = list(csv.reader(io.StringIO(buf.getvalue())))
    assert rows[0] == CSV_COLUMNS
    rec = dict(zip(rows[0], rows[1], strict=True))
    assert rec["source_code"] == "USAGOV" and rec["target_country"] == "CHN" and rec["cameo"] == "163"
    assert rec["trigger_start"] == "9" and rec["future"] == "1" and rec["negated"] == "0"
    rec2 = dict(zip(rows[0], rows[2], strict=True))
    assert rec2["target_code"] == "" and rec2["id"] == "x2"


def test_plover_record_fields():
    rec = plover_record(make_event())
    for key in ("id", "date", "actor", "recipient", "event", "mode", "context", "event_text", "quad_code"):
        assert key in rec
    assert rec["event"] == "SANCTION" and rec["mode"] == "restrict" and rec["context"] == ["economic"]
    assert rec["actor"]["code"] == "USA" and rec["actor"]["sector"] == "GOV"
    assert rec["recipient"]["entity_text"] == "China"
    assert rec["auxiliary_modes"] == ["future"]


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="unknown output format"):
        EventWriter(io.StringIO(), "xml")
