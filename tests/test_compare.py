"""Compare: what the sources corroborate (counting independent sources), where they differ
(figures, quote wording, verdicts), and what only one of them says."""

from __future__ import annotations

from conftest import HARBOUR
from newsprism.compare import source_keys
from newsprism.model import Article, Span
from newsprism.pipeline import build_briefing


def _claims(briefing, kind=None, status=None):
    return [c for c in briefing.claims
            if (kind is None or c.kind == kind) and (status is None or c.status == status)]


def _docs(claim):
    return {span.doc for span in claim.support}


def test_a_fact_told_by_several_outlets_is_corroborated_by_each(harbour):
    cost = [c for c in _claims(harbour, "statement", "corroborated") if "$12 million" in c.text]
    assert len(cost) == 1
    assert cost[0].sources == len(_docs(cost[0])) >= 2
    assert all("$12 million" in span.text for span in cost[0].support)


def test_figures_of_different_counted_things_are_no_contradiction(harbour):
    # "Some 3,500 port workers ... stopped work", "About 4,000 dockworkers walked off",
    # "About 4,000 members ... stayed off the job": neither what is counted nor the verb is
    # the same, and some 3,500 (±10%) meets about 4,000 (±10%). tests/test_figures.py pins
    # the contradictions between figures of one quantity.
    assert _claims(harbour, "figure", "contradicted") == []


def test_one_remark_quoted_in_two_wordings_is_flagged(harbour):
    (claim,) = _claims(harbour, "quote", "contradicted")
    assert "Maria Okafor is quoted as" in claim.note
    assert "patience has not paid the rent" in claim.note
    assert "waiting did not pay anybody's rent" in claim.note
    assert "a last resort" not in claim.note  # another remark of hers, not a rewording


def test_kims_remark_in_two_wordings_is_flagged(vladivostok):
    notes = [c.note for c in _claims(vladivostok, "quote", "contradicted")]
    assert any("“candid and meaningful”" in n and "“frank and substantive exchange of opinions”"
               in n for n in notes)


def test_opposite_verdicts_on_the_summit_are_a_contradiction(vladivostok):
    (claim,) = _claims(vladivostok, "verdict")
    texts = [span.text for span in claim.support]
    assert texts[0] == (
        "Therefore, it is premature to dismiss the Russian–North Korean summit so quickly."
    )
    assert texts[1].startswith("The summit, long on symbolism and short on substance")
    assert claim.note.startswith("Opposite verdicts.")


def test_notes_quote_only_what_the_spans_say(harbour, vladivostok):
    for briefing in (harbour, vladivostok):
        texts = {d.id: d.text for d in briefing.documents}
        for claim in _claims(briefing, status="contradicted"):
            for span in claim.support:
                assert texts[span.doc][span.start : span.end] == span.text


def test_single_source_claims_name_one_article(harbour):
    only = _claims(harbour, "statement", "single_source")
    assert any("entirely avoidable" in c.text for c in only)
    assert all(c.sources == 1 and len(_docs(c)) == 1 for c in only)


def test_one_article_gives_a_briefing_with_everything_single_source():
    from newsprism.ingest import read_articles

    articles = read_articles([HARBOUR / "gazette.txt"]).articles
    briefing = build_briefing(articles)
    assert briefing.summary
    assert {c.status for c in briefing.claims} == {"single_source"}


def test_copies_and_one_outlets_articles_count_as_one_source():
    text = (
        "The central bank raised its main interest rate by half a percentage point to 4.5 "
        "percent on Thursday, its third increase this year, saying inflation remained too high "
        "and that further rises could follow if prices kept climbing. The decision was taken "
        "by a vote of seven to two, with two members of the board preferring to wait for more "
        "evidence that the economy could bear higher borrowing costs."
    )
    articles = [
        Article("wire", text, outlet="Wire Agency"),
        Article("reprint", "Reporting by Wire Agency. " + text + " Subscribe for more.",
                outlet="Daily Reprint"),
        Article("own-1", "Inflation is falling, the finance minister said on Friday.",
                outlet="Evening Post"),
        Article("own-2", "Fishermen protested new quotas in the harbour on Friday morning.",
                outlet="Evening Post"),
    ]
    keys = source_keys(articles)
    assert keys["reprint"] == keys["wire"]
    assert keys["own-2"] == keys["own-1"]
    assert len(set(keys.values())) == 2


