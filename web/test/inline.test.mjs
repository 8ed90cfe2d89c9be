// Two diagrams from the native command line inlined in one HTML page, in headless Chromium: each must keep its
// own accessible title and its own arrowhead colour (ids are prefixed per diagram, so nothing resolves to the
// other diagram's elements).
//
//   cd web && node --test test/inline.test.mjs      (after `cargo build`; MERMAID_RS=/path/to/mermaid-rs to override)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launch } from "../chromium.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const bin = process.env.MERMAID_RS ?? path.join(root, "target/debug/mermaid-rs");

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const diagrams = [
  { title: "First diagram", colour: "rgb(255, 0, 0)", source: "flowchart LR\n  accTitle: First diagram\n  A --> B\n  linkStyle 0 stroke:#ff0000\n" },
  { title: "Second diagram", colour: "rgb(0, 0, 255)", source: "flowchart LR\n  accTitle: Second diagram\n  C --> D\n  linkStyle 0 stroke:#0000ff\n" },
];

/** Render a diagram with the command line; `extra` flags such as ["-I", "orders"]. */
function render(source, extra = []) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mermaid-rs-inline-"));
  fs.writeFileSync(path.join(dir, "d.mmd"), source);
  execFileSync(bin, ["-i", path.join(dir, "d.mmd"), "-o", path.join(dir, "d.svg"), "-q", ...extra]);
  const svg = fs.readFileSync(path.join(dir, "d.svg"), "utf8");
  fs.rmSync(dir, { recursive: true });
  return svg;
}

/** For each inlined SVG: the text its aria-labelledby resolves to, and the fill of every arrowhead it uses. */
async function resolved(page) {
  return page.$$eval("svg", (svgs) =>
    svgs.map((svg) => {
      const label = document.getElementById(svg.getAttribute("aria-labelledby"));
      const markers = Array.from(svg.querySelectorAll("path[marker-end]"), (p) => {
        const id = p.getAttribute("marker-end").slice(5, -1);
        const marker = document.getElementById(id);
        return {
          inside: svg.contains(marker),
          fill: getComputedStyle(marker.querySelector("path")).fill,
        };
      });
      return { title: label?.textContent, titleInside: svg.contains(label), markers };
    }),
  );
}

for (const [name, flags] of [
  ["ids from a hash of each source", () => []],
  ["ids from --svgId", (i) => ["-I", `diagram-${i}`]],
]) {
  test(`two diagrams in one page keep their own title and marker colours (${name})`, async (t) => {
    if (!fs.existsSync(bin)) {
      t.skip(`no ${bin}: run cargo build first`);
      return;
    }
    const svgs = diagrams.map((d, i) => render(d.source, flags(i)));
    const page = await browser.newPage();
    await page.setContent(`<!doctype html><html><body><div>${svgs[0]}</div><div>${svgs[1]}</div></body></html>`);
    const found = await resolved(page);
    assert.equal(found.length, 2);
    found.forEach((f, i) => {
      assert.equal(f.title, diagrams[i].title);
      assert.ok(f.titleInside, `diagram ${i + 1}'s title comes from its own SVG`);
      assert.ok(f.markers.length >= 1);
      for (const m of f.markers) {
        assert.ok(m.inside, `diagram ${i + 1}'s marker comes from its own SVG`);
        assert.equal(m.fill, diagrams[i].colour);
      }
    });
    await page.close();
  });
}
