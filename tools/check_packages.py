#!/usr/bin/env python3
"""Publishable, as crates.io will see it: packages every publishable workspace crate (not
`publish = false`) with `cargo package`, in dependency order, each verified by building it
from its packaged sources against the packages before it (cargo >= 1.83 puts them in a local
registry), then checks that every `.crate` holds the licence texts and its README.

The crates come from `cargo metadata`, so a new crate is checked without editing this file.

Usage: tools/check_packages.py [CARGO PACKAGE ARGS...]   e.g. --allow-dirty, --no-verify
Exits 0 when every crate packages, verifies and holds its files; 1 otherwise.
"""

import json
import os
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What every package must carry: the licences `license = "MIT OR Apache-2.0"` names, and the
# README that crates.io shows (and that the crate docs include).
REQUIRED = ["LICENSE-MIT", "LICENSE-APACHE", "README.md"]


def forget_verified_sources(crates):
    """Removes what an earlier run unpacked of these crates from cargo's local registries.

    Cargo unpacks each verified package into `$CARGO_HOME/registry/src/-<hash>/<name>-<version>`,
    the hash naming the local registry's path, and never unpacks the same name and version
    again: a second run from the same target directory would build the sources of the first,
    and pass or fail on code that is no longer there.
    """
    cargo_home = Path(os.environ.get("CARGO_HOME", Path.home() / ".cargo"))
    # Local registries have no host, so their directories' names start with the dash.
    for registry in (cargo_home / "registry" / "src").glob("-*"):
        for crate in crates:
            stale = registry / f"{crate['name']}-{crate['version']}"
            if stale.is_dir():
                shutil.rmtree(stale)


def main(extra):
    metadata = json.loads(
        subprocess.run(
            ["cargo", "metadata", "--format-version", "1", "--no-deps", "--locked"],
            cwd=ROOT, check=True, capture_output=True, text=True,
        ).stdout
    )
    members = set(metadata["workspace_members"])
    crates = [
        p for p in metadata["packages"]
        if p["id"] in members and p.get("publish") != []
    ]
    if not crates:
        print("check_packages: no publishable crate found", file=sys.stderr)
        return 1
    forget_verified_sources(crates)
    args = ["cargo", "package", "--locked"] + [a for c in crates for a in ("-p", c["name"])]
    print("check_packages:", " ".join(args + extra), flush=True)
    start = time.monotonic()
    result = subprocess.run(args + extra, cwd=ROOT)
    elapsed = time.monotonic() - start
    if result.returncode != 0:
        print(f"check_packages: cargo package failed after {elapsed:.0f}s", file=sys.stderr)
        return 1
    package_dir = Path(metadata["target_directory"]) / "package"
    failed = False
    for crate in crates:
        stem = f"{crate['name']}-{crate['version']}"
        path = package_dir / f"{stem}.crate"
        with tarfile.open(path) as archive:
            files = sorted(
                name.removeprefix(stem + "/") for name in archive.getnames()
                if not name.endswith("/")
            )
        missing = [f for f in REQUIRED if f not in files]
        if missing:
            failed = True
            print(f"{crate['name']}: missing {', '.join(missing)} in {path}", file=sys.stderr)
        top = [f for f in files if "/" not in f]
        print(f"{crate['name']}: {len(files)} files; top level: {', '.join(top)}")
    verified = "" if "--no-verify" in extra else " and verified"
    print(f"check_packages: {len(crates)} crates packaged{verified} in {elapsed:.0f}s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
