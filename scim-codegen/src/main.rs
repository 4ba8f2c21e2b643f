//! `scim-codegen generate <INPUT>... [--resource-types FILE] [-o FILE]`
//! `scim-codegen check --schemas DUMP [--resource-types FILE] --resource NAME --context CONTEXT FILE`
//! `scim-codegen diff OLD NEW`
//! `scim-codegen fetch <BASE_URL> [--bearer TOKEN] [-o FILE]` (feature `fetch`)

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Generates Rust types for scim-runtime from a SCIM 2.0 server's /Schemas and /ResourceTypes.
#[derive(Parser)]
#[command(name = "scim-codegen", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Generates Rust source from Schema documents (written to stdout unless -o is given).
    Generate {
        /// /Schemas dumps, single Schemas, or documents holding Schemas and ResourceTypes.
        #[arg(required = true, value_name = "INPUT")]
        inputs: Vec<PathBuf>,
        /// A /ResourceTypes document naming the resources and their extensions.
        #[arg(long = "resource-types", value_name = "FILE")]
        resource_types: Vec<PathBuf>,
        /// Write to FILE (only if its content changes) instead of stdout.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Checks a payload against a server's schemas in a context. Prints the payload as it is
    /// serialized in that context and exits 0, or every violation and exits 1; exits 2 when the
    /// schemas or the payload cannot be read.
    Check {
        /// /Schemas dumps, or documents holding Schemas and ResourceTypes.
        #[arg(long = "schemas", required = true, value_name = "DUMP")]
        schemas: Vec<PathBuf>,
        /// A /ResourceTypes document.
        #[arg(long = "resource-types", value_name = "FILE")]
        resource_types: Vec<PathBuf>,
        /// The resource type, e.g. User.
        #[arg(long, value_name = "NAME")]
        resource: String,
        /// The context: creation-request, query-response, replacement-request, ...
        #[arg(long, value_name = "CONTEXT")]
        context: scim_runtime::Context,
        /// The payload (JSON).
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Compares two schema dumps. Prints every change with its severity; exits 1 on a breaking
    /// change, 0 otherwise, 2 when a dump cannot be read.
    Diff {
        /// The schemas the code was generated from.
        #[arg(value_name = "OLD")]
        old: PathBuf,
        /// The schemas the server serves now.
        #[arg(value_name = "NEW")]
        new: PathBuf,
    },
    /// Fetches a server's /Schemas, /ResourceTypes and /ServiceProviderConfig into one JSON
    /// document that `generate` reads (written to stdout unless -o is given). Exits 2 when the
    /// server cannot be reached or answers wrongly.
    #[cfg(feature = "fetch")]
    Fetch {
        /// The server's SCIM base URL, e.g. https://example.com/scim/v2.
        #[arg(value_name = "BASE_URL")]
        base_url: String,
        /// A bearer token sent as `Authorization: Bearer TOKEN`.
        #[arg(long, value_name = "TOKEN")]
        bearer: Option<String>,
        /// Write to FILE instead of stdout.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Generate {
            inputs,
            resource_types,
            output,
        } => generate(&inputs, &resource_types, output.as_deref()),
        Command::Check {
            schemas,
            resource_types,
            resource,
            context,
            file,
        } => check(&schemas, &resource_types, &resource, context, &file),
        Command::Diff { old, new } => diff(&old, &new),
        #[cfg(feature = "fetch")]
        Command::Fetch {
            base_url,
            bearer,
            output,
        } => fetch(&base_url, bearer.as_deref(), output.as_deref()),
    }
}

#[cfg(feature = "fetch")]
fn fetch(base_url: &str, bearer: Option<&str>, output: Option<&std::path::Path>) -> ExitCode {
    let dump = match scim_codegen::fetch::fetch(base_url, bearer) {
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

fn check(
    schemas: &[PathBuf],
    resource_types: &[PathBuf],
    resource: &str,
    context: scim_runtime::Context,
    file: &std::path::Path,
) -> ExitCode {
    let mut config = scim_codegen::Config::new();
    config.inputs(schemas);
    for f in resource_types {
        config.resource_types(f);
    }
    match scim_codegen::check::check(&config, resource, context, file) {
        Ok(scim_codegen::check::CheckOutcome::Valid(json)) => {
            println!(
                "{}",
                serde_json::to_string_pretty(&json).unwrap_or_default()
            );
            ExitCode::SUCCESS
        }
        Ok(scim_codegen::check::CheckOutcome::Invalid(violations)) => {
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

fn diff(old: &std::path::Path, new: &std::path::Path) -> ExitCode {
    let (mut a, mut b) = (scim_codegen::Config::new(), scim_codegen::Config::new());
    a.input(old);
    b.input(new);
    match scim_codegen::check::diff(&a, &b) {
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

fn generate(
    inputs: &[PathBuf],
    resource_types: &[PathBuf],
    output: Option<&std::path::Path>,
) -> ExitCode {
    let mut config = scim_codegen::Config::new();
    config.inputs(inputs);
    for file in resource_types {
        config.resource_types(file);
    }
    let result = config.generate().and_then(|generated| {
        for warning in &generated.warnings {
            eprintln!("warning: {warning}");
        }
        match output {
            Some(path) => generated.write_if_changed(path).map(|_| ()),
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
