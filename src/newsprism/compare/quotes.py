"""The same remark quoted in different words by different sources.

Two quotes are one remark rendered differently when the same speaker says them in different
articles, the quoted words (or the words and their sentences) are close in meaning, and they
are not the same words: "candid and meaningful" and "frank and substantive exchange of
opinions" are Kim's one characterisation of the talks.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache

import numpy as np

from newsprism.analyse.figures import CARDINAL_VALUES, CARDINAL_WORDS, CLOCK, CLOCK_24
from newsprism.analyse.nlp import TITLE_NOUNS
from newsprism.ingest.dates import MONTH_ABBREVIATIONS, full_month
from newsprism.model import Quote, Sentence, Span
from newsprism.negation import NEGATING, NOT_CONTRACTED
from newsprism.summarize.words import STOP_WORDS, letter_words

# Cosines of the quoted words (short phrases score low even when they mean the same thing) and
# of their sentences: one remark if the words are close, or, for a short phrase, fairly close in
# close sentences (two full remarks of one speaker in one setting are two remarks: "We have
# numerous witnesses to this," and "We have a lot of pieces to put together...").
SAME_REMARK = 0.55
# Two full quotations (neither a phrase) are one remark quoted in other words only when closer:
# one speaker's two remarks on one topic, in a tweet and in a press release, scored 0.59 ("The
# youth in this community have no outlets for their anger" / "Tonight, we saw an explosion of
# anger from the youth in my community"), one remark in two renderings 0.75 and more ("We waited
# two years, and waiting did not pay anybody's rent" / "We have been patient for two years, and
# patience has not paid the rent"; translations of one speech, 0.86 to 0.96).
REWORDED_REMARK = 0.65
RELATED_REMARK = 0.25
SAME_CONTEXT = 0.5
# A passage this long (in words) that another gives with one word more was copied with a slip
# ("and there were another dozen" / "and there another dozen", "first aid for and tried" /
# "first aid for her, and tried"), not worded differently; a remark of a dozen words or fewer
# with one word more ("the way we wanted" / "the way we had wanted") is another wording.
COPY_SLIP_WORDS = 15
# A word of this many letters or more written with one letter more or less is a typo
# (``_misspelt``).
MISSPELT_LETTERS = 5
# ... or with one run of this many words at most given otherwise, two transcripts of one
# remark ("and there were another dozen" / "and a dozen", a 30-word passage).
COPY_SLIP_RUN = 3
# Words a statement quotes, read from its marks where the analysis found no quote in it: the
# marks of quotations in every style but the single ones (‘ ’ are apostrophes too).
_MARKS = re.compile(r"``|''|[“”«»„\"]")
_OPENING = ("``", "“", "«", "„")
_MARK_BEFORE = re.compile(rf"(?:{_MARKS.pattern})$")  # a mark right before a name
_ELLIPSIS = re.compile(r"\.\s?\.\s?\.|…")
# Where a quoted passage's sentences (or its runs between ellipses) end.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\.\s?\.\s?\.|…")
# ... and where an article's sentences end: after its closing quote marks too, and at each
# paragraph break ("it's heartbreaking."\n\nClark said ...).
_TEXT_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”'’]*\s+|\n\s*\n|\.\s?\.\s?\.|…")
# A quoted sentence this long that another article gives word for word is that article's
# wording of the remark too (``gives_verbatim``); shorter runs ("he will be missed") are common
# to many remarks.
VERBATIM_WORDS = 6
# ... and a quoted sentence an article gives elsewhere nearly word for word (a word put in or
# given otherwise: "The fact that this happened with so many kids out here it's just." /
# "The fact that this situation happened with so many kids out here, it's heartbreaking.")
# is that article's rendering of the remark, when closer than the passage set against it: word
# sequences this alike (difflib's ratio) are one sentence; two remarks of one speaker on one
# topic share far less ("They're definitely upset over the fact of how could this happen").
NEAR_VERBATIM = 0.8
# Two quoted passages are one remark in other words when the shorter's words are mostly the
# longer's ("knew they were OK" / "knew that they were okay"); two remarks of one speaker share
# little beyond a few function words ("We have numerous witnesses" / "We have a lot of pieces").
SHARED_REMARK_WORDS = 0.6
MIN_PASSAGE_WORDS = 4
# Two full quotes close in meaning are one remark reworded only when the shorter shares this
# much of its wording with the longer ("I believe Brian Nichols did not win" / "I don't think
# Brian Nichols won": 4 of 7 words); two remarks of one speaker on one topic share a name or two
# ("will continue to hit Hamas hard" / "I hope that Hamas ... got the message": 4 of 13).
REWORDED_SHARED_WORDS = 0.4
# Words that carry no content of a remark (negations kept: "not" is what a remark says).
_FUNCTION_WORDS = STOP_WORDS - NEGATING
# A quoted fragment of fewer words than this (small words left out) is a word the speaker
# used ("narrow"), not a rendering of a remark (``_renderings_alike``).
MIN_RENDERED_WORDS = 2
# What a transcript renders either way: contractions ("I'm" / "I am", "don't" / "do not"; the
# apostrophe splits them into two words), and "cannot".
_CONTRACTED = {"m": "am", "re": "are", "ve": "have", "ll": "will"}
_IS_AFTER = {"it", "he", "she", "that", "there", "what", "who", "here", "where", "how"}
# An editor's words inside a quotation: in square brackets, or in round ones as some presses
# write them ("The warship immediately altered (its direction) towards the vessels" quotes the
# words "The warship immediately altered towards the vessels" another report gives).
_BRACKETED = re.compile(r"\[[^\]\n]*\]|\([^)\n]*\)")
# Words a report may add to or drop from a quotation without rewording it ("the things I've
# done" / "the things that I've done", "And I just wanted to say" / "I just wanted to say"):
# at most ``SMALL_SLIPS`` of them, anywhere. A possessive "'s" put in or left out ("the North
# Korean's elite's thoughts" / "the North Korean elite's thoughts") is such a slip too: the
# apostrophe splits it off as the word "s".
_SMALL_WORDS = {"and", "but", "so", "that", "the", "a", "an", "he", "she", "it", "i", "we",
                "they", "you", "just", "well", "oh", "also", "of", "s"}
SMALL_SLIPS = 2
# A run of words left out inside a quotation, unmarked, is an abridgement when it is at least
# a phrase long ("That person [is dangerous and] needs to be found"); one or two words left out
# or put in change a wording ("the way we [had] wanted", "they [have] ever had here"). Words
# whose loss flips or hedges the sense are never left out of the same remark.
ABRIDGED_WORDS = 3
# "only" narrows what is said ("only two were hurt"): losing it changes the sense as a
# negation lost does.
_SENSE_WORDS = NEGATING | {"only"}


def speaker_words(speaker: str) -> frozenset[str]:
    """A speaker's name as words, to tell whether two speakers can be one: "Karolos Papoulias"
    and "Carolos Papoulias" share one."""
    return frozenset(letter_words(speaker))


def same_wording(a: Quote, b: Quote) -> bool:
    """Is one quote the other's words, or a run of them ("we wanted" and "we had wanted" are
    two wordings; a quote cut short is the same one), or a long passage copied with one word
    slipped?"""
    first, second = a.text, b.text
    if len(_quoted_words(first)) > len(_quoted_words(second)):
        # ``_same_words`` reads the shorter first whichever comes first: one reading a pair
        first, second = second, first
    return _same_wording(first, second)


@lru_cache(maxsize=16384)  # asked of one pair of quotes by several detectors, reprints too
def _same_wording(a: str, b: str) -> bool:
    if _same_words(_quoted_words(a), _quoted_words(b)):
        return True
    return any(_BRACKETED.search(mine) is not None and _mostly_within(mine, theirs)
               and _same_words(_stand_in_filled(mine, theirs), _quoted_words(theirs))
               for mine, theirs in ((a, b), (b, a)))


def _mostly_within(text: str, other: str) -> bool:
    """Are all but ``SMALL_SLIPS`` of ``text``'s words (editor's brackets left out) the
    ``other``'s? The cheap test before a diff: most pairs of quotations share few words."""
    return len(set(_quoted_words(text)) - set(_quoted_words(other))) <= SMALL_SLIPS


