"""Who the word a quotation is attributed to names: the mention of its speaker.

The attribution (the word that says the quote: the subject of "said", a name before a colon)
is found by ``analyse/quotes.py``; this module reads that word.

A pronoun (he, she), or a description of the person the story follows ("the New York native"),
is followed back to the person it stands for, of its gender, named outside quotation marks
(``analyse/pronouns.py``); "I" in an oral history or transcript to the person its speaker line
names ("JAMES DIXON: ... I just said to him, “...”"); "it" that says something to the body that
is the subject just before; a surname alone to the one full name its article gave of it; a
definite description ("the board", "the spokesperson") to the body named before, a body's
name right before the noun of its kind ("the Traditional Unionist Voice party") to that body,
and a role ("the president"), or any noun ("the comedian"), to the one person the article
gave that title; a
spokesman called by what a body is ("a studio representative") to the body the article named
so before ("studio Summit Entertainment"); a proper noun the entity model missed is a name,
without its rank ("Police Constable Tim Fanning", "Inspector-General of Police Khalid Abu
Bakar"), and so is a body's name after "the" and a
surname the parser took for a common noun; a nationality is nobody's voice ("Brazilian
officials said"); a subject in another paragraph than its verb never speaks; a passive's
subject is spoken to, not speaking ("when he was asked"), and so is the name after "told"
("told Reuters"): a statement to an outlet is the speaker's.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprism.analyse.entities import PERSON_ROLES
from newsprism.analyse.nlp import TITLES, noun_lemma
from newsprism.analyse.pronouns import (
    KIN,
    OFFICE_LINKS,
    SPOKESPEOPLE,
    Antecedents,
    is_person_noun,
    past_office,
    surname,
)
from newsprism.analyse.quotemarks import BLANK_LINE
from newsprism.analyse.resolve import BODY_NOUNS, bare_name, name_tokens
from newsprism.model import Citation, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


SPEAKER_TYPES = {"PERSON", "ORG", "GPE", "NORP"}
PRONOUNS = {"he", "she", "him", "her", "his"}
# Surface forms: the pipeline has no lemmatizer.
SAYING = {
    f"{stem}{ending}"
    for stem, endings in {
        "say": ("", "s", "ing"), "said": ("",), "tell": ("", "s", "ing"), "told": ("",),
        "add": ("", "s", "ed", "ing"), "stat": ("e", "es", "ed", "ing"),
        "explain": ("", "s", "ed", "ing"), "not": ("e", "es", "ed", "ing"),
        "insist": ("", "s", "ed", "ing"),
        "declare": ("", "s", "d"), "writ": ("e", "es", "ing"), "wrote": ("",),
        "ask": ("", "s", "ed", "ing"),
        "repl": ("y", "ies", "ied", "ying"), "warn": ("", "s", "ed", "ing"),
        "argu": ("e", "es", "ed", "ing"),
        "claim": ("", "s", "ed", "ing"), "continue": ("", "s", "d"), "recall": ("", "s", "ed"),
        "remark": ("", "s", "ed"), "announce": ("", "s", "d"), "comment": ("", "s", "ed"),
        "stress": ("", "es", "ed"), "acknowledge": ("", "s", "d"), "admit": ("", "s", "ted"),
        "concede": ("", "s", "d"), "quip": ("", "s", "ped"), "joke": ("", "s", "d"),
        "observe": ("", "s", "d"), "respond": ("", "s", "ed"), "testif": ("y", "ies", "ied"),
        "tweet": ("", "s", "ed"), "post": ("", "s", "ed"), "vow": ("", "s", "ed"),
        "promise": ("", "s", "d"), "complain": ("", "s", "ed"), "predict": ("", "s", "ed"),
        "conclude": ("", "s", "d"), "shout": ("", "s", "ed"), "quote": ("", "s", "d"),
        "describ": ("e", "es", "ed", "ing"), "laugh": ("", "s", "ed", "ing"),
        "exclaim": ("", "s", "ed"), "whisper": ("", "s", "ed"), "mutter": ("", "s", "ed"),
        "yell": ("", "s", "ed"), "scream": ("", "s", "ed"),
        "boast": ("", "s", "ed"), "recount": ("", "s", "ed"), "sigh": ("", "s", "ed"),
        "report": ("", "s", "ed", "ing"), "reiterat": ("e", "es", "ed"),
        "answer": ("", "s", "ed"), "maintain": ("", "s", "ed"), "muse": ("", "s", "d"),
        "gush": ("", "es", "ed"), "confess": ("", "es", "ed"), "assert": ("", "s", "ed"),
    }.items()
    for ending in endings
}
# Verbs that say only with their particle: "Keehan pointed out that ..." (not "pointed to").
_SAYING_WITH_OUT = {"point", "points", "pointed", "pointing"}
_ELSEWHERE = {"below", "overleaf"}
_RELATIVES = {"who", "that", "which"}
_RANK_WORDS = {"police", "prime", "vice", "former", "acting", "chief", "state", "foreign"}
# "a spokesman for the ministry said": a name inside the subject's prepositional phrase speaks
# only through these heads ("a friend of Jackman said" is not Jackman speaking).
_VOICES = {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "representative",
           "statement", "office", "official", "officials"}
# Documents whose words a story quotes ("the statement said", "the report says"): each is its
# author's, by the words that introduced it.
_DOCUMENTS = {"statement", "report", "notice", "filing", "letter"}
_PAIRS = {"pair", "duo", "two"}  # "the pair said": the two people named together before
# Nouns a publication or agency is named before ("the Rodong Sinmun newspaper").
_OUTLETS = {"newspaper", "paper", "daily", "agency", "broadcaster", "magazine", "tabloid",
            "website", "channel", "network", "station", "weekly"}
# The type of a speaker the article describes instead of naming ("a Western diplomat"): the
# quote carries it as a description, never as a mention an entity could be made of.
DESCRIBED = "DESCRIBED"
# Nouns of people and groups a source is described by when unnamed, besides the roles, kin and
# people ``pronouns`` knows and the bodies ``resolve`` knows ("one juror said", "activists say").
_SOURCE_NOUNS = {
    "diplomat", "juror", "activist", "photographer", "psychiatrist", "psychologist",
    "colleague", "investor", "agitator", "authority", "insider", "observer", "protester",
    "protestor", "demonstrator", "eyewitness", "onlooker", "bystander", "critic", "supporter",
    "opponent", "fan", "customer", "shopper", "parent", "family", "organizer", "organiser",
    "participant", "attendee", "guest", "visitor", "tourist", "local", "citizen", "voter",
    "owner", "executive", "staffer", "staff", "crew", "firefighter", "paramedic", "medic",
    "rescuer", "historian", "economist", "strategist", "consultant", "campaigner", "lawmaker",
    "legislator", "politician", "negotiator", "mediator", "militant", "rebel", "fighter",
    "commentator", "journalist", "editor", "producer", "designer", "artist", "musician",
    "writer", "academic", "physician", "surgeon", "therapist", "counselor", "pastor", "priest",
    "cleric", "imam", "rabbi", "bishop", "farmer", "fisherman", "trader", "banker", "broker",
    "dealer", "landlord", "tenant", "homeowner", "classmate", "teammate", "coworker", "partner",
    "associate", "ally", "acquaintance", "counsel", "defender", "plaintiff", "defendant",
    "suspect", "inmate", "prisoner", "detainee", "refugee", "migrant", "immigrant", "hostage",
    "mourner", "cousin", "people", "group", "union", "team", "spokespeople",
    # The web's and broadcasting's own: "one user commenting said", "the tipster claimed".
    "user", "commenter", "blogger", "vlogger", "tweeter", "influencer", "netizen", "follower",
    "subscriber", "reader", "viewer", "listener", "caller", "host", "presenter", "deejay",
    "tipster", "informant", "whistleblower", "operator", "patron", "client", "buyer", "seller",
    "passerby",
}  # fmt: skip
# Words that count a group the noun after "of" names: "one of the jurors said".
COUNTING = {"one", "some", "many", "several", "two", "three", "four", "few", "most", "another"}
_INDEFINITE = {"a", "an", "one", "another", "some"}
# Nouns that count people as one body ("a crowd of protesters"): "they" stands for the people.
_COLLECTIVES = {"group", "crowd", "phalanx", "pack", "throng", "band", "gang", "mob", "horde",
                "swarm", "bunch", "gaggle", "posse", "cluster"}
# Kinds of organisation "the company said" calls one the article named ("The charity added").
_KINDS_OF_BODY = {"company", "firm", "charity", "organisation", "organization", "nonprofit",
                  "foundation", "society", "club"}
_DESCRIPTION_WORDS = 12  # a longer subject is cut to its noun and the words before it
_SPEAKER_LINE = re.compile(r"^(?P<name>[^\W\d_][^\n:()]{1,60}?)(?: \([^()\n]*\))?:",
                           re.MULTILINE)


@dataclass(frozen=True)
class ArticleContext:
    """What the speaker search knows of one article besides its parse."""

    doc_id: str
    mentions: tuple[Mention, ...]
    citations: tuple[Citation, ...]
    antecedents: Antecedents


def _speaker_line(token: Token, article: ArticleContext) -> Mention | None:
    """Who "I" is outside quotation marks in an oral history or a transcript laid out in
    speaker lines ("JAMES DIXON: I definitely advocated for him. I just said to him, “...”"):
    the person named at the start of the latest line before that opens with a name of two to
    four capitalised words and a colon, a role in brackets allowed ("Jon Stewart (host,
    1999-2015):"), if the entity model took it for a person or, missing it in capitals
    ("ANN LOWE:"), took its last word for a person's elsewhere in the article. Elsewhere "I" is
    the reporter's, whom no one names."""
    lines = [line for line in _SPEAKER_LINE.finditer(token.doc.text, 0, token.idx)
             if 2 <= len(words := line["name"].split()) <= 4
             and all(w[:1].isupper() for w in words)]
    if not lines:
        return None
    start, end = lines[-1].span("name")
    there = [m for m in article.mentions if m.start < end and start < m.end]
    if there:
        return next((m for m in there if m.type == "PERSON" and (m.start, m.end) == (start, end)),
                    None)
    name = lines[-1]["name"]
    surname = name.split()[-1].casefold()
    if any(m.type == "PERSON" and m.text.split()[-1].casefold() == surname
           for m in article.mentions):
        return Mention(article.doc_id, start, end, name, "PERSON")
    return None


