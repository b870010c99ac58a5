"""Score newsprism's summaries, and baselines', against human summaries with ROUGE.

Input is JSONL, one cluster a line, in either of two shapes::

    {"cluster_id": "M000", "documents": [{"doc_id": "M0000", "text": "..."}], "references": [...]}
    {"id": "e45a...", "documents": ["...", "..."], "summary": "..."}

Every system gets the same sentences (``split_sentences``, as in production) and the same budget.
Scores are ROUGE-1, -2 and -L recall and F1 (rouge-score, Porter stemming), the summary cut to
``words`` words, averaged over a cluster's references and then over clusters.

Baselines: ``lead`` (first sentences of the articles in turn: every first sentence, then every
second one, ...), ``lexrank`` and ``textrank`` (sumy), and ``centroid`` (sentences closest to the
cluster's tf-idf centroid, skipping near-duplicates). They see only the sentences newsprism may
extract (no headlines or fragments) and fill the budget, their last sentence cut by the scorer.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from newsprism.errors import InputError, NewsprismError
from newsprism.ingest.normalise import normalise_text
from newsprism.model import Article, Sentence
from newsprism.summarize import Summarizer
from newsprism.summarize.features import is_extractable
from newsprism.summarize.redundancy import content_stems
from newsprism.summarize.words import count_words, tokenize

if TYPE_CHECKING:
    from rich.console import Console
    from rouge_score.rouge_scorer import RougeScorer

METRICS = ("rouge1", "rouge2", "rougeL")
MetricScores = dict[str, tuple[float, float]]  # metric -> (recall, F1)
NEWSPRISM = "newsprism"


@dataclass(frozen=True, slots=True)
class Cluster:
    id: str
    articles: tuple[Article, ...]
    references: tuple[str, ...]


@dataclass(slots=True)
class SystemScores:
    """Mean ROUGE recall and F1 (as fractions) of one system over the clusters it summarised."""

    system: str
    recall: dict[str, float] = field(default_factory=dict)
    f1: dict[str, float] = field(default_factory=dict)
    clusters: int = 0
    seconds: float = 0.0  # summarising time per cluster, sentence splitting excluded


@dataclass(slots=True)
class SummaryReport:
    words: int
    systems: list[SystemScores]
    split_seconds: float  # sentence splitting per cluster, shared by every system
    articles_per_cluster: float
    problems: list[str]


def read_clusters(path: Path) -> tuple[list[Cluster], list[str]]:
    """The clusters of a JSONL file, and one line per cluster that could not be read."""
    clusters: list[Cluster] = []
    problems: list[str] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read the cluster file ({exc})") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            clusters.append(_parse_cluster(json.loads(line), number))
        except (json.JSONDecodeError, InputError, TypeError, KeyError, AttributeError) as exc:
            problems.append(f"{path}:{number}: {getattr(exc, 'problem', exc)}")
    if not clusters:
        raise InputError(str(path), "no readable cluster in the file; expected one JSON object "
                         'a line with "documents" and "references" or "summary"')
    return clusters, problems


def _parse_cluster(record: dict, number: int) -> Cluster:
    cluster_id = str(record.get("cluster_id") or record.get("id") or f"line{number}")
    articles = []
    for k, doc in enumerate(record["documents"]):
        text, doc_id = (doc, f"{cluster_id}.{k}") if isinstance(doc, str) else (
            doc["text"], str(doc.get("doc_id") or doc.get("id") or f"{cluster_id}.{k}"))
        if text := normalise_text(text):
            articles.append(Article(doc_id, text))
    if not articles:
        raise InputError(cluster_id, "the cluster has no document with text")
    references = record.get("references") or record.get("summary") or []
    if isinstance(references, str):
        references = [references]
    return Cluster(cluster_id, tuple(articles), tuple(r for r in references if r.strip()))


def cut_words(text: str, words: int) -> str:
    return " ".join(text.split()[:words])


def score_summary(summary: Sequence[str], references: Sequence[str], words: int
                  ) -> MetricScores:
    """``{metric: (recall, f1)}`` of ``summary`` cut to ``words`` words, averaged over
    ``references``."""
    scorer = _scorer()
    text = cut_words(" ".join(summary), words)
    scores = [scorer.score(reference, text) for reference in references]
    return {
        m: (float(np.mean([s[m].recall for s in scores])),
            float(np.mean([s[m].fmeasure for s in scores])))
        for m in METRICS
    }


@cache  # one scorer serves every summary
def _scorer() -> RougeScorer:
    from rouge_score.rouge_scorer import RougeScorer

    return RougeScorer(list(METRICS), use_stemmer=True)


# --- baselines: each takes the cluster's sentences and a budget, returns texts in order --------

def _fill(ranked: Sequence[Sentence], words: int) -> list[str]:
    """Take ranked sentences until the budget is reached (the scorer cuts the last one)."""
    out: list[str] = []
    total = 0
    for sentence in ranked:
        if total >= words:
            break
        out.append(sentence.text)
        total += count_words(sentence.text)
    return out


def _pool(documents: Sequence[Sequence[Sentence]]) -> list[Sentence]:
    return [s for doc in documents for s in doc if is_extractable(s)]


def lead_baseline(documents: Sequence[Sequence[Sentence]], words: int) -> list[str]:
    ranked = sorted(_pool(documents), key=lambda s: s.index)  # stable: article order in a rank
    return _fill(ranked, words)


def centroid_baseline(documents: Sequence[Sequence[Sentence]], words: int) -> list[str]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    pool = _pool(documents)
    if not pool:
        return []
    vectors = TfidfVectorizer(analyzer=content_stems).fit_transform(s.text for s in pool)
    centroid = np.asarray(vectors.mean(axis=0)).ravel()
    score = vectors @ centroid / (np.linalg.norm(centroid) or 1.0)
    chosen: list[int] = []
    for i in np.argsort(-score):
        if all((vectors[i] @ vectors[j].T).toarray()[0, 0] < 0.5 for j in chosen):
            chosen.append(int(i))
        if sum(count_words(pool[j].text) for j in chosen) >= words:
            break
    return [pool[j].text for j in chosen]


class _WordTokenizer:
    """sumy's tokenizer interface without NLTK data: sentences are already split."""

    language = "english"

    @staticmethod
    def to_sentences(text: str) -> list[str]:
        return [text]

    @staticmethod
    def to_words(text: str) -> list[str]:
        return tokenize(text)


