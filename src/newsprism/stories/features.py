"""What story clustering knows about one article: a ``Profile``.

A profile holds an embedding of the title and lead (WordLlama), the content words, the named
entities by kind (people, organisations, places, other names), the absolute dates and the
figures the article mentions. A story's profile is the sum of its articles' profiles, so an
article and a story are compared the same way (see ``newsprism.stories.link``). Names are
normalised so that spelling variants meet ("Kim Jong-un" / "Kim Jong Un"), and people are also
keyed by each name token so a surname alone ("Lohan") meets the full name.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
from sklearn.utils import murmurhash3_32

from newsprism.model import Analysis, Article

# Which feature family each spaCy entity label feeds. Dates and numbers come from the analysis'
# DateMention and Figure objects instead; the rest are names.
ENTITY_FAMILIES = {
    "PERSON": "person",
    "ORG": "org",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "name",
    "EVENT": "name",
    "PRODUCT": "name",
    "WORK_OF_ART": "name",
    "LAW": "name",
}
FAMILIES = ("terms", "lead", "person", "org", "place", "name", "dates", "era", "figures")
HASH_BUCKETS = 1 << 20
LEAD_WORDS = 30  # the title and the opening of the lede: the event itself, before background

_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?|\d+(?:[.,]\d+)*")
_POSSESSIVE = re.compile(r"['’]s\b")
_NON_WORD = re.compile(r"[\W_]+")
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@dataclass
class Bag:
    """Hashed keys (sorted, unique) with their counts. Hashing keeps memory and the document
    frequency table bounded however many names a stream brings."""

    keys: np.ndarray  # int64
    counts: np.ndarray  # float32

    @classmethod
    def from_counter(cls, family: str, counter: Counter[str]) -> Bag:
        hashed: Counter[int] = Counter()
        for key, count in counter.items():
            hashed[hash_key(family, key)] += count
        keys = np.array(sorted(hashed), dtype=np.int64)
        return cls(keys, np.array([hashed[k] for k in keys.tolist()], dtype=np.float32))

    def add(self, other: Bag, limit: int) -> Bag:
        """The sum of two bags, keeping the ``limit`` most frequent keys."""
        keys, inverse = np.unique(np.concatenate([self.keys, other.keys]), return_inverse=True)
        counts = np.zeros(len(keys), dtype=np.float32)
        np.add.at(counts, inverse, np.concatenate([self.counts, other.counts]))
        if len(keys) > limit:
            keep = np.sort(np.argsort(-counts, kind="stable")[:limit])
            keys, counts = keys[keep], counts[keep]
        return Bag(keys, counts)


@dataclass
class Profile:
    """Summed evidence of one article or one story. ``bags`` maps a family (``FAMILIES``) to
    its keys; ``embedding`` is the sum of its articles' unit vectors."""

    embedding: np.ndarray
    bags: dict[str, Bag] = field(default_factory=dict)
    size: int = 1
    first_day: int | None = None  # proleptic ordinals of the earliest and latest article dates
    last_day: int | None = None
    # An article with no capital letter (a lower-cased feed, keyword lines): spaCy finds few of
    # its names, so its evidence is weaker (``StoryClusterer.caseless_thresholds``). Only an
    # article's flag is read; a story does not keep one.
    caseless: bool = False

    def add(self, other: Profile, limit: int = 300) -> None:
        """Absorb ``other``; each family keeps its ``limit`` most frequent keys (bounded size)."""
        self.embedding = self.embedding + other.embedding
        for family, bag in other.bags.items():
            mine = self.bags.get(family)
            self.bags[family] = bag if mine is None else mine.add(bag, limit)
        self.size += other.size
        days = [d for d in (self.first_day, self.last_day, other.first_day, other.last_day)
                if d is not None]
        if days:
            self.first_day, self.last_day = min(days), max(days)

    def without(self, other: Profile) -> Profile:
        """This profile less ``other``, one of the profiles it absorbed (keys a bag dropped at
        its limit stay dropped). Its dates stay: which article set them is not kept."""
        bags = {}
        for family, bag in self.bags.items():
            theirs = other.bags.get(family)
            if theirs is None:
                bags[family] = bag
                continue
            counts = bag.counts.copy()
            _, mine, their = np.intersect1d(bag.keys, theirs.keys, assume_unique=True,
                                            return_indices=True)
            counts[mine] -= theirs.counts[their]
            keep = counts > 0
            if keep.any():
                bags[family] = Bag(bag.keys[keep], counts[keep])
        return Profile(self.embedding - other.embedding, bags, self.size - other.size,
                       self.first_day, self.last_day)


def hash_key(family: str, key: str) -> int:
    return murmurhash3_32(f"{family}:{key}", positive=True) % HASH_BUCKETS


