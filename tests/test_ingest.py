"""Ingest: every supported input becomes an Article with normalised text and its metadata;
every bad input becomes one clear problem naming the file, and the rest of the batch goes on."""

from __future__ import annotations

import json

from newsprism.errors import InputWarning
from newsprism.ingest import normalise_text, read_articles


def test_plain_text_with_publication_line_gives_outlet_and_title(vladivostok_dir):
    articles = read_articles([vladivostok_dir]).articles
    monitor = next(a for a in articles if a.id.startswith("000"))
    assert monitor.outlet == "Eurasia Daily Monitor"
    assert monitor.title == "Putin and Kim’s Vladivostok Summit: What Did We Learn?"


def test_one_word_section_label_is_not_taken_as_the_title(vladivostok_dir):
    articles = read_articles([vladivostok_dir]).articles
    editorial = next(a for a in articles if a.id.startswith("003"))
    assert editorial.title == "A symbolic summit in Vladivostok"


def test_a_title_is_the_first_line_only_when_it_reads_as_a_headline(tmp_path):
    body = ("Ferries to the islands stopped on Tuesday as winds rose above 90 km/h, and the port "
            "said crossings would resume on Thursday at the earliest.\n")
    (tmp_path / "url.txt").write_text(f"https://news.example.org/ferries\nFerries stop\n{body}")
    (tmp_path / "body.txt").write_text(
        f"{body}The harbour master said: \"We have never seen gusts like these.\"\n")
    titles = {a.id: a.title for a in read_articles([tmp_path]).articles}
    assert titles == {"url": "Ferries stop", "body": None}


def test_a_pages_lower_case_widget_label_is_not_the_title_but_a_lower_cased_feed_keeps_its(
        tmp_path):
    (tmp_path / "widget.txt").write_text(
        "text size\n\nFerry operator sues over harbour closure\n\nThe operator filed suit on "
        "Tuesday.\n")
    (tmp_path / "feed.txt").write_text(
        "ferry operator sues over harbour closure\n\nthe operator filed suit on tuesday.\n")
    titles = {a.id: a.title for a in read_articles([tmp_path]).articles}
    assert titles == {"widget": "Ferry operator sues over harbour closure",
                      "feed": "ferry operator sues over harbour closure"}


def test_text_header_lines_give_author_and_date(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Storm closes ferry routes\n\nPublication: Island Post\nBy Ana Ruiz\n"
        "Date: March 4, 2025\n\nFerries to the islands stopped on Tuesday as winds rose.\n"
    )
    (article,) = read_articles([tmp_path / "a.txt"]).articles
    assert (article.outlet, article.author, article.date) == ("Island Post", "Ana Ruiz",
                                                              "2025-03-04")


def test_html_page_loses_its_boilerplate_and_keeps_its_metadata():
    from conftest import HARBOUR

    (article,) = read_articles([HARBOUR / "coastal-times.html"]).articles
    assert article.outlet == "Coastal Times"
    assert article.author == "Tom Whitfield"
    assert article.date == "2025-03-04"
    assert "Some 3,500 port workers at Calder stopped work on Monday" in article.text
    assert "Subscribe" not in article.text and "newsletter" not in article.text


def test_a_home_page_reduced_to_its_links_is_no_article_but_a_short_report_is(tmp_path):
    """A site's front page gave "Mali" (its one link) as an article, briefed as a source."""
    (tmp_path / "home.html").write_text(
        "<html><head><title>World News Desk</title></head><body><nav><a href='/'>Home</a></nav>"
        "<a href='mali1.html'>Mali</a></body></html>")
    (tmp_path / "brief.html").write_text(
        "<html><head><title>Ferries stop</title></head><body><article><p>Ferries stopped on "
        "Tuesday.</p></article></body></html>")
    ingested = read_articles([tmp_path])
    assert [a.id for a in ingested.articles] == ["brief"]
    assert [(p.source.rsplit("/", 1)[-1], p.problem) for p in ingested.problems] == [
        ("home.html", "no article text found in this HTML page")]


def test_markdown_markup_is_removed():
    from conftest import HARBOUR

    (article,) = read_articles([HARBOUR / "courier.md"]).articles
    assert article.title == "Calder strike enters second day as union digs in"
    assert article.outlet == "Northern Courier"
    assert "#" not in article.text and "*" not in article.text


