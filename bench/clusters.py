"""Story clustering: newsprism against TF-IDF baselines, side by side, on the same streams.

    python bench/clusters.py ecbplus      # ECB+ train and dev topics, documents by subtopic,
                                          # also as keyword lines, headlines and lower-cased
                                          # headlines (stories.train.short_forms)
    python bench/clusters.py googlenews   # GoogleNews-TS, 11,109 short texts in 152 stories
    python bench/clusters.py semeval      # SemEval-2022 task 8 sample: English article pairs
    python bench/clusters.py storylines   # events and storylines: ECB+ dev at both levels (its
                                          # topics are storylines), GoogleNews-TS storylines on
                                          # held-out halves, memory of both levels on 22k articles
    python bench/clusters.py styles       # ECB+ dev as keyword lines, headlines, lower-cased
                                          # headlines and lower-cased articles, at both levels
    ... --encoder minilm                  # lead embeddings from MiniLM instead of WordLlama

ECB+ documents carry no order, titles or dates; the stream is the documents shuffled with a fixed
seed (the same stream for both systems); GoogleNews is read in file order (no dates either).
newsprism runs with its shipped defaults: no knowledge of the number of stories, the link model
and thresholds of ``link-v2.json`` (learned and cross-validated on ECB+ train only; re-learned and
printed here so they can be checked). ECB+ dev, GoogleNews and SemEval are held out. On SemEval
the link probability of two single articles ranks pairs against the annotators' "Overall"
similarity (1 = very similar .. 4 = unrelated), next to the TF-IDF cosine of the two texts.
Two baselines over TF-IDF vectors (sublinear, English stop words, IDF fitted on the whole set):
average-linkage agglomerative clustering on cosine distance, of the whole set at once, and
single-pass clustering, the classic incremental baseline of topic detection and tracking (each
document, in stream order, joins the nearest centroid at a cosine threshold), which works under
newsprism's own conditions. Each baseline's threshold is swept and the best F1 on the evaluated
set itself is reported (an oracle, in the baseline's favour), next to the threshold chosen on ECB+
train. For a like-for-like view, newsprism's join threshold is swept the same way (its oracle):
defaults against a baseline at its train threshold, and oracle against oracle, separate how good
the model is from how well one threshold carries from ECB+ to a stream whose stories are broader
or narrower.
Also measured: clustering throughput given analysed articles, memory over the long stream, and
why stories split (``diagnose_splits``: where each article that started a story found its own).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import tempfile
import time
import tracemalloc
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from rich.progress import track
from scipy.sparse import csr_matrix

from newsprism.analyse import analyse_articles
from newsprism.evaluate.clusters import ClusterScores, score_clusters
from newsprism.ingest import read_articles
from newsprism.model import Article
from newsprism.stories.cluster import (
    Story,
    StoryChanges,
    StoryClusterer,
    final_story_ids,
    load_link_model,
)
from newsprism.stories.features import Profile, embed_leads, extract_profiles
from newsprism.stories.link import (
    FEATURE_NAMES,
    DocumentFrequencies,
    link_features,
    link_probability,
)
from newsprism.stories.storyline_train import cross_validate, read_googlenews
from newsprism.stories.storylines import cluster_levels, sweep_levels
from newsprism.stories.train import (
    SHORT_FORMS,
    learn_link_model,
    lower_cased_form,
    read_ecbplus,
    short_forms,
)

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
THRESHOLDS = np.round(np.arange(0.05, 1.0, 0.025), 3)  # average link: cosine distances
SINGLE_PASS_THRESHOLDS = np.round(np.arange(0.05, 0.525, 0.025), 3)  # cosine similarities
OWN_THRESHOLDS = (0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6)  # link probabilities
CHECKPOINT = 1000
STYLES = (*SHORT_FORMS, "lower-cased articles")  # streams of another style (``short_styles``)
MEMORY_HOT_STORIES = 500  # small enough that eviction runs on an 11k-article stream


def write_eval_files(folder: Path, name: str, articles: list[Article], gold: list[str]
                     ) -> list[Article]:
    """DOCS/GOLD files for `newsprism eval cluster`; the stream is read back through ingest, as
    the command reads it, so both measure the same articles."""
    with (folder / f"{name}.docs.jsonl").open("w") as docs, \
            (folder / f"{name}.gold.jsonl").open("w") as labels:
        for article, story in zip(articles, gold, strict=True):
            docs.write(json.dumps({"id": article.id, "title": article.title,
                                   "text": article.text}) + "\n")
            labels.write(json.dumps({"id": article.id, "story": story}) + "\n")
    ingested = read_articles([folder / f"{name}.docs.jsonl"])
    if [a.id for a in ingested.articles] != [a.id for a in articles]:
        sys.exit(f"{name}: ingest did not read back every document: {ingested.problems[:3]}")
    return ingested.articles


def profile_stream(articles: list[Article], encoder: str) -> tuple[list, dict[str, float]]:
    started = time.perf_counter()
    analyses = []
    for begin in track(range(0, len(articles), 200), description="analysing"):
        analyses += analyse_articles(articles[begin:begin + 200])
    analysed = time.perf_counter()
    profiles = extract_profiles(analyses, embed_leads(analyses, encoder))
    profiled = time.perf_counter() - analysed
    items = [(a.id, p) for a, p in zip(articles, profiles, strict=True)]
    print(f"{len(articles)} documents: analysis {(analysed - started) / len(articles) * 1e3:.1f} "
          f"ms/article, lead embedding ({encoder}) + profile {profiled / len(articles) * 1e3:.2f} "
          "ms/article")
    return items, {"analysis_s": analysed - started, "profiles_s": profiled}


def run_newsprism(items: list, trace: bool = False, **params: object
                  ) -> tuple[list[str], dict[str, object]]:
    """Cluster like ingest does (batches of 100, changes drained as a store would). With
    ``trace``, record traced memory and hot stories every ``CHECKPOINT`` articles (tracing slows
    Python down, so throughput is measured on a run without it)."""
    clusterer = StoryClusterer(**params)  # type: ignore[arg-type]
    placed: list[str] = []
    changes = StoryChanges()  # all of the stream's, as a store records them
    curve = []
    if trace:
        tracemalloc.start()
    started = time.perf_counter()

    def drain() -> None:
        batch = clusterer.pop_changes()
        changes.merged.update(batch.merged)
        changes.moved.update(batch.moved)

    for begin in range(0, len(items), 100):
        placed += clusterer.partial_fit(items[begin:begin + 100])
        drain()
        if trace and ((begin + 100) % CHECKPOINT == 0 or begin + 100 >= len(items)):
            curve.append((min(begin + 100, len(items)),
                          round(tracemalloc.get_traced_memory()[0] / 1e6, 1),
                          len(clusterer.stories_)))
    clusterer.revisit()  # the stream has ended
    drain()
    elapsed = time.perf_counter() - started
    if trace:
        tracemalloc.stop()
    return final_story_ids(items, placed, changes), {"articles_per_s": len(items) / elapsed,
                                                     "memory": curve}


class WatchedClusterer(StoryClusterer):
    """The shipped clusterer, noting for each article that starts a story where its own gold
    story stood: none of it hot, a piece of it among the candidates (but linked below the join
    threshold), or a piece of it hot but not among the candidates."""

    def __init__(self, gold_of: dict[str, str]) -> None:
        super().__init__(second_look=0)  # where articles stood when first placed
        self.gold_of = gold_of
        self.story_gold: defaultdict[str, Counter[str]] = defaultdict(Counter)
        self.started: Counter[str] = Counter()
        self.missed: list[float] = []  # the best probability of a piece of its own story

    def _decide(self, article_id: str, profile: Profile, scored: list) -> Story | None:
        choice = super()._decide(article_id, profile, scored)
        if choice is None:
            own = self.gold_of[article_id]
            pieces = {s.id for s in self.stories_.values()
                      if self.story_gold[s.id].most_common(1)[0][0] == own}
            shown = [p for s, p in scored if s.id in pieces]
            self.missed += [max(shown)] if shown else []
            self.started["a piece among the candidates" if shown else
                         "a piece hot, not a candidate" if pieces else "none of it hot"] += 1
        return choice


def diagnose_splits(name: str, items: list, gold: list[str]) -> None:
    """Why stories split: where each article that started a story stood (see
    ``WatchedClusterer``), with merges and evictions."""
    clusterer = WatchedClusterer({i: g for (i, _), g in zip(items, gold, strict=True)})
    merges = evictions = 0
    for item, label in zip(items, gold, strict=True):
        clusterer.story_gold[clusterer.partial_fit([item])[0]][label] += 1
        changes = clusterer.pop_changes()
        for old, new in changes.merged.items():
            clusterer.story_gold[new] += clusterer.story_gold.pop(old, Counter())
        merges, evictions = merges + len(changes.merged), evictions + len(changes.evicted)
    quartiles = np.quantile(clusterer.missed, [0.25, 0.5, 0.75]).round(3).tolist() \
        if clusterer.missed else []
    print(f"{name:19s} {sum(clusterer.started.values())} articles started a story; where their "
          f"own gold story stood: {dict(clusterer.started)}; its best piece's link probability "
          f"(quartiles) {quartiles}; merges {merges}, evictions {evictions}")


def tfidf_vectors(articles: list[Article]) -> csr_matrix:
    """The baselines' document vectors: TF-IDF (sublinear, English stop words), unit length, the
    IDF fitted on the whole set at once (in the baselines' favour)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(
        [a.text for a in articles]).tocsr()


