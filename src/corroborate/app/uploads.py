"""Adding articles over the web: the upload page (form and result) and ``POST /api/upload``
-- files (.txt, .html, .json, .jsonl) and/or pasted text, through :mod:`corroborate.app.ingest`."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, HTTPException, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse

from corroborate.app.dependencies import (
    IngestLockDep,
    ModelsDep,
    SettingsDep,
    StoreDep,
    TemplatesDep,
)
from corroborate.app.handlers import store_refusal
from corroborate.app.ingest import Pasted, ingest_upload
from corroborate.app.middleware import human_size
from corroborate.errors import StoreError, UploadError

router = APIRouter()


def upload_status(report: dict[str, Any]) -> int:
    """200 when an upload stored anything (added, updated or already there), else 400."""
    return 200 if report["added"] or report["updated"] or report["unchanged"] else 400


@router.get("/upload", response_class=HTMLResponse, include_in_schema=False)
def upload_form(templates: TemplatesDep, settings: SettingsDep) -> HTMLResponse:
    return templates.render("upload.html.j2", limit=human_size(settings.max_body), report=None)


@router.post("/upload", response_class=HTMLResponse, include_in_schema=False)
def upload_page(
    store: StoreDep,
    models: ModelsDep,
    lock: IngestLockDep,
    templates: TemplatesDep,
    settings: SettingsDep,
    files: Annotated[list[UploadFile] | None, File()] = None,
    text: str = Form(""),
    title: str = Form(""),
    outlet: str = Form(""),
    url: str = Form(""),
    published: str = Form(""),
) -> HTMLResponse:
    limit = human_size(settings.max_body)
    pasted = Pasted(text, title, outlet, url, published)
    try:
        report = ingest_upload(store, models, lock, files or [], pasted)
    except UploadError as exc:
        return templates.render("upload.html.j2", 400, limit=limit, report=None, error=str(exc))
    except StoreError as exc:  # a read-only store: 503, the form again with why
        status, message = store_refusal(exc)
        return templates.render("upload.html.j2", status, limit=limit, report=None, error=message)
    return templates.render("upload.html.j2", upload_status(report), limit=limit, report=report)


@router.post("/api/upload", tags=["articles"])
def api_upload(
    store: StoreDep,
    models: ModelsDep,
    lock: IngestLockDep,
    files: Annotated[list[UploadFile] | None, File()] = None,
    text: str = Form(""),
    title: str = Form(""),
    outlet: str = Form(""),
    url: str = Form(""),
    published: str = Form(""),
) -> JSONResponse:
    """Add files (.txt, .html, .json, .jsonl) and/or pasted text; stories are re-briefed."""
    pasted = Pasted(text, title, outlet, url, published)
    try:
        report = ingest_upload(store, models, lock, files or [], pasted)
    except UploadError as exc:
        raise HTTPException(400, str(exc)) from exc
    return JSONResponse(report, status_code=upload_status(report))
