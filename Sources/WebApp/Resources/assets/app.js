// Intervision web app: the few things a page does without a reload. Every text that comes from data is put in
// with textContent, never as HTML.
"use strict";

const nl = document.documentElement.lang !== "en";
const t = (dutch, english) => (nl ? dutch : english);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v; else node.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.append(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return node;
}

async function api(method, url, body) {
  const init = { method, credentials: "same-origin", headers: {} };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers["Content-Type"] = "application/json";
  }
  const response = await fetch(url, init);
  let data = null;
  try { data = await response.json(); } catch (e) { data = null; }
  return { status: response.status, data };
}

// Problems of an upload, each with its place, what to do and the row it is on.
function showProblems(box, problems) {
  box.replaceChildren();
  if (!problems || problems.length === 0) return;
  // The count is of what must be fixed; warnings are listed after it, each marked as such.
  const isWarning = (p) => p.severity === "warning";
  const warnings = problems.filter(isWarning);
  const errors = problems.length - warnings.length;
  let heading = t("De invoer klopt niet", "The input has problems") + ` (${errors})`;
  if (warnings.length > 0) {
    heading += t(`, en ${warnings.length} waarschuwing`, `, and ${warnings.length} warning`) +
      (warnings.length === 1 ? "" : t("en", "s"));
  }
  box.append(el("h2", {}, heading));
  const list = el("ol", { class: "problems" });
  // What must be fixed first, then the warnings, each group in the order the files gave them.
  for (const p of problems.filter((p) => !isWarning(p)).concat(warnings)) {
    let where = (isWarning(p) ? t("Waarschuwing — ", "Warning — ") : "") + p.file;
    if (p.line) where += ", " + t("regel", "line") + " " + p.line;
    if (p.column) where += ", " + t("kolom", "column") + " " + p.column;
    if (p.field) where += " (" + p.field + ")";
    // Intake gives Dutch texts for most problems; the English ones remain for the rest.
    const text = nl && p.nl ? p.nl : p;
    const item = el("li", {}, el("span", { class: "where" }, where), " ", el("span", { class: "what" }, text.message));
    if (text.fix) item.append(el("br"), el("span", { class: "fix" }, t("Wat te doen", "What to do") + ": " + text.fix));
    if (p.row) item.append(el("pre", { class: "row" }, p.row));
    list.append(item);
  }
  box.append(list);
  box.focus();
}

// An objective's metric in the organiser's words, as the report names them.
function metricWords(metric) {
  const words = {
    away: t("buiten eigen regio", "outside their region"),
    spread: t("niveaustappen", "level steps"),
    variety: t("herhaalde functies", "repeated functions"),
  };
  return words[metric] || metric;
}

// A failure in the page's language: the Dutch words when the server has them, else the English.
function failureText(f) {
  if (!f) return t("Er ging iets mis.", "Something went wrong.");
  const words = nl && f.nl ? f.nl : f;
  const details = nl && f.nl ? f.nl.details : f.explanation && f.explanation.details;
  let text = words.message || "";
  if (details && details.length) text += " " + details.join(" ");
  if (words.fix) text += " — " + t("wat helpt", "what helps") + ": " + words.fix;
  return text;
}

// The change asked, with a suggestion's people put into its groups: their own moves replaced, others added.
function withPlacements(body, placements) {
  const placed = new Set(placements.map((p) => p.email.toLowerCase()));
  const moves = (body.moves || []).filter((m) => !placed.has(m.email.toLowerCase()))
    .concat(placements.map((p) => ({ email: p.email, group: p.group })));
  return Object.assign({}, body, { moves });
}

