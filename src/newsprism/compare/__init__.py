"""Compare: claim by claim, what the sources corroborate, contradict, or say alone.

``compare_articles`` aligns the statements of all articles into claims (``align``, with the
relation model), counts the independent sources behind each, and adds the contradictions the
detectors find: the same quantity with different figures, one fact stated and negated or denied
in otherwise matching words, one remark quoted in different words, and opposite verdicts. Where
two reports differ because time passed (``developments``: one outlet's successive reports,
different report days, a stated revision or retraction), the claim is ``developing`` and holds
the fact's history instead of a contradiction.
Every claim's ``support`` spans are passages of the articles; every note is assembled from them.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Hashable, Sequence

import numpy as np

from newsprism.analyse.figures import read_figure, vague
from newsprism.compare.align import (
    ACTOR_TYPES,
    PairEvidence,
    StatementNames,
    actor_key,
    group_statements,
    score_pairs,
)
from newsprism.compare.attribution import frames, reporters
from newsprism.compare.context import (
    persons_apart,
    pointing_back_apart,
    questions_apart,
    relatives_apart,
    speakers_apart,
)
from newsprism.compare.developments import (
    in_report_order,
    is_development,
    named_changes,
    on_different_days,
    retracted_claims,
    retracts_another,
    revisions,
    states_ended,
    tolls_moved_on,
)
from newsprism.compare.figures import (
    RELATIVE_DAYS,
    alignment_keys,
    clock_conflicts,
    conflicting_figures,
    contacts_apart,
    correlations_apart,
    counted_apart,
    duration_conflicts,
    event_days,
    firsts_apart,
    frames_of,
    guessed_apart,
    measures_compared,
    month_conflicts,
    named_days,
    on_other_days,
    role_of,
    value_range,
    year_conflicts,
)
from newsprism.compare.holders import changed_hands, holding
from newsprism.compare.ladders import moved_on, steps
from newsprism.compare.outcomes import (
    hedges,
    looks_ahead,
    open_outcomes,
    questions_and_answers,
    report_day,
    states_and_ends,
    with_antecedents,
)
from newsprism.compare.predicates import parses_kept
from newsprism.compare.quotes import (
    different_remarks,
    differently_worded,
    disowned,
    gives_elsewhere,
    holds_quote_marks,
    interviews_apart,
    marked_parts,
    marked_rewordings,
    one_person,
    outlets_told,
    quotes_inside,
    quotes_within,
    remark_words,
    same_wording,
    sentence_apart,
    speaker_words,
    without_other_interviews,
    without_torn_quotes,
)
from newsprism.compare.reported import (
    assert_nothing_apart,
    debunk_quotes_apart,
    debunks_apart,
    reproduced_apart,
)
from newsprism.compare.sources import source_keys
from newsprism.compare.verdicts import find_verdicts, opposing_verdicts
from newsprism.embed import TokenVectors
from newsprism.model import (
    Analysis,
    Article,
    Claim,
    Described,
    Entity,
    Figure,
    Mention,
    Quote,
    Sentence,
    Span,
)
from newsprism.relation import opposed
from newsprism.settings import DEFAULTS, CompareSettings
from newsprism.summarize.words import letter_words

__all__ = ["compare_articles", "source_keys"]

# A statement this long (in words) that its article repeats inside a longer sentence is a
# list's item too; a shorter one ("he was arrested") recurs in many sentences.
LIST_ITEM_WORDS = 5


@parses_kept()  # one parse a statement for the whole comparison
def compare_articles(
    analyses: Sequence[Analysis],
    quotes: Sequence[Quote],
    embeddings: np.ndarray | None = None,
    entities: Sequence[Entity] = (),
    settings: CompareSettings = DEFAULTS.compare,
) -> list[Claim]:
    """Claims of a set of articles. ``quotes`` carry resolved speakers; ``embeddings`` (one row
    per statement, in article order) are computed when not given; ``entities`` (resolved across
    the articles) tell which names in two statements are one actor."""
    from newsprism.embed import load_encoder

    encoder = load_encoder()
    articles = {a.article.id: a.article for a in analyses}
    sources = source_keys([a.article for a in analyses])
    statements = [s for a in analyses for s in a.statements]
    tokens: Sequence[TokenVectors] = ()
    if embeddings is None:  # one pass of the model for the vectors and the judge's pieces
        embeddings, tokens = encoder.encode_with_tokens([s.text for s in statements])
    quoted = encoder.encode([q.text for q in quotes])
    figures = [f for a in analyses for f in a.figures]
    evidence = pair_evidence(analyses, quotes, entities, embeddings, quoted, settings, tokens)
    groups = group_statements(statements, evidence, embeddings)

    holders = {
        (f.doc, f.start): [i for i, s in enumerate(statements) if _within(f, s)] for f in figures
    }

    mentions = [m for a in analyses for m in a.mentions]

    def same_fact(a: Figure, b: Figure) -> bool:
        """Do the statements holding the two figures say much the same thing, over the same
        period, of one holder?"""
        return any(evidence.related(i, j)
                   and frames_of(a, statements[i]) == frames_of(b, statements[j])
                   and not counted_apart(a, statements[i], b, statements[j], mentions)
                   and not guessed_apart(statements[i].text, statements[j].text)
                   for i in holders[(a.doc, a.start)] for j in holders[(b.doc, b.start)])

    conflicts = conflicting_figures(figures, articles, same_fact)
    conflicts += [pair for pair in tolls_moved_on(figures, holders, statements, articles,
                                                  lambda i, j: float(evidence.cosine[i, j]),
                                                  _places(statements, mentions))
                  if pair not in conflicts and pair[::-1] not in conflicts]
    claims = [
        _statement_claim([statements[i] for i in group], sources, conflicts, articles)
        for group in groups
    ]
    sentences = [s for a in analyses for s in a.sentences]
    known = dict(zip((s.text for s in statements), embeddings, strict=True))
    bodies = {doc: article.text for doc, article in articles.items()}
    claims += _quote_claims(quotes, quoted, sentences, articles, sources, known, bodies)
    claims += _rewording_claims(statements, evidence, articles, sources, quotes, bodies)
    claims += _verdict_claims(statements, articles, sources)
    claims += _outcome_claims(statements, evidence, articles, sources)
    claims += _revision_claims(statements, figures, holders, evidence, articles, sources)
    claims += _actor_claims(statements, mentions, entities, articles, sources)
    loose = [pair for pair in conflicts if not any(_covers(claim, pair) for claim in claims)]
    claims += _figure_claims(loose, sentences, articles, sources)
    return _unique(claims)


def pair_evidence(
    analyses: Sequence[Analysis],
    quotes: Sequence[Quote],
    entities: Sequence[Entity],
    embeddings: np.ndarray,
    quoted: np.ndarray,
    settings: CompareSettings = DEFAULTS.compare,
    tokens: Sequence[TokenVectors] = (),
) -> PairEvidence:
    """What compare knows about every pair of the articles' statements (in article order), with
    the relation model's judgement of each candidate pair. ``tokens``: the statements' word
    pieces in context where already computed."""
    statements = [s for a in analyses for s in a.statements]
    figures = [f for a in analyses for f in a.figures]
    mentions = [m for a in analyses for m in a.mentions]
    shared, differing = _shared_figures(statements, figures)
    texts = [s.text for s in statements]
    bodies = {a.article.id: a.article.text for a in analyses}
    inside = quotes_inside(statements, quotes)
    reworded = marked_rewordings(statements, inside, quotes, bodies)
    names = statement_names(statements, mentions, entities,
                            [d for a in analyses for d in a.described])
    blocked = (different_remarks(statements, quotes, quoted, inside, reworded) | differing
               | clock_conflicts(texts) | contacts_apart(texts) | duration_conflicts(texts)
               | states_apart(texts) | answers_apart(texts)
               | year_conflicts(texts) | month_conflicts(texts) | days_apart(texts)
               | list_items(statements, mentions, bodies)
               | pointing_back_apart(texts) | correlations_apart(texts) | firsts_apart(texts)
               | persons_apart(statements, mentions, entities, bodies)
               | relatives_apart(statements, mentions, entities)
               | counts_apart(statements, figures)
               | speakers_apart(statements, quotes, entities, names.called)
               | questions_apart(statements, quotes)
               | reproduced_apart(statements, bodies) | debunks_apart(texts)
               | debunk_quotes_apart(statements, quotes, bodies) | assert_nothing_apart(texts))
    return score_pairs(statements, embeddings, shared, blocked, names, settings, tokens,
                       tuple(reworded))


def answers_apart(texts: Sequence[str]) -> np.ndarray:
    """True where one statement says a matter is still open and the other answers it
    (``outcomes.questions_and_answers``), both ways."""
    return _pairs_apart(questions_and_answers(texts), len(texts))


def states_apart(texts: Sequence[str]) -> np.ndarray:
    """True where one statement tells a state in force and the other its end
    (``outcomes.states_and_ends``), both ways."""
    return _pairs_apart(states_and_ends(texts), len(texts))


def _pairs_apart(pairs: Sequence[tuple[int, int]], size: int) -> np.ndarray:
    apart = np.zeros((size, size), dtype=bool)
    for i, j in pairs:
        apart[i, j] = apart[j, i] = True
    return apart


def days_apart(texts: Sequence[str]) -> np.ndarray:
    """True where two texts name the day of what they report and the days cannot be one
    (``figures.on_other_days``): "the trailer fell off early Saturday" and "the trailer fell
    off on Monday, Dec. 30" put one event on two days, so they corroborate no fact, dated or
    not. A text that looks ahead or hedges ("is expected to end on Friday") names a day that
    may pass, and with a report of the event on another day tells a development, so it is no
    such day. Opposite texts (``opposed``) are apart too where they name no day alike, whatever
    the days may be: "a rocket hit Tel Aviv on Friday" and "a rocket did not hit Tel Aviv on
    Thursday" are two days' facts, one proposition neither for a corroboration nor for a
    contradiction."""
    named = [event_days(t) - RELATIVE_DAYS for t in texts]
    told = [i for i, found in enumerate(named) if found]
    days = {i: frozenset() if hedges(texts[i]) or looks_ahead(texts[i]) else named_days(texts[i])
            for i in told}
    apart = np.zeros((len(texts), len(texts)), dtype=bool)
    for n, i in enumerate(told):
        for j in told[n + 1 :]:
            if on_other_days(days[i], days[j]) or (
                    not named[i] & named[j] and opposed(texts[i], texts[j])):
                apart[i, j] = apart[j, i] = True
    return apart


def list_items(statements: Sequence[Span], mentions: Sequence[Mention],
               texts: dict[str, str] | None = None) -> np.ndarray:
    """True for the pairs one of whose statements its article gives more than once, naming no
    one: a list's items ("His bond was set at $100,000." after each of ten defendants) say it
    of whom their context names, so a copy in another article need not be the same fact. A
    statement of ``LIST_ITEM_WORDS`` words or more in the reporter's voice counts as given again
    where the article's text (``texts``, by article id) repeats its words inside a longer
    sentence too ("..., one count felony, conspiracy, His bond was set at $200,000."); a remark
    an article quotes twice (a caption, a pull quote) is still the speaker's one remark."""
    words = [(s.doc, " ".join(letter_words(s.text.lower()))) for s in statements]
    given = Counter(words)
    in_text = {doc: f" {' '.join(letter_words(text.lower()))} "
               for doc, text in (texts or {}).items()}
    named: dict[str, list[int]] = {}
    for m in mentions:
        named.setdefault(m.doc, []).append(m.start)

    def inside_longer(doc: str, key: str, text: str) -> bool:
        return (len(key.split()) >= LIST_ITEM_WORDS and not holds_quote_marks(text)
                and doc in in_text and in_text[doc].count(f" {key} ") > 1)

    items = np.array([(given[key] > 1 or inside_longer(*key, s.text))
                      and not any(s.start <= at < s.end for at in named.get(s.doc, ()))
                      for s, key in zip(statements, words, strict=True)], dtype=bool)
    return items[:, None] | items[None, :]


