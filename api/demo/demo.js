// copydesk demo: send the article to /v1/analyze and show the report with its findings
// highlighted. The article and every string from the report reach the page only through
// textContent and text nodes, never as HTML, so markup in an article stays text.
"use strict";

// Claim statuses from worst to best: a sentence with several claims shows its worst.
const STATUS_ORDER = ["unsourced", "vague", "attributed"];
// Readability findings that make a sentence "hard" (passive voice alone does not).
const HARD_RULES = new Set(["hard_sentence", "long_sentence"]);
// Findings (report.findings) drawn on the article beyond the claims, restatements and figures.
const VERY_HARD_RULE = "readability.very-hard-sentence";
const PASSIVE_RULE = "readability.passive-voice";

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = String(text);
  return node;
}

function setText(id, value) {
  document.getElementById(id).textContent = String(value);
}

function setStatus(message, isError) {
  const status = document.getElementById("status");
  status.textContent = message;
  status.classList.toggle("error", Boolean(isError));
}

async function loadSeed() {
  const response = await fetch("/demo/seed.txt");
  document.getElementById("article").value = await response.text();
  document.getElementById("format").value = "text";
  setStatus("Sample story loaded.");
}

async function analyze(event) {
  event.preventDefault();
  const text = document.getElementById("article").value;
  const format = document.getElementById("format").value;
  // a server with API keys needs one on every call; the page only keeps it in the field
  const key = document.getElementById("api-key").value.trim();
  const headers = { "Content-Type": "application/json", Accept: "application/json" };
  if (key) headers["X-API-Key"] = key;
  setStatus("Analyzing…");
  let response;
  try {
    response = await fetch("/v1/analyze", {
      method: "POST",
      headers,
      // utf16 offsets: they index JavaScript strings directly
      body: JSON.stringify({ text, format, options: { offsets: "utf16" } }),
    });
  } catch (error) {
    clearReport();
    setStatus("The service could not be reached.", true);
    return;
  }
  // a proxy in front of the service may answer with a page that is not JSON
  const body = await response.json().catch(() => null);
  if (!response.ok || body === null) {
    // whatever went wrong, the last report no longer applies to what is in the form
    clearReport();
    if (response.status === 401) {
      setStatus(key ? "The server does not accept this API key." : "This server needs an API key: enter it in the API key field.", true);
    } else if (body === null) {
      setStatus(`The service sent an answer the page cannot read (HTTP ${response.status}).`, true);
    } else {
      // a problem+json document: its detail says what to fix
      setStatus(body.detail || body.title || `Error ${response.status}`, true);
    }
    return;
  }
  render(body);
  setStatus("Done.");
}

// unit index -> what the report found in that unit
function findingsByUnit(report) {
  const byUnit = new Map();
  const get = (unit) => {
    if (!byUnit.has(unit)) byUnit.set(unit, { claims: [], restates: null, hard: [], veryHard: false, notes: [] });
    return byUnit.get(unit);
  };
  for (const claim of report.claims.items) {
    const f = get(claim.unit);
    f.claims.push(claim.status);
    f.notes.push(`${claim.status} ${claim.kind} claim: ${claim.reason}`);
  }
  for (const r of report.repetition.restatements) {
    const f = get(r.unit);
    f.restates = r.restates;
    f.notes.push(`restates sentence ${r.restates}: ${r.reason}`);
  }
  for (const finding of report.readability.findings) {
    if (!HARD_RULES.has(finding.rule)) continue;
    const f = get(finding.unit);
    f.hard.push(finding.rule);
    f.notes.push(finding.message);
  }
  for (const finding of report.findings) {
    if (finding.rule === VERY_HARD_RULE) get(finding.unit).veryHard = true;
  }
  return byUnit;
}

function worstStatus(statuses) {
  for (const status of STATUS_ORDER) if (statuses.includes(status)) return status;
  return null;
}

// Inline marks, one layer a list sorted by start (UTF-16 units): {start, end, tag, classes, notes, figure}.
// Passive clauses wrap figure mentions; a mention both repeated and conflicting is one mark.
function inlineLayers(report) {
  const passive = report.findings
    .filter((f) => f.rule === PASSIVE_RULE)
    .map((f) => ({ start: f.start, end: f.end, tag: "span", classes: ["passive"], notes: [f.message] }));
  const figures = new Map();
  const add = (m, css, note, figure) => {
    const key = `${m.start}:${m.end}`;
    if (!figures.has(key)) figures.set(key, { start: m.start, end: m.end, tag: "mark", classes: [], notes: [], figure });
    const mark = figures.get(key);
    if (!mark.classes.includes(css)) mark.classes.push(css);
    mark.notes.push(note);
  };
  for (const figure of report.repetition.figures) {
    for (const m of figure.mentions) add(m, "figure", `repeated figure: ${figure.figure}`, figure.figure);
  }
  for (const conflict of report.repetition.conflicts) {
    for (const m of conflict.mentions) add(m, "conflict", conflict.message, null);
  }
  const byStart = (a, b) => a.start - b.start;
  return [passive.sort(byStart), [...figures.values()].sort(byStart)];
}