def normalise_name(name: str) -> str:
    """Case, accents, possessives, hyphens and a leading "the" removed: "the U.N.'s" → "u n"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = _POSSESSIVE.sub("", text)
    text = _NON_WORD.sub(" ", text).strip()
    return text.removeprefix("the ").strip()


def content_words(text: str) -> list[str]:
    """Lower-cased words and numbers without English stop words."""
    words = (w.lower().replace("’", "'") for w in _WORD.findall(text))
    return [w for w in words if len(w) > 1 and w not in ENGLISH_STOP_WORDS]


def lead_text(analysis: Analysis, words: int = LEAD_WORDS) -> str:
    """The title and the first sentences, cut at ``words`` words: what a reader sees first.
    Without a title (as in many feeds and corpora) the first sentence stands in for it."""
    article = analysis.article
    sentences = [s.text for s in analysis.sentences] or [article.text]
    return " ".join(" ".join([*_title_unless_in_text(article), *sentences]).split()[:words])


def _title_unless_in_text(article: Article) -> list[str]:
    """The title, unless the text already opens with it (ingest takes a first line as title)."""
    if not article.title or article.text.lstrip().startswith(article.title):
        return []
    return [article.title]


def date_keys(iso: str) -> list[str]:
    """"2013-05-03" → the day, its month and its year, so that partial dates still meet."""
    match = _ISO_DATE.match(iso)
    if not match:
        return []
    year, month, day = match.groups()
    keys = [year]
    if month:
        keys.append(f"{year}-{month}")
        if day:
            keys.append(f"{year}-{month}-{day}")
    return keys


def article_day(iso: str | None) -> int | None:
    """The article's publication day as an ordinal, or None when missing or unparseable."""
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None


def profile_bags(analysis: Analysis) -> dict[str, Bag]:
    """Key counts per family for one analysed article."""
    article = analysis.article
    bags: dict[str, Counter[str]] = {family: Counter() for family in FAMILIES}
    bags["terms"].update(content_words("\n".join([*_title_unless_in_text(article), article.text])))
    # News puts the event's own actors, place, date and numbers first ("Hugh Jackman will host
    # the 81st Academy Awards"); names further down are often background (last year's host).
    bags["lead"].update(content_words(lead_text(analysis)))
    for mention in analysis.mentions:
        family = ENTITY_FAMILIES.get(mention.type)
        name = normalise_name(mention.text)
        if family is None or not name:
            continue
        bags[family][name] += 1
        if family == "person":
            bags[family].update(t for t in name.split() if len(t) > 1 and t != name)
    years: set[str] = set()
    for mention in analysis.dates:
        if mention.value:
            bags["dates"].update(date_keys(mention.value))
            years.add(mention.value[:4])
    if years:
        # The latest year an article names stands in for when it happens: news reports the
        # present against its background (last year's host, the player's earlier arrest), so two
        # same-kind events years apart disagree here even without publication dates. The year
        # named most often was the key before, and was often the background's
        # (docs/experiments.md, session 12).
        bags["era"][max(years)] += 1
    for figure in analysis.figures:
        bags["figures"][f"{figure.value:g} {figure.unit or ''}".strip()] += 1
    return {family: Bag.from_counter(family, bag) for family, bag in bags.items() if bag}


def is_caseless(analysis: Analysis) -> bool:
    """True when neither the title nor the text holds a capital letter."""
    article = analysis.article
    return not any(ch.isupper() for ch in f"{article.title or ''}{article.text}")


def embed_leads(analyses: Sequence[Analysis], encoder: str = "wordllama") -> np.ndarray:
    """Unit vectors of each article's title and lead (``lead_text``)."""
    leads = [lead_text(a) for a in analyses]
    if encoder == "minilm":
        from newsprism.embed import load_encoder

        return load_encoder().encode(leads)
    from newsprism.wordvectors import load_search_encoder

    return load_search_encoder().encode(leads)


def extract_profiles(
    analyses: Sequence[Analysis], embeddings: np.ndarray | None = None
) -> list[Profile]:
    """One ``Profile`` per analysed article. ``embeddings`` (unit rows, one per article) may be
    given when the caller already has them; otherwise the leads are embedded with WordLlama,
    ~100 times cheaper than MiniLM at ingest and as good here (bench/clusters.py --encoder)."""
    if embeddings is None:
        embeddings = embed_leads(analyses)
    profiles = []
    for analysis, vector in zip(analyses, embeddings, strict=True):
        day = article_day(analysis.article.date)
        profiles.append(Profile(np.asarray(vector, dtype=np.float32), profile_bags(analysis),
                                first_day=day, last_day=day, caseless=is_caseless(analysis)))
    return profiles
