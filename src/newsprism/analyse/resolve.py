"""Resolve entity mentions across articles into entities.

Names are compared bare (``bare_name``): without the title, rank or office heading a person's
name ("Constable Tim Fanning" = "Tim Fanning", "Defense Minister Ehud Barak" = "Ehud Barak") and
without the legal suffix ending an organisation's ("TallGrass Distribution Ltd." = "Tall Grass
Distribution Limited"). The mentions keep their text, and an entity's name is one of them.

Five rules, in order:
1. Spelling variants are one name: case, accents, hyphens, dots and spaces are ignored
   ("Kim Jong-un" = "Kim Jong Un", "U.S." = "US").
2. An acronym joins the multi-word name whose capitalised words' initials it spells ("US" =
   "United States"; "AP" is never "Aceh province").
3. A nickname quoted inside a full name is that person's alias with the surname
   ('Orenthal James "O.J." Simpson' = "O.J. Simpson"), and an organisation named after its
   place is called by the rest of its name ("the Post" = "Washington Post", "the Colts" =
   "Indianapolis Colts", when the cluster names the place; "the House" is no "White House").
4. A person's name without the middle name joins the one fuller name with the same first and
   last words ("Anthony LaSalle" = "Anthony Phillip LaSalle"), and without the initials that
   open it or the "Sr." that ends it ("W. Mark Felt Sr." = "W. Mark Felt" = "Mark Felt"; "Mark
   Felt Jr." is his son). A partial person name ("Kim",
   "Putin", "van Beurden": a name opening with a particle is a surname) joins a full name that
   contains it. When several full names do ("Kim Jong-un",
   "Kim Jong-il"), the one most salient in the same article wins: most mentioned there before
   this mention, then in the article, then overall. A titled surname ("President Bush") joins
   only the one full name it ends: with two ("George W. Bush", "George H. W. Bush") it stays
   apart, and "Prince William" is not "William Hague".
5. A person's name whose given names are another's spelt otherwise (``given_name_key``:
   "Catherine" / "Katherine", "Bettie" / "Betty", "Mohammed" / "Mohamed", "Bill" / "William")
   joins that one other name, unless one article names both: two people there, or one whose
   spelling the article itself varies, and no guess either way.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache

from newsprism.model import Entity, Mention, Quote

_WORD = re.compile(r"[a-z0-9]+")
_MINOR = {"of", "the", "and", "for", "de", "la"}
NAME_PARTICLES = _MINOR | {"van", "von", "der", "den", "da", "di", "du", "del", "della", "dos",
                           "das", "bin", "ibn", "al", "el", "le", "y", "ben", "ter", "zu"}


# Words that head a person's name without being part of it: honorifics, ranks and offices.
TITLES = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "sgt", "sergeant", "constable", "const", "pc", "officer", "detective", "det", "inspector",
    "insp", "superintendent", "supt", "chief", "sheriff", "trooper", "agent", "marshal", "captain",
    "capt", "lt", "lieut", "lieutenant", "gen", "general", "col", "colonel", "maj", "major", "cpl",
    "corporal", "adm", "admiral", "cmdr", "commander", "commissioner", "president", "premier",
    "chancellor", "minister", "secretary", "senator", "sen", "rep", "representative",
    "congressman", "congresswoman", "gov", "governor", "mayor", "ambassador", "judge", "justice",
    "attorney", "atty", "hon", "honourable", "honorable", "rev", "reverend", "father", "pastor",
    "elder", "apostle", "prophet", "deacon", "rabbi", "imam", "bishop", "archbishop",
    "cardinal", "pope", "king", "queen", "prince", "princess", "emperor", "empress", "sheikh",
    "ayatollah", "chairman", "chairwoman", "leader",
}  # fmt: skip
# Words that qualify an office inside a title ("Defense Minister", "Secretary of State",
# "Former Vice President"): stripped only together with a title word.
_OFFICE_WORDS = {
    "prime", "vice", "deputy", "acting", "former", "first", "chief", "lt", "lieutenant", "rear",
    "staff", "of", "state", "foreign", "defense", "defence", "interior", "home", "finance",
    "justice", "trade", "economy", "economic", "education", "energy", "health", "labor", "labour",
    "agriculture", "transport", "culture", "environment", "police", "army", "navy", "district",
    "us", "u.s", "uk", "senior", "supreme", "majority", "minority", "dist", "asst", "assistant",
}  # fmt: skip
# Bodies a story names by a common noun when it quotes them rather than a person in them
# ("police said", "the company said in a statement", "prosecutors argued"), singular.
BODY_NOUNS = {"police", "company", "firm", "ministry", "council", "government", "prosecutor",
              "department", "district", "service", "court", "authority", "agency", "commission",
              "committee", "board", "embassy", "army", "military", "office"}
LEGAL_SUFFIXES = {"ltd", "limited", "inc", "incorporated", "corp", "corporation", "co", "llc",
                   "plc"}  # fmt: skip
# A nickname in quote marks between the words of a name: 'Orenthal James "O.J." Simpson'.
_NICKNAME = re.compile(r"(?<=\s)[\"“‘'](?P<nick>[^\"“”‘’']+)[\"”’'](?=\s)")


@lru_cache(maxsize=16384)  # asked of each mention by several merges
def bare_name(text: str, kind: str) -> str:
    """The part of a mention's text that names: a person's name without the title heading it
    ("Defense Minister Ehud Barak" -> "Ehud Barak", "Sgt. Ron Kell" -> "Ron Kell", but
    "President" stays), an organisation's without its legal suffix ("TallGrass Distribution
    Ltd." -> "TallGrass Distribution"); a slice of ``text``."""
    words = [(m.start(), m.end(), m.group().casefold().rstrip(".,"))
             for m in re.finditer(r"\S+", text)]
    if kind == "PERSON":
        cut = 0
        for i, (_, _, word) in enumerate(words[:-1]):
            if word not in TITLES and word not in _OFFICE_WORDS:
                break
            if word in TITLES or (word == "state" and i and words[i - 1][2] == "of"):
                cut = i + 1  # a title ends here: "Secretary of State", not "Secretary of"
        rest = words[cut:]
        return text[rest[0][0]:] if cut and text[rest[0][0]].isupper() else text
    if kind == "ORG" and len(words) >= 2 and words[-1][2] in LEGAL_SUFFIXES:
        return text[:words[-2][1]].rstrip(" ,&")
    return text


