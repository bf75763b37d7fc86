// The workbench: one page over the API of the same server. No build step, no library, nothing fetched from
// elsewhere. Chinese first; codes are shown only through their names (GET /v1/names, /v1/rules, /v1/decisions).
"use strict";

const state = {
  token: sessionStorage.getItem("tinghu-token") || "",
  names: null,        // vocabularies: {Party: {code: [zh, en]}, …} and subjects
  rules: new Map(),   // rule id → {title_zh, title_en, provision, citation_zh}
  decisions: [],
  docsUrl: null,
  report: null,       // the last report (parsed)
  reportText: "",     // … exactly as the server sent it
};

const $ = (id) => document.getElementById(id);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function small(text) {
  return el("small", { text });
}

// --- talking to the API -------------------------------------------------------------------------------------

class Problem extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

async function api(path, options = {}) {
  const headers = new Headers(options.headers || {});
  if (state.token) headers.set("Authorization", `Bearer ${state.token}`);
  const response = await fetch(path, { ...options, headers });
  const text = await response.text();
  if (!response.ok) {
    let problem;
    try {
      problem = JSON.parse(text);
    } catch {
      problem = { title: `HTTP ${response.status}`, detail: text };
    }
    if (response.status === 401) $("token-box").hidden = false;
    throw new Problem(response.status, problem);
  }
  return { text, response };
}

async function getJson(path) {
  return JSON.parse((await api(path)).text);
}

// --- names: never a code for a reader ----------------------------------------------------------------------

function codeZh(code) {
  if (!code) return "—";
  for (const vocabulary of Object.values(state.names.vocabularies)) {
    if (vocabulary[code]) return vocabulary[code][0];
  }
  return code;
}

function partyZh(code) {
  return code ? (state.names.vocabularies.Party[code] || [codeZh(code)])[0] : "—";
}

function ruleTitle(finding) {
  const rule = state.rules.get(finding.rule);
  const title = rule ? rule.title_zh : finding.citation_zh;
  return finding.subject_zh ? `${title}（${finding.subject_zh}）` : title;
}

function provisionLink(id, text) {
  const article = id.split(".")[0];
  const href = state.docsUrl ? `${state.docsUrl}articles/${article}/#${id}` : `#provision=${id}`;
  const link = el("a", { href, class: "wb-provision", "data-provision": id, text });
  if (!state.docsUrl) {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      showProvision(id);
    });
  } else {
    link.setAttribute("target", "_blank");
    link.setAttribute("rel", "noopener");
  }
  return link;
}

async function showProvision(id) {
  const body = $("provision-body");
  body.replaceChildren(el("p", { text: "载入中… loading" }));
  $("provision-dialog").showModal();
  try {
    const p = await getJson(`/v1/provisions/${encodeURIComponent(id)}`);
    const status = { encoded: "已编码", not_computable: "不可计算", pending: "待编码" }[p.status] || "无状态";
    body.replaceChildren(
      el("h3", {}, p.citation_zh, " ", small(p.citation_en)),
      el("p", { class: "wb-clause", text: p.text }),
      el("p", {}, `编码状态：${status} `, small(p.status || "none")),
      p.reason ? el("p", { class: "wb-hint", text: p.reason }) : null,
      p.rules.length
        ? el("ul", {}, p.rules.map((r) => el("li", {}, el("code", { text: r.id }), " ", r.title_zh)))
        : null,
    );
  } catch (error) {
    body.replaceChildren(el("p", { class: "wb-problem", text: error.message }));
  }
}

// --- the form -----------------------------------------------------------------------------------------------

