//! The reviewed data files under `data/gazetteer/`, embedded and parsed: country names and
//! demonyms, ACLED admin1 spellings, the stoplist, cue phrases and place-type words.

use crate::PlacesError;
use std::sync::OnceLock;

/// `countries.tsv`: iso2, ACLED name, other names and demonyms.
pub const COUNTRIES_TSV: &str = include_str!("../../../data/gazetteer/countries.tsv");
/// `admin1_acled.tsv`: GeoNames admin1 code, ACLED display name, aliases.
pub const ADMIN1_TSV: &str = include_str!("../../../data/gazetteer/admin1_acled.tsv");
/// `stoplist.txt`: capitalised words never taken as a one-word place name.
pub const STOPLIST_TXT: &str = include_str!("../../../data/gazetteer/stoplist.txt");
/// `name_breaks.txt`: capitalised words that never continue a place name (weekdays, months,
/// sources: "near Damascus Friday", "Saraqib Idlib Twitter").
pub const NAME_BREAKS_TXT: &str = include_str!("../../../data/gazetteer/name_breaks.txt");
/// `cues.tsv`: phrases before a name and the role they give it.
pub const CUES_TSV: &str = include_str!("../../../data/gazetteer/cues.tsv");
/// `place_words.tsv`: words after a name that say what kind of place it is.
pub const PLACE_WORDS_TSV: &str = include_str!("../../../data/gazetteer/place_words.tsv");

/// `context_words.tsv`: group and institution names that point to one country (or a few),
/// and sometimes to its provinces.
pub const CONTEXT_WORDS_TSV: &str = include_str!("../../../data/gazetteer/context_words.tsv");

/// `organisation_words.txt`: words that end (`last:front`) or start (`first:jaish`) the names
/// of organisations, never places.
pub const ORGANISATION_WORDS_TXT: &str =
    include_str!("../../../data/gazetteer/organisation_words.txt");

/// Parses `organisation_words.txt` into (words that end names, words that start names),
/// lowercased. A line without `last:` or `first:` is an error naming it.
pub fn parse_organisation_words(text: &str) -> Result<(Vec<String>, Vec<String>), PlacesError> {
    parse_two_word_lists("organisation_words.txt", text, ["last", "first"])
}

/// Words a line, each tagged with one of two tags (`tag:word`), lowercased, into two lists.
fn parse_two_word_lists(
    file: &'static str,
    text: &str,
    tags: [&str; 2],
) -> Result<(Vec<String>, Vec<String>), PlacesError> {
    let (mut one, mut two) = (Vec::new(), Vec::new());
    for (line, cols) in rows(file, text) {
        let entry = cols.concat();
        let list = match entry.trim().split_once(':') {
            Some((tag, w)) if !w.trim().is_empty() && tag == tags[0] => &mut one,
            Some((tag, w)) if !w.trim().is_empty() && tag == tags[1] => &mut two,
            _ => {
                let expected = format!("{}:WORD or {}:WORD", tags[0], tags[1]);
                return Err(bad(file, line, &expected));
            }
        };
        let word = entry
            .trim()
            .split_once(':')
            .map(|(_, w)| w.trim())
            .unwrap_or("");
        list.push(word.to_lowercase());
    }
    Ok((one, two))
}

/// `person_cues.txt`: titles before (`before:president`) and verbs after (`after:said`) a
/// person's name.
pub const PERSON_CUES_TXT: &str = include_str!("../../../data/gazetteer/person_cues.txt");

/// Parses `person_cues.txt` into (words before a person's name, words after it), lowercased.
pub fn parse_person_cues(text: &str) -> Result<(Vec<String>, Vec<String>), PlacesError> {
    parse_two_word_lists("person_cues.txt", text, ["before", "after"])
}

/// `speaker_seats.txt`: words that make a place the seat of who speaks or reports
/// (`body:media center`, `at:reporter`, `of:council`).
pub const SPEAKER_SEATS_TXT: &str = include_str!("../../../data/gazetteer/speaker_seats.txt");

