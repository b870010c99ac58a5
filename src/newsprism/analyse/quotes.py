"""Direct quotes and quoted phrases, with the mention of their speaker.

Quote marks are read from one table of pairs (“…”, „…“, „…”, ``…'' of wire archives and its
curly ‘‘…’’, «…», ‹…›, "…", ‘…’, `…' and '…') by one matcher: a stack of open quotes, in reading
order. A mark that may also be an apostrophe (’ ') or that opens and closes alike (" ') takes its
role from the characters beside it: an opening mark follows a space or the start of a line and
is followed by a word that is no elision (’s, ’90s, rock ’n’ roll); a closing mark follows a
word and is followed by a space, punctuation or the end, and is no plural possessive (the
workers’ union). An opening mark typed where the closing one belongs (", `` said X") closes. A
quotation runs over several paragraphs when the next paragraph opens with the same mark again
(the closing mark comes only at the end of the last); each paragraph's part is a quote of its
own, with the quotation's speaker. A double mark also carries over a line break without being
repeated, for a few lines, as one-sentence-a-line archives break a quotation of sentences.

A speaker is found, in order of trust:
0. the name alone before a colon that opens the quote's line, as interviews are laid out
   ("Andrew McCarthy: 'I'll take them all.'"), or a name as a caption's label before it
   ("Media caption Gerry Adams: “...”");
1. the subject of a verb of saying just after the quote ("“...,” she said", "said X", "“...”
   People quoted him as saying"), or of one just before it ("X told reporters: “...”"), or
   of any verb whose clause hands a statement over by a colon ("Hale was blunt: “...”"), or
   of the next paragraph when it is an attribution and nothing else ("...”\n\nRoesler said.");
2. "according to X" in the sentence;
3. the subject of the nearest verb that governs the quoted words ("Kim applauded a “...”"),
   or no one when that subject names no one, or the owner of words that do ("a Confucius'
   saying, “...”", "his statement that “...”");
4. a source the sentence cites inline ("... “anticlimactic” (Asia Times, April 25)");
5. for a quote that is a sentence of its own, the speaker of the quote in the sentence before
   (news quotes one speaker over several sentences after naming them once), unless another
   person is named between;
6. for a statement with no attribution of its own, the person whose words the sentence before
   reports ("Galanter says he could hear the jury's anger.\n\n“How do you write ...”").
A pronoun (he, she), or a description of the person the story follows ("the New York native"),
is followed back to the person it stands for, of its gender, named outside quotation marks
(``analyse/pronouns.py``); "I" in an oral history or transcript to the person its speaker line
names ("JAMES DIXON: ... I just said to him, “...”"); "it" that says something to the body that
is the subject just before; a surname alone to the one full name its article gave of it; a
definite description ("the board", "the spokesperson") to the body named before, a body's
name right before the noun of its kind ("the Traditional Unionist Voice party") to that body,
and a role ("the president") to the one person the article gave that title; a
spokesman called by what a body is ("a studio representative") to the body the article named
so before ("studio Summit Entertainment"); a proper noun the entity model missed is a name,
without its rank ("Police Constable Tim Fanning", "Inspector-General of Police Khalid Abu
Bakar"), and so is a body's name after "the" and a
surname the parser took for a common noun; a nationality is nobody's voice ("Brazilian
officials said"); a subject in another paragraph than its verb never speaks; a passive's
subject is spoken to, not speaking ("when he was asked"), and so is the name after "told"
("told Reuters"): a statement to an outlet is the speaker's. A subject that
names no one ("police said", "they said") leaves the speaker unknown rather than guessed. A
multi-paragraph quotation's speaker is the one named at its end or at its start. A quote within
a quote speaks only through a name inside the outer one. Otherwise the speaker is left unknown:
a scare quote has no speaker, and a title or nickname in marks ("The Juice") is a quote of kind
``name`` that no one says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import takewhile
from typing import TYPE_CHECKING

from newsprism.analyse.entities import PERSON_ROLES
from newsprism.analyse.nlp import TITLES, noun_lemma
from newsprism.analyse.pronouns import KIN, Antecedents, is_person_noun, person_key
from newsprism.analyse.resolve import BODY_NOUNS, bare_name, name_tokens
from newsprism.model import Citation, Mention, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Opening mark -> the closing marks that end it. “ opens English quotes and closes German ones.
# Web copy mixes curly and straight marks (“...", "...”, ‘...').
PAIRS: dict[str, tuple[str, ...]] = {
    # "\ufffd?": ” in copy decoded as Windows-1252 (its third byte has no character there).
    "“": ("”", '"', "’’", "\ufffd?"),
    "„": ("“", "”"),
    "``": ("''",),
    "‘‘": ("’’",),  # `` '' set in curly type
    "«": ("»",),
    "‹": ("›",),
    # Wire archives whose `` became " kept the '' that closes it ("... disability,'' he said").
    '"': ('"', "”", "''"),
    "‘": ("’", "'"),
    "`": ("'",),
    "'": ("'", "’"),
}
_SINGLE = {"‘", "`", "'"}  # quotes within quotes and headlines: never run past a paragraph
_CLOSERS = {c for closers in PAIRS.values() for c in closers}
_MARK = re.compile("|".join(re.escape(m) for m in sorted(PAIRS.keys() | _CLOSERS, key=len,
                                                         reverse=True)))
# Marks that are also apostrophes, or open and close alike: their role depends on their context.
_CONTEXTUAL = {'"', "'", "‘", "’"}
_OPEN_AFTER = "([{—–-/" + "".join(PAIRS)  # characters after which a mark opens
_CLOSE_BEFORE = ".,;:!?)]}…—–-" + "".join(_CLOSERS)  # characters before which a mark closes
# ’s, ’re, ’90s, ’em, ’til, ’cause, ’tis, rock ’n’ roll: elisions, not opening marks.
_ELISION = re.compile(r"(?:s|d|m|t|ll|re|ve|em|n|til|cause|tis|twas|\d\d)(?![^\W\d_])",
                      re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n\s*\n")
_PARAGRAPH_READ = 3000  # characters read either side of a quote for its paragraph's ends
_LINE_GAP = 4  # lines an unrepeated double mark carries over (archives: a sentence a line)

_SPEAKER_TYPES = {"PERSON", "ORG", "GPE", "NORP"}
_PRONOUNS = {"he", "she", "him", "her", "his"}
_SIGNATURE = re.compile(r"\n\s*[-–—―]+ ?(?P<name>[^\n]+?)\s*(?:\n|$)")
_COPULAS = {"is", "are", "was", "were", "be", "been", "being", "'s", "'re", "am"}
# Title case leaves short words small: "Travel as a Political Act", "Gone with the Wind".
_NAME_JOINERS = {"and", "of", "the", "for", "&", "de", "on", "to", "a", "an", "in", "at", "as",
                 "with", "by", "or", "from"}
# Surface forms: the pipeline has no lemmatizer.
_SAYING = {
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
        "answer": ("", "s", "ed"), "maintain": ("", "s", "ed"),
    }.items()
    for ending in endings
}
# Verbs whose subject owns the words it puts in quote marks, whoever reports it.
_NAMING = {"call", "calls", "called", "calling", "label", "labels", "labelled", "labeled",
           "term", "terms", "termed", "brand", "brands", "branded", "dub", "dubs", "dubbed",
           "accuse", "accuses", "accused", "accusing"}
_RANK_WORDS = {"police", "prime", "vice", "former", "acting", "chief", "state", "foreign"}
_SPEECH_NOUNS = {"saying", "statement", "remark", "word", "message", "comment", "speech",
                 "warning", "promise", "pledge", "answer", "reply", "motto"}
# Nouns whose clause is what someone holds or says ("a ruling that ...", "the claim that ...").
_CONTENT_NOUNS = _SPEECH_NOUNS | {"ruling", "verdict", "decision", "judgment", "judgement",
                                  "finding", "claim", "report", "allegation", "argument"}
# A name in these roles is a verb's subject, object or complement, no label of its own.
_ARGUMENTS = {"nsubj", "nsubjpass", "dobj", "iobj", "pobj", "dative", "attr", "oprd", "conj",
              "poss", "agent"}
_ADDRESSING = {"tell", "tells", "told", "telling", "ask", "asks", "asked", "asking"}
# "a spokesman for the ministry said": a name inside the subject's prepositional phrase speaks
# only through these heads ("a friend of Jackman said" is not Jackman speaking).
_VOICES = {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "representative",
           "statement", "office", "official", "officials"}
# Nouns a publication or agency is named before ("the Rodong Sinmun newspaper").
_OUTLETS = {"newspaper", "paper", "daily", "agency", "broadcaster", "magazine", "tabloid",
            "website", "channel", "network", "station", "weekly"}
_WORD_AFTER_MARK = re.compile(r"[^\W\d_]+")
_SPEAKER_LINE = re.compile(r"^(?P<name>[^\W\d_][^\n:()]{1,60}?)(?: \([^()\n]*\))?:",
                           re.MULTILINE)
_SELF_NAMED = re.compile(r"\b(?:I|me),(?:\s+[A-Z][\w.'’-]*)+,")
_WINDOW = 10  # tokens between a quote mark and its verb of saying ("X said on Tuesday that")
_NAME_WORDS = 5  # a title-case phrase this short in quote marks is a name
_TITLE_WORDS = 8  # a longer one, up to this, when a small word in it stays small
PHRASE_WORDS = 4  # shorter quotes are phrases ("candid and meaningful"), not statements
# Characters between two quotations of one speaker: ',” Mr. Pigeon said. “', or with the
# speaker described: ',” Chen Qigang, the opening ceremonies general music designer, said
# Sunday during a radio interview. “'.
CONTINUATION_GAP = 120


@dataclass(frozen=True)
class _Article:
    """What the speaker search knows of one article besides its parse."""

    doc_id: str
    mentions: tuple[Mention, ...]
    citations: tuple[Citation, ...]
    antecedents: Antecedents


@dataclass
class _Open:
    """A quotation being read: its opening mark, the start of its current paragraph's words,
    that paragraph's line and the parts of the paragraphs before."""

    mark: str
    start: int
    line: int
    parts: list[tuple[int, int]] = field(default_factory=list)


