"""Exact duplicates and reprinted wire copy, each linked to its original.

A briefing counts *independent* sources: an AP story reprinted by ten papers is one source. So
every incoming article is compared with what the store already holds (and with the rest of its
batch):

- **exact**: the same words once case, punctuation and spacing are dropped (a hash lookup);
- **near**: reprinted wire copy with light edits, other boilerplate, or cut shorter. Word
  5-shingles are summarised by a MinHash signature (datasketch); LSH band keys kept in the store
  find candidates by index, and a candidate is a copy when the estimated Jaccard overlap is high,
  or when nearly all of the shorter text's shingles are in the longer one (a trimmed reprint);
- **reprint** (``reprints``, within a batch): a text with light edits in nearly every sentence,
  which shingles miss, found by the runs of words it shares in order with another.

The first article seen is the original; a copy of a copy links to that same original, so links
never chain. Texts too short to judge (under ``min_shingles``) only get exact matching.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Collection, Sequence
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
# respelled in each sentence) change too many word 5-shingles for MinHash to call them copies: a
# sentence edited by one word loses five shingles. Read word by word instead: a reprint prints
# most of the other text in long runs of the same words, in the same order.
_AGENCY = {"associated press": "ap", "ap": "ap", "agence france-presse": "afp", "afp": "afp",
           "reuters": "reuters"}  # fmt: skip
_AGENCY_NAME = re.compile(r"\b(Associated Press|Agence France-Presse|Reuters|AFP|AP)\b",
                          re.IGNORECASE)  # fmt: skip
_DATELINE_CREDIT = re.compile(r"\((Associated Press|AP|AFP|Reuters)\)")
CREDIT_LINE_WORDS = 8  # a line this short naming an agency credits it ("© 2013 AFP")
MIN_RUN = 5  # shorter runs of shared words are stock phrases ("said on Monday that the"), not text


def wire_credits(text: str) -> set[str]:
    """The news agencies (AP, AFP, Reuters) a text credits: a dateline's "(AP)", or a short line
    naming one ("Associated Press", "Copyright 2013 AFP"); never a mention in the story ("told
    the AFP news agency", "records obtained by The Associated Press")."""
    found = {_AGENCY[m[1].lower()] for m in _DATELINE_CREDIT.finditer(text)}
    for line in text.splitlines():
        if len(line.split()) <= CREDIT_LINE_WORDS:
            found |= {_AGENCY[m[1].lower()] for m in _AGENCY_NAME.finditer(line)}
    return found


def shared_text(copy: str, original: str) -> tuple[float, int]:
    """How much of ``copy`` ``original`` prints too: the words of ``copy`` in runs of at least
    ``MIN_RUN`` words that ``original`` has in the same order (difflib's matching blocks, which
    never cross), as a share of ``copy``'s words, and their number. Edits, cuts and additions
    only break runs; two reports sharing a quotation or a few stock lines share little."""
    from difflib import SequenceMatcher

    mine, theirs = text_words(copy), text_words(original)
    if not mine or not theirs:
        return 0.0, 0
    blocks = SequenceMatcher(None, mine, theirs, autojunk=False).get_matching_blocks()
    shared = sum(block.size for block in blocks if block.size >= MIN_RUN)
    return shared / len(mine), shared


class CopyGroups:
    """Articles (by id, in reading order) joined into groups of one text: each group's original
    is its first article in reading order, so a copy of a copy links to that same original and
    links never chain."""

    def __init__(self, ids: Sequence[str]) -> None:
        self._order = {article: i for i, article in enumerate(ids)}
        self._root = {article: article for article in ids}

    def original(self, article: str) -> str:
        while self._root[article] != article:
            article = self._root[article]
        return article

    def join(self, a: str, b: str) -> None:
        first, second = sorted((self.original(a), self.original(b)), key=self._order.__getitem__)
        self._root[second] = first


REPRINT_SHARE = 0.7  # of the shorter text's words in runs the other prints: a reprint
CREDITED_SHARE = 0.4  # the same when both credit one agency
REPRINT_OVERLAP = 0.3  # estimated shingle containment below which a pair is not read
LOWEST_OVERLAP = REPRINT_OVERLAP * CREDITED_SHARE / REPRINT_SHARE  # a credited pair's bar


def reprints(
    articles: Sequence[Article], prints: Sequence[Fingerprint], links: Sequence[DuplicateLink],
    *, share: float = REPRINT_SHARE, credited_share: float = CREDITED_SHARE,
    min_words: int = 30, min_overlap: float = REPRINT_OVERLAP,
    among: Collection[str] | None = None,
) -> list[DuplicateLink]:
    """The articles of a batch that reprint another's text, besides ``links`` (the copies
    ``DuplicateFinder`` found), each linked to the text it was read against: the shorter of
    the two is the copy, its similarity the share of its words the other prints. A pair is a
    reprint when at least ``share`` of the shorter text's words, and ``min_words`` or more, are
    in runs the other prints in the same order (``shared_text``); ``credited_share`` when both
    credit one agency (``wire_credits``): the credit supports, never makes, a copy. Pairs
    already of one group are not read, nor those whose estimated shingle containment is below
    ``min_overlap`` (most of a cluster's pairs; lowered as the bar is for credited pairs).
    With ``among`` (ids), only pairs with an article of them are read: a stored story's
    newcomers against its members, whose pairs were read when they came."""
    groups = CopyGroups([a.id for a in articles])
    for link in links:
        groups.join(link.article, link.original)
    found: list[DuplicateLink] = []
    credits = [wire_credits(a.text) for a in articles]
    for i, later in enumerate(articles):
        for j, (earlier, earlier_print) in enumerate(zip(articles[:i], prints[:i], strict=True)):
            if among is not None and later.id not in among and earlier.id not in among:
                continue
            if groups.original(later.id) == groups.original(earlier.id):
                continue
            credited = credits[i] & credits[j]
            floor = min_overlap * (credited_share / share if credited else 1.0)
            if estimate_overlap(prints[i], earlier_print)[1] < floor:
                continue
            short, long = sorted((later, earlier), key=lambda a: len(a.text))
            shared, words = shared_text(short.text, long.text)
            if words >= min_words and shared >= (credited_share if credited else share):
                groups.join(later.id, earlier.id)
                found.append(DuplicateLink(short.id, long.id, "near", round(shared, 3)))
    return found


def reprint_candidates(prints: Sequence[Fingerprint], among: Collection[str]) -> set[str]:
    """The articles of ``prints`` in a pair with one of ``among`` that ``reprints`` (at its
    default bars) would read: their estimated shingle containment reaches a credited pair's
    bar. Read from the fingerprints alone, so a stored story's texts are read only for them."""
    new = [i for i, p in enumerate(prints) if p.article in among]
    if not new or len(prints) < 2 or len({len(p.signature) for p in prints}) > 1:
        return set()
    # ``estimate_overlap`` for every newcomer against every article at once.
    signatures = np.stack([np.frombuffer(p.signature, "<u4") for p in prints])
    sizes = np.array([p.shingles for p in prints], dtype=float)
    jaccard = (signatures[new][:, None, :] == signatures[None, :, :]).mean(axis=2)
    common = jaccard / (1.0 + jaccard) * (sizes[new][:, None] + sizes[None, :])
    smaller = np.maximum(np.minimum(sizes[new][:, None], sizes[None, :]), 1.0)
    close = common / smaller >= LOWEST_OVERLAP
    close[np.arange(len(new)), new] = False  # an article and itself
    rows, columns = np.nonzero(close)
    return {prints[new[r]].article for r in rows} | {prints[c].article for c in columns}


def grouped(articles: Sequence[Article], links: Sequence[DuplicateLink]) -> dict[str, str]:
    """Article id -> the original of its group of copies (``CopyGroups``), for the articles
    ``links`` make copies."""
    groups = CopyGroups([a.id for a in articles])
    for link in links:
        groups.join(link.article, link.original)
    return {a.id: first for a in articles if (first := groups.original(a.id)) != a.id}
