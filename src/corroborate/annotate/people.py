"""People and organisations across a story, with every spelling of their names merged.

Per article (a pure function of one :class:`~corroborate.model.Article`),
:func:`find_person_mentions` reads names from the NER mentions *and* from the text around
titles, because the small NER model mislabels or cuts names ("Rosa Icela" for Rosa Icela
Rodríguez, "Homeland Security Alejandro Mayorkas" as an ORG, "Blinken" as a place). Each name is
cleaned (honorifics and titles stripped, possessives cut, extended over the rest of a cut
name) and carries the titles written next to it (see :mod:`corroborate.annotate.roles`).

Across the story, :func:`merge_entities` clusters person names:

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
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from corroborate.annotate.roles import (
    CONNECTORS,
    HEADS,
    NON_NAME_CAPS,
    PARTICLES,
    Token,
    group_titles,
    is_head,
    is_honorific,
    is_title_word,
    title_key,
    tokenize,
)
from corroborate.model import Article
from corroborate.text import fold

__all__ = [
    "PersonMention",
    "find_person_mentions",
    "name_tokens",
    "same_person",
    "merge_entities",
    "story_person_mentions",
    "EntityIndex",
]

# Words that make a capitalised run an organisation or a place, not a person.
ORG_WORDS = frozenset(
    [
        "department",
        "ministry",
        "institute",
        "committee",
        "council",
        "agency",
        "party",
        "university",
        "college",
        "school",
        "sector",
        "patrol",
        "gap",
        "summit",
        "declaration",
        "act",
        "bill",
        "court",
        "house",
        "senate",
        "congress",
        "parliament",
        "commission",
        "office",
        "bureau",
        "service",
        "services",
        "corps",
        "union",
        "association",
        "federation",
        "group",
        "bank",
        "company",
        "corporation",
        "inc",
        "ltd",
        "llc",
        "news",
        "times",
        "post",
        "journal",
        "magazine",
        "network",
        "radio",
        "tv",
        "foundation",
        "center",
        "centre",
        "program",
        "programme",
        "initiative",
        "plan",
        "project",
        "airport",
        "station",
        "street",
        "avenue",
        "road",
        "river",
        "jungle",
        "province",
        "state",
        "states",
        "city",
        "county",
        "republic",
        "kingdom",
        "administration",
        "government",
        "police",
        "army",
        "navy",
        "force",
        "forces",
        "guard",
        # places, venues and services named like people ("Eastvale Fire", "Kessing Hospital")
        "port",
        "quay",
        "harbour",
        "harbor",
        "borough",
        "district",
        "town",
        "hospital",
        "clinic",
        "infirmary",
        "stadium",
        "lane",
        "fire",
        "rescue",
        "ambulance",
        # companies and clubs
        "labs",
        "laboratories",
        "logistics",
        "industries",
        "holdings",
        "plc",
        "club",
        "fc",
        "united",
        "rovers",
        "athletic",
        "wanderers",
    ]
)
# Verbs that introduce what someone said: a name beside one, with a title, is a person's.
_SPEECH_VERBS = frozenset({"said", "says", "told", "added", "explained", "warned", "stated"})
# Prepositions that put a name on the map ("in Millbeck", "at Brook Lane"): people are seldom
# "in" or "at" someone (a possessive, "in Smith's view", is not counted).
LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "throughout"})
# Common English short forms of given names that are not a prefix of the full one (a prefix of
# three letters or more -- Dan/Daniel, Gav/Gavin -- is matched without a list).
NICKNAMES = {
    "bill": "william",
    "billy": "william",
    "will": "william",
    "bob": "robert",
    "bobby": "robert",
    "rob": "robert",
    "liz": "elizabeth",
    "beth": "elizabeth",
    "betty": "elizabeth",
    "jim": "james",
    "jimmy": "james",
    "jack": "john",
    "johnny": "john",
    "mike": "michael",
    "mick": "michael",
    "dick": "richard",
    "rick": "richard",
    "peggy": "margaret",
    "maggie": "margaret",
    "meg": "margaret",
    "kate": "katherine",
    "katie": "katherine",
    "sandy": "alexander",
    "alex": "alexander",
    "ted": "edward",
    "ned": "edward",
    "tony": "anthony",
    "chuck": "charles",
    "charlie": "charles",
    "hank": "henry",
    "harry": "henry",
    "larry": "lawrence",
    "sally": "sarah",
    "steve": "stephen",
    "nick": "nicholas",
    "tom": "thomas",
    "tommy": "thomas",
    "andy": "andrew",
    "drew": "andrew",
    "sue": "susan",
    "pat": "patricia",
    "patty": "patricia",
}
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
_SPACE = re.compile(r"\s+")
_NAME_SPLIT = re.compile(r"[\s\-‐–]+")


@dataclass(frozen=True)
class PersonMention:
    """A person named in one article.

    Attributes:
        start, end: span of the name (titles excluded) in ``article.text``.
        text: the name as written, white space normalised.
        titles: titles written next to it ("Foreign Affairs Minister", "spokesman for ...").
        how: what found it: ``ner``, ``title`` (after a title word), ``appositive`` or ``known``
            (an occurrence of a name known from the story).
    """

    article_id: str
    start: int
    end: int
    text: str
    titles: tuple[str, ...] = ()
    how: str = "ner"


# --------------------------------------------------------------------------- names


def name_tokens(name: str) -> list[str]:
    """Folded words of a name, hyphens split, particles and honorifics dropped.

    >>> name_tokens("Liz Sherwood-Randall")
    ['liz', 'sherwood', 'randall']
    >>> name_tokens("Mr. Blinken")
    ['blinken']
    """
    return list(_name_tokens(name))


@lru_cache(maxsize=1 << 14)
def _name_tokens(name: str) -> tuple[str, ...]:
    # cached: a story's merge reads the same few names thousands of times
    words = [w for w in _NAME_SPLIT.split(fold(name).replace("’", "'")) if w]
    words = [_POSSESSIVE.sub("", w).strip(".,;:'\"") for w in words]
    out = [w for w in words if w and w not in PARTICLES]
    while out and (out[0] in {"mr", "mrs", "ms", "dr", "miss", "sir"} or is_honorific(out[0])):
        out = out[1:]
    return tuple(out)


def _tok_match(a: str, b: str) -> str | None:
    """'exact', 'fuzzy' (one misspelling) or None."""
    if a == b:
        return "exact"
    if len(a) >= 5 and len(b) >= 5:
        r = fuzz.ratio(a, b)
        if r >= 85 or (a[0] == b[0] and r >= 80):
            return "fuzzy"
    return None


def _align(short: Sequence[str], long: Sequence[str]) -> tuple[list[int], int] | None:
    """Indices of ``short``'s words in ``long`` (in order) and the number of fuzzy matches."""
    best: tuple[list[int], int] | None = None

    def walk(i: int, j: int, acc: list[int], fuzzy: int) -> None:
        nonlocal best
        if fuzzy > 1:
            return
        if i == len(short):
            if best is None or fuzzy < best[1]:
                best = (list(acc), fuzzy)
            return
        for k in range(j, len(long)):
            m = _tok_match(short[i], long[k])
            if m:
                acc.append(k)
                walk(i + 1, k + 1, acc, fuzzy + (m == "fuzzy"))
                acc.pop()

    walk(0, 0, [], 0)
    return best


