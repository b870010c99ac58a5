"""Compare, precision first: a claim's every statement asserts the claim's own proposition, two
facts on one topic stay apart, and reports that differ because time passed are a development (the
fact's history in order), not a contradiction."""

from __future__ import annotations

import re

from newsprism.model import Article
from newsprism.pipeline import build_briefing

FIRE = ("A fire swept through a crowded nightclub in the port city of Dunmore late on Friday, "
        "and rescue crews worked through the night.")


def _statuses(briefing, needle: str) -> set[str]:
    return {c.status for c in briefing.claims if any(needle in s.text for s in c.support)}


def test_a_toll_revised_the_next_day_is_a_development_in_report_order():
    articles = [
        Article("day2", FIRE + " Police said on Sunday that 60 people were killed in the fire, "
                "revising the toll after some victims were counted twice.",
                outlet="Dunmore Herald", date="2024-03-10"),
        Article("day1", FIRE + " Police said on Saturday that 65 people were killed in the fire.",
                outlet="Coast Wire", date="2024-03-09"),
    ]
    briefing = build_briefing(articles)
    developing = [c for c in briefing.claims if c.status == "developing"]
    assert developing, [(c.status, c.note) for c in briefing.claims]
    (claim,) = developing
    assert [r.span.doc for r in claim.history] == ["day1", "day2"]  # earliest report first
    assert [r.reported for r in claim.history] == ["2024-03-09", "2024-03-10"]
    assert "65" in claim.history[0].value and "60" in claim.history[1].value
    assert not [c for c in briefing.claims if c.status == "contradicted" and c.kind == "figure"]


def test_one_outlets_successive_reports_never_contradict_it():
    articles = [
        Article(f"wire-{n}", FIRE + f" At least {toll} people were killed, police said.",
                outlet="Coast Wire", date="2024-03-09")
        for n, toll in enumerate((14, 18), start=1)
    ]
    briefing = build_briefing(articles)
    assert "contradicted" not in {c.status for c in briefing.claims}


def test_two_different_facts_on_one_topic_are_not_corroborated():
    articles = [
        Article("a", "The cabinet of Norland postponed a vote on the new budget until March, "
                "officials in Norland said on Monday.", outlet="Norland Post"),
        Article("b", "The cabinet of Sudmark promised a crackdown on tax evasion after the "
                "budget scandal, officials in Sudmark said on Monday.", outlet="Sudmark Times"),
    ]
    briefing = build_briefing(articles)
    assert "corroborated" not in {c.status for c in briefing.claims}


def test_a_remark_and_its_retraction_are_a_development():
    articles = [
        Article("said", "Ambassador Pieter Vaal said the talks with the rebels had failed.",
                outlet="Daily Ledger", date="2024-05-02"),
        Article("retracted", "Ambassador Pieter Vaal retracted his remark that the talks with "
                "the rebels had failed.", outlet="Evening Star", date="2024-05-03"),
    ]
    briefing = build_briefing(articles)
    assert "corroborated" not in _statuses(briefing, "talks with")


def test_a_chain_never_carries_a_statement_into_a_claim_it_does_not_state():
    articles = [
        Article("a", "Dockworkers at the Port of Calder walked off the job on Monday over pay.",
                outlet="A"),
        Article("b", "Port of Calder dockworkers went on strike on Monday in a dispute over pay.",
                outlet="B"),
        Article("c", "Port of Calder dockworkers returned to work on Friday after a pay deal.",
                outlet="C"),
    ]
    briefing = build_briefing(articles)
    for claim in briefing.claims:
        texts = " ".join(s.text for s in claim.support)
        assert not ("walked off" in texts and "returned to work" in texts), claim
        assert not ("went on strike" in texts and "returned to work" in texts), claim


CRASH = ("A driver hit a bell ringer's wife outside a store in Bloomington on Thursday evening "
         "and fled before police stopped his car.")


def test_an_expectation_and_its_outcome_are_one_development_in_order():
    articles = [
        Article("expected", CRASH + " Anthony LaSalle is expected to be charged today, "
                "Sgt. Marty Earley said.", outlet="Star Ledger"),
        Article("charged", CRASH + " Anthony LaSalle was charged on Friday with third-degree "
                "murder and criminal vehicular homicide.", outlet="City Pages"),
    ]
    briefing = build_briefing(articles)
    developing = [c for c in briefing.claims if c.status == "developing"]
    assert len(developing) == 1, [(c.status, c.text) for c in briefing.claims]
    history = [r.span.doc for r in developing[0].history]
    assert history == ["expected", "charged"]  # what was expected, then what happened
    assert developing[0].text.startswith("Anthony LaSalle was charged")


def test_no_development_from_another_actor_or_an_outcome_still_open():
    def briefing(outcome: str):
        return build_briefing([
            Article("expected", CRASH + " Anthony LaSalle is expected to be charged today.",
                    outlet="Star Ledger"),
            Article("other", CRASH + " " + outcome, outlet="City Pages"),
        ])

    for outcome in ("Michael Gallagher was charged on Friday with trespassing.",  # another actor
                    "Anthony LaSalle could be charged with murder, prosecutors said.",  # open
                    "Anthony LaSalle was released on Friday."):  # another act
        assert "developing" not in {c.status for c in briefing(outcome).claims}, outcome


def _developing(briefing) -> list:
    return [c for c in briefing.claims if c.status == "developing"]


def test_something_under_way_and_then_done_is_a_development_in_order():
    briefing = build_briefing([
        Article("done", "Detectives removed the body of the missing climber from the ravine "
                "below Mount Ardan on Sunday.", outlet="Valley News"),
        Article("under-way", "Authorities are in the process of recovering the body of the "
                "missing climber from the ravine below Mount Ardan, a police spokesman said.",
                outlet="Ardan Echo"),
    ])
    (claim,) = _developing(briefing)
    assert [r.span.doc for r in claim.history] == ["under-way", "done"]
    assert "corroborated" not in _statuses(briefing, "climber")


def test_a_speculation_and_what_settled_it_are_a_development():
    supposed = Article("supposed", "The ferry that sank off Kell Point might have been carrying "
                       "explosives, the harbour master said.", outlet="Kell Courier")
    denied = Article("denied", "The coast guard said the ferry that sank off Kell Point was not "
                     "carrying explosives, as some had speculated.", outlet="Island Times")
    (claim,) = _developing(build_briefing([denied, supposed]))
    assert [r.span.doc for r in claim.history] == ["supposed", "denied"]
    # a belief settles nothing, and an undated denial that does not say it answers the
    # speculation is not ordered after it
    for text in ("Many officials believe the ferry that sank off Kell Point carried explosives.",
                 "The ferry that sank off Kell Point was not carrying passengers."):
        other = Article("other", text, outlet="Island Times")
        assert not _developing(build_briefing([supposed, other])), text
    # a later report that denies something else
    dated = Article("dated", supposed.text, outlet="Kell Courier", date="2024-06-01")
    other = Article("other", "Divers found no bodies near the ferry that sank off Kell Point, "
                    "which was carrying explosives to the quarry.", outlet="Island Times",
                    date="2024-06-03")
    assert not _developing(build_briefing([dated, other]))


def test_a_closure_expected_to_last_and_its_end_are_a_development():
    briefing = build_briefing([
        Article("closed", "Police said the closures around Harbour Square were expected to last "
                "most of the day while investigators collected evidence.", outlet="Metro"),
        Article("reopened", "By 8 p.m., Harbour Square was reopened after investigators "
                "finished collecting evidence.", outlet="Evening Post"),
    ])
    (claim,) = _developing(briefing)
    assert [r.span.doc for r in claim.history] == ["closed", "reopened"]


def test_one_outlets_dated_reports_revise_a_toll_in_report_order():
    articles = [
        Article("later", FIRE + " Police backed off the toll on Sunday, saying 60 people were "
                "killed in the fire.", outlet="Wikinews", date="2024-03-10"),
        Article("first", FIRE + " Police said on Saturday that 65 people were killed in the fire.",
                outlet="Wikinews", date="2024-03-09"),
    ]
    briefing = build_briefing(articles)
    (claim,) = [c for c in _developing(briefing) if c.kind == "figure"]
    assert [(r.span.doc, r.reported) for r in claim.history] == [
        ("first", "2024-03-09"), ("later", "2024-03-10")]
    assert "contradicted" not in {c.status for c in briefing.claims}


def test_two_different_facts_on_one_topic_are_not_a_development():
    def developing(expected: str, other: str) -> list:
        return _developing(build_briefing([
            Article("day1", CRASH + " " + expected, outlet="Wikinews", date="2024-02-01"),
            Article("day2", CRASH + " " + other, outlet="Wikinews", date="2024-02-02"),
        ]))

    cases = [
        ("Anthony LaSalle is expected to be charged today.",
         "Anthony LaSalle was released from hospital on Friday."),  # another act
        ("The store's parking lot is expected to reopen on Monday.",
         "The county museum reopened on Monday after repairs."),  # another subject
        ("Nothing LaSalle does after his release is likely to change the verdict.",
         "The trial changed the verdict of many people on the driver."),  # nothing expected
        ("Police said 12 people were injured in the crash.",
         "Police said 3 people were killed in the crash."),  # another quantity
        ("Police must finish their work if the store's parking lot is going to reopen Monday.",
         "The store's parking lot reopened on Monday."),  # a condition, not an expectation
        ("The store's parking lot is expected to reopen on Monday.",
         "Police asked the owner of the store's parking lot to reopen it."),  # still to do
        ("A verdict would please the county, and the county board would likely agree.",
         "The county board has agreed to build a new road."),  # supposed, not expected
        ("The driver has missed work this month due to injury.",
         "The driver has recovered from the injury."),  # "due to": a cause, not a schedule
        ("The store had been expected to be a busy place this winter.",
         "The store opened a busy new branch in the county."),  # a state expected, no act
    ]
    for expected, other in cases:
        assert not developing(expected, other), (expected, other)


RACE = "The Tour of Norland crossed the Kessel mountains this week in heavy rain. "
KEPT = "Denis Marrow of Russia kept his overall lead after the sixteenth stage."


def _two_reports(lead: str, first: str, second: str, dates: tuple[str | None, str | None],
                 outlets: tuple[str, str] = ("Wikinews", "Wikinews")) -> list:
    """The developing claims of two reports, each the lead and one sentence."""
    return _developing(build_briefing([
        Article("first", lead + first, outlet=outlets[0], date=dates[0]),
        Article("second", lead + second, outlet=outlets[1], date=dates[1]),
    ]))


def _race(first: str, second: str, dates: tuple[str | None, str | None]) -> list:
    return _two_reports(RACE, first, second, dates)


def test_a_title_changing_hands_across_one_outlets_dated_reports_is_its_history():
    (claim,) = _race(KEPT, "Alberto Castell has won the general classification, ahead of "
                     "Denis Marrow.", ("2024-07-23", "2024-07-29"))
    assert [(r.span.doc, r.value, r.reported) for r in claim.history] == [
        ("first", "Denis Marrow of Russia kept his overall lead", "2024-07-23"),
        ("second", "Alberto Castell has won the general classification", "2024-07-29")]


