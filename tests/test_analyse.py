"""Analyse: on the Vladivostok pair, the entities, quotes, figures, dates and citations an
analyst would mark by hand; every offset points at exactly the text it names."""

from __future__ import annotations

from conftest import document
from newsprism.analyse import analyse_article, resolve_entities
from newsprism.model import Article


def _entity(briefing, name):
    return next(e for e in briefing.entities if e.name == name or name in e.aliases)


def test_both_spellings_of_kim_are_one_person_mentioned_in_both_articles(vladivostok):
    kim = _entity(vladivostok, "Kim Jong Un")
    assert kim.type == "PERSON"
    assert {"Kim Jong-un", "Kim Jong Un"} <= {kim.name, *kim.aliases}
    assert len({m.doc for m in kim.mentions}) == 2


def test_surnames_resolve_to_the_full_name_in_context(vladivostok):
    putin = _entity(vladivostok, "Vladimir Putin")
    assert "Putin" in putin.aliases
    kim_jong_il = next(e for e in vladivostok.entities if e.name == "Kim Jong-il")
    assert len(kim_jong_il.mentions) == 1  # the late father keeps his one mention


def test_acronyms_join_their_full_names(vladivostok):
    assert {"US", "U.S."} <= set(_entity(vladivostok, "United States").aliases)
    assert "EDM" in _entity(vladivostok, "Eurasia Daily Monitor").aliases


def test_an_acronym_spells_only_a_names_capitalised_words():
    from newsprism.model import Mention

    mentions = [Mention("a", 0, 13, "Aceh province", "GPE"),
                Mention("a", 20, 36, "Associated Press", "ORG"),
                Mention("b", 0, 2, "AP", "ORG"),
                Mention("b", 10, 27, "Bank of England", "ORG"),
                Mention("b", 30, 32, "BE", "ORG"),
                Mention("c", 0, 33, "al-Qaeda in the Arabian Peninsula", "ORG"),
                Mention("c", 40, 44, "AQAP", "ORG")]
    names = {m.text: e.name for e in resolve_entities(mentions) for m in e.mentions}
    assert names["AP"] == "Associated Press"  # not "Aceh province": "province" is no name
    assert names["BE"] == "Bank of England"  # "of" skipped as before
    assert names["AQAP"] == "al-Qaeda in the Arabian Peninsula"  # a capital inside a word


def test_a_name_without_its_middle_name_is_the_same_person():
    from newsprism.model import Mention

    def mention(doc: str, text: str) -> Mention:
        return Mention(doc, 0, len(text), text, "PERSON")

    mentions = [mention("a", "Anthony Phillip LaSalle"), mention("b", "Anthony LaSalle"),
                mention("c", "George W. Bush"), mention("c", "George H. W. Bush"),
                mention("d", "George Bush")]
    names = {m.text: e.name for e in resolve_entities(mentions) for m in e.mentions}
    assert names["Anthony LaSalle"] == "Anthony Phillip LaSalle"
    assert names["George Bush"] == "George Bush"  # two fuller names hold it: which one?


def test_a_surname_tagged_as_an_organisation_joins_only_a_name_it_ends():
    from newsprism.model import Mention

    mentions = [Mention("a", 0, 12, "Donald Trump", "PERSON"),
                Mention("a", 20, 25, "Trump", "ORG"),
                Mention("b", 0, 13, "Tesla Model X", "PERSON"),
                Mention("b", 20, 25, "Tesla", "ORG")]
    names = {m.text: e.name for e in resolve_entities(mentions) for m in e.mentions}
    assert names["Trump"] == "Donald Trump"
    assert names["Tesla"] == "Tesla"  # the company, not the car the model took for a person


def test_a_misread_name_with_lowercase_words_is_no_full_name():
    from newsprism.model import Mention

    mentions = [Mention("a", 0, 31, "Lackey told The Associated Press", "PERSON"),
                Mention("a", 40, 46, "Lackey", "PERSON")]
    names = {m.text: e.name for e in resolve_entities(mentions) for m in e.mentions}
    assert names["Lackey"] == "Lackey"
    particle = [Mention("b", 0, 19, "Mohammed bin Salman", "PERSON"),
                Mention("b", 30, 36, "Salman", "PERSON")]
    names = {m.text: e.name for e in resolve_entities(particle) for m in e.mentions}
    assert names["Salman"] == "Mohammed bin Salman"


