"""`ingest_paths` and `newsprism ingest`/`search`: idempotent, resumable, bad input reported."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.corpus import ingest_articles, ingest_paths
from newsprism.errors import StoreError
from newsprism.ingest import read_bytes, read_record
from newsprism.model import Article
from newsprism.store import Store, open_store
from newsprism.store.sqlite import SQLiteDatabase

pytest_plugins = ["_stores"]  # store and store_url fixtures, on both backends

TOPICS = ["harbour", "railway", "museum", "vineyard", "observatory", "library", "bakery", "glacier"]


def news(i: int) -> dict:
    """A distinct small article (no two share enough wording to count as copies)."""
    topic, other = TOPICS[i % len(TOPICS)], TOPICS[(i * 3 + 1) % len(TOPICS)]
    text = (
        f"Officials in district {i} said on Monday that the {topic} would close for {i % 7 + 2} "
        f"weeks of repairs. The {other} nearby is expected to stay open, residents number {i * 37} "
        f"told reporters. Work on the {topic} began after inspection report {i * 11} found damage."
    )
    return {"id": f"n{i}", "title": f"{topic} {i}", "text": text, "date": "2024-05-01",
            "outlet": f"Outlet {i % 5}"}  # fmt: skip


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


def stored_ids(store: Store) -> list[str]:
    return [a.id for a in store.articles.since()]


def test_ingesting_the_same_input_twice_stores_nothing_twice(store: Store, tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "a.jsonl", [news(i) for i in range(12)])
    first = ingest_paths([source], store, batch_size=5)
    again = ingest_paths([source, tmp_path], store, batch_size=5)
    assert (first.saved, first.unchanged, first.problems) == (12, 0, [])
    assert (again.saved, again.unchanged, again.problems) == (0, 24, [])
    assert sorted(stored_ids(store)) == sorted(f"n{i}" for i in range(12))
    hit = store.search.text("harbour repairs")[0]
    assert store.articles.get(hit.article).text[hit.start : hit.end] == hit.text


def test_articles_already_read_are_ingested_like_files_with_their_read_problems(
    store: Store, tmp_path: Path
) -> None:
    data = "".join(json.dumps(news(i)) + "\n" for i in range(3)) + "{cut"
    read = read_bytes(data.encode(), "upload.jsonl")
    first = ingest_articles(read.articles, store, problems=read.problems, batch_size=2)
    assert (first.read, first.saved, len(first.problems)) == (3, 3, 1)
    assert first.problems[0].startswith("upload.jsonl:4: invalid JSON")
    assert store.articles.get("n1").path == "upload.jsonl:2"  # named by the upload, no temp path
    posted = read_record({"id": "p1", "text": "  A posted   article.  ", "date": "May 2, 2024"},
                         "the posted article")  # fmt: skip
    again = ingest_articles([*read.articles, *posted.articles], store)
    assert (again.saved, again.unchanged) == (1, 3)
    assert store.articles.get("p1") == Article("p1", "A posted article.", date="2024-05-02")
    bad = read_record({"id": "p2", "html": "<p></p>"}, "the posted article")
    assert [str(p) for p in bad.problems] == [
        "the posted article: no article text found in its 'html'"
    ]


def test_same_id_with_other_text_is_a_one_line_error_and_the_stored_text_stays(
    store: Store, tmp_path: Path
) -> None:
    write_jsonl(tmp_path / "a.jsonl", [news(1)])
    changed = write_jsonl(tmp_path / "b.jsonl", [{**news(1), "text": "A rewritten story."}])
    ingest_paths([tmp_path / "a.jsonl"], store)
    report = ingest_paths([changed], store)
    (problem,) = report.problems
    assert problem.startswith(
        f"{changed}:1: duplicate id: article id 'n1' is already stored with different"
    )
    assert "\n" not in problem and not report.ok
    assert store.articles.get("n1").text == news(1)["text"]


def test_future_and_unparseable_dates_are_warnings_and_no_date(
    store: Store, tmp_path: Path
) -> None:
    records = [{**news(1), "date": "2031-02-03"}, {**news(2), "date": "the day after"}, news(3)]
    report = ingest_paths([write_jsonl(tmp_path / "d.jsonl", records)], store,
                          today=date(2024, 6, 1))  # fmt: skip
    assert report.saved == 3 and report.ok
    assert any("2031-02-03 is in the future" in w for w in report.warnings)
    assert {a.id: a.date for a in store.articles.since()} == {
        "n1": None, "n2": None, "n3": "2024-05-01"
    }


def test_a_cut_off_jsonl_file_gives_its_readable_lines_and_reports_the_cut(
    store: Store, tmp_path: Path
) -> None:
    whole = "".join(json.dumps(news(i)) + "\n" for i in range(4))
    cut = tmp_path / "cut.jsonl"
    cut.write_text(whole[: whole.rindex('"text"') + 20])  # the last line stops mid-string
    report = ingest_paths([cut], store)
    assert report.saved == 3 and sorted(stored_ids(store)) == ["n0", "n1", "n2"]
    (problem,) = report.problems
    assert problem.startswith(f"{cut}:4: invalid JSON")


def test_a_failing_batch_hook_leaves_that_batch_unwritten(store: Store, tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "a.jsonl", [news(i) for i in range(6)])
    batches = []

    def cluster(store: Store, articles: list[Article], analyses: object) -> None:
        batches.append([a.id for a in articles])
        store.stories.save(f"s{len(batches)}")
        for item in articles:
            store.stories.assign(item.id, f"s{len(batches)}")
        if len(batches) == 2:
            raise RuntimeError("clusterer crashed")

    with pytest.raises(RuntimeError):
        ingest_paths([source], store, batch_size=3, on_batch=cluster)
    assert stored_ids(store) == ["n0", "n1", "n2"] and store.stories.get("s2") is None
    assert store.stories.of(stored_ids(store)) == dict.fromkeys(["n0", "n1", "n2"], "s1")
    resumed = ingest_paths([source], store, batch_size=3, on_batch=lambda *args: None)
    assert (resumed.saved, resumed.unchanged) == (3, 3)


def test_a_locked_database_stops_ingest_with_a_clear_error_and_writes_nothing(
    tmp_path: Path,
) -> None:
    source = write_jsonl(tmp_path / "a.jsonl", [news(i) for i in range(3)])
    path = tmp_path / "corpus.db"
    SQLiteDatabase(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    with Store(SQLiteDatabase(path, timeout=0.2)) as store:
        with pytest.raises(StoreError, match="database is locked"):
            ingest_paths([source], store, index=False)
        other.execute("ROLLBACK")
        assert store.articles.count() == 0


def test_killed_ingest_resumes_to_exactly_the_input_each_article_once(
    store_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    total = 120
    for part in range(0, total, 20):
        write_jsonl(folder / f"part{part:04d}.jsonl", [news(i) for i in range(part, part + 20)])
    command = [sys.executable, "-c", "from newsprism.cli import app; app()", "ingest",
               str(folder), "--db", store_url, "--batch-size", "4"]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    with open_store(store_url) as watcher:
        deadline = time.monotonic() + 120
        while watcher.articles.count() < 8 and process.poll() is None:
            assert time.monotonic() < deadline, "ingest made no progress"
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait()
        partial = watcher.articles.count()
    assert 0 < partial < total, f"killed after {partial} articles: not mid-way"
    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    with open_store(store_url) as store:
        ids = stored_ids(store)
        assert sorted(ids) == sorted(f"n{i}" for i in range(total))  # each once
        indexed = store.db.execute("SELECT count(DISTINCT article_id) FROM sentences")[0][0]
        assert indexed == total  # nothing half-written: every article has its search index
    assert f"{total - partial} new" in rerun.stderr and f"{partial} already stored" in rerun.stderr


def test_cli_ingest_and_search(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'c.db'}"
    records = [news(i) for i in range(5)] + [{**news(0), "id": "copy-of-n0", "outlet": "Reprint"}]
    source = write_jsonl(tmp_path / "a.jsonl", records)
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(source), "--db", db])
    assert result.exit_code == 0, result.output
    assert "6 new (1 copy of an original)" in result.output
    found = runner.invoke(app, ["search", "observatory repairs", "--db", db])
    assert found.exit_code == 0 and "n" in found.output and "Reprint" not in found.output
    assert "would close for" in found.output
    semantic = runner.invoke(app, ["search", "closing for repair work", "--semantic", "--db", db])
    assert semantic.exit_code == 0 and "[" in semantic.output
    bad = runner.invoke(app, ["ingest", str(tmp_path / "missing.jsonl"), "--db", db])
    assert bad.exit_code == 1 and "no such file" in bad.output


def test_analyses_are_stored_with_the_articles_and_read_back_whole(
    store: Store, tmp_path: Path
) -> None:
    from newsprism.corpus import analyse_batch

    quote = {"id": "q1", "date": "2024-05-02", "text": (
        'Mayor Ana Lopez said on Tuesday that the harbour would reopen on June 3. "We expect '
        'about 40,000 visitors this summer," Lopez told reporters in Valparaiso.'
    )}  # fmt: skip
    source = write_jsonl(tmp_path / "a.jsonl", [quote, news(1)])
    report = ingest_paths([source], store, analyse=analyse_batch)
    assert report.saved == 2 and report.ok
    stored = store.analyses.get("q1")
    (fresh,) = analyse_batch([store.articles.get("q1")])()
    assert stored == fresh and stored.quotes and stored.mentions
    hit = store.search.text("visitors summer")[0]
    assert hit.article == "q1" and "40,000 visitors" in hit.text


def test_ingest_analyses_the_next_batch_ahead_but_stores_each_article_once(
    store: Store, tmp_path: Path
) -> None:
    from newsprism.analyse import analyse_articles

    analysed: list[list[str]] = []

    def analyse(articles: list[Article]):  # returns a wait function, as analyse_batch does
        analysed.append([a.id for a in articles])
        return lambda: list(analyse_articles(articles))

    sources = [write_jsonl(tmp_path / "a.jsonl", [news(i) for i in range(5)]),
               write_jsonl(tmp_path / "b.jsonl", [news(i) for i in (0, 5, 6, 7)])]  # fmt: skip
    first = ingest_paths(sources, store, batch_size=3, analyse=analyse)
    # n0 comes again in the second batch, whose analysis started before the first was saved.
    assert analysed == [["n0", "n1", "n2"], ["n3", "n4", "n0"], ["n5", "n6", "n7"]]
    assert (first.saved, first.unchanged, first.problems) == (8, 1, [])
    assert sorted(stored_ids(store)) == [f"n{i}" for i in range(8)]
    assert store.analyses.get("n7").article.id == "n7"
    analysed.clear()
    again = ingest_paths(sources, store, batch_size=3, analyse=analyse)
    assert (again.saved, again.unchanged) == (0, 9)
    assert analysed == [[], [], []]  # a rerun analyses nothing it has stored


def test_ingest_progress_counts_articles_dealt_with_as_each_batch_is_saved(tmp_path):
    """One JSONL dump is one input: a bar over the inputs stood still for the whole ingest,
    and at its end while the articles were analysed. It counts the articles read and dealt
    with, anew as each batch is saved."""
    from newsprism.corpus import _ingest
    from newsprism.ingest import read_articles

    dump = tmp_path / "dump.jsonl"
    dump.write_text("".join(json.dumps({"id": f"a{n}", "text": f"Report number {n} of the "
                                        "harbour strike, filed on Monday."}) + "\n"
                            for n in range(5)))
    shown: list[tuple[int, int]] = []
    with open_store(f"sqlite:///{tmp_path / 'corpus.db'}") as store:
        _ingest([read_articles([dump])], store, analyse=None, on_batch=None, on_end=None,
                 index=False, batch_size=2, finder=None, today=None,
                 advance=lambda report: shown.append((report.done, report.read)))
    # a batch is saved while the next is analysed: the first when four are read, the file
    # read to its end, then the last two batches, then the end of the run
    assert shown == [(2, 4), (2, 5), (4, 5), (5, 5), (5, 5)]


def test_cli_search_articles_shows_an_untitled_article_by_its_opening_words(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'c.db'}"
    source = write_jsonl(tmp_path / "a.jsonl", [
        {"id": "untitled", "text": "the observatory on the hill will close for two years of "
                                   "repairs, the county said on monday, and staff will move."},
        {"id": "titled", "title": "Observatory to close",
         "text": "The observatory will close for repairs, the county said."},
    ])
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(source), "--db", db, "--no-analyse"]).exit_code == 0
    found = runner.invoke(app, ["search", "observatory", "--articles", "--db", db])
    assert found.exit_code == 0, found.output
    lines = found.output.splitlines()
    shown = {lines[n].split()[1]: lines[n + 1].strip() for n in range(0, len(lines) - 1, 2)}
    assert shown == {"untitled": "the observatory on the hill will close for two years…",
                     "titled": "Observatory to close"}