def statement_names(
    statements: Sequence[Span], mentions: Sequence[Mention], entities: Sequence[Entity],
    described: Sequence[Described] = (),
) -> StatementNames:
    """The names inside each statement: their words, and their actors (people, organisations)
    as resolved entity ids, so that "Kim Jong Un" and "Kim" are one actor. The actors by what
    they are called leave out the names only in the statement's attribution frame
    (``attribution.reporters``): "THR is saying that Ross is in negotiations" and "The
    Hollywood Reporter says Ross is in negotiations" name one actor of the fact, Ross. They
    take each name's kind from its entity (the kind most of its full name's mentions have), not
    from the one mention: the entity model's slip on one mention ("of Burnsville" read as a
    person, "Buttigieg" as an organisation) is no actor of that kind. A description that
    stands for a named one (``described``: "the suspect" for Kirkpatrick) is that actor too
    (``_described_inside``), though its words are no name's."""
    names = {e.id: e.name for e in entities}
    kinds_of = {e.id: e.type for e in entities}
    found = frames([s.text for s in statements])
    words, actors, called = [], [], []
    named = _named_inside(statements, mentions, entities)
    for statement, framed, names_in, inside in zip(
            statements, found, named, _described_inside(statements, described, entities, named),
            strict=True):
        words.append(frozenset(w.lower() for m, _ in names_in for w in m.text.split()))
        reporting = reporters(statement, framed, [m for m, _ in inside])
        kinds: dict[str, set[str]] = {}
        keys: dict[str, set[str]] = {}
        for n, (m, entity) in enumerate(inside):
            if m.type in ACTOR_TYPES:
                kinds.setdefault(m.type, set()).add(entity)
                kind = kinds_of.get(entity, m.type)
                if n not in reporting and kind in ACTOR_TYPES:
                    keys.setdefault(kind, set()).add(
                        actor_key(names.get(entity, m.text), kind))
        actors.append({kind: frozenset(ids) for kind, ids in kinds.items()})
        called.append({kind: frozenset(k) for kind, k in keys.items()})
    return StatementNames(tuple(words), tuple(actors), tuple(called))