def test_no_title_history_for_one_holder_another_title_or_undated_reports():
    dated = ("2024-07-23", "2024-07-29")
    assert not _race(KEPT, "Denis Marrow has won the general classification, ahead of "
                     "Alberto Castell.", dated)  # the same holder
    assert not _race(KEPT, "Alberto Castell has won the points classification, ahead of "
                     "Denis Marrow.", dated)  # another title
    assert not _race(KEPT, "Alberto Castell has won the general classification, ahead of "
                     "Denis Marrow.", (None, None))  # no order


def test_a_count_in_words_across_one_outlets_dated_reports_is_a_development():
    briefing = build_briefing([
        Article("later", "Eleven soldiers have been found guilty of abusing prisoners at the camp.",
                outlet="Wikinews", date="2006-03-20"),
        Article("earlier", "Nine soldiers have been found guilty of abusing prisoners at the "
                "camp, a military court said.",
                outlet="Wikinews", date="2005-01-15"),
    ])
    (claim,) = [c for c in _developing(briefing) if c.kind == "figure"]
    assert [(r.value, r.reported) for r in claim.history] == [
        ("Nine", "2005-01-15"), ("Eleven", "2006-03-20")]


def test_one_outlets_reports_of_different_days_saying_the_opposite_are_a_development():
    talks = "Delegates from 180 countries met at the climate conference in Bali this week. "
    briefing = build_briefing([
        Article("later", talks + "The United States has not agreed to binding emission "
                "targets, officials said.", outlet="Wikinews", date="2007-12-14"),
        Article("first", talks + "The United States has agreed to binding emission targets, "
                "officials said.", outlet="Wikinews", date="2007-12-10"),
    ])
    (claim,) = _developing(briefing)
    assert [r.span.doc for r in claim.history] == ["first", "later"]
    assert "contradicted" not in {c.status for c in briefing.claims}


def test_one_title_named_in_other_words_changing_hands_is_its_history():
    # the overall leader's jersey is the overall lead, however a report names it
    (claim,) = _race("Denis Marrow pulled on the yellow jersey after the sixteenth stage.",
                     "Alberto Castell has won the general classification, ahead of Denis Marrow.",
                     ("2024-07-23", "2024-07-29"))
    assert [r.span.doc for r in claim.history] == ["first", "second"]
    (claim,) = _race("Alberto Castell became the new race leader on the Kessel climb.",
                     "Denis Marrow took over the maillot jaune in the time trial.",
                     ("2024-07-20", "2024-07-26"))
    assert [r.span.doc for r in claim.history] == ["first", "second"]
    # a title given as the holder's description
    (claim,) = _race("Race leader Denis Marrow finished safely in the bunch on Tuesday.",
                     "Alberto Castell pulled on the yellow jersey after the time trial.",
                     ("2024-07-20", "2024-07-26"))
    assert claim.history[0].value == "Race leader Denis Marrow"
    # a former holder, or a leader of something else, holds no race title
    for description in ("Former race leader Denis Marrow", "Team leader Denis Marrow"):
        assert not _race(f"{description} finished safely in the bunch on Tuesday.",
                         "Alberto Castell pulled on the yellow jersey after the time trial.",
                         ("2024-07-20", "2024-07-26")), description
    # another jersey's colour names another classification, one that differs from race to race
    assert not _race("Denis Marrow kept the green jersey after the sixteenth stage.",
                     "Alberto Castell has won the general classification, ahead of Denis Marrow.",
                     ("2024-07-23", "2024-07-29"))


def test_a_standing_in_the_polls_held_by_one_then_another_is_its_history():
    lead = "The race for governor of Norland enters its last month. "
    (claim,) = _two_reports(lead, "Ann Vale leads the polls by six points, a survey found.",
                            "Tom Reed is now leading in the opinion polls after the debate.",
                            ("2024-09-01", "2024-09-20"))
    assert [r.span.doc for r in claim.history] == ["first", "second"]
    # winning a race (a stage, a one-day event) is a result, not a standing held
    assert not _two_reports(RACE, "Denis Marrow won the race on Tuesday.",
                            "Alberto Castell won the race on Friday.", ("2024-07-20", "2024-07-26"))


def test_a_recovery_under_way_and_then_done_is_a_development_in_order():
    under_way = Article("under-way", "The body of the missing climber is being recovered from "
                        "the ravine below Mount Ardan, a police spokesman said.",
                        outlet="Ardan Echo", date="2024-04-02")
    done = Article("done", "Detectives removed the body of the missing climber from the ravine "
                   "below Mount Ardan.", outlet="Valley News", date="2024-04-03")
    (claim,) = _developing(build_briefing([done, under_way]))
    assert [r.span.doc for r in claim.history] == ["under-way", "done"]
    # something else under way is no operation left open
    treated = Article("treated", "The death of the missing climber is being treated as an "
                      "accident by police below Mount Ardan.", outlet="Ardan Echo",
                      date="2024-04-02")
    ruled = Article("ruled", "Police treated the death of the missing climber below Mount Ardan "
                    "as an accident.", outlet="Valley News", date="2024-04-03")
    assert not _developing(build_briefing([treated, ruled]))


TRIAL = "The abuse of prisoners at the Kessel camp shocked the country. "


def _process(first: str, second: str, dates: tuple[str | None, str | None] = (
        "2005-01-15", "2005-03-20"), outlets: tuple[str, str] = ("Wikinews", "Wikinews")) -> list:
    return _two_reports(TRIAL, first, second, dates, outlets)


def test_a_legal_process_moving_on_across_dated_reports_is_its_history():
    (claim,) = _process("Ron Kell, a sergeant, 36, was found guilty of abusing prisoners.",
                        "A military judge sentenced Ron Kell to ten years in prison.")
    assert [(r.span.doc, r.reported) for r in claim.history] == [
        ("first", "2005-01-15"), ("second", "2005-03-20")]
    # "found X guilty", then a pronoun that stands for the one person named just before it
    (claim,) = _process("A military jury found Ron Kell guilty of abusing prisoners.",
                        "Ron Kell appeared in court in uniform. He was sentenced to ten years "
                        "in prison.")
    assert [r.span.doc for r in claim.history] == ["first", "second"]
    assert claim.history[-1].value.startswith("He was sentenced")
    # arrested, then charged, by two outlets: a relative clause between name and step is read
    (claim,) = _process("Police arrested Ron Kell at his home in Kessel.",
                        "Ron Kell, who was arrested last week, was charged with abusing "
                        "prisoners.", outlets=("Kessel Post", "Norland Times"))
    assert [r.span.doc for r in claim.history] == ["first", "second"]


def test_no_legal_history_without_a_later_step_of_one_participant_on_a_later_day():
    for first, second, dates in [
        # the same step told twice
        ("Ron Kell was found guilty of abusing prisoners.",
         "Ron Kell was convicted of abusing prisoners at the camp.", ("2005-01-15", "2005-03-20")),
        # another participant
        ("Ron Kell was found guilty of abusing prisoners.",
         "Lynn Marsh was sentenced to three years in prison.", ("2005-01-15", "2005-03-20")),
        # a step only expected, or negated
        ("Ron Kell was found guilty of abusing prisoners.",
         "Ron Kell could be sentenced to fifteen years in prison.", ("2005-01-15", "2005-03-20")),
        ("Ron Kell was arrested at his home in Kessel.",
         "Ron Kell has not been charged with any crime.", ("2005-01-15", "2005-03-20")),
        # the higher step reported first: a later report tells an earlier step again
        ("Ron Kell was sentenced to ten years in prison.",
         "Ron Kell was found guilty of abusing prisoners.", ("2005-01-15", "2005-03-20")),
        # undated reports cannot be ordered
        ("Ron Kell was found guilty of abusing prisoners.",
         "A military judge sentenced Ron Kell to ten years in prison.", (None, None)),
        # a pronoun after a statement naming two people stands for neither
        ("Ron Kell was found guilty of abusing prisoners.",
         "Ron Kell met Lynn Marsh in court. He was sentenced to ten years in prison.",
         ("2005-01-15", "2005-03-20")),
        # someone else's step: the lawyer of the participant, or a friend of his
        ("Ron Kell was arrested at his home in Kessel.",
         "A friend of Ron Kell was charged with hiding evidence.", ("2005-01-15", "2005-03-20")),
    ]:
        assert not _process(first, second, dates), (first, second)


def test_reports_of_fewer_than_two_days_are_read_for_no_step_nor_holder(monkeypatch):
    """A process moved on and a title changed hands link only dated reports of two days: a
    briefing of undated reports, or of one day's, reads no statement's steps or holders."""
    import newsprism.compare as compare

    def unread(*_):
        raise AssertionError("read without two report days")

    monkeypatch.setattr(compare, "steps", unread)
    monkeypatch.setattr(compare, "holding", unread)
    for dates in [(None, None), ("2005-01-15", "2005-01-15"), ("2005-01-15", None)]:
        assert not _process("Ron Kell was found guilty of abusing prisoners.",
                            "A military judge sentenced Ron Kell to ten years in prison.", dates)


def test_a_captivity_ending_across_dated_reports_is_its_history():
    (claim,) = _process("The reporter Anna Brisk was kidnapped by gunmen near the Kessel camp.",
                        "Anna Brisk was freed unharmed after talks with the gunmen.",
                        ("2024-04-01", "2024-04-09"), outlets=("Kessel Post", "Norland Times"))
    assert [r.span.doc for r in claim.history] == ["first", "second"]
    # released from hospital after an injury: no captivity began
    assert not _process("The reporter Anna Brisk was injured by gunmen near the Kessel camp.",
                        "Anna Brisk was released from hospital after a week.",
                        ("2024-04-01", "2024-04-09"))


def test_a_search_moving_on_across_dated_reports_is_its_history():
    (claim,) = _process("The climber Anna Brisk went missing on Mount Ardan on Sunday.",
                        "Anna Brisk was found alive in a ravine below the summit.",
                        ("2024-04-01", "2024-04-03"))
    assert [r.span.doc for r in claim.history] == ["first", "second"]
    # found guilty is no step of a search
    assert not _process("The climber Anna Brisk went missing on Mount Ardan on Sunday.",
                        "Anna Brisk was found guilty of trespassing on Mount Ardan.",
                        ("2024-04-01", "2024-04-03"))


def test_a_count_that_rises_between_dated_reports_is_a_development_even_within_a_bound():
    lead = "Search teams combed the sea where the ferry Kessel Star sank last week. "
    articles = [
        Article("later", lead + "Sixteen bodies have been recovered from the sea, the navy said.",
                outlet="Island Times", date="2024-06-08"),
        Article("first", lead + "At least two bodies have been recovered from the sea, the navy "
                "said.", outlet="Kell Courier", date="2024-06-06"),
    ]
    (claim,) = [c for c in _developing(build_briefing(articles)) if c.kind == "figure"]
    assert [(r.value, r.reported) for r in claim.history] == [
        ("At least two", "2024-06-06"), ("Sixteen", "2024-06-08")]
    # a part or an increment is not the whole count
    more = Article("later", lead + "Another 14 bodies have been recovered from the sea, the navy "
                   "said.", outlet="Island Times", date="2024-06-08")
    assert not [c for c in _developing(build_briefing([articles[1], more])) if c.kind == "figure"]
    # the same day, a bound that allows the other value is no disagreement at all
    same_day = [Article(a.id, a.text, outlet=a.outlet, date="2024-06-08") for a in articles]
    statuses = {c.status for c in build_briefing(same_day).claims if c.kind == "figure"}
    assert not statuses & {"developing", "contradicted"}


