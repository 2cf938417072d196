"""The web app: pages and API from the store, escaping, uploads and their limits, load."""

from __future__ import annotations

import asyncio
import re
import socket
import threading
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from corroborate.app.library import add_articles
from corroborate.app.links import safe_url
from corroborate.app.server import create_app, server_config
from corroborate.app.store import Store
from corroborate.app.views import marked_text
from corroborate.embed.fake import HashingEmbedder
from corroborate.model import Article, Rejected
from corroborate.out.render import validate

BRIDGE = (
    "Porthaven's Harbour Bridge was shut on Tuesday after engineers found cracks in its welds. "
    "Mayor Ann Lister said repairs would cost 12 million pounds. "
    "“We will reopen it by May,” Lister said."
)
BRIDGE_2 = (
    "The Harbour Bridge in Porthaven was closed on Tuesday after cracks were found in its welds. "
    "Mayor Ann Lister said the repairs would cost 15 million pounds. "
    "“We will reopen it by June,” Lister said."
)
HOSTILE = (
    "Porthaven's Harbour Bridge was shut on Tuesday <script>window.__pwned=1</script> after "
    "engineers found cracks. Mayor Ann Lister said <img src=x onerror=alert(1)> repairs would "
    'cost 12 million pounds. See <a href="javascript:alert(2)">this</a>.'
)