def same_person(a: Sequence[str] | str, b: Sequence[str] | str) -> bool:
    """Whether two multi-word names (or name token lists) can name the same person.

    >>> same_person("Luis Cresencio Sandoval", "Luis Crescencio Sandoval González")
    True
    >>> same_person("Joe Biden", "Jill Biden")
    False
    >>> same_person("Lopez Obrador", "Andrés Manuel López Obrador")
    True
    """
    ta = name_tokens(a) if isinstance(a, str) else list(a)
    tb = name_tokens(b) if isinstance(b, str) else list(b)
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    if len(ta) == len(tb) >= 2 and ta[1:] == tb[1:] and same_given_name(ta[0], tb[0]):
        return True  # "Dan Rourke" and "Daniel Rourke"
    short, long = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    sfx_s = [t for t in short if t in _SUFFIXES]
    sfx_l = [t for t in long if t in _SUFFIXES]
    if sfx_s != sfx_l:
        return False
    short = [t for t in short if t not in _SUFFIXES]
    long = [t for t in long if t not in _SUFFIXES]
    if len(short) < 2:
        return False
    aligned = _align(short, long)
    if aligned is None:
        return False
    idx, fuzzy = aligned
    if fuzzy and len(short) - fuzzy < 2:
        return False
    if idx[0] == 0:
        return True
    # a surname-only form ("Lopez Obrador") must end where the full name ends, contiguously
    return idx[-1] == len(long) - 1 and idx == list(range(idx[0], idx[0] + len(idx)))


def same_given_name(a: str, b: str) -> bool:
    """Whether two folded given names can be one: equal, a short form that begins the full one
    (three letters at least: "dan"/"daniel", "tom"/"tomas"), or a common nickname
    (:data:`NICKNAMES`: "bill"/"william").

    >>> same_given_name("gav", "gavin"), same_given_name("bob", "robert")
    (True, True)
    >>> same_given_name("jo", "john"), same_given_name("mark", "martin")
    (False, False)
    """
    if a == b:
        return True
    short, full = sorted((a, b), key=len)
    if len(short) >= 3 and full.startswith(short):
        return True
    return NICKNAMES.get(a, a) == NICKNAMES.get(b, b)