def average_link_scores(vectors: csr_matrix, gold: list[str]) -> dict[float, ClusterScores]:
    """Average-linkage agglomerative clustering of the whole set at once, cut at each cosine
    distance in ``THRESHOLDS``."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    distance = 1.0 - (vectors @ vectors.T).toarray().astype(np.float32)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(np.clip(distance, 0.0, None), checks=False), method="average")
    return {float(t): score_clusters(gold, fcluster(tree, t, criterion="distance").tolist())
            for t in THRESHOLDS}


def single_pass_labels(vectors: csr_matrix, threshold: float) -> list[int]:
    """Single-pass clustering, the classic incremental baseline of topic detection and tracking:
    each document, in stream order, joins the cluster whose centroid (the sum of its members'
    vectors) is nearest by cosine when that reaches ``threshold``, or else starts one."""
    centroids = np.zeros((64, vectors.shape[1]), dtype=np.float32)
    squared_norms = np.zeros(64, dtype=np.float64)
    labels: list[int] = []
    clusters = 0
    for row in range(vectors.shape[0]):
        start, end = vectors.indptr[row], vectors.indptr[row + 1]
        terms, weights = vectors.indices[start:end], vectors.data[start:end].astype(np.float32)
        dots = centroids[:clusters, terms] @ weights
        cosines = dots / np.sqrt(np.maximum(squared_norms[:clusters], 1e-12))
        best = int(np.argmax(cosines)) if clusters else -1
        joined = best >= 0 and cosines[best] >= threshold
        if not joined:
            if clusters == len(centroids):
                centroids = np.vstack([centroids, np.zeros_like(centroids)])
                squared_norms = np.concatenate([squared_norms, np.zeros_like(squared_norms)])
            best, clusters = clusters, clusters + 1
        squared_norms[best] += 2.0 * (dots[best] if joined else 0.0) + weights @ weights
        centroids[best, terms] += weights
        labels.append(best)
    return labels


def single_pass_scores(vectors: csr_matrix, gold: list[str]) -> dict[float, ClusterScores]:
    return {float(t): score_clusters(gold, single_pass_labels(vectors, t))
            for t in SINGLE_PASS_THRESHOLDS}


BASELINES = {"TF-IDF average-link": average_link_scores, "TF-IDF single-pass": single_pass_scores}


def baseline_scores(articles: list[Article], gold: list[str]
                    ) -> dict[str, dict[float, ClusterScores]]:
    """Each baseline's scores at each of its thresholds."""
    vectors = tfidf_vectors(articles)
    return {name: scores(vectors, gold) for name, scores in BASELINES.items()}


