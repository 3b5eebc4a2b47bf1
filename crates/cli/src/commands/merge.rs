//! `sitrep merge EVENT OTHER --db FILE`: the user's merge, the counterpart of `sitrep split`;
//! two fused events that fusion kept apart (`sitrep candidates` lists the close calls) are one
//! event, on this and every later run. `sitrep unmerge EVENT` forgets the merges within an event.

use super::CliError;
use clap::Args;
use sitrep_model::Event;
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

/// Arguments of `sitrep unmerge`.
#[derive(Debug, Args)]
pub struct UnmergeArgs {
    /// The fused event whose merges (yours) to forget.
    pub event: String,
    /// The database.
    #[arg(long, default_value = "sitrep.db")]
    pub db: PathBuf,
}

/// Run `sitrep unmerge`.
pub fn unmerge(args: UnmergeArgs) -> Result<ExitCode, CliError> {
    let mut store = super::open_fused(&args.db)?;
    let undone = store.unmerge(&args.event)?;
    let now_in: Vec<String> = undone
        .now_in
        .iter()
        .map(|(id, n)| format!("{n} in {id}"))
        .collect();
    println!(
        "{}: {} merged pairs of yours forgotten; its reports are fused as before: {}",
        args.event,
        undone.forgotten,
        now_in.join(", ")
    );
    Ok(ExitCode::SUCCESS)
}

/// How two events differ where one real-world event seldom does: country, event type, dates
/// more than a month apart.
fn differences(a: &Event, b: &Event) -> Vec<String> {
    let mut out = Vec::new();
    let country = |e: &Event| e.location.as_ref().and_then(|p| p.country.clone());
    if let (Some(x), Some(y)) = (country(a), country(b)) {
        if x != y {
            out.push(format!("country {x} / {y}"));
        }
    }
    let (x, y) = (a.sub_event_type.event_type(), b.sub_event_type.event_type());
    if x != y {
        out.push(format!("type {} / {}", x.acled_name(), y.acled_name()));
    }
    if let (Some(x), Some(y)) = (a.date.date, b.date.date) {
        if (x - y).num_days().abs() > 31 {
            out.push(format!("dates {x} / {y}"));
        }
    }
    out
}

/// Run the command.
pub fn run(args: MergeArgs) -> Result<ExitCode, CliError> {
    let mut store = super::open_fused(&args.db)?;
    if let (Some(a), Some(b)) = (
        store.fused_event(&args.event)?,
        store.fused_event(&args.other)?,
    ) {
        let differ = differences(&a.event, &b.event);
        if !differ.is_empty() {
            eprintln!(
                "sitrep: note: {} and {} differ ({}); merged as asked: the merged event shows one reading and keeps every account",
                args.event,
                args.other,
                differ.join("; ")
            );
        }
    }
    let merged = store.merge(&args.event, &args.other)?;
    let now_in = &merged.now_in;
    let members = store.fused_event(now_in)?.map_or(0, |e| e.members.len());
    println!(
        "{} and {} merged: they are now {now_in} ({members} mention{}; the merge holds on later runs, `sitrep unmerge {now_in}` undoes it)",
        args.event,
        args.other,
        if members == 1 { "" } else { "s" }
    );
    if merged.splits_overridden > 0 {
        eprintln!(
            "sitrep: note: this overrides {} split pairs of yours between the two while it stands (`sitrep unmerge {now_in}` brings them back)",
            merged.splits_overridden
        );
    }
    if !merged.also_joined.is_empty() {
        let also: Vec<String> = merged
            .also_joined
            .iter()
            .map(|(id, n)| format!("{n} from {id}"))
            .collect();
        eprintln!(
            "sitrep: note: fusion also placed reports of other events in it, close to a member of each: {} (`sitrep unmerge {now_in}` undoes the merge and them)",
            also.join(", ")
        );
    }
    if !merged.apart.is_empty() {
        eprintln!(
            "sitrep: {} mentions stay apart, kept from another member by your earlier splits: {}",
            merged.apart.len(),
            merged.apart.join(", ")
        );
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}
