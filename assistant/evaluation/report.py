"""Eval reports: ``report.json`` (a reloadable run), ``report.md`` and ``report.html``.

The HTML page is self-contained: inline CSS and inline SVG charts, no scripts, no
external requests, so it can be attached to a CI run and opened anywhere.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import Any

from assistant.evaluation.harness import Delta, EvalRun, compare
from assistant.evaluation.metrics import HIGHER_IS_BETTER, LOWER_IS_BETTER, METRICS, QuestionScore

#: Metrics drawn as per-kind bar charts (all are shares in [0, 1]): the quality metrics and
#: the one cost that is a share.
CHART_METRICS = (*HIGHER_IS_BETTER, "false_abstention")


def fmt(value: float | None, metric: str = "") -> str:
    """A metric value for people: shares with 3 decimals, latency in ms, ``n/a`` for None."""
    if value is None:
        return "n/a"
    return f"{value:.1f}" if metric.startswith("latency") else f"{value:.3f}"


def write_reports(run: EvalRun, out_dir: str | Path, baseline: EvalRun | None = None) -> dict[str, Path]:
    """Write the three reports into ``out_dir``; return ``{"json"|"md"|"html": path}``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    deltas = compare(run, baseline) if baseline is not None else []
    paths = {"json": out / "report.json", "md": out / "report.md", "html": out / "report.html"}
    payload = run.model_dump(mode="json")
    payload["deltas"] = [d.model_dump(mode="json") for d in deltas]
    payload["baseline_meta"] = baseline.meta.model_dump(mode="json") if baseline else None
    paths["json"].write_text(json.dumps(payload, indent=2, ensure_ascii=False), encoding="utf-8")
    paths["md"].write_text(render_markdown(run, deltas), encoding="utf-8")
    paths["html"].write_text(render_html(run, deltas), encoding="utf-8")
    return paths


# --------------------------------------------------------------------------- Markdown


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _meta_lines(run: EvalRun) -> list[tuple[str, str]]:
    m = run.meta
    return [
        ("backend", m.backend or "?"),
        ("embedder", m.embedder or "?"),
        ("prompt hash", m.prompt_hash or "none"),
        ("corpus fingerprint", m.corpus_fingerprint or "?"),
        ("git commit", m.git_commit or "unknown"),
        ("timestamp", m.timestamp),
        ("questions", str(m.questions)),
        *_ranker_lines(m.extra.get("ranker")),
        *_fallback_lines(m.extra),
        *_settings_lines(m.extra.get("settings")),
    ]


def _fallback_lines(extra: dict[str, Any]) -> list[tuple[str, str]]:
    """With an LLM backend: how many shown answers the fallback wrote, and where the
    LLM's own answers (the same generation, scored without the fallback) are reported."""
    out = []
    if "fallback_answers" in extra:
        out.append(("answers by the fallback", str(extra["fallback_answers"])))
    alone = extra.get("llm_alone")
    if isinstance(alone, dict):
        out.append(("the LLM alone", str(alone.get("report"))))
    return out


def _settings_lines(settings: Any) -> list[tuple[str, str]]:
    """The settings of the run (secrets excluded when recorded), one ``group.key=value`` list."""
    if not isinstance(settings, dict):
        return []

    def flat(d: dict[str, Any], prefix: str = "") -> list[str]:
        out = []
        for k, v in d.items():
            out += flat(v, f"{prefix}{k}.") if isinstance(v, dict) else [f"{prefix}{k}={v}"]
        return out

    return [("settings", ", ".join(flat(settings)))]


def _ranker_lines(ranker: Any) -> list[tuple[str, str]]:
    """The extractive ranker's fitted weights and abstention threshold, when recorded."""
    if not isinstance(ranker, dict) or "weights" not in ranker:
        return []
    weights = ", ".join(f"{k} {v:+.2f}" for k, v in ranker["weights"].items())
    fitted = ranker.get("fitted") or {}
    return [
        ("ranker threshold", f"{ranker.get('threshold', 0.0):.3f}"),
        ("ranker weights", weights),
        ("ranker fitted on", "; ".join(str(d) for d in fitted.get("data", [])) or "?"),
    ]