def test_a_toll_in_deaths_is_the_toll_in_people_killed_a_later_day():
    lead = "The earthquake that struck Kessel on January 12 left the capital in ruins. "
    articles = [
        Article("later", lead + "The United Nations said the earthquake left exactly 222,570 "
                "deaths in Kessel.", outlet="Norland Times", date="2010-03-18"),
        Article("first", lead + "As many as 200,000 people were killed by the earthquake in "
                "Kessel, officials said.", outlet="Kessel Post", date="2010-01-29"),
    ]
    (claim,) = [c for c in _developing(build_briefing(articles)) if c.kind == "figure"]
    assert [(r.span.doc, r.reported) for r in claim.history] == [
        ("first", "2010-01-29"), ("later", "2010-03-18")]


def _toll_histories(first: str, second: str, dates: tuple[str | None, str | None]) -> list:
    lead = "The earthquake left the capital of Kessel in ruins. "
    return [c for c in _developing(build_briefing([
        Article("first", lead + first, outlet="Kessel Post", date=dates[0]),
        Article("second", lead + second, outlet="Norland Times", date=dates[1]),
    ])) if c.kind == "figure"]


def test_a_toll_told_in_other_words_on_a_later_day_is_its_history():
    (claim,) = _toll_histories(
        "The death toll, as of Friday, is estimated to be 110,000.",
        "As many as 200,000 people were killed by the tremors, which struck on January 12.",
        ("2010-01-23", "2010-01-29"))
    assert [(r.span.doc, r.reported) for r in claim.history] == [
        ("first", "2010-01-23"), ("second", "2010-01-29")]


def test_no_toll_history_the_same_day_undated_vague_for_another_place_or_period():
    for first, second, dates in [
        ("The death toll, as of Friday, is estimated to be 110,000.",
         "As many as 200,000 people were killed by the tremors, which struck on January 12.",
         ("2010-01-23", "2010-01-23")),
        ("The death toll, as of Friday, is estimated to be 110,000.",
         "As many as 200,000 people were killed by the tremors, which struck on January 12.",
         (None, None)),
        ("The death toll, as of Friday, is estimated to be 110,000.",
         "Thousands of people were killed by the tremors, which struck on January 12.",
         ("2010-01-23", "2010-01-29")),
        ("The death toll in Norland, as of Friday, is estimated to be 1,100.",
         "As many as 200,000 people were killed in Kessel by the tremors.",
         ("2010-01-23", "2010-01-29")),
        ("Nineteen people were killed by the shelling on Monday.",
         "Twenty-nine people have been killed by the shelling since the offensive began.",
         ("2010-01-23", "2010-01-29")),
    ]:
        assert not _toll_histories(first, second, dates), (first, second)


BORDER = "The children's home in Kessel stood empty this week after the border incident. "
GULF = "Gunboats patrolled the gulf off Kessel this week as the crisis went on. "
QUAKE = "Hospitals in Kessel were overwhelmed after the earthquake this week. "
TWO_DAYS = ("2010-02-01", "2010-02-05")


def _statement_histories(lead: str, first: str, second: str,
                         dates: tuple[str | None, str | None] = TWO_DAYS) -> list:
    """The developing claims of two reports of two outlets, statements only (no figures)."""
    return [c for c in _two_reports(lead, first, second, dates, ("Kessel Post", "Norland Times"))
            if c.kind == "statement"]


def test_a_group_named_by_its_count_moving_on_is_its_history():
    # the same count, heads compatible through the nationality; a relative clause holding
    # another group stands between the subject and its step
    (claim,) = _statement_histories(
        BORDER, "Kessel police arrested ten Norland nationals at the border on Sunday.",
        "Ten Norland missionaries who tried to take 33 children across the border have been "
        "charged with kidnapping.")
    assert [r.span.doc for r in claim.history] == ["first", "second"]
    # the step named by a noun after "following their", said of the opening group
    (claim,) = _statement_histories(
        GULF, "On Friday, fifteen Norland sailors were captured by gunboats in the gulf.",
        "The fifteen Norland sailors landed at Kessel airport on Thursday, following their "
        "release after thirteen days.")
    assert [r.span.doc for r in claim.history] == ["first", "second"]


def test_no_group_history_for_another_count_a_part_a_generic_group_or_a_condition():
    for lead, first, second in [
        (BORDER, "Kessel police arrested ten Norland nationals at the border on Sunday.",
         "Eight Norland missionaries have been charged with kidnapping."),
        (BORDER, "Two people were arrested at the border on Sunday.",
         "Two people have been charged with kidnapping."),
        (GULF, "On Friday, fifteen Norland sailors were captured by gunboats in the gulf.",
         "The other 14 Norland sailors were released on Thursday."),
        (GULF, "On Friday, fifteen Norland sailors were captured by gunboats in the gulf.",
         "Norland froze trade with Kessel until all 15 Norland sailors are released."),
        (GULF, "On Friday, fifteen Norland sailors were captured by gunboats in the gulf.",
         "Kessel agreed to have the 15 Norland sailors released soon."),
    ]:
        assert not _statement_histories(lead, first, second), (first, second)


def test_an_operation_halted_then_resumed_is_its_history():
    # a hedge after the step ("reportedly due to who will pay") does not hedge the halt
    (claim,) = _statement_histories(
        QUAKE, "The army has halted the evacuation of the injured, reportedly due to "
        "uncertainty about who will pay for their care.",
        "The evacuation was resumed on Tuesday after the costs were agreed.")
    assert [r.span.doc for r in claim.history] == ["first", "second"]
    (claim,) = _statement_histories(
        QUAKE, "The search for survivors was suspended on Sunday night because of the storm.",
        "Rescuers called off the search for survivors on Friday.")
    assert [r.span.doc for r in claim.history] == ["first", "second"]
    (claim,) = _statement_histories(
        QUAKE, "The trial of the builders was adjourned after a witness collapsed.",
        "The trial of the builders resumed in Kessel on Monday.")
    assert [r.span.doc for r in claim.history] == ["first", "second"]


def _one_history(lead: str, first: str, second: str) -> list[str]:
    """The reports, in order, of the one developing claim of two dated reports."""
    (claim,) = _statement_histories(lead, first, second)
    return [r.span.doc for r in claim.history]


def test_a_step_announced_in_a_later_days_report_moves_a_process_on():
    # the decision to resume, told days after the halt by the one who decides; a condition
    # in a later clause is not the announcement's
    assert _one_history(
        QUAKE, "The army has halted the evacuation of the injured, reportedly due to "
        "uncertainty about who will pay for their care.",
        "The government will resume evacuation flights for the injured, following doctors "
        "advising that many would die if they were not flown out.") == ["first", "second"]
    assert _one_history(
        GULF, "On Friday, fifteen Norland sailors were captured by gunboats in the gulf.",
        "The president of Kessel said the fifteen Norland sailors would be released as a "
        "gift to their families.") == ["first", "second"]


def test_no_history_from_a_step_announced_hedged_conditional_undated_or_first():
    for lead, first, second, dates in [
        (QUAKE, "The army has halted the evacuation of the injured.",
         "The evacuation of the injured could resume next week.", TWO_DAYS),
        (QUAKE, "The army has halted the evacuation of the injured.",
         "The evacuation of the injured is expected to resume next week.", TWO_DAYS),
        (QUAKE, "The army has halted the evacuation of the injured.",
         "The evacuation of the injured was to resume on Tuesday.", TWO_DAYS),
        (QUAKE, "The army has halted the evacuation of the injured.",
         "The government will resume the evacuation of the injured.", (None, None)),
        (GULF, "On Friday, fifteen Norland sailors were captured by gunboats in the gulf.",
         "The fifteen Norland sailors would be released if Norland apologised.", TWO_DAYS),
        (GULF, "On Friday, fifteen Norland sailors were captured by gunboats in the gulf.",
         "The fifteen Norland sailors will not be released soon, Kessel said.", TWO_DAYS),
        # announced first, then the step below it: no process moved on
        (QUAKE, "The government will resume the evacuation of the injured.",
         "The army has halted the evacuation of the injured.", TWO_DAYS),
        # two announcements
        (GULF, "Kessel said the fifteen Norland sailors would be released.",
         "Kessel said again that the fifteen Norland sailors would be released.", TWO_DAYS),
    ]:
        assert not _statement_histories(lead, first, second, dates), (first, second)


def test_no_operation_history_looked_ahead_for_another_operation_or_in_reverse():
    for first, second, dates in [
        ("The army has halted the evacuation of the injured.",
         "Officials agreed to resume the evacuation of the injured.", TWO_DAYS),
        ("The search for survivors was suspended on Sunday night.",
         "The evacuation of the injured resumed on Tuesday.", TWO_DAYS),
        ("The evacuation of the injured resumed on Tuesday.",
         "The army has halted the evacuation of the injured.", TWO_DAYS),
        ("The army has halted the evacuation of the injured.",
         "The evacuation was resumed on Tuesday after the costs were agreed.", (None, None)),
    ]:
        assert not _statement_histories(QUAKE, first, second, dates), (first, second)


def test_a_search_for_what_an_object_belongs_to_is_its_history():
    lead = "Ships searched the sea north of Kessel this week. "
    (claim,) = _statement_histories(
        lead, "A Norland Airways plane carrying 80 people to Kessel went missing on Monday.",
        "The navy located bodies and wreckage of a Norland Airways plane in the sea.")
    assert [r.span.doc for r in claim.history] == ["first", "second"]
    (claim,) = _statement_histories(
        lead, "The navy located bodies and wreckage of a Norland Airways plane in the sea.",
        "A search team recovered a part of the tail section of a Norland Airways plane.")
    assert [r.span.doc for r in claim.history] == ["first", "second"]
    # a negated find is no step
    assert not _statement_histories(
        lead, "A Norland Airways plane carrying 80 people to Kessel went missing on Monday.",
        "Teams confirmed that neither have recovered any debris from Norland Airways.")


def test_every_negation_denies_a_speculation_or_takes_back_an_expectation():
    from newsprism.compare.outcomes import denies_or_confirms, left_open, looks_ahead

    speculated = left_open("Several people may have been injured in the blast.")
    assert speculated is not None
    assert denies_or_confirms("Nobody was injured.", speculated)
    assert denies_or_confirms("Police said no one was injured.", speculated)
    assert not denies_or_confirms("Three people were injured.", speculated)
    assert looks_ahead("Both sides are expected to sign the deal.")
    assert not looks_ahead("Neither side is expected to sign the deal.")


def test_a_title_not_won_with_a_contracted_negation_is_held_by_no_one():
    from newsprism.compare.holders import holding

    contador = [(0, "contador")]
    assert holding("Contador won the overall lead on Sunday.", contador) is not None
    assert holding("Contador didn't win the overall lead on Sunday.", contador) is None
    assert holding("Contador didn’t win the overall lead on Sunday.", contador) is None


