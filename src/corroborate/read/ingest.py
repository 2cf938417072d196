"""Read articles from files, folders, HTML pages and JSON/JSONL records.

The first stage of the pipeline: every input becomes an :class:`~corroborate.model.Article`
holding the text as read (``raw``) and what is known about it (outlet, title, date, URL), or a
:class:`~corroborate.model.Rejected` saying in plain words why it could not be read. A bad
input never stops the run.

What is read, by file extension:

=====================  ==============================================================
``.html`` ``.htm``     main text via trafilatura (precision first: no comments, no
                       tables); title, date and site name from the page's metadata
``.jsonl`` ``.ndjson`` one JSON object per line: ``{"id": ..., "text": ...}`` (or
                       ``"html"``), read line by line
``.json``              one such object, a list of them, or ``{"articles": [...]}``
``.pdf`` ``.png`` ...  rejected with a hint how to convert them
anything else          read as text (``.txt``, ``.md``, no extension ...) when it
                       decodes as text
=====================  ==============================================================

Text is decoded as UTF-8, else by charset detection (preferring Windows-1252 for Western
European text), and then repaired with ftfy (``"CafÃ©"`` becomes ``"Café"``).

Sizes are checked before any work is spent on an input: the bytes on disk before a file is
read (:data:`MAX_TEXT_BYTES`, :data:`MAX_HTML_BYTES`, :data:`MAX_JSON_BYTES`; a JSON Lines line
past :data:`MAX_RECORD_BYTES` is skipped unread), then the characters of a text before it is
repaired (:data:`MAX_ARTICLE_CHARS`). A page nested deeper than the HTML parser reads is
flattened first (:func:`readable_nesting`), so that its text is not lost.

A manifest (CSV or JSON) adds or overrides metadata per file or record id; see
:func:`load_manifest`.

Example::

    >>> articles, rejected = ingest(["corpus/"], manifest="corpus/manifest.csv")
    >>> articles[0].id, articles[0].outlet, articles[0].published
    ('000_191957c5f9aef665', 'AP', '2023-12-30')
"""

from __future__ import annotations

import csv
import errno
import io
import json
import logging
import math
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

import ftfy

from corroborate.errors import ManifestError
from corroborate.model import Article, Rejected
from corroborate.read.clean import MAX_ARTICLE_CHARS

__all__ = [
    "ManifestError",
    "ingest",
    "iter_inputs",
    "load_manifest",
    "normalize_date",
    "why_missing",
]

log = logging.getLogger(__name__)

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
JSON_SUFFIXES = frozenset({".json"})

# The fields of Article a manifest entry or a JSON record may set; any other key goes to attrs.
ARTICLE_FIELDS = ("outlet", "url", "title", "published", "language")
# Languages a written-out date ("30 décembre 2023") is read in, besides the article's own.
DATE_LANGUAGES = ("en", "es", "fr")
# Manifest columns (or JSON keys) that name the file or record an entry belongs to, by priority.
MANIFEST_KEY_COLUMNS = ("file", "filename", "file_name", "path", "name", "id")

# Sizes, checked before any work is spent on an input: the bytes on disk first (a file too
# large is never read), then the characters once decoded (before repair and cleaning).
# MAX_ARTICLE_CHARS (spaCy's default max_length) is the longest text read as one article; a
# text file of more bytes than this holds more characters in any encoding (4 bytes at most).
MAX_TEXT_BYTES = 4 * MAX_ARTICLE_CHARS
# An HTML page is its text many times over in markup, scripts and styles; a news page is
# rarely over 2 MB.
MAX_HTML_BYTES = 16 * 1024 * 1024
# One JSON Lines record (a line), which may carry a page in "html".
MAX_RECORD_BYTES = MAX_HTML_BYTES
# A .json file is read whole; JSON Lines are read a line at a time, whatever their size.
MAX_JSON_BYTES = 64 * 1024 * 1024

# What a binary input is, and how to make it readable: (suffixes, kind, hint).
_BINARY_KINDS = [
    (".pdf", "PDF files", "convert to text or HTML first (e.g. `pdftotext FILE.pdf`)"),
    (
        ".doc .docx .odt .rtf .pages",
        "word-processor documents",
        "save as plain text (.txt) or HTML first",
    ),
    (".xls .xlsx .ods .ppt .pptx .odp .key", "office documents", "export the text first"),
    (
        ".png .jpg .jpeg .gif .webp .bmp .tif .tiff .heic .ico",
        "images",
        "corroborate reads text, not pictures; run OCR first",
    ),
    (
        ".zip .gz .tgz .tar .bz2 .xz .7z .rar",
        "archives",
        "unpack the archive and pass the folder",
    ),
    (".epub .mobi .azw .azw3", "e-books", "convert to text or HTML first"),
    (
        ".mp3 .mp4 .m4a .wav .ogg .oga .flac .mov .avi .mkv .webm",
        "audio and video files",
        "transcribe to text first",
    ),
    (
        ".exe .dll .so .dylib .bin .pyc .o .class .jar .sqlite .db",
        "binary files",
        "pass the articles as text, HTML, JSON or JSONL",
    ),
]
_KINDS: dict[str, tuple[str, str]] = {
    suffix: (kind, hint) for suffixes, kind, hint in _BINARY_KINDS for suffix in suffixes.split()
}

# Leading bytes that betray a binary format whatever the file is called.
_MAGIC = (
    (b"%PDF-", ".pdf"),
    (b"\x89PNG\r\n\x1a\n", ".png"),
    (b"\xff\xd8\xff", ".jpg"),
    (b"GIF87a", ".gif"),
    (b"GIF89a", ".gif"),
    (b"PK\x03\x04", ".zip"),
    (b"\x1f\x8b", ".gz"),
    (b"{\\rtf", ".rtf"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".doc"),
)

# ftfy repairs encoding damage; its cosmetic fixes are off so quotes stay verbatim: curly quotes
# are kept (quote extraction and citations rely on the source's exact characters) and full-width
# characters are left alone.
_FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False)

# Encodings that charset detection may name for Western European text, which cp1252 decodes
# the same way for the letters news articles use.
_WESTERN = frozenset({"cp1252", "windows-1252", "latin_1", "latin-1", "iso8859_1", "iso8859_15"})

# A full ISO 8601 calendar date, alone or starting a datetime (not "2023-W52", a week).
_ISO_DAY = re.compile(r"\d{4}-?\d{2}-?\d{2}(?:[T ]|$)")
_HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(<!doctype\s+html|<html[\s>])", re.IGNORECASE)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_HTML_LANG = re.compile(
    r"""<html[^>]*?\slang\s*=\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)""", re.IGNORECASE
)
# The Open Graph locale of a page ("en_GB"), its attributes in any order.
_META_TAG = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_OG_LOCALE = re.compile(r"""\bproperty\s*=\s*["']?og:locale["'\s/>]""", re.IGNORECASE)
_CONTENT = re.compile(r"""\bcontent\s*=\s*["']?\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)""", re.I)
# How far into a page its head's language tags are looked for.
HEAD_CHARS = 65_536


