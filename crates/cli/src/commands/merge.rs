//! `sitrep merge EVENT OTHER --db FILE`: the user's merge, the counterpart of `sitrep split`;
//! two fused events that fusion kept apart (`sitrep candidates` lists the close calls) are one
//! event, on this and every later run.

use super::CliError;
use clap::Args;
use sitrep_store::Store;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `sitrep merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// A fused event id (`F:...`, as `sitrep events --format fused` or `sitrep candidates` list them).
    pub event: String,
    /// The fused event that reports the same real-world event.
    pub other: String,
    /// The database.
    #[arg(long, default_value = "sitrep.db")]
    pub db: PathBuf,
}

/// Run the command.
pub fn run(args: MergeArgs) -> Result<ExitCode, CliError> {
    super::events::require_db(&args.db)?;
    let mut store = Store::open(&args.db)?;
    store.fuse()?;
    let now_in = store.merge(&args.event, &args.other)?;
    let members = store.fused_event(&now_in)?.map_or(0, |e| e.members.len());
    println!(
        "{} and {} merged: they are now {now_in} ({members} mentions; the merge holds on later runs, `sitrep split` undoes it)",
        args.event, args.other
    );
    Ok(ExitCode::SUCCESS)
}