def test_no_outcome_from_an_expectation_already_overtaken_a_possibility_or_a_light_verb_alone():
    """Three false developments of a fresh ECB+ audit (7_ecb, 9_ecb): "was originally scheduled
    to face Povetkin" (the report knows the plan fell through; and "face" is light, so the act
    read was the name), settled by "Povetkin ... couldn't face"; "will likely
    invoke the review act" settled by "members can invoke" it (a power, not an act done); and
    "rules set to go into effect" settled by "they are going after rules" ("go" names no act
    without its object)."""
    from newsprism.compare.outcomes import left_open, settles

    assert left_open("The champion was originally scheduled to defend his title in May.") is None
    assert left_open("The fight had been expected to take place in May.") is None
    assert left_open("The champion is scheduled to defend his title in May.") is not None
    # a cue naming a participant, not an act: any report naming him would settle it
    assert left_open("The champion is scheduled to face Alexander Povetkin.") is None
    assert left_open("Anthony LaSalle is expected to face charges today.") is not None
    invoke = left_open("The chairman says he will likely invoke the review act.")
    assert invoke is not None
    assert not settles("In the House, members can invoke the review act.", invoke)
    assert not settles("In the House, the chairman must invoke the review act.", invoke)
    assert settles("In the House, the chairman invoked the review act.", invoke)
    effect = left_open("Critics say the new rules, set to go into effect in January, are unlawful.")
    assert effect is not None
    assert not settles("They are going after rules that protect wildlife.", effect)
    # in the present, an act of no family may be still to come ("go into effect in 30 days");
    # a light verb in the past, with its object, settles
    assert not settles("The new rules go into effect in 30 days.", effect)
    force = left_open("Critics say the new rules, set to put quotas into force, are unlawful.")
    assert force is not None
    assert not settles("Officials are putting limits on fishing boats.", force)
    assert settles("The ministry put quotas into force on Friday.", force)


FILM = "The studio Norland Pictures is making a sequel to its hit film Red Harbour. "


def test_no_plan_done_by_the_act_on_another_object_or_in_an_infinitive():
    from newsprism.compare.outcomes import left_open, settles

    plan = left_open("Anna Brisk is expected to direct Blue Harbour, the sequel to Red Harbour.")
    assert plan is not None
    assert settles("Anna Brisk directed Blue Harbour in Kessel last year.", plan)
    assert not settles("Anna Brisk directed the thriller Cold Coast last year.", plan)
    assert not settles("Anna Brisk agreed to direct Blue Harbour.", plan)
    assert not _statement_histories(
        FILM, "Anna Brisk is expected to direct Blue Harbour, the sequel to Red Harbour.",
        "Anna Brisk directed the thriller Cold Coast, which was a hit.", (None, None))


def test_an_act_done_by_another_subject_settles_no_plan():
    from newsprism.compare.outcomes import left_open, settles

    site = left_open("Mira Dole is set to launch a new magazine this spring.")
    assert site is not None
    # "began" of something else: a noun phrase that is neither her nor the magazine
    assert not settles("The email exchange began with Dole's note to the editors.", site)
    assert not settles("The quarrel has finally begun at the newspaper.", site)
    # she, a role that may name her, a word of hers, or the magazine named after the verb
    assert settles("She launched the magazine on Monday.", site)
    assert settles("The founder launched it on Monday.", site)
    assert settles("The new magazine began with an essay by Dole.", site)
    assert settles("The publisher's daughter launched the magazine on Monday.", site)
    fair = left_open("The county fair is set to begin on Friday.")
    assert fair is not None
    assert settles("The county fair began with a parade down Main Street.", fair)
    assert settles("It began with a parade down Main Street.", fair)
    assert not settles("The rain began with a drizzle on Friday.", fair)
    # a noun of the act has its own determiner, no subject: she "now faces a theft charge"
    charged = left_open("Anna Brisk is expected to be charged today.")
    assert charged is not None
    assert settles("The woman police say took the van now faces a theft charge.", charged)


def test_no_history_for_different_people_or_a_charge_counted():
    from newsprism.compare.ladders import groups

    # one act on one object, but two people named and none shared
    assert not _statement_histories(
        BORDER, "Anna Brisk is expected to be charged with kidnapping.",
        "Piet Vaal was charged with kidnapping on Monday.", (None, None))
    (claim,) = _statement_histories(
        BORDER, "Anna Brisk is expected to be charged with kidnapping.",
        "Anna Brisk was charged with kidnapping on Monday.", (None, None))
    assert [r.span.doc for r in claim.history] == ["first", "second"]
    # "two counts" are no group of two
    assert not groups("He has been charged with two counts of murder.")
    assert groups("Two soldiers were charged with murder.")


def test_a_plan_told_again_in_the_present_or_a_gerund_is_no_outcome():
    from newsprism.compare.outcomes import left_open, settles

    plan = left_open("The new rules are expected to take effect in about 30 days.")
    assert plan is not None
    for again in ("The new rules take effect nine days before the inauguration.",
                  "The department's new rule takes effect in January.",
                  "Kempthorne defended the rules, which take effect in 30 days."):
        assert not settles(again, plan), again
    published = left_open("The department is expected to publish the rules in the register.")
    assert published is not None
    assert settles("The department published the rules in the register on Friday.", published)
    assert not settles("The department publishes the rules in the register on Friday.",
                       published)
    # a family's act named by a noun in the plural is no verb in the present
    charged = left_open("Anna Brisk is expected to be charged today.")
    assert charged is not None
    assert settles("Anna Brisk faces serious charges, including kidnapping.", charged)
    role = left_open("Anna Brisk is expected to take on the sequel to Red Harbour.")
    assert role is not None
    assert not settles("Anna Brisk is taking over the sequel to Red Harbour.", role)
    # a gerund tells nothing done: a framework "for reaching" an agreement reached none
    deal = left_open("Delegates say an agreement is expected to be reached on emissions.")
    assert deal is not None
    assert not settles("The plan sets a time frame for reaching an agreement on emissions.", deal)
    assert settles("Delegates reached an agreement on emissions on Saturday.", deal)


def test_years_and_months_name_no_object():
    from newsprism.compare.outcomes import left_open, settles

    plan = left_open("The mayor is expected to renovate a library within two years.")
    assert plan is not None and plan.object == frozenset({"librari"})
    assert not settles("The mayor renovated a museum two years ago.", plan)
    assert settles("The mayor renovated the library in two years.", plan)


MEETING = "Kessel Oil faced a revolt over its chief executive's pay this spring. "
STORM = "A hurricane moved up the coast this week, and towns along the shore braced for it. "


def test_a_plan_told_with_a_plain_will_and_its_deed_are_a_development_in_order():
    from newsprism.compare.outcomes import left_open

    plan = left_open("Kessel Oil shareholders will vote on the pay package at the annual meeting "
                     "in Dunmore on April 16.")
    assert plan is not None and plan.intention and plan.head == "sharehold"
    plan_told = ("Kessel Oil shareholders will vote on the pay package at the annual meeting "
                 "in Dunmore on April 16.")
    deed = ("A majority of Kessel Oil shareholders voted against the pay package at the annual "
            "meeting in Dunmore.")
    (claim,) = _statement_histories(MEETING, plan_told, deed, TWO_DAYS)
    assert [r.span.doc for r in claim.history] == ["first", "second"]
    # undated, or the deed reported first: what "will" happen is as often announced again, or
    # another occasion, as done
    assert not _statement_histories(MEETING, plan_told, deed, (None, None))
    assert not _statement_histories(MEETING, plan_told, deed, TWO_DAYS[::-1])


def test_no_deed_for_a_plan_of_another_subject_or_sharing_only_an_adjective():
    # a plain "will" is settled by what its subject does, never by its object's words alone
    assert not _statement_histories(
        MEETING, "Kessel Oil will open a refinery in Dunmore next year.",
        "The rival firm Vaal Energy opened a refinery in Dunmore on Monday.", TWO_DAYS)
    # "Tropical" is no subject shared: the depression is not the storm watch (a hedged plan,
    # settled through its subject, needs the subject's head word or two of its words)
    assert not _statement_histories(
        STORM, "Farther east, Tropical Depression Ten probably will be upgraded to a tropical "
        "storm today, forecasters said.",
        "Early on Friday, the weather service upgraded the tropical storm watch for the capital "
        "to a tropical storm warning.", (None, None))


def test_a_figure_a_later_report_names_as_replaced_is_a_development_in_order():
    def figures(first: str, second: str) -> list:
        return [c for c in _two_reports(
            "The state lottery drew crowds to shops in every county this week. ", first, second,
            (None, None), ("Kessel Post", "Norland Times")) if c.kind == "figure"]

    (claim,) = figures(
        "The lottery jackpot swelled to $586 million on Monday, the game's director said.",
        "The lottery jackpot estimate was $636 million at noon, updated from $586 million a "
        "day earlier, a spokeswoman said.")
    assert [(r.span.doc, r.value) for r in claim.history] == [
        ("first", "$586 million"), ("second", "$636 million")]
    # the replaced value of another unit, or given by another article about something else
    assert not figures(
        "The lottery jackpot swelled to 586 tickets a minute on Monday, the director said.",
        "The lottery jackpot estimate was $636 million at noon, updated from $586 million a "
        "day earlier, a spokeswoman said.")
    assert not figures(
        "A new stadium in Dunmore cost $586 million, the city council said.",
        "The lottery jackpot estimate was $636 million at noon, updated from $586 million a "
        "day earlier, a spokeswoman said.")
    # a past period's value, and a report that tells the same change, are no earlier report
    pay = ("The chief executive's pay package fell from 24.2 million euros in 2014 to 5.58 "
           "million euros last year, the company said.")
    assert not figures("The chief executive was paid 24.2 million euros by the lottery firm, "
                       "its annual report said.", pay)
    assert not figures("The chief executive's pay package was 24.2 million euros, and it then "
                       "fell to 5.6 million euros, the company said.",
                       "The chief executive's pay package was 5.58 million euros at noon, "
                       "revised from 24.2 million euros, the company said.")


def test_what_one_faces_lies_ahead_but_charges_faced_are_filed():
    from newsprism.compare.outcomes import left_open, settles

    hearing = left_open("Anna Brisk is expected to be arraigned today in the district court.")
    assert hearing is not None
    assert not settles("Anna Brisk faces arraignment in the district court on Wednesday.",
                       hearing)
    assert settles("Following her arraignment in the district court today, Anna Brisk was held "
                   "without bail.", hearing)
    # one arraigned is charged, but a charge comes first: it settles no arraignment expected
    assert not settles("Anna Brisk has been charged with kidnapping, the district attorney "
                       "said.", hearing)
    charged = left_open("Anna Brisk is expected to be charged today.")
    assert charged is not None
    assert settles("Anna Brisk faces charges of kidnapping.", charged)
    assert settles("Anna Brisk was arraigned on kidnapping charges on Friday.", charged)
    # so what one faces is left open, and settled when done; charges faced leave nothing open
    faced = left_open("Anna Brisk faces arraignment in the district court on Wednesday.")
    assert faced is not None and faced.intention
    assert settles("Following her arraignment in the district court today, Anna Brisk was held "
                   "without bail.", faced)
    assert left_open("Anna Brisk faces two kidnapping charges.") is None


