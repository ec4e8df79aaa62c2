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

from assistant.interfaces.cli_options import ChromaUrl, IndexDir

if TYPE_CHECKING:
    from assistant.service import Assistant
    from assistant.types import Answer, IndexReport

app = typer.Typer(
    name="assistant",
    help="Who said what, and when: cited answers from news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

JsonOut = Annotated[bool, typer.Option("--json", help="Print one JSON object on stdout.")]


def _err(msg: str) -> None:
    typer.echo(msg, err=True)


def make_assistant(
    index_dir: Path | None = None,
    backend: str | None = None,
    chroma_url: str | None = None,
    model: str | None = None,
    no_fallback: bool = False,
) -> Assistant:
    from assistant.service import Assistant
    from assistant.settings import Settings

    settings = Settings()
    if model:
        settings = settings.replace(llm_model=model)
    if no_fallback:
        settings = settings.replace(llm_fallback=False)
    return Assistant(
        index_dir=index_dir, backend=backend, chroma_url=chroma_url, notify=_err, settings=settings
    )


def _fail(exc: Exception) -> typer.Exit:
    _err(f"error: {exc}")
    return typer.Exit(1)


def _parse_date(value: str | None, end: bool = False) -> date | None:
    """``--since``/``--until``: ISO dates, "2025-10", "Oct 7 2025", "last week"..."""
    if value is None:
        return None
    from assistant.nlp.timex import parse_user_date

    return parse_user_date(value, end=end)


Since = Annotated[
    str | None,
    typer.Option(
        "--since", help="Only on/after this date (2025-10-01, 'Oct 2025', 'last week').", show_default=False
    ),
]
Until = Annotated[str | None, typer.Option("--until", help="Only on/before this date.", show_default=False)]
Speaker = Annotated[
    str | None, typer.Option("--speaker", help="Only words of this person (any alias).", show_default=False)
]
Backend = Annotated[
    str | None,
    typer.Option(
        "--backend",
        help="extractive (default, offline) or openai.",
        envvar="ASSISTANT_BACKEND",
        show_default=False,
    ),
]
Model = Annotated[
    str | None,
    typer.Option(
        "--model",
        help="LLM model name for --backend openai.",
        envvar="ASSISTANT_LLM_MODEL",
        show_default=False,
    ),
]

NoFallback = Annotated[
    bool,
    typer.Option(
        "--no-fallback",
        help="With an LLM backend, show its verified answer even when the extractive one would replace it.",
    ),
]


@app.command()
def index(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Files or folders (default: the bundled corpus).", show_default=False),
    ] = None,
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
        _err(f.line())
    if as_json:
        typer.echo(json.dumps(report.to_dict()))
    else:
        _err(
            f"Indexed {len(report.added)} new, {len(report.updated)} changed, "
            f"{len(report.unchanged)} unchanged, {len(report.removed)} removed "
            f"({report.chunks_written} chunks) into {a.settings.chroma_url or a.index_dir} "
            f"in {report.seconds:.1f}s."
        )
    empty = report.empty_reason()
    if empty is not None:
        _err(f"{empty[0].upper()}{empty[1:]}.")
    if report.failures:
        _err(f"{len(report.failures)} file(s) not fully indexed (see above).")
        raise typer.Exit(2)
    if empty is not None:
        raise typer.Exit(1)


def _index_with_progress(a: Assistant, paths: list[Path] | None, rebuild: bool, prune: bool) -> IndexReport:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(stderr=True)
    with Progress(
        TextColumn("indexing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        TextColumn("{task.description}"),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    ) as bar:
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
    backend: Backend = None,
    since: Since = None,
    until: Until = None,
    outlet: Annotated[
        str | None, typer.Option("--outlet", help="Only articles from this outlet.", show_default=False)
    ] = None,
    speaker: Speaker = None,
    model: Model = None,
    no_stream: Annotated[
        bool, typer.Option("--no-stream", help="Print the answer only when complete.")
    ] = False,
    no_fallback: NoFallback = False,
) -> None:
    """Answer a question with verbatim, cited quotes (streamed with an LLM backend)."""
    from assistant.errors import AssistantError

    try:
        a = make_assistant(index_dir, backend, chroma_url, model, no_fallback)
        kw = dict(
            k=k, since=_parse_date(since), until=_parse_date(until, end=True), outlet=outlet, speaker=speaker
        )
        if as_json or no_stream:
            answer = a.ask(question, **kw)  # type: ignore[arg-type]
        else:
            answer = _stream_answer(a.ask_stream(question, **kw))  # type: ignore[arg-type]
            typer.echo(f"\n{render_sources(answer)}" if answer.citations else "")
            return
    except AssistantError as exc:
        raise _fail(exc) from None
    typer.echo(answer_json(answer) if as_json else render_answer(answer))


def _stream_answer(items: Any) -> Answer:
    """Print text pieces as they arrive; return the verified answer that follows them."""
    from assistant.types import Answer

    streamed: list[str] = []
    for item in items:
        if isinstance(item, Answer):
            if item.fallback:
                typer.echo(f"\n\n{fallback_note(item)}" if streamed else fallback_note(item))
                typer.echo(item.answer)
            elif "".join(streamed).strip() != item.answer.strip():
                if streamed:
                    typer.echo("\n\nVerified answer:")
                typer.echo(item.answer)
            else:
                typer.echo("")
            return item
        streamed.append(item)
        if len(streamed) > 1 or item != "":
            typer.echo(item, nl=False)
    raise RuntimeError("the answer stream ended without an answer")


def answer_json(answer: Answer) -> str:
    return json.dumps(answer.model_dump(mode="json"), ensure_ascii=False)


def render_answer(answer: Answer) -> str:
    note = f"{fallback_note(answer)}\n" if answer.fallback else ""
    return f"{note}{answer.answer}\n\n{render_sources(answer)}".rstrip()


def fallback_note(answer: Answer) -> str:
    """The line shown above an answer the fallback backend wrote instead of the LLM."""
    if answer.abstained:  # the fallback's abstention outranks any model answer
        return (
            f"The {answer.backend} model answered, but the evidence lacks what is asked or holds no "
            f"answer the {answer.fallback} backend could verify; its abstention instead:"
        )
    return (
        f"The {answer.backend} model gave no verified answer holding the {answer.fallback} answer's "
        f"evidence; the verified {answer.fallback} answer instead:"
    )


def render_sources(answer: Answer) -> str:
    from assistant.nlp.text import shown_quote

    lines = []
    if answer.citations:
        lines.append("Sources:")
    for c in answer.citations:
        head = " · ".join(x for x in (c.title, c.outlet, c.published) if x)
        lines.append(f"[{c.n}] {head} ({c.doc_id})" if head else f"[{c.n}] {c.doc_id}")
        lines.append(f"    {shown_quote(c.quote)}")
    return "\n".join(lines).rstrip()


@app.command()
def quotes(
    speaker: Speaker = None,
    about: Annotated[
        str | None, typer.Option("--about", help="Only quotes on this topic.", show_default=False)
    ] = None,
    doc: Annotated[
        str | None, typer.Option("--doc", help="Only quotes from this doc id.", show_default=False)
    ] = None,
    since: Since = None,
    until: Until = None,
    limit: Annotated[
        int | None, typer.Option("--limit", help="At most this many.", show_default=False)
    ] = None,
    index_dir: IndexDir = None,
    chroma_url: ChromaUrl = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
) -> None:
    """List quotes from the ledger: who said what, verbatim, with citations."""
    from assistant.errors import AssistantError

    try:
        a = make_assistant(index_dir, chroma_url=chroma_url)
        found = a.quotes(
            speaker=speaker,
            about=about,
            doc_id=doc,
            since=_parse_date(since),
            until=_parse_date(until, end=True),
            limit=limit,
        )
    except AssistantError as exc:
        raise _fail(exc) from None
    if as_json:
        typer.echo(json.dumps([_quote_json(q) for q in found], ensure_ascii=False))
        return
    for q in found:
        who = q.speaker or "(unattributed)"
        when = f" [{q.date_text}{', ' + q.date.isoformat() if q.date else ''}]" if q.date_text else ""
        corr = f" (also in {len(q.corroborated_by)} other article(s))" if q.corroborated_by else ""
        mark = "“" if q.kind == "direct" else ""
        typer.echo(f"{who}{when}: {mark}{q.quote}{'”' if mark else ''}  ({q.doc_id} {q.start}-{q.end}){corr}")
    if not found:
        _err("No quotes match.")


def _quote_json(q: Any) -> dict[str, Any]:
    data: dict[str, Any] = q.model_dump(mode="json")
    keys = (
        "speaker",
        "speaker_id",
        "aliases",
        "role",
        "quote",
        "doc_id",
        "start",
        "end",
        "cue",
        "kind",
        "corroborated_by",
        "date_text",
        "date",
    )
    return {key: data.get(key) for key in keys} | {k: v for k, v in data.items() if k not in keys}


@app.command()
def speakers(index_dir: IndexDir = None, chroma_url: ChromaUrl = None, as_json: JsonOut = False) -> None:
    """List the people and organisations quoted: roles, aliases, quote counts."""
    from assistant.errors import AssistantError

    try:
        found = make_assistant(index_dir, chroma_url=chroma_url).speakers()
    except AssistantError as exc:
        raise _fail(exc) from None
    if as_json:
        typer.echo(json.dumps([sp.to_dict() for sp in found], ensure_ascii=False))
        return
    for sp in found:
        roles = f" — {', '.join(sp.roles)}" if sp.roles else ""
        aliases = [x for x in sp.aliases if x != sp.name]
        also = f" (also: {', '.join(aliases)})" if aliases else ""
        typer.echo(f"{sp.name}{roles}{also}: {sp.quote_count} quote(s)")


@app.command()
def timeline(
    speaker: Speaker = None,
    about: Annotated[
        str | None,
        typer.Option("--about", help="Only statements and events on this topic.", show_default=False),
    ] = None,
    index_dir: IndexDir = None,
    chroma_url: ChromaUrl = None,
    as_json: JsonOut = False,
) -> None:
    """Dated statements and events in order, each cited."""
    from assistant.errors import AssistantError

    try:
        entries = make_assistant(index_dir, chroma_url=chroma_url).timeline(speaker=speaker, about=about)
    except AssistantError as exc:
        raise _fail(exc) from None
    if as_json:
        typer.echo(json.dumps([e.to_dict() for e in entries], ensure_ascii=False))
        return
    for e in entries:
        who = f"{e.speaker}: " if e.speaker else ""
        basis = " (publication date)" if e.basis == "published" else ""
        typer.echo(f"{e.date.isoformat()}{basis}  {who}{e.text}  ({e.doc_id})")
    if not entries:
        _err("No dated statements or events match.")


@app.command()
def chat(
    index_dir: IndexDir = None,
    chroma_url: ChromaUrl = None,
    backend: Backend = None,
    model: Model = None,
) -> None:
    """An interactive session; follow-ups ("And what did he say about China?") use history."""
    from assistant.errors import AssistantError
    from assistant.types import Turn

    try:
        a = make_assistant(index_dir, backend, chroma_url, model)
        a.check_backend()
        a.ensure_index()
    except AssistantError as exc:
        raise _fail(exc) from None
    history: list[Turn] = []
    _err("Ask a question (empty line or Ctrl-D to quit).")
    while True:
        try:
            question = input("> ").strip()
        except EOFError:
            break
        if not question:
            break
        try:
            answer = _stream_answer(a.ask_stream(question, history=history))
        except AssistantError as exc:
            _err(f"error: {exc}")
            continue
        typer.echo(f"\n{render_sources(answer)}\n")
        history += [Turn(role="user", content=question), Turn(role="assistant", content=answer.answer)]


@app.command("llm-server")
def llm_server(
    port: Annotated[int, typer.Option("--port", help="TCP port on 127.0.0.1.")] = 8091,
) -> None:
    """Serve the bundled SmolLM2-135M as an OpenAI-compatible server on 127.0.0.1 (offline)."""
    import os

    from assistant.engines.local_llm import MODEL_ALIAS, base_url, check_installed, server_command, server_env
    from assistant.errors import AssistantError

    try:
        check_installed()
        cmd = server_command(port)
    except AssistantError as exc:
        raise _fail(exc) from None
    _err(
        f"Serving {MODEL_ALIAS} at {base_url(port)} (one thread). Then: "
        f"OPENAI_BASE_URL={base_url(port)} ASSISTANT_LLM_MODEL={MODEL_ALIAS} "
        "assistant ask --backend openai QUESTION"
    )
    sys.stderr.flush()
    os.execve(cmd[0], cmd, server_env())  # the server takes over this process (and Ctrl-C)


@app.command()
def status(index_dir: IndexDir = None, chroma_url: ChromaUrl = None, as_json: JsonOut = False) -> None:
    """Show the index: location, embedder, article, chunk and quote counts, last indexed."""
    from assistant.errors import AssistantError
    from assistant.types import EmbedderInfo

    try:
        info = make_assistant(index_dir, chroma_url=chroma_url).status()
    except AssistantError as exc:
        raise _fail(exc) from None
    if as_json:
        typer.echo(json.dumps(info.to_dict()))
        return
    if not info.exists:
        typer.echo(f"No index at {info.index_dir} (run `assistant index`).")
        return
    emb = info.embedder or EmbedderInfo()
    typer.echo(
        f"index:        {info.chroma_url or info.index_dir}\n"
        f"embedder:     {emb.name} (dim {emb.dim})\n"
        f"articles:     {info.articles}\n"
        f"chunks:       {info.chunks}\n"
        f"quotes:       {info.quotes or 0}\n"
        f"last indexed: {info.last_indexed or '-'}"
    )


def _register_extensions() -> None:
    """Command groups that live in their own modules (each imports lazily)."""
    from assistant.interfaces.cli_eval import register as register_eval
    from assistant.interfaces.cli_serve import register as register_serve

    register_eval(app)
    register_serve(app)


_register_extensions()


def main() -> None:
    import logging

    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="%(message)s")
    app()


if __name__ == "__main__":
    main()
