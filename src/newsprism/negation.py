"""The words that negate, named once for every reader of negation (relation features, compare's
alignment, quotes, ladders, outcomes, verdicts and holders). Each reader takes the sets it reads
and adds only what its purpose needs, saying why there. (``compare.predicates`` reads negation
from the parse, not from words.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Words that say no to what follows them or to the clause they stand in.
NEGATORS = frozenset({"not", "no", "never", "neither", "nor"})
# Pronouns that deny by naming no one and nothing ("none was hurt", "nobody saw it").
NEGATIVE_PRONOUNS = frozenset({"none", "nobody", "nothing"})
NEGATIONS = NEGATORS | NEGATIVE_PRONOUNS
# "without" negates the phrase it heads ("released without charge"): a statement's polarity
# counts it, as the words above.
NEGATING = NEGATIONS | {"without"}

# "n't" contracted onto a verb: the verb as a tokenizer that splits at the apostrophe leaves it
# ("wasn't" reads "wasn", "t"), and the verb it stands for ("can't" is "can" "not").
NOT_CONTRACTED = {"don": "do", "doesn": "does", "didn": "did", "isn": "is", "aren": "are",
                  "wasn": "was", "weren": "were", "won": "will", "can": "can", "couldn": "could",
                  "wouldn": "would", "shouldn": "should", "hasn": "has", "haven": "have",
                  "hadn": "had", "mustn": "must", "ain": "is"}
# The contracted "n't" in a text, either apostrophe.
CONTRACTED_NOT = r"n['’]t\b"


def negation_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern that finds any of ``words`` as a whole word, or a contracted "n't", in any
    case."""
    return re.compile(r"\b(?:" + "|".join(sorted(words)) + r")\b|" + CONTRACTED_NOT,
                      re.IGNORECASE)
