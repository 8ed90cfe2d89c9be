#!/bin/sh
# Seed the corpora (examples/ and /work/shared/corpus, copied at run time, never committed) and run each
# target for $1 seconds, one after the other, on one core. Logs go to fuzz/logs/<target>.log.
# Usage: fuzz/run-fuzz.sh SECONDS TARGET...
set -u
cd "$(dirname "$0")"
secs=$1; shift
bin=target/x86_64-unknown-linux-gnu/release
mkdir -p logs
seed() {
  dir=corpus/$1; mkdir -p "$dir"
  shift
  for f in "$@"; do [ -f "$f" ] && cp "$f" "$dir/seed-$(basename "$(dirname "$f")")-$(basename "$f")"; done
}
shared=${MERMAID_CORPUS:-/work/shared/corpus}
for t in "$@"; do
  case $t in
    parse_flowchart) seed $t ../examples/*.mmd $shared/flowchart/*.mmd ;;
    parse_sequence) seed $t ../examples/sequence*.mmd $shared/sequence/*.mmd ;;
    parse_er) seed $t ../examples/er*.mmd $shared/er/*.mmd ;;
    parse_class) seed $t ../examples/class*.mmd $shared/class/*.mmd ;;
    parse_state) seed $t ../examples/state*.mmd $shared/state/*.mmd ;;
    *) seed $t ../examples/*.mmd $shared/*/*.mmd ;;
  esac
  mkdir -p artifacts/$t
  "$bin/$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix=artifacts/$t/ corpus/$t > logs/$t.log 2>&1
  echo "$t exit $?" >> logs/summary.txt
done