class _Unreadable(Exception):
    """An input cannot become an article; ``reason`` is the human message for Rejected."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


def iter_inputs(
    paths: Sequence[str | Path] | str | Path,
    manifest: str | Path | None = None,
) -> Iterator[Article | Rejected]:
    """Stream articles (raw text + metadata) from files, folders and JSON/JSONL.

    Folders are walked recursively: in each folder its files in name order, then its
    sub-folders in name order; hidden files and folders (``.name``) are skipped, and so is the
    manifest file itself. Each file is read only when its turn comes, and JSONL line by line,
    so a large corpus is never held in memory.

    Every input that cannot be read -- a missing path, a link loop, a folder that cannot be
    listed, a binary or empty file, a file too large (told by its size on disk, unread), a
    broken JSON line, a record without ``id`` or ``text``, a repeated article id, a folder's own
    manifest that cannot be read -- is yielded as a :class:`Rejected` with a human reason, and
    reading goes on.

    Args:
        paths: files and folders to read (a single path is accepted too).
        manifest: optional CSV or JSON file of metadata per file name or record id; its values
            override what the HTML metadata or the record says (see :func:`load_manifest`).

    Yields:
        An :class:`Article` or a :class:`Rejected` per input (per record for JSON/JSONL).

    Raises:
        ManifestError: the manifest named cannot be read (raised on the first ``next()``).


    Example::

        >>> for item in iter_inputs(["notes.txt", "feed.jsonl"]):
        ...     print(type(item).__name__, item.path)
        Article notes.txt
        Article feed.jsonl#0
        Rejected feed.jsonl#1
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    # A named manifest applies to every input; else a folder's own manifest to that folder's
    # files only (two folders may both hold a "01.txt"). Manifests are never read as articles.
    in_folders = {Path(p): found[0] for p in paths if (found := find_manifests([p]))}
    named = _Manifest(load_manifest(Path(manifest)) if manifest is not None else {})
    own: dict[Path, _Manifest] = {}
    if manifest is None:
        own, broken = _folder_manifests(in_folders)
        yield from broken
    skip = {m.resolve() for m in in_folders.values()}
    if manifest is not None:
        skip.add(Path(manifest).resolve())
    reader = _Reader(named, skip)
    for given in paths:
        reader.manifest = own.get(Path(given), named)
        yield from reader.read_path(Path(given))
    for used in [named, *own.values()]:
        used.warn_unused()


def _folder_manifests(
    in_folders: Mapping[Path, Path],
) -> tuple[dict[Path, _Manifest], list[Rejected]]:
    """The manifest of each input folder that has one; one that cannot be read is rejected
    with its reason and the folder's files are read without it (a manifest found in a folder
    was not asked for: it does not stop the run, as a bad ``--manifest FILE`` does)."""
    own: dict[Path, _Manifest] = {}
    broken: list[Rejected] = []
    for folder, found in in_folders.items():
        try:
            own[folder] = _Manifest(load_manifest(found))
        except ManifestError as error:
            reason = f"manifest not applied (the folder's files are read without it): {error}"
            broken.append(Rejected(str(found), reason))
    return own, broken


def ingest(
    paths: Sequence[str | Path] | str | Path,
    manifest: str | Path | None = None,
) -> tuple[list[Article], list[Rejected]]:
    """Read every input at once: :func:`iter_inputs` collected into two lists.

    Example::

        >>> articles, rejected = ingest(["corpus/"])
        >>> [a.id for a in articles], [r.reason for r in rejected]
        (['a', 'b'], ['PDF files are not supported; convert to text or HTML first ...'])
    """
    articles: list[Article] = []
    rejected: list[Rejected] = []
    for item in iter_inputs(paths, manifest):
        if isinstance(item, Article):
            articles.append(item)
        else:
            rejected.append(item)
    return articles, rejected


def load_manifest(path: str | Path) -> dict[str, dict[str, Any]]:
    """Read a manifest: metadata for each input file (or JSON record id).

    Accepted forms:

    * CSV (``,``, ``;`` or tab separated) with a header row. One column names the file: the
      first of ``file``, ``filename``, ``file_name``, ``path``, ``name``, ``id``. The columns
      ``outlet``, ``url``, ``published``, ``language`` and ``title`` set those fields; any other
      column is kept in ``article.attrs``. Empty cells are left out.
    * JSON: a list of objects, each with one of the key fields above, or an object keyed by
      file name whose values are objects.

    A key matches an input by its path relative to the folder given, the path as given, its
    file name, its stem, or (for JSON records) the record id.

    Args:
        path: the manifest file (``.csv``, ``.tsv`` or ``.json``; other names are sniffed).

    Returns:
        ``{key: {field: value}}``, field names of the known fields in lower case.

    Raises:
        ManifestError: the file is missing, empty, not valid CSV/JSON, has no key column, or
            names the same file twice.

    Example::

        >>> # manifest.csv:  file,outlet,published
        >>> #                000.txt,AP,2023-12-30
        >>> load_manifest("manifest.csv")
        {'000.txt': {'outlet': 'AP', 'published': '2023-12-30'}}
    """
    path = Path(path)
    if not path.exists():
        raise ManifestError(f"manifest not found: {path} (check the path given with --manifest)")
    if path.is_dir():
        raise ManifestError(f"manifest {path} is a folder; give the CSV or JSON file itself")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ManifestError(f"cannot read manifest {path}: {error.strerror or error}") from None
    try:
        text = _decode_text(data)
    except _Unreadable as error:
        raise ManifestError(f"manifest {path} is not a text file: {error.reason}") from None
    if not text.strip():
        raise ManifestError(
            f"manifest {path} is empty; it needs a header row such as 'file,outlet,published'"
        )
    suffix = path.suffix.lower()
    if suffix == ".json" or (suffix not in {".csv", ".tsv"} and text.lstrip()[:1] in "[{"):
        return _manifest_from_json(text, path)
    return _manifest_from_csv(text, path, delimiter="\t" if suffix == ".tsv" else None)


