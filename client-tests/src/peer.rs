//! scim2-server, the Python reference server, started by the test that needs it.
//!
//! The virtualenv lives in `<workspace>/build/peers` and is created on first use from
//! `peers/requirements.txt` (`python3 -m venv`, then `pip install`), under a lock file so that
//! test binaries running at the same time do not install twice. Without `python3` the test
//! fails with a message saying so: it is never skipped.

use std::fs::{self, File};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the test crate sits in the workspace")
        .to_path_buf()
}

fn run(command: &mut Command, what: &str) {
    let status = command
        .status()
        .unwrap_or_else(|e| panic!("{what}: could not run {command:?}: {e}"));
    assert!(status.success(), "{what}: {command:?} exited with {status}");
}

/// The virtualenv's `python`, created with the peers' pinned requirements if missing.
pub fn python() -> &'static Path {
    static PYTHON: OnceLock<PathBuf> = OnceLock::new();
    PYTHON.get_or_init(|| {
        let root = workspace_root();
        let build = root.join("build");
        let venv = build.join("peers");
        let python = venv.join("bin").join("python");
        let requirements = root.join("peers").join("requirements.txt");
        let wanted = fs::read_to_string(&requirements)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", requirements.display()));
        let marker = venv.join(".scim-rs-requirements");
        fs::create_dir_all(&build).expect("create build/");
        let lock = File::create(build.join("peers.lock")).expect("create build/peers.lock");
        lock.lock().expect("lock build/peers.lock");
        let installed = fs::read_to_string(&marker).ok();
        if !python.exists() || installed.as_deref() != Some(wanted.as_str()) {
            let found = Command::new("python3").arg("--version").output();
            if !found.is_ok_and(|o| o.status.success()) {
                panic!(
                    "the scim2-server peer tests need python3 (3.10 or later) on PATH to create \
                     {}; install it, or create that virtualenv with scim2-server yourself",
                    venv.display()
                );
            }
            if !python.exists() {
                run(
                    Command::new("python3").arg("-m").arg("venv").arg(&venv),
                    "creating the peers' virtualenv",
                );
            }
            run(
                Command::new(&python)
                    .args([
                        "-m",
                        "pip",
                        "install",
                        "--quiet",
                        "--disable-pip-version-check",
                        "-r",
                    ])
                    .arg(&requirements),
                "installing the peers (peers/requirements.txt)",
            );
            fs::write(&marker, &wanted).expect("write the requirements marker");
        }
        drop(lock);
        python
    })
}

/// A running scim2-server on 127.0.0.1, killed when dropped.
#[derive(Debug)]
pub struct Scim2Server {
    child: Child,
    base_url: String,
}

impl Scim2Server {
    /// Starts a server without authentication.
    pub fn start() -> Self {
        Self::start_with_tokens(&[])
    }

    /// Starts a server that requires one of these bearer tokens.
    pub fn start_with_tokens(tokens: &[&str]) -> Self {
        let root = workspace_root();
        let mut child = Command::new(python())
            .arg(root.join("peers").join("launch_scim2_server.py"))
            .arg("0")
            .args(tokens)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start peers/launch_scim2_server.py");
        let mut line = String::new();
        let stdout = child.stdout.take().expect("piped stdout");
        let read = BufReader::new(stdout).read_line(&mut line);
        if read.is_err() || !line.starts_with("http") {
            let _ = child.kill();
            let _ = child.wait();
            panic!("scim2-server did not print its base URL (got {line:?})");
        }
        Self {
            child,
            base_url: line.trim().to_owned(),
        }
    }

    /// The base URL, such as `http://127.0.0.1:41234/v2`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }
}

impl Drop for Scim2Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