def _is_name_token(tok: Token) -> bool:
    if not tok.is_word or not tok.is_capitalized:
        return False
    f = tok.folded
    if f in NON_NAME_CAPS or is_title_word(tok.text):
        return False
    return not any(c.isdigit() for c in tok.text)


def _adjacent(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end : b.start]
    return gap.strip(" \t[]") == "" and "\n" not in gap


def _valid_name(toks: Sequence[Token]) -> bool:
    if not toks:
        return False
    words = [t.text for t in toks]
    if len(toks) == 1 and len(toks[0].text.rstrip(".")) < 2:
        return False
    if any(_POSSESSIVE.search(w) for w in words[:-1]):
        return False
    folded = [_POSSESSIVE.sub("", t.folded) for t in toks]
    if any(f in ORG_WORDS for f in folded):
        return False
    if folded[0] in {"st", "saint"} and len(folded) > 1:
        return False  # "St Oswald's": a church, school or district named for a saint
    for w in words:
        core = _POSSESSIVE.sub("", w)
        if len(core.rstrip(".")) < 2 and not re.fullmatch(r"[A-Z]\.", core):
            return False
        if core.isupper() and len(core.replace(".", "")) > 1 and len(toks) == 1:
            return False  # acronyms: AZPM, SRE
        if re.fullmatch(r"[A-Z]{2,}s", core):
            return False  # plural acronyms: MPs, CEOs
    return True


def _name_text(text: str, toks: Sequence[Token]) -> tuple[int, int, str]:
    start, end = toks[0].start, toks[-1].end
    surface = text[start:end]
    m = _POSSESSIVE.search(surface)
    if m:
        end -= len(m.group())
        surface = text[start:end]
    if surface.endswith(".") and len(toks[-1].text) > 3 and "." not in toks[-1].text[:-1]:
        end -= 1  # the sentence's full stop, not an initial
        surface = text[start:end]
    return start, end, _SPACE.sub(" ", surface.replace("[", " ").replace("]", " ")).strip()