def test_an_act_called_for_in_an_infinitive_is_not_done():
    from newsprism.compare.outcomes import left_open, settles

    plan = left_open("The foreign minister said the sailor Anna Brisk will be released very "
                     "soon.")
    assert plan is not None
    assert not settles("Norland has called for the sailor Anna Brisk to be released.", plan)
    assert not settles("Anna Brisk is said to have been released.", plan)
    assert settles("The sailor Anna Brisk was released on Thursday and flew home.", plan)


def test_an_outcome_told_of_another_year_is_background():
    lead = "The actress Anna Brisk died in Kessel on Thursday after a heart attack. "
    expected = "Anna Brisk was scheduled to be released from the hospital on 2 December."
    assert _statement_histories(lead, expected, "Anna Brisk was released from the hospital "
                                "on 2 December and went home.", (None, None))
    for background in ("Anna Brisk returned to acting after being released from a mental "
                       "hospital in 1992.",
                       "In 2005, Kessel Films released a film about Anna Brisk."):
        assert not _statement_histories(lead, expected, background, (None, None)), background


def test_an_act_ordered_is_not_done():
    from newsprism.compare.outcomes import left_open, settles

    plan = left_open("Piet Vaal will be released from prison, a judge ordered on Friday.")
    assert plan is not None and plan.intention
    assert not settles("A judge ordered Piet Vaal released from prison on Friday.", plan)
    assert settles("Piet Vaal was released from prison on Saturday and went home.", plan)
    assert not _statement_histories(
        BORDER, "Piet Vaal will be released from prison, a judge ordered on Friday.",
        "A judge ordered Piet Vaal released from prison on Friday.", TWO_DAYS)


STORM = "Hurricane Alva moved north along the coast of Norland this week. "


def _undated_developing(before: str, after: str) -> list:
    """The developing claims of two undated reports of two outlets on the storm."""
    return _developing(build_briefing([
        Article("later", STORM + after, outlet="Coast Wire"),
        Article("earlier", STORM + before, outlet="Norland Post"),
    ]))


def test_a_state_and_the_change_a_later_report_names_are_a_development_undated():
    (postponed,) = _undated_developing(
        "The dedication of the Kessel memorial on Sunday, at which the mayor is scheduled to "
        "speak, is still on schedule.",
        "The storm neared the capital, and Sunday's dedication of the Kessel memorial was "
        "postponed.")
    assert [r.span.doc for r in postponed.history] == ["earlier", "later"]
    (weakened,) = _undated_developing(
        "Alva, a Category 3 hurricane with 115 mph winds, struck the islands of Kessel.",
        "Alva weakened slightly to a Category 2 storm as it approached the islands of Kessel.")
    assert [r.span.doc for r in weakened.history] == ["earlier", "later"]


def test_a_change_is_named_only_as_done_of_the_state_another_report_gives():
    from newsprism.compare.developments import _states_before, names_change

    def _named_change(text: str) -> re.Match[str]:
        change = names_change(text)
        assert change is not None, text
        return change


    assert names_change("The dedication could be postponed if the storm nears.") is None
    assert names_change("The dedication was not cancelled, officials said.") is None
    # asked for, not done (audit8): the mandative subjunctive after "advised that"
    assert names_change("Officials have advised that large gatherings be canceled.") is None
    assert names_change("The council asked that the vote be quietly postponed.") is None
    assert names_change("The vote has been postponed, the council said.") is not None
    assert names_change("Truckers are no longer planning to block the ring road.") is not None
    ended = "Sunday's dedication of the Kessel memorial was postponed."
    change = _named_change(ended)
    assert _states_before("The dedication of the Kessel memorial is still on schedule.", ended,
                          change)
    # another thing ended: one word ("Sunday") in common is chance
    assert not _states_before("The football match on Sunday will go ahead.", ended, change)
    # nor is an event at the same place the state of what was ended there (its head differs)
    canceled = "All football activities have been canceled for the week at Kessel Park."
    change = _named_change(canceled)
    assert not _states_before("It happened during football practice at Kessel Park.",
                              canceled, change)
    assert _states_before("Football activities at Kessel Park go on as planned this week.",
                          canceled, change)
    # nor another place's alert: every name the ended phrase gives is the earlier one's
    alert = "A Norland flood alert has been cancelled."
    change = _named_change(alert)
    assert not _states_before("A flood alert was issued in Sudmark.", alert, change)
    assert _states_before("Norland issued a flood alert on Tuesday.", alert, change)
    moved = "Alva weakened to a Category 2 storm near the islands."
    change = _named_change(moved)
    assert not _states_before("Alva, a Category 2 storm, neared the islands.", moved, change)
    # what is no longer so needs its own words, not another plan of the same people
    dropped = "Truckers are no longer planning to arrest members of Congress."
    change = _named_change(dropped)
    assert not _states_before("Truckers are planning to protest by blocking the ring road.",
                              dropped, change)
    assert _states_before("Truckers are planning to arrest members of Congress next week.",
                          dropped, change)


def test_a_forecast_or_a_report_of_the_same_change_is_no_earlier_state():
    after = "Alva weakened slightly to a Category 2 storm as it approached the islands of Kessel."
    assert not _undated_developing(
        "Alva could become a Category 4 storm as it approaches the islands of Kessel.", after)
    assert not _undated_developing(
        "Alva, a Category 3 hurricane, struck Kessel. Alva then weakened to a Category 2 storm "
        "as it approached the islands of Kessel.", after)


PRISON = "Prison officers in Kessel faced questions this week about the van escape. "
CABLE = "Internet users across Norland complained of slow connections this month. "


def test_someone_at_large_and_then_caught_is_a_development_undated():
    # the capture names the end of the state: no date is needed, and the state comes first
    (claim,) = _statement_histories(
        PRISON, "A spokeswoman said Thursday that the convicted robber Piet Vaal was still on "
        "the run.",
        "The convicted robber Piet Vaal was captured Monday in Kessel after a tip from a "
        "shopkeeper.", (None, None))
    assert [r.span.doc for r in claim.history] == ["first", "second"]
    # told in the other order by the articles, the history still starts with the state
    (claim,) = _statement_histories(
        PRISON, "The convicted robber Piet Vaal was captured Monday in Kessel after a tip from "
        "a shopkeeper.",
        "A spokeswoman said Thursday that the convicted robber Piet Vaal was still on the run.",
        (None, None))
    assert [r.span.doc for r in claim.history] == ["second", "first"]


def test_a_service_out_and_then_restored_is_a_development_undated():
    (claim,) = _statement_histories(
        CABLE, "The Norland Cable network is experiencing problems after a cut near Kessel.",
        "Services on the Norland Cable network were restored after the cut near Kessel was "
        "repaired.", (None, None))
    assert [r.span.doc for r in claim.history] == ["first", "second"]


def _state_then_end_either_way(lead: str, state: str, end: str) -> None:
    """Two undated reports, a state and its end: one history, the state first, whichever
    article comes first."""
    for first, second, order in [(state, end, ["first", "second"]),
                                 (end, state, ["second", "first"])]:
        (claim,) = _statement_histories(lead, first, second, (None, None))
        assert [r.span.doc for r in claim.history] == order


def test_someone_held_and_then_released_on_bail_is_a_development_undated():
    # "in custody" told with the arrest reads as an end of being at large too: the release
    # still comes after it, whichever article is first
    held = "Police said Piet Vaal was arrested at his home and is in custody at the Kessel jail."
    released = "Piet Vaal has since been released from jail on a bond, a police spokesman said."
    _state_then_end_either_way(PRISON, held, released)


def test_someone_held_on_a_bond_and_then_out_after_posting_it_is_a_development_undated():
    # a bond set and not yet posted is custody in force; posting it and walking out of jail
    # ends it, whichever article is first
    held = "Jail records showed Piet Vaal, 53, was being held on $300 bond at the Kessel jail."
    out = ("After posting a bond of $300, Piet Vaal walked out of the Kessel county jail early "
           "on Saturday.")
    _state_then_end_either_way(PRISON, held, out)
    # a bond only hoped for is no custody ended
    assert not _statement_histories(
        PRISON, held, "Piet Vaal hopes to walk out of the Kessel county jail after posting a "
        "bond of $300.", (None, None))


CRASH = "A bus left the road near Kessel on Friday night, police said. "


def test_someone_gravely_hurt_and_then_dead_is_a_development_undated():
    critical = "The driver, Piet Vaal, remains in critical condition in hospital."
    dead = "The driver, Piet Vaal, died in hospital on Sunday, his family said."
    _state_then_end_either_way(CRASH, critical, dead)
    # another person's death is no end of his state, nor one told beside another's state
    for other in ["The conductor, Jan Hol, died in hospital on Sunday.",
                  "The conductor, Jan Hol, died at the scene and the driver, Piet Vaal, "
                  "remains in critical condition in hospital."]:
        assert not _statement_histories(CRASH, critical, other, (None, None))
    # a death only feared is none
    assert not _statement_histories(
        CRASH, critical, "Doctors fear the driver, Piet Vaal, could die in hospital.",
        (None, None))


CARE = "Child services in Kessel faced questions this week about the case. "


def test_a_child_in_state_care_and_then_given_back_is_a_development_undated():
    # the child is named by a role alone in both, in other words: no word in common
    (claim,) = _statement_histories(
        CARE, "After a doctor's warning the infant was placed into state custody.",
        "A vegan mother whose baby daughter was removed from her in the spring has regained "
        "custody of the child.", (None, None))
    assert [r.span.doc for r in claim.history] == ["first", "second"]
    # custody looked ahead is no custody given back
    assert not _statement_histories(
        CARE, "After a doctor's warning the infant was placed into state custody.",
        "A vegan mother whose baby daughter was removed from her in the spring hopes to regain "
        "custody of the child.", (None, None))


SHOOTING = "A deputy was shot dead outside a flat in Kessel on Friday afternoon. "


def test_a_search_for_one_named_by_a_role_and_a_catch_told_in_other_words_are_a_development():
    # the search names no one and the catch tells where and when in words of its own: the
    # story, not closeness in meaning, ties them
    search = ("Deputies fanned out across the town late Friday in search of the gunman, who "
              "surprised Deputy Jan Hol at the door.")
    caught = "Piet Vaal was arrested five buildings away on Dock Street shortly before midnight."
    _state_then_end_either_way(SHOOTING, search, caught)


def test_no_catch_of_one_of_several_ends_a_search_in_other_words():
    search = ("Deputies fanned out across the town late Friday in search of the gunman, who "
              "surprised Deputy Jan Hol at the door.")
    for caught in ["A second man was arrested five buildings away on Dock Street before midnight.",
                   "Two more men were arrested on Dock Street shortly before midnight.",
                   "A climate protester was arrested after blocking a motorway in Sudmark."]:
        assert not _statement_histories(SHOOTING, search, caught, (None, None))
    # a search for one of several, or for one named, is no search for whoever is caught
    for other in ["Deputies fanned out across the town late Friday in search of a second gunman.",
                  "Deputies fanned out across the town late Friday in search of the gunman, "
                  "Rik Mol, who surprised the deputy at the door."]:
        assert not _statement_histories(
            SHOOTING, other,
            "Piet Vaal was arrested five buildings away on Dock Street shortly before midnight.",
            (None, None))


CONTEST = "Free agent pitcher Piet Vaal drew interest from several clubs this winter. "


