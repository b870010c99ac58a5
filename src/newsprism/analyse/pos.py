"""Coarse part-of-speech tags set exactly as the model's attribute ruler sets them, for a tenth of
its cost.

en_core_web_sm's ``attribute_ruler`` maps each fine tag (with a few word and dependency
exceptions) to a coarse tag, a morphology and a lemma through spaCy's ``Matcher``: about 15 ms of
CPU per 450-word article, more than its parser. The extractors read only the coarse tag (and
the ruler's two fixes of whitespace tokens' tag and label), so ``RuleTagger`` applies the same
rules, in the same order, as boolean masks over the token attribute arrays. Its patterns are
the model's own, read from the loaded ruler: a new model version brings its own rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LOWER, POS, TAG
from spacy.language import Language

if TYPE_CHECKING:
    from spacy.tokens import Doc

KEPT = ("POS", "TAG", "DEP")  # what the extractors read; MORPH and LEMMA they never do
_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}


@Language.factory("newsprism_rule_tagger", default_config={"patterns": []})
def make_rule_tagger(nlp: Language, name: str, patterns: list[dict[str, Any]]) -> RuleTagger:
    return RuleTagger(nlp, patterns)


class RuleTagger:
    """A spaCy component: the ``attribute_ruler`` patterns that set ``KEPT`` attributes, applied
    in their order so that a later rule overrides an earlier one, as in the ruler."""

    def __init__(self, nlp: Language, patterns: list[dict[str, Any]]) -> None:
        strings = nlp.vocab.strings
        self.rules = []
        for entry in patterns:
            attrs = {key: value for key, value in entry["attrs"].items() if key in KEPT}
            if "POS" in attrs:
                attrs["POS"] = strings[attrs["POS"]]  # the symbol id that Doc arrays hold
            for pattern in entry["patterns"] if attrs else ():
                tokens = [_compile(token, strings) for token in pattern]
                self.rules.append((tokens, entry.get("index", 0) % len(pattern), attrs,
                                   _required(tokens)))

    def __call__(self, doc: Doc) -> Doc:
        values = np.ascontiguousarray(doc.to_array([TAG, LOWER, DEP, IS_SPACE]).T)
        pos = doc.to_array([POS])
        fixes: dict[tuple[int, str], str] = {}  # (token, "tag_" | "dep_"): label; rare
        # A short text (a statement parsed alone) holds few of the tags and words the rules
        # ask for: a rule whose test accepts no value its column holds matches nowhere, and
        # costs a set lookup instead of a pass of numpy.
        present = [set(row.tolist()) for row in values]
        for tokens, index, attrs, required in self.rules:
            if any(present[column].isdisjoint(accepted) for column, accepted in required):
                continue
            targets = _matches(values, tokens) + index
            if "POS" in attrs:
                pos[targets] = attrs["POS"]
            for key in ("TAG", "DEP"):
                if key in attrs:
                    fixes.update(((int(i), f"{key.lower()}_"), attrs[key]) for i in targets)
        doc.from_array([POS], pos)
        for (i, attr), label in fixes.items():
            setattr(doc[i], attr, label)
        return doc


def use_rule_tagger(nlp: Language) -> None:
    """Swap the pipeline's ``attribute_ruler`` for a ``RuleTagger`` with its patterns."""
    ruler = nlp.get_pipe("attribute_ruler")
    nlp.replace_pipe("attribute_ruler", "newsprism_rule_tagger",
                     config={"patterns": list(ruler.patterns)})  # fmt: skip


def _compile(token: dict[str, Any], strings: Any) -> list[tuple[int, Any, bool]]:
    """A Matcher token pattern as (column, accepted values, negated) tests."""
    tests = []
    for key, value in token.items():
        if key not in _COLUMNS:  # a newer model's rule this component cannot apply
            raise ValueError(f"attribute ruler: patterns on {key} are not supported")
        column = _COLUMNS[key]
        if key == "IS_SPACE":
            tests.append((column, np.array([int(value)], dtype=np.uint64), False))
        elif isinstance(value, dict):
            ((op, words),) = value.items()
            if op not in ("IN", "NOT_IN"):
                raise ValueError(f"attribute ruler: unsupported operator {op!r}")
            hashes = np.array([strings[w] if w else 0 for w in words], dtype=np.uint64)
            tests.append((column, hashes, op == "NOT_IN"))
        else:
            tests.append((column, np.array([strings[value] if value else 0], dtype=np.uint64),
                          False))  # fmt: skip
    return tests


def _required(tokens: list[list[tuple[int, Any, bool]]]) -> list[tuple[int, frozenset[int]]]:
    """The pattern's tests that a value must pass (not the negated ones), as (column, the
    values accepted): a text whose column holds none of them has no match."""
    return [(column, frozenset(accepted.tolist())) for tests in tokens
            for column, accepted, negated in tests if not negated]


def _matches(values: np.ndarray, tokens: list[list[tuple[int, Any, bool]]]) -> np.ndarray:
    """Start positions where every token test of the pattern holds (``values``: one row per
    attribute column)."""
    count = values.shape[1] - len(tokens) + 1
    if count <= 0:
        return np.zeros(0, dtype=np.int64)
    found = np.ones(count, dtype=bool)
    for offset, tests in enumerate(tokens):
        for column, accepted, negated in tests:
            row = values[column, offset : offset + count]
            # A few accepted values each: comparing against all at once beats np.isin's sort.
            hit = (row == accepted[0]) if len(accepted) == 1 else (
                row[:, None] == accepted[None, :]).any(axis=1)
            found &= ~hit if negated else hit
    return np.flatnonzero(found)
