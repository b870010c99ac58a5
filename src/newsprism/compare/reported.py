"""What an article reports but does not assert: text it sets out from another publication,
and a report it calls false. Either corroborates only its like, never a report asserting the
fact itself (the rubric: "a statement and its hedged report are one fact only at the same
strength"; "an assertion vs. a denial of it" is no corroboration).

A debunk sets the hoax it debunks before its readers ("Here's what the bogus article reads:
...", "The bogus report says: “...”"), a blog runs another outlet's piece under "Breitbart
Texas reports:", an official's release quotes the website it calls false ("A release on one
website stated that “...”"): what such a passage says is someone else's claim. And "A report
that says the town was quarantined is fake" names the claim only to deny it (FNC-1 43 and 65:
a hoax corroborated by the debunks that quote it and deny it). An article that calls a story a
hoax quotes the hoax's made-up officials and retells its claims: its quotations and retellings
corroborate no article that debunks nothing (FNC-1 220, 553: audit13)."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from newsprism.compare.quotes import holds_quote_marks
from newsprism.model import Quote, Span

# One vocabulary of the nouns for texts and what they tell, read three ways below: a published
# text whose words an article may set out as they stand (``_TEXTS``), a report or claim called
# false (``_REPORT_WORDS``), a text named as a statement's source (``_SOURCE_TEXTS``).
_WRITINGS = ("report", "article", "story", "post", "website")
_TALES = ("claim", "rumou?r", "hoax")  # what a text tells: named, not set out
_PUBLISHED = (*_WRITINGS, "posting", "blog", "piece", "tweet", "headline")


def _nouns(nouns: tuple[str, ...], ending: str = r"s?\b") -> re.Pattern[str]:
    """A search for any of ``nouns``, a whole word with its plural unless ``ending`` says."""
    return re.compile(rf"\b(?:{'|'.join(nouns)}){ending}", re.IGNORECASE)


_TEXTS = _nouns(_PUBLISHED)
# A verb that sets out a text's words, then an opening quote mark on the same line ("the report
# says: “", "stated that “"), or a colon that ends the paragraph, the text set out below it
# ("The article reads:\n\n"). A closing mark before the verb is a quote's attribution ("“...,”
# Rice reports."), a mark after a paragraph break the next paragraph's own quotation.
_SAYING = r"reads?|says|said|states|stated|reports|reported|writes|wrote|claims|claimed"
_LEAD_IN = re.compile(
    rf"\b(?P<verb>{_SAYING})"
    r"(?:\s+(?:that|the\s+following))?"
    r"(?:(?P<colon>:)?[ \t]*(?P<mark>``|[“\"‘«„])|(?P<block>:)[ \t]*\n)",
    re.IGNORECASE,
)
# Verbs that set out a text whatever their subject ("The article reads:", "It read: “...”");
# not bare ("Also read: ..." links to another story).
_READS = frozenset({"read", "reads"})
_NO_SUBJECT = frozenset({"", "also", "please", "then", "now", "and"})
# Verbs that, before a colon, set out an outlet's text ("Breitbart Texas reports:"); before a
# quote mark they attribute a remark to a person. A person who "wrote:" is quoted.
_PUBLISHES = frozenset({"reports", "reported"})
# After the text's noun, a word showing someone else says it: a person ("In a Facebook post
# last month, he wrote:") or another verb's object ("She shared the article and said:").
_OTHER_SPEAKER = re.compile(r"\b(?:he|she|they|i|we|who|and)\b", re.IGNORECASE)
# "Here's the claim:" or "Here is the full story:" ending its paragraph: the writer presents a
# text, set out below it (not "Here's Plait:", a person quoted).
_PRESENTS = re.compile(
    r"\bhere(?:['’]s|\s+is)\s+(?:the|a|an|this|that)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:claim|report|article|story|post|hoax|text)[ \t]*:[ \t]*\n",
    re.IGNORECASE,
)
_CLOSING = {"``": "''", "“": "”", "‘": "’", "\"": "\"", "«": "»", "„": "“"}
_CLAUSE_START = re.compile(r"[.!?\n]")
# A report, claim or rumour called false ("A report that says ... is fake", "An article saying
# ... isn't real", "there is no truth to the claim", "It was falsely reported that ..."): the
# statement denies what it names. Any word the nouns begin counts: "falsely reported" and
# "falsely claimed" name the report.
_REPORT_WORDS = _nouns(_WRITINGS + _TALES, ending="")
_CALLED_FALSE = re.compile(
    r"\b(?:(?:is|are|was|were)\s+(?:\w+\s+)?(?:fake|false|untrue|bogus|baseless|unfounded|"
    r"fabricated|fiction|not\s+(?:true|real)|a\s+hoax)|(?:isn|aren|wasn|weren)['’]t\s+"
    r"(?:\w+\s+)?(?:true|real)|no\s+truth"
    r"|falsely\s+(?:reported|claimed|claiming|stated|said|suggested))\b",
    re.IGNORECASE,
)


def debunks(text: str) -> bool:
    """Does the statement call a report, claim or rumour false (``_CALLED_FALSE``)?"""
    return bool(_REPORT_WORDS.search(text) and _CALLED_FALSE.search(text))


def debunks_apart(texts: Sequence[str]) -> np.ndarray:
    """True for every pair of which one statement calls a report false (``debunks``) and the
    other does not: "A report that says the town was quarantined is fake" denies "The town
    has been quarantined"; two debunks of it agree."""
    flags = np.array([debunks(text) for text in texts], dtype=bool)
    return flags[:, None] != flags[None, :]