def test_an_offer_made_and_then_withdrawn_is_a_development_undated():
    offer = "The Kessel Kings have made a four-year offer to Piet Vaal, their manager said."
    withdrawn = ("A spokesman said on Sunday the Kessel Kings have withdrawn their offer to Piet "
                 "Vaal.")
    _state_then_end_either_way(CONTEST, offer, withdrawn)
    # the offer said of the club's manager, the club named before it: the same party, with
    # or without the player named
    for offer in ["Kings manager Jan Hol confirmed that his club had made a four-year offer to "
                  "Piet Vaal.", "Kessel Kings manager Jan Hol confirmed that his club had also "
                  "made a four-year offer."]:
        _state_then_end_either_way(CONTEST, offer, withdrawn)


def test_no_offer_ended_by_another_party_or_only_possibly():
    offer = "The Kessel Kings have made a four-year offer to Piet Vaal, their manager said."
    # a contest tells every party's offer in the same words: another club's end is not this one's
    withdrawn = ("A spokesman said on Sunday the Kessel Kings have withdrawn their offer to "
                 "Piet Vaal.")
    for other in ["The Norland Rovers offered Piet Vaal the same four-year contract as the "
                  "Kings.",
                  "The Rovers offered him the same deal as the Kings, the Lions have made an "
                  "offer of three years."]:
        assert not _statement_histories(CONTEST, other, withdrawn, (None, None))
    # an end only possible, or said of no party by name, ends nothing
    for end in ["The Kessel Kings could withdraw their offer to Piet Vaal on Sunday.",
                "The club withdrew its offer to Piet Vaal on Sunday, a spokesman said."]:
        assert not _statement_histories(CONTEST, offer, end, (None, None))


def test_no_release_from_custody_in_a_statement_or_told_as_background():
    from newsprism.compare.outcomes import ends_an_event_state, state_ended

    assert state_ended("Piet Vaal was released on a $10,000 bond.") is not None
    assert ends_an_event_state("Piet Vaal was arrested Friday and bonded out of jail.")
    assert not ends_an_event_state("Police released a statement about Piet Vaal.")
    assert not ends_an_event_state("Piet Vaal could be released on bail next week.")
    assert not ends_an_event_state(
        "Piet Vaal, who was released from jail in 2009, was arrested on Friday.")
    # the arrest alone is no custody in force: a report that tells it as the past is no state
    # before the bail another report gives
    assert not _statement_histories(
        PRISON, "Piet Vaal was arrested in June after the van escape in Kessel.",
        "Piet Vaal was arrested after the van escape in Kessel and later bonded out of jail.",
        (None, None))


def test_no_state_ended_hedged_looked_ahead_another_year_or_told_by_its_own_report():
    from newsprism.compare.outcomes import state_ended

    assert state_ended("Police hope Piet Vaal could be caught within days.") is None
    assert state_ended("Piet Vaal was not caught, police said.") is None
    assert state_ended("The operator managed to restore 83 percent of its capacity.") is None
    assert state_ended("The service is now back online.") is not None
    for first, second in [
        # another escape: a year one of them names
        ("The convicted robber Piet Vaal escaped from a prison van in 1994 and was on the run.",
         "The convicted robber Piet Vaal was captured Monday in Kessel after a tip."),
        # a capture only hoped for
        ("The convicted robber Piet Vaal was still on the run on Thursday.",
         "Police expect the convicted robber Piet Vaal to be captured in Kessel soon."),
        # the earlier report tells an end itself: its state is background
        ("The convicted robber Piet Vaal was on the run for a week. The convicted robber Piet "
         "Vaal was captured in Kessel on Monday.",
         "The convicted robber Piet Vaal was captured Monday in Kessel after a tip."),
        # part of the end is no state before it
        ("The Norland Cable network managed to restore some services after the cut near "
         "Kessel.",
         "Services on the Norland Cable network were restored after the cut near Kessel was "
         "repaired."),
        # another one at large, nothing shared but the state's words
        ("A spokeswoman said the escaped inmate was still on the run.",
         "Two bank robbers were arrested in Sudmark after a car chase on the highway."),
        # a state of the past, told as background
        ("In recent years the Norland Cable network has been down for days after cuts near "
         "Kessel.",
         "Services on the Norland Cable network were restored after the cut near Kessel was "
         "repaired."),
        # a way down and back up is no outage and no restoration
        ("The guard of the Norland Cable office was down the stairs near Kessel at once.",
         "The guard of the Norland Cable office went back up to the roof near Kessel."),
    ]:
        assert not _statement_histories(PRISON, first, second, (None, None)), (first, second)
    # dated reports: an end before the state, or long after it (another episode), is none
    out = "The Norland Cable network is experiencing problems after a cut near Kessel."
    back = ("Services on the Norland Cable network were restored after the cut near Kessel was "
            "repaired.")
    assert _statement_histories(CABLE, out, back, ("2011-10-10", "2011-11-04"))
    assert not _statement_histories(CABLE, out, back, ("2011-10-10", "2011-10-09"))
    assert not _statement_histories(CABLE, out, back, ("2011-08-16", "2011-11-04"))


def test_no_outcome_of_the_past_nor_an_end_of_another_episode():
    # "the last time" tells a past game, not the one a plan looked ahead to
    assert not _statement_histories(
        RACE, "Kessel will play the winner of the Norland semifinal on Saturday.",
        "The last time the two teams played, Norland made Kessel look lost.",
        ("2013-03-08", "2013-03-09"))
    assert not _statement_histories(
        RACE, "Denis Marrow will miss the race in Kessel on Sunday.",
        "Denis Marrow initially missed the race in Kessel in March after a fall.",
        ("2013-03-08", "2013-03-09"))
    # a service's restoration expected, then one reported two months on: another outage's
    plan = "Services on the Norland Cable network will be restored as soon as possible."
    done = "Services on the Norland Cable network were restored on Tuesday morning."
    assert _statement_histories(CABLE, plan, done, ("2011-08-18", "2011-08-19"))
    assert not _statement_histories(CABLE, plan, done, ("2011-08-18", "2011-10-14"))


def test_no_change_named_of_a_state_its_own_report_ended():
    out = "An outage hit the Norland Cable network on Tuesday, affecting thousands of homes."
    later = ("Homes on the Norland Cable network are no longer affected by the outage, the "
             "company said on Friday.")
    assert _statement_histories(CABLE, out, later, (None, None))
    assert not _statement_histories(CABLE, out + " The service is now back online.", later,
                                    (None, None))


def test_a_suspect_committed_for_trial_is_a_step_between_charge_and_verdict():
    # charged, then ordered held for trial after a hearing, then found guilty
    (claim,) = _process("Ron Kell was charged with abusing prisoners at the camp.",
                        "After the hearing, Ron Kell, 36, was ordered held on multiple counts "
                        "of abuse.", ("2005-01-15", "2005-03-20"))
    assert [r.span.doc for r in claim.history] == ["first", "second"]
    (claim,) = _process("Ron Kell was bound over for trial on multiple counts of abuse.",
                        "A military jury found Ron Kell guilty of abusing prisoners.",
                        ("2005-03-20", "2006-01-15"))
    assert [r.span.doc for r in claim.history] == ["first", "second"]
    # held on charges is custody, no step past the charge
    assert not _process("Ron Kell was charged with abusing prisoners at the camp.",
                        "Ron Kell is being held on charges of abuse at the Kessel jail.")


def test_an_outage_expected_to_last_and_its_repair_are_a_development():
    from newsprism.compare.outcomes import left_open, settles

    lasting = left_open("Norland Cable restored its business customers following an outage "
                        "expected to extend into next week.")
    assert lasting is not None
    assert settles("Norland Cable said repairs have been completed on the cable that caused the "
                   "outage.", lasting)
    # adverbs before the act name none: the act is the resolution
    resolved = left_open("This outage will likely only be fully resolved next week.")
    assert resolved is not None
    assert settles("The outage was repaired on Saturday, Norland Cable said.", resolved)
    assert not settles("The outage could be repaired on Saturday, Norland Cable said.", resolved)


def test_no_outcome_the_open_statement_already_states_done():
    lasting = ("Norland Cable restored its business customers on other routes following an "
               "outage on its main cable expected to extend into next week.")
    assert not _statement_histories(
        CABLE, lasting, "Norland Cable had restored its business customers on other routes on "
        "Friday, the company said.", ("2011-10-14", "2011-11-04"))
    (claim,) = _statement_histories(
        CABLE, lasting, "Norland Cable said the main cable was repaired on Saturday and the "
        "outage is over.", ("2011-10-14", "2011-11-04"))
    assert [r.span.doc for r in claim.history] == ["first", "second"]
    # what the cue leaves open states nothing done: the charges of a charge expected
    (claim,) = _statement_histories(
        TRIAL, "Ron Kell is expected to be formally charged on two murder charges later today.",
        "Ron Kell was charged with two murders at the district court on Friday.",
        ("2010-09-10", "2010-09-11"))
    assert [r.span.doc for r in claim.history] == ["first", "second"]


DEPOT = "A night guard was shot dead at the bus depot in Dunmore on Friday evening. "
STUDIO = "Nordfilm's fantasy film Glass Harbour was the surprise hit of the spring in Kessel. "


def test_someone_sought_by_a_role_and_then_caught_by_name_is_a_development_undated():
    # the gunman is sought unnamed; the later report names who was caught
    (claim,) = _statement_histories(
        DEPOT, "Police were searching for the gunman who shot a night guard at the bus depot "
        "in Dunmore.",
        "Police said Piet Vaal has been arrested in the shooting of a night guard at the bus "
        "depot in Dunmore.", (None, None))
    assert [r.span.doc for r in claim.history] == ["first", "second"]
    from newsprism.compare.developments import _sought_unnamed
    from newsprism.compare.outcomes import STATE_KINDS, state_ended

    at_large = STATE_KINDS["at large"].in_force
    assert _sought_unnamed("Police were searching for the gunman.", at_large, frozenset())
    assert not _sought_unnamed("Police were searching for Piet Vaal.", at_large, frozenset())
    assert not _sought_unnamed("Police were searching for the gunman, Piet Vaal.", at_large,
                               frozenset({"piet-vaal"}))
    # an arrest denied is the state in force, no end: "the suspect" is no hedge either
    assert state_ended("No suspects have been taken into custody, police said.") is None
    assert state_ended("The man was not immediately taken into custody.") is None
    assert state_ended("A suspect has been arrested in the killing of the guard.") is not None
    (claim,) = _statement_histories(
        DEPOT, "Police said no suspects have been taken into custody after the shooting at "
        "the bus depot in Dunmore.",
        "A suspect has been arrested in the shooting at the bus depot in Dunmore, police said.",
        (None, None))
    assert [r.span.doc for r in claim.history] == ["first", "second"]


def test_no_role_sought_ended_by_an_arrest_of_another_story_or_told_by_its_own_report():
    for first, second in [
        # an arrest far from what the search was about
        ("Police officers were searching for the gunman near the bus depot in Dunmore.",
         "Two climate protesters were arrested after blocking a motorway in Sudmark."),
        # a search its own report says ended
        ("Police were searching for the gunman on Friday. Piet Vaal was arrested near the "
         "bus depot in Dunmore shortly before midnight.",
         "Piet Vaal was arrested near the bus depot in Dunmore shortly before midnight."),
    ]:
        assert not _statement_histories(DEPOT, first, second, (None, None)), (first, second)


