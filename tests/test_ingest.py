"""Ingest: every kind of input becomes an Article or a Rejected with a human reason."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corroborate.errors import ManifestError
from corroborate.model import Article, Rejected
from corroborate.read.ingest import ingest, iter_inputs, load_manifest, normalize_date

BODY = [
    (
        "The joint efforts of Mexico and the United States to reduce the number of migrants "
        "arriving at their shared border have yielded positive results, officials said on Friday."
    ),
    (
        "A delegation of senior Mexican officials led by Foreign Affairs Minister Alicia Bárcena "
        "traveled to Washington to meet Secretary of State Antony Blinken."
    ),
    (
        "The meeting came three weeks after Mexican and U.S. officials discussed migration in "
        "Mexico City, where they agreed to disrupt human smuggling networks."
    ),
]

PAGE = """<!DOCTYPE html>
<html lang="en-US">
<head>
  <meta charset="utf-8">
  <title>Talks in Washington | Example News</title>
  <meta property="og:title" content="Mexico and US hold migration talks">
  <meta property="og:site_name" content="Example News">
  <meta property="article:published_time" content="2023-12-30T10:00:00Z">
  <link rel="canonical" href="https://news.example.com/world/migration-talks">
</head>
<body>
  <header>
    <nav><ul>
      <li><a href="/">Home</a></li><li><a href="/world">World</a></li>
      <li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe now</a></li>
    </ul></nav>
  </header>
  <main><article>
    <h1>Mexico and US hold migration talks</h1>
    <p>{}</p>
    <p>{}</p>
    <p>{}</p>
  </article></main>
  <footer>
    <p>Copyright 2024 Example News. All rights reserved.</p>
    <ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li></ul>
  </footer>
</body>
</html>
""".format(*BODY)


def write(path: Path, content: str | bytes, encoding: str = "utf-8") -> Path:
    """Write a test input, making its folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode(encoding)
    path.write_bytes(content)
    return path


def write_jsonl(path: Path, *lines: object) -> Path:
    """One line per item: dicts are dumped as JSON, strings written as they are."""
    text = "".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines)
    return write(path, text)


def read_one(*paths: Path | str, manifest: Path | None = None) -> Article | Rejected:
    items = list(iter_inputs(list(paths), manifest=manifest))
    assert len(items) == 1, items
    return items[0]


def read_article(*paths: Path | str, manifest: Path | None = None) -> Article:
    item = read_one(*paths, manifest=manifest)
    assert isinstance(item, Article), item
    return item


def read_rejected(*paths: Path | str, manifest: Path | None = None) -> Rejected:
    item = read_one(*paths, manifest=manifest)
    assert isinstance(item, Rejected), item
    return item


# --------------------------------------------------------------------------------------------
# Text files
# --------------------------------------------------------------------------------------------


def test_text_file_becomes_article_named_by_its_stem(tmp_path: Path) -> None:
    path = write(tmp_path / "000_ap.txt", "\n".join(BODY) + "\n")
    article = read_article(path)
    assert article.id == "000_ap"
    assert article.path == str(path)
    assert article.raw == "\n".join(BODY) + "\n"
    assert article.language == "en"
    assert (article.outlet, article.title, article.published, article.url) == (None,) * 4
    assert article.published_source is None
    assert article.text == ""  # cleaning is the next stage's job


@pytest.mark.parametrize("name", ["notes.md", "README", "story.text", "wire.csv"])
def test_file_of_any_text_extension_is_read_as_text(tmp_path: Path, name: str) -> None:
    article = read_article(write(tmp_path / name, "Bárcena met Blinken."))
    assert article.raw == "Bárcena met Blinken."
    assert article.id == Path(name).stem


def test_utf8_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    article = read_article(write(tmp_path / "bom.txt", "\ufeffBárcena met Blinken."))
    assert article.raw == "Bárcena met Blinken."


def test_utf16_with_byte_order_mark_is_decoded(tmp_path: Path) -> None:
    article = read_article(write(tmp_path / "notepad.txt", "Bárcena met Blinken.", "utf-16"))
    assert article.raw == "Bárcena met Blinken."


def test_latin1_file_is_decoded(tmp_path: Path) -> None:
    text = "Le ministre a déclaré que la réunion était très importante. Señor Muñoz a signé.\n"
    article = read_article(write(tmp_path / "latin.txt", text, "latin-1"))
    assert article.raw == text


def test_short_latin1_file_is_decoded(tmp_path: Path) -> None:
    # Charset detection alone reads this as cp1006 (Urdu); mostly-ASCII text is read as cp1252.
    text = "Alicia Bárcena met Antony Blinken on Friday.\n"
    article = read_article(write(tmp_path / "name.txt", text, "latin-1"))
    assert article.raw == text


def test_cp1252_file_keeps_its_curly_quotes(tmp_path: Path) -> None:
    text = "Miller said the efforts were “demonstrating positive results” at the border.\n"
    article = read_article(write(tmp_path / "win.txt", text, "cp1252"))
    assert article.raw == text


def test_cyrillic_legacy_file_is_decoded_by_charset_detection(tmp_path: Path) -> None:
    text = "Министр иностранных дел Мексики Алисия Барсена встретилась с госсекретарём США.\n"
    article = read_article(write(tmp_path / "ru.txt", text, "cp1251"))
    assert article.raw == text


def test_mojibake_is_repaired(tmp_path: Path) -> None:
    broken = "The cafÃ© near the border was closed, said SeÃ±or MuÃ±oz.\n"
    article = read_article(write(tmp_path / "moji.txt", broken))
    assert article.raw == "The café near the border was closed, said Señor Muñoz.\n"


def test_repair_keeps_curly_quotes_verbatim(tmp_path: Path) -> None:
    text = "“During the meeting,” Miller said, “we noted positive results.”\n"
    assert read_article(write(tmp_path / "quotes.txt", text)).raw == text


# --------------------------------------------------------------------------------------------
# Unreadable files
# --------------------------------------------------------------------------------------------


