"""Sums of money given: measured as what their giver gives, compared only with the same giver's.

A sum that is the object of a verb of giving ("the county will put in $4 million", "Norway
pledged $90 million") measures what the verb's subject gives: two outlets' sums of one giver
are one figure, sums of two givers never are (whatever their verbs and nouns). The giver is
read from the dependency parse of the sentence (the grammar stage's, else parsed here)."""

from __future__ import annotations

import pytest

from corroborate.annotate import quantities
from corroborate.annotate.grammar import parse_sentences
from corroborate.annotate.quantities import extract_quantities, gift_sentences
from corroborate.compare.entities import merge_entities
from corroborate.compare.numbers import compare_numbers
from tests.conftest import make_article, tag_names


def money(sentence: str, *names: tuple[str, str]):
    """The one sum of money of a one-sentence article (names tagged as spaCy would)."""
    article = make_article("a", sentence)
    for label, name in names:
        tag_names(label, article, name)
    (found,) = [q for q in extract_quantities(article) if q.unit in ("USD", "EUR", "GBP")]
    return found


def compare(*texts: str, names: tuple[tuple[str, str], ...] = (), entities: bool = False):
    articles = [make_article(f"a{i}", t) for i, t in enumerate(texts)]
    for a in articles:
        for label, name in names:
            tag_names(label, a, name)
    by_article = {a.id: extract_quantities(a) for a in articles}
    known = merge_entities(articles) if entities else ()
    return compare_numbers(articles, by_article, entities=known)


@pytest.mark.parametrize(
    ("sentence", "giver", "measure"),
    [
        (
            "The county will put in $4 million, officials said.",
            "county",
            "contribution of the county",
        ),
        ("Norway pledged $90 million to the relief fund.", "Norway", "contribution of Norway"),
        (
            "Under the deal the water board has agreed to pay £3 million.",
            "water board",
            "payment of the water board",
        ),
        (
            "The operator engages itself to pay 12 million euros.",
            "operator",
            "payment of the operator",
        ),
        (
            "Officials said the province is expected to spend $30 million.",
            "province",
            "spending of the province",
        ),
        (
            "The regional bank will lend Moldova €60 million for schools.",
            "regional bank",
            "loan of the regional bank for schools",
        ),
        (
            "The charity donated about $250,000 in equipment.",
            "charity",
            "contribution of the charity in equipment",
        ),
        ("The club will only invest €5 million this summer.", "club", "investment of the club"),
        (
            "€7 million will be provided by the regional council, the minister said.",
            "regional council",
            "contribution of the regional council",
        ),
        (
            "The fishing cooperative, which has run the harbour since 2011, will add €2 million.",
            "fishing cooperative",
            "contribution of the fishing cooperative",
        ),
        (
            "With the port authority putting up $6 million, the works can start.",
            "port authority",
            "contribution of the port authority",
        ),
    ],
)
def test_a_sum_given_is_measured_as_what_its_giver_gives(sentence, giver, measure):
    q = money(sentence)
    assert (q.giver, q.measure) == (giver, measure)


def test_a_name_the_giver_ends_in_is_the_giver():
    q = money(
        "The shipping group Halcyon Lines will contribute $15 million.", ("ORG", "Halcyon Lines")
    )
    assert q.giver == "Halcyon Lines" and q.measure == "contribution of Halcyon Lines"


@pytest.mark.parametrize(
    "sentence",
    [
        "It will contribute $5 million, the mayor said.",  # a pronoun names nobody
        "The county will not pay $4 million for the road.",  # nothing is given
        "The insurer refused to pay $2 million to the families.",  # nor here
        "The mayor asked the state to provide $9 million.",  # the state is asked, not giving
        "Each will pay $500 a month.",  # no giver of its own
        "The repairs will cost the county $4 million.",  # a cost, not a gift
        "The county will give another $4 million.",  # a sum more: of what total?
        "The caterer was paid $12,000 for the gala.",  # the one paid, not the payer
        "Ms. Ortiz and her sister gave $40,000 to the museum.",  # both, not the sister
        "Towns that profit from the canal gave $2 million.",  # "the canal" gives nothing
        "A farmer with two large orchards donated $9,000.",  # nor "two large orchards"
        "The mayor will propose spending $8 million on parks.",  # a proposal, no giver
        "The Fund for Rivers pledged $1 million.",  # "Rivers" is the end of a name
        "Repair bills would add up to $3 million by spring.",  # amount to, not give
    ],
)
def test_no_giver_is_read_where_the_text_names_none(sentence):
    assert money(sentence).giver == ""


