"""Named-entity mentions from spaCy, repaired where the small English model is known to slip.

The repairs are linguistic rules, not lists of names: possessives end a name ("Kim’s Vladivostok
Summit" is Kim), so does a lowercase word in a person's name ("Lackey told The Associated
Press"), a source cited inline is an organisation whatever NER said ("(Kommersant, April 25)"),
a name ends at a bracket it never closes ("John Kerry.(Reuters" is a caption's credit run
on), and a capitalised appositive of a person-role noun is a person ("his counterpart,
No Kwang-Chol,"), and so is a full name's last word where the model missed it ("Pachauri
stressed"), and a full name taken for a body whose last word alone the model took for a
person ("Bettie Page" ORG, "Page said" PERSON); a capitalised title opening a sentence before a
full name ("Filmmaker and aviator Howard Hughes") is no person of its own. A name never runs
over a line break (a headline glued to the first line; the piece with most words is kept) nor past
a slash (a photo credit, "Bill Ingalls/NASA"), nor starts with an article ("a David Garrard").
What a name is comes from its context where the model's type contradicts it (``_in_context``):
"the Jaguars" is no person, nor is the "firm Glass Lewis"; "Yvo de Boer, the U.N.'s climate
chief" and "chief Yvo de Boer" are people, whatever type the model gave them.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from itertools import takewhile
from typing import TYPE_CHECKING

from newsprism.analyse.citations import source_span
from newsprism.analyse.nlp import noun_lemma
from newsprism.analyse.resolve import BODY_NOUNS, NAME_PARTICLES, TITLES
from newsprism.model import Citation, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

ENTITY_TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT",
                "WORK_OF_ART"}  # fmt: skip
PERSON_ROLES = {
    "counterpart", "minister", "president", "leader", "spokesman", "spokeswoman", "spokesperson",
    "official", "secretary", "chairman", "chairwoman", "director", "chief", "governor", "mayor",
    "senator", "ambassador", "envoy", "premier", "chancellor", "king", "queen", "prince",
    "general", "commander", "judge", "lawyer", "attorney", "ceo", "founder", "author", "analyst",
    "expert", "professor", "head", "deputy", "aide", "adviser", "advisor", "constable",
    "sergeant", "officer", "detective", "inspector", "lieutenant", "captain", "corporal",
    "superintendent", "sheriff", "trooper", "witness", "coach", "manager", "prosecutor", "examiner",
    "supremo",
}  # fmt: skip
_POSSESSIVES = ("’s", "'s", "’", "'")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]\.){2,}$")
_EDGE_JUNK = "“”\"‘’'()[]—–-,.;:"
# Words a name never starts with: an article, and the half of a live blog's time stamp ("1:18
# A.M. Israel and Hamas ...", where "A.M. Israel" reads as a person with initials).
_CLOCK_HALVES = {"a.m.", "p.m.", "a.m", "p.m"}
_NOT_A_NAME_START = {"the", "a", "an", *_CLOCK_HALVES}
# Words a title-case headline capitalises that no person's name holds.
_HEADLINE_WORDS = {"to", "in", "at", "for", "with", "by", "on", "as", "from", "after", "over",
                   "into", "is", "are", "was"}
# Verbs a title-case headline puts right after a name, which no name ends in.
_HEADLINE_VERBS = {"Says", "Calls", "Urges", "Warns", "Tells", "Vows", "Slams", "Blasts",
                   "Hails", "Claims", "Insists", "Denies", "Admits", "Asks", "Announces"}
_APOSTROPHE_SURNAME = re.compile(r"[A-Z]’[A-Z][a-z]+")
_CLOCK_HOUR = re.compile(r"\d{1,2}(?::\d{2})?")
# Nouns that end the name of a body or a building, never a person's: "George Washington
# University" is no person, however the model tags it.
INSTITUTION_NOUNS = {"university", "college", "school", "academy", "institute", "hospital",
                     "clinic", "museum", "library", "foundation", "association", "society",
                     "center", "centre", "church", "cathedral", "airport", "stadium", "arena",
                     "bank", "company", "corporation", "group", "council", "committee",
                     "commission", "agency", "party", "union", "court", "prison", "street",
                     "avenue", "square", "park", "bridge", "hotel"}


def extract_mentions(
    doc: Doc, doc_id: str, citations: tuple[Citation, ...] = (), outlet: str | None = None
) -> tuple[Mention, ...]:
    """Entity mentions of one article, trimmed to the name itself. ``outlet``: the publication
    the article's metadata names, which is a body wherever the text names it."""
    text = doc.text
    cited = {source_span(c, text): c for c in citations}
    found: dict[tuple[int, int], Mention] = {}
    for ent in doc.ents:
        if ent.label_ not in ENTITY_TYPES:
            continue
        span = _trim(_without_role_word(_cut_at_lowercase(_cut_at_possessive(
            _with_name_tail(ent)))), text)
        if span is None:
            continue
        start, end = span
        if text[start:end] in NAME_PARTICLES:
            continue  # "this van,” said Lucas": a particle of names alone names no one ("Ben" does)
        label = _in_context(doc, start, end, ent.label_)
        if label is None:
            continue
        if any(s <= start and end <= e for s, e in cited) or text[start:end] == outlet:
            label = "ORG"  # what an article cites is a publication or agency, not a place
        found[(start, end)] = Mention(doc_id, start, end, text[start:end], label)
    for start, end in cited:
        if not any(_overlaps((start, end), key) for key in found):
            found[(start, end)] = Mention(doc_id, start, end, text[start:end], "ORG")
    surnames = _surnames(found.values())
    for key, mention in found.items():
        if key not in cited and (mention.text in surnames or _full_name_of(mention, surnames)):
            found[key] = dataclasses.replace(mention, type="PERSON")
    # The tagger takes "O’Leary" for an adverb or adjective.
    missed = [(t.idx, t.idx + len(t)) for t in doc if t.text in surnames and not t.ent_type_
              and (t.pos_ == "PROPN" or _APOSTROPHE_SURNAME.fullmatch(t.text))]
    for start, end in [*_role_appositives(doc), *_titled_names(doc), *missed]:
        if not any(_overlaps((start, end), key) for key in found):
            found[(start, end)] = Mention(doc_id, start, end, text[start:end], "PERSON")
    for key in _titles_of_names(doc, found, surnames):
        del found[key]
    return tuple(found[key] for key in sorted(found))