function optionControl(decision) {
  const id = `option-${decision.field}`;
  let control;
  if (decision.options.length) {
    control = el(
      "select",
      { id, "data-field": decision.field, "data-default": String(decision.default) },
      decision.options.map((o) =>
        el("option", { value: o.value, selected: o.default, title: o.meaning }, o.name_zh + (o.default ? "（默认）" : "")),
      ),
    );
  } else {
    const type = decision.field === "effective_date" ? "date" : decision.field === "timezone" ? "text" : "number";
    control = el("input", {
      id,
      type,
      "data-field": decision.field,
      "data-default": decision.default === null ? "" : String(decision.default),
      value: decision.default === null ? "" : String(decision.default),
      placeholder: decision.open_value_zh || "",
      readonly: decision.field === "timezone",
      min: type === "number" ? "0" : undefined,
    });
  }
  control.addEventListener("change", markChanged);
  return el(
    "div",
    { class: "wb-option" },
    el("label", { for: id }, el("b", { text: decision.id }), " ", decision.title_zh, " ", small(decision.title_en)),
    control,
    decision.open_value_zh && !decision.options.length ? el("p", { class: "wb-hint", text: decision.open_value_zh }) : null,
    el("details", { class: "wb-basis" }, el("summary", { text: "依据 basis" }), el("p", { text: decision.basis })),
  );
}

function optionInputs() {
  return Array.from(document.querySelectorAll("#options [data-field]"));
}

function markChanged() {
  const changed = optionInputs().filter((input) => input.value !== input.dataset.default).length;
  $("options-changed").textContent = changed ? `（${changed}项非默认 ${changed} changed）` : "（均为默认 all defaults）";
}

function setOptions(overrides) {
  for (const input of optionInputs()) {
    const field = input.dataset.field;
    const value = field in overrides ? overrides[field] : input.dataset.default;
    input.value = value === null ? "" : String(value);
  }
  markChanged();
}

function query() {
  const params = new URLSearchParams();
  params.set("as_of", $("as-of").value);
  for (const input of optionInputs()) {
    if (input.dataset.field === "timezone") continue;
    params.append("option", `${input.dataset.field}=${input.value === "" ? "none" : input.value}`);
  }
  for (const box of document.querySelectorAll("#overlays input:checked")) params.append("calendar_overlay", box.value);
  return params;
}

