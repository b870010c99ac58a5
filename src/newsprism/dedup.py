"""Exact duplicates and reprinted wire copy, each linked to its original.

A briefing counts *independent* sources: an AP story reprinted by ten papers is one source. So
every incoming article is compared with what the store already holds (and with the rest of its
batch):

- **exact**: the same words once case, punctuation and spacing are dropped (a hash lookup);
- **near**: reprinted wire copy with light edits, other boilerplate, or cut shorter. Word
  5-shingles are summarised by a MinHash signature (datasketch); LSH band keys kept in the store
  find candidates by index, and a candidate is a copy when the estimated Jaccard overlap is high,
  or when nearly all of the shorter text's shingles are in the longer one (a trimmed reprint).

The first article seen is the original; a copy of a copy links to that same original, so links
never chain. Texts too short to judge (under ``min_shingles``) only get exact matching.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Sequence
from typing import Protocol

import numpy as np

from newsprism.model import Article, DuplicateLink, Fingerprint


class Stored(Protocol):
    """What duplicate detection asks of the articles stored already (``store.copies`` answers;
    the stage does not depend on it)."""

    def original_of_text(self, text_hash: str) -> str | None: ...

    def similar(self, band_keys: Sequence[int]) -> list[tuple[Fingerprint, str]]: ...

_WORD = re.compile(r"\w+")
# A live page's later text is stored as an article of its own, "<page id>.v<12 hex of the
# text's hash>" (the earlier versions kept as read): see ``version_id``.
_VERSION = re.compile(r"\.v[0-9a-f]{12}$")


def version_id(page_id: str, content_hash: str) -> str:
    """The id of a page's changed text: the page's id and the new text's hash."""
    return f"{page_id}.v{content_hash[:12]}"


def page_of(article_id: str) -> str:
    """The page an article's text is a version of (its own id when it is no later version)."""
    return _VERSION.sub("", article_id)


def text_words(text: str) -> list[str]:
    """Lower-cased words: what duplicate detection compares (punctuation and spacing dropped)."""
    return _WORD.findall(text.lower())


def hash_text(text: str) -> str:
    """Hash of the normalised words: equal for texts that differ only in case or punctuation."""
    return _hash_words(text_words(text))


def _hash_words(words: list[str]) -> str:
    return hashlib.sha1(" ".join(words).encode()).hexdigest()


def estimate_overlap(a: Fingerprint, b: Fingerprint) -> tuple[float, float]:
    """Estimated Jaccard overlap of two texts' shingle sets, and the share of the smaller set
    found in the larger (containment), from the MinHash signatures and set sizes."""
    left, right = np.frombuffer(a.signature, "<u4"), np.frombuffer(b.signature, "<u4")
    if len(left) != len(right) or not a.shingles or not b.shingles:
        return 0.0, 0.0
    jaccard = float(np.mean(left == right))
    common = jaccard / (1.0 + jaccard) * (a.shingles + b.shingles)
    return jaccard, min(1.0, common / min(a.shingles, b.shingles))