def test_a_name_ends_at_a_bracket_it_never_closes():
    text = ("The statement came from UN Secretary General Ban Ki-moon and United States "
            "Secretary of State John Kerry.(Reuters, DPA)\n\nThe Pakistan People's Party (PPP) "
            "agreed.")
    names = {m.text for m in analyse_article(Article("a", text)).mentions}
    assert "John Kerry" in names and not any("(Reuters" in name for name in names)


def test_a_name_opened_by_initials_or_closed_by_senior_is_the_name_without_them():
    from newsprism.model import Mention

    mentions = [Mention("a", 0, 12, "W. Mark Felt", "PERSON"),
                Mention("a", 20, 35, "W. Mark Felt Sr", "PERSON"),
                Mention("b", 0, 9, "Mark Felt", "PERSON"),
                Mention("b", 20, 32, "Mark Felt Jr", "PERSON"),
                Mention("c", 0, 13, "J. K. Rowling", "PERSON")]
    names = {m.text: e.name for e in resolve_entities(mentions) for m in e.mentions}
    assert names["W. Mark Felt"] == names["Mark Felt"] == names["W. Mark Felt Sr"]
    assert names["Mark Felt Jr"] == "Mark Felt Jr"  # the son
    assert names["J. K. Rowling"] == "J. K. Rowling"


def test_an_organisation_named_after_its_place_is_called_by_the_rest_of_its_name():
    from newsprism.model import Mention

    def mention(doc: str, text: str, kind: str) -> Mention:
        return Mention(doc, 0, len(text), text, kind)

    mentions = [mention("a", "Washington Post", "ORG"), mention("a", "Washington", "GPE"),
                mention("b", "Post", "ORG"), mention("c", "White House", "ORG"),
                mention("c", "House", "ORG")]
    names = {m.text: e.name for e in resolve_entities(mentions) for m in e.mentions}
    assert names["Post"] == "Washington Post"
    assert names["House"] == "House"  # "White" is no place the cluster names


def test_a_surname_opened_by_a_particle_joins_its_full_name():
    text = ("Shell chief executive Ben van Beurden took a pay cut. Analysts said van Beurden did "
            "well. U.N. climate change chief Yvo de Boer sought to downplay any differences. De "
            "Boer repeatedly pointed out the gaps.")
    entities = resolve_entities(analyse_article(Article("a", text)).mentions)
    names = {m.text: (e.name, e.type) for e in entities for m in e.mentions}
    assert names["van Beurden"] == ("Ben van Beurden", "PERSON")
    assert names["De Boer"] == ("Yvo de Boer", "PERSON")  # the model calls him an ORG


def test_a_names_context_corrects_the_models_type_and_extent():
    text = ("Colts Top Jags To Make Playoffs\n\nThe Colts beat the Jaguars on Thursday. The "
            "Jaguars lost. Keiwan Ratliff intercepted a pass from a David Garrard who looked lost. "
            "It is of great importance, stated Yvo de Boer, Executive Secretary of the United "
            "Nations Framework Convention on Climate Change. Proxy advisory firm Glass Lewis said "
            "no. A supermoon rose on Sunday. (Photo: Bill Ingalls/NASA) Yet the Donald Trump "
            "administration will not budge.")
    types = {m.text: m.type for m in analyse_article(Article("a", text)).mentions}
    assert not any("Playoffs" in name for name in types)  # a headline in title case
    assert types["Jaguars"] == "ORG" and types["Glass Lewis"] == "ORG"
    assert types["Yvo de Boer"] == "PERSON" and types["Bill Ingalls"] == "PERSON"
    assert types["David Garrard"] == types["Donald Trump"] == "PERSON"