def best_threshold(scores: dict[float, ClusterScores]) -> float:
    return max(scores, key=lambda t: scores[t].bcubed_f1)


def best_thresholds(by_baseline: dict[str, dict[float, ClusterScores]]) -> dict[str, float]:
    return {name: best_threshold(scores) for name, scores in by_baseline.items()}


def show(name: str, system: str, scores: ClusterScores, note: str = "") -> None:
    print(f"{name:19s} {system:38s} P={scores.bcubed_precision:.3f} R={scores.bcubed_recall:.3f} "
          f"F1={scores.bcubed_f1:.3f} ARI={scores.ari:.3f} NMI={scores.nmi:.3f} "
          f"stories={scores.stories}/{scores.gold_stories} {note}")


def newsprism_oracle(items: list, gold: list[str], **params: object
                     ) -> tuple[float, ClusterScores]:
    """newsprism's join threshold swept on the evaluated set itself (merge threshold the shipped
    one, or the join threshold when higher): the oracle the baselines get, given to newsprism
    too."""
    merge = load_link_model()["merge_threshold"]
    scores = {t: score_clusters(gold, run_newsprism(items, threshold=t,
                                                    merge_threshold=max(t, merge), **params)[0])
              for t in OWN_THRESHOLDS}
    best = best_threshold(scores)
    return best, scores[best]


