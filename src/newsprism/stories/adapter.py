"""Stand-in for ``newsprism.analyse.analyse_articles`` until it lands on main: sentences, named
entities, absolute dates and bare figures straight from spaCy. Replace it, then delete it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsprism.analyse.nlp import load_nlp
from newsprism.analyse.sentences import sentences_from_doc
from newsprism.model import Analysis, Article, DateMention, Figure, Mention

_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")


def analyse_articles(articles: Sequence[Article]) -> list[Analysis]:
    results = []
    for article, doc in zip(articles, load_nlp("full").pipe(a.text for a in articles),
                            strict=True):
        mentions, dates, figures = [], [], []
        for ent in doc.ents:
            span = (article.id, ent.start_char, ent.end_char, ent.text)
            if ent.label_ == "DATE":
                dates.append(DateMention(*span, value=_normalise_date(ent.text, article.date)))
            elif ent.label_ in ("CARDINAL", "QUANTITY", "MONEY", "PERCENT"):
                number = _NUMBER.search(ent.text)
                if number:
                    figures.append(Figure(*span, value=float(number[0].replace(",", ""))))
            else:
                mentions.append(Mention(*span, type=ent.label_))
        results.append(Analysis(article, sentences_from_doc(doc, article.id), tuple(mentions),
                                figures=tuple(figures), dates=tuple(dates)))
    return results


def _normalise_date(text: str, article_date: str | None) -> str | None:
    """ISO value cut to the precision the text gives; relative dates need the article date."""
    from datetime import datetime

    from dateparser.date import DateDataParser

    if not _YEAR.search(text) and not article_date:
        return None
    settings = {"RELATIVE_BASE": datetime.fromisoformat(article_date[:10])} if article_date else {}
    try:
        data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    except (ValueError, OverflowError):
        return None
    if data.date_obj is None:
        return None
    length = {"year": 4, "month": 7}.get(data.period or "day", 10)
    return data.date_obj.date().isoformat()[:length]
