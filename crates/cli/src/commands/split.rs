//! `sitrep split EVENT MENTION --db FILE`: undo a merge; the mention leaves the fused event and
//! is never fused with its former co-members again, on this and every later run.

use super::CliError;
use clap::Args;
use sitrep_store::Store;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `sitrep split`.
#[derive(Debug, Args)]
pub struct SplitArgs {
    /// The fused event id (`F:...`, as `sitrep events --format fused` lists them).
    pub event: String,
    /// The member to take out (a per-article event id, `ARTICLE#N`).
    pub mention: String,
    /// The database.
    #[arg(long, default_value = "sitrep.db")]
    pub db: PathBuf,
}

/// Run the command.
pub fn run(args: SplitArgs) -> Result<ExitCode, CliError> {
    super::events::require_db(&args.db)?;
    let mut store = Store::open(&args.db)?;
    store.fuse()?;
    let now_in = store.split(&args.event, &args.mention)?;
    println!(
        "{} split from {}; it is now in {now_in} (the split holds on later runs)",
        args.mention, args.event
    );
    Ok(ExitCode::SUCCESS)
}
