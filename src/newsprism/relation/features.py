"""Hand-built features of a text pair: lexical overlap, figure and name agreement, cue words and
embedding similarities. Each function returns a float matrix whose columns are named by the
matching ``*_FEATURES`` tuple, so the learned model and its artifact agree on the order.

Texts are analysed once per call (``Profile``) and reused across the pairs they appear in: the
compare stage pairs every sentence with many others.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np
import Stemmer
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsprism.negation import NEGATING, NOT_CONTRACTED

if TYPE_CHECKING:
    from newsprism.embed import TokenVectors

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=[\"'“‘(]?[A-Z0-9])|\n+")


def _lexicon(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Number words as the features compare them, and the cue lexicons below: kept here, not taken
# from ``analyse.figures`` (number words), ``analyse.speaker_names`` (verbs of saying) or
# ``compare.outcomes`` (the hedge reader), because the shipped model (relation-v5) learned on
# these exact lists; any other list changes its features.
_NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20",
    "dozen": "12", "hundred": "100", "thousand": "1000", "million": "1000000",
}
# Cue lexicons (stems are matched, so "denies", "denied" and "deny" all count once each).
# The negation words, "cannot", and "n't" alone and on the verbs of ``NOT_CONTRACTED``. Not
# "can't", "mustn't" nor "ain't": the shipped model learned on this list, and as a stem of
# ``_DENIAL_STEMS`` each would change ``top_denied_words`` (their counts already come from
# the "n't" ending).
_NEGATION = NEGATING | {"cannot", "n't"} | {
    verb + "'t" for verb in NOT_CONTRACTED if verb not in ("can", "mustn", "ain")}
_REFUTE = _lexicon(
    "fake fraud hoax false deny denies denied denial debunk debunked refute refuted retract "
    "retracted bogus doubt doubts dismiss dismissed reject rejected untrue misleading myth rumour "
    "rumor lie lies lied prank pranks satire satirical fabricated baseless incorrect wrong "
    "contrary contradict contradicts dispute disputed claims"
)
_HEDGE = _lexicon(
    "reportedly allegedly alleged purportedly apparently unconfirmed unverified rumored rumoured "
    "may might could possibly perhaps likely suggests suggest suspected believed appears seems "
    "speculation speculate if whether report reports reported according sources"
)
_REPORT = _lexicon(
    "said says told stated announced confirmed claimed added according reported explained insisted "
    "noted wrote tweeted statement spokesman spokeswoman"
)
_CONFIRM = _lexicon(
    "confirmed confirms confirm official officially announced verified proved proven true indeed "
    "fact"
)
# Words that turn a statement into its opposite where the rest of the wording stays, and the
# beginnings of words that negate implicitly ("failing to", "unknown", "rarely"): an edit that
# swaps one for the other keeps the polarity ("not addressing" / "failing to address"). Spelled
# out rather than built from ``newsprism.negation``: the shipped model learned on this list
# (through ``_DENIAL_STEMS``), "neither", "nor", "none" and "nothing" are read as beginnings,
# and the n't forms are the ones typed without an apostrophe.
_OPPOSITE = _lexicon(
    "not no never deny denies denied reject rejects rejected false untrue hoax fake dont cant "
    "wont didnt doesnt isnt wasnt havent hasnt"
)
_NEGATIVE_STARTS = (
    "fail", "without", "rare", "seldom", "hard", "refus", "declin", "remov", "ban", "un", "lack",
    "absen", "nothing", "none", "neither", "nor", "less", "few", "deni", "reject", "dismiss",
    "except", "instead", "deny", "block", "stop", "halt", "ended", "end", "cancel", "drop",
    "acquit", "rather",
)
_STOP = frozenset(ENGLISH_STOP_WORDS) - _NEGATION


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _STEMMER.stemWord(word)


_STEMMER = Stemmer.Stemmer("english")  # PyStemmer: the Snowball stemmer in C
CUES = ("refute", "hedge", "report", "confirm")
_DENIAL_STEMS = frozenset(_stem(w) for w in _NEGATION | _OPPOSITE | _lexicon(
    "refute refuted debunk debunked"))
_CUES_OF: dict[str, list[str]] = {}
for _name, _words in zip(CUES, (_REFUTE, _HEDGE, _REPORT, _CONFIRM), strict=True):
    for _word in {_stem(w) for w in _words}:
        _CUES_OF.setdefault(_word, []).append(_name)


def split_text(text: str) -> list[str]:
    """Sentences of a long text, by punctuation and line breaks: a cheap splitter for bodies
    whose exact offsets do not matter (the compare stage passes sentences already split)."""
    parts = (p.strip() for p in _SENTENCE_END.split(text))
    return [p for p in parts if p] or [text.strip()]


def normalise_number(token: str) -> str:
    """``"1,200"`` and ``"1200"`` and ``"1200.0"`` compare equal; spelled numbers map to digits."""
    if token in _NUMBER_WORDS:
        return _NUMBER_WORDS[token]
    value = token.replace(",", "")
    try:
        number = float(value)
    except ValueError:
        return token
    return f"{number:g}"


@dataclass(frozen=True)
class Profile:
    """What the features need to know about one text."""

    words: tuple[str, ...]
    stems: tuple[str, ...]
    grams: tuple[frozenset[tuple[str, ...]], ...]  # stem 1- to 4-grams
    content: frozenset[str]  # stems of content words
    numbers: frozenset[str]
    names: frozenset[str]  # capitalised words not opening a sentence, lower-cased
    chars: frozenset[str]  # character 4-grams
    negations: int
    cues: Mapping[str, int]
    question: bool


@lru_cache(maxsize=50_000)
def profile_text(text: str) -> Profile:
    raw = _TOKEN.findall(text)
    words = tuple(w.lower() for w in raw)
    stems = tuple(_stem(w) for w in words)
    names = frozenset(
        w.lower() for i, w in enumerate(raw) if i > 0 and w[0].isupper() and w.lower() not in _STOP
    )
    numbers = frozenset(normalise_number(w) for w in words if w[0].isdigit() or w in _NUMBER_WORDS)
    squashed = " ".join(words)
    cues = dict.fromkeys(CUES, 0)
    for stem in stems:
        for name in _CUES_OF.get(stem, ()):
            cues[name] += 1
    return Profile(
        words=words,
        stems=stems,
        grams=tuple(
            frozenset(zip(*(stems[k:] for k in range(n)), strict=False)) for n in (1, 2, 3, 4)
        ),
        content=frozenset(s for w, s in zip(words, stems, strict=True) if w not in _STOP),
        numbers=numbers,
        names=names,
        chars=frozenset(squashed[i : i + 4] for i in range(max(len(squashed) - 3, 1))),
        negations=sum(w in _NEGATION or w.endswith("n't") for w in words),
        cues=cues,
        question="?" in text,
    )


def _share(part: set | frozenset, whole: set | frozenset) -> float:
    """Share of ``part`` found in ``whole`` (1.0 when ``part`` is empty: nothing contradicts)."""
    return len(part & whole) / len(part) if part else 1.0


def _jaccard(a: set | frozenset, b: set | frozenset) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 1.0


def _idf_overlap(
    a: frozenset[str], b: frozenset[str], idf: Mapping[str, float], default: float
) -> float:
    """IDF-weighted share of ``a``'s content found in ``b``: rare shared words weigh most;
    ``default`` weighs words ``idf`` lacks."""
    # fsum is exact, so a sum over a set does not depend on its (hash-randomised) order and
    # retraining reproduces the shipped model
    total = math.fsum(idf.get(w, default) for w in a)
    return math.fsum(idf.get(w, default) for w in a & b) / total if total else 1.0


PAIR_FEATURES = (
    "cosine",
    *(f"{kind}{n}_{side}" for n in (1, 2, 3, 4) for kind in ("ngram",) for side in ("min", "max")),
    "word_jaccard",
    "content_jaccard",
    "idf_min",
    "idf_max",
    "char_jaccard",
    "length_ratio",
    "length_log",
    "numbers_any",
    "numbers_jaccard",
    "numbers_conflict",
    "names_min",
    "names_max",
    "negation_a",
    "negation_b",
    "negation_mismatch",
    "refute_diff",
    "hedge_diff",
    # v2: what compare's alignment rule weighed, and what each side says that the other lacks
    "numbers_shared",
    "numbers_unmatched",
    "names_unmatched",
    "unmatched_min",
    "unmatched_max",
    "idf_unmatched_max",
    "sequence_ratio",
    "refute_any",
)


def pair_features(
    a: Sequence[str], b: Sequence[str], cosine: np.ndarray, idf: Mapping[str, float]
) -> np.ndarray:
    """Symmetric features of sentence pairs ``(a[i], b[i])``; ``cosine`` holds their embedding
    similarities. Columns follow ``PAIR_FEATURES``."""
    out = np.zeros((len(a), len(PAIR_FEATURES)), dtype=np.float64)
    default_idf = max(idf.values(), default=1.0)
    for i, (text_a, text_b) in enumerate(zip(a, b, strict=True)):
        pa, pb = profile_text(text_a), profile_text(text_b)
        row = [float(cosine[i])]
        for ga, gb in zip(pa.grams, pb.grams, strict=True):
            shares = (_share(ga, gb), _share(gb, ga)) if ga and gb else (0.0, 0.0)
            row += [min(shares), max(shares)]
        idf_ab = _idf_overlap(pa.content, pb.content, idf, default_idf)
        idf_ba = _idf_overlap(pb.content, pa.content, idf, default_idf)
        names = (_share(pa.names, pb.names | pb.content), _share(pb.names, pa.names | pa.content))
        la, lb = len(pa.words), len(pb.words)
        unmatched = (len(pa.content - pb.content), len(pb.content - pa.content))
        idf_unmatched = (math.fsum(idf.get(w, default_idf) for w in pa.content - pb.content),
                         math.fsum(idf.get(w, default_idf) for w in pb.content - pa.content))
        row += [
            _jaccard(set(pa.words), set(pb.words)),
            _jaccard(pa.content, pb.content),
            min(idf_ab, idf_ba),
            max(idf_ab, idf_ba),
            _jaccard(pa.chars, pb.chars),
            min(la, lb) / max(la, lb, 1),
            math.log1p(la + lb),
            float(bool(pa.numbers or pb.numbers)),
            _jaccard(pa.numbers, pb.numbers),
            figure_conflict(pa, pb),
            min(names),
            max(names),
            min(pa.negations, 3),
            min(pb.negations, 3),
            float((pa.negations > 0) != (pb.negations > 0)),
            abs(pa.cues["refute"] - pb.cues["refute"]),
            abs(pa.cues["hedge"] - pb.cues["hedge"]),
            float(bool(pa.numbers & pb.numbers)),
            len(pa.numbers ^ pb.numbers),
            len(pa.names - pb.names - pb.content) + len(pb.names - pa.names - pa.content),
            min(unmatched),
            max(unmatched),
            max(idf_unmatched),
            SequenceMatcher(None, pa.stems, pb.stems, autojunk=False).ratio(),
            float(pa.cues["refute"] + pb.cues["refute"] > 0),
        ]
        out[i] = row
    return out


ALIGN_FEATURES = (
    "align_mean_min",
    "align_mean_max",
    "align_idf_min",
    "align_idf_max",
    "align_unmatched_max",
    "align_unmatched_min",
    "align_idf_unmatched_max",
    "align_idf_unmatched_min",
)
ALIGN_MATCH = 0.5  # word-vector cosine from which two words count as a match ("killed"/"died")


@lru_cache(maxsize=1)
def _word_table() -> tuple[Any, np.ndarray]:
    """WordLlama's tokenizer and unit-length token vectors (weights inside the wheel)."""
    from newsprism.wordvectors import load_wordllama

    model = load_wordllama()
    table = np.asarray(model.embedding, dtype=np.float32)
    return model.tokenizer, table


