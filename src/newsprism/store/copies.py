"""Copies (``store.copies``): which stored articles copy which (see ``newsprism.dedup``).

A copy's link points at the original, never at another copy, so a briefing counts each
independent source once. The links and fingerprints are written with the articles
(``store.articles.save``); this repository reads them.

Reprints with light edits, which MinHash misses, are found as a briefing finds them
(``dedup.reprints``), among a story's articles whenever some join it (``find_reprints``,
called by the story verbs), and kept as links of their own in ``reprints``: a reprint is
still read by briefings and search, but counts as the source of the text it prints
(``source_keys``), so a story's count of sources is its briefing's.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from newsprism.dedup import CopyGroups, DuplicateFinder, reprint_candidates, reprints
from newsprism.model import Article, DuplicateLink, Fingerprint, source_key
from newsprism.store.database import Database, chunks, marks

_LINK = "SELECT id, duplicate_of, duplicate_kind, similarity FROM articles"


class Copies:
    def __init__(self, db: Database) -> None:
        self.db = db

    def of(self, article_id: str) -> list[DuplicateLink]:
        """The copies of an original, in ingestion order."""
        rows = self.db.execute(f"{_LINK} WHERE duplicate_of = ? ORDER BY seq", (article_id,))
        return [DuplicateLink(*row) for row in rows]

    def link(self, article_id: str) -> DuplicateLink | None:
        """What an article is a copy of (None when it is an original)."""
        rows = self.db.execute(
            f"{_LINK} WHERE id = ? AND duplicate_of IS NOT NULL", (article_id,)
        )
        return DuplicateLink(*rows[0]) if rows else None

    def originals(self, ids: Sequence[str]) -> dict[str, str]:
        """Each stored id to its original (itself when independent)."""
        found: dict[str, str] = {}
        for chunk in chunks(list(ids)):
            found.update(self.db.execute(
                f"SELECT id, coalesce(duplicate_of, id) FROM articles WHERE id IN ({marks(chunk)})",
                chunk,
            ))  # fmt: skip
        return found

    def original_of_text(self, text_hash: str) -> str | None:
        """The original of a stored article with this normalised text
        (``newsprism.dedup.hash_text``)."""
        rows = self.db.execute(
            "SELECT coalesce(duplicate_of, id) FROM articles WHERE text_hash = ? "
            "ORDER BY seq LIMIT 1",
            (text_hash,),
        )
        return rows[0][0] if rows else None

    def similar(self, band_keys: Sequence[int]) -> list[tuple[Fingerprint, str]]:
        """Stored fingerprints sharing an LSH band key, each with its article's original."""
        if not band_keys:
            return []
        rows = self.db.execute(
            "SELECT f.article_id, a.text_hash, f.signature, f.shingles, "
            "coalesce(a.duplicate_of, a.id) FROM fingerprints f "
            "JOIN articles a ON a.id = f.article_id WHERE f.article_id IN ("
            f"SELECT article_id FROM fingerprint_bands WHERE band_key IN ({marks(band_keys)}))",
            list(band_keys),
        )
        return [(Fingerprint(r[0], r[1], bytes(r[2]), r[3], ()), r[4]) for r in rows]

    def find_reprints(self, members: Sequence[str], among: Collection[str]) -> None:
        """Store the reprints (``dedup.reprints``) between ``members``, a story's articles in
        ingestion order, and those of them ``among`` (the story's newcomers): the pairs of
        one group already (a copy and its original, a reprint found before) are not read."""
        if len(members) < 2 or not among:
            return
        prints = self._fingerprints(members)
        candidates = reprint_candidates(prints, among)
        if not candidates:
            return
        read = [m for m in members if m in candidates]
        articles = self._texts(read)
        found = reprints(articles, [p for p in prints if p.article in candidates],
                         self._links_among(read), among=among)
        self.db.executemany(
            "INSERT INTO reprints (article_id, original_id, similarity) VALUES (?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            [(link.article, link.original, link.similarity) for link in found],
        )

    def source_keys(self, ids: Sequence[str]) -> dict[str, str]:
        """The independent source each stored article of ``ids`` counts as, among ``ids``:
        a copy its original's; a group of reprints among them (``reprints``), its first
        article's in ingestion order, as a briefing of them counts it
        (``compare.sources.source_keys``)."""
        rows: list[tuple[int, str, str, str | None]] = []
        for chunk in chunks(list(dict.fromkeys(ids))):
            rows += self.db.execute(
                # A copy is its original's source, whoever printed it: its original's outlet.
                "SELECT a.seq, a.id, coalesce(a.duplicate_of, a.id), "
                "CASE WHEN a.duplicate_of IS NULL THEN a.outlet ELSE o.outlet END "
                "FROM articles a LEFT JOIN articles o ON o.id = a.duplicate_of "
                f"WHERE a.id IN ({marks(chunk)})",
                chunk,
            )
        rows.sort()
        original = {article: first for _, article, first, _ in rows}
        outlet = {first: name for _, _, first, name in rows}
        groups = CopyGroups(list(outlet))  # originals, in the order their first copy came
        for link in self._links_among(list(original)):
            groups.join(original[link.article], original[link.original])
        return {article: source_key(outlet[root], root)
                for article, first in original.items() for root in [groups.original(first)]}

    def _links_among(self, ids: Sequence[str]) -> list[DuplicateLink]:
        """The copy links (MinHash's and reprints') both of whose articles are of ``ids``."""
        inside, found = set(ids), []
        for chunk in chunks(list(ids)):
            found += [DuplicateLink(*row) for row in self.db.execute(
                f"{_LINK} WHERE duplicate_of IS NOT NULL AND id IN ({marks(chunk)})", chunk)]
            found += [DuplicateLink(article, original, "near", similarity)
                      for article, original, similarity in self.db.execute(
                          "SELECT article_id, original_id, similarity FROM reprints "
                          f"WHERE article_id IN ({marks(chunk)})", chunk)]
        return [link for link in found if link.original in inside]

    def _fingerprints(self, ids: Sequence[str]) -> list[Fingerprint]:
        """The fingerprints of these stored articles, in ``ids`` order (made from the text of
        one stored without)."""
        found: dict[str, Fingerprint] = {}
        for chunk in chunks(list(ids)):
            found.update((article, Fingerprint(article, "", bytes(signature), shingles, ()))
                         for article, signature, shingles in self.db.execute(
                             "SELECT article_id, signature, shingles FROM fingerprints "
                             f"WHERE article_id IN ({marks(chunk)})", chunk))
        missing = [i for i in ids if i not in found]
        if missing:
            finder = DuplicateFinder()
            found.update((a.id, finder.fingerprint(a)) for a in self._texts(missing))
        return [found[i] for i in ids if i in found]

    def _texts(self, ids: Sequence[str]) -> list[Article]:
        """These stored articles' ids and texts (what reprints are read by), in ``ids`` order."""
        found: dict[str, Article] = {}
        for chunk in chunks(list(ids)):
            found.update((row[0], Article(*row)) for row in self.db.execute(
                f"SELECT id, text FROM articles WHERE id IN ({marks(chunk)})", chunk))
        return [found[i] for i in ids if i in found]
