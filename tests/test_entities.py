"""People and organisations merged across a story; titles and role conflicts."""

from __future__ import annotations

import random
import re

import pytest

from corroborate.annotate.people import find_person_mentions, same_person
from corroborate.annotate.roles import role_conflicts, title_key
from corroborate.compare.entities import EntityIndex, merge_entities
from corroborate.model import Article, Mention
from tests.conftest import make_article


def tag(article: Article, label: str, *names: str) -> Article:
    """Add NER mentions for every occurrence of ``names`` (what spaCy would have found)."""
    for name in names:
        start = article.text.find(name)
        while start != -1:
            index = next(s.index for s in article.sentences if s.start <= start <= s.end)
            article.mentions.append(
                Mention(article.id, start, start + len(name), name, label, index)
            )
            start = article.text.find(name, start + 1)
    article.mentions.sort(key=lambda m: m.start)
    return article


def person_of(entities, variant):
    hits = [e for e in entities if e.type == "PERSON" and variant in e.variants]
    assert len(hits) == 1, (variant, [e.variants for e in entities])
    return hits[0]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Alicia Bárcena", "Alicia Barcena"),
        ("Liz Sherwood-Randall", "Liz Sherwood Randall"),
        ("Rosa Icela Rodríguez", "Rosa Icela Rodríguez Velázquez"),
        ("Luis Cresencio Sandoval", "Luis Crescencio Sandoval González"),
        ("Andres Manual Lopez Obrador", "Andrés Manuel López Obrador"),
        ("Lopez Obrador", "Andrés Manuel López Obrador"),
        ("Jorge Ygnacio Peña", "Jorge Ignacio Pena"),
        ("Marguerite Søndergaard", "Marguerite Sondergaard"),  # a stroke, not an accent
        ("Łucja Wałęsa", "Lucja Walesa"),
    ],
)
def test_spellings_of_one_name_are_the_same_person(a, b):
    assert same_person(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Joe Biden", "Jill Biden"),
        ("Carlos Ortiz", "María Fernanda Ortiz Salgado"),
        ("Robert Kennedy Jr.", "Robert Kennedy"),
        ("Maria Gonzalez", "Mario Gonzalez"),
        ("Luis Sandoval", "Luis Rodríguez"),
        ("Manuel Lopez", "Andrés Manuel López Obrador"),
    ],
)
def test_relatives_and_namesakes_stay_apart(a, b):
    assert not same_person(a, b)


def test_titles_and_honorifics_are_stripped_from_names():
    a = make_article(
        "a",
        "Foreign Affairs Minister Alicia Bárcena met Mr. Blinken in Washington.",
        "Secretary of Homeland Security Alejandro Mayorkas also attended.",
    )
    names = [m.text for m in find_person_mentions(a)]
    assert names == ["Alicia Bárcena", "Blinken", "Alejandro Mayorkas"]
    local = make_article(
        "b",
        "Councillor Dmitri Holloway asked about the servers.",
        "Detective Inspector Ruth Amos said the unit was busy.",
    )
    assert [m.text for m in find_person_mentions(local)] == ["Dmitri Holloway", "Ruth Amos"]


@pytest.mark.parametrize(
    ("headline", "names"),
    [
        ("Hillary Clinton Presses Trump on Taxes", ["Hillary Clinton", "Hillary Clinton"]),
        ("Michael Moore Has a New Film About Trump", ["Hillary Clinton"]),
        ("Retired General Reveals Experience of Serving Under Clinton", ["Hillary Clinton"]),
    ],
)
def test_a_headline_builds_no_name_the_article_does_not_write_elsewhere(headline, names):
    a = make_article(
        "a", headline, "Hillary Clinton spoke in Ohio on Monday.", "Nobody else was named."
    )
    a = tag(a, "PERSON", "Hillary Clinton", "Michael Moore Has", "Reveals")
    assert [m.text for m in find_person_mentions(a)] == names


def test_two_people_a_headline_runs_together_are_two_names():
    a = make_article(
        "a",
        "Chris Christie Calls Hillary Clinton a Disgrace Over Her Comments",
        "Governor Chris Christie criticised Hillary Clinton on Sunday.",
    )
    a = tag(a, "PERSON", "Chris Christie Calls Hillary Clinton", "Hillary Clinton")
    names = [m.text for m in find_person_mentions(a)]
    assert names == ["Chris Christie", "Hillary Clinton", "Chris Christie", "Hillary Clinton"]


