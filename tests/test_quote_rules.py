"""The rules of who said what, one by one, on small hand-made articles (the parser is real)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import spacy
from spacy.tokens import Doc

from corroborate.annotate import quotes
from corroborate.annotate.people import PersonMention, find_person_mentions
from corroborate.annotate.quote_marks import find_quotations, quotations_within
from corroborate.annotate.quotes import extract_quotes
from tests.conftest import make_article
from tests.test_entities import tag


def said(*lines, people=(), orgs=()):
    article = tag(tag(make_article("a", *lines), "PERSON", *people), "ORG", *orgs)
    return [(q.text, q.speaker_name) for q in extract_quotes(article) if not q.indirect]


@pytest.mark.parametrize(
    ("line", "quoted"),
    [
        ("''We will go home now,'' the mayor said.", ["We will go home now,"]),
        ("``We will go home now,'' the mayor said.", ["We will go home now,"]),
        ("«Nous partons demain», a dit le maire.", ["Nous partons demain"]),
        ("„Wir gehen jetzt“, sagte er.", ["Wir gehen jetzt"]),
    ],
)
def test_every_convention_of_quote_marks_is_read(line, quoted):
    assert [line[q.start : q.end] for q in find_quotations(line)] == quoted


@pytest.mark.parametrize(
    ("line", "inner"),
    [
        (
            "“Then the pilots say, 'We'll strike on Monday,' and walk out,” he said.",
            ["We'll strike on Monday,"],
        ),
        (
            "\"The voters tell us: 'fix the ferry' and 'open the school',\" she said.",
            ["fix the ferry", "open the school"],
        ),
        # apostrophes are no marks
        ("“The workers' union didn't say it,” he said.", []),
    ],
)
def test_a_quotation_inside_a_quotation_is_found_within_it(line, inner):
    (outer,) = find_quotations(line)
    assert [line[q.start : q.end] for q in quotations_within(line, outer)] == inner


def test_a_quote_over_two_paragraphs_goes_on_with_its_opening_mark_repeated():
    text = "“We will rebuild the bridge first.\n“Then the school.”"
    first, second = find_quotations(text)
    assert not first.closed and second.goes_on


def test_the_older_wire_convention_gets_its_speakers():
    found = said(
        "''It is going to take a lot more than one report,'' Mr. Garin said.", people=["Garin"]
    )
    assert found == [("It is going to take a lot more than one report,", "Garin")]


def test_titles_of_works_are_no_quotes():
    assert said("Ana Ortiz appeared on “Meet the Press” on Sunday.", people=["Ana Ortiz"]) == []


def test_the_statement_s_words_are_the_statement_s_issuer_s():
    found = said(
        "The Harbour Authority said in a statement that the quay would reopen.",
        "The director “thanked the crews for their work through the night,” the statement said.",
        orgs=["The Harbour Authority"],
    )
    assert found == [("thanked the crews for their work through the night,", "Harbour Authority")]


def test_two_speakers_words_are_never_stitched():
    found = said(
        "“We shared a plan with them and it is working well,” a senior official said. "
        "Foreign Minister Ana Ortiz called the talks “very good.”",
    )
    assert found == [
        ("We shared a plan with them and it is working well,", "a senior official"),
        ("very good.", "Ana Ortiz"),
    ]


def test_a_quote_interrupted_by_its_attribution_stays_one_quote_of_exact_parts():
    line = "“We have made an offer,” Ortiz said. “It stays on the table.”"
    article = tag(make_article("a", line), "PERSON", "Ortiz")
    (q,) = extract_quotes(article)
    assert [line[s:e] for s, e in q.parts] == ["We have made an offer,", "It stays on the table."]


def test_fragments_the_writer_s_words_separate_are_never_run_together():
    # the parts stay exact spans; the text shows where the writer's words were left out,
    # while a quote interrupted by its own attribution still reads on with a space
    found = said(
        "Ana Ortiz said the new plan “keeps every line open” and “costs nothing more” this year.",
        "“We will go,” Ortiz said, “and we will stay.”",
        people=["Ana Ortiz", "Ortiz"],
    )
    assert ("keeps every line open … costs nothing more", "Ana Ortiz") in found
    assert ("We will go, and we will stay.", "Ortiz") in found


def test_a_quote_filling_the_next_paragraph_takes_the_attribution_that_leads_into_it():
    found = said(
        "Ana Ortiz wrote on Monday:",
        "“The offer stays on the table until Friday.”",
        people=["Ana Ortiz"],
    )
    assert found == [("The offer stays on the table until Friday.", "Ana Ortiz")]


def test_an_unnamed_speaker_is_never_a_neighbouring_name():
    found = said(
        "Ana Ortiz met the union on Monday.",
        "“Nothing was agreed and nothing will be,” a State Department spokesperson said.",
        people=["Ana Ortiz"],
        orgs=["State Department"],
    )
    assert found == [("Nothing was agreed and nothing will be,", "a State Department spokesperson")]


def test_he_said_is_read_back_to_the_man_not_the_woman_named_last():
    found = said(
        "Mr. Tom Hale spoke after Ms. Ana Ortiz left the hall.",
        "“It was a good day for the port,” he said.",
        people=["Tom Hale", "Ana Ortiz"],
    )
    assert found == [("It was a good day for the port,", "Tom Hale")]


def test_a_headline_is_never_a_speaker():
    found = said(
        "Hillary Clinton Presses Donald Trump On Taxes", "“Show us the returns now,” she said."
    )
    assert all(speaker != "Hillary Clinton Presses" for _, speaker in found)


def test_nouns_and_verbs_without_a_clause_are_not_speech():
    article = make_article(
        "a",
        "Arab states attacked the town in 1973, the museum's guide explained to visitors on the tour.",
        "Norvale Pharma recalled 14 batches of the tablets on Thursday.",
    )
    tag(article, "ORG", "Norvale Pharma")
    assert [
        q for q in extract_quotes(article) if "batches" in q.text or q.text.startswith("attacked")
    ] == []


@pytest.mark.parametrize(
    ("lines", "people", "expected"),
    [
        # the name after an inverted cue, whatever the parse made of it
        (
            ["“We will appeal the ruling at once,” said retired judge Tom Hale, asked about it."],
            ["Tom Hale"],
            ("We will appeal the ruling at once,", "Tom Hale"),
        ),
        # "continued by saying": the subject of the verb the cue hangs on
        (
            ["Ana Ortiz continued by saying, “We will appeal this decision on Monday.”"],
            ["Ana Ortiz"],
            ("We will appeal this decision on Monday.", "Ana Ortiz"),
        ),
        # a clause and a colon: its subject
        (
            ["Ana Ortiz delivered a blunt message to the union: “Stop attacking the crews.”"],
            ["Ana Ortiz"],
            ("Stop attacking the crews.", "Ana Ortiz"),
        ),
        # a verb of saying elsewhere in the sentence of a quoted fragment
        (
            ["In Millbeck, Ana Ortiz said, the mayor is seen as “a bully who never listens.”"],
            ["Ana Ortiz"],
            ("a bully who never listens.", "Ana Ortiz"),
        ),
    ],
)
def test_attributions_the_parse_does_not_tie_to_the_quote_are_still_read(lines, people, expected):
    assert expected in said(*lines, people=people)


def test_a_scraped_page_s_curly_quote_closed_by_a_straight_mark_ends_there():
    text = '“We made mistakes," said Mayor Tom Hale. "We will fix them.”'
    quoted = [text[q.start : q.end] for q in find_quotations(text)]
    assert quoted[0] == "We made mistakes,"


@pytest.mark.parametrize(
    ("line", "quoted"),
    [
        ('"We will fix the roads,” the mayor said.', ["We will fix the roads,"]),
        ("“We will fix the roads,“ said the mayor.", ["We will fix the roads,"]),
        ("It ran a “bold plan“ and a “fair deal” last year.", ["bold plan", "fair deal"]),
        ('"He said “Go home.” And we left.', ["He said “Go home.” And we left."]),
        ('"Go,” he said. “Stay.”', ["Go,", "Stay."]),
    ],
)
def test_mismatched_marks_of_a_scraped_page_still_close_their_quote(line, quoted):
    assert [line[q.start : q.end] for q in find_quotations(line)] == quoted


def test_a_quote_closed_by_a_mismatched_mark_gets_its_speaker():
    found = said('"We will fix the roads,” Mayor Tom Hale said.', people=["Tom Hale"])
    assert found == [("We will fix the roads,", "Tom Hale")]


def test_she_said_is_read_back_to_the_woman_her_given_name_tells():
    found = said(
        "Helen Marsh opened the meeting at the harbour.",
        "Tom Hale spoke next.",
        "“The quay will reopen in June,” she said.",
        people=["Helen Marsh", "Tom Hale"],
    )
    assert found == [("The quay will reopen in June,", "Helen Marsh")]


def test_a_paragraph_ending_with_a_verb_of_saying_leads_into_the_quote_after_it():
    found = said(
        "Tom Hale continued his remarks.",
        "“The quay will reopen in June, and the ferry in July.”",
        people=["Tom Hale"],
    )
    assert found == [("The quay will reopen in June, and the ferry in July.", "Tom Hale")]


def test_a_subject_inside_the_quote_is_never_its_speaker():
    found = said(
        "“Nobody crosses until it is safe. Not a car, not a bus,” Ana Ortiz said on Monday.",
        people=["Ana Ortiz"],
    )
    assert found == [("Nobody crosses until it is safe. Not a car, not a bus,", "Ana Ortiz")]


@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        (
            "All 120 workers got out unharmed, Eastvale Fire and Rescue Service said.",
            "Eastvale Fire and Rescue Service",
        ),
        (
            "The closure could cost the town a million euros, Porthaven Chamber of Commerce warned.",
            "Porthaven Chamber of Commerce",
        ),
    ],
)
def test_an_organisation_the_model_cut_short_is_named_whole(line, speaker):
    article = make_article("a", line)
    (q,) = [q for q in extract_quotes(article) if q.indirect]
    assert q.speaker_name == speaker


def test_a_title_alone_is_no_speaker_s_name():
    article = make_article("a", "Chief says containment is up to 22 percent across the valley.")
    assert all(q.speaker_name != "Chief" for q in extract_quotes(article))


def test_the_city_is_never_the_organisation_that_spoke_last():
    found = said(
        "The Porthaven Chamber of Commerce warned that the closure would cost millions.",
        "The city would ask the toll company to “play its part in the repair,” the mayor said.",
        orgs=["The Porthaven Chamber of Commerce"],
    )
    assert all(
        speaker != "Porthaven Chamber of Commerce" for text, speaker in found if "play" in text
    )


def test_an_inverted_cue_names_its_speaker_past_whom_it_was_said_to():
    found = said(
        "Nothing is expected from the “working meeting”, meant to examine “what works and how "
        "we can adapt”, indicated to journalists a senior American official on Friday."
    )
    assert ("what works and how we can adapt", "a senior American official") in found


def test_a_quote_signed_with_a_dash_in_the_next_paragraph_is_the_signer_s():
    found = said(
        "The council met on Monday.",
        "“We will rebuild the old bridge before the winter comes.”",
        "- Ana Ortiz, speaking at the harbour.",
        people=["Ana Ortiz"],
    )
    assert found == [("We will rebuild the old bridge before the winter comes.", "Ana Ortiz")]


def test_she_said_after_a_clause_that_leads_into_the_quote_is_that_clause_s_subject():
    found = said(
        "Maria Duarte thanked the volunteers.",
        "At the dinner, Lena Brandt praised the crews: “You kept the whole town dry,” she said.",
        people=["Maria Duarte", "Lena Brandt"],
    )
    assert found == [("You kept the whole town dry,", "Lena Brandt")]


def test_a_common_word_opening_a_sentence_is_no_one_he_said_reads_back_to():
    found = said(
        "Tom Rivers spoke to the crowd on Friday. He was asked about the timing.",
        "Time, Mr. Rivers added, was on their side. “The work starts in May,” he said.",
        "There was no time to lose, he said.",
        people=["Tom Rivers", "Rivers"],
    )
    # him as first named or as the subject of "Mr. Rivers added": never "Time"
    assert found in (
        [("The work starts in May,", "Tom Rivers")],
        [("The work starts in May,", "Rivers")],
    )


@pytest.mark.parametrize(
    ("lines", "people", "expected"),
    [
        (  # a verb of no saying, right after the quote, acting on nothing: its subject
            ["“Would the wall be negotiable?” Hannity started.", "“I would say this,” Lee said."],
            ["Hannity", "Lee"],
            ("Would the wall be negotiable?", "Hannity"),
        ),
        (  # its pronoun read back
            [
                "Ana Ortiz spoke first.",
                "“We are going to rebuild the bridge before winter,” she went on, as if nobody "
                "listened.",
            ],
            ["Ana Ortiz"],
            ("We are going to rebuild the bridge before winter,", "Ana Ortiz"),
        ),
    ],
)
def test_a_verb_acting_on_nothing_right_after_a_quote_attributes_it(lines, people, expected):
    assert expected in said(*lines, people=people)


@pytest.mark.parametrize(
    ("lines", "people", "not_by"),
    [
        # the quote does not open its sentence: the verb after it is the next clause's
        (
            ["Ortiz attacked Lee, calling him “a failed and tired candidate.” Lee fired back."],
            [],
            "Lee",
        ),
        # what acts after it is no one
        (
            ["When Lee wrapped up — “I will fight for you every day!” — the balloons fell."],
            ["Lee"],
            "the balloons",
        ),
    ],
)
def test_a_verb_after_a_quote_names_no_one_it_does_not_attribute(lines, people, not_by):
    assert all(speaker != not_by for _, speaker in said(*lines, people=people))


@pytest.mark.parametrize(
    ("lines", "people", "expected"),
    [
        (  # in its paragraph
            ["Mr. Hannity is unapologetic about his aim. “I am not hiding what I want here.”"],
            ["Hannity"],
            [("I am not hiding what I want here.", "Hannity")],
        ),
        (  # not across paragraphs (a paragraph about someone may precede another's words)
            [
                "Ana Ortiz toured the harbour on Monday.",
                "“We need people who get things done.”",
            ],
            ["Ana Ortiz"],
            [],
        ),
        (  # several subjects are no one speaker
            ["Ana Ortiz and Tom Lee toured the harbour. “It works well for us all.”"],
            ["Ana Ortiz", "Tom Lee"],
            [],
        ),
        (  # nor is what is no name
            ["The crowd booed loudly at the end. “You are all wrong about this.”"],
            [],
            [],
        ),
    ],
)
def test_a_quote_standing_alone_is_said_by_the_sentence_before_s_named_subject(
    lines, people, expected
):
    assert said(*lines, people=people) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # the parse joins the second verb to the reported clause: it is still the reporter's
        (
            "Ana Ortiz said the decision was made by the city engineer and said, “Who are you "
            "going to trust on this?”",
            ("Who are you going to trust on this?", "Ana Ortiz"),
        ),
        (
            "Ana Ortiz said the tax plan would give money to landlords, and called him “the "
            "leading friend of landlords in the city.”",
            ("the leading friend of landlords in the city.", "Ana Ortiz"),
        ),
        # a verb with a subject of its own keeps it
        (
            "Ana Ortiz said she was tired and Tom Lee added, “We all know the results by now.”",
            ("We all know the results by now.", "Tom Lee"),
        ),
    ],
)
def test_a_verb_of_saying_joined_to_what_was_reported_is_the_reporter_s(line, expected):
    assert expected in said(line, people=["Ana Ortiz", "Tom Lee"])


@pytest.mark.parametrize(
    ("line", "people", "expected"),
    [
        # the parse hung the lead-in's clause on the quote: its main verb, not "has", decides
        (
            "Ana Ortiz has since apologized for what happened: “Yes, I should have used two "
            "separate accounts, one for work and one for home.”",
            ["Ana Ortiz"],
            (
                "Yes, I should have used two separate accounts, one for work and one for home.",
                "Ana Ortiz",
            ),
        ),
        # a headline, a dash and a name: the name
        (
            "THE POLLS MISSED THE SHIFT - Tom Lee: “The biggest lesson was a simple one: keep "
            "calling voters as late as you can.”",
            ["Tom Lee"],
            (
                "The biggest lesson was a simple one: keep calling voters as late as you can.",
                "Tom Lee",
            ),
        ),
    ],
)
def test_a_colon_s_lead_in_names_who_speaks(line, people, expected):
    assert expected in said(line, people=people)


def test_a_hyphen_inside_a_word_is_no_dash_before_a_name():
    found = said(
        "Ana Ortiz backs higher pay and recalled the three-year freeze on basic pay rates: “I "
        "saw how hard it was for the staff to be told they would get nothing.”",
        people=["Ana Ortiz"],
    )
    assert all(speaker != "basic pay rates" for _, speaker in found)


def test_a_name_tagged_only_as_a_firm_is_no_one_she_said_reads_back_to():
    article = tag(
        tag(
            make_article(
                "a",
                "Maureen Lowe was a director at Bear Stearns for ten years.",
                "Bear Stearns collapsed in 2008.",
                "“I felt embarrassed sometimes, but never unsafe,” she said.",
            ),
            "PERSON",
            "Maureen Lowe",
            "Lowe",
        ),
        "ORG",
        "Bear Stearns",
    )
    people = find_person_mentions(article)
    firm = article.text.find("Bear Stearns collapsed")  # as a name finder may take it
    people.append(PersonMention("a", firm, firm + len("Bear Stearns"), "Bear Stearns"))
    people.sort(key=lambda p: p.start)
    found = [(q.text, q.speaker_name) for q in extract_quotes(article, people)]
    assert ("I felt embarrassed sometimes, but never unsafe,", "Maureen Lowe") in found


def test_a_name_set_off_by_its_apposition_before_the_cue_is_the_speaker():
    found = said(
        "But in a call with reporters on Dec. 2, Col. Jo Lee, a harbour spokesman in "
        "Porthaven, said, “A closure is a last resort. There is no other way to keep it safe.”",
        people=["Jo Lee"],
    )
    assert found == [
        ("A closure is a last resort. There is no other way to keep it safe.", "Jo Lee")
    ]


def test_a_person_the_tags_call_a_firm_is_read_back_by_her_given_name():
    found = said(
        "Carly Lowe backed the new harbour plan on Wednesday.",
        "Lowe was open about her doubts on the ferry, saying the town must act first.",
        "“There are people in this town who are worried about the quay,” she said.",
        orgs=["Carly Lowe", "Lowe"],
    )
    assert ("There are people in this town who are worried about the quay,", "Lowe") in found


def test_of_two_subjects_the_parse_gives_a_cue_the_one_nearest_it_speaks():
    line = (
        "Monday at Lake College in Dover, DE, after winning Delaware in the Republican "
        "presidential primary, Gov. Tom Hale (R-DE), said, “We are going all the way to the "
        "convention.”"
    )
    assert said(line, people=["Tom Hale"]) == [
        ("We are going all the way to the convention.", "Tom Hale")
    ]


def test_a_quote_alone_in_its_paragraph_goes_on_with_the_one_speaker_of_the_paragraph_before():
    found = said(
        "Tom Hale said on Monday that the port would reopen in June.",
        "“We have waited long enough for this, and the whole town is ready.”",
        people=["Tom Hale"],
    )
    assert found == [
        ("We have waited long enough for this, and the whole town is ready.", "Tom Hale")
    ]


def test_a_lone_quote_after_two_speakers_or_a_short_pull_quote_is_no_one_s():
    found = said(
        "Tom Hale said the port would reopen, and Ana Ortiz said the ferry would not.",
        "“We have waited long enough for this, and the whole town is ready.”",
        "Ana Ortiz said on Monday that the ferry would stay in dock until spring.",
        "“A hard winter.”",
        people=["Tom Hale", "Ana Ortiz"],
    )
    assert all(speaker is None for _, speaker in found)


def test_an_unnamed_speaker_keeps_what_qualifies_them_up_to_a_comma():
    found = said(
        "“The plan will not survive the winter,” said a longtime adviser to the governor, who"
        " asked not to be named.",
    )
    assert found == [
        ("The plan will not survive the winter,", "a longtime adviser to the governor")
    ]


def test_who_was_asked_is_not_who_asked():
    found = said(
        "Ana Ortiz was asked by the host, Tom Hale, “Will the ferry run again before the"
        " winter comes?”",
        people=["Ana Ortiz", "Tom Hale"],
    )
    assert found == [("Will the ferry run again before the winter comes?", "Tom Hale")]


def test_a_name_the_tagger_took_for_a_common_noun_is_still_he_said_s_antecedent():
    # no entity tags: the tagger reads "O’Kane" as a common noun; its capitals say it is a name
    found = said(
        "O’Kane went on to explain that the plan would fail without more money.",
        "“We have to raise our game before the winter comes,” he said.",
    )
    assert found == [("We have to raise our game before the winter comes,", "O’Kane")]


def test_a_statement_saying_is_its_issuer_s():
    found = said(
        "Eastvale Rowing Club, which the mayor had praised, issued a statement saying the race"
        " was off “for the safety of every crew on the water.”",
        orgs=["Eastvale Rowing Club"],
    )
    assert found == [("for the safety of every crew on the water.", "Eastvale Rowing Club")]


def test_a_person_s_motto_or_phrase_is_their_quote():
    found = said(
        "Tom Hale's motto was “never leave a boat in the water overnight.”",
        people=["Tom Hale"],
    )
    assert found == [("never leave a boat in the water overnight.", "Tom Hale")]


def test_elaborated_is_a_verb_of_saying():
    found = said(
        "Ana Ortiz spoke after the vote.",
        "“The way I see it,” she elaborated, “nobody lost tonight and nobody won.”",
        people=["Ana Ortiz"],
    )
    assert found == [("The way I see it, nobody lost tonight and nobody won.", "Ana Ortiz")]


def test_she_said_with_no_subject_before_is_the_woman_named_in_the_paragraph_before():
    # no one spoke or was a main clause's subject before "she said": the woman named in the
    # paragraph before ("Mrs." tells her gender) is who it reads back to; a person whose
    # gender the article does not tell is not
    found = said(
        "At the start of a long meeting in the harbour office with Mrs. Ana Ortiz, plans for"
        " the quay were shown.",
        "“We will not give up the quay to anyone,” she said.",
        people=["Ana Ortiz"],
    )
    assert found == [("We will not give up the quay to anyone,", "Ana Ortiz")]

    unknown = said(
        "At the start of a long meeting in the harbour office with Casey Taro, plans for the"
        " quay were shown.",
        "“We will not give up the quay to anyone,” she said.",
        people=["Casey Taro"],
    )
    assert unknown == [("We will not give up the quay to anyone,", None)]


@pytest.mark.parametrize(
    ("line", "people", "orgs", "expected"),
    [
        (  # a clause and a dash lead into the quote
            "Tom Hale closed his speech to the dockers -- “We will keep this port open, all of it.”",
            ["Tom Hale"],
            [],
            ("We will keep this port open, all of it.", "Tom Hale"),
        ),
        (  # the verb of saying first, the name after it, then a colon
            "Continued Tom Hale: “We will keep this port open, whatever the board decides.”",
            ["Tom Hale"],
            [],
            ("We will keep this port open, whatever the board decides.", "Tom Hale"),
        ),
        (  # a statement issued, then a comma
            "In the wake of the storm, Tom Hale called for the board to resign. He said the time"
            " for talk was over.\n\nRight after the flood, Tom Hale issued a statement, “Last"
            " night, our town was flooded by the river. It was the worst flood in forty years.”",
            ["Tom Hale"],
            [],
            (
                "Last night, our town was flooded by the river. It was the worst flood in forty"
                " years.",
                "Tom Hale",
            ),
        ),
    ],
)
def test_a_dash_an_inverted_colon_or_a_statement_and_a_comma_lead_into_the_quote(
    line, people, orgs, expected
):
    assert said(*line.split("\n\n"), people=people, orgs=orgs) == [expected]


def test_in_someone_s_view_names_the_speaker():
    found = said(
        "“The port has failed on every count, from the cranes to the ferry,” in Tom Hale’s view.",
        people=["Tom Hale"],
    )
    assert found == [
        ("The port has failed on every count, from the cranes to the ferry,", "Tom Hale")
    ]


def test_who_of_a_second_relative_clause_is_the_name_it_hangs_on():
    found = said(
        "The mayor was cheering for Ana Ortiz, who runs the ferry and who worked the crowd,"
        " praising “the calm courage of every crew on the water” as the night went on.",
        people=["Ana Ortiz"],
    )
    assert found == [("the calm courage of every crew on the water", "Ana Ortiz")]


def test_someone_named_so_is_named():
    found = said(
        "“We will not leave the quay until the board listens,” said a retired teacher named"
        " Ana Ortiz.",
        people=["Ana Ortiz"],
    )
    assert found == [("We will not leave the quay until the board listens,", "Ana Ortiz")]


def test_others_or_self_is_no_speaker_s_name():
    found = said(
        "Some dockers cheered the plan.",
        "“Stop the sale of the quay now,” others chanted.",
    )
    assert found == [("Stop the sale of the quay now,", None)]


def test_an_unnamed_speaker_keeps_a_name_after_a_comma_but_not_where_they_spoke():
    found = said(
        "“The quay will reopen in June,” said a harbour official on a call with reporters.",
        "“The ferry will follow in July,” said the minister for transport, Ana Ortiz.",
        people=["Ana Ortiz"],
    )
    assert found[0] == ("The quay will reopen in June,", "a harbour official")
    assert "Ana Ortiz" in found[1][1]


def test_the_sentence_before_a_wire_quote_names_its_speaker_despite_the_opening_mark():
    # the sentence splitter leaves the wire's opening '' at the end of the sentence before
    found = said(
        "Mr. Hale is unapologetic about his aim. ''I am not hiding the fact that I want the"
        " port to stay open for good.''",
        people=["Hale"],
    )
    assert found == [
        ("I am not hiding the fact that I want the port to stay open for good.", "Hale")
    ]


def test_a_participle_opening_its_sentence_goes_on_from_the_sentence_before():
    found = said(
        "Later that night, Tom Hale said the harbour report was “not good at all.” Adding, “The"
        " cranes are old, the quay is cracked and nobody wants to pay for any of it.”",
        people=["Tom Hale"],
    )
    assert found[-1] == (
        "The cranes are old, the quay is cracked and nobody wants to pay for any of it.",
        "Tom Hale",
    )


@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        # a no-break space after the colon, and a date after the name
        (
            "Here is Tom Hale in June 2019:\u00a0“We will keep this port open, whatever it costs.”",
            "Tom Hale",
        ),
        ("More from Tom Hale: “We will keep this port open, whatever it costs.”", "Tom Hale"),
    ],
)
def test_a_colon_lead_in_names_the_speaker_not_the_date_after_them(line, speaker):
    assert said(line, people=["Tom Hale"]) == [
        ("We will keep this port open, whatever it costs.", speaker)
    ]


@pytest.mark.parametrize(
    ("line", "people", "expected"),
    [
        (  # "screenwriter" read as a verb: "wrote" has no subject
            '"Just read the report. I\'m impressed by how little it says about the budget,"'
            " screenwriter Cole Haddon wrote on Twitter.",
            ["Cole Haddon"],
            "Cole Haddon",
        ),
        (  # "Of" read as the subject of "said"
            "Of the mayor, Levine, who has given money to Jo Lee, said, “He’s flat-out scary.”",
            ["Levine", "Jo Lee"],
            "Levine",
        ),
        (  # a long lead-in and a bracket after the name
            "On the radio Tuesday, while discussing a tweet from the governor, Speaker of the House"
            " Rep. Paul Ryan (R-WI) said “anti-Semitic images have no place in a campaign.”",
            ["Paul Ryan"],
            "Paul Ryan",
        ),
    ],
)
def test_a_name_beside_the_cue_speaks_where_the_parse_lost_the_subject(line, people, expected):
    assert [speaker for _, speaker in said(line, people=people)] == [expected]


@pytest.mark.parametrize(
    ("line", "speaks"),
    [
        ("“The plant will never reopen, whatever the board decides,” Ana Ortiz said.", True),
        (
            "“The plant will never reopen, whatever the board decides,” said Ana Ortiz on Monday.",
            True,
        ),
        (
            "Ana Ortiz, who ran the plant for years, later said, “It will never reopen, whatever the board decides.”",
            True,
        ),
        (
            "Rep. Ana Ortiz (D-Ore.) has said, “The plant will never reopen, whatever the board decides.”",
            True,
        ),
        (  # a sentence's leading "And" joins no names
            "And Ana Ortiz said, “The plant will never reopen, whatever the board decides.”",
            True,
        ),
        (
            "“The plant will never reopen, whatever the board decides,” a source close to Ana Ortiz said.",
            False,
        ),
        (
            "“The plant will never reopen, whatever the board decides,” Tom Hale and Ana Ortiz said.",
            False,
        ),
        ("“The plant will never reopen, whatever the board decides,” Ana Ortiz aides said.", False),
        (
            "Ana Ortiz met the union and the workers said, “The plant will never reopen, whatever the board decides.”",
            False,
        ),
    ],
)
def test_when_the_parse_gives_no_subject_only_a_name_right_beside_the_cue_speaks(
    line, speaks, monkeypatch
):
    monkeypatch.setattr(quotes, "_cue_subject", lambda *args: None)  # the parse lost it
    found = said(line, people=["Ana Ortiz", "Tom Hale"])
    assert len(found) == 1 and (found[0][1] == "Ana Ortiz") is speaks


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (  # one unnamed person spoke since the name: "he" is that person, not the name
            [
                "Tom Hale opened the new ferry terminal on Monday.",
                "“The crossing will be twice as fast as before,” a harbour official said.",
                "“Nobody will wait more than ten minutes for a boat,” he added.",
            ],
            ["a harbour official"],
        ),
        (  # ... as the text describes them, unless the description is of the other gender
            [
                "Tom Hale opened the new ferry terminal on Monday.",
                "“The crossing will be twice as fast as before,” a port spokeswoman said.",
                "“Nobody will wait more than ten minutes for a boat,” he added.",
            ],
            [None],
        ),
        (
            [
                "“The crossing will be twice as fast as before,” a port spokeswoman said.",
                "“Nobody will wait more than ten minutes for a boat,” she added.",
            ],
            ["a port spokeswoman"],
        ),
        (  # "officials" are not one person: "he" still reads back to the name
            [
                "Tom Hale opened the new ferry terminal on Monday.",
                "“The crossing will be twice as fast as before,” harbour officials said.",
                "“Nobody will wait more than ten minutes for a boat,” he added.",
            ],
            ["Tom Hale"],
        ),
    ],
)
def test_he_said_after_an_unnamed_speaker_is_not_the_name_before(lines, expected):
    found = said(*lines, people=["Tom Hale"])
    assert [speaker for text, speaker in found if text.startswith("Nobody")] == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Ana Ortiz suggested that the port could close, while Tom Hale said that the cranes"
            " were “far too old to save at any price.”",
            "Tom Hale",
        ),
        (
            "Ana Ortiz warned that the port would close, after Tom Hale said the cranes were"
            " “far too old to save at any price.”",
            "Tom Hale",
        ),
        (
            "Ana Ortiz argued that the port could stay open, even as Tom Hale insisted that the"
            " cranes were “far too old to save at any price.”",
            "Tom Hale",
        ),
    ],
)
def test_a_verb_of_saying_in_an_adverbial_clause_of_its_own_is_its_subject_s(line, expected):
    assert [speaker for _, speaker in said(line, people=["Ana Ortiz", "Tom Hale"])] == [expected]


@pytest.mark.parametrize(
    "lines",
    [
        # a name line, then the answer (a vox pop)
        ["Maria Lopez, 34, Phoenix", "“I never thought I would vote for anyone, but here I am.”"],
        ["Maria Lopez", "“I never thought I would vote for anyone, but here I am.”"],
        # a colon after the name and its description: the name, not the place
        ["Maria Lopez, 34, Phoenix:", "“I never thought I would vote for anyone, but here I am.”"],
        [
            "Maria Lopez, 34, a nurse in Phoenix, Arizona: “I never thought I would vote, but here I am.”"
        ],
        # signed with a dash in the quote's own paragraph
        ["“I never thought I would vote for anyone, but here I am.” — Maria Lopez, 34, Phoenix"],
        # ... or with the horizontal bar (U+2015), the quotation dash, spaced or not
        ["“I never thought I would vote for anyone, but here I am.” ― Maria Lopez"],
        ["“I never thought I would vote for anyone, but here I am.”― Maria Lopez\u00a0"],
    ],
)
def test_a_vox_pop_answer_is_the_named_person_s(lines):
    found = said(*lines, people=["Maria Lopez"])
    assert [speaker for _, speaker in found] == ["Maria Lopez"]


def test_answers_signed_with_a_horizontal_bar_one_to_a_line_are_each_their_signer_s():
    found = said(
        "“The rent went up twice this year and my pay did not go up at all.” ― Maria Lopez",
        "“Nobody in this town asked us before they closed the clinic.” ― Daniel Okafor",
        "“We will keep the bakery open as long as the street lets us.” ― Hana Sato",
        people=["Maria Lopez", "Daniel Okafor", "Hana Sato"],
    )
    assert [speaker for _, speaker in found] == ["Maria Lopez", "Daniel Okafor", "Hana Sato"]


def test_the_next_answer_of_a_vox_pop_goes_on_with_the_same_person():
    found = said(
        "Maria Lopez, 34, a nurse in Phoenix, Arizona",
        "“I never thought I would vote for anyone in this election, but here I am.”",
        "“My parents came here with nothing and built a life for all of us.”",
        people=["Maria Lopez"],
    )
    assert [speaker for _, speaker in found] == ["Maria Lopez", "Maria Lopez"]


@pytest.mark.parametrize(
    "lines",
    [
        # the line before says something: no name line
        [
            "Maria Lopez met the union, 34 times.",
            "“Nobody will ever vote for that plan, not here.”",
        ],
        # a dash and a possessive: the campaign's, not the person's
        ["“Nobody will ever vote for that plan, not here.” — Maria Lopez's campaign slogan"],
    ],
)
def test_a_line_that_is_more_than_a_name_signs_no_quote(lines):
    found = said(*lines, people=["Maria Lopez"])
    assert found and all(speaker != "Maria Lopez" for _, speaker in found)


@pytest.mark.parametrize(
    "line",
    [
        "Dahlys Ortiz on Monday hit Tom Hale on immigration, she hit him on guns, and she claimed"
        " that there’s a “growing level of anxiety” in the senator’s campaign.",
        "Dahlys Ortiz on Tuesday slammed Tom Hale on housing, she slammed him on taxes, and she"
        " claimed that there’s a “growing level of anxiety” in his campaign.",
    ],
)
def test_the_subject_of_a_clause_spliced_on_with_a_comma_is_an_antecedent_of_she(line):
    # (a given name that tells no gender: only the parse's subjects can be read back to)
    found = said("Harbour talks stall.", line, people=["Dahlys Ortiz", "Tom Hale"])
    assert found == [("growing level of anxiety", "Dahlys Ortiz")]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Tom Hale rejected the notion that the episode should be water under the bridge,"
            " saying that if he “found something that was rotten, I would fix it.”",
            "Tom Hale",
        ),
        (
            "Tom Hale pushed back on those claims Thursday, saying that the bill had the correct"
            " safety parts but was stalled by mistrust - and arguing that he and the mayor shared"
            " “almost all the same views on the harbour.”",
            "Tom Hale",
        ),
        (
            "Ana Ortiz said the amendment was a gesture intended to highlight “the hypocrisy of"
            " the whole council.”",
            "Ana Ortiz",
        ),
    ],
)
def test_a_thing_in_a_clause_a_participle_hangs_on_is_not_the_speaker(line, expected):
    assert [speaker for _, speaker in said(line, people=["Ana Ortiz", "Tom Hale"])] == [expected]


@pytest.mark.parametrize(
    "lines",
    [
        ['"Hale wants to be a tough guy tonight," Trump shot back. "Let me talk."'],
        ["The mayor kept cutting in.", '"Hale wants to be a tough guy tonight," Trump shot back.'],
    ],
)
def test_a_name_the_tagger_took_for_a_verb_is_still_the_subject_of_the_verb_after_the_quote(
    lines,
):
    # ("Trump" is tagged as a verb here: the verb after the quote is "shot")
    found = said(*lines, people=["Trump", "Hale"])
    assert [speaker for _, speaker in found] == ["Trump"]


def test_a_quote_whose_paragraph_names_someone_else_is_never_stitched_on():
    found = said(
        "“We will open the port again in May,” Ana Ortiz said at the harbour.",
        "“Nobody here believes a word of that any more,” with Tom Hale loudest of all.",
        people=["Ana Ortiz", "Tom Hale"],
    )
    assert found == [
        ("We will open the port again in May,", "Ana Ortiz"),
        ("Nobody here believes a word of that any more,", None),
    ]


def test_a_quote_whose_paragraph_names_the_same_speaker_still_goes_on():
    found = said(
        "“We will open the port again in May,” Ana Ortiz said at the harbour.",
        "“And we will pay every worker in full.” Ortiz then left the stage.",
        people=["Ana Ortiz", "Ortiz"],
    )
    assert found == [
        ("We will open the port again in May, … And we will pay every worker in full.", "Ana Ortiz")
    ]


@pytest.mark.parametrize(
    "line",
    [
        # no space before the opening mark: the tokenizer makes one word of 'said,“Look'
        "Ortiz said,“Look, the port has no place for that kind of talk. We will fix it.”",
        "Ortiz told reporters:“Look, the port has no place for that kind of talk. We will fix it.”",
    ],
)
def test_a_name_and_said_glued_to_the_opening_mark_still_name_the_speaker(line):
    found = said(line, people=["Ortiz", "Tom Hale"])
    assert [speaker for _, speaker in found] == ["Ortiz"]


def test_a_name_glued_to_said_that_only_qualifies_a_noun_speaks_no_quote():
    found = said(
        "A source close to Ortiz said,“Look, the port has no place for that kind of talk at all.”",
        people=["Ortiz"],
    )
    assert found and all(speaker != "Ortiz" for _, speaker in found)


@pytest.mark.parametrize("name", ["Dahlys Hale", "Erin Hale"])
def test_a_name_the_parse_made_its_sentence_s_root_is_an_antecedent_of_she(name):
    # ("endorsed" is read as an adjective: the name is the root, "she" is her)
    found = said(
        "Ana Ortiz spoke first on Friday.",
        f"{name}, the veteran activist and lawyer, endorsed Sanders’ approach Saturday, saying she"
        " hadn’t yet called for the mayor’s resignation because she believed “we need to focus"
        " all of our energy on helping the people of the harbour.”",
        people=[name, "Ana Ortiz", "Sanders"],
    )
    assert [speaker for _, speaker in found] == [name]


@pytest.mark.parametrize(
    ("lines", "people", "expected"),
    [
        (  # a possessor inside the subject is not whom the sentence is about
            [
                "Senator Tom Hale said on Sunday that the mayor had gone too far.",
                "Like his remarks about the port, Mr. Hale said, Mr. Ruiz's jabs at the nurses"
                " were unacceptable. “This is going where we have never gone before,” he said.",
            ],
            ["Tom Hale", "Hale", "Ruiz"],
            "Hale",
        ),
        (  # a name set off as the subject's apposition is who the subject is
            [
                "Ana Ortiz opened the meeting on Monday.",
                "One local nurse, Maria Duarte, stood up at the back of the hall.",
                "“Nobody asked the people who work nights,” she said.",
            ],
            ["Ana Ortiz", "Maria Duarte"],
            "Maria Duarte",
        ),
        (  # the mention's own honorific tells the gender where the last name is shared
            [
                "Mrs. Lena Brandt spoke to the council on Friday.",
                "Mr. Brandt, her husband, stayed at home.",
                "“The bridge has to come first,” she said.",
            ],
            ["Lena Brandt", "Brandt"],
            "Lena Brandt",
        ),
        (  # a given name after a title word tells the gender
            [
                "Ms. Ana Ortiz arrived late.",
                "Under Secretary for Management Paul Keller briefed the press on the flooding.",
                "“Every pump in the valley is running,” she said.",
            ],
            ["Ana Ortiz", "Management Paul Keller"],
            "Ana Ortiz",
        ),
    ],
)
def test_he_or_she_said_reads_back_to_whom_the_sentence_before_is_about(lines, people, expected):
    found = said(*lines, people=people)
    assert found[-1][1] == expected


@pytest.mark.parametrize(
    ("lines", "people", "expected"),
    [
        (
            [
                "If anything, Tom Hale argued in his letter, the vote came far too early.",
                "“Is it wise to give one officer that much power over the whole procedure?”",
            ],
            ["Tom Hale"],
            "Tom Hale",
        ),
        (
            [
                "Ana Ortiz elaborated in an essay for the local paper.",
                "“A harbour that floods twice a year cannot keep its ferries or its fishermen.”",
            ],
            ["Ana Ortiz"],
            "Ana Ortiz",
        ),
    ],
)
def test_a_lone_quote_after_a_paragraph_whose_one_named_subject_speaks_is_theirs(
    lines, people, expected
):
    found = said(*lines, people=people)
    assert found[-1] == (lines[-1].strip("“”"), expected)


def test_a_lone_quote_after_a_paragraph_where_two_people_speak_stays_no_one_s():
    found = said(
        "Tom Hale argued the vote came early, and Ana Ortiz insisted it did not.",
        "“Is it wise to give one officer that much power over the whole procedure?”",
        people=["Tom Hale", "Ana Ortiz"],
    )
    assert found[-1][1] is None


@pytest.mark.parametrize(
    ("signature", "expected"),
    [
        ("-Michelle Marks, Philadelphia.", "Michelle Marks"),
        ("— Daniel Okafor", "Daniel Okafor"),
        ("― Daniel Okafor", "Daniel Okafor"),  # the horizontal bar (U+2015)
        ("― Julia R. Brandt Moreno.", "Julia R. Brandt Moreno"),  # a middle initial
        ("- Daniel K Okafor", "Daniel K Okafor"),
        ("- Harbour Board of Trustees.", None),  # no given name: no one by form
    ],
)
def test_a_signature_the_tagger_missed_is_read_by_its_form(signature, expected):
    found = said(
        "quotable.",
        "“The whole idea that the ferry is a luxury has to stop, and it has to stop now.”",
        signature,
    )
    assert found[-1][1] == expected


def test_a_participle_after_an_inverted_cue_whose_name_the_parse_lost_is_that_name_s():
    # the parse of "“…,” said Okafor, explaining he knew them: “…”" with the name after "said"
    # taken for an adverb (as the parser read a real one): "explaining" is still Okafor's
    words = ["“", "Records", "matter", ",", "”", "said", "Okafor", ",", "explaining", "he"]
    words += ["knew", "them", ":"]
    heads = [2, 2, 5, 5, 5, 5, 5, 5, 5, 10, 8, 10, 5]
    deps = ["punct", "nsubj", "ccomp", "punct", "punct", "ROOT", "advmod", "punct", "advcl"]
    deps += ["nsubj", "ccomp", "dobj", "punct"]
    pos = ["PUNCT", "NOUN", "VERB", "PUNCT", "PUNCT", "VERB", "ADV", "PUNCT", "VERB", "PRON"]
    pos += ["VERB", "PRON", "PUNCT"]
    lemmas = [w.lower() for w in words]
    lemmas[5], lemmas[8] = "say", "explain"
    vocab = spacy.blank("en").vocab  # (English lexical attributes: "," is punctuation)
    doc = Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    paragraph = SimpleNamespace(quoting=frozenset(range(5)))
    subject = quotes._cue_subject(doc[8], paragraph, None)
    assert subject is not None and subject.text == "Okafor"


@pytest.mark.parametrize(
    ("line", "people", "expected"),
    [
        (  # what a passive verb of saying says something of is no speaker
            "At the marina, Tom Hale suggested that the losses of some rivals could be blamed"
            " on their focus on “the business of selling boats.”",
            ["Tom Hale"],
            (None, "the losses"),
        ),
        (  # its agent is
            "The delay was blamed by Ana Ortiz on “a council that never reads its own mail.”",
            ["Ana Ortiz"],
            ("Ana Ortiz", None),
        ),
        (  # "was quoted as saying" names the speaker
            "Tom Hale was quoted as saying that “the port will not close this year.”",
            ["Tom Hale"],
            ("Tom Hale", None),
        ),
    ],
)
def test_the_subject_of_a_passive_verb_of_saying_is_not_its_speaker(line, people, expected):
    found = said(line, people=people)
    right, never = expected
    assert found and found[-1][1] != never
    if right is not None:
        assert found[-1][1] == right


@pytest.mark.parametrize(
    ("lines", "people", "expected"),
    [
        (  # reported speech, then a fragment in a sentence of no attribution
            [
                "Ana Ortiz has argued that the harbour plan was flawed from the start. So there"
                " will always be “a flood every spring that nobody can stop.”"
            ],
            ["Ana Ortiz"],
            "Ana Ortiz",
        ),
        (  # a quote of hers, then a colon with no verb of saying
            [
                "Tom Hale backs “a fair wage for the crews” and recalled the strike of 1998:"
                " “I saw how hard it was for the families that winter.”"
            ],
            ["Tom Hale"],
            "Tom Hale",
        ),
        (  # two people heard before it: no one's
            [
                "Tom Hale said the plan was flawed, and Ana Ortiz said it was not. As a result,"
                " the town still faces “a flood every spring that nobody can stop.”"
            ],
            ["Tom Hale", "Ana Ortiz"],
            None,
        ),
    ],
)
def test_a_quote_of_no_attribution_goes_on_with_the_one_speaker_earlier_in_its_paragraph(
    lines, people, expected
):
    found = said(*lines, people=people)
    assert found[-1][1] == expected


@pytest.mark.parametrize(
    ("line", "people", "expected"),
    [
        (
            "The mayor, Ana Ortiz, drew fire this spring over her remark that “a town that"
            " floods every year deserves the ferry it gets.”",
            ["Ana Ortiz"],
            "Ana Ortiz",
        ),
        (
            "The ferry owners have not forgotten Tom Hale's promise that “the harbour will"
            " never close to the fishing fleet.”",
            ["Tom Hale"],
            "Tom Hale",
        ),
        (  # a name in marks is no quote, whoever's slogan it is
            "The banner carried Tom Hale's slogan, “Build The Harbour Back.”",
            ["Tom Hale"],
            None,
        ),
    ],
)
def test_words_in_marks_held_by_a_noun_for_something_said_are_its_owner_s(line, people, expected):
    found = said(line, people=people)
    assert (found[-1][1] if found else None) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("“No one ever told us to wait,” said the station chief known as Rafe.", "Rafe"),
        ("“The pumps held all night,” said a retired engineer named Tove Lind.", "Tove Lind"),
        (  # no name given: the description as written
            "“The pumps held all night,” said a retired engineer from the county.",
            "a retired engineer from the county",
        ),
    ],
)
def test_an_unnamed_speaker_the_text_then_names_is_that_name(line, expected):
    assert said(line)[-1][1] == expected


@pytest.mark.parametrize(
    ("line", "people", "expected"),
    [
        (
            "After Mayor Tom Hale criticized the plan at the hearing, Ana Ortiz shot back,"
            " “I could have stayed quiet, but I chose to fight for the harbour.”",
            ["Tom Hale", "Ana Ortiz"],
            "Ana Ortiz",
        ),
        (
            "When the reporters pressed him on the delay, Tom Hale replied: “We will open the"
            " bridge when it is safe and not a day before.”",
            ["Tom Hale"],
            "Tom Hale",
        ),
    ],
)
def test_a_verb_of_saying_in_a_clause_that_says_when_is_not_the_quote_s_cue(line, people, expected):
    assert said(line, people=people)[-1][1] == expected


@pytest.mark.parametrize(
    ("line", "people", "expected"),
    [
        (  # a thing that "calls for" says nothing: whoever wants it does
            "Ana Ortiz said on Monday that she wants a harbour plan that calls for “a sea wall,"
            " a second ferry and a bridge that stays open in winter.”",
            ["Ana Ortiz"],
            "Ana Ortiz",
        ),
        (  # nor does a quoted title that "reports" to someone
            "Tom Hale has proposed appointing a “chief flood inspector” who reports directly"
            " to the council.",
            ["Tom Hale"],
            "Tom Hale",
        ),
        (  # a person the text names, then a relative clause: still that person
            "The mayor was campaigning for a retired beekeeper named Ines Varga, who is running"
            " for the council and who worked the crowd, praising “the grit and plain decency"
            " of this town.”",
            ["Ines Varga"],
            "Ines Varga",
        ),
    ],
)
def test_a_relative_clause_on_a_thing_is_said_by_whom_it_hangs_on(line, people, expected):
    assert said(line, people=people)[-1][1] == expected


def test_a_thing_passed_on_the_way_up_from_a_participle_is_never_its_speaker():
    # the parse of "Lee denied the notion that a shakeup is coming, explaining that he was
    # away" as the parser read a real one: "explaining" hangs on "coming", whose subject is
    # a thing; who explained is not "a shakeup" (the speaker is then found otherwise)
    words = ["Lee", "denied", "the", "notion", "that", "a", "shakeup", "is", "coming", ","]
    words += ["explaining", "that", "he", "was", "away"]
    heads = [1, 1, 3, 1, 8, 6, 8, 8, 3, 8, 8, 13, 13, 10, 13]
    deps = ["nsubj", "ROOT", "det", "dobj", "mark", "det", "nsubj", "aux", "acl", "punct"]
    deps += ["advcl", "mark", "nsubj", "ccomp", "advmod"]
    pos = ["PROPN", "VERB", "DET", "NOUN", "SCONJ", "DET", "NOUN", "AUX", "VERB", "PUNCT"]
    pos += ["VERB", "SCONJ", "PRON", "AUX", "ADV"]
    lemmas = [w.lower() for w in words]
    lemmas[1], lemmas[8], lemmas[10] = "deny", "come", "explain"
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    assert quotes._subject_of(doc[10]) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "The judge cannot say that “on her reading,” Ana Ortiz added, arguing it should be"
            " “up to the jury to decide.”",
            "Ana Ortiz",
        ),
        (
            "Tom Hale cannot say that “from his point of view,” Ana Ortiz added, saying it should"
            " be “up to the voters to decide or not.”",
            "Ana Ortiz",
        ),
        (
            "Hale can not claim that “in good faith,” Ortiz added, saying it must be “for the"
            " council to settle.”",
            "Ortiz",
        ),
    ],
)
def test_a_cue_right_after_a_quote_is_never_a_clause_another_verb_reports(line, expected):
    found = said(line, people=["Tom Hale", "Ana Ortiz", "Hale", "Ortiz"])
    assert found[-1][1] == expected


@pytest.mark.parametrize(
    ("line", "orgs", "expected"),
    [
        # a poll's share is no speaker; the poll the sentence cites is
        (
            "Some 61 percent of likely voters said the mayor “has lost touch with the city,”"
            " according to a Harbor Research poll.",
            ["Harbor Research"],
            "a Harbor Research poll",
        ),
        (
            "Only 38 percent of residents agreed that the bridge is “safe enough to stay open,”"
            " while 52 percent said the same of the tunnel.",
            [],
            None,
        ),
        (
            "In the survey, 24% of Republican voters wanted a mayor who would “tell it like it is”"
            " at city hall.",
            [],
            None,
        ),
        (
            "A majority of the farmers said the new quota was “dead on arrival in the valley.”",
            [],
            None,
        ),
        # a share inside what someone says is no matter
        (
            "Ana Ortiz said 55 percent of voters are “tired of waiting for the bridge.”",
            [],
            "Ana Ortiz",
        ),
    ],
)
def test_a_share_of_people_a_poll_counts_is_no_speaker(line, orgs, expected):
    found = said(line, people=["Ana Ortiz"], orgs=orgs)
    # (a short quote given no one is no quote at all)
    assert [speaker for _, speaker in found if speaker] == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("line", "orgs", "expected"),
    [
        # a roundup's line: what was found, a dash, who found it, a colon, their words
        (
            "But the surveys did predict the mayoral race - Harbor Research: “Our panel caught"
            " the late swing toward the incumbent in every district.”",
            ["Harbor Research"],
            "Harbor Research",
        ),
        (
            "Turnout models are especially shaky in rural counties - Delta Polling Group: “Every"
            " sample we drew had too few voters over seventy.”",
            [],
            "Delta Polling Group",
        ),
        (
            "Late deciders broke for the challenger — Dana Whitfield: “They always break toward"
            " change when the incumbent looks tired.”",
            [],
            "Dana Whitfield",
        ),
    ],
)
def test_a_name_after_a_dash_and_before_a_colon_says_the_quote(line, orgs, expected):
    found = said(line, people=["Dana Whitfield"], orgs=orgs)
    assert [speaker for _, speaker in found] == [expected]


@pytest.mark.parametrize(
    "line",
    [
        "To her neighbours, Ana Ortiz is the “kind-hearted and caring” woman who saved the farm.",
        "In the end, Tom Hale was “the best friend this harbour ever had.”",
        "By then Tom Hale was the “grumpy old man of the harbour” to everyone.",
    ],
)
def test_what_be_says_a_subject_is_in_marks_is_not_the_subject_s_quote(line):
    found = said(line, people=["Ana Ortiz", "Tom Hale"])
    assert [speaker for _, speaker in found if speaker] == []


@pytest.mark.parametrize(
    ("line", "allowed"),
    [
        # the parse left the cue no subject: a thing before it is never who spoke
        (
            "The matter had come up on Monday after Ana Ortiz, asked about the harbour budget,"
            " had said, “I think we spend far too much on consultants.”",
            {None, "Ana Ortiz"},
        ),
        # a common noun a name stands beside still may be
        (
            "The Harbour Gazette columnist Dana Whitfield went so far as to say: “The ferry plan"
            " is dead and everybody on the council knows it.”",
            {"Dana Whitfield"},
        ),
    ],
)
def test_a_subject_before_a_cue_the_parse_left_bare_is_someone_not_a_thing(line, allowed):
    found = said(line, people=["Ana Ortiz", "Dana Whitfield"])
    assert found and {speaker for _, speaker in found} <= allowed


@pytest.mark.parametrize(("dep", "expected"), [("compound", "Whitfield"), ("npadvmod", "voter")])
def test_a_name_the_parse_hung_on_the_verb_as_a_compound_is_its_subject(dep, expected):
    # "A voter shouted, Whitfield joked": the parse made "joked" a complement of "shouted"
    # and "Whitfield" a compound of "joked", as if "joked" were a noun
    words = ["A", "voter", "shouted", ",", "Whitfield", "joked", ","]
    heads = [1, 2, 2, 2, 5, 2, 5]
    deps = ["det", "nsubj", "ROOT", "punct", dep, "xcomp", "punct"]
    pos = ["DET", "NOUN", "VERB", "PUNCT", "PROPN", "VERB", "PUNCT"]
    tags = ["DT", "NN", "VBD", ",", "NNP", "VBD", ","]
    lemmas = ["a", "voter", "shout", ",", "whitfield", "joke", ","]
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    assert quotes._subject_of(doc[5]).text == expected


def test_a_cue_in_a_when_clause_is_its_own_subject_s_not_a_verb_the_clause_hangs_on():
    found = said(
        "When Ana Ortiz said the ferry was “far too slow for a city of this size” at a hearing"
        " on Monday, the mayor not only handed the papers a headline (“Ferry Row Ends,” declared"
        " the Harbour Gazette) but again showed his knack for a fight.",
        people=["Ana Ortiz"],
        orgs=["Harbour Gazette"],
    )
    assert ("far too slow for a city of this size", "Ana Ortiz") in found


def test_in_another_language_a_speaker_is_kept_only_when_the_article_names_that_person():
    # attributions in other languages are read with English grammar: what stood beside the
    # verb ("en su opinión", "0,99 Millionen") is no speaker; a person the article names is
    from corroborate.annotate.people import PersonMention
    from corroborate.annotate.quotes import QuoteMention, _speakers_named_abroad

    persons = [PersonMention("a", 60, 72, "Rafael Nadal", (), "ner")]
    quotes = [
        QuoteMention("a", 1, 30, "Vamos a tener suerte", "Nadal", (60, 65), True),
        QuoteMention(
            "a", 80, 120, "Hemos tenido muchas oportunidades", "en su opinión", None, True
        ),
        QuoteMention(
            "a", 130, 160, "la prioridad es salvar vidas", "el ministerio", None, True, True
        ),
        QuoteMention("a", 170, 190, "Nein, wir wissen nichts", None),
    ]
    kept = _speakers_named_abroad(quotes, persons)
    assert [(q.text, q.speaker_name) for q in kept] == [
        ("Vamos a tener suerte", "Nadal"),
        ("Hemos tenido muchas oportunidades", None),  # the words stay, with no speaker
        ("Nein, wir wissen nichts", None),
    ]  # reported speech with no speaker is no quote at all


@pytest.mark.parametrize(
    "lines",
    [
        [  # another man is a clause's subject since: he may be either
            "Tom Reyes opened the new depot on Monday morning.",
            "When Mr. Hale toured the loading bays, he said the site was “ready for the winter"
            " orders.”",
        ],
        [  # the subject of a clause that says why
            "Paul Varga led the council for a decade.",
            "The vote on the quarry was put off because Mr. Dunne had not read the report.",
            "“Nobody here wants the quarry reopened,” he said.",
        ],
    ],
)
def test_he_said_is_no_one_s_when_another_man_stood_as_a_subject_since_the_name(lines):
    found = said(*lines, people=["Tom Reyes", "Hale", "Paul Varga", "Dunne"])
    assert found[-1][1] is None


@pytest.mark.parametrize(
    "line",
    [
        "The mayor thanked Mr. Hale for the loan.",  # an object
        "Mr. Hale's loan paid for the new roof.",  # a possessor
        "When Ms. Ortiz arrived, the crews cheered.",  # a woman is no "he"
    ],
)
def test_he_said_still_reads_back_past_an_object_a_possessor_or_a_woman(line):
    found = said(
        "Tom Reyes opened the new depot on Monday morning.",
        line,
        "“We are back in business at last,” he said.",
        people=["Tom Reyes", "Hale", "Ortiz"],
    )
    assert found[-1][1] == "Tom Reyes"


@pytest.mark.parametrize(
    ("first", "expected"),
    [
        ("Tom Reyes opened the depot on Monday.", None),  # the governor is someone else
        ("Gov. Tom Reyes opened the depot on Monday.", "Tom Reyes"),  # he is the governor
    ],
)
def test_he_said_after_a_description_no_name_was_found_for_is_a_name_only_so_described(
    first, expected
):
    found = said(
        first,
        "“The roads are clear again,” the former governor said.",
        "“We will open the second depot in May,” he said.",
        people=["Tom Reyes"],
    )
    assert found[-1][1] == expected


def test_quotations_read_again_come_in_a_list_of_their_own():
    text = "“We will rebuild the bridge,” she said. “Then the school.”"
    first = find_quotations(text)
    kept = list(first)
    first.clear()  # a caller's list is its own
    assert find_quotations(text) == kept and len(kept) == 2