class DuplicateFinder:
    """Finds the copies in a batch of articles against a store and the batch itself.

    ``jaccard``: estimated overlap above which two texts are one story reprinted;
    ``containment``: share of a shorter text found in a longer one that makes it a trimmed copy;
    ``min_overlap``: containment counts only above this Jaccard overlap (a trimmed copy at least
    ~40% of the original's length), because containment estimated from a small overlap is
    mostly noise and a long article quoting a short statement in full is not a copy of it;
    ``min_shingles``: texts with fewer shingles are matched exactly only; ``bands`` x ``rows``
    LSH bands over ``num_perm`` MinHash values (42 x 3 finds pairs with overlap 0.4 at 94%).
    """

    def __init__(
        self,
        *,
        jaccard: float = 0.5,
        containment: float = 0.9,
        min_overlap: float = 0.4,
        min_shingles: int = 30,
        shingle: int = 5,
        num_perm: int = 128,
        bands: int = 42,
        rows: int = 3,
    ) -> None:
        self.jaccard = jaccard
        self.containment = containment
        self.min_overlap = min_overlap
        self.min_shingles = min_shingles
        self.shingle = shingle
        self.num_perm = num_perm
        self.bands = bands
        self.rows = rows
        self._minhash = None

    def fingerprint(self, article: Article) -> Fingerprint:
        """Hash, MinHash signature and LSH band keys of one article's text."""
        from datasketch import MinHash

        if self._minhash is None:  # building the permutations costs more than hashing a text
            self._minhash = MinHash(num_perm=self.num_perm, seed=1, hashfunc=zlib.crc32)
        words = text_words(article.text)
        k = self.shingle
        shingles = {" ".join(words[i : i + k]).encode() for i in range(max(1, len(words) - k + 1))}
        self._minhash.clear()
        self._minhash.update_batch(list(shingles))
        values = np.asarray(self._minhash.hashvalues, dtype="<u4")
        bands = values[: self.bands * self.rows].reshape(self.bands, self.rows)
        keys = tuple(
            int.from_bytes(
                hashlib.blake2b(bytes([i]) + band.tobytes(), digest_size=8).digest(),
                "little",
                signed=True,
            )
            for i, band in enumerate(bands)
        )
        return Fingerprint(article.id, _hash_words(words), values.tobytes(), len(shingles), keys)

    def run(
        self, articles: Sequence[Article], store: Stored | None = None
    ) -> tuple[list[Fingerprint], list[DuplicateLink]]:
        """Fingerprints of ``articles`` and the links of those that copy an earlier article
        (of the batch, or of the store when one is given)."""
        prints: list[Fingerprint] = []
        links: list[DuplicateLink] = []
        by_hash: dict[str, str] = {}  # text hash -> original, within the batch
        by_band: dict[int, list[tuple[Fingerprint, str]]] = {}  # batch fingerprints, original
        for article in articles:
            found = self.fingerprint(article)
            prints.append(found)
            link = self._exact(found, by_hash, store) or self._near(found, by_band, store)
            original = link.original if link else article.id
            if link:
                links.append(link)
            by_hash.setdefault(found.text_hash, original)
            for key in found.band_keys:
                by_band.setdefault(key, []).append((found, original))
        return prints, links

    def _exact(
        self, found: Fingerprint, by_hash: dict[str, str], store: Stored | None
    ) -> DuplicateLink | None:
        original = by_hash.get(found.text_hash)
        if original is None and store is not None:
            original = store.original_of_text(found.text_hash)
        if original is None or original == found.article:
            return None
        return DuplicateLink(found.article, original, "exact", 1.0)

    def _near(
        self,
        found: Fingerprint,
        by_band: dict[int, list[tuple[Fingerprint, str]]],
        store: Stored | None,
    ) -> DuplicateLink | None:
        if found.shingles < self.min_shingles:
            return None
        candidates = store.similar(found.band_keys) if store else []
        candidates += [c for key in found.band_keys for c in by_band.get(key, ())]
        best: tuple[float, str] | None = None
        for other, original in candidates:
            if other.article == found.article or other.shingles < self.min_shingles:
                continue
            jaccard, contained = estimate_overlap(found, other)
            trimmed = jaccard >= self.min_overlap and contained >= self.containment
            if jaccard >= self.jaccard or trimmed:
                score = max(jaccard, contained)
                if best is None or score > best[0]:
                    best = (score, original)
        if best is None:
            return None
        return DuplicateLink(found.article, best[1], "near", round(best[0], 3))


# Reprints with light edits (another headline, a paragraph dropped or added, a dateline, one word
# respelled) change too many word 5-shingles for MinHash to call them copies: a sentence reworded
# by one word loses five shingles. Read sentence by sentence instead: a reprint prints most of
# the other text's sentences nearly word for word, in the same order.
_SENTENCE_END = re.compile(r"(?<=[.!?\"'”’])\s+(?=[A-Z\"'“‘`(])|\n+")
_WIRE_CREDIT = re.compile(
    r"\b(Associated Press|Agence France-Presse|Reuters|AFP)\b|\((AP)\)", re.IGNORECASE
)
_AGENCY = {"associated press": "ap", "ap": "ap", "agence france-presse": "afp", "afp": "afp",
           "reuters": "reuters"}  # fmt: skip
SENTENCE_MATCH = 0.8  # difflib ratio of two sentences' words above which they are one sentence
MIN_SENTENCE_WORDS = 4  # shorter lines (datelines, time stamps, bylines) are not read as text


def _sentences(text: str) -> list[list[str]]:
    words = (text_words(part) for part in _SENTENCE_END.split(text))
    return [w for w in words if len(w) >= MIN_SENTENCE_WORDS]


