"""Bad input and faults (issue 19): each is made here on data the test writes, and answered by a
one-line message naming the input and what to do, the documented exit code (0 all done, 1 some
inputs failed, 2 usage or fatal), the rest of the batch going on, and nothing stored lost or
stored twice."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.corpus import ingest_articles, ingest_paths
from newsprism.dedup import DuplicateFinder
from newsprism.errors import StoreError
from newsprism.ingest import read_articles, read_bytes
from newsprism.model import Article
from newsprism.store import Store, open_store

pytest_plugins = ["_stores"]  # store and store_url fixtures, on both backends
runner = CliRunner()
PLACES = ["harbour", "railway", "museum", "vineyard", "observatory", "library", "bakery", "dam"]


def news(i: int, **changes: str) -> dict:
    """A small English article of its own (no two are copies of each other)."""
    place, other = PLACES[i % len(PLACES)], PLACES[(i * 3 + 1) % len(PLACES)]
    text = (f"Officials in district {i} said on Monday that the {place} would close for "
            f"{i % 7 + 2} weeks of repairs. The {other} nearby is expected to stay open, "
            f"resident number {i * 37} told reporters. Work began after report {i * 11} found "
            "damage to the walls and the roof.")  # fmt: skip
    return {"id": f"n{i}", "title": f"{place} {i}", "text": text, "outlet": f"Outlet {i % 4}",
            **changes}  # fmt: skip


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def stored(store: Store) -> list[str]:
    return sorted(a.id for a in store.articles.since())


def lines(output: str, needle: str) -> list[str]:
    return [line for line in output.splitlines() if needle in line]


def adds_up(report) -> bool:  # type: ignore[no-untyped-def]
    return report.read == report.saved + report.unchanged + report.refused


# --- 1. the same article id in two inputs ------------------------------------------------------


def test_the_same_id_in_two_inputs_is_one_line_each_and_the_rest_is_stored(tmp_path: Path) -> None:
    # Two overlapping daily dumps in one batch: n3..n5 are in both (same text), and n6 comes
    # again with other text. The overlap once stopped the whole ingest on the sentence index.
    first = write_jsonl(tmp_path / "monday.jsonl", [news(i) for i in range(7)])
    clash = {**news(6), "text": news(6)["text"].replace("walls", "bridges")}
    second = write_jsonl(tmp_path / "tuesday.jsonl", [news(i) for i in range(3, 6)]
                         + [clash] + [news(i) for i in range(7, 10)])  # fmt: skip
    db = f"sqlite:///{tmp_path / 'c.db'}"
    result = runner.invoke(app, ["ingest", str(first), str(second), "--db", db, "--no-analyse"])
    assert result.exit_code == 1, result.output
    (problem,) = lines(result.output, "error:")
    assert f"{second}:4: duplicate id: article id 'n6' is already read from {first}:7" in problem
    assert "give it another id" in problem
    assert "14 read: 10 new (0 copies of an original), 3 already stored, 1 refused" in result.output
    with open_store(db) as store:
        assert stored(store) == sorted(f"n{i}" for i in range(10))
        assert "walls" in store.articles.get("n6").text  # the first read is kept
        indexed = store.db.execute("SELECT article_id, count(*) FROM sentences GROUP BY article_id")
        assert len(indexed) == 10 and all(count == 3 for _, count in indexed)  # once each
    # The check is against the store too: a rerun stores nothing twice and reports the clash.
    again = runner.invoke(app, ["ingest", str(second), "--db", db, "--no-analyse"])
    assert again.exit_code == 1 and "7 read: 0 new" in again.output
    assert "6 already stored, 1 refused" in again.output
    (problem,) = lines(again.output, "error:")
    assert "duplicate id: article id 'n6' is already stored with different text" in problem


def test_overlapping_inputs_with_the_same_text_are_all_done(store: Store, tmp_path: Path) -> None:
    first = write_jsonl(tmp_path / "a.jsonl", [news(i) for i in range(6)])
    second = write_jsonl(tmp_path / "b.jsonl", [news(i) for i in range(3, 9)])
    report = ingest_paths([first, second], store, batch_size=64, index=False)
    assert report.ok and (report.saved, report.unchanged) == (9, 3) and adds_up(report)
    assert stored(store) == sorted(f"n{i}" for i in range(9))


# --- 10. two ingests at once -----------------------------------------------------------------


class RivalIngest(DuplicateFinder):
    """Lets another ingest (its own connection, as another process has) store the batch while
    this one is between its check and its transaction: the race two ingests at once run."""

    def __init__(self, url: str, rival: list[Article]) -> None:
        super().__init__()
        self.url, self.rival = url, rival

    def run(self, articles, store=None):  # type: ignore[no-untyped-def]
        if self.rival:
            with open_store(self.url) as other:
                self.rival_report = ingest_articles(self.rival, other, index=False)
            self.rival = []
        return super().run(articles, store)


def test_two_ingests_at_once_report_counts_that_add_up(store_url: str, tmp_path: Path) -> None:
    articles = [news(i) for i in range(8)]
    source = write_jsonl(tmp_path / "a.jsonl", articles)
    rival = read_articles([source]).articles[:5]  # the other ingest stores n0..n4 first
    rival[4] = Article("n4", "A different text for n4, stored by the other ingest first.")
    finder = RivalIngest(store_url, rival)
    with open_store(store_url) as store:
        report = ingest_paths([source], store, index=False, finder=finder)
        assert (report.read, report.saved, report.unchanged, report.refused) == (8, 3, 4, 1)
        assert adds_up(report) and finder.rival_report.saved == 5
        (problem,) = report.problems
        assert "duplicate id: article id 'n4' was stored with different text by another ingest" \
            in problem  # fmt: skip
        assert stored(store) == sorted(f"n{i}" for i in range(8))
        assert store.articles.get("n4").text.startswith("A different text")
        assert len(store.db.execute("SELECT id FROM articles")) == 8  # none twice


# --- 2. memory on one large article ------------------------------------------------------------


def test_a_long_text_is_parsed_in_bounded_pieces_with_offsets_that_hold() -> None:
    import spacy

    from newsprism.analyse.nlp import PIECE_CHARS, parse_texts, split_pieces

    paragraph = "The council met on Monday. It approved the budget for the new year.\n\n"
    text = paragraph * (3 * PIECE_CHARS // len(paragraph)) + "x" * (PIECE_CHARS + 5)
    pieces = split_pieces(text)
    assert "".join(pieces) == text and max(map(len, pieces)) <= PIECE_CHARS
    assert all(piece.endswith("\n\n") for piece in pieces[:-2])  # cut at paragraph breaks

    seen: list[int] = []  # the length of every document the pipeline is given
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    original = nlp.pipe

    def recording_pipe(texts, **kwargs):  # type: ignore[no-untyped-def]
        for doc in original(texts, **kwargs):
            seen.append(len(doc.text))
            yield doc

    nlp.pipe = recording_pipe  # type: ignore[method-assign]
    short = "A short article. Two sentences."
    docs = list(parse_texts(nlp, [short, text, short]))
    assert [d.text for d in docs] == [short, text, short]
    assert max(seen) <= PIECE_CHARS  # never the whole long text at once
    sentences = list(docs[1].sents)
    assert all(text[s.start_char : s.end_char] == s.text for s in sentences)


def test_a_long_article_is_analysed_with_spans_of_its_text() -> None:
    from newsprism.analyse import analyse_article
    from newsprism.analyse.nlp import PIECE_CHARS

    paragraph = ("Mayor Ann Lee said on Monday that the city would spend $4 million on the "
                 "harbour wall. Work begins in May, she told reporters in Calder.\n\n")  # fmt: skip
    text = paragraph * (2 * PIECE_CHARS // len(paragraph) + 1)
    analysis = analyse_article(Article("long", text))
    spans = [*analysis.sentences, *analysis.statements, *analysis.mentions, *analysis.figures]
    assert all(text[s.start : s.end] == s.text for s in spans)
    assert len(analysis.sentences) == 2 * text.count("\n\n")  # none lost at a piece's edge
    assert sum(m.text == "Ann Lee" for m in analysis.mentions) == text.count("Ann Lee")


def test_only_the_first_compared_chars_make_statements_and_the_reader_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import newsprism.analyse.statements as statements
    from newsprism.analyse import analyse_article
    from newsprism.ingest.fields import COMPARED_CHARS

    long_text = "The council approved the budget for the harbour on Monday.\n\n" * (
        COMPARED_CHARS // 60 + 10)  # fmt: skip
    ingested = read_bytes(long_text.encode(), "long.txt")
    assert [a.text for a in ingested.articles] == [long_text.strip()]
    (warning,) = ingested.problems
    assert str(warning).startswith(f"long.txt: {len(long_text.strip()):,} characters long: "
                                   f"only the first {COMPARED_CHARS:,} are compared")  # fmt: skip
    monkeypatch.setattr(statements, "COMPARED_CHARS", 600)  # the same rule, on a short text
    analysis = analyse_article(Article("long", long_text[:3000]))
    assert analysis.statements and max(s.end for s in analysis.statements) <= 600
    assert analysis.sentences[-1].end > 2900  # all of it is still read
    import newsprism.briefing as briefing
    from newsprism.pipeline import brief_analyses

    # Summarised from the same part: here the first 600 characters hold no sentence to extract.
    mixed = analyse_article(Article("mixed", "Rain fell.\n\n" * 60 + long_text[:1500]))
    assert brief_analyses([mixed]).summary
    monkeypatch.setattr(briefing, "COMPARED_CHARS", 600)
    assert not brief_analyses([mixed]).summary


# --- 7. a run-on text --------------------------------------------------------------------------


def test_a_run_on_text_gives_no_giant_statement(tmp_path: Path) -> None:
    from newsprism.analyse import analyse_articles
    from newsprism.analyse.sentences import MAX_SENTENCE_CHARS

    clause = "the minister said the port would reopen and the unions said they would wait and "
    run_on = Article("run-on", "Port news\n\n" + clause * 200 + "that was all.")
    normal = Article("normal", news(1)["text"])
    long_one, other = analyse_articles([run_on, normal])
    assert max(len(s.text) for s in long_one.sentences) <= MAX_SENTENCE_CHARS
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in long_one.statements)
    assert all(run_on.text[s.start : s.end] == s.text for s in long_one.sentences)
    assert len(other.statements) == 3  # the rest of the batch is analysed as before


# --- 8. an article not in English --------------------------------------------------------------

CHINESE = ("日期：2019年4月25日\n\n俄罗斯总统普京与朝鲜领导人金正恩在符拉迪沃斯托克举行"
           "会谈。双方讨论了朝鲜半岛无核化问题以及两国之间的经济合作。会谈持续了大约两个小时，"
           "比原计划更长。")
FRENCH = ("Le président russe a rencontré le dirigeant nord-coréen à Vladivostok jeudi. Les deux "
          "hommes ont discuté de la dénucléarisation de la péninsule et de la coopération "
          "économique entre les deux pays, selon le Kremlin, qui a parlé d'une rencontre utile.")


def test_a_text_not_in_english_is_skipped_with_a_plain_message(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "beijing.txt").write_text(CHINESE, encoding="utf-8")
    (folder / "paris.txt").write_text(FRENCH, encoding="utf-8")
    (folder / "calder.txt").write_text(news(1)["text"], encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'c.db'}"
    result = runner.invoke(app, ["ingest", str(folder), "--db", db, "--no-analyse"])
    assert result.exit_code == 1, result.output
    chinese, french = lines(result.output, "not English")
    assert chinese.endswith(f"{folder / 'beijing.txt'}: not English (written in CJK script): "
                            "newsprism analyses English text only; skipped this article")
    assert "paris.txt: not English (reads as French)" in french
    assert "1 read: 1 new" in result.output and "2 inputs could not be read" in result.output
    with open_store(db) as store:
        assert stored(store) == ["calder"]


def test_an_opml_list_or_a_sitemap_is_named_as_such_and_stored_as_no_article(
    tmp_path: Path,
) -> None:
    """An OPML file given to ingest was stored as an article whose text was its title ("my
    feeds"); a sitemap was "a feed with no entries". Each is one line saying what it is and what
    follows it, and the articles beside them are stored."""
    folder = tmp_path / "in"
    folder.mkdir()
    opml = tmp_path / "feeds.opml"
    opml.write_text('<?xml version="1.0"?><opml version="2.0"><head><title>my feeds</title>'
                    '</head><body><outline type="rss" xmlUrl="https://a.example/rss"/></body>'
                    "</opml>")
    (folder / "news-sitemap.xml").write_text(
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>https://a.example/story</loc></url></urlset>")
    (folder / "calder.txt").write_text(news(1)["text"], encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'c.db'}"
    result = runner.invoke(app, ["ingest", str(opml), str(folder), "--db", db, "--no-analyse"])
    assert result.exit_code == 1, result.output
    (listed,) = lines(result.output, "OPML")
    assert listed.endswith(f"{opml}: an OPML list of feeds, not articles: follow them with "
                           f"`newsprism watch {opml} --db URL`")
    (sitemap,) = lines(result.output, "a sitemap")
    assert "news-sitemap.xml: a sitemap, a list of pages rather than articles" in sitemap
    with open_store(db) as store:
        assert stored(store) == ["calder"]


def test_english_text_with_foreign_names_and_keyword_lines_is_read() -> None:
    texts = [
        "Putin met Kim Jong-un (金正恩) in Vladivostok on Thursday; the talks, held at the Far "
        "Eastern Federal University campus, lasted longer than planned, officials said.",
        "putin kim summit vladivostok talks nuclear sanctions russia north korea railway "
        "pacific university island campus delegation leaders",  # a feed's keyword line
        "Le Monde and Der Spiegel reported that the summit was about the railway and the port, "
        "and the officials of both countries said that they would meet again this year.",
    ]
    for number, text in enumerate(texts):
        ingested = read_bytes(text.encode(), f"t{number}.txt")
        assert not ingested.problems and len(ingested.articles) == 1


# --- 3. the API: non-UTF-8 JSON, and what a 422 echoes ---------------------------------------


@pytest.fixture
def api(tmp_path: Path) -> Iterator:
    from fastapi.testclient import TestClient

    from newsprism.settings import Settings
    from newsprism.web import create_app

    settings = Settings(serve={"token": "t0ken", "max_upload_mb": 0.1})
    with (
        open_store(f"sqlite:///{tmp_path / 'w.db'}") as store,
        TestClient(create_app(store, settings), raise_server_exceptions=False) as client,
    ):
        yield client


HEADERS = {"Authorization": "Bearer t0ken", "Content-Type": "application/json"}


def test_non_utf8_json_is_a_422_naming_the_byte(api) -> None:  # type: ignore[no-untyped-def]
    body = json.dumps({"id": "cafe", "text": "Le café a fermé."}, ensure_ascii=False)
    response = api.post("/api/articles", content=body.encode("latin-1"), headers=HEADERS)
    assert response.status_code == 422
    assert response.json()["detail"] == ("the body is not UTF-8 (byte 0xe9 at offset 30); send "
                                         "the article as UTF-8 JSON")  # fmt: skip
    good = api.post("/api/articles", content=body.encode(), headers=HEADERS)
    assert good.status_code == 201 and good.json()["saved"] == 1  # the server went on
    other = api.post("/api/articles", json={"id": "cafe", "text": "Another text."}, headers=HEADERS)
    assert other.status_code == 422 and other.json()["refused"] == 1
    assert "duplicate id: article id 'cafe' is already stored" in other.json()["problems"][0]


def test_a_422_echoes_a_short_excerpt_not_the_body(api) -> None:  # type: ignore[no-untyped-def]
    body = b"{not json " + b"x" * 50_000
    response = api.post("/api/articles", content=body, headers=HEADERS)
    assert response.status_code == 422
    (problem,) = response.json()["detail"]
    assert problem["type"] == "json_invalid" and problem["input"].startswith("{not json x")
    assert len(problem["input"]) <= 81 and len(response.content) < 500
    extra = api.post("/api/articles", headers=HEADERS,
                     content=json.dumps({**news(1), "surprise": "y" * 5000}).encode())
    assert extra.status_code == 422 and len(extra.content) < 500


# --- 5. -o onto an input -----------------------------------------------------------------------


def test_brief_refuses_to_write_over_an_input_before_any_work(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    gazette = folder / "gazette.txt"
    gazette.write_text(news(1)["text"], encoding="utf-8")
    for source, target, why in [
        (gazette, gazette, "it is one of the inputs"),
        (folder, gazette, f"the input folder {folder} holds it as an article to read"),
        (folder, folder / "briefing.md", f"the input folder {folder} would hold it"),
    ]:
        result = runner.invoke(app, ["brief", str(source), "-o", str(target)])
        assert result.exit_code == 2, result.output
        (line,) = lines(result.output, "error:")
        assert f"--output {target}: {why}" in line and "write the briefing elsewhere" in line
        assert "analysing" not in result.output
    assert gazette.read_text(encoding="utf-8") == news(1)["text"]
    assert sorted(p.name for p in folder.iterdir()) == ["gazette.txt"]


# --- 9. a database that is not newsprism's -----------------------------------------------------


def test_a_foreign_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    for tables in (["CREATE TABLE articles (x)"], ["CREATE TABLE notes (body TEXT)"],
                   ["CREATE TABLE migrations (version INTEGER)", "CREATE TABLE users (x)"]):
        folder = tmp_path / str(len(list(tmp_path.iterdir())))
        folder.mkdir()
        path = folder / "app.db"
        with sqlite3.connect(path) as conn:
            for sql in tables:
                conn.execute(sql)
        before = path.read_bytes()
        source = write_jsonl(folder / "a.jsonl", [news(1)])
        result = runner.invoke(app, ["ingest", str(source), "--db", f"sqlite:///{path}"])
        assert result.exit_code == 2, result.output
        (line,) = lines(result.output, "error:")
        assert f"sqlite:///{str(path).lstrip('/')}: not a newsprism database" in line
        assert "nothing was written" in line
        assert path.read_bytes() == before and sorted(os.listdir(folder)) == ["a.jsonl", "app.db"]
        listed = runner.invoke(app, ["stories", "--db", f"sqlite:///{path}"])
        assert listed.exit_code == 2 and "not a newsprism database" in listed.output
    empty = tmp_path / "empty.db"
    empty.touch()  # an empty file is a new database
    with open_store(f"sqlite:///{empty}") as store:
        store.articles.save([Article("a", "Text.")])
    with open_store(f"sqlite:///{empty}") as store:  # and newsprism's own opens again
        assert stored(store) == ["a"]


def test_a_foreign_postgresql_schema_is_refused_untouched() -> None:
    import psycopg

    from _stores import postgres_schema_url

    for url in postgres_schema_url():
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("CREATE TABLE customers (id INT)")
        with pytest.raises(StoreError, match=r"not a newsprism database .*customers.*nothing was"):
            open_store(url)
        with psycopg.connect(url, autocommit=True) as conn:
            tables = conn.execute("SELECT table_name FROM information_schema.tables "
                                  "WHERE table_schema = current_schema()").fetchall()
        assert tables == [("customers",)]


# --- 11. passwords in URLs ---------------------------------------------------------------------


def test_no_error_prints_a_url_password(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "a.jsonl", [news(1)])
    for url in ("mysql://admin:hunter2@db.example/news", "postgresql://admin:hunter2@127.0.0.1:1/x"):
        result = runner.invoke(app, ["ingest", str(source), "--db", url])
        assert result.exit_code == 2 and "hunter2" not in result.output
        assert "admin:***@" in result.output
    with pytest.raises(StoreError) as caught:
        open_store("mysql://admin:hunter2@db.example/news")
    assert "hunter2" not in str(caught.value)


# --- 12. pipes and character devices -----------------------------------------------------------


def test_a_fifo_and_a_character_device_are_read_like_cat_reads_them(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    text = news(1)["text"]

    def feed() -> None:
        with fifo.open("w", encoding="utf-8") as pipe:
            pipe.write(text)

    writer = threading.Thread(target=feed)
    writer.start()
    ingested = read_articles([fifo, "/dev/null"])
    writer.join(timeout=10)
    assert [a.text for a in ingested.articles] == [text]
    (problem,) = ingested.problems  # /dev/null is read: it holds nothing
    assert str(problem) == "/dev/null: empty: no text after normalisation"
    zeros = read_articles(["/dev/zero"])  # endless: read up to the limit, then refused
    assert str(zeros.problems[0]).startswith("/dev/zero: input is 5.0 MB, over the 5 MB limit")


# --- small ones ------------------------------------------------------------------------------


def test_small_ones_seen_on_the_way(store: Store, tmp_path: Path) -> None:
    broken = read_bytes(b'{"id": "a", "text": "unterminated', "a.jsonl")
    assert str(broken.problems[0]) == (
        "a.jsonl:1: invalid JSON (Unterminated string starting at column 21)"
    )
    with open_store(f"sqlite:////{tmp_path}/x.db") as opened:
        assert opened.url == f"sqlite:///{str(tmp_path).lstrip('/')}/x.db"
    report = ingest_paths([tmp_path / "missing.txt"], store, index=False)
    assert report.summary() == "0 read: 0 new (0 copies of an original), 0 already stored, " \
        "0 refused; 1 input could not be read"  # fmt: skip