def compare(name: str, items: list, gold: list[str], articles: list[Article],
            train_thresholds: dict[str, float] | None = None, **params: object
            ) -> dict[str, float]:
    """newsprism and each baseline on one stream, each with the thresholds it learned from ECB+
    train (the baselines' only where given) and each at its best threshold on this stream
    (oracles); returns the baselines' best thresholds."""
    predicted, speed = run_newsprism(items, **params)
    ours = score_clusters(gold, predicted)
    own_best, ours_oracle = newsprism_oracle(items, gold, **params)
    show(name, "newsprism (defaults)", ours)
    show(name, "newsprism (best join threshold, oracle)", ours_oracle, f"threshold={own_best}")
    by_baseline = baseline_scores(articles, gold)
    best = best_thresholds(by_baseline)
    for baseline, by_threshold in by_baseline.items():
        oracle = by_threshold[best[baseline]]
        show(name, f"{baseline} (best, oracle)", oracle, f"threshold={best[baseline]}")
        ratios = f"defaults / its oracle {ours.bcubed_f1 / oracle.bcubed_f1:.3f}, " \
                 f"oracle / oracle {ours_oracle.bcubed_f1 / oracle.bcubed_f1:.3f}"
        if train_thresholds is not None:
            trained = by_threshold[train_thresholds[baseline]]
            show(name, f"{baseline} (ECB+ train thr.)", trained,
                 f"threshold={train_thresholds[baseline]}")
            ratios += f", defaults / it at its ECB+ train threshold " \
                      f"{ours.bcubed_f1 / trained.bcubed_f1:.3f}"
        print(f"{name:19s} F1 ratios newsprism / {baseline}: {ratios}")
    print(f"{name:19s} clustering {1e3 / speed['articles_per_s']:.2f} ms/article, given "
          "profiled articles")
    diagnose_splits(name, items, gold)
    if len(items) >= 2 * CHECKPOINT:
        _, traced = run_newsprism(items, trace=True, max_stories=MEMORY_HOT_STORIES)
        print(f"{name:19s} with at most {MEMORY_HOT_STORIES} hot stories, traced MB and hot "
              f"stories after n articles: {traced['memory']}")
    return best


