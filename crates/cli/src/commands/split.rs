//! `sitrep split EVENT MENTION --db FILE`: undo a merge; the mention leaves the fused event and
//! is never fused with its former co-members again, on this and every later run (mentions split
//! from one event, one by one, stay free to be one event of their own).

use super::CliError;
use clap::Args;
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
    let mut store = super::open_fused(&args.db)?;
    let split = store.split(&args.event, &args.mention)?;
    let others: Vec<String> = split
        .others_in
        .iter()
        .map(|(id, n)| format!("{n} in {id}"))
        .collect();
    println!(
        "{} split from {}: it is now in {}; its former co-members: {} (the split holds on later runs; a fused event is named by its first report)",
        args.mention,
        args.event,
        split.mention_in,
        others.join(", ")
    );
    if !split.freed.is_empty() {
        println!(
            "  no longer kept apart from {} (split from {} before it: taken out of one event, they may be one event of their own)",
            split.freed.join(", "),
            args.event
        );
    }
    Ok(ExitCode::SUCCESS)
}
