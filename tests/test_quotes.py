"""Quotes in one article, with speakers; the same quote lined up across outlets."""

from __future__ import annotations

import pytest

from corroborate.annotate.quotes import extract_quotes, find_quoted_spans
from corroborate.compare.entities import merge_entities, story_person_mentions
from corroborate.compare.quote_alignment import align_quotes, word_diff
from corroborate.embed.fake import HashingEmbedder
from corroborate.model import Mention
from tests.conftest import make_article
from tests.test_entities import tag


def quotes_of(*sentences, people=()):
    article = tag(make_article("a", *sentences), "PERSON", *people)
    return extract_quotes(article)


@pytest.mark.parametrize(
    ("sentence", "quoted"),
    [
        ("He said “we will go home now” and left.", ["we will go home now"]),
        ('He said "we will go home now" and left.', ["we will go home now"]),
        (
            "“A first sentence. And a second one,” she said.",
            ["A first sentence. And a second one,"],
        ),
        (
            "“It was, as he put it, ‘a disaster’ for us,” she said.",
            ["It was, as he put it, ‘a disaster’ for us,"],
        ),
        ("“We will go. “We will stay.” said the translator.", ["We will go. “We will stay."]),
    ],
)
def test_quoted_spans(sentence, quoted):
    assert [sentence[s:e] for s, e in find_quoted_spans(sentence)] == quoted


def test_candidate_quote_pairs_are_those_a_pair_by_pair_reading_finds():
    """:func:`_candidates`: every pair ``i < j`` of quotes of two articles that is close in
    meaning or shares a third of the shorter one's stems, in order, each once."""
    from corroborate.annotate.quotes import QuoteMention
    from corroborate.compare.quote_alignment import SHARED_STEMS, _candidates, _stems_of

    def quote(article_id: str, text: str) -> QuoteMention:
        return QuoteMention(article_id, 0, len(text), text, None, None, 0)

    quotes = [
        quote("a", "We will rebuild the harbour bridge before winter"),
        quote("b", "the harbour bridge will be rebuilt quickly"),
        quote("a", "The harbour bridge matters to everyone here"),
        quote("c", "Nobody expected such heavy rain this year"),
        quote("b", "Bridge funding arrives"),
        quote("c", "Funding for the bridge arrives in winter"),
    ]
    close = {(0, 3): 0.8, (1, 4): 0.9, (2, 3): 0.75}  # the same article's pair is not taken
    expected = []
    for i in range(len(quotes)):
        for j in range(i + 1, len(quotes)):
            a, b = _stems_of(quotes[i].text), _stems_of(quotes[j].text)
            shared = len(a & b) >= SHARED_STEMS * min(len(a), len(b)) and bool(a & b)
            if quotes[i].article_id != quotes[j].article_id and (shared or (i, j) in close):
                expected.append((i, j))
    assert _candidates(quotes, close) == expected
    assert (0, 3) in expected and (0, 2) not in expected and (1, 4) not in expected


@pytest.mark.parametrize(
    ("sentences", "people", "speaker"),
    [
        (["“We are ready to talk at any time,” Ortiz said."], ["Ortiz"], "Ortiz"),
        (
            ["“We are ready to talk at any time,” said Labour Minister Ana Ortiz on Monday."],
            [],
            "Ana Ortiz",
        ),
        (["Ana Ortiz said: “We are ready to talk at any time.”"], ["Ana Ortiz"], "Ana Ortiz"),
        (
            [
                "“They were professionals, but also competitors,” Ana Ortiz, the union's former "
                "chief of staff, said of their time at the plant."
            ],
            ["Ana Ortiz"],
            "Ana Ortiz",
        ),
        (
            [
                "“If the mayor had gone with the plan, I would have been sitting in jail,” Ana "
                "Ortiz, now 81 and retired in the city, said."
            ],
            ["Ana Ortiz"],
            "Ana Ortiz",
        ),
        (
            ["“We are ready to talk at any time,” according to Ana Ortiz."],
            ["Ana Ortiz"],
            "Ana Ortiz",
        ),
        (
            ["“We are ready to talk at any time,” Ana Ortiz told reporters."],
            ["Ana Ortiz"],
            "Ana Ortiz",
        ),
        (
            ["Ana Ortiz said in a statement that “we are ready to talk at any time.”"],
            ["Ana Ortiz"],
            "Ana Ortiz",
        ),
        (
            ["In a post on X, Minister Ana Ortiz stated, “We are ready to talk at any time.”"],
            [],
            "Ana Ortiz",
        ),
        (
            ["Minister Ana Ortiz met the union.", "“We are ready to talk at any time,” she said."],
            [],
            "Ana Ortiz",
        ),
        (
            [
                "“We are ready to talk at any time,” said Ana Ortiz, the labour minister.",
                "“Nobody gains from a strike that lasts for months,” the labour minister said.",
            ],
            ["Ana Ortiz"],
            "Ana Ortiz",
        ),
    ],
)
def test_speakers_from_attributions(sentences, people, speaker):
    quotes = [q for q in quotes_of(*sentences, people=people) if not q.indirect]
    assert quotes and all(q.speaker_name == speaker and q.named for q in quotes)


