"""Developments from what was open to what became of it.

No aligner pairs these as one fact (the words differ, and so does the proposition's tense), yet
an analyst wants each as one history, in the order things happened:

- an expectation and its outcome: "LaSalle is expected to be charged today" or "Cooley said he
  expected LaSalle to be charged" / "LaSalle was charged on Friday"; "the conference is due
  to run through December 14" / "the conference came to a conclusion on Saturday"; a plan
  told with a plain "will" ("BP's shareholders will vote on the matter at the annual meeting"
  / "BP's shareholders voted against"), settled only by what is said of its subject (an actor
  shared, or the subject's head word) in a report of a later day;
- something under way and done: "authorities are in the process of recovering the body",
  "the body is being recovered" or "the rescue team worked today to recover the body" /
  "detectives removed the body";
- a suspect held on suspicion (on probable cause), or named the main suspect ("identified the
  suspect as Orozco"), and later charged;
- a state expected to last and its end: "the road will probably stay closed for hours" / "the
  intersection was reopened";
- a speculation and what settled it: "the taxi might have been propane-powered" / "the taxi was
  not fueled by propane, as some had speculated";
- a question a report says is still open and its answer, which says itself it came later: "the
  authenticity of the poster could not be independently verified" / "and now the maker has
  confirmed that the poster is indeed authentic" (rumours and claims confirmed, denied or
  exposed); a rumour told as such and its exposure: "Rumors have hit social media that the car
  was stolen" / "rumors that the car had been stolen proved to be untrue".

Precision first: the later statement is about the same subject (an actor they share, resolved
across articles, a pronoun read as the last person named before it, or a content word of the
subject), states what was open as done with no look ahead and no hedge, names the act itself
or a word of its family (``ACT_FAMILIES``; an ending for something expected to last) as done
(not after a modal, not in the progressive; an act of no family in a verb not in the present,
with a word of its object just after it), is not reported before, and the two are close in
meaning (``OUTCOME_COSINE``) unless a resolved actor and a specific act already make them one
event; a subject is shared by its head word ("Tropical Depression Ten" is not the "tropical storm
watch") or two of its words; two statements naming different people share a subject word or an
actor; what one faces lies ahead ("faces arraignment"), but charges faced are filed. A speculation
is settled only by a statement that denies or confirms what was speculated (a negation or a
confirmation just before its words) and either says it answers it ("as some had speculated",
"confirmed") or is reported on a later day.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from newsprism.analyse.dates import MONTHS, WEEKDAYS
from newsprism.analyse.entities import PERSON_ROLES
from newsprism.ingest.dates import TIMES_OF_DAY
from newsprism.model import Article, Span
from newsprism.negation import NEGATIONS
from newsprism.summarize.words import STOP_WORDS, letter_words, stem_word

# Words that name one act, as stems: an outcome that names any of them does what was expected.
ACT_FAMILIES = (
    frozenset({"charg", "indict"}),
    frozenset({"end", "conclud", "conclus", "finish", "adjourn", "wrap"}),
    frozenset({"recov", "retriev", "remov", "exhum"}),
    frozenset({"releas", "freed"}),
    frozenset({"convict", "sentenc"}),
    frozenset({"open", "inaugur", "launch", "begin", "began", "begun", "start"}),
    frozenset({"elect", "won", "win"}),
    frozenset({"restor", "repair", "resolv", "reconnect"}),  # a service out brought back
)
_ENDS = next(f for f in ACT_FAMILIES if "end" in f)
_BROUGHT_BACK = next(f for f in ACT_FAMILIES if "restor" in f)
_RECOVERY = next(f for f in ACT_FAMILIES if "recov" in f)
# Closeness in meaning (MiniLM cosine) from which a statement that shares a subject word with
# what another left open, or names a state's end, is about the same thing: below the
# relatedness of ``CompareSettings.related_cosine``, as one of the two only expects the act.
OUTCOME_COSINE = 0.4
# Acts that say something lasts ("due to run through December 14", "expected to last most of
# the day", "will stay closed"): what settles them is their end.
_LASTING = frozenset({"last", "run", "stai", "remain", "continu", "extend"})
# A state, and the words that end it: "closures ... last most of the day" ends with "reopened".
_STATE_ENDS = {
    "close": frozenset({"reopen"}), "closur": frozenset({"reopen"}),
    "shut": frozenset({"reopen"}), "block": frozenset({"reopen"}),
    "held": frozenset({"releas", "freed"}), "detain": frozenset({"releas", "freed"}),
    "custodi": frozenset({"releas", "freed"}),
    **dict.fromkeys(("outag", "downtim", "disrupt"), _BROUGHT_BACK),
}

# What is expected, due, likely or under way, and the words that say what, up to the clause's
# end: "is expected to be charged today", "pending formal charges", "will probably stay closed";
# never "would likely", a supposition inside another ("would enable them to say ... and the
# government would likely agree").
_EXPECTATION = re.compile(
    r"\b(?:(?:expected|due|scheduled|slated|likely|set|going|supposed|poised)\s+to|pending|"
    # the one expected named between ("said he expected Orozco to be charged")
    r"expect(?:s|ed)\s+(?P<whom>(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}))\s+to|"
    r"in the process of|will\s+(?:probably|likely)|probably\s+will|(?P<intention>will|"
    r"fac(?:es|ing)|(?:is|are)\s+to(?!\s+blame\b)))"
    r"\s+(?P<act>[^,;:.?!]+)",
    re.IGNORECASE,
)
# Under way, in the progressive: "the body is being recovered", "divers are still recovering
# the bodies". So many things are under way in a report ("is being treated as suspicious",
# "police are releasing the names") that only an operation whose completion is news of its own,
# a recovery, is left open by it, and a state lasting now ("the outage is continuing"); in the
# past progressive a lasting verb sets a past moment's scene ("was running a bookshop when she
# was discovered", "was extending his record"), nothing still open.
_UNDER_WAY = re.compile(
    r"\b(?:is|are|was|were)\s+(?:still\s+|now\s+)?(?:being\s+(?=\w+ed\b)|(?=\w+ing\b))"
    r"(?P<act>[^,;:.?!]+)",
    re.IGNORECASE,
)
# ... or worked at: "the rescue team worked today to recover the body", "efforts to retrieve
# the bodies", "tried to recover": the operation is under way, its completion not yet told.
_WORKED_AT = re.compile(
    r"\b(?:work(?:s|ed|ing)?|tr(?:y|ies|ied|ying)|struggl(?:es|ed|ing)|efforts?|attempts?|"
    r"operations?|bids?)\s+(?:\w+\s+){0,3}?to\s+(?P<act>[^,;:.?!]+)",
    re.IGNORECASE,
)
# Held on suspicion, not yet charged: "is now being held ... on probable cause for ...".
_HELD = re.compile(
    r"\b(?:held|jailed|detained|booked)\b[^,;:.?!]{0,60}?\bon (?:probable cause|suspicion)\b",
    re.IGNORECASE,
)
# Named as the one suspected, not yet charged: "Orozco is now the main suspect in the slaying",
# "deputies identified the suspect as Jose Luis Orozco", "police named him a person of
# interest". A plain "the suspect" names no status: it is how reports refer to the accused too.
_SUSPECTED = re.compile(
    r"\b(?:(?:main|prime|chief|key|lead(?:ing)?)\s+suspect|person of interest|"
    r"(?:identified|named)\s+(?P<named>(?:[\w'’-]+\s+){0,3}?)as\s+(?:an?|the)\s+suspect|"
    r"identified\s+(?:an?|the)\s+suspect\s+as\s+(?P<who>[^,;:.?!]+))",
    re.IGNORECASE,
)
# What one faces once it is filed ("faces two murder charges"); an arraignment faced lies ahead.
_FILED = next(f for f in ACT_FAMILIES if "charg" in f)
# A charge expected is settled by an arraignment too, which reads the charges in court; not
# the reverse: one is charged first, then arraigned ("is awaiting a double murder arraignment
# after police arrested him on charges").
_HELD_SETTLED_BY = _FILED | {"arraign"}
FACED_CHARGE_REACH = 3  # words of what one faces that may name charges ("faces two murder charges")
_FACE = frozenset({"face", "faces", "facing"})
# Verbs that order or ask for an act, which is then not done ("a judge ordered him released",
# "prosecutors sought his release"), at most ``ORDER_REACH`` words before it.
_ORDERED = frozenset({"order", "orders", "ordered", "ordering", "demand", "demands", "demanded",
                      "ask", "asks", "asked", "urge", "urges", "urged", "want", "wants", "wanted",
                      "seek", "seeks", "sought"})
ORDER_REACH = 3  # "faced trial" is past: it took place
# What is supposed, not known: "might have been propane-powered", "is believed to have fled".
_SPECULATION = re.compile(
    r"\b(?:(?:might|may|could)\s+have|possibly|(?:is|are|was|were)\s+(?:believed|thought|"
    r"suspected|rumou?red)\s+to(?:\s+have)?)\s+(?P<act>[^,;:.?!]+)",
    re.IGNORECASE,
)
# A statement that still looks ahead or hedges is no outcome, nor the same fact as the plain
# assertion of it (the rubric: a statement and its hedged report are one fact only at the same
# strength): "is expected to", "could", "if", "it is thought/feared/understood that",
# "reportedly", "allegedly", "is said to", "unconfirmed reports", "according to rumours",
# "Hamas claims it fired", "suspected". Read on words, not nouns (``predicates`` masks them):
# "the suspect fled" is sure, and "due to the storm" is a cause, not a schedule.
_OPEN = re.compile(
    r"\b(?:expect(?:s|ed|ing)?|due\s+(?:to\b(?!\s+(?:the|a|an|his|her|its|their|_)\b)|in|on|"
    r"at|back)|scheduled|slated|likely|probably|pending|will|would|could|may|might|should|"
    r"plan(?:s|ned)?|going to|supposed to|(?:is|are)\s+to(?!\s+blame\b)|in the process of|if|"
    r"whether|possibly|perhaps|"
    r"believed?|believes|think|thinks|thought|feared|fears|suspect(?:s|ed)?|reportedly|"
    r"allegedly|purportedly|supposedly|presumably|apparently|unconfirmed|unverified|rumou?r(?:s|ed)?|speculation|"
    r"(?:is|are|was|were|been|being)\s+(?:said|understood|reported|alleged|presumed)\s+to|"
    r"(?:it\s+is|it\s+was|it's)\s+understood|claim(?:s|ed|ing)?\s+(?:that|to|it|he|she|they|we)"
    r")\b",
    re.IGNORECASE,
)
# The month May, which ``_OPEN`` would read as the verb: capitalised before a day or a year,
# or after a word that dates ("in May", "last May", "early May").
_MONTH_MAY = re.compile(r"\bMay(?=\s+\d)|\b(?i:in|of|last|this|early|late|mid|since|until)\s+May\b")
# Nouns that hedge what they report ("according to rumours", "amid speculation that"): the
# nouns ``predicates`` keeps when it masks the others.
HEDGING_NOUNS = frozenset({"rumour", "rumor", "rumours", "rumors", "speculation"})
# A statement that says it settles what was supposed before, or denies it.
# A statement that says it answers what was supposed before: it comes later.
_ANSWERS = re.compile(
    r"\b(?:as (?:some|many|others|earlier reports|officials|police|witnesses)\s+(?:had\s+)?"
    r"(?:speculated|suggested|reported|feared|thought|believed|said|claimed|suspected)|"
    r"contrary to)\b",
    re.IGNORECASE,
)
# A negation before a word of what was supposed denies it; "nt" is "n't" as ``letter_words``
# reads it ("wasn't": "wasn", "t", made "wasn", "nt" below).
_NEGATIONS = NEGATIONS | {"nt"}
_CONFIRMATIONS = {"confirm", "confirmed", "confirms", "verified", "established"}
DENIAL_REACH = 4  # words from a negation to what it denies: "not fueled by propane"
# words from a confirmation to what it confirms: "confirmed by the Brazilian government to be
# from Air France Flight 447"
CONFIRMATION_REACH = 10
# Words after a cue that do not name the act: light verbs ("face charges", "be charged"),
# determiners, qualities of the act ("formal charges").
_LIGHT = {
    "be", "been", "being", "have", "has", "had", "to", "the", "a", "an", "its", "his", "her",
    "their", "face", "facing", "get", "receive", "formal", "official", "further", "new",
    "possible", "also", "soon", "now", "officially", "formally", "more", "all", "both",
}
# Words of time, which say when, not who or what: left out of subjects and objects.
_TIME = {
    "today", "tonight", "tomorrow", "week", "day", "days", "hours", "weeks", "month", "months",
    "year", "years", "time", *TIMES_OF_DAY, *WEEKDAYS, *MONTHS,
}
_NOT_ABOUT = STOP_WORDS | _LIGHT | _TIME
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their",
                "our", "my", "your"}
# Adverbs before an act that name none: "only be fully resolved".
_ADVERBS = frozenset({"only", "also", "just", "still", "soon", "then", "now", "even"})
_DUE = re.compile(r"due\b", re.IGNORECASE)
# Stop words that name an act: "going to give up its arsenal", "expected to last".
_VERBS = {"give", "go", "keep", "put", "find", "show", "call", "move", "become", "make", "fill",
          "take", "see", "last"}
_CLAUSE = re.compile(r"[,;:]|\bhowever\b|\bbut\b|\bthat\b", re.IGNORECASE)
_RELATIVE = re.compile(r"^\W*(?:which|who|whom|where)\b", re.IGNORECASE)
# Before the cue, what makes it no expectation: a negation ("nothing he does is likely to"), a
# condition ("if it is going to give up").
_NOT_EXPECTED = re.compile(
    r"\b(?:" + "|".join(sorted(NEGATIONS)) + r"|no one|un(?:likely|expected)|if|unless|whether|"
    r"\w+n['’]t)\b",
    re.IGNORECASE,
)
# Where the act's clause ends: "to last most of the day while investigators collected evidence".
_SUBORDINATE = re.compile(r"\b(?:while|after|before|when|because|as|until|unless)\b",
                          re.IGNORECASE)
_PRONOUN = re.compile(r"^\W*(?:he|she|he's|she's|his|her)\b", re.IGNORECASE)
_NAME = re.compile(r"[A-Z]")  # a word written with a capital inside a clause: a name
# Right before the cue, what says the expectation was overtaken before the report was written
# ("was originally scheduled to face", "had been expected to"), or the supposition was of an
# earlier time ("who once was rumored to be Deep Throat"): the report knows what became of it,
# or tells an old rumour as background, so it leaves nothing open for another report to settle.
_SUPERSEDED = re.compile(r"\b(?:originally|initially|previously|at first|once|formerly|"
                         r"had(?:\s+been)?)\s+$", re.IGNORECASE)
# An expectation in the past that says it was not met, or was only a rule: "the rule was only
# supposed to apply to boats over ten metres", "the ferries were supposed to arrive on Monday".
_COUNTERFACTUAL = re.compile(r"\b(?:was|were)\s+(?:\w+ly\s+|only\s+)?$", re.IGNORECASE)
# A matter a report says is not (yet) confirmed: "officials could not confirm the footage's
# authenticity", "did not immediately confirm or deny", "the studio has not confirmed a release
# date", "could not be independently verified", "she couldn't say whether". Such a statement
# settles nothing; alone, it leaves a question open.
_UNCONFIRMED = re.compile(
    r"\b(?:(?:could|can|did|does|do|has|have|had|would|will|is|are|was|were)(?:\s+not|n['’]t)|"
    r"cannot|declined\s+to|neither)\s+(?:(?:be|been|yet|immediately|independently|officially|"
    r"publicly)\s+)*(?:confirm(?:ed)?|verif(?:y|ied)|say\s+whether)\b",
    re.IGNORECASE,
)
# A matter a report says is in doubt or being tested: "the legitimacy of the poster has been
# called into question", "its authenticity is being questioned", "a DNA test was under way to
# confirm that the boy is her son".
_QUESTIONED = re.compile(
    r"\b(?:call(?:s|ed|ing)?\s+into\s+question|(?:is|are|was|were|been|being)\s+(?:being\s+)?"
    r"(?:questioned|disputed|doubted)|questioned\s+(?:the|its|their)\s+(?:authenticity|"
    r"legitimacy|veracity)|tests?\s+(?:was|were|is|are)\s+(?:under\s*way|being\s+(?:conducted|"
    r"carried\s+out|done))\s+to\s+(?:confirm|verify|determine|establish))\b",
    re.IGNORECASE,
)
# A rumour reported as such, neither confirmed nor exposed: "Rumors have hit social media that
# the prop has been stolen", "there was a rumor flying around that someone stole it", "unconfirmed
# reports say", "this is all still rumor". What it says stays open until a report says it was
# confirmed or exposed ("if the rumor is true" is a condition: what its clause says is not the
# rumour; "was rumored to be" is a speculation, ``_SPECULATION``).
_RUMOURED = re.compile(
    r"\b(?:unconfirmed\s+(?:reports?|rumou?rs?)|rumou?rs?\s+(?:\w+\s+){0,5}?that|"
    r"(?:still|just|only)\s+(?:an?\s+)?rumou?rs?)\b",
    re.IGNORECASE,
)
# Where the clause of a doubt begins and ends: "..., but could not confirm her nationality",
# "... and that a DNA test was under way to confirm that the boy is her son".
_DOUBT_EDGE_BEFORE = re.compile(r"[,;:]|\b(?:but|and|while|although|though)\b", re.IGNORECASE)
_DOUBT_EDGE_AFTER = re.compile(r"[,;:]|\b(?:but|while|although|though)\b", re.IGNORECASE)
# The doubt's own words, which say nothing of what is in doubt.
_DOUBT_STEMS = frozenset({"confirm", "verifi", "deni", "question", "doubt", "rumor", "rumour",
                          "unconfirm"})
# A report that says a rumour or a claim was exposed as false: "rumors that the car had been
# stolen proved to be untrue", "appears to be a false alarm", "has since been debunked". The
# exposure tells the rumour as what came before it.
_EXPOSED = re.compile(
    r"\b(?:(?:proved|proven|turned\s+out|turns\s+out)\s+(?:to\s+be\s+)?(?:untrue|false|"
    r"unfounded|baseless|a\s+hoax|fake)|false\s+alarm|debunk(?:ed|s)?)\b",
    re.IGNORECASE,
)
# An answer to such a question: it is confirmed or denied, found real or fake, or exposed.
_ANSWER = re.compile(
    r"\b(?:confirm(?:s|ed)?|verified|den(?:y|ies|ied)|(?:is|was|are|were)\s+(?:indeed\s+|"
    r"in\s+fact\s+)?(?:real|genuine|authentic|fake|a\s+hoax|false|untrue|unfounded))\b|"
    + _EXPOSED.pattern,
    re.IGNORECASE,
)
# Words by which an answer says itself that it came after the question: "and now the maker has
# confirmed", "later denied", "is indeed authentic", "Update: ... confirmed".
_LATER_ANSWER = re.compile(
    r"\b(?:(?:now|later|since|finally|eventually|subsequently)\s+(?:\w+\s+){0,2}?"
    r"(?:confirm|den[iy]|verif|admit|acknowledg)\w*|indeed|update)\b",
    re.IGNORECASE,
)
# ... or it tells first the doubt or the rumour it answers: "While collectors questioned the
# poster's authenticity, the maker confirmed it is genuine", "the photo made its rounds online
# all week before the brewer denied it".
_ACCOUNT = re.compile(
    r"\b(?:questioned|called\s+into\s+question|doubt(?:s|ed)?|rumou?r(?:s|ed)?|speculation|"
    r"went\s+viral|made\s+(?:its|the)\s+rounds|circulated|surfaced)\b",
    re.IGNORECASE,
)
# An act stated as possible, not done: "members can invoke the act to overturn the rules".
_POSSIBLE = re.compile(r"\b(?:can|cannot|able to)\b", re.IGNORECASE)
# Modals that leave the act just after them undone ("members must invoke the law"): ``hedges``
# and ``_POSSIBLE`` read most in the whole statement, ``ends_a_state`` reads none.
_MODALS = frozenset({"can", "cannot", "must", "could", "may", "might", "should", "would", "will"})
# How many words after an act of no family its object may be named in the statement that does
# it ("take effect nine days before the inauguration", "directed the thriller Cold Coast").
OBJECT_REACH = 8


@dataclass(frozen=True)
class Open:
    """What a statement leaves open: the stems whose use in a later statement settles it; the
    stems of its subject and of the act's object; whether the act is a specific one (of
    ``ACT_FAMILIES``, or something lasting); and whether it is a speculation (settled by a
    denial or a confirmation) rather than an expectation (settled by the act done)."""

    settled_by: frozenset[str]
    subject: frozenset[str]
    object: frozenset[str] = frozenset()
    specific: bool = True
    speculation: bool = False
    state_ends: frozenset[str] = frozenset()  # what ends a state expected to last ("reopen")
    head: str = ""  # the subject's last word, its head noun where the subject is a noun phrase
    # a plain "will", or what one faces ("faces arraignment"): settled only by what is said
    # of its subject
    intention: bool = False
    # a plain "will": settled only by a report of a later day. Undated reports of one day tell
    # what "will" happen and what is announced of it ("will be host of the Oscars" / "named as
    # the host"), or of another occasion ("will miss the final two games" / "missed four
    # games"), far more often than its deed
    later_day: bool = False
    # a question a report says is still open ("could not confirm", "called into question"):
    # settled by a confirmation or a denial that says itself it came later (``answers_later``)
    question: bool = False


def content_stems(text: str) -> list[str]:
    """The stems of the words that say who or what."""
    return [stem_word(w) for w in letter_words(text)
            if w not in _NOT_ABOUT and len(w) > 1 and not w.isdigit()]


def _act(text: str) -> tuple[str, list[str]] | None:
    """The act a cue introduces, as a stem, and its object's stems: "to be charged with the
    hit-and-run" -> ("charg", ["hit", "run"]); "to last most of the day" -> ("last", []).
    A noun phrase names no act: "expected to be a playoff team" is a state, "due to the storm"
    a cause; nor does a name: "scheduled to face Alexander Povetkin" names a participant, and
    any report naming him would settle it."""
    clause = _SUBORDINATE.split(text)[0]
    raw = letter_words(clause)
    if raw[:1] and (raw[0] in _DETERMINERS or (raw[0] in ("be", "been") and raw[1:2]
                                                 and raw[1] in _DETERMINERS)):
        return None
    words = [w for w in raw if w not in _LIGHT and w not in _TIME and not w.isdigit()]
    while words[:1] and (words[0] in _ADVERBS or words[0].endswith("ly")):
        words = words[1:]  # "will likely only be fully resolved": the act is "resolved"
    if not words or (words[0] in STOP_WORDS and words[0] not in _VERBS):
        return None  # "going to have something special": no act named
    if _NAME.match(clause[_word_at(clause, words[0]):]):
        return None
    return stem_word(words[0]), content_stems(" ".join(words[1:]))


def _word_at(text: str, word: str) -> int:
    """Where ``word`` (as ``letter_words`` reads it) first stands in ``text``."""
    found = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE)
    return found.start() if found else len(text)


@lru_cache(maxsize=4096)  # asked of each statement for every open statement it may settle
def _acts_at(text: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """A statement's words (``letter_words``) and where they may state an act done
    (``_done_at``), read once for ``_done``, ``_verbs_done`` and ``_done_of_its_own``."""
    words = letter_words(text)
    return tuple(words), tuple(_done_at(words))


@lru_cache(maxsize=4096)  # likewise
def _done(text: str) -> frozenset[str]:
    """The stems of a statement's words that may state an act done (``_done_at``)."""
    words, done = _acts_at(text)
    return frozenset(stem_word(words[k]) for k in done)


