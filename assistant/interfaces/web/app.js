// The web app of `assistant serve`: ask with streamed answers, read cited words in their
// article, browse speakers, their quotes and the timeline. Plain DOM, no build step.
// Every piece of data reaches the page as a text node (never as HTML): articles may hold
// text that looks like markup.
"use strict";

const KEY_STORE = "assistant.apiKey";
const view = document.getElementById("view");
const state = { ask: null, status: null, speakers: null };
let renderSeq = 0;

// -- DOM helpers -------------------------------------------------------------------------
/** Create an element; strings among the children become text nodes. */
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.className = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  append(el, children);
  return el;
}

/** Append nodes or strings (or nested arrays of them) to `el`, strings as text nodes. */
function append(el, children) {
  for (const c of [children].flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

function formatDate(iso) {
  if (!iso) return "";
  const d = new Date(iso + "T00:00:00Z");
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(undefined, { timeZone: "UTC", year: "numeric", month: "short", day: "numeric" });
}

function timeEl(iso, extra) {
  return h("time", { datetime: iso }, formatDate(iso), extra ? ` ${extra}` : "");
}

function articleHref(docId, start, end) {
  const q = new URLSearchParams();
  if (Number.isInteger(start) && Number.isInteger(end)) {
    q.set("start", String(start));
    q.set("end", String(end));
  }
  const qs = q.toString();
  return `#/article/${encodeURIComponent(docId)}${qs ? "?" + qs : ""}`;
}

function sourceLabel(s) {
  return [s.title || s.doc_id, s.outlet].filter(Boolean).join(" — ");
}

// -- API -----------------------------------------------------------------------------------
class AuthNeeded extends Error {}
class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function api(path, init) {
  const opts = Object.assign({}, init || {});
  const headers = new Headers(opts.headers || {});
  const key = sessionStorage.getItem(KEY_STORE);
  if (key) headers.set("Authorization", "Bearer " + key);
  opts.headers = headers;
  const res = await fetch(path, opts);
  if (res.status === 401) {
    showLogin(key ? "That key was refused; try again." : "");
    throw new AuthNeeded("An API key is needed.");
  }
  if (!res.ok) {
    let msg = `${res.status} ${res.statusText}`;
    try {
      msg = (await res.json()).error.message || msg;
    } catch (_) { /* not JSON */ }
    throw new ApiError(res.status, msg);
  }
  return res;
}

async function getJSON(path, params) {
  let url = path;
  if (params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    if (q.toString()) url += "?" + q.toString();
  }
  return (await api(url)).json();
}

async function speakers() {
  if (!state.speakers) state.speakers = (await getJSON("/v1/speakers")).speakers;
  return state.speakers;
}

// -- login ---------------------------------------------------------------------------------
const login = document.getElementById("login");
const loginKey = document.getElementById("login-key");

function showLogin(message) {
  document.getElementById("login-error").textContent = message || "";
  if (login.hidden) {
    login.hidden = false;
    loginKey.focus();
  }
}

document.getElementById("login-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const key = loginKey.value.trim();
  if (!key) return;
  sessionStorage.setItem(KEY_STORE, key);
  loginKey.value = "";
  login.hidden = true;
  state.status = null;
  state.speakers = null;
  route();
});

// -- routing -------------------------------------------------------------------------------
function parseHash() {
  const raw = location.hash.replace(/^#\/?/, "");
  const qi = raw.indexOf("?");
  const path = qi >= 0 ? raw.slice(0, qi) : raw;
  const params = new URLSearchParams(qi >= 0 ? raw.slice(qi + 1) : "");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  return { name: parts[0] || "ask", arg: parts.slice(1).join("/"), params };
}

const routes = { ask: viewAsk, article: viewArticle, speakers: viewSpeakers, speaker: viewSpeaker, timeline: viewTimeline };

async function route() {
  const seq = ++renderSeq;
  const r = parseHash();
  const render = routes[r.name] || viewNotFound;
  for (const a of document.querySelectorAll("[data-nav]")) {
    const here = a.dataset.nav === r.name || (a.dataset.nav === "speakers" && r.name === "speaker");
    if (here) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  const page = h("div", { class: "page" });
  try {
    const focus = await render(page, r, () => seq === renderSeq);
    if (seq !== renderSeq) return;
    clear(view).appendChild(page);
    rendered(r, seq);
    (focus || page.querySelector("h1") || view).focus({ preventScroll: Boolean(focus) });
    if (focus) focus.scrollIntoView({ block: "center" });
    else window.scrollTo(0, 0);
  } catch (err) {
    if (seq !== renderSeq) return;
    clear(view).appendChild(errorPage(err));
    rendered(r, seq);
  }
  refreshStatus();
}

/** Mark the view with the route it now shows and the render's number, so a script (or a
 *  test) driving the page can tell a finished render from the page that was there before. */
function rendered(r, seq) {
  view.dataset.route = r.name;
  view.dataset.render = String(seq);
}

function errorPage(err) {
  if (err instanceof AuthNeeded) {
    return h("div", { class: "page" }, h("h1", { tabindex: "-1" }, "Sign in"),
      h("p", null, "Enter the server's API key above to continue."));
  }
  return h("div", { class: "page" }, h("h1", { tabindex: "-1" }, "Something went wrong"),
    h("p", { class: "error", role: "alert" }, err.message || String(err)));
}

async function refreshStatus() {
  if (state.status) return;
  try {
    state.status = await getJSON("/v1/status");
    const s = state.status;
    document.getElementById("index-status").textContent =
      `${s.articles} articles, ${s.quotes ?? 0} quotes indexed.`;
    if (parseHash().name === "ask") {
      const slot = document.getElementById("backend-slot");
      if (slot) fillBackend(slot);
    }
  } catch (_) { /* login shown or server down: the view says so */ }
}

function viewNotFound(page) {
  append(page, [h("h1", { tabindex: "-1" }, "Not found"), h("p", null, h("a", { href: "#/ask" }, "Go to Ask"))]);
}

// -- ask -----------------------------------------------------------------------------------
function fillBackend(slot) {
  const names = (state.status && state.status.backends) || [];
  clear(slot);
  if (names.length < 2) return;
  const sel = h("select", { id: "backend", name: "backend" },
    names.map((n) => h("option", { value: n, selected: state.ask && state.ask.backend === n }, n)));
  append(slot, [h("label", { for: "backend" }, "Answer with"), sel]);
}

function viewAsk(page) {
  document.title = "Ask — who said what";
  const s = state.ask;
  const input = h("input", { id: "question", name: "question", type: "text", required: true,
    autocomplete: "off", placeholder: "e.g. Who said the talks were encouraging?", value: s ? s.question : null });
  const slot = h("div", { id: "backend-slot", class: "backend" });
  const out = h("section", { id: "answer", class: "answer", "aria-live": "polite", "aria-busy": "false",
    "aria-label": "Answer" });
  const form = h("form", { class: "ask", onsubmit: (ev) => { ev.preventDefault(); submitAsk(input); } },
    h("label", { for: "question" }, "Your question"),
    h("div", { class: "row" }, input, h("button", { type: "submit", id: "ask-button",
      disabled: Boolean(s && s.status === "streaming") }, "Ask")),
    slot);
  fillBackend(slot);
  append(page, [h("h1", { tabindex: "-1" }, "Ask who said what, and when"),
    h("p", { class: "lead" }, "Answers quote the articles word for word; each [n] opens the article at the cited words."),
    form, out]);
  if (s) renderAnswer(out, s);
  return s ? null : input;
}

async function submitAsk(input) {
  const question = input.value.trim();
  if (!question || (state.ask && state.ask.status === "streaming")) return;
  const sel = document.getElementById("backend");
  const s = { question, backend: sel ? sel.value : null, status: "streaming", draft: "", final: null, error: null };
  state.ask = s;
  const redraw = () => {
    const el = document.getElementById("answer");
    const button = document.getElementById("ask-button");
    if (button) button.disabled = s.status === "streaming";
    if (el && state.ask === s) renderAnswer(el, s);
  };
  redraw();
  try {
    await streamAnswer(s, redraw);
    s.status = s.final ? "done" : "error";
    if (!s.final && !s.error) s.error = "The answer stream ended early.";
  } catch (err) {
    s.status = "error";
    s.error = err instanceof AuthNeeded ? "Sign in above, then ask again." : (err.message || String(err));
  }
  redraw();
}

/** POST the question to the chat endpoint with `stream: true` and read its SSE events. */
async function streamAnswer(s, update) {
  const body = { model: "assistant", stream: true, messages: [{ role: "user", content: s.question }] };
  if (s.backend) body.backend = s.backend;
  const res = await api("/v1/chat/completions", {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  });
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buf = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buf += decoder.decode(value, { stream: !done });
    let cut;
    while ((cut = buf.indexOf("\n\n")) >= 0) {
      const event = buf.slice(0, cut);
      buf = buf.slice(cut + 2);
      const data = event.split("\n").filter((l) => l.startsWith("data:")).map((l) => l.slice(5).trimStart()).join("\n");
      if (!data || data === "[DONE]") continue;
      const obj = JSON.parse(data);
      if (obj.error) throw new ApiError(500, obj.error.message);
      const choice = (obj.choices || [])[0];
      if (!choice) continue;
      if (choice.delta && choice.delta.content) s.draft += choice.delta.content;
      if (choice.finish_reason) {
        const extra = obj.assistant || {};
        s.final = { text: extra.answer ?? stripSources(s.draft), citations: obj.citations || [],
          abstained: Boolean(extra.abstained), backend: extra.backend, fallback: extra.fallback || null };
      }
      update();
    }
    if (done) break;
  }
}

function stripSources(text) {
  const i = text.indexOf("\n\nSources:");
  return i >= 0 ? text.slice(0, i) : text;
}

function renderAnswer(out, s) {
  clear(out);
  out.setAttribute("aria-busy", s.status === "streaming" ? "true" : "false");
  append(out, h("p", { class: "asked" }, h("span", { class: "label" }, "Question: "), s.question));
  if (s.status === "streaming") {
    const text = stripSources(s.draft);
    append(out, h("p", { class: "answer-text streaming" }, text || "Searching the articles…"));
    return;
  }
  if (s.error) {
    append(out, h("p", { class: "error", role: "alert" }, s.error));
    return;
  }
  const f = s.final;
  const byN = new Map(f.citations.map((c) => [c.n, c]));
  const p = h("p", { class: "answer-text" + (f.abstained ? " abstained" : "") });
  let last = 0;
  for (const m of f.text.matchAll(/\[(\d+)\]/g)) {
    const c = byN.get(Number(m[1]));
    if (!c) continue;
    append(p, f.text.slice(last, m.index));
    append(p, h("a", { class: "cite", href: articleHref(c.doc_id, c.start, c.end),
      "aria-label": `Source ${c.n}: ${sourceLabel(c)}` }, `[${c.n}]`));
    last = m.index + m[0].length;
  }
  append(p, f.text.slice(last));
  append(out, p);
  if (f.citations.length) {
    append(out, [h("h2", null, "Sources"), h("ol", { class: "sources" }, f.citations.map((c) => h("li", { value: c.n },
      h("blockquote", null, c.quote),
      h("p", { class: "meta" }, sourceLabel(c), c.published ? [" · ", timeEl(c.published)] : null, " · ",
        h("a", { href: articleHref(c.doc_id, c.start, c.end) }, "Read in article")))))]);
  }
  if (f.fallback) {
    append(out, h("p", { class: "meta small fallback" },
      f.abstained
        ? `The ${f.backend} model answered, but the evidence lacks what is asked or holds no answer the ${f.fallback} backend could verify; this is its abstention.`
        : `The ${f.backend} model gave no verified answer holding the ${f.fallback} answer's evidence; this is the verified ${f.fallback} answer.`));
  } else if (f.backend) append(out, h("p", { class: "meta small" }, `Answered by the ${f.backend} backend.`));
}

// -- article -------------------------------------------------------------------------------
async function viewArticle(page, r) {
  const art = await getJSON(`/v1/articles/${encodeURIComponent(r.arg)}`);
  document.title = `${art.title || art.doc_id} — who said what`;
  const start = parseInt(r.params.get("start"), 10);
  const end = parseInt(r.params.get("end"), 10);
  const hl = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= art.text.length;
  const meta = [];
  if (art.outlet) meta.push(h("span", { class: "outlet" }, art.outlet));
  if (art.published) {
    meta.push(h("span", { class: "published" }, "Published ", timeEl(art.published),
      art.published_source === "inferred" ? h("span", { class: "inferred", title: "Date inferred, not stated by the article" }, " (inferred)") : null));
  } else meta.push(h("span", { class: "published" }, "Publication date unknown"));
  if (art.author) meta.push(h("span", null, `By ${art.author}`));
  append(page, [
    h("p", { class: "back" }, h("button", { type: "button", class: "link",
      onclick: () => { if (history.length > 1) history.back(); else location.hash = "#/ask"; } }, "← Back")),
    h("h1", { tabindex: "-1" }, art.title || art.doc_id),
    h("p", { class: "meta article-meta" }, meta.map((m, i) => (i ? [" · ", m] : m))),
    art.url && /^https?:\/\//.test(art.url)
      ? h("p", { class: "meta small" }, h("a", { href: art.url, rel: "noopener noreferrer", target: "_blank" }, "Original article"))
      : null,
  ]);
  if (hl) append(page, h("p", { class: "note" }, "The cited words are highlighted."));
  const body = h("div", { class: "article-text" });
  const marks = [];
  const re = /[^\n]+/g;
  for (const m of art.text.matchAll(re)) {
    const ps = m.index, pe = ps + m[0].length;
    const p = h("p");
    if (hl && start < pe && ps < end) {
      const a = Math.max(ps, start), b = Math.min(pe, end);
      const mark = h("mark", { tabindex: "-1" }, art.text.slice(a, b));
      marks.push(mark);
      append(p, [art.text.slice(ps, a), mark, art.text.slice(b, pe)]);
    } else append(p, m[0]);
    body.appendChild(p);
  }
  append(page, [body, h("p", { class: "meta small" }, `Document ${art.doc_id}`)]);
  return marks[0] || null;
}

// -- speakers ------------------------------------------------------------------------------
async function viewSpeakers(page) {
  document.title = "Speakers — who said what";
  const all = await speakers();
  const list = h("ul", { class: "cards speakers" });
  const count = h("p", { class: "meta", "aria-live": "polite" });
  const filter = h("input", { id: "speaker-filter", type: "search", autocomplete: "off",
    oninput: () => show(filter.value) });
  function show(text) {
    const k = text.trim().toLowerCase();
    const got = all.filter((s) => !k || [s.name, ...(s.aliases || []), ...(s.roles || [])].some((x) => x.toLowerCase().includes(k)));
    clear(list);
    for (const s of got) {
      const docs = (s.doc_ids || []).length;
      list.appendChild(h("li", { class: "card" },
        h("h2", null, h("a", { href: `#/speaker/${encodeURIComponent(s.id)}` }, s.name)),
        s.roles && s.roles.length ? h("p", { class: "role" }, s.roles.join("; ")) : null,
        s.aliases && s.aliases.length ? h("p", { class: "meta" }, "Also called ", s.aliases.join(", ")) : null,
        h("p", { class: "count" }, `${s.quote_count} ${s.quote_count === 1 ? "quote" : "quotes"}`,
          docs ? ` in ${docs} ${docs === 1 ? "article" : "articles"}` : "")));
    }
    count.textContent = `${got.length} of ${all.length} speakers`;
  }
  show("");
  append(page, [h("h1", { tabindex: "-1" }, "Speakers"),
    h("div", { class: "filters" }, h("label", { for: "speaker-filter" }, "Filter by name or role"), filter),
    count, list]);
}

async function viewSpeaker(page, r) {
  const sp = (await speakers()).find((s) => s.id === r.arg);
  if (!sp) {
    append(page, [h("h1", { tabindex: "-1" }, "Unknown speaker"), h("p", null, h("a", { href: "#/speakers" }, "All speakers"))]);
    return;
  }
  document.title = `${sp.name} — who said what`;
  const f = { about: r.params.get("about") || "", since: r.params.get("since") || "", until: r.params.get("until") || "" };
  const data = await getJSON("/v1/quotes", { speaker: sp.name, about: f.about, since: f.since, until: f.until });
  const sources = data.sources || {};
  const quotes = data.quotes.map((q) => {
    const src = sources[q.doc_id] || {};
    return Object.assign({}, q, { day: q.date || src.published || null, src });
  });
  if (!f.about) {
    quotes.sort((a, b) => (a.day || "9999").localeCompare(b.day || "9999")
      || a.doc_id.localeCompare(b.doc_id) || a.start - b.start);
  }
  append(page, [
    h("p", { class: "back" }, h("a", { href: "#/speakers" }, "← All speakers")),
    h("h1", { tabindex: "-1" }, sp.name),
    sp.roles && sp.roles.length ? h("p", { class: "role" }, sp.roles.join("; ")) : null,
    sp.aliases && sp.aliases.length ? h("p", { class: "meta" }, "Also called ", sp.aliases.join(", ")) : null,
    filterForm(f, (next) => { location.hash = `#/speaker/${encodeURIComponent(sp.id)}${query(next)}`; }),
    h("p", { class: "meta", id: "result-count" }, `${quotes.length} ${quotes.length === 1 ? "quote" : "quotes"}`,
      f.about || f.since || f.until ? " match the filters" : "",
      " · ", h("a", { href: `#/timeline?speaker=${encodeURIComponent(sp.name)}` }, "On the timeline")),
    h("ol", { class: "quotes" }, quotes.map(quoteItem)),
  ]);
}

function quoteItem(q) {
  const inferred = !q.date && q.src.published_source === "inferred";
  const when = q.day
    ? [timeEl(q.day), q.date ? (q.date_text ? ` (said “${q.date_text}”)` : "") : inferred ? " (published, inferred)" : " (published)"]
    : "Undated";
  return h("li", { class: "quote" },
    h("p", { class: "when" }, when, q.kind === "indirect"
      ? h("span", { class: "badge", title: "Reported speech: the article's paraphrase, not a direct quotation" }, "reported")
      : q.kind === "authored"
      ? h("span", { class: "badge", title: "The writer's own words: an opinion column signed in its closing line" }, "column")
      : null),
    h("blockquote", null, q.quote),
    h("p", { class: "meta" }, sourceLabel(Object.assign({ doc_id: q.doc_id }, q.src)), " · ",
      h("a", { href: articleHref(q.doc_id, q.start, q.end), class: "read" }, "Read in article")));
}

function query(f) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? "?" + s : "";
}

function filterForm(f, go) {
  const about = h("input", { id: "f-about", name: "about", type: "search", value: f.about, autocomplete: "off" });
  const since = h("input", { id: "f-since", name: "since", type: "date", value: f.since });
  const until = h("input", { id: "f-until", name: "until", type: "date", value: f.until });
  return h("form", { class: "filters grid quote-filters", role: "search", "aria-label": "Filter quotes",
    onsubmit: (ev) => { ev.preventDefault(); go({ about: about.value.trim(), since: since.value, until: until.value }); } },
    h("div", null, h("label", { for: "f-about" }, "About"), about),
    h("div", { class: "half" }, h("label", { for: "f-since" }, "Since"), since),
    h("div", { class: "half" }, h("label", { for: "f-until" }, "Until"), until),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Filter"),
      h("button", { type: "button", class: "secondary", onclick: () => go({}) }, "Clear")));
}

