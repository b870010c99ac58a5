"""Incremental, time-aware story clustering with stable ids.

Each article, in stream order, is compared with the hot stories whose centroids are nearest to
its lead embedding (and, when both carry dates, no further apart than ``window_days``). It joins
the likeliest one when ``link_probability`` reaches ``threshold``, or else starts a story whose id
is its own id. A story keeps that id for life: when an article shows two stories to be one
(it links to both, and the two stories link to each other: at ``merge_threshold``, or at
``threshold`` when one of them holds a single article), the younger story is merged into the
older and its id redirects there. Only ``max_stories`` stories are kept hot; older ones, and those
idle for more than ``window_days`` of article time (and for ``second_look`` articles of the
stream), are handed to the caller through ``pop_changes`` so that a store can persist them, and
memory stays flat on an endless stream.

An article placed early meets its story while the story is young. So each article gets a second
look once ``second_look`` more articles have come (or when ``revisit`` says the stream, or an
ingest run, has ended), against the hot stories as they now stand. An article alone in its story
is merged into the one it now links to best at ``threshold``, as it would join it if placed now.
A member of a larger story moves to another only at ``merge_threshold`` and when that story
beats its own story without it; ``StoryChanges.moved`` reports it.
"""

from __future__ import annotations

import base64
import json
import zlib
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.errors import ModelError
from newsprism.settings import DEFAULTS
from newsprism.stories.features import Bag, Profile
from newsprism.stories.link import (
    FEATURE_NAMES,
    DocumentFrequencies,
    candidate_features,
    link_probability,
)

LINK_MODEL = Path(__file__).with_name("link-v2.json")


@cache
def load_link_model() -> dict[str, Any]:
    """The shipped link model: weights, text-only weights and thresholds, as written by
    ``python -m newsprism.stories.train`` (learned on ECB+ train topics only)."""
    return read_link_weights(LINK_MODEL, "story link model", "newsprism.stories.train")


def read_link_weights(path: Path, name: str, trainer: str,
                      features: Sequence[str] = FEATURE_NAMES) -> dict[str, Any]:
    """A shipped model over the link ``features``; unreadable, or learned for other features,
    it is an error naming the module ``trainer`` that rebuilds it."""
    try:
        model = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read the {name} {path} ({exc}); rebuild it with "
                         f"`python -m {trainer}`") from exc
    if model.get("features") != list(features):
        raise ModelError(f"{path} was learned for other features; rebuild it with "
                         f"`python -m {trainer}`")
    return model


Item = tuple[str, Profile]  # (article id, its profile)


@dataclass(eq=False)
class Story:
    id: str
    profile: Profile
    born: int  # stream position of its first article: the older story survives a merge
    touched: int  # stream position of its latest article


@dataclass
class StoryChanges:
    """What happened since the last ``pop_changes``: merges (old id -> surviving id), articles
    that moved to another story on their second look (article id -> story id) and the stories
    that left the hot window, as ``story_to_dict`` records, for the store to persist."""

    merged: dict[str, str] = field(default_factory=dict)
    moved: dict[str, str] = field(default_factory=dict)
    evicted: list[dict[str, Any]] = field(default_factory=list)


