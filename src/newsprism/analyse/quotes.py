"""Direct quotes and quoted phrases, with the mention of their speaker.

The quotations are found by ``analyse/quotemarks.py``; the word that attributes one to its
speaker here, and the mention that word names by ``analyse/speaker_names.py``.

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
   or no one when that subject names no one or the words are a term in marks ("released a
   fix for a “zero-day”") that no verb of saying reports, or the owner of words that do ("a
   Confucius' saying, “...”", "his statement that “...”", "Salvini's threat to “...”");
4. a source the sentence cites inline ("... “anticlimactic” (Asia Times, April 25)");
5. for a quote that is a sentence of its own, the speaker of the quote in the sentence before
   (news quotes one speaker over several sentences after naming them once), unless another
   person is named between;
6. for a statement (a sentence in marks, however short) with no attribution of its own, the
   person whose words the sentence before reports ("Galanter says he could hear the jury's
   anger.\n\n“How do you write ...”"), unless its own sentence has a person named as its
   subject; or, opening the sentence right after a question about a person, that person's
   answer ("What does Trump think of that? ‘Gee, that’s too bad.’");
7. for words in the article's head no one says by the above, the speaker of the one quote
   further on that holds them: a headline repeats words its story quotes ("‘I’ve had a great
   run’").

Words talked about as words ("the words ‘cancellation’ or ‘postponement’ were not mentioned")
are no one's, before any of these. A subject that
names no one but describes someone ("a Western diplomat said", "one of the jurors said") gives
the quote that description (``Quote.speaker_description``), never a name; a pronoun with no one
before it ("they said") leaves the speaker unknown rather than guessed. A
multi-paragraph quotation's speaker is the one named at its end or at its start. A quote within
a quote speaks only through a name inside the outer one. Otherwise the speaker is left unknown:
a scare quote has no speaker, and a title or nickname in marks ("The Juice") is a quote of kind
``name`` that no one says (but a reply of one word, “No.”, is a quote), as is words in title case
of any length after "titled", "entitled" or "headlined" (a story's title).
"""

from __future__ import annotations

import dataclasses
import re
from itertools import takewhile
from typing import TYPE_CHECKING

from newsprism.analyse.headlines import headline_end
from newsprism.analyse.nlp import TITLES, noun_lemma
from newsprism.analyse.pronouns import Antecedents, is_person_noun
from newsprism.analyse.quotemarks import BLANK_LINE, CLOSERS, PAIRS, find_quotations
from newsprism.analyse.resolve import BODY_NOUNS
from newsprism.analyse.speaker_names import (
    DESCRIBED,
    PRONOUNS,
    SAYING,
    SPEAKER_TYPES,
    ArticleContext,
    ancestors,
    body_noun,
    description_at,
    is_heading,
    is_role,
    mention_at,
    proper_name,
    relative_antecedent,
    same_paragraph,
    says,
    speaker_at,
    speaking_subject,
    statement_owner,
)
from newsprism.model import Citation, Mention, Quote
from newsprism.model import Span as Passage

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


_PARAGRAPH_READ = 3000  # characters read either side of a quote for its paragraph's ends
# A signature: on the line after the quote, or after a dash on its own line ("“...” — Vern
# McLellan" under a quote of the day).
_SIGNATURE = re.compile(r"(?:\n\s*[-–—―]+|[ \t]*[–—―]) ?(?P<name>[^\n]+?)\s*(?:\n|$)")
_COPULAS = {"is", "are", "was", "were", "be", "been", "being", "'s", "'re", "am"}
# Title case leaves short words small: "Travel as a Political Act", "Gone with the Wind".
_NAME_JOINERS = {"and", "of", "the", "for", "&", "de", "on", "to", "a", "an", "in", "at", "as",
                 "with", "by", "or", "from"}
# Verbs whose subject owns the words it puts in quote marks, whoever reports it.
_NAMING = {"call", "calls", "called", "calling", "label", "labels", "labelled", "labeled",
           "term", "terms", "termed", "brand", "brands", "branded", "dub", "dubs", "dubbed",
           "accuse", "accuses", "accused", "accusing"}
_SPEECH_NOUNS = {"saying", "statement", "remark", "word", "message", "comment", "speech",
                 "warning", "promise", "pledge", "answer", "reply", "motto", "threat", "vow"}
# Nouns whose clause is what someone holds or says ("a ruling that ...", "the claim that ...").
_CONTENT_NOUNS = _SPEECH_NOUNS | {"ruling", "verdict", "decision", "judgment", "judgement",
                                  "finding", "claim", "report", "allegation", "argument"}
# A name in these roles is a verb's subject, object or complement, no label of its own.
_ARGUMENTS = {"nsubj", "nsubjpass", "dobj", "iobj", "pobj", "dative", "attr", "oprd", "conj",
              "poss", "agent"}
_ADDRESSING = {"tell", "tells", "told", "telling", "ask", "asks", "asked", "asking"}
_WORD_AFTER_MARK = re.compile(r"[^\W\d_]+")
_ECHO_WORD = re.compile(r"\w+(?:'\w+)?")
_ARTICLES = (" the ", " a ", " an ")
# Characters a headline and the lead's first sentence run to: the words they repeat from the
# story's quotes are the article's head.
_HEAD = 300
_SELF_NAMED = re.compile(r"\b(?:I|me),(?:\s+[A-Z][\w.'’-]*)+,")
_TITLE_BEFORE_NAME = 5  # words of a title after a verb of saying, before the name
_WINDOW = 10  # tokens between a quote mark and its verb of saying ("X said on Tuesday that")
# Verbs that name the quotation after them as a title, the opening mark left out.
# "titled", or a work's noun ("the 2005 book", "the musical"), right before a title in marks.
_TITLING = re.compile(r"\b(?:(?:en)?titled|headlined|book|novel|memoir|film|movie|documentary|"
                      r"album|song|musical|play|opera|series|sitcom)[,:]?\s*[“\"'‘«„`]*$",
                      re.IGNORECASE)
