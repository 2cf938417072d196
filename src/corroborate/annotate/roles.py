"""Titles of people ("Foreign Affairs Minister", "spokesman for the State Department"), found
in the text around their names, normalised so outlets' wordings can be compared.

The spaCy pipeline runs without tagger and parser, so titles are read from the *shape* of the
text: a run of title words (a closed vocabulary of heads such as Minister, Secretary, Advisor,
spokesperson, and of the domain words government titles are made of) just before a name
("Homeland Security Secretary Alejandro Mayorkas"), or an appositive just after it ("Matthew
Miller, spokesman for the State Department") or just before it ("the country's president,
Andrés Manuel López Obrador,").

:func:`title_key` maps a title to a comparable key: nationality and outlet prefixes dropped
("US", "Mexican", "Mexico's"), "Secretary of X" turned into "X secretary", Minister treated as
Secretary for cabinet posts, and a few domain synonyms folded ("Foreign Affairs" -> "foreign",
"National Defense" -> "defense"). :func:`role_conflicts` lists the people whose titles, once
normalised, still disagree on the same post.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from corroborate.lang import en, merged, xx
from corroborate.model import Conflict, ConflictClaim, Entity, Role, Span
from corroborate.text import fold

__all__ = [
    "Token",
    "TitleMention",
    "tokenize",
    "is_title_word",
    "is_head",
    "title_key",
    "title_head",
    "group_titles",
    "role_conflicts",
]

# A word (letters with inner hyphens/apostrophes/dots: "Sherwood-Randall", "U.S.", "O'Brien"),
# or a single punctuation mark.
_TOKEN = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*\.?|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def folded(self) -> str:
        return fold(self.text).rstrip(".")

    @property
    def is_capitalized(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word and punctuation tokens of ``text[start:end]`` with offsets into ``text``.

    Square brackets (editorial insertions: "[Mexican] President") are read as spaces.
    """
    return list(_tokens(text, start, len(text) if end is None else end))


@lru_cache(maxsize=256)
def _tokens(text: str, start: int, end: int) -> tuple[Token, ...]:
    # cached: the stages of a story read the same article's tokens several times
    return tuple(
        Token(m.start(), m.end(), word)
        for m in _TOKEN.finditer(text, start, end)
        if (word := m.group()) not in "[]"
    )


# The vocabulary of titles (lang.en, and other languages' honorifics): heads say what the
# person is, honorifics are stripped from names, domain words make up the rest of a title.
HEADS = en.TITLE_HEADS
HONORIFICS = frozenset(merged("HONORIFICS"))
DOMAIN_WORDS = en.TITLE_WORDS
CONNECTORS = en.TITLE_CONNECTORS
PARTICLES = xx.NAME_PARTICLES
NON_NAME_CAPS = en.NON_NAME_CAPS


def is_head(word: str) -> bool:
    return fold(word).rstrip(".") in HEADS


def is_title_word(word: str) -> bool:
    """A word titles are made of: a head, an honorific or a government domain word."""
    w = fold(word).rstrip(".")
    return w in HEADS or w in HONORIFICS or w in DOMAIN_WORDS


def is_honorific(word: str) -> bool:
    return fold(word).rstrip(".") in HONORIFICS


# --------------------------------------------------------------------------- normalisation

# compiled once: title_key runs them on every title and name of a story
_DOMAIN_SYNONYMS = tuple((re.compile(pattern), repl) for pattern, repl in en.TITLE_SYNONYMS)
# Heads that name a cabinet post: "Minister of X" and "Secretary of X" are the same job.
_CABINET = {"minister": "secretary"}
_DROP_LEADING = en.TITLE_LEADING_WORDS
_POSSESSIVE = re.compile(r"(?:'s|’s|s'|s’)$")
# Leading nationality or party adjectives: "Mexican", "Guatemalan", "Canadian", "Democratic".
_NATIONALITY = re.compile(r"^(?!public$|prime$)[a-z]+(?:an|ese|ish|ic|i)$")


_COURTESY = frozenset({"mr", "mrs", "ms", "miss", "mx"})


_BRACKETS = re.compile(r"[\[\],]")