def test_an_unnamed_spokesperson_is_a_name_without_an_entity():
    (q,) = quotes_of("“Talks will resume on Wednesday morning,” a ministry spokesperson said.")
    assert q.speaker_name == "a ministry spokesperson" and not q.named


def test_a_quote_interrupted_by_its_attribution_is_one_quote():
    text = "“We have made an offer,” Ortiz said. “It stays on the table.”"
    (q,) = quotes_of(text, people=["Ortiz"])
    assert q.text == "We have made an offer, … It stays on the table."
    assert len(q.parts) == 2 and q.speaker_name == "Ortiz"
    assert all(text[s:e] in q.text for s, e in q.parts)


def test_a_quoted_fragment_belongs_to_the_sentence_subject():
    (q,) = quotes_of(
        "Former President Tom Hale has attacked migrants, saying they are “ruining the whole country.”"
    )
    assert q.speaker_name == "Tom Hale"


def test_a_scare_quote_is_not_a_quote():
    assert quotes_of("The so-called “working meeting” ended early.") == []


def test_reported_speech_is_an_indirect_quote():
    (q,) = quotes_of(
        "Ana Ortiz said that the government would not raise its offer.", people=["Ana Ortiz"]
    )
    assert q.indirect and q.speaker_name == "Ana Ortiz"
    assert q.text == "the government would not raise its offer"


def test_an_organisation_or_a_country_reports_speech_too_but_a_recall_is_no_speech():
    article = make_article(
        "a",
        "Norvale Pharma says production at the Brenmoor plant is paused until the cause is found.",
        "Norvale Pharma recalled 14 batches of the tablets on Thursday.",
        "Ana Ortiz recalled that the plant had been inspected twice last year.",
    )
    tag(article, "ORG", "Norvale Pharma")
    tag(article, "PERSON", "Ana Ortiz")
    said = [(q.speaker_name, q.text) for q in extract_quotes(article)]
    assert said == [
        ("Norvale Pharma", "production at the Brenmoor plant is paused until the cause is found"),
        ("Ana Ortiz", "the plant had been inspected twice last year"),
    ]


@pytest.mark.parametrize(
    ("sentence", "reported"),
    [
        (
            "Ana Ortiz insisted Wednesday that the city would not pay the hackers.",
            "the city would not pay the hackers",
        ),
        (
            "Ana Ortiz told Coast FM the city will cover two years of monitoring.",
            "the city will cover two years of monitoring",
        ),
        (
            "Ana Ortiz told a news conference that the talks had failed for now.",
            "the talks had failed for now",
        ),
        (
            "Ana Ortiz said in a statement that the bridge would reopen in May.",
            "the bridge would reopen in May",
        ),
        (
            "Ana Ortiz said Port Alder would never pay any ransom to anyone.",
            "Port Alder would never pay any ransom to anyone",
        ),
    ],
)
def test_reported_words_start_after_whom_and_when_they_were_said(sentence, reported):
    (q,) = quotes_of(sentence, people=["Ana Ortiz"])
    assert q.indirect and q.text == reported