// Append text[start, end) to parent, wrapping the first layer's marks and, inside and
// between them, the next layers'.
function appendMarked(parent, text, start, end, layers) {
  if (!layers.length) {
    if (end > start) parent.append(document.createTextNode(text.slice(start, end)));
    return;
  }
  const [marks, ...inner] = layers;
  let at = start;
  for (const mark of marks) {
    if (mark.end <= at || mark.start >= end) continue;
    const from = Math.max(mark.start, at);
    const to = Math.min(mark.end, end);
    appendMarked(parent, text, at, from, inner);
    const node = el(mark.tag, mark.classes.join(" "));
    node.title = mark.notes.join("\n");
    if (mark.figure) node.dataset.figure = mark.figure;
    appendMarked(node, text, from, to, inner);
    parent.append(node);
    at = to;
  }
  appendMarked(parent, text, at, end, inner);
}

function renderArticle(report) {
  const view = document.getElementById("article-view");
  view.replaceChildren();
  const text = report.text;
  const byUnit = findingsByUnit(report);
  const layers = inlineLayers(report);
  let at = 0;
  for (const unit of report.units) {
    if (unit.start > at) appendMarked(view, text, at, unit.start, layers);
    const span = el("span", unit.type === "heading" ? "unit heading" : "unit");
    span.dataset.unit = String(unit.index);
    const found = byUnit.get(unit.index);
    if (found) {
      const status = worstStatus(found.claims);
      if (status) span.classList.add(`claim-${status}`);
      if (found.restates !== null) span.classList.add("restated");
      if (found.hard.length) span.classList.add("hard");
      if (found.veryHard) span.classList.add("very-hard");
      span.title = found.notes.join("\n");
    }
    appendMarked(span, text, unit.start, unit.end, layers);
    view.append(span);
    at = unit.end;
  }
  if (at < text.length) appendMarked(view, text, at, text.length, layers);
}

function renderScores(report) {
  const tbody = document.querySelector("#scores tbody");
  tbody.replaceChildren();
  if (report.readability.available === false) {
    const row = el("tr");
    row.append(el("td", "band", report.readability.reason));
    row.firstChild.colSpan = 3;
    tbody.append(row);
  }
  for (const score of report.readability.scores) {
    const row = el("tr");
    row.dataset.score = score.id;
    row.append(el("th", null, score.name));
    row.firstChild.scope = "row";
    row.append(el("td", "value", score.value.toFixed(1)));
    row.append(el("td", score.verdict ? `band verdict-${score.verdict}` : "band", score.band));
    row.title = score.citation;
    tbody.append(row);
  }
}

// The findings panel: grouped by category, the worst first, each with its message and what
// to do in plain view; a click (or Enter) selects its span in the article.
const CATEGORY_ORDER = ["claims", "figures", "repetition", "readability"];
const CATEGORY_NAMES = { claims: "Sourcing", figures: "Figures", repetition: "Repetition", readability: "Readability" };
const SEVERITY_RANK = { error: 2, warning: 1, info: 0 };

function clearReport() {
  document.getElementById("report").hidden = true;
  document.getElementById("findings-list").replaceChildren();
  document.getElementById("article-view").replaceChildren();
  document.querySelector("#scores tbody").replaceChildren();
  for (const node of document.querySelectorAll("#report .summary .count, #read-time, #repetition-index, #claims-note, #findings-count")) {
    node.textContent = "";
  }
  window.getSelection().removeAllRanges();
  currentFindings = [];
}

let currentFindings = [];

function renderFindings(report) {
  currentFindings = report.findings;
  const list = document.getElementById("findings-list");
  list.replaceChildren();
  for (const category of CATEGORY_ORDER) {
    const found = report.findings
      .filter((f) => f.category === category)
      .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.start - b.start);
    if (!found.length) continue;
    const group = el("section", "finding-group");
    group.dataset.category = category;
    group.append(el("h4", null, `${CATEGORY_NAMES[category]} (${found.length})`));
    const items = el("ul");
    for (const f of found) {
      const item = el("li", `finding severity-${f.severity}`);
      item.dataset.finding = f.id;
      item.dataset.severity = f.severity;
      const button = el("button", "finding-button");
      button.type = "button";
      button.tabIndex = -1; // one finding at a time is in the Tab order: the arrow keys move within the list
      button.append(el("span", `badge badge-${f.severity}`, f.severity));
      button.append(el("strong", null, ` ${f.short_message}: `));
      button.append(el("span", "finding-message", f.message));
      button.addEventListener("click", () => selectFinding(f));
      item.append(button);
      if (f.suggestions.length) item.append(el("p", "suggestion", f.suggestions.map((s) => s.message).join(" ")));
      items.append(item);
    }
    group.append(items);
    list.append(group);
  }
  applyFilters();
}

