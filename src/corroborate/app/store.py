"""A SQLite store of articles, stories and their briefs, grown one article at a time.

``corroborate add PATH... --db corroborate.db`` reads new articles into the store; stories and
briefs are updated incrementally: an article already stored with the same content is skipped,
a changed one (same id, new content) replaces the old one, and only the stories that gained or
changed articles are briefed again (:func:`corroborate.pipeline.brief_story`). The web app
(:mod:`corroborate.app.server`) reads pages from the store and never recomputes a brief.

What is kept, per article: the raw input, the cleaned text, what was cut and why, and every
extraction (sentences, mentions, quotes, quantities, dates, commitments) as a JSON record that
round-trips to an :class:`~corroborate.model.Article` (:func:`article_to_record`,
:func:`article_from_record`), plus its ``render.article_dict``. Per story: the contract's story
dict (``render.story_dict``, with a few extra keys for the web pages). Inputs that could not be
used are kept in ``rejected`` with their reasons. For re-briefs: sentence vectors (``vectors``,
by the text's hash) and the story stages' work (``stage_work``: pieces keyed by all they read
and the code that made them, :mod:`corroborate.compare.stage_cache`; a piece made by other
code is dropped when new ones are kept).

Crash safety: WAL journal, and each small batch of articles is written in one transaction with
the story clusterer's state, so a process killed mid-``add`` loses nothing committed before and
leaves a database that opens and works. Stories whose brief is out of date carry a ``dirty``
flag, so a brief interrupted by a kill is redone by the next ``add`` (or :meth:`Store.rebrief`).

Schema changes are ordered migration functions (:data:`MIGRATIONS`); ``PRAGMA user_version``
holds how many have run.

>>> store = Store(":memory:")
>>> store.stats()["articles"]
0
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields, is_dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from corroborate.compare.syndication import independent_sources
from corroborate.errors import ReadOnlyStore, StoreError
from corroborate.model import Article, Mention, Rejected, Removed, Sentence

DEFAULT_DB = "corroborate.db"


# --------------------------------------------------------------------------- records


def _extraction_types() -> dict[str, type]:
    from corroborate.annotate.commitments import Commitment
    from corroborate.annotate.dates import DateMention
    from corroborate.annotate.people import PersonMention
    from corroborate.annotate.quantities import Quantity

    return {
        "quantities": Quantity,
        "dates": DateMention,
        "commitments": Commitment,
        "people": PersonMention,
    }


def _plain(value: Any) -> Any:
    """Dataclasses and tuples as JSON types (dicts and lists)."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _as_type(value: Any, hint: Any) -> Any:
    """``value`` read back from JSON, with lists turned into tuples where ``hint`` says so."""
    return None if value is None else _converter(hint)(value)


def _as_is(value: Any) -> Any:
    return value


