"""Tests for corroborate.read.clean.

Most examples are written in a tagged format (see ``tests/data/clean/README.md``) that says what
must happen to every line, so one test checks text, title, outlet, removed and headings exactly.
The seed articles in ``shared/corpus/us-mexico-migration-talks`` are tested when present.
"""

from __future__ import annotations

import re
import textwrap
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from corroborate.lang import merged
from corroborate.model import REMOVAL_REASONS, Article, Removed
from corroborate.read.clean import (
    Cleaned,
    classify_line,
    clean_article,
    clean_text,
    holds_news_sentence,
    is_photo_credit,
    is_related_link,
    is_site_title,
    looks_like_caption,
    looks_like_comment,
    looks_like_outlet_name,
    lost_lines,
    split_dateline,
)

DATA = Path(__file__).parent / "data" / "clean"
SEEDS = (
    Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "us-mexico-migration-talks"
)


# --------------------------------------------------------------------------------------------
# The tagged format


@dataclass
class Spec:
    """What cleaning one tagged example must produce."""

    name: str
    raw: str
    text: str
    title: str | None
    outlet: str | None
    removed: list[Removed]
    headings: list[str]
    body_lines: list[str]
    outlet_arg: str | None = None
    title_arg: str | None = None
    meta: dict[str, str] = field(default_factory=dict)


def _none(value: str | None) -> str | None:
    return None if value in (None, "None", "") else value


def parse_spec(name: str, spec: str) -> Spec:
    """Parse a tagged example into the raw text and everything expected from it."""
    rows = textwrap.dedent(spec).strip("\n").splitlines()
    meta: dict[str, str] = {}
    if rows and rows[0].startswith("#"):
        for item in rows.pop(0).lstrip("# ").split(";"):
            if item.strip():
                key, _, value = item.partition("=")
                meta[key.strip()] = value.strip()
    raw_lines: list[str] = []
    text_lines: list[str] = []
    removed: list[Removed] = []
    headings: list[str] = []
    body_lines: list[str] = []
    title = None
    for row in rows:
        tag, sep, content = row.partition("|")
        assert sep, f"{name}: row without a tag: {row!r}"
        content = content.removeprefix(" ")
        pieces = content.split("¦")
        raw_lines.append("".join(pieces))
        if not content.strip():
            text_lines.append("")
            continue
        tags = tag.strip().split("+")
        assert len(tags) == len(pieces), f"{name}: tags and pieces differ in {row!r}"
        kept = []
        for t, piece in zip(tags, pieces, strict=True):
            piece = piece.strip()
            if t == "body":
                kept.append(piece)
            elif t == "title":
                title = piece
            elif t == "heading":
                headings.append(piece)
                removed.append(Removed(piece, "subheading"))
            else:
                assert t in REMOVAL_REASONS, f"{name}: unknown reason {t!r}"
                removed.append(Removed(piece, t))
        if kept:
            text_lines.append(" ".join(kept))
            body_lines.append(" ".join(kept))
    title_arg = _none(meta.get("title_arg"))
    outlet_arg = _none(meta.get("outlet_arg"))
    expected_outlet = _none(meta["outlet"]) if "outlet" in meta else outlet_arg
    return Spec(
        name=name,
        raw="\n".join(raw_lines),
        text=_collapse(text_lines),
        title=title if title is not None else title_arg,
        outlet=expected_outlet,
        removed=removed,
        headings=headings,
        body_lines=body_lines,
        outlet_arg=outlet_arg,
        title_arg=title_arg,
        meta=meta,
    )


def _collapse(lines: list[str]) -> str:
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def run(spec: Spec) -> Cleaned:
    return clean_text(spec.raw, outlet=spec.outlet_arg, title=spec.title_arg)


# --------------------------------------------------------------------------------------------
# Hand-made examples, one per style of page

INLINE = {
    "afp_dateline_no_title": """
        # outlet=AFP
        dateline+body| GENEVA (AFP) - ¦The UN refugee agency said Tuesday that a record number of people crossed the Darien jungle last year, most of them heading for the United States.
        body| The agency counted more than half a million crossings, twice the figure of the year before.
        body| It called on governments in the region to open more legal routes for migrants.
    """,
    "ap_dateline_with_date": """
        # outlet=AP
        title| Border arrests drop after holiday surge
        |
        dateline+body| EL PASO, Texas, Jan. 12 (AP) — ¦Arrests of migrants at the southern border dropped by half in the first days of January, officials said Friday.
        |
        body| The decline followed a December surge that forced the closure of several crossings.
    """,
    "caps_place_dateline": """
        # outlet=None
        dateline+body| MEXICO CITY — ¦Mexico's president said on Monday that his government would keep migrants away from the northern border towns during the holiday season.
        body| He spoke at his daily news conference in the National Palace.
    """,
    "place_only_dateline_keeps_outlet_unknown": """
        # outlet=None
        dateline+body| (Brussels) ¦European ministers agreed on Thursday to share the cost of hosting asylum seekers, ending years of dispute.
        body| The deal still needs the approval of the European Parliament, diplomats said.
    """,
    "dateline_named_magazine": """
        # outlet=Capitol Review Magazine
        dateline+body| Guatemala (Capitol Review Magazine)— ¦On Tuesday, the new president met foreign diplomats to present his plans for the border region.
        body| He asked for support to expand temporary work programs for young people.
    """,
    "signoff_em_dash_wire": """
        # outlet=Reuters
        title| Panama closes three migrant camps
        |
        body| Panama closed three camps near its border with Colombia on Wednesday, moving about 2,000 migrants to a new facility, officials said.
        |
        body| The government said the new facility had better access to water and medical care.
        |
        outlet_signature| — Reuters
    """,
    "known_outlet_signoff_without_outlet_word": """
        # outlet_arg=Frontera Hoy; outlet=Frontera Hoy
        body| Local officials in Ciudad Juárez opened a second shelter on Monday as nights grew colder.
        body| The shelter has room for 300 people, according to the city government.
        outlet_signature| Frontera Hoy
        comments| So glad to see this, my church has been helping for months.
        comments| Well said.
    """,
    "short_reply_thread_after_signoff": """
        # outlet=Valley News Daily
        body| The school board voted on Tuesday to add two bilingual teachers at the elementary school in Nogales.
        |
        body| The district said enrollment of children who speak mainly Spanish had doubled since 2021.
        |
        outlet_signature| Valley News Daily
        |
        comments| Agreed!
        comments| about time they did something for these kids
        comments| I teach there and we still don't have enough books.
    """,
    "comment_header_without_signoff": """
        # outlet=None
        title| A weekend at the new border market
        |
        body| Vendors from both sides of the border set up more than 80 stalls on Saturday in the parking lot of the old customs building.
        |
        body| Organizers said about 5,000 people visited the market over the two days.
        |
        comment_form| 2 Responses to “A weekend at the new border market”
        |
        comments| Jim R. says:
        comments| 3 days ago
        comments| We went on Sunday and loved the tamales, will go again.
        |
        comments| Ana says:
        comments| 2 days ago
        comments| Parking was a nightmare lol
        |
        comment_form| Leave a Comment
        comment_form| You must be logged in to post a comment.
    """,
    "bbc_style_credit_and_caption": """
        # outlet=None
        body| Thousands of migrants gathered in the southern Mexican city of Tapachula on Sunday before setting off north.
        |
        photo_credit| Image source, Getty Images
        caption| Image caption, Migrants wait for documents outside an immigration office in Tapachula
        |
        body| Many of them told reporters they had been waiting for weeks for papers that would let them travel legally.
    """,
    "guardian_inline_credit": """
        # outlet=None
        body| The number of people crossing into Eagle Pass fell sharply in the second week of January, local officials said.
        |
        caption+photo_credit| Migrants wait to cross the Rio Grande in Eagle Pass, Texas, on 10 January 2024. ¦Photograph: Ana Ruiz/Reuters
        |
        body| The mayor said the town's shelters were no longer full for the first time since autumn.
    """,
    "inline_credit_on_real_paragraph_keeps_the_text": """
        # outlet=None
        body+photo_credit| The governor said the state would open two more shelters before the end of the month, according to a statement released late on Thursday. ¦(Photo: State Press Office)
        body| The shelters will be run by the state's social services department.
    """,
    "getty_credit_after_caption": """
        # outlet=None
        body| The homeland security secretary faced questions from lawmakers about border staffing on Wednesday.
        |
        caption| Homeland Security Secretary Jordan Blake testifies before a House committee in Washington on January 17, 2024.
        photo_credit| (Getty Images)
        |
        body| Republicans on the committee accused the administration of failing to hire enough agents.
    """,
    "credit_with_left_right_caption": """
        # outlet=None
        body| The two presidents met for nearly two hours at the border city of Tijuana, their offices said.
        |
        photo_credit| Photo: Reuters
        caption| Mexico's president (L) shakes hands with Guatemala's president before their meeting in Tijuana
        |
        body| They agreed to set up a joint commission on migration and trade, according to a joint statement.
    """,
    "credit_next_to_body_keeps_body": """
        # outlet=None
        body| Police in Montreal arrested two men on Saturday on suspicion of smuggling people across the border into New York State.
        |
        photo_credit| PHOTO MARC GAGNON, THE CANADIAN PRESS
        |
        body| The men were charged with organizing illegal entry for at least 40 people, the police said in a statement.
        |
        body| Both are due to appear in court on Monday.
    """,
    "gallery_counters_and_nav": """
        # outlet=None
        title| In pictures: the long road north
        |
        body| Photographers followed a group of families from the Darien jungle to the Mexican border over six weeks.
        |
        slide_counter| 3 of 7
        caption| • Families cross a river near Bajo Grande
        photo_credit| Photo: Luis Mora / AFP
        scraper_residue| Next
        scraper_residue| Previous
        scraper_residue| View gallery
        |
        body| The journey took most families about two months, according to aid workers who met them along the way.
    """,
    "related_link_teasers": """
        # outlet=None
        body| Venezuela agreed to accept deportation flights from Mexico, the two governments said on Thursday.
        related_link| RELATED: Deportation flights resume to Caracas
        body| The flights will leave from Tapachula and Villahermosa twice a week, officials said.
        related_link| ALSO READ | Who are the migrants crossing the Darien?
        related_link| See also: Mexico's new visa rules for Venezuelans
        body| The first flight is expected to land in Caracas next week.
        related_link| Recommended
        related_link| Migrants stranded in Juárez as crossing closes
        related_link| Five things to know about asylum at the border
        |
        body| Human rights groups criticized the agreement, saying migrants would be sent back to danger.
    """,
    "french_markers": """
        # outlet=None
        body| Le gouvernement a annoncé mardi la création de trois nouveaux centres d'accueil pour les demandeurs d'asile.
        related_link| À lire aussi : Les demandes d'asile ont doublé en un an
        scraper_residue| Publicité
        body| Les centres ouvriront au printemps, selon le ministère.
        scraper_residue| Partager
    """,
    "bullet_sentences_are_body": """
        # outlet=None
        body| The two governments listed the measures they credit for the decline in crossings:
        body| - More inspections by Mexico on freight trains and long-distance buses.
        body| - The return of deportation flights from Mexico to Venezuela.
        body| - New checkpoints near the border with Guatemala.
        body| Officials said they would review the measures again in March.
    """,
    "short_bullets_after_colon_are_body": """
        # outlet=None
        body| The plan has three parts:
        body| • Border patrols
        body| • Work visas
        body| • Regional aid
        body| Each part will be led by a different ministry, the foreign minister said.
    """,
    "real_subheads": """
        # outlet=None
        title| The cost of the crisis for border towns
        |
        body| Small towns along the Rio Grande have spent millions of dollars on shelters and transport since the summer, city officials said.
        |
        heading| Shelters run out of space
        |
        body| In Del Rio, the only shelter has room for 100 people but has hosted up to 600 on some nights, according to its director.
        |
        heading| Who pays
        |
        body| State officials say they will ask the federal government to reimburse part of the money.
        |
        heading| What the Federal Government Has Promised So Far
        |
        body| The White House has promised to review the requests before the end of the year, an aide said.
    """,
    "subhead_like_lines_that_are_body": """
        # outlet=None
        body| The minister arrived in Washington late on Thursday for two days of talks with U.S. officials.
        body| Officials from both countries met again
        body| on Friday morning to review the plan.
        body| The talks covered three subjects, including funding for shelters.
        body| Key measures agreed by the two sides
        body| - Joint patrols along the rail lines in the state of Chihuahua.
        body| Officials said the patrols would begin in February.
        body| The minister said no
        body| A spokesman later said the minister had been misquoted by reporters.
        body| “We will not give up”
        body| The phrase was repeated by several speakers during the rally on Saturday.
        body| The committee will publish its findings before the end of the spring session
        body| Members of the committee declined to comment on the timing of the report.
    """,
    "question_title": """
        # outlet=None
        title| Can Mexico keep the caravans in the south?
        |
        body| Mexico has promised to do more to stop large groups of migrants from reaching the U.S. border, but experts doubt it can do so for long.
        |
        body| The government has few agents in the south and many of them are poorly paid.
    """,
    "title_given_as_metadata": """
        # title_arg=U.S. and Mexico renew migration pledge.
        title| U.S. and Mexico renew migration pledge.
        body| The United States and Mexico renewed on Friday their pledge to work together on migration, officials said.
        body| The talks were the second in a month.
    """,
    "masthead_above_title": """
        # outlet=Gulf Coast Tribune
        outlet_signature| Gulf Coast Tribune
        title| Shrimp boats stay in port as fuel prices rise
        body| Most of the shrimp fleet in Brownsville stayed in port on Monday because fuel prices made trips unprofitable, boat owners said.
        body| The season usually starts in earnest in March.
    """,
    "residue_in_the_middle": """
        # outlet=None
        body| Lawmakers in the Senate reached a tentative deal on border funding late on Sunday, two aides said.
        scraper_residue| ADVERTISEMENT
        scraper_residue| Story continues below advertisement
        body| The agreement would add money for asylum officers and immigration judges, the aides said.
        scraper_residue| 3 min read
        scraper_residue| We apologize, but this video has failed to load.
        body| A vote could come as early as Wednesday.
    """,
    "cookie_banner_at_the_end_with_buttons": """
        # outlet=None
        body| The city council approved a new curfew for the downtown area on Tuesday after a series of robberies, the mayor said.
        body| The curfew will last for 30 days.
        cookie_banner| This site uses cookies to give you the best experience. By continuing to browse you agree to our use of cookies.
        cookie_banner| Cookie settings
        cookie_banner| Got it
    """,
    "copyright_and_syndication_notes": """
        # outlet=Puerto Noticias
        body| The port of Veracruz handled a record number of containers last year, its operator said on Monday.
        boilerplate| This article was originally published by Puerto Noticias and is republished with permission.
        boilerplate| © 2024 Puerto Noticias. All rights reserved.
    """,
    "news_mentions_cookies_comments_and_sharing": """
        # outlet=None
        body| Girl Scouts in El Paso sold a record 40,000 boxes of cookies this year, the troop's leader said.
        body| The ministry did not respond to requests for comment.
        body| Comments from the public will be accepted until March 1, the agency said.
        body| Share prices of the rail operator fell 3% on Friday after the closures were announced.
        body| Follow-up talks are planned for February, according to the foreign ministry.
        body| Related measures were adopted by Panama and Costa Rica last year.
        body| Photo identification will be required for all bus passengers, officials said.
        body| Credit Suisse economists said the closures cost the two economies millions of dollars a day.
        body| Subscribers to the state's water service will see higher bills in April.
        body| Sign-ups for the new visa program opened on Monday, the embassy said.
    """,
    "question_subheads": """
        # outlet=None
        body| The town hall reopened on Monday after eight months of repairs to its roof, the mayor said.
        |
        heading| Who paid for it?
        |
        body| The state covered most of the bill, about 4 million euros, and the town paid the rest.
        |
        body| Why now?
        body| Residents had asked for years, and the roof finally gave way in a storm last winter.
        |
        body| "Why did it take so long?" one resident asked as the doors opened on Monday morning.
    """,
    "no_junk_at_all": """
        # outlet=None
        body| The two countries agreed on Friday to meet again in February to review their progress on migration.
        |
        body| Officials said the number of people crossing the border had fallen since the start of January.
        |
        body| “We are seeing results,” one official said.
        |
        body| Human rights groups urged both governments to protect asylum seekers.
    """,
    "first_person_column_is_not_a_comment_thread": """
        # outlet=None
        title| I spent a week on the migrant trail. Here is what I saw
        |
        body| I met Carlos on a Tuesday, in a shelter run by nuns on the outskirts of Tapachula.
        |
        body| He had left Caracas five months earlier with his wife and two daughters, and he was tired.
        |
        body| We talked for hours about the jungle, the buses and the men who took his money.
        |
        body| By the end of the week, I understood why so many of them keep walking.
    """,
    "first_person_column_with_outlet_like_subhead": """
        # outlet=None
        comment_form| Comments
        title| Notes from a shelter in Tapachula
        |
        body| I arrived at the shelter on a Monday, just as the rain started and the courtyard filled with families.
        |
        heading| Daily Life On The Trail
        |
        body| We ate rice and beans at long tables, and the children played football until the lights went out.
        |
        body| I asked a father from Honduras what he would do if the border stayed closed.
        |
        body| He looked at his daughters for a long time before he answered me.
    """,
    "embedded_post_and_paywall": """
        # outlet=None
        body| The secretary announced the agreement in a post on social media on Friday evening.
        body| “Today we agreed with Mexico to expand legal pathways and fight smuggling networks.”
        scraper_residue| — Dana Whitfield (@SecWhitfield) January 26, 2024
        scraper_residue| pic.twitter.com/Ab12Cd34
        body| Mexican officials confirmed the agreement in a statement.
        share_prompt| Already a subscriber? Log in
        share_prompt| Sign up
    """,
    "masthead_above_first_paragraph": """
        # outlet=Reuters
        outlet_signature| Reuters
        body| Guatemala's new government said on Monday it would ask the United States for more work visas for its citizens.
        body| The foreign minister will travel to Washington next month, officials said.
    """,
    "subhead_shape_at_the_end_stays_body": """
        # outlet=None
        body| Officials from both countries will meet again in March to review the figures, the ministry said.
        body| More details to follow
    """,
    "blank_line_runs_collapse": """
        # outlet=None
        |
        |
        body| Rain flooded parts of the border crossing in Nogales on Sunday, officials said.
        |
        |
        |
        body| The crossing reopened after four hours.
        |
        |
    """,
}


