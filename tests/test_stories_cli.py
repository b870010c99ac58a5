"""Stories as a media-monitoring team meets them: ingest every hour, list the stories, brief
one; a story keeps its id as new articles join it, across separate ingest runs."""

from __future__ import annotations

import json
import shutil

import numpy as np
from typer.testing import CliRunner

from conftest import HARBOUR, VLADIVOSTOK
from newsprism.cli import app
from newsprism.render import validate_briefing_json
from newsprism.store import open_store

runner = CliRunner()


def _ingest(db: str, *paths) -> None:
    result = runner.invoke(app, ["ingest", *map(str, paths), "--db", db])
    assert result.exit_code == 0, result.output


def _memberships(db: str) -> dict[str, str]:
    with open_store(db) as store:
        stories = store.stories.latest()
        return {article: story.id for story in stories for article in story.article_ids}


def test_each_event_becomes_one_story_that_keeps_its_id_across_runs(tmp_path):
    if not VLADIVOSTOK.is_dir():
        import pytest

        pytest.skip("../shared/examples is not beside the repository")
    db = f"sqlite:///{tmp_path / 'corpus.db'}"
    first_hour = tmp_path / "first"
    first_hour.mkdir()
    for name in ("gazette.txt", "coastal-times.html"):
        shutil.copy(HARBOUR / name, first_hour / name)
    _ingest(db, first_hour, VLADIVOSTOK)
    before = _memberships(db)
    assert before["gazette"] == before["coastal-times"]
    assert len(set(before.values())) == 2

    _ingest(db, HARBOUR / "courier.md")  # the next hour: a follow-up from a third outlet
    after = _memberships(db)
    assert after["courier"] == before["gazette"]
    assert {a: after[a] for a in before} == before  # nobody's story id changed


def test_articles_awaiting_their_second_look_are_still_waiting_after_a_restart(tmp_path):
    """Ingest saves only their ids; a new run rebuilds their profiles from the stored analyses.
    An ingest run that ends gives them their look (``StoryHook.finish``)."""
    from newsprism.corpus import analyse_batch, ingest_paths
    from newsprism.stories.persist import StoryHook

    with open_store(f"sqlite:///{tmp_path / 'corpus.db'}") as store:
        interrupted = StoryHook(store)
        ingest_paths([HARBOUR], store, analyse=analyse_batch, on_batch=interrupted)
        waiting = [(a, s) for a, s, _ in interrupted.clusterer.waiting_]
        assert len(waiting) == 3
        resumed = StoryHook(store)
        assert [(a, s) for a, s, _ in resumed.clusterer.waiting_] == waiting
        for (_, _, before), (_, _, after) in zip(interrupted.clusterer.waiting_,
                                                 resumed.clusterer.waiting_, strict=True):
            assert np.array_equal(before.embedding, after.embedding)
            assert before.bags.keys() == after.bags.keys()
        resumed.finish(store)
        assert not StoryHook(store).clusterer.waiting_


def test_a_hook_made_before_another_process_ingested_clusters_on_what_it_saved(tmp_path):
    """A server started before an hourly `newsprism ingest` run must not place its next upload
    against the stories it knew at start-up, nor save that stale state over the run's."""
    from newsprism.corpus import analyse_batch, ingest_paths
    from newsprism.stories.persist import StoryHook

    first_hour, upload = tmp_path / "first", tmp_path / "upload"
    first_hour.mkdir()
    upload.mkdir()
    for name in ("gazette.txt", "coastal-times.html"):
        shutil.copy(HARBOUR / name, first_hour / name)
    shutil.copy(HARBOUR / "courier.md", upload / "courier.md")
    with open_store(f"sqlite:///{tmp_path / 'corpus.db'}") as store:
        server = StoryHook(store)
        run = StoryHook(store)
        ingest_paths([first_hour], store, analyse=analyse_batch, on_batch=run,
                     on_end=run.finish)
        ingest_paths([upload], store, analyse=analyse_batch, on_batch=server,
                     on_end=server.finish)
        stories = store.stories.of(["gazette", "coastal-times", "courier"])
        assert set(stories.values()) == {stories["gazette"]}
        assert StoryHook(store).clusterer.seen_ == 3  # the saved state knows all three


def test_stories_lists_counts_and_story_briefs_one(tmp_path):
    db = f"sqlite:///{tmp_path / 'corpus.db'}"
    _ingest(db, HARBOUR)
    listing = runner.invoke(app, ["stories", "--db", db])
    assert listing.exit_code == 0, listing.output
    (story_id,) = set(_memberships(db).values())
    assert story_id in listing.stdout and "3" in listing.stdout

    brief = runner.invoke(app, ["story", story_id, "--db", db, "-f", "json"])
    assert brief.exit_code == 0, brief.output
    data = json.loads(brief.stdout)
    validate_briefing_json(data)
    assert {d["id"] for d in data["documents"]} == {"gazette", "coastal-times", "courier"}

    found = runner.invoke(app, ["stories", "--db", db, "--query", "dockworkers"])
    assert story_id in found.stdout
    none = runner.invoke(app, ["stories", "--db", db, "--query", "earthquake"])
    assert story_id not in none.stdout


def test_an_unknown_story_is_one_clear_error(tmp_path):
    db = f"sqlite:///{tmp_path / 'corpus.db'}"
    _ingest(db, HARBOUR / "gazette.txt")
    result = runner.invoke(app, ["story", "no-such-story", "--db", db])
    assert result.exit_code == 1
    assert "no story or storyline 'no-such-story'" in result.stderr