@pytest.fixture(scope="module")
def built(nlp, tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "web.db"
    store = Store(path)
    articles = [
        Article(
            "b1",
            "b1.txt",
            BRIDGE,
            outlet="Gazette",
            title="Porthaven bridge shut",
            published="2024-03-05",
            url="https://gazette.example/b1",
        ),
        Article(
            "b2",
            "b2.txt",
            BRIDGE_2,
            outlet="Herald",
            title="Porthaven bridge closed",
            published="2024-03-05",
        ),
        Article(
            "evil",
            "evil.txt",
            HOSTILE,
            outlet="<b>Evil</b>",
            title="<script>alert('t')</script>Porthaven bridge",
            published="2024-03-05",
            url="javascript:alert(3)",
        ),
    ]
    add_articles(store, articles, nlp=nlp, embedder=HashingEmbedder(), embedder_name="hashing")
    store.close()
    return path


@pytest.fixture(scope="module")
def client(built, nlp):
    app = create_app(built, models=(nlp, HashingEmbedder()))
    with TestClient(app) as c:
        yield c


def story_id(client: TestClient) -> str:
    stories = client.get("/api/stories").json()["stories"]
    return next(s["id"] for s in stories if s["articles"] >= 2)


def test_story_list_and_search(client):
    page = client.get("/")
    assert page.status_code == 200 and "Porthaven" in page.text
    assert 'type="search"' in page.text
    assert "Porthaven" in client.get("/?q=welds").text
    assert "No story matches" in client.get("/?q=zeppelin").text
    assert client.get("/api/stories?q=lister").json()["stories"]
    assert client.get("/api/stories?q=zeppelin").json()["stories"] == []


UNRELATED = [
    ("t1", "The Larkford council voted on Monday to close the old swimming pool for a year."),
    ("t2", "Heavy snow cut power to 40,000 homes in the northern valleys on Sunday night."),
    ("t3", "The orchestra named Ilse Brandt its first female principal conductor on Friday."),
]


def test_the_story_list_is_paged(nlp, tmp_path, monkeypatch):
    import corroborate.app.server

    store = Store(tmp_path / "paged.db")
    articles = [
        Article(i, f"{i}.txt", text, title=text[:40], published="2024-03-05")
        for i, text in UNRELATED
    ]
    add_articles(store, articles, nlp=nlp, embedder=HashingEmbedder(), embedder_name="hashing")
    store.close()
    monkeypatch.setattr(corroborate.app.server, "STORIES_PER_PAGE", 1)
    with TestClient(create_app(tmp_path / "paged.db", models=(nlp, HashingEmbedder()))) as c:
        assert len(c.get("/api/stories").json()["stories"]) == 3
        first = c.get("/")
        assert first.text.count('<tr><td><a href="/stories/') == 1
        assert 'href="/?page=2"' in first.text and "Newer stories" not in first.text
        middle = c.get("/?page=2")
        assert 'href="/?page=1"' in middle.text and 'href="/?page=3"' in middle.text
        last = c.get("/?page=3")
        assert "Newer stories" in last.text and "Older stories" not in last.text
        assert "No stories on this page" in c.get("/?page=9").text
        assert c.get("/?page=0").status_code == 400  # a page, not JSON
        titles = {
            c.get(f"/?page={n}").text.split('<tr><td><a href="/stories/')[1][:200]
            for n in (1, 2, 3)
        }
        assert len(titles) == 3  # every story on exactly one page


def test_story_page_cites_articles_at_their_sentences(client):
    sid = story_id(client)
    page = client.get(f"/stories/{sid}")
    assert page.status_code == 200
    for section in (
        "summary",
        "facts",
        "coverage",
        "people",
        "quotes",
        "conflicts",
        "numbers",
        "timeline",
        "next",
        "sources",
    ):
        assert f'<section id="{section}">' in page.text
    cites = re.findall(r'href="(/articles/[^"?#]+\?hl=(\d+)-(\d+)#hl)"', page.text)
    assert cites
    href, start, end = cites[0]
    article = client.get(href)
    assert article.status_code == 200
    marked = re.search(r'<a class="anchor" id="hl"></a>(.*?)</span></span>', article.text, re.S)
    assert marked is not None
    data = client.get(href.split("?")[0].replace("/articles/", "/api/articles/")).json()
    cited_text = data["text"][int(start) : int(end)]
    assert cited_text in client.get(f"/api/stories/{sid}").text
    assert 'id="s0"' in article.text  # every sentence is anchored
    # a timeline entry, a next step cites its own sentence; the others telling it come apart
    for section in ("timeline", "next"):
        items = page.text.split(f'<section id="{section}">')[1].split("</section>")[0]
        for entry in re.findall(r"<li>.*?</li>", items, re.S):
            mine = re.split(r"the same (event|commitment), told in their own words:", entry)[0]
            assert len(re.findall(r'class="cite"', mine)) == 1


def test_api_story_is_a_valid_brief_document(client):
    sid = story_id(client)
    doc = client.get(f"/api/stories/{sid}").json()
    validate({k: doc[k] for k in ("schema", "articles", "stories", "rejected")})
    assert doc["stories"][0]["id"] == sid
    assert {a["id"] for a in doc["articles"]} == set(doc["stories"][0]["article_ids"])
    article = client.get("/api/articles/b1").json()
    assert article["story_id"] and article["sentences"] and article["quantities"]
    assert client.get("/api/stories/nope").status_code == 404
    assert client.get("/api/articles/nope").json() == {"detail": "No such article."}
    assert client.get("/openapi.json").status_code == 200


def test_hostile_text_is_escaped_everywhere(client):
    sid = story_id(client)
    for url in ("/", f"/stories/{sid}", "/articles/evil", "/articles/b1"):
        html = client.get(url).text
        assert "<script>alert" not in html and "<script>window" not in html
        assert "<img src=x" not in html and "<b>Evil" not in html
        assert "javascript:" not in html.replace("&#34;javascript:", "")  # only as escaped text
        scripts = re.findall(r"<script[^>]*>", html)
        assert scripts == ['<script src="/static/app.js" defer>']
    evil = client.get("/articles/evil").text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in evil
    assert 'href="javascript' not in evil


def test_security_headers(client):
    response = client.get("/")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://a.example/x", True),
        ("http://a.example", True),
        ("javascript:alert(1)", False),
        ("JAVASCRIPT:alert(1)", False),
        ("data:text/html,hi", False),
        ("//evil.example", False),
        ("https://a.example/\nx", False),
        (None, False),
    ],
)
def test_only_http_urls_are_links(url, safe):
    assert (safe_url(url) is not None) is safe


