"""One entity however the articles title it: titles, ranks, offices, legal suffixes, nicknames."""

from __future__ import annotations

from newsprism.analyse import analyse_article, resolve_entities
from newsprism.analyse.resolve import bare_name
from newsprism.model import Article, Mention


def _mention(doc: str, text: str, kind: str = "PERSON", start: int = 0) -> Mention:
    return Mention(doc, start, start + len(text), text, kind)


def _names(mentions: list[Mention]) -> dict[str, str]:
    return {m.text: e.name for e in resolve_entities(mentions) for m in e.mentions}


def test_a_title_rank_or_office_heading_a_name_is_not_part_of_it():
    pairs = [("Constable Tim Fanning", "Tim Fanning"), ("Sergeant Ron Kell", "Ron Kell"),
             ("Dr. Jane Smith", "Jane Smith"), ("President Barack Obama", "Barack Obama"),
             ("Defense Minister Ehud Barak", "Ehud Barak"),
             ("Secretary of State Hillary Clinton", "Hillary Clinton"),
             ("Lt. Gen. John Allen", "John Allen")]
    for titled, plain in pairs:
        names = _names([_mention("a", titled), _mention("b", plain)])
        assert names[titled] == names[plain] == plain  # the name as an article wrote it


def test_a_titled_name_that_no_article_wrote_bare_keeps_its_title():
    names = _names([_mention("a", "Sergeant Ron Kell"), _mention("b", "Sgt. Kell"),
                    _mention("c", "Const. Tim Fanning"), _mention("d", "Constable Fanning")])
    assert names["Sgt. Kell"] == "Sergeant Ron Kell"
    assert names["Constable Fanning"] == "Const. Tim Fanning"


def test_a_title_alone_or_before_a_lowercase_word_is_not_stripped():
    assert bare_name("President", "PERSON") == "President"
    assert bare_name("Prince of Wales", "PERSON") == "Prince of Wales"
    assert bare_name("General Motors", "ORG") == "General Motors"  # only people have titles


def test_a_titled_surname_joins_only_the_one_full_name_it_ends():
    names = _names([_mention("a", "Barack Obama"), _mention("b", "President Obama")])
    assert names["President Obama"] == "Barack Obama"
    bushes = _names([_mention("c", "George W. Bush"), _mention("d", "George H. W. Bush"),
                     _mention("e", "President Bush")])
    assert bushes["President Bush"] == "President Bush"  # which of the two? no guess
    assert bushes["George W. Bush"] != bushes["George H. W. Bush"]
    royal = _names([_mention("f", "Prince William"), _mention("g", "William Hague")])
    assert royal["Prince William"] == "Prince William"  # a given name, not Hague's


def test_different_people_sharing_words_stay_apart():
    names = _names([_mention("a", "Kim Jong-un"), _mention("a", "Kim Jong-il", start=20),
                    _mention("b", "Kim Jong Un")])
    assert names["Kim Jong Un"] == names["Kim Jong-un"] != names["Kim Jong-il"]


def test_organisations_are_one_without_their_legal_suffix_spacing_or_case():
    names = _names([_mention("a", "TallGrass Distribution Ltd", "ORG"),
                    _mention("b", "Tall Grass Distribution Limited", "ORG"),
                    _mention("c", "Acme Corp.", "ORG"), _mention("d", "ACME", "ORG")])
    assert names["TallGrass Distribution Ltd"] == names["Tall Grass Distribution Limited"]
    assert names["Acme Corp."] == names["ACME"]
    spelled = _names([_mention("e", "Canadian Broadcasting Corp", "ORG"),
                      _mention("f", "CBC", "ORG")])
    assert spelled["CBC"] == "Canadian Broadcasting Corp"  # its initials, suffix and all


def test_a_company_named_for_a_person_is_not_that_person():
    names = _names([_mention("a", "Nikola Tesla"), _mention("b", "Tesla Inc.", "ORG")])
    assert names["Tesla Inc."] == "Tesla Inc."


def test_a_nickname_quoted_inside_a_name_is_an_alias():
    full = 'Orenthal James "O.J." Simpson'
    names = _names([_mention("a", full), _mention("b", "O.J. Simpson"),
                    _mention("b", "Simpson", start=40), _mention("c", "Orenthal James Simpson")])
    assert names["O.J. Simpson"] == names["Simpson"] == names["Orenthal James Simpson"] == full


def test_titled_mentions_the_entity_model_reads_resolve_to_one_person():
    text = ("Constable Tim Fanning closed the road on Monday. Sergeant Ron Kell said the bridge "
            "was unsafe. Tim Fanning said drivers should wait. Ron Kell agreed.")
    analysis = analyse_article(Article(id="a", text=text))
    names = {m.text: e.name for e in resolve_entities(analysis.mentions) for m in e.mentions}
    people = {name for text, name in names.items() if "Fanning" in text or "Kell" in text}
    assert people == {"Tim Fanning", "Ron Kell"}


def test_a_role_noun_opening_a_sentence_is_no_part_of_the_name_after_it():
    text = "Lawyer Michael Marinaccio said the case was weak. Dr. Jane Smith agreed."
    names = [m.text for m in analyse_article(Article("a", text)).mentions if m.type == "PERSON"]
    assert "Michael Marinaccio" in names and not [n for n in names if "Lawyer" in n]


def test_a_name_ending_in_an_institution_noun_is_no_person_a_given_name_joins():
    from newsprism.analyse.resolve import name_speakers
    from newsprism.model import Quote

    mentions = analyse_article(Article("a", "Students at George Washington University met "
                                            "Jane Smith.")).mentions
    assert {m.text: m.type for m in mentions}["George Washington University"] != "PERSON"
    said = _mention("a", "George", start=100)
    (quote,) = name_speakers([Quote("a", 0, 9, "We saw it", speaker_mention=said)],
                             resolve_entities(mentions))
    assert quote.speaker == "George"


def test_a_speaker_named_in_other_case_takes_the_entity_s_name():
    from newsprism.analyse.resolve import name_speakers
    from newsprism.model import Quote

    entities = resolve_entities([_mention("a", "Ecowas", "ORG"), _mention("b", "Ecowas", "ORG")])
    said = _mention("a", "ECOWAS", "ORG", start=50)
    (quote,) = name_speakers([Quote("a", 0, 9, "We condemn", speaker_mention=said)], entities)
    assert quote.speaker == "Ecowas"


def test_church_titles_honorifics_and_short_offices_head_a_name():
    pairs = [("Elder Thomas Antwi", "Thomas Antwi"), ("Apostle Opoku Mensah", "Opoku Mensah"),
             ("Hon. Kofi Boateng", "Kofi Boateng"), ("Dist. Atty. Steve Cooley", "Steve Cooley")]
    for titled, plain in pairs:
        assert bare_name(titled, "PERSON") == plain
