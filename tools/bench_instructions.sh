#!/usr/bin/env bash
# Instructions per operation of the model benchmark's cases, counted by callgrind: the same
# binary, inputs and counts give the same totals whatever else the machine does, so the ratios
# against plain serde repeat exactly (wall-clock ratios on a shared 2-core machine do not).
# Usage: tools/bench_instructions.sh   (needs valgrind)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(cargo bench -p scim-runtime --bench model --no-run --message-format=json 2>/dev/null |
  python3 -c 'import json,sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "model" and m.get("executable"):
        print(m["executable"])')
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
printf '%-32s %14s %8s\n' case instructions/op "vs plain"
for group in "user-parse 200" "user-serialize 200" "list-parse 3" "list-serialize 3"; do
  set -- $group
  plain=$(per_op "$1-plain" "$2")
  printf '%-32s %14d %8s\n' "$1-plain" "$plain" "1.00x"
  for variant in scim query-response; do
    [ "$1" = user-parse ] || [ "$1" = list-parse ] && [ "$variant" = query-response ] && continue
    n=$(per_op "$1-$variant" "$2")
    printf '%-32s %14d %8s\n' "$1-$variant" "$n" "$(python3 -c "print(f'{$n/$plain:.2f}x')")"
  done
done
