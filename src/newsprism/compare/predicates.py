"""What a statement asserts is done: its main predicate.

Two statements of one topic share names, places and most content words, yet assert different
facts when their main predicates differ: "a former employee opened fire at the party" and "a
former employee who opened fire at the party has been charged" (charged), "X is in his 19th
season with the team" and "X has been involved in every aspect of the team". The main predicate
is the verb the parse makes the root of the statement and the verbs joined to it ("pulled him
over and used a Taser"), or, under a verb of reporting ("police said", "Fanning told
reporters"), the verb of what is reported; a verb of reporting whose complement the parse did
not find asserts nothing we can read. Words are compared by their lemmas stemmed, so "opened"
and "opens", "fell" and "fallen" agree, a phrasal verb with its particle ("drove off" is not
"drove"), and by the families of news predicates that tell one fact in other words
(``compare.predicate_families``: "was found guilty" / "was convicted"); predicates of opposed
families ("acquitted" / "convicted") contrast. A statement the parse splits in two has the
predicates of both.
A predicate asserted and one only expected or hedged do not agree either ("LaSalle faces
charges" / "LaSalle is expected to face charges": a development, not one fact), as the rubric
reads a hedged report as the same fact only at the same strength.

Only the statements of pairs that may link are parsed (``compare.align``: the judge finds them
likely or is unsure of them, or they are near copies): the parse of one short statement alone,
without the named-entity model (``parse``), which gives its main clauses too.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newsprism.compare.outcomes import HEDGING_NOUNS, hedges
from newsprism.compare.predicate_families import (
    FAMILY_OF,
    family_expression,
    negation_spent,
    opposed,
)
from newsprism.summarize.words import stem_word

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Verbs whose complement is what a statement asserts: "police said he fled" asserts "fled".
REPORTING = frozenset({
    "say", "said", "says", "saying", "tell", "told", "tells", "report", "reported", "reports",
    "state", "stated", "states", "add", "added", "adds", "confirm", "confirmed", "confirms",
    "believe", "believed", "believes", "allege", "alleged", "alleges", "according",
})  # fmt: skip
# Verbs (lemmas) that frame what their clause asserts as told, found or made known, in any form:
# "THR is reporting that talks stalled", "prosecutors claimed he faked it", "the company
# announced that it bought the mill" assert "stalled", "faked", "bought"; without a clause
# ("claimed responsibility", "announced his resignation") the verb is the fact.
FRAMING = frozenset({
    "say", "tell", "report", "state", "add", "confirm", "allege", "claim", "announce", "reveal",
    "note", "explain", "insist", "argue", "testify", "acknowledge", "write",
})  # fmt: skip
# Verbs that pass on what they assert to the verb they govern: "had to use a Taser" asserts
# "use", "managed to escape" "escape"; "is expected to be charged" asserts "charged", hedged
# (``hedges`` reads "expected to"), and is not "is expected to appear in court"; "is scheduled
# to be arraigned" asserts "arraigned" as firmly.
CARRIERS = frozenset({
    "have", "has", "had", "having", "manage", "managed", "manages", "managing", "begin",
    "began", "begun", "begins", "start", "started", "starts", "continue", "continued",
    "continues", "expect", "expected", "expects", "expecting", "schedule", "scheduled",
    "schedules", "slate", "slated", "set",
})  # fmt: skip
COPULAS = frozenset({"be", "is", "was", "were", "are", "been", "being", "am", "'s", "’s", "'re"})
# Verbs whose object says what is done: "faces charges" and "was charged" assert one thing,
# "used a Taser" and "tasered him" another.
SUPPORT = frozenset({
    "face", "faces", "faced", "facing", "file", "files", "filed", "hand", "handed", "hands",
    "bring", "brought", "brings", "lay", "laid", "lays", "level", "levelled", "leveled",
    "press", "pressed", "make", "made", "makes", "use", "used", "uses", "using",
})  # fmt: skip
# Light verbs (lemmas) whose object noun is the act they tell: "extended an offer" is "offered",
# "launched an investigation" "investigated", "carried out an attack" "attacked", "issued a
# warning" "warned" (the noun's stem is the verb's).
LIGHT = frozenset({"extend", "launch", "conduct", "carry", "stage", "issue", "mount"})
# Verbs that say only that their subject, an act named as a noun, took place: "the shooting
# occurred Friday" tells "shooting", as "he was shot Friday" does.
OCCURRING = frozenset({"occur", "happen", "unfold"})

# Verbs whose subject gives a figure rather than counts what it counts: "the Red Cross put the
# toll at 60", "officials estimated the crowd at 5,000" (two bodies' figures for one toll are
# the contradictions wanted), as a verb of reporting's subject does.
GIVING = frozenset(map(stem_word, (
    "put", "place", "estimate", "count", "tally", "give", "gave", "given", "record",
    "register", "report", "cite", "list", "confirm", "number")))

# The adverbs that make a verb of harm a death: "was fatally shot" is "was killed"
FATAL = frozenset({"fatally", "mortally"})
# The adverbs the parse gives a phrasal verb's particle as ("stepped down", "sped away")
PARTICLES = frozenset({"up", "down", "off", "out", "away", "over", "back", "in", "on"})

# Clauses that say more about a part of the claim, not how firmly it is claimed: relative
# clauses, a noun's clause, a preposition's clause ("after allegedly opening fire").
ASIDES = frozenset({"relcl", "acl", "pcomp"})
# The conjunctions that mark a clause as the setting of what a statement asserts: its time,
# cause or concession ("after Papandreou announced cuts", "although the country has been hit")
SETTING = frozenset({
    "after", "before", "when", "whenever", "as", "since", "because", "while", "until", "till",
    "once", "although", "though", "whereas",
})  # fmt: skip
# How a predicate hangs from the verb that carries it (never "conj": "did not stop and fled")
CARRIED = frozenset({"xcomp", "ccomp", "acomp", "attr", "prep", "pobj", "dobj"})


@dataclass(frozen=True)
class Assertion:
    """What a statement asserts is done, and how firmly."""

    heads: frozenset[str]  # the stemmed main predicate(s)
    hedged: bool  # looks ahead or hedges: "is expected to", "could", "if"
    denied: frozenset[str] = frozenset()  # heads said not to hold: "was not hit", "No rocket hit"
    # who did it to whom, per head: (head, agent, patient), "Israel struck Gaza" and "Gaza was
    # struck by Israel" -> ("struck", "israel", "gaza")
    roles: frozenset[tuple[str, str, str]] = frozenset()
    # the predicates of the clauses that set its main fact in time or cause ("anger mounted
    # [after Papandreou announced cuts]"): what it tells around it, not what it asserts
    aside: frozenset[str] = frozenset()
    # the families of news predicates its main predicates belong to
    # (``compare.predicate_families``: "was found guilty" -> "convict")
    families: frozenset[str] = frozenset()

    def agrees(self, other: Assertion) -> bool:
        return bool(self.heads & other.heads) and self.hedged == other.hedged

    def denies(self, other: Assertion) -> bool:
        """One denies the very predicate the other asserts ("A rocket hit Tel Aviv" / "Tel Aviv
        was not hit by a rocket"), however the words are ordered."""
        return any((head in self.denied) != (head in other.denied)
                   for head in self.heads & other.heads)

    def told_aside(self, other: Assertion) -> bool:
        """Does one hold the other's main predicates only in a clause of its setting, their main
        predicates apart ("But anger mounted after Papandreou announced cuts" / "Papandreou
        on Sunday announced cuts")? A shared subordinate detail alone is another fact. Only
        where all the other's main predicates are so told: "it could take until December 31
        before normal service is restored" holds "A ship has been sent ... but normal service
        may not be restored" as a setting only in part ("sending" is the first's)."""
        return not self.heads & other.heads and any(
            a.heads and a.heads <= b.aside for a, b in ((self, other), (other, self)))

    def contrasts(self, other: Assertion) -> bool:
        """Are their predicates of opposed families, and none shared ("was acquitted" / "was
        convicted", "was injured" / "was killed", "resigned" / "was dismissed", "rose" /
        "fell": ``predicate_families.OPPOSED``)? Then they tell two facts, however alike
        their other words."""
        return not self.heads & other.heads and opposed(self.families, other.families)

    def swaps(self, other: Assertion) -> bool:
        """Does one say of B what the other says of A, the roles reversed ("Israel struck Gaza"
        / "Gaza struck Israel", "The Lakers beat the Celtics" / "The Celtics beat the
        Lakers")? Shared names and one predicate, yet two different facts."""
        return any((head, patient, agent) in other.roles
                   for head, agent, patient in self.roles if agent != patient)


# Each statement's parse by its text, while ``parses_kept`` runs (one brief's comparison).
_KEPT: ContextVar[dict[str, Doc] | None] = ContextVar("kept_parses", default=None)


@contextmanager
def parses_kept() -> Iterator[None]:
    """Keep the parses ``parse`` makes while the block runs, so that the attribution frames,
    the judge, the main clauses and the figures' counters of one comparison parse a statement
    once. A parse is the text's alone (the parser reads each text apart, in whatever batch)."""
    token = _KEPT.set({})
    try:
        yield
    finally:
        _KEPT.reset(token)


def parse(texts: Sequence[str]) -> Iterator[Doc]:
    """The parse of each short statement alone, without the named-entity model: the one parse
    that what a statement asserts (``assertion``), its main clauses
    (``compare.clauses.clause_runs``), its attribution frames and its figures' counters
    (``counter``) are read from; one parse a text while ``parses_kept`` runs."""
    from newsprism.analyse.nlp import load_nlp

    kept = _KEPT.get()
    if kept is None:
        return load_nlp("full").pipe(texts, disable=["ner"])
    new = [text for text in dict.fromkeys(texts) if text not in kept]
    kept.update(zip(new, load_nlp("full").pipe(new, disable=["ner"]), strict=True))
    return (kept[text] for text in texts)


def assertions(texts: Sequence[str]) -> list[Assertion]:
    """What each text asserts, row-aligned with ``texts``."""
    return [assertion(doc) for doc in parse(texts)]


def assertion(doc: Doc) -> Assertion:
    """What the parsed statement ``doc`` asserts (``parse``)."""
    words = main_predicates(doc)
    keys = {word.i: predicate_keys(word) for word in words}  # read once, asked three times
    heads = {key for word in words for key in keys[word.i]}
    families = {f for word in words if (f := _family(word))}
    # a negation its family's expression holds names that family's fact, denying none of it:
    # "was found not guilty" is acquitted, yet denies "found guilty"
    denied = {key for word in words if _denied(word) for key in keys[word.i]
              if not (negation_spent(_expression(word)) and key == _family(word))}
    roles = {(key, *pair) for word in words if (pair := _agent_and_patient(word)) is not None
             for key in keys[word.i]}
    # a hedge is a word of the main claim, never a noun ("the suspect fled" asserts it fled,
    # "in May" names a month; but "according to rumours" hedges), nor one of a clause that says
    # more about a part of it ("was charged after allegedly opening fire", "the shop where she
    # apparently called for help")
    aside = {t.i for word in doc if word.dep_ in ASIDES for t in word.subtree}
    return Assertion(frozenset(heads), hedges(" ".join(
        "_" if token.i in aside or (token.pos_ in ("NOUN", "PROPN")
                                    and token.lower_ not in HEDGING_NOUNS)
        else token.text for token in doc)), frozenset(denied), frozenset(roles),
        _adverbial(doc, words) - heads, frozenset(families))


def main_predicates(doc: Doc) -> list[Token]:
    """The words that say what the parsed statement ``doc`` asserts is done, of each root."""
    return [word for root in doc if root.dep_ == "ROOT" for word in predicates_of(root)]


@lru_cache(maxsize=1024)
def counter(text: str, start: int, end: int, names: frozenset[tuple[int, int]]) -> str | None:
    """Who the figure at ``text[start:end]`` is counted for: the named subject of the verb
    whose object holds it, its head word stemmed ("Garrard completed 28 of 41 passes" ->
    "garrard"); a verb without a subject of its own shares the one of the verb it hangs from
    ("Manning finished with 29-of-34 after completing his first 17 passes" -> Manning).
    None where the figure is in the subject itself ("65 people died"), where the subject is
    no name ("He completed ...", "Police arrested 12"), or where the way up passes a verb of
    reporting or giving ("the ministry said 65 died", "the Red Cross put the toll at 60": they
    give the figure, they do not count it). A name is a proper noun, or where ``names`` has an
    entity mention of the article (the entity model reads a whole article better than the
    parser one sentence: "Manning finished ..." tags "Manning" a noun)."""
    doc = next(parse([text]))
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    node = span.root
    while node.pos_ not in ("VERB", "AUX"):
        if node.dep_ in ("nsubj", "nsubjpass") or node.head is node:
            return None
        node = node.head
    for _ in range(6):  # a few verbs up at most
        if node.lower_ in REPORTING or stem_word(node.lower_) in GIVING:
            return None
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            named = subject.pos_ == "PROPN" or any(s <= subject.idx < e for s, e in names)
            return stem_word(subject.lower_) if named else None  # the head: a surname
        if node.head is node:
            return None
        node = node.head
    return None


def counted_apart(a: str | None, b: str | None) -> bool:
    """Are two figures counted for two different named holders (``counter``: the name's head,
    so "Garrard", "David Garrard" and "quarterback Garrard" are one)? A holder not named may be
    either."""
    return a is not None and b is not None and a != b


def predicate_keys(word: Token) -> frozenset[str]:
    """What the predicate word ``word`` names, as keys two statements share when they assert
    one thing: its lemma stemmed ("opened", "opens" -> "open"; "fell", "fallen" -> "fall"),
    with a phrasal verb's particle ("drove off" -> "drive off", never "drive": driving off is
    not driving), and the family of news predicates its expression belongs to
    (``compare.predicate_families``: "found guilty" and "convicted" -> "convict")."""
    particle, family = _particle(word), _family(word)
    forms = {stem_word(form) for form in (_lemma(word), word.lower_)}
    own = {f"{form} {particle}" for form in forms} if particle else forms
    # a preposition without its noun may be a particle the parse did not see ("pulled LaSalle
    # over a few blocks away" / "was pulled over"): both readings
    loose = {f"{form} {c.lower_}" for form in forms for c in word.children
             if c.dep_ == "prep" and c.lower_ in PARTICLES
             and not any(o.dep_ == "pobj" for o in c.children)}
    return frozenset(own | loose | ({family} if family else set()))


def _family(word: Token) -> str | None:
    """The family of news predicates the expression of ``word`` belongs to, if any."""
    expression = _expression(word)
    return FAMILY_OF[expression] if expression else None


def _expression(word: Token) -> str | None:
    """The expression of ``word`` that is in a family of news predicates, if any."""
    return family_expression(_expressions(word, _lemma(word), _particle(word)))


def _particle(verb: Token) -> str | None:
    """The particle of a phrasal verb: "drove off", "stepped down"; an adverb with words of its
    own is no particle ("pulled him over a few blocks away")."""
    return next((c.lower_ for c in verb.children if c.dep_ == "prt" or (
        c.dep_ == "advmod" and c.lower_ in PARTICLES and not any(c.children))), None)


def _expressions(word: Token, lemma: str, particle: str | None) -> list[str]:
    """The expressions of lemmas ``word`` may complete, most specific first: with its particle
    and what follows it ("went up in flames"), its particle, its object or bare verb ("caught
    fire", "let go"), its adjective with its negation ("found guilty", "found not guilty"), its
    prepositional phrase ("taken into custody", "fell to his death"), its adverb of a fatal
    outcome ("fatally shot": ``FATAL``); a support verb's noun
    with its verb ("faces charges": "face charge"); each also passive where it is ("be ...");
    then the word alone, if a verb or an adjective ("dead")."""
    children = list(word.children)
    places = [f"{c.lower_} {_lemma(o)}" for c in children if c.dep_ == "prep"
              for o in c.children if o.dep_ == "pobj"]
    completions = ([f"{particle} {place}" for place in places] + [particle]) if particle else []
    completions += [_lemma(c) for c in children if c.dep_ in ("xcomp", "dobj")]
    completions += [_negated_lemma(a) for a in _adjectives(word)] + places
    completions += [c.lower_ for c in children if c.dep_ == "advmod" and c.lower_ in FATAL]
    phrases = [f"{lemma} {completion}" for completion in completions]
    if word.pos_ in ("NOUN", "PROPN") and word.dep_ == "dobj":
        phrases.append(f"{_lemma(word.head)} {lemma}")
    if any(c.dep_ == "auxpass" for c in children):
        phrases = [f"be {p}" for p in (*phrases, lemma)] + phrases
    return phrases + ([lemma] if word.pos_ in ("VERB", "ADJ") else [])


def _negated_lemma(word: Token) -> str:
    """The lemma of ``word`` with its own negation: "not guilty" ("found not guilty")."""
    lemma = _lemma(word)
    return f"not {lemma}" if any(c.dep_ == "neg" for c in word.children) else lemma


def _adjectives(verb: Token) -> list[Token]:
    """The adjectives that say what ``verb`` found or made of its object or subject: "was
    found guilty", "found him guilty" (the parse's clause of an adjective), "found Orozco, 29,
    guilty" (the parse's adjective of the object)."""
    children = list(verb.children)
    return [c for c in children if c.dep_ in ("oprd", "acomp")
            or (c.dep_ == "ccomp" and c.pos_ == "ADJ")] + [
        a for c in children if c.dep_ == "dobj" for a in c.children
        if a.dep_ == "amod" and a.pos_ == "ADJ" and a.i > c.i]


def _lemmatizer() -> Any:
    """spaCy's rule lemmatizer of the parse's model, loaded with it but not run by it
    (``analyse.nlp.load_nlp``): only predicate words need a lemma."""
    from newsprism.analyse.nlp import load_nlp

    return load_nlp("full").get_pipe("lemmatizer")


def _lemma(word: Token) -> str:
    """The lemma of ``word`` by its part of speech ("fell" -> "fall", "charges" -> "charge")."""
    return next(iter(_lemmatizer().rule_lemmatize(word)), word.lower_).lower()


def _adverbial(doc: Doc, words: Sequence[Token]) -> frozenset[str]:
    """The stemmed verbs of the clauses of time, cause or concession hanging from the
    statement's root or its main predicates ``words`` ("anger mounted after Papandreou
    announced cuts"): a clause its conjunction marks as the setting of the main fact. A
    participle's clause ("Asked by the judge ..., he responded") is left out: its unmarked
    event is asserted as much as the main one, and its parse is the least sure."""
    top = {word.i for word in words} | {root.i for root in doc if root.dep_ == "ROOT"}
    return frozenset(key for clause in doc if clause.dep_ == "advcl"
                     and clause.head.i in top and any(
                         c.dep_ == "mark" and c.lower_ in SETTING for c in clause.children)
                     for t in clause.subtree
                     if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")
                     for key in predicate_keys(t))


def _agent_and_patient(verb: Token) -> tuple[str, str] | None:
    """Who does what ``verb`` says to whom, as name keys: the subject and object of an active
    verb; the "by" agent and the subject of a passive one."""
    children = list(verb.children)
    patient = next((c for c in children if c.dep_ in ("dobj", "nsubjpass")), None)
    agent = next((c for c in children if c.dep_ == "nsubj"), None)
    if agent is None:
        agent = next((o for c in children if c.dep_ == "agent" for o in c.children
                      if o.dep_ == "pobj"), None)
    if agent is None or patient is None or "PRON" in (agent.pos_, patient.pos_):
        return None
    return _name_key(agent), _name_key(patient)


def _name_key(noun: Token) -> str:
    """A noun with its compound words, stemmed: "the Boston Celtics" -> "boston celtic"."""
    words = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i] + [noun]
    return " ".join(stem_word(w.lower_) for w in words)