def title_key(title: str, nationalities: Iterable[str] = ()) -> str:
    """A comparable key for a title.

    ``nationalities`` are extra words to drop when they prefix the title (NORP/GPE mention
    texts of the article: "Mexican", "U.S.", "Mexico").

    >>> title_key("US Secretary of State")
    'state secretary'
    >>> title_key("Mexican Foreign Minister") == title_key("Secretary of Foreign Affairs")
    True
    >>> title_key("White House Homeland Security Advisor")
    'white house homeland security advisor'
    """
    dropped = {fold(n).replace(".", "") for n in nationalities}
    dropped |= en.NATIONAL_PREFIXES | en.PARTY_PREFIXES
    words = [
        _POSSESSIVE.sub("", w)
        for w in _BRACKETS.sub(" ", fold(title).replace(".", "").replace("’", "'")).split()
    ]
    while words and (
        words[0] in _DROP_LEADING
        or words[0] in dropped
        or words[0] in {"country", "nation", "government"}
        or (len(words) > 1 and _NATIONALITY.search(words[0]) and words[1] not in CONNECTORS)
    ):
        words = words[1:]
    # "for the US State Department" -> drop nationality words anywhere after a connector
    words = [
        w
        for i, w in enumerate(words)
        if not (w in dropped and i > 0 and words[i - 1] in CONNECTORS)
        # "spokesman for Mrs. Clinton" is a "Clinton spokesman"
        and not (w in _COURTESY and i > 0 and words[i - 1] in CONNECTORS)
    ]
    text = " ".join(words)
    for pattern, repl in _DOMAIN_SYNONYMS:
        text = pattern.sub(repl, text)
    # each post with its head last; two posts stay joined by "and" (:func:`posts_of`)
    words = [w for post in _posts(text.split()) for w in ["and", *_head_last(post)]][1:]
    words = [_CABINET.get(w, w) for w in words]
    return " ".join(w for w in words if w not in {"the", "a", "an"})


def _posts(words: list[str]) -> list[list[str]]:
    """The posts of a title that joins two with "and", each with a head of its own ("governor
    of maryland and former mayor of baltimore"); a post whose domain holds an "and" ("secretary
    of health and human services", "immigration and naturalization commissioner") is one."""
    for i, word in enumerate(words):
        if (
            word == "and"
            and any(w in HEADS for w in words[:i])
            and any(w in HEADS for w in words[i + 1 :])
        ):
            return [words[:i], *_posts(words[i + 1 :])]
    return [words]


def posts_of(key: str) -> list[str]:
    """The posts a title key names: one, or those it joins with "and" ("ohio governor and
    former dayton mayor")."""
    return [" ".join(post) for post in _posts(key.split())]


def _head_last(words: list[str]) -> list[str]:
    """One post with its head last: "secretary of state" -> "state secretary", "spokesperson
    for the state department" -> "state department spokesperson"."""
    for i, w in enumerate(words):
        if w in HEADS and i + 1 < len(words) and words[i + 1] in {"of", "for", "to", "at"}:
            rest = [x for x in words[i + 2 :] if x not in {"the", "a", "an"}]
            return words[:i] + rest + [w]
    return words


def title_head(key: str) -> str | None:
    """The head word of a normalised title key (its last head word)."""
    heads = [w for w in key.split() if w in HEADS]
    return heads[-1] if heads else None


@dataclass(frozen=True)
class TitleMention:
    """A title given to a person in one article, as a span of ``article.text``."""

    article_id: str
    start: int
    end: int
    text: str
    person_start: int  # span of the name it qualifies
    person_end: int


def group_titles(titles: Sequence[tuple[str, str]], spans: Sequence[Span] = ()) -> list[Role]:
    """Group ``(title, article_id)`` pairs by :func:`title_key`.

    A less specific title ("Secretary") joins a more specific one with the same head when there
    is exactly one ("Secretary of State"). Returns the roles most supported first; ``title`` is
    the most common wording, nationality prefix dropped; ``sources`` in the order the pairs
    first name them; ``spans`` those of ``spans`` (where each pair's title is given, when
    known: the name it is written beside) that belong to the role.
    """
    first: dict[str, int] = {}
    for n, (_, article_id) in enumerate(titles):
        first.setdefault(article_id, n)
    groups = _title_groups(titles, spans)
    _fold_bare_heads(groups)
    out = [g.role(first) for g in groups.values()]
    out.sort(key=lambda r: (-len(r.sources), r.title))
    return out


