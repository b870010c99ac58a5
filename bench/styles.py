"""The same news in other styles: does compare read it the same?

    PYTHONPATH=src OMP_NUM_THREADS=1 nice -n 5 python bench/styles.py /tmp/clusters.jsonl \
        --gold bench/compare_gold/judgments [--clusters SUBSET] [--styles lower,archive] \
        [--cache /tmp/styles-cache]

``/tmp/clusters.jsonl``: the gold set's clusters exported as ``bench/judge_cv.py`` says.

Every article of a tune cluster is rendered in a style real feeds print (lower-cased text, every
other article lower-cased, text in capitals, no title, no date, quotes as archives print them
``like this'' or as « », a wire dateline before the lede, an all upper-case headline line), read
again by ingest as any input is, and briefed
by the real pipeline. The gold set's offsets are carried through an ``OffsetMap`` of the
rendering's edits, so every judged pair and quotation points at the same words, and the
briefing is scored as ``newsprism eval compare`` scores it. One row per style: corroborated and
contradicted precision, same-fact recall, developments shown, quote recall and speaker
accuracy, each with its ratio to the original style.

The default subset (``SUBSET``) is 19 tune clusters of all three corpora of the tune half,
chosen for their judged quotations, changes over time and contradictions and for their
length, so one run of every style takes about ten minutes on a loaded two-core machine.
``--cache`` keeps each (style, cluster) tally under a key of the rendered texts, the gold and
the source of ``newsprism``: a re-run after a change re-briefs only what the change can touch.
Only the tune half is read.
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import json
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import newsprism
from newsprism.evaluate.compare import (
    QUOTE_STYLES,
    Gold,
    GoldPair,
    GoldQuote,
    Loc,
    Tally,
    load_gold,
    score_briefing,
)
from newsprism.evaluate.compare_clusters import ingest_cluster
from newsprism.ingest import read_record
from newsprism.model import Article

# Tune clusters of every corpus: ECB+ news and web pages, MultiLing (titled and dated) and
# Multi-News pairs of many outlets.
SUBSET = ("21_ecb", "14_ecb", "20_ecb", "32_ecb", "11_ecb", "8_ecb", "14_ecbplus", "23_ecbplus",
          "M004", "1a3aae0f", "40ca156d", "06cd46f7", "45738a47", "b291e27b", "f43f9ce2",
          "650718d3", "b8ad3a4d", "2190e9b0", "87bddfc5")
# Each article its own agency: ingest reads a wire dateline's credit as the outlet when none is
# given, and one credit on every article would make the cluster one outlet's reports.
DATELINES = ("WASHINGTON (AP) — ", "LONDON (Reuters) - ", "PARIS (AFP) — ", "BERLIN (dpa) — ",
             "NEW YORK (UPI) -- ", "BEIJING (Xinhua) — ", "TOKYO (Kyodo) — ", "MADRID (EFE) — ",
             "ROME (ANSA) — ", "MOSCOW (TASS) — ")
HEADLINE_WORDS = 10


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` by ``new`` (an insertion when start == end)."""

    start: int
    end: int
    new: str


@dataclass(frozen=True)
class OffsetMap:
    """Where each offset of a text lands after non-overlapping edits: an offset at an edit's
    start lands at its replacement's start, one at its end at the replacement's end, one inside
    at the replacement's end (a span never begins or ends inside a quotation mark)."""

    edits: tuple[Edit, ...]  # sorted by start

    def position(self, offset: int) -> int:
        # the edits ending at or before the offset, and the one it may fall inside
        ends = [e.end for e in self.edits]
        done = bisect.bisect_right(ends, offset)
        shift = sum(len(e.new) - (e.end - e.start) for e in self.edits[:done])
        if done < len(self.edits) and self.edits[done].start < offset:
            inside = self.edits[done]
            return inside.start + shift + len(inside.new)
        return offset + shift

    def span(self, at: Loc) -> Loc:
        return (at[0], self.position(at[1]), self.position(at[2]))


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    parts, last = [], 0
    for edit in edits:
        parts += [text[last : edit.start], edit.new]
        last = edit.end
    return "".join([*parts, text[last:]])


@dataclass(frozen=True)
class Rendered:
    article: Article
    offsets: OffsetMap


# A style renders the ``number``th article of its cluster.
Style = Callable[[Article, int], tuple[Article, list[Edit]]]


def _same(article: Article, number: int = 0) -> tuple[Article, list[Edit]]:
    return article, []


