//! The commands, their shared arguments and the error type they return.

mod bench;
mod candidates;
mod control;
mod eval;
mod events;
mod fuse;
mod gazetteer;
mod ingest;
mod merge;
mod read;
mod serve;
mod split;
mod stories;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use sitrep_ingest::{CsvColumns, IngestOptions};
use std::process::ExitCode;

/// sitrep: reads conflict reports into a sourced record of events (ACLED taxonomy).
#[derive(Debug, Parser)]
#[command(name = "sitrep", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read files or directories (.jsonl .txt .html .csv, feeds .rss .atom .xml) into the store.
    ///
    /// A line, record or file that cannot be read is named on stderr and the rest goes on;
    /// the exit status is then 3 (what was read is stored), 1 when nothing could be read.
    Ingest(ingest::IngestArgs),
    /// Read one file and print each article's reading as pretty JSON (no database).
    Read(read::ReadArgs),
    /// List the stored events as a table, ACLED CSV, JSONL, GeoJSON or Parquet.
    Events(events::EventsArgs),
    /// Measure reading throughput on a corpus (single thread).
    Bench(bench::BenchArgs),
    /// Build the gazetteer index from GeoNames files.
    #[command(subcommand)]
    Gazetteer(gazetteer::GazetteerCommand),
    /// Measure the reader against coded data.
    #[command(subcommand)]
    Eval(eval::EvalCommand),
    /// Serve the web UI and JSON API over the store (localhost, read-only unless --ingest-token).
    Serve(serve::ServeArgs),
    /// Bring event fusion up to date (`--full` to redo it; `--audit N`, `--bench 1,4,16`).
    Fuse(fuse::FuseArgs),
    /// Undo a merge: take a mention out of a fused event, for good.
    Split(split::SplitArgs),
    /// Merge two fused events that report one real-world event, for good.
    Merge(merge::MergeArgs),
    /// Undo your merges within a fused event: its reports are fused as before them.
    Unmerge(merge::UnmergeArgs),
    /// Pairs of fused events that fusion found close but kept apart, for a reader to settle.
    Candidates(candidates::CandidatesArgs),
    /// Who controls a place, from when to when, with the claims behind each step.
    Control(control::ControlArgs),
    /// Articles grouped into stories, each with its events in time order.
    ///
    /// A story is two events or more that one article tells together (within 25 km and a week
    /// of each other), joined across articles through the fused events they share; an event no
    /// article tells with another is listed by `events`, not here.
    Stories(stories::StoriesArgs),
}

/// Run a command; `Ok` carries the exit code.
pub fn run(cli: Cli) -> Result<ExitCode, CliError> {
    match cli.command {
        Command::Ingest(args) => ingest::run(args),
        Command::Read(args) => read::run(args),
        Command::Events(args) => events::run(args),
        Command::Bench(args) => bench::run(args),
        Command::Gazetteer(cmd) => gazetteer::run(cmd),
        Command::Eval(cmd) => eval::run(cmd),
        Command::Serve(args) => serve::run(args),
        Command::Fuse(args) => fuse::run(args),
        Command::Split(args) => split::run(args),
        Command::Merge(args) => merge::run(args),
        Command::Unmerge(args) => merge::unmerge(args),
        Command::Candidates(args) => candidates::run(args),
        Command::Control(args) => control::run(args),
        Command::Stories(args) => stories::run(args),
    }
}

