"""Align statements that assert the same proposition in different articles.

Compare runs in a hard regime: every statement of a cluster against every other, where nearly
every pair is a near miss on one topic, sharing its names, places and units. Precision comes
first: a false corroboration is worse than a missed one.

1. Candidates: each statement's best match in every other article, ranked by meaning
   (sentence-embedding cosine), the rare words they share beyond names (IDF-weighted: "scheduled"
   counts, "Russia" never does) and figures both state; pairs too far apart to be one fact are
   pruned before any expensive judgement.
2. Judgement: a candidate that shares what is done and not only who does it (content words
   beyond the names), or that shares only names but is each statement's nearest in meaning in
   the other's article and about the same thing (``PairEvidence.nearest_both``), whose actors do
   not clash (each names a person or an organisation the other does not) and that is not blocked
   (other remarks quoted, other values in one unit, other times of day, lengths of time or days
   named for what they report) gets the relation model's P(same fact) (``newsprism.relation``);
   the in-cluster judge (``compare.judge``) weighs it with the pair's evidence and links it
   above a threshold set for precision, or above a lower one when both assert the same main
   predicate (``compare.predicates``: "opened fire" is not "was charged", however much else is
   shared), or when the judge is unsure and the relation model finds one statement the other's
   fact told by one of its main clauses (``compare.clauses``: "X was arrested and booked into
   jail" / "Police arrested X"), with the same main predicate too. A pair that is each other's
   best match links without the judge's likely yes only when nearly identical in meaning and
   words, and with the same main predicate. Every link, however sure, needs both as firm: "faces
   charges" is not "is expected to face charges", "65% was down" not "it is thought that 65% was
   down"; and neither telling the other's main fact only as the setting of its own ("anger
   mounted after Papandreou announced cuts" is not "Papandreou announced cuts").
3. Groups: linked statements form groups of at most one statement per article, and every member
   of a group must be linked to the group's anchor, the statement the claim quotes; a chain
   A~B~C whose C does not match A is cut (``_anchored``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from newsprism.analyse.resolve import LEGAL_SUFFIXES
from newsprism.compare.figures import year_conflicts
from newsprism.compare.judge import JUDGE_FEATURES, JUDGED, PREDICATE_BAND, Judge, load_judge
from newsprism.compare.predicates import Assertion, assertion, parse
from newsprism.compare.slots import Slots, statement_slots
from newsprism.embed import TokenVectors
from newsprism.model import Span
from newsprism.negation import NEGATING, negation_pattern
from newsprism.relation import load_relation_model, opposed
from newsprism.settings import DEFAULTS, CompareSettings

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|\d[\d,.]*\d|\d")
CANDIDATE_COSINE = 0.35  # below this (and with little shared) a pair is not judged at all
CANDIDATE_WORDS = 0.12
NEGATION = negation_pattern(NEGATING)
CORE_WORDS = 0.10  # shared rare words beyond the names, below which only names are shared
# A pair judged at least CLAUSE_FLOOR (below the judge's band) whose one statement and the
# other's closest main clause the relation model finds one fact at CLAUSE_LINK links when both
# assert one main predicate as firmly (``PairEvidence.clause_same_fact``)
CLAUSE_FLOOR, CLAUSE_LINK = 0.2, 0.8
# A pair judged at least SLOT_FLOOR whose main predicates agree, done to one thing at no two
# times (``compare.slots``), links: the judge's doubt on such pairs is over words around one fact
SLOT_FLOOR = 0.4
ACTOR_TYPES = ("PERSON", "ORG")
SURNAME_LETTERS = 4  # the shortest surname read as one spelt with a letter more ("Rait")


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def content_terms(text: str, stop_words: frozenset[str]) -> set[str]:
    """Lower-cased content words, lightly stemmed ("workers" and "working" -> "work")."""
    terms = set()
    for token in _TOKEN.findall(text):
        word = re.sub(r"['’]s$", "", token.lower()).replace(",", "")
        if word in stop_words or (len(word) < 3 and not word.isdigit()):
            continue
        terms.add(_stem(word))
    return terms


def _stem(word: str) -> str:
    for suffix in ("ing", "ers", "ed", "er", "es", "s"):
        if len(word) - len(suffix) >= 4 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def rare_overlap(terms: Sequence[set[str]]) -> tuple[np.ndarray, np.ndarray]:
    """IDF-weighted Dice overlap between every pair of term sets, and coverage: ``[i, j]`` is
    the share of ``i``'s IDF mass that ``j`` shares (what ``i`` says that ``j`` says too)."""
    from scipy import sparse

    vocabulary = {term: n for n, term in enumerate(sorted(set().union(*terms)))}
    rows = [i for i, ts in enumerate(terms) for _ in ts]
    cols = [vocabulary[t] for ts in terms for t in ts]
    present = sparse.csr_matrix((np.ones(len(rows), np.float32), (rows, cols)),
                                shape=(len(terms), len(vocabulary)))
    frequency = np.asarray(present.sum(axis=0)).ravel()
    idf = np.log((len(terms) + 1) / (frequency + 0.5)).astype(np.float32)
    shared = (present.multiply(idf) @ present.T).toarray()  # idf mass of the terms in common
    weights = np.diag(shared).copy()
    total = weights[:, None] + weights[None, :]
    overlap = np.divide(2 * shared, total, out=np.zeros_like(shared), where=total > 0)
    own = np.broadcast_to(weights[:, None], shared.shape)
    coverage = np.divide(shared, own, out=np.zeros_like(shared), where=own > 0)
    np.fill_diagonal(overlap, 0.0)
    np.fill_diagonal(coverage, 0.0)
    return overlap, coverage