# A preposition right before a quote mark sets what follows into the sentence as a noun ("for
# his work in ``Revolutionary Road,'' said"): a title, not words handed over to be said.
_SET_INTO = re.compile(r"\b(?:in|of|for|from|on|at|with|by)\s*[“\"'‘«„`]+$")
# What stands between a question and the quote that answers it: a space and the opening mark.
_OPENS_ANSWER = re.compile(r"[ \t]*[“\"'‘«„`]*")
# "the words ‘...’", "the term “...”": words talked about as words, not handed over as said.
_WORDS_NOUN = re.compile(r"\b(?:word|term|phrase|expression)s?\s*[“\"'‘«„`]+$", re.IGNORECASE)
# What joins two quotations of one list: "‘cancellation’ or ‘postponement’".
_LISTED = re.compile(r"[”\"'’`]+\s*(?:,\s*)?(?:or|and|,)\s*[“\"'‘«„`]+")
# Stops that hand a clause over to the statement after them: "Hale was blunt: “...”", and in
# plain copy "The minister disagreed strongly; “We arrested kidnappers.”" (the parser may end
# a sentence at either).
_HANDS_OVER = (":", ";")
# What a crosshead holds after the remark it sets over its section: "...’: First quake strikes".
_HEADING_LABEL = re.compile(r"[:;]\s*[^.!?\n]{1,80}")
# A source list's item: past a bullet, a name, then a dash that opens the item's quote.
_LIST_ITEM = re.compile(r"[ \t]*(?:[*•·][ \t]*)?(?P<name>[^\W\d_][^\n]*?)[ \t]+[-–—]")
_NAME_WORDS = 5  # a title-case phrase this short in quote marks is a name
_TITLE_WORDS = 8  # a longer one, up to this, when a small word in it stays small
PHRASE_WORDS = 4  # shorter quotes are phrases ("candid and meaningful"), not statements
# Characters between two quotations of one speaker: ',” Mr. Pigeon said. “', or with the
# speaker described: ',” Chen Qigang, the opening ceremonies general music designer, said
# Sunday during a radio interview. “'.
CONTINUATION_GAP = 120
# A title's or an initial's stop ("Dr.", "Sgt.", "U.S."), which ends no sentence.
_ABBREVIATION = re.compile(r"\b[A-Z][a-z]{0,2}\.")


def extract_quotes(
    doc: Doc,
    doc_id: str,
    mentions: tuple[Mention, ...],
    citations: tuple[Citation, ...] = (),
) -> tuple[Quote, ...]:
    """Every quotation of the parsed article, one Quote per paragraph of it, with the mention
    of its speaker: a name in marks is of kind ``name`` and no one's; a quotation shorter than
    ``PHRASE_WORDS`` that is no reply of its own is a ``phrase``."""
    text = doc.text  # Doc.text is rebuilt from the tokens on every access
    quotations = find_quotations(text)
    inside = [(a, b) for quotation in quotations for a, b in quotation]
    article = ArticleContext(doc_id, mentions, citations, Antecedents(doc, mentions, inside))
    quotes: list[Quote] = []
    previous: tuple[int, Mention | None] = (-1, None)  # the last quotation's end and speaker
    for parts in quotations:
        named = text[parts[0][0]:parts[0][1]].split()
        # A title long enough to mark itself keeps its name before a verb of saying: “A Secret
        # History of the IRA,” argues its author.
        if len(parts) == 1 and (_titled(text, parts[0][0], named) or (
                _is_name(named) and not _reply(text, *parts[0]) and (
                len(named) > _NAME_WORDS or not _said_next(text, parts[0][1])
                or _SET_INTO.search(text, max(parts[0][0] - 10, 0), parts[0][0])))):
            # “Belt and Road”, "The Juice", ``Crazy T'': a name in quote marks, said by no one.
            quotes.append(Quote(doc_id, *parts[0], text[slice(*parts[0])], None, None, "name"))
            continue
        outer = next(((a, b) for a, b in inside if a < parts[0][0] and parts[-1][1] <= b), None)
        speaker = _quotation_speaker(doc, article, parts, outer, inside, previous)
        named, described = _named_or_described(speaker)
        for start, end in parts:
            words = text[start:end]
            # “Yes,” he said: a reply, however short; the comma was cut off the words.
            statement = len(words.split()) >= PHRASE_WORDS or any(
                ch in ".,!?…" for ch in text[end - 1 : end + 1])
            quotes.append(Quote(doc_id, start, end, words, None, named,
                                "quote" if statement else "phrase", described))
        if outer is None:
            previous = (parts[-1][1], speaker)
    return tuple(_echoes_owned(quotes, text))


def _named_or_described(speaker: Mention | None) -> tuple[Mention | None, Passage | None]:
    """The speaker's mention, or the article's description of an unnamed one as a passage:
    a description is shown as written and never named, so it never reaches the entities."""
    if speaker is None or speaker.type != DESCRIBED:
        return speaker, None
    return None, Passage(speaker.doc, speaker.start, speaker.end, speaker.text)


def _speaker_or_described(subject: Token, article: ArticleContext) -> Mention | None:
    """Whom the subject of a verb of saying names, else how it describes an unnamed speaker
    ("a Western diplomat said"); a pronoun with no one before it stays no one's."""
    return speaker_at(subject, article) or description_at(subject, article)


def _words_of(text: str) -> str:
    """The quoted words casefolded and spaced, apostrophes of one kind: "I’ve had" and "i've
    had" read alike."""
    return " " + " ".join(_ECHO_WORD.findall(text.replace("’", "'").casefold())) + " "


def _echoes_owned(quotes: list[Quote], text: str) -> list[Quote]:
    """Quotes of no one in the article's head given the speaker of the one quote further on
    that holds their words: a headline or a lead repeats words its story quotes ("Nurse retires:
    ‘I’ve had a great run’" ... “It’s time to go. I’ve had a great run,” she said), often in
    title case (“Surprising Announcements” ... teased “many surprising announcements”). A term
    of one word, with or without its article (‘The Fix’), is no echo, nor is a quote within
    the quote that holds it (“... you told him, ‘Let’s tow the car,’ ...”), nor a title the
    article names as one (“The story, entitled “...”, ...”: a tweet that shares it later is
    no one saying it first), nor words its body sets in marks again as a name (``New Moon,''
    the sequel ... "for 'New Moon,' she wrote": a film the director talks of; a headline
    printed twice is still the head, whose copy echoes as the first does)."""
    owned = [(q, _words_of(q.text)) for q in quotes if q.speaker_mention is not None]
    names = [(q.start, _words_of(q.text)) for q in quotes if q.kind == "name"]
    echoed = []
    for quote in quotes:
        words = _words_of(quote.text)
        if quote.speaker_mention is None and (quote.start < _HEAD or _remark_over_section(
                text, quote)) and \
                len(words.split()) - words.startswith(_ARTICLES) >= 2 and \
                _TITLING.search(text, 0, quote.start) is None and \
                not any(start >= _HEAD and name == words for start, name in names):
            speakers = {(m.start, m.end): m for q, text in owned if words in text
                        and q.start > quote.end and (m := q.speaker_mention) is not None}
            if len(speakers) == 1:
                statement = len(quote.text.split()) >= PHRASE_WORDS
                quote = dataclasses.replace(quote, speaker_mention=next(iter(speakers.values())),
                                            kind="quote" if statement else "phrase")
        echoed.append(quote)
    return echoed