# Where an editor's bracketed words stand for the speaker's own, the other transcript's words
# there are a pronoun or a determiner ("respond to [Conal's] letter" / "respond to his letter",
# "[the deal] is done" / "it is done"): at most this many, each a function word.
STAND_IN_WORDS = 2
_STAND_IN = "\x00"  # the bracket's place among a quotation's words: no word is written so


def _stand_in_filled(text: str, other: str) -> list[str]:
    """``text``'s words with each editor's bracket (``_BRACKETED``) read as the words the
    ``other`` quotation has in its place, where those are ``STAND_IN_WORDS`` function words or
    fewer: the editor named whom "his" or "it" meant, the speaker said "his" or "it". A bracket
    in place of any other words is left out, as ``remark_words`` leaves it."""
    words = [w for n, piece in enumerate(_BRACKETED.split(text))
             for w in ([_STAND_IN] if n else []) + remark_words(piece)]
    theirs = _quoted_words(other)
    filled: list[str] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, words, theirs, autojunk=False).get_opcodes():
        mine = words[i1:i2]
        if op == "replace" and mine == [_STAND_IN] and len(theirs[j1:j2]) <= STAND_IN_WORDS \
                and set(theirs[j1:j2]) <= _FUNCTION_WORDS:
            filled += theirs[j1:j2]
        else:
            filled += [w for w in mine if w != _STAND_IN]
    return filled


@lru_cache(maxsize=4096)
def _quoted_words(text: str) -> tuple[str, ...]:
    """``remark_words`` of a quote, read once: compare sets every quote against many others."""
    return tuple(remark_words(text))


# The zone after any time of day (``CLOCK``, ``CLOCK_24``): outlets write one time in their own
# style ("6:41pm PST" / "18:41", "0241 GMT" / "02:41 GMT"), so a remark's times are compared as
# hour and minute.
_ZONE_AFTER = re.compile(r"(clock\d{4})\s*\b(?:[ECMP][SD]T|GMT|UTC)\b")


def _times_of_day(text: str) -> str:
    """``text`` with each time of day written as one word of its hour and minute, zone left
    out: "6:41pm PST" and "18:41" are both "clock1841"."""
    def twelve(match: re.Match[str]) -> str:
        hour = int(match[1]) % 12 + (12 if match[3].lower() == "p" else 0)
        return f"clock{hour:02d}{match[2] or '00'}"

    def twenty_four(match: re.Match[str]) -> str:
        return f"clock{int(match[1] or match[3]):02d}{match[2] or match[4]}"

    text = CLOCK_24.sub(twenty_four, CLOCK.sub(twelve, text))
    return _ZONE_AFTER.sub(r"\1", text)


# A month abbreviated before its day, as house styles write dates ("Sept. 11", "Aug 6"): one
# outlet's style, not another word of the remark ("We found out on Sept. 11" / "We found out on
# September 11").
_MONTH_ABBREVIATED = re.compile(
    r"\b(" + "|".join(sorted((a.capitalize() for a in MONTH_ABBREVIATIONS), key=len, reverse=True))
    + r")\b\.?(?=\s+\d{1,2}\b)")


def _months_in_full(text: str) -> str:
    """``text`` with each month abbreviated before its day written in full: "Sept. 11" is
    "September 11"."""
    return _MONTH_ABBREVIATED.sub(lambda m: str(full_month(m[1])).capitalize(), text)