def match_strength(cosine: np.ndarray, lexical: np.ndarray, figures: np.ndarray) -> np.ndarray:
    """What ranks a statement's candidates in another article."""
    return cosine + 0.5 * lexical + 0.15 * figures


@dataclass(frozen=True)
class StatementNames:
    """What each statement names, from the analysed mentions inside it (row-aligned with the
    statements): the words of its names, its actors as resolved entity ids by type, and the
    same actors by what they are called (``actor_key``)."""

    words: tuple[frozenset[str], ...]
    actors: tuple[dict[str, frozenset[str]], ...]
    called: tuple[dict[str, frozenset[str]], ...]

    @classmethod
    def none(cls, n: int) -> StatementNames:
        return cls(tuple(frozenset() for _ in range(n)), tuple({} for _ in range(n)),
                   tuple({} for _ in range(n)))

    def clash(self, i: int, j: int) -> bool:
        """Does each statement name an actor of one kind that the other does not, by any name?
        Two entities resolution left apart but called alike ("Constable Tim Fanning" and "Tim
        Fanning", "TallGrass Distribution Ltd." and "Tall Grass Distribution Limited"), or that
        may be one (``one_actor``), are one actor here."""
        a, b = self.called[i], self.called[j]
        return any(_unmatched(a[kind], b[kind], kind) and _unmatched(b[kind], a[kind], kind)
                   for kind in a.keys() & b.keys())


def _unmatched(keys: frozenset[str], others: frozenset[str], kind: str) -> bool:
    """Is one of ``keys`` no actor that one of ``others`` may be?"""
    return any(not any(one_actor(key, other, kind) for other in others) for key in keys)


def one_actor(key: str, other: str, kind: str) -> bool:
    """May two actor keys (``actor_key``) of one kind name one actor? Alike; or an
    organisation's words all among the other's, as news names a body in full and then by the
    words it is known by ("the Boston Red Sox" / "the Red Sox", "Royal Dutch Shell" / "Shell",
    "the Department of Justice" / "the Justice Department"); or a surname spelt with one letter
    more ("Rait" / "Raite"), as two reports of one person often spell it. A letter changed is
    another name ("Hall" / "Hill")."""
    if kind != "PERSON":
        words, others = set(key.split()), set(other.split())
        return key.replace(" ", "") == other.replace(" ", "") or words <= others \
            or others <= words
    if key == other:
        return True
    short, long = sorted((key, other), key=len)
    return len(short) >= SURNAME_LETTERS and len(long) == len(short) + 1 and any(
        long[:n] + long[n + 1:] == short for n in range(len(long)))


# resolution's legal suffixes, and "group": a looser key, for telling names apart only
_COMPANY = LEGAL_SUFFIXES | {"group"}
# what ends a person's name after the surname ("Jesse Matthew Jr." is called Matthew)
_GENERATION = frozenset({"jr", "sr", "snr", "ii", "iii", "iv"})


def actor_key(name: str, kind: str) -> str:
    """What an actor is called, for telling whether two names may be one actor: a person's
    surname, an organisation's words without its company suffix."""
    words = re.findall(r"[^\W\d_]+", name.casefold())
    if kind == "PERSON":
        while len(words) > 1 and words[-1] in _GENERATION:
            words.pop()
        return words[-1] if words else name.casefold()
    return " ".join(w for w in words if w not in _COMPANY) or name.casefold()


