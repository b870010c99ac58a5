"""Counts of one thing over different periods are two quantities, not a disagreement (issue 18,
item 4; found auditing fresh clusters: 1,400 killed in the last war against 19 in two days of
this one, 750 rockets this year against 300 since the offensive began)."""

from __future__ import annotations

from newsprism.compare.figures import time_frames
from newsprism.model import Article
from newsprism.pipeline import build_briefing


def test_the_periods_a_statement_names_are_read():
    assert time_frames("More than 750 rockets were fired this year.") == {"this year"}
    assert time_frames("The 2008-2009 war killed 1,400.") == {"2008", "2009"}
    assert time_frames("19 were killed in two days of strikes.") == {"two day"}
    assert time_frames("300 rockets were fired since the offensive began.") == {"since offensive"}
    assert time_frames("Hundreds were fired since the start of the war.") == {"since war"}
    assert time_frames("17 rockets were fired since midnight.") == {"since midnight"}
    assert time_frames("In January, five cables were cut.") == {"january"}
    assert time_frames("Police said on Saturday that 21 people were wounded.") == frozenset()
    # a part of a contest, a span of minutes (a fresh ECB+ audit, 7_ecb: a round's punches
    # were set against the whole fight's)
    assert time_frames("He landed 28 of his 68 punches thrown during the round.") == {"round"}
    assert time_frames("Rahman connected on 1 of 16 over those three minutes.") == {
        "three minute"}
    assert time_frames("The club scored 30 points in the first half.") == {"half"}
    assert time_frames("Profit rose 5% in the second quarter.") == {"second quarter"}
    assert time_frames("The final numbers showed him landing 178 of 369 punches.") == frozenset()


def _figure_claims(first: str, second: str) -> list:
    briefing = build_briefing([Article("a", first, outlet="Coast Herald"),
                               Article("b", second, outlet="Valley News")])
    return [c for c in briefing.claims if c.kind == "figure" and c.status == "contradicted"]


def test_counts_over_different_periods_are_no_contradiction():
    assert _figure_claims(
        "Militants have fired more than 750 rockets at the southern towns this year.",
        "Militants have fired around 300 rockets at the southern towns since the offensive "
        "began.") == []


def test_a_rounds_count_against_the_whole_fights_is_no_contradiction():
    assert _figure_claims(
        "The final numbers showed the champion landing 178 of 369 punches thrown while the "
        "challenger connected on just 30 of 207 punches thrown.",
        "The champion landed 28 of his 68 punches thrown during the round, while the challenger "
        "connected on just 1 of 16 punches thrown over those three minutes.") == []


def test_counts_since_different_starts_are_no_contradiction():
    assert _figure_claims(
        "Seventeen rockets were fired at the south of the country since midnight.",
        "Militants have fired hundreds of rockets at the south of the country since the "
        "offensive began.") == []


def test_counts_over_one_period_still_disagree():
    (claim,) = _figure_claims("21 people were wounded in the attack on the bus on Monday.",
                              "24 people were wounded in the attack on the bus on Monday.")
    assert "21" in claim.note and "24" in claim.note


def test_the_day_a_statement_names_for_what_it_reports_is_its_period():
    # a weekday, a date, "yesterday" as the time of the counted event is a period of one day
    assert time_frames("The army said 97 rockets hit Israel on Friday.") == {"friday"}
    assert time_frames("Five people died on March 5.") == {"march 5"}
    assert time_frames("Five people died yesterday.") == {"yesterday"}
    # the day of the report, or of a revision, is not: the count is not of that day
    assert time_frames("Police told reporters on Friday that five people died.") == frozenset()
    assert time_frames("Police on Friday said five people died.") == frozenset()
    assert time_frames("Police backed off the toll on Sunday, saying 60 died.") == frozenset()


def test_a_days_count_against_a_running_total_is_no_contradiction():
    assert _figure_claims(
        "The army said 97 rockets fired from the strip hit the southern towns on Friday.",
        "The army said militants had fired more than 300 rockets at the southern towns in all."
    ) == []


def test_two_counts_of_one_day_still_disagree():
    (claim,) = _figure_claims(
        "The army said 97 rockets fired from the strip hit the southern towns on Friday.",
        "The army said 140 rockets fired from the strip hit the southern towns on Friday.")
    assert "97" in claim.note and "140" in claim.note