def _named_inside(
    statements: Sequence[Span], mentions: Sequence[Mention], entities: Sequence[Entity]
) -> list[list[tuple[Mention, str]]]:
    """The mentions inside each statement, in text order, with the id of the entity each
    names (resolved across the articles; else its lower-cased text)."""
    entity_of = {(m.doc, m.start): e.id for e in entities for m in e.mentions}
    by_doc: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_doc.setdefault(mention.doc, []).append(mention)
    return [[(m, entity_of.get((m.doc, m.start), m.text.lower()))
             for m in sorted(by_doc.get(s.doc, ()), key=lambda m: m.start)
             if s.start <= m.start < s.end] for s in statements]


def _described_inside(
    statements: Sequence[Span], described: Sequence[Described], entities: Sequence[Entity],
    named: list[list[tuple[Mention, str]]],
) -> list[list[tuple[Mention, str]]]:
    """The ``named`` mentions inside each statement with the descriptions inside it that stand
    for a named one, in text order: each description as a mention of its name (the name's
    words and kind at the description's place), with the id of the entity its name is (else
    the name lower-cased), so "The suspect was freed" has Kirkpatrick for its actor as
    "Kirkpatrick was freed" has."""
    entity_of = {(m.doc, m.start): e.id for e in entities for m in e.mentions}
    by_doc: dict[str, list[Described]] = {}
    for description in described:
        by_doc.setdefault(description.doc, []).append(description)
    return [sorted(names_in + [
        (Mention(d.doc, d.start, d.end, d.name.text, d.name.type),
         entity_of.get((d.name.doc, d.name.start), d.name.text.lower()))
        for d in by_doc.get(s.doc, ()) if s.start <= d.start < s.end],
        key=lambda found: found[0].start) for s, names_in in zip(statements, named, strict=True)]


