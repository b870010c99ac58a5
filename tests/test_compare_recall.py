"""Compare finds one fact told in other words (issue 18, same-fact recall), without taking two
facts of one topic for one: what a statement asserts read through "had to", "managed to", a
copula or a support verb, and one actor called by two names."""

from __future__ import annotations

from newsprism.compare.align import StatementNames, actor_key, one_actor
from newsprism.compare.predicates import assertions


def test_what_a_verb_carries_is_the_predicate():
    had_to, used, able, managed, tried = assertions([
        "Officers had to use a Taser to subdue him.",
        "Police used a Taser on the driver.",
        "The other guests were able to escape without injury.",
        "The other partygoers managed to escape unharmed.",
        "The other partygoers refused to leave the building.",
    ])
    assert had_to.agrees(used)  # use a Taser, however it was put
    assert able.agrees(managed)  # escape
    assert not able.agrees(tried)  # escape / refused


def test_what_is_expected_is_the_predicate_not_the_expecting():
    court, charged, will, faces = assertions([
        "Ferris is expected to appear in court next Monday.",
        "Ferris is expected to be charged today, Sgt. Hume said.",
        "Ferris will be charged today.",
        "Ferris faces charges.",
    ])
    # two things looked ahead to are two facts, though both are "expected"
    assert not court.agrees(charged)
    assert charged.agrees(will)  # one charge looked ahead to, however it is put
    assert not charged.agrees(faces)  # expected is not done


def test_a_support_verb_asserts_its_object():
    faces, charged, filed, used_baton, tasered = assertions([
        "Kirkpatrick faces charges of first-degree murder.",
        "Kirkpatrick was charged with first-degree murder on Saturday.",
        "Prosecutors filed charges against Kirkpatrick on Saturday.",
        "Officers used a baton on the driver.",
        "Officers had to use a Taser on the driver.",
    ])
    assert faces.agrees(charged) and filed.agrees(charged)
    assert not used_baton.agrees(tasered)  # one support verb, two different acts


def test_a_copula_asserts_its_complement():
    crosswalk, marked, hospital = assertions([
        "She was in the crosswalk when the car hit her.",
        "Johnson was in a marked crosswalk, police said.",
        "Johnson was in the hospital on Thursday.",
    ])
    assert crosswalk.agrees(marked)
    assert not crosswalk.agrees(hospital)  # "was" alone says nothing: where she was does


def test_one_actor_called_by_two_names_does_not_clash():
    assert actor_key("Constable Tim Fanning", "PERSON") == actor_key("Tim Fanning", "PERSON")
    assert one_actor(actor_key("TallGrass Distribution Ltd.", "ORG"),
                     actor_key("Tall Grass Distribution Limited", "ORG"), "ORG")
    # a generation after the surname is no surname: one report's "Jesse Matthew", another's
    # "Jesse Leroy Matthew Jr." (a one-word name keeps its word)
    assert actor_key("Jesse Leroy Matthew Jr.", "PERSON") == actor_key("Jesse Matthew", "PERSON")
    assert actor_key("Henry Ford II", "PERSON") == "ford" and actor_key("Jr", "PERSON") == "jr"
    names = StatementNames(
        (frozenset(),) * 3,
        ({"PERSON": frozenset({"e1"})}, {"PERSON": frozenset({"e2"})},
         {"PERSON": frozenset({"e3"})}),
        ({"PERSON": frozenset({actor_key("Constable Tim Fanning", "PERSON")})},
         {"PERSON": frozenset({actor_key("Tim Fanning", "PERSON")})},
         {"PERSON": frozenset({actor_key("Maria Okafor", "PERSON")})}))
    assert not names.clash(0, 1)  # resolution left the two Fannings apart: one actor
    assert names.clash(0, 2) and names.clash(1, 2)  # two people


def _called(*statements: dict[str, list[str]]) -> StatementNames:
    """Statement names with only the actors by what they are called (``actor_key``)."""
    called = tuple({kind: frozenset(actor_key(n, kind) for n in found)
                    for kind, found in named.items()} for named in statements)
    return StatementNames((frozenset(),) * len(called), ({},) * len(called), called)


def test_a_body_named_in_full_and_short_is_one_actor():
    names = _called({"ORG": ["the Boston Red Sox"]}, {"ORG": ["the Red Sox"]},
                    {"ORG": ["the Baltimore Orioles"]}, {"ORG": ["the Department of Justice"]},
                    {"ORG": ["the FBI", "the Justice Department"]},
                    {"ORG": ["Royal Bank of Canada", "Bank of Montreal"]},
                    {"ORG": ["Royal Bank", "the FBI"]})
    assert not names.clash(0, 1)  # the club, its name without its city
    assert names.clash(0, 2) and names.clash(1, 2)  # two clubs
    assert not names.clash(3, 4)  # the department named two ways; the FBI on one side only
    assert names.clash(5, 6)  # one bank in two forms, but the FBI against the Bank of Montreal