// Why a job failed, below its one-line headline: the people or facts behind it (the first eight of a long list,
// then how many more) and every change that would help, in the page's language.
function failureDetails(f) {
  const node = el("div", { class: "failure" });
  const dutch = nl && f.nl;
  const details = (dutch ? f.nl.details : f.explanation && f.explanation.details) || [];
  const helps = (dutch ? f.nl.suggestions : f.explanation && f.explanation.suggestions) ||
    ((dutch ? f.nl.fix : f.fix) ? [dutch ? f.nl.fix : f.fix] : []);
  if (details.length) {
    const list = el("ul", { class: "details" });
    const shown = details.length > 10 ? details.slice(0, 8) : details;
    for (const d of shown) list.append(el("li", {}, d));
    if (shown.length < details.length) list.append(el("li", {}, t(`… en nog ${details.length - 8}`, `… and ${details.length - 8} more`)));
    node.append(list);
  }
  if (helps.length) {
    const list = el("ul", { class: "suggestions" });
    for (const s of helps) list.append(el("li", {}, s));
    node.append(el("p", {}, t("Wat helpt:", "What helps:")), list);
  }
  return node;
}

// Problems with a request in one line, each in the page's language.
function problemsText(problems) {
  return problems.map((p) => (nl && p.nl ? p.nl.message : p.message)).join(" ");
}

// A job's progress in plain words, until it is over; then `done(view)`.
function follow(jobId, done) {
  const box = document.getElementById("job");
  if (!box) return;
  box.hidden = false;
  box.dataset.job = jobId;
  const words = box.querySelector(".job-words");
  words.textContent = t("Wacht op een vrije rekenplek …", "Waiting for a free slot …");
  // A job after a failed one starts clean.
  words.classList.remove("bad");
  for (const old of box.querySelectorAll(".failure")) old.remove();
  const source = new EventSource(`/api/jobs/${encodeURIComponent(jobId)}/events`);
  source.addEventListener("progress", (e) => {
    const step = JSON.parse(e.data);
    words.textContent = (nl ? step.words : step.message) + ` (${Math.round(step.elapsed)} s)`;
  });
  source.addEventListener("end", (e) => {
    source.close();
    const view = JSON.parse(e.data);
    box.querySelector("progress").hidden = true;
    document.getElementById("cancel-job").hidden = true;
    if (view.state === "done") words.textContent = t("Klaar.", "Done.");
    else if (view.state === "cancelled") words.textContent = t("Geannuleerd; er is niets veranderd.", "Cancelled; nothing changed.");
    else {
      const f = view.failure || {};
      const why = nl && f.nl ? f.nl : f;
      words.textContent = t("Niet gelukt: ", "Failed: ") + (why.message || failureText(f));
      words.classList.add("bad");
      box.append(failureDetails(f));
    }
    done(view);
  });
  source.onerror = () => {};
}

function setupCancel() {
  const button = document.getElementById("cancel-job");
  if (!button) return;
  button.addEventListener("click", async () => {
    const id = document.getElementById("job").dataset.job;
    if (id) await api("DELETE", `/api/jobs/${encodeURIComponent(id)}`);
  });
}

function setupNewProgramme() {
  const form = document.getElementById("new-programme");
  if (!form) return;
  const box = document.getElementById("problems");
  box.tabIndex = -1;
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    box.replaceChildren(el("p", {}, t("Bezig met controleren …", "Checking …")));
    try {
      const { status, data } = await api("POST", "/api/programmes", new FormData(form));
      if (status === 201) { window.location.href = `/programma/${encodeURIComponent(data.id)}`; return; }
      if (status === 413) showProblems(box, [{ file: "", message: t("Het bestand is groter dan 20 MB.", "The file is larger than 20 MB.") }]);
      else showProblems(box, (data && data.problems) || [{ file: "", message: failureText(data) }]);
    } finally { button.disabled = false; }
  });
}

function setupPlan() {
  const form = document.getElementById("plan-form");
  if (!form) return;
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const id = form.dataset.programme;
    const limit = Number(form.querySelector("#time-limit").value) || 60;
    const { status, data } = await api("POST", `/api/programmes/${encodeURIComponent(id)}/plan`, { timeLimit: limit });
    if (status === 202) {
      form.hidden = true;
      follow(data.job, (view) => { if (view.state === "done") window.location.reload(); else form.hidden = false; });
    } else {
      alertBox(failureText(data));
    }
  });
  const box = document.getElementById("job");
  if (box && box.dataset.job) {
    form.hidden = true;
    follow(box.dataset.job, () => window.location.reload());
  }
}

