"""Where a headline glued to its lede ends.

Some feeds print the title and the article's first paragraph as one run of text, with a space
and no full stop between them ("Fire kills 3 in Ohio home The blaze broke out early Sunday
..."; SemEval-2022 task 8's texts all do). The parser then reads one sentence holding the
headline's words and names and the lede's, and compare pairs it wrongly or not at all. The end is
read only in the text's first line, within a headline's length of its start, and only where the
text shows it (a wrong cut breaks a good sentence, so any doubt leaves the line whole):

- the headline printed again right after itself, no sentence ended inside it ("Man caught on
  video Man caught on video Police ..."): the lede begins after the copy;
- a wire dateline ("... witnesses WASHINGTON (AP) — Republican ..."), a place in capitals and
  a dash ("... puppies VANCOUVER -- The new year ...") or an agency's credit and a dash ("... shot
  him (Reuters) - A man ..."), which open a lede;
- after a word in lower case that ends no phrase by itself (not "of", "to", "said"...), a word
  that opens a sentence and never goes on one, capitalised ("... salary scam The Zamfara State
  government ...", "... back home THE four Haitians ...");
- a remark quoted after the headline's colon, closed, and a capitalised word ("Mayor after the
  vote: ‘We lost fair and square’ City Council member Ann Ruiz said ..."): a headline's "who:
  'what'" ends on its closing mark, where a body sentence would have a full stop or go on in
  lower case. The remark must hold a word in lower case that is no phrase's joint ("‘Gone with
  the Wind’ Returns" is a title in a title-case headline, which goes on).

A lede that opens on the headline's subject again ("Buttigieg finishes year with $24.7 million
haul in final quarter Buttigieg is the first ...") is left whole: the same shape is a title and
a name inside a lede ("... master of travel writing Paul Theroux, who ..."), which the words
alone do not tell apart.
"""

from __future__ import annotations

import itertools
import re

from newsprism.ingest.text import WIRE_DATELINE

HEADLINE_WORDS = (3, 30)  # a headline's fewest and most words before the lede begins
COPY_WORDS = 4  # the fewest words of a headline printed twice
_WORD = re.compile(r"\S+")
_SENTENCE_END = re.compile(r"[.!?][’'”\")]*$")
# Words that open a sentence and, capitalised after a word in lower case, never go on one.
OPENERS = frozenset({"The", "It", "He", "She", "They", "We", "This", "These", "Those",
                     "There", "Its", "His", "Her", "Their", "When", "After", "While", "In",
                     "Whether", "Although", "Despite", "During"})
# A word after which a capital goes on the phrase ("according to The Times", "said The
# Guardian", "beat The Lakers", "Live In"): no headline ends on it.
_GOES_ON = frozenset({
    "a", "an", "the", "of", "for", "in", "to", "and", "or", "but", "nor", "that", "with", "by",
    "from", "on", "at", "as", "into", "onto", "over", "about", "than", "like", "via", "vs", "v",
    "versus", "against", "said", "says", "say", "told", "tells", "read", "reads", "wrote",
    "writes", "according", "is", "was", "are", "were", "be", "been", "being", "called", "named",
    "titled", "dubbed", "visit", "visited", "visits", "see", "saw", "watch", "join", "joins",
    "joined", "beat", "beats", "when", "where", "while", "if", "because", "after", "before",
    "saying", "calls", "asks", "urges", "meets", "met", "thanks", "praises", "slams",
    "reported", "reports", "reporting", "quoted", "quotes", "quoting", "cited", "cites", "citing",
    "published", "reading", "starring", "hosted", "hosts", "tweeted", "posted", "interviewed",
    "between", "near", "outside", "inside", "toward", "towards", "under", "amid", "among"})
# A place in capitals and a dash, opening a lede: "VANCOUVER --", "EL SEGUNDO —", "ANCHORAGE,
# Alaska - " (a hyphen only after a region: "NFL - " may be a headline's).
_PLACE_DASH = re.compile(r"[A-Z]{3,}(?:[ .'-]+[A-Z]{2,})*(?:(?:,\s[A-Z][\w.]+(?:\s[A-Z][\w.]+)?)?"
                         r"\s(?:--|—|–)|,\s[A-Z][\w.]+(?:\s[A-Z][\w.]+)?\s-)\s")
# An agency's credit and a dash with no place before it: "... who shot him (Reuters) - A man".
_CREDIT_DASH = re.compile(r"\((?:Reuters|AP|AFP|UPI|IANS|ANI|PTI|dpa|Xinhua|CNN|Bloomberg)\)"
                          r"\s*(?:--|[-—–])\s")
