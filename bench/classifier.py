"""Throughput of the learned classifier step alone (features + both linear heads), on one core.

    python bench/classifier.py [--sentences 1000] [--rounds 3]

Parses dev gold sentences (../shared; never copied into the repo) once, finds the lexicon's
candidate triggers and the unclaimed main verbs the model is asked about -- exactly what
``SentenceCoder._predict`` scores -- and then times only the classifier: building each candidate's
sparse features and dense vector and running ``EventModel.predict``. Prints candidates/s and
sentences/s (best and median of the rounds; the issue's floor is 500 sentences/s on one core).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import dev_sentences  # noqa: E402

from detente.events.extract import match_sentence, unclaimed_predicates  # noqa: E402
from detente.events.features import candidate_features, candidate_vector  # noqa: E402
from detente.events.lexicon import Lexicon  # noqa: E402
from detente.events.model import bundled_model  # noqa: E402
from detente.nlp import load_nlp  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sentences", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    nlp = load_nlp()
    lexicon = Lexicon.load()
    model = bundled_model()
    texts = dev_sentences()[: args.sentences]
    jobs = []  # (token, sentence span, lexicon code or None)
    for doc in nlp.pipe(texts, batch_size=64):
        for sent in doc.sents:
            match = match_sentence(sent, lexicon)
            jobs += [(c.trigger, sent, c.entry.code) for c in match.candidates if c.wrapper is None]
            jobs += [(tok, sent, None) for tok in unclaimed_predicates(sent, match)]
    print(f"{len(texts)} sentences, {len(jobs)} candidates; model trained on corpus {str(model.meta.get('corpus_sha256', ''))[:12]}")
    rates = []
    for r in range(1, args.rounds + 1):
        t0 = time.process_time()
        for tok, sent, code in jobs:
            model.predict(candidate_features(tok, sent, code), candidate_vector(tok, sent))
        secs = time.process_time() - t0
        rates.append(secs)
        print(f"round {r}: {len(jobs) / secs:,.0f} candidates/s, {len(texts) / secs:,.0f} sentences/s "
              f"({secs:.2f} s CPU)")
    best, med = min(rates), statistics.median(rates)
    print(f"classifier step alone: best {len(texts) / best:,.0f} sentences/s ({len(jobs) / best:,.0f} candidates/s), "
          f"median {len(texts) / med:,.0f} sentences/s")


if __name__ == "__main__":
    main()
