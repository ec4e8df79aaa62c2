"""The `assistant` command: a thin client of :class:`assistant.service.Assistant`.

Heavy modules (Chroma, llama-index, the embedder) are imported inside the commands, so
``assistant --help`` stays fast. Only :class:`AssistantError` is caught: it becomes one
line on stderr and exit code 1; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from assistant.service import Assistant
    from assistant.types import Answer

app = typer.Typer(
    name="assistant",
    help="Who said what, and when: cited answers from news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

IndexDir = Annotated[
    Path | None,
    typer.Option("--index-dir", help="Index directory (default: index/ of the project).",
                 envvar="ASSISTANT_INDEX_DIR", show_default=False),
]
ChromaUrl = Annotated[
    str | None,
    typer.Option("--chroma-url", help="Use a Chroma server instead of a local directory.",
                 envvar="ASSISTANT_CHROMA_URL", show_default=False),
]
JsonOut = Annotated[bool, typer.Option("--json", help="Print one JSON object on stdout.")]


def _err(msg: str) -> None:
    typer.echo(msg, err=True)


def make_assistant(index_dir: Path | None = None, backend: str | None = None,
                   chroma_url: str | None = None) -> Assistant:
    from assistant.service import Assistant

    return Assistant(index_dir=index_dir, backend=backend, chroma_url=chroma_url, notify=_err)


def _fail(exc: Exception) -> typer.Exit:
    _err(f"error: {exc}")
    return typer.Exit(1)


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        from assistant.errors import AssistantError

        raise AssistantError(f"Bad date {value!r}: use YYYY-MM-DD.") from None


@app.command()
def index(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders (default: the bundled corpus).", show_default=False)] = None,
    index_dir: IndexDir = None,
    chroma_url: ChromaUrl = None,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Drop the index and build it anew.")] = False,
    prune: Annotated[bool, typer.Option("--prune", help="Remove articles whose files are gone.")] = False,
    as_json: JsonOut = False,
) -> None:
    """Index articles (.txt, .md, .json, .jsonl, .html) into the Chroma store."""
    from assistant.errors import AssistantError

    try:
        a = make_assistant(index_dir, chroma_url=chroma_url)
        report = _index_with_progress(a, paths, rebuild, prune)
    except AssistantError as exc:
        raise _fail(exc) from None
    for f in report.failures:
        _err(f"skipped {f.reason}" if f.reason.startswith(f.path) else f"skipped {f.path}: {f.reason}")
    if as_json:
        typer.echo(json.dumps(report.as_dict()))
    else:
        _err(
            f"Indexed {len(report.added)} new, {len(report.updated)} changed, "
            f"{len(report.unchanged)} unchanged, {len(report.removed)} removed "
            f"({report.chunks_written} chunks) into {a.settings.chroma_url or a.index_dir} "
            f"in {report.seconds:.1f}s."
        )
    if report.failures:
        _err(f"{len(report.failures)} file(s) could not be indexed (see above).")
        raise typer.Exit(2)


def _index_with_progress(a: Assistant, paths: list[Path] | None, rebuild: bool, prune: bool) -> Any:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(stderr=True)
    with Progress(TextColumn("indexing"), BarColumn(), MofNCompleteColumn(),
                  TimeRemainingColumn(), TextColumn("{task.description}"),
                  console=console, transient=True, disable=not console.is_terminal) as bar:
        task = bar.add_task("", total=None)

        def progress(done: int, total: int, doc_id: str) -> None:
            bar.update(task, completed=done, total=total, description=doc_id)

        return a.index(paths, rebuild=rebuild, prune=prune, progress=progress)


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="The question, in plain words.")],
    as_json: JsonOut = False,
    index_dir: IndexDir = None,
    chroma_url: ChromaUrl = None,
    k: Annotated[int | None, typer.Option("--k", help="Passages to retrieve.", show_default=False)] = None,
    backend: Annotated[str | None, typer.Option("--backend", help="extractive (default) or openai.", envvar="ASSISTANT_BACKEND", show_default=False)] = None,
    since: Annotated[str | None, typer.Option("--since", help="Only articles published on/after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Only articles published on/before YYYY-MM-DD.")] = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Only articles from this outlet.")] = None,
) -> None:
    """Answer a question with verbatim, cited quotes."""
    from assistant.errors import AssistantError

    try:
        a = make_assistant(index_dir, backend, chroma_url)
        answer = a.ask(question, k=k, since=_parse_date(since), until=_parse_date(until),
                       outlet=outlet)
    except AssistantError as exc:
        raise _fail(exc) from None
    if as_json:
        typer.echo(answer_json(answer))
    else:
        typer.echo(render_answer(answer))


def answer_json(answer: Answer) -> str:
    return json.dumps(answer.model_dump(mode="json"), ensure_ascii=False)


def render_answer(answer: Answer) -> str:
    lines = [answer.answer, ""]
    if answer.citations:
        lines.append("Sources:")
    for c in answer.citations:
        head = " · ".join(x for x in (c.title, c.outlet, c.published) if x)
        lines.append(f"[{c.n}] {head} ({c.doc_id})" if head else f"[{c.n}] {c.doc_id}")
        lines.append(f"    “{c.quote}”")
    return "\n".join(lines).rstrip()


@app.command()
def status(index_dir: IndexDir = None, chroma_url: ChromaUrl = None, as_json: JsonOut = False) -> None:
    """Show the index: location, embedder, article and chunk counts, last indexed."""
    from assistant.errors import AssistantError

    try:
        info = make_assistant(index_dir, chroma_url=chroma_url).status()
    except AssistantError as exc:
        raise _fail(exc) from None
    if as_json:
        typer.echo(json.dumps(info))
        return
    if not info["exists"]:
        typer.echo(f"No index at {info['index_dir']} (run `assistant index`).")
        return
    emb = info.get("embedder") or {}
    typer.echo(
        f"index:        {info['chroma_url'] or info['index_dir']}\n"
        f"embedder:     {emb.get('name')} (dim {emb.get('dim')})\n"
        f"articles:     {info['articles']}\n"
        f"chunks:       {info['chunks']}\n"
        f"last indexed: {info.get('last_indexed') or '-'}"
    )


from assistant.cli_serve import register as _register_serve  # noqa: E402

_register_serve(app)


def main() -> None:
    import logging

    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="%(message)s")
    app()


if __name__ == "__main__":
    main()
