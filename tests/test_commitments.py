"""Commitments: what was agreed, pledged, planned or announced, with actors and sources."""

from __future__ import annotations

import pytest

from corroborate.annotate.commitments import extract_commitments
from corroborate.compare.commitments import merge_commitments
from corroborate.model import Mention
from tests.conftest import make_article, make_paragraphs


def with_mentions(article, *names_labels):
    for name, label in names_labels:
        start = article.text.index(name)
        sentence = next(s.index for s in article.sentences if s.start <= start < s.end)
        article.mentions.append(
            Mention(article.id, start, start + len(name), name, label, sentence)
        )
    return article


@pytest.mark.parametrize(
    "sentence, kind, what",
    [
        (
            "The two governments agreed to conduct a joint inspection of the dam.",
            "agreed",
            "agreed to conduct a joint inspection of the dam",
        ),
        (
            "The mayors will seek a meeting with the new transport minister.",
            "planned",
            "will seek a meeting with the new transport minister",
        ),
        (
            "The cities committed to further cooperation at a summit to be held in May.",
            "pledged",
            "committed to further cooperation at a summit to be held in May",
        ),
        (
            "The lenders pledged to keep credit lines open.",
            "pledged",
            "pledged to keep credit lines open",
        ),
        (
            "The program in which $40 million will be invested in clinics starts soon.",
            "money",
            "$40 million will be invested in clinics starts soon",
        ),
        (
            "The union plans to hold a vote next month.",
            "planned",
            "plans to hold a vote next month",
        ),
    ],
)
def test_commitments_are_found(sentence, kind, what):
    (c,) = extract_commitments(make_article("a", sentence))
    assert (c.kind, c.what) == (kind, what)


@pytest.mark.parametrize(
    "sentence",
    [
        "“We will build a better port,” the mayor said.",
        "The ministers met in the capital on Friday.",
        "The city will not open the bridge.",
        "The council is committed to fairness.",
    ],
)
def test_statements_and_facts_are_not_commitments(sentence):
    assert extract_commitments(make_article("a", sentence)) == []


def test_a_sentence_further_into_a_quotation_is_a_statement_too():
    article = make_paragraphs(
        "a",
        ["The mayor spoke after the vote."],
        [
            "“The vote went badly.",
            "The council will build the bridge next year anyway.",
            "You can count on it,” she said.",
        ],
    )
    assert extract_commitments(article) == []
    # the same sentence outside the quotation is a next step
    article = make_paragraphs("a", ["The council will build the bridge next year anyway."])
    assert [c.kind for c in extract_commitments(article)] == ["planned"]


def test_actors_come_from_named_entities_before_the_commitment_not_the_speaker():
    article = with_mentions(
        make_article("a", "The ministry said that Norway and Chile will seek a meeting with Peru."),
        ("Norway", "GPE"),
        ("Chile", "GPE"),
        ("Peru", "GPE"),
    )
    (c,) = extract_commitments(article)
    assert c.actors == ("Norway", "Chile")


def test_without_a_parse_an_unnamed_subject_names_no_one_from_elsewhere():
    article = with_mentions(
        make_article("a", "The two provinces committed to a joint ferry service with Quebec."),
        ("Quebec", "GPE"),
    )
    (c,) = extract_commitments(article)
    assert c.actors == ()


def test_the_same_commitment_from_two_outlets_is_merged():
    a = make_article("a", "Norway and Chile agreed to conduct a joint survey of the fjords.")
    b = make_article(
        "b", "The two countries agreed to a joint survey of the fjords, officials said."
    )
    c = make_article("c", "Chile agreed to buy ten ships.")
    items = merge_commitments([a, b, c], {x.id: extract_commitments(x) for x in (a, b, c)})
    assert [i.sources for i in items] == [("a", "b"), ("c",)]
    assert items[0].text == a.text


def test_one_shared_word_does_not_merge_two_commitments():
    # a short clause shares its place with a longer one, and nothing else
    a = make_article("a", "The mayors committed to a joint transit plan for Lisbon in spring.")
    b = make_article("b", "Local elections are scheduled in Lisbon in June.")
    items = merge_commitments([a, b], {x.id: extract_commitments(x) for x in (a, b)})
    assert [i.sources for i in items] == [("a",), ("b",)]


def test_a_merged_commitment_points_at_its_own_sentence_though_another_reads_the_same():
    said = "The council will hold a public hearing on the plan in January."
    a = make_article("a", said, "Residents were angry.", said)
    items = merge_commitments([a], {"a": extract_commitments(a)})
    assert [(i.span.start, i.span.end) for i in items] == [
        (s.start, s.end) for s in a.sentences if s.text == said
    ]
    assert all(a.text[i.span.start : i.span.end] == i.text and i.article_id == "a" for i in items)


def _dated(article, published):
    from corroborate.annotate.dates import extract_dates

    article.published = published
    article.dates = extract_dates(article)
    return article


@pytest.mark.parametrize(
    "sentence, earlier",
    [
        # recalled in the pluperfect: background, not a next step
        ("Last year the two provinces had agreed to share the cost of the new ferry.", True),
        ("The club said the player had already promised to stay until June.", True),
        # anchored to a date well before the article's own
        ("In March 2021, the city agreed to build a second runway at the airport.", True),
        ("Back in October, the ministry pledged to hire 2,000 more nurses.", True),
        # today's news and what lies ahead
        ("The union agreed on Tuesday to suspend the strike for two weeks.", False),
        ("The council will hold a public hearing on the plan in January.", False),
        ("The company plans to reopen the plant next spring.", False),
    ],
)
def test_a_commitment_recalled_from_an_earlier_occasion_is_marked_earlier(sentence, earlier):
    article = _dated(make_article("a", sentence), "2024-12-05")
    (commitment,) = extract_commitments(article)
    assert commitment.earlier is earlier


