"""Multi-document extractive summaries: verbatim extracts that cover a cluster's central facts.

    from newsprism.summarize import summarize
    spans = summarize(split_sentences(articles), words=100)
"""

from newsprism.summarize.summarizer import Summarizer, summarize

__all__ = ["Summarizer", "summarize"]