def normalize_date(value: object, languages: Sequence[str] = DATE_LANGUAGES) -> str | None:
    """A publication date as ``YYYY-MM-DD``, or None if it names no exact day.

    ISO dates and datetimes are read as written (the date part, no time-zone shift); other
    forms go through dateparser with only absolute parsers, so "yesterday" or a bare year
    gives None rather than a guess.

    Args:
        value: a string, :class:`datetime.date` or :class:`datetime.datetime`.
        languages: ISO 639-1 codes to read month names in. Kept short on purpose: with
            every language dateparser knows, an unparseable value costs seconds.

    Example::

        >>> normalize_date("2023-12-30T23:30:00-05:00"), normalize_date("30 December 2023")
        ('2023-12-30', '2023-12-30')
        >>> normalize_date("December 2023") is None
        True
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if _ISO_DAY.match(text):
        try:
            return datetime.fromisoformat(text).date().isoformat()
        except ValueError:
            pass
    import dateparser  # imported late: it is slow to load and only needed for odd formats

    settings = {
        "STRICT_PARSING": True,
        "PARSERS": ["custom-formats", "absolute-time"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    try:
        try:
            parsed = dateparser.parse(text, languages=list(languages), settings=settings)
        except ValueError:  # a language dateparser does not know: try them all
            parsed = dateparser.parse(text, settings=settings)
    except Exception:  # noqa: BLE001 -- dateparser fails in assorted ways: all mean "unparsed"
        return None
    return parsed.date().isoformat() if parsed else None


# --------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Page:
    """What trafilatura found in an HTML page."""

    text: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    language: str | None
    author: str | None
    region: str | None = None  # the region of the page's language tag ("GB" of "en-GB")


MANIFEST_NAMES = ("manifest.csv", "manifest.tsv", "manifest.json")
# Files that document a folder of articles rather than being one of them.
PROJECT_FILE = re.compile(r"^(readme|license|licence|changelog|notice)(\.[a-z]+)?$", re.IGNORECASE)


def find_manifests(paths: Sequence[str | Path]) -> list[Path]:
    """The manifests (``manifest.csv``/``.tsv``/``.json`` at the top of a folder given as
    input), used when no manifest is named explicitly; the first name found per folder."""
    found = []
    for folder in (Path(p) for p in paths):
        if not folder.is_dir():
            continue
        for name in MANIFEST_NAMES:
            candidate = folder / name
            if candidate.is_file():
                log.info("using the manifest found in the folder: %s", candidate)
                found.append(candidate)
                break
    return found


class _Reader:
    """Reads inputs one by one, remembering article ids to catch duplicates."""

    def __init__(self, manifest: _Manifest, skip: set[Path]) -> None:
        self.manifest = manifest
        self.skip = skip
        self.seen: dict[str, str] = {}  # article id -> path it was read from
        self.files: set[Path] = set()  # files read (resolved): one given twice is read once

    def read_path(self, given: Path) -> Iterator[Article | Rejected]:
        if given.is_dir():
            yield from self._read_folder(given)
        elif given.exists():
            yield from self._read_file(given, rel=given.as_posix())
        else:
            yield Rejected(str(given), why_missing(given) or "no such file or folder")

    def _read_folder(self, root: Path) -> Iterator[Article | Rejected]:
        errors: list[OSError] = []
        found = False
        walked = {root.resolve()}  # linked sub-folders are followed, each folder walked once
        for folder, subfolders, names in os.walk(root, onerror=errors.append, followlinks=True):
            subfolders[:] = [
                name
                for name in sorted(subfolders)
                if not name.startswith(".") and _first_visit(Path(folder) / name, walked)
            ]
            for name in sorted(names):
                if name.startswith(".") or PROJECT_FILE.match(name):
                    continue
                path = Path(folder) / name
                if _real(path) in self.skip:
                    continue
                if name.lower() in MANIFEST_NAMES:
                    log.warning(
                        "%s is not applied: only a manifest at the top of a folder given "
                        "as input, or one named with --manifest, is read",
                        path,
                    )
                    continue
                found = True
                yield from self._read_file(path, rel=path.relative_to(root).as_posix())
            yield from _listing_errors(errors, folder)
        # The walk reports a folder it cannot list when it comes to it: after the last folder
        # it yields, for the last one.
        yield from _listing_errors(errors, str(root))
        if not found:
            yield Rejected(str(root), "folder holds no files to read (hidden files are skipped)")

    def _read_file(self, path: Path, rel: str) -> Iterator[Article | Rejected]:
        if not path.is_file():
            if not path.exists():
                yield Rejected(str(path), why_missing(path) or "no such file or folder")
            else:
                yield Rejected(str(path), "not a regular file (a pipe, socket or device)")
            return
        real = path.resolve()
        if real in self.files:
            return  # the same file given again (or through a link): read once
        self.files.add(real)
        suffix = path.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            yield from self._read_jsonl(path, rel)
        elif suffix in JSON_SUFFIXES:
            yield from self._read_json(path, rel)
        else:
            yield self._read_document(path, rel)

    # -- one article per file ----------------------------------------------------------------

    def _read_document(self, path: Path, rel: str) -> Article | Rejected:
        """A text or HTML file -> one Article (id = file stem)."""
        where = str(path)
        # The file's stem; where another file has it, its path in the folder read (without,
        # then with its extension): "a/story", "b/story.html".
        names = dict.fromkeys([path.stem, str(Path(rel).with_suffix("")), rel])
        article_id = next((name for name in names if name not in self.seen), path.stem)
        if article_id in self.seen:
            return self._duplicate(where, article_id)
        try:
            data = _read_bytes(path, _document_limit)
            is_html = path.suffix.lower() in HTML_SUFFIXES or _HTML_START.match(data[:1024])
            if is_html:
                page = _extract_html(readable_nesting(_decode_html(data)))
                _check_length(page.text, "of main text ")
                article = _article_from_page(article_id, where, page)
            else:
                article = Article(id=article_id, path=where, raw=_text_from_bytes(data))
        except _Unreadable as error:
            return Rejected(where, error.reason)
        except Exception as error:  # noqa: BLE001 -- never let one bad input stop the run
            return Rejected(
                where, f"unexpected error while reading: {type(error).__name__}: {error}"
            )
        entry = self.manifest.find(rel, path.as_posix(), path.name, path.stem)
        if entry:
            _apply_manifest(article, entry)
        return self._accept(article)

    # -- many articles per file -------------------------------------------------------------

    def _read_jsonl(self, path: Path, rel: str) -> Iterator[Article | Rejected]:
        """One record per line; a broken line is rejected and the others still read."""
        file_entry = self.manifest.find(rel, path.as_posix(), path.name, path.stem)
        any_line = False
        try:
            with path.open("rb") as stream:
                head = stream.read(4096)
                try:
                    _refuse_binary_content(head, path.suffix.lower())
                    if b"\x00" in head:
                        raise _Unreadable(
                            "looks like a binary file (it contains NUL bytes), not JSON Lines"
                        )
                except _Unreadable as error:
                    yield Rejected(str(path), error.reason)
                    return
                stream.seek(0)
                for index, line in enumerate(_capped_lines(stream, MAX_RECORD_BYTES)):
                    if index == 0 and line is not None:
                        line = line.removeprefix(b"\xef\xbb\xbf")
                    if line is None or line.strip():
                        any_line = True
                        yield self._read_line(line, index, f"{path}#{index}", file_entry)
        except OSError as error:
            yield Rejected(str(path), f"cannot read file: {error.strerror or error}")
            return
        if not any_line:
            yield Rejected(str(path), "empty file: no JSON lines in it")

    def _read_line(
        self, line: bytes | None, index: int, where: str, file_entry: dict[str, Any] | None
    ) -> Article | Rejected:
        """One JSON Lines line (None for one too large to read) -> Article or Rejected."""
        if line is None:
            return Rejected(where, _record_too_large(index))
        try:
            record = parse_json(_decode_line(line.rstrip(b"\r\n")))
        except _Unreadable as error:
            return Rejected(where, f"line {index + 1}: {error.reason}")
        except json.JSONDecodeError as error:
            return Rejected(
                where,
                f"line {index + 1} is not valid JSON: {_json_error(error)}; "
                "the other lines are still read",
            )
        return self._read_record(record, where, f"line {index + 1}", file_entry)

    def _read_json(self, path: Path, rel: str) -> Iterator[Article | Rejected]:
        """A JSON object, a list of objects, or ``{"articles": [...]}``."""
        try:
            text = _decode_text(_read_bytes(path, _json_limit))
        except _Unreadable as error:
            yield Rejected(str(path), error.reason)
            return
        try:
            document = parse_json(text)
        except json.JSONDecodeError as error:
            if error.msg == "Extra data" and text.lstrip().startswith("{"):
                # Several objects one after another: it is JSON Lines under a .json name.
                yield from self._read_jsonl(path, rel)
                return
            yield Rejected(
                str(path),
                f"not valid JSON: {_json_error(error, with_line=True)}",
            )
            return
        file_entry = self.manifest.find(rel, path.as_posix(), path.name, path.stem)
        if isinstance(document, dict) and isinstance(document.get("articles"), list):
            records: list[Any] | None = document["articles"]
        elif isinstance(document, list):
            records = document
        elif isinstance(document, dict):
            records = None
        else:
            yield Rejected(
                str(path),
                f"holds a JSON {_json_type(document)}; expected an object with 'id' and 'text', "
                'a list of such objects, or {"articles": [...]}',
            )
            return
        if records is None:
            yield self._read_record(document, str(path), "the record", file_entry)
            return
        if not records:
            yield Rejected(str(path), "holds no records (an empty list)")
        for index, record in enumerate(records):
            where = f"{path}#{index}"
            yield self._read_record(record, where, f"record {index + 1}", file_entry)

    def _read_record(
        self,
        record: Any,
        where: str,
        label: str,
        file_entry: dict[str, Any] | None,
    ) -> Article | Rejected:
        """A JSON record -> Article, with the manifest entries for its file and its id."""
        try:
            article = _article_from_record(record, where, label)
        except _Unreadable as error:
            return Rejected(where, error.reason)
        except Exception as error:  # noqa: BLE001 -- never let one bad record stop the run
            return Rejected(
                where, f"unexpected error while reading: {type(error).__name__}: {error}"
            )
        if article.id in self.seen:
            return self._duplicate(where, article.id)
        entry = {**(file_entry or {}), **(self.manifest.find(article.id) or {})}
        if entry:
            _apply_manifest(article, entry)
        return self._accept(article)

    # -- ids ---------------------------------------------------------------------------------

    def _accept(self, article: Article) -> Article | Rejected:
        if article.id in self.seen:
            return self._duplicate(article.path, article.id)
        self.seen[article.id] = article.path
        return article

    def _duplicate(self, where: str, article_id: str) -> Rejected:
        return Rejected(
            where,
            f"duplicate article id '{article_id}' (already read from {self.seen[article_id]})",
        )


def _first_visit(folder: Path, walked: set[Path]) -> bool:
    """Whether the folder (resolved: a link to a folder is that folder) is not walked yet."""
    real = _real(folder)
    if real is None or real in walked:
        return False
    walked.add(real)
    return True


def _real(path: Path) -> Path | None:
    """The path with every link followed, or None for a link loop (pathlib raises
    ``RuntimeError`` on one, which would end the run)."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return None