def reproduced_apart(statements: Sequence[Span], bodies: dict[str, str]) -> np.ndarray:
    """True for every pair of which one statement is text its article reproduces from another
    publication (``reproduced``) and the other is not."""
    flags = reproduced(statements, bodies)
    return flags[:, None] != flags[None, :]


def reproduced(statements: Sequence[Span], bodies: dict[str, str]) -> np.ndarray:
    """Whether each statement lies, more than half of it, in text its article reproduces:
    after a lead-in (``_LEAD_IN``) that names a text, or whose verb sets one out."""
    by_doc: dict[str, list[Span]] = {}
    for statement in statements:
        by_doc.setdefault(statement.doc, []).append(statement)
    blocks = {doc: list(_blocks(bodies[doc], by_doc[doc])) for doc in by_doc}
    return np.array([any(2 * _overlap(s, block) > s.end - s.start for block in blocks[s.doc])
                     for s in statements], dtype=bool)


def _blocks(body: str, statements: Sequence[Span]) -> list[tuple[int, int]]:
    """The stretches of ``body`` that its lead-ins set out as another text's words, those a
    writer presents as a text (``_PRESENTS``) and those below a paragraph that ends in a colon
    and names a text (``_introduces_a_text``)."""
    blocks = []
    for lead in _LEAD_IN.finditer(body):
        if not _names_a_text(body, lead):
            continue
        if lead["mark"]:
            close = body.find(_CLOSING[lead["mark"]], lead.end())
            blocks.append((lead.start("mark"), len(body) if close < 0 else close))
        else:
            blocks.append((lead.end(), _unmarked_end(body, lead.end(), statements)))
    blocks += [(shown.end(), _unmarked_end(body, shown.end(), statements))
               for shown in _PRESENTS.finditer(body)]
    blocks += [(lead.end(), _unmarked_end(body, lead.end(), statements, _SPOKEN_OF))
               for lead in _PARAGRAPH_LEAD.finditer(body) if _introduces_a_text(lead["lead"])]
    return blocks


