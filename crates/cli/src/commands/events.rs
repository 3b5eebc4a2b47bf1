//! `sitrep events --db FILE`: the stored events as a table, ACLED CSV, JSONL, GeoJSON or Parquet.

use super::{parse_date_arg, write_stdout, CliError};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use sitrep_export::{country_info, write_events, ExportOptions, Format};
use sitrep_store::{EventFilter, ReadsFrom};
use std::path::PathBuf;
use std::process::ExitCode;

/// Output format names.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    /// Fixed-width table.
    Table,
    /// ACLED CSV (31 columns).
    Acled,
    /// One JSON object per event.
    Jsonl,
    /// GeoJSON FeatureCollection.
    Geojson,
    /// The ACLED CSV's rows and columns, typed, as Apache Parquet (redirect it to a file).
    Parquet,
    /// One fused event per line with its members, merge provenance and claims side by side.
    Fused,
}

/// Arguments of `sitrep events`.
#[derive(Debug, Args)]
pub struct EventsArgs {
    /// The database.
    #[arg(long, default_value = "sitrep.db")]
    pub db: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Table)]
    pub format: FormatArg,
    /// Also list non-conflict classes (not in ACLED CSV).
    #[arg(long)]
    pub include_non_conflict: bool,
    /// Country (ACLED name or ISO alpha-2).
    #[arg(long)]
    pub country: Option<String>,
    /// Event type or sub-event type (ACLED spelling).
    #[arg(long = "type", value_parser = parse_type_arg)]
    pub event_type: Option<String>,
    /// First event date.
    #[arg(long, value_parser = parse_date_arg)]
    pub from: Option<NaiveDate>,
    /// Last event date.
    #[arg(long, value_parser = parse_date_arg)]
    pub to: Option<NaiveDate>,
    /// At most this many events.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Skip this many events.
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// List the per-article events (mentions) instead of the fused events.
    #[arg(long)]
    pub unfused: bool,
}

/// An ACLED event type or sub-event type, as ACLED spells it (any case).
fn parse_type_arg(s: &str) -> Result<String, String> {
    use sitrep_model::{EventType, SubEventType};
    if EventType::from_acled(s).is_some() || SubEventType::from_acled(s).is_some() {
        Ok(s.trim().to_string())
    } else {
        Err(format!(
            "{s:?} is no ACLED event type (such as \"Battles\") or sub-event type (such as \"Armed clash\")"
        ))
    }
}

/// Fail with a hint when the database does not exist.
pub fn require_db(db: &std::path::Path) -> Result<(), CliError> {
    if db.exists() {
        return Ok(());
    }
    Err(CliError::NothingRead(format!(
        "{}: no such database; run `sitrep ingest PATH --db {}` first",
        db.display(),
        db.display()
    )))
}

/// Run the command.
pub fn run(args: EventsArgs) -> Result<ExitCode, CliError> {
    if args.unfused && matches!(args.format, FormatArg::Fused) {
        return Err(CliError::Usage(
            "--format fused lists fused events: drop --unfused, or ask for --format jsonl".into(),
        ));
    }
    if let (Some(from), Some(to)) = (args.from, args.to) {
        if from > to {
            return Err(CliError::Usage(format!(
                "--from {from} is after --to {to}: no day is in between"
            )));
        }
    }
    let store = super::open_to_read(
        &args.db,
        if args.unfused {
            ReadsFrom::Articles
        } else {
            ReadsFrom::FusedEvents
        },
    )?;
    let country = args.country.clone();
    let filter = EventFilter {
        from: args.from,
        to: args.to,
        country: args.country,
        event_type: args.event_type,
        include_non_conflict: args.include_non_conflict,
        limit: args.limit,
        offset: args.offset,
    };
    let events = if args.unfused {
        store.events(&filter)?
    } else {
        let fused = store.fused_events(&filter)?;
        if let FormatArg::Fused = args.format {
            let mut out = String::new();
            for e in &fused {
                out.push_str(&serde_json::to_string(e)?);
                out.push('\n');
            }
            write_stdout(out.as_bytes())?;
            return Ok(ExitCode::SUCCESS);
        }
        fused.into_iter().map(|e| e.event).collect()
    };
    if let Some(country) = country.filter(|c| events.is_empty() && country_info(c).is_none()) {
        eprintln!("sitrep: warning: no country is named {country:?}: give an ACLED country name (\"Syria\") or an ISO alpha-2 code (\"SY\")");
    }
    let format = match args.format {
        FormatArg::Table => Format::Table,
        FormatArg::Acled => Format::Acled,
        FormatArg::Jsonl | FormatArg::Fused => Format::Jsonl,
        FormatArg::Geojson => Format::GeoJson,
        FormatArg::Parquet => Format::Parquet,
    };
    if format == Format::Parquet && std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        return Err(CliError::Usage(
            "--format parquet writes a binary file: redirect it (`> events.parquet`)".into(),
        ));
    }
    let timestamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()
        .map(|d| d.as_secs() as i64);
    let options = ExportOptions {
        include_non_conflict: args.include_non_conflict,
        timestamp,
        article_times: store.article_times(&events)?,
    };
    if format == Format::GeoJson {
        let unplaced = events
            .iter()
            .filter(|e| {
                e.location
                    .as_ref()
                    .is_none_or(|p| p.lat.is_none() || p.lon.is_none())
            })
            .count();
        if unplaced > 0 {
            eprintln!("sitrep: {unplaced} events have no coordinates (no place read, or one the gazetteer lacks outside any known province) and are left out of the GeoJSON; `--format jsonl` lists them");
        }
    }
    if matches!(format, Format::Acled | Format::Parquet) {
        let undated = events
            .iter()
            .filter(|e| e.sub_event_type.is_conflict() && e.date.date.is_none())
            .count();
        if undated > 0 {
            eprintln!("sitrep: {undated} conflict events have no date (their articles were published without one and tell none) and are left out of the ACLED CSV and Parquet, which require one; `--format jsonl` lists them");
        }
        let stateless = events
            .iter()
            .filter(|e| e.date.date.is_some() && sitrep_export::lacks_country(e))
            .count();
        if stateless > 0 {
            eprintln!("sitrep: {stateless} conflict events have no country (no place read, and none their article points to) and are left out of the ACLED CSV and Parquet, which require one; `--format jsonl` lists them");
        }
    }
    let mut out = Vec::new();
    write_events(format, &events, &options, &mut out)?;
    write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}
