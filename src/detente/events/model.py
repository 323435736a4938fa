"""The learned event classifier: a linear softmax model over candidate features.

Two heads share one feature vocabulary: `root` scores the CAMEO roots 01-20 plus "none" (no
political event), and `code` scores the three-digit codes the training corpus supports. Weights
are numpy arrays in `events/model/weights.npz` with the vocabulary and labels in `meta.json`
(with the training data hash and held-out scores). Nothing but numpy is needed to run it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import DetenteError
from ..registry import package_file

MODEL_DIR = "events/model"
NONE = "none"


@dataclass
class Prediction:
    root: dict[str, float]
    code: dict[str, float] = field(default_factory=dict)

    def best_root(self) -> tuple[str, float]:
        lab = max(self.root, key=self.root.__getitem__)
        return lab, self.root[lab]

    def best_code(self, root: str | None = None) -> tuple[str, float] | None:
        """Most probable three-digit code, within `root` if given (probabilities renormalised)."""
        items = [(c, p) for c, p in self.code.items() if root is None or c.startswith(root)]
        if not items:
            return None
        total = sum(p for _, p in items) or 1.0
        c, p = max(items, key=lambda x: x[1])
        return c, p / total


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    out: np.ndarray = e / e.sum(axis=-1, keepdims=True)
    return out


class LinearHead:
    """Softmax regression over a shared sparse binary feature space."""

    def __init__(self, labels: list[str], weights: np.ndarray, bias: np.ndarray,
                 dense: np.ndarray | None = None) -> None:
        self.labels = labels
        self.W = weights  # (n_features, n_labels)
        self.b = bias
        self.V = dense  # (n_dense, n_labels) or None

    def probs(self, idx: list[int], x: np.ndarray | None = None) -> np.ndarray:
        z = self.b + (self.W[idx].sum(axis=0) if idx else 0.0)
        if self.V is not None and x is not None:
            z = z + x @ self.V
        return _softmax(np.asarray(z, dtype=np.float64))

    @classmethod
    def fit(cls, rows: list[list[int]], y: list[int], labels: list[str], n_features: int, *, epochs: int = 12,
            lr: float = 0.3, l2: float = 1e-5, seed: int = 13, dense: np.ndarray | None = None) -> LinearHead:
        """AdaGrad SGD on the cross-entropy; deterministic for a given seed and row order. `dense` holds
        one standardised dense vector per row (or None)."""
        rng = np.random.default_rng(seed)
        k = len(labels)
        W = np.zeros((n_features, k), dtype=np.float64)
        b = np.zeros(k, dtype=np.float64)
        gW = np.full((n_features, k), 1e-8)
        gb = np.full(k, 1e-8)
        V = np.zeros((dense.shape[1], k)) if dense is not None else None
        gV = np.full_like(V, 1e-8) if V is not None else None
        order = np.arange(len(rows))
        for _ in range(epochs):
            rng.shuffle(order)
            for n in order:
                idx = rows[n]
                z = b + (W[idx].sum(axis=0) if idx else 0.0)
                if V is not None and dense is not None:
                    z = z + dense[n] @ V
                p = _softmax(z)
                p[y[n]] -= 1.0  # gradient of the loss wrt the logits
                if idx:
                    g = np.broadcast_to(p, (len(idx), k)) + l2 * W[idx]
                    gW[idx] += g * g
                    W[idx] -= lr * g / np.sqrt(gW[idx])
                if V is not None and gV is not None and dense is not None:
                    gd = np.outer(dense[n], p) + l2 * V
                    gV += gd * gd
                    V -= 0.1 * lr * gd / np.sqrt(gV)
                gb += p * p
                b -= lr * p / np.sqrt(gb)
        return cls(labels, W.astype(np.float32), b.astype(np.float32),
                   V.astype(np.float32) if V is not None else None)


class EventModel:
    """Both heads and the feature vocabulary."""

    def __init__(self, vocab: dict[str, int], root: LinearHead, code: LinearHead, meta: dict[str, Any],
                 scale: tuple[np.ndarray, np.ndarray] | None = None) -> None:
        self.vocab = vocab
        self.root = root
        self.code = code
        self.meta = meta
        self.scale = scale  # mean and std of the dense vectors, when the heads use them

    def standardise(self, x: np.ndarray | None) -> np.ndarray | None:
        if x is None or self.scale is None:
            return None
        out: np.ndarray = (x - self.scale[0]) / self.scale[1]
        return out

    def indices(self, features: list[str]) -> list[int]:
        v = self.vocab
        return sorted({v[f] for f in features if f in v})

    def predict(self, features: list[str], vector: np.ndarray | None = None) -> Prediction:
        idx = self.indices(features)
        x = self.standardise(vector)
        pr = self.root.probs(idx, x)
        pc = self.code.probs(idx, x)
        return Prediction(root=dict(zip(self.root.labels, pr.tolist(), strict=True)),
                          code=dict(zip(self.code.labels, pc.tolist(), strict=True)))

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        arrays = {"root_W": self.root.W.astype(np.float16), "root_b": self.root.b,
                  "code_W": self.code.W.astype(np.float16), "code_b": self.code.b}
        if self.root.V is not None and self.code.V is not None and self.scale is not None:
            arrays.update(root_V=self.root.V, code_V=self.code.V, mean=self.scale[0], std=self.scale[1])
        np.savez_compressed(folder / "weights.npz", **arrays)  # type: ignore[arg-type]
        vocab = sorted(self.vocab, key=self.vocab.__getitem__)
        meta = dict(self.meta, root_labels=self.root.labels, code_labels=self.code.labels, vocab=vocab)
        (folder / "meta.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, folder: Path | None = None) -> EventModel:
        folder = folder or package_file(MODEL_DIR)
        try:
            meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
            arr = np.load(folder / "weights.npz")
        except OSError as exc:
            raise DetenteError(f"the event model is missing from {folder}; rebuild it with "
                               f"`python training/train.py`, or code without --classifier") from exc
        vocab = {f: i for i, f in enumerate(meta.pop("vocab"))}
        dense = "root_V" in arr.files
        root = LinearHead(meta["root_labels"], arr["root_W"].astype(np.float32), arr["root_b"],
                          arr["root_V"] if dense else None)
        code = LinearHead(meta["code_labels"], arr["code_W"].astype(np.float32), arr["code_b"],
                          arr["code_V"] if dense else None)
        scale = (arr["mean"], arr["std"]) if dense else None
        return cls(vocab, root, code, meta, scale)


@lru_cache(maxsize=1)
def bundled_model() -> EventModel | None:
    """The model shipped in the package, or None when it has not been built."""
    folder = package_file(MODEL_DIR)
    if not (folder / "meta.json").is_file():
        return None
    return EventModel.load(folder)