def _sumy_baseline(name: str) -> Callable[[Sequence[Sequence[Sentence]], int], list[str]]:
    def run(documents: Sequence[Sequence[Sentence]], words: int) -> list[str]:
        from sumy.models.dom import ObjectDocumentModel, Paragraph
        from sumy.models.dom import Sentence as SumySentence
        from sumy.nlp.stemmers import Stemmer
        from sumy.summarizers.lex_rank import LexRankSummarizer
        from sumy.summarizers.text_rank import TextRankSummarizer
        from sumy.utils import get_stop_words

        pool = _pool(documents)
        if not pool:
            return []
        by_text = {s.text: s for s in reversed(pool)}  # sumy hands back its own sentence objects
        tokenizer = _WordTokenizer()
        document = ObjectDocumentModel(
            [Paragraph([SumySentence(s.text, tokenizer) for s in pool])]
        )
        summarizer = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer}[name](
            Stemmer("english")
        )
        summarizer.stop_words = get_stop_words("english")
        ranked: list[Sentence] = []

        def keep_ranking(infos: list) -> list:  # sumy passes sentences best first
            ranked.extend(by_text[str(info.sentence)] for info in infos)
            return []

        summarizer(document, keep_ranking)
        return _fill(ranked, words)

    return run


BASELINES: dict[str, Callable[[Sequence[Sequence[Sentence]], int], list[str]]] = {
    "lead": lead_baseline,
    "lexrank": _sumy_baseline("lexrank"),
    "textrank": _sumy_baseline("textrank"),
    "centroid": centroid_baseline,
}


# --- the harness -------------------------------------------------------------------------------

def file_name(cluster_id: str) -> str:
    return re.sub(r"[^\w.-]", "_", cluster_id) + ".txt"


def read_system_outputs(systems: Path, cluster_ids: Sequence[str]) -> dict[str, dict[str, str]]:
    """Peer summaries laid out as ``systems/<system>/<cluster_id>``: {system: {cluster: text}}."""
    found: dict[str, dict[str, str]] = {}
    for folder in sorted(p for p in systems.iterdir() if p.is_dir()):
        texts = {c: (folder / c).read_text(encoding="utf-8", errors="replace")
                 for c in cluster_ids if (folder / c).is_file()}
        if texts:
            found[folder.name] = texts
    if not found:
        raise InputError(str(systems), "no system folder holds a summary named after a cluster")
    return found


