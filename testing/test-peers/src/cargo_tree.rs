//! The packages a crate's build compiles, as `cargo tree` lists them: for tests that hold a
//! crate to the dependencies its documentation promises.

use std::process::Command;

/// The names of the packages in `package`'s normal dependency graph, sorted and once each;
/// `args` adds to `cargo tree`'s command line (`--no-default-features`, `--features`, ...).
///
/// Panics with cargo's own message when `cargo tree` fails: this is a test helper.
pub fn dependency_names(package: &str, args: &[&str]) -> Vec<String> {
    let mut names: Vec<String> = tree_lines(package, "normal", args)
        .iter()
        .filter_map(|line| line.split_whitespace().next())
        .map(str::to_owned)
        .collect();
    names.sort();
    names.dedup();
    names
}

/// The packages `package`'s build compiles, normal and build dependencies (build scripts and
/// what they use), as `(name, version)` pairs, sorted and once each: two versions of one
/// crate are two pairs, so a test can count major versions.
///
/// Panics with cargo's own message when `cargo tree` fails: this is a test helper.
pub fn dependency_versions(package: &str, args: &[&str]) -> Vec<(String, String)> {
    let mut packages: Vec<(String, String)> = tree_lines(package, "normal,build", args)
        .iter()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            let name = words.next()?;
            let version = words.next()?.trim_start_matches('v');
            Some((name.to_owned(), version.to_owned()))
        })
        .collect();
    packages.sort();
    packages.dedup();
    packages
}

/// `cargo tree`'s lines for `package` along `edges`, one package per line (`name vX.Y.Z ...`).
fn tree_lines(package: &str, edges: &str, args: &[&str]) -> Vec<String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .current_dir(crate::workspace_root())
        .args(["tree", "--offline", "-p", package, "--edges", edges])
        .args(["--prefix", "none", "--format", "{p}"])
        .args(args)
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}
