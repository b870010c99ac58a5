"""``bench/styles.py``: a style's rendering carries every judged span onto the same words."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from newsprism.model import Article


@pytest.fixture(scope="module")
def styles():
    path = Path(__file__).parents[1] / "bench" / "styles.py"
    spec = importlib.util.spec_from_file_location("bench_styles", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_styles"] = module
    spec.loader.exec_module(module)
    return module


TEXT = ('The mayor of Springfield resigned on Monday.\n\n'
        '"I leave with a heavy heart," Mayor Ann Lee told reporters.\n\n'
        'Council members said “the city will vote in May.”')


@pytest.mark.parametrize("style", ["original", "lower", "archive ``''", "guillemets «»",
                                   "dateline", "HEADLINE"])
def test_offset_map_carries_a_judged_span_to_the_same_words(styles, style):
    article = Article(id="d1", text=TEXT, title="Mayor resigns")
    rendered = styles.render(article, styles.STYLES[style], "test")
    for words in ("I leave with a heavy heart,", "the city will vote in May.", "The mayor",
                  "Mayor Ann Lee told reporters."):
        start = TEXT.index(words)
        doc, new_start, new_end = rendered.offsets.span(("d1", start, start + len(words)))
        assert doc == "d1"
        shown = rendered.article.text[new_start:new_end]
        assert shown == (words.lower() if style == "lower" else words)


def test_archive_and_guillemet_styles_change_only_the_marks(styles):
    article = Article(id="d1", text=TEXT)
    archive = styles.render(article, styles.STYLES["archive ``''"], "test").article.text
    assert "``I leave with a heavy heart,''" in archive
    assert "``the city will vote in May.''" in archive
    guillemets = styles.render(article, styles.STYLES["guillemets «»"], "test").article.text
    assert "«I leave with a heavy heart,»" in guillemets


def test_dateline_and_headline_open_the_text(styles):
    article = Article(id="d1", text=TEXT, title="Mayor resigns")
    dated = styles.render(article, styles.STYLES["dateline"], "test").article.text
    assert dated.startswith("WASHINGTON (AP) — The mayor of Springfield")
    second = styles.render(article, styles.STYLES["dateline"], "test", 1).article
    assert second.text.startswith("LONDON (Reuters) - The mayor") and second.outlet == "Reuters"
    headed = styles.render(article, styles.STYLES["HEADLINE"], "test").article
    assert headed.text.startswith("MAYOR RESIGNS\n\nThe mayor")
