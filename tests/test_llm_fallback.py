"""The LLM backend is never worse than the extractive one (issue 16, item 4).

Real index, real ``openai`` client, the scripted OpenAI-protocol server on loopback
(tests/openai_fake.py) playing a weak model: the extractive answer's sentences reach the
prompt as ``<lead>`` elements, and when the model's answer does not verify (or cites none
of the sentences the extractive answer rests on) the verified extractive answer is
returned, marked ``"fallback": "extractive"`` in ``--json``, the CLI and HTTP. Model
failures (empty, garbage, an unclosed quote, a reply cut off mid-quote) never crash.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from assistant.answer.verify import Verified, quoted_spans
from assistant.interfaces.cli import app, fallback_note
from assistant.interfaces.server import create_app
from assistant.nlp.claims import MARKER
from assistant.service import (
    Assistant,
    claims,
    fallback_reason,
    holds_claim,
    needs_fallback,
)
from assistant.settings import Settings
from assistant.types import Answer, Citation, Context, Verification
from benchmarks.load import serve
from tests.llm_checks import check_not_worse, check_shown
from tests.openai_fake import DEFAULT_MODEL, FakeOpenAIServer

runner = CliRunner()
QUESTION = "Who called Canada's trade deal with China a red flag?"
UNANSWERABLE = "What did Angela Merkel say about the trade deal?"


def _assistant(index: Path, fake: FakeOpenAIServer, fallback: bool) -> Assistant:
    settings = Settings(
        openai_base_url=fake.url, llm_model=DEFAULT_MODEL, llm_max_retries=0, llm_fallback=fallback
    )
    return Assistant(index_dir=index, backend="openai", settings=settings)


@pytest.fixture(scope="module")
def with_fallback(built_index: Path, fake: FakeOpenAIServer) -> Assistant:
    return _assistant(built_index, fake, True)


@pytest.fixture(scope="module")
def without_fallback(built_index: Path, fake: FakeOpenAIServer) -> Assistant:
    return _assistant(built_index, fake, False)


@pytest.fixture(scope="module")
def offline(with_fallback: Assistant) -> Answer:
    return with_fallback.ask(QUESTION, backend="extractive")


def test_the_extractive_answer_leads_the_prompt(
    with_fallback: Assistant, fake: FakeOpenAIServer, offline: Answer
) -> None:
    before = len(fake.chat_requests())
    with_fallback.ask(QUESTION)
    (req,) = fake.chat_requests()[before:]
    user = req.messages[-1]["content"]
    leads = user[user.index("<leads>\n") + 8 : user.index("\n</leads>")]
    found = re.findall(r'<lead source="(\d+)">(.*?)</lead>', leads)
    assert found and not offline.abstained
    assert any("red flag" in text for _, text in found)
    assert req.body["max_tokens"] == Settings().llm_max_tokens


def test_abstaining_model_gets_the_verified_extractive_answer(
    with_fallback: Assistant, fake: FakeOpenAIServer, offline: Answer
) -> None:
    fake.enqueue("The articles do not say who called the deal a red flag.")
    ans = with_fallback.ask(QUESTION)
    assert ans.backend == "openai" and ans.fallback == "extractive" and not ans.abstained
    assert (ans.answer, ans.citations) == (offline.answer, offline.citations)
    check_shown(with_fallback, ans)


def test_without_the_fallback_the_model_abstention_stands(
    without_fallback: Assistant, fake: FakeOpenAIServer
) -> None:
    fake.enqueue("The articles do not say who called the deal a red flag.")
    ans = without_fallback.ask(QUESTION)
    assert ans.abstained and ans.fallback is None and not ans.citations


def test_a_verified_answer_that_leaves_out_a_later_claim_falls_back(
    with_fallback: Assistant, fake: FakeOpenAIServer, offline: Answer
) -> None:
    """The model's answer holds the extractive answer's first claim (its sentence, its
    quotation, its speaker) but not the claims after it: it would show less than the
    extractive answer does, so the extractive answer is shown (main's round-15 rule kept it)."""
    ctx, _ = with_fallback.build_context(QUESTION)
    assert len(claims(_verified(offline))) > 1
    n = next(i for i, ev in enumerate(ctx.evidence, 1) if "red flag" in ev.text)
    fake.enqueue(f'Jamil Jivani described the deal as a "red flag" [{n}].')
    ans = with_fallback.ask(QUESTION)
    assert ans.fallback == "extractive" and ans.answer == offline.answer
    check_shown(with_fallback, ans)


def _verified(ans: Answer) -> Verified:
    return Verified(ans.answer, ans.citations, ans.abstained, Verification())


def _restated(ctx: Context, offline: Answer) -> str:
    """A strong model's answer on the extractive answer's evidence, in its own words: each
    claim's quotations shown whole under the speaker's name, a claim without one told over,
    each citing the sources of the claim's sentences."""
    lines = []
    for text, cites in claims(_verified(offline)):
        ns = "".join(f"[{_source_n(ctx, c)}]" for c in cites)
        quotes = quoted_spans(MARKER.sub("", text))
        if quotes:
            lines.append("Jamil Jivani said " + " and ".join(f'"{q}"' for q in quotes) + f" {ns}.")
        else:
            lines.append(f"He warned of job losses if tariffed imports undercut Canadian manufacturers {ns}.")
    return " ".join(lines)


def _beside(ctx: Context, offline: Answer, same_article: bool) -> str:
    """An evidence sentence the extractive answer does not cite, of an article it cites (or
    of one it does not), with its source's ``[n]``."""
    docs = {c.doc_id for c in offline.citations}
    for n, ev in enumerate(ctx.evidence, 1):
        if (ev.doc_id in docs) != same_article:
            continue
        for sp in ev.sentences:
            if any(
                c.doc_id == ev.doc_id and sp.start < c.end and c.start < sp.end for c in offline.citations
            ):
                continue
            text = ev.at(sp.start, sp.end).strip()
            if len(text) > 40 and '"' not in text and "“" not in text:
                return f"{text} [{n}]"
    raise AssertionError("no such sentence in the evidence")


def test_a_verified_answer_off_the_answering_evidence_falls_back(
    with_fallback: Assistant, fake: FakeOpenAIServer, offline: Answer
) -> None:
    """A claim that verifies but cites none of the sentences the extractive answer rests
    on does not answer: the extractive answer replaces it."""
    ctx, _ = with_fallback.build_context(QUESTION)
    lead_docs = {(c.doc_id, c.start) for c in offline.citations}
    n, ev = next(
        (i, ev)
        for i, ev in enumerate(ctx.evidence, 1)
        if "red flag" not in ev.text and all(ev.doc_id != d or ev.start > s for d, s in lead_docs)
    )
    first = ev.text[ev.sentences[0].start - ev.start : ev.sentences[0].end - ev.start].strip()
    fake.enqueue(f"{first} [{n}]")
    ans = with_fallback.ask(QUESTION)
    assert ans.fallback == "extractive" and ans.answer == offline.answer


def _source_n(ctx: Context, cite: Citation) -> int:
    """The prompt's source number of the evidence passage that holds ``cite``."""
    return next(
        i
        for i, ev in enumerate(ctx.evidence, 1)
        if ev.doc_id == cite.doc_id and ev.start <= cite.start < ev.end
    )


def test_a_strong_models_answer_on_the_same_evidence_is_shown(
    with_fallback: Assistant, fake: FakeOpenAIServer, offline: Answer
) -> None:
    """A strong model restates every claim of the extractive answer in its own words (each
    quotation whole, the speaker named), citing each sentence it rests on: its answer is
    shown, not the extractive one."""
    ctx, _ = with_fallback.build_context(QUESTION)
    fake.enqueue(_restated(ctx, offline))
    ans = with_fallback.ask(QUESTION)
    assert ans.fallback is None and not ans.abstained
    assert ans.answer.startswith("Jamil Jivani said") and ans.answer != offline.answer
    check_shown(with_fallback, ans)
    check_not_worse(ans, offline)


def test_a_strong_model_may_add_what_the_extractive_answer_left_out_of_its_articles(
    with_fallback: Assistant, fake: FakeOpenAIServer, offline: Answer
) -> None:
    """Every claim of the extractive answer held, and one more sentence: shown when that
    sentence is from an article the extractive answer cites, the extractive answer when it
    is from another article."""
    ctx, _ = with_fallback.build_context(QUESTION)
    fake.enqueue(f"{_restated(ctx, offline)} {_beside(ctx, offline, True)}")
    ans = with_fallback.ask(QUESTION)
    assert ans.fallback is None and len(ans.citations) > len(offline.citations)
    check_shown(with_fallback, ans)
    check_not_worse(ans, offline)
    fake.enqueue(f"{_restated(ctx, offline)} {_beside(ctx, offline, False)}")
    ans = with_fallback.ask(QUESTION)
    assert ans.fallback == "extractive" and ans.answer == offline.answer


def test_a_verified_answer_that_leaves_out_the_first_claim_falls_back(
    with_fallback: Assistant, without_fallback: Assistant, fake: FakeOpenAIServer, offline: Answer
) -> None:
    """A weak model answers with a later sentence of the extractive answer only (it shares
    a citation with it, but not the sentence the extractive answer's first claim rests on):
    the extractive answer is shown, marked as the fallback."""
    ctx, _ = with_fallback.build_context(QUESTION)
    second = offline.citations[1]
    assert second.n != 1 and "red flag" not in second.quote
    reply = f"{second.quote} [{_source_n(ctx, second)}]"
    fake.enqueue(reply, reply)
    alone = without_fallback.ask(QUESTION)
    assert not alone.abstained and alone.fallback is None  # it verifies on its own
    assert any(c.doc_id == second.doc_id and c.start == second.start for c in alone.citations)
    shown = with_fallback.ask(QUESTION)
    assert shown.fallback == "extractive" and shown.answer == offline.answer
    check_shown(with_fallback, shown)


FAILURES = {
    "empty": "",
    "whitespace": "   \n  ",
    "garbage": "!!@@ ## zzkq [[[ ]]] <<>> \u0000 \ufffd lorem [",
    "unclosed_quote": 'Jivani said "we will tear up every deal with Beijing [1].',
    "cut_mid_quote": "Jamil Jivani said that " + "the deal " * 40 + '"a red flag and a',
    "runaway_repetition": "red flag red flag " * 200,
}


@pytest.mark.parametrize("reply", list(FAILURES.values()), ids=list(FAILURES))
def test_model_failures_are_handled(
    reply: str,
    with_fallback: Assistant,
    without_fallback: Assistant,
    fake: FakeOpenAIServer,
    offline: Answer,
) -> None:
    fake.enqueue(reply)
    raw = without_fallback.ask(QUESTION)
    check_shown(without_fallback, raw)
    assert "tear up" not in raw.answer and "zzkq" not in raw.answer
    fake.enqueue(reply)
    ans = with_fallback.ask(QUESTION)
    check_shown(with_fallback, ans)
    assert not ans.abstained
    if ans.fallback:
        assert ans.answer == offline.answer


def test_unanswerable_question_stays_abstained(with_fallback: Assistant, fake: FakeOpenAIServer) -> None:
    """No extractive answer to fall back on: the model's (abstaining) answer stands."""
    assert with_fallback.ask(UNANSWERABLE, backend="extractive").abstained
    fake.enqueue("The articles do not say what Angela Merkel said.")
    ans = with_fallback.ask(UNANSWERABLE)
    assert ans.abstained and ans.fallback is None


def test_a_verified_answer_about_what_the_articles_lack_is_not_shown(
    with_fallback: Assistant, without_fallback: Assistant, fake: FakeOpenAIServer
) -> None:
    """The extractive backend abstains because the person asked about is in no article;
    a model answer that verifies can only rest on that same evidence, so it does not
    answer the question: the abstention is shown, marked as the fallback."""
    offline = with_fallback.ask(UNANSWERABLE, backend="extractive")
    assert offline.abstained and "Angela Merkel" in offline.answer
    ctx, _ = with_fallback.build_context(UNANSWERABLE)
    ev = ctx.evidence[0]
    sp = ev.sentences[0]
    related = f"{ev.text[sp.start - ev.start : sp.end - ev.start]} [1]"
    fake.enqueue(related, related)
    alone = without_fallback.ask(UNANSWERABLE)
    assert not alone.abstained and alone.citations  # the model's answer verifies
    shown = with_fallback.ask(UNANSWERABLE)
    assert shown.abstained and shown.fallback == "extractive" and shown.answer == offline.answer
    assert "the evidence lacks what is asked" in fallback_note(shown)
    assert "its abstention instead" in fallback_note(shown)
    check_shown(with_fallback, shown)


def test_needs_fallback_rule() -> None:
    cite = Citation(n=1, doc_id="d", quote="x", start=10, end=20)
    other = Citation(n=1, doc_id="d", quote="y", start=30, end=40)
    v = Verification()
    answered = Verified("a [1]", [cite], False, v)
    elsewhere = Verified("b [1]", [other], False, v)
    nothing = Verified("The articles do not say.", [], True, v)
    assert needs_fallback(nothing, answered) and needs_fallback(elsewhere, answered)
    assert not needs_fallback(answered, answered)
    assert not needs_fallback(nothing, nothing)
    # any extractive abstention outranks a model answer: on what the evidence lacks, or a low score
    lacking = Verified("The articles do not mention that name.", [], True, v, declined=True, absent=True)
    assert needs_fallback(elsewhere, lacking) and not needs_fallback(nothing, lacking)
    # the LLM's answer must hold every claim of the extractive answer, not only the first
    two = Verified("Roe left. [1] Doe came. [2]", [cite, other.model_copy(update={"n": 2})], False, v)
    second_only = Verified("b [1]", [other], False, v)
    both = Verified("b [1] a [2]", [other, cite.model_copy(update={"n": 2})], False, v)
    assert needs_fallback(second_only, two) and needs_fallback(answered, two)
    assert fallback_reason(answered, two) == "leaves out a claim of the extractive answer"
    assert not needs_fallback(both, two)
    first_two = Verified("Roe left. [1][2] Doe came. [2]", [cite, other.model_copy(update={"n": 2})], False, v)
    assert [c for _, c in claims(first_two)] == [first_two.citations, first_two.citations[1:]]
    assert needs_fallback(answered, first_two) and not needs_fallback(both, first_two)
    # a part's own abstention is no claim; a sentence before its markers belongs to the next claim
    parts = Verified("Roe spoke. Doe came. [1] The articles do not say: when.", [cite], False, v)
    assert claims(parts) == [("Roe spoke. Doe came. [1]", [cite])]
    # a sentence of another article beside the answer: the extractive one is shown
    beyond = Citation(n=2, doc_id="e", quote="z", start=0, end=5)
    assert needs_fallback(Verified("a [1] c [2]", [cite, beyond], False, v), answered)
    assert fallback_reason(Verified("a [1] c [2]", [cite, beyond], False, v), answered) == (
        "cites an article the extractive answer does not"
    )
    # a sentence of an article the extractive answer cites, added to all it holds: shown
    added = Verified("a [1] c [2]", [cite, other.model_copy(update={"n": 2})], False, v)
    assert not needs_fallback(added, answered)
    # the claim's quotation must be shown whole, its speaker named, its time note kept
    lead = Verified('Jane Roe: Roe called it "a long and costly road." [1]', [cite], False, v)
    whole = Verified('Jane Roe said it was "a long and costly road" [1].', [cite], False, v)
    part = Verified('Jane Roe said it was "a long" road [1].', [cite], False, v)
    unnamed = Verified('She said it was "a long and costly road" [1].', [cite], False, v)
    (claim, cites), = claims(lead)
    assert holds_claim(whole, claim, cites) and not needs_fallback(whole, lead)
    assert not holds_claim(part, claim, cites) and needs_fallback(part, lead)
    assert not holds_claim(unnamed, claim, cites) and needs_fallback(unnamed, lead)
    dated = Verified("He [Jane Roe] will visit the mill. [1] — on Monday (May 4, 2026).", [cite], False, v)
    told = Verified("Roe will visit the mill on Monday (May 4, 2026) [1].", [cite], False, v)
    undated = Verified("Roe will visit the mill [1].", [cite], False, v)
    no_name = Verified("He will visit the mill on Monday (May 4, 2026) [1].", [cite], False, v)
    assert not needs_fallback(told, dated)
    assert needs_fallback(undated, dated) and needs_fallback(no_name, dated)


# -- the CLI and HTTP show it ---------------------------------------------------------------
@pytest.fixture
def llm_env(fake: FakeOpenAIServer, monkeypatch: pytest.MonkeyPatch) -> FakeOpenAIServer:
    monkeypatch.setenv("OPENAI_BASE_URL", fake.url)
    monkeypatch.setenv("ASSISTANT_LLM_MODEL", DEFAULT_MODEL)
    monkeypatch.setenv("ASSISTANT_LLM_MAX_RETRIES", "0")
    return fake


def test_cli_json_and_text_mark_the_fallback(built_index: Path, llm_env: FakeOpenAIServer) -> None:
    args = ["ask", QUESTION, "--backend", "openai", "--index-dir", str(built_index)]
    llm_env.enqueue("The articles do not say.")
    r = runner.invoke(app, [*args, "--json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["backend"] == "openai" and data["fallback"] == "extractive" and not data["abstained"]
    assert {"question", "answer", "abstained", "citations", "timings_ms"} <= set(data)

    llm_env.enqueue("I cannot help with that, sorry!")
    r = runner.invoke(app, args)  # streamed: the draft, then the note and the answer
    assert r.exit_code == 0, r.output
    assert "I cannot help with that" in r.stdout
    after = r.stdout.split("the verified extractive answer instead:")[1]
    assert data["answer"] in after and "Sources:" in after

    llm_env.enqueue("The articles do not say.")
    r = runner.invoke(app, [*args, "--json", "--no-fallback"])
    data = json.loads(r.stdout)
    assert data["abstained"] and data["fallback"] is None


def test_http_marks_the_fallback(with_fallback: Assistant, fake: FakeOpenAIServer) -> None:
    with serve(create_app(with_fallback, web_dir=None)) as url:
        fake.enqueue("The articles do not say.")
        r = httpx.post(f"{url}/v1/ask", json={"question": QUESTION}, timeout=60)
        assert r.status_code == 200 and r.json()["fallback"] == "extractive"
        fake.enqueue("The articles do not say.")
        r = httpx.post(
            f"{url}/v1/chat/completions",
            json={"messages": [{"role": "user", "content": QUESTION}]},
            timeout=60,
        )
    body = r.json()
    assert body["assistant"]["fallback"] == "extractive" and body["assistant"]["backend"] == "openai"
    assert body["citations"] and "red flag" in body["choices"][0]["message"]["content"]


# -- the eval scores both from one generation -----------------------------------------------
def _eval(args: list[str], report: Path) -> dict[str, object]:
    r = runner.invoke(app, ["eval", *args, "--report", str(report), "--json"])
    assert r.exit_code == 0, r.output
    data: dict[str, object] = json.loads((report / "report.json").read_text())
    return data


def test_eval_scores_as_shown_and_the_llm_alone_from_one_generation(
    index_copy: Path, llm_env: FakeOpenAIServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`assistant eval --backend openai` with the fallback on asks the model once per
    question and reports both: the answers shown (report.json, fallbacks counted per
    record) and the model's own verified answers (llm-alone/report.json), which score
    exactly as a run with the fallback off. The scripted model abstains on everything."""
    from tests.conftest import CORPUS, ROOT

    rows = [json.loads(x) for x in (ROOT / "evals" / "gold.jsonl").read_text().splitlines()]
    first = {}
    for row in rows:
        first.setdefault(row["kind"], row)
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(first[k]) + "\n" for k in ("who_said", "what_said", "unanswerable")))
    args = ["--gold", str(gold), "--corpus", str(CORPUS), "--index-dir", str(index_copy)]
    before = len(llm_env.chat_requests())
    shown = _eval([*args, "--backend", "openai"], tmp_path / "shown")
    assert len(llm_env.chat_requests()) - before == 4  # 3 questions + the untimed warm-up
    extractive = _eval([*args, "--backend", "extractive"], tmp_path / "extractive")
    monkeypatch.setenv("ASSISTANT_LLM_FALLBACK", "false")
    raw = _eval([*args, "--backend", "openai"], tmp_path / "raw")

    alone = json.loads((tmp_path / "shown" / "llm-alone" / "report.json").read_text())
    meta = shown["meta"]
    assert isinstance(meta, dict)
    records = shown["records"]
    assert isinstance(records, list)
    fell = [r["id"] for r in records if r["fallback"] == "extractive"]
    answered = [r["id"] for r in extractive["records"] if not r["abstained"]]  # type: ignore[attr-defined]
    assert fell == answered and fell  # the model abstained; every extractive answer was shown
    assert meta["extra"]["fallback_answers"] == len(fell)
    assert meta["extra"]["llm_alone"]["overall"] == alone["overall"]

    def quality(report: dict[str, object]) -> dict[str, object]:
        overall = report["overall"]
        assert isinstance(overall, dict)
        return {k: v for k, v in overall.items() if not k.startswith("latency")}

    assert quality(alone) == quality(raw)  # the LLM alone, without asking it again
    assert quality(shown) == quality(extractive)  # what the reader got: the extractive answers
    assert all(r["abstained"] and r["fallback"] is None for r in alone["records"])
    assert "llm_alone" not in raw["meta"]["extra"]  # type: ignore[index]
    assert not (tmp_path / "raw" / "llm-alone").exists()


# -- the llm-server command -----------------------------------------------------------------
def test_llm_server_without_the_extra_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where llama-cpp-python is absent (the default install), one line, exit 1."""
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "llama_cpp" else real(name, *a)
    )
    r = runner.invoke(app, ["llm-server", "--port", "8091"])
    assert r.exit_code == 1
    assert r.stderr.strip().count("\n") == 0 and "pip install -e '.[local-llm]'" in r.stderr
    assert "llama_cpp" in r.stderr


def test_llm_server_command_line() -> None:
    """The documented settings: the bundled GGUF, alias smollm2, one thread, loopback."""
    from assistant.engines.local_llm import model_path, server_command, server_env
    from assistant.errors import ConfigError

    try:
        path = model_path()
    except ConfigError as exc:  # the extra is optional in the default install
        pytest.skip(str(exc))
    cmd = server_command(8091)
    assert cmd[1:4] == ["-m", "llama_cpp.server", "--model"] and cmd[4] == str(path)
    assert path.name == "SmolLM2-135M-Instruct.Q4_1.gguf" and path.stat().st_size > 90_000_000
    flags = dict(zip(cmd[5::2], cmd[6::2], strict=True))
    assert flags == {
        "--model_alias": "smollm2",
        "--n_threads": "1",
        "--n_ctx": "4096",
        "--host": "127.0.0.1",
        "--port": "8091",
    }
    assert server_env({})["OMP_WAIT_POLICY"] == "PASSIVE"
