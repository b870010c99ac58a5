"""Analyse: sentences, entity mentions, quotes, figures, dates and inline citations of articles.

``analyse_articles`` runs spaCy once per article and hands the same parsed document to each
extractor; ``resolve_entities`` then links mentions across articles.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newsprism.analyse.citations import extract_citations
from newsprism.analyse.dates import extract_dates
from newsprism.analyse.descriptions import describe_entities
from newsprism.analyse.entities import extract_mentions
from newsprism.analyse.figures import extract_figures
from newsprism.analyse.nlp import load_nlp, parse_texts
from newsprism.analyse.quotes import extract_quotes
from newsprism.analyse.recase import NO_NAMES, Names, printed, reading_copy
from newsprism.analyse.resolve import name_completer, name_speakers, resolve_entities
from newsprism.analyse.sentences import sentences_from_doc, split_sentences
from newsprism.analyse.statements import CREDIT_LINE, extract_statements
from newsprism.ingest.text import metadata_line_ranges
from newsprism.model import Analysis, Article, Entity, Mention, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["analyse_article", "analyse_articles", "resolve_and_name", "resolve_entities",
           "split_sentences"]


def analyse_doc(article: Article, doc: Doc) -> Analysis:
    """Everything in one article, from its spaCy parse."""
    citations = extract_citations(article.text, article.id)
    mentions = extract_mentions(doc, article.id, citations, article.outlet)
    sentences = sentences_from_doc(doc, article.id)
    # Header lines ("Date: 2025-03-04") state the article's own date, not an event of it; a
    # rights line's year ("Copyright 2026 The Associated Press") is the copy's, no figure.
    skip = metadata_line_ranges(article.text) + [(c.start, c.end) for c in citations] + [
        (s.start, s.end) for s in sentences if CREDIT_LINE.search(s.text)]
    dates = extract_dates(doc, article.id, article.date, skip=skip)
    skip += [(d.start, d.end) for d in dates.dates] + list(dates.durations)
    quotes = extract_quotes(doc, article.id, mentions, citations)
    quoted = [(q.start, q.end) for q in quotes]
    return Analysis(
        article=article,
        sentences=sentences,
        statements=extract_statements(doc, article, sentences, quoted),
        mentions=mentions,
        quotes=quotes,
        figures=extract_figures(doc, article.id, skip),
        dates=dates.dates,
        citations=citations,
        described=describe_entities(doc, article.id, mentions, quoted),
    )


def analyse_article(article: Article) -> Analysis:
    return _analyse_batch(load_nlp("full"), [article], NO_NAMES)[0]


def analyse_articles(
    articles: Iterable[Article], batch_size: int = 16, names: Names = NO_NAMES
) -> Iterator[Analysis]:
    """Analyse a stream of articles, parsing them in batches. ``names``: how the other articles
    of a briefing write names, to restore the capitals of a caseless text (``recase``)."""
    articles = iter(articles)
    nlp = load_nlp("full")
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) == batch_size:
            yield from _analyse_batch(nlp, batch, names)
            batch = []
    yield from _analyse_batch(nlp, batch, names)


def _analyse_batch(nlp, batch: list[Article], names: Names) -> list[Analysis]:  # type: ignore[no-untyped-def]
    # The strings and lexemes a batch adds to the vocabulary are freed when it is done: an
    # Analysis holds plain Python strings, and without the zone a long-running ingest's workers
    # grow with every new name in the news (about 200 bytes a word).
    readings = [reading_copy(a.text, names) for a in batch]
    with nlp.memory_zone():
        docs = parse_texts(nlp, readings)
        return [analyse_doc(article, doc) if reading == article.text
                else _as_printed(analyse_doc(replace(article, text=reading), doc), article)
                for article, reading, doc in zip(batch, readings, docs, strict=True)]  # fmt: skip


def _as_printed(analysis: Analysis, article: Article) -> Analysis:
    """An analysis of a cased reading copy, given back the article's own characters: the copy
    has the text's length, so every offset holds."""
    def own(items):  # type: ignore[no-untyped-def]
        return tuple(printed(i, article.text) for i in items)

    quotes = tuple(_described_as(_speaker_as(q, lambda m: printed(m, article.text)), article.text)
                   for q in own(analysis.quotes))
    return replace(
        analysis, article=article, sentences=own(analysis.sentences),
        statements=own(analysis.statements), mentions=own(analysis.mentions), quotes=quotes,
        figures=own(analysis.figures), dates=own(analysis.dates),
        described=tuple(replace(d, name=printed(d.name, article.text))
                        for d in own(analysis.described)),
    )  # fmt: skip


def resolve_and_name(analyses: Sequence[Analysis], names: Names = NO_NAMES
                     ) -> tuple[list[Entity], list[Quote]]:
    """The entities of a briefing's analyses, and their quotes with the speakers named. The
    mentions of a caseless text are resolved as its cased reading copy writes them ("John
    Smith" joins "Smith"), a person's name read on to the end of a name the briefing gives in
    full (``name_completer``), and handed back in the article's own characters."""
    readings = {a.article.id: reading for a in analyses
                if (reading := reading_copy(a.article.text, names)) is not a.article.text}
    texts = {a.article.id: a.article.text for a in analyses}

    def cased(mention: Mention) -> Mention:
        return printed(mention, readings[mention.doc]) if mention.doc in readings else mention

    def own(mention: Mention) -> Mention:
        return printed(mention, texts[mention.doc]) if mention.doc in readings else mention

    mentions = [cased(m) for a in analyses for m in a.mentions]
    complete = name_completer(mentions, readings)

    def read(mention: Mention) -> Mention:
        return complete(cased(mention))

    entities = resolve_entities(map(complete, mentions))
    quotes = name_speakers((_speaker_as(q, read) for a in analyses for q in a.quotes), entities)
    if not readings:
        return entities, quotes
    return ([replace(e, mentions=tuple(own(m) for m in e.mentions)) for e in entities],
            [_speaker_as(q, own) for q in quotes])


def _speaker_as(quote: Quote, written: Callable[[Mention], Mention]) -> Quote:
    mention = quote.speaker_mention
    return quote if mention is None else replace(quote, speaker_mention=written(mention))


def _described_as(quote: Quote, text: str) -> Quote:
    """The quote with its unnamed speaker's description as ``text`` writes it."""
    described = quote.speaker_description
    return quote if described is None else replace(quote, speaker_description=printed(
        described, text))