def test_quote_spans_point_into_the_article():
    article = tag(
        make_article("a", "Intro line here.", "“We are ready to talk,” Ana Ortiz said."),
        "PERSON",
        "Ana Ortiz",
    )
    for q in extract_quotes(article):
        assert article.text[q.start : q.end] == q.text


def outlets():
    a = tag(
        make_article(
            "a",
            "Labour Minister Ana Ortiz met the union.",
            "“We have put a fair offer on the table, and it stays there,” Ortiz said.",
            "“This strike is costing the whole region dearly,” said Pedro Lagos.",
        ),
        "PERSON",
        "Ana Ortiz",
        "Pedro Lagos",
    )
    b = tag(
        make_article(
            "b",
            "“We have put a fair offer on the table and it will stay there,” said Minister Ana Ortiz.",
        ),
        "PERSON",
        "Ana Ortiz",
    )
    c = tag(
        make_article("c", "“This strike is costing the whole region dearly,” Ana Ortiz said."),
        "PERSON",
        "Ana Ortiz",
    )
    return [a, b, c]


def aligned(articles, embedder=None):
    people = story_person_mentions(articles)
    entities = merge_entities(articles, people)
    qm = {x.id: extract_quotes(x, people[x.id]) for x in articles}
    return align_quotes(articles, qm, entities, embedder or HashingEmbedder()), entities


def test_the_same_quote_in_two_outlets_is_one_quote_with_two_versions():
    (quotes, _), entities = aligned(outlets())
    offer = next(q for q in quotes if "fair offer" in q.versions[0].text)
    assert [v.article_id for v in offer.versions] == ["a", "b"]
    ortiz = next(e for e in entities if e.name == "Ana Ortiz")
    assert offer.speaker == ortiz.id and offer.speaker_name == "Ana Ortiz"


def test_each_version_carries_the_spans_of_its_words_and_of_its_speaker():
    articles = outlets()
    texts = {a.id: a.text for a in articles}
    (quotes, conflicts), _ = aligned(articles)
    offer = next(q for q in quotes if "fair offer" in q.versions[0].text)
    for v in offer.versions:
        assert texts[v.article_id][v.span.start : v.span.end] == v.text
        assert [p.article_id for p in v.parts] == [v.article_id]
        speaker = v.speaker_span
        assert texts[speaker.article_id][speaker.start : speaker.end] in ("Ortiz", "Ana Ortiz")
    (conflict,) = conflicts
    for claim in conflict.claims:  # where each article names the speaker it gives the words
        named = {texts[s.article_id][s.start : s.end] for s in claim.spans}
        assert {s.article_id for s in claim.spans} == set(claim.article_ids)
        assert named == {claim.value}


def test_the_same_words_given_to_different_speakers_is_an_attribution_conflict():
    (quotes, conflicts), _ = aligned(outlets())
    (conflict,) = conflicts
    assert conflict.kind == "attribution"
    assert sorted(c.value for c in conflict.claims) == ["Ana Ortiz", "Pedro Lagos"]


def test_a_few_words_in_quote_marks_beside_two_people_are_no_attribution_conflict():
    # a catchword or a show's title stands in quote marks beside whoever is near: the same
    # three words given to two people are no outlets disagreeing on who said them
    a = tag(
        make_article("a", "Ana Ortiz called the count “a rigged vote” on Friday."),
        "PERSON",
        "Ana Ortiz",
    )
    b = tag(
        make_article("b", "Pedro Lagos called the count “a rigged vote” on Friday."),
        "PERSON",
        "Pedro Lagos",
    )
    (quotes, conflicts), _ = aligned([a, b])
    assert any(len(q.versions) == 2 for q in quotes)  # one quote, two versions
    assert conflicts == []


def test_two_people_saying_close_things_are_no_attribution_conflict():
    # words alike enough to be lined up as one quote, but not the same words: two endorsements
    a = tag(
        make_article(
            "a",
            "“I strongly support the mayor and strongly endorse his re-election, we need him to "
            "rebuild the city,” Ana Ortiz said.",
        ),
        "PERSON",
        "Ana Ortiz",
    )
    b = tag(
        make_article(
            "b",
            "“I strongly support and endorse the mayor, he is needed to rebuild the city,” "
            "Pedro Lagos said.",
        ),
        "PERSON",
        "Pedro Lagos",
    )
    (quotes, conflicts), _ = aligned([a, b])
    assert [len(q.versions) for q in quotes] == [2]  # lined up as one quote's versions
    assert conflicts == []


