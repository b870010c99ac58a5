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
Their claims are not judged, so none is part of `bench/compare_gold/`. Prints, per corpus,
the share of named speakers found right, how many quotations got no speaker or a wrong one,
and how many got one where the article names none.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from newsprism.analyse import analyse_articles, resolve_entities
from newsprism.analyse.resolve import name_speakers
from newsprism.evaluate.compare import covered, read_clusters, same_speaker
from newsprism.evaluate.compare_clusters import MULTINEWS, read_tsv

SETS = {"1": Path(__file__).parent / "speakers_dev", "2": Path(__file__).parent / "speakers_dev2",
        "3": Path(__file__).parent / "speakers_dev3", "4": Path(__file__).parent / "speakers_dev4",
        "5": Path(__file__).parent / "speakers_dev5"}


def export_second_set(data: Path, out: Path) -> None:
    """The second set's clusters as CLUSTERS.jsonl lines, every article of each, with the
    article ids the compare export gives Multi-News articles."""
    wanted = {row.cluster for row in read_tsv(SETS["2"] / "clusters.tsv")}
    with (data / MULTINEWS / "multinews_longbench200.jsonl").open(encoding="utf-8") as source, \
            out.open("w", encoding="utf-8") as sink:
        for line in source:
            item = json.loads(line)
            name = item["id"][:8]
            if name not in wanted:
                continue
            articles = [{"id": f"mn.{name}.{n}", "title": None, "outlet": None, "date": None,
                         "text": text} for n, text in enumerate(item["documents"], start=1)]
            sink.write(json.dumps({"cluster": name, "corpus": MULTINEWS, "half": "tune",
                                   "articles": articles}) + "\n")


def found_speakers(clusters: Path) -> dict[tuple[str, int, int], str | None]:
    """Every quotation newsprism finds in the clusters, with the speaker it names."""
    found = {}
    for _, articles in read_clusters(clusters, "all"):
        analyses = list(analyse_articles(articles))
        entities = resolve_entities(m for a in analyses for m in a.mentions)
        for quote in name_speakers((q for a in analyses for q in a.quotes), entities):
            found[(quote.doc, quote.start, quote.end)] = quote.speaker
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("clusters", type=Path, help="the dev clusters, exported as JSONL")
    parser.add_argument("--set", choices=sorted(SETS), default="1", help="which judged set")
    parser.add_argument("--export", type=Path, metavar="DATA",
                        help="write the second set's clusters from DATA to CLUSTERS, and stop")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    if args.export:
        export_second_set(args.export, args.clusters)
        return
    found = found_speakers(args.clusters)
    tally: dict[str, Counter[str]] = {}
    judgments = SETS[args.set] / "judgments.jsonl"
    for line in judgments.read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        at = (gold["doc"], gold["start"], gold["end"])
        hits = [speaker for loc, speaker in found.items() if covered(at, loc)]
        system = hits[0] if hits else None
        counts = tally.setdefault("ecb+" if gold["cluster"].endswith(("ecb", "ecbplus"))
                                  else "multi-news",
                                  Counter())
        if gold["speaker"]:
            right = same_speaker(gold["speaker"], system)
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