@lru_cache(maxsize=200_000)
def _word_vector(word: str) -> np.ndarray:
    tokenizer, table = _word_table()
    vector = table[tokenizer.encode(word, add_special_tokens=False).ids].mean(axis=0)
    return vector / max(float(np.linalg.norm(vector)), 1e-9)


def alignment_features(a: Sequence[str], b: Sequence[str], idf: Mapping[str, float]) -> np.ndarray:
    """Soft word alignment of pairs ``(a[i], b[i])`` (a BERTScore without context): each content
    word's best cosine to the other side's content words (WordLlama token vectors; one stem, 1),
    as the mean and IDF-weighted mean per side, and the words, plain and IDF-weighted, with no
    match from ``ALIGN_MATCH``: synonyms count as said, words one side has alone stand out.
    Columns follow ``ALIGN_FEATURES``."""
    out = np.zeros((len(a), len(ALIGN_FEATURES)), dtype=np.float64)
    default_idf = max(idf.values(), default=1.0)
    # each text's words read once, however many pairs it is in
    words = {text: _aligned_words(text, idf, default_idf) for text in {*a, *b}}
    for i, (text_a, text_b) in enumerate(zip(a, b, strict=True)):
        (vectors_a, stems_a, weights_a), (vectors_b, stems_b, weights_b) = (
            words[text_a], words[text_b])
        if not len(stems_a) or not len(stems_b):
            continue
        sims = vectors_a @ vectors_b.T
        sims[np.equal.outer(stems_a, stems_b)] = 1
        sides = []
        for best, weights in ((sims.max(axis=1), weights_a), (sims.max(axis=0), weights_b)):
            missed = best < ALIGN_MATCH
            sides.append((best.mean(), (best * weights).sum() / weights.sum(), missed.sum(),
                          (weights * missed).sum()))
        per = np.array(sides)
        out[i] = [per[:, 0].min(), per[:, 0].max(), per[:, 1].min(), per[:, 1].max(),
                  per[:, 2].max(), per[:, 2].min(), per[:, 3].max(), per[:, 3].min()]
    return out