def semeval_pairs(data: Path) -> tuple[list[Article], list[tuple[str, str, float]]]:
    """English-English original pairs (augmented, translated copies dropped) of both files."""
    pairs: dict[str, tuple[str, str, float]] = {}
    texts: dict[str, str] = {}
    for name in ("training_set", "testing_set"):
        with (data / "semeval2022_task8_sample" / f"{name}.csv").open(encoding="utf-8") as rows:
            for row in csv.DictReader(rows):
                if not re.fullmatch(r"\d+_\d+", row["pair_id"]) or \
                        (row["lang1"], row["lang2"]) != ("en", "en"):
                    continue
                first, second = row["pair_id"].split("_")
                texts[first], texts[second] = row["text1"], row["text2"]
                pairs[row["pair_id"]] = (first, second, float(row["Overall"]))
    return [Article(id=k, text=v) for k, v in texts.items()], list(pairs.values())


def compare_pairs(data: Path, encoder: str, model: dict) -> None:
    from scipy.stats import spearmanr
    from sklearn.metrics import roc_auc_score

    articles, pairs = semeval_pairs(data)
    items, _ = profile_stream(articles, encoder)
    profile = dict(items)
    frequencies = DocumentFrequencies()
    for _, p in items:
        frequencies.update(p)
    features = np.stack([link_features(profile[a], profile[b], frequencies) for a, b, _ in pairs])
    ours = link_probability(features, model["weights"], model["text_weights"])
    index = {a.id: n for n, a in enumerate(articles)}
    matrix = tfidf_vectors(articles)
    tfidf = np.array([(matrix[index[a]] @ matrix[index[b]].T).toarray()[0, 0]
                      for a, b, _ in pairs])
    overall = np.array([o for _, _, o in pairs])
    same = overall <= 1.5
    print(f"semeval: {len(pairs)} English pairs, {int(same.sum())} with Overall <= 1.5 "
          "(same story)")
    for name, score in (("newsprism link probability", ours), ("TF-IDF cosine", tfidf)):
        print(f"semeval    {name:28s} Spearman vs -Overall "
              f"{spearmanr(score, -overall).statistic:.3f}  AUC same story "
              f"{roc_auc_score(same, score):.3f}")


def trained_thresholds(sets: list[tuple[list[Article], list[str]]]) -> dict[str, float]:
    """Each baseline's threshold with the best mean F1 over these training sets."""
    by_set = [baseline_scores(articles, gold) for articles, gold in sets]
    return {name: max(by_set[0][name], key=lambda t: np.mean([s[name][t].bcubed_f1
                                                              for s in by_set]))
            for name in BASELINES}


def beside_baselines(name: str, ours: ClusterScores, articles: list[Article], gold: list[str],
                     trained: dict[str, float], note: str) -> None:
    """newsprism's scores, and each baseline's at its training-chosen threshold and (for
    information) at its best on this set."""
    show(name, "newsprism", ours, note)
    for baseline, by_threshold in baseline_scores(articles, gold).items():
        at_train, best = by_threshold[trained[baseline]], best_threshold(by_threshold)
        show(name, f"{baseline} (train thr.)", at_train, f"threshold={trained[baseline]}; "
             f"newsprism / it {ours.bcubed_f1 / at_train.bcubed_f1:.3f}")
        show(name, f"{baseline} (best, oracle)", by_threshold[best], f"threshold={best}")


def level_memory(items: list, copies: int = 2) -> None:
    """Both levels over the stream repeated ``copies`` times (ids made distinct), at most
    ``MEMORY_HOT_STORIES`` hot events and storylines: peak traced MB of runs over the first
    1,000, 5,000 and 20,000 articles, and clustering ms/article for events alone and for both
    levels (untraced runs)."""
    stream = [(f"{i}#{n}", p) for n in range(copies) for i, p in items]
    bounded = {"max_stories": MEMORY_HOT_STORIES}
    started = time.perf_counter()
    run_newsprism(stream, **bounded)
    alone = time.perf_counter() - started
    started = time.perf_counter()
    cluster_levels(stream, event_params=bounded,
                   storyline_params={"max_storylines": MEMORY_HOT_STORIES})
    both = time.perf_counter() - started
    print(f"{len(stream)} articles: clustering {alone / len(stream) * 1e3:.2f} ms/article for "
          f"events alone, {both / len(stream) * 1e3:.2f} with storylines (given profiles)")
    curve = []
    tracemalloc.start()
    for size in (1000, 5000, 20000):
        tracemalloc.reset_peak()
        cluster_levels(stream[:size], event_params=bounded,
                       storyline_params={"max_storylines": MEMORY_HOT_STORIES})
        curve.append((size, round(tracemalloc.get_traced_memory()[1] / 1e6, 1)))
    tracemalloc.stop()
    print(f"peak traced MB of both levels over n articles: {curve}")


