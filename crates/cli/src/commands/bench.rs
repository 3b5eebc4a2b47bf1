//! `sitrep bench CORPUS`: reading throughput on one thread. The corpus is repeated in memory
//! until it holds at least `--min-mb` of text, every article is read with one `Reader`
//! (`read_timed`), and the time per stage, throughput and peak memory are printed.

use super::{quiet_panics, read_guarded, write_stdout, CliError, InputArgs};
use clap::Args;
use serde::Serialize;
use sitrep_extract::{Reader, StageTimes};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `sitrep bench`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Files or directories to read.
    #[arg(required = true)]
    pub corpus: Vec<PathBuf>,
    /// Metadata and CSV columns.
    #[command(flatten)]
    pub input: InputArgs,
    /// Repeat the corpus until it holds at least this many MB (10^6 bytes) of text.
    #[arg(long, default_value_t = 20.0)]
    pub min_mb: f64,
    /// Print one JSON object instead of a report.
    #[arg(long)]
    pub json: bool,
}

/// Seconds spent in one stage.
#[derive(Debug, Serialize)]
pub struct StageShare {
    /// Stage name.
    pub stage: &'static str,
    /// Seconds.
    pub seconds: f64,
    /// Share of the reading time, percent.
    pub percent: f64,
}

/// The measurement.
#[derive(Debug, Serialize)]
pub struct BenchReport {
    /// Distinct articles in the corpus.
    pub corpus_articles: usize,
    /// Input problems while loading.
    pub load_failures: usize,
    /// Seconds to load (parse files, drop boilerplate) the corpus once.
    pub load_seconds: f64,
    /// Seconds to build the reader.
    pub reader_build_seconds: f64,
    /// Articles read (the corpus repeated).
    pub articles: usize,
    /// MB (10^6 bytes) of text read.
    pub mb: f64,
    /// Seconds spent reading.
    pub seconds: f64,
    /// Articles per second (wall clock).
    pub articles_per_second: f64,
    /// CPU seconds the reading thread spent reading, when the system reports it (Linux
    /// `/proc/thread-self/schedstat`): equal to `seconds` on an idle machine, and the honest
    /// per-core cost on a busy one.
    pub cpu_seconds: Option<f64>,
    /// Articles per CPU second of the reading thread (one core).
    pub articles_per_cpu_second: Option<f64>,
    /// MB per second.
    pub mb_per_second: f64,
    /// Mean milliseconds per article.
    pub ms_per_article: f64,
    /// Events produced (all classes).
    pub events: usize,
    /// Reads that failed (the reader panicked), over all rounds.
    pub reader_failures: usize,
    /// Peak resident memory (VmHWM), MB, when the system reports it.
    pub peak_rss_mb: Option<f64>,
    /// Time by stage; `other` is what no stage accounts for.
    pub stages: Vec<StageShare>,
}

/// Peak resident set size in MB, from `/proc/self/status` (Linux).
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// CPU time of the calling thread in seconds, from `/proc/thread-self/schedstat` (Linux).
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// Run the command.
pub fn run(args: BenchArgs) -> Result<ExitCode, CliError> {
    let load_start = Instant::now();
    let mut corpus = Vec::new();
    let mut failures = 0;
    for item in sitrep_ingest::ingest(&args.corpus, &args.input.options()) {
        match item {
            Ok(a) => corpus.push(a),
            Err(e) => {
                failures += 1;
                if failures <= 5 {
                    eprintln!("sitrep: {e}");
                }
            }
        }
    }
    let load_seconds = load_start.elapsed().as_secs_f64();
    if corpus.is_empty() {
        return Err(CliError::NothingRead(
            "bench: the corpus holds no readable article".into(),
        ));
    }
    let corpus_bytes: usize = corpus.iter().map(|a| a.text.len()).sum();
    let target = (args.min_mb.max(0.0) * 1e6) as usize;
    let rounds = target.div_ceil(corpus_bytes.max(1)).max(1);

    let build_start = Instant::now();
    let reader = Reader::new();
    let reader_build_seconds = build_start.elapsed().as_secs_f64();

    let mut times = StageTimes::default();
    let mut events = 0;
    let mut reader_failures = 0;
    quiet_panics();
    let cpu_start = thread_cpu_seconds();
    let start = Instant::now();
    for round in 0..rounds {
        for article in &corpus {
            match read_guarded(&reader, article, Some(&mut times)) {
                Ok(reading) => events += std::hint::black_box(reading).events.len(),
                Err(message) => {
                    reader_failures += 1;
                    if round == 0 && reader_failures <= 5 {
                        eprintln!("sitrep: {message}");
                    }
                }
            }
        }
    }
    let seconds = start.elapsed().as_secs_f64().max(1e-9);
    let cpu_seconds = cpu_start
        .zip(thread_cpu_seconds())
        .map(|(a, b)| (b - a).max(1e-9));
    let articles = corpus.len() * rounds;
    let mb = (corpus_bytes * rounds) as f64 / 1e6;
    let staged = [
        ("text", times.text),
        ("time", times.time),
        ("places", times.places),
        ("actors", times.actors),
        ("classify", times.classify),
        ("assemble", times.assemble),
    ];
    let accounted: f64 = staged.iter().map(|(_, d)| d.as_secs_f64()).sum();
    let mut stages: Vec<StageShare> = staged
        .iter()
        .map(|(stage, d)| StageShare {
            stage,
            seconds: d.as_secs_f64(),
            percent: 100.0 * d.as_secs_f64() / seconds,
        })
        .collect();
    let other = (seconds - accounted).max(0.0);
    stages.push(StageShare {
        stage: "other",
        seconds: other,
        percent: 100.0 * other / seconds,
    });
    let report = BenchReport {
        corpus_articles: corpus.len(),
        load_failures: failures,
        load_seconds,
        reader_build_seconds,
        articles,
        mb,
        seconds,
        articles_per_second: articles as f64 / seconds,
        cpu_seconds,
        articles_per_cpu_second: cpu_seconds.map(|c| articles as f64 / c),
        mb_per_second: mb / seconds,
        ms_per_article: 1000.0 * seconds / articles as f64,
        events,
        reader_failures,
        peak_rss_mb: peak_rss_mb(),
        stages,
    };
    let text = if args.json {
        serde_json::to_string(&report)? + "\n"
    } else {
        render(&report)
    };
    write_stdout(text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// The report as text.
fn render(r: &BenchReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "corpus: {} articles loaded in {:.3} s ({} failed); reader built in {:.3} s",
        r.corpus_articles, r.load_seconds, r.load_failures, r.reader_build_seconds
    );
    let _ = writeln!(
        out,
        "read {} articles, {:.1} MB in {:.3} s: {:.0} articles/s, {:.2} MB/s, {:.3} ms/article, {} events, {} reader failures",
        r.articles, r.mb, r.seconds, r.articles_per_second, r.mb_per_second, r.ms_per_article, r.events, r.reader_failures
    );
    if let (Some(cpu), Some(rate)) = (r.cpu_seconds, r.articles_per_cpu_second) {
        let _ = writeln!(
            out,
            "reading thread CPU time {cpu:.3} s: {rate:.0} articles per CPU second (one core)"
        );
    }
    let _ = match r.peak_rss_mb {
        Some(mb) => writeln!(out, "peak RSS: {mb:.1} MB"),
        None => writeln!(out, "peak RSS: not reported by this system"),
    };
    let _ = writeln!(out, "time by stage:");
    for s in &r.stages {
        let _ = writeln!(
            out,
            "  {:<9} {:>8.3} s {:>5.1} %",
            s.stage, s.seconds, s.percent
        );
    }
    out
}
