/*!
Offline geocoder for conflict news (`sitrep-places`).

It finds the places an article names, as reporters write them (`Deir Ezzor`, `Dayr az Zawr`,
`Deir al-Zour`, `دير الزور`), decides which GeoNames entry each one is from what the whole
article says (countries and provinces named, demonyms, `Tafas in Dar'a`, ACLED-style
`in X (Y, Z)` qualifiers, population, capitals), and codes precision as ACLED
(`geo_precision` 1-3) and UCDP (`where_prec` 1-7) do. Every mention says which cue came before
it (in / near / towards / from / border), so the event location is where something happened,
not where a convoy was heading. Names the gazetteer lacks but the text clearly gives as a place
("the village of Baghuz ... in Deir Ezzor province") are kept with `unresolved_name: true`
and the coordinates of the containing area.

The index (GeoNames cities500 with Latin and Arabic alternate names, admin1 records with
centroids, countries with ACLED spellings) ships gzipped in `data/gazetteer/` and is embedded.

```
use sitrep_model::Span;
let gaz = sitrep_places::Gazetteer::embedded();
let text = "Shelling hit the outskirts of Idleb city in northwest Syria.";
let places = gaz.read_places(text, &[Span::new(0, text.len())]);
let main = places.primary().unwrap();
assert_eq!(main.place.country.as_deref(), Some("Syria"));
assert_eq!(main.place.geo_precision, 2);
assert_eq!(gaz.country_by_name("Yemeni"), Some("YE"));
```
*/

pub mod data;
pub mod fronts;
mod index;
pub mod normalise;
mod outlets;
mod read;
pub mod user;

pub use data::PlaceCue;
pub use index::{BuildSources, BuildSummary};
pub use read::{is_compass, km, ArticlePlaces, PlaceKind, PlaceMention, MODIFIER_SUFFIXES};
pub use user::{default_user_places_path, parse_user_places, UserPlace};

use index::{Admin1, Country, IndexData, Place, FLAG_CAPITAL};
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// The index shipped with the crate (GeoNames cities500, CC BY 4.0).
static EMBEDDED_INDEX: &[u8] = include_bytes!("../../../data/gazetteer/places.idx.gz");

/// Errors of loading or building the gazetteer.
#[derive(Debug, thiserror::Error)]
pub enum PlacesError {
    /// A file could not be read.
    #[error("{path}: {message}")]
    Io {
        /// The file.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// A line of a source or data file is not in the expected form.
    #[error("{file} line {line}: expected {expected}")]
    Parse {
        /// The file.
        file: String,
        /// 1-based line.
        line: usize,
        /// What was expected there.
        expected: String,
    },
    /// The binary index is truncated or malformed.
    #[error("gazetteer index at byte {offset}: expected {expected}")]
    Index {
        /// Offset into the uncompressed index.
        offset: usize,
        /// What was expected there.
        expected: String,
    },
}

/// Where a group or institution name points (a row of `context_words.tsv`, resolved).
#[derive(Debug, Clone)]
pub(crate) struct ContextHint {
    /// Country indexes.
    pub(crate) countries: Vec<u16>,
    /// Admin1 indexes.
    pub(crate) admin1: Vec<u16>,
}

/// The gazetteer: places, admin1 divisions and countries with a key map for matching.
/// Built once (see [`Gazetteer::embedded`]), then shared (`Send + Sync`).
pub struct Gazetteer {
    pub(crate) countries: Vec<Country>,
    pub(crate) admin1: Vec<Admin1>,
    pub(crate) places: Vec<Place>,
    /// Each country's capital (its most populous place flagged as one), by country index.
    pub(crate) capitals: Vec<Option<u32>>,
    /// Hash of a matching key → key number (the key text is checked on lookup).
    keys: FxHashMap<u64, u32>,
    /// Keys whose postings user places extend (the full postings, shipped ones included).
    pub(crate) extra_keys: FxHashMap<String, Vec<u32>>,
    key_blob: String,
    key_ends: Vec<u32>,
    postings: Vec<u32>,
    post_ends: Vec<u32>,
    /// `plain()` country name / alias / demonym → (country index, is a demonym).
    country_keys: FxHashMap<String, (u16, bool)>,
    country_by_iso: FxHashMap<String, u16>,
    /// Longest country phrase in words.
    pub(crate) country_max_words: usize,
    /// First words of the country phrases (to skip phrases that cannot be one).
    pub(crate) country_first_words: FxHashSet<String>,
    pub(crate) stoplist: FxHashSet<String>,
    /// Words for first-level divisions → the countries whose press calls them so
    /// (`place_words.tsv`, third column), by country index.
    pub(crate) admin1_terms: FxHashMap<String, Vec<u16>>,
    /// Countries whose place names come through transliteration from Arabic script
    /// (`transliterated_countries.txt`), by country index.
    pub(crate) transliterated: FxHashSet<u16>,
    /// Words that end a capitalised run: it is no part of the name before them.
    pub(crate) name_breaks: FxHashSet<String>,
    pub(crate) cues: Vec<(Vec<String>, PlaceCue)>,
    pub(crate) place_words: FxHashMap<String, data::PlaceWord>,
    /// Group/institution word → countries and provinces it points to (`context_words.tsv`);
    /// all-capital words are matched as written, others lowercased.
    pub(crate) context_words: FxHashMap<String, ContextHint>,
    /// Outlet name as an [`outlets::outlet_key`] → the countries it reports on (`outlets.tsv`;
    /// empty: worldwide).
    pub(crate) outlets: FxHashMap<String, Vec<u16>>,
    /// Lowercased words that end organisation names ("front", "watch").
    pub(crate) organisation_last: FxHashSet<String>,
    /// Lowercased words that start organisation names ("jaish", "liwa").
    pub(crate) organisation_first: FxHashSet<String>,
    /// Titles before a person's name ("president", "sheikh").
    pub(crate) person_before: FxHashSet<String>,
    /// Words after a person's name ("said", "who").
    pub(crate) person_after: FxHashSet<String>,
    /// Words that make a place the seat of who speaks (`speaker_seats.txt`).
    pub(crate) speaker_seats: data::SpeakerSeats,
    /// Areas inside an admin1 that ACLED names on their own (`admin1_areas.tsv`): admin1
    /// index, name, centre latitude and longitude, radius in km.
    pub(crate) admin1_areas: Vec<(u16, String, f64, f64, f64)>,
    /// First word of an admin1 abbreviation or a division as written ("J" of "J&K", "AJK",
    /// "Negros") → the whole names starting so and their admin1 (`admin1_abbreviations.tsv`,
    /// `division_qualifiers.tsv`), read where a qualifier stands.
    pub(crate) admin1_abbreviations: FxHashMap<String, Vec<(String, u16)>>,
    /// Lines of contact placed on the gazetteer (`data/front_lines.toml`), built on first use.
    pub(crate) fronts: OnceLock<Vec<fronts::Front>>,
    pub(crate) seats: OnceLock<Vec<Option<u32>>>,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("countries", &self.countries.len())
            .field("admin1", &self.admin1.len())
            .field("places", &self.places.len())
            .field("keys", &self.keys.len())
            .finish()
    }
}

