"""Speakers on dev sets of fresh clusters judged for their quotations only.

    python -m newsprism.evaluate.compare export --data ../shared/data \
        --clusters bench/speakers_dev/clusters.tsv --out /tmp/speakers-dev.jsonl
    PYTHONPATH=src OMP_NUM_THREADS=1 python bench/speakers_dev.py /tmp/speakers-dev.jsonl [-v]

The second set (`bench/speakers_dev2/`, branch speakers7) is of Multi-News clusters the compare
export passes over (two articles, or one too short), so this script exports it itself:

    PYTHONPATH=src python bench/speakers_dev.py --export ../shared/data /tmp/speakers-dev2.jsonl
    PYTHONPATH=src OMP_NUM_THREADS=1 python bench/speakers_dev.py /tmp/speakers-dev2.jsonl \
        --set 2 [-v]

`bench/speakers_dev/judgments.jsonl` holds every quotation main's analysis found in those seven
clusters (branch speakers4, session 16), each with the speaker its article names, or null where
it names none (a title, a scare quote, an unnamed source), judged by reading against
`docs/compare-rubric.md` before any fix. `bench/speakers_dev2/judgments.jsonl` holds
the same for six Multi-News clusters of styles the first set lacks (an oral history in speaker
lines, UK and Northern Irish outlets, Canadian local news, a hurricane's wire and local copy,
television trade news), judged on main (session 17) before any fix. The third,
`bench/speakers_dev3/` (branch speakers8): four Multi-News pairs (celebrity gossip columns,
CNN and a local paper, BBC and AP on a trademark ruling, local TV), judged on main (session 17)
before any fix; the compare export takes it (`--clusters bench/speakers_dev3/clusters.tsv`).
The fourth, `bench/speakers_dev4/` (branch speakers9): seven Multi-News pairs (a health study
with its drug maker, wire and cable copy from Seoul, a local TV station and paper on a funeral
home theft, a hacker's ransom notes, an advocacy explainer and a science magazine on a court,
AP and the Guardian on a Mexican army video, a medical examiner's report), judged on main
(session 18) before any fix; the compare export takes it.
The fifth, `bench/speakers_dev5/` (branch speakers11): eight ECB+ topics (2, 11, 27, 28, 29,
32, 33, 34: web pages of many sites, 2004-2013, on an Oscar host, a UN seminar, an Internet
Explorer flaw, a Watergate figure's death, an NFL game, a Cumbrian killing, a Brooklyn murder
trial, a surgeon general's nomination), judged on main 0bfd807 (session 19) before any fix;
the compare export takes it. A remark two people make jointly ("said Zadan and Meron") is
judged the first one's.
The sixth, `bench/speakers_dev6/` (branch speakers12): 173 English pairs of the SemEval-2022
task 8 sample (original en-en pairs with Overall > 2.0 sharing no article with a pair of
Overall <= 2.0; 2019-2020 news of many outlets, cut to its head and tail), judged on main
8d78e9a (session 20) before any fix. The compare export does not read that corpus, so this
script exports it (an article a listed pair before took, or one ingest refuses, is left out):

    PYTHONPATH=src python bench/speakers_dev.py --export ../shared/data /tmp/speakers-dev6.jsonl \
        --set 6
    PYTHONPATH=src OMP_NUM_THREADS=1 python bench/speakers_dev.py /tmp/speakers-dev6.jsonl \
        --set 6 [-v]

The seventh, `bench/speakers_dev7/` (branch speakers13): the 65 English pairs of that sample
with Overall > 2.0 (the same rule) after the sixth set's 173, then the English article of each
of its 142 German-English pairs with Overall > 2.0 that shares no article with a pair of
Overall <= 2.0 (265 articles of 2019-2020), judged on main e8fda3f (session 21) before any fix;
exported the same way (`--set 7`).

The eighth, `bench/speakers_dev8/` (branch speakers17): four FNC-1 train clusters (`fnc1_train`
rows 6, 10, 16, 23: Emergent's rumours of 2014-2015 on a child soldier's death, an Amazon
streaming service, a dog left with a suitcase, a swimmer's girlfriend; 32 bodies of wire,
tabloid, blog and comment-thread styles), judged on main fe18768 (session 23) before any fix;
the compare export takes it (`--clusters bench/speakers_dev8/clusters.tsv`). A spokesperson
of a body the article names ("an Amazon spokeswoman said") is judged that body, as the compare
gold judges "a spokesman for Waitrose"; an outlet whose report is quoted ("the Post
reported") is its speaker.

The ninth, `bench/speakers_dev9/` (branch speakers19): 16 Multi-News clusters no compare row
or write-up had read (every other line of the unread list, from the second; each holds an
article under 150 words or over 2,500, so the compare export passes over them and this script
exports them, every article ingest reads): celebrity and #MeToo copy with embedded tweets, a
cable-news exchange in speaker lines, Sunday-show politics, a Wikipedia page and a journal
paper beside science news, retail hacking, a GoFundMe joke, Detroit water shut-offs, 49
articles with quotes, judged on main a05a0c0 (session 24) before any fix. A quoted document
("the report says", "the latest notice said", "the campaign read") is its author's when the
article names the author; a spokesperson of a person ("his spokesman") is that person; a
hypothetical or imagined utterance inside a quotation is no one's:

    PYTHONPATH=src python bench/speakers_dev.py --export ../shared/data /tmp/speakers-dev9.jsonl \
        --set 9
    PYTHONPATH=src OMP_NUM_THREADS=1 python bench/speakers_dev.py /tmp/speakers-dev9.jsonl \
        --set 9 [-v]

The tenth, `bench/speakers_dev10/` (branch speakers20): the 40 original English pairs of the
SemEval sample with Overall > 1.5 that no `clusters.tsv` lists and that share no article with
a listed pair or a pair of Overall <= 1.5 (2019-2020 web news cut to a head and a tail: Nigerian,
Kenyan, Azerbaijani, Greek, Sudanese and Indian outlets, US local papers, opinion sites), each
article once, and the ECB+ subtopics 2_ecb, 12_ecbplus and 13_ecbplus (2_ecbplus and 11_ecbplus,
also named for it, are set 5's): 61 articles with quotes, judged on main 47c6e1d (session 25)
before any fix. A quote the cut leaves without its attribution keeps the speaker the text
shows (",” Odu" after "KCB assistant coach Godfrey Oduor has confirmed" is Oduor's); a
headline "X after ...: ‘...’" is X's; a remark two people make is the first one's ("the pair
said" too). This script exports it, ECB+ rows as the compare export gives them (`--set 10`).

The eleventh, `bench/speakers_dev11/` (branch speakers21): what SemEval web news was left
unread, fewer than the 40 fresh articles asked for. Every original English pair of Overall > 1.5
was listed already but one (1484401078_1484049687, whose second article is a held-out compare
row's: the export leaves any gold pair's article out), so the set adds the English article of
the 27 German-English pairs of Overall 2.0 that share no article with a listed pair or a pair of
Overall <= 1.5 (set 7 took those above 2.0): 28 articles of 2020 (Reuters, AFP, dpa, TASS,
Xinhua, DW, the Telegraph, Daily Star, Nigerian and Indian outlets, a Volkswagen release), 18
with quotes, judged on main 0618490 (session 26) before any fix. It holds the quotations main
missed too: quotes the cut left without their opening mark (", it's a bull run ...,\"
Silverblatt said") or their closing one (the text ends inside it), judged from the cut on, as
the text shows them; a headline's scare word main missed:

    PYTHONPATH=src python bench/speakers_dev.py --export ../shared/data /tmp/speakers-dev11.jsonl \
        --set 11
    PYTHONPATH=src OMP_NUM_THREADS=1 python bench/speakers_dev.py /tmp/speakers-dev11.jsonl \
        --set 11 [-v]

The twelfth, `bench/speakers_dev12/` (branch speakers22): the MultiLing 2011 clusters M000,
M001, M002, M005, M006 and M008 (WikiNews reports of 2005-2010 on the Indian Ocean tsunami, the
London bombings, Iran's seizure of British sailors, the Chile earthquake, the Haiti earthquake
and Air France 447; plain text, straight quotes, several reports of one story), every quotation
main 0618490 finds (274) and the one it passes over (an outer quote broken by a place name in
marks inside it), judged on main (session 26) before any fix; the compare export takes it
(`--clusters bench/speakers_dev12/clusters.tsv`). A list of sources ("AP - \"...\"") gives
each quote its source; a crosshead quoting a later remark is that remark's speaker's; a
partial quote in a sentence that reports a named person's words ("firmly stating that \"no
deal\" had been made") is that person's.

Since session 22 (branch speakers15) every set follows the compare gold's convention for
unnamed sources: a speaker the article describes but does not name is that description as
printed ("a source", "the tipster"), matched by its head noun; 52 null judgments were re-judged
so (`bench/speakers_dev/README.md` says how).

Their claims are not judged, so none is part of `bench/compare_gold/`. Prints, per corpus,
the share of named or described speakers found right, how many quotations got no speaker or a
wrong one, and how many got one where the article names or describes none.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from collections import Counter
from functools import partial
from pathlib import Path

from newsprism.analyse import analyse_articles, resolve_entities
from newsprism.analyse.resolve import name_speakers
from newsprism.errors import InputError
from newsprism.evaluate.compare import covered, read_clusters, said_by
from newsprism.evaluate.compare_clusters import MULTINEWS, export_clusters, ingest_cluster, read_tsv
from newsprism.model import Quote

SETS = {str(n): Path(__file__).parent / f"speakers_dev{n if n > 1 else ''}" for n in range(1, 13)}
SEMEVAL = "semeval2022_task8_sample"


def export_multinews_set(number: str, data: Path, out: Path) -> None:
    """A Multi-News set's clusters as CLUSTERS.jsonl lines, every article of each that ingest
    reads, with the article ids the compare export gives Multi-News articles."""
    wanted = {row.cluster for row in read_tsv(SETS[number] / "clusters.tsv")}
    with (data / MULTINEWS / "multinews_longbench200.jsonl").open(encoding="utf-8") as source, \
            out.open("w", encoding="utf-8") as sink:
        for line in source:
            item = json.loads(line)
            name = item["id"][:8]
            if name not in wanted:
                continue
            cluster = {"cluster": name, "corpus": MULTINEWS, "half": "tune", "articles": []}
            for n, text in enumerate(item["documents"], start=1):
                article = {"id": f"mn.{name}.{n}", "title": None, "outlet": None, "date": None,
                           "text": text}
                if _ingested(dict(cluster, articles=[article])):
                    cluster["articles"].append(article)
            sink.write(json.dumps(cluster) + "\n")


def semeval_texts(data: Path) -> dict[str, tuple[tuple[str, str], ...]]:
    """Each original pair of the SemEval sample: the (article id, text) of each of its English
    articles (both of an English pair, the second of a German-English one), as the first file
    holding the pair gives them."""
    pairs: dict[str, tuple[tuple[str, str], ...]] = {}
    for name in ("training_set", "testing_set"):
        with (data / SEMEVAL / f"{name}.csv").open(encoding="utf-8") as rows:
            for row in csv.DictReader(rows):
                pair = row["pair_id"]
                if re.fullmatch(r"\d+_\d+", pair) and pair not in pairs:
                    sides = zip(pair.split("_"), (row["lang1"], row["lang2"]),
                                (row["text1"], row["text2"]), strict=True)
                    pairs[pair] = tuple((name, text) for name, lang, text in sides if lang == "en")
    return pairs


def export_semeval_set(number: str, data: Path, out: Path) -> None:
    """A SemEval set's pairs as CLUSTERS.jsonl lines, in the order listed, each English article
    once (in the first pair that holds it, and never one a compare gold pair holds: set 11's
    one English pair shares an article with a held-out row) and only if ingest reads an article
    in it; a row of another corpus (set 10's ECB+ subtopics) as the compare export gives it."""
    pairs = semeval_texts(data)
    taken = gold_articles()
    with out.open("w", encoding="utf-8") as sink:
        for row in read_tsv(SETS[number] / "clusters.tsv"):
            if row.corpus != SEMEVAL:
                sink.writelines(json.dumps(item) + "\n" for item in export_clusters(data, [row]))
                continue
            item = {"cluster": row.cluster, "corpus": SEMEVAL, "half": "dev", "articles": []}
            for name, text in pairs[row.cluster]:
                article = {"id": f"semeval.{name}", "title": None, "outlet": None, "date": None,
                           "text": text}
                if article["id"] in taken or not _ingested(dict(item, articles=[article])):
                    continue
                taken.add(article["id"])
                item["articles"].append(article)
            sink.write(json.dumps(item) + "\n")


def gold_articles() -> set[str]:
    """The SemEval articles of the compare gold's pairs, tune and held-out alike."""
    gold = Path(__file__).parent / "compare_gold" / "clusters.tsv"
    return {f"semeval.{name}" for row in read_tsv(gold) if row.corpus == SEMEVAL
            for name in row.cluster.split("_")}


def _ingested(item: dict) -> bool:
    try:
        return bool(ingest_cluster(item, item["cluster"]))
    except InputError:  # a page of notices only: the briefing would skip it too
        return False


EXPORTS = {"2": partial(export_multinews_set, "2"), "6": partial(export_semeval_set, "6"),
           "7": partial(export_semeval_set, "7"), "9": partial(export_multinews_set, "9"),
           "10": partial(export_semeval_set, "10"), "11": partial(export_semeval_set, "11")}


def found_quotes(clusters: Path) -> dict[tuple[str, int, int], Quote]:
    """Every quotation newsprism finds in the clusters, with the speaker it names or
    describes."""
    found = {}
    for _, articles in read_clusters(clusters, "all"):
        analyses = list(analyse_articles(articles))
        entities = resolve_entities(m for a in analyses for m in a.mentions)
        for quote in name_speakers((q for a in analyses for q in a.quotes), entities):
            found[(quote.doc, quote.start, quote.end)] = quote
    return found


def _shown(quote: Quote | None) -> str | None:
    """The speaker a quote is given: a name, or an unnamed one's description."""
    if quote is None:
        return None
    described = quote.speaker_description
    return quote.speaker or (described.text if described is not None else None)


def _corpus(cluster: str, doc: str) -> str:
    if doc.startswith("fnc."):
        return "fnc-1"
    if doc.startswith("ml."):
        return "multiling"
    if cluster.endswith(("ecb", "ecbplus")):
        return "ecb+"
    return "semeval" if re.fullmatch(r"\d+_\d+", cluster) else "multi-news"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("clusters", type=Path, help="the dev clusters, exported as JSONL")
    parser.add_argument("--set", choices=sorted(SETS),
                        help="which judged set (1 to 12; 2, 6, 7, 9, 10 or 11 to export)")
    parser.add_argument("--export", type=Path, metavar="DATA",
                        help="write the set's clusters (2, 6, 7, 9, 10 or 11) from DATA to "
                        "CLUSTERS, and stop")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    if args.export:
        if (args.set or "2") not in EXPORTS:
            parser.error(f"set {args.set} is read by the compare export, not by --export")
        EXPORTS[args.set or "2"](args.export, args.clusters)
        return
    found = found_quotes(args.clusters)
    tally: dict[str, Counter[str]] = {}
    judgments = SETS[args.set or "1"] / "judgments.jsonl"
    for line in judgments.read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        at = (gold["doc"], gold["start"], gold["end"])
        hits = [quote for loc, quote in found.items() if covered(at, loc)]
        quote = hits[0] if hits else None
        system = _shown(quote)
        counts = tally.setdefault(_corpus(gold["cluster"], gold["doc"]), Counter())
        if gold["speaker"]:
            right = quote is not None and said_by(gold["speaker"], quote)
            counts.update(named=1, right=right, none=system is None,
                          wrong=not right and system is not None)
        else:
            counts.update(unnamed=1, given=system is not None)
        if args.verbose and (not right if gold["speaker"] else system is not None):
            print(f"{gold['doc']} {gold['start']}-{gold['end']}: gold {gold['speaker']!r}, "
                  f"found {system!r}")
    tally["all"] = sum(tally.values(), Counter())
    for name, c in tally.items():
        print(f"{name}: right {c['right']}/{c['named']} ({100 * c['right'] / c['named']:.1f}%), "
              f"no speaker {c['none']}, wrong speaker {c['wrong']}, "
              f"a speaker where none is named {c['given']}/{c['unnamed']}")


if __name__ == "__main__":
    main()