@lru_cache(maxsize=16384)  # asked of each name by several merges
def name_tokens(name: str) -> tuple[str, ...]:
    """Comparable words of a name: "Kim Jong-un’s" -> ("kim", "jong", "un"); "Michael O’Leary"
    -> ("michael", "oleary"), its surname one word as "Leary" alone would be."""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(ch for ch in name if not unicodedata.combining(ch)).casefold()
    name = re.sub(r"['’]s\b", "", name).replace(".", "")
    name = re.sub(r"\b([od])['’](?=\w)", r"\1", name)
    return tuple(_WORD.findall(name))


def resolve_entities(mentions: Iterable[Mention]) -> list[Entity]:
    """Group mentions (of all articles, in reading order) into entities, most mentioned first."""
    mentions = list(mentions)
    groups: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        tokens = _words(mention)
        if tokens:
            groups["".join(tokens)].append(mention)
    _merge_acronyms(groups)
    _merge_nicknames(groups)
    _merge_names_without_place(groups)
    _merge_partial_person_names(groups)
    _merge_given_name_spellings(groups)
    entities = [_entity(members) for members in groups.values()]
    entities.sort(key=lambda e: (-len(e.mentions), e.name))
    return _with_unique_ids(entities)


_NEXT_WORD = re.compile(r"[ -]([^\W\d_]+)")
MAX_COMPLETED = 2  # words a caseless text's name may be read on by (a given name's parts)


def name_completer(mentions: Iterable[Mention], readings: Mapping[str, str]
                   ) -> Callable[[Mention], Mention]:
    """What completes a person's name in a text written without case (``readings``: its
    article id -> its cased reading copy): no capitals show where a name ends there, and the
    entity model may stop "kim jong un" at "Kim Jong". When the words that follow complete,
    case and hyphens aside, a person's name that ``mentions`` give in full ("Kim Jong-un",
    "Kim Jong Un"), the mention is that name: one name, whatever its case."""
    full = {words for m in mentions if m.type == "PERSON" and len(words := _words(m)) >= 2}

    def complete(mention: Mention) -> Mention:
        text = readings.get(mention.doc)
        if text is None or mention.type != "PERSON":
            return mention
        words, end = _words(mention), mention.end
        for _ in range(MAX_COMPLETED):
            following = _NEXT_WORD.match(text, end)
            if following is None:
                break
            words, end = words + name_tokens(following[1]), following.end()
            if words in full:
                return dataclasses.replace(mention, end=end, text=text[mention.start:end])
        return mention

    return complete