@dataclass(frozen=True)
class PairEvidence:
    """Evidence for every pair of statements (0 within one article)."""

    cosine: np.ndarray
    lexical: np.ndarray  # rare words shared beyond the names (``rare_overlap``)
    coverage: np.ndarray  # [i, j]: the share of i's rare words that j states too
    figures: np.ndarray
    blocked: np.ndarray  # True: never one proposition (other remarks quoted, other figures)
    strength: np.ndarray  # what ranks a statement's candidates (``match_strength``)
    best: dict[tuple[int, str], int]  # the candidates: ``best_matches`` by strength
    same_fact: np.ndarray  # the relation model's P(same fact) for judged pairs, else 0
    threshold: float  # the relation model's yes (its MRPC threshold)
    names: StatementNames
    lengths: np.ndarray  # words per statement
    negated: np.ndarray  # does the statement hold a word of negation (``NEGATION``)?
    docs: tuple[str, ...]  # each statement's article
    verdict: np.ndarray  # the in-cluster judge's P(one proposition) for judged pairs, else 0
    verdict_threshold: float
    settings: CompareSettings = DEFAULTS.compare
    # statement -> what it asserts, parsed only for the pairs that need it (``judge``)
    asserted: dict[int, Assertion] = field(default_factory=dict)
    # each statement's word pieces in context, from the pass that embedded it (empty: the
    # relation model encodes the judged statements again)
    tokens: Sequence[TokenVectors] = ()
    # pairs of statements whose marks quote one remark in other words
    # (``compare.quotes.marked_rewordings``)
    reworded: tuple[tuple[int, int], ...] = ()
    # the verdict from which a pair whose main predicates agree links (``Judge.band``)
    band: float = PREDICATE_BAND
    # each statement's text and sentence vector, for the vectors of its clauses
    texts: tuple[str, ...] = ()
    embeddings: np.ndarray | None = None
    # statement -> its main clauses' texts, vectors and word pieces (``compare.clauses``; none:
    # one clause), found only for the pairs a judge that weighs them judges, or that could link
    # by one (``judge``); the texts come with the statement's parse (``parse_asserted``)
    clause_texts: dict[int, list[str]] = field(default_factory=dict)
    clause_vectors: dict[int, np.ndarray] = field(default_factory=dict)
    clause_tokens: dict[int, list[TokenVectors]] = field(default_factory=dict)
    # (i, j), i < j -> ``clause_same_fact`` of a pair the judge finds neither sure nor unlikely
    clause_fact: dict[tuple[int, int], float] = field(default_factory=dict)
    # statement -> its main predicates' objects and times, parsed with ``asserted``
    slots: dict[int, Slots] = field(default_factory=dict)

    def linked(self, i: int, j: int, mutual: bool) -> bool:
        """Do statements ``i`` and ``j`` assert the same proposition?"""
        if not self.judgeable(i, j) or not self.as_firmly(i, j) or self.told_aside(i, j):
            return False
        if self.verdict[i, j] >= self.verdict_threshold or self.told_in_clause(i, j):
            return True
        if not self.same_predicate(i, j):
            return False
        # Mutual best matches this close in meaning and words link without the judge's
        # likely yes; so does a pair one of which says the other's fact in a main clause.
        return bool(self.verdict[i, j] >= self.band or (mutual and self.near_copy(i, j))
                    or self.clause_fact.get((min(i, j), max(i, j)), 0.0) >= CLAUSE_LINK
                    or self.slots_agree(i, j))

    def slots_agree(self, i: int, j: int) -> bool:
        """Judged at least ``SLOT_FLOOR``, is the main predicate of both done to one thing at
        no two times (``Slots.agrees``)? Known once ``judge`` has parsed them."""
        return bool(self.verdict[i, j] >= SLOT_FLOOR and i in self.slots and j in self.slots
                    and self.slots[i].agrees(self.slots[j]))

    def told_in_clause(self, i: int, j: int) -> bool:
        """Judged at least ``SLOT_FLOOR``, does one tell the other's fact in a clause of what
        happened next, of the one actor both name (``Slots.tells_in_clause``: "Melquan was
        taken to hospital, where he was pronounced dead" / "Melquan died")? Known once
        ``judge`` has parsed them."""
        return bool(self.verdict[i, j] >= SLOT_FLOOR and i in self.slots and j in self.slots
                    and (self.slots[i].tells_in_clause(self.slots[j])
                         or self.slots[j].tells_in_clause(self.slots[i])))

    def near_copy(self, i: int, j: int) -> bool:
        return bool(self.cosine[i, j] >= self.settings.near_copy_cosine
                    and self.lexical[i, j] >= self.settings.near_copy_words)

    def same_predicate(self, i: int, j: int) -> bool:
        """Do both assert the same main predicate as firmly (known once ``judge`` has parsed
        them)?"""
        return i in self.asserted and j in self.asserted and self.asserted[i].agrees(
            self.asserted[j])

    def as_firmly(self, i: int, j: int) -> bool:
        """Do both assert what they say as firmly, neither hedged nor looking ahead unless the
        other is too ("It is thought that 65% of traffic was down" is not "65% of traffic was
        down")? Known once ``judge`` has parsed them: a pair left unparsed never links."""
        return i in self.asserted and j in self.asserted and (
            self.asserted[i].hedged == self.asserted[j].hedged)

    def told_aside(self, i: int, j: int) -> bool:
        """Does one tell the other's main fact only as a clause around its own
        (``Assertion.told_aside``)? Known once ``judge`` has parsed them."""
        return i in self.asserted and j in self.asserted and self.asserted[i].told_aside(
            self.asserted[j])

    def judgeable(self, i: int, j: int) -> bool:
        """Could the pair be one proposition at all? Close enough, sharing more than names,
        actors that do not clash, not blocked; the others are never judged nor linked."""
        return bool(self.candidate(i, j)
                    and (self.lexical[i, j] >= CORE_WORDS or self.nearest_both(i, j))
                    and not self.names.clash(i, j) and not self.blocked[i, j])

    def nearest_both(self, i: int, j: int) -> bool:
        """Is each the other's nearest in meaning among the other article's statements, and
        about the same thing (``related_cosine``)? A pair that shares only names is judged
        when so: "They used a Taser to subdue him" / "Officials had to use a Taser on LaSalle"
        share no rare word beyond the name, "She died an hour later at Hennepin County Medical
        Center" / "The woman was pronounced dead at HCMC" none at all."""
        if self.cosine[i, j] < self.settings.related_cosine:
            return False
        docs = self.doc_array
        return bool(self.cosine[i, j] >= self.cosine[i, docs == docs[j]].max()
                    and self.cosine[i, j] >= self.cosine[j, docs == docs[i]].max())

    @cached_property
    def doc_array(self) -> np.ndarray:
        """``docs`` as an array, made once for the masks of every pair."""
        return np.asarray(self.docs)

    def mutual(self, i: int, j: int) -> bool:
        """Is each the other's best match in the other's article?"""
        return self.best.get((i, self.docs[j])) == j and self.best.get((j, self.docs[i])) == i

    def related(self, i: int, j: int) -> bool:
        """About the same thing: close in meaning, or one fact for the relation model (which
        judges only pairs that could link: ``could_link``)."""
        return bool(self.cosine[i, j] >= self.settings.related_cosine
                    or self.same_fact[i, j] >= self.threshold)

    def features(self, first: np.ndarray, second: np.ndarray,
                 names: Sequence[str] = JUDGE_FEATURES) -> np.ndarray:
        """The features ``names`` (``compare.judge.JUDGE_FEATURES``) of the pairs
        ``(first[k], second[k])``; the parsed ones need both statements in ``asserted``."""
        pairs = list(zip(first.tolist(), second.tolist(), strict=True))
        cover, lengths = self.coverage, self.lengths
        columns = {
            "same_fact": lambda: self.same_fact[first, second],
            "cosine": lambda: self.cosine[first, second],
            "shared_words": lambda: self.lexical[first, second],
            "covered_least": lambda: np.minimum(cover[first, second], cover[second, first]),
            "covered_most": lambda: np.maximum(cover[first, second], cover[second, first]),
            "shared_figure": lambda: self.figures[first, second],
            "shared_actor": lambda: [any(a[kind] & b[kind] for kind in a.keys() & b.keys())
                                     for a, b in ((self.names.actors[i], self.names.actors[j])
                                                  for i, j in pairs)],
            "length_ratio": lambda: np.minimum(lengths[first], lengths[second])
            / np.maximum(np.maximum(lengths[first], lengths[second]), 1),
            "mutual": lambda: [self.mutual(i, j) for i, j in pairs],
            "negation_differs": lambda: [self.negated[i] != self.negated[j] for i, j in pairs],
            "same_predicate": lambda: [self.same_predicate(i, j) for i, j in pairs],
            "denies": lambda: [self.asserted[i].denies(self.asserted[j]) for i, j in pairs],
            "cosine_rank": lambda: np.minimum(*(self.cosine_rank()[a, b]
                                                for a, b in ((first, second), (second, first)))),
            "contained": lambda: self.contained(pairs),
            "clause_same_fact": lambda: self.clause_same_fact(pairs),
        }
        if not pairs or not names:
            return np.zeros((len(pairs), len(names)))
        return np.column_stack([np.asarray(columns[name](), dtype=np.float64)
                                for name in names])

    def cosine_rank(self) -> np.ndarray:
        """``[i, j]``: the share of the statements of the other articles that ``j`` is closer
        in meaning to ``i`` than (1: ``i``'s nearest). A cosine's scale moves with a cluster's
        style (one topic told in short wire copy is close everywhere); its rank does not."""
        other = self.doc_array[:, None] != self.doc_array[None, :]
        cosine = np.where(other, self.cosine, -np.inf)
        below = np.argsort(np.argsort(cosine, axis=1), axis=1) - (~other).sum(axis=1)[:, None]
        return np.where(other, below / np.maximum(other.sum(axis=1) - 1, 1)[:, None], 0.0)

    def contained(self, pairs: Sequence[tuple[int, int]]) -> list[float]:
        """Each pair's best cosine of one statement with the other whole or with one of the
        other's main clauses: a statement that holds the other's fact among more ("A dozen
        employees had been celebrating when the gunman entered" / "A dozen workers were at the
        party") is close to it in one clause, however far apart whole."""
        return [best for best, _ in self._best_clauses(pairs)]

    def clause_same_fact(self, pairs: Sequence[tuple[int, int]]) -> np.ndarray:
        """Each pair's P(same fact) (the relation model's), or that of one statement and the
        other's main clause closest to it (``contained``) where that clause is closer to it
        than the other whole, whichever is higher."""
        found = self._best_clauses(pairs)
        ask = [(row, *where) for row, (_, where) in enumerate(found) if where]
        probs = np.array([self.same_fact[i, j] for i, j in pairs], dtype=np.float64)
        if ask:
            # the vectors and word pieces of both sides as found before (a text's do not depend
            # on the texts it was encoded with), so the relation model encodes nothing again
            rows, whole, other, k = (list(side) for side in zip(*ask, strict=True))
            clause, vectors, pieces = zip(*((self.clause_texts[b][c], self.clause_vectors[b][c],
                                             self.clause_tokens[b][c])
                                            for b, c in zip(other, k, strict=True)), strict=True)
            known = dict(zip(clause, pieces, strict=True))
            if self.tokens:
                known.update((self.texts[a], self.tokens[a]) for a in whole)
            clause_probs = load_relation_model().same_fact(
                [self.texts[a] for a in whole], list(clause), emb_a=self.embeddings[whole],
                emb_b=np.array(vectors), tokens=known)
            probs[rows] = np.maximum(probs[rows], clause_probs)
        return probs

    def closest_clauses(self, holder: int, others: Sequence[int]) -> list[int]:
        """For each of ``others``, the position of ``holder``'s main clause closest to it in
        meaning; none when ``holder`` is one clause."""
        self._find_clauses({holder})
        vectors = self.clause_vectors[holder]
        if len(vectors) < 2:
            return []
        return [int(np.argmax(vectors @ self.embeddings[k])) for k in others]

    def _best_clauses(self, pairs: Sequence[tuple[int, int]]
                      ) -> list[tuple[float, tuple[int, ...]]]:
        """Each pair's ``contained`` cosine, with where it is found: the statement ``a``, the
        other ``b`` and the position of ``b``'s main clause, ``(a, b, k)`` (``()`` when the whole
        statements are closest)."""
        self._find_clauses({k for pair in pairs for k in pair})
        found = []
        for i, j in pairs:
            # a tie in cosine goes to the greater texts, as when the texts were compared
            best, where = (float(self.cosine[i, j]), ("", "")), ()
            for a, b in ((i, j), (j, i)):
                texts, vectors = self.clause_texts[b], self.clause_vectors[b]
                if texts:
                    closeness = vectors @ self.embeddings[a]
                    k = int(np.argmax(closeness))
                    if (closer := (float(closeness[k]), (self.texts[a], texts[k]))) > best:
                        best, where = closer, (a, b, k)
            found.append((best[0], where))
        return found

    def _find_clauses(self, indices: set[int]) -> None:
        """The main clauses of the statements ``indices``, their vectors and word pieces, each
        found once; a statement parsed already (``parse_asserted``) is not parsed again."""
        from newsprism import embed
        from newsprism.compare.clauses import clause_text, clauses

        todo = sorted(indices - self.clause_vectors.keys())
        if not todo:
            return
        unparsed = [k for k in todo if k not in self.clause_texts]
        for k, each in zip(unparsed, clauses([self.texts[k] for k in unparsed]), strict=True):
            self.clause_texts[k] = [clause_text(self.texts[k], runs) for runs in each]
        texts = [text for k in todo for text in self.clause_texts[k]]
        vectors, tokens = embed.load_encoder().encode_with_tokens(texts) if texts else ((), [])
        width, at = np.shape(self.embeddings)[1], 0
        for k in todo:
            end = at + len(self.clause_texts[k])
            self.clause_vectors[k] = np.reshape(vectors[at:end], (end - at, width))
            self.clause_tokens[k] = tokens[at:end]
            at = end

    def candidate(self, i: int, j: int) -> bool:
        """Close enough to be worth the relation model's judgement."""
        return bool(self.cosine[i, j] >= CANDIDATE_COSINE or self.lexical[i, j] >= CANDIDATE_WORDS)