def _aligned_words(text: str, idf: Mapping[str, float], default_idf: float
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A text's content words as ``alignment_features`` aligns them: their word vectors (one
    row each), their stems (an object array) and the stems' IDF weights."""
    words = _content_words(text)
    if not words:
        return np.zeros((0, 0), dtype=np.float32), np.array([], dtype=object), np.zeros(0)
    stems = [_stem(w) for w in words]
    return (np.stack([_word_vector(w) for w in words]), np.array(stems, dtype=object),
            np.array([idf.get(s, default_idf) for s in stems]))


TOKEN_FEATURES = (
    "token_align_min",
    "token_align_max",
    "token_idf_min",
    "token_idf_max",
    "token_idf_f",
    "token_align_worst",
)


def token_alignment_features(tokens_a: Sequence[TokenVectors], tokens_b: Sequence[TokenVectors],
                             piece_idf: Mapping[str, float]) -> np.ndarray:
    """BERTScore of pairs: each word piece's best cosine to the other side's pieces, in context
    (MiniLM's last layer, ``SentenceEncoder.encode_tokens``), averaged per side, plainly and
    weighted by the pieces' IDF (``piece_idf``; unknown pieces weigh most), the lower and the
    higher side, their F-measure, and the worst-matched piece of either side. Unlike WordLlama's
    word alignment, a word in context tells "the court upheld" from "the court overturned".
    Columns follow ``TOKEN_FEATURES``."""
    out = np.zeros((len(tokens_a), len(TOKEN_FEATURES)), dtype=np.float64)
    default_idf = max(piece_idf.values(), default=1.0)
    for i, (ta, tb) in enumerate(zip(tokens_a, tokens_b, strict=True)):
        if not ta.pieces or not tb.pieces:
            continue
        sims = ta.vectors @ tb.vectors.T
        best_a, best_b = sims.max(axis=1), sims.max(axis=0)
        plain = (float(best_a.mean()), float(best_b.mean()))
        weighted = []
        for best, pieces in ((best_a, ta.pieces), (best_b, tb.pieces)):
            weights = np.array([piece_idf.get(p, default_idf) for p in pieces])
            weighted.append(float((best * weights).sum() / max(weights.sum(), 1e-12)))
        f = 2 * weighted[0] * weighted[1] / max(weighted[0] + weighted[1], 1e-12)
        out[i] = [min(plain), max(plain), min(weighted), max(weighted), f,
                  min(float(best_a.min()), float(best_b.min()))]
    return out


