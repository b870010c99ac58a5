"""The real clusters of ``newsprism eval compare``: which ones (``select_clusters``, seeded, fixed
before any judging) and their articles read from ``../shared/data`` in place (``export_clusters``),
never copied into the repository.

Three corpora, four clusters each, two ``tune`` and two ``heldout``:
- ``ecbplus_traindev``: a dev subtopic of the original ECB documents (wire-archive style with
  ```` … '' `` quotes; the ECB+ additions open with URL and page-furniture lines), with real
  reporting (a median of at least 5 sentences a document), at most its first 10 documents by
  number; the tokenised text is detokenised by ``detokenise``.
- ``multiling2011_en``: a topic, its 10 WikiNews articles; the first line gives date and title.
- ``multinews200``: a cluster of at least 3 news articles of 150 to 2,500 words each, minus the
  few read and found not to report one news event (``NOT_ONE_EVENT``).
- ``fnc1_train``: rows only, never drawn by ``select_clusters``: the article bodies of one
  rumour or claim of the Fake News Challenge's train split (``align_train``, Emergent's claims of
  2014-2015): bodies joined where a headline is related to both (agree, disagree or discuss), at
  most their first 10 by body id of 150 to 2,500 words, with no title, outlet or date. The
  cluster is named by its smallest body id.
- ``semeval2022_task8_sample``: rows only, never drawn by ``select_clusters``: an English pair of
  news articles of 2019-2020 the SemEval-2022 task 8 annotators scored the same story (Overall
  at most 1.5), head+tail cuts of about 1,000 characters with no title, outlet or date. The
  cluster is named by its ``pair_id``; pairs sharing an article are one cluster, named by the
  first of their pair_ids in sort order.
Article ids survive ingest's id cleaning unchanged: ``ecb.2_1ecb``, ``ml.M0001``,
``mn.3b5368b3.2``, ``semeval.1483803735``, ``fnc.2318``.
"""

from __future__ import annotations

import csv
import json
import random
import re
import statistics
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsprism.errors import InputError
from newsprism.ingest.fields import url_outlet
from newsprism.model import Article

SEED = 18  # the number; the shuffle picks clusters and halves before any judging
PER_CORPUS = 4  # the first two of the shuffled four tune, the last two are held out
ECB, MULTILING, MULTINEWS = "ecbplus_traindev", "multiling2011_en", "multinews200"
SEMEVAL = "semeval2022_task8_sample"
FNC = "fnc1_train"  # its files are in ``align_train``
CORPORA = (ECB, MULTILING, MULTINEWS)  # the ones ``select_clusters`` draws from
SEMEVAL_FILES = ("training_set.csv", "testing_set.csv")  # a pair in both is read from the first
SEMEVAL_SAME_STORY = 1.5  # Overall: 1 is very similar, 4 very dissimilar
MAX_DOCS = 10  # a cluster's first documents by number (ECB+ topics, FNC-1 claims)
NOT_ONE_EVENT = {
    "e45abfcb": "evictions of protest camps in two cities",
}
DEFAULT_TSV = Path("bench/compare_gold/clusters.tsv")

# Tokens written against the word before them, and tokens the next word is written against.
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", "'", "''", ")", "]", "n't",
                    "'s", "'S", "'re", "'ve", "'ll", "'d", "'m"}
_NO_SPACE_AFTER = {"(", "[", "``"}
# "11 / 30 / 09", "05: 40 PM", "a. m.": a stamp's numbers and clock as ``detokenise`` leaves them.
_STAMP_TIME = re.compile(r"\b\d{1,4}(?: ?[/:] ?\d{1,4})+\b|\b[ap]\. m\.", re.IGNORECASE)
_ML_TITLE = re.compile(r"^(?P<date>\d{4}/\d{2}/\d{2})\s+(?P<title>.+)$")
_ML_DATELINE = re.compile(r"^\w+day, (?P<date>\w+ \d{1,2}, \d{4})$")


