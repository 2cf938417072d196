"""People named in one article, with the titles written next to their names.

:func:`find_person_mentions` (a pure function of one :class:`~corroborate.model.Article`) reads
names from the NER mentions *and* from the text around titles, because the small NER model
mislabels or cuts names ("Rosa Icela" for Rosa Icela Rodríguez, "Homeland Security Alejandro
Mayorkas" as an ORG, "Blinken" as a place). Each name is cleaned (honorifics and titles
stripped, possessives cut, extended over the rest of a cut name) and carries the titles written
next to it (see :mod:`corroborate.annotate.roles`). :func:`same_person` tells whether two
spellings can name one person; :mod:`corroborate.compare.entities` merges them across a story.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz

from corroborate.annotate.roles import (
    CONNECTORS,
    HEADS,
    NON_NAME_CAPS,
    PARTICLES,
    Token,
    is_head,
    is_honorific,
    is_title_word,
    tokenize,
)
from corroborate.lang import en
from corroborate.model import Article
from corroborate.text import fold, spacy_stop_words

__all__ = [
    "PersonMention",
    "find_person_mentions",
    "headline_lines",
    "is_headline",
    "name_tokens",
    "same_person",
]

ORG_WORDS = en.ORG_WORDS  # a name with one of these is an organisation's or a place's
LOCATIVE = en.LOCATIVES  # a name after one of these is a place's ("in Millbeck")
NICKNAMES = en.NICKNAMES
_SUFFIXES = en.NAME_SUFFIXES
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
    while out and is_honorific(out[0]):
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
    if f in NON_NAME_CAPS or _POSSESSIVE.sub("", f) in NON_NAME_CAPS or is_title_word(tok.text):
        return False  # "He’s" is no name
    return not any(c.isdigit() for c in tok.text)


def _middle_initial(text: str, toks: Sequence[Token], k: int) -> bool:
    """A capital and a full stop between two words of a name: an initial ("Harry M. Reid"),
    though "M." before a name alone is the French honorific (\"M. Barnier\")."""
    return (
        re.fullmatch(r"[A-Z]\.", toks[k].text) is not None
        and 0 < k < len(toks) - 1
        and _is_name_token(toks[k - 1])
        and _is_name_token(toks[k + 1])
        and _adjacent(text, toks[k - 1], toks[k])
        and _adjacent(text, toks[k], toks[k + 1])
    )


def _ends_sentence(tok: Token) -> bool:
    """A word of three letters or more written with a full stop ("Sanders.", "candidate."):
    a sentence ends there, not an initial ("J.") or an abbreviation ("Jr.", "Sen.", "Gov.")."""
    return (
        tok.text.endswith(".")
        and sum(c.isalpha() for c in tok.text) >= 3
        and not is_honorific(tok.text)
        and fold(tok.text[:-1]) not in _ABBREVIATIONS
    )


_ABBREVIATIONS = frozenset(fold(w) for w in en.TITLE_ABBREVIATIONS)


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
    given = len(folded) > 1 and folded[0] in NICKNAMES  # "Bill Tate" is no bill
    if any(f in ORG_WORDS for f in (folded[1:] if given else folded)):
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

    Uses ``article.mentions`` (NER) and the text; a pure function of the article. A name in a
    headline (a line in title case, :func:`is_headline`) is kept only as the article names
    someone outside its headlines: there every word is capitalised, so "Hillary Clinton
    Presses" is no name and "Reveals" no person.
    """
    text = article.text
    toks = tokenize(text)
    if not toks:
        return []
    spans = [
        *_ner_names(article, toks),
        *_names_after_titles(text, toks),
        *_appositive_names(text, toks),
        *_speaker_names(text, toks),
    ]
    mentions = _named_outside_headlines(text, _mentions(article, toks, spans))
    if not _names_read_well(article.language):
        mentions = [m for m in mentions if _plausible_abroad(m, article.language)]
    return mentions


def _names_read_well(language: str | None) -> bool:
    """Whether the article's names come from a pipeline of its own language (English, or
    one installed for it: :data:`corroborate.annotate.nlp.LANGUAGE_MODELS`). Elsewhere the
    English pipeline reads them, and takes capitalised words for people: German's nouns
    ("Drei Surfer"), a sentence's opening words ("Durante la Caminata")."""
    if language in (None, "en"):
        return True
    from corroborate.annotate.nlp import LANGUAGE_MODELS, installed

    model = LANGUAGE_MODELS.get(language)
    return model is not None and installed(model)