def _file_specs() -> dict[str, str]:
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted(DATA.glob("*.txt"))}


SPECS = [parse_spec(name, text) for name, text in {**INLINE, **_file_specs()}.items()]


def test_examples_were_found() -> None:
    assert len(SPECS) >= 35
    assert {"wire_reuters", "blog_comments", "cookie_newsletter", "lapresse_style"} <= {
        s.name for s in SPECS
    }


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_example_is_cleaned_exactly(spec: Spec) -> None:
    cleaned = run(spec)
    assert cleaned.removed == spec.removed
    assert cleaned.text == spec.text
    assert cleaned.title == spec.title
    assert cleaned.outlet == spec.outlet
    assert cleaned.headings == spec.headings


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_no_body_line_is_lost(spec: Spec) -> None:
    kept = clean_text(spec.raw, outlet=spec.outlet_arg, title=spec.title_arg).text.splitlines()
    for line in spec.body_lines:
        assert line in kept


# --------------------------------------------------------------------------------------------
# Accounting: nothing lost, nothing invented


def _accounted(cleaned: Cleaned) -> Counter[str]:
    # Headings are listed in ``removed`` too (reason "subheading"): count them once.
    assert [r.text for r in cleaned.removed if r.reason == "subheading"] == cleaned.headings
    parts = [cleaned.text, *(r.text for r in cleaned.removed)]
    if cleaned.title:
        parts.append(cleaned.title)
    return Counter("".join("".join(parts).split()))


def assert_accounts_for_input(raw: str, cleaned: Cleaned, *, title_given: bool = False) -> None:
    """Every non-space character of the input is in exactly one of text, title, headings and
    removed; every removed piece is exact text from the input."""
    expected = Counter("".join(raw.split()))
    got = _accounted(cleaned)
    if title_given and cleaned.title and cleaned.title not in raw:
        got -= Counter("".join(cleaned.title.split()))
    assert got == expected
    for piece in cleaned.removed:
        assert piece.text and piece.text in raw
        assert piece.text == piece.text.strip()
    for line in cleaned.text.splitlines():
        assert line == line.strip()
        assert line in raw
    assert "\n\n\n" not in cleaned.text
    assert cleaned.text == cleaned.text.strip()


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_example_accounts_for_every_character(spec: Spec) -> None:
    assert_accounts_for_input(spec.raw, run(spec), title_given=spec.title_arg is not None)


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_cleaning_again_changes_nothing(spec: Spec) -> None:
    once = run(spec).text
    again = clean_text(once)
    assert again.text == once
    assert again.removed == []


# --------------------------------------------------------------------------------------------
# Property: body paragraphs mixed with junk that is junk anywhere

BODY_POOL = [
    "The two governments agreed on Friday to meet again in February, officials said.",
    "Arrests at the border fell by half in January, according to government figures.",
    "The shelter in Ciudad Juárez has room for 300 people and is usually full by nightfall.",
    "Mexico resumed deportation flights to Venezuela in December, the foreign ministry said.",
    "“We will keep working together,” the secretary told reporters after the meeting.",
    "- Joint patrols on the freight trains that cross the state of Chihuahua.",
    "Lawmakers in both countries criticized the plan, saying it lacked money for asylum courts.",
    "The number of people crossing the Darien jungle reached a record 520,000 last year.",
    "Bus companies began checking the documents of passengers in Oaxaca on Monday.",
    "Officials said the measures would be reviewed again before the summer.",
]
JUNK_POOL = [
    ("Advertisement", "scraper_residue"),
    ("source site-31", "scraper_residue"),
    ("Skip to main content", "scraper_residue"),
    ("Share this story", "scraper_residue"),
    ("Tweet", "scraper_residue"),
    ("Subscribe to our newsletter", "share_prompt"),
    ("Follow us on Instagram", "share_prompt"),
    ("Read more: Five things to know about the border talks", "related_link"),
    ("ALSO READ Mexico's new rules for transit visas", "related_link"),
    ("2/5", "slide_counter"),
    ("Slide 4 of 9", "slide_counter"),
    ("This website uses cookies to improve your experience.", "cookie_banner"),
    ("We use cookies to personalise content and ads.", "cookie_banner"),
    ("Your email address will not be published.", "comment_form"),
    ("Leave a Reply", "comment_form"),
    ("Photo: AFP", "photo_credit"),
    ("PHOTO ANA DIAZ, REUTERS", "photo_credit"),
    ("(Getty Images)", "photo_credit"),
]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(BODY_POOL).map(lambda s: ("body", s)),
            st.sampled_from(JUNK_POOL).map(lambda j: (j[1], j[0])),
            st.just(("blank", "")),
        ),
        min_size=1,
        max_size=25,
    )
)
def test_body_survives_among_junk(items: list[tuple[str, str]]) -> None:
    # Start with a paragraph, so the first line is not taken for a title.
    items = [("body", BODY_POOL[0]), *items]
    # A line between a slide counter and a credit *is* a caption, whatever it says.
    kinds = [kind for kind, _ in items if kind != "blank"]
    assume(
        not any(
            kinds[i : i + 3] == ["slide_counter", "body", "photo_credit"]
            for i in range(len(kinds) - 2)
        )
    )
    raw = "\n".join(text for _, text in items)
    cleaned = clean_text(raw)
    body = [text for kind, text in items if kind == "body"]
    assert [line for line in cleaned.text.splitlines() if line] == body
    assert [r.reason for r in cleaned.removed] == [
        kind for kind, _ in items if kind not in ("body", "blank")
    ]
    assert_accounts_for_input(raw, cleaned)


# --------------------------------------------------------------------------------------------
# The rules one by one


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "LONDON (Reuters) - Britain said on Monday it would act.",
            ("LONDON (Reuters) -", "Reuters"),
        ),
        (
            "WASHINGTON, Jan 5 (AP) — Officials met again today.",
            ("WASHINGTON, Jan 5 (AP) —", "AP"),
        ),
        (
            "Mexico (Washington Insider Magazine)— On Wednesday, officials met.",
            ("Mexico (Washington Insider Magazine)—", "Washington Insider Magazine"),
        ),
        ("(AFP) - The agency said it counted more people.", ("(AFP) -", "AFP")),
        (
            "PARIS, 5 janvier (AFP) - Le ministre a annoncé un plan.",
            ("PARIS, 5 janvier (AFP) -", "AFP"),
        ),
        ("(Washington) The United States and Mexico met.", ("(Washington)", None)),
        ("(Mexico City) Officials met on Friday again.", ("(Mexico City)", None)),
        ("MEXICO CITY — The president spoke on Monday.", ("MEXICO CITY —", None)),
        ("SAN DIEGO, Calif. — Agents arrested 40 people on Sunday.", ("SAN DIEGO, Calif. —", None)),
    ],
)
def test_split_dateline_finds_datelines(line: str, expected: tuple[str, str | None]) -> None:
    parts = split_dateline(line)
    assert parts is not None
    prefix, outlet, rest = parts
    assert (prefix, outlet) == expected
    assert line.startswith(prefix) and line.endswith(rest)


@pytest.mark.parametrize(
    "line",
    [
        "Mexico's foreign minister (SRE) - said the talks had gone well.",
        "“(Mexico) came prepared to share a plan with us,” an official said.",
        "The ministry (SRE) said the two countries would meet again.",
        "NATO — the alliance — said nothing about the border.",
        "(Updated with new figures from the ministry) Officials met again.",
        "The United States (US) — a close partner — welcomed the plan.",
        "Officials met in Washington (D.C.) on Friday to discuss migration.",
    ],
)
def test_split_dateline_leaves_sentences_alone(line: str) -> None:
    assert split_dateline(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "PHOTO CLIFF JONES, ASSOCIATED PRESS",
        "PHOTO ARCHIVES LA PRESSE",
        "Photo: AP",
        "Photograph: Jane Doe/Reuters",
        "Image source, Getty Images",
        "Credit: Marco Ugarte/AP",
        "Image credit: Shutterstock",
        "Photo by Ana Ruiz on Unsplash",
        "(Getty Images)",
        "(AP Photo/Evan Vucci)",
        "(Photo by Carlos Perez/AFP via Getty Images)",
        "AFP via Getty Images",
        "Jose Luis Gonzalez/Reuters",
        "AP Photo/Fernando Llano",
        "Chip Somodevilla/Getty Images",
        "John Smith/NPR",
        "Maria Diaz/The Border Chronicle",
        "Ana de la Cruz / AFP via Getty Images",
        "Courtesy of the State Department",
        # a caption's credit in slashes (Polish and German pages), and Italian labels
        "Gdańsk / PAP/EPA/JAN KOWALSKI /",
        "/ Anna Nowak / PAP",
        "Minister zdrowia / TOMASZ WIŚNIEWSKI / REUTERS / PAP/EPA",
        "Illustrazione: Marta Ricci Credito:",
        "Zdj. ilustracyjne / Archiwum Radia Północ",
    ],
)
def test_photo_credits_are_recognised(line: str) -> None:
    assert is_photo_credit(line)
    assert classify_line(line) == "photo_credit"


@pytest.mark.parametrize(
    "line",
    [
        "Photo identification will be required at the border, the agency said.",
        "Photographs of the camp were published by the ministry on Monday.",
        "Credit Suisse said the closures cost millions.",
        "Images from the scene showed long lines of trucks waiting to cross.",
        "(Reuters)",
        "Reuters",
        "The photo was taken by a Reuters photographer on Friday.",
        "Pictures, videos and reports from the border",
        "Reuters/Ipsos poll shows support for the plan",
        "Stocks fell according to Getty Images",
        "The 1/2 mile stretch",
        "Israel/Gaza",
        "Biden/Harris campaign",
        "Pociągi na trasie Warszawa/Kraków/Gdańsk kursują normalnie.",
        "AP/Ipsos/NORC poll on the economy",
        "Pociągi / Warszawa / Kraków",
    ],
)
def test_sentences_about_photos_are_not_credits(line: str) -> None:
    assert not is_photo_credit(line)


@pytest.mark.parametrize(
    "line",
    [
        "Read also: A crisis that does not give up",
        "Read more: Border talks end without a deal",
        "READ MORE Who crosses the Darien and why",
        "Related: The new rules for transit visas",
        "RELATED | Mexico resumes deportations",
        "See also — The asylum backlog in numbers",
        "Recommended: Five charts on migration",
        "Also read: Inside a shelter in Juárez",
        "Lire aussi : Les demandes d'asile ont doublé",
        "Lee también: Las cifras de la frontera",
        "Read more",
        "Related stories",
    ],
)
def test_related_link_markers(line: str) -> None:
    assert is_related_link(line)
    assert classify_line(line) == "related_link"