class StoryClusterer:
    """Estimator-style online clusterer: ``partial_fit`` batches of ``(article_id, Profile)``."""

    feature_names: tuple[str, ...] = FEATURE_NAMES  # the columns ``_features`` gives

    def __init__(
        self,
        *,
        threshold: float | None = None,
        merge_threshold: float | None = None,
        candidates: int = DEFAULTS.stories.candidates,
        window_days: float = DEFAULTS.stories.window_days,
        max_stories: int = 2000,
        max_keys: int = 300,
        second_look: int = DEFAULTS.stories.second_look,
        weights: Sequence[float] | None = None,
        text_weights: Sequence[float] | None = None,
        caseless_thresholds: Sequence[float] | None = None,
        grown_size: int = 5,
    ) -> None:
        # None: the shipped model's value. Given weights without text weights mean one model
        # for every pair, and without caseless thresholds one join threshold for every article.
        given = None not in (threshold, merge_threshold, weights)
        shipped = {} if given else load_link_model()
        self.threshold = shipped["threshold"] if threshold is None else threshold
        self.merge_threshold = shipped["merge_threshold"] if merge_threshold is None \
            else merge_threshold
        self.candidates = candidates
        self.window_days = window_days
        self.max_stories = max_stories
        self.max_keys = max_keys
        self.second_look = second_look
        self.weights = shipped["weights"] if weights is None else weights
        self.text_weights = shipped["text_weights"] if weights is None else text_weights
        # A caseless article (``Profile.caseless``) joins a story of fewer than ``grown_size``
        # articles at the first of these and a larger one at the second: without its names, a
        # lower-cased text links weakly to the broad story it belongs to, and strongly enough
        # to a young story of another event of its kind that the two would mix.
        self.caseless_thresholds = shipped.get("caseless_thresholds") \
            if weights is None else caseless_thresholds
        self.grown_size = shipped.get("grown_size", grown_size) if weights is None else grown_size
        # Articles awaiting their second look, oldest first: (article id, the story it was
        # placed in, its profile).
        self.waiting_: deque[tuple[str, str, Profile]] = deque()

    # -- learned state -------------------------------------------------------------------------

    def _ensure_state(self, dimension: int) -> None:
        if hasattr(self, "stories_"):
            return
        if not 0 < self.threshold < 1 or not 0 < self.merge_threshold < 1:
            raise ValueError("threshold and merge_threshold are probabilities in (0, 1)")
        if self.max_stories < 1 or self.candidates < 1 or self.second_look < 0:
            raise ValueError("max_stories and candidates must be at least 1, second_look at "
                             "least 0")
        if not self.weights:
            raise ValueError("weights are empty: pass learned link weights")
        self.stories_: dict[str, Story] = {}
        self.redirects_: dict[str, str] = {}
        self.frequencies_ = DocumentFrequencies()
        self.seen_ = 0  # articles placed so far
        self.newest_day_: int | None = None
        # One slot per hot story (and one for the story about to be evicted), so that finding
        # candidates and evicting are array operations: its unit centroid, when it was last
        # touched (-1: a free slot) and its latest article day (NaN: none, or a free slot).
        slots = self.max_stories + 1
        self._matrix = np.zeros((slots, dimension), dtype=np.float32)
        self._touched = np.full(slots, -1, dtype=np.int64)
        self._last_day = np.full(slots, np.nan)
        self._story_at: list[Story | None] = [None] * slots
        self._slot_of: dict[str, int] = {}
        self._free = list(range(self.max_stories, -1, -1))
        self._changes = StoryChanges()
        # Hot stories changed since ``changed_stories`` last reported them: a store saves only
        # these after a batch, as most hot stories are untouched by any one batch.
        self._unsaved: set[str] = set()

    # -- public API ----------------------------------------------------------------------------

    def partial_fit(self, items: Sequence[Item]) -> list[str]:
        """Place each article in stream order; returns each one's story id, after any merge the
        batch caused."""
        placed = []
        for article_id, profile in items:
            self._ensure_state(len(profile.embedding))
            story_id = self._place(article_id, profile, self._decide)
            placed.append(story_id)
            if self.second_look:
                self.waiting_.append((article_id, story_id, profile))
                while len(self.waiting_) > self.second_look:
                    self._look_again(*self.waiting_.popleft())
        moved = self._changes.moved
        return [self.resolve(moved.get(article_id, story_id))
                for (article_id, _), story_id in zip(items, placed, strict=True)]

    def revisit(self) -> None:
        """Give every article still waiting its second look now: the stream has ended."""
        while self.waiting_:
            self._look_again(*self.waiting_.popleft())

    def resolve(self, story_id: str) -> str:
        """The surviving id of a story that may have been merged (while it was hot)."""
        while story_id in getattr(self, "redirects_", {}):
            story_id = self.redirects_[story_id]
        return story_id

    def pop_changes(self) -> StoryChanges:
        """Merges and evictions since the last call; the caller persists them."""
        changes, self._changes = self._changes, StoryChanges()
        return changes

    # -- hooks for a level above (``newsprism.stories.storylines`` clusters stories) -----------

    def grow(self, story_id: str, profile: Profile) -> bool:
        """Add evidence to a hot story without placing an item (an event of a storyline grew);
        False when the story is no longer hot."""
        story = self.stories_.get(self.resolve(story_id)) if hasattr(self, "stories_") else None
        if story is None:
            return False
        story.profile.add(profile, self.max_keys)
        story.touched = self.seen_
        self._profile_changed(story)
        return True

    def look_again(self, item_id: str, story_id: str, profile: Profile) -> None:
        """Give one item its second look now, with ``profile`` as it now stands."""
        self._look_again(item_id, story_id, profile)

    def merge(self, story_id: str, other_id: str) -> str:
        """Make two hot stories one (the older survives); returns the survivor's id, or the
        first id unchanged when either has left the hot window."""
        story, other = (self.stories_.get(self.resolve(i)) for i in (story_id, other_id))
        if story is None or other is None or story is other:
            return self.resolve(story_id)
        return self._merge(story, other).id

    def split(self, story_id: str, items: Sequence[Item]) -> str | None:
        """Take ``items`` (members of a hot story, each with its profile as the story absorbed
        it) out into a story of their own, named after the first; their moves are reported in
        ``StoryChanges.moved``. Returns the new story's id, or None when the story has left the
        hot window."""
        story = self.stories_.get(self.resolve(story_id)) if hasattr(self, "stories_") else None
        if story is None or not items:
            return None
        first = items[0][1]
        part = Profile(first.embedding.copy(), dict(first.bags), first.size, first.first_day,
                       first.last_day)
        for _, profile in items[1:]:
            part.add(profile, self.max_keys)
        story.profile = story.profile.without(part)
        self._profile_changed(story)
        new = self._start(items[0][0], part)
        for item_id, _ in items:
            self._changes.moved[item_id] = new.id
        self._evict()
        return new.id

    # -- placing one article -------------------------------------------------------------------

    def _decide(self, article_id: str, profile: Profile, scored: list[tuple[Story, float]]
                ) -> Story | None:
        joinable = [(story, probability) for story, probability in scored
                    if probability >= self._join_bar(profile, story)]
        best = max(joinable, key=lambda pair: pair[1], default=None)
        return best[0] if best else None

    def _join_bar(self, profile: Profile, story: Story) -> float:
        if not profile.caseless or self.caseless_thresholds is None:
            return self.threshold
        young, grown = self.caseless_thresholds
        return grown if story.profile.size >= self.grown_size else young

    def _place(
        self,
        article_id: str,
        profile: Profile,
        decide: Callable[[str, Profile, list[tuple[Story, float]]], Story | None],
    ) -> str:
        self.frequencies_.update(profile)
        self.seen_ += 1
        if profile.last_day is not None:
            self.newest_day_ = max(self.newest_day_ or profile.last_day, profile.last_day)
        scored = self._score(profile, self._nearest(profile))
        story = decide(article_id, profile, scored)
        if story is None:
            story = self._start(article_id, profile)
        else:
            story.profile.add(profile, self.max_keys)
            story.touched = self.seen_
            self._profile_changed(story)
            for other, probability in scored:
                hot = self.stories_.get(other.id) is other
                if hot and other is not story and probability >= self.threshold:
                    story = self._maybe_merge(story, other)
        self._evict()
        return story.id

    def _look_again(self, article_id: str, story_id: str, profile: Profile) -> None:
        own = self.stories_.get(self.resolve(story_id))
        if own is None:
            return  # its story left the hot window
        scored = self._score(profile, [s for s in self._nearest(profile) if s is not own])
        best, probability = max(scored, key=lambda pair: pair[1], default=(None, 0.0))
        if own.profile.size == 1:
            if best is not None and probability >= self.threshold:
                self._merge(own, best)  # an article alone: it joins as it would if placed now
            return
        # Taking an article out of the story it was placed in undoes a join, so it takes the
        # evidence that merges two stories.
        if best is None or probability < self.merge_threshold:
            return
        rest = own.profile.without(profile)
        if probability <= self._probability(profile, rest):
            return
        own.profile = rest
        best.profile.add(profile, self.max_keys)
        self._profile_changed(own)
        self._profile_changed(best)
        self._changes.moved[article_id] = best.id

    def _nearest(self, profile: Profile) -> list[Story]:
        if not self._slot_of:
            return []
        similarity = self._matrix @ _unit(profile.embedding)
        similarity[self._touched < 0] = -np.inf  # free slots
        shown = min(self.candidates * 2, len(self._slot_of))
        top = np.argpartition(-similarity, shown - 1)[:shown]
        near = []
        for slot in top[np.argsort(-similarity[top], kind="stable")]:
            story = self._story_at[slot]
            if self._within_window(story.profile, profile):
                near.append(story)
            if len(near) == self.candidates:
                break
        return near

    def _within_window(self, a: Profile, b: Profile) -> bool:
        if None in (a.first_day, a.last_day, b.first_day, b.last_day):
            return True
        gap = max(a.first_day - b.last_day, b.first_day - a.last_day)  # type: ignore[operator]
        return gap <= self.window_days

    def _score(self, profile: Profile, stories: list[Story]) -> list[tuple[Story, float]]:
        if not stories:
            return []
        features = self._features(profile, [s.profile for s in stories])
        probabilities = link_probability(features, self.weights, self.text_weights)
        return list(zip(stories, probabilities.tolist(), strict=True))

    def _start(self, article_id: str, profile: Profile) -> Story:
        story_id = article_id
        while story_id in self.stories_ or story_id in self.redirects_:
            story_id += "'"  # an id reused by the caller must not join an unrelated story
        story = Story(story_id, Profile(profile.embedding.copy(), dict(profile.bags), profile.size,
                                        profile.first_day, profile.last_day),
                      born=self.seen_, touched=self.seen_)
        self._occupy(story)
        return story

    def _occupy(self, story: Story) -> None:
        self.stories_[story.id] = story
        slot = self._free.pop()
        self._slot_of[story.id] = slot
        self._story_at[slot] = story
        self._profile_changed(story)

    def _profile_changed(self, story: Story) -> None:
        """A hot story's profile (or when it was touched) changed: its slot follows, and the
        store must save it again."""
        slot = self._slot_of[story.id]
        self._matrix[slot] = _unit(story.profile.embedding)
        self._touched[slot] = story.touched
        last_day = story.profile.last_day
        self._last_day[slot] = np.nan if last_day is None else last_day
        self._unsaved.add(story.id)

    def _features(self, profile: Profile, others: Sequence[Profile]) -> np.ndarray:
        """The link features of ``profile`` against each of ``others`` (a level above weighs
        evidence of its own)."""
        return candidate_features(profile, others, self.frequencies_)

    def _probability(self, profile: Profile, other: Profile) -> float:
        features = self._features(profile, [other])
        return float(link_probability(features, self.weights, self.text_weights)[0])

    def _maybe_merge(self, story: Story, other: Story) -> Story:
        # The cover features ask how much of the smaller side the larger one holds.
        small, large = sorted((story.profile, other.profile), key=lambda p: p.size)
        # A story of one article is an article: it is merged when it would join the other story
        # were it placed now, the question ``threshold`` was chosen for. Stories split by the
        # order articles came in then meet again once a bridging article links to both.
        bar = self.threshold if small.size == 1 else self.merge_threshold
        if self._probability(small, large) < bar:
            return story
        return self._merge(story, other)

    def _merge(self, story: Story, other: Story) -> Story:
        """One story of the two: the older survives, the younger's id redirects to it."""
        keep, gone = (story, other) if story.born <= other.born else (other, story)
        keep.profile.add(gone.profile, self.max_keys)
        keep.touched = max(keep.touched, gone.touched)
        self._profile_changed(keep)
        self._drop(gone)
        self.redirects_[gone.id] = keep.id
        for old, new in self.redirects_.items():
            if new == gone.id:
                self.redirects_[old] = keep.id
        self._changes.merged[gone.id] = keep.id
        for old, new in self._changes.merged.items():
            if new == gone.id:
                self._changes.merged[old] = keep.id
        return keep

    def _drop(self, story: Story) -> None:
        del self.stories_[story.id]
        self._unsaved.discard(story.id)
        slot = self._slot_of.pop(story.id)
        self._story_at[slot] = None
        self._touched[slot], self._last_day[slot] = -1, np.nan
        self._free.append(slot)

    def _evict(self) -> None:
        stale = np.zeros(len(self._touched), dtype=bool)
        if self.newest_day_ is not None:
            # Stale by article time, and idle in the stream for as long as a second look waits:
            # in an archive out of date order one newer article would otherwise evict a story
            # whose next member comes right after it. (A free slot's NaN day is never stale.)
            stale = (self.newest_day_ - self._last_day > self.window_days) \
                & (self.seen_ - self._touched > self.second_look)
        excess = len(self.stories_) - int(stale.sum()) - self.max_stories
        if excess > 0:
            # The least recently touched of the rest (no two hot stories share a touch).
            idle = np.where(stale | (self._touched < 0), np.iinfo(np.int64).max, self._touched)
            stale[np.argsort(idle, kind="stable")[:excess]] = True
        for story in [self._story_at[slot] for slot in np.flatnonzero(stale)]:
            self._changes.evicted.append(story_to_dict(story))
            self._drop(story)
            # Redirects into an evicted story are the store's to keep from now on.
            self.redirects_ = {o: n for o, n in self.redirects_.items() if n != story.id}

    # -- persistence ---------------------------------------------------------------------------

    def params(self) -> dict[str, Any]:
        """The keywords that make a clusterer like this one (as ``state_dict`` holds them)."""
        params = {name: getattr(self, name) for name in (
            "threshold", "merge_threshold", "candidates", "window_days", "max_stories",
            "max_keys", "second_look", "grown_size")}
        params["weights"] = list(self.weights)
        params["text_weights"] = None if self.text_weights is None else list(self.text_weights)
        params["caseless_thresholds"] = None if self.caseless_thresholds is None \
            else list(self.caseless_thresholds)
        return params

    def state_dict(self, *, stories: bool = True) -> dict[str, Any]:
        """Everything needed to resume: parameters, hot stories, redirects, document
        frequencies. JSON-serialisable (arrays as base64). With ``stories=False`` the hot
        stories are named by id only, for a caller that saves each one as it changes
        (``changed_stories``) and hands them back to ``from_state``."""
        params = self.params()
        if not hasattr(self, "stories_"):
            return {"params": params}
        changes = self._changes
        return {
            "params": params,
            **({"stories": [story_to_dict(s) for s in self.stories_.values()]} if stories
               else {"hot": list(self.stories_)}),
            "redirects": dict(self.redirects_),
            "frequencies": _encode(self.frequencies_.counts),
            "documents": self.frequencies_.documents,
            "seen": self.seen_,
            "newest_day": self.newest_day_,
            "pending": {"merged": changes.merged, "moved": changes.moved,
                        "evicted": changes.evicted},
            # Only ids: the profiles are the articles', which the caller stores anyway.
            "waiting": [[article_id, story_id] for article_id, story_id, _ in self.waiting_],
        }

    def changed_stories(self) -> list[dict[str, Any]]:
        """``story_to_dict`` records of the hot stories that were born or changed since the last
        call: what a caller of ``state_dict(stories=False)`` must save."""
        if not hasattr(self, "_unsaved"):
            return []  # nothing placed yet
        changed = [story_to_dict(self.stories_[i]) for i in sorted(self._unsaved)]
        self._unsaved.clear()
        return changed

    @classmethod
    def from_state(cls, state: dict[str, Any], profiles: Mapping[str, Profile] | None = None,
                   stories: Sequence[dict[str, Any]] = ()) -> StoryClusterer:
        """The clusterer ``state_dict`` saved. ``profiles`` are those of the articles awaiting
        their second look, which the state names only by id; an article without one keeps its
        story without a second look. ``stories`` are the hot stories' records when the state
        names them by id only."""
        clusterer = cls(**state["params"])
        if "seen" not in state:
            return clusterer
        hot = [story_from_dict(s) for s in state.get("stories", stories)]
        dimension = len(hot[0].profile.embedding) if hot else 384
        clusterer._ensure_state(dimension)
        for story in sorted(hot, key=lambda s: s.born):
            clusterer._occupy(story)
        clusterer._unsaved.clear()  # as saved
        clusterer.redirects_ = dict(state["redirects"])
        clusterer.frequencies_ = DocumentFrequencies(
            _decode(state["frequencies"], np.int32), state["documents"])
        clusterer.seen_ = state["seen"]
        clusterer.newest_day_ = state["newest_day"]
        pending = state["pending"]
        # .get: states saved before second looks have no moves and no waiting articles.
        clusterer._changes = StoryChanges(dict(pending["merged"]), dict(pending.get("moved", {})),
                                          list(pending["evicted"]))
        profiles = profiles or {}
        clusterer.waiting_.extend((article_id, story_id, profiles[article_id])
                                  for article_id, story_id in state.get("waiting", [])
                                  if article_id in profiles)
        return clusterer


