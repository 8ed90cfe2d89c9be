#!/usr/bin/env bash
# Build the mermaid-rs WebAssembly packages:
#   web/pkg      SVG only (small: font metrics, no rasterizer)  — npm package "mermaid-rs-wasm"
#   web/pkg-png  with renderPng (cargo feature `png`: resvg and the embedded font) — "mermaid-rs-wasm-png"
# Each is an ES-module package directory (package.json, .js, .d.ts, .wasm, the drop-in script) ready for
# `npm publish`. Also writes web/examples.json, the live editor's examples.
#
# Usage: web/build.sh [--svg-only] [--no-opt]
# Needs: rustup target wasm32-unknown-unknown, wasm-bindgen-cli at the version of the wasm-bindgen crate in
# Cargo.lock, and `npm ci` in web/ (wasm-opt from the npm package binaryen; --no-opt skips it).
set -euo pipefail
web="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$web")"
cd "$root"

flavors=(svg png)
optimize=1
for arg in "$@"; do
    case "$arg" in
        --svg-only) flavors=(svg) ;;
        --no-opt) optimize=0 ;;
        *) echo "usage: web/build.sh [--svg-only] [--no-opt]" >&2; exit 2 ;;
    esac
done

want="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)"
have="$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)"
if [[ "$have" != "$want" ]]; then
    echo "error: wasm-bindgen-cli $want is needed (found: ${have:-none}); run: cargo install wasm-bindgen-cli --version $want" >&2
    exit 1
fi
wasm_opt="$web/node_modules/.bin/wasm-opt"
if [[ $optimize == 1 && ! -x "$wasm_opt" ]]; then
    echo "error: $wasm_opt is missing; run \`npm ci\` in web/ (or pass --no-opt)" >&2
    exit 1
fi

version="$(awk -F'"' '/^\[workspace.package\]/ { s = 1 } s && /^version/ { print $2; exit }' Cargo.toml)"

# A size-tuned profile, given on the command line so the workspace's release profile stays as it is.
profile=(--profile wasm
    --config 'profile.wasm.inherits="release"'
    --config 'profile.wasm.opt-level="z"'
    --config 'profile.wasm.lto=true'
    --config 'profile.wasm.codegen-units=1'
    --config 'profile.wasm.debug=0'
    --config 'profile.wasm.panic="abort"')

size_line() { # file -> "raw bytes, gzip -9 bytes"
    printf '%9d B raw, %8d B gzipped' "$(wc -c < "$1")" "$(gzip -9c "$1" | wc -c)"
}

for flavor in "${flavors[@]}"; do
    if [[ $flavor == svg ]]; then
        out="$web/pkg" name="mermaid-rs-wasm" features=() what="SVG only"
    else
        out="$web/pkg-png" name="mermaid-rs-wasm-png" features=(--features png) what="SVG and PNG"
    fi
    echo "== $name ($what)"
    cargo build --quiet --target wasm32-unknown-unknown -p mermaid-wasm "${profile[@]}" "${features[@]}"
    rm -rf "$out"
    wasm-bindgen --target web --out-dir "$out" --out-name mermaid_wasm \
        target/wasm32-unknown-unknown/wasm/mermaid_wasm.wasm
    wasm="$out/mermaid_wasm_bg.wasm"
    echo "   wasm-bindgen: $(size_line "$wasm")"
    if [[ $optimize == 1 ]]; then
        "$wasm_opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
            --enable-mutable-globals --enable-reference-types --enable-multivalue "$wasm" -o "$wasm.opt"
        mv "$wasm.opt" "$wasm"
        echo "   wasm-opt -Oz: $(size_line "$wasm")"
    fi

    # The drop-in script, importing the bindings from beside it.
    sed 's#\./pkg/mermaid_wasm\.js#./mermaid_wasm.js#' "$web/mermaid-rs.js" > "$out/mermaid-rs.js"
    cp "$web/mermaid-rs.d.ts" "$out/mermaid-rs.d.ts"
    cp LICENSE-MIT LICENSE-APACHE "$out/"
    cat > "$out/package.json" <<EOF
{
  "name": "$name",
  "version": "$version",
  "description": "Render Mermaid diagrams in the browser with mermaid-rs compiled to WebAssembly ($what).",
  "license": "MIT OR Apache-2.0",
  "type": "module",
  "main": "mermaid_wasm.js",
  "module": "mermaid_wasm.js",
  "types": "mermaid_wasm.d.ts",
  "exports": {
    ".": { "types": "./mermaid_wasm.d.ts", "default": "./mermaid_wasm.js" },
    "./mermaid-rs.js": { "types": "./mermaid-rs.d.ts", "default": "./mermaid-rs.js" },
    "./mermaid_wasm_bg.wasm": "./mermaid_wasm_bg.wasm"
  },
  "files": [
    "mermaid_wasm.js", "mermaid_wasm.d.ts", "mermaid_wasm_bg.wasm", "mermaid_wasm_bg.wasm.d.ts",
    "mermaid-rs.js", "mermaid-rs.d.ts", "README.md", "LICENSE-MIT", "LICENSE-APACHE"
  ],
  "sideEffects": ["./mermaid-rs.js"],
  "keywords": ["mermaid", "diagram", "svg", "wasm", "flowchart"]
}
EOF
    cat > "$out/README.md" <<EOF
# $name

mermaid-rs, a native Rust Mermaid renderer, compiled to WebAssembly ($what). Flowcharts, sequence and
ER diagrams.

\`\`\`js
import init, { render, renderPng, check, version } from "$name";
await init();                       // fetches mermaid_wasm_bg.wasm next to the module
const svg = render("graph TD\\n  A --> B", { theme: "dark" });
const problems = check("graph TD\\n  A -> B");  // [{ line, column, endLine, endColumn, message, hint }]
\`\`\`

\`render\` throws an \`Error\` with \`line\`, \`column\` and \`hint\` for invalid sources. The drop-in script
\`mermaid-rs.js\` renders every \`.mermaid\` element of a page, like \`mermaid.run()\`.
EOF
done

# The live editor's examples: the repository's examples/*.mmd and web/examples/*.mmd.
node -e '
const fs = require("fs"), path = require("path");
const out = [];
for (const dir of process.argv.slice(2))
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".mmd")).sort())
    out.push({ name: f.replace(/\.mmd$/, ""), source: fs.readFileSync(path.join(dir, f), "utf8") });
out.sort((a, b) => (a.name === "welcome" ? -1 : b.name === "welcome" ? 1 : a.name.localeCompare(b.name)));
fs.writeFileSync(path.join(process.argv[1], "examples.json"), JSON.stringify(out, null, 1) + "\n");
console.log(`== examples.json: ${out.length} examples`);
' "$web" "$web/examples" "$root/examples"