_SUBJECT_PRONOUN = re.compile(r"^\W*(he|she)\b", re.IGNORECASE)


def _actor_claims(
    statements: Sequence[Span],
    mentions: Sequence[Mention],
    entities: Sequence[Entity],
    articles: dict[str, Article],
    sources: dict[str, str],
) -> list[Claim]:
    """Developments read from who holds or undergoes what between dated reports: a title that
    changed hands (``compare.holders``; each report's value its words from the holder to the
    title) and a process that moved on, one participant arrested, then charged, then sentenced
    (``compare.ladders``; each report's value its statement)."""
    # Both read only dated reports, and link two of different days: the cheap test first,
    # before reading any statement's holders or steps (briefings of undated texts read none).
    days = [report_day(articles[s.doc]) for s in statements]
    if len(set(days) - {None}) < 2:
        return []
    named = _actors_at(statements, mentions, entities)
    held = [holding(s.text, [(start, entity) for start, _, entity in actors]) if day
            else None for s, actors, day in zip(statements, named, days, strict=True)]
    histories = [[(statements[i], statements[i].text[held[i].start : held[i].end])  # type: ignore[union-attr]
                  for i in group] for group in changed_hands(statements, held, articles)]
    taken = [steps(s.text, actors) if day else []
             for s, actors, day in zip(statements, named, days, strict=True)]
    histories += [[(statements[i], statements[i].text) for i in group]
                  for group in moved_on(statements, taken, articles)]
    return [_history(history, articles, sources) for history in histories]


def _history(
    steps: Sequence[tuple[Span, str]], articles: dict[str, Article], sources: dict[str, str]
) -> Claim:
    """A development of statements: ``steps`` are (statement, the value it reports)."""
    support = [span for span, _ in steps]
    return _developing("statement", support, len({sources[s.doc] for s in support}), steps,
                       articles)


def _actors_at(
    statements: Sequence[Span], mentions: Sequence[Mention], entities: Sequence[Entity]
) -> list[list[tuple[int, int, str]]]:
    """The people and organisations each statement names, as (start, end, resolved entity id)
    within the statement's text, in text order; a statement that opens with "he" or "she" and
    names no person has the pronoun stand for the one person the statement before it in its
    article names ("Graner appeared in court. He was sentenced to ten years.")."""
    found: list[list[tuple[int, int, str]]] = []
    last: dict[str, str] = {}
    for s, inside in zip(statements, _named_inside(statements, mentions, entities), strict=True):
        actors = [(m.start - s.start, m.end - s.start, entity) for m, entity in inside
                  if m.type in ACTOR_TYPES]
        people = {entity for m, entity in inside if m.type == "PERSON"}
        pronoun = _SUBJECT_PRONOUN.match(s.text)
        if pronoun and not people and (antecedent := last.get(s.doc)):
            actors.insert(0, (pronoun.start(1), pronoun.end(1), antecedent))
        if people:  # several people: no one antecedent
            last[s.doc] = next(iter(people)) if len(people) == 1 else ""
        found.append(actors)
    return found


def _covers(claim: Claim, pair: tuple[Figure, Figure]) -> bool:
    return claim.kind == "figure" and all(
        any(_within(f, s) for s in claim.support) for f in pair
    )


def _shared_figures(
    statements: Sequence[Span], figures: Sequence[Figure]
) -> tuple[np.ndarray, np.ndarray]:
    """Where two statements state the same value in the same unit (1.0), and where both state
    values in one unit but none the same (True): two figures that differ without conflicting,
    "some 3,500 port workers" / "about 4,000 dockworkers", do not corroborate a number. Both
    by ``alignment_keys``: counts in words meet only counts of the same quantity."""
    keys: dict[tuple[object, ...], int] = {}
    units: dict[tuple[object, ...], int] = {}
    cells = []
    by_doc: dict[str, list[int]] = {}
    for i, statement in enumerate(statements):
        by_doc.setdefault(statement.doc, []).append(i)
    held: list[list[Figure]] = [[] for _ in statements]
    for figure in figures:
        for i in by_doc.get(figure.doc, ()):
            if _within(figure, statements[i]):
                held[i].append(figure)
                cells += [(i, keys.setdefault(key, len(keys)),
                           None if group is None else units.setdefault(group, len(units)))
                          for key, group in alignment_keys(figure)]
    stated = np.zeros((len(statements), len(keys)), dtype=np.float32)
    in_unit = np.zeros((len(statements), len(units)), dtype=np.float32)
    for i, key, unit in cells:
        stated[i, key] = 1.0
        if unit is not None:
            in_unit[i, unit] = 1.0
    same_measure, measures_apart = measures_compared(held)
    shared = np.maximum((stated @ stated.T > 0).astype(np.float32), same_measure)
    np.fill_diagonal(shared, 0.0)
    return shared, ((in_unit @ in_unit.T > 0) | measures_apart) & (shared == 0)