def _words(mention: Mention) -> tuple[str, ...]:
    """The comparable words of what a mention names: bare, without a quoted nickname."""
    return name_tokens(_NICKNAME.sub(" ", bare_name(mention.text, mention.type)))


def _titled(mention: Mention) -> bool:
    """Does a title head the name, or a legal suffix end it (a company's, never a person's)?"""
    return bare_name(mention.text, mention.type) != mention.text


def _capitalised_part(name: str) -> str:
    """The words of a name that hold a capital: an acronym spells these alone, so "Aceh
    province" spells no "AP" (its "province" is a common noun) while "Associated Press" does,
    and "al-Qaeda in the Arabian Peninsula" spells "AQAP" (its "in" no part of it)."""
    return " ".join(word for word in name.split() if any(ch.isupper() for ch in word))


def _merge_acronyms(groups: dict[str, list[Mention]]) -> None:
    initials: dict[str, str] = {}
    for key, members in groups.items():
        # With its legal suffix or without: "CBC" is the Canadian Broadcasting Corp.
        for name in {m.text for m in members}:
            words = [w for w in name_tokens(_capitalised_part(name)) if w not in _MINOR]
            if len(words) >= 2 and members[0].type in ("ORG", "GPE", "LOC", "FAC"):
                initials.setdefault("".join(w[0] for w in words), key)
    for key in list(groups):
        members = groups[key]
        is_acronym = all(m.text.replace(".", "").isupper() for m in members)
        target = initials.get(key)
        if is_acronym and target and target != key and target in groups:
            groups[target].extend(groups.pop(key))


def _merge_nicknames(groups: dict[str, list[Mention]]) -> None:
    """'Orenthal James "O.J." Simpson' is "O.J. Simpson": a nickname quoted inside a person's
    full name, with the name's last word, is an alias of the full name."""
    for key in list(groups):
        for mention in groups.get(key, ()):
            words = _words(mention)
            nickname = _NICKNAME.search(mention.text)
            if nickname is None or mention.type != "PERSON" or len(words) < 2:
                continue
            alias = "".join((*name_tokens(nickname["nick"]), words[-1]))
            if alias != key and alias in groups:
                groups[key].extend(groups.pop(alias))


def _merge_names_without_place(groups: dict[str, list[Mention]]) -> None:
    """"Post" is the "Washington Post": a one-word organisation joins the one organisation
    named by a place the cluster names (a GPE) and that word."""
    places = {key for key, members in groups.items() if _majority_type(members) == "GPE"}
    bodies = {key: _words(members[0]) for key, members in groups.items()
              if _majority_type(members) in ("ORG", "FAC") and len(_words(members[0])) >= 2}
    for key in list(groups):
        words = _words(groups[key][0])
        if len(words) != 1 or _majority_type(groups[key]) != "ORG":
            continue
        named = [full for full, longer in bodies.items()
                 if longer[-1] == words[0] and "".join(longer[:-1]) in places]
        if len(named) == 1:
            groups[named[0]].extend(groups.pop(key))


def _merge_partial_person_names(groups: dict[str, list[Mention]]) -> None:
    _merge_names_without_initials(groups)
    _merge_names_without_middle(groups)
    people = {key: _words(members[0]) for key, members in groups.items()
              if _majority_type(members) == "PERSON" and len(_words(members[0])) >= 2
              and _capitalised(bare_name(members[0].text, "PERSON"))}
    tails = {words[i:] for words in people.values() for i in range(1, len(words) - 1)}
    # A name opening with a particle that ends another's ("van Beurden", "De Boer") is a surname
    full_names = {key: set(words) for key, words in people.items()
                  if not (words[0] in NAME_PARTICLES and words in tails)}
    for key in list(groups):
        if key in full_names:
            continue
        words = _words(groups[key][0])
        tokens = set(words)
        kind = _majority_type(groups[key])
        # ORG too: the model sometimes tags a surname ("Trump") as an organisation; a surname
        # ends the name, so "Tesla" is not the "Tesla Model X" the model took for a person.
        candidates = [full for full, names in full_names.items() if tokens < names and (
            kind == "PERSON" or _words(groups[full][0])[-1] in tokens)]
        if not candidates or kind not in ("PERSON", "ORG") or (kind == "ORG" and any(
                _titled(m) or m.text.replace(".", "").isupper() for m in groups[key])):
            continue  # an acronym is no surname: "UN" is not "Kim Jong Un"
        # A title heads a surname ("President Bush", but "Prince William" is a given name):
        # it joins the one full name it ends, and no guess between two.
        surname_of = [full for full in candidates if _words(groups[full][0])[-1] == words[-1]]
        for mention in groups.pop(key):
            if not _titled(mention):
                groups[_most_salient(mention, candidates, groups)].append(mention)
            elif len(surname_of) == 1:
                groups[surname_of[0]].append(mention)
            else:
                groups[key].append(mention)


