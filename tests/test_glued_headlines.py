"""A headline glued to its lede with no full stop (issue 18: SemEval-2022 task 8's texts print
title and lede as one run) is cut from it where the text shows the end, and only there: the
lede then stands as a statement of its own, and every span still points at the source."""

from __future__ import annotations

from newsprism.analyse import analyse_article, resolve_and_name
from newsprism.analyse.headlines import headline_end
from newsprism.model import Article


def _lede(text: str) -> str | None:
    cut = headline_end(text)
    return None if cut is None else text[cut:]


def test_a_sentence_opener_after_a_headline_word_in_lower_case_starts_the_lede():
    assert _lede("Fire kills three in Ohio home The blaze broke out early Sunday.") == (
        "The blaze broke out early Sunday.")
    assert _lede("Fishermen rescued at sea back home THE three men landed on Monday.") == (
        "THE three men landed on Monday.")


def test_a_dateline_or_the_headline_printed_again_ends_the_headline():
    assert _lede("Mayor says she will run again RIVERTON, Ore. (AP) — The mayor of Riverton "
                 "said Tuesday.").startswith("RIVERTON, Ore. (AP) —")
    assert _lede("Storm fades, winds expected LAKEPORT — The storm moved east.").startswith(
        "LAKEPORT —")
    # the headline printed again at once: the lede follows the copy
    assert _lede("The bridge closes for repairs The bridge closes for repairs The county shut "
                 "the bridge.") == "The county shut the bridge."
    # never a lede that opens on the headline's first words, nor a name the body repeats
    assert headline_end("Former mayor Ann Ruiz dead at 90 Former mayor Ann Ruiz died on Monday "
                        "at her home.") is None
    assert headline_end("The Riverton County Council met on Monday. The Riverton County Council "
                        "voted to close the bridge.") is None


def test_a_remark_quoted_after_the_headline_colon_ends_the_headline():
    assert _lede("Mayor after the vote: ‘We lost fair and square’ City Council member Ann Ruiz "
                 "said on Monday that she would run again.") == (
        "City Council member Ann Ruiz said on Monday that she would run again.")
    assert _lede('Baker retires after 40 years: "It was a good run" Bread was his life.') == (
        "Bread was his life.")
    # a title in marks in a title-case headline goes on; so does a remark in lower case after
    assert headline_end("Review: 'Gone with the Wind' Returns to Theaters The film is back.") \
        is None
    assert headline_end("He told reporters: ‘We are ready’ before he left for the airport.") is None
    # a comma inside the closing mark hands the remark to the name after it
    assert headline_end("She put it simply: ‘We lost fair and square,’ Ann Ruiz said.") is None


def test_a_capital_that_goes_on_a_phrase_is_no_lede():
    # "said The Herald", "for The Times": the capital goes on the sentence
    assert headline_end("The mayor said on Monday that The Herald had the figures wrong.") is None
    assert headline_end("She wrote for The Times until the paper was sold last year.") is None
    # a newspaper named after the verb that reports or quotes it
    assert headline_end("Two aides were warned of the risk in June reported The Herald on "
                        "Monday.") is None
    assert headline_end("The minister resigned after months of pressure citing The Herald's "
                        "reporting.") is None
    # a title-case headline and a lede that opens on a name: the words do not tell the end
    assert headline_end("Council Approves New Budget for Parks Mayor Dana Reyes said the "
                        "budget passed.") is None
    # a dateline's own credit after its place or day
    assert headline_end("LAKEPORT, Nov. 3 (Xinhua) -- Officials said Tuesday that the fire was "
                        "out.") is None
    assert headline_end("LAKEPORT BAY, Indonesia (AP) — Officials said Saturday that the fire "
                        "was out.") is None
    # a headline alone on its line
    assert headline_end("Fire kills three in Ohio home\nThe blaze broke out early Sunday.") is None


def test_the_lede_cut_from_its_headline_is_a_statement_at_the_source_offsets():
    text = ("Fire kills three in Ohio home The blaze broke out early Sunday in a two-storey "
            "house in Dayton, officials said. Two children escaped through a window.")
    analysis = analyse_article(Article("a", text))
    assert analysis.sentences[0].text == "Fire kills three in Ohio home"
    lede = analysis.statements[0]
    assert lede.text.startswith("The blaze broke out early Sunday")
    assert text[lede.start : lede.end] == lede.text


def test_a_sign_up_box_freed_from_its_headline_is_no_statement():
    text = ("Council votes to close the old pier Daily news email The latest headlines in your "
            "inbox Enter your email address Email address is invalid You already have an "
            "account. The council voted on Monday to close the old pier for repairs.")
    statements = [s.text for s in analyse_article(Article("a", text)).statements]
    assert statements == ["The council voted on Monday to close the old pier for repairs."]


def test_the_lede_after_a_glued_headline_names_no_one_who_says_its_quote():
    text = ("Governor Ann Ruiz after hearing of the senator's illness: ‘Well, that is too bad’ "
            "Senator Tom Baker announced on Sunday that he would stay at home after a colleague "
            "fell ill. Ruiz was asked about it on Monday. “Well, that is too bad,” Ruiz told "
            "reporters.")
    quotes = resolve_and_name([analyse_article(Article("a", text))])[1]
    assert [(q.text, q.speaker) for q in quotes] == [("Well, that is too bad", "Ann Ruiz")] * 2
    # with no later quote holding its words, the headline's quote is still never Baker's
    alone = text[: text.index(" Ruiz was")]
    quotes = resolve_and_name([analyse_article(Article("a", alone))])[1]
    assert [q.speaker for q in quotes] != ["Tom Baker"]


def test_a_quote_after_a_question_about_someone_is_their_answer():
    text = ("Senator Tom Baker said on Sunday that he would stay at home after a colleague fell "
            "ill. What does Governor Ann Ruiz think of that? “Well, that is too bad for him.” "
            "The senate meets again on Monday.")
    quotes = resolve_and_name([analyse_article(Article("a", text))])[1]
    assert [(q.text, q.speaker) for q in quotes] == [("Well, that is too bad for him.", "Ann Ruiz")]
    # a quote that does not open the sentence after the question answers nothing
    text = ("Will Governor Ann Ruiz run again next year?\n\nWhile the book, rumoured to be "
            "titled “Ruiz and Baker against the World,” is still unwritten, it sells.")
    quotes = resolve_and_name([analyse_article(Article("a", text))])[1]
    assert [q.speaker for q in quotes] == [None]
    # nor one past a line break the parser ran the question on into
    text = ("Senator Tom Baker stayed home on Sunday. What does Governor Ann Ruiz think of "
            "that?\n\n“We will see what the voters want next year.”")
    quotes = resolve_and_name([analyse_article(Article("a", text))])[1]
    assert [q.speaker for q in quotes] != ["Ann Ruiz"]