def test_without_a_date_for_the_article_only_the_tense_marks_a_commitment_earlier():
    article = make_article("a", "In March 2021, the city agreed to build a second runway.")
    (commitment,) = extract_commitments(_dated(article, None))
    assert commitment.earlier is False


def test_a_merged_commitment_is_earlier_only_if_every_report_recalls_it():
    a = _dated(
        make_article("a", "The provinces had agreed to share the cost of the ferry."), "2024-12-05"
    )
    b = _dated(
        make_article("b", "The provinces agreed to share the cost of the ferry on Monday."),
        "2024-12-05",
    )
    merged = merge_commitments([a, b], {x.id: extract_commitments(x) for x in (a, b)})
    assert len(merged) == 1 and merged[0].earlier is False


# --------------------------------------------------------------------------- read with the parse
# With the sentence parsed, the grammar decides: a next step is a future action stated now, and
# its actors are the grammatical subject's entities, not every name in the sentence.


def parsed(parser, sentence, *names_labels, published="2016-09-30"):
    from corroborate.annotate.commitments import trigger_sentences
    from corroborate.annotate.grammar import parse_sentences

    article = with_mentions(make_article("a", sentence), *names_labels)
    article.parses = parse_sentences(article, trigger_sentences(article), parser)
    return extract_commitments(_dated(article, published))


@pytest.mark.parametrize(
    "sentence",
    [
        # a stance, a noun, a purpose, a question are no commitments
        "The United States stands ready to support the people of Guatemala.",
        "Experts say her plans to raise taxes on the rich would make the code more complicated.",
        "Her hips were still sore from a series of injections intended to calm her.",
        "Will you pledge not to issue a pardon to the former minister?",
        # the writer's own lines, and "it" promising to be something (a likelihood)
        "We will provide updates on the closures as we get them.",
        "It promises to be a busy summer for the harbour and its ferries.",
    ],
)
def test_what_commits_no_one_is_not_a_commitment(parser, sentence):
    assert parsed(parser, sentence) == []


def test_allegiance_to_a_person_is_no_commitment_but_a_pledge_to_act_is(parser):
    # delegates pledged to a candidate back someone; they have no action ahead of them
    assert (
        parsed(
            parser,
            "Most of the delegates pledged to Mara Voss may still switch at the convention.",
            ("Mara Voss", "PERSON"),
        )
        == []
    )
    (pledge,) = parsed(
        parser,
        "Mara Voss pledged to rebuild the harbour wall before winter.",
        ("Mara Voss", "PERSON"),
    )
    assert pledge.actors == ("Mara Voss",) and not pledge.earlier


@pytest.mark.parametrize(
    "sentence, earlier",
    [
        # an agreement closed, or narrated in the past, is background
        ("Moscow finally agreed to let Norwegian divers reach the submarine.", True),
        ("In the end, the company agreed to lend the charity $5 million.", True),
        ("The businessman planned to revitalize ticket sales, then hand over the bridge.", True),
        # a commitment told where it began, or in a clause that dates another, is a past occasion
        ("The talks followed a meeting where the mayor first promised money for the pier.", True),
        ("Two years after the council vowed to repair the pier, the work has not begun.", True),
        # a commitment in a clause about who committed, about the occasion, or in the present
        # perfect about what was committed, is the news
        ("The board will weigh the ruling, which the union has vowed to appeal.", False),
        ("Farmers, who vowed to block the roads, met the minister on Monday.", False),
        ("Both sides met in Geneva on Friday, where they pledged to resume the talks.", False),
        # a pluperfect in reported speech is earlier, unless a day ahead says it still stands
        ("The spokeswoman said the unions had agreed to present a joint offer.", True),
        (
            "The spokeswoman said the unions had agreed to present a joint offer by March of "
            "next year.",
            False,
        ),
        # reported news and what is planned are next steps
        ("The ministry added that the two governments agreed to conduct a joint visit.", False),
        ("The research center plans to release its analysis of the plan next week.", False),
    ],
)
def test_a_next_step_is_a_future_action_stated_now(parser, sentence, earlier):
    (commitment,) = parsed(parser, sentence)
    assert commitment.earlier is earlier