def why_missing(path: str | Path) -> str | None:
    """Why a path leads to no file or folder, or None when it leads to one: a link loop (a
    link to itself, or links to each other), a broken link, nothing there, or a folder on the
    way that cannot be searched.

    >>> why_missing("/no/such/file.txt")
    'no such file or folder'
    """
    try:
        os.stat(path)
        return None
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symbolic link loop: the link leads back to itself, never to a file"
        if error.errno not in (errno.ENOENT, errno.ENOTDIR):
            return f"cannot reach it: {error.strerror or error}"
    if Path(path).is_symlink():
        return "broken link: the file it points to does not exist"
    return "no such file or folder"


def _listing_errors(errors: list[OSError], folder: str) -> Iterator[Rejected]:
    """The folders the walk could not list (taken out of ``errors``), rejected."""
    while errors:
        error = errors.pop(0)
        yield Rejected(
            str(error.filename or folder), f"cannot list folder: {error.strerror or error}"
        )


# --------------------------------------------------------------------------------------------
# Sizes
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Limit:
    """The most bytes a file may hold, and why it is refused beyond (a format string of
    ``size``, ``most`` and ``chars``, the article's limit in characters)."""

    most: int
    reason: str

    def refuse(self, size: int) -> _Unreadable:
        return _Unreadable(self.reason.format(size=size, most=self.most, chars=MAX_ARTICLE_CHARS))


def _document_limit(head: bytes, suffix: str) -> _Limit:
    """The size limit of a text or HTML file, told from its name or its first bytes."""
    if suffix in HTML_SUFFIXES or _HTML_START.match(head):
        return _Limit(
            MAX_HTML_BYTES,
            "too large: {size:,} bytes (at most {most:,} bytes for an HTML page); save the "
            "article's own page, or pass its text as .txt",
        )
    return _Limit(
        MAX_TEXT_BYTES,
        "too large for one article: {size:,} bytes on disk, more than {chars:,} characters in "
        "any encoding; split it into its articles",
    )


def _json_limit(head: bytes, suffix: str) -> _Limit:
    return _Limit(
        MAX_JSON_BYTES,
        "too large: {size:,} bytes (at most {most:,} bytes for a .json file, which is read "
        "whole); write the records as JSON Lines (.jsonl), one per line, which are read one "
        "at a time",
    )


def _check_length(text: str, what: str = "") -> None:
    """Refuse a text longer than one article can be, before any work is spent on it."""
    if len(text) > MAX_ARTICLE_CHARS:
        raise _Unreadable(
            f"too long for one article: {len(text):,} characters {what}(at most "
            f"{MAX_ARTICLE_CHARS:,}); split it into its articles"
        )