def test_a_name_the_model_cut_short_is_mended():
    a = tag(
        make_article(
            "a", "The delegation included Security Minister Rosa Icela Rodríguez and others."
        ),
        "PERSON",
        "Rosa Icela",
    )
    assert [m.text for m in find_person_mentions(a)] == ["Rosa Icela Rodríguez"]


def story():
    a = tag(
        make_article(
            "a",
            "Labour Minister María Fernanda Ortiz Salgado met the union on Sunday.",
            "Ortiz said the offer was final.",
            "Carlos Ortiz, a crane operator, said he was tired.",
        ),
        "PERSON",
        "María Fernanda Ortiz Salgado",
        "Carlos Ortiz",
    )
    b = tag(
        make_article(
            "b",
            "Minister Maria Fernanda Ortiz rejected the demands.",
            "US Secretary of State Antony Blinken called the minister.",
        ),
        "PERSON",
        "Maria Fernanda Ortiz",
        "Antony Blinken",
    )
    c = tag(
        make_article("c", "Blinken spoke to reporters.", "The Secretary of State said little."),
        "GPE",
        "Blinken",
    )
    return [a, b, c]


def test_variants_merge_across_the_story_and_namesakes_do_not():
    entities = merge_entities(story())
    minister = person_of(entities, "María Fernanda Ortiz Salgado")
    assert "Maria Fernanda Ortiz" in minister.variants
    assert minister.sources == ("a", "b")
    worker = person_of(entities, "Carlos Ortiz")
    assert worker.id != minister.id


def test_a_surname_alone_joins_the_full_name_even_when_ner_calls_it_a_place():
    entities = merge_entities(story())
    blinken = person_of(entities, "Antony Blinken")
    assert "Blinken" in blinken.variants and "c" in blinken.sources
    assert blinken.roles[0].title == "Secretary of State"


def test_an_entity_and_its_titles_carry_the_spans_of_its_mentions():
    articles = story()
    texts = {a.id: a.text for a in articles}

    def cited(spans):
        return [(s.article_id, texts[s.article_id][s.start : s.end]) for s in spans]

    blinken = person_of(merge_entities(articles), "Antony Blinken")
    assert cited(blinken.spans) == [("b", "Antony Blinken"), ("c", "Blinken")]
    assert blinken.mentions == 2
    (role,) = blinken.roles
    assert role.title == "Secretary of State"
    assert cited(role.spans) == [("b", "Antony Blinken")]  # the name the title is written beside


def test_the_canonical_name_is_the_fullest_form_with_accents():
    entities = merge_entities(story())
    assert person_of(entities, "Maria Fernanda Ortiz").name == "María Fernanda Ortiz Salgado"


def test_the_index_resolves_names_in_context():
    entities = merge_entities(story())
    index = EntityIndex(entities)
    minister = person_of(entities, "María Fernanda Ortiz Salgado").id
    assert index.resolve("Minister Maria Fernanda Ortiz", "b") == minister
    assert index.resolve("Mr. Blinken", "c") == person_of(entities, "Antony Blinken").id
    assert index.resolve("Nobody Known") is None


def test_organisations_merge_by_folded_form_and_acronym():
    a = tag(
        make_article("a", "The State Department said the U.S. would help."),
        "ORG",
        "The State Department",
    )
    tag(a, "GPE", "U.S.")
    b = tag(
        make_article("b", "the state department added that the United States agreed."),
        "ORG",
        "the state department",
    )
    tag(b, "GPE", "the United States")
    entities = merge_entities([a, b])
    orgs = {e.name: e for e in entities if e.type != "PERSON"}
    assert orgs["State Department"].sources == ("a", "b")
    us = [e for e in entities if "U.S." in e.variants]
    assert len(us) == 1 and "the United States" in us[0].variants


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Foreign Affairs Minister", "Secretary of Foreign Affairs"),
        ("Mexican Foreign Minister", "Foreign Affairs Secretary"),
        ("US Secretary of State", "Secretary of State"),
        ("spokesman for the US State Department", "U.S. State Department spokesperson"),
        ("Minister of Public Security", "Security Minister"),
        ("National Defense Minister", "Defense Minister"),
    ],
)
def test_equivalent_titles_have_one_key(a, b):
    assert title_key(a) == title_key(b)


