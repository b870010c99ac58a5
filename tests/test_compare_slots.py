"""One main predicate done to one thing at one time is one fact; done to another thing, or at
another time, two (``compare.slots``)."""

from __future__ import annotations

from newsprism.compare.predicates import parse
from newsprism.compare.slots import statement_slots


def slots_of(*texts: str) -> list:
    return [statement_slots(doc) for doc in parse(list(texts))]


def test_the_object_of_an_active_and_a_passive_verb_is_what_it_is_done_to():
    active, passive, pronoun = slots_of(
        "Firefighters rescued the driver from the river on Tuesday.",
        "The driver was rescued by firefighters.",
        "Firefighters rescued him.",
    )
    assert active.objects == passive.objects == {("driver", frozenset())}
    assert not pronoun.objects  # a pronoun names nothing to compare
    assert active.agrees(passive)
    assert not active.agrees(pronoun)


def test_another_object_or_another_time_is_another_fact():
    bridge, school, monday, friday, plain = slots_of(
        "The storm damaged the old bridge on Monday.",
        "The storm damaged the school on Monday.",
        "The old bridge was damaged on Monday.",
        "The bridge was damaged by the storm on Friday.",
        "The storm damaged the bridge.",
    )
    assert not bridge.agrees(school)  # which thing
    assert bridge.agrees(monday)
    assert not monday.agrees(friday)  # which day
    assert plain.agrees(friday)  # a time told on one side only does not differ


def test_a_year_and_a_day_word_are_times_and_a_year_dates_an_earlier_event():
    year, day, weekday = slots_of(
        "A shell last struck the village in 1998.",
        "A shell struck the village yesterday.",
        "A shell struck the village on Sunday.",
    )
    assert year.times == {("year", "1998")}
    assert day.times == {("day", "yesterday")}
    assert not day.times_differ(weekday)  # kinds apart: not known to differ
    assert day.agrees(weekday)
    assert year.times_differ(weekday)  # a year dates an earlier event


def test_a_support_verbs_time_is_its_nouns():
    (offer,) = slots_of("The club made an offer to the striker yesterday.")
    assert offer.times == {("day", "yesterday")}


def test_another_count_another_act_or_an_earlier_date_is_another_fact():
    seventeen, twenty_nine, took_shot, took_went, took, january, recent = slots_of(
        "The quarterback completed his first 12 passes.",
        "The quarterback completed 25 of 31 passes for 300 yards.",
        "The guard took his rifle and shot the warden.",
        "The guard took his rifle and walked to the gate.",
        "The guard took his rifle.",
        "In March, four pipelines under the bay were damaged.",
        "Pipelines under the bay have been damaged.",
    )
    assert not seventeen.agrees(twenty_nine)  # counted apart
    assert not took_shot.agrees(took_went)  # each tells an act the other does not
    assert took.agrees(took_shot)  # one tells no act the other does not
    assert not january.agrees(recent)  # an earlier event, dated


def test_an_abbreviated_month_beside_its_day_or_year_is_that_month():
    abbreviated, whole, year_only, other, name = slots_of(
        "The mayor opened the new library on Aug. 17.",
        "The mayor opened the new library on August 17.",
        "The mayor was elected in Dec. 2012.",
        "The mayor opened the new library in Sept. 2014.",
        "The mayor met with Jan at the library.",
    )
    assert abbreviated.times == whole.times == {("month", "august")}
    assert ("month", "december") in year_only.times
    assert abbreviated.agrees(whole) and abbreviated.times_differ(other)
    assert not any(kind == "month" for kind, _ in name.times)  # a name, not January


def test_one_list_of_months_reads_every_abbreviation():
    from newsprism.ingest.dates import MONTH_ABBREVIATIONS, full_month

    assert [full_month(a) for a in ("Aug.", "sept", "Mar", "May", "august")] == [
        "august", "september", "march", "may", "august"]
    assert all(full_month(a) for a in MONTH_ABBREVIATIONS) and full_month("Mon") is None


def test_what_a_preposition_of_the_predicate_governs_is_a_slot_where_no_object_is_named():
    life, life_in_prison, ten_years, fifteen_years, driver_ten, driver_fifteen, at_prison, \
        in_prison, in_hospital = slots_of(
            "He was sentenced to life for the poisoning.",
            "A court sentenced him to life in prison on Friday.",
            "He was sentenced to 10 years.",
            "He was sentenced to 15 years in jail.",
            "The driver was sentenced to 10 years.",
            "The driver was sentenced to 15 years in jail.",
            "The old boxer died at the state prison.",
            "The old boxer died in prison, officials said.",
            "The old boxer died in hospital.",
        )
    assert ("to", "life", frozenset()) in life.obliques
    assert not life.objects and life.agrees(life_in_prison)  # no object named
    assert not ten_years.agrees(fifteen_years)  # counted apart
    assert not driver_ten.agrees(driver_fifteen)  # counted apart, whatever the object
    assert at_prison.agrees(in_prison)  # "at" and "in" are one place
    assert not in_prison.agrees(in_hospital)


