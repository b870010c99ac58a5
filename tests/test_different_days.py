"""Statements that put what they report on days that cannot be one are not one proposition
(issue 18): opposite ones found auditing fresh clusters ("the one fired at Tel Aviv did not hit
the city", Friday's rocket, against "Tel Aviv was not hit on Thursday") are neither a
contradiction nor a corroboration; undated reports putting one fall on "early Saturday" and
on "Monday, Dec. 30" (SemEval-2022 pairs, no article dates) corroborate nothing."""

from __future__ import annotations

from newsprism.compare import days_apart
from newsprism.compare.figures import named_days, on_other_days
from newsprism.model import Article
from newsprism.pipeline import build_briefing

OPENING = ("Militants in the strip fired rockets at the coastal cities for a third day as the "
           "air campaign against them went on.",
           "The air force struck dozens of launch sites overnight, the military said, while "
           "sirens sounded across the south.")


def _statuses(first: str, second: str) -> set[str]:
    briefing = build_briefing([Article("a", f"{OPENING[0]} {first}", outlet="Coast Herald"),
                               Article("b", f"{OPENING[1]} {second}", outlet="Valley News")])
    return {c.status for c in briefing.claims if any("Tel Aviv" in s.text for s in c.support)}


def test_opposite_statements_of_different_days_are_no_contradiction():
    statuses = _statuses("A rocket hit Tel Aviv on Friday, the police said.",
                         "A rocket did not hit Tel Aviv on Thursday, the police said.")
    assert "contradicted" not in statuses and "corroborated" not in statuses


def test_opposite_statements_of_one_day_still_contradict():
    assert "contradicted" in _statuses(
        "A rocket hit Tel Aviv on Friday, the police said.",
        "A rocket did not hit Tel Aviv on Friday, the police said.")


def test_days_conflict_only_when_statements_name_the_day_of_what_they_report():
    conflicts = days_apart(["A rocket hit Tel Aviv on Friday.",
                               "A rocket did not hit Tel Aviv on Thursday.",
                               "A rocket did not hit Tel Aviv, police said on Thursday.",
                               "A rocket did not hit Tel Aviv yesterday.",
                               "A rocket hit Tel Aviv on Thursday."])
    assert conflicts[0, 1] and conflicts[1, 0]
    assert not conflicts[0, 2]  # Thursday dates the report
    assert not conflicts[0, 3]  # yesterday may be Friday
    assert conflicts[0, 4]  # one rocket hit on two days: two facts


def _apart(first: str, second: str) -> bool:
    return on_other_days(named_days(first), named_days(second))


def test_days_that_can_be_one_are_not_apart():
    assert _apart("It overturned early Saturday.", "It overturned on Monday, Dec. 30.")
    assert _apart("It overturned on Dec. 28.", "It overturned on Monday, December 30.")
    assert _apart("It opened on March 5.", "It opened on 7 March.")
    # a weekday and a date of an unnamed year may be one day
    assert not _apart("It overturned on Monday.", "It overturned on Dec. 30.")
    assert not _apart("It overturned on Monday, Dec. 30.", "It overturned Monday.")
    assert not _apart("It opened on March 5.", "It opened on 5 March.")
    # near midnight, or in another time zone, the day before or after may be the same moment
    assert not _apart("The quake struck late Friday.", "The quake struck on Saturday.")
    assert not _apart("The quake struck Friday night.", "The quake struck early Saturday.")
    assert not _apart("The quake struck Friday night.", "The quake struck on Saturday.")
    assert _apart("The quake struck on Thursday.", "The quake struck early Saturday.")
    # only weekdays and dates: "yesterday" needs the report's date, a weekend holds two days
    assert not _apart("It overturned yesterday.", "It overturned on Monday.")
    assert not _apart("It overturned over the weekend.", "It overturned on Saturday.")
    assert not _apart("It overturned on Saturday.", "The report came out.")
    # a day of another event, in a clause of its own, or a span's first day
    assert _apart("He was charged Saturday after a shooting Friday.", "He was charged Monday.")
    assert not _apart("He was charged after a shooting on Friday.", "He was charged Saturday.")
    assert not _apart("The poll ran between Jan. 20 and 26.", "The poll ran Jan. 21-26.")
    # a relative clause set off by commas ends at its comma: the main predicate's day follows
    assert _apart("Brand, who led the union for a decade, died on Thursday.",
                  "Brand, who was 91, died on Friday.")
    assert not _apart("Brand, who was shot on Friday, died on Saturday.", "Brand died Saturday.")
    assert not _apart("Brand, who was shot on Friday and died.", "Brand died Saturday.")


def test_a_day_looked_ahead_to_is_no_clash_but_may_be_a_development():
    conflicts = days_apart(["The summit is expected to end on Friday.",
                            "The summit came to a close on Saturday.",
                            "The summit came to a close on Thursday."])
    assert not conflicts[0, 1] and not conflicts[0, 2]
    assert conflicts[1, 2]


def test_undated_reports_of_one_event_on_two_days_corroborate_nothing():
    fall = "A trailer carrying fish waste tipped over on the coastal highway {}, officials said."
    briefing = build_briefing([
        Article("a", f"{OPENING[0]} {fall.format('early Saturday')}"),
        Article("b", f"{OPENING[1]} {fall.format('on Monday, Dec. 30')}")])
    assert not [c for c in briefing.claims
                if c.status == "corroborated" and any("trailer" in s.text for s in c.support)]