def test_summary_puts_corroborated_facts_first_and_never_repeats_a_claim(harbour):
    by_id = {c.id: c for c in harbour.claims}
    statuses = [by_id[item.claim].status if item.claim else "single_source"
                for item in harbour.summary]
    corroborated = [s == "corroborated" for s in statuses]
    assert corroborated[0] and corroborated == sorted(corroborated, reverse=True)
    claims = [item.claim for item in harbour.summary if item.claim]
    assert len(claims) == len(set(claims))
    assert 5 <= len(harbour.summary) <= 10


def test_summary_items_link_to_every_source_that_says_them(harbour):
    texts = {d.id: d.text for d in harbour.documents}
    for item in harbour.summary:
        assert item.support[0].text == item.text
        for span in item.support:
            assert texts[span.doc][span.start : span.end] == span.text
    cost = next(i for i in harbour.summary if "$12 million" in i.text)
    claim = next(c for c in harbour.claims if c.id == cost.claim)
    assert {s.doc for s in cost.support} == _docs(claim)


def test_topic_words_and_names_never_corroborate_on_the_reference_case(vladivostok):
    """Precision first: the analysis and the editorial share Kim, Putin and the United States
    in many sentences; none of those pairs is one fact unless the judge says so."""
    for claim in _claims(vladivostok, "statement", "corroborated"):
        texts = " ".join(span.text for span in claim.support)
        assert not ("intercede" in texts and "blamed the United States" in texts), claim


def test_two_remarks_of_one_speaker_are_two_facts(harbour):
    rent = [c for c in _claims(harbour, "statement") if "pay anybody's rent" in c.text]
    assert len(rent) == 1
    assert "coastal-times" not in _docs(rent[0])  # Coastal Times quoted "a last resort"


def test_one_remark_quoted_in_other_words_does_not_corroborate(harbour):
    """The Gazette words Okafor's remark otherwise: the quote claim reports the difference, and
    the two sentences do not corroborate each other."""
    rent = [c for c in _claims(harbour, "statement") if "pay anybody's rent" in c.text]
    assert rent[0].status == "single_source"
    assert any("patience has not paid the rent" in c.note for c in _claims(harbour, "quote"))


def test_alignment_asks_the_relation_model_about_each_best_match():
    import numpy as np

    from newsprism.compare.align import group_statements, score_pairs
    from newsprism.embed import load_encoder
    from newsprism.model import Span

    texts = [("a", "Several shipping lines have begun diverting cargo to Norwick."),
             ("a", "Heavy rain fell on the city on Monday."),
             ("b", "Shipping lines began diverting vessels to Norwick on Tuesday."),
             ("b", "The mayor opened a new public library.")]
    statements = [Span(doc, 0, len(text), text) for doc, text in texts]
    embeddings = load_encoder().encode([s.text for s in statements])
    n = len(statements)
    evidence = score_pairs(statements, embeddings, np.zeros((n, n), np.float32),
                           np.zeros((n, n), bool))
    assert evidence.same_fact[0, 2] == evidence.same_fact[2, 0] >= evidence.threshold
    assert evidence.same_fact[0, 1] == 0.0  # one article: never a candidate
    assert evidence.linked(0, 2, mutual=False)  # the model's yes links wherever the pair stands
    assert not evidence.linked(1, 3, mutual=False)
    assert [0, 2] in group_statements(statements, evidence)


def test_a_lead_holding_two_facts_corroborates_each_of_them():
    """A lead sums up two facts another outlet tells in sentences of their own: it supports both
    claims, as its own text, and no claim holds one article twice."""
    lead = "A gunman killed two people and wounded seven shoppers at the Larkin mall on Tuesday."
    articles = [
        Article("a", lead + " The mall will stay closed until Friday, its owners said.",
                outlet="Harbour Gazette"),
        Article("b", "A gunman killed two people at the Larkin mall on Tuesday. Police said seven "
                "shoppers were wounded in the shooting at the Larkin mall. The mayor visited "
                "the injured in hospital on Wednesday.", outlet="Coastal Times"),
    ]
    briefing = build_briefing(articles)
    holding = [c for c in _claims(briefing, "statement", "corroborated")
               if any(s.text == lead for s in c.support)]
    assert len(holding) == 2
    assert any("killed two" in s.text for c in holding for s in c.support)
    assert any("seven shoppers were wounded" in s.text for c in holding for s in c.support)
    texts = {a.id: a.text for a in articles}
    for claim in briefing.claims:
        assert all(s.text == texts[s.doc][s.start:s.end] for s in claim.support)
        assert len(_docs(claim)) == len(claim.support)


