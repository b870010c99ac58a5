"""Measures in units of their own (figures5): a number glued to its unit is a figure in that
unit, a conversion in brackets is one figure with it, and lengths, weights, speeds, areas and
temperatures are set against each other in any unit of their kind, with the reading's
tolerance ("about 200ft" / "60m" agree; "200ft" / "200m" do not)."""

from __future__ import annotations

import pytest

from newsprism.analyse import analyse_article
from newsprism.analyse.units import in_base, kind
from newsprism.compare.figures import conflicting_figures, measures_compared, moved_on
from newsprism.model import Article, Figure


def _figures(text: str, doc: str = "a") -> tuple[Figure, ...]:
    return analyse_article(Article(doc, text)).figures


def _one(text: str) -> Figure:
    figure, = _figures(text)
    return figure


@pytest.mark.parametrize(("sentence", "text", "value", "unit"), [
    ("Rait died after slipping and falling about 200ft from a ridge.", "about 200ft", 200,
     "foot"),
    ("He slipped and fell about 200m down a steep icy gully.", "about 200m", 200, "m"),
    ("The cable was cut 130km off Sicily.", "130km", 130, "km"),
    ("The parcel weighed 5kg when it was found.", "5kg", 5, "kg"),
    ("The car was doing 70mph when it crashed.", "70mph", 70, "mph"),
    ("The wall, 3m tall, fell onto the road.", "3m", 3, "m"),
])
def test_a_number_glued_to_its_unit_is_a_figure_in_that_unit(sentence, text, value, unit):
    figure = _one(sentence)
    assert (figure.text, figure.value, figure.unit) == (text, value, unit)


def test_a_glued_figure_is_rounded_as_written():
    bare = _one("The climber fell 200ft from a ridge.")
    assert (bare.low, bare.high) == (190, 210)  # as "200 feet": 190 to 210


@pytest.mark.parametrize("sentence", [
    "About 3m people live in the region.",  # millions or metres: the text does not say
    "The F16 landed at 5pm on the base.",  # an id and a time
    "Call 555-1234 for details.",
    "He fell about 2, 000ft while climbing.",  # "000ft": a number the tokeniser split
    "The deal is worth 5m.",  # a sum, though no currency is named
    "Of the dozens who applied, 5 has been the most in a day.",  # "has" is no hectare
])
def test_no_measure_where_letters_glued_to_a_number_are_no_unit(sentence):
    assert not [f for f in _figures(sentence) if kind(f.unit)]


def test_a_speed_in_miles_per_hour_is_a_speed():
    assert _one("They drove at speeds up to 120 miles per hour.").unit == "mph"
    assert _one("Police chased him at up to 120 miles an hour.").unit == "mph"
    assert _one("They drove 120 miles.").unit == "mile"


def test_a_bracketed_figure_a_tenth_or_more_away_is_no_conversion():
    assert len(_figures("Qeshm lies 150 kilometers (700 miles) southeast of Tehran.")) == 2


def test_millions_glued_to_a_sum_stay_money():
    figure = _one("BP agreed to pay Mr Dudley nearly $20m for 2015.")
    assert (figure.value, figure.unit) == (20e6, "USD")


def test_a_conversion_in_brackets_is_one_figure_allowing_what_either_allows():
    figure = _one("Buckley fell about 600 metres (2,000 feet) while climbing.")
    assert figure.text == "about 600 metres (2,000 feet)" and figure.unit == "m"
    assert (figure.low, figure.high) == (540, 660)
    glued = _one("Gaskin said the man fell around 2000ft (609 metres) near the hut.")
    assert glued.text == "around 2000ft (609 metres)" and glued.unit == "foot"
    tight = _one("The tower stands 60 metres (200 feet) tall.")
    assert tight.low == pytest.approx(in_base("foot", 190)) and tight.high == pytest.approx(
        in_base("foot", 210))  # "200 feet" reaches further than a bare "60"


def test_sums_restated_in_brackets_stay_two_figures():
    assert len(_figures("Pichai was awarded $199m (£138m) worth of shares.")) == 2


def _compared(first: str, second: str) -> tuple[bool, bool]:
    same, apart = measures_compared([_figures(first, "a"), _figures(second, "b")])
    return bool(same[0, 1]), bool(apart[0, 1])


@pytest.mark.parametrize(("first", "second", "expected"), [
    ("He fell about 200ft from a ridge.", "He fell about 60m from a ridge.", (True, False)),
    ("He fell about 200ft from a ridge.", "He fell about 200m down a gully.", (False, True)),
    ("He fell about 150 metres.", "He fell about 200 feet.", (False, True)),
    ("He fell 200ft (60m) from a ridge.", "He fell 60 metres from a ridge.", (True, False)),
    # meeting only at their edges: two values, but no sure conflict either
    ("He fell 2,000ft while climbing.", "He fell some 700 metres while climbing.",
     (False, False)),
    ("The storm hit at 70mph.", "The storm hit at 113 km/h.", (True, False)),
    ("It was 104 degrees Fahrenheit on Monday.", "It was 40 degrees Celsius on Monday.",
     (True, False)),
    ("It was 104 degrees Fahrenheit on Monday.", "It was 104 degrees Celsius on Monday.",
     (False, True)),
    ("The parcel weighed 5kg.", "The parcel weighed 11 pounds.", (True, False)),
    ("The fire burned 300 hectares.", "The fire burned 740 acres.", (True, False)),
    ("He fell 200 feet.", "The parcel weighed 200kg.", (False, False)),  # two kinds
])
def test_measures_are_set_against_their_own_kind_in_any_unit(first, second, expected):
    assert _compared(first, second) == expected


def _conflicts(first: str, second: str) -> list[tuple[str, str]]:
    articles = {"a": Article("a", first), "b": Article("b", second)}
    figures = [f for doc in ("a", "b") for f in _figures(articles[doc].text, doc)]
    return [(a.text, b.text) for a, b in conflicting_figures(figures, articles,
                                                             lambda a, b: True)]


def test_one_measure_in_two_units_conflicts_only_when_the_values_differ():
    assert _conflicts("Rait fell 60 metres from the ridge.", "Rait fell 200 metres from the ridge.")
    assert _conflicts("Rait fell 200 feet from the ridge.", "Rait fell 200 metres from the ridge.")
    assert not _conflicts("Rait fell 200 feet from the ridge.",
                          "Rait fell 60 metres from the ridge.")


def test_a_measure_given_in_another_unit_on_another_day_has_not_moved_on():
    articles = {"a": Article("a", "Rait fell 200 feet.", date="2013-09-27"),
                "b": Article("b", "Rait fell 60 metres.", date="2013-09-28")}
    (feet,), (metres,) = (_figures(articles[d].text, d) for d in ("a", "b"))
    assert not moved_on(feet, metres, articles)


def test_fahrenheit_and_celsius_share_one_scale():
    assert in_base("fahrenheit", 212) == pytest.approx(100)
    assert in_base("fahrenheit", -40) == pytest.approx(-40)