@pytest.mark.parametrize(
    "sentence, names, actors",
    [
        (
            "The governor's running mate, Indiana Gov. Mike Pence, plans to release his returns.",
            [("Indiana", "GPE"), ("Mike Pence", "PERSON")],
            ("Mike Pence",),
        ),
        (
            "Palmieri said Clinton will visit voters at an event in Florida.",
            [("Palmieri", "PERSON"), ("Clinton", "PERSON"), ("Florida", "GPE")],
            ("Clinton",),
        ),
        (
            "For his part, Obama said he planned to stay active in fighting climate change.",
            [("Obama", "PERSON")],
            ("Obama",),
        ),
        # a name inside a relative clause of the subject is not who commits
        (
            "The delegation, which included Minister Rosa Rodriguez, pledged to send aid to Haiti.",
            [("Rosa Rodriguez", "PERSON"), ("Haiti", "GPE")],
            (),
        ),
        # a relative pronoun stands for the name its noun is in apposition to
        (
            "Donors gave $2 million to Forward Ohio, a group that intends to run ads in the fall.",
            [("Forward Ohio", "ORG")],
            ("Forward Ohio",),
        ),
        # a name that owns the subject's body acts through it; a name that describes, not
        (
            "The Sanchez campaign plans to open three field offices in Texas next month.",
            [("Sanchez", "PERSON"), ("Texas", "GPE")],
            ("Sanchez",),
        ),
        (
            "The Democratic nominee will visit factories in Ohio on Friday.",
            [("Democratic", "NORP"), ("Ohio", "GPE")],
            (),
        ),
        # a relative pronoun stands for its noun, not for the names after its clause
        (
            "Up front: Priya Shah, who announced plans to give away 90 percent of her Google "
            "stock, just as her role models Omar Diaz and Tom and Ann Lee are doing.",
            [("Priya Shah", "PERSON"), ("Omar Diaz", "PERSON"), ("Tom", "PERSON")],
            ("Priya Shah",),
        ),
        # a pronoun the syntax cannot resolve names no one rather than the wrong one
        ("He also vowed to form a joint federal task force with Ohio.", [("Ohio", "GPE")], ()),
    ],
)
def test_the_actors_are_the_subjects_entities(parser, sentence, names, actors):
    (commitment,) = parsed(parser, sentence, *names)
    assert commitment.actors == actors


def test_a_plan_whose_day_has_passed_by_the_storys_latest_article_is_no_next_step():
    monday = _dated(
        make_article("a", "Divers will resume the rescue attempt on Wednesday."), "2000-08-14"
    )
    week_later = _dated(make_article("b", "The navy said the crew had died."), "2000-08-21")
    same_day = _dated(make_article("c", "The navy said the crew had died."), "2000-08-14")
    told = {x.id: extract_commitments(x) for x in (monday, week_later, same_day)}
    (later,) = merge_commitments([monday, week_later], told)
    (now,) = merge_commitments([monday, same_day], told)
    assert later.earlier is True and now.earlier is False


@pytest.mark.parametrize(
    "sentence",
    [
        # a description is no name: the step is shown, with no actor (a reader acts on a name)
        "Both governments will hold talks on the dam in March.",
        "The organisers plan to hold the race again in the spring.",
        # a thing scheduled for a day ahead is a next step too
        "The new ferry timetable will start on Monday.",
    ],
)
def test_an_unnamed_subject_gives_no_actor(parser, sentence):
    (commitment,) = parsed(parser, sentence)
    assert commitment.actors == () and commitment.earlier is False


@pytest.mark.parametrize(
    "sentence",
    [
        # a forecast about a thing, with no day ahead, is no one's plan
        "Analysts say the new levy will reduce demand for large cars.",
        "Paying both fees at once will increase your chances of a refund.",
        # a poll's finding
        "Nearly seven of 10 residents say they plan to vote early.",
        "Sixty percent of the members will vote for the strike, the survey found.",
        "Among likely GOP caucus voters, about two-thirds, 64 percent, say they will vote for Cruz.",
        # a forecast someone believes, and what unnamed people of a noun will do
        "The bank expects that U.S. exports will expand by a tepid 2 percent this year.",
        "For all her critics, she has made friends among the member states whose board "
        "representatives will vote.",
        # a stance told with an adjective
        "The minister has said she will hold firm on the pension reform.",
        # a commitment only imagined
        "Officials discussed a deal in which Chile could pledge to cut its tariffs.",
        # an adjective, not a verb
        "The singer may drop his announced plans to host the awards in Lisbon.",
    ],
)
def test_forecasts_polls_stances_and_hypotheses_are_no_next_steps(parser, sentence):
    assert [c for c in parsed(parser, sentence) if not c.earlier] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The union says its new television spot will air on regional stations.",
        "The inspectors' full report will be released at the end of the month.",
        "The memorial service for the three firefighters will be held in Dunmore.",
        "Her documentary will premiere at the Toronto festival.",
        "A hearing on the appeal is scheduled in June.",
        "The musical will tour Canada and stop in Ohio.",
    ],
)
def test_a_thing_scheduled_to_come_out_is_a_next_step(parser, sentence):
    # its subject is a thing by nature: the "will" sets a schedule, not a forecast
    (commitment,) = parsed(parser, sentence)
    assert commitment.kind == "planned" and not commitment.earlier


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor promised on Friday to reopen the library before the summer.",
        "The rebels vowed again to hold the bridge.",
    ],
)
def test_a_pledge_and_its_to_may_be_apart(parser, sentence):
    (commitment,) = parsed(parser, sentence)
    assert commitment.kind == "pledged" and not commitment.earlier


@pytest.mark.parametrize(
    "sentence, names, actors",
    [
        (
            "The Harbor Authority will sue the shipping company over the spill.",
            [("Harbor Authority", "ORG")],
            ("Harbor Authority",),
        ),
        (
            "Mayor Lina Ortiz will be holding a town meeting on the budget next week.",
            [("Lina Ortiz", "PERSON")],
            ("Lina Ortiz",),
        ),
        ("The teachers' union is going to join the strike on Monday.", [], ()),
        # a person told by what they do, with no name, can act though no one is named
        ("The billionaire businessman will be holding a rally to thank his donors.", [], ()),
        (
            "Ms. Okafor said she’ll share the findings with the council.",
            [("Okafor", "PERSON")],
            ("Okafor",),
        ),
    ],
)
def test_will_with_a_deliberate_act_of_someone_who_can_act_is_a_plan(
    parser, sentence, names, actors
):
    # the verb is none of the trigger list's, but an act its subject decides
    (commitment,) = parsed(parser, sentence, *names)
    assert (commitment.kind, commitment.actors) == ("planned", actors)
    assert not commitment.earlier


