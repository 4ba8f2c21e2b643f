//! `scim-codegen generate <INPUT>... [--resource-types FILE] [-o FILE]`

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
}

fn main() -> ExitCode {
    let Command::Generate {
        inputs,
        resource_types,
        output,
    } = Cli::parse().command;
    let mut config = scim_codegen::Config::new();
    config.inputs(&inputs);
    for file in &resource_types {
        config.resource_types(file);
    }
    let result = config.generate().and_then(|generated| {
        for warning in &generated.warnings {
            eprintln!("warning: {warning}");
        }
        match &output {
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
