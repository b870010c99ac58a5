"""The storylines repository: ``store.storylines``, the level above stories (events).

A storyline groups the events of one ongoing topic. The store keeps ids, which storyline each
event belongs to, redirects (a merged storyline's id points at the survivor, one hop long, as
stories' do) and a summary row per storyline that its verbs recount in the same transaction, so
listing reads rows. What decides the grouping is ``newsprism.stories.storylines``; its
per-storyline state is an opaque blob here.

Verbs:
    ``save(id, title=None, state=None)``: create or update a storyline
    ``states(ids) -> dict[str, bytes]``: the state blobs of these storylines (those that have one)
    ``assign([(story_id, storyline_id), ...])``: events into storylines (reassigning moves one)
    ``drop_events(story_ids)``: events that are no more (merged into another event) leave
    ``merge(old_id, into_id)``: events move, ``old_id`` redirects to ``into_id`` for good
    ``resolve(id) -> str | None``: follows redirects
    ``get(id) -> StoredStoryline | None`` (redirects followed, state included)
    ``list(since, until, limit, offset) -> list[StoredStoryline]``: live storylines, latest first
    ``of(story_ids) -> dict[str, str]``: each event's storyline
    ``unplaced_stories(limit) -> list[str]``: live stories in no storyline, oldest first (a
        corpus from before storylines, or events a resumed run must still place)
    ``summarise(ids)``: recount the summary rows
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from newsprism.errors import NotFoundError
from newsprism.store import groups
from newsprism.store.copies import Copies
from newsprism.store.database import Database, chunks, marks
from newsprism.store.records import StoredStoryline
from newsprism.store.stories import summary


class Storylines:
    """``store.storylines``: the verbs above, over one database."""

    def __init__(self, db: Database, copies: Copies) -> None:
        self._db = db
        self._copies = copies

    def save(self, storyline_id: str, *, title: str | None = None,
             state: bytes | None = None) -> None:
        groups.save(self._db, "storylines", storyline_id, title, state)

    def states(self, storyline_ids: Sequence[str]) -> dict[str, bytes]:
        return groups.states(self._db, "storylines", storyline_ids)

    def assign(self, assignments: Sequence[tuple[str, str]]) -> None:
        """Each ``(story_id, storyline_id)``: the event belongs to that storyline (or to the one
        it was merged into), which must be saved first."""
        if not assignments:
            return
        with self._db.transaction():
            before = self.of([story for story, _ in assignments])
            targets: dict[str, str | None] = {}
            rows, touched = [], set()
            for story, storyline in assignments:
                if storyline not in targets:
                    targets[storyline] = self.resolve(storyline)
                target = targets[storyline]
                if target is None:
                    raise NotFoundError(f"{self._db.url}: no storyline {storyline!r}; save it "
                                        "first")
                if before.get(story) == target:
                    continue
                rows.append((story, target))
                touched.update(filter(None, (target, before.get(story))))
                before[story] = target
            self._db.executemany(
                "INSERT INTO storyline_events (story_id, storyline_id) VALUES (?, ?) "
                "ON CONFLICT (story_id) DO UPDATE SET storyline_id = excluded.storyline_id",
                rows,
            )
            self.summarise(touched)

    def drop_events(self, story_ids: Sequence[str]) -> None:
        with self._db.transaction():
            touched = set(self.of(story_ids).values())
            for chunk in chunks(list(story_ids)):
                self._db.execute(
                    f"DELETE FROM storyline_events WHERE story_id IN ({marks(chunk)})", chunk)
            self.summarise(touched)

    def merge(self, old_id: str, into_id: str) -> None:
        with self._db.transaction():
            old, into = self.resolve(old_id), self.resolve(into_id)
            if old is None or into is None:
                missing = old_id if old is None else into_id
                raise NotFoundError(f"{self._db.url}: cannot merge, no storyline {missing!r}")
            if old == into:
                return
            groups.redirect(self._db, "storylines", "storyline_events", "storyline_id", old, into)
            self.summarise([old, into])

    def resolve(self, storyline_id: str) -> str | None:
        return groups.resolve(self._db, "storylines", storyline_id)

    def get(self, storyline_id: str) -> StoredStoryline | None:
        live = self.resolve(storyline_id)
        if live is None:
            return None
        found = self._storylines("l.id = ?", [live], limit=None, offset=0, with_state=True)
        return found[0] if found else None

    def list(self, since: str | None = None, until: str | None = None,
             limit: int | None = None, offset: int = 0) -> list[StoredStoryline]:
        """Live storylines with at least one event, latest news first; ``since``/``until``
        (ISO dates, inclusive) keep those with news in that span."""
        where, params = ["l.merged_into IS NULL", "l.article_count > 0"], []
        if since:
            where.append("substr(l.last_date, 1, 10) >= ?")
            params.append(since[:10])
        if until:
            where.append("substr(l.first_date, 1, 10) <= ?")
            params.append(until[:10])
        return self._storylines(" AND ".join(where), params, limit, offset, with_state=False)

    def of(self, story_ids: Sequence[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for chunk in chunks(list(dict.fromkeys(story_ids))):
            found.update(self._db.execute(
                "SELECT story_id, storyline_id FROM storyline_events "
                f"WHERE story_id IN ({marks(chunk)})", chunk))
        return found

    def unplaced_stories(self, limit: int = 500) -> list[str]:
        return [story for (story,) in self._db.execute(
            "SELECT s.id FROM stories s WHERE s.merged_into IS NULL AND NOT EXISTS "
            "(SELECT 1 FROM storyline_events se WHERE se.story_id = s.id) "
            f"ORDER BY s.created_at, s.id LIMIT {int(limit)}")]

    def summarise(self, storyline_ids: Iterable[str]) -> None:
        """Recount each storyline's dates, articles and independent sources from its events'
        stored articles (sources counted as its events count theirs, ``Copies.source_keys``)."""
        ids = list(dict.fromkeys(storyline_ids))
        dates: dict[str, dict[str, str | None]] = {i: {} for i in ids}  # in ingestion order
        with self._db.transaction():
            for chunk in chunks(ids):
                for storyline, article, date in self._db.execute(
                    "SELECT se.storyline_id, a.id, a.date FROM storyline_events se "
                    "JOIN stories s ON s.id = se.story_id AND s.merged_into IS NULL "
                    "JOIN story_articles sa ON sa.story_id = se.story_id "
                    "JOIN articles a ON a.id = sa.article_id "
                    f"WHERE se.storyline_id IN ({marks(chunk)}) ORDER BY a.seq",
                    chunk,
                ):
                    dates[storyline][article] = date
            self._db.executemany(
                "UPDATE storylines SET first_date = ?, last_date = ?, article_count = ?, "
                "source_count = ? WHERE id = ?",
                [(*summary(list(found.values()), self._copies.source_keys(list(found))),
                  storyline) for storyline, found in dates.items()],
            )

    def _storylines(self, where: str, params: list[Any], limit: int | None, offset: int,
                    with_state: bool) -> list[StoredStoryline]:
        state = "l.state" if with_state else "NULL"
        rows = self._db.execute(
            f"SELECT l.id, l.title, l.first_date, l.last_date, l.article_count, l.source_count, "
            f"l.created_at, l.updated_at, {state} FROM storylines l WHERE {where} "
            "ORDER BY l.last_date DESC NULLS LAST, l.updated_at DESC, l.id"
            + (f" LIMIT {int(limit)}" if limit else "")
            + (f" OFFSET {int(offset)}" if offset else ""),
            params,
        )
        events: dict[str, list[str]] = {r[0]: [] for r in rows}
        for chunk in chunks(list(events)):
            for storyline, story in self._db.execute(
                "SELECT se.storyline_id, se.story_id FROM storyline_events se "
                "JOIN stories s ON s.id = se.story_id AND s.merged_into IS NULL "
                f"WHERE se.storyline_id IN ({marks(chunk)}) "
                "ORDER BY s.first_date NULLS LAST, s.created_at, s.id",
                chunk,
            ):
                events[storyline].append(story)
        return [
            StoredStoryline(
                r[0], r[1], tuple(events[r[0]]), r[2], r[3], r[4], r[5], r[6], r[7],
                bytes(r[8]) if r[8] is not None else None)
            for r in rows
        ]