def story_to_dict(story: Story) -> dict[str, Any]:
    profile = story.profile
    return {
        "id": story.id,
        "born": story.born,
        "touched": story.touched,
        "size": profile.size,
        "first_day": profile.first_day,
        "last_day": profile.last_day,
        "embedding": _encode(profile.embedding.astype(np.float32)),
        "bags": {family: [_encode(bag.keys), _encode(bag.counts)]
                 for family, bag in profile.bags.items()},
    }


def story_from_dict(data: dict[str, Any]) -> Story:
    bags = {family: Bag(_decode(keys, np.int64), _decode(counts, np.float32))
            for family, (keys, counts) in data["bags"].items()}
    profile = Profile(_decode(data["embedding"], np.float32), bags, data["size"],
                      data["first_day"], data["last_day"])
    return Story(data["id"], profile, data["born"], data["touched"])


def cluster_stories(items: Sequence[Item], **params: Any) -> list[str]:
    """Cluster a whole stream at once; every article gets its story's final id."""
    clusterer = StoryClusterer(**params)
    placed = clusterer.partial_fit(items)
    clusterer.revisit()
    return final_story_ids(items, placed, clusterer.pop_changes())


def final_story_ids(items: Sequence[Item], placed: Sequence[str], changes: StoryChanges
                    ) -> list[str]:
    """Each article's story once the moves and merges in ``changes`` (all of a stream's, as a
    store would have recorded them) are applied to where ``partial_fit`` placed it. Merges
    after a story left the hot window are redirected here, as the clusterer no longer can."""
    resolved = []
    for (article_id, _), story_id in zip(items, placed, strict=True):
        story_id = changes.moved.get(article_id, story_id)
        while story_id in changes.merged:
            story_id = changes.merged[story_id]
        resolved.append(story_id)
    return resolved