// The findings' buttons a keyboard user can reach now (the filters hide some).
function visibleButtons() {
  return [...document.querySelectorAll("#findings-list .finding:not([hidden]) .finding-button")];
}

// Make `button` the list's one Tab stop (a roving tabindex), focusing it if asked.
function makeTabStop(button, focus) {
  for (const other of document.querySelectorAll("#findings-list .finding-button")) other.tabIndex = -1;
  if (!button) return;
  button.tabIndex = 0;
  if (focus) button.focus();
}

// Arrow keys, Home and End move between the visible findings; Enter and Space (the buttons'
// own) select one.
function onListKey(event) {
  const buttons = visibleButtons();
  const at = buttons.indexOf(document.activeElement);
  if (at < 0 || !buttons.length) return;
  const moves = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 };
  if (!(event.key in moves)) return;
  event.preventDefault();
  const to = Math.min(Math.max(moves[event.key], 0), buttons.length - 1);
  makeTabStop(buttons[to], true);
}

function applyFilters() {
  const category = document.getElementById("filter-category").value;
  const floor = SEVERITY_RANK[document.getElementById("filter-severity").value];
  let shown = 0;
  for (const group of document.querySelectorAll("#findings-list .finding-group")) {
    let visible = 0;
    for (const item of group.querySelectorAll(".finding")) {
      const show = (!category || group.dataset.category === category) && SEVERITY_RANK[item.dataset.severity] >= floor;
      item.hidden = !show;
      if (show) visible += 1;
    }
    group.hidden = visible === 0;
    shown += visible;
  }
  setText("findings-count", `${shown} of ${currentFindings.length} shown`);
  // the Tab stop stays where it was if still shown, else the first finding shown
  const buttons = visibleButtons();
  if (!buttons.some((b) => b.tabIndex === 0)) makeTabStop(buttons[0] || null, false);
}

// Select text[start, end) of the article view (UTF-16 offsets, as requested) and scroll to it.
function selectFinding(finding) {
  const view = document.getElementById("article-view");
  const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let at = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent.length;
    if (!started && finding.start < at + length) {
      range.setStart(node, finding.start - at);
      started = true;
    }
    if (started && finding.end <= at + length) {
      range.setEnd(node, finding.end - at);
      break;
    }
    at += length;
  }
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  for (const current of view.querySelectorAll(".unit.current")) current.classList.remove("current");
  const unit = view.querySelector(`[data-unit="${finding.unit}"]`);
  if (unit) {
    unit.classList.add("current");
    // "nearest": no jump when it is in view, and the panel beside it keeps its place
    unit.scrollIntoView({ block: "nearest" });
  }
  for (const active of document.querySelectorAll("#findings-list .active")) {
    active.classList.remove("active");
    active.querySelector(".finding-button").removeAttribute("aria-current");
  }
  const item = document.querySelector(`#findings-list [data-finding="${finding.id}"]`);
  item.classList.add("active");
  const button = item.querySelector(".finding-button");
  button.setAttribute("aria-current", "true");
  makeTabStop(button, false);
}

function render(report) {
  const claims = report.claims;
  const hardUnits = new Set(report.readability.findings.filter((f) => HARD_RULES.has(f.rule)).map((f) => f.unit));
  setText("read-time", `${report.read_time.label} (${report.read_time.words} words)`);
  // counts are null when the article's language has no claims rules (claims.analyzed false)
  setText("count-unsourced", claims.unsourced ?? "\u2013");
  setText("count-vague", claims.vague ?? "\u2013");
  setText("count-attributed", claims.attributed ?? "\u2013");
  setText("claims-note", claims.analyzed === false ? claims.reason : "");
  setText("repetition-index", report.repetition.index.toFixed(2));
  setText("count-restated", report.repetition.restatements.length);
  setText("count-figures", report.repetition.figures.length);
  setText("count-hard", hardUnits.size);
  setText("count-very-hard", new Set(report.findings.filter((f) => f.rule === VERY_HARD_RULE).map((f) => f.unit)).size);
  setText("count-passive", report.findings.filter((f) => f.rule === PASSIVE_RULE).length);
  setText("count-conflicts", report.repetition.conflicts.length);
  // the consensus school grade; null where the language has no formulas here
  setText("grade", report.readability.grade === null ? "\u2013" : report.readability.grade.toFixed(1));
  renderScores(report);
  renderArticle(report);
  renderFindings(report);
  document.getElementById("report").hidden = false;
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("load-seed").addEventListener("click", () => {
    loadSeed().catch(() => setStatus("The sample story could not be loaded.", true));
  });
  document.getElementById("article-form").addEventListener("submit", analyze);
  document.getElementById("filter-category").addEventListener("change", applyFilters);
  document.getElementById("filter-severity").addEventListener("change", applyFilters);
  document.getElementById("findings-list").addEventListener("keydown", onListKey);
});