def test_marked_text_nests_overlapping_marks_inside_sentences():
    text = "Ann said “12 cats”. Bob <b>."
    html = str(
        marked_text(
            text,
            [[0, 19], [20, 28]],
            [(0, 3, "ent", "Ann"), (10, 17, "quote", "q"), (10, 12, "num", "n")],
            (10, 17),
        )
    )
    assert html.startswith('<span class="sent" id="s0"><span class="ent" title="Ann">Ann</span>')
    assert '<a class="anchor" id="hl"></a><span class="quote num cited"' in html
    assert "&lt;b&gt;" in html and html.count('class="sent"') == 2


def test_unknown_ids_and_traversal_are_404(client):
    for url in (
        "/stories/s999",
        "/articles/..%2F..%2Fetc%2Fpasswd",
        "/articles/../../etc/passwd",
        "/articles/a%00b",
        "/stories/" + "x" * 400,
    ):
        response = client.get(url)
        assert response.status_code == 404, url
    assert "No such" in client.get("/stories/s999").text


def test_paste_and_file_uploads_go_through_the_store(client, tmp_path):
    pasted = client.post(
        "/api/upload",
        data={
            "text": BRIDGE + " Ferries will run all summer.",
            "title": "Ferries for Porthaven",
            "outlet": "Courier",
            "url": "https://courier.example/x",
            "published": "2024-03-06",
        },
    )
    assert pasted.status_code == 200, pasted.text
    (aid,) = pasted.json()["added"]
    assert aid.startswith("pasted-ferries-for-porthaven-")
    assert client.get(f"/api/articles/{aid}").json()["outlet"] == "Courier"

    files = [
        ("files", ("../../../../tmp/evil name!.txt", BRIDGE_2 + " Tolls are off.", "text/plain")),
        ("files", ("notes.exe", b"MZ\x00\x00", "application/octet-stream")),
    ]
    uploaded = client.post("/upload", files=files)
    assert uploaded.status_code == 200
    assert "1 added" in uploaded.text and "unsupported file type .exe" in uploaded.text
    stored = client.get("/api/articles/evil-name").json()
    assert stored["path"] == "upload:evil name!.txt"
    assert not Path("/tmp/evil name!.txt").exists()

    again = client.post(
        "/api/upload",
        files=[("files", ("evil name!.txt", BRIDGE_2 + " Tolls are off.", "text/plain"))],
    )
    assert again.json()["unchanged"] == ["evil-name"]


def test_an_upload_never_replaces_an_article_it_only_shares_a_file_name_with(client):
    first = client.post(
        "/api/upload",
        files=[("files", ("dispatch.txt", BRIDGE + " Buses replace trains.", "text/plain"))],
    ).json()
    assert first["added"] == ["dispatch"]
    other = "A heatwave is forecast for the weekend, the weather service said on Friday."
    second = client.post(
        "/api/upload", files=[("files", ("dispatch.txt", other, "text/plain"))]
    ).json()
    (new_id,) = second["added"]
    assert new_id.startswith("dispatch-") and not second["updated"]
    assert "Buses" in client.get("/api/articles/dispatch").json()["text"]
    both = client.post(
        "/api/upload",
        files=[
            (
                "files",
                (
                    "日本語.txt",
                    "The port of Yokohama reopened on Monday after a storm.",
                    "text/plain",
                ),
            ),
            (
                "files",
                (
                    "中文.txt",
                    "Beijing opened a new subway line on Sunday, officials said.",
                    "text/plain",
                ),
            ),
        ],
    ).json()
    assert sorted(both["added"]) == ["中文", "日本語"]


def test_bad_uploads_are_clear_errors(client):
    assert client.post("/api/upload", data={"text": "  "}).status_code == 400
    bad_url = client.post("/api/upload", data={"text": BRIDGE, "url": "javascript:alert(1)"})
    assert bad_url.status_code == 400 and "http" in bad_url.json()["detail"]
    page = client.post("/upload", data={"text": ""})
    assert page.status_code == 400 and "Choose files" in page.text


def test_impossible_dates_and_offsets_are_clear_errors_not_500(client):
    for day in ("2025-02-30", "0000-01-01"):
        bad = client.post("/api/upload", data={"text": BRIDGE, "published": day})
        assert bad.status_code == 400 and "real day" in bad.json()["detail"]
    assert client.get("/api/stories", params={"offset": 2**63}).status_code == 422


