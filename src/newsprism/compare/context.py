"""Statements whose subject is in their context: what they assert depends on the sentence
before, so two of them alike in words need not say one thing."""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from newsprism.analyse.nlp import TITLES
from newsprism.analyse.resolve import NAME_PARTICLES, given_name_key
from newsprism.analyse.resolve import TITLES as NAME_TITLES
from newsprism.compare.align import actor_key
from newsprism.compare.predicates import REPORTING
from newsprism.compare.quotes import (
    NEAR_VERBATIM,
    VERBATIM_WORDS,
    holds_quote_marks,
    quotes_within,
    remark_words,
    speaker_words,
)
from newsprism.model import Entity, Mention, Quote, Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from newsprism.analyse.pronouns import Antecedents

# A statement in the reporter's voice that opens on a word pointing back ("That resistance led
# indirectly to Nixon's resignation", "It ultimately ..."): its subject is what the article said
# just before.
_POINTS_BACK = re.compile(r"(?:that|this|these|those|it)\b", re.IGNORECASE)


def points_back(text: str) -> bool:
    """Does ``text`` open on a word pointing back to the sentence before, with no quotation in
    it (a quoted remark is the speaker's words, whatever they point to)?"""
    return bool(_POINTS_BACK.match(text.lstrip())) and not holds_quote_marks(text)


def pointing_back_apart(texts: Sequence[str]) -> np.ndarray:
    """True where both texts point back (``points_back``) and are not nearly word for word (a
    copy of one article's paragraph, its context copied too): "That resistance led indirectly
    to Nixon's resignation" and "That ultimately led to the resignation of President Richard M.
    Nixon" may say it of two things (28_ecb: two reports' "That" were two events)."""
    back = [i for i, text in enumerate(texts) if points_back(text)]
    words = {i: remark_words(texts[i]) for i in back}
    apart = np.zeros((len(texts), len(texts)), dtype=bool)
    for n, i in enumerate(back):
        for j in back[n + 1 :]:
            ratio = SequenceMatcher(None, words[i], words[j], autojunk=False).ratio()
            apart[i, j] = apart[j, i] = ratio < NEAR_VERBATIM
    return apart


def questions_apart(statements: Sequence[Span], quotes: Sequence[Quote]) -> np.ndarray:
    """True for every pair one of whose statements is a question in the reporter's voice ("So
    what do you think?", "Will the truce hold?"): it asks, and asserts nothing another report
    could corroborate (6_ecbplus: two blogs' questions to their readers). A question in quote
    marks, or inside a quotation the analysis found, is someone's remark, and two reports of it
    one remark."""
    asking = np.array([_asks(s, quotes) for s in statements], dtype=bool)
    return asking[:, None] | asking[None, :]


def _asks(statement: Span, quotes: Sequence[Quote]) -> bool:
    return (statement.text.rstrip(" )]").endswith("?")
            and not holds_quote_marks(statement.text) and not quotes_within(statement, quotes))


# A statement in the reporter's voice whose subject is "he" or "she" ("He declined to comment
# on ..."): who it is, the article said before.
_PERSONAL = re.compile(r"(?:he|she)\b", re.IGNORECASE)
# A person's account of themselves: a verb of reporting, and a pronoun that may be its subject's
# ("Dalton says the bullet went through his neck", "The bullet, he said, went over his ...").
_PRONOUN = re.compile(r"\b(?:he|him|his|she|her)\b", re.IGNORECASE)
# What a pronoun of one's own account is in the words reported: their subject or possessor.
_OWN = frozenset({"nsubj", "nsubjpass", "poss"})
_REPORTED = re.compile(rf"\b(?:{'|'.join(sorted(REPORTING - {'according'}))})\b", re.IGNORECASE)