def _numbers_in_digits(words: Sequence[str]) -> list[str]:
    """``words`` with each number written in words written in digits, "twenty five" (from
    "twenty-five") as one: house styles spell a number out or not ("ten ISIS fighters" / "10
    ISIS fighters"; AP spells out only those under ten), one word of a remark either way.
    "one" stays a word: mostly a pronoun ("no one", "the one who"), and "1" is nobody's style."""
    digits: list[str] = []
    tens = False  # the word before is a number of tens in words ("twenty")
    for word in words:
        value = CARDINAL_VALUES.get(word)
        if value is not None and value < 10 and tens:
            digits[-1] = str(int(digits[-1]) + value)
        else:
            digits.append(word if value is None or word == "one" else str(value))
        tens = value is not None and value >= 20 and value % 10 == 0
    return digits


# What house styles write short or in full, one word of a remark either way: initials with or
# without stops ("U.S." / "US"), a body's initials or its name ("the UK" / "the United
# Kingdom"), "&" or "and", a rank abbreviated before a name ("Sgt at Arms" / "Sergeant-at-Arms").
# Each is read as the style that writes it shortest, in capitals only: "us" is a pronoun.
_DOTTED_INITIALS = re.compile(r"\b((?:[A-Z]\.){2,})(?!\w)")
_INITIALS_OF = {"United States": "US", "United Kingdom": "UK", "United Nations": "UN",
                "European Union": "EU"}
_NAMES_IN_FULL = re.compile(r"\b(?:" + "|".join(_INITIALS_OF) + r")\b")
_RANKS = {short.capitalize(): TITLE_NOUNS[short].capitalize()
          for short in ("sgt", "cpl", "lt", "capt", "col", "gen", "maj", "adm", "gov", "sen",
                        "rep", "supt", "insp", "det", "prof", "dr")}
_RANK_ABBREVIATED = re.compile(r"\b(" + "|".join(_RANKS) + r")\b\.?(?=\s)")


def _house_style(text: str) -> str:
    """``text`` with what house styles abbreviate or not written one way: "U.S." and "United
    States" as "US", "&" as "and", "Sgt." as "Sergeant"."""
    text = _DOTTED_INITIALS.sub(lambda m: m[1].replace(".", ""), text)
    text = _NAMES_IN_FULL.sub(lambda m: _INITIALS_OF[m[0]], text)
    text = _RANK_ABBREVIATED.sub(lambda m: _RANKS[m[1]], text)
    return text.replace("&", " and ")


def remark_words(text: str) -> list[str]:
    """A quotation's words as two transcripts of one remark compare them: lower case, no
    punctuation, contractions in full, an editor's [bracketed] or (bracketed) words left out, a
    time of day as its hour and minute, a month abbreviated before its day in full, a number
    in digits, initials, "&" and ranks in one house style (``_house_style``)."""
    words: list[str] = []
    plain = _house_style(_BRACKETED.sub(" ", text))
    for word in letter_words(_months_in_full(_times_of_day(plain))):
        if word == "cannot":
            words += ["can", "not"]
        elif word == "t" and words and words[-1] in NOT_CONTRACTED:
            words[-1:] = [NOT_CONTRACTED[words[-1]], "not"]
        elif word == "s" and words and words[-1] in _IS_AFTER:
            words.append("is")
        else:
            words.append(_CONTRACTED.get(word, word) if words else word)
    return _numbers_in_digits(words)


def _same_words(a: Sequence[str], b: Sequence[str]) -> bool:
    shorter, longer = sorted((a, b), key=len)
    shorter = _respelt(shorter, longer)
    if " ".join(shorter) in " ".join(longer):
        return True
    if len(shorter) >= COPY_SLIP_WORDS and (
            _one_word_left_out(shorter, longer) or _one_run_slipped(shorter, longer)):
        return True
    return _abridged(shorter, longer)


def _respelt(words: Sequence[str], other: Sequence[str]) -> Sequence[str]:
    """``words`` with its one word ``other`` lacks written as ``other`` writes it, where the
    two are one letter apart (``_misspelt``: "shining" / "shinning"): a typo in a copy, not
    another word. Left as they are where more than one word is missing (the cheap test first:
    most pairs of quotations share few words)."""
    missing = set(words) - set(other)
    if len(missing) != 1:
        return words
    (word,) = missing
    spelt = next((w for w in set(other) - set(words) if _misspelt(word, w)), None)
    return words if spelt is None else [spelt if w == word else w for w in words]


def _misspelt(a: str, b: str) -> bool:
    """Is one word the other with one letter put in, left out or doubled, the shorter of
    ``MISSPELT_LETTERS`` letters or more ("shining" / "shinning", "occurred" / "occured")? A
    shorter word so changed is often another word ("ever" / "never", "want" / "wants")."""
    short, long = sorted((a, b), key=len)
    if len(long) != len(short) + 1 or len(short) < MISSPELT_LETTERS:
        return False
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))


def _abridged(a: Sequence[str], b: Sequence[str]) -> bool:
    """Are two quotations one remark, each at most cut at its ends, with a few small words put
    in or left out (``SMALL_SLIPS``), or one of them the other with runs of ``ABRIDGED_WORDS``
    or more left out, never a word replaced or a negation lost?"""
    if (Counter(a) & Counter(b)).total() < MIN_PASSAGE_WORDS:
        return False  # fewer words in common than it must keep: most pairs, without a diff
    opcodes = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    kept = sum(i2 - i1 for op, i1, i2, _, _ in opcodes if op == "equal")
    if kept < MIN_PASSAGE_WORDS or any(op == "replace" for op, *_ in opcodes):
        return False
    slips, abridged, sides = 0, False, set()
    for n, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op == "equal":
            continue
        if n in (0, len(opcodes) - 1):
            sides.add(op)  # "delete": words only ``a`` has; "insert": words only ``b`` has
            continue  # one quotation running on past the other's end
        gap = a[i1:i2] or b[j1:j2]
        if _SENSE_WORDS & set(gap):
            return False
        if set(gap) <= _SMALL_WORDS:
            slips += len(gap)  # a slip of transcription, on either side: no words added
            continue
        if len(gap) < ABRIDGED_WORDS:
            return False
        abridged = True
        sides.add(op)
    # A phrase left out makes one quotation the other's words with some missing, nothing added
    # but small words ("But what is the genesis of this?" / "What is the genesis of this, when
    # did this all start?" adds words on each side: two renderings).
    return slips <= SMALL_SLIPS and not (abridged and len(sides) > 1)


