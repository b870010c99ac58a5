"""A definite description ("the suspect", "the 52-year-old", "the company") stands for the one
named entity its article tied it to before, and compare reads it as that actor."""

import pytest

from newsprism.analyse import analyse_article, analyse_articles
from newsprism.model import Article


def _described(text: str) -> list[tuple[str, str]]:
    return [(d.text, d.name.text) for d in analyse_article(Article("d", text)).described]


@pytest.mark.parametrize(("text", "expected"), [
    # an age given beside the name, then the age alone
    ("Mark Kirkpatrick, 52, was arrested in Dayton. The 52-year-old was held without bail.",
     [("The 52-year-old", "Mark Kirkpatrick")]),
    # the one arrested is "the suspect"
    ("Police arrested Mark Kirkpatrick on Monday. The suspect was freed on bail.",
     [("The suspect", "Mark Kirkpatrick")]),
    # a title, then the title alone; the age with its noun
    ("Actress Jane Doe, 34, was injured in a crash. The actress was taken to hospital. The "
     "34-year-old woman is recovering.",
     [("The actress", "Jane Doe"), ("The 34-year-old woman", "Jane Doe")]),
    # said to be one
    ("Tom Banks was the driver of the truck. The driver was not hurt.",
     [("The driver", "Tom Banks")]),
    # a role titled before the name
    ("President Ann Lowe met the envoys on Monday. The president said the talks went well.",
     [("The president", "Ann Lowe")]),
    # an organisation set beside the noun
    ("Acme Corp., a toy company, recalled 2,000 dolls on Tuesday. The company said no child "
     "was hurt.", [("The company", "Acme Corp")]),
])
def test_a_description_stands_for_the_one_it_was_tied_to(text, expected):
    assert _described(text) == expected


@pytest.mark.parametrize("text", [
    # two suspects: either may be "the suspect"
    "Police arrested Mark Kirkpatrick and Tom Hale on Monday. The suspect was freed on bail.",
    "Hale, a suspect in the robbery, was held. Ruiz, another suspect, was freed. The suspect "
    "was due in court.",
    # one of the kind brought in unnamed: "the man" is that one
    "A man was seen running from the bank. Mark Kirkpatrick, a teacher, was questioned. The "
    "man was not found.",
    # tied to no one: a description is not a guess at the last name
    "Mark Kirkpatrick spoke to reporters in Dayton. The gunman was not found.",
    # the one girl named is not the girl described (she is never named); a clause with no
    # comma says which man anew
    "A deputy threw a student to the floor. Niya Kenny said she filmed it. The girl was hurt.",
    "Police charged Tom Hale on Friday. They filed charges against the man who hit a woman.",
    # an organisation only made a subject: it may be the outlet reporting
    "The Film Weekly is reporting that talks stalled. The studio wants the film out in May.",
    # one named as shot is not "the victim" of another shooting, told unnamed
    "Deputy Jerry Ortiz was shot dead on June 24. On June 20 a man was shot in the back. The "
    "victim survived.",
    # a word that narrows the noun must title the name: another minister
    "Israeli Prime Minister Benjamin Netanyahu spoke on Friday. Rockets fell during the "
    "Egyptian prime minister's visit.",
    "\"The defense ministry is fine,\" Information Minister Omran Zoubi said. A bomb killed the "
    "defense minister.",
    # two people of one age
    "Mark Kirkpatrick, 52, and Tom Hale, 52, were arrested. The 52-year-old was freed.",
])
def test_a_description_of_several_or_none_stands_for_no_one(text):
    assert _described(text) == []


def test_compare_reads_a_description_as_its_actor():
    """"The suspect was freed" has Kirkpatrick for its actor, so it shares him with
    "Kirkpatrick was freed" and clashes with "Hale was freed"."""
    from newsprism.analyse import resolve_entities
    from newsprism.compare import statement_names

    texts = {
        "a": "Police arrested Mark Kirkpatrick on Monday in Dayton. The suspect was freed on "
             "bail on Tuesday.",
        "b": "Mark Kirkpatrick was freed on bail on Tuesday, police in Dayton said.",
        "c": "Tom Hale was freed on bail on Tuesday after a hearing.",
    }
    analyses = list(analyse_articles([Article(doc, text) for doc, text in texts.items()]))
    statements = [s for a in analyses for s in a.statements]
    mentions = [m for a in analyses for m in a.mentions]
    entities = resolve_entities(mentions)
    described = [d for a in analyses for d in a.described]
    freed_a = next(n for n, s in enumerate(statements) if s.text.startswith("The suspect"))
    freed_b, freed_c = (n for n, s in enumerate(statements) if s.doc in ("b", "c"))
    before = statement_names(statements, mentions, entities)
    after = statement_names(statements, mentions, entities, described)
    assert not before.clash(freed_a, freed_c)  # no actor on the description's side
    assert after.clash(freed_a, freed_c)  # Kirkpatrick / Hale
    assert not after.clash(freed_a, freed_b)
    assert after.actors[freed_a]["PERSON"] & after.actors[freed_b]["PERSON"]