def _said_next(text: str, end: int) -> bool:
    """Does a verb of saying follow the closing mark within two words? “Yes,” he said and
    "CSI," said Dave Joyce are replies, not names."""
    following = _WORD_AFTER_MARK.findall(text, end, end + 40)[:2]
    return any(word.lower() in SAYING for word in following)


def _reply(text: str, start: int, end: int) -> bool:
    """Are the quoted words a sentence of their own that opens a sentence, a paragraph or what a
    colon or a verb of saying hands over ("“Would we have done it without him?” the coach
    asked.\n\n“No.”", "she answered, “Yes.”"), not a title set into a sentence ("named one of
    the “Nation's 50 Future Leaders.”", "in his book, “An American Life.”")?"""
    before = text[:start].rstrip().rstrip("".join(PAIRS)).rstrip()
    if text[start:end].rstrip()[-1:] not in (".", "!", "?"):
        return False
    if not before or "\n" in text[len(before):start] or before[-1] in ".!?:" or \
            before[-1] in CLOSERS:
        return True
    said = _WORD_AFTER_MARK.findall(before[-30:])
    return before[-1] == "," and bool(said) and said[-1].lower() in SAYING


def _is_name(words: list[str]) -> bool:
    """“Belt and Road”: a short title-case phrase in quote marks is a name (a title, a
    nickname, a slogan), not anyone's words; so is a longer one of up to eight words that
    title case marks as such by a small word kept small (“A Secret History of the IRA”, a
    book's title beside its author, who argues that ...)."""
    if not _title_case(words):
        return False
    return len(words) <= _NAME_WORDS or (len(words) <= _TITLE_WORDS and any(
        w in _NAME_JOINERS for w in words[1:]))


def _titled(text: str, start: int, words: list[str]) -> bool:
    """Are the quoted words in title case right after "titled", "entitled" or "headlined"
    (“a story titled “Nasa Confirms Earth Will Go Dark for Six Days in December 2014!””), or
    after a work's noun ("author of the 2005 book ``The Big Show: High Times and Dirty
    Dealings Backstage at the Academy Awards.''")? A story's or a book's title then, however
    long, and no one's remark: the words before name it a title, and title case is no way a
    remark is set down."""
    return _title_case(words) and _TITLING.search(text, 0, start) is not None


def _title_case(words: list[str]) -> bool:
    """Does every word open with a capital or a figure, but title case's small words, and one
    with a capital? A number opens a title as a capital does (“50 Shades of Grey”)."""
    return all(w[:1].isupper() or w[:1].isdigit() or w in _NAME_JOINERS for w in words) and \
        any(w[:1].isupper() for w in words)


def _quotation_speaker(
    doc: Doc,
    article: ArticleContext,
    parts: list[tuple[int, int]],
    outer: tuple[int, int] | None,
    inside: list[tuple[int, int]],
    previous: tuple[int, Mention | None],
) -> Mention | None:
    """The mention of who says the quotation of ``parts``, by the first attribution found in
    the order of trust the module's docstring gives; ``outer`` is the quotation it stands in,
    ``inside`` every quotation's spans, ``previous`` the last quotation's end and speaker."""
    first = doc.char_span(*parts[0], alignment_mode="expand")
    last = doc.char_span(*parts[-1], alignment_mode="expand")
    if first is None or last is None:
        return None
    quoted = {t.i for a, b in inside if (s := doc.char_span(a, b, alignment_mode="expand"))
              for t in s}
    if _mentioned_words(doc, parts[0][0], inside):
        return None
    if outer is not None:  # a quote within a quote: only a subject inside the outer one speaks
        inner = set(range(first.start, first.end))
        said = _said_before(first, inner)
        if said is not None and outer[0] <= said.idx < outer[1]:
            return _speaker_or_described(said, article)
        return _subject_of_governing_verb(first, inner, article, within=outer)
    named = _interview_speaker(first, article.mentions) or _listed_source(first, article.mentions)
    if named is not None:
        return named
    end, speaker = previous
    if speaker is not None and _split_by_attribution(doc.text, end, first.start_char, speaker):
        return speaker
    before = _said_before(first, quoted)
    # "Steele said the department was ``treating it as suspicious'' but did not elaborate, The
    # Anchorage Daily News reported": the verb of saying the quote hangs on names its speaker;
    # the one after reports it.
    subject = before if _governs(before, first) else _said_after(last, quoted) or before
    if subject is not None:  # "a diplomat said": someone speaks, described or named
        found = _speaker_or_described(subject, article)
        # "``Jermayne fired the shot,'' he said": the one the words name in the third person
        # is not the "he" who says them; the pronoun stood for someone else.
        named_in_quote = found is not None and found.type == "PERSON" and \
            subject.lower_ in PRONOUNS and _named_in(found, article, doc.text, parts)
        return None if named_in_quote else found
    # "“... . ...,” according to the SPCA website": a quotation of several sentences is cited
    # after its last one.
    source = _according_to_whom(doc[first.start].sent, quoted) or _according_to_whom(
        doc[last.end - 1].sent, quoted)
    if source is not None:
        # "According to the Ghanaian theologian, Christians ought to “flow in the spirit”":
        # the words are the source's, named or not, never the subject's of the clause.
        return _signed(last, article.mentions) or _according_to(source, article)
    return (
        _signed(last, article.mentions)
        or _subject_of_governing_verb(first, quoted, article)
        or _cited_source(doc[last.end - 1].sent, article.citations, article.mentions)
        or _continued(first, last, previous, article)
        or _reported_before(first, quoted, article)
    )