def find_person_mentions(article: Article) -> list[PersonMention]:
    """Every person named in one article, names cleaned, with the titles written beside them.

    Uses ``article.mentions`` (NER) and the text; a pure function of the article.
    """
    text = article.text
    toks = tokenize(text)
    if not toks:
        return []
    at: dict[int, int] = {t.start: i for i, t in enumerate(toks)}
    non_person = [(m.start, m.end) for m in article.mentions if m.label != "PERSON"]

    def inside_place(tok: Token) -> bool:
        return any(s <= tok.start and tok.end <= e for s, e in non_person)

    def token_at(offset: int) -> int | None:
        if offset in at:
            return at[offset]
        for i, t in enumerate(toks):
            if t.start <= offset < t.end:
                return i
        return None

    spans: list[tuple[int, int, str]] = []  # token ranges [i, j) of names

    # A) NER PERSON mentions, cleaned and mended
    for m in article.mentions:
        if m.label != "PERSON":
            continue
        i = token_at(m.start)
        if i is None:
            continue
        j = i
        while j < len(toks) and toks[j].end <= m.end:
            j += 1
        while i < j and not _is_name_token(toks[i]):
            i += 1
        if i >= j:
            continue
        # cut at the first non-name word inside the span ("Biden administration")
        k = i + 1
        while (
            k < j
            and (_is_name_token(toks[k]) or toks[k].folded in PARTICLES)
            and _adjacent(text, toks[k - 1], toks[k])
        ):
            k += 1
        j = k
        j = _extend_right(text, toks, j)
        while (
            i > 0
            and _is_name_token(toks[i - 1])
            and _adjacent(text, toks[i - 1], toks[i])
            and not inside_place(toks[i - 1])
            and not _sentence_initial(text, toks[i - 1])
        ):
            i -= 1
        spans.append((i, j, "ner"))

    # B) names right after a title or honorific ("Secretary of State Antony Blinken")
    for h, tok in enumerate(toks):
        if not (is_head(tok.text) or is_honorific(tok.text)):
            continue
        if not tok.is_capitalized and tok.folded not in HEADS:
            continue
        k = h + 1
        skipped = 0
        while (
            k < len(toks)
            and skipped < 6
            and (
                (is_title_word(toks[k].text) and toks[k].is_capitalized)
                or (
                    toks[k].folded in {"of", "for", "the"}
                    and k + 1 < len(toks)
                    and toks[k + 1].is_capitalized
                )
            )
            and _adjacent(text, toks[k - 1], toks[k])
        ):
            k += 1
            skipped += 1
        if (
            k >= len(toks)
            or not _is_name_token(toks[k])
            or not _adjacent(text, toks[k - 1], toks[k])
        ):
            continue
        j = _extend_right(text, toks, k + 1)
        if not tok.is_capitalized and j - k < 2:
            continue  # "spokesperson Miller" is fine, "official Friday" is not
        spans.append((k, j, "title"))

    # C) "the country's president, Andrés Manuel López Obrador," (title, then the name)
    for c, tok in enumerate(toks[:-1]):
        if (
            tok.text != ","
            or c == 0
            or not is_head(toks[c - 1].text)
            and not is_title_word(toks[c - 1].text)
        ):
            continue
        title = _title_before(text, toks, c)
        if not title:
            continue
        k = c + 1
        if not _is_name_token(toks[k]):
            continue
        j = _extend_right(text, toks, k + 1)
        if j - k < 2 or not _name_ends_there(toks, j):
            continue
        spans.append((k, j, "appositive"))

    # D) a speaker with a title beside the name, whatever the model called the name ("said
    # Okonkwo Adeyemi, a security researcher", "Ana Ruiz, the mayor's deputy, said")
    for v, tok in enumerate(toks):
        if tok.folded not in _SPEECH_VERBS:
            continue
        k = v + 1  # the name after the verb
        if k < len(toks) and _is_name_token(toks[k]) and _adjacent(text, tok, toks[k]):
            j = _extend_right(text, toks, k + 1)
            if j - k >= 2 and (_title_after(text, toks, j) or _title_before(text, toks, k)):
                spans.append((k, j, "speaker"))
        # the name before the verb, or before its appositive title: "Ana Ruiz, a nurse, said"
        end = v
        if end > 0 and toks[end - 1].text == ",":
            comma = max(
                (c for c in range(max(0, v - 12), v - 1) if toks[c].text == ","), default=-1
            )
            end = comma if comma > 0 else end
        i = end
        while (
            i > 0
            and _is_name_token(toks[i - 1])
            and (i == end or _adjacent(text, toks[i - 1], toks[i]))
        ):
            i -= 1
        if end - i >= 2 and (_title_after(text, toks, end) or _title_before(text, toks, i)):
            spans.append((i, end, "speaker"))

    mentions: list[PersonMention] = []
    taken: list[tuple[int, int]] = []
    # longest first, so a cut NER span loses to the full name found after a title
    for i, j, how in sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0])):
        if any(not (j <= a or i >= b) for a, b in taken):
            continue
        name = toks[i:j]
        if not _valid_name(name):
            continue
        start, end, surface = _name_text(text, name)
        if not name_tokens(surface):
            continue
        titles = []
        pre = _title_before(text, toks, i)
        if pre:
            titles.append(pre)
        if i > 0 and toks[i - 1].text == "," and _name_ends_there(toks, j):
            pre2 = _title_before(text, toks, i - 1)
            if pre2:
                titles.append(pre2)
        post = _title_after(text, toks, j)
        if post:
            titles.append(post)
        taken.append((i, j))
        mentions.append(PersonMention(article.id, start, end, surface, tuple(titles), how))
    mentions.sort(key=lambda m: m.start)
    return mentions


def _name_ends_there(toks: Sequence[Token], j: int) -> bool:
    """Whether a name ending before token ``j`` ends its phrase: at a comma, semicolon, full
    stop, closing bracket or "and", or with the full stop its last word carries ("Francisco
    Garduño Yáez." before the next sentence)."""
    return (
        j >= len(toks)
        or toks[j].text in {",", ";", ".", ")"}
        or toks[j].folded == "and"
        or toks[j - 1].text.endswith(".")
    )


def _sentence_initial(text: str, tok: Token) -> bool:
    before = text[: tok.start].rstrip(" \t")
    return not before or before[-1] in '.!?\n“"' or before.endswith("—")


def _extend_right(text: str, toks: Sequence[Token], j: int) -> int:
    while j < len(toks):
        t = toks[j]
        if (
            _is_name_token(t)
            and _adjacent(text, toks[j - 1], t)
            and not _POSSESSIVE.search(toks[j - 1].text)
        ):
            j += 1
        elif (
            t.folded in PARTICLES
            and not t.is_capitalized
            and j + 1 < len(toks)
            and _is_name_token(toks[j + 1])
            and _adjacent(text, toks[j - 1], t)
        ):
            j += 2
        else:
            break
    return j