@pytest.mark.parametrize(
    "line",
    [
        "Related measures were adopted by Panama last year.",
        "Read the full statement on the ministry's website, officials said.",
        "See you next week, the minister told reporters with a smile.",
        "Recommended changes to the law were sent to Congress on Monday.",
    ],
)
def test_sentences_are_not_related_links(line: str) -> None:
    assert classify_line(line) is None


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("This website uses cookies to improve your experience.", "cookie_banner"),
        ("We use cookies and similar technologies on this site.", "cookie_banner"),
        ("We value your privacy", "cookie_banner"),
        ("By continuing to use this site, you agree to our use of cookies.", "cookie_banner"),
        ("Ce site utilise des cookies pour améliorer votre expérience.", "cookie_banner"),
        ("Leave a Reply", "comment_form"),
        ("Leave A Reply Cancel reply", "comment_form"),
        ("Your email address will not be published.", "comment_form"),
        ("Required fields are marked *", "comment_form"),
        ("Post Comment", "comment_form"),
        ("12 comments", "comment_form"),
        ("Comments", "comment_form"),
        ("source site-59", "scraper_residue"),
        ("Advertisement", "scraper_residue"),
        ("ADVERTISEMENT", "scraper_residue"),
        ("Skip to content", "scraper_residue"),
        ("Share this article", "scraper_residue"),
        ("Share", "scraper_residue"),
        ("Email", "scraper_residue"),
        ("Subscribe to our newsletter", "share_prompt"),
        ("Sign up for our morning briefing", "share_prompt"),
        ("Follow us on Google News", "share_prompt"),
        ("1/2", "slide_counter"),
        ("3 of 7", "slide_counter"),
        ("Image 2 of 12", "slide_counter"),
        ("Home > News > Local", "navigation"),
        ("Facebook | X | Email | Copy link", "navigation"),
        ("World  Business  Markets  Opinion", "navigation"),
        ("首页 > 新闻 > 体育", "navigation"),
    ],
)
def test_junk_lines_are_classified(line: str, reason: str) -> None:
    assert classify_line(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "The bakery sold 5,000 cookies on Friday, the owner said.",
        "The European court ruled that websites must ask before they use cookies to track people.",
        "The ministry did not respond to requests for comment.",
        "Comments by the minister angered officials in Guatemala, diplomats said.",
        "Advertisement spending on the campaign rose 20%, the firm said.",
        "Share prices fell 3% on Friday.",
        "Sign-ups for the new program opened on Monday, the embassy said.",
        "Subscribers to the service will pay more from April, the company said.",
        "Follow-up talks are planned for February.",
        "12 comments were sent to the agency during the consultation, officials said.",
        "Email records obtained by reporters show the plan was discussed in December.",
        "The 1/2 mile stretch of wall was finished in 2020.",
        # Chinese prose: a transliterated name's middle dot is no menu separator.
        "球队决定在 1 月份不将阿图罗·比达尔出售给对手——据报道，尽管对方有兴趣，"
        "俱乐部希望在本赛季剩下的时间里留住这位智利国脚·他本人并不担心。",
        "東京都は 3 月に新しい計画を発表した·知事は記者会見で詳細を説明した。",
    ],
)
def test_news_sentences_are_not_junk(line: str) -> None:
    assert classify_line(line) is None


@pytest.mark.parametrize(
    ("name", "known", "expected"),
    [
        ("Mexico News Daily", None, True),
        ("Las Vegas News Magazine", None, True),
        ("Reuters", None, True),
        ("Associated Press", None, True),
        ("example-news.com", None, True),
        ("Frontera Hoy", "Frontera Hoy", True),
        ("Frontera Hoy", None, False),
        ("Migrant wave becomes liability", None, False),
        ("Officials apprehend thousands daily", None, False),
        ("The news was welcomed by officials.", None, False),
        ("Washington", None, False),
    ],
)
def test_outlet_names(name: str, known: str | None, expected: bool) -> None:
    assert looks_like_outlet_name(name, known) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Migrants walk through the jungle near the village, in September 2023.", True),
        ("The president (C) greets supporters in Guadalajara", True),
        ("A file photo of the border wall near Tijuana", True),
        ("Mexico resumed deportation flights in December 2023.", False),
        ("Smoke rises behind the water tower on Main Street on Friday.", True),
        ("Police officers close the southern approach to the bridge on Monday evening.", True),
        ("Blinken speaks in Washington, Friday, Jan. 26, 2024.", True),
        ("Officials meet again on Friday.", False),
        ("The talks will resume on Monday.", False),
        ("The bridge closed on Monday evening.", False),
        ("The minister met his counterpart in Washington on Jan. 26, 2024.", False),
        ("Officials said the talks went well.", False),
    ],
)
def test_caption_language(line: str, expected: bool) -> None:
    assert looks_like_caption(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("I have lived in Mexico for ten years and never seen this.", True),
        ("Well said.", True),
        ("He BROKE IT, he OWNS IT.", True),
        ("why does nobody ask the obvious question", True),
        ("What a joke . . . nothing will change", True),
        ("The ministry said the talks would resume in February.", False),
        ("“We are making progress,” the secretary told reporters.", False),
    ],
)
def test_comment_language(line: str, expected: bool) -> None:
    assert looks_like_comment(line) is expected


# --------------------------------------------------------------------------------------------
# API


def test_clean_article_fills_only_missing_metadata() -> None:
    raw = "Mexico (Border Wire Magazine)— On Monday, officials met again in the capital.\n"
    raw += "They agreed to meet once more in March, the ministry said."
    article = Article(id="a", path="a.txt", raw=raw)
    result = clean_article(article)
    assert result is article
    assert article.outlet == "Border Wire Magazine"
    assert article.title is None
    assert article.text.startswith("On Monday, officials met again")
    assert article.removed == [Removed("Mexico (Border Wire Magazine)—", "dateline")]

    given = Article(id="b", path="b.txt", raw=raw, outlet="Manifest Outlet", title="Given title")
    clean_article(given)
    assert given.outlet == "Manifest Outlet"
    assert given.title == "Given title"
    assert given.text == article.text


def test_clean_article_sets_title_and_headings() -> None:
    raw = textwrap.dedent(
        """\
        Storm closes border crossing for a day

        Heavy rain flooded the crossing at Nogales on Sunday, officials said.

        What comes next

        The crossing is expected to reopen on Monday morning, the agency said.
        """
    )
    article = clean_article(Article(id="c", path="c.txt", raw=raw))
    assert article.title == "Storm closes border crossing for a day"
    assert article.headings == ["What comes next"]
    assert article.text.splitlines() == [
        "Heavy rain flooded the crossing at Nogales on Sunday, officials said.",
        "",
        "The crossing is expected to reopen on Monday morning, the agency said.",
    ]


@pytest.mark.parametrize("raw", ["", "\n\n", "   \n", "Advertisement"])
def test_empty_and_junk_only_inputs(raw: str) -> None:
    cleaned = clean_text(raw)
    assert cleaned.text == ""
    assert cleaned.title is None
    assert_accounts_for_input(raw, cleaned)


def test_windows_line_endings() -> None:
    raw = "Officials met on Friday, the ministry said.\r\nAdvertisement\r\nThey will meet again."
    cleaned = clean_text(raw)
    assert cleaned.text == "Officials met on Friday, the ministry said.\nThey will meet again."
    assert cleaned.removed == [Removed("Advertisement", "scraper_residue")]


def test_known_outlet_is_returned_when_nothing_names_one() -> None:
    cleaned = clean_text("Officials met on Friday, the ministry said.", outlet="Some Outlet")
    assert cleaned.outlet == "Some Outlet"


def test_signoff_outranks_dateline_for_the_outlet() -> None:
    raw = textwrap.dedent(
        """\
        LONDON (Reuters) - Britain said on Monday it would send more ships to the Channel.
        The ships will patrol the coast for three months, the ministry said.
        Harbour Town Gazette
        """
    )
    cleaned = clean_text(raw)
    assert cleaned.outlet == "Harbour Town Gazette"
    assert [r.reason for r in cleaned.removed] == ["dateline", "outlet_signature"]


def test_cleaning_is_fast() -> None:
    import time

    raw = "\n".join(s.raw for s in SPECS) * 5
    start = time.perf_counter()
    clean_text(raw)
    assert time.perf_counter() - start < 2.0


# --------------------------------------------------------------------------------------------
# Other articles in the repository (written for other stages): nothing lost, stable


REPO = Path(__file__).resolve().parents[1]
OTHER_ARTICLES = sorted(
    [*REPO.glob("examples/*/*.txt"), *REPO.glob("tests/data/stories/*/*.txt")],
    key=lambda p: str(p),
)


@pytest.mark.parametrize(
    "path", OTHER_ARTICLES, ids=lambda p: f"{p.parent.name}/{p.name}" if OTHER_ARTICLES else ""
)
def test_repository_articles_account_and_are_stable(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    cleaned = clean_text(raw)
    assert_accounts_for_input(raw, cleaned)
    assert cleaned.text
    again = clean_text(cleaned.text)
    assert again.text == cleaned.text
    assert again.removed == []


# --------------------------------------------------------------------------------------------
# The seed articles


def _seed(prefix: str) -> str:
    if not SEEDS.is_dir():
        pytest.skip(f"seed corpus not found at {SEEDS}")
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"seed {prefix} not found in {SEEDS}")
    return matches[0].read_text(encoding="utf-8")


def _sentence_lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.splitlines() if ln.strip().endswith((".", "”", '"'))]


def _check_seed(raw: str, junk: dict[str, str]) -> Cleaned:
    """Clean a seed, check its junk is cut with the right reasons and everything else kept."""
    cleaned = clean_text(raw)
    assert_accounts_for_input(raw, cleaned)
    got = {r.text: r.reason for r in cleaned.removed}
    for text, reason in junk.items():
        assert got.get(text) == reason, text
    assert set(got) == set(junk), set(got) ^ set(junk)
    kept = set(cleaned.text.splitlines())
    for line in _sentence_lines(raw):
        if line not in junk and not any(line.startswith(j) for j in junk):
            assert line in kept or any(k and line.endswith(k) for k in kept), line
    return cleaned


def test_seed_000_comment_thread_after_signoff() -> None:
    raw = _seed("000")
    lines = [ln.strip() for ln in raw.splitlines() if ln.strip()]
    signoff = lines.index("Mexico News Daily")
    junk = {"Mexico News Daily": "outlet_signature"}
    junk.update({ln: "comments" for ln in lines[signoff + 1 :]})
    cleaned = _check_seed(raw, junk)
    assert cleaned.outlet == "Mexico News Daily"
    assert cleaned.title is None
    assert len([r for r in cleaned.removed if r.reason == "comments"]) == len(lines) - signoff - 1
    assert cleaned.text.splitlines()[-1].endswith("Miller added.")
    # The bulleted sentences are body.
    assert sum(1 for ln in cleaned.text.splitlines() if ln.startswith("- ")) == 3


def test_seed_001_read_also_teaser() -> None:
    raw = _seed("001")
    teaser = next(ln.strip() for ln in raw.splitlines() if ln.startswith("Read also"))
    cleaned = _check_seed(raw, {teaser: "related_link"})
    assert cleaned.outlet is None
    assert cleaned.headings == []


def test_seed_002_title_subheads_signoff_form_and_banner() -> None:
    raw = _seed("002")
    lines = [ln.strip() for ln in raw.splitlines() if ln.strip()]
    banner = next(ln for ln in lines if ln.startswith("This website uses cookies"))
    junk = {
        "Officials apprehend thousands daily": "subheading",
        "Migrant wave becomes liability": "subheading",
        "Las Vegas News Magazine": "outlet_signature",
        "Leave A Reply": "comment_form",
        "Your email address will not be published.": "comment_form",
        banner: "cookie_banner",
    }
    cleaned = _check_seed(raw, junk)
    assert cleaned.title == "Top US, Mexican Officials in Washington for Migration Talks"
    assert cleaned.headings == [
        "Officials apprehend thousands daily",
        "Migrant wave becomes liability",
    ]
    assert cleaned.outlet == "Las Vegas News Magazine"
    assert cleaned.title not in cleaned.text


def test_seed_003_outlet_from_dateline() -> None:
    raw = _seed("003")
    cleaned = _check_seed(raw, {"Mexico (Washington Insider Magazine)—": "dateline"})
    assert cleaned.outlet == "Washington Insider Magazine"
    assert cleaned.text.startswith("On Wednesday,")
    assert cleaned.title is None


def test_seed_004_gallery_captions_credits_counter_residue() -> None:
    raw = _seed("004")
    lines = [ln.strip() for ln in raw.splitlines() if ln.strip()]
    credits = [ln for ln in lines if ln.startswith("PHOTO ")]
    assert len(credits) == 3
    bullets = [ln for ln in lines if ln.startswith("•")]
    plain_captions = [ln.lstrip("• ") for ln in bullets]
    jungle_caption = lines[lines.index(credits[2]) + 1]
    junk = {
        "(Washington)": "dateline",
        **{c: "photo_credit" for c in credits},
        **{b: "caption" for b in bullets},
        **{c: "caption" for c in plain_captions},
        jungle_caption: "caption",
        "1/2": "slide_counter",
        "source site-59": "scraper_residue",
    }
    cleaned = _check_seed(raw, junk)
    assert cleaned.title == lines[0]
    assert cleaned.outlet is None
    assert [r.reason for r in cleaned.removed].count("caption") == 5
    assert cleaned.text.startswith("The United States and Mexico once again pledged")


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_accounts_for_every_character(prefix: str) -> None:
    raw = _seed(prefix)
    assert_accounts_for_input(raw, clean_text(raw))


@pytest.mark.parametrize(
    "stamp, day",
    [
        ("Published: April 16, 2025, 6:05 p.m. | Updated: April 18, 2025, 7:45 p.m.", "2025-04-16"),
        ("Posted by the News Desk · Thursday, April 17, 2025 · 6:30 AM", "2025-04-17"),
        ("March 9, 2026 7:15 AM CST  Updated 40 minutes ago", "2026-03-09"),
        ("Updated 4 June 2024", "2024-06-04"),  # only an update's date: better than none
        ("Published 2023-11-02T08:00:00Z", "2023-11-02"),
        ("Publié le 13 mars 2025 à 09h12", "2025-03-13"),
        ("13 de marzo de 2025", "2025-03-13"),
        ("Kestrel Valley News | Friday, 7 June 2024 | By Sam Hart, health reporter", "2024-06-07"),
        ("Tuesday 11 March 2025, updated 6.05pm", "2025-03-11"),
    ],
)
def test_a_cut_date_stamp_gives_the_publication_day(stamp, day):
    raw = (
        f"Town hall reopens after repairs\n\n{stamp}\n\n"
        "The town hall reopened on Monday after eight months of repairs to its roof, the mayor "
        "said, and the council will meet there again from next week."
    )
    cleaned = clean_text(raw)
    assert cleaned.published == day
    assert stamp in [r.text for r in cleaned.removed]


def test_a_date_in_the_body_is_no_stamp():
    raw = (
        "Town hall reopens after repairs\n\n"
        "The town hall, damaged on March 9, 2026, reopened on Monday after eight months of "
        "repairs to its roof, the mayor said."
    )
    assert clean_text(raw).published is None