def _one_run_slipped(a: Sequence[str], b: Sequence[str]) -> bool:
    """Is one long passage the other with one run of at most ``COPY_SLIP_RUN`` words given
    otherwise ("and there were another dozen" / "and a dozen"), no figure and no word that
    flips or hedges the sense in it?"""
    if (Counter(a) & Counter(b)).total() < max(len(a), len(b)) - COPY_SLIP_RUN:
        return False  # more words apart than one run holds: most pairs, without a diff
    changed = [op for op in SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
               if op[0] != "equal"]
    if len(changed) != 1:
        return False
    _, i1, i2, j1, j2 = changed[0]
    gap = [*a[i1:i2], *b[j1:j2]]
    return max(i2 - i1, j2 - j1) <= COPY_SLIP_RUN and not _SENSE_WORDS & set(gap) and \
        not any(word.isdigit() or word in CARDINAL_WORDS for word in gap)


def cut_apart(a: Quote, b: Quote) -> bool:
    """Do two quotations share a run of ``VERBATIM_WORDS`` words or more word for word, and
    beyond it say what the other does not, in no shared word (small ones aside) and a phrase
    longer, or nothing at all? Then each gives another stretch of what the speaker said, or the
    speaker said the phrase twice, to two reporters ("I knew it was going to bite me" / "There
    was nothing I could do, it was going to bite me"): neither renders the other's words
    otherwise."""
    x, y = _quoted_words(a.text), _quoted_words(b.text)
    run = SequenceMatcher(None, x, y, autojunk=False).find_longest_match(0, len(x), 0, len(y))
    if run.size < VERBATIM_WORDS:
        return False
    before = (x[: run.a], y[: run.b])
    after = (x[run.a + run.size :], y[run.b + run.size :])
    return all(_said_apart(*parts) for parts in (before, after))


def _said_apart(x: Sequence[str], y: Sequence[str]) -> bool:
    """Are two quotations' words beside their common run no rendering of each other: one of
    them none, or one ``ABRIDGED_WORDS`` words longer and sharing few of the other's content
    words (fewer than ``REWORDED_SHARED_WORDS`` of the shorter's: a spokesman's next sentence,
    "On seeing the resolve ... the pirate skiffs reversed course" in one report and "While two
    of them managed to escape, INS Sukanya ... carried out boarding-and-search action" in the
    other, shares "action"; a rendering shares most)?"""
    if not x or not y:
        return True
    content_x, content_y = set(x) - _FUNCTION_WORDS, set(y) - _FUNCTION_WORDS
    shared = len(content_x & content_y)
    few = shared == 0 or shared < REWORDED_SHARED_WORDS * min(len(content_x), len(content_y))
    return few and abs(len(x) - len(y)) >= ABRIDGED_WORDS


def _one_word_left_out(shorter: Sequence[str], longer: Sequence[str]) -> bool:
    """Is ``shorter`` ``longer`` with one word left out? (A word replaced may flip the sense:
    "not" / "now".)"""
    if len(longer) != len(shorter) + 1:
        return False
    head = next((n for n, (x, y) in enumerate(zip(shorter, longer[:-1], strict=True))
                 if x != y), len(shorter))
    return shorter[head:] == longer[head + 1:]


def differently_worded(
    quotes: Sequence[Quote], words: np.ndarray, context: np.ndarray
) -> list[tuple[Quote, Quote]]:
    """Pairs of quotes (one remark, two wordings). ``words`` and ``context`` hold embeddings of
    each quote's words and of its sentence, row-aligned with ``quotes``."""
    # Where each quote appears word for word: a remark that another article quotes verbatim is
    # not reworded there, and that article's other quotes are other remarks (reprinted copy
    # quotes a passage's remarks side by side, in the same setting). Whoever that article has
    # say the words: it quotes them, so its other quotations render something else (a headline's
    # "genius grant" given to the president is, in another report, the award's own name).
    verbatim = [{b.doc for b in quotes if same_wording(a, b)} for a in quotes]
    pairs = []
    for i, a in enumerate(quotes):
        for j in range(i + 1, len(quotes)):
            b = quotes[j]
            if a.doc == b.doc or a.speaker is None or a.speaker != b.speaker:
                continue
            if b.doc in verbatim[i] or a.doc in verbatim[j]:
                continue
            meaning, setting = float(words[i] @ words[j]), float(context[i] @ context[j])
            phrase = "phrase" in (a.kind, b.kind)  # a few words, not a statement of its own
            one_remark = (phrase and meaning >= SAME_REMARK) or (
                meaning >= REWORDED_REMARK and _shares_wording(a, b)) or (
                phrase and meaning >= RELATED_REMARK and setting >= SAME_CONTEXT)
            if one_remark and _renderings_alike(a, b) and not same_wording(a, b) \
                    and not cut_apart(a, b):
                pairs.append((a, b))
    return pairs


def without_torn_quotes(
    pairs: Sequence[tuple[Quote, Quote]], texts: dict[str, str]
) -> list[tuple[Quote, Quote]]:
    """``pairs`` (``differently_worded``) less those of a quote paired with two remarks one
    article quotes apart (``_two_remarks_apart``): "... is coming across the southern border"
    set against both "If you really want to protect Americans ..., you secure the southern
    border" and "The only way ... is by coming in through the southern border", quoted two
    paragraphs apart. One remark has one rendering in an article; a quote close to two is the
    speaker on the topic they share, and renders neither for sure. ``texts``: the articles'
    texts by id."""
    partners: dict[tuple[str, int], list[Quote]] = {}
    for a, b in pairs:
        partners.setdefault((a.doc, a.start), []).append(b)
        partners.setdefault((b.doc, b.start), []).append(a)
    torn = {key for key, found in partners.items() if _two_remarks_apart(found, texts)}
    return [(a, b) for a, b in pairs
            if (a.doc, a.start) not in torn and (b.doc, b.start) not in torn]