def test_one_fact_stated_and_denied_by_two_sources_is_a_contradiction():
    opening = "Port workers in Calder have been on strike since Monday over pay. "
    articles = [
        Article("a", opening + "The union accepted the port authority's offer on Thursday.",
                outlet="Harbour Gazette"),
        Article("b", "The strike at the port of Calder entered its fourth day. "
                "The union rejected the port authority's offer on Thursday.",
                outlet="Coastal Times"),
    ]
    briefing = build_briefing(articles)
    (claim,) = _claims(briefing, "statement", "contradicted")
    assert _docs(claim) == {"a", "b"}
    assert claim.note.startswith("Opposite statements. Harbour Gazette: “The union accepted")
    assert "Coastal Times: “The union rejected" in claim.note
    assert not [c for c in _claims(briefing, "statement", "corroborated") if "offer" in c.text]


def test_a_remark_quoted_with_one_word_changed_is_two_wordings_not_a_corroboration():
    articles = [
        Article("a", "The club fired its coach on Saturday. \"I felt we were not progressing the "
                "way we wanted to progress,\" general manager Ed Stanton said.", outlet="Post"),
        Article("b", "The coach was dismissed on Saturday. \"I felt we were not progressing the "
                "way we had wanted to progress,\" general manager Ed Stanton said.",
                outlet="Ledger"),
    ]
    briefing = build_briefing(articles)
    remark = [c for c in briefing.claims if any("progressing" in s.text for s in c.support)]
    assert "corroborated" not in {c.status for c in remark if c.kind == "statement"}
    assert any(c.kind == "quote" and c.status == "contradicted" for c in remark)


def test_two_remarks_of_one_speaker_reprinted_side_by_side_are_not_one_remark_reworded():
    """Both articles quote both remarks word for word, in the same setting: neither article
    rewords the other's remark, however alike the sentences around them."""
    import numpy as np

    from newsprism.compare.quotes import differently_worded
    from newsprism.model import Quote

    cuffed, grief = "They cuffed him and took him away", "He was giving them a bit of grief"
    quotes = [Quote(doc, 0, len(text), text, "Luke Pigeon")
              for doc in ("a", "b") for text in (cuffed, grief)]
    words = np.array([[1.0, 0.0], [0.3, 0.954], [1.0, 0.0], [0.3, 0.954]])  # the remarks: 0.3
    setting = np.ones((4, 1))  # one passage, reprinted
    assert differently_worded(quotes, words, setting) == []
    reworded = [quotes[0], Quote("b", 0, 29, "They cuffed him, took him off", "Luke Pigeon")]
    assert differently_worded(reworded, words[[0, 2]], setting[:2]) == [tuple(reworded)]


def test_two_full_remarks_of_one_speaker_in_one_setting_are_two_remarks():
    """Only short phrases ("candid and meaningful") count as one remark on a loose match of their
    words in close sentences; two full sentences need their words close."""
    import numpy as np

    from newsprism.compare.quotes import differently_worded
    from newsprism.model import Quote

    def quotes(first: str, second: str, kind: str = "quote") -> list[Quote]:
        return [Quote("a", 0, len(first), first, "Ray Sheahan", kind=kind),
                Quote("b", 0, len(second), second, "Ray Sheahan")]

    words = np.array([[1.0, 0.0], [0.36, 0.933]])  # the quoted words: cosine 0.36
    setting = np.ones((2, 1))  # in sentences alike
    full = quotes("We have numerous witnesses to this shooting on the strip",
                  "We have a lot of pieces to put together to establish a timeline")
    assert differently_worded(full, words, setting) == []
    brief = quotes("We have witnesses", "We have a lot of pieces to put together")
    assert differently_worded(brief, words, setting) == []  # a short sentence is no phrase
    short = quotes("candid and meaningful", "frank and substantive exchange of opinions",
                   kind="phrase")
    assert differently_worded(short, words, setting) == [tuple(short)]