def _relay_story(relay_sentence: str):
    a = tag(
        make_article(
            "a",
            "The water ministers of both countries met in Vienna on Tuesday.",
            relay_sentence,
            "“We have turned a corner on the river, and both sides know it,” Brandt said.",
        ),
        "PERSON",
        "Dana Kovac",
        "Leo Brandt",
    )
    b = tag(
        make_article(
            "b",
            "Ministers met in Vienna to settle the river dispute.",
            "“We have turned a corner on the river, and both sides know it,” Dana Kovac said.",
        ),
        "PERSON",
        "Dana Kovac",
    )
    return [a, b]


def test_a_spokesman_relaying_the_ministers_words_is_no_attribution_conflict():
    story = _relay_story(
        "According to a statement from her spokesman Leo Brandt, Minister Dana Kovac praised "
        "the talks."
    )
    (quotes, conflicts), entities = aligned(story)
    (quote,) = [q for q in quotes if "turned a corner" in q.versions[0].text]
    assert {v.article_id for v in quote.versions} == {"a", "b"}
    assert {v.speaker_name for v in quote.versions} >= {"Dana Kovac"}
    assert conflicts == []


def test_other_words_given_to_someone_else_nearby_stay_a_conflict():
    # The other speaker is named beside the quote, but nothing says her words were relayed.
    story = _relay_story("Minister Dana Kovac left early, and Leo Brandt took her seat.")
    (_, conflicts), _ = aligned(story)
    (conflict,) = conflicts
    assert sorted(c.value for c in conflict.claims) == ["Dana Kovac", "Leo Brandt"]


def test_a_surname_and_the_full_name_it_may_stand_for_are_no_attribution_conflict():
    # "Ortiz" is kept apart from "Ana Ortiz" (the story has a Luis Ortiz too), but it may be
    # her: the words are not said to be given to different speakers
    a = tag(
        make_article(
            "a",
            "Ana Ortiz and her husband Luis Ortiz arrived at the rally on Monday.",
            "“We will win this state because the voters want change,” Ana Ortiz said.",
        ),
        "PERSON",
        "Ana Ortiz",
        "Luis Ortiz",
    )
    b = tag(
        make_article(
            "b",
            "The rally drew thousands on Monday night.",
            "“We will win this state because the voters want change,” Ortiz said.",
        ),
        "PERSON",
        "Ortiz",
    )
    (_, conflicts), entities = aligned([a, b])
    assert {e.name for e in entities} >= {"Ana Ortiz", "Ortiz"}  # two entities ...
    assert conflicts == []  # ... that may be one person: no conflict


def test_words_in_a_sentence_that_names_both_people_are_no_attribution_conflict():
    # Article a gives the fragment to the sentence's subject, but the sentence names the other
    # person beside it too: which of the two said it is the reading's guess.
    a = tag(
        make_article(
            "a",
            "The summit ended without a deal on Friday.",
            "Chancellor Ida Morel said she trusted Premier Oskar Lind to keep his word after "
            "the premier threatened to unveil a “new and very powerful weapon.”",
        ),
        "PERSON",
        "Ida Morel",
        "Oskar Lind",
    )
    b = tag(
        make_article(
            "b",
            "Talks broke up on Friday.",
            "Oskar Lind said his army would soon show the world a “new and very powerful weapon.”",
        ),
        "PERSON",
        "Oskar Lind",
    )
    (quotes, conflicts), _ = aligned([a, b])
    (quote,) = [q for q in quotes if "powerful weapon" in q.versions[0].text]
    assert {v.article_id for v in quote.versions} == {"a", "b"}
    assert conflicts == []