# A paragraph that ends in a colon sets out below it, with no verb of saying, the text it
# speaks of: a news page's block quotation ("The rest of the article is his advice to parents
# and schools:", "According to reports in a local paper:", "under the headline:"). A video,
# photo or tweet shown below is an embed the page's text leaves out: what follows is the
# writer's again ("Here's the video, via the Daily Star:", "A reporter at the scene tweets:").
# A verb of saying before the colon is a lead-in's (``_LEAD_IN``), read by its own rule: "In a
# blog post, its spokeswoman said:" quotes her. "According to reports in a local paper:" gives the
# writer's own account its source, as "according to police" does inside a sentence. A person's
# own text ("She ends her post with:", "He closed his letter:") sets out their words: quoted, as
# "In a post, he wrote:" is.
_PARAGRAPH_LEAD = re.compile(r"^(?P<lead>[^\n]*[^\s:])[ \t]*:[ \t]*\n", re.MULTILINE)
_SAID_OR_SOURCED = re.compile(rf"\b(?:{_SAYING})$|\baccording\s+to\b", re.IGNORECASE)
# What a writer says of a block quotation below it, where the writer speaks again ("The release
# quotes the second sentence of that paragraph.", "Look at that last paragraph: ...").
_SPOKEN_OF = _nouns((*_PUBLISHED, "editorial", "release", "paragraph", "passage", "quotes?"))
_TOLD = _nouns(_PUBLISHED + _TALES)
_A_PERSONS = re.compile(r"\b(?:his|her|my)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_EMBEDS = _nouns(("video", "photo", "image", "picture", "clip", "footage", "tweet", "below"))


def _introduces_a_text(paragraph: str) -> bool:
    """Does a paragraph ending in a colon name a text (``_TOLD``), the last it names no
    person's own (``_A_PERSONS``), name no embed (``_EMBEDS``), and end in no verb of saying
    nor attribute with "according to" (``_SAID_OR_SOURCED``)?"""
    texts = list(_TOLD.finditer(paragraph))
    return (bool(texts) and _A_PERSONS.search(paragraph, 0, texts[-1].start()) is None
            and _EMBEDS.search(paragraph) is None and _SAID_OR_SOURCED.search(paragraph) is None)


def _names_a_text(body: str, lead: re.Match[str]) -> bool:
    """Does the lead-in set out a text: a verb of reading with a subject, a verb of publishing
    before a colon, or a noun naming a text in the clause before the verb and nobody else
    speaking after it ("The bogus report says:", "A release today on at least one website,
    National Report, stated that “")?"""
    starts = [m.end() for m in _CLAUSE_START.finditer(body, 0, lead.start())]
    clause = body[starts[-1] if starts else 0 : lead.start()]
    verb = lead["verb"].lower()
    if verb in _READS:
        return clause.strip().lower() not in _NO_SUBJECT
    if verb in _PUBLISHES and (lead["colon"] or lead["block"]):
        return True
    texts = list(_TEXTS.finditer(clause))
    return bool(texts) and _OTHER_SPEAKER.search(clause, texts[-1].end()) is None


def _unmarked_end(body: str, start: int, statements: Sequence[Span],
                  texts: re.Pattern[str] = _TEXTS) -> int:
    """Where a text set out without quote marks ends: at the first statement after its first
    that names a text again (``texts``: the writer speaking of it, "An Examiner.com article
    seems troubled by this", "According to the tribunal's website, ..."), or at the article's
    end."""
    after = [s for s in statements if s.start >= start]
    return next((s.start for s in after[1:] if texts.search(s.text)), len(body))


def _overlap(statement: Span, block: tuple[int, int]) -> int:
    return max(0, min(statement.end, block[1]) - max(statement.start, block[0]))


# A story called a hoax, or a site called satire or fake news, in the article's own words ("the
# victim of another celebrity death hoax", "a satirical website claimed", "duped by a fake news
# site", "The claims are nonsense", "the incident never happened"): the article is a debunk.
# Not "hackers set up fake websites": a fake site is no fake story.
_HOAX_TALK = re.compile(
    r"\bhoax(?:es)?\b|\bnever\s+happened\b"
    r"|\b(?:satirical|satire|spoof)\s+(?:news\s+)?(?:web\s*)?"
    r"(?:site|website|story|report|article|post|news)s?\b"
    r"|\b(?:fake|bogus)\s+(?:news|stor(?:y|ies)|reports?|articles?|posts?)\b"
    r"|\b(?:claims?|story|report|article)\s+(?:is|are|was|were)\s+(?:\w+\s+)?"
    r"(?:nonsense|baloney|fiction)\b",
    re.IGNORECASE,
)
# A text named as a statement's source ("According to a story ...", "The story claims ...", "It
# states that the “story is ...”").
_SOURCE_TEXTS = _nouns(_WRITINGS + _TALES)


def debunking(body: str) -> bool:
    """Does the article call the story it tells of a hoax, satire or fake news (``_HOAX_TALK``)
    or call a report false (``debunks``)?"""
    return bool(_HOAX_TALK.search(body)) or any(
        debunks(sentence) for sentence in _CLAUSE_START.split(body))


def debunk_quotes_apart(statements: Sequence[Span], quotes: Sequence[Quote],
                        bodies: dict[str, str]) -> np.ndarray:
    """True for every pair of which one statement is a debunk's telling of the hoax (a
    quotation, or a statement naming a text: ``told_by_debunk``) and the other stands in an
    article that debunks nothing. A debunk quotes the hoax's made-up officials ("The details
    of the story gave readers reason for doubt. “...,” said prison investigator Joe Goldsmith.")
    and retells its claims ("According to a story ..., thousands of turkeys ..."): the hoax's
    words, not the debunk's, so they corroborate the hoax no more than a denial does. Two
    debunks quoting one hoax, or one official, still agree."""
    debunks_by_doc = {doc: debunking(body) for doc, body in bodies.items()}
    in_debunk = np.array([debunks_by_doc[s.doc] for s in statements], dtype=bool)
    if not in_debunk.any():
        return np.zeros((len(statements), len(statements)), dtype=bool)
    told = told_by_debunk(statements, quotes) & in_debunk
    return (told[:, None] & ~in_debunk[None, :]) | (~in_debunk[:, None] & told[None, :])


def told_by_debunk(statements: Sequence[Span], quotes: Sequence[Quote]) -> np.ndarray:
    """Whether each statement names a text (``_SOURCE_TEXTS``) or is a quotation
    (``_quotation``): in a debunk, the hoax's claims retold or its words."""
    remarks = [q for q in quotes if q.kind != "name"]
    return np.array([bool(_SOURCE_TEXTS.search(s.text)) or _quotation(s, remarks)
                     for s in statements], dtype=bool)


def _quotation(statement: Span, remarks: Sequence[Quote]) -> bool:
    """Does the statement hold a quotation (one starting inside it: "“...,” said clerk Ann
    Reed, the head of the records office.") or lie more than half inside quotation marks?"""
    own = [q for q in remarks if q.doc == statement.doc]
    return any(q.kind == "quote" and statement.start <= q.start < statement.end for q in own) or (
        2 * sum(_overlap(statement, (q.start, q.end)) for q in own)
        > statement.end - statement.start)


# An outlet's call to its readers: "We'd like to hear from you", "Send us a secure tip",
# "Tell us your story", "Contact us at ...", "Sign up for our newsletter". Said by the page to
# whoever reads it, it reports no fact; each of an outlet's articles carries the same one.
_READER_CALL = re.compile(
    r"\bwe(?:['’]d|\s+would)?\s+(?:like|love|want)\s+to\s+hear\s+from\s+you\b"
    r"|^\W*(?:please\s+)?(?:send|tell|e-?mail|contact|call|text|write\s+to|follow|join|"
    r"share\s+with)\s+us\b|^\W*(?:please\s+)?(?:sign\s+up|subscribe)\b",
    re.IGNORECASE,
)


def calls_readers(text: str) -> bool:
    """Is the statement the outlet's call to its readers (``_READER_CALL``), in no quotation
    marks (“Tell us what you saw,” the detective urged is a remark reported)?"""
    return not holds_quote_marks(text) and _READER_CALL.search(text) is not None


# A page's announcement of what follows it: "Here's what we know about the crash.", "Here is how
# to watch the launch:", "Here are the details." It names content (often a video's or a list's,
# printed as its caption) without saying any of it; what it introduces, after a colon within the
# statement, is no announcement.
_ANNOUNCES = re.compile(
    r"^\W*here(?:['’]s|\s+is|\s+are)\s+(?:what|how|why|where|who|when|which|everything|"
    r"all\s+(?:we|you)|a\s+look|the\s+latest|more)\b[^:]*:?\W*$",
    re.IGNORECASE,
)


def announces_what_follows(text: str) -> bool:
    """Is the statement only the page's announcement of what follows (``_ANNOUNCES``), in no
    quotation marks (“Here's what I saw,” she said is a remark reported)?"""
    return not holds_quote_marks(text) and _ANNOUNCES.match(text) is not None


def assert_nothing_apart(texts: Sequence[str]) -> np.ndarray:
    """True for every pair with a statement in it that asserts nothing: a call to the readers
    (``calls_readers``: "If you have ever witnessed misconduct at work, we'd like to hear from
    you.") or an announcement of what follows (``announces_what_follows``: "Here's what they say
    they know about it."). It corroborates nothing, not even the same call or caption at the
    foot of another of the outlet's articles."""
    flags = np.array([calls_readers(text) or announces_what_follows(text) for text in texts],
                     dtype=bool)
    return flags[:, None] | flags[None, :]