def render_markdown(run: EvalRun, deltas: Sequence[Delta] = ()) -> str:
    kinds = list(run.by_kind)
    lines = ["# Eval report", ""]
    lines += [f"- **{k}**: `{v}`" for k, v in _meta_lines(run)]
    lines += ["", "## Metrics", "", "| metric | overall | " + " | ".join(kinds) + " |"]
    lines.append("|---" * (len(kinds) + 2) + "|")
    for m in METRICS:
        row = [fmt(run.overall.get(m), m)] + [fmt(run.by_kind[k].get(m), m) for k in kinds]
        lines.append(f"| {m} | " + " | ".join(row) + " |")
    if deltas:
        lines += [
            "",
            "## Against the baseline",
            "",
            "| scope | metric | baseline | now | delta | |",
            "|---|---|---|---|---|---|",
        ]
        for d in deltas:
            mark = "**REGRESSION**" if d.regression else ""
            delta = "n/a" if d.delta is None else f"{d.delta:+.3f}"
            lines.append(
                f"| {d.scope} | {d.metric} | {fmt(d.baseline, d.metric)} | "
                f"{fmt(d.current, d.metric)} | {delta} | {mark} |"
            )
    fails = run.failures
    lines += ["", f"## Failures ({len(fails)} of {len(run.records)})", ""]
    for r in fails:
        lines += [f"### {r.id} ({r.kind})", "", f"**Q:** {_md(r.question)}", ""]
        lines += [f"- {_md(x)}" for x in r.failures]
        if r.reference:
            lines.append(f"- expected: {_md(r.reference)}")
        lines.append(f"- answer: {_md(r.answer) or '(empty)'}")
        for c in r.citations:
            lines.append(f"  - [{c.get('n')}] `{c.get('doc_id')}`: {_md(str(c.get('quote', '')))}")
        lines.append("")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- HTML

_CSS = """
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:0;color:#1d232b;
background:#f6f7f9}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{margin:0 0 4px;font-size:24px}h2{margin:28px 0 10px;font-size:18px}
.meta{display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:6px 16px;
color:#4a5562;font-size:12px}.meta b{color:#1d232b}
table{border-collapse:collapse;background:#fff;width:100%;font-size:13px}
th,td{border:1px solid #dde1e6;padding:4px 8px;text-align:right}
th:first-child,td:first-child{text-align:left}th{background:#eef1f4}
.reg{color:#b42318;font-weight:600}.imp{color:#067647}
.card{background:#fff;border:1px solid #dde1e6;border-radius:6px;padding:10px 14px;
margin:10px 0}
.card.fail{border-left:4px solid #d92d20}.card.pass{border-left:4px solid #12b76a}
.card h3{margin:0 0 6px;font-size:14px}.kind{color:#4a5562;font-weight:400}
.why{color:#b42318;margin:4px 0;padding-left:18px}
.ans{white-space:pre-wrap;background:#f6f7f9;padding:6px 8px;border-radius:4px}
.cit{font-size:12px;color:#4a5562;margin:2px 0 2px 12px}
.facts span{display:inline-block;border-radius:3px;padding:0 5px;margin:1px;font-size:12px}
.hit{background:#d1fadf}.miss{background:#fee4e2}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(330px,1fr));gap:12px}
.chart{background:#fff;border:1px solid #dde1e6;border-radius:6px;padding:8px}
.chart h4{margin:0 0 4px;font-size:13px}
svg text{font:11px system-ui,sans-serif;fill:#1d232b}
details summary{cursor:pointer;margin:8px 0}
"""

_PALETTE = ("#155eef", "#7a5af8", "#ee46bc", "#f79009", "#12b76a", "#06aed4", "#667085")