def says(token: Token) -> bool:
    """Is the word a verb of saying, a phrasal one with its particle ("pointed out") too? Not
    a page's note that its text goes on elsewhere ("Story continues below advertisement",
    "Article continues overleaf")."""
    if token.lower_.startswith("continue") and any(
            c.lower_ in _ELSEWHERE for c in token.children):
        return False
    return token.lower_ in SAYING or (token.lower_ in _SAYING_WITH_OUT and any(
        c.dep_ == "prt" and c.lower_ == "out" for c in token.children))


def relative_antecedent(token: Token) -> Token:
    """The noun a relative pronoun subject stands for ("Attorney General Dale Marshall, who
    promised to “redouble” ...": Marshall; "the team, which issued a statement": the team),
    else the token itself."""
    if token.lower_ in _RELATIVES and token.dep_ == "nsubj" and token.head.dep_ == "relcl":
        return token.head.head
    return token


def speaking_subject(verb: Token) -> Token | None:
    """Who does the saying: the subject; for "quoted X as saying" the one quoted; for "...,
    adding" the subject of the verb it hangs on, unless the -ing form has its own ("with
    Barroso noting that")."""
    if verb.lower_.startswith("quot"):
        quoted = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if quoted is not None:
            return quoted
    # "said Police Sgt. Marty Earley" parses as two subjects: the title's and the name's.
    # A passive's subject is the one spoken to ("when he was asked", "she was told"), not the
    # speaker ("X was quoted as saying" is read above).
    # A bracket the parser took for a subject ("“[...] they are dead,” said X") is none.
    # "says study co-author Christopher Murray" parses as two subjects, "co" and the name's:
    # the proper noun of two is the name.
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and not c.is_punct
                and c.text.rstrip(".").lower() not in TITLES]
    own = next((c for c in subjects if c.pos_ == "PROPN"), subjects[0]) if len(subjects) > 1 \
        else next(iter(subjects), None)
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None
    if own is not None and not same_paragraph(own, verb):
        return None  # a photo credit the parser ran on into the sentence over a blank line
    if own is None and verb.tag_ == "VBG" and verb.dep_ == "acl" and verb.head.pos_ == "PROPN":
        return verb.head  # "DeGuerin, describing Berman as Durst's “best friend,” insisted"
    if own is None and verb.tag_ == "VBG" and verb.dep_ == "pcomp":
        # "Gomes was convicted of beating Mendes and telling her, ``...''": the one a passive
        # holds to have done it.
        done = verb.head.head
        held = next((c for c in done.children if c.dep_ == "nsubjpass"), None)
        if held is not None and done.pos_ == "VERB" and same_paragraph(held, verb):
            return held
    # "..., adding" and "Lackey watched and told Reuters": the subject of the verb it hangs on,
    # or of the verb of saying above that one: in "She said Okafor made millions, telling him"
    # she does the telling.
    # Within the paragraph: a parse that runs a sentence on over a blank line must not hand
    # "Kent Page ... weighed in saying" to the "He stressed" of the paragraph before.
    # "and then Stephen called me and said": a verb joined to one with a subject of its own
    # shares that subject, whatever verb of saying the sentence has above ("Smithberg saw
    # that and asked who I was, and then Stephen called me and said").
    if own is None and verb.dep_ == "conj" and same_paragraph(verb.head, verb) and any(
            c.dep_ == "nsubj" for c in verb.head.children):
        return speaking_subject(verb.head)
    if own is None and (verb.tag_ == "VBG" or verb.dep_ == "conj") and verb.head.i != verb.i \
            and same_paragraph(verb.head, verb):
        return speaking_subject(next((v for v in ancestors(verb.head) if v.lower_ in SAYING
                              and v.pos_ == "VERB" and same_paragraph(v, verb)), verb.head))
    return None if own is None else relative_antecedent(own)


