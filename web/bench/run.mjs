// Runs web/bench/index.html in headless Chromium and prints the mermaid-rs vs mermaid.js table (Markdown).
//   cd web && node bench/run.mjs [--only name,name]
import { serve } from "../serve.mjs";
import { launch } from "../chromium.mjs";
import fs from "node:fs";

const mermaidVersion = JSON.parse(fs.readFileSync(new URL("../node_modules/mermaid/package.json", import.meta.url))).version;

const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : null;
const { server, url } = await serve(0);
const browser = await launch();
try {
  const page = await browser.newPage();
  page.on("pageerror", (e) => console.error("page error:", e.message));
  await page.goto(`${url}bench/index.html${only ? `?only=${only}` : ""}`);
  await page.waitForFunction(() => window.benchResult, null, { timeout: 15 * 60 * 1000, polling: 500 });
  const result = await page.evaluate(() => window.benchResult);
  if (result.error) throw new Error(result.error);
  const browserVersion = browser.version();
  console.log(`mermaid-rs ${result.version} (WebAssembly, SVG-only package) vs mermaid.js ${mermaidVersion}, Chromium ${browserVersion}, headless, one page`);
  console.log(`WebAssembly module fetch + instantiate: ${result.initMs.toFixed(1)} ms\n`);
  console.log("| diagram | mermaid-rs `render` | mermaid.js `mermaid.render` | ratio |");
  console.log("|---|---:|---:|---:|");
  const ratios = [];
  for (const r of result.rows) {
    const ratio = r.mermaidMs ? r.mermaidMs / r.oursMs : null;
    if (ratio) ratios.push(ratio);
    const fmt = (ms) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(1)} ms`);
    console.log(`| ${r.name} | ${fmt(r.oursMs)} | ${r.mermaidMs ? fmt(r.mermaidMs) : `failed: ${r.error}`} | ${ratio ? `${ratio.toFixed(0)}×` : "–"} |`);
  }
  const geo = Math.exp(ratios.reduce((a, x) => a + Math.log(x), 0) / ratios.length);
  console.log(`\nGeometric mean: mermaid-rs is ${geo.toFixed(0)}× faster (medians per diagram).`);
} finally {
  await browser.close();
  server.close();
}
