"""Copies (``store.copies``): which stored articles copy which (see ``newsprism.dedup``).

A copy's link points at the original, never at another copy, so a briefing counts each
independent source once. The links and fingerprints are written with the articles
(``store.articles.save``); this repository reads them.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.model import DuplicateLink, Fingerprint
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