def same_paragraph(a: Token, b: Token) -> bool:
    """No blank line between the two tokens."""
    start, end = sorted((a.idx, b.idx))
    return BLANK_LINE.search(a.doc.text, start, end) is None


def speaker_at(token: Token, article: ArticleContext) -> Mention | None:
    """The mention of whom the attributing word names, read back to the person the article
    means by a surname it gives two people, or by a given name it gave in full before."""
    return _by_given_name(_of_namesakes(_speaker_named_at(token, article), article), article)


def _by_given_name(found: Mention | None, article: ArticleContext) -> Mention | None:
    """A person called by the given name alone ("“...,” Chela said") is the one person the
    article named in full with it before ("Chela Ortiz"), when it is no one's surname there
    (news calls the family's women and children so, after naming them once)."""
    if found is None or found.type != "PERSON" or len(found.text.split()) != 1:
        return found
    word = found.text.casefold()
    people = article.antecedents.people
    if any(surname(m) == word and len(m.text.split()) > 1 for m in people):
        return found
    full = [m for m in people if m.end <= found.start and len(words := m.text.split()) > 1
            and words[0].casefold() == word]
    return full[-1] if len({m.text for m in full}) == 1 else found


def _speaker_named_at(token: Token, article: ArticleContext) -> Mention | None:
    """Whom the word names: a pronoun or description by its antecedent, "I" by a speaker line,
    "it" by the body before; otherwise the first of the readings below that finds a name, in
    order from the most literal (a title's person, the mention there) to the loosest (a body by
    its common noun). A heading in capitals is no one."""
    if token.lower_ in PRONOUNS or _described_again(token):
        return article.antecedents.of(token)
    if token.lower_ in ("i", "me"):
        return _speaker_line(token, article)
    if token.lower_ == "it":
        return _body_before(token, article)
    if token.lower_ == "they":
        return _named_group_before(token, article)
    found = (_titled_as(token, article) or mention_at(token, article.mentions)
             or _document_owner(token, article) or proper_name(token, article)
             or _surname_before(token, article) or _pair_before(token, article)
             or _described_before(token, article)
             or _apposed_name(token, article) or _outlet_name(token, article)
             or _named_body_of_kind(token, article)
             or _voice_of_described(token, article) or _voiced_body(token, article)
             or body_noun(token, article))
    return None if found is None or is_heading(found.text) else found


def _of_namesakes(found: Mention | None, article: ArticleContext) -> Mention | None:
    """The person a speaker called by the surname alone is, by this article's own full names
    before it: the one full name it gave of that surname ("David Sorkin, his father, said" then
    "Sorkin said", when the other articles call the boy Kieran Sorkin and this one only
    "Kieran"). Of two people of one surname ("Eden Sassoon, the daughter of ... Vidal Sassoon"
    then "said Sassoon"; "Elisha Nabugyere was killed. His father, Francis Nabugyere, says"
    then "Nabugyere said"): the one of them who last spoke before, else the one whose phrase
    names the other last (to say who she is), else no one. The resolver's merge of a surname, by
    salience over all the articles, knows nothing of whom this article means."""
    if found is None or found.type != "PERSON":
        return found
    surname = name_tokens(bare_name(found.text, "PERSON"))
    if len(surname) != 1:
        return found
    doc = article.antecedents.doc
    full = [m for m in (_with_given_names(m, doc) for m in article.antecedents.people
                        if m.end <= found.start)
            if len(words := name_tokens(bare_name(m.text, "PERSON"))) > 1
            and words[-1] == surname[0]]
    if len(_distinct_names(full)) == 1:  # as the entity model tagged it, for the resolver
        return next(m for m in article.antecedents.people if m.end == full[-1].end)
    if len(_distinct_names(full)) < 2:
        return found
    spans = [(m, doc.char_span(m.start, m.end, alignment_mode="expand")) for m in full]
    spoke = [m for m, span in spans if span is not None and _says(span.root)]
    if spoke:
        return spoke[-1]
    # "Eden Sassoon, the daughter of ... Vidal Sassoon": he is named to say who she is.
    return next((m for m, span in reversed(spans) if span is not None
                 and _within_phrase(full[-1], span)), found)


def _within_phrase(mention: Mention, name: Span) -> bool:
    """Does the mention stand in the phrase the name heads, past the name itself?"""
    left, right = name.root.left_edge, name.root.right_edge
    return not name.start_char <= mention.start < name.end_char and \
        left.idx <= mention.start and mention.end <= right.idx + len(right)


