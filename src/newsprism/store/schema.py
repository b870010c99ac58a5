"""Schema migrations: small named functions, applied in order, recorded in ``migrations``.

A new schema change is a new function appended to ``MIGRATIONS``; never edit one that has
shipped. Each runs in its own transaction together with its record, so a failed migration
leaves the database as it was. ``refuse_foreign`` then ``migrate`` run when a ``Database`` opens
(``sqlite.py``, ``postgres.py``).

Tables (``seq`` is an auto-increment key giving ingestion order; SQLite/PostgreSQL types):

- ``articles(seq, id UNIQUE, text, title, outlet, author, date, url, path, content_hash,
  text_hash, duplicate_of, duplicate_kind, similarity, ingested_at)``: one row per article;
  ``duplicate_of`` points at the original of an exact or near copy (never at another copy).
- ``fingerprints(article_id PK, signature BLOB, shingles)`` and
  ``fingerprint_bands(band_key BIGINT, article_id)``: MinHash signatures and their LSH band keys,
  so near-duplicate candidates are found by index lookups, not by scanning.
- ``reprints(article_id, original_id, similarity, PK both)``: a reprint with light edits
  (``dedup.reprints``) and the text it prints, found among a story's articles; the reprint
  stays an article of its own (read, searched), counted as its original's source.
- ``analyses(article_id PK, data JSON text)``: an ``Analysis`` without its article.
- ``sentences(seq, article_id, idx, start_char, end_char)``: offsets only (text is in the
  article); full-text index ``sentences_fts`` (SQLite FTS5) or a ``tsv`` column (PostgreSQL).
- full-text index over articles: ``articles_fts`` (FTS5, external content) or ``articles.tsv``.
- ``vectors(seq, kind, article_id, idx, dim, vector BLOB)``: float32 vectors per encoder
  ``kind``; ``idx`` is a sentence index, or -1 for the article as a whole.
- ``stories(id PK, title, state BLOB, created_at, updated_at, merged_into, first_date,
  last_date, article_count, source_count)`` and ``story_articles(article_id PK, story_id)``: the
  clusterer's stories, membership, redirects. The last four columns summarise a story's stored
  articles; the story verbs keep them in step in the same transaction, so listing stories
  (index ``stories_latest``: latest news first) reads rows, not aggregates.
- ``storylines(id PK, title, state BLOB, created_at, updated_at, merged_into, first_date,
  last_date, article_count, source_count)`` and ``storyline_events(story_id PK, storyline_id)``:
  the storyline level above stories (events), kept like ``stories`` (redirects one hop long,
  summaries recounted by the verbs of ``store.storylines``).
- ``story_briefings(story_id PK, key, data, html, created_at)``: a story's briefing JSON and its
  rendered page fragments, cached by the web app (``web/cache.py``) under a key derived from
  the story's members (one entry per story).
- ``watch_sources(url PK, kind, parent, title, etag, last_modified, interval_s, next_at,
  last_fetch_at, last_status, last_error, found, added_at)``: what ``newsprism watch`` polls,
  with each source's validators and schedule (times in Unix seconds).
- ``watch_urls(url PK, source, state, attempts, article_id, status, found_at, fetched_at)``: the
  URL frontier: every article URL met, ``pending`` until fetched, then ``done`` (stored, with
  its article) or ``failed``; a URL marked done in the batch's transaction is never fetched again.
- ``fetch_log(seq, at, url, source, status, outcome, detail)``: one row per fetch, with its
  HTTP status and outcome (``new``, ``unchanged``, ``not-modified``, ``polled``, ``error``,
  ``retry``), for ``newsprism sources``.
"""

from __future__ import annotations

from collections.abc import Callable

from newsprism.errors import StoreError
from newsprism.store.copies import Copies
from newsprism.store.database import Database, now_iso
from newsprism.store.stories import Stories
from newsprism.store.storylines import Storylines

TYPES = {
    "sqlite": {
        "seq": "INTEGER PRIMARY KEY",
        "blob": "BLOB",
        "float": "REAL",
        # Live stories, latest news first. SQLite's planner picks a partial index over the one
        # on merged_into only with statistics, so merged_into leads; its DESC puts NULLs last.
        "latest": "(merged_into, last_date DESC, updated_at DESC, id)",
    },
    "postgresql": {
        "seq": "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
        "blob": "BYTEA",
        "float": "DOUBLE PRECISION",
        # PostgreSQL orders by an index after IS NULL only when the index is partial.
        "latest": "(last_date DESC NULLS LAST, updated_at DESC, id) WHERE merged_into IS NULL",
    },
}


def _run(db: Database, *statements: str) -> None:
    types = TYPES[db.dialect]
    for statement in statements:
        db.execute(statement.format(**types))


