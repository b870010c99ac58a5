"""Whom a definite description stands for: "the suspect", "the 52-year-old", "the company".

News names a person or a body once and then describes them: "Mark Kirkpatrick, 52, was
arrested ... The suspect was released". Another report of the same fact may name him ("Police
released Kirkpatrick"), so to see one actor on both sides compare needs to know whom the
description stands for. A description stands for the one named entity the article tied its
words to before it:

- a person titled with the noun or set beside it ("gunman Mark Kirkpatrick", "Mark
  Kirkpatrick, the suspect,", "Ann Lowe, an actress,"), or said to be one ("Smith was the
  driver", "Smith was identified as the gunman"); "the suspect" (the accused, the defendant)
  too the person the article says was arrested, charged or held ("Police arrested Smith");
- for "the 52-year-old" (or "the 52-year-old man"), the person whose age the article gave as 52
  ("Mark Kirkpatrick, 52,", "52-year-old Mark Kirkpatrick", "Kirkpatrick (52)");
- for "the company" (or another kind of organisation), the organisation set beside or said to
  be one ("Acme, the company that", "Acme is a firm").

A word before the noun narrows it: "the Egyptian prime minister" is not "Israeli Prime Minister
Benjamin Netanyahu", so each such word must be among the words that title the name.

Two people so tied (two suspects), or none, or several of the kind told of before it ("two
suspects", "another suspect"), and the description stands for no one. "The girl" is not the one
girl the article named by her pronoun, nor "the victim" the one named as shot, nor "the
company" the one organisation made a subject: news often leaves the one it describes unnamed (a
minor, a second victim, "a man was shot") and names only the others, and the organisation a
sentence opens with may be the outlet reporting it ("THR is reporting ... the studio"): a wrong
actor would join or part two reports falsely, a missing one only says less. So do "the other
suspect" and "the second victim", which say there are several, and a description inside
quotation marks (a speaker's story may describe anyone).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsprism.analyse.nlp import noun_lemma
from newsprism.analyse.pronouns import KIN, Antecedents, is_person_noun
from newsprism.analyse.resolve import bare_name
from newsprism.model import Described, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Nouns news describes a named person by, beyond roles and kin (``pronouns.is_person_noun``)
PERSON_NOUNS = frozenset({
    "suspect", "gunman", "shooter", "attacker", "assailant", "killer", "robber", "thief",
    "accused", "defendant", "victim", "teen", "teenager", "youth", "actress", "rapper",
    "comedian", "singer", "star", "driver", "motorist", "cyclist", "pedestrian", "climber",
    "hiker", "swimmer", "skier", "officer", "deputy", "trooper", "man", "woman", "boy", "girl",
})  # fmt: skip
# Kinds of organisation a body is described by ("the company said")
BODY_NOUNS = frozenset({
    "company", "firm", "carrier", "airline", "retailer", "automaker", "carmaker", "bank",
    "lender", "insurer", "manufacturer", "maker", "chain", "startup", "broadcaster", "studio",
    "publisher", "charity", "organisation", "organization", "nonprofit", "foundation",
})  # fmt: skip
# Nouns that name no one in particular however the article used them before
_VAGUE = frozenset({"person", "people", "source", "member", "official", "spokesman",
                    "spokeswoman", "spokesperson", "representative", "witness"})
# Words that say there are several of the kind ("the other suspect", "the second victim")
_SEVERAL = frozenset({"other", "another", "first", "second", "third", "fourth", "last",
                      "latest", "former", "new", "same", "eldest", "youngest", "older",
                      "younger", "both"})
ACTORS = ("PERSON", "ORG")
NARROWING = frozenset({"amod", "compound", "nmod"})  # words before a noun that say which
TITLE_WORDS = 4  # the words before a name that may title it ("Israeli Prime Minister")
_AGE = re.compile(r"\b(?P<age>\d{1,3})-year-old\b")
_COPULAS = frozenset({"be", "is", "was", "are", "were", "been", "being", "become", "became"})
_NAMING = frozenset({"identified", "named", "described", "known"})  # "identified as the gunman"
# What makes a named person "the suspect": the one arrested, charged or held ("Police arrested
# Mark Kirkpatrick ... the suspect", "Kirkpatrick was charged with murder ... the accused")
ACCUSING = frozenset({"arrested", "charged", "detained", "held", "indicted", "accused",
                      "suspected", "booked", "apprehended", "arraigned", "jailed", "sought"})
ACCUSED = frozenset({"suspect", "accused", "defendant"})


def describe_entities(doc: Doc, doc_id: str, mentions: Sequence[Mention],
                      quoted: Sequence[tuple[int, int]]) -> tuple[Described, ...]:
    """The definite descriptions of one parsed article that stand for a person or an
    organisation it named before them (see the module's docstring). ``quoted``: the spans of
    quotations, where no description is read."""
    people = Antecedents(doc, mentions, quoted)
    bodies = [m for m in mentions if m.type == "ORG"
              and not any(a <= m.start < b for a, b in quoted)]
    found = []
    for token in doc:
        if any(a <= token.idx < b for a, b in quoted) or not _plain_definite(token, mentions):
            continue
        span = doc[token.left_edge.i : token.i + 1]
        noun = noun_lemma(token.lower_)
        if (age := _AGE.search(span.text)) is not None:  # "the 52-year-old (man)"
            if token.lower_ == "old" or noun in PERSON_NOUNS or is_person_noun(noun):
                found.append((span, _aged(people, token, age["age"])))
            continue
        if token.tag_ != "NN":
            continue
        if _several_before(token, noun):
            continue
        if noun in BODY_NOUNS:
            found.append((span, _body(token, noun, bodies)))
        elif (noun in PERSON_NOUNS or is_person_noun(noun)) and noun not in KIN | _VAGUE:
            found.append((span, _person(people, token, noun)))
    return tuple(Described(doc_id, span.start_char, span.end_char, span.text, named)
                 for span, named in found
                 if named is not None and _narrowed_alike(span, _span(doc, named)))


def _narrowed_alike(description: Span, name: Span | None) -> bool:
    """Is each word that narrows the description's noun ("the Egyptian prime minister", "the
    French firm") among the words that titled the name: the few before it, and what is set
    beside it ("Information Minister Omran Zoubi" is no "defense minister"; an age is read
    apart)?"""
    noun = description[-1]
    narrowing = {t.lower_ for t in description if t.i != noun.i and t.dep_ in NARROWING
                 and t.lower_ != "old"}
    if name is None or not narrowing:
        return name is not None
    doc = name.doc
    titling = list(doc[max(name.start - TITLE_WORDS, name.sent.start) : name.end]) + [
        t for near in _beside(name) for t in near.subtree]
    return narrowing <= {t.lower_ for t in titling}


def _plain_definite(token: Token, mentions: Sequence[Mention]) -> bool:
    """Is ``token`` the noun (or the "old" of "the 52-year-old") of a phrase that opens with
    "the", points back to one of its kind (no "other", "second"), and holds no name, nor is
    set beside one (then the name is there to read) or said to be one ("Smith was the
    driver": there it ties the name, it does not stand for it)?"""
    if token.pos_ not in ("NOUN", "ADJ") or token.dep_ in ("compound", "appos", "attr"):
        return False
    determiners = [c.lower_ for c in token.children if c.dep_ in ("det", "poss")]
    if determiners != ["the"] or any(c.dep_ == "appos" for c in token.children):
        return False
    if any(c.lower_ in _SEVERAL or c.dep_ == "nummod" for c in token.lefts):
        return False
    # "the man who lost his wife": a clause with no comma before it says which one anew
    if any(c.dep_ == "relcl" and c.doc[c.left_edge.i - 1].text != "," for c in token.rights):
        return False
    left, right = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
    return not any(left <= m.end and m.start <= right for m in mentions if m.type in ACTORS)


def _several_before(token: Token, noun: str) -> bool:
    """Did the article tell of several of the kind before ``token``: the noun in the plural or
    counted ("two suspects", "the suspects", "another suspect")? Or bring one in unnamed ("A
    man was seen running"), whom "the man" may stand for? Then it stands for no one named."""
    return any(t.pos_ == "NOUN" and noun_lemma(t.lower_) == noun and (
        t.tag_ == "NNS" or any(c.lower_ in _SEVERAL or c.dep_ == "nummod" for c in t.children)
        or _brought_in_unnamed(t)) for t in token.doc[: token.i])


def _brought_in_unnamed(noun: Token) -> bool:
    """"A man was seen running": one of the kind, with no name set beside it or said to be it
    ("Smith, a teacher", "Smith is a suspect")."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children) and \
        noun.dep_ not in ("appos", "attr", "oprd") and not any(
            c.dep_ == "appos" for c in noun.children)


def _person(people: Antecedents, token: Token, noun: str) -> Mention | None:
    """The one person the article titled with ``noun``, set beside it or said to be one before
    ``token``; None for none or several."""
    titled = people.titled(token, noun)
    said = [m for m in people.people if m.end <= token.idx and (
        _said_to_be(people.doc, m, noun) or (noun in ACCUSED and _accused(people.doc, m)))]
    keys = {people.key(m) for m in said}
    if titled is not None:
        return titled if keys <= {people.key(titled)} else None
    return said[-1] if len(keys) == 1 else None


def _said_to_be(doc: Doc, mention: Mention, noun: str) -> bool:
    """Is the named one said to be a ``noun``: the subject of a copula whose complement it is
    ("Smith was the driver", "Smith is a suspect in the case") or identified as one ("Smith was
    identified as the gunman")?"""
    span = _span(doc, mention)
    if span is None or span.root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = span.root.head
    if verb.lemma_ in _COPULAS or verb.lower_ in _COPULAS:
        complements = [c for c in verb.children if c.dep_ in ("attr", "oprd")]
    elif verb.lower_ in _NAMING:
        complements = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "as"
                       for o in p.children if o.dep_ == "pobj"]
    else:
        return False
    return any(noun_lemma(c.lower_) == noun for c in complements)


def _accused(doc: Doc, mention: Mention) -> bool:
    """Is the named one said to be arrested, charged or held: the object of the verb, a
    passive's subject, or the subject of a relative clause of it ("Police arrested Smith",
    "Smith was charged with murder", "Smith, who was detained")?"""
    span = _span(doc, mention)
    if span is None:
        return False
    root = span.root
    while root.dep_ == "conj" and root.head is not root:  # "arrested Smith and Jones"
        root = root.head
    return (root.dep_ in ("dobj", "nsubjpass") and root.head.lower_ in ACCUSING) or any(
        c.dep_ == "relcl" and c.lower_ in ACCUSING for c in root.children)


def _aged(people: Antecedents, token: Token, age: str) -> Mention | None:
    """The one person whose age the article gave as ``age`` before ``token``: "Mark
    Kirkpatrick, 52,", "Kirkpatrick, a 52-year-old teacher,", "Kirkpatrick (52)", or
    "52-year-old (teacher) Mark Kirkpatrick" in the words of its sentence before the name."""
    text = people.text
    after = re.compile(rf"\s*(?:,\s*(?:an? )?|\()(?:{age})\b(?!\.\d|,\d)")
    before = re.compile(rf"\b{age}-year-old\b[^.,;:!?]*$")
    aged = [m for m in people.people if m.end <= token.idx and (
        after.match(text, m.end) or before.search(text, max(m.start - 60, 0), m.start))]
    return aged[-1] if len({people.key(m) for m in aged}) == 1 else None


def _body(token: Token, noun: str, bodies: Sequence[Mention]) -> Mention | None:
    """The organisation "the company" (or another kind) stands for: the one set beside or said
    to be one before it; None for none or several."""
    doc = token.doc
    tied = [m for m in bodies if m.end <= token.idx and (span := _span(doc, m)) is not None
            and (any(noun_lemma(t.lower_) == noun for t in _beside(span))
                 or _said_to_be(doc, m, noun))]
    names = {bare_name(m.text, "ORG").casefold() for m in tied}
    return tied[-1] if len(names) == 1 else None


def _beside(span: Span) -> list[Token]:
    """The nouns set beside a name: in apposition either way ("Acme, the company that",
    "the firm, Acme,")."""
    root = span.root
    near = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        near.append(root.head)
    return near


def _span(doc: Doc, mention: Mention) -> Span | None:
    return doc.char_span(mention.start, mention.end, alignment_mode="expand")