def _with_given_names(mention: Mention, doc: Doc) -> Mention:
    """The person's name with the given names the entity model left out of it ("Eden" of
    "Eden Sassoon", tagged "Sassoon"): the capitalised proper nouns compounded right before."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return mention
    start = span.start
    while start > 0 and (word := doc[start - 1]).head.i == span.root.i and \
            word.dep_ == "compound" and word.pos_ == "PROPN" and word.text[:1].isupper() and \
            not is_role(word):
        start -= 1
    if start == span.start:
        return mention
    begin = doc[start].idx
    return Mention(mention.doc, begin, mention.end, doc.text[begin : mention.end], mention.type)


def _distinct_names(mentions: list[Mention]) -> set[tuple[str, ...]]:
    """The people the mentions name, a name held by a fuller one ("Francis Nabugyere", "Francis
    Manana Nabugyere") counted once."""
    names = {name_tokens(bare_name(m.text, "PERSON")) for m in mentions}
    return {n for n in names if not any(set(n) < set(o) for o in names)}


def _says(root: Token) -> bool:
    """Is the name (or the noun it is apposed to: "His father, Francis Nabugyere, says") the
    subject of a verb of saying?"""
    if root.dep_ == "appos":
        root = root.head
    return root.dep_ == "nsubj" and root.head.lower_ in SAYING


def is_heading(name: str) -> bool:
    """Words in capitals that head a list item or a section ("ON LEADERSHIP: “...”"), which the
    entity model may take for a name; an acronym is one word."""
    return len(name.split()) > 1 and name.isupper()


def _described_again(token: Token) -> bool:
    """A person the story follows described again instead of named, as a pronoun would stand
    for them: by age alone ("said the 29-year-old"), or by what they are with a word saying
    which ("the New York native told Glenn Close", "the veteran actress said"; not "the woman
    said", who may be someone new, nor kin, whose kin is not said, nor a role, which the
    article titles someone with, nor one the words name right after)."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return False
    if token.lower_ == "old":
        return any(c.lower_ in ("year", "years") for c in token.children)
    # "The 44-year-old IT manager added": an age says it is someone the story follows, even
    # with a role.
    if token.pos_ == "NOUN" and is_person_noun(noun_lemma(token.lower_)) and any(
            w.lower_ == "old" and any(c.lower_ in ("year", "years") for c in w.children)
            for w in token.lefts):
        return True
    noun = noun_lemma(token.lower_)
    # "The gypsy woman Maleva (Geraldine Chaplin)": named right after, by that name.
    named = any(c.i > token.i and c.pos_ == "PROPN" for c in token.children)
    return token.pos_ == "NOUN" and is_person_noun(noun) and noun not in PERSON_ROLES \
        and noun not in KIN and not named \
        and any(c.dep_ in ("compound", "amod") for c in token.children)


def _outlet_name(token: Token, article: ArticleContext) -> Mention | None:
    """The name the entity model missed before a noun of a publication or agency ("the North's
    Rodong Sinmun newspaper said"): the capitalised proper nouns compounded right before it."""
    if token.pos_ != "NOUN" or noun_lemma(token.lower_) not in _OUTLETS:
        return None
    words = []
    for word in reversed(token.doc[token.left_edge.i : token.i]):
        if word.dep_ != "compound" or word.pos_ != "PROPN" or not word.text[:1].isupper():
            break
        words.insert(0, word)
    if not words:
        return None
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    return Mention(article.doc_id, start, end, token.doc.text[start:end], "ORG")


def _named_body_of_kind(token: Token, article: ArticleContext) -> Mention | None:
    """A body named right before the common noun of its kind, or of its kind and what it
    does ("The Traditional Unionist Voice party said", "the Wella company said", "the Calder
    Lions football team"): the organisation the entity model found there."""
    if token.pos_ != "NOUN" or not token.text.islower():
        return None
    at = token.i - 1
    while at > token.left_edge.i and token.doc[at].dep_ == "compound" and \
            token.doc[at].text.islower():
        at -= 1
    before = token.doc[at] if at >= token.left_edge.i else None
    if before is None or before.dep_ != "compound" or before.text.islower():
        return None
    end = before.idx + len(before)
    return next((m for m in article.mentions if m.type == "ORG" and m.end == end
                 and m.start >= token.left_edge.idx), None)


def _apposed_name(token: Token, article: ArticleContext) -> Mention | None:
    """The name the entity model missed in apposition to a person ("one local resident, Omen
    Cola,"); a thing's name is no one's ("the destroyer INS Mysore")."""
    if not is_person_noun(noun_lemma(token.lower_)):
        return None
    return next((proper_name(c, article) for c in token.children
                 if c.dep_ == "appos" and c.pos_ == "PROPN"), None)


def _pair_before(token: Token, article: ArticleContext) -> Mention | None:
    """The first of the two people named together last before "the pair", "the duo" or "the
    two" ("said Laurence Mark and Bill Condon. ... “...,” the pair said"): a remark two people
    make as one is the first one's, as "said Mark and Condon" is."""
    if token.lower_ not in _PAIRS or not any(c.lower_ == "the" for c in token.children):
        return None
    people = [m for m in article.antecedents.people if m.end <= token.idx]
    text = article.antecedents.text
    pairs = [a for a, b in itertools.pairwise(people)
             if text[a.end : b.start].strip() == "and"]
    return pairs[-1] if pairs else None


def _surname_before(token: Token, article: ArticleContext) -> Mention | None:
    """A capitalised word the parser took for a common noun or an adverb ("Byrs called the
    decision ...") that is the surname of a person the article named before: that person's name."""
    if not token.text[:1].isupper() or token.pos_ not in ("NOUN", "PROPN", "ADV") or any(
            m.start <= token.idx < m.end for m in article.mentions):
        return None
    if not any(m.end <= token.idx and surname(m) == token.lower_
               for m in article.antecedents.people):
        return None
    return Mention(article.doc_id, token.idx, token.idx + len(token), token.text, "PERSON")


def _body_before(pronoun: Token, article: ArticleContext) -> Mention | None:
    """The organisation "it" stands for when it says something: the nearest subject before it,
    in its sentence or the one before outside quotation marks, when that subject names a body
    ("But the board announced that it will rule ..., saying", "TallGrass issued a statement.
    It said ...");
    otherwise no one ("It also recognizes that “...”" is a document's)."""
    if not _speaks(pronoun):
        return None
    subjects = _subjects_before(pronoun, article.antecedents.quoted)
    return _body_at(subjects[-1], article) if subjects else None


def _body_at(token: Token, article: ArticleContext) -> Mention | None:
    """The speaker ``token`` names when it is a body (an organisation, a place, a people)."""
    found = speaker_at(token, article)
    return found if found is not None and found.type in ("ORG", "GPE", "NORP") else None


def _speaks(pronoun: Token) -> bool:
    """Is the pronoun the subject of a verb of saying, or of one that goes on "saying"?"""
    verb = pronoun.head
    return verb.lower_ in SAYING or any(c.tag_ == "VBG" and c.lower_ in SAYING
                                        for c in verb.children)


def _subjects_before(pronoun: Token, quoted: Sequence[tuple[int, int]]) -> list[Token]:
    """The subjects of main clauses before the pronoun, from its sentence's narrative back to
    the sentence before it, outside quotation marks."""
    doc = pronoun.doc
    sentence = doc[pronoun.i].sent
    # The sentence before, over the quotation between ("The American Red Cross pledged aid.
    # “As with most earthquakes, ...,” it said"): quoted words are nobody's narrative; and over
    # sentences whose subject is the pronoun again ("The paper said ... But it criticised Japan.
    # It said: “...”"), two at most.
    start, sentences = sentence.start, 0
    while start > 0 and sentences < 3:
        start = doc[start - 1].sent.start
        narrative = [t for t in doc[start : doc[start].sent.end] if not t.is_punct
                     and not t.is_space and not any(a <= t.idx < b for a, b in quoted)]
        if narrative:
            sentences += 1
            if not any(t.dep_ == "nsubj" and t.lower_ == pronoun.lower_ for t in narrative):
                break
    # A main clause's subject, not one of what a body reports ("the newspaper said the
    # relationship was ...") or of a clause hung on another ("without the latter taking").
    return [t for t in doc[start : pronoun.i] if t.dep_ == "nsubj"
            and t.lower_ not in ("it", "they", *PRONOUNS) and t.head.dep_ in ("ROOT", "conj")
            and not any(a <= t.idx < b for a, b in quoted)]


def _named_group_before(pronoun: Token, article: ArticleContext) -> Mention | None:
    """The body a speaking "they" stands for, when the group before it is one by name
    ("Scotland Yard said ... “...,” they added")."""
    group = _group_before(pronoun, article)
    return None if group is None else _body_at(group, article)


def _group_before(pronoun: Token, article: ArticleContext) -> Token | None:
    """The people a speaking "they" stands for: the nearest subject before it, in its sentence
    or the one before outside quotation marks, when that subject is a group of people in the
    plural ("Officials said ... “...,” they added") or a collective noun counting them ("the
    phalanx of photographers ... “...,” they screamed": photographers); otherwise no one."""
    if pronoun.lower_ != "they" or not _speaks(pronoun):
        return None
    subjects = _subjects_before(pronoun, article.antecedents.quoted)
    if not subjects:
        return None
    subject = subjects[-1]
    if noun_lemma(subject.lower_) in _COLLECTIVES:
        subject = _of_noun(subject) or subject
    return subject if subject.tag_ in ("NNS", "NNPS") or speaker_at(subject, article) else None


def _described_before(token: Token, article: ArticleContext) -> Mention | None:
    """The body a definite description stands for, named earlier in the article: "the board"
    for the latest "Nevada Parole Board", "the spokesperson" for the latest "a spokesperson
    for the International Olympic Committee" or "an Amazon spokeswoman", "the president" for
    "French president Nicolas Sarkozy"."""
    head = noun_lemma(token.lower_)
    # "The President said": a role may be capitalised, and tagged a proper noun.
    if not (token.pos_ == "NOUN" or (token.pos_ == "PROPN" and head in PERSON_ROLES)) or \
            not any(c.lower_ == "the" for c in token.children):
        return None
    # "the parks service" is no "Kenya Wildlife Service": the words before the noun count.
    words = {noun_lemma(c.lower_) for c in token.children if c.dep_ == "compound"} | {head}
    named = [m for m in article.mentions if m.end <= token.idx and m.type in SPEAKER_TYPES
             and noun_lemma(m.text.split()[-1]) == head
             and words <= {noun_lemma(w) for w in m.text.split()}]
    if head in PERSON_ROLES and head not in _VOICES:
        # "the sheriff" is the person titled so ("Bexar County Sheriff Javier Salazar"), not
        # the title the entity model read as a name; that only when no one is titled so.
        return article.antecedents.titled(token, head) or (named[-1] if named else None)
    if named:
        return named[-1]
    if head in _DOCUMENTS:
        return _stated_before(token, article)
    if head not in _VOICES:
        # "the comedian added": the one person the article titled so ("Comedian Ellen
        # DeGeneres"), whatever noun the title is; "the study authors" are several.
        return article.antecedents.titled(token, head, closest=True) if token.tag_ == "NN" \
            else None
    # "a spokesperson for the International Olympic Committee", "an Amazon spokeswoman".
    earlier = [t for t in token.doc[: token.i] if noun_lemma(t.text) == head and any(
        (c.dep_ == "prep" and c.lower_ in ("for", "of")) or (c.dep_ == "compound" and any(
            m.start <= c.idx < m.end and m.type == "ORG" for m in article.mentions))
        for c in t.children)]
    if earlier:
        return mention_at(earlier[-1], article.mentions)
    return _stated_before(token, article) if head == "statement" else None


def _voice_of_described(token: Token, article: ArticleContext) -> Mention | None:
    """The body whose voice a spokesman is called by what the body is ("a studio
    representative told MTV News" after "``Twilight'' studio Summit Entertainment"; "a company
    spokesman" after "the Walt Disney Company"): the latest organisation the article named
    with that common noun right before or as the last word of its name."""
    nouns = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "NOUN"
             and c.text.islower()]
    if noun_lemma(token.lower_) not in _VOICES or token.pos_ != "NOUN" or len(nouns) != 1:
        return None
    noun, text = noun_lemma(nouns[0].lower_), token.doc.text
    described = [m for m in article.mentions if m.type == "ORG" and m.end <= token.idx and noun in (
        noun_lemma(m.text.split()[-1].lower()),
        noun_lemma(next(iter(text[: m.start].split()[-1:]), "").lower()))]
    return described[-1] if described else None


def _voiced_body(token: Token, article: ArticleContext) -> Mention | None:
    """The body an unnamed spokesperson speaks for where the entity model named none in the
    phrase: the capitalised name after "for" or "of" ("a spokesman for Waitrose said"); or,
    when the phrase names no body at all, the body that is the subject just before (the
    sentence before, or its own: "Nestlé said the ruling was not the end. “...,” a spokesman
    said"). A person there is no one a spokesman speaks for ("Smith sued. ... a spokesman
    said" stays unnamed)."""
    if token.pos_ != "NOUN" or noun_lemma(token.lower_) not in SPOKESPEOPLE:
        return None
    objects = [c for p in token.children if p.dep_ == "prep" and p.lower_ in ("for", "of")
               for c in p.children if c.dep_ == "pobj"]
    if objects:
        name = objects[0]
        if name.pos_ != "PROPN" or not name.text[:1].isupper() or any(
                m.start <= name.idx < m.end for m in article.mentions):
            return None
        words = [c for c in name.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"
                 and c.text[:1].isupper()] + [name]
        start, end = words[0].idx, name.idx + len(name)
        return Mention(article.doc_id, start, end, token.doc.text[start:end], "ORG")
    if any(c.dep_ in ("compound", "poss") for c in token.children):
        return None  # "a company spokesman", "its spokesman": read by what names the body
    subjects = _subjects_before(token, article.antecedents.quoted)
    return _body_at(subjects[-1], article) if subjects else None


def _stated_before(token: Token, article: ArticleContext) -> Mention | None:
    """Whose "the statement" (or "the report", another document) is: the owner of the latest
    one the article introduced before it ("..., the parks service said in a statement",
    "Georgia Power released a statement saying ...", "a statement from the city", "the iSight
    report"). One introduced there whose owner cannot be read ("A statement was posted") ends
    the search: an older one is someone else's ("Mayor Hardie Davis said in a statement"
    three paragraphs up)."""
    head = noun_lemma(token.lower_)
    for earlier in reversed(token.doc[: token.i]):
        if noun_lemma(earlier.lower_) != head or earlier.pos_ != "NOUN":
            continue
        owner = statement_owner(earlier)
        if owner is not None:
            return speaker_at(owner, article) or description_at(owner, article)
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in earlier.children):
            return None
    return None