def score_pairs(
    statements: Sequence[Span],
    embeddings: np.ndarray,
    same_figure: np.ndarray,
    blocked: np.ndarray,
    names: StatementNames | None = None,
    settings: CompareSettings = DEFAULTS.compare,
    tokens: Sequence[TokenVectors] = (),
    reworded: tuple[tuple[int, int], ...] = (),
) -> PairEvidence:
    """The evidence for every pair of ``statements``, judged where a pair could link.
    ``tokens``: the statements' word pieces in context (``SentenceEncoder.encode_with_tokens``)
    if already computed; ``reworded``: pairs quoting one remark in other words, by their marks."""
    stop_words = _stop_words()
    names = names or StatementNames.none(len(statements))
    docs = np.array([s.doc for s in statements])
    same_doc = docs[:, None] == docs[None, :]
    terms = [content_terms(s.text, stop_words) - {_stem(w) for w in words}
             for s, words in zip(statements, names.words, strict=True)]
    evidence = [embeddings @ embeddings.T, *rare_overlap(terms), same_figure]
    for matrix in evidence:
        matrix[same_doc] = 0.0
    cosine, lexical, coverage, figures = evidence
    strength = match_strength(cosine, lexical, figures)
    best = best_matches(docs, strength)
    threshold = load_relation_model().same_fact_threshold
    judge_model = load_judge()
    n = len(statements)
    lengths = np.array([len(s.text.split()) for s in statements], dtype=np.float64)
    negated = np.array([bool(NEGATION.search(s.text)) for s in statements])
    link = settings.link_threshold or (judge_model.threshold if judge_model else threshold)
    evidence = PairEvidence(cosine, lexical, coverage, figures, blocked, strength, best,
                            np.zeros((n, n)), threshold, names, lengths, negated,
                            tuple(s.doc for s in statements), np.zeros((n, n)), link, settings,
                            tokens=tokens, reworded=reworded,
                            band=judge_model.band if judge_model else PREDICATE_BAND,
                            texts=tuple(s.text for s in statements), embeddings=embeddings)
    judge(statements, embeddings, evidence,
          {(min(i, j), max(i, j)) for (i, _), j in best.items()})
    return evidence


