"""Stories (``store.stories``): ids, membership and redirects of the clusterer's stories.

The clusterer's own features travel as an opaque ``state`` blob it serialises itself. Each
story row also keeps a summary of its stored articles (first/last date, article and
independent-source counts); every verb that changes membership reads its newcomers for
reprints of its members (``store.copies.find_reprints``) and recounts it in its own
transaction, so listing stories reads rows, not aggregates, and counts sources as the story's
briefing does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from newsprism.errors import NotFoundError
from newsprism.store import groups
from newsprism.store.copies import Copies
from newsprism.store.database import Database, chunks, marks
from newsprism.store.records import StoredStory


class Stories:
    def __init__(self, db: Database, copies: Copies) -> None:
        self.db = db
        self.copies = copies

    def save(self, story_id: str, *, title: str | None = None, state: bytes | None = None) -> None:
        """Create a story or update it (a ``None`` title or state keeps the stored one)."""
        groups.save(self.db, "stories", story_id, title, state)

    def states(self, story_ids: Sequence[str]) -> dict[str, bytes]:
        """The state blobs of these stories (those that have one; redirects not followed)."""
        return groups.states(self.db, "stories", story_ids)

    def assign(self, article_id: str, story_id: str) -> None:
        """An article belongs to one story; reassigning moves it."""
        self.assign_many([(article_id, story_id)])

    def assign_many(self, assignments: Sequence[tuple[str, str]]) -> None:
        """``assign`` for a batch of ``(article_id, story_id)``, recounting each story once."""
        with self.db.transaction():
            before = self.of([article_id for article_id, _ in assignments])
            targets: dict[str, str | None] = {}
            rows, touched = [], []
            newcomers: dict[str, list[str]] = {}
            for article_id, story_id in assignments:
                if story_id not in targets:
                    targets[story_id] = self.resolve(story_id)
                target = targets[story_id]
                if target is None:
                    raise NotFoundError(
                        f"{self.db.url}: no story {story_id!r}; save the story first"
                    )
                if before.get(article_id) == target:
                    continue
                rows.append((article_id, target))
                newcomers.setdefault(target, []).append(article_id)
                touched += [target] if article_id not in before else [target, before[article_id]]
                before[article_id] = target
            if not rows:
                return
            self.db.executemany(
                "INSERT INTO story_articles (article_id, story_id) VALUES (?, ?) "
                "ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id",
                rows,
            )
            for story_id, joined in newcomers.items():
                self._find_reprints(story_id, joined)
            # Once per story, however many of the batch joined it: a recount reads all members.
            self.summarise(touched)

    def merge(self, old_id: str, into_id: str) -> None:
        """Members move; ``old_id`` redirects to ``into_id`` for good."""
        with self.db.transaction():
            old, into = self.resolve(old_id), self.resolve(into_id)
            if old is None or into is None:
                missing = old_id if old is None else into_id
                raise NotFoundError(f"{self.db.url}: cannot merge, no story {missing!r}")
            if old == into:
                return
            moved = self._members([old])[old]
            kept = self._members([into])[into]
            groups.redirect(self.db, "stories", "story_articles", "story_id", old, into)
            # Only pairs across the two were never read: the smaller side against all.
            self._find_reprints(into, min(moved, kept, key=len))
            self.summarise([old, into])

    def resolve(self, story_id: str) -> str | None:
        """The live id of a story (itself, or the story it was merged into); None if unknown."""
        return groups.resolve(self.db, "stories", story_id)

    def get(self, story_id: str) -> StoredStory | None:
        """A story with its state and members, redirects followed."""
        live = self.resolve(story_id)
        if live is None:
            return None
        found = self._read("s.id = ?", [live], limit=None, with_state=True)
        return found[0] if found else None

    def latest(
        self,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
        with_state: bool = False,
        *,
        offset: int = 0,
        among: Sequence[str] | None = None,
        outlet: str | None = None,
    ) -> list[StoredStory]:
        """Live stories, latest news first, with news between ``since`` and ``until``; a page
        of them (``limit``, ``offset``), of the ids ``among``, with an article from ``outlet``
        (case-insensitive)."""
        where, params = ["s.merged_into IS NULL"], []
        if among is not None:
            ids = list(dict.fromkeys(among)) or [""]
            where.append(f"s.id IN ({marks(ids)})")
            params.extend(ids)
        if outlet is not None:
            where.append(
                "EXISTS (SELECT 1 FROM story_articles so JOIN articles ao ON ao.id = so.article_id "
                "WHERE so.story_id = s.id AND lower(ao.outlet) = lower(?))"
            )
            params.append(outlet)
        if since:
            where.append("substr(s.last_date, 1, 10) >= ?")
            params.append(since[:10])
        if until:
            where.append("substr(s.first_date, 1, 10) <= ?")
            params.append(until[:10])
        return self._read(" AND ".join(where), params, limit, with_state, offset)

    def _read(
        self,
        where: str,
        params: list[Any],
        limit: int | None,
        with_state: bool,
        offset: int = 0,
    ) -> list[StoredStory]:
        state = "s.state" if with_state else "NULL"
        rows = self.db.execute(
            f"SELECT s.id, s.title, {state}, s.created_at, s.updated_at, s.first_date, "
            f"s.last_date, s.article_count, s.source_count, se.storyline_id FROM stories s "
            f"LEFT JOIN storyline_events se ON se.story_id = s.id WHERE {where} "
            "ORDER BY s.last_date DESC NULLS LAST, s.updated_at DESC, s.id"
            + (f" LIMIT {int(limit)}" if limit else "")
            + (f" OFFSET {int(offset)}" if offset else ""),
            params,
        )
        members = self._members([r[0] for r in rows])
        return [
            StoredStory(r[0], r[1], bytes(r[2]) if r[2] is not None else None, r[3], r[4],
                        tuple(members[r[0]]), *r[5:])
            for r in rows
        ]  # fmt: skip

    def summarise(self, story_ids: Iterable[str]) -> None:
        """Recount what each story row keeps of its stored articles (see ``StoredStory``)."""
        ids = list(dict.fromkeys(story_ids))
        dates: dict[str, dict[str, str | None]] = {i: {} for i in ids}  # in ingestion order
        with self.db.transaction():
            for chunk in chunks(ids):
                for story, article, date in self.db.execute(
                    "SELECT sa.story_id, sa.article_id, a.date FROM story_articles sa "
                    "JOIN articles a ON a.id = sa.article_id "
                    f"WHERE sa.story_id IN ({marks(chunk)}) ORDER BY a.seq",
                    chunk,
                ):
                    dates[story][article] = date
            self.db.executemany(
                "UPDATE stories SET first_date = ?, last_date = ?, article_count = ?, "
                "source_count = ? WHERE id = ?",
                [(*summary(list(found.values()), self.copies.source_keys(list(found))), story)
                 for story, found in dates.items()],
            )

    def _members(self, story_ids: Sequence[str]) -> dict[str, list[str]]:
        """Each story's stored articles, in ingestion order."""
        members: dict[str, list[str]] = {i: [] for i in story_ids}
        for chunk in chunks(list(story_ids)):
            for story, article in self.db.execute(
                "SELECT sa.story_id, sa.article_id FROM story_articles sa "
                "JOIN articles a ON a.id = sa.article_id "
                f"WHERE sa.story_id IN ({marks(chunk)}) ORDER BY a.seq",
                chunk,
            ):
                members[story].append(article)
        return members

    def stored(self, article_ids: Sequence[str]) -> None:
        """Articles stored after they were assigned: their stories read them for reprints and
        recount."""
        joined: dict[str, list[str]] = {}
        for article_id, story_id in self.of(article_ids).items():
            joined.setdefault(story_id, []).append(article_id)
        for story_id, newcomers in joined.items():
            self._find_reprints(story_id, newcomers)
        self.summarise(joined)

    def reread_reprints(self, story_ids: Sequence[str]) -> None:
        """Read all members of each story against each other for reprints, and recount: for
        stories whose members joined before reprints were kept (``schema.find_stored_reprints``)."""
        with self.db.transaction():
            for members in self._members(story_ids).values():
                self.copies.find_reprints(members, set(members))
            self.summarise(story_ids)

    def _find_reprints(self, story_id: str, newcomers: Sequence[str]) -> None:
        """The story's newcomers read against its members for reprints (``store.copies``)."""
        self.copies.find_reprints(self._members([story_id])[story_id], set(newcomers))

    def of(self, article_ids: Sequence[str]) -> dict[str, str]:
        """The story of each of these articles that is in one."""
        found: dict[str, str] = {}
        for chunk in chunks(list(article_ids)):
            found.update(self.db.execute(
                "SELECT article_id, story_id FROM story_articles "
                f"WHERE article_id IN ({marks(chunk)})",
                chunk,
            ))  # fmt: skip
        return found


def summary(
    dates: list[str | None], sources: dict[str, str],
) -> tuple[str | None, str | None, int, int]:
    """(first date, last date, articles, independent sources) of the members' dates and the
    sources they count as (``Copies.source_keys``)."""
    known = [date for date in dates if date is not None]
    return min(known, default=None), max(known, default=None), len(dates), len(
        set(sources.values()))