def wire_credits(text: str) -> set[str]:
    """The news agencies a text names (AP, AFP, Reuters): a credit line, a dateline's "(AP)"."""
    return {_AGENCY[(m[1] or m[2]).lower()] for m in _WIRE_CREDIT.finditer(text)}


def shared_sentences(copy: str, original: str) -> tuple[float, int]:
    """How much of ``copy`` ``original`` prints too: the share of ``copy``'s words in sentences
    that ``original`` has nearly word for word (``SENTENCE_MATCH``), counting only the heaviest
    run of them in one order (a reprint keeps the order; two reports sharing stock lines do
    not); and how many sentences that run holds."""
    from difflib import SequenceMatcher

    mine, theirs = _sentences(copy), _sentences(original)
    total = sum(map(len, mine))
    if not total or not theirs:
        return 0.0, 0
    their_sets = [set(s) for s in theirs]
    matched: list[tuple[int, int]] = []  # (sentence of original, words)
    for sentence in mine:
        words = set(sentence)
        matcher = SequenceMatcher(None, sentence, autojunk=False)
        best, where = 0.0, -1
        for j, other in enumerate(theirs):
            if len(words & their_sets[j]) < 0.6 * max(len(words), len(their_sets[j])):
                continue  # too few words in common to pass the ratio: skip the costly match
            matcher.set_seq2(other)
            if (ratio := matcher.ratio()) > best:
                best, where = ratio, j
        if best >= SENTENCE_MATCH:
            matched.append((where, len(sentence)))
    # heaviest run increasing in the original's order (O(n^2): a few dozen sentences)
    weight = [w for _, w in matched]
    count = [1] * len(matched)
    for i, (j, w) in enumerate(matched):
        for k in range(i):
            if matched[k][0] < j and weight[k] + w > weight[i]:
                weight[i], count[i] = weight[k] + w, count[k] + 1
    if not matched:
        return 0.0, 0
    best_run = max(range(len(matched)), key=weight.__getitem__)
    return weight[best_run] / total, count[best_run]


def reprints(
    articles: Sequence[Article], prints: Sequence[Fingerprint], links: Sequence[DuplicateLink],
    *, share: float = 0.65, credited_share: float = 0.3, min_sentences: int = 3,
    min_overlap: float = 0.1,
) -> list[DuplicateLink]:
    """Every copy link of a batch: ``links`` (the copies ``DuplicateFinder`` found) and those of
    the articles that reprint another's text sentence by sentence. A pair is a reprint when the
    shorter text has at least ``share`` of its words in ``min_sentences`` or more sentences the
    other prints in the same order (``shared_sentences``); ``credited_share`` when both name
    one agency (AP, AFP, Reuters): the credit supports, never makes, a copy. Copies of copies
    are one group whose first article in reading order is the original, so links never chain.
    ``min_overlap``: pairs whose estimated shingle containment is below it are never read (most
    of a cluster's pairs). A new link's similarity is the share of its article's words the
    original prints, when its article is the shorter of the two and was read against it; else
    0 (never enough to fold it out of a briefing)."""
    order = {a.id: i for i, a in enumerate(articles)}
    root = {a.id: a.id for a in articles}

    def find(article: str) -> str:
        while root[article] != article:
            article = root[article]
        return article

    def join(a: str, b: str) -> None:
        first, second = sorted((find(a), find(b)), key=order.__getitem__)
        root[second] = first

    for link in links:
        join(link.article, link.original)
    shares: dict[tuple[str, str], float] = {}  # (shorter, longer) -> share measured
    for i, later in enumerate(articles):
        for earlier, earlier_print in zip(articles[:i], prints[:i], strict=True):
            if find(later.id) == find(earlier.id):
                continue
            if estimate_overlap(prints[i], earlier_print)[1] < min_overlap:
                continue
            short, long = sorted((later, earlier), key=lambda a: len(a.text))
            shared, sentences = shared_sentences(short.text, long.text)
            credited = wire_credits(later.text) & wire_credits(earlier.text)
            if sentences >= min_sentences and shared >= (credited_share if credited else share):
                join(later.id, earlier.id)
                shares[short.id, long.id] = round(shared, 3)
    found = {link.article: link for link in links if find(link.article) == link.original}
    return [
        found.get(a.id) or DuplicateLink(a.id, first, "near", shares.get((a.id, first), 0.0))
        for a in articles if (first := find(a.id)) != a.id
    ]  # fmt: skip
