// Times mermaid-rs's `render` against mermaid.js's `mermaid.render` on the editor's examples, in this page.
// Each diagram: a few warm-up renders, then repeated renders until enough time has passed; medians compared.
import init, { render, version } from "../pkg/mermaid_wasm.js";

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// Renders are timed in batches of `k`, `k` doubled until a batch takes 5 ms: the browser's clock is coarse
// (0.1 ms without cross-origin isolation), finer than some of our renders.
async function time(fn, { warmup, minMs }) {
  for (let i = 0; i < warmup; i++) await fn();
  let k = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < k; i++) await fn();
    if (performance.now() - t0 >= 5 || k >= 1 << 14) break;
    k *= 2;
  }
  const samples = [];
  const start = performance.now();
  while (samples.length < 7 || performance.now() - start < minMs) {
    const t0 = performance.now();
    for (let i = 0; i < k; i++) await fn();
    samples.push((performance.now() - t0) / k);
  }
  return { median: median(samples), runs: samples.length * k };
}

async function main() {
  const t0 = performance.now();
  await init();
  const initMs = performance.now() - t0;
  const examples = await (await fetch("../examples.json")).json();
  const only = new URLSearchParams(location.search).get("only");
  mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
  const rows = [];
  let n = 0;
  for (const { name, source } of examples) {
    if (only && !only.split(",").includes(name)) continue;
    document.getElementById("status").textContent = `running ${name}…`;
    const ours = await time(() => render(source), { warmup: 5, minMs: 500 });
    let theirs = null;
    let error = null;
    try {
      theirs = await time(() => mermaid.render(`bench-${n++}`, source, document.getElementById("scratch")), { warmup: 2, minMs: 1000 });
    } catch (e) {
      error = String(e?.message ?? e).split("\n")[0];
    }
    rows.push({ name, oursMs: ours.median, oursRuns: ours.runs, mermaidMs: theirs?.median ?? null, mermaidRuns: theirs?.runs ?? 0, error });
  }
  const table = document.getElementById("results");
  table.innerHTML = "<tr><th>diagram</th><th>mermaid-rs</th><th>mermaid.js</th><th>ratio</th></tr>" +
    rows.map((r) => `<tr><td>${r.name}</td><td>${r.oursMs.toFixed(3)} ms</td><td>${r.mermaidMs?.toFixed(2) ?? r.error} ms</td><td>${r.mermaidMs ? (r.mermaidMs / r.oursMs).toFixed(0) + "×" : ""}</td></tr>`).join("");
  document.getElementById("status").textContent = "done";
  window.benchResult = { rows, initMs, version: version(), userAgent: navigator.userAgent };
}

main().catch((e) => {
  document.getElementById("status").textContent = `failed: ${e.message}`;
  window.benchResult = { error: String(e) };
});
