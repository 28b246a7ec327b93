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
                visible: [], current: null, editor: null,
                // Note text typed but not saved, per finding, while the page is open.
                drafts: new Map(),
                // The finding whose unsaved note was warned about on the way out.
                warned: null, stale: null };
const SNIPPET_CHARS = 90;

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
  if (!response.ok) {
    const error = new Error(data.error || response.statusText);
    error.status = response.status;
    error.data = data;
    if (data.stale) showStale(data.error);
    throw error;
  }
  return data;
}

// The corpus changed on disk since the review started: say so, everywhere it matters.
function showStale(message) {
  state.stale = message;
  const banner = document.getElementById("stale");
  banner.textContent = `Out of date: ${message}`;
  banner.hidden = false;
}

function savedNote(id) {
  const d = decisionOf(id);
  return d && d.note ? d.note : "";
}

function hasDraft(id) {
  return state.drafts.has(id);
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
    return doc && doc.title ? `${isolated(id)} — ${isolated(doc.title)}` : isolated(id);
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

function snippet(text) {
  const flat = text.split(/\s+/).join(" ").trim();
  return flat.length > SNIPPET_CHARS ? `${flat.slice(0, SNIPPET_CHARS - 1)}…` : flat;
}

// Where the finding's statement is and how it begins: two findings with the same message
// (one rule broken in two places) are told apart in the queue.
function locator(f) {
  const ref = f.refs[0];
  if (!ref) return null;
  return el("span", { class: "loc" }, el("bdi", { class: "loc-where" }, `${ref.document}:${ref.line}`),
            " ", el("q", { class: "snippet", dir: "auto" }, snippet(ref.text)));
}

function queueHasFocus() {
  const active = document.activeElement;
  return !!(active && active.closest && active.closest("#queue"));
}

function renderQueue() {
  const queue = document.getElementById("queue");
  const previous = state.visible.indexOf(state.current);
  const focused = queueHasFocus();
  state.visible = state.findings.filter(matches).map((f) => f.id);
  queue.replaceChildren(...state.visible.map((id) => {
    const f = state.byId.get(id);
    const item = el("li", { class: `item sev-${f.severity}`, id: `q-${f.id}`, role: "option",
      "aria-selected": String(id === state.current), tabindex: id === state.current ? "0" : "-1",
      dataset: { id: f.id, kind: f.kind, severity: f.severity, documents: f.documents.join(" "),
                 state: (decisionOf(f.id) || {}).state || "undecided" } },
      el("span", { class: `badge sev-${f.severity}` }, f.severity), " ",
      el("span", { class: "kind" }, f.kind), " ", badge(f),
      hasDraft(f.id) ? el("span", { class: "badge draft" }, "unsaved note") : null,
      el("span", { class: "msg" }, f.message), locator(f));
    item.addEventListener("click", () => choose(f.id));
    return item;
  }));
  if (focused) document.getElementById(`q-${state.current}`)?.focus();
  document.getElementById("queue-empty").hidden = state.visible.length > 0;
  const decided = state.findings.filter((f) => !isUndecided(f)).length;
  document.getElementById("counts").textContent =
    `${state.visible.length} of ${state.findings.length} findings shown · ${decided} decided`;
  if (!state.visible.includes(state.current)) {
    // The current finding left the queue (decided with "undecided only" on): take the next.
    const next = state.visible[Math.min(Math.max(previous, 0), state.visible.length - 1)];
    select(next === undefined ? null : next);
  }
  if (!state.visible.includes(state.current) && state.visible.length) {
    queue.firstElementChild.tabIndex = 0;  // the queue stays reachable with Tab
  }
}

// Where a statement is, as nodes: each field (document, path, publisher, date, claim) in its
// own <bdi>, so a bidi control or right-to-left text in one field (an unterminated RLO in a
// publisher) cannot reorder the fields after it.
function where(ref) {
  const doc = state.documents.get(ref.document) || {};
  const parts = [el("bdi", {}, ref.document), " · ", el("bdi", {}, `${ref.path}:${ref.line}:${ref.column}`)];
  if (doc.publisher) parts.push(" · ", el("bdi", { class: "publisher" }, doc.publisher));
  if (doc.published) parts.push(" · published ", el("bdi", { class: "published" }, doc.published));
  if (ref.claim_id) parts.push(" · claim ", el("bdi", {}, ref.claim_id));
  if (ref.claim_file) {
    parts.push(" (", el("bdi", {}, `${ref.claim_file}:${ref.claim_file_line ?? "?"}`), ")");
  }
  return parts;
}

// Text isolated for where no element can go (an <option>): FSI ... PDI.
function isolated(text) {
  return `\u2068${text}\u2069`;
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
       ...where(ref)), contextBlock(ref));
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
         d.author ? " by " : "", d.author ? el("bdi", {}, d.author) : null, ` at ${d.decided_at}`,
         d.why ? el("span", { class: "why" }, " — re-opened: ", el("bdi", {}, d.why)) : null)
    : el("p", { id: "current-decision" }, "Undecided.");
  const note = el("textarea", { id: "note", maxlength: "5000", "aria-label": "Note",
                                placeholder: "Note (n): why, source, who to ask…" });
  note.value = hasDraft(f.id) ? state.drafts.get(f.id) : savedNote(f.id);
  note.addEventListener("input", () => noteTyped(f.id, note.value));
  const buttons = Object.entries(KEYS).map(([key, value]) => {
    const button = el("button", { type: "button", dataset: { decision: value },
                                  "aria-pressed": String(!!d && d.decision === value) },
                      LABELS[value], " ", el("kbd", {}, key));
    button.addEventListener("click", () => decide(value));
    return button;
  });
  const clear = el("button", { type: "button", dataset: { decision: "" } }, "Clear");
  clear.addEventListener("click", () => decide(null));
  // The decisions file keeps a note with a decision: a note alone is saved on the current one.
  const keep = el("button", { type: "button", id: "save-note", disabled: !d,
                              title: d ? "Save the note, the decision unchanged (Ctrl+Enter)"
                                       : "Decide first: the note is saved with the decision" },
                  "Save note");
  keep.addEventListener("click", () => saveNote());
  return el("form", { class: "decide", id: "decision-form" }, el("h3", {}, "Decision"), current,
            note, el("p", { id: "note-status", class: "why" }, noteStatus(f.id)),
            el("div", { class: "buttons" }, ...buttons, clear, keep),
            el("p", { id: "save-status", role: "status" }));
}

