"""Tests of the ingest stage: every input kind, dates, ids, and every kind of Reject."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
from pathlib import Path

import pytest

from detente.errors import InputError
from detente.ingest import default_rejects_path, parse_date, read_inputs, write_rejects
from detente.models import Article, Reject

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def read(*paths: str | Path, **kwargs: object) -> list[Article | Reject]:
    return list(read_inputs([str(p) for p in paths], **kwargs))  # type: ignore[arg-type]


def articles(items: list[Article | Reject]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def rejects(items: list[Article | Reject]) -> list[Reject]:
    return [i for i in items if isinstance(i, Reject)]


def only_reject(items: list[Article | Reject]) -> Reject:
    assert len(items) == 1, items
    assert isinstance(items[0], Reject), items
    return items[0]


# --- plain text -----------------------------------------------------------------------------


def test_plain_text_file_is_one_article_with_unified_newlines() -> None:
    [art] = read(FIXTURES / "plain.txt")
    assert isinstance(art, Article)
    assert art.id == "plain"
    assert art.text == (
        "Belmoria expelled two Ardanian diplomats.\nThe foreign ministry gave them 48 hours to leave."
    )
    assert art.origin == str(FIXTURES / "plain.txt")
    assert art.date is None  # never today
    assert art.title is None and art.url is None and art.source is None


def test_text_is_stripped_but_otherwise_kept_exactly(tmp_path: Path) -> None:
    body = "  \n\nFirst line.\r\n\r\n  Indented   spacing\tkept.\rOld Mac line.\n\n"
    path = tmp_path / "spacing.txt"
    path.write_bytes(body.encode("utf-8"))
    [art] = read(path)
    assert isinstance(art, Article)
    assert art.text == "First line.\n\n  Indented   spacing\tkept.\nOld Mac line."


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfCaf\xc3\xa9 talks resumed.")
    [art] = read(path)
    assert isinstance(art, Article)
    assert art.text == "Café talks resumed."


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes("Ministers met in Port Lanna.".encode("utf-16"))
    [art] = read(path)
    assert isinstance(art, Article)
    assert art.text == "Ministers met in Port Lanna."


def test_unknown_extension_with_text_is_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text("# Heading\n\nThe council met.", encoding="utf-8")
    [art] = read(path)
    assert isinstance(art, Article)
    assert art.id == "story"
    assert art.text == "# Heading\n\nThe council met."


def test_text_starting_with_a_bracket_is_not_mistaken_for_json(tmp_path: Path) -> None:
    path = tmp_path / "wire"
    path.write_text("[Reuters] Troops withdrew from the border.", encoding="utf-8")
    [art] = read(path)
    assert isinstance(art, Article)
    assert art.text == "[Reuters] Troops withdrew from the border."


# --- JSONL ----------------------------------------------------------------------------------


def test_jsonl_good_and_bad_lines() -> None:
    path = FIXTURES / "records.jsonl"
    items = read(path)
    origin = str(path)
    got = [(type(i).__name__, i.line if isinstance(i, Reject) else i.origin) for i in items]
    assert got == [
        ("Article", f"{origin}:1"),
        ("Article", f"{origin}:2"),
        ("Reject", 4),  # line 3 is blank and silently skipped
        ("Reject", 5),
        ("Reject", 6),
        ("Reject", 7),
        ("Reject", 8),
        ("Article", f"{origin}:9"),
        ("Article", f"{origin}:10"),
    ]
    first, second, a8, a9 = articles(items)
    assert first.id == "a1"
    assert first.title == "Talks to reopen"
    assert first.url == "https://wire.example/a1"
    assert first.source == "Example Wire"
    assert first.date == dt.date(2025, 3, 7)
    assert second.id == "records:2"  # no id: <stem>:<lineno>
    assert second.date == dt.date(2025, 3, 7)  # RFC 2822
    assert a8.date == dt.date(2025, 3, 7)  # "2025-03-07T10:00:00Z"
    assert a9.id == "a9" and a9.date is None  # unreadable date: kept, undated


def test_jsonl_reject_reasons() -> None:
    bad = {r.line: r for r in rejects(read(FIXTURES / "records.jsonl"))}
    assert all(r.origin == str(FIXTURES / "records.jsonl") for r in bad.values())
    assert "not valid JSON" in bad[4].reason
    assert bad[4].excerpt is not None and bad[4].excerpt.startswith('{"id": "a3"')
    assert "not a JSON object" in bad[5].reason and "an array" in bad[5].reason
    assert 'no "text" field' in bad[6].reason
    assert "empty" in bad[7].reason
    assert bad[7].excerpt == '{"id": "a6", "text": "   "}'
    assert '"text" is a number, not a string' in bad[8].reason


def test_jsonl_line_scalar_and_null(tmp_path: Path) -> None:
    path = tmp_path / "odd.jsonl"
    path.write_text('"just a string"\n42\nnull\n{"text": null}\n', encoding="utf-8")
    items = read(path)
    assert [r.line for r in rejects(items)] == [1, 2, 3, 4]
    assert "a string" in rejects(items)[0].reason
    assert "a number" in rejects(items)[1].reason
    assert "null" in rejects(items)[2].reason
    assert '"text" is null' in rejects(items)[3].reason


def test_jsonl_excerpt_is_at_most_80_chars(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    path.write_text('{"text": "' + "x" * 500 + "\n", encoding="utf-8")
    reject = only_reject(read(path))
    assert reject.line == 1
    assert reject.excerpt is not None and len(reject.excerpt) == 80


def test_ndjson_extension_and_crlf_lines(tmp_path: Path) -> None:
    path = tmp_path / "feed.ndjson"
    path.write_bytes(b'{"id": "n1", "text": "One."}\r\n{"id": "n2", "text": "Two.\\r\\nLines."}\r\n')
    items = read(path)
    assert [a.id for a in articles(items)] == ["n1", "n2"]
    assert articles(items)[1].text == "Two.\nLines."


def test_jsonl_numeric_id_becomes_string(tmp_path: Path) -> None:
    path = tmp_path / "ids.jsonl"
    path.write_text('{"id": 17, "text": "Numbered."}\n', encoding="utf-8")
    [art] = read(path)
    assert isinstance(art, Article) and art.id == "17"


def test_jsonl_streams_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for n in range(2000):
            handle.write(json.dumps({"id": f"r{n}", "text": f"Article number {n}."}) + "\n")
    gen = read_inputs([str(path)])
    first = next(gen)
    assert isinstance(first, Article) and first.id == "r0"
    # the file is opened and read lazily: appending now is seen by the running generator
    with path.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "late", "text": "Appended after reading began."}) + "\n")
    rest = list(gen)
    assert len(rest) == 2000
    assert isinstance(rest[-1], Article) and rest[-1].id == "late"


def test_extensionless_jsonl_is_sniffed() -> None:
    items = read(FIXTURES / "sniffed_lines")
    assert [a.id for a in articles(items)] == ["noext-1", "noext-2"]
    assert articles(items)[1].origin == f"{FIXTURES / 'sniffed_lines'}:2"


# --- JSON -----------------------------------------------------------------------------------


def test_json_array_with_lines_and_reject() -> None:
    path = FIXTURES / "records.json"
    items = read(path)
    assert len(items) == 3
    first, second = articles(items)
    assert first.id == "j1" and first.source == "Array Times" and first.date == dt.date(2025, 2, 28)
    assert first.origin == f"{path}:2"
    assert second.id == "records:2"  # no id: <stem>:<position in the array>
    assert second.origin == f"{path}:3"
    [bad] = rejects(items)
    assert bad.line == 4 and "item 3 of the array is a string" in bad.reason


def test_json_single_object() -> None:
    [art] = read(FIXTURES / "single.json")
    assert isinstance(art, Article)
    assert art.id == "solo" and art.title == "One object"
    assert art.origin == str(FIXTURES / "single.json")


def test_json_syntax_error_keeps_earlier_items(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[\n  {"id": "ok", "text": "Fine."},\n  {"id": "bad", "text": }\n]\n', encoding="utf-8")
    items = read(path)
    assert [a.id for a in articles(items)] == ["ok"]
    [bad] = rejects(items)
    assert bad.line == 3 and "not valid JSON" in bad.reason


def test_json_file_holding_json_lines_is_read_as_lines(tmp_path: Path) -> None:
    path = tmp_path / "mislabelled.json"
    path.write_text('{"id": "x1", "text": "One."}\n{"id": "x2", "text": "Two."}\n', encoding="utf-8")
    assert [a.id for a in articles(read(path))] == ["x1", "x2"]


def test_json_empty_array_and_wrong_top_level(tmp_path: Path) -> None:
    empty = tmp_path / "empty.json"
    empty.write_text("[]", encoding="utf-8")
    assert "empty" in only_reject(read(empty)).reason
    number = tmp_path / "number.json"
    number.write_text("3.14", encoding="utf-8")
    assert "a number, not a JSON object" in only_reject(read(number)).reason


# --- HTML -----------------------------------------------------------------------------------


def test_html_page_text_and_metadata() -> None:
    [art] = read(FIXTURES / "page.html")
    assert isinstance(art, Article)
    assert art.id == "page"
    assert art.title == "Ardania recalls its ambassador to Belmoria"
    assert art.source == "The Harbour Courier"
    assert art.url == "https://courier.example/world/ardania-recalls-ambassador"
    assert art.date == dt.date(2025, 3, 7)
    assert "recalled its ambassador to Belmoria on Thursday" in art.text
    assert "open to talks mediated by the regional council" in art.text
    assert "Sport" not in art.text  # navigation is not article text
    assert "All rights reserved" not in art.text


def test_html_page_without_text_is_rejected() -> None:
    reject = only_reject(read(FIXTURES / "empty_page.html"))
    assert reject.origin == str(FIXTURES / "empty_page.html")
    assert "no article text found" in reject.reason and ".txt" in reject.reason


def test_html_sniffed_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "saved_page"
    path.write_bytes((FIXTURES / "page.html").read_bytes())
    [art] = read(path)
    assert isinstance(art, Article) and art.source == "The Harbour Courier"


def test_html_declared_charset_is_honoured(tmp_path: Path) -> None:
    page = (FIXTURES / "page.html").read_text(encoding="utf-8")
    page = page.replace('charset="utf-8"', 'charset="windows-1252"').replace(
        "regrettable", "regrettable – and “premature”"
    )
    path = tmp_path / "latin.html"
    path.write_bytes(page.encode("windows-1252"))
    [art] = read(path)
    assert isinstance(art, Article)
    assert "regrettable – and “premature”" in art.text


# --- feeds ----------------------------------------------------------------------------------


def test_rss_items_with_dates() -> None:
    path = FIXTURES / "feed.rss"
    first, second = read(path)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == "sw-1001"  # the guid
    assert first.title == "Patrol boats turn back trawlers"
    assert first.url == "https://straitwatch.example/2025/03/patrol-boats"
    assert first.source == "Strait Watch"
    assert (
        first.text
        == "Belmorian patrol boats turned back three Ardanian trawlers on Wednesday.\nNo one was hurt."
    )
    assert first.date == dt.date(2025, 3, 5)
    assert first.origin == f"{path}:7"
    assert second.id == "https://straitwatch.example/2025/03/council-mediates"  # no guid: the link
    # 23:45 at -0500 is still the 7th where it was published (it is the 8th in UTC)
    assert second.date == dt.date(2025, 3, 7)
    assert second.origin == f"{path}:14"


def test_atom_entries_published_else_updated() -> None:
    first, second = read(FIXTURES / "feed.atom")
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == "urn:example:council-bulletin:42"
    assert first.url == "https://council.example/bulletin/42"
    assert first.source == "Council Bulletin"
    assert first.text == "Foreign ministers of Ardania and Belmoria met in Port Lanna."
    assert first.date == dt.date(2025, 3, 8)  # published, not updated
    assert second.text == "The council will publish new fishing quotas next month."  # the summary
    assert second.date == dt.date(2025, 3, 9)  # no published: updated


def test_feed_guid_that_is_not_a_url_is_not_the_url(tmp_path: Path) -> None:
    path = tmp_path / "guid.rss"
    path.write_bytes(
        b'<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Caf\xe9 Post</title>'
        b"<item><guid>item-17</guid><description>Caf\xe9 talks.</description></item></channel></rss>"
    )
    [art] = read(path)
    assert isinstance(art, Article)
    assert art.id == "item-17" and art.url is None
    assert art.source == "Café Post" and art.text == "Café talks."  # the declared encoding is used


def test_feed_sniffed_from_content(tmp_path: Path) -> None:
    path = tmp_path / "feed_without_extension"
    path.write_bytes((FIXTURES / "feed.rss").read_bytes())
    assert [a.id for a in articles(read(path))][0] == "sw-1001"


def test_feed_item_without_date_is_undated(tmp_path: Path) -> None:
    path = tmp_path / "nodate.rss"
    path.write_text(
        '<rss version="2.0"><channel><title>T</title><item><title>x</title>'
        "<link>https://t.example/1</link><description>Talks began.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    [art] = read(path)
    assert isinstance(art, Article) and art.date is None and art.text == "Talks began."


def test_feed_item_without_text_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "notext.rss"
    path.write_text(
        '<rss version="2.0"><channel><title>T</title>'
        "<item><title>Empty</title><link>https://t.example/1</link></item>"
        "<item><title>Full</title><link>https://t.example/2</link><description>Text.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    first, second = read(path)
    assert isinstance(first, Reject) and "feed item 1 has no text" in first.reason
    assert isinstance(second, Article) and second.text == "Text."


def test_unparseable_feed_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("this is not xml at all, just words", encoding="utf-8")
    reject = only_reject(read(path))
    assert "not a readable RSS or Atom feed" in reject.reason


def test_empty_feed_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "empty.rss"
    path.write_text('<rss version="2.0"><channel><title>Quiet</title></channel></rss>', encoding="utf-8")
    assert "no items" in only_reject(read(path)).reason


# --- folders --------------------------------------------------------------------------------


def test_folder_is_walked_sorted_and_skips_hidden() -> None:
    items = read(FIXTURES / "folder")
    assert [a.id for a in articles(items)] == ["a_top", "f1", "c_nested"]
    assert not rejects(items)
    assert all(".hidden" not in (a.origin or "") for a in articles(items))


def test_empty_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "nothing").mkdir()
    assert "no (non-hidden) files" in only_reject(read(tmp_path / "nothing")).reason


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file_and_folder(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("secret", encoding="utf-8")
    locked.chmod(0)
    shut = tmp_path / "shut"
    shut.mkdir()
    (shut / "inside.txt").write_text("x", encoding="utf-8")
    shut.chmod(0)
    try:
        assert "permission denied" in only_reject(read(locked)).reason
        assert "permission denied" in rejects(read(shut))[0].reason
    finally:
        locked.chmod(0o600)
        shut.chmod(0o700)


def test_permission_errors_are_rejects_even_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "story.txt").write_text("Readable.", encoding="utf-8")
    (tmp_path / "docs" / "locked.txt").write_text("Not readable.", encoding="utf-8")
    (tmp_path / "docs" / "shut").mkdir()
    real_read_bytes, real_scandir = Path.read_bytes, os.scandir

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    def scandir(path: object = ".") -> object:
        if str(path).endswith("shut"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(os, "scandir", scandir)
    items = read(tmp_path / "docs")
    assert [a.id for a in articles(items)] == ["story"]
    reasons = {Path(r.origin).name: r.reason for r in rejects(items)}
    assert reasons["locked.txt"] == "cannot read the file: permission denied; check its permissions"
    assert reasons["shut"] == "cannot read the folder: permission denied; check its permissions"


# --- standard input -------------------------------------------------------------------------


def test_stdin_plain_text() -> None:
    [art] = read("-", stdin=io.StringIO("\n  Belmoria closed its border.\r\nTrade stopped.\n"))
    assert isinstance(art, Article)
    assert art.id == "stdin" and art.origin == "<stdin>"
    assert art.text == "Belmoria closed its border.\nTrade stopped."


def test_stdin_jsonl_with_bad_line() -> None:
    stream = io.StringIO('\n{"id": "s1", "text": "First."}\nnot json\n{"text": "Third."}\n')
    items = read("-", stdin=stream)
    assert [type(i).__name__ for i in items] == ["Article", "Reject", "Article"]
    first, bad, third = items
    assert isinstance(first, Article) and first.id == "s1" and first.origin == "<stdin>:2"
    assert isinstance(bad, Reject) and bad.origin == "<stdin>" and bad.line == 3
    assert isinstance(third, Article) and third.id == "stdin:4"


def test_stdin_binary_buffer_is_decoded() -> None:
    stream = io.TextIOWrapper(io.BytesIO('{"id": "b1", "text": "Caf\u00e9."}\n'.encode()), encoding="ascii")
    [art] = read("-", stdin=stream)
    assert isinstance(art, Article) and art.text == "Café."


def test_stdin_pretty_printed_json_object() -> None:
    [art] = read("-", stdin=io.StringIO('{\n  "id": "pp",\n  "text": "Pretty printed."\n}\n'))
    assert isinstance(art, Article) and art.id == "pp" and art.text == "Pretty printed."
    broken = only_reject(read("-", stdin=io.StringIO('{\n  "id": "pp",\n  "text": oops\n}\n')))
    assert broken.line == 3 and "not valid JSON" in broken.reason


def test_stdin_jsonl_with_bad_first_line() -> None:
    items = read("-", stdin=io.StringIO('{"id": "x", "text": oops\n{"text": "Fine."}\n'))
    assert isinstance(items[0], Reject) and items[0].line == 1
    assert isinstance(items[1], Article) and items[1].id == "stdin:2"


def test_stdin_empty() -> None:
    assert "standard input is empty" in only_reject(read("-", stdin=io.StringIO("  \n\n"))).reason


def test_stdin_html_is_sniffed() -> None:
    html = (FIXTURES / "page.html").read_text(encoding="utf-8")
    [art] = read("-", stdin=io.StringIO(html))
    assert isinstance(art, Article) and art.title == "Ardania recalls its ambassador to Belmoria"


# --- dates ----------------------------------------------------------------------------------


def test_date_argument_overrides_every_own_date() -> None:
    override = dt.date(2020, 1, 2)
    items = read(FIXTURES / "records.jsonl", FIXTURES / "feed.rss", FIXTURES / "page.html", date=override)
    assert len(articles(items)) == 7  # 4 JSONL records, 2 feed items, 1 page
    assert {a.date for a in articles(items)} == {override}


def test_date_argument_as_string() -> None:
    [art] = read(FIXTURES / "plain.txt", date="2024-12-31")
    assert isinstance(art, Article) and art.date == dt.date(2024, 12, 31)


def test_bad_date_argument_raises_at_once() -> None:
    with pytest.raises(InputError, match="--date"):
        read_inputs([str(FIXTURES / "plain.txt")], date="next tuesday")


def test_bad_max_chars_raises() -> None:
    with pytest.raises(InputError, match="--max-chars"):
        read_inputs(["x"], max_chars=0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-03-07", dt.date(2025, 3, 7)),
        ("2025-03-07T10:00:00Z", dt.date(2025, 3, 7)),
        ("2025-03-07T23:30:00-05:00", dt.date(2025, 3, 7)),
        ("2025-03-07 10:00:00.123456789Z", dt.date(2025, 3, 7)),
        ("Fri, 07 Mar 2025 10:00:00 GMT", dt.date(2025, 3, 7)),
        ("7 March 2025", dt.date(2025, 3, 7)),
        ("March 7, 2025", dt.date(2025, 3, 7)),
        ("25.03.2025", dt.date(2025, 3, 25)),
        ("03/25/2025", dt.date(2025, 3, 25)),
        ("03/07/2025", None),  # ambiguous: not guessed
        ("yesterday", None),  # relative: never resolved against today
        ("March 2025", None),
        ("2025-02-30", None),
        ("", None),
        ("gibberish", None),
    ],
)
def test_parse_date(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


def test_parse_date_non_strings() -> None:
    assert parse_date(None) is None
    assert parse_date(20250307) is None
    assert parse_date(True) is None
    assert parse_date(dt.datetime(2025, 3, 7, 12)) == dt.date(2025, 3, 7)


# --- limits, encodings, missing files, ids --------------------------------------------------


def test_oversized_text_is_rejected_with_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("a" * 1_234_567, encoding="utf-8")
    reject = only_reject(read(path))
    assert reject.reason == (
        "text is 1,234,567 characters, over the limit of 1,000,000; raise it with --max-chars"
    )
    assert reject.excerpt == "a" * 80
    [art] = read(path, max_chars=2_000_000)
    assert isinstance(art, Article) and len(art.text) == 1_234_567


def test_far_oversized_text_file_is_rejected_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "log.txt"
    path.write_text("z" * 500, encoding="utf-8")
    reject = only_reject(read(path, max_chars=100))
    assert reject.reason == (
        "file is 500 bytes, more text than the limit of 100 characters; raise it with --max-chars"
    )


def test_oversized_jsonl_record_does_not_stop_the_file(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        json.dumps({"id": "big", "text": "word " * 30})
        + "\n"
        + json.dumps({"id": "ok", "text": "Short."})
        + "\n",
        encoding="utf-8",
    )
    items = read(path, max_chars=50)
    assert isinstance(items[0], Reject) and items[0].line == 1
    assert "over the limit of 50" in items[0].reason
    assert isinstance(items[1], Article) and items[1].id == "ok"


def test_empty_text_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text(" \n\t\r\n ", encoding="utf-8")
    reject = only_reject(read(path))
    assert reject.origin == str(path) and "empty" in reject.reason


def test_repairable_invalid_utf8_is_repaired(tmp_path: Path) -> None:
    path = tmp_path / "mostly_ok.txt"
    path.write_bytes(b"The minister of Ardania said the caf\xe9 talks would resume next week in the capital.")
    [art] = read(path)
    assert isinstance(art, Article)
    assert (
        art.text == "The minister of Ardania said the caf\ufffd talks would resume next week in the capital."
    )


def test_unrepairable_invalid_utf8_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Ñàé öüß ÿ ìíî ñ çã".encode("latin-1"))
    reject = only_reject(read(path))
    assert "not UTF-8" in reject.reason and "iconv" in reject.reason


def test_invalid_utf8_on_a_jsonl_line(tmp_path: Path) -> None:
    path = tmp_path / "enc.jsonl"
    path.write_bytes(
        b'{"id": "fixable", "text": "The caf\xe9 reopened after the talks between the two sides."}\n'
        b'{"id": "hopeless", "text": "\xe9\xe8\xe0\xf1\xfc"}\n'
    )
    first, second = read(path)
    assert isinstance(first, Article) and "caf\ufffd reopened" in first.text
    assert isinstance(second, Reject) and second.line == 2 and "not UTF-8" in second.reason


def test_binary_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    assert "binary" in only_reject(read(path)).reason
    lines = tmp_path / "binary.jsonl"
    lines.write_bytes(b"\x00\x01\x02\x03")
    assert "binary" in only_reject(read(lines)).reason


def test_missing_file_and_folder_do_not_stop_the_batch(tmp_path: Path) -> None:
    items = read(tmp_path / "nope.txt", tmp_path / "no_such_folder", FIXTURES / "plain.txt")
    first, second, third = items
    assert isinstance(first, Reject) and "no such file" in first.reason
    assert first.origin == str(tmp_path / "nope.txt") and first.line is None
    assert isinstance(second, Reject) and second.origin == str(tmp_path / "no_such_folder")
    assert isinstance(third, Article)


def test_duplicate_ids_get_suffixes(tmp_path: Path) -> None:
    path = tmp_path / "dups.jsonl"
    path.write_text(
        "\n".join(
            json.dumps({"id": i, "text": f"Text {n}."}) for n, i in enumerate(["x", "x", "y", "x", "x#2"])
        )
        + "\n",
        encoding="utf-8",
    )
    assert [a.id for a in articles(read(path))] == ["x", "x#2", "y", "x#3", "x#2#2"]


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "story.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "b" / "story.txt").write_text("Two.", encoding="utf-8")
    assert [a.id for a in articles(read(tmp_path))] == ["story", "story#2"]


def test_single_path_string_is_accepted() -> None:
    assert len(list(read_inputs(str(FIXTURES / "plain.txt")))) == 1


# --- rejects output -------------------------------------------------------------------------


def test_write_rejects_round_trip(tmp_path: Path) -> None:
    found = rejects(read(FIXTURES / "records.jsonl"))
    out = tmp_path / "events.rejects.jsonl"
    assert write_rejects(str(out), found) == len(found) == 5
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [Reject.model_validate_json(line) for line in lines] == found


@pytest.mark.parametrize(
    ("out", "expected"),
    [
        ("events.jsonl", "events.rejects.jsonl"),
        ("out/events.jsonl", os.path.join("out", "events.rejects.jsonl")),
        ("events.csv", "events.rejects.jsonl"),
        ("events", "events.rejects.jsonl"),
        (None, "detente.rejects.jsonl"),
        ("-", "detente.rejects.jsonl"),
    ],
)
def test_default_rejects_path(out: str | None, expected: str) -> None:
    assert default_rejects_path(out) == expected
