//! The command line: the subcommands and their flags, as clap reads them.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Generates Rust types for scim-runtime from a SCIM 2.0 server's /Schemas and /ResourceTypes.
#[derive(Parser)]
#[command(name = "scim-codegen", version)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Subcommand)]
pub enum Command {
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
        /// Make an extension required where a ResourceType says `required: true` (RFC 7643 §6);
        /// without it, every extension is an optional field.
        #[arg(long = "required-extensions")]
        required_extensions: bool,
        /// List each schema with the Rust names of its types, fields and variants on stdout,
        /// instead of the code (with -o, the code is still written to FILE).
        #[arg(long)]
        explain: bool,
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
