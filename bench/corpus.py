"""Benchmark corpora built from the development gold sentences in ../shared (never copied into the repo)."""

from __future__ import annotations

import json
from pathlib import Path

from detente.models import Article

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "dev"


def dev_sentences() -> list[str]:
    """Unique sentences of the dev gold sets, in a fixed order."""
    seen: dict[str, None] = {}
    penta = SHARED / "pentaclass" / "train.tsv"
    for line in penta.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            seen.setdefault(line.rsplit("\t", 1)[0].strip(), None)
    conll = SHARED / "source_target_spans" / "train.conll"
    toks: list[str] = []
    for line in conll.read_text(encoding="utf-8").splitlines() + [""]:
        if line.strip():
            toks.append(line.split()[0])
        elif toks:
            seen.setdefault(" ".join(toks), None)
            toks = []
    for line in (SHARED / "event_location" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            seen.setdefault(json.loads(line)["text"].strip(), None)
    return [s for s in seen if s]


def articles(min_words: int, per_article: int = 15) -> list[Article]:
    """Group dev sentences into articles until the corpus has at least `min_words` words."""
    if not SHARED.is_dir():
        raise SystemExit(f"the dev gold sets are not at {SHARED}; benchmarks need ../shared")
    sents = dev_sentences()
    out: list[Article] = []
    words = 0
    i = 0
    while words < min_words:
        chunk = [sents[(i + k) % len(sents)] for k in range(per_article)]
        i += per_article
        text = " ".join(chunk)
        words += len(text.split())
        out.append(Article(id=f"bench-{len(out)}", text=text))
    return out