def _mentioned_words(doc: Doc, start: int, inside: list[tuple[int, int]]) -> bool:
    """Are the quoted words starting at ``start`` words the sentence talks about, no one saying
    them ("Bach said the words ‘cancellation’ or ‘postponement’ were not mentioned")? So are
    those after "the word", "the term", "the phrase", and the ones listed after them by "or",
    "and" or a comma; not words someone used ("she used the word ‘crisis’"), the noun then
    the verb's object: they are hers."""
    text = doc.text
    before = text[max(0, start - 40) : start]
    noun = _WORDS_NOUN.search(before)
    if noun is not None:
        at = start - len(before) + noun.start()
        span = doc.char_span(at, at + len(noun[0]), alignment_mode="expand")
        if span is None:
            return False
        # the parser may hang the noun on the quoted word ("the word “crisis”": its nmod)
        phrase = span[0].head if span[0].dep_ in ("nmod", "compound") else span[0]
        return phrase.dep_ != "dobj"
    listed = next((a for a, b in inside if b < start and _LISTED.fullmatch(text, b, start)), None)
    return listed is not None and _mentioned_words(doc, listed, inside)


def _signed(last: Span, mentions: tuple[Mention, ...]) -> Mention | None:
    """The person a quotation standing alone is signed by with a dash, as an epigraph is, on
    the line after it ("“...”\n\n- Steve Carell") or closing its own ("“...” — Vern McLellan"):
    the rest of the line a person's name and nothing else."""
    text = last.doc.text
    after = text[last.end_char:].lstrip("".join(CLOSERS) + " \t")
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
    saying = verb if verb.lower_ in SAYING else next(
        (c for c in verb.children if c.dep_ == "conj" and c.lower_ in SAYING), None)
    if saying is None or saying.i >= quote.start:
        return False
    return any(t.i == saying.i for t in ancestors(quote.root))


