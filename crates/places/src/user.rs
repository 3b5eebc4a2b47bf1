//! User places: a TSV of places the GeoNames extract lacks (front villages, camps,
//! neighbourhoods), merged into the index when it is loaded.
//!
//! Columns, tab-separated, one place a line (`#` comments and a `name<TAB>...` header allowed):
//! `name`, `alternate names` (`|`-separated, may be empty), `lat`, `lon`, `country` (ISO
//! alpha-2 or a name such as "Syria"), `admin1` (its name or an alias such as "Deir Ezzor";
//! may be empty). A user place is matched like a GeoNames place, under all its names, and is
//! preferred to a namesake of the same spelling.

use crate::index::{Place, FLAG_USER, NO_ADMIN1, TAG_PLACE};
use crate::normalise::name_key;
use crate::{Gazetteer, PlacesError};
use std::path::{Path, PathBuf};

/// One row of a user places file.
#[derive(Debug, Clone, PartialEq)]
pub struct UserPlace {
    /// The name to show.
    pub name: String,
    /// Other spellings it is written with.
    pub alternates: Vec<String>,
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// ISO alpha-2 code or country name, as written in the file.
    pub country: String,
    /// Admin1 name or alias, as written (empty when not given).
    pub admin1: String,
    /// 1-based line in its file.
    pub line: usize,
}

/// The columns a user places file has.
pub const USER_PLACES_COLUMNS: &str =
    "name<TAB>alternate names (|-separated)<TAB>lat<TAB>lon<TAB>country<TAB>admin1";

/// Parses a user places TSV (`file` names it in errors).
pub fn parse_user_places(file: &str, text: &str) -> Result<Vec<UserPlace>, PlacesError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        let trimmed = line.trim_end_matches('\r');
        if trimmed.trim().is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = trimmed.split('\t').map(str::trim).collect();
        if out.is_empty() && cols.first().is_some_and(|c| c.eq_ignore_ascii_case("name")) {
            continue; // header
        }
        let bad = |what: &str| PlacesError::Parse {
            file: file.to_owned(),
            line: line_no,
            expected: what.to_owned(),
        };
        if cols.len() < 5 || cols[0].is_empty() {
            return Err(bad(USER_PLACES_COLUMNS));
        }
        let lat: f64 = cols[2]
            .parse()
            .ok()
            .filter(|v: &f64| (-90.0..=90.0).contains(v))
            .ok_or_else(|| bad("a latitude between -90 and 90 in column 3"))?;
        let lon: f64 = cols[3]
            .parse()
            .ok()
            .filter(|v: &f64| (-180.0..=180.0).contains(v))
            .ok_or_else(|| bad("a longitude between -180 and 180 in column 4"))?;
        if cols[4].is_empty() {
            return Err(bad("a country (ISO code or name) in column 5"));
        }
        out.push(UserPlace {
            name: cols[0].to_owned(),
            alternates: cols[1]
                .split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(str::to_owned)
                .collect(),
            lat,
            lon,
            country: cols[4].to_owned(),
            admin1: cols.get(5).copied().unwrap_or("").to_owned(),
            line: line_no,
        });
    }
    Ok(out)
}

/// Where the user places file is looked for: `$SITREP_USER_PLACES` (empty: none), else
/// `$XDG_CONFIG_HOME/sitrep/places.tsv`, else `$HOME/.config/sitrep/places.tsv`.
pub fn default_user_places_path() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("SITREP_USER_PLACES") {
        return (!p.trim().is_empty()).then(|| PathBuf::from(p));
    }
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("sitrep").join("places.tsv"))
}

impl Gazetteer {
    /// Merges user places into this gazetteer; returns how many were added. Fails, naming
    /// the line, on a country or admin1 it does not know.
    pub fn add_user_places(
        &mut self,
        rows: &[UserPlace],
        file: &str,
    ) -> Result<usize, PlacesError> {
        // (user places may place held settlements of a front: its geometry is built again)
        self.fronts = std::sync::OnceLock::new();
        // resolve everything first, so a bad row leaves the gazetteer unchanged
        let mut resolved = Vec::with_capacity(rows.len());
        for row in rows {
            let bad = |what: String| PlacesError::Parse {
                file: file.to_owned(),
                line: row.line,
                expected: what,
            };
            let iso = if row.country.len() == 2 {
                Some(row.country.to_ascii_uppercase())
            } else {
                self.country_by_name(&row.country).map(str::to_owned)
            };
            let country = iso
                .as_deref()
                .and_then(|iso| self.country_index(iso))
                .ok_or_else(|| bad(format!("a known country, not {:?}", row.country)))?;
            let admin1 = if row.admin1.is_empty() {
                NO_ADMIN1
            } else {
                self.admin1_named(country, &row.admin1).ok_or_else(|| {
                    bad(format!(
                        "an admin1 of {}, not {:?}",
                        self.countries[usize::from(country)].name,
                        row.admin1
                    ))
                })?
            };
            resolved.push((row, country, admin1));
        }
        for (row, country, admin1) in resolved {
            let ix = self.places.len() as u32;
            self.places.push(Place {
                id: 0,
                name: row.name.clone(),
                lat: row.lat as f32,
                lon: row.lon as f32,
                country,
                admin1,
                population: 0,
                flags: FLAG_USER,
            });
            let mut keys: Vec<String> = Vec::new();
            for n in std::iter::once(&row.name).chain(&row.alternates) {
                let k = name_key(n);
                if !k.is_empty() && !keys.contains(&k) {
                    keys.push(k);
                }
            }
            for k in keys {
                let posting = TAG_PLACE << 30 | ix;
                if !self.extra_keys.contains_key(&k) {
                    let base = self.lookup_key(&k).to_vec();
                    self.extra_keys.insert(k.clone(), base);
                }
                if let Some(p) = self.extra_keys.get_mut(&k) {
                    p.push(posting);
                }
            }
        }
        Ok(rows.len())
    }

