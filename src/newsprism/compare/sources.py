"""Which articles are independent sources, and which copies a briefing folds in.

Articles from one outlet are one source, and so are copies of one text (reprinted wire copy,
found by ``newsprism.dedup``): counting them twice would turn one report into several
confirmations. The rule is the store's too (``model.source_key``): a copy counts as its original.
Within a briefing, a reprint whose light edits (another headline, a paragraph cut or added,
words respelled) hide it from word shingles is found too, by the runs of words it shares in
order with another text (``dedup.reprints``); copies of copies are one group under the first.

A briefing reads each text once (``fold_copies``): an exact copy, or another outlet's near copy
that adds nothing to its original (a reprint, perhaps trimmed or with a line of its own), is left
out and named in one note. A near copy with words of its own stays, counted as its original: it
is most often a later version of the report (a wire write-thru), whose changes are news, or two
short reports that merely share their lead. A reprint found by runs of words is never folded:
what it changes is in no run (a figure), so only its count is its original's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import PurePath
from typing import NamedTuple

from newsprism.dedup import DuplicateFinder, estimate_overlap, grouped, reprints
from newsprism.model import Article, DuplicateLink, Printed, Source, printers, source_key

NOTE_EXAMPLES = 3  # copies the note names before "and N more"


def source_keys(articles: Sequence[Article]) -> dict[str, str]:
    """Article id -> the key of the independent source it belongs to."""
    original = _originals(articles)
    return {a.id: source_key(original[a.id].outlet, original[a.id].id) for a in articles}


def independent_sources(
    articles: Sequence[Article], left_out: Mapping[str, Sequence[Printed]] | None = None
) -> tuple[Source, ...]:
    """The articles grouped by independent source (``source_keys``), in reading order, each
    named as its original is: a reprint's outlet never names the report it copies, but is
    listed among those that print the source's text (``printers``), and so are the copies
    ``left_out`` of ``articles`` (by the id of the article each copies: ``fold_copies``'s, or
    a stored story's copies)."""
    original = _originals(articles)
    left_out = left_out or {}
    groups: dict[str, list[Article]] = {}
    for article in articles:
        first = original[article.id]
        groups.setdefault(source_key(first.outlet, first.id), []).append(article)
    return tuple(
        Source(first.outlet or first.title or first.id, tuple(a.id for a in members),
               printers(first, [*members, *(c for m in members for c in left_out.get(m.id, ()))]))
        for members in groups.values()
        for first in [original[members[0].id]]
    )  # fmt: skip


class Folded(NamedTuple):
    kept: list[Article]  # the articles a briefing reads
    note: str | None  # one line naming the copies folded into them, None when there are none
    copies: dict[str, list[Article]]  # kept article id -> the copies of it folded in


def fold_copies(articles: Sequence[Article]) -> Folded:
    """The articles a briefing reads, and the copies folded into them, named in one line. A
    folded copy is neither analysed nor counted: its original speaks for it (and its source
    lists it among those that print its text)."""
    finder = DuplicateFinder()
    prints, links = finder.run(articles)
    by_id = {a.id: a for a in articles}
    printed = {p.article: p for p in prints}

    def folds(link: DuplicateLink) -> bool:
        """An exact copy; or another outlet's near copy nearly all of whose words its original
        has (what it adds is not news)."""
        if link.kind == "exact":
            return True
        if _same_outlet(by_id[link.article], by_id[link.original]):
            return False
        copy, original = printed[link.article], printed[link.original]
        jaccard, _ = estimate_overlap(copy, original)
        shared = jaccard / (1.0 + jaccard) * (copy.shingles + original.shingles)
        return shared >= finder.containment * copy.shingles

    folded = [link for link in links if folds(link)]
    if not folded:
        return Folded(list(articles), None, {})
    left_out = {link.article for link in folded}
    copies: dict[str, list[Article]] = {}
    for link in folded:
        copies.setdefault(link.original, []).append(by_id[link.article])
    named = "; ".join(
        f"{copy} ({link.kind} copy of {original})"
        for link in folded[:NOTE_EXAMPLES]
        for copy, original in [_names(by_id[link.article], by_id[link.original])]
    )
    more = f"; and {len(folded) - NOTE_EXAMPLES} more" if len(folded) > NOTE_EXAMPLES else ""
    noun = "copy" if len(folded) == 1 else "copies"
    note = (f"{len(folded)} {noun} folded into the articles they copy (read and counted once): "
            f"{named}{more}")
    return Folded([a for a in articles if a.id not in left_out], note, copies)


def _originals(articles: Sequence[Article]) -> dict[str, Article]:
    """Article id -> the article of ``articles`` it copies, or itself."""
    by_id = {a.id: a for a in articles}
    prints, found = DuplicateFinder().run(articles)
    copied = grouped(articles, [*found, *reprints(articles, prints, found)])
    return {a.id: by_id[copied.get(a.id, a.id)] for a in articles}


def _same_outlet(copy: Article, original: Article) -> bool:
    return bool(copy.outlet and original.outlet) and source_key(
        copy.outlet, copy.id
    ) == source_key(original.outlet, original.id)


def _names(copy: Article, original: Article) -> tuple[str, str]:
    """How the note names a copy and its original: their files' names, else their ids; their
    paths where the names are one ("dup1.txt (exact copy of dup1.txt)" named no file)."""
    names = [PurePath(a.path).name if a.path else a.id for a in (copy, original)]
    if names[0] == names[1]:
        names = [a.path or a.id for a in (copy, original)]
    return names[0], names[1]