def test_missing_path_is_rejected(tmp_path: Path) -> None:
    rejected = read_rejected(tmp_path / "nowhere.txt")
    assert rejected.path == str(tmp_path / "nowhere.txt")
    assert rejected.reason == "no such file or folder"


def test_empty_file_is_rejected(tmp_path: Path) -> None:
    assert read_rejected(write(tmp_path / "empty.txt", "")).reason == "empty file (0 bytes)"


def test_whitespace_only_file_is_rejected(tmp_path: Path) -> None:
    rejected = read_rejected(write(tmp_path / "blank.txt", "  \n\t\n \r\n"))
    assert rejected.reason == "file holds only whitespace, no text"


def test_binary_file_is_rejected(tmp_path: Path) -> None:
    rejected = read_rejected(write(tmp_path / "blob.dat", b"\x00\x01\x02binary\x00\xff" * 20))
    assert "binary file" in rejected.reason
    assert "NUL bytes" in rejected.reason


def test_control_character_soup_is_rejected_as_not_text(tmp_path: Path) -> None:
    rejected = read_rejected(write(tmp_path / "noise.txt", bytes(range(1, 32)) * 8 + b"\xff"))
    assert "does not look like text" in rejected.reason


def test_pdf_is_rejected_with_a_hint(tmp_path: Path) -> None:
    rejected = read_rejected(write(tmp_path / "report.pdf", b"%PDF-1.7\n..."))
    assert rejected.reason.startswith("PDF files are not supported; convert to text or HTML first")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("photo.png", "images (.png) are not supported; corroborate reads text"),
        ("photo.JPG", "images (.jpg) are not supported"),
        ("story.docx", "word-processor documents (.docx) are not supported; save as plain text"),
        ("corpus.zip", "archives (.zip) are not supported; unpack the archive and pass the folder"),
    ],
)
def test_binary_kinds_are_rejected_by_extension(tmp_path: Path, name: str, expected: str) -> None:
    rejected = read_rejected(write(tmp_path / name, b"whatever"))
    assert rejected.reason.startswith(expected)


def test_pdf_under_a_text_name_is_recognised_by_its_content(tmp_path: Path) -> None:
    rejected = read_rejected(write(tmp_path / "story.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"))
    assert rejected.reason.startswith("the file is really PDF (though named .txt)")
    assert "PDF files are not supported" in rejected.reason


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------


def test_html_main_text_is_extracted_without_boilerplate(tmp_path: Path) -> None:
    article = read_article(write(tmp_path / "page.html", PAGE))
    assert article.id == "page"
    for paragraph in BODY:
        assert paragraph in article.raw.splitlines()
    for junk in ("Home", "Sport", "Subscribe now", "Privacy policy", "All rights reserved"):
        assert junk not in article.raw
    assert "<p>" not in article.raw


def test_html_metadata_is_read_from_meta_tags(tmp_path: Path) -> None:
    article = read_article(write(tmp_path / "page.htm", PAGE))
    assert article.title == "Mexico and US hold migration talks"
    assert article.outlet == "Example News"
    assert article.published == "2023-12-30"
    assert article.published_source == "html"
    assert article.url == "https://news.example.com/world/migration-talks"
    assert article.language == "en"


def test_html_language_comes_from_the_html_tag(tmp_path: Path) -> None:
    page = PAGE.replace('lang="en-US"', 'lang="fr-FR"')
    assert read_article(write(tmp_path / "fr.html", page)).language == "fr"


@pytest.mark.parametrize(
    "html_tag, locale, expected",
    [
        ('<html lang="en-US">', None, ("en", "US")),
        ('<html lang="en-gb">', None, ("en", "GB")),
        ('<html lang="en_CA">', None, ("en", "CA")),
        ('<html lang="zh-Hant-TW">', None, ("zh", "TW")),
        ('<html lang="en-GB-oxendict">', None, ("en", "GB")),
        ('<html lang="es-419">', None, ("es", "419")),
        ('<html lang="en">', None, ("en", None)),
        # the Open Graph locale gives the region when the tag gives none
        ('<html lang="en">', "en_AU", ("en", "AU")),
        ("<html>", "en_NZ", ("en", "NZ")),  # English, the readers' default, until words tell
        ('<html lang="en-IE">', "en_US", ("en", "IE")),  # the page's own tag first
        ('<html lang="fr">', "en_GB", ("fr", None)),  # a locale of another language
    ],
)
def test_html_language_keeps_the_region_of_its_tag(
    tmp_path: Path, html_tag: str, locale: str | None, expected: tuple[str, str | None]
) -> None:
    page = PAGE.replace('<html lang="en-US">', html_tag)
    if locale:
        page = page.replace("<title>", f'<meta content="{locale}" property="og:locale">\n  <title>')
    article = read_article(write(tmp_path / "page.html", page))
    assert (article.language, article.region) == expected


@pytest.mark.parametrize(
    "page",
    [
        '<html><body><div id="app"></div><script>render()</script></body></html>',
        "<html><head><title>Only a title</title></head><body></body></html>",
        (
            '<html><body><nav><ul><li><a href="/">Home</a></li><li><a href="/w">World</a></li>'
            "</ul></nav><footer>Copyright 2024</footer></body></html>"
        ),
    ],
)
def test_html_page_without_main_text_is_rejected(tmp_path: Path, page: str) -> None:
    rejected = read_rejected(write(tmp_path / "app.html", page))
    assert rejected.reason.startswith("no main text found in the HTML page")


def test_html_in_a_legacy_encoding_follows_its_meta_charset(tmp_path: Path) -> None:
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    article = read_article(write(tmp_path / "legacy.html", page, "cp1252"))
    assert "Alicia Bárcena" in article.raw


HTML_PAGES = Path(__file__).parent / "data" / "html"


def _page(name: str) -> Article:
    return read_article(HTML_PAGES / f"{name}.html")