def _merge_names_without_initials(groups: dict[str, list[Mention]]) -> None:
    """"W. Mark Felt" and "W. Mark Felt Sr." are "Mark Felt": a person's name that opens with
    initials, or ends with "Sr.", joins the name without them when an article writes it so."""
    for key in list(groups):
        words = _words(groups[key][0])
        core = _called(words)
        target = "".join(core)
        if _majority_type(groups[key]) == "PERSON" and core != words and target in groups \
                and _majority_type(groups[target]) == "PERSON":
            groups[target].extend(groups.pop(key))


def _called(words: tuple[str, ...]) -> tuple[str, ...]:
    """A person's name as it is called: without the initials opening it and the "Sr" ending it,
    when two words remain ("w mark felt sr" -> "mark felt"; "j k rowling" stays)."""
    rest = words[:-1] if words and words[-1] in ("sr", "snr") else words
    opened = next((i for i, word in enumerate(rest) if len(word) > 1), len(rest))
    return rest[opened:] if len(rest) - opened >= 2 else words


def _merge_names_without_middle(groups: dict[str, list[Mention]]) -> None:
    """"Anthony LaSalle" is "Anthony Phillip LaSalle": a person's name that another person's
    name holds with the same first and last word, when only one does. An initial names a
    middle name, never lacks one: "George W. Bush" is not "George H. W. Bush"."""
    people = {key: _words(members[0]) for key, members in groups.items()
              if _majority_type(members) == "PERSON" and len(_words(members[0])) >= 2}
    for key, tokens in sorted(people.items(), key=lambda item: len(item[1])):
        if any(len(word) == 1 for word in tokens[1:-1]):
            continue
        fuller = [other for other, words in people.items()
                  if len(words) > len(tokens) and words[0] == tokens[0]
                  and words[-1] == tokens[-1] and set(tokens) < set(words) and other in groups]
        if len(fuller) == 1:
            groups[fuller[0]].extend(groups.pop(key))


# Short forms of a given name that do not begin it ("Joe" begins "Joseph"; "Bill" does not
# begin "William"), each group one name; none stands for two names of two sexes ("Chris",
# "Sam", "Alex" are left out).
_HYPOCORISTICS = (
    ("william", "bill", "billy", "will", "willy", "willie"),
    ("robert", "bob", "bobby", "rob", "robbie"),
    ("richard", "dick", "rick", "ricky", "rich", "richie"),
    ("james", "jim", "jimmy"),
    ("edward", "ed", "eddie"),
    ("michael", "mike"),
    ("anthony", "tony"),
    ("charles", "chuck"),
    ("elizabeth", "liz", "beth", "betty", "betsy"),
    ("margaret", "peggy", "maggie"),
    ("lawrence", "larry"),
    ("stephen", "steven", "steve"),
    ("rebecca", "becky"),
)  # fmt: skip


def given_name_key(word: str) -> str:
    """One given name however it is spelt (``word``: one of ``name_tokens``): "Catherine" and
    "Katherine" ("katerine"), "Bettie" and "Betty", "Phillip" and "Philip", "Sarah" and "Sara",
    "Jon" and "John", "Mohammed" and "Mohamed"; a short form that does not begin the name takes
    its key ("Bill" -> "William"). Only spellings of one sound are joined: a hard C is a K,
    "ph" an F, "y" an "i", an "h" after T, K, R or G or before no vowel and a doubled
    consonant are silent, and "-ie", "-y", "-ey" end alike; a vowel changed or an ending added
    is a name of its own ("Michael" / "Michelle", "Daniel" / "Danielle", "Louis" / "Louise",
    "Joan" / "John", "Johan" / "Joan")."""
    key = _spelling(word)
    return _SHORT_FORMS.get(key, key)


