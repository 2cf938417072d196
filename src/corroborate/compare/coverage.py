"""Who reports what: facts grouped by the outlets' attributes, and facts only one outlet has.

Helpers for the renderers. A fact (:class:`~corroborate.model.Fact`) lists every article that
reports it in ``sources``; articles carry manifest attributes in ``attrs`` (``country``,
``leaning``, ...). From these:

- :func:`coverage_by_attribute` -- for each value of an attribute (each country, each leaning),
  which facts its outlets report and which facts reported elsewhere it leaves out;
- :func:`only_in` -- per outlet, the facts no other outlet reports.

An article without an outlet counts as its own outlet (its id); given the story's copies,
:func:`only_in` counts a copy group once, as the rest of a brief does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from corroborate.compare.syndication import independent_groups, source_name
from corroborate.model import Article, Coverage, CoverageGroup, Fact, Quote

UNKNOWN = "unknown"


def outlet_key(article: Article) -> str:
    """The name an article's reporting is filed under: its outlet, else its id."""
    return article.outlet or article.id


def coverage_by_attribute(
    facts: Sequence[Fact], articles: Sequence[Article], attribute: str
) -> Coverage:
    """Which groups of outlets (by ``attribute``) report which facts, and what each leaves out.

    Args:
        facts: the story's facts (``sources`` are article ids).
        articles: the story's articles; ``article.attrs[attribute]`` gives the group
            (articles without it fall in the group ``"unknown"``).
        attribute: a manifest attribute name, e.g. ``"country"`` or ``"leaning"``.

    Returns:
        A group per value, in the order the articles first give it: its ``articles``,
        ``outlets`` and the facts (indexes into ``facts``) it ``reported``; ``left_out`` holds
        facts some other group reports and this one does not; ``only_here`` facts no other
        group reports.

    >>> coverage_by_attribute([], [], "country")
    Coverage(attribute='country', groups=())
    """
    group_of: dict[str, str] = {}
    groups: dict[str, dict[str, Any]] = {}
    for article in articles:
        value = article.attrs.get(attribute)
        value = UNKNOWN if value in (None, "") else str(value)
        group_of[article.id] = value
        group = groups.setdefault(
            value, {"articles": [], "outlets": [], "reported": [], "left_out": [], "only_here": []}
        )
        group["articles"].append(article.id)
        if outlet_key(article) not in group["outlets"]:
            group["outlets"].append(outlet_key(article))
    for index, fact in enumerate(facts):
        reporting = {group_of[s] for s in fact.sources if s in group_of}
        for value, group in groups.items():
            if value in reporting:
                group["reported"].append(index)
                if len(reporting) == 1:
                    group["only_here"].append(index)
            elif reporting:
                group["left_out"].append(index)
    return Coverage(
        attribute,
        tuple(
            CoverageGroup(
                value,
                tuple(group["articles"]),
                tuple(group["outlets"]),
                tuple(group["reported"]),
                tuple(group["left_out"]),
                tuple(group["only_here"]),
            )
            for value, group in groups.items()
        ),
    )


def only_in(
    facts: Sequence[Fact],
    articles: Sequence[Article],
    copies: Sequence[Sequence[str]] = (),
    quotes: Sequence[Quote] = (),
) -> dict[str, list[Fact]]:
    """Facts reported by a single independent source, per source (its outlet's name, or an
    article id when the outlet is not known).

    Sources are counted as everywhere in a brief (:func:`~corroborate.compare.syndication.
    independent_groups`): syndicated ``copies`` and the several dispatches of one outlet are
    one source. Outlets with no such fact are left out. A fact that another outlet's sentence
    comes close to (``Fact.echoed_in``) is not one outlet's alone: that outlet may well report
    it in other words. Nor is one whose sentences hold any part of a version of a quote
    (``quotes``) that another outlet carries too, in its own words or its own translation: a
    sentence cut from a quote of several sentences holds a piece of the quote, not all of it,
    and which of the other outlet's words translate that piece is not known, so the claim is
    dropped rather than risked (a verdict only on strong evidence).
    """
    outlet_of = {a.id: a.outlet for a in articles}
    carried = _quote_carriers(quotes)
    found: dict[str, list[Fact]] = {}
    for fact in facts:
        quoted = sorted(_quoted_elsewhere(fact, carried))
        told = independent_groups([*fact.sources, *fact.echoed_in, *quoted], copies, outlet_of)
        if len(told) == 1:
            found.setdefault(source_name(told[0], outlet_of), []).append(fact)
    return found


def _quoted_elsewhere(fact: Fact, carried: dict[str, list[tuple[int, int, list[str]]]]) -> set[str]:
    """The articles that carry a quote some version of which shares words with the fact's
    sentences (``carried``: from :func:`_quote_carriers`): the version lies in a sentence, a
    sentence lies in the version, or they overlap."""
    out: set[str] = set()
    for s in fact.members:
        for start, end, carriers in carried.get(s.article_id, ()):
            if start < s.end and s.start < end:
                out.update(carriers)
    return out


def _quote_carriers(quotes: Sequence[Quote]) -> dict[str, list[tuple[int, int, list[str]]]]:
    """Per article, the spans of each quote version's words (its parts: an attribution that
    interrupts the quote is not the quote) and the articles that carry that quote."""
    carried: dict[str, list[tuple[int, int, list[str]]]] = {}
    for quote in quotes:
        carriers = sorted({v.span.article_id for v in quote.versions})
        for v in quote.versions:
            for part in v.stretches:
                carried.setdefault(part.article_id, []).append((part.start, part.end, carriers))
    return carried