def test_a_speaker_read_back_from_sentences_away_makes_no_attribution_conflict():
    # "the mayor said" is read back to the nearest mayor named two sentences before: shown,
    # but not what the outlet wrote beside the words, so no disagreement is claimed on it.
    a = tag(
        make_article(
            "a",
            "Former mayor Hugo Brandt once closed the old ferry pier for a summer.",
            "Years later, Clara Weiss reopened the pier with a new timetable.",
            "“The pier belongs to everyone who lives on this side of the river,” the mayor said.",
        ),
        "PERSON",
        "Hugo Brandt",
        "Clara Weiss",
    )
    b = tag(
        make_article(
            "b",
            "The ferry pier reopened on Sunday.",
            "“The pier belongs to everyone who lives on this side of the river,” Clara Weiss said.",
        ),
        "PERSON",
        "Clara Weiss",
    )
    (quotes, conflicts), _ = aligned([a, b])
    (quote,) = [q for q in quotes if "pier belongs" in q.versions[0].text]
    assert {v.article_id for v in quote.versions} == {"a", "b"}
    assert conflicts == []


def test_word_diff_marks_changed_words():
    assert word_diff("it stays there", "it will stay there") == [
        ("equal", "it"),
        ("delete", "stays"),
        ("insert", "will stay"),
        ("equal", "there"),
    ]
    assert word_diff("Same words.", "same words") == [("equal", "Same words.")]


@pytest.mark.slow
def test_seed_quotes_line_up_across_outlets(nlp, minilm, seed_dir):
    from tests.seed import seed_articles

    articles = seed_articles(nlp, seed_dir)
    (quotes, conflicts), entities = aligned(articles, minilm)
    names = {e.id: e.name for e in entities}

    def quote(snippet, *article_ids):
        hits = [q for q in quotes if any(snippet in v.text for v in q.versions)]
        assert len(hits) == 1, snippet
        q = hits[0]
        assert set(article_ids) <= {v.article_id for v in q.versions}
        return names.get(q.speaker)

    assert quote("coordinated efforts with Mexico", "000", "001") == "Matthew Miller"
    assert quote("three countries", "002", "004") == "Antony Blinken"
    assert quote("poisoning the blood", "002", "004") == "Donald Trump"
    assert all(c.kind == "attribution" for c in conflicts)


@pytest.mark.parametrize(
    "line, quoted",
    [
        (
            "‘We will reopen the bridge by May,’ the minister said.",
            ["We will reopen the bridge by May,"],
        ),
        (
            "The mayor said: 'This is not the end of the matter.'",
            ["This is not the end of the matter."],
        ),
        ("Biden's aides said the workers' union hadn't called.", []),
        ("She called it ‘a disgrace’ and ‘wholly avoidable’.", ["a disgrace", "wholly avoidable"]),
        ("Fans of the '90s band queued for hours.", []),
    ],
)
def test_single_quote_marks_are_quotes_where_an_outlet_uses_them(line, quoted):
    assert [line[s:e] for s, e in find_quoted_spans(line)] == quoted


def test_a_quote_in_single_marks_gets_its_speaker():
    from tests.conftest import make_article

    article = make_article(
        "uk",
        "‘We will reopen the bridge by May,’ Transport Minister Ana Ruiz said on Friday.",
        "Union leader Tom Hale called the plan ‘a disgrace to this city’ in a statement.",
    )
    found = [(q.text, q.speaker_name) for q in extract_quotes(article)]
    assert found == [
        ("We will reopen the bridge by May,", "Ana Ruiz"),
        ("a disgrace to this city", "Tom Hale"),
    ]


def test_only_quotes_another_outlet_could_have_a_version_of_are_embedded():
    class Counting(HashingEmbedder):
        texts: list[str] = []

        def encode(self, texts, *args, **kwargs):
            self.texts.extend(texts)
            return super().encode(texts, *args, **kwargs)

    articles = outlets()
    articles.append(
        tag(
            make_article("d", "“Our bakery sold its last loaf at noon,” Mia Holt said."),
            "PERSON",
            "Mia Holt",
        )
    )
    counting = Counting()
    (quotes, _), _ = aligned(articles, counting)
    assert any("bakery" in q.versions[0].text for q in quotes)  # still a quote
    assert counting.texts and not any("bakery" in t for t in counting.texts)  # never compared


