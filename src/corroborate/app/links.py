"""Links and ids in the web app: which URLs may become links, which ids may be looked up,
and the address of a story or an article (at a cited span)."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote, urlsplit

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def safe_url(url: Any) -> str | None:
    """``url`` if it is an absolute http(s) URL, else None (no ``javascript:`` links).

    >>> safe_url("https://example.org/a"), safe_url("javascript:alert(1)")
    ('https://example.org/a', None)
    """
    if not isinstance(url, str):
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or _CONTROL.search(url):
        return None
    return url


def valid_id(value: str) -> bool:
    """Ids in URLs: non-empty, at most 300 characters, no control characters."""
    return 0 < len(value) <= 300 and not _CONTROL.search(value)


def article_href(article_id: str, span: Any = None) -> str:
    """The article page, at a cited span when given (``?hl=start-end#hl``)."""
    href = "/articles/" + quote(article_id, safe="")
    if span and len(span) == 2:
        return f"{href}?hl={int(span[0])}-{int(span[1])}#hl"
    return href


def story_href(story_id: str) -> str:
    return "/stories/" + quote(story_id, safe="")
