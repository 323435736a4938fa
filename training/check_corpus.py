"""Checks of the training corpus: format, word-skeleton share, and overlap with outside text.

    python training/check_corpus.py [--shared ../shared]

The skeleton of a sentence keeps its function words and replaces every other word with `_`
("France and Germany signed a pact" -> "_ and _ _ a _"). The share of sentences whose skeleton
another sentence also has measures how template-like the corpus is. The overlap check compares
normalised word 8-grams of every corpus sentence with all text under ../shared/eval.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "training" / "corpus"
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
N = 8


def corpus_records(folder: Path = CORPUS) -> Iterator[tuple[str, int, dict]]:
    for path in sorted(folder.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                yield path.name, n, json.loads(line)


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def skeleton(text: str) -> str:
    return " ".join(w if w in STOP_WORDS else "_" for w in words(text))


def skeleton_share(texts: list[str]) -> tuple[float, int]:
    """Share of sentences whose skeleton another sentence shares, and the number of shared skeletons."""
    counts = Counter(skeleton(t) for t in texts)
    shared = sum(c for c in counts.values() if c > 1)
    return (shared / len(texts) if texts else 0.0), sum(1 for c in counts.values() if c > 1)


def ngrams(text: str, n: int = N) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i:i + n]) for i in range(len(w) - n + 1)}


def outside_texts(shared: Path) -> Iterable[str]:
    """Every text under shared/eval (and the samples), as whole files: 8-grams never cross lines wrongly
    since all whitespace is normalised away."""
    for path in sorted((shared / "eval").rglob("*")) + sorted((shared / "samples").glob("*.txt")):
        if path.is_file() and path.suffix in (".tsv", ".conll", ".xml", ".jsonl", ".txt", ".json", ".csv"):
            text = path.read_text(encoding="utf-8", errors="replace")
            if path.suffix == ".conll":
                text = " ".join(line.split()[0] for line in text.splitlines() if line.strip())
            yield text


def overlaps(texts: list[tuple[str, str]], shared: Path) -> list[tuple[str, str]]:
    """(id, 8-gram) for every corpus sentence that shares a normalised 8-gram with outside text."""
    outside: set[tuple[str, ...]] = set()
    for t in outside_texts(shared):
        outside |= ngrams(t)
    hits = []
    for rid, text in texts:
        common = ngrams(text) & outside
        if common:
            hits.append((rid, " ".join(sorted(common)[0])))
    return hits


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = ap.parse_args()
    recs = list(corpus_records())
    texts = [r["text"] for _, _, r in recs]
    share, n_shared = skeleton_share(texts)
    codes = Counter(r["cameo"] for _, _, r in recs)
    roots = Counter("none" if c == "none" else c[:2] for c in codes.elements())
    print(f"sentences: {len(recs)}")
    print(f"distinct codes: {len([c for c in codes if c != 'none'])}; roots: {dict(sorted(roots.items()))}")
    print(f"no-event share: {roots.get('none', 0) / max(1, len(recs)):.3f}; "
          f"no-event or statement share: {(roots.get('none', 0) + roots.get('01', 0)) / max(1, len(recs)):.3f}")
    print(f"skeleton share: {share:.4f} ({n_shared} skeletons shared by more than one sentence)")
    shared = Path(args.shared)
    if shared.is_dir():
        hits = overlaps([(r["id"], r["text"]) for _, _, r in recs], shared)
        print(f"8-gram overlaps with {shared}/eval: {len(hits)}")
        for rid, gram in hits[:20]:
            print(f"  {rid}: {gram}")
    else:
        print(f"{shared} is absent; overlap not checked")


if __name__ == "__main__":
    main()
