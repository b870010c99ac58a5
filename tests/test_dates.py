"""Time read right: weekdays, year-less dates and durations against the article's date; header
dates in Markdown; and one reader for every date given to newsprism (article metadata, ingest,
`--since`, the API), with one message for a day that does not exist."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsprism.analyse import analyse_article
from newsprism.cli import app
from newsprism.corpus import ingest_paths
from newsprism.ingest import read_bytes
from newsprism.model import Article
from newsprism.store import open_store
from newsprism.web import create_app

runner = CliRunner()
BAD_DAY = "date '2019-02-30' is not a real date (February 2019 has 28 days); write it as YYYY-MM-DD"


# An article dated Tuesday 2025-03-04 (or Monday 2025-03-03, or undated), what it says, and
# every date expression read from it with its value; a duration is none.
CASES = {
    "a weekday is the latest such day on or before the article's date": (
        "2025-03-04", "The union walked out on Tuesday after talks failed on Sunday.",
        {"Tuesday": "2025-03-04", "Sunday": "2025-03-02"}),
    "the article's own weekday is its date": (
        "2025-03-03", "Dockworkers walked off the job on Monday.", {"Monday": "2025-03-03"}),
    "a verb in the future or next: after the article's date; last: before it": (
        "2025-03-04", "The union will meet the port authority on Friday. Talks resume next "
        "Tuesday. The strike began last Tuesday.",
        {"Friday": "2025-03-07", "next Tuesday": "2025-03-11", "last Tuesday": "2025-02-25"}),
    "a weekday told ahead in the past, or by 'is to', is ahead; 'would have' and a month not": (
        "2025-03-04", "The governor said she would visit the site on Wednesday. The minister is "
        "to tour the port on Friday. He would have turned 50 on Sunday. The union said the "
        "contract would end on March 1.",
        {"Wednesday": "2025-03-05", "Friday": "2025-03-07", "Sunday": "2025-03-02",
         "March 1": "2025-03-01"}),
    "a page's time stamp line is the article's date, none of its events": (
        "2025-03-04", "Updated Tuesday 4 March 2025\n\nThe union walked out on Tuesday.",
        {"Tuesday": "2025-03-04"}),
    "a date in a clause without a verb": (
        "2025-03-04", "Port strike talks on Tuesday", {"Tuesday": "2025-03-04"}),
    "a duration is no date": (
        "2025-03-04", "The union has waited two years. Workers stayed out for a second day. "
        "The dispute could last for three weeks.", {}),
    "undated: relative dates unresolved, a year-less date as it is, durations out": (
        None, "The union walked out on Tuesday, a day after talks failed yesterday. Ships were "
        "diverted last week. The contract expired on April 25. Workers stayed out for a second "
        "day.",  # "a second day" was the month and day the program ran
        {"Tuesday": None, "yesterday": None, "last week": None, "April 25": "--04-25"}),
    "an ordinal period, another day, recent days and an age are no dates": (
        "2025-03-04", "As the strike entered its 24th day on Tuesday, its fourth week, the "
        "23-day-old dispute saw another day of pickets. Talks stalled in recent days.",
        {"Tuesday": "2025-03-04"}),
    "a date ends at a bracket: a caption's glued credit is no part of it": (
        None, "Dockworkers in Rotterdam, July 31,2014.(Reuters)", {"July 31,2014": "2014-07-31"}),
    "a year-less date takes the article's year, or the one before when months ahead": (
        "2025-03-04", "The contract expired on December 20. A ballot is planned for May 12, "
        "and the union last struck on March 3.",
        {"December 20": "2024-12-20", "May 12": "2025-05-12", "March 3": "2025-03-03"}),
    "a score, a game's periods, a season's length and an age are no dates": (
        None, "The Tar Heels were beaten at home by Boston College, 85-78, on Sunday. He broke "
        "the record midway through the first half. The Jaguars led for three quarters and have "
        "struggled all season. Felt, who died at age 95, joined the FBI in January 1942.",
        {"Sunday": None, "January 1942": "1942-01"}),
    "a year that dateparser cannot read whole is still that year": (
        None, "He left the bureau in summer 1972 and retired in early 1974.",
        {"summer 1972": "1972", "early 1974": "1974"}),
    "a date ends before the name of what it dates": (
        None, "He recalled the 2008 Olympic Games fondly.", {"2008": "2008"}),
    "the story's own year and an annual meeting are no dates": (
        "2016-04-14", "Shareholders met at the annual general meeting on Thursday. His bonus for "
        "the year rose.", {"Thursday": "2016-04-14"}),
    "a name the NER takes for a date is none: a comet's, a programme's after a possessive": (
        "2018-01-31", "Comet 46P passed close by. She told the BBC's Today programme that pay "
        "was high. Freebairn told Today: it was wrong. Today the board met.",
        {"Today": "2018-01-31"}),
    "a time no day anchors dates nothing; a named or relative one stays": (
        None, "It was a difficult year for BP. The century was long. On Christmas he left. He "
        "joined in the late nineteen fifties.",
        {"Christmas": None, "the late nineteen fifties": None}),
    "a decade of someone's life is an age, no date; a decade of history stays": (
        None, "The woman is in her 20s or 30s. The men are in their late 40s. He was in his "
        "mid-50s. Music of the 1960s sold well.", {"the 1960s": "196"}),
    "a weekday ahead may be the article's own day: the day's name stands for 'today'": (
        "2025-03-08", "The Rovers will play the Saturday semifinal against the winner of "
        "Friday's quarterfinal. The final is scheduled for Sunday.",
        {"Saturday": "2025-03-08", "Friday": "2025-03-07", "Sunday": "2025-03-09"}),
    "a postponement until a weekday is ahead; a plan told in the past perfect is not": (
        "2025-03-06", "A witness had expected to testify on Thursday, but the judge adjourned "
        "the hearing until Monday. His evidence was delayed until Tuesday.",
        {"Thursday": "2025-03-06", "Monday": "2025-03-10", "Tuesday": "2025-03-11"}),
    "a weekday of some week the article does not place is no day of it": (
        "2025-03-04", "The shots were fired on a Friday afternoon as school let out. The mayor "
        "spoke in a Monday statement.", {"Friday": None, "Monday": "2025-03-03"}),
    "a part of an event before its weekday is that weekday's": (
        "2025-03-08", "The centre went scoreless in the first half Friday.",
        {"the first half Friday": "2025-03-07"}),
    "a time of a named day is that day; a programme's name is none": (
        "2025-03-04", "The court met this morning. Police were called last night. The fire "
        "started on Sunday night. She told ABC's World News Tonight she would stay.",
        {"this morning": "2025-03-04", "last night": "2025-03-03", "Sunday night": "2025-03-02"}),
    "a count, a clock or an age the NER calls a date is none, its hyphens spaced too": (
        "2025-03-04", "He scored the next six points. He was the first trustee under 40 and "
        "joined before the age of 40. He scored with 4:43 left. A 23 - year - old man was held "
        "on Monday.", {"Monday": "2025-03-03"}),
    "a year-less date half a year ahead is this year's, as news names another year": (
        "2025-06-12", "A trial date was set for October 28. The plea hearing is in September.",
        {"October 28": "2025-10-28", "September": "2025-09"}),
}


@pytest.mark.parametrize("case", CASES)
def test_dates_in_the_text(case: str) -> None:
    date, text, expected = CASES[case]
    found = analyse_article(Article("d", text, date=date)).dates
    assert {d.text: d.value for d in found} == expected


# --- header dates --------------------------------------------------------------------------

def test_emphasis_wrapped_markdown_header_lines_are_read() -> None:
    markdown = ("# Strike enters second day\n\n*Publication: Northern Courier*\n"
                "*Date: 2025-03-04*\n**Author:** Jo Bloggs\n\nWorkers stayed out on Tuesday.\n")
    (article,) = read_bytes(markdown.encode(), "courier.md").articles
    assert (article.outlet, article.date, article.author) == (
        "Northern Courier", "2025-03-04", "Jo Bloggs")
    # The header's date is the article's own, not an event in its timeline.
    assert [d.text for d in analyse_article(article).dates] == ["Tuesday"]


# Stamps as archived pages print them: a clock time after the day, the month as a number.
ARCHIVE_STAMPS = {
    "Published: Dec. 19, 2005 at 9:44 PM": "2005-12-19",
    "Published: Tuesday, Dec. 20 2005 12:00 a.m. MST": "2005-12-20",
    "Posted 12/19/2005 3:36 PM": "2005-12-19",
    "updated 19/12/2005 14:48 GMT": "2005-12-19",
    "Posted 03/03/2005 9:00 AM": "2005-03-03",
    "Published: 2005/12/19": "2005-12-19",
}


@pytest.mark.parametrize("stamp", ARCHIVE_STAMPS)
def test_an_archive_pages_stamp_dates_it_and_is_neither_title_nor_statement(stamp: str) -> None:
    """The day of a stamp is read past its clock time ("at 9:44 PM", "a.m. MST"), a numeric day
    whichever of day and month comes first when only one reading is a day; the stamp line is
    not the headline, and states no fact."""
    text = (f"Mob boss dies in prison at 77\n\n{stamp}\n\nThe mob boss died on Monday in a "
            "federal prison in Springfield, officials said.\n")
    (article,) = read_bytes(text.encode(), "obit.txt").articles
    assert (article.title, article.date) == ("Mob boss dies in prison at 77",
                                             ARCHIVE_STAMPS[stamp])
    statements = [s.text for s in analyse_article(article).statements]
    assert statements == ["The mob boss died on Monday in a federal prison in Springfield, "
                          "officials said."]


def test_a_stamp_between_a_place_and_an_agency_dates_the_article() -> None:
    """A news agency's page prints the place, the day and clock, and its own name on one line:
    the day dates the article, so its "Monday" is a day, and the line is no statement."""
    text = ("Council names a new harbour master\n\nPort Ellen D. C., Jul 13, 2009/02:00 pm (RNA)"
            "\n\nThe council named its new harbour master in a Monday statement.\n")
    (article,) = read_bytes(text.encode(), "harbour.txt").articles
    assert article.date == "2009-07-13"
    assert {d.text: d.value for d in analyse_article(article).dates} == {"Monday": "2009-07-13"}


def test_a_numeric_day_that_reads_both_ways_is_dropped_with_a_warning() -> None:
    """"03/04/2005" is 4 March in the US and 3 April in most other places: newsprism says so
    rather than guess."""
    ingested = read_bytes(b"Date: 03/04/2005\n\nThe port reopened on Friday.\n", "port.txt")
    assert ingested.articles[0].date is None
    assert [p.problem for p in ingested.problems] == [
        "date '03/04/2005' reads two ways (3/4 may be month/day or day/month); write it as "
        "YYYY-MM-DD; kept without a date"]


# --- a day that does not exist, wherever it is given ---------------------------------------

def test_brief_drops_an_impossible_date_with_one_warning_line(tmp_path: Path) -> None:
    path = tmp_path / "gazette.txt"
    path.write_text("Port strike\n\nDate: 2019-02-30\n\nDockworkers walked off the job.\n")
    result = runner.invoke(app, ["brief", str(path), "-f", "json"])
    assert result.exit_code == 0  # a warning: the article was read and briefed, as ingest says
    assert result.stderr.strip().splitlines() == [
        f"warning: {path}: {BAD_DAY}; kept without a date"]
    assert json.loads(result.stdout)["documents"][0]["date"] is None


def test_ingest_gives_the_same_message_and_stores_the_article_undated(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"id": "n1", "text": "Talks failed.", "date": "2019-02-30"}))
    with open_store(f"sqlite:///{tmp_path / 'c.db'}") as store:
        report = ingest_paths([path], store)
        assert report.warnings == [f"{path}:1: {BAD_DAY}; kept without a date"]
        assert report.ok and store.articles.get("n1").date is None


@pytest.mark.parametrize("command", [["stories"], ["search", "strike"]])
def test_an_impossible_since_is_a_usage_error(tmp_path: Path, command: list[str]) -> None:
    db = f"sqlite:///{tmp_path / 'c.db'}"
    result = runner.invoke(app, [*command, "--db", db, "--since", "2019-02-30"])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: --since: {BAD_DAY}"


@pytest.fixture
def api(tmp_path: Path) -> Iterator[TestClient]:
    with open_store(f"sqlite:///{tmp_path / 'w.db'}") as store, \
            TestClient(create_app(store)) as client:
        yield client


@pytest.mark.parametrize("route, name, other", [("/api/stories", "date", {}),
                                                ("/api/stories", "since", {}),
                                                ("/api/search", "until", {"q": "strike"})])
def test_the_api_answers_an_impossible_date_with_422(
    api: TestClient, route: str, name: str, other: dict
) -> None:
    response = api.get(route, params={**other, name: "2019-02-30"})
    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["loc"][-1] == name and error["msg"].endswith(BAD_DAY)
    assert api.get(route, params={**other, name: "2019-02-28"}).status_code == 200
