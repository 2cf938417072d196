"""The seed corpus, cleaned and annotated with the real model (for slow tests)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from corroborate.annotate.nlp import annotate_doc
from corroborate.model import Article


def seed_articles(nlp: Any, seed_dir: Path) -> list[Article]:
    try:
        from corroborate.read.clean import clean_article
    except ImportError:  # pragma: no cover - cleaning lands separately
        clean_article = None
    articles = []
    for path in sorted(seed_dir.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        article = Article(path.stem[:3], str(path), raw, text=raw)
        if clean_article is not None:
            clean_article(article)
        annotate_doc(article, nlp(article.text))
        articles.append(article)
    return articles