@pytest.mark.parametrize("name", ["table_layout_old_site", "layout_table_nested"])
def test_a_page_laid_out_in_tables_gives_its_article(name: str) -> None:
    # read as tables, these pages gave nothing (precision mode) or one cell of a row
    article = _page(name)
    gold = (HTML_PAGES / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    for paragraph in gold:
        assert paragraph in article.raw.splitlines()


def test_a_data_table_comes_as_rows_that_cleaning_sets_aside() -> None:
    from corroborate.read.clean import clean_article

    article = clean_article(_page("data_table_article"))
    rows_read = [line.strip() for line in article.raw.splitlines()]
    assert "| Maya Lindqvist | Green | 1,412 | 38.9% |" in rows_read
    rows = [r.text for r in article.removed if r.reason == "table"]
    assert "| Tom Hughes | Labour | 1,198 | 33.0% |" in rows
    assert "|" not in article.text


def test_unwrap_layout_tables_keeps_data_tables() -> None:
    from lxml import html

    from corroborate.read.ingest import unwrap_layout_tables

    prose = " ".join(["word"] * 40)
    tree = html.fromstring(
        "<html><body><table><tr><td>menu</td><td><p>" + prose + "</p>"
        "<table><tr><td>Walsh</td><td>Kerr</td></tr></table></td></tr></table></body></html>"
    )
    unwrap_layout_tables(tree)
    assert [t.xpath("string()") for t in tree.iter("table")] == ["WalshKerr"]
    assert not tree.xpath("//tr[not(ancestor::table)]")


def test_a_precise_text_that_lost_half_the_article_gives_way_to_the_default() -> None:
    # the feature's opening paragraphs sit in its <header>, which precision mode prunes
    article = _page("feature_intro_in_header")
    assert article.raw.count("Bravo Two") >= 2
    assert "At ten past eleven on a Tuesday night" in article.raw


def test_html_saved_as_txt_is_read_as_html(tmp_path: Path) -> None:
    article = read_article(write(tmp_path / "scraped.txt", PAGE))
    assert article.raw.splitlines()[-1] == BODY[-1]
    assert "Privacy policy" not in article.raw
    assert article.outlet == "Example News"


# --------------------------------------------------------------------------------------------
# JSONL and JSON
# --------------------------------------------------------------------------------------------


def test_jsonl_records_become_articles(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "feed.jsonl",
        {
            "id": "ap-1",
            "text": BODY[0],
            "url": "https://apnews.example/1",
            "outlet": "AP",
            "title": "Talks",
            "published": "2023-12-30T10:00:00Z",
            "language": "en-US",
            "section": "World",
            "tags": ["migration"],
        },
        {"id": 7, "text": BODY[1], "language": "es"},
    )
    first, second = ingest([path])[0]
    assert (first.id, first.path, first.raw) == ("ap-1", f"{path}#0", BODY[0])
    assert (first.url, first.outlet, first.title) == ("https://apnews.example/1", "AP", "Talks")
    assert (first.published, first.published_source, first.language) == (
        "2023-12-30",
        "record",
        "en",
    )
    assert first.attrs == {"section": "World", "tags": ["migration"]}
    assert first.region == "US"
    assert (second.id, second.path, second.language, second.region) == (
        "7",
        f"{path}#1",
        "es",
        None,
    )


def test_record_date_is_read_in_the_record_language(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "efe.jsonl",
        {"id": "efe", "published": "30 de diciembre de 2023", "text": "Texto.", "language": "es"},
    )
    article = read_article(path)
    assert (article.language, article.published) == ("es", "2023-12-30")


def test_jsonl_broken_line_in_the_middle_is_rejected_and_the_rest_read(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "feed.jsonl",
        {"id": "a", "text": "First."},
        '{"id": "b", "text": "Second.',
        "",
        {"id": "c", "text": "Third."},
    )
    items = list(iter_inputs([path]))
    assert [type(item).__name__ for item in items] == ["Article", "Rejected", "Article"]
    broken = items[1]
    assert broken.path == f"{path}#1"
    assert broken.reason == (
        "line 2 is not valid JSON: Unterminated string starting at column 21; "
        "the other lines are still read"
    )
    assert items[2].path == f"{path}#3"  # the fragment counts lines, blank ones included


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ({"text": "No id."}, "line 1 has no 'id'; give every record a unique string 'id'"),
        ({"id": "", "text": "Empty id."}, "line 1 has no 'id'"),
        ({"id": ["x"], "text": "List id."}, "line 1: the 'id' is a JSON array"),
        ({"id": "x"}, "record 'x' has no 'text' or 'html' to read (keys found: id)"),
        (
            {"id": "x", "body": "..."},
            "record 'x' has no 'text' or 'html' to read (keys found: id, body)",
        ),
        ({"id": "x", "text": "   "}, "record 'x' has empty text"),
        ({"id": "x", "text": ["a"]}, "record 'x': 'text' must be a string, not a JSON array"),
        ([1, 2], "line 1 holds a JSON array, not an object with 'id' and 'text'"),
        ("null", "line 1 holds a JSON null, not an object"),
    ],
)
def test_jsonl_record_without_id_or_text_is_rejected(
    tmp_path: Path, line: object, expected: str
) -> None:
    rejected = read_rejected(write_jsonl(tmp_path / "bad.jsonl", line))
    assert rejected.reason.startswith(expected)


def test_jsonl_record_with_html_goes_through_extraction(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "pages.jsonl", {"id": "p1", "html": PAGE, "outlet": "Wire"})
    article = read_article(path)
    assert BODY[1] in article.raw
    assert "Privacy policy" not in article.raw
    assert article.title == "Mexico and US hold migration talks"
    assert article.outlet == "Wire"  # the record's own field wins over the page's
    assert (article.published, article.published_source) == ("2023-12-30", "html")


def test_jsonl_record_with_mojibake_text_is_repaired(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "m.jsonl", {"id": "m", "text": "BÃ¡rcena met Blinken."})
    assert read_article(path).raw == "Bárcena met Blinken."


def test_empty_jsonl_is_rejected(tmp_path: Path) -> None:
    rejected = read_rejected(write(tmp_path / "none.jsonl", "\n\n"))
    assert rejected.reason == "empty file: no JSON lines in it"