def _content_words(text: str) -> list[str]:
    return list(dict.fromkeys(w for w in profile_text(text).words if w not in _STOP))


OPPOSED_MATCH = 0.6  # share of the wording two opposite statements keep in common, at least
OPPOSED_EDIT = 3  # words in one place that may differ, at most ("accepted" / "did not accept")


def opposed(a: str, b: str) -> bool:
    """Do two statements say opposite things in otherwise matching words: one negates or
    denies, inside a short edit of the other ("The union accepted the offer" / "The union rejected
    the offer", "... was started deliberately" / "... was not started deliberately")? Only
    short edits count: a negation elsewhere in a looser restatement says nothing about its
    polarity ("would not comment" / "declined to comment")."""
    wa, wb = (_cannot_as_can_not(_yet_to_as_not(profile_text(t.replace("’", "'")).words))
              for t in (a, b))
    matcher = SequenceMatcher(None, wa, wb, autojunk=False)
    # the quick ratios are bounds of the ratio (by the lengths, by the words in common) that
    # spare most pairs the diff
    if (matcher.real_quick_ratio() < OPPOSED_MATCH or matcher.quick_ratio() < OPPOSED_MATCH
            or matcher.ratio() < OPPOSED_MATCH):
        return False
    flips = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if max(i2 - i1, j2 - j1) > OPPOSED_EDIT:
            return False
        if (i1 == 0 and j1 == 0) or (i2 == len(wa) and j2 == len(wb)):
            continue  # a word added at either end qualifies the statement ("...; no injuries")
        flips += _negates(wa[i1:i2], wb[j1:j2]) or _negates(wb[j1:j2], wa[i1:i2])
    return flips % 2 == 1