def _capped_lines(stream: BinaryIO, most: int, chunk_size: int = 1 << 20) -> Iterator[bytes | None]:
    """The stream's lines (with their line break), read a chunk at a time; a line longer than
    ``most`` bytes is given as None, and no more than ``most`` bytes of it are ever held.
    (``readline`` is several times slower at finding the end of a long line.)"""
    pieces: list[bytes] = []  # the line so far, while it fits
    held = 0  # the line's length so far
    while chunk := stream.read(chunk_size):
        start = 0
        while (end := chunk.find(b"\n", start)) >= 0:
            held += end + 1 - start
            if held <= most + 1:  # the line break is not counted
                pieces.append(chunk[start : end + 1])
                yield b"".join(pieces)
            else:
                yield None
            pieces, held, start = [], 0, end + 1
        held += len(chunk) - start
        pieces = [*pieces, chunk[start:]] if held <= most else []
    if held:
        yield b"".join(pieces) if held <= most else None


def _record_too_large(index: int) -> str:
    return (
        f"line {index + 1} is too large for one record: more than {MAX_RECORD_BYTES:,} bytes "
        "(skipped unread); the other lines are still read"
    )


def _read_bytes(path: Path, limit: Callable[[bytes, str], _Limit]) -> bytes:
    """The file's bytes, after the checks that need no decoding: binary kinds, size (from the
    disk, and what ``limit`` says of the first bytes and the name), emptiness. A file over
    its limit is never read past its first KB."""
    suffix = path.suffix.lower()
    if suffix in _KINDS:
        raise _Unreadable(_unsupported(suffix))
    try:
        with path.open("rb") as stream:
            head = stream.read(1024)
            most = limit(head, suffix)
            size = os.fstat(stream.fileno()).st_size
            if size > most.most:
                raise most.refuse(size)
            data = head + stream.read(most.most + 1 - len(head))
    except PermissionError:
        raise _Unreadable("cannot read file: permission denied") from None
    except OSError as error:
        raise _Unreadable(f"cannot read file: {error.strerror or error}") from None
    if len(data) > most.most:  # it grew since
        raise most.refuse(len(data))
    _refuse_binary_content(data[:16], suffix)
    if not data:
        raise _Unreadable("empty file (0 bytes)")
    if not data.strip():
        raise _Unreadable("file holds only whitespace, no text")
    return data


def _refuse_binary_content(head: bytes, suffix: str) -> None:
    """Reject a file whose first bytes betray a binary format, whatever its name says."""
    for magic, kind_suffix in _MAGIC:
        if head.startswith(magic):
            named = f"named {suffix}" if suffix else "without an extension"
            raise _Unreadable(
                f"the file is really {kind_suffix[1:].upper()} (though {named}); "
                + _unsupported(kind_suffix)
            )


def _unsupported(suffix: str) -> str:
    """``".pdf"`` -> "PDF files are not supported; convert to text or HTML first (...)"."""
    kind, hint = _KINDS[suffix]
    if kind == "PDF files":
        return f"PDF files are not supported; {hint}"
    return f"{kind} ({suffix}) are not supported; {hint}"


def _text_from_bytes(data: bytes) -> str:
    """Decoded, ftfy-repaired text; rejects text too long for one article (before the repair)
    and text that is empty once repaired."""
    decoded = _decode_text(data)
    _check_length(decoded)
    text = ftfy.fix_text(decoded, _FTFY_CONFIG)
    if not text.strip():
        raise _Unreadable("file holds only whitespace, no text")
    return text


