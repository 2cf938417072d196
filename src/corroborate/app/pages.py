"""The HTML pages: the story list (with search), a story's brief, an article's text.

Rendered on the server from the store -- briefs are never recomputed to show a page -- and
readable without JavaScript."""

from __future__ import annotations

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse

from corroborate.app.dependencies import SettingsDep, StoreDep, TemplatesDep
from corroborate.app.links import valid_id
from corroborate.app.views import article_context, story_context

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


@router.get("/")
def story_list(
    store: StoreDep,
    templates: TemplatesDep,
    settings: SettingsDep,
    q: str = Query("", max_length=200),
    partial: bool = False,
    page_number: int = Query(1, alias="page", ge=1, le=1_000_000),
) -> HTMLResponse:
    per_page = settings.stories_per_page
    # one row more than a page shows tells whether an older page exists
    rows = store.stories(q, limit=per_page + 1, offset=(page_number - 1) * per_page)
    return templates.render(
        "story_rows.html.j2" if partial else "stories.html.j2",
        stories=rows[:per_page],
        q=q,
        stats=store.stats(),
        page_number=page_number,
        newer=page_number - 1 if page_number > 1 else None,
        older=page_number + 1 if len(rows) > per_page else None,
    )


@router.get("/stories/{story_id}")
def story_page(story_id: str, store: StoreDep, templates: TemplatesDep) -> HTMLResponse:
    row = store.story(story_id) if valid_id(story_id) else None
    if row is None:
        return templates.not_found("story")
    return templates.render("story.html.j2", **story_context(store, row))


@router.get("/articles/{article_id:path}")
def article_page(
    article_id: str, store: StoreDep, templates: TemplatesDep, hl: str = ""
) -> HTMLResponse:
    article = store.article(article_id) if valid_id(article_id) else None
    if article is None:
        return templates.not_found("article")
    return templates.render("article.html.j2", **article_context(store, article, hl))
