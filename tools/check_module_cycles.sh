#!/usr/bin/env bash
# No circles: fails if, in the library of a publishable crate, two modules depend on each other,
# directly or through others. cargo-modules builds the graph of modules and items (`use`
# imports, and the types in signatures and fields) and `--acyclic` reports the first cycle it
# finds. Every feature is on, so code behind a feature is checked too.
#
# Usage: tools/check_module_cycles.sh [CRATE...]
#   With no arguments, checks every workspace crate that has a library and is not
#   `publish = false`. Exits 1 if any crate has a cycle, 2 if the check itself cannot run.
#
# Needs cargo-modules 0.27 (0.28 needs a newer compiler than the workspace's):
#   cargo install --locked cargo-modules@0.27.0
set -euo pipefail
cd "$(dirname "$0")/.."

if ! cargo modules --version >/dev/null 2>&1; then
  echo "cargo-modules is missing: cargo install --locked cargo-modules@0.27.0" >&2
  exit 2
fi

if [ $# -gt 0 ]; then
  crates=("$@")
else
  # `publish` is null when a crate may be published anywhere, and [] for `publish = false`.
  metadata=$(cargo metadata --no-deps --format-version 1)
  mapfile -t crates < <(python3 -c '
import json, sys
for package in json.load(sys.stdin)["packages"]:
    has_lib = any(kind in ("lib", "proc-macro") for target in package["targets"]
                  for kind in target["kind"])
    if package["publish"] != [] and has_lib:
        print(package["name"])
' <<<"$metadata")
  if [ ${#crates[@]} -eq 0 ]; then
    echo "no publishable crate with a library found in the workspace" >&2
    exit 2
  fi
fi

cyclic=()
broken=()
for crate in "${crates[@]}"; do
  printf '%s: ' "$crate"
  # `--layout none` prints nothing when the graph is acyclic.
  if output=$(cargo modules dependencies --package "$crate" --lib --all-features \
    --acyclic --layout none 2>&1); then
    echo "no cycle"
  elif grep -q 'circular dependency' <<<"$output"; then
    echo "CYCLE"
    # The error names the two ends and draws the cycle, one path per line.
    sed -n '/circular dependency/,$p' <<<"$output" | sed 's/^/    /'
    cyclic+=("$crate")
  else
    echo "the check could not run"
    sed 's/^/    /' <<<"$output"
    broken+=("$crate")
  fi
done

if [ ${#broken[@]} -gt 0 ]; then
  echo "module cycle check failed to run for: ${broken[*]}" >&2
  exit 2
fi
if [ ${#cyclic[@]} -gt 0 ]; then
  echo "modules depend on each other in a circle in: ${cyclic[*]}" >&2
  echo "(cargo-modules shows the first cycle of each crate; fix it and run again for the next)" >&2
  exit 1
fi
echo "no module cycles in: ${crates[*]}"