def test_a_last_name_alone_has_the_gender_of_its_full_name():
    """ "Reyes" is the "Daniel Reyes" named before: "she said" is Maria Lopez's, not his."""
    (q,) = quotes_of(
        "Maria Lopez chairs the council.",
        "",
        "Daniel Reyes wrote to the council on Monday.",
        "",
        "Reyes had resigned a week before.",
        "",
        "“We will not give up on the bridge,” she said.",
        people=["Maria Lopez", "Daniel Reyes", "Reyes"],
    )
    assert q.speaker_name == "Maria Lopez"


def test_a_verb_of_saying_with_no_object_beside_a_quote_attributes_it():
    quotes = quotes_of(
        "Ana Ortiz spoke to the union.",
        "“Is the plant really closing for good?” Ortiz continued.",
        people=["Ana Ortiz", "Ortiz"],
    )
    assert [q.speaker_name for q in quotes if not q.indirect] == ["Ortiz"]


@pytest.mark.parametrize(
    "sentences",
    [
        [
            "Union and city officials met on Monday, after which they noted that their talks "
            "were “moving towards an agreement on the plant.”"
        ],
        ["“We are not going to accept any of this plan,” they said."],
        ["The talks went on all night.", "“We will be back on Monday morning,” he said."],
    ],
)
def test_a_pronoun_read_back_to_no_one_is_no_speaker_name(sentences):
    """A reader acts on a name: "they" (or a "he" with no one before) is not shown as one; the
    quote stays."""
    (q,) = [q for q in quotes_of(*sentences) if not q.indirect]
    assert q.speaker_name is None and not q.named and q.cue is not None


def test_a_person_the_ner_tagged_as_an_organisation_is_still_read_back():
    """The NER calls "Reyes" an organisation in one sentence: "Daniel Reyes" is a person, so
    the subject "Reyes" is an antecedent of "he said"."""
    article = make_article(
        "a",
        "Daniel Reyes spoke on Monday.",
        "Tom Hale backed the plan.",
        "Later, Reyes told reporters that the council had failed the town.",
        "“We will not give up on the bridge,” he said.",
    )
    tag(article, "PERSON", "Daniel Reyes", "Tom Hale")
    start = article.text.find("Reyes told")
    article.mentions.append(Mention("a", start, start + 5, "Reyes", "ORG", 2))
    article.mentions.sort(key=lambda m: m.start)
    (q,) = [q for q in extract_quotes(article) if not q.indirect]
    assert q.speaker_name == "Reyes"


def test_a_subject_the_parse_hung_under_the_quote_is_still_an_antecedent():
    """ "Mr. Hale couched it by repeating ‘we assess’": the parse may make the quoted "we assess"
    the sentence's main verb; Mr. Hale is still who the sentence is about."""
    (q,) = [
        q
        for q in quotes_of(
            "Ana Ortiz said the audit was late.",
            "Mr. Hale couched his concern by repeating the agency's phrase - ''we assess'' - "
            "four times. ''We assess it is possible that the files were read,'' he said.",
            people=["Ana Ortiz", "Hale"],
        )
        if not q.indirect and "files" in q.text
    ]
    assert q.speaker_name == "Hale"


@pytest.mark.parametrize(
    "sentence",
    [
        "Maria Lopez said Ana Ortiz was right to urge the workers “to stand up and be counted "
        "at the plant.”",
        "Maria Lopez said union leaders were calling “every fifteen minutes or so.”",
    ],
)
def test_a_quote_inside_what_someone_reports_is_theirs(sentence):
    """The words come to the writer from whoever reports them, not from the person they say
    used a verb of saying."""
    (q,) = [q for q in quotes_of(sentence, people=["Ana Ortiz", "Maria Lopez"]) if not q.indirect]
    assert q.speaker_name == "Maria Lopez"


def test_only_quotes_sharing_words_with_another_articles_quote_are_compared():
    from corroborate.annotate.quotes import QuoteMention
    from corroborate.compare.quote_alignment import _comparable

    def quote(article_id: str, text: str) -> QuoteMention:
        return QuoteMention(article_id, 0, len(text), text, None, None, 0)

    quotes = [
        quote("a", "We will rebuild the harbour bridge before winter"),
        quote("b", "the harbour bridge will be rebuilt quickly"),  # shares three stems with a
        quote("a", "The harbour bridge matters to everyone here"),  # shares with b, same as a
        quote("c", "Nobody expected such heavy rain this year"),  # shares nothing
        quote("b", "Bridge funding arrives"),  # only one stem shared with a's quotes
    ]
    assert _comparable(quotes) == [True, True, True, False, False]


