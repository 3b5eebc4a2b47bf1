//! `sitrep stories --db FILE`: articles grouped into stories, each with its fused events in
//! time order, and the links between events (agreeing or disagreeing accounts, ceasefire breaks).

use super::{write_stdout, CliError};
use clap::Args;
use sitrep_store::ReadsFrom;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `sitrep stories`.
#[derive(Debug, Args)]
pub struct StoriesArgs {
    /// The database.
    #[arg(long, default_value = "sitrep.db")]
    pub db: PathBuf,
    /// At most this many stories (largest first).
    #[arg(long)]
    pub limit: Option<usize>,
    /// JSON lines (one story per line) instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Run the command.
pub fn run(args: StoriesArgs) -> Result<ExitCode, CliError> {
    let store = super::open_to_read(&args.db, ReadsFrom::FusedEvents)?;
    let stories = store.stories()?;
    let stories = &stories[..args.limit.unwrap_or(usize::MAX).min(stories.len())];
    let mut out = String::new();
    if args.json {
        for s in stories {
            out.push_str(&serde_json::to_string(s)?);
            out.push('\n');
        }
        write_stdout(out.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    let links = store.event_links()?;
    let mut by_event: HashMap<&str, Vec<String>> = HashMap::new();
    for l in &links {
        let word = serde_json::to_value(l.relation)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        by_event
            .entry(l.a.as_str())
            .or_default()
            .push(format!("{word} with {}: {}", l.b, l.detail));
        by_event
            .entry(l.b.as_str())
            .or_default()
            .push(format!("{word} with {}", l.a));
    }
    for s in stories {
        let _ = writeln!(
            out,
            "{}  {}  [{} .. {}]  {} events, {} articles",
            s.id,
            s.title,
            s.first.map_or("?".into(), |d| d.to_string()),
            s.last.map_or("?".into(), |d| d.to_string()),
            s.events.len(),
            s.articles.len()
        );
        for id in &s.events {
            if let Some(e) = store.fused_event(id)? {
                let ev = &e.event;
                let _ = writeln!(
                    out,
                    "  {} {:<34} {:<20} {} article(s)  {}",
                    ev.date.date.map_or("undated   ".into(), |d| d.to_string()),
                    ev.sub_event_type.acled_name(),
                    ev.location.as_ref().map_or("?", |p| p.name.as_str()),
                    ev.article_ids.len(),
                    e.id
                );
                for l in by_event.get(id.as_str()).into_iter().flatten() {
                    let _ = writeln!(out, "      {l}");
                }
            }
        }
    }
    if stories.is_empty() {
        // (said on stderr: the listing itself stays empty for scripts)
        eprintln!("sitrep: no stories yet: a story groups the events of articles that tell one episode (fused events of several articles, or linked accounts)");
    }
    write_stdout(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
