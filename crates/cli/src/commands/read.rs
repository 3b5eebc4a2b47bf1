//! `sitrep read FILE`: one file's articles read, no database: one article's reading as pretty
//! JSON; several (a JSONL, CSV or feed file) as JSON Lines, one reading a line.

use super::{quiet_panics, read_guarded, write_stdout, CliError, InputArgs};
use clap::Args;
use sitrep_extract::Reader;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `sitrep read`.
#[derive(Debug, Args)]
pub struct ReadArgs {
    /// The file (.txt, .html, .jsonl, .csv, or a feed: .rss .atom .xml).
    pub file: PathBuf,
    /// Metadata and CSV columns.
    #[command(flatten)]
    pub input: InputArgs,
}

/// Run the command.
pub fn run(args: ReadArgs) -> Result<ExitCode, CliError> {
    let reader = Reader::new();
    quiet_panics();
    let mut read = 0;
    let mut failed = 0;
    // the first reading waits: alone it is printed pretty, with others one a line
    let mut first: Option<sitrep_model::Reading> = None;
    let mut items = sitrep_ingest::ingest(std::slice::from_ref(&args.file), &args.input.options());
    while let Some(item) = items.next() {
        for warning in items.take_warnings() {
            eprintln!("sitrep: warning: {warning}");
        }
        match item {
            Ok(article) => {
                if article.published.is_none() {
                    eprintln!(
                        "sitrep: warning: {}: no publication date: relative dates (such as \"on Sunday\") stay unresolved; give one with --published",
                        article.origin
                    );
                }
                if let Some(warning) = sitrep_extract::language_warning(&article) {
                    eprintln!("sitrep: warning: {}: {warning}", article.origin);
                }
                let reading = match read_guarded(&reader, &article, None) {
                    Ok(reading) => reading,
                    Err(message) => {
                        eprintln!("sitrep: {message}");
                        failed += 1;
                        continue;
                    }
                };
                read += 1;
                if read == 1 {
                    first = Some(reading);
                    continue;
                }
                let mut out = Vec::new();
                if let Some(first) = first.take() {
                    out.extend(serde_json::to_vec(&first)?);
                    out.push(b'\n');
                }
                out.extend(serde_json::to_vec(&reading)?);
                out.push(b'\n');
                write_stdout(&out)?;
            }
            Err(e) => {
                eprintln!("sitrep: {e}");
                failed += 1;
            }
        }
    }
    for warning in items.take_warnings() {
        eprintln!("sitrep: warning: {warning}");
    }
    if let Some(only) = first {
        let mut json = serde_json::to_vec_pretty(&only)?;
        json.push(b'\n');
        write_stdout(&json)?;
    }
    if read == 0 {
        return Err(CliError::NothingRead(format!(
            "no article could be read from {} ({failed} failed)",
            args.file.display()
        )));
    }
    Ok(ExitCode::SUCCESS)
}