def _denied(word: Token) -> bool:
    """Is ``word`` (a predicate, or what a verb carries: "was not in the crosswalk", "was not
    able to stop") said not to hold: "not" or "never" on it or on a word carrying it, "no
    longer" ("customers are no longer affected": a state ended is not the state), or "no"
    before a carrying verb's subject ("No rocket hit")? So is a verb whose adjective says
    what it found or made of its object, where that is denied ("was found not guilty": not
    "found guilty")."""
    carriers = [word]
    while carriers[-1].dep_ in CARRIED and carriers[-1].head is not carriers[-1]:
        carriers.append(carriers[-1].head)
    carriers += _adjectives(word)
    return any(c.dep_ == "neg" or (c.lower_ == "longer" and any(
        d.dep_ == "neg" for d in c.children)) or (c.dep_ in ("nsubj", "nsubjpass") and any(
        d.dep_ == "det" and d.lower_ == "no" for d in c.children))
        for carrier in carriers for c in carrier.children)



def predicates_of(verb: Token, depth: int = 0) -> list[Token]:
    """The words that say what ``verb`` and the verbs coordinated with it assert is done, a
    root's or a clause's ("where he was pronounced dead" -> "dead")."""
    if depth > 4:
        return []
    return [*_asserted(verb, depth), *(word for joined in _joined(verb)
                                       for word in predicates_of(joined, depth + 1))]