def test_titles_for_different_posts_differ():
    assert title_key("White House Homeland Security Advisor") != title_key(
        "White House National Security Advisor"
    )


def test_disagreeing_titles_are_a_role_conflict_and_shortened_ones_are_not():
    articles = [
        tag(
            make_article(
                "a", "White House Homeland Security Advisor Liz Sherwood-Randall attended."
            ),
            "PERSON",
            "Liz Sherwood-Randall",
        ),
        tag(
            make_article(
                "b", "White House National Security Advisor Liz Sherwood Randall attended."
            ),
            "PERSON",
            "Liz Sherwood Randall",
        ),
        tag(
            make_article("c", "Secretary of State Antony Blinken and Secretary Blinken's aides."),
            "PERSON",
            "Antony Blinken",
        ),
    ]
    entities = merge_entities(articles)
    conflicts = role_conflicts(entities)
    assert len(conflicts) == 1
    conflict = conflicts[0]
    assert conflict.kind == "role" and conflict.subject == "Liz Sherwood-Randall"
    assert sorted(c.article_ids[0] for c in conflict.claims) == ["a", "b"]
    # The claims carry the sources; the note, shown beside them, does not repeat file ids.
    assert conflict.note == "Outlets give Liz Sherwood-Randall different advisor titles."


def test_an_appositive_title_is_read():
    a = tag(
        make_article(
            "a", "“We are ready,” said Matthew Miller, spokesman for the State Department."
        ),
        "PERSON",
        "Matthew Miller",
    )
    (m,) = find_person_mentions(a)
    assert m.titles == ("spokesman for the State Department",)


def test_a_list_of_titled_people_gives_each_only_their_own_title():
    a = tag(
        make_article(
            "a",
            "The delegation includes Fisheries Minister Rosa Valdane, Energy Minister Piet "
            "Odegaard, Nordvik Power Chairman Ulla Brekke and Tomas Lund, chairman of "
            "Nordvik Power.",
        ),
        "PERSON",
        "Rosa Valdane",
        "Piet Odegaard",
        "Ulla Brekke",
        "Tomas Lund",
    )
    titles = {m.text: m.titles for m in find_person_mentions(a)}
    assert titles["Rosa Valdane"] == ("Fisheries Minister",)  # not "Energy Minister Piet..."
    assert titles["Piet Odegaard"] == ("Energy Minister",)
    assert titles["Tomas Lund"] == ("chairman of Nordvik Power",)  # an organisation after "of"


@pytest.mark.parametrize("label", ["Getty", "Watch", "Twitter"])
def test_a_pages_label_run_into_a_name_is_no_part_of_it(label):
    a = tag(
        make_article("a", f"The rally went on late. {label} Marta Quill Ferrer spoke last."),
        "PERSON",
        f"{label} Marta Quill Ferrer",
    )
    assert [m.text for m in find_person_mentions(a)] == ["Marta Quill Ferrer"]


def test_a_headline_run_into_a_name_gives_it_no_title_beyond_a_function_word():
    # scraped text where the headline runs into the first sentence
    a = tag(
        make_article(
            "a",
            "Mayor Gets Booed After Council Sen. Ada Pryce Speaks Sen. Ada Pryce spoke on Monday.",
        ),
        "PERSON",
        "Ada Pryce",
    )
    titles = {t for m in find_person_mentions(a) if m.text == "Ada Pryce" for t in m.titles}
    assert titles <= {"Council Sen.", "Sen."}  # none, or the title words alone


def test_a_title_holding_another_persons_name_is_no_title():
    a = tag(
        make_article(
            "a",
            "Joining him were Trade Secretary Hal Morrow, Ida Wren, and others.",
            "Ida Wren, Trade Secretary Hal Morrow, and the envoy left on Friday.",
        ),
        "PERSON",
        "Hal Morrow",
        "Ida Wren",
    )
    wren = [m for m in find_person_mentions(a) if m.text == "Ida Wren"]
    assert wren and all(m.titles == () for m in wren)


def test_an_appositive_title_stops_before_the_verb_that_ends_the_sentence():
    a = tag(
        make_article(
            "a",
            "Cases fell again, Jill Marsh, Dunmore Public Health Director said.",
            "The study was led by Omar Vance, a professor of economics.",
        ),
        "PERSON",
        "Jill Marsh",
        "Omar Vance",
    )
    titles = {m.text: m.titles for m in find_person_mentions(a)}
    assert titles["Jill Marsh"] == ("Dunmore Public Health Director",)
    assert titles["Omar Vance"] == ("professor of economics",)


