"""The four briefing outputs: every section, exact passages, and inert hostile content."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt
from rich.console import Console

from newsprism.model import (
    Article,
    Briefing,
    Claim,
    DateMention,
    Figure,
    Quote,
    Span,
    SummaryItem,
)
from newsprism.render import FORMATS, print_briefing, write_briefing
from newsprism.render.html import Highlight, csp_hash, highlight_text, page_asset
from newsprism.render.view import figure_reading, label_documents, passage_around
from render_fixtures import HOSTILE, hostile_briefing, port_strike_briefing

# One phrase per section, each of which only that section shows in every format.
SECTION_MARKERS = {
    "summary": "Shipping lines began diverting vessels to Norwick on Tuesday.",
    "differences": "How many walked out",
    "only in": "Only in Coastal Times",
    "single source claim": "The government has not commented.",
    "who said what": "Daniel Reyes",
    "quote": "a last resort",
    "figures": "daily cost of the stoppage",
    "cited sources": "Calder Business Daily",
    "timeline": "2025-03-04",
    "entities": "Meridian Freight",
    "problems": "articles/empty.txt: the file is empty",
}


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return port_strike_briefing()


@pytest.fixture(scope="module")
def outputs(briefing: Briefing) -> dict[str, str]:
    return {fmt: write_briefing(briefing, fmt) for fmt in FORMATS}


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html"])
def test_every_readable_format_renders_every_section(outputs: dict[str, str], fmt: str) -> None:
    rendered = outputs[fmt]
    if fmt == "markdown":
        rendered = rendered.replace("\\", "")
    if fmt == "html":
        rendered = rendered.replace("&#39;", "'")
    if fmt == "terminal":  # Rich wraps long lines inside panels
        rendered = re.sub(r"\s*│\s*", " ", rendered)
    missing = [name for name, marker in SECTION_MARKERS.items() if marker not in _flat(rendered)]
    assert not missing


def test_unknown_format_is_refused_with_the_choices(briefing: Briefing) -> None:
    with pytest.raises(ValueError, match="terminal, markdown, html, json"):
        write_briefing(briefing, "pdf")  # type: ignore[arg-type]


def test_json_output_is_the_briefing_with_schema_and_version(
    briefing: Briefing, outputs: dict[str, str]
) -> None:
    data = json.loads(outputs["json"])
    assert data["schema"] == "newsprism.briefing" and data["version"] == 1
    assert {k: v for k, v in data.items() if k not in ("schema", "version")} == briefing.as_dict()
    assert Briefing.from_dict(data) == briefing


# --- terminal --------------------------------------------------------------------------------


def test_terminal_view_fits_80_columns(outputs: dict[str, str]) -> None:
    assert max(len(line) for line in outputs["terminal"].splitlines()) <= 80


def test_terminal_marks_statuses_in_colour(briefing: Briefing) -> None:
    console = Console(file=io.StringIO(), width=80, force_terminal=True, color_system="standard")
    print_briefing(briefing, console)
    coloured = console.file.getvalue()  # type: ignore[attr-defined]
    assert "\x1b[32m●" in coloured  # corroborated, green
    assert "\x1b[31m▲" in coloured  # contradicted, red
    assert "\x1b[33m○" in coloured  # single source, yellow


def test_terminal_shows_article_markup_literally_and_drops_control_codes() -> None:
    console = Console(file=io.StringIO(), width=80, force_terminal=True, color_system="standard")
    print_briefing(hostile_briefing(), console)
    shown = console.file.getvalue()  # type: ignore[attr-defined]
    assert "[link=javascript:alert(6)]" in shown.replace("\n", "")
    assert "\x1b]8;" not in shown  # no hyperlink escape sequence was produced
    assert "\x1b[2J" not in shown  # the author's clear-screen code did not pass through


# --- markdown --------------------------------------------------------------------------------


def _footnotes(markdown: str) -> dict[str, tuple[str, int, int, str]]:
    pattern = re.compile(r"^\[\^(\d+)\]: .*?\(doc `([^`]+)`, chars (\d+)–(\d+)\): “(.*)”$", re.M)
    return {m[1]: (m[2], int(m[3]), int(m[4]), m[5]) for m in pattern.finditer(markdown)}


def test_markdown_references_quote_the_exact_passage_of_the_right_document(
    briefing: Briefing, outputs: dict[str, str]
) -> None:
    markdown = outputs["markdown"]
    notes = _footnotes(markdown)
    texts = {doc.id: doc.text for doc in briefing.documents}
    assert notes
    for doc, start, end, quoted in notes.values():
        passage = _flat(texts[doc][start:end])
        assert quoted.replace("\\", "").rstrip("…") in passage
    used = set(re.findall(r"\[\^(\d+)\](?!:)", markdown))
    assert used == set(notes)


def test_markdown_summary_items_cite_every_supporting_document(
    briefing: Briefing, outputs: dict[str, str]
) -> None:
    notes = _footnotes(outputs["markdown"])
    summary_lines = re.findall(r"^\d+\. .*$", outputs["markdown"], re.M)
    assert len(summary_lines) == len(briefing.summary)
    for line, item in zip(summary_lines, briefing.summary, strict=True):
        cited = {notes[n][:3] for n in re.findall(r"\[\^(\d+)\]", line)}
        assert cited == {(s.doc, s.start, s.end) for s in item.support}


class _TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.script_bodies: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.script_bodies if self._in_script else self.text).append(data)


def _collect(html: str) -> _TagCollector:
    collector = _TagCollector()
    collector.feed(html)
    collector.close()
    return collector


# Attributes that cannot run code or fetch anything (no on*, src, style, action...).
INERT_ATTRIBUTES = {
    "class",
    "id",
    "title",
    "lang",
    "charset",
    "name",
    "content",
    "http-equiv",
    "tabindex",
    "role",
    "aria-label",
    "hidden",
    "type",
    "data-ref",
    "data-refs",
    "data-label",
    "data-doc",
}


def _assert_inert(collector: _TagCollector, allowed_tags: set[str]) -> None:
    for tag, attrs in collector.tags:
        assert tag in allowed_tags, tag
        for name, value in attrs:
            if name == "href":  # only links within the page
                assert (value or "").startswith("#"), (tag, name, value)
            else:
                assert name in INERT_ATTRIBUTES, (tag, name, value)


# Tags a Markdown renderer may produce from our Markdown (none that load or run anything).
MARKDOWN_TAGS = {"h1", "h2", "p", "ul", "ol", "li", "strong", "em", "code"} | {
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}


def test_markdown_renders_article_markup_as_text() -> None:
    markdown = write_briefing(hostile_briefing(), "markdown")
    rendered = MarkdownIt("commonmark").enable("table").render(markdown)
    collector = _collect(rendered)
    _assert_inert(collector, MARKDOWN_TAGS)
    assert "<script>alert('x')</script>" in "".join(collector.text)


# --- html ------------------------------------------------------------------------------------

PAGE_TAGS = (
    MARKDOWN_TAGS
    | {"html", "head", "meta", "title", "style", "body", "script"}
    | {"div", "section", "header", "article", "span", "h3", "a", "q", "br", "mark", "button"}
)


def test_html_page_is_self_contained(outputs: dict[str, str]) -> None:
    collector = _collect(outputs["html"])
    _assert_inert(collector, PAGE_TAGS)
    scripts = [attrs for tag, attrs in collector.tags if tag == "script"]
    assert scripts == [[]]  # one inline script, no src
    assert not re.search(r"url\(|@import|https?://(?!coastal-times\.example)", outputs["html"])


def test_html_page_allows_only_its_own_style_and_script(outputs: dict[str, str]) -> None:
    page = outputs["html"]
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy
    assert "default-src 'none'" in policy[1]
    assert f"script-src {csp_hash(page_asset('briefing.js'))}" in policy[1]
    assert f"style-src {csp_hash(page_asset('briefing.css'))}" in policy[1]
    assert f"<script>{page_asset('briefing.js')}</script>" in page


def test_html_escapes_every_hostile_field() -> None:
    page = write_briefing(hostile_briefing(), "html")
    collector = _collect(page)
    _assert_inert(collector, PAGE_TAGS)
    assert collector.script_bodies == [str(page_asset("briefing.js"))]
    shown = "".join(collector.text)
    assert HOSTILE in shown
    assert 'Gazette"><svg onload=alert(4)>' in shown
    assert "javascript:alert(5)" in shown  # the URL is shown as text, never linked


class _SourceReader(HTMLParser):
    """Rebuilds each source column's text and the offsets each ref's marks cover."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: dict[str, str] = {}
        self.covered: dict[tuple[str, str], set[int]] = {}
        self.statuses: dict[tuple[str, int], str] = {}  # (doc, offset) -> status class
        self._doc: str | None = None
        self._in_text = 0
        self._refs: list[str] = []
        self._status = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "article" and "data-doc" in values:
            self._doc = values["data-doc"]
            self.texts[self._doc or ""] = ""
        elif self._in_text:
            self._in_text += 1
            if tag == "mark":
                self._refs = (values.get("data-refs") or "").split()
                self._status = (values.get("class") or "").split()[-1]
        elif self._doc and tag == "div" and values.get("class") == "text":
            self._in_text = 1

    def handle_endtag(self, tag: str) -> None:
        if self._in_text:
            self._in_text -= 1
            self._refs = []

    def handle_data(self, data: str) -> None:
        if not (self._in_text and self._doc):
            return
        offset = len(self.texts[self._doc])
        for ref in self._refs:
            self.covered.setdefault((ref, self._doc), set()).update(
                range(offset, offset + len(data))
            )
        if self._refs:
            self.statuses.update(
                ((self._doc, i), self._status) for i in range(offset, offset + len(data))
            )
        self.texts[self._doc] += data


