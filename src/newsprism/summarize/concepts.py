"""Concepts a summary should cover and what each is worth (Gillick & Favre 2009, ICSISumm).

A concept is a pair of adjacent stemmed words that are not both stop words. It is worth the
number of documents that use it: a bigram that several independent articles repeat names a
central fact, and ROUGE-2 rewards the summary for containing it. Bigrams used by too few
documents are noise and are dropped. With fewer than three documents, documents are too few to
vote, so sentences vote instead: a bigram is worth the number of sentences that use it.

A headline is its author's own summary of the article, so its bigrams count however few
documents repeat them: in a cluster that follows a story over several articles, each article's
new development is named in its headline and rarely anywhere else.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise

from newsprism.model import Sentence
from newsprism.summarize.words import is_content, stem_word, tokenize

Bigram = tuple[str, str]
MIN_DOCS_TO_VOTE = 3


def sentence_bigrams(text: str) -> set[Bigram]:
    tokens = tokenize(text)
    return {
        (stem_word(a), stem_word(b))
        for a, b in pairwise(tokens)
        if is_content(a) or is_content(b)
    }


def weigh_concepts(
    sentences: Sequence[Sentence],
    bigrams: Sequence[set[Bigram]],
    lead: float = 0.0,
    headlines: frozenset[int] = frozenset(),
) -> dict[Bigram, float]:
    """Each bigram's weight, for those used often enough to count or used by a headline (the
    positions ``headlines`` in ``sentences``). A vote cast from early in an article counts
    ``1 + lead / (1 + sentence index)``: news puts the main facts first."""
    def vote(sentence: Sentence) -> float:
        return 1.0 + lead / (1 + sentence.index)

    by_doc: dict[str, dict[Bigram, float]] = {}
    by_sentence: dict[Bigram, list[float]] = {}
    for sentence, found in zip(sentences, bigrams, strict=True):
        votes = by_doc.setdefault(sentence.doc, {})
        for b in found:
            votes[b] = max(votes.get(b, 0.0), vote(sentence))
            by_sentence.setdefault(b, []).append(vote(sentence))
    titled = {b for i in headlines for b in bigrams[i]}
    if len(by_doc) < MIN_DOCS_TO_VOTE:
        return {b: sum(v) for b, v in by_sentence.items() if len(v) >= 2 or b in titled}
    by_docs: dict[Bigram, list[float]] = {}
    for votes in by_doc.values():
        for b, v in votes.items():
            by_docs.setdefault(b, []).append(v)
    # 3 of 10 documents, as in ICSISumm; at least 2 in smaller clusters.
    least = max(2, math.ceil(0.25 * len(by_doc)))
    return {b: sum(v) for b, v in by_docs.items() if len(v) >= least or b in titled}