def test_names_the_english_model_reads_in_another_language_are_kept_only_when_plausible():
    a = make_article(
        "a",
        "Drei Surfer wurden am Montag gerettet, sagte Martina Merz von der Wasserwacht.",
        "Zum Grad der Alkoholisierung machte die Polizei keine Angaben.",
    )
    a.language = "de"
    tag(a, "PERSON", "Drei Surfer", "Martina Merz", "Zum Grad der Alkoholisierung")
    assert [m.text for m in find_person_mentions(a)] == ["Martina Merz"]
    a.language = "en"  # the same words read by a pipeline of their language are kept
    assert len(find_person_mentions(a)) == 3


@pytest.mark.slow
def test_seed_names_merge_and_the_advisor_title_conflicts(nlp, seed_dir):
    from tests.seed import seed_articles

    articles = seed_articles(nlp, seed_dir)
    entities = merge_entities(articles)
    people = [e for e in entities if e.type == "PERSON"]

    def one(*variants):
        ids = {e.id for e in people for v in variants if v in e.variants}
        assert len(ids) == 1, (variants, ids)
        return next(e for e in people if e.id in ids)

    one("Alicia Bárcena", "Alicia Barcena", "Bárcena")
    one("Bernardo Arévalo", "Bernardo Arevalo")
    one("Andrés Manuel López Obrador", "Andres Manuel Lopez Obrador", "Lopez Obrador")
    one("Liz Sherwood-Randall", "Liz Sherwood Randall")
    one("Luis Cresencio Sandoval", "Luis Crescencio Sandoval González")
    one("Rosa Icela Rodríguez", "Rosa Icela Rodríguez Velázquez")
    assert one("Joe Biden").id != one("Donald Trump").id
    assert len({e.name for e in people}) == len(people)
    conflicts = role_conflicts(entities)
    assert [c.subject for c in conflicts] == ["Liz Sherwood-Randall"]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Dan Rourke", "Daniel Rourke", True),  # a short form that begins the full name
        ("Gav Strachan", "Gavin Strachan", True),
        ("Tom Brennock", "Tomás Brennock", True),
        ("Bob Hendry", "Robert Hendry", True),  # a common nickname
        ("Liz Okafor", "Elizabeth Okafor", True),
        ("Jo Marsh", "John Marsh", False),  # two letters say too little
        ("Mark Ellis", "Martin Ellis", False),
        ("Dan Rourke", "Daniel Rooney", False),
    ],
)
def test_short_forms_of_a_given_name_are_the_same_person(a, b, same):
    assert same_person(a, b) is same


def _people(*articles):
    return sorted(e.name for e in merge_entities(list(articles)) if e.type == "PERSON")


def test_places_clubs_and_services_the_model_calls_people_are_not_people():
    a = tag(
        make_article(
            "a",
            "Floodwater reached homes in Kilnsey Vale on Monday night.",
            "Residents in Kilnsey Vale were moved to a school hall, said Ruth Ames, 61.",
            "Carrow Labs said its servers were not affected.",
            "Pellham Hospital treated four people, and St Aidan's church opened its doors.",
            "Dunmore United postponed Saturday's match, and MPs called for an inquiry.",
        ),
        "PERSON",
        "Kilnsey Vale",
        "Ruth Ames",
        "Carrow Labs",
        "Pellham Hospital",
        "St Aidan",
        "Dunmore United",
        "MPs",
    )
    assert _people(a) == ["Ruth Ames"]


def test_a_lone_word_is_no_person_when_the_story_writes_it_in_lower_case_or_beside_a_club():
    a = tag(
        make_article(
            "a",
            "Fire tore through the depot, and the fire burned for six hours.",
            "Striker Kofi Mensah joined from FC Ostrava, scoring 20 goals for Ostrava last season.",
            "Mensah said he was delighted.",
        ),
        "PERSON",
        "Fire",
        "Kofi Mensah",
        "Ostrava",
        "Mensah",
    )
    assert _people(a) == ["Kofi Mensah"]


