"""Developments: where reports differ because time passed, not because sources disagree.

A toll of 65 that police later "backed off" to 60, identified bodies rising from 14 to 18, a remark
its speaker retracted: an analyst wants these as the fact's history, in order, not as a
contradiction. Two differing reports of one fact are a development when

- they come from one source (an outlet's successive reports update it; it does not contradict
  itself),
- they were reported on different days (the articles' own dates), or
- one of them says the value changed or was corrected ("rose to", "revised", "backed off",
  "now", "retracted"): that one is the later report.

Otherwise, reported the same day by different sources with no word of change, they contradict.

A development is also what one report left open (expected, pending, supposed) and what a
later one says became of it (``compare.outcomes``), and a figure a later report names as the
value it replaced ("updated from $586 million a day earlier", ``revisions``) with the report
that gave it; and a state a later report says changed ("weakened to a Category 2", "has been
cancelled", "postponed", "no longer planning to") with another article's statement of the state
it changed from (``named_changes``): the later report names the change, so no date is needed.
And a death toll told on different days in other words ("the death toll, as of Friday, is
estimated to be 110,000", a week later "as many as 200,000 people were killed by the tremors,
which struck on January 12"), which the same-fact test of ``compare.figures`` does not join
(``tolls_moved_on``). And a claim a later report says its maker retracted ("retracted claims
Woods had been suspended by the tour") with the reports that told it (``retracted_claims``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from newsprism.analyse.dates import MONTHS
from newsprism.analyse.figures import vague
from newsprism.compare.figures import counts_a_part, frames_of, in_change, quantity
from newsprism.compare.outcomes import (
    PEOPLES_FATES,
    SOUGHT_ROLES,
    STATE_KINDS,
    content_stems,
    ends_an_event_state,
    hedged_at,
    hedges,
    linked_groups,
    looks_ahead,
    names_an_end,
    report_day,
    resumes_talks,
    state_ended,
    tells_the_past,
    within_an_episode,
)
from newsprism.ingest.dates import WEEKDAYS
from newsprism.model import Article, Figure, Report, Span
from newsprism.negation import NEGATIONS
from newsprism.summarize.words import letter_words

# Words that say a value or a claim moved since an earlier report. Matched as whole words,
# case-insensitively, in the sentence that holds the later value.
_CHANGE = re.compile(
    r"\b(?:revis(?:ed|es|ing)|updat(?:ed|es|ing)|correct(?:ed|s|ion)|amend(?:ed|s)|"
    r"r(?:ose|isen|ises|ising)|climb(?:ed|s|ing)|jump(?:ed|s)|s(?:oared|urged)|"
    r"increas(?:ed|es|ing)|(?:went|gone|goes) up|grew|grown|"
    r"f(?:ell|allen|alls)|dropp(?:ed|ing)|declin(?:ed|es)|decreas(?:ed|es)|lowered|raised|"
    r"backed (?:off|down)|scaled back|walked back|took back|taken back|"
    r"retract(?:ed|s|ion)|withdr(?:ew|awn)|recant(?:ed|s)|"
    r"now|later|since then|has since|have since|initially|originally|at first|"
    r"earlier (?:reported|said|put|estimated|given)|up from|down from)\b",
    re.IGNORECASE,
)
# Words that take a remark or claim back: a statement and its retraction are a development.
_RETRACTION = re.compile(
    r"\b(?:retract(?:ed|s|ion)?|withdr(?:ew|awn|aws)|recant(?:ed|s)?|walked back|took back|"
    r"backed (?:off|away from)|corrected|correction|clarified|apologi[sz]ed for)\b",
    re.IGNORECASE,
)


def says_change(text: str) -> bool:
    """Does the passage say that a value or claim changed since an earlier report?"""
    return bool(_CHANGE.search(text))


def says_retraction(text: str) -> bool:
    """Does the passage take back, correct or retract a remark or claim?"""
    return bool(_RETRACTION.search(text))


def retracts_another(support: Sequence[Span]) -> bool:
    """Does a statement of an aligned group take back a remark or claim that another one
    states? Not one whose words all stand, in order, inside a statement that retracts: that is
    the same remark quoted at less length ("And I apologize to the tour" of "I want to make a
    full retraction, and I apologize to the tour"), not what was taken back."""
    retracting = [letter_words(s.text) for s in support if says_retraction(s.text)]
    return bool(retracting) and any(
        not says_retraction(s.text)
        and not any(_run_within(letter_words(s.text), words) for words in retracting)
        for s in support)


def _run_within(part: list[str], whole: list[str]) -> bool:
    """Do the words ``part`` stand together, in order, inside ``whole``?"""
    return bool(part) and any(whole[k : k + len(part)] == part
                              for k in range(len(whole) - len(part) + 1))


def on_different_days(a: Span, b: Span, articles: dict[str, Article]) -> bool:
    """Were the two passages reported on different days (both articles dated)?"""
    day_a, day_b = report_day(articles[a.doc]), report_day(articles[b.doc])
    return bool(day_a and day_b and day_a != day_b)


def is_development(
    a: Span, b: Span, articles: dict[str, Article], sources: dict[str, str]
) -> bool:
    """Do two passages that differ on one fact differ because time passed?"""
    if sources[a.doc] == sources[b.doc] or on_different_days(a, b, articles):
        return True
    return says_change(a.text) != says_change(b.text) or says_retraction(a.text) != (
        says_retraction(b.text)
    )


def in_report_order(
    steps: Sequence[tuple[Span, str]], articles: dict[str, Article]
) -> tuple[Report, ...]:
    """The steps ``(passage, value)`` as a history, earliest report first: by the articles'
    dates where known; on the same day (or undated), what was expected before what happened,
    and a passage that says the value changed after one that does not; otherwise in the
    articles' order. An undated step among dated ones stands where its words put it: one that
    says a change or an end ("had stepped away from negotiations") on the last day the others
    give, any other on the first, never before every dated step for want of a date."""
    order = {doc: n for n, doc in enumerate(articles)}
    days = sorted(day for span, _ in steps if (day := report_day(articles[span.doc])))

    def key(step: tuple[Span, str]) -> tuple[str, bool, bool, bool, bool, int, int]:
        span = step[0]
        # talks taken up again come after their end, even told ahead ("will resume")
        resumed = resumes_talks(span.text)
        happened = resumed or not looks_ahead(span.text)
        later = resumed or (says_change(span.text) or says_retraction(span.text)
                            or names_change(span.text) is not None
                            or state_ended(span.text) is not None)
        undated = (days[-1] if later else days[0]) if days else ""
        day = report_day(articles[span.doc]) or undated
        # a release on bail comes after the custody another report tells with the arrest
        released = ends_an_event_state(span.text)
        return day, happened, later, released, resumed, order[span.doc], span.start

    ordered = sorted(dict.fromkeys(steps), key=key)
    return tuple(Report(span, value, report_day(articles[span.doc])) for span, value in ordered)


# Right before a figure, words that make it the value an earlier report gave: "updated from
# $586 million", "up from 19", "revised down from 65", "rose to 29 from 19". The statement that
# holds it reports the value it replaced, so another article giving that value is the earlier
# report of one fact.
_EARLIER_VALUE = re.compile(
    r"\b(?:up|down|updat(?:ed|ing)|revis(?:ed|ing)|rais(?:ed|ing)|lower(?:ed|ing)|"
    r"increas(?:ed|ing)|decreas(?:ed|ing)|r(?:ose|isen|ising)|f(?:ell|allen|alling)|"
    r"climb(?:ed|ing)|dropp(?:ed|ing)|jump(?:ed|ing)|swell(?:ed|ing)|grew|grown)\b"
    r"[^.;:!?]{0,30}?\bfrom\s+(?:an?\s+|the\s+)?(?:(?:earlier|previous|initial)\s+[\w-]+\s+"
    r"of\s+)?$",
    re.IGNORECASE,
)
REVISION_REACH = 80  # characters before a figure in which "up from" and the like are read
# Right after a replaced value, a period it was the value of ("fell from €24.2m in 2014",
# "up from $4bn a year earlier", "last quarter"): two periods' values compared, two
# quantities, not an earlier report revised.
_PERIOD_AFTER = re.compile(
    r"\W*(?:\([^)]*\)\s*)?(?:(?:in|for|during)\s+(?:\d{4}|the\s+(?:same|previous|prior|"
    r"last|first|second|third|fourth)\b)|(?:a|one|the)\s+(?:year|quarter|month)\s+"
    r"(?:earlier|before|ago)|(?:last|this|the previous|the prior)\s+(?:year|quarter|month|"
    r"season)|\d{4}\b)",
    re.IGNORECASE,
)
CLOSE_VALUES = 0.01  # two figures this close (a share of the larger) give one value rounded


def replaced_value(figure: Figure, article: Article) -> bool:
    """Is the figure the value an earlier report gave, named as replaced ("updated from $586
    million", "up from 19"), not a past period's value ("fell from €24.2m in 2014")?"""
    return bool(_EARLIER_VALUE.search(
        article.text[max(0, figure.start - REVISION_REACH) : figure.start])) and not (
        _PERIOD_AFTER.match(article.text, figure.end))


def _close(a: Figure, b: Figure) -> bool:
    return a.unit == b.unit and abs(a.value - b.value) <= CLOSE_VALUES * max(abs(a.value),
                                                                                abs(b.value))


def revisions(
    figures: Sequence[Figure],
    holders: dict[tuple[str, int], list[int]],
    articles: dict[str, Article],
    related: Callable[[int, int], bool],
) -> list[tuple[int, Figure, int, Figure]]:
    """Figures revised between reports: ``(i, old, j, new)`` where statement ``j`` gives a new
    value ``new`` and names ``old``'s value as the one it replaced, and statement ``i`` of
    another article gives ``old``, that value in that unit, about the same thing
    (``related``), its article not giving the new value too (then it tells the same change).
    ``holders``: each figure's statements, by its article and start. The later report says so
    itself, so no date is needed."""
    holder = {f: next(iter(holders[(f.doc, f.start)]), None) for f in figures}
    found = []
    for cited in figures:
        j = holder[cited]
        if j is None or vague(cited.text) or not replaced_value(cited, articles[cited.doc]):
            continue
        new = next((f for f in figures if holder[f] == j and f is not cited
                    and f.unit == cited.unit and f.value != cited.value
                    and not replaced_value(f, articles[f.doc])), None)
        if new is None:
            continue
        for old in figures:
            i = holder[old]
            if (i is not None and old.doc != cited.doc and old.value == cited.value
                    and old.unit == cited.unit and not vague(old.text)
                    and not replaced_value(old, articles[old.doc]) and related(i, j)
                    # an article that gives the new value too tells the same change
                    and not any(f.doc == old.doc and _close(f, new) for f in figures)):
                found.append((i, old, j, new))
    return found


# A later report that names the end of what was scheduled or in force: "the dedication was
# postponed", "a Missouri Amber Alert has been cancelled", "the strike was called off".
_ENDED = re.compile(
    r"\b(?:postpon(?:ed|es)|cancell?ed|called off|scrapped|rescinded|put off)\b", re.IGNORECASE)
# ... or what is no longer so: "Truckers are no longer planning to arrest members of Congress";
# up to the clause's edge: in "no longer owned the truck and has no idea how it ended up abroad"
# only the truck is no longer so.
_NO_LONGER = re.compile(
    r"\bno longer\s+(?P<state>(?:(?!\b(?:and|but|as|after|because|while|when|where)\b)"
    r"[^,;:.?!])+)", re.IGNORECASE)
# A state on a named scale, a word and its step: "Category 3", "Level 4", "Stage II".
_SCALE_STEP = r"(?P<scale>[A-Z][a-z]+)\s+(?P<step>\d+|[IVX]+)\b"
# ... and a later report that says it moved to another step: "Irene weakened slightly to a
# Category 2 storm", "raised the threat to Level 4".
_MOVED_TO = re.compile(
    r"\b(?:weaken(?:ed|s)|strengthen(?:ed|s)|intensifi(?:ed|es)|upgrad(?:ed|es)|"
    r"downgrad(?:ed|es)|rais(?:ed|es)|lower(?:ed|s)|revis(?:ed|es)|reduc(?:ed|es)|"
    r"increas(?:ed|es)|cut)\b[^,;:.?!]{0,40}?\bto\s+(?:an?\s+|the\s+)?" + _SCALE_STEP)
# Where the phrase an end is said of stops: "Maryland and Virginia declared a state of
# emergency and Sunday's dedication of the memorial was postponed" ends of the dedication.
_PHRASE_EDGE = re.compile(r"[,;:]|\b(?:and|but|as|after|because|while|when|where)\b")
# Any form of an end's word, hedged or ahead too ("is canceling", "could be postponed"): an
# earlier statement that says one tells the change, not the state before it.
_ENDING = re.compile(r"\b(?:postpon|cancel|call(?:s|ed|ing)?\s+off|scrap|rescind|put\w*\s+off)",
                     re.IGNORECASE)
# Right before a step, words that make it one ahead, not the state ("growing into a Category
# 4 storm", "could become a Category 4"), or the change itself ("became a Category 2").
_TOWARD = re.compile(r"\b(?:into|to|become|becomes|becoming|became|reach|reaches|reaching)\s+"
                     r"(?:an?\s+|the\s+)?$", re.IGNORECASE)
# A capitalised word inside a phrase: a name ("Missouri"), unless an abbreviated title
# ("Rev.", "Jr.").
_NAMED = re.compile(r"(?<!\w)(?P<name>[A-Z][\w'’-]*)(?P<stop>\.?)")
_PREPOSITION = re.compile(r"\b(?:of|to|for|at|in|on|from|by|with|until|across)\b",
                          re.IGNORECASE)
_PRONOUNS = frozenset({"it", "them", "this", "that", "these", "those", "him", "her"})
_AUXILIARIES = frozenset({"has", "have", "had", "been", "be", "being", "was", "were", "is",
                          "are", "will", "would"})
TITLE_LETTERS = 3  # an abbreviation of at most this many letters and a stop is a title: "Rev."
NEGATION_REACH = 3  # words before a change that negate it: "was not cancelled"
# Right before an end's word, a bare "be": what is asked or proposed, the mandative subjunctive
# ("officials advised that large events be canceled", "asked that the vote be postponed"), never
# a change done ("was postponed", "has been cancelled").
_ASKED = re.compile(r"\bbe\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# Words an earlier statement shares with the clause of an end ("dedication", "memorial") or
# with what is no longer so: one is chance ("Sunday"), two name one thing.
SHARED_WORDS = 2
# Closeness in meaning (MiniLM cosine) from which an earlier statement of a state and a later
# one of its change are about one thing, as ``outcomes.OUTCOME_COSINE``.
CHANGE_COSINE = 0.4


def names_change(text: str) -> re.Match[str] | None:
    """Where the statement names a change of state as done, not hedged or negated ("could be
    postponed", "was not cancelled", "advised that events be canceled"): the end of something,
    what is no longer so, or a move to another step of a scale."""
    if hedges(text):
        return None
    for cue in (_MOVED_TO, _ENDED, _NO_LONGER):
        found = cue.search(text)
        if (found and not NEGATIONS & set(letter_words(text[: found.start()])[-NEGATION_REACH:])
                and not _ASKED.search(text, 0, found.start())):
            return found
    return None


def _phrase_of(text: str, change: re.Match[str]) -> tuple[str, str]:
    """The phrase an end is said of, before and after its word: from the edge before it to the
    one after it (``_PHRASE_EDGE``), "Sunday's dedication of the memorial ... was postponed",
    "Amtrak canceled train departures from Southeastern states"."""
    after = _PHRASE_EDGE.search(text, change.end())
    return (text[_phrase_start(text, change.start()) : change.start()],
            text[change.end() : after.start() if after else len(text)])


def _ended_head(text: str, change: re.Match[str]) -> str | None:
    """The stem of the head noun of what an end is said of: the object after it ("canceled
    train departures from ..."), else, when it names none ("postponed it"), the phrase before
    it, its auxiliaries left out and cut at its first preposition ("Sunday's dedication of the
    memorial ... was postponed": "dedication"; "all football activities have been canceled":
    "activities")."""
    before, after = _phrase_of(text, change)
    words = letter_words(_PREPOSITION.split(after, 1)[0])
    if not words or words[0] in _PRONOUNS:
        words = letter_words(_PREPOSITION.split(before, 1)[0])
    heads = content_stems(" ".join(w for w in words
                                   if w not in _AUXILIARIES and not w.endswith("ly")))
    return heads[-1] if heads else None


def _names(text: str) -> set[str]:
    """The stems of the names a phrase gives inside it (``_NAMED``)."""
    return {stem for found in _NAMED.finditer(text)
            if not (found["stop"] and len(found["name"]) <= TITLE_LETTERS)
            for stem in content_stems(found["name"])}


def _states_before(earlier: str, later: str, change: re.Match[str]) -> bool:
    """Does ``earlier`` state what ``later``'s named ``change`` changed from? Another step of
    the same scale ("a Category 3 hurricane" before "weakened to a Category 2"), with a word of
    the later statement besides the scale, not one ahead ("growing into a Category 4"); the
    phrase of an end in force (two of its words, its head and every name it gives: "the
    dedication of the memorial ... is still on schedule" before "Sunday's dedication of the
    memorial ... was postponed"); what is no longer so, its first word and another, with a word
    of who it was said of."""
    if change.re is _MOVED_TO:
        scale, step = change["scale"], change["step"]
        steps = {m[1] for m in re.finditer(rf"\b{scale}\s+(\d+|[IVX]+)\b", earlier)
                 if not _TOWARD.search(earlier, 0, m.start())}
        others = set(content_stems(later)) - set(content_stems(f"{scale} {change.group(0)}"))
        return bool(steps) and step not in steps and bool(others & set(content_stems(earlier)))
    said = set(content_stems(earlier))
    if change.re is _NO_LONGER:
        state = content_stems(change["state"])
        who = set(content_stems(later[: change.start()]))
        return (len(state) >= SHARED_WORDS and state[0] in said
                and len(said & set(state)) >= SHARED_WORDS and bool(who & said))
    phrase = " ".join(_phrase_of(later, change))
    shared = (set(content_stems(phrase)) - set(content_stems(change.group(0)))) & said
    # a name of the phrase the earlier statement lacks is another thing ended: "a Missouri
    # Amber Alert has been cancelled" is not "an Amber Alert was issued in Tennessee"
    # and its head: "it happened during football practice at Fleming Park" is no state of "all
    # football activities have been canceled ... at Fleming Park"
    return (len(shared) >= SHARED_WORDS and _names(phrase) <= said
            and _ended_head(later, change) in said)


def _one_change(text: str, change: re.Match[str], other: str, its: re.Match[str]) -> bool:
    """Do two statements name one change: one kind, to one step of one scale, or ending or
    no longer saying two words of one clause?"""
    if change.re is not its.re:
        return False
    if change.re is _MOVED_TO:
        return (change["scale"], change["step"]) == (its["scale"], its["step"])
    return len(set(content_stems(" ".join(_phrase_of(text, change))))
               & set(content_stems(" ".join(_phrase_of(other, its))))) > SHARED_WORDS


def named_changes(
    statements: Sequence[Span], cosine: Callable[[int, int], float]
) -> list[list[int]]:
    """Groups of statements (indices), the state first: a statement that names a change of
    state (``names_change``) and the statements of other articles that state what it changed
    from (``_states_before``), close in meaning (``CHANGE_COSINE``). The text gives the order,
    no date is needed. A plan or a schedule is a state an end changes ("will be held on
    Sunday", then "postponed"), but a forecast is no step of a scale ("could become a Category
    4"); never an earlier statement that names a change of the same kind, even hedged ("could
    be postponed"), nor one from an article that tells the same change (two tellings of one
    change)."""
    changes = [names_change(s.text) for s in statements]
    # an article that tells a state's end gives that state as the end's background, not as
    # the state a later change changed ("SEACOM experienced an outage" ... "The service is now
    # back online" in August is not what "no longer affected by the outage" in October ended)
    ended = _ends_told(statements)
    links: dict[int, set[int]] = {}
    for j, change in enumerate(changes):
        if change is None:
            continue
        told = {statements[k].doc for k, other in enumerate(changes)
                if other and _one_change(statements[k].text, other, statements[j].text, change)}
        for i, earlier in enumerate(statements):
            if (earlier.doc == statements[j].doc or earlier.doc in told
                    or change.re.search(earlier.text) or _ENDING.search(earlier.text)
                    or (change.re is _MOVED_TO and hedges(earlier.text))
                    or cosine(i, j) < CHANGE_COSINE
                    or any((earlier.doc, kind) in ended and states.in_force.search(earlier.text)
                           for kind, states in STATE_KINDS.items())
                    or not _states_before(earlier.text, statements[j].text, change)):
                continue
            links.setdefault(i, set()).add(j)
            links.setdefault(j, set()).add(i)
    return [sorted(group, key=lambda n: (changes[n] is not None, n))
            for group in linked_groups(links)]


# A claim a later report says its maker took back, and what it claimed: "Olsen retracted claims
# Woods had been suspended by the tour", "withdrew his allegation that the mayor took bribes".
_RETRACTED_CLAIM = re.compile(
    r"\b(?:retract(?:ed|s|ing)?|withdr(?:ew|awn|aws)|recant(?:ed|s)?|walked\s+back|"
    r"took\s+back)\s+(?:(?:his|her|their|its|the|an?|earlier|previous|those|these)\s+)?"
    r"(?:[\w-]+\s+)?(?:claims?|allegations?|accusations?|remarks?|comments?|statements?)\s+"
    r"(?:that\s+)?(?P<claim>[^,;:.?!]+)",
    re.IGNORECASE,
)
# An earlier statement that denies or exposes the claim is the claim's answer, not the claim; one
# that puts it under a condition ("If Woods failed a test, the tour would announce a suspension")
# does not tell it.
_DENIED = re.compile(r"\b(?:den(?:y|ies|ied|ial)|disputed|false|untrue|no truth)\b",
                     re.IGNORECASE)
_CONDITION = re.compile(r"\b(?:if|whether|unless)\b", re.IGNORECASE)
# Content words a statement shares with what was retracted to tell that claim: a claim told in
# three words ("Woods", "suspended", "tour") is one claim; one or two may be a name and a topic.
RETRACTED_WORDS = 3
# Letters of a stem compared, so that a claim's verb and its noun are one word ("suspended",
# "serving a suspension").
STEM_LETTERS = 5


class _Claim(NamedTuple):
    """What a retraction says was claimed: its subject's words, its verb, all its words (each
    cut to ``STEM_LETTERS``)."""

    subject: frozenset[str]
    verb: str
    words: frozenset[str]


def _cut(text: str) -> frozenset[str]:
    return frozenset(stem[:STEM_LETTERS] for stem in content_stems(text))


def _retracted(text: str) -> _Claim | None:
    """The claim a statement says was taken back, up to its clause's edge ("claims Woods had
    been suspended by the tour after the tour denied them": Woods, suspended, tour), with its
    subject (the words before its first content word not written with a capital) and that verb;
    none where it names too little to know the claim."""
    found = _RETRACTED_CLAIM.search(text)
    if found is None:
        return None
    edge = _PHRASE_EDGE.search(found["claim"])
    claim = found["claim"][: edge.start() if edge else None]
    words = re.findall(r"[^\W\d_][\w'’-]*", claim)
    verb = next((k for k, w in enumerate(words) if w[0].islower() and _cut(w)), None)
    if verb is None or len(_cut(claim)) < RETRACTED_WORDS:
        return None
    subject = _cut(" ".join(words[:verb]))
    return _Claim(subject, next(iter(_cut(words[verb]))), _cut(claim)) if subject else None


def _tells_claim(text: str, claim: _Claim) -> bool:
    """Does a statement tell the claim: its verb, a word of its subject and ``RETRACTED_WORDS``
    of its words, neither denied, disputed nor under a condition?"""
    said = _cut(text)
    return (claim.verb in said and bool(claim.subject & said)
            and len(claim.words & said) >= RETRACTED_WORDS
            and not _DENIED.search(text) and not _CONDITION.search(text)
            and not NEGATIONS & set(letter_words(text)))


def retracted_claims(
    statements: Sequence[Span], cosine: Callable[[int, int], float]
) -> list[list[int]]:
    """Groups of statements (indices), the claim first: a statement that says a claim was
    taken back by its maker and names it ("retracted claims Woods had been suspended by the
    tour") and the statements of other articles that tell that claim (``_tells_claim``),
    close in meaning (``CHANGE_COSINE``), not taking it back themselves, nor of an article
    that tells the retraction (there the claim is its background). The retraction says itself
    it came later; no date is needed."""
    claims = [_retracted(s.text) for s in statements]
    told = {statements[j].doc for j, claim in enumerate(claims) if claim}
    links: dict[int, set[int]] = {}
    for j, claim in enumerate(claims):
        if claim is None:
            continue
        for i, earlier in enumerate(statements):
            if (earlier.doc in told or says_retraction(earlier.text)
                    or not _tells_claim(earlier.text, claim) or cosine(i, j) < CHANGE_COSINE):
                continue
            links.setdefault(i, set()).add(j)
            links.setdefault(j, set()).add(i)
    return [sorted(group, key=lambda n: (claims[n] is not None, n))
            for group in linked_groups(links)]


# A death toll: people killed, whatever the words ("the death toll", "deaths", "were killed").
TOLL = (None, "people", "killed")
# "as of Friday": the day a running count was taken, not a period it counts.
_AS_OF = re.compile(r"\bas of\s+[^,;:.]*", re.IGNORECASE)
# A frame that dates the event itself ("january 12"): a toll that names it and one that names
# no period count the same dead.
_EVENT_DATE = re.compile(rf"(?:{'|'.join(MONTHS)})\s+\d{{1,2}}")


def _toll_frames(figure: Figure, holder: Span) -> frozenset[str]:
    """The periods a toll's statement names, a running count's "as of" day left out."""
    masked = _AS_OF.sub(lambda m: " " * len(m.group()), holder.text)
    return frames_of(figure, Span(holder.doc, holder.start, holder.end, masked))


def _one_period(a: frozenset[str], b: frozenset[str]) -> bool:
    """Do two tolls count over one period: the same frames, or none against the event's date?"""
    return a == b or (not a and all(_EVENT_DATE.fullmatch(f) for f in b)) or (
        not b and all(_EVENT_DATE.fullmatch(f) for f in a))


def tolls_moved_on(
    figures: Sequence[Figure],
    holders: dict[tuple[str, int], list[int]],
    statements: Sequence[Span],
    articles: dict[str, Article],
    cosine: Callable[[int, int], float],
    places: Sequence[frozenset[str]],
) -> list[tuple[Figure, Figure]]:
    """Pairs of death tolls (earlier report first) of two dated articles of different days,
    with different values: each the whole toll in digits or words, never vague ("thousands"),
    a part ("the other 14") or one end of a change; over one period (``_one_period``, a running
    count's "as of" day left out); of the same places (``places``: each statement's place
    names); in statements close in meaning (``CHANGE_COSINE``). Reports of one story on
    different days that give its toll differently give its history, even where the words
    differ too much for ``compare.figures`` to call them one fact."""
    tolls = [(f, i) for f in figures if quantity(f) == TOLL and not vague(f.text)
             and not counts_a_part(f, articles[f.doc]) and not in_change(f, articles[f.doc])
             and report_day(articles[f.doc])
             for i in holders[(f.doc, f.start)][:1]]
    found = []
    for a, i in tolls:
        for b, j in tolls:
            if (a.doc != b.doc and a.value != b.value
                    and report_day(articles[a.doc]) < report_day(articles[b.doc])  # type: ignore[operator]
                    and places[i] == places[j] and cosine(i, j) >= CHANGE_COSINE
                    and _one_period(_toll_frames(a, statements[i]),
                                    _toll_frames(b, statements[j]))):
                found.append((a, b))
    return found


def _ends_told(statements: Sequence[Span]) -> set[tuple[str, str]]:
    """(article, kind) for each kind of state an article tells the end of (``state_ended``)."""
    return {(s.doc, found[0]) for s in statements if (found := state_ended(s.text))}


# Two statements about one person or one service, besides an actor they share: this many
# content words in common, the words of the end left out ("inmate", "escape": one escape).
SHARED_STATE_WORDS = 2


def _years(text: str, day: str | None) -> frozenset[str]:
    """The years a statement names, its own report's year left out."""
    return frozenset(re.findall(r"\b(?:1[89]|20)\d\d\b", text)) - {day[:4] if day else ""}


# A person a state says is sought by a role alone ("searching for the suspect", "in search of
# the gunman", "no suspects have been taken into custody"): whoever the story's later report
# names as caught is the one sought.
_SOUGHT_BY_ROLE = re.compile(rf"\b(?:an?|the|no)\s+(?:[\w-]+\s+){{0,2}}?(?:{SOUGHT_ROLES})\b",
                             re.IGNORECASE)


def _sought_unnamed(text: str, state: re.Pattern[str], people: frozenset[str]) -> bool:
    """Does the statement give the person of its state by a role alone, naming no person?"""
    return not people and any(_SOUGHT_BY_ROLE.search(m.group()) for m in state.finditer(text))


# One person sought by a role alone, no second or other one: "in search of the gunman", "were
# searching for a suspect" (not "a second suspect", "the other gunman", "two suspects").
_ONE_SOUGHT = re.compile(
    r"\b(?:an?|the)\s+(?!(?:second|third|other|another|remaining)\b)(?:[\w-]+\s+){0,2}?"
    r"(?:suspect|gunman|fugitive|inmate|prisoner|escapee|convict|killer|shooter|attacker|robber|"
    r"man|woman|teen(?:ager)?|offender)\b(?!-)", re.IGNORECASE)
# A name right after the role, in apposition: "the suspect, Jose Orozco," or "the suspect Jose
# Orozco" is sought by name; "the suspect Friday night" is not.
_APPOSITION = re.compile(rf",?\s*(?!(?i:{'|'.join((*WEEKDAYS, *MONTHS))})\b)[A-Z]")
# In a report of a catch, words that make it one of several: "a second suspect was arrested",
# "two more men were taken into custody", "the other suspects".
_ONE_OF_SEVERAL = re.compile(
    r"\b(?:second|third|another|other|others|more|remaining|both|suspects|gunmen|fugitives|"
    r"inmates|prisoners|escapees|convicts|killers|shooters|attackers|robbers|men|women|"
    r"teen(?:ager)?s|offenders)\b|"
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several|dozens of)\s+"
    r"(?:[\w-]+\s+){0,2}?\w+s\s+(?:were|have been|had been)\b", re.IGNORECASE)
# ... or a catch for a cause of its own: "was arrested after blocking a motorway", "arrested for
# drunk driving", "in connection with the robbery": what it was for, not the story, ties it.
_CAUGHT_FOR = re.compile(
    r"\b(?:arrested|caught|captured|apprehended|detained|taken into custody)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:for|after|over|on (?:charges?|suspicion) of|in connection with)\b",
    re.IGNORECASE)


def _one_sought_alone(text: str) -> bool:
    """Does the statement tell a search for one person named by a role alone ("deputies fanned
    out in search of the gunman, who apparently surprised Deputy Ortiz")?"""
    return any((role := _ONE_SOUGHT.search(found.group())) is not None
               and not _APPOSITION.match(text, found.start() + role.end())
               for found in STATE_KINDS["at large"].in_force.finditer(text))


def _caught_the_one(sought: str, caught: str) -> bool:
    """Is a catch the end of a search for the one person a story names by a role alone? The
    search names no one, so nothing but the story ties it to the catch ("Orozco was arrested
    five buildings away shortly before midnight"), which tells where and how in words of its
    own: closeness in meaning is not asked. Never a catch of one of several, nor one that gives
    a cause of its own ("two climate protesters were arrested after blocking a motorway"): that
    one is the search's only if close in meaning."""
    return (_one_sought_alone(sought) and not _ONE_OF_SEVERAL.search(caught)
            and not _CAUGHT_FOR.search(caught))


# A child named by a role alone ("the baby", "her newborn son"): news of a child the state took
# into its care names the child so, to keep it unnamed.
_CHILD = re.compile(r"\b(?:bab(?:y|ies)|child(?:ren)?|newborns?|infants?|toddlers?|sons?|"
                    r"daughters?)\b", re.IGNORECASE)


def _one_child(kind: str, state: str, end: str) -> bool:
    """Are a child in the state's care and a custody given back both said of a child named by
    a role alone? One story's child taken from its parents is the one given back."""
    return kind == "in care" and bool(_CHILD.search(state)) and bool(_CHILD.search(end))


def _one_patient(earlier: frozenset[str], later: frozenset[str]) -> bool:
    """Do a person's grave state and its end name one person, the same, and no other? News of
    an attack or a crash tells several people's fates ("two officers died"; "the chief is in
    critical condition"): shared words or a shared place say nothing of whose fate it is."""
    return len(earlier) == 1 and earlier == later


# Right before an offer's end, who took it back: a run of capitalised words, its auxiliaries
# and an adverb between ("the Los Angeles Angels withdrew", "the Angels have since withdrawn",
# "the Angels' offer was withdrawn").
_BIDDER = re.compile(r"(?P<name>(?:[A-Z][\w.-]*(?:'s?|’s?)?\s+)+)"
                     r"(?:(?:have|has|had|offer|bid)\s+)?(?:\w+ly\s+|since\s+)?$")


def _one_bidder(earlier: str, later: str, end: re.Match[str]) -> bool:
    """Is the offer ``earlier`` tells the one whose end ``later`` tells: the party named
    right before the end (its last name word, "Angels" of "the Los Angeles Angels withdrew")
    named in the offer's own phrase before it, as its maker ("The Angels have offered ...",
    "Angels general manager Tony Reagins confirmed that his club had made an offer")? A story
    of a contest tells every party's offer in the same words ("the Nationals offered him the
    same deal as the Angels, the Orioles have made an offer"); an end said of "he" or "the
    team" names no party, so it joins none."""
    bidder = _BIDDER.search(later, 0, end.start())
    name = re.sub(r"['’]s?$", "", bidder["name"].split()[-1]) if bidder else ""
    if not content_stems(name):  # none, or a sentence's first word ("The club withdrew")
        return False
    head = re.compile(rf"\b{re.escape(name)}\b")
    return any(head.search(earlier, _phrase_start(earlier, offer.start()), offer.start())
               for offer in STATE_KINDS["bidding"].in_force.finditer(earlier))


def _phrase_start(text: str, at: int) -> int:
    """Where the phrase that holds ``text[at]`` begins: after the last edge before it
    (``_PHRASE_EDGE``), else at the text's start."""
    edges = [m.end() for m in _PHRASE_EDGE.finditer(text, 0, at)]
    return edges[-1] if edges else 0


def _end_words(found: re.Match[str]) -> set[str]:
    """The stems of an end's own words, not of what it names between them (``said_of``):
    "election of Turkmenistan ended" ends an election; "Turkmenistan" is a word of the one
    thing the state and its end are said of."""
    said_of = found.groupdict().get("said_of") or ""
    return set(content_stems(found.group())) - set(content_stems(said_of))


def states_ended(
    statements: Sequence[Span],
    actors: Sequence[frozenset[str]],
    articles: dict[str, Article],
    cosine: Callable[[int, int], float],
    people: Sequence[frozenset[str]],
) -> list[list[int]]:
    """Groups of statements (indices), the state first: a statement that says a state ended
    (``_state_ended``: someone at large caught, a service restored, talks ended in a deal or a
    walk-out, an offer withdrawn) and the statements of other articles that give that state in
    force ("was still on the run", "SEACOM is experiencing problems", "is in negotiations to
    direct", "have made an eight-year offer"). The end's own
    words give the order; no date is needed, but a dated end reported before the state is none
    of its. One person or service: a resolved actor shared (``actors``: pronouns read) or
    ``SHARED_STATE_WORDS`` content words, or a state whose person is sought by a role alone
    ("searching for the suspect", naming no one of ``people``), and close in meaning
    (``CHANGE_COSINE``), except a search for one person by a role alone and a catch not of one
    of several (``_caught_the_one``); a person gravely ill and then dead or out of hospital, one
    person named by both and no other (``_one_patient``); an offer, of the party named as the
    one that withdrew it, whether or not its name resolves to an actor (``_one_bidder``). Never
    a state the earlier statement hedges in the
    state's own clause ("the suspect" is no hedge, "the gunman, who apparently fled" hedges
    another clause: ``outcomes.hedged_at``), tells as the past's (``outcomes.tells_the_past``)
    or names an end of in any form outside the state's own words ("managed to restore 83%"; "was
    not taken into custody" is the state); never a state from an article that tells an end of
    that kind (the state is then its background); never across years one of the two names and
    the other does not ("escaped in 1994" is another escape), nor dated reports of another
    episode (``outcomes.within_an_episode``). Talks that resume after their end join it
    (``_link_resumptions``)."""
    ends = [state_ended(s.text) for s in statements]
    stems = [set(content_stems(s.text)) for s in statements]
    days = [report_day(articles[s.doc]) for s in statements]
    # the people each statement names, "he" read as the one person named before it
    everyone = frozenset().union(*people)
    persons = [named or (acting & everyone) for named, acting in zip(people, actors, strict=True)]
    # an article that tells an end of a kind tells its states as that end's background
    told = _ends_told(statements)
    links: dict[int, set[int]] = {}
    for j, ended in enumerate(ends):
        if ended is None:
            continue
        kind, found = ended
        state = STATE_KINDS[kind].in_force
        end_words = _end_words(found)
        for i, earlier in enumerate(statements):
            if (earlier.doc == statements[j].doc or (earlier.doc, kind) in told
                    or not state.search(earlier.text) or names_an_end(earlier.text, kind)
                    or all(hedged_at(earlier.text, *m.span())
                           for m in state.finditer(earlier.text))
                    or tells_the_past(earlier.text)
                    or not within_an_episode(days[i], days[j])
                    or _years(earlier.text, days[i]) != _years(statements[j].text, days[j])
                    or (cosine(i, j) < CHANGE_COSINE
                        and not _caught_the_one(earlier.text, statements[j].text))
                    or not (_one_patient(persons[i], persons[j]) if kind in PEOPLES_FATES
                            else _one_bidder(earlier.text, statements[j].text, found)
                            if kind == "bidding"
                            else actors[i] & actors[j]
                            or len((stems[i] & stems[j]) - end_words) >= SHARED_STATE_WORDS
                            or _sought_unnamed(earlier.text, state, people[i])
                            or _caught_the_one(earlier.text, statements[j].text)
                            or _one_child(kind, earlier.text, statements[j].text))):
                continue
            links.setdefault(i, set()).add(j)
            links.setdefault(j, set()).add(i)
    _link_resumptions(statements, ends, actors, stems, days, cosine, links)
    return [sorted(group, key=lambda n: (ends[n] is not None, n))
            for group in linked_groups(links)]


def _link_resumptions(
    statements: Sequence[Span],
    ends: Sequence[tuple[str, re.Match[str]] | None],
    actors: Sequence[frozenset[str]],
    stems: Sequence[set[str]],
    days: Sequence[str | None],
    cosine: Callable[[int, int], float],
    links: dict[int, set[int]],
) -> None:
    """Link each statement that says talks resume (``outcomes.resumes_talks``) to the ends of
    talks other articles tell ("had stepped away from negotiations"), of one person (an actor
    shared or ``SHARED_STATE_WORDS`` content words), close in meaning (``CHANGE_COSINE``),
    the end not reported after it nor in another episode: talks end and come back."""
    for j, statement in enumerate(statements):
        if not resumes_talks(statement.text):
            continue
        for i, ended in enumerate(ends):
            if (ended is not None and ended[0] == "in talks"
                    and statements[i].doc != statement.doc
                    and within_an_episode(days[i], days[j]) and cosine(i, j) >= CHANGE_COSINE
                    and (actors[i] & actors[j]
                         or len(stems[i] & stems[j]) >= SHARED_STATE_WORDS)):
                links.setdefault(i, set()).add(j)
                links.setdefault(j, set()).add(i)