def _lower(article: Article, number: int = 0) -> tuple[Article, list[Edit]]:
    """Lower-cased text and title, as some feeds and archives print them; one edit per
    character that changes (its lower case may be longer: "İ")."""
    title = article.title.lower() if article.title else None
    return replace(article, title=title), [Edit(n, n + 1, c.lower())
                                           for n, c in enumerate(article.text) if c != c.lower()]


def _lower_half(article: Article, number: int = 0) -> tuple[Article, list[Edit]]:
    """Every other article lower-cased: one cluster of cased reports and a lower-cased feed."""
    return _lower(article) if number % 2 else (article, [])


def _upper(article: Article, number: int = 0) -> tuple[Article, list[Edit]]:
    """Text and title in capitals, as some wires and archives print them."""
    title = article.title.upper() if article.title else None
    return replace(article, title=title), [Edit(n, n + 1, c.upper())
                                           for n, c in enumerate(article.text) if c != c.upper()]


def _no_title(article: Article, number: int = 0) -> tuple[Article, list[Edit]]:
    return replace(article, title=None), []


def _no_date(article: Article, number: int = 0) -> tuple[Article, list[Edit]]:
    return replace(article, date=None), []


def _quote_marks(text: str, opening: str, closing: str, styles: Sequence[str]) -> list[Edit]:
    """Edits turning the marks of every double quotation of ``styles`` into the two given."""
    edits = []
    for style in styles:
        for match in QUOTE_STYLES[style].finditer(text):
            edits += [Edit(match.start(), match.start(1), opening),
                      Edit(match.end(1), match.end(), closing)]
    return sorted(set(edits), key=lambda e: e.start)


def _archive(article: Article, number: int = 0) -> tuple[Article, list[Edit]]:
    """``Quotes'' as newswire archives (ECB+, Gigaword) print them."""
    return article, _quote_marks(article.text, "``", "''", ("curly", "straight", "guillemet"))


def _guillemets(article: Article, number: int = 0) -> tuple[Article, list[Edit]]:
    """«Quotes» as French, Russian and Swiss papers' English editions print them."""
    return article, _quote_marks(article.text, "«", "»", ("curly", "straight", "backtick"))


def _dateline(article: Article, number: int = 0) -> tuple[Article, list[Edit]]:
    """A wire dateline before the lede: "WASHINGTON (AP) — A man was..."."""
    return article, [Edit(0, 0, DATELINES[number % len(DATELINES)])]


def _headline(article: Article, number: int = 0) -> tuple[Article, list[Edit]]:
    """An all upper-case headline as the text's first line, as pages scraped whole begin: the
    title when there is one, else the lede's first words (headlines restate the lede)."""
    words = (article.title or article.text.split("\n")[0]).split()[:HEADLINE_WORDS]
    line = " ".join(words).rstrip(".,;:").upper()
    return replace(article, title=None), [Edit(0, 0, line + "\n\n")]


STYLES: dict[str, Style] = {
    "original": _same, "lower": _lower, "lower half": _lower_half, "UPPER": _upper,
    "no title": _no_title, "no date": _no_date,
    "archive ``''": _archive, "guillemets «»": _guillemets, "dateline": _dateline,
    "HEADLINE": _headline,
}


def render(article: Article, style: Style, where: str, number: int = 0) -> Rendered:
    """The article in ``style``, read again by ingest as any input is; the offset map carries
    the original text's offsets onto the rendered one."""
    styled, edits = style(article, number)
    text = apply_edits(article.text, edits)
    record = {"id": styled.id, "title": styled.title, "outlet": styled.outlet,
              "date": styled.date, "text": text}
    ingested = read_record(record, where).articles
    if len(ingested) != 1 or ingested[0].text != text:
        raise ValueError(f"{where}: ingest changed the rendered text of {article.id}")
    return Rendered(ingested[0], OffsetMap(tuple(edits)))


def map_gold(gold: Gold, offsets: dict[str, OffsetMap]) -> Gold:
    def at(x: Loc) -> Loc:
        return offsets[x[0]].span(x) if x[0] in offsets else x

    return Gold([GoldPair(at(p.a), at(p.b), p.label) for p in gold.pairs],
                [GoldQuote(at(q.at), q.speaker, q.style) for q in gold.quotes], gold.stale)


