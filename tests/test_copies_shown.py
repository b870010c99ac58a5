"""One wire text printed by several sites is one source, and every view says who printed it: a
claim it supports reads "yahoo.com (also printed by thelocal.fr, citypress.co.za)", the
sources table lists the copies under it, and the JSON lists them as the source's
``printed_by``. The scorer leaves out gold same-fact pairs inside a judged copy group."""

from __future__ import annotations

import json
from pathlib import Path

from newsprism.compare.sources import independent_sources
from newsprism.evaluate.compare import Gold, GoldPair, load_gold, score_briefing
from newsprism.model import Article, Briefing, Claim, Source, Span
from newsprism.render import write_briefing
from test_reprints import HEIST, ORIGINAL, OWN, REPRINT, page

# a third site's print: its own headline and a closing line of its own, the text otherwise as sent
THIRD = page("Jewellery store rammed in Paris", "09/09/2013",
             [*HEIST[:6], "The city's jewellers have asked for more police patrols."])
WIRE = Article("wire", ORIGINAL, "Paris hit by jewelry heist", "yahoo.com")
LOCAL = Article("local", REPRINT, "Ram raiders hit Paris jeweller", "thelocal.fr")
CITY = Article("city", THIRD, "Jewellery store rammed in Paris", "citypress.co.za")
OWN_REPORT = Article("own", OWN, "Thieves crash 4x4 into Paris jeweller", "Le Figaro")
CLUSTER = [WIRE, LOCAL, CITY, OWN_REPORT]
SHOWN = "yahoo.com (also printed by thelocal.fr, citypress.co.za)"


def sentence(article: Article, words: str) -> Span:
    start = article.text.index(words)
    end = article.text.index(".", start) + 1
    return Span(article.id, start, end, article.text[start:end])


def briefing() -> Briefing:
    """The cluster briefed: its sources as compare counts them, and one claim that the three
    prints of the wire text and the independent report all make."""
    support = (sentence(WIRE, "They then set fire"), sentence(LOCAL, "They then set fire"),
               sentence(CITY, "They then set fire"), sentence(OWN_REPORT, "The thieves torched"))
    claim = Claim("c1", "corroborated", support[0].text, support, 2)
    return Briefing(documents=tuple(CLUSTER), claims=(claim,),
                    sources=independent_sources(CLUSTER))


def test_three_prints_of_one_wire_text_and_an_own_report_are_two_sources() -> None:
    assert independent_sources(CLUSTER) == (
        Source("yahoo.com", ("wire", "local", "city"), ("thelocal.fr", "citypress.co.za")),
        Source("Le Figaro", ("own",), ()))


def test_every_view_names_the_sites_that_printed_the_one_text() -> None:
    brief = briefing()
    for form in ("terminal", "markdown", "html"):
        text = write_briefing(brief, form).translate(str.maketrans("", "", "\\│"))
        shown = " ".join(text.split())  # the terminal's panels wrap lines inside borders
        said = {"terminal": "2 sources, corroborated: ", "markdown": "(2 sources: ",
                "html": "2 sources · "}[form]
        assert f"{said}{SHOWN}, Le Figaro" in shown, form
        assert "thelocal.fr (counted as" in shown, form  # the table's copy rows (wrapped)
        if form != "terminal":  # a passage's teller: the source, and the site that printed it
            assert "yahoo.com via thelocal.fr" in shown, form
    data = json.loads(write_briefing(brief, "json"))
    assert data["sources"][0]["printed_by"] == ["thelocal.fr", "citypress.co.za"]
    assert data["sources"][1]["printed_by"] == []


def test_a_claim_only_copies_make_names_who_printed_it() -> None:
    brief = briefing()
    only_copies = brief.claims[0].support[1:3]
    from newsprism.render.view import build_view

    assert build_view(brief).sources_of(only_copies) == (
        "yahoo.com (printed by thelocal.fr, citypress.co.za)")


def test_the_scorer_leaves_out_same_pairs_inside_a_judged_copy_group(tmp_path: Path) -> None:
    brief = briefing()
    wire, local, city, own = (s for s in brief.claims[0].support)
    at = [(s.doc, s.start, s.end) for s in (wire, local, city, own)]
    gold_file = tmp_path / "cluster.jsonl"
    gold_file.write_text(json.dumps({"kind": "copies", "docs": ["wire", "local", "city"],
                                     "why": "one AFP text"}) + "\n", encoding="utf-8")
    copies = load_gold(gold_file, {a.id: a for a in CLUSTER}).copies
    assert copies == [frozenset({"wire", "local", "city"})]
    gold = Gold(pairs=[GoldPair(at[0], at[1], "same"), GoldPair(at[0], at[2], "same"),
                       GoldPair(at[0], at[3], "same")], copies=copies)
    tally = score_briefing(Briefing(documents=brief.documents), gold, [])
    assert tally.gold == {"same": 1} and tally.copy_pairs == 2  # only wire / own is counted
    tally = score_briefing(brief, gold, [])
    assert (tally.shown, tally.copy_pairs_shown) == ({"same": 1}, 2)


def test_a_copies_line_of_another_cluster_is_passed_over_and_a_bad_one_reported(
    tmp_path: Path,
) -> None:
    gold_file = tmp_path / "cluster.jsonl"
    lines = [{"kind": "copies", "docs": ["x1", "x2"]}, {"kind": "copies", "docs": ["wire"]},
             {"kind": "copies", "docs": "wire"}]
    gold_file.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    gold = load_gold(gold_file, {a.id: a for a in CLUSTER})
    assert gold.copies == [] and len(gold.stale) == 2
