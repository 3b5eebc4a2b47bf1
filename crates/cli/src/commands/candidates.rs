//! `sitrep candidates --db FILE [--event F:ID] [--limit N] [--json]`: the close calls of fusion for a
//! reader to settle. Pairs of fused events that scored near the merge threshold without
//! reaching it (a mention of one against the other, from another article), best first, each
//! with both reports, the cues, and the `sitrep merge` that joins them if they are one event.
//! Fusion leaves such pairs apart on purpose: about a quarter of them are one event told in
//! other words, the rest look-alikes (audits in `crates/fuse/eval`).

use super::fuse::{describe, stored_in_memory};
use super::{write_stdout, CliError};
use clap::Args;
use sitrep_fuse::{MERGE_THRESHOLD, NEAR_MISS_FLOOR};
use sitrep_store::{ReadsFrom, StoreError};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `sitrep candidates`.
#[derive(Debug, Args)]
pub struct CandidatesArgs {
    /// The database.
    #[arg(long, default_value = "sitrep.db")]
    pub db: PathBuf,
    /// Only the pairs with this fused event (`F:...`).
    #[arg(long)]
    pub event: Option<String>,
    /// How many pairs to list.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// One JSON object per pair (`event`, `other`, `score`, `mention`, `member`, their
    /// sentences, `cues`) instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Run the command.
pub fn run(args: CandidatesArgs) -> Result<ExitCode, CliError> {
    let store = super::open_to_read(&args.db, ReadsFrom::FusedEvents)?;
    let fuser = stored_in_memory(&store)?;
    let wanted = match &args.event {
        None => None,
        Some(id) => Some(fuser.cluster_by_id(id).ok_or_else(|| {
            StoreError::NotFound(format!(
                "no fused event {id:?}; `sitrep events --format fused` lists their ids"
            ))
        })?),
    };
    let found: Vec<_> = fuser
        .merge_candidates(NEAR_MISS_FLOOR)
        .into_iter()
        .filter(|c| wanted.is_none_or(|w| [c.cluster, fuser.cluster_of[c.mention]].contains(&w)))
        .collect();
    let mut out = String::new();
    if args.json {
        for c in found.iter().take(args.limit) {
            let (m, o) = (&fuser.mentions[c.mention], &fuser.mentions[c.member]);
            let line = serde_json::json!({
                "event": fuser.clusters[fuser.cluster_of[c.mention]].id,
                "other": fuser.clusters[c.cluster].id,
                "score": c.score,
                "mention": m.id(),
                "mention_sentence": m.event.notes,
                "member": o.id(),
                "member_sentence": o.event.notes,
                "cues": c.cues,
            });
            out.push_str(&serde_json::to_string(&line)?);
            out.push('\n');
        }
        write_stdout(out.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    let _ = writeln!(
        out,
        "{} pairs of fused events scored {NEAR_MISS_FLOOR} up to the merge threshold {MERGE_THRESHOLD}{}; {} listed, best first",
        found.len(),
        args.event.as_ref().map_or(String::new(), |e| format!(" with {e}")),
        found.len().min(args.limit)
    );
    for c in found.iter().take(args.limit) {
        let (own, other) = (
            &fuser.clusters[fuser.cluster_of[c.mention]],
            &fuser.clusters[c.cluster],
        );
        let _ = writeln!(
            out,
            "\n{:.3}  {} ({} mentions) ~ {} ({} mentions)\n  if one event: sitrep merge {} {} --db {}",
            c.score,
            own.id,
            own.members.len(),
            other.id,
            other.members.len(),
            own.id,
            other.id,
            args.db.display()
        );
        let _ = writeln!(
            out,
            "{}\n{}",
            describe(&fuser.mentions[c.mention]),
            describe(&fuser.mentions[c.member])
        );
        for q in &c.cues {
            let _ = writeln!(out, "      {} {:.2}: {}", q.cue, q.score, q.detail);
        }
    }
    write_stdout(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
