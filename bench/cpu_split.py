"""Where a brief's CPU time goes, stage by stage, in one process (no worker), on real articles.

    .venv/bin/python bench/cpu_split.py --size 100

The first ``--size`` PolNeAR texts (as ``bench/engines.py`` picks them) are read, run through
spaCy, annotated stage by stage, grouped into stories and briefed, each step timed in CPU
seconds of this process (``time.process_time``: a busy machine stretches wall time, not this).
Inside the briefs, the sentence embedding and each story stage are timed too (nested: the
embedding is counted again inside the stages that call it; ``brief stages less their
embedding`` gives each stage's own work, the embedding it asks for taken out). The stories
are grouped by words, names and numbers, as ``brief`` groups them by default
(``--stories-by-meaning``: with the leads' embeddings too, as ``brief --stories-by-meaning``,
through one cache of vectors shared with the briefs). The numeric libraries run one thread each, as in the local engine's processes.

This says what a two-core brief can reach beside bare spaCy (``bench/throughput.py``): at
best, the sum of the steps spread evenly over the two processes. Results go to
``bench/results/cpu_split.json`` with the command.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from engines import corpus  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

import corroborate.pipeline as pipeline  # noqa: E402
from corroborate.annotate.dates import date_by_story  # noqa: E402
from corroborate.annotate.nlp import annotate_doc, load_spacy  # noqa: E402
from corroborate.embed.load import load_embedder  # noqa: E402
from corroborate.engines.local import KnownVectors  # noqa: E402

STORY_STAGES = (
    "story_person_mentions",
    "merge_entities",
    "extract_quotes",
    "find_copies",
    "split_events",
    "group_facts",
    "summarize",
    "compare_numbers",
    "align_quotes",
    "build_timeline",
    "merge_commitments",
)


EMBEDDING = "brief: embedding (inside the stages below)"


class Clock:
    """CPU seconds per named step, summed over calls; and per step, those of the embedding
    it asked for (:data:`EMBEDDING`, timed inside it), to tell its own work apart."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.embedding_inside: dict[str, float] = {}

    def timed(self, name: str, run: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start, embedded = time.process_time(), self.seconds.get(EMBEDDING, 0.0)
            try:
                return run(*args, **kwargs)
            finally:
                self.seconds[name] = self.seconds.get(name, 0.0) + time.process_time() - start
                inside = self.seconds.get(EMBEDDING, 0.0) - embedded if name != EMBEDDING else 0
                self.embedding_inside[name] = self.embedding_inside.get(name, 0.0) + inside

        return wrapper

    def less_embedding(self, prefix: str) -> dict[str, float]:
        """The steps named from ``prefix`` on, each less the embedding it asked for."""
        return {
            name[len(prefix) :]: round(seconds - self.embedding_inside.get(name, 0.0), 2)
            for name, seconds in self.seconds.items()
            if name.startswith(prefix) and name != EMBEDDING
        }


def split(size: int, by_meaning: bool = False) -> dict[str, Any]:
    clock = Clock()
    nlp, embedder = load_spacy(), load_embedder("minilm")
    embedded = [0]
    encode = clock.timed(EMBEDDING, embedder.encode)

    def counted(texts: Any, *args: Any, **kwargs: Any) -> Any:
        embedded[0] += len(texts)
        return encode(texts, *args, **kwargs)

    embedder.encode = counted  # type: ignore[method-assign]
    for name in STORY_STAGES:
        setattr(pipeline, name, clock.timed(f"brief: {name}", getattr(pipeline, name)))
    with tempfile.TemporaryDirectory() as tmp:
        paths = corpus(size, Path(tmp))
        articles = clock.timed("read", lambda: list(pipeline.read_articles(paths, None, [])))()
        docs = clock.timed("spaCy", lambda: list(nlp.pipe([a.text for a in articles])))()
        # Article by article, as pipeline.annotate_article runs them (its stages then find the
        # article's text in the caches of the few last texts, as in a brief).
        parse = clock.timed("quotes and their parse", annotate_doc)
        stages = [(s, clock.timed(f"stage: {s.name}", s.run)) for s in pipeline.ARTICLE_STAGES]
        for article, doc in zip(articles, docs, strict=True):
            parse(article, doc, also=pipeline.grammar_sentences)
            for stage, run in stages:
                setattr(article, stage.assigns, run(article))
        # One cache of vectors by text for the grouping and the briefs, as the local engine's
        # background embedder keeps: a lead sentence the facts compare too is embedded once.
        known = KnownVectors(embedder, {})
        leads = known if by_meaning else None
        group = clock.timed("group into stories", pipeline.group_stories)
        groups = group(articles, embedder=leads)
        brief = clock.timed("brief the stories", pipeline.brief_story)
        for k, members in enumerate(groups):
            brief(date_by_story(members), known, f"s{k}")
    steps = {k: round(v, 2) for k, v in clock.seconds.items()}
    return {
        "size": size,
        "grouped_by": "words and lead embeddings" if by_meaning else "words alone (lexical)",
        "stories": len(groups),
        "sentences": sum(len(a.sentences) for a in articles),
        "sentences_embedded": embedded[0],
        "cpu_seconds": steps,
        "brief stages less their embedding": clock.less_embedding("brief: "),
        "total_cpu_s": round(sum(v for k, v in steps.items() if not k.startswith("brief:")), 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100)
    parser.add_argument(
        "--stories-by-meaning",
        action="store_true",
        help="group with the leads' embeddings too (as brief --stories-by-meaning)",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "cpu_split.json")
    args = parser.parse_args()
    with threadpool_limits(1):
        result = split(args.size, args.stories_by_meaning)
    flag = " --stories-by-meaning" if args.stories_by_meaning else ""
    result["command"] = f"python bench/cpu_split.py --size {args.size}{flag}"
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