def test_a_limit_below_one_is_a_usage_error_not_every_row(tmp_path):
    """SQLite read "--limit -1" as no limit at all, PostgreSQL failed on it as a database
    error; it is a usage error before the database is opened."""
    db = f"sqlite:///{tmp_path / 'corpus.db'}"
    for command in (["stories"], ["search", "strike"]):
        result = runner.invoke(app, [*command, "--db", db, "--limit", "-1"])
        assert result.exit_code == 2 and "--limit" in result.output, result.output
    assert not (tmp_path / "corpus.db").exists()


def test_storylines_list_their_events_and_a_storyline_briefs_as_its_events(tmp_path):
    if not VLADIVOSTOK.is_dir():
        import pytest

        pytest.skip("../shared/examples is not beside the repository")
    db = f"sqlite:///{tmp_path / 'corpus.db'}"
    _ingest(db, HARBOUR, VLADIVOSTOK)
    with open_store(db) as store:
        lines = store.storylines.list()
        stories = store.stories.latest()
    # The strike and the summit are two topics: each event is a storyline of its own.
    assert len(lines) == 2 and sorted(len(line.event_ids) for line in lines) == [1, 1]
    assert {s.storyline_id for s in stories} == {line.id for line in lines}
    listing = runner.invoke(app, ["stories", "--db", db, "--level", "storyline"])
    assert listing.exit_code == 0, listing.output
    assert all(line.id in listing.stdout for line in lines)

    harbour = next(line for line in lines if any(
        "gazette" in s.article_ids for s in stories if s.storyline_id == line.id))
    brief = runner.invoke(app, ["story", harbour.id, "--db", db, "-f", "json"])
    assert brief.exit_code == 0, brief.output
    data = json.loads(brief.stdout)
    assert data["storyline"] == harbour.id
    assert [event["id"] for event in data["events"]] == list(harbour.event_ids)
    for event in data["events"]:
        validate_briefing_json(event["briefing"])
    terminal = runner.invoke(app, ["story", harbour.id, "--db", db])
    assert terminal.exit_code == 0 and "Event 1 of 1" in terminal.stdout
    html = runner.invoke(app, ["story", harbour.id, "--db", db, "-f", "html"])
    assert html.exit_code == 2 and "brief one of its events" in html.stderr


def test_stories_lists_an_untitled_story_by_its_opening_words_as_the_web_app_does(tmp_path):
    """A JSONL dump without titles listed blank headlines: nothing told the stories apart. The
    opening words are the report's own, after its byline or wire dateline."""
    from newsprism.corpus import ingest_articles
    from newsprism.model import Article

    db = f"sqlite:///{tmp_path / 'corpus.db'}"
    with open_store(db) as store:
        ingest_articles([Article("untitled", "By Fred Kiva\n\nThe harbour reopened on Friday "
                                 "after a week of storms had kept every ferry in port."),
                         Article("titled", "Ferries sail again.", "Ferries return"),
                         Article("wire", "NEW YORK (Reuters) - New York City residents who "
                                 "live in low-lying areas should start moving out on Friday.")],
                        store)
        store.stories.save("quiet")
        store.stories.assign_many([("untitled", "quiet")])
        store.stories.save("storm")
        store.stories.assign_many([("wire", "storm")])
        store.stories.save("busy")
        store.stories.assign_many([("titled", "busy")])
    result = runner.invoke(app, ["stories", "--db", db], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line for line in result.output.splitlines()[1:]}
    assert "The harbour reopened on Friday after a week of storms…" in rows["quiet"]
    assert "Ferries return" in rows["busy"]
    # A wire dateline is where the copy was filed, no words of the report.
    assert "New York City residents who live in low-lying areas should…" in rows["storm"]


def test_an_undated_storyline_event_is_headed_without_an_empty_date(tmp_path):
    """"Event 1 of 1: quake (, 1 articles, 1 sources)": no date, and counts in the plural."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "quake.txt").write_text(
        "A strong earthquake shook the coastal town of Pichilemu, damaging dozens of houses and "
        "cutting power to thousands, officials said.\n")
    db = f"sqlite:///{tmp_path / 'corpus.db'}"
    _ingest(db, tmp_path / "in")
    with open_store(db) as store:
        (line,) = store.storylines.list()
    result = runner.invoke(app, ["story", line.id, "--db", db, "-f", "markdown"])
    assert result.exit_code == 0, result.output
    assert "## Event 1 of 1: quake (1 article, 1 source)" in result.stdout


def test_the_story_list_gives_each_story_one_line_however_long_its_headline(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "quake.txt").write_text(
        "Strong earthquake shakes the coastal town of Pichilemu, damaging dozens of houses, "
        "cutting power to thousands and closing the port\n\n"
        "A strong earthquake shook the coastal town of Pichilemu on Tuesday, damaging dozens of "
        "houses and cutting power to thousands, officials said.\n")
    db = f"sqlite:///{tmp_path / 'corpus.db'}"
    _ingest(db, tmp_path / "in")
    for level in ("event", "storyline"):
        result = runner.invoke(app, ["stories", "--db", db, "--level", level],
                               env={"COLUMNS": "80"})
        assert result.exit_code == 0, result.output
        header, row = result.stdout.rstrip("\n").split("\n")
        assert "articles  sources" in header
        assert row.rstrip().endswith("…") and "Strong earthquake shakes" in row
        assert row.split()[1:3 if level == "event" else 4] == ["1"] * (2 if level == "event" else 3)
