"""``newsprism eval cluster``: cluster a document stream with the production code path, into
events or storylines, and score the result against gold stories (B-cubed precision/recall/F1,
ARI, NMI)."""

from __future__ import annotations

import json
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsprism.errors import InputError, InputProblem
from newsprism.model import Article
from newsprism.settings import DEFAULTS, StoriesSettings
from newsprism.stories.scores import bcubed


@dataclass(frozen=True)
class ClusterScores:
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    ari: float
    nmi: float
    items: int
    stories: int  # predicted
    gold_stories: int

    def as_dict(self) -> dict[str, float | int]:
        return dict(vars(self))


def score_clusters(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> ClusterScores:
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    precision, recall, f1 = bcubed(gold, predicted)
    return ClusterScores(
        precision, recall, f1,
        float(adjusted_rand_score(gold, predicted)),
        float(normalized_mutual_info_score(gold, predicted)),
        len(gold), len(set(predicted)), len(set(gold)),
    )


def read_gold(path: Path) -> dict[str, str]:
    """``{"id", "story"}`` lines → id → story (stories compared as strings)."""
    gold = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            gold[str(record["id"])] = str(record["story"])
        except (json.JSONDecodeError, KeyError, TypeError):
            raise InputError(f"{path}:{number}", 'expected a JSON object with "id" and "story"'
                             ) from None
    return gold


def write_assignments(path: Path, ids: Sequence[str], stories: Sequence[str]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for article_id, story in zip(ids, stories, strict=True):
            out.write(json.dumps({"id": article_id, "story": story}) + "\n")


def score_assignments(
    articles: Sequence[Article], stories: Sequence[str], gold: dict[str, str], where: str
) -> ClusterScores:
    """Scores over the articles that have a gold story; an article without one is an error."""
    missing = [a.id for a in articles if a.id not in gold]
    if missing:
        raise InputError(where, f"no gold story for {len(missing)} document(s), e.g. "
                         f"{missing[0]!r}; the gold file must list every document id")
    return score_clusters([gold[a.id] for a in articles], list(stories))


@dataclass
class ClusterRun:
    ids: list[str]
    stories: list[str]
    problems: list[InputProblem]
    scores: ClusterScores | None = None


def evaluate_cluster_file(docs: Path, out: Path, gold: Path | None = None,
                          settings: StoriesSettings = DEFAULTS.stories,
                          level: str = "event") -> ClusterRun:
    """Read ``docs`` in stream order, cluster them as ingest does (with ``settings``) into
    events or (``level`` storyline) storylines, write ``{"id","story"}`` lines to ``out`` and,
    given ``gold``, score them. Unreadable lines are reported, not fatal."""
    from newsprism.ingest import read_articles
    from newsprism.stories import cluster_articles

    gold_stories = read_gold(gold) if gold else None  # fail before the slow part
    ingested = read_articles([docs])
    if not ingested.articles:
        raise InputError(str(docs), "no documents to cluster")
    stories = cluster_articles(ingested.articles, level, **settings.clusterer_params())
    ids = [a.id for a in ingested.articles]
    write_assignments(out, ids, stories)
    run = ClusterRun(ids, stories, list(ingested.problems))
    if gold_stories is not None:
        run.scores = score_assignments(ingested.articles, stories, gold_stories, str(gold))
    return run
