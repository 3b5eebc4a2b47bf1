//! The reviewed data files of fusion (`crates/fuse/data/`), parsed once and embedded in the binary.

use crate::FuseError;
use sitrep_model::SubEventType;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const FAMILIES: &str = include_str!("../data/families.tsv");
const ORDINALS: &str = include_str!("../data/ordinals.tsv");
const ORDINAL_NOUNS: &str = include_str!("../data/ordinal_nouns.tsv");
const CESSATION: &str = include_str!("../data/cessation.tsv");
const GENERIC_WORDS: &str = include_str!("../data/generic_words.tsv");
const STATE_ACTORS: &str = include_str!("../data/state_actors.tsv");
const SINGULAR_KINDS: &str = include_str!("../data/singular_kinds.tsv");
const TARGETS: &str = include_str!("../data/targets.tsv");
const GENERAL_PHRASES: &str = include_str!("../data/general_phrases.tsv");
const PERIOD_PHRASES: &str = include_str!("../data/period_phrases.tsv");

/// The fusion lexicons: compatible sub-event types, ordinal cues, cessation phrases, the generic
/// words of the wording cue and the prefixes that name a state's actors.
#[derive(Debug, Clone)]
pub struct Lexicons {
    /// Compatible pairs of different sub-event types (both orders) with their score and why.
    pub families: HashMap<(SubEventType, SubEventType), (f32, String)>,
    /// Ordinal words ("second" → 2).
    pub ordinals: HashMap<String, u8>,
    /// Nouns an ordinal must number ("group", "convoy").
    pub ordinal_nouns: Vec<String>,
    /// Cessation-of-hostilities phrases, lower case.
    pub cessation: Vec<String>,
    /// Phrases of a general statement, not one incident (`general_phrases.tsv`, lower case).
    pub general_phrases: Vec<String>,
    /// Phrases of a count over a period of days, not one incident's (`period_phrases.tsv`,
    /// lower case).
    pub period_phrases: Vec<String>,
    /// Words that say little about which event a sentence reports, lower case.
    pub generic_words: HashSet<String>,
    /// Actor name prefixes that denote a state ("Government of", "Military Forces of").
    pub state_actor_prefixes: Vec<String>,
    /// Sub-event types that seldom recur in one place within days (a bombing, a capture).
    pub singular_kinds: HashSet<SubEventType>,
    /// Those of them that seldom recur even in a whole city (or province, or country) on one
    /// day (`singular_kinds.tsv` scope `city`: a bombing, a gas attack, a deal; not a capture,
    /// of which a city's battle has many).
    pub singular_in_city: HashSet<SubEventType>,
    /// The targets (`targets.tsv`: "hospital", "school"), at most 32.
    pub target_names: Vec<String>,
    /// The target phrases by their first word: the words after it, and the target.
    target_first: HashMap<String, Vec<(Vec<String>, usize)>>,
}

/// The texts of the data files, for [`Lexicons::parse`].
#[derive(Debug, Clone, Copy, Default)]
pub struct LexiconTexts<'a> {
    /// `families.tsv`.
    pub families: &'a str,
    /// `ordinals.tsv`.
    pub ordinals: &'a str,
    /// `ordinal_nouns.tsv`.
    pub ordinal_nouns: &'a str,
    /// `cessation.tsv`.
    pub cessation: &'a str,
    /// `generic_words.tsv`.
    pub generic_words: &'a str,
    /// `state_actors.tsv`.
    pub state_actors: &'a str,
    /// `singular_kinds.tsv`.
    pub singular_kinds: &'a str,
    /// `targets.tsv`.
    pub targets: &'a str,
    /// `general_phrases.tsv`.
    pub general_phrases: &'a str,
    /// `period_phrases.tsv`.
    pub period_phrases: &'a str,
}

impl LexiconTexts<'static> {
    /// The files embedded in the binary.
    pub fn embedded() -> LexiconTexts<'static> {
        LexiconTexts {
            families: FAMILIES,
            ordinals: ORDINALS,
            ordinal_nouns: ORDINAL_NOUNS,
            cessation: CESSATION,
            generic_words: GENERIC_WORDS,
            state_actors: STATE_ACTORS,
            singular_kinds: SINGULAR_KINDS,
            targets: TARGETS,
            general_phrases: GENERAL_PHRASES,
            period_phrases: PERIOD_PHRASES,
        }
    }
}