/// The words of `speaker_seats.txt`, lowercased.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SpeakerSeats {
    /// Two words right after the place: a body named after it ("media center").
    pub body: Vec<(String, String)>,
    /// A word right before "in"/"at" and the place ("reporter", "source").
    pub at: Vec<String>,
    /// A word right before "of" and the place ("council").
    pub of: Vec<String>,
    /// A word among the two after the place's possessive: an office of it ("Balochistan's
    /// home minister", "Idlib's health directorate").
    pub poss: Vec<String>,
}

/// Parses `speaker_seats.txt`: `body:WORD WORD`, `at:WORD`, `of:WORD` or `poss:WORD` a line.
pub fn parse_speaker_seats(text: &str) -> Result<SpeakerSeats, PlacesError> {
    let file = "speaker_seats.txt";
    let expected = "body:WORD WORD, at:WORD, of:WORD or poss:WORD";
    let mut out = SpeakerSeats::default();
    for (line, cols) in rows(file, text) {
        let entry = cols.concat().to_lowercase();
        let words: Vec<&str> = match entry.trim().split_once(':') {
            Some((_, w)) => w.split_whitespace().collect(),
            None => return Err(bad(file, line, expected)),
        };
        match (
            entry.trim().split_once(':').map(|(t, _)| t),
            words.as_slice(),
        ) {
            (Some("body"), [a, b]) => out.body.push(((*a).to_owned(), (*b).to_owned())),
            (Some("at"), [w]) => out.at.push((*w).to_owned()),
            (Some("of"), [w]) => out.of.push((*w).to_owned()),
            (Some("poss"), [w]) => out.poss.push((*w).to_owned()),
            _ => return Err(bad(file, line, expected)),
        }
    }
    Ok(out)
}

/// `admin1_areas.tsv`: first-level units ACLED writes that GeoNames folds into a larger
/// admin1 (the City of Belgrade in Central Serbia), as a point and a radius.
pub const ADMIN1_AREAS_TSV: &str = include_str!("../../../data/gazetteer/admin1_areas.tsv");

/// A row of `admin1_areas.tsv`.
#[derive(Debug, Clone, PartialEq)]
pub struct Admin1Area {
    /// `CC.code` of the GeoNames admin1 the area lies in.
    pub key: String,
    /// Name ACLED writes for places in the area.
    pub name: String,
    /// Centre latitude.
    pub lat: f64,
    /// Centre longitude.
    pub lon: f64,
    /// Radius in km.
    pub radius_km: f64,
}

/// Parses `admin1_areas.tsv`: `CC.code`, name, lat, lon, radius km.
pub fn parse_admin1_areas(text: &str) -> Result<Vec<Admin1Area>, PlacesError> {
    let file = "admin1_areas.tsv";
    let expected = "CC.code<TAB>name<TAB>lat<TAB>lon<TAB>radius km";
    let mut out = Vec::new();
    for (line, cols) in rows(file, text) {
        let num = |i: usize| cols.get(i).and_then(|c| c.trim().parse::<f64>().ok());
        match (num(2), num(3), num(4)) {
            (Some(lat), Some(lon), Some(radius_km))
                if cols[0].contains('.') && !cols[1].is_empty() && radius_km > 0.0 =>
            {
                out.push(Admin1Area {
                    key: cols[0].to_owned(),
                    name: cols[1].to_owned(),
                    lat,
                    lon,
                    radius_km,
                })
            }
            _ => return Err(bad(file, line, expected)),
        }
    }
    Ok(out)
}

/// `admin1_abbreviations.tsv`: short forms of first-level divisions written as a place's
/// qualifier ("(Haveli district, AJK)", "Pipri, Kaushambi (UP)").
pub const ADMIN1_ABBREVIATIONS_TSV: &str =
    include_str!("../../../data/gazetteer/admin1_abbreviations.tsv");

/// Parses `admin1_abbreviations.tsv`: the abbreviation as written (capitals, no spaces) and
/// the `CC.code` of its admin1.
pub fn parse_admin1_abbreviations(text: &str) -> Result<Vec<(String, String)>, PlacesError> {
    parse_qualifier_names("admin1_abbreviations.tsv", text, true)
}