function noteStatus(id) {
  if (!hasDraft(id)) return "";
  return decisionOf(id) ? "Unsaved note: Save note (Ctrl+Enter) keeps it with the decision, "
                          + "or decide (c, f, x, s)."
                        : "Unsaved note: decide (c, f, x, s) to save it with the decision.";
}

function noteTyped(id, text) {
  const had = hasDraft(id);
  if (text === savedNote(id)) state.drafts.delete(id);
  else state.drafts.set(id, text);
  if (state.warned === id) state.warned = null;
  const status = document.getElementById("note-status");
  if (status) status.textContent = noteStatus(id);
  if (had !== hasDraft(id)) renderQueue();
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
    el("h2", { class: "message", tabindex: "-1" }, f.message),
    el("p", { class: "meta" }, el("span", { class: `badge sev-${f.severity}` }, f.severity), " ",
       el("span", { class: "kind" }, f.kind), ` · confidence ${f.confidence.toFixed(2)}`,
       f.suppressed ? ` · suppressed by ${f.suppressed.by}: ` : "",
       f.suppressed ? el("bdi", {}, f.suppressed.reason) : null,
       " · ", el("code", { class: "fp" }, f.id)),
    statement, evidence(f), slots(f), form));
}

// Scroll the queue, not the page, to show an item: in a short window the page scrolls as a
// whole, and j/k from the finding would pull the reader back up to the queue.
function revealInQueue(item) {
  const pane = item.closest(".queue-pane");
  const box = pane.getBoundingClientRect();
  const row = item.getBoundingClientRect();
  if (row.top < box.top) pane.scrollTop -= box.top - row.top;
  else if (row.bottom > box.bottom) pane.scrollTop += Math.min(row.bottom - box.bottom, row.top - box.top);
}

function select(id) {
  const focused = queueHasFocus();
  state.current = id;
  state.warned = null;
  for (const item of document.querySelectorAll("#queue .item")) {
    item.setAttribute("aria-selected", String(item.dataset.id === id));
    item.tabIndex = item.dataset.id === id ? 0 : -1;
  }
  if (id) {
    const item = document.getElementById(`q-${id}`);
    if (item) {
      revealInQueue(item);
      if (focused) item.focus();
    }
    history.replaceState(null, "", `#${id}`);
  }
  renderDetail();
}

// Leave the current finding for another, but not silently with an unsaved note: the first
// attempt warns (the note stays as a draft either way), the second goes.
function choose(id) {
  const here = state.current;
  if (id !== here && here && hasDraft(here) && state.warned !== here) {
    state.warned = here;
    document.getElementById("save-status").textContent = decisionOf(here)
      ? "Unsaved note on this finding: Save note (Ctrl+Enter) or decide to save it; "
        + "move again to leave it unsaved (kept as a draft while this page is open)."
      : "Unsaved note on this finding: decide (c, f, x, s) to save it with the decision; "
        + "move again to leave it unsaved (kept as a draft while this page is open).";
    return;
  }
  select(id);
}

function move(step) {
  if (!state.visible.length) return;
  const at = state.visible.indexOf(state.current);
  const next = at < 0 ? 0 : Math.min(Math.max(at + step, 0), state.visible.length - 1);
  choose(state.visible[next]);
}

function describe(d) {
  if (!d) return "cleared (undecided)";
  return `${d.decision}${d.note ? ` — ${d.note}` : ""}`;
}

