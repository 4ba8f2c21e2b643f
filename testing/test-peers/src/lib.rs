//! Test support: the real Python SCIM peers of `testing/peers/requirements.txt`, installed into
//! a virtualenv at `<workspace>/build/peers` on first use, and processes started on free
//! loopback ports and stopped by pid.
//!
//! A test that needs a peer never skips: if Python or the packages cannot be had, it fails with
//! a message that says why.

mod cargo_tree;

pub use cargo_tree::{dependency_names, dependency_versions};

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

/// The workspace root, two levels above this crate (`testing/test-peers`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// The folder of the Python peer scripts and their pinned requirements.
pub fn peers_dir() -> PathBuf {
    workspace_root().join("testing/peers")
}

/// The virtualenv's Python, installing the peers first if needed. Concurrent test binaries
/// wait for one another through a lock file.
///
/// # Panics
///
/// When the virtualenv cannot be created or the packages cannot be installed.
pub fn python() -> PathBuf {
    let root = workspace_root();
    let venv = root.join("build/peers");
    let python = venv.join("bin/python");
    let requirements = peers_dir().join("requirements.txt");
    let stamp = venv.join(".installed");
    let wanted = std::fs::read_to_string(&requirements).expect("testing/peers/requirements.txt");
    if std::fs::read_to_string(&stamp).is_ok_and(|s| s == wanted) {
        return python;
    }
    std::fs::create_dir_all(root.join("build")).expect("create build/");
    let lock = root.join("build/peers.lock");
    let _guard = LockFile::acquire(&lock);
    if std::fs::read_to_string(&stamp).is_ok_and(|s| s == wanted) {
        return python;
    }
    if !python.exists() {
        run(
            Command::new("python3").args(["-m", "venv"]).arg(&venv),
            "python3 -m venv build/peers",
        );
    }
    run(
        Command::new(venv.join("bin/pip"))
            .args(["install", "--quiet", "--disable-pip-version-check", "-r"])
            .arg(&requirements),
        "pip install -r testing/peers/requirements.txt",
    );
    std::fs::write(&stamp, wanted).expect("write the install stamp");
    python
}

fn run(command: &mut Command, what: &str) {
    let output = command.output().unwrap_or_else(|e| {
        panic!("{what}: cannot run ({e}); the peer tests need Python 3 with venv and pip")
    });
    assert!(
        output.status.success(),
        "{what} failed:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

struct LockFile(PathBuf);

impl LockFile {
    fn acquire(path: &Path) -> Self {
        let deadline = Instant::now() + Duration::from_secs(900);
        loop {
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)
            {
                Ok(_) => return Self(path.to_path_buf()),
                Err(_) => {
                    // A lock older than the deadline was left by a run that died.
                    let stale = std::fs::metadata(path)
                        .and_then(|m| m.modified())
                        .ok()
                        .and_then(|t| SystemTime::now().duration_since(t).ok())
                        .is_some_and(|age| age > Duration::from_secs(900));
                    if stale {
                        let _ = std::fs::remove_file(path);
                    }
                    assert!(
                        Instant::now() < deadline,
                        "timed out waiting for {}",
                        path.display()
                    );
                    std::thread::sleep(Duration::from_millis(200));
                }
            }
        }
    }
}

impl Drop for LockFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// A process started for a test, stopped by pid when dropped.
#[derive(Debug)]
pub struct PeerProcess {
    child: Child,
    /// The first line the process printed: its base URL.
    pub base_url: String,
}

impl PeerProcess {
    /// Starts `command` and waits (up to 60 s) for the base URL it prints as its first line.
    ///
    /// # Panics
    ///
    /// When the process cannot start or exits before printing.
    pub fn start(mut command: Command) -> Self {
        let description = format!("{command:?}");
        let mut child = command
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {description}: {e}"));
        let stdout = child.stdout.take().expect("piped stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let mut reader = BufReader::new(stdout);
            let _ = reader.read_line(&mut line);
            let _ = tx.send(line);
            // Keep draining so the process never blocks on a full pipe.
            let _ = std::io::copy(&mut reader, &mut std::io::sink());
        });
        let line = rx.recv_timeout(Duration::from_secs(60)).unwrap_or_default();
        let base_url = line.trim().to_owned();
        if !base_url.starts_with("http") {
            let _ = child.kill();
            let mut stderr = String::new();
            if let Some(mut e) = child.stderr.take() {
                let _ = e.read_to_string(&mut stderr);
            }
            panic!("{description} printed no base URL: {line:?}\n{stderr}");
        }
        Self { child, base_url }
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for PeerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts scim2-server on a free loopback port, with an optional bearer token.
pub fn scim2_server(token: Option<&str>) -> PeerProcess {
    let mut command = Command::new(python());
    command
        .arg(peers_dir().join("launch_scim2_server.py"))
        .arg("0");
    if let Some(t) = token {
        command.arg(t);
    }
    PeerProcess::start(command)
}

/// Runs a Python script of `testing/peers/` with the virtualenv's interpreter and returns its output.
///
/// # Panics
///
/// When the interpreter cannot be started.
pub fn run_script(script: &str, args: &[&str]) -> std::process::Output {
    Command::new(python())
        .arg(peers_dir().join(script))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run testing/peers/{script}: {e}"))
}