/// `division_qualifiers.tsv`: second-level divisions written as a place's qualifier where
/// GeoNames' admin1 are regions ("Cawayan, Masbate"), with the admin1 containing them.
pub const DIVISION_QUALIFIERS_TSV: &str =
    include_str!("../../../data/gazetteer/division_qualifiers.tsv");

/// Parses `division_qualifiers.tsv`: a division's name as written and the `CC.code` of the
/// admin1 containing it.
pub fn parse_division_qualifiers(text: &str) -> Result<Vec<(String, String)>, PlacesError> {
    parse_qualifier_names("division_qualifiers.tsv", text, false)
}

/// Rows of a name (all capitals when `capitals`, no spaces then) and a `CC.code`.
fn parse_qualifier_names(
    file: &'static str,
    text: &str,
    capitals: bool,
) -> Result<Vec<(String, String)>, PlacesError> {
    let expected = if capitals {
        "ABBREVIATION (capitals, no spaces)<TAB>CC.code"
    } else {
        "Name (capitalised)<TAB>CC.code"
    };
    let mut out = Vec::new();
    for (line, cols) in rows(file, text) {
        let name = cols[0].trim();
        let key = cols.get(1).map(|c| c.trim()).unwrap_or("");
        let written_ok = if capitals {
            name.chars().any(char::is_uppercase)
                && !name.chars().any(|c| c.is_lowercase() || c.is_whitespace())
        } else {
            name.starts_with(char::is_uppercase)
        };
        if !written_ok
            || cols.len() != 2
            || key
                .split_once('.')
                .is_none_or(|(c, d)| c.len() != 2 || d.is_empty())
        {
            return Err(bad(file, line, expected));
        }
        out.push((name.to_owned(), key.to_owned()));
    }
    Ok(out)
}

/// `outlets.tsv`: news outlets and the country (or few countries) they report on.
pub const OUTLETS_TSV: &str = include_str!("../../../data/gazetteer/outlets.tsv");

/// Parses `outlets.tsv`: outlet name, iso2 codes (`|`-separated) or `-` for outlets that report
/// worldwide. A name listed twice is an error.
pub fn parse_outlets(text: &str) -> Result<Vec<(String, Vec<String>)>, PlacesError> {
    let expected = "outlet<TAB>iso2[|iso2...] or outlet<TAB>- (worldwide), each outlet once";
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (line, cols) in rows("outlets.tsv", text) {
        let name = cols.first().map(|w| w.trim()).unwrap_or("");
        let codes = cols.get(1).map(|c| c.trim()).unwrap_or("");
        let countries: Vec<String> = if codes == "-" {
            Vec::new()
        } else {
            split_aliases(cols.get(1))
        };
        let valid_codes = countries
            .iter()
            .all(|c| c.len() == 2 && c.chars().all(|ch| ch.is_ascii_uppercase()));
        if name.is_empty()
            || cols.len() != 2
            || (codes != "-" && countries.is_empty())
            || !valid_codes
            || !seen.insert(name.to_lowercase())
        {
            return Err(bad("outlets.tsv", line, expected));
        }
        out.push((name.to_owned(), countries));
    }
    Ok(out)
}

/// A row of `context_words.tsv`: a group or institution name and where it points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContextWordRow {
    /// The word as written ("Houthi", "SMM"); only its first word is matched.
    pub word: String,
    /// ISO alpha-2 codes of the countries it points to (one or a few: "JNIM" → ML, BF, NE).
    pub countries: Vec<String>,
    /// GeoNames admin1 keys (`UA.05`) it points to, if it is tied to provinces.
    pub admin1: Vec<String>,
}