def _items(page: str) -> dict[str, str]:
    """Ref id -> label of every clickable item in the briefing pane."""
    return dict(re.findall(r'data-ref="([a-z]\d+)" data-label="([^"]*)"', page))


def test_html_sources_show_full_text_and_mark_exact_spans(
    briefing: Briefing, outputs: dict[str, str]
) -> None:
    page = outputs["html"]
    reader = _SourceReader()
    reader.feed(page)
    assert reader.texts == {doc.id: doc.text for doc in briefing.documents}
    labels = _items(page)
    refs_by_label = {label: ref for ref, label in labels.items()}
    for index, item in enumerate(briefing.summary, start=1):
        ref = refs_by_label[f"Summary {index}"]
        for doc in {s.doc for s in item.support}:
            expected = set().union(*(range(s.start, s.end) for s in item.support if s.doc == doc))
            assert reader.covered[(ref, doc)] == expected
    # Every item with a passage lights something up, and every mark names a real item.
    marked_refs = {ref for ref, _ in reader.covered}
    assert marked_refs <= set(labels)
    assert {ref for ref in labels if ref[0] in "scqfkte"} - marked_refs == set()


def test_html_contradiction_marks_both_passages_red(
    briefing: Briefing, outputs: dict[str, str]
) -> None:
    reader = _SourceReader()
    reader.feed(outputs["html"])
    contradicted = next(c for c in briefing.claims if c.status == "contradicted")
    for span in contradicted.support:
        shown = {reader.statuses.get((span.doc, i)) for i in range(span.start, span.end)}
        assert shown == {"st-contradicted"}
    agreed = next(c for c in briefing.claims if c.status == "corroborated")
    assert reader.statuses[(agreed.support[0].doc, agreed.support[0].end - 1)] == "st-corroborated"


