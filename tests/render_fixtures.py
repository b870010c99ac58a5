"""Briefings built by hand from two short articles the tests write themselves.

A port strike told by two outlets: they agree on the day, the breakdown of talks and the daily
cost, differ on how many workers walked out, and each reports something the other does not.
Every span is found with ``str.find``, so its offsets are exact by construction.
"""

from __future__ import annotations

import re
from itertools import count

from newsprism.model import (
    Article,
    Briefing,
    Citation,
    Claim,
    DateMention,
    Entity,
    Figure,
    Mention,
    Quote,
    Span,
    SummaryItem,
)

GAZETTE_TEXT = (
    "CALDER — About 4,000 dockworkers walked off the job at the Port of Calder on Monday, "
    "halting container traffic at the country's second-busiest harbour.\n\n"
    "The strike was called by the Harbour Workers' Union after talks on pay broke down late on "
    "Sunday. “We have been patient for two years, and patience has not paid the rent,” said "
    "union leader Maria Okafor.\n\n"
    "The port authority said the stoppage was costing $12 million a day "
    "(Calder Business Daily, March 3). Shipping lines began diverting vessels to Norwick on "
    "Tuesday. Okafor said the strike would last until the port authority returned to the table."
)
TIMES_TEXT = (
    "Some 3,500 port workers at Calder stopped work on Monday, according to the port "
    "authority. Union chief Maria Okafor called the walkout “a last resort”.\n\n"
    "Talks between the union and the port authority collapsed on Sunday night over wages. "
    "Port authority chief executive Daniel Reyes said the dispute was “entirely avoidable” and "
    "urged workers to return.\n\n"
    "Analysts at Meridian Freight estimate the stoppage costs the regional economy "
    "$12 million every day. The government has not commented."
)


def find_span(article: Article, phrase: str, after: str = "") -> Span:
    """The first occurrence of ``phrase`` (after the first ``after``) in ``article.text``."""
    start = article.text.find(phrase, article.text.find(after) if after else 0)
    assert start >= 0, f"{phrase!r} is not in {article.id}"
    return Span(article.id, start, start + len(phrase), phrase)


def _mentions(articles: list[Article], kind: str, *names: str) -> tuple[Mention, ...]:
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
    return tuple(
        Mention(a.id, m.start(), m.end(), m.group(), kind)
        for a in articles
        for m in pattern.finditer(a.text)
    )


def build_briefing(gazette: Article, times: Article, problems: tuple[str, ...] = ()) -> Briefing:
    """The port-strike briefing over two articles whose texts follow GAZETTE_TEXT/TIMES_TEXT."""
    g, t = gazette, times
    ids = (f"c{n}" for n in count(1))

    def claim(status: str, *spans: Span, note: str | None = None, kind: str = "statement") -> Claim:
        sources = len({s.doc for s in spans}) if status == "corroborated" else 1
        return Claim(next(ids), status, spans[0].text, spans, sources, kind, note)  # type: ignore[arg-type]

    walkout = claim(
        "corroborated",
        find_span(g, "About 4,000 dockworkers walked off the job at the Port of Calder on Monday"),
        find_span(t, "Some 3,500 port workers at Calder stopped work on Monday"),
    )
    talks = claim(
        "corroborated",
        find_span(g, "talks on pay broke down late on Sunday"),
        find_span(t, "Talks between the union and the port authority collapsed on Sunday night"),
    )
    cost = claim(
        "corroborated",
        find_span(g, "the stoppage was costing $12 million a day"),
        find_span(t, "the stoppage costs the regional economy $12 million every day"),
        kind="figure",
    )
    strikers_g, strikers_t = (
        find_span(g, "About 4,000 dockworkers"),
        find_span(t, "3,500 port workers"),
    )
    strikers = claim(
        "contradicted",
        strikers_g,
        strikers_t,
        note=f"How many walked out: {g.outlet} “{strikers_g.text}”; {t.outlet} “{strikers_t.text}”",
        kind="figure",
    )
    diverted = claim(
        "single_source",
        find_span(g, "Shipping lines began diverting vessels to Norwick on Tuesday."),
    )
    until = claim(
        "single_source",
        find_span(
            g, "Okafor said the strike would last until the port authority returned to the table."
        ),
    )
    avoidable = claim(
        "single_source",
        find_span(
            t,
            "Port authority chief executive Daniel Reyes said the dispute was “entirely avoidable”",
        ),
        kind="quote",
    )
    silent = claim("single_source", find_span(t, "The government has not commented."))
    claims = (walkout, talks, cost, strikers, diverted, until, avoidable, silent)
    summary = tuple(
        SummaryItem(c.support[0].text, c.id, c.support, c.status)
        for c in (walkout, talks, cost, diverted, avoidable)
    )

    def quote(article: Article, words: str, speaker: str, kind: str = "quote") -> Quote:
        span = find_span(article, words)
        return Quote(article.id, span.start, span.end, words, speaker, None, kind)  # type: ignore[arg-type]

    def figure(article: Article, text: str, value: float, unit: str | None, what: str) -> Figure:
        span = find_span(article, text)
        return Figure(article.id, span.start, span.end, text, value, unit, what)

    def date(article: Article, text: str, value: str | None) -> DateMention:
        span = find_span(article, text)
        return DateMention(article.id, span.start, span.end, text, value)

    docs = [g, t]
    okafor_mentions = _mentions(docs, "PERSON", "Maria Okafor", "Okafor")
    entities = (
        Entity("e1", "Maria Okafor", "PERSON", ("Okafor",), okafor_mentions),
        Entity("e2", "Port of Calder", "FAC", (), _mentions([g], "FAC", "Port of Calder")),
        Entity("e3", "Calder", "GPE", ("CALDER",), _mentions(docs, "GPE", "Calder", "CALDER")),
        Entity(
            "e4",
            "Harbour Workers' Union",
            "ORG",
            (),
            _mentions([g], "ORG", "Harbour Workers' Union"),
        ),
        Entity("e5", "Daniel Reyes", "PERSON", (), _mentions([t], "PERSON", "Daniel Reyes")),
        Entity("e6", "Norwick", "GPE", (), _mentions([g], "GPE", "Norwick")),
        Entity("e7", "Meridian Freight", "ORG", (), _mentions([t], "ORG", "Meridian Freight")),
    )
    citation = find_span(g, "(Calder Business Daily, March 3)")
    return Briefing(
        documents=(g, t),
        entities=entities,
        quotes=(
            quote(
                g,
                "We have been patient for two years, and patience has not paid the rent,",
                "Maria Okafor",
            ),
            quote(t, "a last resort", "Maria Okafor", "phrase"),
            quote(t, "entirely avoidable", "Daniel Reyes", "phrase"),
        ),
        figures=(
            figure(g, "4,000 dockworkers", 4000, None, "dockworkers on strike"),
            figure(t, "3,500 port workers", 3500, None, "port workers on strike"),
            figure(g, "$12 million a day", 12_000_000, "USD", "daily cost of the stoppage"),
            figure(t, "$12 million every day", 12_000_000, "USD", "daily cost to the economy"),
        ),
        dates=(
            date(g, "Monday", "2025-03-03"),
            date(t, "Monday", "2025-03-03"),
            date(g, "Sunday", "2025-03-02"),
            date(t, "Sunday night", "2025-03-02"),
            date(g, "Tuesday", "2025-03-04"),
            date(g, "March 3", "2025-03-03"),
        ),
        citations=(
            Citation(g.id, citation.start, citation.end, "Calder Business Daily", "March 3"),
        ),
        claims=claims,
        summary=summary,
        problems=problems,
    )


