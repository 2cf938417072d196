"""Uploads into the store: files and pasted text become articles (the same ingest -> store
path as ``corroborate add``), written under server-chosen names in a fresh temporary folder,
and the stories they join are briefed again."""

from __future__ import annotations

import hashlib
import re
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from fastapi import UploadFile

from corroborate.app.library import add_articles
from corroborate.app.links import safe_url
from corroborate.app.store import Store, content_hash
from corroborate.errors import UploadError
from corroborate.model import Article, Rejected

MAX_FILES = 50
UPLOAD_SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl")
_UPLOAD_ID = re.compile(r"[^\w.\-]+")  # letters of any script are kept: "日本語.txt" -> "日本語"


class Models:
    """The spaCy pipeline and embedder for uploads, loaded on first use (once)."""

    def __init__(
        self, model: str | None, embedder: str, loaded: tuple[Any, Any] | None = None
    ) -> None:
        self.model, self.embedder_name = model, embedder
        self._lock = threading.Lock()
        self._loaded = loaded

    def get(self) -> tuple[Any, Any]:
        with self._lock:
            if self._loaded is None:
                from corroborate.annotate.nlp import load_spacy
                from corroborate.embed.load import load_embedder

                self._loaded = (load_spacy(self.model), load_embedder(self.embedder_name))
            return self._loaded


@dataclass(frozen=True)
class Pasted:
    """The form's pasted text and what the uploader says about it (all may be empty)."""

    text: str = ""
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: str = ""


def ingest_upload(
    store: Store,
    models: Models,
    lock: threading.Lock,
    files: list[UploadFile],
    pasted: Pasted,
) -> dict[str, Any]:
    """Adds the uploaded files and pasted text to ``store`` (one upload at a time, under
    ``lock``); the report lists what was added, updated, unchanged or rejected, and the
    stories touched. Raises UploadError for a form that cannot be used."""
    files = [f for f in files if f.filename or f.size]
    _check(files, pasted)
    with tempfile.TemporaryDirectory(prefix="corroborate-upload-") as tmp:
        items: list[Article | Rejected] = []
        for n, upload in enumerate(files):
            items += _file_items(Path(tmp), n, upload)
        if pasted.text.strip():
            items.append(_pasted_article(pasted))
        nlp, embed = models.get()
        with lock:
            _distinct_upload_ids(store, items)
            report = add_articles(
                store, items, nlp=nlp, embedder=embed, embedder_name=models.embedder_name
            )
    stored = (store.article(a) for a in report.added + report.updated)
    stories = sorted({article["story_id"] for article in stored if article})
    return {
        "added": report.added,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "rejected": [{"path": r.path, "reason": r.reason} for r in report.rejected],
        "stories": stories,
    }


def _check(files: list[UploadFile], pasted: Pasted) -> None:
    if len(files) > MAX_FILES:
        raise UploadError(f"At most {MAX_FILES} files per upload.")
    if not files and not pasted.text.strip():
        raise UploadError("Choose files to upload or paste an article's text.")
    if pasted.published and not _is_day(pasted.published):
        raise UploadError("The publication date must be a real day, written YYYY-MM-DD.")
    if pasted.url and safe_url(pasted.url) is None:
        raise UploadError("The URL must start with http:// or https://.")


def _file_items(tmp: Path, n: int, upload: UploadFile) -> list[Article | Rejected]:
    """The articles in the ``n``-th uploaded file, saved in ``tmp`` under a name the server
    picks (never the client's); a file of another type is rejected."""
    from corroborate.read.ingest import iter_inputs

    client = Path(upload.filename or f"upload-{n}").name
    suffix = Path(client).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        reason = f"unsupported file type {suffix or '(none)'}: upload " + ", ".join(UPLOAD_SUFFIXES)
        return [Rejected(client, reason)]
    target = tmp / f"upload-{n}{suffix}"
    target.write_bytes(upload.file.read())
    stem = _UPLOAD_ID.sub("-", Path(client).stem).strip("-.")[:100] or f"upload-{n}"
    items: list[Article | Rejected] = []
    for item in iter_inputs([target]):
        if isinstance(item, Article):
            if suffix in (".txt", ".html", ".htm"):
                item.id = stem
            item.path = f"upload:{client}" + (
                item.path[len(str(target)) :] if item.path.startswith(str(target)) else ""
            )
        else:
            item = Rejected(f"upload:{client}", item.reason)
        items.append(item)
    return items


def _pasted_article(pasted: Pasted) -> Article:
    digest = hashlib.sha256(pasted.text.encode("utf-8")).hexdigest()[:12]
    base = _UPLOAD_ID.sub("-", pasted.title).strip("-.")[:60].lower()
    return Article(
        f"pasted-{base}-{digest}" if base else f"pasted-{digest}",
        "upload:pasted",
        pasted.text,
        outlet=pasted.outlet or None,
        title=pasted.title or None,
        published=pasted.published or None,
        published_source="record" if pasted.published else None,
        url=safe_url(pasted.url),
    )


def _distinct_upload_ids(store: Store, items: Sequence[Any]) -> None:
    """An uploaded file is known by its name, unless that name is taken by another text
    (stored, or in the same upload): then by its name and a fingerprint of its content, so
    that an upload never replaces an article it merely shares a file name with."""
    taken: dict[str, str] = {}
    for item in items:
        if not isinstance(item, Article):
            continue
        digest = content_hash(item)
        owner = taken.get(item.id) or store.known(item.id)
        if owner is not None and owner != digest:
            item.id = f"{item.id}-{digest[:10]}"
        taken.setdefault(item.id, digest)


def _is_day(value: str) -> bool:
    """Whether ``value`` is a real day written YYYY-MM-DD (2025-02-30 is not)."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        return date.fromisoformat(value).year >= 1
    except ValueError:
        return False
