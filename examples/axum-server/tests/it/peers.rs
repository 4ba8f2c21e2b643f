//! The example server against the real Python peers: scim2-tester's conformance checks and a
//! scim2-client session, each against a server process started on a free port and stopped by
//! pid.

use std::process::Command;

use test_peers::{run_script, PeerProcess};

const TOKEN: &str = "s3cret-token";

fn server(store: &[&str]) -> PeerProcess {
    let mut command = Command::new(env!("CARGO_BIN_EXE_scim-example-server"));
    command.args(store).args(["--port", "0", "--token", TOKEN]);
    PeerProcess::start(command)
}

fn output(out: &std::process::Output) -> String {
    format!(
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn scim2_tester_passes_every_check() {
    let server = server(&["--memory"]);
    let out = run_script("run_tester.py", &[&server.base_url, TOKEN]);
    let text = output(&out);
    println!("{text}");
    let summary = text
        .lines()
        .find(|l| l.starts_with("SUMMARY"))
        .unwrap_or_else(|| panic!("no summary from scim2-tester:\n{text}"));
    assert!(out.status.success(), "some checks failed:\n{text}");
    // Every check ran and succeeded: no skips, no failures.
    assert!(
        summary.starts_with("SUMMARY {'SUCCESS': ") && !summary.contains(", '"),
        "{summary}"
    );
}

#[test]
fn scim2_client_session_has_no_protocol_error() {
    let dir = std::env::temp_dir().join(format!("scim-example-peers-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("session.db");
    let db = db.to_str().unwrap();
    let server = server(&["--db", db]);
    let out = run_script("client_session.py", &[&server.base_url, TOKEN]);
    let text = output(&out);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("SESSION 11 steps passed"), "{text}");
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}