impl Gazetteer {
    /// The embedded gazetteer, loaded on first use, with the user places file merged in
    /// when there is one (see [`default_user_places_path`]; `sitrep gazetteer add-places`
    /// writes it). A user file that cannot be used is reported on stderr and left out.
    pub fn embedded() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| {
            let mut g = Gazetteer::from_index_bytes(EMBEDDED_INDEX)
                .expect("the embedded data/gazetteer/places.idx.gz is valid");
            if let Some(path) = default_user_places_path().filter(|p| p.is_file()) {
                let name = path.display().to_string();
                let added = std::fs::read_to_string(&path)
                    .map_err(|e| PlacesError::Io {
                        path: name.clone(),
                        message: e.to_string(),
                    })
                    .and_then(|text| parse_user_places(&name, &text))
                    .and_then(|rows| g.add_user_places(&rows, &name));
                if let Err(e) = added {
                    eprintln!("sitrep-places: user places left out: {e}");
                }
            }
            g
        })
    }

    /// The shipped gazetteer alone, without user places (a fresh copy, not shared).
    pub fn shipped() -> Result<Gazetteer, PlacesError> {
        Gazetteer::from_index_bytes(EMBEDDED_INDEX)
    }

    /// Loads an index made by [`Gazetteer::build`].
    pub fn from_index_bytes(bytes: &[u8]) -> Result<Gazetteer, PlacesError> {
        let d = IndexData::decode(bytes)?;
        let mut keys: FxHashMap<u64, u32> = FxHashMap::default();
        keys.reserve(d.key_ends.len());
        let mut start = 0usize;
        for (i, &end) in d.key_ends.iter().enumerate() {
            let k = &d.key_blob[start..end as usize];
            keys.entry(key_hash(k)).or_insert(i as u32);
            start = end as usize;
        }
        let mut capitals: Vec<Option<u32>> = vec![None; d.countries.len()];
        for (ix, p) in d.places.iter().enumerate() {
            if p.flags & FLAG_CAPITAL == 0 {
                continue;
            }
            let Some(slot) = capitals.get_mut(usize::from(p.country)) else {
                continue;
            };
            if slot.is_none_or(|c| d.places[c as usize].population < p.population) {
                *slot = Some(ix as u32);
            }
        }
        let mut country_by_iso = FxHashMap::default();
        for (i, c) in d.countries.iter().enumerate() {
            country_by_iso.insert(c.iso2.clone(), i as u16);
        }
        let rows = data::parse_countries(data::COUNTRIES_TSV)?;
        let mut country_keys: FxHashMap<String, (u16, bool)> = FxHashMap::default();
        let mut country_max_words = 1;
        // ACLED names first, so "China" stays China when Hong Kong is also written so.
        for pass in 0..3 {
            for row in &rows {
                let Some(&ix) = country_by_iso.get(&row.iso2) else {
                    continue;
                };
                let names: Vec<&String> = match pass {
                    0 => vec![&row.name],
                    1 => row.aliases.iter().collect(),
                    _ => row.demonyms.iter().collect(),
                };
                for n in names {
                    let k = normalise::plain(n);
                    if k.is_empty() {
                        continue;
                    }
                    country_max_words = country_max_words.max(k.split(' ').count());
                    country_keys.entry(k).or_insert((ix, pass == 2));
                }
            }
        }
        let country_first_words = country_keys
            .keys()
            .filter_map(|k| k.split(' ').next())
            .map(str::to_owned)
            .collect();
        let cues = data::parse_cues(data::CUES_TSV)?;
        let place_words = data::parse_place_words(data::PLACE_WORDS_TSV)?
            .into_iter()
            .collect();
        let stoplist = data::parse_stoplist(data::STOPLIST_TXT)
            .into_iter()
            .collect();
        let name_breaks = data::parse_stoplist(data::NAME_BREAKS_TXT)
            .into_iter()
            .collect();
        let admin1_terms = data::parse_admin1_terms(data::PLACE_WORDS_TSV)
            .into_iter()
            .map(|(word, isos)| {
                let countries = isos
                    .iter()
                    .filter_map(|iso| country_by_iso.get(iso).copied())
                    .collect();
                (word, countries)
            })
            .collect();
        let transliterated = data::parse_stoplist(data::TRANSLITERATED_COUNTRIES_TXT)
            .into_iter()
            .filter_map(|iso| country_by_iso.get(&iso.to_uppercase()).copied())
            .collect();
        let mut context_words: FxHashMap<String, ContextHint> = FxHashMap::default();
        for row in data::parse_context_words(data::CONTEXT_WORDS_TSV)? {
            let countries: Vec<u16> = row
                .countries
                .iter()
                .filter_map(|iso| country_by_iso.get(iso).copied())
                .collect();
            if countries.is_empty() {
                continue;
            }
            let admin1: Vec<u16> = row
                .admin1
                .iter()
                .filter_map(|key| {
                    let (cc, code) = key.split_once('.')?;
                    let c = *country_by_iso.get(cc)?;
                    d.admin1
                        .iter()
                        .position(|a| a.country == c && a.code == code)
                        .map(|i| i as u16)
                })
                .collect();
            // only the first word of a phrase is matched ("Ansar Allah" -> "ansar")
            let first = row.word.split(' ').next().unwrap_or(&row.word);
            let key = if first.chars().all(|c| c.is_uppercase()) {
                first.to_owned()
            } else {
                first.to_lowercase()
            };
            context_words.insert(key, ContextHint { countries, admin1 });
        }
        let outlets = data::parse_outlets(data::OUTLETS_TSV)?
            .into_iter()
            .map(|(name, codes)| {
                let countries = codes
                    .iter()
                    .filter_map(|iso| country_by_iso.get(iso).copied())
                    .collect();
                (outlets::outlet_key(&name), countries)
            })
            .fold(FxHashMap::default(), |mut map, (key, countries)| {
                map.entry(key).or_insert(countries);
                map
            });
        let (organisation_last, organisation_first) =
            data::parse_organisation_words(data::ORGANISATION_WORDS_TXT)?;
        let (person_before, person_after) = data::parse_person_cues(data::PERSON_CUES_TXT)?;
        let speaker_seats = data::parse_speaker_seats(data::SPEAKER_SEATS_TXT)?;
        let admin1_areas = data::parse_admin1_areas(data::ADMIN1_AREAS_TSV)?
            .into_iter()
            .filter_map(|row| {
                let (cc, code) = row.key.split_once('.')?;
                let c = *country_by_iso.get(cc)?;
                let ix = d
                    .admin1
                    .iter()
                    .position(|a| a.country == c && a.code == code)?;
                Some((ix as u16, row.name, row.lat, row.lon, row.radius_km))
            })
            .collect();
        let mut admin1_abbreviations: FxHashMap<String, Vec<(String, u16)>> = FxHashMap::default();
        let qualifier_names = data::parse_admin1_abbreviations(data::ADMIN1_ABBREVIATIONS_TSV)?
            .into_iter()
            .chain(data::parse_division_qualifiers(
                data::DIVISION_QUALIFIERS_TSV,
            )?);
        for (abbr, key) in qualifier_names {
            let Some(a) = key.split_once('.').and_then(|(cc, code)| {
                let c = *country_by_iso.get(cc)?;
                d.admin1
                    .iter()
                    .position(|a| a.country == c && a.code == code)
            }) else {
                continue;
            };
            let first = abbr
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("")
                .to_owned();
            admin1_abbreviations
                .entry(first)
                .or_default()
                .push((abbr, a as u16));
        }
        Ok(Gazetteer {
            countries: d.countries,
            admin1: d.admin1,
            places: d.places,
            capitals,
            keys,
            extra_keys: FxHashMap::default(),
            key_blob: d.key_blob,
            key_ends: d.key_ends,
            postings: d.postings,
            post_ends: d.post_ends,
            country_keys,
            country_by_iso,
            country_max_words,
            country_first_words,
            stoplist,
            admin1_terms,
            transliterated,
            name_breaks,
            cues,
            place_words,
            context_words,
            outlets,
            organisation_last: organisation_last.into_iter().collect(),
            organisation_first: organisation_first.into_iter().collect(),
            person_before: person_before.into_iter().collect(),
            person_after: person_after.into_iter().collect(),
            speaker_seats,
            admin1_areas,
            admin1_abbreviations,
            fronts: OnceLock::new(),
            seats: OnceLock::new(),
        })
    }

    /// Builds index bytes from GeoNames files (`cities500.json.gz` or a 19-column dump such
    /// as `allCountries.txt`, plus `admin1CodesASCII.txt` and the countries JSON).
    /// Write the bytes to `data/gazetteer/places.idx.gz` to ship them.
    pub fn build(src: &BuildSources) -> Result<(Vec<u8>, BuildSummary), PlacesError> {
        index::build(src)
    }

    /// Country name as ACLED writes it, from an ISO 3166-1 alpha-2 code.
    pub fn country_name(&self, iso2: &str) -> Option<&str> {
        let ix = self.country_by_iso.get(&iso2.to_ascii_uppercase())?;
        Some(self.countries[usize::from(*ix)].name.as_str())
    }

    /// ISO alpha-2 code from a country name, other name or demonym (`Syrian` → `SY`).
    pub fn country_by_name(&self, name_or_demonym: &str) -> Option<&str> {
        let (ix, _) = self.country_keys.get(&normalise::plain(name_or_demonym))?;
        Some(self.countries[usize::from(*ix)].iso2.as_str())
    }

    /// Display name and aliases of the admin1 named `name` in country `iso2` (empty when
    /// there is none): lets a caller compare with other spellings ("Rural Damascus").
    pub fn admin1_aliases(&self, iso2: &str, name: &str) -> Vec<&str> {
        let Some(c) = self.country_index(iso2) else {
            return Vec::new();
        };
        self.admin1
            .iter()
            .filter(|a| a.country == c && a.name == name)
            .flat_map(|a| {
                std::iter::once(a.name.as_str())
                    .chain(std::iter::once(a.ascii.as_str()))
                    .chain(a.aliases.iter().map(String::as_str))
            })
            .collect()
    }

    /// Number of places, admin1 records and countries.
    pub fn sizes(&self) -> (usize, usize, usize) {
        (self.places.len(), self.admin1.len(), self.countries.len())
    }

    /// Postings (`tag << 30 | index`) of a matching key.
    pub(crate) fn lookup_key(&self, key: &str) -> &[u32] {
        if !self.extra_keys.is_empty() {
            if let Some(p) = self.extra_keys.get(key) {
                return p;
            }
        }
        let Some(&i) = self.keys.get(&key_hash(key)) else {
            return &[];
        };
        let i = i as usize;
        let ks = if i == 0 {
            0
        } else {
            self.key_ends[i - 1] as usize
        };
        if &self.key_blob[ks..self.key_ends[i] as usize] != key {
            return &[];
        }
        let ps = if i == 0 {
            0
        } else {
            self.post_ends[i - 1] as usize
        };
        &self.postings[ps..self.post_ends[i] as usize]
    }

    /// Country index of a `plain()` phrase, and whether it is a demonym.
    pub(crate) fn lookup_country(&self, plain: &str) -> Option<(u16, bool)> {
        self.country_keys.get(plain).copied()
    }

    /// Country index from an ISO code.
    pub(crate) fn country_index(&self, iso2: &str) -> Option<u16> {
        self.country_by_iso.get(iso2).copied()
    }
}

/// Hash of a matching key.
fn key_hash(key: &str) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = rustc_hash::FxBuildHasher.build_hasher();
    h.write(key.as_bytes());
    h.finish()
}

#[cfg(test)]
mod tests;
