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
uploads are written under server-chosen names in a fresh temporary folder.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import swagger_ui_bundle
from fastapi import FastAPI, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from corroborate.app.ingest import Models, Pasted, ingest_upload
from corroborate.app.links import story_href, valid_id
from corroborate.app.middleware import MAX_BODY, LimitAndHeaders, human_size
from corroborate.app.store import Store
from corroborate.app.templating import environment
from corroborate.app.views import article_context, story_context
from corroborate.errors import StoreError, UploadError

MAX_OFFSET = 10**9  # past any store's size, within SQLite's integers
STORIES_PER_PAGE = 50  # on the story list page

# --------------------------------------------------------------------------- the app


def upload_status(report: dict[str, Any]) -> int:
    """200 when an upload stored anything (added, updated or already there), else 400."""
    return 200 if report["added"] or report["updated"] or report["unchanged"] else 400


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
    loader = Models(model, embedder or store.get_meta("embedder") or "minilm", models)
    ingest_lock = threading.Lock()
    env = environment()
    api = FastAPI(
        title="corroborate",
        description="Stories, briefs and articles of a corroborate store. The story document "
        "follows the brief contract (corroborate.brief/1).",
        version=_version(),
        docs_url=None,
        redoc_url=None,
    )
    # The packaged Swagger UI (4.x) reads OpenAPI 3.0 documents, not 3.1.
    api.openapi_version = "3.0.3"
    api.mount(
        "/static/swagger", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="swagger"
    )
    static = resources.files("corroborate.app").joinpath("static")
    api.mount("/static", StaticFiles(directory=str(static)), name="static")

    @api.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        """The OpenAPI documentation, with Swagger UI served locally (works offline)."""
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="corroborate API",
            swagger_js_url="/static/swagger/swagger-ui-bundle.js",
            swagger_css_url="/static/swagger/swagger-ui.css",
            swagger_favicon_url="/static/swagger/favicon-32x32.png",
        )

    api.state.store = store

    def page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
        html = env.get_template(name).render(**context)
        return HTMLResponse(html, status_code=status)

    def not_found(what: str) -> HTMLResponse:
        return page("error.html.j2", 404, title="Not found", message=f"No such {what}.")

    # ----------------------------------------------------------------- pages

    @api.get("/", response_class=HTMLResponse, include_in_schema=False)
    def story_list(
        q: str = Query("", max_length=200),
        partial: bool = False,
        page_number: int = Query(1, alias="page", ge=1, le=1_000_000),
    ) -> HTMLResponse:
        # one row more than a page shows tells whether an older page exists
        rows = store.stories(
            q, limit=STORIES_PER_PAGE + 1, offset=(page_number - 1) * STORIES_PER_PAGE
        )
        name = "story_rows.html.j2" if partial else "stories.html.j2"
        return page(
            name,
            stories=rows[:STORIES_PER_PAGE],
            q=q,
            stats=store.stats(),
            page_number=page_number,
            newer=page_number - 1 if page_number > 1 else None,
            older=page_number + 1 if len(rows) > STORIES_PER_PAGE else None,
        )

    @api.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story_id: str) -> HTMLResponse:
        if not valid_id(story_id):
            return not_found("story")
        row = store.story(story_id)
        if row is None:
            return not_found("story")
        return page("story.html.j2", **story_context(store, row))

    @api.get("/articles/{article_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: str, hl: str = "") -> HTMLResponse:
        if not valid_id(article_id):
            return not_found("article")
        article = store.article(article_id)
        if article is None:
            return not_found("article")
        return page("article.html.j2", **article_context(store, article, hl))

    @api.get("/upload", response_class=HTMLResponse, include_in_schema=False)
    def upload_form() -> HTMLResponse:
        return page("upload.html.j2", limit=human_size(max_body), report=None)

    @api.post("/upload", response_class=HTMLResponse, include_in_schema=False)
    def upload_page(
        files: Annotated[list[UploadFile] | None, File()] = None,
        text: str = Form(""),
        title: str = Form(""),
        outlet: str = Form(""),
        url: str = Form(""),
        published: str = Form(""),
    ) -> HTMLResponse:
        try:
            report = ingest_upload(
                store, loader, ingest_lock, files or [], Pasted(text, title, outlet, url, published)
            )
        except UploadError as exc:
            return page(
                "upload.html.j2", 400, limit=human_size(max_body), report=None, error=str(exc)
            )
        status = upload_status(report)
        return page("upload.html.j2", status, limit=human_size(max_body), report=report)

    # ----------------------------------------------------------------- API

    @api.get("/api/stories", tags=["stories"])
    def api_stories(
        q: str = Query("", max_length=200, description="words that must appear"),
        limit: int = Query(100, ge=1, le=1000),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
    ) -> dict[str, Any]:
        """The stories (no briefs), newest update first; ``q`` searches titles and texts."""
        rows = store.stories(q, limit=limit, offset=offset)
        return {"stories": [_story_row(r) for r in rows], "limit": limit, "offset": offset}

    @api.get("/api/stories/{story_id}", tags=["stories"])
    def api_story(story_id: str) -> dict[str, Any]:
        """A ``corroborate.brief/1`` document with this story and its articles."""
        from corroborate.out.render import SCHEMA_ID

        row = store.story(story_id) if valid_id(story_id) else None
        if row is None:
            raise HTTPException(404, "No such story.")
        if row["brief"] is None:
            raise HTTPException(409, "This story has not been briefed yet; run `corroborate add`.")
        brief = row["brief"]
        return {
            "schema": SCHEMA_ID,
            "articles": store.article_dicts(brief["article_ids"]),
            "stories": [brief],
            "rejected": [],
            "updated_at": row["updated_at"],
        }

    @api.get("/api/articles/{article_id:path}", tags=["articles"])
    def api_article(article_id: str) -> dict[str, Any]:
        """An article as in the brief contract, with its story id and its extractions."""
        article = store.article(article_id) if valid_id(article_id) else None
        if article is None:
            raise HTTPException(404, "No such article.")
        return article

    @api.get("/api/rejected", tags=["articles"])
    def api_rejected() -> dict[str, Any]:
        """Inputs that could not be used, newest first, with the reasons."""
        return {"rejected": store.rejected()}

    @api.post("/api/upload", tags=["articles"])
    def api_upload(
        files: Annotated[list[UploadFile] | None, File()] = None,
        text: str = Form(""),
        title: str = Form(""),
        outlet: str = Form(""),
        url: str = Form(""),
        published: str = Form(""),
    ) -> JSONResponse:
        """Add files (.txt, .html, .json, .jsonl) and/or pasted text; stories are re-briefed."""
        try:
            report = ingest_upload(
                store, loader, ingest_lock, files or [], Pasted(text, title, outlet, url, published)
            )
        except UploadError as exc:
            raise HTTPException(400, str(exc)) from exc
        status = upload_status(report)
        return JSONResponse(report, status_code=status)

    @api.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=409)

    @api.exception_handler(404)
    async def missing(request: Request, exc: Exception) -> Response:
        if request.url.path.startswith("/api/"):
            detail = getattr(exc, "detail", "Not found.")
            return JSONResponse({"detail": detail}, status_code=404)
        return not_found("page")

    # On the pages (not the API), errors are pages too, not JSON.
    @api.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if request.url.path.startswith("/api/"):
            return await request_validation_exception_handler(request, exc)
        problems = "; ".join(
            f"{' '.join(str(x) for x in e.get('loc', ())[1:]) or 'request'}: {e.get('msg', '')}"
            for e in exc.errors()
        )
        return page("error.html.j2", 400, title="Bad request", message=problems)

    @api.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return await http_exception_handler(request, exc)
        message = str(exc.detail) if exc.detail else "This request cannot be answered."
        response = page("error.html.j2", exc.status_code, title="Not possible", message=message)
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

    return LimitAndHeaders(api, max_body, allowed_hosts)


def _version() -> str:
    from corroborate import __version__

    return __version__


def _story_row(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "title": row["title"],
        "articles": row["article_count"],
        "outlets": row["outlet_count"],
        "first_date": row["first_date"],
        "last_date": row["last_date"],
        "updated_at": row["updated_at"],
        "briefed": not row["dirty"],
        "url": story_href(row["id"]),
        "api": "/api" + story_href(row["id"]),
    }
