"""What the story and article pages show, from the store (briefs are never recomputed): the
template contexts, and an article's text marked up with its entities, quotes, numbers and a
cited span."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from markupsafe import Markup, escape

from corroborate.app.links import article_href, safe_url
from corroborate.app.store import Store

Mark = tuple[int, int, str, str]  # start, end, css classes, tooltip

# --------------------------------------------------------------------------- marked text


def marked_text(
    text: str,
    sentences: list[list[int]],
    marks: list[Mark],
    cited: tuple[int, int] | None,
) -> Markup:
    """The article text as escaped HTML: one ``<span class="sent" id="s{i}">`` per sentence,
    and inside, pieces of text wrapped in the classes of every mark covering them.

    Args:
        text: the cleaned text.
        sentences: ``[start, end]`` of each sentence (index = position).
        marks: ``(start, end, css classes, tooltip)`` -- may overlap.
        cited: a span to mark as cited (an ``id="hl"`` anchor goes at its start).
    """
    n = len(text)
    marks = [(s, e, cls, tip) for s, e, cls, tip in _clamped(marks, n) if e > s]
    cited = _clamped_span(cited, n)
    points = _cut_points(n, sentences, marks, cited)
    sent_starts = [s for s, _ in sentences]
    out: list[str] = []
    open_sentence: int | None = None
    anchored = False
    for a, b in zip(points, points[1:], strict=False):
        index = bisect_right(sent_starts, a) - 1
        inside = index if index >= 0 and a < sentences[index][1] else None
        if inside != open_sentence:
            if open_sentence is not None:
                out.append("</span>")
            if inside is not None:
                out.append(f'<span class="sent" id="s{inside}">')
            open_sentence = inside
        if cited and not anchored and a == cited[0]:
            out.append('<a class="anchor" id="hl"></a>')
            anchored = True
        out.append(_piece(text, a, b, marks, cited))
    if open_sentence is not None:
        out.append("</span>")
    return Markup("".join(out))


def _clamped(marks: list[Mark], n: int) -> list[Mark]:
    return [(max(0, min(n, s)), max(0, min(n, e)), cls, tip) for s, e, cls, tip in marks]


def _clamped_span(span: tuple[int, int] | None, n: int) -> tuple[int, int] | None:
    """``span`` within ``[0, n]``, or None if that leaves it empty."""
    if not span:
        return None
    start, end = max(0, min(n, span[0])), max(0, min(n, span[1]))
    return (start, end) if end > start else None


def _cut_points(
    n: int, sentences: list[list[int]], marks: list[Mark], cited: tuple[int, int] | None
) -> list[int]:
    """Every offset where a sentence, a mark or the cited span starts or ends, in order."""
    cuts = {0, n}
    for s, e in sentences:
        cuts.update((max(0, min(n, s)), max(0, min(n, e))))
    for s, e, _, _ in marks:
        cuts.update((s, e))
    if cited:
        cuts.update(cited)
    return sorted(cuts)


def _piece(text: str, a: int, b: int, marks: list[Mark], cited: tuple[int, int] | None) -> str:
    """``text[a:b]``, escaped, in a span with the classes of the marks covering it."""
    classes, tips = [], []
    for s, e, cls, tip in marks:
        if s <= a and b <= e:
            classes.append(cls)
            if tip:
                tips.append(tip)
    if cited and cited[0] <= a and b <= cited[1]:
        classes.append("cited")
    piece = str(escape(text[a:b]))
    if not classes:
        return piece
    title = f' title="{escape(" · ".join(dict.fromkeys(tips)))}"' if tips else ""
    return f'<span class="{escape(" ".join(dict.fromkeys(classes)))}"{title}>{piece}</span>'


# --------------------------------------------------------------------------- the story page


class Citations:
    """Citation links of a story page: ``[n]`` for the n-th article, to its cited sentence."""

    def __init__(self, ref: dict[str, int], outlet_of: dict[str, str]) -> None:
        self.ref, self.outlet_of = ref, outlet_of

    def cites(self, item: dict[str, Any]) -> list[dict[str, Any]]:
        """Citation links of a summary/fact item: each source at its own sentence."""
        at = {m["article_id"]: m["span"] for m in item.get("members", [])}
        at.setdefault(item["article_id"], item.get("span"))
        return [self.cite(a, at.get(a)) for a in item.get("sources", [])]

    def cite(self, article_id: str, span: Any = None) -> dict[str, Any]:
        return {
            "n": self.ref.get(article_id, "?"),
            "href": article_href(article_id, span),
            "title": self.outlet_of.get(article_id, article_id),
        }


def story_context(store: Store, row: dict[str, Any]) -> dict[str, Any]:
    """What the story page shows, from the stored brief (no recomputation)."""
    from corroborate.out.render import event_headline

    brief = row["brief"]
    members = store.story_articles(row["id"])
    if brief is not None:
        order = {a: i for i, a in enumerate(brief["article_ids"])}
        members.sort(key=lambda a: order.get(a["id"], len(order)))
    ref = {a["id"]: i for i, a in enumerate(members, start=1)}
    outlets: list[str] = []
    outlet_of = {}
    for a in members:
        name = a["outlet"] or a["id"]
        outlet_of[a["id"]] = name
        if name not in outlets:
            outlets.append(name)
    by_id = {a["id"]: a for a in members}
    context: dict[str, Any] = {
        "row": row,
        "story": brief,
        "articles": members,
        "ref": ref,
        "by_id": by_id,
        "outlets": outlets,
        "outlet_of": outlet_of,
        "headline_of": lambda event: event_headline(
            event["title"],
            sorted(set(event["article_ids"]), key=lambda a: ref.get(a, len(ref))),
            {a: row.get("title") for a, row in by_id.items()},
        ),
    }
    if brief is not None:
        context.update(_brief_context(brief, ref, outlets, outlet_of))
    return context


def _brief_context(
    brief: dict[str, Any], ref: dict[str, int], outlets: list[str], outlet_of: dict[str, str]
) -> dict[str, Any]:
    """The story page's sections drawn from its brief."""
    from corroborate.out.render import only_in_label

    citations = Citations(ref, outlet_of)
    facts = brief["facts"]
    corroborated = [f for f in facts if f.get("outlets", len(f["sources"])) > 1]
    conflicts_by_entity: dict[str, list[dict[str, Any]]] = {}
    for c in brief["conflicts"]:
        if c.get("entity"):
            conflicts_by_entity.setdefault(c["entity"], []).append(c)
    coverage_rows = []
    for f in sorted(corroborated, key=lambda f: -f.get("outlets", 0))[:40]:
        have = {outlet_of.get(a, a) for a in f["sources"]}
        coverage_rows.append({"fact": f, "cells": [o in have for o in outlets]})
    only = [
        {
            "outlet": only_in_label(outlet, ref),
            "facts": [facts[i] for i in indexes if i < len(facts)],
        }
        for outlet, indexes in (brief.get("only_in") or {}).items()
    ]
    return {
        "cites": citations.cites,
        "cite": citations.cite,
        "corroborated": corroborated,
        "single": [f for f in facts if f.get("outlets", len(f["sources"])) <= 1],
        "people": [e for e in brief["entities"] if e.get("type") == "PERSON"],
        "others": [e for e in brief["entities"] if e.get("type") != "PERSON"],
        "conflicts_by_entity": conflicts_by_entity,
        "coverage_rows": coverage_rows,
        "only": only,
    }