@pytest.mark.parametrize(
    ("sentences", "people", "speaker"),
    [
        (  # a title abbreviated before the name, a description qualifying it alike
            [
                "Coastal Sen. Ana Ortiz toured the harbour on Monday.",
                "“We will rebuild it before winter,” the Coastal senator said.",
            ],
            ["Ana Ortiz"],
            "Ana Ortiz",
        ),
        (  # the word the article describes the person with
            [
                "The ferry company was bought by billionaire Tom Hale last year.",
                "“The ferries will run all night,” the billionaire said.",
            ],
            ["Tom Hale"],
            "Tom Hale",
        ),
        (  # someone else named since: the description is shown as written
            [
                "The ferry company was bought by billionaire Tom Hale last year.",
                "Ana Ortiz, the harbour master, disagreed with the plan.",
                "“The ferries will run all night,” the billionaire said.",
            ],
            ["Tom Hale", "Ana Ortiz"],
            "the billionaire",
        ),
    ],
)
def test_a_description_is_read_back_to_the_one_person_the_article_describes_so(
    sentences, people, speaker
):
    (quote,) = quotes_of(*sentences, people=people)
    assert quote.speaker_name == speaker


def test_the_close_cosine_of_two_quotes_is_the_best_of_their_chunks_and_only_if_close():
    """Each pair of quotes of comparable chunks: the best cosine of their chunks (a quote of
    two sentences is two chunks), kept only where it reaches CLOSE_MEANING."""
    import numpy as np

    from corroborate.compare.quote_alignment import (
        CLOSE_MEANING,
        _chunks,
        _close_cosines,
        _comparable,
    )

    articles = outlets()
    articles.append(
        tag(
            make_article(
                "d",
                "“The whole region is paying dearly for this strike. We offered a fair deal,” "
                "Ana Ortiz said.",
            ),
            "PERSON",
            "Ana Ortiz",
        )
    )
    people = story_person_mentions(articles)
    flat = [q for a in articles for q in extract_quotes(a, people[a.id])]
    embedder = HashingEmbedder()
    close = _close_cosines(flat, embedder)
    comparable = _comparable(flat)
    expected = {}
    for i in range(len(flat)):
        for j in range(i + 1, len(flat)):
            if not (comparable[i] and comparable[j]):
                continue
            a, b = embedder.encode(_chunks(flat[i].text)), embedder.encode(_chunks(flat[j].text))
            best = float(np.max(a.astype(np.float64) @ b.T.astype(np.float64)))
            if best >= CLOSE_MEANING + 1e-4:
                expected[(i, j)] = best
    assert expected and set(close) >= set(expected)
    assert all(v >= CLOSE_MEANING for v in close.values())
    for pair, best in expected.items():
        assert abs(close[pair] - best) <= 1e-4


def test_quotes_aligned_again_with_the_last_brief_kept_are_those_aligned_from_scratch():
    """A story re-briefed after one more article, with its last brief's close chunk pairs and
    judgments kept, lines up the same quotes as a brief from scratch, and reuses both."""
    from corroborate.compare.stage_cache import StageCache

    def align(articles, cache):
        people = story_person_mentions(articles)
        entities = merge_entities(articles, people)
        found = {x.id: extract_quotes(x, people[x.id]) for x in articles}
        return align_quotes(articles, found, entities, HashingEmbedder(), cache, "s1")

    before = outlets()
    after = [
        *before,
        tag(
            make_article(
                "d",
                "“We have put a fair offer on the table, and it will stay,” Ortiz told reporters.",
                "“This strike costs the region dearly,” said the union leader Pedro Lagos.",
            ),
            "PERSON",
            "Ortiz",
            "Pedro Lagos",
        ),
    ]
    cache = StageCache()
    align(before, cache)
    misses = cache.misses
    kept = align(after, cache)
    assert kept == align(after, None)
    assert cache.hits >= 2 and cache.misses == misses  # both pieces found, none missing
    offer = next(q for q in kept[0] if "fair offer" in q.versions[0].text)
    assert [v.article_id for v in offer.versions] == ["a", "b", "d"]