/// Parses `context_words.tsv`: word, iso2 codes (`|`-separated), optional admin1 keys.
pub fn parse_context_words(text: &str) -> Result<Vec<ContextWordRow>, PlacesError> {
    let mut out = Vec::new();
    let expected = "word<TAB>iso2[|iso2...][<TAB>CC.code|CC.code...]";
    for (line, cols) in rows("context_words.tsv", text) {
        let word = cols.first().map(|w| w.trim()).unwrap_or("");
        let countries: Vec<String> = split_aliases(cols.get(1));
        let admin1: Vec<String> = split_aliases(cols.get(2));
        if word.is_empty()
            || countries.is_empty()
            || countries
                .iter()
                .any(|c| c.len() != 2 || !c.chars().all(|ch| ch.is_ascii_uppercase()))
            || admin1
                .iter()
                .any(|a| !a.contains('.') || !countries.iter().any(|c| a.starts_with(c.as_str())))
        {
            return Err(bad("context_words.tsv", line, expected));
        }
        out.push(ContextWordRow {
            word: word.to_owned(),
            countries,
            admin1,
        });
    }
    Ok(out)
}

/// A row of `countries.tsv`.
#[derive(Debug, Clone)]
pub struct CountryRow {
    /// ISO 3166-1 alpha-2.
    pub iso2: String,
    /// ACLED spelling.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// Demonyms ("Syrian").
    pub demonyms: Vec<String>,
}

/// A row of `admin1_acled.tsv`.
#[derive(Debug, Clone)]
pub struct Admin1Row {
    /// `CC.code` as in admin1CodesASCII.txt.
    pub key: String,
    /// Display name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
}

/// The role a phrase before a place name gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum PlaceCue {
    /// "in X", "at X": where something happened.
    In,
    /// "near X", "north of X", "the area of X".
    Near,
    /// "outskirts of X", "outside X".
    Outskirts,
    /// "X countryside", "the countryside of X".
    Countryside,
    /// "towards X", "heading to X": a destination.
    Towards,
    /// "from X", "left X": an origin.
    From,
    /// "the border with X".
    Border,
    /// No cue.
    #[default]
    None,
}

impl PlaceCue {
    fn parse(s: &str) -> Option<PlaceCue> {
        Some(match s {
            "In" => PlaceCue::In,
            "Near" => PlaceCue::Near,
            "Outskirts" => PlaceCue::Outskirts,
            "Countryside" => PlaceCue::Countryside,
            "Towards" => PlaceCue::Towards,
            "From" => PlaceCue::From,
            "Border" => PlaceCue::Border,
            _ => return None,
        })
    }
}

/// What a word next to a name says about the place (`place_words.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceWord {
    /// province, governorate, oblast, ...
    Admin1,
    /// countryside.
    Countryside,
    /// outskirts, suburbs.
    Outskirts,
    /// camp, neighbourhood, square: part of a town.
    District,
    /// street, avenue, boulevard: part of a town, and often named after another place
    /// ("Sanaa Street" in Hodeidah, "Haifa Street" in Baghdad): never the place it is named
    /// after.
    Street,
    /// county, LGA, municipality, tehsil: a second-level division named after its seat
    /// (the seat, precision 2).
    Admin2,
    /// town, city, village.
    Town,
    /// Generic first word of a name (`Abu`, `Kafr`, `Wadi`): never a place alone.
    Prefix,
}

fn rows<'a>(file: &'static str, text: &'a str) -> impl Iterator<Item = (usize, Vec<&'a str>)> {
    let _ = file;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').collect()))
}

fn bad(file: &str, line: usize, expected: &str) -> PlacesError {
    PlacesError::Parse {
        file: file.to_owned(),
        line,
        expected: expected.to_owned(),
    }
}

fn split_aliases(s: Option<&&str>) -> Vec<String> {
    s.map(|s| {
        s.split('|')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_owned)
            .collect()
    })
    .unwrap_or_default()
}

/// Parses `countries.tsv`.
pub fn parse_countries(text: &str) -> Result<Vec<CountryRow>, PlacesError> {
    let mut out = Vec::new();
    for (line, cols) in rows("countries.tsv", text) {
        if cols.len() < 2 || cols[0].len() != 2 || cols[1].is_empty() {
            return Err(bad(
                "countries.tsv",
                line,
                "iso2<TAB>name[<TAB>other names[<TAB>demonyms]]",
            ));
        }
        out.push(CountryRow {
            iso2: cols[0].to_owned(),
            name: cols[1].to_owned(),
            aliases: split_aliases(cols.get(2)),
            demonyms: split_aliases(cols.get(3)),
        });
    }
    Ok(out)
}