/// The data lines of a TSV file: `(line number, fields)`, comments and blank lines skipped.
fn rows<'a>(text: &'a str) -> impl Iterator<Item = (usize, Vec<&'a str>)> + 'a {
    text.lines().enumerate().filter_map(|(i, line)| {
        let line = line.trim_end();
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            None
        } else {
            Some((i + 1, line.split('\t').map(str::trim).collect()))
        }
    })
}

fn bad(file: &'static str, line: usize, expected: &str, found: &str) -> FuseError {
    FuseError::Data {
        file,
        line,
        expected: expected.to_string(),
        found: found.to_string(),
    }
}

impl Lexicons {
    /// Parse the lexicons from their texts (the embedded files, or others in tests).
    pub fn parse(texts: LexiconTexts<'_>) -> Result<Lexicons, FuseError> {
        let LexiconTexts {
            families,
            ordinals,
            ordinal_nouns,
            cessation,
            generic_words,
            state_actors,
            singular_kinds,
            targets,
            general_phrases,
            period_phrases,
        } = texts;
        let mut fam = HashMap::new();
        for (line, f) in rows(families) {
            if f.len() < 3 {
                return Err(bad(
                    "families.tsv",
                    line,
                    "type_a<TAB>type_b<TAB>score",
                    &f.join("|"),
                ));
            }
            let a = SubEventType::from_acled(f[0])
                .ok_or_else(|| bad("families.tsv", line, "an ACLED sub-event type", f[0]))?;
            let b = SubEventType::from_acled(f[1])
                .ok_or_else(|| bad("families.tsv", line, "an ACLED sub-event type", f[1]))?;
            let score: f32 = f[2]
                .parse()
                .ok()
                .filter(|s: &f32| (0.0..=1.0).contains(s))
                .ok_or_else(|| bad("families.tsv", line, "a score in 0..1", f[2]))?;
            let why = f.get(3).unwrap_or(&"").to_string();
            fam.insert((a, b), (score, why.clone()));
            fam.insert((b, a), (score, why));
        }
        let mut ords = HashMap::new();
        for (line, f) in rows(ordinals) {
            let n: u8 = f
                .get(1)
                .and_then(|n| n.parse().ok())
                .ok_or_else(|| bad("ordinals.tsv", line, "word<TAB>number", &f.join("|")))?;
            ords.insert(f[0].to_lowercase(), n);
        }
        let nouns = rows(ordinal_nouns)
            .map(|(_, f)| f[0].to_lowercase())
            .collect();
        let cess = rows(cessation).map(|(_, f)| f[0].to_lowercase()).collect();
        let general = rows(general_phrases)
            .map(|(_, f)| f[0].to_lowercase())
            .collect();
        let period = rows(period_phrases)
            .map(|(_, f)| f[0].to_lowercase())
            .collect();
        let mut generic = HashSet::new();
        for (line, f) in rows(generic_words) {
            let word = f[0];
            if f.len() > 1 || word.contains(' ') || !word.chars().all(char::is_alphanumeric) {
                return Err(bad(
                    "generic_words.tsv",
                    line,
                    "one word of letters or digits",
                    &f.join("|"),
                ));
            }
            generic.insert(word.to_lowercase());
        }
        let mut prefixes = Vec::new();
        for (line, f) in rows(state_actors) {
            if !f[0].ends_with(" of") {
                return Err(bad(
                    "state_actors.tsv",
                    line,
                    "a prefix ending in \" of\"",
                    f[0],
                ));
            }
            prefixes.push(format!("{} ", f[0]));
        }
        let (mut singular, mut singular_city) = (HashSet::new(), HashSet::new());
        for (line, f) in rows(singular_kinds) {
            let kind = SubEventType::from_acled(f[0])
                .ok_or_else(|| bad("singular_kinds.tsv", line, "an ACLED sub-event type", f[0]))?;
            singular.insert(kind);
            match f.get(1).copied() {
                Some("city") => {
                    singular_city.insert(kind);
                }
                Some("place") => {}
                other => {
                    return Err(bad(
                        "singular_kinds.tsv",
                        line,
                        "sub-event type<TAB>place or city",
                        other.unwrap_or(""),
                    ))
                }
            }
        }
        let (mut target_phrases, mut target_names) = (Vec::new(), Vec::<String>::new());
        for (line, f) in rows(targets) {
            let (Some(phrase), Some(name)) = (f.first(), f.get(1)) else {
                return Err(bad("targets.tsv", line, "phrase<TAB>target", &f.join("|")));
            };
            let index = match target_names.iter().position(|n| n == name) {
                Some(i) => i,
                None if target_names.len() < 32 => {
                    target_names.push(name.to_string());
                    target_names.len() - 1
                }
                None => return Err(bad("targets.tsv", line, "at most 32 targets", name)),
            };
            target_phrases.push((phrase.to_lowercase(), index));
        }
        let mut target_first: HashMap<String, Vec<(Vec<String>, usize)>> = HashMap::new();
        for (phrase, index) in target_phrases {
            let mut words = phrase.split_whitespace().map(str::to_string);
            if let Some(first) = words.next() {
                target_first
                    .entry(first)
                    .or_default()
                    .push((words.collect(), index));
            }
        }
        Ok(Lexicons {
            families: fam,
            ordinals: ords,
            ordinal_nouns: nouns,
            cessation: cess,
            general_phrases: general,
            period_phrases: period,
            generic_words: generic,
            state_actor_prefixes: prefixes,
            singular_kinds: singular,
            singular_in_city: singular_city,
            target_names,
            target_first,
        })
    }

