//! `sitrep serve --db FILE`: the web UI and JSON API over the store (see `sitrep_serve`).

use super::CliError;
use clap::Args;
use sitrep_serve::ServeOptions;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `sitrep serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The database (created when missing if `--ingest-token` lets articles in; a read-only
    /// server needs one that exists).
    #[arg(long, default_value = "sitrep.db")]
    pub db: PathBuf,
    /// Address to listen on; the default answers this machine only.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Port to listen on (0: any free port, printed at start).
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// Enable `POST /api/articles` for requests carrying `Authorization: Bearer TOKEN`
    /// (read-only without it).
    #[arg(long, value_name = "TOKEN")]
    pub ingest_token: Option<String>,
    /// Largest request body accepted, in MiB.
    #[arg(long, default_value_t = 8)]
    pub max_body_mb: usize,
}

/// Run the command (until the process is stopped).
pub fn run(args: ServeArgs) -> Result<ExitCode, CliError> {
    if args
        .ingest_token
        .as_deref()
        .is_some_and(|t| t.trim().len() < 8)
    {
        eprintln!("sitrep: error: --ingest-token: expected at least 8 characters");
        return Ok(ExitCode::from(2));
    }
    if !args.db.exists() {
        if args.ingest_token.is_none() {
            eprintln!(
                "sitrep: error: {}: no such database; run `sitrep ingest PATH --db {}` first (or give --ingest-token to start an empty one and POST articles to it)",
                args.db.display(),
                args.db.display()
            );
            return Ok(ExitCode::FAILURE);
        }
        eprintln!("sitrep: {}: a new, empty database", args.db.display());
    }
    let options = ServeOptions {
        db: args.db,
        host: args.host,
        port: args.port,
        ingest_token: args.ingest_token.map(|t| t.trim().to_string()),
        max_body_bytes: args.max_body_mb.max(1) * 1024 * 1024,
    };
    match sitrep_serve::serve(options) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => {
            eprintln!("sitrep: error: {e}");
            Ok(ExitCode::FAILURE)
        }
    }
}
