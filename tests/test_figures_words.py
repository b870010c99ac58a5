"""Figures written in words ("nine soldiers", "twenty-five people", "two dozen"): read with their
value and what they count as digits are, never from the words that only look like numbers
("one of the", "no one", "the two sides", "one-on-one"), and compared only like with like."""

from __future__ import annotations

import pytest

from newsprism.analyse import analyse_article
from newsprism.compare.figures import alignment_keys, conflicting_figures
from newsprism.model import Article, Figure


def _figures(text: str, doc: str = "a") -> tuple[Figure, ...]:
    return analyse_article(Article(doc, text)).figures


def _conflicts(first: str, second: str) -> list[tuple[str, str]]:
    """Conflicting figures of two one-article sources whose statements are taken to state one
    fact, so that only what the figures count and their values decide."""
    articles = {"a": Article("a", first), "b": Article("b", second)}
    figures = [f for doc in ("a", "b") for f in _figures(articles[doc].text, doc)]
    return [(a.text, b.text) for a, b in conflicting_figures(figures, articles,
                                                             lambda a, b: True)]


@pytest.mark.parametrize(("sentence", "figure", "value", "counts", "role"), [
    ("Nine soldiers were convicted of the killings.", "Nine", 9, "soldiers", "convicted"),
    ("A court convicted nine soldiers on Monday.", "nine", 9, "soldiers", "convicted"),
    ("Eleven people were killed in the blast.", "Eleven", 11, "people", "killed"),
    ("Police arrested twenty-five protesters.", "twenty-five", 25, "protesters", "arrested"),
    ("Two dozen people were injured.", "Two dozen", 24, "people", "injured"),
    ("A million people were displaced by the floods.", "A million", 1e6, "people",
     "displaced"),
    ("The attack killed three people.", "three", 3, "people", "killed"),
    ("One person was killed in the crash.", "One", 1, "person", "killed"),
])  # fmt: skip
def test_a_number_in_words_is_a_figure_with_its_value_and_what_it_counts(
    sentence, figure, value, counts, role
):
    found = {f.text: f for f in _figures(sentence)}
    assert figure in found, sorted(found)
    assert (found[figure].value, found[figure].counts, found[figure].role) == (
        value, counts, role)


def test_a_number_in_words_allows_what_rounds_to_it_as_digits_do():
    (nine,) = _figures("Nine soldiers were convicted.")
    (twenty_five,) = _figures("Twenty-five people were arrested.")
    (million,) = _figures("A million people were displaced.")
    assert (nine.low, nine.high) == (8.5, 9.5)
    assert (twenty_five.low, twenty_five.high) == (24.5, 25.5)
    assert (million.low, million.high) == (5e5, 1.5e6)  # as "1 million"


def test_vague_numbers_in_words_are_intervals_with_no_value_to_share():
    (hundreds,) = _figures("Hundreds of people gathered outside the court.")
    (dozens,) = _figures("Dozens of people were injured.")
    assert (hundreds.low, hundreds.high) == (200, 10_000)
    assert (dozens.low, dozens.high) == (24, 1_200)
    assert alignment_keys(hundreds) == alignment_keys(dozens) == []


@pytest.mark.parametrize("sentence", [
    "One of the soldiers was acquitted.",  # "one of": a member, not a count
    "One day after the attack, the strike resumed.",  # a time
    "No one was hurt in the fire.",  # a pronoun
    "He is one who never gives up.",
    "One official said the talks would resume.",  # "one" as an article
    "As one expert told a US audience, the plan had failed.",
    "The strike entered a second day.",  # ordinals
    "He was the first to arrive at the scene.",
    "It was the third time the port had closed.",
    "She once worked at the harbour.",
    "The two sides met in a one-on-one meeting.",  # referring back, compound words
    "The two men were charged on Friday.",
    "He backed a two-state solution.",
    "The government announced a five-year plan.",
    "At one point the crowd surged toward the gates.",  # idioms
    "His blood alcohol level was more than five times the legal limit.",  # multiples
    "The torch was carried by five time Olympic champion Steve Redgrave.",
    "The run started at twenty-five past ten.",  # a clock time
    "The first three riders were French.",  # a selection of things named
    "A third of the workers walked out.",  # fractions are not read
    "It is unlikely that any agreements between two countries will be enough.",  # any two
])  # fmt: skip
def test_words_that_only_look_like_numbers_are_no_figures(sentence):
    assert _figures(sentence) == ()


def test_a_part_of_the_counted_is_no_count_of_them():
    """"Seven of the wounded were children" counts children among the wounded, not the
    wounded: it never contradicts the number of wounded."""
    assert _conflicts("Seven of the wounded were children.",
                      "Twenty-one people were wounded in the attack.") == []
    assert _conflicts("21 of the wounded were taken to hospital.",
                      "24 people were wounded in the attack.") == []


def test_counts_in_words_contradict_only_counts_of_the_same_thing():
    assert _conflicts("Nine soldiers were convicted.", "Seven soldiers were convicted.") == [
        ("Nine", "Seven")]
    assert _conflicts("Nine soldiers were convicted.", "11 soldiers were convicted.") == [
        ("Nine", "11")]
    assert _conflicts("Nine soldiers were convicted.", "Seven people were killed.") == []
    assert _conflicts("Three people were killed.", "Two soldiers were killed.") == []
    assert _conflicts("Nine soldiers were convicted.", "9 soldiers were convicted.") == []


def _values(text: str) -> set[object]:
    return {key for f in _figures(text) for key, _ in alignment_keys(f)}


def test_counts_in_words_share_a_value_only_for_the_same_quantity():
    """Small counts in words are everywhere: "two" in two statements says they state one
    value only when it counts the same thing in the same role."""
    assert _values("Two people were killed in the blast.") & _values(
        "Police arrested two men outside the embassy.") == set()
    assert _values("Two people were killed in the blast.") & _values(
        "Two people died in the blast.")
    assert _values("Nine soldiers were convicted.") & _values("9 soldiers were convicted.")
    assert _values("Two officials said the talks would resume.") == set()  # no role read