function alertBox(text) {
  const box = document.getElementById("job");
  box.hidden = false;
  box.querySelector(".job-words").textContent = text;
  box.querySelector("progress").hidden = true;
}

function setupSearch() {
  const input = document.getElementById("search");
  if (!input) return;
  const count = document.getElementById("search-count");
  input.addEventListener("input", () => {
    const q = input.value.trim().toLowerCase();
    let hits = 0;
    for (const card of document.querySelectorAll(".card")) {
      let any = false;
      for (const li of card.querySelectorAll("li[data-search]")) {
        const hit = q !== "" && li.dataset.search.includes(q);
        li.classList.toggle("hit", hit);
        if (hit) { any = true; hits++; }
      }
      card.hidden = q !== "" && !any;
    }
    count.textContent = q === "" ? "" : `${hits} ` + t(hits === 1 ? "gevonden" : "gevonden", hits === 1 ? "found" : "found");
  });
}

// Move, swap and lock: checked with /preview (nothing written), then carried out as a replan.
function setupSteering() {
  const steer = document.querySelector(".steer");
  if (!steer) return;
  const id = steer.dataset.programme;
  const from = steer.dataset.from;
  const verdict = document.getElementById("verdict");
  const text = document.getElementById("verdict-text");
  const apply = document.getElementById("apply");
  let pending = null;
  async function check(body) {
    body.from = from;
    pending = null;
    apply.hidden = true;
    verdict.hidden = false;
    text.replaceChildren(el("p", {}, t("Controleren …", "Checking …")));
    const { status, data } = await api("POST", `/api/programmes/${encodeURIComponent(id)}/preview`, body);
    text.replaceChildren();
    if (status === 200 && data.allowed) {
      text.append(el("p", { class: "ok" }, t("Dit mag. ", "This is allowed. ") +
        t("Zo verandert het plan:", "This is how the plan changes:")));
      const list = el("ul", { class: "deltas" });
      for (const m of data.moves) list.append(el("li", {}, `${m.name}: ${m.from} → ${m.to}`));
      for (const d of data.deltas) {
        const word = d.after > d.before ? t("slechter", "worse") : d.after < d.before ? t("beter", "better") : t("gelijk", "same");
        list.append(el("li", { class: "delta" }, `${metricWords(d.metric)} ${d.before} → ${d.after} (${word})`));
      }
      text.append(list);
      pending = body;
      apply.hidden = false;
    } else if (status === 200) {
      const why = nl && data.nl ? data.nl : data;
      text.append(el("p", { class: "bad" }, t("Dit mag niet: ", "Not allowed: ") + why.reason));
      if (why.details && why.details.length) {
        const list = el("ul", { class: "broken" });
        for (const d of why.details) list.append(el("li", {}, d));
        text.append(list);
      }
      if (why.suggestions && why.suggestions.length) {
        const list = el("ul", { class: "suggestions" });
        why.suggestions.forEach((s, i) => {
          const item = el("li", {}, s);
          const placements = (data.alternatives || [])[i] || [];
          if (placements.length) {
            // Tried as a preview like any other change: nothing is carried out before "Doorvoeren".
            const button = el("button", { type: "button", class: "try" }, t("Bekijk dit", "Try this"));
            button.addEventListener("click", () => check(withPlacements(body, placements)));
            item.append(" ", button);
          }
          list.append(item);
        });
        text.append(el("p", {}, t("Wat wel kan:", "What would work:")), list);
      }
    } else {
      text.append(el("p", { class: "bad" }, (data && data.problems) ? problemsText(data.problems) : failureText(data)));
    }
    verdict.focus();
  }
  verdict.tabIndex = -1;
  document.getElementById("move-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const f = new FormData(e.target);
    check({ moves: [{ email: f.get("email"), group: f.get("group") }] });
  });
  document.getElementById("swap-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const f = new FormData(e.target);
    check({ swaps: [{ first: f.get("first"), second: f.get("second") }] });
  });
  document.getElementById("lock-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const f = new FormData(e.target);
    check(f.get("action") === "lock" ? { lock: [f.get("group")] } : { unlock: [f.get("group")] });
  });
  apply.addEventListener("click", async () => {
    if (!pending) return;
    apply.disabled = true;
    const { status, data } = await api("POST", `/api/programmes/${encodeURIComponent(id)}/replan`, pending);
    if (status === 202) follow(data.job, (view) => { if (view.state === "done") window.location.reload(); apply.disabled = false; });
    else { text.append(el("p", { class: "bad" }, failureText(data))); apply.disabled = false; }
  });
}

