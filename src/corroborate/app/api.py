"""The JSON API, mirroring the brief contract: the stories, a story as a
``corroborate.brief/1`` document with its articles, an article, the rejected inputs.
(Uploads: :mod:`corroborate.app.uploads`.)"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Query

from corroborate.app.dependencies import StoreDep
from corroborate.app.links import story_href, valid_id

MAX_OFFSET = 10**9  # past any store's size, within SQLite's integers

router = APIRouter()


@router.get("/api/stories", tags=["stories"])
def api_stories(
    store: StoreDep,
    q: str = Query("", max_length=200, description="words that must appear"),
    limit: int = Query(100, ge=1, le=1000),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
) -> dict[str, Any]:
    """The stories (no briefs), newest update first; ``q`` searches titles and texts."""
    rows = store.stories(q, limit=limit, offset=offset)
    return {"stories": [_story_row(r) for r in rows], "limit": limit, "offset": offset}


@router.get("/api/stories/{story_id}", tags=["stories"])
def api_story(story_id: str, store: StoreDep) -> dict[str, Any]:
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


@router.get("/api/articles/{article_id:path}", tags=["articles"])
def api_article(article_id: str, store: StoreDep) -> dict[str, Any]:
    """An article as in the brief contract, with its story id and its extractions."""
    article = store.article(article_id) if valid_id(article_id) else None
    if article is None:
        raise HTTPException(404, "No such article.")
    return article


@router.get("/api/rejected", tags=["articles"])
def api_rejected(store: StoreDep) -> dict[str, Any]:
    """Inputs that could not be used, newest first, with the reasons."""
    return {"rejected": store.rejected()}


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
