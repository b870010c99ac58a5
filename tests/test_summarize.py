"""The summarizer on small clusters written here: budget, verbatim spans, redundancy,
corroboration, what is never extracted, and bad input."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.analyse.sentences import split_sentences
from newsprism.errors import InputError
from newsprism.model import Article, Sentence
from newsprism.summarize import Summarizer, summarize
from newsprism.summarize.compress import trim_sentence
from newsprism.summarize.concepts import sentence_bigrams, weigh_concepts
from newsprism.summarize.features import MIN_WORDS, Candidate, find_headlines, make_candidates
from newsprism.summarize.summarizer import TIGHT_BUDGET, lead_prior
from newsprism.summarize.words import count_words

STRIKE = [
    Article("a", (
        "Dockers walk out\n\n"
        "By Jane Reporter\n\n"
        "LONDON (Reuters) _ Dock workers at twelve British ports began a 48-hour strike on Monday "
        "over pay and working hours, halting most container traffic.\n\n"
        "The strike at the twelve ports is the first national dock strike in thirty years, "
        "the union said.\n\n"
        "Shipping companies diverted dozens of vessels to ports in Rotterdam and Antwerp.\n\n"
        "Photo: pickets at Felixstowe\n\n"
        "Pickets are seen at the gates of the port of Felixstowe on Monday morning.\n\n"
        "Dock workers picket the gates of Felixstowe as the strike begins on Monday. "
        "(AP Photo/John Smith)\n\n"
        "He said talks would resume.\n\n"
        "The government urged both sides to return to talks with the conciliation service Acas."
    )),
    Article("b", (
        "Port strike halts container traffic\n\n"
        "Dock workers at twelve British ports began a 48-hour strike on Monday over pay and "
        "working hours.\n\n"
        "Employers said they had offered a pay rise of 6 percent, which the union rejected as "
        "far below inflation.\n\n"
        "However, Felixstowe, the busiest container port in Britain, was almost empty by noon.\n\n"
        "Retailers warned that supermarket shelves could run short of fresh fruit within a week."
    )),
    Article("c", (
        "Workers at twelve British ports began a 48-hour strike on Monday over pay and hours, "
        "halting container traffic.\n\n"
        "Employers said they had offered a pay rise of 6 percent to the dock workers.\n\n"
        "The union said the offer was far below inflation and that more strikes would follow "
        "in the summer.\n\n"
        "Exporters of whisky and cars said the strike would cost them millions of pounds a day.\n\n"
        "Reuters reporter Tom Jones in Glasgow contributed to this report."
    )),
]
TEXT = {a.id: a.text for a in STRIKE}


@pytest.fixture(scope="module")
def documents() -> list[tuple[Sentence, ...]]:
    return split_sentences(STRIKE)


def words_of(spans) -> int:  # type: ignore[no-untyped-def]
    return sum(count_words(s.text) for s in spans)


@pytest.mark.parametrize("budget", [9, 12, 25, 40, 60, 100, 250])
def test_budget_is_obeyed_exactly(documents, budget) -> None:  # type: ignore[no-untyped-def]
    spans = summarize(documents, words=budget)
    assert words_of(spans) <= budget
    if budget >= 40:
        assert words_of(spans) >= budget // 2  # the budget is used, not left empty


def test_every_extract_is_a_verbatim_slice_of_one_sentence(documents) -> None:  # type: ignore[no-untyped-def]
    sentences = [s for doc in documents for s in doc]
    for budget in (20, 60, 250):
        for span in summarize(documents, words=budget):
            assert span.text == TEXT[span.doc][span.start : span.end]
            assert any(s.doc == span.doc and s.start <= span.start and span.end <= s.end
                       for s in sentences)


def test_no_two_extracts_say_the_same_thing(documents) -> None:  # type: ignore[no-untyped-def]
    texts = [s.text for s in summarize(documents, words=250)]
    assert sum("began a 48-hour strike" in t for t in texts) == 1
    assert sum("pay rise of 6 percent" in t for t in texts) == 1


def test_headlines_bylines_captions_and_dangling_sentences_are_never_extracted(
    documents,  # type: ignore[no-untyped-def]
) -> None:
    sentences = [s for doc in documents for s in doc]
    texts = " ".join(c.text for c in make_candidates(sentences))
    assert "Exporters of whisky" in texts
    for never in ("Dockers walk out", "By Jane Reporter", "Photo:", "Port strike halts",
                  "He said talks", "Pickets are seen", "Dock workers picket the gates",
                  "contributed to this report"):
        assert never not in texts


@pytest.mark.parametrize(("text", "kept"), [
    ("WASHINGTON (AP) _ The Senate passed the budget bill by a wide margin on Friday.",
     "The Senate passed the budget bill by a wide margin on Friday."),
    ("HARBOR TOWN (AP) _ ``We will not sit in that chamber,'' the opposition leader said.",
     "``We will not sit in that chamber,'' the opposition leader said."),
    ("Tuesday, January 18, 2005Through a telethon, Romanians raised 395,000 euro for victims.",
     "Through a telethon, Romanians raised 395,000 euro for victims."),
    ("The strike at the twelve ports is the first national dock strike in thirty years, "
     "the union said.",
     "The strike at the twelve ports is the first national dock strike in thirty years"),
    ("Dozens of homes were destroyed in the fire, according to local police.",
     "Dozens of homes were destroyed in the fire"),
    ("However, Felixstowe, the busiest container port in Britain, was almost empty by noon.",
     "Felixstowe, the busiest container port in Britain, was almost empty by noon."),
    ("However, the port was almost empty by noon on the first day of the strike.",
     "However, the port was almost empty by noon on the first day of the strike."),
    ("The offer was rejected, he said.", "The offer was rejected, he said."),
    ("Sales fell by a third in the first quarter, a drop never before reported.",
     "Sales fell by a third in the first quarter, a drop never before reported."),
])
def test_dateline_leading_connective_and_trailing_attribution_are_trimmed(text, kept) -> None:  # type: ignore[no-untyped-def]
    article = "Headline\n\n" + text
    sentence = Sentence("t", 1, 10, len(article), text)
    start, end = trim_sentence(sentence)
    assert article[start:end] == kept


def test_summary_never_shows_a_dateline(documents) -> None:  # type: ignore[no-untyped-def]
    assert all("(Reuters)" not in s.text for s in summarize(documents, words=250))


def test_clauses_are_trimmed_only_when_asked_but_datelines_always(documents) -> None:  # type: ignore[no-untyped-def]
    sentences = [s for doc in documents for s in doc]
    trimmed = {c.text for c in make_candidates(sentences, trim=True)}
    whole = {c.text for c in make_candidates(sentences, trim=False)}
    union = "The strike at the twelve ports is the first national dock strike in thirty years"
    assert union in trimmed and union not in whole and union + ", the union said." in whole
    assert any(t.startswith("Dock workers at twelve British ports began") for t in whole)
    assert not any("(Reuters)" in t for t in trimmed | whole)


def test_a_loose_budget_keeps_whole_sentences(documents) -> None:  # type: ignore[no-untyped-def]
    ends = {(s.doc, s.end) for doc in documents for s in doc}
    spans = summarize(documents, words=TIGHT_BUDGET + 1)
    assert spans and all((span.doc, span.end) in ends for span in spans)


@pytest.mark.parametrize("text", [
    "In testimony at a military hearing yesterday, the former warden of the prison, Maj.",
    "In January 2005, a United States Army court martial proceeding found Army Spc.",
])
def test_a_sentence_split_after_a_title_is_a_fragment(text: str) -> None:
    assert make_candidates([Sentence("m", 0, 0, len(text), text)]) == []


def test_a_pictures_caption_label_marks_page_furniture_not_a_summary_item() -> None:
    """A BBC page flattened to text gives "Image copyright PA Image caption ..." lines, which
    end as sentences do."""
    caption = ("Image copyright PA Image caption The prime minister arrived at the summit in "
               "Brussels on Thursday morning.")
    body = "The prime minister arrived at the summit in Brussels on Thursday morning."
    assert make_candidates([Sentence("c", 0, 0, len(caption), caption)]) == []
    assert [c.text for c in make_candidates([Sentence("b", 0, 0, len(body), body)])] == [body]


def test_a_wire_photos_caption_is_no_summary_item() -> None:
    """An AP caption flattened into the text ends on the day the picture was taken, weekday and
    year included, perhaps before its credit; a sentence naming a day briefly is running text."""
    captions = [
        "Civilians cheer as mutinous soldiers drive past in Bamako, Mali Wednesday March 21, 2012.",
        "Riot police pull out as protesters rush to the roundabout in Manama, Bahrain, Saturday, "
        "Feb. 19, 2011. (AP Photo/Hasan Jamali)",
    ]
    body = "Soldiers stormed the palace in Bamako on Wednesday, March 21, 2012, witnesses said."
    for caption in captions:
        assert make_candidates([Sentence("c", 0, 0, len(caption), caption)]) == []
    sentence = Sentence("b", 0, 0, len(body), body)
    assert [c.text for c in make_candidates([sentence], trim=False)] == [body]


def test_a_lower_cased_feeds_sentences_are_extracted_as_a_cased_texts_are() -> None:
    """A feed that lower-cases everything starts every sentence in lower case: there that marks
    no fragment; in a cased text it does, and a pronoun opening leans on the sentence before in
    both."""
    lead = "the u.s. and pakistan agreed monday to work together against high value targets."
    dangling = "he said the raid on the compound in abbottabad had been kept secret from everyone."
    text = f"{lead} {dangling}"
    lower = [Sentence("l", 0, 0, len(lead), lead),
             Sentence("l", 1, len(lead) + 1, len(text), dangling)]
    assert [c.text for c in make_candidates(lower, trim=False)] == [lead]
    cased = "Pakistan agreed to work with the U.S. and then " + lead
    fragment = cased[cased.index("the u.s."):]
    mixed = [Sentence("m", 0, 0, len(cased), cased),
             Sentence("m", 1, len(cased) + 1, len(cased) + 1 + len(fragment), fragment)]
    assert [c.text for c in make_candidates(mixed, trim=False)] == [cased]


def test_a_trim_that_leaves_a_fragment_is_not_offered() -> None:
    text = "Police arrested the two men late last night, officials said."
    sentence = Sentence("f", 0, 0, len(text), text)
    start, end = trim_sentence(sentence)
    assert count_words(text[start:end]) < MIN_WORDS  # the trim exists but is too short to stand
    assert [c.text for c in make_candidates([sentence])] == [text]


def test_headline_bigrams_count_though_one_article_uses_them(documents) -> None:  # type: ignore[no-untyped-def]
    sentences = [s for doc in documents for s in doc]
    headlines = find_headlines(sentences)
    assert {sentences[i].text for i in headlines} == {"Dockers walk out",
                                                      "Port strike halts container traffic"}
    bigrams = [sentence_bigrams(s.text) for s in sentences]
    assert ("docker", "walk") not in weigh_concepts(sentences, bigrams, 1.0)
    assert ("docker", "walk") in weigh_concepts(sentences, bigrams, 1.0, headlines)


def test_quoted_speech_keeps_its_attribution() -> None:
    text = '"We will not back down," the union leader said.'
    sentence = Sentence("q", 3, 10, 10 + len(text), text)
    assert trim_sentence(sentence) == (10, 10 + len(text))


def test_corroborated_fact_is_preferred_and_shown_first(documents) -> None:  # type: ignore[no-untyped-def]
    exporters = next(s for doc in documents for s in doc if s.text.startswith("Exporters"))
    plain = summarize(documents, words=25)
    assert all("Exporters" not in s.text for s in plain)
    told_by_three = {(exporters.doc, exporters.index): 3.0}
    spans = summarize(documents, words=25, weights=told_by_three)
    assert spans[0].text.startswith("Exporters of whisky")


def test_lead_prior_counts_words_so_a_lead_split_in_two_earns_no_more() -> None:
    def candidate(words: int, rank: int) -> Candidate:
        return Candidate(0, 0, 1, "x", words, rank)

    assert lead_prior([candidate(12, 0), candidate(12, 0)]) == pytest.approx([1.0, 1.0])
    long_lead, short_lead, short_second = lead_prior(
        [candidate(24, 0), candidate(12, 0), candidate(12, 1)])
    assert long_lead == pytest.approx(short_lead + short_lead)
    assert short_second == pytest.approx(short_lead / 2)


def test_embeddings_mark_paraphrases_as_redundant(documents) -> None:  # type: ignore[no-untyped-def]
    sentences = [s for doc in documents for s in doc]
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(len(sentences), 384))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    offer = next(i for i, s in enumerate(sentences) if s.text.startswith("Employers said"))
    far = next(i for i, s in enumerate(sentences) if s.text.startswith("The union said the"))
    vectors[far] = vectors[offer]  # the encoder says these two mean the same
    texts = [s.text for s in summarize(documents, words=250, embeddings=vectors)]
    assert not (sentences[offer].text in texts and sentences[far].text in texts)


def test_empty_cluster_or_documents_raise_a_clear_error() -> None:
    for empty in ([], [(), ()]):
        with pytest.raises(InputError, match="no sentences"):
            summarize(empty)


def test_misaligned_embeddings_and_zero_budget_are_refused(documents) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="one row per sentence"):
        summarize(documents, embeddings=np.zeros((2, 384)))
    with pytest.raises(ValueError, match="at least 1 word"):
        Summarizer(words=0).run(documents)


def test_cluster_of_only_headlines_gives_no_extracts() -> None:
    headlines = [(Sentence("h", 0, 0, 16, "Dockers walk out"),)]
    assert summarize(headlines) == []