def _yet_to_as_not(words: Sequence[str]) -> list[str]:
    """``words`` with "yet to" negated as it means: "had yet to regain consciousness" says what
    "had not yet regained consciousness" says, not its opposite."""
    out: list[str] = []
    for n, word in enumerate(words):
        if word == "yet" and tuple(words[n + 1 : n + 2]) == ("to",) and out[-1:] != ["not"]:
            out.append("not")
        out.append(word)
    return out


def _cannot_as_can_not(words: Sequence[str]) -> list[str]:
    """``words`` with "cannot" as the two words it joins: "we cannot continue" and "we can not
    continue" are one statement in two spellings, not one negated where the other is not."""
    return [part for word in words for part in (("can", "not") if word == "cannot" else (word,))]


def _negates(edit: Sequence[str], other: Sequence[str]) -> bool:
    """``edit`` says no (plainly) where ``other`` says nothing negative, even implicitly."""
    plain = any(w in _OPPOSITE or w.endswith("n't") for w in edit)
    return plain and not any(
        w in _OPPOSITE or w.endswith("n't") or w.startswith(_NEGATIVE_STARTS) for w in other
    )


def figure_conflict(pa: Profile, pb: Profile) -> float:
    """1.0 when both texts give figures, share their topic words, and each has a figure the
    other lacks: the same quantity reported with different values."""
    if not pa.numbers or not pb.numbers or pa.numbers == pb.numbers:
        return 0.0
    if not (pa.numbers - pb.numbers) or not (pb.numbers - pa.numbers):
        return 0.0
    return float(_jaccard(pa.content - pa.numbers, pb.content - pb.numbers) >= 0.2)


STANCE_FEATURES = (
    "cos_max",
    "cos_top3",
    "cos_mean",
    "cos_body",
    "cos_first",
    "best_position",
    "n_sentences_log",
    "cover_body",
    "cover_lead",
    "cover_best",
    "idf_cover_body",
    "idf_cover_best",
    "bigram_cover_body",
    "tfidf_cosine",
    "numbers_cover",
    "names_cover",
    "headline_question",
    "headline_negation",
    *(f"headline_{cue}" for cue in CUES),
    *(f"{where}_{cue}" for where in ("body", "top") for cue in ("negation", *CUES)),
    "top_negation_mismatch",
    "top_numbers_conflict",
    # v4: denial of the claim's own words, and cues around the sentences that match it best
    "top_denied_words",
    "best_denies",
    "window_refute",
    "best_refute",
    "lead_refute",
    "cos_gap",
    "close_share",
    "near_share",
    "top_question",
    "window_hedge",
    "window_report",
)
CLOSE, NEAR = 0.5, 0.35  # MiniLM cosines of a sentence about the claim, and one near it
DENIAL_REACH = 4  # words before a claim word in which a negation or denial applies to it


@dataclass(frozen=True)
class BodyProfile:
    """What the stance features need about a whole text, given as its sentences."""

    sentences: tuple[Profile, ...]
    content: frozenset[str]
    lead_content: frozenset[str]  # content of the first three sentences
    bigrams: frozenset[tuple[str, ...]]
    counts: Mapping[str, int]  # content stem -> occurrences
    numbers: frozenset[str]
    names: frozenset[str]  # names and content stems: a name may open a sentence in the body
    rates: tuple[float, ...]  # negations and each cue per 100 words


def _rates(profiles: Sequence[Profile]) -> list[float]:
    scale = 100.0 / max(sum(len(p.words) for p in profiles), 1)
    return [sum(p.negations for p in profiles) * scale,
            *(sum(p.cues[c] for p in profiles) * scale for c in CUES)]


