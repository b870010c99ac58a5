"""A caseless text is read from a cased copy of the same length; a cased text is untouched."""

from newsprism.analyse import analyse_articles, resolve_and_name
from newsprism.analyse.recase import Names, is_caseless, reading_copy
from newsprism.model import Article

CASED = (
    'The factory closed on Monday after a fire, officials said. "We will rebuild it by June," '
    "said John Smith, the plant manager. Police in Chicago said nobody was hurt. The company, "
    "based in Ohio, employs 300 people and I was told it will reopen."
)
LOWER = CASED.lower()


def test_a_cased_text_is_its_own_reading_copy() -> None:
    assert not is_caseless(CASED)
    assert reading_copy(CASED) is CASED
    # However its names are written elsewhere, and under a headline in capitals.
    assert reading_copy(CASED, Names.from_texts([CASED.upper()])) is CASED
    headlined = "FACTORY FIRE CLOSES PLANT FOR MONTHS\n\n" + CASED
    assert reading_copy(headlined) is headlined


def test_a_lower_cased_text_gets_its_capitals_back_at_the_same_length() -> None:
    reading = reading_copy(LOWER)
    assert len(reading) == len(LOWER)
    assert reading.lower() == LOWER
    for name in ("The factory", "Monday", '"We will', "June", "John Smith", "Chicago", "Ohio",
                 " I was"):
        assert name in reading
    assert "the plant manager" in reading and "officials" in reading


def test_an_all_caps_text_is_read_in_sentence_case() -> None:
    reading = reading_copy(CASED.upper())
    assert len(reading) == len(CASED)
    assert "said John Smith, the plant manager" in reading


def test_names_come_from_the_briefings_cased_articles_first() -> None:
    other = ("Shares of Acme Widgets fell after the fire. The firm said Zorblat Kavanagh, "
             "its founder, would speak. Police said the plant would reopen.")
    names = Names.from_texts([other, LOWER])
    assert names.runs["acme widgets"] == "Acme Widgets"
    assert names.words["zorblat"] == "Zorblat"
    assert "police" not in names.words  # it opens a sentence: no evidence of a name
    lower = ("a spokesman for acme widgets said zorblat kavanagh would visit the plant. the "
             "police said the fire began in the paint shop on the first floor of the building.")
    reading = reading_copy(lower, names)
    assert "for Acme Widgets said Zorblat Kavanagh would" in reading


def test_a_lower_cased_article_is_analysed_as_the_cased_one_with_its_own_characters() -> None:
    cased, lower = analyse_articles([Article(id="a", text=CASED), Article(id="b", text=LOWER)])
    assert lower.article.text == LOWER
    assert [(m.start, m.end, m.type) for m in lower.mentions] == \
        [(m.start, m.end, m.type) for m in cased.mentions]
    (quote,) = lower.quotes
    assert quote.text == LOWER[quote.start:quote.end] == "we will rebuild it by june"
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "john smith"
    for item in (*lower.sentences, *lower.statements, *lower.mentions, *lower.figures,
                 *lower.dates):
        assert item.text == LOWER[item.start:item.end]


def test_a_caseless_articles_names_are_resolved_as_read_and_shown_as_printed() -> None:
    text = LOWER + " smith, 52, has run the plant since 2009, the company said."
    analyses = list(analyse_articles([Article(id="b", text=text)]))
    entities, (quote,) = resolve_and_name(analyses)
    (smith,) = [e for e in entities if e.type == "PERSON"]
    assert smith.name == "John Smith" and len(smith.mentions) == 2  # "john smith", "smith"
    assert all(m.text == text[m.start:m.end] for e in entities for m in e.mentions)
    assert quote.speaker == "John Smith" and quote.speaker_mention.text == "john smith"


def test_a_rare_word_after_a_name_is_its_surname_throughout() -> None:
    text = ("the plant manager, david quarrington, said the fire began in the paint shop. "
            "nobody was hurt and the workers would be paid while it is shut, quarrington said.")
    assert "David Quarrington, said" in reading_copy(text)
    assert "shut, Quarrington said" in reading_copy(text)


def test_capitals_a_lower_cased_text_keeps_are_kept() -> None:
    text = LOWER.replace("police in chicago", "NASA staff in chicago") + "\n\n" + LOWER
    assert "NASA staff in Chicago" in reading_copy(text)


def test_a_name_a_cased_article_joins_with_a_hyphen_is_restored_whole() -> None:
    cased = ("The envoy Kang Myong-su met the minister on Friday. Officials kept the "
             "Halvorsen-era rules and a Mira Castellan-led panel.")
    names = Names.from_texts([cased])
    assert names.runs["kang myong-su"] == "Kang Myong-su"
    lower = ("the talks went on for two hours, and kang myong su said they were useful. the "
             "rules of the halvorsen era stay, and mira castellan led the panel again. by then "
             "kang myong-su had left.")
    reading = reading_copy(lower, names)
    assert "and Kang Myong Su said" in reading  # its words written apart: each a capital
    assert "By then Kang Myong-su had left" in reading  # written joined: as the name is
    assert "the Halvorsen era stay" in reading  # "-era" qualifies one name: not the name's
    assert "Mira Castellan led the panel" in reading  # nor a participle


def test_a_caseless_texts_name_cut_short_is_read_to_the_full_name_the_briefing_gives() -> None:
    from newsprism.analyse.resolve import name_completer, resolve_entities
    from newsprism.model import Mention

    reading = "Envoy Kang Myong su said the talks were useful."
    full = Mention("a", 0, 0, "Kang Myong-su", "PERSON")
    cut = Mention("b", 6, 16, reading[6:16], "PERSON")  # the model stopped at "Kang Myong"
    other = Mention("b", 0, 5, "Envoy", "PERSON")
    complete = name_completer([full, cut, other], {"b": reading})
    assert complete(cut).text == "Kang Myong su"
    assert complete(other) is other  # "Envoy Kang" is no name the briefing gives
    assert complete(full) is full  # a cased text's mention is as the model read it
    (entity,) = resolve_entities([full, complete(cut)])  # case and hyphen aside: one name
    assert entity.name == "Kang Myong-su" and len(entity.mentions) == 2