def persons_apart(statements: Sequence[Span], mentions: Sequence[Mention],
                  entities: Sequence[Entity], texts: dict[str, str]) -> np.ndarray:
    """True where two statements of two articles are each of one person, in the reporter's voice,
    and their articles name two different people as that person: a statement opening on "he" or
    "she" is of the one the pronoun stands for, as is a person's account of themselves
    (``_own_account``: "Dalton says the bullet went through his neck"; an opening "he" that
    reports, "He said that she grew up in the parish", is read only as such, here of no one).
    "He declined to comment on whether he knew anything about the crash" (the girl's father) and
    "He declined to comment on the status of the other two people aboard" (the sheriff) are two
    men's refusals (40ca156d); Dalton's bullet and "The bullet, he said, went over his left
    shoulder" (an officer shot at) two men's (22_ecbplus). A pronoun is read
    (``analyse.pronouns``, as speakers are) only where that person is the one the article names
    last before it of the pronoun's gender or of none told (``_named_last``) and the article
    tells their gender as the pronoun's: a story's narrative "she" after "..., her agent Mark
    Roesler said" is the actress, not the agent the speakers' reading takes, and "She was taken
    to hospital" after "..., Thomas said" the girl, not the store manager (whose gender the
    article does not tell). A statement either article names no one for tells nothing, and
    leaves the pair alone. Two people are one when resolution made them one entity or they share
    their last name word ("Ms Page", "Bettie Mae Page")."""
    chosen = [i for i, s in enumerate(statements) if not holds_quote_marks(s.text) and (
        _PERSONAL.match(s.text.lstrip())
        or (_PRONOUN.search(s.text) and _REPORTED.search(s.text)))]
    apart = np.zeros((len(statements), len(statements)), dtype=bool)
    pairs = [(i, j) for n, i in enumerate(chosen) for j in chosen[n + 1 :]
             if statements[i].doc != statements[j].doc]
    if not pairs:
        return apart
    docs = {statements[k].doc for pair in pairs for k in pair}
    people = _people_of({k for pair in pairs for k in pair}, statements, mentions, entities,
                        {doc: texts[doc] for doc in docs})
    for i, j in pairs:
        if people[i] is not None and people[j] is not None and not people[i] & people[j]:
            apart[i, j] = apart[j, i] = True
    return apart


def _people_of(chosen: set[int], statements: Sequence[Span], mentions: Sequence[Mention],
               entities: Sequence[Entity], texts: dict[str, str]
               ) -> dict[int, frozenset[str] | None]:
    """Whom each chosen statement is of (see ``persons_apart``), as the entity id (where one
    holds the mention), the person's key and last name word; None where its article names no
    one who fits, or not as the one named last, or tells no gender of theirs or another. Each
    article is parsed once, whole: the antecedent may be paragraphs back."""
    from newsprism.analyse.nlp import load_nlp
    from newsprism.analyse.pronouns import Antecedents
    from newsprism.analyse.quotemarks import find_quotations

    entity_of = {(m.doc, m.start, m.end): e.id for e in entities for m in e.mentions}
    nlp = load_nlp("full")
    people: dict[int, frozenset[str] | None] = {}
    for doc_id, text in texts.items():
        doc = nlp(text, disable=["ner"])
        quoted = [span for quotation in find_quotations(doc.text) for span in quotation]
        antecedents = Antecedents(doc, [m for m in mentions if m.doc == doc_id], quoted)
        for k in (k for k in chosen if statements[k].doc == doc_id):
            span = doc.char_span(statements[k].start, statements[k].end,
                                 alignment_mode="expand")
            if span is None:
                people[k] = None
                continue
            first = next(t for t in span if not t.is_space)
            if _PERSONAL.match(statements[k].text.lstrip()) and first.head.lower_ not in REPORTING:
                people[k] = _person(first, antecedents, entity_of)
            else:
                people[k] = _own_account(span, antecedents, entity_of)
    return people


def _own_account(span: SpacySpan, antecedents: Antecedents,
                 entity_of: dict[tuple[str, int, int], str]) -> frozenset[str] | None:
    """The person a statement reports an account of themselves from: the subject of a verb of
    reporting, named or "he"/"she", where a pronoun of the words reported stands for them too
    ("Dalton says the bullet went through his neck"; "The bullet, he said, went over his
    shoulder"). "Police say he fled" or "Smith said the man fled" is no one's account of
    themselves; nor is one whose pronoun is only an object ("After two hours, he said, the
    gunman gave himself up and police cuffed him"): the one acted on is often the story's
    other man, whom it does not name there; nor one whose pronoun comes after another person's
    name ("Miliote said Gomes was on probation when he was arrested": Gomes's)."""
    from newsprism.analyse.pronouns import PRONOUN_GENDER

    for word in span:
        subject = next((c for c in word.children if c.dep_ == "nsubj"), None)
        if word.lower_ not in REPORTING or subject is None:
            continue
        if subject.lower_ in PRONOUN_GENDER:
            person = _person(subject, antecedents, entity_of)
        else:
            person = _named_person(subject, antecedents, entity_of)
        own = [_person(t, antecedents, entity_of) for t in span
               if t.lower_ in PRONOUN_GENDER and t.dep_ in _OWN and t.i != subject.i
               and not _named_between(subject, t, antecedents)]
        if person is not None and any(found is not None and found & person for found in own):
            return person
    return None


