"""A small corpus for the web app's tests, built once per session with the real pipeline:
stories made through the store's story verbs (independent of how the clusterer forms them).

- ``vladivostok``: the two reference articles in ../shared (read in place); ``vlad-old`` is an
  older id merged into it;
- ``harbour``: the project's three example articles on a port strike;
- ``hostile``: two articles whose text, title, outlet and url carry script tags, event handlers
  and ``javascript:`` links. If any of it ran in a page, it would set ``window.__pwned`` or open
  a dialog.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# ../shared beside the repository, as in CI; NEWSPRISM_SHARED points elsewhere (a worktree).
SHARED = Path(os.environ.get("NEWSPRISM_SHARED") or ROOT.parent / "shared")
VLADIVOSTOK = SHARED / "examples" / "vladivostok-2019"
HARBOUR = ROOT / "examples" / "harbour-strike"
TOKEN = "test-token-5f2c"

HOSTILE_TEXT = (
    "Mayor Jane Doe resigned on Monday after an audit found $4 million missing from the city "
    "budget. <script>window.__pwned = 'script'; alert('script')</script> "
    "The audit <img src=x onerror=\"window.__pwned='img'; alert('img')\"> covered three years "
    "of spending. Read the report <a href=\"javascript:window.__pwned='link'\">here</a>. "
    "\"We will cooperate fully,\" said Jane Doe. "
    "<svg onload=\"window.__pwned='svg'\"></svg><iframe src=\"javascript:alert(1)\"></iframe>"
)
HOSTILE = [
    {
        "id": "hostile-1",
        "title": "<img src=x onerror=\"window.__pwned='title'\">Mayor resigns after audit",
        "outlet": "<b onmouseover=\"window.__pwned='outlet'\">Evil Gazette</b>",
        "url": "javascript:window.__pwned='url'",
        "date": "2025-04-07",
        "text": HOSTILE_TEXT,
    },
    {
        "id": "hostile-2",
        "title": "Audit topples mayor <script>alert(2)</script>",
        "outlet": "Civic Ledger\" onfocus=\"window.__pwned='attr'",
        "date": "2025-04-08",
        "text": "An audit found $4 million missing from the city budget, and Mayor Jane Doe "
        "resigned on Monday. <script>window.__pwned = 'second'</script> Officials said the "
        "audit covered three years of spending. <a href=\"javascript:alert(3)\">Details</a>",
    },
]


def build_corpus(folder: Path) -> str:
    """Ingest (with analysis), make the stories; returns the SQLite URL."""
    from newsprism.corpus import analyse_batch, ingest_paths
    from newsprism.store import open_store

    if not VLADIVOSTOK.is_dir():
        pytest.skip(f"{VLADIVOSTOK} is not there (set NEWSPRISM_SHARED to the shared folder)")
    hostile = folder / "hostile.jsonl"
    hostile.write_text("\n".join(json.dumps(record) for record in HOSTILE), encoding="utf-8")
    url = f"sqlite:///{folder / 'corpus.db'}"
    with open_store(url) as store:
        report = ingest_paths([VLADIVOSTOK, HARBOUR, hostile], store, analyse=analyse_batch)
        assert report.ok and report.saved == 7, report
        members = {
            "vladivostok": [a.id for a in store.articles.since() if a.path
                            and Path(a.path).parent == VLADIVOSTOK],
            "harbour": [a.id for a in store.articles.since() if a.path
                        and Path(a.path).parent == HARBOUR],
            "hostile": ["hostile-1", "hostile-2"],
        }  # fmt: skip
        titles = {"vladivostok": "Putin and Kim meet in Vladivostok", "harbour": None,
                  "hostile": None}  # fmt: skip
        for story, ids in members.items():
            store.stories.save(story, title=titles[story])
            for article_id in ids:
                store.stories.assign(article_id, story)
        store.stories.save("vlad-old")
        store.stories.merge("vlad-old", "vladivostok")
    return url


@pytest.fixture(scope="session")
def corpus_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_corpus(tmp_path_factory.mktemp("web-corpus"))


# --- a storyline: three events of one takeover battle, and a story alone in its storyline -----

SAGA_EVENTS = {
    "bid": [
        ("bid-1", "Harbour Ledger", "2025-03-03", "Northbank bids $2.1 billion for Eastbank",
         "Northbank offered $2.1 billion on Monday to buy Eastbank, its smaller rival, in a deal "
         "that would create the region's largest lender. Chief executive Ana Ruiz said the offer "
         "valued Eastbank at $41 a share."),
        ("bid-2", "City Wire", "2025-03-04", "Northbank makes offer for rival Eastbank",
         "Northbank has bid $2.1 billion for Eastbank, chief executive Ana Ruiz said, offering "
         "$41 a share for the rival lender."),
    ],
    "rejection": [
        ("rej-1", "Harbour Ledger", "2025-03-10", "Eastbank board rejects Northbank offer",
         "Eastbank's board rejected Northbank's $2.1 billion takeover offer on Monday, saying it "
         "undervalued the lender. Chair Omar Diallo said shareholders should not sell."),
        ("rej-2", "Coastal Times", "2025-03-11", "Eastbank says no to Northbank",
         "The board of Eastbank turned down the takeover offer from Northbank, chair Omar Diallo "
         "said, calling $41 a share far too low."),
    ],
    "inquiry": [
        ("inq-1", "City Wire", "2025-03-24", "Regulator opens inquiry into Northbank bid",
         "The competition regulator opened an inquiry on Monday into Northbank's bid for "
         "Eastbank, saying the deal could raise fees for small businesses."),
    ],
}
FLOOD = ("flood-1", "Coastal Times", "2025-03-12", "River Calder floods the old town",
         "The River Calder burst its banks on Wednesday and flooded the old town, the fire "
         "service said; no one was hurt.")  # fmt: skip
# A storyline title carrying markup: the pages must show it as text.
FLOOD_LINE_TITLE = "<script>window.__pwned='storyline'</script>Calder floods"


def build_storyline_corpus(folder: Path) -> str:
    """Ingest the saga's articles and the flood (without analysis: briefings analyse them),
    make their stories, the storylines ``bank-saga`` (three events, untitled) and
    ``flood-line`` (one event), and ``saga-old``, merged into ``bank-saga``; returns the URL."""
    from newsprism.corpus import ingest_articles
    from newsprism.model import Article
    from newsprism.store import open_store

    url = f"sqlite:///{folder / 'storylines.db'}"
    events = SAGA_EVENTS | {"flood": [FLOOD]}
    with open_store(url) as store:
        articles = [Article(id, text, title, outlet, date=date) for rows in events.values()
                    for id, outlet, date, title, text in rows]  # fmt: skip
        assert ingest_articles(articles, store).saved == len(articles)
        for story, rows in events.items():
            store.stories.save(story)
            store.stories.assign_many([(row[0], story) for row in rows])
        store.storylines.save("bank-saga")
        store.storylines.save("flood-line", title=FLOOD_LINE_TITLE)
        store.storylines.save("saga-old")
        store.storylines.assign([("bid", "saga-old"), ("rejection", "bank-saga"),
                                 ("inquiry", "bank-saga"), ("flood", "flood-line")])  # fmt: skip
        store.storylines.merge("saga-old", "bank-saga")
    return url


@pytest.fixture(scope="session")
def storyline_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_storyline_corpus(tmp_path_factory.mktemp("web-storylines"))