def counts_apart(statements: Sequence[Span], figures: Sequence[Figure]) -> np.ndarray:
    """True where two statements count what is done in one role and no count of one meets
    the other's ("there were 46 arrests" / "one person was arrested for disorderly conduct":
    two nights' arrests): one act counted otherwise is never one fact, however the counted
    things are called (arrests, people, protesters). Counts only: a sum or a length measures,
    and "dozens" states no value. How often it was done counts too ("had previously been
    arrested four times" / "having been arrested three times since October"), read from the
    words (``_times_done``)."""
    counted: list[dict[str, list[tuple[float, float]]]] = [
        {"times": done} if (done := _times_done(statement.text)) else {}
        for statement in statements]
    by_doc: dict[str, list[int]] = {}
    for i, statement in enumerate(statements):
        by_doc.setdefault(statement.doc, []).append(i)
    for figure in figures:
        role = role_of(figure.role)
        if figure.unit is not None or role is None or vague(figure.text):
            continue
        for i in by_doc.get(figure.doc, ()):
            if _within(figure, statements[i]):
                counted[i].setdefault(role, []).append(value_range(figure))
    apart = np.zeros((len(statements), len(statements)), dtype=bool)
    counting = [i for i, roles in enumerate(counted) if roles]
    for n, i in enumerate(counting):
        for j in counting[n + 1 :]:
            if statements[i].doc != statements[j].doc and any(
                    not any(_meet(a, b) for a in counted[i][role] for b in counted[j][role])
                    for role in counted[i].keys() & counted[j].keys()):
                apart[i, j] = apart[j, i] = True
    return apart