def _document_owner(token: Token, article: ArticleContext) -> Mention | None:
    """Whose words a document that says them is, when its own phrase tells ("a statement from
    several board members", "The brief statement by six of the nine directors said"): the
    one named there, or as described."""
    if noun_lemma(token.lower_) not in _DOCUMENTS or token.pos_ != "NOUN":
        return None
    owner = _from_or_by(token)
    if owner is None:
        return None
    return speaker_at(owner, article) or description_at(owner, article)


def statement_owner(statement: Token) -> Token | None:
    """Who a statement is of, by the words that introduce it: the subject of the verb of saying
    it is said "in" ("X said in a statement"), of the verb it is the object of ("X released a
    statement", "the team, which issued a statement": the noun the clause describes), or the
    one it is "from" or "by" or was issued by, or its possessor ("the city's statement"), or
    the name before it ("the iSight report")."""
    for child in statement.children:
        if child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ == "PROPN"):
            return child
        if _is_from_or_by(child):
            return _from_or_by(statement)
    head = statement.head
    if statement.dep_ == "nsubjpass":  # "A statement was issued by six members of the board"
        return next((o for c in head.children if c.dep_ == "agent"
                     for o in c.children if o.dep_ == "pobj"), None)
    if statement.dep_ == "pobj" and head.lower_ == "in":
        verb = head.head
        return speaking_subject(verb) if verb.lower_ in SAYING and verb.pos_ == "VERB" else None
    if statement.dep_ != "dobj" or head.pos_ != "VERB":
        return None
    return speaking_subject(head)