/// Parses `admin1_acled.tsv`.
pub fn parse_admin1(text: &str) -> Result<Vec<Admin1Row>, PlacesError> {
    let mut out = Vec::new();
    for (line, cols) in rows("admin1_acled.tsv", text) {
        if cols.len() < 2 || !cols[0].contains('.') || cols[1].is_empty() {
            return Err(bad(
                "admin1_acled.tsv",
                line,
                "CC.code<TAB>name[<TAB>aliases]",
            ));
        }
        out.push(Admin1Row {
            key: cols[0].to_owned(),
            name: cols[1].to_owned(),
            aliases: split_aliases(cols.get(2)),
        });
    }
    Ok(out)
}

/// Parses `cues.tsv` into (phrase words, cue), longest phrases first.
pub fn parse_cues(text: &str) -> Result<Vec<(Vec<String>, PlaceCue)>, PlacesError> {
    let mut out = Vec::new();
    for (line, cols) in rows("cues.tsv", text) {
        let cue = cols.get(1).and_then(|c| PlaceCue::parse(c.trim()));
        match (cols.first(), cue) {
            (Some(p), Some(cue)) if !p.is_empty() => out.push((
                p.split_whitespace()
                    .map(str::to_lowercase)
                    .collect::<Vec<_>>(),
                cue,
            )),
            _ => {
                return Err(bad(
                    "cues.tsv",
                    line,
                    "phrase<TAB>In|Near|Outskirts|Countryside|Towards|From|Border",
                ))
            }
        }
    }
    out.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    Ok(out)
}

/// Parses `place_words.tsv`.
pub fn parse_place_words(text: &str) -> Result<Vec<(String, PlaceWord)>, PlacesError> {
    let mut out = Vec::new();
    for (line, cols) in rows("place_words.tsv", text) {
        let kind = match cols.get(1).map(|s| s.trim()) {
            Some("admin1") => PlaceWord::Admin1,
            Some("countryside") => PlaceWord::Countryside,
            Some("outskirts") => PlaceWord::Outskirts,
            Some("district") => PlaceWord::District,
            Some("street") => PlaceWord::Street,
            Some("admin2") => PlaceWord::Admin2,
            Some("town") => PlaceWord::Town,
            Some("prefix") => PlaceWord::Prefix,
            _ => {
                return Err(bad(
                    "place_words.tsv",
                    line,
                    "word<TAB>admin1|admin2|countryside|outskirts|district|street|town|prefix",
                ))
            }
        };
        out.push((cols[0].trim().to_lowercase(), kind));
    }
    Ok(out)
}

/// The third column of `place_words.tsv`: for a word of first-level divisions, the countries
/// whose press calls them so (ISO codes), where the row gives any.
pub fn parse_admin1_terms(text: &str) -> Vec<(String, Vec<String>)> {
    rows("place_words.tsv", text)
        .filter(|(_, cols)| cols.get(1).map(|s| s.trim()) == Some("admin1"))
        .filter_map(|(_, cols)| {
            let countries: Vec<String> =
                cols.get(2)?.split_whitespace().map(str::to_owned).collect();
            (!countries.is_empty()).then(|| (cols[0].trim().to_lowercase(), countries))
        })
        .collect()
}

/// `transliterated_countries.txt`: countries whose place names come through transliteration
/// from Arabic script, where a name matched only by its folded spelling is trusted.
pub const TRANSLITERATED_COUNTRIES_TXT: &str =
    include_str!("../../../data/gazetteer/transliterated_countries.txt");

/// Parses `stoplist.txt` (and any list of one word a line, `#` comments).
pub fn parse_stoplist(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
        .collect()
}

