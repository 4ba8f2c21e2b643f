//! scim2-server, the Python reference server, started by the test that needs it.
//!
//! The virtualenv lives in `<workspace>/build/peers` and is created on first use from
//! `peers/requirements.txt` by `test_peers::python`, under a lock file so that test binaries
//! running at the same time do not install twice. Without `python3` the test fails with a
//! message saying so: it is never skipped.

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

/// The virtualenv's `python`, created with the peers' pinned requirements if missing: the one
/// installer of `test-peers`, so that every test binary agrees on the lock and the stamp.
pub fn python() -> &'static Path {
    static PYTHON: OnceLock<PathBuf> = OnceLock::new();
    PYTHON.get_or_init(test_peers::python)
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