def _bars_svg(title: str, values: Sequence[tuple[str, float | None]]) -> str:
    """A horizontal bar chart of shares in [0, 1] (``None`` drawn as n/a)."""
    row, label_w, bar_w = 20, 110, 180
    height = row * len(values) + 8
    parts = [
        f'<svg width="{label_w + bar_w + 50}" height="{height}" role="img" aria-label="{escape(title)}">'
    ]
    for i, (label, v) in enumerate(values):
        y = 4 + i * row
        parts.append(f'<text x="0" y="{y + 13}">{escape(label)}</text>')
        parts.append(f'<rect x="{label_w}" y="{y + 2}" width="{bar_w}" height="14" fill="#eef1f4"/>')
        if v is not None:
            w = max(0.0, min(1.0, v)) * bar_w
            color = _PALETTE[0] if label == "overall" else _PALETTE[1]
            parts.append(f'<rect x="{label_w}" y="{y + 2}" width="{w:.1f}" height="14" fill="{color}"/>')
        parts.append(f'<text x="{label_w + bar_w + 6}" y="{y + 13}">{fmt(v)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _histogram_svg(latencies: Sequence[float], p50: float | None, p95: float | None) -> str:
    """Latency histogram (ms) with the p50 and p95 marked."""
    width, height, pad_l, pad_b = 640, 180, 40, 28
    if not latencies:
        return '<svg width="300" height="30"><text x="0" y="20">no latencies</text></svg>'
    lo, hi = min(latencies), max(latencies)
    bins = min(20, max(5, len(latencies) // 4))
    span = (hi - lo) or 1.0
    counts = [0] * bins
    for x in latencies:
        counts[min(bins - 1, int((x - lo) / span * bins))] += 1
    top = max(counts)
    plot_w, plot_h = width - pad_l - 10, height - pad_b - 10
    bw = plot_w / bins
    parts = [f'<svg width="{width}" height="{height}" role="img" aria-label="latency histogram">']
    for i, c in enumerate(counts):
        h = c / top * plot_h
        x = pad_l + i * bw
        parts.append(
            f'<rect x="{x + 1:.1f}" y="{10 + plot_h - h:.1f}" width="{bw - 2:.1f}" '
            f'height="{h:.1f}" fill="{_PALETTE[0]}"><title>{c}</title></rect>'
        )
    y0 = 10 + plot_h
    parts.append(f'<line x1="{pad_l}" y1="{y0}" x2="{width - 10}" y2="{y0}" stroke="#667085"/>')
    parts.append(f'<text x="{pad_l}" y="{y0 + 16}">{lo:.1f} ms</text>')
    parts.append(f'<text x="{width - 10}" y="{y0 + 16}" text-anchor="end">{hi:.1f} ms</text>')
    parts.append(f'<text x="{pad_l - 6}" y="18" text-anchor="end">{top}</text>')
    for name, v, color in (("p50", p50, "#067647"), ("p95", p95, "#b42318")):
        if v is None:
            continue
        x = pad_l + (v - lo) / span * plot_w
        parts.append(
            f'<line x1="{x:.1f}" y1="10" x2="{x:.1f}" y2="{y0}" stroke="{color}" stroke-dasharray="4 3"/>'
        )
        parts.append(
            f'<text x="{x + 3:.1f}" y="{22 if name == "p50" else 36}" fill="{color}">{name} {v:.1f} ms</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _record_html(r: QuestionScore) -> str:
    failed = bool(r.failures)
    out = [
        f'<div class="card {"fail" if failed else "pass"}" id="q-{escape(r.id)}">',
        f'<h3>{escape(r.id)} <span class="kind">{escape(r.kind)}'
        f"{' · answerable' if r.answerable else ' · unanswerable'}"
        f"{f' · {r.latency_ms:.0f} ms' if r.latency_ms is not None else ''}</span></h3>",
        f"<div><b>Q:</b> {escape(r.question)}</div>",
    ]
    if failed:
        out.append('<ul class="why">' + "".join(f"<li>{escape(x)}</li>" for x in r.failures) + "</ul>")
    if r.facts:
        spans = "".join(
            f'<span class="{"hit" if h is not None else "miss"}">{escape(" | ".join(g))}</span>'
            for g, h in zip(r.facts, r.fact_hits, strict=True)
        )
        out.append(f'<div class="facts"><b>Facts:</b> {spans}</div>')
    if r.reference:
        out.append(f"<div><b>Expected:</b> {escape(r.reference)}</div>")
    flags = []
    if r.speaker:
        flags.append(f"speaker {escape(r.speaker)}: {'yes' if r.speaker_hit else 'no'}")
    if r.date or r.date_text:
        flags.append(f"date {escape(r.date_text or r.date or '')}: {'yes' if r.date_hit else 'no'}")
    flags.append(f"sources: {escape(', '.join(r.sources) or 'none')}")
    if r.verification:
        flags.append("verification: " + escape(", ".join(f"{k} {v}" for k, v in r.verification.items())))
    out.append(f'<div class="cit">{" · ".join(flags)}</div>')
    abst = " (abstained)" if r.abstained else ""
    out.append(f'<div><b>Answer{abst}:</b></div><div class="ans">{escape(r.answer) or "(empty)"}</div>')
    for c in r.citations:
        mark = "" if str(c.get("doc_id")) in r.sources else ' <span class="reg">not a source</span>'
        out.append(
            f'<div class="cit">[{escape(str(c.get("n")))}] '
            f"<code>{escape(str(c.get('doc_id')))}</code>{mark}: "
            f"{escape(str(c.get('quote', '')))}</div>"
        )
    bad = [q for q in r.quote_checks if not q.found]
    for q in bad:
        out.append(f'<div class="cit reg">quote not found ({q.origin}): {escape(q.span)}</div>')
    out.append("</div>")
    return "".join(out)


def _metric_table_html(run: EvalRun, deltas: Sequence[Delta]) -> str:
    kinds = list(run.by_kind)
    base = {(d.scope, d.metric): d for d in deltas}
    head = "".join(f"<th>{escape(k)}</th>" for k in kinds)
    rows = [f"<table><tr><th>metric</th><th>overall</th>{'<th>baseline Δ</th>' if deltas else ''}{head}</tr>"]
    for m in METRICS:
        cells = [f"<td>{fmt(run.overall.get(m), m)}</td>"]
        if deltas:
            d = base.get(("overall", m))
            if d is None or d.delta is None:
                cells.append(
                    f'<td class="{"reg" if d and d.regression else ""}">{"n/a" if d is None else "lost"}</td>'
                )
            else:
                cls = "reg" if d.regression else ("imp" if _improved(d) else "")
                cells.append(
                    f'<td class="{cls}">{d.delta:+.3f}{" ▼ regression" if d.regression else ""}</td>'
                )
        for k in kinds:
            d = base.get((k, m))
            cls = ' class="reg"' if d is not None and d.regression else ""
            cells.append(f"<td{cls}>{fmt(run.by_kind[k].get(m), m)}</td>")
        rows.append(f"<tr><td>{m}</td>{''.join(cells)}</tr>")
    rows.append("</table>")
    return "".join(rows)


def _improved(d: Delta) -> bool:
    if d.delta is None or d.delta == 0:
        return False
    return d.delta < 0 if d.metric in LOWER_IS_BETTER else d.delta > 0


def render_html(run: EvalRun, deltas: Sequence[Delta] = ()) -> str:
    fails = run.failures
    passes = [r for r in run.records if not r.failures]
    regressions = [d for d in deltas if d.regression]
    meta = "".join(f"<div><b>{escape(k)}</b>: {escape(v)}</div>" for k, v in _meta_lines(run))
    charts = []
    for m in CHART_METRICS:
        vals = [("overall", run.overall.get(m))] + [(k, v.get(m)) for k, v in run.by_kind.items()]
        if all(v is None for _, v in vals):
            continue
        charts.append(f'<div class="chart"><h4>{m}</h4>{_bars_svg(m, vals)}</div>')
    lat = [r.latency_ms for r in run.records if r.latency_ms is not None]
    body = [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        f"<title>Eval report · {escape(run.meta.backend or '?')}</title>",
        f"<style>{_CSS}</style></head><body><main>",
        f'<h1>Eval report</h1><div class="meta">{meta}</div>',
        f"<p><b>{len(fails)}</b> of {len(run.records)} questions failed at least one check"
        + (
            f'; <span class="reg">{len(regressions)} regressions against the baseline</span>'
            if regressions
            else ""
        )
        + ".</p>",
        "<h2>Metrics</h2>",
        _metric_table_html(run, deltas),
        "<h2>Metrics by kind</h2>",
        f'<div class="charts">{"".join(charts)}</div>',
        "<h2>Latency</h2>",
        _histogram_svg(lat, run.overall.get("latency_p50_ms"), run.overall.get("latency_p95_ms")),
        f"<h2>Failures ({len(fails)})</h2>",
        "".join(_record_html(r) for r in fails) or "<p>None.</p>",
        f"<details><summary>Passed questions ({len(passes)})</summary>",
        "".join(_record_html(r) for r in passes),
        "</details>",
        "</main></body></html>",
    ]
    return "\n".join(body)