def best_matches(docs: np.ndarray, strength: np.ndarray) -> dict[tuple[int, str], int]:
    """``(i, doc) -> j``: statement ``j`` is statement ``i``'s strongest match in article
    ``doc`` (for every other article)."""
    best: dict[tuple[int, str], int] = {}
    for doc in dict.fromkeys(docs):
        members = np.flatnonzero(docs == doc)
        choice = members[np.argmax(strength[:, members], axis=1)]
        for i, j in enumerate(choice):
            if docs[i] != doc:
                best[(i, doc)] = int(j)
    return best


def judge(
    statements: Sequence[Span],
    embeddings: np.ndarray,
    evidence: PairEvidence,
    pairs: set[tuple[int, int]],
    prune: bool = True,
) -> None:
    """Fill in the relation model's P(same fact), and the judge's verdict, for the pairs not yet
    judged that could link (``PairEvidence.judgeable``) and, with ``prune``, that the judge
    could link whatever the relation model found (``could_link``). The rest are never linked,
    so the models need not see them (training sees every pair: ``prune=False``)."""
    todo = sorted((i, j) for i, j in pairs
                  if not evidence.same_fact[i, j] and evidence.judgeable(i, j))
    judge_model = load_judge()
    if prune and judge_model and todo:
        todo = [pair for pair, could in zip(todo, could_link(evidence, todo, judge_model),
                                            strict=True) if could]
    if not todo:
        return
    first, second = (np.array(side) for side in zip(*todo, strict=True))
    known = {statements[k].text: evidence.tokens[k] for k in {*first, *second}
             } if evidence.tokens else None
    probs = load_relation_model().same_fact(
        [statements[i].text for i in first], [statements[j].text for j in second],
        emb_a=embeddings[first], emb_b=embeddings[second], tokens=known)
    evidence.same_fact[first, second] = evidence.same_fact[second, first] = probs
    if judge_model and judge_model.parsed:
        parse_asserted(statements, evidence, {*first.tolist(), *second.tolist()})
    verdict = (judge_model.probability(evidence.features(first, second, judge_model.features))
               if judge_model else probs)
    evidence.verdict[first, second] = evidence.verdict[second, first] = verdict
    # Parse only the statements of pairs that may link: those the judge finds likely or is
    # unsure of, and near copies (every link needs both as firm, ``as_firmly``; below the
    # judge's threshold the same main predicate too).
    near = [evidence.near_copy(i, j) for i, j in zip(first, second, strict=True)]
    # A pair the judge is unsure of links by a main clause only when both assert one main
    # predicate as firmly: their parse comes first, and the clauses only of the pairs that pass.
    unsure = np.flatnonzero((verdict >= CLAUSE_FLOOR) & (verdict < evidence.band))
    parse_asserted(statements, evidence, {*first[unsure].tolist(), *second[unsure].tolist()})
    pairs = [(i, j) for i, j in zip(first[unsure].tolist(), second[unsure].tolist(), strict=True)
             if evidence.same_predicate(i, j) and evidence.as_firmly(i, j)]
    if pairs:
        evidence.clause_fact.update(zip(((min(p), max(p)) for p in pairs),
                                        evidence.clause_same_fact(pairs).tolist(), strict=True))
    clause = [evidence.clause_fact.get((min(i, j), max(i, j)), 0.0) >= CLAUSE_LINK
              or (evidence.same_predicate(i, j) and evidence.slots_agree(i, j))
              or evidence.told_in_clause(i, j)
              for i, j in zip(first.tolist(), second.tolist(), strict=True)]
    likely = (verdict >= evidence.band) | np.array(near, dtype=bool) | np.array(clause, bool)
    parse_asserted(statements, evidence, {*first[likely].tolist(), *second[likely].tolist()})
    # a denial the words' order hides ("Tel Aviv was not hit by a rocket" / "A rocket hit Tel
    # Aviv") corroborates nothing; without ``opposed``'s short edit, unsure it is a contradiction
    # either, the pair never links (pairs ``opposed`` reads link, and their claim contradicts)
    # nor does one that says of B what the other says of A ("Israel struck Gaza" / "Gaza
    # struck Israel"): the roles reversed, two facts; nor one whose predicates are of two
    # families of news predicates ("was injured" / "was killed": ``Assertion.contrasts``)
    for i, j in zip(first[likely], second[likely], strict=True):
        one, other = evidence.asserted[i], evidence.asserted[j]
        if (one.denies(other) and not opposed(statements[i].text, statements[j].text)) or \
                one.swaps(other) or one.contrasts(other):
            evidence.blocked[i, j] = evidence.blocked[j, i] = True