def find_quotations(text: str) -> list[list[tuple[int, int]]]:
    """Each quotation in ``text`` as the spans of its words, one per paragraph, without marks,
    in order of their start."""
    found: list[list[tuple[int, int]]] = []
    stack: list[_Open] = []
    line, counted = 0, 0
    for match in _MARK.finditer(text):
        mark, pos, end = match[0], match.start(), match.end()
        line, counted = line + text.count("\n", counted, pos), pos
        if _carry_over(stack, text, mark, pos, end, line):
            continue
        opens, closes = _roles(text, mark, pos, end)
        target = _open_quote(stack, mark) if closes else None
        if target is None and opens and _after_words(text, pos, end):
            # "..., `` said Stefanski": an opening mark typed where the closing one belongs.
            target = next((i for i, q in enumerate(stack) if q.mark == mark), None)
        if target is not None:
            quote = stack[target]
            del stack[target:]
            found.append([*quote.parts, (quote.start, pos)])
        elif opens:
            same = next((i for i, q in enumerate(stack) if q.mark == mark), None)
            if same is not None:
                del stack[same:]  # a mark never opens inside its own kind: the old one was stray
            stack.append(_Open(mark, end, line))
    spans = [[part for part in (_trim(text, a, b) for a, b in quote) if part] for quote in found]
    return sorted((s for s in spans if s), key=lambda s: s[0])


def _carry_over(stack: list[_Open], text: str, mark: str, pos: int, end: int, line: int) -> bool:
    """Carry the open quotes over the line breaks before ``pos``; True when the mark at ``pos``
    is the repeated opening mark of a quotation's new paragraph."""
    repeated = False
    line_start = text.rfind("\n", 0, pos) + 1
    for i in range(len(stack) - 1, -1, -1):
        quote = stack[i]
        if quote.line == line:
            continue
        # The next paragraph only: a quote left open, then a paragraph of narrative, then a
        # new quote is a stray mark, not one quotation (an archive's lines without a blank line
        # between them are the sentences of one paragraph).
        next_paragraph = _BLANK_LINE.search(text[quote.start : line_start].strip()) is None
        if mark == quote.mark and not repeated and next_paragraph and \
                not text[line_start:pos].strip():
            quote.parts.append((quote.start, line_start))
            quote.start, quote.line, repeated = end, line, True
        elif quote.mark in _SINGLE or line - quote.line > _LINE_GAP:
            del stack[i:]  # left open: not a quotation we can place
    return repeated


def _roles(text: str, mark: str, pos: int, end: int) -> tuple[bool, bool]:
    """Whether the mark at ``pos`` may open and may close a quote, from the characters beside
    it for marks that are also apostrophes or open and close alike."""
    opens, closes = mark in PAIRS, mark in _CLOSERS
    if mark not in _CONTEXTUAL:
        return opens, closes
    may_open = _opens_clearly(text, pos, end) and not (
        mark != '"' and _ELISION.match(text, end)
    )
    before, after = _char(text, pos - 1), _char(text, end)
    # A straight mark between two spaces is a tokenised archive's (`` fun . ' ): it may close.
    spaced = mark in {'"', "'"} and before.isspace() and after.isspace()
    may_close = (_closes_clearly(text, pos, end) or spaced) and not (
        mark != '"' and _possessive(text, pos, end)
    )
    if mark == '"' and spaced:
        may_open = True
    return opens and may_open, closes and may_close


def _opens_clearly(text: str, pos: int, end: int) -> bool:
    before, after = _char(text, pos - 1), _char(text, end)
    return (before.isspace() or before in _OPEN_AFTER) and not after.isspace()


def _closes_clearly(text: str, pos: int, end: int) -> bool:
    """After a word and before a space or punctuation, or right after the speaker's own
    punctuation (scraped copy drops spaces: 'taking place."Each of')."""
    before, after = _char(text, pos - 1), _char(text, end)
    return (not before.isspace() and (after.isspace() or after in _CLOSE_BEFORE)) or \
        before in ".!?,;"


def _after_words(text: str, pos: int, end: int) -> bool:
    """The mark ends a clause: punctuation before it on its line, or a comma or stop after."""
    return _neighbour(text, pos, -1) in (",", ".", "?", "!") or \
        _neighbour(text, end - 1, 1) in (",", ".", ";", ":")


def _neighbour(text: str, i: int, step: int) -> str:
    """The first character other than a space from ``i`` in direction ``step``, on its line."""
    i += step
    while 0 <= i < len(text) and text[i] == " ":
        i += step
    return text[i] if 0 <= i < len(text) and text[i] != "\n" else ""


def _char(text: str, i: int) -> str:
    return text[i] if 0 <= i < len(text) else "\n"


def _possessive(text: str, pos: int, end: int) -> bool:
    """An ’ or ' after a word ending in s and before another word: a plural possessive ("the
    workers’ union", tokenised "the Oscars ' audience"), never taken for a closing mark (the rare
    ‘... the workers’ he said is lost; 'hood ... the Arabs' own is no quote)."""
    return _neighbour(text, pos, -1) in ("s", "S") and _char(text, end).isspace() and \
        _char(text, end + 1).isalnum()


def _open_quote(stack: list[_Open], mark: str) -> int | None:
    """The innermost open quote that ``mark`` closes."""
    return next((i for i in range(len(stack) - 1, -1, -1) if mark in PAIRS[stack[i].mark]), None)


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The quoted words: without white space, nor the reporter's comma of “..., ” said X (the
    speaker's own ., ! and ? stay)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return (start, end) if any(ch.isalpha() for ch in text[start:end]) else None