def create_articles(db: Database) -> None:
    _run(
        db,
        """CREATE TABLE articles (
            seq {seq}, id TEXT NOT NULL UNIQUE, text TEXT NOT NULL, title TEXT, outlet TEXT,
            author TEXT, date TEXT, url TEXT, path TEXT, content_hash TEXT NOT NULL,
            text_hash TEXT, duplicate_of TEXT, duplicate_kind TEXT, similarity {float},
            ingested_at TEXT NOT NULL)""",
        "CREATE INDEX articles_text_hash ON articles (text_hash)",
        "CREATE INDEX articles_duplicate_of ON articles (duplicate_of)",
        "CREATE INDEX articles_date ON articles (date)",
        "CREATE TABLE fingerprints (article_id TEXT PRIMARY KEY, signature {blob} NOT NULL, "
        "shingles INTEGER NOT NULL)",
        "CREATE TABLE fingerprint_bands (band_key BIGINT NOT NULL, article_id TEXT NOT NULL)",
        "CREATE INDEX fingerprint_bands_key ON fingerprint_bands (band_key)",
        "CREATE TABLE analyses (article_id TEXT PRIMARY KEY, data TEXT NOT NULL)",
    )


def create_stories(db: Database) -> None:
    _run(
        db,
        "CREATE TABLE stories (id TEXT PRIMARY KEY, title TEXT, state {blob}, "
        "created_at TEXT NOT NULL, updated_at TEXT NOT NULL, merged_into TEXT)",
        "CREATE INDEX stories_merged_into ON stories (merged_into)",
        "CREATE TABLE story_articles (article_id TEXT PRIMARY KEY, story_id TEXT NOT NULL)",
        "CREATE INDEX story_articles_story ON story_articles (story_id)",
    )


def create_search(db: Database) -> None:
    _run(
        db,
        "CREATE TABLE sentences (seq {seq}, article_id TEXT NOT NULL, idx INTEGER NOT NULL, "
        "start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, UNIQUE (article_id, idx))",
        "CREATE TABLE vectors (seq {seq}, kind TEXT NOT NULL, article_id TEXT NOT NULL, "
        "idx INTEGER NOT NULL, dim INTEGER NOT NULL, vector {blob} NOT NULL, "
        "UNIQUE (kind, article_id, idx))",
    )
    if db.dialect == "sqlite":
        _run(
            db,
            # External-content FTS: the text lives once, in articles; the trigger keeps it in step
            # (articles are never updated or deleted).
            "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', "
            "content_rowid='seq', tokenize='porter unicode61')",
            "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
            "INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text); "
            "END",
            # Contentless: sentence text is read back from the article through its offsets.
            "CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='', "
            "tokenize='porter unicode61')",
        )
    else:
        _run(
            db,
            "ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
            "(to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED",
            "CREATE INDEX articles_tsv ON articles USING GIN (tsv)",
            "ALTER TABLE sentences ADD COLUMN tsv tsvector",
            "CREATE INDEX sentences_tsv ON sentences USING GIN (tsv)",
        )


def create_briefing_cache(db: Database) -> None:
    _run(
        db,
        "CREATE TABLE story_briefings (story_id TEXT PRIMARY KEY, key TEXT NOT NULL, "
        "data TEXT NOT NULL, created_at TEXT NOT NULL)",
    )


def add_story_summaries(db: Database) -> None:
    _run(
        db,
        "ALTER TABLE stories ADD COLUMN first_date TEXT",
        "ALTER TABLE stories ADD COLUMN last_date TEXT",
        "ALTER TABLE stories ADD COLUMN article_count INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE stories ADD COLUMN source_count INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX stories_latest ON stories {latest}",  # the order of store.stories.latest
        "ALTER TABLE story_briefings ADD COLUMN html TEXT",
    )
    Stories(db, Copies(db)).summarise([story for (story,) in db.execute("SELECT id FROM stories")])


def create_reprints(db: Database) -> None:
    """Reprints found by runs of words, counted as their originals' sources (stories stored
    before are read by ``find_stored_reprints``)."""
    _run(
        db,
        "CREATE TABLE reprints (article_id TEXT NOT NULL, original_id TEXT NOT NULL, "
        "similarity {float} NOT NULL, PRIMARY KEY (article_id, original_id))",
    )


def find_stored_reprints(db: Database) -> None:
    """The live stories stored before ``create_reprints`` (or before their members were read
    for reprints) read once for reprints among all their members, and every story and
    storyline recounted, so an older corpus counts its sources as its briefings do from this
    opening on, not only once its stories take new articles. It reads every stored story's
    texts once: on a large archive the first opening after an upgrade takes a while."""
    copies = Copies(db)
    live = [story for (story,) in db.execute("SELECT id FROM stories WHERE merged_into IS NULL")]
    Stories(db, copies).reread_reprints(live)
    Storylines(db, copies).summarise(
        [line for (line,) in db.execute("SELECT id FROM storylines WHERE merged_into IS NULL")])


