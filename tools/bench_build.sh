#!/usr/bin/env bash
# Cold `cargo build --release` of a `fn main() {}` binary that depends on scim-runtime with its
# default features, against one that depends on serde and serde_json, built in the same run one
# after the other, each with an empty target directory. Prints both times and their ratio for
# each round; the registry cache is shared, so no download is timed.
# Usage: tools/bench_build.sh [ROUNDS] [SCIM_RUNTIME_DIR]
#   ROUNDS            how many times to build the pair (default 2)
#   SCIM_RUNTIME_DIR  the scim-runtime crate to build against (default: this checkout's), so an
#                     older checkout can be measured in the same run
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-2}
runtime=$(cd "${2:-$root/scim-runtime}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

make_crate() { # NAME DEPENDENCIES
  mkdir -p "$work/$1/src"
  printf '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n[dependencies]\n%b\n[workspace]\n' \
    "$1" "$2" >"$work/$1/Cargo.toml"
  echo 'fn main() {}' >"$work/$1/src/main.rs"
}
make_crate with-serde 'serde = { version = "1", features = ["derive"] }\nserde_json = "1"\n'
make_crate with-scim "scim-runtime = { path = \"$runtime\" }\n"
# Resolve both against the same lock as the workspace, so the versions are the project's.
cp "$root/Cargo.lock" "$work/with-scim/Cargo.lock"
for c in with-serde with-scim; do
  (cd "$work/$c" && cargo fetch --quiet)
done

build() { # CRATE -> seconds
  local start end
  rm -rf "$work/$1/target"
  start=$(date +%s.%N)
  (cd "$work/$1" && cargo build --release --quiet --offline)
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.1f}')"
}
units() { # CRATE -> number of crates compiled
  (cd "$work/$1" && cargo tree --edges normal,build --prefix none --offline | sed 's/ (\*)$//' | sort -u | wc -l)
}

printf '%-8s %12s %12s %8s\n' round serde+json scim-runtime ratio
for round in $(seq "$rounds"); do
  serde=$(build with-serde)
  scim=$(build with-scim)
  printf '%-8s %11ss %11ss %7sx\n' "$round" "$serde" "$scim" "$(python3 -c "print(f'{$scim / $serde:.2f}')")"
done
echo "crates in the graph: serde+json $(units with-serde), scim-runtime $(units with-scim)"