def _decode_text(data: bytes) -> str:
    """Decode bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else a legacy 8-bit
    encoding found by charset detection (Windows-1252 preferred when it fits).

    Raises ``_Unreadable`` (an internal error carrying a human reason) for binary data.

    Example::

        >>> _decode_text("Alicia Bárcena met Blinken.".encode("latin-1"))
        'Alicia Bárcena met Blinken.'
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise _Unreadable("starts with a UTF-16 mark but does not decode as UTF-16") from None
    if b"\x00" in data:
        raise _Unreadable(
            "looks like a binary file (it contains NUL bytes), not text; "
            "if it is UTF-16 text, save it as UTF-8"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _decode_legacy(data)
    if _control_ratio(text) > 0.01:
        raise _Unreadable(
            "does not look like text (too many control characters); "
            "save it as UTF-8 text, or pass it as HTML"
        )
    return text


def _decode_legacy(data: bytes) -> str:
    """Bytes that are not UTF-8: cp1252 when it fits, else what charset detection says."""
    try:
        western: str | None = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    try:
        import charset_normalizer
    except ImportError:  # it ships with requests, but is not a hard dependency
        return western if western is not None else data.decode("latin-1")
    matches = charset_normalizer.from_bytes(data)
    names = {match.encoding.lower() for match in matches}
    # Detection is weak on short texts (it reads "trčs" for French "très"); an article that
    # decodes as cp1252 and is mostly ASCII, or that detection finds plausibly Western, is read
    # as cp1252, the legacy encoding of English, Spanish and French news.
    if western is not None and (names & _WESTERN or _mostly_ascii(western)):
        return western
    best = matches.best()
    if best is not None:
        return str(best)
    return western if western is not None else data.decode("latin-1")


def _mostly_ascii(text: str) -> bool:
    return sum(1 for char in text if ord(char) > 127) <= 0.05 * len(text)


# Control characters (Unicode category Cc) other than tab, newlines, form feed, vertical tab.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROL.findall(text)) / len(text)


def _decode_line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_text(line)


def _json_error(error: json.JSONDecodeError, with_line: bool = False) -> str:
    """``"Expecting value at line 2, column 5"`` (json's own messages end in a dangling "at")."""
    where = f"line {error.lineno}, column {error.colno}" if with_line else f"column {error.colno}"
    return f"{error.msg.removesuffix(' at')} at {where}"


def _json_type(value: Any) -> str:
    return {
        dict: "object",
        list: "array",
        str: "string",
        bool: "boolean",
        int: "number",
        float: "number",
        type(None): "null",
    }.get(type(value), type(value).__name__)


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------


def _decode_html(data: bytes) -> str:
    """UTF-8 first (pages often declare a charset they do not use), then the declared one."""
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")) and b"\x00" not in data:
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            declared = _META_CHARSET.search(data[:4096])
            if declared:
                try:
                    return data.decode(declared.group(1).decode("ascii"))
                except (LookupError, UnicodeDecodeError):
                    pass
    return _decode_text(data)


# A precision-mode text shorter than this share of the default mode's is taken to have lost
# part of the article (trafilatura's precision mode prunes whole blocks: a "story-bottom"
# half, a bordered box, a header holding the lede), and the default mode's text is used.
PRECISION_SHARE = 0.5
LOST_CHARS = 250  # ... and by this much at least: a paragraph, not a menu (trafilatura's minimum)
# A table cell holding this many words of its own (nested tables aside) is prose: the table
# lays a page out rather than holding data.
LAYOUT_CELL_WORDS = 30


def _extract_html(html: str) -> _Page:
    """Main text and metadata of a page, via trafilatura.

    Precision is favoured (boilerplate out even at the cost of a marginal paragraph), unless
    the precise text is far shorter than trafilatura's default (:data:`PRECISION_SHARE`):
    then it has lost part of the article, and the default text is used. Tables that lay the
    page out are read as the blocks of text they hold (:func:`unwrap_layout_tables`); data
    tables come as rows (``| cell | cell |``) that cleaning sets aside. Comments are left out;
    the date is the original publication date from the page's markup, never a date guessed
    from the running text.
    """
    import trafilatura  # imported late: it is slow to load and only HTML needs it
    from trafilatura.settings import set_date_params

    # Unicode strings with an XML declaration are refused by lxml; the text is decoded already.
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    tree = _page_tree(html)
    options: dict[str, Any] = {
        "include_comments": False,
        "include_tables": True,
        "include_images": False,
        "include_links": False,
    }
    document = trafilatura.bare_extraction(
        tree if tree is not None else html,
        favor_precision=True,
        with_metadata=True,
        date_extraction_params=set_date_params(extensive=False),
        **options,
    )
    precise = _document_text(document)
    default = _document_text(
        trafilatura.bare_extraction(tree if tree is not None else html, **options)
    )
    lost = len(default) - len(precise)
    text = default if lost >= LOST_CHARS and lost > PRECISION_SHARE * len(default) else precise
    if not text.strip():
        raise _Unreadable(
            "no main text found in the HTML page (trafilatura extracted nothing); if the page "
            "builds its text with JavaScript, save the rendered page, or pass its text as .txt"
        )

    def meta(name: str) -> str | None:
        value = getattr(document, name, None)
        return _fix(value) if isinstance(value, str) and value.strip() else None

    language, region = page_language(html)
    return _Page(
        text=ftfy.fix_text(text, _FTFY_CONFIG),
        title=meta("title"),
        outlet=meta("sitename"),
        published=normalize_date(meta("date")),
        url=meta("url"),
        language=language,
        author=meta("author"),
        region=region,
    )


def page_language(html: str) -> tuple[str | None, str | None]:
    """The language a page's ``<html lang>`` gives, and the region of its tag, else of its
    Open Graph locale (``og:locale``) when that names the same language or the page names
    none: ``lang="en-gb"`` -> ``("en", "GB")``; ``lang="en"`` with ``og:locale`` "en_CA" ->
    ``("en", "CA")``. The locale never sets the language itself (a site gives one locale to
    every page; the words of the text are read instead when the page names no language).

    >>> page_language('<html lang="en-GB"><head></head>')
    ('en', 'GB')
    >>> page_language('<html><head><meta content="en_AU" property="og:locale"></head>')
    (None, 'AU')
    """
    head = html[:HEAD_CHARS]
    found = _HTML_LANG.search(head[:4096])
    language, region = language_tag(found.group(1)) if found else (None, None)
    if region is None:
        for tag in _META_TAG.findall(head):
            content = _CONTENT.search(tag)
            if content and _OG_LOCALE.search(tag):
                locale_language, locale_region = language_tag(content.group(1))
                if language in (None, locale_language):
                    region = locale_region
                break
    return language, region


def language_tag(value: str) -> tuple[str, str | None]:
    """The language and region of a language tag, as BCP 47 (``"en-GB"``) or a locale
    (``"en_GB"``, ``"en_GB.UTF-8"``) writes them: the primary subtag lower-cased, which picks
    the NLP pipeline, and the region upper-cased (two letters, or three digits: "419", Latin
    America), after a script if one is given ("zh-Hant-TW"); None when the tag names none.

    >>> language_tag("en-gb"), language_tag("EN"), language_tag("zh-Hant-TW")
    (('en', 'GB'), ('en', None), ('zh', 'TW'))
    """
    parts = [p for p in re.split(r"[-_]", value.strip().split(".")[0]) if p]
    if not parts:
        return "en", None
    rest = parts[1:]
    if rest and re.fullmatch(r"[A-Za-z]{4}", rest[0]):
        rest = rest[1:]  # a script: "Hant", "Latn"
    region = rest[0].upper() if rest and re.fullmatch(r"[A-Za-z]{2}|\d{3}", rest[0]) else None
    return parts[0].lower(), region


def _document_text(document: Any) -> str:
    text = getattr(document, "text", None) if document is not None else None
    return text if isinstance(text, str) else ""


def _page_tree(html: str) -> Any:
    """The page parsed (as trafilatura parses it), its layout tables unwrapped; ``None`` when
    it cannot be parsed (trafilatura then gets the text and says so itself)."""
    from trafilatura.utils import load_html

    try:
        tree = load_html(html)
    except (TypeError, ValueError):
        return None
    if tree is not None:
        unwrap_layout_tables(tree)
    return tree


def unwrap_layout_tables(tree: Any) -> None:
    """Turn the tables that lay a page out into plain blocks (``div``), in place.

    Old sites put the whole page in tables: a menu cell, an article cell. Read as a table, the
    article comes out as one cell of a row, or not at all. A table lays out when it holds a
    table or when most of its words are in cells of prose (:data:`LAYOUT_CELL_WORDS` words or
    more); a table of short cells (results, line-ups, prices) is data and stays a table.
    """
    layout = [table for table in tree.iter("table") if _is_layout_table(table)]
    parts = [
        element
        for table in layout
        for element in table.iter("thead", "tbody", "tfoot", "tr", "td", "th")
        if next(element.iterancestors("table"), None) is table
    ]
    for element in [*layout, *parts]:  # renamed once all are found: nesting is read first
        element.tag = "div"
        for attribute in ("colspan", "rowspan"):
            element.attrib.pop(attribute, None)


def _is_layout_table(table: Any) -> bool:
    """A table holding a table, or whose words are mostly in cells of prose (a results table
    with one long note stays data)."""
    if next(table.iterdescendants("table"), None) is not None:
        return True
    cells = [len(cell.text_content().split()) for cell in table.iterdescendants("td", "th")]
    prose = sum(n for n in cells if n >= LAYOUT_CELL_WORDS)
    return prose > 0 and 2 * prose >= sum(cells)


def _article_from_page(article_id: str, where: str, page: _Page) -> Article:
    article = Article(
        id=article_id,
        path=where,
        raw=page.text,
        title=page.title,
        outlet=page.outlet,
        url=page.url,
        language=page.language or "en",
        region=page.region,
    )
    if page.published:
        article.published = page.published
        article.published_source = "html"
    if page.author:
        article.attrs["author"] = page.author
    return article


# --------------------------------------------------------------------------------------------
# JSON records
# --------------------------------------------------------------------------------------------


def _article_from_record(record: Any, where: str, label: str) -> Article:
    """``{"id", "text" | "html", "url", "outlet", "title", "published", "language", ...}``."""
    if not isinstance(record, dict):
        raise _Unreadable(
            f"{label} holds a JSON {_json_type(record)}, not an object with 'id' and 'text'"
        )
    article_id = _record_id(record, label)
    text, html = record.get("text"), record.get("html")
    for field, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            raise _Unreadable(
                f"record '{article_id}': '{field}' must be a string, not a JSON {_json_type(value)}"
            )
    try:
        page, raw = _record_text(text, html)
    except _Unreadable as error:
        raise _Unreadable(f"record '{article_id}': {error.reason}") from None
    if raw is None and (text is not None or html is not None):
        raise _Unreadable(f"record '{article_id}' has empty text")
    if raw is None:
        keys = ", ".join(record) or "none"
        raise _Unreadable(
            f"record '{article_id}' has no 'text' or 'html' to read (keys found: {keys})"
        )
    article = (
        _article_from_page(article_id, where, page)
        if page
        else Article(id=article_id, path=where, raw=raw)
    )
    fields = {key: value for key, value in record.items() if key not in {"id", "text", "html"}}
    _apply_fields(article, fields, source="record")
    return article


def _record_id(record: dict[str, Any], label: str) -> str:
    """A record's id: a string or a whole number, not blank."""
    raw_id = record.get("id")
    if raw_id is None or (isinstance(raw_id, str) and not raw_id.strip()):
        keys = ", ".join(record) or "none"
        raise _Unreadable(
            f"{label} has no 'id'; give every record a unique string 'id' (keys found: {keys})"
        )
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)):
        raise _Unreadable(
            f"{label}: the 'id' is a JSON {_json_type(raw_id)}; give every record a unique "
            "string 'id'"
        )
    return str(raw_id).strip()


