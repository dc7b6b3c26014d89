// copydesk demo: send the article to /v1/analyze and show the report with its findings
// highlighted. The article and every string from the report reach the page only through
// textContent and text nodes, never as HTML, so markup in an article stays text.
"use strict";

// Claim statuses from worst to best: a sentence with several claims shows its worst.
const STATUS_ORDER = ["unsourced", "vague", "attributed"];
// Readability findings that make a sentence "hard" (passive voice alone does not).
const HARD_RULES = new Set(["hard_sentence", "long_sentence"]);

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
  const body = await response.json();
  if (response.status === 401) {
    setStatus(key ? "The server does not accept this API key." : "This server needs an API key: enter it in the API key field.", true);
    return;
  }
  if (!response.ok) {
    // a problem+json document: its detail says what to fix; the last report no longer applies
    clearReport();
    setStatus(body.detail || body.title || `Error ${response.status}`, true);
    return;
  }
  render(body);
  setStatus("Done.");
}

// unit index -> what the report found in that unit
function findingsByUnit(report) {
  const byUnit = new Map();
  const get = (unit) => {
    if (!byUnit.has(unit)) byUnit.set(unit, { claims: [], restates: null, hard: [], notes: [] });
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
  return byUnit;
}

function worstStatus(statuses) {
  for (const status of STATUS_ORDER) if (statuses.includes(status)) return status;
  return null;
}

// Repeated figures' mentions, sorted by start, as [start, end, figure] in UTF-16 units.
function figureMarks(report) {
  const marks = [];
  for (const figure of report.repetition.figures) {
    for (const m of figure.mentions) marks.push([m.start, m.end, figure.figure]);
  }
  return marks.sort((a, b) => a[0] - b[0]);
}

// Append text[start, end) to parent, wrapping repeated figures' mentions in <mark>.
function appendWithFigures(parent, text, start, end, marks) {
  let at = start;
  for (const [mStart, mEnd, figure] of marks) {
    if (mEnd <= at || mStart >= end) continue;
    const from = Math.max(mStart, at);
    const to = Math.min(mEnd, end);
    if (from > at) parent.append(document.createTextNode(text.slice(at, from)));
    const mark = el("mark", "figure", text.slice(from, to));
    mark.title = `repeated figure: ${figure}`;
    mark.dataset.figure = figure;
    parent.append(mark);
    at = to;
  }
  if (at < end) parent.append(document.createTextNode(text.slice(at, end)));
}

function renderArticle(report) {
  const view = document.getElementById("article-view");
  view.replaceChildren();
  const text = report.text;
  const byUnit = findingsByUnit(report);
  const marks = figureMarks(report);
  let at = 0;
  for (const unit of report.units) {
    if (unit.start > at) appendWithFigures(view, text, at, unit.start, marks);
    const span = el("span", unit.type === "heading" ? "unit heading" : "unit");
    span.dataset.unit = String(unit.index);
    const found = byUnit.get(unit.index);
    if (found) {
      const status = worstStatus(found.claims);
      if (status) span.classList.add(`claim-${status}`);
      if (found.restates !== null) span.classList.add("restated");
      if (found.hard.length) span.classList.add("hard");
      span.title = found.notes.join("\n");
    }
    appendWithFigures(span, text, unit.start, unit.end, marks);
    view.append(span);
    at = unit.end;
  }
  if (at < text.length) appendWithFigures(view, text, at, text.length, marks);
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
  const unit = view.querySelector(`[data-unit="${finding.unit}"]`);
  if (unit) unit.scrollIntoView({ block: "center" });
  for (const active of document.querySelectorAll("#findings-list .active")) active.classList.remove("active");
  document.querySelector(`#findings-list [data-finding="${finding.id}"]`).classList.add("active");
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
});