def extract_quotes(
    doc: Doc,
    doc_id: str,
    mentions: tuple[Mention, ...],
    citations: tuple[Citation, ...] = (),
) -> tuple[Quote, ...]:
    text = doc.text  # Doc.text is rebuilt from the tokens on every access
    quotations = find_quotations(text)
    inside = [(a, b) for quotation in quotations for a, b in quotation]
    article = _Article(doc_id, mentions, citations, Antecedents(doc, mentions, inside))
    quotes: list[Quote] = []
    previous: tuple[int, Mention | None] = (-1, None)  # the last quotation's end and speaker
    for parts in quotations:
        named = text[parts[0][0]:parts[0][1]].split()
        # A title long enough to mark itself keeps its name before a verb of saying: “A Secret
        # History of the IRA,” argues its author.
        if len(parts) == 1 and _is_name(named) and (
                len(named) > _NAME_WORDS or not _said_next(text, parts[0][1])):
            # “Belt and Road”, "The Juice", ``Crazy T'': a name in quote marks, said by no one.
            quotes.append(Quote(doc_id, *parts[0], text[slice(*parts[0])], None, None, "name"))
            continue
        outer = next(((a, b) for a, b in inside if a < parts[0][0] and parts[-1][1] <= b), None)
        speaker = _quotation_speaker(doc, article, parts, outer, inside, previous)
        for start, end in parts:
            words = text[start:end]
            # “Yes,” he said: a reply, however short; the comma was cut off the words.
            statement = len(words.split()) >= PHRASE_WORDS or any(
                ch in ".,!?…" for ch in text[end - 1 : end + 1])
            quotes.append(Quote(doc_id, start, end, words, None, speaker,
                                "quote" if statement else "phrase"))
        if outer is None:
            previous = (parts[-1][1], speaker)
    return tuple(quotes)


def _said_next(text: str, end: int) -> bool:
    """Does a verb of saying follow the closing mark within two words? “Yes,” he said and
    "CSI," said Dave Joyce are replies, not names."""
    following = _WORD_AFTER_MARK.findall(text, end, end + 40)[:2]
    return any(word.lower() in _SAYING for word in following)


def _is_name(words: list[str]) -> bool:
    """“Belt and Road”: a short title-case phrase in quote marks is a name (a title, a
    nickname, a slogan), not anyone's words; so is a longer one of up to eight words that
    title case marks as such by a small word kept small (“A Secret History of the IRA”, a
    book's title beside its author, who argues that ...)."""
    # A number opens a title as a capital does (“50 Shades of Grey”, “30 Rock”).
    if not all(w[:1].isupper() or w[:1].isdigit() or w in _NAME_JOINERS for w in words) or \
            not any(w[:1].isupper() for w in words):
        return False
    return len(words) <= _NAME_WORDS or (len(words) <= _TITLE_WORDS and any(
        w in _NAME_JOINERS for w in words[1:]))


def _quotation_speaker(
    doc: Doc,
    article: _Article,
    parts: list[tuple[int, int]],
    outer: tuple[int, int] | None,
    inside: list[tuple[int, int]],
    previous: tuple[int, Mention | None],
) -> Mention | None:
    first = doc.char_span(*parts[0], alignment_mode="expand")
    last = doc.char_span(*parts[-1], alignment_mode="expand")
    if first is None or last is None:
        return None
    quoted = {t.i for a, b in inside if (s := doc.char_span(a, b, alignment_mode="expand"))
              for t in s}
    if outer is not None:  # a quote within a quote: only a subject inside the outer one speaks
        inner = set(range(first.start, first.end))
        said = _said_before(first, inner)
        if said is not None and outer[0] <= said.idx < outer[1]:
            return _speaker_at(said, article)
        return _subject_of_governing_verb(first, inner, article, within=outer)
    named = _interview_speaker(first, article.mentions)
    if named is not None:
        return named
    before = _said_before(first, quoted)
    # "Steele said the department was ``treating it as suspicious'' but did not elaborate, The
    # Anchorage Daily News reported": the verb of saying the quote hangs on names its speaker;
    # the one after reports it.
    subject = before if _governs(before, first) else _said_after(last, quoted) or before
    if subject is not None:  # "police said": someone speaks, but no one we can name
        found = _speaker_at(subject, article)
        # "``Jermayne fired the shot,'' he said": the one the words name in the third person
        # is not the "he" who says them; the pronoun stood for someone else.
        named_in_quote = found is not None and found.type == "PERSON" and \
            subject.lower_ in _PRONOUNS and _named_in(found, article, doc.text, parts)
        return None if named_in_quote else found
    return (
        _signed(last, article.mentions)
        or _according_to(doc[first.start].sent, quoted, article)
        or _subject_of_governing_verb(first, quoted, article)
        or _cited_source(doc[last.end - 1].sent, article.citations, article.mentions)
        or _continued(first, last, previous, article.mentions)
        or _reported_before(first, quoted, article)
    )


def _signed(last: Span, mentions: tuple[Mention, ...]) -> Mention | None:
    """The person a quotation standing alone is signed by, on the line after it with a dash,
    as an epigraph is ("“...”\n\n- Steve Carell"): the line a person's name and nothing else."""
    text = last.doc.text
    after = text[last.end_char:].lstrip("".join(_CLOSERS) + " \t")
    signature = _SIGNATURE.match(after)
    if signature is None:
        return None
    start = len(text) - len(after) + signature.start("name")
    end = start + len(signature["name"].rstrip())
    return next((m for m in mentions if m.type == "PERSON" and (m.start, m.end) == (start, end)),
                None)


def _governs(subject: Token | None, quote: Span) -> bool:
    """Is the subject's verb of saying, or one joined to its verb ("Stephen called me and
    said"), one the quote hangs on, before it in its sentence?"""
    if subject is None:
        return False
    verb = subject.head
    saying = verb if verb.lower_ in _SAYING else next(
        (c for c in verb.children if c.dep_ == "conj" and c.lower_ in _SAYING), None)
    if saying is None or saying.i >= quote.start:
        return False
    return any(t.i == saying.i for t in _ancestors(quote.root))


def _named_in(person: Mention, article: _Article, text: str, parts: list[tuple[int, int]]
              ) -> bool:
    """Does a word of the person's name, as the article gives it anywhere, stand in the quoted
    words?"""
    key = person_key(person)
    names = {w for m in (person, *article.antecedents.people) if person_key(m) == key
             for w in _WORD_AFTER_MARK.findall(m.text) if w[:1].isupper()
             and w.lower() not in TITLES}
    # "I, Stephen Lane Vogelsang, have never ...": the speaker naming himself.
    return any(w in names for a, b in parts
               for w in _WORD_AFTER_MARK.findall(_SELF_NAMED.sub("", text[a:b])))


def _interview_speaker(first: Span, mentions: tuple[Mention, ...]) -> Mention | None:
    """The name alone before a colon at the start of the quote's line, as an interview is laid
    out ("Andrew McCarthy: 'I'll take them all.'")."""
    text = first.doc.text
    line_start = text.rfind("\n", 0, first.start_char) + 1
    before = text[line_start:first.start_char].rstrip().rstrip("".join(PAIRS)).rstrip()
    if not before.endswith(":"):
        return None
    name = before[:-1].strip()
    if not name or _is_heading(name):
        return None
    start = line_start + before.index(name)
    return next((m for m in mentions if m.type in ("PERSON", "ORG") and m.start == start
                 and m.end == start + len(name)), None) or _captioned(first, mentions)


