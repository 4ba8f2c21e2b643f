//! Each command run against the library: what it prints, where, and its exit code.
//!
//! Exit codes: `generate` 0 or 1; `check` 0 (valid), 1 (violations), 2 (cannot read); `diff` 0,
//! 1 (a breaking change), 2 (cannot read); `fetch` 0, 2 (the server cannot be used), 1 (the dump
//! cannot be written).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use scim_codegen::check::{self, CheckOutcome};
use scim_codegen::Config;

/// The inputs and `/ResourceTypes` documents as one configuration.
fn config(inputs: &[PathBuf], resource_types: &[PathBuf]) -> Config {
    let mut config = Config::new();
    config.inputs(inputs);
    for file in resource_types {
        config.resource_types(file);
    }
    config
}

/// `generate`: the code to `output` (only if it changes) or stdout, warnings to stderr; with
/// `explain`, the Rust names on stdout instead of the code.
pub fn generate(
    inputs: &[PathBuf],
    resource_types: &[PathBuf],
    output: Option<&Path>,
    required_extensions: bool,
    explain: bool,
) -> ExitCode {
    let result = config(inputs, resource_types)
        .keep_required_extensions(required_extensions)
        .generate()
        .and_then(|generated| {
            for warning in &generated.warnings {
                eprintln!("warning: {warning}");
            }
            if explain {
                let _ = std::io::stdout()
                    .lock()
                    .write_all(generated.explain().as_bytes());
            }
            match output {
                Some(path) => generated.write_if_changed(path).map(|_| ()),
                None if explain => Ok(()),
                None => {
                    let _ = std::io::stdout()
                        .lock()
                        .write_all(generated.code.as_bytes());
                    Ok(())
                }
            }
        });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// `check`: the payload as serialized in `context`, or every violation.
pub fn check(
    schemas: &[PathBuf],
    resource_types: &[PathBuf],
    resource: &str,
    context: scim_runtime::Context,
    file: &Path,
) -> ExitCode {
    match check::check(&config(schemas, resource_types), resource, context, file) {
        Ok(CheckOutcome::Valid(json)) => {
            println!(
                "{}",
                serde_json::to_string_pretty(&json).unwrap_or_default()
            );
            ExitCode::SUCCESS
        }
        Ok(CheckOutcome::Invalid(violations)) => {
            for v in violations {
                println!("{v}");
            }
            ExitCode::from(1)
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(2)
        }
    }
}

/// `diff`: every change between two dumps, with its severity.
pub fn diff(old: &Path, new: &Path) -> ExitCode {
    let (mut a, mut b) = (Config::new(), Config::new());
    a.input(old);
    b.input(new);
    match check::diff(&a, &b) {
        Ok(report) => {
            print!("{report}");
            if report.is_breaking() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(2)
        }
    }
}

/// `fetch`: the server's discovery documents as one dump, to `output` or stdout.
pub fn fetch(base_url: &str, bearer: Option<&str>, output: Option<&Path>) -> ExitCode {
    let dump = match crate::fetch::fetch(base_url, bearer) {
        Ok(dump) => dump,
        Err(error) => {
            // One line: response bodies in the message may hold line breaks.
            eprintln!("error: {}", error.to_string().replace(['\n', '\r'], " "));
            return ExitCode::from(2);
        }
    };
    let text = dump.to_json();
    let written = match output {
        Some(path) => {
            std::fs::write(path, &text).map_err(|e| format!("cannot write {}: {e}", path.display()))
        }
        None => std::io::stdout()
            .lock()
            .write_all(text.as_bytes())
            .map_err(|e| format!("cannot write to stdout: {e}")),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
