"""Clustering benchmark: B-cubed quality on real stories mixed with synthetic ones, and the
time and peak memory of clustering 1k, 10k (batch) and 100k (stream) synthetic articles.

    .venv/bin/python bench/cluster_bench.py quality --stories 800 --out bench/results/cluster_quality.json
    .venv/bin/python bench/cluster_bench.py scale 10000 --out bench/results/cluster_scale_10k.json
    .venv/bin/python bench/cluster_bench.py scale 100000 --stream --out bench/results/cluster_stream_100k.json

Synthetic stories: each has a topic, its own people, organisation, town, numbers and date. Its
articles retell a random subset of the story's facts in varied words, padded with sentences
shared by every story of the same topic (two wildfires in two towns look alike on the surface)
and with background sentences naming unrelated people. Some stories get follow-up articles one
to three weeks later. Entity mentions are given as NER would give them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import resource
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SEED = ROOT.parent / "shared" / "corpus" / "us-mexico-migration-talks"

from corroborate.compare.cluster import STREAM, ClusterConfig, StoryClusterer, cluster_stories
from corroborate.embed.load import load_embedder
from corroborate.model import Article, Mention

SYLLABLES = [
    "ka",
    "lo",
    "mer",
    "tan",
    "vi",
    "sel",
    "ro",
    "du",
    "ban",
    "ther",
    "al",
    "cor",
    "fen",
    "gra",
    "hol",
    "is",
    "jun",
    "kel",
    "mar",
    "nor",
    "pel",
    "quin",
    "ras",
    "sor",
    "tul",
    "ven",
    "wyn",
    "zar",
    "bel",
    "dra",
]

TOPICS: dict[str, dict[str, list[str]]] = {
    "fire": {
        "title": [
            "Wildfire forces {n1} to flee near {town}",
            "{town} evacuated as {thing} Fire spreads",
            "Firefighters battle {thing} Fire outside {town}",
        ],
        "facts": [
            "The {thing} Fire had burned {n2} acres near {town} by {day} evening.",
            "About {n1} residents of {town} were ordered to leave their homes on {day}.",
            "{p1}, the {org} fire chief, said crews expected containment to reach {pct} percent.",
            "{p2} told reporters the blaze started near a power line on {road} Road.",
            "Officials in {town} opened a shelter at {place} High School.",
            "The {org} sent {n3} firefighters and {n4} aircraft to the {thing} Fire.",
            "Winds of up to {n4} miles an hour pushed the flames toward {town}.",
        ],
        "filler": [
            "Wildfires have grown more frequent as summers get hotter and drier.",
            "Residents were urged to keep emergency bags packed and follow evacuation orders.",
            "Smoke from the fire drifted over nearby valleys, lowering air quality.",
            "Fire crews worked through the night to protect homes on the edge of the burn area.",
            "Evacuation centers offered cots, meals and shelter for pets.",
        ],
    },
    "transfer": {
        "title": [
            "{club} sign striker {p1} in record deal",
            "{p1} joins {club} from {club2}",
            "{club} land {p1} on deadline day",
        ],
        "facts": [
            "{club} completed the signing of {p1} from {club2} for {n2} million pounds.",
            "{p1}, {age}, signed a {k}-year contract with {club} on {day}.",
            "Manager {p2} said {p1} would make his debut against {club3}.",
            "{p1} scored {n5} goals for {club2} last season.",
            "The fee could rise to {n3} million pounds with add-ons, {org} reported.",
            "{club2} had rejected two earlier bids from {club} in July.",
        ],
        "filler": [
            "The transfer window closes at 11 p.m. on deadline day.",
            "Fans gathered outside the training ground hoping to see the new signing.",
            "Clubs have spent heavily this summer despite financial fair play rules.",
            "The striker passed a medical before putting pen to paper.",
            "Supporters have long called for a proven goalscorer.",
        ],
    },
    "recall": {
        "title": [
            "{org} recalls {thing} tablets over impurity",
            "{thing} recall: what patients need to know",
            "Drugmaker {org} pulls {n1} packs of {thing}",
        ],
        "facts": [
            "{org} is recalling {n5} batches of its medicine {thing} after tests found an impurity.",
            "The recall covers about {n1} packs of {thing} made at a plant in {town}.",
            "{p1}, a spokesperson for {org}, said patients should not stop taking {thing} abruptly.",
            "The {agency} announced the recall on {day}.",
            "{p2}, a pharmacist in {town}, said calls had doubled since the announcement.",
            "Shares in {org} fell {pct} percent after the {thing} recall.",
        ],
        "filler": [
            "Patients are advised to speak to a pharmacist before stopping any medicine.",
            "Regulators have tightened testing for nitrosamine impurities in recent years.",
            "The risk from short-term use is considered very low, experts said.",
            "Pharmacies can exchange affected packs for unaffected stock.",
            "The company said it was cooperating fully with the regulator.",
        ],
    },
    "election": {
        "title": [
            "{p1} wins {town} mayoral race",
            "{town} elects {p1} as mayor",
            "{p1} defeats {p2} in {town} election",
        ],
        "facts": [
            "{p1} of the {org} won the {town} mayoral election with {pct} percent of the vote.",
            "Turnout in {town} was {pct2} percent, officials said on {day}.",
            "{p2}, the incumbent, conceded defeat late on {day}.",
            "{p1} promised to build {n3} new homes in {town} within four years.",
            "The {org} had not held the {town} mayor's office since {year}.",
            "{p1} received {n1} votes against {n2} for {p2}.",
        ],
        "filler": [
            "Polls closed at 8 p.m. and counting continued through the night.",
            "Voters cited housing and public transport as their main concerns.",
            "Campaigning was marked by a series of heated televised debates.",
            "Local elections are often seen as a test of national party support.",
            "Election officials reported no significant problems at polling stations.",
        ],
    },
    "court": {
        "title": [
            "{p1} found guilty of fraud",
            "Jury convicts {p1} in {org} case",
            "{p1} sentenced to {k} years over {org} collapse",
        ],
        "facts": [
            "A jury in {town} found {p1} guilty of defrauding investors in {org}.",
            "Prosecutors said {p1} diverted {n2} million dollars from {org} accounts.",
            "Judge {p2} set sentencing for {month} {dnum}.",
            "{p1} faces up to {k} years in prison on each count.",
            "The trial in {town} lasted {n5} days and heard from {n4} witnesses.",
            "Lawyers for {p1} said they would appeal the verdict delivered on {day}.",
        ],
        "filler": [
            "The courtroom was packed with former investors and reporters.",
            "White-collar fraud cases rarely go to trial, legal experts said.",
            "The defense argued that the losses were the result of market conditions.",
            "Jurors deliberated for several days before reaching a verdict.",
            "Investors have filed civil suits seeking to recover their money.",
        ],
    },
    "quake": {
        "title": [
            "Magnitude {mag} earthquake strikes near {town}",
            "Quake shakes {town}, {n5} dead",
            "Rescuers search rubble after {town} earthquake",
        ],
        "facts": [
            "A magnitude {mag} earthquake struck near {town} early on {day}.",
            "At least {n5} people were killed and {n4} injured in {town}.",
            "{p1}, head of the {org}, said the quake was centered {n4} kilometers deep.",
            "{p2}, the mayor of {town}, said {n3} buildings had collapsed.",
            "Rescue teams from {org} were flown to {town} on {day} night.",
            "Aftershocks of up to magnitude {mag2} rattled {town} for hours.",
        ],
        "filler": [
            "The region sits on an active fault line and earthquakes are common.",
            "Residents spent the night outdoors, fearing aftershocks.",
            "Rescuers used sniffer dogs and thermal cameras to search the rubble.",
            "Hospitals in the area were overwhelmed with the injured.",
            "Building codes have been criticised for being poorly enforced.",
        ],
    },
    "strike": {
        "title": [
            "{org} workers walk out over pay",
            "Strike halts {thing} services in {town}",
            "{union} calls {k}-day strike at {org}",
        ],
        "facts": [
            "Workers at {org} in {town} began a {k}-day strike on {day} over pay.",
            "The {union} said {n1} members had voted to walk out.",
            "{p1}, general secretary of the {union}, demanded a {pct} percent raise.",
            "{org} offered {pct2} percent, which {p1} called an insult.",
            "{p2}, the chief executive of {org}, said the strike would cost {n2} million.",
            "{thing} services in {town} were cancelled during the walkout.",
        ],
        "filler": [
            "Picket lines formed outside the main gates early in the morning.",
            "Unions say wages have failed to keep up with inflation.",
            "Talks between the two sides broke down last week.",
            "Commuters were advised to check before travelling.",
            "The dispute is the latest in a wave of industrial action this year.",
        ],
    },
    "merger": {
        "title": [
            "{org} to buy {org2} for ${n2} billion",
            "{org} agrees takeover of {org2}",
            "{org2} shareholders back {org} deal",
        ],
        "facts": [
            "{org} agreed to buy {org2} for {n2} billion dollars, the companies said on {day}.",
            "The deal values {org2} shares at {n5} dollars each, a {pct} percent premium.",
            "{p1}, chief executive of {org}, said the merger would create a leader in {thing}.",
            "{p2} will remain head of {org2} after the takeover closes.",
            "The combined company will have {n1} employees and headquarters in {town}.",
            "Regulators are expected to review the {org} deal for about {k} months.",
        ],
        "filler": [
            "Deal-making has picked up as interest rates have stabilised.",
            "Analysts said the price looked reasonable given recent earnings.",
            "Shares of both companies rose in early trading.",
            "The takeover still requires approval from competition authorities.",
            "Investment banks advised both companies on the transaction.",
        ],
    },
}

SURNAMES = 1500


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


class Generator:
    """Deterministic synthetic stories and articles."""

    def __init__(self, seed: int = 7, start: date = date(2023, 1, 1)):
        self.rng = random.Random(seed)
        self.start = start
        self.story_count = 0
        # Shared pools: towns, organisations and officials recur across unrelated stories.
        self.towns = [_word(self.rng, self.rng.choice((2, 3))) for _ in range(60)]
        self.orgs = [
            _word(self.rng, 2)
            + " "
            + self.rng.choice(["Group", "Authority", "Corp", "Service", "Party"])
            for _ in range(80)
        ]
        self.officials = [self._name() for _ in range(200)]
        self.past: list[dict] = []

    def _name(self) -> str:
        return f"{_word(self.rng, 2)} {_word(self.rng, self.rng.choice((2, 3)))}"

    def story(self, day: date, topic: str | None = None, stream: bool = False) -> dict:
        """A new story; one in eight is a *sequel*: a new happening of an earlier story's
        topic in the same town with the same organisation and official, months later."""
        rng = self.rng
        sequel = rng.choice(self.past) if self.past and rng.random() < 0.125 else None
        if sequel and stream and sequel["day"] + timedelta(days=60) > day:
            sequel = None  # a stream is in date order: no sequel dated ahead of it
        topic = sequel["topic"] if sequel else (topic or rng.choice(list(TOPICS)))
        town = rng.choice(self.towns)
        slots = {
            "p1": self._name(),
            "p2": rng.choice(self.officials),
            "town": town,
            "org": rng.choice(self.orgs),
            "org2": _word(rng, 3) + " Inc",
            "agency": _word(rng, 2) + " Medicines Agency",
            "union": _word(rng, 2) + " Workers Union",
            "club": _word(rng, 2) + " Rovers",
            "club2": "FC " + _word(rng, 2),
            "club3": _word(rng, 2) + " United",
            "thing": _word(rng, 2),
            "road": _word(rng, 2),
            "place": _word(rng, 2),
            "n1": f"{rng.randint(2, 90) * 100:,}",
            "n2": str(rng.randint(11, 400)),
            "n3": str(rng.randint(20, 900)),
            "n4": str(rng.randint(3, 60)),
            "n5": str(rng.randint(4, 40)),
            "pct": str(rng.randint(5, 60)),
            "pct2": str(rng.randint(20, 80)),
            "age": str(rng.randint(19, 33)),
            "k": str(rng.randint(2, 9)),
            "year": str(rng.randint(1980, 2015)),
            "mag": f"{rng.randint(50, 78) / 10:.1f}",
            "mag2": f"{rng.randint(40, 55) / 10:.1f}",
            "month": rng.choice(["January", "March", "May", "July", "October"]),
            "dnum": str(rng.randint(1, 28)),
            "day": rng.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]),
        }
        if sequel:
            for k in ("town", "org", "p2", "thing", "club", "union"):
                slots[k] = sequel["slots"][k]
            if not stream:
                day = sequel["day"] + timedelta(days=rng.randint(60, 240))
        self.story_count += 1
        story = {"id": f"syn{self.story_count}", "topic": topic, "slots": slots, "day": day}
        self.past = [*self.past[-300:], story]
        return story

    def articles(self, story: dict, count: int) -> list[Article]:
        rng = self.rng
        t = TOPICS[story["topic"]]
        out = []
        for i in range(count):
            published = story["day"] + timedelta(days=rng.choice((0, 0, 1, 1, 2, 3)))
            if i and rng.random() < 0.15:  # a follow-up a week or three later
                published += timedelta(days=rng.randint(7, 21))
            facts = rng.sample(t["facts"], k=min(len(t["facts"]), rng.randint(2, 5)))
            filler = rng.sample(t["filler"], k=rng.randint(3, 5))
            noise = [self._background() for _ in range(rng.randint(16, 30))]
            body = [_vary(rng, s.format(**story["slots"])) for s in facts]
            sentences = body[:2] + _shuffled(rng, body[2:] + filler + noise)
            title = rng.choice(t["title"]).format(**story["slots"])
            article_id = f"{story['id']}_{i}"
            text = "\n".join(sentences)
            article = Article(
                article_id,
                article_id,
                text,
                title=title,
                text=text,
                published=published.isoformat(),
                outlet=_word(rng, 2) + " News",
            )
            article.attrs["gold"] = story["id"]
            article.mentions = _mentions(article_id, text, story["slots"], self._noise_names)
            out.append(article)
        return out

    _noise_names: list[str] = []

    def _background(self) -> str:
        rng = self.rng
        name = self._name()
        self._noise_names = [*self._noise_names[-50:], name]
        templates = [
            "Separately, {name} said the committee would meet again next month to review budgets.",
            "In other news, {name} announced plans for a new community center downtown.",
            "The council, led by {name}, has faced criticism over delays to road repairs.",
            "Earlier this year, {name} warned that costs were rising faster than expected.",
            "Analysts, including {name}, expect the economy to grow modestly this year.",
            "A spokesperson for {name} declined to comment on the matter.",
            "Weather forecasters expect rain later in the week across much of the region.",
            "Traffic was heavier than usual on the main roads into the city on Monday morning.",
            "Prices at the pump rose slightly for the third week in a row.",
            "The museum said its new exhibition had drawn record crowds.",
            "The local school board, chaired by {name}, approved a new timetable.",
        ]
        return rng.choice(templates).format(name=name)

    def mixture(self, stories: int, max_size: int = 10, days: int = 730) -> list[Article]:
        """``stories`` stories of 1..max_size articles (many small, few big), dated over ``days``."""
        out: list[Article] = []
        for _ in range(stories):
            day = self.start + timedelta(days=self.rng.randrange(days))
            size = min(max_size, 1 + int(self.rng.expovariate(1 / 2.5)))
            out.extend(self.articles(self.story(day), size))
        return out

    def stream(self, total: int, per_day: int = 150) -> Iterator[Article]:
        """About ``total`` articles in date order, ``per_day`` a day (bounded buffering)."""
        made = 0
        day = self.start
        while made < total:
            batch: list[Article] = []
            while len(batch) < per_day * 7:
                story = self.story(day + timedelta(days=self.rng.randrange(7)), stream=True)
                batch.extend(self.articles(story, min(10, 1 + int(self.rng.expovariate(1 / 2.5)))))
            batch.sort(key=lambda a: a.published or "")
            yield from batch[: total - made]
            made += len(batch)
            day += timedelta(days=7)


_SYNONYMS = {
    "said": ["told reporters", "stated", "said"],
    "about": ["around", "roughly", "about"],
    "began": ["started", "launched"],
    "ordered": ["told", "ordered"],
    "killed": ["killed", "dead,"],
    "completed": ["finalised", "completed"],
    "announced": ["announced", "disclosed"],
    "agreed": ["agreed", "struck a deal"],
    "homes": ["houses", "homes"],
}


def _vary(rng: random.Random, sentence: str) -> str:
    def swap(m: re.Match[str]) -> str:
        options = _SYNONYMS.get(m.group(0))
        return rng.choice(options) if options and rng.random() < 0.5 else m.group(0)

    return re.sub(r"\b[a-z]+\b", swap, sentence)


def _shuffled(rng: random.Random, items: list[str]) -> list[str]:
    items = list(items)
    rng.shuffle(items)
    return items


LABELS = {
    "p1": "PERSON",
    "p2": "PERSON",
    "town": "GPE",
    "org": "ORG",
    "org2": "ORG",
    "agency": "ORG",
    "union": "ORG",
    "club": "ORG",
    "club2": "ORG",
    "club3": "ORG",
    "place": "FAC",
    "thing": "PRODUCT",
}


def _mentions(article_id: str, text: str, slots: dict, noise: list[str]) -> list[Mention]:
    names = [(slots[k], label) for k, label in LABELS.items()] + [(n, "PERSON") for n in noise]
    found = []
    for name, label in names:
        for m in re.finditer(re.escape(name), text):
            found.append(Mention(article_id, m.start(), m.end(), name, label, 0))
    return sorted(found, key=lambda m: m.start)


# --------------------------------------------------------------------------- the benchmark


def real_articles(use_spacy: bool = True) -> list[Article]:
    """The seed story, the example story and the three test stories, cleaned (and NER'd)."""
    from corroborate.pipeline import prepare
    from corroborate.read.ingest import iter_inputs

    dirs = [
        SEED,
        ROOT / "examples" / "harbour-bridge-closure",
        *sorted((ROOT / "tests" / "data" / "stories").iterdir()),
    ]
    out: list[Article] = []
    for d in dirs:
        if not d.is_dir():
            continue
        for article in prepare(iter_inputs([d], None), []):
            article.attrs["gold"] = d.name
            out.append(article)
    if use_spacy:
        from corroborate.annotate.nlp import annotate, load_spacy

        annotate(out, load_spacy())
    return out


MIXTURES = ROOT / "bench" / "data" / "story-mixtures"


def story_articles() -> list[Article]:
    """Every real or hand-written story, read, annotated as the pipeline does (NER, dates),
    each article's gold story its folder: the seed, the example, the test stories and the
    fictional weeks-long stories and look-alikes of ``bench/data/story-mixtures``."""
    from corroborate.annotate.nlp import annotate, load_spacy
    from corroborate.pipeline import prepare, run_article_stages
    from corroborate.read.ingest import iter_inputs

    dirs = [
        SEED,
        ROOT / "examples" / "harbour-bridge-closure",
        *sorted((ROOT / "tests" / "data" / "stories").iterdir()),
        *sorted(MIXTURES.iterdir()),
    ]
    out: list[Article] = []
    for d in dirs:
        if d.is_dir():
            for article in prepare(iter_inputs([d], None), []):
                article.attrs["gold"] = d.name
                out.append(article)
    annotate(out, load_spacy())
    return [run_article_stages(a) for a in out]


def mixtures(count: int, seed: int, embedder_kind: str | None) -> dict:
    """B-cubed over ``count`` random mixtures of the stories (each mixture 3 stories or more,
    look-alikes often together), in a shuffled order, plus all of them at once; and the check
    that shuffling the order never changes the stories."""
    articles = story_articles()
    embedder = load_embedder(embedder_kind) if embedder_kind else None
    gold = {a.id: a.attrs["gold"] for a in articles}
    names = sorted(set(gold.values()))
    rng = random.Random(seed)
    sets = [names] + [rng.sample(names, rng.randint(3, len(names))) for _ in range(count)]
    scores, same_in_any_order = [], True
    t0 = time.perf_counter()
    for chosen in sets:
        mix = [a for a in articles if a.attrs["gold"] in chosen]
        rng.shuffle(mix)
        pred = cluster_stories(mix, embedder=embedder)
        again = cluster_stories(list(reversed(mix)), embedder=embedder)
        same_in_any_order &= sorted(map(sorted, pred)) == sorted(map(sorted, again))
        scores.append(bcubed(pred, gold))
    everything = cluster_stories(articles, embedder=embedder)
    return {
        "articles": len(articles),
        "stories": len(names),
        "mixtures": len(sets),
        "embedder": embedder_kind,
        "bcubed_all_stories_at_once": scores[0],
        "bcubed_mean_over_mixtures": {
            k: round(sum(s[k] for s in scores) / len(scores), 4) for k in scores[0]
        },
        "bcubed_min_f1": min(s["f1"] for s in scores),
        "same_stories_in_reversed_order": same_in_any_order,
        "predicted_all": [c for c in everything if len(c)],
        "seconds": round(time.perf_counter() - t0, 2),
    }


def bcubed(pred: list[list[str]], gold: dict[str, str]) -> dict[str, float]:
    """B-cubed precision, recall and F1 of predicted clusters against gold labels."""
    cluster_of = {a: i for i, c in enumerate(pred) for a in c}
    members: dict[int, list[str]] = {}
    for a, i in cluster_of.items():
        members.setdefault(i, []).append(a)
    gold_sizes: dict[str, int] = {}
    for a in cluster_of:
        gold_sizes[gold[a]] = gold_sizes.get(gold[a], 0) + 1
    p = r = 0.0
    for a, i in cluster_of.items():
        same = sum(1 for b in members[i] if gold[b] == gold[a])
        p += same / len(members[i])
        r += same / gold_sizes[gold[a]]
    n = len(cluster_of) or 1
    p, r = p / n, r / n
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
    }


