"""The web app: browse the stories of a store, read their briefs, and add articles.

``corroborate serve --db corroborate.db`` starts it (FastAPI on uvicorn). Every page is
rendered on the server from the store (:mod:`corroborate.app.store`) -- briefs are never
recomputed to show a page -- and reads without JavaScript; a small script only adds live
search. Pages:

- ``/``                 the stories, newest first, with a search box (SQLite FTS5);
- ``/stories/{id}``     the brief: cited summary, facts, people, quotes side by side, numbers,
                        conflicts, timeline, what happens next, coverage by outlet;
- ``/articles/{id}``    the cleaned text with entities, quotes and numbers marked, each sentence
                        anchored (``#s3``), a cited span marked (``?hl=120-180#hl``), and what
                        was cut, with reasons;
- ``/upload``           add files or pasted text (the same ingest -> store path as ``add``).

The JSON API mirrors the brief contract: ``/api/stories``, ``/api/stories/{id}`` (a
``corroborate.brief/1`` document with that story and its articles), ``/api/articles/{id}``,
``POST /api/upload``; OpenAPI at ``/docs``.

Article text is untrusted: templates autoescape everything, links are only ``http(s)``, a
Content-Security-Policy forbids inline scripts, request bodies are capped (413 beyond), and
uploads are written under server-chosen names in a fresh temporary folder. Connections are
timed (:func:`server_config`): a request's line and headers must come within
:data:`HEADER_TIMEOUT` seconds, and an idle kept-alive connection is closed after
:data:`KEEP_ALIVE_TIMEOUT`. A read-only store is browsed; an upload to it is answered 503.

Here, :func:`create_app` builds the app; the routes are routers, each in its module --
:mod:`~corroborate.app.pages` (HTML pages), :mod:`~corroborate.app.api` (JSON API),
:mod:`~corroborate.app.uploads` (upload page and ``POST /api/upload``) -- and are given the
store, templates, upload models and settings as dependencies
(:mod:`~corroborate.app.dependencies`) read from ``app.state``. Errors become pages or JSON
in :mod:`~corroborate.app.handlers`; limits and headers are :mod:`~corroborate.app.middleware`.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import h11
import swagger_ui_bundle
import uvicorn
from fastapi import APIRouter, FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from uvicorn.protocols.http.h11_impl import H11Protocol

from corroborate.app import api, pages, uploads
from corroborate.app.dependencies import Settings
from corroborate.app.handlers import EXCEPTION_HANDLERS
from corroborate.app.ingest import Models
from corroborate.app.middleware import MAX_BODY, LimitAndHeaders
from corroborate.app.store import Store
from corroborate.app.templating import Templates

STORIES_PER_PAGE = 50  # on the story list page
# Seconds a client has to send a request's line and headers, from the connection's opening or
# from its first byte on a kept-alive connection; then it is closed. uvicorn has no such limit:
# a connection opened and never finished (half-open, or slowloris) would stay open for ever.
HEADER_TIMEOUT = 10.0
# Seconds an idle kept-alive connection stays open after a response (uvicorn's own timer).
KEEP_ALIVE_TIMEOUT = 5
# The most bytes of a request's head (line and headers) h11 holds before refusing it (431).
MAX_HEAD_BYTES = 16 * 1024

docs_router = APIRouter(include_in_schema=False)


@docs_router.get("/docs")
def docs() -> HTMLResponse:
    """The OpenAPI documentation, with Swagger UI served locally (works offline)."""
    return get_swagger_ui_html(
        openapi_url="/openapi.json",
        title="corroborate API",
        swagger_js_url="/static/swagger/swagger-ui-bundle.js",
        swagger_css_url="/static/swagger/swagger-ui.css",
        swagger_favicon_url="/static/swagger/favicon-32x32.png",
    )


def create_app(
    db: str | Path = "corroborate.db",
    *,
    model: str | None = None,
    embedder: str | None = None,
    max_body: int = MAX_BODY,
    models: tuple[Any, Any] | None = None,
    allowed_hosts: Sequence[str] | None = None,
) -> Any:
    """The web app (an ASGI callable) over the store at ``db``.

    Args:
        db: the SQLite store (created if missing).
        model: spaCy pipeline used for uploads.
        embedder: embedder used for uploads (default: the one the store was built with).
        max_body: request size limit in bytes.
        models: an already loaded ``(spaCy pipeline, embedder)`` for uploads (tests).
        allowed_hosts: the host names requests may be addressed to (default: any).
    """
    store = Store(db)
    app = FastAPI(
        title="corroborate",
        description="Stories, briefs and articles of a corroborate store. The story document "
        "follows the brief contract (corroborate.brief/1).",
        version=_version(),
        docs_url=None,
        redoc_url=None,
        exception_handlers=EXCEPTION_HANDLERS,
    )
    # The packaged Swagger UI (4.x) reads OpenAPI 3.0 documents, not 3.1.
    app.openapi_version = "3.0.3"
    # What the routes are given (corroborate.app.dependencies)
    app.state.store = store
    app.state.templates = Templates()
    app.state.models = Models(model, embedder or store.get_meta("embedder") or "minilm", models)
    app.state.ingest_lock = threading.Lock()
    app.state.settings = Settings(max_body=max_body, stories_per_page=STORIES_PER_PAGE)

    app.mount(
        "/static/swagger", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="swagger"
    )
    static = resources.files("corroborate.app").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    for router in (docs_router, pages.router, api.router, uploads.router):
        app.include_router(router)
    return LimitAndHeaders(app, max_body, allowed_hosts)


class HeaderTimeoutProtocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol (h11) with a deadline on each request's head: a connection
    that has not sent a whole request line and headers within :attr:`header_timeout` seconds
    of opening (or of its first byte of a new request, once kept alive) is closed."""

    header_timeout = HEADER_TIMEOUT

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._head_deadline: asyncio.TimerHandle | None = self.loop.call_later(
            self.header_timeout, self._head_too_slow
        )

    def data_received(self, data: bytes) -> None:
        if self._head_deadline is None and self.conn.their_state is h11.IDLE:
            # A new request begins on a kept-alive connection (uvicorn stops its idle timer).
            self._head_deadline = self.loop.call_later(self.header_timeout, self._head_too_slow)
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:  # the head is in (or the request refused)
            self._cancel_head_deadline()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_head_deadline()
        super().connection_lost(exc)

    def _cancel_head_deadline(self) -> None:
        if self._head_deadline is not None:
            self._head_deadline.cancel()
            self._head_deadline = None

    def _head_too_slow(self) -> None:
        self._head_deadline = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()


def server_config(
    app: Any,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    header_timeout: float = HEADER_TIMEOUT,
    keep_alive: int = KEEP_ALIVE_TIMEOUT,
    **options: Any,
) -> uvicorn.Config:
    """uvicorn's configuration for the app: its h11 protocol with a request-head deadline
    (:class:`HeaderTimeoutProtocol`), the keep-alive timeout and the head size limit set;
    ``options`` go to :class:`uvicorn.Config` as they are (``log_level``, ``backlog`` ...)."""
    protocol = type(
        "HeaderTimeoutProtocol", (HeaderTimeoutProtocol,), {"header_timeout": header_timeout}
    )
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        http=protocol,
        timeout_keep_alive=keep_alive,
        h11_max_incomplete_event_size=MAX_HEAD_BYTES,
        **options,
    )


def _version() -> str:
    from corroborate import __version__

    return __version__