def _plausible_abroad(mention: PersonMention, language: str | None) -> bool:
    """A name the English pipeline found in another language's text that reads as a
    person's: two to four words, none a function word of the language, the first a given
    name the census knows ("Martina Merz", "Mark Esper"; not "Zum Grad der Alkoholisierung",
    nor "Demonstranten Zelte"). Precision first: a name spelled in another alphabet, or with
    a given name the census lacks, is left out."""
    words = mention.text.split()
    if not 2 <= len(words) <= 4 or given_name_gender(words[0]) is None:
        return False
    stops = spacy_stop_words(language or "")
    return not any(fold(w) in stops for w in words)


@lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    """Given name (upper case, as the census lists it) -> ``m``/``f``, from the US census
    of 1990's frequency lists (the ``names`` package's ``dist.male.first`` and
    ``dist.female.first``): a name is a gender's when it is at least four times as frequent
    among them as among the other's."""
    frequency: dict[str, dict[str, float]] = {}
    for gender, file in (("m", "dist.male.first"), ("f", "dist.female.first")):
        for line in (resources.files("names") / file).read_text(encoding="ascii").splitlines():
            given, percent, *_ = line.split()
            frequency.setdefault(given, {"m": 0.0, "f": 0.0})[gender] = float(percent)
    out = {}
    for given, shares in frequency.items():
        if shares["m"] >= 4 * shares["f"]:
            out[given] = "m"
        elif shares["f"] >= 4 * shares["m"]:
            out[given] = "f"
    return out


def given_name_gender(name: str) -> str | None:
    """``m`` or ``f`` for a given name most people who bear it are (of the census lists), else
    None.

    >>> given_name_gender("Hillary"), given_name_gender("Donald"), given_name_gender("Jan.")
    ('f', 'm', None)
    """
    return _given_names().get(fold(name).upper().strip(".,"))


# Token ranges [i, j) of names, with what found them.
_NameSpan = tuple[int, int, str]


def _ner_names(article: Article, toks: Sequence[Token]) -> list[_NameSpan]:
    """NER PERSON mentions, cleaned (non-name words cut, a cut name extended)."""
    text = article.text
    starts: dict[int, int] = {t.start: i for i, t in enumerate(toks)}
    non_person = [(m.start, m.end) for m in article.mentions if m.label != "PERSON"]
    spans = []
    for m in article.mentions:
        if m.label != "PERSON":
            continue
        i = starts.get(m.start)
        if i is None:
            i = next((k for k, t in enumerate(toks) if t.start <= m.start < t.end), None)
        if i is None:
            continue
        j = i
        while j < len(toks) and toks[j].end <= m.end:
            j += 1
        while i < j and not _is_name_token(toks[i]):
            i += 1
        if i < j:
            spans.append(_mended(text, toks, i, j, non_person))
    return spans


def _mended(
    text: str, toks: Sequence[Token], i: int, j: int, non_person: Sequence[tuple[int, int]]
) -> _NameSpan:
    """A NER name cut at its first non-name word ("Biden administration") and extended over
    the name words the model left out on either side (not into a place's name, not over a
    sentence's first word, not over a sentence's end: "Amazon. Peter Orszag" is Peter Orszag)."""
    ends = [n for n in range(i, j - 1) if _ends_sentence(toks[n])]
    if ends:
        i = ends[-1] + 1
    k = i + 1
    while (
        k < j
        and (
            _is_name_token(toks[k]) or toks[k].folded in PARTICLES or _middle_initial(text, toks, k)
        )
        and _adjacent(text, toks[k - 1], toks[k])
    ):
        k += 1
    j = _extend_right(text, toks, k)
    while (
        i > 0
        and _is_name_token(toks[i - 1])
        and _adjacent(text, toks[i - 1], toks[i])
        and not any(s <= toks[i - 1].start and toks[i - 1].end <= e for s, e in non_person)
        and not _sentence_initial(text, toks[i - 1])
        and not _ends_sentence(toks[i - 1])
    ):
        i -= 1
    return (i, j, "ner")


