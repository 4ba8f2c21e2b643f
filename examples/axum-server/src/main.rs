//! `scim-example-server`: reads the arguments, opens the store, binds, prints the base URL and
//! serves. Everything else is in the library.

use std::path::PathBuf;

use clap::Parser;
use scim_example_server::storage::{MemoryStore, SqliteStore, Store};
use scim_example_server::{bind, serve, AppState, Limits};

/// A SCIM 2.0 server: Users (with the enterprise extension) and Groups.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    /// The SQLite database file (created if missing).
    #[arg(long, default_value = "scim-example.db", conflicts_with = "memory")]
    db: PathBuf,
    /// Keep resources in memory instead, lost when the server stops.
    #[arg(long)]
    memory: bool,
    /// The port on 127.0.0.1; 0 picks a free one.
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// Require `Authorization: Bearer TOKEN` on every request.
    #[arg(long)]
    token: Option<String>,
    /// The `userName` of the User the bearer token authenticates as, which `/Me` stands for
    /// (RFC 7644 §3.11); without it `/Me` answers 501.
    #[arg(long, value_name = "USERNAME")]
    me: Option<String>,
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let args = Args::parse();
    let store: Box<dyn Store> = if args.memory {
        Box::new(MemoryStore::new())
    } else {
        match SqliteStore::open(&args.db) {
            Ok(store) => Box::new(store),
            Err(e) => {
                eprintln!("cannot open {}: {e}", args.db.display());
                return std::process::ExitCode::FAILURE;
            }
        }
    };
    let (listener, base_url) = match bind(args.port).await {
        Ok(bound) => bound,
        Err(e) => {
            eprintln!("cannot listen on 127.0.0.1:{}: {e}", args.port);
            return std::process::ExitCode::FAILURE;
        }
    };
    // The first line is the base URL, for people and for the tests that start the server.
    println!("{base_url}");
    let mut state = AppState::new(store, &base_url, args.token, Limits::default());
    if let Some(user_name) = args.me {
        state = state.with_me(user_name);
    }
    if let Err(e) = serve(listener, state).await {
        eprintln!("server error: {e}");
        return std::process::ExitCode::FAILURE;
    }
    std::process::ExitCode::SUCCESS
}