def quality(stories: int, seed: int, embedder_kind: str | None, threshold: float | None) -> dict:
    real = real_articles()
    synthetic = Generator(seed=seed, start=date(2023, 6, 1)).mixture(stories)
    articles = real + synthetic
    random.Random(seed).shuffle(articles)
    gold = {a.id: a.attrs["gold"] for a in articles}
    embedder = load_embedder(embedder_kind) if embedder_kind else None
    config = ClusterConfig(threshold=threshold) if threshold else ClusterConfig()
    t0 = time.perf_counter()
    pred = cluster_stories(articles, embedder=embedder, config=config)
    elapsed = time.perf_counter() - t0
    real_ids = {a.id for a in real}
    real_pred = [[a for a in c if a in real_ids] for c in pred]
    real_pred = [c for c in real_pred if c]
    return {
        "articles": len(articles),
        "real_articles": len(real),
        "gold_stories": len(set(gold.values())),
        "predicted_stories": len(pred),
        "embedder": embedder_kind,
        "threshold": config.threshold,
        "all": bcubed(pred, gold),
        "real_only": bcubed(real_pred, gold),
        "real_clusters": [c for c in real_pred],
        "seconds": round(elapsed, 2),
    }


def scale(n: int, seed: int, stream: bool) -> dict:
    """Time and peak memory of clustering ``n`` synthetic articles (one process per n)."""
    gen = Generator(seed=seed, start=date(2023, 1, 1))
    rss0 = _peak_mb()
    if stream:  # articles made on the fly and closed stories drained: memory must stay flat
        clusterer = StoryClusterer(config=STREAM)
        t0 = time.perf_counter()
        c0 = time.process_time()  # CPU: the fairer figure on a shared machine
        gen_time = 0.0
        gen_cpu = 0.0
        closed = 0
        found: list[list[str]] = []
        gold: dict[str, str] = {}
        checkpoints = []
        it = gen.stream(n)
        for i in range(n):
            g0, gc0 = time.perf_counter(), time.process_time()
            article = next(it)
            gen_time += time.perf_counter() - g0
            gen_cpu += time.process_time() - gc0
            gold[article.id] = article.attrs["gold"]
            clusterer.add(article)
            if (i + 1) % 5000 == 0:
                drained = clusterer.drain_closed()
                closed += len(drained)
                found.extend(drained.values())
            if (i + 1) % (n // 5) == 0:
                checkpoints.append(
                    {
                        "articles": i + 1,
                        "peak_rss_mb": _peak_mb(),
                        "open_stories": clusterer.open_stories,
                        "live_articles": clusterer.live_articles,
                        "postings": clusterer.postings,
                        "seconds": round(time.perf_counter() - t0 - gen_time, 2),
                        "cpu_seconds": round(time.process_time() - c0 - gen_cpu, 2),
                    }
                )
                print(json.dumps(checkpoints[-1]), file=sys.stderr, flush=True)
        total = time.perf_counter() - t0 - gen_time
        cpu = time.process_time() - c0 - gen_cpu
        return {
            "n": n,
            "mode": "stream",
            "cluster_seconds": round(total, 2),
            "ms_per_article": round(1000 * total / n, 3),
            "cluster_cpu_seconds": round(cpu, 2),
            "cpu_ms_per_article": round(1000 * cpu / n, 3),
            "peak_rss_mb": _peak_mb(),
            "rss_before_mb": rss0,
            "closed_stories_drained": closed,
            "stories_digest": stories_digest([*found, *clusterer.stories().values()]),
            "bcubed": bcubed([*found, *clusterer.stories().values()], gold),
            "checkpoints": checkpoints,
        }
    articles = gen.mixture(max(1, n // 3), days=365)[:n]
    rss1 = _peak_mb()
    gold = {a.id: a.attrs["gold"] for a in articles}
    t0 = time.perf_counter()
    pred = cluster_stories(articles)
    total = time.perf_counter() - t0
    words = sum(len(a.text.split()) for a in articles) / len(articles)
    return {
        "n": len(articles),
        "mode": "batch",
        "mean_words": round(words),
        "cluster_seconds": round(total, 2),
        "ms_per_article": round(1000 * total / len(articles), 3),
        "peak_rss_mb": _peak_mb(),
        "rss_after_generation_mb": rss1,
        "bcubed": bcubed(pred, gold),
        "stories_digest": stories_digest(pred),
    }


def stories_digest(stories: list[list[str]]) -> str:
    """A short hash of a grouping (its stories as sets of article ids, in any order), to
    check that two runs made the same stories."""
    canonical = sorted(sorted(story) for story in stories)
    return hashlib.sha1(json.dumps(canonical).encode()).hexdigest()[:16]


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    q = sub.add_parser("quality", help="B-cubed on real stories mixed with synthetic ones")
    q.add_argument("--stories", type=int, default=800)
    q.add_argument("--seed", type=int, default=7)
    q.add_argument("--embedder", choices=["minilm", "hashing"], default=None)
    q.add_argument("--threshold", type=float, default=None)
    m = sub.add_parser("mixtures", help="B-cubed on mixtures of real and hand-written stories")
    m.add_argument("--count", type=int, default=30)
    m.add_argument("--seed", type=int, default=3)
    m.add_argument("--embedder", choices=["minilm", "hashing"], default=None)
    s = sub.add_parser("scale", help="time and peak memory for n articles (one process)")
    s.add_argument("n", type=int)
    s.add_argument("--seed", type=int, default=11)
    s.add_argument("--stream", action="store_true")
    for p in (q, m, s):
        p.add_argument("--out", default=None, help="write the JSON result here too")
    args = parser.parse_args()
    if args.cmd == "quality":
        result = quality(args.stories, args.seed, args.embedder, args.threshold)
    elif args.cmd == "mixtures":
        result = mixtures(args.count, args.seed, args.embedder)
    else:
        result = scale(args.n, args.seed, args.stream)
    result["command"] = "python " + " ".join(sys.argv)
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n")


if __name__ == "__main__":
    main()
