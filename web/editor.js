// The mermaid-rs live editor: the source on the left, the diagram on the right, re-rendered on every keystroke
// by the WebAssembly package in ./pkg; errors are underlined in the source and explained under it.
import init, { render, check, version } from "./pkg/mermaid_wasm.js";

const $ = (id) => document.getElementById(id);
const source = $("source");
const highlights = $("highlights");
const gutter = $("gutter");
const errorBox = $("error");
const diagram = $("diagram");
const status = $("status");
const themeSelect = $("theme");
const exampleSelect = $("example");

let lastSvg = "";
let examples = [];

function options() {
  const theme = themeSelect.value;
  return theme ? { theme } : {};
}

/** The string offset (UTF-16) of a 1-based line and code-point column in `text`. */
function offsetOf(text, line, column) {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf("\n", offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  const lineEnd = text.indexOf("\n", offset) < 0 ? text.length : text.indexOf("\n", offset);
  const chars = Array.from(text.slice(offset, lineEnd));
  return offset + chars.slice(0, column - 1).join("").length;
}

function escapeHtml(text) {
  return text.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]);
}

/** Redraw the line numbers and the underline under the error's text. */
function decorate(text, problem) {
  const lines = text.split("\n").length;
  let numbers = "";
  for (let i = 1; i <= lines; i++) {
    const bad = problem && problem.line === i;
    numbers += bad ? `<div class="error" title="${escapeHtml(problem.message)}">${i}</div>` : `<div>${i}</div>`;
  }
  gutter.innerHTML = numbers;
  if (!problem) {
    highlights.innerHTML = escapeHtml(text) + "\n";
    return;
  }
  const start = offsetOf(text, problem.line, problem.column);
  let end = problem.endLine ? offsetOf(text, problem.endLine, problem.endColumn) : start;
  if (end <= start) {
    // No extent: underline to the end of the line, or one cell where the line is empty.
    const lineEnd = text.indexOf("\n", start);
    end = lineEnd < 0 ? text.length : lineEnd;
  }
  const marked = text.slice(start, end).replace(/\n/g, " \n") || " ";
  highlights.innerHTML =
    escapeHtml(text.slice(0, start)) +
    `<mark title="${escapeHtml(problem.message)}">${escapeHtml(marked)}</mark>` +
    escapeHtml(text.slice(end)) +
    "\n";
  syncScroll();
}

function showProblem(problem) {
  if (!problem) {
    errorBox.hidden = true;
    errorBox.textContent = "";
    return;
  }
  errorBox.hidden = false;
  errorBox.replaceChildren();
  const where = document.createElement("span");
  where.className = "where";
  where.textContent = `Line ${problem.line}, column ${problem.column}: `;
  errorBox.append(where, document.createTextNode(problem.message));
  if (problem.hint) {
    const hint = document.createElement("div");
    hint.className = "hint";
    hint.textContent = `help: ${problem.hint}`;
    errorBox.append(hint);
  }
}

function update() {
  const text = source.value;
  const t0 = performance.now();
  let problem = null;
  try {
    lastSvg = render(text, options());
    diagram.innerHTML = lastSvg;
    diagram.classList.remove("stale");
  } catch (e) {
    // Keep the last good picture, greyed out; `check` gives the diagnostic with its extent.
    problem = check(text, options())[0] ?? { line: e.line ?? 1, column: e.column ?? 1, message: e.message, hint: e.hint };
    diagram.classList.add("stale");
  }
  const ms = performance.now() - t0;
  decorate(text, problem);
  showProblem(problem);
  status.classList.toggle("bad", !!problem);
  status.textContent = problem
    ? `error on line ${problem.line}`
    : `rendered in ${ms < 1 ? ms.toFixed(2) : ms.toFixed(1)} ms · mermaid-rs ${version()} (WebAssembly)`;
  document.querySelector(".preview").classList.toggle("dark", themeSelect.value === "dark");
  document.body.dataset.state = problem ? "error" : "ok";
}

function syncScroll() {
  highlights.scrollTop = source.scrollTop;
  highlights.scrollLeft = source.scrollLeft;
  gutter.scrollTop = source.scrollTop;
}

function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function fileName(ext) {
  return `${exampleSelect.value || "diagram"}.${ext}`;
}

/** PNG bytes: from the PNG build of the package (loaded on first use) or, where it was not built, the browser. */
let pngModule;
async function pngBytes(text, background) {
  if (pngModule === undefined) {
    pngModule = import("./pkg-png/mermaid_wasm.js")
      .then(async (m) => (await m.default(), m))
      .catch(() => null);
  }
  const m = await pngModule;
  if (m) return new Blob([m.renderPng(text, { ...options(), background, scale: 2 })], { type: "image/png" });
  const svg = render(text, { ...options(), background });
  const img = new Image();
  img.src = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  await img.decode();
  const canvas = Object.assign(document.createElement("canvas"), { width: img.width * 2, height: img.height * 2 });
  canvas.getContext("2d").drawImage(img, 0, 0, canvas.width, canvas.height);
  URL.revokeObjectURL(img.src);
  return new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
}

async function main() {
  await init();
  try {
    examples = await (await fetch("examples.json")).json();
  } catch {
    examples = [{ name: "welcome", source: "flowchart LR\n  A[Type here] --> B[See it here]" }];
  }
  for (const { name } of examples) exampleSelect.add(new Option(name, name));
  const wanted = new URLSearchParams(location.search).get("example");
  const first = examples.find((e) => e.name === wanted) ?? examples[0];
  exampleSelect.value = first.name;
  source.value = first.source;

  source.addEventListener("input", update);
  source.addEventListener("scroll", syncScroll);
  themeSelect.addEventListener("change", update);
  exampleSelect.addEventListener("change", () => {
    source.value = examples.find((e) => e.name === exampleSelect.value)?.source ?? "";
    source.scrollTop = 0;
    update();
  });
  source.addEventListener("keydown", (e) => {
    if (e.key === "Tab" && !e.shiftKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      document.execCommand("insertText", false, "    ");
    }
  });
  $("download-svg").addEventListener("click", () => {
    if (lastSvg) save(new Blob([lastSvg], { type: "image/svg+xml" }), fileName("svg"));
  });
  $("download-png").addEventListener("click", async () => {
    const background = themeSelect.value === "dark" ? "#262626" : "white";
    try {
      save(await pngBytes(source.value, background), fileName("png"));
    } catch (e) {
      status.textContent = `PNG failed: ${e.message}`;
    }
  });
  update();
  window.mermaidRsEditor = { render, check, version, update };
}

main().catch((e) => {
  status.textContent = `could not start: ${e.message}`;
  status.classList.add("bad");
  document.body.dataset.state = "failed";
});