// -- timeline ------------------------------------------------------------------------------
async function viewTimeline(page, r) {
  document.title = "Timeline — who said what";
  const f = { speaker: r.params.get("speaker") || "", about: r.params.get("about") || "" };
  const [data, all] = await Promise.all([getJSON("/v1/timeline", f), speakers()]);
  const about = h("input", { id: "t-about", type: "search", value: f.about, autocomplete: "off" });
  const who = h("select", { id: "t-speaker" }, h("option", { value: "" }, "Everyone"),
    all.map((s) => h("option", { value: s.name, selected: s.name === f.speaker }, s.name)));
  const form = h("form", { class: "filters grid timeline-filters", role: "search", "aria-label": "Filter the timeline",
    onsubmit: (ev) => { ev.preventDefault(); location.hash = "#/timeline" + query({ speaker: who.value, about: about.value.trim() }); } },
    h("div", null, h("label", { for: "t-speaker" }, "Speaker"), who),
    h("div", null, h("label", { for: "t-about" }, "About"), about),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Filter"),
      h("button", { type: "button", class: "secondary", onclick: () => { location.hash = "#/timeline"; } }, "Clear")));
  const entries = data.entries;
  const list = h("ol", { class: "timeline" });
  let day = null, group = null;
  for (const e of entries) {
    if (e.date !== day) {
      day = e.date;
      group = h("ol", { class: "day-entries" });
      list.appendChild(h("li", { class: "day" }, h("h2", null, timeEl(e.date)), group));
    }
    const basis = e.when ? `“${e.when}”` : e.basis === "published" ? "publication date" : e.basis;
    const inferred = e.basis === "published" && e.published_source === "inferred";
    group.appendChild(h("li", { class: "entry " + e.kind },
      h("p", { class: "when" }, h("span", { class: "badge" }, e.kind === "statement" ? "Statement" : "Event"),
        e.speaker ? h("strong", null, e.speaker) : null, h("span", { class: "meta" }, ` dated by ${basis}${inferred ? " (inferred)" : ""}`)),
      h("blockquote", null, e.text),
      h("p", { class: "meta" }, sourceLabel(e), " · ", h("a", { href: articleHref(e.doc_id, e.start, e.end), class: "read" }, "Read in article"))));
  }
  append(page, [h("h1", { tabindex: "-1" }, "Timeline"),
    h("p", { class: "lead" }, "Dated statements and events, oldest first, each cited to its article."), form,
    h("p", { class: "meta", id: "result-count" }, `${entries.length} ${entries.length === 1 ? "entry" : "entries"}`),
    entries.length ? list : h("p", null, "Nothing dated matches.")]);
}

// -- start -----------------------------------------------------------------------------------
document.getElementById("skip").addEventListener("click", () => view.focus());
window.addEventListener("hashchange", route);
if (!location.hash) history.replaceState(null, "", "#/ask");
route();