// Changes during the programme: a dry run first (the proposal), then the same changes for real.
function setupChanges() {
  const form = document.getElementById("changes-form");
  if (!form) return;
  const id = form.dataset.programme;
  const filter = document.getElementById("drop-filter");
  filter.addEventListener("input", () => {
    const q = filter.value.trim().toLowerCase();
    for (const label of form.querySelectorAll("#drop-list label")) label.hidden = q !== "" && !label.dataset.search.includes(q);
  });
  const proposal = document.getElementById("proposal");
  const body = document.getElementById("proposal-text");
  proposal.tabIndex = -1;
  function request(dryRun) {
    const f = new FormData(form);
    const changes = { from: f.get("from"), drop: f.getAll("drop"), dryRun };
    const facilitator = f.get("dropFacilitator");
    if (facilitator) changes.dropFacilitators = [facilitator];
    const group = f.get("meetingGroup");
    if (group) {
      const meeting = Number(f.get("meetingNumber"));
      const action = f.get("meetingAction");
      if (action === "move") changes.moveMeetings = [{ group, meeting, date: f.get("meetingDate") }];
      else { changes.cancelMeetings = [{ group, meeting }]; changes.reschedule = action === "cancel"; }
    }
    const upload = new FormData();
    upload.append("changes", JSON.stringify(changes));
    for (const name of ["joiners", "attendance", "addFacilitators"]) {
      const input = form.querySelector(`input[name=${name}]`);
      if (input && input.files.length) upload.append(name, input.files[0]);
    }
    return upload;
  }
  async function run(dryRun) {
    const { status, data } = await api("POST", `/api/programmes/${encodeURIComponent(id)}/replan`, request(dryRun));
    if (status !== 202) {
      proposal.hidden = false;
      body.replaceChildren(el("p", { class: "bad" }, (data && data.problems) ? problemsText(data.problems) : failureText(data)));
      document.getElementById("commit").hidden = true;
      return;
    }
    follow(data.job, async (view) => {
      if (view.state !== "done") return;
      if (!dryRun) { window.location.href = `/programma/${encodeURIComponent(id)}`; return; }
      proposal.hidden = false;
      body.replaceChildren();
      const r = view.result;
      body.append(el("p", {}, t(`Versie ${r.version} zou ontstaan. `, `Version ${r.version} would be made. `) +
        t(`${r.moves.length} mensen verschuiven van groep.`, `${r.moves.length} people change group.`)));
      if (r.moves.length) {
        const list = el("ul", {});
        for (const m of r.moves) list.append(el("li", {}, `${m.name}: ${m.from} → ${m.to}`));
        body.append(list);
      }
      body.append(el("h3", {}, t("Nieuwe bestanden sturen aan", "Send new files to") + ` (${r.recipients.length})`));
      const who = el("ul", { class: "columns" });
      for (const name of r.recipients) who.append(el("li", {}, name));
      body.append(who);
      body.append(el("details", {}, el("summary", {}, "changes.md"), el("pre", { class: "changes" }, r.changes)));
      document.getElementById("commit").hidden = false;
      proposal.focus();
    });
  }
  form.addEventListener("submit", (e) => { e.preventDefault(); run(true); });
  document.getElementById("commit").addEventListener("click", () => run(false));
}

document.addEventListener("DOMContentLoaded", () => {
  setupCancel();
  setupNewProgramme();
  setupPlan();
  setupSearch();
  setupSteering();
  setupChanges();
});