def test_highlighting_cuts_overlapping_spans_into_flat_marks() -> None:
    text = "alpha beta gamma delta"
    marked = highlight_text(
        text,
        [
            Highlight("a1", 0, 10, "corroborated"),  # "alpha beta"
            Highlight("b1", 6, 16, "contradicted"),  # "beta gamma", overlaps a1
            Highlight("c1", 6, 10),  # "beta", inside both
        ],
    )
    assert str(marked) == (
        '<mark class="hl st-corroborated" data-refs="a1" title="Supports: a1">alpha </mark>'
        '<mark class="hl st-contradicted" data-refs="a1 b1 c1" title="Supports: a1; b1; c1">'
        "beta</mark>"
        '<mark class="hl st-contradicted" data-refs="b1" title="Supports: b1"> gamma</mark>'
        " delta"
    )


def test_single_document_briefing_renders_in_every_format() -> None:
    article = Article(id="only", text="The port reopened on Friday.", outlet="Harbour Gazette")
    span = Span("only", 0, len(article.text), article.text)
    briefing = Briefing(
        documents=(article,),
        claims=(Claim("c1", "single_source", span.text, (span,)),),
        summary=(SummaryItem(span.text, "c1", (span,)),),
    )
    for fmt in FORMATS:
        assert "The port reopened on Friday." in write_briefing(briefing, fmt)
    assert "Only in Harbour Gazette" in write_briefing(briefing, "markdown")


