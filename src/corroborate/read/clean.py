"""Cut the junk out of an article's extracted text, and say what was cut and why.

Input is plain text, one paragraph (or one scraped fragment) per line. Output is the body with
every piece of junk moved to :attr:`Cleaned.removed` with a reason from
:data:`corroborate.model.REMOVAL_REASONS`:

* reader-comment threads after a comment header, or after the outlet's sign-off line when the
  thread is proven (comment furniture, or readers' voice: see :meth:`_Tails.proven_thread`),
  comment forms, cookie/consent banners;
* photo credits, the captions around them (repeated, bulleted, or next to a credit when the
  page's structure or the caption's grammar says so), gallery slide counters, pull quotes;
* "Read also / Related / See also" teasers, share and subscribe prompts, scraper residue
  ("Advertisement", "Skip to content", lone "Share" buttons...), wire boilerplate, editors'
  update notes and the writer's bio, menus, breadcrumbs and share bars ("Home > News > Local"),
  the rows of data tables;
* newsroom matter, written for editors rather than readers ("ENDIT", wire slugs, "Story Filed
  By", "Eds:", desk telephone lines, a press release's notes to editors); an article made of
  it (a news budget, an advisory, a corrections notice) is marked :attr:`Cleaned.not_news`;
* the outlet's sign-off line and the dateline prefix ("LONDON (Reuters) -"), both of which name
  the outlet;
* the title line (returned as :attr:`Cleaned.title`; listed in ``removed`` as ``title`` when
  the record has a title of its own that differs), and the deck under it, kickers over it and
  section sub-heads (returned as :attr:`Cleaned.headings` and listed in ``removed`` as
  ``subheading``).

Every rule looks at the *shape* of a line and its neighbours, never at a known sentence, and
every rule is conservative: a line that reads like a sentence of news is kept unless the
structure around it (a credit next to it, a proven comment thread) proves otherwise.
Nothing is lost: every line of the input is in ``text``, ``title`` or ``removed``, whole or
in pieces (:func:`lost_lines` checks it).

The module is plain :mod:`re`; it loads no model and cleans a typical article in a few
milliseconds, in time linear in its length.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from corroborate.date_expressions import FOREIGN_DATE, FOREIGN_MONTH_NUMBER, full_date_in
from corroborate.lang import en, es, fr, merged, xx
from corroborate.model import Article, Rejected, Removed
from corroborate.patterns import gated
from corroborate.read.language import guess_language
from corroborate.text import (
    ASKING_ENDS,
    CLAUSE_ENDS,
    FULL_WIDTH_END,
    SENTENCE_ENDS,
    capital_or_caseless,
    content_words,
    lower_case,
    rough_sentences,
    word_count,
)

__all__ = ["Cleaned", "clean_article", "clean_text", "lost_lines"]


@dataclass(frozen=True)
class Cleaned:
    """The result of cleaning one article's text.

    Attributes:
        text: the cleaned body, kept lines joined with ``"\\n"``, each stripped, runs of blank
            lines collapsed to one blank line, no blank line at either end.
        title: the ``title`` passed in, else the title line if one was recognised (a title
            line that differs from the title passed in is in ``removed`` as ``title``).
        outlet: the outlet named by a sign-off line (preferred) or a dateline, else the
            ``outlet`` passed in.
        removed: every piece cut, exact text, in document order, each with its reason.
        headings: the deck under the title and the section sub-heads found between body
            paragraphs, in order (each also in ``removed`` as ``subheading``).
        published: the day a cut date stamp gives (``YYYY-MM-DD``: "Published: April 16,
            2025, 6:05 p.m."), the publication's in preference to an update's.
        not_news: why the whole text is newsroom matter (a news budget, an advisory, a
            corrections notice), not news; ``None`` for news (:func:`not_news_reason`).
    """

    text: str
    title: str | None
    outlet: str | None
    removed: list[Removed] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    published: str | None = None
    not_news: str | None = None


# --------------------------------------------------------------------------------------------
# Lines


@dataclass
class _Line:
    """One input line and what cleaning decided about it."""

    index: int
    text: str  # the line, stripped
    body: str = ""  # what stays in the cleaned text ("" when cut)
    reason: str | None = None  # set when the whole line is cut
    role: str | None = None  # "title" or "heading"
    pieces: list[Removed] = field(default_factory=list)  # partial cuts (dateline, inline credit)

    def __post_init__(self) -> None:
        self.body = self.text

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def untouched(self) -> bool:
        """A non-blank line nothing has been decided about yet."""
        return bool(self.text) and self.reason is None and self.role is None and not self.pieces

    @property
    def kept(self) -> bool:
        """A line (or part of one) that stays in the body."""
        return bool(self.body) and self.reason is None and self.role is None

    def cut(self, reason: str) -> None:
        self.reason = reason
        self.body = ""
        self.pieces = []


def _nonblank(lines: Sequence[_Line]) -> list[_Line]:
    return [line for line in lines if not line.blank]


# --------------------------------------------------------------------------------------------
# Shapes of text

_BULLET_RE = re.compile(r"^[•·▪◦‣●○■□►▶➤✓→›»\-–—*+]\s+")
# How a line ends as a sentence or a clause does: a full stop, question or exclamation mark,
# ellipsis, colon, semicolon or comma (full-width ones, and the Arabic, Urdu and Devanagari
# ones), closing marks allowed after. (A colon or comma counts: a line leading into a list
# or a sub-heading is text, not a heading.)
_CLOSERS = r"[\"'”’»)\]」』）]*$"
_SENTENCE_END_RE = re.compile(f"[{re.escape(SENTENCE_ENDS + CLAUSE_ENDS)}]{_CLOSERS}")
_ANY_END_PUNCT_RE = re.compile(r"[.!?…:;,][\"'”’»)\]]*$")
_QUOTE_CHARS = "\"“”«»‘’'„"

# Past-tense attribution: news reports it, comments and captions rarely do.
_ATTRIBUTION_RE = re.compile(rf"\b({'|'.join(en.ATTRIBUTION_VERBS)})\b", re.IGNORECASE)
_PAST_ATTRIBUTION_RE = gated(re.compile(rf"\b({'|'.join(en.PAST_SPEECH_VERBS)})\b", re.IGNORECASE))

# Words that a headline or sub-head does not end on.
_DANGLING_END_RE = re.compile(rf"\b({'|'.join(en.HEADLINE_DANGLING_WORDS)})$", re.IGNORECASE)

_MONTH = en.MONTH_PATTERN
_WEEKDAY = en.WEEKDAY_PATTERN


def words(text: str) -> list[str]:
    """The whitespace-separated words of ``text``."""
    return text.split()


def strip_bullet(text: str) -> str:
    """``text`` without a leading list bullet ("• ", "- ", "* ")."""
    return _BULLET_RE.sub("", text, count=1)


def is_bullet(text: str) -> bool:
    """Whether ``text`` starts with a list bullet."""
    return bool(_BULLET_RE.match(text))


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends like a sentence or a clause (:data:`_SENTENCE_END_RE`: a stop,
    question or exclamation mark, ellipsis, colon, semicolon or comma, maybe then a quote)."""
    return bool(_SENTENCE_END_RE.search(text))


def is_paragraph(text: str) -> bool:
    """A line that reads as a body paragraph: starts like a sentence, ends like one, 6+ words."""
    text = strip_bullet(text)
    if len(words(text)) < 6 or not ends_sentence(text):
        return False
    first = text.lstrip(_QUOTE_CHARS + "([")[:1]
    return capital_or_caseless(first) or first.isdigit()


def _normalise(text: str) -> str:
    text = strip_bullet(text).casefold()
    text = _QUOTE_MARKS.sub("", text)
    return _SPACES.sub(" ", text).strip(" .")


_QUOTE_MARKS = re.compile(r"[\"“”«»‘’'„]")
_SPACES = re.compile(r"\s+")


def _outside_quotes(text: str) -> str:
    """``text`` with quoted passages blanked, so a quote's "we" is not the writer's."""
    text = re.sub(r"“[^”]*(”|$)", " ", text)
    text = re.sub(r"«[^»]*(»|$)", " ", text)
    return re.sub(r'"[^"]*("|$)', " ", text)


# --------------------------------------------------------------------------------------------
# Outlet names

# Words that make a short capitalised line the name of a publication.
_OUTLET_WORD_RE = re.compile(rf"\b({'|'.join(xx.OUTLET_WORDS)})\b")


def _name_set(names: Iterable[str]) -> frozenset[str]:
    return frozenset(name.casefold() for name in names)


# Outlets whose names carry no tell-tale word (wires, broadcasters, well-known titles), in
# Latin letters (lang.xx) and in others (an Arabic page's "أ ش أ").
_KNOWN_OUTLETS = _name_set(merged("KNOWN_OUTLETS"))
# Parenthesised acronyms that are places, not wire services.
_PLACE_ACRONYMS = xx.PLACE_ACRONYMS
_NAME_CONNECTORS = _name_set(xx.NAME_CONNECTORS)
_DOMAIN_RE = re.compile(
    r"^[\w-]+(\.[\w-]+)*\.(com|net|org|news|info|co|io|tv|mx|ca|fr|es|uk|us)$", re.IGNORECASE
)


def _same_name(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return re.sub(r"[^\w]+", " ", s.casefold()).strip()

    return bool(norm(a)) and norm(a) == norm(b)


# What follows a paper's name in a byline ("Chronicle staff"), not in its name.
_STAFF_WORDS = _name_set(en.BYLINE_STAFF_WORDS)


def looks_like_outlet_name(text: str, known_outlet: str | None = None) -> bool:
    """Whether ``text`` is, as a whole, the name of a news outlet.

    True for the ``known_outlet``, for a known wire or broadcaster ("Reuters", "AFP"), for a
    domain ("example.com"), and for a short capitalised name carrying a publication word
    ("Mexico News Daily", "Las Vegas News Magazine"). A sentence is never an outlet name.
    """
    text = text.strip()
    if not text or len(text) > 60:
        return False
    if known_outlet and _same_name(text, known_outlet):
        return True
    if text.casefold() in _KNOWN_OUTLETS or _DOMAIN_RE.match(text):
        return True
    tokens = words(text)
    if not 1 <= len(tokens) <= 6 or _ANY_END_PUNCT_RE.search(text):
        return False
    # one word after the first may be in lower case: "Courrier international", "Le Monde
    # diplomatique"
    lower = 0
    for position, token in enumerate(tokens):
        bare = token.strip("'’\"")
        if bare.casefold() in _NAME_CONNECTORS:
            continue
        if not (bare[:1].isupper() or bare[:1].isdigit()):
            lower += 1
            if position == 0 or lower > 1 or not bare.isalpha() or bare in _STAFF_WORDS:
                return False
    # a masthead in capitals: "THE DAILY CLARION"
    return bool(_OUTLET_WORD_RE.search(text.title() if text.isupper() else text))


def _is_wire_acronym(text: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]{2,6}", text)) and text not in _PLACE_ACRONYMS


def _looks_like_place(text: str) -> bool:
    tokens = words(text)
    if not 1 <= len(tokens) <= 5 or re.search(r"\d", text):
        return False
    return all(
        t.casefold() in _NAME_CONNECTORS or t[:1].isupper() for t in re.split(r"[\s,]+", text) if t
    )


# --------------------------------------------------------------------------------------------
# Line-level junk patterns (each matches a whole line, case-insensitively unless said)


def _rx(*patterns: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


_COOKIE_RE = _rx(*merged("COOKIE_BANNER"))
_CONSENT_BUTTON = rf"({'|'.join(merged('CONSENT_BUTTONS'))})[.!]?"
# One button, or a row of them ("Accept all / Manage settings", "Reject all | Accept all").
_CONSENT_BUTTON_RE = _rx(
    rf"^{_CONSENT_BUTTON}(\s*[/|·•]\s*{_CONSENT_BUTTON}|\s+{_CONSENT_BUTTON})*$"
)
# Buttons that only ever appear on consent dialogs, even far from their banner text.
_CONSENT_ONLY_RE = _rx(rf"^({'|'.join(merged('CONSENT_ONLY_BUTTONS'))})[.!]?$")
_COMMENT_HEADER_RE = _rx(*merged("COMMENT_HEADERS"))
_COMMENT_FORM_RE = _rx(*merged("COMMENT_FORM"))
_COMMENT_META_RE = _rx(*en.COMMENT_META)
_COMMENTER_RE = re.compile(
    rf"^[\w .'’-]{{1,40}}\s+({'|'.join(en.COMMENTER_VERBS)})\s*:$", re.IGNORECASE
)

# The labels over paid content.
_SPONSORED = en.SPONSORED_LABELS
_RESIDUE_RE = _rx(*merged("PAGE_RESIDUE"))
_SHARE_PROMPT_RE = _rx(*merged("SUBSCRIBE_PROMPTS"))
# A call to action somewhere in a short line: "... Subscribe today for unlimited access".
_CALL_TO_ACTION_RE = gated(_rx(*merged("CALLS_TO_ACTION")))  # searched in every line
_RELATED_MARKER = f"({'|'.join(merged('RELATED_MARKERS'))})"
# (in brackets, or Chinese ones: "【相关阅读】", "另请阅读：")
_RELATED_RE = re.compile(
    rf"^[\[(【（]?{_RELATED_MARKER}[\])】）]?\s*(:|：|—|–|-{{1,2}}|\||»|>|›|→)\s*\S.*$"
    rf"|^[\[(【（]?{_RELATED_MARKER}[\])】）]?\s*[:：.!…>»]?$",
    re.IGNORECASE,
)
_RELATED_CAPS_RE = re.compile(rf"^({'|'.join(merged('RELATED_MARKERS_CAPS'))})\b\s*\S.*$")
_SLIDE_COUNTER_RE = _rx(
    r"^(photo|image|slide|picture|foto|diapo(sitive)?)?\s*\d{1,3}\s*(/|of|de|sur|von|di)\s*\d{1,3}$",
)
_GALLERY_NAV_RE = _rx(*en.GALLERY_NAVIGATION)

# Photo credits.
_CREDIT_LABEL = f"({'|'.join(merged('CREDIT_LABELS'))})"
_CREDIT_LABELLED_RE = re.compile(
    rf"^{_CREDIT_LABEL}\s*(:|/|\||—|–|-\s)\s*\S.*$|^image source\s*,\s*\S.*$", re.IGNORECASE
)
_CREDIT_BY_RE = re.compile(
    r"^(photo(graph)?|image|picture|illustration|video) by\s+\S.*$|^courtesy( of)?\s+\S.*$",
    re.IGNORECASE,
)
_CREDIT_CAPS_RE = re.compile(rf"^({'|'.join(merged('CREDIT_LABELS_CAPS'))})\b[\s:]*(?P<rest>\S.*)$")
_PHOTO_AGENCY = f"({'|'.join(xx.PHOTO_AGENCIES)})"
_CREDIT_PAREN_RE = re.compile(
    r"^[\[(](?P<c>[^()\[\]]{2,100})[\])]$",
)
_CREDIT_PAREN_WORD_RE = re.compile(rf"\b({'|'.join(merged('CREDIT_WORDS'))})\b|/", re.IGNORECASE)
# A photographer's name: capitalised words ("Jose Luis Gonzalez", "Ana de la Cruz").
_PERSON = r"[A-ZÀ-Ý][\w.'’-]*(?:\s+(?:[A-ZÀ-Ý][\w.'’-]*|de|la|del|van|von|da|dos)){0,4}"
_CREDIT_SLASH_RE = re.compile(
    rf"^(?:{_PERSON}\s*/\s*(?i:{_PHOTO_AGENCY})(?i:\s+via\s+[\w ]{{2,30}})?|"
    rf"(?i:{_PHOTO_AGENCY})(?i:\s+photos?)?\s*/\s*{_PERSON})\.?$"
)
_PERSON_SLASH_OUTLET_RE = re.compile(rf"(?P<person>{_PERSON})\s*/\s*(?P<outlet>[^/]{{2,40}}?)\.?")
_CREDIT_AGENCY_ALONE_RE = re.compile(
    rf"^(?:(?:{_PERSON}|[A-Z]{{2,6}})\s*(?:/|via|for)?\s*)?"
    rf"(?i:{'|'.join(xx.STOCK_PHOTO_AGENCIES)})"
    rf"(?:\s*/\s*{_PERSON})?\.?$"
)
_CAPTION_LABELLED_RE = re.compile(
    rf"^({'|'.join(merged('CAPTION_LABELS'))})\s*[,:]\s*\S.*$", re.IGNORECASE
)
# A credit at the end of a caption line: "... (AP Photo/Jane Doe)", "... Photograph: X/Y".
_INLINE_CREDIT_RES = (
    re.compile(
        r"\s(?P<credit>[\[(][^()\[\]]{0,60}\b(?:Photo|Foto|Photograph|Images?|Pictures?|Getty|"
        r"Shutterstock|Handout|Alamy|iStock)\b[^()\[\]]{0,80}[\])]\.?)$",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?<=[.!?…\"”’)\]])\s+(?P<credit>(?:Photograph|Photo|Photos|Photo credit|Image|Picture|"
        r"Credit|Illustration)\s*:\s*[^:]{2,80}?)$"
    ),
)

# The writer's bio under the article: "Jane Doe is a reporter for ... Follow her on X @jdoe."
# "Jane Doe covers City Hall for the Courier. Reach her at ..." is one too.
_BIO_RE = re.compile(
    r"^[A-ZÀ-Ý][\w'’.-]+(?: [A-ZÀ-Ý][\w'’.-]+){1,3} (?:is an? [^.]{0,100}\b(?i:correspondent|"
    r"reporter|journalist|writer|editor|columnist|contributor|producer|intern)\b|"
    r"(?:covers|writes about|reports on) [^.]{1,120}\.).{0,250}"
    r"\b(?i:follow (him|her|them)|reach (him|her|them)|email (him|her|them)|can be reached)"
    r"\b.{0,100}$"
)
_BOILERPLATE_RE = _rx(*merged("BOILERPLATE"))
# What closes an article (a writer's contact line, a copyright line, a feed's credits), cut as
# boilerplate whether a line of its own or a sentence inside a page run into one line.
_CLOSING_RE = _rx(*merged("CLOSING_BOILERPLATE"))
# Only at the top of an article: bylines and date stamps.
_CAP_WORD = r"[A-ZÀ-Ý][\w.'’-]*"
# "By", "Par", "Por" (not xx's "Von", "Di": only a credited byline is read in those)
_BY = "|".join((*en.BYLINE_WORDS, *fr.BYLINE_WORDS, *es.BYLINE_WORDS))
_BYLINE_RE = re.compile(
    rf"^(?:{_BY})\s+{_CAP_WORD}(?:\s+(?:{_CAP_WORD}|and|y|et|&|de|van|von|da))*"
    rf"(?:\s*[,|—–-]\s*{_CAP_WORD}(?:\s+(?:{_CAP_WORD}|of|the|de|la|&))*)?$"
)
_BYLINE_PIPED_RE = re.compile(
    rf"^(?:{'|'.join(en.BYLINE_WORDS)})\s+{_CAP_WORD}(?:\s+{_CAP_WORD}){{0,3}}\s*\|.{{1,100}}$"
)
_STAMP_RE = re.compile(rf"^({'|'.join(merged('STAMP_WORDS'))})\b.{{0,80}}$", re.IGNORECASE)
# A day and a time in figures ("18.02.2020 11:38", "18/02/2020, 11.38"), a machine's space
# after the colon kept ("11: 38").
_NUMERIC_STAMP = r"\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d,?\s+\d{1,2}[:.]\s?\d{2}"
_NUMERIC_STAMP_RE = re.compile(_NUMERIC_STAMP)
# Such a stamp and its update's ("18.02.2020 11:38 | Son Güncelleme: 18.02.2020 11:42") run
# between a headline and its first sentence.
_STAMP_AFTER_HEADLINE_RE = re.compile(
    rf"\s(?P<stamp>{_NUMERIC_STAMP}\s*\|\s*(?i:{'|'.join(merged('STAMP_WORDS'))})\s*:\s*"
    rf"{_NUMERIC_STAMP})(?!\d)"
)
_DATE_LINE_RE = re.compile(
    rf"^({_WEEKDAY},?\s+)?({_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})"
    r"(,?\s*(at\s*)?\d{1,2}[:.]\d{2}(\s*(?i:[ap]\.?m\.?))?(\s*[A-Z]{2,4})?)?$"
)


def _is_top_boilerplate(text: str) -> bool:
    if len(words(text)) > 24:
        return False
    if len(words(text)) <= 14 and _is_stamp_part(text):
        return True
    # "Northern Broadcast News | Wednesday, 5 March 2025 | By Ellis Okonkwo, correspondent"
    parts = _stamp_parts(text)
    stamps = [_is_stamp_part(part) for part in parts]
    return (
        len(parts) > 1
        and any(stamps)
        and all(
            stamp or _TIME_RE.match(part) or looks_like_outlet_name(part)
            for stamp, part in zip(stamps, parts, strict=True)
        )
    )


_TIME_RE = re.compile(r"^\d{1,2}[:.]\d{2}\s*(?i:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?$")


def _stamp_parts(text: str) -> list[str]:
    """The pieces of a line between bars or dots ("Outlet | 5 March 2025 | By ...")."""
    return [part.strip() for part in re.split(r"\s+[|·•]\s+", text) if part.strip()]


def _is_stamp_part(text: str) -> bool:
    """A byline, a date stamp or a date ("Tuesday 11 March 2025, updated 6.05pm")."""
    # "April 16, 2025 4:12 PM EDT  Updated 2 hours ago": a stamp, then when it was updated
    text = re.sub(r"[\s,]+(?:[|·•]\s*)?(?i:updated|last updated|modified)\b.{0,40}$", "", text)
    return bool(
        _BYLINE_RE.match(text)
        or FOREIGN_DATE.fullmatch(text.strip())
        or _BYLINE_CREDITED_RE.match(text)
        or _BYLINE_PIPED_RE.match(text)
        or _STAMP_RE.match(text)
        or _DATE_LINE_RE.match(text)
        or _NUMERIC_STAMP_RE.fullmatch(text.strip())
    )


# "By Ellis Okonkwo, Midlands correspondent", "Par Camille Delorme, correspondante à Londres"
_BYLINE_CREDITED_RE = re.compile(
    rf"^(?:{'|'.join(merged('BYLINE_WORDS'))})\s+{_CAP_WORD}(?:\s+{_CAP_WORD}){{0,3}},\s+"
    rf"[^.!?]{{0,40}}\b(?i:{'|'.join(merged('BYLINE_ROLES'))})\b[^.!?]{{0,40}}$"
)


def is_photo_credit(text: str) -> bool:
    """Whether the whole line ``text`` is a photo credit.

    Recognised: "PHOTO JOHN DOE, REUTERS" (upper-case, credit first), "Photo: AP",
    "Photograph: Jane Doe/Reuters", "Image source, Getty Images", "Credit: ...",
    "Photo by X on Unsplash", "(Getty Images)", "(AP Photo/Evan Vucci)", "John Doe/AFP",
    "AFP via Getty Images". A sentence is never taken for a credit.
    """
    text = text.strip()
    tokens = words(text)
    if not tokens or len(tokens) > 16:
        return False
    caps = _CREDIT_CAPS_RE.match(text)
    if caps:
        letters = [c for c in caps.group("rest") if c.isalpha()]
        if letters and sum(c.isupper() for c in letters) / len(letters) >= 0.8:
            return True
    if _CREDIT_LABELLED_RE.match(text):
        return len(tokens) <= 14 and not _PAST_ATTRIBUTION_RE.search(text)
    if _CREDIT_BY_RE.match(text):
        return (
            len(tokens) <= 10
            and not ends_sentence(text.rstrip("."))
            and not (_PAST_ATTRIBUTION_RE.search(text))
        )
    paren = _CREDIT_PAREN_RE.match(text)
    if paren:
        return bool(_CREDIT_PAREN_WORD_RE.search(paren.group("c")))
    if _slashed_credit(text):
        return True
    if len(tokens) > 10:
        return False
    if _CREDIT_SLASH_RE.match(text) or _CREDIT_AGENCY_ALONE_RE.match(text):
        return True
    # "Jane Doe/Some Outlet": a photographer's full name, a slash, an outlet.
    person_outlet = _PERSON_SLASH_OUTLET_RE.fullmatch(text)
    return bool(
        person_outlet
        and len(words(person_outlet.group("person"))) >= 2
        and (
            looks_like_outlet_name(person_outlet.group("outlet"))
            or _is_wire_acronym(person_outlet.group("outlet"))
        )
    )


_PHOTO_AGENCY_RE = re.compile(rf"(?i:{_PHOTO_AGENCY})")


def _slashed_credit(text: str) -> bool:
    """A caption's credit in slashes, as Polish and German pages set it: what is shown, the
    photographer, the agency ("Rzym / PAP/EPA/ANGELO CARCONI /", "/ Jan Nowak / PAP",
    "Premier / JAN NOWAK / PAP/EPA"): two slashes or more, no sentence end, a short caption
    (six words at most) first, then only names (the photographer's, an outlet's), one of them
    a photo agency's ("AP/Ipsos/NORC poll on the economy" is none)."""
    if text.count("/") < 2 or _ANY_END_PUNCT_RE.search(text.rstrip("/ ")):
        return False
    first, *rest = [p.strip() for p in text.split("/")]
    rest = [p for p in rest if p]
    return (
        len(first.split()) <= 6
        and all(_PHOTO_AGENCY_RE.fullmatch(p) or _looks_like_name(p) for p in rest)
        and any(_PHOTO_AGENCY_RE.fullmatch(p) for p in [first, *rest])
    )


def _credit_comes_first(text: str) -> bool | None:
    """Which side of a credit its caption sits on, from the credit's style.

    ``True``: caption after ("PHOTO X, AGENCY" in French-language layouts), ``False``: caption
    before ("(Getty Images)", "Jane Doe/Reuters", "AP Photo/X"), ``None``: no telling
    ("Photo: X", "Photograph: X", "Credit: X" stand on either side).
    """
    if _CREDIT_CAPS_RE.match(text):
        return True
    if _CREDIT_LABELLED_RE.match(text) or _CREDIT_BY_RE.match(text):
        return None
    if _CREDIT_PAREN_RE.match(text) or _CREDIT_SLASH_RE.match(text):
        return False
    if _PERSON_SLASH_OUTLET_RE.fullmatch(text) or _CREDIT_AGENCY_ALONE_RE.match(text):
        return False
    return None


def is_related_link(text: str) -> bool:
    """Whether ``text`` is a "Read also: ..." / "Related: ..." / "ALSO READ ..." teaser."""
    return bool(_RELATED_RE.match(text) or _RELATED_CAPS_RE.match(text))


_RELATED_MARKER_ALONE_RE = re.compile(
    rf"[\[(【（]?{_RELATED_MARKER}[\])】）]?\s*[:：.!…>»]?", re.IGNORECASE
)


def _related_marker_alone(text: str) -> bool:
    return bool(_RELATED_MARKER_ALONE_RE.fullmatch(text))


def _sentence_safe(text: str, max_words: int = 40) -> bool:
    """Prompt-like lines are short and attribute nothing; a news sentence does."""
    return word_count(text) <= max_words and not _PAST_ATTRIBUTION_RE.search(text)


# A teaser for another page of the paper: "Analysis: the bill's real test ..., page 14".
_PAGE_TEASER_RE = re.compile(
    r"^(?:[A-Z][\w’'-]*(?: [\w’'-]+){0,2})\s*:\s.{5,140}?,?\s+(?:see\s+)?pages?\s+\d{1,3}\.?$"
)


def is_chain_of_prompts(text: str) -> bool:
    """A line of several calls to action, each a prompt alone though the line is too long to
    be read as one ("Get the best of X delivered to your inbox - subscribe to X Daily. Follow
    x.com on Twitter, Instagram, ... and stay in the know"): a site's footer, the same under
    every article, whose names would tie unrelated articles together."""
    sentences = [s.strip() for s in _line_sentences(text)]
    return len(sentences) >= 2 and all(_is_prompt(s) for s in sentences)


def _is_prompt(sentence: str) -> bool:
    return (
        bool(_SHARE_PROMPT_RE.match(sentence))
        and _sentence_safe(sentence)
        or bool(_CALL_TO_ACTION_RE.search(sentence))
        and _sentence_safe(sentence, 45)
    )


# A line of two sentences or more in Chinese (a full-width end with more after it): a prompt
# found anywhere in it, or a teaser at its start, is read by its sentence
# (:func:`cut_inline_prompts`), not taken for the whole line.
_SEVERAL_FULL_WIDTH_RE = re.compile(rf"{FULL_WIDTH_END}\s*\S")


def classify_line(text: str) -> str | None:
    """The removal reason for a line that is junk wherever it stands, else ``None``.

    Only whole-line patterns are used here (cookie banners, comment forms, teasers, credits,
    residue...), tried in the order of :data:`LINE_RULES`. Lines whose status depends on
    neighbours (captions, comments, sub-heads) are decided later.
    """
    return next((reason for rule, reason in LINE_RULES if rule(text)), None)


# (rule, reason), tried in order: the first rule a line meets gives its reason.
LINE_RULES: tuple[tuple[Callable[[str], bool], str], ...] = (
    (lambda t: bool(_COOKIE_RE.match(t)) and len(words(t)) <= 80, "cookie_banner"),
    (lambda t: bool(_BIO_RE.match(t)), "boilerplate"),
    (lambda t: bool(_CLOSING_RE.match(t)) and _sentence_safe(t, 60), "boilerplate"),
    (lambda t: bool(_COMMENT_FORM_RE.match(t) or _COMMENT_HEADER_RE.match(t)), "comment_form"),
    (lambda t: bool(_RESIDUE_RE.match(t)), "scraper_residue"),
    (lambda t: bool(_SHARE_PROMPT_RE.match(t)) and _sentence_safe(t), "share_prompt"),
    (
        lambda t: (
            bool(_CALL_TO_ACTION_RE.search(t))
            and _sentence_safe(t, 45)
            and not _SEVERAL_FULL_WIDTH_RE.search(t)
        ),
        "share_prompt",
    ),
    (lambda t: is_chain_of_prompts(t), "share_prompt"),
    # after the calls to action: "Got a news tip? Call the newsroom at ..." is for readers
    (lambda t: is_newsroom_line(t), "newsroom"),
    (
        lambda t: (
            is_related_link(t) and _sentence_safe(t, 30) and not _SEVERAL_FULL_WIDTH_RE.search(t)
        ),
        "related_link",
    ),
    (lambda t: bool(_PAGE_TEASER_RE.match(t)), "related_link"),
    (lambda t: bool(_SLIDE_COUNTER_RE.match(t)), "slide_counter"),
    (lambda t: bool(_GALLERY_NAV_RE.match(t)), "scraper_residue"),
    (lambda t: is_photo_credit(t), "photo_credit"),
    (lambda t: bool(_CAPTION_LABELLED_RE.match(t)), "caption"),
    (lambda t: bool(_BOILERPLATE_RE.match(t)) and len(words(t)) <= 60, "boilerplate"),
    (lambda t: is_table_row(t), "table"),
    (lambda t: is_navigation_bar(t), "navigation"),
)


_TABLE_ROW_RE = re.compile(r"^\|.*\|$")
_TABLE_RULE_RE = re.compile(r"^\|(\s*:?-{3,}:?\s*\|)+$")


def is_table_row(text: str) -> bool:
    """A row of a data table as trafilatura writes it ("| Rovers | 12 |", "|---|---|"):
    cells between bars; a table of prose is read as text before it comes to this."""
    return bool(_TABLE_RULE_RE.match(text) or (_TABLE_ROW_RE.match(text) and text.count("|") >= 3))


# --- newsroom matter

_NOTES_HEADING = "|".join(merged("NOTES_TO_EDITORS"))
_NOTES_TO_EDITORS_RE = re.compile(rf"^({_NOTES_HEADING})\s*:?$", re.IGNORECASE)
NOTES_TO_EDITORS_LINES = 10  # at most this many lines follow a press release's notes heading


_END_MARK_RE = re.compile(en.END_MARKS)


def cut_notes_to_editors(lines: Sequence[_Line]) -> None:
    """Cut a press release's notes to editors: the few lines to the end under their heading
    ("Notes to editors") or under the release's end mark ("ENDS"): about the organisation,
    whom to call. Cut as ``newsroom``, the heading too."""
    nonblank = _nonblank(lines)
    for pos, line in enumerate(nonblank):
        heading = line.untouched and _NOTES_TO_EDITORS_RE.match(line.text)
        if not (heading or (line.reason == "newsroom" and _END_MARK_RE.match(line.text))):
            continue
        tail = nonblank[pos + 1 :]
        if pos >= 2 and len(tail) <= NOTES_TO_EDITORS_LINES:
            for note in [line, *tail]:
                if note.untouched:
                    note.cut("newsroom")
        return


_NEWSROOM_LINE_RE = _rx(*en.NEWSROOM_LINES)
_NEWSROOM_MARK_RE = _rx(*en.NEWSROOM_MARKS, flags=0)
_NEWSROOM_CONTACT_RE = re.compile(rf"\b({'|'.join(en.NEWSROOM_CONTACT_WORDS)})\b", re.IGNORECASE)
# The tail every telephone number ends with ("555-0147", "(212) 555 0147"), and an e-mail.
_PHONE_RE = gated(re.compile(r"(?<![\d/.,])\d{3}[ .-]\d{4}(?![\d-])"))
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_ADVISORY_RE = re.compile(en.ADVISORY_HEADING)
_BUDGET_TITLE_RE = re.compile(en.NEWS_BUDGET_TITLE, re.IGNORECASE)
_BUDGET_SLUG_RE = re.compile(en.BUDGET_SLUG)
_BUDGET_LENGTH_RE = re.compile(en.BUDGET_LENGTH)
_ADVISORY_FIELD_RE = re.compile(rf"^({'|'.join(en.ADVISORY_FIELDS)})\s*:\s*\S")
_CORRECTIONS_HEADING_RE = _rx(*en.CORRECTIONS_HEADING)
_CORRECTION_WORDS_RE = re.compile(rf"\b({'|'.join(en.CORRECTION_WORDS)})\b", re.IGNORECASE)


def is_newsroom_line(text: str) -> bool:
    """Whether the line is written for editors, not readers: an end mark ("ENDIT"), a wire
    slug, a filing line ("Story Filed By ..."), a note to editors ("Eds: ...", "UPDATES with
    ..."), an embargo, or a desk's telephone or e-mail ("The desk can be reached at
    212-555-0100"). A telephone number for readers ("call police at 555-0110") is news."""
    if _NEWSROOM_LINE_RE.match(text) or _NEWSROOM_MARK_RE.match(text):
        return True
    has_contact = bool(_PHONE_RE.search(text) or ("@" in text and _EMAIL_RE.search(text)))
    return has_contact and len(words(text)) <= 40 and bool(_NEWSROOM_CONTACT_RE.search(text))


def _is_budget_title(text: str) -> bool:
    return (
        len(words(text)) <= 12 and not ends_sentence(text) and bool(_BUDGET_TITLE_RE.search(text))
    )


def _is_budget_entry(text: str) -> bool:
    """A budget's entry: a slug in capitals and a dash, or a length in words ("900 words")."""
    return bool(_BUDGET_SLUG_RE.match(text) or _BUDGET_LENGTH_RE.search(text))


BUDGET_ENTRIES = 3  # a budget lists at least this many stories
NEWSROOM_SHARE = 0.4  # of an article's lines, newsroom matter making it a budget or advisory
TITLED_BUDGET_SHARE = 0.3  # ... or this much under a budget's title ("Sports Budget")
ALL_NEWSROOM_SHARE = 0.6  # newsroom lines of any kind making the article newsroom matter


_SCRAPER_ANSWER_RE = _rx(*merged("SCRAPER_ANSWER"))
_SCRAPER_ANSWERS = [_rx(p) for p in merged("SCRAPER_ANSWER")]
SCRAPER_ANSWER_OPENING = 400  # characters of a text in which a scraper answer must show
SCRAPER_ANSWER_WORDS = (120, 250)  # the most words of such a page saying it once, twice


def scraper_answer(texts: Sequence[str]) -> bool:
    """Whether the text is the site's answer to the program that fetched it, not the article:
    a robot check ("select I AM NOT A ROBOT"), a browser requirement ("cookies must be
    enabled"), an error page ("404 Not Found"). It opens on it and is short: a page that says
    it once has at most 120 words, one that says two such things ("we recorded a huge amount
    of connections ... select I AM NOT A ROBOT") at most 250. An article that ends on "Please
    enable JavaScript to view the comments", or one about robot checks, is news."""
    text = "\n".join(texts)
    if not _SCRAPER_ANSWER_RE.search(text[:SCRAPER_ANSWER_OPENING]):
        return False
    said = sum(1 for pattern in _SCRAPER_ANSWERS if pattern.search(text))  # things, not times
    return sum(len(words(t)) for t in texts) <= SCRAPER_ANSWER_WORDS[min(said, 2) - 1]


# What stands between the parts of a page's title ("Storm hits coast | The Daily Courier",
# "The Daily Courier: Breaking News, Sports, Weather").
_TITLE_PARTS_RE = re.compile(r"\s+[|—–·•»:-]+\s+|\s*[|—–·•»]\s*|:\s+|,\s+|\s+::\s+")
_SECTION_WORDS = _name_set(merged("SECTION_WORDS"))
# What a site says of itself in its title ("The news portal of Vietnam"), a part of it.
_SITE_MOTTO_RE = _rx(*merged("SITE_MOTTOS"))


def _squashed(text: str) -> str:
    """``text``'s letters and digits, folded: "The Daily-Courier" -> "thedailycourier"."""
    return re.sub(r"[\W_]+", "", text.casefold())


def _site_part(part: str, outlet: str | None, domain: str | None) -> bool:
    """Whether one part of a page's title is the site's own name: the outlet the page names
    (its ``og:site_name``), alone or with section words around it ("The Daily Courier
    Online"), the site's domain, spelt out or run together ("dailycourier.com", "Daily
    Courier" on dailycourier.com), or a known wire or broadcaster."""
    if part.casefold() in _KNOWN_OUTLETS or _DOMAIN_RE.match(part):
        return True
    label = domain.removeprefix("www.").split(".")[0] if domain else ""
    names = {name for name in (_squashed(outlet or ""), _squashed(label)) if len(name) >= 3}
    squashed = _squashed(part)
    if squashed in names or squashed.removeprefix("the") in names:
        return True
    at = part.casefold().find(outlet.casefold()) if outlet and len(outlet) >= 3 else -1
    rest = (part[:at] + " " + part[at + len(outlet or "") :]).casefold().split()
    return at >= 0 and all(word in _SECTION_WORDS for word in rest)


def _section_part(part: str) -> bool:
    """A generic section label: "Local News", "Home", "World & Politics"."""
    tokens = part.casefold().split()
    return 1 <= len(tokens) <= 5 and all(t.strip(".") in _SECTION_WORDS for t in tokens)


def _masthead_part(part: str, strict: bool = True) -> bool:
    """A newspaper's name by its shape alone, strictly: "The" and an outlet word last ("The
    Daily Courier", "The Lincoln Star"); "Stocks Hit Record High" is a headline. Not
    ``strict``, "The" may be missing ("Marshall Independent")."""
    tokens = words(part)
    return (
        2 <= len(tokens) <= 5
        and (tokens[0] == "The" or not strict)
        and looks_like_outlet_name(part)
        and bool(_OUTLET_WORD_RE.fullmatch(tokens[-1]))
    )


def _name_part(part: str) -> bool:
    """A name by its shape: one to four capitalised words ("Dan Tri International"), or one
    word with a capital inside it ("DTiNews")."""
    return _looks_like_name(part) or bool(re.fullmatch(r"[A-Z][\w-]*[A-Z][\w-]*", part))


def is_site_title(title: str, outlet: str | None = None, url: str | None = None) -> bool:
    """Whether a page's title is only the site's name and sections, not a headline: "The Daily
    Courier — Local News", "Home | dailycourier.com", "Courier: Breaking News, Sports,
    Weather" (the site's own name given by ``outlet``, ``og:site_name``, or its ``url``'s
    domain). Every part of it must be the site's name (:func:`_site_part`), a section label
    (:func:`_section_part`) or, for one part beside a section label, a masthead by its shape
    (:func:`_masthead_part`); one part that is neither ("Storm hits coast | The Daily
    Courier") makes it a headline.

    >>> is_site_title("The Daily Courier — Local News")
    True
    >>> is_site_title("Storm hits coast | The Daily Courier", "The Daily Courier")
    False
    """
    return site_title_name(title, outlet, url) is not None


def site_title_name(title: str, outlet: str | None = None, url: str | None = None) -> str | None:
    """The site's name in a page's title that is only the site's name and sections
    (:func:`is_site_title`), or None when the title is a headline. Besides the site's name, a
    section label and a masthead by its shape, a part may be what the site says of itself (a
    motto: "la porta di notizie del Vietnam"), beside which any part shaped as a name is the
    site's ("DTiNews - Dan Tri International, ..."); and a name with an outlet word last, "The"
    missing ("Marshall Independent"), is a masthead beside section labels alone ("News, Sports,
    Jobs - Marshall Independent")."""
    domain = re.sub(r"^[a-z]+://", "", url or "").split("/")[0].split(":")[0] or None
    parts = [p.strip(" .") for p in _TITLE_PARTS_RE.split(title.strip()) if p.strip(" .")]
    if not parts:
        return None
    kinds = []
    for part in parts:
        if _site_part(part, outlet, domain):
            kinds.append("site")
        elif _section_part(part):
            kinds.append("section")
        elif _masthead_part(part):
            kinds.append("masthead")
        elif _SITE_MOTTO_RE.match(part):
            kinds.append("motto")
        elif _masthead_part(part, strict=False):
            kinds.append("named")
        elif _name_part(part):
            kinds.append("name")
        else:
            return None
    mottos, named, names = kinds.count("motto"), kinds.count("named"), kinds.count("name")
    if names and not mottos:
        return None  # a name alone beside sections is the headline's subject ("Trump | Politics")
    if named and (named > 1 or any(k not in ("section", "named") for k in kinds)):
        return None
    # a masthead by its shape alone only beside the site's name or a section label
    if kinds.count("masthead") > 1 or kinds == ["masthead"] or kinds == ["named"]:
        return None
    if mottos and len(kinds) == mottos:
        return None  # what a page says, with no name: no telling it from a headline
    for kind in ("site", "masthead", "named", "name"):
        if kind in kinds:
            return parts[kinds.index(kind)]
    return title.strip()


def _headline_over_it(
    lines: Sequence[_Line],
    known_title: str | None,
    outlet: str | None = None,
    url: str | None = None,
) -> bool:
    """Whether the page has a headline of its own over whatever else it holds: a known title,
    a title line, or a first line shaped as a headline over lines all cut (a paywall's or an
    ad-blocker's wall). A headline is still what the outlet reports; a masthead ("The Daily
    Courier": fewer than :data:`HEADLINE_MIN_WORDS` words), a title that is only the site's
    name and sections (:func:`is_site_title`: "The Daily Courier — Local News") or a line that
    is itself the site's answer ("404 - Page not found") is none."""
    found = [known_title] if known_title else []
    found += [ln.text for ln in lines if ln.role == "title"]
    shown = [ln for ln in lines if not ln.blank]
    lone = bool(shown) and all(ln.reason for ln in shown[1:])
    if (
        not found
        and lone
        and shown[0].reason is None  # not itself junk ("We use cookies ... Manage settings")
        and _is_headline_shaped(shown[0].text, allow_question=False)
    ):
        found.append(shown[0].text)
    return any(
        len(words(t)) >= HEADLINE_MIN_WORDS
        and not _SCRAPER_ANSWER_RE.search(t)
        and not is_site_title(t, outlet, url)
        for t in found
    )


HEADLINE_MIN_WORDS = 4


def not_news_reason(
    lines: Sequence[_Line],
    known_title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
) -> str | None:
    """Why the whole article is newsroom matter rather than news, or ``None`` (news).

    A news budget has three entries or more (slugged or with their length in words); an
    advisory has its heading ("MEDIA ADVISORY") or three fields ("WHAT:", "WHEN:", "WHERE:");
    either only when newsroom lines make up 40% of the article (30% under a budget's title).
    Newsroom lines of any kind making up 60% of it make it newsroom matter too. A corrections notice opens on
    its heading and most of its paragraphs correct something. A page with no headline that opens
    on the site's answer to the scraper (:func:`scraper_answer`) holds no article at all, nor
    does one with no headline where what is left once its junk is cut holds no sentence of
    news (:func:`no_article_reason`: a cookie dialog, a paywall); a title that is only the
    site's name and sections is no headline (:func:`is_site_title`: ``outlet`` and ``url``
    name the site). Precision first: a story that
    mentions a budget, a correction or a desk keeps its paragraphs of news, and stays news.
    """
    texts = [ln.text for ln in lines if not ln.blank]
    headline = bool(texts) and _headline_over_it(lines, known_title, outlet, url)
    if texts and not headline and scraper_answer(texts):
        return (
            "the site's answer to the program that fetched the page (a robot check, a browser "
            "requirement or an error page), not the article"
        )
    matter = _newsroom_matter(lines, texts, known_title) if len(texts) >= 2 else None
    if matter is None and texts and not headline and (header := site_header_reason(lines)):
        return header
    if matter is None and texts and not headline:
        # the site's name standing as the title, or as the page's first line ("The Daily
        # Courier — Local News" over a cookie banner) is no sentence of news either
        site = [known_title] if known_title else [ln.text for ln in lines if ln.role == "title"]
        site += [ln.body for ln in lines if ln.kept][:1]
        named = [
            t for t in site if len(words(t)) >= HEADLINE_MIN_WORDS and is_site_title(t, outlet, url)
        ]
        reason = no_article_reason(lines, frozenset(named))
        if reason and named:
            reason += f"; its title, “{named[0]}”, is the site's name, not a headline"
        return reason
    return matter


_SITE_APPEAL_RE = re.compile(rf"(?:^|\s)(?:{'|'.join(merged('SITE_APPEALS'))})$")
SITE_HEADER_WORDS = 80  # the most words left on a site's header page (its motto, its prizes)


def site_header_reason(lines: Sequence[_Line]) -> str | None:
    """Why a page with no headline is the site's header, not an article: it opens on the
    site's name (a first line of fewer than :data:`HEADLINE_MIN_WORDS` words, not a sentence,
    the site's appeal for donations maybe run into it), the appeal stands on that line or the
    next two (:data:`~corroborate.lang.ar.SITE_APPEALS`: "donate to the site - support us"),
    what is left under the name is at most :data:`SITE_HEADER_WORDS` words, and it names the
    site again: the site speaking of itself (its foundation, its motto, its prizes). An
    article under a site's name names something else, or is longer."""
    shown = _nonblank(lines)
    if len(shown) >= 2 and shown[0].reason == "outlet_signature" and shown[1].reason:
        # a site's name over what it says of itself, cut as such (:func:`cut_masthead`), and
        # no sentence of news under them
        under = "\n".join(ln.body for ln in shown[2:] if ln.kept)
        if _SITE_MOTTO_RE.match(shown[1].text) and not holds_news_sentence(under):
            return (
                f"the site's header, not an article: its name (“{shown[0].text}”) and what it "
                "says of itself"
            )
    if len(shown) < 3:
        return None
    appeal = _SITE_APPEAL_RE.search(shown[0].text)
    name = shown[0].text[: appeal.start()].strip() if appeal else shown[0].text
    if not 1 <= len(words(name)) < HEADLINE_MIN_WORDS or _ANY_END_PUNCT_RE.search(name):
        return None
    if not appeal and not any(_SITE_APPEAL_RE.match(ln.text) for ln in shown[1:3]):
        return None
    kept = [ln.body for ln in shown[1:] if ln.kept]
    if sum(len(words(t)) for t in kept) > SITE_HEADER_WORDS or not any(name in t for t in kept):
        return None
    return (
        f"the site's header, not an article: its name (“{name}”), its appeal for donations and "
        "what it says of itself"
    )


def _newsroom_matter(
    lines: Sequence[_Line], texts: list[str], known_title: str | None
) -> str | None:
    """Why the article is newsroom matter (a budget, an advisory, a corrections notice), or
    None (:func:`not_news_reason`)."""
    newsroom = [ln.reason == "newsroom" for ln in lines if not ln.blank]
    titles = [_is_budget_title(t) for t in texts] + [
        bool(known_title and _is_budget_title(known_title))
    ]
    entries = [_is_budget_entry(t) for t in texts]
    fields = [bool(_ADVISORY_FIELD_RE.match(t)) for t in texts]
    matter = sum(any(flags) for flags in zip(newsroom, titles, entries, fields, strict=False))
    share = matter / len(texts)
    enough = share >= (TITLED_BUDGET_SHARE if any(titles) else NEWSROOM_SHARE)
    if sum(entries) >= BUDGET_ENTRIES and enough:
        return f"news budget: {sum(entries)} stories planned for editors, not a story"
    advisory = any(_ADVISORY_RE.match(t) for t in texts) or sum(fields) >= 3
    if advisory and share >= NEWSROOM_SHARE:
        return "advisory to editors and the press (what, when, where, whom to call), not a story"
    if _is_corrections_notice(texts, known_title):
        return "corrections notice: corrections of earlier articles, not a story"
    # a press release's notes to editors (its contact block) under its news are one thing
    # written for the press, however many lines they take
    notes = next(
        (i for i, t in enumerate(texts) if newsroom[i] and _NOTES_TO_EDITORS_RE.match(t)), None
    )
    if notes is not None and notes > 0:
        flags = zip(newsroom[: notes + 1], titles, entries, fields, strict=False)
        matter = sum(any(f) for f in flags)
        share = matter / (notes + 1)
    if matter >= 3 and share >= ALL_NEWSROOM_SHARE:
        return "newsroom matter (notes to editors, filing lines, desk contacts), not a story"
    return None


# A sentence of news has at least this many words (or, in a script written without spaces
# between words, twice as many of its letters): what a consent dialog, a paywall or a script
# demand leaves once its notice is cut ("Accept all", "Manage settings", "Log in") has fewer,
# and "The bridge reopened on Monday." more. Kept low: a page of news is never called empty.
NEWS_SENTENCE_WORDS = 4
# What was cut, as a reader would name it (other reasons are named as they are).
_CUT_NAMES = {
    "cookie_banner": "a cookie consent notice",
    "share_prompt": "subscription, sign-up or paywall prompts",
    "scraper_residue": "page furniture (buttons, labels, a demand for JavaScript)",
    "navigation": "menus",
    "related_link": "links to other articles",
    "comment_form": "a comment form",
    "comments": "reader comments",
    "newsroom": "notes to editors",
    "boilerplate": "bylines and boilerplate",
}


# Cut from an article, but parts of one: a page holding them is no page of junk
# ("WASHINGTON (AP) — Senate passes bill.").
_ARTICLE_PARTS = frozenset({"title", "dateline", "outlet_signature", "subheading"})


def holds_news_sentence(text: str) -> bool:
    """Whether a text holds a sentence that can be news: :data:`NEWS_SENTENCE_WORDS` words
    or more (a script with no spaces between its words counts two letters a word)."""
    return any(word_count(s) >= NEWS_SENTENCE_WORDS for s in rough_sentences(text))


def no_article_reason(
    lines: Sequence[_Line], site_names: frozenset[str] = frozenset()
) -> str | None:
    """Why a page with no headline over it holds no article: junk was cut from it and what is
    left holds no sentence of news (:func:`holds_news_sentence`): a cookie dialog ("We use
    cookies ... Accept all / Manage settings"), a paywall's notice, "Please enable
    JavaScript". None when no junk was cut (a short text is not junk by its length alone; a
    dateline or a sign-off cut from it is part of an article: :data:`_ARTICLE_PARTS`). Lines
    in ``site_names`` (the site's name and sections, :func:`is_site_title`) are no news."""
    cut = Counter(
        piece.reason
        for ln in lines
        for piece in (ln.pieces or ([Removed(ln.text, ln.reason)] if ln.reason else []))
        if piece.reason not in _ARTICLE_PARTS
    )
    kept = [ln.body for ln in lines if ln.kept and ln.body not in site_names]
    if not cut or holds_news_sentence("\n".join(kept)):
        return None
    found = ", ".join(
        f"{_CUT_NAMES.get(reason, reason)} ({n} line{'s' if n > 1 else ''})"
        for reason, n in cut.most_common()
    )
    return f"no article on the page: only {found}, and no sentence of news"


def _is_corrections_notice(texts: Sequence[str], known_title: str | None) -> bool:
    """Opens on a corrections heading, and most of its paragraphs correct something."""
    headings = [texts[0], known_title] if known_title else [texts[0]]
    if not any(_CORRECTIONS_HEADING_RE.match(heading) for heading in headings):
        return False
    paragraphs = [t for t in texts[1:] if len(words(t)) >= 8]
    corrections = [t for t in paragraphs if _CORRECTION_WORDS_RE.search(t)]
    return bool(corrections) and len(corrections) * 2 >= len(paragraphs)


_BAR_SEPARATOR = re.compile(r"\s*[|·•>»›]\s*|\s{2,}")


# A menu item is a few words, and short in characters too: a line of Chinese or Japanese has
# few spaces, so a whole clause is one "word" ("阿图罗·比达尔" splits at a name's middle dot).
NAVIGATION_ITEM_CHARS = 40
_SENTENCE_END = re.compile(r"[.!?,;。！？，；、]$")


def is_navigation_bar(text: str) -> bool:
    """Whether the line is a menu, a breadcrumb or a share bar: three or more short items
    between separators ("Home > News > Local", "Facebook | X | Email | Copy link", "World
    Business  Markets" with runs of spaces), none of them a sentence."""
    items = [item for item in _BAR_SEPARATOR.split(text.strip()) if item]
    return len(items) >= 3 and all(
        len(words(item)) <= 4
        and len(item) <= NAVIGATION_ITEM_CHARS
        and not _SENTENCE_END.search(item)
        for item in items
    )


# --------------------------------------------------------------------------------------------
# Steps


def mark_junk_lines(lines: Sequence[_Line]) -> None:
    """Cut every line that is junk by its own shape (see :func:`classify_line`)."""
    for line in lines:
        if line.untouched:
            reason = classify_line(line.text)
            if reason:
                line.cut(reason)
    # Bylines and date stamps, only among the first lines left.
    for line in [ln for ln in lines if ln.untouched][:4]:
        if _is_top_boilerplate(line.text):
            line.cut("boilerplate")


INLINE_PROMPT_LINE = (3, 40)  # a line of at least this many sentences and words (a page run
# into one line, as many scrapers leave it) is searched for prompts inside it
INLINE_PROMPT_WORDS = 25  # the longest sentence a call to action found inside a line may be


# The words that tie a sentence right after a cookie banner to it ("Weitere Informationen ...
# finden Sie in unserer Datenschutzerklärung.").
_BANNER_WORD_RE = re.compile(rf"\b({'|'.join(merged('BANNER_WORDS'))})\b", re.IGNORECASE)


# A piece this short right after a cookie banner's sentence is a stray piece of it (a machine
# translation's "gen." split off, a "Learn more" button), no sentence of news.
BANNER_FRAGMENT_WORDS = 2


def _inline_prompt(sentence: str, after_cookies: bool) -> str | None:
    """The removal reason of one sentence inside a line, if it is page furniture: a cookie
    banner (and a sentence on cookies right after one), page residue, a comment form's
    lines, a teaser for another article ("READ MORE: ..."), a subscribe or follow prompt, a
    short call to action."""
    if _COOKIE_RE.match(sentence) or (
        after_cookies
        and (_BANNER_WORD_RE.search(sentence) or len(words(sentence)) <= BANNER_FRAGMENT_WORDS)
    ):
        return "cookie_banner"
    if _RESIDUE_RE.match(sentence):
        return "scraper_residue"
    if _COMMENT_FORM_RE.match(sentence) and _sentence_safe(sentence, INLINE_PROMPT_WORDS):
        return "comment_form"
    if (_RELATED_RE.match(sentence) or _RELATED_CAPS_RE.match(sentence)) and _sentence_safe(
        sentence, INLINE_PROMPT_WORDS
    ):
        return "related_link"
    if _SHARE_PROMPT_RE.match(sentence) and _sentence_safe(sentence):
        return "share_prompt"
    if _CALL_TO_ACTION_RE.search(sentence) and _sentence_safe(sentence, INLINE_PROMPT_WORDS):
        return "share_prompt"
    if _CLOSING_RE.match(sentence) and _sentence_safe(sentence):
        return "boilerplate"
    return None


# A full-width sentence end (Chinese, Japanese), with the closing quotes and brackets after it
# and the white space after them: where a line of such text is cut into sentences too.
_FULL_WIDTH_END = re.compile(rf"{FULL_WIDTH_END}\s*")


_AFTER_STOP = re.compile(r"(?<=[.!?])(?=\s)")


def _line_sentences(text: str) -> list[str]:
    """The sentences of a line (:func:`~corroborate.text.rough_sentences`, then cut after each
    full-width end too: "他说。下一句。" is two), each with the white space after it, so that
    they make up the line end to end."""
    out = []
    for piece in _AFTER_STOP.split(text):
        at = 0
        for end in _FULL_WIDTH_END.finditer(piece):
            if 0 < end.end() < len(piece):
                out.append(piece[at : end.end()])
                at = end.end()
        out.append(piece[at:])
    return out


# What a scraper fuses to the front of a sentence: an ad slot's label, a picture's credit in
# brackets; where a sentence starts (the line's start, or after a full stop and a space).
_AD_LABEL = rf"(?:{'|'.join(merged('AD_LABELS'))})"
# A credit labelled "Foto:" (German, Italian, Spanish pages) ending on a photo agency: the
# photographer's name before it ("Foto: Jana Roth/dpa", "Foto: Jana Roth / DPA"), or a name in
# capitals after it ("Foto: REUTERS/JANA ROTH"); bracketed credits right after it go with it.
_NAME_PIECE = r"[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,3}"
_LABELLED_AGENCY_CREDIT = (
    rf"(?:Foto|Fotos|Bild):\s+(?:(?:{_NAME_PIECE}\s*/\s*){{1,3}}(?i:{_PHOTO_AGENCY})"
    rf"(?:/Symbolbild)?|(?i:{_PHOTO_AGENCY})(?:\s*/\s*[A-ZÄÖÜ]{{2,}}){{1,2}}"
    r"(?:\s+[A-ZÄÖÜ][A-ZÄÖÜ-]+){0,2})(?![\w/])(?:\s*\((?:Foto|Bild):[^()]{1,60}\))*"
)
_PHOTO_CREDIT = (
    r"\((?:[A-Z]{2,}\s+)?(?i:photo|foto|image|picture|file photo)\b[^()]{0,80}\)|FILE PHOTO:"
    rf"|{_LABELLED_AGENCY_CREDIT}"
    # a broadcaster's picture credit and the caption's label after it
    r"|Image copyright\s+[^.!?]{1,60}?\s+Image caption"
    # a newspaper group's button to buy the picture
    r"|(?:CLOSE\s+)?Buy Photo"
)
# A newsletter box a scraper ran into the text: its offer, its button, its thanks and its
# error message, all in one run ("Sign up to FREE email alerts ... Subscribe Thank you for
# subscribing See our privacy notice Invalid Email"), in English and machine-translated.
_SIGN_UP_BOX = rf"(?:{'|'.join(merged('SIGN_UP_BOXES'))})"
# An ad slot's notice that the ad did not load ("This advertisement has not loaded yet, but
# your article continues below.").
_AD_NOT_LOADED = r"This advertisement has not loaded yet\b[^.]{0,60}\."
_INLINE_LABEL_RE = re.compile(
    # (in Chinese, after a full-width end or a word of a headline a scraper ran into the line)
    r"(?:^|(?<=[.!?] )|(?<=[.!?][\"”’] )|(?<=[。！？])|(?<=[。！？] )|(?<=[\u4e00-\u9fff] ))"
    rf"(?P<label>{_AD_LABEL}|{_SIGN_UP_BOX}|{_AD_NOT_LOADED}|(?P<credit>{_PHOTO_CREDIT}))"
    r"\s+(?=[\"“‘'«A-ZА-ЯЁ\u4e00-\u9fff\u0621-\u064a])"  # (an Arabic letter starts one too)
)
# A sentence tag a text-processing tool (a machine translator's, a sentence splitter's) left
# standing between two sentences of a line ("... on Tuesday. <s> The fire ..."): markup, no text.
_SENTENCE_TAG_RE = re.compile(r"(?<!\S)</?s>(?!\S)")
# Where furniture starts right after a page's headline run into its first line ("Storm hits
# coast Advertisement The storm ..."): the headline has no full stop to end it.
_AFTER_HEADLINE_RE = re.compile(
    rf"\s(?={_AD_LABEL}\s|{_SIGN_UP_BOX}|{_PHOTO_CREDIT}|{_AD_NOT_LOADED})"
)


# A press release's tail where a page run into one line ends on it: its contact block, from its
# heading ("... Pressekontakt: Rheinische Post Redaktion Telefon: ..."), and its distribution
# line ("Original-Content von: ..., übermittelt durch news aktuell").
_CONTACT_HEADING_RE = re.compile(rf"(?:^|(?<=\s))(?:{_NOTES_HEADING})\s*:\s", re.IGNORECASE)
_CONTACT_FIELD_RE = re.compile(rf"\b(?:{'|'.join(merged('CONTACT_FIELDS'))})\s*:|@", re.IGNORECASE)
_DISTRIBUTION_TAIL_RE = re.compile(rf"(?:^|(?<=\s))(?:{'|'.join(merged('RELEASE_DISTRIBUTION'))})$")
CONTACT_TAIL_WORDS = 60  # the most words from a contact block's heading to the line's end


def _release_tails(body: str) -> tuple[str, list[tuple[str, str | None]]]:
    """``body`` without a press release's tail run into its end, and the tail's pieces with
    their reasons: the contact block from its heading to the end, when it is at most
    :data:`CONTACT_TAIL_WORDS` words and holds a contact field ("Telefon:", "E-Mail:", an
    address with "@"), as ``newsroom`` (for the press, as notes to editors); the distribution
    line as ``boilerplate``; and a site's appeal for donations run into the end of its
    masthead line (:data:`_SITE_APPEAL_RE`) as ``share_prompt``. A line that is only such a
    tail is read whole elsewhere."""
    tails: list[tuple[str, str | None]] = []
    appeal = _SITE_APPEAL_RE.search(body)
    if appeal and appeal.start() > 0:
        tails.append((appeal.group().strip(), "share_prompt"))
        body = body[: appeal.start()].rstrip()
    found = _DISTRIBUTION_TAIL_RE.search(body)
    if found and found.start() > 0:
        tails.insert(0, (found.group(), "boilerplate"))
        body = body[: found.start()].rstrip()
    # a contact block's heading ends in a colon: a line with none (most) is not searched
    headings = _CONTACT_HEADING_RE.finditer(body) if ":" in body else iter(())
    for heading in headings:
        tail = body[heading.start() :]
        if len(words(tail)) <= CONTACT_TAIL_WORDS and _CONTACT_FIELD_RE.search(tail):
            if heading.start() > 0:
                tails.insert(0, (tail.strip(), "newsroom"))
                body = body[: heading.start()].rstrip()
            break
    return body, tails


def _inline_pieces(body: str) -> list[tuple[str, str | None]]:
    """The body of a line as pieces in order, each with the reason it is cut or None: labels
    fused to a sentence's front and sentence tags (:func:`_inline_labels`), then, in a long line of several
    sentences, the sentences that are prompts or banners (:func:`_inline_prompt`), and a
    press release's tail at its end (:func:`_release_tails`)."""
    body, tails = _release_tails(body)
    parts: list[tuple[str, str | None]] = []
    at = 0
    for start, end, label, why in _inline_labels(body):
        parts.append((body[at:start], None))
        parts.append((label, why))
        at = end
    parts.append((body[at:], None))
    searched = bool(_COOKIE_RE.match(body)) or (  # a banner left when a headline was split off
        word_count(body) >= INLINE_PROMPT_LINE[1]
        and len(_line_sentences(body)) >= INLINE_PROMPT_LINE[0]
    )
    out: list[tuple[str, str | None]] = []
    reason: str | None = None
    for text, cut in parts:
        if cut is not None or not searched:
            if text.strip():
                out.append((text.strip(), cut))
            continue
        for sentence in (s.strip() for s in _line_sentences(text)):
            if sentence:
                reason = _inline_prompt(sentence, after_cookies=reason == "cookie_banner")
                out.append((sentence, reason))
    return out + tails


def _inline_labels(body: str) -> list[tuple[int, int, str, str]]:
    """Where a line holds a label fused to a sentence's front (:data:`_INLINE_LABEL_RE`) or a
    sentence tag (:data:`_SENTENCE_TAG_RE`): start, end, the label and why it is cut, in order."""
    found = [
        (
            m.start(),
            m.end(),
            m.group("label"),
            "photo_credit" if m.group("credit") else "scraper_residue",
        )
        for m in _INLINE_LABEL_RE.finditer(body)
    ]
    if "<" in body:
        found += [
            (m.start(), m.end(), m.group(), "scraper_residue")
            for m in _SENTENCE_TAG_RE.finditer(body)
            if not any(start <= m.start() < end for start, end, _, _ in found)
        ]
        found.sort()
    return found


def split_fused_headline(
    lines: Sequence[_Line], known_title: str | None
) -> tuple[str | None, str | None]:
    """Split a headline a scraper ran into the text's first line, where what follows it gives
    its end away: the page's furniture ("Storm hits coast Advertisement The storm hit ...",
    "... reception Image copyright EPA Image caption ..."; :data:`_AFTER_HEADLINE_RE`), the
    lede's dateline ("Storm hits coast HALIFAX, N.S. — The storm ..."; :func:`split_dateline`)
    or a date stamp and its update's (:data:`_STAMP_AFTER_HEADLINE_RE`, cut as boilerplate).
    The run before it, headline-shaped and of :data:`HEADLINE_MIN_WORDS` or more, is the
    title; the rest of the line stays its body (a dateline cut off it, furniture cut next by
    :func:`cut_inline_prompts`). Returns that headline when the record has no title of its own
    (under a known title that differs, the headline is in ``removed`` as ``title``), and the
    outlet a dateline names. Without such a cue nothing says where a headline would end, and
    nothing is split."""
    first = next((ln for ln in lines if not ln.blank), None)
    if first is None or not first.untouched:
        return None, None
    pieces: list[Removed] = []
    outlet = None
    mark = _AFTER_HEADLINE_RE.search(first.text)
    if mark is not None:
        head, rest = first.text[: mark.start()].strip(), first.text[mark.end() :].strip()
    elif (found := _dateline_after_headline(first.text)) is not None:
        head, dateline, outlet, rest = found
        pieces.append(Removed(dateline, "dateline"))
    elif (banner := _banner_after_headline(first.text)) is not None:
        head, rest = banner
    elif (stamp := _STAMP_AFTER_HEADLINE_RE.search(first.text)) is not None:
        head, rest = first.text[: stamp.start()].strip(), first.text[stamp.end() :].strip()
        pieces.append(Removed(stamp.group("stamp"), "boilerplate"))
    else:
        return None, None
    if not (
        rest
        and len(words(head)) >= HEADLINE_MIN_WORDS
        # at most 25 words; a quote may open it ("«Name» says ..."): the furniture or dateline
        # after it, not a blank line, tells where it ends
        and _is_headline_shaped(head, allow_question=True, allow_quote=True)
        and not _SENTENCE_INSIDE_RE.search(head)
    ):
        return None, None
    first.body = rest.strip()
    site = site_title_name(head)
    if site is not None:  # the site's name and sections, no headline ("News, Sports - X")
        first.pieces = [Removed(head, "outlet_signature"), *pieces]
        return None, outlet or site
    if known_title and _squeezed(head) != _squeezed(known_title):
        first.pieces = [Removed(head, "title"), *pieces]
        return None, outlet
    first.pieces = pieces
    return head, outlet


# A full stop after a lower-case word inside a run ("... 2023 19) continue. REUTERS/..."): a
# sentence ended there, and the run is no headline ("Gov. Mike DeWine ..." is one).
_SENTENCE_INSIDE_RE = re.compile(r"\b[^\W\d_]*[a-z]{3,}\.\s")


def _banner_after_headline(text: str) -> tuple[str, str] | None:
    """``(headline, rest)`` when a cookie banner (:data:`_COOKIE_RE`) starts after the first
    :data:`HEADLINE_MIN_WORDS` words of ``text`` and within a headline's length ("Schweiz
    schränkt Export ein Um die Funktion unserer Website zu verbessern, ... sammeln wir ...",
    "... zurecht - News Cookie-InformationenDieses Seite verwendet Cookies"); else None. The
    banner's sentences are cut next (:func:`cut_inline_prompts`)."""
    for match in list(re.finditer(r"\S+", text))[HEADLINE_MIN_WORDS:26]:
        if match.group()[:1].isupper() and _COOKIE_RE.match(text[match.start() :]):
            return text[: match.start()].strip(), text[match.start() :].strip()
    return None


def _dateline_after_headline(text: str) -> tuple[str, str, str | None, str] | None:
    """``(headline, dateline, outlet, rest)`` when a dateline (:func:`split_dateline`) starts
    after the first :data:`HEADLINE_MIN_WORDS` words of ``text`` and within a headline's
    length, its place in capitals ("LOS ANGELES (AP) —", "WASHINGTON, D.C. –"): inside a
    line, a place in ordinary case or a bracket alone ("... im Irak Bagdad (dpa) -", "...
    Kulturminister (SPD)") may as well be the headline's own words; else None."""
    starts = [m.start() for m in re.finditer(r"\S+", text)][HEADLINE_MIN_WORDS:26]
    for at in starts:
        if not text[at].isupper():
            continue
        parts = split_dateline(text[at:])
        if parts is None:
            continue
        dateline, outlet, rest = parts
        place = re.split(r"[(,]", dateline, maxsplit=1)[0]
        letters = re.sub(r"[^\w]", "", place)
        # one short word in capitals is more often the headline's acronym ("... title WBC
        # (CNN)", "... Exits EPP (Bloomberg) --") than a town
        named = len(place.split()) >= 2 and len(letters) >= 3 or len(letters) >= 4
        if named and place.upper() == place:
            return text[:at].strip(), dateline, outlet, rest
    return None


def cut_inline_prompts(lines: Sequence[_Line]) -> None:
    """Cut what a scraper left inside a line: an ad slot's label or a picture's credit fused to
    the front of a sentence ("ADVERTISEMENT Attack on ...", "(Photo: AP) The minister ..."), a
    sentence tag between two sentences ("... on Tuesday. <s> The fire ..."), and, in a long line of several sentences (a page scraped into one line), the prompts and
    banners between its sentences ("Sign up here", "We use cookies to ensure ...", "Follow us
    on Twitter"), where no whole-line rule can see them. The text kept on each side of a cut
    stays a line of the text; each cut piece is in ``removed``."""
    for line in lines:
        if line.reason is not None or line.role is not None or not line.body:
            continue
        pieces = _inline_pieces(line.body)
        if all(reason is None for _, reason in pieces):
            continue
        kept: list[str] = [""]
        at = 0  # where the last piece ended in the body
        for text, reason in pieces:
            start = line.body.find(text, at)
            if reason is None:
                # pieces are joined as in the body: by a space, or by nothing where no space
                # was (after a full-width sentence end: "他说。下一句。")
                joiner = "" if start == at else " "
                kept[-1] += (joiner if kept[-1] else "") + text
            else:
                line.pieces = [*line.pieces, Removed(text, reason)]
                if kept[-1]:
                    kept.append("")
            if start >= 0:
                at = start + len(text)
        line.body = "\n".join(run for run in kept if run)


PULL_QUOTE_WORDS = (6, 40)  # a pull quote's length, in words
PULL_QUOTE_REACH = 8  # how many lines away from the paragraph it repeats


def cut_pull_quotes(lines: Sequence[_Line]) -> None:
    """Cut pull quotes: a short line repeating, word for word, part of a paragraph close by
    ("The river is never the same twice." beside the paragraph that says it), as
    ``pull_quote``. The paragraph stays; only its echo goes."""
    kept = [ln for ln in lines if ln.kept]
    normalised: dict[str, str] = {}  # a paragraph is compared with the short lines around it
    for pos, line in enumerate(kept):
        low, high = PULL_QUOTE_WORDS
        if not line.untouched or not low <= len(words(line.text)) <= high:
            continue
        echo = _normalise(line.text)
        near = kept[max(0, pos - PULL_QUOTE_REACH) : pos + PULL_QUOTE_REACH + 1]
        if any(
            other is not line
            and len(other.body) > len(line.text)
            and echo in _normalised(other.body, normalised)
            for other in near
        ):
            line.cut("pull_quote")


def _normalised(text: str, known: dict[str, str]) -> str:
    """:func:`_normalise` of ``text``, kept in ``known``."""
    if text not in known:
        known[text] = _normalise(text)
    return known[text]


def mark_consent_buttons(lines: Sequence[_Line]) -> None:
    """Cut the "Accept" / "Reject all" / "Settings" buttons standing next to a cookie banner."""
    nonblank = _nonblank(lines)
    for pos, line in enumerate(nonblank):
        if not (line.untouched or line.reason in ("scraper_residue", "related_link")):
            continue
        if not _CONSENT_BUTTON_RE.match(line.text):
            continue
        near = nonblank[max(0, pos - 3) : pos + 4]
        if any(other.reason == "cookie_banner" for other in near if other is not line):
            line.cut("cookie_banner")
        elif line.untouched and _CONSENT_ONLY_RE.match(line.text):
            line.cut("scraper_residue")


_SPONSORED_MARKER_RE = _rx(rf"^({_SPONSORED})\s*:?$")


def mark_related_followers(lines: Sequence[_Line]) -> None:
    """After a bare "Related" / "Read more:" marker, cut the teaser headlines listed under it;
    after a "Sponsored" one, the advertisers' teasers ("... on select models!"). Not after
    "Advertisement": in a page's middle, the article goes on below it."""
    nonblank = _nonblank(lines)
    for pos, line in enumerate(nonblank):
        if line.reason == "related_link" and _related_marker_alone(line.text):
            reason, shouts = "related_link", False
        elif line.reason == "scraper_residue" and _SPONSORED_MARKER_RE.match(line.text):
            reason, shouts = "scraper_residue", True
        else:
            continue
        for follower in nonblank[pos + 1 : pos + 7]:
            text = re.sub(r"^\d{1,2}[.)]\s+", "", strip_bullet(follower.text))  # "1. ..."
            if (
                follower.untouched
                and len(words(text)) <= 20
                and (not _ANY_END_PUNCT_RE.search(text) or (shouts and text.endswith("!")))
                and capital_or_caseless(text[:1])
            ):
                follower.cut(reason)
            else:
                break


def cut_inline_credits(lines: Sequence[_Line]) -> None:
    """Split "Caption text. (AP Photo/Jane Doe)" into a caption and a credit.

    The caption part is cut as ``caption`` unless it reads like news (it attributes something
    or is long), in which case only the credit is cut and the text stays.
    """
    for line in lines:
        labelled_caption = line.reason == "caption" and not line.pieces
        if not (line.untouched or labelled_caption):
            continue
        match = next((m for rx in _INLINE_CREDIT_RES if (m := rx.search(line.text))), None)
        if not match:
            continue
        credit = match.group("credit").strip()
        before = line.text[: match.start("credit")].rstrip()
        if not before:
            continue  # a standalone credit; classify_line handles it
        if len(words(credit)) > 16:
            continue
        if not labelled_caption and (_ATTRIBUTION_RE.search(before) or len(words(before)) > 60):
            line.pieces = [Removed(credit, "photo_credit")]
            line.body = before
        else:
            line.cut("caption")
            line.pieces = [Removed(before, "caption"), Removed(credit, "photo_credit")]


# Words and marks found in captions and not in news prose.
_CAPTION_WORDS_RE = re.compile("|".join(en.CAPTION_WORDS), re.IGNORECASE)
# A caption ends on when the picture was taken: "... in September 2023.", "... on Friday.",
# "..., Friday, Jan. 26, 2024.", "... on Monday evening."
_DATED_ENDING_RE = re.compile(
    rf"(\b(in|on)\s+|,\s*)(({_WEEKDAY},?\s+)?({_MONTH}\s+(\d{{1,2}},?\s+)?\d{{4}}|"
    rf"\d{{1,2}}\s+{_MONTH}(\s+\d{{4}})?)|{_WEEKDAY}(\s+(morning|afternoon|evening|night))?)"
    r"[\"'”’)\]]*[.]?$"
)
# Future and modal markers: "Officials meet again on Friday" is a plan, not a picture.
_NOT_NOW_RE = re.compile(rf"\b({'|'.join(en.NOT_NOW_WORDS)})\b", re.IGNORECASE)
_PAST_TENSE_RE = re.compile(rf"\b([a-z]{{3,}}ed|{'|'.join(en.IRREGULAR_PAST_TENSE)})\b")


def looks_like_caption(text: str) -> bool:
    """Whether ``text`` reads like a photo caption rather than news prose.

    Captions name what is seen ("(L)", "pictured", "looks on", "in this photo") or describe it
    in the present tense and then say when ("Migrants walk through the jungle ... in September
    2023.", "Smoke rises behind the water tower on Friday."), which news prose, telling past
    events in the past tense and plans with "will", does not.
    """
    if _CAPTION_WORDS_RE.search(text):
        return True
    return (
        bool(_DATED_ENDING_RE.search(text))
        and not _PAST_TENSE_RE.search(text)
        and not _NOT_NOW_RE.search(text)
    )


def _caption_shaped(text: str) -> bool:
    """Short enough for a caption, and not attributing anything or opening a list or quote."""
    return (
        0 < len(words(text)) <= 50
        and not _ATTRIBUTION_RE.search(text)
        and not text.startswith(tuple(_QUOTE_CHARS))
        and not text.rstrip().endswith(":")
    )


def cut_captions(lines: Sequence[_Line]) -> None:
    """Cut the captions that stand around photo credits and slide counters.

    A caption is cut when the page's structure shows it: a line repeated near a credit (the
    gallery title and its caption), a short bullet item beside a credit (gallery captions), a
    line held between a slide counter and a credit, or the line on the credit's caption side
    -- learned from repeats in the same article, else from the credit's style -- when it also
    reads like a caption (:func:`looks_like_caption`).
    """
    nonblank = _nonblank(lines)
    anchors = [p for p, ln in enumerate(nonblank) if ln.reason in ("photo_credit", "slide_counter")]
    credits = [p for p in anchors if nonblank[p].reason == "photo_credit"]
    if not anchors:
        return
    learned = _cut_repeated_captions(nonblank, credits)
    _cut_gallery_bullets(nonblank, anchors)
    _cut_slide_captions(nonblank)
    for pos in credits:
        _cut_caption_beside(nonblank, pos, learned)


def _untouched_at(nonblank: Sequence[_Line], pos: int) -> _Line | None:
    if 0 <= pos < len(nonblank) and nonblank[pos].untouched:
        return nonblank[pos]
    return None


def _cut_repeated_captions(nonblank: Sequence[_Line], credits: Sequence[int]) -> str | None:
    """Cut lines repeated close to a credit (a gallery's title and its caption); the side of
    the credit they stand on, when the repeats agree on one (``"after"``, ``"before"``)."""
    votes = {"after": 0, "before": 0}
    for pos in credits:
        groups: dict[str, list[int]] = {}
        for p in range(pos - 3, pos + 4):
            if p == pos or _untouched_at(nonblank, p) is None:
                continue
            text = nonblank[p].text
            if _caption_shaped(strip_bullet(text)):
                groups.setdefault(_normalise(text), []).append(p)
        for members in groups.values():
            if len(members) < 2:
                continue
            sample = strip_bullet(nonblank[members[0]].text)
            if ends_sentence(sample) and not looks_like_caption(sample):
                continue  # a duplicated paragraph, not a caption: keep it
            if pos + 1 in members:
                votes["after"] += 1
            elif pos - 1 in members:
                votes["before"] += 1
            for p in members:
                nonblank[p].cut("caption")
    if votes["after"] == votes["before"]:
        return None
    return "after" if votes["after"] > votes["before"] else "before"


def _cut_gallery_bullets(nonblank: Sequence[_Line], anchors: Sequence[int]) -> None:
    """Cut short bullet items beside a credit or counter (gallery captions)."""
    for pos in anchors:
        for p in (pos - 2, pos - 1, pos + 1, pos + 2):
            line = _untouched_at(nonblank, p)
            if line is None or not is_bullet(line.text):
                continue
            item = strip_bullet(line.text)
            if len(words(item)) <= 15 and not ends_sentence(item):
                line.cut("caption")


def _cut_slide_captions(nonblank: Sequence[_Line]) -> None:
    """Cut a line between a slide counter (above) and a credit (below): that slide's caption."""
    for pos in range(1, len(nonblank) - 1):
        line = nonblank[pos]
        above, below = nonblank[pos - 1].reason, nonblank[pos + 1].reason
        if (
            line.untouched
            and above == "slide_counter"
            and below == "photo_credit"
            and _caption_shaped(line.text)
        ):
            line.cut("caption")


def _cut_caption_beside(nonblank: Sequence[_Line], pos: int, learned: str | None) -> None:
    """Cut the line on the caption side of the credit at ``pos`` when it has no caption yet:
    the side ``learned`` from repeats, else the credit's style says; with neither, the one
    side whose line reads like a caption."""
    neighbours = [nonblank[p] for p in (pos - 1, pos + 1) if 0 <= p < len(nonblank)]
    if any(n.reason == "caption" for n in neighbours):
        return
    style = _credit_comes_first(nonblank[pos].text)
    side = learned or {True: "after", False: "before", None: None}[style]
    sides = [side] if side else ["before", "after"]
    chosen = []
    for s in sides:
        line = _untouched_at(nonblank, pos + 1 if s == "after" else pos - 1)
        if line is None or not _caption_shaped(line.text):
            continue
        short_label = len(words(line.text)) <= 20 and not _ANY_END_PUNCT_RE.search(line.text)
        if looks_like_caption(line.text) or (short_label and len(sides) == 1):
            chosen.append(line)
    if len(chosen) == 1:
        chosen[0].cut("caption")


# --- comments


_OPINION_RE = re.compile(rf"\b({'|'.join(en.OPINION_WORDS)})\b", re.IGNORECASE)
# Replies that open a comment ("Well said.", "Agreed!", "Great article").
_REPLY_OPENER_RE = re.compile(rf"^({'|'.join(en.REPLY_OPENERS)})\b", re.IGNORECASE)
_FIRST_PERSON_RE = re.compile(
    r"\b(I|I['’](m|ve|d|ll)|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself|[Ww]e|[Ww]e['’](re|ve|d|ll)|[Oo]ur|"
    r"[Oo]urs|[Oo]urselves|us)\b"
)
_SECOND_PERSON_RE = re.compile(r"\b([Yy]ou|[Yy]our|[Yy]ou['’](re|ve|d|ll)|[Yy]ours)\b")
_SHOUT_RE = re.compile(rf"\b({'|'.join(en.SHOUTED_WORDS)})\b")
_CHAT_PUNCT_RE = re.compile(r"\?\?|!!|\.\s\.\s\.|(?<!\.)\.\.(?!\.)|\(\(\(|\)\)\)|:\)|;\)|:\(")
_CHAT_OPENER_RE = re.compile(rf"^({'|'.join(en.CHAT_OPENERS)})\b", re.IGNORECASE)


@lru_cache(maxsize=8192)
def comment_signal(text: str) -> int:
    """How strongly a line reads like a reader's comment: 0 not, 1 weakly, 2 strongly.

    Weak signals are shared with first-person columns: the writer's own "I"/"we"/"you"
    outside quotes, a chatty opener ("Well", "And", "Or", "Excuse me"). Strong signals are not:
    shouting in capitals, chatty punctuation ("???", ". . ."), insults, a reply formula ("Well
    said.", "Great article"), a lower-case start, a very short reply.
    """
    plain = _outside_quotes(text)
    if not any(c.isalpha() for c in plain):
        return 0
    if reads_as_reply(text) or (len(words(text)) <= 5 and not _ATTRIBUTION_RE.search(text)):
        return 2
    if (
        _FIRST_PERSON_RE.search(plain)
        or _SECOND_PERSON_RE.search(plain)
        or _CHAT_OPENER_RE.match(text.lstrip(" .…-–—("))
    ):
        return 1
    return 0


@lru_cache(maxsize=8192)
def reads_as_reply(text: str) -> bool:
    """Whether what a line says, not only its length, is a reader's: shouting in capitals,
    chatty punctuation, insults, a reply formula ("Well said."), a lower-case start."""
    plain = _outside_quotes(text)
    first_letter = next((c for c in text if c.isalpha()), "")
    return bool(
        _SHOUT_RE.search(plain)
        or _CHAT_PUNCT_RE.search(plain)
        or _OPINION_RE.search(plain)
        or _REPLY_OPENER_RE.match(text.lstrip(_QUOTE_CHARS + " "))
        or lower_case(first_letter)
    )


def looks_like_comment(text: str) -> bool:
    """Whether a line reads like a reader's comment rather than reported news
    (see :func:`comment_signal`)."""
    return comment_signal(text) > 0


@lru_cache(maxsize=8192)
def looks_like_news(text: str) -> bool:
    """Whether a line reads like reported news: it attributes, in the third person, at length."""
    plain = _outside_quotes(text)
    return (
        len(words(text)) >= 6
        and bool(_ATTRIBUTION_RE.search(text))
        and not _FIRST_PERSON_RE.search(plain)
        and not _OPINION_RE.search(plain)
    )


def is_comment_meta(text: str) -> bool:
    """A comment's furniture: "Jane says:", "January 5, 2024 at 3:12 pm", "Reply", "3 likes"."""
    return bool(_COMMENT_META_RE.match(text) or _COMMENTER_RE.match(text))


def looks_like_comment_thread(texts: Sequence[str], meta_count: int = 0) -> bool:
    """Whether lines that follow an article's end form a reader-comment thread.

    At least 40% of the lines must read like comments, a fifth strongly (so a first-person
    column is not taken for comments), and at most 25% like news; or, with comment furniture
    (names, timestamps, "Reply") present, at most half like news.
    """
    signals = [comment_signal(t) for t in texts]
    return _thread_verdict(
        len(texts),
        comments=sum(1 for sig in signals if sig),
        strong=sum(1 for sig in signals if sig == 2),
        news=sum(looks_like_news(t) for t in texts),
        meta=meta_count,
    )


def _thread_verdict(n: int, *, comments: int, strong: int, news: int, meta: int) -> bool:
    if n == 0:
        return meta > 0
    if meta >= 2 and news <= 0.5 * n:
        return True
    return comments >= max(1.0, 0.4 * n) and strong >= max(1.0, 0.2 * n) and news <= 0.25 * n


@dataclass(frozen=True)
class _TailCounts:
    """What the untouched lines of one tail of an article hold."""

    lines: int = 0
    comments: int = 0  # read like comments, weakly or strongly
    strong: int = 0  # strongly
    news: int = 0  # read like reported news
    meta: int = 0  # comment furniture: "Jane says:", time stamps, "Reply"
    replies: int = 0  # a reader's voice in what they say (reads_as_reply), not only short
    chars: int = 0

    def plus(self, line: _Line) -> _TailCounts:
        meta = self.meta + (
            (line.untouched or line.reason == "comment_form") and is_comment_meta(line.text)
        )
        if not line.untouched:
            return replace(self, meta=meta)
        sig = comment_signal(line.text)
        return _TailCounts(
            lines=self.lines + 1,
            comments=self.comments + (sig > 0),
            strong=self.strong + (sig == 2),
            news=self.news + looks_like_news(line.text),
            meta=meta,
            replies=self.replies + (sig == 2 and reads_as_reply(line.text)),
            chars=self.chars + len(line.text),
        )


# Without comment furniture, a tail this many times longer than the article before it is more
# likely the article going on than its readers' replies.
REPLIES_TO_ARTICLE = 3


class _Tails:
    """Comment statistics of every tail of an article, computed once (linear, not quadratic).

    ``verdict(start)`` says whether the untouched lines from position ``start`` on form a
    comment thread; ``proven_thread(start)`` whether the page's structure or its readers'
    voice proves it; ``paragraphs_before(pos)`` counts the body paragraphs before ``pos``.
    """

    def __init__(self, nonblank: Sequence[_Line], first: int = 0) -> None:
        """Statistics for the tails starting at ``first`` or later."""
        n = len(nonblank)
        self.lines = nonblank
        self.first = first
        self.suffix = [_TailCounts()] * (n + 1)
        for pos in range(n - 1, first - 1, -1):
            self.suffix[pos] = self.suffix[pos + 1].plus(nonblank[pos])
        self.prefix = [0] * (n + 1)
        self.body_chars = [0] * (n + 1)
        for pos, line in enumerate(nonblank):
            paragraph = line.kept and is_paragraph(line.body)
            self.prefix[pos + 1] = self.prefix[pos] + paragraph
            self.body_chars[pos + 1] = self.body_chars[pos] + (len(line.body) if line.kept else 0)

    def _at(self, start: int) -> _TailCounts:
        assert start >= self.first, "tail statistics were not computed that far back"
        return self.suffix[min(start, len(self.lines))]

    def has_body(self, start: int) -> bool:
        return self._at(start).lines > 0

    def verdict(self, start: int) -> bool:
        t = self._at(start)
        return _thread_verdict(
            t.lines, comments=t.comments, strong=t.strong, news=t.news, meta=t.meta
        )

    def proven_thread(self, start: int) -> bool:
        """Whether the lines from ``start`` on are proven a comment thread, as a cut of all of
        them after a sign-off must be: by comment furniture (two author or time-stamp lines,
        or a comment heading or form opening them), or by their voice -- a quarter of them
        replies in what they say (:func:`reads_as_reply`), the rest not news, and not several
        times as long as the article before them."""
        t = self._at(start)
        if not self.verdict(start):
            return False
        opened = any(ln.reason == "comment_form" for ln in self._leading_cut(start))
        if t.meta >= 2 or opened:
            return True
        return (
            t.replies >= max(1.0, 0.25 * t.lines)
            and t.chars <= REPLIES_TO_ARTICLE * self.body_chars[start]
        )

    def _leading_cut(self, start: int) -> list[_Line]:
        """The lines already cut that stand right at ``start``, before its first untouched one."""
        leading = []
        for line in self.lines[start:]:
            if line.untouched:
                break
            leading.append(line)
        return leading

    def paragraphs_before(self, pos: int) -> int:
        return self.prefix[pos]

    def cut_from(self, start: int) -> None:
        for line in self.lines[start:]:
            if line.untouched:
                line.cut("comments")


def find_signoff(lines: Sequence[_Line], known_outlet: str | None = None) -> int | None:
    """Position (in the non-blank lines) of the outlet's sign-off line, or ``None``.

    A sign-off is a line that is only an outlet's name ("Mexico News Daily", "— Reuters"),
    after which comes nothing of the article: nothing at all, junk only, or a proven comment
    thread (after at least two paragraphs of article); after two paragraphs, a name signed
    with a dash ("— Alder Valley Courier") is one by its form. A bare name of the ``known_outlet`` is a
    sign-off wherever it stands after two paragraphs; any short capitalised name is one when a comment section
    ("7 comments", "Leave a Reply", "Jane says:") opens right under it.
    """
    nonblank = _nonblank(lines)
    tails: _Tails | None = None
    for pos, line in enumerate(nonblank):
        if not line.untouched:
            continue
        name = _signoff_name(line.text)
        if name is None:
            continue
        if not looks_like_outlet_name(name, known_outlet):
            # Any short capitalised name ("PortCity Now") signs off when the comment section
            # starts right under it.
            nxt = nonblank[pos + 1] if pos + 1 < len(nonblank) else None
            inside_comments = pos > 0 and nonblank[pos - 1].reason == "comment_form"
            opens_comments = nxt is not None and nxt.reason == "comment_form"
            if inside_comments or not (opens_comments and _looks_like_name(name)):
                continue
            tails = tails or _Tails(nonblank, pos)
            if tails.paragraphs_before(pos) >= 2:
                return pos
            continue
        tails = tails or _Tails(nonblank, pos)
        if not tails.has_body(pos + 1):
            return pos
        signed = line.text[:1] in "—–-~"  # "— Reuters": a sign-off by its form
        if tails.paragraphs_before(pos) >= 2 and (signed or tails.proven_thread(pos + 1)):
            return pos
        if known_outlet and _same_name(name, known_outlet) and tails.paragraphs_before(pos) >= 2:
            return pos  # at the top, with the article under it, it is the masthead
    return None


def _looks_like_name(text: str) -> bool:
    """A short proper name: 1-4 capitalised (or CamelCase) words, no sentence punctuation."""
    tokens = words(text)
    if not 1 <= len(tokens) <= 4 or len(text) > 40 or _ANY_END_PUNCT_RE.search(text):
        return False
    return all(
        t[:1].isupper() or t[:1].isdigit() or t.casefold() in _NAME_CONNECTORS for t in tokens
    )


def _signoff_name(text: str) -> str | None:
    match = re.fullmatch(r"[\s—–\-~•|/]*\(?\s*([^()]{2,60}?)\s*\)?[\s.]*", text)
    return match.group(1) if match else None


def cut_signoff_and_comments(lines: Sequence[_Line], known_outlet: str | None) -> str | None:
    """Cut the sign-off line (returning the outlet it names) and the comment thread after it,
    when one is proven (:meth:`_Tails.proven_thread`): an outlet's name in the middle of a
    page is no licence to cut the rest of it."""
    pos = find_signoff(lines, known_outlet)
    if pos is None:
        return None
    nonblank = _nonblank(lines)
    signoff = nonblank[pos]
    name = _signoff_name(signoff.text) or signoff.text
    tails = _Tails(nonblank, pos)
    signoff.cut("outlet_signature")
    if tails.has_body(pos + 1) and tails.proven_thread(pos + 1):
        tails.cut_from(pos + 1)
    return name


def cut_comment_thread(lines: Sequence[_Line]) -> None:
    """Cut a comment thread announced by a header ("12 comments", "Leave a Reply") or by
    comment furniture ("Jane says:", timestamps), when what follows reads like comments."""
    nonblank = _nonblank(lines)
    tails: _Tails | None = None
    for pos, line in enumerate(nonblank):
        starter = line.reason == "comment_form" or (line.untouched and is_comment_meta(line.text))
        if not starter:
            continue
        tails = tails or _Tails(nonblank, pos)
        if tails.paragraphs_before(pos) < 2:
            continue
        start = pos if line.untouched else pos + 1
        if tails.has_body(start) and tails.verdict(start):
            tails.cut_from(start)
            return


# --- dateline

_DASH = r"(?:—|–|--?|:)"
_DATELINE_PAREN_RE = re.compile(
    r"^(?P<pre>[A-ZÀ-Ý][^()\"“”—–:]{0,60}?)?\s*\((?P<name>[^()]{2,60})\)\s*"
    rf"(?P<dash>{_DASH})?\s*(?=\S)"
)
_DATELINE_CAPS_RE = re.compile(
    r"^(?P<pre>[A-ZÀ-Ý][A-ZÀ-Ý .'’-]{1,40}[A-ZÀ-Ý](?:,\s*[^—–\"“”]{1,30}?)?)\s+(?:—|–|--)\s*(?=\S)"
)


def split_dateline(text: str) -> tuple[str, str | None, str] | None:
    """Split a leading dateline off a body line.

    Returns ``(dateline, outlet, rest)`` where ``outlet`` is the outlet named in the dateline
    or ``None`` for a place-only dateline; ``None`` when the line has no dateline.

    Recognised: "LONDON (Reuters) - ...", "WASHINGTON, Jan 5 (AP) — ...",
    "Mexico (Some Insider Magazine)— ...", "(AFP) - ...", "(Washington) The ...",
    "MEXICO CITY — ...".
    """
    match = _DATELINE_PAREN_RE.match(text)
    if match:
        pre = (match.group("pre") or "").strip()
        name = match.group("name").strip()
        dash = match.group("dash")
        rest = text[match.end() :]
        if len(words(rest)) < 3 or len(words(pre)) > 8:
            return None
        outlet_like = looks_like_outlet_name(name)
        if pre and not ((dash or pre.isupper()) and _looks_like_place_and_date(pre)):
            return None
        if outlet_like or (pre and dash and _is_wire_acronym(name)):
            return text[: match.end()].rstrip(), name, rest
        if not pre and _looks_like_place(name) and (rest[:1].isupper() or dash):
            return text[: match.end()].rstrip(), None, rest
        return None  # "Mexico (Jalisco) — ..." and other parentheses: keep as body
    match = _DATELINE_CAPS_RE.match(text)
    if match:
        place = match.group("pre").split(",")[0]
        letters = re.sub(r"[^A-ZÀ-Ý]", "", place)
        rest = text[match.end() :]
        if (len(words(place)) >= 2 or len(letters) >= 5) and len(words(rest)) >= 3:
            return text[: match.end()].rstrip(), None, rest
    return None


def _looks_like_place_and_date(text: str) -> bool:
    """Whether ``text`` is a dateline's place and date.

    "LONDON", "Mexico", "WASHINGTON, Jan. 5", "Paris, 5 janvier 2024": capitalised words, then
    maybe a date; no lower-case prose.
    """
    tokens = [t for t in re.split(r"[\s,]+", text) if t]
    if not 1 <= len(tokens) <= 8:
        return False
    return all(
        t[:1].isupper()
        or t[:1].isdigit()
        or t.casefold() in _NAME_CONNECTORS
        or t.casefold() in FOREIGN_MONTH_NUMBER
        for t in tokens
    )


DATELINE_LINES = 12  # body lines searched for the lede
LEDE_WORDS = 15  # a line this long is prose: the lede, if no line before it was


def cut_dateline(lines: Sequence[_Line]) -> str | None:
    """Cut the dateline prefix of the lede -- the first body line of prose, or a short line
    before it (a page's leftovers may come first); return the outlet it names."""
    for line in [ln for ln in lines if ln.untouched][:DATELINE_LINES]:
        parts = split_dateline(line.text)
        if parts is None and len(words(line.text)) >= LEDE_WORDS:
            return None  # the lede has no dateline: none further down either
        if parts is None:
            continue
        prefix, outlet, rest = parts
        line.pieces = [Removed(prefix, "dateline")]
        line.body = rest.strip()
        return outlet
    return None


# --- title and sub-heads


# How a line ends as a sentence or a clause does, a question or exclamation mark not counted
# (a headline may ask; :data:`_SENTENCE_END_RE` counts them).
_STATEMENT_END_RE = re.compile(
    f"[{re.escape(''.join(c for c in SENTENCE_ENDS if c not in ASKING_ENDS) + CLAUSE_ENDS)}]"
    + _CLOSERS
)


def _is_headline_shaped(text: str, *, allow_question: bool, allow_quote: bool = False) -> bool:
    # (a script with no spaces between its words counts two letters a word; a script with no
    # capitals, Arabic or Chinese, starts its headline with any letter of its own)
    if not 2 <= word_count(text) <= 25 or len(text) > 200 or is_bullet(text):
        return False
    start = text.lstrip(_QUOTE_CHARS) if allow_quote else text
    first = start[:1]
    if first in _QUOTE_CHARS or not (first.isdigit() or capital_or_caseless(first)):
        return False
    end_re = _STATEMENT_END_RE if allow_question else _SENTENCE_END_RE
    if end_re.search(text) or _DANGLING_END_RE.search(text):
        return False
    return not _PAST_ATTRIBUTION_RE.search(text)


def find_title(lines: Sequence[_Line], known_title: str | None) -> _Line | None:
    """The title line: the first body line when it matches the known title or is headline-
    shaped (no sentence-final punctuation, 2-25 words, not a list item), with body after it.

    A question mark, or an opening quote ("‘I have dreamed of this’: ..."), is allowed when a
    blank line follows, as it does under a headline -- but not when the title is known and
    the line is not it: a question standing alone at the top of a page whose title is known
    opens the body (a review's "Is it worth the money?").
    """
    body = [ln for ln in lines if ln.untouched]
    if len(body) < 2:
        return None
    first = body[0]
    if known_title:
        # the known title under a kicker ("The Big Read") or a section label
        for line in body[: KICKER_LINES + 1]:
            if _normalise(line.text) == _normalise(known_title):
                return line
    idx = first.index
    relaxed = not known_title and idx + 1 < len(lines) and lines[idx + 1].blank
    if _is_headline_shaped(first.text, allow_question=relaxed, allow_quote=relaxed) and all(
        reason is None for _, reason in _inline_pieces(first.text)
    ):
        return first
    return None


KICKER_LINES = 2  # short labels a page may set above its title ("Opinion", "The Big Read")


def mark_kickers(lines: Sequence[_Line], title: _Line) -> None:
    """Mark the short labels standing above the title line ("The Big Read") as headings."""
    for line in lines[: title.index]:
        if line.untouched and len(words(line.text)) <= 6 and _is_subheading_shaped(line.text):
            line.role = "heading"
            line.body = ""


def shares_words_with(line: str, title: str) -> bool:
    """Whether a headline-shaped line shares a content word with the known title: then it is
    the title in other words ("Mayor won't pay ransom" under "Port Alder mayor refuses to pay
    hackers"); else it is a section head opening the body ("What happened")."""
    return bool(set(content_words(line)) & set(content_words(title)))


def mark_title(lines: Sequence[_Line], known_title: str | None) -> _Line | None:
    """Find the title line (:func:`find_title`) and mark it; return it when it is the title.

    Under a known title, a headline-shaped first line that shares no content word with it is
    a section head (marked ``heading``, returned ``None``)."""
    line = find_title(lines, known_title)
    if line is None:
        return None
    line.body = ""
    if known_title and not shares_words_with(line.text, known_title):
        line.role = "heading"
        return None
    line.role = "title"
    mark_kickers(lines, line)
    return line


def mark_deck(lines: Sequence[_Line], title: _Line | None) -> str | None:
    """Mark the deck (a second, headline-shaped line right under the title) as a heading."""
    if title is None:
        return None
    after = [ln for ln in lines[title.index + 1 :] if ln.kept or ln.role]
    if len(after) < 2 or not after[0].untouched:
        return None
    deck, nxt = after[0], after[1]
    if (
        len(words(deck.text)) >= 3
        and _is_headline_shaped(deck.text, allow_question=False)
        and nxt.kept
        and is_paragraph(nxt.body)
    ):
        deck.role = "heading"
        deck.body = ""
        return deck.text
    return None


_COPYRIGHT_NAME_RE = re.compile(
    r"^(?:copyright\s*)?(?:©|\(c\))?\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?)?\s*,?\s*"
    r"(?P<name>(?:[^.,;|]|(?<=\d)\.(?=\d)){2,60}?)\s*(?:[,;|]|\.(?!\d)|$)",
    re.IGNORECASE,
)


_UPDATE_PART_RE = re.compile(r"(?i)\b(?:last\s+)?(?:updated|modified)\b.*$")


def stamped_day(lines: Sequence[_Line]) -> str | None:
    """The day the date stamp among the cut top lines gives ("Posted ... Thursday, April 17,
    2025 · 6:30 AM", "March 9, 2026 7:15 AM CST Updated 40 minutes ago"), if any; an
    update's date only when no other is given."""
    updated = None
    for line in lines[:STAMP_LINES]:
        if line.reason != "boilerplate" or not (
            _STAMP_RE.match(line.text) or _is_top_boilerplate(line.text)
        ):
            continue
        if re.match(r"(?i)(?:last\s+)?(?:updated|modified)\b", line.text):
            updated = updated or full_date_in(line.text)
            continue
        day = full_date_in(_UPDATE_PART_RE.sub("", line.text))
        if day:
            return day
    return updated


STAMP_LINES = 30  # lines from the top where a page's date stamp may stand


def copyright_outlet(lines: Sequence[_Line], known_outlet: str | None) -> str | None:
    """The outlet a cut copyright line names ("© 2025 Northwind News. All rights reserved."),
    or a cut stamp line at the top ("Northern Broadcast News | 5 March 2025 | By ...")."""
    for line in lines:
        if line.reason != "boilerplate":
            continue
        if re.match(r"(?i)(copyright|©|\(c\))", line.text):
            match = _COPYRIGHT_NAME_RE.match(line.text)
            if match and looks_like_outlet_name(match.group("name"), known_outlet):
                return match.group("name").strip()
        elif line.index < STAMP_LINES:
            for part in _stamp_parts(line.text):
                if not _is_stamp_part(part) and looks_like_outlet_name(part, known_outlet):
                    return part
    return None


def cut_masthead(lines: Sequence[_Line], known_outlet: str | None) -> str | None:
    """Cut an outlet name standing alone above the title or the first paragraph; return it."""
    body = [ln for ln in lines if ln.untouched]
    if len(body) < 2:
        return None
    first, second, third = body[0], body[1], body[2] if len(body) > 2 else None
    if word_count(first.text) < HEADLINE_MIN_WORDS + 2 and _SITE_MOTTO_RE.match(second.text):
        # a site's name over what it says of itself ("Field Notes" / "A blog about life on
        # the river"): its header, the motto cut with it
        first.cut("outlet_signature")
        second.cut("boilerplate")
        return _signoff_name(first.text) or first.text
    name = _signoff_name(first.text)
    if name and looks_like_outlet_name(name, known_outlet):
        longest = (5, 4)  # words of a name above a title, above the body
    elif (name := site_title_name(first.text, known_outlet)) is not None:
        longest = (25, 25)  # the site's title ("News, Sports, Jobs - The Courier"), whole
    else:
        return None
    above_title = (
        word_count(name) <= longest[0]
        and third is not None
        and _is_headline_shaped(second.text, allow_question=True)
        and is_paragraph(third.text)
    )
    above_body = word_count(name) <= longest[1] and is_paragraph(second.text)
    if above_title or above_body:
        first.cut("outlet_signature")
        return name
    return None


def cut_outlet_under_title(
    lines: Sequence[_Line], title: _Line | None, known_outlet: str | None
) -> str | None:
    """Cut an outlet's name standing alone between the title and the first paragraph (a wire
    credited under the headline: "Reuters", "أ ش أ"); return it. Read as a deck otherwise."""
    if title is None:
        return None
    after = _nonblank(lines[title.index + 1 :])
    if len(after) < 2 or not after[0].untouched or not after[1].untouched:
        return None
    name = _signoff_name(after[0].text)
    if not name or word_count(name) > 4 or not looks_like_outlet_name(name, known_outlet):
        return None
    if not is_paragraph(after[1].text):
        return None
    after[0].cut("outlet_signature")
    return name


def _is_subheading_shaped(text: str) -> bool:
    """1-12 words, headline-shaped; past 7 words, in Title Case (a long sentence-case line
    without a full stop is more likely a sentence that lost its punctuation)."""
    tokens = words(text)
    if not 1 <= len(tokens) <= 12 or len(text) > 90 or is_bullet(text):
        return False
    if len(tokens) == 1:
        return text.isalpha() and len(text) >= 4 and capital_or_caseless(text[:1])
    if len(tokens) > 7:
        content = [t for t in tokens if t.casefold() not in _NAME_CONNECTORS | _SMALL_WORDS]
        if sum(t[:1].isupper() for t in content) < 0.8 * len(content):
            return False
    # "Who is Nightjar?", "What happens next?": a short question that opens a section
    question = 3 <= len(tokens) <= 6 and bool(_QUESTION_HEAD_RE.match(text))
    return _is_headline_shaped(text, allow_question=question)


_QUESTION_HEAD_RE = re.compile(r"^(Who|What|Why|How|When|Where|Which)\b[^\"“”]*\?$")


_SMALL_WORDS = _name_set(en.TITLE_CASE_SMALL_WORDS)


def _is_list_intro(text: str) -> bool:
    """ "According to the summary:" -- a paragraph that opens a list."""
    first = text.lstrip(_QUOTE_CHARS)[:1]
    return (
        len(words(text)) >= 5
        and text.endswith(":")
        and (capital_or_caseless(first) or first.isdigit())
    )


def mark_subheadings(lines: Sequence[_Line]) -> list[str]:
    """Mark section sub-heads: short headline-shaped lines standing between two paragraphs.

    A line stays body when the next line continues it (lower-case start), when it ends on a
    dangling word ("the", "of"), when it reports speech ("said"), or when either neighbour is
    not a full paragraph.
    """
    headings: list[str] = []
    text_lines = [ln for ln in lines if ln.kept or ln.role == "title"]
    for pos, line in enumerate(text_lines):
        if not line.untouched or not _is_subheading_shaped(line.text):
            continue
        if pos == 0 or pos + 1 >= len(text_lines):
            continue
        prev, nxt = text_lines[pos - 1], text_lines[pos + 1]
        if prev.role == "title" or not prev.kept or not is_paragraph(prev.body):
            continue
        if not nxt.kept or is_bullet(nxt.body):
            continue
        if not (is_paragraph(nxt.body) or _is_list_intro(nxt.body)):
            continue
        line.role = "heading"
        line.body = ""
        headings.append(line.text)
    return headings


# --------------------------------------------------------------------------------------------
# Public API


def clean_text(
    raw: str, *, outlet: str | None = None, title: str | None = None, url: str | None = None
) -> Cleaned:
    """Clean one article's extracted text.

    Args:
        raw: the article as plain text, one paragraph per line.
        outlet: the outlet's name if already known; used to recognise its sign-off line.
        title: the title if already known; used to recognise the title line.
        url: the page's address if known; its domain names the site, whose name alone is no
            headline (:func:`is_site_title`).

    Returns:
        A :class:`Cleaned` with the body, the title and outlet found (falling back to the ones
        given), every cut piece with its reason, and the section sub-heads.
    """
    lines = [_Line(i, text.strip()) for i, text in enumerate(raw.splitlines())]

    mark_junk_lines(lines)
    mark_consent_buttons(lines)
    mark_related_followers(lines)
    cut_notes_to_editors(lines)
    cut_inline_credits(lines)
    cut_captions(lines)
    signoff_outlet = cut_signoff_and_comments(lines, outlet)
    cut_comment_thread(lines)
    masthead_outlet = cut_masthead(lines, outlet)
    title_line = mark_title(lines, title)
    credited_outlet = cut_outlet_under_title(lines, title_line, outlet)
    dateline_outlet = cut_dateline(lines)
    fused_title, fused_outlet = (
        split_fused_headline(lines, title) if title_line is None else (None, None)
    )
    mark_deck(lines, title_line)
    headings = [ln.text for ln in lines if ln.role == "heading"]  # a top section head or deck
    headings += mark_subheadings(lines)
    cut_pull_quotes(lines)
    cut_inline_prompts(lines)

    body_lines: list[str] = []
    removed: list[Removed] = []
    for line in lines:
        if line.blank:
            if body_lines and body_lines[-1]:
                body_lines.append("")
            continue
        if line.role == "heading":
            removed.append(Removed(line.text, "subheading"))
        elif line.role == "title" and title and _squeezed(line.text) != _squeezed(title):
            removed.append(Removed(line.text, "title"))  # the record's own title wins
        elif line.reason is not None:
            removed.extend(line.pieces or [Removed(line.text, line.reason)])
        elif line.role is None:
            removed.extend(line.pieces)
            if line.body:
                body_lines.append(line.body)
    while body_lines and not body_lines[-1]:
        body_lines.pop()

    found_outlet = (
        signoff_outlet
        or dateline_outlet
        or fused_outlet
        or masthead_outlet
        or credited_outlet
        or copyright_outlet(lines, outlet)
    )
    return Cleaned(
        text="\n".join(body_lines),
        title=title or (title_line.text if title_line is not None else fused_title),
        outlet=found_outlet if found_outlet else outlet,
        removed=removed,
        headings=headings,
        published=stamped_day(lines),
        # a headline split off the first line is a headline over the page as a title line is
        not_news=not_news_reason(
            lines, title or fused_title, found_outlet if found_outlet else outlet, url
        ),
    )


def clean_article(article: Article) -> Article:
    """Clean ``article.raw`` in place and return the article.

    Fills ``text``, ``removed`` and ``headings``; sets ``title`` and ``outlet`` only where they
    are ``None`` (metadata given by a manifest or record wins over what the text suggests).
    """
    cleaned = clean_text(article.raw, outlet=article.outlet, title=article.title, url=article.url)
    article.text = cleaned.text
    article.removed = list(cleaned.removed)
    article.headings = list(cleaned.headings)
    if article.title is None:
        article.title = cleaned.title
    if article.outlet is None:
        article.outlet = cleaned.outlet
    article.not_news = cleaned.not_news
    if article.published is None and cleaned.published:
        article.published, article.published_source = cleaned.published, "page"
    return article


# The longest text spaCy reads in one piece by default (its ``max_length``); a news article is
# a hundredth of it.
MAX_ARTICLE_CHARS = 1_000_000


def prepare(items: Iterable[Article | Rejected], rejected: list[Rejected]) -> Iterator[Article]:
    """Clean each article as it streams in; set aside what cannot be used, with the reason.

    An article of newsroom matter (``not_news`` set) comes through even when nothing of it is
    left as text: the brief lists it, with its reason, outside the stories. So does a headline
    whose page held nothing else (a paywall or an ad-blocker wall where the article was): its
    headline is still what the outlet reports."""
    for item in items:
        if isinstance(item, Rejected):
            rejected.append(item)
            continue
        clean_article(item)
        if item.language in (None, "en"):  # English is only the readers' default
            item.language = guess_language(item.text) or item.language
        if not item.text.strip() and item.not_news is None and not (item.title or "").strip():
            rejected.append(
                Rejected(item.path, "nothing is left once junk is cut: " + _what_was_cut(item))
            )
            continue
        if len(item.text) > MAX_ARTICLE_CHARS:
            rejected.append(
                Rejected(
                    item.path,
                    f"too long for one article: {len(item.text):,} characters once cleaned (at "
                    f"most {MAX_ARTICLE_CHARS:,}); split it into its articles",
                )
            )
            continue
        yield item


def _what_was_cut(article: Article) -> str:
    reasons = sorted({r.reason for r in article.removed})
    return ", ".join(reasons) if reasons else "the text is empty"


# --------------------------------------------------------------------------------------------
# Nothing lost


def _squeezed(text: str) -> str:
    return " ".join(text.split())


def lost_lines(article: Article) -> list[str]:
    r"""The lines of ``article.raw`` that cleaning lost: the invariant "nothing lost" is that
    this list is empty, for every article.

    A non-blank line of the text the cleaner received (``raw``: for HTML, the extracted main
    text; for text and JSON, the decoded text) is accounted for when, white space squeezed, it
    is a line of ``article.text``, the article's ``title``, a ``removed`` piece or inside one,
    or a run of such pieces and text lines (a dateline cut off the lede: ``"LONDON (Reuters)
    -"`` removed, the rest kept). Every other line is returned, stripped.

    >>> article = clean_article(Article("a", "a.txt", "Storm hits coast\n\nThe storm hit."))
    >>> lost_lines(article)
    []
    """
    kept = {_squeezed(line) for line in article.text.splitlines() if line.strip()}
    # how many times each piece was cut: a line may lose the same credit twice
    cut = Counter(_squeezed(piece.text) for piece in article.removed if piece.reason)
    del cut[""]
    if article.title:
        cut[_squeezed(article.title)] += 1
    return [
        line.strip()
        for line in article.raw.splitlines()
        if line.strip() and not _accounted_line(_squeezed(line), kept, cut)
    ]


def _accounted_line(line: str, kept: set[str], cut: Counter[str]) -> bool:
    if line in kept or line in cut:
        return True
    if any(line in piece for piece in cut):
        return True
    rest = line
    for piece in sorted((p for p in cut if p in line), key=len, reverse=True):
        rest = rest.replace(piece, "\n", cut[piece])
    fragments = [fragment.strip() for fragment in rest.split("\n")]
    if rest != line and all(not f or f in kept for f in fragments):
        return True
    return _tiled(line, [p for p in cut if p in line] + [k for k in kept if k and k in line])


def _tiled(line: str, parts: list[str]) -> bool:
    """Whether ``line`` is a run of ``parts`` (cut pieces and kept lines) end to end, spaces
    between them allowed: a piece cut where the same words stand earlier in the line too
    ("... IP: 1.2.3.4 ... IP: 1.2.3.4", the second cut) is found where it was cut."""
    reached = [False] * (len(line) + 1)
    reached[0] = True
    for at in range(len(line)):
        if not reached[at]:
            continue
        if line[at] == " ":
            reached[at + 1] = True
        for part in parts:
            if line.startswith(part, at):
                reached[at + len(part)] = True
    return reached[-1]