def evaluate_summaries(
    path: Path,
    words: int,
    out: Path,
    baselines: Sequence[str] = tuple(BASELINES),
    systems: Path | None = None,
    summarizer: Summarizer | None = None,
    progress: bool = True,
) -> SummaryReport:
    """Summarise every cluster of ``path`` into ``out/<cluster_id>.txt`` and score newsprism,
    the ``baselines`` and any peer summaries under ``systems`` against the references."""
    from rich.progress import Progress

    from newsprism.analyse.sentences import split_sentences

    unknown = sorted(set(baselines) - set(BASELINES))
    if unknown:
        raise NewsprismError(f"--baselines: unknown {', '.join(unknown)}; choose from "
                             f"{', '.join(BASELINES)}")
    clusters, problems = read_clusters(path)
    summarizer = summarizer or Summarizer(words)
    peers = read_system_outputs(systems, [c.id for c in clusters]) if systems else {}
    runs = [NEWSPRISM, *baselines]
    scores: dict[str, list[MetricScores]] = {name: [] for name in [*runs, *peers]}
    seconds: dict[str, float] = dict.fromkeys(scores, 0.0)
    split = 0.0
    out.mkdir(parents=True, exist_ok=True)
    with Progress(disable=not progress, transient=True) as bar:
        task = bar.add_task("summarising clusters", total=len(clusters))
        for cluster in clusters:
            started = time.perf_counter()
            documents = split_sentences(cluster.articles)
            split += time.perf_counter() - started
            for name in runs:
                started = time.perf_counter()
                texts = _summary(name, documents, summarizer, words)
                seconds[name] += time.perf_counter() - started
                if name == NEWSPRISM:
                    (out / file_name(cluster.id)).write_text(
                        "".join(t.replace("\n", " ") + "\n" for t in texts), encoding="utf-8")
                if cluster.references:
                    scores[name].append(score_summary(texts, cluster.references, words))
            for name, texts_by_cluster in peers.items():
                if cluster.references and cluster.id in texts_by_cluster:
                    scores[name].append(
                        score_summary([texts_by_cluster[cluster.id]], cluster.references, words))
            bar.advance(task)
    return SummaryReport(
        words=words,
        systems=[_mean_scores(name, scores[name], seconds[name] / len(clusters))
                 for name in scores],
        split_seconds=split / len(clusters),
        articles_per_cluster=float(np.mean([len(c.articles) for c in clusters])),
        problems=problems,
    )


def _summary(name: str, documents: Sequence[Sequence[Sentence]], summarizer: Summarizer,
             words: int) -> list[str]:
    """The sentences newsprism (``summarizer``) or the baseline ``name`` picks, in order."""
    if name == NEWSPRISM:
        return [s.text for s in summarizer.run(documents)]
    return BASELINES[name](documents, words)


def _mean_scores(name: str, per_cluster: list[MetricScores], seconds: float) -> SystemScores:
    result = SystemScores(name, clusters=len(per_cluster), seconds=seconds)
    for m in METRICS:
        result.recall[m] = float(np.mean([s[m][0] for s in per_cluster])) if per_cluster else 0.0
        result.f1[m] = float(np.mean([s[m][1] for s in per_cluster])) if per_cluster else 0.0
    return result


def print_report(report: SummaryReport, console: Console) -> None:
    """The scores side by side, best first, as a Rich table (percentages)."""
    from rich.table import Table

    table = Table(title=f"ROUGE at {report.words} words (recall / F1, %, Porter stemming)")
    table.add_column("system", no_wrap=True)
    for m in METRICS:
        name = m.replace("rouge", "R-").upper()
        table.add_column(f"{name} R", justify="right", no_wrap=True)
        table.add_column(f"{name} F", justify="right", no_wrap=True)
    table.add_column("n", justify="right", no_wrap=True)
    table.add_column("s/cl", justify="right", no_wrap=True)
    scored = [s for s in report.systems if s.clusters]
    for s in sorted(scored, key=lambda s: -s.recall["rouge2"]):
        cells = [f"{100 * v:.2f}" for m in METRICS for v in (s.recall[m], s.f1[m])]
        timing = f"{s.seconds:.3f}" if s.seconds else "-"
        style = "bold" if s.system == NEWSPRISM else None
        table.add_row(s.system, *cells, str(s.clusters), timing, style=style)
    console.print(table)
    console.print(f"sentence splitting: {report.split_seconds:.3f} s per cluster of "
                  f"{report.articles_per_cluster:.1f} articles")
    for problem in report.problems:
        console.print(f"[yellow]skipped[/] {problem}")