def test_a_korean_name_keeps_the_syllable_the_model_took_for_a_preposition():
    articles = [Article("a", "South Korean President Moon Jae-in met Kim Jong Un on Friday. "
                             "Moon said the talks went well."),
                Article("b", "South Korea's President Moon Jae In flew to Pyongyang. Mr Moon "
                             "later left. UN chief Ban Ki-moon spoke.")]
    mentions = [m for a in articles for m in analyse_article(a).mentions]
    names = {m.text: e.name for e in resolve_entities(mentions) for m in e.mentions}
    assert names["Moon Jae In"] == names["Moon"] == "Moon Jae-in"
    assert names["UN"] == "UN"  # an acronym is no surname of Kim Jong Un


def test_a_live_blog_time_stamp_is_no_part_of_a_name():
    text = ("1:18 A.M. Israel and Hamas agreed to a truce.\n\n4:25 P.M. Malaysia denied the "
            "report.\n\n6:00 P.M. Israel said the truce would hold.")
    names = {m.text for m in analyse_article(Article("a", text)).mentions}
    assert {"Israel", "Malaysia"} <= names and not any(".M." in name for name in names)


def test_known_ner_slips_are_repaired(vladivostok):
    types = {e.name: e.type for e in vladivostok.entities}
    assert types["Kommersant"] == "ORG" and types["Interfax"] == "ORG"
    assert types["No Kwang-Chol"] == "PERSON"
    assert types["South China Morning Post"] == "ORG" and types["CGTN"] == "ORG"
    assert not any("Summit" in name for name, kind in types.items() if kind == "PERSON")
    assert not any(name.endswith(("’s", "'s")) for name in types)


def test_all_nine_inline_citations_are_found(vladivostok):
    monitor = document(vladivostok, "Eurasia Daily Monitor")
    cited = [(c.source, c.date) for c in vladivostok.citations if c.doc == monitor.id]
    assert cited == [
        ("Kommersant", "April 25"), ("Asia Times", "April 25"), ("EDM", "April 29"),
        ("South China Morning Post", "April 25"), ("Kremlin.ru", "April 25"),
        ("Kremlin.ru", "April 25"), ("CGTN", "April 24"), ("Interfax", "April 24"),
        ("Kremlin.ru", "April 25"),
    ]  # fmt: skip


def test_quotes_are_attributed_to_their_speakers(vladivostok):
    speakers = {q.text: q.speaker for q in vladivostok.quotes}
    assert speakers["candid and meaningful"] == "Kim Jong-un"
    assert speakers["frank and substantive exchange of opinions"] == "Kim Jong-un"
    assert speakers["no secrets"] == "Vladimir Putin"
    assert speakers["multilateral security guarantees"] == "Vladimir Putin"
    said = next(t for t in speakers if t.startswith("it’s unlikely"))
    assert speakers[said] == "Vladimir Putin"  # "he explained", a sentence after Putin
    assert speakers["anticlimactic"] == "Asia Times"  # the source cited for it
    kinds = {q.text: q.kind for q in vladivostok.quotes}
    assert speakers["Belt and Road"] is None and kinds["Belt and Road"] == "name"  # no one's


def test_speaker_after_the_quote_and_the_reporters_comma(tmp_path):
    article = Article("t", "“We got what we came for,” union leader Piet de Vries told reporters.")
    analysis = analyse_article(article)
    entities = resolve_entities(analysis.mentions)
    from newsprism.analyse.resolve import name_speakers

    (quote,) = name_speakers(analysis.quotes, entities)
    assert (quote.text, quote.speaker, quote.kind) == ("We got what we came for",
                                                       "Piet de Vries", "quote")


def test_figures_carry_value_unit_and_what_they_count(vladivostok):
    figures = {f.text: (f.value, f.unit, f.counts) for f in vladivostok.figures}
    assert figures["40,000"] == (40_000, None, "guest workers")
    assert figures["just $34 million"] == (34_000_000, "USD", "bilateral trade")
    assert figures["1.2 percent"] == (1.2, "percent", "Pyongyang’s trade")
    assert figures["700 km"][:2] == (700, "km")
    assert figures["just two hours"][:2] == (2, "hour")
    assert figures["more than 1 million"] == (1_000_000, None, "Russian citizens")
    assert "16" not in figures  # "Volume: 16" is metadata, not a figure


