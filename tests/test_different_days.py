"""Opposite statements about different named days are not one proposition (issue 18; found
auditing fresh clusters: "the one fired at Tel Aviv did not hit the city", Friday's rocket,
against "Tel Aviv was not hit on Thursday"): neither a contradiction nor a corroboration."""

from __future__ import annotations

from newsprism.compare import opposite_days
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


def test_days_conflict_only_when_opposite_statements_name_the_day_of_what_they_report():
    conflicts = opposite_days(["A rocket hit Tel Aviv on Friday.",
                               "A rocket did not hit Tel Aviv on Thursday.",
                               "A rocket did not hit Tel Aviv, police said on Thursday.",
                               "A rocket did not hit Tel Aviv yesterday.",
                               "A rocket hit Tel Aviv on Thursday."])
    assert conflicts[0, 1] and conflicts[1, 0]
    assert not conflicts[0, 2]  # Thursday dates the report
    assert not conflicts[0, 3]  # yesterday may be Friday
    assert not conflicts[0, 4]  # not opposite: which day is whose the text may not tell