def test_changes_from_another_sites_page_are_refused(client):
    refused = client.post(
        "/api/upload", data={"text": BRIDGE}, headers={"origin": "https://evil.example"}
    )
    assert refused.status_code == 403
    same_site = client.post(
        "/api/upload", data={"text": "  "}, headers={"origin": "http://testserver"}
    )
    assert same_site.status_code == 400  # reached the app: an empty text


def test_a_local_server_answers_only_for_its_own_names(built, nlp):
    app = create_app(built, models=(nlp, HashingEmbedder()), allowed_hosts=["localhost"])
    with TestClient(app, base_url="http://localhost:8000") as local:
        assert local.get("/").status_code == 200
        assert local.get("/", headers={"host": "evil.example"}).status_code == 400


def test_head_is_answered_as_get_without_a_body(client):
    head = client.head("/")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-type"].startswith("text/html")


def test_uploads_over_the_limit_are_413(built, nlp):
    app = create_app(built, models=(nlp, HashingEmbedder()), max_body=4096)
    with TestClient(app) as small:
        big = small.post("/api/upload", files=[("files", ("big.txt", "x" * 10_000, "text/plain"))])
        assert big.status_code == 413 and "too large" in big.json()["detail"]
        page = small.post("/upload", data={"text": "y" * 10_000})
        assert page.status_code == 413 and "at most 4 KB per request" in page.text

        def chunks():  # no Content-Length: the limit is counted while reading
            for _ in range(10):
                yield b"z" * 1000

        streamed = small.post(
            "/api/upload", content=chunks(), headers={"content-type": "application/octet-stream"}
        )
        assert streamed.status_code == 413


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_200_concurrent_api_requests_on_a_real_server(built):
    import uvicorn

    port = free_port()
    config = server_config(create_app(built), "127.0.0.1", port, log_level="warning", backlog=512)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server.started

        async def hammer() -> list[int]:
            limits = httpx.Limits(max_connections=200, max_keepalive_connections=0)
            async with httpx.AsyncClient(
                base_url=f"http://127.0.0.1:{port}", limits=limits, timeout=30
            ) as http:
                ids = [s["id"] for s in (await http.get("/api/stories")).json()["stories"]]
                urls = ["/api/stories", *[f"/api/stories/{i}" for i in ids], "/api/articles/b1"]
                responses = await asyncio.gather(
                    *[http.get(urls[n % len(urls)]) for n in range(200)]
                )
                return [r.status_code for r in responses]

        codes = asyncio.run(asyncio.wait_for(hammer(), timeout=60))
        assert codes == [200] * 200
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    assert not thread.is_alive()


def test_api_docs_work_offline_with_swagger_served_locally(tmp_path):
    from fastapi.testclient import TestClient

    from corroborate.app.server import create_app

    client = TestClient(create_app(tmp_path / "docs.db"))
    page = client.get("/docs")
    assert page.status_code == 200
    assert "/static/swagger/swagger-ui-bundle.js" in page.text
    assert "cdn" not in page.text.lower()
    assert "https:" not in page.headers["content-security-policy"]
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200
    assert client.get("/openapi.json").json()["info"]["title"] == "corroborate"


def test_errors_on_pages_are_pages_and_on_the_api_json(client):
    page = client.get("/", params={"page": "abc"})
    assert page.status_code == 400 and page.headers["content-type"].startswith("text/html")
    assert "page" in page.text
    wrong_method = client.delete("/")
    assert wrong_method.status_code == 405 and wrong_method.headers["content-type"].startswith(
        "text/html"
    )
    api = client.get("/api/stories", params={"limit": "abc"})
    assert api.status_code == 422 and api.json()["detail"]


def test_every_entity_an_article_page_links_to_has_its_anchor(client):
    import re

    sid = story_id(client)
    story_page = client.get(f"/stories/{sid}").text
    anchors = set(re.findall(r'id="(e\d+)"', story_page))
    for aid in client.get(f"/api/stories/{sid}").json()["stories"][0]["article_ids"]:
        linked = re.findall(rf'href="/stories/{sid}#(e\d+)"', client.get(f"/articles/{aid}").text)
        assert set(linked) <= anchors


