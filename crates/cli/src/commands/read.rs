//! `sitrep read FILE`: one file's articles, each reading printed as pretty JSON; no database.

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
    for item in sitrep_ingest::ingest(std::slice::from_ref(&args.file), &args.input.options()) {
        match item {
            Ok(article) => {
                let reading = match read_guarded(&reader, &article, None) {
                    Ok(reading) => reading,
                    Err(message) => {
                        eprintln!("sitrep: {message}");
                        failed += 1;
                        continue;
                    }
                };
                let mut json = serde_json::to_vec_pretty(&reading)?;
                json.push(b'\n');
                write_stdout(&json)?;
                read += 1;
            }
            Err(e) => {
                eprintln!("sitrep: {e}");
                failed += 1;
            }
        }
    }
    if read == 0 {
        return Err(CliError::NothingRead(format!(
            "no article could be read from {} ({failed} failed)",
            args.file.display()
        )));
    }
    Ok(ExitCode::SUCCESS)
}