def _captioned(first: Span, mentions: tuple[Mention, ...]) -> Mention | None:
    """A person named as a label right before the colon that opens the quote, as a video's
    caption gives its speaker ("Media caption Gerry Adams: “...”"): the name no verb's
    subject, object or complement ("He had a word for Trump: “...”" is Trump spoken to)."""
    doc = first.doc
    colon = next((t for t in reversed(doc[max(first.start - 3, 0) : first.start])
                  if not _is_mark(t) or t.text == ":"), None)
    if colon is None or colon.text != ":" or colon.i == 0:
        return None
    named = doc[colon.i - 1]
    found = next((m for m in mentions if m.type == "PERSON" and m.end == named.idx + len(named)
                  and m.start <= named.idx), None)
    if found is None:
        return None
    span = doc.char_span(found.start, found.end, alignment_mode="expand")
    return None if span is None or span.root.dep_ in _ARGUMENTS else found


def _speaker_line(token: Token, article: _Article) -> Mention | None:
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


def _reported_before(first: Span, quoted: set[int], article: _Article) -> Mention | None:
    """A statement quoted with no attribution of its own, right after a sentence that reports
    what someone said ("Galanter says he could hear the jury's anger. And he didn't blame
    them.\n\n“How do you write a book ...”"; "He also argued that he'd been a model prisoner.
    When he'd arrived, “I gave my word ...”"): the one who said it goes on. A short phrase in
    marks is no statement and stays no one's, and so does a quote whose own sentence has an
    attribution that could not be read ("with the later stating that")."""
    if len(first.text.split()) < PHRASE_WORDS:
        return None
    doc = first.doc
    sentence = doc[first.start].sent
    if any(t.lower_ in _SAYING and t.i not in quoted for t in sentence):
        return None
    for back in range(2):  # the sentence before, or the one before that when it is short
        if sentence.start == 0:
            return None
        sentence = doc[sentence.start - 1].sent
        # A verb that reports words, not one with a clause of doing for its complement
        # ("Bacall continued making movies").
        said = [t for t in sentence if t.lower_ in _SAYING and t.pos_ == "VERB"
                and t.i not in quoted and not any(c.dep_ == "xcomp" for c in t.children)]
        subject = _subject(said[-1]) if said else None
        if subject is not None:
            found = _speaker_at(subject, article)
            return found if found is not None and found.type == "PERSON" else None
        if back == 0 and len(sentence) > 12:
            return None
    return None


def _said_after(quote: Span, quoted: set[int]) -> Token | None:
    """Who says it by a verb of saying after the closing mark, in the sentence or, when the
    parser cut it there, in a short next sentence ("''\\nhe said.")."""
    doc = quote.doc
    sentence = doc[quote.end - 1].sent
    after = [t for t in doc[quote.end : sentence.end] if t.i not in quoted]
    words = [t for t in after if not _is_mark(t) and not t.is_space]
    if sentence.end < len(doc) and not words:
        following = doc[sentence.end].sent
        # A question or exclamation ends the parser's sentence: "``So which is it?'' Deputy
        # Public Defender Peter Lynch asked Coleman, who in turn said ...".
        if len(following) <= 8 or following[0].is_lower or quote.text.rstrip()[-1:] in "?!":
            after += [t for t in following if t.i not in quoted]
    elif sentence.end < len(doc) and words[-1].text.rstrip(".").lower() in TITLES:
        # A sentence the parser ended at a short title: '," LAPD Cmdr. Andy Smith said.'
        after += [t for t in doc[sentence.end].sent if t.i not in quoted]
    # An attribution stands in the quote's paragraph: "...”\n\nSheahan said police have
    # video" is the next paragraph's news, whatever sentence the parser made of it.
    # Not a line an archive broke after a title: "the Rev.\n\nLarry Kroon ... said".
    paragraph = next((n for n, t in enumerate(after) if t.is_space and _BLANK_LINE.search(
        t.text) and not any(w.text.rstrip(".").lower() in TITLES for w in after[max(n - 2, 0):n])),
        len(after))
    own = after[:paragraph]
    if not any(not _is_mark(t) and not t.is_space for t in own):
        own = _attribution_line(after[paragraph + 1 :]) or own
    return _subject_of_saying(_past_aside(own), quoted, ahead=True)


# A verb of saying with only these beside its subject reports nothing of its own: "Roesler
# said Thursday in a statement."
_ATTRIBUTION_ONLY = {"nsubj", "punct", "npadvmod", "advmod", "prep", "aux", "neg"}


def _attribution_line(tokens: list[Token]) -> list[Token] | None:
    """The next paragraph when it is an attribution and nothing else, as wire copy sets the
    speaker of the quote that ends the paragraph before on a line of its own ("...dead.''\n\n
    Roesler said."): its verb of saying has no clause or object it would report, so the line
    is no news of its own; a line that says something ("Roesler said the site logs 20 million
    hits") or hands over to the next quote ("Roesler said:") keeps its own."""
    line = list(takewhile(lambda t: not (t.is_space and _BLANK_LINE.search(t.text)), tokens))
    words = [t for t in line if not t.is_space]
    if not words or words[-1].text != "." or len(words) > _WINDOW or any(
            t.is_quote for t in words):
        return None
    doc = words[0].doc
    # The whole paragraph: the parser's sentence may have cut it short.
    rest = doc[words[-1].i + 1 :]
    if rest and not (rest[0].is_space and (_BLANK_LINE.search(rest[0].text) or len(rest) == 1)):
        return None
    said = [t for t in words if t.lower_ in _SAYING and t.pos_ == "VERB"]
    if len(said) != 1 or any(c.dep_ not in _ATTRIBUTION_ONLY for c in said[0].children) or \
            not any(c.dep_ == "nsubj" for c in said[0].children):
        return None
    return line


def _past_aside(after: list[Token]) -> list[Token]:
    """The words after a quote with the clause that describes its speaker left out ("“...,”
    Osman-aga, who herds camels in a remote desert area, told Reuters"; "Maral, a resident of
    Ashgabat who declined to give her surname ..., told the AP"): set off by commas right after
    the name, it holds the verb of saying out of reach."""
    words = [t for t in after if not t.is_space]
    start = n = next((n for n, t in enumerate(words) if not _is_mark(t)), len(words))
    # The name: a few proper nouns or words of one entity ("Osman-aga"), tagged or not.
    while n < min(len(words), start + 5) and words[n].text != "," and (
            words[n].pos_ == "PROPN" or words[n].ent_type_ in _SPEAKER_TYPES):
        n += 1
    if n == start or n >= len(words) or words[n].text != ",":
        return after
    close = next((m for m in range(n + 1, len(words)) if words[m].text in (",", ".", "!", "?")
                  or words[m].is_quote), None)
    if close is None or words[close].text != "," or close + 1 == len(words) or \
            words[close + 1].lower_ not in _SAYING or words[close + 1].pos_ != "VERB":
        return after
    return words[:n] + words[close + 1 :]


def _said_before(quote: Span, quoted: set[int]) -> Token | None:
    """Who says it by a verb of saying before the opening mark ("X said: “...”"), in the
    sentence or in the sentence before when that one ends on a colon."""
    doc = quote.doc
    sentence = doc[quote.start].sent
    before = _own_lead_in(doc[sentence.start : quote.start], quoted)
    statement = len(quote.text.split()) >= PHRASE_WORDS
    if all(_is_mark(t) for t in before) and sentence.start > 0:
        previous = [t for t in doc[sentence.start - 1].sent if t.i not in quoted]
        if previous and previous[-1].text == ":":
            return _subject_of_saying(previous[::-1], quoted) or (
                _handed_over_by(previous[:-1]) if statement else None)
    # The verb must govern the quote, unless a colon or comma hands over to it: in "Kim, who
    # said he was tired, called it “candid”" the speaker is the one who called it.
    # The root of the quote's part in this sentence: a quote of two sentences has the second's.
    governing = {t.i for t in _ancestors(doc[quote.start : min(quote.end, sentence.end)].root)}
    marks = [t for t in before if not t.is_quote and not t.is_space]
    handed = bool(marks) and marks[-1].text in (":", ",")
    said = _subject_of_saying([t for t in before[::-1] if handed or t.i in governing], quoted)
    if said is None and statement and marks and marks[-1].text == ":":
        return _handed_over_by(marks[:-1])
    return said