def test_an_oblique_slot_is_no_sign_where_objects_differ_or_are_pronouns_or_times():
    bridge, school, him, friday = slots_of(
        "Flood water swept the bridge into the river.",
        "Flood water swept the school into the river.",
        "The crowd carried him into the square.",
        "The ferry sank on Friday.",
    )
    assert not bridge.agrees(school)  # the objects tell two things
    assert not him.objects  # a pronoun names nothing
    assert not friday.obliques  # a day is a time, not an oblique


def test_one_doer_and_many_are_others():
    alone, others, we, she = slots_of(
        "The cashier escaped without injury.",
        "The other customers were able to escape without injury.",
        "We met with the striker on Monday.",
        "The manager met with the striker.",
    )
    assert alone.doers == {"one"} and others.doers == {"many"}  # "were able to" carries it
    assert not alone.agrees(others)
    assert not we.agrees(she)


def test_a_passive_beside_an_active_verb_has_no_doer():
    from newsprism.compare.slots import doer_number

    (doc,) = parse(["Police chased the thief and he was arrested."])
    chased, arrested = (next(t for t in doc if t.lower_ == w) for w in ("chased", "arrested"))
    assert doer_number(chased) == "many"
    assert doer_number(arrested) is None  # the thief is arrested, not the police


def test_a_time_of_day_tells_when_never_what_was_done_to_what():
    monday_morning, evening, dawn, five, seven, lorry, bus = slots_of(
        "The ferry sank on Monday morning.",
        "The ferry sank in the evening.",
        "Troops entered the town at dawn.",
        "The ferry sank near the island at 5 p.m.",
        "The ferry sank near the island at 7 p.m.",
        "A lorry overturned at noon.",
        "A bus overturned at noon.",
    )
    assert not monday_morning.obliques and monday_morning.times == {("weekday", "monday")}
    assert not evening.obliques and not dawn.obliques
    assert five.obliques == {("near", "island", frozenset())}
    assert five.agrees(seven)  # the clocks are no two counts of one thing
    assert not lorry.agrees(bus)  # one hour is no sign of one thing


def test_a_games_clock_is_no_time_of_day():
    at_half_past, game_clock = slots_of(
        "The summit opened in Geneva at 9:30.",
        "The guard scored with 12:40 left in the game.",
    )
    assert at_half_past.obliques == {("in", "geneva", frozenset())}
    assert ("with", "12:40", frozenset({"12:40"})) in game_clock.obliques


def test_one_list_of_times_of_day_reads_a_weekday_with_its_part():
    from newsprism.analyse.dates import _WEEKDAY

    assert all(_WEEKDAY.fullmatch(f"Friday {part}") for part in ("morning", "night", "dawn"))


def test_a_bare_intransitive_is_one_fact_only_where_both_subjects_name_one_actor():
    named, full, other, description, second = slots_of(
        "Mayor Lopez resigned on Tuesday.",
        "Ana Lopez resigned.",
        "Garcia resigned on Tuesday.",
        "A councillor resigned.",
        "Another councillor resigned on Tuesday.",
    )
    assert named.actors == full.actors == {"lopez"}
    assert named.agrees(full)  # no object, no oblique: the name tells the act
    assert not named.agrees(other)  # another actor
    assert not description.agrees(second)  # a description may fit two people
    (beside,) = slots_of("The city's mayor, Ana Lopez, resigned.")
    assert beside.actors == {"lopez"}  # the name set beside a description


def test_a_clause_of_what_happened_next_tells_its_own_fact_of_the_named_actor():
    taken, died, driven, plain_died, unnamed, who, revived = slots_of(
        "Lopez was taken to a clinic in the city, where she died on Sunday.",
        "Mayor Lopez died on Sunday.",
        "Lopez drove Garcia to a clinic, where he died on Sunday.",
        "Garcia died on Sunday.",
        "The mayor was taken to a clinic, where she died on Sunday.",
        "Lopez, who died on Sunday, had led the city for a decade.",
        "Lopez was taken to a clinic, where she could not be revived.",
    )
    assert taken.tells_in_clause(died)
    assert not died.tells_in_clause(taken)  # only the side with the clause tells it there
    assert not driven.tells_in_clause(plain_died)  # "he": Lopez or Garcia
    assert not unnamed.tells_in_clause(died)  # a description names no one
    assert not who.narrated  # a relative clause of who someone is is a detail
    assert not revived.narrated  # a clause hedged or denied tells no fact as done
    assert not taken.agrees(died)  # the main predicates still differ