@pytest.mark.parametrize(
    ("lines", "people", "speaker"),
    [
        (  # "her" after the name is the mayor's companion's: "he said" is still Walsh's
            [
                "Ana Ortiz arrived at the plant with Mayor Marty Walsh by her side.",
                "",
                "Walsh spoke after Ben Cruz. “We are all in this together now,” he said.",
            ],
            ["Ana Ortiz", "Marty Walsh", "Walsh", "Ben Cruz"],
            "Walsh",
        ),
        (  # the same, the other way round: "his" after a woman's name is her guest's
            [
                "Tom Baker toured the harbour with Senator Linda Reyes at his side.",
                "",
                "Reyes took the stage after Dan Moss. “The port will reopen by May,” she said.",
            ],
            ["Tom Baker", "Linda Reyes", "Reyes", "Dan Moss"],
            "Reyes",
        ),
    ],
)
def test_a_given_name_and_the_pronoun_after_a_name_that_disagree_tell_no_gender(
    lines, people, speaker
):
    (q,) = quotes_of(*lines, people=people)
    assert q.speaker_name == speaker


def test_a_name_that_only_qualifies_a_subject_is_no_antecedent_of_he():
    """ "The Ortiz campaign answered": the campaign is the subject, no person Ortiz, so "he
    said" after it is not read back to Ortiz."""
    (q,) = quotes_of(
        "Daniel Reyes criticized the plan on Monday.",
        "The Ortiz campaign answered within the hour.",
        "“We will not stand for this kind of politics,” he said.",
        people=["Daniel Reyes", "Reyes", "Ortiz"],
    )
    assert q.speaker_name in (None, "Daniel Reyes")


@pytest.mark.parametrize(
    ("sentences", "people", "reporter"),
    [
        (
            [
                "“This is a sad day for the town,” Daniel Reyes told reporters. “The council has "
                "failed every family here.” Ana Ortiz said she would call a new vote on Friday."
            ],
            ["Daniel Reyes", "Ana Ortiz"],
            "Ana Ortiz",
        ),
        (
            [
                "“The port will reopen next spring, as planned.” Gov. Tom Hale said the state "
                "would pay for the repairs."
            ],
            ["Tom Hale"],
            "Tom Hale",
        ),
    ],
)
def test_a_verb_reporting_its_own_clause_after_a_closed_sentence_is_not_the_quotes(
    sentences, people, reporter
):
    """After a quote that ends its sentence with a full stop, "X said she would ..." reports
    X's own clause: X is that reported speech's speaker, not the quote's."""
    quotes = quotes_of(*sentences, people=people)
    assert [q.speaker_name for q in quotes if q.indirect] == [reporter]
    assert all(q.speaker_name != reporter for q in quotes if not q.indirect)


@pytest.mark.parametrize(
    "sentence",
    [
        "“The council has failed every family here.” Ana Ortiz said on Monday.",
        "“The council has failed every family here,” Ana Ortiz said she believed.",
    ],
)
def test_a_verb_after_a_quote_with_no_clause_of_its_own_or_after_a_comma_attributes_it(sentence):
    (q,) = quotes_of(sentence, people=["Ana Ortiz"])
    assert q.speaker_name == "Ana Ortiz" and not q.indirect


def test_he_after_the_host_spoke_is_not_read_back_to_a_name_before():
    """ "the host said" is someone the text does not name there: a "he" after it is that
    person as likely as the guest named before, so no name is given."""
    quotes = quotes_of(
        "Senator Tom Lopez spoke to the show about the budget.",
        "“We need a plan that works for every family,” Lopez said.",
        "“Do you believe that the vote will pass this week?” the host said.",
        "But he wanted to know: “Who will pay for the bridge in the end?”",
        people=["Tom Lopez", "Lopez"],
    )
    last = [q for q in quotes if not q.indirect][-1]
    assert last.text.startswith("Who will pay") and last.speaker_name != "Lopez"