def _handed_over_by(clause: list[Token]) -> Token | None:
    """Who speaks the statement a clause hands over to by a colon: the owner of a statement it
    introduces ("Melquan was a member of the Trinity Elite Titans football team, which issued a
    statement on Facebook:" is the team's), else the clause's subject."""
    statements = [t for t in clause if noun_lemma(t.lower_) == "statement" and t.pos_ == "NOUN"]
    owner = _statement_owner(statements[-1]) if statements else None
    return owner if owner is not None else _introducer(clause)


def _own_lead_in(before: Span, quoted: set[int]) -> list[Token]:
    """The words of ``before`` (the quote's sentence up to its opening mark) that can attribute
    it: those after another quotation in between, which a verb before it attributes ("Garner
    continued: “Even in 2016?”\\n\\n“Oh yes,” Clinton reiterated", a sentence the parser ran on
    over the blank line; not a name or phrase in marks: "known as ``Little Miami,'' the reason
    being, ``It's hot ...''")."""
    doc = before.doc
    start = before.start
    inner = [t.i for t in before if t.i in quoted]
    if inner:
        first = inner[-1]
        while first > before.start and first - 1 in quoted:
            first -= 1
        if sum(not t.is_punct for t in doc[first : inner[-1] + 1]) >= PHRASE_WORDS:
            start = inner[-1] + 1
    return [t for t in doc[start : before.end] if t.i not in quoted]


def _introducer(clause: list[Token]) -> Token | None:
    """The subject of a clause that hands over to a statement by a colon, whatever its verb
    ("Port director John Hale was blunt: “...”"): the last verb's, in the clause's paragraph;
    not a relative clause's ("The judge offered advice for the guards who will handle him:"),
    and a common noun only if it is someone ("Groups of young people roamed the streets,
    shouting:" is a crowd the entity model may take for a name)."""
    verbs = [t for t in clause if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")
             and not any(v.dep_ == "relcl" for v in _ancestors(t))]
    if not verbs:
        return None
    subject = next((c for c in verbs[-1].children if c.dep_ == "nsubj" and c in clause), None)
    if subject is None:
        return None
    noun = noun_lemma(subject.lower_)
    if subject.pos_ == "NOUN" and not (is_person_noun(noun) or noun in BODY_NOUNS):
        return None
    return subject if _same_paragraph(subject, clause[-1]) else None


def _is_mark(token: Token) -> bool:
    """Punctuation, a quote mark (the tokenizer may split an archive's opening double backtick
    in two backticks it does not call punctuation), or the replacement character left of a
    mis-decoded closing mark."""
    return token.is_punct or token.is_quote or token.text == "\ufffd"


def _subject_of_saying(tokens: list[Token], quoted: set[int], ahead: bool = False
                       ) -> Token | None:
    """The subject of the first verb of saying in ``tokens`` (ordered from the quote outwards,
    within a few words of it), or the name or pronoun beside it when the parse gives none or
    takes the quoted words for it ("CSI," said Dave Joyce). A verb ``ahead`` of the quote that
    governs a quotation after it attributes that one, not this."""
    words = [t for t in tokens if not _is_mark(t) and not t.is_space][:_WINDOW]
    for token in words:
        if token.lower_ in _SAYING and token.pos_ in ("VERB", "AUX"):
            if ahead and _introduces_quote(token, quoted) and not _interrupts(token, tokens,
                                                                              quoted):
                return None  # "..., whilst his grandmother said that “...”": the next quote's
            # "she recalls him saying": the one recalled says the words.
            token = next((c for c in token.children if c.lower_ in _SAYING and c.tag_ in (
                "VBG", "VB") and c.i > token.i and any(g.dep_ == "nsubj" for g in c.children)),
                token)
            subject = _subject(token)
            if subject is None or subject.i in quoted:
                subject = _beside(token)
            if subject is not None:
                return subject
    return None


def _interrupts(verb: Token, tokens: list[Token], quoted: set[int]) -> bool:
    """Does the verb of saying interrupt one sentence of quotation, attributing both parts
    ("“All I can think about is what I could have done,” she said, “had it not been a half
    day.”"): commas either side and the second part going on in lower case?"""
    lead = list(takewhile(lambda t: _is_mark(t) or t.is_space, tokens))
    after = [t for t in verb.doc[verb.i + 1 : verb.i + 5] if not t.is_space]
    return any(t.text == "," for t in lead) and len(after) >= 3 and after[0].text == "," \
        and after[1].is_quote and after[2].i in quoted and after[2].text[:1].islower()


def _introduces_quote(verb: Token, quoted: set[int]) -> bool:
    """Does a quotation follow the verb in its sentence, past "that", a colon or a comma
    ("said that “...”")?"""
    following = (t for t in verb.doc[verb.i + 1 : verb.i + 4]
                 if not t.is_quote and t.text not in ("that", ":", ","))
    return next((t.i in quoted for t in following), False)


def _subject(verb: Token) -> Token | None:
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
    if own is not None and not _same_paragraph(own, verb):
        return None  # a photo credit the parser ran on into the sentence over a blank line
    if own is None and verb.tag_ == "VBG" and verb.dep_ == "acl" and verb.head.pos_ == "PROPN":
        return verb.head  # "DeGuerin, describing Berman as Durst's “best friend,” insisted"
    if own is None and verb.tag_ == "VBG" and verb.dep_ == "pcomp":
        # "Gomes was convicted of beating Mendes and telling her, ``...''": the one a passive
        # holds to have done it.
        done = verb.head.head
        held = next((c for c in done.children if c.dep_ == "nsubjpass"), None)
        if held is not None and done.pos_ == "VERB" and _same_paragraph(held, verb):
            return held
    # "..., adding" and "Lackey watched and told Reuters": the subject of the verb it hangs on,
    # or of the verb of saying above that one: in "She said Okafor made millions, telling him"
    # she does the telling.
    # Within the paragraph: a parse that runs a sentence on over a blank line must not hand
    # "Kent Page ... weighed in saying" to the "He stressed" of the paragraph before.
    # "and then Stephen called me and said": a verb joined to one with a subject of its own
    # shares that subject, whatever verb of saying the sentence has above ("Smithberg saw
    # that and asked who I was, and then Stephen called me and said").
    if own is None and verb.dep_ == "conj" and _same_paragraph(verb.head, verb) and any(
            c.dep_ == "nsubj" for c in verb.head.children):
        return _subject(verb.head)
    if own is None and (verb.tag_ == "VBG" or verb.dep_ == "conj") and verb.head.i != verb.i \
            and _same_paragraph(verb.head, verb):
        return _subject(next((v for v in _ancestors(verb.head) if v.lower_ in _SAYING
                              and v.pos_ == "VERB" and _same_paragraph(v, verb)), verb.head))
    return own


def _same_paragraph(a: Token, b: Token) -> bool:
    """No blank line between the two tokens."""
    start, end = sorted((a.idx, b.idx))
    return _BLANK_LINE.search(a.doc.text, start, end) is None


def _beside(verb: Token) -> Token | None:
    """The name or pronoun just before the verb ("he said"), or the name just after it
    ("said Okafor"), when the parse gives the verb no subject."""
    doc = verb.doc
    before = doc[verb.i - 1] if verb.i > 0 else None
    # Not an object: "released a statement to KGO saying" is not KGO speaking.
    if before is not None and before.dep_ not in ("pobj", "dobj") and (
            before.lower_ in _PRONOUNS or before.ent_type_ in _SPEAKER_TYPES
            or _untagged_name(before)):
        return before
    after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if after is None or after.ent_type_ not in _SPEAKER_TYPES or verb.lower_ in _ADDRESSING \
            or (after.dep_ == "dobj" and verb.tag_ == "VBG"):
        return None  # "told Reuters", "asked Okafor", "describing Berman": spoken to, of
    # "said Dave Joyce": Joyce; "said French Foreign Minister Bernard Kouchner": Kouchner.
    while after.dep_ in ("compound", "amod") and after.head.i > after.i:
        after = after.head
    return after


