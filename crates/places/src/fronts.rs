//! Lines of contact as geometry (`data/front_lines.toml`, `data/gazetteer/front_places.tsv`).
//!
//! Monitors report fire on a stable front from the villages along it ("the SMM recorded
//! explosions near Vesele"). The held lists of a front name the settlements each side holds;
//! those the gazetteer places unambiguously in the front's provinces give the line's
//! geometry: a point lies on the line when settlements of both sides are close to it. During
//! the front's period this decides between namesakes in its provinces (the Vesele by the line,
//! not the one 70 km behind it). A held settlement the gazetteer lacks is placed in the
//! province `front_places.tsv` gives it, not in the first province the article's context
//! points to.

use crate::index::{NO_ADMIN1, TAG_PLACE};
use crate::normalise::{name_key, plain};
use crate::{data, Gazetteer};
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::Deserialize;

/// The fronts file shipped with sitrep: who holds what on each line of contact. Places reads
/// it for geometry; `sitrep-extract` for attributing fire (`front_lines.rs` there).
pub const FRONT_LINES_TOML: &str = include_str!("../../../data/front_lines.toml");

/// The rows of a fronts file as written (its header explains each field).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontFile {
    /// Every `[[front]]`.
    pub front: Vec<FrontRow>,
}

/// One `[[front]]` of the fronts file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontRow {
    /// Short key (`donbas`).
    pub id: String,
    /// Description.
    pub name: String,
    /// ACLED country name of the front's places.
    pub country: String,
    /// First day the held lists are true for.
    pub from: NaiveDate,
    /// Last day the held lists are true for.
    pub until: NaiveDate,
    /// Provinces the front runs through.
    #[serde(default)]
    pub admin1: Vec<String>,
    /// Where the held lists come from (for reviewers).
    pub source: String,
    /// The two sides.
    pub sides: Vec<FrontSide>,
}

/// One side of a front: the actor and the settlements it holds.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontSide {
    /// Words the actor dictionary resolves in the front's country.
    pub actor: String,
    /// Settlement names as monitors write them.
    pub held: Vec<String>,
}

impl FrontFile {
    /// Parses a fronts file (TOML).
    pub fn parse(text: &str) -> Result<FrontFile, toml::de::Error> {
        toml::from_str(text)
    }
}

/// One front's geometry.
#[derive(Debug, Clone)]
pub(crate) struct Front {
    /// Short key (`donbas`).
    pub id: String,
    /// Country index.
    pub country: u16,
    /// Admin1 indexes the front runs through.
    pub admin1: Vec<u16>,
    /// First and last day the held lists are true for.
    pub period: (NaiveDate, NaiveDate),
    /// Held settlements the gazetteer places unambiguously, per side: lat, lon.
    pub sides: [Vec<(f64, f64)>; 2],
    /// Name key of each held settlement → its province (`NO_ADMIN1` when unknown).
    pub held: FxHashMap<String, u16>,
}

impl Front {
    /// Whether the held lists are true on `date` (no date: the front is taken as it is).
    pub fn active(&self, date: Option<NaiveDate>) -> bool {
        date.is_none_or(|d| self.period.0 <= d && d <= self.period.1)
    }

    /// How far a point is from the line: the larger of its distances to the nearest placed
    /// settlement of each side (small only between the two sides, large behind either).
    pub fn line_km(&self, lat: f64, lon: f64) -> f64 {
        let nearest = |side: &[(f64, f64)]| {
            side.iter()
                .map(|&(la, lo)| crate::read::km(lat, lon, la, lo))
                .fold(f64::INFINITY, f64::min)
        };
        nearest(&self.sides[0]).max(nearest(&self.sides[1]))
    }

    /// Whether the front runs through province `a` of country `c`.
    pub fn covers(&self, c: u16, a: u16) -> bool {
        c == self.country && a != NO_ADMIN1 && self.admin1.contains(&a)
    }
}

impl Gazetteer {
    /// The fronts of `data/front_lines.toml` placed on this gazetteer (built on first use).
    pub(crate) fn fronts(&self) -> &[Front] {
        self.fronts
            .get_or_init(|| match self.build_fronts(FRONT_LINES_TOML) {
                Ok(f) => f,
                Err(e) => {
                    eprintln!("sitrep-places: front lines left out: {e}");
                    Vec::new()
                }
            })
    }

