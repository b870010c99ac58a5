"""One fact told with another verb is one predicate ("was convicted" / "was found guilty"), an
opposite or another step of the story is not ("was acquitted", "was injured" / "was killed"),
and a phrasal verb keeps its particle ("drove off" is not "drove"). Issue 18, same-fact
recall: ``compare.predicate_families``."""

from __future__ import annotations

import pytest

from newsprism.compare.predicate_families import FAMILIES, OPPOSED
from newsprism.compare.predicates import assertions
from newsprism.model import Article
from newsprism.pipeline import build_briefing


def test_each_expression_is_of_one_family_and_opposites_are_families():
    expressions = [e for members in FAMILIES.values() for e in members]
    assert len(expressions) == len(set(expressions))
    assert all(pair <= FAMILIES.keys() and len(pair) == 2 for pair in OPPOSED)


@pytest.mark.parametrize(("first", "second"), [
    ("Tom Ellery was convicted of fraud.", "Tom Ellery was found guilty of fraud."),
    ("The jury convicted Ellery of fraud.", "The jury found Ellery guilty of fraud."),
    ("Ana Ruiz was let go by the port company.", "Ana Ruiz was dismissed from her job."),
    ("Ana Ruiz stepped down on Tuesday.", "Ana Ruiz resigned on Tuesday."),
    ("A crane operator died at the scene.", "A crane operator was pronounced dead at the scene."),
    ("A crane operator was killed on the dock.", "A crane operator died on the dock."),
    ("Two climbers have fallen to their deaths.", "Two climbers died on the ridge."),
    ("The driver drove off before police came.", "The driver fled before police came."),
    ("Ellery faces one count of fraud.", "Ellery was charged with one count of fraud."),
    ("Police took the driver into custody.", "Police arrested the driver."),
    ("A fire broke out in the warehouse.", "The warehouse caught fire."),
    ("The climber fell 200 metres.", "The climber had fallen 200 metres."),
    ("Ellery is scheduled to be arraigned on Monday.", "Ellery is expected to be arraigned."),
    ("Police pulled the driver over a few blocks away.", "Police pulled over the driver."),
    ("The guard was fatally shot on the pier.", "The guard was killed on the pier."),
    ("A gunman fatally stabbed the guard.", "A gunman killed the guard."),
    ("Ana Ruiz was fired from her job at the port.", "Ana Ruiz was dismissed by the port."),
    ("Voters cast ballots on Sunday.", "Voters went to the polls on Sunday."),
    ("Voters cast ballots on Sunday.", "People voted on Sunday."),
])  # fmt: skip
def test_one_fact_in_other_words_is_one_predicate(first, second):
    a, b = assertions([first, second])
    assert a.agrees(b) and not a.denies(b) and not a.contrasts(b)


@pytest.mark.parametrize(("first", "second"), [
    ("Tom Ellery was acquitted of fraud.", "Tom Ellery was convicted of fraud."),
    ("Tom Ellery was acquitted of fraud.", "Tom Ellery was found guilty of fraud."),
    ("The driver was arrested on Tuesday.", "The driver was released on Tuesday."),
    ("Shares in the port company rose 5%.", "Shares in the port company fell 5%."),
    ("Ana Ruiz resigned on Tuesday.", "Ana Ruiz was dismissed on Tuesday."),
    ("A crane operator was injured on the dock.", "A crane operator was killed on the dock."),
    ("A crane operator was hurt on the dock.", "A crane operator died on the dock."),
])  # fmt: skip
def test_opposed_predicates_contrast(first, second):
    a, b = assertions([first, second])
    assert not a.agrees(b) and a.contrasts(b)