def test_an_article_that_has_one_giver_give_two_sums_says_of_neither_which_it_is():
    article = make_article(
        "a",
        "The county will give $4 million to the school board.",
        "The county will also give $2 million to the library.",
    )
    assert [q.giver for q in extract_quantities(article)] == ["", ""]


def test_a_time_in_an_aside_about_the_giver_is_not_the_sums_period():
    q = money("Corvel, which has run the ferry line since 2011, will pay $8 million.")
    assert q.period is None


@pytest.mark.parametrize(
    ("sentence", "value", "period"),
    [
        # the figure is in the relative clause too: its commas are a list's
        (
            "The mill, which last year made 900 tonnes of flour, rye bread and 40 cakes, closed.",
            40,
            "last year",
        ),
        # a condition inside the relative clause: the clause goes on after its comma
        (
            "The deal, which if signed by May of next year, will add 12 percent more seats.",
            12,
            "next year",
        ),
    ],
)
def test_a_time_in_the_figures_own_relative_clause_stays_its_period(sentence, value, period):
    (q,) = [q for q in extract_quantities(make_article("a", sentence)) if q.value == value]
    assert q.period == period


def test_dollars_written_after_the_figure_with_us_after_them_are_dollars():
    article = make_article(
        "a", "The operator will pay 45 million dollars US (about 41 million euros)."
    )
    q = extract_quantities(article)[0]
    assert (q.unit, q.value, q.text) == ("USD", 45_000_000, "45 million dollars US")


def test_one_givers_sums_from_two_outlets_conflict_whatever_the_verbs():
    numbers, conflicts = compare(
        "Harlan County will put in $4 million, its treasurer said.",
        "Under the plan, Harlan County will add $6 million and the state the rest.",
    )
    (conflict,) = conflicts
    number = next(n for n in numbers if n.id == conflict.number_id)
    assert [c.text for c in number.claims] == ["$4 million", "$6 million"]
    assert number.measure.endswith("of Harlan County")


def test_a_giver_named_only_by_its_kind_is_one_giver_only_where_one_place_is_told():
    texts = (
        "The campaign spent $2 million on radio ads, filings show.",
        "The campaign spent $5 million on radio ads, filings show.",
    )
    numbers, conflicts = compare(*texts)
    assert conflicts == []
    (both,) = [n for n in numbers if len(n.claims) == 2]
    assert both.verdict == "single_source" and "only by its kind" in both.note
    in_one_place = [f"In Dunmore, {t[0].lower()}{t[1:]}" for t in texts]
    _, conflicts = compare(*in_one_place, names=(("GPE", "Dunmore"),))
    assert len(conflicts) == 1


def test_one_givers_sums_from_two_outlets_agree():
    numbers, conflicts = compare(
        "Norway pledged $90 million, the foreign minister said.",
        "Norway will contribute $90 million to the fund.",
        "The pledge was made on Monday: Norway has committed $90 million.",
    )
    (together,) = [n for n in numbers if len(n.claims) == 3]
    assert together.verdict == "agree" and conflicts == []


def test_sums_of_two_givers_are_never_one_figure():
    numbers, conflicts = compare(
        "The state will spend $40 million on the dam.",
        "The national government will spend $40 million on the dam.",
        "The government will spend $55 million on the dam.",
    )
    assert conflicts == []
    assert all(len(n.claims) == 1 for n in numbers)


def test_a_giver_written_by_its_kind_is_the_one_of_the_place_the_text_is_about():
    texts = (
        "The City of Lanford will put in €15 million, the mayor said.",
        "Lanford will get help: the city will add €20 million to the repairs.",
    )
    numbers, conflicts = compare(*texts, names=(("GPE", "Lanford"),))
    assert len(conflicts) == 1
    (both,) = [n for n in numbers if n.id == conflicts[0].number_id]
    assert {c.text for c in both.claims} == {"€15 million", "€20 million"}


