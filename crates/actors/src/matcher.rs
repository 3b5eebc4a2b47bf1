//! Alias matching: one Aho-Corasick automaton over all aliases, then the checks a
//! reporter's text needs (word boundaries, case-sensitive acronyms, negating prefixes)
//! and a leftmost-longest choice among the matches that survive.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// One alias as written, with what it points to.
#[derive(Debug, Clone)]
pub(crate) struct Variant<T> {
    /// Byte ranges of the alias that must match case-sensitively (acronyms).
    exact: Vec<(usize, usize)>,
    /// The alias as written (for the exact ranges).
    alias: String,
    /// A two-capital alias ("IS", "AA"): rejected inside all-capital text.
    short_caps: bool,
    /// What the alias names.
    pub target: T,
}

/// A match that passed the checks.
#[derive(Debug)]
pub(crate) struct Hit<'m, T> {
    /// Byte start in the text.
    pub start: usize,
    /// Byte end in the text.
    pub end: usize,
    /// The variant that matched.
    pub variant: &'m Variant<T>,
    /// Bytes at the end of `start..end` that must follow the actor but are not its words
    /// (the caller sets it: "Turkey shelled" names Turkey's forces by "Turkey" only).
    pub tail: usize,
}

impl<T> Clone for Hit<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Hit<'_, T> {}

/// Collects aliases, then freezes into a [`Matcher`].
pub(crate) struct MatcherBuilder<T> {
    patterns: Vec<String>,
    index: HashMap<String, usize>,
    variants: Vec<Vec<Variant<T>>>,
}

impl<T> MatcherBuilder<T> {
    /// An empty builder.
    pub fn new() -> Self {
        MatcherBuilder {
            patterns: Vec::new(),
            index: HashMap::new(),
            variants: Vec::new(),
        }
    }

    /// Adds an alias and what it points to. A leading "the " is dropped (the article
    /// is not part of the name, and "the Military Police" must not split into "the
    /// military" + "Police"). Spelling variants are added with it: a typographic
    /// apostrophe for `'`, a space for `-`.
    pub fn add(&mut self, alias: &str, target: T)
    where
        T: Clone,
    {
        self.add_spellings(alias, target, true);
    }

    /// Adds an alias that names its actor only before words the caller checks ("Turkey"
    /// before "shelled"): those words, not capitals around it, tell a two-capital alias
    /// ("US") from a headline's word, so it is kept in capital text.
    pub fn add_head(&mut self, alias: &str, target: T)
    where
        T: Clone,
    {
        self.add_spellings(alias, target, false);
    }

    fn add_spellings(&mut self, alias: &str, target: T, check_caps: bool)
    where
        T: Clone,
    {
        let alias = match alias.get(..4) {
            Some(head) if head.eq_ignore_ascii_case("the ") && alias.len() > 4 => &alias[4..],
            _ => alias,
        };
        let mut spellings = vec![alias.to_string()];
        if alias.contains('\'') {
            spellings.push(alias.replace('\'', "\u{2019}"));
        }
        if alias.contains('-') && alias.len() > 4 {
            spellings.push(alias.replace('-', " "));
        }
        for spelling in spellings {
            self.add_one(&spelling, target.clone(), check_caps);
        }
    }

    fn add_one(&mut self, alias: &str, target: T, check_caps: bool) {
        let key = alias.to_ascii_lowercase();
        let slot = match self.index.get(&key) {
            Some(&i) => i,
            None => {
                self.patterns.push(key.clone());
                self.variants.push(Vec::new());
                self.index.insert(key, self.patterns.len() - 1);
                self.patterns.len() - 1
            }
        };
        let exact = acronym_ranges(alias);
        let short_caps =
            check_caps && alias.len() == 2 && alias.chars().all(|c| c.is_ascii_uppercase());
        self.variants[slot].push(Variant {
            exact,
            alias: alias.to_string(),
            short_caps,
            target,
        });
    }

    /// Builds the automaton.
    pub fn build(self) -> Matcher<T> {
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&self.patterns)
            .expect("alias automaton builds");
        Matcher {
            ac,
            variants: self.variants,
        }
    }
}

/// The frozen matcher.
pub(crate) struct Matcher<T> {
    ac: AhoCorasick,
    variants: Vec<Vec<Variant<T>>>,
}

impl<T> Matcher<T> {
    /// Every alias occurrence in `text[range]` that stands on word boundaries and
    /// matches its acronyms exactly, with every variant that `accept` takes. Overlapping
    /// occurrences are all returned; see [`choose`].
    pub fn hits<'m>(
        &'m self,
        text: &str,
        start: usize,
        end: usize,
        negating_prefixes: &[String],
        mut accept: impl FnMut(&Variant<T>) -> bool,
        out: &mut Vec<Hit<'m, T>>,
    ) {
        let hay = &text.as_bytes()[..end];
        let input = aho_corasick::Input::new(hay).span(start..end);
        for m in self.ac.find_overlapping_iter(input) {
            let (s, e) = (m.start(), m.end());
            if !on_boundaries(text, s, e) {
                continue;
            }
            if negated(text, s, negating_prefixes) {
                continue;
            }
            for v in &self.variants[m.pattern().as_usize()] {
                if !exact_ok(text, s, v) {
                    continue;
                }
                if v.short_caps && in_capital_text(text, s, e) {
                    continue;
                }
                if accept(v) {
                    out.push(Hit {
                        start: s,
                        end: e,
                        variant: v,
                        tail: 0,
                    });
                }
            }
        }
    }
}