def _in_context(doc: Doc, start: int, end: int, label: str) -> str | None:
    """The type a name's own sentence gives it, where that contradicts the model: a person is
    never "the X" nor a body's noun's name ("the firm Glass Lewis"), nor a headline in title
    case ("Colts Top Jags To Make Playoffs": None, no name); a name of two or more capitalised
    words headed by a person's role ("chief Yvo de Boer") or in apposition to one ("Yvo de
    Boer, the U.N.'s climate chief"; "The NBA President, Paul Usoro") is a person."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return label
    before = doc[span.start - 1] if span.start else None
    if label == "PERSON":
        if any(t.lower_ in _HEADLINE_WORDS and t.text[:1].isupper() for t in span[1:-1]):
            return None
        if len(span) >= 2 and span[-1].lower_ in INSTITUTION_NOUNS:
            return "ORG"  # "George Washington University": no person's name ends so
        body = before is not None and before.is_lower and noun_lemma(before.text) in BODY_NOUNS
        # "the Jaguars"; not "the Donald Trump administration", where "the" is the noun's
        the = before is not None and before.lower_ == "the" and before.head in span
        return "ORG" if the or body else label
    words = span.text.split()
    if len(words) == 1 and words[0][1:].islower() and before is not None and before.is_lower \
            and noun_lemma(before.text) in PERSON_ROLES:
        # "BSP supremo Mayawati", "party leader Mayawati": a person by one name (the parse
        # may make the role and the name two subjects)
        return "PERSON"
    if len(words) < 2 or not all(w[:1].isupper() or w in NAME_PARTICLES for w in words):
        return label
    roles = [t for t in span.root.children if t.dep_ == "appos" and t.i >= span.end]
    if before is not None and before.pos_ in ("NOUN", "PROPN"):
        roles.append(before)
    if span.root.dep_ == "appos" and span.root.head.i < span.start:
        roles.append(span.root.head)  # "The NBA President, Paul Usoro (SAN), said"
    return "PERSON" if any(_is_role(t.text) for t in roles) else label


def _is_role(word: str) -> bool:
    return noun_lemma(word) in PERSON_ROLES or word.lower().rstrip(".") in TITLES


def _titles_of_names(doc: Doc, found: dict[tuple[int, int], Mention], surnames: set[str]
                     ) -> list[tuple[int, int]]:
    """One-word "people" that are the common noun opening a sentence and running on in lower
    case into another person's full name: the model tags the capitalised title ("Filmmaker and
    aviator Howard Hughes pursued her") as a person of its own. Nobody's surname is one."""
    titles = []
    for (start, end), mention in found.items():
        if mention.type != "PERSON" or " " in mention.text or mention.text in surnames:
            continue
        span = doc.char_span(start, end)
        if span is None or len(span) != 1 or span[0].pos_ != "NOUN" or not span[0].is_sent_start:
            continue
        following = doc[span.end : span.end + 4]
        name = next((n for n, t in enumerate(following) if not t.is_lower), None)
        if name is None or not all(t.is_alpha for t in following[:name]):
            continue
        at = following[name].idx
        if any(m.type == "PERSON" and " " in m.text and s == at for (s, e), m in found.items()):
            titles.append((start, end))
    return titles


