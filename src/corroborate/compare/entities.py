"""People and organisations across a story, with every spelling of their names merged.

Across the story, :func:`merge_entities` clusters the person names that
:func:`corroborate.annotate.people.find_person_mentions` found in each article:

* accents, case, hyphens are ignored (Bárcena = Barcena, Sherwood-Randall = Sherwood Randall);
* a shorter form joins a longer one when its words appear in order in it (Rosa Icela Rodríguez
  / Rosa Icela Rodríguez Velázquez; Lopez Obrador / Andrés Manuel López Obrador), allowing one
  misspelt word when at least two others agree exactly (Cresencio / Crescencio, Manual / Manuel);
* a surname alone joins the full name it shortens, preferring one named in the same article,
  and stays apart when two people of the story share it;
* different given names never merge, nor do "Jr." and the father.

ORG/GPE/NORP names merge by their folded form ("the U.S." = "US").

:class:`EntityIndex` turns any name seen in an article into the entity id, for quotes.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache as once
from functools import cached_property, lru_cache
from itertools import accumulate

from corroborate.annotate.people import (
    _POSSESSIVE,
    _SPACE,
    _SUFFIXES,
    LOCATIVE,
    ORG_WORDS,
    PersonMention,
    _title_before,
    find_person_mentions,
    given_name_gender,
    name_tokens,
    same_person,
)
from corroborate.annotate.roles import (
    CONNECTORS,
    Token,
    group_titles,
    is_head,
    is_honorific,
    is_title_word,
    title_key,
    tokenize,
)
from corroborate.compare.stage_cache import StageCache, article_keys, cached
from corroborate.model import Article, Entity, Span
from corroborate.text import fold


@dataclass
class _Cluster:
    members: list[list[str]] = field(default_factory=list)
    forms: Counter[str] = field(default_factory=Counter)
    mentions: list[PersonMention] = field(default_factory=list)
    # article id -> start of the group's first mention there (kept by :meth:`add`)
    first_start: dict[str, int] = field(default_factory=dict)
    # the :func:`_title_key` of every title its mentions are given (kept by :meth:`add`)
    title_keys: set[str] = field(default_factory=set)

    def add(self, m: PersonMention) -> None:
        """Take a mention, keeping :attr:`first_start` and :attr:`title_keys` up to date."""
        self.mentions.append(m)
        self.title_keys.update(_title_key(t) for t in m.titles)
        first = self.first_start.get(m.article_id)
        if first is None or m.start < first:
            self.first_start[m.article_id] = m.start

    @property
    def longest(self) -> list[str]:
        return max(self.members, key=len)

    def surnames(self) -> set[str]:
        out: set[str] = set()
        for m in self.members:
            if len(m) >= 2:
                out.update(t for t in m[1:] if t not in _SUFFIXES)
        return out

    def accepts(self, tokens: Sequence[str]) -> bool:
        full = [m for m in self.members if len(m) >= 2]
        if not full:
            return False
        longest: list[str] = max(full, key=len)
        return _same_person(tuple(tokens), tuple(longest))


@lru_cache(maxsize=1 << 16)
def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """:func:`same_person` of two token lists, cached: the story's stages group the same
    names more than once."""
    return same_person(a, b)


_ARTICLE_FIRST = re.compile(r"^(the|a|an)\s+")
_COUNTRY_FIRST = re.compile(r"us|usa|uk|eu|[a-z]+'s")


def _nonperson_key(text: str) -> str:
    t = fold(text).replace(".", "").replace("’", "'")
    t = _ARTICLE_FIRST.sub("", t)
    t = _POSSESSIVE.sub("", t)
    t = _SPACE.sub(" ", t).strip(" ,;:'\"")
    # "US State Department" = "State Department"; "Mexico's Foreign Ministry" = "Foreign Ministry"
    parts = t.split(" ")
    if len(parts) >= 3 and _COUNTRY_FIRST.fullmatch(parts[0]):
        t = " ".join(parts[1:])
    return t


def _initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in {"of", "the", "and", "for", "&"})


def _is_title_fragment(article: Article, start: int, end: int, text: str) -> bool:
    """An ORG span that is part of a person's title ("White House Homeland Security" Advisor,
    Secretary of "State"), not an organisation named for itself."""
    after = article.text[end : end + 40].lstrip()
    first_after = re.match(r"[\w-]+", after)
    if (
        first_after
        and is_head(first_after.group())
        and not re.search(r"(?i)\b(department|ministry|council|office|agency)$", text)
    ):
        return True
    before = article.text[max(0, start - 30) : start]
    head = re.search(r"(?i)\b([\w-]+)\s+(?:of|for)\s+(?:the\s+)?$", before)
    if head and is_head(head.group(1)):
        return True
    return all(is_title_word(w) for w in text.split())


def _canonical(forms: Counter[str]) -> str:
    def accents(s: str) -> int:
        return sum(1 for c in s if ord(c) > 127 and c.isalpha())

    def given(s: str) -> int:  # "Daniel Rourke" over "Dan Rourke"
        tokens = name_tokens(s)
        return len(tokens[0]) if len(tokens) >= 2 else 0

    return max(
        forms,
        key=lambda f: (len(name_tokens(f)), accents(f), given(f), forms[f], "-" in f, -len(f)),
    )


def merge_entities(
    articles: Sequence[Article],
    person_mentions: dict[str, list[PersonMention]] | None = None,
) -> list[Entity]:
    """The story's people and organisations, every spelling merged (see the module doc).

    Args:
        articles: the story's articles, annotated (``.mentions``).
        person_mentions: per-article results of :func:`find_person_mentions`, if already run.

    Returns:
        The entities (``e1``, ``e2``...) named by most articles first, then most named; each
        with the span of every mention, and for a person the titles given (each with the
        mentions of the name it is written beside).
    """
    by_article = story_person_mentions(articles, person_mentions)
    label_votes = _label_votes(articles)
    clusters = _cluster_people([m for a in articles for m in by_article.get(a.id, [])])
    kept_people: dict[str, list[PersonMention]] = defaultdict(list)
    place = _article_order(articles)  # titles are cited in article order

    entities: list[Entity] = []
    for cluster in clusters:
        ms = cluster.mentions
        if not any(len(m) >= 2 for m in cluster.members) and not any(m.titles for m in ms):
            v = label_votes.get(cluster.members[0][0] if cluster.members else "", Counter())
            if v["PERSON"] <= sum(v.values()) - v["PERSON"]:
                continue  # a lone word the model mostly reads as a place or organisation
        for m in ms:
            kept_people[m.article_id].append(m)
        titled = sorted(
            ((t, m) for m in ms for t in m.titles), key=lambda p: place[p[1].article_id]
        )
        roles = group_titles(
            [(t, m.article_id) for t, m in titled],
            [Span(m.article_id, m.start, m.end) for _, m in titled],
        )
        entities.append(
            Entity(
                id="",
                name=_canonical(cluster.forms),
                type="PERSON",
                variants=tuple(sorted(cluster.forms)),
                roles=tuple(roles),
                sources=tuple(_ordered({m.article_id for m in ms}, place)),
                spans=tuple(Span(m.article_id, m.start, m.end) for m in ms),
            )
        )
    entities.extend(_merge_nonpersons(articles, kept_people))
    entities.sort(key=lambda e: (-len(e.sources), -e.mentions, e.type != "PERSON", e.name))
    return [replace(e, id=f"e{n}") for n, e in enumerate(entities, 1)]


def story_person_mentions(
    articles: Sequence[Article],
    person_mentions: dict[str, list[PersonMention]] | None = None,
    cache: StageCache | None = None,
    keys: Mapping[str, bytes] | None = None,
) -> dict[str, list[PersonMention]]:
    """Per article: :func:`find_person_mentions`, plus every further occurrence of a name known
    from the story that the NER model mislabeled or missed ("Blinken" read as a place).

    Feed these to :func:`corroborate.annotate.quotes.extract_quotes` for the best speakers.
    ``cache``: what was found in each article kept under the article, the names looked for
    in it and the mentions it had (:mod:`corroborate.compare.stage_cache`; ``keys``: the
    articles' :func:`~corroborate.compare.stage_cache.article_keys`, if already made).
    """
    by_article = person_mentions or {a.id: find_person_mentions(a) for a in articles}
    by_article = {k: list(v) for k, v in by_article.items()}
    if any(m.how == "known" for ms in by_article.values() for m in ms):
        return by_article  # already completed
    clusters = _cluster_people([m for a in articles for m in by_article.get(a.id, [])])
    by_id = {a.id: a for a in articles}
    # each article's runs of word characters, read once: where a name may be looked for
    runs = {a.id: frozenset(_WORD_RUN.findall(a.text)) for a in articles}
    # words of full names: a lone one is someone's name (maybe ambiguous: "Vos" of two Voses)
    name_words = {t for c in clusters for member in c.members if len(member) >= 2 for t in member}
    datelines = _dateline_places(articles)
    places = [c for c in clusters if _not_a_person(c, by_id, name_words, datelines, runs)]
    # a lone word of a place's or organisation's name is that place ("FC Lindholm" ... "for
    # Lindholm last season")
    named = {t for c in places for member in c.members for t in member}
    caseless = once(lambda: [_caseless_kept(a.text, cache) for a in articles])  # if needed
    placed = {id(c) for c in places}
    places += [
        c
        for c in clusters
        if len(c.members) == 1
        and len(c.members[0]) == 1
        and not any(m.titles for m in c.mentions)
        and id(c) not in placed
        and (c.members[0][0] in named or _beside_org_word(c.forms, articles, caseless()))
    ]
    if places:
        placed = {id(c) for c in places}
        dropped = {id(m) for c in places for m in c.mentions}
        by_article = {k: [m for m in v if id(m) not in dropped] for k, v in by_article.items()}
        clusters = [c for c in clusters if id(c) not in placed]
    searches = _known_searches(_known_forms(clusters), _label_votes(articles))
    by_word = _searches_by_word(searches)
    keys = article_keys(articles, cache) if keys is None else keys
    for article in articles:
        found = by_article.setdefault(article.id, [])
        here = _searches_in(article.text, searches, by_word, runs[article.id])
        found.extend(_found_known(article, here, found, cache, keys))
        found.sort(key=lambda m: m.start)
    return by_article


def _found_known(
    article: Article,
    searches: Sequence[_KnownSearch],
    found: Sequence[PersonMention],
    cache: StageCache | None,
    keys: Mapping[str, bytes],
) -> list[PersonMention]:
    """:func:`_find_known`, kept in ``cache`` under the article, the forms looked for and the
    mentions it has."""
    return cached(
        cache,
        "people.known",
        (keys.get(article.id), [s.form for s in searches], list(found)),
        lambda: _find_known(article, searches, found),
    )


def _ordered(ids: Iterable[str], order: Mapping[str, int]) -> list[str]:
    """The ids in the story's order (``order``: :func:`_article_order`)."""
    return sorted(set(ids), key=lambda i: order.get(i, len(order)))


def _article_order(articles: Sequence[Article]) -> dict[str, int]:
    return {a.id: i for i, a in enumerate(articles)}


def _cluster_people(mentions: Sequence[PersonMention]) -> list[_Cluster]:
    """People's mentions grouped by person: full names first (longest and commonest forms
    anchor the groups), then names of one word joined to the full name they shorten."""
    clusters: list[_Cluster] = []
    _cluster_full_names([m for m in mentions if len(name_tokens(m.text)) >= 2], clusters)
    _place_single_names([m for m in mentions if len(name_tokens(m.text)) == 1], clusters)
    return [c for c in clusters if c.mentions]


def _cluster_full_names(full: Sequence[PersonMention], clusters: list[_Cluster]) -> None:
    """Each full name joins the group whose longest name it can be (:func:`same_person`), else
    starts one. Two names can only be one person if they share a word, so a name is compared
    only with the groups whose longest name has one of its words (an index of words): the
    same groups as comparing with all, in near-linear time.

    A name's answer from a group never changes while this runs (:func:`_accepts`), and a
    group is only ever added, at the end: so the groups each name fits are kept, with how
    many groups there were, and a name that comes back (a big story's names come back
    hundreds of times, one after another) asks only the groups made since."""
    by_word: dict[str, list[int]] = {}
    accepted: dict[tuple[int, tuple[str, ...]], bool] = {}
    fitting: dict[tuple[str, ...], tuple[int, list[int]]] = {}
    freq = Counter(tuple(name_tokens(m.text)) for m in full)
    for m in sorted(
        full,
        key=lambda m: (
            -len(name_tokens(m.text)),
            -freq[tuple(name_tokens(m.text))],
            m.article_id,
            m.start,
        ),
    ):
        toks = name_tokens(m.text)
        seen, fit = fitting.get(tuple(toks), (0, []))
        if seen < len(clusters):
            # the groups made since sharing a word with it: all after those asked before
            near = sorted({n for t in toks for n in by_word.get(t, ()) if n >= seen})
            fit = fit + [n for n in near if _accepts(clusters, n, toks, accepted)]
            fitting[tuple(toks)] = (len(clusters), fit)
        fits = [clusters[n] for n in fit]
        if len(fits) > 1:
            local = [c for c in fits if m.article_id in c.first_start]
            fits = local if len(local) == 1 else []
        if fits:
            c = fits[0]
        else:
            c = _Cluster()
            clusters.append(c)
            for t in set(toks):  # its first name is its longest: names come longest first
                by_word.setdefault(t, []).append(len(clusters) - 1)
        if toks not in c.members:
            c.members.append(toks)
        c.forms[m.text] += 1
        c.add(m)


def _accepts(
    clusters: Sequence[_Cluster],
    n: int,
    toks: Sequence[str],
    accepted: dict[tuple[int, tuple[str, ...]], bool],
) -> bool:
    """``clusters[n].accepts(toks)``, remembered in ``accepted``: while
    :func:`_cluster_full_names` runs, a group's longest name is the one it started with (names
    come longest first), so the answer for a name never changes (a big story's names come
    back hundreds of times)."""
    key = (n, tuple(toks))
    if key not in accepted:
        accepted[key] = clusters[n].accepts(toks)
    return accepted[key]


def _place_single_names(single: Sequence[PersonMention], clusters: list[_Cluster]) -> None:
    """A surname alone joins the full name in the same article, else the only one in the story;
    a given name alone ("Kofi", as sports and human-interest stories write), failing that;
    else it is a group of its own."""
    by_surname: dict[str, list[_Cluster]] = {}
    by_given: dict[str, list[_Cluster]] = {}
    for c in clusters:  # in order: the candidates below keep the groups' order
        for t in c.surnames():
            by_surname.setdefault(t, []).append(c)
        for t in dict.fromkeys(t[0] for t in c.members if len(t) >= 2):
            by_given.setdefault(t, []).append(c)
    loose: dict[str, _Cluster] = {}
    # per word, its candidates named in the article at hand (the mentions come article by
    # article): a word's candidates are many in a big story (one surname, 200 groups), those
    # of one article few; made anew when a group is first named in the article
    here_of: dict[str, list[_Cluster]] = {}
    article = None
    for m in sorted(single, key=lambda m: (m.article_id, m.start)):
        tok = name_tokens(m.text)[0]
        cands = by_surname.get(tok) or by_given.get(tok) or []
        if m.article_id != article:
            article, here_of = m.article_id, {}
        here = here_of.get(tok)
        if here is None:
            here = here_of[tok] = [c for c in cands if m.article_id in c.first_start]
        target = _single_name_target(m, cands, here) or loose.get(tok)
        if target is None:
            target = loose[tok] = _Cluster()
            clusters.append(target)
        if [tok] not in target.members and not target.members:
            target.members.append([tok])
        target.forms[m.text] += 1
        if m.article_id not in target.first_start:
            here_of = {}
        target.add(m)


def _single_name_target(
    m: PersonMention, cands: Sequence[_Cluster], here: Sequence[_Cluster] | None = None
) -> _Cluster | None:
    """The group a one-word name joins among those it may shorten, if one stands out.
    ``here``: those of ``cands`` named in the mention's article, in order, if known."""
    if here is None:
        here = [c for c in cands if m.article_id in c.first_start]
    local = [c for c in here if c.first_start[m.article_id] < m.start] or list(here)
    if len(cands) > 1 and m.titles:
        # "Economy Minister Wehrmann": the Wehrmann who holds that post
        keys = {_title_key(t) for t in m.titles}
        titled = [c for c in cands if keys & c.title_keys]
        if len(titled) == 1:
            local = titled
    if len(local) == 1:
        return local[0]
    return cands[0] if len(cands) == 1 and not local else None


@lru_cache(maxsize=1 << 14)
def _title_key(title: str) -> str:
    """:func:`title_key`, cached: a big story compares the same few titles thousands of times."""
    return title_key(title)


def _not_a_person(
    cluster: _Cluster,
    articles: Mapping[str, Article],
    name_words: frozenset[str] | set[str] = frozenset(),
    datelines: frozenset[str] | set[str] = frozenset(),
    runs: Mapping[str, frozenset[str]] | None = None,
) -> bool:
    """Whether the story shows a name the model read as a person's to be something else:

    - a place: a dateline names it (``datelines``: :func:`_dateline_places`), or most of its
      mentions follow a locative preposition
      ("in Port Alder", "at Mill Lane"), none with a possessive after it;
    - a common word: a lone capitalised word, with no title, that the story also writes in
      lower case ("Fire broke out..." beside "the fire"), or that only articles in another
      language than English name (the English model reads their capitalised nouns as names);
    - a product, a firm or a place: a lone word that is no word of a full name in the story
      (``name_words``) and that nothing gives a person's marks: no title, no "Mr"/"Dr", no age
      ("Calmorex", "Veridane", "Fahrenheit"). News stories name their people in full at least
      once.
    """
    if any(fold(form).strip() in datelines for form in cluster.forms):
        return True  # "CEDAR HOLLOW, Calif. (PWS) —": a dateline names a place
    placed = 0
    for m in cluster.mentions:
        article = articles.get(m.article_id)
        text = article.text if article else ""
        if _POSSESSIVE.match(text[m.end : m.end + 2]):
            return False
        before = text[max(0, m.start - 12) : m.start].split()
        placed += bool(before) and before[-1].lower() in LOCATIVE
    if placed * 2 > len(cluster.mentions):
        return True
    if any(len(member) >= 2 for member in cluster.members) or any(
        m.titles for m in cluster.mentions
    ):
        return False
    lone = cluster.members[0][0] if cluster.members else ""
    if (
        lone not in name_words
        and not any(_marked_as_person(m, articles) for m in cluster.mentions)
        and not _after_given_name(cluster.forms, articles.values(), runs)
    ):
        return True
    languages = [
        articles[m.article_id].language if m.article_id in articles else None
        for m in cluster.mentions
    ]
    if all(language not in ("en", None) for language in languages):
        return True
    word = cluster.members[0][0] if cluster.members else ""
    # the substring test first: the pattern (which starts with a look-behind) scans slowly;
    # a word of word characters the pattern finds is one of its text's runs (``runs``)
    texts = [a.text for a in articles.values() if _may_hold(a, word, runs) and word in a.text]
    if not word or not texts:
        return False
    pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")
    return any(pattern.search(text) for text in texts)


def _after_given_name(
    forms: Iterable[str],
    articles: Iterable[Article],
    runs: Mapping[str, frozenset[str]] | None = None,
) -> bool:
    """Whether some article writes one of the forms right after a given name most who bear
    it are of one sex ("Cecile Richards" in a title line the people finder skips, "Naureen
    Jahangir" the model cut to its last word): a person's last name. ``runs``: each
    article's runs of word characters, if known (a form of word characters the pattern finds
    is one of them: the other texts are not searched)."""
    for form in forms:
        if not form or " " in form:
            continue
        pattern = re.compile(rf"\b([A-Z][a-z]+)\s+{re.escape(form)}(?![\w-])")
        for article in articles:
            if not _may_hold(article, form, runs) or form not in article.text:
                continue
            if any(given_name_gender(m.group(1)) for m in pattern.finditer(article.text)):
                return True
    return False


_DATELINE_PLACE = re.compile(r"^\W*([^\W\d_][^,(—–]*?)\s*(?:,|\(|—|–|-\s)")


def _dateline_places(articles: Iterable[Article]) -> set[str]:
    """The places the articles' datelines name, folded ("CEDAR HOLLOW, Calif. (PWS) —" ->
    "cedar hollow")."""
    places = set()
    for article in articles:
        for cut in article.removed:
            m = _DATELINE_PLACE.match(cut.text) if cut.reason == "dateline" else None
            if m:
                places.add(fold(m.group(1)).strip())
    return places


_AGE_AFTER = re.compile(r",\s*(?:aged\s+)?\d{1,3}\s*,")


_LAST_WORD = re.compile(r"(\S+)\s+$")


def _marked_as_person(m: PersonMention, articles: Mapping[str, Article]) -> bool:
    """Whether a mention carries a person's marks: an honorific before it or in it ("Mr
    Haddad", "Dr. Osei"), or an age after it ("Kofi, 24,")."""
    article = articles.get(m.article_id)
    if article is None:
        return True  # nothing to judge by
    text = article.text
    first = m.text.split()[0] if m.text.split() else ""
    before = _LAST_WORD.search(text, max(0, m.start - 8), m.start)
    return bool(
        is_honorific(first)
        or (before and is_honorific(before.group(1)))
        or _AGE_AFTER.match(text, m.end)
    )


_WORD_BEFORE = re.compile(r"(?<!\w)(\w+)\s+$")


_WORD_AFTER = re.compile(r"\s+(\w+)")


_BOUNDARY = re.compile(r"\b")


def _beside_org_word(
    forms: Iterable[str],
    articles: Sequence[Article],
    caseless: Sequence[str | None] | None = None,
) -> bool:
    """Whether one of the forms is written in some article next to a word that names places
    or organisations (:data:`ORG_WORDS`): "FC Lindholm", "Eastvale Fire". (The neighbours are
    looked up in the set: a pattern of every such word costs more to compile than to run.)

    ``caseless``: the articles' texts by :func:`_caseless`, to skip at the cost of a substring
    search the texts where no form can match (a case-blind pattern scans slowly)."""
    forms = list(forms)
    pattern = re.compile(r"(?i)\b(?:" + "|".join(re.escape(f) for f in forms) + ")")
    keys = [_caseless(f) for f in forms]
    for n, article in enumerate(articles):
        if caseless is not None and _cannot_match(keys, caseless[n]):
            continue
        text = article.text
        for m in pattern.finditer(text):
            after = _WORD_AFTER.match(text, m.end())
            if after and after.group(1).lower() in ORG_WORDS:
                return True
            before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
            if before and before.group(1).lower() in ORG_WORDS and _BOUNDARY.match(text, m.end()):
                return True
    return False


def _cannot_match(keys: Sequence[str | None], caseless_text: str | None) -> bool:
    """Whether no form whose :func:`_caseless` keys are given can match a text case-blind
    (``caseless_text``: the text by :func:`_caseless`); False when it cannot be told."""
    if caseless_text is None or None in keys:
        return False
    return not any(key in caseless_text for key in keys if key is not None)


def _caseless_kept(text: str, cache: StageCache | None) -> str | None:
    """:func:`_caseless` of a text, kept in ``cache`` under the text."""
    return cached(cache, "caseless", (text,), lambda: _caseless(text))


def _caseless(text: str) -> str | None:
    """``text`` with every character replaced by a stand-in for its case: two characters that
    a case-blind pattern (``re.IGNORECASE``) lets match each other get the same one ("K", "k"
    and the Kelvin sign "K" -> "k"; "ſ" -> "s"; "ς" -> "σ"), so a form such a pattern finds in
    a text is found in the stand-ins too, at the same place. None when some character has
    no one-character stand-in ("ß" upper-cases to "SS", "İ" lower-cases to "i̇"). (Checked
    on every cased character of Unicode in tests/test_entities.py.)"""
    if text.isascii():
        return text.lower()
    table: dict[int, str] = {}
    for c in set(text):
        stand_in = _stand_in(c)
        if stand_in is None:
            return None
        if stand_in != c:
            table[ord(c)] = stand_in
    return text.translate(table)


@lru_cache(maxsize=1 << 12)
def _stand_in(c: str) -> str | None:
    """A character's case stand-in for :func:`_caseless`: its upper case lower-cased, when
    both are one character."""
    upper = c.upper()
    lower = upper.lower() if len(upper) == 1 else ""
    return lower if len(lower) == 1 else None


def _known_forms(clusters: Sequence[_Cluster]) -> dict[str, int]:
    """Name forms worth looking for in the text (surface form -> cluster index)."""
    out: dict[str, int] = {}
    surname_owner: dict[str, set[int]] = defaultdict(set)
    for n, c in enumerate(clusters):
        if not any(len(m) >= 2 for m in c.members):
            continue
        for form in c.forms:
            if len(name_tokens(form)) >= 2:
                out[form] = n
        for form in c.forms:
            words = form.split()
            if len(words) >= 2:
                surname_owner[words[-1]].add(n)
                if len(words) >= 3:
                    surname_owner[" ".join(words[-2:])].add(n)
    for s, owners in surname_owner.items():
        if len(owners) == 1 and len(s) >= 3:
            out.setdefault(s, next(iter(owners)))
    return out


def _label_votes(articles: Sequence[Article]) -> dict[str, Counter[str]]:
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for a in articles:
        for m in a.mentions:
            words = name_tokens(m.text)
            if words:
                votes[words[-1]][m.label] += 1
    return votes


@dataclass(frozen=True)
class _KnownSearch:
    """How to find one known name form in a text: where :attr:`pattern` matches."""

    words: tuple[str, ...]  # each one must be in the text for the pattern to match
    form: str
    lead: str = ""  # what every match starts with: the form up to its first space

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """The form as a whole name: not inside a word (nor a hyphenated one), any run of
        white space between its words, maybe a possessive."""
        return re.compile(
            r"(?<![\w-])" + re.escape(self.form).replace(r"\ ", r"\s+") + r"(?:['’]s)?(?![\w-])"
        )

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """The spans of ``pattern.finditer(text)``, looked for only where ``lead`` is written.
        A story has thousands of forms: each is matched by hand (:meth:`_match`, what the
        pattern matches), not compiled, unless it holds two spaces in a row."""
        match = self._match if self._plain else self._match_pattern
        pos = text.find(self.lead)
        while pos >= 0:
            end = match(text, pos)
            if end >= 0:
                yield pos, end
            pos = text.find(self.lead, end if end >= 0 else pos + 1)

    @cached_property
    def _plain(self) -> bool:
        """A form :meth:`_match` matches as the pattern does: no backslash, and no word
        that starts with white space or is empty (two spaces in a row), where the pattern's
        ``\\s+`` could give back some of the white space it took."""
        pieces = self.form.split(" ")
        return "\\" not in self.form and all(p and not p[0].isspace() for p in pieces)

    @property
    def word_tokens(self) -> frozenset[str]:
        """The form's runs of word characters: a match is bounded by non-word characters, so
        each is a whole run of word characters of the text too."""
        return frozenset(_WORD_RUN.findall(" ".join(self.words)))

    def _match_pattern(self, text: str, pos: int) -> int:
        m = self.pattern.match(text, pos)
        return m.end() if m else -1

    def _match(self, text: str, pos: int) -> int:
        """Where :attr:`pattern` matched at ``pos`` ends, else -1 (``\\w`` is a letter, a
        digit or "_" as ``str.isalnum`` says, as for the regex engine; ``\\s`` is
        ``str.isspace``)."""
        if pos > 0 and _word_or_hyphen(text[pos - 1]):
            return -1
        at = pos
        for k, piece in enumerate(self.form.split(" ")):
            if k:
                start = at
                while at < len(text) and text[at].isspace():
                    at += 1
                if at == start:
                    return -1
            if not text.startswith(piece, at):
                return -1
            at += len(piece)
        if text[at : at + 2] in ("'s", "’s") and not _word_or_hyphen_at(text, at + 2):
            return at + 2
        return -1 if _word_or_hyphen_at(text, at) else at


def _word_or_hyphen(c: str) -> bool:
    """Whether a character is one of the regex class ``[\\w-]``."""
    return c.isalnum() or c in "_-"


def _word_or_hyphen_at(text: str, at: int) -> bool:
    return at < len(text) and _word_or_hyphen(text[at])


_WORD_RUN = re.compile(r"\w+")


def _searches_by_word(searches: Sequence[_KnownSearch]) -> dict[str, list[int]]:
    """The searches (by index) under one word each of them needs: a text's words pick its few
    candidate searches among a big story's thousands."""
    index: dict[str, list[int]] = defaultdict(list)
    for k, search in enumerate(searches):
        tokens = search.word_tokens
        if tokens:
            index[min(tokens)].append(k)
    return index


def _may_hold(article: Article, word: str, runs: Mapping[str, frozenset[str]] | None) -> bool:
    """False when ``word``, all word characters, is none of the article's runs of word
    characters (``runs``, by article, when known): no pattern that wants it between two
    characters of no word can find it there."""
    found = None if runs is None else runs.get(article.id)
    return found is None or word in found or _WORD_RUN.fullmatch(word) is None


def _searches_in(
    text: str,
    searches: Sequence[_KnownSearch],
    by_word: dict[str, list[int]],
    words: frozenset[str] | None = None,
) -> list[_KnownSearch]:
    """The searches whose every word is a word of ``text`` (``words``: its runs of word
    characters, if known), in their order (longest first)."""
    words = frozenset(_WORD_RUN.findall(text)) if words is None else words
    hits = sorted({k for w in words for k in by_word.get(w, ())})
    return [searches[k] for k in hits if searches[k].word_tokens <= words]


def _known_searches(known: dict[str, int], votes: dict[str, Counter[str]]) -> list[_KnownSearch]:
    """The known forms worth looking for, longest first."""
    out = []
    for form in sorted(known, key=len, reverse=True):
        tokens = name_tokens(form)
        v = votes.get(tokens[-1] if tokens else "", Counter())
        if len(form.split()) == 1 and v and v["PERSON"] * 2 < sum(v.values()) - v["PERSON"]:
            continue  # mostly a place or organisation in this story
        out.append(_KnownSearch(tuple(form.split()), form, form.split(" ")[0]))
    return out


def _find_known(
    article: Article, searches: Sequence[_KnownSearch], found: Sequence[PersonMention]
) -> list[PersonMention]:
    text = article.text.replace("[", " ").replace("]", " ")
    taken = [(m.start, m.end) for m in found]
    out: list[PersonMention] = []
    for search in searches:
        if not all(w in text for w in search.words):
            continue  # cheap: the pattern cannot match
        for s, e in search.spans(text):
            if any(not (e <= a or s >= b) for a, b in taken):
                continue
            surface = text[s:e]
            pm = _POSSESSIVE.search(surface)
            if pm:
                e -= len(pm.group())
            toks, i = _tokens_up_to(article.text, s)
            titles: tuple[str, ...] = ()
            if i is not None:
                pre = _title_before(article.text, toks, i)
                titles = (pre,) if pre else ()
            out.append(
                PersonMention(article.id, s, e, _SPACE.sub(" ", article.text[s:e]), titles, "known")
            )
            taken.append((s, e))
    return out


# _title_before reads the 11 tokens before a name's at most
_TITLE_REACH = 12


def _tokens_up_to(text: str, start: int) -> tuple[list[Token], int | None]:
    """The tokens of ``text`` (:func:`tokenize`) from at least :data:`_TITLE_REACH` before the
    one at ``start`` up to it, and its index among them (None when no token starts there):
    enough for :func:`_title_before`, without tokenising a whole long article per name.

    No token holds a space, so the tokens of a stretch that starts after a space and ends
    before one are the whole text's tokens there."""
    end = _SPACE_CHAR.search(text, start)
    stop = end.start() if end else len(text)
    back = 80
    while True:
        begin = max(0, start - back)
        while begin > 0 and not text[begin - 1].isspace():
            begin -= 1
        toks = tokenize(text, begin, stop)
        i = next((k for k, t in enumerate(toks) if t.start == start), None)
        if i is None or i >= _TITLE_REACH or begin == 0:
            return toks, i
        back *= 4


_SPACE_CHAR = re.compile(r"\s")


@dataclass
class _NameGroup:
    """The mentions of one organisation, place or other non-person name across a story."""

    labels: Counter[str] = field(default_factory=Counter)
    forms: Counter[str] = field(default_factory=Counter)
    sources: set[str] = field(default_factory=set)
    spans: list[Span] = field(default_factory=list)

    def absorb(self, other: _NameGroup) -> None:
        self.labels.update(other.labels)
        self.forms.update(other.forms)
        self.sources |= other.sources
        self.spans += other.spans


def _merge_nonpersons(
    articles: Sequence[Article], people: dict[str, list[PersonMention]]
) -> list[Entity]:
    """The story's organisations, places and other names: mentions of one name (by
    :func:`_nonperson_key`) merged across articles, acronyms folded into their names."""
    groups = _nonperson_groups(articles, people)
    _fold_acronyms(groups, articles)
    order = _article_order(articles)
    return [_nonperson_entity(g, order) for g in groups.values()]


def _nonperson_groups(
    articles: Sequence[Article], people: dict[str, list[PersonMention]]
) -> dict[str, _NameGroup]:
    """Non-person mentions by name key; not those inside a person's name, nor an
    organisation word that is part of a title ("Foreign Affairs" in a minister's title)."""
    groups: dict[str, _NameGroup] = {}
    for a in articles:
        overlaps_person = _overlap_test([(m.start, m.end) for m in people.get(a.id, [])])
        for m in a.mentions:
            if m.label == "PERSON" or overlaps_person(m.start, m.end):
                continue
            key = _nonperson_key(m.text)
            if not key or len(key) < 2:
                continue
            if m.label in {"ORG", "NORP"} and _is_title_fragment(a, m.start, m.end, m.text):
                continue
            g = groups.setdefault(key, _NameGroup())
            g.labels[m.label] += 1
            g.forms[_POSSESSIVE.sub("", m.text.strip())] += 1
            g.sources.add(a.id)
            g.spans.append(Span(a.id, m.start, m.end))
    return groups


def _fold_acronyms(groups: dict[str, _NameGroup], articles: Sequence[Article]) -> None:
    """Acronyms join the one group whose name they abbreviate ("U.S." -> "United States") or
    that an article writes them after, in brackets ("Ministry of Foreign Affairs (SRE)")."""
    bracketed = _bracketed_acronyms(articles)
    by_initials: dict[str, list[str]] = defaultdict(list)
    for k in groups:
        if " " in k:
            by_initials[_initials(k)].append(k)
    for key in list(groups):
        if " " in key or key not in groups:
            continue
        targets = [k for k in by_initials.get(key.replace(" ", ""), ()) if k in groups]
        if len(targets) != 1:
            targets = [k for k in bracketed.get(key, ()) if k in groups and k != key]
        if len(targets) == 1:
            groups[targets[0]].absorb(groups.pop(key))


def _nonperson_entity(g: _NameGroup, order: Mapping[str, int]) -> Entity:
    """A group's entity, named by its most frequent form (one without "the" first)."""
    forms = g.forms
    name = max(forms, key=lambda f: (forms[f], not f.lower().startswith("the "), len(f)))
    return Entity(
        id="",
        name=re.sub(r"^(?:the|The)\s+", "", name),
        type=g.labels.most_common(1)[0][0],
        variants=tuple(sorted(forms)),
        roles=(),
        sources=tuple(_ordered(g.sources, order)),
        spans=tuple(g.spans),
    )


def _overlap_test(spans: Sequence[tuple[int, int]]) -> Callable[[int, int], bool]:
    """A test of whether a span overlaps one of ``spans`` (some ``s < end`` and ``e > start``),
    by bisection: the spans sorted by start, each with the furthest end up to it (the
    spans may overlap each other)."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach = list(accumulate((e for _, e in ordered), max))

    def overlaps(start: int, end: int) -> bool:
        k = bisect_left(starts, end)  # spans[:k] start before ``end``
        return k > 0 and reach[k - 1] > start

    return overlaps


def _bracketed_acronyms(articles: Sequence[Article]) -> dict[str, set[str]]:
    """Acronym key -> the keys of the names the articles write right before it in brackets
    ("Mexico's Ministry of Foreign Affairs (SRE)")."""
    out: dict[str, set[str]] = defaultdict(set)
    for a in articles:
        for m in a.mentions:
            after = re.match(r"\s*\(([A-Z][A-Za-z.&]{1,9})\)", a.text[m.end : m.end + 14])
            if after and m.label != "PERSON":
                out[_nonperson_key(after.group(1))].add(_nonperson_key(m.text))
    return out


class EntityIndex:
    """Name -> entity id, for the quotes stage.

    >>> index = EntityIndex(merge_entities(articles))      # doctest: +SKIP
    >>> index.resolve("Mr. Blinken", article_id="a1")     # doctest: +SKIP
    'e3'
    """

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.entities = {e.id: e for e in entities}
        self._exact: dict[str, set[str]] = defaultdict(set)
        self._by_article_span: dict[Span, str] = {}
        self._people: list[tuple[str, list[list[str]]]] = []
        self._near: dict[str, set[str]] = {}  # what _people_named found, by name
        for e in entities:
            for v in (*e.variants, e.name):
                key = " ".join(name_tokens(v)) if e.type == "PERSON" else _nonperson_key(v)
                self._exact[key].add(e.id)
            for span in e.spans:
                self._by_article_span[span] = e.id
            if e.type == "PERSON":
                self._people.append((e.id, [name_tokens(v) for v in e.variants]))
        # the people (by place in _people) with a full name holding a word, and one holding
        # it after its first word
        self._by_word: dict[str, set[int]] = defaultdict(set)
        self._by_later_word: dict[str, set[int]] = defaultdict(set)
        for k, (_, members) in enumerate(self._people):
            for m in members:
                if len(m) > 1:
                    for t in m:
                        self._by_word[t].add(k)
                    for t in m[1:]:
                        self._by_later_word[t].add(k)

    def at(self, article_id: str, start: int, end: int) -> str | None:
        """The entity of a mention span, when the span is one the merge saw."""
        return self._by_article_span.get(Span(article_id, start, end))

    def resolve(self, name: str, article_id: str | None = None) -> str | None:
        """The entity id a name refers to, or None when unknown or ambiguous."""
        paren = re.search(r"\(([^)]*)\)", name)
        if paren:
            base = name[: paren.start()].strip()
            return self.resolve(base, article_id) or self.resolve(paren.group(1), article_id)
        toks = name_tokens(_strip_title(name))
        if not toks:
            return None
        key = " ".join(toks)
        ids = self._exact.get(key) or self._exact.get(_nonperson_key(name))
        if ids:
            return self._pick(ids, article_id)
        cands = self._near.get(key)
        if cands is None:  # a scan of every person: once per name
            cands = self._near[key] = self._people_named(toks)
        return self._pick(cands, article_id) if cands else None

    def _people_named(self, toks: list[str]) -> set[str]:
        """The people one of whose full names ``toks`` can be (a lone word: one of its words
        after the first)."""
        if len(toks) == 1:
            return {self._people[k][0] for k in self._by_later_word.get(toks[0], ())}
        # two names of one person share a word (same_person matches two words exactly at
        # least): only the people with a full name sharing one are asked
        sharing = {k for t in toks for k in self._by_word.get(t, ())}
        return {
            eid
            for eid, members in (self._people[k] for k in sorted(sharing))
            if any(same_person(toks, m) for m in members if len(m) > 1)
        }

    def _pick(self, ids: set[str], article_id: str | None) -> str | None:
        if len(ids) == 1:
            return next(iter(ids))
        if article_id:
            local = [i for i in ids if article_id in self.entities[i].sources]
            if len(local) == 1:
                return local[0]
        return None


def _strip_title(name: str) -> str:
    toks = tokenize(name)
    i = 0
    while i < len(toks) and (
        is_title_word(toks[i].text) or toks[i].folded in CONNECTORS or not toks[i].is_capitalized
    ):
        i += 1
    if i >= len(toks):
        return name
    return name[toks[i].start :]