def storylines(data: Path, folder: Path) -> None:
    """Events and storylines: ECB+ dev at both levels (a topic is a storyline), GoogleNews-TS
    at the storyline level, each held-out half scored by a model that never saw its stories
    (``storyline_train.cross_validate``), beside both baselines at thresholds chosen on the
    same training data; then memory and time of both levels on a long stream."""
    streams = read_ecbplus(data)
    profiled = {}
    for split in ("train", "dev"):
        articles, gold = streams[split]
        streams[split] = (write_eval_files(folder, f"ecbplus_{split}", articles, gold), gold)
        print(f"ecb+ {split}: ", end="")
        profiled[split], _ = profile_stream(streams[split][0], "wordllama")
    topics = {split: [g.split("_")[0] for g in gold] for split, (_, gold) in streams.items()}
    events, lines = cluster_levels(profiled["dev"])
    train = streams["train"][0]
    beside_baselines("ecb+ dev events", score_clusters(streams["dev"][1], events),
                     streams["dev"][0], streams["dev"][1],
                     trained_thresholds([(train, streams["train"][1])]), "(shipped)")
    beside_baselines("ecb+ dev storylines", score_clusters(topics["dev"], lines),
                     streams["dev"][0], topics["dev"],
                     trained_thresholds([(train, topics["train"])]), "(shipped)")
    articles, gold = read_googlenews(data)
    articles = write_eval_files(folder, "googlenews", articles, gold)
    items, _ = profile_stream(articles, "wordllama")
    text_of = {a.id: a for a in articles}
    folds = cross_validate((profiled["train"], topics["train"]), (items, gold))
    for fold in folds:
        test, fitted = fold["test"], fold["train"]
        (predicted,) = storyline_f1_lines(test, fold["model"])
        trained = trained_thresholds([(train, topics["train"]),
                                      ([text_of[i] for i, _ in fitted[0]], fitted[1])])
        beside_baselines(f"gn {fold['held_out'][-6:]}", score_clusters(test[1], predicted),
                         [text_of[i] for i, _ in test[0]], test[1], trained,
                         f"(learned on ECB+ train + the other half, {fold['setting']})")
    _, shipped = cluster_levels(items)
    show("googlenews", "newsprism shipped (trained on it: in sample)",
         score_clusters(gold, shipped))
    level_memory(items)


def styles_of(article: Article) -> dict[str, Article]:
    """The article in each of ``STYLES``: the short forms the thresholds are cross-validated
    on, and the whole article lower-cased."""
    return dict(zip(STYLES, (*short_forms(article).values(), lower_cased_form(article)),
                    strict=True))


def short_styles(data: Path, folder: Path) -> None:
    """ECB+ dev as streams of other styles (``styles_of``: keyword lines, headlines,
    lower-cased headlines, lower-cased articles) at both levels, events by subtopic and
    storylines by topic, with the shipped models, beside both baselines at thresholds chosen on
    ECB+ train in the same style."""
    streams = read_ecbplus(data)
    for form in STYLES:
        styled = {split: ([styles_of(a)[form] for a in articles], gold)
                  for split, (articles, gold) in streams.items()}
        articles = write_eval_files(folder, f"ecbplus_dev_{form.replace(' ', '_')}",
                                    *styled["dev"])
        print(f"ecb+ dev {form}: ", end="")
        items, _ = profile_stream(articles, "wordllama")
        events, lines = cluster_levels(items)
        train, train_gold = styled["train"]
        for level, predicted, gold, train_labels in (
                ("events", events, styled["dev"][1], train_gold),
                ("storylines", lines, [g.split("_")[0] for g in styled["dev"][1]],
                 [g.split("_")[0] for g in train_gold])):
            beside_baselines(f"dev {form} {level}", score_clusters(gold, predicted),
                             articles, gold, trained_thresholds([(train, train_labels)]),
                             "(shipped)")


