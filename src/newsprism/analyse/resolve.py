"""Resolve entity mentions across articles into entities.

Three rules, in order:
1. Spelling variants are one name: case, accents, hyphens, dots and spaces are ignored
   ("Kim Jong-un" = "Kim Jong Un", "U.S." = "US").
2. An acronym joins the multi-word name whose initials it spells ("US" = "United States").
3. A person's name without the middle name joins the one fuller name with the same first and
   last words ("Anthony LaSalle" = "Anthony Phillip LaSalle"). A partial person name ("Kim",
   "Putin") joins a full name that contains it. When several full names do ("Kim Jong-un",
   "Kim Jong-il"), the one most salient in the same article wins: most mentioned there before
   this mention, then in the article, then overall.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable

from newsprism.model import Entity, Mention, Quote

_WORD = re.compile(r"[a-z0-9]+")
_MINOR = {"of", "the", "and", "for", "de", "la"}
NAME_PARTICLES = _MINOR | {"van", "von", "der", "den", "da", "di", "du", "del", "della", "dos",
                           "das", "bin", "ibn", "al", "el", "le", "y", "ben", "ter", "zu"}


def name_tokens(name: str) -> tuple[str, ...]:
    """Comparable words of a name: "Kim Jong-un’s" -> ("kim", "jong", "un")."""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(ch for ch in name if not unicodedata.combining(ch)).casefold()
    name = re.sub(r"['’]s\b", "", name).replace(".", "")
    return tuple(_WORD.findall(name))


def resolve_entities(mentions: Iterable[Mention]) -> list[Entity]:
    """Group mentions (of all articles, in reading order) into entities, most mentioned first."""
    mentions = list(mentions)
    groups: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        tokens = name_tokens(mention.text)
        if tokens:
            groups["".join(tokens)].append(mention)
    _merge_acronyms(groups)
    _merge_partial_person_names(groups)
    entities = [_entity(members) for members in groups.values()]
    entities.sort(key=lambda e: (-len(e.mentions), e.name))
    return _with_unique_ids(entities)


def _merge_acronyms(groups: dict[str, list[Mention]]) -> None:
    initials: dict[str, str] = {}
    for key, members in groups.items():
        words = [w for w in name_tokens(members[0].text) if w not in _MINOR]
        if len(words) >= 2 and members[0].type in ("ORG", "GPE", "LOC", "FAC"):
            initials.setdefault("".join(w[0] for w in words), key)
    for key in list(groups):
        members = groups[key]
        is_acronym = all(m.text.replace(".", "").isupper() for m in members)
        target = initials.get(key)
        if is_acronym and target and target != key and target in groups:
            groups[target].extend(groups.pop(key))


def _merge_partial_person_names(groups: dict[str, list[Mention]]) -> None:
    _merge_names_without_middle(groups)
    full_names = {
        key: set(name_tokens(members[0].text))
        for key, members in groups.items()
        if _majority_type(members) == "PERSON" and len(name_tokens(members[0].text)) >= 2
        and _capitalised(members[0].text)
    }
    for key in list(groups):
        if key in full_names:
            continue
        tokens = set(name_tokens(groups[key][0].text))
        kind = _majority_type(groups[key])
        # ORG too: the model sometimes tags a surname ("Trump") as an organisation; a surname
        # ends the name, so "Tesla" is not the "Tesla Model X" the model took for a person.
        candidates = [full for full, words in full_names.items() if tokens < words and (
            kind == "PERSON" or name_tokens(groups[full][0].text)[-1] in tokens)]
        if not candidates or kind not in ("PERSON", "ORG"):
            continue
        for mention in groups.pop(key):
            groups[_most_salient(mention, candidates, groups)].append(mention)


def _merge_names_without_middle(groups: dict[str, list[Mention]]) -> None:
    """"Anthony LaSalle" is "Anthony Phillip LaSalle": a person's name that another person's
    name holds with the same first and last word, when only one does."""
    people = {key: name_tokens(members[0].text) for key, members in groups.items()
              if _majority_type(members) == "PERSON" and len(name_tokens(members[0].text)) >= 2}
    for key, tokens in sorted(people.items(), key=lambda item: len(item[1])):
        fuller = [other for other, words in people.items()
                  if len(words) > len(tokens) and words[0] == tokens[0]
                  and words[-1] == tokens[-1] and set(tokens) < set(words) and other in groups]
        if len(fuller) == 1:
            groups[fuller[0]].extend(groups.pop(key))


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
    longest = max(len(name_tokens(form)) for form in forms)
    # The fullest form, the most used among those; the first seen on a tie (Counter keeps order).
    name = max((f for f in forms if len(name_tokens(f)) == longest), key=lambda f: forms[f])
    types = Counter(m.type for m in members if name_tokens(m.text) == name_tokens(name))
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
            speaker = names.get((mention.doc, mention.start, mention.end)) or \
                _fuller_name(mention, people)
            speaker = _named_before(speaker, mention, entities) or speaker
        named.append(dataclasses.replace(quote, speaker=speaker))
    return named


def _named_before(speaker: str, mention: Mention, entities: list[Entity]) -> str | None:
    """The one fuller name the speaker's article gave before, ending in the speaker's single
    word: "Christman said" after "Lissa Druss Christman, a spokeswoman" when the entity model
    took her for an organisation, which no person's name joins. Two such names: no guess."""
    words = name_tokens(speaker)
    if len(words) != 1:
        return None
    fuller = {e.name for e in entities if len(name_tokens(e.name)) > 1
              and name_tokens(e.name)[-1] == words[0] and _capitalised(e.name)
              and any(m.doc == mention.doc and m.end <= mention.start for m in e.mentions)}
    return fuller.pop() if len(fuller) == 1 else None


def _fuller_name(mention: Mention, people: list[Entity]) -> str:
    """The person (most mentioned in the mention's article, then overall) whose name holds all
    the words of ``mention``, else the mention's own words."""
    words = set(name_tokens(mention.text))
    holders = [e for e in people if words <= set(name_tokens(e.name)) and _capitalised(e.name)]
    if not holders:
        return mention.text
    return max(holders, key=lambda e: (sum(m.doc == mention.doc for m in e.mentions),
                                       len(e.mentions))).name