def _named_in(person: Mention, article: ArticleContext, text: str, parts: list[tuple[int, int]]
              ) -> bool:
    """Does a word of the person's name, as the article gives it anywhere, stand in the quoted
    words?"""
    key = article.antecedents.key(person)
    names = {w for m in (person, *article.antecedents.people) if article.antecedents.key(m) == key
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
    if not name or is_heading(name):
        return None
    start = line_start + before.index(name)
    return next((m for m in mentions if m.type in ("PERSON", "ORG") and m.start == start
                 and m.end == start + len(name)), None) or _captioned(first, mentions)


def _listed_source(first: Span, mentions: tuple[Mention, ...]) -> Mention | None:
    """The source an item of a source list names before the dash that opens its quote, as a
    round-up of reports is laid out ("* AP - “...”", "BBC — “...”"): the rest of the line
    before the dash a name and nothing else."""
    text = first.doc.text
    line_start = text.rfind("\n", 0, first.start_char) + 1
    before = text[line_start:first.start_char].rstrip().rstrip("".join(PAIRS)).rstrip()
    item = _LIST_ITEM.fullmatch(before)
    if item is None:
        return None
    start, end = line_start + item.start("name"), line_start + item.end("name")
    return next((m for m in mentions if m.type in ("PERSON", "ORG")
                 and (m.start, m.end) == (start, end)), None)


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


def _reported_before(first: Span, quoted: set[int], article: ArticleContext) -> Mention | None:
    """A statement quoted with no attribution of its own, right after a sentence that reports
    what someone said ("Galanter says he could hear the jury's anger. And he didn't blame
    them.\n\n“How do you write a book ...”"; "He also argued that he'd been a model prisoner.
    When he'd arrived, “I gave my word ...”"): the one who said it goes on. A short phrase in
    marks is no statement and stays no one's, unless it is a sentence of its own ("Söder said.
    “Corona remains deadly.”"), and so does a quote whose own sentence has an attribution that
    could not be read ("with the later stating that"), and a crosshead's echo of a remark."""
    if (len(first.text.split()) < PHRASE_WORDS and not _whole_sentence(first)) or _crosshead(
            first.doc.text, first.start_char, first.end_char):
        return None
    doc = first.doc
    sentence = doc[first.start].sent
    if any(says(t) and t.i not in quoted for t in sentence):
        return None
    # "Sr. Keehan pointed out that Dr. Benjamin isn't “...”": a person the sentence names as
    # its subject has the floor, whatever verb they say it by; the one before does not go on.
    if any(t.dep_ == "nsubj" and t.head.dep_ == "ROOT" and t.i not in quoted
           and (m := mention_at(t, article.mentions)) is not None and m.type == "PERSON"
           for t in sentence):
        return None
    for back in range(2):  # the sentence before, or the one before that when it is short
        if sentence.start == 0:
            return None
        sentence = doc[sentence.start - 1].sent
        if back == 0 and _answers(first, sentence, quoted):
            # "What does Mayor Ann Ruiz think of that? “Not much.”": the one asked answers.
            return _asked_of(sentence, article)
        # A verb that reports words, not one with a clause of doing for its complement
        # ("Bacall continued making movies").
        said = [t for t in sentence if t.lower_ in SAYING and t.pos_ == "VERB"
                and t.i not in quoted and not any(c.dep_ == "xcomp" for c in t.children)]
        subject = speaking_subject(said[-1]) if said else None
        if subject is not None:
            return _reporting_person(subject, first, article)
        if back == 0 and len(sentence) > 12:
            return None
    return None


def _whole_sentence(words: Span) -> bool:
    """Are the quoted words a sentence of their own, however short: a capital first and a stop
    last inside the marks ("“Corona remains deadly.”", "“Never.”"), not a phrase ("a “shocking
    peak”")?"""
    text = words.text.strip()
    return text[:1].isupper() and text[-1:] in ".!?"


def _reporting_person(subject: Token, first: Span, article: ArticleContext) -> Mention | None:
    """The person the subject of a sentence reporting words before the quote ``first`` names,
    or the description of one it describes unnamed in the sentence right before, in its
    paragraph ("A reporter for the network said aid may be slow. “We are 300km from the
    epicentre ...”"): a described speaker goes on as a named one does, if not as far. A body's
    or a document's words go on in no quote, nor does a named person's team ("Ritz's team
    reports ...": she is the one quoted)."""
    found = speaker_at(subject, article)
    if found is not None:
        return found if found.type == "PERSON" else None
    opening = first.doc[first.start]
    if opening.sent.start - 1 not in range(subject.sent.start, subject.sent.end) or \
            not same_paragraph(subject, opening) or any(
            c.dep_ == "poss" and c.ent_type_ == "PERSON" for c in subject.children):
        return None
    return description_at(subject, article)


def _answers(first: Span, sentence: Span, quoted: set[int]) -> bool:
    """Does the quote open the sentence right after ``sentence``, on its line, and that one
    end on a question mark outside any quotation? A quote further on, or past a line break,
    answers no question ("will she be a good mother?\n\nWhile the show, titled “...”")."""
    # the sentence's own words: a line break the parser ran on after them is no part of it
    words = [t for t in sentence if not t.is_space]
    last = next((t for t in reversed(words) if not t.is_quote), None)
    if last is None or last.text != "?" or last.i in quoted:
        return False
    end = words[-1].idx + len(words[-1])
    return _OPENS_ANSWER.fullmatch(first.doc.text, end, first.start_char) is not None


def _asked_of(question: Span, article: ArticleContext) -> Mention | None:
    """The person a question asks about as the subject of its main verb ("What does Mayor Ann
    Ruiz think of that?"), whose answer the quote after it is; None when it names no one."""
    subject = next((c for c in question.root.children if c.dep_ == "nsubj"), None)
    found = speaker_at(subject, article) if subject is not None else None
    return found if found is not None and found.type == "PERSON" else None


def _said_after(quote: Span, quoted: set[int]) -> Token | None:
    """Who says it by a verb of saying after the closing mark, in the sentence or, when the
    parser cut it there, in a short next sentence ("''\\nhe said.")."""
    doc = quote.doc
    sentence = doc[quote.end - 1].sent
    # A headline glued to its lede is a line of its own: the lede names no one who says the
    # headline's quote ("...: ‘Gee, that’s too bad’ Utah Senator Mitt Romney announced").
    lede = _lede_after(doc.text, quote.end_char)
    after = [t for t in doc[quote.end : sentence.end] if t.i not in quoted and t.idx < lede]
    words = [t for t in after if not _is_mark(t) and not t.is_space]
    goes_on = sentence.end < len(doc) and lede == len(doc.text)
    if goes_on and not words:
        following = doc[sentence.end].sent
        # A question or exclamation ends the parser's sentence: "``So which is it?'' Deputy
        # Public Defender Peter Lynch asked Coleman, who in turn said ...".
        if len(following) <= 8 or following[0].is_lower or quote.text.rstrip()[-1:] in "?!":
            after += [t for t in following if t.i not in quoted]
    elif goes_on and words[-1].text.rstrip(".").lower() in TITLES:
        # A sentence the parser ended at a short title: '," LAPD Cmdr. Andy Smith said.'
        after += [t for t in doc[sentence.end].sent if t.i not in quoted]
    # An attribution stands in the quote's paragraph: "...”\n\nSheahan said police have
    # video" is the next paragraph's news, whatever sentence the parser made of it.
    # Not a line an archive broke after a title: "the Rev.\n\nLarry Kroon ... said".
    paragraph = next((n for n, t in enumerate(after) if t.is_space and BLANK_LINE.search(
        t.text) and not any(w.text.rstrip(".").lower() in TITLES for w in after[max(n - 2, 0):n])),
        len(after))
    own = after[:paragraph]
    if not any(not _is_mark(t) and not t.is_space for t in own):
        own = _attribution_line(after[paragraph + 1 :]) or own
    return _subject_of_saying(_past_aside(own), quoted, ahead=True) or \
        _said_by_long_subject(own, quoted)


def _lede_after(text: str, end: int) -> int:
    """Where the lede begins after a headline glued to it (``headlines.headline_end``) that
    holds the characters up to ``end``; the text's length when no such headline does."""
    lede = headline_end(text)
    return lede if lede is not None and end <= lede else len(text)


def _said_by_long_subject(after: list[Token], quoted: set[int]) -> Token | None:
    """The subject of the first verb of saying after a quote when every word before the verb is
    the subject's own noun phrase, however long its titles run ("“...,” Jammu-based Army Public
    Relations Officer (PRO) Lt Col Devender Anand said"): nothing else stands between."""
    words = [t for t in after if not _is_mark(t) and not t.is_space]
    verb = next((n for n, t in enumerate(words) if says(t) and t.pos_ == "VERB"), None)
    if verb is None or verb == 0:  # a verb first has its subject after it: _name_after's case
        return None
    subject = speaking_subject(words[verb])
    if subject is None or subject.i in quoted:
        return None
    return subject if all(subject.left_edge.i <= t.i <= subject.right_edge.i
                          for t in words[:verb]) else None


# A verb of saying with only these beside its subject reports nothing of its own: "Roesler
# said Thursday in a statement."
_ATTRIBUTION_ONLY = {"nsubj", "punct", "npadvmod", "advmod", "prep", "aux", "neg"}


def _attribution_line(tokens: list[Token]) -> list[Token] | None:
    """The next paragraph when it is an attribution and nothing else, as wire copy sets the
    speaker of the quote that ends the paragraph before on a line of its own ("...dead.''\n\n
    Roesler said."): its verb of saying has no clause or object it would report, so the line
    is no news of its own; a line that says something ("Roesler said the site logs 20 million
    hits") or hands over to the next quote ("Roesler said:") keeps its own."""
    line = list(takewhile(lambda t: not (t.is_space and BLANK_LINE.search(t.text)), tokens))
    words = [t for t in line if not t.is_space]
    if not words or words[-1].text != "." or len(words) > _WINDOW or any(
            t.is_quote for t in words):
        return None
    doc = words[0].doc
    # The whole paragraph: the parser's sentence may have cut it short.
    rest = doc[words[-1].i + 1 :]
    if rest and not (rest[0].is_space and (BLANK_LINE.search(rest[0].text) or len(rest) == 1)):
        return None
    said = [t for t in words if t.lower_ in SAYING and t.pos_ == "VERB"]
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
            words[n].pos_ == "PROPN" or words[n].ent_type_ in SPEAKER_TYPES):
        n += 1
    if n == start or n >= len(words) or words[n].text != ",":
        return after
    close = next((m for m in range(n + 1, len(words)) if words[m].text in (",", ".", "!", "?")
                  or words[m].is_quote), None)
    if close is None or words[close].text != "," or close + 1 == len(words) or \
            words[close + 1].lower_ not in SAYING or words[close + 1].pos_ != "VERB":
        return after
    return words[:n] + words[close + 1 :]


