"""Learn the story link model from ECB+'s train topics and write ``link-v2.json``.

    python -m newsprism.stories.train --data ../shared/data

Only train topics are read (dev topics stay held out). The stream is the documents shuffled with
a fixed seed, the same stream bench/clusters.py measures. Two logistic models are learned on the
pairs an oracle clusterer would show each article (``cluster.training_pairs``): one on every
feature, and one with the name features hidden, for pairs where names cannot be compared. The
join and merge thresholds are the pair with the best mean B-cubed F1 over two folds of train
topics (learning on one fold, clustering the other), so no threshold is read off the sets the
benchmark scores.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.model import Article
from newsprism.stories.cluster import Item, StoryClusterer, training_pairs
from newsprism.stories.link import FEATURE_NAMES, hide_names, learn_link_weights

ARTIFACT = Path(__file__).with_name("link-v2.json")
THRESHOLDS = (0.2, 0.3, 0.5)
MERGE_THRESHOLDS = (0.5, 0.7)
SEED = 0


def read_ecbplus(data: Path) -> dict[str, tuple[list[Article], list[str]]]:
    """ECB+ train and dev streams: (articles, gold subtopics), shuffled with a fixed seed."""
    path = data / "ecbplus_traindev" / "documents.jsonl"
    docs = [json.loads(line) for line in path.open(encoding="utf-8")]
    random.Random(SEED).shuffle(docs)
    streams: dict[str, tuple[list[Article], list[str]]] = {"train": ([], []), "dev": ([], [])}
    for doc in docs:
        articles, gold = streams[doc["split"]]
        articles.append(Article(id=doc["doc_id"], text="\n".join(doc["sentences"])))
        gold.append(doc["subtopic"])
    return streams


def learn_link_model(items: Sequence[Item], gold: Sequence[str]) -> dict[str, list[float]]:
    rows, same = training_pairs(items, gold)
    return {"weights": list(learn_link_weights(rows, same)),
            "text_weights": list(learn_link_weights(hide_names(rows), same))}


def choose_thresholds(items: Sequence[Item], gold: Sequence[str]) -> dict[str, Any]:
    """Join and merge thresholds by two-fold cross-validation over topics."""
    from newsprism.evaluate.clusters import bcubed
    from newsprism.stories.cluster import cluster_stories

    topics = sorted({g.split("_")[0] for g in gold})
    scores: dict[tuple[float, float], list[float]] = {}
    for fold in (set(topics[0::2]), set(topics[1::2])):
        inside = [g.split("_")[0] in fold for g in gold]
        learn = [(i, g) for i, g, test in zip(items, gold, inside, strict=True) if not test]
        test = [(i, g) for i, g, held in zip(items, gold, inside, strict=True) if held]
        model = learn_link_model([i for i, _ in learn], [g for _, g in learn])
        for threshold in THRESHOLDS:
            for merge in MERGE_THRESHOLDS:
                if merge < threshold:
                    continue
                predicted = cluster_stories([i for i, _ in test], threshold=threshold,
                                            merge_threshold=merge, **model)
                f1 = bcubed([g for _, g in test], predicted)[2]
                scores.setdefault((threshold, merge), []).append(f1)
    best = max(scores, key=lambda key: (np.mean(scores[key]), -key[0]))
    return {"threshold": best[0], "merge_threshold": best[1],
            "cv_f1": {f"{t}/{m}": round(float(np.mean(f)), 4) for (t, m), f in scores.items()}}


def train_link_model(data: Path) -> dict[str, Any]:
    from newsprism.analyse import analyse_articles
    from newsprism.stories.features import extract_profiles

    articles, gold = read_ecbplus(data)["train"]
    profiles = extract_profiles(list(analyse_articles(articles)))
    items = [(a.id, p) for a, p in zip(articles, profiles, strict=True)]
    chosen = choose_thresholds(items, gold)
    return {"features": list(FEATURE_NAMES), **learn_link_model(items, gold), **chosen,
            "trained_on": f"ECB+ train topics, {len(articles)} documents, seed {SEED}"}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=ARTIFACT)
    args = parser.parse_args(argv)
    model = train_link_model(args.data)
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    StoryClusterer(**{k: model[k] for k in ("weights", "text_weights", "threshold",
                                             "merge_threshold")})  # the artifact loads
    print(f"wrote {args.out}: thresholds {model['threshold']}/{model['merge_threshold']}, "
          f"cross-validated F1 {model['cv_f1']}")


if __name__ == "__main__":
    main()