def test_jsonl_fields_become_article_fields(tmp_path):
    lines = [
        {"id": "a1", "title": "T", "text": "First article text here.", "outlet": "Wire",
         "author": "X", "date": "2024-01-02", "url": "https://example.org/a1"},
        {"id": "a2", "html": "<html><body><article><p>Second article body, long enough to be "
         "kept by the extractor as the main text of the page.</p></article></body></html>"},
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines))
    result = read_articles([path])
    assert [a.id for a in result.articles] == ["a1", "a2"]
    assert result.articles[0].outlet == "Wire" and result.articles[0].date == "2024-01-02"
    assert "Second article body" in result.articles[1].text


def test_an_unreadable_date_is_a_warning_and_the_article_is_kept_without_it(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in [
        {"id": "a1", "text": "Talks failed.", "date": "the day after the storm"},
        {"id": "a2", "text": "Talks resumed.", "date": "25 April 2019"},
    ]))
    result = read_articles([path])
    assert [(a.id, a.date) for a in result.articles] == [("a1", None), ("a2", "2019-04-25")]
    (warning,) = result.problems
    assert isinstance(warning, InputWarning)
    assert str(warning) == (f"{path}:1: date 'the day after the storm' is not a real date "
                            "(not a date newsprism can read); write it as YYYY-MM-DD; "
                            "kept without a date")


def test_stdin_is_read_for_a_dash():
    result = read_articles(["-"], stdin=b"Headline here\n\nBody text of the article.")
    assert result.articles[0].text.startswith("Headline here")
    assert result.articles[0].path is None


def test_normalisation_keeps_quotes_and_folds_white_space():
    assert normalise_text("A\u00a0 “quote”\r\n\r\n\r\n\tB\u200b") == "A “quote”\n\nB"