def _surnames(mentions: Iterable[Mention]) -> set[str]:
    """The last words of the people's full names: "Pachauri stressed ..." names Rajendra
    Pachauri again, whether the model missed the word or took it for a place. A full name the
    model took for a body is a person's when its last word alone is a person elsewhere in the
    article ("Bettie Page" an organisation, "Page said" a person: Page is her surname)."""
    mentions = list(mentions)
    alone = {m.text for m in mentions if m.type == "PERSON" and " " not in m.text}
    return {words[-1] for m in mentions if len(words := m.text.split()) >= 2
            and words[-1][:1].isupper()
            and (m.type == "PERSON" or (words[-1] in alone and _capitalised(words)))}


def _full_name_of(mention: Mention, surnames: set[str]) -> bool:
    """A name of two or three capitalised words ending in a person's surname."""
    words = mention.text.split()
    return 2 <= len(words) <= 3 and words[-1] in surnames and _capitalised(words)


def _capitalised(words: list[str]) -> bool:
    return all(w[:1].isupper() for w in words)


def _with_name_tail(ent: Span) -> Span:
    """A person's name with the last syllable the model left out for a preposition: "Moon
    Jae-in" ("-in"), "Moon Jae In flew" (a capitalised "In" mid-sentence is no preposition),
    or the surname it left out for its typographic apostrophe ("Michael O’Leary", "Dinesh
    D’Souza": the model knows such names with a straight one)."""
    doc, end = ent.doc, ent.end
    if ent.label_ != "PERSON" or end >= len(doc) - 1:
        return ent
    after = doc[end]
    if ent[-1].whitespace_ and _APOSTROPHE_SURNAME.fullmatch(after.text):
        return doc[ent.start : end + 1]
    if after.text == "-" and not ent[-1].whitespace_ and not after.whitespace_ \
            and doc[end + 1].is_alpha:
        return doc[ent.start : end + 2]
    if after.is_title and after.pos_ == "ADP" and not doc[end + 1].is_title:
        return doc[ent.start : end + 1]
    return ent


def _without_role_word(ent: Span) -> Span:
    """A person's name without the role noun capitalised before it at the head of a sentence
    ("Lawyer Michael Marinaccio said"): the name is the capitalised words after it. Titles
    ("Dr", "Senator") stay: ``resolve.bare_name`` reads them."""
    first = ent[0]
    word = first.lower_.rstrip(".")
    if ent.label_ != "PERSON" or len(ent) < 3 or not first.is_sent_start or word in TITLES \
            or noun_lemma(word) not in PERSON_ROLES or not all(t.is_title for t in ent[1:3]):
        return ent
    return ent.doc[ent.start + 1 : ent.end]


def _cut_at_possessive(ent: Span) -> Span:
    for token in ent[:-1]:
        if token.text in _POSSESSIVES and token.i > ent.start and not _plural_owner(token):
            return ent.doc[ent.start : token.i]
    return ent


def _plural_owner(apostrophe: Token) -> bool:
    """Is a bare apostrophe after a plural the inside of a body's name, "the Harbour Workers'
    Union", "the Mothers' Union", rather than a possessive ending the name before it ("Kim's
    Vladivostok Summit")? Only when an institution's noun follows, capitalised."""
    doc = apostrophe.doc
    if apostrophe.text not in ("'", "’") or apostrophe.i + 1 >= len(doc):
        return False
    owner, noun = doc[apostrophe.i - 1], doc[apostrophe.i + 1]
    return (owner.text.endswith("s") and owner.text[:1].isupper() and noun.text[:1].isupper()
            and noun.lower_ in INSTITUTION_NOUNS)


def _cut_at_lowercase(ent: Span) -> Span:
    """A person's name is capitalised but for its particles: "Lackey told The Associated
    Press" is the model running a name on into its clause, and ends before "told"; so does
    "Lianne Chandler - who says ...", a dash set off by spaces ending the name, and "President
    Pavlopoulos Calls on Turkey", a title-case headline's verb right after the name."""
    if ent.label_ != "PERSON":
        return ent
    if len(ent) > 1 and ent[-1].text in _HEADLINE_VERBS:
        ent = ent[:-1]  # "Pavlopoulos Calls on Turkey": a title-case headline's verb
    for token in ent[1:]:
        dash = token.doc[token.i - 1]
        hyphened = dash.text == "-" and not dash.whitespace_ and \
            not token.doc[dash.i - 1].whitespace_  # "Ban Ki-moon"
        if token.is_lower and token.is_alpha and token.text not in NAME_PARTICLES and \
                not hyphened:
            return ent.doc[ent.start : token.i]
    return ent


