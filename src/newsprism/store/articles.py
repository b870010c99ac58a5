"""Articles (``store.articles``): the stored texts, with the fingerprints and copy links they
were saved with.

An id already stored with the same text is left alone (``unchanged``), with different text it
is refused (``conflicts``): never overwritten. Dates are ISO strings compared on their first 10
characters; an article without a date is left out when a bound is given.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from newsprism.model import Article, DuplicateLink, Fingerprint
from newsprism.store.database import CHUNK, Database, chunks, date_filter, marks, now_iso
from newsprism.store.records import ArticleHead, SaveResult
from newsprism.store.stories import Stories

PAGE = CHUNK  # rows per page when streaming articles
COLUMNS = "id, text, title, outlet, author, date, url, path"  # an Article's fields, in order


def content_hash(text: str) -> str:
    """Hash of the exact text: tells "same article again" from "same id, other text"."""
    return hashlib.sha1(text.encode()).hexdigest()


class Articles:
    def __init__(self, db: Database, stories: Stories) -> None:
        self.db = db
        self._stories = stories

    def save(
        self,
        articles: Sequence[Article],
        fingerprints: Iterable[Fingerprint] = (),
        links: Iterable[DuplicateLink] = (),
    ) -> SaveResult:
        """Insert the new articles, with their fingerprints and copy links, in one transaction."""
        result = SaveResult()
        with self.db.transaction():
            known = self.hashes([a.id for a in articles])
            new: list[Article] = []
            for article in articles:
                digest = content_hash(article.text)
                if article.id not in known:
                    known[article.id] = digest
                    new.append(article)
                    result.saved.append(article.id)
                elif known[article.id] == digest:
                    result.unchanged.append(article.id)
                else:
                    result.conflicts.append(article.id)
            saved = set(result.saved)
            prints = {f.article: f for f in fingerprints if f.article in saved}
            copies = {link.article: link for link in links if link.article in saved}
            stamp = now_iso()
            self.db.executemany(
                "INSERT INTO articles (id, text, title, outlet, author, date, url, path, "
                "content_hash, text_hash, duplicate_of, duplicate_kind, similarity, ingested_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (a.id, a.text, a.title, a.outlet, a.author, a.date, a.url, a.path,
                     known[a.id], getattr(prints.get(a.id), "text_hash", None),
                     *_link_columns(copies.get(a.id)), stamp)
                    for a in new
                ],
            )  # fmt: skip
            self.db.executemany(
                "INSERT INTO fingerprints (article_id, signature, shingles) VALUES (?, ?, ?)",
                [(f.article, f.signature, f.shingles) for f in prints.values()],
            )
            self.db.executemany(
                "INSERT INTO fingerprint_bands (band_key, article_id) VALUES (?, ?)",
                [(key, f.article) for f in prints.values() for key in set(f.band_keys)],
            )
            # An article may be assigned before it is stored: its story now counts it.
            self._stories.stored(result.saved)
        return result

    def hashes(self, ids: Sequence[str]) -> dict[str, str]:
        """Each stored id of these to the ``content_hash`` of its text."""
        found: dict[str, str] = {}
        for chunk in chunks(list(dict.fromkeys(ids))):
            found.update(self.db.execute(
                f"SELECT id, content_hash FROM articles WHERE id IN ({marks(chunk)})", chunk
            ))  # fmt: skip
        return found

    def get(self, article_id: str) -> Article | None:
        found = self.get_many([article_id])
        return found[0] if found else None

    def get_many(self, ids: Sequence[str]) -> list[Article]:
        """The stored articles of these ids, in ``ids`` order."""
        by_id: dict[str, Article] = {}
        for chunk in chunks(list(ids)):
            rows = self.db.execute(
                f"SELECT {COLUMNS} FROM articles WHERE id IN ({marks(chunk)})", chunk
            )
            by_id.update((row[0], Article(*row)) for row in rows)
        return [by_id[i] for i in ids if i in by_id]

    def since(self, since: str | None = None, until: str | None = None) -> Iterator[Article]:
        """Articles dated between ``since`` and ``until``, by ingestion order, streamed."""
        where, params = date_filter("articles", since, until)
        last = 0
        while True:
            rows = self.db.execute(
                f"SELECT seq, {COLUMNS} FROM articles WHERE seq > ?{where} "
                f"ORDER BY seq LIMIT {PAGE}",
                (last, *params),
            )
            for row in rows:
                yield Article(*row[1:])
            if len(rows) < PAGE:
                return
            last = rows[-1][0]

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles")[0][0]

    def heads(self, ids: Sequence[str]) -> list[ArticleHead]:
        """Articles without their text (cheap to list), each with its original, in ``ids`` order."""
        by_id: dict[str, ArticleHead] = {}
        for chunk in chunks(list(ids)):
            rows = self.db.execute(
                "SELECT id, title, outlet, author, date, url, coalesce(duplicate_of, id) "
                f"FROM articles WHERE id IN ({marks(chunk)})",
                chunk,
            )
            by_id.update((row[0], ArticleHead(*row)) for row in rows)
        return [by_id[i] for i in ids if i in by_id]


def _link_columns(link: DuplicateLink | None) -> tuple[Any, Any, Any]:
    return (link.original, link.kind, link.similarity) if link else (None, None, None)
