//! The packages a crate's build compiles, as `cargo tree` lists them: for tests that hold a
//! crate to the dependencies its documentation promises.

use std::process::Command;

/// The names of the packages in `package`'s normal dependency graph, sorted and once each;
/// `args` adds to `cargo tree`'s command line (`--no-default-features`, `--features`, ...).
///
/// Panics with cargo's own message when `cargo tree` fails: this is a test helper.
pub fn dependency_names(package: &str, args: &[&str]) -> Vec<String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .current_dir(crate::workspace_root())
        .args(["tree", "--offline", "-p", package, "--edges", "normal"])
        .args(["--prefix", "none", "--format", "{p}"])
        .args(args)
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut names: Vec<String> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .map(str::to_owned)
        .collect();
    names.sort();
    names.dedup();
    names
}