def _record_text(text: str | None, html: str | None) -> tuple[_Page | None, str | None]:
    """What a record gives to read: its text (repaired), else its page (and the page's main
    text); None for the text when it has neither. Sizes are checked before any work."""
    if text is not None and text.strip():
        _check_length(text)
        return None, ftfy.fix_text(text, _FTFY_CONFIG)
    if html is not None and html.strip():
        if len(html) > MAX_HTML_BYTES:
            raise _Unreadable(
                f"too large: an HTML page of {len(html):,} characters (at most "
                f"{MAX_HTML_BYTES:,}); give the article's own page, or its text in 'text'"
            )
        page = _extract_html(readable_nesting(html))
        _check_length(page.text, "of main text ")
        return page, page.text
    return None, None


# --------------------------------------------------------------------------------------------
# HTML nesting
# --------------------------------------------------------------------------------------------

# libxml2, which parses HTML for lxml and so for trafilatura, stops reading at 256 nested
# elements (2,048 with its "huge" option), and the page then loses all its text. A page nested
# deeper is brought to at most this depth before its main text is looked for.
HTML_DEPTH_KEPT = 200
# Elements that, bare (no attributes, nothing but one element inside), only nest.
_WRAPPER_TAGS = frozenset({"div", "span", "section", "font", "center"})


def readable_nesting(html: str) -> str:
    """The page as given when the HTML parser reads it whole; else the page with its nesting
    brought under the parser's limit, every word kept: bare wrappers taken out first (a
    ``<div>`` with no attributes around one element), then, if still too deep, every element
    deeper than :data:`HTML_DEPTH_KEPT` (its content goes to its parent).

    Raises ``_Unreadable`` for a page nested deeper than the parser reads even with its huge
    option (2,048 elements).
    """
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)  # lxml refuses it in a decoded string
    root, limited = _parse_html(html, huge=False)
    if root is None or not limited:
        return html
    root, limited = _parse_html(html, huge=True)
    if root is None or limited:
        raise _Unreadable(
            "the page is nested more than 2,048 elements deep, deeper than the HTML parser "
            "reads; save the article's own page, or pass its text as .txt"
        )
    _take_out_wrappers(root)
    _flatten_below(root, HTML_DEPTH_KEPT)
    from lxml import html as lxml_html

    return str(lxml_html.tostring(root, encoding="unicode"))


def _parse_html(html: str, huge: bool) -> tuple[Any, bool]:
    """The page's tree (None if it has none) and whether the parser hit its depth limit."""
    from lxml import etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(huge_tree=huge)
    try:
        root = lxml_html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError):
        return None, False
    limited = any(
        error.type_name == "ERR_RESOURCE_LIMIT" or "depth" in error.message.lower()
        for error in parser.error_log
    )
    return root, limited


def _take_out_wrappers(root: Any) -> None:
    """Drop every bare wrapper: an element of :data:`_WRAPPER_TAGS` with no attributes and
    no text of its own, around exactly one element."""
    for element in list(root.iter(_WRAPPER_TAGS)):
        children = list(element)
        if (
            len(children) == 1
            and isinstance(children[0].tag, str)
            and not element.attrib
            and not (element.text or "").strip()
            and not (children[0].tail or "").strip()
        ):
            element.drop_tag()


def _flatten_below(root: Any, depth_kept: int) -> None:
    """Drop every element deeper than ``depth_kept``, its text and children going to its
    parent, a line break on either side so that no two words are joined."""
    deep = [element for element, depth in _depths(root) if depth > depth_kept]
    for element in reversed(deep):  # the deepest first: each is then only text
        element.text = "\n" + (element.text or "")
        element.tail = "\n" + (element.tail or "")
        element.drop_tag()


def _depths(root: Any) -> Iterator[tuple[Any, int]]:
    """Each element with its depth below ``root``, in document order (comments left out)."""
    stack = [(root, 0)]
    while stack:
        element, depth = stack.pop()
        yield element, depth
        children = [child for child in element if isinstance(child.tag, str)]
        stack.extend((child, depth + 1) for child in reversed(children))


# --------------------------------------------------------------------------------------------
# Manifest
# --------------------------------------------------------------------------------------------


class _Manifest:
    """Looks entries up by the names an input may go by, remembering which were used."""

    def __init__(self, entries: Mapping[str, dict[str, Any]]) -> None:
        self.entries = {_manifest_key(key): value for key, value in entries.items()}
        self.used: set[str] = set()

    def find(self, *names: str) -> dict[str, Any] | None:
        for name in names:
            key = _manifest_key(name)
            if key in self.entries:
                self.used.add(key)
                return self.entries[key]
        return None

    def warn_unused(self) -> None:
        unused = [key for key in self.entries if key not in self.used]
        if unused:
            shown = ", ".join(unused[:10]) + (" ..." if len(unused) > 10 else "")
            log.warning("%d manifest entries matched no input: %s", len(unused), shown)


def _manifest_key(name: str) -> str:
    key = str(name).strip().replace("\\", "/")
    while key.startswith("./"):
        key = key[2:]
    return key