def _named_between(subject: Token, pronoun: Token, antecedents: Antecedents) -> bool:
    """Does the article name a person other than ``subject`` between it and ``pronoun``?"""
    start, end = sorted((subject.idx + len(subject), pronoun.idx))
    return any(start <= m.start and m.end <= end and not m.start <= subject.idx < m.end
               for m in antecedents.people)


def _named_person(word: Token, antecedents: Antecedents,
                  entity_of: dict[tuple[str, int, int], str]) -> frozenset[str] | None:
    """The person ``word`` names, where it is a word of a name of a person the article names."""
    found = next((m for m in antecedents.people if m.start <= word.idx < m.end), None)
    return None if found is None else _person_keys(found, antecedents, entity_of)


def _person(pronoun: Token, antecedents: Antecedents,
            entity_of: dict[tuple[str, int, int], str]) -> frozenset[str] | None:
    """Whom ``pronoun`` stands for (see ``_people_of``): a person named last before it of its
    gender (``_named_last``), whose gender the article tells as the pronoun's, or tells of no
    one but the others named there, of the other gender."""
    from newsprism.analyse.pronouns import PRONOUN_GENDER

    found = antecedents.of(pronoun)
    if found is None:
        return None
    key = antecedents.key(found)
    gender = PRONOUN_GENDER[pronoun.lower_]
    named, told_apart = _named_last(pronoun, antecedents, gender)
    if named != {key} or antecedents.genders().get(key, gender if told_apart else None) != gender:
        return None
    return _person_keys(found, antecedents, entity_of)


def _person_keys(found: Mention, antecedents: Antecedents,
                 entity_of: dict[tuple[str, int, int], str]) -> frozenset[str]:
    """What names the person of the mention ``found``: its key in its article, its last name
    word, its entity (resolved across the articles); two people sharing any are one."""
    key = antecedents.key(found)
    entity = entity_of.get((found.doc, found.start, found.end), key)
    return frozenset({key, key.split()[-1], entity})


def _named_last(pronoun: Token, antecedents: Antecedents, gender: str
                ) -> tuple[set[str], bool]:
    """The people (by ``Antecedents.key``) named in the nearest stretch before ``pronoun`` that
    names anyone (its own sentence up to it, else the sentences before, one at a time) who may
    be of ``gender`` (told so, or not told), and whether that stretch names someone told to be
    of the other gender: then the pronoun's gender is what picks among them ("Officer Michael
    Murphy testified that Hiller fired at him. The bullet, he said, ...": Murphy)."""
    genders = antecedents.genders()
    sentence, end = pronoun.sent, pronoun.idx
    while True:
        named = {antecedents.key(m) for m in antecedents.people
                 if sentence.start_char <= m.start and m.end <= end}
        if named or sentence.start == 0:
            return ({key for key in named if genders.get(key, gender) == gender},
                    any(genders.get(key, gender) != gender for key in named))
        end = sentence.start_char
        sentence = pronoun.doc[sentence.start - 1].sent


# A speaker's words about themselves: "I", "me", "my" (case kept for "I": "ME" may be Maine).
_FIRST_PERSON = re.compile(r"\bI\b|\b[Mm](?:e|y|ine|yself)\b")


def speakers_apart(statements: Sequence[Span], quotes: Sequence[Quote],
                   entities: Sequence[Entity], called: Sequence[dict[str, frozenset[str]]]
                   ) -> np.ndarray:
    """True where a statement of one article quotes a person speaking of themselves ("I can't
    believe this has happened," said the victim's mother) and one of another article is of
    other people only: another person's words of themselves, or a statement whose people
    (``called``: ``StatementNames.called``, by what they are called; a reported "X said he
    can't believe it happened" is of X) share no name word with the speaker. "I" is the
    speaker, so the two say it of two people, however alike their words (2a72476f: a neighbour
    and a mother). Two quotations sharing a run of ``VERBATIM_WORDS`` words word for word are
    one remark whoever each article gives it to (a speaker misread on one side, a TV station
    taken for a person), as ``quotes.cut_apart`` reads such runs."""
    speaking = _first_person_speakers(statements, quotes, entities)
    people = [set(c.get("PERSON", ())) | set(found[0] if found else ())
              for c, found in zip(called, speaking, strict=True)]
    apart = np.zeros((len(statements), len(statements)), dtype=bool)
    for i, found in enumerate(speaking):
        if found is None:
            continue
        for j, others in enumerate(people):
            if statements[i].doc == statements[j].doc or not others or people[i] & others:
                continue
            other = speaking[j]
            if other is not None and _run_shared(found[1], other[1]) >= VERBATIM_WORDS:
                continue
            apart[i, j] = apart[j, i] = True
    return apart


