//! Name normalisation (ASCII folding, division words, transliteration, aliases) from `data/names.tsv`.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::EvalError;

const RULES_FILE: &str = "crates/eval/data/names.tsv";
const RULES: &str = include_str!("../data/names.tsv");

/// The normalisation rules, parsed once. Get them with [`names`].
#[derive(Debug)]
pub struct Names {
    fold: HashMap<char, String>,
    admin_words: HashSet<String>,
    place_words: HashSet<String>,
    articles: HashSet<String>,
    /// (from, to, only at the end)
    spellings: Vec<(String, String, bool)>,
    /// name key → canonical key of its alias group
    aliases: HashMap<String, String>,
    /// armed groups: each a list of names as word sequences
    groups: Vec<Vec<Vec<String>>>,
    officials: Vec<Vec<String>>,
}

/// The embedded rules (parsed on first use; the file is checked by the crate's tests).
pub fn names() -> &'static Names {
    static NAMES: OnceLock<Names> = OnceLock::new();
    NAMES.get_or_init(|| Names::parse(RULES_FILE, RULES).unwrap_or_else(|e| panic!("{e}")))
}

impl Names {
    /// Parses a rules file (format described at the top of `data/names.tsv`).
    pub fn parse(file: &'static str, text: &str) -> Result<Names, EvalError> {
        let mut names = Names {
            fold: HashMap::new(),
            admin_words: HashSet::new(),
            place_words: HashSet::new(),
            articles: HashSet::new(),
            spellings: Vec::new(),
            aliases: HashMap::new(),
            groups: Vec::new(),
            officials: Vec::new(),
        };
        let mut alias_lines = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line_no = i + 1;
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |message: String| EvalError::Rules {
                file,
                line: line_no,
                message,
            };
            let fields: Vec<&str> = line.split('\t').collect();
            let value = fields.get(1).copied().unwrap_or("");
            if value.is_empty() && fields[0] != "fold" {
                return Err(err(format!("rule `{}` has no value", fields[0])));
            }
            let want = |n: usize| {
                if fields.len() == n {
                    Ok(())
                } else {
                    Err(err(format!(
                        "rule `{}` takes {} tab-separated fields, found {}",
                        fields[0],
                        n,
                        fields.len()
                    )))
                }
            };
            match fields[0] {
                "fold" => {
                    want(3)?;
                    if value.is_empty() {
                        return Err(err("fold rule lists no characters".into()));
                    }
                    for c in value.chars() {
                        names.fold.insert(c, fields[2].to_string());
                    }
                }
                "admin_word" | "place_word" | "article" => {
                    want(2)?;
                    let w = value.to_lowercase();
                    match fields[0] {
                        "admin_word" => names.admin_words.insert(w),
                        "place_word" => names.place_words.insert(w),
                        _ => names.articles.insert(w),
                    };
                }
                "spelling" => {
                    want(3)?;
                    let (from, at_end) = match value.strip_suffix('$') {
                        Some(f) => (f, true),
                        None => (value, false),
                    };
                    if from.is_empty() {
                        return Err(err("spelling rule rewrites an empty sequence".into()));
                    }
                    names
                        .spellings
                        .push((from.to_string(), fields[2].to_string(), at_end));
                }
                "alias" | "group" => {
                    want(2)?;
                    let members: Vec<&str> = value.split('|').map(str::trim).collect();
                    if members.len() < 2 || members.iter().any(|m| m.is_empty()) {
                        return Err(err(format!(
                            "`{}` needs two or more non-empty names separated by `|`",
                            fields[0]
                        )));
                    }
                    if fields[0] == "alias" {
                        alias_lines.push((line_no, members));
                    } else {
                        // words need the fold table, which may come later: fill in below
                        names
                            .groups
                            .push(members.iter().map(|m| vec![m.to_string()]).collect());
                    }
                }
                "official" => {
                    want(2)?;
                    names.officials.push(vec![value.to_string()]);
                }
                other => return Err(err(format!("unknown rule kind `{other}`"))),
            }
        }
        // Second pass: everything that needs the fold table.
        let groups = std::mem::take(&mut names.groups);
        names.groups = groups
            .into_iter()
            .map(|g| g.into_iter().map(|m| names.words(&m[0])).collect())
            .collect();
        let officials = std::mem::take(&mut names.officials);
        names.officials = officials.into_iter().map(|o| names.words(&o[0])).collect();
        for (line, members) in alias_lines {
            let keys: Vec<String> = members.iter().map(|m| names.raw_key(m, true)).collect();
            let canonical = keys[0].clone();
            for key in keys {
                if let Some(old) = names.aliases.insert(key.clone(), canonical.clone()) {
                    if old != canonical {
                        return Err(EvalError::Rules {
                            file,
                            line,
                            message: format!("name key `{key}` is already in another alias group"),
                        });
                    }
                }
            }
        }
        Ok(names)
    }

    /// Lowercase, ASCII-folded text; apostrophes dropped, dashes unified.
    pub fn fold(&self, s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            match self.fold.get(&c) {
                Some(r) => out.push_str(r),
                None => out.extend(c.to_lowercase()),
            }
        }
        out
    }

    /// The folded words of `s` (punctuation separates words).
    pub fn words(&self, s: &str) -> Vec<String> {
        self.fold(s)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    }

    /// Actor name compared strictly: case and punctuation ignored.
    pub fn actor_key(&self, s: &str) -> String {
        self.words(s).join(" ")
    }

    /// Actor name compared loosely: also without period suffixes such as `(2000-)` or `(2012-2016)`.
    pub fn actor_key_loose(&self, s: &str) -> String {
        self.actor_key(&strip_periods(s))
    }

    /// Whether two actor names agree loosely; a name of a known armed group matches any
    /// name of the same group ("Islamic State (ISIS)" ~ "Islamic State (Syria)").
    pub fn same_actor_loose(&self, expected: &str, got: &str) -> bool {
        if self.actor_key_loose(expected) == self.actor_key_loose(got) {
            return true;
        }
        match self.group_of(expected) {
            Some(g) => self.in_group(got, g),
            None => false,
        }
    }

    fn raw_key(&self, s: &str, admin: bool) -> String {
        let mut words = self.words(s);
        let generic = if admin {
            &self.admin_words
        } else {
            &self.place_words
        };
        if words.iter().any(|w| !generic.contains(w)) {
            words.retain(|w| !generic.contains(w));
        }
        if words.len() > 1 && self.articles.contains(&words[0]) {
            words.remove(0);
        }
        let mut key = words.concat();
        for (from, to, at_end) in &self.spellings {
            if *at_end {
                if key.len() > from.len() + 1 && key.ends_with(from.as_str()) {
                    key.truncate(key.len() - from.len());
                    key.push_str(to);
                }
            } else {
                key = key.replace(from.as_str(), to);
            }
        }
        let mut collapsed = String::with_capacity(key.len());
        for c in key.chars() {
            if !collapsed.ends_with(c) {
                collapsed.push(c);
            }
        }
        collapsed
    }

    fn key(&self, s: &str, admin: bool) -> String {
        let key = self.raw_key(s, admin);
        self.aliases.get(&key).cloned().unwrap_or(key)
    }

    /// Key of a first-level division: folded, division words and a leading article dropped,
    /// transliteration variants merged, aliases resolved ("Deir-ez-Zor" = "Deir ez-Zor Governorate").
    pub fn admin1_key(&self, s: &str) -> String {
        self.key(s, true)
    }

    /// Key of a place name: like [`Names::admin1_key`] but dropping words such as camp, village.
    pub fn place_key(&self, s: &str) -> String {
        self.key(s, false)
    }

    /// Whether two first-level division names agree.
    pub fn same_admin1(&self, a: &str, b: &str) -> bool {
        let (a, b) = (self.admin1_key(a), self.admin1_key(b));
        !a.is_empty() && a == b
    }

    /// Whether two place names agree.
    pub fn same_place(&self, a: &str, b: &str) -> bool {
        let (a, b) = (self.place_key(a), self.place_key(b));
        !a.is_empty() && a == b
    }

    /// Index of the armed group `name` names, if any (by a contained name or abbreviation).
    pub fn group_of(&self, name: &str) -> Option<usize> {
        let words = self.words(name);
        self.groups
            .iter()
            .position(|g| g.iter().any(|n| contains_words(&words, n)))
    }

    /// Whether `name` contains one of the names of group `group`.
    pub fn in_group(&self, name: &str, group: usize) -> bool {
        let words = self.words(name);
        self.groups
            .get(group)
            .is_some_and(|g| g.iter().any(|n| contains_words(&words, n)))
    }

    /// Whether a claimant names the state side (SANA, the government, state media).
    pub fn is_official(&self, claimant: &str) -> bool {
        let words = self.words(claimant);
        self.officials.iter().any(|o| contains_words(&words, o))
    }
}

