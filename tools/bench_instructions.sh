#!/usr/bin/env bash
# Instructions per operation of the model benchmark's cases, counted by callgrind: the same
# binary, inputs and counts give the same totals whatever else the machine does, so the ratios
# against plain serde repeat exactly (wall-clock ratios on a shared 2-core machine do not).
# Every case is compared with its baseline in the same binary (`scim-runtime/benches/model.rs`).
# Usage: tools/bench_instructions.sh [BENCH_BINARY]   (needs valgrind; builds the binary
#        unless one is given, so that an older build can be measured the same way;
#        GLIBC_TUNABLES= counts with glibc's default heap)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-}
if [ -z "$bin" ]; then
  bin=$(cargo bench -p scim-runtime --bench model --no-run --message-format=json 2>/dev/null |
    python3 -c 'import json,sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "model" and m.get("executable"):
        print(m["executable"])')
fi
# glibc's fast bins are merged when a large block is asked for, at a cost that depends on what
# the setup left on the heap: the same code then counts up to 10% apart in two builds. Without
# fast bins (small blocks still come from the thread cache) the counts follow the code.
export GLIBC_TUNABLES=${GLIBC_TUNABLES-glibc.malloc.mxfast=0}
count() { # CASE N -> total instructions
  local out
  out=$(mktemp)
  SCIM_BENCH_INSTRUCTIONS="$1:$2" valgrind --tool=callgrind --callgrind-out-file="$out" "$bin" >/dev/null 2>&1
  awk '/^totals:/ {print $2}' "$out"
  rm -f "$out"
}
per_op() { # CASE N -> instructions per operation (the setup cancels out)
  local base with
  base=$(count "$1" 0)
  with=$(count "$1" "$2")
  echo $(( (with - base) / $2 ))
}
# case                            baseline                   operations counted
cases=(
  "user-parse-scim                user-parse-plain           200"
  "upper-case-parse-scim          user-parse-plain           200"
  "unknowns-parse-scim            unknowns-parse-plain       200"
  "list-parse-scim                list-parse-plain           3"
  "user-serialize-scim            user-serialize-plain       200"
  "user-serialize-query-response  user-serialize-plain       200"
  "user-to-vec-in                 user-serialize-plain       200"
  "user-to-json-in                user-to-value-in-context   200"
  "list-serialize-scim            list-serialize-plain       3"
  "list-to-vec-in                 list-serialize-plain       3"
)
declare -A known
printf '%-30s %14s   %-26s %14s %7s\n' case instructions/op baseline instructions/op ratio
for line in "${cases[@]}"; do
  set -- $line
  [ -n "${known[$1]:-}" ] || known[$1]=$(per_op "$1" "$3")
  [ -n "${known[$2]:-}" ] || known[$2]=$(per_op "$2" "$3")
  printf '%-30s %14d   %-26s %14d %6sx\n' "$1" "${known[$1]}" "$2" "${known[$2]}" \
    "$(python3 -c "print(f'{${known[$1]}/${known[$2]}:.3f}')")"
done