def training_pairs(items: Sequence[Item], gold: Sequence[str], candidates: int = 5,
                   kind: type[StoryClusterer] = StoryClusterer
                   ) -> tuple[np.ndarray, np.ndarray]:
    """Link features and same-story labels for each article against the candidate stories an
    oracle clusterer (placing every article in its gold story) would show it; ``kind`` is the
    clusterer whose features are learned (a level above has its own)."""
    # Weights that link nothing: the oracle decides, and no merge ever fires.
    silent = (-50.0,) + (0.0,) * len(kind.feature_names)
    clusterer = kind(candidates=candidates, weights=silent, threshold=0.5, merge_threshold=0.5)
    story_of_gold: dict[str, Story | None] = {}
    rows: list[np.ndarray] = []
    labels: list[bool] = []

    def oracle(article_id: str, profile: Profile, scored: list[tuple[Story, float]]
               ) -> Story | None:
        truth = story_of_gold.get(gold_of[article_id])
        if truth is not None and clusterer.stories_.get(truth.id) is not truth:
            truth = None  # it left the time window: the article starts the story again
        shown = [story for story, _ in scored]
        if truth is not None and truth not in shown:
            shown.append(truth)
        for story in shown:
            rows.append(clusterer._features(profile, [story.profile])[0])
            labels.append(story is truth)
        return truth

    gold_of = {article_id: label for (article_id, _), label in zip(items, gold, strict=True)}
    for article_id, profile in items:
        clusterer._ensure_state(len(profile.embedding))
        story_id = clusterer._place(article_id, profile, oracle)
        # None when the article's date put even its own story out of the window at once.
        story_of_gold[gold_of[article_id]] = clusterer.stories_.get(story_id)
    return np.array(rows), np.array(labels)


def _unit(vector: np.ndarray) -> np.ndarray:
    return vector / max(float(np.linalg.norm(vector)), 1e-12)


def _encode(array: np.ndarray) -> str:
    # zlib: the document-frequency table is 4 MB of mostly zeros.
    raw = zlib.compress(np.ascontiguousarray(array).tobytes(), 1)
    return base64.b64encode(raw).decode("ascii")


def _decode(text: str, dtype: type) -> np.ndarray:
    return np.frombuffer(zlib.decompress(base64.b64decode(text)), dtype=dtype).copy()
