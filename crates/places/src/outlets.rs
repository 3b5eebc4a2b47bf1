//! An article's outlet as country context: Tripoli in An-Nahar is Lebanon's, in Libya24 Libya's.
//!
//! `data/gazetteer/outlets.tsv` lists outlets and the country (or few countries) they report on;
//! an outlet it does not list still counts when its name carries a country ("Sun (Nigeria)",
//! "Times of India"). Outlets that report worldwide are listed with no country, so that their
//! names ("Voice of America") add nothing. The result is a weak vote, worth two demonyms.

use crate::normalise::plain;
use crate::Gazetteer;
use rustc_hash::FxHashMap;

/// Longest run of words tried as a country name inside an outlet's name.
const NAME_WORDS: usize = 3;

/// An outlet's name as compared: lower-case letters and digits only, without a trailing
/// "TV" ("Al-Manar", "AlManar TV" and "Al Manar" are one outlet).
pub(crate) fn outlet_key(name: &str) -> String {
    let key: String = name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    match key.strip_suffix("tv") {
        Some(rest) if !rest.is_empty() => rest.to_owned(),
        _ => key,
    }
}

impl Gazetteer {
    /// The countries the outlets in `source` report on, with shares summing to 1 over the
    /// outlets that point somewhere ("An-Nahar; SOHR" → Lebanon 0.5, Syria 0.5); a country
    /// most of them point to takes it all ("Al Ghad (Jordan); El Nashra; An-Nahar" → Lebanon
    /// 1.0). Outlets are separated by `;`. Empty when no outlet points to a country.
    pub fn outlet_countries(&self, source: &str) -> Vec<(u16, f32)> {
        let mut shares: FxHashMap<u16, f32> = FxHashMap::default();
        let mut pointing = 0usize;
        for outlet in source.split(';').map(str::trim).filter(|o| !o.is_empty()) {
            let countries = self.one_outlet(outlet);
            if countries.is_empty() {
                continue;
            }
            pointing += 1;
            let share = 1.0 / countries.len() as f32;
            for c in countries {
                *shares.entry(c).or_default() += share;
            }
        }
        let mut out: Vec<(u16, f32)> = shares
            .into_iter()
            .map(|(c, s)| (c, s / pointing as f32))
            .collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        // most of the outlets report on one country: the story is that country's, and a
        // foreign outlet among them ("Al Ghad (Jordan); El Nashra; An-Nahar") relays it
        if out.first().is_some_and(|o| o.1 > 0.5) {
            out.truncate(1);
            out[0].1 = 1.0;
        }
        out
    }

    fn one_outlet(&self, outlet: &str) -> Vec<u16> {
        if let Some(listed) = self.outlets.get(&outlet_key(outlet)) {
            return listed.clone();
        }
        // "Sun (Nigeria)": the country in brackets
        if let (Some(open), Some(close)) = (outlet.find('('), outlet.rfind(')')) {
            if open < close {
                if let Some((c, _)) = self.lookup_country(&plain(&outlet[open + 1..close])) {
                    return vec![c];
                }
            }
        }
        // "Times of India", "Yemen Data Project", "Nigerian Eye": a country name or demonym
        let words: Vec<&str> = outlet
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
            .filter(|w| !w.is_empty())
            .collect();
        for n in (1..=NAME_WORDS.min(words.len())).rev() {
            for window in words.windows(n) {
                if !window[0].starts_with(char::is_uppercase) {
                    continue;
                }
                if let Some((c, _)) = self.lookup_country(&plain(&window.join(" "))) {
                    return vec![c];
                }
            }
        }
        Vec::new()
    }
}