def _said_before(quote: Span, quoted: set[int]) -> Token | None:
    """Who says it by a verb of saying before the opening mark ("X said: “...”"), in the
    sentence or in the sentence before when that one ends on a colon or semicolon."""
    doc = quote.doc
    sentence = doc[quote.start].sent
    before = _own_lead_in(doc[sentence.start : quote.start], quoted)
    statement = len(quote.text.split()) >= PHRASE_WORDS
    if all(_is_mark(t) for t in before) and sentence.start > 0:
        previous = [t for t in doc[sentence.start - 1].sent if t.i not in quoted]
        if previous and previous[-1].text in _HANDS_OVER:
            return _subject_of_saying(previous[::-1], quoted) or (
                _handed_over_by(previous[:-1]) if statement else None)
    # The verb must govern the quote, unless a colon or comma hands over to it: in "Kim, who
    # said he was tired, called it “candid”" the speaker is the one who called it.
    # The root of the quote's part in this sentence: a quote of two sentences has the second's.
    governing = {t.i for t in ancestors(doc[quote.start : min(quote.end, sentence.end)].root)}
    marks = [t for t in before if not t.is_quote and not t.is_space]
    handed = bool(marks) and marks[-1].text in (":", ",")
    said = _subject_of_saying([t for t in before[::-1] if handed or t.i in governing], quoted)
    if said is None and statement and marks and marks[-1].text in _HANDS_OVER:
        return _handed_over_by(marks[:-1])
    return said


def _handed_over_by(clause: list[Token]) -> Token | None:
    """Who speaks the statement a clause hands over to by a colon: the owner of a statement it
    introduces ("Melquan was a member of the Trinity Elite Titans football team, which issued a
    statement on Facebook:" is the team's), else the clause's subject."""
    statements = [t for t in clause if noun_lemma(t.lower_) == "statement" and t.pos_ == "NOUN"]
    owner = statement_owner(statements[-1]) if statements else None
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
             and not any(v.dep_ == "relcl" for v in ancestors(t))]
    if not verbs:
        return None
    subject = next((c for c in verbs[-1].children if c.dep_ == "nsubj" and c in clause), None)
    if subject is None:
        return None
    noun = noun_lemma(subject.lower_)
    if subject.pos_ == "NOUN" and not (is_person_noun(noun) or noun in BODY_NOUNS):
        return None
    return subject if same_paragraph(subject, clause[-1]) else None


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
    for n, token in enumerate(words):
        if says(token) and token.pos_ in ("VERB", "AUX"):
            if ahead and _introduces_quote(token, quoted) and not _interrupts(token, tokens,
                                                                              quoted):
                return None  # "..., whilst his grandmother said that “...”": the next quote's
            # "she recalls him saying": the one recalled says the words.
            token = next((c for c in token.children if c.lower_ in SAYING and c.tag_ in (
                "VBG", "VB") and c.i > token.i and any(g.dep_ == "nsubj" for g in c.children)),
                token)
            subject = speaking_subject(token)
            if subject is None or subject.i in quoted:
                # The word before the verb once the aside describing the speaker is left out
                # ("Rob Joyce, the coordinator until the post was cut, said", which the
                # parser reads as the subject of "was cut").
                subject = _beside(token, words[n - 1] if n and words[n - 1].i < token.i
                                  else None)
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


def _beside(verb: Token, before: Token | None = None) -> Token | None:
    """The name or pronoun just before the verb ("he said"), or ``before`` it when an aside is
    left out, or the name just after it ("said Okafor"), when the parse gives the verb no
    subject."""
    doc = verb.doc
    if before is None and verb.i > 0:
        before = doc[verb.i - 1]
    # Not an object: "released a statement to KGO saying" is not KGO speaking.
    if before is not None and before.dep_ not in ("pobj", "dobj") and (
            before.lower_ in PRONOUNS or before.ent_type_ in SPEAKER_TYPES
            or _untagged_name(before)):
        return before
    after = _name_after(verb)
    if after is None or verb.lower_ in _ADDRESSING \
            or (after.dep_ == "dobj" and verb.tag_ == "VBG"):
        return None  # "told Reuters", "asked Okafor", "describing Berman": spoken to, of
    # "said Dave Joyce": Joyce; "said French Foreign Minister Bernard Kouchner": Kouchner.
    while after.dep_ in ("compound", "amod") and after.head.i > after.i:
        after = after.head
    return after


def _name_after(verb: Token) -> Token | None:
    """The first word of the name right after a verb of saying, past the title set before it
    ("said Rep. Ann Lowe", "added health economist Ann Lowe": a title or rank, and the
    lowercase words that describe the noun after them), which the entity model leaves out of
    the name."""
    for token in verb.doc[verb.i + 1 : verb.i + 1 + _TITLE_BEFORE_NAME]:
        if token.ent_type_ in SPEAKER_TYPES:
            return token
        if not (is_role(token) or (token.is_lower and token.dep_ in ("compound", "amod")
                                   and token.head.i > token.i)):
            return None
    return None


def _untagged_name(token: Token) -> bool:
    """A capitalised word the models took for nothing of a name, mid-sentence ("The crew
    “worked to keep the freezers going,” Byerly said": Byerly parsed an adverb)."""
    return token.pos_ in ("PROPN", "NOUN", "ADV", "ADJ") and token.text[:1].isupper() and \
        not token.ent_type_ and not token.is_sent_start and not is_role(token)


def _according_to_whom(sentence: Span, quoted: set[int]) -> Token | None:
    """The word "according to" in the sentence, outside quotation marks, cites; or whose words
    "in X's words" or "in the words of X" says they are ("charged, in Ivey's words, with
    gathering the “facts”")."""
    for token in sentence:
        if token.i in quoted:
            continue
        if token.lower_ == "according" and token.i + 2 < sentence.end:
            to = token.doc[token.i + 1]
            if to.lower_ == "to":
                return next((c for c in to.children if c.dep_ == "pobj"), to.doc[to.i + 1])
        if token.lower_ == "words" and token.head.lower_ == "in":
            owner = next((c for c in token.children if c.dep_ == "poss"), None) or next(
                (o for p in token.children if p.lower_ == "of" for o in p.children
                 if o.dep_ == "pobj"), None)
            if owner is not None and owner.lower_ not in ("his", "her", "their", "its"):
                return owner
    return None


