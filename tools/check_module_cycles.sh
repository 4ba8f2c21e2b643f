#!/usr/bin/env bash
# No circles: fails if, in the library of a publishable crate, two modules depend on each other,
# directly or through others. cargo-modules writes the graph of the crate's modules and items
# (`use` imports, and the types in signatures and fields); tools/module_cycles.py lifts it to
# modules, compares each module with its siblings, and prints every circle it finds. Every
# feature is on, so code behind a feature is checked too.
#
# cargo-modules' own `dependencies --acyclic` is not used: it looks for cycles between items,
# and finds one in every type with a constructor (`AttrName` owns `AttrName::new`, which
# returns `AttrName`).
#
# Usage: tools/check_module_cycles.sh [CRATE...]
#   With no arguments, checks every workspace crate that has a library and is not
#   `publish = false`. Exits 1 if any crate has a circle, 2 if the check itself cannot run.
#
# Needs python3 and cargo-modules 0.27 (0.28 needs a newer compiler than the workspace's):
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
  # The crate's own items only (no extern crates, no standard library, which also makes
  # cargo-modules skip loading the sysroot), written as DOT without laying it out.
  if ! graph=$(cargo modules dependencies --package "$crate" --lib --all-features \
    --no-externs --no-sysroot --layout dot 2>&1); then
    echo "cargo-modules could not read the crate"
    sed 's/^/    /' <<<"$graph"
    broken+=("$crate")
    continue
  fi
  if report=$(python3 tools/module_cycles.py <<<"$graph"); then
    echo "no circle"
  elif [ $? -eq 1 ]; then
    echo "CIRCLE"
    sed 's/^/    /' <<<"$report"
    cyclic+=("$crate")
  else
    echo "the graph could not be read"
    broken+=("$crate")
  fi
done

if [ ${#cyclic[@]} -gt 0 ]; then
  echo "modules depend on each other in a circle in: ${cyclic[*]}" >&2
fi
if [ ${#broken[@]} -gt 0 ]; then
  echo "the module circle check could not run for: ${broken[*]}" >&2
  exit 2
fi
if [ ${#cyclic[@]} -gt 0 ]; then
  exit 1
fi
echo "no module circles in: ${crates[*]}"
