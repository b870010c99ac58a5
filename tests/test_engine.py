"""`newsprism ingest --ray`: the analyse stage on a real (local) Ray cluster."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.engine import RayEngine
from newsprism.errors import EngineError
from newsprism.model import Article
from newsprism.store import open_store

ray = pytest.importorskip("ray")

REPORTS = [
    ("Quake hits Norwick", "A magnitude 6.1 earthquake struck Norwick on Monday, "
     "Mayor Ana Lopez said. \"We have 40 people in hospital,\" Lopez told reporters."),
    ("Norwick quake toll rises", "Rescuers in Norwick found more survivors on Tuesday after "
     "Monday's magnitude 6.1 earthquake, officials said."),
    ("Ferry strike ends", "Ferry workers in Calder returned to work on Friday after a "
     "four-day strike over pay, the union said."),
]


@pytest.fixture(scope="module", autouse=True)
def ray_session() -> Iterator[None]:
    yield
    ray.shutdown()


def test_ingest_on_a_ray_cluster_stores_what_ingest_here_stores(tmp_path: Path) -> None:
    source = tmp_path / "news.jsonl"
    source.write_text("".join(
        json.dumps({"id": f"r{i}", "title": title, "text": text, "date": "2024-05-06"}) + "\n"
        for i, (title, text) in enumerate(REPORTS * 3)))  # copies too: dedup stays here
    runner = CliRunner()
    here, on_ray = tmp_path / "here.db", tmp_path / "ray.db"
    result = runner.invoke(app, ["ingest", str(source), "--db", f"sqlite:///{here}"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["ingest", str(source), "--db", f"sqlite:///{on_ray}",
                                 "--ray", "local", "--batch-size", "4"])
    assert result.exit_code == 0, result.output
    assert "9 new (6 copies of an original)" in result.output
    with open_store(f"sqlite:///{here}") as a, open_store(f"sqlite:///{on_ray}") as b:
        ids = [article.id for article in a.articles.since()]
        assert ids == [article.id for article in b.articles.since()] and len(ids) == 9
        for article_id in ids:
            assert a.analyses.get(article_id) == b.analyses.get(article_id)
        stories = a.stories.of(ids)
        assert stories == b.stories.of(ids) and len(stories) == 9
        assert stories["r0"] == stories["r1"] != stories["r2"]  # the quake, not the strike


def test_engine_returns_the_analyses_in_the_order_of_the_articles() -> None:
    articles = [Article(f"a{i}", text) for i, (_, text) in enumerate(REPORTS)]
    analyses = RayEngine("local", chunk=1)(articles)()
    assert [a.article.id for a in analyses] == ["a0", "a1", "a2"]
    assert any(m.text == "Norwick" for m in analyses[0].mentions)


def test_a_cluster_that_is_down_is_a_one_line_error_in_seconds(tmp_path: Path) -> None:
    with pytest.raises(EngineError, match=r"cannot join the Ray cluster at '127.0.0.1:1'"):
        RayEngine("127.0.0.1:1")([Article("a", "Text.")])
    with pytest.raises(EngineError, match="not a Ray address"):
        RayEngine("somewhere")([Article("a", "Text.")])
