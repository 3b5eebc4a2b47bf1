//! `sitrep ingest PATH... --db FILE`: read files into the store. A producer parses files,
//! two workers read articles, the writer inserts in order in batches of one transaction.

use super::{quiet_panics, read_guarded, CliError, InputArgs};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use sitrep_extract::Reader;
use sitrep_ingest::ingest;
use sitrep_model::{Article, Reading};
use sitrep_store::{Inserted, Store};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Arguments of `sitrep ingest`.
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Files or directories (walked recursively).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// The database (created when missing).
    #[arg(long, default_value = "sitrep.db")]
    pub db: PathBuf,
    /// Metadata and CSV columns.
    #[command(flatten)]
    pub input: InputArgs,
    /// Articles per transaction.
    #[arg(long, default_value_t = 1000)]
    pub batch_size: usize,
    /// Reader threads (1 or 2 make sense on a small machine).
    #[arg(long, default_value_t = 2)]
    pub workers: usize,
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
}

/// What one ingest run did.
#[derive(Debug, Default, Clone, serde::Serialize)]
pub struct Summary {
    /// Articles read from the inputs.
    pub read: usize,
    /// Of those, newly stored.
    pub stored: usize,
    /// Of those, already stored (same id or same content).
    pub duplicates: usize,
    /// Files skipped (no reader for their type).
    pub skipped_files: usize,
    /// Lines, records or files that failed.
    pub failed: usize,
    /// Articles the reader failed on (not stored; a later ingest retries them).
    pub reader_failures: usize,
    /// Boilerplate lines dropped.
    pub boilerplate_lines: usize,
    /// Warnings about input read but maybe not as meant (a CSV record with another number
    /// of fields than its header), each printed with its file and line.
    pub warnings: usize,
    /// Articles whose id was stored with other text, read anew in its place (the stored text
    /// kept as an earlier version).
    pub updated: usize,
    /// Articles whose id is stored with other text published later: kept as earlier versions
    /// (among the duplicates).
    pub older: usize,
    /// Articles read without a publication date (their relative dates stay unresolved).
    pub undated: usize,
    /// Seconds spent parsing files (producer thread).
    pub parse_seconds: f64,
    /// Seconds spent in the reader, summed over the worker threads.
    pub read_seconds: f64,
    /// Seconds spent inserting and committing (writer).
    pub store_seconds: f64,
    /// Events stored (all classes).
    pub events: usize,
    /// Conflict events stored.
    pub conflict_events: usize,
}

