"""The HTTP API of ``newsprism serve``, driven in-process through its ASGI app (real store,
real pipeline): every endpoint, its errors, auth and pagination."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from _web import HARBOUR, TOKEN, corpus_url  # noqa: F401  (the session's corpus, its stories)
from newsprism.render import validate_briefing_json
from newsprism.settings import Settings
from newsprism.store import open_store
from newsprism.web import create_app
from newsprism.web.service import brief_json


@pytest.fixture(scope="module")
def client(corpus_url: str) -> Iterator[TestClient]:
    with open_store(corpus_url) as store, TestClient(create_app(store)) as opened:
        yield opened


@pytest.fixture
def writable(tmp_path: Path) -> Iterator[TestClient]:
    settings = Settings(serve={"token": TOKEN, "max_upload_mb": 0.05})
    with (
        open_store(f"sqlite:///{tmp_path / 'w.db'}") as store,
        TestClient(create_app(store, settings)) as opened,
    ):
        yield opened


AUTH = {"Authorization": f"Bearer {TOKEN}"}
BUILT = {"wait": 300}  # wait for a briefing being built, however loaded the machine


def stories_by_id(client: TestClient, **params: object) -> dict[str, dict]:
    response = client.get("/api/stories", params=params)
    assert response.status_code == 200, response.text
    return {story["id"]: story for story in response.json()["stories"]}


# --- stories -------------------------------------------------------------------------------


def test_story_list_counts_articles_and_independent_sources(client: TestClient) -> None:
    stories = stories_by_id(client)
    assert set(stories) == {"vladivostok", "harbour", "hostile"}  # the merged id is not listed
    assert stories["vladivostok"]["articles"] == 2 and stories["vladivostok"]["sources"] == 2
    assert stories["harbour"]["articles"] == 3 and stories["harbour"]["sources"] == 3
    assert stories["harbour"]["title"] == "Port of Calder strike strands ships"  # first article's
    assert stories["vladivostok"]["title"] == "Putin and Kim meet in Vladivostok"
    assert set(stories["harbour"]["outlets"]) == {
        "Coastal Times", "Northern Courier", "Harbour Gazette"
    }  # fmt: skip
    assert stories["harbour"]["url"].endswith("/api/stories/harbour")


def test_a_story_without_any_title_is_titled_by_its_leads_first_words(tmp_path: Path) -> None:
    from newsprism.corpus import ingest_articles
    from newsprism.model import Article

    lead = ("Fire crews fought a blaze at the old mill in Harlow through Sunday night, and no "
            "one was hurt, the fire service said.")  # fmt: skip
    title = "Fire crews fought a blaze at the old mill…"  # ten words, less the dangling "in"
    with open_store(f"sqlite:///{tmp_path / 'untitled.db'}") as store:
        ingest_articles([Article("mill-1", lead, outlet="Harlow Herald")], store)
        store.stories.save("mill")
        store.stories.assign("mill-1", "mill")
        with TestClient(create_app(store)) as client:
            assert stories_by_id(client)["mill"]["title"] == title
            assert client.get("/api/stories/mill").json()["title"] == title
            listed = client.get("/").text
            assert f">{title}</a>" in listed and ">mill</a>" not in listed
            assert f"<h1>{title}</h1>" in client.get("/stories/mill").text


def test_story_list_pages_by_limit_and_offset_without_gaps_or_repeats(client: TestClient) -> None:
    seen, url = [], "/api/stories?limit=1"
    while url:
        page = client.get(url).json()
        assert len(page["stories"]) <= 1
        seen += [story["id"] for story in page["stories"]]
        url = page["next"]
    assert sorted(seen) == ["harbour", "hostile", "vladivostok"]
    last = client.get("/api/stories", params={"limit": 2, "offset": 2}).json()
    assert last["next_offset"] is None and last["offset"] == 2 and len(last["stories"]) == 1
    assert client.get("/api/stories", params={"offset": 50}).json()["stories"] == []


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"outlet": "harbour gazette"}, {"harbour"}),
        ({"query": "Vladivostok summit"}, {"vladivostok"}),
        ({"query": "dockworkers"}, {"harbour"}),
        ({"entity": "Kim Jong Un"}, {"vladivostok"}),  # the text spells it "Kim Jong-un" too
        ({"entity": "Jane Doe"}, {"hostile"}),
        ({"date": "2025-04-08"}, {"hostile"}),
        ({"since": "2025-03-01", "until": "2025-03-31"}, {"harbour"}),
        ({"query": "dockworkers", "outlet": "Evil Gazette"}, set()),
    ],
)
def test_story_list_filters(client: TestClient, params: dict, expected: set[str]) -> None:
    assert set(stories_by_id(client, **params)) == expected


@pytest.mark.parametrize(
    "params", [{"date": "yesterday"}, {"limit": 0}, {"limit": 101}, {"offset": -1}]
)
def test_bad_story_list_parameters_are_422_with_a_json_error(
    client: TestClient, params: dict
) -> None:
    response = client.get("/api/stories", params=params)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == next(iter(params))


def test_a_story_carries_its_articles_and_a_valid_briefing(client: TestClient) -> None:
    response = client.get("/api/stories/vladivostok", params=BUILT)
    assert response.status_code == 200
    story = response.json()
    validate_briefing_json(story["briefing"])  # schema and every offset
    assert {d["id"] for d in story["briefing"]["documents"]} == {
        a["id"] for a in story["article_list"]
    }
    assert all(a["briefed"] for a in story["article_list"])
    statuses = {c["status"] for c in story["briefing"]["claims"]}
    assert {"contradicted", "single_source"} <= statuses  # the opposite verdicts on the summit
    assert story["sources"] == 2


def test_a_story_briefing_is_built_once_then_read_from_the_store(
    client: TestClient, corpus_url: str
) -> None:
    first = client.get("/api/stories/harbour", params=BUILT).json()["briefing"]
    started = time.perf_counter()
    again = client.get("/api/stories/harbour", params=BUILT).json()["briefing"]
    assert again == first and time.perf_counter() - started < 1.0  # no pipeline run
    with open_store(corpus_url) as store:
        assert store.db.execute(
            "SELECT count(*) FROM story_briefings WHERE story_id = 'harbour'"
        ) == [(1,)]


def test_a_briefing_from_stored_analyses_equals_one_that_analyses_the_articles_again(
    corpus_url: str,
) -> None:
    with open_store(corpus_url) as store:
        ids = list(store.stories.get("harbour").article_ids)
        analyses = store.analyses.get_many(ids)
        articles = store.articles.get_many(ids)
    assert list(analyses) == ids
    assert brief_json([analyses[i] for i in ids]) == brief_json(articles)


def test_a_story_page_renders_its_briefing_once_then_reads_it_from_the_store(
    client: TestClient, corpus_url: str
) -> None:
    first = client.get("/stories/harbour", params=BUILT).text
    with open_store(corpus_url) as store:
        ((html,),) = store.db.execute("SELECT html FROM story_briefings WHERE story_id = 'harbour'")
    parts = json.loads(html)
    assert set(parts) == {"pills", "graph", "panes"} and parts["panes"] in first
    assert client.get("/stories/harbour", params=BUILT).text == first


def test_a_merged_story_id_redirects_to_the_story_it_joined(client: TestClient) -> None:
    response = client.get("/api/stories/vlad-old", follow_redirects=False)
    assert response.status_code == 307
    assert response.headers["location"].endswith("/api/stories/vladivostok")
    assert client.get("/api/stories/vlad-old").json()["id"] == "vladivostok"
    # The query goes along: a client asking not to wait was redirected to a 20 s wait.
    waiting = client.get("/api/stories/vlad-old/status?wait=0", follow_redirects=False)
    assert waiting.headers["location"].endswith("/api/stories/vladivostok/status?wait=0")


def test_an_unknown_story_is_404_with_a_json_error(client: TestClient) -> None:
    response = client.get("/api/stories/no-such-story")
    assert response.status_code == 404
    assert response.json() == {"detail": "no story 'no-such-story'"}


# --- articles, search, entities --------------------------------------------------------------


def test_an_article_comes_with_its_analysis_and_story(client: TestClient) -> None:
    body = client.get("/api/articles/gazette").json()
    assert body["article"]["outlet"] == "Harbour Gazette" and body["story"] == "harbour"
    text = body["article"]["text"]
    analysis = body["analysis"]
    assert analysis["sentences"] and analysis["mentions"] and analysis["figures"]
    for figure in analysis["figures"]:
        assert text[figure["start"] : figure["end"]] == figure["text"]
    assert client.get("/api/articles/nope").status_code == 404


def test_full_text_search_finds_sentences_with_their_exact_spans(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "dockworkers"}).json()["hits"]
    assert hits and all(h["story"] == "harbour" for h in hits)
    for hit in hits:
        text = client.get(f"/api/articles/{hit['article']}").json()["article"]["text"]
        assert text[hit["start"] : hit["end"]] == hit["text"]


def test_semantic_search_finds_articles_by_meaning_and_filters_by_story(
    client: TestClient,
) -> None:
    params = {"q": "meeting of two heads of state", "mode": "semantic", "level": "article"}
    hits = client.get("/api/search", params=params).json()["hits"]
    assert hits[0]["story"] == "vladivostok"
    scoped = client.get("/api/search", params={**params, "story": "harbour"}).json()["hits"]
    assert scoped and {h["story"] for h in scoped} == {"harbour"}


def test_search_without_a_query_or_with_a_bad_mode_is_422(client: TestClient) -> None:
    assert client.get("/api/search").status_code == 422
    assert client.get("/api/search", params={"q": "x", "mode": "magic"}).status_code == 422


def test_entities_resolve_spellings_and_list_their_stories(client: TestClient) -> None:
    found = client.get("/api/entities", params={"q": "Kim Jong Un"}).json()["entities"]
    kim = next(e for e in found if e["name"] in ("Kim Jong-un", "Kim Jong Un"))
    assert {"Kim Jong-un", "Kim Jong Un"} <= {kim["name"], *kim["aliases"]}
    assert kim["stories"] == ["vladivostok"] and len(kim["articles"]) == 2
    assert client.get("/api/entities", params={"q": "Nobody Atall"}).json()["entities"] == []


# --- writes ----------------------------------------------------------------------------------

ARTICLE = {
    "id": "upload-1",
    "title": "Ferry service resumes",
    "outlet": "Island Post",
    "date": "2025-03-05",
    "text": "The ferry between Calder and Inch resumed on Wednesday after a two-day halt. "
    "About 1,200 passengers crossed on the first day, the operator said.",
}


def test_writes_need_the_token(writable: TestClient) -> None:
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic abc"}):
        response = writable.post("/api/articles", json=ARTICLE, headers=headers)
        assert response.status_code == 401, headers
        assert response.headers["www-authenticate"] == "Bearer"
        assert "token" in response.json()["detail"]
    assert writable.get("/api/articles/upload-1").status_code == 404


def test_a_server_without_a_token_takes_no_writes(client: TestClient) -> None:
    response = client.post("/api/articles", json=ARTICLE, headers=AUTH)
    assert response.status_code == 401 and "NEWSPRISM_TOKEN" in response.json()["detail"]


def test_a_json_article_is_ingested_analysed_and_searchable_once(writable: TestClient) -> None:
    response = writable.post("/api/articles", json=ARTICLE, headers=AUTH)
    assert response.status_code == 201, response.text
    assert response.json()["saved"] == 1
    posted = response.json()["articles"]  # its id, to ask for next; no story hook here
    assert posted == [{"id": "upload-1", "story": None}]
    stored = writable.get("/api/articles/upload-1").json()
    assert stored["article"]["text"] == ARTICLE["text"] and stored["analysis"]["figures"]
    assert stored["article"]["path"] is None  # read from the request, not from a file
    hits = writable.get("/api/search", params={"q": "ferry"}).json()["hits"]
    assert hits[0]["article"] == "upload-1"
    again = writable.post("/api/articles", json=ARTICLE, headers=AUTH)
    assert again.status_code == 200 and again.json()["unchanged"] == 1
    assert again.json()["articles"] == posted  # already stored: the same id


def test_a_posted_article_answers_with_its_id_and_the_story_it_joined(tmp_path: Path) -> None:
    from newsprism.stories.persist import StoryHook

    settings = Settings(serve={"token": TOKEN})
    with (
        open_store(f"sqlite:///{tmp_path / 'grouped.db'}") as store,
        TestClient(create_app(store, settings, StoryHook(store))) as served,
    ):
        response = served.post("/api/articles", json=ARTICLE, headers=AUTH)
        assert response.status_code == 201, response.text
        (posted,) = response.json()["articles"]
        assert posted["id"] == "upload-1" and posted["story"]
        story = served.get(f"/api/stories/{posted['story']}", params={"wait": 0}).json()
        assert [a["id"] for a in story["article_list"]] == ["upload-1"]


def test_an_uploaded_file_is_ingested_like_newsprism_ingest(writable: TestClient) -> None:
    data = (HARBOUR / "gazette.txt").read_bytes()
    response = writable.post(
        "/api/articles", files={"file": ("gazette.txt", data, "text/plain")}, headers=AUTH
    )
    assert response.status_code == 201, response.text
    gazette = writable.get("/api/articles/gazette").json()["article"]
    assert gazette["outlet"] == "Harbour Gazette" and gazette["path"] == "gazette.txt"
    jsonl = "\n".join(json.dumps({**ARTICLE, "id": f"u{i}"}) for i in range(3)) + "\n{broken"
    response = writable.post(
        "/api/articles", files={"file": ("batch.jsonl", jsonl.encode())}, headers=AUTH
    )
    body = response.json()
    assert response.status_code == 201 and body["saved"] == 3
    assert [a["id"] for a in body["articles"]] == ["u0", "u1", "u2"]  # not the broken line
    assert body["copies"] == 2  # u1 and u2 repeat u0's text: linked to it as copies
    assert len(body["problems"]) == 1 and body["problems"][0].startswith("batch.jsonl:4: ")
    assert writable.get("/api/articles/u2").json()["copy_of"] == "u0"


@pytest.mark.parametrize(
    ("body", "headers", "status"),
    [
        ({"title": "no text"}, {}, 422),
        ({**ARTICLE, "text": "   "}, {}, 422),
        ({**ARTICLE, "surprise": 1}, {}, 422),
        (b"{not json", {"Content-Type": "application/json"}, 422),
        (b"plain words", {"Content-Type": "text/plain"}, 415),
        (b"--x\r\nbroken", {"Content-Type": "multipart/form-data; boundary=x"}, 422),
    ],
)
def test_bad_uploads_get_a_clear_error(
    writable: TestClient, body: object, headers: dict, status: int
) -> None:
    kwargs = {"json": body} if isinstance(body, dict) else {"content": body}
    response = writable.post("/api/articles", headers={**AUTH, **headers}, **kwargs)
    assert response.status_code == status, response.text
    assert response.json()["detail"]


def test_an_upload_over_the_size_limit_is_413(writable: TestClient) -> None:
    big = {**ARTICLE, "text": "word " * 20_000}
    response = writable.post("/api/articles", json=big, headers=AUTH)
    assert response.status_code == 413 and "limit" in response.json()["detail"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while it streams
        yield b'{"text": "'
        for _ in range(100):
            yield b"x" * 1000
        yield b'"}'

    response = writable.post(
        "/api/articles", content=chunks(), headers={**AUTH, "Content-Type": "application/json"}
    )
    assert response.status_code == 413


# --- settings, schema, headers -------------------------------------------------------------


def test_token_only_reads_refuse_anonymous_readers(corpus_url: str) -> None:
    settings = Settings(serve={"token": TOKEN, "reads": "token"})
    with open_store(corpus_url) as store, TestClient(create_app(store, settings)) as closed:
        assert closed.get("/api/stories").status_code == 401
        assert closed.get("/").status_code == 401
        assert closed.get("/api/stories", headers=AUTH).status_code == 200
        assert closed.get("/api/health").json() == {"status": "ok"}


def test_openapi_documents_every_route_and_the_bearer_scheme(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    assert {"/api/stories", "/api/stories/{story_id}", "/api/search", "/api/articles",
            "/api/articles/{article_id}", "/api/entities"} <= set(schema["paths"])  # fmt: skip
    post = schema["paths"]["/api/articles"]["post"]
    assert {"application/json", "multipart/form-data"} <= set(post["requestBody"]["content"])
    assert {"401", "413"} <= set(post["responses"])
    assert schema["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    assert client.get("/api/schema/briefing").json()["title"]


def test_every_response_forbids_scripts_other_than_the_apps_own(client: TestClient) -> None:
    for path in ("/", "/api/stories", "/search?q=Kim"):
        csp = client.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'none'" in csp
    assert client.get("/static/briefing.js").status_code == 200
    assert client.get("/static/app.css").status_code == 200
    assert client.get("/static/../settings.py").status_code == 404


def test_story_pages_escape_attacker_controlled_article_content(client: TestClient) -> None:
    html = client.get("/stories/hostile", params=BUILT).text
    assert "window.__pwned" in html  # the text is shown ...
    for raw in ("<script>window", "<img src=x", "<svg onload", "<iframe", 'href="javascript:',
                "<b onmouseover", '" onfocus="'):  # fmt: skip
        assert raw not in html, raw  # ... but never as markup
    assert "&lt;script&gt;window.__pwned" in html
    listing = client.get("/").text
    assert "&lt;img src=x onerror" in listing and "<img src=x" not in listing


def test_pages_answer_html_and_unknown_pages_404(client: TestClient) -> None:
    assert "Putin and Kim meet in Vladivostok" in client.get("/").text
    page = client.get("/stories/vladivostok", params=BUILT)
    assert page.status_code == 200 and 'class="graph"' in page.text
    assert client.get("/stories/vlad-old", follow_redirects=False).status_code == 307
    missing = client.get("/stories/nope", headers={"Accept": "text/html"})
    assert missing.status_code == 404 and "no story" in missing.text
    assert "Kim Jong-un" in client.get("/search", params={"q": "Kim"}).text
