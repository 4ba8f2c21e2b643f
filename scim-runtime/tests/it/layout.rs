//! The workspace keeps its shape: each crate's integration tests are the modules of one test
//! binary (`tests/it/main.rs`), so a crate's dependencies are linked once, not once per file.

use std::path::{Path, PathBuf};

/// Every folder under `dir` holding a `Cargo.toml`, build output left out.
fn crates(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        let skip = ["target", ".git", "build", "node_modules"];
        if path.is_dir() && !skip.iter().any(|s| name == *s) {
            if path.join("Cargo.toml").is_file() {
                found.push(path.clone());
            }
            crates(&path, found);
        }
    }
}

#[test]
fn each_crate_has_one_integration_test_binary() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let mut found = Vec::new();
    crates(root, &mut found);
    assert!(
        found.iter().any(|c| c.ends_with("scim-runtime")),
        "the walk finds the crates: {found:?}"
    );
    let mut loose = Vec::new();
    for krate in &found {
        let Ok(entries) = std::fs::read_dir(krate.join("tests")) else {
            continue;
        };
        let files: Vec<_> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "rs"))
            .collect();
        // One file on its own is one binary already; beside `tests/it` it is a second one.
        if files.len() > 1 || (!files.is_empty() && krate.join("tests/it").is_dir()) {
            loose.extend(files);
        }
    }
    assert!(
        loose.is_empty(),
        "integration tests outside tests/it (each file is a binary of its own): {loose:?}"
    );
}
