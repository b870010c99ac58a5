"""Is a text a page's interface rather than an article? A crawl of news links also brings back
what stood at the link instead of the report: a share bar, a social widget's notice, an
archive's capture notice, a consent wall, a "page not found" page, a video player's errors.
Stored, each forms a story of its own (two copies of one widget join other stories' copies).

Read by shape, not by one page's words: every line or sentence of such a text is either a
fragment (a button or menu label: a few words, no sentence) or the site speaking of itself or
to its reader about the medium (the page, the browser, the account, the archive). An article
has at least a few sentences of prose about something else, so a text is refused only when
its prose outside those two kinds is under ``PROSE_WORDS`` words.
"""

from __future__ import annotations

import re

PROSE_WORDS = 12  # fewer words of prose than one plain news sentence
FRAGMENT_WORDS = 4  # "Share this: Twitter", "Like Loading... Related", "Yes"

_SEGMENT = re.compile(r"[^\n.!?]+[.!?]*")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# The medium's own vocabulary: what a page, a widget or an archive speaks of when it speaks
# of itself (generic to the web, not to one site).
_MEDIUM = re.compile(
    r"\b(?:javascript|browsers?|cookies?|click(?:ing)?|tap|log ?in|sign (?:in|up)|subscribe|"
    r"newsletter|e-?mail(?: address)?|account|tweets?|retweet|share|page|home ?page|website|"
    r"site|url|link|app|settings|enabled?|disabled|load(?:ed|ing)?|video|transcript|reprints?|"
    r"privacy|consent|ad ?blocker|web (?:captures?|collections?)|crawls?|crawl data|"
    r"wayback machine|internet archive|archive-it|embargo period|error|not found|404)\b",
    re.IGNORECASE,
)
# The site addressing its reader, or speaking as "we" ("US", the country, is no "us"), or a
# notice's imperative opening ("Click here", "Learn more", "Sign in to ...").
_ADDRESS = re.compile(
    r"\b(?i:you|your|please)\b|\b(?:[Ww]e|[Oo]ur|us)\b|^\s*(?i:click|tap|learn|sign|log|"
    r"subscribe|enable|sorry|thank)\b"
)
# What a sign-up or log-in box asks of its reader: an email address, an account, a log-in.
_ACCOUNT = re.compile(r"\b(?:e-?mail address(?:es)?|account|log ?in|sign (?:in|up)|"
                      r"subscrib\w*|newsletters?|privacy (?:notice|policy))\b", re.IGNORECASE)
# A report of what someone said ("We will not share your data," the company said) is news
# about the medium, not the medium speaking.
_REPORTED = re.compile(r"[\"“”]|\b(?:said|says|told|according to)\b")
# An archive's notice speaks of the archive's own work, in the third person.
_ARCHIVE = re.compile(
    r"\b(?:wayback machine|internet archive|archive-it|web captures|crawl data|crawls)\b",
    re.IGNORECASE,
)


def no_article(text: str) -> bool:
    """True when ``text`` holds no article: the page speaks of itself (a notice, or a label of
    the medium: "Share", "Log in"), and under ``PROSE_WORDS`` words of prose are left once
    fragments and that talk are set aside. A short text with no such sign (a one-line brief
    under its header lines) is kept: too little to judge is no proof of a page."""
    prose = interface = 0
    for segment in _SEGMENT.findall(text):
        words = _WORD.findall(segment)
        if len(words) <= FRAGMENT_WORDS and not _ends_sentence(segment):
            interface += bool(_MEDIUM.search(segment))
        elif not _REPORTED.search(segment) and (
                _ARCHIVE.search(segment) or (_MEDIUM.search(segment) and _ADDRESS.search(segment))):
            interface += 1
        else:
            prose += len(words)
            if prose >= PROSE_WORDS:
                return False
    return interface > 0


def asks_for_an_account(segment: str) -> bool:
    """Is the segment a sign-up or log-in box speaking to its reader ("Email address is
    invalid You already have an account.", "Please log in"), not a report of anyone's words?"""
    return bool(_ACCOUNT.search(segment) and _ADDRESS.search(segment)
                and not (_REPORTED.search(segment) or "``" in segment))


def _ends_sentence(segment: str) -> bool:
    return segment.rstrip().endswith((".", "!", "?")) and len(_WORD.findall(segment)) > 1
