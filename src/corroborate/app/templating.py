"""The HTML pages' templates (Jinja, autoescaped) and the renderer the routes share."""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import quote

from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from corroborate.app.links import article_href, safe_url, story_href


def ago(stamp: float | None) -> str:
    if not stamp:
        return ""
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(stamp))


def environment() -> Environment:
    """The templates of ``corroborate.app``, with the filters and globals they use."""
    from corroborate.out.render import (
        clip,
        counted,
        garbled_next_step,
        precise_date,
        quote_diff_html,
        when_told,
        wordings,
    )

    env = Environment(
        loader=PackageLoader("corroborate.app", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        clip=clip,
        precise=precise_date,
        when=when_told,
        safe_url=safe_url,
        ago=ago,
        urlq=lambda v: quote(str(v), safe=""),
        counted=counted,
    )
    env.globals.update(
        article_href=article_href,
        story_href=story_href,
        quote_diff=quote_diff_html,
        wordings=wordings,
        garbled_next_step=garbled_next_step,
    )
    return env


class Templates:
    """The page templates, each rendered into an HTML response."""

    def __init__(self, env: Environment | None = None) -> None:
        self.env = env or environment()

    def render(self, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        html = self.env.get_template(name).render(**context)
        return HTMLResponse(html, status_code=status)

    def not_found(self, what: str) -> HTMLResponse:
        return self.render("error.html.j2", 404, title="Not found", message=f"No such {what}.")
