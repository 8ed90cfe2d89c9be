// Browser tests of the WebAssembly package, in headless Chromium driven by playwright-core:
// the live editor (typing a diagram, typing a broken one, downloads) and the drop-in script.
//
//   cd web && node --test test/browser.test.mjs         (after web/build.sh; CHROMIUM=/path/to/chromium to override)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { launch } from "../chromium.mjs";
import { serve } from "../serve.mjs";

let browser, server, base;

before(async () => {
  ({ server, url: base } = await serve(0));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function newPage() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  return { page, problems };
}

/** The text of every <text> element of the diagram, tspans joined by spaces. */
function labelsOf(page, selector) {
  return page.$$eval(`${selector} svg text`, (texts) =>
    texts.map((t) => {
      const spans = t.querySelectorAll("tspan");
      return (spans.length ? Array.from(spans, (s) => s.textContent) : [t.textContent]).join(" ").trim();
    }),
  );
}

test("the editor renders what is typed and marks errors with line and column", async () => {
  const { page, problems } = await newPage();
  await page.goto(base);
  await page.waitForSelector("body[data-state=ok] #diagram svg");
  assert.match(await page.textContent("#status"), /rendered in .* mermaid-rs \d+\.\d+\.\d+/);
  const exampleCount = await page.$$eval("#example option", (o) => o.length);
  assert.ok(exampleCount >= 14, `${exampleCount} examples`);

  // Type a diagram.
  await page.fill("#source", "");
  await page.type("#source", "flowchart LR\n  start[Browser test] --> typed(Typed by Playwright)\n  typed --> done{{Done}}\n");
  await page.waitForFunction(() => document.querySelectorAll("#diagram svg text").length >= 3);
  const labels = await labelsOf(page, "#diagram");
  for (const label of ["Browser test", "Typed by Playwright", "Done"]) {
    assert.ok(labels.includes(label), `label ${label} in ${JSON.stringify(labels)}`);
  }
  assert.equal(await page.$eval("#error", (e) => e.hidden), true);

  // Break it: `->` on line 3, column 11.
  await page.fill("#source", "flowchart LR\n  a --> b\n  b --> c -> d\n");
  await page.waitForSelector("body[data-state=error]");
  const error = await page.textContent("#error");
  assert.match(error, /^Line 3, column 11: /, error);
  assert.equal(await page.$eval("#error", (e) => e.hidden), false);
  const mark = await page.$eval("#highlights mark", (m) => m.textContent);
  assert.equal(mark.trim(), "->");
  assert.equal(await page.textContent("#gutter .error"), "3");
  assert.equal(await page.$eval("#diagram", (d) => d.classList.contains("stale")), true);

  // Fix it again.
  await page.focus("#source");
  await page.keyboard.press("End");
  await page.fill("#source", "flowchart LR\n  a --> b\n  b --> c --> d\n");
  await page.waitForSelector("body[data-state=ok]");
  assert.deepEqual((await labelsOf(page, "#diagram")).sort(), ["a", "b", "c", "d"]);

  // Every example renders.
  const names = await page.$$eval("#example option", (o) => o.map((x) => x.value));
  for (const name of names) {
    await page.selectOption("#example", name);
    const state = await page.getAttribute("body", "data-state");
    assert.equal(state, "ok", `example ${name}: ${await page.textContent("#error")}`);
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test("the editor downloads SVG and PNG", async () => {
  const { page, problems } = await newPage();
  await page.goto(`${base}?example=release`);
  await page.waitForSelector("body[data-state=ok] #diagram svg");
  const [svgDownload] = await Promise.all([page.waitForEvent("download"), page.click("#download-svg")]);
  assert.equal(svgDownload.suggestedFilename(), "release.svg");
  const svg = fs.readFileSync(await svgDownload.path(), "utf8");
  assert.ok(svg.startsWith("<svg") && svg.includes("Code review"));
  const [pngDownload] = await Promise.all([page.waitForEvent("download"), page.click("#download-png")]);
  assert.equal(pngDownload.suggestedFilename(), "release.png");
  const png = fs.readFileSync(await pngDownload.path());
  assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47]); // "PNG"
  assert.ok(png.length > 1000);
  // Without the PNG package (CI builds only the SVG one), the editor's attempt to load it is a 404 and it
  // draws the PNG from the SVG instead; that one missing resource is expected, nothing else is.
  const pngPackageBuilt = fs.existsSync(new URL("../pkg-png/", import.meta.url));
  const expected = (p) => !pngPackageBuilt && p.startsWith("Failed to load resource") && p.includes("404");
  assert.deepEqual(problems.filter((p) => !expected(p)), []);
  await page.close();
});

test("the drop-in renders three .mermaid blocks in place and shows errors in place", async () => {
  const { page, problems } = await newPage();
  await page.goto(`${base}demo.html`);
  await page.waitForFunction(() => document.querySelectorAll(".mermaid svg").length === 3);
  const ids = await page.$$eval(".mermaid > svg", (s) => s.map((x) => x.id));
  assert.deepEqual(ids, ["flow-svg", "sequence-svg", "er-svg"]);
  const flow = await labelsOf(page, "#flow");
  for (const label of ["Write Markdown", "Push", "Docs build", "Site updated", "ok", "error"]) {
    assert.ok(flow.includes(label), `${label} in ${JSON.stringify(flow)}`);
  }
  const sequence = await labelsOf(page, "#sequence");
  assert.ok(sequence.includes("HTML with three diagrams"), JSON.stringify(sequence));
  const er = await labelsOf(page, "#er");
  assert.ok(er.includes("PAGE") && er.includes("DIAGRAM"), JSON.stringify(er));
  // Marker ids are scoped per diagram, so the three can share the page.
  const markerIds = await page.$$eval(".mermaid marker", (m) => m.map((x) => x.id));
  assert.equal(new Set(markerIds).size, markerIds.length, JSON.stringify(markerIds));
  const dangling = await page.$$eval(".mermaid [marker-end]", (els) =>
    els.map((e) => e.getAttribute("marker-end").match(/url\(#(.*)\)/)[1]).filter((id) => !document.getElementById(id)),
  );
  assert.deepEqual(dangling, []);

  // A broken block added later: mermaid.run() shows its error in place and rejects.
  const rejected = await page.evaluate(async () => {
    const pre = document.createElement("pre");
    pre.className = "mermaid";
    pre.id = "broken";
    pre.textContent = "graph TD\n  A --> B\n  B -> C";
    document.body.append(pre);
    try {
      await window.mermaidRs.run();
      return null;
    } catch (e) {
      return { message: e.message, line: e.line, column: e.column };
    }
  });
  assert.equal(rejected?.line, 3);
  assert.equal(rejected?.column, 5);
  const shown = await page.textContent("#broken .mermaid-rs-error");
  assert.match(shown, /line 3, column 5: /);
  assert.match(shown, /B -> C/);
  assert.equal(await page.$$eval(".mermaid svg", (s) => s.length), 3, "rendered blocks are not rendered again");
  assert.deepEqual(problems, []);
  await page.close();
});

test("the package API: render, check, version, options", async () => {
  const { page, problems } = await newPage();
  await page.goto(`${base}demo.html`);
  const result = await page.evaluate(async () => {
    const m = await import("./pkg/mermaid_wasm.js");
    await m.default();
    const dark = m.render("graph TD\n  A --> B", { theme: "dark", background: "#000" });
    const plain = m.render("graph TD\n  A --> B");
    const withConfig = m.render("graph TD\n  A --> B", { config: { flowchart: { rankSpacing: 200 } } });
    let thrown = null;
    try {
      m.render("graph TD\n  A -> B");
    } catch (e) {
      thrown = { message: e.message, line: e.line, column: e.column, hint: e.hint, rendered: e.rendered };
    }
    let badOption = null;
    try {
      m.render("graph TD\n  A --> B", { scale: "big" });
    } catch (e) {
      badOption = e.message;
    }
    return {
      version: m.version(),
      types: m.diagramTypes(),
      png: m.pngSupported(),
      darkDiffers: dark !== plain,
      hasBackground: dark.includes('<rect x="0" y="0" width="87.672" height="175" fill="#000"/>'),
      configDiffers: withConfig !== plain,
      ok: m.check("sequenceDiagram\n  A->>B: hi"),
      bad: m.check("graph TD\n  A -> B"),
      thrown,
      badOption,
    };
  });
  assert.match(result.version, /^\d+\.\d+\.\d+/);
  assert.deepEqual(
    result.types.map((t) => t.name),
    ["flowchart", "er", "sequence", "class", "state"],
    "the registry's diagram types",
  );
  assert.ok(result.types[0].keywords.includes("graph"));
  assert.equal(result.png, false, "the default package is the SVG-only one");
  assert.ok(result.darkDiffers, "the theme option is used");
  assert.ok(result.hasBackground, "the background option is used");
  assert.ok(result.configDiffers, "the config option is used");
  assert.deepEqual(result.ok, []);
  assert.equal(result.bad.length, 1);
  assert.equal(result.bad[0].line, 2);
  assert.equal(result.bad[0].column, 5);
  assert.equal(result.bad[0].endLine, 2);
  assert.ok(result.bad[0].endColumn > 5);
  assert.ok(result.bad[0].message.length > 0);
  assert.equal(result.thrown.line, 2);
  assert.match(result.thrown.rendered, /line 2, column 5/);
  assert.match(result.badOption, /scale/);
  assert.deepEqual(problems, []);
  await page.close();
});

test("a participant's links open as a menu on hover, without script", async () => {
  const { page, problems } = await newPage();
  await page.goto(`${base}demo.html`);
  await page.evaluate(async () => {
    const m = await import("./pkg/mermaid_wasm.js");
    await m.default();
    const svg = m.render(
      "sequenceDiagram\n  participant A as Alice\n  link A: Docs @ https://example.com/docs\n" +
        "  link A: Evil @ javascript:alert(1)\n  A->>B: hi",
    );
    document.body.innerHTML = `<div id="menu-test" style="position:absolute;left:0;top:0">${svg}</div>`;
  });
  const panelShown = () => page.$eval("#menu-test .mrs-popup-panel", (e) => getComputedStyle(e).display !== "none");
  assert.equal(await page.$$eval("#menu-test script", (s) => s.length), 0);
  assert.deepEqual(await page.$$eval("#menu-test a", (a) => a.map((x) => x.getAttribute("href"))), [
    "https://example.com/docs",
  ]);
  assert.equal(await panelShown(), false, "closed until hovered");
  const actor = await page.$eval("#menu-test .mrs-popup .actor-top rect", (r) => {
    const b = r.getBoundingClientRect();
    return { x: b.x + b.width / 2, y: b.y + b.height / 2, bottom: b.bottom };
  });
  await page.mouse.move(actor.x, actor.y);
  assert.equal(await panelShown(), true, "open on hover");
  // Down onto the entry: the menu stays open and the link is what is under the pointer.
  await page.mouse.move(actor.x, actor.bottom + 15);
  assert.equal(await panelShown(), true, "stays open over the panel");
  const under = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest("a")?.getAttribute("href"), {
    x: actor.x,
    y: actor.bottom + 15,
  });
  assert.equal(under, "https://example.com/docs");
  await page.mouse.move(1000, 700);
  assert.equal(await panelShown(), false, "closes when the pointer leaves");
  assert.deepEqual(problems, []);
  await page.close();
});