def test_binary_jsonl_is_rejected_whole(tmp_path: Path) -> None:
    rejected = read_rejected(write(tmp_path / "blob.jsonl", b"\x00\x01{}\n\x00\n"))
    assert "binary file" in rejected.reason


@pytest.mark.parametrize(
    "document",
    [
        {"id": "only", "text": "One object."},
        [{"id": "only", "text": "One object."}],
        {"articles": [{"id": "only", "text": "One object."}], "source": "export"},
    ],
)
def test_json_file_in_each_accepted_shape(tmp_path: Path, document: object) -> None:
    path = write(tmp_path / "export.json", json.dumps(document))
    article = read_article(path)
    assert (article.id, article.raw) == ("only", "One object.")
    assert article.path in {str(path), f"{path}#0"}


def test_json_list_records_are_numbered_and_checked_one_by_one(tmp_path: Path) -> None:
    path = write(
        tmp_path / "export.json",
        json.dumps([{"id": "a", "text": "A."}, {"id": "b"}, {"id": "c", "text": "C."}]),
    )
    items = list(iter_inputs([path]))
    assert [item.path for item in items] == [f"{path}#0", f"{path}#1", f"{path}#2"]
    assert isinstance(items[1], Rejected)
    assert items[1].reason.startswith("record 'b' has no 'text' or 'html'")


def test_invalid_json_file_is_rejected_with_the_position(tmp_path: Path) -> None:
    rejected = read_rejected(write(tmp_path / "bad.json", '[{"id": "a",\n "text": }]'))
    assert rejected.reason.startswith("not valid JSON: Expecting value at line 2, column")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("42", "holds a JSON number; expected an object with 'id' and 'text'"),
        ("[]", "holds no records (an empty list)"),
        ("", "empty file (0 bytes)"),
    ],
)
def test_json_file_of_the_wrong_shape_is_rejected(
    tmp_path: Path, content: str, expected: str
) -> None:
    assert read_rejected(write(tmp_path / "odd.json", content)).reason.startswith(expected)


def test_json_lines_under_a_json_name_are_read_as_json_lines(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "feed.json", {"id": "a", "text": "A."}, {"id": "b", "text": "B."})
    articles, rejected = ingest([path])
    assert [a.id for a in articles] == ["a", "b"]
    assert rejected == []


# --------------------------------------------------------------------------------------------
# Folders, order, streaming
# --------------------------------------------------------------------------------------------


def test_folder_is_walked_recursively_in_order_skipping_hidden_files(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "B.")
    write(tmp_path / "a.txt", "A.")
    write(tmp_path / "sub" / "d.txt", "D.")
    write(tmp_path / "sub" / "c.txt", "C.")
    write(tmp_path / "aa" / "e.txt", "E.")
    write(tmp_path / ".DS_Store", b"\x00\x00\x00\x01Bud1")
    write(tmp_path / ".git" / "HEAD", "ref: refs/heads/main")
    write(tmp_path / "sub" / ".draft.txt", "Hidden.")
    articles, rejected = ingest([tmp_path])
    assert rejected == []
    assert [a.id for a in articles] == ["a", "b", "e", "c", "d"]
    assert articles[3].path == str(tmp_path / "sub" / "c.txt")


def test_explicit_paths_are_read_in_the_order_given(tmp_path: Path) -> None:
    b = write(tmp_path / "b.txt", "B.")
    a = write(tmp_path / "a.txt", "A.")
    assert [a.id for a in ingest([b, a])[0]] == ["b", "a"]


def test_a_single_path_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "A.")
    assert [a.id for a in ingest(str(path))[0]] == ["a"]