def _run_shared(a: Sequence[str], b: Sequence[str]) -> int:
    """The length of the longest run of words ``a`` and ``b`` share word for word."""
    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match(
        0, len(a), 0, len(b)).size


def _first_person_speakers(statements: Sequence[Span], quotes: Sequence[Quote],
                           entities: Sequence[Entity]
                           ) -> list[tuple[frozenset[str], list[str]] | None]:
    """For each statement, the name words of the one person whose quotation it holds words of
    in the first person singular (``_FIRST_PERSON``), with those quoted words
    (``remark_words``), where they are half its words or more (a reporter's fact with a remark
    added, "Chief Ortiz said two men were arrested, adding: "I am proud of my officers."", is
    the fact's too); None where it holds none, or quotes more than one speaker, or one not read
    as a person (an organisation says "we")."""
    kinds = {e.name: e.type for e in entities}
    by_doc: dict[str, list[Quote]] = {}
    for q in quotes:
        if q.kind != "name":
            by_doc.setdefault(q.doc, []).append(q)
    found: list[tuple[frozenset[str], list[str]] | None] = []
    for s in statements:
        held = quotes_within(s, by_doc.get(s.doc, ()))
        speaker = held[0].speaker if len({q.speaker for q in held}) == 1 else None
        if speaker is None or not _a_person(held[0], kinds):
            found.append(None)
            continue
        words = " ".join(s.text[max(q.start - s.start, 0) : q.end - s.start] for q in held)
        quoted = remark_words(words)
        mostly = len(quoted) * 2 >= len(remark_words(s.text))
        first_person = mostly and _FIRST_PERSON.search(words)
        found.append((speaker_words(speaker), quoted) if first_person else None)
    return found


def _a_person(quote: Quote, kinds: dict[str, str]) -> bool:
    kind = kinds.get(quote.speaker or "") or (quote.speaker_mention.type
                                              if quote.speaker_mention else None)
    return kind == "PERSON"


# Words before a surname that are no given name: titles, honorifics and ranks ("Mr.", "Sgt.",
# "Trooper").
_NOT_GIVEN = TITLES | NAME_TITLES
# Two spellings of given names this alike (difflib's ratio of their ``given_name_key``) may
# name one person: "katrin" / "katerine" 0.86, "hisam" / "hesam" 0.8; "mark" / "mari" 0.75.
SIMILAR_NAME = 0.8
# A person's age set off right after their name: "John Hale, 45, was charged".
_AGE_AFTER = re.compile(r",\s*(\d{1,3})\s*,")


class _Person(NamedTuple):
    """A person as one statement gives them beside their surname: given names, age (""), and
    the entity resolution made of the mention (else "")."""

    given: tuple[str, ...]
    age: str
    entity: str


def relatives_apart(statements: Sequence[Span], mentions: Sequence[Mention],
                    entities: Sequence[Entity]) -> np.ndarray:
    """True where two statements of two articles name people of one surname by given names or
    ages that cannot be one person's (``_people_named``): "John Huggins was charged with arson"
    and "Mary Huggins was charged with arson", or "Huggins, 45," and "Huggins, 19,", are two
    relatives' charges, not one actor's, though compare reads a person by surname
    (``align.actor_key``). A bare surname ("Huggins was charged") may be either, and leaves the
    pair alone; so do names where each holds one the other may be, and mentions resolution
    made one entity ("Bettie Page" / "Betty Page")."""
    kinds = {(m.doc, m.start): e.type for e in entities for m in e.mentions}
    entity_of = {(m.doc, m.start): e.id for e in entities for m in e.mentions}
    persons: dict[str, list[Mention]] = {}
    for m in mentions:
        if kinds.get((m.doc, m.start), m.type) == "PERSON":
            persons.setdefault(m.doc, []).append(m)
    common = _no_given_names(statements)
    people = [_people_named(s, [m for m in persons.get(s.doc, ()) if s.start <= m.start < s.end
                                and not _in_title_case(s, m)], entity_of, common)
              for s in statements]
    apart = np.zeros((len(statements), len(statements)), dtype=bool)
    named = [i for i, found in enumerate(people) if found]
    for n, i in enumerate(named):
        for j in named[n + 1 :]:
            if statements[i].doc != statements[j].doc and _other_people(people[i], people[j]):
                apart[i, j] = apart[j, i] = True
    return apart


