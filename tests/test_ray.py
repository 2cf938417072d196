"""The Ray engine gives the same brief as the local engine, and a failure rejects one article,
not the job. Each case runs in a fresh interpreter: Ray leaves threads and processes behind
that would change how later tests in this process fork."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import EXAMPLE, ROOT, SEED

pytest.importorskip("ray")
pytestmark = pytest.mark.slow

STORIES = ROOT / "tests" / "data" / "stories"


def _run(code: str, timeout: int = 600) -> dict:
    """Run ``code`` in a fresh interpreter (its last line of output is one JSON document)."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "RAY_AUTH_MODE": "disabled"}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "src"), env.get("PYTHONPATH", "")])
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        cwd=ROOT,
    )
    # the interpreter's own error, not only its exit status, when it fails
    assert out.returncode == 0, out.stderr[-4000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


BOTH_ENGINES = """
import json, sys
from corroborate.annotate.nlp import load_spacy
from corroborate.embed.load import load_embedder
from corroborate.engines.ray import RayEngine
from corroborate.out.render import to_dict
from corroborate.pipeline import build_brief

from corroborate.engines.local import LocalEngine

paths = {paths!r}
meaning = {meaning!r}
local_engine = LocalEngine(load_spacy(), load_embedder(), story_leads=meaning)
local = to_dict(build_brief(paths, engine=local_engine))
with RayEngine(address={address!r}, story_leads=meaning) as engine:
    ray = to_dict(build_brief(paths, engine=engine))
print(json.dumps({{"local": local, "ray": ray}}))
"""


def _corpus() -> list[str]:
    paths = [EXAMPLE, *sorted(p for p in STORIES.iterdir() if p.is_dir())]
    if SEED.is_dir():
        paths.insert(0, SEED)
    return [str(p) for p in paths]


@pytest.mark.parametrize("meaning", [False, True], ids=["by words", "by meaning"])
def test_the_brief_through_ray_is_the_brief_through_the_local_engine(meaning):
    """By default, and with ``--stories-by-meaning`` (the story embeddings: one 256-piece
    pass per article, in the background embedder here, on the driver there)."""
    result = _run(BOTH_ENGINES.format(paths=_corpus(), address=None, meaning=meaning))
    local, ray = result["local"], result["ray"]
    assert len(local["stories"]) >= 4  # the seed, the example and the three test stories
    for part in ("articles", "rejected"):
        assert ray[part] == local[part]
    for mine, theirs in zip(ray["stories"], local["stories"], strict=True):
        for part in ("article_ids", "summary", "facts", "quotes", "numbers", "conflicts"):
            assert mine[part] == theirs[part], part
    assert ray == local


FAILING_ARTICLE = """
import json
import ray.cloudpickle
from corroborate.engines.ray import RayEngine
from corroborate.pipeline import annotate_article
from tests.conftest import make_article

def stage(article, doc):
    if article.id == "b":
        raise ValueError("a stage broke")
    return annotate_article(article, doc)

ray.cloudpickle.register_pickle_by_value(__import__("__main__"))
articles = [make_article(i, f"Article {{i}} says the bridge closed on Monday.") for i in "abc"]
rejected = []
with RayEngine(actors=1) as engine:
    done = engine.annotate(articles, stage, rejected=rejected)
print(json.dumps({{"done": [a.id for a in done], "sentences": [len(a.sentences) for a in done],
                  "rejected": [[r.path, r.reason] for r in rejected]}}))
"""


def test_an_article_a_stage_fails_on_is_rejected_with_the_reason_and_the_job_goes_on():
    result = _run(FAILING_ARTICLE.format())
    assert result == {
        "done": ["a", "c"],
        "sentences": [1, 1],
        "rejected": [["b.txt", "an error while annotating it: ValueError: a stage broke"]],
    }


TWO_NODES = (
    """
import json
from ray.cluster_utils import Cluster
cluster = Cluster(initialize_head=True, head_node_args={{"num_cpus": 1}})
cluster.add_node(num_cpus=1)
try:
"""
    + "\n".join("    " + line for line in BOTH_ENGINES.strip().splitlines())
    + """
finally:
    import ray
    ray.shutdown()
    cluster.shutdown()
"""
)


def test_a_two_node_cluster_gives_the_same_brief_as_the_local_engine():
    code = TWO_NODES.replace("address={address!r}", "address=cluster.address").format(
        paths=[str(EXAMPLE)], meaning=False
    )
    result = _run(code)
    assert result["ray"] == result["local"]
    assert result["ray"]["stories"]


ADD_BOTH_WAYS = """
import json, tempfile
from pathlib import Path
from typer.testing import CliRunner
from corroborate.app.store import Store
from corroborate.cli import app

paths = {paths!r}
briefs = {{}}
with tempfile.TemporaryDirectory() as tmp:
    for engine in ("local", "ray"):
        db = str(Path(tmp) / f"{{engine}}.db")
        result = CliRunner().invoke(app, ["add", *paths, "--db", db, "--engine", engine])
        assert result.exit_code == 0, result.output
        store = Store(db)
        briefs[engine] = {{
            tuple(store.story_member_ids(s)): store.story(s)["brief"]
            for s in [r["id"] for r in store.stories(limit=1000)]
        }}
print(json.dumps({{k: sorted(map(list, v.items())) for k, v in briefs.items()}}))
"""


def test_add_through_ray_stores_the_briefs_the_local_engine_stores():
    paths = [str(EXAMPLE), str(STORIES / "wildfire")]
    result = _run(ADD_BOTH_WAYS.format(paths=paths))
    assert len(result["local"]) >= 2  # the example's story and the wildfire's
    assert result["ray"] == result["local"]
