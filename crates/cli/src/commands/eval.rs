//! `sitrep eval acled|case|seeds|wikievents`: the reader measured against coded data (sitrep-eval).

use super::{write_stdout, CliError};
use clap::{Args, Subcommand};
use serde::Serialize;
use sitrep_extract::Reader;
use std::fmt::Display;
use std::path::PathBuf;
use std::process::ExitCode;

/// Evaluations.
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// ACLED export: each `notes` text read as an article of its `event_date`.
    Acled(EvalArgs),
    /// CASE 2021 task 2 snippets (TSV).
    Case(EvalArgs),
    /// The seed articles and their expected.json (a directory).
    Seeds(EvalArgs),
    /// WikiEvents dev.jsonl: recall of attack, killing and injury mentions.
    Wikievents(EvalArgs),
}

/// Arguments of an evaluation.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// The file (acled, case) or directory (seeds).
    pub path: PathBuf,
    /// Print the report as one JSON object.
    #[arg(long)]
    pub json: bool,
}

fn print<R: Display + Serialize>(report: &R, json: bool) -> Result<(), CliError> {
    let text = if json {
        serde_json::to_string(report)?
    } else {
        report.to_string()
    };
    write_stdout(format!("{text}\n").as_bytes())
}

/// Run the command.
pub fn run(cmd: EvalCommand) -> Result<ExitCode, CliError> {
    let reader = Reader::new();
    match cmd {
        EvalCommand::Acled(a) => print(&sitrep_eval::eval_acled(&a.path, &reader)?, a.json)?,
        EvalCommand::Case(a) => print(&sitrep_eval::eval_case(&a.path, &reader)?, a.json)?,
        EvalCommand::Seeds(a) => print(&sitrep_eval::eval_seeds(&a.path, &reader)?, a.json)?,
        EvalCommand::Wikievents(a) => {
            print(&sitrep_eval::eval_wikievents(&a.path, &reader)?, a.json)?
        }
    }
    Ok(ExitCode::SUCCESS)
}