def _untagged_name(token: Token) -> bool:
    """A capitalised word the models took for nothing of a name, mid-sentence ("The crew
    “worked to keep the freezers going,” Byerly said": Byerly parsed an adverb)."""
    return token.pos_ in ("PROPN", "NOUN", "ADV") and token.text[:1].isupper() and \
        not token.ent_type_ and not token.is_sent_start and not _is_role(token)


def _speaker_at(token: Token, article: _Article) -> Mention | None:
    return _of_namesakes(_speaker_named_at(token, article), article)


def _speaker_named_at(token: Token, article: _Article) -> Mention | None:
    if token.lower_ in _PRONOUNS or _described_again(token):
        return article.antecedents.of(token)
    if token.lower_ in ("i", "me"):
        return _speaker_line(token, article)
    if token.lower_ == "it":
        return _body_before(token, article)
    found = (_titled_as(token, article) or _mention_at(token, article.mentions)
             or _proper_name(token, article)
             or _surname_before(token, article) or _described_before(token, article)
             or _apposed_name(token, article) or _outlet_name(token, article)
             or _named_body_of_kind(token, article)
             or _voice_of_described(token, article) or _body_noun(token, article))
    return None if found is None or _is_heading(found.text) else found


def _of_namesakes(found: Mention | None, article: _Article) -> Mention | None:
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
            not _is_role(word):
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
    return root.dep_ == "nsubj" and root.head.lower_ in _SAYING


def _is_heading(name: str) -> bool:
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


def _outlet_name(token: Token, article: _Article) -> Mention | None:
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


def _named_body_of_kind(token: Token, article: _Article) -> Mention | None:
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


def _apposed_name(token: Token, article: _Article) -> Mention | None:
    """The name the entity model missed in apposition to a person ("one local resident, Omen
    Cola,"); a thing's name is no one's ("the destroyer INS Mysore")."""
    if not is_person_noun(noun_lemma(token.lower_)):
        return None
    return next((_proper_name(c, article) for c in token.children
                 if c.dep_ == "appos" and c.pos_ == "PROPN"), None)


def _surname_before(token: Token, article: _Article) -> Mention | None:
    """A capitalised word the parser took for a common noun or an adverb ("Byrs called the
    decision ...") that is the surname of a person the article named before: that person's name."""
    if not token.text[:1].isupper() or token.pos_ not in ("NOUN", "PROPN", "ADV") or any(
            m.start <= token.idx < m.end for m in article.mentions):
        return None
    if not any(m.end <= token.idx and person_key(m) == token.lower_
               for m in article.antecedents.people):
        return None
    return Mention(article.doc_id, token.idx, token.idx + len(token), token.text, "PERSON")


def _body_before(pronoun: Token, article: _Article) -> Mention | None:
    """The organisation "it" stands for when it says something: the nearest subject before it,
    in its sentence or the one before outside quotation marks, when that subject names a body
    ("But the board announced that it will rule ..., saying", "TallGrass issued a statement.
    It said ...");
    otherwise no one ("It also recognizes that “...”" is a document's)."""
    verb = pronoun.head
    if verb.lower_ not in _SAYING and not any(c.tag_ == "VBG" and c.lower_ in _SAYING
                                              for c in verb.children):
        return None
    doc = pronoun.doc
    quoted = article.antecedents.quoted
    sentence = doc[pronoun.i].sent
    # The sentence before, over the quotation between ("The American Red Cross pledged aid.
    # “As with most earthquakes, ...,” it said"): quoted words are nobody's narrative; and over
    # sentences whose subject is "it" again ("The paper said ... But it criticised Japan.
    # It said: “...”"), two at most.
    start, sentences = sentence.start, 0
    while start > 0 and sentences < 3:
        start = doc[start - 1].sent.start
        narrative = [t for t in doc[start : doc[start].sent.end] if not t.is_punct
                     and not t.is_space and not any(a <= t.idx < b for a, b in quoted)]
        if narrative:
            sentences += 1
            if not any(t.dep_ == "nsubj" and t.lower_ == "it" for t in narrative):
                break
    # A main clause's subject, not one of what a body reports ("the newspaper said the
    # relationship was ...") or of a clause hung on another ("without the latter taking").
    subjects = [t for t in doc[start : pronoun.i] if t.dep_ == "nsubj"
                and t.lower_ not in ("it", "they", *_PRONOUNS) and t.head.dep_ in ("ROOT", "conj")
                and not any(a <= t.idx < b for a, b in quoted)]
    if not subjects:
        return None
    found = _speaker_at(subjects[-1], article)
    return found if found is not None and found.type in ("ORG", "GPE", "NORP") else None


def _described_before(token: Token, article: _Article) -> Mention | None:
    """The body a definite description stands for, named earlier in the article: "the board"
    for the latest "Nevada Parole Board", "the spokesperson" for the latest "a spokesperson
    for the International Olympic Committee", "the president" for "French president Nicolas
    Sarkozy"."""
    head = noun_lemma(token.lower_)
    # "The President said": a role may be capitalised, and tagged a proper noun.
    if not (token.pos_ == "NOUN" or (token.pos_ == "PROPN" and head in PERSON_ROLES)) or \
            not any(c.lower_ == "the" for c in token.children):
        return None
    # "the parks service" is no "Kenya Wildlife Service": the words before the noun count.
    words = {noun_lemma(c.lower_) for c in token.children if c.dep_ == "compound"} | {head}
    named = [m for m in article.mentions if m.end <= token.idx and m.type in _SPEAKER_TYPES
             and noun_lemma(m.text.split()[-1]) == head
             and words <= {noun_lemma(w) for w in m.text.split()}]
    if head in PERSON_ROLES and head not in _VOICES:
        # "the sheriff" is the person titled so ("Bexar County Sheriff Javier Salazar"), not
        # the title the entity model read as a name; that only when no one is titled so.
        return article.antecedents.titled(token, head) or (named[-1] if named else None)
    if named:
        return named[-1]
    if head not in _VOICES:
        return None
    earlier = [t for t in token.doc[: token.i] if noun_lemma(t.text) == head
               and any(c.dep_ == "prep" and c.lower_ in ("for", "of") for c in t.children)]
    if earlier:
        return _mention_at(earlier[-1], article.mentions)
    return _stated_before(token, article) if head == "statement" else None


def _voice_of_described(token: Token, article: _Article) -> Mention | None:
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


def _stated_before(token: Token, article: _Article) -> Mention | None:
    """Whose "the statement" is: the owner of the latest statement the article introduced
    before it ("..., the parks service said in a statement", "Georgia Power released a
    statement saying ...", "a statement from the city"). A statement introduced there whose
    owner cannot be read ("A statement was posted") ends the search: an older statement is
    someone else's ("Mayor Hardie Davis said in a statement" three paragraphs up)."""
    for earlier in reversed(token.doc[: token.i]):
        if noun_lemma(earlier.lower_) != "statement" or earlier.pos_ != "NOUN":
            continue
        owner = _statement_owner(earlier)
        if owner is not None:
            return _speaker_at(owner, article)
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in earlier.children):
            return None
    return None