@pytest.mark.parametrize(("first", "second"), [
    ("The driver drove off.", "The driver drove the truck."),  # the particle is the fact
    ("Ellery pleaded guilty to fraud.", "Ellery was found guilty of fraud."),  # a plea
    ("The gunman killed two guards.", "The gunman died."),  # who was killed is who died
    ("The guard was shot on the pier.", "The guard was killed on the pier."),  # shot, not dead
    ("The dock crew fired at the intruders.", "The dock crew was dismissed."),  # a gun's
])
def test_another_fact_is_another_predicate(first, second):
    a, b = assertions([first, second])
    assert not a.agrees(b)


@pytest.mark.parametrize(("first", "second"), [
    # a verb of telling in any form frames the fact its clause tells
    ("The Herald is reporting that the port talks stalled.", "The port talks stalled."),
    ("The company announced that it bought the mill.", "The company bought the mill."),
    ("Officials revealed that the bridge had cracked.", "The bridge had cracked."),
    # a light verb's object is the act
    ("The club extended an offer to Ruiz.", "The club offered Ruiz a deal."),
    ("Police launched an investigation into the fire.", "Police are investigating the fire."),
    ("Rebels carried out an attack on the port.", "Rebels attacked the port."),
    # a cleft sentence's clause
    ("It was the harbour master who closed the dock.", "The harbour master closed the dock."),
    ("It was the same pier where the guard died.", "The guard died on the pier."),
    # an act named as a noun that took place
    ("The shooting occurred on Friday at the dock.", "A guard was shot on Friday at the dock."),
])  # fmt: skip
def test_a_frame_or_light_verb_carries_the_fact(first, second):
    a, b = assertions([first, second])
    assert a.agrees(b) and not a.denies(b)


@pytest.mark.parametrize(("first", "second"), [
    ("The company announced its results.", "The company bought the mill."),  # no clause
    ("Officials revealed the name of the guard.", "The guard was named."),
    ("The club issued a statement on Ruiz.", "The club offered Ruiz a deal."),
    ("The storm occurred on Friday.", "A guard was shot on Friday."),
    ("The harbour master is the man who closed the dock.", "The man closed the dock."),
])  # fmt: skip
def test_a_frame_without_a_clause_is_its_own_fact(first, second):
    a, b = assertions([first, second])
    assert not a.agrees(b)


def test_found_not_guilty_is_the_acquittal_and_denies_the_finding_of_guilt():
    convicted, guilty, cleared, jury, acquitted = assertions([
        "Ellery was convicted of fraud.", "Ellery was found guilty of fraud.",
        "Ellery was found not guilty of fraud.", "A jury found Ellery not guilty of fraud.",
        "Ellery was acquitted of fraud."])
    for negated in (cleared, jury):
        assert negated.agrees(acquitted) and not negated.denies(acquitted)
        assert not negated.contrasts(acquitted)
        assert negated.denies(guilty) and negated.contrasts(convicted)


def test_a_plea_of_not_guilty_is_no_acquittal():
    plea, acquitted = assertions(["Ellery pleaded not guilty to fraud.",
                                  "Ellery was acquitted of fraud."])
    assert not plea.agrees(acquitted)


def _together(first: str, second: str, *words: str) -> bool:
    """Is a claim of both outlets corroborated whose support holds each of ``words``?"""
    lead = ("The harbour authority closed the east dock on Monday after a storm. ",
            "Storm damage shut the east dock of the harbour on Monday. ")
    briefing = build_briefing([Article("a", lead[0] + first, outlet="Coast Herald"),
                               Article("b", lead[1] + second, outlet="Valley News")])
    return any(c.status == "corroborated" and all(any(w in s.text for s in c.support)
                                                  for w in words) for c in briefing.claims)


def test_a_job_lost_in_other_words_is_corroborated():
    assert _together("Dock manager Ana Ruiz was let go by the port company on Tuesday.",
                     "Dock manager Ana Ruiz was dismissed from her job at the port company on "
                     "Tuesday.", "let go", "dismissed")


def test_an_injury_does_not_corroborate_a_death():
    assert not _together("A crane operator was injured when the crane fell.",
                         "A crane operator was killed when the crane fell.", "injured", "killed")