@lru_cache(maxsize=4096)
def profile_body(sentences: tuple[str, ...]) -> BodyProfile:
    profiles = tuple(profile_text(s) for s in sentences)
    counts: dict[str, int] = {}
    for p in profiles:
        for stem in p.stems:
            if stem in p.content:
                counts[stem] = counts.get(stem, 0) + 1
    content = frozenset(counts)
    return BodyProfile(
        sentences=profiles,
        content=content,
        lead_content=frozenset().union(*(p.content for p in profiles[:3])),
        bigrams=frozenset().union(*(p.grams[1] for p in profiles)),
        counts=counts,
        numbers=frozenset().union(*(p.numbers for p in profiles)),
        names=content.union(*(p.names for p in profiles)),
        rates=tuple(_rates(profiles)),
    )


def stance_features(
    claims: Sequence[str],
    bodies: Sequence[Sequence[str]],
    cosines: Sequence[np.ndarray],
    body_cosines: np.ndarray,
    idf: Mapping[str, float],
) -> np.ndarray:
    """Features of ``(claim, text)`` pairs, the text given as its sentences ``bodies[i]``;
    ``cosines[i]`` holds the claim's embedding similarity to each of those sentences and
    ``body_cosines[i]`` to the mean of their embeddings. Columns follow ``STANCE_FEATURES``."""
    out = np.zeros((len(claims), len(STANCE_FEATURES)), dtype=np.float64)
    default_idf = max(idf.values(), default=1.0)
    for i, (claim, sentences) in enumerate(zip(claims, bodies, strict=True)):
        ph, body = profile_text(claim), profile_body(tuple(sentences))
        sims = np.asarray(cosines[i], dtype=np.float64)
        order = np.argsort(-sims)
        top = [body.sentences[j] for j in order[:3]]
        best = top[0]
        window = sorted({j for k in order[:3] for j in (k - 1, k, k + 1) if 0 <= j < len(sims)})
        denied = [_denied_words(ph, body.sentences[k]) for k in order[:3]]
        out[i] = [
            float(sims.max()),
            float(sims[order[:3]].mean()),
            float(sims.mean()),
            float(body_cosines[i]),
            float(sims[0]),
            float(order[0]) / len(sims),
            math.log1p(len(sims)),
            _share(ph.content, body.content),
            _share(ph.content, body.lead_content),
            _share(ph.content, best.content),
            _idf_overlap(ph.content, body.content, idf, default_idf),
            _idf_overlap(ph.content, best.content, idf, default_idf),
            _share(ph.grams[1], body.bigrams) if ph.grams[1] else 0.0,
            _tfidf_cosine(ph, body.counts, idf, default_idf),
            _share(ph.numbers, body.numbers),
            _share(ph.names, body.names),
            float(ph.question),
            min(ph.negations, 3),
            *(ph.cues[c] for c in CUES),
            *body.rates,
            *_rates(top),
            float((best.negations > 0) != (ph.negations > 0)),
            max(figure_conflict(ph, p) for p in top),
            sum(denied),
            float(denied[0] > 0),
            sum(body.sentences[j].cues["refute"] for j in window),
            float(best.cues["refute"] > 0),
            sum(p.cues["refute"] for p in body.sentences[:2]),
            float(sims[order[0]] - sims[order[1]]) if len(sims) > 1 else 1.0,
            float((sims > CLOSE).mean()),
            float((sims > NEAR).mean()),
            float(any(p.question for p in top)),
            sum(body.sentences[j].cues["hedge"] for j in window),
            sum(body.sentences[j].cues["report"] for j in window),
        ]
    return out


def _denied_words(claim: Profile, sentence: Profile) -> int:
    """How many of the claim's content words the sentence negates or denies: a negation or
    denial among the few words before one ("did not resign", "denied that he resigned")."""
    count = 0
    for i, stem in enumerate(sentence.stems):
        if stem in claim.content and stem not in _DENIAL_STEMS:
            before = range(max(0, i - DENIAL_REACH), i)
            count += any(sentence.stems[j] in _DENIAL_STEMS or sentence.words[j].endswith("n't")
                         for j in before)
    return count


def _tfidf_cosine(
    head: Profile, body_counts: Mapping[str, int], idf: Mapping[str, float], default: float
) -> float:
    head_counts: dict[str, int] = {}
    for s in head.stems:
        if s in head.content:
            head_counts[s] = head_counts.get(s, 0) + 1
    dot = sum(c * body_counts.get(s, 0) * idf.get(s, default) ** 2 for s, c in head_counts.items())
    norm_h = math.sqrt(sum((c * idf.get(s, default)) ** 2 for s, c in head_counts.items()))
    norm_b = math.sqrt(sum((c * idf.get(s, default)) ** 2 for s, c in body_counts.items()))
    return dot / (norm_h * norm_b) if norm_h and norm_b else 0.0