def _asserted(verb: Token, depth: int) -> list[Token]:
    """What ``verb`` alone asserts: the verb itself, or what it carries (a verb of reporting
    its complement, "had to" or "managed to" the verb after it), a copula's complement ("was in
    the crosswalk": crosswalk), a support verb's noun ("faces charges", "handed down charges",
    "used a Taser")."""
    word = verb.lower_
    governed = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    if (word in REPORTING or word in CARRIERS or _frames(verb)) and governed:
        return predicates_of(governed[0], depth + 1)
    if word in REPORTING:
        return []
    if word in COPULAS:
        complements = [c for c in verb.children if c.dep_ in ("acomp", "attr")]
        able = [x for c in complements if c.lower_ == "able" for x in c.children
                if x.dep_ == "xcomp"]
        if able:
            return predicates_of(able[0], depth + 1)
        placed = [o for c in verb.children if c.dep_ == "prep" for o in c.children
                  if o.dep_ == "pobj"]
        return complements + placed + _cleft(verb, complements, depth) or [verb]
    nouns = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
    if nouns and (word in SUPPORT or _lemma(verb) in LIGHT):
        return nouns
    acts = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
    return acts if acts and _lemma(verb) in OCCURRING else [verb]


def _cleft(copula: Token, complements: list[Token], depth: int) -> list[Token]:
    """What a cleft sentence tells in its clause: "It was the harbour master who closed the
    dock" tells "closed", "It was the same place where he died" "died" (an empty "it", "this"
    or "that" before the copula, its noun's relative clause the fact)."""
    if not any(c.dep_ == "nsubj" and c.lower_ in ("it", "this", "that") for c in copula.children):
        return []
    return [word for noun in complements if noun.dep_ == "attr" for clause in noun.children
            if clause.dep_ == "relcl" for word in predicates_of(clause, depth + 1)]


def _frames(verb: Token) -> bool:
    """Is ``verb`` a verb of telling or making known, in any form (``FRAMING``)?"""
    return verb.pos_ in ("VERB", "AUX") and _lemma(verb) in FRAMING


def _joined(verb: Token) -> list[Token]:
    """The verbs coordinated with ``verb``: "pulled him over and [used] a Taser"."""
    return [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