_TITLE_LOWER_OK = frozenset(HEADS) | frozenset(
    {
        "former",
        "new",
        "senior",
        "deputy",
        "acting",
        "interim",
        "top",
        "chief",
        "assistant",
        "foreign",
        "policy",
        "national",
        "security",
        "press",
        "then",
        "outgoing",
        "incoming",
    }
)


def _title_text(text: str, start: int, end: int) -> str:
    """A title as written, spaces folded and an editor's brackets dropped ("[Mexican]
    President" -> "Mexican President")."""
    return _SPACE.sub(" ", text[start:end].replace("[", "").replace("]", "")).strip()


def _title_before(text: str, toks: Sequence[Token], i: int) -> str | None:
    """The title written just before token ``i`` (a name), if any."""
    k = i
    while k > 0 and i - k < 10:
        t = toks[k - 1]
        if not _adjacent(text, t, toks[k]):
            break
        f = t.folded
        if t.text.endswith(".") and "." not in t.text[:-1] and not is_honorific(t.text):
            break  # "... the United States. Democratic President X": a sentence ended
        if (
            t.is_word
            and (t.is_capitalized or f in _TITLE_LOWER_OK)
            or f in CONNECTORS - {"and", "in", "on", "at"}
            and k < i
            or f == "and"
            and k - 2 >= 0
            and is_title_word(toks[k - 2].text)
            and k < i
        ):
            k -= 1
        else:
            break
    while k < i and (
        toks[k].folded in CONNECTORS
        or toks[k].folded in NON_NAME_CAPS
        or (not is_title_word(toks[k].text) and not toks[k].is_capitalized)
    ):
        k += 1
    # a name in the run ends the title ("Lisa Monaco and USAID ..." handled by "and"; here
    # "Bárcena Foreign Minister"): keep from the last non-title capitalised word's successor
    # only when the run has no head at all
    run = toks[k:i]
    if not run or not any(is_head(t.text) for t in run):
        return None
    while (
        run
        and not is_head(run[-1].text)
        and run[-1].folded not in {"state"}
        and not is_title_word(run[-1].text)
    ):
        # "Secretary of State" ends in a domain word; a capitalised org word can end it too
        break
    return _title_text(text, run[0].start, run[-1].end).strip(" ,")


def _title_after(text: str, toks: Sequence[Token], j: int) -> str | None:
    """An appositive title after a name: "X, the Homeland Security Secretary,"."""
    if j >= len(toks) or toks[j].text != ",":
        return None
    k = j + 1
    if k < len(toks) and toks[k].folded in {"the", "a", "an"}:
        k += 1
    start = k
    while k < len(toks) and k - start < 10:
        t = toks[k]
        if t.text in {",", ";", ".", ")"} or (t.text == "." and True):
            break
        if not t.is_word or not _adjacent(text, toks[k - 1], t):
            return None
        if t.text.endswith(".") and "." not in t.text[:-1] and len(t.text) > 3:
            k += 1  # the sentence ends with the title
            run = toks[start:k]
            if any(is_head(x.text) for x in run):
                return _title_text(text, run[0].start, run[-1].end).rstrip(".")
            return None
        if t.is_capitalized or is_title_word(t.text) or t.folded in CONNECTORS or "-" in t.text:
            k += 1
            continue
        if t.folded in {"senior", "policy", "press", "leading"}:
            k += 1
            continue
        return None
    if k == start:
        return None
    run = toks[start:k]
    if not any(is_head(t.text) for t in run):
        return None
    if k < len(toks) and toks[k].text not in {",", ";", ".", ")"}:
        return None
    return _title_text(text, run[0].start, run[-1].end)


# --------------------------------------------------------------------------- merging


@dataclass
class _Cluster:
    members: list[list[str]] = field(default_factory=list)
    forms: Counter[str] = field(default_factory=Counter)
    mentions: list[PersonMention] = field(default_factory=list)

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
        return bool(full) and same_person(tokens, max(full, key=len))


