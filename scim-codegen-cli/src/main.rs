#![doc = include_str!("../README.md")]

mod cli;
mod commands;
mod fetch;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Generate {
            inputs,
            resource_types,
            output,
            required_extensions,
            explain,
        } => commands::generate(
            &inputs,
            &resource_types,
            output.as_deref(),
            required_extensions,
            explain,
        ),
        Command::Check {
            schemas,
            resource_types,
            resource,
            context,
            file,
        } => commands::check(&schemas, &resource_types, &resource, context, &file),
        Command::Diff { old, new } => commands::diff(&old, &new),
        Command::Fetch {
            base_url,
            bearer,
            output,
        } => commands::fetch(&base_url, bearer.as_deref(), output.as_deref()),
    }
}