def test_a_surname_spelt_with_a_letter_more_is_one_person():
    names = _called({"PERSON": ["Duncan Rait"]}, {"PERSON": ["Duncan Raite"]},
                    {"PERSON": ["Ann Hall"]}, {"PERSON": ["Ann Hill"]},
                    {"PERSON": ["Tom Lee"]}, {"PERSON": ["Tom Lees"]})
    assert not names.clash(0, 1)
    assert names.clash(2, 3)  # a letter changed: another name
    assert names.clash(4, 5)  # too short to tell a misspelling from another name


def test_a_name_the_entity_model_misread_once_is_no_actor_of_that_kind():
    """The entity's kind, read over all its mentions, rules: a town tagged a person once ("of
    Burnsville") is no person whose absence on the other side makes two facts."""
    from newsprism.compare import statement_names
    from newsprism.model import Entity, Mention, Span

    one = "Ann Smith, of Burnsville, was struck by a car."
    other = "Smith was struck by a car driven by Tom Walker."
    statements = [Span("a", 0, len(one), one), Span("b", 0, len(other), other)]

    def mention(doc: str, text: str, name: str, kind: str) -> Mention:
        start = text.index(name)
        return Mention(doc, start, start + len(name), name, kind)

    smith_a, town = mention("a", one, "Ann Smith", "PERSON"), mention("a", one, "Burnsville",
                                                                      "PERSON")
    smith_b, walker = mention("b", other, "Smith", "PERSON"), mention("b", other, "Tom Walker",
                                                                      "PERSON")
    elsewhere = Mention("c", 0, 10, "Burnsville", "GPE")
    entities = [Entity("smith", "Ann Smith", "PERSON", mentions=(smith_a, smith_b)),
                Entity("walker", "Tom Walker", "PERSON", mentions=(walker,)),
                Entity("burnsville", "Burnsville", "GPE", mentions=(town, elsewhere))]
    mentions = [smith_a, town, smith_b, walker]
    assert not statement_names(statements, mentions, entities).clash(0, 1)
    as_read = [Entity(e.id, e.name, "PERSON", mentions=e.mentions) for e in entities]
    assert statement_names(statements, mentions, as_read).clash(0, 1)  # Burnsville / Walker


def test_a_noun_is_no_hedge():
    fled, man_fled, suspected = assertions([
        "The suspect fled the scene in a black car.",
        "Police said the man fled the scene in a black car.",
        "Police suspect he fled the scene in a black car.",
    ])
    assert not fled.hedged and fled.agrees(man_fled)  # "the suspect" is who, not how sure
    assert suspected.hedged and not suspected.agrees(man_fled)


def test_a_pair_sharing_only_names_is_judged_when_each_is_the_others_nearest():
    import numpy as np

    from newsprism import embed
    from newsprism.compare.align import CORE_WORDS, score_pairs
    from newsprism.model import Span

    texts = [("a", "They used a Taser to subdue him."),
             ("b", "Officials had to use a Taser on LaSalle."),
             ("b", "LaSalle was booked into the county jail on Friday.")]
    statements = [Span(doc, 0, len(text), text) for doc, text in texts]
    embeddings = embed.load_encoder().encode([text for _, text in texts])
    n = len(statements)
    names = StatementNames((frozenset({"taser"}), frozenset({"taser", "lasalle"}),
                            frozenset({"lasalle"})), ({},) * n, ({},) * n)
    evidence = score_pairs(statements, embeddings, np.zeros((n, n)), np.zeros((n, n), bool),
                           names)
    assert evidence.lexical[0, 1] < CORE_WORDS  # "used" / "use": names the only words shared
    assert evidence.nearest_both(0, 1) and evidence.judgeable(0, 1)
    assert not evidence.nearest_both(0, 2) and not evidence.judgeable(0, 2)
    # each its article's only statement, so each the other's nearest, but about other things
    apart = [Span(doc, 0, len(text), text) for doc, text in (
        ("a", "Officials had to use a Taser on LaSalle."),
        ("b", "Wheat prices rose in May in Kent."))]
    far = score_pairs(apart, embed.load_encoder().encode([s.text for s in apart]),
                      np.zeros((2, 2)), np.zeros((2, 2), bool),
                      StatementNames((frozenset({"taser", "lasalle"}), frozenset({"kent"})),
                                     ({},) * 2, ({},) * 2))
    assert far.cosine[0, 1] < 0.55 and not far.nearest_both(0, 1)
