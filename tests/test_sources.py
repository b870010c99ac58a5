"""Independent sources in a briefing: an outlet's reports count and show as one source; copies
are read and counted once; a summary item says what its claim says, with the claim's status."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from newsprism.briefing import QUOTED_OTHERWISE, REWORDED_REMARK, explain_overlaps
from newsprism.compare.sources import fold_copies, independent_sources
from newsprism.dedup import DuplicateFinder
from newsprism.model import Article, Briefing, Claim, Figure, Quote, Report, Source, Span
from newsprism.pipeline import brief, build_briefing
from newsprism.render import write_briefing

STORM = [
    "The storm cut power to about 40,000 homes in Harlow County on Tuesday night.",
    "Crews from three states were sent to restore the lines, the utility said.",
    "Schools in the county stayed closed on Wednesday as roads remained blocked.",
    "The governor declared a state of emergency for the coastal districts.",
    "Two shelters opened at the county fairground for families without heat.",
    "Forecasters warned that a second band of rain could reach the coast by Friday.",
    "The harbour master closed the port to small boats until the winds ease.",
    "A fallen oak crushed three parked cars on Main Street in Harlow.",
    "Volunteers handed out bottled water outside the town hall on Wednesday.",
]
RIVAL = (
    "Power was cut to about 40,000 homes in Harlow County when the storm struck on Tuesday "
    "night, and crews from three states are working to restore the lines. The county's "
    "schools stayed shut on Wednesday because fallen trees still blocked the roads."
)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("│", " ").replace("\\", ""))


@pytest.fixture(scope="module")
def wire() -> Briefing:
    """Nine reports of one agency, each adding a line to the first, and one other outlet."""
    reports = [
        Article(f"ap-{n}", " ".join(STORM[: n + 1]), outlet="Associated Press",
                title=f"Storm update {n + 1}")
        for n in range(9)
    ]  # fmt: skip
    return build_briefing([*reports, Article("rt", RIVAL, outlet="Reuters", title="Storm")])


def test_an_outlets_nine_reports_are_one_source(wire: Briefing) -> None:
    assert [(s.name, len(s.documents)) for s in wire.sources] == [
        ("Associated Press", 9), ("Reuters", 1)]  # fmt: skip
    assert all(c.sources <= 2 for c in wire.claims)
    agency = {d.id for d in wire.documents if d.outlet == "Associated Press"}
    # What only the agency says, however many of its reports say it, is single-source.
    for claim in wire.claims:
        if {s.doc for s in claim.support} <= agency:
            assert claim.status != "corroborated" and claim.sources == 1, claim
    data = json.loads(write_briefing(wire, "json"))  # checked: every document in one source
    assert [len(s["documents"]) for s in data["sources"]] == [9, 1]
    for fmt in ("terminal", "markdown", "html"):
        shown = _flat(write_briefing(wire, fmt))
        assert "Associated Press (9 reports)" in shown, fmt
        assert re.search(r"\b2 sources \(10 reports\)", shown), fmt
        assert "Associated Press #" not in shown and "11 sources" not in shown, fmt
        assert not re.search(r"\b(1[0-9]|[3-9]) sources\b", shown), fmt


def _copies(folder: Path, text: str, count: int) -> None:
    for n in range(count):
        (folder / f"copy-{n:03}.txt").write_text(text, encoding="utf-8")


def test_exact_copies_are_read_and_counted_once(tmp_path: Path) -> None:
    text = "Storm hits Harlow\n\nPublication: Harlow Herald\n\n" + " ".join(STORM[:5])
    _copies(tmp_path, text, 200)
    (tmp_path / "rival.txt").write_text("Publication: Coast Radio\n\n" + RIVAL, encoding="utf-8")
    briefing = brief([tmp_path])
    assert len(briefing.documents) == 2 and len(briefing.sources) == 2
    assert not [c for c in briefing.claims if c.status == "contradicted"]
    assert briefing.summary and not briefing.problems
    (note,) = briefing.notes
    assert note.startswith("199 copies folded into the articles they copy")
    assert "copy-001.txt (exact copy of copy-000.txt)" in note and "and 196 more" in note
    shown = _flat(write_briefing(briefing, "terminal"))
    assert "Briefing · 2 sources" in shown and "199 copies folded" in shown
    assert json.loads(write_briefing(briefing, "json"))["notes"] == [note]


def test_two_short_reports_that_share_a_lead_both_stay() -> None:
    lead = ("A fire swept through a crowded nightclub in the port city of Dunmore late on "
            "Friday, and rescue crews worked through the night.")  # fmt: skip
    later = Article("day2", lead + " Police said on Sunday that 60 people were killed in the "
                    "fire, revising the toll after some victims were counted twice.",
                    outlet="Dunmore Herald")  # fmt: skip
    earlier = Article("day1", lead + " Police said on Saturday that 65 people were killed in "
                      "the fire.", outlet="Coast Wire")  # fmt: skip
    (link,) = DuplicateFinder().run([later, earlier])[1]  # a near copy to dedup, by its lead
    assert link.kind == "near" and link.article == "day1"
    assert fold_copies([later, earlier])[:2] == ([later, earlier], None)


def test_a_reprint_folds_into_its_original_but_an_outlets_own_revision_stays() -> None:
    story = " ".join(STORM)
    original = Article("ap", story, outlet="Associated Press", path="/feeds/ap.txt")
    reprint = Article("herald", "From the wires. " + story, outlet="Harlow Herald")
    revision = Article("ap-2", story.replace("about 40,000", "about 52,000") + " Two died.",
                       outlet="Associated Press")  # fmt: skip
    kept, note, _ = fold_copies([original, reprint, revision])
    assert [a.id for a in kept] == ["ap", "ap-2"]
    assert note == ("1 copy folded into the articles they copy (read and counted once): "
                    "herald (near copy of ap.txt)")  # fmt: skip
    assert fold_copies([original, revision])[:2] == ([original, revision], None)


def _passages(claim: Claim) -> set[tuple[str, int, int]]:
    return {(s.doc, s.start, s.end) for s in claim.support}


@pytest.mark.parametrize("name", ["harbour", "vladivostok", "wire"])
def test_a_summary_item_says_what_its_claim_says(name: str, request: pytest.FixtureRequest) -> None:
    briefing: Briefing = request.getfixturevalue(name)
    claims = {c.id: c for c in briefing.claims}
    assert briefing.summary
    for item in briefing.summary:
        assert item.text == item.support[0].text
        if item.claim is None:
            assert item.status == "single_source" and len(item.support) == 1
            continue
        claim = claims[item.claim]
        assert item.status == claim.status
        assert _passages(claim) == {(s.doc, s.start, s.end) for s in item.support}
    # No passage is shown undisputed and contradicted without a note that says why.
    disputed = {p for c in briefing.claims if c.status == "contradicted" for p in _passages(c)}
    for claim in briefing.claims:
        if claim.status in ("corroborated", "single_source") and _passages(claim) & disputed:
            assert claim.note, claim


def test_a_remark_quoted_in_other_words_is_explained_where_it_stands() -> None:
    first = "Talks ran long, and she called them “frank” on Monday."
    second = "Talks ran long, and she called them “candid” on Monday."
    a, b = Article("a", first), Article("b", second)

    def span(article: Article, words: str) -> Span:
        start = article.text.index(words)
        return Span(article.id, start, start + len(words), words)

    sentence_a, sentence_b = span(a, first), span(b, second)
    whole = Claim("c1", "corroborated", first, (sentence_a, sentence_b), 2)
    clause = Claim("c2", "corroborated", "Talks ran long",
                   (span(a, "Talks ran long"), span(b, "Talks ran long")), 2)  # fmt: skip
    reworded = Claim("c3", "contradicted", first, (sentence_a, sentence_b), 2, "quote",
                     "She is quoted as “frank” by a and as “candid” by b.")  # fmt: skip
    quotes = [Quote("a", *_at(first, "frank")), Quote("b", *_at(second, "candid"))]
    explained = explain_overlaps([whole, clause, reworded], quotes)
    assert explained[0].note == REWORDED_REMARK
    assert explained[1] == clause  # it holds none of the remark: nothing to explain
    assert explained[2] == reworded
    alone = replace(whole, status="single_source", sources=1, support=(sentence_a,))
    assert explain_overlaps([alone, reworded], quotes)[0].note == QUOTED_OTHERWISE


def test_a_figure_another_source_gives_differently_is_noted() -> None:
    text = "About 4,000 workers struck on Monday."
    agreed = Claim("c1", "corroborated", text, (Span("a", 0, 37, text), Span("b", 0, 37, text)), 2)
    figure = Figure("a", 0, 11, "About 4,000", 4000, None, "workers")
    disputed = Claim("c2", "contradicted", text, (Span("a", 0, 37, text),), 2, "figure",
                     "a gives “About 4,000” (workers); c gives “3,500” (workers).")  # fmt: skip
    (explained, _) = explain_overlaps([agreed, disputed], figures=[figure])
    assert explained.note == f"Also disputed: {disputed.note}"
    revised = replace(disputed, status="developing",
                      note="Changed over time: “About 4,000” (a) → “3,500” (c)")  # fmt: skip
    (explained, _) = explain_overlaps([agreed, revised], figures=[figure])
    assert explained.note == revised.note


def test_a_long_historys_steps_point_to_it_rather_than_each_repeat_it() -> None:
    """Ten steps of one development were repeated in full under each of the ten passages that
    hold them; a short history is still told where it stands."""
    texts = [f"He was charged in {1950 + n}." for n in range(5)]
    spans = [Span(f"d{n}", 0, len(t), t) for n, t in enumerate(texts)]
    steps = tuple(Report(span, span.text) for span in spans)
    development = Claim("c9", "developing", texts[-1], tuple(spans), 5, "statement",
                        "Changed over time: " + " → ".join(texts), steps)
    alone = Claim("c1", "single_source", texts[1], (spans[1],), 1)
    (explained, _) = explain_overlaps([alone, development])
    assert explained.note == ("One of 5 reports of a fact that changed over time, shown in order "
                              "under “How the story developed”.")
    short = replace(development, support=tuple(spans[:2]), history=steps[:2])
    (explained, _) = explain_overlaps([alone, short])
    assert explained.note == short.note


def _at(text: str, words: str) -> tuple[int, int, str]:
    start = text.index(words)
    return start, start + len(words), words


def test_a_copy_note_names_two_files_of_one_name_by_their_paths() -> None:
    """'dup1.txt (exact copy of dup1.txt)' named neither file of a folder's two dup1.txt."""
    story = " ".join(STORM)
    first = Article("dup1", story, path="/news/dup1.txt")
    second = Article("sub-dup1", story, path="/news/sub/dup1.txt")
    _, note, _ = fold_copies([first, second])
    assert note is not None
    assert note.endswith("/news/sub/dup1.txt (exact copy of /news/dup1.txt)")


def test_a_reprint_counts_as_its_original_and_never_names_it() -> None:
    """A wire story without an outlet and a paper's reprint of it are one source, named as the
    original is: 'Valley Herald (2 reports)' credited the paper with the wire's report."""
    story = " ".join(STORM)
    wire = Article("wire-ap", story, title="Storm floods the coast road")
    reprint = Article("herald", story + " Herald staff contributed.", outlet="Valley Herald")
    assert independent_sources([wire, reprint]) == (
        Source("Storm floods the coast road", ("wire-ap", "herald"), ("Valley Herald",)),)
