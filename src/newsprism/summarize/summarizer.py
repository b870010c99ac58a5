"""The multi-document extractive summarizer: candidates → concepts → exact selection → order."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from newsprism.errors import InputError
from newsprism.model import Sentence, Span
from newsprism.summarize.concepts import sentence_bigrams, weigh_concepts
from newsprism.summarize.features import Candidate, find_headlines, make_candidates
from newsprism.summarize.optimise import Selection, select_extracts
from newsprism.summarize.redundancy import find_conflicts

EMBEDDING_DIM = 384
# Trimming clauses frees words for more facts only when words are scarce: it gained R-2 at 100
# words and lost it at 250 on both MultiLing and Multi-News (see bench/summaries.py --trim).
TIGHT_BUDGET = 150


class Summarizer:
    """Extractive summary of a cluster of articles about one event, within ``words`` words.

    Parameters
    ----------
    words: the budget; the returned extracts hold at most this many white-space separated words.
    trim: also consider each sentence without its leading connective or trailing attribution
        clause (see ``newsprism.summarize.compress``); by default, when ``words`` is at most
        ``TIGHT_BUDGET``. Datelines are always cut: they are not part of the sentence.
    redundancy: tf-idf cosine (content stems) at which two sentences count as saying the same.
    paraphrase: embedding cosine at which two sentences count as saying the same (used when
        embeddings are given).
    lead: extra weight of a concept's vote from early in an article (see ``weigh_concepts``).
    position: weight of the lead prior, favouring words early in their article, in units of
        the heaviest concept's weight: a first sentence of average length gains ``position``
        such concepts, a longer one more, a second one half as much.
    corroboration: how much each further independent source adds to a sentence's value, in units
        of the richest sentence's concept weight.
    """

    def __init__(
        self,
        words: int = 100,
        *,
        trim: bool | None = None,
        redundancy: float = 0.5,
        paraphrase: float = 0.8,
        lead: float = 1.0,
        position: float = 3.0,
        corroboration: float = 1.0,
    ) -> None:
        self.words = words
        self.trim = trim
        self.redundancy = redundancy
        self.paraphrase = paraphrase
        self.lead = lead
        self.position = position
        self.corroboration = corroboration

    def run(
        self,
        documents: Sequence[Sequence[Sentence]],
        *,
        embeddings: np.ndarray | None = None,
        weights: Mapping[tuple[str, int], float] | None = None,
    ) -> list[Span]:
        """The extracts to show, in order: corroborated facts first, then by position."""
        if self.words < 1:
            raise ValueError(f"Summarizer(words={self.words}): the budget must be at least 1 word")
        sentences = [s for doc in documents for s in doc]
        if not sentences:
            raise InputError("summarize", "the cluster holds no sentences; give it at least one "
                             "article with text")
        if embeddings is not None and embeddings.shape[0] != len(sentences):
            raise ValueError(
                f"embeddings has {embeddings.shape[0]} rows but the documents hold "
                f"{len(sentences)} sentences; give one row per sentence, in order"
            )
        trim = self.words <= TIGHT_BUDGET if self.trim is None else self.trim
        candidates = make_candidates(sentences, trim=trim)
        if not candidates:
            return []

        bigrams = [sentence_bigrams(s.text) for s in sentences]
        concept_weight = weigh_concepts(sentences, bigrams, self.lead, find_headlines(sentences))
        index = {b: i for i, b in enumerate(concept_weight)}
        covered = [
            [index[b] for b in sentence_bigrams(c.text) if b in index] for c in candidates
        ]
        support = np.array([self._support(sentences[c.sentence], weights) for c in candidates])
        weight = np.array(list(concept_weight.values()))
        heaviest = max(weight, default=1.0)
        richest = max((weight[found].sum() for found in covered), default=heaviest)
        lead = lead_prior(candidates)
        # Each further source is worth as much as the richest single sentence: a fact several
        # sources tell outranks any fact only one tells, the budget permitting.
        bonus = self.position * heaviest * lead + self.corroboration * richest * (support - 1)

        pool = sorted({c.sentence for c in candidates})
        at = {s: k for k, s in enumerate(pool)}
        vectors = embeddings[pool] if embeddings is not None else None
        conflicts = find_conflicts(
            [sentences[s].text for s in pool], vectors, self.redundancy, self.paraphrase
        )
        chosen = select_extracts(Selection(
            words=[c.words for c in candidates],
            groups=[at[c.sentence] for c in candidates],
            concepts=covered,
            weights=weight,
            bonus=bonus,
            conflicts=conflicts,
            budget=self.words,
        ))
        doc_order = {doc: k for k, doc in enumerate(dict.fromkeys(s.doc for s in sentences))}
        chosen.sort(key=lambda j: (
            -support[j], candidates[j].rank, doc_order[sentences[candidates[j].sentence].doc]
        ))
        return [
            Span(sentences[candidates[j].sentence].doc, candidates[j].start, candidates[j].end,
                 candidates[j].text)
            for j in chosen
        ]

    @staticmethod
    def _support(sentence: Sentence, weights: Mapping[tuple[str, int], float] | None) -> float:
        if weights is None:
            return 1.0
        return max(1.0, float(weights.get((sentence.doc, sentence.index), 1.0)))


def lead_prior(candidates: Sequence[Candidate]) -> np.ndarray:
    """Each candidate's share of the lead prior: its words, over the mean candidate's, divided
    by one plus its rank in its article. Counted per word, the prior does not depend on how an
    article splits its opening facts into sentences; counted per sentence it paid the summary
    for taking several short early sentences in place of one full one, which lost ROUGE on
    both MultiLing and Multi-News at 100 and 250 words (see bench/summaries.py)."""
    words = np.array([c.words for c in candidates], dtype=float)
    ranks = np.array([c.rank for c in candidates], dtype=float)
    return words / words.mean() / (1 + ranks)


def summarize(
    documents: Sequence[Sequence[Sentence]],
    *,
    words: int = 100,
    embeddings: np.ndarray | None = None,
    weights: Mapping[tuple[str, int], float] | None = None,
) -> list[Span]:
    """``Summarizer(words).run(documents, ...)``: the extracts to show, within ``words`` words."""
    return Summarizer(words).run(documents, embeddings=embeddings, weights=weights)