def _statement_owner(statement: Token) -> Token | None:
    """Who a statement is of, by the words that introduce it: the subject of the verb of saying
    it is said "in" ("X said in a statement"), of the verb it is the object of ("X released a
    statement", "the team, which issued a statement": the noun the clause describes), or the
    one it is "from" or "by", or its possessor ("the city's statement")."""
    for child in statement.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    head = statement.head
    if statement.dep_ == "pobj" and head.lower_ == "in":
        verb = head.head
        return _subject(verb) if verb.lower_ in _SAYING and verb.pos_ == "VERB" else None
    if statement.dep_ != "dobj" or head.pos_ != "VERB":
        return None
    subject = _subject(head)
    if subject is not None and subject.lower_ in ("which", "that", "who") and \
            head.dep_ == "relcl":
        return head.head
    return subject


def _proper_name(token: Token, article: _Article) -> Mention | None:
    """The name a verb of saying has as its subject when the entity model missed it there
    ("'' Pinder said.", "Police Constable Tim Fanning said."): the proper noun and the proper
    nouns compounded before it, titles and ranks left out, or a body's name after "the". A
    role ("the Prime Minister said", "Police said") is nobody's name."""
    if token.pos_ != "PROPN" or not token.text[:1].isupper() or _is_role(token) or \
            token.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY"):
        return None
    if any(c.dep_ == "det" for c in token.children):
        return _body_name(token, article)
    words = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"
             and c.text[:1].isupper()] + [token]
    first = words[0]
    while first.i < token.i and _is_role(first):
        first = first.doc[first.i + 1]
    start, end = first.idx, token.idx + len(token)
    return Mention(article.doc_id, start, end, token.doc.text[start:end], "PERSON")


def _titled_as(token: Token, article: _Article) -> Mention | None:
    """The one person the article names right after the same capitalised title ("The Bexar
    County Sheriff says" and, later, "Bexar County Sheriff Javier Salazar said")."""
    if not _is_role(token):
        return None
    words = token.doc[token.left_edge.i : token.i + 1]
    words = words[1:] if words[0].lower_ == "the" else words
    if len(words) < 2 or not all(w.text[:1].isupper() for w in words):
        return None
    text = token.doc.text
    titled = [m for m in article.antecedents.people
              if text[max(0, m.start - len(words.text) - 1) : m.start].strip() == words.text]
    return titled[0] if len({person_key(m) for m in titled}) == 1 else None


def _body_noun(token: Token, article: _Article) -> Mention | None:
    """A body the article quotes by its common noun, with no one in it named: "police said",
    "the company said", "prosecutors argued", "a police statement said", "the parks service
    said", "according to the police report" (names for it are resolve's, from the same
    article). "A company" is no particular one. "The company" is the one organisation the
    sentence before names, when it names one ("vice president of education for Wella. The
    company said")."""
    if noun_lemma(token.lower_) in ("statement", "report"):
        owner = next((c for c in token.children if c.dep_ == "compound"), None)
        if owner is None:
            return None
        named = _mention_at(owner, article.mentions)  # "the Kansas City Police Department report"
        if named is not None:
            return named if named.type in ("ORG", "GPE") else None
        token = owner
    head = noun_lemma(token.lower_)
    if head not in BODY_NOUNS or token.pos_ not in ("NOUN", "PROPN"):
        return None
    determiners = [c.lower_ for c in token.children if c.dep_ in ("det", "poss")]
    plural = token.tag_ in ("NNS", "NNPS") and token.lower_ != head
    if not (determiners == ["the"] or (not determiners and (plural or head == "police"))):
        return None
    if head in ("company", "firm"):
        sentence = token.sent
        start = token.doc[sentence.start - 1].sent.start_char if sentence.start else 0
        named = {m.text: m for m in article.mentions if m.type == "ORG"
                 and start <= m.start and m.end <= token.idx}
        if len(named) == 1:
            return next(iter(named.values()))
    words = [c for c in token.lefts if c.dep_ == "compound" and c.text.islower()] + [token]
    start, end = words[0].idx, token.idx + len(token)
    return Mention(article.doc_id, start, end, token.doc.text[start:end], "ORG")


def _body_name(token: Token, article: _Article) -> Mention | None:
    """The name of a body the entity model missed, written with "the" and two or more
    capitalised words ("the US Pacific Tsunami Warning Center said")."""
    words = token.doc[token.left_edge.i : token.i + 1]
    if words[0].lower_ != "the" or len(words) < 3 or not all(
            w.pos_ == "PROPN" and w.text[:1].isupper() for w in words[1:]):
        return None
    start, end = words[1].idx, token.idx + len(token)
    return Mention(article.doc_id, start, end, token.doc.text[start:end], "ORG")


def _is_role(token: Token) -> bool:
    """A title or rank before a name ("Sgt.", "Police Constable"), not a name's word."""
    word = token.text.rstrip(".").lower()
    return word in TITLES or word in _RANK_WORDS or noun_lemma(word) in PERSON_ROLES


def _according_to(sentence: Span, quoted: set[int], article: _Article) -> Mention | None:
    """Who "according to" names: a name, one the entity model missed ("According to EW, “...”"),
    or a body by its noun ("according to police", "according to the police report")."""
    for token in sentence:
        if token.lower_ == "according" and token.i + 2 < sentence.end and token.i not in quoted:
            to = token.doc[token.i + 1]
            if to.lower_ == "to":
                named = next((c for c in to.children if c.dep_ == "pobj"), to.doc[to.i + 1])
                return _mention_at(named, article.mentions) or _body_noun(named, article) \
                    or _proper_name(named, article)
    return None


def _subject_of_governing_verb(inside: Span, quoted: set[int], article: _Article,
                               within: tuple[int, int] | None = None) -> Mention | None:
    """The speaker named by the subject of the nearest verb governing the quote (a subject
    in the characters ``within`` only: "“He just says, ‘We’ll be fine’”" is his, whoever he
    is). The verb stands in the quote's paragraph: a parse that runs a sentence on over a blank
    line ("...”\n\n7. Tony Montana told") hangs the quote on the next paragraph's news."""
    text = inside.doc.text
    start = max(0, inside.start_char - _PARAGRAPH_READ)
    start = max([m.end() for m in _BLANK_LINE.finditer(text, start, inside.start_char)],
                default=start)
    end = min(len(text), inside.end_char + _PARAGRAPH_READ)
    following = _BLANK_LINE.search(text, inside.end_char, end)
    end = following.start() if following else end
    chain = [verb for verb in _ancestors(inside.root) if start <= verb.idx < end]
    for n, verb in enumerate(chain):
        owner = next((c for c in verb.children if c.dep_ == "poss" and c.i not in quoted), None)
        if owner is not None and noun_lemma(verb.text) in _SPEECH_NOUNS and (
                within is None or within[0] <= owner.idx < within[1]):
            return _speaker_at(owner, article)  # "a Confucius' saying, “...”", "his words"
        if n > 0 and chain[n - 1].dep_ == "attr" and chain[n - 1].i in quoted:
            # "his sister Mirella, who he once told MODERN was “the best hairdresser in the
            # world”": the one the quoted noun phrase describes is not who says it.
            return None
        if within is None and any(v.pos_ == "NOUN" and noun_lemma(v.lower_) in _CONTENT_NOUNS
                                  and not any(c.dep_ == "poss" for c in v.children)
                                  for v in chain[n + 1 :]):
            # "a ruling that Kit Kat had “no inherent distinctiveness”": the clause is what a
            # ruling or statement holds; its subject is what the words are about. (Whose the
            # statement is, "his statement that ...", is read at the noun.)
            return None
        if verb.lower_ in _NAMING and any(c.dep_ == "nsubjpass" for c in verb.children):
            return None  # "Leona Helmsley, who was dubbed “the queen of mean”": named, by no one
        if verb.pos_ not in ("VERB", "AUX") or _reported_verb(verb, quoted) or (
                within is None and _within_saying(verb, chain[n + 1:], quoted)) or (
                n > 0 and _own_clause(chain[n - 1])):
            continue
        for child in verb.children:  # not a passive's subject: "X is accused of “...”"
            if within is not None and not within[0] <= child.idx < within[1]:
                continue
            # The nearest subject speaks, or no one we can name: in "Egyptians voted as
            # prosecutors began by describing him as a “tyrant”" the prosecutors do.
            if child.dep_ == "nsubj" and child.i not in quoted:
                # "His first joke was that Kilborn was “on assignment”": the subject of a
                # copula the quoted words complete is what they describe, not who says them.
                if n > 0 and _completes_copula(chain[n - 1], quoted):
                    return None
                return _speaker_at(child, article) if _same_paragraph(child, verb) else None
            # "a fire being treated by police as “potentially suspicious”": who treats it so
            # calls it so, as the subject of "Police are treating the fire as “...”" does.
            if child.dep_ == "agent" and n > 0 and chain[n - 1].lower_ == "as":
                agent = next((c for c in child.children if c.dep_ == "pobj"), None)
                return None if agent is None else _speaker_at(agent, article)
    return None