def _is_from_or_by(child: Token) -> bool:
    return child.dep_ == "prep" and child.lower_ in ("from", "by")


def _from_or_by(document: Token) -> Token | None:
    """The one a document's own phrase says it is from or by ("a statement from the city",
    "the report by six of the nine directors"): the object of its first such preposition."""
    by = next((c for c in document.children if _is_from_or_by(c)), None)
    return None if by is None else next((o for o in by.children if o.dep_ == "pobj"), None)


def proper_name(token: Token, article: ArticleContext) -> Mention | None:
    """The name a verb of saying has as its subject when the entity model missed it there
    ("'' Pinder said.", "Police Constable Tim Fanning said."): the proper noun and the proper
    nouns compounded before it, titles and ranks left out, or a body's name after "the". A
    role ("the Prime Minister said", "Police said") is nobody's name."""
    if token.pos_ != "PROPN" or not token.text[:1].isupper() or is_role(token) or \
            token.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY"):
        return None
    if any(c.dep_ == "det" for c in token.children):
        return _body_name(token, article)
    words = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"
             and c.text[:1].isupper()] + [token]
    first = words[0]
    while first.i < token.i and is_role(first):
        first = first.doc[first.i + 1]
    start, end = first.idx, token.idx + len(token)
    return Mention(article.doc_id, start, end, token.doc.text[start:end], "PERSON")


def _titled_as(token: Token, article: ArticleContext) -> Mention | None:
    """The one person the article names right after the same capitalised title ("The Bexar
    County Sheriff says" and, later, "Bexar County Sheriff Javier Salazar said")."""
    if not is_role(token):
        return None
    words = token.doc[token.left_edge.i : token.i + 1]
    words = words[1:] if words[0].lower_ == "the" else words
    if len(words) < 2 or not all(w.text[:1].isupper() for w in words):
        return None
    text = token.doc.text
    titled = [m for m in article.antecedents.people
              if text[max(0, m.start - len(words.text) - 1) : m.start].strip() == words.text]
    return titled[0] if len({article.antecedents.key(m) for m in titled}) == 1 else None


