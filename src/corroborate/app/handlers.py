"""Errors as answers: on the API, JSON (FastAPI's own format); on the pages, an HTML page."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from corroborate.app.templating import Templates
from corroborate.errors import ReadOnlyStore, StoreError


def _on_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _templates(request: Request) -> Templates:
    return request.app.state.templates


# Said to a web user, who cannot change the server's database.
READ_ONLY = (
    "This store is read-only (its database file or folder cannot be written): nothing can be "
    "added to it. Its stories can still be read; to add articles, serve a writable database."
)


def store_refusal(exc: StoreError) -> tuple[int, str]:
    """The status and message a store's refusal is answered with: 503 for a read-only store
    (the service is not available as it stands), else 409 (the store's state forbids it)."""
    if isinstance(exc, ReadOnlyStore):
        return 503, READ_ONLY
    return 409, str(exc)


async def store_error(request: Request, exc: StoreError) -> Response:
    status, message = store_refusal(exc)
    if _on_api(request):
        return JSONResponse({"detail": message}, status_code=status)
    return _templates(request).render(
        "error.html.j2", status, title="Not possible", message=message
    )


async def missing(request: Request, exc: Exception) -> Response:
    if _on_api(request):
        detail = getattr(exc, "detail", "Not found.")
        return JSONResponse({"detail": detail}, status_code=404)
    return _templates(request).not_found("page")


async def invalid(request: Request, exc: RequestValidationError) -> Response:
    if _on_api(request):
        return await request_validation_exception_handler(request, exc)
    problems = "; ".join(
        f"{' '.join(str(x) for x in e.get('loc', ())[1:]) or 'request'}: {e.get('msg', '')}"
        for e in exc.errors()
    )
    return _templates(request).render("error.html.j2", 400, title="Bad request", message=problems)


async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
    if _on_api(request):
        return await http_exception_handler(request, exc)
    message = str(exc.detail) if exc.detail else "This request cannot be answered."
    response = _templates(request).render(
        "error.html.j2", exc.status_code, title="Not possible", message=message
    )
    for name, value in (exc.headers or {}).items():
        response.headers[name] = value
    return response


# For FastAPI(exception_handlers=...): a 404 (unknown URL or raised) goes to ``missing``,
# before the handler of its class.
EXCEPTION_HANDLERS: dict[Any, Any] = {
    StoreError: store_error,
    404: missing,
    RequestValidationError: invalid,
    StarletteHTTPException: http_error,
}
