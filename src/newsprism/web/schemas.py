"""The JSON the API speaks, as Pydantic models: they validate input and document the OpenAPI."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Problem(BaseModel):
    """Every error answers with this body (422 validation errors list their ``detail``)."""

    detail: str | list[dict[str, Any]] = Field(description="What went wrong and what to do.")


class StoryOut(BaseModel):
    id: str = Field(description="Stable story id; a merged story's old id redirects to it.")
    title: str | None
    first_date: str | None = Field(description="Earliest date of its articles (ISO 8601).")
    last_date: str | None
    articles: int = Field(description="Articles in the story, copies included.")
    sources: int = Field(
        description="Independent sources: one outlet, or copies of one text, count once."
    )
    outlets: list[str]
    storyline: str | None = Field(
        description="The storyline this story (one event) belongs to: GET /api/storylines/{id}."
    )
    url: str = Field(description="This story in the API.")
    page: str = Field(description="This story in the web app.")


class Page(BaseModel):
    """Where a page of a list stands: ask ``next`` for the following one."""

    limit: int
    offset: int
    next_offset: int | None = Field(description="Offset of the next page; null on the last.")
    next: str | None = Field(description="URL of the next page; null on the last.")


class StoryList(Page):
    stories: list[StoryOut]


class ArticleHeadOut(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    author: str | None
    date: str | None
    url: str | None
    copy_of: str | None = Field(description="The original this article copies, if a copy.")
    briefed: bool = Field(description="Compared in the story's briefing.")


class StoryDetail(StoryOut):
    article_list: list[ArticleHeadOut]
    briefing: dict[str, Any] | None = Field(
        description="The story's briefing: JSON of schema newsprism.briefing "
        "(GET /api/schema/briefing); every start/end indexes documents[].text. Null while it "
        "is being built (status 202)."
    )
    briefing_status: Literal["ready", "building"] = Field(
        "ready", description='"building": ask again (Retry-After) or poll status_url.'
    )
    status_url: str = Field(description="Whether the briefing is built: GET it, ?wait=S.")


class BriefingStatusOut(BaseModel):
    """Whether a story's briefing is built; a failed build is reported once, then retried."""

    status: Literal["ready", "building", "failed"]
    error: str | None = Field(None, description="Why the build failed (one line).")
    story: str = Field(description="The story in the API (its briefing, once ready).")


class StorylineOut(BaseModel):
    """An ongoing topic (a takeover battle, an outbreak) made of events: each event is a story."""

    id: str = Field(description="Stable storyline id; a merged storyline's old id redirects to it.")
    title: str | None = Field(description="Its own title, else its first event's.")
    first_date: str | None = Field(description="Earliest date of its articles (ISO 8601).")
    last_date: str | None
    events: int = Field(description="Its events, each a story (GET /api/stories/{id}).")
    articles: int = Field(description="Articles in all its events, copies included.")
    sources: int = Field(
        description="Independent sources across its events: one outlet, or copies of one "
        "text, count once."
    )
    url: str = Field(description="This storyline in the API.")
    page: str = Field(description="This storyline in the web app: its events on a timeline.")


class StorylineList(Page):
    storylines: list[StorylineOut]


class StorylineDetail(StorylineOut):
    outlets: list[str] = Field(description="Outlets of all its events, first reporters first.")
    event_list: list[StoryOut] = Field(
        description="Its events in time order, each with its counts and outlets."
    )


class ArticleOut(BaseModel):
    article: dict[str, Any] = Field(description="id, text, title, outlet, author, date, url.")
    analysis: dict[str, Any] | None = Field(
        description="sentences, statements, mentions, quotes, figures, dates, citations; "
        "null if the article was stored without analysis."
    )
    story: str | None
    copy_of: str | None
    copy_kind: Literal["exact", "near"] | None


class ArticleIn(BaseModel):
    """One article to ingest: ``text`` or ``html`` is required."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(None, max_length=200, description="Stable id; else one from the text.")
    title: str | None = None
    text: str | None = Field(None, description="Plain text of the article.")
    html: str | None = Field(None, description="An HTML page; its main text is extracted.")
    outlet: str | None = None
    author: str | None = None
    date: str | None = Field(None, description="ISO 8601 or a readable date.")
    url: str | None = None


class StoredArticleOut(BaseModel):
    id: str = Field(description="The article's id: GET /api/articles/{id}.")
    story: str | None = Field(description="The story (event) it is grouped in: GET "
                              "/api/stories/{story}; null while the service groups no stories.")


class IngestOut(BaseModel):
    read: int
    saved: int = Field(description="New articles stored now.")
    unchanged: int = Field(description="Already stored with the same text: skipped.")
    refused: int = Field(description="Read but not stored: the id is stored with other text "
                         "(read = saved + unchanged + refused).")
    copies: int = Field(description="Of the saved, copies of an article already stored.")
    problems: list[str] = Field(description="One line per input that was not stored.")
    warnings: list[str] = Field(description="Stored, with a doubt (e.g. a date dropped).")
    articles: list[StoredArticleOut] = Field(
        description="Each article stored now or already stored with the same text, in the "
        "order read (a repeated id once), with its story."
    )


class SearchHitOut(BaseModel):
    article: str
    score: float
    title: str | None
    outlet: str | None
    date: str | None
    story: str | None
    sentence: int | None
    start: int | None = Field(description="Offset of the matched sentence in the article text.")
    end: int | None
    text: str | None = Field(description="The matched sentence, or the title of an article hit.")


class SearchOut(BaseModel):
    query: str
    mode: Literal["text", "semantic"]
    level: Literal["sentence", "article"]
    hits: list[SearchHitOut]


class EntityOut(BaseModel):
    name: str
    type: str
    aliases: list[str]
    mentions: int
    articles: list[str]
    stories: list[str]


class EntityList(BaseModel):
    query: str
    entities: list[EntityOut]


class Health(BaseModel):
    status: Literal["ok"]