def test_a_long_remark_copied_with_one_word_left_out_is_the_same_wording():
    from newsprism.compare.quotes import same_wording
    from newsprism.model import Quote

    def quote(text: str) -> Quote:
        return Quote("a", 0, len(text), text, "Tim Fanning")

    copied = ("The shock was tremendous, but all the other people in the business - and there "
              "were another dozen other people who were there for a party - managed to get out")
    slipped = copied.replace("there were another", "there another")
    assert same_wording(quote(copied), quote(slipped))
    aid = "He was pretty shook up. He tried to provide first aid for her, and tried to comfort her"
    assert same_wording(quote(aid), quote(aid.replace("for her, and", "for and")))
    assert not same_wording(quote(copied), quote(copied.replace("were another", "were not")))
    assert not same_wording(quote("the best prisoner they ever had here"),
                            quote("the best prisoner they have ever had here"))


def test_an_outcome_supposed_under_a_modal_is_no_verdict():
    from newsprism.compare.verdicts import verdict_polarity

    assert verdict_polarity("The summit was a failure.") < 0
    assert verdict_polarity("The talks would amount to nothing more than a photo-op.") == 0
    assert verdict_polarity("A deal could be achieved with a simple majority.") == 0


def test_an_outcome_under_a_condition_or_sought_as_an_aim_is_no_verdict():
    """Two false "opposite verdicts" of a Bali climate-talks cluster: "if no agreement is
    reached now" (a condition) against "working toward a successful outcome" (an aim)."""
    from newsprism.compare.verdicts import verdict_polarity

    assert verdict_polarity("If no agreement is reached now, the meeting is not needed.") == 0
    assert verdict_polarity("We are committed to working toward a successful outcome.") == 0
    assert verdict_polarity("Delegates hope for progress at the talks this week.") == 0
    assert verdict_polarity("The conference was a success, delegates said.") > 0
    assert verdict_polarity("The talks made no progress on Friday.") < 0
    # a moment of the event, not its outcome: the talks went on
    assert verdict_polarity("No progress was made when the meeting was reopened an hour "
                            "later.") == 0
    assert verdict_polarity("The talks have made no progress so far.") == 0
    assert verdict_polarity("His goal of a roadmap for the talks is not yet achieved.") == 0
    # some groups' view, reported: half a judgement, as "some observers" was
    assert verdict_polarity("Some non governmental organizations were happy that an agreement "
                            "was achieved.") == 0.5


def test_a_judgement_word_closing_a_hyphenated_compound_describes_and_is_no_verdict():
    """A fresh FNC-1 audit: "agreed to restart long-stalled peace talks" was read as a verdict
    that the talks failed and set against "a notable absence from the meeting"."""
    from newsprism.compare.verdicts import verdict_polarity

    assert verdict_polarity("The envoys agreed to restart long-stalled peace talks.") == 0
    assert verdict_polarity("Divers searched the seabed for the all-important recorders at "
                            "the summit site.") == 0
    assert verdict_polarity("The peace talks stalled on Friday.") < 0
    assert verdict_polarity("The summit was an important step.") > 0


def test_a_contracted_negation_turns_a_verdict_as_not_does():
    from newsprism.compare.verdicts import verdict_polarity

    assert verdict_polarity("The summit was a success.") > 0
    assert verdict_polarity("The summit wasn't a success.") < 0
    assert verdict_polarity("The summit was not a success.") < 0
    assert verdict_polarity("The talks weren’t a failure.") > 0


def test_a_verdict_the_statement_gives_its_holder_is_no_source_verdict():
    """A fresh ECB+ audit (11_ecb): "an election hailed by the government ... but dismissed by
    critics as a sham" was set against "The authorities say the vote is an important democratic
    step" as opposite verdicts, though both sources report the government praising the vote.
    A judgement said by someone the statement names, or passed by an agent, is that holder's
    view: half a judgement, so one such statement is no source's verdict."""
    from newsprism.compare.verdicts import find_verdicts, opposing_verdicts, verdict_polarity
    from newsprism.model import Span

    assert verdict_polarity("The authorities say the vote is an important step.") == 0.5
    assert verdict_polarity("The election was dismissed by critics as a sham, a failure.") == -1.0
    assert verdict_polarity("The election was a failure.") == -1.0
    texts = {"a": "Voters cast ballots in an election hailed by the government as an exercise "
                  "in democracy but dismissed by critics as a sham.",
             "b": "The authorities say the vote is an important democratic step."}
    spans = [Span(doc, 0, len(text), text) for doc, text in texts.items()]
    articles = [Article(doc, text, "The election") for doc, text in texts.items()]
    assert opposing_verdicts(find_verdicts(spans, articles), {"a": "a", "b": "b"}) == []
    # the sources' own verdicts still oppose
    texts = {"a": "The election was a failure.", "b": "The vote was an important success."}
    spans = [Span(doc, 0, len(text), text) for doc, text in texts.items()]
    articles = [Article(doc, text, "The election") for doc, text in texts.items()]
    assert len(opposing_verdicts(find_verdicts(spans, articles), {"a": "a", "b": "b"})) == 1


