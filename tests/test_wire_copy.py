"""Classic wire copy, as newswire summarization sets print it: datelines, `` '' quotes, ` _ ` and
`` -- `` as dashes, bylines, all-caps headlines, trailing wire tags, lines hard-wrapped inside
sentences. The articles are written here (an invented election crisis), in the shapes of AP,
NYT and Xinhua copy."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsprism.analyse import analyse_article
from newsprism.analyse.sentences import split_sentences
from newsprism.evaluate.summaries import evaluate_summaries
from newsprism.ingest.normalise import normalise_text
from newsprism.model import Article, Sentence
from newsprism.summarize import summarize
from newsprism.summarize.features import is_extractable, make_candidates
from newsprism.summarize.words import count_words

AP = """HARBOR TOWN, Freedonia (AP) _ Freedonia's two main opposition parties said
Tuesday they would boycott the new parliament unless the ruling party agreed
to an independent inquiry into last month's disputed election.
   The announcement by the Unity Front and the Farmers' League deepened a
political crisis that has left the country without a government for six
weeks.
   ``We will not sit in a chamber built on stolen votes. We will wait for the
inquiry,'' said Marta Ilves, the Unity Front leader, at a news conference.
   Prime Minister Oskar Brandt's party won 64 of the 122 seats, according to
official results, but observers from the regional security body reported
ballot stuffing in three northern provinces.
   The electoral commission said on Wednesday that it would recount the votes of
Northern Province, Lake Province and River Province by the end of the month.
   The king is expected to open the new parliament on Nov. 12.
(Optional add end)
"""
NYT = """BY PETER LANGE
c.1998 N.Y. Times News Service
   HARBOR TOWN, Freedonia _ The opposition's threat to boycott parliament
leaves Prime Minister Oskar Brandt facing the hardest choice of his long career:
accept an inquiry into the election or govern alone with a thin majority.
   Brandt, 67, has ruled Freedonia since 1985 and has rarely shared power with
anyone. Diplomats in the capital said the king had urged both sides to meet
before the opening of parliament on Nov. 12.
   The opposition parties, led by Marta Ilves, say the vote in three northern
provinces was rigged, and regional observers have backed some of their claims.
   NYT-11-03-98 1642EST
&UR;
"""
XINHUA = (  # Xinhua copy comes one paragraph a line
    "BEIJING, Nov. 3 (Xinhua) -- The opposition parties of Freedonia announced on Tuesday that "
    "they would boycott the new parliament unless an independent inquiry into the election was "
    "held.\nThe ruling party of Prime Minister Oskar Brandt won 64 seats in the 122-seat "
    "parliament in the election held last month, according to official results.\n"
    "Regional observers said they had found evidence of ballot stuffing in three northern "
    "provinces.\nEnd item\n"
)
REUTERS = """FREEDONIA OPPOSITION THREATENS PARLIAMENT BOYCOTT

NEW YORK (Reuters) - Freedonia's opposition parties threatened on Tuesday to
boycott parliament unless an inquiry into the disputed election is held, raising
fears of a prolonged political crisis in the small Baltic state.

By JOHN SMITH and MARY JONES Associated Press Writers
WASHINGTON _ The State Department urged Freedonia's parties to settle their
dispute through dialogue and said it supported an independent inquiry into the
election.