def _spelling(word: str) -> str:
    word = word.replace("ph", "f")
    word = re.sub(r"c(?![eiy])", "k", word)
    word = word.replace("y", "i")
    word = re.sub(r"(?<=[tkrg])h|(?<=.)h(?![aeiou])", "", word)  # "Johan"'s h is sounded
    word = re.sub(r"([b-df-hj-np-tv-z])\1+", r"\1", word)
    return re.sub(r"(?:ie|ei)$", "i", word)


_SHORT_FORMS = {_spelling(short): _spelling(names[0]) for names in _HYPOCORISTICS
                for short in names}


def _merge_given_name_spellings(groups: dict[str, list[Mention]]) -> None:
    """"Catherine Gomes" is "Katherine Gomes": a person's name joins the one other person's
    name it is spelt as (``given_name_key`` on each word but the surname), when no article
    names both with their given names: there they may be two people ("Daniel and Danny
    Ortiz", a father and his son), and the article, not a guess, would tell."""
    spelt = {key: found for key, members in groups.items()
             if _majority_type(members) == "PERSON" and (found := _spellings(members))}
    for key in sorted(spelt, key=lambda k: len(groups[k])):
        others = [other for other, found in spelt.items()
                  if other != key and other in groups and found & spelt[key]]
        if key in groups and len(others) == 1 \
                and not _docs_naming(groups[key]) & _docs_naming(groups[others[0]]):
            groups[others[0]].extend(groups.pop(key))
            spelt[others[0]] |= spelt[key]


def _spellings(members: list[Mention]) -> set[tuple[str, ...]]:
    """The names of a group's mentions that give a given name (``_given``), each as
    ``given_name_key`` spells its given names."""
    return {(*map(given_name_key, words[:-1]), words[-1]) for m in members
            if _given(words := _called(_words(m)))}


def _given(words: tuple[str, ...]) -> bool:
    """Does a name give a given name before its surname? "de Soultrait" opens with a
    particle of the surname, and initials are no name ("J. Smith", ``_called``)."""
    return len(words) >= 2 and words[0] not in NAME_PARTICLES


def _docs_naming(members: list[Mention]) -> set[str]:
    """The articles that name a group's person with a given name."""
    return {m.doc for m in members if _given(_called(_words(m)))}


def _capitalised(name: str) -> bool:
    """A name is capitalised throughout but for its particles ("Ludwig van Beethoven",
    "Mohammed bin Salman"): "Lackey told The Associated Press" is the entity model's slip, not
    Lackey's full name."""
    return all(w in NAME_PARTICLES or not w[:1].isalpha()
               or any(part[:1].isupper() for part in w.split("-"))  # "al-Assad", "Jong-un"
               for w in name.split())


def _most_salient(mention: Mention, candidates: list[str], groups: dict[str, list[Mention]]) -> str:
    def salience(key: str) -> tuple[int, int, int]:
        members = groups[key]
        same_doc = [m for m in members if m.doc == mention.doc]
        before = sum(m.start < mention.start for m in same_doc)
        return before, len(same_doc), len(members)

    return max(candidates, key=salience)


def _majority_type(members: list[Mention]) -> str:
    return Counter(m.type for m in members).most_common(1)[0][0]


def _entity(members: list[Mention]) -> Entity:
    members = sorted(members, key=lambda m: (m.doc, m.start))
    forms = Counter(m.text for m in members)
    words = {m.text: _words(m) for m in members}
    untitled = {m.text for m in members if not _titled(m)}
    longest = max(len(w) for w in words.values())
    # The fullest name, as an article wrote it without a title if one did, the most used among
    # those; the first seen on a tie (Counter keeps order).
    name = max((f for f in forms if len(words[f]) == longest),
               key=lambda f: (f in untitled, forms[f]))
    types = Counter(m.type for m in members if words[m.text] == words[name])
    return Entity(
        id="",
        name=name,
        type=types.most_common(1)[0][0],
        aliases=tuple(sorted(f for f in forms if f != name)),
        mentions=tuple(members),
    )


def _with_unique_ids(entities: list[Entity]) -> list[Entity]:
    taken: Counter[str] = Counter()
    result = []
    for entity in entities:
        slug = "-".join(name_tokens(entity.name)) or "entity"
        taken[slug] += 1
        suffix = f"-{taken[slug]}" if taken[slug] > 1 else ""
        result.append(Entity(f"{slug}{suffix}", entity.name, entity.type, entity.aliases,
                             entity.mentions))
    return result