def test_a_lone_capitalised_word_of_a_spanish_article_is_no_person_a_full_name_is():
    a = tag(
        make_article("a", "El Gobierno aprobó la ley, dijo la ministra Ana Ruiz Salcedo."),
        "PERSON",
        "Gobierno",
        "Ana Ruiz Salcedo",
    )
    a.language = "es"
    assert _people(a) == ["Ana Ruiz Salcedo"]


def test_a_person_named_after_a_preposition_with_a_possessive_is_still_a_person():
    a = tag(
        make_article(
            "a",
            "In Marta Quill's view, the vote was rushed.",
            "The plan was drawn up at Marta Quill's request.",
        ),
        "PERSON",
        "Marta Quill",
    )
    assert _people(a) == ["Marta Quill"]


def test_a_speaker_with_a_title_is_a_person_whatever_the_model_called_the_name():
    a = make_article(
        "a",
        '"Small towns are easy targets," said Okonkwo Adeyemi, a security researcher at Brill.',
        "Ana Ruiz Salcedo, the deputy mayor, said the library would reopen on Monday.",
        "Halvard Security said the files were genuine.",  # no title: a firm stays a firm
    )
    tag(a, "ORG", "Okonkwo Adeyemi", "Halvard Security")
    found = {m.text: m.titles for m in find_person_mentions(a)}
    assert found == {
        "Okonkwo Adeyemi": ("security researcher at Brill",),
        "Ana Ruiz Salcedo": ("deputy mayor",),
    }


def test_a_titles_sources_come_in_the_order_the_articles_name_them():
    from corroborate.annotate.roles import group_titles

    # The bare "Secretary" folds into the one specific title with that head, its source too.
    pairs = [("Secretary of State", "b"), ("Secretary", "a"), ("Secretary of State", "c")]
    (title,) = group_titles(pairs)
    assert title.title == "Secretary of State"
    assert title.sources == ("b", "a", "c")


def test_a_lone_name_nothing_marks_as_a_person_is_a_product_or_a_firm_not_a_person():
    a = tag(
        make_article(
            "a",
            "Norvale Pharma is recalling its heart drug Zentrol after tests found an impurity.",
            "Zentrol is taken by about 40,000 patients, the company said.",
            "Temperatures passed 104 degrees Fahrenheit, said Ines Oduya, a nurse.",
            "Mr Brack, a pharmacist, and Okafor, 52, said patients should keep taking it.",
        ),
        "PERSON",
        "Zentrol",
        "Fahrenheit",
        "Ines Oduya",
        "Brack",
        "Okafor",
    )
    # a title ("a pharmacist"), "Mr" or an age says a person; a bare brand name does not
    assert _people(a) == ["Brack", "Ines Oduya", "Okafor"]


def test_a_given_name_alone_joins_the_only_full_name_that_begins_with_it():
    a = tag(
        make_article(
            "a",
            "Rovers signed the striker Kwame Asante-Boakye from Kumasi.",
            "“Kwame is exactly the forward we wanted,” the manager said.",
        ),
        "PERSON",
        "Kwame Asante-Boakye",
        "Kwame",
    )
    (kwame,) = [e for e in merge_entities([a]) if e.type == "PERSON"]
    assert kwame.name == "Kwame Asante-Boakye" and kwame.mentions == 2


def test_a_place_a_dateline_names_is_no_person_even_where_it_is_not_after_in_or_at():
    from corroborate.model import Removed

    a = tag(
        make_article(
            "a",
            "A wildfire forced residents of Pine Hollow from their homes on Friday.",
            "The streets of Pine Hollow emptied, said Sheriff Dora Vance.",
        ),
        "PERSON",
        "Pine Hollow",
        "Dora Vance",
    )
    assert _people(a) == ["Dora Vance", "Pine Hollow"]  # the model's word alone
    a.removed.append(Removed("PINE HOLLOW, Calif. (PWS) —", "dateline"))
    assert _people(a) == ["Dora Vance"]


def test_a_title_before_a_comma_names_the_person_who_ends_the_sentence():
    a = tag(
        make_article(
            "a",
            "The delegation included the Commissioner of the Port Authority, Marta Quill Ferrer.",
            "Talks resumed on Monday.",
        ),
        "PERSON",
        "Marta Quill Ferrer",
    )
    (marta,) = [m for m in find_person_mentions(a) if "Quill" in m.text]
    assert marta.titles == ("Commissioner of the Port Authority",)