function bodyType(text) {
  return /^\s*[{[]/.test(text) ? "application/json" : "application/yaml";
}

// --- running ------------------------------------------------------------------------------------------------

async function run() {
  const text = $("project").value;
  showProblem(null);
  if (!text.trim()) return showProblem({ detail: "请先选择算例或输入项目。 Choose a case or enter a project first." });
  if (!$("as-of").value) return showProblem({ detail: "请填写评估日。 Give the as-of date." });
  $("run").disabled = true;
  try {
    const { text: reportText } = await api(`/v1/evaluate?${query()}`, {
      method: "POST",
      headers: { "Content-Type": bodyType(text), Accept: "application/json" },
      body: text,
    });
    state.reportText = reportText;
    state.report = JSON.parse(reportText);
    render(state.report);
    $("download-json").disabled = false;
    $("download-ics").disabled = false;
  } catch (error) {
    showProblem(error.problem || { detail: error.message });
  } finally {
    $("run").disabled = false;
  }
}

function showProblem(problem) {
  const box = $("problem");
  if (!problem) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  box.hidden = false;
  box.replaceChildren(
    el("p", {}, el("b", { text: "无法评估 " }), small(problem.title || "cannot evaluate")),
    el("pre", { text: problem.detail || "" }),
    problem.errors && problem.errors.length
      ? el(
          "ul",
          {},
          problem.errors.map((e) =>
            el("li", {}, el("code", { text: e.field }), e.line ? `（第${e.line}行 line ${e.line}）` : "", "：", e.message),
          ),
        )
      : null,
  );
}

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = el("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function downloadIcs() {
  const text = $("project").value;
  try {
    const { text: ics } = await api(`/v1/evaluate?${query()}`, {
      method: "POST",
      headers: { "Content-Type": bodyType(text), Accept: "text/calendar" },
      body: text,
    });
    download(`${state.report.project}-${state.report.as_of}.ics`, "text/calendar", ics);
  } catch (error) {
    showProblem(error.problem || { detail: error.message });
  }
}

// --- the report ---------------------------------------------------------------------------------------------

function statusBadge(finding) {
  return el("span", { class: `wb-status wb-${finding.status}`, "data-status": finding.status, text: finding.status_zh });
}

function daysFrom(asOf, due) {
  const days = Math.round((Date.parse(due) - Date.parse(asOf)) / 86400000);
  if (days < 0) return `逾期${-days}天`;
  if (days === 0) return "今日到期";
  return `还有${days}天`;
}

function render(report) {
  const counts = new Map();
  for (const f of report.findings) counts.set(f.status, (counts.get(f.status) || 0) + 1);
  const statusNames = state.names.vocabularies.Status;
  const warnings = [];
  if (report.provisional) warnings.push("部分日期超出官方节假日数据，结论为临时结果（D12）。");
  if (report.calendar_years_missing.length) {
    warnings.push(`缺少${report.calendar_years_missing.join("、")}年官方节假日安排，相关结论无法判断；可选择日历覆盖。`);
  }
  for (const later of report.facts_after_as_of) {
    warnings.push(`${later.name_zh}（${later.day}）晚于评估日，视为尚未发生，请核对是否录入有误。`);
  }
  $("summary").replaceChildren(
    el("p", { class: "wb-title" }, el("b", { text: report.project }), `　评估日 ${report.as_of}`),
    el(
      "p",
      { class: "wb-counts" },
      Array.from(counts, ([status, n]) => el("span", { class: `wb-status wb-${status}` }, `${statusNames[status][0]} ${n}`)),
    ),
    warnings.map((w) => el("p", { class: "wb-warning", text: w })),
  );
  renderTimeline(report);
  renderFindings(report);
}

function renderTimeline(report) {
  const open = report.findings
    .filter((f) => f.status === "pending" || f.status === "overdue")
    .sort((a, b) => (a.due || "9999") .localeCompare(b.due || "9999") || a.rule.localeCompare(b.rule));
  if (!open.length) {
    $("timeline").replaceChildren(el("p", { class: "wb-ok", text: "没有未履行的义务。 No open obligations." }));
    return;
  }
  const overdue = open.filter((f) => f.status === "overdue").length;
  const next = open.find((f) => f.status === "pending" && f.due);
  $("timeline").replaceChildren(
    el(
      "p",
      {},
      el("span", { class: overdue ? "wb-bad" : "wb-ok", text: `已逾期 ${overdue} 项` }),
      next ? `　下一期限：${next.due}（${daysFrom(report.as_of, next.due)}）${ruleTitle(next)} — ${partyZh(next.owed_by)}` : "",
    ),
    table(
      ["期限 due", "状态 status", "义务方 owed by", "条款 provision", "事项 obligation"],
      open.map((f) => [
        f.due ? [f.due, el("br"), small(daysFrom(report.as_of, f.due))] : "—",
        statusBadge(f),
        partyZh(f.owed_by),
        provisionLink(f.provision, f.citation_zh),
        ruleTitle(f),
      ]),
      "wb-timeline",
      open.map((f) => f.rule + (f.subject ? ` ${f.subject}` : "")),
    ),
  );
}

function renderFindings(report) {
  const all = $("show-na").checked;
  const shown = report.findings.filter((f) => all || f.status !== "not_applicable");
  $("findings").replaceChildren(
    table(
      ["条款 provision", "状态 status", "期限 due", "义务方 owed by", "事项与说明 finding"],
      shown.map((f) => [
        provisionLink(f.provision, f.citation_zh),
        statusBadge(f),
        f.due || "—",
        partyZh(f.owed_by),
        el(
          "div",
          {},
          el("b", { text: ruleTitle(f) }),
          el("p", { class: "wb-explanation", text: f.explanation_zh }),
          el("details", {}, el("summary", { text: "English" }), el("p", { class: "wb-explanation", text: f.explanation_en })),
        ),
      ]),
      "wb-findings",
      shown.map((f) => f.rule + (f.subject ? ` ${f.subject}` : "")),
    ),
    el("p", { class: "wb-hint", text: `共${report.findings.length}项结论，显示${shown.length}项。` }),
  );
}

function table(headers, rows, className, keys) {
  return el(
    "table",
    { class: className },
    el("thead", {}, el("tr", {}, headers.map((h) => el("th", { text: h })))),
    el(
      "tbody",
      {},
      rows.map((cells, i) => el("tr", { "data-finding": keys[i] }, cells.map((c) => el("td", {}, c)))),
    ),
  );
}

// --- cases and files ----------------------------------------------------------------------------------------

async function loadCase() {
  const id = $("case").value;
  if (!id) return;
  try {
    const found = await getJson(`/v1/cases/${id.split("/").map(encodeURIComponent).join("/")}`);
    $("project").value = found.text;
    $("as-of").value = found.as_of;
    $("case-title").replaceChildren(found.title, " ", small(found.id));
    setOptions(found.interpretation);
    showProblem(null);
  } catch (error) {
    showProblem(error.problem || { detail: error.message });
  }
}

function upload(event) {
  const file = event.target.files[0];
  if (!file) return;
  const reader = new FileReader();
  reader.onload = () => {
    $("project").value = String(reader.result);
    $("case").value = "";
    $("case-title").textContent = `上传的文件 uploaded: ${file.name}`;
  };
  reader.readAsText(file, "utf-8");
}

// --- start --------------------------------------------------------------------------------------------------

function wire() {
  $("run").addEventListener("click", run);
  $("load-case").addEventListener("click", loadCase);
  $("case").addEventListener("change", loadCase);
  $("upload").addEventListener("change", upload);
  $("show-na").addEventListener("change", () => state.report && renderFindings(state.report));
  $("download-json").addEventListener("click", () =>
    download(`${state.report.project}-${state.report.as_of}.json`, "application/json", state.reportText),
  );
  $("download-ics").addEventListener("click", downloadIcs);
  $("provision-close").addEventListener("click", () => $("provision-dialog").close());
  $("token-save").addEventListener("click", () => {
    state.token = $("token").value.trim();
    sessionStorage.setItem("tinghu-token", state.token);
    $("token-box").hidden = true;
    start();
  });
  $("as-of").value = new Date().toISOString().slice(0, 10);
}

async function start() {
  try {
    const [version, names, rules, decisions, cases] = await Promise.all(
      ["/v1/version", "/v1/names", "/v1/rules", "/v1/decisions", "/v1/cases"].map(getJson),
    );
    state.names = names;
    state.docsUrl = version.docs_url;
    for (const r of rules.rules) state.rules.set(r.id, r);
    state.decisions = decisions.decisions;
    const p = version.provenance;
    $("provenance").textContent =
      `${p.library} · 条文版本 edition ${p.regulation.slice(0, 19)}… · 日历 ${p.calendar.data}（${p.calendar.years[0]}–${p.calendar.years[1]}）`;
    $("options").replaceChildren(...state.decisions.map(optionControl));
    markChanged();
    const groups = new Map();
    for (const c of cases.cases) {
      if (!groups.has(c.group_zh)) groups.set(c.group_zh, el("optgroup", { label: c.group_zh }));
      groups.get(c.group_zh).append(el("option", { value: c.id, title: c.id, text: `${c.title}（${c.as_of}）` }));
    }
    $("case").replaceChildren(el("option", { value: "", text: "— 选择算例 choose a case —" }), ...groups.values());
    $("overlays-box").hidden = !version.calendar_overlays.length;
    $("overlays").replaceChildren(
      ...version.calendar_overlays.map((o) =>
        el("label", { class: "wb-check" }, el("input", { type: "checkbox", value: o.name }), ` ${o.year}年 ${o.notice}`),
      ),
    );
    document.body.dataset.ready = "true";
  } catch (error) {
    showProblem(error.problem || { detail: error.message });
  }
}

document.addEventListener("DOMContentLoaded", () => {
  wire();
  start();
});