def test_empty_briefing_says_there_is_nothing_to_summarise() -> None:
    for fmt in ("terminal", "markdown", "html"):
        assert "Nothing to summarise." in write_briefing(Briefing(), fmt)


@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Debian's chromium")
def test_html_script_runs_in_chromium_and_lights_up_a_linked_claim(
    tmp_path, outputs: dict[str, str]
) -> None:
    page = tmp_path / "briefing.html"
    page.write_text(outputs["html"], encoding="utf-8")
    labels = _items(outputs["html"])
    ref = next(ref for ref, label in labels.items() if label == "Summary 1")
    dom = subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--dump-dom",
            f"{page.as_uri()}#{ref}",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    active = re.findall(r'<mark class="hl st-\w+ active" data-refs="([^"]*)"', dom)
    assert active and all(ref in refs.split() for refs in active)
    assert re.search(rf'class="item st-corroborated active" data-ref="{ref}"', dom)


def test_documents_of_one_name_are_told_apart_by_their_number() -> None:
    articles = [
        Article(id="a", text="x", outlet="Wire"),
        Article(id="b", text="y", outlet="Wire"),
        Article(id="c", text="z", title="No outlet given"),
    ]
    assert label_documents(articles) == {"a": "Wire [1]", "b": "Wire [2]", "c": "No outlet given"}


def test_an_outlets_reports_show_as_one_source_in_every_output() -> None:
    reports = tuple(
        Article(id=f"ap-{n}", text=f"Report {n}.", outlet="Associated Press", title=f"Update {n}")
        for n in range(1, 10)
    )
    other = Article(id="rt", text="Elsewhere.", outlet="Reuters", title="Storm")
    claim = Claim("c1", "corroborated", "Report 1.",
                  (Span("ap-1", 0, 9, "Report 1."), Span("ap-2", 0, 9, "Report 2."),
                   Span("rt", 0, 10, "Elsewhere.")), 2)  # fmt: skip
    briefing = Briefing(
        documents=(*reports[:4], other, *reports[4:]),
        claims=(claim,),
        summary=(SummaryItem("Report 1.", "c1", claim.support, "corroborated"),),
    )
    for fmt in ("terminal", "markdown", "html"):
        shown = _flat(write_briefing(briefing, fmt).replace("│", " ").replace("\\", ""))
        assert "Associated Press (9 reports)" in shown, fmt
        assert "2 sources (10 reports)" in shown, fmt
        assert "2 sources, corroborated: Associated Press (2 reports), Reuters" in shown or (
            "(2 sources: Associated Press (2 reports), Reuters)" in shown
            or "2 sources · Associated Press (2 reports), Reuters" in shown
        ), fmt
        assert "#2" not in shown, fmt
    # The header lists each source once, its reports under it, in their reading numbers.
    rows = [line.replace("\\", "") for line in write_briefing(briefing, "markdown").splitlines()
            if re.match(r"\| \d+ \|", line)]
    assert [row.split(" | ")[0:2] for row in rows[:3]] == [
        ["| 1", "Associated Press (9 reports)"], ["| 2", ""], ["| 3", ""]]  # fmt: skip
    assert rows[9].startswith("| 5 | Reuters |")


def test_html_names_each_source_file_not_its_folders() -> None:
    briefing = Briefing(documents=(
        Article(id="a", text="Talks failed.", outlet="Wire", path="/home/ana/news/2025/wire.txt"),
        Article(id="b", text="Talks failed again.", outlet="Post", path="dump.jsonl:3"),
    ))
    page = write_briefing(briefing, "html")
    assert "wire.txt" in page and "/home/ana" not in page and "dump.jsonl:3" in page