def _nonperson_key(text: str) -> str:
    t = fold(text).replace(".", "").replace("’", "'")
    t = re.sub(r"^(the|a|an)\s+", "", t)
    t = _POSSESSIVE.sub("", t)
    t = _SPACE.sub(" ", t).strip(" ,;:'\"")
    # "US State Department" = "State Department"; "Mexico's Foreign Ministry" = "Foreign Ministry"
    parts = t.split(" ")
    if len(parts) >= 3 and re.fullmatch(r"us|usa|uk|eu|[a-z]+'s", parts[0]):
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
) -> list[dict[str, Any]]:
    """The story's people and organisations, every spelling merged (see the module doc).

    Args:
        articles: the story's articles, annotated (``.mentions``).
        person_mentions: per-article results of :func:`find_person_mentions`, if already run.

    Returns:
        contract entities ``{"id", "name", "type", "variants", "roles": [{"title",
        "sources", "variants", "key"}], "sources"}`` plus ``"mentions"`` (how many times named)
        and ``"spans"`` (``[article_id, start, end]`` of each mention), most named first.
    """
    by_article = story_person_mentions(articles, person_mentions)
    label_votes = _label_votes(articles)
    clusters = _cluster_people([m for a in articles for m in by_article.get(a.id, [])])
    kept_people: dict[str, list[PersonMention]] = defaultdict(list)
    place = {a.id: n for n, a in enumerate(articles)}  # titles are cited in article order

    entities: list[dict[str, Any]] = []
    for cluster in clusters:
        ms = cluster.mentions
        if not any(len(m) >= 2 for m in cluster.members) and not any(m.titles for m in ms):
            v = label_votes.get(cluster.members[0][0] if cluster.members else "", Counter())
            if v["PERSON"] <= sum(v.values()) - v["PERSON"]:
                continue  # a lone word the model mostly reads as a place or organisation
        for m in ms:
            kept_people[m.article_id].append(m)
        titles = sorted(
            ((t, m.article_id) for m in ms for t in m.titles), key=lambda p: place[p[1]]
        )
        entities.append(
            {
                "name": _canonical(cluster.forms),
                "type": "PERSON",
                "variants": sorted(cluster.forms),
                "roles": group_titles(titles),
                "sources": _ordered({m.article_id for m in ms}, articles),
                "mentions": len(ms),
                "spans": [[m.article_id, m.start, m.end] for m in ms],
            }
        )
    entities.extend(_merge_nonpersons(articles, kept_people))
    entities.sort(
        key=lambda e: (-len(e["sources"]), -e["mentions"], e["type"] != "PERSON", e["name"])
    )
    for n, e in enumerate(entities, 1):
        e["id"] = f"e{n}"
    return [{"id": e.pop("id"), **e} for e in entities]


def story_person_mentions(
    articles: Sequence[Article],
    person_mentions: dict[str, list[PersonMention]] | None = None,
) -> dict[str, list[PersonMention]]:
    """Per article: :func:`find_person_mentions`, plus every further occurrence of a name known
    from the story that the NER model mislabeled or missed ("Blinken" read as a place).

    Feed these to :func:`corroborate.annotate.quotes.extract_quotes` for the best speakers.
    """
    by_article = person_mentions or {a.id: find_person_mentions(a) for a in articles}
    by_article = {k: list(v) for k, v in by_article.items()}
    if any(m.how == "known" for ms in by_article.values() for m in ms):
        return by_article  # already completed
    clusters = _cluster_people([m for a in articles for m in by_article.get(a.id, [])])
    by_id = {a.id: a for a in articles}
    # words of full names: a lone one is someone's name (maybe ambiguous: "Vos" of two Voses)
    name_words = {t for c in clusters for member in c.members if len(member) >= 2 for t in member}
    datelines = _dateline_places(articles)
    places = [c for c in clusters if _not_a_person(c, by_id, name_words, datelines)]
    # a lone word of a place's or organisation's name is that place ("FC Lindholm" ... "for
    # Lindholm last season")
    named = {t for c in places for member in c.members for t in member}
    placed = {id(c) for c in places}
    places += [
        c
        for c in clusters
        if len(c.members) == 1
        and len(c.members[0]) == 1
        and not any(m.titles for m in c.mentions)
        and id(c) not in placed
        and (c.members[0][0] in named or _beside_org_word(c.forms, articles))
    ]
    if places:
        placed = {id(c) for c in places}
        dropped = {id(m) for c in places for m in c.mentions}
        by_article = {k: [m for m in v if id(m) not in dropped] for k, v in by_article.items()}
        clusters = [c for c in clusters if id(c) not in placed]
    searches = _known_searches(_known_forms(clusters), _label_votes(articles))
    for article in articles:
        found = by_article.setdefault(article.id, [])
        found.extend(_find_known(article, searches, found))
        found.sort(key=lambda m: m.start)
    return by_article


def _ordered(ids: Iterable[str], articles: Sequence[Article]) -> list[str]:
    order = {a.id: i for i, a in enumerate(articles)}
    return sorted(set(ids), key=lambda i: order.get(i, len(order)))