def test_talks_under_way_and_then_ended_are_a_development_undated():
    for end in ("Anna Berg has pulled out of negotiations with Nordfilm to direct the sequel "
                "to Glass Harbour.",
                "Nordfilm said Anna Berg has been hired to direct the sequel to Glass Harbour."):
        (claim,) = _statement_histories(
            STUDIO, "Director Anna Berg is in negotiations with Nordfilm to direct the sequel "
            "to Glass Harbour.", end, (None, None))
        assert [r.span.doc for r in claim.history] == ["first", "second"], end


def test_no_talks_ended_by_a_hedge_another_persons_deal_or_a_deal_denied():
    talks = ("Director Anna Berg is in negotiations with Nordfilm to direct the sequel to Glass "
             "Harbour.")
    for end in ("Anna Berg could pull out of negotiations with Nordfilm over the sequel to "
                "Glass Harbour.",
                "The Kessel football club has signed a new contract with its goalkeeper Jan Ode.",
                "Nordfilm said no deal has been signed yet with Anna Berg for the sequel to Glass "
                "Harbour."):
        assert not _statement_histories(STUDIO, talks, end, (None, None)), end


def test_a_hedge_in_a_clause_beside_a_state_or_its_end_hedges_that_clause_only():
    from newsprism.compare.outcomes import hedged_at

    def hedged(text: str, words: str) -> bool:
        return hedged_at(text, text.index(words), text.index(words) + len(words))

    # a relative clause, a clause joined by "and", a contrast: each hedges itself
    assert not hedged("Police searched for the gunman, who apparently fled on foot.",
                      "searched for the gunman")
    assert not hedged("Berg is in negotiations with Nordfilm, and the deal likely hinges on "
                      "money.", "in negotiations")
    assert not hedged("Police believe they know the gunman, although he was not taken into "
                      "custody.", "not taken into custody")
    # a hedge of the state's own clause, or before it across a list, covers it
    assert hedged("Police believe the gunman is still at large.", "at large")
    assert hedged("Police believe Vaal, Ode, and Berg are still at large.", "at large")
    assert hedged("Berg could pull out of negotiations, Nordfilm said.", "pull out")
    (claim,) = _statement_histories(
        STUDIO, "Director Anna Berg is in negotiations with Nordfilm to direct the sequel to "
        "Glass Harbour, and the deal likely hinges on money.",
        "Anna Berg has pulled out of negotiations with Nordfilm to direct the sequel to Glass "
        "Harbour.", (None, None))
    assert [r.span.doc for r in claim.history] == ["first", "second"]


def test_an_expectation_naming_the_one_expected_between_is_left_open_for_him():
    from newsprism.compare.outcomes import content_stems, left_open

    what = left_open("The prosecutor said she expected Piet Vaal to be charged with murder.")
    assert what is not None and what.subject == frozenset(content_stems("Piet Vaal"))
    assert "charg" in what.settled_by
    (claim,) = _statement_histories(
        DEPOT, "The prosecutor said she expected Piet Vaal to be charged with the murder of the "
        "night guard at the bus depot in Dunmore.",
        "Piet Vaal was charged with the murder of the night guard at the bus depot in Dunmore.")
    assert [r.span.doc for r in claim.history] == ["first", "second"]


def test_a_recovery_worked_at_and_then_done_is_a_development_in_order():
    (claim,) = _statement_histories(
        "A climber fell to his death below Mount Ardan on Saturday. ",
        "The rescue team worked on Sunday to recover the body of the climber from the ravine "
        "below Mount Ardan.",
        "The body of the climber was recovered from the ravine below Mount Ardan.")
    assert [r.span.doc for r in claim.history] == ["first", "second"]
    from newsprism.compare.outcomes import left_open

    # an operation worked at that is no recovery leaves nothing open
    assert left_open("Negotiators worked on Sunday to release the hostages.") is None


def test_an_undated_end_stands_after_the_dated_states_in_a_history():
    talks = ("Director Anna Berg is in negotiations with Nordfilm to direct the sequel to Glass "
             "Harbour.")
    briefing = build_briefing([
        Article("walked", STUDIO + "Anna Berg has pulled out of negotiations with Nordfilm to "
                "direct the sequel to Glass Harbour.", outlet="Ardan Echo"),
        Article("talks-1", STUDIO + talks, outlet="Kessel Post", date="2012-04-04"),
        Article("talks-2", STUDIO + "Anna Berg is still in negotiations with Nordfilm to direct "
                "the sequel to Glass Harbour, the studio said.", outlet="Norland Times",
                date="2012-04-05"),
    ])
    (claim,) = [c for c in _developing(briefing) if c.kind == "statement"]
    assert [r.span.doc for r in claim.history] == ["talks-1", "talks-2", "walked"]


def test_someone_named_the_main_suspect_and_then_charged_is_a_development_in_order():
    from newsprism.compare.outcomes import content_stems, left_open

    for named in ("Piet Vaal is now the main suspect in the killing of the night guard at the "
                  "bus depot in Dunmore.",
                  "Police identified the suspect as Piet Vaal, 27, in the killing of the night "
                  "guard at the bus depot in Dunmore."):
        what = left_open(named)
        assert what is not None and what.subject == frozenset(content_stems("Piet Vaal")), named
        (claim,) = _statement_histories(
            DEPOT, named, "Piet Vaal was charged with the murder of the night guard at the bus "
            "depot in Dunmore.")
        assert [r.span.doc for r in claim.history] == ["first", "second"], named
    # "the suspect" alone names no status, and a charge told with it leaves nothing open
    assert left_open("The suspect fled on foot toward the river.") is None
    assert left_open("Piet Vaal, the main suspect, was charged with murder.") is None


def test_talks_ended_and_then_resumed_are_one_history_in_order():
    from newsprism.compare.outcomes import resumes_talks

    briefing = build_briefing([
        Article("resumed", STUDIO + "Anna Berg will resume negotiating with Nordfilm about "
                "directing the sequel to Glass Harbour on Monday.", outlet="Ardan Echo"),
        Article("talks", STUDIO + "Director Anna Berg is in negotiations with Nordfilm to direct "
                "the sequel to Glass Harbour.", outlet="Kessel Post"),
        Article("walked", STUDIO + "Anna Berg has pulled out of negotiations with Nordfilm to "
                "direct the sequel to Glass Harbour.", outlet="Norland Times"),
    ])
    (claim,) = [c for c in _developing(briefing) if c.kind == "statement"]
    assert [r.span.doc for r in claim.history] == ["talks", "walked", "resumed"]
    # talks denied, refused or only possible are taken up by no one
    for text in ("The union will not resume talks with the port.",
                 "The union refused to resume the talks.",
                 "Talks could resume next week if both sides agree."):
        assert not resumes_talks(text), text


def test_no_outcome_from_a_past_scene_or_an_old_rumour():
    """Three false developments of audit10's fresh set: "was running a culinary bookshop when
    she was discovered" and "was extending his own rookie record ... to seven" (the past
    progressive sets a past moment's scene; "run" and "extend" are acts that last only in the
    present) ended by "brought to an abrupt end" and "tight end"; "who once was rumored to be
    Deep Throat" (a rumour of an earlier time told as background) settled by "insisted he was
    not Deep Throat"."""
    from newsprism.compare.outcomes import left_open

    assert left_open("Anna Berg was running a small bookshop when the producer found her.") is None
    assert left_open("The striker was extending his club record for goals to nine.") is None
    assert left_open("Piet Vaal, a minister who once was rumored to be the informant, has died.") \
        is None
    assert left_open("The outage is continuing.") is not None  # a state lasting now
    assert left_open("Piet Vaal was rumored to be the informant.") is not None
    assert not _statement_histories(
        STUDIO, "Anna Berg was running a small bookshop in Kessel when Nordfilm found her.",
        "Anna Berg's career as a lawyer in Kessel was brought to an end by the film.",
        (None, None))


def test_an_arrest_counted_as_repeated_is_a_record_not_a_step():
    """26_ecbplus (tune): "Between age 17 and 25, Mr. Gigante was arrested seven times" and,
    a day later, "In 1957 Gigante was charged with attempted murder" were one process moving on;
    "seven times" counts many old cases, none of them the one the reports follow."""
    from newsprism.compare.ladders import steps

    text = "Between age 17 and 25, Piet Vaal was arrested seven times on various charges."
    at = text.index("Piet Vaal")
    assert not steps(text, [(at, at + 9, "vaal")])
    for repeated in ("Piet Vaal was arrested 3 times.", "Piet Vaal was arrested twice."):
        assert not steps(repeated, [(0, 9, "vaal")]), repeated
    assert steps("Piet Vaal was arrested on Friday.", [(0, 9, "vaal")])
    assert not _statement_histories(
        BORDER, "Between age 17 and 25, Piet Vaal was arrested seven times on various charges.",
        "Piet Vaal was charged with kidnapping at the border.")


POSTER = "A wartime poster said to be printed by the Kessel Toy Company went viral this week. "


def test_a_question_left_open_and_answered_later_is_a_development_ordered_by_its_words():
    """devs12's fresh FNC-1 clusters: a rumour's reports doubt it ("could not be verified",
    "called into question", "a test was under way to confirm"), and a later report says itself
    that the answer came after ("and now ... has confirmed", "indeed", the doubt told before
    the answer): undated, the answer stands last whatever the articles' order."""
    for question, answer in [
        ("The authenticity of the poster could not be independently verified.",
         "The poster went viral on Monday, and now the Kessel Toy Company has confirmed that "
         "the poster is indeed authentic."),
        ("A few collectors called into question the authenticity of the poster.",
         "While collectors questioned the authenticity of the poster after it went viral, the "
         "Kessel Toy Company confirmed that the poster is genuine."),
    ]:
        (claim,) = _statement_histories(POSTER, answer, question, (None, None))
        assert [r.span.doc for r in claim.history] == ["second", "first"], (question, answer)
    # a test under way, then its result, told as the answer at last ("indeed")
    (claim,) = _statement_histories(
        "Police in Kessel detained a woman and a child at the border crossing this week. ",
        "An official said a DNA test was underway to confirm that the child is her son.",
        "DNA tests have confirmed that the child is indeed her daughter, the official said.",
        (None, None))
    assert [r.span.doc for r in claim.history] == ["first", "second"]


def test_no_answer_from_a_confirmation_not_told_as_later_or_a_matter_still_unconfirmed():
    from newsprism.compare.outcomes import answers_later, still_questioned

    for question, other in [
        # a confirmation that does not say it came after the doubt: reports of one day
        ("The authenticity of the poster could not be independently verified.",
         "The Kessel Toy Company confirmed that the poster is authentic."),
        # what is still unconfirmed answers nothing
        ("The authenticity of the poster could not be independently verified.",
         "The company has not confirmed whether the poster is indeed authentic."),
    ]:
        assert not _statement_histories(POSTER, question, other, (None, None)), other
    assert not answers_later("Officials could not confirm that the poster is indeed genuine.")
    # a statement that tells the doubt and its answer is an answer, no question
    assert still_questioned("While collectors questioned the poster's authenticity, the "
                            "company confirmed it is indeed genuine.") is None
    # the doubt's own clause is what is in doubt: her nationality, not the detention
    question = still_questioned("A source said the woman detained was his wife, but could not "
                                "confirm her nationality.")
    assert question is not None and question.subject == {"nation"}


