"""A statement and its hedged report are one fact only at the same strength (issue 18, the
rubric; found auditing fresh clusters: "It is thought that 65% of traffic to India was down"
corroborated the plain "65% of traffic to India was down"). Every link of statements needs
it, however sure the judge or close the words."""

from __future__ import annotations

import pytest

from newsprism.compare.outcomes import hedges
from newsprism.compare.predicates import assertions
from newsprism.model import Article
from newsprism.pipeline import build_briefing

CABLES = ("Two undersea cables in the Mediterranean were cut on Wednesday, disrupting internet "
          "services across the Middle East and South Asia.",
          "Engineers in Egypt are racing to repair the damaged lines near Alexandria, where a ship "
          "is said to have dragged its anchor across the sea bed.")
PLAIN = "About 65 per cent of internet traffic to India was down after the cables were cut."


def _corroborated(first: str, second: str) -> list:
    briefing = build_briefing([Article("a", f"{CABLES[0]} {first}", outlet="Coast Herald"),
                               Article("b", f"{CABLES[1]} {second}", outlet="Valley News")])
    return [c for c in briefing.claims if c.status == "corroborated"
            and any("65" in s.text for s in c.support)]


def test_the_same_fact_at_the_same_strength_is_corroborated():
    assert _corroborated(PLAIN, PLAIN.replace("was down", "went down"))


@pytest.mark.parametrize("hedged", [
    "It is thought that about 65 per cent of internet traffic to India was down after the "
    "cables were cut.",
    "About 65 per cent of internet traffic to India was reportedly down after the cables were "
    "cut.",
    "About 65 per cent of internet traffic to India is said to have been down after the cables "
    "were cut.",
    "About 65 per cent of internet traffic to India may have been down after the cables were "
    "cut.",
])
def test_a_hedged_report_does_not_corroborate_the_plain_statement(hedged):
    assert not _corroborated(PLAIN, hedged)


@pytest.mark.parametrize(("text", "hedged"), [
    ("It is feared that 20 miners are trapped.", True),
    ("It is understood the cables were cut by a ship's anchor.", True),
    ("The gunman allegedly fled in a black car.", True),
    ("Unconfirmed reports say 20 miners are trapped.", True),
    ("According to rumours, 20 miners are trapped.", True),
    ("Hamas claims it fired 300 rockets at Israel.", True),
    ("Hamas claimed responsibility for the attack.", False),  # the claiming is the fact
    ("The flight was delayed due to the storm.", False),  # a cause, not a schedule
    ("He is due to appear in court on Monday.", True),
    ("Police said to reporters that the man fled.", False),
    ("The minister may resign.", True),
    ("He wrote to the patriarch in May 2012.", False),  # the month, not the verb
    ("The talks collapsed on May 3.", False),
    ("Orozco is to be sentenced on May 3.", True),  # a schedule, as "will be"
    ("The storm is to blame for the outage.", False),
])  # fmt: skip
def test_the_hedge_reader(text, hedged):
    assert hedges(text) is hedged


def test_a_hedge_of_a_clause_aside_is_not_a_hedge_of_the_claim():
    from newsprism.compare.predicates import assertions

    charged, plain, hedged = assertions([
        "A man was charged with murder on Saturday after allegedly opening fire at a party.",
        "A man has been charged with murder after a shooting at a party.",
        "A man was allegedly charged with murder after a shooting at a party.",
    ])
    assert not charged.hedged and charged.agrees(plain)
    assert hedged.hedged and not hedged.agrees(plain)


ROCKETS = ("Militants in Gaza fired dozens of rockets at Israel on Friday, and sirens sounded in "
           "several cities as the army answered with air strikes.",
           "Israel's army struck targets in Gaza after militants fired rockets across the border "
           "on Friday, the heaviest barrage this year.")


@pytest.mark.parametrize("denial", [
    "Tel Aviv was not hit by a rocket on Friday, the army said.",
    "No rocket hit Tel Aviv on Friday, the army said.",
])
def test_a_denial_never_corroborates_what_it_denies(denial):
    """However the words are ordered: "was not hit by" is the passive of "hit"."""
    briefing = build_briefing([
        Article("a", f"{ROCKETS[0]} A rocket hit Tel Aviv on Friday, the army said.",
                outlet="Coast Herald"),
        Article("b", f"{ROCKETS[1]} {denial}", outlet="Valley News")])
    assert not [c for c in briefing.claims if c.status == "corroborated"
                and any("Tel Aviv" in s.text for s in c.support)]


@pytest.mark.parametrize(("first", "second", "opposed"), [
    ("A rocket hit Tel Aviv.", "Tel Aviv was not hit by a rocket.", True),
    ("The man was in the crosswalk.", "The man was not in the crosswalk, police said.", True),
    ("The driver was able to stop.", "The driver was not able to stop.", True),
    ("He stopped and fled.", "He did not stop and fled.", True),
    ("He fled.", "He did not stop and fled.", False),  # the denial is of another predicate
    ("He would not comment.", "He declined to comment.", False),
])  # fmt: skip
def test_a_denial_is_read_from_the_parse(first, second, opposed):
    a, b = assertions([first, second])
    assert a.denies(b) is opposed