def test_empty_folder_is_rejected(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    write(folder / ".hidden", "x")
    rejected = read_rejected(folder)
    assert rejected.reason == "folder holds no files to read (hidden files are skipped)"


def test_one_bad_input_does_not_stop_the_run(tmp_path: Path) -> None:
    write(tmp_path / "1.txt", "One.")
    write(tmp_path / "2.pdf", b"%PDF-1.4")
    write(tmp_path / "3.txt", b"\x00\x00")
    write(tmp_path / "4.txt", "Four.")
    articles, rejected = ingest([tmp_path, tmp_path / "missing"])
    assert [a.id for a in articles] == ["1", "4"]
    assert [Path(r.path).name for r in rejected] == ["2.pdf", "3.txt", "missing"]


def test_inputs_are_read_lazily_one_at_a_time(tmp_path: Path) -> None:
    first = write(tmp_path / "first.txt", "First.")
    second = write(tmp_path / "second.txt", "Second.")
    stream = iter_inputs([first, second])
    assert isinstance(next(stream), Article)
    second.unlink()  # gone before its turn: nothing was read ahead
    assert next(stream) == Rejected(str(second), "no such file or folder")


def test_jsonl_is_read_line_by_line(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "feed.jsonl", {"id": "a", "text": "A."})
    with path.open("a") as stream:
        stream.write("\n" * 10_000)  # pad past any read-ahead buffer
    stream_items = iter_inputs([path])
    assert next(stream_items).id == "a"
    with path.open("a") as stream:
        stream.write(json.dumps({"id": "late", "text": "Appended while reading."}) + "\n")
    assert [item.id for item in stream_items] == ["late"]


# --------------------------------------------------------------------------------------------
# Duplicate ids
# --------------------------------------------------------------------------------------------


def test_same_stem_in_two_folders_keeps_both_under_their_paths(tmp_path: Path) -> None:
    first = write(tmp_path / "ap" / "story.txt", "One.")
    second = write(tmp_path / "reuters" / "story.html", PAGE)
    third = write(tmp_path / "reuters" / "story.txt", "Three.")
    articles, rejected = ingest([tmp_path])
    assert [(a.id, a.path) for a in articles] == [
        ("story", str(first)),
        ("reuters/story", str(second)),
        ("reuters/story.txt", str(third)),
    ]
    assert rejected == []


def test_a_file_given_twice_is_read_once(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "One.")
    articles, rejected = ingest([path, tmp_path, path])
    assert [a.id for a in articles] == ["a"] and rejected == []


def test_a_pipe_in_a_folder_is_rejected_not_waited_on(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "One.")
    os.mkfifo(tmp_path / "b.txt")
    articles, rejected = ingest([tmp_path])
    assert [a.id for a in articles] == ["a"]
    assert rejected == [
        Rejected(str(tmp_path / "b.txt"), "not a regular file (a pipe, socket or device)")
    ]


def test_a_linked_folder_is_read_once(tmp_path: Path) -> None:
    write(tmp_path / "real" / "a.txt", "One.")
    (tmp_path / "top").mkdir()
    (tmp_path / "top" / "linked").symlink_to(tmp_path / "real")
    (tmp_path / "top" / "loop").symlink_to(tmp_path / "top")
    articles, rejected = ingest([tmp_path / "top"])
    assert [a.id for a in articles] == ["a"] and rejected == []


def test_each_folders_manifest_applies_to_its_own_files(tmp_path: Path) -> None:
    for outlet in ("A", "B"):
        write(tmp_path / outlet / "01.txt", f"Story from {outlet}.")
        write(tmp_path / outlet / "manifest.csv", f"file,outlet\n01.txt,Outlet {outlet}\n")
    write(tmp_path / "A" / "sub" / "manifest.csv", "file,outlet\n02.txt,Nobody\n")
    articles, rejected = ingest([tmp_path / "A", tmp_path / "B"])
    assert [(a.path, a.outlet) for a in articles] == [
        (str(tmp_path / "A" / "01.txt"), "Outlet A"),
        (str(tmp_path / "B" / "01.txt"), "Outlet B"),
    ]
    assert rejected == []  # nor is a manifest in a sub-folder read as an article


def test_json_nested_too_deep_or_with_nan_is_handled(tmp_path: Path) -> None:
    deep = write(tmp_path / "deep.json", "[" * 5000 + "]" * 5000)
    odd = write(tmp_path / "odd.jsonl", '{"id": "x", "text": "One.", "score": NaN, "big": 1e400}\n')
    articles, rejected = ingest([deep, odd])
    assert [r.path for r in rejected] == [str(deep)]
    assert "nested too deeply" in rejected[0].reason
    assert articles[0].attrs["score"] == "NaN" and articles[0].attrs["big"] == "1e400"


def test_repeated_json_id_rejects_the_second(tmp_path: Path) -> None:
    feed = write_jsonl(tmp_path / "feed.jsonl", {"id": "x", "text": "One."})
    more = write(tmp_path / "more.json", json.dumps([{"id": "x", "text": "Two."}]))
    articles, rejected = ingest([feed, more])
    assert [a.raw for a in articles] == ["One."]
    assert rejected == [
        Rejected(f"{more}#0", f"duplicate article id 'x' (already read from {feed}#0)")
    ]


def test_rejected_input_does_not_claim_its_id(tmp_path: Path) -> None:
    write(tmp_path / "a" / "story.txt", "")
    good = write(tmp_path / "b" / "story.txt", "Readable.")
    articles, rejected = ingest([tmp_path])
    assert [a.path for a in articles] == [str(good)]
    assert [r.reason for r in rejected] == ["empty file (0 bytes)"]


# --------------------------------------------------------------------------------------------
# Manifest
# --------------------------------------------------------------------------------------------


def test_csv_manifest_overrides_html_metadata_and_keeps_extra_columns(tmp_path: Path) -> None:
    write(tmp_path / "corpus" / "page.html", PAGE)
    manifest = write(
        tmp_path / "manifest.csv",
        "File,Outlet,published,title,url,language,desk\n"
        "page.html,Reuters,2024-01-02,Manifest title,https://r.example/1,es-MX,Americas\n",
    )
    article = read_article(tmp_path / "corpus", manifest=manifest)
    assert article.outlet == "Reuters"
    assert article.title == "Manifest title"
    assert article.url == "https://r.example/1"
    assert article.language == "es"
    assert (article.published, article.published_source) == ("2024-01-02", "manifest")
    assert article.attrs == {"desk": "Americas"}
    assert article.region == "MX"  # the manifest's tag, over the page's "en-US"


@pytest.mark.parametrize(
    "language, expected",
    [
        ("en", ("en", "GB")),  # the same language: the page's region stays
        ("en-IN", ("en", "IN")),
        ("en_CA", ("en", "CA")),
        ("fr", ("fr", None)),  # another language: the page's region is not its
    ],
)
def test_manifest_language_and_the_page_region(
    tmp_path: Path, language: str, expected: tuple[str, str | None]
) -> None:
    write(tmp_path / "corpus" / "page.html", PAGE.replace('lang="en-US"', 'lang="en-GB"'))
    manifest = write(tmp_path / "manifest.csv", f"file,language\npage.html,{language}\n")
    article = read_article(tmp_path / "corpus", manifest=manifest)
    assert (article.language, article.region) == expected


@pytest.mark.parametrize("key", ["story.txt", "story", "ap/story.txt", "./ap/story.txt"])
def test_manifest_matches_name_stem_or_relative_path(tmp_path: Path, key: str) -> None:
    write(tmp_path / "corpus" / "ap" / "story.txt", "Text.")
    manifest = write(tmp_path / "m.csv", f"file,outlet\n{key},AP\n")
    assert read_article(tmp_path / "corpus", manifest=manifest).outlet == "AP"


def test_json_manifest_as_a_list(tmp_path: Path) -> None:
    text = write(tmp_path / "a.txt", "Text.")
    manifest = write(
        tmp_path / "m.json",
        json.dumps(
            [
                {
                    "file": "a.txt",
                    "outlet": "AFP",
                    "published": "30 December 2023",
                    "byline": "J. Doe",
                    "rank": 3,
                }
            ]
        ),
    )
    article = read_article(text, manifest=manifest)
    assert (article.outlet, article.published, article.published_source) == (
        "AFP",
        "2023-12-30",
        "manifest",
    )
    assert article.attrs == {"byline": "J. Doe", "rank": 3}


def test_json_manifest_keyed_by_file_name_and_record_id(tmp_path: Path) -> None:
    page = write(tmp_path / "page.html", PAGE)
    feed = write_jsonl(tmp_path / "feed.jsonl", {"id": "r1", "text": "One.", "outlet": "Own"})
    manifest = write(
        tmp_path / "m.json",
        json.dumps({"page.html": {"outlet": "CNN"}, "r1": {"outlet": "EFE", "language": "es"}}),
    )
    first, second = ingest([page, feed], manifest=manifest)[0]
    assert first.outlet == "CNN"
    assert first.title == "Mexico and US hold migration talks"  # page metadata not overridden
    assert (first.published, first.published_source) == ("2023-12-30", "html")
    assert (second.outlet, second.language) == ("EFE", "es")


def test_manifest_entry_for_a_jsonl_file_applies_to_its_records(tmp_path: Path) -> None:
    feed = write_jsonl(
        tmp_path / "reuters.jsonl", {"id": "r1", "text": "One."}, {"id": "r2", "text": "Two."}
    )
    manifest = write(tmp_path / "m.csv", "file,outlet\nreuters.jsonl,Reuters\nr2,Reuters LatAm\n")
    assert [a.outlet for a in ingest([feed], manifest=manifest)[0]] == [
        "Reuters",
        "Reuters LatAm",
    ]


def test_unparseable_manifest_date_keeps_known_date_and_notes_it(tmp_path: Path) -> None:
    page = write(tmp_path / "page.html", PAGE)
    text = write(tmp_path / "plain.txt", "Text.")
    manifest = write(tmp_path / "m.csv", "file,published\npage.html,last week\nplain,soonish\n")
    html_article, text_article = ingest([page, text], manifest=manifest)[0]
    assert (html_article.published, html_article.published_source) == ("2023-12-30", "html")
    assert html_article.attrs["published_unparsed"] == "last week"
    assert (text_article.published, text_article.published_source) == (None, None)
    assert text_article.attrs == {"published_unparsed": "soonish"}


def test_manifest_inside_the_folder_is_not_read_as_an_article(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Text.")
    manifest = write(tmp_path / "manifest.csv", "file,outlet\na.txt,AP\n")
    articles, rejected = ingest([tmp_path], manifest=manifest)
    assert [(a.id, a.outlet) for a in articles] == [("a", "AP")]
    assert rejected == []


def test_csv_manifest_with_semicolons_and_empty_cells(tmp_path: Path) -> None:
    manifest = write(
        tmp_path / "m.csv", "\ufefffilename;outlet;published\na.txt;;2023-12-30\n;;\nb.txt;AP;\n"
    )
    assert load_manifest(manifest) == {
        "a.txt": {"published": "2023-12-30"},
        "b.txt": {"outlet": "AP"},
    }


def test_latin1_csv_manifest_is_decoded(tmp_path: Path) -> None:
    manifest = write(tmp_path / "m.csv", "file,outlet\na.txt,Agencia EFE México\n", "latin-1")
    assert load_manifest(manifest) == {"a.txt": {"outlet": "Agencia EFE México"}}


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("m.csv", None, "manifest not found: "),
        ("m.csv", "", "is empty; it needs a header row such as 'file,outlet,published'"),
        ("m.csv", "outlet,date\nAP,2023\n", "has no column naming the file: the header needs one"),
        ("m.csv", "file,outlet\na.txt,AP\na.txt,AFP\n", "row 3: 'a.txt' is listed twice"),
        ("m.csv", "file,outlet\na.txt,AP,extra\n", "row 2: 3 cells but the header has 2"),
        ("m.csv", "file,outlet\n,AP\n", "row 2: the 'file' cell is empty"),
        (
            "m.json",
            '[{"file": "a.txt",}]',
            "is not valid JSON: Expecting property name enclosed in double quotes at line 1",
        ),
        ("m.json", '"a.txt"', "holds a JSON string; a JSON manifest is a list of objects"),
        ("m.json", '{"a.txt": "AP"}', "the value for 'a.txt' is a JSON string, not an object"),
        ("m.json", '[{"outlet": "AP"}]', "item 1 names no file: give it one of file, filename"),
        ("m.json", b"\x00\x01\x02", "is not a text file"),
    ],
)
def test_unreadable_manifest_raises_a_clear_error(
    tmp_path: Path, name: str, content: str | bytes | None, expected: str
) -> None:
    path = tmp_path / name
    if content is not None:
        write(path, content)
    with pytest.raises(ManifestError, match=r".*") as caught:
        load_manifest(path)
    assert expected in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_iter_inputs_with_a_bad_manifest_raises_before_reading(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Text.")
    with pytest.raises(ManifestError, match="manifest not found"):
        ingest([tmp_path], manifest=tmp_path / "nope.csv")


# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-12-30", "2023-12-30"),
        ("2023-12-30T23:30:00-05:00", "2023-12-30"),  # the date as written, no zone shift
        ("2023-12-30T10:00:00Z", "2023-12-30"),
        ("2023-12-30 10:00", "2023-12-30"),
        ("December 30, 2023", "2023-12-30"),
        ("Sat, 30 Dec 2023 10:00:00 GMT", "2023-12-30"),
        ("30 décembre 2023", "2023-12-30"),
        ("2023/12/30", "2023-12-30"),
        ("20231230", "2023-12-30"),
        ("December 2023", None),
        ("2023-12", None),
        ("2023-W52", None),
        ("2023", None),
        ("yesterday", None),
        ("not a date", None),
        ("", None),
        (None, None),
        (20231230, None),
    ],
)
def test_normalize_date(value: object, expected: str | None) -> None:
    assert normalize_date(value) == expected