def test_notes_are_shown_apart_from_problems() -> None:
    note = "2 copies folded into the articles they copy (read and counted once): b.txt"
    briefing = Briefing(documents=(Article(id="a", text="Talks failed.", outlet="Wire"),),
                        notes=(note,))  # fmt: skip
    for fmt in ("terminal", "markdown", "html"):
        shown = _flat(write_briefing(briefing, fmt).replace("│", " ").replace("\\", ""))
        assert "Notes" in shown and "2 copies folded into" in shown, fmt
        assert "Could not read" not in shown, fmt


def test_sources_table_does_not_repeat_a_title_as_the_source() -> None:
    briefing = Briefing(documents=(
        Article(id="a", text="Talks failed.", outlet="Wire", title="Talks fail"),
        Article(id="b", text="Talks failed again.", title="An editorial on the talks"),
    ))
    rows = [line for line in write_briefing(briefing, "markdown").splitlines()
            if line.startswith(("| 1 ", "| 2 "))]
    assert rows[0].startswith("| 1 | Wire | Talks fail |")
    assert rows[1].startswith("| 2 | — | An editorial on the talks |")


def test_context_of_a_date_is_its_sentence() -> None:
    article = Article(id="a", text="Talks failed. Workers struck on Monday. “Go!” he said.\nNext")
    start = article.text.index("Monday")
    context = passage_around(article, start, start + len("Monday"))
    assert context.text == "Workers struck on Monday."
    assert article.text[context.start : context.end] == context.text


def test_context_of_a_date_runs_on_past_abbreviations_and_initials() -> None:
    """A full stop of "a.m.", a state ("Ore.") or an initial ends no sentence: the timeline
    showed "Tuesday." as the context of "shortly after 2 a.m. Tuesday"."""
    article = Article(id="a", text="Crews came. The fire began after 2 a.m. Tuesday in Riverton, "
                      "Ore. near a plant George W. Bush once toured. It ended at 5 p.m.")
    for word, sentence in (("Tuesday", article.text[12:-19]), ("ended", "It ended at 5 p.m.")):
        start = article.text.index(word)
        assert passage_around(article, start, start + len(word)).text == sentence


def test_what_only_one_source_reports_is_listed_in_the_order_the_report_tells_it() -> None:
    article = Article(id="only", text="The port closed on Monday. It reopened on Friday.",
                      outlet="Harbour Gazette")
    first, second = (Span("only", article.text.find(s), article.text.find(s) + len(s), s)
                     for s in ("The port closed on Monday.", "It reopened on Friday."))
    briefing = Briefing(documents=(article,), claims=(
        Claim("c2", "single_source", second.text, (second,)),
        Claim("c1", "single_source", first.text, (first,)),
    ))
    for fmt in ("terminal", "markdown", "html"):
        page = write_briefing(briefing, fmt)
        section = page[page.index("Only in Harbour Gazette"):]
        assert section.index("The port closed") < section.index("It reopened"), fmt


def test_a_timeline_day_without_a_year_reads_as_a_day_not_as_iso_dashes() -> None:
    article = Article(id="undated", text="The talks resume on July 6.", outlet="Harbour Gazette")
    start = article.text.index("July 6")
    mention = DateMention("undated", start, start + 6, "July 6", "--07-06")
    briefing = Briefing(documents=(article,), dates=(mention,))
    for fmt in ("terminal", "markdown", "html"):
        page = write_briefing(briefing, fmt)
        assert "July 6, year not given" in page and "--07-06" not in page, fmt


def test_a_report_without_an_outlet_is_headed_by_its_title_once() -> None:
    """Its label is its title: the source pane said "2008 Olympic Games officially open" twice,
    as the label and as the title under it."""
    title = "Olympic Games open in Beijing before a crowd of ninety thousand people"
    untitled_outlet = Article(id="wiki", text="The Games opened on Friday.", title=title)
    span = Span("wiki", 0, len(untitled_outlet.text), untitled_outlet.text)
    page = write_briefing(Briefing(documents=(untitled_outlet,),
                                   claims=(Claim("c1", "single_source", span.text, (span,)),)),
                          "html")
    pane = page[page.index('<article class="source"'):]
    pane = pane[: pane.index("</header>")]
    assert pane.count("Olympic Games open") == 1 and title in pane