    /// The embedded lexicons, parsed once.
    pub fn embedded() -> &'static Lexicons {
        static LEX: OnceLock<Lexicons> = OnceLock::new();
        LEX.get_or_init(|| {
            Lexicons::parse(LexiconTexts::embedded())
                .expect("embedded fusion lexicons parse (tested)")
        })
    }

    /// How strongly two sub-event types count as one kind: 1 when equal, the listed score for a
    /// compatible pair (with why), `None` when they never merge.
    pub fn type_score(&self, a: SubEventType, b: SubEventType) -> Option<(f32, &str)> {
        if a == b {
            // (a type may score less with itself: statements are many a day, by many speakers)
            return Some(
                self.families
                    .get(&(a, b))
                    .map_or((1.0, "same sub-event type"), |(s, why)| (*s, why.as_str())),
            );
        }
        self.families
            .get(&(a, b))
            .map(|(s, why)| (*s, why.as_str()))
    }

    /// The ordinal numbering the event in `text` ("the second group" → `(2, "second group")`).
    pub fn ordinal(&self, text: &str) -> Option<(u8, String)> {
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        for (i, w) in words.iter().enumerate() {
            let Some(&n) = self.ordinals.get(w) else {
                continue;
            };
            for next in words.iter().skip(i + 1).take(2) {
                if self.ordinal_nouns.iter().any(|noun| noun == next) {
                    return Some((n, format!("{w} {next}")));
                }
            }
        }
        None
    }

    /// The side an actor name stands for: a state's government, army and police are one side
    /// ("Military Forces of Syria (2000-)" → "Syria (2000-)"); any other actor is its name
    /// without the country it was filed under ("Islamic State (Iraq)" → "Islamic State"): the
    /// reader may give one group the wrong country, and one outlet's group is the same group
    /// whichever country another outlet's report was read as.
    pub fn actor_side<'a>(&self, name: &'a str) -> (&'a str, bool) {
        self.state_actor_prefixes
            .iter()
            .find_map(|p| name.strip_prefix(p.as_str()))
            .map_or_else(|| (strip_country(name), false), |country| (country, true))
    }

    /// The targets `text` names (`targets.tsv`), one bit per target: whole words, the last also
    /// with a plural "s"/"es"; "(taken) to hospital" and "(died) in hospital" name where the
    /// wounded went, not what was hit, and do not count. One pass over the words.
    pub fn targets(&self, text: &str) -> u32 {
        let lower = text.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let plural_of = |word: &str, p: &str| {
            word == p || word.strip_prefix(p).is_some_and(|r| r == "s" || r == "es")
        };
        let before = |i: usize, k: usize| i.checked_sub(k).map(|j| words[j]);
        let mut mask = 0u32;
        for (i, &w) in words.iter().enumerate() {
            let keys = [Some(w), w.strip_suffix('s'), w.strip_suffix("es")];
            for key in keys.into_iter().flatten() {
                let Some(list) = self.target_first.get(key) else {
                    continue;
                };
                for (rest, index) in list {
                    let found = match rest.split_last() {
                        None => true,
                        Some((last, middle)) => {
                            w == key
                                && words.len() > i + rest.len()
                                && middle.iter().zip(&words[i + 1..]).all(|(p, x)| p == x)
                                && plural_of(words[i + rest.len()], last)
                        }
                    };
                    // (where the wounded went, or how people travelled: "by bus")
                    let went_to = matches!(before(i, 1), Some("to" | "in" | "by"))
                        || (matches!(before(i, 1), Some("the" | "a"))
                            && before(i, 2) == Some("to"));
                    // (where people work or study, not what was hit: "a nurse based in a
                    // hospital", "as they left school")
                    let article = matches!(before(i, 1), Some("the" | "a" | "an" | "their"));
                    let k = if article { 2 } else { 1 };
                    let attended = matches!(
                        before(i, k),
                        Some("left" | "leaving" | "after" | "attending")
                    );
                    let staffed = matches!(before(i, k), Some("in" | "at"))
                        && matches!(
                            before(i, k + 1),
                            Some("based" | "working" | "works" | "worked" | "nurse" | "doctor")
                        );
                    // (who speaks, not what was hit: "medics at Nasser Hospital said",
                    // "according to the hospital", "hospital officials said")
                    let speaks_after = words.get(i + rest.len() + 1).is_some_and(|n| {
                        matches!(
                            *n,
                            "said"
                                | "says"
                                | "told"
                                | "reported"
                                | "officials"
                                | "official"
                                | "sources"
                                | "source"
                                | "spokesman"
                                | "spokeswoman"
                                | "director"
                        )
                    });
                    let speaks_before = (1..=6).any(|k| {
                        before(i, k) == Some("according")
                            || matches!(before(i, k), Some("at" | "of" | "from"))
                                && matches!(
                                    before(i, k + 1),
                                    Some("medics" | "doctors" | "officials" | "staff" | "director")
                                )
                    });
                    if found && !went_to && !attended && !staffed && !speaks_after && !speaks_before
                    {
                        mask |= 1 << index;
                    }
                }
            }
        }
        mask
    }

    /// The names of the targets in a [`Lexicons::targets`] mask.
    pub fn target_list(&self, mask: u32) -> Vec<&str> {
        (0..self.target_names.len())
            .filter(|i| mask & (1 << i) != 0)
            .map(|i| self.target_names[i].as_str())
            .collect()
    }

    /// The cessation phrase `text` reports, if any ("ceasefire", "operations had stopped").
    pub fn cessation(&self, text: &str) -> Option<String> {
        first_phrase(&self.cessation, text)
    }

    /// The phrase of a general statement `text` makes, if any ("continue to", "since the
    /// operation"): it tells a state of things, not one incident.
    pub fn general(&self, text: &str) -> Option<String> {
        first_phrase(&self.general_phrases, text)
    }

    /// The phrase by which `text` counts over a period of days (`period_phrases.tsv`), if any.
    pub fn period(&self, text: &str) -> Option<String> {
        first_phrase(&self.period_phrases, text)
    }
}