# "he told KSL-TV", "Roche told ABC News today", "told the BBC", "said in an interview with The
# Times": the outlet a speaker gave the remark to (capitalised words; "told reporters": none).
_TOLD = re.compile(
    r"\b(?:told|in an interview with)\s+(?:the\s+)?(?P<outlet>(?:[A-Z][\w&'’-]*(?: (?=[A-Z]))?)+)")
# Words of an outlet's name that tell no outlet from another ("ABC News" / "ABC"), and titles
# before a person's name ("told Mr. Pinder": no outlet).
_OUTLET_FILLER = {"the", "news", "newspaper", "tv", "mr", "mrs", "ms", "dr"}


def without_other_interviews(
    pairs: Sequence[tuple[Quote, Quote]], quotes: Sequence[Quote], texts: dict[str, str]
) -> list[tuple[Quote, Quote]]:
    """``pairs`` less those of two quotes told to different outlets (``interviews_apart``)."""
    told = outlets_told(quotes, texts)
    return [(a, b) for a, b in pairs if not interviews_apart((a,), (b,), told)]


def outlets_told(quotes: Sequence[Quote], texts: dict[str, str]
                 ) -> list[tuple[Quote, frozenset[str]]]:
    """Each of ``quotes`` told to a named outlet, with that outlet's words (``told_to``);
    ``texts``: the articles' texts by id. Read once for all the pairs ``interviews_apart``
    asks of."""
    return [(quote, found) for quote in quotes if (found := told_to(quote, texts[quote.doc]))]


def interviews_apart(a: Sequence[Quote], b: Sequence[Quote],
                     told: Sequence[tuple[Quote, frozenset[str]]]) -> bool:
    """Did the speaker give the quotes ``a`` and ``b`` to different outlets (``told_to``)?
    "I just opened up my throat, didn't even swallow," he told KSL-TV; "So I pretty much just
    opened it up and poured it down my throat," Roche told ABC News. Two interviews are two
    occasions, and a speaker tells one story to each in other words: two remarks, not one
    quoted differently. A quote's outlet is that of any copy of its words (``_copied``): a copy
    of the KSL-TV words that names no outlet was told to KSL-TV too. ``told``: the quotes told
    to outlets (``outlets_told``)."""

    def outlets(of: Sequence[Quote]) -> set[frozenset[str]]:
        return {found for quote in of for other, found in told if _copied(quote, other)}

    return _outlets_apart(outlets(a), outlets(b))


def _copied(a: Quote, b: Quote) -> bool:
    """Is one quote's run of words the other's, or within it, word for word? A copy, not
    ``same_wording``'s abridgement: "I pretty much poured it down" (to one outlet) is no copy of
    "I pretty much just opened it up and poured it down my throat" (to another)."""
    shorter, longer = sorted((_quoted_words(a.text), _quoted_words(b.text)), key=len)
    return f" {' '.join(shorter)} " in f" {' '.join(longer)} "


def told_to(quote: Quote, body: str) -> frozenset[str]:
    """The words of the outlet the quote's speaker told it to (``_TOLD``): named in the quote's
    paragraph (the nearest), or else in the last sentence before that paragraph naming one, if
    that sentence names the speaker ("Ryan Roche told ABC News today", then "... ," he said a
    paragraph on) or, the speaker unknown, stands in the paragraph right before. Empty where
    none is named so."""
    start = body.rfind("\n", 0, quote.start) + 1
    end = body.find("\n", quote.end) % (len(body) + 1)  # -1, no break after: the text's end
    near = [m for m in _TOLD.finditer(body, start, end)
            if not quote.start <= m.start() < quote.end]
    if near:
        return _outlet_words(min(near, key=lambda m: _distance(m, quote))["outlet"])
    earlier = list(_TOLD.finditer(body, 0, start))
    if not earlier:
        return frozenset()
    if quote.speaker:
        named = _names_speaker(body, earlier[-1], quote.speaker)
    else:  # "he said" a paragraph after "Roche told ABC News", his name not resolved
        named = earlier[-1].start() > body.rfind("\n", 0, len(body[:start].rstrip()))
    return _outlet_words(earlier[-1]["outlet"]) if named else frozenset()


def _distance(match: re.Match[str], quote: Quote) -> int:
    return min(abs(match.start() - quote.end), abs(match.start() - quote.start))


def _names_speaker(body: str, told: re.Match[str], speaker: str) -> bool:
    """Does the sentence up to ``told`` name a word of ``speaker`` ("Ryan Roche of Lehi, Utah,
    told ABC News")?"""
    opens = max(body.rfind(".", 0, told.start()), body.rfind("\n", 0, told.start())) + 1
    return bool(speaker_words(speaker) & set(letter_words(body[opens : told.start()])))


def _outlet_words(name: str) -> frozenset[str]:
    return frozenset(letter_words(name)) - _OUTLET_FILLER


def _outlets_apart(a: set[frozenset[str]], b: set[frozenset[str]]) -> bool:
    """Were the two quotes told to outlets, and none of one's outlets shares a word with the
    other's ("KSL-TV" / "ABC News" apart; "BBC News" / "the BBC" one)?"""
    return bool(a and b) and not any(x & y for x in a for y in b)


