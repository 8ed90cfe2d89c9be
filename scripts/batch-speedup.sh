#!/bin/sh
# Time a parallel batch against the same batch on one thread: every valid diagram of a directory (default: the
# shared corpus when present, else examples/) rendered to PNG and to SVG, median of three runs each.
# Usage: scripts/batch-speedup.sh [DIR]      (run from the repository root; builds the release binary first)
set -eu
dir=${1:-../shared/corpus}
[ -d "$dir" ] || dir=examples
cargo build --release --quiet
bin=target/release/mermaid-rs
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
median() { sort -n | sed -n 2p; }
run() { # format jobs -> seconds
  for _ in 1 2 3; do
    rm -rf "$out/r"
    start=$(date +%s.%N)
    # Invalid corpus files are reported and skipped; the exit code says some failed, which is expected here.
    "$bin" render -i "$dir" -o "$out/r" -e "$1" -j "$2" -q >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    awk "BEGIN { print $end - $start }"
  done | median
}
files=$(find "$dir" -name '*.mmd' | wc -l)
cores=$(nproc)
printf '%s: %s files, %s cores\n' "$dir" "$files" "$cores"
printf '%-6s %10s %10s %8s\n' format "1 thread" "$cores threads" speed-up
for format in svg png; do
  one=$(run "$format" 1)
  all=$(run "$format" "$cores")
  printf '%-6s %9.2fs %9.2fs %7.2fx\n' "$format" "$one" "$all" "$(awk "BEGIN { print $one / $all }")"
done
