"""The attribution frame (who reports a fact) is not one of the fact's actors."""

from newsprism.model import Article


def _frame_words(text: str) -> str:
    from newsprism.compare.attribution import frames

    (found,) = frames([text])
    return " | ".join(" ".join(text[start:end] for start, end in frame.ranges)
                      for frame in found)


def test_the_reporter_of_a_clause_is_the_frame():
    """A reporting verb's subject with the clause it reports, before or after it, and "according
    to X": the frame is the reporter's words, not the reported fact's."""
    assert _frame_words("The Film Weekly is saying that director Gary Ross is still in "
                        "negotiations.") == "The Film Weekly is saying"
    assert _frame_words("Inspector Dave Gaskin said the man fell about 600 metres.") == \
        "Inspector Dave Gaskin said"
    assert _frame_words("The boss died at the prison hospital, said prison spokesman Al "
                        "Quintero.").startswith("said prison spokesman Al Quintero")
    assert _frame_words("According to the Film Weekly, Ross will meet the studio on "
                        "Monday.") == "According to the Film Weekly"
    assert _frame_words("Dan Patrick reported on his show on Monday that the Red Sox have made "
                        "an offer.") == "Dan Patrick reported on his show on Monday"


def test_according_to_ends_at_its_comma():
    """06cd46f7: the list after "according to the report, ..." tells the fact (the drugs)."""
    assert _frame_words("She received five drugs, according to the report, including Demerol "
                        "and Valium.") == "according to the report"


def test_according_to_runs_past_the_full_stop_of_a_title():
    """A rank's abbreviation ("Lt.", "Sgt.") is part of the source's name, not its end."""
    assert _frame_words("The chief was taken to the county hospital, according to State Police "
                        "Lt. Mara Quill.") == "according to State Police Lt Mara Quill"


def test_a_quoted_remark_or_a_plain_report_has_no_frame():
    """A quoted remark's speaker is part of what is reported (a quoted title is no remark); a
    statement with no reporting verb has no frame."""
    assert _frame_words('Ross said: "The fee is too low for me."') == ""
    assert _frame_words('According to the Film Weekly, Ross will direct the "Games" sequel '
                        '"Catching Fire".') == "According to the Film Weekly"
    assert _frame_words("Police arrested John Smith on Friday.") == ""


def test_a_reporter_a_pronoun_may_stand_for_stays_an_actor():
    """"Lionsgate said it is in talks" says it of Lionsgate, "Ross said he is in talks" of
    Ross; but "he" is not the Film Weekly, nor "it" a man."""
    from newsprism.analyse import analyse_articles
    from newsprism.compare.attribution import frames, reporters

    texts = ["Lionsgate said it is in talks with the director.",
             "The Film Weekly is reporting that he is in talks with the studio.",
             "Gary Ross said he is in talks with the studio.",
             "Gary Ross said it is too early to talk about a sequel."]
    analyses = list(analyse_articles([Article(f"d{n}", t) for n, t in enumerate(texts)]))
    held = []
    for analysis, found in zip(analyses, frames(texts), strict=True):
        (statement,) = analysis.statements
        inside = [m for m in analysis.mentions if m.type in ("PERSON", "ORG")]
        held.append([inside[n].text for n in sorted(reporters(statement, found, inside))])
    assert held == [[], ["Film Weekly"], [], ["Gary Ross"]]


def test_two_reporters_of_one_fact_do_not_clash_but_two_actors_do():
    """gold7 (6_ecbplus, 23_ecbplus): "THR is saying that Ross is in negotiations" and "The
    Hollywood Reporter says Ross is in negotiations" were held apart as naming two actors; so
    were "Inspector Dave Gaskin said the man fell" and "Robert Buckley fell ...". The fact's
    own actors still clash: "Gaskin said Buckley fell" is not "Gaskin said Rait fell"."""
    from newsprism.analyse import analyse_articles
    from newsprism.compare import statement_names

    texts = {
        "a": "Gary Ross directed the first film. The Film Weekly is saying that Gary Ross is "
             "still in negotiations with Lionsgate. Inspector Dave Gaskin said Robert Buckley "
             "fell about 600 metres.",
        "b": "Gary Ross directed the first film. The New York Times says Ross is in "
             "negotiations with Lionsgate. Robert Buckley fell about 600 metres near the hut, "
             "Sergeant Mary Holt said.",
        "c": "Inspector Dave Gaskin said Duncan Rait fell about 600 metres.",
    }
    analyses = list(analyse_articles([Article(doc, text) for doc, text in texts.items()]))
    statements = [s for a in analyses for s in a.statements]
    mentions = [m for a in analyses for m in a.mentions]
    names = statement_names(statements, mentions, [])
    at = {(s.doc, s.text.split()[-2]): n for n, s in enumerate(statements)}
    talks_a, talks_b = at["a", "with"], at["b", "with"]
    fell_a, fell_b, fell_c = at["a", "600"], at["b", "Holt"], at["c", "600"]
    assert not names.clash(talks_a, talks_b)
    assert not names.clash(fell_a, fell_b)
    assert names.clash(fell_a, fell_c)  # Buckley / Rait, the frame alike
    assert names.clash(fell_b, fell_c)