def _two_remarks_apart(quotes: Sequence[Quote], texts: dict[str, str]) -> bool:
    """Are two of ``quotes`` one article's, in different paragraphs, and neither the other's
    words? (Pieces of one quotation broken by "he said" stand in one paragraph.)"""
    ordered = sorted(quotes, key=lambda q: (q.doc, q.start))
    return any(x.doc == y.doc and "\n" in texts[x.doc][x.end : y.start]
               and not same_wording(x, y)
               for n, x in enumerate(ordered) for y in ordered[n + 1 :])


def sentence_apart(quote: Quote, other: Quote,
                   sentences: Sequence[Sentence]) -> Sentence | None:
    """The sentence of ``quote``'s article whose part of the quotation ``other`` does not give
    word for word, and of those the one holding most of ``other``'s words (the first of
    equals): where two renderings of one remark part, the proof to show. Both may open alike
    ("I never thought it was shameful. I felt normal." in each) and differ after ("It was
    better than pounding a typewriter" / "It's just that it was much better than ..."); a
    quotation may go on to another remark, whose sentence renders nothing of the other ("If
    there's anything you can do ..., I would truly appreciate it. I am not guilty of murdering
    her." against "I want to say that I am not guilty of killing her": the second sentence).
    None where every sentence of ``quote`` is in ``other``."""
    words_theirs = _quoted_words(other.text)
    theirs, vocabulary = f" {' '.join(words_theirs)} ", set(words_theirs)
    best, most = None, -1.0
    for sentence in sentences:
        if sentence.doc != quote.doc or sentence.end <= quote.start or sentence.start >= quote.end:
            continue
        part = quote.text[max(sentence.start - quote.start, 0) : sentence.end - quote.start]
        if (words := remark_words(part)) and f" {' '.join(words)} " not in theirs:
            held = len(set(words) & vocabulary) / len(set(words))
            if held > most:
                best, most = sentence, held
    return best


def _renderings_alike(a: Quote, b: Quote) -> bool:
    """Could two quotes of one speaker render one remark, like with like? A fragment set in
    the reporter's sentence ("said the changes target the ``absolute heart of the act''") is a
    piece of some remark: against a whole quoted sentence whose words it is not, it may be a
    piece of another of the speaker's sentences, and renders nothing differently (two
    fragments, "candid and meaningful" / "frank and substantive exchange of opinions", may be
    one characterisation). And a fragment of one word ("narrow", "a clarification") is a word
    the speaker used, not a remark: two reports may quote two of his words."""
    if _opens_sentence(a.text) != _opens_sentence(b.text) or not one_person(
            _quoted_words(a.text), _quoted_words(b.text)):
        return False
    return all(len(set(_quoted_words(q.text)) - _SMALL_WORDS) >= MIN_RENDERED_WORDS
               for q in (a, b))


# The speaker telling of themself ("I'm" is read "i am"): words of ``remark_words``.
_FIRST_SINGULAR = frozenset({"i", "me", "my", "mine", "myself"})


def one_person(a: Sequence[str], b: Sequence[str]) -> bool:
    """Do both quoted passages (their ``remark_words``) speak in the first person singular, or
    neither? A rendering keeps whom a remark is about: "I didn't want to believe it" (the
    speaker of their own past) and "People didn't want to believe it" (of others) are two
    remarks, however close in words."""
    return bool(_FIRST_SINGULAR.intersection(a)) == bool(_FIRST_SINGULAR.intersection(b))


def _opens_sentence(text: str) -> bool:
    """Does a quotation start as a sentence does, with a capital ("For 35 years, ...", "I
    believe ...")? A fragment starts in lower case ("absolute heart of the act")."""
    first = next((ch for ch in text if ch.isalpha()), "")
    return first.isupper()


def _shares_wording(a: Quote, b: Quote) -> bool:
    """Does the shorter quote share ``REWORDED_SHARED_WORDS`` of its words with the longer,
    and, where it has ``MIN_RENDERED_WORDS`` content words or more, that many of them? Two
    remarks of one speaker on one topic share function words and a noun ("What he should not
    have done is throw the student" / "... that's what's caused me to be upset ... is that he
    picked the student up and threw the student across the room": what, he, is, the, student),
    a remark and its other wording some of its content ("We have been patient for two years,
    and patience has not paid the rent" / "We waited two years, and waiting did not pay
    anybody's rent": years, not, rent)."""
    shorter, longer = sorted((set(_quoted_words(a.text)), set(_quoted_words(b.text))), key=len)
    content = shorter - _FUNCTION_WORDS
    if len(content) >= MIN_RENDERED_WORDS and len(content & longer) < MIN_RENDERED_WORDS:
        return False
    return len(shorter & longer) >= REWORDED_SHARED_WORDS * len(shorter)


def _one_remark(a: Quote, b: Quote, meaning: float) -> bool:
    return meaning >= RELATED_REMARK or same_wording(a, b)  # the cheap test first


def _reworded(a: Quote, b: Quote, meaning: float) -> bool:
    """One remark in other words, by one speaker or where one side names none: the sources
    differ on what was said, so the two sentences do not corroborate each other (the quote
    claim reports the difference when both name the speaker)."""
    one_speaker = a.speaker is None or b.speaker is None or a.speaker == b.speaker
    return one_speaker and meaning >= SAME_REMARK and not same_wording(a, b)


def marked_passages(text: str) -> list[list[str]] | None:
    """The words a statement quotes by its marks alone, as the runs it quotes: between each
    pair of marks, or on the quote's side of a lone mark (a quotation running on from the
    sentence before, or into the next: `` He may have gotten inside there," Corina said.``), cut
    at each ellipsis (words left out). None when it quotes fewer than ``MIN_PASSAGE_WORDS``."""
    runs = [words for part in marked_parts(text) for piece in _ELLIPSIS.split(part)
            if (words := remark_words(piece))]
    return runs if sum(map(len, runs)) >= MIN_PASSAGE_WORDS else None


def holds_quote_marks(text: str) -> bool:
    """Does ``text`` hold a quote mark of any style but the single ones (a remark's words)?"""
    return bool(_MARKS.search(text))