def test_no_outcome_of_a_speculation_already_stated_done_or_a_past_supposed_to():
    """Two false developments of main on devs12's fresh set, their shapes: a speculation of
    more than the statement tells done ("seized one depot, but may have seized more") settled by
    a confirmation of what it already tells, and a past "was only supposed to" (a rule or an
    expectation not met, nothing left open)."""
    from newsprism.compare.outcomes import left_open

    assert not _statement_histories(
        "Rebels in the hills above Kessel fought on this week. ",
        "The observers said the rebels seized at least one cache of rifles, but may have seized "
        "more, the agency reported.",
        "The observers also confirmed that the rebels had seized at least one cache of rifles.",
        (None, None))
    assert left_open("The rule was only supposed to apply to boats over ten metres.") is None
    assert left_open("The ferries were supposed to arrive on Monday.") is None
    assert left_open("The rule is supposed to apply to boats over ten metres.") is not None
    assert left_open("The ferries are supposed to arrive on Monday.") is not None


CAR = "A vintage racing car used by a film crew in Kessel drew crowds to the set this week. "


def test_a_rumour_reported_and_later_exposed_is_a_development_ordered_by_its_words():
    """devs14's fresh FNC-1 clusters: a rumour's early reports tell it as a rumour ("Rumors have
    hit social media that ...", "there was a rumor flying around that ..."), a later one says it
    was exposed ("proved to be untrue", "a false alarm", "has since been debunked"), or answers
    it naming the rumour: the exposure says itself it came later, whatever the order."""
    for question, answer in [
        ("Rumors have spread online that the racing car was stolen from the film set.",
         "Rumors that the racing car had been stolen from the film set proved to be untrue, "
         "police said."),
        ("There was a rumor going around that someone stole the racing car from the film set.",
         "The rumored theft of the racing car from the film set turned out to be a false alarm."),
        ("Rumors have spread online that the racing car was stolen from the film set.",
         "Police confirmed that the racing car had not been stolen from the film set, a rumor "
         "that spread online on Friday."),
    ]:
        (claim,) = _statement_histories(CAR, answer, question, (None, None))
        assert [r.span.doc for r in claim.history] == ["second", "first"], (question, answer)


def test_no_exposure_from_an_answer_not_told_as_later_nor_a_rumour_under_a_condition():
    from newsprism.compare.outcomes import answers_later, still_questioned

    assert not _statement_histories(
        CAR, "Rumors have spread online that the racing car was stolen from the film set.",
        "Police confirmed that the racing car is safe on the film set.", (None, None))
    # "if the rumor is true" is a condition: what its clause says is not the rumour
    assert still_questioned("If the rumor is true, the thief cannot drive the racing car "
                            "around town unnoticed.") is None
    # a rumour told with its exposure is an answer, no question
    assert still_questioned("Rumors that the car was stolen proved to be untrue.") is None
    assert answers_later("The rumored theft of the car appears to be a false alarm.")


def test_a_claim_its_maker_retracted_is_a_development_its_denials_are_not():
    claim = ("A retired jockey claims the champion trainer Ana Belmonte has been banned by the "
             "racing board for a month.")
    retraction = ("The retired jockey retracted claims Ana Belmonte had been banned by the "
                  "racing board after the board denied them.")
    lead = "The racing season in Kessel opened on Saturday with a record crowd. "
    (history,) = _statement_histories(lead, retraction, claim, (None, None))
    assert [r.span.doc for r in history.history] == ["second", "first"]
    # a denial of the claim, or a statement on its topic that does not tell it, is no step of
    # the claim's own history
    for other in ["The racing board said Ana Belmonte has not been banned by the racing board.",
                  "The racing board began testing trainers such as Ana Belmonte in 2008.",
                  "If Ana Belmonte failed a test, the racing board would announce a ban."]:
        assert not _statement_histories(lead, retraction, other, (None, None)), other


def test_no_development_from_one_remark_quoted_at_length_a_dated_plan_or_another_clause():
    """Three false developments of main on devs14's fresh set, their shapes: a remark quoted
    whole and in part (the longer naming a retraction), a release date restated ("has a March
    25, 2016 release") taken for the release done, and a "no longer" read past its clause."""
    from newsprism.compare.developments import names_change, retracts_another
    from newsprism.compare.outcomes import left_open, settles
    from newsprism.model import Span

    whole = ('"I want to make a full retraction of everything I said, and I apologize to the '
             'board and the trainers."')
    part = "And I apologize to the board and the trainers."
    assert not retracts_another([Span("a", 0, len(whole), whole), Span("b", 0, len(part), part)])
    other = "The jockey said the trainer had been banned."
    assert retracts_another([Span("a", 0, len(whole), whole), Span("b", 0, len(other), other)])
    plan = left_open("The film is scheduled to be released in theaters on March 25, 2016.")
    assert plan is not None
    assert not settles("The film has a March 25, 2016 release, starring Ben Ray.", plan)
    assert settles("The film was released in theaters on March 25, 2016.", plan)
    found = names_change("He no longer owned the truck and has no idea how it ended up abroad.")
    assert found is not None and found["state"].strip() == "owned the truck"


MARKET = "Shares of Kessel Mills rose sharply on Wednesday in Norland trading. "
SALE_TALKS = ("Kessel Mills is in talks to be acquired by Norland Foods, according to people "
              "briefed on the matter.")


def test_talks_of_a_sale_and_then_an_agreement_to_it_are_a_development_undated():
    for agreed in ("Kessel Mills agreed to be sold to Norland Foods in a $2 billion takeover.",
                   "Norland Foods agreed to buy Kessel Mills for $2 billion on Thursday."):
        _state_then_end_either_way(MARKET, SALE_TALKS, agreed)


def test_no_talks_of_a_sale_ended_by_another_agreement_a_hedge_or_another_company():
    for end in ("Kessel Mills and Norland Foods agreed to meet again next week.",
                "Kessel Mills could agree to be sold to Norland Foods within days.",
                "Brandt Textiles agreed to be sold to Ostmark Partners on Thursday."):
        assert not _statement_histories(MARKET, SALE_TALKS, end, (None, None)), end


ELECTION = "Norland's parliament was dissolved in the spring after a long political crisis. "
VOTING = ("Norland's voters are going to the polls on Sunday in a parliamentary election seen as "
          "a test for the government.")


def test_voters_going_to_the_polls_and_then_the_vote_over_are_a_development_undated():
    for over in ("The parliamentary election of Norland ended on Sunday evening as scheduled, "
                 "officials said.",
                 "Polls closed in Norland's parliamentary election at 8 p.m. on Sunday."):
        _state_then_end_either_way(ELECTION, VOTING, over)


def test_no_vote_ended_by_a_campaign_early_voting_a_hedge_or_another_country():
    for end in ("The parliamentary election campaign in Norland ended on Friday with rallies.",
                "Early voting in Norland's parliamentary election ended on Friday, officials "
                "said.",
                "Counting in Norland's parliamentary election could be over by Sunday evening.",
                "The parliamentary election of Ostmark ended on Sunday evening, officials said."):
        assert not _statement_histories(ELECTION, VOTING, end, (None, None)), end


def test_words_that_only_look_like_a_hedge_hedge_nothing():
    from newsprism.compare.outcomes import hedged_at

    def hedged(text: str) -> bool:
        return hedged_at(text, 0, len(text))

    assert not hedged("The vote ended on Sunday evening as scheduled.")
    assert not hedged("Voters are going to the polls on Sunday.")
    assert hedged("Voters are going to vote on Sunday.")
    assert hedged("The vote is scheduled to end on Sunday evening.")


def test_a_habit_settles_nothing_left_open():
    """9be57ba6 (audit15's fresh set): "The mission is scheduled to launch in July" was read
    settled by "Normally, NASA waits to rename its missions after launch": what is normally
    done tells no event."""
    from newsprism.compare.outcomes import left_open, settles, tells_a_habit

    scheduled = left_open("The probe is scheduled to launch in July.")
    assert scheduled is not None
    for habit in ("Normally, the agency waits to rename its probes after launch.",
                  "The agency usually renames its probes after launch.",
                  "As a rule, the agency renames a probe after launch."):
        assert tells_a_habit(habit) and not settles(habit, scheduled), habit
    assert settles("The probe launched on Sunday.", scheduled)
    assert not _statement_histories(
        QUAKE, "The relief flight is scheduled to launch on Monday.",
        "Normally, the agency names its relief flights after launch.")


def test_a_charge_of_another_crime_is_no_next_step_of_an_arrest():
    """32_ecbplus (audit15's fresh set): "arrested on suspicion of murder" and a day later
    "has also been charged with animal cruelty" (the dog's death, not the murder's) were one
    process moving on; a charge names its crime, and a charge of another crime is another
    case. A homicide's names vary from report to report and stay one crime."""
    from newsprism.compare.ladders import crimes

    assert crimes("Piet Vaal was arrested on suspicion of murder.") == {"kill"}
    assert crimes("He was charged with animal cruelty after a dog was found dead.") == {
        "anim", "cruelti"}
    assert "kill" in crimes("Piet Vaal was found guilty of slaying the night guard.")
    assert not _statement_histories(
        DEPOT, "Piet Vaal was arrested near the depot on suspicion of murder.",
        "Piet Vaal has also been charged with animal cruelty after a dog was found dead.")
    assert _one_history(
        DEPOT, "Piet Vaal was arrested near the depot on suspicion of murder.",
        "Piet Vaal was charged with the killing of the night guard.") == ["first", "second"]
    # a step naming no crime may be of either case where reports name two: it links to none
    claims = _developing(build_briefing([
        Article("murder", DEPOT + "Piet Vaal was arrested near the depot on suspicion of murder.",
                outlet="Kessel Post", date="2010-02-01"),
        Article("arrest", DEPOT + "Piet Vaal was arrested on Friday night.",
                outlet="Dunmore Echo", date="2010-02-01"),
        Article("cruelty", DEPOT + "Piet Vaal has also been charged with animal cruelty after "
                "a dog was found dead.", outlet="Norland Times", date="2010-02-05"),
    ]))
    assert not [c for c in claims if c.kind == "statement"]


def test_a_step_naming_no_crime_follows_the_crime_the_reports_follow():
    """Where a person's reports name two crimes, an arrest naming none is of the case more
    than one report names (the murder), not of a crime named once beside it (16_ecbplus's
    "also was charged with one count of attempted ... murder" of another shooting)."""
    claims = _developing(build_briefing([
        Article("arrest", DEPOT + "Piet Vaal was arrested on Friday night.",
                outlet="Kessel Post", date="2010-02-01"),
        Article("charged", DEPOT + "Piet Vaal was charged with the murder of the night guard.",
                outlet="Dunmore Echo", date="2010-02-05"),
        Article("theft", DEPOT + "Piet Vaal was also charged with car theft.",
                outlet="Norland Times", date="2010-02-05"),
        Article("guilty", DEPOT + "Piet Vaal was found guilty of murdering the night guard.",
                outlet="Kessel Post", date="2011-03-09"),
    ]))
    (claim,) = [c for c in claims if c.kind == "statement"]
    assert [r.span.doc for r in claim.history] == ["arrest", "charged", "guilty"]