def test_an_article_too_long_to_read_in_one_piece_is_rejected_with_a_reason():
    from corroborate.model import Rejected
    from corroborate.read.clean import MAX_ARTICLE_CHARS, prepare

    paragraph = "The council met on Monday and voted on the budget for the coming year.\n\n"
    huge = Article("huge", "huge.txt", paragraph * (MAX_ARTICLE_CHARS // len(paragraph) + 1))
    fine = Article("fine", "fine.txt", paragraph)
    rejected: list[Rejected] = []
    assert [a.id for a in prepare([huge, fine], rejected)] == ["fine"]
    assert rejected[0].path == "huge.txt" and "too long for one article" in rejected[0].reason


# --------------------------------------------------------------------------------------------
# Nothing lost: every line of every article of every corpus is in the text, the title or
# ``removed`` (clean.lost_lines), whatever the metadata given with it


BENCH = REPO.parent / "shared" / "bench"


def _read_folder(folder: Path) -> list[Article]:
    from corroborate.read.ingest import iter_inputs

    return [item for item in iter_inputs([folder]) if isinstance(item, Article)]


def _polnear_sample() -> list[Article]:
    """PolNeAR's dev texts and every tenth of train, as .txt, each with its title from the
    metadata given as the record's own (the text's first line is that title, or close)."""
    import csv

    root = BENCH / "polnear"
    titles = {}
    with (root / "metadata.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            titles[row["filename"]] = row["title"]
    paths = sorted((root / "dev" / "text").glob("*.txt"))
    paths += sorted((root / "train" / "text").glob("*.txt"))[::10]
    return [
        Article(p.stem, str(p), p.read_text(encoding="utf-8"), title=titles.get(p.stem))
        for p in paths
    ]


def _semeval_sample() -> list[Article]:
    """SemEval-2022's English texts and every tenth other one, as .txt (one line each, mostly)."""
    import csv

    csv.field_size_limit(1 << 26)
    articles = []
    with (BENCH / "semeval2022-task8" / "training_set.csv").open(encoding="utf-8") as handle:
        for n, row in enumerate(csv.DictReader(handle)):
            for side in ("1", "2"):
                if row["lang" + side] == "en" or n % 10 == 0:
                    text = row["text" + side]
                    articles.append(Article(f"{row['pair_id']}-{side}", "semeval.txt", text))
    return articles


CORPORA = {
    "seed": lambda: _read_folder(SEEDS),
    "examples": lambda: [a for d in sorted(REPO.glob("examples/*/")) for a in _read_folder(d)],
    "stories": lambda: _read_folder(REPO / "tests" / "data" / "stories"),
    "pages": lambda: _read_folder(REPO / "tests" / "data" / "pages"),
    "french": lambda: _read_folder(REPO / "tests" / "data" / "french"),
    "newsroom": lambda: _read_folder(REPO / "tests" / "data" / "newsroom"),
    "html": lambda: _read_folder(REPO / "tests" / "data" / "html"),
    "polnear": _polnear_sample,
    "semeval": _semeval_sample,
}
NEEDS = {"seed": SEEDS, "polnear": BENCH / "polnear", "semeval": BENCH / "semeval2022-task8"}


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_nothing_is_lost_in_any_article_of_any_corpus(name: str) -> None:
    if name in NEEDS and not NEEDS[name].exists():
        pytest.skip(f"{NEEDS[name]} not found")
    articles = CORPORA[name]()
    assert articles
    lost = {a.id: lost_lines(clean_article(a)) for a in articles}
    assert {k: v for k, v in lost.items() if v} == {}


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_nothing_is_lost_in_a_tagged_example(spec: Spec) -> None:
    article = Article(spec.name, "x.txt", spec.raw, outlet=spec.outlet_arg, title=spec.title_arg)
    assert lost_lines(clean_article(article)) == []


@pytest.mark.parametrize(
    ("raw", "title", "where"),
    [
        # a review opening on a question under the record's own title: the question is body
        (
            "Is it worth the money?\n\nThe phone costs $999, and it is fast.",
            "Phone X review",
            "text",
        ),
        # a headline variant of the record's title: kept in ``removed`` as the title
        (
            "Phone X review: fast, dear\n\nThe phone costs $999, and it is fast.",
            "Phone X review",
            "title",
        ),
        # a section head opening the body under the record's title
        (
            "What happened\nThe storm hit the coast on Monday, officials said.",
            "Storm hits coast",
            "subheading",
        ),
    ],
)
def test_a_first_line_under_a_known_title_is_never_dropped(raw, title, where) -> None:
    article = clean_article(Article("r", "r.json", raw, title=title))
    first = raw.splitlines()[0]
    assert lost_lines(article) == []
    assert article.title == title
    if where == "text":
        assert article.text.startswith(first)
    else:
        assert Removed(first, where) in article.removed


def test_lost_lines_finds_a_line_cleaning_dropped() -> None:
    article = clean_article(Article("a", "a.txt", "Storm hits coast\n\nThe storm hit the coast."))
    assert lost_lines(article) == []
    article.removed = []
    article.title = "Another title"
    assert lost_lines(article) == ["Storm hits coast"]


# Lines of every kind a scraped page mixes, for generated messy pages.
MESSY_POOL = [
    *BODY_POOL,
    *(junk for junk, _ in JUNK_POOL),
    "Can Mexico keep the caravans in the south?",
    "“We are not paying criminals”: mayor stands firm",
    "Border talks resume in Washington",
    "What happened",
    "Mexico News Daily",
    "— Reuters",
    "Frontera Hoy",
    "MEXICO CITY (AP) — Officials met again on Friday to discuss the border, the ministry said.",
    "Migrants walk along the tracks in Chihuahua on Friday. (AP Photo/Jane Doe)",
    "PHOTO ANA DIAZ, REUTERS",
    "Well said.",
    "I totally agree with you!!",
    "Jane says:",
    "January 5, 2024 at 3:12 pm",
    "Reply",
    "12 comments",
    "ENDIT",
    "Story Filed By: Mark Oyelaran",
    "UPDATES with comment from the ministry",
    "The desk can be reached at 212-555-0100.",
    "| Team | Pts |",
    "|---|---|",
    "| Rovers | 12 |",
    "By Jane Doe",
    "Published: April 16, 2025, 6:05 p.m.",
    "   indented line with a trailing space   ",
    "- A bulleted point about the talks.",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from(MESSY_POOL), st.just("")), min_size=1, max_size=30),
    st.one_of(st.none(), st.sampled_from(["Border talks resume", "What happened", "Reuters"])),
    st.one_of(st.none(), st.sampled_from(["Reuters", "Mexico News Daily", "Frontera Hoy"])),
)
def test_nothing_is_lost_on_generated_messy_pages(lines, title, outlet) -> None:
    article = Article("m", "m.txt", "\n".join(lines), title=title, outlet=outlet)
    assert lost_lines(clean_article(article)) == []


# --------------------------------------------------------------------------------------------
# Newsroom matter: whole articles that are not news, and newsroom lines inside news

NEWSROOM = REPO / "tests" / "data" / "newsroom"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("wire_domestic_budget", "news budget"),
        ("sports-budget-0412", "news budget"),  # a JSON record with its own title
        ("weekend_budget_plain", "news budget"),
        ("media_advisory", "advisory"),
        ("photo_advisory", "advisory"),
        ("corrections_notice", "corrections notice"),
        ("correction_single", "corrections notice"),
    ],
)
def test_a_whole_article_of_newsroom_matter_is_not_news(name: str, kind: str) -> None:
    (article,) = [a for a in _read_folder(NEWSROOM) if a.id == name]
    clean_article(article)
    assert article.not_news is not None and article.not_news.startswith(kind)
    assert lost_lines(article) == []


def test_every_newsroom_fixture_is_tested() -> None:
    assert len(_read_folder(NEWSROOM)) == 7


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_a_news_article_is_never_marked_not_news(spec: Spec) -> None:
    assert run(spec).not_news is None


@pytest.mark.parametrize(
    "name", ["seed", "examples", "stories", "pages", "french", "polnear", "semeval"]
)
def test_no_real_article_is_marked_not_news_nor_loses_a_line_as_newsroom(name: str) -> None:
    if name in NEEDS and not NEEDS[name].exists():
        pytest.skip(f"{NEEDS[name]} not found")
    articles = [clean_article(a) for a in CORPORA[name]()]
    # the only texts of real corpora that are no news are scraped pages that hold no article:
    # SemEval's sample has three robot checks (two texts, one twice), a cookie wall and an
    # ad-blocker wall, none under a headline; and two sites' header pages (an Arabic site's
    # name, its appeal for donations, its motto and its prize; a blog's name over what it says
    # of itself), no article either
    scraped = [a for a in articles if a.not_news and a.not_news.startswith(SCRAPER_ANSWER)]
    headers = [a for a in articles if a.not_news and a.not_news.startswith("the site's header")]
    assert [a.id for a in articles if a.not_news and a not in scraped + headers] == []
    assert len(headers) == (2 if name == "semeval" else 0)
    assert len(scraped) == (5 if name == "semeval" else 0)
    assert all(a.text for a in scraped)  # listed apart, with their text: nothing lost
    # the one newsroom matter real news holds: a press release's notes to the press, its
    # contact block ("Pressekontakt: ..., Telefon: ..."), cut from its heading on
    assert [text for a in articles for text in _newsroom_outside_contact_blocks(a)] == []


_CONTACT_HEADING_RE = re.compile(rf"({'|'.join(merged('NOTES_TO_EDITORS'))})\s*:", re.IGNORECASE)


def _newsroom_outside_contact_blocks(article: Article) -> list[str]:
    """The pieces cut as ``newsroom`` that are not a contact block's heading or after it."""
    under, outside = False, []
    for piece in article.removed:
        if piece.reason == "newsroom":
            under = under or bool(_CONTACT_HEADING_RE.match(piece.text))
            if not under:
                outside.append(piece.text)
    return outside


SCRAPER_ANSWER = "the site's answer to the program that fetched the page"


@pytest.mark.parametrize(
    "text",
    [
        "We are sorry, but we recorded a huge amount of connections from your network.\n\n"
        'To continue, select "I am not a robot".\n\nYour IP address: 198.51.100.7',
        "Daily Courier\nNo Cookies\nTo use this website, cookies must be enabled in your "
        "browser. Follow the instructions for your browser below.\nOpen Settings, then Privacy.",
        "404 - Page not found\n\nThe page you are looking for does not exist or was moved.",
        "Checking your browser before accessing the site.\nThis takes a few seconds.",
        "We noticed you're blocking ads!\n\nKeep supporting local news by turning off your "
        "ad blocker, or subscribe.",
    ],
)
def test_a_page_that_is_the_sites_answer_to_the_scraper_is_not_news(text: str) -> None:
    article = clean_article(Article("a", "a.txt", text))
    assert article.not_news is not None and article.not_news.startswith(SCRAPER_ANSWER)
    assert lost_lines(article) == []


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Cookies! Accept all.", "a cookie consent notice (1 line)"),
        (
            "We use cookies to improve your experience.\nAccept all / Manage settings",
            "a cookie consent notice (2 lines)",
        ),
        # one line, shaped as a headline (no full stop): junk, not a headline over junk
        (
            "We use cookies to improve your experience. Accept all / Manage settings",
            "a cookie consent notice (1 line)",
        ),
        (
            "This content is for subscribers only.\n\nSubscribe now to continue reading. "
            "Already a subscriber? Log in.",
            "subscription, sign-up or paywall prompts (2 lines)",
        ),
        ("You need to enable JavaScript to run this app.", "page furniture"),
        ("Daily Courier\n\nCookies! Accept all.\nReject all", "a cookie consent notice (2 lines)"),
    ],
)
@pytest.mark.parametrize("title", [None, "Cookies", "Daily Courier"])
def test_a_page_of_nothing_but_a_consent_dialog_or_a_paywall_holds_no_article(
    text: str, kind: str, title: str | None
) -> None:
    article = clean_article(Article("a", "a.html", text, title=title))
    assert article.not_news is not None
    assert article.not_news.startswith(f"no article on the page: only {kind}")
    assert article.not_news.endswith("and no sentence of news")
    assert article.text.strip() in ("", "Daily Courier")
    assert lost_lines(article) == []


@pytest.mark.parametrize(
    "raw, title",
    [
        # a headline over the wall is still the outlet's report
        ("Cookies! Accept all.", "Two hurt when snowmobile crashes into tree near Lincoln"),
        ("Two hurt when snowmobile crashes into tree near Lincoln\n\nCookies! Accept all.", None),
        # a sentence of news left once the banner is cut
        ("We use cookies to improve your experience.\nThe bridge reopened on Monday.", None),
        # nothing cut: a short text is not junk by its length alone
        ("Storm hits coast\n\nThe storm hit.", None),
        ("Markets closed.", None),
        # a dateline or a sign-off cut is part of an article, not junk
        ("WASHINGTON (AP) — Senate passes bill.", None),
        ("Senate passes bill.\n\n— Reuters", None),
    ],
)
def test_a_page_with_a_headline_or_a_sentence_of_news_is_news(raw: str, title: str | None) -> None:
    assert clean_article(Article("a", "a.txt", raw, title=title)).not_news is None


@pytest.mark.parametrize(
    "notice",
    [
        "Please enable JavaScript to view the comments powered by Disqus.",
        "You need to enable JavaScript to run this app.",
        "JavaScript is required to play this video.",
        "Your browser does not support the video tag.",
    ],
)
def test_a_demand_for_javascript_inside_an_article_is_cut(notice: str) -> None:
    news = "The council approved the budget for the harbour bridge on Tuesday, the mayor said."
    article = clean_article(Article("a", "a.txt", f"{news}\n\n{notice}"))
    assert article.text == news
    assert [(r.text, r.reason) for r in article.removed] == [(notice, "scraper_residue")]


@pytest.mark.parametrize(
    "wall",
    [
        "We noticed you're blocking ads!\n\nKeep supporting local news by turning off your "
        "ad blocker, or subscribe.",
        "You have reached the limit for free access to our important and valuable work.",
    ],
)
@pytest.mark.parametrize("titled", [True, False])
def test_a_headline_over_a_wall_is_news_and_the_wall_is_cut(wall: str, titled: bool) -> None:
    # the headline is still the outlet's report (its figures are claims); the wall is no text
    headline = "Two hurt when snowmobile crashes into tree near Lincoln"
    if titled:
        article = clean_article(Article("a", "a.json", wall, title=headline))
    else:
        article = clean_article(Article("a", "a.txt", f"{headline}\n\n{wall}"))
    assert article.not_news is None
    assert headline in (article.title or "", article.text)
    assert "blocking ads" not in article.text and "free access" not in article.text
    assert lost_lines(article) == []


def test_prompts_inside_a_page_run_into_one_line_are_cut_and_the_news_is_kept() -> None:
    news = [
        "The council approved the new ferry timetable on Tuesday after a long debate.",
        "Services to the outer islands will run every two hours from March.",
        "Opponents said the plan leaves early commuters without a boat.",
    ]
    prompts = [
        "We use cookies to ensure that we give you the best experience on our website.",
        "Our partners use cookies to show you advertising that is relevant to you.",
        "Sign up here!",
        "Follow @harbourdesk on Twitter.",
    ]
    line = " ".join([news[0], prompts[0], prompts[1], news[1], prompts[2], news[2], prompts[3]])
    article = clean_article(Article("a", "a.txt", line))
    assert article.text.splitlines() == news
    assert [r.text for r in article.removed] == prompts
    assert [r.reason for r in article.removed] == ["cookie_banner"] * 2 + ["share_prompt"] * 2
    assert lost_lines(article) == []


