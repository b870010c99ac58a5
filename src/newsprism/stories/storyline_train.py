"""Learn the storyline link model and write ``storyline-v2.json``.

    python -m newsprism.stories.storyline_train --data ../shared/data

Trained on two sets whose labels are storylines: ECB+ train topics (each topic holds two events
of one kind, e.g. two arrests of one team's players: a small storyline) and GoogleNews-TS
stories (11,109 keyword lines in 152 stories, each a topic over weeks). ECB+ dev topics are
never read. The events are those the shipped event clusterer makes of each stream
(``events_of``): a storyline model is given events as production gives them. Each event's
storyline is the gold label most of its articles carry. The pairs are those an oracle storyline
clusterer (every event placed in its gold storyline) would show each event (``cluster
.training_pairs`` over event profiles, with the storyline features), and two logistic models
are learned on them as for events (all features, and names hidden), each set weighing as much
as the other. The join threshold and the first-look bar (``SETTINGS``) are those with the best
mean B-cubed F1 of the training sets, clustered as ingest does (``storylines.sweep_levels``);
the merge threshold is ``MERGE_MARGIN`` above the join threshold. ``--profiles FILE`` keeps the
analysed streams between runs (analysis is most of a run's time).

``cross_validate`` scores held-out GoogleNews-TS stories: the stories are cut in two halves
(seeded), and each half is clustered by a model learned on ECB+ train and the other half, with
its threshold chosen there, so no storyline scored was trained on.
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.model import Article
from newsprism.stories.cluster import Item, cluster_stories, training_pairs
from newsprism.stories.features import Profile
from newsprism.stories.link import STORYLINE_FEATURE_NAMES, hide_names
from newsprism.stories.scores import bcubed
from newsprism.stories.storylines import (
    STORYLINE_MODEL,
    StorylineLinks,
    as_event,
    sweep_levels,
)

THRESHOLDS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
FIRST_LOOKS = (None, 0.9)  # an event's first article joins at the join threshold, or only at 0.9
SPLITS = (None, 0.03, 0.05, 0.07, 0.1, 0.15)  # a storyline's second look parts groups below these
MERGE_MARGIN = 0.2
SETTINGS = [(t, f) for t in THRESHOLDS for f in FIRST_LOOKS]
SEED = 0

Stream = tuple[list[Item], list[str]]  # articles in stream order, each one's gold storyline


def events_of(items: Sequence[Item], gold: Sequence[str]) -> tuple[list[Item], list[str]]:
    """The shipped event clusterer's events of a stream, in the order they were born, each with
    the sum of its articles' profiles (counted as one event) and its majority gold storyline."""
    event_ids = cluster_stories(items)
    profiles: dict[str, Profile] = {}
    labels: dict[str, Counter[str]] = {}
    for (_, profile), event, label in zip(items, event_ids, gold, strict=True):
        if event in profiles:
            profiles[event].add(profile)
        else:
            profiles[event] = Profile(profile.embedding.copy(), dict(profile.bags), 1,
                                      profile.first_day, profile.last_day)
        labels.setdefault(event, Counter())[label] += 1
    return ([(event, as_event(profile)) for event, profile in profiles.items()],
            [labels[event].most_common(1)[0][0] for event in profiles])


def learn_storyline_weights(streams: Sequence[Stream]) -> dict[str, list[float]]:
    """Logistic weights (all features; names hidden) from each stream's oracle pairs, each
    stream weighing as much as any other however many pairs it has: GoogleNews-TS brings
    twenty times ECB+'s, and would otherwise decide alone."""
    rows, same, weight = [], [], []
    for items, gold in streams:
        events, labels = events_of(items, gold)
        features, truth = training_pairs(events, labels, kind=StorylineLinks)
        rows.append(features)
        same.append(truth)
        weight.append(np.full(len(truth), 1.0 / len(truth)))
    features, truth = np.concatenate(rows), np.concatenate(same)
    balance = np.concatenate(weight) * len(truth) / len(streams)
    return {"weights": _fit(features, truth, balance),
            "text_weights": _fit(hide_names(features), truth, balance)}


def _fit(features: np.ndarray, same: np.ndarray, weight: np.ndarray) -> list[float]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=1.0, max_iter=1000).fit(features, same, sample_weight=weight)
    return [float(model.intercept_[0]), *map(float, model.coef_[0])]


def setting(threshold: float, first_look: float | None, split: float | None = None
            ) -> dict[str, Any]:
    """The clusterer's parameters for a join threshold, a first-look bar and a split bar."""
    return {"threshold": threshold,
            "merge_threshold": round(min(threshold + MERGE_MARGIN, 0.95), 3),
            "first_look": first_look, "split_threshold": split}


def storyline_f1(stream: Stream, settings: Sequence[tuple[float, float | None]]
                 | Sequence[tuple[float, float | None, float | None]],
                 weights: dict[str, list[float]]) -> list[float]:
    """B-cubed F1 of the stream's storylines under each (threshold, first look[, split])
    setting."""
    items, gold = stream
    _, found = sweep_levels(items, [{**setting(*s), **weights} for s in settings])
    return [bcubed(gold, lines)[2] for lines in found]