def test_dates_are_normalised_without_inventing_a_year(vladivostok):
    values = {d.text: d.value for d in vladivostok.dates}
    assert values["April 25"] == "--04-25"  # undated article: month and day only
    assert values["November 2018"] == "2018-11"
    assert values["2011"] == "2011"


def test_dates_are_normalised_against_the_article_date():
    article = Article("d", "The minister resigned last Tuesday, two days after the vote on "
                      "March 3.", date="2025-03-07")
    values = {d.text: d.value for d in analyse_article(article).dates}
    assert values["last Tuesday"] == "2025-03-04"
    assert values["March 3"] == "2025-03-03"


def test_every_offset_points_at_its_text(vladivostok, analyses):
    texts = {d.id: d.text for d in vladivostok.documents}
    located = [*vladivostok.quotes, *vladivostok.figures, *vladivostok.dates]
    located += [m for e in vladivostok.entities for m in e.mentions]
    for item in located:
        assert texts[item.doc][item.start : item.end] == item.text
    for analysis in analyses:
        for unit in (*analysis.sentences, *analysis.statements):
            assert analysis.article.text[unit.start : unit.end] == unit.text


def test_statements_split_coordinated_clauses_but_not_quotations(analyses):
    statements = [s.text for a in analyses for s in a.statements]
    assert any(s.startswith("their conversation, according to Kim") for s in statements)
    article = Article("q", "“We waited two years, and waiting did not pay the rent,” said the "
                      "union leader, and the port authority said it would not negotiate.")
    texts = [s.text for s in analyse_article(article).statements]
    assert texts[0].startswith("“We waited two years, and waiting did not pay the rent,”")
    assert texts[1] == "the port authority said it would not negotiate."


def test_large_batches_analysed_on_worker_processes_equal_the_in_process_analysis(
    vladivostok_dir,
):
    from newsprism.analyse import analyse_articles
    from newsprism.analyse.parallel import MIN_PARALLEL, analyse_parallel
    from newsprism.ingest import read_articles

    paragraphs = [p for a in read_articles([vladivostok_dir]).articles
                  for p in a.text.split("\n") if len(p.split()) > 5]  # fmt: skip
    articles = [Article(f"p{i}", paragraphs[i % len(paragraphs)], date="2019-04-26")
                for i in range(MIN_PARALLEL + 3)]  # fmt: skip
    parallel = analyse_parallel(articles, processes=2)
    assert [a.as_dict() for a in parallel] == [a.as_dict() for a in analyse_articles(articles)]


def test_role_nouns_are_matched_in_the_plural_without_a_lemmatizer():
    from newsprism.analyse.nlp import noun_lemma

    assert [noun_lemma(w) for w in ("Ministers", "secretaries", "spokesmen", "CEOs", "status")] \
        == ["minister", "secretary", "spokesman", "ceo", "status"]  # fmt: skip


