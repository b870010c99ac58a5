"""``newsprism eval compare``: the compare stage end to end on real clusters, scored against a gold
set judged by reading (``docs/compare-rubric.md``).

Gold lines hold ids and offsets only, never texts (one file per cluster,
``<corpus>-<cluster>.jsonl``)::

    {"kind": "pair", "a": [doc, start, end], "b": [doc, start, end],
     "label": "same|contradiction|development|different", "why": "...", "sha": "1a2b3c4d"}
    {"kind": "quote", "doc": doc, "start": s, "end": e, "speaker": "Full Name" | null,
     "style": "curly|straight|backtick|single|guillemet|low9", "sha": "..."}
    {"kind": "copies", "docs": [doc, doc, ...], "why": "..."}

``sha`` is the first 8 hex digits of the sha1 of the spans' texts joined by a newline: when
ingest's normalisation or the export drifts, the line is reported stale instead of mis-scored.

A claim is judged through its *anchor*, the support span whose text is the claim's text (else its
first span). A ``corroborated`` claim is right when the anchor pairs with every support span of
another document as gold ``same``, wrong when any such pair is gold otherwise, else unjudged. A
``contradicted`` (``developing``) claim is judged on the two spans its note contrasts, taken as
the anchor and the first support span of another document: right when gold ``contradiction``
(``development``). Same-fact recall leaves out gold ``same`` pairs of two reports of one named
outlet, which by design never corroborate each other, and those inside a ``copies`` group: the
documents judged, by reading, to print one text (a wire story several sites printed, lightly
edited), which count as one source; the scorer reports recall with them too. The mark is the
gold's, never the system's: a system that grouped more copies would shrink its own denominator.
Changes over time count within an outlet and a copy group too. Spans match by overlap (same
document, at least half of the shorter span), as statement boundaries shift between versions.

``python -m newsprism.evaluate.compare export|show`` writes the clusters and helps judging.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from newsprism.analyse.nlp import noun_lemma
from newsprism.analyse.speaker_names import COUNTING
from newsprism.errors import InputError
from newsprism.evaluate.align import read_jsonl
from newsprism.model import Analysis, Article, Briefing, Claim, Quote, Span
from newsprism.settings import DEFAULTS, Settings

if TYPE_CHECKING:
    from rich.console import Console

Loc = tuple[str, int, int]  # doc, start, end
LABELS = ("same", "contradiction", "development", "different")
EXPECTED = {"corroborated": "same", "contradicted": "contradiction", "developing": "development"}
HALVES = ("tune", "heldout", "all")
# The quotation marks of news sites and archives: the words between them, one paragraph at most.
QUOTE_STYLES = {
    "curly": re.compile(r"“([^“”\n]+)”"),
    "straight": re.compile(r"\"([^\"\n]+)\""),
    "backtick": re.compile(r"``((?:(?!''|``)[^\n])+)''"),
    "single": re.compile(r"‘([^‘\n]+?)’(?!\w)"),
    "guillemet": re.compile(r"«([^«»\n]+)»"),
    "low9": re.compile(r"„([^„“”\n]+)[“”]"),
}


def span_sha(texts: Iterable[str]) -> str:
    return hashlib.sha1("\n".join(texts).encode("utf-8")).hexdigest()[:8]


def overlaps(x: Loc, y: Loc) -> float:
    """How much two spans share, as a fraction of the shorter; 0 across documents."""
    if x[0] != y[0]:
        return 0.0
    shared = min(x[2], y[2]) - max(x[1], y[1])
    return max(shared, 0) / max(min(x[2] - x[1], y[2] - y[1]), 1)


def matches(x: Loc, y: Loc) -> bool:
    return overlaps(x, y) >= 0.5


def loc(span: Span | Quote) -> Loc:
    return (span.doc, span.start, span.end)


@dataclass(frozen=True)
class GoldPair:
    a: Loc
    b: Loc
    label: str


@dataclass(frozen=True)
class GoldQuote:
    at: Loc
    speaker: str | None
    style: str


@dataclass
class Gold:
    pairs: list[GoldPair] = field(default_factory=list)
    quotes: list[GoldQuote] = field(default_factory=list)
    copies: list[frozenset[str]] = field(default_factory=list)  # documents printing one text
    stale: list[str] = field(default_factory=list)  # one message per line that no longer fits

    def one_text(self, x: Loc, y: Loc) -> bool:
        """The two spans are in copies of one text (judged ``copies``)."""
        return any(x[0] in group and y[0] in group for group in self.copies)

    def label(self, x: Loc, y: Loc) -> str | None:
        """The gold label of the pair (either order) that best overlaps ``x`` and ``y``."""
        best, label = 0.0, None
        for pair in self.pairs:
            for a, b in ((x, y), (y, x)):
                if matches(pair.a, a) and matches(pair.b, b):
                    fit = overlaps(pair.a, a) + overlaps(pair.b, b)
                    if fit > best:
                        best, label = fit, pair.label
        return label


def gold_files(gold: Path) -> list[Path]:
    return sorted(gold.glob("*.jsonl")) if gold.is_dir() else [gold]


def _span_at(articles: dict[str, Article], at: Any) -> Loc | None:
    """A ``[doc, start, end]`` as a span of a loaded article, None when it is not one."""
    if not (isinstance(at, list | tuple) and len(at) == 3 and at[0] in articles):
        return None
    doc, start, end = at
    if not (isinstance(start, int) and isinstance(end, int)
            and 0 <= start < end <= len(articles[doc].text)):
        return None
    return doc, start, end


def load_gold(gold: Path, articles: dict[str, Article]) -> Gold:
    """The gold lines about ``articles`` (other documents' lines are passed over), each checked
    against the texts: a line whose offsets or sha no longer fit is reported, not used."""
    found = Gold()
    for path in gold_files(gold):
        for where, item in read_jsonl(path, ("kind",)):
            if isinstance(item, InputError):
                found.stale.append(str(item))
                continue
            if item["kind"] == "copies":
                _load_copies(item, where, articles, found)
                continue
            if item["kind"] == "pair":
                ends = [item.get("a"), item.get("b")]
            else:
                ends = [[item.get("doc"), item.get("start"), item.get("end")]]
            if not any(isinstance(e, list) and e and e[0] in articles for e in ends):
                continue
            spans = [span for e in ends if (span := _span_at(articles, e)) is not None]
            texts = [articles[doc].text[start:end] for doc, start, end in spans]
            if len(spans) < len(ends) or span_sha(texts) != item.get("sha"):
                found.stale.append(f"{where}: stale (its spans' texts changed)")
            elif item["kind"] == "pair" and item.get("label") in LABELS:
                a, b = spans
                found.pairs.append(GoldPair(a, b, item["label"]))
            elif item["kind"] == "quote" and item.get("style") in QUOTE_STYLES:
                found.quotes.append(GoldQuote(spans[0], item.get("speaker"), item["style"]))
            else:
                found.stale.append(f"{where}: bad kind, label or style")
    return found


def _load_copies(item: dict[str, Any], where: str, articles: dict[str, Article],
                 found: Gold) -> None:
    """A ``copies`` line about ``articles``: two or more of their ids (ids only: the judgment is
    of whole documents, so no text can drift under it)."""
    docs = item.get("docs")
    if not (isinstance(docs, list) and all(isinstance(d, str) for d in docs)):
        found.stale.append(f"{where}: a copies line needs docs, a list of document ids")
    elif any(d in articles for d in docs):
        if len(set(docs)) < 2 or not all(d in articles for d in docs):
            found.stale.append(f"{where}: copies of documents not in the cluster, or of one")
        else:
            found.copies.append(frozenset(docs))


@dataclass
class Tally:
    """Counts behind every figure, summed over clusters."""

    clusters: int = 0
    right: dict[str, int] = field(default_factory=dict)  # by claim status
    wrong: dict[str, int] = field(default_factory=dict)
    unjudged: dict[str, int] = field(default_factory=dict)
    unjudged_pairs: int = 0
    shown: dict[str, int] = field(default_factory=dict)  # gold same/development pairs shown
    gold: dict[str, int] = field(default_factory=dict)  # gold pairs by label
    copy_pairs: int = 0  # gold same pairs inside a judged copy group, left out of ``gold``
    copy_pairs_shown: int = 0
    # Clusters with a gold change over time, and those showing at least one: one long history
    # judged pair by pair (ten reports, 45 pairs) would otherwise outweigh every other cluster.
    changing_clusters: int = 0
    changing_clusters_shown: int = 0
    quotes_found: dict[str, int] = field(default_factory=dict)  # by style
    quotes: dict[str, int] = field(default_factory=dict)
    speakers_right: int = 0
    speakers: int = 0

    def add(self, other: Tally) -> None:
        for name, value in vars(other).items():
            if isinstance(value, dict):
                mine = getattr(self, name)
                for key, count in value.items():
                    mine[key] = mine.get(key, 0) + count
            else:
                setattr(self, name, getattr(self, name) + value)


def _bump(counts: dict[str, int], key: str, by: int = 1) -> None:
    counts[key] = counts.get(key, 0) + by


def anchor_of(claim: Claim) -> Span:
    return next((s for s in claim.support if s.text == claim.text), claim.support[0])


def judged_pairs(claim: Claim) -> list[tuple[Span, Span]]:
    """The pairs a claim is judged on (see the module's docstring)."""
    anchor = anchor_of(claim)
    others = [s for s in claim.support if s.doc != anchor.doc]
    if claim.status == "corroborated":
        return [(anchor, s) for s in others]
    return [(anchor, others[0])] if others else []


def same_speaker(gold: str, system: str | None) -> bool:
    """Names of one entity: equal ignoring case, or one the other's last words (a surname
    alone, "De Boer" for "Yvo de Boer"; a title before the name, "Filmmaker Zhang Yimou"), or
    two full names with one surname and one first initial ("George Bush", "George W. Bush"),
    or one name spelt with and without a space in it ("Vincent DelGiudice", "Vincent Del
    Giudice"), or a name and its acronym ("UN", "United Nations"), or a name with a nickname
    in quote marks and the nickname or the name ('Nicole "Snooki" Polizzi', "Snooki"); never
    two people of one family ("Vidal Sassoon" is not Eden Sassoon) nor two bodies whose names
    end alike ("Kenya Wildlife Service" is not "South African National Parks Service")."""
    if not system:
        return False
    nicknamed = [_NICKNAME.search(name) for name in (gold, system)]
    if any(nicknamed):
        # 'Nicole "Snooki" Polizzi': the name with its nickname, the nickname alone or the name
        # without it.
        forms = [(m[1], f"{m.string[:m.start()]} {m.string[m.end():]}") if m else (name,)
                 for m, name in zip(nicknamed, (gold, system), strict=True)]
        return any(same_speaker(g, s) for g in forms[0] for s in forms[1])
    if _acronym_of(gold, system) or _acronym_of(system, gold):
        return True
    g, s = gold.casefold().split(), system.casefold().split()
    if "".join(g) == "".join(s):
        return True
    if not g or not s or g[-1] != s[-1]:
        return False
    shorter, longer = sorted((g, s), key=len)
    return longer[len(longer) - len(shorter):] == shorter or g[0][0] == s[0][0]


_NICKNAME = re.compile(r"\s[\"“'‘]\s*([^\"“”'‘’]+?)\s*[\"”'’]\s")


def _acronym_of(short: str, name: str) -> bool:
    """Is ``short`` one word in capitals made of the initials of ``name``'s capitalised words
    ("UN", "U.N." of "United Nations"; "FBI" of "Federal Bureau of Investigation")?"""
    letters = short.replace(".", "")
    initials = "".join(w[0] for w in name.split() if w[:1].isupper())
    return len(letters) > 1 and letters.isupper() and " " not in short.strip() and \
        len(name.split()) > 1 and letters == initials


# Where a description's head noun ends: a preposition, a clause or an aside after it.
_DESCRIPTION_END = re.compile(r",|\(|\b(?:of|for|with|from|at|in|on|to|who|which|that|"
                              r"familiar|close|speaking|briefed)\b")
# "one of the jurors": the group counted is the head.
_COUNTED = re.compile(rf"^(?:{'|'.join(sorted(COUNTING))}) of (?:the )?")


def description_head(words: str) -> str:
    """The head noun of a speaker's description, singular and casefolded: its last word before
    a preposition, a clause or a comma ("a source with knowledge of the talks" -> "source",
    "U.S. officials" -> "official", "one of the jurors" -> "juror")."""
    kept = _DESCRIPTION_END.split(_COUNTED.sub("", words.casefold()), maxsplit=1)[0].split()
    return noun_lemma(kept[-1]) if kept else ""


def said_by(gold: str, quote: Quote) -> bool:
    """Does the quote give the gold speaker? A named speaker by ``same_speaker``; an unnamed one
    the article describes ("a senior Western diplomat") matches a gold description by its
    head noun ("Western diplomat", "diplomat"), never a name."""
    if quote.speaker:
        return same_speaker(gold, quote.speaker)
    described = quote.speaker_description
    return described is not None and description_head(described.text) == description_head(gold)


def score_briefing(briefing: Briefing, gold: Gold, verdicts: list[dict[str, Any]]
                   ) -> Tally:
    """Score one cluster's briefing; one line per judged claim and per missed gold pair goes to
    ``verdicts``."""
    tally = Tally(clusters=1)
    _score_claims(briefing, gold, tally, verdicts)
    _score_shown(briefing, gold, tally, verdicts)
    _score_quotes(briefing, gold, tally)
    return tally


def _score_claims(briefing: Briefing, gold: Gold, tally: Tally,
                  verdicts: list[dict[str, Any]]) -> None:
    """Precision: each corroborated, contradicted or developing claim right, wrong or unjudged."""
    unjudged: set[tuple[Loc, Loc]] = set()
    for claim in briefing.claims:
        pairs = judged_pairs(claim) if claim.status in EXPECTED else []
        if not pairs:
            continue
        labels = [gold.label(loc(a), loc(b)) for a, b in pairs]
        unjudged |= {(loc(a), loc(b)) for (a, b), g in zip(pairs, labels, strict=True) if g is None}
        verdict = ("wrong" if any(g not in (None, EXPECTED[claim.status]) for g in labels)
                   else "unjudged" if None in labels else "right")
        _bump(getattr(tally, verdict), claim.status)
        verdicts.append({"claim": claim.id, "status": claim.status, "kind": claim.kind,
                         "verdict": verdict, "spans": [list(loc(s)) for s in claim.support],
                         "pairs": [{"a": list(loc(a)), "b": list(loc(b)), "gold": g}
                                   for (a, b), g in zip(pairs, labels, strict=True)]})
    tally.unjudged_pairs = len(unjudged)


def _score_shown(briefing: Briefing, gold: Gold, tally: Tally,
                 verdicts: list[dict[str, Any]]) -> None:
    """Recall: gold same-fact pairs inside one corroborated claim, changes over time inside one
    developing claim."""
    shows = {"same": "corroborated", "development": "developing"}
    outlets = {a.id: a.outlet for a in briefing.documents}
    for pair in gold.pairs:
        if pair.label == "same" and one_outlet(pair, outlets):
            continue
        status = shows.get(pair.label)
        shown = status is not None and shown_by(
            pair, [c for c in briefing.claims if c.status == status])
        if pair.label == "same" and gold.one_text(pair.a, pair.b):
            tally.copy_pairs += 1  # one text counts once: left out, reported beside
            tally.copy_pairs_shown += shown
            continue
        _bump(tally.gold, pair.label)
        if shown:
            _bump(tally.shown, pair.label)
        elif status is not None:
            verdicts.append({"missed": pair.label, "a": list(pair.a), "b": list(pair.b)})
    tally.changing_clusters = int(bool(tally.gold.get("development")))
    tally.changing_clusters_shown = int(bool(tally.shown.get("development")))


def one_outlet(pair: GoldPair, outlets: dict[str, str | None]) -> bool:
    """Are both spans of the pair in reports of one named outlet (``outlets``: by document)?
    Such reports count once: they can never corroborate each other."""
    outlet = outlets.get(pair.a[0])
    return bool(outlet) and outlet == outlets.get(pair.b[0])


def shown_by(pair: GoldPair, claims: Iterable[Claim]) -> bool:
    """Is the gold pair inside one of ``claims``: each of its spans matching a support span?"""
    return any(any(matches(pair.a, loc(s)) for s in c.support)
               and any(matches(pair.b, loc(s)) for s in c.support) for c in claims)


def _score_quotes(briefing: Briefing, gold: Gold, tally: Tally) -> None:
    """Quote recall by style, and whether a found quote gives the gold speaker: by name, or,
    for a speaker the article leaves unnamed, by the head noun of its description
    (``said_by``)."""
    for quote in gold.quotes:
        _bump(tally.quotes, quote.style)
        found = [q for q in briefing.quotes if covered(quote.at, loc(q))]
        if not found:
            continue
        _bump(tally.quotes_found, quote.style)
        if quote.speaker:
            tally.speakers += 1
            best = max(found, key=lambda q: overlaps(quote.at, loc(q)))
            tally.speakers_right += said_by(quote.speaker, best)


def covered(x: Loc, y: Loc) -> bool:
    """Each of the two spans covers at least half of the other."""
    shared = max(min(x[2], y[2]) - max(x[1], y[1]), 0)
    return x[0] == y[0] and shared >= 0.5 * (x[2] - x[1]) and shared >= 0.5 * (y[2] - y[1])


@dataclass
class CompareRun:
    tallies: dict[tuple[str, str], Tally] = field(default_factory=dict)  # (corpus, half)
    problems: list[str] = field(default_factory=list)


def read_clusters(path: Path, half: str) -> list[tuple[dict[str, Any], list[Article]]]:
    """The clusters of a CLUSTERS.jsonl in ``half`` (or all), their articles read by ingest."""
    from newsprism.evaluate.compare_clusters import ingest_cluster

    clusters = []
    for where, item in read_jsonl(path, ("cluster", "corpus", "half", "articles")):
        if isinstance(item, InputError):
            raise item
        if half in ("all", item["half"]):
            clusters.append((item, ingest_cluster(item, where)))
    return clusters


def evaluate_compare(clusters_path: Path, gold_path: Path, half: str = "all",
                     out: Path | None = None, settings: Settings = DEFAULTS) -> CompareRun:
    """Brief each cluster with the real pipeline (and ``settings``) and score it against the
    gold set."""
    from rich.progress import Progress

    from newsprism.pipeline import build_briefing

    if half not in HALVES:
        raise ValueError(f"unknown half {half!r}: use tune, heldout or all")
    run = CompareRun()
    clusters = read_clusters(clusters_path, half)
    lines: list[dict[str, Any]] = []
    with Progress(transient=True) as progress:
        bar = progress.add_task("briefing clusters", total=len(clusters))
        for item, articles in clusters:
            gold = load_gold(gold_path, {a.id: a for a in articles})
            run.problems += gold.stale
            verdicts: list[dict[str, Any]] = []
            tally = score_briefing(build_briefing(articles, settings=settings), gold, verdicts)
            run.tallies.setdefault((item["corpus"], item["half"]), Tally()).add(tally)
            lines += [{"cluster": item["cluster"], "corpus": item["corpus"],
                       "half": item["half"], **v} for v in verdicts]
            progress.advance(bar)
    if out is not None:
        out.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return run


def _share(hit: int, total: int) -> str:
    return f"{100 * hit / total:.1f}% ({hit}/{total})" if total else "–"


def _precision(tally: Tally, status: str) -> str:
    right, wrong = tally.right.get(status, 0), tally.wrong.get(status, 0)
    unsure = tally.unjudged.get(status, 0)
    return _share(right, right + wrong) + (f" +{unsure}?" if unsure else "")


def report_groups(run: CompareRun) -> list[tuple[str, Tally]]:
    """Per corpus, per half, and overall."""
    groups: dict[str, Tally] = {}
    for (corpus, half), tally in sorted(run.tallies.items()):
        for name in (corpus, f"half {half}", "all"):
            groups.setdefault(name, Tally()).add(tally)
    return sorted(groups.items(), key=lambda g: (g[0] == "all", g[0].startswith("half"), g[0]))


def print_report(run: CompareRun, console: Console) -> None:
    from rich.table import Table

    claims = Table("group", "clusters", "corroborated P", "contradicted P", "developing P",
                   "same-fact R", "developments shown", "unjudged pairs",
                   title="Claims (precision over judged claims; +n? unjudged claims)")
    copies = Table("group", "same pairs left out", "same-fact R with them",
                   title="Same-fact recall leaves out gold same pairs inside a judged copy group "
                         "(one text printed by several sites: one source)")
    changes = Table("group", "clusters with a change", "showing one",
                    title="Developments by cluster (a long history judged pair by pair weighs "
                          "as much as one other cluster)")
    quotes = Table("group", *QUOTE_STYLES, "all", "speaker accuracy", title="Quote recall")
    for name, t in report_groups(run):
        claims.add_row(name, str(t.clusters), _precision(t, "corroborated"),
                       _precision(t, "contradicted"), _precision(t, "developing"),
                       _share(t.shown.get("same", 0), t.gold.get("same", 0)),
                       _share(t.shown.get("development", 0), t.gold.get("development", 0)),
                       str(t.unjudged_pairs))
        quotes.add_row(name, *(_share(t.quotes_found.get(s, 0), t.quotes.get(s, 0))
                               for s in QUOTE_STYLES),
                       _share(sum(t.quotes_found.values()), sum(t.quotes.values())),
                       _share(t.speakers_right, t.speakers))
        changes.add_row(name, str(t.changing_clusters),
                        _share(t.changing_clusters_shown, t.changing_clusters))
        copies.add_row(name, str(t.copy_pairs), _share(t.shown.get("same", 0) + t.copy_pairs_shown,
                                                       t.gold.get("same", 0) + t.copy_pairs))
    console.print(claims)
    if any(t.copy_pairs for t in run.tallies.values()):
        console.print(copies)
    if any(t.changing_clusters for t in run.tallies.values()):
        console.print(changes)
    console.print(quotes)


# ---- the judging aid -------------------------------------------------------------------------

def quote_candidates(article: Article) -> list[tuple[Loc, str]]:
    """Every quotation in any style: the quoted words' span without marks, and its style."""
    return sorted(((article.id, match.start(1), match.end(1)), style)
                  for style, pattern in QUOTE_STYLES.items()
                  for match in pattern.finditer(article.text))


def _content_words(text: str) -> set[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return {w for w in re.findall(r"\w+", text.casefold()) if len(w) > 2 and w not in STOP_WORDS}


def proposed_pairs(briefing: Briefing) -> list[tuple[str, Claim, Span, Span]]:
    """Every cross-document pair within each judged claim's support, tagged ``P`` for the
    anchor's pairs (the ones precision is judged on) and ``W`` for the others of the claim
    (they count for recall)."""
    found = []
    for claim in briefing.claims:
        if claim.status not in EXPECTED:
            continue
        anchor = anchor_of(claim)
        rest = [s for s in claim.support if s != anchor]
        found += [("P", claim, anchor, s) for s in rest if s.doc != anchor.doc]
        found += [("W", claim, a, b) for n, a in enumerate(rest) for b in rest[n + 1 :]
                  if a.doc != b.doc]
    return sorted(found, key=lambda p: p[0])


def hard_negatives(statements: Sequence[Span], proposed: set[tuple[Loc, Loc]],
                   per_statement: int = 2) -> list[tuple[Span, Span, float]]:
    """For each statement, its most similar statements of other documents by MiniLM cosine
    among those sharing a name or content word, that no claim proposes."""
    import numpy as np

    from newsprism.embed import load_encoder

    vectors = load_encoder().encode([s.text for s in statements])
    similar = vectors @ vectors.T
    words = [_content_words(s.text) for s in statements]
    seen: set[tuple[Loc, Loc]] = set()
    found = []
    for i, statement in enumerate(statements):
        taken = 0
        for j in np.argsort(-similar[i]):
            if taken == per_statement:
                break
            other = statements[j]
            key = pair_key(statement, other)
            if other.doc == statement.doc or not words[i] & words[j] or key in proposed:
                continue
            taken += 1
            if key not in seen:
                seen.add(key)
                found.append((statement, other, float(similar[i, j])))
    return found


def pair_key(a: Span, b: Span) -> tuple[Loc, Loc]:
    """The pair of two spans in either order."""
    first, second = sorted((loc(a), loc(b)))
    return first, second


def _pair_line(a: Loc, b: Loc, articles: dict[str, Article]) -> str:
    texts = [articles[x[0]].text[x[1] : x[2]] for x in (a, b)]
    return json.dumps({"kind": "pair", "a": list(a), "b": list(b), "label": "?", "why": "",
                       "sha": span_sha(texts)})


def show_cluster(name: str, clusters_path: Path, gold_path: Path | None, out: TextIO) -> int:
    """Print one cluster for judging; returns how many gold lines were stale."""
    from newsprism.analyse import analyse_articles
    from newsprism.pipeline import brief_analyses

    chosen = [(item, arts) for item, arts in read_clusters(clusters_path, "all")
              if name in (item["cluster"], f"{item['corpus']}-{item['cluster']}")]
    if not chosen:
        raise InputError(str(clusters_path), f"no cluster {name!r}")
    item, articles = chosen[0]
    by_id = {a.id: a for a in articles}
    gold = load_gold(gold_path, by_id) if gold_path else Gold()
    analyses = list(analyse_articles(articles))
    briefing = brief_analyses(analyses)
    write = out.write
    write(f"# {item['corpus']}-{item['cluster']} ({item['half']}): gold "
          f"{len(gold.pairs)} pairs, {len(gold.quotes)} quotes, {len(gold.stale)} stale\n")
    for problem in gold.stale:
        write(f"# STALE {problem}\n")
    _write_statements(analyses, write)

    def show_pair(tag: str, a: Span, b: Span) -> None:
        label = gold.label(loc(a), loc(b))
        write(f"\n{tag} [{'judged: ' + label if label else 'unjudged'}]\n")
        for side, s in (("a", a), ("b", b)):
            write(f"  {side} [{s.doc} {s.start} {s.end}] {s.text}\n")
        if label is None:
            write(_pair_line(loc(a), loc(b), by_id) + "\n")

    proposed = proposed_pairs(briefing)
    write(f"\n## proposed pairs ({len(proposed)}: P the anchor's, W the claim's others)\n")
    for n, (tag, claim, a, b) in enumerate(proposed, start=1):
        show_pair(f"{tag}{n} {claim.status} {claim.kind} {claim.id}", a, b)
    keys = {pair_key(a, b) for _, _, a, b in proposed}
    statements = [s for analysis in analyses for s in analysis.statements]
    negatives = hard_negatives(statements, keys)
    write(f"\n## hard negatives ({len(negatives)})\n")
    for n, (a, b, cosine) in enumerate(negatives, start=1):
        show_pair(f"N{n} cosine {cosine:.2f}", a, b)
    _write_quotations(articles, briefing, gold, write)
    return len(gold.stale)


def _write_statements(analyses: Sequence[Analysis], write: Callable[[str], Any]) -> None:
    """Every statement of each article, with its location, to judge pairs by."""
    write("\n## statements\n")
    for analysis in analyses:
        a = analysis.article
        write(f"\n### {a.id} · {a.title or ''} · {a.date or ''}\n")
        for s in analysis.statements:
            write(f"[{s.doc} {s.start} {s.end}] {s.text}\n")


def _write_quotations(articles: Sequence[Article], briefing: Briefing, gold: Gold,
                      write: Callable[[str], Any]) -> None:
    """Every quotation in any style, whether the briefing found it and with which speaker; an
    unjudged one followed by its gold line to fill in."""
    write("\n## quotations (speaker: today's)\n")
    judged = {q.at for q in gold.quotes}
    for article in articles:
        for at, style in quote_candidates(article):
            today = [q for q in briefing.quotes if covered(at, loc(q))]
            speaker = today[0].speaker if today else None
            text = article.text[at[1] : at[2]]
            mark = "judged" if at in judged else "unjudged"
            write(f"\nQ [{mark}] [{at[0]} {at[1]} {at[2]}] {style} found={bool(today)} "
                  f"speaker={speaker!r}\n  {text}\n")
            if mark == "unjudged":
                write(json.dumps({"kind": "quote", "doc": at[0], "start": at[1], "end": at[2],
                                  "speaker": speaker, "style": style,
                                  "sha": span_sha([text])}) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    from newsprism.evaluate.compare_clusters import (
        DEFAULT_TSV,
        export_clusters,
        read_tsv,
        select_clusters,
        write_tsv,
    )

    parser = argparse.ArgumentParser(prog="python -m newsprism.evaluate.compare")
    commands = parser.add_subparsers(dest="command", required=True)
    select = commands.add_parser("select", help="choose the clusters and halves (seeded)")
    select.add_argument("--data", type=Path, default=Path("../shared/data"))
    select.add_argument("--out", type=Path, default=DEFAULT_TSV)
    export = commands.add_parser("export", help="write CLUSTERS.jsonl from clusters.tsv")
    export.add_argument("--data", type=Path, default=Path("../shared/data"))
    export.add_argument("--clusters", type=Path, default=DEFAULT_TSV)
    export.add_argument("--out", type=Path, required=True)
    show = commands.add_parser("show", help="print one cluster for judging")
    show.add_argument("cluster")
    show.add_argument("--clusters", type=Path, required=True)
    show.add_argument("--gold", type=Path)
    args = parser.parse_args(argv)
    if args.command == "select":
        write_tsv(select_clusters(args.data), args.out)
    elif args.command == "export":
        lines = export_clusters(args.data, read_tsv(args.clusters))
        args.out.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    else:
        return 1 if show_cluster(args.cluster, args.clusters, args.gold, sys.stdout) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
