#!/bin/sh
# Peak memory of a streaming Markdown render: a generated document of BLOCKS large ER diagrams (default 100, about
# 1 MB each: 99 MB in all) rendered to SVG images plus the rewritten document, measured with /usr/bin/time -v.
# The document streams (each image is written and dropped as soon as it is done), so the peak should stay near
# the document itself plus one diagram per job, not grow with the number of diagrams.
# Usage: scripts/peak-memory.sh [BLOCKS] [JOBS]    (run from the repository root; BIN=path overrides the binary,
# which is otherwise built in release mode)
set -eu
blocks=${1:-100}
jobs=${2:-2}
if [ -z "${BIN:-}" ]; then
  cargo build --release --quiet
  BIN=target/release/mermaid-rs
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# One block: 180 entities of 150 attributes each, chained by relationships (just under the 1 MiB input limit).
python3 - "$dir/doc.md" "$blocks" <<'EOF'
import sys
path, blocks = sys.argv[1], int(sys.argv[2])
entity = "".join(f"    string attribute_{a:03} \"a comment\"\n" for a in range(150))
block = ["```mermaid", "erDiagram"]
for e in range(180):
    block.append(f"  ENTITY_{e:03} {{\n{entity}  }}")
for e in range(179):
    block.append(f"  ENTITY_{e:03} ||--o{{ ENTITY_{e + 1:03} : has")
block = "\n".join(block) + "\n```\n"
with open(path, "w") as f:
    for i in range(blocks):
        f.write(f"\n## Diagram {i + 1}\n\n{block}")
EOF
echo "document: $(du -m "$dir/doc.md" | cut -f1) MB, $blocks diagrams, -j $jobs"
/usr/bin/time -v "$BIN" -q -i "$dir/doc.md" -o "$dir/out/doc.md" -j "$jobs" 2>"$dir/time.txt" || { cat "$dir/time.txt"; exit 1; }
grep -E "Maximum resident set size|Elapsed|User time" "$dir/time.txt"
echo "images written: $(ls "$dir/out" | grep -c '\.svg$')"