def _according_to(named: Token, article: ArticleContext) -> Mention | None:
    """Who "according to" names: a name, one the entity model missed ("According to EW, “...”"),
    a body by its noun ("according to police", "according to the police report"), or one
    described again ("according to the theologian")."""
    return mention_at(named, article.mentions) or body_noun(named, article) \
        or proper_name(named, article) or _speaker_or_described(named, article)


def _subject_of_governing_verb(inside: Span, quoted: set[int], article: ArticleContext,
                               within: tuple[int, int] | None = None) -> Mention | None:
    """The speaker named by the subject of the nearest verb governing the quote (a subject
    in the characters ``within`` only: "“He just says, ‘We’ll be fine’”" is his, whoever he
    is). The verb stands in the quote's paragraph: a parse that runs a sentence on over a blank
    line ("...”\n\n7. Tony Montana told") hangs the quote on the next paragraph's news."""
    text = inside.doc.text
    start = max(0, inside.start_char - _PARAGRAPH_READ)
    start = max([m.end() for m in BLANK_LINE.finditer(text, start, inside.start_char)],
                default=start)
    end = min(_lede_after(text, inside.end_char), inside.end_char + _PARAGRAPH_READ)
    following = BLANK_LINE.search(text, inside.end_char, end)
    end = following.start() if following else end
    chain = [verb for verb in ancestors(inside.root) if start <= verb.idx < end]
    term = _is_term(inside, quoted)
    for n, verb in enumerate(chain):
        if term and verb.pos_ in ("VERB", "AUX"):
            # "Microsoft released a fix for a “zero - day”", "received a “genius grant”": a
            # term in marks is what something is called, no words of whoever does something;
            # but the nearest verb may say or name it ("by describing him as a “tyrant”").
            # Said as an aside ("Additionally, he said, the laws are a “useless ritual”") or in
            # a clause someone says ("The unit will carry out a “structural review”, the
            # sources said"), the term is the speaker's word.
            if verb.lower_ not in SAYING | _NAMING and _said_aside(verb, quoted) is None and \
                    not (within is None and _within_saying(verb, chain[n + 1 :], quoted)):
                return None
            term = False
        owner = next((c for c in verb.children if c.dep_ == "poss" and c.i not in quoted), None)
        if owner is not None and noun_lemma(verb.text) in _SPEECH_NOUNS and (
                within is None or within[0] <= owner.idx < within[1]):
            return speaker_at(owner, article)  # "a Confucius' saying, “...”", "his words"
        aside = _said_aside(verb, quoted) if within is None else None
        if aside is not None:
            return _speaker_or_described(aside, article)
        if n > 0 and chain[n - 1].dep_ == "attr" and chain[n - 1].i in quoted:
            # "his sister Mirella, who he once told MODERN was “the best hairdresser in the
            # world”": the one the quoted noun phrase describes is not who says it.
            return None
        if within is None and _held_by_content_noun(chain[n:]):
            return None
        if verb.lower_ in _NAMING and any(c.dep_ == "nsubjpass" for c in verb.children):
            return None  # "Leona Helmsley, who was dubbed “the queen of mean”": named, by no one
        if verb.lower_ in _NAMING | {"known", "nicknamed"} and verb.tag_ == "VBN" and \
                verb.dep_ == "acl":
            return None  # "The Golden Globes, known as the “party of the year”": so, by no one
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
                if verb.lower_ in SAYING | _NAMING:  # "Marshall, who promised to “redouble”"
                    child = relative_antecedent(child)
                # "His first joke was that Kilborn was “on assignment”": the subject of a
                # copula the quoted words complete is what they describe, not who says them.
                if n > 0 and _completes_copula(chain[n - 1], quoted):
                    return None
                if not same_paragraph(child, verb):
                    return None
                # "a diplomat called it a “charade”": described, the one who says or names
                # it speaks; the subject of another verb ("residents fled the “inferno”")
                # only by a name.
                return speaker_at(child, article) or (description_at(child, article) if says(
                    verb) or verb.lower_ in _NAMING else None)
            # "a fire being treated by police as “potentially suspicious”": who treats it so
            # calls it so, as the subject of "Police are treating the fire as “...”" does.
            if child.dep_ == "agent" and n > 0 and chain[n - 1].lower_ == "as":
                agent = next((c for c in child.children if c.dep_ == "pobj"), None)
                return None if agent is None else speaker_at(agent, article)
    return None


def _held_by_content_noun(chain: list[Token]) -> bool:
    """Is the first word of ``chain`` (a quote's governing words, nearest first) in a clause a
    content noun above it holds, owned by no one ("a ruling that Kit Kat had “no inherent
    distinctiveness”")? Then the clause is what the ruling or statement holds, and its subject
    what the words are about. (Whose the statement is, "his statement that ...", is read at
    the noun.) A verb of naming on the way up gives its subject's words wherever it stands: in
    "the reports that ... and Tony Blair called it “wrong”" (a parse that hangs the second
    clause on the noun) he calls it so."""
    for n, word in enumerate(chain):
        if word.lower_ in _NAMING and word.pos_ == "VERB":
            return False
        if n > 0 and word.pos_ == "NOUN" and noun_lemma(word.lower_) in _CONTENT_NOUNS and not any(
                c.dep_ == "poss" for c in word.children):
            return True
    return False


def _is_term(inside: Span, quoted: set[int]) -> bool:
    """Are the quoted words a short run of nouns (adjectives before them allowed) used as what
    something is called: with an article or owner outside the marks ("a “zero - day”", "the
    “bagman”", "its “Fixit” tools", "the “Southern strategy”") or naming the noun after them
    ("a “genius grant” fellow", "a “dirty tricks” campaign")? Not a bare noun of someone's
    verdict ("criticized South Korea for “appeasement”")."""
    words = [t for t in inside if t.i in quoted and not t.is_punct]
    # A noun may take its adjective into the marks: "a notorious “religious freedom” law".
    if not 0 < len(words) < PHRASE_WORDS or any(t.pos_ not in ("NOUN", "PROPN", "NUM", "ADJ")
                                                for t in words) or words[-1].pos_ == "ADJ":
        return False
    head = inside.root
    if head.dep_ in ("compound", "nmod", "amod") and head.head.i not in quoted:
        return True
    return any(c.dep_ in ("det", "poss") and c.i not in quoted for c in head.children)