@dataclass
class _TitleGroup:
    """The wordings of one title (one :func:`title_key`) across a story."""

    key: str
    forms: Counter[str] = field(default_factory=Counter)  # with those folded in
    display: Counter[str] = field(default_factory=Counter)  # its own wordings only
    sources: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)

    def absorb(self, other: _TitleGroup) -> None:
        """Take in a less specific title's wordings, sources and spans (not its display)."""
        self.forms.update(other.forms)
        self.sources += [s for s in other.sources if s not in self.sources]
        self.spans += other.spans

    def role(self, first: Mapping[str, int]) -> Role:
        best = max(self.display, key=lambda f: (self.display[f], -len(f)))
        return Role(
            title=_display_title(best),
            key=self.key,
            variants=tuple(sorted(self.forms)),
            sources=tuple(sorted(self.sources, key=first.__getitem__)),
            spans=tuple(self.spans),
        )


def _title_groups(
    titles: Sequence[tuple[str, str]], spans: Sequence[Span]
) -> dict[str, _TitleGroup]:
    groups: dict[str, _TitleGroup] = {}
    for n, (title, article_id) in enumerate(titles):
        key = title_key(title)
        if not key or title_head(key) is None:
            continue
        g = groups.setdefault(key, _TitleGroup(key))
        g.forms[title] += 1
        g.display[title] += 1
        if article_id not in g.sources:
            g.sources.append(article_id)
        if n < len(spans):
            g.spans.append(spans[n])
    return groups


def _fold_bare_heads(groups: dict[str, _TitleGroup]) -> None:
    """A bare head ("Secretary") joins the single specific title with that head ("Secretary
    of State") when that one has at least as many sources."""
    for key in list(groups):
        if len(key.split()) != 1:
            continue
        specific = [k for k in groups if k != key and title_head(k) == key]
        if len(specific) == 1 and len(groups[specific[0]].sources) >= len(groups[key].sources):
            groups[specific[0]].absorb(groups.pop(key))


def _display_title(title: str) -> str:
    words = title.replace("[", "").replace("]", "").split()
    while len(words) > 1 and (
        fold(words[0]).replace(".", "") in {"the", "a", "an", "us", "u.s", "usa", "uk", "eu"}
        or _POSSESSIVE.search(words[0])
        or (_NATIONALITY.search(fold(words[0])) and fold(words[1]) not in CONNECTORS)
    ):
        words = words[1:]
    return " ".join(words)


def _last_post(key: str) -> str:
    """The last post of a title that stacks several ("national committee chair rep": a
    committee's chair and a representative): the words from its last head but one on. Only
    they qualify its head: "Florida Rep." and "Democratic National Committee Chair Rep." give
    one representative two posts, they do not disagree on one."""
    words = key.split()
    heads = [i for i, w in enumerate(words) if w in HEADS]
    posts = [i for i in heads[:-1] if words[i] not in _HEADS_OF_ONE_POST]
    return " ".join(words[posts[-1] + 1 :]) if posts else key


# Heads that make one post with the head after them ("chief executive", "deputy director",
# "attorney general"), not a post of their own.
_HEADS_OF_ONE_POST = frozenset({"chief", "deputy", "executive", "attorney", "head", "vice"})


def _qualifiers(key: str) -> set[str]:
    return {w for w in key.split() if w not in HEADS and w not in CONNECTORS}


def role_conflicts(entities: Sequence[Entity]) -> list[Conflict]:
    """Conflicts between the titles outlets give one person.

    Two title groups of a person conflict when they share a head ("advisor") but name
    different posts ("homeland security" vs "national security"), and neither is a mere
    shortening of the other ("Secretary" vs "Secretary of State" do not conflict).

    Only a clash that outlets make counts: two titles given by different articles (each
    with an article that does not give the other: one article giving two titles is a
    reading of a list or a run-in headline, not outlets disagreeing), that differ in words
    titles are made of or in the names of the story's organisations and places ("Labor" and
    "Commerce", "Goldman Sachs" and "Morgan Stanley"), not in whatever else stands before a
    name ("ADVERTISEMENT Pope", "Have Him Read The Journal Sen.").

    Returns ``role`` conflicts on the person (``entity``), a claim per title.
    """
    named = _named_words(entities)
    conflicts: list[Conflict] = []
    for entity in entities:
        if len(entity.roles) < 2:
            continue
        by_head: dict[str, list[tuple[str, Role]]] = {}
        for role in entity.roles:
            for key in posts_of(role.key or title_key(role.title)):
                head = title_head(key)
                if head:
                    by_head.setdefault(head, []).append((key, role))
        for head, group in by_head.items():
            clashing = [
                r
                for n, (key, r) in enumerate(group)
                if any(
                    _clash(key, other, named | _initials((r, o))) and _told_apart(r, o)
                    for m, (other, o) in enumerate(group)
                    if m != n
                )
            ]
            if len(clashing) < 2:
                continue
            claims = tuple(ConflictClaim(r.title, r.sources, r.spans) for r in clashing)
            conflicts.append(
                Conflict(
                    kind="role",
                    subject=entity.name,
                    entity=entity.id,
                    claims=claims,
                    # the claims say who gives which title
                    note=f"Outlets give {entity.name} different {head} titles.",
                )
            )
    return conflicts


