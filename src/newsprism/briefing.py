"""Brief: the attributed summary of a compared set of articles.

The summarizer picks verbatim extracts, favouring facts that several independent sources
state (their claims' source counts are its weights). Each extract becomes a summary item for
the claim it states: the item's text is that claim's passage in the extract's article, its
status is the claim's, and the claim's passages in every other article are further support.
Corroborated items come first.

A passage can be corroborated by some sources, or said by one, and hold what a contradiction
disputes too (two papers quote one remark in different words; a third gives another figure).
``explain_overlaps`` gives such a claim a note saying why both hold, so no passage is shown as
both without it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newsprism.ingest.fields import COMPARED_CHARS
from newsprism.model import Analysis, Claim, Figure, Quote, Sentence, Span, SummaryItem
from newsprism.settings import DEFAULTS, BriefSettings

# Claims a summary item may state: facts. A quote claim is about a remark's wording; the fact
# around the remark is a statement claim of its own.
FACT_KINDS = ("statement", "figure", "verdict")
REWORDED_REMARK = "The remark is worded differently; the fact it reports agrees."
QUOTED_OTHERWISE = "Another source quotes this remark in other words."
_DISPUTES = {"contradicted": 2, "developing": 1}
# A development's history is told in full under each claim that holds one of its steps only
# while it is short: past this many steps, each of them would repeat the whole history (ten
# steps under ten passages on a fresh 2005 obituary cluster), so they point to it instead.
HISTORY_SHOWN_STEPS = 3


def summarize_claims(
    analyses: Sequence[Analysis], claims: Sequence[Claim],
    settings: BriefSettings = DEFAULTS.brief,
) -> list[SummaryItem]:
    from newsprism.summarize import Summarizer

    facts = [c for c in claims if c.kind in FACT_KINDS]
    # As statements, the summary draws on each article's first COMPARED_CHARS characters: the
    # summarizer's redundancy check is n × n in sentences (a 4.9 MB text has 34,000).
    sentences = [[s for s in a.sentences if s.end <= COMPARED_CHARS] for a in analyses]
    weights = _sentence_weights(sentences, [c for c in facts if c.kind == "statement"])
    # Ask for more than needed: two extracts may state one claim in two sources' words.
    items = settings.items
    extracts = Summarizer(words=2 * items * settings.words_per_item).run(sentences,
                                                                          weights=weights)
    summary: list[SummaryItem] = []
    stated: set[str] = set()
    for extract in extracts:
        item = _item_for(extract, facts)
        key = item.claim or f"{extract.doc}:{item.support[0].start}"
        if key in stated:
            continue
        stated.add(key)
        summary.append(item)
        if len(summary) == items:
            break
    sources = {c.id: c.sources for c in claims}
    summary.sort(key=lambda item: (item.status != "corroborated", -sources.get(item.claim, 1)))
    return summary


def explain_overlaps(
    claims: Sequence[Claim], quotes: Sequence[Quote] = (), figures: Sequence[Figure] = ()
) -> list[Claim]:
    """``claims``, each corroborated or single-source one that holds what a contradicted or
    developing one disputes given a note saying why it is both (its own note, if it has one, is
    kept). What a claim disputes: the quotes of a quote claim, the figures its note names, else
    its passages."""
    disputes = [(c, _disputed(c, quotes, figures)) for c in claims
                if c.status in ("contradicted", "developing")]  # fmt: skip

    def explained(claim: Claim) -> Claim:
        if claim.status not in ("corroborated", "single_source") or claim.note:
            return claim
        dispute = next((d for d, spots in disputes
                        if any(_overlap(s, spots) > 0 for s in claim.support)), None)  # fmt: skip
        if dispute is None:
            return claim
        if dispute.status == "developing":  # a development's note tells its history
            return replace(claim, note=development_note(dispute))
        if dispute.kind == "quote":
            agreed = claim.status == "corroborated"
            return replace(claim, note=REWORDED_REMARK if agreed else QUOTED_OTHERWISE)
        return replace(claim, note=f"Also disputed: {dispute.note or dispute.text}")

    return [explained(claim) for claim in claims]


def development_note(development: Claim) -> str:
    """What a summary item or a claim holding a step of ``development`` says of it: the history
    when short, else where the history is told."""
    steps = len(development.history)
    if steps > HISTORY_SHOWN_STEPS:
        return (f"One of {steps} reports of a fact that changed over time, shown in order under "
                "“How the story developed”.")
    return development.note or f"It changed over time: {development.text}"


def _disputed(
    dispute: Claim, quotes: Sequence[Quote], figures: Sequence[Figure]
) -> tuple[Span, ...]:
    """Where in its passages a contradiction's disputed words stand: a figure inside them, or a
    quotation that starts or runs on in them (a remark of several sentences is disputed as a
    whole, wherever another claim holds a sentence of it)."""
    inside: Sequence[Quote | Figure] = ()
    if dispute.kind == "quote":
        inside = quotes
    elif dispute.kind == "figure":
        inside = [f for f in figures if f"“{f.text}”" in (dispute.note or "")]
    spans = [Span(x.doc, x.start, x.end, x.text) for x in inside]
    needed = [1 if dispute.kind == "quote" else len(s.text) for s in spans]
    spots = tuple(s for s, least in zip(spans, needed, strict=True)
                  if _overlap(s, dispute.support) >= least)
    return spots or dispute.support


def _item_for(extract: Span, claims: Sequence[Claim]) -> SummaryItem:
    """The summary item of an extract: the passage, in the extract's article, of the claim it
    states; the extract itself, single-source, when it states none."""
    # Of claims that hold the extract alike, the one that disputes it: one item then tells a
    # contradiction or a development once, with its note, not each source's passage undisputed.
    claim = max(claims, key=lambda c: (_overlap(extract, c.support), _DISPUTES.get(c.status, 0)),
                default=None)  # fmt: skip
    if claim is None or _overlap(extract, claim.support) <= 0:
        return SummaryItem(extract.text, None, (extract,), "single_source")
    passage = max(claim.support, key=lambda s: _overlap(extract, (s,)))
    others = tuple(s for s in claim.support if s != passage)
    return SummaryItem(passage.text, claim.id, (passage, *others), claim.status)


def _overlap(extract: Span, spans: Sequence[Span]) -> int:
    """Characters of ``extract`` that the most overlapping of ``spans`` shares with it."""
    return max(
        (min(extract.end, s.end) - max(extract.start, s.start)
         for s in spans if s.doc == extract.doc),
        default=0,
    )  # fmt: skip


def _sentence_weights(
    sentences: Sequence[Sequence[Sentence]], claims: Sequence[Claim]
) -> dict[tuple[str, int], float]:
    """(doc, sentence index) -> independent sources of the claims stated in that sentence."""
    weights: dict[tuple[str, int], float] = {}
    for article in sentences:
        for sentence in article:
            sources = [
                c.sources for c in claims for s in c.support
                if s.doc == sentence.doc and sentence.start <= s.start < sentence.end
            ]  # fmt: skip
            weights[(sentence.doc, sentence.index)] = float(max(sources, default=1))
    return weights
