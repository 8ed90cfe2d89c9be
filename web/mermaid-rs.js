// mermaid-rs drop-in for mermaid.js: renders every `<pre class="mermaid">` / `<div class="mermaid">` of a page
// with mermaid-rs compiled to WebAssembly, in place, like `mermaid.run()`.
//
//   <script type="module" src="mermaid-rs.js"></script>            <!-- renders on load -->
//
//   <script type="module">
//     import mermaid from "./mermaid-rs.js";
//     mermaid.initialize({ startOnLoad: false, theme: "dark" });
//     await mermaid.run({ querySelector: ".diagram" });
//   </script>
//
// An element whose source is invalid shows the error in place: the message with its line and column, the
// offending line with a caret, and the hint. `mermaid.run` then rejects with the first error unless
// `suppressErrors` is set, as mermaid.js does.

import init, { render as renderSvg, check, version as wasmVersion } from "./pkg/mermaid_wasm.js";

const config = {
  startOnLoad: true,
  theme: undefined,
  themeVariables: undefined,
  background: undefined,
  // Anything else mermaid.initialize accepts (flowchart, sequence, fontSize, ...) is passed through as the
  // configuration object.
};
let ready = null;
let counter = 0;

/** Load and instantiate the WebAssembly module (once). `wasm` may be a URL, a Response or bytes. */
export function load(wasm) {
  if (!ready) ready = init(wasm ? { module_or_path: wasm } : undefined);
  return ready;
}

/** Set options for later renders, as `mermaid.initialize` does. */
export function initialize(options = {}) {
  Object.assign(config, options);
}

function renderOptions() {
  const { startOnLoad, theme, background, ...rest } = config;
  const configObject = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  const options = {};
  if (theme) options.theme = theme;
  if (background) options.background = background;
  if (Object.keys(configObject).length) options.config = configObject;
  return options;
}

/** Remove the common indentation of the lines (sources indented inside HTML), as mermaid.js does. */
function dedent(text) {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  while (lines.length && !lines[0].trim()) lines.shift();
  while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
  const indents = lines.filter((l) => l.trim()).map((l) => l.match(/^[ \t]*/)[0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join("\n");
}

/** The diagram text of an element: its HTML with entities decoded and tags such as `<br>` kept, as mermaid.js
 *  reads it. */
function sourceOf(element) {
  const decoder = document.createElement("textarea");
  decoder.innerHTML = element.innerHTML;
  return decoder.value;
}

/** Give every id of an SVG document a prefix (and every reference to one), so diagrams can share a page. */
function scopeIds(svg, prefix) {
  const ids = new Set();
  for (const el of svg.querySelectorAll("[id]")) {
    ids.add(el.id);
    el.id = prefix + el.id;
  }
  if (!ids.size) return;
  const refs = /url\(#([^)]+)\)/g;
  for (const el of [svg, ...svg.querySelectorAll("*")]) {
    for (const attr of Array.from(el.attributes)) {
      const { name, value } = attr;
      if (name === "aria-labelledby" || name === "aria-describedby") {
        attr.value = value.split(/\s+/).map((id) => (ids.has(id) ? prefix + id : id)).join(" ");
      } else if ((name === "href" || name === "xlink:href") && value.startsWith("#") && ids.has(value.slice(1))) {
        attr.value = "#" + prefix + value.slice(1);
      } else if (value.includes("url(#")) {
        attr.value = value.replace(refs, (m, id) => (ids.has(id) ? `url(#${prefix}${id})` : m));
      }
    }
  }
}

/** Render `text` to an SVG string whose ids start with `id`, as `mermaid.render(id, text)`; rejects on errors. */
export async function render(id, text) {
  await load();
  const svgText = renderSvg(text, renderOptions());
  const doc = new DOMParser().parseFromString(svgText, "image/svg+xml");
  const svg = doc.documentElement;
  scopeIds(svg, `${id}-`);
  svg.id = id;
  return { svg: new XMLSerializer().serializeToString(svg), diagramType: svg.getAttribute("aria-roledescription") };
}

/** Check `text`, as `mermaid.parse`: resolves to true, or rejects with the first error (with line/column). */
export async function parse(text, { suppressErrors = false } = {}) {
  await load();
  const problems = check(text, renderOptions());
  if (!problems.length) return true;
  if (suppressErrors) return false;
  const e = new Error(problems[0].message);
  Object.assign(e, problems[0]);
  throw e;
}

function showError(element, error, source) {
  const box = document.createElement("div");
  box.className = "mermaid-rs-error";
  box.setAttribute("role", "alert");
  box.style.cssText =
    "font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:#8b0000;background:#fff4f4;" +
    "border:1px solid #e0a0a0;border-radius:4px;padding:8px 12px;white-space:pre-wrap;text-align:left";
  const title = document.createElement("strong");
  title.className = "mermaid-rs-error-message";
  const where = error.line ? `line ${error.line}, column ${error.column}: ` : "";
  title.textContent = `Mermaid syntax error: ${where}${error.message}`;
  box.append(title);
  const lines = source.split("\n");
  if (error.line && lines[error.line - 1] !== undefined) {
    const code = document.createElement("pre");
    code.style.cssText = "margin:6px 0 0;font:inherit;color:#333";
    const text = lines[error.line - 1];
    const width = Math.max(1, (error.endLine === error.line ? error.endColumn : [...text].length + 1) - error.column);
    code.textContent = `${String(error.line).padStart(3)} | ${text}\n    | ${" ".repeat(error.column - 1)}${"^".repeat(width)}`;
    box.append(code);
  }
  if (error.hint) {
    const hint = document.createElement("div");
    hint.className = "mermaid-rs-error-hint";
    hint.textContent = `help: ${error.hint}`;
    box.append(hint);
  }
  element.replaceChildren(box);
}

/**
 * Render the matching elements in place, as `mermaid.run`: `querySelector` (default ".mermaid") or `nodes`.
 * Elements already rendered (data-processed) are skipped. Resolves when all are done.
 */
export async function run({ querySelector = ".mermaid", nodes, suppressErrors = false } = {}) {
  await load();
  const elements = nodes ? Array.from(nodes) : Array.from(document.querySelectorAll(querySelector));
  let firstError = null;
  for (const element of elements) {
    if (element.getAttribute("data-processed")) continue;
    element.setAttribute("data-processed", "true");
    const source = dedent(sourceOf(element));
    element.setAttribute("data-source", source);
    const id = element.id ? `${element.id}-svg` : `mermaid-rs-${++counter}`;
    try {
      const { svg } = await render(id, source);
      element.innerHTML = svg;
    } catch (error) {
      showError(element, error, source);
      firstError ??= error;
    }
  }
  if (firstError && !suppressErrors) throw firstError;
}

/** The mermaid-rs version (after the module has loaded). */
export function version() {
  return wasmVersion();
}

const mermaid = { initialize, run, render, parse, load, version };
export default mermaid;

if (typeof window !== "undefined") {
  window.mermaidRs = mermaid;
  const start = () => {
    if (config.startOnLoad) run({ suppressErrors: true }).catch((e) => console.error("mermaid-rs:", e));
  };
  if (document.readyState === "complete") queueMicrotask(start);
  else window.addEventListener("load", start, { once: true });
}
