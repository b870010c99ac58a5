"""Who a personal pronoun ("he", "she") stands for, among the people an article names.

The candidates are the people named before the pronoun outside quotation marks (a name inside
someone's quoted words is what they talk about, not the narrative's subject). A pronoun agrees
in gender with the person it stands for, and the article itself says each person's gender: an
honorific or gendered noun before the name ("Mr. Banky", "Msgr. Farmer", "Sister Carol
Keehan"), a gendered noun in apposition ("Tehran
Boldon, Michael Boldon's brother"), or the first "he"/"his" or "she"/"her" after the name in its
sentence before anyone else is named ("Angela Benson, who had just left the store with her two
sons"; both a he and a she there tell nothing). A person whose gender the article does not tell
stays a candidate, but for a pronoun inside someone's quoted words, which may be of anyone in
the speaker's story: there only the person the article is about (named first). Of the
candidates, the one named in the phrase a relative clause of the pronoun describes wins ("a
tweet from Trump in which he criticized"), else the latest subject of a clause, else the latest
named; but when that one's gender is untold and the person the article is about (named first) is
told of the pronoun's, she is the one ("her agent, Mark Roesler, said. ... “...,” she said"),
unless that one is the subject of the pronoun's own sentence or of the one right before it
("Damon said there was “...”.\n\nHe added": a subject goes on), and not given as the
relation of someone of the pronoun's gender ("her agent"). A pronoun that is the subject of a
relative clause on a name ("Matt Damon, whom she once dated"), or one after a name given as
the relation of someone of its gender, tells nothing of that name's gender. A
name that opens a paragraph counts as its subject, and so does a name a "who" clause describes
("joined by Vladimir Putin, who is in China"): a parse that runs a sentence on over a blank line
(after a heading) may make it an object of the heading; so does a name set off by commas before
the verb, or the one the subject is identified as ("That student, later identified as Niya
Kenny, told"), but not the subject of what someone reports ("asserting that pastor Jean Sanbil
allowed it") or of a clause trailing its verb ("... when Fields entered the class"), nor does
the pronoun after such a one tell their gender. Someone brought in unnamed as a subject (not of
what someone reports) or as a source after the candidate ("said a senior officer", "An analyst
for USGS commented", "his mother opened the door", "According to a relative", and "the friend"
after "a friend") takes the pronoun, which then names no one, or the
body an unnamed spokesperson speaks for; someone brought in by a role with "the" ("The mayor
complimented the protesters. But he added") takes it for the one person the article titled so,
or no one. The pronoun of a reply ("“Yes,” he responded") stands for the one asked just before
("Lynch asked Coleman"), not for the one asking.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Literal

from newsprism.analyse.entities import PERSON_ROLES
from newsprism.analyse.nlp import noun_lemma, title_noun
from newsprism.analyse.quotemarks import BLANK_LINE
from newsprism.analyse.resolve import bare_name, name_tokens
from newsprism.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

Gender = Literal["m", "f"]
PRONOUN_GENDER: dict[str, Gender] = {
    **dict.fromkeys(("he", "him", "his", "himself"), "m"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "f"),
}
# The clergy's too: "Msgr." (Monsignor) and "Fr." (Father) are men's, "Sr." (Sister) women's.
_HONORIFICS: dict[str, Gender] = {"mr": "m", "sir": "m", "mrs": "f", "ms": "f", "miss": "f",
                                  "msgr": "m", "monsignor": "m", "fr": "m", "sr": "f"}
_GENDERED_NOUNS: dict[str, Gender] = {
    **dict.fromkeys((
        "man", "boy", "father", "son", "brother", "husband", "uncle", "nephew", "grandfather",
        "grandson", "widower", "king", "prince", "spokesman", "chairman", "businessman",
        "congressman", "boyfriend", "stepfather", "dad",
    ), "m"),
    **dict.fromkeys((
        "woman", "girl", "mother", "daughter", "sister", "wife", "aunt", "niece",
        "grandmother", "granddaughter", "widow", "queen", "princess", "spokeswoman",
        "chairwoman", "businesswoman", "congresswoman", "girlfriend", "stepmother", "mom",
        "actress",
    ), "f"),
}  # fmt: skip
KIN = {"father", "mother", "son", "daughter", "brother", "sister", "husband", "wife", "uncle",
        "aunt", "nephew", "niece", "grandfather", "grandmother", "grandson", "granddaughter",
        "stepfather", "stepmother", "dad", "mom", "boyfriend", "girlfriend"}
# People a news story brings in by what they are rather than by name, besides roles and kin.
_PEOPLE = {"reporter", "correspondent", "doctor", "nurse", "resident", "pilot", "survivor",
           "worker", "employee", "neighbour", "neighbor", "friend", "student", "teacher",
           "source", "member", "passenger", "driver", "investigator", "researcher", "scientist",
           "engineer", "soldier", "villager", "person", "victim", "relative", "volunteer",
           "native", "actor", "singer", "star", "player", "athlete", "veteran"}


_AFTER_TIME = re.compile(r"(?:\d:\d\d|\b[ap]\.?m\.?) $", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][”’\"')\]]*\s")
_WORD = re.compile(r"[a-z]+")
_CARRIED_ON = 3  # sentences a pronoun may carry a subject on through, each with a pronoun
SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson", "representative"}
_REPLYING = {"answer", "answers", "answered", "respond", "responds", "responded", "reply",
             "replies", "replied"}
_ASKING = {"ask", "asks", "asked", "asking"}
# The words between a capitalised office and the place it is of ("Secretary of the Interior",
# "Ambassador to Italy"), after which the entity model may run the place into the holder's name.
OFFICE_LINKS = (["of", "the"], ["of"], ["to"], ["to", "the"])
_OFFICE_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+(?:of|to)(?:\s+the)?\s+$")


def past_office(mention: Mention) -> Mention | None:
    """The person named at the end of a mention that begins with an office's last words
    ("Interior Dirk Kempthorne", "United Kingdom Gordon Brown" of "Prime Minister of the United
    Kingdom Gordon Brown"): a given name and a surname, with a middle initial between if any,
    all capitalised after at least one word of the office; else None."""
    words = mention.text.split()
    size = 3 if len(words) > 3 and re.fullmatch(r"[A-Z]\.?", words[-2]) else 2
    if mention.type not in ("PERSON", "ORG") or len(words) <= size or not all(
            w[:1].isupper() for w in words[-size:]):
        return None
    name = " ".join(words[-size:])
    if not mention.text.endswith(name):
        return None
    return Mention(mention.doc, mention.end - len(name), mention.end, name, "PERSON")


def office_holders(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """The people named at the end of bodies the entity model ran a capitalised office's place
    into ("Russian Ambassador to Italy Sergei Razov": "Italy Sergei Razov", a body): a pronoun
    after it stands for the ambassador."""
    held = []
    for mention in mentions:
        office = _OFFICE_BEFORE.search(text, max(mention.start - 40, 0), mention.start)
        if mention.type == "ORG" and office is not None and \
                noun_lemma(office[1].lower()) in PERSON_ROLES and \
                (holder := past_office(mention)) is not None:
            held.append(holder)
    return held


def is_person_noun(noun: str) -> bool:
    """Does the (singular, lower-case) noun stand for a person: a role, kin or the like?"""
    return noun in PERSON_ROLES or noun in _GENDERED_NOUNS or noun in _PEOPLE


def surname(mention: Mention) -> str:
    """The last word of a person's name as the article writes it."""
    return mention.text.split()[-1].casefold()


class Antecedents:
    """The people one article names outside quotations, and the gender it gives each."""

    def __init__(self, doc: Doc, mentions: Sequence[Mention],
                 quoted: Sequence[tuple[int, int]]) -> None:
        self.doc = doc
        self.text = doc.text  # spaCy rebuilds it from the tokens on every access
        self.quoted = quoted
        # "just after 3 a.m. CT": a time zone the entity model took for a person.
        self.people = [m for m in mentions if m.type == "PERSON"
                       and not any(a <= m.start < b for a, b in quoted)
                       and not _AFTER_TIME.search(self.text, max(m.start - 8, 0), m.start)]
        held = [m for m in office_holders(self.text, mentions)
                if not any(a <= m.start < b for a, b in quoted)]
        if held:
            self.people = sorted([*self.people, *held], key=lambda m: m.start)
        self.bodies = [m for m in mentions if m.type in ("ORG", "GPE")]
        self._genders: dict[str, Gender] | None = None
        self._full_names = [(m, words) for m in self.people
                            if len(words := name_tokens(bare_name(m.text, "PERSON"))) > 1]

    def key(self, mention: Mention) -> str:
        """Whom the mention names in this article, as a key its other mentions of that person
        share: a full name its first and last words ("Todd Hardy" and "Aimee Hardy" are two
        people, "George W. Bush" and "George Bush" one); a surname alone or titled ("Hardy",
        "Mrs. Hardy") the person the article last named in full with it before, else the one
        it names so anywhere, else the surname. Two first names are never one person."""
        words = name_tokens(bare_name(mention.text, "PERSON")) or (surname(mention),)
        if len(words) > 1:
            return f"{words[0]} {words[-1]}"
        named = [(m, full) for m, full in self._full_names if full[-1] == words[0]]
        earlier = [full for m, full in named if m.end <= mention.start]
        if earlier:
            return f"{earlier[-1][0]} {earlier[-1][-1]}"
        if len({(full[0], full[-1]) for _, full in named}) == 1:
            return f"{named[0][1][0]} {words[0]}"
        return words[0]

    def of(self, pronoun: Token) -> Mention | None:
        """The person ``pronoun`` stands for, or None when the article names no one who fits;
        a word that is no pronoun stands for anyone of the gender its noun tells ("the
        41-year-old woman": a woman), or of either ("the 29-year-old")."""
        return self._reading(pronoun)[0]

    def unnamed_of(self, pronoun: Token) -> Token | None:
        """The noun of the person brought in unnamed whom ``pronoun`` stands for, when no name
        comes of it ("a hospital official said. ... “...,” he told reporters": "official")."""
        found, unnamed = self._reading(pronoun)
        return unnamed if found is None else None

    def _reading(self, pronoun: Token) -> tuple[Mention | None, Token | None]:
        """The person ``pronoun`` stands for, and the noun of the one brought in unnamed it
        stands for instead, if any (then the person is the name that noun gives, or None)."""
        gender = PRONOUN_GENDER.get(pronoun.lower_) or _GENDERED_NOUNS.get(
            noun_lemma(pronoun.lower_))
        genders = self.genders()
        # Inside someone's quoted words ("He drove off and scolded me, 'You'll be sorry'") a
        # pronoun is of the speaker's story: a person the article says is of its gender, or
        # the one it is about (named first) when it does not say theirs.
        inside = any(a <= pronoun.idx < b for a, b in self.quoted)
        first = self._about()
        before = [m for m in self.people if m.end <= pronoun.idx and (
            gender is None or genders.get(self.key(m), gender if not inside
                                          or self.key(m) == first else None) == gender)]
        replying = pronoun.head.lower_ in _REPLYING and pronoun.dep_ == "nsubj"
        if replying:
            asked = self._asked_before(pronoun, before)
            if asked is not None:
                return asked, None
        subjects = [m for m in before if _is_subject(self.doc, self.text, m, self.quoted)]
        found = (subjects or before or [None])[-1]
        if gender is not None and not inside:
            found = self._in_described_phrase(pronoun, before) or found
        about = [m for m in before if self.key(m) == first]
        if found is not None and about and gender is not None and \
                self.key(found) not in genders and genders.get(first) == gender and \
                not (found in subjects and pronoun.lower_ in PRONOUN_GENDER
                     and self._goes_on(found, pronoun, gender)):
            # "Page later said she was puzzled. ... “...,” her agent, Mark Roesler, said. ...
            # “...,” she said": of one whose gender the article never tells and the one it is
            # about, told of the pronoun's, she is the one it is about.
            found = ([m for m in about if m in subjects] or about)[-1]
        # "An official looked at her and said: ... To which she replied": the one brought in
        # unnamed is the one replied to.
        unnamed = None if found is None or replying else self._unnamed_after(
            found.end, pronoun, gender)
        if unnamed is None:
            return found, None
        if any(c.dep_ == "det" and c.lower_ == "the" for c in unnamed.children):
            # "The mayor ... he added"
            return self.titled(unnamed, noun_lemma(unnamed.lower_)), unnamed
        return self._body_voiced(unnamed), unnamed

    def _goes_on(self, subject: Mention, pronoun: Token, gender: Gender) -> bool:
        """Does the pronoun go on with ``subject``, named as the subject of its own sentence or
        of the one right before it ("Damon said there was “...”.\n\nHe added that"; "...,
        says archaeologist John Shea. At Olorgesailie, he says")? A sentence's subject is what
        the next one's pronoun stands for, whoever the article is about; but not one named as
        the relation of someone of the pronoun's gender ("her agent, Mark Roesler, said. She
        had"): "her" is another, the one the pronoun is. (A description by a gendered noun is
        no pronoun: "the 38-year-old Ohio woman writes" right after "Osgood has not
        commented." is the woman the article is about.) Sentences between that name no one
        else and each hold a pronoun of that gender carry the subject on ("Adamu made the call
        in a statement. According to him, ... “...,” he said")."""
        narrative = self._narrative(subject.end, pronoun.sent.start_char)
        ends = [m.end() for m in _SENTENCE_END.finditer(narrative)]
        if len(ends) > 1 + _CARRIED_ON or not all(
                self._carries_on(subject, subject.end + a, subject.end + b, narrative[a:b], gender)
                for a, b in itertools.pairwise(ends)):
            return False
        span = self.doc.char_span(subject.start, subject.end, alignment_mode="expand")
        return span is not None and not _relation_of(span, gender)

    def _carries_on(self, subject: Mention, start: int, end: int, sentence: str,
                    gender: Gender) -> bool:
        """Does a sentence (its narrative, from ``start`` to ``end``) go on about ``subject``:
        it names no other person, and a pronoun of the subject's gender stands in it?"""
        return any(PRONOUN_GENDER.get(w) == gender for w in _WORD.findall(sentence.lower())) \
            and all(self.key(m) == self.key(subject) for m in self.people
                    if start <= m.start < end)

    def _narrative(self, start: int, end: int) -> str:
        """The text from ``start`` to ``end`` with every quotation blanked out: a full stop in
        someone's words ends no sentence of the narrative."""
        text = list(self.text[start:end])
        for a, b in self.quoted:
            lo, hi = max(a, start), min(b, end)
            if lo < hi:
                text[lo - start : hi - start] = " " * (hi - lo)
        return "".join(text)

    def _about(self) -> str | None:
        """Whom the article is about: the first person it names, but not as someone else's
        relation ("A woman who says she is Tom Quill's girlfriend ..." is about the woman)."""
        for mention in self.people:
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or not _someone_elses_relation(span.root):
                return self.key(mention)
        return None

    def _in_described_phrase(self, pronoun: Token, candidates: Sequence[Mention]
                             ) -> Mention | None:
        """The candidate named last in the phrase that a relative clause with the pronoun as
        its subject describes: "a tweet from Trump in which he criticized" is Trump, whoever
        was the subject of a sentence further up (but in "In a poke at Trump he explained"
        the pronoun is the main clause's subject, and Trump is who it is not)."""
        verb = pronoun.head
        if pronoun.dep_ != "nsubj" or verb.dep_ != "relcl":
            return None
        start = verb.head.left_edge.idx
        named = [m for m in candidates if start <= m.start and m.end <= pronoun.idx]
        return named[-1] if named else None

    def _asked_before(self, pronoun: Token, candidates: Sequence[Mention]) -> Mention | None:
        """The one asked by the latest verb of asking with a person as its object in the three
        sentences before a reply ("Lynch asked Coleman, “...”\n\n“Yes,” he responded"): the
        pronoun of the reply stands for them, not for the one who asked."""
        doc = self.doc
        sentence = pronoun.sent
        for _ in range(3):
            if sentence.start > 0:
                sentence = doc[sentence.start - 1].sent
        for token in reversed(doc[sentence.start : pronoun.i]):
            if token.lower_ not in _ASKING or token.pos_ != "VERB":
                continue
            for asked in (c for c in token.children if c.dep_ == "dobj"):
                found = next((m for m in candidates if m.start <= asked.idx < m.end), None)
                if found is not None:
                    return found
        return None

    def titled(self, token: Token, role: str, closest: bool = False) -> Mention | None:
        """The one person the article named before ``token`` with ``role`` as their title
        ("French president Nicolas Sarkozy", "Mustafa Suleiman, the prosecutor"); two such
        people (two presidents): no guess, unless one of them only was named in the paragraph of
        ``token`` or the one before it (the one the description points back to). ``closest``:
        only the word right before the name is its title ("study author Beate Ritz" is titled
        an author, not a study)."""
        doc = self.doc
        titled = []
        for mention in self.people:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or mention.end > token.idx:
                continue
            root = span.root
            near = [t for t in doc[max(span.start - (1 if closest else 3), 0) : span.start]
                    if t.dep_ in ("compound", "amod")] + [
                c for c in root.children if c.dep_ == "appos"]
            if root.dep_ == "appos":
                near.append(root.head)
            # "Comedian Ellen DeGeneres": the entity model may take the title into the name.
            if any(title_noun(t.lower_) == role for t in near) or (
                    len(span) > 2 and title_noun(span[0].lower_) == role):
                titled.append(mention)
        if len({self.key(m) for m in titled}) == 1:
            return titled[-1]
        # "Judge A ruled in 1996 ... Judge B reflected in 1997 on his career.\n\n“...,” the
        # judge said": a description right after one so titled is named is that one.
        text = self.text
        near = [m for m in titled if len(BLANK_LINE.findall(text, m.end, token.idx)) <= 1]
        return near[-1] if len({self.key(m) for m in near}) == 1 else None

    def _unnamed_after(self, start: int, pronoun: Token, gender: Gender | None
                       ) -> Token | None:
        """The last person brought in unnamed as a subject after the character ``start`` and
        before the pronoun ("said a senior officer. ... he added", "An analyst for USGS
        commented that ... “...,” he said"): the pronoun likely stands for them."""
        doc = self.doc
        first = doc.char_span(start, start, alignment_mode="expand")
        begin = first.start if first is not None else 0
        return next((t for t in reversed(doc[begin : pronoun.i])
                     if (t.dep_ in ("nsubj", "nsubjpass") or _according_to(t)) and t.idx >= start
                     # "Kenny told NBC that she saw the officer put his arm": the subject
                     # of what someone reports is what they talk about (but "The director
                     # ``is excited ...'' she wrote" reports what the pronoun's one says).
                     and (t.head.dep_ != "ccomp" or t.head.head == pronoun.head)
                     and _unnamed_person(t, self.people, gender)
                     and not any(a <= t.idx < b for a, b in self.quoted)), None)

    def _body_voiced(self, person: Token) -> Mention | None:
        """The body an unnamed spokesperson speaks for ("A spokesperson for the International
        Olympic Committee said ... He did, however, say"); no one for anyone else."""
        if noun_lemma(person.lower_) not in SPOKESPEOPLE:
            return None
        objects = [o for p in person.children if p.dep_ == "prep" and p.lower_ in ("for", "of")
                   for o in p.children if o.dep_ == "pobj"]
        return next((m for o in objects for m in self.bodies
                     if o.left_edge.idx <= m.start and m.end <= o.idx + len(o)), None)

    def genders(self) -> dict[str, Gender]:
        if self._genders is None:
            self._genders = _genders(self.doc, self.text, self.people, self.quoted, self.key)
        return self._genders


def _genders(doc: Doc, text: str, people: list[Mention], quoted: Sequence[tuple[int, int]],
             key: Callable[[Mention], str]) -> dict[str, Gender]:
    """Each person's gender, by the article's own words (see the module's docstring), by their
    ``key``; ``text``: the document's."""
    told: dict[str, Gender] = {}
    votes: dict[str, Counter[Gender]] = {}
    for n, mention in enumerate(people):
        person = key(mention)
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        title = _title_gender(span)
        if title is not None:
            told[person] = title
        noun = _apposed_noun(span.root)
        if noun is not None and person not in told:
            told[person] = _GENDERED_NOUNS[noun]
        if _someone_elses_relation(span.root):
            continue
        next_person = people[n + 1].start if n + 1 < len(people) else len(text)
        pronoun = _pronoun_after(span.root.sent, span.end, next_person,
                                 _is_subject(doc, text, mention, quoted))
        if pronoun is None or any(a <= pronoun.idx < b for a, b in quoted):
            continue
        gender = PRONOUN_GENDER[pronoun.lower_]
        # "Ray Dunn, whom she once dated"; "her agent Mark Roesler said. She had": another's.
        if not _subject_of_clause_on(pronoun, span) and not _relation_of(span, gender):
            votes.setdefault(person, Counter())[gender] += 1
    for person, counts in votes.items():
        ranked = counts.most_common()
        if person not in told and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            told[person] = ranked[0][0]
    return told


def _someone_elses_relation(root: Token) -> bool:
    """A name that only qualifies a person noun ("the girlfriend of Michael Ruiz", "Michael
    Ruiz's lawyer"): the pronoun after it is most often that person's ("... revealed that she"),
    so it tells nothing of the name's gender."""
    if root.dep_ == "poss":
        return is_person_noun(noun_lemma(root.head.lower_))
    return root.dep_ == "pobj" and root.head.lower_ == "of" and \
        is_person_noun(noun_lemma(root.head.head.lower_))


def _subject_of_clause_on(pronoun: Token, name: Span) -> bool:
    """Is the pronoun the subject of a relative clause on the name ("Matt Damon, whom she once
    dated")? The name would be that clause's "who"; the pronoun is someone else."""
    verb = pronoun.head
    return pronoun.dep_ in ("nsubj", "nsubjpass") and verb.dep_ == "relcl" and \
        name.start <= verb.head.i < name.end


def _relation_of(name: Span, gender: Gender) -> bool:
    """Is the name given as the relation of someone of ``gender`` by a possessive pronoun
    ("her agent Mark Roesler", "his lawyer, Ann Lee")?"""
    root = name.root
    nouns = [root.head] if root.dep_ == "appos" else []
    nouns += [t for t in name.doc[max(name.start - 3, 0) : name.start] if t.dep_ == "compound"
              or t.pos_ == "NOUN"]
    return any(c.dep_ == "poss" and PRONOUN_GENDER.get(c.lower_) == gender
               for noun in nouns for c in noun.children)


def _title_gender(name: Span) -> Gender | None:
    """The gender the word written before a name as its title tells: an honorific ("Mr.",
    "Msgr.", its point a token of its own when the tokenizer does not know the abbreviation) or
    a gendered noun ("Sister Carol Keehan", "his wife Portia", "spokeswoman Ana Ruiz")."""
    doc = name.doc
    at = name.start - 1
    if at > 0 and doc[at].text == "." and not doc[at - 1].whitespace_:
        at -= 1  # "Msgr" "." "Farmer"
    if at < 0:
        return None
    word = doc[at].text.rstrip(".").lower()
    return _HONORIFICS.get(word) or _GENDERED_NOUNS.get(noun_lemma(word))


def _pronoun_after(sentence: Span, start: int, limit: int, subject: bool) -> Token | None:
    """The first gendered pronoun after token ``start`` in its sentence, else, for the
    ``subject`` of the sentence, the subject of the next sentence when it is one ("Gallagher
    was back on the job. He had ..."; but not after "... when Fields entered the class."),
    before the character ``limit`` where someone else is named."""
    doc = sentence.doc
    said = [t for t in doc[start : sentence.end] if t.lower_ in PRONOUN_GENDER
            and t.idx < limit]
    if len({PRONOUN_GENDER[t.lower_] for t in said}) > 1:
        return None  # "Hefner said her appearance in his magazine ...": of someone else too
    found = said[0] if said else None
    if found is None and subject and sentence.end < len(doc):
        found = next((t for t in doc[sentence.end].sent if t.dep_ == "nsubj"
                      and t.head.dep_ == "ROOT" and t.lower_ in PRONOUN_GENDER), None)
    return found if found is not None and found.idx < limit else None


def _according_to(token: Token) -> bool:
    """Is the token the source of "according to" ("According to a relative, he had ...")?"""
    return token.dep_ == "pobj" and token.head.lower_ == "to" and \
        token.head.head.lower_ == "according"


def _unnamed_person(token: Token, people: Sequence[Mention], gender: Gender | None) -> bool:
    """A person brought in by a noun with an indefinite article and no name ("a senior
    officer", "an analyst for USGS", "one resident"), of a gender that fits the pronoun."""
    noun = noun_lemma(token.lower_)
    if not is_person_noun(noun):
        return False
    if _GENDERED_NOUNS.get(noun, gender) != gender:
        return False
    # "The mayor complimented the protesters. But he added": a role with "the" is a person
    # of its own too ("the man", "the teenager" most often name again whom the story follows,
    # "the spokesperson" the one brought in before as "a spokesperson for ...").
    # "His mother opened the door. “...,” she says": kin brought in by a possessive pronoun.
    if not any(c.dep_ == "det" and (c.lower_ in ("a", "an", "another", "one") or (
            c.lower_ == "the" and noun not in SPOKESPEOPLE
            and (noun in PERSON_ROLES or _brought_in_before(token, noun))))
            for c in token.children) and not (noun in KIN and any(
            c.dep_ == "poss" and c.lower_ in ("his", "her", "their") for c in token.children)):
        return False
    left, right = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
    return not any(left <= m.start < right for m in people)


def _brought_in_before(token: Token, noun: str) -> bool:
    """Did the article bring in someone unnamed by the noun before ("A close friend of the mum
    said ... The friend said"), whom "the" noun names again?"""
    return any(noun_lemma(t.lower_) == noun and t.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "one") for c in t.children)
        for t in token.doc[: token.i])


