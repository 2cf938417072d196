"""Who reports what: facts grouped by the outlets' attributes, and facts only one outlet has.

Helpers for the renderers. A fact (:class:`~corroborate.model.Fact`) lists every article that
reports it in ``sources``; articles carry manifest attributes in ``attrs`` (``country``,
``leaning``, ...). From these:

- :func:`coverage_by_attribute` -- for each value of an attribute (each country, each leaning),
  which facts its outlets report and which facts reported elsewhere it leaves out;
- :func:`only_in` -- per outlet, the facts no other outlet reports.

An article without an outlet counts as its own outlet (its id), so copies of one wire story
under different ids are not merged here: pass facts whose ``sources`` already reflect that
if needed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

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
    facts: Sequence[Fact], articles: Sequence[Article], quotes: Sequence[Quote] = ()
) -> dict[str, list[Fact]]:
    """Facts reported by a single outlet, per outlet (outlet name, or article id if none).

    Outlets with no such fact are left out. A fact whose sources are several articles of one
    outlet still counts as that outlet's alone; one that another outlet's sentence comes close
    to (``Fact.echoed_in``) does not: that outlet may well report it in other words. Nor does
    one whose sentence holds a version of a quote (``quotes``) that another outlet carries too,
    in its own words or its own translation.
    """
    outlet_of = {a.id: outlet_key(a) for a in articles}
    found: dict[str, list[Fact]] = {}
    for fact in facts:
        outlets = {outlet_of.get(s, s) for s in fact.sources}
        echoed = {outlet_of.get(a, a) for a in fact.echoed_in} - outlets
        echoed |= _quoted_elsewhere(fact, quotes, outlet_of) - outlets
        if len(outlets) == 1 and not echoed:
            found.setdefault(outlets.pop(), []).append(fact)
    return found


def _quoted_elsewhere(fact: Fact, quotes: Sequence[Quote], outlet_of: dict[str, str]) -> set[str]:
    """The outlets that carry a quote some version of which lies in the fact's sentences."""
    out: set[str] = set()
    for quote in quotes:
        spans = [v.span for v in quote.versions]
        if any(
            sp.article_id == s.article_id and s.start <= sp.start and sp.end <= s.end
            for sp in spans
            for s in fact.members
        ):
            out |= {outlet_of.get(sp.article_id, sp.article_id) for sp in spans}
    return out