/// Leftmost-longest choice among hits: at each position a hit whose `rank` is at least
/// `override_rank` wins outright (an alias local to the article's country), then the
/// longest hit, ties broken by the higher `rank`; hits overlapping a chosen one are dropped.
pub(crate) fn choose<'m, T>(
    hits: &mut [Hit<'m, T>],
    rank: impl Fn(&Variant<T>) -> u8,
    override_rank: u8,
) -> Vec<Hit<'m, T>> {
    hits.sort_by(|a, b| {
        let (ra, rb) = (rank(a.variant), rank(b.variant));
        a.start
            .cmp(&b.start)
            .then((rb >= override_rank).cmp(&(ra >= override_rank)))
            .then(b.end.cmp(&a.end))
            .then(rb.cmp(&ra))
    });
    let mut chosen: Vec<Hit<'m, T>> = Vec::new();
    let mut last_end = 0;
    for h in hits.iter() {
        if !chosen.is_empty() && h.start < last_end {
            continue;
        }
        last_end = h.end;
        chosen.push(*h);
    }
    chosen
}

/// Byte ranges of tokens written with two or more capitals or a capital after the
/// first letter ("IS", "SDF", "LeT"): those must match case-sensitively.
fn acronym_ranges(alias: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let bytes = alias.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let s = i;
        while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
        let token = &bytes[s..i];
        let caps = token.iter().filter(|b| b.is_ascii_uppercase()).count();
        let inner_cap = token.iter().skip(1).any(|b| b.is_ascii_uppercase());
        if caps >= 2 || (inner_cap && token.len() > 1) {
            out.push((s, i));
        }
    }
    out
}

fn exact_ok<T>(text: &str, start: usize, v: &Variant<T>) -> bool {
    let t = text.as_bytes();
    let a = v.alias.as_bytes();
    v.exact
        .iter()
        .all(|&(s, e)| t.get(start + s..start + e) == a.get(s..e))
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The match is not part of a longer word.
fn on_boundaries(text: &str, start: usize, end: usize) -> bool {
    if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return false;
    }
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}

/// "anti-Houthi": a negating prefix written right before the match.
fn negated(text: &str, start: usize, prefixes: &[String]) -> bool {
    let head = &text.as_bytes()[..start];
    prefixes.iter().any(|p| {
        let p = p.as_bytes();
        head.len() >= p.len() && head[head.len() - p.len()..].eq_ignore_ascii_case(p) && {
            let before = head.len() - p.len();
            before == 0 || !text[..before].chars().next_back().is_some_and(is_word_char)
        }
    })
}

/// Whether `[start, end)` sits in text written in capitals (a headline, where "IS" is
/// only a verb): two or more of the two words before and the two after are capitals.
fn in_capital_text(text: &str, start: usize, end: usize) -> bool {
    let capital = |w: &&str| w.len() >= 2 && w.chars().all(|c| c.is_uppercase());
    let words = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    let mut from = start.saturating_sub(40);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + 40).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let before = words(&text[from..start]);
    let after = words(&text[end..to]);
    let n = before
        .iter()
        .rev()
        .take(2)
        .filter(|w| capital(&w.as_str()))
        .count()
        + after
            .iter()
            .take(2)
            .filter(|w| capital(&w.as_str()))
            .count();
    n >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher(aliases: &[&str]) -> Matcher<usize> {
        let mut b = MatcherBuilder::new();
        for (i, a) in aliases.iter().enumerate() {
            b.add(a, i);
        }
        b.build()
    }

    fn found(m: &Matcher<usize>, text: &str) -> Vec<String> {
        let mut hits = Vec::new();
        m.hits(
            text,
            0,
            text.len(),
            &["anti-".to_string()],
            |_| true,
            &mut hits,
        );
        choose(&mut hits, |_| 0, u8::MAX)
            .into_iter()
            .map(|h| text[h.start..h.end].to_string())
            .collect()
    }

    #[test]
    fn acronyms_are_case_sensitive_and_words_are_not() {
        let m = matcher(&["IS", "ISIS", "army", "police"]);
        assert_eq!(found(&m, "This is the crisis"), Vec::<String>::new());
        assert_eq!(found(&m, "IS fighters and ISIS cells"), ["IS", "ISIS"]);
        assert_eq!(found(&m, "The Army and the POLICE"), ["Army", "POLICE"]);
        assert_eq!(found(&m, "armys of the policy"), Vec::<String>::new());
    }

    #[test]
    fn short_capitals_are_ignored_in_capital_headlines() {
        let m = matcher(&["IS"]);
        assert!(found(&m, "WHERE IS THE CONVOY").is_empty());
        assert_eq!(found(&m, "Where IS struck"), ["IS"]);
        assert_eq!(found(&m, "Fighters of IS, SDF and others"), ["IS"]);
        assert_eq!(
            found(&m, "ééééééééééééééééééééééé IS ééééééééééééééééééééé"),
            ["IS"]
        );
    }

    #[test]
    fn leftmost_longest_wins_and_prefixes_negate() {
        let m = matcher(&["Houthi", "pro-Houthi forces", "forces"]);
        assert_eq!(
            found(&m, "pro-Houthi forces advanced"),
            ["pro-Houthi forces"]
        );
        assert_eq!(found(&m, "anti-Houthi forces"), ["forces"]);
    }

    #[test]
    fn spelling_variants_match() {
        let m = matcher(&["Haftar's forces", "al-Shabaab"]);
        assert_eq!(
            found(&m, "Haftar\u{2019}s forces"),
            ["Haftar\u{2019}s forces"]
        );
        assert_eq!(found(&m, "al Shabaab"), ["al Shabaab"]);
    }

    #[test]
    fn acronym_ranges_cover_mixed_case_tokens() {
        assert_eq!(acronym_ranges("LeT militants"), [(0, 3)]);
        assert_eq!(acronym_ranges("Islamic State"), []);
        assert_eq!(acronym_ranges("SDF fighters"), [(0, 3)]);
    }
}