def marked_parts(text: str) -> list[str]:
    """The parts of a statement its quote marks enclose (see ``marked_passages``)."""
    marks = list(_MARKS.finditer(text))
    if not marks:
        return []
    if len(marks) == 1:
        mark = marks[0]
        return [text[mark.end():] if _opening(text, mark) else text[: mark.start()]]
    pairs = zip(marks[::2], marks[1::2], strict=False)  # an odd last mark opens no pair
    return [text[a.end() : b.start()] for a, b in pairs]


def _opening(text: str, mark: re.Match[str]) -> bool:
    """Does the one quote mark of a statement open its quotation (else it closes one)?"""
    return mark.group() in _OPENING or (mark.group() == '"' and (
        not text[: mark.start()].strip() or _opens_a_word(text, mark)))


def opening_lost(span: Span, body: str) -> bool:
    """Does the statement's one quote mark close a quotation that nothing before it in its
    paragraph opens? A quotation running on from the sentence before opens in the statement's
    paragraph (`` "We don't know. He may have gotten inside there," Ortiz said.``; a quotation of
    several paragraphs opens each with a mark). With none open there, the opening mark was lost
    in the copy ("gushing over Bale as the best actor in a certain age range” and his choice"),
    and where the quoted words begin is unknown: no passage to set against another's."""
    marks = list(_MARKS.finditer(span.text))
    if len(marks) != 1 or _opening(span.text, marks[0]):
        return False
    return not _left_open(body[body.rfind("\n", 0, span.start) + 1 : span.start])


def _left_open(text: str) -> bool:
    """Does ``text`` end inside a quotation: its last mark an opening one, or a straight mark
    that opens (an odd number of them)?"""
    marks = [m.group() for m in _MARKS.finditer(text)]
    if not marks:
        return False
    return marks[-1] in _OPENING or (marks[-1] == '"' and marks.count('"') % 2 == 1)


def _opens_a_word(text: str, mark: re.Match[str]) -> bool:
    """Does a straight mark stand after a space and right before a word ("has not departed
    "The Hunger Games.", the sentence cut before its closing mark)? Then it opens a quotation or
    a title: a closing mark follows the quoted words, never the next word."""
    return text[mark.start() - 1 : mark.start()].isspace() and text[mark.end() :
                                                                    mark.end() + 1].isalnum()


def gives_elsewhere(quoted: Sequence[str], text: str, start: int, end: int) -> bool:
    """Does an article's ``text``, outside ``[start, end)`` (the passage set against
    ``quoted``), give a quoted sentence of ``VERBATIM_WORDS`` words or more of the passages
    ``quoted`` word for word, or every such sentence nearly so and closer than the passage does
    (``NEAR_VERBATIM``; one sentence of a longer answer given closer elsewhere may be the
    answer's next paragraph: "I believe Brian Nichols did not win. In his own words ...")?
    Then the article does not render that remark in other words, and its passage that differs
    from it is another remark: reprinted copy gives a statement more fully ("The fire has
    progressed rapidly through the store which is almost totally destroyed." among the
    spokeswoman's other sentences), a profile quotes two people in turn ("He will be missed by
    all of his classmates" / "He'll be truly missed by his classmates"), a report quotes the
    remark itself apart from another of the speaker's ("it's just heartbreaking" given beside
    "They're definitely upset")."""
    runs = [run for passage in quoted for piece in _SENTENCE_END.split(passage)
            if len(run := remark_words(piece)) >= VERBATIM_WORDS]
    before, after = (" ".join(remark_words(part)) for part in (text[:start], text[end:]))
    words = f" {before} | {after} "  # no run spans the cut
    if any(f" {' '.join(run)} " in words for run in runs):
        return True
    return bool(runs) and all(_closer_elsewhere(run, text, start, end) for run in runs)


def _closer_elsewhere(run: Sequence[str], text: str, start: int, end: int) -> bool:
    elsewhere = _closest(run, (text[:start], text[end:]))
    return elsewhere >= NEAR_VERBATIM and elsewhere > _closest(run, (text[start:end],))


def _closest(run: Sequence[str], parts: Sequence[str]) -> float:
    """How alike in words ``run`` and the sentence of ``parts`` most like it are (difflib's
    ratio of the two word sequences; 0 where no sentence shares half of its words)."""
    best = 0.0
    for part in parts:
        for piece in _TEXT_SENTENCE_END.split(part):
            words = remark_words(piece)
            if (Counter(words) & Counter(run)).total() * 2 >= len(run):  # the cheap test first
                best = max(best, SequenceMatcher(None, run, words, autojunk=False).ratio())
    return best


def quoted_differently(a: Sequence[list[str]], b: Sequence[list[str]]) -> bool:
    """Are two quoted passages (each its runs) one remark in other words (not the same words,
    runs of them, or a copy slip), sharing most of their words and most of their content words?
    Read from marks alone, a passage that differs by one word is
    left alone: the word may be a slip ("first aid for and tried" / "first aid for her, and
    tried"); and so is a passage whose every run is one the other quotes in full, holds one of
    the other's in full (the other left words out: "ran up the steps ... and got on the roof"),
    or is not quoted by the other at all."""
    words_a, words_b = [w for run in a for w in run], [w for run in b for w in run]
    if not all(_mostly_shared(*sorted(pair, key=len)) for pair in (
            (set(words_a), set(words_b)),
            (set(words_a) - _FUNCTION_WORDS, set(words_b) - _FUNCTION_WORDS))):
        return False  # two remarks (the cheap test first: most pairs end here)
    if not any(_run_reworded(run, b) for run in a) and not any(_run_reworded(run, a) for run in b):
        return False
    apart = (Counter(words_a) - Counter(words_b)) + (Counter(words_b) - Counter(words_a))
    return not _same_words(words_a, words_b) and apart.total() >= 2