@lru_cache(maxsize=4096)  # likewise
def _verbs_done(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The acts a statement's verbs may state done (``_done_at``), each as its stem and the
    stems of the ``OBJECT_REACH`` words after it (where its object would be). An act of no
    family is named by a verb, never in the present either, which tells what is to come as
    often as what is ("the rules take effect in 30 days"); a family's act may be named by a
    noun, which the present's "-s" would misread ("faces serious charges")."""
    words, done = _acts_at(text)
    return tuple((stem_word(words[k]),
                  frozenset(stem_word(w) for w in words[k + 1 : k + 1 + OBJECT_REACH]))
                 for k in done if not _present(words, k))


def _done_at(words: Sequence[str]) -> list[int]:
    """Where a statement's words (``letter_words``) may state an act done: not in an
    infinitive ("agreed to give up" states no giving up), nor just after a modal ("must
    invoke"), nor in the progressive or a gerund ("is taking over", "for reaching an
    agreement"). What one faces lies ahead ("faces arraignment on Wednesday"), but charges:
    one faces them once they are filed. Nor is an act ordered or asked for done ("a judge
    ordered him released")."""
    return [k for k, w in enumerate(words)
            if not _infinitive(words, k) and not _MODALS & set(words[max(0, k - 2) : k])
            and not _progressive(words, k)
            and not (k and words[k - 1] in _FACE and stem_word(w) not in _FILED)
            and not _ORDERED & set(words[max(0, k - ORDER_REACH) : k])]


# Words between "to" and an act that keep it an infinitive: "called for them to be released",
# "is said to have been freed".
_INFINITIVE_AUXILIARIES = ("be", "have", "been", "get")


def _infinitive(words: Sequence[str], k: int) -> bool:
    """Is ``words[k]`` in an infinitive, "to" before it with only auxiliaries between ("agreed
    to give up", "called for them to be released")?"""
    j = k - 1
    while j >= 0 and words[j] in _INFINITIVE_AUXILIARIES:
        j -= 1
    return j >= 0 and words[j] == "to"


def _progressive(words: Sequence[str], k: int) -> bool:
    """Is ``words[k]`` in "-ing" and not in the past ("were watching", "was not carrying")?"""
    return words[k].endswith("ing") and not {"was", "were"} & set(words[max(0, k - 2) : k])


def _present(words: Sequence[str], k: int) -> bool:
    """Is ``words[k]``, read as a verb, in the present: the third person ("takes"), or bare
    after a plural subject or a relative pronoun ("the rules take effect", "which take
    effect")? After a determiner it is a noun ("the votes", "their release")."""
    word, before = words[k], words[k - 1] if k else ""
    if before in _DETERMINERS:
        return False
    if word.endswith("s") and not word.endswith("ss") and stem_word(word[:-1]) == stem_word(word):
        return True
    plural = len(before) > 3 and before.endswith("s") and not before.endswith(("ss", "us"))
    return (plural or before in ("which", "that", "who", "they")) and stem_word(word) == word


def _subject(text: str) -> list[str]:
    """The stems of the clause before a cue, in order: "..., however around 500 people are
    also" -> "people"; a relative clause ("meeting in Bali, which is due to") or an apposition
    ("the new president, Sebastián Piñera, was due to") reaches back to what it is about."""
    clauses = _CLAUSE.split(text)
    while clauses:
        clause = clauses.pop()
        stems = content_stems(clause)
        if stems and not _RELATIVE.match(clause):
            return stems
    return []


def left_open(text: str) -> Open | None:
    """What the statement says is expected, under way, pending or supposed, if anything:
    "LaSalle is expected to face charges on Friday" -> settled by "charg" or "indict". A
    negated expectation ("nothing he does is likely to change them") leaves nothing open that
    an act done would settle."""
    if (held := _HELD.search(text)) is not None:
        return Open(_HELD_SETTLED_BY, frozenset(_subject(text[: held.start()])))
    if (question := still_questioned(text)) is not None:
        return question
    if (suspected := _SUSPECTED.search(text)) is not None:
        return _suspected(text, suspected)
    speculation = under_way = False
    match = _EXPECTATION.search(text)
    if match is None:
        match, under_way = _UNDER_WAY.search(text) or _WORKED_AT.search(text), True
    if match is None:
        match, speculation, under_way = _SPECULATION.search(text), True, False
    if (match is None or _NOT_EXPECTED.search(text, 0, match.start())
            or _SUPERSEDED.search(text, 0, match.start()) or _counterfactual(text, match)):
        return None
    said_of = (content_stems(match["whom"]) if match.groupdict().get("whom")
               else _subject(text[: match.start()]))
    subject, head = frozenset(said_of), said_of[-1] if said_of else ""
    if speculation:  # what was supposed: any of its content words
        supposed = content_stems(match["act"])
        return Open(frozenset(supposed), subject, speculation=True) if supposed else None
    act = _act(match["act"])
    if act is None:
        return None
    act_head, obj = act
    if under_way and act_head in _LASTING and match.group().lower().startswith(("was", "were")):
        return None  # "was running a bookshop when she was discovered": a past moment's scene
    if _DUE.match(match.group()) and not match["act"].lower().startswith("be ") and not (
            act_head in _LASTING or any(act_head in family for family in ACT_FAMILIES)):
        return None  # "due to injury": a cause, not a schedule
    intention = match.groupdict().get("intention") is not None
    later_day = intention and not _FACE & set(letter_words(match.group()))
    if intention and _FACE & set(letter_words(match.group())) and (
            "charg" in content_stems(match["act"])[:FACED_CHARGE_REACH]):
        return None  # charges faced are filed (``_done_at``): nothing left open
    if act_head in _LASTING:
        ends = frozenset().union(*(_STATE_ENDS[s] for s in (*subject, *obj) if s in _STATE_ENDS))
        return Open(_ENDS | ends, subject, frozenset(obj), state_ends=ends, head=head,
                    intention=intention, later_day=later_day)
    family = next((f for f in ACT_FAMILIES if act_head in f), None)
    if family is _FILED:
        family = _HELD_SETTLED_BY
    if under_way and family is not _RECOVERY:
        return None
    return Open(family or frozenset({act_head}), subject, frozenset(obj), family is not None,
                head=head, intention=intention, later_day=later_day)


def _suspected(text: str, found: re.Match[str]) -> Open | None:
    """Who a statement names as suspected, left open until charged: the one it names as the
    suspect ("identified the suspect as Orozco", "named Piet Vaal as a suspect"), else its
    subject ("Orozco is now the main suspect"); nothing when it tells the charge itself
    ("Orozco, the main suspect, was charged with murder")."""
    if _HELD_SETTLED_BY & _done(text):
        return None
    named = found["who"] or found["named"]
    who = content_stems(named) if named else _subject(text[: found.start()])
    return Open(_HELD_SETTLED_BY, frozenset(who))


def _counterfactual(text: str, found: re.Match[str]) -> bool:
    """Is the expectation ``found`` one the report says was not met or was only a rule ("it was
    only supposed to apply to boats over ten metres")? The report knows what became of it;
    it leaves nothing open."""
    return (found.group().lower().startswith("supposed")
            and _COUNTERFACTUAL.search(text, 0, found.start()) is not None)


def still_questioned(text: str) -> Open | None:
    """The question a statement says is still open, if it does and does not answer it too:
    "officials could not confirm the footage's authenticity", "the legitimacy of the poster has
    been called into question", "a DNA test was under way to confirm that the boy is her son".
    About the words of the doubt's own clause (``_doubt_clause``); settled
    only by an answer that says itself it came later (``answers_later``)."""
    doubt = _UNCONFIRMED.search(text) or _QUESTIONED.search(text) or _RUMOURED.search(text)
    if doubt is None or answers_later(text):
        return None
    about = set(content_stems(_doubt_clause(text, doubt))) - _DOUBT_STEMS
    return Open(frozenset(), frozenset(about), specific=False, question=True) if about else None


def _doubt_clause(text: str, doubt: re.Match[str]) -> str:
    """The clause that holds the doubt, what is in doubt: "her nationality" of "said the woman
    detained was his wife, but could not confirm her nationality", not the wife the statement
    asserts; "the authenticity of the poster" of "While the print looks old, the authenticity
    of the poster could not be verified"."""
    before = [m.end() for m in _DOUBT_EDGE_BEFORE.finditer(text, 0, doubt.start())]
    after = _DOUBT_EDGE_AFTER.search(text, doubt.end())
    return (text[before[-1] if before else 0 : doubt.start()] + " "
            + text[doubt.end() : after.start() if after else len(text)])


def answers_later(text: str) -> bool:
    """Does the statement confirm or deny something, not saying it is still unconfirmed, and
    say itself that the answer came after the question: with a word of time or of an answer
    at last ("and now the maker has confirmed", "is indeed authentic"), or after telling the
    doubt or the rumour it answers, before or after ("While collectors questioned ..., the
    maker confirmed"; "confirmed that the car was not stolen, a rumor that spread on Friday"),
    or exposing it ("proved to be untrue", "a false alarm", "debunked")? A report that says
    this needs no date to stand after the one that asked."""
    answer = _ANSWER.search(text)
    if answer is None or _UNCONFIRMED.search(text):
        return False
    # an exposure, or an answer naming the doubt or rumour it answers ("that the car has not
    # been stolen, a rumor that spread on Friday"), tells what came before it
    return any(cue.search(text) for cue in (_LATER_ANSWER, _EXPOSED, _ACCOUNT))


_RUMOUR_NOUNS = re.compile(r"\b(?:rumou?r(?:s|ed)?|speculation)\b", re.IGNORECASE)


def _without_rumours(text: str) -> str:
    """The statement with the rumour it answers blanked, for ``_hedged`` to read: "rumors that
    the car was stolen proved to be untrue" asserts the exposure, it hedges nothing."""
    return _RUMOUR_NOUNS.sub(lambda m: " " * len(m.group()), text)


def questions_and_answers(texts: Sequence[str]) -> list[tuple[int, int]]:
    """The pairs of statements of which one says a matter is still open (``still_questioned``)
    and the other confirms or denies something, not saying it is unconfirmed: "a DNA test was
    under way to confirm that the child is her son" / "DNA tests have confirmed that the child
    is her daughter" share nearly every word, yet one is not the other's fact (a doubt and an
    answer are not one proposition at one strength), so they never corroborate; what settled
    the question is a development's business."""
    asked = [i for i, text in enumerate(texts) if still_questioned(text) is not None]
    answers = [j for j, text in enumerate(texts)
               if _ANSWER.search(text) and not _UNCONFIRMED.search(text)]
    return [(i, j) for i in asked for j in answers if i != j]


def looks_ahead(text: str) -> bool:
    """Does the statement leave something open (expected, pending, supposed)?"""
    return left_open(text) is not None


def hedges(text: str) -> bool:
    """Does the statement still look ahead or hedge ("is expected to", "could", "if")? The
    month May is no hedge ("in May 2012")."""
    return _OPEN.search(_MONTH_MAY.sub("", text)) is not None


@lru_cache(maxsize=4096)  # asked of each statement for every open statement it may settle
def _hedged(text: str) -> bool:
    """Does the statement hedge (``hedges``), tell what is possible, or report it unconfirmed
    (``_UNCONFIRMED``)?"""
    return (hedges(text) or _POSSIBLE.search(text) is not None
            or _UNCONFIRMED.search(text) is not None)


# A habit or a rule told in general: "Normally, NASA waits to rename its missions after launch".
_HABIT = re.compile(r"\b(?:normally|usually|typically|customarily|traditionally|as a rule|"
                    r"as is (?:customary|the custom|tradition))\b", re.IGNORECASE)


def tells_a_habit(text: str) -> bool:
    """Does the statement tell what is normally done, not what was done once? A habit tells no
    event, so it settles nothing left open: "The mission is scheduled to launch in July" is
    not settled by "Normally, the agency renames its missions after launch"."""
    return _HABIT.search(text) is not None


def settles(text: str, what: Open) -> bool:
    """Does the statement state as done, denied or confirmed what ``what`` left open?"""
    if what.question:
        return answers_later(text) and not _hedged(_without_rumours(text))
    if _hedged(text) or tells_a_habit(text):
        return False
    said = what.settled_by & _done(text)
    # a speculation is settled by what restates it, at least half of its words, not by one
    # word of it ("flight" of "come from Air France Flight 447")
    if what.speculation:
        return 2 * len(said) >= len(what.settled_by)
    if what.specific:
        return bool(_done_of_its_own(text, what))
    # an act of no family is one act only with its object: "expected to direct Blue Harbour"
    # is not settled by "directed Cold Coast", "set to go into effect" not by "went after"
    return any(act in what.settled_by and (not what.object or what.object & following)
               for act, following in _verbs_done(text))


# Between a subject and its verb, words that leave the subject where it is: "The festival has
# finally begun".
_AUXILIARIES = frozenset({"is", "are", "was", "were", "has", "have", "had", "been", "be"})
SUBJECT_REACH = 3  # a subject's words after its determiner: "the new email thread began"


def _done_of_its_own(text: str, what: Open) -> set[str]:
    """The acts of ``what`` the statement states done of its own actor or thing: an act whose
    subject is a noun phrase naming something else settles nothing ("Taibbi is supposed to
    launch Racket" / "The email thread began with Taibbi's email"), while a pronoun, a name,
    a person's role ("the mayor launched it") or a word of the open statement's subject or
    object may be who or what it expected, and one that names the expected thing after it
    tells its actor's deed ("The festival is set to begin" / "The festival
    began with a parade")."""
    words, done = _acts_at(text)
    return {stem for k in done
            if (stem := stem_word(words[k])) in what.settled_by and not _dated_noun(words, k)
            and (not _past_verb(words[k])
                 or not _another_subject(_subject_before(words, k), what)
                 or _object_after(words, k) & what.object)}


def _dated_noun(words: Sequence[str], k: int) -> bool:
    """Is the act's word a noun dated just before it ("has a March 25, 2016 release", "its 2016
    launch")? A dated act so named is a schedule or a date, not the act told as done."""
    before = words[k - 1] if k else ""
    return not _past_verb(words[k]) and (before.isdigit() or before in MONTHS)


# Acts' words in the past that do not end in "-ed".
_IRREGULAR_PAST = frozenset({"began", "begun", "won"})


def _past_verb(word: str) -> bool:
    """Is the act's word a verb in the past, whose subject stands before it? A noun of the act
    stands after its own determiner, which opens no subject: "now faces a murder charge"."""
    return word.endswith("ed") or word in _IRREGULAR_PAST


def _object_after(words: Sequence[str], k: int) -> set[str]:
    """The stems of the ``OBJECT_REACH`` words after ``words[k]``: where the act done names
    the expected thing, its subject is the actor however described ("the billionaire launched
    the fund")."""
    return {stem_word(w) for w in words[k + 1 : k + 1 + OBJECT_REACH]}


def _subject_before(words: Sequence[str], k: int) -> list[str]:
    """The words of a noun phrase with a determiner right before ``words[k]`` (auxiliaries
    and adverbs between), without the determiner: "the email thread has begun" -> ["email",
    "thread"]; none where no determiner opens one within ``SUBJECT_REACH`` words."""
    end = k
    while end and (words[end - 1] in _AUXILIARIES or words[end - 1] in _ADVERBS
                   or words[end - 1].endswith("ly")):
        end -= 1
    for start in range(end - 1, max(-1, end - 1 - SUBJECT_REACH), -1):
        if words[start] in _DETERMINERS:
            return list(words[start + 1 : end])
    return []


def _another_subject(phrase: list[str], what: Open) -> bool:
    """Does a subject noun phrase name something other than who or what ``what`` expected:
    none of its words of the open statement's subject or object, nor a person's role, which
    may name its actor ("the mayor")?"""
    stems = {stem_word(w) for w in phrase}
    return bool(phrase) and not (stems & (what.subject | what.object | {what.head})
                                 or phrase[-1].removesuffix("s") in PERSON_ROLES
                                 or _SOUGHT_ROLE.fullmatch(phrase[-1]))


def denies_or_confirms(text: str, what: Open) -> bool:
    """Does the statement deny what was supposed (a negation at most ``DENIAL_REACH`` words
    before a word of it: "was not fueled by propane"), or confirm it (a confirmation at most
    ``CONFIRMATION_REACH`` words before one)? "Hussain, the other bomber, was not seen" denies
    nothing of "believed to be the bomber"."""
    tokens = letter_words(text)
    words = ["nt" if w == "t" and k and tokens[k - 1].endswith("n") else w
             for k, w in enumerate(tokens)]
    return any(stem_word(w) in what.settled_by
               and (_NEGATIONS & set(words[max(0, k - DENIAL_REACH) : k])
                    or _CONFIRMATIONS & set(words[max(0, k - CONFIRMATION_REACH) : k]))
               for k, w in enumerate(words))


def ends_a_state(text: str, what: Open) -> bool:
    """Does the statement settle ``what`` with a word that names a state's end ("reopened")?
    Such a word needs no shared subject: it says what ended."""
    return bool(what.state_ends & _done(text))


class StateKind(NamedTuple):
    in_force: re.Pattern[str]  # the state told as holding ("is on the run")
    ended: re.Pattern[str]  # its end told as done ("was captured")
    any_end: re.Pattern[str]  # its end in any form, hedged or ahead too ("could be caught")


# A state in force and what ends it, by kind: someone at large ("still on the run", "is
# searching for an escaped inmate", "no suspects have been taken into custody") is caught; a
# service out ("an outage", "experiencing problems", "went down") is restored; talks under way
# ("is in negotiations to direct the sequel") end in a deal or a walk-out ("was hired to
# direct", "pulled out of negotiations"). The words of the end, in any form, bar a statement
# from being the earlier state ("MWEB managed to restore 83%" tells part of the end), unless
# they lie inside the state's own words: an end denied ("not taken into custody", "no deal has
# been signed") is the state still in force.
# Whom a search is for ("searching for the gunman"): a role that, as a subject, may be the
# one a plan expected (``_another_subject``).
SOUGHT_ROLES = (r"suspects?|gunm[ae]n|fugitives?|inmates?|prisoners?|escapees?|convicts?|killers?|"
            r"shooters?|attackers?|robbers?|m[ae]n|wom[ae]n|teen(?:ager)?s?|offenders?")
_SOUGHT_ROLE = re.compile(SOUGHT_ROLES)
_TALKS = r"(?:the\s+)?(?:talks|negotiations|negotiating table)"
# Before "released", words that make it a release told as background, earlier than the arrest
# the statement goes on to tell: "who was released from prison in 2009, was arrested Monday".
_RELEASED_BEFORE = "".join(rf"(?<!{w} )" for w in ("who was", "who had been", "who has been",
                                                  "previously", "recently", "once", "after being"))
# An offer or bid taken back: "withdrew their offer", "pulled its bid", "withdrew from the
# bidding", "the offer was withdrawn".
_BID_TAKEN_BACK = (r"\b(?:(?:withdr(?:ew|awn)|pulled|rescinded|revoked)\s+"
                   r"(?:(?:their|its|his|her|the|an?)\s+)?(?:[\w$,.-]+\s+){0,3}?(?:offer|bid)s?|"
                   r"withdr(?:ew|awn)\s+from\s+the\s+(?:bidding|race)|"
                   r"(?:offer|bid)\s+(?:was|has been|had been)\s+(?:withdrawn|rescinded|pulled))\b")
# Talks of a sale or a merger end in an agreement told as one ("NYSE Euronext agreed to be sold
# to ICE", "agreed to buy the chain", "agreed to a $2 billion merger"): the parties settled. Only
# a deal's own verbs and nouns: "agreed to meet again" or "agreed to testify" ends no talks.
_DEAL_AGREED = (r"(?:to\s+(?:be\s+)?(?:sold|acquired|bought|taken\s+over|merge|sell|buy|acquire|"
                r"take\s+over)\b|(?:to\s+)?(?:an?|the)\s+(?:[\w$,.-]+\s+){0,3}?"
                r"(?:deal|merger|takeover|sale|buyout)\b)")
# An election or its polling, and a phrase of where or what before what is said of it ("the 4th
# parliamentary election of Turkmenistan ended"); no other words, which may be a clause of
# their own ("polls show the gap has closed": opinion polls).
_BALLOT = (r"\b(?:elections?|vote|voting|polling|polls|balloting)\b"
           r"(?P<said_of>(?:\s+(?:of|in|for)(?:\s+[\w'’-]+){1,3}?)?)")
# What ends before the polls close: "the election campaign ended on Friday", "early voting
# in the election ended".
_BEFORE_THE_POLLS = re.compile(r"\b(?:campaign\w*|early\s+voting)\b", re.IGNORECASE)
STATE_KINDS: dict[str, StateKind] = {
    "at large": StateKind(
        re.compile(r"\b(?:on the (?:run|loose|lam)|at large|(?:a|the) fugitive|escapee|manhunt|"
                   r"(?:is|are|was|were|being) (?:sought|hunted)|"
                   rf"(?:search(?:ing|ed|es)? for|in search of) (?:an?|the) (?:[\w-]+ ){{0,3}}?"
                   rf"(?:{SOUGHT_ROLES})|"
                   r"(?:not|no (?:one|suspects?)) (?:has |have |had |was |were )?"
                   r"(?:yet |immediately |been )*(?:taken into custody|arrested|caught|"
                   r"captured|apprehended)|no arrests (?:have |had )?(?:yet |been )*made)\b",
                   re.IGNORECASE),
        re.compile(r"\b(?:(?:re)?captured|caught|apprehended|arrested|surrendered|"
                   r"turned (?:himself|herself|themselves) in|taken into custody)\b",
                   re.IGNORECASE),
        re.compile(r"\b(?:captur|recaptur|caught|catch|apprehen|arrest|surrender|custody|"
                   r"turn\w* (?:himself|herself|themselves) in)", re.IGNORECASE)),
    "out of service": StateKind(
        re.compile(r"\b(?:outages?|downtime|offline|disrupted|blacked out|"
                   r"without (?:power|electricity|service|internet)|"
                   r"experienc(?:ing|ed|es?) (?:problems|difficulties|an outage)|"
                   r"(?:is|are|was|were|remains?|remained) (?:still )?down)\b"
                   r"(?!\s+(?:to|from|the|in|at|by|on|\d))",  # "went down to the floor"
                   re.IGNORECASE),
        re.compile(r"\b(?:restored|repaired|reconnected|back (?:online|on ?line|up|in service)"
                   r"(?!\s+(?:to|the|and|on|at|in|from|by|a)\b)|"  # "headed back up to the floor"
                   r"(?:was|were|is|are|been) (?:\w+ly )?(?:fixed|resolved))\b", re.IGNORECASE),
        re.compile(r"\b(?:restor|repair|reconnect|back (?:online|on ?line|up|in service)|fix|"
                   r"resolv)", re.IGNORECASE)),
    # Held after an arrest, then out on bail or freed: "is in custody", "held without bail",
    # "is being held on $300 bond" (a bond set and not yet posted) / "was released on a $10,000
    # bond", "has since been released from jail", "walked out of the county jail" ("after
    # posting a bond" alone takes its tense from the clause it leans on: "hopes to walk out
    # after posting a bond" is no release).
    # The arrest alone is no state in force: a later report may tell it as the past ("was
    # arrested in June") beside an earlier one that tells the bail. Only a release from custody
    # ends it ("released a statement" is none), never one told as background ("who was
    # released from jail in 2009": ``_RELEASED_BEFORE``).
    "held": StateKind(
        re.compile(r"\b(?:jailed|in (?:police |federal |state |county )?(?:custody|jail)|"
                   r"behind bars|held (?:without (?:bail|bond)|in (?:the )?(?:[\w-]+ ){0,2}?"
                   r"(?:jail|custody|detention)|"
                   r"(?:on|in lieu of) (?:a )?\$[\d,.]+(?: million)? (?:bail|bond)))\b",
                   re.IGNORECASE),
        re.compile(rf"{_RELEASED_BEFORE}\b(?:released (?:on (?:(?:a )?\$?[\d,.]+(?: million)? )?"
                   r"(?:bail|bond)|from (?:jail|custody|detention)|after posting (?:bail|bond))|"
                   r"freed on (?:bail|bond)|bonded out|"
                   r"posted (?:an? )?(?:\$?[\d,.]+ )?(?:bail|bond)|"
                   r"walked out of (?:the )?(?:[\w'’-]+ ){0,3}?jail|"
                   r"made bail|out on (?:bail|bond))\b", re.IGNORECASE),
        re.compile(rf"{_RELEASED_BEFORE}\b(?:releas\w* (?:on (?:[\w$,.]+ ){{0,2}}?(?:bail|bond)|"
                   r"from (?:jail|custody|detention)|after posting)|freed on|bond\w* out|"
                   r"post\w* (?:an? )?(?:\$?[\d,.]+ )?(?:bail|bond)|"
                   r"walk\w* out of (?:the )?(?:[\w'’-]+ ){0,3}?jail|made bail|"
                   r"out on (?:bail|bond))",
                   re.IGNORECASE)),
    # A child the state took into its care, then given back: "was placed into state custody",
    # "in foster care" / "has regained custody of the child", "was returned to her mother".
    "in care": StateKind(
        re.compile(r"\b(?:(?:in|into) (?:the )?(?:state|protective|foster|state's) "
                   r"(?:custody|care)|"
                   r"taken into care|in the custody of (?:the state|child protective services))\b",
                   re.IGNORECASE),
        re.compile(r"\b(?:regain(?:ed|s)? custody|w[oi]n back custody|"
                   r"(?:was|were|been|is|are) returned to (?:his|her|their) "
                   r"(?:mother|father|parents|mom|dad|family))\b", re.IGNORECASE),
        re.compile(r"\b(?:regain\w* custody|w[oi]n\w* back custody|"
                   r"return\w* to (?:his|her|their) (?:mother|father|parents|mom|dad|family))",
                   re.IGNORECASE)),
    # Gravely ill or hurt, then dead, out of hospital, upgraded or awake: "remains in critical
    # condition", "in a medically induced coma", "on life support" / "died Sunday", "was
    # released from the hospital", "upgraded to fair condition", "regained consciousness".
    # One person's fate: ``developments.states_ended`` asks both statements to name that one
    # person and no other, as a report that one victim died and another is critical tells two.
    "gravely ill": StateKind(
        re.compile(r"\b(?:in (?:critical|serious|grave) condition|"
                   r"in (?:a |an )?(?:medically |drug-)?(?:induced )?coma|on (?:a )?life support|"
                   r"in intensive care|fighting for (?:his|her|their) li(?:fe|ves))\b",
                   re.IGNORECASE),
        re.compile(r"\b(?:died|passed away|succumbed|(?:was|were) pronounced dead|"
                   r"(?:released|discharged) from (?:the )?hospital|"
                   r"upgraded to (?:stable|fair|good|serious)|"
                   r"(?:came|come) out of (?:a|the|his|her) coma|regained consciousness)\b",
                   re.IGNORECASE),
        re.compile(r"\b(?:d(?:ie[sd]?|ying)\b|pass\w* away|succumb|pronounced dead|"
                   r"(?:releas|discharg)\w* from (?:the )?hospital|upgrad\w* to|"
                   r"(?:came|come|comes|coming) out of (?:a|the|his|her) coma|"
                   r"regain\w* consciousness)", re.IGNORECASE)),
    "in talks": StateKind(
        re.compile(rf"\b(?:in (?:\w+ )?{_TALKS}|negotiating (?:to|with|for|over)|"
                   rf"locked in (?:\w+ )?{_TALKS}|close to (?:signing|a deal|an agreement)|"
                   r"no deal has (?:yet )?been (?:signed|reached)|not (?:yet )?signed on)\b",
                   re.IGNORECASE),
        re.compile(rf"\b(?:(?:pulled|pulls|dropped) out of {_TALKS}|"
                   rf"(?:walked|stepped|backed) away from {_TALKS}|broke off {_TALKS}|"
                   r"(?:talks|negotiations) (?:collapsed|broke down|fell through)|"
                   r"decided not to|(?:was|were|has been|have been) hired|"
                   r"(?:signed|reached|struck|clinched|sealed) (?:an?|the) (?:[\w-]+ ){0,2}?"
                   rf"(?:deal|contract|agreement)|agreed\s+{_DEAL_AGREED})\b", re.IGNORECASE),
        re.compile(r"\b(?:pull\w* out|drop\w* out|walk\w* away|stepp?\w* away|back\w* away|"
                   r"broke off|broken off|collaps|broke down|fell through|decid\w* not|hired|"
                   rf"signed|sealed|clinched|struck a|agree\w*\s+{_DEAL_AGREED})", re.IGNORECASE)),
    # An offer or bid made and standing, then taken back: "the club has made an eight-year
    # offer", "offered him a four-year contract", "offered $160 million" / "have withdrawn their
    # offer", "pulled its bid", "withdrew from the bidding". Whose offer it is, the party named
    # right before the withdrawal, is ``developments._one_bidder``'s to ask.
    "bidding": StateKind(
        re.compile(r"\b(?:(?:made|make|makes|making|put in|submitted|extended|presented)\s+"
                   r"(?:an?|the|their|its|his|her)\s+(?:[\w$,.-]+\s+){0,4}?(?:offer|bid)s?|"
                   r"offer(?:ed|s)\s+(?:[\w$,.'’-]+\s+){0,6}?(?:(?:[\w-]+\s+)?(?:contract|deal)|"
                   r"\$\s?\d))", re.IGNORECASE),
        re.compile(_BID_TAKEN_BACK, re.IGNORECASE),
        re.compile(r"\b(?:withdr[ae]w|pull\w*\s+(?:(?:their|its|his|her|the|an?)\s+)?"
                   r"(?:[\w$,.-]+\s+){0,3}?(?:offer|bid)|rescind|revok)", re.IGNORECASE)),
    # Voting under way or due, then over: "Turkmens go to the polls Sunday", "voters are going
    # to the polls", "polls are open" / "the parliamentary election ended Sunday evening", "the
    # election is over", "polls closed at 8 p.m.". Not "went to the polls": a report after the
    # vote tells it so. A campaign or early voting ends before the polls do
    # (``_before_the_polls``).
    "voting": StateKind(
        re.compile(r"\b(?:(?:go|goes|going|head|heads|heading)\s+to\s+the\s+polls|"
                   r"polls\s+(?:are|remain)\s+open|voting\s+is\s+under\s*way)\b",
                   re.IGNORECASE),
        re.compile(rf"{_BALLOT}\s+(?:(?:has|have|had)\s+)?(?:ended|closed|concluded|"
                   r"(?:is|was|are|were)\s+(?:now\s+)?over)\b"
                   r"(?!\s+(?:the|a|an|its|their|his|her|in\s+on)\b)", re.IGNORECASE),
        re.compile(rf"{_BALLOT}\s+(?:(?:will|would|to|is|are|was|were|has|have|had|be|been)\s+)*"
                   r"(?:end|clos|conclu|over\b)", re.IGNORECASE)),
}
# States that begin with an event a report of their end may tell too ("was jailed Monday and
# released on bail Tuesday"): the two may share that event, so they are left to the aligner.
_EVENT_STATES = frozenset({"held"})
# States of one person that a report of another's end tells beside it ("two officers died and
# the chief remains in critical condition"): such a statement still tells the state, and may
# corroborate another report of it.
PEOPLES_FATES = frozenset({"gravely ill"})


# Talks taken up again after a walk-out: "will resume negotiating with Lionsgate", "is set to meet
# ... to resume negotiations", "talks resumed", "will be back at the negotiating table" (never
# "talks could resume"). The word presumes the talks had stopped, so a report of it comes after
# the end another report gives.
_RESUMED_TALKS = re.compile(
    r"\b(?:resum(?:e|es|ed|ing)\s+(?:the\s+)?(?:talks|negotiat\w+)|"
    r"(?:talks|negotiations)\s+(?:will\s+|(?:are|were)\s+(?:set|due|expected)\s+to\s+|"
    r"ha(?:ve|d)\s+)?resum(?:e|ed)|"
    r"(?:back|return\w*)\s+(?:at|to)\s+the\s+(?:negotiating\s+)?table)\b", re.IGNORECASE)
# Before a resumption, what makes it none: denied, refused, a condition or a mere possibility
# ("will not resume talks", "refused to resume negotiations", "could resume talks if").
_NO_RESUMPTION = re.compile(
    r"\b(?:not|never|no|n't|refus\w*|reject\w*|if|unless|whether|could|may|might)\b"
    r"(?:\W+\w+){0,3}\W*$", re.IGNORECASE)


def resumes_talks(text: str) -> bool:
    """Does the statement say talks are taken up again, not denied nor only possible?"""
    return any(not _NO_RESUMPTION.search(text, 0, found.start())
               for found in _RESUMED_TALKS.finditer(text))


# Right before an end, words that make it no end done: a modal, an infinitive ("managed to
# restore", "to be captured"), a negation ("was not caught").
_NOT_DONE = re.compile(r"\b(?:to|will|would|could|can|may|might|should|must|not|never|no|"
                       r"yet|cannot|n't)\s+(?:(?:be|have|been|get)\s+)*(?:\w+ly\s+)?$",
                       re.IGNORECASE)
# Background of the past, neither a state in force nor what became of something open: "In
# recent years, the country has lost Internet service ...", "The last time the two teams
# played, Indiana State made Creighton look completely lost", "Thomas initially was hurt in an
# overtime loss in Week 3" (not what "Thomas' absence will hurt" came to).
_PAST = re.compile(r"\b(?:in (?:recent|past|previous) (?:years|months)|in the past|"
                   r"(?:years|months) (?:ago|earlier|before)|previously|before that|"
                   r"(?:last|that) year|the (?:last|previous) time|initially|originally|"
                   r"at first)\b", re.IGNORECASE)
# Days from a dated report of a state in force to a dated report of its end beyond which the
# two are taken for two episodes (an outage in August, another in October): someone at large
# or a service out is news for days or weeks; longer processes are the ladders' business.
STATE_DAYS = 31


# Where a clause that tells something else begins, after a state or its end: a relative clause
# ("in search of the gunman, who apparently surprised the deputy"), a clause joined by "and" or
# "but" after a comma or a dash ("is in negotiations to return - - and the deal likely hinges on
# money"), a contrast ("although"), a semicolon. A hedge there hedges the other clause only.
_CLAUSE_AFTER = re.compile(
    r";|,\s*(?:who|whom|whose|which|where|and|but|although|though|while|whereas)\b|"
    r"\s-\s*-?\s*and\b|\b(?:although|though|whereas|but)\b", re.IGNORECASE)
# ... and before it, only a contrast or a semicolon: "Authorities believe they know the
# shooter, although the person was not taken into custody". A comma and "and" before it may
# close a list ("police believe Smith, Jones, and Brown are at large"), which the hedge covers.
_CLAUSE_BEFORE = re.compile(r";|\b(?:although|though|whereas|but)\b", re.IGNORECASE)


def hedged_at(text: str, start: int, end: int) -> bool:
    """Does a hedge cover the words ``text[start:end]``: a hedge of their own clause
    (``hedges``; "the suspect" is none), not one of a clause beside it (``_CLAUSE_BEFORE``,
    ``_CLAUSE_AFTER``)?"""
    before = [m.end() for m in _CLAUSE_BEFORE.finditer(text, 0, start)]
    after = _CLAUSE_AFTER.search(text, end)
    clause = text[before[-1] if before else 0 : after.start() if after else len(text)]
    return hedges(without_hedge_lookalikes(without_suspects(clause)))


# Words a hedge's words stand in that hedge nothing: "ended Sunday evening as scheduled" (it
# happened as foreseen), "voters are going to the polls" (a motion to a place, not the future's
# "going to" before a verb).
_HEDGE_LOOKALIKE = re.compile(
    r"\bas\s+(?:scheduled|planned|expected)\b|"
    r"\bgoing\s+to(?=\s+(?:the|a|an|his|her|their|its)\b)", re.IGNORECASE)


def without_hedge_lookalikes(text: str) -> str:
    """The clause with words that only look like a hedge blanked (``_HEDGE_LOOKALIKE``), for
    ``hedges`` to read."""
    return _HEDGE_LOOKALIKE.sub(lambda m: " " * len(m.group()), text)


@lru_cache(maxsize=4096)  # asked of each statement by named_changes, states_ended, the order
def state_ended(text: str) -> tuple[str, re.Match[str]] | None:
    """The kind of state a statement says ended, and where, when it says so as done, neither
    hedged (in its own clause: ``hedged_at``) nor negated nor looked ahead ("could be caught",
    "was not restored", "to be restored"): "was captured Monday", "services were restored"."""
    for kind, states in STATE_KINDS.items():
        for found in states.ended.finditer(text):
            if _ends_as_done(text, found, kind):
                return kind, found
    return None


def _inside(found: re.Match[str], spans: Sequence[tuple[int, int]]) -> bool:
    return any(start <= found.start() and found.end() <= end for start, end in spans)


def ends_an_event_state(text: str) -> bool:
    """Does the statement tell, as done, the end of a state that began with an event ("was
    released on bail"), even beside the end of another ("was arrested and released on bail")?
    Its report comes after one that tells the state ("is held in the county jail after he was
    arrested"), which reads as an end too (of being at large)."""
    return any(_ends_as_done(text, found, kind) for kind in _EVENT_STATES
               for found in STATE_KINDS[kind].ended.finditer(text))


def _ends_as_done(text: str, found: re.Match[str], kind: str) -> bool:
    in_force = [m.span() for m in STATE_KINDS[kind].in_force.finditer(text)]
    return (not _NOT_DONE.search(text, 0, found.start()) and not _inside(found, in_force)
            and not hedged_at(text, *found.span()) and not _two_fates(text, kind, in_force)
            and not _before_the_polls(text, kind))


def _before_the_polls(text: str, kind: str) -> bool:
    """Does the statement tell the end of what ends before the polls close, a campaign or
    early voting ("Early voting in the election ended on Friday")? Then it ends no vote."""
    return kind == "voting" and _BEFORE_THE_POLLS.search(text) is not None


def _two_fates(text: str, kind: str, in_force: Sequence[tuple[int, int]]) -> bool:
    """Does the statement tell one person's state in force beside another's end ("Tom Tennant
    died at the scene; Chief Scott Russell remains in critical condition")? Then it is no end
    of the state it tells."""
    return kind in PEOPLES_FATES and bool(in_force)


def names_an_end(text: str, kind: str) -> bool:
    """Does the statement name an end of a state of ``kind`` in any form, hedged or ahead too
    ("managed to restore 83%", "could be caught"), outside the words of the state in force
    ("was not immediately taken into custody" names the state, not its end)?"""
    in_force = [m.span() for m in STATE_KINDS[kind].in_force.finditer(text)]
    return any(not _inside(found, in_force) for found in STATE_KINDS[kind].any_end.finditer(text))


def states_and_ends(texts: Sequence[str]) -> list[tuple[int, int]]:
    """The pairs of statements of which one tells a state in force and the other names its end,
    in any form ("Berg is in negotiations to direct the sequel" / "Berg has pulled out of
    negotiations to direct the sequel"; "the gunman is at large" / "the gunman was arrested"):
    they share nearly every word, yet one is not the other's fact, so they never corroborate;
    the change between them is a development's business."""
    pairs = []
    for kind, states in STATE_KINDS.items():
        state = states.in_force
        ends = {i for i, text in enumerate(texts) if names_an_end(text, kind)}
        in_force = [i for i, text in enumerate(texts) if i not in ends and state.search(text)]
        pairs += [(i, j) for i in in_force for j in ends
                  if not (kind in _EVENT_STATES | PEOPLES_FATES and state.search(texts[j]))]
    return pairs


# "The suspect", "a suspect", "no suspects": the noun names a person sought or held, no hedge of
# what is said of him ("A suspect has been arrested" is an arrest told as done).
_SUSPECT_NOUN = re.compile(r"\b(?:the|a|an|no|main|prime|key|other|any)\s+suspects?\b",
                           re.IGNORECASE)


def without_suspects(text: str) -> str:
    """The statement with "the suspect" and the like blanked, for ``hedges`` to read: the noun
    is no verb of suspicion."""
    return _SUSPECT_NOUN.sub(lambda m: " " * len(m.group()), text)


def within_an_episode(state: str | None, end: str | None) -> bool:
    """May a state reported on day ``state`` be the one an end reported on day ``end`` ended:
    not reported after it, nor more than ``STATE_DAYS`` before it (an undated one may)?"""
    if not (state and end):
        return True
    return 0 <= (date.fromisoformat(end) - date.fromisoformat(state)).days <= STATE_DAYS


def tells_the_past(text: str) -> bool:
    """Does the statement tell of the past as background ("in recent years", "the last time the
    two teams played")?"""
    return _PAST.search(text) is not None


def with_antecedents(
    statements: Sequence[Span], actors: Sequence[frozenset[str]], people: Sequence[frozenset[str]]
) -> list[frozenset[str]]:
    """Each statement's actors, a statement that opens with "he" or "she" given the people the
    last statement before it in its article names: "He's expected to be charged" after
    "Police arrested LaSalle"."""
    found, last = [], {}
    for statement, mine, persons in zip(statements, actors, people, strict=True):
        if _PRONOUN.match(statement.text) and not persons:
            mine = mine | last.get(statement.doc, frozenset())
        if persons:
            last[statement.doc] = persons
        found.append(mine)
    return found


def open_outcomes(
    statements: Sequence[Span],
    actors: Sequence[frozenset[str]],
    articles: dict[str, Article],
    cosine: Callable[[int, int], float],
    related: Callable[[int, int], bool],
    people: Sequence[frozenset[str]] | None = None,
) -> list[list[int]]:
    """Groups of statements (indices): what one statement left open and the statements of
    other articles that settle it, what was open first. ``actors[i]`` are the resolved actors
    statement ``i`` names (pronouns read), ``people[i]`` the people among them as written;
    ``cosine(i, j)`` their closeness in meaning; ``related(i, j)``: about the same thing. An
    outcome told of another year or of the past is background, not what became of it
    (``_of_another_year``, ``tells_the_past``); a state's end reported long after the
    expectation ends another episode ("services will be restored as soon as possible" in
    August, "restored on 11 October": ``within_an_episode``)."""
    opens = [left_open(s.text) for s in statements]
    stems = [set(content_stems(s.text)) for s in statements]

    def about_one_thing(i: int, j: int, what: Open) -> bool:
        """Who or what the open statement is about is what the other is about: one actor
        (resolved) with a specific act ("LaSalle is expected to be charged" / "LaSalle was
        charged"), else close in meaning and one subject word, one object word of a specific
        act ("recovering the body" / "removed the body") or a state's end ("reopened");
        otherwise one actor and related as a whole. Two statements that each name people,
        none of them shared nor a word of the open one's subject, are about different people
        ("Brisk is expected to be charged with kidnapping" / "Vaal was charged with
        kidnapping"; but "the taxi might have been propane-powered, Sheahan said" / "Shaver
        said the taxi was not fueled by propane": one taxi, two speakers)."""
        shared_actor = bool(actors[i] & actors[j])
        if (people is not None and people[i] and people[j] and not shared_actor
                and not what.subject & stems[j]):
            return False
        shared = what.subject & stems[j]
        by_subject = bool(shared) and (not what.head or what.head in shared or len(shared) > 1)
        if what.intention:  # its subject's head word: a long subject shares words by chance
            return (shared_actor or what.head in stems[j]
                    or ends_a_state(statements[j].text, what)) and cosine(i, j) >= OUTCOME_COSINE
        if shared_actor and what.specific:
            return True
        if (by_subject or (what.specific and what.object & stems[j])
                or ends_a_state(statements[j].text, what)):
            return cosine(i, j) >= OUTCOME_COSINE
        return shared_actor and related(i, j)

    links: dict[int, set[int]] = {}
    for i, what in enumerate(opens):
        if what is None:
            continue
        for j, outcome in enumerate(statements):
            if (outcome.doc == statements[i].doc or opens[j] is not None
                    or not settles(outcome.text, what) or not about_one_thing(i, j, what)
                    or _reported_before(outcome, statements[i], articles)
                    or _of_another_year(outcome, statements[i], articles)
                    or tells_the_past(outcome.text) or _told_already(statements[i].text,
                                                                   outcome.text, what)
                    or (state_ended(outcome.text) and not within_an_episode(
                        report_day(articles[statements[i].doc]), report_day(articles[outcome.doc])))
                    or (what.later_day and not _reported_after(outcome, statements[i], articles))):
                continue
            if what.speculation and not (denies_or_confirms(outcome.text, what) and (
                    _ANSWERS.search(outcome.text)
                    or _CONFIRMATIONS & set(letter_words(outcome.text))
                    or _reported_after(outcome, statements[i], articles))):
                continue
            links.setdefault(i, set()).add(j)
            links.setdefault(j, set()).add(i)
    return [sorted(group, key=lambda n: (opens[n] is None, n)) for group in linked_groups(links)]


def _told_already(opened: str, outcome: str, what: Open) -> bool:
    """Does the open statement itself state done, before its cue, every act of ``what``'s
    family the outcome states? Then the outcome tells what was known when it was left open,
    not what became of it: "restored all their business customers on alternate routes
    following an outage expected to extend into next week" is not settled by "had restored
    services to its business customers via alternate routes on 14 October", but by "was
    repaired". A speculation likewise: "the rebels seized one depot, but may have seized more"
    is not settled by "confirmed that the rebels had seized one depot"."""
    if not what.specific:
        return False  # an act of no family: its words are no act done
    cues = [m.start() for cue in (_HELD, _SUSPECTED, _EXPECTATION, _UNDER_WAY, _WORKED_AT,
                                  _SPECULATION)
            if (m := cue.search(opened))]
    said = what.settled_by & _done(outcome)
    # only before the cue: what follows it is what was left open ("expected to be arraigned
    # on two murder charges" states no charge done)
    return bool(said) and said <= _done(opened[: min(cues, default=len(opened))])


def linked_groups(links: dict[int, set[int]]) -> list[set[int]]:
    """The groups that links join (each link given both ways)."""
    groups, seen = [], set()
    for first in links:
        if first in seen:
            continue
        group, frontier = set(), [first]
        while frontier:
            n = frontier.pop()
            if n not in group:
                group.add(n)
                frontier.extend(links[n] - group)
        seen |= group
        groups.append(group)
    return groups


# A year a statement names ("released from a mental hospital in 1992", "In 2005, HBO Films
# released the film").
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _of_another_year(outcome: Span, opened: Span, articles: dict[str, Article]) -> bool:
    """Does the outcome tell of a year the open statement does not name, nor its own report's
    date: background ("was set to be released on 2 December" is not settled by "after being
    released from a mental hospital in 1992")?"""
    years = set(_YEAR.findall(outcome.text)) - set(_YEAR.findall(opened.text))
    day = report_day(articles[outcome.doc])
    return bool(years - {day[:4]} if day else years)


def report_day(article: Article) -> str | None:
    """The day an article was reported (ISO date), when its date is known."""
    return article.date[:10] if article.date else None


def _reported_before(later: Span, earlier: Span, articles: dict[str, Article]) -> bool:
    day_later, day_earlier = report_day(articles[later.doc]), report_day(articles[earlier.doc])
    return bool(day_later and day_earlier and day_later < day_earlier)


def _reported_after(later: Span, earlier: Span, articles: dict[str, Article]) -> bool:
    return _reported_before(earlier, later, articles)