def test_a_list_item_repeated_inside_a_longer_sentence_is_still_a_list_item():
    """7cfbf30e: one report's first "His bond was set at $200,000." hangs on its list item after
    a comma, so the article gives the statement once as a statement and once inside another;
    its copy in the other report is still no corroboration. A short statement ("He was
    arrested.") recurs inside many sentences and is left alone."""
    from newsprism.compare import list_items

    a = ("Kenny Caulder is charged with six counts of felony, conspiracy, His bond was set at "
         "$200,000. Austin Hunt is charged with five counts. His bond was set at $200,000. "
         "He was arrested. Police said he was arrested.")
    b = "Austin Hunt was charged with five counts of arson. His bond was set at $200,000."
    spans = [Span("a", a.index("His bond", 90), a.index("$200,000. He") + 9, ""),
             Span("a", a.index("He was"), a.index("He was") + 15, ""),
             Span("b", b.index("His bond"), len(b), "")]
    spans = [Span(s.doc, s.start, s.end, {"a": a, "b": b}[s.doc][s.start : s.end]) for s in spans]
    assert spans[0].text == spans[2].text == "His bond was set at $200,000."
    items = list_items(spans, [], {"a": a, "b": b})
    assert items[0, 2] and not items[1, 1]
    assert not list_items(spans, [])[0, 2]  # the statements alone give it once
    # A remark quoted twice (a caption, a pull quote) is still the speaker's one remark.
    said = '"The fact that this happened with so many kids out here is heartbreaking." It is.'
    text = f"{said} The coach said: the fact that this happened with so many kids out here"
    remark = Span("c", 0, said.index(" It is."), said[: said.index(" It is.")])
    assert not list_items([remark], [], {"c": text})[0, 0]


def test_a_list_item_its_article_repeats_naming_no_one_is_no_corroboration():
    """Two reports list the charged volunteers, each followed by "His bond was set at ...":
    one copy in each is no corroboration of one bond, and the two values are no contradiction
    (audit4, fresh Multi-News 7cfbf30e); a sentence given once each still corroborates."""
    people = [("John Huggins", "two", "$100,000"), ("Jordan Scott", "four", "$100,000"),
              ("Kenny Caulder", "six", "$200,000"), ("Austin Hunt", "five", "$200,000")]
    lead = "Ten volunteer firefighters were charged with setting fires in Robeson County."

    def report(doc: str, order: list[int], verb: str) -> Article:
        items = [f"{people[n][0]}, 19, of Fairmont, {verb} charged with {people[n][1]} counts of "
                 f"felony arson. His bond was set at {people[n][2]}." for n in order]
        return Article(doc, "\n\n".join([lead, *items]))

    briefing = build_briefing([report("a", [0, 1, 2, 3], "is"),
                               report("b", [2, 1, 3, 0], "was")])
    assert not [c for c in briefing.claims
                if c.status in ("corroborated", "contradicted") and "bond" in c.text]
    assert any(c.status == "corroborated" and "Ten volunteer" in c.text
               for c in briefing.claims)


def test_a_judgement_in_a_while_clause_is_a_contrast_conceded_not_the_verdict():
    """6_ecbplus (tune): "While the first movie was a huge success, THR is saying that director
    Gary Ross is still in negotiations to direct the sequel" was one source's positive verdict,
    set against another's "no deal in place": the success is the contrast the main clause
    answers, as in an "although" clause."""
    from newsprism.compare.verdicts import verdict_polarity

    assert verdict_polarity("While the first film was a huge success, its director is still "
                            "in talks over the sequel.") == 0
    assert verdict_polarity("The summit was short on substance, whereas the dinner was a "
                            "success.") < 0
    assert verdict_polarity("The first film was a huge success.") > 0