def test_normalize_date_with_a_language_dateparser_does_not_know() -> None:
    assert normalize_date("30 December 2023", languages=["xx"]) == "2023-12-30"


def test_normalize_date_accepts_date_objects() -> None:
    from datetime import date, datetime

    assert normalize_date(date(2023, 12, 30)) == "2023-12-30"
    assert normalize_date(datetime(2023, 12, 30, 23, 59)) == "2023-12-30"


def test_a_folder_readme_is_not_an_article_and_its_manifest_is_used(tmp_path):
    (tmp_path / "README.md").write_text("# About this folder\nArticles about the bridge.\n")
    (tmp_path / "a.txt").write_text("Engineers closed the bridge on Friday.\n")
    (tmp_path / "manifest.csv").write_text(
        "file,outlet,published\na.txt,Coastal Tribune,2025-03-04\n"
    )
    articles, rejected = ingest([tmp_path])
    assert rejected == []
    assert [(a.id, a.outlet, a.published, a.published_source) for a in articles] == [
        ("a", "Coastal Tribune", "2025-03-04", "manifest")
    ]


def test_each_folder_given_brings_its_own_manifest(tmp_path):
    for name, outlet in (("one", "Coastal Tribune"), ("two", "Meridian Wire")):
        folder = tmp_path / name
        folder.mkdir()
        (folder / f"{name}.txt").write_text("Engineers closed the bridge on Friday.\n")
        (folder / "manifest.csv").write_text(f"file,outlet\n{name}.txt,{outlet}\n")
    articles, rejected = ingest([tmp_path / "one", tmp_path / "two"])
    assert rejected == []
    assert [(a.id, a.outlet) for a in articles] == [
        ("one", "Coastal Tribune"),
        ("two", "Meridian Wire"),
    ]


