"""Which articles are independent sources, and which copies a briefing folds in.

Articles from one outlet are one source, and so are copies of one text (reprinted wire copy,
found by ``newsprism.dedup``): counting them twice would turn one report into several
confirmations. The rule is the store's too (``model.source_key``): a copy counts as its original.

A briefing reads each text once (``fold_copies``): an exact copy, or another outlet's near copy
that adds nothing to its original (a reprint, perhaps trimmed or with a line of its own), is left
out and named in one note. A near copy with words of its own stays, counted as its original: it
is most often a later version of the report (a wire write-thru), whose changes are news, or two
short reports that merely share their lead.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath

from newsprism.dedup import DuplicateFinder, estimate_overlap
from newsprism.model import Article, DuplicateLink, Source, source_key

NOTE_EXAMPLES = 3  # copies the note names before "and N more"


def source_keys(articles: Sequence[Article]) -> dict[str, str]:
    """Article id -> the key of the independent source it belongs to."""
    original = {copy: link.original for copy, link in _copies(articles).items()}
    outlet = {a.id: a.outlet for a in articles}
    return {
        a.id: source_key(outlet[original.get(a.id, a.id)], original.get(a.id, a.id))
        for a in articles
    }


def independent_sources(articles: Sequence[Article]) -> tuple[Source, ...]:
    """The articles grouped by independent source (``source_keys``), in reading order."""
    keys = source_keys(articles)
    groups: dict[str, list[Article]] = {}
    for article in articles:
        groups.setdefault(keys[article.id], []).append(article)
    return tuple(
        Source(next((a.outlet for a in members if a.outlet), None)
               or members[0].title or members[0].id, tuple(a.id for a in members))
        for members in groups.values()
    )  # fmt: skip


def fold_copies(articles: Sequence[Article]) -> tuple[list[Article], str | None]:
    """The articles a briefing reads, and one line naming the copies folded into them (None
    when there are none). A folded copy is neither analysed nor counted: its original speaks
    for it."""
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
        return list(articles), None
    left_out = {link.article for link in folded}
    named = "; ".join(
        f"{_name(by_id[link.article])} ({link.kind} copy of {_name(by_id[link.original])})"
        for link in folded[:NOTE_EXAMPLES]
    )
    more = f"; and {len(folded) - NOTE_EXAMPLES} more" if len(folded) > NOTE_EXAMPLES else ""
    noun = "copy" if len(folded) == 1 else "copies"
    note = (f"{len(folded)} {noun} folded into the articles they copy (read and counted once): "
            f"{named}{more}")
    return [a for a in articles if a.id not in left_out], note


def _copies(articles: Sequence[Article]) -> dict[str, DuplicateLink]:
    """Copy id -> its link to the first article of ``articles`` that it copies."""
    _, links = DuplicateFinder().run(articles)
    return {link.article: link for link in links}


def _same_outlet(copy: Article, original: Article) -> bool:
    return bool(copy.outlet and original.outlet) and source_key(
        copy.outlet, copy.id
    ) == source_key(original.outlet, original.id)


def _name(article: Article) -> str:
    """How the note names an article: its file's name, else its id."""
    return PurePath(article.path).name if article.path else article.id
