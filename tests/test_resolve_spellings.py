"""One person however the articles spell their given name; two people of one surname stay two."""

from __future__ import annotations

from newsprism.analyse import resolve_entities
from newsprism.analyse.resolve import given_name_key
from newsprism.model import Mention


def _mention(doc: str, text: str, start: int = 0) -> Mention:
    return Mention(doc, start, start + len(text), text, "PERSON")


def _names(mentions: list[Mention]) -> dict[str, str]:
    return {m.text: e.name for e in resolve_entities(mentions) for m in e.mentions}


def test_one_given_name_spelt_two_ways_has_one_key():
    for one, other in [("catherine", "katherine"), ("bettie", "betty"), ("phillip", "philip"),
                       ("sarah", "sara"), ("jon", "john"), ("mohammed", "mohamed"),
                       ("robyn", "robin"), ("bill", "william"), ("steve", "stephen")]:
        assert given_name_key(one) == given_name_key(other), (one, other)


def test_names_of_their_own_keep_their_keys():
    for one, other in [("michael", "michelle"), ("daniel", "danielle"), ("louis", "louise"),
                       ("john", "joan"), ("johan", "joan"), ("mark", "mary"),
                       ("francis", "frances"), ("carly", "charles"), ("kathryn", "katherine")]:
        assert given_name_key(one) != given_name_key(other), (one, other)


def test_a_name_spelt_otherwise_in_another_article_is_one_person():
    names = _names([_mention("a", "Catherine Hale"), _mention("b", "Katherine Hale"),
                    _mention("c", "Sgt. Bill Dunn"), _mention("d", "William Dunn"),
                    _mention("e", "Robyn Ann Mott"), _mention("e", "Robyn Mott", 40),
                    _mention("f", "Robin Mott")])
    assert names["Catherine Hale"] == names["Katherine Hale"]
    assert names["Sgt. Bill Dunn"] == names["William Dunn"]
    assert names["Robin Mott"] == names["Robyn Ann Mott"]


def test_two_spellings_one_article_names_stay_two():
    """One article naming both may name a father and his son; the guess is left undone."""
    names = _names([_mention("a", "Bill Dunn"), _mention("a", "William Dunn", 30),
                    _mention("b", "Bill Dunn")])
    assert names["Bill Dunn"] != names["William Dunn"]


def test_other_names_and_particles_are_no_spelling():
    names = _names([_mention("a", "Michael Hale"), _mention("b", "Michelle Hale"),
                    _mention("c", "Daniel Roy"), _mention("d", "Danielle Roy"),
                    _mention("e", "Arthur de Soultrait"), _mention("e", "de Soultrait", 30),
                    _mention("f", "Marc de Soultrait"), _mention("f", "de Soultrait", 30)])
    assert len(set(names.values())) == 6
    assert names["Michael Hale"] != names["Michelle Hale"]
    assert names["Daniel Roy"] != names["Danielle Roy"]
    assert names["Arthur de Soultrait"] != names["Marc de Soultrait"]


def test_two_spellings_that_fit_two_names_join_neither():
    names = _names([_mention("a", "Catherine Hale"), _mention("b", "Katherine Hale"),
                    _mention("c", "Katherine Hale"), _mention("c", "Catherine Hale", 30)])
    assert len(set(names.values())) == 2