def test_an_ad_label_or_a_credit_fused_to_a_sentence_is_cut_and_the_sentence_kept() -> None:
    text = (
        "Crews worked through the night at the pier. ADVERTISEMENT The storm flooded the "
        "harbour road, officials said. (AP Photo/Jo Brant) Two boats sank at their moorings. "
        "(Photo: J.D. Marsh/Daily Coast) Divers will inspect the hulls on Monday."
    )
    article = clean_article(Article("a", "a.txt", text))
    assert article.text.splitlines() == [
        "Crews worked through the night at the pier.",
        "The storm flooded the harbour road, officials said.",
        "Two boats sank at their moorings.",
        "Divers will inspect the hulls on Monday.",
    ]
    assert [(r.text, r.reason) for r in article.removed] == [
        ("ADVERTISEMENT", "scraper_residue"),
        ("(AP Photo/Jo Brant)", "photo_credit"),
        ("(Photo: J.D. Marsh/Daily Coast)", "photo_credit"),
    ]
    assert lost_lines(article) == []


@pytest.mark.parametrize(
    "text",
    [
        "Advertising Standards Authority officials said the claim was misleading.",
        "Advertisement spending rose by a fifth last year, the survey found.",
        "The mayor said (photo booth rentals aside) the fair made money.",
    ],
)
def test_words_that_only_look_like_a_label_stay(text: str) -> None:
    assert clean_article(Article("a", "a.txt", text)).text == text


@pytest.mark.parametrize(
    "furniture, reason",
    [
        ("Advertisement", "scraper_residue"),
        ("Image copyright Reuters Image caption", "photo_credit"),
        ("CLOSE Buy Photo", "photo_credit"),
        (
            "Sign up to FREE email alerts from HarbourLive - daily Subscribe Thank you for "
            "subscribing See our privacy notice Invalid Email",
            "scraper_residue",
        ),
        (
            "Sign up to FREE weekly email alerts from HarbourLive - Weekend Subscribe Thank you "
            "for subscribing See our privacy notice Could not subscribe, try again later Invalid "
            "Email",
            "scraper_residue",
        ),
        (
            "This advertisement has not loaded yet, but your article continues below.",
            "scraper_residue",
        ),
    ],
)
def test_a_headline_run_into_the_first_line_before_page_furniture_is_the_title(
    furniture: str, reason: str
) -> None:
    headline = "Ferry service to outer islands resumes after storm repairs"
    body = "Ferries sailed to the outer islands on Monday for the first time in a week. Crews fixed the pier."
    article = clean_article(Article("a", "a.txt", f"{headline} {furniture} {body}"))
    assert article.title == headline
    assert article.text == body
    assert [(r.text, r.reason) for r in article.removed] == [(furniture, reason)]
    assert lost_lines(article) == []


def test_a_fused_headline_under_a_known_title_of_its_own_is_kept_as_a_title_line() -> None:
    text = "Ferries return to the islands Advertisement Ferries sailed on Monday. Crews fixed it."
    article = clean_article(Article("a", "a.txt", text, title="Island ferries back"))
    assert article.title == "Island ferries back"
    assert article.text == "Ferries sailed on Monday. Crews fixed it."
    assert [(r.text, r.reason) for r in article.removed] == [
        ("Ferries return to the islands", "title"),
        ("Advertisement", "scraper_residue"),
    ]
    assert lost_lines(article) == []


@pytest.mark.parametrize(
    "dateline, outlet",
    [("HALIFAX, N.S. —", None), ("PORT ALDER (Coast Wire) —", "Coast Wire"), ("NEW YORK --", None)],
)
def test_a_headline_run_into_a_lede_with_a_dateline_in_capitals_is_the_title(
    dateline: str, outlet: str | None
) -> None:
    headline = "Gov. Ray Dunn orders ferry inspections after storm"
    lede = "Ferry operators must inspect every hull before Friday, the governor said on Monday."
    article = clean_article(Article("a", "a.txt", f"{headline} {dateline} {lede}"))
    assert (article.title, article.text, article.outlet) == (headline, lede, outlet)
    assert [(r.text, r.reason) for r in article.removed] == [(dateline, "dateline")]
    assert lost_lines(article) == []


@pytest.mark.parametrize(
    "text",
    [
        # a place in ordinary case, or a bracket alone, may be the headline's own words
        "Angriffe auf Botschaft im Irak Bagdad (dpa) - Die versuchte Erstürmung dauerte an.",
        "Kulturminister Manja Schule zieht Bilanz (SPD) Die Förderung wuchs im Jahr 2019.",
        # one short word in capitals is the headline's acronym more often than a town
        "Orban weighs a new movement if his party exits EPP (Bloomberg) -- Orban said so.",
        # a sentence ended before the capitals: no headline runs up to them
        "Pilots agreed to cuts until 2023 to keep jobs. REUTERS (Pool) - The deal holds.",
    ],
)
def test_no_headline_is_split_off_at_a_dateline_that_may_be_the_headlines_words(
    text: str,
) -> None:
    article = clean_article(Article("a", "a.txt", text))
    assert article.title is None
    assert lost_lines(article) == []


@pytest.mark.parametrize(
    "text",
    [
        # a sentence before the furniture is no headline: only the label goes
        "The ferry sailed on Monday. Advertisement Crews fixed the pier overnight.",
        # too short to be a headline
        "Ferries back Advertisement Crews fixed the pier overnight.",
        # furniture that is no page furniture: a word of the sentence
        "The company said Advertisement revenue fell by a fifth in the quarter.",
    ],
)
def test_no_headline_is_split_off_where_none_was_run_in(text: str) -> None:
    article = clean_article(Article("a", "a.txt", text))
    assert article.title is None
    assert lost_lines(article) == []


def test_a_teaser_inside_a_long_line_is_cut_as_a_related_link() -> None:
    news = [
        "Flood barriers went up along the river on Sunday as the water kept rising.",
        "The city opened two shelters for families forced from their homes overnight.",
        "Forecasters expect the river to crest on Tuesday, a day later than first thought.",
    ]
    teaser = "Read also: Ten tips for keeping your basement dry."
    article = clean_article(Article("a", "a.txt", f"{news[0]} {teaser} {news[1]} {news[2]}"))
    news = [news[0], f"{news[1]} {news[2]}"]
    assert article.text.splitlines() == news
    assert [(r.text, r.reason) for r in article.removed] == [(teaser, "related_link")]


def test_a_paragraph_of_news_keeps_its_sentences_about_newsletters_and_cookies() -> None:
    text = (
        "The regulator fined the publisher on Monday for setting cookies without consent. "
        "Its newsletter, which reached two million readers, had tracked who opened it, the "
        "regulator said. The publisher said it would appeal the ruling within a month."
    )
    article = clean_article(Article("a", "a.txt", text))
    assert article.text == text and article.removed == []


def test_an_article_that_mentions_robot_checks_or_javascript_is_news() -> None:
    story = (
        "Regulators in Brussels opened an inquiry on Monday into how ticket sellers use bot "
        "checks, after fans complained that pages asking them to prove they were not a robot "
        "locked them out of sales for hours."
    )
    footer = "Please enable JavaScript to view the comments powered by Disqus."
    long_story = "\n\n".join([story] * 4)
    assert clean_article(Article("a", "a.txt", f"{long_story}\n\n{footer}")).not_news is None
    # a short one that opens on the words but tells of them
    about = "I am not a robot, the new ad campaign tells drivers. " + story
    assert clean_article(Article("b", "b.txt", "\n\n".join([about] * 3))).not_news is None


@pytest.mark.parametrize(
    "line",
    [
        "ENDIT",
        "-30-",
        "###",
        "(MORE)",
        "Story Filed By: Meridian Press Domestic Desk",
        "Filed by Jane Doe",
        "BC-US-Storms-Plains,2nd Ld-Writethru",
        "UPDATES with tornado warning for Sedgwick County",
        "RECASTS, adds details from court filing",
        "(Adds comment from central bank governor in paragraph 5)",
        "((ana.lopes@continentalpress.example; +351 21 555 0100))",
        "Eds: Moves on general and financial news services.",
        "EDITORS: Embargoed until 12:01 a.m. EDT Wednesday.",
        "Embargoed until 00:01 GMT Thursday",
        "MEDIA ADVISORY",
        "ADVISORY: Photo and video coverage plans for Sunday, May 18",
        "The Domestic desk supervisor is Carla Benning (212-555-0147).",
        "For questions, contact the photo desk at 212-555-0182 or photos@wire.example.",
        "Repeats to additional subscribers",
    ],
)
def test_newsroom_lines_are_cut(line: str) -> None:
    assert classify_line(line) == "newsroom"


@pytest.mark.parametrize(
    "line",
    [
        "Anyone with information is asked to call police at 555-0110.",
        "The budget office can be reached at 555-0170 with questions.",
        "The paper's editors said they would appeal the ruling.",
        "She was the paper's editor from 2019-2024 and led its investigations desk.",
        "Corrections officers have worked without a contract since January.",
        "More",
        "***",
        "The end",
        "WASHINGTON — The Senate passed the bill on Friday.",
        "US-China trade talks resume",
        "COVID-19 cases rose again in March, the health ministry said.",
    ],
)
def test_lines_that_look_like_newsroom_matter_but_are_news(line: str) -> None:
    assert classify_line(line) != "newsroom"


def test_a_footer_of_several_calls_to_action_is_cut_though_long() -> None:
    # Each sentence is a prompt alone; the line is too long to be read as one.
    footer = (
        "Get the best of The Daily Wren delivered to your inbox - subscribe to Wren Morning. "
        "Follow dailywren.co.uk on Twitter, Instagram, Facebook, Telegram and on YouTube, and "
        "stay in the know with what is happening in the towns around you, as it happens."
    )
    assert len(footer.split()) > 40
    assert classify_line(footer) == "share_prompt"
    # one sentence of news in the line keeps it
    news_and_prompt = (
        "The council voted to close the library on Monday after a long and heated debate "
        "between the members of the finance committee. Subscribe to our newsletter."
    )
    assert classify_line(news_and_prompt) is None


def test_an_offer_of_content_delivered_to_your_inbox_is_a_share_prompt() -> None:
    text = (
        "The ferry returned to service on Monday after a week of repairs.\n\n"
        "Get island news delivered straight to your inbox! Click here to join."
    )
    article = clean_article(Article("a", "a.txt", text))
    assert article.text == "The ferry returned to service on Monday after a week of repairs."
    assert [r.reason for r in article.removed] == ["share_prompt"]


# --------------------------------------------------------------------------------------------
# The furniture of German, Italian, Portuguese, Polish, Turkish and Russian pages (lang.de ...),
# in the wordings found on the SemEval-2022 sample's pages


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        # German
        (
            "Wir verwenden Cookies, um Ihnen ein optimales Nutzererlebnis zu bieten.",
            "cookie_banner",
        ),
        ("Diese Webseite verwendet Cookies. Mit der Nutzung stimmen Sie zu.", "cookie_banner"),
        (
            "Wir setzen auf unserer Website Cookies ein, um Inhalte zu personalisieren.",
            "cookie_banner",
        ),
        (
            "Um unser Angebot zu verbessern, sammeln wir anonymisierte Informationen über Ihren "
            "Besuch.",
            "cookie_banner",
        ),
        (
            "Ihre Einwilligung können Sie jederzeit in den Einstellungen widerrufen.",
            "cookie_banner",
        ),
        ("Zur Datenschutzerklärung", "cookie_banner"),
        ("Mehr zum Thema: Regierung plant neue Regeln für Drohnen", "related_link"),
        ("Lesen Sie auch:", "related_link"),
        ("Auch interessant", "related_link"),
        ("Lesen Sie auch Neues Faltphone kommt nach Europa", "related_link"),
        ("Empfehlung - Regierung einigt sich auf Haushalt", "related_link"),
        ("Anzeige", "scraper_residue"),
        ("Jetzt teilen:", "scraper_residue"),
        ("Teilen Weiterleiten Drucken", "scraper_residue"),
        ("Den vollständigen Artikel lesen ...", "scraper_residue"),
        ("Weiterlesen nach der Anzeige", "scraper_residue"),
        ("Noch nicht bei der Musterstädter Zeitung?", "comment_form"),
        ("Kommentar-Profil anlegen", "comment_form"),
        # Italian
        ("Questo sito utilizza cookie tecnici e di profilazione.", "cookie_banner"),
        ("Leggi anche: Il governo approva il decreto", "related_link"),
        ("ANNUNCIO PUBBLICITARIO", "scraper_residue"),
        ("Fai clic per condividere su Facebook (Si apre in una nuova finestra)", "scraper_residue"),
        ("Condividi questo:", "scraper_residue"),
        ("Iscriviti alla nostra newsletter", "share_prompt"),
        # Portuguese
        ("Este site utiliza cookies para melhorar a sua experiência.", "cookie_banner"),
        ("Leia também: Governo anuncia novo pacote", "related_link"),
        ("Publicidade", "scraper_residue"),
        # Polish
        ("Ta strona używa plików cookie w celach statystycznych.", "cookie_banner"),
        ("Czytaj także: Rząd przyjął projekt ustawy", "related_link"),
        ("ZOBACZ TAKŻE Prezydent podpisał ustawę", "related_link"),
        ("REKLAMA", "scraper_residue"),
        ("Głosuj Podziel się", "scraper_residue"),
        ("Wyłącz AdBlocka", "share_prompt"),
        ("Spokojnie, dodanie wyjątku nie wyłączy blokowania reklam.", "share_prompt"),
        # Turkish
        (
            "Sitemizde çerezler kullanılmaktadır. Devam ederek kabul etmiş olursunuz.",
            "cookie_banner",
        ),
        ("- Reklam -", "scraper_residue"),
        ("Abone ol", "share_prompt"),
        # Russian
        ("Этот сайт использует файлы cookie для улучшения работы.", "cookie_banner"),
        ("Читайте также: Правительство утвердило бюджет", "related_link"),
        ("Подпишитесь на нашу рассылку", "share_prompt"),
        ("Авторское право © 2020 Агентство. Все права защищены.", "boilerplate"),
        # a consent dialog's sentences, as written and machine-translated
        (
            "Indem Sie „Akzeptieren und schließen“ anklicken, stimmen Sie der Verarbeitung "
            "Ihrer Daten zu.",
            "cookie_banner",
        ),
        ("Indem Sie auf OK klicken, willigen Sie in die Nutzung ein.", "cookie_banner"),
        (
            "Ponieważ już udostępniłeś nam swoje dane osobowe, zakładając konto, zaznacz pole:",
            "cookie_banner",
        ),
        (
            "Estamos comprometidos a proteger su información personal y hemos actualizado "
            "nuestra Política de Privacidad.",
            "cookie_banner",
        ),
        ("Por favor, lea nuestra política de privacidad.", "cookie_banner"),
        (
            "Dado que ya has compartido tus datos personales con nosotros, marca la casilla:",
            "cookie_banner",
        ),
        # a press release's distribution line (news aktuell) and its pointers
        (
            "Original-Content von: Stadtwerke Musterstadt, übermittelt durch news aktuell",
            "boilerplate",
        ),
        ("Original-Inhalt von: Polizei Musterstadt, übermittelt durch news aktuell", "boilerplate"),
        ("Weiteres Material: Polizeidirektion Musterstadt", "boilerplate"),
        ("Originalmeldung:", "boilerplate"),
        # the source credited under a story, as "Source: AP"
        ("Quelle: dpa, AFP", "boilerplate"),
        ("fonte: Ansa", "boilerplate"),
        ("Źródło: PAP", "boilerplate"),
        ("Kaynak: AA", "boilerplate"),
        ("Источник: ТАСС", "boilerplate"),
    ],
)
def test_furniture_of_other_languages_is_cut(line: str, reason: str) -> None:
    assert classify_line(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        # news that speaks of what a banner speaks of, in the languages the banners are in
        "Die Datenschutzbehörde verhängte 185 Bußgelder wegen Verstößen gegen die DSGVO.",
        "Die Frau erstattete am Samstag Anzeige gegen den Polizisten.",
        "Empfehlungen der Kommission sollen bis März umgesetzt werden, sagte die Ministerin.",
        "Wir verwenden das Geld für neue Schulen, sagte der Bürgermeister.",
        "Um die Kosten zu senken, nutzen wir Daten der Polizei, sagte der Minister.",
        "Aby pomóc powodzianom, zbieramy dane o stratach - powiedział burmistrz.",
        "Mehr als 20 Menschen wurden verletzt, teilte die Polizei mit.",
        "Die Bäckerei verkaufte am Wochenende 5000 Cookies, sagte der Inhaber.",
        "Il governo utilizza i fondi europei per le scuole, ha detto il ministro.",
        "Leggi elettorali: il Senato vota martedì la riforma.",
        "Reklama w telewizji publicznej kosztuje coraz więcej, podał urząd.",
        "Zgodnie z ustawą sklepy będą zamknięte w Nowy Rok.",
        "Polityka prywatności banków budzi zastrzeżenia urzędu, napisał rzecznik.",
        "Rząd nie przewiduje wyjątku dla blokowania reklam politycznych, powiedział minister.",
        "Reklam gelirleri geçen yıl yüzde 10 arttı, dedi yetkili.",
        "Реклама на телевидении подорожала на 15%, сообщили в агентстве.",
        "Abone olan kişi sayısı 2 milyonu aştı.",
        "Quelle der Infektion war nach Angaben der Behörden ein Restaurant in der Altstadt.",
        "Kaynak: Bakanlık verilerine göre ihracat yüzde 5 arttı. Rakamlar açıklandı.",
        # near-misses of the consent and press-release lines
        "Indem Sie auf den Link klicken, gelangen Sie zur Petition, sagte die Sprecherin.",
        "Indem sie die Steuern senkt, will die Regierung Investitionen anlocken.",
        "Ponieważ udostępnił dane osobowe klientów, prezes stracił stanowisko.",
        "Das Original-Content-Angebot wurde nach Angaben des Senders erweitert.",
        "Weiteres Material wird nach Angaben der Ermittler noch ausgewertet: Die Spurensicherung "
        "dauert an.",
        "Pressekontakte zur Regierung pflegte er seit Jahren, sagte der Sprecher.",
        "Estamos comprometidos a proteger el empleo, dijo el ministro de Trabajo.",
        "Dado que ya compartió sus datos personales con la empresa, el cliente exigió una "
        "indemnización.",
        "La agencia pidió revisar la política de privacidad de la aplicación, informó el diario.",
    ],
)
def test_news_of_other_languages_is_not_furniture(line: str) -> None:
    assert classify_line(line) is None


