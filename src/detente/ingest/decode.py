"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, light repair of bad bytes."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

#: Above this share of undecodable characters a text is rejected rather than repaired.
MAX_INVALID_SHARE = 0.05

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass
class Decoded:
    """The outcome of decoding: ``text`` on success, else ``error`` (a reason for a Reject)."""

    text: str | None = None
    error: str | None = None
    repaired: int = 0  # how many invalid byte sequences were replaced with U+FFFD


def has_utf16_bom(data: bytes) -> bool:
    return data.startswith(_UTF16_BOMS)


def is_binary(data: bytes) -> bool:
    """NUL bytes mean binary data (UTF-16 text with a BOM excepted)."""
    return b"\x00" in data and not has_utf16_bom(data)


def decode_bytes(data: bytes, what: str = "file") -> Decoded:
    """Decode ``data`` as UTF-8, repairing a few bad bytes; ``what`` names it in error messages."""
    if has_utf16_bom(data):
        return Decoded(text=data.decode("utf-16", errors="replace"))
    if b"\x00" in data:
        return Decoded(
            error=f"binary data (the {what} contains NUL bytes), not text; "
            "detente reads UTF-8 text, JSON, JSONL, HTML and RSS/Atom feeds"
        )
    try:
        return Decoded(text=data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    replaced = data.decode("utf-8-sig", errors="replace")
    invalid = len(replaced) - len(data.decode("utf-8-sig", errors="ignore"))
    share = invalid / max(len(replaced), 1)
    if share > MAX_INVALID_SHARE:
        return Decoded(
            error=f"not UTF-8 text ({invalid:,} invalid byte sequences, {share:.0%} of the {what}); "
            "convert it to UTF-8 first, e.g. `iconv -f windows-1252 -t utf-8 FILE > FILE.utf8`"
        )
    return Decoded(text=replaced, repaired=invalid)
