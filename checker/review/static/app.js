// claimcheck review page. Every piece of corpus data is inserted with textContent (never as
// HTML), so document text, messages and notes are shown as text whatever they contain.
"use strict";

const LABELS = { "confirmed": "confirmed", "false-alarm": "false alarm", "fixed": "fixed",
                 "needs-source": "needs source" };
const KEYS = { c: "confirmed", f: "false-alarm", x: "fixed", s: "needs-source" };
const ROLES = { claim: "statement", evidence: "evidence", correction: "correction note",
                match: "found in" };
const SEVERITY_RANK = { error: 3, warning: 2, info: 1 };

const state = { findings: [], byId: new Map(), documents: new Map(), decisions: {},
                visible: [], current: null, editor: null };

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function api(path, body) {
  const init = body === undefined ? {} : {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
  const response = await fetch(path, init);
  const data = await response.json();
  if (!response.ok) throw new Error(data.error || response.statusText);
  return data;
}

function decisionOf(id) {
  const d = state.decisions[id];
  return d && d.state !== "resolved" ? d : null;
}

function isUndecided(f) {
  const d = decisionOf(f.id);
  return !d || d.state === "reopened";
}

function fillSelect(id, values, label) {
  const select = document.getElementById(id);
  for (const value of values) select.append(el("option", { value }, label ? label(value) : value));
}

function setupFilters() {
  const kinds = [...new Set(state.findings.map((f) => f.kind))].sort();
  const severities = [...new Set(state.findings.map((f) => f.severity))]
    .sort((a, b) => SEVERITY_RANK[b] - SEVERITY_RANK[a]);
  const docs = [...new Set(state.findings.flatMap((f) => f.documents))].sort();
  fillSelect("filter-kind", kinds);
  fillSelect("filter-severity", severities);
  fillSelect("filter-document", docs, (id) => {
    const doc = state.documents.get(id);
    return doc && doc.title ? `${id} — ${doc.title}` : id;
  });
  for (const id of ["filter-kind", "filter-severity", "filter-document", "filter-undecided"]) {
    document.getElementById(id).addEventListener("change", () => renderQueue());
  }
  document.getElementById("filters").addEventListener("submit", (e) => e.preventDefault());
}

function matches(f) {
  const kind = document.getElementById("filter-kind").value;
  const severity = document.getElementById("filter-severity").value;
  const doc = document.getElementById("filter-document").value;
  const undecided = document.getElementById("filter-undecided").checked;
  return (!kind || f.kind === kind) && (!severity || f.severity === severity)
    && (!doc || f.documents.includes(doc)) && (!undecided || isUndecided(f));
}

function badge(f) {
  const d = decisionOf(f.id);
  if (!d) return f.suppressed ? el("span", { class: "badge" }, `suppressed (${f.suppressed.by})`) : null;
  return el("span", { class: `badge ${d.state}` },
            d.state === "reopened" ? `re-opened (${LABELS[d.decision]})` : LABELS[d.decision]);
}

function renderQueue() {
  const queue = document.getElementById("queue");
  const previous = state.visible.indexOf(state.current);
  state.visible = state.findings.filter(matches).map((f) => f.id);
  queue.replaceChildren(...state.visible.map((id) => {
    const f = state.byId.get(id);
    const item = el("li", { class: `item sev-${f.severity}`, id: `q-${f.id}`, role: "option",
      "aria-selected": String(id === state.current),
      dataset: { id: f.id, kind: f.kind, severity: f.severity, documents: f.documents.join(" "),
                 state: (decisionOf(f.id) || {}).state || "undecided" } },
      el("span", { class: `badge sev-${f.severity}` }, f.severity), " ",
      el("span", { class: "kind" }, f.kind), " ", badge(f),
      el("span", { class: "msg" }, f.message));
    item.addEventListener("click", () => select(f.id));
    return item;
  }));
  document.getElementById("queue-empty").hidden = state.visible.length > 0;
  const decided = state.findings.filter((f) => !isUndecided(f)).length;
  document.getElementById("counts").textContent =
    `${state.visible.length} of ${state.findings.length} findings shown · ${decided} decided`;
  if (!state.visible.includes(state.current)) {
    // The current finding left the queue (decided with "undecided only" on): take the next.
    const next = state.visible[Math.min(Math.max(previous, 0), state.visible.length - 1)];
    select(next === undefined ? null : next);
  }
}

function where(ref) {
  const claim = ref.claim_id ? ` · claim ${ref.claim_id}` : "";
  const file = ref.claim_file ? ` (${ref.claim_file}:${ref.claim_file_line ?? "?"})` : "";
  return `${ref.document} · ${ref.path}:${ref.line}:${ref.column}${claim}${file}`;
}

function contextBlock(ref) {
  const c = ref.context;
  return el("pre", { class: "context", tabindex: "0" },
    c.more_before ? el("span", { class: "cut" }, "… ") : null, c.before,
    el("mark", { class: "hl" }, c.match),
    c.match_cut ? el("span", { class: "cut" }, " [statement cut: too long] ") : null,
    c.after, c.more_after ? el("span", { class: "cut" }, " …") : null);
}

function refSection(ref) {
  return el("div", { class: `ref role-${ref.role}` },
    el("p", { class: "where" }, el("span", { class: "kind" }, ROLES[ref.role] || ref.role), " · ",
       where(ref)), contextBlock(ref));
}

function slotValue(value) {
  return typeof value === "string" ? value : JSON.stringify(value, null, 1);
}

function evidence(f) {
  const others = f.refs.slice(1).map(refSection);
  const rule = [];
  if (f.rule_id) rule.push(el("p", {}, "Rule ", el("code", { class: "rule" }, f.rule_id)));
  if (f.reference) rule.push(el("p", { class: "reference" }, "Reference: ", f.reference));
  if (f.fix) rule.push(el("p", {}, "Fix: replace with ", el("code", {}, f.fix.replacement)));
  if (!others.length && !rule.length) return null;
  return el("section", { class: "evidence" }, el("h3", {}, "Evidence"), ...others, ...rule);
}

function slots(f) {
  const rows = Object.entries(f.details).map(([key, value]) =>
    el("tr", {}, el("th", { scope: "row" }, key), el("td", {}, slotValue(value))));
  if (f.reason) rows.unshift(el("tr", {}, el("th", { scope: "row" }, "reason"), el("td", {}, f.reason)));
  if (!rows.length) return null;
  return el("section", { class: "slots-section" }, el("h3", {}, "Normalised slots"),
            el("table", { class: "slots" }, el("tbody", {}, ...rows)));
}

function decisionForm(f) {
  const d = decisionOf(f.id);
  const current = d
    ? el("p", { id: "current-decision" }, "Decision: ", el("b", {}, LABELS[d.decision]),
         d.author ? ` by ${d.author}` : "", ` at ${d.decided_at}`,
         d.why ? el("span", { class: "why" }, ` — re-opened: ${d.why}`) : null)
    : el("p", { id: "current-decision" }, "Undecided.");
  const note = el("textarea", { id: "note", maxlength: "5000", "aria-label": "Note",
                                placeholder: "Note (n): why, source, who to ask…" });
  note.value = d && d.note ? d.note : "";
  const buttons = Object.entries(KEYS).map(([key, value]) => {
    const button = el("button", { type: "button", dataset: { decision: value },
                                  "aria-pressed": String(!!d && d.decision === value) },
                      LABELS[value], " ", el("kbd", {}, key));
    button.addEventListener("click", () => decide(value));
    return button;
  });
  const clear = el("button", { type: "button", dataset: { decision: "" } }, "Clear");
  clear.addEventListener("click", () => decide(null));
  return el("form", { class: "decide", id: "decision-form" }, el("h3", {}, "Decision"), current,
            note, el("div", { class: "buttons" }, ...buttons, clear),
            el("p", { id: "save-status", role: "status" }));
}

function renderDetail() {
  const detail = document.getElementById("detail");
  const f = state.byId.get(state.current);
  if (!f) {
    detail.replaceChildren(el("p", { class: "empty" }, "No finding selected."));
    return;
  }
  const statement = f.refs.length ? el("section", { class: "statement" },
    el("h3", {}, "Statement in its document"), refSection(f.refs[0])) : null;
  const form = decisionForm(f);
  form.addEventListener("submit", (e) => e.preventDefault());
  detail.replaceChildren(el("article", { id: "finding", dataset: { id: f.id } },
    el("h2", { class: "message" }, f.message),
    el("p", { class: "meta" }, el("span", { class: `badge sev-${f.severity}` }, f.severity), " ",
       el("span", { class: "kind" }, f.kind), ` · confidence ${f.confidence}`,
       f.suppressed ? ` · suppressed by ${f.suppressed.by}: ${f.suppressed.reason}` : "",
       " · ", el("code", { class: "fp" }, f.id)),
    statement, evidence(f), slots(f), form));
}

function select(id) {
  state.current = id;
  for (const item of document.querySelectorAll("#queue .item")) {
    item.setAttribute("aria-selected", String(item.dataset.id === id));
  }
  if (id) {
    const item = document.getElementById(`q-${id}`);
    if (item) item.scrollIntoView({ block: "nearest" });
    history.replaceState(null, "", `#${id}`);
  }
  renderDetail();
}

function move(step) {
  if (!state.visible.length) return;
  const at = state.visible.indexOf(state.current);
  const next = at < 0 ? 0 : Math.min(Math.max(at + step, 0), state.visible.length - 1);
  select(state.visible[next]);
}

async function decide(value) {
  const id = state.current;
  if (!id) return;
  const status = document.getElementById("save-status");
  const note = document.getElementById("note").value;
  status.textContent = "Saving…";
  try {
    const saved = await api("/api/decisions", { finding: id, decision: value, note });
    if (saved.decision) state.decisions[id] = saved.decision;
    else delete state.decisions[id];
    renderQueue();
    if (state.current === id) renderDetail();
    document.getElementById("save-status").textContent =
      value ? `Saved: ${LABELS[value]}.` : "Decision cleared.";
  } catch (error) {
    document.getElementById("save-status").textContent = `Not saved: ${error.message}`;
  }
}

function onKey(event) {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const typing = event.target.closest && event.target.closest("textarea, input, select");
  if (typing) {
    if (event.key === "Escape") event.target.blur();
    return;
  }
  if (event.key === "j" || event.key === "ArrowDown") move(1);
  else if (event.key === "k" || event.key === "ArrowUp") move(-1);
  else if (KEYS[event.key]) decide(KEYS[event.key]);
  else if (event.key === "n") document.getElementById("note")?.focus();
  else if (event.key === "u") {
    const box = document.getElementById("filter-undecided");
    box.checked = !box.checked;
    renderQueue();
  } else return;
  event.preventDefault();
}

// The finding named in the address (#id); a malformed escape ("#%") names none.
function hashId() {
  try {
    return decodeURIComponent(location.hash.slice(1));
  } catch (err) {
    return "";
  }
}

async function start() {
  try {
    const [data, decisions] = await Promise.all([api("/api/findings"), api("/api/decisions")]);
    state.findings = data.findings;
    state.byId = new Map(data.findings.map((f) => [f.id, f]));
    state.documents = new Map(data.documents.map((d) => [d.id, d]));
    state.decisions = decisions;
    state.editor = data.editor;
    document.getElementById("who").textContent =
      `· deciding as ${data.editor || "(anonymous)"} · saved to ${data.decisions_file}`;
  } catch (error) {
    document.getElementById("loading").textContent = `Cannot load findings: ${error.message}`;
    return;
  }
  setupFilters();
  const wanted = hashId();
  state.current = state.byId.has(wanted) ? wanted : null;
  renderQueue();
  if (!state.current) move(1);
  else select(state.current);
  document.addEventListener("keydown", onKey);
  document.body.dataset.ready = "true";
}

start();
