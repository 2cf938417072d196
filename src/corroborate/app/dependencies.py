"""What the routes need, read from the app's state (set once by
:func:`corroborate.app.server.create_app`) and given to them as FastAPI dependencies."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from corroborate.app.ingest import Models
from corroborate.app.store import Store
from corroborate.app.templating import Templates


@dataclass(frozen=True)
class Settings:
    max_body: int  # request size limit in bytes (shown on the upload page)
    stories_per_page: int  # on the story list page


async def get_store(request: Request) -> Store:
    return request.app.state.store


async def get_templates(request: Request) -> Templates:
    return request.app.state.templates


async def get_models(request: Request) -> Models:
    """The models that annotate uploads."""
    return request.app.state.models


async def get_ingest_lock(request: Request) -> threading.Lock:
    """Held while an upload is added to the store: one upload at a time."""
    return request.app.state.ingest_lock


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


StoreDep = Annotated[Store, Depends(get_store)]
TemplatesDep = Annotated[Templates, Depends(get_templates)]
ModelsDep = Annotated[Models, Depends(get_models)]
IngestLockDep = Annotated[threading.Lock, Depends(get_ingest_lock)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