/// `1 article`, `2 articles`.
fn counted(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// Run the command.
pub fn run(args: IngestArgs) -> Result<ExitCode, CliError> {
    let started = Instant::now();
    quiet_panics();
    let mut store = Store::open(&args.db)?;
    let reader = Reader::new();
    let progress = if args.quiet {
        ProgressBar::hidden()
    } else {
        ProgressBar::new_spinner()
    };
    progress.set_style(
        ProgressStyle::with_template("{spinner} {elapsed} {pos} articles {per_sec} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    let options = args.input.options();
    let workers = args.workers.clamp(1, 8);
    let mut summary = Summary::default();
    // (fusion goes again from the first of them on)
    let mut updated_ids: Vec<String> = Vec::new();
    let mut skipped = Vec::new();
    let batch_size = args.batch_size.max(1);

    let read_time = AtomicU64::new(0);
    std::thread::scope(|scope| -> Result<(), CliError> {
        let (article_tx, article_rx) = sync_channel::<(usize, Article)>(256);
        let (read_tx, read_rx) = sync_channel::<(usize, Article, Result<Reading, String>)>(256);
        let paths = args.paths.clone();
        let bar = progress.clone();
        let producer = scope.spawn(move || {
            let mut items = ingest(&paths, &options);
            let mut seq = 0;
            let mut parse = Duration::ZERO;
            let (mut warnings, mut undated) = (0, 0);
            loop {
                let t = Instant::now();
                let Some(item) = items.next() else { break };
                parse += t.elapsed();
                for w in items.take_warnings() {
                    warnings += 1;
                    bar.suspend(|| eprintln!("sitrep: warning: {w}"));
                }
                match item {
                    Ok(article) => {
                        if article.published.is_none()
                            && sitrep_extract::too_long(&article).is_none()
                        {
                            undated += 1;
                            bar.suspend(|| eprintln!("sitrep: warning: {}: no publication date (no date field, none in the file name, no --published): its relative dates (such as \"on Sunday\") cannot be resolved, its events stay undated and out of the ACLED export", article.origin));
                        }
                        if let Some(warning) = sitrep_extract::language_warning(&article) {
                            warnings += 1;
                            bar.suspend(|| {
                                eprintln!(
                                    "sitrep: warning: {} (article {}): {warning} (stored all the same)",
                                    article.origin, article.id
                                )
                            });
                        }
                        if article_tx.send((seq, article)).is_err() {
                            break;
                        }
                        seq += 1;
                    }
                    Err(e) => bar.suspend(|| eprintln!("sitrep: {e}")),
                }
            }
            // (a last file with no article may still have warned: a feed with no item)
            for w in items.take_warnings() {
                warnings += 1;
                bar.suspend(|| eprintln!("sitrep: warning: {w}"));
            }
            (items.stats().clone(), parse, warnings, undated)
        });
        let shared_rx: Arc<Mutex<Receiver<(usize, Article)>>> = Arc::new(Mutex::new(article_rx));
        for _ in 0..workers {
            let rx = Arc::clone(&shared_rx);
            let tx = read_tx.clone();
            let reader = &reader;
            let read_time = &read_time;
            scope.spawn(move || loop {
                let next = rx.lock().map(|r| r.recv());
                let Ok(Ok((seq, article))) = next else { break };
                let t = Instant::now();
                let reading = read_guarded(reader, &article, None);
                read_time.fetch_add(t.elapsed().as_nanos() as u64, Ordering::Relaxed);
                if tx.send((seq, article, reading)).is_err() {
                    break;
                }
            });
        }
        drop(read_tx);
        // Writer: insert in input order, commit every `batch_size` articles.
        let mut pending: BTreeMap<usize, (Article, Result<Reading, String>)> = BTreeMap::new();
        let mut next = 0;
        let mut store_time = Duration::ZERO;
        let mut batch = store.batch()?;
        let mut in_batch = 0;
        for (seq, article, reading) in read_rx {
            let t = Instant::now();
            pending.insert(seq, (article, reading));
            while let Some((article, reading)) = pending.remove(&next) {
                next += 1;
                summary.read += 1;
                let reading = match reading {
                    Ok(reading) => reading,
                    Err(message) => {
                        progress.suspend(|| eprintln!("sitrep: {message}"));
                        summary.reader_failures += 1;
                        continue;
                    }
                };
                let conflict = reading
                    .events
                    .iter()
                    .filter(|e| e.sub_event_type.is_conflict())
                    .count();
                match batch.insert(&article, &reading)? {
                    Inserted::New => {
                        summary.stored += 1;
                        summary.events += reading.events.len();
                        summary.conflict_events += conflict;
                    }
                    Inserted::Duplicate(_) => summary.duplicates += 1,
                    Inserted::Updated {
                        id,
                        earlier_versions,
                        forgotten_decisions,
                    } => {
                        summary.updated += 1;
                        updated_ids.push(id.clone());
                        summary.events += reading.events.len();
                        summary.conflict_events += conflict;
                        progress.suspend(|| {
                            eprintln!(
                                "sitrep: {}: article {id} updated (other text under its id): read anew in place of the stored text, which is kept ({} now)",
                                article.origin,
                                counted(earlier_versions, "earlier version")
                            )
                        });
                        if forgotten_decisions > 0 {
                            progress.suspend(|| {
                                eprintln!(
                                    "sitrep: {}: article {id}: {} of yours named events its new text no longer tells: forgotten",
                                    article.origin,
                                    counted(forgotten_decisions, "split or merge")
                                )
                            });
                        }
                    }
                    Inserted::Older(id) => {
                        summary.duplicates += 1;
                        summary.older += 1;
                        progress.suspend(|| {
                            eprintln!(
                                "sitrep: {}: article {id} is stored with other text published later: this older text is kept as an earlier version, the stored one stays current",
                                article.origin
                            )
                        });
                    }
                }
                progress.inc(1);
                in_batch += 1;
                if in_batch >= batch_size {
                    batch.commit()?;
                    batch = store.batch()?;
                    in_batch = 0;
                }
            }
            store_time += t.elapsed();
            progress.set_message(format!(
                "{} new, {} duplicates",
                summary.stored, summary.duplicates
            ));
        }
        let t = Instant::now();
        batch.commit()?;
        store_time += t.elapsed();
        let (stats, parse_time, warnings, undated) = producer.join().unwrap_or_default();
        summary.warnings = warnings;
        summary.undated = undated;
        summary.parse_seconds = parse_time.as_secs_f64();
        summary.read_seconds =
            Duration::from_nanos(read_time.load(Ordering::Relaxed)).as_secs_f64();
        summary.store_seconds = store_time.as_secs_f64();
        summary.failed = stats.errors + summary.reader_failures;
        summary.skipped_files = stats.skipped_files;
        skipped = stats.skipped;
        summary.boilerplate_lines = stats.boilerplate_lines;
        Ok(())
    })?;
    progress.finish_and_clear();
    // fusion: the new articles' events join the fused events (incremental); an updated
    // article's old events leave theirs, and fusion goes again from it on
    let fusion_started = Instant::now();
    let fusion = if updated_ids.is_empty() {
        store.fuse()?
    } else {
        let ids: Vec<&str> = updated_ids.iter().map(String::as_str).collect();
        store.refuse_from(&ids)?
    };

    let seconds = started.elapsed().as_secs_f64();
    println!(
        "read {}: {} new{}, {}; {} failed, {} skipped; {} dropped; {} ({} for no publication date)",
        counted(summary.read, "article"),
        summary.stored,
        if summary.updated > 0 {
            format!(", {} updated", summary.updated)
        } else {
            String::new()
        },
        counted(summary.duplicates, "duplicate"),
        summary.failed,
        counted(summary.skipped_files, "file"),
        counted(summary.boilerplate_lines, "boilerplate line"),
        counted(summary.warnings + summary.undated, "warning"),
        summary.undated
    );
    if !skipped.is_empty() {
        eprintln!("sitrep: {}", skipped_note(&skipped));
    }
    println!(
        "stored {} ({} conflict) in {}; {:.2} s, {:.0} articles/s",
        counted(summary.events, "event"),
        summary.conflict_events,
        args.db.display(),
        seconds,
        summary.read as f64 / seconds.max(1e-9)
    );
    println!(
        "time: parse {:.3} s, read {:.3} s (summed over {workers} threads), store {:.3} s",
        summary.parse_seconds, summary.read_seconds, summary.store_seconds
    );
    println!(
        "fused {} articles ({} mentions): {} fused events written, {} near-duplicate articles; {:.3} s",
        fusion.articles,
        fusion.mentions,
        fusion.fused_written,
        fusion.near_duplicates,
        fusion_started.elapsed().as_secs_f64()
    );
    // (an article the reader refused, one too long to be one report, is read by no one; a
    // feed with no item yet is a warning, not a failure)
    let nothing_there = summary.read == 0 && summary.warnings == 0;
    if summary.read == summary.reader_failures && (summary.failed > 0 || nothing_there) {
        return Err(CliError::NothingRead(format!(
            "no article could be read from {} ({} failed)",
            args.paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
            summary.failed
        )));
    }
    // (some lines or files failed, each named above; what was read is stored: a script can
    // tell a partial ingest from a clean one)
    if summary.failed > 0 {
        return Ok(ExitCode::from(PARTLY_READ));
    }
    Ok(ExitCode::SUCCESS)
}

/// The exit status of an ingest that stored what it read but failed on some lines, records or
/// files (each named on stderr); 1 is an error that read nothing.
pub const PARTLY_READ: u8 = 3;

/// The files a directory walk left alone, named (the first ten), for the user to check.
fn skipped_note(skipped: &[std::path::PathBuf]) -> String {
    const NAMED: usize = 10;
    let mut names: Vec<String> = skipped
        .iter()
        .take(NAMED)
        .map(|p| p.display().to_string())
        .collect();
    if skipped.len() > NAMED {
        names.push(format!("and {} more", skipped.len() - NAMED));
    }
    format!(
        "skipped {} no reader handles (expected .jsonl .txt .html .htm .csv .rss .atom .xml): {}",
        counted(skipped.len(), "file"),
        names.join(", ")
    )
}