def gazette(text: str = GAZETTE_TEXT, **meta: str) -> Article:
    fields = {
        "title": "Dockworkers walk out at Port of Calder",
        "outlet": "Harbour Gazette",
        "author": "Ines Duarte",
        "date": "2025-03-03",
        "path": "articles/gazette.txt",
        **meta,
    }
    return Article(id="gazette", text=text, **fields)


def times(text: str = TIMES_TEXT, **meta: str) -> Article:
    fields = {
        "title": "Port of Calder strike strands ships",
        "outlet": "Coastal Times",
        "date": "2025-03-04",
        "url": "https://coastal-times.example/calder-strike",
        **meta,
    }
    return Article(id="times", text=text, **fields)


def port_strike_briefing() -> Briefing:
    return build_briefing(gazette(), times(), problems=("articles/empty.txt: the file is empty",))


HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)>"
HOSTILE_LINK = '<a href="javascript:alert(2)">click</a>[click](javascript:alert(3))'


def hostile_briefing() -> Briefing:
    """The same story, with markup and scripts in every article field a renderer shows."""
    g = gazette(
        text=GAZETTE_TEXT.replace("CALDER — ", f"CALDER {HOSTILE} — ").replace(
            "Shipping lines", f"{HOSTILE_LINK} Shipping lines"
        ),
        title=f"Walkout {HOSTILE}",
        outlet='Gazette"><svg onload=alert(4)>',
        author="[bold red]Mallory[/bold red] \x1b[2J",
        url="javascript:alert(5)",
    )
    t = times(
        text=TIMES_TEXT.replace("Some 3,500", f"{HOSTILE_LINK} Some 3,500"),
        outlet=f"<b>Times</b>{HOSTILE}",
        title="[link=javascript:alert(6)]Times[/link] `code` *bold* # heading | cell |",
    )
    briefing = build_briefing(g, t, problems=(f"{HOSTILE}.txt: not UTF-8",))
    entities = (
        *briefing.entities,
        Entity(
            "e99", f"Eve {HOSTILE}", "PERSON", (HOSTILE_LINK,), _mentions([g], "PERSON", "alert")
        ),
    )
    hostile_span = find_span(g, HOSTILE)
    claims = (
        *briefing.claims,
        Claim("c99", "single_source", hostile_span.text, (hostile_span,), 1, "statement", HOSTILE),
    )
    return Briefing(
        documents=briefing.documents,
        entities=entities,
        quotes=(
            *briefing.quotes,
            Quote(g.id, hostile_span.start, hostile_span.end, hostile_span.text, HOSTILE_LINK),
        ),
        figures=briefing.figures,
        dates=briefing.dates,
        citations=(
            *briefing.citations,
            Citation(g.id, hostile_span.start, hostile_span.end, HOSTILE, HOSTILE_LINK),
        ),
        claims=claims,
        summary=briefing.summary,
        problems=briefing.problems,
    )
