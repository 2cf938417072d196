"""Commitments: what was agreed, pledged, planned or announced for the future.

:func:`extract_commitments` is a pure function of one article: it reads each sentence for a
commitment -- an agreement ("agreed to conduct a joint visit"), a pledge ("pledged to",
"committed to further cooperation"), a plan ("will seek a meeting with", "plans to", "a
meeting to be held in ... in early February") or money set aside ("$180 million will be
invested"). A stance ("stands ready to support") is not one.

When the sentence is parsed (``Article.parses``, :mod:`corroborate.annotate.grammar`), its
grammar decides: the trigger must be a verb ("her plans to raise taxes" is a noun), not a
purpose ("injections intended to calm her"), in a statement, not a question; not a stance
told with an adjective ("will hold firm to"), a commitment only imagined ("a proposal in which
Chile could pledge to"; "would" in reported speech is a past "will"), a poll's finding
("eight of 10 voters say they plan to"), nor -- for a bare "will" -- a forecast about a thing
("output will expand"; a thing set for a day ahead is scheduled: "the timetable will start on
Monday"). A "will" or "going to" with a verb outside the trigger list is a plan when the verb is
an act its subject decides ("will sue", "he'll share", "will be holding a news conference":
:data:`corroborate.lang.en.DELIBERATE_ACTS`, not an outcome, a state or a win), someone who
can act does it, and it is neither negated (but "will not begin until 2017" sets a day; and
"will raise no money" refuses),
hedged ("will likely"), habitual ("periodically will"), conditional, asked, believed, hoped
("analysts expect that ... will") nor a likelihood ("a chance that ... will", "it seems
inevitable that"); a post taken on ("will be co-chairman") is one too, and so is a thing to be
done on a day after the article's own, told in the passive outside quote marks ("the first
ballots will be counted Tuesday": scheduled, no actor), and a broadcast that will run ("the
spot, which will run statewide"). A commitment in a time
clause in the present ("after they have agreed to") is a condition, and being committed, a
state ("the party was committed to"), a stance. Its actors are
its grammatical subject's named entities ("Trump's running mate, Indiana Gov. Mike Pence,
plans to ..." -> Mike Pence; a pronoun reported names its speaker, an "it" only a body's:
"Carrier has said it will return ..." -> Carrier; any other pronoun no one); and an agreement
told as
closed ("finally agreed to"), told in narrative past rather than reported or dated to the
article's days ("In the end, the company agreed to lend ..."), or a plan told in the past
("planned to revitalize") is ``earlier``. Without a parse, the actors are the sentence's
named-entity mentions (PERSON, ORG, GPE, NORP) before the commitment. Either way, a subject
that is no name ("the campaign", "both governments") gives no actor: a reader acts on a name.

Whatever the trigger, the grammar of the commitment's verb may say it is no plan told
(:func:`_not_a_plan`): negated where no pattern saw it ("doesn't plan to", "announced that it
will not reopen") or done by no one ("None of the delegations are scheduled to speak"), hung
on a negated word ("aren't sure they'll attend"), asked or named in a wh-clause ("declined to
say whom she plans to back", "as to when the governor will sign"), itself a condition ("if the
operator plans to expand"), a likelihood ("the final promised to be a tense affair", "are
likely to be held"), the start of an outcome ("will begin to lose support"), only to be so
("vowed to be tougher") or to win ("vowed to win the county"), or an assurance that something
is so ("pledged that the plant is safe"); money told as spent ("$4 million was spent on the
bid") is no commitment. A plan told as since changed ("was originally scheduled to") or under
a verb that calls it off ("postponed a match scheduled for Sunday", not "... until the 16th")
is ``earlier``. A group's name in apposition describes the subject and is no actor ("Senator
Ana Ruiz, the senior Republican on the panel, will hold a hearing" -> Ana Ruiz).

A sentence that is wholly a quotation is a statement, not a commitment, unless it pledges
money or its speaker commits to an act of their own: "I" or "we" with "will" or "going to" and
a deliberate act, under the same checks ("“We will release the report in May,” she said"; not
"“We are going to start winning again”", a boast), or a plan, pledge or agreement told with
its own verb names who commits ("“I intend to make a request,” Netanyahu told reporters"), or
is told of a "he", "she" or "they" (no actor: they are not the speaker), or a named subject's
"will" states a plan ("“Mr. Manafort will direct the campaign's activities”"). Its
actor is the quotation's speaker when named (:func:`corroborate.annotate.quotes.extract_quotes`,
run for such an article only).

A commitment recalled from an earlier occasion is marked ``earlier``: told in the pluperfect
("the parties had agreed to ...") or anchored to a date before the article's own ("In May 2023,
Mexico agreed to ..."; not by a date in a clause describing a noun, "the union, which struck in
October, will hold a ballot"), or what it commits to is dated before it ("promised to finish the bridge
in March 2019", told in 2024). It is background, not a next step.

These are the rules' commitments. The pipeline's commitments stage then lets a small learned
model add next steps they miss (:func:`corroborate.annotate.next_steps.learned_commitments`).

:func:`corroborate.compare.commitments.merge_commitments` lines up the same commitment across
a story's articles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from corroborate.annotate.dates import dated_sentences
from corroborate.annotate.grammar import (
    NOT_SUBJECT,
    Parse,
    Word,
    governing_verb,
    is_verb,
    subject_of,
    subtree,
    words_in,
)
from corroborate.annotate.quote_marks import Quotation, find_quotations, quotations_within
from corroborate.date_expressions import parse_day
from corroborate.lang import en
from corroborate.model import Article, Mention, Sentence
from corroborate.patterns import gated
from corroborate.text import fold

__all__ = ["Commitment", "extract_commitments"]


# Words that may stand between a pledge and its "to" ("promised on Tuesday to", "vowed again to").
_PLEDGE_GAP = (
    r"(?:on|this|last|again|also|publicly|repeatedly|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|week|month|year)"
)
# Verbs of an action someone can be scheduled or committed to do ("will seek", "set to veto").
_ACTION_VERBS = (
    r"(?:seek|hold|meet|visit|host|send|provide|invest|spend|deploy|open|launch|create|"
    r"establish|sign|travel|conduct|begin|start|resume|fund|allocate|donate|build|hire|"
    r"release|deliver|expand|increase|reduce|set\s+up|return|convene|announce|address|attend|"
    r"speak|moderate|headline|veto|testify|campaign|unveil|introduce|rally|tour|nominate|vote)"
)
# Verbs of a thing scheduled to come out: broadcast or published ("the ad will air on cable",
# "the report will be released Sept. 6"), taken on the road ("the play will tour Mexico"), or an
# occasion set ("will be held on Monday"). Their subject is a thing by nature, so a "will" with
# them is a schedule, not a forecast.
_COMING_OUT = frozenset({"air", "premiere", "debut", "tour"})
_COMING_OUT_PASSIVE = frozenset(
    {"release", "publish", "air", "broadcast", "unveil", "announce", "file", "hold"}
)
_COMING_OUT_PARTICIPLES = (
    "released",
    "published",
    "aired",
    "broadcast",
    "unveiled",
    "announced",
    "filed",
    "held",
)
_TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    ("agreed", re.compile(r"\b(?:have|has|had\s+)?agreed\s+(?:to|on)\b", re.IGNORECASE)),
    (
        "pledged",
        re.compile(
            r"\b(?:pledged|pledge|pledges|vowed|vow|vows|promised|promise|"
            rf"promises)\s+(?:{_PLEDGE_GAP}\s+){{0,2}}(?:to|that)\b",
            re.IGNORECASE,
        ),
    ),
    # a pledge of a thing ("promised a veto", "has pledged his support", "promised mass
    # deportation"): the parse decides (:func:`_pledged_thing`)
    (
        "pledged",
        re.compile(
            r"\b(?:pledged|pledges|vowed|vows|promised|promises)\s+(?!(?:to|that|not|never)\b)"
            r"(?=[\w$€£]|[\"“‘']\w)",  # or a quoted word: 'pledged "cooperation"'
            re.IGNORECASE,
        ),
    ),
    (
        "pledged",
        re.compile(
            r"\b(?<!is\s)(?<!are\s)committed\s+(?:to|themselves\s+to)\b"
            r"(?!\s+(?:the|a|an)\s+(?:crime|offence|offense|attack))",
            re.IGNORECASE,
        ),
    ),
    (
        "planned",
        re.compile(
            r"\b(?:will|shall|are\s+going\s+to|is\s+going\s+to)\s+(?:also\s+|jointly\s+|soon\s+|"
            r"not\s+(?=\S+\s+(?:\S+\s+){0,3}until\b))?"  # "will not begin until 2017"
            rf"{_ACTION_VERBS}\b",
            re.IGNORECASE,
        ),
    ),
    (
        "planned",
        re.compile(
            r"\b(?:will|shall|are\s+going\s+to|is\s+going\s+to)\s+(?:also\s+|soon\s+|"
            r"not\s+(?=\S+\s+(?:\S+\s+){0,3}until\b))?"  # "will not be released until March"
            r"(?:air|premiere|debut|be\s+(?:released|published|aired|broadcast|unveiled|"
            r"announced|filed|held))\b",
            re.IGNORECASE,
        ),
    ),
    ("planned", re.compile(r"\b(?:plans?|planned|intends?|intended|aims?)\s+to\b", re.IGNORECASE)),
    (
        "planned",
        re.compile(
            r"\b(?:to\s+be\s+held|scheduled\s+(?:for|to|in|on)|set\s+to\s+"
            rf"(?:{_ACTION_VERBS}|take\s+place|be\s+(?:{'|'.join(_COMING_OUT_PARTICIPLES)})))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "money",
        re.compile(
            r"[$€£]\s?\d[\d,.]*(?:\s+(?:million|billion|thousand))?\s+(?:will\s+be|would\s+be|is\s+"
            r"being|has\s+been|was)\s+(?:invested|allocated|pledged|committed|earmarked|spent|"
            r"provided|donated|set\s+aside)",
            re.IGNORECASE,
        ),
    ),
    (
        "announced",
        re.compile(r"\bannounced\s+(?:plans|a\s+plan|that\b.{0,80}\bwill)\b", re.IGNORECASE),
    ),
]
# (each scanned for in every sentence: behind a lookahead for its first characters, gated)
_TRIGGERS = [(kind, gated(pattern)) for kind, pattern in _TRIGGERS]
_NEGATED = re.compile(
    r"\b(?:no|not|never|won['’]t|will\s+not|refused|declined)\b[^,.;]{0,30}$", re.IGNORECASE
)
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
_DEMONYMS = en.DEMONYMS


@dataclass(frozen=True)
class Commitment:
    """A commitment stated in one article.

    Attributes:
        article_id: the article.
        sentence: index of its sentence; ``text`` is that sentence, verbatim.
        start, end: the commitment clause's span in ``article.text`` (from the trigger).
        what: the commitment clause ("agreed to conduct a joint visit to the Darién Gap").
        kind: agreed, pledged, planned, money or announced.
        actors: who commits (names from NER mentions before the trigger, else in the sentence).
        earlier: made on an earlier occasion and only recalled here (see the module doc).
    """

    article_id: str
    sentence: int
    text: str
    start: int
    end: int
    what: str
    kind: str
    actors: tuple[str, ...]
    earlier: bool = False


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"“[^”]*”?|\"[^\"]*\"?", text)]


def _wholly_quoted(sentence: str) -> bool:
    return sentence.lstrip().startswith(("“", '"', "‘", "'"))


def _inside_quotation(start: int, text: str, quotations: Sequence[Quotation]) -> bool:
    """Whether the sentence ``text``, starting at ``start``, lies wholly inside one quotation
    (its closing mark and full stop aside)."""
    body_end = start + len(text.rstrip(" .!?”\"’'"))
    return any(q.start <= start and body_end <= q.end for q in quotations)


def _actor_name(m: Mention) -> str:
    name = re.sub(r"^(?:the)\s+", "", m.text.strip(), flags=re.IGNORECASE).strip()
    name = re.sub(r"['’]s$", "", name)
    return _DEMONYMS.get(fold(name), _DEMONYMS.get(fold(m.text), name))


def _clause(sentence: str, start: int) -> str:
    """The commitment clause: from the trigger to the end of the sentence, trimmed of an
    attribution tail (", the statement said")."""
    clause = sentence[start:].strip()
    clause = re.sub(
        rf"[,”\"]*\s*(?:the|a|an)?\s*[\w\s’']{{0,40}}\b(?:{'|'.join(en.ATTRIBUTION_TAIL_VERBS)})\.?$",
        "",
        clause,
    )
    return clause.rstrip(' ,.;”"')


def trigger_sentences(article: Article) -> list[int]:
    """The sentences that may state a commitment (a trigger matches, or a passive "will"
    with a date, or a broadcast that will run: :func:`_scheduled_thing`): those the grammar stage parses for this
    stage."""
    dated = set(dated_sentences(article)) if _AHEAD_PASSIVE.search(article.text) else set()
    return [
        s.index
        for s in article.sentences
        if _AHEAD_ACT.search(s.text)
        or any(pattern.search(s.text) for _, pattern in _TRIGGERS)
        or (s.index in dated and _AHEAD_PASSIVE.search(s.text))
        or _AHEAD_RUN.search(s.text)
    ]


def extract_commitments(article: Article) -> list[Commitment]:
    """Every commitment stated in the article, one per sentence, in text order.

    >>> from corroborate.model import Article, Sentence
    >>> t = "Both governments agreed to hold talks in March."
    >>> a = Article("a", "a.txt", "", text=t, sentences=[Sentence("a", 0, 0, len(t), t)])
    >>> [c.what for c in extract_commitments(a)]
    ['agreed to hold talks in March']
    """
    out: list[Commitment] = []
    sentences = article.sentences or []
    quotations: list[Quotation] | None = None
    speakers = _Speakers(article)
    for sentence in sentences:
        text = sentence.text
        hits = []
        for kind, pattern in _TRIGGERS:
            for m in pattern.finditer(text):
                if _NEGATED.search(text[: m.start()][-40:]):
                    continue
                hits.append((m.start(), kind, m))
        parse = article.parses.get(sentence.index)
        found = None
        quoted = False
        if hits:
            hits.sort(key=lambda h: h[0])
            # a wholly quoted sentence is a statement -- unless it puts money down
            if not any(k == "money" for _, k, _ in hits):
                if quotations is None:
                    quotations = find_quotations(article.text)
                quoted = _wholly_quoted(text) or _inside_quotation(
                    sentence.start, text, quotations
                )  # further into a quotation ("... He will start a war!")
            if not quoted:
                found = _read_trigger(article, sentence, hits, parse)
            elif parse:
                found = _named_plan_quoted(article, sentence, hits, parse)
        if found is None and parse:
            if quotations is None:
                quotations = find_quotations(article.text)
            found = _read_act(article, sentence, parse, quotations, speakers)
        if found is None:
            continue
        start, kind, actors, told_earlier = found
        earlier = (
            told_earlier
            or _dated_before(article, sentence.index, sentence.start + start)
            or _action_dated_past(article, sentence.index, sentence.start + start)
        )
        out.append(
            Commitment(
                article_id=article.id,
                sentence=sentence.index,
                text=text,
                start=sentence.start + start,
                end=sentence.end,
                what=_clause(text, start),
                kind=kind,
                actors=tuple(actors),
                earlier=earlier,
            )
        )
    return out


def _read_trigger(
    article: Article,
    sentence: Sentence,
    hits: list[tuple[int, str, re.Match[str]]],
    parse: Parse | None,
) -> tuple[int, str, list[str], bool] | None:
    """The commitment the first trigger of a sentence (money first) states, as its start in
    the sentence, kind, actors and whether it was made earlier; None when it states none."""
    start, kind, m = hits[0]
    money = next((h for h in hits if h[1] == "money"), None)
    if money is not None:
        start, kind, m = money
    if parse:
        forecast = kind == "planned" and bool(_FORECAST.match(m.group(0)))
        reading = read_commitment(article, parse, sentence.start + start, kind, forecast)
        if reading is None:
            return None
        return start, kind, *reading
    actors = _actors(article, sentence.index, sentence.start, sentence.start + start)
    return start, kind, actors, bool(_PLUPERFECT.search(sentence.text[: m.end()][-60:]))


def _named_plan_quoted(
    article: Article,
    sentence: Sentence,
    hits: list[tuple[int, str, re.Match[str]]],
    parse: Parse,
) -> tuple[int, str, list[str], bool] | None:
    """In a quotation, a plan, a pledge or an agreement told with its own verb (not a bare
    "will"), read as outside quotes, whose subject names someone: the speaker's own "I" or
    "we" read back to the speaker the sentence names ("“I intend to make a request,” X told
    reporters"), a name ("“Future45 intends to educate voters”", told by whoever speaks
    for it), or a person the speaker calls "he", "she" or "they" ("“She plans to run for the
    seat,” said her aide"; no actor: the syntax cannot name them). None otherwise: a
    statement."""
    start, kind, m = hits[0]
    if kind == "planned" and _FORECAST.match(m.group(0)):
        return None
    found = _read_trigger(article, sentence, hits[:1], parse)
    if found is None or found[2]:
        return found
    words = words_in(parse, sentence.start + start, sentence.start + start + 1)
    verb = _commitment_verb(parse, words[0]) if words else None
    subject = _main_subject(parse, verb) if verb is not None else []
    third = len(subject) == 1 and fold(parse[subject[0]].text) in _THIRD_PERSONS
    return found if third and verb is not None and _told_outright(parse, verb) else None


def _told_outright(parse: Parse, verb: int) -> bool:
    """Whether the verb's clause is what the sentence tells, or what someone is reported to
    say: the main clause, or a clause a reporting verb holds, wherever that verb stands ("he
    vowed, adding he intended to", "a voter who said she planned to"); not a clause inside
    another ("what they intend to do", "should they implement what they have committed to")."""
    while parse[verb].dep in ("xcomp", "conj") and parse[verb].head != verb:
        verb = parse[verb].head
    return parse[verb].dep == "ROOT" or _reported(parse, verb)


# Finite verb tags: no modal stands before one, so a "Will" the parse hangs on one as its
# auxiliary is a name ("Will Dunham hosts the show").
_FINITE = frozenset({"VBZ", "VBD", "VBP"})
# Any "will" or "going to" (its verb is read in the parse: "he'll share", "I'm going to really
# reach out", "will be holding"), read when no trigger above gave a commitment (:func:`_read_act`).
_AHEAD = re.compile(r"\b(?:will|shall|going\s+to)\b|['’]ll\b", re.IGNORECASE)
# A "will" in the passive ("will be counted", "will not be sworn in"): read in a sentence
# with a date (:func:`_scheduled_thing`).
_AHEAD_PASSIVE = gated(re.compile(r"\b(?:will|shall)\s+(?:not\s+)?be\s+\w+", re.IGNORECASE))
# A "will run" (:func:`_broadcast_runs`: "the ad will run on Tuesday").
_AHEAD_RUN = gated(re.compile(r"\b(?:will|shall)\s+(?:also\s+)?run\b", re.IGNORECASE))
# What a sentence needs for :func:`_read_act` to read it, so that only those are parsed: a
# "will" or "going to" with a deliberate act's stem within four words ("will be obviously
# reaching").
_AHEAD_ACT = re.compile(
    rf"(?:{_AHEAD.pattern})(?:\s+\S+){{0,3}}?\s+(?:"
    + "|".join(
        sorted(
            {
                re.escape(v.split()[0].removesuffix("e"))
                for v in en.DELIBERATE_ACTS | en.DELIBERATE_WITH_OBJECT
            }
        )
    )
    + "|"
    + r"\s+".join(en.DELIBERATE_PRO_ACT.split())
    + r"|be\s+(?:the\s+|an?\s+)?(?:co-?)?(?:"
    + "|".join(sorted(en.APPOINTED_ROLES))
    + "))",
    re.IGNORECASE,
)
_AHEAD_ACT = gated(_AHEAD_ACT)  # searched for in every sentence


def _read_act(
    article: Article,
    sentence: Sentence,
    parse: Parse,
    quotations: Sequence[Quotation],
    speakers: _Speakers,
) -> tuple[int, str, list[str], bool] | None:
    """A plan or a promise told with "will" or "going to" and a verb of a deliberate act
    (:data:`corroborate.lang.en.DELIBERATE_ACTS`): someone who can act does it, outside quote
    marks ("The Clinton campaign will join the lawsuit", "he'll share anecdotes"), or the
    speaker of a quotation says "I" or "we" will ("“We're going to build a wall,” he said"),
    its actor then the quotation's speaker (:class:`_Speakers`) -- not a "we" in what another
    said ("he told me we will"), nor in a clause about a noun ("the parks we love and will
    protect"). Not a forecast or a boast: no outcome, state or win ("will win", "will be
    great", "start winning"), nothing negated, hedged ("will likely"), conditional ("if ..."),
    asked, imagined, believed or hoped ("hopes that his successor will push"); and no "I" or
    "we" outside quote marks (the writer's), no "you", no other subject inside them (what a
    speaker says of another is a statement). As its start in the sentence, kind, actors and
    False (a plan told now); None when there is none."""
    for m in _AHEAD.finditer(sentence.text):
        words = words_in(parse, sentence.start + m.start(), sentence.start + m.start() + 1)
        verbs = _act_of(parse, words[0]) if words else None
        if verbs is None:
            continue
        if not _decided(article, parse, *verbs):
            if _scheduled_thing(article, parse, verbs[0], sentence.start + m.start(), quotations):
                return m.start(), "planned", [], False
            continue
        verb, act = verbs
        subject = _main_subject(parse, verb)
        if len(subject) == 1 and fold(parse[subject[0]].text) in _WRITER:
            word = parse[subject[0]]
            quote = next((q for q in quotations if q.start <= word.start < q.end), None)
            if (
                quote is None
                or _relative(parse, verb)
                or _told_by_another(parse, verb, quote)
                or any(
                    q.start <= word.start < q.end for q in quotations_within(article.text, quote)
                )
            ):
                # the writer's own "we", "something we support and will protect", or words the
                # speaker quotes of others ("“They said, 'I'm going to vote for him' ...”")
                continue
            return m.start(), "planned", speakers.of(quote), False
        quoted = any(q.start <= sentence.start + m.start() < q.end for q in quotations)
        if quoted and not _named_plan(article, parse, verb):
            continue  # what someone quoted says of another: a statement
        if subject and fold(parse[_head_of(parse, subject, verb)].text) == "you":
            continue
        if not _can_act(article, parse, verb) or _nobody_commits(article, parse, verb, "planned"):
            continue
        actors = _subject_actors(article, parse, verb)
        if (
            not actors
            and _describes(parse, verb)
            and not _dated_ahead(article, sentence.start + m.start())
        ):
            continue  # "the member nations whose board representatives will vote"
        return m.start(), "planned", actors, False
    return None


def _scheduled_thing(
    article: Article, parse: Parse, verb: int, trigger: int, quotations: Sequence[Quotation]
) -> bool:
    """Whether a "will" tells a thing scheduled, outside quote marks: in the passive, dated to
    a day ahead ("the first ballots will be counted Tuesday", "will be chosen by the end of
    March", "will not be sworn in until January"), or a broadcast that will run (:func:
    `_broadcast_runs`: "an ad campaign that will run on Tuesday", "the spot, which will run
    statewide"), whoever does it (no actor: the subject is what is done or shown). Not when
    negated without an "until" a day ahead, hedged, conditional, asked, believed or imagined,
    nor when the day dates another word than the verb or is the article's own ("the stories
    that will be talked about today")."""
    passive = _passive(parse, verb)
    if not (passive or _broadcast_runs(parse, verb)) or parse[-1].text == "?":
        return False
    if any(q.start <= trigger < q.end for q in quotations):
        return False
    if _refused(article, parse, verb, trigger):
        return False
    if any(w.head == verb and j != verb and _hedges(parse, j) for j, w in enumerate(parse)):
        return False
    if _believed(parse, verb) or _hypothetical(parse, verb):
        return False
    if not passive:
        return True
    reference = parse_day(article.published or article.published_inferred)
    sentence = next((s.index for s in article.sentences if s.start <= trigger < s.end), -1)
    for d in article.dates:
        if d.sentence != sentence or d.start < trigger or not d.resolved or reference is None:
            continue
        if _dated_word(parse, d.start, d.end) != verb:
            continue
        end = d.last_day
        if end is not None and end > reference:
            return True  # a day after the article's own ("the stories talked about today": no)
    return False


# Words that make "run" another verb, however the parse hangs them ("run out" as a preposition).
_PARTICLES = frozenset({"out", "up", "down", "off", "over", "into"})


def _broadcast_runs(parse: Parse, verb: int) -> bool:
    """Whether the verb says a broadcast will be shown: "run" with no particle, its subject
    (or the noun its relative clause tells of) a thing made to be shown (:data:`corroborate.
    lang.en.BROADCAST_NOUNS`: "the ad will run", "this spot, which will run statewide"; not
    "the costs will run high", "the campaign will run out of money")."""
    word = parse[verb]
    if word.lemma != "run" or any(
        w.head == verb and (w.dep == "prt" or fold(w.text) in _PARTICLES) for w in parse
    ):
        return False  # "run out of money", "run up debts": an outcome
    subject = _main_subject(parse, verb)
    if not subject:
        return False
    head = _head_of(parse, subject, verb)
    if parse[head].tag in ("WP", "WDT") and word.dep == "relcl":
        head = word.head
    return fold(parse[head].lemma) in en.BROADCAST_NOUNS


def _named_plan(article: Article, parse: Parse, verb: int) -> bool:
    """Whether a "will" in a quotation tells a named subject's plan: a name, not a pronoun,
    is its subject, in the main clause or a reported one, told as a single act, not a habit
    ("“Mr. Ortiz will chair the inquiry,” the statement said"; not "“Ortiz periodically
    will issue reports”")."""
    subject = _main_subject(parse, verb)
    if not subject or parse[_head_of(parse, subject, verb)].tag in ("PRP", "WP", "WDT"):
        return False
    if any(w.head == verb and fold(w.text) in en.FREQUENCY_ADVERBS for w in parse):
        return False
    return _told_outright(parse, verb) and bool(_subject_actors(article, parse, verb))


def _act_of(parse: Parse, index: int) -> tuple[int, int] | None:
    """For a "will" (or "'ll", "shall") or the "going" of "is going to" at ``index``: the
    verb it puts ahead (whose subject commits) and the act itself, read through a verb that
    only opens it ("will start winning" -> win, "will continue to do" -> do); None when it
    puts no verb ahead ("going to the polls", "was going to": a plan of the past)."""
    word = parse[index]
    if word.tag == "MD":
        verb = word.head
        if verb == index or not is_verb(parse[verb]) or parse[verb].tag in _FINITE:
            return None  # no modal before a finite verb: "Will Dunham hosts", a name
    elif word.lemma == "go" and word.tag == "VBG":
        be = [w for w in parse if w.head == index and w.dep == "aux" and _be(w)]
        if not be or any(w.tag == "VBD" for w in be):
            return None
        verb = index
    else:
        return None
    act = verb
    if parse[act].lemma == "go":
        act = next((i for i, w in enumerate(parse) if w.head == act and w.dep == "xcomp"), -1)
        if act < 0 or not is_verb(parse[act]):
            return None
    while parse[act].lemma in en.ASPECT_VERBS:
        opened = next(
            (i for i, w in enumerate(parse) if w.head == act and w.dep == "xcomp" and is_verb(w)),
            None,
        )
        if opened is None:
            break
        act = opened
    return verb, act


def _straight(word: str) -> str:
    """A word folded, its apostrophes straight ("’ll" -> "'ll": the lemmatizer keeps a curly
    one)."""
    return fold(word).replace("’", "'")


def _be(word: Word) -> bool:
    """Whether an auxiliary is "be", contracted or not ("’re", "'m")."""
    return word.lemma == "be" or _straight(word.text) in ("'m", "'re", "'s")


def _decided(article: Article, parse: Parse, verb: int, act: int) -> bool:
    """Whether the act is one its subject decides, told as a plan: a verb of
    :data:`corroborate.lang.en.DELIBERATE_ACTS`, "do so" taking up an act named before
    ("we will continue to do so"), or a post taken on ("will be co-chairman"), in the active, not negated (nor
    done to "no" object: "will appoint no judges"), hedged or
    conditional, in a statement, not a hypothesis, a stance, a poll's finding, a belief or a
    hope, nor a clause asking whether."""
    word = parse[act]
    particle = next((w.lemma for w in parse if w.head == act and w.dep == "prt"), "")
    if not particle and act + 1 < len(parse) and parse[act + 1].head == act:
        # a particle the parse hangs otherwise ("come back" as an adverb, "face off" or "pore
        # over" as a preposition), read when it follows the verb
        particle = fold(parse[act + 1].text) if parse[act + 1].dep in ("advmod", "prep") else ""
    if f"{word.lemma} {_adverb_so(parse, act)}" == en.DELIBERATE_PRO_ACT:
        pass  # "will continue to do so": the act named before
    elif word.lemma == "be" and _appointed(parse, act):
        pass  # "will be co-chairman of the rules committee": a role taken on
    elif word.lemma in en.DELIBERATE_WITH_OBJECT:
        under = [w.dep for w in parse if w.head == act and w is not word]
        if "dobj" not in under or {"xcomp", "ccomp"} & set(under):
            return False
    elif (
        word.lemma not in en.DELIBERATE_ACTS
        and f"{word.lemma} {particle}" not in en.DELIBERATE_ACTS
    ):
        return False
    if parse[-1].text == "?" or _passive(parse, act):
        return False
    chain = _chain(parse, verb, act)
    for j, w in enumerate(parse):
        if w.head not in chain or j == w.head:
            continue
        if (w.dep == "neg" and not _contrast(parse, j, act)) or _hedges(parse, j):
            return False
        if w.dep == "dobj" and any(d.head == j and fold(d.text) == "no" for d in parse):
            return False  # "will raise no money", "will take no questions": a refusal
    if _believed(parse, verb) or _after_a_bidding(parse, verb) or _asked(parse, verb):
        return False
    if _no_one_subject(parse, verb) or _doubted(parse, verb) or _wh_clause(parse, verb):
        return False  # "no member will attend", "isn't sure she'll attend", "when he will"
    if _condition(parse, verb) or _to_be_so(parse, act):
        return False  # "if they will ...", "are going to be fair"
    return not (_hypothetical(parse, verb) or _stance(parse, act) or _poll(parse, verb))


# Money gone, not set aside: spent, provided, donated or invested, told in the past or the
# perfect ("$4 million was spent on the bid"), from the sum a money trigger starts at.
_MONEY_DONE = re.compile(
    r"^\S+(?:\s+(?:million|billion|thousand))?\s+(?:has\s+been|was)\s+"
    r"(?:spent|provided|donated|invested)\b",
    re.IGNORECASE,
)
# Subjects that say no one acts ("none of the delegations are scheduled to speak").
_NO_ONE_WORDS = frozenset({"none", "nobody", "neither", "nothing", "noone"})


def _no_one_subject(parse: Parse, verb: int) -> bool:
    """Whether the verb's subject is no one: "none", "nobody", "no one", or a noun with "no"
    ("None of the delegations are scheduled to speak", "no candidate will attend")."""
    for j, w in enumerate(parse):
        if w.head != verb or w.dep not in ("nsubj", "nsubjpass") or j == verb:
            continue
        text = fold(w.text)
        if text in _NO_ONE_WORDS or (text == "one" and j > 0 and fold(parse[j - 1].text) == "no"):
            return True
        if any(d.head == j and d.dep in ("det", "neg") and fold(d.text) == "no" for d in parse):
            return True
    return False


def _negated(parse: Parse, verb: int, kind: str) -> bool:
    """Whether the verb or its auxiliary is negated where no pattern before the trigger saw
    it ("doesn't plan to", "hasn’t agreed to"), or, for an announcement or a pledge, the clause
    it announces or pledges ("announced that it will not reopen the wing", "promised that the
    council won't close the library": a refusal), or its subject is no one."""
    verbs = [verb]
    if kind in ("announced", "pledged"):
        verbs += [i for i, w in enumerate(parse) if w.head == verb and w.dep == "ccomp"]
    for v in verbs:
        held = {v} | {j for j, w in enumerate(parse) if w.head == v and w.dep in ("aux", "auxpass")}
        if any(
            w.head in held and w.dep == "neg" and not _contrast(parse, j, v)
            for j, w in enumerate(parse)
        ):
            return True
        if _no_one_subject(parse, v):
            return True
    return False


def _doubted(parse: Parse, verb: int) -> bool:
    """Whether the verb's clause hangs, through the clauses and adjectives that hold it, on a
    negated word: what someone is not sure of, did not say or does not think ("many members
    aren't sure they'll attend", "did not say she would visit")."""
    seen = {verb}
    j = verb
    while parse[j].dep in ("ccomp", "xcomp", "acomp") and parse[j].head not in seen:
        j = parse[j].head
        seen.add(j)
        if any(w.head == j and w.dep == "neg" for w in parse):
            return True
    return False


_WH_TAGS = frozenset({"WP", "WP$", "WRB", "WDT"})


def _wh_clause(parse: Parse, verb: int) -> bool:
    """Whether the verb's clause is an indirect question or a free relative, opened by a
    wh-word and standing as a complement, not a relative or adverbial clause: "declined to say
    whom she plans to back", "lists what the senator promised to do", "questions remain as to
    when the governor will sign" -- what is asked or named, not a plan told. Not when a verb
    of telling holds a "how" ("explained how the city will fund the bridge"), nor what is
    shown ("this is how we will pay for it")."""
    clause = verb
    while parse[clause].dep in ("xcomp", "conj") and parse[clause].head != clause:
        clause = parse[clause].head
    if parse[clause].dep not in ("ccomp", "pcomp", "pobj", "dobj", "csubj", "nsubj", "attr"):
        return False  # not a relative clause of a noun, nor an adverbial one
    words = sorted(subtree(parse, clause, frozenset()))
    first = next(
        (i for i in words if parse[i].tag not in ("IN", "TO") and parse[i].dep != "punct"), None
    )
    if first is None or first >= clause:
        return False
    w = parse[first]
    if not (w.tag in _WH_TAGS or (w.dep == "mark" and w.lemma in ("whether", "if"))):
        return False
    if fold(w.text) in ("that", "which"):
        return False  # a relative pronoun however the parse hangs its clause
    above, seen = clause, {clause}
    while parse[above].head not in seen:
        above = parse[above].head
        seen.add(above)
        if parse[above].lemma in en.TELLING_VERBS and fold(w.text) == "how":
            return False
    head = parse[clause].head
    shown = ("this", "that", "here", "there", "which")  # "here's what we will do"
    return not (
        parse[head].lemma == "be"
        and any(
            d.head == head and d.dep in ("nsubj", "expl", "advmod") and fold(d.text) in shown
            for d in parse
        )
    )


def _condition(parse: Parse, verb: int) -> bool:
    """Whether the verb is itself the condition of another clause ("fares will rise if the
    operator plans to expand the fleet", "if she intends to run, she must file by May"):
    supposed, not told."""
    j = verb
    seen = {j}
    while parse[j].dep in ("xcomp", "conj") and parse[j].head not in seen:
        j = parse[j].head
        seen.add(j)
    return parse[j].dep == "advcl" and _conditional(parse, j)


# Verbs of a pledge or an aim, which said of a thing "to be" something tell a likelihood.
_LIKELY_VERBS = frozenset({"promise", "pledge", "vow", "aim", "intend", "plan", "threaten"})


def _likelihood(article: Article, parse: Parse, verb: int, kind: str) -> bool:
    """Whether a pledge or an aim "to be" something is told of what cannot act (:func:
    `_can_act`): a likelihood ("the final promised to be a tense affair"), not a commitment.
    A pronoun's is read by :func:`_nobody_commits` ("it promises to be")."""
    if kind not in ("pledged", "planned") or parse[verb].lemma not in _LIKELY_VERBS:
        return False
    if not any(w.head == verb and w.dep == "xcomp" and w.lemma == "be" for w in parse):
        return False  # "promised to be a crucial moment"
    subject = _main_subject(parse, verb)
    if not subject:
        return False
    head = parse[_head_of(parse, subject, verb)]
    if head.tag in ("PRP", "WP", "WDT") and not (
        head.tag in ("WP", "WDT") and parse[verb].dep == "relcl"
    ):
        return False  # pronouns: read elsewhere ("it promises to be")
    return not _can_act(article, parse, verb)


# Verbs of an outcome or a state, not an act, that an aspect verb may open ("will begin to
# lose support", "will start becoming clear").
_OUTCOMES = frozenset(
    {"be", "become", "remain", "seem", "appear", "lose", "win", "gain", "get", "feel", "look"}
)


def _opens_an_outcome(parse: Parse, verb: int) -> bool:
    """Whether a "will" puts ahead only the start of an outcome or a state: an aspect verb
    (:data:`corroborate.lang.en.ASPECT_VERBS`) opening one ("the governor will begin to lose
    support", "it will start becoming clear which ..."): a forecast, not a plan."""
    if parse[verb].lemma not in en.ASPECT_VERBS:
        return False
    opened = [w for w in parse if w.head == verb and w.dep == "xcomp" and is_verb(w)]
    return bool(opened) and all(w.lemma in _OUTCOMES for w in opened)


# Verbs of winning: an outcome others decide ("vowed to win the county", "promised to defeat
# the incumbent"), not an act.
_WINNING = frozenset({"win", "defeat", "beat"})


def _to_win(parse: Parse, verb: int) -> bool:
    """Whether what is pledged or planned is only to win ("vowed to win the county by a wide
    margin", "intends to win every seat"): an outcome, not an act."""
    acts = [w for w in parse if w.head == verb and w.dep == "xcomp" and is_verb(w)]
    return bool(acts) and all(w.lemma in _WINNING for w in acts)


def _assurance(parse: Parse, verb: int) -> bool:
    """Whether a pledge is only that something is so: its clause is "be" in the present or the
    past, no modal or infinitive putting anything ahead ("the spokesman pledged that the plant
    is safe"; not "pledged that the plant will reopen"): an assurance of a state, not a
    commitment to act."""
    clauses = [i for i, w in enumerate(parse) if w.head == verb and w.dep == "ccomp"]
    if not clauses or any(w.head == verb and w.dep == "xcomp" for w in parse):
        return False
    for c in clauses:
        word = parse[c]
        if word.lemma != "be" or word.tag not in ("VBZ", "VBP", "VBD"):
            return False
        if any(w.head == c and (w.tag == "MD" or w.dep in ("xcomp", "aux")) for w in parse):
            return False
    return True


def _to_be_so(parse: Parse, verb: int) -> bool:
    """Whether what is pledged or planned is only to be so, an adjective, within three
    infinitives ("the new coach vowed to be tougher on discipline", "we are going to try to be
    fair"): a stance, not an act ("pledged to remain civil" is a conduct promised)."""
    j = verb
    for _ in range(3):
        nxt = next((i for i, w in enumerate(parse) if w.head == j and w.dep == "xcomp"), None)
        if nxt is None:
            return False
        j = nxt
        if parse[j].lemma == "be":
            return any(w.head == j and w.dep == "acomp" for w in parse)
    return False


def _contrast(parse: Parse, j: int, act: int) -> bool:
    """Whether the "not" at word ``j`` sets aside another thing after the act, not the act
    itself ("will debate her on the issues, not her husband's behavior"): after a comma, past
    the act, and before no verb."""
    after = parse[j + 1] if j + 1 < len(parse) else None
    return (
        j > act
        and j > 0
        and parse[j - 1].text in (",", ";", "—", "–")
        and after is not None
        and not (after.tag.startswith("VB") or after.tag == "MD")
    )


def _hedges(parse: Parse, j: int) -> bool:
    """Whether word ``j`` hedges or conditions the verb it hangs on: an adverb of hedging
    ("will likely", :data:`corroborate.lang.en.HEDGE_ADVERBS`; "of course" but of the
    speaker's own act), "if", "whether" or "unless", or a conditional clause
    (:func:`_conditional`)."""
    w = parse[j]
    if w.dep == "advmod" and fold(w.lemma) in en.HEDGE_ADVERBS:
        return True
    if w.dep == "mark" and w.lemma in ("if", "whether", "unless"):
        return True
    if _of_course(parse, j):
        # "of course he will": as sure as "certainly", a forecast of another's act; "of
        # course we will release our records" is the speaker's own promise
        subject = _main_subject(parse, w.head)
        return not (len(subject) == 1 and fold(parse[subject[0]].text) in _WRITER)
    return w.dep == "advcl" and _conditional(parse, j)


def _of_course(parse: Parse, j: int) -> bool:
    """Whether word ``j`` is the "of" or the "course" of "of course" (parsed either way)."""
    here = fold(parse[j].text)
    if here == "course":
        return j > 0 and fold(parse[j - 1].text) == "of"
    return here == "of" and j + 1 < len(parse) and fold(parse[j + 1].text) == "course"


def _appointed(parse: Parse, be: int) -> bool:
    """Whether "be" names a role someone is appointed to (:data:`corroborate.lang.en.
    APPOINTED_ROLES`: "will be co-chairman of the platform committee", "will be the
    moderator"): a post taken on, not a state."""
    return any(
        w.head == be
        and w.dep == "attr"
        and re.sub(r"^co-?", "", fold(w.text)) in en.APPOINTED_ROLES
        for w in parse
    )


def _adverb_so(parse: Parse, verb: int) -> str:
    """The "so" of "do so", when the verb has it."""
    return next((w.lemma for w in parse if w.head == verb and fold(w.text) == "so"), "")


def _believed(parse: Parse, verb: int) -> bool:
    """Whether the verb's clause is a belief, a hope or a fear ("The IMF expects that U.S.
    output will expand"), or what a noun of one holds ("a one-in-four chance that the bank
    will return to ...", "fears that the union will strike": :data:`corroborate.lang.en.
    BELIEF_NOUNS`), or what an adjective of likelihood says of it ("it seems inevitable that
    ...": :data:`corroborate.lang.en.LIKELIHOOD_ADJECTIVES`): a forecast, not a plan told."""
    head = parse[verb].head
    if head == verb:
        return False
    if parse[verb].dep == "ccomp" and parse[head].lemma in en.BELIEF_VERBS:
        return True
    if parse[verb].dep == "ccomp" and any(
        w.head == head and w.dep in ("acomp", "oprd") and fold(w.text) in en.LIKELIHOOD_ADJECTIVES
        for w in parse
    ):
        return True  # "It now seems inevitable that the two rivals will direct their fire"
    noun = parse[head]
    if (
        parse[verb].dep in ("acl", "ccomp")
        and noun.tag.startswith("NN")
        and fold(noun.lemma) in en.BELIEF_NOUNS
    ):
        return True
    if parse[verb].dep == "ccomp" and _be(noun):
        # "Rubio's explanation is that he will support ...", "the fear is that they will"
        return any(
            w.head == head and w.dep == "nsubj" and fold(w.lemma) in en.BELIEF_NOUNS for w in parse
        )
    return parse[verb].dep == "relcl" and _in_a_belief(parse, head)


def _in_a_belief(parse: Parse, noun: int) -> bool:
    """Whether a noun is held, through prepositions, by a noun of belief or estimate ("estimates
    of the number of refugees Obama will accept", "fears about the cuts they will make"), before
    any verb."""
    seen = set()
    while noun not in seen:
        seen.add(noun)
        word = parse[noun]
        if word.tag.startswith("NN") and fold(word.lemma) in en.BELIEF_NOUNS:
            return True
        if not (word.tag.startswith("NN") or word.tag == "IN") or word.head == noun:
            return False
        if word.dep not in ("pobj", "prep", "compound", "nmod"):
            return False
        noun = word.head
    return False


def _asked(parse: Parse, verb: int) -> bool:
    """Whether the verb's clause is an indirect question, "how" or "why" before it (:data:
    `corroborate.lang.en.INDIRECT_QUESTION_ADVERBS`: "the question is how Sanders will respond",
    "tests tell how a person will perform"), or in a clause not of a noun, "who", "whom" or
    "what" (:data:`corroborate.lang.en.INDIRECT_QUESTION_PRONOUNS`: "made up their mind on whom
    they will support"): what is asked or weighed, not a plan told -- unless it says what is
    shown ("this is how we will pay for it", "here's how they will vote") or a verb of telling
    holds it (:data:`corroborate.lang.en.TELLING_VERBS`: "talking about how he's going to
    build a wall")."""
    embedded = parse[verb].dep not in ("relcl", "acl", "ROOT")
    if not any(
        w.head == verb
        and j < verb
        and (
            (w.dep == "advmod" and fold(w.lemma) in en.INDIRECT_QUESTION_ADVERBS)
            or (
                embedded
                and w.tag in ("WP", "WDT")
                and fold(w.text) in en.INDIRECT_QUESTION_PRONOUNS
            )
        )
        for j, w in enumerate(parse)
    ):
        return False
    above, seen = verb, {verb}
    while parse[above].head not in seen:
        above = parse[above].head
        seen.add(above)
        if parse[above].lemma in en.TELLING_VERBS:
            return False  # "talking about how he's going to build a wall": a plan told
    head = parse[verb].head
    if head == verb or parse[head].lemma != "be":
        return True
    shown = {"this", "that", "here", "there", "which"}
    return not any(
        w.head == head and w.dep in ("nsubj", "expl", "advmod") and fold(w.text) in shown
        for w in parse
    )


def _chain(parse: Parse, verb: int, act: int) -> list[int]:
    """The verbs from the act up to the verb that holds the "will" ("going ... to start ...
    building")."""
    chain = [act]
    while chain[-1] != verb and parse[chain[-1]].head != chain[-1]:
        chain.append(parse[chain[-1]].head)
    return chain


def _conditional(parse: Parse, clause: int) -> bool:
    """Whether an adverbial clause is a condition ("if he is elected", "unless they step")."""
    return any(w.head == clause and w.dep == "mark" and w.lemma in ("if", "unless") for w in parse)


def _told_by_another(parse: Parse, verb: int, quote: Quotation) -> bool:
    """Whether the clause is what someone other than "I" or "we" said or thought, within the
    quotation ("That guy has tweeted that we will respond"): his "we", not the speaker's."""
    while parse[verb].dep in ("ccomp", "conj", "xcomp") and parse[verb].head != verb:
        verb = parse[verb].head
        if not quote.start <= parse[verb].start < quote.end:
            return False
        lemma = parse[verb].lemma
        if lemma in en.SPEECH_LEMMAS or lemma in en.BELIEF_VERBS:
            subject = subject_of(parse, verb)
            return not (len(subject) == 1 and fold(parse[subject[0]].text) in _WRITER)
    return False


def _describes(parse: Parse, verb: int) -> bool:
    """Whether the verb is in a relative clause, telling of the noun it hangs on what someone
    unnamed will do ("nations whose representatives will vote"): a description, not news."""
    if parse[verb].dep != "relcl":
        return False
    return any(
        parse[i].tag in ("WDT", "WP", "WP$") for i in subtree(parse, verb, NOT_SUBJECT) if i < verb
    )


def _relative(parse: Parse, verb: int) -> bool:
    """Whether the verb tells of a noun, in a relative clause or conjoined to one ("something
    we support and will protect")."""
    while parse[verb].dep == "conj" and parse[verb].head != verb:
        verb = parse[verb].head
    return parse[verb].dep in ("relcl", "acl")


class _Speakers:
    """The speakers of an article's quotations, found once, when first asked for
    (:func:`corroborate.annotate.quotes.extract_quotes`): who says "I" or "we" in them."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.quotes: list[Any] | None = None

    def of(self, quotation: Quotation) -> list[str]:
        """The named speaker of the quotation, as its actor (none when unnamed or unknown)."""
        if self.quotes is None:
            from corroborate.annotate.quotes import extract_quotes

            self.quotes = [q for q in extract_quotes(self.article) if not q.indirect]
        for q in self.quotes:
            parts = q.parts or ((q.start, q.end),)
            if any(
                s <= quotation.start < e or quotation.start <= s < quotation.end for s, e in parts
            ):
                return [q.speaker_name] if q.named and q.speaker_name else []
        return []


def _after_a_bidding(parse: Parse, verb: int) -> bool:
    """Whether the verb follows a bidding joined to it ("Sign up and they'll send you ..."):
    a promise to whoever does it, not a plan."""
    head = parse[verb].head
    if parse[verb].dep != "conj" or head == verb or parse[head].tag != "VB":
        return False
    return not any(w.head == head and w.dep in ("nsubj", "aux", "nsubjpass") for w in parse)


# A trigger that only says the action lies ahead ("will hold", "is set to veto"): as likely a
# forecast ("output will expand") as a plan, unless someone who can act is its subject.
_FORECAST = re.compile(r"(?:will|shall|are|is|set)\b", re.IGNORECASE)


def read_commitment(
    article: Article, parse: Parse, trigger: int, kind: str, forecast: bool = False
) -> tuple[list[str], bool] | None:
    """What the parse of a sentence says of the commitment whose trigger starts at character
    ``trigger``: None when it is none (the trigger is a noun, a purpose, a question, a stance,
    a hypothesis, a poll's finding, or -- for a ``forecast`` trigger, "will" -- a forecast
    about a thing), else its actors (the grammatical subject's entities) and whether it was
    made earlier (closed, narrated in the past, or a past plan)."""
    words = words_in(parse, trigger, trigger + 1)
    if not words:
        return None
    verb = _commitment_verb(parse, words[0])
    if kind == "money":
        if _MONEY_DONE.search(article.text[trigger : trigger + 80]):
            return None  # "$20 million has been spent on ads": money gone, no commitment
        return _subject_actors(article, parse, _agent_verb(parse, words[0])), False
    if verb is None:
        return None
    if parse[-1].text == "?" or _purpose(parse, verb) or _nominal(parse, verb):
        return None
    if _asked(parse, verb):
        return None  # "the question is how Sanders will respond"
    if _stance(parse, verb) or _hypothetical(parse, verb) or _poll(parse, verb):
        return None
    if _pledged_to_someone(article, parse, verb) or _pending(article, parse, verb):
        return None
    if _not_a_plan(article, parse, verb, kind, forecast):
        return None
    of_a_thing = kind == "pledged" and not _pledged_act(parse, verb)
    if of_a_thing and not (_pledged_thing(article, parse, verb) and _can_act(article, parse, verb)):
        return None
    if _nobody_commits(article, parse, verb, kind):
        return None
    if forecast and (_believed(parse, verb) or _refused(article, parse, verb, trigger)):
        return None
    if (
        forecast
        and not _can_act(article, parse, verb)
        and not _dated_ahead(article, trigger)
        and not _coming_out(parse, verb)
    ):
        return None
    actors = _subject_actors(article, parse, verb)
    described = forecast and not actors and _describes(parse, verb)
    if described and not _coming_out(parse, verb) and not _dated_ahead(article, trigger):
        return None  # "the member nations whose board representatives will vote"
    if _called_off(parse, verb):
        return actors, True  # a plan since changed or called off: background, not ahead
    earlier = _told_earlier(parse, verb)
    if earlier and _reported(parse, verb) and _pluperfect(parse, verb):
        # "She said leaders had agreed to put together a plan by March of next year": the
        # reporting shifts the tense back; a day ahead says the commitment still stands
        earlier = not _dated_ahead(article, trigger)
    return actors, earlier


def _not_a_plan(article: Article, parse: Parse, verb: int, kind: str, forecast: bool) -> bool:
    """Whether the grammar of the commitment's verb says it is no plan told: done by no one or
    negated (:func:`_no_one_subject`, :func:`_negated`; a "will"'s negation is read by
    :func:`_refused`), hung on a negated word (:func:`_doubted`), asked or named in a
    wh-clause (:func:`_wh_clause`), itself a condition (:func:`_condition`), a likelihood
    (:func:`_likelihood`, :func:`_likely`), the start of an outcome (:func:`_opens_an_outcome`),
    only to be so (:func:`_to_be_so`), an assurance of a state (:func:`_assurance`) or only to
    win (:func:`_to_win`)."""
    if _no_one_subject(parse, verb) or (not forecast and _negated(parse, verb, kind)):
        return True
    if _doubted(parse, verb):
        return True
    if _wh_clause(parse, verb):
        return True
    if _condition(parse, verb):
        return True
    if _likelihood(article, parse, verb, kind):
        return True
    if forecast and _opens_an_outcome(parse, verb):
        return True
    if _to_be_so(parse, verb):
        return True
    if kind == "pledged" and _assurance(parse, verb):
        return True
    if _likely(parse, verb):
        return True
    return not forecast and _to_win(parse, verb)


def _likely(parse: Parse, verb: int) -> bool:
    """Whether the verb is what an adjective of likelihood (:data:`corroborate.lang.en.
    LIKELIHOOD_ADJECTIVES`) says may come ("the talks are likely to be held in Oslo", "is sure
    to agree to"): a forecast, not a plan."""
    j = verb
    seen = {j}
    while parse[j].dep in ("xcomp", "conj", "auxpass", "aux") and parse[j].head not in seen:
        j = parse[j].head
        seen.add(j)
        if parse[j].tag.startswith("JJ") and fold(parse[j].text) in en.LIKELIHOOD_ADJECTIVES:
            return True
    return False


def not_told(article: Article, trigger: int, kind: str = "planned") -> bool:
    """Whether the parse reads the verb of the trigger at character ``trigger`` as no plan
    told (:func:`_not_a_plan`, the tests :func:`read_commitment` puts the verb's grammar to),
    so that no other reader (the learned one) lists it as a next step."""
    sentence = next((s for s in article.sentences if s.start <= trigger < s.end), None)
    parse = article.parses.get(sentence.index) if sentence is not None else None
    if parse is None:
        return False
    verb = _verb_at(parse, trigger)
    return verb is not None and _not_a_plan(article, parse, verb, kind, False)


def called_off(article: Article, commitment: Commitment) -> bool:
    """Whether the parse reads ``commitment`` as a plan since changed or called off
    (:func:`_called_off`), so that no other reader brings it back as a next step."""
    parse = article.parses.get(commitment.sentence)
    if parse is None:
        return False
    verb = _verb_at(parse, commitment.start)
    return verb is not None and _called_off(parse, verb)


def _verb_at(parse: Parse, at: int) -> int | None:
    """The commitment's verb (:func:`_commitment_verb`) of the word at character ``at``."""
    words = words_in(parse, at, at + 1)
    return _commitment_verb(parse, words[0]) if words else None


# Dependencies through which a verb's clause hangs under the verb that governs it, for
# :func:`_called_off` (not "conj": a clause beside it is not under it).
_UNDER = frozenset({"acl", "relcl", "dobj", "pobj", "prep", "advcl", "ccomp", "xcomp", "attr"})


def _called_off(parse: Parse, verb: int) -> bool:
    """Whether the plan or schedule at ``verb`` is told as since changed ("the tour was
    originally scheduled to include Lyon") or called off by a verb it hangs under (:data:
    `corroborate.lang.en.CALLING_OFF_VERBS`: "the club postponed a match scheduled for
    Sunday", "cancelled the rally after protesters filled the hall where she was scheduled to
    speak"), unless it is put off to a day the putting off names ("postponed the vote
    scheduled for Monday until Thursday")."""
    if any(
        w.head == verb and w.dep == "advmod" and fold(w.text) in en.SUPERSEDED_ADVERBS
        for w in parse
    ):
        return True
    seen = {verb}
    j = verb
    while parse[j].dep in _UNDER and parse[j].head not in seen:
        j = parse[j].head
        seen.add(j)
        word = parse[j]
        if not word.tag.startswith("VB"):
            continue
        particle = next((w.lemma for w in parse if w.head == j and w.dep == "prt"), "")
        lemma = f"{word.lemma} {particle}" if particle else word.lemma
        if lemma not in en.CALLING_OFF_VERBS:
            continue
        to_a_day = any(  # on the putting off or what it puts off, however the parse hangs it
            w.head in seen and w.dep == "prep" and w.lemma in ("until", "till", "to") for w in parse
        )
        return not (lemma in en.DEFERRING_VERBS and to_a_day)
    return False


def _refused(article: Article, parse: Parse, verb: int, trigger: int) -> bool:
    """Whether a "will" is negated, other than to put the act off to a day ahead ("the first
    layoffs will not begin until 2017" sets the day; "will not take effect until 55 countries
    ratify" sets no day)."""
    if not any(w.head == verb and w.dep == "neg" for w in parse):
        return False
    until = any(w.head == verb and w.dep == "prep" and w.lemma in ("until", "till") for w in parse)
    return not (until and _dated_ahead(article, trigger))


def _pluperfect(parse: Parse, verb: int) -> bool:
    """Whether the verb is in the pluperfect ("had agreed")."""
    return any(w.head == verb and w.lemma == "have" and w.tag == "VBD" for w in parse)


def _coming_out(parse: Parse, verb: int) -> bool:
    """Whether the verb says a thing is scheduled to come out or take place (:data:
    `_COMING_OUT`): "the ad will air", "the report will be released", "will be held", "a
    film set to be released"."""
    word = parse[verb]
    if fold(word.text) in en.LOOKING_AHEAD_PARTICIPLES:
        # "a movie set to be released in the summer": the act its "to" marks, however the
        # parse hangs it
        to = verb + 1
        if to < len(parse) and parse[to].tag == "TO" and parse[to].head != to:
            verb, word = parse[to].head, parse[parse[to].head]
    if word.lemma in _COMING_OUT:
        return True
    return _passive(parse, verb) and word.lemma in _COMING_OUT_PASSIVE


def _pledged_to_someone(article: Article, parse: Parse, verb: int) -> bool:
    """Allegiance, not an action: pledged or committed *to a person* ("delegates pledged to
    Clinton", "committed to the governor"): "to" a preposition whose object is a person's name,
    not the mark of an action to do ("pledged to build"), nor whom a thing pledged goes to
    ("pledged her vote to Clinton": a vote to be cast)."""
    if any(w.head == verb and w.dep == "dobj" for w in parse):
        return False  # "pledged her vote to Clinton": a thing given, to be delivered
    to = [i for i, w in enumerate(parse) if w.head == verb and w.dep == "prep" and w.lemma == "to"]
    objects = [i for i, w in enumerate(parse) if w.head in to and w.dep == "pobj"]
    return any(_in_a_name(article, parse[i]) for i in objects)


def _in_a_name(article: Article, word: Word) -> bool:
    """Whether the word lies in a person's name (an entity mention)."""
    return any(m.start <= word.start < m.end for m in article.mentions if m.label == "PERSON")


def _pledged_act(parse: Parse, verb: int) -> bool:
    """Whether a pledge is to do something or that something will be: an infinitive, a clause
    or "to" hangs on it ("pledged to rebuild", "vowed that ...", "committed to cooperation")."""
    return any(
        w.head == verb and (w.dep in ("xcomp", "ccomp") or (w.dep == "prep" and w.lemma == "to"))
        for w in parse
    )


def _pledged_thing(article: Article, parse: Parse, verb: int) -> bool:
    """Whether a pledge is of a thing, its direct object ("promised a veto", "has pledged his
    support", "promised mass deportation"): a commitment to act, though no verb says how;
    not a promise to a person ("promised Mr. Weiner", "promise you"), nor what "pledged" only
    qualifies ("pledged delegates": :data:`corroborate.lang.en.PLEDGED_NOUNS`), nor a loyalty
    sworn ("pledged his allegiance to": :data:`corroborate.lang.en.LOYALTY_NOUNS`), a bond
    made in the swearing."""
    objects = [i for i, w in enumerate(parse) if w.head == verb and w.dep == "dobj"]
    return any(
        parse[i].tag not in ("PRP", "WP", "WDT")
        and parse[i].lemma not in en.PLEDGED_NOUNS
        and fold(parse[i].lemma) not in en.LOYALTY_NOUNS
        and not _in_a_name(article, parse[i])
        for i in objects
    )


def _stance(parse: Parse, verb: int) -> bool:
    """A stance told with an adjective, not an action: "will hold firm to", "stands ready"
    (the adjective a complement, or parsed as the object), or being committed, a state, with
    no modal to put it ahead ("the party was committed to an open process"; not "she would
    be committed to running")."""
    if _committed_state(parse, verb):
        return True
    return any(
        w.head == verb and (w.dep in ("acomp", "oprd") or (w.dep == "dobj" and w.tag == "JJ"))
        for w in parse
    )


def _hypothetical(parse: Parse, verb: int) -> bool:
    """A commitment only imagined: the verb or the verb it hangs on has a modal other than
    "will" ("a proposal in which the country would pledge to", "might decide to"); "would" in
    reported speech is a "will" told in the past ("Obama said he would visit")."""
    seen = set()
    while verb not in seen:
        seen.add(verb)
        modals = [w for w in parse if w.head == verb and w.tag == "MD"]
        for modal in modals:
            lemma = _straight(modal.text)
            if lemma in en.FUTURE_AUXILIARIES or fold(modal.lemma) in en.FUTURE_AUXILIARIES:
                continue
            if lemma in ("would", "'d", "’d") and _reported(parse, verb):
                continue
            return True
        if parse[verb].dep not in ("xcomp", "conj") or parse[verb].head == verb:
            return False
        verb = parse[verb].head
    return False


def _committed_state(parse: Parse, verb: int) -> bool:
    """Whether "committed" tells a state: after "be" or "remain", as an adjective or in the
    passive ("the party was committed to", "we remain committed to"), with no modal ("will
    be committed to", "she'd be committed to" put a commitment ahead), or as a bare
    participle, no auxiliary before it, describing a noun ("someone committed to his views",
    "see their party as insufficiently committed to")."""
    word = parse[verb]
    if fold(word.text) != "committed":
        return False
    if word.tag == "VBN" and not _auxiliaries(parse, verb):
        return True  # a bare participle describes: "someone committed to his views"
    holder = word.head if word.dep == "acomp" and word.head != verb else verb
    passive = _passive(parse, verb) or word.dep == "acomp"
    return passive and not any(w.head in (verb, holder) and w.tag == "MD" for w in parse)


def _auxiliaries(parse: Parse, verb: int) -> list[Word]:
    """The verb's auxiliaries ("has", "will", "be"), or those of the verb it is conjoined to
    ("has pledged and committed to": the "has" is shared)."""
    found = [w for w in parse if w.head == verb and w.dep in ("aux", "auxpass")]
    if not found and parse[verb].dep == "conj" and parse[verb].head != verb:
        return _auxiliaries(parse, parse[verb].head)
    return found


def _poll(parse: Parse, verb: int) -> bool:
    """A poll's finding, not a commitment: the subject, or whom a reported pronoun stands
    for, is a share of people ("nearly eight of 10 voters say they plan to", "55 percent of
    Republicans will vote"), or a share says the clause ("eight in 10 voters said they have
    made up their mind on whom they will support")."""
    subject = _main_subject(parse, verb)
    if len(subject) == 1 and parse[subject[0]].lemma in en.PERSONAL_PRONOUNS:
        subject = _antecedent(parse, verb, subject[0]) or _before_reporting(parse, verb)
    if any(_share(parse, i) for i in subject):
        return True
    # what a share says, however deep the clause ("eight in 10 voters said they have made up
    # their mind on whom they will support")
    above, seen = verb, {verb}
    while parse[above].head not in seen:
        above = parse[above].head
        seen.add(above)
        if parse[above].lemma in en.SPEECH_LEMMAS and any(
            _share(parse, i) for i in _main_subject(parse, above)
        ):
            return True
    return False


def _before_reporting(parse: Parse, verb: int) -> list[int]:
    """When the verb's clause is reported by a verb the parse gives no subject ("Among GOP
    voters, about two-thirds, 67 percent, say they will"): the words hanging on the reporting
    verb before it, where its speaker stands."""
    clause = verb
    while parse[clause].dep in ("xcomp", "conj") and parse[clause].head != clause:
        clause = parse[clause].head
    head = parse[clause].head
    if not _reported(parse, clause) or head > clause:
        return []
    return sorted(i for i in subtree(parse, head, frozenset({"punct"})) if i < head)


def _share(parse: Parse, index: int) -> bool:
    """Whether a subject's word counts a share: "percent", "a majority", or "of" or "in" between
    two numbers or after one ("eight of 10 voters", "two out of three", "eight in 10")."""
    word = parse[index]
    if fold(word.lemma) in en.SHARE_NOUNS or fold(word.text) in en.SHARE_NOUNS:
        return True
    if word.lemma == "in":
        return word.dep == "quantmod"  # "eight in 10", not "people in Ohio"
    if word.lemma not in ("of", "out"):
        return False
    return word.dep == "quantmod" or parse[word.head].tag == "CD"


def _can_act(article: Article, parse: Parse, verb: int) -> bool:
    """Whether the verb's subject is someone who can act: a name, a person's pronoun (not
    "it", unless it stands for the body that says it: "Carrier has said it will return the
    money"), or a noun for people or a body ("the council"); not a thing ("output will
    expand", "paying tuition will increase your chances", "other polls will begin")."""
    subject = _main_subject(parse, verb)
    if not subject:
        return False
    head = _head_of(parse, subject, verb)
    word = parse[head]
    if word.tag == "PRP":
        return fold(word.text) not in _NO_ONE or bool(_body_speaker(article, parse, verb, head))
    if word.tag in ("WP", "WDT") and parse[verb].dep == "relcl":
        noun = parse[verb].head
        return _named(article, parse, noun) or _agent(parse[noun])
    return _named(article, parse, head) or _agent(word)


def _body_speaker(article: Article, parse: Parse, verb: int, pronoun: int) -> list[str]:
    """For an "it" opening a reported clause, the name of whoever reports it when that name
    is a body's, not a person's ("Carrier has said it will return the money" -> Carrier; not
    "Obama said it would tell an American story"): most of the article's mentions of the name
    are an organisation's, a place's or a group's, so the speaker is an "it"."""
    names = _names_in(article, parse, _antecedent(parse, verb, pronoun))
    if len(names) != 1:
        return []
    labels = [m.label for m in article.mentions if fold(_actor_name(m)) == fold(names[0])]
    bodies = sum(label in ("ORG", "GPE", "NORP") for label in labels)
    return names if bodies > labels.count("PERSON") else []


def _named(article: Article, parse: Parse, index: int) -> bool:
    return any(
        m.label in ACTOR_LABELS and index in words_in(parse, m.start, m.end)
        for m in article.mentions
    )


def _dated_ahead(article: Article, trigger: int) -> bool:
    """Whether a date after the trigger in its sentence lies ahead ("will start on Monday"):
    a thing scheduled, not a forecast."""
    sentence = next((s.index for s in article.sentences if s.start <= trigger < s.end), -1)
    return any(
        d.sentence == sentence
        and d.start > trigger
        and (d.future or (d.side or "").startswith("ahead"))
        for d in article.dates
    )


# Subjects that commit no one: the writer outside any quote ("We will keep you posted", a
# site's own lines), and "it"/"this" promising to be something ("It promises to be a busy
# year": a likelihood, not a pledge).
_WRITER = frozenset({"i", "we"})
_NO_ONE = frozenset({"it", "this", "there"})
_THIRD_PERSONS = frozenset({"he", "she", "they"})
_BEING = frozenset({"be", "become", "remain", "prove"})


def _nobody_commits(article: Article, parse: Parse, verb: int, kind: str) -> bool:
    """Whether the subject of the commitment's verb is the writer (a first-person pronoun
    outside quote marks), or "it" promising to be something (a likelihood)."""
    subject = subject_of(parse, verb)
    if len(subject) != 1:
        return False
    word = parse[subject[0]]
    pronoun = fold(word.text)
    if pronoun in _WRITER:
        return not any(s <= word.start < e for s, e in _quoted_spans(article.text))
    being = any(w.head == verb and w.dep == "xcomp" and w.lemma in _BEING for w in parse)
    return kind == "pledged" and pronoun in _NO_ONE and being


def _commitment_verb(parse: Parse, index: int) -> int | None:
    """The verb that carries the commitment: the verb "will" is the auxiliary of, or the
    trigger itself when it is a verb ("agreed", "plans", "pledged", "scheduled")."""
    word = parse[index]
    if word.tag == "MD" or word.dep in ("aux", "auxpass") or word.lemma in ("be", "go", "to"):
        head = word.head
        if word.tag == "MD" and parse[head].tag in _FINITE:
            return None  # no modal before a finite verb: "Will Dunham hosts", a name
        return head if head != index and is_verb(parse[head]) else None
    if is_verb(word) or _verb_tagged_noun(parse, index):
        return index
    return None


def _verb_tagged_noun(parse: Parse, index: int) -> bool:
    """A trigger tagged as a noun that the parse still reads as the sentence's verb: it has a
    subject and an infinitive ("The Clinton campaign plans to employ ...", headlines' "Vows
    To")."""
    children = [w for w in parse if w.head == index and parse[index] is not w]
    return any(w.dep in ("nsubj", "nsubjpass") for w in children) and any(
        w.dep == "xcomp" and is_verb(w) for w in children
    )


def _agent_verb(parse: Parse, index: int) -> int:
    """For money set aside ("$180 million will be invested"), the verb of whoever sets it
    aside: up from the money's verb to the first verb with an active subject ("The
    delegation highlighted the program in which $180 million will be invested")."""
    verb, _ = governing_verb(parse, index)
    seen = set()
    while verb is not None and verb not in seen and parse[verb].lemma not in en.REPORTING_LEMMAS:
        seen.add(verb)
        if any(w.head == verb and w.dep == "nsubj" for w in parse):
            return verb
        verb, _ = governing_verb(parse, verb)
    return index  # the speaker who reports it is not who pays


def _nominal(parse: Parse, verb: int) -> bool:
    """A trigger tagged as a verb that stands as a noun ("her plans to raise taxes would
    ..."): it is a subject or an object or an adjective, or has a determiner or a possessor."""
    if parse[verb].dep in ("nsubj", "nsubjpass", "dobj", "pobj", "amod"):
        return True  # "his announced plans to host": an adjective
    return any(w.head == verb and w.dep in ("poss", "det") for w in parse)


def _purpose(parse: Parse, verb: int) -> bool:
    """A purpose, not a plan: "injections intended to calm", "the plan is intended to"."""
    word = parse[verb]
    if word.lemma not in en.PURPOSE_VERBS and word.text.lower() not in ("intended", "designed"):
        return False
    return _passive(parse, verb) or word.dep in ("acl", "amod")


def _passive(parse: Parse, verb: int) -> bool:
    """Whether the verb is in the passive ("will be released", "is intended to")."""
    return any(w.head == verb and w.dep == "auxpass" for w in parse)


def _reported(parse: Parse, verb: int) -> bool:
    """Whether the verb's clause is what someone said ("The ministry added that the two
    governments agreed to ...")."""
    head = parse[verb].head
    return (
        head != verb
        and parse[verb].dep in ("ccomp", "conj")
        and parse[head].lemma in en.REPORTING_LEMMAS
    )


def _told_earlier(parse: Parse, verb: int) -> bool:
    """An agreement closed ("finally agreed"), told in the pluperfect ("had agreed"), a
    commitment told in the past where it began ("first promised") or in a clause dating another
    ("three years after Republicans vowed to"), or a plan or an agreement narrated in the past
    ("planned to revitalize", "In the end, the company agreed to lend"): made on an earlier
    occasion, not a next step. Reported speech is news ("The ministry added that the two
    governments agreed to ...") unless in the pluperfect, which may shift the reporting's tense
    back or tell an older agreement: precision first."""
    word = parse[verb]
    modifiers = {w.lemma for w in parse if w.head == verb and w.dep == "advmod"}
    if modifiers & en.COMPLETION_ADVERBS:
        return True
    if _pluperfect(parse, verb):
        return True
    if word.tag == "VBD" and (_time_clause(parse, verb) or modifiers & en.ORIGIN_ADVERBS):
        return True
    narrated = word.tag == "VBD" and word.lemma in ("agree", "plan", "intend")
    return narrated and not _reported(parse, verb)


def _pending(article: Article, parse: Parse, verb: int) -> bool:
    """Whether the verb heads a time clause in the present or the present perfect ("once the
    two sides agree to terms", "after they have agreed to a match"): a condition or a habit
    that dates another clause, not a commitment made. Not "since" (it may give a reason), nor
    a named subject's present perfect: a particular pledge that stands ("after Trump has
    promised to put the state into play")."""
    if not _time_clause(parse, verb) or parse[verb].tag == "VBD" or _pluperfect(parse, verb):
        return False
    if any(w.head == verb and w.dep == "mark" and w.lemma == "since" for w in parse):
        return False
    perfect = any(w.head == verb and w.lemma == "have" and w.dep == "aux" for w in parse)
    return not (perfect and _subject_actors(article, parse, verb))


def _time_clause(parse: Parse, verb: int) -> bool:
    """Whether the verb heads a clause that dates another ("three years after Republicans
    vowed to", "after the press announced plans to"): a past occasion, told as background."""
    return parse[verb].dep == "advcl" and any(
        w.head == verb and w.dep == "mark" and w.lemma in en.TIME_CLAUSE_MARKS for w in parse
    )


def _subject_actors(article: Article, parse: Parse, verb: int) -> list[str]:
    """Who commits: the named entities of the verb's grammatical subject (the subject nearest
    the verb when the parse gives two; relative clauses aside; a name in apposition first:
    "Trump's running mate, Indiana Gov. Mike Pence" -> Mike Pence). A relative pronoun stands
    for the noun its clause modifies ("Chris Wallace, who will moderate"; "Future45, a super
    PAC that intends to" -> Future45), a pronoun in reported speech for the speaker ("Obama
    said he planned to"), any other pronoun for no one. A name that only modifies the subject
    is its actor when the subject is that name's body ("the Clinton campaign" -> Clinton), not
    otherwise ("the Democratic candidate", "U.S. output"). A subject with no name gives no
    actor: a reader acts on a name, and a description ("the campaign") names no one."""
    subject = _main_subject(parse, verb)
    if len(subject) == 1 and parse[subject[0]].lemma in en.PERSONAL_PRONOUNS:
        if _quoted_other(article, parse[subject[0]]):
            return []  # "“..., she'd be committed to ...,” said X": she is not X
        if fold(parse[subject[0]].text) == "it":
            return _body_speaker(article, parse, verb, subject[0])
        stands_for = _antecedent(parse, verb, subject[0])
        return _names_in(article, parse, stands_for) if stands_for else []
    if not subject:
        return []
    head = _head_of(parse, subject, verb)
    named = [
        _actor_name(m)
        for m in article.mentions
        if m.label in ACTOR_LABELS and head in words_in(parse, m.start, m.end)
    ]
    if named:  # the subject is a name ("The City of Porthaven", "Cooper and Martha Raddatz")
        return list(dict.fromkeys([named[0], *_names_in(article, parse, subject)]))
    appositions = [i for i in subject if parse[i].dep == "appos" and parse[i].head in subject]
    for apposition in appositions:
        named = _names_in(article, parse, subtree(parse, apposition, NOT_SUBJECT))
        if named:
            return named
    named = _names_in(article, parse, subject)
    if named:
        return named
    if fold(parse[head].lemma) in _BODIES:
        return _names_in(article, parse, subject, modifiers=True)
    return []


# Bodies a name owns, whose name is who acts: "the Clinton campaign", "the Obama administration".
_BODIES = en.ANY_ORGANISATION_NOUNS | en.SPEAKING_BODY_NOUNS | frozenset({"government", "family"})


def _quoted_other(article: Article, pronoun: Word) -> bool:
    """Whether a pronoun inside quote marks is not the speaker's "I" or "we" ("“..., then
    she'd be committed to ...,” said X"): a speaker calls themself "I", so another person is
    meant, whom the syntax cannot name."""
    if fold(pronoun.text) in _WRITER:
        return False
    quotations = find_quotations(article.text)
    return any(q.start <= pronoun.start < q.end and not q.single for q in quotations)


def _main_subject(parse: Parse, verb: int) -> list[int]:
    """The words of the verb's subject; when the parse gives it two ("After Brexit and
    Trump's threats, bloc aims to"), the one nearest before the verb."""
    subject = subject_of(parse, verb)
    inside = set(subject)
    heads = [i for i in subject if parse[i].head not in inside or parse[i].head == i]
    if len(heads) < 2:
        return subject
    before = [i for i in heads if i < verb]
    head = max(before) if before else min(heads)
    return sorted(subtree(parse, head, NOT_SUBJECT))


def _head_of(parse: Parse, subject: list[int], verb: int) -> int:
    heads = [i for i in subject if parse[i].dep in ("nsubj", "nsubjpass")]
    before = [i for i in heads if i < verb]
    return max(before) if before else (heads[0] if heads else subject[0])


# Nouns for who can act, when no name is given ("both governments", "the organisers").
_AGENT_NOUNS = (
    frozenset(en.SPEAKER_ROLE_NOUNS)
    | en.PERSON_NOUNS
    | en.SPEAKING_BODY_NOUNS
    | en.ANY_ORGANISATION_NOUNS
    | en.TITLE_HEADS
    | en.AGENT_NOUNS
) - {"statement"}


def _agent(word: Word) -> bool:
    """Whether a subject's head word names people or a body that can act."""
    lemma = fold(word.lemma or word.text)
    return lemma in _AGENT_NOUNS or fold(word.text) in _AGENT_NOUNS


def _antecedent(parse: Parse, verb: int, pronoun: int) -> list[int]:
    """The words a subject pronoun stands for, where the syntax says: a relative pronoun's
    noun, or the speaker of the reported clause a personal pronoun opens."""
    word = parse[pronoun]
    if word.tag in ("WP", "WDT") and parse[verb].dep == "relcl":
        noun = parse[verb].head
        if parse[noun].dep == "appos" and parse[noun].head != noun:
            # "Future45, a super PAC that intends to": Future45
            return subtree(parse, parse[noun].head, NOT_SUBJECT | {"appos"})
        # "Mark Zuckerberg, who announced plans to ..., as his role models Warren Buffett and
        # Bill and Melinda Gates": not the names after the clause
        later = {
            j
            for i, w in enumerate(parse)
            if w.head == noun and w.dep in ("conj", "cc", "appos") and i > verb
            for j in subtree(parse, i, frozenset())
        }
        return [i for i in subtree(parse, noun, NOT_SUBJECT) if i not in later]
    clause = verb
    while parse[clause].dep in ("xcomp", "conj") and parse[clause].head != clause:
        clause = parse[clause].head
    if word.tag == "PRP" and _reported(parse, clause):
        speaker = subject_of(parse, parse[clause].head)
        if len(speaker) == 1 and parse[speaker[0]].tag in ("WP", "WDT"):
            # "a voter who said she planned to": the noun the speaker's "who" stands for
            return _antecedent(parse, parse[clause].head, speaker[0])
        return speaker
    return []


def _names_in(
    article: Article, parse: Parse, words: list[int], modifiers: bool = False
) -> list[str]:
    """The actor names of the entity mentions made of ``words``; a name that only modifies
    another word ("Indiana" in "Indiana Gov. Mike Pence") only when ``modifiers``."""
    if not words:
        return []
    start = min(parse[i].start for i in words)
    end = max(parse[i].end for i in words)
    found = [
        m
        for m in article.mentions
        if m.label in ACTOR_LABELS and start <= m.start < m.end <= end and _inside(parse, words, m)
    ]
    # a name that only modifies another ("Indiana Gov. Mike Pence") is not who commits, nor a
    # group's name that describes the person beside it ("Ana Ruiz, the senior Republican")
    heads = found if modifiers else [m for m in found if not _modifier(parse, m)]
    heads = [m for m in heads if not (m.label == "NORP" and _in_apposition(parse, m))]
    names: list[str] = []
    for mention in heads:
        name = _actor_name(mention)
        if fold(name) not in {fold(n) for n in names}:
            names.append(name)
    return names


_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod"})


def _in_apposition(parse: Parse, mention: Mention) -> bool:
    """Whether a mention's words head an apposition ("Senator Ana Ruiz, the senior Republican
    on the panel"): a description of the noun beside it."""
    words = words_in(parse, mention.start, mention.end)
    inside = set(words)
    root = next((i for i in words if parse[i].head not in inside), None)
    return root is not None and parse[root].dep == "appos"


def _modifier(parse: Parse, mention: Mention) -> bool:
    """Whether a mention's words modify a word outside it ("Indiana" in "Indiana Gov.")."""
    words = words_in(parse, mention.start, mention.end)
    inside = set(words)
    root = next((i for i in words if parse[i].head not in inside), None)
    while root is not None and parse[root].dep == "conj" and parse[root].head != root:
        root = parse[root].head  # "the Mexican and U.S. governments": both modify
    return root is not None and parse[root].dep in _MODIFIERS


def _inside(parse: Parse, subject: Sequence[int], mention: Mention) -> bool:
    """Whether a mention's words are all words of the subject (not of a clause inside it)."""
    inside = set(subject)
    return all(i in inside for i in words_in(parse, mention.start, mention.end))


# "had agreed to", "had already pledged to", "had been committed to": told as done before.
_PLUPERFECT = re.compile(r"\bhad\s+(?:\w+\s+)?(?:been\s+)?\w+(?:\s+(?:to|that|on))?\s*$", re.I)
# A date this long before the article's own is another occasion, not the news being reported.
EARLIER_BY = timedelta(days=7)


def _dated_before(article: Article, index: int, trigger: int) -> bool:
    """Whether the sentence anchors the commitment to a time before the article's date: a
    resolved date mention ahead of the trigger whose whole period ended more than
    :data:`EARLIER_BY` before the article was published; not one that dates a noun's phrase
    without the trigger (:attr:`~corroborate.annotate.dates.DateMention.phrase`: "the
    operator, which has run the line since 2011, will pay": the operator's past, not the
    pledge's day)."""
    reference = parse_day(article.published or article.published_inferred)
    if reference is None:
        return False
    for d in article.dates:
        if d.sentence != index or d.start >= trigger or d.future or not d.resolved:
            continue
        if d.phrase and not d.phrase[0] <= trigger < d.phrase[1]:
            continue
        end = d.last_day
        if end is not None and end < reference - EARLIER_BY:
            return True
    return False


def _action_dated_past(article: Article, index: int, trigger: int) -> bool:
    """Whether what was committed to is dated before the article's date: a resolved date
    after the trigger, dating the sentence's happening (a time adverbial: "in the year 2000",
    "last December"; not a noun's, as "from 2005 levels"; nor the pledge's own day, as
    "vowed last month to"), whose period ended more than :data:`EARLIER_BY` before the
    article ("pledged that in the year 2000 it would"): its day has passed, so it is no next
    step."""
    reference = parse_day(article.published or article.published_inferred)
    parse = article.parses.get(index)
    if reference is None or not parse:
        return False
    pledge = words_in(parse, trigger, trigger + 1)
    for d in article.dates:
        if d.sentence != index or d.start < trigger or d.future or not d.resolved or d.phrase:
            continue
        if (d.side or "").startswith("ahead") or not _time_adverbial(parse, d.start, d.end):
            continue
        if pledge and _dated_word(parse, d.start, d.end) == pledge[0]:
            continue  # "vowed last month to take ...": the day of the pledge, not of the act
        end = d.last_day
        if end is not None and end < reference - EARLIER_BY:
            return True
    return False


_TIME_UNITS = frozenset({"year", "month", "week", "day"})


def _dated_word(parse: Parse, start: int, end: int) -> int | None:
    """The word a time adverbial at ``start:end`` dates: the verb "last month" hangs on, or
    the one its "in" or "on" does."""
    words = words_in(parse, start, end)
    if not words:
        return None
    inside = set(words)
    root = next((i for i in words if parse[i].head not in inside), words[0])
    if parse[root].dep in ("compound", "appos", "nummod"):
        root = parse[root].head
    head = parse[root].head
    return parse[head].head if parse[root].dep == "pobj" else head


def _time_adverbial(parse: Parse, start: int, end: int) -> bool:
    """Whether the words at ``start:end`` are a time adverbial: a bare one ("last December")
    or the object of "in", "on", "at" or "during" ("in the year 2000")."""
    words = words_in(parse, start, end)
    if not words:
        return False
    inside = set(words)
    root = next((i for i in words if parse[i].head not in inside), words[0])
    word = parse[root]
    if word.dep in ("compound", "appos", "nummod") and parse[word.head].lemma in _TIME_UNITS:
        word = parse[word.head]
    if word.dep in ("npadvmod", "tmod"):
        return True
    return word.dep == "pobj" and parse[word.head].lemma in ("in", "on", "at", "during")


def _actors(article: Article, index: int, sentence_start: int, trigger: int) -> list[str]:
    mentions = [m for m in article.mentions if m.sentence == index and m.label in ACTOR_LABELS]
    text = article.text
    before = [m for m in mentions if m.end <= trigger]
    # the speaker of "X said that Y will ..." is a source, not an actor
    speech = None
    for m in re.finditer(
        rf"\b(?:{'|'.join(en.SOURCE_VERBS)})\b(?:\s+(?:that|in\s+a\s+statement))?",
        text[sentence_start:trigger],
    ):
        speech = sentence_start + m.end()
    if speech is not None:
        after_speech = [m for m in before if m.start >= speech]
        if after_speech:
            before = after_speech
    # no name before the trigger ("The two governments committed to ..."): no one, rather
    # than a name from elsewhere in the sentence
    names: list[str] = []
    for mention in before:
        name = _actor_name(mention)
        if fold(name) not in {fold(n) for n in names}:
            names.append(name)
    return names
