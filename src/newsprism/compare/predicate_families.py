"""Families of news predicates that say one thing in other words: "was convicted" and "was found
guilty", "was let go" and "was dismissed", "died" and "was pronounced dead".

Two reports of one fact often name it with another verb, or with a verb and the word that
completes it (a particle, an adjective, an object, a prepositional phrase: "drove off", "found
guilty", "caught fire", "taken into custody"). A general word-vector match of the heads would
also join their opposites ("acquitted" / "convicted", "rose" / "fell", "resigned" / "was
fired"), so the families are written out by hand, one meaning each, and a word in none keeps
its own sense. Each expression is lemmas: a verb alone, or a verb and the word it is completed
by; "be ..." is the passive ("was killed" is a death: its subject died, as "died" says; "X
killed Y" is not "X died"). Opposites sit in different families, never in one: convict /
acquit, arrest / release, rise / fall, resign / dismiss, injure / die. A completion its
negation makes the other's fact ("found not guilty" is acquitted) is written with its "not": that
negation names the opposite's fact, it denies nothing (``negation_spent``).
"""

from __future__ import annotations

FAMILIES: dict[str, tuple[str, ...]] = {
    # a court's finding of guilt; "pleaded guilty" is the accused's own plea, another fact
    "convict": ("convict", "find guilty", "be convict", "be find guilty"),
    # "found not guilty" is the acquittal, not a conviction denied
    "acquit": ("acquit", "be acquit", "find not guilty", "be find not guilty"),
    "arrest": ("arrest", "detain", "apprehend", "take into custody", "be take into custody"),
    "release": ("release", "free", "set free"),
    "parole": ("parole", "grant parole"),
    # a charge laid: "faces one count of murder" / "was charged with one count of murder"
    "charge": ("charge", "face charge", "face count", "file charge", "bring charge",
               "lay charge"),
    # a death: "was killed" and "was shot dead" say the subject died; the active "killed"
    # says who killed, another family
    "die": ("die", "dead", "pronounce dead", "be pronounce dead", "fall to death",
            "plunge to death", "pass away", "be kill", "be shoot dead", "be shoot to death",
            "be slay", "be shoot fatally", "be stab fatally", "be wound fatally",
            "be injure fatally"),
    "kill": ("kill", "shoot dead", "shoot to death", "slay", "shoot fatally", "stab fatally",
             "wound fatally"),
    "injure": ("injure", "hurt", "wound", "suffer injury"),
    "resign": ("resign", "step down", "quit"),
    # a job lost at the employer's word; "fire" alone is left out: it is also a gun's, but
    # "fired from his job" is not
    "dismiss": ("dismiss", "sack", "let go", "lay off", "fire from job", "be fire from job"),
    "schedule": ("schedule",),
    "flee": ("flee", "drive off", "drive away", "speed off", "speed away", "run off",
             "run away"),
    "catch fire": ("catch fire", "break out", "burst into flame", "go up in flame"),
    "damage": ("damage", "suffer damage"),
    "hit": ("hit", "strike"),
    "rise": ("rise", "climb", "increase", "go up"),
    "fall": ("fall", "drop", "decline", "go down"),
    "buy": ("buy", "acquire", "purchase"),
    "announce": ("announce", "make announcement"),
    # a ballot: "voters cast ballots" / "went to the polls" / "voted"
    "vote": ("vote", "cast ballot", "cast vote", "go to poll", "head to poll"),
    # a rule or protection made weaker: "loosened protections" / "is reducing protections"
    "reduce": ("reduce", "loosen", "weaken", "scale back", "roll back"),
    "sue": ("sue", "file lawsuit", "file suit", "bring lawsuit"),
    # a prison term: "was jailed for 12 years" / "was sentenced to 12 years"
    "sentence": ("sentence", "jail", "imprison"),
}  # fmt: skip

# Families whose facts exclude each other, or are two outcomes of one event, never one fact
# told twice: the opposite finding, the arrest and the release, the rise and the fall, leaving
# a job and being put out of it, an injury and a death. "bought" / "sold" is left out: "A
# bought B from C" is "C sold B to A".
OPPOSED: frozenset[frozenset[str]] = frozenset(map(frozenset, (
    ("convict", "acquit"), ("arrest", "release"), ("rise", "fall"), ("resign", "dismiss"),
    ("injure", "die"), ("injure", "kill"))))

FAMILY_OF: dict[str, str] = {expression: family for family, expressions in FAMILIES.items()
                             for expression in expressions}


def opposed(first: frozenset[str], second: frozenset[str]) -> bool:
    """Is a family of ``first`` opposed to one of ``second`` (``OPPOSED``)?"""
    return any(frozenset((f, g)) in OPPOSED for f in first for g in second)


def family_expression(expressions: list[str]) -> str | None:
    """The first of ``expressions`` (lemmas, most specific first) that is in a family."""
    return next((e for e in expressions if e in FAMILY_OF), None)


def negation_spent(expression: str | None) -> bool:
    """Does the family expression ``expression`` hold its own negation ("find not guilty")?"""
    return expression is not None and "not" in expression.split()