/// Whether `needle` occurs as consecutive words in `hay`.
fn contains_words(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// Removes parenthesised periods such as `(2000-)`, `(2012-2016)`.
fn strip_periods(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')') else {
            break;
        };
        let inner = &rest[open + 1..open + close];
        let is_period = !inner.trim().is_empty()
            && inner.chars().any(|c| c.is_ascii_digit())
            && inner
                .chars()
                .all(|c| c.is_ascii_digit() || c == '-' || c == ' ' || c == '–');
        out.push_str(&rest[..open]);
        if !is_period {
            out.push_str(&rest[open..=open + close]);
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_rules_parse() {
        let n = names();
        assert!(n.admin_words.contains("governorate"));
        assert!(n.groups.len() >= 2);
    }

    #[test]
    fn bad_rules_name_the_line() {
        let err = Names::parse("t.tsv", "# c\nplace_word\tcamp\nbogus\tx\n").unwrap_err();
        assert_eq!(err.to_string(), "t.tsv:3: unknown rule kind `bogus`");
        let err = Names::parse("t.tsv", "alias\tOnlyOne\n").unwrap_err();
        assert!(err.to_string().starts_with("t.tsv:1: `alias` needs two"));
        let err = Names::parse("t.tsv", "alias\tA|B\nalias\tB|C\n").unwrap_err();
        assert!(
            err.to_string().contains("already in another alias group"),
            "{err}"
        );
    }

    #[test]
    fn admin1_normalisation() {
        let n = names();
        assert!(n.same_admin1("Deir-ez-Zor", "Deir ez-Zor Governorate"));
        assert!(n.same_admin1("Donetsk Oblast", "donetsk"));
        assert!(n.same_admin1("Ta'izz", "Taizz"));
        assert!(n.same_admin1("Ar-Raqqa", "Ar-Raqqah"));
        assert!(n.same_admin1("Al-Hasakeh", "Al-Hasakah"));
        assert!(n.same_admin1("São Paulo", "Sao Paulo"));
        assert!(n.same_admin1("Damascus", "Dimashq"));
        assert!(n.same_admin1("Amanat al Asimah", "Amanat Alasimah"));
        assert!(!n.same_admin1("Damascus", "Rif Dimashq"));
        assert!(!n.same_admin1("Donetsk", "Luhansk"));
        assert!(!n.same_admin1("", ""));
        assert_eq!(n.admin1_key("Michoacán State"), "michoacan");
    }

    #[test]
    fn place_transliterations() {
        let n = names();
        assert!(n.same_place("Hajin", "Hajeen"));
        assert!(n.same_place("Al Shafah", "Sha’afah"));
        assert!(n.same_place("al-Yarmouk camp", "Yarmouk"));
        assert!(n.same_place("Al Hajar Al Aswad", "Hajar al-Aswad"));
        assert!(!n.same_place("Susa", "Hajin"));
    }

    #[test]
    fn actor_keys() {
        let n = names();
        assert_eq!(
            n.actor_key("Military Forces of Syria (2000-)"),
            "military forces of syria 2000"
        );
        assert_eq!(
            n.actor_key_loose("Military Forces of Syria (2000-)"),
            "military forces of syria"
        );
        assert_eq!(
            n.actor_key_loose("Military Forces of Yemen (2016-) Supreme Political Council"),
            "military forces of yemen supreme political council"
        );
        assert_eq!(n.actor_key_loose("Protesters (India)"), "protesters india");
        assert!(n.same_actor_loose("Islamic State (ISIS)", "Islamic State (Syria)"));
        assert!(n.same_actor_loose("Syrian Democratic Forces (SDF)", "SDF"));
        assert!(!n.same_actor_loose("Islamic State (ISIS)", "Syrian Democratic Forces"));
    }

    #[test]
    fn official_claimants() {
        let n = names();
        assert!(n.is_official("state media SANA"));
        assert!(n.is_official("The Syrian regime"));
        assert!(n.is_official("the government"));
        assert!(!n.is_official("Syrian Observatory for Human Rights"));
    }
}