def could_link(evidence: PairEvidence, pairs: Sequence[tuple[int, int]], judge_model: Judge
                ) -> np.ndarray:
    """Could each pair link, whatever the relation model and the parse find? A pair links
    from the judge's verdict at its threshold, or at the predicate band, or as a near copy
    (``PairEvidence.linked``); the verdict is at most the judge's ``best_case`` over the
    features known before judging. Six pairs in ten that reach the judge (tune half and
    bench/brief.py's 20 articles) cannot link: the relation model need not read them. Below
    the band a pair may still link by its slots or a clause (from ``SLOT_FLOOR`` or
    ``CLAUSE_FLOOR``), which this bound cuts; read down to ``CLAUSE_FLOOR`` instead, the tune
    half's claims did not change (session 26), so the cheaper bound stays."""
    first, second = (np.array(side) for side in zip(*pairs, strict=True))
    known = [name for name in judge_model.features if name not in JUDGED]
    best = judge_model.best_case(evidence.features(first, second, known))
    near = np.array([evidence.near_copy(i, j) for i, j in pairs], dtype=bool)
    return (best >= min(evidence.band, evidence.verdict_threshold)) | near


def parse_asserted(statements: Sequence[Span], evidence: PairEvidence, indices: set[int]) -> None:
    """What the statements ``indices`` assert (``compare.predicates``), each parsed once, and
    their main clauses (``compare.clauses``) from the same parse."""
    from newsprism.compare.clauses import clause_runs, clause_text

    unparsed = sorted(indices - evidence.asserted.keys())
    for k, doc in zip(unparsed, parse([statements[k].text for k in unparsed]), strict=True):
        evidence.asserted[k] = assertion(doc)
        evidence.slots[k] = statement_slots(doc)
        evidence.clause_texts.setdefault(k, [clause_text(statements[k].text, runs)
                                             for runs in clause_runs(doc)])