The opposition won 58 seats -- short of a majority -- and says it was cheated of
at least ten more seats in the three disputed northern provinces.
"""
WIRE = [Article(name, normalise_text(text))
        for name, text in [("ap", AP), ("nyt", NYT), ("xinhua", XINHUA), ("reuters", REUTERS)]]
REFERENCES = [
    "Freedonia's opposition parties threatened to boycott the new parliament unless an "
    "independent inquiry into the disputed election is held. Prime Minister Oskar Brandt's party "
    "won 64 of 122 seats, but observers reported ballot stuffing in three provinces.",
    "The Unity Front and Farmers' League will boycott parliament, opening Nov. 12, until the "
    "election is investigated. Brandt, in power since 1985, must accept an inquiry or govern "
    "with a thin majority.",
]
TEXT = {a.id: a.text for a in WIRE}
# What may open a sentence of wire copy but never a summary sentence, nor make one up.
FURNITURE = re.compile(
    r"HARBOR TOWN|BEIJING|NEW YORK|WASHINGTON|\((?:AP|Reuters|Xinhua)\)|\bBY\b|\bBy [A-Z]|"
    r"N\.Y\. Times|Optional add end|NYT-|&UR;|End item|FREEDONIA OPPOSITION"
)


def opens_a_sentence(text: str, start: int) -> bool:
    """Whether a sentence starts at ``start`` of ``text``: at a paragraph's start, or after a
    sentence's end or a dateline's dash."""
    before = text[:start]
    return not before.strip() or before.endswith("\n\n") or before.rstrip().endswith(
        (".", "!", "?", "''", '"', "_", "-"))


@pytest.fixture(scope="module")
def documents() -> list[tuple[Sentence, ...]]:
    return split_sentences(WIRE)


def test_hard_wrapped_lines_join_but_titles_bylines_and_sentence_ends_keep_their_break() -> None:
    ap, nyt, _, reuters = (a.text for a in WIRE)
    assert "parties said Tuesday they would boycott the new parliament unless the ruling party "\
           "agreed to an independent inquiry" in ap
    assert "without a government for six weeks.\n``We will not sit" in ap
    assert "on Nov. 12.\n(Optional add end)" in ap
    assert nyt.startswith("BY PETER LANGE\nc.1998 N.Y. Times News Service\nHARBOR TOWN")
    assert "Associated Press Writers\nWASHINGTON _" in reuters
    assert "BOYCOTT\n\nNEW YORK" in reuters


def test_a_text_that_is_not_hard_wrapped_keeps_its_lines() -> None:
    text = ("Short title without a stop\n" + "A long paragraph that runs on and on. " * 5
            + "\nmitigation\nadaptation\ntechnology transfer")
    assert normalise_text(text).split("\n") == [line.strip() for line in text.split("\n")]


def test_a_url_on_a_line_of_its_own_keeps_its_break() -> None:
    url = "https://www.example-news.org/2025/03/04/business/calder-port-strike-enters-day-two.html"
    text = (f"{url}\nCalder strike enters second day\nDockers at Calder stayed out on Tuesday as "
            "talks with the port authority stalled again, and the union said it would not return.")
    assert normalise_text(text).split("\n") == text.split("\n")


def test_sentences_run_across_hard_line_breaks_and_keep_their_dateline(documents) -> None:  # type: ignore[no-untyped-def]
    texts = {s.text for doc in documents for s in doc}
    for sentence in (
        "HARBOR TOWN, Freedonia (AP) _ Freedonia's two main opposition parties said Tuesday "
        "they would boycott the new parliament unless the ruling party agreed to an independent "
        "inquiry into last month's disputed election.",
        "HARBOR TOWN, Freedonia _ The opposition's threat to boycott parliament leaves Prime "
        "Minister Oskar Brandt facing the hardest choice of his long career: accept an inquiry "
        "into the election or govern alone with a thin majority.",
        "BEIJING, Nov. 3 (Xinhua) -- The opposition parties of Freedonia announced on Tuesday "
        "that they would boycott the new parliament unless an independent inquiry into the "
        "election was held.",
        "WASHINGTON _ The State Department urged Freedonia's parties to settle their dispute "
        "through dialogue and said it supported an independent inquiry into the election.",
        "The opposition won 58 seats -- short of a majority -- and says it was cheated of at "
        "least ten more seats in the three disputed northern provinces.",
        "Diplomats in the capital said the king had urged both sides to meet before the opening "
        "of parliament on Nov. 12.",
    ):
        assert sentence in texts
    assert all(count_words(t) > 2 or not t.endswith(("_", "--")) for t in texts)


def test_a_semicolon_or_a_lower_cased_datelines_dash_ends_no_sentence() -> None:
    """The parser ended a sentence at "Tuesday;" (a half that, no body sentence alone, was lost)
    and at a lower-cased dateline's "ore." (the rest opened on its dash); a line of its own
    that opens on a dash stays one."""
    text = ("The three workers were named on Thursday.\n\n"
            "Reyes and Price died at the scene on Tuesday; Kowalczyk died in hospital early "
            "Wednesday.\n\nriverton, ore. — a fire tore through the plant early tuesday, "
            "killing two workers, officials said.\n— A line opening on a dash stays its own.")
    sentences = analyse_article(Article("feed", text)).sentences  # the full parse's sentences
    assert [s.text for s in sentences] == [
        "The three workers were named on Thursday.",
        "Reyes and Price died at the scene on Tuesday; Kowalczyk died in hospital early "
        "Wednesday.",
        "riverton, ore. — a fire tore through the plant early tuesday, killing two workers, "
        "officials said.",
        "— A line opening on a dash stays its own."]


def test_datelines_bylines_and_wire_tags_never_open_or_make_up_a_candidate(documents) -> None:  # type: ignore[no-untyped-def]
    candidates = make_candidates([s for doc in documents for s in doc])
    assert len({c.sentence for c in candidates}) >= 12  # the wrapped sentences are all there
    for candidate in candidates:
        assert not FURNITURE.search(candidate.text), candidate.text
        assert candidate.words == count_words(candidate.text)  # the dateline is not counted


def test_half_a_quotation_is_a_fragment(documents) -> None:  # type: ignore[no-untyped-def]
    candidates = " ".join(c.text for c in make_candidates([s for doc in documents for s in doc]))
    assert "We will wait for the inquiry" not in candidates
    assert "We will not sit" not in candidates


@pytest.mark.parametrize("budget", [40, 60, 100])
def test_wire_summary_is_sentences_without_furniture_within_the_budget(
    documents, budget: int  # type: ignore[no-untyped-def]
) -> None:
    spans = summarize(documents, words=budget)
    assert spans and sum(count_words(s.text) for s in spans) <= budget
    for span in spans:
        assert not FURNITURE.search(span.text)
        (whole,) = [s for doc in documents for s in doc
                    if s.doc == span.doc and s.start <= span.start and span.end <= s.end]
        assert is_extractable(whole)  # not a fragment, and the span is all of it but
        assert opens_a_sentence(TEXT[span.doc], span.start), whole.text
        assert span.text[0].isupper() or span.text.startswith("``")  # a dateline before it
        assert span.end == whole.end or whole.text[span.end - whole.start :].startswith(", ")

def test_eval_summarize_on_wire_copy_writes_exactly_the_budget(tmp_path: Path) -> None:
    raw = [AP, NYT, XINHUA, REUTERS]  # as the JSONL would hold them, before normalisation
    data = tmp_path / "wire.jsonl"
    data.write_text(json.dumps({"cluster_id": "D30001", "documents": raw,
                                "references": REFERENCES}) + "\n", encoding="utf-8")
    report = evaluate_summaries(data, 100, tmp_path / "out", baselines=(), progress=False)
    summary = (tmp_path / "out" / "D30001.txt").read_text(encoding="utf-8").splitlines()
    assert 80 <= sum(count_words(line) for line in summary) <= 100
    assert not any(FURNITURE.search(line) for line in summary)
    for line in summary:
        (text,) = [a.text for a in WIRE if line in a.text]
        assert opens_a_sentence(text, text.index(line)), line
    assert report.systems[0].recall["rouge2"] > 0.2


@pytest.mark.parametrize(("text", "kept"), [
    ("By JOHN SMITH Associated Press Writer WASHINGTON (AP) _ The Senate voted 61 to 38 on "
     "Thursday to approve the farm budget.",
     "The Senate voted 61 to 38 on Thursday to approve the farm budget."),
    ("By MARY JONES c.1998 N.Y. Times News Service WASHINGTON _ The Senate approved the farm "
     "budget on Thursday by a wide margin.",
     "The Senate approved the farm budget on Thursday by a wide margin."),
    ("c.1998 N.Y. Times News Service WASHINGTON _ The Senate approved the farm budget on "
     "Thursday by a wide margin.",
     "The Senate approved the farm budget on Thursday by a wide margin."),
    ("WASHINGTON (AP) _ He said the Senate approved the farm budget on Thursday by a wide margin.",
     None),
    ("FILE - In this May 4, 2001, file photo, the senator looks at a battery of cameras in "
     "Washington.", None),
    ("By the end of the day the Senate had approved the farm budget by a wide margin.",
     "By the end of the day the Senate had approved the farm budget by a wide margin."),
])
def test_copy_without_line_breaks_loses_its_byline_and_is_judged_after_its_dateline(
    text: str, kept: str | None
) -> None:
    candidates = make_candidates([Sentence("w", 0, 0, len(text), text)], trim=False)
    assert [c.text for c in candidates] == ([kept] if kept else [])


def test_a_long_headline_over_a_byline_in_hard_wrapped_copy_keeps_its_line() -> None:
    text = ("Dockers at Calder stay out as port talks stall for a third day\n"
            "By Jane Porter\n\n"
            "Dockers at Calder stayed out on Tuesday as talks with the port\n"
            "authority stalled again, and the union said it would not return\n"
            "to work until the pay offer was raised.\n")
    lines = normalise_text(text).split("\n")
    assert lines[:2] == ["Dockers at Calder stay out as port talks stall for a third day",
                         "By Jane Porter"]
    assert lines[3].startswith("Dockers at Calder stayed out on Tuesday as talks with the port "
                               "authority")
