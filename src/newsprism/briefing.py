"""Brief: the attributed summary of a compared set of articles.

The summarizer picks verbatim extracts, favouring facts that several independent sources
state (their claims' source counts are its weights). Each extract becomes a summary item linked
to the claim it states, with that claim's passages in every other article as further support.
Corroborated items come first.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.ingest.read import COMPARED_CHARS
from newsprism.model import Analysis, Claim, Sentence, Span, SummaryItem

SUMMARY_ITEMS = 8
WORDS_PER_ITEM = 32  # a news sentence runs 20-35 words


def summarize_claims(
    analyses: Sequence[Analysis], claims: Sequence[Claim], items: int = SUMMARY_ITEMS
) -> list[SummaryItem]:
    from newsprism.summarize import Summarizer

    statement_claims = [c for c in claims if c.kind == "statement"]
    # As statements, the summary draws on each article's first COMPARED_CHARS characters: the
    # summarizer's redundancy check is n × n in sentences (a 4.9 MB text has 34,000).
    sentences = [[s for s in a.sentences if s.end <= COMPARED_CHARS] for a in analyses]
    weights = _sentence_weights(sentences, statement_claims)
    # Ask for more than needed: two extracts may state one claim in two sources' words.
    extracts = Summarizer(words=2 * items * WORDS_PER_ITEM).run(sentences, weights=weights)
    summary: list[SummaryItem] = []
    stated: set[str] = set()
    for extract in extracts:
        claim = _claim_for(extract, statement_claims)
        if claim is not None and claim.id in stated:
            continue
        others = [s for s in claim.support if s.doc != extract.doc] if claim else []
        summary.append(SummaryItem(extract.text, claim.id if claim else None,
                                   (extract, *others)))
        if claim is not None:
            stated.add(claim.id)
        if len(summary) == items:
            break
    by_claim = {c.id: c for c in claims}
    summary.sort(key=lambda item: -(by_claim[item.claim].sources if item.claim else 1))
    return summary


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


def _claim_for(extract: Span, claims: Sequence[Claim]) -> Claim | None:
    """The claim whose passage in the extract's article overlaps the extract most."""

    def overlap(claim: Claim) -> int:
        return max(
            (min(extract.end, s.end) - max(extract.start, s.start)
             for s in claim.support if s.doc == extract.doc),
            default=0,
        )  # fmt: skip

    best = max(claims, key=overlap, default=None)
    return best if best is not None and overlap(best) > 0 else None