def _completes_copula(complement: Token, quoted: set[int]) -> bool:
    """Are the quoted words the complement of a form of "be" ("was “on assignment”")?"""
    return complement.i in quoted and complement.head.lower_ in _COPULAS and \
        complement.dep_ in ("attr", "acomp", "prep")


def _own_clause(conjunct: Token) -> bool:
    """A clause with a subject of its own joined by "and" to a clause someone reports: the
    subject of that one is what is reported ("Triesman indicated that meetings have taken
    place and that “they're delicate”": the meetings say nothing)."""
    return conjunct.dep_ == "conj" and conjunct.head.dep_ == "ccomp" and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in conjunct.children)


def _within_saying(verb: Token, above: list[Token], quoted: set[int]) -> bool:
    """Is ``verb`` part of what someone above it says? In "She said Stumpf made millions in
    the “scam”" and "The Times reported that the prince presented a plan “that ...”" the
    words are hers and the paper's, not the subject's of the verb they hang on; unless that
    verb names or describes ("Police said Okafor called it “a disgrace”")."""
    return verb.lower_ not in _SAYING | _NAMING and any(
        v.lower_ in _SAYING and v.pos_ == "VERB" and v.i not in quoted for v in above)


def _reported_verb(verb: Token, quoted: set[int]) -> bool:
    """A verb of the quoted words themselves whose quotation someone else reports: its subject
    is whom the words are about, not who says them ("The attorney said Cosme “screwed up”",
    "An investigation found that Cosme “caused injury”", "the report continues, Chip Gaines
    “sought to amplify ...”"). Only a quoted verb nothing else governs or attributes speaks
    for its subject ("Smith “strongly condemned” the attack")."""
    return verb.i in quoted and (verb.head.i != verb.i or any(
        c.lower_ in _SAYING and c.i not in quoted for c in verb.children))


def _ancestors(token: Token) -> list[Token]:
    chain = [token]
    while chain[-1].head.i != chain[-1].i:  # spaCy makes a new Token object per access
        chain.append(chain[-1].head)
    return chain


def _mention_at(token: Token, mentions: tuple[Mention, ...]) -> Mention | None:
    """The speaker-type mention that names the phrase headed by ``token``: the head itself, a
    name beside it ("union leader Piet de Vries", "the union leader, Piet de Vries,"), or the
    body a spokesperson speaks for ("a spokesman for the ministry")."""
    left, right = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
    # "Bloomington Police Sgt" is the model's misreading of a title, not a name.
    # A name the parse split (the "al" of "Mahmoud al-Zahar" made a subject of its own) runs
    # past the phrase's right edge: the mention holding the head word counts.
    inside = [m for m in mentions
              if left <= m.start and (m.end <= right or m.start <= token.idx < m.end)
              and m.type in _SPEAKER_TYPES
              and m.text.split()[-1].rstrip(".").lower() not in TITLES]
    if token.lower_ in _VOICES:  # "Brazilian officials said": a nationality says nothing
        inside = [m for m in inside if m.type != "NORP"]
    if not inside:
        return None
    titled = _titled_person(token, inside)
    if titled is not None:
        return titled
    # "union leader Piet de Vries": the mention nearest the head word is the speaker.
    nearest = min(inside, key=lambda m: min(abs(m.start - token.idx), abs(m.end - token.idx)))
    if nearest.start <= token.idx < nearest.end or token.lower_ in _VOICES:
        return nearest
    # "campaigner and former Vice President Al Gore says": the parser joins the name by "and".
    names = [t for t in token.children if t.dep_ == "appos" or (
        t.dep_ in ("compound", "conj") and t.ent_type_ == "PERSON")]
    named = [m for m in inside if any(m.start <= t.idx < m.end for t in names)]
    return named[0] if named else None


def _titled_person(token: Token, inside: list[Mention]) -> Mention | None:
    """The person a rank or role heading the phrase is the title of, named right after its
    capitalised words ("Inspector-General of Police Khalid Abu Bakar", which the entity model
    reads as a body and a name) or after a comma ("the prosecutor, Mustafa Suleiman,"); not
    "the lawyer for John Smith", his client."""
    if not _is_role(token):
        return None
    text = token.doc.text
    after = token.idx + len(token)
    # "said King, who is being updated by Secret Service Director Mark Sullivan": a name in a
    # clause describing the one titled (or named: "King" is a title too) is someone else.
    clauses = [(c.left_edge.idx, c.right_edge.idx) for c in token.children
               if c.dep_ in ("relcl", "acl")]
    inside = [m for m in inside if not any(a <= m.start <= b for a, b in clauses)]
    return next((m for m in inside if m.type == "PERSON" and m.start > token.idx and (
        text[:m.start].rstrip().rsplit(None, 1)[-1][:1].isupper()
        or text[after : m.start].strip() == ",")), None)


def _cited_source(
    sentence: Span, citations: tuple[Citation, ...], mentions: tuple[Mention, ...]
) -> Mention | None:
    for citation in citations:
        if sentence.start_char <= citation.start < sentence.end_char + 2:
            for mention in mentions:
                if citation.start <= mention.start and mention.end <= citation.end:
                    return mention
    return None


def _continued(first: Span, last: Span, previous: tuple[int, Mention | None],
               mentions: tuple[Mention, ...]) -> Mention | None:
    """A quote that is a sentence (or sentences) of its own, right after a quotation with its
    attribution and nothing else between: the same speaker goes on ("“...,” she said. “...”").
    Read from the characters, not the parser's sentences: archive copy's ``...'' often leaves
    a quote and its said clause in sentences the parser joins or cuts elsewhere. Another
    person named between hands the floor over ("“...”\n\nJoseph Delva, a reporter, was in the
    area. “...”"; "“...”\n\nClinton promised aid. “...”"): whoever speaks next, not the last."""
    text = first.doc.text
    end, speaker = previous
    if end < 0 or speaker is None:
        return None
    between = text[end:first.start_char]
    # The last quotation's own full stop counts: "``... compromised.''\n\n``If you think".
    marks = "".join(PAIRS) + "".join(_CLOSERS)
    opens_sentence = text[end - 1 : first.start_char].rstrip().rstrip(marks).rstrip().rstrip(
        marks).endswith((".", "!", "?"))
    rest = text[last.end_char:].lstrip("".join(_CLOSERS)).lstrip()
    ends_sentence = text[last.end_char - 1] in ".!?" or not rest or rest[0].isupper()
    someone_else = any(end <= m.start and m.end <= first.start_char and m.type == "PERSON"
                       and person_key(m) != person_key(speaker) for m in mentions)
    # "'Bars ransacked'" on a line of its own with no full stop is a heading, not more words.
    heading = "\n" in between and text[last.end_char:].lstrip("".join(_CLOSERS))[:1] in (
        "\n", "") and text[last.end_char - 1] not in ".!?…"
    if len(between) <= CONTINUATION_GAP and opens_sentence and ends_sentence and \
            not someone_else and not heading:
        return speaker
    return None