def test_givers_the_story_tells_as_one_entity_are_one_giver():
    texts = (
        "The European Investment Bank will lend Serbia €300 million for railways.",
        "The EIB will lend Serbia €300 million for railways, the bank said.",
    )
    names = (("ORG", "European Investment Bank"), ("ORG", "EIB"), ("GPE", "Serbia"))
    apart, _ = compare(*texts, names=names)
    assert all(len(n.claims) == 1 for n in apart)  # two spellings: nothing says one giver
    together, conflicts = compare(*texts, names=names, entities=True)
    (both,) = [n for n in together if len(n.claims) == 2]
    assert both.verdict == "agree" and conflicts == []


def test_a_loan_and_a_gift_of_one_giver_are_two_sums():
    numbers, conflicts = compare(
        "The fund will lend the city $10 million.",
        "The fund will give the city $12 million.",
    )
    assert conflicts == [] and all(len(n.claims) == 1 for n in numbers)


def test_sums_said_to_be_for_two_things_are_two_sums():
    numbers, conflicts = compare(
        "The agency will provide $3 million in grants.",
        "The agency will provide $8 million in vouchers.",
    )
    assert conflicts == [] and all(len(n.claims) == 1 for n in numbers)


def test_a_givers_sum_and_one_of_whom_nobody_says_are_listed_apart_when_they_differ():
    numbers, conflicts = compare(
        "The trust will give $3 million, the council said.",
        "A further $5 million will come from donors.",
        "It will give $5 million, officials said.",
    )
    assert conflicts == []


@pytest.mark.parametrize(
    ("first", "second", "verdict"),
    [
        # a decided amount is exact as written: 20 million is not 15 rounded
        (
            "The Alder Trust will give €20 million.",
            "The Alder Trust will give €15 million.",
            "conflict",
        ),
        # a decimal keeps its rounding
        (
            "The Alder Trust will give $1.2 billion.",
            "The Alder Trust will give $1.23 billion.",
            "approximately_agree",
        ),
    ],
)
def test_a_sum_given_is_exact_to_the_unit_it_is_written_in(first, second, verdict):
    numbers, _ = compare(first, second)
    (both,) = [n for n in numbers if len(n.claims) == 2]
    assert both.verdict == verdict


def test_sums_of_two_givers_do_not_point_at_each_other():
    numbers, _ = compare(
        "The Alder Trust will give $20 million to the museum.",
        "The Birch Trust will give $25 million to the museum.",
    )
    assert len(numbers) == 2 and all(n.related == () for n in numbers)


@pytest.mark.parametrize(
    ("sentence", "names", "giver"),
    [
        # an aside between the subject and its verb is read past
        (
            "The union, which represents 4,000 dockers, has pledged $250,000 to the fund.",
            (),
            "union",
        ),
        # the sum a noun is of: "a fine" of $2.4 million is paid by its payer
        (
            "Caldera Mining paid a $2.4 million fine to the regulator last week.",
            (("ORG", "Caldera Mining"),),
            "Caldera Mining",
        ),
        # a name in apposition is the giver, not the possessive phrase
        (
            "Its charity arm, the Halden Trust, donated $1 million to the shelter.",
            (("ORG", "Halden Trust"),),
            "Halden Trust",
        ),
        # the name a company is called
        (
            "A shipping firm called Ostrava Freight has pledged €20,000 to the regatta.",
            (("ORG", "Ostrava Freight"),),
            "Ostrava Freight",
        ),
        # a title before a name found by spaCy is not part of the giver
        ("Mr. Okafor also contributed $300,000 to the museum.", (("PERSON", "Okafor"),), "Okafor"),
        # a passive's giver named after "from"
        (
            "The dredging will be paid for with $12 million from the Harbor Authority.",
            (("ORG", "Harbor Authority"),),
            "Harbor Authority",
        ),
        # a sum given to someone named between the verb and the sum
        (
            "Dana Whitcombe lent the theatre company $8,000 in March.",
            (("PERSON", "Dana Whitcombe"),),
            "Dana Whitcombe",
        ),
        # a verb that commits its subject ("is set to")
        (
            "The province will fund the rest, while the utility is set to invest C$200 million.",
            (),
            "utility",
        ),
    ],
)
def test_the_giver_is_read_from_the_parse_of_the_sentence(sentence, names, giver):
    article = make_article("a", sentence)
    for label, name in names:
        tag_names(label, article, name)
    given = [q for q in extract_quantities(article) if q.giver]
    assert [q.giver for q in given] == [giver]


