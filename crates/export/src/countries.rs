//! Country codes for the ACLED columns `iso` (numeric), `region` and the `event_id_cnty`
//! prefix (alpha-3), from `data/export/countries.tsv`.

use std::collections::HashMap;
use std::sync::OnceLock;

const COUNTRIES_TSV: &str = include_str!("../../../data/export/countries.tsv");

/// One country row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryInfo {
    /// ISO 3166-1 alpha-2.
    pub iso2: &'static str,
    /// ISO 3166-1 alpha-3.
    pub iso3: &'static str,
    /// ISO 3166-1 numeric (ACLED `iso`), when it has one.
    pub numeric: Option<u16>,
    /// ACLED region, when assigned.
    pub region: Option<&'static str>,
    /// Country name (GeoNames).
    pub name: &'static str,
}

struct Table {
    rows: Vec<CountryInfo>,
    by_code: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
}

/// Parse the TSV; a malformed row names its line.
fn parse(tsv: &'static str) -> Result<Vec<CountryInfo>, String> {
    let mut rows = Vec::new();
    for (i, line) in tsv.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 5 || f[0].len() != 2 || f[1].len() != 3 {
            return Err(format!(
                "countries.tsv line {}: expected iso2<TAB>iso3<TAB>numeric<TAB>region<TAB>name",
                i + 1
            ));
        }
        let numeric = f[2].parse::<u16>().map_err(|_| {
            format!(
                "countries.tsv line {}: numeric code {:?} is not a number",
                i + 1,
                f[2]
            )
        })?;
        rows.push(CountryInfo {
            iso2: f[0],
            iso3: f[1],
            numeric: (numeric > 0).then_some(numeric),
            region: (!f[3].is_empty()).then_some(f[3]),
            name: f[4],
        });
    }
    Ok(rows)
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let rows = parse(COUNTRIES_TSV).expect("data/export/countries.tsv is valid (tested)");
        let mut by_code = HashMap::new();
        let mut by_name = HashMap::new();
        for (i, r) in rows.iter().enumerate() {
            by_code.insert(r.iso2.to_ascii_uppercase(), i);
            by_code.insert(r.iso3.to_ascii_uppercase(), i);
            by_name.insert(r.name.to_lowercase(), i);
        }
        Table {
            rows,
            by_code,
            by_name,
        }
    })
}

/// A country by ISO alpha-2 or alpha-3 code, or by its GeoNames name (case-insensitive).
pub fn country_info(code_or_name: &str) -> Option<&'static CountryInfo> {
    let t = table();
    let key = code_or_name.trim();
    t.by_code
        .get(&key.to_ascii_uppercase())
        .or_else(|| t.by_name.get(&key.to_lowercase()))
        .map(|&i| &t.rows[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_table_parses_and_looks_up() {
        assert!(parse(COUNTRIES_TSV).unwrap().len() > 240);
        let sy = country_info("SY").unwrap();
        assert_eq!(
            (sy.iso3, sy.numeric, sy.region),
            ("SYR", Some(760), Some("Middle East"))
        );
        assert_eq!(country_info("yemen").unwrap().iso2, "YE");
        assert_eq!(country_info("UKR").unwrap().region, Some("Europe"));
        assert_eq!(country_info("MX").unwrap().region, Some("Central America"));
        assert_eq!(country_info("XK").unwrap().numeric, None);
        assert!(country_info("Atlantis").is_none());
    }

    #[test]
    fn malformed_row_names_its_line() {
        assert!(parse("# h\nSY\tSYR\tx\tMiddle East\tSyria\n")
            .unwrap_err()
            .contains("line 2"));
        assert!(parse("SYR\tSY\t760\t\tSyria\n")
            .unwrap_err()
            .contains("line 1"));
    }
}