/// Why a command failed as a whole (a bad input line is reported and skipped, not an error).
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] sitrep_store::StoreError),
    /// Writing the export failed.
    #[error(transparent)]
    Export(#[from] sitrep_export::ExportError),
    /// An evaluation could not run.
    #[error(transparent)]
    Eval(#[from] sitrep_eval::EvalError),
    /// The gazetteer could not be built.
    #[error(transparent)]
    Places(#[from] sitrep_places::PlacesError),
    /// A file could not be written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// JSON output failed.
    #[error("JSON output: {0}")]
    Json(#[from] serde_json::Error),
    /// Nothing could be read from the inputs.
    #[error("{0}")]
    NothingRead(String),
    /// The arguments ask for something that cannot be done as asked.
    #[error("{0}")]
    Usage(String),
}

/// Metadata and CSV column flags shared by `ingest`, `read` and `bench`.
#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// Publication date for articles that carry none (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date_arg)]
    pub published: Option<NaiveDate>,
    /// Outlet for articles that name none.
    #[arg(long)]
    pub source: Option<String>,
    /// Language (ISO 639-1) for articles that give none.
    #[arg(long)]
    pub language: Option<String>,
    /// CSV: column with the article text (default: text, content or body).
    #[arg(long)]
    pub text_column: Option<String>,
    /// CSV: column with the publication date (default: published or date).
    #[arg(long)]
    pub date_column: Option<String>,
    /// CSV: column with the article id (default: id; else FILE:LINE).
    #[arg(long)]
    pub id_column: Option<String>,
    /// CSV: column with the headline (default: title).
    #[arg(long)]
    pub title_column: Option<String>,
    /// CSV: column with the outlet (default: source).
    #[arg(long)]
    pub source_column: Option<String>,
}

impl InputArgs {
    /// The ingest options these flags say.
    pub fn options(&self) -> IngestOptions {
        IngestOptions {
            published: self.published,
            source: self.source.clone(),
            language: self.language.clone(),
            csv: CsvColumns {
                text: self.text_column.clone(),
                date: self.date_column.clone(),
                id: self.id_column.clone(),
                title: self.title_column.clone(),
                source: self.source_column.clone(),
                url: None,
            },
        }
    }
}

/// A date argument in any format the ingester reads.
pub fn parse_date_arg(s: &str) -> Result<NaiveDate, String> {
    sitrep_ingest::parse_date(s)
        .ok_or_else(|| format!("cannot read date {s:?}; expected YYYY-MM-DD"))
}

/// Write `bytes` to stdout; a closed pipe (`sitrep events | head`) is a normal end.
pub fn write_stdout(bytes: &[u8]) -> Result<(), CliError> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(source) => Err(CliError::Io {
            path: "stdout".into(),
            source,
        }),
        Ok(()) => Ok(()),
    }
}

/// The store at `db` (which must exist) for a command that only reads it: opened read-only, so
/// that a read-only file or directory will do; a store that needs a migration or fusion first is
/// brought up to date when it can be written, else the error names the file and what it needs.
pub fn open_to_read(
    db: &std::path::Path,
    reads: sitrep_store::ReadsFrom,
) -> Result<sitrep_store::Store, CliError> {
    events::require_db(db)?;
    Ok(sitrep_store::Store::open_to_read(db, reads)?)
}

/// The store at `db` (which must exist), writable, with fusion brought up to date: what the
/// commands changing fused events start from.
pub fn open_fused(db: &std::path::Path) -> Result<sitrep_store::Store, CliError> {
    events::require_db(db)?;
    let mut store = sitrep_store::Store::open(db)?;
    store.fuse()?;
    Ok(store)
}

/// Read an article, turning a panic of the reader into an error message naming the article,
/// so that one bad article does not end a batch.
pub fn read_guarded(
    reader: &sitrep_extract::Reader,
    article: &sitrep_model::Article,
    times: Option<&mut sitrep_extract::StageTimes>,
) -> Result<sitrep_model::Reading, String> {
    if let Some(why) = sitrep_extract::too_long(article) {
        return Err(why);
    }
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match times {
        Some(times) => reader.read_timed(article, times),
        None => reader.read(article),
    }));
    result.map_err(|payload| {
        let message = payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "unknown panic".into());
        format!(
            "{} (article {}): the reader failed: {message}",
            article.origin, article.id
        )
    })
}

/// Report panics in one short line (no backtrace); [`read_guarded`] says which article it was.
pub fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("sitrep: internal error{place}");
    }));
}