def _names_after_titles(text: str, toks: Sequence[Token]) -> list[_NameSpan]:
    """Names right after a title or honorific ("Secretary of State Antony Blinken")."""
    spans = []
    for h, tok in enumerate(toks):
        if not (is_head(tok.text) or is_honorific(tok.text)):
            continue
        if not tok.is_capitalized and tok.folded not in HEADS:
            continue
        if _ends_sentence(tok) or _middle_initial(text, toks, h):
            continue  # "... for any candidate. South Carolina Sen. Lindsey Graham"
        k = _past_title_words(text, toks, h + 1)
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
    return spans


def _past_title_words(text: str, toks: Sequence[Token], k: int) -> int:
    """The token after the rest of a title that begins before ``k`` ("of State", "for
    Foreign Affairs"): six words at most."""
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
    return k


def _appositive_names(text: str, toks: Sequence[Token]) -> list[_NameSpan]:
    """ "the country's president, Andrés Manuel López Obrador," (a title, then the name)."""
    spans = []
    for c, tok in enumerate(toks[:-1]):
        if tok.text != "," or c == 0:
            continue
        if not is_head(toks[c - 1].text) and not is_title_word(toks[c - 1].text):
            continue
        if not _title_before(text, toks, c) or not _is_name_token(toks[c + 1]):
            continue
        j = _extend_right(text, toks, c + 2)
        if j - (c + 1) >= 2 and _name_ends_there(toks, j):
            spans.append((c + 1, j, "appositive"))
    return spans


def _speaker_names(text: str, toks: Sequence[Token]) -> list[_NameSpan]:
    """A speaker with a title beside the name, whatever the model called the name ("said
    Okonkwo Adeyemi, a security researcher", "Ana Ruiz, the mayor's deputy, said")."""
    spans = []
    for v, tok in enumerate(toks):
        if tok.folded not in en.SPEAKER_VERBS:
            continue
        k = v + 1  # the name after the verb
        if k < len(toks) and _is_name_token(toks[k]) and _adjacent(text, tok, toks[k]):
            j = _extend_right(text, toks, k + 1)
            if j - k >= 2 and (_title_after(text, toks, j) or _title_before(text, toks, k)):
                spans.append((k, j, "speaker"))
        before = _name_before_verb(text, toks, v)
        if before is not None:
            spans.append(before)
    return spans


def _name_before_verb(text: str, toks: Sequence[Token], v: int) -> _NameSpan | None:
    """The titled name before the verb at ``v``, or before its appositive title: "Ana Ruiz,
    a nurse, said"."""
    end = v
    if end > 0 and toks[end - 1].text == ",":
        comma = max((c for c in range(max(0, v - 12), v - 1) if toks[c].text == ","), default=-1)
        end = comma if comma > 0 else end
    i = end
    while (
        i > 0
        and _is_name_token(toks[i - 1])
        and (i == end or _adjacent(text, toks[i - 1], toks[i]))
    ):
        i -= 1
    if end - i >= 2 and (_title_after(text, toks, end) or _title_before(text, toks, i)):
        return (i, end, "speaker")
    return None


def _mentions(
    article: Article, toks: Sequence[Token], spans: Sequence[_NameSpan]
) -> list[PersonMention]:
    """One mention per name, the longest first (a cut NER span loses to the full name found
    after a title), with the titles written before and after it, in text order."""
    text = article.text
    mentions: list[PersonMention] = []
    taken: list[tuple[int, int]] = []
    for i, j, how in sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0])):
        if any(not (j <= a or i >= b) for a, b in taken):
            continue
        while j - i > 2 and toks[i].folded in en.PAGE_LABELS:
            i += 1  # "Getty Donald Trump", "Watch Jamie Oliver": the page's label is cut
        name = toks[i:j]
        if not _valid_name(name):
            continue
        start, end, surface = _name_text(text, name)
        if not name_tokens(surface):
            continue
        taken.append((i, j))
        titles = _titles_beside(text, toks, i, j)
        mentions.append(PersonMention(article.id, start, end, surface, titles, how))
    mentions.sort(key=lambda m: m.start)
    return _without_names_in_titles(mentions)


