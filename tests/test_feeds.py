"""RSS and Atom feeds saved to disk become articles, one per entry."""

from __future__ import annotations

from pathlib import Path

from newsprism.errors import EmptyInputError, InputWarning
from newsprism.ingest import read_articles
from newsprism.ingest.feeds import html_to_text, read_feed
from newsprism.model import Article

RSS_HEAD = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>The Harbour Gazette</title><link>https://gazette.example</link>
"""
ITEM_FULL = """<item><guid>https://gazette.example/ferry</guid><title>Ferry service resumes</title>
<link>https://gazette.example/ferry</link><dc:creator>Ana Ruiz</dc:creator>
<pubDate>Tue, 23 Apr 2019 10:00:00 GMT</pubDate><description>Short teaser.</description>
<content:encoded><![CDATA[<p>The island ferry resumed service on Tuesday after a two-week
strike.</p><p>About 1,200 passengers crossed on the first day, the operator said.</p>
<script>track()</script>]]></content:encoded></item>
"""
ITEM_SUMMARY = """<item><guid>port-2</guid><title>Port fees rise</title>
<pubDate>sometime last spring</pubDate>
<description>&lt;p&gt;Port fees will rise by 4 percent in June.&lt;/p&gt;</description></item>
"""
ITEM_CUT = """<item><guid>cut-3</guid><title>Storm warning</title><description>Winds of up to"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Courier</title>
<entry><id>tag:courier.example,2024:1</id><title>Bridge reopens</title>
<link href="https://courier.example/bridge"/><updated>2024-03-05T08:00:00Z</updated>
<author><name>Lee Park</name></author>
<content type="html">&lt;p&gt;The old bridge reopened to traffic on Monday.&lt;/p&gt;</content>
</entry></feed>
"""


def test_rss_entries_become_articles_with_full_text_and_metadata() -> None:
    items = list(read_feed((RSS_HEAD + ITEM_FULL + "</channel></rss>").encode(), "g.rss"))
    (article,) = items
    assert article.id == "https-gazette.example-ferry"
    assert article.outlet == "The Harbour Gazette" and article.author == "Ana Ruiz"
    assert article.title == "Ferry service resumes" and article.date == "2019-04-23"
    assert article.url == "https://gazette.example/ferry"
    assert article.text.split("\n\n") == [
        "Ferry service resumes",
        "The island ferry resumed service on Tuesday after a two-week strike.",
        "About 1,200 passengers crossed on the first day, the operator said.",
    ]  # content:encoded wins over the teaser; scripts are dropped


def test_atom_entries_are_read_too(tmp_path: Path) -> None:
    path = tmp_path / "courier.atom"
    path.write_text(ATOM)
    result = read_articles([path])
    (article,) = result.articles
    assert article.outlet == "Valley Courier" and article.author == "Lee Park"
    assert article.date == "2024-03-05" and article.text.endswith("reopened to traffic on Monday.")
    assert result.problems == []


def test_a_cut_off_feed_gives_its_complete_entries_and_reports_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "gazette.xml"
    path.write_text(RSS_HEAD + ITEM_FULL + ITEM_SUMMARY + ITEM_CUT)
    result = read_articles([tmp_path])
    assert [a.id for a in result.articles] == ["https-gazette.example-ferry", "port-2"]
    messages = [str(p) for p in result.problems]
    cut = [m for m in messages if "cut off" in m]
    assert len(cut) == 1 and cut[0].startswith(str(path)) and "cut-3" in cut[0]


def test_an_unparseable_entry_date_is_a_warning_and_no_date() -> None:
    items = list(read_feed((RSS_HEAD + ITEM_SUMMARY + "</channel></rss>").encode(), "g.rss"))
    article, warning = items
    assert article.date is None
    assert article.text.endswith("Port fees will rise by 4 percent in June.")
    assert isinstance(warning, InputWarning) and "sometime last spring" in str(warning)
    assert str(warning).startswith("g.rss#1: ")


def test_a_file_that_is_not_a_feed_is_a_one_line_error() -> None:
    (problem,) = read_feed(b"<?xml version='1.0'?><note>hi</note>", "note.xml")
    assert isinstance(problem, EmptyInputError) and str(problem).startswith("note.xml: ")
    assert "\n" not in str(problem)


def test_html_fragments_become_paragraphs() -> None:
    html = "Intro<p>One &amp;\n two</p>tail<br>end"
    assert html_to_text(html) == "Intro\n\nOne & two\n\ntail\n\nend"
    assert html_to_text("plain words") == "plain words" and html_to_text("  ") == ""


def test_a_headline_only_entry_is_named_as_such_with_the_link_to_read() -> None:
    """It was "empty: no text after normalisation", which named no cause."""
    item = ("<item><guid>mali-1</guid><title>Mali soldiers say they have seized power</title>"
            "<link>https://gazette.example/mali</link></item>")
    (problem,) = read_feed((RSS_HEAD + item + "</channel></rss>").encode(), "h.rss")
    assert isinstance(problem, EmptyInputError)
    assert problem.problem == ("a headline only (“Mali soldiers say they have seized power”), no "
                               "story text in the feed: read it with `newsprism brief "
                               "https://gazette.example/mali`")


def test_an_aggregators_entry_is_the_outlet_it_names_as_its_source() -> None:
    named = ITEM_SUMMARY.replace("</item>", '<source url="https://metro.example/rss">Metro '
                                 "Herald</source></item>")
    feed = (RSS_HEAD.replace("The Harbour Gazette", "News digest") + named
            + ITEM_FULL + "</channel></rss>")
    read = read_feed(feed.encode(), "digest.rss")
    assert [a.outlet for a in read if isinstance(a, Article)] == ["Metro Herald", "News digest"]
    atom = ATOM.replace("</entry>", "<source><id>tag:g</id><title>Harbour Gazette</title>"
                        "</source></entry>")
    (article,) = read_feed(atom.encode(), "planet.atom")
    assert article.outlet == "Harbour Gazette"