# --------------------------------------------------------------------------- the article page


def article_context(store: Store, article: dict[str, Any], hl: str) -> dict[str, Any]:
    """The article page: text with marks from the stored story brief and the record."""
    story = store.story(article["story_id"]) if article.get("story_id") else None
    brief = story["brief"] if story else None
    marks: list[Mark] = []
    entities_here: list[dict[str, Any]] = []
    quotes_here: list[tuple[dict[str, Any], dict[str, Any]]] = []
    if brief:
        entities_here = _entity_marks(brief, article["id"], marks)
        quotes_here = _quote_marks(brief, article["id"], marks)
    marks += _number_marks(brief, article)
    cited = None
    m = re.fullmatch(r"(\d{1,9})-(\d{1,9})", hl or "")
    if m:
        cited = (int(m.group(1)), int(m.group(2)))
    return {
        "article": article,
        "story": story,
        "text_html": marked_text(article["text"], article["sentences"], marks, cited),
        "cited": cited,
        "entities_here": entities_here,
        "quotes_here": quotes_here,
        "url": safe_url(article.get("url")),
    }


def _entity_marks(brief: dict[str, Any], aid: str, marks: list[Mark]) -> list[dict[str, Any]]:
    """Adds to ``marks`` the mentions of the brief's entities in article ``aid``; returns
    the entities mentioned there."""
    here = []
    for e in brief["entities"]:
        spans = [(s, t) for a, s, t in e.get("spans", []) if a == aid]
        for s, t in spans:
            marks.append(
                (
                    s,
                    t,
                    f"ent ent-{str(e.get('type', '')).lower()}",
                    f"{e['name']} ({e.get('type')})",
                )
            )
        if spans:
            here.append(e)
    return here


def _quote_marks(
    brief: dict[str, Any], aid: str, marks: list[Mark]
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Adds to ``marks`` the brief's quotes as article ``aid`` words them; returns each such
    (quote, version)."""
    here = []
    for q in brief["quotes"]:
        for v in q.get("versions", []):
            if v.get("article_id") == aid and v.get("span"):
                for s, t in v.get("parts") or [v["span"]]:
                    marks.append(
                        (s, t, "quote", f"quote: {q.get('speaker_name') or 'unattributed'}")
                    )
                here.append((q, v))
    return here


def _number_marks(brief: dict[str, Any] | None, article: dict[str, Any]) -> list[Mark]:
    """The article's numbers, with the brief's verdict on each when it has one."""
    verdict_of = {}
    if brief:
        for n in brief["numbers"]:
            for c in n.get("claims", []):
                if c.get("article_id") == article["id"] and c.get("span"):
                    verdict_of[tuple(c["span"])] = (n["verdict"], n.get("measure") or "")
    marks = []
    for q in article.get("quantities", []):
        if q.get("in_title"):
            continue  # marks are drawn on the text; a headline's figure is not in it
        verdict, measure = verdict_of.get((q["start"], q["end"]), ("", q.get("measure") or ""))
        cls = "num" + (f" v-{verdict}" if verdict else "")
        tip = f"number: {measure}" + (f" ({verdict.replace('_', ' ')})" if verdict else "")
        marks.append((q["start"], q["end"], cls, tip))
    return marks
