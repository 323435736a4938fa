"""Train detente's event classifier from the project's own corpus (training/corpus/*.jsonl).

    python training/train.py [--seed 13] [--out src/detente/events/model]

Deterministic for a given seed and corpus. Parses every corpus sentence with the spaCy model,
finds the candidate trigger the lexicon proposes (or the clause's root verb when it proposes none),
and trains two softmax heads on the candidate's features: the CAMEO root (or "none") and the
three-digit code. Ten percent of the sentences (chosen by a hash of their id) are held out; the
scores on them, the training data hash and the counts are written to meta.json beside the weights.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import numpy as np  # noqa: E402

from detente.codebook import default_codebook  # noqa: E402
from detente.doccache import sentences  # noqa: E402
from detente.events.features import candidate_features, candidate_vector  # noqa: E402
from detente.events.lexicon import Lexicon  # noqa: E402
from detente.events.model import NONE, EventModel, LinearHead  # noqa: E402
from detente.nlp import load_nlp  # noqa: E402

CORPUS = ROOT / "training" / "corpus"
MIN_FEATURE_COUNT = 2
MIN_CODE_COUNT = 6


def read_corpus(folder: Path = CORPUS) -> list[dict[str, Any]]:
    cb = default_codebook()
    rows: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            code = rec["cameo"]
            if code != NONE and code not in cb:
                raise SystemExit(f"{path.name}:{n}: unknown CAMEO code {code!r}")
            rows.append(rec)
    return rows


def data_hash(rows: list[dict[str, Any]]) -> str:
    h = hashlib.sha256()
    for rec in sorted(rows, key=lambda r: r["id"]):
        h.update(json.dumps([rec["id"], rec["text"], rec["cameo"]], ensure_ascii=False).encode("utf-8"))
    return h.hexdigest()


def held_out(rec_id: str) -> bool:
    return int(hashlib.md5(rec_id.encode("utf-8")).hexdigest(), 16) % 10 == 0


def root_label(code: str) -> str:
    return NONE if code == NONE else code[:2]


def examples(rows: list[dict[str, Any]], nlp: Any, lexicon: Lexicon) -> list[tuple[dict[str, Any], list[str], Any]]:
    """One (record, features, vector) example per corpus sentence: its main candidate event."""
    from detente.events.extract import match_sentence

    out = []
    docs = nlp.pipe((r["text"] for r in rows), batch_size=128)
    for rec, doc in zip(rows, docs, strict=True):
        gold = root_label(rec["cameo"])
        cands = []
        for sent in sentences(doc):
            cands.extend((c, sent) for c in match_sentence(sent, lexicon).candidates if c.wrapper is None)
        chosen = None
        if cands:
            same = [cs for cs in cands if cs[0].entry.code[:2] == gold]
            pool = same or sorted(cands, key=lambda cs: (cs[0].entry.say, -cs[0].entry.conf))
            chosen = max(pool, key=lambda cs: cs[0].entry.conf) if same else pool[0]
            feats = candidate_features(chosen[0].trigger, chosen[1], chosen[0].entry.code)
            vec = candidate_vector(chosen[0].trigger, chosen[1])
        else:
            sent = sentences(doc)[0]
            feats = candidate_features(sent.root, sent, None)
            vec = candidate_vector(sent.root, sent)
        out.append((rec, feats, vec))
    return out


def macro_f1(gold: list[str], pred: list[str]) -> float:
    labels = sorted(set(gold))
    f1s = []
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p != lab)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(f1s) / len(f1s) if f1s else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--dense", action=argparse.BooleanOptionalAction, default=True,
                    help="also use the parser's token vectors (doc.tensor) as features")
    ap.add_argument("--out", default=str(ROOT / "src" / "detente" / "events" / "model"))
    args = ap.parse_args()
    t0 = time.perf_counter()
    rows = read_corpus()
    nlp = load_nlp()
    lexicon = Lexicon.load()
    exs = examples(rows, nlp, lexicon)
    train = [(r, f, v) for r, f, v in exs if not held_out(r["id"])]
    valid = [(r, f, v) for r, f, v in exs if held_out(r["id"])]
    counts = Counter(feat for _, fs, _ in train for feat in set(fs))
    use_dense = args.dense and all(v is not None for _, _, v in exs)
    X = np.stack([v for _, _, v in train]) if use_dense else None
    scale = (X.mean(axis=0), X.std(axis=0) + 1e-6) if X is not None else None
    Xs = (X - scale[0]) / scale[1] if X is not None and scale is not None else None
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= MIN_FEATURE_COUNT))}

    def idx(fs: list[str]) -> list[int]:
        return sorted({vocab[f] for f in fs if f in vocab})

    root_labels = sorted({root_label(r["cameo"]) for r, _, _ in exs})
    code_counts = Counter(r["cameo"][:3] for r, _, _ in train if r["cameo"] != NONE)
    code_labels = sorted(c for c, n in code_counts.items() if n >= MIN_CODE_COUNT)
    root_head = LinearHead.fit([idx(f) for _, f, _ in train],
                               [root_labels.index(root_label(r["cameo"])) for r, _, _ in train],
                               root_labels, len(vocab), epochs=args.epochs, seed=args.seed, dense=Xs)
    keep = [n for n, (r, _, _) in enumerate(train) if r["cameo"][:3] in code_labels]
    code_head = LinearHead.fit([idx(train[n][1]) for n in keep], [code_labels.index(train[n][0]["cameo"][:3]) for n in keep],
                               code_labels, len(vocab), epochs=args.epochs, seed=args.seed,
                               dense=Xs[keep] if Xs is not None else None)
    model = EventModel(vocab, root_head, code_head, {}, scale)

    gold_r, pred_r, gold_c, pred_c = [], [], [], []
    for r, f, v in valid:
        p = model.predict(f, v)
        gold_r.append(root_label(r["cameo"]))
        pred_r.append(p.best_root()[0])
        if r["cameo"] != NONE and r["cameo"][:3] in code_labels:
            best = p.best_code(r["cameo"][:2])
            gold_c.append(r["cameo"][:3])
            pred_c.append(best[0] if best else "")
    scores = {
        "root_accuracy": round(sum(g == p for g, p in zip(gold_r, pred_r, strict=True)) / max(1, len(gold_r)), 4),
        "root_macro_f1": round(macro_f1(gold_r, pred_r), 4),
        "code_accuracy_given_root": round(sum(g == p for g, p in zip(gold_c, pred_c, strict=True)) / max(1, len(gold_c)), 4),
        "validation_sentences": len(valid),
    }
    model.meta = {
        "trained_with": "training/train.py",
        "seed": args.seed,
        "epochs": args.epochs,
        "corpus_sentences": len(rows),
        "train_sentences": len(train),
        "corpus_sha256": data_hash(rows),
        "features": len(vocab),
        "dense_features": int(Xs.shape[1]) if Xs is not None else 0,
        "held_in_validation": scores,
        "spacy_model": str(nlp.meta.get("detente_model", nlp.meta.get("name"))),
    }
    model.save(Path(args.out))
    print(json.dumps(model.meta, indent=1))
    print(f"trained in {time.perf_counter() - t0:.1f} s; wrote {args.out}")


if __name__ == "__main__":
    main()