def test_a_german_banner_run_into_the_headline_is_cut_and_the_headline_kept() -> None:
    raw = (
        "Stadtrat beschließt neuen Radweg am Hafen Um die Funktion unserer Website zu "
        "verbessern, sammeln wir anonymisierte Informationen über Sie. Weitere Hinweise finden "
        "Sie in unserer Datenschutzerklärung. Ihre Zustimmung können Sie jederzeit widerrufen. "
        "Mit Klick auf OK stimmen Sie der Nutzung von Cookies zu."
    )
    article = clean_article(Article("a", "a.txt", raw))
    assert article.title == "Stadtrat beschließt neuen Radweg am Hafen"
    assert article.text == ""
    assert {r.reason for r in article.removed} == {"cookie_banner"}
    assert article.not_news is None  # a headline over a wall is still the outlet's report
    assert lost_lines(article) == []


def test_a_doubled_german_ad_label_after_the_headline_splits_it_off() -> None:
    raw = (
        "Brand im Tierpark: Polizei sucht Zeugen Anzeige Anzeige Hamburg. Nach dem Feuer im "
        "Tierpark sucht die Polizei Zeugen. Der Schaden liegt bei 200.000 Euro."
    )
    article = clean_article(Article("a", "a.txt", raw))
    assert article.title == "Brand im Tierpark: Polizei sucht Zeugen"
    assert article.text.startswith("Hamburg. Nach dem Feuer")
    assert Removed("Anzeige Anzeige", "scraper_residue") in article.removed
    assert lost_lines(article) == []


def test_one_german_anzeige_in_prose_is_no_ad_label() -> None:
    raw = "Die Frau erstattete noch am Abend Anzeige Bei der Polizei meldeten sich zwei Zeugen."
    article = clean_article(Article("a", "a.txt", raw))
    assert article.title is None and article.text == raw


def test_a_polish_robot_check_is_the_sites_answer_not_news() -> None:
    raw = (
        "Przepraszamy, z Twojego adresu IP odnotowaliśmy ogromną liczbę połączeń.\n\n"
        'Aby kontynuować, zaznacz "Nie jestem robotem".\n\nTwój adres IP: 198.51.100.7'
    )
    article = clean_article(Article("a", "a.txt", raw))
    assert article.not_news is not None and article.not_news.startswith(SCRAPER_ANSWER)
    assert lost_lines(article) == []


def test_a_piece_cut_where_its_words_stand_twice_in_the_line_is_not_lost() -> None:
    article = Article("a", "a.txt", "Sorry. IP: 1.2.3.4 said once. More text here. IP: 1.2.3.4")
    article.text = "Sorry. IP: 1.2.3.4 said once. More text here."
    article.removed = [Removed("IP: 1.2.3.4", "scraper_residue")]
    assert lost_lines(article) == []
    article.text = "Sorry. said once. More text here."  # now the first one is gone too
    assert lost_lines(article) == [article.raw]


@pytest.mark.parametrize("button", ["Alle akzeptieren", "Accetta tutti", "Zaakceptuj i zamknij"])
def test_a_consent_dialogs_own_button_is_cut_far_from_its_banner(button: str) -> None:
    raw = f"The council met on Monday.\n\n{button}\n\nThe vote is set for March, the mayor said."
    cleaned = clean_text(raw)
    assert cleaned.removed == [Removed(button, "scraper_residue")]  # as "Accept all" is


# --------------------------------------------------------------------------------------------
# A title that is only the site's name over a page of junk


@pytest.mark.parametrize(
    ("title", "outlet", "url"),
    [
        ("The Daily Courier — Local News", None, None),
        ("Local News | The Daily Courier", "The Daily Courier", None),
        (
            "Northfield Gazette: News, Sports and Obituaries",
            None,
            "https://northfieldgazette.com/x",
        ),
        ("Home - dailycourier.com", None, None),
        ("Daily Courier Online | Breaking News", "Daily Courier", None),
        ("Valley Herald Tribune — Home Page", None, "https://www.valleyheraldtribune.net/"),
        ("Latest News, Weather and Sports", None, None),
        # section labels in another language, a masthead without "The"
        ("Новости, спорт, погода - Lakeside Sentinel", None, None),
        ("Notizie, sport, meteo | Valle Gazette", None, None),
        # what the site says of itself, beside its names
        ("RivNews - River Times International, il portale di notizie della valle", None, None),
        ("Harbor Desk | Your source for news on the bay", None, None),
    ],
)
def test_a_title_of_the_sites_name_and_sections_is_a_site_title(
    title: str, outlet: str | None, url: str | None
) -> None:
    assert is_site_title(title, outlet, url)


@pytest.mark.parametrize(
    ("title", "outlet"),
    [
        ("Storm hits coast | The Daily Courier", "The Daily Courier"),
        ("Stocks Hit Record High - Business News", None),
        ("Stocks Hit Record High | Daily Courier", "Daily Courier"),
        ("Two hurt when snowmobile crashes into tree near Lincoln", None),
        ("Council votes to close bridge: what it means for commuters", None),
        ("The Times They Are Changing", None),
        ("Grüne: Regierung muss bei Schienen-Elektrifizierung zulegen", None),
        ("Biden | Politics", None),  # a name beside a section is the story's subject
        ("Storm Today", None),  # an outlet word alone, with no section beside it
        ("Sport: Lakeside Sentinel wins award | Local News", None),
    ],
)
def test_a_headline_is_no_site_title(title: str, outlet: str | None) -> None:
    assert not is_site_title(title, outlet)


BANNER = "We use cookies to improve your experience on our site.\nAccept all\nManage settings"


@pytest.mark.parametrize(
    ("title", "outlet", "url", "raw"),
    [
        ("The Daily Courier — Local News", "The Daily Courier", None, BANNER),
        ("Home | Local News | dailycourier.com", None, "https://dailycourier.com/", BANNER),
        (
            "Northfield Gazette: News, Sports and Obituaries",
            None,
            "https://northfieldgazette.com/",
            BANNER,
        ),
        ("Local News | The Daily Courier", None, None, "Subscribe now to continue reading."),
        # no record title: the site's name is the page's first line
        (None, None, None, "The Daily Courier — Local News\n\n" + BANNER),
    ],
)
def test_a_site_name_over_a_cookie_only_body_is_not_news(
    title: str | None, outlet: str | None, url: str | None, raw: str
) -> None:
    article = clean_article(Article("a", "a.html", raw, title=title, outlet=outlet, url=url))
    assert article.not_news is not None
    assert article.not_news.startswith("no article on the page: only ")
    name = title or raw.splitlines()[0]
    assert f"its title, “{name}”, is the site's name, not a headline" in article.not_news
    assert lost_lines(article) == []


@pytest.mark.parametrize(
    ("title", "raw"),
    [
        ("Storm hits coast, cutting power to 40,000 | The Daily Courier", BANNER),
        ("Stocks Hit Record High - Business News", BANNER),
        (
            "The Daily Courier — Local News",
            "The bridge reopened on Monday after two years of work.",
        ),
        ("Council approves budget for new school", "The vote was 5-2."),
    ],
)
def test_a_headline_or_a_sentence_of_news_under_a_site_name_stays_news(
    title: str, raw: str
) -> None:
    article = Article("a", "a.html", raw, title=title, outlet="The Daily Courier")
    assert clean_article(article).not_news is None


# --------------------------------------------------------------------------------------------
# A consent dialog's last sentences and stray pieces; a German press release's tail


def test_the_pieces_of_a_machine_translated_consent_dialog_after_its_banner_are_cut() -> None:
    raw = (
        "Regierung verlängert Kurzarbeit bis Jahresende Um die Funktion unserer Website zu "
        "verbessern, sammeln wir technische anonymisierte Informationen über Sie. Sie "
        '"akzeptieren und schließen", um fortzufahren. Ihre Zulässige werden in der Art und '
        "Weise widerrufen. gen. Indem Sie „Akzeptieren und schließen“ anklicken, stimmen Sie "
        "der Verarbeitung Ihrer Daten zu. Learn more"
    )
    article = clean_article(Article("a", "a.txt", raw))
    assert article.title == "Regierung verlängert Kurzarbeit bis Jahresende"
    assert article.text == ""
    assert {r.reason for r in article.removed} == {"cookie_banner"}
    assert Removed("gen.", "cookie_banner") in article.removed
    assert lost_lines(article) == []


def test_a_polish_consents_withdrawal_after_its_banner_is_cut() -> None:
    raw = (
        "Rząd przedłuża zasiłki dla przedsiębiorców Aby poprawić swoją witrynę, zbieramy "
        "anonimowe informacje techniczne. Klikając na przycisk „Zaakceptuj i zamknij”, wyrażasz "
        "zgodę na przetwarzanie danych. Wycofać może Państwo zgodę w sposób opisany w polityce."
    )
    article = clean_article(Article("a", "a.txt", raw))
    assert article.text == "" and {r.reason for r in article.removed} == {"cookie_banner"}
    assert lost_lines(article) == []


def test_a_short_sentence_of_news_after_a_paragraph_on_cookies_stays() -> None:
    raw = (
        "Die Bäckerei am Markt verkauft seit Montag Cookies nach amerikanischem Rezept. Der "
        "Inhaber rechnet mit 500 Stück am Tag. Es lohnt sich. Die Stadt hat den Umbau des "
        "Ladens mit 20.000 Euro gefördert, teilte das Rathaus am Dienstag mit."
    )
    article = clean_article(Article("a", "a.txt", raw))
    assert article.text == raw and article.removed == []


_RELEASE = (
    "Stadtwerke senken den Strompreis zum 1. Juli\n\n"
    "Musterstadt (ots) - Die Stadtwerke Musterstadt senken zum 1. Juli den Strompreis um "
    "drei Prozent. Das teilte das Unternehmen am Montag mit.\n\n"
    "Grund seien gesunkene Einkaufspreise an der Strombörse, sagte ein Sprecher.\n\n"
    "{heading}\n\nStadtwerke Musterstadt\n\nUnternehmenskommunikation\n\nErika Muster\n\n"
    "Telefon: 01234 567-890\n\nE-Mail: presse@stadtwerke-musterstadt.example\n\n"
    "Original-Content von: Stadtwerke Musterstadt, übermittelt durch news aktuell"
)


@pytest.mark.parametrize(
    "heading",
    [
        "Pressekontakt:",
        "Rückfragen bitte an:",
        "Medienrückfragen bitte an:",
        "Rückfragen & Kontakt:",
    ],
)
def test_a_german_press_releases_contact_block_is_cut_for_the_press(heading: str) -> None:
    article = clean_article(Article("a", "a.txt", _RELEASE.format(heading=heading)))
    assert article.not_news is None  # the release above it is news
    assert article.text.endswith("sagte ein Sprecher.")
    block = [r for r in article.removed if r.reason == "newsroom"]
    assert [r.text for r in block][0] == heading and len(block) == 6
    assert article.removed[-1] == Removed(
        "Original-Content von: Stadtwerke Musterstadt, übermittelt durch news aktuell",
        "boilerplate",
    )
    assert not [r for r in article.removed if r.reason in ("comments", "outlet_signature")]
    assert lost_lines(article) == []


def test_a_german_press_releases_tail_run_into_its_one_line_is_cut() -> None:
    raw = (
        "Stadtwerke senken den Strompreis Musterstadt (ots) - Die Stadtwerke senken zum 1. Juli "
        "den Strompreis um drei Prozent, teilte das Unternehmen mit. Grund seien gesunkene "
        "Einkaufspreise. Pressekontakt: Stadtwerke Musterstadt Redaktion Telefon: (01234) "
        "567-890 Weiteres Material: OTS: Stadtwerke Musterstadt Original-Content von: "
        "Stadtwerke Musterstadt, übermittelt durch news aktuell"
    )
    article = clean_article(Article("a", "a.txt", raw))
    assert article.text.endswith("Grund seien gesunkene Einkaufspreise.")
    assert [r.reason for r in article.removed][-2:] == ["newsroom", "boilerplate"]
    assert article.removed[-2].text.startswith("Pressekontakt: Stadtwerke")
    assert lost_lines(article) == []