def group_statements(
    statements: Sequence[Span], evidence: PairEvidence, embeddings: np.ndarray | None = None
) -> list[list[int]]:
    """Groups of statement indices asserting one proposition, at most one per article, each
    anchored: its first member is the statement every other member was linked to."""
    docs = [s.doc for s in statements]
    strength, best = evidence.strength, evidence.best
    links = []
    for (i, _), j in best.items():
        mutual = evidence.mutual(i, j)
        if evidence.linked(i, j, mutual) and (i < j or not mutual):  # mutual links once
            links.append((float(strength[i, j]), i, j))
    groups = _join(len(statements), docs, sorted(links, reverse=True))
    return shared_statements(statements, evidence, embeddings,
                             _anchored(statements, evidence, embeddings, groups))


def _anchored(
    statements: Sequence[Span],
    evidence: PairEvidence,
    embeddings: np.ndarray | None,
    groups: list[list[int]],
) -> list[list[int]]:
    """Cut each group to the members that match its anchor themselves. The anchor is the member
    most strongly linked to the rest; members it does not match are grouped again among
    themselves, the same way, so a chain never carries a statement into a claim it does not
    state."""
    done: list[list[int]] = []
    while groups:
        group = groups.pop()
        if len(group) <= 2:
            done.append(group)
            continue
        anchor = max(group, key=lambda i: sum(evidence.strength[i, j] for j in group))
        if embeddings is not None:
            judge(statements, embeddings, evidence,
                  {(min(anchor, j), max(anchor, j)) for j in group if j != anchor})
        kept = _members_at_peace(statements, evidence, anchor, group)
        done.append(kept)
        rest = [j for j in group if j not in kept]
        if len(rest) > 1:
            links = [(float(evidence.strength[i, j]), i, j) for i in rest for j in rest
                     if i < j and evidence.linked(i, j, evidence.mutual(i, j))]
            groups += _join_subset(rest, [s.doc for s in statements], sorted(links, reverse=True))
        else:
            done += [[j] for j in rest]
    return [sorted(g, key=lambda i: (i != g[0], i)) for g in done]