def _cluster_people(mentions: Sequence[PersonMention]) -> list[_Cluster]:
    full = [m for m in mentions if len(name_tokens(m.text)) >= 2]
    single = [m for m in mentions if len(name_tokens(m.text)) == 1]
    clusters: list[_Cluster] = []
    # longest, most frequent forms first so they anchor the clusters
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
        fits = [c for c in clusters if c.accepts(toks)]
        if len(fits) > 1:
            local = [c for c in fits if any(x.article_id == m.article_id for x in c.mentions)]
            fits = local if len(local) == 1 else ([] if len(fits) > 1 else fits)
        if fits:
            c = fits[0]
        else:
            c = _Cluster()
            clusters.append(c)
        if toks not in c.members:
            c.members.append(toks)
        c.forms[m.text] += 1
        c.mentions.append(m)
    # surnames alone: the full name in the same article, else the only one in the story; a
    # given name alone ("Kofi", as sports and human-interest stories write), failing that
    loose: dict[str, _Cluster] = {}
    for m in sorted(single, key=lambda m: (m.article_id, m.start)):
        tok = name_tokens(m.text)[0]
        cands = [c for c in clusters if c.members and tok in c.surnames()] or [
            c for c in clusters if any(len(t) >= 2 and t[0] == tok for t in c.members)
        ]
        local = [
            c
            for c in cands
            if any(x.article_id == m.article_id and x.start < m.start for x in c.mentions)
        ] or [c for c in cands if any(x.article_id == m.article_id for x in c.mentions)]
        if len(cands) > 1 and m.titles:
            # "Economy Minister Wehrmann": the Wehrmann who holds that post
            keys = {title_key(t) for t in m.titles}
            titled = [
                c for c in cands if keys & {title_key(t) for x in c.mentions for t in x.titles}
            ]
            if len(titled) == 1:
                local = titled
        target = (
            local[0] if len(local) == 1 else (cands[0] if len(cands) == 1 and not local else None)
        )
        if target is None:
            target = loose.get(tok)
            if target is None:
                target = loose[tok] = _Cluster()
                clusters.append(target)
        if [tok] not in target.members and not target.members:
            target.members.append([tok])
        target.forms[m.text] += 1
        target.mentions.append(m)
    return [c for c in clusters if c.mentions]