def _trim(span: Span, text: str) -> tuple[int, int] | None:
    tokens = list(span)
    # A name never runs over a line break: of the pieces the model ran together, the one of
    # most words is the name ("Port of Calder\n\nPublication: ..." is the headline's port), the
    # later of two as long ("Media Mogul\n\nPage, who ..." is a heading, then Page).
    if any("\n" in t.text for t in tokens):
        pieces: list[list[Token]] = [[]]
        for token in tokens:
            if "\n" in token.text:
                pieces.append([])
            else:
                pieces[-1].append(token)
        tokens = max(reversed(pieces), key=len)
    while tokens and (tokens[0].lower_ in _NOT_A_NAME_START or tokens[0].text in _EDGE_JUNK
                      or (_CLOCK_HOUR.fullmatch(tokens[0].text) and len(tokens) > 1
                          and tokens[1].lower_ in _CLOCK_HALVES)):
        tokens.pop(0)
    while tokens and (tokens[-1].text in _POSSESSIVES or tokens[-1].text in _EDGE_JUNK):
        tokens.pop()
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    for suffix in _POSSESSIVES:  # "Korea’s" can be one token in some tokenisations
        if text[start:end].endswith(suffix) and end - len(suffix) > start:
            end -= len(suffix)
            break
    end = _before_open_bracket(text, start, end)
    if (slash := _credit_slash(text, start, end)) > start:
        end = slash
    start, end = _strip_edges(text, start, end)
    return (start, end) if end > start and any(ch.isalpha() for ch in text[start:end]) else None


def _before_open_bracket(text: str, start: int, end: int) -> int:
    """Where a name ends that runs into a bracket it never closes: "John Kerry.(Reuters, DPA)",
    a photo credit glued to the caption, is John Kerry; "the Party (PPP)" keeps its bracket."""
    opening = text.find("(", start, end)
    return opening if opening > start and text.find(")", opening, end) < 0 else end


def _credit_slash(text: str, start: int, end: int) -> int:
    """Where a full name ends that a photo credit's slash runs on ("Bill Ingalls/NASA"); -1
    when none does ("AC/DC" is one name)."""
    slash = text.find("/", start, end)
    return slash if slash > 0 and len(text[start:slash].split()) >= 2 else -1


def _strip_edges(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE_JUNK + " ":
        start += 1
    while end > start and text[end - 1] in _EDGE_JUNK + " ":
        if text[end - 1] == "." and _ABBREVIATION.search(text, start, end):
            break  # "U.S." keeps its last period
        end -= 1
    return start, end


def _role_appositives(doc: Doc) -> list[tuple[int, int]]:
    """"his counterpart, No Kwang-Chol," -> the capitalised appositive names a person.

    Matched on the surface (role noun, comma, capitalised words, comma) because the small
    model's parse of such appositives is unreliable."""
    spans = []
    for token in doc[:-2]:
        if noun_lemma(token.text) not in PERSON_ROLES or doc[token.i + 1].text != ",":
            continue
        words = []
        for word in doc[token.i + 2 : token.i + 8]:
            if word.text[:1].isupper() or (word.text == "-" and words):
                words.append(word)
            else:
                break
        closed = token.i + 2 + len(words) < len(doc) and doc[token.i + 2 + len(words)].is_punct
        if 2 <= sum(w.text != "-" for w in words) <= 4 and closed:
            spans.append((words[0].idx, words[-1].idx + len(words[-1])))
    return spans


def _titled_names(doc: Doc) -> list[tuple[int, int]]:
    """Full names the model left untagged after a short title, with or without its point ("Lt
    Col Devender Anand said", "Dr. Meera Rao"): two or three capitalised proper nouns after the
    last title of a run name a person."""
    spans = []
    for token in doc[:-2]:
        if token.text[:1].isupper() and token.text.rstrip(".").lower() in TITLES and (
                token.i == 0 or doc[token.i - 1].text.rstrip(".").lower() not in TITLES):
            name = list(takewhile(_untagged_name_word, doc[token.i + 1 : token.i + 6]))
            while name and name[0].text.rstrip(".").lower() in TITLES:
                name.pop(0)  # "Lt Col": the second title too
            if 2 <= len(name) <= 3:
                spans.append((name[0].idx, name[-1].idx + len(name[-1])))
    return spans


def _untagged_name_word(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.is_title and not token.ent_type_


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
