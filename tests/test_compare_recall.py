"""Compare finds one fact told in other words (issue 18, same-fact recall), without taking two
facts of one topic for one: what a statement asserts read through "had to", "managed to", a
copula or a support verb, and one actor called by two names."""

from __future__ import annotations

from newsprism.compare.align import StatementNames, actor_key
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
    assert actor_key("TallGrass Distribution Ltd.", "ORG") == actor_key(
        "Tall Grass Distribution Limited", "ORG")
    names = StatementNames(
        (frozenset(),) * 3,
        ({"PERSON": frozenset({"e1"})}, {"PERSON": frozenset({"e2"})},
         {"PERSON": frozenset({"e3"})}),
        ({"PERSON": frozenset({actor_key("Constable Tim Fanning", "PERSON")})},
         {"PERSON": frozenset({actor_key("Tim Fanning", "PERSON")})},
         {"PERSON": frozenset({actor_key("Maria Okafor", "PERSON")})}))
    assert not names.clash(0, 1)  # resolution left the two Fannings apart: one actor
    assert names.clash(0, 2) and names.clash(1, 2)  # two people


def test_a_noun_is_no_hedge():
    fled, man_fled, suspected = assertions([
        "The suspect fled the scene in a black car.",
        "Police said the man fled the scene in a black car.",
        "Police suspect he fled the scene in a black car.",
    ])
    assert not fled.hedged and fled.agrees(man_fled)  # "the suspect" is who, not how sure
    assert suspected.hedged and not suspected.agrees(man_fled)


def test_a_runner_up_match_is_proposed_and_judged_within_its_margin(monkeypatch):
    import numpy as np

    from newsprism.compare import align
    from newsprism.embed import load_encoder
    from newsprism.model import Span

    # Article b says in one sentence what article a says in two; a's first sentence matches
    # b's other sentence better by words, and b's long sentence matches a's second better:
    # the pair (a0, b1) is neither one's best match, only a0's runner-up in b.
    texts = [("a", "The ferry to Norwick sank in the harbour on Monday night."),
             ("a", "The harbour master said the ferry sank within minutes of hitting the rocks."),
             ("b", "The ferry to Norwick sailed from the harbour on Monday night."),
             ("b", "The ferry sank in the harbour on Monday night within minutes of hitting "
                   "rocks, the harbour master said.")]
    statements = [Span(doc, 0, len(text), text) for doc, text in texts]
    embeddings = load_encoder().encode([s.text for s in statements])
    n = len(statements)

    def evidence(count: int, margin: float) -> align.PairEvidence:
        monkeypatch.setattr(align, "RUNNERS_UP", count)
        monkeypatch.setattr(align, "RUNNER_UP_MARGIN", margin)
        return align.score_pairs(statements, embeddings, np.zeros((n, n), np.float32),
                                 np.zeros((n, n), bool))

    best_only = evidence(0, 1.0)
    assert (0, 3) not in best_only.proposed() and best_only.same_fact[0, 3] == 0
    with_runners = evidence(1, 0.3)
    assert with_runners.others == ((0, 3),) and with_runners.same_fact[0, 3] > 0
    assert evidence(1, 0.01).others == ()  # too much weaker than the best match


def test_runners_up_are_the_next_strongest_matches_in_each_article():
    import numpy as np

    from newsprism.compare.align import best_matches, runners_up

    docs = np.array(["a", "b", "b", "b"])
    strength = np.array([[0, 0.9, 0.85, 0.5], [0.9, 0, 0, 0], [0.85, 0, 0, 0], [0.5, 0, 0, 0]])
    best = best_matches(docs, strength)
    assert best[(0, "b")] == 1
    assert runners_up(docs, strength, best, 2, 0.1) == ((0, 2),)  # 3 is 0.4 weaker
    assert runners_up(docs, strength, best, 2, 0.5) == ((0, 2), (0, 3))
    assert runners_up(docs, strength, best, 1, 0.5) == ((0, 2),)
    assert runners_up(docs, strength, best, 0, 0.5) == ()