def name_speakers(quotes: Iterable[Quote], entities: Iterable[Entity]) -> list[Quote]:
    """Quotes with ``speaker`` set to the resolved entity's name. A speaker the entity model
    missed ("'' Pinder said.") takes the name of the person whose fuller name holds it ("Mark
    Pinder"), else stands as written."""
    entities = list(entities)
    # By the whole span: "Lackey" the speaker is not "Lackey told The Associated Press", a
    # title the entity model read from the same place.
    names = {(m.doc, m.start, m.end): e.name for e in entities for m in e.mentions}
    people = [e for e in entities if e.type == "PERSON"]
    named = []
    for quote in quotes:
        mention = quote.speaker_mention
        speaker = None
        if mention is not None:
            speaker = names.get((mention.doc, mention.start, mention.end))
            if speaker is None and _is_body_noun(mention):
                speaker = _body_named(mention, entities)
            else:
                speaker = speaker or _same_name(mention, entities) or _fuller_name(mention,
                                                                                     people)
                speaker = _named_before(speaker, mention, entities) or speaker
        named.append(dataclasses.replace(quote, speaker=speaker))
    return named


def _is_body_noun(mention: Mention) -> bool:
    """Is the speaker a body named by its common noun ("police", "parks service")?"""
    words = mention.text.split()
    return mention.type == "ORG" and bool(words) and mention.text[1:].islower() \
        and _singular(words[-1]) in BODY_NOUNS


def _body_named(mention: Mention, entities: list[Entity]) -> str:
    """A body quoted by its common noun takes the one fuller name the same article gives a
    body with all its words ("police" -> "Surrey Police", "LAPD"'s "Los Angeles Police
    Department"); two such bodies or none: the noun as the article writes it."""
    words = {_singular(w) for w in name_tokens(mention.text)}
    # Any type: the entity model may take "Surrey Police" for a person.
    named = {e.name for e in entities if len(name_tokens(e.name)) > len(words)
             and _capitalised(e.name)
             and words <= {_singular(w) for w in name_tokens(e.name)}
             and any(m.doc == mention.doc for m in e.mentions)}
    return named.pop() if len(named) == 1 else mention.text


def _singular(word: str) -> str:
    """"prosecutors" -> "prosecutor"; "police" and "parks" as the article has them otherwise."""
    word = word.casefold()
    return word[:-1] if word.endswith("s") and word[:-1] in BODY_NOUNS else word


def _named_before(speaker: str, mention: Mention, entities: list[Entity]) -> str | None:
    """The one fuller name the speaker's article gave before, ending in the speaker's single
    word: "Christman said" after "Lissa Druss Christman, a spokeswoman" when the entity model
    took her for an organisation, which no person's name joins. Two such names: no guess,
    unless one holds the other ("The Notorious Bettie Page", a film's title the model took for
    a person, holds "Bettie Page"): the one it holds."""
    words = name_tokens(bare_name(speaker, "PERSON"))  # "Sgt. Kell" too
    if len(words) != 1:
        return None
    fuller = {tokens: e.name for e in entities if _capitalised(e.name) for m in e.mentions
              if m.doc == mention.doc and m.end <= mention.start
              and len(tokens := name_tokens(bare_name(m.text, "PERSON"))) > 1
              and tokens[-1] == words[0]}
    held = {name for tokens, name in fuller.items()
            if not any(set(other) < set(tokens) for other in fuller)}
    return held.pop() if len(held) == 1 else None


def _same_name(mention: Mention, entities: list[Entity]) -> str | None:
    """The entity named by the very words of the mention, however cased ("ECOWAS" said, of
    the entity "Ecowas"), of whatever type the model gave it."""
    words = _words(mention)
    return next((e.name for e in entities if name_tokens(bare_name(e.name, e.type)) == words),
                None) if words else None


def _fuller_name(mention: Mention, people: list[Entity]) -> str:
    """The person (most mentioned in the mention's article, then overall) whose name holds all
    the words of ``mention``, else the mention's own words."""
    words = set(_words(mention))
    holders = [e for e in people if words <= set(name_tokens(e.name)) and _capitalised(e.name)]
    if not holders:
        return mention.text
    return max(holders, key=lambda e: (sum(m.doc == mention.doc for m in e.mentions),
                                       len(e.mentions))).name