def _no_given_names(statements: Sequence[Span]) -> set[str]:
    """Words no given name of the cluster's: those its statements write in lower case.
    "Without Felt's information" and "Teenager Autumn Veatch" are the entity model's slips.
    (The one-word names of its places and bodies were tried too: the model takes a lone given
    name, "Chela", for a place as often as "Reuters" for a given name.)"""
    return {word for s in statements for word in re.findall(r"\b[a-z]+\b", s.text)}


def _people_named(statement: Span, persons: Sequence[Mention],
                  entity_of: dict[tuple[str, int], str], common: set[str]
                  ) -> dict[str, set[_Person]]:
    """The people a statement names (``persons``: its mentions of people) with a given name or
    an age, by surname (``actor_key``): each as its own words give them ("W. Mark Felt, 91,":
    ("w", "mark"), "91"). A surname alone is left out: it names no one of it in particular.
    Nor does a name holding a word of ``common`` (``_no_given_names``) give a given name."""
    people: dict[str, set[_Person]] = {}
    for m in persons:
        surname = actor_key(m.text, "PERSON")
        words = [w for w in re.findall(r"[^\W\d_]+", m.text.casefold()) if w not in _NOT_GIVEN]
        age = _AGE_AFTER.match(statement.text, m.end - statement.start)
        given = [w for w in words[: words.index(surname)] if w not in NAME_PARTICLES] \
            if surname in words else []  # "al" of "Bashar al-Assad" is his surname's
        # One doubtful word and the name tells no one: dropped alone, it could leave "Mae" of
        # "Bettie Mae Page" to face "Betty Page" as another person.
        person = _Person(() if common.intersection(given) else tuple(given),
                         age.group(1) if age else "", entity_of.get((m.doc, m.start), ""))
        if person.given or person.age:
            people.setdefault(surname, set()).add(person)
    return people


def _in_title_case(statement: Span, mention: Mention) -> bool:
    """Is a mention set among words written in title case, as a headline's are? Their capitals
    tell no names: "Collins Joins Murkowski And Criticizes McConnell's Promise To Coordinate"
    gives the entity model "Criticizes McConnell"."""
    before = re.findall(r"[^\W\d_]+", statement.text[: mention.start - statement.start])[-3:]
    rest = re.sub(r"^['’]s\b", "", statement.text[mention.end - statement.start :])  # "’s"
    after = re.findall(r"[^\W\d_]+", rest)[:3]
    return len(before) + len(after) >= 4 and all(w[0].isupper() for w in before + after)


def _other_people(first: dict[str, set[_Person]], second: dict[str, set[_Person]]) -> bool:
    """Does each side name someone of a shared surname whom none of the other's people of that
    surname may be?"""
    return any(_unmatched_person(first[name], second[name])
               and _unmatched_person(second[name], first[name])
               for name in first.keys() & second.keys())


def _unmatched_person(people: set[_Person], others: set[_Person]) -> bool:
    return any(not any(_may_be_one(person, other) for other in others) for person in people)


def _may_be_one(person: _Person, other: _Person) -> bool:
    """May two people of one surname be one? Their ages, where both give one, are one; and of
    their given names, where both give some, one of the one's may be one of the other's
    (``_one_given_name``). "John" / "Mary" cannot."""
    if person.entity and person.entity == other.entity:
        return True
    if person.age and other.age and person.age != other.age:
        return False
    return not person.given or not other.given or any(
        _one_given_name(a, b) for a in person.given for b in other.given)


def _one_given_name(one: str, other: str) -> bool:
    """May two given names be one person's? One begins the other (an initial, "J." / "John"; a
    short form, "Joe" / "Joseph"), or they are one name spelt otherwise (``given_name_key``:
    "Bettie" / "Betty", "Bill" / "William"), or nearly (``SIMILAR_NAME`` of their letters:
    "Kathryn" / "Katherine", "Hisham" / "Hesham", "Kurbanguly" / "Gurbanguly": a name
    written from another script varies). Looser than resolution's test, for a false apart
    loses a true link: "Michael" / "Michelle" stay one actor here, as on main, though
    resolution keeps them two people; "Mark" / "Mary" and "Dale" / "David" are two."""
    keys = given_name_key(one), given_name_key(other)
    return one.startswith(other) or other.startswith(one) or keys[0] == keys[1] \
        or SequenceMatcher(None, *keys).ratio() >= SIMILAR_NAME