def test_an_editors_brackets_are_not_part_of_a_title():
    a = tag(
        make_article("a", "Biden called [Mexican] President [Andres Manuel Lopez] Obrador."),
        "PERSON",
        "Andres Manuel Lopez",
    )
    (amlo,) = find_person_mentions(a)
    assert amlo.titles == ("Mexican President",)


# --------------------------------------------------------------------------- exact shortcuts
# A big story's merge skips work by cheap tests that must never change a result (issue 20).


def _cased_characters() -> list[str]:
    """Every character a case-blind pattern may match to another one: the cased characters of
    Unicode and their upper and lower cases."""
    cased = [
        c
        for c in map(chr, range(0x110000))
        if not 0xD800 <= ord(c) < 0xE000 and (c.lower() != c or c.upper() != c)
    ]
    return sorted({x for c in cased for x in (c, *c.lower(), *c.upper())})


def test_characters_a_case_blind_pattern_matches_share_their_caseless_stand_in():
    # the premise of skipping a text whose _caseless form lacks every form's: it must hold
    # for every pair of characters re.IGNORECASE lets match, with this Python's Unicode tables
    from corroborate.compare.entities import _caseless

    chars = _cased_characters()
    alphabet = "".join(chars)
    pairs = 0
    for c in chars:
        for m in re.finditer("(?i)" + re.escape(c), alphabet):
            a, b = _caseless(c), _caseless(m.group())
            if a is not None and b is not None:
                assert a == b, (hex(ord(c)), hex(ord(m.group())))
                pairs += 1
    assert pairs > len(chars)  # "K" matches "k" and the Kelvin sign, "s" matches "ſ"...
    assert _caseless("Straße") is None and _caseless("İzmir") is None


@pytest.mark.parametrize(
    ("forms", "text", "found"),
    [
        (["Lindholm"], "He played for FC Lindholm last season.", True),
        (["Lindholm"], "He played for FC LINDHOLM last season.", True),  # case-blind
        (["Lindholm"], "He played for FC Lindholmsen last season.", False),  # no end boundary
        (["Lindholm"], "Lindholm said the FC won.", False),
        (["Kofi"], "Kofi Kelvin said the Council met.", False),
        (["sam"], "the ſAM Fire crews left", True),  # "ſ" matches "s" case-blind
        (["Strauß"], "the STRAUß Fire", True),  # no stand-in for "ß": the pattern decides
        (["Vos"], "no such name", False),
    ],
)
def test_the_caseless_shortcut_gives_what_the_case_blind_pattern_gives(forms, text, found):
    from corroborate.compare.entities import _beside_org_word, _caseless

    articles = [make_article("a", "Nothing here."), make_article("b", text)]
    quick = _beside_org_word(forms, articles, [_caseless(a.text) for a in articles])
    assert quick == _beside_org_word(forms, articles) == found


@pytest.mark.parametrize(
    "text",
    [
        "Ann Lee met Ann  Lee's aide; xAnn Lee and Ann Leeds did not. Ann\nLee did.",
        "Ann Ann Lee, Ann-Lee, Ann Lee’s, Ann Lee",
        "no match at all",
        "_Ann Lee, -Ann Lee, éAnn Lee, 2Ann Lee, (Ann Lee), Ann Lee-Smith, Ann Lee_, Ann Lee2",
        "Ann Lee's-aide, Ann Lee'sx, Ann Lee’s. Ann Lee'. Ann\u00a0Lee\tand Ann \t\n Lee",
        "Ann Lee's",
        "Ann Lee",
        "Ann",
    ],
)
@pytest.mark.parametrize(
    "form", ["Ann Lee", "Ann", "O'Neil Lee", "Ann  Lee", "Ann \tLee", "J. R. Lee", "A\\ Lee"]
)
def test_a_known_search_finds_what_its_pattern_finds(text, form):
    """Forms are matched by hand, not by their (costly to compile) pattern: the same spans."""
    from corroborate.compare.entities import _known_searches

    (search,) = _known_searches({form: 0}, {})
    text = text.replace("Ann Lee", form)
    assert list(search.spans(text)) == [m.span() for m in search.pattern.finditer(text)]