def create_meta(db: Database) -> None:
    """State that components keep between runs (the story clusterer's), by key."""
    _run(db, "CREATE TABLE meta (key TEXT PRIMARY KEY, value {blob} NOT NULL, "
                "updated_at TEXT NOT NULL)")


def create_watch(db: Database) -> None:
    _run(
        db,
        "CREATE TABLE watch_sources (url TEXT PRIMARY KEY, kind TEXT NOT NULL, parent TEXT, "
        "title TEXT, etag TEXT, last_modified TEXT, interval_s {float} NOT NULL, "
        "next_at {float} NOT NULL, last_fetch_at {float}, last_status INTEGER, last_error TEXT, "
        "found INTEGER NOT NULL DEFAULT 0, added_at {float} NOT NULL)",
        "CREATE TABLE watch_urls (url TEXT PRIMARY KEY, source TEXT, state TEXT NOT NULL, "
        "attempts INTEGER NOT NULL DEFAULT 0, article_id TEXT, status INTEGER, "
        "found_at {float} NOT NULL, fetched_at {float})",
        "CREATE INDEX watch_urls_state ON watch_urls (state, found_at)",
        "CREATE TABLE fetch_log (seq {seq}, at {float} NOT NULL, url TEXT NOT NULL, "
        "source TEXT, status INTEGER, outcome TEXT NOT NULL, detail TEXT)",
        "CREATE INDEX fetch_log_source ON fetch_log (source, at)",
    )


def create_storylines(db: Database) -> None:
    """Storylines over the stories (events). An existing corpus keeps its stories; they join
    storylines on the next ingest run, or at once with ``newsprism stories --assign``."""
    _run(
        db,
        "CREATE TABLE storylines (id TEXT PRIMARY KEY, title TEXT, state {blob}, "
        "created_at TEXT NOT NULL, updated_at TEXT NOT NULL, merged_into TEXT, first_date TEXT, "
        "last_date TEXT, article_count INTEGER NOT NULL DEFAULT 0, "
        "source_count INTEGER NOT NULL DEFAULT 0)",
        "CREATE INDEX storylines_merged_into ON storylines (merged_into)",
        "CREATE INDEX storylines_latest ON storylines {latest}",
        "CREATE TABLE storyline_events (story_id TEXT PRIMARY KEY, storyline_id TEXT NOT NULL)",
        "CREATE INDEX storyline_events_storyline ON storyline_events (storyline_id)",
    )


MIGRATIONS: tuple[Callable[[Database], None], ...] = (
    create_articles,
    create_stories,
    create_search,
    create_briefing_cache,
    # Before the recount of add_story_summaries, which reads it (a database migrated past
    # that one gains it at its next opening).
    create_reprints,
    add_story_summaries,
    create_meta,
    create_watch,
    create_storylines,
    find_stored_reprints,
)


def is_newsprism_database(db: Database, tables: set[str]) -> bool:
    """Whether a database holding ``tables`` is newsprism's: its ``migrations`` table records
    the first migration (or, a first run killed before that migration, it is all there is)."""
    if "migrations" not in tables:
        return False
    if tables == {"migrations"}:
        return True
    try:
        rows = db.execute("SELECT 1 FROM migrations WHERE name = ?", (MIGRATIONS[0].__name__,))
    except StoreError:  # another application's table called migrations, without a name column
        return False
    return bool(rows)


def refuse_foreign(db: Database) -> None:
    """Raise ``StoreError``, having written nothing, unless the database is empty or
    newsprism's: another application's tables are never touched."""
    tables = db.table_names()
    if tables and not is_newsprism_database(db, tables):
        some = ", ".join(sorted(tables)[:3]) + (", ..." if len(tables) > 3 else "")
        raise StoreError(
            f"{db.url}: not a newsprism database (it holds other tables: {some}); "
            "nothing was written — give --db a new file or an empty database"
        )


def migrate(db: Database) -> list[str]:
    """Apply the migrations not yet recorded; returns the names applied now."""
    db.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    done = {name for (name,) in db.execute("SELECT name FROM migrations")}
    applied = []
    for migration in MIGRATIONS:
        if migration.__name__ in done:
            continue
        with db.transaction():
            if db.dialect == "postgresql":  # two processes starting at once: one migrates
                db.execute("SELECT pg_advisory_xact_lock(7461726)")
            if db.execute("SELECT 1 FROM migrations WHERE name = ?", (migration.__name__,)):
                continue
            migration(db)
            db.execute(
                "INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                (migration.__name__, now_iso()),
            )
        applied.append(migration.__name__)
    return applied
