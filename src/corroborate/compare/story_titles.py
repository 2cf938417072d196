"""Short, informative titles for stories, taken from the articles' own titles or leads."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from corroborate.compare.stage_cache import StageCache, cached
from corroborate.model import Article, Fact
from corroborate.text import content_words

MAX_LEAD_WORDS = 14


def story_title(
    articles: Sequence[Article], summary: Sequence[Fact] = (), cache: StageCache | None = None
) -> str:
    """The article title that shares most words with the rest of the story.

    Falls back to the first summary sentence that is no direct quote (or the first sentence),
    shortened at a clause boundary, when no article has a title: a title tells what happened,
    not what someone said. ``cache``: each article's words kept under its text
    (:mod:`corroborate.compare.stage_cache`).

    >>> from corroborate.model import Article
    >>> story_title([Article("a", "a", "", title="Bridge shut after cracks found")])
    'Bridge shut after cracks found'
    """
    vocabulary = Counter(w for a in articles for w in _text_words(a.text, cache))
    titled = [a.title for a in articles if a.title]
    if titled:
        return max(titled, key=lambda t: (_coverage(t, vocabulary), -len(t)))
    told = [f.sentence.text for f in summary]
    lead = next((t for t in told if not _quoted(t)), told[0] if told else "")
    return shorten(lead or _first_sentence(articles))


def _quoted(sentence: str) -> bool:
    """Whether a sentence opens with a quotation mark (a direct quote)."""
    first = sentence.lstrip()[:1]
    return bool(first) and first in "\"“‘'«„`"


def _text_words(text: str, cache: StageCache | None) -> list[str]:
    """The content words of a text, each once (sorted)."""
    return cached(cache, "title.words", (text,), lambda: sorted(set(content_words(text))))


def _coverage(title: str, vocabulary: Counter[str]) -> float:
    words = content_words(title)
    return sum(vocabulary[w] for w in words) / (len(words) or 1)


def _first_sentence(articles: Sequence[Article]) -> str:
    for article in articles:
        if article.sentences:
            return article.sentences[0].text
    return "Untitled story"


def shorten(sentence: str, max_words: int = MAX_LEAD_WORDS) -> str:
    """A sentence cut to its first clause, at most ``max_words`` words, with an ellipsis."""
    words = sentence.split()
    if len(words) <= max_words:
        return sentence.rstrip(".")
    head = words[:max_words]
    for i in range(len(head) - 1, 3, -1):
        if head[i].endswith(","):
            head = head[: i + 1]
            break
    return " ".join(head).rstrip(",;:") + "…"
