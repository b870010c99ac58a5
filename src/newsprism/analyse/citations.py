"""Sources an article cites inline: "(Kommersant, April 25)", "(see EDM, April 29)",
and wire datelines: "MOSCOW (Reuters) -"."""

from __future__ import annotations

import re

from newsprism.model import Citation

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = (
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?"
    rf"|{_MONTH}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{4}})"
)
# A source name: capitalised words, may hold dots, ampersands and hyphens ("Kremlin.ru", "AP").
_SOURCE = r"[A-Z][\w.&'’-]*(?:\s+(?:of|the|and|&|[A-Z][\w.&'’-]*)){0,6}"
_PARENTHETICAL = re.compile(
    rf"\((?:see\s+|cf\.\s+|via\s+)?(?P<source>{_SOURCE}),\s*(?P<date>{_DATE})\)"
)
_DATELINE = re.compile(
    r"^[A-Z][A-Z .,'-]{1,40}\s\((?P<source>[A-Z][\w.&' -]{0,30})\)\s*[-—–]", re.MULTILINE
)


def extract_citations(text: str, doc_id: str) -> tuple[Citation, ...]:
    found = [
        Citation(doc_id, m.start(), m.end(), m["source"], m["date"])
        for m in _PARENTHETICAL.finditer(text)
    ]
    found += [
        Citation(doc_id, m.start("source") - 1, m.end("source") + 1, m["source"], None)
        for m in _DATELINE.finditer(text)
    ]
    return tuple(sorted(found, key=lambda c: c.start))


def source_span(citation: Citation, text: str) -> tuple[int, int]:
    """Where the source's name stands inside the citation."""
    start = text.index(citation.source, citation.start, citation.end)
    return start, start + len(citation.source)