def test_help_is_a_plan_only_with_someone_to_help_and_no_effect_after_it(parser):
    sentence = "Ms. Alvarez said she will help the flood victims in the valley."
    (commitment,) = parsed(parser, sentence, ("Alvarez", "PERSON"))
    assert commitment.actors == ("Alvarez",)
    assert parsed(parser, "Her advisers will help build trust with the voters.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The Harbor Authority will likely sue the shipping company.",  # hedged
        "If the talks fail, the union will join the strike.",  # a condition
        "Analysts expect that the airline will appeal the ruling.",  # a belief
        "Will the council appeal the ruling before the deadline?",  # a question
        "The minister will win the vote easily.",  # an outcome, not an act
        "The new tariffs will help exporters in the south.",  # an effect of a thing
        "Sign up today and they'll send you a free guide.",  # a bidding's promise
        "You will share the costs with your landlord.",  # no one in particular
    ],
)
def test_will_with_an_outcome_a_hedge_a_condition_or_a_belief_is_no_plan(parser, sentence):
    assert parsed(parser, sentence) == []


@pytest.mark.parametrize(
    "sentence, names, actors",
    [
        (
            "“We will release the inspection report in May,” said Dana Whitfield, the port’s director.",
            [("Dana Whitfield", "PERSON")],
            ("Dana Whitfield",),
        ),
        (
            "“I’m going to appoint a new fire chief before the summer,” the mayor told reporters.",
            [],
            (),
        ),
        # a plan told with its own verb, the speaker's own
        (
            "“I intend to ask the council for a new vote,” Mayor Ana Ruiz told reporters.",
            [("Ana Ruiz", "PERSON")],
            ("Ana Ruiz",),
        ),
        # "do so" takes up an act named before
        (
            "“We have always backed the pier, and we will continue to do so,” Mayor Ana Ruiz said.",
            [("Ana Ruiz", "PERSON")],
            ("Ana Ruiz",),
        ),
    ],
)
def test_a_speakers_own_promise_in_a_quotation_is_a_next_step(parser, sentence, names, actors):
    # "I" or "we" committing to an act of their own: the actor is the quotation's speaker
    (commitment,) = parsed(parser, sentence, *names)
    assert (commitment.kind, commitment.actors) == ("planned", actors)


@pytest.mark.parametrize(
    "sentence",
    [
        "“We are going to start winning again,” he told supporters.",  # a boast: to win
        "“We will be stronger than ever,” she said.",  # a state
        "“If they cut the budget, we will sue,” he said.",  # a condition
        "“We won’t release the names of the victims,” she said.",  # negated
        "“He told me we will join the talks,” she said.",  # another's "we"
        "“These are parks we love and will protect,” she said.",  # about a noun
        "“The council will build the bridge anyway,” she said.",  # of another: a statement
    ],
)
def test_a_quoted_boast_condition_or_anothers_we_is_no_next_step(parser, sentence):
    assert parsed(parser, sentence) == []


def test_a_thing_that_will_happen_otherwise_is_still_a_forecast(parser):
    assert parsed(parser, "Ticket prices will rise again next season, analysts expect.") == []
    assert parsed(parser, "The verdict will not be announced before the holidays.") == []


def test_would_in_reported_speech_is_a_will_told_in_the_past(parser):
    (commitment,) = parsed(parser, "The governor said she would pledge to veto the bill.")
    assert commitment.earlier is False


def test_a_commitment_whose_day_has_passed_is_earlier(parser):
    sentence = "The province promised to finish the bridge in March 2019."
    (commitment,) = parsed(parser, sentence, published="2024-12-05")
    assert commitment.earlier is True


@pytest.mark.parametrize(
    "sentence",
    [
        "The union vowed last year to keep the strike going until the new contract.",
        "The governor promised last spring to reopen the mine.",
    ],
)
def test_the_day_of_the_pledge_is_not_the_day_of_the_act(parser, sentence):
    # the date says when the pledge was made; what it commits to may still lie ahead
    (commitment,) = parsed(parser, sentence, published="2024-12-05")
    assert commitment.earlier is False


def test_we_inside_a_quote_is_a_speakers_commitment(parser):
    sentence = "The mayor told reporters “we will open the new bridge in May” before leaving."
    (commitment,) = parsed(parser, sentence)
    assert commitment.kind == "planned"


@pytest.mark.parametrize(
    "sentence, names, actors",
    [
        (
            "Over the past few days, the Ruiz administration has promised a veto of the bill.",
            [("Ruiz", "PERSON")],
            ("Ruiz",),
        ),
        (
            "Mayor Lee has pledged his support to the new harbour council.",
            [("Lee", "PERSON")],
            ("Lee",),
        ),
        ("A senator who promised mass layoffs spoke on Monday.", [], ()),
        ("Lee promised the minister that the pier would reopen.", [("Lee", "PERSON")], ("Lee",)),
    ],
)
def test_a_pledge_of_a_thing_is_a_next_step(parser, sentence, names, actors):
    (commitment,) = parsed(parser, sentence, *names)
    assert (commitment.kind, commitment.actors, commitment.earlier) == ("pledged", actors, False)