def test_analysis_workers_die_with_a_killed_ingest():
    import subprocess
    import sys
    import time
    from pathlib import Path

    import pytest

    if not sys.platform.startswith("linux"):
        pytest.skip("reads /proc and relies on prctl(PR_SET_PDEATHSIG)")
    code = ("import os, signal; from newsprism.analyse.parallel import _pool; pool = _pool(2); "
            "pool.submit(os.getpid).result(); "
            "print(*[p.pid for p in pool._processes.values()], flush=True); "
            "os.kill(os.getpid(), signal.SIGKILL)")  # fmt: skip
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    workers = [Path(f"/proc/{pid}") for pid in done.stdout.split()]
    assert len(workers) == 2, done.stderr
    deadline = time.monotonic() + 30
    while any(w.exists() for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(w.exists() for w in workers)


def test_our_faster_pipeline_tags_parses_and_finds_entities_as_the_stock_model_does(
    vladivostok_dir,
):
    """``load_nlp`` swaps the attribute ruler for ``RuleTagger`` and blis for numpy's BLAS."""
    import spacy

    from newsprism.analyse.nlp import MODEL, load_nlp
    from newsprism.ingest import read_articles

    texts = [a.text for a in read_articles([vladivostok_dir]).articles]
    texts.append("It's  gonna be fine;\n\n we ain't done. There is a cat. Did he do that? But no.")
    reference = spacy.load(MODEL, exclude=["lemmatizer"])
    assert type(load_nlp("full").get_pipe("attribute_ruler")).__name__ == "RuleTagger"

    def read(doc):  # type: ignore[no-untyped-def]
        tokens = [(t.pos_, t.tag_, t.dep_, t.head.i, t.is_sent_start) for t in doc]
        return tokens, [(e.start, e.end, e.label_) for e in doc.ents]

    for ours, theirs in zip(load_nlp("full").pipe(texts), reference.pipe(texts), strict=True):
        assert read(ours) == read(theirs)


def test_a_short_statement_parsed_alone_is_tagged_as_the_stock_model_tags_it():
    """``RuleTagger`` skips the rules no value of a short text can meet: the tags stay the
    model's own."""
    import spacy

    from newsprism.analyse.nlp import MODEL, load_nlp

    texts = ["He said it wasn't over.", "Rain.", "The 3 ships didn't sail, officials said.",
             "Could they?", "  Ms. Ray , 41 , was   arrested\n on Monday ."]
    reference = spacy.load(MODEL, exclude=["lemmatizer"])
    ours = load_nlp("full").pipe(texts, disable=["ner"])
    for doc, stock in zip(ours, reference.pipe(texts, disable=["ner"]), strict=True):
        assert [(t.pos_, t.tag_, t.dep_) for t in doc] == [(t.pos_, t.tag_, t.dep_) for t in stock]


def test_analysing_forgets_the_new_words_of_the_news_but_the_analysis_keeps_them():
    """A long ingest's workers must not grow with every new name they read."""
    from newsprism.analyse import analyse_articles
    from newsprism.analyse.nlp import load_nlp

    strings = load_nlp("full").vocab.strings
    before = len(strings)
    text = "Zorvath Quilbenko, the mayor of Trelvania, said on Monday that the bridge will reopen."
    (analysis,) = analyse_articles([Article(id="new-words", text=text)])
    assert "Zorvath Quilbenko" in {m.text for m in analysis.mentions}
    assert "Quilbenko" not in strings and len(strings) == before


def test_the_install_leaves_a_spacy_whose_parser_does_not_take_the_gil_at_every_step():
    # PyPI's spaCy wheels for Python < 3.12 carry Cython's profiling hooks; install.sh rebuilds
    # spaCy without them (analysis then costs about two thirds of the CPU).
    from newsprism.analyse.nlp import spacy_has_profiling_hooks

    assert not spacy_has_profiling_hooks()


def test_no_statement_lacks_its_subject_or_is_a_bracketed_credit():
    """"Police are still at one property, and are describing the searches as significant,
    and "intelligence led"": the second clause's verb shares the first's subject, so it is no
    statement alone; a photo or reporting credit in brackets is no statement at all."""
    article = Article("p", "Police are still in attendance at one property, and are describing "
                      "the searches as significant, and \"intelligence led\".\n\n"
                      "(David M Warren / Staff Photographer)\n\n"
                      "(Reporting by Ana Ruiz; Editing by Tom Hale)\n\n"
                      "(The council has not commented on the plan so far.)")
    texts = [s.text for s in analyse_article(article).statements]
    assert not any(t.startswith(("are describing", "(David", "(Reporting")) for t in texts), texts
    assert texts[0].startswith("Police are still in attendance at one property, and are")
    assert "(The council has not commented on the plan so far.)" in texts


def test_wire_credit_and_rights_lines_are_no_statements_dates_or_figures() -> None:
    """Wire copy ends on who contributed and who owns the copy: no claim of the event, its
    year no date of it and no figure; a report that merely may not be published stays."""
    article = Article("w", "A fire killed two workers at the plant on Tuesday, officials said.\n\n"
                      "The report may not be published until the inquiry ends, the mayor said.\n\n"
                      "Copyright 2026 The Associated Press. All rights reserved. This material may "
                      "not be published, broadcast, rewritten or redistributed.\n\n"
                      "Jo Bell in Salem contributed to this report.", date="2026-03-11")
    analysis = analyse_article(article)
    texts = [s.text for s in analysis.statements]
    assert texts == ["A fire killed two workers at the plant on Tuesday, officials said.",
                     "The report may not be published until the inquiry ends, the mayor said."]
    assert [d.text for d in analysis.dates] == ["Tuesday"]
    assert [f.text for f in analysis.figures] == ["two"]


def test_a_wire_dateline_opening_the_lede_is_left_out_of_its_statement() -> None:
    """"BERLIN (dpa) — " says where and by whom the copy was filed: the lede's statement starts
    at its own words, and the place in capitals names no actor of it."""
    article = Article("d", "BERLIN (dpa) — The city council approved the new budget on Monday "
                      "after a long debate.\n\nThe mayor said the vote was a relief for everyone.")
    texts = [s.text for s in analyse_article(article).statements]
    assert texts == ["The city council approved the new budget on Monday after a long debate.",
                     "The mayor said the vote was a relief for everyone."]


def _mentions_with_slips(text: str, slips: dict[str, str],
                         outlet: str | None = None) -> dict[str, str]:
    """The mentions extract_mentions gives when the entity model tags each phrase of ``slips``
    (and nothing else) with the label given: a known slip, made on purpose."""
    from spacy.tokens import Span

    from newsprism.analyse.entities import extract_mentions
    from newsprism.analyse.nlp import load_nlp

    doc = load_nlp()(text)
    ents = []
    for phrase, label in slips.items():
        for at in [n for n in range(len(text)) if text.startswith(phrase, n)]:
            span = doc.char_span(at, at + len(phrase))
            ents.append(Span(doc, span.start, span.end, label=label))
    doc.ents = ents
    return {m.text: m.type for m in extract_mentions(doc, "t", outlet=outlet)}


def test_a_full_name_taken_for_a_body_is_a_person_when_its_surname_alone_is_one():
    text = "Mavis Tern, the pin-up model, has died. Tern once said she was puzzled."
    found = _mentions_with_slips(text, {"Mavis Tern": "ORG", "Tern once": "PERSON"})
    assert found == {"Mavis Tern": "PERSON", "Tern": "PERSON"}
    # a body's name does not become a person for a surname it does not end in
    found = _mentions_with_slips("Tern Holdings sold it. Tern once said so.",
                                 {"Tern Holdings": "ORG", "Tern once": "PERSON"})
    assert found["Tern Holdings"] == "ORG"


def test_a_name_never_runs_over_a_line_break():
    text = "Media Mogul\n\nTern, who ignored him, studied acting."
    assert _mentions_with_slips(text, {"Mogul\n\nTern": "PERSON"}) == {"Tern": "PERSON"}
    text = "Dockers walk out at Port of Calder\n\nPublication: Harbour Gazette"
    found = _mentions_with_slips(text, {"Port of Calder\n\nPublication": "FAC"})
    assert found == {"Port of Calder": "FAC"}


def test_a_plural_owner_inside_a_body_s_name_is_kept_and_a_possessive_still_ends_a_name():
    text = "The strike was called by the Dockers' Union on Monday. Kim's Summit Hall was shut."
    found = _mentions_with_slips(text, {"the Dockers' Union": "ORG",
                                        "Kim's Summit Hall": "PERSON"})
    assert found == {"Dockers' Union": "ORG", "Kim": "PERSON"}


def test_the_outlet_an_article_names_in_its_metadata_is_a_body_wherever_it_stands():
    text = "Publication: Calder Gazette\n\nThe mayor told the Calder Gazette she would resign."
    slips = {"Calder Gazette": "PERSON"}
    assert _mentions_with_slips(text, slips, outlet="Calder Gazette") == {"Calder Gazette": "ORG"}
    assert _mentions_with_slips(text, slips) == {"Calder Gazette": "PERSON"}


def test_a_capitalised_title_opening_a_sentence_is_no_person_of_its_own():
    text = "Filmmaker and aviator Howard Hughes also pursued her."
    found = _mentions_with_slips(text, {"Filmmaker": "PERSON", "Howard Hughes": "PERSON"})
    assert found == {"Howard Hughes": "PERSON"}