/// The first of `phrases` (lower case) found in `text` on word boundaries.
fn first_phrase(phrases: &[String], text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    phrases
        .iter()
        .find(|p| {
            lower.match_indices(p.as_str()).any(|(i, _)| {
                let before = lower[..i].chars().next_back();
                let after = lower[i + p.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
        })
        .cloned()
}

/// "Opposition Rebels (Syria)" → "Opposition Rebels": a trailing parenthesised country (not a
/// period such as "(2000-)", which names a state's government) taken off.
fn strip_country(name: &str) -> &str {
    match name.strip_suffix(')').and_then(|n| n.rsplit_once(" (")) {
        Some((group, inside)) if !inside.starts_with(|c: char| c.is_ascii_digit()) => group,
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicons_parse() {
        let lex = Lexicons::embedded();
        assert!(lex.families.len() >= 20);
        assert_eq!(lex.ordinals.get("second"), Some(&2));
        assert!(lex.cessation.iter().any(|p| p == "ceasefire"));
    }

    #[test]
    fn type_scores_are_symmetric_and_unlisted_pairs_never_merge() {
        let lex = Lexicons::embedded();
        let nvt = SubEventType::from_acled("Non-violent transfer of territory").unwrap();
        let agr = SubEventType::from_acled("Agreement").unwrap();
        let air = SubEventType::from_acled("Air/drone strike").unwrap();
        assert_eq!(lex.type_score(nvt, agr).unwrap().0, 0.8);
        assert_eq!(lex.type_score(agr, nvt).unwrap().0, 0.8);
        assert_eq!(lex.type_score(air, air).unwrap().0, 1.0);
        assert!(lex.type_score(air, agr).is_none());
    }

    #[test]
    fn ordinals_need_a_counted_noun() {
        let lex = Lexicons::embedded();
        assert_eq!(
            lex.ordinal("A second group of fighters left the camp.")
                .unwrap()
                .0,
            2
        );
        assert_eq!(lex.ordinal("The first convoy left at dawn.").unwrap().0, 1);
        assert!(lex
            .ordinal("For the first time since 2012 the town is quiet.")
            .is_none());
    }

    #[test]
    fn a_states_government_army_and_police_are_one_side() {
        let lex = Lexicons::embedded();
        assert_eq!(
            lex.actor_side("Government of Testland (2001-)"),
            ("Testland (2001-)", true)
        );
        assert_eq!(
            lex.actor_side("Military Forces of Testland (2001-)"),
            lex.actor_side("Police Forces of Testland (2001-)")
        );
        // a group's country is left off: the reader may file it under the wrong one
        assert_eq!(
            lex.actor_side("Hill Brigade (Testland)"),
            ("Hill Brigade", false)
        );
        assert_eq!(lex.actor_side("Hill Brigade"), ("Hill Brigade", false));
        assert!(lex.generic_words.contains("killed") && !lex.generic_words.contains("stadium"));
        let bomb = SubEventType::from_acled("Suicide bomb").unwrap();
        let strike = SubEventType::from_acled("Air/drone strike").unwrap();
        assert!(lex.singular_kinds.contains(&bomb) && !lex.singular_kinds.contains(&strike));
        // a bombing seldom recurs in a whole city on one day; a capture does (a city's battle)
        let capture = SubEventType::from_acled("Non-state actor overtakes territory").unwrap();
        assert!(lex.singular_in_city.contains(&bomb) && lex.singular_kinds.contains(&capture));
        assert!(!lex.singular_in_city.contains(&capture));
    }

    #[test]
    fn cessation_phrases_match_whole_words() {
        let lex = Lexicons::embedded();
        assert_eq!(
            lex.cessation("A truce was agreed in the town.").as_deref(),
            Some("truce")
        );
        assert_eq!(
            lex.cessation("All operations had stopped since noon.")
                .as_deref(),
            Some("operations had stopped")
        );
        assert!(lex.cessation("The trucebreakers fled.").is_none());
    }

    #[test]
    fn a_bad_line_names_file_line_and_expectation() {
        // (the file's text, the file and line the error must name)
        let cases: [(LexiconTexts, &str); 6] = [
            (
                LexiconTexts {
                    families: "Agreement\tNo such type\t0.5\n",
                    ..Default::default()
                },
                "families.tsv line 1",
            ),
            (
                LexiconTexts {
                    singular_kinds: "# kinds\nSuicide bomb\tcity\nCar bombing\tcity\n",
                    ..Default::default()
                },
                "singular_kinds.tsv line 3",
            ),
            // the scope is "place" or "city"
            (
                LexiconTexts {
                    singular_kinds: "Suicide bomb\tcity\nAgreement\tvillage\n",
                    ..Default::default()
                },
                "singular_kinds.tsv line 2",
            ),
            (
                LexiconTexts {
                    ordinals: "first\tone\n",
                    ..Default::default()
                },
                "ordinals.tsv line 1",
            ),
            (
                LexiconTexts {
                    generic_words: "# comment\nkilled\nair strike\n",
                    ..Default::default()
                },
                "generic_words.tsv line 3",
            ),
            (
                LexiconTexts {
                    state_actors: "Government\n",
                    ..Default::default()
                },
                "state_actors.tsv line 1",
            ),
        ];
        for (texts, want) in cases {
            let msg = Lexicons::parse(texts).unwrap_err().to_string();
            assert!(msg.contains(want), "{want}: {msg}");
        }
    }
}