@pytest.mark.parametrize(("text", "shown"), [
    ("Thousands", "2,000 to 100,000"), ("More than 250", "250 or more"), ("up to 15", "up to 15"),
    ("300 or 400", "300 to 400"), ("around 20", "20"), ("$12 million", "12,000,000 USD"),
])
def test_a_figure_shows_the_values_it_allows_not_one_value_it_never_said(
    text: str, shown: str
) -> None:
    """"Thousands of Tuaregs" was shown as "2,000", a figure no source gave."""
    from newsprism.analyse.figures import read_figure

    value, unit, low, high = read_figure(text)  # type: ignore[misc]
    figure = Figure("a", 0, len(text), text, value, unit, None, None, low, high)
    assert figure_reading(figure) == shown


def test_a_long_history_is_listed_once_under_a_short_head_in_every_format() -> None:
    """A development of five steps was told twice in its section (its note, then its steps) and
    again in full in the summary; the head now counts the reports and the steps follow."""
    from newsprism.model import Report

    texts = [f"He was charged in {1950 + n} with a crime of that year." for n in range(5)]
    articles = tuple(Article(f"d{n}", t, title=f"Report {n}") for n, t in enumerate(texts))
    spans = tuple(Span(a.id, 0, len(a.text), a.text) for a in articles)
    note = "Changed over time: " + " → ".join(f"“{t}”" for t in texts)
    development = Claim("c1", "developing", texts[-1], spans, 5, "statement", note,
                        tuple(Report(s, s.text) for s in spans))
    briefing = Briefing(documents=articles, claims=(development,),
                        summary=(SummaryItem(texts[-1], "c1", (spans[-1],), "developing"),))
    for form in FORMATS:
        shown = write_briefing(briefing, form)
        if form == "json":
            continue  # the data keeps the note as compare wrote it
        assert "Changed over time, in 5 reports:" in shown, form
        assert "One of 5 reports of a fact that changed over time" in shown, form
        assert "→" not in shown, form


def test_a_reprint_counted_as_the_wires_report_still_names_its_own_outlet() -> None:
    """A paper's reprint of AP copy, counted as the AP's second report, showed a blank source:
    the reader could not tell where it had gone."""
    from newsprism.model import Source

    articles = (Article("ap", "Storm nears the coast.", outlet="AP", title="Storm nears"),
                Article("gz", "Storm nears the coast.", outlet="Valley Gazette", title="Storm"),
                Article("ap2", "Storm hits the coast.", outlet="AP", title="Storm hits"))
    briefing = Briefing(documents=articles, sources=(Source("AP", ("ap", "gz", "ap2")),))
    shown = write_briefing(briefing, "markdown")
    rows = [line for line in shown.splitlines() if line.startswith("| ") and "`" in line]
    assert [row.split(" | ")[1] for row in rows] == [
        "AP \\(2 reports; also printed by Valley Gazette\\)", "Valley Gazette \\(counted as AP\\)",
        ""]


def test_an_unnamed_speaker_is_shown_as_the_article_describes_them_never_as_a_name() -> None:
    text = "“We will not sign this text,” a senior Western diplomat said."
    article = Article(id="d", text=text)
    words, start = "We will not sign this text,", 1
    described = Span("d", 30, 55, "a senior Western diplomat")
    assert text[described.start:described.end] == described.text
    quote = Quote("d", start, start + len(words), words, speaker_description=described)
    briefing = Briefing(documents=(article,), quotes=(quote,))
    markdown = write_briefing(briefing, "markdown").replace("\\", "")
    assert "- *a senior Western diplomat (unnamed)*: “We will not sign" in markdown
    assert '<span class="who described"' in write_briefing(briefing, "html")
    terminal = _flat(re.sub(r"\s*│\s*", " ", write_briefing(briefing, "terminal")))
    assert "Western diplomat (unnamed)" in terminal and "unattributed" not in terminal
    data = json.loads(write_briefing(briefing, "json"))
    assert data["quotes"][0]["speaker_description"]["text"] == "a senior Western diplomat"
    assert data["quotes"][0]["speaker"] is None and Briefing.from_dict(data) == briefing