def _mostly_shared(shorter: set[str], longer: set[str]) -> bool:
    """Does the longer set hold most of the shorter's words (``SHARED_REMARK_WORDS``), and the
    shorter any? Asked of all the words and of the content words: "the purposes of the" shares
    "the" and "of", not one word of what it quotes, with "... the foundation of the Act"."""
    return bool(shorter) and len(shorter & longer) >= SHARED_REMARK_WORDS * len(shorter)


def _run_reworded(run: list[str], other: Sequence[list[str]]) -> bool:
    """Does the other passage quote this run in other words: mostly its words, yet neither
    the run within one of the other's runs nor one of them (of a few words) within the run?"""
    text = f" {' '.join(run)} "
    runs = [f" {' '.join(words)} " for words in other]
    if any(text in other_text for other_text in runs):
        return False
    if any(other_text in text for other_text, words in zip(runs, other, strict=True)
           if len(words) >= MIN_PASSAGE_WORDS):
        return False
    shared = set(run) & {w for words in other for w in words}
    return len(shared) >= SHARED_REMARK_WORDS * len(set(run))


def different_remarks(
    statements: Sequence[Span],
    quotes: Sequence[Quote],
    words: np.ndarray,
    inside: Sequence[list[int]],
    reworded: Sequence[tuple[int, int]],
) -> np.ndarray:
    """True where two statements both quote someone and no quote of one is a remark of the
    other: "called the walkout “a last resort”" and "“We waited two years...”" are two facts,
    however much their attributions ("union leader Maria Okafor said") have in common. True too
    where they quote one remark of one speaker in different words, or, where the analysis found
    no quote in one of them, where the words their marks enclose are one remark in other words
    (``quoted_differently``). ``inside``: the quotes inside each statement (``quotes_inside``);
    ``reworded``: ``marked_rewordings``."""
    meaning = words @ words.T if len(quotes) else np.zeros((0, 0))
    blocked = np.zeros((len(statements), len(statements)), dtype=bool)
    quoting = [i for i, found in enumerate(inside) if found]
    for i in quoting:
        for j in quoting:
            if statements[i].doc != statements[j].doc:
                pairs = [(quotes[a], quotes[b], float(meaning[a, b]))
                         for a in inside[i] for b in inside[j]]
                blocked[i, j] = (not any(_one_remark(*pair) for pair in pairs)
                                 or any(_reworded(*pair) for pair in pairs))
    for i, j in reworded:
        blocked[i, j] = blocked[j, i] = True
    return blocked


def quotes_within(span: Span, quotes: Sequence[Quote]) -> list[Quote]:
    """The quotes of ``span``'s article that overlap it (the end of a quote of several sentences
    starts before it: "... We acted in self-defence,'' said the Navy chief.")."""
    return [q for q in quotes if q.doc == span.doc and q.start < span.end and span.start < q.end]


def quotes_inside(statements: Sequence[Span], quotes: Sequence[Quote]) -> list[list[int]]:
    """For each statement, the indices of the quotes that start inside it, leaving out names
    in quote marks (titles, nicknames: no one's remark)."""
    return [[q for q, quote in enumerate(quotes)
             if quote.doc == s.doc and s.start <= quote.start < s.end and quote.kind != "name"]
            for s in statements]


def marked_rewordings(
    statements: Sequence[Span], inside: Sequence[list[int]], quotes: Sequence[Quote],
    bodies: dict[str, str],
) -> list[tuple[int, int]]:
    """Pairs of statements of different articles, one of them holding no quote the analysis
    found (``inside``: ``quotes_inside``), whose marked words are one remark in other words
    (``quoted_differently``); the names in marks among ``quotes`` are no one's words
    (``names_blanked``), and a statement whose quotation lost its opening mark quotes nothing
    known (``opening_lost``; ``bodies``: the articles' texts by id)."""
    has_quote = [bool(found) for found in inside]
    passages = [None if opening_lost(s, bodies[s.doc])
                else marked_passages(names_blanked(s, quotes)) for s in statements]
    marked = [i for i, words in enumerate(passages) if words]
    return [(i, j) for n, i in enumerate(marked) for j in marked[n + 1 :]
            if statements[i].doc != statements[j].doc and not (has_quote[i] and has_quote[j])
            and quoted_differently(passages[i], passages[j])]  # type: ignore[arg-type]


def names_blanked(span: Span, quotes: Sequence[Quote]) -> str:
    """The statement's text with each name in quote marks the analysis found in it (a quote of
    kind ``name``: a title, a nickname) blanked, marks and all: a story's title set in a
    sentence ("news stories claiming Earth is headed for "Six Days of Total Darkness"") is no
    one's remark, so never one rendering of the remark another article quotes."""
    text = span.text
    for q in quotes:
        if q.kind == "name" and q.doc == span.doc and span.start <= q.start < q.end <= span.end:
            start, end = q.start - span.start, q.end - span.start
            start -= len(m.group()) if (m := _MARK_BEFORE.search(text, 0, start)) else 0
            end += len(m.group()) if (m := _MARKS.match(text, end)) else 0
            text = text[:start] + " " * (end - start) + text[end:]
    return text


# Before a quotation, a negated verb of naming or saying whose object the quotation is ("Apple
# doesn't describe the watch as being “solid gold”", "he never called it “a war”", "did not
# use the word “genocide”"): words the speaker is said not to use, within the clause.
_DISOWNED = re.compile(
    r"(?:\bnot|\bnever|n['’]t)\s+(?:\w+\s+)?(?:describ|call|say|said|use|refer|label|term|"
    r"nam)\w*\b[^.!?;,“”\"]{0,60}[“\"]?$",
    re.IGNORECASE,
)


def disowned(quote: Quote, body: str) -> bool:
    """Are the quoted words ones the article says the speaker does not use (``_DISOWNED``)?
    They are no rendering of the speaker's remark, so never one remark worded otherwise."""
    return _DISOWNED.search(body[max(0, quote.start - 120) : quote.start]) is not None