    /// This gazetteer with the places of a user places file merged in.
    pub fn with_user_places(mut self, path: &Path) -> Result<Gazetteer, PlacesError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| PlacesError::Io {
            path: name.clone(),
            message: e.to_string(),
        })?;
        let rows = parse_user_places(&name, &text)?;
        self.add_user_places(&rows, &name)?;
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::Span;

    const SAMPLE: &str = "name\talternates\tlat\tlon\tcountry\tadmin1\n\
        # front villages missing from cities500\n\
        Baghuz Fawqani\tBaghouz|al-Baghuz|الباغوز\t34.4617\t40.9431\tSY\tDeir Ezzor\n\
        Wadi Daiqah\t\t13.52\t45.98\tYemen\tAbyan\n";

    fn gazetteer_with_sample() -> Gazetteer {
        let mut g = Gazetteer::from_index_bytes(crate::EMBEDDED_INDEX).unwrap();
        let rows = parse_user_places("sample.tsv", SAMPLE).unwrap();
        assert_eq!(g.add_user_places(&rows, "sample.tsv").unwrap(), 2);
        g
    }

    #[test]
    fn user_places_parse_with_header_comments_and_alternates() {
        let rows = parse_user_places("sample.tsv", SAMPLE).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].alternates.len(), 3);
        assert_eq!(rows[0].line, 3);
        assert_eq!(rows[1].admin1, "Abyan");
        assert!(rows[1].alternates.is_empty());
    }

    #[test]
    fn malformed_user_places_name_the_line() {
        let err = parse_user_places("u.tsv", "X\t\t95\t10\tSY\n").unwrap_err();
        assert!(err.to_string().contains("u.tsv line 1") && err.to_string().contains("latitude"));
        assert!(parse_user_places("u.tsv", "X\t\t35\t10\n").is_err());
        let mut g = Gazetteer::from_index_bytes(crate::EMBEDDED_INDEX).unwrap();
        let rows = parse_user_places("u.tsv", "\n\nX\t\t35\t40\tSY\tAtlantis\n").unwrap();
        let err = g.add_user_places(&rows, "u.tsv").unwrap_err().to_string();
        assert!(err.contains("line 3") && err.contains("Atlantis"), "{err}");
        let rows = parse_user_places("u.tsv", "X\t\t35\t40\tNowhere\t\n").unwrap();
        assert!(g.add_user_places(&rows, "u.tsv").is_err());
    }

    #[test]
    fn user_places_are_found_under_every_name() {
        let g = gazetteer_with_sample();
        for text in [
            "Fighting went on in Baghouz overnight.",
            "Fighting went on in al-Baghuz overnight.",
            "Fighting went on in Baghuz Fawqani overnight.",
        ] {
            let p = g.read_places(text, &[Span::new(0, text.len())]);
            let m = p.primary().unwrap_or_else(|| panic!("nothing in {text}"));
            assert_eq!(m.place.name, "Baghuz Fawqani", "{text}");
            assert!(!m.place.unresolved_name);
            assert_eq!(m.place.geonameid, None);
            assert_eq!(m.place.admin1.as_deref(), Some("Deir ez-Zor"));
            assert_eq!(m.place.geo_precision, 1);
            assert!((m.place.lat.unwrap() - 34.4617).abs() < 1e-3);
        }
        let text = "Houthi shells fell on Wadi Daiqah on Monday.";
        let p = g.read_places(text, &[Span::new(0, text.len())]);
        let m = p.primary().unwrap();
        assert_eq!(m.place.country_code.as_deref(), Some("YE"));
        assert_eq!(m.place.admin1.as_deref(), Some("Abyan"));
    }

    #[test]
    fn user_places_keep_the_geonames_namesakes() {
        let mut g = Gazetteer::from_index_bytes(crate::EMBEDDED_INDEX).unwrap();
        let rows =
            parse_user_places("u.tsv", "Damascus Gate\tDamascus\t31.78\t35.23\tPS\t\n").unwrap();
        g.add_user_places(&rows, "u.tsv").unwrap();
        let text = "Syrian state media said a car bomb exploded in Damascus.";
        let p = g.read_places(text, &[Span::new(0, text.len())]);
        assert_eq!(p.primary().unwrap().place.geonameid, Some(170654));
    }

    #[test]
    fn user_places_file_is_read_from_a_path() {
        let dir = std::env::temp_dir().join(format!("sitrep-user-places-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("places.tsv");
        std::fs::write(&path, SAMPLE).unwrap();
        let g = Gazetteer::from_index_bytes(crate::EMBEDDED_INDEX)
            .unwrap()
            .with_user_places(&path)
            .unwrap();
        let plain = Gazetteer::from_index_bytes(crate::EMBEDDED_INDEX).unwrap();
        assert_eq!(g.sizes().0, plain.sizes().0 + 2);
        let missing = Gazetteer::from_index_bytes(crate::EMBEDDED_INDEX)
            .unwrap()
            .with_user_places(&dir.join("none.tsv"));
        assert!(missing.unwrap_err().to_string().contains("none.tsv"));
        std::fs::remove_dir_all(&dir).ok();
    }
}