def test_pledged_delegates_are_no_pledge(parser):
    # "pledged" only qualifies the noun, whatever the parse reads
    assert parsed(parser, "She clinched an outright majority of regular, pledged delegates.") == []


@pytest.mark.parametrize(
    "sentence, names",
    [
        # what a noun of likelihood or fear holds is a forecast
        ("There is little chance the ministry will release the files before the election.", []),
        ("Traders see a one-in-three chance that the Harbor Board will hold rates.", []),
        # a commitment in a time clause in the present or present perfect: a condition or a habit
        ("The app lets neighbours swap tools after they have agreed to a price.", []),
        # being committed, a state: a stance
        ("The mayor said the city was committed to a fair and open process.", []),
        ("The city remains committed to the new stadium.", []),
        # a plan in a clause inside another, in a quotation, is no one's plan told
        (
            "“No city has explained what they intend to do about the floods,” said Ana Ruiz.",
            [("Ana Ruiz", "PERSON")],
        ),
    ],
)
def test_a_likelihood_a_condition_or_a_state_of_commitment_is_no_next_step(parser, sentence, names):
    assert parsed(parser, sentence, *names) == []


def test_a_named_subjects_pledge_in_a_time_clause_still_stands(parser):
    sentence = "The county is in play after Lena Ortiz has promised to campaign in every town."
    (commitment,) = parsed(parser, sentence, ("Lena Ortiz", "PERSON"))
    assert commitment.actors == ("Lena Ortiz",) and not commitment.earlier


@pytest.mark.parametrize(
    "sentence",
    [
        "“If the bill passes, she'd be committed to running for the seat,” said Tom Reyes, an aide.",
        "“He plans to sell the farm and move to the coast,” said Tom Reyes.",
    ],
)
def test_a_third_persons_plan_told_in_a_quotation_is_theirs_not_the_speakers(parser, sentence):
    # the speaker says "I" of themself: "he" or "she" is someone the syntax cannot name
    (commitment,) = parsed(parser, sentence, ("Tom Reyes", "PERSON"))
    assert commitment.actors == () and not commitment.earlier


def test_a_pronoun_reported_by_who_is_the_name_who_stands_for(parser):
    sentence = (
        "The panel heard Maria Lopez, a nurse who said she planned to testify at the hearing."
    )
    (commitment,) = parsed(parser, sentence, ("Maria Lopez", "PERSON"))
    assert commitment.actors == ("Maria Lopez",)


@pytest.mark.parametrize(
    "sentence, names, actors",
    [
        (
            "“Ms. Okafor will oversee the inquiry into the port contracts,” the statement said.",
            [("Okafor", "PERSON")],
            ("Okafor",),
        ),
        (
            "“Mr. Lund will chair the new harbour council,” the mayor’s office said.",
            [("Lund", "PERSON")],
            ("Lund",),
        ),
    ],
)
def test_a_named_subjects_will_in_a_quotation_is_their_plan(parser, sentence, names, actors):
    # a statement naming who will act commits them, though quoted
    (commitment,) = parsed(parser, sentence, *names)
    assert (commitment.kind, commitment.actors) == ("planned", actors)


@pytest.mark.parametrize(
    "sentence, names",
    [
        # a habit, not a plan
        (
            "“Ana Ruiz will regularly visit the dam,” he said.",
            [("Ana Ruiz", "PERSON")],
        ),
        # a forecast told by an adjective of likelihood
        (
            "It now seems inevitable that Ms. Okafor will direct her anger at the council.",
            [("Okafor", "PERSON")],
        ),
    ],
)
def test_a_habit_or_a_likely_act_is_no_plan(parser, sentence, names):
    assert parsed(parser, sentence, *names) == []


def test_a_thing_set_to_come_out_is_a_next_step(parser):
    sentence = "She told the panel she is writing a book set to be published in the spring."
    (commitment,) = parsed(parser, sentence)
    assert commitment.kind == "planned" and commitment.actors == ()


@pytest.mark.parametrize(
    "sentence, names, actors",
    [
        # a post taken on, told with "will be"
        (
            "Senator Ruth Alder, a longtime critic of the plan, will be a co-chairman of the budget panel.",
            [("Ruth Alder", "PERSON")],
            ("Ruth Alder",),
        ),
        # "stop" with someone or something to stop
        (
            "“I will stop any sale of the harbour land,” Mayor Ana Ruiz said.",
            [("Ana Ruiz", "PERSON")],
            ("Ana Ruiz",),
        ),
    ],
)
def test_a_post_taken_on_or_a_stop_put_to_something_is_a_plan(parser, sentence, names, actors):
    (commitment,) = parsed(parser, sentence, *names)
    assert (commitment.kind, commitment.actors) == ("planned", actors)


@pytest.mark.parametrize(
    "sentence",
    [
        "The new mayor will be popular with the dock workers.",  # a state, not a post
        "The rain will stop before the parade.",  # a thing, and no object
    ],
)
def test_a_state_or_an_end_is_no_plan(parser, sentence):
    assert parsed(parser, sentence) == []


def test_it_said_by_a_body_is_that_body(parser):
    sentence = "The Harbor Board says it will open a second terminal in the north."
    (commitment,) = parsed(parser, sentence, ("Harbor Board", "ORG"))
    assert commitment.actors == ("Harbor Board",)
    # a person is never "it": what it will do is a thing's, and no plan of hers
    sentence = "Mayor Ana Ruiz said it will release a report on the harbour."
    assert parsed(parser, sentence, ("Ana Ruiz", "PERSON")) == []