@dataclass(frozen=True)
class ClusterRow:
    corpus: str
    cluster: str
    half: str  # tune | heldout


def detokenise(sentence: str) -> str:
    """ECB's space-joined tokens as running text: no space before punctuation, closing brackets,
    closing quotes and clitics, none after opening brackets and ````; ```` and '' stay as the
    quote marks, as the wire archives print them."""
    words: list[str] = []
    for token in sentence.split():
        if words and token not in _NO_SPACE_BEFORE and words[-1] not in _NO_SPACE_AFTER:
            words.append(" ")
        words.append(token)
    return "".join(words)


def _ecb_number(doc_id: str) -> int:
    return int(re.match(r"\d+_(\d+)", doc_id)[1])  # type: ignore[index]


def _ecb_clusters(
    data: Path, splits: tuple[str, ...] = ("dev",), halves: tuple[str, ...] = ("_ecb",)
) -> dict[str, list[dict[str, Any]]]:
    """Subtopics of the original ECB documents with real reporting, as raw records: the dev
    topics are the ones ``select_clusters`` draws from; train topics can be exported too, for
    clusters judged past the selection (the ``audit`` ones of ``clusters.tsv``), and so can the
    ECB+ additions (``halves`` with ``_ecbplus``): another event of the topic's kind, reported
    by web pages of many sites over days to years."""
    subtopics: dict[str, list[dict[str, Any]]] = {}
    with (data / ECB / "documents.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            doc = json.loads(line)
            if doc["split"] in splits and doc["subtopic"].endswith(halves):
                subtopics.setdefault(doc["subtopic"], []).append(doc)
    clusters = {}
    for name, docs in subtopics.items():
        if statistics.median(len(d["sentences"]) for d in docs) < 5 or len(docs) < 4:
            continue
        docs = sorted(docs, key=lambda d: _ecb_number(d["doc_id"]))[:MAX_DOCS]
        clusters[name] = [_ecbplus_record(d) if name.endswith("_ecbplus")
                          else {"id": f"ecb.{d['doc_id']}", "title": None, "outlet": None,
                                "date": None, "text": _ecb_text(d["sentences"])}
                          for d in docs]
    return clusters


def _ecbplus_record(doc: dict[str, Any]) -> dict[str, Any]:
    """An ECB+ addition: a web page whose first line is its URL, then its headline and time
    stamp lines as the page printed them, which ingest reads as any page's text. The URL gives
    the outlet, the site's host. Numbers around the tokenised "/" and ":" of stamps ("11 / 30 /
    09 05 : 40 PM") and tokenised "a . m ." are joined back as the page wrote them."""
    url = "".join(doc["sentences"][0].split())
    text = _ecb_text(doc["sentences"][1:])
    text = _STAMP_TIME.sub(lambda m: "".join(m[0].split()), text)
    return {"id": f"ecb.{doc['doc_id']}", "title": None, "outlet": url_outlet(url), "date": None,
            "url": url, "text": text}


def _ecb_text(sentences: Sequence[str]) -> str:
    """One paragraph a sentence, as wire copy mostly has it, except that a sentence inside an
    open ```` quote stays in its paragraph: ECB's sentence splits fall inside quotations. A
    quote is open when exactly one ```` of the paragraph is unclosed (a typo's stray second
    ```` must not glue the rest of the article into one paragraph)."""
    paragraphs: list[str] = []
    for sentence in map(detokenise, sentences):
        last = paragraphs[-1] if paragraphs else ""
        if paragraphs and last.count("``") - last.count("''") == 1:
            paragraphs[-1] = f"{last} {sentence}"
        else:
            paragraphs.append(sentence)
    return "\n\n".join(paragraphs)


def _multiling_record(cluster: str, doc: dict[str, Any]) -> dict[str, Any]:
    """A WikiNews article: "YYYY/MM/DD Title" (or the title alone) on its first line, often a
    "Saturday, January 1, 2005" line below it, which gives the date when the first line does not."""
    head, _, body = doc["text"].strip().partition("\n")
    date, title = None, head.strip()
    if found := _ML_TITLE.match(title):
        date, title = found["date"].replace("/", "-"), found["title"]
    body = body.strip()
    first, _, rest = body.partition("\n")
    if dateline := _ML_DATELINE.match(first.strip()):
        body = rest.strip()
        if date is None:
            from datetime import datetime

            date = datetime.strptime(dateline["date"], "%B %d, %Y").date().isoformat()
    number = doc["doc_id"].split(".")[0]
    return {"id": f"ml.{number}", "title": title, "outlet": "Wikinews", "date": date, "text": body}


def _multiling_clusters(data: Path) -> dict[str, list[dict[str, Any]]]:
    clusters = {}
    with (data / MULTILING / "multiling2011_english.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            topic = json.loads(line)
            clusters[topic["cluster_id"]] = [_multiling_record(topic["cluster_id"], d)
                                             for d in topic["documents"]]
    return clusters


def _multinews_clusters(data: Path, min_docs: int = 3) -> dict[str, list[dict[str, Any]]]:
    clusters = {}
    with (data / MULTINEWS / "multinews_longbench200.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            name, docs = item["id"][:8], item["documents"]
            if len(docs) < min_docs:
                continue
            if not all(150 <= len(d.split()) <= 2500 for d in docs):
                continue
            clusters[name] = [{"id": f"mn.{name}.{n}", "title": None, "outlet": None,
                               "date": None, "text": d} for n, d in enumerate(docs, start=1)]
    return clusters


def _semeval_same_story(data: Path) -> dict[str, dict[str, str]]:
    """The original (purely numeric ``pair_id``) English pairs scored the same story, by
    pair_id; the ids with language suffixes are the sample's machine-translated copies."""
    pairs: dict[str, dict[str, str]] = {}
    for name in SEMEVAL_FILES:
        with (data / SEMEVAL / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if (re.fullmatch(r"\d+_\d+", row["pair_id"])
                        and (row["lang1"], row["lang2"]) == ("en", "en")
                        and float(row["Overall"]) <= SEMEVAL_SAME_STORY):
                    pairs.setdefault(row["pair_id"], row)
    return pairs


def _semeval_clusters(data: Path) -> dict[str, list[dict[str, Any]]]:
    """Same-story pairs joined where they share an article, each group named by its first
    pair_id in sort order; its articles in pair order, text1 then text2."""
    pairs = _semeval_same_story(data)
    group_of: dict[str, str] = {}  # article number -> the name of its group
    groups: dict[str, list[str]] = {}  # name -> its pair_ids in sort order
    for pair_id in sorted(pairs):
        named = {group_of[n] for n in pair_id.split("_") if n in group_of}
        name = min(named, default=pair_id)
        groups[name] = sorted([pair_id, *(p for g in named for p in groups.pop(g))])
        for member in groups[name]:
            group_of.update(dict.fromkeys(member.split("_"), name))
    clusters = {}
    for name, members in groups.items():
        texts: dict[str, str] = {}
        for pair_id in members:
            first, second = pair_id.split("_")
            texts.setdefault(first, pairs[pair_id]["text1"])
            texts.setdefault(second, pairs[pair_id]["text2"])
        clusters[name] = [{"id": f"semeval.{number}", "title": None, "outlet": None,
                           "date": None, "text": text} for number, text in texts.items()]
    return clusters


def _fnc_clusters(data: Path) -> dict[str, list[dict[str, Any]]]:
    """FNC-1 train bodies grouped by claim: a headline related to two bodies puts them in one
    group (union-find over headline and body), unrelated rows join nothing."""
    folder = data / "align_train"
    with (folder / "train_bodies.csv").open(encoding="utf-8", newline="") as handle:
        bodies = {int(r["Body ID"]): r["articleBody"] for r in csv.DictReader(handle)}
    parent: dict[object, object] = {}

    def root(node: object) -> object:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    with (folder / "train_stances.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["Stance"] != "unrelated":
                parent[root(("headline", row["Headline"]))] = root(int(row["Body ID"]))
    groups: dict[object, list[int]] = {}
    for body in sorted(b for b in parent if isinstance(b, int)):
        if 150 <= len(bodies[body].split()) <= 2500:
            groups.setdefault(root(body), []).append(body)
    return {str(members[0]): [{"id": f"fnc.{b}", "title": None, "outlet": None, "date": None,
                               "text": bodies[b]} for b in members[:MAX_DOCS]]
            for members in groups.values() if len(members) >= 2}


_READERS = {ECB: _ecb_clusters, MULTILING: _multiling_clusters, MULTINEWS: _multinews_clusters,
            SEMEVAL: _semeval_clusters, FNC: _fnc_clusters}


def select_clusters(data: Path, seed: int = SEED) -> list[ClusterRow]:
    """Per corpus, the first ``PER_CORPUS`` eligible clusters in a seeded shuffle of their
    sorted names, passing over those read and found not to be one event: the first half of
    them to tune on, the second half held out."""
    rows = []
    for corpus in CORPORA:
        names = sorted(_READERS[corpus](data))
        random.Random(f"{seed}:{corpus}").shuffle(names)
        chosen = [name for name in names if name not in NOT_ONE_EVENT][:PER_CORPUS]
        rows += [ClusterRow(corpus, name, "tune" if n < PER_CORPUS // 2 else "heldout")
                 for n, name in enumerate(chosen)]
    return rows


def write_tsv(rows: Sequence[ClusterRow], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(("corpus", "cluster", "half"))
        writer.writerows((r.corpus, r.cluster, r.half) for r in rows)


def read_tsv(path: Path) -> list[ClusterRow]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [ClusterRow(r["corpus"], r["cluster"], r["half"])
                for r in csv.DictReader(handle, delimiter="\t")]


def export_clusters(data: Path, rows: Sequence[ClusterRow]) -> Iterator[dict[str, Any]]:
    """The CLUSTERS.jsonl lines of ``rows``: raw article records, which the evaluation reads
    through ingest (``ingest_cluster``) as any JSONL input is read. An audit's rows may name
    what ``select_clusters`` never draws: ECB+ train topics and ECB+ additions
    (``22_ecbplus``), Multi-News pairs (two
    articles are a comparison; every Multi-News cluster of three was judged by session 17) and
    SemEval same-story pairs."""
    by_corpus: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for row in rows:
        if row.corpus not in by_corpus:
            by_corpus[row.corpus] = (_ecb_clusters(data, ("dev", "train"), ("_ecb", "_ecbplus"))
                                     if row.corpus == ECB
                                     else _multinews_clusters(data, min_docs=2)
                                     if row.corpus == MULTINEWS
                                     else _READERS[row.corpus](data))
        articles = by_corpus[row.corpus].get(row.cluster)
        if articles is None:
            raise InputError(f"{row.corpus}/{row.cluster}", "no such eligible cluster in the data")
        yield {"cluster": row.cluster, "corpus": row.corpus, "half": row.half,
               "articles": articles}


def ingest_cluster(item: dict[str, Any], where: str) -> list[Article]:
    """A cluster's articles read by ingest's own record reader, so every offset indexes
    ``Article.text`` exactly as a briefing sees it."""
    from newsprism.ingest import read_record

    articles = []
    for n, record in enumerate(item["articles"]):
        ingested = read_record(record, f"{where} article {n}")
        if failed := [p for p in ingested.problems if isinstance(p, InputError)]:
            raise failed[0]  # a warning (a date dropped) keeps the article as ingest does
        articles += ingested.articles
    return articles