@pytest.mark.parametrize(
    "raw",
    [
        # a heading-like word in prose, with no contact field after it
        "Der Minister lehnte ab. Rückfragen: Die Opposition will ihn am Freitag erneut befragen, "
        "kündigte die Fraktion an.",
        # a contact field, but the heading far from the line's end (a long run of news after it)
        "Pressekontakt: Telefon: 0123 456-789. " + "Die Polizei sucht weiter nach Zeugen. " * 12,
    ],
)
def test_a_contact_heading_in_prose_is_kept(raw: str) -> None:
    article = clean_article(Article("a", "a.txt", raw))
    assert not [r for r in article.removed if r.reason == "newsroom"]


# --------------------------------------------------------------------------------------------
# A site's header page (its name, its appeal for donations, what it says of itself)

_SITE = "المرصد الحر"  # an invented site: "The Free Observatory"


@pytest.mark.parametrize(
    "top",
    [f"{_SITE}\n\nالتبرع للموقع - ادعمونا", f"{_SITE} تبرع للموقع - ادعمنا"],
)
def test_a_sites_header_page_is_not_news(top: str) -> None:
    raw = (
        f"{top}\n\nالموقع الرئيسي لمجلة {_SITE}\n\nمستقلة , حرة\n\n"
        "«صحافة حرة لمجتمع حر يضمن حق الجميع في المعرفة»\n\n"
        f"تأسس {_SITE} عام 2001 ونال جائزة الصحافة المستقلة"
    )
    article = clean_article(Article("a", "a.txt", raw))
    assert article.not_news is not None and article.not_news.startswith("the site's header")
    assert [r.reason for r in article.removed] == ["share_prompt"]
    assert lost_lines(article) == []


@pytest.mark.parametrize(
    "body",
    [
        # news under the site's name that does not name the site
        "أعلنت وزارة الصحة يوم الأحد تسجيل 120 إصابة جديدة في العاصمة، وقالت إن المستشفيات "
        "تعمل بكامل طاقتها.",
        # news naming the site, longer than a header holds
        f"قال رئيس تحرير {_SITE} إن " + "الحكومة أغلقت المدارس في ثلاث محافظات يوم الأحد، " * 12,
    ],
)
def test_news_under_a_sites_name_and_appeal_stays_news(body: str) -> None:
    raw = f"{_SITE}\n\nالتبرع للموقع - ادعمونا\n\n{body}"
    article = clean_article(Article("a", "a.txt", raw))
    assert article.not_news is None
    assert Removed("التبرع للموقع - ادعمونا", "share_prompt") in article.removed


def test_a_masthead_and_a_subscribe_prompt_over_a_short_brief_stay_news() -> None:
    raw = (
        "The Daily Courier\n\nSubscribe now\n\nThe Daily Courier's photographer won a state "
        "award on Monday, the paper said."
    )
    assert clean_article(Article("a", "a.txt", raw)).not_news is None


@pytest.mark.parametrize(
    ("headline", "box", "body"),
    [
        (
            "Паромы вернулись на острова после ремонта причала",
            "Подпишитесь на БЕСПЛАТНЫЕ ежедневные оповещения по электронной почте от HarbourLive "
            "- Выходные Подпишитесь Спасибо за подписку См. наше уведомление о конфиденциальности "
            "Недействительный адрес электронной почты",
            "Паромы в понедельник впервые за неделю пришли на острова. Причал починили.",
        ),
        (
            "Los transbordadores vuelven a las islas tras la reparación del muelle",
            "Regístrese para recibir alertas de correo electrónico diarias GRATUITAS de "
            "HarbourLive - fin de semana Suscribirse Gracias por suscribirse Correo electrónico "
            "no válido",
            "Los transbordadores llegaron el lunes a las islas. El muelle fue reparado.",
        ),
    ],
)
def test_a_machine_translated_sign_up_box_after_the_headline_is_cut(
    headline: str, box: str, body: str
) -> None:
    article = clean_article(Article("a", "a.txt", f"{headline} {box} {body}"))
    assert (article.title, article.text) == (headline, body)
    assert article.removed == [Removed(box, "scraper_residue")]
    assert lost_lines(article) == []


def test_a_sentence_on_email_alerts_in_russian_news_stays() -> None:
    text = (
        "Банк предложил клиентам подписаться на бесплатные оповещения по электронной почте. "
        "Сервис заработает в марте."
    )
    assert clean_article(Article("a", "a.txt", text)).text == text


def test_a_german_comment_form_at_the_end_of_a_page_run_into_one_line_is_cut() -> None:
    news = (
        "Hafenstadt. Die Fähre zu den Inseln fährt wieder, teilte die Reederei am Montag mit. "
        "Der Anleger war nach dem Sturm eine Woche lang gesperrt. Die Reparatur kostete 80.000 "
        "Euro."
    )
    form = [
        "Anmeldung Noch nicht bei der Hafenstädter Zeitung?",
        "Kommentar-Profil anlegen Ich habe die NETIQUETTE und die DATENSCHUTZERKLÄRUNG gelesen "
        "und akzeptiere diese.* *Pflichtfelder",
    ]
    article = clean_article(Article("a", "a.txt", " ".join([news, *form])))
    assert article.text == news
    assert article.removed == [Removed(piece, "comment_form") for piece in form]
    assert lost_lines(article) == []


def test_a_sentence_on_netiquette_in_german_news_stays() -> None:
    text = (
        "Der Nutzer stand am Montag vor Gericht. Ich habe die Netiquette nie gelesen, gab er "
        "zu. Das Gericht verurteilte ihn zu einer Geldstrafe von 900 Euro. Er will in Berufung "
        "gehen, sagte sein Anwalt."
    )
    assert clean_article(Article("a", "a.txt", text)).text == text


# --------------------------------------------------------------------------------------------
# Chinese page furniture (lang/zh.py): most Chinese pages of the SemEval sample are English pages
# put into Chinese by machine, so their furniture is English furniture in Chinese words


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        # follow, subscribe and app prompts
        ("在 Facebook 和 Twitter 上关注我们", "share_prompt"),
        ("您也可以在微博上关注我们。", "share_prompt"),
        ("在推特上关注《城市晚报》记者李娜 @lina_news", "share_prompt"),
        ("在 Instagram、YouTube 和 TikTok 上关注 citypost.com，了解本地最新消息", "share_prompt"),
        ("在 Facebook 上为我们点赞", "share_prompt"),
        ("关注@harbourdaily", "share_prompt"),
        ("立即在 harbourdaily.com/offer 订阅", "share_prompt"),
        ("您的订阅使这样的报道成为可能。", "share_prompt"),
        ("如需更多本地新闻，请下载适用于 iOS 和 Android 的港城日报应用程序", "share_prompt"),
        ("前 12 周每月只需 5 美元", "share_prompt"),
        ("感谢您的阅读！", "share_prompt"),
        ("我们注意到您正在屏蔽广告。", "share_prompt"),
        ("请关闭您的广告拦截插件，继续支持本地新闻。", "share_prompt"),
        # buttons, labels, a share form, a player's and a browser's notices
        ("广告", "scraper_residue"),
        ("文章在广告下方继续", "scraper_residue"),
        ("通过电子邮件将此文章发送给朋友", "scraper_residue"),
        ("分享到： 微信 微博 QQ空间", "scraper_residue"),
        ("下一页 2 | 3", "scraper_residue"),
        ("阅读全文", "scraper_residue"),
        ("您的浏览器不支持视频播放。", "scraper_residue"),
        ("请点击这里查看完整名单", "scraper_residue"),
        # teasers
        ("另请阅读：市政府公布新的公交线路", "related_link"),
        ("相关报道：暴雨导致三条高速公路封闭", "related_link"),
        ("【延伸阅读】", "related_link"),
        ("更多关于教育改革的文章：", "related_link"),
        # what closes an article, and the newsroom's own lines
        ("请通过 li.wei@harbourdaily.com 与她联系。", "boilerplate"),
        ("通过 zhang@citypost.com 或 Twitter @annazhang 联系 Anna Zhang", "boilerplate"),
        ("请通过 wang@citypost.com 联系约翰·史密斯。", "boilerplate"),
        ("版权所有 2021 港城日报传媒集团", "boilerplate"),
        ("© 2021 港城日报", "boilerplate"),
        ("（此报道未经本网编辑修改，由供稿系统自动生成。）", "boilerplate"),
        ("（张华 报道；李明 编辑）", "boilerplate"),
        ("作者：港城日报记者 周婷", "boilerplate"),
        ("责任编辑：王小明", "boilerplate"),
        ("来源：新华社", "boilerplate"),
        ("（完）", "boilerplate"),
        ("本报版权所有，未经许可不得转载", "boilerplate"),
    ],
)
def test_chinese_furniture_is_cut(line: str, reason: str) -> None:
    assert classify_line(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        # news that speaks of what furniture speaks of
        "在 Twitter 上关注他的网民已超过 200 万人。",
        "在微博上关注他们的粉丝周一发起了请愿。",
        "他在推特上关注了这位候选人的账户。",
        "请通过 tips@harbourpolice.gov 联系警方。",
        "警方呼吁知情者通过 tips@harbourpolice.gov 与警方联系。",
        "版权所有者表示将对该网站提起诉讼。",
        "来源于当地医院的消息称，伤者已脱离危险。",
        "更多的居民在周末返回了家园。",
        "相关部门表示，调查仍在进行中。",
        "下载量超过 100 万次的应用程序已被下架。",
        "作者表示，这本书花了十年时间写成。",
        "现在订阅该服务的用户已超过 500 万。",
        "广告收入去年增长了 10%。",
        "分享经济在该市迅速发展。",
        "编辑部周二发表声明，承认报道有误。",
    ],
)
def test_chinese_news_is_not_furniture(line: str) -> None:
    assert classify_line(line) is None


def test_chinese_furniture_inside_a_page_run_into_one_line_is_cut() -> None:
    news = [
        "港城——市政府周二宣布，三条新公交线路将于下月开通。",
        "交通局长表示，新线路每天可运送约 2 万名乘客。",
        "工程耗资 1.2 亿元，比原计划提前两个月完工。",
        "沿线居民对此表示欢迎，但也有人担心施工期间的噪音问题。",
        "市政府表示，将在每条线路开通前一周公布详细时刻表。",
    ]
    furniture = [
        ("通过 chen@harbourdaily.com 与他联系。", "boilerplate"),
        ("在 Facebook 和 Twitter 上关注我们", "share_prompt"),
    ]
    raw = "".join(news) + "".join(piece for piece, _ in furniture)
    article = clean_article(Article("a", "a.txt", raw))
    # the news kept as written: no space put between its sentences
    assert article.text == "".join(news)
    assert article.removed == [Removed(piece, reason) for piece, reason in furniture]
    assert lost_lines(article) == []


def test_a_chinese_sentence_cut_inside_a_line_leaves_the_rest_as_written() -> None:
    before = "港城——市政府周二宣布，三条新公交线路将于下月开通。 交通局长表示，新线路每天可运送约 2 万名乘客。"
    prompt = "另请阅读：港城地铁二期工程获批"
    after = "工程耗资 1.2 亿元，比原计划提前两个月完工。预计明年春季投入运营。"
    article = clean_article(Article("a", "a.txt", f"{before}{prompt}。{after}"))
    # what stood on each side of the cut is a line of its own, as written (the space after the
    # first full stop kept, none put between the last two sentences)
    assert article.text == f"{before}\n{after}"
    assert Removed(f"{prompt}。", "related_link") in article.removed
    assert lost_lines(article) == []


def test_a_machine_translated_newsletter_box_after_a_chinese_headline_is_cut() -> None:
    headline = "港城三条新公交线路下月开通"
    box = (
        "订阅来自 harbourdaily 的免费每日电子邮件提醒 - 每日订阅 感谢您订阅 我们有更多时事通讯 "
        "给我看 请参阅我们的隐私声明 无法订阅，稍后再试 无效电子邮件"
    )
    body = (
        "市政府周二宣布，三条新公交线路将于下月开通。交通局长表示，新线路每天可运送约 2 万名乘客。"
    )
    article = clean_article(Article("a", "a.txt", f"{headline} {box} {body}"))
    assert Removed(box, "scraper_residue") in article.removed
    assert box not in article.text and body in article.text
    assert lost_lines(article) == []


def test_a_chinese_headline_is_the_title_and_a_chinese_sentence_is_not() -> None:
    """Chinese has no capitals and no spaces between words: a headline starts with a letter
    of its own and is counted two letters a word; a line ending in a full stop "。" is a
    sentence, not a headline."""
    headline = "暴雨导致边境口岸关闭一天"
    body = "官员说，周日暴雨淹没了诺加利斯的口岸。该机构说，口岸预计周一上午重新开放。"
    article = clean_article(Article(id="z", path="z.txt", raw=f"{headline}\n\n{body}\n"))
    assert article.title == headline
    assert article.text == body
    assert not lost_lines(article)
    sentence = "暴雨导致边境口岸关闭一天。"
    kept = clean_article(Article(id="y", path="y.txt", raw=f"{sentence}\n\n{body}\n"))
    assert kept.title is None and kept.text.startswith(sentence)


# Scripts without capitals (Arabic, Hebrew, Devanagari): a headline starts with any letter of
# its own, and ends on no sentence end of its script (the Arabic question mark or comma, the
# Devanagari danda). Invented lines.
_CASELESS_PAGES = [
    (
        "ar",
        "البلدية تفتتح جسرا جديدا فوق النهر",
        "أعلنت البلدية يوم الأحد أن الجسر الجديد سيفتح أمام السيارات الشهر المقبل بعد عامين من "
        "العمل.",
    ),
    (
        "he",
        "העירייה פותחת גשר חדש מעל הנהר",
        "העירייה הודיעה ביום ראשון כי הגשר החדש ייפתח לתנועה בחודש הבא אחרי שנתיים של עבודה.",
    ),
    (
        "ka",
        "მერიამ მდინარეზე ახალი ხიდი გახსნა",
        "მერიამ კვირას განაცხადა, რომ ახალი ხიდი მანქანებისთვის მომავალ თვეში გაიხსნება "
        "ორწლიანი სამუშაოების შემდეგ.",
    ),
    (
        "hi",
        "नगर निगम ने नदी पर नया पुल खोला",
        "नगर निगम ने रविवार को बताया कि नया पुल दो साल के काम के बाद अगले महीने खुलेगा।",
    ),
]


@pytest.mark.parametrize(("language", "headline", "body"), _CASELESS_PAGES)
def test_a_headline_in_a_script_without_capitals_is_the_title(
    language: str, headline: str, body: str
) -> None:
    article = clean_article(Article(id=language, path="a.txt", raw=f"{headline}\n\n{body}\n"))
    assert article.title == headline
    assert article.text == body
    assert lost_lines(article) == []