def test_bad_inputs_are_reported_one_line_each_and_the_rest_is_read(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("A perfectly fine article about a bridge opening on Monday.")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9 au lait".encode("latin-1"))
    (tmp_path / "huge.txt").write_bytes(b"a" * 5_000_001)
    (tmp_path / "broken.html").write_text("<html><body><p></body>")
    (tmp_path / "lines.jsonl").write_text(
        '{"id": "ok", "text": "Valid line."}\n{"id": "bad", "text": \n{"id": "notext"}\n'
    )
    result = read_articles([tmp_path, tmp_path / "missing.txt"])
    assert sorted(a.id for a in result.articles) == ["good", "ok"]
    problems = {str(p) for p in result.problems}
    expected = {
        "empty.txt": "empty",
        "binary.txt": "binary",
        "latin1.txt": "not UTF-8",
        "huge.txt": "over the 5 MB limit",
        "broken.html": "no article text",
        "lines.jsonl:2": "invalid JSON",
        "lines.jsonl:3": "no 'text' or 'html'",
        "missing.txt": "no such file",
    }
    for where, what in expected.items():
        assert any(where in p and what in p for p in problems), (where, problems)
    assert all("\n" not in p for p in problems)


def test_folder_without_articles_is_a_problem(tmp_path):
    (tmp_path / "notes.csv").write_text("a,b")
    result = read_articles([tmp_path])
    assert not result.articles
    assert "no article files" in str(result.problems[0])


def test_duplicate_ids_keep_the_first_and_report_the_second(tmp_path):
    path = tmp_path / "dups.jsonl"
    path.write_text('{"id": "x", "text": "One."}\n{"id": "x", "text": "Two."}\n')
    result = read_articles([path])
    assert [a.text for a in result.articles] == ["One."]
    assert "duplicate article id 'x'" in str(result.problems[0])


def test_a_dateline_under_the_headline_or_a_day_before_it_gives_the_date_not_the_title(tmp_path):
    body = "Police searched six houses in Leeds today.\n"
    (tmp_path / "under.txt").write_text(
        f"Police search houses in Leeds\n\nTuesday, July 12, 2005\n\n{body}")
    (tmp_path / "before.txt").write_text(
        f"2005/01/08 Tsunami aid donations deductible\n\nSaturday, January 8, 2005\n\n{body}")
    (tmp_path / "first.txt").write_text(f"12 July 2005\nPolice search houses\n{body}")
    (tmp_path / "header.txt").write_text(f"Date: 2005-07-13\nJuly 12, 2005\n{body}")
    (tmp_path / "no-year.txt").write_text(f"Police search houses\nTuesday, July 12\n{body}")
    articles = {a.id: (a.title, a.date) for a in read_articles([tmp_path]).articles}
    assert articles == {
        "under": ("Police search houses in Leeds", "2005-07-12"),
        "before": ("Tsunami aid donations deductible", "2005-01-08"),
        "first": ("Police search houses", "2005-07-12"),
        "header": (None, "2005-07-13"),
        "no-year": ("Police search houses", None),
    }


def test_a_byline_or_a_credited_photo_caption_at_the_top_is_not_the_title(tmp_path):
    body = "A leopard killed a ranger's child at the lodge on Friday.\n"
    (tmp_path / "byline.txt").write_text(f"By Fred Kiva\n\n{body}")
    (tmp_path / "caption.txt").write_text(
        "Protesters remain on site at City Hall into the evening of Nov. 28. (David M Warren / "
        f"Staff Photographer)\n\n{body}")
    (tmp_path / "headline.txt").write_text(f"By Fred Kiva\nLeopard kills child (update)\n{body}")
    articles = {a.id: (a.title, a.author) for a in read_articles([tmp_path]).articles}
    assert articles == {"byline": (None, "Fred Kiva"), "caption": (None, None),
                        "headline": ("Leopard kills child (update)", "Fred Kiva")}


def test_a_video_caption_or_a_long_standfirst_at_the_top_is_not_the_title(tmp_path):
    """A headline is one short phrase: a line of two sentences (a video player's caption and
    its credit) or of more than 20 words (a standfirst) is the body or furniture."""
    body = "A leopard killed a ranger's child at the lodge on Friday.\n"
    (tmp_path / "video.txt").write_text(
        "CLOSE Rangers are trying to capture a leopard in the park. Ana Ruiz has the details. "
        f"Buzz60\n\n{body}")
    (tmp_path / "standfirst.txt").write_text(
        "Rangers say the animal, which had been seen near the staff quarters for weeks, will be "
        f"caught and moved to a reserve far from any lodge\n\n{body}")
    (tmp_path / "headline.txt").write_text(
        f"U.S. rangers vs. a leopard: the hunt goes on at Mweya lodge\n\n{body}")
    titles = {a.id: a.title for a in read_articles([tmp_path]).articles}
    assert titles == {"video": None, "standfirst": None,
                      "headline": "U.S. rangers vs. a leopard: the hunt goes on at Mweya lodge"}


def test_a_pictures_caption_line_or_a_time_stamp_line_is_not_the_title(tmp_path):
    """"Image copyright Getty Images Image caption ..." (a BBC page's picture, flattened) and a
    live blog's "Riverton Daily Star · Updated Wednesday 11 March 2026" are no headlines: the
    stamp dates the article and names its outlet instead."""
    heads = {
        "bbc.txt": "Image copyright Getty Images Image caption Rangers searched the park",
        "blog.md": "*Riverton Daily Star · Updated Wednesday 11 March 2026*\n\n# Live: Riverton "
                   "plant fire",
        "stamp.txt": "Leopard hunt goes on\nLast updated: 10:42 GMT, 11 March 2026",
        "posted.txt": "Posted on the lodge's wall, a notice",
    }
    for name, head in heads.items():
        (tmp_path / name).write_text(f"{head}\n\nA leopard killed a child at the lodge on Friday.")
    articles = {a.id: (a.title, a.outlet, a.date) for a in read_articles([tmp_path]).articles}
    assert articles == {
        "bbc": (None, None, None),
        "blog": ("Live: Riverton plant fire", "Riverton Daily Star", "2026-03-11"),
        "stamp": ("Leopard hunt goes on", None, "2026-03-11"),
        "posted": ("Posted on the lodge's wall, a notice", None, None),  # no day: no stamp
    }


def test_a_wire_dateline_names_the_outlet_unless_a_header_line_does(tmp_path):
    """"RIVERTON, Ore. (AP) —" is the AP's report; a paper's reprint that names itself keeps
    its own name, and a bracket after a name is no dateline."""
    body = "A fire at a chemical plant killed two workers early Tuesday, officials said.\n"
    (tmp_path / "wire.txt").write_text(f"RIVERTON, Ore. (AP) — {body}")
    (tmp_path / "xinhua.txt").write_text(f"Plant fire\n\nBEIJING, Nov. 3 (Xinhua) -- {body}")
    (tmp_path / "reprint.txt").write_text(
        f"Outlet: Valley Herald\n\nRIVERTON, Ore. (AP) — {body}")
    (tmp_path / "senator.txt").write_text(f"Senator Smith (R) - Texas said: {body}")
    outlets = {a.id: a.outlet for a in read_articles([tmp_path]).articles}
    assert outlets == {"wire": "AP", "xinhua": "Xinhua", "reprint": "Valley Herald",
                       "senator": None}


def test_a_pages_copyright_year_is_not_its_date(tmp_path):
    """htmldate falls back on the copyright line: every page of a site dated "2015-01-01"."""
    body = "".join(f"<p>The harbour reopened on Friday after storm number {n} passed.</p>"
                   for n in range(6))
    page = ("<html><head><title>Harbour reopens</title>{meta}</head><body><article>{body}"
            "</article><footer>Copyright © 2015 Example News</footer></body></html>")
    (tmp_path / "undated.html").write_text(page.format(meta="", body=body))
    (tmp_path / "dated.html").write_text(page.format(
        meta='<meta property="article:published_time" content="2015-01-01T09:00:00Z">',
        body=body))
    dates = {a.id: a.date for a in read_articles([tmp_path]).articles}
    assert dates == {"undated": None, "dated": "2015-01-01"}


def test_files_of_one_name_in_different_subfolders_are_all_read_each_with_its_own_id(tmp_path):
    """A crawl saved as site/index.html per site: every page was "index" and all but the
    first were refused as duplicates."""
    for folder, text in (("ferries", "Ferries stopped on Tuesday."),
                         ("port", "The port closed on Monday.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.txt").write_text(text)
    (tmp_path / "port" / "notes.txt").write_text("The union met on Sunday.")
    result = read_articles([tmp_path])
    assert result.problems == []
    assert {a.id: a.text for a in result.articles} == {
        "ferries-index": "Ferries stopped on Tuesday.", "port-index": "The port closed on Monday.",
        "notes": "The union met on Sunday."}


def test_a_name_and_a_day_on_a_header_line_date_the_article_but_name_no_outlet(tmp_path):
    body = "Police searched six houses in Leeds today.\n"
    (tmp_path / "archive.txt").write_text(
        f"Police search houses in Leeds\nBy Jane Porter\nNorthern Star, 2013-07-21\n\n{body}")
    (tmp_path / "weekday.txt").write_text(f"The Guardian, 4 March 2013, Monday\n\n{body}")
    (tmp_path / "release.txt").write_text(f"Brussels, 12 March 2013\nPolice search houses\n{body}")
    (tmp_path / "sentence.txt").write_text(
        f"Police search houses\nThe raids began in Leeds, March 4, 2013.\n{body}")
    articles = {a.id: (a.title, a.date, a.outlet, a.author)
                for a in read_articles([tmp_path]).articles}
    assert articles == {
        "archive": ("Police search houses in Leeds", "2013-07-21", None, "Jane Porter"),
        "weekday": (None, "2013-03-04", None, None),
        "release": ("Police search houses", "2013-03-12", None, None),
        "sentence": ("Police search houses", None, None, None),
    }


def test_a_name_and_day_header_line_is_no_statement_and_no_timeline_date(tmp_path):
    from newsprism.analyse import analyse_articles

    (tmp_path / "quake.txt").write_text(
        "Quake shakes Pichilemu\nBy Ana Ruiz\nCoastal Post, 2014-04-02\n\nA strong earthquake "
        "shook the coastal town of Pichilemu on Tuesday, damaging dozens of houses, officials "
        "said.\n")
    (article,) = read_articles([tmp_path]).articles
    (analysis,) = analyse_articles([article])
    line = article.text.index("Coastal Post")
    assert article.date == "2014-04-02"
    assert [d.text for d in analysis.dates if d.start >= line and d.end <= line + 24] == []
    assert all("Coastal Post" not in s.text for s in analysis.statements)
    assert [d.value for d in analysis.dates] == ["2014-04-01"]  # Tuesday, read against the day


def test_a_page_of_only_its_own_notices_is_refused_and_the_batch_goes_on(tmp_path):
    pages = {
        "moved.txt": "Oops, we could not find that page.\n\nClick here to return to our home page.",
        "widget.txt": "Turn on notifications\n\nWe send you an alert when your account is "
                      "mentioned. You can change this in your settings at any time. Learn more",
        "archive.txt": "This capture was made by a volunteer group's crawls of news sites. Their "
                       "crawl data are added to the Internet Archive after a delay.",
        "bar.txt": "Share this:\n\nMastodon\n\nBluesky\n\nPrint\n\nLike this: Like Loading...",
    }
    for name, text in pages.items():
        (tmp_path / name).write_text(text)
    kept = {
        # A short report about the web, the words of a site quoted, and a one-line brief.
        "brief.txt": "The council voted on Monday to close the library on Sundays.",
        "quoted.txt": "\"We will never sell your data,\" the company said on its website.",
        "about.txt": "Please enjoy the show, the singer told a crowd of 4,000 at the arena "
                     "before she played for two hours.",
    }
    for name, text in kept.items():
        (tmp_path / name).write_text(text)
    result = read_articles([tmp_path])
    assert sorted(a.id for a in result.articles) == ["about", "brief", "quoted"]
    refused = [str(p) for p in result.problems]
    assert len(refused) == len(pages)
    for name in pages:
        assert any(name in p and "no article in it" in p for p in refused), (name, refused)


# A page's headline and time stamp lines in the styles of real sites (invented here), the stamp
# over or under the headline, and the day each gives; "APR 28" gives no year, so no day.
STAMP_STYLES = {
    "Friday, Sep 10, 2010 | Updated 8:52 PM EDT": "2010-09-10",
    "December 7, 2010 11:18 PM": "2010-12-07",
    "on September 10th, 2010": "2010-09-10",
    "11/30/09 05:40 PM ET": "2009-11-30",
    "November 30, 2009 at 02:22 pm": "2009-11-30",
    "7:15 a.m. Dec. 7, 2009": "2009-12-07",
    "Updated: November 11, 2011 20:09 IST": "2011-11-11",
    "21 July 2013 Last updated at 11:11 GMT": "2013-07-21",
    "PUBLISHED FRIDAY, MARCH 8, 2013 AT 12:46 PM / UPDATED AT 12:48 PM": "2013-03-08",
    "Jan 05, 2011": "2011-01-05",
    "12 January 2010 @ 09:29 pm": "2010-01-12",
    "9:53 AM, MON 22 JUL 2013": "2013-07-22",
    "on Dec 23 2012, 5: 03p": "2012-12-23",
    "Published on 09th June 2013": "2013-06-09",
    "FOR IMMEDIATE RELEASE July 13, 2009": "2009-07-13",
    "on Tuesday, 16 December 2008 13:45.": "2008-12-16",
    "APR 28": None,
    "Dec. 24 4:33 AM EST": None,
}


def test_a_pages_time_stamp_line_in_any_sites_style_dates_it_and_is_never_its_title(tmp_path):
    body = "A fire destroyed the old dairy warehouse in Palmer early on Tuesday, police said.\n"
    records = []
    for n, (stamp, _) in enumerate(STAMP_STYLES.items()):
        head = f"{stamp}\nDairy warehouse burns" if n % 2 else f"Dairy warehouse burns\n{stamp}"
        records.append({"id": f"p{n}", "text": f"{head}\n\n{body}"})
    path = tmp_path / "pages.jsonl"
    path.write_text("\n".join(json.dumps(record) for record in records))
    articles = read_articles([path]).articles
    assert [(a.title, a.date) for a in articles] == [
        ("Dairy warehouse burns", day) for day in STAMP_STYLES.values()]
    assert [a.text for a in articles] == [normalise_text(r["text"]) for r in records]


def test_a_line_with_more_than_a_stamp_or_a_sentence_naming_a_day_dates_nothing(tmp_path):
    """A stamp line holds only its day, clock, zone and stamp words: an obituary's "End of
    Watch: Friday, June 24, 2005" or a short paragraph "On March 4, 2013." is not the page's."""
    body = "A deputy was shot and killed on Friday while questioning a witness, police said.\n"
    (tmp_path / "watch.txt").write_text(
        f"Deputy Sheriff Ortiz\nEnd of Watch: Friday, June 24, 2005\n\n{body}")
    (tmp_path / "sentence.txt").write_text(f"Deputy killed\nOn March 4, 2013.\n\n{body}")
    articles = {a.id: (a.title, a.date) for a in read_articles([tmp_path]).articles}
    assert articles == {"watch": ("Deputy Sheriff Ortiz", None),
                        "sentence": ("Deputy killed", None)}


def test_a_numeric_day_is_read_when_it_reads_one_way_or_the_pages_url_tells_its_order(tmp_path):
    """"04/02/07" may be April 2nd or February 4th: a wrong date is worse than none (dates order
    developments), so it is read only when a number is over 12 or the URL's year and month are
    one reading's; a URL's whole y/m/d dates a page whose text states no day, its eight digits
    ("/20070403/", often an id) or its year and month alone date none."""
    pages = [
        ("http://example.com/news/escape", "11/30/09 05:40 PM ET"),
        ("http://example.com/news/verdict", "8:13 AM PDT 8/2/2013"),
        ("http://example.com/tech/20070403/verdict", "POSTED: 04/02/07, 9:00 PM PDT |"),
        ("http://example.com/early-lead/2011/01/saints_place.html", "01/5/2011 4:10 PM"),
        ("http://example.com/early-lead/2011/03/saints_place.html", "01/5/2011 4:10 PM"),
        ("http://example.com/tech/20070403/verdict", "Jury returns verdict"),
        ("http://example.com/2012/04/09/talks_n_1411902.html", "Posted: 04/9/2012 8:33 am"),
        ("http://example.com/2010-12-08/news/25293566_1_hearing", "Kraft suspect held for trial"),
        ("http://example.com/film/2013/aug/02/host-named", "Host named for the awards"),
        ("http://example.com/2012/08/farewell.html", "Farewell to the dairy"),
        ("http://example.com/2010/09/10/x", "Monday, Sep 10, 2012 | Updated 9:01 AM EDT"),
        ("http://example.com/2013/05/04/x", "8:13 AM PDT 8/3/2013"),
    ]
    body = "The jury returned its verdict on Tuesday after two days, the court said."
    path = tmp_path / "pages.jsonl"
    path.write_text("\n".join(json.dumps({"id": f"p{n}", "url": url, "text": f"{line}\n\n{body}"})
                              for n, (url, line) in enumerate(pages)))
    result = read_articles([path])
    assert [a.date for a in result.articles] == [
        "2009-11-30", None, "2007-04-02", "2011-01-05", None, None, "2012-04-09", "2010-12-08",
        "2013-08-02", None, "2012-09-10", "2013-05-04"]
    assert [str(p).split(": ", 1)[1] for p in result.problems] == [
        f"date '{day}' reads two ways ({numbers} may be month/day or day/month); write it as "
        f"YYYY-MM-DD; {kept}" for day, numbers, kept in (
            ("8/2/2013", "8/2", "kept without a date"), ("01/5/2011", "1/5", "kept without a date"),
            ("8/3/2013", "8/3", "dated 2013-05-04 by its URL"))]


def test_a_record_with_a_url_and_no_outlet_is_the_sites_outlet(tmp_path):
    path = tmp_path / "pages.jsonl"
    text = "The trial began on Monday, the court said."
    path.write_text("\n".join(json.dumps(record) for record in [
        {"id": "a", "url": "http://www.nbcphiladelphia.com/news/local/trial.html", "text": text},
        {"id": "b", "url": "https://News.BBC.co.uk:443/2/hi/4475546.stm", "text": text},
        {"id": "c", "url": "http://www.example.com/x", "outlet": "Valley Herald", "text": text},
        {"id": "d", "url": "trial.html", "text": text},
    ]))
    assert [a.outlet for a in read_articles([path]).articles] == [
        "nbcphiladelphia.com", "news.bbc.co.uk", "Valley Herald", None]


def test_a_day_before_the_headline_on_its_line_dates_it_after_any_stamp_line(tmp_path):
    """"27/09/2013 - Headline": the day is no part of the title; a numeric one that reads two
    ways ("03/04/2012") gives way to a stamp line below that reads one way."""
    body = "Elections will be held on December 15, officials said.\n"
    (tmp_path / "dash.txt").write_text(f"27/09/2013 - Turkmenistan to hold elections\n\n{body}")
    (tmp_path / "stamp.txt").write_text(
        f"03/04/2012 - Turkmenistan to hold elections\n\nUpdated 4 March 2012\n\n{body}")
    articles = {a.id: (a.title, a.date) for a in read_articles([tmp_path]).articles}
    assert articles == {"dash": ("Turkmenistan to hold elections", "2013-09-27"),
                        "stamp": ("Turkmenistan to hold elections", "2012-03-04")}


def test_a_time_stamp_line_in_a_sites_style_is_no_statement_and_no_timeline_date(tmp_path):
    from newsprism.analyse import analyse_articles

    (tmp_path / "page.txt").write_text(
        "Kraft suspect held for trial\n\nDecember 7, 2010 11:18 PM\n\nA judge on Tuesday ordered "
        "a former plant worker to stand trial for the September shootings, prosecutors said.\n")
    (article,) = read_articles([tmp_path]).articles
    (analysis,) = analyse_articles([article])
    assert article.date == "2010-12-07"
    assert all("11:18" not in s.text for s in analysis.statements)
    assert [(d.text, d.value) for d in analysis.dates] == [("Tuesday", "2010-12-07"),
                                                           ("September", "2010-09")]