    /// The admin1 of country `c` named `name` (display, ASCII name or alias; spelling
    /// variants fold to one key).
    pub(crate) fn admin1_named(&self, c: u16, name: &str) -> Option<u16> {
        let want = name_key(name);
        self.admin1
            .iter()
            .position(|a| {
                a.country == c
                    && (name_key(&a.name) == want
                        || name_key(&a.ascii) == want
                        || a.aliases.iter().any(|al| name_key(al) == want))
            })
            .map(|i| i as u16)
    }

    pub(crate) fn build_fronts(&self, toml_text: &str) -> Result<Vec<Front>, String> {
        let rows = FrontFile::parse(toml_text).map_err(|e| e.to_string())?;
        let provinces =
            data::parse_front_places(data::FRONT_PLACES_TSV).map_err(|e| e.to_string())?;
        let mut out = Vec::new();
        for row in rows.front {
            let Some((c, _)) = self.lookup_country(&plain(&row.country)) else {
                return Err(format!(
                    "front '{}': unknown country {}",
                    row.id, row.country
                ));
            };
            let mut admin1 = Vec::new();
            for name in &row.admin1 {
                let a = self
                    .admin1_named(c, name)
                    .ok_or_else(|| format!("front '{}': unknown province {name}", row.id))?;
                admin1.push(a);
            }
            // provinces front_places.tsv gives held settlements
            let mut given: FxHashMap<String, u16> = FxHashMap::default();
            for p in provinces.iter().filter(|p| p.front == row.id) {
                let a = self
                    .admin1_named(c, &p.admin1)
                    .filter(|a| admin1.contains(a))
                    .ok_or_else(|| {
                        format!(
                            "front_places.tsv: {} is no province of front '{}'",
                            p.admin1, row.id
                        )
                    })?;
                for n in &p.names {
                    given.insert(name_key(n), a);
                }
            }
            let mut sides: [Vec<(f64, f64)>; 2] = [Vec::new(), Vec::new()];
            let mut held: FxHashMap<String, u16> = FxHashMap::default();
            for (s, side) in row.sides.iter().take(2).enumerate() {
                for name in &side.held {
                    let key = name_key(name);
                    let within = given.get(&key).map(|a| vec![*a]).unwrap_or(admin1.clone());
                    let mut found: Vec<usize> = self
                        .lookup_key(&key)
                        .iter()
                        .filter(|x| *x >> 30 == TAG_PLACE)
                        .map(|x| (x & 0x3fff_ffff) as usize)
                        .filter(|&i| {
                            let p = &self.places[i];
                            p.country == c && within.contains(&p.admin1)
                        })
                        .collect();
                    found.sort_unstable();
                    found.dedup();
                    let province = match found.as_slice() {
                        [i] => {
                            let p = &self.places[*i];
                            sides[s].push((f64::from(p.lat), f64::from(p.lon)));
                            p.admin1
                        }
                        _ => given.get(&key).copied().unwrap_or(NO_ADMIN1),
                    };
                    held.entry(key).or_insert(province);
                }
            }
            out.push(Front {
                id: row.id,
                country: c,
                admin1,
                period: (row.from, row.until),
                sides,
                held,
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use crate::Gazetteer;

    /// Prints each front's held settlements with the provinces the gazetteer has them in
    /// (a debugging aid for `front_places.tsv`).
    #[test]
    #[ignore]
    fn show_fronts() {
        let g = Gazetteer::embedded();
        for f in g.fronts() {
            println!("{} sides {} / {}", f.id, f.sides[0].len(), f.sides[1].len());
            let mut keys: Vec<_> = f.held.iter().collect();
            keys.sort();
            for (k, a) in keys {
                let mut provinces: Vec<String> = g
                    .lookup_key(k)
                    .iter()
                    .filter(|x| *x >> 30 == crate::index::TAG_PLACE)
                    .map(|x| &g.places[(x & 0x3fff_ffff) as usize])
                    .filter(|p| f.covers(p.country, p.admin1))
                    .map(|p| format!("{}:{}", g.admin1[p.admin1 as usize].name, p.name))
                    .collect();
                provinces.sort();
                let a = g.admin1.get(*a as usize).map_or("-", |a| a.name.as_str());
                println!("{k}\t{a}\t{provinces:?}");
            }
        }
    }
}