def storyline_f1_lines(stream: tuple[list, list[str]], model: dict) -> list[list[str]]:
    return sweep_levels(stream[0], [{k: model[k] for k in (
        "weights", "text_weights", "threshold", "merge_threshold", "first_look",
        "split_threshold")}])[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dataset", choices=["ecbplus", "googlenews", "semeval", "storylines",
                                            "styles"])
    parser.add_argument("--keep", type=Path, help="write DOCS/GOLD JSONL files here")
    parser.add_argument("--data", type=Path, default=DATA, help=f"default: {DATA}")
    parser.add_argument("--encoder", choices=["wordllama", "minilm"], default="wordllama",
                        help="lead embeddings; with minilm the link model is re-learned on "
                             "ECB+ train (ecbplus only)")
    args = parser.parse_args()
    if not args.data.exists():
        sys.exit(f"{args.data}: benchmark data not found; pass --data")
    if args.encoder != "wordllama" and args.dataset != "ecbplus":
        sys.exit("--encoder minilm re-learns the link model on ECB+ train: use it with ecbplus")
    shipped = load_link_model()
    folder = args.keep or Path(tempfile.mkdtemp())
    if args.dataset == "ecbplus":
        streams = read_ecbplus(args.data)
        # The same documents in short styles (keyword lines as GoogleNews-TS and many feeds
        # bring them, headlines, lower-cased headlines): how the clustering holds on them.
        for split in ("train", "dev"):
            articles, gold = streams[split]
            for form in SHORT_FORMS:
                streams[f"{split} {form}"] = ([short_forms(a)[form] for a in articles], gold)
        profiled = {}
        for split, (articles, gold) in streams.items():
            articles = write_eval_files(folder, f"ecbplus_{split.replace(' ', '_')}", articles,
                                        gold)
            streams[split] = (articles, gold)
            print(f"ecb+ {split}: ", end="")
            profiled[split], _ = profile_stream(articles, args.encoder)
        learned = learn_link_model(profiled["train"], streams["train"][1])
        print("link weights learned on train now vs shipped (all features; names hidden):")
        for n, feature in enumerate(("intercept", *FEATURE_NAMES)):
            print(f"  {feature:16s} {learned['weights'][n]:+.3f} {shipped['weights'][n]:+.3f}  "
                  f"{learned['text_weights'][n]:+.3f} {shipped['text_weights'][n]:+.3f}")
        params = learned if args.encoder != "wordllama" else {}
        for form in ("", *(f" {form}" for form in SHORT_FORMS)):
            thresholds = compare(f"ecb+ train{form}", profiled[f"train{form}"],
                                 streams[f"train{form}"][1], streams[f"train{form}"][0], **params)
            compare(f"ecb+ dev{form}", profiled[f"dev{form}"], streams[f"dev{form}"][1],
                    streams[f"dev{form}"][0], thresholds, **params)
    elif args.dataset == "storylines":
        storylines(args.data, folder)
    elif args.dataset == "styles":
        short_styles(args.data, folder)
    elif args.dataset == "googlenews":
        articles, gold = read_googlenews(args.data)
        articles = write_eval_files(folder, "googlenews", articles, gold)
        items, _ = profile_stream(articles, args.encoder)
        # The baselines' thresholds as chosen on ECB+ train (no analysis needed for TF-IDF).
        compare("googlenews", items, gold, articles,
                best_thresholds(baseline_scores(*read_ecbplus(args.data)["train"])))
    else:
        compare_pairs(args.data, args.encoder, shipped)
        return
    print(f"DOCS/GOLD files for `newsprism eval cluster`: {folder}")


if __name__ == "__main__":
    main()