def _not_a_person(
    cluster: _Cluster,
    articles: Mapping[str, Article],
    name_words: frozenset[str] | set[str] = frozenset(),
    datelines: frozenset[str] | set[str] = frozenset(),
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
    if lone not in name_words and not any(_marked_as_person(m, articles) for m in cluster.mentions):
        return True
    languages = [
        articles[m.article_id].language if m.article_id in articles else None
        for m in cluster.mentions
    ]
    if all(language not in ("en", None) for language in languages):
        return True
    word = cluster.members[0][0] if cluster.members else ""
    pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")
    return bool(word) and any(pattern.search(a.text) for a in articles.values())


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


def _beside_org_word(forms: Iterable[str], articles: Sequence[Article]) -> bool:
    """Whether one of the forms is written in some article next to a word that names places
    or organisations (:data:`ORG_WORDS`): "FC Lindholm", "Eastvale Fire". (The neighbours are
    looked up in the set: a pattern of every such word costs more to compile than to run.)"""
    pattern = re.compile(r"(?i)\b(?:" + "|".join(re.escape(f) for f in forms) + ")")
    for article in articles:
        text = article.text
        for m in pattern.finditer(text):
            after = _WORD_AFTER.match(text, m.end())
            if after and after.group(1).lower() in ORG_WORDS:
                return True
            before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
            if before and before.group(1).lower() in ORG_WORDS and _BOUNDARY.match(text, m.end()):
                return True
    return False


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
    """How to find one known name form in a text."""

    words: tuple[str, ...]  # each one must be in the text for the pattern to match
    pattern: re.Pattern[str]


def _known_searches(known: dict[str, int], votes: dict[str, Counter[str]]) -> list[_KnownSearch]:
    """The known forms worth looking for, longest first, each compiled once for the story."""
    out = []
    for form in sorted(known, key=len, reverse=True):
        tokens = name_tokens(form)
        v = votes.get(tokens[-1] if tokens else "", Counter())
        if len(form.split()) == 1 and v and v["PERSON"] * 2 < sum(v.values()) - v["PERSON"]:
            continue  # mostly a place or organisation in this story
        pattern = re.compile(
            r"(?<![\w-])" + re.escape(form).replace(r"\ ", r"\s+") + r"(?:['’]s)?(?![\w-])"
        )
        out.append(_KnownSearch(tuple(form.split()), pattern))
    return out


def _find_known(
    article: Article, searches: Sequence[_KnownSearch], found: Sequence[PersonMention]
) -> list[PersonMention]:
    text = article.text.replace("[", " ").replace("]", " ")
    taken = [(m.start, m.end) for m in found]
    out: list[PersonMention] = []
    toks = tokenize(article.text)
    token_at = {t.start: k for k, t in enumerate(toks)}
    for search in searches:
        if not all(w in text for w in search.words):
            continue  # cheap: the pattern cannot match
        for m in search.pattern.finditer(text):
            s, e = m.start(), m.end()
            if any(not (e <= a or s >= b) for a, b in taken):
                continue
            surface = text[s:e]
            pm = _POSSESSIVE.search(surface)
            if pm:
                e -= len(pm.group())
            i = token_at.get(s)
            titles: tuple[str, ...] = ()
            if i is not None:
                pre = _title_before(article.text, toks, i)
                titles = (pre,) if pre else ()
            out.append(
                PersonMention(article.id, s, e, _SPACE.sub(" ", article.text[s:e]), titles, "known")
            )
            taken.append((s, e))
    return out


def _merge_nonpersons(
    articles: Sequence[Article], people: dict[str, list[PersonMention]]
) -> list[dict[str, Any]]:
    groups: dict[str, dict[str, Any]] = {}
    for a in articles:
        person_spans = [(m.start, m.end) for m in people.get(a.id, [])]
        for m in a.mentions:
            if m.label == "PERSON":
                continue
            if any(not (m.end <= s or m.start >= e) for s, e in person_spans):
                continue
            key = _nonperson_key(m.text)
            if not key or len(key) < 2:
                continue
            if m.label in {"ORG", "NORP"} and _is_title_fragment(a, m.start, m.end, m.text):
                continue
            g = groups.setdefault(
                key, {"labels": Counter(), "forms": Counter(), "sources": set(), "spans": []}
            )
            g["labels"][m.label] += 1
            g["forms"][_POSSESSIVE.sub("", m.text.strip())] += 1
            g["sources"].add(a.id)
            g["spans"].append([a.id, m.start, m.end])
    # acronyms join the one group whose name they abbreviate ("U.S." -> "United States")
    for key in list(groups):
        if " " in key or key not in groups:
            continue
        targets = [k for k in groups if " " in k and _initials(k) == key.replace(" ", "")]
        if len(targets) == 1:
            t = groups[targets[0]]
            for f in ("labels", "forms"):
                t[f].update(groups[key][f])
            t["sources"] |= groups[key]["sources"]
            t["spans"] += groups[key]["spans"]
            t.setdefault("acronyms", set()).add(key)
            del groups[key]
    out = []
    for g in groups.values():
        forms = g["forms"]
        name = max(forms, key=lambda f: (forms[f], not f.lower().startswith("the "), len(f)))
        name = re.sub(r"^(?:the|The)\s+", "", name)
        out.append(
            {
                "name": name,
                "type": g["labels"].most_common(1)[0][0],
                "variants": sorted(forms),
                "roles": [],
                "sources": _ordered(g["sources"], articles),
                "mentions": sum(forms.values()),
                "spans": g["spans"],
            }
        )
    return out


# --------------------------------------------------------------------------- lookup


class EntityIndex:
    """Name -> entity id, for the quotes stage.

    >>> index = EntityIndex(merge_entities(articles))      # doctest: +SKIP
    >>> index.resolve("Mr. Blinken", article_id="a1")     # doctest: +SKIP
    'e3'
    """

    def __init__(self, entities: Sequence[dict[str, Any]]) -> None:
        self.entities = {e["id"]: e for e in entities}
        self._exact: dict[str, set[str]] = defaultdict(set)
        self._by_article_span: dict[tuple[str, int, int], str] = {}
        self._people: list[tuple[str, list[list[str]]]] = []
        for e in entities:
            for v in e["variants"] + [e["name"]]:
                key = " ".join(name_tokens(v)) if e["type"] == "PERSON" else _nonperson_key(v)
                self._exact[key].add(e["id"])
            for article_id, s, t in e.get("spans", []):
                self._by_article_span[(article_id, s, t)] = e["id"]
            if e["type"] == "PERSON":
                self._people.append((e["id"], [name_tokens(v) for v in e["variants"]]))

    def at(self, article_id: str, start: int, end: int) -> str | None:
        """The entity of a mention span, when the span is one the merge saw."""
        return self._by_article_span.get((article_id, start, end))

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
        if len(toks) == 1:
            cands = {
                eid
                for eid, members in self._people
                if any(toks[0] in m[1:] for m in members if len(m) > 1)
            }
        else:
            cands = {
                eid
                for eid, members in self._people
                if any(same_person(toks, m) for m in members if len(m) > 1)
            }
        return self._pick(cands, article_id) if cands else None

    def _pick(self, ids: set[str], article_id: str | None) -> str | None:
        if len(ids) == 1:
            return next(iter(ids))
        if article_id:
            local = [i for i in ids if article_id in self.entities[i]["sources"]]
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