def _apposed_noun(root: Token) -> str | None:
    """A gendered noun in apposition to the name ("Tehran Boldon, Michael Boldon's brother"),
    or the name in apposition to one ("his wife, Ann Okafor")."""
    near = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        near.append(root.head)
    return next((t.lower_ for t in near if t.lower_ in _GENDERED_NOUNS), None)


def _is_subject(doc: Doc, text: str, mention: Mention, quoted: Sequence[tuple[int, int]]
                ) -> bool:
    """The subject of a clause, or the name beside it ("the authority's chief, Jeremy Handel,
    reassured people"; "A spokesman for the authority, Jeremy Handel, reassured", where the
    parser hangs the name on the authority, or "The Director of the WFP office in Geneva,
    Charles Vincent, remarked", where it hangs it on Geneva), or a name that opens a
    paragraph. ``text``: the document's."""
    if text[text.rfind("\n", 0, mention.start) + 1 : mention.start].strip() == "":
        return True
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    if _apposed_to_subject(span):
        return True
    root = span.root
    if _identified_subject(root):
        return True
    if root.dep_ == "appos":
        root = root.head
        if root.dep_ == "pobj" and root.head.dep_ == "prep":
            root = root.head.head
    # The subject of what someone says ("She defended it, asserting that pastor Jean Sanbil
    # allowed them") is what is talked about, not who the story follows; a said clause the
    # parser hangs on the quoted words ("“...,” said Ron Howard") is no such report, nor is
    # a name right after its verb, whatever the parse ("said Ron Howard, the director of ..."),
    # unless that verb has a subject of its own ("He said Sinn Féin remained committed").
    verb = root.head
    saying = verb.head
    reported = verb.dep_ == "ccomp" and not any(a <= saying.idx < b for a, b in quoted) and (
        saying.i != root.left_edge.i - 1
        or any(c.dep_ == "nsubj" and c.i < saying.i for c in saying.children))
    # "They will be joined by Vladimir Putin, who is in China": the clause about him makes him
    # the one the story goes on with.
    described = any(c.dep_ == "relcl" and any(g.dep_ == "nsubj" and g.lower_ == "who"
                                              for g in c.children) for c in root.children)
    # "She said she was stunned when Fields entered the class": the subject of a clause
    # that trails its verb to tell when or why is not whom the story goes on with.
    trailing = verb.dep_ == "advcl" and verb.i > verb.head.i
    return (root.dep_ in ("nsubj", "nsubjpass") and not reported and not trailing) or described


def _identified_subject(root: Token) -> bool:
    """A name the subject is identified as in an aside ("That student, later identified as
    Niya Kenny, told NBC News"): the one the subject is, though the parse hangs it on "as"."""
    if root.dep_ != "pobj" or root.head.lower_ != "as":
        return False
    participle = root.head.head
    subject = participle.head
    return participle.dep_ == "acl" and participle.tag_ == "VBN" and \
        subject.dep_ in ("nsubj", "nsubjpass")


def _apposed_to_subject(span: Span) -> bool:
    """A name set off by commas right before the verb of a subject that starts before it."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != "," or span.start == 0 or \
            doc[span.start - 1].text != ",":
        return False
    verb = doc[span.end + 1]
    return verb.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i < span.start for c in verb.children)