def _members_at_peace(
    statements: Sequence[Span], evidence: PairEvidence, anchor: int, group: list[int]
) -> list[int]:
    """The anchor and the members linked to it, strongest link first, each kept only where it
    names no year that a member kept before it contradicts (``year_conflicts``): an anchor that
    tells two facts ("received the award in 1998, and was elected to the board in 1995") links
    a report of each, and one fact does not happen in two years. The member left out is grouped
    again with the rest; the anchor still supports its claim where it sums up both."""
    linked = sorted((j for j in group if j != anchor
                     and evidence.linked(anchor, j, evidence.mutual(anchor, j))),
                    key=lambda j: -evidence.strength[anchor, j])
    years = year_conflicts([statements[j].text for j in linked])
    kept: list[int] = []  # positions in ``linked``
    for n in range(len(linked)):
        if not years[n, kept].any():
            kept.append(n)
    return [anchor, *(linked[n] for n in kept)]


def shared_statements(
    statements: Sequence[Span],
    evidence: PairEvidence,
    embeddings: np.ndarray | None,
    groups: list[list[int]],
) -> list[list[int]]:
    """Let a statement that sums up several facts support each of them. A lead ("A gunman
    killed two people and wounded seven shoppers at the mall") may link two statements of
    another article that tell its facts one by one ("A gunman killed two people", "Police said
    seven shoppers were wounded"); a group holds one statement per article, so grouping gave
    it one.
    Such a statement joins the other's group too, as its own text, when it matches that
    group's anchor itself (no chain carries it in) and the group holds no statement of its
    article yet (no claim counts one statement, or one article, twice). Only a statement whose
    group already holds a statement of the other's article, and whose main clauses closest to
    the two differ (``_sums_up``), sums up: one cut from a group because it did not match the
    anchor stays out (it would show one fact twice), and so does one whose single fact links
    two statements of one article, as one of those links is likely a near miss ("the dead
    raccoon tested positive" / "two raccoons tested positive last summer")."""
    docs = evidence.docs
    home = {k: group for group in groups for k in group}
    links = sorted(((float(evidence.strength[i, j]), i, j) for (i, _), j in evidence.best.items()
                    if home[i] is not home[j] and evidence.linked(i, j, evidence.mutual(i, j))),
                   reverse=True)
    for _, i, j in links:
        for one, other in ((i, j), (j, i)):
            group = home[other]
            told = next((k for k in home[one] if docs[k] == docs[other]), None)
            if told is None or any(docs[k] == docs[one] for k in group) or \
                    not _sums_up(evidence, one, told, other):
                continue
            anchor = group[0]
            if embeddings is not None:
                judge(statements, embeddings, evidence, {(min(anchor, one), max(anchor, one))})
            if evidence.linked(anchor, one, evidence.mutual(anchor, one)):
                group.append(one)
    return groups


def _sums_up(evidence: PairEvidence, holder: int, first: int, second: int) -> bool:
    """Does ``holder`` tell ``first`` and ``second`` in two of its main clauses ("A gunman
    killed two people | and wounded seven shoppers")? A statement of one clause, or whose one
    clause is closest to both, holds one fact, whatever it links."""
    closest = evidence.closest_clauses(holder, (first, second))
    return len(closest) == 2 and closest[0] != closest[1]


def _join_subset(
    members: list[int], docs: list[str], links: list[tuple[float, int, int]]
) -> list[list[int]]:
    index = {m: n for n, m in enumerate(members)}
    local = _join(len(members), [docs[m] for m in members],
                  [(w, index[i], index[j]) for w, i, j in links])
    return [[members[n] for n in group] for group in local]


def _join(n: int, docs: list[str], links: list[tuple[float, int, int]]) -> list[list[int]]:
    """Union strongest links first, never putting two statements of one article together."""
    parent = list(range(n))
    members: dict[int, set[int]] = {i: {i} for i in range(n)}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, i, j in links:
        a, b = root(i), root(j)
        if a == b or {docs[k] for k in members[a]} & {docs[k] for k in members[b]}:
            continue
        parent[b] = a
        members[a] |= members.pop(b)
    return [sorted(group) for group in members.values()]
