"""How fast the web app serves a big story: the story page of a 50-article story.

    .venv/bin/python bench/web_bench.py [--db /tmp/web_bench.db] [--repeat 30]

Builds (once; reused when --db exists) a store of 50 articles: ten outlets' versions of each
of the five seed articles (shared/corpus/us-mexico-migration-talks), each with its own outlet
and lead line, added with the hashing embedder. Then times, in-process through the ASGI app
(FastAPI TestClient, no network), the story page, the story JSON and an article page, and the
story page again over loopback HTTP against a real uvicorn. Target: story page < 0.3 s.
Writes bench/results/web.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "corpus" / "us-mexico-migration-talks"


def build(db: Path) -> float:
    from corroborate.annotate.nlp import load_spacy
    from corroborate.app.library import add_articles
    from corroborate.app.store import Store
    from corroborate.embed.fake import HashingEmbedder
    from corroborate.read.ingest import iter_inputs

    seed = [a for a in iter_inputs([SEED]) if hasattr(a, "raw")]
    articles = []
    for k in range(10):
        for a in seed:
            a2 = type(a)(
                f"{a.id}-v{k}",
                f"{a.path}#v{k}",
                f"Update {k} from desk {k}.\n\n{a.raw}",
                outlet=f"{a.outlet or 'Outlet'} {k}",
                title=a.title,
                published=a.published,
                url=a.url,
                attrs=dict(a.attrs),
            )
            articles.append(a2)
    store = Store(db)
    started = time.perf_counter()
    add_articles(
        store, articles, nlp=load_spacy(), embedder=HashingEmbedder(), embedder_name="hashing"
    )
    return time.perf_counter() - started


def timed(get, url: str, repeat: int) -> dict[str, float]:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        r = get(url)
        times.append(time.perf_counter() - t)
        assert r.status_code == 200, (url, r.status_code)
    times.sort()
    return {
        "median_s": round(statistics.median(times), 4),
        "p95_s": round(times[int(0.95 * (len(times) - 1))], 4),
        "max_s": round(times[-1], 4),
        "bytes": len(r.content),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=Path("/tmp/web_bench.db"))
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    if not SEED.is_dir():
        print(f"seed corpus not found at {SEED}", file=sys.stderr)
        return 2
    build_s = None
    if not args.db.exists():
        build_s = build(args.db)

    import httpx
    import uvicorn
    from fastapi.testclient import TestClient

    from corroborate.app.server import create_app
    from corroborate.app.store import Store

    store = Store(args.db)
    story = max(store.stories(limit=1000), key=lambda s: s["article_count"])
    first_article = store.story_member_ids(story["id"])[0]
    app = create_app(args.db)
    results: dict[str, object] = {
        "articles_in_story": story["article_count"],
        "build_s": build_s,
        "story_json_bytes": len(json.dumps(store.story(story["id"])["brief"])),
    }
    with TestClient(app) as client:
        client.get(f"/stories/{story['id']}")  # warm the template cache
        results["story_page"] = timed(client.get, f"/stories/{story['id']}", args.repeat)
        results["story_api"] = timed(client.get, f"/api/stories/{story['id']}", args.repeat)
        results["article_page"] = timed(client.get, f"/articles/{first_article}", args.repeat)
        results["story_list"] = timed(client.get, "/", args.repeat)

    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=8799, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    with httpx.Client(base_url="http://127.0.0.1:8799") as http:
        results["story_page_http"] = timed(http.get, f"/stories/{story['id']}", args.repeat)
    server.should_exit = True
    thread.join(timeout=10)

    print(json.dumps(results, indent=2))
    out = ROOT / "bench" / "results" / "web.json"
    out.write_text(json.dumps(results, indent=2) + "\n")
    ok = results["story_page"]["median_s"] < 0.3  # type: ignore[index]
    print("story page:", "OK" if ok else "TOO SLOW", "(< 0.3 s)")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
