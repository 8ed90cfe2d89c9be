#!/usr/bin/env bash
# Layout quality of mermaid-rs against mermaid.js on the shared corpus.
#
#   scripts/quality.sh [--no-build] [--worst N] [--keep DIR]
#
# Builds the release CLI, renders every valid corpus flowchart and ER diagram to geometry JSON, runs
# ../shared/tools/quality.py on ours and on mermaid.js's reference JSON for the same files, and prints, per
# metric, both totals and on how many diagrams we are better / equal / worse (lower is better for every
# metric), plus the median canvas-area ratio. Files whose scene has no nodes (diagram types we do not lay
# out yet) are skipped and counted. Needs bash, python3 and cargo; no other dependencies.
#
#   --no-build   use the existing target/release/mermaid-rs
#   --worst N    also list the N files where our crossings exceed mermaid's the most
#   --keep DIR   write our JSON to DIR (kept) instead of a temporary directory
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="$root/../shared"
if [ ! -d "$shared/corpus" ] || [ ! -f "$shared/tools/quality.py" ]; then
    echo "quality.sh: $shared (corpus, reference and tools/quality.py) is absent; nothing to compare" >&2
    exit 2
fi
shared="$(cd "$shared" && pwd)"

build=1
worst=0
keep=""
while [ $# -gt 0 ]; do
    case "$1" in
        --no-build) build=0 ;;
        --worst) worst="$2"; shift ;;
        --keep) keep="$2"; shift ;;
        -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
        *) echo "quality.sh: unknown argument $1" >&2; exit 2 ;;
    esac
    shift
done

if [ "$build" = 1 ]; then
    cargo build --quiet --release --bin mermaid-rs --manifest-path "$root/Cargo.toml"
fi
bin="$root/target/release/mermaid-rs"
[ -x "$bin" ] || { echo "quality.sh: $bin is missing (drop --no-build)" >&2; exit 2; }

if [ -n "$keep" ]; then
    out="$keep"
    mkdir -p "$out"
else
    out="$(mktemp -d)"
    trap 'rm -rf "$out"' EXIT
fi

# Render every valid flowchart and ER file (render failures are reported by the summary, not fatal).
mkdir -p "$out/flowchart" "$out/er"
failed_flowchart=0
failed_er=0
while IFS=$'\t' read -r file kind _origin _what expect; do
    case "$kind" in flowchart|er) ;; *) continue ;; esac
    [ "$expect" = valid ] || continue
    name="$(basename "$file" .mmd)"
    if ! "$bin" render -q -i "$shared/corpus/$file" -o "$out/$kind/$name.json" -e json 2>/dev/null; then
        eval "failed_$kind=\$((failed_$kind + 1))"
        rm -f "$out/$kind/$name.json"
    fi
done < <(tail -n +2 "$shared/corpus/MANIFEST.tsv")

python3 - "$shared" "$out" "$worst" "$failed_flowchart" "$failed_er" <<'PY'
import json, os, statistics, subprocess, sys

shared, out, worst = sys.argv[1], sys.argv[2], int(sys.argv[3])
failed = {"flowchart": int(sys.argv[4]), "er": int(sys.argv[5])}
quality = os.path.join(shared, "tools", "quality.py")
METRICS = ["node_overlaps", "edge_crossings", "edges_through_nodes", "label_node_overlaps",
           "canvas_area", "content_area", "edge_length_total"]


def measure(paths):
    """quality.py --json over many files, keyed by path (one process per batch)."""
    res = {}
    for i in range(0, len(paths), 200):
        batch = paths[i:i + 200]
        text = subprocess.run([sys.executable, quality, "--json", *batch], check=True,
                              capture_output=True, text=True).stdout
        for path, line in zip(batch, text.splitlines()):
            res[path] = json.loads(line)
    return res


pairs, skipped_empty, skipped_ref = [], {}, 0
for kind in ("flowchart", "er"):
    for f in sorted(os.listdir(os.path.join(out, kind))):
        ours = os.path.join(out, kind, f)
        ref = os.path.join(shared, "reference", kind, f)
        with open(ours) as fh:
            d = json.load(fh)
        if not d.get("nodes"):
            skipped_empty[kind] = skipped_empty.get(kind, 0) + 1
            continue
        try:
            with open(ref) as fh:
                r = json.load(fh)
        except OSError:
            skipped_ref += 1
            continue
        if not r.get("ok") or not r.get("nodes"):
            skipped_ref += 1
            continue
        pairs.append((kind, f, ours, ref))