def body_noun(token: Token, article: ArticleContext) -> Mention | None:
    """A body the article quotes by its common noun, with no one in it named: "police said",
    "the company said", "prosecutors argued", "a police statement said", "the parks service
    said", "according to the police report" (names for it are resolve's, from the same
    article). "A company" is no particular one. "The company" (or "the charity", another kind
    of organisation) is the one organisation the sentence before names, when it names one
    ("vice president of education for Wella. The company said")."""
    if noun_lemma(token.lower_) in ("statement", "report"):
        owner = next((c for c in token.children if c.dep_ == "compound"), None)
        if owner is None:
            return None
        named = mention_at(owner, article.mentions)  # "the Kansas City Police Department report"
        if named is not None:
            return named if named.type in ("ORG", "GPE") else None
        token = owner
    head = noun_lemma(token.lower_)
    determiners = [c.lower_ for c in token.children if c.dep_ in ("det", "poss")]
    if head in _KINDS_OF_BODY and determiners == ["the"] and token.pos_ == "NOUN":
        named = _company_before(token, article)
        if named is not None:
            return named
    if head not in BODY_NOUNS or token.pos_ not in ("NOUN", "PROPN"):
        return None
    plural = token.tag_ in ("NNS", "NNPS") and token.lower_ != head
    if not (determiners == ["the"] or (not determiners and (plural or head == "police"))):
        return None
    words = [c for c in token.lefts if c.dep_ == "compound" and c.text.islower()] + [token]
    start, end = words[0].idx, token.idx + len(token)
    return Mention(article.doc_id, start, end, token.doc.text[start:end], "ORG")


def _company_before(token: Token, article: ArticleContext) -> Mention | None:
    """The organisation "the company" is: the one the sentence before (or its own, before it)
    names, or of several there the one subject ("McNeil Consumer Healthcare, which makes
    Tylenol, said ... “...,” the company said"); when those name none, the organisation the
    article's first sentence is about ("Acme Corp. is launching a doll. ... “...,” the company
    said")."""
    doc = token.doc
    sentence = token.sent
    start = doc[sentence.start - 1].sent.start_char if sentence.start else 0
    named = {m.text: m for m in article.mentions if m.type == "ORG"
             and start <= m.start and m.end <= token.idx}
    if len(named) > 1:
        named = {text: m for text, m in named.items()
                 if (span := doc.char_span(m.start, m.end, alignment_mode="expand")) is not None
                 and span.root.dep_ == "nsubj"}
    if not named:
        return _lead_subject_body(token, article)
    return next(iter(named.values())) if len(named) == 1 else None


def _lead_subject_body(token: Token, article: ArticleContext) -> Mention | None:
    """The organisation, by a proper name, that the article's first sentence makes the subject
    of its verb: the company the story is about ("Bright Toys is launching a doll ...")."""
    doc = token.doc
    lead = next(iter(doc.sents), None)
    if lead is None or lead.end_char > token.idx:
        return None
    for mention in article.mentions:
        if mention.type != "ORG" or mention.start >= lead.end_char:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and span.root.dep_ == "nsubj" and span.root.pos_ == "PROPN" and \
                span.root.head == lead.root:
            return mention
    # "The Scottish SPCA posted a picture": a name the entity model missed.
    subject = next((t for t in lead if t.dep_ == "nsubj" and t.head == lead.root
                    and t.pos_ == "PROPN"), None)
    return None if subject is None else _body_name(subject, article)


def _body_name(token: Token, article: ArticleContext) -> Mention | None:
    """The name of a body the entity model missed, written with "the" and two or more
    capitalised words ("the US Pacific Tsunami Warning Center said"), a nationality's
    adjective among them ("The Scottish SPCA said")."""
    words = token.doc[token.left_edge.i : token.i + 1]
    if words[0].lower_ != "the" or len(words) < 3 or not all(
            w.pos_ in ("PROPN", "ADJ") and w.text[:1].isupper() for w in words[1:]):
        return None
    start, end = words[1].idx, token.idx + len(token)
    return Mention(article.doc_id, start, end, token.doc.text[start:end], "ORG")


def is_role(token: Token) -> bool:
    """A title or rank before a name ("Sgt.", "Police Constable"), not a name's word."""
    word = token.text.rstrip(".").lower()
    return word in TITLES or word in _RANK_WORDS or noun_lemma(word) in PERSON_ROLES


def ancestors(token: Token) -> list[Token]:
    """The token and its heads up to the root of its parse."""
    chain = [token]
    while chain[-1].head.i != chain[-1].i:  # spaCy makes a new Token object per access
        chain.append(chain[-1].head)
    return chain


def mention_at(token: Token, mentions: tuple[Mention, ...]) -> Mention | None:
    """The speaker-type mention that names the phrase headed by ``token``: the head itself, a
    name beside it ("union leader Piet de Vries", "the union leader, Piet de Vries,"), or the
    body a spokesperson speaks for ("a spokesman for the ministry")."""
    left, right = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
    # "Bloomington Police Sgt" is the model's misreading of a title, not a name.
    # A name the parse split (the "al" of "Mahmoud al-Zahar" made a subject of its own) runs
    # past the phrase's right edge: the mention holding the head word counts.
    inside = [m for m in mentions
              if left <= m.start and (m.end <= right or m.start <= token.idx < m.end)
              and m.type in SPEAKER_TYPES
              and m.text.split()[-1].rstrip(".").lower() not in TITLES]
    if token.lower_ in _VOICES:  # "Brazilian officials said": a nationality says nothing
        inside = [m for m in inside if m.type != "NORP"]
    if not inside:
        return None
    titled = _role_misread_as_name(token, inside) or _titled_person(token, inside)
    if titled is not None:
        return titled
    # "union leader Piet de Vries": the mention nearest the head word is the speaker.
    nearest = min(inside, key=lambda m: min(abs(m.start - token.idx), abs(m.end - token.idx)))
    if nearest.start <= token.idx < nearest.end or token.lower_ in _VOICES:
        return nearest
    # "campaigner and former Vice President Al Gore says": the parser joins the name by "and".
    # "Colts interim coach Bruce Arians asked", parsed "Colts" (appos "coach" (appos "Bruce
    # Arians")): a name in apposition to an apposition of the head names it too.
    names = [t for t in token.children if t.dep_ == "appos" or (
        t.dep_ in ("compound", "conj") and t.ent_type_ == "PERSON")]
    names += [t for a in names if a.dep_ == "appos" for t in a.children if t.dep_ == "appos"]
    named = [m for m in inside if any(m.start <= t.idx < m.end for t in names)]
    return named[0] if named else None


