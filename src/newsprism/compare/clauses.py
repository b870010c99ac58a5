"""The main clauses of a statement: what a long sentence asserts, without the details it adds.

"At least a dozen employees had been celebrating when the gunman entered" asserts that they were
celebrating, and adds when; "At least a dozen workers were at the party" states the first alone.
Compared whole, the two are far apart in meaning; compared with the first's main clause, close.
The rubric (docs/compare-rubric.md) counts such a pair one fact when one's main proposition is
the other's, never for a shared detail alone, so only main clauses are read: the root, the verbs
coordinated with it and the words a frame of reporting hangs ("police said he fled"), each
without the clauses that add a detail to one of its words ("when/as/after" clauses, relative and
participial clauses, appositions). A coordinated verb without a subject of its own ("opened fire
and killed two") takes its head's. Each clause is kept as the character ranges of the statement
it covers (runs of words, in order), so it is always read from the source's own text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Dependency labels that hang a clause of its own from a word
CLAUSE_LABELS = frozenset({"advcl", "conj", "relcl", "acl", "ccomp", "appos", "parataxis"})
REPORTED = frozenset({"ccomp", "parataxis"})  # what a verb of saying hangs its words by
# A clause hung by these from a main clause is main too ("opened fire and killed two", "police
# said he fled"); the others add a detail to a word ("when ...", "who ...", appositions)
MAIN_LINKS = REPORTED | {"conj"}
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# a clause with fewer words of its own than this beyond stop words ("police said", "The union
# says" of "The union wants a raise and says ...") states no fact to match
MIN_WORDS = 2

Runs = tuple[tuple[int, int], ...]  # character ranges of a statement, in order


def _heads_clause(token: Token) -> bool:
    """Does ``token`` head a clause of its own? A coordinated noun ("workers and guests") does
    not; a coordinated verb does."""
    if token.dep_ not in CLAUSE_LABELS:
        return False
    return token.dep_ != "conj" or token.pos_ in ("VERB", "AUX")


def _runs(tokens: list[Token]) -> Runs:
    """The character ranges of ``tokens`` (in order), adjacent words merged into one run."""
    runs: list[list[int]] = []
    for token in sorted(tokens, key=lambda t: t.i):
        end = token.idx + len(token.text)
        if runs and token.i == runs[-1][2] + 1:
            runs[-1][1:] = [end, token.i]
        else:
            runs.append([token.idx, end, token.i])
    return tuple((start, end) for start, end, _ in runs)


def clause_runs(doc: Doc) -> list[Runs]:
    """The main clauses of a parsed statement, each as its character ranges, without the
    clauses that add a detail to them; none when the statement is one clause (the whole
    statement is its own match). A word belongs to the clause of its nearest ancestor heading
    one; the "and" joining two verbs to neither."""
    heads = {t.i for t in doc if t.dep_ == "ROOT" or _heads_clause(t)}
    if len(heads) < 2:
        return []

    def owner(token: Token) -> int:
        while token.i not in heads and token.head is not token:
            token = token.head
        return token.i

    def main(head: Token) -> bool:
        return head.dep_ == "ROOT" or (head.dep_ in MAIN_LINKS and main(doc[owner(head.head)]))

    members: dict[int, list[Token]] = {h: [] for h in heads}
    for token in doc:
        if not token.is_punct and not (token.dep_ == "cc" and token.head.i in heads):
            members[owner(token)].append(token)
    found: list[Runs] = []
    for h in sorted(heads):
        words, head = members[h], doc[h]
        # a frame of reporting ("police said" of "The ferry sank, police said") needs a word
        # more than its speaker and its verb
        frame = any(c.dep_ in REPORTED for c in head.children)
        if not main(head) or sum((t.is_alpha or t.like_num) and not t.is_stop
                                 for t in words) < MIN_WORDS + frame:
            continue
        if head.dep_ == "conj" and not any(c.dep_ in SUBJECTS for c in head.children):
            words = [t for c in head.head.children if c.dep_ in SUBJECTS
                     for t in c.subtree if t in members[owner(head.head)]] + words
        found.append(_runs(words))
    return found


def clauses(texts: Sequence[str]) -> list[list[Runs]]:
    """The clauses of each text (``clause_runs``), row-aligned with ``texts``."""
    from newsprism.compare.predicates import parse

    return [clause_runs(doc) for doc in parse(texts)]


def clause_text(text: str, runs: Runs) -> str:
    """The words of one clause of ``text``, its runs joined by a space."""
    return " ".join(text[start:end] for start, end in runs)