def test_not_until_a_day_ahead_sets_the_day(parser):
    (commitment,) = parsed(parser, "The first closures will not begin until 2018.")
    assert commitment.kind == "planned" and not commitment.earlier
    # "until" with no day is a condition, and a bare "not" refuses
    assert parsed(parser, "The new rules will not begin until every member signs.") == []
    assert parsed(parser, "The first closures will not begin in 2018.") == []


def test_a_thing_not_coming_out_until_a_day_ahead_is_scheduled(parser):
    sentence = "The audit of the harbour fund will not be published until March 2017."
    (commitment,) = parsed(parser, sentence)
    assert commitment.kind == "planned" and not commitment.earlier
    assert parsed(parser, "The audit will not be published until the board agrees.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The board wants a director committed to the museum's founding mission.",
        "Many fishermen see the council as only half committed to protecting the bay.",
    ],
)
def test_a_bare_participle_committed_describes_no_commitment(parser, sentence):
    # no auxiliary: "committed" describes a noun, as an adjective would
    assert parsed(parser, sentence) == []


def test_committed_with_its_own_or_a_shared_auxiliary_is_still_a_pledge(parser):
    sentence = "The two port cities have agreed and committed to sharing the dredging costs."
    assert [c.kind for c in parsed(parser, sentence)] == ["pledged"]
    (commitment,) = parsed(parser, "The hospital has committed to opening a clinic in Ashford.")
    assert commitment.kind == "pledged" and not commitment.earlier


def test_a_loyalty_sworn_is_no_pledge_of_an_act(parser):
    sentence = "The rebel commander pledged his allegiance to the new council in March."
    assert parsed(parser, sentence) == []
    (commitment,) = parsed(parser, "The rebel commander pledged his support to the new council.")
    assert commitment.kind == "pledged"


def test_words_a_speaker_quotes_of_others_are_not_the_speakers_promise(parser):
    sentence = (
        "“The members who stand up and said, 'The plan is a mess, but I'm still going to vote "
        "for it, I still back it' -- that is no leadership,” Ana Ruiz told reporters."
    )
    assert parsed(parser, sentence, ("Ana Ruiz", "PERSON")) == []
    (commitment,) = parsed(
        parser, "“I'm going to vote for the levy,” Mayor Ana Ruiz said.", ("Ana Ruiz", "PERSON")
    )
    assert commitment.actors == ("Ana Ruiz",)


def test_a_thing_pledged_to_a_person_is_a_pledge_backing_them_is_not(parser):
    names = [("Ana Ruiz", "PERSON"), ("Tom Reyes", "PERSON")]
    sentence = "Union leader Tom Reyes pledged his vote to Ana Ruiz at next week's congress."
    (commitment,) = parsed(parser, sentence, *names)
    assert commitment.kind == "pledged" and commitment.actors == ("Tom Reyes",)
    assert parsed(parser, "Most of the delegates pledged to Ana Ruiz.", names[0]) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The harbour board will assemble a team of divers to inspect the pier.",
        "The Ashford club will recruit two coaches before the season.",
        "The tenants' union will organize a march on the town hall.",
    ],
)
def test_gathering_people_is_a_deliberate_act(parser, sentence):
    (commitment,) = parsed(parser, sentence)
    assert commitment.kind == "planned"


def test_a_deliberate_act_on_no_object_is_a_refusal(parser):
    assert parsed(parser, "The council will appoint no new judges this year.") == []


def test_a_contest_faced_off_is_a_plan(parser):
    sentence = (
        "Mayor Ana Ruiz is up for a second term in May and will face off with a young lawyer."
    )
    (commitment,) = parsed(parser, sentence, ("Ana Ruiz", "PERSON"))
    assert commitment.kind == "planned" and commitment.actors == ("Ana Ruiz",)
    # facing a thing is what happens to someone, not an act
    assert parsed(parser, "Mayor Ana Ruiz will face tough questions.", ("Ana Ruiz", "PERSON")) == []


def test_a_pledge_of_a_quoted_thing_is_a_pledge(parser):
    sentence = "The minister pledged “swift help” and new money to the flooded towns."
    (commitment,) = parsed(parser, sentence)
    assert commitment.kind == "pledged"


@pytest.mark.parametrize(
    "sentence",
    [
        "The postal ballots of the county will be counted on Tuesday.",
        "Twelve more delegates will be elected at a party meeting next week.",
    ],
)
def test_a_thing_to_be_done_on_a_day_ahead_is_scheduled(parser, sentence):
    # the passive's subject is what is done, not who does it: no actor
    (commitment,) = parsed(parser, sentence)
    assert (commitment.kind, commitment.actors, commitment.earlier) == ("planned", (), False)


@pytest.mark.parametrize(
    "sentence",
    [
        "These are the films that will be talked about today.",  # the article's own day
        "The postal ballots will probably be counted on Tuesday.",  # hedged
        "If the court agrees, the postal ballots will be counted on Tuesday.",  # a condition
        "The postal ballots will be counted, the clerk said, as soon as they arrive.",  # no day
        "“The ballots will be counted on Tuesday,” the clerk said.",  # a quotation
    ],
)
def test_a_passive_will_without_a_day_ahead_or_told_as_a_forecast_is_no_schedule(parser, sentence):
    assert parsed(parser, sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The union's new radio spot, which will run across the county, attacks the plan.",
        "The harbour board's television ad will run during the cup final.",
    ],
)
def test_a_broadcast_that_will_run_is_scheduled(parser, sentence):
    (commitment,) = parsed(parser, sentence)
    assert (commitment.kind, commitment.actors) == ("planned", ())