@pytest.mark.parametrize(
    "first",
    [
        "هل تفتتح البلدية الجسر الجديد قبل الشتاء؟",  # a question, no blank line under it
        "البلدية تفتتح الجسر الجديد والسكان ينتظرون،",  # ... ends on a comma
        "नगर निगम ने नदी पर नया पुल खोला।",  # a sentence: it ends on a danda
    ],
)
def test_a_sentence_in_a_script_without_capitals_is_no_title(first: str) -> None:
    body = _CASELESS_PAGES[0][2]
    article = clean_article(Article(id="s", path="s.txt", raw=f"{first}\n{body}\n"))
    assert article.title is None
    assert article.text.startswith(first)


def test_a_caseless_headline_under_a_known_title_stays_in_removed_as_title() -> None:
    """Nothing is lost: under the record's own title, an Arabic headline line that shares a
    word with it is cut as ``title``; one that shares none is a section head."""
    headline, body = _CASELESS_PAGES[0][1:]
    raw = f"{headline}\n\n{body}\n"
    known = "جسر فوق النهر يفتح الشهر المقبل"
    article = clean_article(Article(id="k", path="k.txt", raw=raw, title=known))
    assert article.title == known
    assert Removed(headline, "title") in article.removed
    assert article.text == body and lost_lines(article) == []
    other = clean_article(Article(id="o", path="o.txt", raw=raw, title="أسعار الخبز اليوم"))
    assert Removed(headline, "subheading") in other.removed
    assert lost_lines(other) == []


def test_a_section_head_between_two_arabic_paragraphs_is_a_heading() -> None:
    """A paragraph in a script without capitals reads as one, so a short line between two of
    them is a section head (cut with its reason), as between two English paragraphs."""
    body = _CASELESS_PAGES[0][2]
    second = "وقال رئيس البلدية إن الجسر سيخفف الازدحام في وسط المدينة خلال ساعات الذروة."
    head = "ازدحام أقل"
    article = clean_article(Article(id="h", path="h.txt", raw=f"{body}\n\n{head}\n\n{second}\n"))
    assert article.headings == [head]
    assert Removed(head, "subheading") in article.removed
    assert article.text == f"{body}\n\n{second}" and lost_lines(article) == []


def test_a_chinese_headline_over_a_paragraph_is_no_masthead() -> None:
    """A masthead is a short name: a Chinese line of many words (two letters a word) over a
    paragraph is the headline, not the outlet, though it opens with a Latin name."""
    headline = "Post Malone 在新年为自己添了新的面部纹身"
    body = "歌手 Post Malone 周三在 Instagram 上公布了新纹身的照片，粉丝们反应不一，有人称赞也有人批评。"
    article = clean_article(Article(id="z", path="z.txt", raw=f"{headline}\n\n{body}\n"))
    assert article.outlet is None
    assert article.title == headline and lost_lines(article) == []


def test_an_arabic_site_s_subscription_prompts_are_cut() -> None:
    """ "Subscribe to get the most important news" run between a headline and its first
    sentence, and a short line ending "subscribe now", are page furniture: cut, with reasons."""
    headline, body = _CASELESS_PAGES[0][1:]
    fused = f"{headline} اشترك لتصلك أهم الأخبار {body}"
    article = clean_article(Article(id="p", path="p.txt", raw=fused + "\n"))
    assert article.title == headline and article.text == body
    assert Removed("اشترك لتصلك أهم الأخبار", "scraper_residue") in article.removed
    prompt = "تابع آخر أخبار المدينة .. اشترك الآن"
    article = clean_article(Article(id="q", path="q.txt", raw=f"{body}\n\n{prompt}\n"))
    assert article.text == body and Removed(prompt, "share_prompt") in article.removed
    assert lost_lines(article) == []


def test_a_fused_headline_opening_on_a_quote_is_split_at_the_prompt_after_it() -> None:
    """A headline that opens on a name in guillemets, run into a prompt and the first
    sentence, is split as any fused headline is: the prompt after it says where it ends."""
    headline = "«مرصد المدينة» يرصد ارتفاع أسعار الخبز في 12 «مخبزا»"
    body = "رصد مرصد المدينة ارتفاع أسعار الخبز في 12 مخبزا خلال الأسبوع الماضي بنسبة 10%."
    fused = f"{headline} اشترك لتصلك أهم الأخبار {body}"
    article = clean_article(Article(id="g", path="g.txt", raw=fused + "\n"))
    assert article.title == headline and article.text == body
    assert Removed("اشترك لتصلك أهم الأخبار", "scraper_residue") in article.removed
    assert lost_lines(article) == []


def test_an_arabic_page_s_wire_credit_prompts_teasers_and_credits_have_their_reasons() -> None:
    """On an Arabic page, a wire's initials under the headline ("أ ش أ", the Middle East News
    Agency) name the outlet; a follow prompt, a "read also" marker with the teaser under it, a
    photo credit and the source line are cut with their own reasons, not as sub-heads."""
    headline, body = _CASELESS_PAGES[0][1:]
    second = "وقال رئيس البلدية إن الجسر سيخفف الازدحام في وسط المدينة خلال ساعات الذروة."
    raw = (
        f"{headline}\nأ ش أ\n\n{body}\n\nتصوير: سامي يوسف\n\nاقرأ أيضا:\n"
        f"البلدية تغلق شارع النهر أسبوعا\n\n{second}\n\nتابعونا على فيسبوك وتويتر\n"
        "المصدر: وكالة الأنباء\n"
    )
    article = clean_article(Article(id="w", path="w.txt", raw=raw))
    assert article.title == headline and article.outlet == "أ ش أ"
    assert article.text == f"{body}\n\n{second}" and article.headings == []
    assert [r.reason for r in article.removed] == [
        "outlet_signature",
        "photo_credit",
        "related_link",
        "related_link",
        "share_prompt",
        "boilerplate",
    ]
    assert lost_lines(article) == []


def test_a_wire_named_alone_under_the_headline_is_the_outlet_not_the_text() -> None:
    headline = "Ferry service resumes after two-day strike"
    body = "The ferry between the two islands ran again on Tuesday after crews ended a strike."
    raw = f"{headline}\nReuters\n\n{body}\n"
    article = clean_article(Article(id="r", path="r.txt", raw=raw))
    assert article.title == headline and article.text == body
    assert article.outlet == "Reuters"
    assert Removed("Reuters", "outlet_signature") in article.removed
    # a line under the headline that is no outlet's name stays the text's
    kept = clean_article(Article(id="s", path="s.txt", raw=raw.replace("Reuters", "Analysis")))
    assert kept.outlet is None and "Analysis" not in [
        r.text for r in kept.removed if r.reason == "outlet_signature"
    ]


def test_a_site_title_over_the_headline_is_the_outlet_and_the_headline_the_title() -> None:
    """A page's first line that is the site's name and what it says of itself, over the
    headline and the first paragraph, is the outlet, not the title; run into the lede before
    its dateline, it is cut as the outlet's too."""
    site = "RivNews - River Times International, il portale di notizie della valle"
    headline = "Il ponte sul fiume riapre dopo due anni di lavori"
    body = "Il ponte sul fiume ha riaperto martedì alle auto dopo due anni di lavori, ha detto il comune."
    article = clean_article(Article(id="i", path="i.txt", raw=f"{site}\n{headline}\n\n{body}\n"))
    assert article.title == headline and article.outlet == "RivNews"
    assert Removed(site, "outlet_signature") in article.removed and article.text == body
    sections = "Новости, спорт, погода - Lakeside Sentinel"
    lede = "LAKESIDE — Мост через реку открылся во вторник после двух лет работ, сообщили власти."
    fused = clean_article(Article(id="r", path="r.txt", raw=f"{sections} {lede}\n"))
    assert fused.title is None and fused.outlet == "Lakeside Sentinel"
    assert Removed(sections, "outlet_signature") in fused.removed
    assert lost_lines(article) == [] and lost_lines(fused) == []


def test_a_site_name_over_what_it_says_of_itself_is_no_article() -> None:
    raw = "Field Notes From The Delta\nA blog about life and work on the river delta\n"
    article = clean_article(Article(id="b", path="b.txt", raw=raw))
    assert article.title is None and article.text == ""
    assert article.outlet == "Field Notes From The Delta"
    assert article.not_news is not None and article.not_news.startswith("the site's header")
    assert lost_lines(article) == []


def test_a_date_stamp_and_its_update_after_a_fused_headline_split_it_off() -> None:
    """A headline run into its first sentence with the page's date stamp and its update's
    between them ("... 03.03.2021 09:15 | Son Güncelleme: 03.03.2021 09:40 ..."): the stamp
    says where the headline ends; it is cut as boilerplate. Alone at the top, it is cut too."""
    headline = "Köprü iki yıl sonra trafiğe açıldı"
    stamp = "03.03.2021 09:15 | Son Güncelleme: 03.03.2021 09:40"
    body = "Nehir üzerindeki köprü, iki yıl süren çalışmaların ardından salı günü trafiğe açıldı."
    article = clean_article(Article(id="t", path="t.txt", raw=f"{headline} {stamp} {body}\n"))
    assert article.title == headline and article.text == body
    assert Removed(stamp, "boilerplate") in article.removed
    alone = clean_article(Article(id="u", path="u.txt", raw=f"{stamp}\n{body}\n"))
    assert alone.text == body and Removed(stamp, "boilerplate") in alone.removed
    assert lost_lines(article) == [] and lost_lines(alone) == []
    # a date and a time inside a sentence are the sentence's
    said = f"{headline} 03.03.2021 09:15 {body}"
    kept = clean_article(Article(id="v", path="v.txt", raw=said + "\n"))
    assert kept.title is None and kept.text == said


def test_a_labelled_agency_credit_inside_a_line_is_cut_and_the_sentences_kept() -> None:
    """A caption's credit run into a page scraped as one line ("... Foto: Name/dpa Berlin -
    ..."), ending on a photo agency, is cut as photo_credit; the sentences around it stay.
    "(Foto: ...)" after a headline run into its lede splits the headline off."""
    caption = "Die neue Brücke über den Main am Dienstag."
    rest = "Frankfurt - Die Brücke ist nach zwei Jahren Bauzeit wieder für Autos offen."
    for credit in ("Foto: Lena Vogt/dpa", "Foto: REUTERS/LENA VOGT", "Foto: Lena Vogt / DPA"):
        article = clean_article(Article(id="d", path="d.txt", raw=f"{caption} {credit} {rest}\n"))
        assert Removed(credit, "photo_credit") in article.removed
        assert article.text == f"{caption}\n{rest}" and lost_lines(article) == []
    # no agency named: no telling where the photographer's name ends
    unnamed = f"{caption} Foto: Lena Vogt {rest}"
    assert clean_article(Article(id="e", path="e.txt", raw=unnamed + "\n")).text == unnamed
    headline = "Reabren el puente sobre el río tras dos años de obras"
    lede = "El puente reabrió el martes al tráfico tras dos años de obras, informó el municipio."
    raw = f"{headline} (Foto: AP Photo/Ana Ruiz) {lede}\n"
    article = clean_article(Article(id="s", path="s.txt", raw=raw))
    assert article.title == headline and article.text == lede
    assert Removed("(Foto: AP Photo/Ana Ruiz)", "photo_credit") in article.removed


def test_a_french_teaser_s_read_on_link_is_page_residue() -> None:
    body = "Le pont sur la rivière a rouvert mardi aux voitures après deux ans de travaux."
    article = clean_article(Article(id="f", path="f.txt", raw=f"{body}\nLire la suite …\n"))
    assert article.text == body
    assert article.removed == [Removed("Lire la suite …", "scraper_residue")]


def test_a_masthead_with_a_furniture_piece_in_its_line_is_no_title() -> None:
    """A site's name run into its appeal for donations is no headline: the appeal is cut as it
    is when no title is looked for, and nothing of it becomes the title."""
    appeal = "تبرع للموقع - ادعمنا"
    body = _CASELESS_PAGES[0][2]
    article = clean_article(Article(id="m", path="m.txt", raw=f"شبكة النهر {appeal}\n{body}\n"))
    assert article.title is None
    assert Removed(appeal, "share_prompt") in article.removed
    assert lost_lines(article) == []


def test_a_korean_line_counts_its_spaced_words_and_a_thai_line_its_letters() -> None:
    """Korean puts a space after each word: a three-word prompt of 13 syllables holds no
    sentence of news (it counted six words, two syllables a word); Thai, without spaces
    between its words, is counted by its letters. A Korean headline is the title."""
    assert not holds_news_sentence("뉴스레터를 무료로 구독하세요")
    assert holds_news_sentence("รัฐบาลประกาศเปิดสะพานใหม่ข้ามแม่น้ำ")
    headline = "서울시 다음 달 새 버스 노선 세 개 운행"
    body = "서울시는 다음 달부터 새 버스 노선 세 개를 운행한다고 월요일 밝혔다."
    article = clean_article(Article(id="k", path="k.txt", raw=f"{headline}\n\n{body}\n"))
    assert article.title == headline and article.text == body
    assert lost_lines(article) == []


def test_a_sentence_tag_between_two_sentences_is_cut_and_both_sentences_stay() -> None:
    """A tag a text-processing tool left between two sentences ("<s>") is markup: cut as
    scraper residue, the sentences on each side kept, each a line."""
    one = "Der Stadtrat hat am Montag eine neue Brücke über den Fluss eröffnet."
    two = "Die Brücke verbindet nach zwei Jahren Bauzeit die beiden Ufer der Stadt."
    article = clean_article(Article(id="t", path="t.txt", raw=f"{one} <s> {two}\n"))
    assert Removed("<s>", "scraper_residue") in article.removed
    assert article.text == f"{one}\n{two}"
    assert lost_lines(article) == []
    # not a tag standing alone: left as it is
    code = "Die Seite schrieb den Preis als <s>20 Euro</s> 15 Euro an, sagte der Händler."
    assert clean_article(Article(id="c", path="c.txt", raw=code)).text == code


def test_a_prompt_after_a_sentence_tag_is_seen_as_a_sentence_of_its_own() -> None:
    """A Polish ad-blocker prompt behind the tag starts a sentence, and is cut as prompts
    inside a long line are (:data:`~corroborate.read.clean.INLINE_PROMPT_LINE`)."""
    prompt = "Czy wiesz, że korzystasz z adblocka?"
    news = (
        "Rada miasta otworzyła w poniedziałek nowy most na rzece po dwóch latach budowy. "
        "Most łączy oba brzegi miasta i skraca drogę do centrum o kilka minut. "
        "Burmistrz powiedział, że w przyszłym roku miasto zacznie budowę kolejnej przeprawy."
    )
    article = clean_article(Article(id="p", path="p.txt", raw=f"{news} <s> {prompt}\n"))
    assert Removed(prompt, "share_prompt") in article.removed
    assert article.text == news
    assert lost_lines(article) == []
