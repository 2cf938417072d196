"""Per-article extraction: quantities, dates and commitments (quotes join in their module).

Each extractor is a pure function of one annotated :class:`Article`; :func:`extract` runs them
all and stores the results on the article, so the same code can run in-process, across local
processes or on a distributed engine.
"""

from __future__ import annotations

from corroborate.annotate.commitments import extract_commitments
from corroborate.annotate.dates import extract_dates, infer_published
from corroborate.annotate.quantities import extract_quantities
from corroborate.model import Article


def extract(article: Article) -> Article:
    """Fill ``quantities``, ``dates``, ``commitments`` (and ``published_inferred``)."""
    if article.published is None:
        inferred, source = infer_published(article)
        if source == "inferred":
            article.published_inferred = inferred
    article.quantities = extract_quantities(article)
    article.dates = extract_dates(article)
    article.commitments = extract_commitments(article)
    return article
