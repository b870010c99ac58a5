"""One remark quoted by two reports: the same remark when they differ only as transcripts do
(contractions, case and punctuation, a small word put in or left out, an editor's [bracketed]
words, an ellipsis, a phrase left out), another wording when a word is replaced; and two remarks
of one speaker on one topic are not one remark reworded (issue 18, the audit of fresh
clusters)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from newsprism.compare.quotes import (
    cut_apart,
    differently_worded,
    remark_words,
    same_wording,
    told_to,
    without_other_interviews,
    without_torn_quotes,
)
from newsprism.model import Article, Quote
from newsprism.pipeline import build_briefing


def _quote(text: str, doc: str = "a") -> Quote:
    return Quote(doc, 0, len(text), text, "Dana Reyes")


def test_remark_words_spell_contractions_out_and_leave_editors_words_out():
    assert remark_words("I'm sure we don't [the council does not] know, and it's late.") == [
        "i", "am", "sure", "we", "do", "not", "know", "and", "it", "is", "late"]
    assert remark_words("We cannot wait") == remark_words("we can not wait")


@pytest.mark.parametrize(("first", "second"), [
    pytest.param("I know the things I've done caused a lot of pain and I'm sorry",
                 "I know that the things that I have done caused a lot of pain, and I am sorry.",
                 id="contractions and a small word put in"),
    pytest.param("And I just wanted to say that the harbour will stay open",
                 "I just wanted to say that the harbour will stay open", id="a leading and"),
    pytest.param("That person is dangerous and needs to be found as soon as possible",
                 "That person needs to be found as soon as possible", id="a phrase left out"),
    pytest.param("We [the council] will keep the library open this winter",
                 "We will keep the library open this winter", id="an editor's words"),
    pytest.param("We will keep the library open . . . and we will hire two more staff",
                 "We will keep the library open and we will hire two more staff",
                 id="an ellipsis"),
    pytest.param("WE WILL KEEP THE LIBRARY OPEN!", "We will keep the library open.",
                 id="case and punctuation"),
    pytest.param("The storm was fierce, but all the crews on the quay - and there were another "
                 "twelve men who were there for the night shift - got home safely",
                 "The storm was fierce but all the crews on the quay - and a twelve men who "
                 "were there for the night shift - got home safely",
                 id="a long passage with a short run given otherwise"),
    pytest.param("It was really a zone defence, and he made a clever read by dropping off of "
                 "the winger", "They made a good stop. It was really a zone defence and he made "
                 "a clever read by dropping off the winger. He just read it well.",
                 id="a small word slipped inside the other's longer passage"),
    pytest.param("You never see that on the late shift. They know we like the quiet road on that "
                 "stretch and they watched the gate.",
                 "He said you never see that on the late shift and that was a smart call by him. "
                 "They know we like the quiet road so on that stretch, they watched the gate. It "
                 "was a good call.",
                 id="a phrase left out and small words slipped on both sides"),
    pytest.param("The ferry left the quay at 6:41pm PST this evening (0241 GMT Saturday)",
                 "The ferry left the quay at 18:41 this evening (02:41 GMT Saturday)",
                 id="one time of day in two styles"),
    pytest.param("We learned on Sept. 4 what a flood does to the coast",
                 "We learned on September 4 what a flood does to the coast",
                 id="a date's month in two house styles"),
    pytest.param("I know that at least ten pirates have been caught off the cape this winter",
                 "I know that at least 10 pirates have been caught off the cape this winter",
                 id="a number spelt out and in digits"),
    pytest.param("The camera caught twenty-five seconds of what happened on the quay",
                 "The camera caught 25 seconds of what happened on the quay",
                 id="a number of tens and units spelt out and in digits"),
    pytest.param("After forty years of that bell ringing over the harbour, she still looked at "
                 "him like he was her knight in shining armour",
                 "After forty years of that bell ringing over the harbour, she still looked at "
                 "him like he was her knight in shinning armour, and he looked at her like she "
                 "was still his young bride", id="a word misspelt, the other running on"),
    pytest.param("The council will read [Mr Dale's] petition and answer it within the month",
                 "The council will read his petition and answer it within the month",
                 id="an editor's name in brackets for the speaker's pronoun"),
    pytest.param("We think (the ferry) should have stayed in port that night",
                 "We think it should have stayed in port that night",
                 id="an editor's noun in round brackets for the speaker's it"),
    pytest.param("U.S. patrol boats searched the bay off the cape at dawn",
                 "US patrol boats searched the bay off the cape at dawn",
                 id="initials with stops and without"),
    pytest.param("We will work with the United Kingdom and our neighbours on the harbour",
                 "We will work with the UK and our neighbours on the harbour",
                 id="a country named in full and by its initials"),
    pytest.param("I am grateful to Sergeant-at-Arms Ann Reed and the crews for keeping us safe",
                 "I am grateful to Sgt at Arms Ann Reed & the crews for keeping us safe",
                 id="a rank abbreviated and an ampersand, as a post is typed"),
    pytest.param("The flood carried the pier into the harbour master's yard last night",
                 "The flood carried the pier into the harbour's master's yard last night",
                 id="a possessive put in by a slip of the keys"),
])  # fmt: skip
def test_one_remark_in_two_transcripts_is_the_same_wording(first, second):
    assert same_wording(_quote(first), _quote(second, "b"))
    assert same_wording(_quote(second), _quote(first, "b"))  # one answer whichever comes first


@pytest.mark.parametrize(("first", "second"), [
    pytest.param("I just wanted to say that the harbour will stay open",
                 "I just want to say that the harbour will stay open", id="a word replaced"),
    pytest.param("I felt we were not progressing the way we wanted to progress",
                 "I felt we were not progressing the way we had wanted to progress",
                 id="one word put in that is not a small word"),
    pytest.param("We will not close the library before the winter is over",
                 "We will close the library before the winter is over", id="a negation lost"),
    pytest.param("But what is the cause of this? We don't know yet.",
                 "What is the cause of this, when did this all start? We don't know yet.",
                 id="a word left out on one side and a phrase on the other"),
    pytest.param("In his own words it is not in his DNA to stay in prison",
                 "In his own words, he said it's not his DNA to stay in jail",
                 id="prison and jail"),
    pytest.param("The storm was fierce, but all the crews on the quay - and there were another "
                 "twelve men who were there for the night shift - got home safely",
                 "The storm was fierce, but all the crews on the quay - and there were another "
                 "twenty men who were there for the night shift - got home safely",
                 id="a long passage with a figure given otherwise"),
    pytest.param("The storm was fierce, but all the crews on the quay - and there were another "
                 "twelve men who were there for the night shift - got home safely",
                 "The storm was fierce, but all the crews on the quay - and there were never "
                 "twelve men who were there for the night shift - got home safely",
                 id="a long passage with its sense flipped"),
    pytest.param("The ferry left the quay at 6:41pm this evening",
                 "The ferry left the quay at 16:41 this evening", id="another time of day"),
    pytest.param("We learned on Sept. 4 what a flood does to the coast",
                 "We learned on October 4 what a flood does to the coast", id="another month"),
    pytest.param("I know that at least ten pirates have been caught off the cape this winter",
                 "I know that at least 12 pirates have been caught off the cape this winter",
                 id="another number in digits"),
    pytest.param("The camera caught twenty-five seconds of what happened on the quay",
                 "The camera caught 20 seconds of what happened on the quay",
                 id="a number of tens and units against its tens alone"),
    pytest.param("And I just wanted to say that the harbour will stay open all winter for the "
                 "boats", "I am sorry. I just want to say that the harbour will stay open all "
                 "winter for the boats", id="another tense, the other running on"),
    pytest.param("We never closed the library", "We ever closed the library",
                 id="a short word with a letter more"),
    pytest.param("The council will read [Mr Dale's] petition and answer it within the month",
                 "The council will read the old petition and answer it within the month",
                 id="a bracket where the other has a content word"),
    pytest.param("The council will read [the] petition and answer it within the month",
                 "The council will not read the petition and answer it within the month",
                 id="a bracket where the other has a negation"),
    pytest.param("We will work with the United Kingdom and our neighbours on the harbour",
                 "We will work with the UN and our neighbours on the harbour",
                 id="another body's initials"),
    pytest.param("I am grateful to Sgt Ann Reed and the crews for keeping us safe",
                 "I am grateful to Capt Ann Reed and the crews for keeping us safe",
                 id="another rank abbreviated"),
])  # fmt: skip
def test_a_word_replaced_or_a_negation_lost_is_another_wording(first, second):
    assert not same_wording(_quote(first), _quote(second, "b"))
    assert not same_wording(_quote(second), _quote(first, "b"))


def test_two_remarks_of_one_speaker_close_in_meaning_but_not_in_words_are_two_remarks():
    """The sentence model finds two remarks on one topic close; one remark reworded keeps much
    of its wording, two remarks share a name or two."""
    hit = _quote("The army will continue to hit the rebels hard and is ready to go further")
    hope = _quote("I hope that the rebels and their friends in the hills got the message", "b")
    believe = _quote("I believe the rebels did not win")
    think = _quote("I don't think the rebels won", "b")
    close = np.array([[1.0, 0.0], [0.8, 0.6]])  # the quoted words: cosine 0.8
    setting = np.ones((2, 1))
    assert differently_worded([hit, hope], close, setting) == []
    assert differently_worded([believe, think], close, setting) == [(believe, think)]


def test_one_remark_abridged_by_one_outlet_is_no_contradiction():
    said = ("Police are searching for the man who left the parcel at the station. \"That person "
            "is dangerous and needs to be found as soon as possible,\" said Inspector Dana "
            "Reyes of the county police.")
    abridged = ("Police are hunting the man who left a parcel at the station. \"That person needs "
                "to be found as soon as possible,\" Inspector Dana Reyes said on Saturday.")
    briefing = build_briefing([Article("a", said, outlet="Coast Herald"),
                               Article("b", abridged, outlet="Valley News")])
    assert not [c for c in briefing.claims if c.kind == "quote" and c.status == "contradicted"]


def test_a_sentence_of_a_disputed_remark_of_several_sentences_says_why_it_is_corroborated():
    """One outlet quotes a two-sentence remark, another rewords its first sentence, a third
    quotes that sentence word for word: the corroborated first sentence says why it stands beside
    the contradiction, though the remark runs on past it."""
    from newsprism.briefing import REWORDED_REMARK, explain_overlaps
    from newsprism.model import Claim, Span

    texts = {"a": "“We did not lose. We will be back next year,” she said.",
             "b": "“I don't think we lost,” she said.",
             "c": "“We did not lose.”"}

    def span(doc: str, words: str) -> Span:
        start = texts[doc].index(words)
        return Span(doc, start, start + len(words), words)

    remark, said = span("a", "We did not lose. We will be back next year,"), span(
        "b", "I don't think we lost,")
    quotes = [Quote(s.doc, s.start, s.end, s.text, "Dana Reyes") for s in (remark, said)]
    first = span("a", "“We did not lose.")
    agreed = Claim("c1", "corroborated", first.text, (first, span("c", texts["c"])), 2)
    disputed = Claim("c2", "contradicted", first.text, (first, span("b", texts["b"])), 2,
                     "quote", "Dana Reyes is quoted as ... and as ...")
    (explained, _) = explain_overlaps([agreed, disputed], quotes)
    assert explained.note == REWORDED_REMARK


def test_a_sentence_given_word_for_word_elsewhere_in_the_article_is_not_reworded_there():
    from newsprism.compare.quotes import gives_elsewhere

    text = ("“He loved to make everyone laugh. He will be missed by all of his classmates,” "
            "Ms Reyes said. “He will be truly missed by his classmates and teachers,” said "
            "the counsellor.")
    other = text.index("He will be truly")
    end = text.index(",” said the")
    missed = ["He loved to make everyone laugh. He will be missed by all of his classmates."]
    assert gives_elsewhere(missed, text, other, end)
    assert not gives_elsewhere(missed, text, 0, len(text))  # only in the passage set against it
    assert not gives_elsewhere(["He will be missed."], text, other, end)  # too short to tell


def test_a_sentence_given_nearly_word_for_word_elsewhere_is_that_articles_rendering():
    """One report quotes the coach's "it's heartbreaking" remark apart from his other remark; the
    other report's wording of it ("this happened", "it's just") is set against the other remark:
    the first article renders the remark elsewhere, closer, so the pair is two remarks (audit4,
    fresh Multi-News)."""
    from newsprism.compare.quotes import gives_elsewhere

    text = ("“They're definitely upset over how could this happen, with so many children,” "
            "Clark said.\n\n“You can play the what ifs. The fact that this situation happened "
            "with so many kids out here, it's heartbreaking.”\n\nClark said more details will "
            "follow.")
    start, end = text.index("They're"), text.index(",” Clark")
    other = ["The fact that this happened with so many kids out here it's just. It's "
             "heartbreaking,"]
    assert gives_elsewhere(other, text, start, end)
    # not where the passage set against it is itself the closest wording, nor a remark that
    # shares only some words ("how could this happen")
    assert not gives_elsewhere(other, text, text.index("You can"), text.index("”\n\nClark"))
    assert not gives_elsewhere(["How could this happen to a boy who loved the game so much?"],
                               text, start, end)


def test_two_remarks_of_a_profile_quoted_in_turn_are_no_remark_quoted_differently():
    """One report quotes the teacher's words; another quotes them too, word for word, and then
    the counsellor's, alike: the counsellor's words are another remark, not the teacher's
    quoted differently (the second audit of fresh clusters)."""
    teacher = ("“He will be missed by all of his classmates and everyone at Lakeside,” "
               "said Dana Reyes, his teacher.")
    both = ("Dana Reyes, his teacher, said he was the kindest boy. “He loved to make everyone "
            "laugh. He will be missed by all of his classmates and everyone at Lakeside.”\n\n"
            "The counsellor said the boy was a ball of energy.\n\n“He also had a great sense of "
            "humour. He'll be truly missed by his classmates, teachers and the Lakeside staff.”")
    briefing = build_briefing([Article("a", teacher, outlet="Coast Herald"),
                               Article("b", both, outlet="Valley News")])
    assert not [c for c in briefing.claims if c.kind == "quote" and c.status == "contradicted"]


def test_a_fragment_and_a_whole_sentence_or_one_word_are_no_remark_quoted_differently():
    """A fresh ECB+ audit (9_ecb): an activist's whole quoted sentences ("For 35 years, the act
    has helped save ...") were set against a fragment another report quotes in its own sentence
    ("the changes target the ``absolute heart of the act''"), and a minister's "a clarification"
    against his "narrow": pieces and single words of what a speaker said render no remark
    differently. Like with like still does: two fragments, two whole sentences."""
    close = np.array([[1.0, 0.0], [0.8, 0.6]])  # the quoted words: cosine 0.8
    setting = np.ones((2, 1))
    whole = _quote("For 35 years, the Endangered Species Act has helped save and recover "
                   "imperiled wildlife on the brink of extinction.")
    piece = _quote("absolute heart of the Endangered Species Act.", "b")
    assert differently_worded([whole, piece], close, setting) == []
    word = Quote("a", 0, 15, "a clarification", "Dana Reyes", kind="phrase")
    other = Quote("b", 0, 6, "narrow", "Dana Reyes", kind="phrase")
    assert differently_worded([word, other], close, setting) == []
    kim = Quote("a", 0, 21, "candid and meaningful", "Dana Reyes", kind="phrase")
    fuller = _quote("frank and substantive exchange of opinions", "b")
    assert differently_worded([kim, fuller], close, setting) == [(kim, fuller)]
    think = _quote("I don't think the rebels won", "b")
    believe = _quote("I believe the rebels did not win")
    assert differently_worded([believe, think], close, setting) == [(believe, think)]


def test_a_remark_quoted_differently_is_shown_where_the_renderings_part():
    """Both reports open the actress's remark alike and word its second sentence differently:
    the proof shown is the sentences that differ, never two identical ones (audit4, ECB+ 4)."""
    from newsprism.compare.quotes import sentence_apart
    from newsprism.model import Sentence

    texts = {"a": "“I never thought it was shameful. It was better than typing all day, which "
                  "gets monotonous,” she said.",
             "b": "“I never thought it was shameful. It's just that it was much better than "
                  "typing all day.”"}
    ends = {doc: text.index("shameful.") + len("shameful.") for doc, text in texts.items()}
    sentences = [s for doc, text in texts.items()
                 for s in (Sentence(doc, 0, 0, ends[doc], text[: ends[doc]]),
                           Sentence(doc, 1, ends[doc] + 1, len(text), text[ends[doc] + 1 :]))]
    closing = {doc: text.index("”") for doc, text in texts.items()}
    quotes = {doc: Quote(doc, 1, closing[doc], text[1 : closing[doc]], "Bettie Page")
              for doc, text in texts.items()}
    apart = sentence_apart(quotes["a"], quotes["b"], sentences)
    assert apart is not None and apart.text.startswith("It was better")
    assert sentence_apart(quotes["b"], quotes["a"], sentences).text.startswith("It's just")
    same = Quote("b", 1, ends["b"], texts["b"][1 : ends["b"]], "Bettie Page")
    assert sentence_apart(same, quotes["a"], sentences) is None  # its words are a's


def test_a_remark_quoted_differently_is_shown_by_the_sentence_that_renders_it():
    """A quotation that goes on to another remark of the speaker's: the proof shown is its
    sentence that renders the other report's words, not its first that differs (8d81e972:
    "If there's anything you can do ..." set against "I am not guilty of killing ...")."""
    from newsprism.compare.quotes import sentence_apart
    from newsprism.model import Sentence

    texts = {"a": "“I really want to tell the court that I did not set the barn on fire,” he "
                  "said.",
             "b": "“If you can move my hearing sooner, I would really be grateful. I did not "
                  "burn down the barn.”"}
    first_end = texts["b"].index("grateful.") + len("grateful.")
    sentences = [Sentence("a", 0, 0, len(texts["a"]), texts["a"]),
                 Sentence("b", 0, 0, first_end, texts["b"][:first_end]),
                 Sentence("b", 1, first_end + 1, len(texts["b"]), texts["b"][first_end + 1 :])]
    closing = {doc: text.index("”") for doc, text in texts.items()}
    quotes = {doc: Quote(doc, 1, closing[doc], text[1 : closing[doc]], "Cole Maddox")
              for doc, text in texts.items()}
    apart = sentence_apart(quotes["b"], quotes["a"], sentences)
    assert apart is not None and apart.text.startswith("I did not burn")


def test_one_sentence_of_a_longer_answer_given_closer_elsewhere_keeps_the_answer_one_remark():
    # the answer's second sentence is the other report's next paragraph, in its own wording;
    # the first ("I believe ..." / "I don't think ...") is still one remark quoted differently
    from newsprism.compare.quotes import gives_elsewhere

    text = ("“I don't think Brian Nichols won,” said Christina Greenway.\n\n“In his own words, it "
            "is not in his DNA to stay in prison.”")
    start, end = text.index("I don't"), text.index(",” said")
    other = ["I believe Brian Nichols did not win. In his own words, he said it's not his DNA to "
             "stay in jail"]
    assert not gives_elsewhere(other, text, start, end)


def test_two_stretches_of_what_a_speaker_said_around_one_phrase_are_no_rewording():
    """A fresh audit (audit5, two papers' interviews of a jogger): "I knew it was going to bite
    me" / "There was nothing I could do, it was going to bite me" share their words word for
    word and each says beside them what the other does not: two stretches of her account, no
    remark quoted differently. A word of the same clause given otherwise is a rendering."""
    close = np.array([[1.0, 0.0], [0.8, 0.6]])  # the quoted words: cosine 0.8
    setting = np.ones((2, 1))
    knew = _quote("I knew it was going to bite me")
    nothing = _quote("There was nothing I could do, it was going to bite me", "b")
    assert cut_apart(knew, nothing)
    assert differently_worded([knew, nothing], close, setting) == []
    unaware = _quote("I did not know it was going to bite me", "b")
    assert not cut_apart(knew, unaware)
    assert differently_worded([knew, unaware], close, setting) == [(knew, unaware)]


def test_two_remarks_sharing_function_words_and_one_noun_are_two_remarks():
    """A fresh audit (audit6, db96c336): the sheriff's "What he should not have done is throw
    the student" and his "... that's what's caused me to be upset ... is that he picked the
    student up and threw the student across the room" were one remark quoted differently: they
    share "what", "he", "is", "the" and "student", half the shorter's words. Counted over its
    content words they share one of three; a remark of function words alone is read whole."""
    should = _quote("What he should not have done is throw the boy,")
    upset = _quote("From the very beginning that's what's caused me to be upset, and what "
                   "continued to upset me is that he picked the boy up and threw the boy across "
                   "the room,", "b")
    more = _quote("If there was any more I could give you, I would,")
    give = _quote("If I could give you more, I would.", "b")
    close = np.array([[1.0, 0.0], [0.8, 0.6]])
    setting = np.ones((2, 1))
    assert differently_worded([should, upset], close, setting) == []
    assert differently_worded([more, give], close, setting) == [(more, give)]


def test_words_in_round_brackets_inside_a_quotation_are_an_editors():
    """contra2 (a fresh multi-site cluster): "The warship immediately altered (its direction)
    towards the suspicious vessels" is the other report's "The warship immediately altered
    towards the suspicious vessels", with the editor's words."""
    assert remark_words("It altered (its direction) towards them") == remark_words(
        "It altered towards them")
    assert same_wording(_quote("The warship immediately altered (its direction) towards the "
                               "suspicious vessels and challenged them."),
                        _quote("The warship immediately altered towards the suspicious vessels "
                               "and challenged them.", "b"))


def test_one_sentence_said_word_for_word_then_two_other_sentences_are_two_stretches():
    """contra2: a spokesman's statement quoted from one sentence on by two reports, each going
    on with another of its sentences that shares a content word ("action") with the other's:
    two stretches of his statement, no remark quoted differently."""
    shared = "The warship immediately altered towards the suspicious vessels and challenged them. "
    one = _quote(shared + "On seeing the resolve evident in the warship's action, the pirate "
                          "skiffs reversed course and tried to flee the area.")
    other = _quote(shared + "While two of them managed to escape, the warship intercepted the "
                            "remaining three and carried out boarding action.", "b")
    assert cut_apart(one, other)
    reworded = _quote(shared + "On seeing the resolve shown in the warship's action, the pirate "
                               "skiffs turned back and tried to flee.", "b")
    assert not cut_apart(one, reworded)


def test_words_another_report_quotes_word_for_word_are_not_rendered_otherwise_there():
    """contra2 (a fresh multi-site cluster): a headline's "genius grant", given to the president,
    was set against his "chief health educator" in a report that quotes "genius grant" itself
    (as the award's name, given to someone else): that report quotes those words, so its other
    quotation renders something else."""
    educator = Quote("a", 0, 21, "chief health educator", "Barack Obama", kind="phrase")
    headline = Quote("b", 0, 12, "genius grant", "Barack Obama", kind="phrase")
    award = Quote("a", 40, 52, "genius grant", "Regina Benjamin", kind="phrase")
    close = np.array([[1.0, 0.0], [0.8, 0.6], [0.8, 0.6]])
    setting = np.ones((3, 1))
    assert differently_worded([educator, headline], close[:2], setting[:2]) == [
        (educator, headline)]
    assert differently_worded([educator, headline, award], close, setting) == []


def test_two_full_quotations_of_one_topic_are_one_remark_reworded_only_when_close():
    """contra2 (a fresh multi-site cluster): a councilman's tweet and his press release share
    their topic's words ("youth", "community", "anger") at a cosine of 0.59: two remarks. One
    remark in two renderings scores 0.75 and more."""
    tweet = _quote("The youth in this community have no outlets for their anger, no community.")
    release = _quote("Tonight, we saw an explosion of anger from the youth in my community.", "b")
    setting = np.ones((2, 1))
    apart = np.array([[1.0, 0.0], [0.6, 0.8]])  # cosine 0.6
    assert differently_worded([tweet, release], apart, setting) == []
    close = np.array([[1.0, 0.0], [0.8, 0.6]])  # cosine 0.8
    # (a rendering keeps the person: the release's "my community" is the speaker's own, audit14)
    rendered = _quote("Tonight, we saw an explosion of anger from the youth in our community.",
                      "b")
    assert differently_worded([tweet, rendered], close, setting) == [(tweet, rendered)]
    assert differently_worded([tweet, release], close, setting) == []


def _quotes_in(doc: str, text: str, *remarks: str) -> list[Quote]:
    return [Quote(doc, text.index(r), text.index(r) + len(r), r, "Dana Reyes") for r in remarks]


def test_a_quote_close_to_two_remarks_one_article_quotes_apart_renders_neither():
    """Two remarks of one speaker on one topic, in two paragraphs of one report, each close to
    a third report's quote: that quote is the speaker on their topic, not a rendering of one."""
    ferry = ("Reyes spoke at the pier. \"If you want the island to live, you keep the ferry "
             "running,\" she said.\n\n\"The only way the island dies is by losing the ferry, "
             "which it nearly has,\" she added.")
    secure, dies = _quotes_in("a", ferry, "If you want the island to live, you keep the ferry "
                              "running", "The only way the island dies is by losing the ferry, "
                              "which it nearly has")
    (other,) = _quotes_in("b", "\"The ferry keeps the island alive,\" Reyes said.",
                          "The ferry keeps the island alive")
    texts = {"a": ferry, "b": "\"The ferry keeps the island alive,\" Reyes said."}
    assert without_torn_quotes([(secure, other), (dies, other)], texts) == []


def test_a_quotation_broken_by_she_said_is_one_remark_a_quote_may_render():
    broken = "\"If you want the island to live,\" she said, \"you keep the ferry running.\""
    live, running = _quotes_in("a", broken, "If you want the island to live",
                               "you keep the ferry running")
    (other,) = _quotes_in("b", "\"Keep the ferry going or the island dies,\" Reyes said.",
                          "Keep the ferry going or the island dies")
    texts = {"a": broken, "b": "\"Keep the ferry going or the island dies,\" Reyes said."}
    pairs = [(live, other), (running, other)]
    assert without_torn_quotes(pairs, texts) == pairs


def test_a_remark_of_the_speakers_own_self_and_one_of_others_are_two_remarks():
    """audit14, fresh Multi-News: a lawyer's "I didn't want to believe it or hear it" (of his
    own past, in a long interview) was set against his "People didn't want to believe it" (of
    others, at a news conference) as one remark quoted differently. A rendering keeps whom the
    remark is about; two renderings both in the first person, or neither, may still be one."""
    close = np.array([[1.0, 0.0], [0.8, 0.6]])  # the quoted words: cosine 0.8
    setting = np.ones((2, 1))
    own = _quote("When my sister told me, I didn't want to believe it or hear it.")
    others = _quote("People didn't want to believe it when they first heard it.", "b")
    assert differently_worded([own, others], close, setting) == []
    mine = _quote("My client never wanted to believe it or to hear it.", "b")
    assert differently_worded([own, mine], close, setting) == [(own, mine)]
    theirs = _quote("Nobody wanted to believe it when they first heard it.")
    assert differently_worded([theirs, others], close, setting) == [(theirs, others)]
    # the same read from the marks of statements where the analysis found no quote
    from newsprism.compare.quotes import marked_parts, one_person, remark_words

    marked = [remark_words(" ".join(marked_parts(text))) for text in (
        "I didn't want to believe it or hear it.”", "“People didn't want to believe it.",
        "“Nobody wanted to believe it or hear it.”")]
    assert not one_person(marked[0], marked[1]) and one_person(marked[1], marked[2])


def test_one_story_told_to_two_outlets_is_two_remarks():
    """A speaker interviewed by two outlets tells one story to each in other words: two
    occasions, two remarks. A copy of one outlet's words that names no outlet was told to that
    outlet; one outlet named in two ways ("the BBC" / "BBC News") is one occasion."""
    radio = "\"I just held my breath and swam for the rope,\" she told WKRN-TV. \"It was cold.\""
    paper = ("Dana Reyes, 41, told The Gazette on Monday how it happened.\n\n\"So I pretty "
             "much just held on and swam to the rope,\" she said.")
    copy = "\"I just held my breath and swam for the rope,\" she said."
    held = "I just held my breath and swam for the rope"
    (on_radio,) = _quotes_in("a", radio, held)
    (in_paper,) = _quotes_in("b", paper, "So I pretty much just held on and swam to the rope")
    (copied,) = _quotes_in("c", copy, held)
    texts = {"a": radio, "b": paper, "c": copy}
    assert told_to(on_radio, radio) == {"wkrn"}
    assert told_to(in_paper, paper) == {"gazette"}  # named in the paragraph before, with her
    assert told_to(copied, copy) == frozenset()
    # The speaker not resolved: the outlet named in the paragraph right before, none further up.
    assert told_to(replace(in_paper, speaker=None), paper) == {"gazette"}
    further = paper.replace("\n\n", "\n\nIt was cold.\n\n")
    (far,) = _quotes_in("b", further, "So I pretty much just held on and swam to the rope")
    assert told_to(replace(far, speaker=None), further) == frozenset()
    assert told_to(far, further) == {"gazette"}  # her name is in that sentence
    quotes = [on_radio, in_paper, copied]
    assert without_other_interviews([(on_radio, in_paper), (copied, in_paper)], quotes,
                                    texts) == []
    bbc = paper.replace("The Gazette", "BBC News")
    (to_bbc,) = _quotes_in("b", bbc, "So I pretty much just held on and swam to the rope")
    by_bbc = radio.replace("WKRN-TV", "the BBC")
    (also_bbc,) = _quotes_in("a", by_bbc, held)
    assert told_to(also_bbc, by_bbc) == told_to(to_bbc, bbc) == {"bbc"}
    pairs = [(also_bbc, to_bbc)]
    assert without_other_interviews(pairs, [also_bbc, to_bbc], {"a": by_bbc, "b": bbc}) == pairs
    # A piece of the radio words that leaves a phrase out is no copy: the paper's stays apart.
    short = "\"I pretty much swam to the rope,\" she told WKRN-TV."
    (piece,) = _quotes_in("d", short, "I pretty much swam to the rope")
    assert same_wording(piece, in_paper)
    assert without_other_interviews([(on_radio, in_paper)], [on_radio, in_paper, piece],
                                    {**texts, "d": short}) == []
    (unnamed,) = _quotes_in("b", copy, "swam for the rope")  # no outlet on one side: kept
    assert without_other_interviews([(on_radio, unnamed)], [on_radio, unnamed],
                                    {"a": radio, "b": copy}) == [(on_radio, unnamed)]


def test_one_remark_in_several_versions_is_one_claim_listing_them():
    """contra8 (a fresh FNC-1 cluster): one analyst's remark, "if they opened a restaurant" in
    one paper and "if they opted to open a restaurant" in four, made a claim of each pair of
    versions; one claim holds them all, the pair whose renderings part first. A pair of quotes
    of another remark stays a claim of its own."""
    from newsprism.compare import _one_remark_each, _versions_claim
    from newsprism.model import Span

    said = "It would not surprise me if they opened a cafe on the quay"
    opted = "It would not surprise me if they opted to open a cafe on the quay"
    texts = {"a": said, "b": opted, "c": opted, "d": "We sail at dawn", "e": "We leave at dawn"}
    articles = {doc: Article(doc, text, outlet=f"Paper {doc.upper()}")
                for doc, text in texts.items()}
    quote = {doc: Quote(doc, 0, len(text), text, "Dana Reyes") for doc, text in texts.items()}
    span = {doc: Span(doc, 0, len(text), text) for doc, text in texts.items()}
    found = [(quote["a"], quote["b"], (span["a"], span["b"])),
             (quote["d"], quote["e"], (span["d"], span["e"])),
             (quote["a"], quote["c"], (span["a"], span["c"]))]
    remarks = _one_remark_each([((a.doc, a.start), (b.doc, b.start)) for a, b, _ in found])
    assert remarks == [[0, 2], [1]]
    sources = {doc: doc for doc in texts}
    claim = _versions_claim([found[0], found[2]], articles, sources)
    assert claim.status == "contradicted" and claim.text == said
    assert [s.doc for s in claim.support] == ["a", "b", "c"] and claim.sources == 3
    assert claim.note == (f"Dana Reyes is quoted in 2 versions: “{said}” by Paper A; “{opted}” "
                          "by Paper B, Paper C.")
    single = _versions_claim([found[1]], articles, sources)
    assert single.note == ("Dana Reyes is quoted as “We sail at dawn” by Paper D and as “We leave "
                           "at dawn” by Paper E.")
    # statements quoting one remark, read from their marks: the pair bridging two groups joins them
    assert _one_remark_each([("a", "b"), ("c", "d"), ("b", "c"), ("e", "f")]) == [[0, 1, 2], [3]]