@lru_cache(maxsize=256)
def _converter(hint: Any) -> Callable[[Any], Any]:
    """How a JSON value (not None) of the type ``hint`` is read back (worked out once per
    hint: an article's thousands of fields share a few hints)."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            each = _converter(args[0])
            if each is _as_is:
                return tuple
            return lambda value: tuple(None if v is None else each(v) for v in value)
        parts = [_converter(a) for a in args]
        if all(c is _as_is for c in parts):  # zip(strict=False): as many as both have
            return lambda value: tuple(value[: len(parts)])
        return lambda value: tuple(
            None if v is None else c(v) for v, c in zip(value, parts, strict=False)
        )
    if origin is list:
        (arg,) = args or (Any,)
        each = _converter(arg)
        if each is _as_is:
            return list
        return lambda value: [None if v is None else each(v) for v in value]
    if origin in (typing.Union, types.UnionType):
        for arg in args:
            if arg is not type(None) and (typing.get_origin(arg) or arg) in (tuple, list):
                return _converter(arg)
    return _as_is


# Per dataclass: its fields, each with how it is read back (None: as it is)
_FIELDS: dict[type, dict[str, Callable[[Any], Any] | None]] = {}


def _rebuild(cls: type, data: dict[str, Any]) -> Any:
    known = _FIELDS.get(cls)
    if known is None:
        hints = typing.get_type_hints(cls)
        known = _FIELDS[cls] = {
            f.name: (None if (c := _converter(hints.get(f.name, Any))) is _as_is else c)
            for f in fields(cls)
        }
    values = {}
    for k, v in data.items():
        if k in known:
            convert = known[k]
            values[k] = v if convert is None or v is None else convert(v)
    return cls(**values)


def article_to_record(article: Article) -> dict[str, Any]:
    """Everything known about an article as JSON types (see :func:`article_from_record`).

    Sentences and mentions are stored as spans (their text is ``article.text[start:end]``; it
    is stored too only where it differs). Extractions are stored field by field.
    """
    text = article.text
    sentences = []
    for s in article.sentences:
        row: list[Any] = [s.index, s.start, s.end]
        if text[s.start : s.end] != s.text:
            row.append(s.text)
        sentences.append(row)
    mentions = []
    for m in article.mentions:
        row = [m.start, m.end, m.label, m.sentence]
        if text[m.start : m.end] != m.text:
            row.append(m.text)
        mentions.append(row)
    return {
        "id": article.id,
        "path": article.path,
        "raw": article.raw,
        "outlet": article.outlet,
        "title": article.title,
        "language": article.language,
        "region": article.region,
        "published": article.published,
        "published_source": article.published_source,
        "published_inferred": article.published_inferred,
        "url": article.url,
        "attrs": _plain(article.attrs),
        "text": text,
        "removed": [[r.text, r.reason] for r in article.removed],
        "headings": list(article.headings),
        "sentences": sentences,
        "mentions": mentions,
        **{key: [_plain(x) for x in getattr(article, key)] for key in _extraction_types()},
        # the parse the quotes stage reads (None: none made), so a re-brief reads the same
        "parsed": None if article.parsed is None else [_plain(p) for p in article.parsed],
    }


def article_from_record(record: dict[str, Any]) -> Article:
    """The :class:`Article` stored by :func:`article_to_record`, extractions and all.

    >>> a = Article("a", "a.txt", "Hi.", text="Hi.")
    >>> article_from_record(article_to_record(a)) == a
    True
    """
    aid, text = record["id"], record["text"]
    article = Article(
        id=aid,
        path=record["path"],
        raw=record["raw"],
        outlet=record.get("outlet"),
        title=record.get("title"),
        language=record.get("language") or "en",
        region=record.get("region"),
        published=record.get("published"),
        published_source=record.get("published_source"),
        url=record.get("url"),
        attrs=dict(record.get("attrs") or {}),
        text=text,
        removed=[Removed(t, r) for t, r in record.get("removed", [])],
        headings=list(record.get("headings", [])),
        published_inferred=record.get("published_inferred"),
    )
    for row in record.get("sentences", []):
        index, start, end = row[:3]
        article.sentences.append(
            Sentence(aid, index, start, end, row[3] if len(row) > 3 else text[start:end])
        )
    for row in record.get("mentions", []):
        start, end, label, sentence = row[:4]
        article.mentions.append(
            Mention(aid, start, end, row[4] if len(row) > 4 else text[start:end], label, sentence)
        )
    for key, cls in _extraction_types().items():
        setattr(article, key, [_rebuild(cls, d) for d in record.get(key, [])])
    if record.get("parsed") is not None:
        from corroborate.annotate.parse import Parsed

        article.parsed = [_rebuild(Parsed, d) for d in record["parsed"]]
    if "people" not in record:  # stored before people were found per article
        from corroborate.annotate.people import find_person_mentions

        article.people = find_person_mentions(article)
    return article


def text_hash(text: str) -> bytes:
    """The key a sentence's vector is kept under: the SHA-256 of its text."""
    return hashlib.sha256(text.encode("utf-8")).digest()


