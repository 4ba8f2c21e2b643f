#!/usr/bin/env python3
"""An honest MSRV: fails if a locked dependency of a publishable crate declares a
`rust-version` above the crate's own.

The packages and the dependency graph come from `cargo metadata` (run with `--locked` and
`--all-features`, so the graph is the committed Cargo.lock's, optional dependencies
included), so the check follows whatever the lockfile holds; nothing is listed here.
From each publishable workspace crate (not `publish = false`), it follows normal and build
dependencies, on every platform: what a user's build compiles. Dev-dependencies are left
out: they build only this repository's tests, with the toolchain CI uses.

A dependency without a `rust-version` is not checked (cargo cannot either). The check reads
declarations only; it does not build with the MSRV compiler, which CI does not install.

Usage:
  tools/check_msrv.py                    # runs cargo metadata in the workspace
  tools/check_msrv.py --metadata FILE    # reads cargo metadata's JSON from FILE ('-': stdin)

Exits 0 when every dependency fits, 1 when one does not (each is listed, with the path from
a workspace crate to it), 2 when the check cannot run.
"""

import argparse
import json
import subprocess
import sys
from pathlib import Path


def version_key(text):
    """`1.85` and `1.85.0` as comparable tuples, missing parts as 0."""
    parts = [int(p) for p in text.split(".")]
    return tuple(parts + [0] * (3 - len(parts)))


def publishable(package):
    # `publish = false` is an empty list in cargo metadata; `None` means any registry.
    return package.get("publish") is None or package.get("publish") != []


def check(metadata):
    """Returns (msrv by crate, problems); each problem is (crate, its msrv, dependency,
    its rust-version, path)."""
    packages = {p["id"]: p for p in metadata["packages"]}
    members = [packages[i] for i in metadata["workspace_members"]]
    roots = [p for p in members if publishable(p)]
    nodes = {n["id"]: n for n in (metadata.get("resolve") or {}).get("nodes", [])}
    if not nodes:
        raise ValueError("cargo metadata has no `resolve` graph (was it run with --no-deps?)")
    msrvs = {}
    problems = []
    for root in roots:
        msrv = root.get("rust_version")
        if msrv is None:
            problems.append((root["name"], None, None, None, [root["name"]]))
            continue
        msrvs[root["name"]] = msrv
        # Breadth first, so the path reported is a shortest one.
        seen = {root["id"]: [root["name"]]}
        queue = [root["id"]]
        while queue:
            current = queue.pop(0)
            for dep in nodes.get(current, {}).get("deps", []):
                kinds = {k.get("kind") for k in dep.get("dep_kinds", [])}
                if not kinds & {None, "build"}:
                    continue
                if dep["pkg"] in seen:
                    continue
                seen[dep["pkg"]] = seen[current] + [packages[dep["pkg"]]["name"]]
                queue.append(dep["pkg"])
        for pid, path in seen.items():
            package = packages[pid]
            needs = package.get("rust_version")
            if pid != root["id"] and needs and version_key(needs) > version_key(msrv):
                problems.append(
                    (root["name"], msrv, f"{package['name']} {package['version']}", needs, path)
                )
    return msrvs, problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--metadata", help="cargo metadata JSON to read instead of running cargo")
    args = parser.parse_args()
    try:
        if args.metadata == "-":
            metadata = json.load(sys.stdin)
        elif args.metadata:
            metadata = json.loads(Path(args.metadata).read_text())
        else:
            root = Path(__file__).resolve().parent.parent
            out = subprocess.run(
                ["cargo", "metadata", "--format-version", "1", "--locked", "--all-features"],
                cwd=root,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            metadata = json.loads(out)
        msrvs, problems = check(metadata)
    except (OSError, ValueError, KeyError, subprocess.CalledProcessError) as error:
        detail = getattr(error, "stderr", "") or ""
        print(f"check_msrv: cannot run: {error} {detail}".strip(), file=sys.stderr)
        return 2
    for crate, msrv, dep, needs, path in problems:
        if dep is None:
            print(f"{crate}: no rust-version declared", file=sys.stderr)
        else:
            print(
                f"{crate} (rust-version {msrv}): {dep} needs Rust {needs}, via {' -> '.join(path)}",
                file=sys.stderr,
            )
    if problems:
        print(
            "check_msrv: lower the locked versions (cargo update -p NAME --precise VERSION) "
            "or raise rust-version in [workspace.package]",
            file=sys.stderr,
        )
        return 1
    listed = ", ".join(f"{c} {v}" for c, v in sorted(msrvs.items()))
    print(f"check_msrv: every locked dependency fits the declared rust-version ({listed})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