def learn_storyline_model(streams: dict[str, Stream]) -> dict[str, Any]:
    """Weights from every stream's events; the setting with the best mean F1 over them, then
    at that setting the split bar with the best mean F1 (``SPLITS``; ties to the lower)."""
    weights = learn_storyline_weights(list(streams.values()))
    by_stream = [storyline_f1(s, SETTINGS, weights) for s in streams.values()]
    scores = {key: [f1s[n] for f1s in by_stream] for n, key in enumerate(SETTINGS)}
    best = max(SETTINGS, key=lambda key: (float(np.mean(scores[key])), key[0], key[1] or 0))
    splits = [(*best, split) for split in SPLITS]
    by_stream = [storyline_f1(s, splits, weights) for s in streams.values()]
    split_scores = {key[2]: [f1s[n] for f1s in by_stream] for n, key in enumerate(splits)}
    split = max(SPLITS, key=lambda key: (float(np.mean(split_scores[key])), -(key or 0)))
    return {"features": list(STORYLINE_FEATURE_NAMES), **weights, **setting(*best, split),
            "train_f1": {f"{t}/{f}": [round(x, 4) for x in f1s]
                         for (t, f), f1s in scores.items()},
            "split_f1": {f"{key}": [round(x, 4) for x in f1s]
                         for key, f1s in split_scores.items()},
            "trained_on": " + ".join(f"{name} ({len(s[0])} documents)"
                                     for name, s in streams.items())}


def halves(stream: Stream, seed: int = SEED) -> list[Stream]:
    """The stream cut in two by storyline (seeded), each half in stream order."""
    labels = sorted(set(stream[1]))
    random.Random(seed).shuffle(labels)
    first = set(labels[: len(labels) // 2])
    return [([i for i, g in zip(*stream, strict=True) if (g in first) == side],
             [g for g in stream[1] if (g in first) == side]) for side in (True, False)]


def cross_validate(ecb_train: Stream, googlenews: Stream) -> list[dict[str, Any]]:
    """Each half of GoogleNews-TS's stories scored by a model learned on ECB+ train and the
    other half: its threshold, held-out F1, and the learned model."""
    folds = []
    parts = halves(googlenews)
    for held, (test, train) in enumerate([(parts[0], parts[1]), (parts[1], parts[0])]):
        model = learn_storyline_model({"ECB+ train topics": ecb_train,
                                       f"GoogleNews-TS half {1 - held}": train})
        (f1,) = storyline_f1(
            test, [(model["threshold"], model["first_look"], model["split_threshold"])],
            {k: model[k] for k in ("weights", "text_weights")})
        folds.append({"held_out": f"GoogleNews-TS half {held}",
                      "setting": f"{model['threshold']}/{model['first_look']}/"
                                 f"{model['split_threshold']}",
                      "f1": round(f1, 4), "model": model, "test": test, "train": train})
    return folds


def read_googlenews(data: Path) -> tuple[list[Article], list[str]]:
    """GoogleNews-TS in file order (it has no dates): its keyword lines and gold stories."""
    path = data / "googlenews_ts" / "GoogleNews-TS.jsonl"
    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    return ([Article(id=str(n), text=r["text"]) for n, r in enumerate(records)],
            [str(r["cluster"]) for r in records])


def read_streams(data: Path) -> dict[str, Stream]:
    """ECB+ train by topic, and GoogleNews-TS, analysed and profiled as ingest does."""
    from newsprism.analyse import analyse_articles
    from newsprism.stories.features import extract_profiles
    from newsprism.stories.train import as_ingest_reads, read_ecbplus

    articles, subtopics = read_ecbplus(data)["train"]
    streams = {}
    for name, (found, gold) in {
        "ECB+ train topics": (articles, [s.split("_")[0] for s in subtopics]),
        "GoogleNews-TS": read_googlenews(data),
    }.items():
        found = as_ingest_reads(found)
        profiles = extract_profiles(list(analyse_articles(found)))
        streams[name] = ([(a.id, p) for a, p in zip(found, profiles, strict=True)], gold)
    return streams


def cached_streams(data: Path, cache: Path | None) -> dict[str, Stream]:
    """``read_streams``, kept in ``cache`` (a local pickle this script wrote) when given."""
    if cache is not None and cache.exists():
        with cache.open("rb") as file:
            return pickle.load(file)  # our own file: written below
    streams = read_streams(data)
    if cache is not None:
        with cache.open("wb") as file:
            pickle.dump(streams, file)
    return streams


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=STORYLINE_MODEL)
    parser.add_argument("--profiles", type=Path, help="a pickle of the analysed streams: read "
                        "when it exists, else written (analysis is most of a run's time)")
    args = parser.parse_args(argv)
    streams = cached_streams(args.data, args.profiles)
    model = learn_storyline_model(streams)
    folds = cross_validate(streams["ECB+ train topics"], streams["GoogleNews-TS"])
    model["cv"] = [{k: fold[k] for k in ("held_out", "setting", "f1")} for fold in folds]
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: threshold {model['threshold']}, first look "
          f"{model['first_look']}, train F1 {model['train_f1']}, "
          f"held-out GoogleNews-TS halves {model['cv']}")


if __name__ == "__main__":
    main()