def test_the_tokens_before_a_name_read_its_title_as_the_whole_texts_tokens_do():
    from corroborate.annotate.people import _title_before
    from corroborate.annotate.roles import tokenize
    from corroborate.compare.entities import _tokens_up_to

    text = (
        "In a long preamble, with many, many , , short tokens ; and [brackets] here. "
        "The visiting U.S. Deputy Secretary of State for Economic Growth and Energy Dora "
        "Vance spoke; then [Mexican] President Ana Ruiz, and Ms. Lo-Ferrer's aide."
    )
    toks = tokenize(text)
    for k, token in enumerate(toks):
        near, i = _tokens_up_to(text, token.start)
        assert near[i] == token
        assert _title_before(text, near, i) == _title_before(text, toks, k), token
    assert _tokens_up_to(text, text.index(" Vance"))[1] is None  # no token starts at a space


def test_the_overlap_test_agrees_with_comparing_every_span():
    from corroborate.compare.entities import _overlap_test

    rng = random.Random(20)
    for _ in range(200):
        spans = [(s, s + rng.randint(0, 9)) for s in rng.sample(range(60), rng.randint(0, 6))]
        overlaps = _overlap_test(spans)
        for start in range(0, 70, 3):
            end = start + rng.randint(0, 8)
            assert overlaps(start, end) == any(s < end and e > start for s, e in spans)


def test_a_known_search_finds_what_its_pattern_finds_in_random_texts():
    import random

    from corroborate.compare.entities import _known_searches

    rng = random.Random(7)
    alphabet = ["Ann", "Lee", " ", "  ", "\t", "\n", "'s", "’s", "-", "_", "é", "2", "x", ".", "'"]
    for form in ("Ann Lee", "Lee", "Ann Lee-Lee", "Ann x Lee"):
        (search,) = _known_searches({form: 0}, {})
        for _ in range(400):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
            expected = [m.span() for m in search.pattern.finditer(text)]
            assert list(search.spans(text)) == expected, (form, text)


def test_the_index_asks_only_people_sharing_a_word_and_finds_whom_a_scan_of_all_finds():
    """:meth:`EntityIndex.resolve` scans the people sharing a word of the name, not all: the
    same people as a scan of every one (two names of one person share a word)."""
    from corroborate.annotate.people import name_tokens
    from corroborate.model import Entity

    names = ["Dan Rourke", "Daniel Rourke Jr", "Luis Crescencio Sandoval González", "Ann Lee"]
    people = [
        Entity(f"e{k}", n, "PERSON", (n, n.split()[-1]), (), ("a",), ())
        for k, n in enumerate(names)
    ]
    index = EntityIndex(people)
    asked = ["Daniel Rourke", "Luis Cresencio Sandoval", "Rourke", "Sandoval", "Lee", "Bo Lee"]
    for name in asked + ["Anne Leigh", "Dan Rourk", "Nobody"]:
        toks = name_tokens(name)
        everyone = {
            e.id
            for e in people
            if any(
                (toks[0] in m[1:]) if len(toks) == 1 else same_person(toks, m)
                for m in map(name_tokens, e.variants)
                if len(m) > 1
            )
        }
        assert index._people_named(toks) == everyone, name
    assert index.resolve("Luis Cresencio Sandoval") == "e2"


def test_a_word_found_between_two_characters_of_no_word_is_one_of_its_texts_runs():
    """:func:`_may_hold` turns a text down only where the people stages' patterns (a word
    between two characters of no word, or after a space) cannot find the word."""
    import re

    from corroborate.compare.entities import _WORD_RUN, _may_hold
    from tests.conftest import make_article

    texts = [
        "Mr Voss met Vos-Smith and Vos.",
        "Sherwood-Randall spoke; O'Brien's aide and Müller agreed.",
        "vos said the vOS and the café_bar were shut",
    ]
    words = ["Vos", "Voss", "vos", "Smith", "Sherwood", "Randall", "O'Brien", "Müller", "café"]
    for n, text in enumerate(texts):
        article = make_article(f"a{n}", text)
        runs = {article.id: frozenset(_WORD_RUN.findall(article.text))}
        for word in words:
            found = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", article.text)
            after_space = re.search(rf"\s{re.escape(word)}(?![\w-])", article.text)
            if found or after_space:
                assert _may_hold(article, word, runs), (word, text)
    article = make_article("b", "Voss spoke.")
    assert not _may_hold(article, "Vos", {"b": frozenset(_WORD_RUN.findall(article.text))})
