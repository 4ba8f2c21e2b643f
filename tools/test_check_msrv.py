#!/usr/bin/env python3
"""Tests of tools/check_msrv.py on synthetic `cargo metadata` output: it passes when every
locked dependency fits, fails naming the one that does not, and follows normal and build
dependencies of publishable crates only.

Run: python3 tools/test_check_msrv.py
"""

import json
import subprocess
import sys
import unittest
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent / "check_msrv.py"


def package(name, version, rust_version, publish=None, source="registry"):
    return {
        "name": name,
        "version": version,
        "id": f"{name} {version}",
        "rust_version": rust_version,
        "publish": publish,
        "source": source,
    }


def dep(pkg, *kinds):
    return {"pkg": pkg, "dep_kinds": [{"kind": k, "target": None} for k in kinds]}


def metadata(time_rust_version, tool_rust_version="1.99"):
    """A publishable `lib` (MSRV 1.80) on `serde` and, through it, `time`; a build
    dependency `cc`; a dev-dependency `proptest`; and a private `example` on `tool`."""
    packages = [
        package("lib", "0.1.0", "1.80", source=None),
        package("example", "0.1.0", "1.80", publish=[], source=None),
        package("serde", "1.0.0", "1.61"),
        package("time", "0.3.55", time_rust_version),
        package("cc", "1.2.0", "1.63"),
        package("proptest", "1.12.0", "1.99"),
        package("tool", "1.0.0", tool_rust_version),
        package("no-msrv", "1.0.0", None),
    ]
    nodes = [
        {"id": "lib 0.1.0", "deps": [
            dep("serde 1.0.0", None),
            dep("cc 1.2.0", "build"),
            dep("proptest 1.12.0", "dev"),
            dep("no-msrv 1.0.0", None),
        ]},
        {"id": "example 0.1.0", "deps": [dep("tool 1.0.0", None), dep("lib 0.1.0", None)]},
        {"id": "serde 1.0.0", "deps": [dep("time 0.3.55", None)]},
        {"id": "time 0.3.55", "deps": []},
        {"id": "cc 1.2.0", "deps": []},
        {"id": "proptest 1.12.0", "deps": [dep("tool 1.0.0", None)]},
        {"id": "tool 1.0.0", "deps": []},
        {"id": "no-msrv 1.0.0", "deps": []},
    ]
    return {
        "packages": packages,
        "workspace_members": ["lib 0.1.0", "example 0.1.0"],
        "resolve": {"nodes": nodes, "root": None},
    }


def run(meta):
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--metadata", "-"],
        input=json.dumps(meta),
        capture_output=True,
        text=True,
    )


class CheckMsrv(unittest.TestCase):
    def test_passes_when_every_locked_dependency_fits(self):
        result = run(metadata("1.67"))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("lib 1.80", result.stdout)

    def test_fails_naming_a_dependency_above_the_msrv_and_the_path_to_it(self):
        result = run(metadata("1.88.0"))
        self.assertEqual(result.returncode, 1, result.stdout)
        self.assertIn(
            "lib (rust-version 1.80): time 0.3.55 needs Rust 1.88.0, via lib -> serde -> time",
            result.stderr,
        )

    def test_build_dependencies_count(self):
        meta = metadata("1.67")
        next(p for p in meta["packages"] if p["name"] == "cc")["rust_version"] = "1.81"
        result = run(meta)
        self.assertEqual(result.returncode, 1)
        self.assertIn("cc 1.2.0 needs Rust 1.81, via lib -> cc", result.stderr)

    def test_dev_dependencies_and_private_crates_do_not(self):
        # proptest (dev) and tool (only under proptest and the private example) need 1.99.
        result = run(metadata("1.67", tool_rust_version="1.99"))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertNotIn("proptest", result.stderr)
        self.assertNotIn("tool", result.stderr)

    def test_versions_compare_as_numbers(self):
        # 1.100 > 1.80, although "1.100" < "1.80" as text; 1.80.0 == 1.80.
        self.assertEqual(run(metadata("1.100")).returncode, 1)
        self.assertEqual(run(metadata("1.80.0")).returncode, 0)

    def test_metadata_without_a_graph_cannot_be_checked(self):
        meta = metadata("1.67")
        meta["resolve"] = None
        result = run(meta)
        self.assertEqual(result.returncode, 2)
        self.assertIn("--no-deps", result.stderr)


if __name__ == "__main__":
    unittest.main()