def content_hash(article: Article) -> str:
    """A fingerprint of an article as read: raw text and the metadata given with it."""
    given = {
        "raw": article.raw,
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published,
        "url": article.url,
        "language": article.language,
        "attrs": _plain(article.attrs),
    }
    if article.region is not None:  # (so the hashes of articles stored before stay the same)
        given["region"] = article.region
    blob = json.dumps(given, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------- migrations


def _script(db: sqlite3.Connection, sql: str) -> None:
    """Run ``;``-separated statements inside the caller's transaction (``executescript``
    would commit it first)."""
    for statement in sql.split(";"):
        if statement.strip():
            db.execute(statement)


def _m1_initial(db: sqlite3.Connection) -> None:
    _script(
        db,
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL,
            path TEXT NOT NULL,
            outlet TEXT, title TEXT, published TEXT, url TEXT, language TEXT,
            story_id TEXT,
            record TEXT NOT NULL,       -- article_to_record(), JSON
            article_json TEXT NOT NULL, -- render.article_dict(), JSON
            added_at REAL NOT NULL, updated_at REAL NOT NULL
        );
        CREATE INDEX articles_story ON articles(story_id);
        CREATE INDEX articles_hash ON articles(content_hash);
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            title TEXT,
            data TEXT,                  -- render.story_dict() + web extras, JSON, NULL until briefed
            article_count INTEGER NOT NULL DEFAULT 0,
            outlet_count INTEGER NOT NULL DEFAULT 0,
            first_date TEXT, last_date TEXT,
            dirty INTEGER NOT NULL DEFAULT 1,
            updated_at REAL NOT NULL
        );
        CREATE TABLE rejected (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL, reason TEXT NOT NULL, at REAL NOT NULL
        );
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            article_id UNINDEXED, title, text, tokenize='unicode61 remove_diacritics 2'
        );
        CREATE VIRTUAL TABLE stories_fts USING fts5(
            story_id UNINDEXED, title, tokenize='unicode61 remove_diacritics 2'
        );
        """,
    )


def _m2_vectors(db: sqlite3.Connection) -> None:
    # Sentence vectors by the SHA-256 of the text, so a re-brief embeds only what is new.
    _script(db, "CREATE TABLE vectors (text_hash BLOB PRIMARY KEY, vector BLOB NOT NULL);")


def _m3_stage_work(db: sqlite3.Connection) -> None:
    # Story stages' work by key (corroborate.compare.stage_cache), so a re-brief redoes only
    # what a new article touches; ``version``: the code that made it (older ones are dropped).
    _script(
        db,
        "CREATE TABLE stage_work (key BLOB PRIMARY KEY, version TEXT NOT NULL, "
        "value BLOB NOT NULL);",
    )


# Ordered: MIGRATIONS[i] takes the schema from version i to i + 1. Only ever append.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _m1_initial,
    _m2_vectors,
    _m3_stage_work,
]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(db: sqlite3.Connection) -> int:
    """Run the migrations the database has not had yet, each in its own transaction."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"This database has schema version {version}, newer than this corroborate knows "
            f"({SCHEMA_VERSION}); upgrade corroborate to open it."
        )
    for number in range(version, SCHEMA_VERSION):
        db.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while we waited for the lock.
            if db.execute("PRAGMA user_version").fetchone()[0] > number:
                db.execute("ROLLBACK")
                continue
            MIGRATIONS[number](db)
            db.execute(f"PRAGMA user_version = {number + 1}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    return SCHEMA_VERSION


# --------------------------------------------------------------------------- the store


def fts_query(text: str) -> str:
    """User words as a safe FTS5 query: every word must appear (prefix match on the last)."""
    words = [w for w in "".join(c if c.isalnum() else " " for c in text).split() if w]
    if not words:
        return ""
    quoted = ['"' + w.replace('"', '""') + '"' for w in words[:12]]
    quoted[-1] += "*"
    return " ".join(quoted)


class Store:
    """The SQLite store. Safe to share between threads (one connection per thread).

    Args:
        path: the database file (created if missing), or ``":memory:"``.
    """

    def __init__(self, path: str | Path = DEFAULT_DB) -> None:
        self.path = str(path)
        self._local = threading.local()
        self._memory: sqlite3.Connection | None = None
        self._write_lock = threading.RLock()
        # Set when SQLite can only read the store as a snapshot (see _connect).
        self.snapshot = False
        if self.path == ":memory:":
            self._memory = self._connect()
        else:
            _check_folder(Path(self.path))
        try:
            migrate(self.db)
        except sqlite3.OperationalError as exc:
            if _read_only(exc):
                raise ReadOnlyStore(self._read_only_message(exc, "it needs upgrading")) from exc
            raise StoreError(f"{self.path} cannot be opened ({exc}).") from exc
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a corroborate database ({exc}).") from exc

    def _connect(self) -> sqlite3.Connection:
        db = self._open(self.path, uri=False)
        if self.path != ":memory:":
            try:
                db.execute("PRAGMA journal_mode = WAL")
            except sqlite3.OperationalError as exc:
                if not _read_only(exc):
                    raise
                # A read-only folder: SQLite cannot make the files it keeps beside a store
                # while it is open (-wal, -shm), so it reads it as a snapshot, or not at all.
                db.close()
                self.snapshot = True
                return self._open(f"{Path(self.path).absolute().as_uri()}?immutable=1", uri=True)
            db.execute("PRAGMA synchronous = NORMAL")
        return db

    @staticmethod
    def _open(target: str, uri: bool) -> sqlite3.Connection:
        db = sqlite3.connect(
            target, timeout=30.0, isolation_level=None, check_same_thread=False, uri=uri
        )
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA busy_timeout = 30000")
        return db

    def check_writable(self) -> None:
        """Raise :class:`ReadOnlyStore` unless something can be written to the store (a write
        is tried, and rolled back): called before any work is spent on adding to it."""
        if self.snapshot:
            raise ReadOnlyStore(self._read_only_message(None, "its folder is read-only"))
        with self._write_lock:
            db = self.db
            try:
                db.execute("BEGIN IMMEDIATE")
                try:
                    Store._set_meta(db, "write_check", str(time.time()))
                finally:
                    db.execute("ROLLBACK")
            except sqlite3.OperationalError as exc:
                if _read_only(exc):
                    raise ReadOnlyStore(self._read_only_message(exc)) from exc
                raise

    def _read_only_message(self, exc: sqlite3.Error | None, why: str = "") -> str:
        cause = "; ".join(part for part in (why, str(exc or "")) if part)
        return (
            f"{self.path} is read-only ({cause}): nothing can be added to it. Make the file and "
            "its folder writable, or give another database with --db."
        )

    @property
    def db(self) -> sqlite3.Connection:
        """This thread's connection."""
        if self._memory is not None:
            return self._memory
        db = getattr(self._local, "db", None)
        if db is None:
            db = self._local.db = self._connect()
        return db

    def close(self) -> None:
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None

    def transaction(self) -> _Transaction:
        """``with store.transaction() as db:`` -- one ``BEGIN IMMEDIATE`` .. ``COMMIT``."""
        return _Transaction(self)

    # ----------------------------------------------------------------- meta

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]

    @staticmethod
    def _set_meta(db: sqlite3.Connection, key: str, value: str) -> None:
        db.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    # ----------------------------------------------------------------- reads

    def stats(self) -> dict[str, int]:
        db = self.db
        return {
            "articles": db.execute("SELECT count(*) FROM articles").fetchone()[0],
            "stories": db.execute("SELECT count(*) FROM stories").fetchone()[0],
            "rejected": db.execute("SELECT count(*) FROM rejected").fetchone()[0],
            "pending": db.execute("SELECT count(*) FROM stories WHERE dirty").fetchone()[0],
        }

    def stories(
        self, query: str | None = None, *, limit: int = 100, offset: int = 0
    ) -> list[dict[str, Any]]:
        """Story rows (no brief), newest update first; ``query`` searches titles and texts."""
        columns = "id, title, article_count, outlet_count, first_date, last_date, updated_at, dirty"
        match = fts_query(query or "")
        if match:
            sql = (
                f"SELECT {columns} FROM stories WHERE id IN ("
                " SELECT story_id FROM stories_fts WHERE stories_fts MATCH ?1"
                " UNION SELECT a.story_id FROM articles a JOIN articles_fts f"
                " ON f.article_id = a.id WHERE articles_fts MATCH ?1)"
                " ORDER BY updated_at DESC, id LIMIT ?2 OFFSET ?3"
            )
            rows = self.db.execute(sql, (match, limit, offset)).fetchall()
        elif query and query.strip():
            rows = []
        else:
            sql = f"SELECT {columns} FROM stories ORDER BY updated_at DESC, id LIMIT ? OFFSET ?"
            rows = self.db.execute(sql, (limit, offset)).fetchall()
        return [dict(r) for r in rows]

    def story(self, story_id: str) -> dict[str, Any] | None:
        """The stored story: its row and ``brief`` (the story dict, or None if not briefed)."""
        row = self.db.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            return None
        out = dict(row)
        data = out.pop("data")
        out["brief"] = json.loads(data) if data else None
        return out

    def story_articles(self, story_id: str) -> list[dict[str, Any]]:
        """The story's articles' metadata (no texts), in the order they were added."""
        rows = self.db.execute(
            "SELECT id, path, outlet, title, published, url, language, added_at, updated_at "
            "FROM articles WHERE story_id = ? ORDER BY rowid",
            (story_id,),
        ).fetchall()
        return [dict(r) for r in rows]

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The stored ``render.article_dict`` with ``story_id`` and the record's extractions."""
        row = self.db.execute(
            "SELECT article_json, record, story_id, content_hash, added_at, updated_at "
            "FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        out = json.loads(row["article_json"])
        record = json.loads(row["record"])
        out.update(
            story_id=row["story_id"],
            content_hash=row["content_hash"],
            added_at=row["added_at"],
            updated_at=row["updated_at"],
            raw=record["raw"],
        )
        for key in ("mentions", *_extraction_types()):
            out[key] = record.get(key, [])
        return out

    def article_dicts(self, article_ids: Sequence[str]) -> list[dict[str, Any]]:
        """``render.article_dict`` of each id found, in the given order."""
        found = {}
        for i in range(0, len(article_ids), 500):
            chunk = list(article_ids[i : i + 500])
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(
                f"SELECT id, article_json FROM articles WHERE id IN ({marks})", chunk
            ):
                found[row["id"]] = json.loads(row["article_json"])
        return [found[a] for a in article_ids if a in found]

    def load_articles(
        self, article_ids: Sequence[str], records: dict[str, bytes] | None = None
    ) -> list[Article]:
        """Full :class:`Article` objects, extractions included, in the given order.
        ``records``: filled with a digest of each one's record (what it was read from: the
        same digest, the same article, by this code), to key kept work by (see
        :func:`corroborate.compare.stage_cache.article_keys`)."""
        out = []
        for aid in article_ids:
            row = self.db.execute("SELECT record FROM articles WHERE id = ?", (aid,)).fetchone()
            if row is not None:
                out.append(article_from_record(json.loads(row[0])))
                if records is not None:
                    records[aid] = hashlib.sha256(b"record\0" + row[0].encode("utf-8")).digest()
        return out

    def rejected(self, limit: int = 200) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT path, reason, at FROM rejected ORDER BY id DESC LIMIT ?", (limit,)
        ).fetchall()
        return [dict(r) for r in rows]

    def known(self, article_id: str) -> str | None:
        """The stored content hash of ``article_id``, if it is stored."""
        row = self.db.execute(
            "SELECT content_hash FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return None if row is None else row[0]

    def hash_owner(self, digest: str) -> str | None:
        row = self.db.execute(
            "SELECT id FROM articles WHERE content_hash = ? LIMIT 1", (digest,)
        ).fetchone()
        return None if row is None else row[0]

    # ----------------------------------------------------------------- writes

    def record_rejected(self, db: sqlite3.Connection, rejected: Rejected) -> None:
        db.execute(
            "INSERT INTO rejected(path, reason, at) VALUES (?, ?, ?)",
            (rejected.path, rejected.reason, time.time()),
        )

    def put_article(self, db: sqlite3.Connection, article: Article, digest: str) -> None:
        """Insert or replace one article (inside a transaction)."""
        from corroborate.out.render import article_dict

        now = time.time()
        db.execute(
            "INSERT INTO articles(id, content_hash, path, outlet, title, published, url, language,"
            " record, article_json, added_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT(id) DO UPDATE SET content_hash=excluded.content_hash,"
            " path=excluded.path, outlet=excluded.outlet, title=excluded.title,"
            " published=excluded.published, url=excluded.url, language=excluded.language,"
            " record=excluded.record, article_json=excluded.article_json,"
            " updated_at=excluded.updated_at",
            (
                article.id,
                digest,
                article.path,
                article.outlet,
                article.title,
                article.published or article.published_inferred,
                article.url,
                article.language,
                _dumps(article_to_record(article)),
                _dumps(article_dict(article)),
                now,
                now,
            ),
        )
        db.execute("DELETE FROM articles_fts WHERE article_id = ?", (article.id,))
        db.execute(
            "INSERT INTO articles_fts(article_id, title, text) VALUES (?, ?, ?)",
            (article.id, article.title or "", article.text),
        )

    def assign(self, db: sqlite3.Connection, article_id: str, story_id: str) -> None:
        """Put an article in a story and mark the story for briefing."""
        previous = db.execute(
            "SELECT story_id FROM articles WHERE id = ?", (article_id,)
        ).fetchone()[0]
        db.execute("UPDATE articles SET story_id = ? WHERE id = ?", (story_id, article_id))
        for sid in {story_id, previous} - {None}:
            self._refresh_story_row(db, sid)

    def _refresh_story_row(self, db: sqlite3.Connection, story_id: str) -> None:
        count, outlets, first, last = db.execute(
            "SELECT count(*), count(DISTINCT coalesce(outlet, id)), min(published),"
            " max(published) FROM articles WHERE story_id = ?",
            (story_id,),
        ).fetchone()
        db.execute(
            "INSERT INTO stories(id, article_count, outlet_count, first_date, last_date, dirty,"
            " updated_at) VALUES (?, ?, ?, ?, ?, 1, ?) ON CONFLICT(id) DO UPDATE SET"
            " article_count=excluded.article_count, outlet_count=excluded.outlet_count,"
            " first_date=excluded.first_date, last_date=excluded.last_date, dirty=1,"
            " updated_at=excluded.updated_at",
            (story_id, count, outlets, first, last, time.time()),
        )

    def put_brief(self, db: sqlite3.Connection, story_id: str, data: dict[str, Any]) -> None:
        # Independent outlets, as the brief counts them: syndicated copies count once, as the
        # first copy's outlet (an unnamed outlet is its article).
        outlet_of = dict(
            db.execute("SELECT id, outlet FROM articles WHERE story_id = ?", (story_id,)).fetchall()
        )
        sources = independent_sources(outlet_of, data.get("copies", []), outlet_of)
        # The story's first and last days, from its articles' own dates.
        db.execute(
            "UPDATE stories SET title = ?, data = ?, dirty = 0, updated_at = ?, outlet_count = ?,"
            " first_date = (SELECT min(published) FROM articles WHERE story_id = ?),"
            " last_date = (SELECT max(published) FROM articles WHERE story_id = ?) WHERE id = ?",
            (data.get("title"), _dumps(data), time.time(), sources, story_id, story_id, story_id),
        )
        db.execute("DELETE FROM stories_fts WHERE story_id = ?", (story_id,))
        db.execute(
            "INSERT INTO stories_fts(story_id, title) VALUES (?, ?)",
            (story_id, data.get("title") or ""),
        )

    def vectors(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        """The stored sentence vectors of any of ``texts`` (float32, by text)."""
        by_hash = {text_hash(t): t for t in texts}
        found: dict[str, np.ndarray] = {}
        keys = list(by_hash)
        for start in range(0, len(keys), 500):  # SQLite's limit on bound parameters
            chunk = keys[start : start + 500]
            rows = self.db.execute(
                f"SELECT text_hash, vector FROM vectors WHERE text_hash IN "
                f"({','.join('?' * len(chunk))})",
                chunk,
            ).fetchall()
            for digest, blob in rows:
                found[by_hash[bytes(digest)]] = np.frombuffer(blob, dtype=np.float32)
        return found

    @staticmethod
    def put_vectors(db: sqlite3.Connection, vectors: Mapping[str, np.ndarray]) -> None:
        """Keep sentence vectors (by their text's hash) for later re-briefs."""
        db.executemany(
            "INSERT OR IGNORE INTO vectors(text_hash, vector) VALUES (?, ?)",
            ((text_hash(t), np.asarray(v, dtype=np.float32).tobytes()) for t, v in vectors.items()),
        )

    def stage_work(self, key: bytes) -> bytes | None:
        """The kept piece of story-stage work under ``key`` (pickled), if any."""
        row = self.db.execute("SELECT value FROM stage_work WHERE key = ?", (key,)).fetchone()
        return None if row is None else bytes(row[0])

    @staticmethod
    def put_stage_work(db: sqlite3.Connection, pieces: Mapping[bytes, bytes], version: str) -> None:
        """Keep pieces of story-stage work made by the code ``version``, and drop those any
        other code made (they can never be used again)."""
        db.execute("DELETE FROM stage_work WHERE version != ?", (version,))
        db.executemany(
            "INSERT OR REPLACE INTO stage_work(key, version, value) VALUES (?, ?, ?)",
            ((key, version, value) for key, value in pieces.items()),
        )

    def dirty_stories(self) -> list[str]:
        rows = self.db.execute("SELECT id FROM stories WHERE dirty ORDER BY id").fetchall()
        return [r[0] for r in rows]

    def story_member_ids(self, story_id: str) -> list[str]:
        rows = self.db.execute(
            "SELECT id FROM articles WHERE story_id = ? ORDER BY rowid", (story_id,)
        ).fetchall()
        return [r[0] for r in rows]


class _Transaction:
    def __init__(self, store: Store) -> None:
        self.store = store

    def __enter__(self) -> sqlite3.Connection:
        self.store._write_lock.acquire()
        db = self.store.db
        try:
            db.execute("BEGIN IMMEDIATE")
        except BaseException as error:
            self.store._write_lock.release()
            self._refuse_if_read_only(error)
            raise
        return db

    def __exit__(self, kind: Any, exc: Any, tb: Any) -> None:
        db = self.store.db
        try:
            db.execute("ROLLBACK" if kind else "COMMIT")
        except sqlite3.OperationalError as error:
            self._refuse_if_read_only(error)
            raise
        finally:
            self.store._write_lock.release()
        self._refuse_if_read_only(exc)

    def _refuse_if_read_only(self, error: BaseException | None) -> None:
        """A write refused as read-only (the store became so since it was checked) is a
        :class:`ReadOnlyStore`, not SQLite's own error."""
        if isinstance(error, sqlite3.OperationalError) and _read_only(error):
            raise ReadOnlyStore(self.store._read_only_message(error)) from error


def _read_only(error: sqlite3.Error) -> bool:
    """Whether SQLite refused to write: a read-only file, folder or disk (SQLITE_READONLY and
    its extended codes)."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF == sqlite3.SQLITE_READONLY
    return "readonly" in str(error)


def _check_folder(path: Path) -> None:
    """Refuse a store in a folder that does not exist (SQLite would only say it cannot open
    the file), or a folder given for the file."""
    if path.is_dir():
        raise StoreError(
            f"{path} is a folder: give the database's file name (e.g. {path}/corroborate.db)"
        )
    if not path.parent.is_dir():
        raise StoreError(
            f"cannot open the database {path}: the folder {path.parent} does not exist; "
            "create it first, or give another path with --db"
        )


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_plain)


# --------------------------------------------------------------------------- adding