@pytest.mark.parametrize(
    "sentence",
    [
        "About 60 percent of local firms donated $500 to the appeal.",  # a share of many
        "The foundations gave $3 million to the clinic.",  # many givers
        "Residents paid $1,200 a year in fees.",  # many, at the sentence's start
        "The donors who gave $2,700 each were listed in the filing.",  # each of many
        "Nobody has offered $5 million for the site.",  # no one
        "The regional council did not commit the €3 million it had discussed.",  # negated
        "A retired teacher from Ashby donated $40,000 to the library.",  # one of a kind
    ],
)
def test_no_giver_is_read_from_a_parse_that_names_none(sentence):
    assert money(sentence).giver == ""


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("The governor's plan would add $6 billion over a decade, analysts said.", ()),
        ("The senator's proposal provides $400 million for rural hospitals.", ()),
        ("The bill gives the Coast Guard $90 million for new cutters.", ()),
        ("The new budget allocates €45 million to flood defences.", ()),
        # a name spaCy tags as a law is no actor either
        (
            "The Clean Harbors Act provides $30 million for dredging.",
            (("LAW", "the Clean Harbors Act"),),
        ),
    ],
)
def test_a_plan_a_bill_or_a_budget_gives_nothing(sentence, names):
    # what is written or enacted moves money; the one who gives is whoever stands behind it
    assert money(sentence, *names).giver == ""


def test_a_word_of_a_plan_inside_an_organisations_name_is_still_a_giver():
    q = money(
        "The Marshall Plan Trust donated $2 million to the school.", ("ORG", "Marshall Plan Trust")
    )
    assert q.giver == "Marshall Plan Trust"


@pytest.mark.parametrize(
    "sentence",
    [
        "Analysts said the tax cut would add $2 trillion to the national debt.",
        "The mayor added $3 million to the deficit by approving the raises.",
    ],
)
def test_a_sum_added_to_a_deficit_or_debt_is_a_cost_not_a_gift(sentence):
    assert money(sentence).giver == ""


def test_a_sum_added_to_a_fund_is_still_given():
    assert money("The council will add €2 million to the renovation fund.").giver == "council"


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("In Ohio, Our Future Fund spent $800,000 on radio ads.", ()),
        ("Our Future Fund spent $800,000 on radio ads.", ()),
        # spaCy's name may leave the possessive out: it is still the name's first word
        ("In Ohio, Our Future Fund spent $800,000 on radio ads.", (("ORG", "Future Fund"),)),
    ],
)
def test_a_possessive_that_opens_a_proper_name_is_part_of_the_givers_name(sentence, names):
    q = money(sentence, *names)
    assert q.giver == "Our Future Fund"
    assert q.measure == "spending of Our Future Fund on radio ads"


def test_a_possessive_before_a_common_noun_is_not_part_of_the_giver():
    q = money("“Our union paid $5 million in dues,” the organiser said.")
    assert q.giver == "union"


def test_a_sum_told_again_in_brackets_is_not_a_second_sum_of_the_giver():
    article = make_article("a", "The airline will pay $3 million (about £2.4 million) in refunds.")
    assert [(q.text, q.giver) for q in extract_quantities(article)] == [
        ("$3 million", "airline"),
        ("about £2.4 million", ""),
    ]


def test_the_sentences_parsed_for_givers_hold_a_sum_and_a_verb_of_giving():
    article = make_article(
        "a",
        "The trust will donate $2 million to the school.",
        "The school has 400 pupils and gave prizes.",
        "The budget is $9 million.",
        "Ministers pledged 40 million euros on Tuesday.",
    )
    assert gift_sentences(article) == [0, 3]
    article.language = "fr"
    assert gift_sentences(article) == []


def test_the_grammar_stages_parse_is_read_not_parsed_again(parser, monkeypatch):
    article = make_article(
        "a", "Officials said on Monday.", "The county will put in $4 million, its treasurer said."
    )
    article.parses = parse_sentences(article, gift_sentences(article), parser)

    def no_parse(*args, **kwargs):
        raise AssertionError("parsed again")

    monkeypatch.setattr(quantities, "parse_spans_of", no_parse)
    assert [q.giver for q in extract_quantities(article)] == ["county"]