m = measure([p[2] for p in pairs] + [p[3] for p in pairs])
rows = [(kind, f, m[o], m[r]) for kind, f, o, r in pairs]


def table(rows, title):
    print(f"\n{title}: {len(rows)} diagrams")
    print(f"{'metric':<22}{'mermaid.js':>15}{'mermaid-rs':>15}{'better':>8}{'equal':>7}{'worse':>7}")
    for k in METRICS:
        rs = [(o.get(k), r.get(k)) for _, _, o, r in rows if o.get(k) is not None and r.get(k) is not None]
        tot_r, tot_o = sum(x[1] for x in rs), sum(x[0] for x in rs)
        # Areas and lengths: within 0.5% counts as equal.
        tol = (lambda a, b: abs(a - b) <= 0.005 * max(abs(a), abs(b))) if "area" in k or "length" in k \
            else (lambda a, b: a == b)
        better = sum(1 for o, r in rs if o < r and not tol(o, r))
        worse = sum(1 for o, r in rs if o > r and not tol(o, r))
        fmt = (lambda v: f"{v:,.0f}")
        print(f"{k:<22}{fmt(tot_r):>15}{fmt(tot_o):>15}{better:>8}{len(rs) - better - worse:>7}{worse:>7}")
    ratios = [o["canvas_area"] / r["canvas_area"] for _, _, o, r in rows if r.get("canvas_area")]
    cratios = [o["content_area"] / r["content_area"] for _, _, o, r in rows
               if r.get("content_area") and o.get("content_area") is not None]
    with_x = [(o["edge_crossings"], r["edge_crossings"]) for _, _, o, r in rows
              if o["edge_crossings"] or r["edge_crossings"]]
    fewer = sum(1 for o, r in with_x if o < r)
    print(f"median canvas area ratio (ours/mermaid): {statistics.median(ratios):.3f}" if ratios else "")
    if cratios:
        print(f"median content area ratio (ours/mermaid): {statistics.median(cratios):.3f}")
    print(f"diagrams with any crossing (either side): {len(with_x)}; fewer crossings on {fewer}, "
          f"more on {sum(1 for o, r in with_x if o > r)}")


print("Layout quality, mermaid-rs vs mermaid.js 11.17.2 (lower is better for every metric)")
table(rows, "all (flowchart + er)")
for kind in ("flowchart", "er"):
    sub = [r for r in rows if r[0] == kind]
    if sub and len(sub) != len(rows):
        table(sub, kind)
skip = ", ".join(f"{n} {k}" for k, n in skipped_empty.items()) or "none"
fail = ", ".join(f"{n} {k}" for k, n in failed.items() if n) or "none"
print(f"\nskipped: {skip} with an empty scene (not laid out yet); {fail} that mermaid-rs rejects (diagram "
      f"type not supported yet, or an error); {skipped_ref} without usable reference geometry")

if worst:
    print(f"\nworst {worst} by crossings (ours - mermaid's):")
    for kind, f, o, r in sorted(rows, key=lambda x: -(x[2]["edge_crossings"] - x[3]["edge_crossings"]))[:worst]:
        print(f"  {kind}/{f}: ours {o['edge_crossings']} mermaid {r['edge_crossings']}  "
              f"area ratio {o['canvas_area'] / max(r['canvas_area'], 1):.2f}")
    print(f"\nworst {worst} by canvas area ratio:")
    for kind, f, o, r in sorted(rows, key=lambda x: -x[2]["canvas_area"] / max(x[3]["canvas_area"], 1))[:worst]:
        print(f"  {kind}/{f}: ratio {o['canvas_area'] / max(r['canvas_area'], 1):.2f} "
              f"({o['svg_width']:.0f}x{o['svg_height']:.0f} vs {r['svg_width']:.0f}x{r['svg_height']:.0f})")
    bad = [(kind, f, o) for kind, f, o, _ in rows
           if o["node_overlaps"] or o["edges_through_nodes"] or o["label_node_overlaps"]]
    if bad:
        print("\nours with overlaps / edges through nodes / label overlaps:")
        for kind, f, o in bad:
            print(f"  {kind}/{f}: {o['node_overlaps']} {o['edges_through_nodes']} {o['label_node_overlaps']}")
PY