/// The embedded country table (panics only if the shipped file is malformed, which the
/// tests rule out).
pub fn country_table() -> &'static [CountryRow] {
    static T: OnceLock<Vec<CountryRow>> = OnceLock::new();
    T.get_or_init(|| parse_countries(COUNTRIES_TSV).expect("shipped countries.tsv parses"))
}

/// The embedded admin1 overrides.
pub fn admin1_overrides() -> &'static [Admin1Row] {
    static T: OnceLock<Vec<Admin1Row>> = OnceLock::new();
    T.get_or_init(|| parse_admin1(ADMIN1_TSV).expect("shipped admin1_acled.tsv parses"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admin1_areas_parse_and_bad_rows_are_named() {
        let a = parse_admin1_areas(ADMIN1_AREAS_TSV).unwrap();
        assert!(a.iter().any(|r| r.key == "RS.SE" && r.name == "Belgrade"));
        assert!(parse_admin1_areas("RS.SE\tBelgrade\t44.8\n").is_err());
        assert!(parse_admin1_areas("RS.SE\tBelgrade\t44.8\t20.4\t0\n").is_err());
    }

    #[test]
    fn shipped_tables_parse() {
        let c = parse_countries(COUNTRIES_TSV).unwrap();
        assert!(c.len() > 240);
        let sy = c.iter().find(|r| r.iso2 == "SY").unwrap();
        assert_eq!(sy.name, "Syria");
        assert!(sy.demonyms.iter().any(|a| a == "Syrian"));
        let cd = c.iter().find(|r| r.iso2 == "CD").unwrap();
        assert_eq!(cd.name, "Democratic Republic of Congo");
        let a = parse_admin1(ADMIN1_TSV).unwrap();
        assert!(a
            .iter()
            .any(|r| r.key == "SY.08" && r.name == "Rif Dimashq"));
        let cues = parse_cues(CUES_TSV).unwrap();
        assert!(cues
            .iter()
            .any(|(p, c)| p == &["towards"] && *c == PlaceCue::Towards));
        assert!(cues[0].0.len() >= cues[cues.len() - 1].0.len());
        let words = parse_place_words(PLACE_WORDS_TSV).unwrap();
        assert!(words.contains(&("province".to_owned(), PlaceWord::Admin1)));
        assert!(words.contains(&("lga".to_owned(), PlaceWord::Admin2)));
        let ctx = parse_context_words(CONTEXT_WORDS_TSV).unwrap();
        assert!(ctx
            .iter()
            .any(|r| r.word == "Houthi" && r.countries == ["YE"]));
        assert!(ctx.iter().any(|r| r.countries.len() > 1));
        assert!(ctx.iter().any(|r| r.admin1.iter().any(|a| a == "UA.05")));
        let stop = parse_stoplist(STOPLIST_TXT);
        assert!(stop.iter().any(|w| w == "police"));
        let terms = parse_admin1_terms(PLACE_WORDS_TSV);
        assert!(terms
            .iter()
            .any(|(w, cs)| w == "state" && cs.iter().any(|c| c == "NG")));
        assert!(terms.iter().all(|(_, cs)| cs.iter().all(|c| c.len() == 2)));
        let transliterated = parse_stoplist(TRANSLITERATED_COUNTRIES_TXT);
        assert!(transliterated.iter().any(|c| c == "sy"));
        assert!(transliterated.iter().all(|c| c.len() == 2));
    }

    #[test]
    fn admin1_abbreviations_parse_and_bad_rows_are_named() {
        let a = parse_admin1_abbreviations(ADMIN1_ABBREVIATIONS_TSV).unwrap();
        assert!(a.contains(&("J&K".to_owned(), "IN.12".to_owned())));
        assert!(parse_admin1_abbreviations("Up\tIN.36\n").is_err());
        assert!(parse_admin1_abbreviations("UP\tIN36\n").is_err());
        let d = parse_division_qualifiers(DIVISION_QUALIFIERS_TSV).unwrap();
        assert!(d.contains(&("Masbate".to_owned(), "PH.05".to_owned())));
        assert!(parse_division_qualifiers("masbate\tPH.05\n").is_err());
        let err = parse_admin1_abbreviations("# x\nUP\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("admin1_abbreviations.tsv") && err.contains("line 2"),
            "{err}"
        );
    }

    #[test]
    fn malformed_rows_name_file_and_line() {
        let err = parse_countries("# c\nSYR\tSyria\n").unwrap_err();
        assert!(err.to_string().contains("countries.tsv") && err.to_string().contains("line 2"));
        assert!(parse_cues("in\tInside\n").is_err());
        assert!(parse_place_words("camp\tbase\n").is_err());
        assert!(parse_admin1("SY07\tX\n").is_err());
        assert!(parse_context_words("SMM\tUkraine\n").is_err());
        let (last, first) = parse_organisation_words(ORGANISATION_WORDS_TXT).unwrap();
        assert!(last.contains(&"front".to_string()) && first.contains(&"jaish".to_string()));
        assert!(parse_organisation_words("front\n").is_err());
        let (before, after) = parse_person_cues(PERSON_CUES_TXT).unwrap();
        assert!(before.contains(&"president".to_string()) && after.contains(&"said".to_string()));
        assert!(parse_person_cues("around:said\n").is_err());
        let seats = parse_speaker_seats(SPEAKER_SEATS_TXT).unwrap();
        assert!(seats
            .body
            .contains(&("media".to_string(), "center".to_string())));
        assert!(
            seats.at.contains(&"reporter".to_string()) && seats.of.contains(&"council".to_string())
        );
        assert!(parse_speaker_seats("body:media\n").is_err());
        assert!(parse_speaker_seats("near:reporter\n").is_err());
        let outlets = parse_outlets(OUTLETS_TSV).unwrap();
        assert!(outlets.len() > 300);
        assert!(outlets.iter().any(|(n, c)| n == "AFP" && c.is_empty()));
        assert!(parse_outlets("Daily Bugle\tLebanon\n").is_err());
        assert!(parse_outlets("Daily Bugle\tLB\ndaily bugle\tLY\n").is_err());
        assert_eq!(
            parse_outlets("Daily Bugle\tLB|SY\n").unwrap(),
            vec![(
                "Daily Bugle".to_string(),
                vec!["LB".to_string(), "SY".to_string()]
            )]
        );
        assert!(parse_context_words("SMM\tUA\tRU.05\n").is_err());
        let ok = parse_context_words("JNIM\tML|BF\nSMM\tUA\tUA.05|UA.14\n").unwrap();
        assert_eq!(ok[0].countries, ["ML", "BF"]);
        assert_eq!(ok[1].admin1, ["UA.05", "UA.14"]);
    }
}

/// `front_places.tsv`: settlements of a front's held lists (`data/front_lines.toml`) with the
/// province they lie in, where the gazetteer lacks them or has them in several provinces.
pub const FRONT_PLACES_TSV: &str = include_str!("../../../data/gazetteer/front_places.tsv");

/// A row of `front_places.tsv`: front id, province, settlement names.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontPlacesRow {
    /// `id` of the front in `data/front_lines.toml`.
    pub front: String,
    /// Province (admin1 as ACLED names it).
    pub admin1: String,
    /// Settlements as the held lists write them.
    pub names: Vec<String>,
}

/// Parses `front_places.tsv`; a line without a front, a province and names is an error.
pub fn parse_front_places(text: &str) -> Result<Vec<FrontPlacesRow>, PlacesError> {
    let file = "front_places.tsv";
    let mut out = Vec::new();
    for (line, cols) in rows(file, text) {
        let names = split_aliases(cols.get(2));
        match cols.as_slice() {
            [front, admin1, ..]
                if !front.trim().is_empty() && !admin1.trim().is_empty() && !names.is_empty() =>
            {
                out.push(FrontPlacesRow {
                    front: front.trim().to_owned(),
                    admin1: admin1.trim().to_owned(),
                    names,
                })
            }
            _ => {
                return Err(bad(
                    file,
                    line,
                    "front<TAB>province<TAB>names (|-separated)",
                ))
            }
        }
    }
    Ok(out)
}
