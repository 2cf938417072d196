"""The ASGI layer around the web app: request size limit, security headers, host and origin
checks, HEAD answered as GET.

Article text is untrusted: a Content-Security-Policy forbids inline scripts (except on the
API docs, whose Swagger UI needs them), request bodies are capped (413 beyond), requests for
another host are refused (against DNS rebinding), and so are changes sent from another site.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from typing import Any
from urllib.parse import urlsplit

from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from markupsafe import escape

MAX_BODY = 5 * 1024 * 1024  # bytes per request
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
# Swagger UI (served from the swagger-ui-bundle package, never a CDN) bootstraps itself with
# an inline script and inline styles; allowed on /docs only.
DOCS_CSP = (
    "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'"
)
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")  # methods that change nothing

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


def human_size(size: int) -> str:
    """``5 MB``, ``4 KB``, ``300 bytes``.

    >>> human_size(5 * 1024 * 1024), human_size(4096)
    ('5 MB', '4 KB')
    """
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:.3g} {unit}"
    return f"{size} bytes"


class LimitAndHeaders:
    """ASGI middleware: cap request bodies (413 beyond ``max_body``), add security headers,
    refuse requests for another host (``allowed_hosts``, against DNS rebinding) and changes
    sent from another site's page (a POST whose ``Origin`` is not this server), and answer
    HEAD as GET without the body."""

    def __init__(
        self, app: Any, max_body: int = MAX_BODY, allowed_hosts: Sequence[str] | None = None
    ) -> None:
        self.app = app
        self.max_body = max_body
        self.allowed_hosts = {h.lower() for h in allowed_hosts} if allowed_hosts else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        method = scope.get("method", "GET")
        if method == "HEAD":  # as GET, without the body
            scope = {**scope, "method": "GET"}
            send = _without_body(send)
        send = _with_headers(send, DOCS_CSP if path in ("/docs", "/redoc") else CSP)
        headers = dict(scope.get("headers") or [])
        refusal = self._refusal(headers, method)
        if refusal is not None:
            await _refuse(send, *refusal)
            return
        if method in SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body:
            await self._too_large(send, path)
            return
        body = await self._read_body(receive)
        if body is None:  # the client went away
            return
        if len(body) > self.max_body:
            await self._too_large(send, path)
            return
        await self.app(scope, _replay(body, receive), send)

    def _refusal(self, headers: dict[bytes, bytes], method: str) -> tuple[int, str] | None:
        """(status, message) when the request is for another host, or a change sent from
        another site's page; else None."""
        host = headers.get(b"host", b"").decode("latin-1").lower()
        if self.allowed_hosts is not None and _hostname(host) not in self.allowed_hosts:
            return 400, f"This server does not answer for the host {host!r}."
        origin = headers.get(b"origin")
        if method not in SAFE_METHODS and origin is not None and _netloc(origin) != host:
            return 403, "Changes can only be sent from this server's own pages."
        return None

    async def _read_body(self, receive: Receive) -> bytes | None:
        """The request body, read until its end or until past ``max_body`` (then what was
        read); None if the client disconnected."""
        body = bytearray()
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > self.max_body:
                break
        return bytes(body)

    async def _too_large(self, send: Send, path: str) -> None:
        limit = human_size(self.max_body)
        message = (
            f"The upload is too large: at most {limit} per request. Send fewer or smaller files."
        )
        if path.startswith("/api/"):
            response: Response = JSONResponse({"detail": message}, status_code=413)
        else:
            page = (
                '<!doctype html><html lang="en"><head><meta charset="utf-8">'
                '<title>Too large</title><link rel="stylesheet" href="/static/style.css"></head>'
                f"<body><main><h1>Too large</h1><p>{escape(message)}</p>"
                '<p><a href="/upload">Back to the upload page</a></p></main></body></html>'
            )
            response = HTMLResponse(page, status_code=413)
        await response({"type": "http"}, _no_receive, send)


async def _no_receive() -> Message:
    return {"type": "http.disconnect"}


def _netloc(origin: bytes) -> str:
    return urlsplit(origin.decode("latin-1")).netloc.lower()


def _hostname(host: str) -> str:
    """The name in a Host header, without its port ("[::1]:8000" -> "::1")."""
    return urlsplit(f"//{host}").hostname or ""


def _with_headers(send: Send, csp: str) -> Send:
    """``send``, adding the security headers to the response's start."""

    async def send_with_headers(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            headers += [
                (b"content-security-policy", csp.encode()),
                (b"x-content-type-options", b"nosniff"),
                (b"referrer-policy", b"no-referrer"),
                (b"x-frame-options", b"DENY"),
            ]
            message["headers"] = headers
        await send(message)

    return send_with_headers


def _without_body(send: Send) -> Send:
    async def send_head(message: Message) -> None:
        if message["type"] == "http.response.body":
            message = {**message, "body": b""}
        await send(message)

    return send_head


def _replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that gives the already read ``body`` once, then defers to ``receive``."""
    replayed = False

    async def replay() -> Message:
        nonlocal replayed
        if not replayed:
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _refuse(send: Send, status: int, message: str) -> None:
    await PlainTextResponse(message, status_code=status)({"type": "http"}, _no_receive, send)