def test_an_upload_to_a_read_only_store_is_a_clear_503_not_a_500(tmp_path, request):
    path = tmp_path / "s.db"
    Store(path).close()
    request.getfixturevalue("read_only")
    app = create_app(path, models=(None, HashingEmbedder()))
    with TestClient(app, raise_server_exceptions=False) as client:
        assert client.get("/").status_code == 200  # it is still read
        api = client.post("/api/upload", data={"text": BRIDGE})
        assert api.status_code == 503 and "read-only" in api.json()["detail"]
        page = client.post("/upload", data={"text": BRIDGE})
        assert page.status_code == 503
        assert "This store is read-only" in page.text and "<form" in page.text


def test_the_story_list_counts_in_the_singular_for_one(tmp_path):
    path = tmp_path / "s.db"
    store = Store(path)
    with store.transaction() as db:
        store.record_rejected(db, Rejected("x.pdf", "PDF files are not supported"))
    store.close()
    with TestClient(create_app(path, models=(None, HashingEmbedder()))) as client:
        page = client.get("/").text
    assert "0 stories from 0 articles · 1 input rejected" in page


@pytest.fixture
def running(tmp_path):
    """A real server (uvicorn, the serve command's settings) with short timeouts: its port."""
    import uvicorn

    path = tmp_path / "s.db"
    Store(path).close()
    port = free_port()
    app = create_app(path, models=(None, HashingEmbedder()))
    config = server_config(
        app, "127.0.0.1", port, header_timeout=0.5, keep_alive=1, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started
    yield port
    server.should_exit = True
    thread.join(timeout=10)


def closed_by_the_server(sock: socket.socket, within: float) -> bool:
    """Whether the server closes the connection within ``within`` seconds (what it sends
    first, if anything, is read and dropped)."""
    sock.settimeout(within)
    try:
        while sock.recv(4096):
            pass
    except TimeoutError:
        return False
    except ConnectionResetError:
        return True
    return True


@pytest.mark.parametrize(
    "sent",
    [b"", b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow"],
    ids=["nothing", "half a request"],
)
def test_a_half_open_connection_is_closed_by_the_server(running, sent):
    with socket.create_connection(("127.0.0.1", running)) as sock:
        sock.sendall(sent)
        assert closed_by_the_server(sock, within=5)


def test_a_request_begun_on_a_kept_alive_connection_must_finish_its_head(running):
    with socket.create_connection(("127.0.0.1", running)) as sock:
        sock.sendall(b"GET /api/stories HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        sock.settimeout(5)
        assert sock.recv(4096).startswith(b"HTTP/1.1 200")
        sock.sendall(b"GET /api/stories HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and no more
        assert closed_by_the_server(sock, within=5)


def test_a_kept_alive_connection_left_idle_is_closed(running):
    with socket.create_connection(("127.0.0.1", running)) as sock:
        sock.sendall(b"GET /api/stories HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        sock.settimeout(5)
        assert sock.recv(4096).startswith(b"HTTP/1.1 200")
        assert closed_by_the_server(sock, within=5)


def test_a_request_sent_in_pieces_within_the_deadline_is_answered(running):
    with socket.create_connection(("127.0.0.1", running)) as sock:
        for piece in (b"GET /api/stories HTTP/1.1\r\n", b"Host: 127.0.0.1\r\n", b"\r\n"):
            sock.sendall(piece)
            time.sleep(0.1)
        sock.settimeout(5)
        assert sock.recv(4096).startswith(b"HTTP/1.1 200")


def test_a_figure_only_the_headline_gives_is_not_marked_in_the_text():
    from corroborate.app.views import _number_marks

    article = {
        "id": "a",
        "quantities": [
            {"start": 0, "end": 4, "measure": "hurt", "in_title": True},
            {"start": 10, "end": 12, "measure": "cats", "in_title": False},
        ],
    }
    assert [mark[:2] for mark in _number_marks(None, article)] == [(10, 12)]