# A remark's opening mark, and its closing mark with no word going on after it.
_OPENS_QUOTE = re.compile(r"[‘'“\"]\w")
_CLOSES_QUOTE = re.compile(r"\w[.!?]?[’'”\"]$")
_LOWER_WORD = re.compile(r"[a-z][a-z'’-]*")
# A word in lower case that may end a headline: "scam", "30", "‘scam’", "1.32%"; not "said,"
_IN_LOWER_CASE = re.compile(r"[‘'“\"(]*[a-z0-9](?:[^A-Z]*[a-z0-9%’'”\")])?$")


def headline_end(text: str) -> int | None:
    """The offset where the lede begins after a headline glued to it in ``text``'s first line,
    None where the line shows no such end."""
    fewest, most = HEADLINE_WORDS
    line_end = text.find("\n")
    # the words a headline, its copy and the lede's first word can take; no further
    words = list(itertools.islice(_WORD.finditer(text, 0, len(text) if line_end < 0 else line_end),
                                  2 * most + 2))
    line = text[: words[-1].end()] if words else ""
    cuts = [cut for cut in (_dateline(line, words), _sentence_opening(words),
                            _after_quoted_remark(words))
            if cut is not None and fewest <= cut < min(most, len(words) - 1)]
    copy = _headline_copy(words)
    if copy is not None and copy[1] < len(words) - 1:  # the lede begins after the copy
        cuts = [cut for cut in cuts if cut < copy[0]] + [copy[1]]
    return words[min(cuts)].start() if cuts else None



def _headline_copy(words: list[re.Match[str]]) -> tuple[int, int] | None:
    """The words (first, after the last) of the headline printed again right after itself, no
    sentence ended inside it. A copy after a standfirst is not read: a lede that opens on the
    headline's first words ("Former NBA Commissioner David Stern dead at 77 Former NBA
    Commissioner David Stern died ...") has the same shape."""
    said = [w.group() for w in words]
    for size in range(COPY_WORDS, min(len(said) // 2, HEADLINE_WORDS[1]) + 1):
        if said[:size] == said[size : 2 * size]:
            if any(_SENTENCE_END.search(w) for w in said[: 2 * size - 1]):
                return None
            return size, 2 * size
    return None


def _dateline(line: str, words: list[re.Match[str]]) -> int | None:
    """The first word where a wire dateline or a place in capitals and a dash begins, after a
    word not in capitals (a dateline's own words are), or where an agency's credit and a dash
    begin after a word in lower-case letters (after a place or a day, "PANGKALAN BUN, Indonesia
    (AP) —", "BEIJING, Nov. 3 (Xinhua) --", the credit is the dateline's own)."""
    starts = {w.start(): n for n, w in enumerate(words)}
    found = [n for pattern in (WIRE_DATELINE, _PLACE_DASH) for m in pattern.finditer(line)
             if (n := starts.get(m.start(), 0)) > 0 and not words[n - 1].group().isupper()]
    found += [n for m in _CREDIT_DASH.finditer(line) if (n := starts.get(m.start(), 0)) > 0
              and _LOWER_WORD.fullmatch(words[n - 1].group())]
    return min(found, default=None)


def _sentence_opening(words: list[re.Match[str]]) -> int | None:
    """The first word, after a word in lower case that may end a headline, that opens a
    sentence (``OPENERS``, capitalised or in capitals)."""
    said = [w.group() for w in words]
    for n in range(1, len(said)):
        before, word = said[n - 1], said[n]
        if not _IN_LOWER_CASE.match(before) or _bare(before).lower() in _GOES_ON:
            continue
        if word in OPENERS or (word.isupper() and len(word) > 1 and word.title() in OPENERS):
            return n
    return None


def _after_quoted_remark(words: list[re.Match[str]]) -> int | None:
    """The capitalised word right after a remark quoted after a colon ("...: ‘Gee, that’s too
    bad’ Utah Senator ..."), when the remark holds a word in lower case that joins no phrase."""
    said = [w.group() for w in words]
    for n in range(1, len(said)):
        if not said[n - 1].endswith(":") or not _OPENS_QUOTE.match(said[n]):
            continue
        close = next((m for m in range(n, len(said)) if _CLOSES_QUOTE.search(said[m])
                      and (m > n or len(said[m]) > 2)), None)
        if close is None or close + 1 >= len(said) or not said[close + 1][:1].isupper():
            return None
        remark = [_bare(word) for word in said[n : close + 1]]
        if any(word.islower() and word not in _GOES_ON for word in remark):
            return close + 1
        return None
    return None


def _bare(word: str) -> str:
    """A word without the marks and possessive around it."""
    return re.sub(r"(?:['’]s)?[^\w]*$", "", re.sub(r"^[^\w]+", "", word))