@pytest.mark.parametrize(
    "sentence",
    [
        "The repair costs will run to several million pounds.",  # not a thing shown
        "The council's ad campaign will run out of money by May.",  # "run out": an outcome
        "The new ad will probably run during the cup final.",  # hedged
    ],
)
def test_other_things_that_will_run_are_no_schedule(parser, sentence):
    assert parsed(parser, sentence) == []


def test_a_merged_commitment_is_told_in_its_clean_wording():
    a = make_article("a", "Norway and Chile agreed to conduct a joint survey of the the fjords.")
    b = make_article("b", "Norway and Chile agreed to conduct a joint survey of the fjords.")
    (item,) = merge_commitments([a, b], {x.id: extract_commitments(x) for x in (a, b)})
    assert item.text == b.text and item.article_id == "b"
    assert item.sources == ("a", "b") and item.garbled is None


def test_a_commitment_told_only_in_garbled_wording_says_why():
    a = make_article(
        "a", "The two cities pledged to explore routes . safe and cheap routes for the ferry."
    )
    (item,) = merge_commitments([a], {"a": extract_commitments(a)})
    assert item.garbled == "a stray full stop"
    assert item.text == a.text and item.sources == ("a",)  # kept, with its source


def test_a_commitment_told_only_with_a_typographic_slip_is_not_garbled():
    a = make_article("a", "The two cities pledged to open a joint ferry line by the the summer.")
    (item,) = merge_commitments([a], {"a": extract_commitments(a)})
    assert item.garbled is None


@pytest.mark.parametrize(
    "sentence, names",
    [
        (
            "Senator Ada Kline will oppose the pipeline bill in committee.",
            [("Ada Kline", "PERSON")],
        ),
        (
            "Governor Ray Hollis is going to defend the budget before the assembly.",
            [("Ray Hollis", "PERSON")],
        ),
        (
            "Mayor Lina Ortiz has said she will support the party's nominee.",
            [("Lina Ortiz", "PERSON")],
        ),
        (
            "The Harbor Authority will continue screening applicants for the housing grants.",
            [("Harbor Authority", "ORG")],
        ),
        ("Dr. Omar Patel will accept the nomination on Thursday.", [("Omar Patel", "PERSON")]),
        ("The union will boycott the hearing.", []),
    ],
)
def test_opposing_defending_supporting_and_accepting_are_deliberate_acts(parser, sentence, names):
    (commitment,) = parsed(parser, sentence, *names)
    assert commitment.kind == "planned" and not commitment.earlier
    assert list(commitment.actors) == [n for n, _ in names]


@pytest.mark.parametrize(
    "sentence",
    [
        # an indirect question: what is asked or weighed, not a plan told
        "The question now is how the mayor will respond to the audit.",
        "The drills give useful information about how a pilot will perform in a storm.",
        "Nobody knows why the council will vote on the plan so late.",
        # what a share of people says, however deep the clause
        "Nearly eight in 10 voters said they have made up their minds on whom they will support.",
        # a noun of belief or reasoning holds the clause
        "The minister's explanation is that she will support a measure she believes cuts costs.",
        "Their estimates of the number of migrants the Senate will admit vary widely.",
        # "of course" of another's act: as sure as "certainly", a forecast
        "Of course the senator is going to defend himself against the charges.",
    ],
)
def test_questions_beliefs_and_sure_forecasts_are_no_next_steps(parser, sentence):
    assert [c for c in parsed(parser, sentence) if not c.earlier] == []


@pytest.mark.parametrize(
    "sentence",
    [
        # a plan told: a verb of telling holds the "how", or it says what is shown
        "He spent the rally talking about how he is going to build a new bridge.",
        "This is how Mayor Ortiz will fund the new clinic.",
        # "of course" of the speaker's own act: an emphatic promise
        "“Of course we are going to release our tax records,” Ortiz said.",
    ],
)
def test_a_plan_told_with_how_or_of_course_is_still_a_next_step(parser, sentence):
    names = [("Ortiz", "PERSON")] if "Ortiz" in sentence else []
    assert [c for c in parsed(parser, sentence, *names) if not c.earlier]


@pytest.mark.parametrize(
    "sentence, names",
    [
        # a particle the parse hangs as an adverb or a preposition still makes the act
        ("Senator Ada Kline will come back to Dayton in November.", [("Ada Kline", "PERSON")]),
        # a "not" that sets aside another thing after the act does not negate it
        (
            "Governor Ray Hollis will debate the mayor on the issues facing the city, not the "
            "mayor's personal life.",
            [("Ray Hollis", "PERSON")],
        ),
    ],
)
def test_a_loose_particle_or_a_contrasting_not_leaves_the_act(parser, sentence, names):
    (commitment,) = parsed(parser, sentence, *names)
    assert not commitment.earlier and list(commitment.actors) == [n for n, _ in names]


def test_a_not_that_negates_the_act_still_refuses(parser):
    sentence = "Governor Ray Hollis is not going to debate the mayor on the budget."
    assert [c for c in parsed(parser, sentence, ("Ray Hollis", "PERSON")) if not c.earlier] == []