def _without_names_in_titles(mentions: list[PersonMention]) -> list[PersonMention]:
    """The mentions with no title that holds a person's name of two words or more (theirs or
    another's): such a "title" is a list of people read as one ("Secretary of State Mike
    Pompeo" before "and Mick Mulvaney") or a headline run into the name."""
    # (not the names read only after a title word: "chairman of Nordvik Power" is no person)
    names = {m.text for m in mentions if len(m.text.split()) >= 2 and m.how != "title"}
    if not names:
        return mentions
    out = []
    for m in mentions:
        kept = tuple(t for t in m.titles if not any(_holds(t, n) for n in names))
        out.append(m if kept == m.titles else replace(m, titles=kept))
    return out


def _holds(text: str, name: str) -> bool:
    """Whether ``name`` stands in ``text`` as words of their own (no word character, as
    ``re``'s ``\\w``, touching either end): what a pattern ``(?<!\\w)name(?!\\w)`` finds,
    without compiling one per article."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if not (at and _is_word_char(text[at - 1])) and not (
            end < len(text) and _is_word_char(text[end])
        ):
            return True
        at = text.find(name, at + 1)
    return False


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _titles_beside(text: str, toks: Sequence[Token], i: int, j: int) -> tuple[str, ...]:
    """The titles written before the name at tokens ``i``..``j`` (also before a comma: "the
    minister, Ana Ruiz,") and after it ("Ana Ruiz, the minister,")."""
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
    return tuple(titles)


_SMALL_WORDS = frozenset(en.TITLE_CASE_SMALL_WORDS) | {"the", "of", "and", "for", "a", "an"}


def is_headline(line: str) -> bool:
    """Whether a line is written in title case, as headlines are: every word of four or more
    (small words aside) starts with a capital ("Hillary Clinton Presses Trump on Taxes"); a
    sentence crowded with names still has a verb or a noun in lower case ("Foreign Minister
    Ana Ortiz met Mr. Blinken in Washington")."""
    count = 0
    for match in _HEADLINE_WORD.finditer(line):  # a word in lower case ends it at once
        word = match.group()
        if word.lower() in _SMALL_WORDS:
            continue
        if not word[0].isupper():
            return False
        count += 1
    return count >= 4


_HEADLINE_WORD = re.compile(r"[^\W\d_][\w’'-]*")


def headline_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the lines of ``text`` written as headlines (:func:`is_headline`)."""
    out = []
    offset = 0
    for line in text.split("\n"):
        if is_headline(line):
            out.append((offset, offset + len(line)))
        offset += len(line) + 1
    return out


def _named_outside_headlines(text: str, mentions: list[PersonMention]) -> list[PersonMention]:
    """The mentions outside headlines, and those in a headline cut to the runs of their words
    that name someone the article names elsewhere (see :func:`find_person_mentions`); a
    headline's words give no titles."""
    headlines = headline_lines(text)
    if not headlines:
        return mentions
    body = [m for m in mentions if not any(s <= m.start < e for s, e in headlines)]
    known = [name_tokens(m.text) for m in body]
    out = list(body)
    for m in mentions:
        if any(s <= m.start < e for s, e in headlines):
            out.extend(_known_runs(text, m, known))
    return sorted(out, key=lambda m: m.start)


def _known_runs(
    text: str, mention: PersonMention, known: Sequence[Sequence[str]]
) -> list[PersonMention]:
    """The runs of ``mention``'s words that name someone of ``known`` (the same name, a
    shorter form of it, or its last word), the longest first, none overlapping another."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", mention.text)]
    free = [True] * len(words)
    out = []
    for size in range(len(words), 0, -1):
        for k in range(len(words) - size + 1):
            if not all(free[k : k + size]):
                continue
            run = mention.text[words[k][0] : words[k + size - 1][1]]
            tokens = name_tokens(run)
            start = text.find(run, mention.start, mention.end + 1)
            if start < 0 or not tokens or not any(_names(tokens, other) for other in known):
                continue
            free[k : k + size] = [False] * size
            out.append(
                PersonMention(mention.article_id, start, start + len(run), run, (), mention.how)
            )
    return out


def _names(run: Sequence[str], other: Sequence[str]) -> bool:
    """Whether a headline's run of words names the person ``other`` names: as fully or less
    so ("Hillary Clinton Presses" is longer than any name the article writes)."""
    if len(run) == 1:
        return bool(other) and run[0] == other[-1]
    return len(run) <= len(other) and (list(run) == list(other) or same_person(run, other))


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
        if _ends_sentence(toks[j - 1]):
            break  # "... and Bernie Sanders. Clinton said": two names, not one
        if (
            _is_name_token(t)
            and _adjacent(text, toks[j - 1], t)
            and not _POSSESSIVE.search(toks[j - 1].text)
        ):
            j += 1
        elif _middle_initial(text, toks, j) or (
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


_TITLE_LOWER_OK = frozenset(HEADS) | en.TITLE_LOWERCASE_WORDS


def _title_text(text: str, start: int, end: int) -> str:
    """A title as written, spaces folded and an editor's brackets dropped ("[Mexican]
    President" -> "Mexican President")."""
    return _SPACE.sub(" ", text[start:end].replace("[", "").replace("]", "")).strip()


_RELATION_WORDS = frozenset({"to", "for", "of", "with"})
_HELD_TOWARDS = frozenset({"to", "for"})


@lru_cache(maxsize=1)
def _never_in_titles() -> frozenset[str]:
    """Function words no title is made of (spaCy's English stop words, less the connectors
    and the words titles do use: "former", "first", "top", "then"): a run of capitalised
    words before a name that reaches one is a headline run into it, not a title."""
    allowed = CONNECTORS | en.TITLE_LOWERCASE_WORDS | en.TITLE_LEADING_WORDS
    return frozenset(
        w for w in spacy_stop_words("en") if w not in allowed and not is_title_word(w)
    ) - {"us"}


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
        if f in _never_in_titles():
            break  # "... After GOP Sen. X", "Have Him Read ...": a headline runs into it
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
    # "a senior adviser to Mr. Sanders", "a spokesman for Sen. Ruiz": the post is another
    # person's, held towards this one; only what follows the preposition is this name's title
    m = i
    while m > k and is_honorific(toks[m - 1].text):
        m -= 1
    if m > k and toks[m - 1].folded in _RELATION_WORDS:
        k = m
    # "spokesman for House Speaker Paul Ryan", "press secretary to President Reagan": the
    # post after the last "to"/"for" is the name's own, when it has a head of its own
    # ("Minister for Foreign Affairs X" has none after "for": the whole is X's)
    last = max((n for n in range(k, m) if toks[n].folded in _HELD_TOWARDS), default=-1)
    if last >= 0 and any(is_head(t.text) for t in toks[last + 1 : i]):
        k = last + 1
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
        if (
            t.text.endswith(".")
            and "." not in t.text[:-1]
            and len(t.text) > 3
            and not is_honorific(t.text)  # "a spokesman for Mrs. Clinton": it goes on
        ):
            if t.folded not in en.SPEAKER_VERBS:
                k += 1  # the sentence ends with the title
            # else it ends with the verb of saying ("..., Health Director said."), which the
            # title stops before
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
    if _names_after_head(run):
        return None
    return _title_text(text, run[0].start, run[-1].end)


def _names_after_head(run: Sequence[Token]) -> bool:
    """Whether a run read as a title goes on, right after its last head, with capitalised
    words no title is made of: another person's title and name ("Wilbur Ross, Labor
    Secretary Eugene Scalia, ..." lists people; it gives Ross no title). "Chairman of
    Goldman Sachs" names its organisation after a connector."""
    last = max(n for n, t in enumerate(run) if is_head(t.text))
    after = run[last + 1 : last + 2]
    return bool(after) and after[0].is_capitalized and not is_title_word(after[0].text)


# --------------------------------------------------------------------------- merging


# --------------------------------------------------------------------------- lookup
