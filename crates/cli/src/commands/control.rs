//! `sitrep control PLACE --db FILE`: who controls a place from when to when, with the claims
//! behind each step (control statements and territory-changing fused events).

use super::{write_stdout, CliError};
use clap::Args;
use sitrep_fuse::control_timelines;
use sitrep_store::{EventFilter, ReadsFrom};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `sitrep control`.
#[derive(Debug, Args)]
pub struct ControlArgs {
    /// The place: name as resolved or as written, or GeoNames id (case-insensitive).
    pub place: String,
    /// The database.
    #[arg(long, default_value = "sitrep.db")]
    pub db: PathBuf,
    /// JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Run the command.
pub fn run(args: ControlArgs) -> Result<ExitCode, CliError> {
    if args.place.trim().is_empty() {
        return Err(CliError::NothingRead(
            "sitrep control needs a place: a name as written or resolved (\"Raqqa\"), or a GeoNames id".into(),
        ));
    }
    let store = super::open_to_read(&args.db, ReadsFrom::FusedEvents)?;
    let facts = store.control_facts()?;
    let events = store.fused_events(&EventFilter {
        include_non_conflict: true,
        ..Default::default()
    })?;
    let timelines = control_timelines(&facts, &events, &args.place);
    if timelines.is_empty() {
        return Err(CliError::NothingRead(format!(
            "no control facts or territory-changing events for {:?}",
            args.place
        )));
    }
    if args.json {
        write_stdout(serde_json::to_string_pretty(&timelines)?.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = String::new();
    for t in &timelines {
        let _ = writeln!(
            out,
            "{}{}",
            t.place,
            t.geonameid
                .map_or(String::new(), |g| format!(" (GeoNames {g})"))
        );
        for s in &t.steps {
            let when = match (s.from, s.until) {
                (Some(f), Some(u)) => format!("{f} .. {u}"),
                (Some(f), None) => format!("{f} .."),
                _ => "undated".into(),
            };
            let who = match (&s.controller, &s.relinquished_by) {
                (Some(c), Some(r)) => format!("{c} (from {r})"),
                (Some(c), None) => c.clone(),
                (None, Some(r)) => format!("left by {r}"),
                (None, None) => "?".into(),
            };
            let _ = writeln!(
                out,
                "  {when:<24} {who}{}  [{}]",
                if s.contested { "  CONTESTED" } else { "" },
                s.basis
            );
            for c in &s.claims {
                let _ = writeln!(out, "      {c}");
            }
        }
    }
    write_stdout(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