def _manifest_from_csv(text: str, path: Path, delimiter: str | None) -> dict[str, dict[str, Any]]:
    header_line = text.lstrip("\ufeff").splitlines()[0]
    if delimiter is None:
        delimiter = max(",;\t", key=header_line.count)
        delimiter = delimiter if header_line.count(delimiter) else ","
    numbered = _csv_rows(text, path, delimiter)
    rows = [row for _, row in numbered]
    header = [_field_name(cell) for cell in rows[0]]
    key_column = _key_column(header)
    if key_column is None:
        raise ManifestError(
            f"manifest {path} has no column naming the file: the header needs one of "
            f"{', '.join(MANIFEST_KEY_COLUMNS)} (found: {', '.join(rows[0]) or 'nothing'}). "
            "Example header: file,outlet,published"
        )
    key_index = header.index(key_column)
    entries: dict[str, dict[str, Any]] = {}
    first_row: dict[str, int] = {}
    for number, row in numbered[1:]:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            raise ManifestError(
                f"manifest {path}, row {number}: {len(row)} cells but the header has "
                f"{len(header)}; quote cells that contain '{delimiter}'"
            )
        cells = dict(zip(header, (cell.strip() for cell in row), strict=False))
        key = _manifest_key(cells.get(key_column, ""))
        if not key:
            raise ManifestError(
                f"manifest {path}, row {number}: the '{rows[0][key_index]}' cell is empty"
            )
        if key in entries:
            raise ManifestError(
                f"manifest {path}, row {number}: '{key}' is listed twice "
                f"(first on row {first_row[key]}); keep one row per file"
            )
        first_row[key] = number
        entries[key] = {
            name: value for name, value in cells.items() if name != key_column and value != ""
        }
    return entries


def _csv_rows(text: str, path: Path, delimiter: str) -> list[tuple[int, list[str]]]:
    """The CSV's rows, each with the line it starts on, read strictly: a quote left open
    would otherwise swallow every line after it into one cell, silently."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[str]]] = []
    line = 1
    try:
        for row in reader:
            rows.append((line, row))
            line = reader.line_num + 1
    except csv.Error as error:
        where = "a quote opened on this line is never closed" if "end of data" in str(error) else ""
        raise ManifestError(
            f"manifest {path}, line {line}: not valid CSV ({error}){where and ': ' + where}; "
            'quote a whole cell ("Post, The") and double a quote inside one ("The ""Post"" Inc")'
        ) from None
    return rows


def _float(text: str) -> float | str:

    value = float(text)
    return value if math.isfinite(value) else text  # 1e400: too large for a number, kept as text


def _int(text: str) -> int | str:
    return int(text) if len(text) <= 4000 else text  # past Python's limit for int("...")


def parse_json(text: str) -> Any:
    """``json.loads``, with NaN, Infinity and overflowing numbers kept as their text (the
    brief's JSON has no such numbers), and a document nested too deep for Python refused as
    invalid JSON."""
    try:
        return json.loads(text, parse_constant=str, parse_float=_float, parse_int=_int)
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply to read", text, 0) from None


def _manifest_from_json(text: str, path: Path) -> dict[str, dict[str, Any]]:
    try:
        document = parse_json(text)
    except json.JSONDecodeError as error:
        raise ManifestError(
            f"manifest {path} is not valid JSON: {_json_error(error, with_line=True)}"
        ) from None
    shape = (
        'a JSON manifest is a list of objects with a "file" key, '
        'or an object keyed by file name: {"a.txt": {"outlet": "AP"}}'
    )
    entries: dict[str, dict[str, Any]] = {}
    if isinstance(document, dict):
        for key, value in document.items():
            if not isinstance(value, dict):
                raise ManifestError(
                    f"manifest {path}: the value for '{key}' is a JSON {_json_type(value)}, "
                    f"not an object; {shape}"
                )
            entries[_manifest_key(key)] = _clean_entry(value)
        return entries
    if not isinstance(document, list):
        raise ManifestError(f"manifest {path} holds a JSON {_json_type(document)}; {shape}")
    for number, item in enumerate(document, start=1):
        if not isinstance(item, dict):
            raise ManifestError(
                f"manifest {path}, item {number} is a JSON {_json_type(item)}; {shape}"
            )
        fields = _clean_entry(item)
        key_field = _key_column(list(fields))
        if key_field is None or not str(fields[key_field]).strip():
            raise ManifestError(
                f"manifest {path}, item {number} names no file: give it one of "
                f"{', '.join(MANIFEST_KEY_COLUMNS)}"
            )
        key = _manifest_key(str(fields.pop(key_field)))
        if key in entries:
            raise ManifestError(
                f"manifest {path}, item {number}: '{key}' is listed twice; keep one entry per file"
            )
        entries[key] = fields
    return entries


def _field_name(name: str) -> str:
    """Known field names case-insensitively in lower case; other names as written."""
    stripped = name.strip().lstrip("\ufeff").strip()
    lowered = stripped.lower()
    return lowered if lowered in ARTICLE_FIELDS or lowered in MANIFEST_KEY_COLUMNS else stripped


def _clean_entry(entry: Mapping[str, Any]) -> dict[str, Any]:
    return {
        _field_name(str(key)): value
        for key, value in entry.items()
        if value is not None and value != ""
    }


def _key_column(names: Iterable[str]) -> str | None:
    present = set(names)
    return next((name for name in MANIFEST_KEY_COLUMNS if name in present), None)


def _apply_manifest(article: Article, entry: Mapping[str, Any]) -> None:
    """Manifest values override what the page or record said; other keys go to attrs."""
    _apply_fields(article, entry, source="manifest")


def _apply_fields(article: Article, fields: Mapping[str, Any], source: str) -> None:
    """Set :data:`ARTICLE_FIELDS` from ``fields`` and keep the other keys in ``attrs``.

    The language goes first, as it tells how to read a written-out date.
    """
    for key in sorted(fields, key=lambda key: key != "language"):
        value = fields[key]
        if value is None:
            continue
        if key in ARTICLE_FIELDS:
            _set_field(article, key, value, source=source)
        else:
            article.attrs[key] = value


def _set_field(article: Article, field: str, value: Any, source: str) -> None:
    """Set one of :data:`ARTICLE_FIELDS` from a manifest or record value.

    An unparseable ``published`` leaves the date already known (if any) and keeps the given
    value in ``attrs["published_unparsed"]``, so nothing is silently lost.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return
    if field == "published":
        parsed = normalize_date(value, languages=_date_languages(article.language))
        if parsed:
            article.published = parsed
            article.published_source = source
            article.attrs.pop("published_unparsed", None)
        else:
            article.attrs["published_unparsed"] = value
    elif field == "language":
        language, region = language_tag(str(value))
        if region is not None or language != article.language:
            article.region = region  # "en" after a page's "en-GB" keeps its region
        article.language = language
    else:
        setattr(article, field, _fix(str(value)))


def _date_languages(language: str) -> list[str]:
    """The article's own language first, then the usual ones."""
    return list(dict.fromkeys([language, *DATE_LANGUAGES]))


def _fix(value: str) -> str:
    return ftfy.fix_text(value, _FTFY_CONFIG).strip()