@pytest.mark.parametrize(
    "sentence, names",
    [
        # a past date in a clause describing the subject is the subject's past, not the
        # pledge's day, whatever the "will" after it
        ("Senator Ada Kline, who was elected in 2018, will chair the committee.", ["Ada Kline"]),
        (
            "The union, which struck for three weeks in October, will hold a ballot on the offer.",
            [],
        ),
    ],
)
def test_a_past_date_describing_the_subject_leaves_the_commitment_ahead(parser, sentence, names):
    (commitment,) = parsed(
        parser, sentence, *[(n, "PERSON") for n in names], published="2024-12-05"
    )
    assert commitment.earlier is False


def test_a_would_told_years_back_is_an_earlier_pledge(parser):
    # the date lies before the article's day: the "would" does not make it a day ahead
    sentence = "Three years ago, the Harbor Board pledged that it would dredge the channel."
    (commitment,) = parsed(parser, sentence, ("Harbor Board", "ORG"), published="2024-12-05")
    assert commitment.earlier is True


def test_a_day_ahead_before_its_own_articles_day_sets_no_deadline():
    # dates an older dates stage read and a store kept: a past year taken for a day ahead
    # because of the "will" beside it; the plan is still ahead in a story that runs on
    from dataclasses import replace

    a = _dated(
        make_article("a", "The choir, which has sung at the abbey since 1990, will tour Wales."),
        "2024-05-02",
    )
    a.dates = [replace(d, future=True) for d in a.dates]
    b = _dated(make_article("b", "Rain closed the abbey for a week."), "2024-05-20")
    told = {a.id: extract_commitments(a), b.id: []}
    assert [d.label for d in a.dates] == ["1990"] and len(told[a.id]) == 1
    (merged,) = merge_commitments([a, b], told)
    assert merged.earlier is False


# --------------------------------------------------------------------------- the verb's grammar
# A next step is a plan told: the grammar of the commitment's verb rules out what is negated,
# doubted, asked, supposed, a likelihood, an outcome or a state, and a plan since called off.


@pytest.mark.parametrize(
    "sentence",
    [
        # negated on a contracted auxiliary, done by no one, or a negated clause announced
        "The ferry operator doesn't plan to raise its fares this winter.",
        "None of the delegations are scheduled to speak at the closing session.",
        "The museum has announced that it will not reopen the east wing.",
        "The mayor promised that the council won't close the library.",
        # hung on a negated word: what someone is not sure of
        "Many members aren't sure they'll attend the congress in Lyon.",
        # asked or named in a wh-clause
        "Questions remain as to when the governor will sign the budget.",
        "The leaflet lists what the senator promised to do in her first year.",
        # itself the condition of another clause
        "Fares will rise sharply if the operator plans to expand the fleet.",
        # a likelihood told of a thing, only to be so, only to win
        "The final promised to be a tense affair for both clubs.",
        "The new coach vowed to be tougher on discipline.",
        "The challenger vowed to win the county by a wide margin.",
        # an assurance that something is so, and what an adjective says is likely
        "The spokesman pledged that the plant is safe for the workers.",
        "The talks are likely to be held in Oslo.",
        # the start of an outcome, and money already spent
        "The governor will begin to lose support in the northern districts.",
        "About $4 million was spent on the failed bid for the games.",
    ],
)
def test_what_the_verbs_grammar_rules_out_is_no_next_step(parser, sentence):
    assert [c for c in parsed(parser, sentence) if not c.earlier] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The ferry operator plans to raise its fares this winter.",
        "The museum has announced that it will reopen the east wing in May.",
        "The spokesman pledged that the plant will reopen in June.",
        "The company will begin hiring drivers in May.",
        "About $4 million will be invested in the port next year.",
        "The talks will be held in Oslo on October 12.",
        # a "how" a verb of telling holds tells the plan
        "The mayor explained how the city will fund the new bridge.",
    ],
)
def test_the_same_plans_told_outright_stay_next_steps(parser, sentence):
    assert [c for c in parsed(parser, sentence) if not c.earlier] != []


@pytest.mark.parametrize(
    "sentence, earlier",
    [
        ("The club postponed a friendly match scheduled for October 9.", True),
        ("The tour was originally scheduled to include two stops in Lyon.", True),
        # put off to a day the putting off names, it still lies ahead
        ("The club postponed the match scheduled for October 9 until October 16.", False),
    ],
)
def test_a_plan_called_off_or_since_changed_is_background(parser, sentence, earlier):
    (commitment,) = parsed(parser, sentence)
    assert commitment.earlier is earlier


def test_a_group_named_in_apposition_describes_the_subject_and_is_no_actor(parser):
    (commitment,) = parsed(
        parser,
        "Senator Ana Ruiz, the senior Republican on the panel, will hold a hearing on Tuesday.",
        ("Ana Ruiz", "PERSON"),
        ("Republican", "NORP"),
    )
    assert commitment.actors == ("Ana Ruiz",)


def test_will_as_a_name_is_no_modal(parser):
    # the patterns read "will" whatever its case (a headline's "Will" is the modal); the parse
    # tells the name from the modal
    assert parsed(parser, "Will Dunham hosts the morning show.", ("Will Dunham", "PERSON")) == []
    (commitment,) = parsed(
        parser,
        "Columnist Will Dunham will moderate the debate on October 12.",
        ("Will Dunham", "PERSON"),
    )
    assert commitment.actors == ("Will Dunham",)
    assert commitment.what.startswith("will moderate")