def source_key() -> str:
    """A digest of newsprism's source, so a cached tally is used only by the code that made it."""
    digest = hashlib.sha1()
    root = Path(newsprism.__file__).parent
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".toml", ".json", ".txt") and path.is_file():
            digest.update(path.relative_to(root).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


def _cache_key(source: str, rendered: list[Rendered], gold: Gold) -> str:
    parts = [source, repr(gold.pairs), repr(gold.quotes)]
    parts += [json.dumps([r.article.id, r.article.title, r.article.date, r.article.outlet,
                          r.article.text]) for r in rendered]
    return hashlib.sha1("\n".join(parts).encode("utf-8")).hexdigest()


def _tally_from(data: dict[str, Any]) -> Tally:
    return Tally(**data)


def score_style(articles: list[Article], gold: Gold, style: Style, where: str,
                cache: Path | None, source: str) -> Tally:
    from newsprism.pipeline import build_briefing

    rendered = [render(a, style, where, n) for n, a in enumerate(articles)]
    mapped = map_gold(gold, {r.article.id: r.offsets for r in rendered})
    path = cache / f"{_cache_key(source, rendered, mapped)}.json" if cache else None
    if path is not None and path.exists():
        return _tally_from(json.loads(path.read_text(encoding="utf-8")))
    tally = score_briefing(build_briefing([r.article for r in rendered]), mapped, [])
    if path is not None:
        path.write_text(json.dumps(vars(tally)), encoding="utf-8")
    return tally


def _rate(hit: int, total: int) -> float | None:
    return hit / total if total else None


def figures(t: Tally) -> dict[str, tuple[int, int]]:
    """Each reported figure as (hit, total)."""
    def precision(status: str) -> tuple[int, int]:
        right, wrong = t.right.get(status, 0), t.wrong.get(status, 0)
        return right, right + wrong

    return {"corroborated P": precision("corroborated"),
            "contradicted P": precision("contradicted"),
            "same-fact R": (t.shown.get("same", 0), t.gold.get("same", 0)),
            "developments": (t.shown.get("development", 0), t.gold.get("development", 0)),
            "quote R": (sum(t.quotes_found.values()), sum(t.quotes.values())),
            "speakers": (t.speakers_right, t.speakers)}


def format_table(tallies: dict[str, Tally]) -> str:
    """One row per style: each figure, then its ratio to the original style's."""
    base = {k: _rate(*v) for k, v in figures(tallies["original"]).items()}
    names = list(base)
    lines = ["| style | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]
    for style, tally in tallies.items():
        cells = []
        for name, (hit, total) in figures(tally).items():
            rate = _rate(hit, total)
            ratio = f" ×{rate / base[name]:.2f}" if rate is not None and base[name] else ""
            cells.append(f"{100 * rate:.1f}% ({hit}/{total}){ratio}" if rate is not None else "–")
        lines.append(f"| {style} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def run(clusters_path: Path, gold_path: Path, chosen: Sequence[str], styles: Sequence[str],
        cache: Path | None) -> dict[str, Tally]:
    from newsprism.evaluate.align import read_jsonl

    source = source_key()
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
    tallies = {name: Tally() for name in styles}
    for where, item in read_jsonl(clusters_path, ("cluster", "corpus", "half", "articles")):
        if isinstance(item, Exception):
            raise item
        if item["half"] != "tune" or item["cluster"] not in chosen:
            continue
        articles = ingest_cluster(item, where)
        gold = load_gold(gold_path, {a.id: a for a in articles})
        for name in styles:
            started = time.monotonic()
            tallies[name].add(score_style(articles, gold, STYLES[name], where, cache, source))
            print(f"{item['cluster']:>12} {name:<14} {time.monotonic() - started:6.1f}s",
                  file=sys.stderr, flush=True)
    return tallies


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("clusters", type=Path, help="an export of tune clusters (JSONL)")
    parser.add_argument("--gold", type=Path, default=Path("bench/compare_gold/judgments"))
    parser.add_argument("--clusters", dest="chosen", default=",".join(SUBSET),
                        help="comma-separated cluster names (default: SUBSET)")
    parser.add_argument("--styles", default=",".join(STYLES),
                        help=f"comma-separated, of: {', '.join(STYLES)}")
    parser.add_argument("--cache", type=Path, help="a folder for the tallies")
    args = parser.parse_args(argv)
    styles = [s for s in re.split(r",\s*", args.styles) if s]
    if unknown := [s for s in styles if s not in STYLES]:
        parser.error(f"unknown styles {unknown}: use {', '.join(STYLES)}")
    if "original" not in styles:
        styles.insert(0, "original")
    tallies = run(args.clusters, args.gold, args.chosen.split(","), styles, args.cache)
    print(format_table(tallies))
    return 0


if __name__ == "__main__":
    sys.exit(main())