def _meet(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Do two intervals of values share one? Two bare counts' intervals touch at their ends
    ("three": 2.5 to 3.5, "four": 3.5 to 4.5) without sharing a value; an exact value (an
    interval of one point) meets an interval holding it."""
    low, high = max(a[0], b[0]), min(a[1], b[1])
    return low < high or (low == high and (a[0] == a[1] or b[0] == b[1]))


# "four times", "11 times": how often something was done (or a multiple: "four times more"),
# never a range's upper end ("two to three times")
_TIMES = re.compile(r"(?<!\bto )(?<!\bor )(?<!\band )(?<![-–])\b(\w+) times\b", re.IGNORECASE)


def _times_done(text: str) -> list[tuple[float, float]]:
    """The intervals of the counts of times ``text`` states ("arrested four times")."""
    found = []
    for match in _TIMES.finditer(text):
        read = read_figure(match[1])
        if read is not None and not vague(match[1]):
            found.append((read[2], float("inf") if read[3] is None else read[3]))
    return found


# Mention types that name a place: a toll of one place is not another's.
PLACE_TYPES = ("GPE", "LOC")


def _places(statements: Sequence[Span], mentions: Sequence[Mention]) -> list[frozenset[str]]:
    """The places each statement names, lower-cased as written."""
    return [frozenset(m.text.lower() for m, _ in inside if m.type in PLACE_TYPES)
            for inside in _named_inside(statements, mentions, ())]


def _statement_claim(
    support: list[Span],
    sources: dict[str, str],
    conflicts: list[tuple[Figure, Figure]],
    articles: dict[str, Article],
) -> Claim:
    """The claim a group of aligned statements makes; ``support[0]`` is the group's anchor."""
    independent = len({sources[s.doc] for s in support})
    inside = [
        (a, b) for a, b in conflicts
        if any(_within(a, s) for s in support) and any(_within(b, s) for s in support)
    ]  # fmt: skip
    if inside:
        a, b = inside[0]
        spans = (_holder(a, support), _holder(b, support))
        if is_development(*spans, articles, sources):
            steps = [(_holder(f, support), f.text) for pair in inside for f in pair]
            return _developing("figure", support, independent, steps, articles)
        ordered = (*spans, *(s for s in support if s not in spans))  # what differs first
        return Claim(_claim_id("figure", support), "contradicted", spans[0].text, ordered,
                     independent, "figure", _figure_note(inside[0], articles))
    if retracts_another(support):
        return _developing("statement", support, independent,
                           [(s, s.text) for s in support], articles)
    # one outlet does not contradict itself, but its reports of different days may say the
    # opposite of each other: a development
    opposite = next(((a, b) for n, a in enumerate(support) for b in support[n + 1 :]
                     if (sources[a.doc] != sources[b.doc] or on_different_days(a, b, articles))
                     and opposed(a.text, b.text)), None)
    if opposite:
        a, b = opposite
        if is_development(a, b, articles, sources):
            return _developing("statement", support, independent,
                               [(s, s.text) for s in support], articles)
        note = (f"Opposite statements. {source_label(articles[a.doc])}: “{a.text}” — "
                f"{source_label(articles[b.doc])}: “{b.text}”")
        ordered = (a, b, *(s for s in support if s not in (a, b)))
        return Claim(_claim_id("statement", support), "contradicted", a.text, ordered,
                     independent, "statement", note)
    status = "corroborated" if independent >= 2 else "single_source"
    return Claim(_claim_id("statement", support), status, support[0].text, tuple(support),
                 independent)


def _outcome_claims(
    statements: Sequence[Span],
    evidence: PairEvidence,
    articles: dict[str, Article],
    sources: dict[str, str],
) -> list[Claim]:
    """Developments from what was left open to what became of it, e.g. charges expected, then
    filed (``compare.outcomes``), and from a state to the change a later report names ("still
    on schedule", then "postponed": ``compare.developments.named_changes``; "still on the run",
    then "captured": ``compare.developments.states_ended``)."""
    named = evidence.names.actors
    people = [kinds.get("PERSON", frozenset()) for kinds in named]
    actors = with_antecedents(statements,
                              [frozenset().union(*kinds.values()) for kinds in named], people)
    def cosine(i: int, j: int) -> float:
        return float(evidence.cosine[i, j])

    groups = open_outcomes(statements, actors, articles, cosine, evidence.related, people)
    groups += named_changes(statements, cosine)
    groups += states_ended(statements, actors, articles, cosine, people)
    groups += retracted_claims(statements, cosine)
    return [_history([(statements[i], statements[i].text) for i in group], articles, sources)
            for group in groups]


def _revision_claims(
    statements: Sequence[Span],
    figures: Sequence[Figure],
    holders: dict[tuple[str, int], list[int]],
    evidence: PairEvidence,
    articles: dict[str, Article],
    sources: dict[str, str],
) -> list[Claim]:
    """Developments from a figure a later report names as replaced ("updated from $586
    million") and the report that gave it (``compare.developments.revisions``)."""
    by_later: dict[int, list[tuple[Span, str]]] = {}
    for i, old, j, new in revisions(figures, holders, articles, evidence.related):
        by_later.setdefault(j, [(statements[j], new.text)]).append((statements[i], old.text))
    claims = []
    for history in by_later.values():
        support = tuple(dict.fromkeys(span for span, _ in history))
        claims.append(_developing("figure", support, len({sources[s.doc] for s in support}),
                                  history, articles))
    return claims


def _holder(figure: Figure, spans: Sequence[Span]) -> Span:
    return next(s for s in spans if _within(figure, s))


def _developing(
    kind: str,
    support: Sequence[Span],
    independent: int,
    steps: Sequence[tuple[Span, str]],
    articles: dict[str, Article],
) -> Claim:
    """A claim whose reports differ because time passed: its history, earliest first."""
    history = in_report_order(steps, articles)
    note = "Changed over time: " + " → ".join(
        f"“{step.value}” ({source_label(articles[step.span.doc])}"
        f"{', ' + step.reported if step.reported else ''})" for step in history)
    return Claim(_claim_id(kind, support), "developing", history[-1].span.text, tuple(support),
                 independent, kind, note, history)


def _within(figure: Figure, span: Span) -> bool:
    return figure.doc == span.doc and span.start <= figure.start < span.end


def _sentence_of(doc: str, offset: int, sentences: Sequence[Sentence]) -> Span:
    sentence = next(s for s in sentences if s.doc == doc and s.start <= offset < s.end)
    return Span(doc, sentence.start, sentence.end, sentence.text)


def _figure_claims(
    conflicts: list[tuple[Figure, Figure]],
    sentences: Sequence[Sentence],
    articles: dict[str, Article],
    sources: dict[str, str],
) -> list[Claim]:
    """One claim per quantity: conflicts that share a figure are one disagreement."""
    clusters: list[list[tuple[Figure, Figure]]] = []
    for pair in conflicts:
        joined = [c for c in clusters if any(set(pair) & set(other) for other in c)]
        merged = [pair] + [p for c in joined for p in c]
        clusters = [c for c in clusters if c not in joined] + [merged]
    claims = []
    for cluster in clusters:
        # The pair the note names first, then the other figures in article order.
        figures = [*cluster[0], *sorted({f for pair in cluster[1:] for f in pair} - {*cluster[0]},
                                        key=lambda f: (f.doc, f.start))]
        holders = {f: _sentence_of(f.doc, f.start, sentences) for f in figures}
        support = tuple(dict.fromkeys(holders[f] for f in figures))
        independent = len({sources[f.doc] for f in figures})
        if any(is_development(holders[a], holders[b], articles, sources) for a, b in cluster):
            claims.append(_developing("figure", support, independent,
                                      [(holders[f], f.text) for f in figures], articles))
            continue
        claims.append(Claim(_claim_id("figure", support), "contradicted", support[0].text,
                            support, independent, "figure", _figure_note(cluster[0], articles)))
    return claims


def _figure_note(pair: tuple[Figure, Figure], articles: dict[str, Article]) -> str:
    a, b = pair
    return (f"{source_label(articles[a.doc])} gives “{a.text}” ({a.counts}); "
            f"{source_label(articles[b.doc])} gives “{b.text}” ({b.counts}).")


def _quote_claims(
    quotes: Sequence[Quote],
    quoted: np.ndarray,
    sentences: Sequence[Sentence],
    articles: dict[str, Article],
    sources: dict[str, str],
    known: dict[str, np.ndarray],
    bodies: dict[str, str],
) -> list[Claim]:
    """``quoted`` holds the embedding of each quote's words, row-aligned with ``quotes``;
    ``known`` maps texts to their embeddings where already computed; ``bodies``: the articles'
    texts by id. One claim per remark, however many versions of it the articles give
    (``_one_remark_each``)."""
    kept = [n for n, q in enumerate(quotes)
            if q.speaker and not disowned(q, articles[q.doc].text)]
    if len(kept) < 2:
        return []
    attributed = [quotes[n] for n in kept]
    context = [_sentence_of(q.doc, q.start, sentences) for q in attributed]
    words = quoted[kept]
    settings = _embedded([c.text for c in context], known)
    found = []
    pairs = without_torn_quotes(differently_worded(attributed, words, settings), bodies)
    for a, b in without_other_interviews(pairs, attributed, bodies):
        if _two_remarks((a.text,), a, (b.text,), b, articles):
            continue
        apart = (sentence_apart(a, b, sentences), sentence_apart(b, a, sentences))
        if apart[0] is None or apart[1] is None:
            continue  # each gives the other's words: no sentence shows them differ
        found.append((a, b, tuple(Span(s.doc, s.start, s.end, s.text) for s in apart)))
    remarks = _one_remark_each([((a.doc, a.start), (b.doc, b.start)) for a, b, _ in found])
    return [_versions_claim([found[n] for n in remark], articles, sources) for remark in remarks]


Rendering = tuple[Quote, Quote, tuple[Span, ...]]  # two quotes of one remark and where they part


def _one_remark_each(pairs: Sequence[tuple[Hashable, Hashable]]) -> list[list[int]]:
    """The indices of ``pairs`` (two renderings each: quotes, or statements quoting) grouped by
    remark, in the order found: pairs that share a rendering render one remark. A remark given
    in n versions would else make a claim of each pair of them (a remark in two translations
    over five articles, six claims), where the reader wants one listing the versions."""
    remarks: list[tuple[set[Hashable], list[int]]] = []
    for n, pair in enumerate(pairs):
        keys = set(pair)
        joined = [r for r in remarks if r[0] & keys]
        at = next((i for i, r in enumerate(remarks) if r[0] & keys), len(remarks))
        indices = sorted([n, *(m for r in joined for m in r[1])])
        remarks = [r for r in remarks if not r[0] & keys]
        remarks.insert(at, (keys.union(*(r[0] for r in joined)), indices))
    return [indices for _, indices in remarks]


def _versions_claim(remark: Sequence[Rendering], articles: dict[str, Article],
                    sources: dict[str, str]) -> Claim:
    """The contradicted claim of one remark quoted differently: the first pair's sentences
    first (where the renderings part), then every other article's; the note lists each version
    with the outlets that give it."""
    a, b, first = remark[0]
    support = tuple(dict.fromkeys([*first, *(s for _, _, spans in remark[1:] for s in spans)]))
    quotes = list(dict.fromkeys(q for pair in remark for q in pair[:2]))
    versions: list[list[Quote]] = []
    for quote in quotes:
        version = next((v for v in versions if same_wording(v[0], quote)), None)
        if version is None:
            versions.append([quote])
        else:
            version.append(quote)
    if len(versions) == 2 and len(quotes) == 2:
        note = (f"{a.speaker} is quoted as “{a.text}” by {source_label(articles[a.doc])} and "
                f"as “{b.text}” by {source_label(articles[b.doc])}.")
    else:
        note = f"{a.speaker} is quoted in {len(versions)} versions: " + "; ".join(
            f"“{v[0].text}” by "
            + ", ".join(dict.fromkeys(source_label(articles[q.doc]) for q in v))
            for v in versions) + "."
    independent = len({sources[q.doc] for q in quotes})
    return Claim(_claim_id("quote", first), "contradicted", first[0].text, support, independent,
                 "quote", note)


def _embedded(texts: Sequence[str], known: dict[str, np.ndarray]) -> np.ndarray:
    """The embeddings of ``texts``: those in ``known`` as they are (a text's vector does not
    depend on the texts it is encoded with), the others encoded."""
    from newsprism.embed import load_encoder

    missing = [t for t in dict.fromkeys(texts) if t not in known]
    found = dict(zip(missing, load_encoder().encode(missing), strict=True)) if missing else {}
    return np.array([known[t] if t in known else found[t] for t in texts], dtype=np.float32)


def _rewording_claims(
    statements: Sequence[Span],
    evidence: PairEvidence,
    articles: dict[str, Article],
    sources: dict[str, str],
    quotes: Sequence[Quote],
    bodies: dict[str, str],
) -> list[Claim]:
    """One remark quoted in other words by two sources, read from the statements' quote marks
    where the analysis found no quote in one of them (the quote claims of ``_quote_claims`` need
    both quotes and their speaker): quoted differently, never a corroboration. Only statements
    about the same thing (``PairEvidence.related``), so that two remarks sharing some words are
    not taken for one, and not two statements whose quotes ``quotes`` gives to different
    speakers (``_said_by_others``) or to different outlets (``interviews_apart``); ``bodies``:
    the articles' texts by id."""
    found = []
    told = outlets_told(quotes, bodies)
    for i, j in evidence.reworded:
        a, b = statements[i], statements[j]
        if (sources[a.doc] == sources[b.doc] or not evidence.related(i, j)
                or _said_by_others(a, b, quotes)
                or interviews_apart(quotes_within(a, quotes), quotes_within(b, quotes), told)):
            continue
        parts = marked_parts(a.text), marked_parts(b.text)
        if _two_remarks(parts[0], a, parts[1], b, articles):
            continue
        if not one_person(*(remark_words(" ".join(marked)) for marked in parts)):
            continue  # of the speaker's own self and of others: two remarks, still kept apart
        found.append((a, b))
    return [_reworded_claim([found[n] for n in remark], articles, sources)
            for remark in _one_remark_each(found)]


def _reworded_claim(remark: Sequence[tuple[Span, Span]], articles: dict[str, Article],
                    sources: dict[str, str]) -> Claim:
    """The contradicted claim of one remark its statements quote differently: the first pair
    first, then every other statement (``_one_remark_each``)."""
    support = tuple(dict.fromkeys(s for pair in remark for s in pair))
    note = "Quoted differently. " + " — ".join(
        f"{source_label(articles[s.doc])}: “{s.text}”" for s in support)
    independent = len({sources[s.doc] for s in support})
    return Claim(_claim_id("quote", remark[0]), "contradicted", support[0].text, support,
                 independent, "quote", note)


def _speakers_of(span: Span, quotes: Sequence[Quote]) -> set[str]:
    """The words of the speakers of the quotes within a statement."""
    return {word for q in quotes_within(span, quotes) if q.speaker
            for word in speaker_words(q.speaker)}


def _said_by_others(a: Span, b: Span, quotes: Sequence[Quote]) -> bool:
    """Do both statements quote a speaker, and do their speakers share no word? Then they are
    two people's remarks, as ``_quote_claims`` reads quotes of different speakers ("We acted in
    self-defence" of the Navy's chief, "We fired in self-defense" of its spokesman); a name
    spelled two ways ("Carolos" / "Karolos Papoulias") still shares one."""
    said_a, said_b = _speakers_of(a, quotes), _speakers_of(b, quotes)
    return bool(said_a and said_b and not said_a & said_b)


def _two_remarks(quoted_a: Sequence[str], a: Span | Quote, quoted_b: Sequence[str],
                 b: Span | Quote, articles: dict[str, Article]) -> bool:
    """Does either article give, outside its own passage, a sentence the other quotes word for
    word (``gives_elsewhere``)? Then the two passages are two remarks, not one quoted
    differently."""
    return (gives_elsewhere(quoted_a, articles[b.doc].text, b.start, b.end)
            or gives_elsewhere(quoted_b, articles[a.doc].text, a.start, a.end))


def _verdict_claims(
    statements: Sequence[Span], articles: dict[str, Article], sources: dict[str, str]
) -> list[Claim]:
    verdicts = find_verdicts(statements, list(articles.values()))
    claims = []
    for a, b in opposing_verdicts(verdicts, sources):
        support = (a.span, b.span)
        note = (f"Opposite verdicts. {source_label(articles[a.span.doc])}: “{a.span.text}” — "
                f"{source_label(articles[b.span.doc])}: “{b.span.text}”")
        claims.append(Claim(_claim_id("verdict", support), "contradicted", a.span.text, support,
                            2, "verdict", note))
    return claims


def source_label(article: Article) -> str:
    """How a note names an article: its outlet, else its title, else its id."""
    return article.outlet or (f"“{article.title}”" if article.title else article.id)


def _claim_id(kind: str, support: Sequence[Span]) -> str:
    key = kind + "|" + "|".join(f"{s.doc}:{s.start}:{s.end}" for s in support)
    return "c-" + hashlib.sha1(key.encode()).hexdigest()[:10]


def _unique(claims: list[Claim]) -> list[Claim]:
    seen: set[str] = set()
    result = []
    for claim in claims:
        if claim.id not in seen:
            seen.add(claim.id)
            result.append(claim)
    return result