// Another editor saved this finding since the page showed it: show theirs, keep ours unsaved.
function conflicted(id, data) {
  const current = data.current || null;
  if (current) state.decisions[id] = current;
  else delete state.decisions[id];
  const inForm = formHasFocus();
  renderQueue();
  if (state.current === id) redrawKeepingFocus();
  else if (inForm) focusFinding();
  const who = current && current.author ? current.author : "another editor";
  document.getElementById("save-status").textContent =
    `Not saved: changed by ${who}: ${describe(current)}. Shown now; decide again to change it.`;
}

function saved(id, decision, message, sent) {
  if (decision) state.decisions[id] = decision;
  else delete state.decisions[id];
  // What was typed while the save was on its way stays, as a draft (an editor probe: the
  // redraw emptied the box, and the rest of the typing fell on the decision keys).
  const box = state.current === id ? document.getElementById("note") : null;
  const typed = box ? box.value : null;
  if (typed !== null && typed !== (sent ?? "") && typed !== savedNote(id)) {
    state.drafts.set(id, typed);
  } else {
    state.drafts.delete(id);
  }
  const inForm = formHasFocus();
  renderQueue();
  if (state.current === id) redrawKeepingFocus();
  else if (inForm) focusFinding();  // it left the queue ("undecided only"): the next one
  document.getElementById("save-status").textContent = message;
}

function formHasFocus() {
  const active = document.activeElement;
  return !!(active && active.closest && active.closest("#decision-form"));
}

// The finding shown now, for a keyboard user whose button went with the finding decided:
// its heading, so Tab goes on through the finding rather than from the top of the page.
function focusFinding() {
  const heading = document.querySelector("#finding h2");
  if (heading) heading.focus();
  else document.getElementById("detail").focus();
}

// Redraw the detail with the focus where it was: in the note box (caret where it was) or
// on the button used, rather than on the page, where keys are shortcuts.
function redrawKeepingFocus() {
  const active = document.activeElement;
  const inNote = active && active.id === "note";
  const caret = inNote ? [active.selectionStart, active.selectionEnd] : null;
  const decision = active && active.dataset ? active.dataset.decision : undefined;
  const saveNote = active && active.id === "save-note";
  renderDetail();
  if (inNote) {
    const box = document.getElementById("note");
    box.focus();
    box.setSelectionRange(...caret);
  } else if (decision !== undefined) {
    document.querySelector(`#decision-form button[data-decision="${decision}"]`)?.focus();
  } else if (saveNote) {
    document.getElementById("save-note")?.focus();
  }
}

async function send(id, body, message) {
  const seen = (decisionOf(id) || {}).version || null;
  document.getElementById("save-status").textContent = "Saving…";
  try {
    const result = await api("/api/decisions", { finding: id, seen, ...body });
    saved(id, result.decision, message(result.decision), body.note);
  } catch (error) {
    if (error.status === 409 && error.data && "current" in error.data) conflicted(id, error.data);
    else document.getElementById("save-status").textContent = `Not saved: ${error.message}`;
  }
}

async function saveNote() {
  const id = state.current;
  if (!id) return;
  if (!decisionOf(id)) {  // Ctrl+Enter on an undecided finding: the button is disabled
    document.getElementById("save-status").textContent =
      "Not saved: decide first (c, f, x, s); the note is saved with the decision.";
    return;
  }
  const note = document.getElementById("note").value;
  await send(id, { note, note_only: true }, () => "Note saved.");
}

async function decide(value) {
  const id = state.current;
  if (!id) return;
  const note = document.getElementById("note").value;
  await send(id, { decision: value, note },
             () => (value ? `Saved: ${LABELS[value]}.` : "Decision cleared."));
}

// Decisions as the file has them now (another editor may have saved): on focus, and the
// detail redrawn only when the current finding's decision changed (a draft note is kept).
async function refreshDecisions() {
  let decisions;
  try {
    decisions = await api("/api/decisions");
  } catch (error) {
    return;  // a stale corpus shows its banner; anything else waits for the next focus
  }
  const id = state.current;
  const before = (decisionOf(id) || {}).version;
  state.decisions = decisions;
  renderQueue();
  if (state.current === id && (decisionOf(id) || {}).version !== before) renderDetail();
}

function onKey(event) {
  const typing = event.target.closest && event.target.closest("textarea, input, select");
  if (typing && event.target.id === "note" && event.key === "Enter"
      && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    saveNote();
    return;
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  if (typing) {
    if (event.key === "Escape") event.target.blur();
    return;
  }
  const item = event.target.closest && event.target.closest("#queue .item");
  if (item && (event.key === "Enter" || event.key === " ")) {
    choose(item.dataset.id);
    event.preventDefault();
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
    document.getElementById("who").replaceChildren("· deciding as ",
      el("bdi", {}, data.editor || "(anonymous)"), " · saved to ", el("bdi", {}, data.decisions_file));
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
  window.addEventListener("focus", () => refreshDecisions());
  window.addEventListener("beforeunload", (event) => {
    if (state.drafts.size) event.preventDefault();  // unsaved notes: the browser asks first
  });
  document.body.dataset.ready = "true";
}

start();
