"""Does compare read two wordings of one predicate as one, and never an opposite or another fact
as one? Scored on the judged pairs of ``bench/predicate_pairs/pairs.tsv`` (its README).

    PYTHONPATH=src OMP_NUM_THREADS=1 python bench/predicate_pairs.py [--vectors]

Prints, per label, how many pairs the parse's ``Assertion.agrees`` joins and how many
``Assertion.contrasts`` parts (run it with another branch's ``src`` on PYTHONPATH for that
branch's figures). ``--vectors`` also scores a
word-vector match of the two main predicates (their words, the subject left out) with MiniLM
and with wordllama: a cosine threshold is chosen on the families of the first half
(alphabetically every other family), the highest that joins no opposite or different pair
there, and scored on the other half, the held-out families.
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

PAIRS = Path(__file__).parent / "predicate_pairs" / "pairs.tsv"


def read_pairs(path: Path = PAIRS) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def tally(rows: Sequence[dict[str, str]], joined: Sequence[bool]) -> str:
    total, hits = Counter(r["label"] for r in rows), Counter(
        r["label"] for r, j in zip(rows, joined, strict=True) if j)
    return ", ".join(f"{label} {hits[label]}/{total[label]}" for label in sorted(total))


def predicate_words(texts: Sequence[str]) -> list[str]:
    """Each statement without its subject and punctuation: the predicate and what completes
    it ("was found not guilty")."""
    from newsprism.compare.predicates import parse

    phrases = []
    for doc in parse(texts):
        subject = {t.i for s in doc if s.dep_ in ("nsubj", "nsubjpass") for t in s.subtree}
        phrases.append(" ".join(t.text for t in doc if t.i not in subject
                                and not t.is_punct) or doc.text)
    return phrases


def vector_cosines(rows: Sequence[dict[str, str]], encode: Callable[[list[str]], np.ndarray]
                   ) -> np.ndarray:
    first = encode(predicate_words([r["first"] for r in rows]))
    second = encode(predicate_words([r["second"] for r in rows]))
    first /= np.linalg.norm(first, axis=1, keepdims=True)
    second /= np.linalg.norm(second, axis=1, keepdims=True)
    return (first * second).sum(axis=1)


def held_out(rows: Sequence[dict[str, str]], cosines: np.ndarray) -> str:
    """The strictest-safe threshold of the first half's families, scored on the second's."""
    families = sorted({r["family"] for r in rows})
    design = np.array([families.index(r["family"]) % 2 == 0 for r in rows])
    wrong = np.array([r["label"] != "same" for r in rows])
    threshold = float(cosines[design & wrong].max()) + 1e-6
    chosen_on = [r for r, d in zip(rows, design, strict=True) if d]
    test = [r for r, d in zip(rows, design, strict=True) if not d]
    return (f"threshold {threshold:.3f}; design: {tally(chosen_on, cosines[design] >= threshold)}; "
            f"held out: {tally(test, cosines[~design] >= threshold)}")


def main(argv: Sequence[str] | None = None) -> None:
    from newsprism.compare.predicates import assertions

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vectors", action="store_true")
    args = parser.parse_args(argv)
    rows = read_pairs()
    first = assertions([r["first"] for r in rows])
    second = assertions([r["second"] for r in rows])
    joined = [a.agrees(b) and not a.denies(b) for a, b in zip(first, second, strict=True)]
    print("parse agrees:", tally(rows, joined))
    print("opposed families:", tally(rows, [a.contrasts(b)
                                            for a, b in zip(first, second, strict=True)]))
    for row, join in zip(rows, joined, strict=True):
        if join != (row["label"] == "same"):
            print(f"  {'joined' if join else 'missed'} {row['label']}: {row['first']} / "
                  f"{row['second']}")
    if args.vectors:
        import wordllama

        from newsprism.embed import load_encoder

        encoder = load_encoder()
        llama = wordllama.WordLlama.load(cache_dir=Path(wordllama.__file__).parent,
                                         disable_download=True)
        print("MiniLM:", held_out(rows, vector_cosines(rows, encoder.encode)))
        print("wordllama:", held_out(rows, vector_cosines(
            rows, lambda t: np.asarray(llama.embed(t), dtype=np.float64))))


if __name__ == "__main__":
    main()