def test_main_text_is_never_below_bare_trafilatura_on_the_evaluation_pages() -> None:
    """bench/html_text.py on tests/data/html: corroborate's text against the hand-marked main
    text, page by page, is as good as bare trafilatura's, and better overall. "As good" is
    within 0.01 of F1: the cleaner moves a dateline ("PORT ALDER —") out of the text by
    design, and on a page trafilatura reads perfectly those two words are the difference."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location(
        "html_text", Path(__file__).parents[1] / "bench" / "html_text.py"
    )
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules["html_text"] = bench  # its dataclasses look their module up
    spec.loader.exec_module(bench)
    result = bench.evaluate(HTML_PAGES)
    assert result["pages"] >= 30
    for name, page in result["per_page"].items():
        assert page["corroborate"]["f1"] >= page["trafilatura"]["f1"] - 0.01, name
    assert len(result["pages_below_trafilatura"]) <= 1
    micro = result["micro"]
    assert micro["corroborate"]["f1"] > micro["trafilatura"]["f1"]


# --------------------------------------------------------------------------------------------
# Hostile input: link loops, folders that cannot be listed, sizes, broken manifests, nesting
# --------------------------------------------------------------------------------------------


def make_links(folder: Path, shape: str) -> list[Path]:
    """Symbolic links that lead nowhere but back: one to itself, or two to each other."""
    folder.mkdir(parents=True, exist_ok=True)
    if shape == "self":
        (folder / "self.txt").symlink_to("self.txt")
        return [folder / "self.txt"]
    (folder / "ping.txt").symlink_to("pong.txt")
    (folder / "pong.txt").symlink_to("ping.txt")
    return [folder / "ping.txt", folder / "pong.txt"]


@pytest.mark.parametrize("shape", ["self", "pair"])
def test_a_symlink_loop_in_a_folder_is_rejected_not_a_crash(tmp_path: Path, shape: str) -> None:
    write(tmp_path / "a.txt", "One.")
    links = make_links(tmp_path, shape)
    articles, rejected = ingest([tmp_path])
    assert [a.id for a in articles] == ["a"]
    assert [r.path for r in rejected] == [str(link) for link in links]
    assert all(r.reason.startswith("symbolic link loop") for r in rejected)


@pytest.mark.parametrize("shape", ["self", "pair"])
def test_a_symlink_loop_given_as_input_is_rejected_not_a_crash(tmp_path: Path, shape: str) -> None:
    links = make_links(tmp_path, shape)
    articles, rejected = ingest(links)
    assert articles == []
    assert [r.reason.split(":")[0] for r in rejected] == ["symbolic link loop"] * len(links)


@pytest.fixture
def unreadable(monkeypatch: pytest.MonkeyPatch):
    """Make a folder that cannot be listed. Root lists any folder whatever its mode, so
    there ``os.scandir`` refuses it as the system does for a user without permission."""

    def lock(folder: Path) -> Path:
        folder.chmod(0)
        if os.geteuid() == 0:
            real_scandir = os.scandir

            def scandir(path: object = "."):
                if Path(os.fsdecode(path)) == folder:  # type: ignore[arg-type]
                    raise PermissionError(13, "Permission denied", str(folder))
                return real_scandir(path)  # type: ignore[arg-type]

            monkeypatch.setattr(os, "scandir", scandir)
        return folder

    locked: list[Path] = []
    yield lambda folder: locked.append(lock(folder)) or folder
    for folder in locked:
        folder.chmod(0o755)


@pytest.mark.parametrize("name", ["aaa", "zzz"])  # walked first, or last
def test_a_folder_that_cannot_be_listed_is_rejected_wherever_it_is_walked(
    tmp_path: Path, unreadable, name: str
) -> None:
    write(tmp_path / "m" / "a.txt", "One.")
    (tmp_path / name).mkdir()
    unreadable(tmp_path / name)
    articles, rejected = ingest([tmp_path])
    assert [a.id for a in articles] == ["a"]
    assert rejected == [Rejected(str(tmp_path / name), "cannot list folder: Permission denied")]


def test_a_text_over_the_size_limit_on_disk_is_rejected_before_it_is_read(tmp_path: Path) -> None:
    from corroborate.read import ingest as reading

    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:  # 100 MB that take no room: a sparse file
        stream.truncate(100 * 1024 * 1024)
    reason = read_rejected(path).reason
    assert reason.startswith("too large for one article: 104,857,600 bytes")
    assert f"{reading.MAX_ARTICLE_CHARS:,} characters" in reason


def test_a_text_over_the_character_limit_is_rejected_as_it_is_read(tmp_path: Path) -> None:
    from corroborate.read import ingest as reading

    path = write(tmp_path / "long.txt", "word " * (reading.MAX_ARTICLE_CHARS // 5) + "end.")
    reason = read_rejected(path).reason
    assert reason.startswith(f"too long for one article: {reading.MAX_ARTICLE_CHARS + 4:,} char")


def test_a_jsonl_line_over_the_record_limit_is_skipped_unread_and_the_next_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from corroborate.read import ingest as reading

    monkeypatch.setattr(reading, "MAX_RECORD_BYTES", 1000)
    path = write_jsonl(
        tmp_path / "feed.jsonl",
        {"id": "big", "text": "x" * 5000},
        {"id": "small", "text": "Fine."},
    )
    items = list(iter_inputs([path]))
    assert isinstance(items[0], Rejected) and items[0].path == f"{path}#0"
    assert items[0].reason.startswith("line 1 is too large for one record: more than 1,000 bytes")
    assert isinstance(items[1], Article) and items[1].id == "small"


def test_a_record_text_over_the_character_limit_is_rejected(tmp_path: Path) -> None:
    from corroborate.read import ingest as reading

    text = "a" * (reading.MAX_ARTICLE_CHARS + 1)
    path = write_jsonl(tmp_path / "feed.jsonl", {"id": "long", "text": text})
    reason = read_rejected(path).reason
    assert reason.startswith(f"record 'long': too long for one article: {len(text):,} characters")


@pytest.mark.parametrize(
    ("name", "limit", "hint"),
    [
        ("page.html", "MAX_HTML_BYTES", "save the article's own page"),
        ("feed.json", "MAX_JSON_BYTES", "write the records as JSON Lines"),
    ],
)
def test_an_html_page_or_json_file_over_its_size_limit_is_rejected_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, limit: str, hint: str
) -> None:
    from corroborate.read import ingest as reading

    monkeypatch.setattr(reading, limit, 1000)
    content = PAGE if name.endswith(".html") else json.dumps([{"id": "a", "text": "x" * 2000}])
    reason = read_rejected(write(tmp_path / name, content)).reason
    assert reason.startswith(f"too large: {len(content.encode()):,} bytes (at most 1,000 bytes")
    assert hint in reason


def test_a_manifest_csv_with_an_unclosed_quote_is_an_error_with_its_line(tmp_path: Path) -> None:
    manifest = write(tmp_path / "m.csv", 'file,outlet\na.txt,"AP\nb.txt,Reuters\nc.txt,AFP\n')
    with pytest.raises(ManifestError) as caught:
        load_manifest(manifest)
    assert "line 2" in str(caught.value) and "quote" in str(caught.value)


def test_a_manifest_csv_with_a_stray_quote_after_a_quoted_cell_is_an_error(tmp_path: Path) -> None:
    manifest = write(tmp_path / "m.csv", 'file,outlet\na.txt,AP\nb.txt,"Reuters"x\n')
    with pytest.raises(ManifestError, match="line 3"):
        load_manifest(manifest)


def test_a_quote_inside_an_unquoted_manifest_cell_is_kept(tmp_path: Path) -> None:
    manifest = write(tmp_path / "m.csv", 'file,outlet\na.txt,The "Post"\n')
    assert load_manifest(manifest) == {"a.txt": {"outlet": 'The "Post"'}}


def test_a_corrupt_manifest_in_an_input_folder_is_rejected_and_its_files_still_read(
    tmp_path: Path,
) -> None:
    write(tmp_path / "a.txt", "One.")
    manifest = write(tmp_path / "manifest.csv", 'file,outlet\na.txt,"AP\n')
    articles, rejected = ingest([tmp_path])
    assert [(a.id, a.outlet) for a in articles] == [("a", None)]
    assert [r.path for r in rejected] == [str(manifest)]
    assert rejected[0].reason.startswith("manifest not applied (the folder's files are read")
    assert "quote" in rejected[0].reason


def nested_page(depth: int) -> str:
    """A page whose article sits ``depth`` bare elements deep, with text after it too."""
    return (
        "<html><head><title>Deep</title></head><body>"
        + "<div>" * depth
        + f"<article><h1>Mexico and US hold migration talks</h1><p>{BODY[0]}</p>"
        + f"<p>{BODY[1]}</p></article>"
        + "</div>" * depth
        + f"<p>{BODY[2]}</p></body></html>"
    )


@pytest.mark.parametrize("depth", [300, 1500])
def test_html_nested_deeper_than_the_parser_reads_keeps_its_text(
    tmp_path: Path, depth: int
) -> None:
    article = read_article(write(tmp_path / "deep.html", nested_page(depth)))
    assert BODY[0] in article.raw and BODY[1] in article.raw


def test_html_nested_past_any_parser_is_rejected_for_its_nesting(tmp_path: Path) -> None:
    reason = read_rejected(write(tmp_path / "deep.html", nested_page(5000))).reason
    assert reason.startswith("the page is nested more than 2,048 elements deep")


def test_a_record_whose_id_is_a_list_is_told_so(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "feed.jsonl", {"id": ["a", "b"], "text": "One."})
    assert read_rejected(path).reason == (
        "line 1: the 'id' is a JSON array; give every record a unique string 'id'"
    )


@given(data=st.binary(max_size=40), most=st.integers(1, 8), chunk=st.integers(1, 10))
def test_capped_lines_are_the_files_lines_or_none_past_the_limit(
    data: bytes, most: int, chunk: int
) -> None:
    from corroborate.read.ingest import _capped_lines

    data = data.replace(b"\x00", b"\n")  # lines of a few bytes
    expected = [
        line if len(line.removesuffix(b"\n")) <= most else None
        for line in io.BytesIO(data).readlines()
    ]
    assert list(_capped_lines(io.BytesIO(data), most, chunk)) == expected