def _clash(a: str, b: str, named: frozenset[str] = frozenset()) -> bool:
    """Whether two title keys name different posts: each has a qualifier the other lacks,
    and every differing word is one titles are made of or of a name in ``named``."""
    a, b = _spelled_out(a, b), _spelled_out(b, a)
    qa, qb = _qualifiers(_last_post(a)), _qualifiers(_last_post(b))
    if not qa or not qb or qa <= qb or qb <= qa:
        return False
    # differences only in organisation words ("white house", "department") are not a clash
    soft = {"white", "house", "department", "ministry", "government", "senior", "deputy"}
    differ = (qa ^ qb) - soft
    return bool(differ) and all(w in _POST_WORDS or w in named for w in differ)


# Words that tell one post from another: title words, post domains ("Fisheries"), heads.
_POST_WORDS = DOMAIN_WORDS | en.POST_DOMAIN_WORDS | HEADS
# An agency's initials written in a title ("INS Commissioner", "FBI Director").
_INITIALS = re.compile(r"^(?:[A-Z]\.?){2,4}$")


def _initials(roles: Iterable[Role]) -> frozenset[str]:
    """The initials (as :func:`title_key` writes them) that the roles' wordings spell."""
    return frozenset(
        word.replace(".", "").lower()
        for role in roles
        for wording in (role.title, *role.variants)
        for word in wording.split()
        if _INITIALS.match(word)
    )


def _told_apart(a: Role, b: Role) -> bool:
    """Whether each title has an article that gives it and not the other."""
    return bool(set(a.sources) - set(b.sources)) and bool(set(b.sources) - set(a.sources))


# Entities whose names may qualify a title: "Goldman Sachs CEO", "Texas Governor".
_NAMED_TYPES = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})


def _named_words(entities: Sequence[Entity]) -> frozenset[str]:
    """The words (as :func:`title_key` writes them) of the story's organisations and places."""
    words: set[str] = set()
    for entity in entities:
        if entity.type in _NAMED_TYPES:
            for variant in (entity.name, *entity.variants):
                words.update(title_key(variant).split())
                words.update(fold(variant).replace(".", "").split())
    return frozenset(words)


def _spelled_out(key: str, other: str) -> str:
    """``key`` with an acronym in it written out as the words it stands for in ``other``
    ("ins commissioner" beside "immigration and naturalization commissioner" reads
    "immigration and naturalization commissioner"): an acronym and its expansion are one
    title. The acronym's letters are the initials of a run of ``other``'s words (connectors
    skipped), or those and one more: the organisation word a title often drops ("Service")."""
    words, others = key.split(), other.split()
    for i, word in enumerate(words):
        if not 2 <= len(word) <= 6 or word in others or word in HEADS:
            continue
        for start in range(len(others)):
            run = _initials_run(others, start, word)
            if run:
                return " ".join(words[:i] + run + words[i + 1 :])
        # the acronym's first letter is a party or nationality word :func:`title_key` drops
        # from the front of the other ("rnc chairman" beside "[republican] national committee
        # chairman")
        run = _initials_run(others, 0, word[1:]) if len(word) >= 3 else []
        if run and "".join(w[0] for w in run if w not in CONNECTORS) == word[1:]:
            return " ".join(words[:i] + run + words[i + 1 :])
    return key


def _initials_run(words: Sequence[str], start: int, acronym: str) -> list[str]:
    """The run of ``words`` from ``start`` whose initials spell ``acronym`` (or all of it but
    its last letter), connectors between them allowed; [] if there is none."""
    run: list[str] = []
    initials = ""
    for word in words[start:]:
        if word in CONNECTORS:
            if not run:
                return []
            run.append(word)
            continue
        if word in HEADS or initials + word[0] != acronym[: len(initials) + 1]:
            break
        run.append(word)
        initials += word[0]
    while run and run[-1] in CONNECTORS:
        run.pop()
    long_enough = len(initials) >= 2 and len(acronym) - len(initials) <= 1
    return run if long_enough else []