def _said_aside(verb: Token, quoted: set[int]) -> Token | None:
    """The subject of a verb of saying set into the clause before it as an aside ("Still,
    Lott said, people shouldn't “lose sight” of it"): whoever says so says the clause."""
    return next((subject for aside in verb.children if aside.dep_ == "parataxis"
                 and aside.lower_ in SAYING and aside.pos_ == "VERB" and aside.i < verb.i
                 and aside.i not in quoted for subject in aside.children
                 if subject.dep_ == "nsubj" and subject.i not in quoted), None)


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
    return verb.lower_ not in SAYING | _NAMING and any(
        says(v) and v.pos_ == "VERB" and v.i not in quoted for v in above)


def _reported_verb(verb: Token, quoted: set[int]) -> bool:
    """A verb of the quoted words themselves whose quotation someone else reports: its subject
    is whom the words are about, not who says them ("The attorney said Cosme “screwed up”",
    "An investigation found that Cosme “caused injury”", "the report continues, Chip Gaines
    “sought to amplify ...”"). Only a quoted verb nothing else governs or attributes speaks
    for its subject ("Smith “strongly condemned” the attack")."""
    return verb.i in quoted and (verb.head.i != verb.i or any(
        c.lower_ in SAYING and c.i not in quoted for c in verb.children))


def _cited_source(
    sentence: Span, citations: tuple[Citation, ...], mentions: tuple[Mention, ...]
) -> Mention | None:
    """The name inside a source the sentence cites inline ("... (Asia Times, April 25)")."""
    for citation in citations:
        if sentence.start_char <= citation.start < sentence.end_char + 2:
            for mention in mentions:
                if citation.start <= mention.start and mention.end <= citation.end:
                    return mention
    return None


def _continued(first: Span, last: Span, previous: tuple[int, Mention | None],
               article: ArticleContext) -> Mention | None:
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
    # The last quotation's own full stop counts: "``... compromised.''\n\n``If you think",
    # and in copy that spaces its marks off the words too ("building. ”\n“ Within").
    marks = "".join(PAIRS) + "".join(CLOSERS)
    opens_sentence = text[end - 1 : first.start_char].rstrip(marks + " \t\n").endswith(
        (".", "!", "?"))
    rest = text[last.end_char:].lstrip("".join(CLOSERS)).lstrip()
    ends_sentence = text[last.end_char - 1] in ".!?" or not rest or rest[0].isupper()
    key = article.antecedents.key
    described = _described_speaker(text, speaker, end, first.start_char)
    someone_else = any(end <= m.start and m.end <= first.start_char and m.type == "PERSON"
                       and key(m) != key(speaker) and not described[0] <= m.start < described[1]
                       for m in article.mentions)
    # "'Bars ransacked'" on a line of its own with no full stop is a heading, not more words.
    heading = "\n" in between and text[last.end_char:].lstrip("".join(CLOSERS))[:1] in (
        "\n", "") and text[last.end_char - 1] not in ".!?…"
    if (len(between) <= CONTINUATION_GAP or described[1] > described[0]) and opens_sentence \
            and ends_sentence and not someone_else and not heading:
        return speaker
    return None


def _crosshead(text: str, start: int, end: int) -> bool:
    """Does the quotation open a line of its own that heads a section, as reports set a remark
    their section quotes over it ("‘The house moved. I thought it would fall’: First quake
    strikes", "‘Total chaos’", "“Below zero”; rescue goes on")? Its words end on no full stop
    and the line holds nothing after them but a label after a colon or semicolon: a sentence
    of the story would end on a stop, or go on into its attribution."""
    line_start = text.rfind("\n", 0, start) + 1
    if line_start == 0 or text[line_start:start].strip("".join(PAIRS) + " \t"):
        return False
    line_end = text.find("\n", end)
    after = text[end : len(text) if line_end < 0 else line_end].lstrip("".join(CLOSERS)).strip()
    return text[end - 1] not in ".!?…," and (not after or _HEADING_LABEL.fullmatch(
        after) is not None)


def _remark_over_section(text: str, quote: Quote) -> bool:
    """Is the quote a crosshead that sets a remark over its section, a statement of
    ``PHRASE_WORDS`` or more ("‘The house moved. I thought it would fall’: First quake
    strikes")? A shorter one (‘Last chance saloon’, ‘Out of touch’) labels the section in words
    someone used, as the writer's heading, and stays no one's."""
    return len(quote.text.split()) >= PHRASE_WORDS and _crosshead(text, quote.start, quote.end)


def _split_by_attribution(text: str, start: int, end: int, speaker: Mention) -> bool:
    """Is the text from ``start`` to ``end`` between two quotations only the attribution that
    names ``speaker`` set off by commas inside one sentence of theirs, however long its aside
    (',” said the lead author, Dr. Ana Ruiz, an associate professor of medicine at the
    university, “but')? The words after it go on with the sentence, so they are the speaker's
    too."""
    between = text[start:end]
    marks = "".join(PAIRS) + "".join(CLOSERS)
    return start <= speaker.start < end and between.lstrip(marks).startswith(",") and \
        between.rstrip().rstrip(marks).rstrip().endswith(",") and \
        not re.search(r"[.!?:;]", _ABBREVIATION.sub("", between)) and "\n" not in between and \
        text[end : end + 1].islower()


def _described_speaker(text: str, speaker: Mention, start: int, end: int) -> tuple[int, int]:
    """The characters from the speaker's name to the next quotation, when the text between two
    quotations from ``start`` to ``end`` is one attribution sentence naming the speaker
    (',” said resident Jonathan Rosario, who was at the park with a toddler. “'): however
    long, it hands the floor to no one, nor does a person named after the speaker in it ("said
    Lampman, a former neighbor whose daughter, Amber Shockey, ..."). Else an empty span."""
    between = text[start:end]
    ends = [m.end() for m in re.finditer(r"[.!?][”’\"']*\s", between)]
    if not start <= speaker.start < end or len(ends) != 1 or \
            between[ends[0]:].strip("".join(PAIRS) + " \n"):
        return (0, 0)
    return (speaker.start, end)