def _role_misread_as_name(token: Token, inside: list[Mention]) -> Mention | None:
    """The person named in apposition to a head the entity model read as a name though "the"
    leads it ("said the Executive Clerk of the Monuments Council, Óscar Acuña"): a name takes
    no article, so the capitalised words are an office and the apposed name holds it."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) or not any(
            m.type == "PERSON" and m.start <= token.idx < m.end for m in inside):
        return None
    apposed = [c for c in token.children if c.dep_ == "appos"]
    return next((m for m in inside if m.type == "PERSON" and not m.start <= token.idx < m.end
                 and any(m.start <= c.idx < m.end for c in apposed)), None)


def _titled_person(token: Token, inside: list[Mention]) -> Mention | None:
    """The person a rank or role heading the phrase is the title of, named right after its
    capitalised words ("Inspector-General of Police Khalid Abu Bakar", which the entity model
    reads as a body and a name) or after a comma ("the prosecutor, Mustafa Suleiman,"); not
    "the lawyer for John Smith", his client."""
    if not is_role(token):
        return None
    text = token.doc.text
    after = token.idx + len(token)
    # "said King, who is being updated by Secret Service Director Mark Sullivan": a name in a
    # clause describing the one titled (or named: "King" is a title too) is someone else.
    clauses = [(c.left_edge.idx, c.right_edge.idx) for c in token.children
               if c.dep_ in ("relcl", "acl")]
    inside = [m for m in inside if not any(a <= m.start <= b for a, b in clauses)]
    # "Secretary of the Interior Dirk Kempthorne", "Ambassador to Italy Anton Belov": a
    # capitalised office runs on through "of the" or "to" into the name, which the entity
    # model reads with the office's last word (as a person or a body); a role in lower case
    # ("the lawyer of John Smith") is someone else's.
    if token.text[:1].isupper() and not token.is_sent_start:
        holder = next((held for m in inside if text[after : m.start].split() in OFFICE_LINKS
                       and (held := past_office(m)) is not None), None)
        if holder is not None:
            return holder
    return next((m for m in inside if m.type == "PERSON" and m.start > token.idx and (
        text[:m.start].rstrip().rsplit(None, 1)[-1][:1].isupper()
        or text[after : m.start].strip() == ",")), None)


def description_at(token: Token, article: ArticleContext) -> Mention | None:
    """The speaker a verb of saying's subject describes when it names no one ("said a Western
    diplomat", "one juror said", "a spokesman for the grocer said", "U.S. officials said"): a
    noun of a person or a group, with the words before it and the prepositional phrases and
    adjectives right after it, as the article prints them ("a source with knowledge of the
    talks", "a source familiar with the case"), not a clause or an aside set off by a comma.
    A pronoun is the one brought in unnamed it stands for ("a hospital official said. ... “...,”
    he told reporters"), or no one; a document ("the report said") or a name is no
    description."""
    if token.lower_ in PRONOUNS:
        unnamed = article.antecedents.unnamed_of(token)
        return None if unnamed is None else description_at(unnamed, article)
    if token.lower_ == "they":
        group = _group_before(token, article)
        return None if group is None else description_at(group, article)
    head = _counted(token)
    if head is None or head.pos_ not in ("NOUN", "PROPN") or head.ent_type_ in SPEAKER_TYPES:
        return None
    noun = noun_lemma(head.lower_)
    if not (is_person_noun(noun) or noun in BODY_NOUNS or noun in _SOURCE_NOUNS):
        return None
    quoted = article.antecedents.quoted
    if _titled(head) or (_definite(token) and not _introduced_unnamed(head, quoted)):
        return None
    start, end = _description_span(token, head, quoted)
    return Mention(article.doc_id, start, end, token.doc.text[start:end], DESCRIBED)


def _description_span(token: Token, head: Token, quoted: Sequence[tuple[int, int]]
                      ) -> tuple[int, int]:
    """The characters of the subject ``token`` heads as a description: from its first word to
    its noun ``head`` and the prepositional phrases and adjectives right after it ("a source
    with knowledge of the talks"), up to a comma; a longer one is cut at its noun."""
    doc = token.doc
    first = token.left_edge
    # Words in quote marks are someone's words, not the description ("'wrong message'
    # investor says" is an investor).
    while first.i < token.i and (first.is_punct or first.is_quote or first.is_space or any(
            a <= t.idx < b for t in doc[first.i : token.i] for a, b in quoted)):
        first = doc[first.i + 1]
    last = head
    for child in head.rights:
        if child.dep_ not in ("prep", "amod") or any(
                t.is_punct or t.is_space for t in doc[last.i + 1 : child.right_edge.i + 1]):
            break
        last = child.right_edge
    if last.i - first.i >= _DESCRIPTION_WORDS:
        last = head
    return first.idx, last.idx + len(last)


def _titled(head: Token) -> bool:
    """Is the noun a capitalised title ("said Secretary of the Interior Dirk Kempthorne", "The
    Prime Minister said"): the one holder of an office, named or misread, no unnamed source?"""
    return is_role(head) and head.text[:1].isupper() and not head.is_sent_start


def _definite(noun: Token) -> bool:
    """Does "the", "this" or "that" point the noun back to someone the article brought in?"""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)


def _introduced_unnamed(noun: Token, quoted: Sequence[tuple[int, int]]) -> bool:
    """Did the article bring in someone by this noun unnamed before, outside quotation marks
    ("a Western diplomat" before "the diplomat said")? "The assistant US attorney said" after a
    prosecutor named in full is that person, whom the speaker search failed to read back, not
    someone unnamed."""
    lemma = noun_lemma(noun.lower_)
    return any(noun_lemma(t.lower_) == lemma and t.pos_ == "NOUN" and not t.ent_type_
               and not any(a <= t.idx < b for a, b in quoted) and (
                   any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in t.children)
                   or (t.tag_ == "NNS" and not any(c.dep_ in ("det", "poss") for c in t.children)))
               for t in noun.doc[: noun.i])


def _counted(token: Token) -> Token | None:
    """The noun a subject is about: "jurors" of "one of the jurors", else the subject itself."""
    return token if token.lower_ not in COUNTING else _of_noun(token)


def _of_noun(token: Token) -> Token | None:
    """The noun of the "of" phrase hung on ``token`` ("photographers" of "a phalanx of
    photographers"), if any."""
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return None if of is None else next((c for c in of.children if c.dep_ == "pobj"), None)
