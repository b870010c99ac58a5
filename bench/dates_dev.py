"""Dates read against the article's date, on a dev set judged by reading (`bench/dates_dev/`).

    python -m newsprism.evaluate.compare export --data ../shared/data \
        --clusters bench/dates_dev/clusters.tsv --out /tmp/dates-dev.jsonl
    PYTHONPATH=src OMP_NUM_THREADS=1 python bench/dates_dev.py /tmp/dates-dev.jsonl [-v]

`bench/dates_dev/judgments.jsonl` holds, for 26 articles of four ECB+ subtopics (31-34
ecbplus: a basketball record, a Cumbrian killing, a Brooklyn murder trial, a surgeon general's
nomination; web pages of 2009-2013), every date or time expression a reader pins to a day,
month, year or decade, and every one main's analysis found (branch dates1, session 26, main
0618490, judged before any fix). Each is an article id, a span and the values it may take:
ISO 8601 ("2013-03-08", "2013-03", "2013", "199" for the 1990s), null where the text gives no
anchor (an undated article's "Friday", "several days later", "1995-99"), or "none" where it is
no date (an age, a score, a game clock, a count). Judged against the article's date as ingest
reads it from the text, or, where ingest reads none but the page prints one ("Release:
03/08/2013", a dateline's "Jul 13, 2009"), that one. The briefing's timeline is the
article's `DateMention`s in date order, so its pinned entries are scored too.

A judged date is `right` when a mention over it has one of its values, `unpinned` when the
mention's value is None, `wrong` when it is another day, `missed` when no mention covers it; a
"none" is `spurious` when a mention covers it. Mentions over no judgment are listed with -v
(to be read: a fix may find what was not judged).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

JUDGMENTS = Path(__file__).resolve().parent / "dates_dev" / "judgments.jsonl"


def score(clusters: Path, verbose: bool) -> Counter[str]:
    from newsprism.analyse import analyse_articles
    from newsprism.evaluate.compare import read_clusters

    judged = [json.loads(line) for line in JUDGMENTS.read_text().splitlines()]
    wanted = {j["doc"] for j in judged}
    articles = [a for _, found in read_clusters(clusters, "all") for a in found if a.id in wanted]
    mentions = {a.id: an.dates for a, an in zip(articles, analyse_articles(articles), strict=True)}
    tally: Counter[str] = Counter()
    covered: set[tuple[str, int]] = set()
    for judgment in judged:
        over = [m for m in mentions[judgment["doc"]]
                if m.start < judgment["end"] and judgment["start"] < m.end]
        covered |= {(m.doc, m.start) for m in over}
        verdict = _verdict(judgment["values"], [m.value for m in over])
        tally[verdict] += 1
        if verdict == "right" and over and over[0].value is not None:
            tally["pinned right"] += 1
        if verbose and verdict != "right":
            print(f"{verdict:9} {judgment['doc']} {judgment['start']} gold={judgment['values']} "
                  f"read={[(m.text, m.value) for m in over]}")
    for doc, found in mentions.items():
        for m in found:
            if (doc, m.start) not in covered:
                tally["unjudged"] += 1
                tally["pinned unjudged"] += m.value is not None
                if verbose:
                    print(f"unjudged  {doc} {m.start} {m.text!r} -> {m.value}")
    tally["pinned"] = sum(m.value is not None for found in mentions.values() for m in found)
    return tally


def _verdict(values: list[str | None], read: list[str | None]) -> str:
    if values == ["none"]:
        return "spurious" if read else "right"
    if not read:
        return "missed"
    if any(value in values for value in read):
        return "right"
    return "unpinned" if all(value is None for value in read) else "wrong"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("clusters", type=Path, help="the compare export of dates_dev/clusters.tsv")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    tally = score(args.clusters, args.verbose)
    judged = sum(tally[k] for k in ("right", "wrong", "unpinned", "missed", "spurious"))
    print(f"judged {judged}: right {tally['right']}, wrong day {tally['wrong']}, "
          f"unpinned {tally['unpinned']}, missed {tally['missed']}, spurious {tally['spurious']}; "
          f"unjudged mentions {tally['unjudged']}")
    print(f"timeline (pinned mentions) {tally['pinned']}: right {tally['pinned right']}, "
          f"unjudged {tally['pinned unjudged']}")


if __name__ == "__main__":
    main()
