//! The data files' schema (`data/actors.toml`, `data/sources.toml`) and their checks.

use std::collections::BTreeMap;

use serde::Deserialize;
use sitrep_model::ClaimantKind;
use toml::Spanned;

use crate::{ActorKind, ActorsError};

/// One dictionary file as written.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct FileDoc {
    #[serde(default)]
    pub grammar: Option<GrammarDoc>,
    #[serde(default)]
    pub country: Vec<Spanned<CountryDoc>>,
    #[serde(default)]
    pub template: Vec<Spanned<TemplateDoc>>,
    #[serde(default)]
    pub actor: Vec<Spanned<ActorDoc>>,
    #[serde(default)]
    pub source: Vec<Spanned<SourceDoc>>,
}

/// Word lists that steer matching.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct GrammarDoc {
    #[serde(default)]
    pub plural_words: Vec<String>,
    #[serde(default)]
    pub negating_prefixes: Vec<String>,
    #[serde(default)]
    pub negating_suffixes: Vec<String>,
    #[serde(default)]
    pub attack_verbs: Vec<String>,
}

/// A country as ACLED spells it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CountryDoc {
    pub name: String,
    #[serde(default)]
    pub the: bool,
    #[serde(default)]
    pub demonyms: Vec<String>,
    #[serde(default)]
    pub aka: Vec<String>,
    pub period: Option<String>,
    #[serde(default)]
    pub overrides: BTreeMap<String, String>,
    #[serde(default)]
    pub state_forces_first_in_clashes: bool,
}

/// A country-generic actor.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TemplateDoc {
    pub id: String,
    pub name: String,
    pub inter: u8,
    pub kind: ActorKind,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub generic_aliases: Vec<String>,
    #[serde(default)]
    pub implied_aliases: Vec<String>,
    #[serde(default)]
    pub demonym_aliases: Vec<String>,
}

/// A named actor.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ActorDoc {
    pub id: String,
    pub name: String,
    pub inter: u8,
    pub kind: ActorKind,
    pub home: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub generic_aliases: Vec<String>,
    #[serde(default)]
    pub implied_aliases: Vec<String>,
    #[serde(default)]
    pub local: BTreeMap<String, Vec<String>>,
}

/// A claimant.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SourceDoc {
    pub name: String,
    pub kind: ClaimantKind,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The country where `local_aliases` name this source.
    #[serde(default)]
    pub country: Option<String>,
    /// Aliases that name this source only in articles of `country` ("the monitor" is the
    /// Syrian Observatory in a Syrian report, another monitor elsewhere).
    #[serde(default)]
    pub local_aliases: Vec<String>,
}

/// 1-based line of a byte offset.
pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Parses one file; syntax and schema errors name the file and line.
pub(crate) fn parse(text: &str, origin: &str) -> Result<FileDoc, ActorsError> {
    toml::from_str::<FileDoc>(text).map_err(|e| {
        let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(0);
        ActorsError::Syntax {
            origin: origin.to_string(),
            line,
            message: e.message().to_string(),
        }
    })
}

/// How an alias string is to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flavor {
    /// Names the actor.
    Plain,
    /// "the group", "militants": needs resolving to a named actor.
    Generic,
    /// An event word that implies the actor ("protested").
    Implied,
}

/// Splits a leading marker off an alias: `?` generic, `+` implied.
pub(crate) fn marked(alias: &str, default: Flavor) -> (&str, Flavor) {
    if let Some(rest) = alias.strip_prefix('?') {
        (rest, Flavor::Generic)
    } else if let Some(rest) = alias.strip_prefix('+') {
        (rest, Flavor::Implied)
    } else {
        (alias, default)
    }
}

/// Checks one alias: something to match, no stray placeholders unless allowed.
pub(crate) fn check_alias(
    alias: &str,
    placeholders_allowed: bool,
    at: &Place<'_>,
) -> Result<(), ActorsError> {
    if alias.trim() != alias || !alias.chars().any(|c| c.is_alphanumeric()) {
        return Err(at.error(format!(
            "alias {alias:?} must hold a word and no surrounding spaces"
        )));
    }
    if !placeholders_allowed && (alias.contains('{') || alias.contains('}')) {
        return Err(at.error(format!(
            "alias {alias:?} holds a placeholder where none is filled"
        )));
    }
    Ok(())
}

/// Where an entry sits, for error messages.
pub(crate) struct Place<'a> {
    pub origin: &'a str,
    pub line: usize,
    pub entry: String,
}

impl Place<'_> {
    /// An error at this place.
    pub fn error(&self, message: String) -> ActorsError {
        ActorsError::Entry {
            origin: self.origin.to_string(),
            line: self.line,
            entry: self.entry.clone(),
            message,
        }
    }
}

/// Replaces `{key}` placeholders; an unknown placeholder is an error.
pub(crate) fn fill(
    pattern: &str,
    values: &[(&str, &str)],
    at: &Place<'_>,
) -> Result<String, ActorsError> {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after
            .find('}')
            .ok_or_else(|| at.error(format!("unclosed placeholder in {pattern:?}")))?;
        let key = &after[..close];
        let value = values
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| *v)
            .ok_or_else(|| {
                at.error(format!(
                    "placeholder {{{key}}} in {pattern:?} is not one of {:?}",
                    values.iter().map(|(k, _)| *k).collect::<Vec<_>>()
                ))
            })?;
        out.push_str(value);
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// A template's name for an article whose country is unknown: placeholders and the
/// words that carry them dropped ("Military Forces of {the_country} ({period})" →
/// "Military Forces").
pub(crate) fn name_without_country(pattern: &str) -> String {
    let mut name = pattern.to_string();
    for drop in [
        " of {the_country}",
        " of {country}",
        " ({country})",
        " ({period})",
        " ({the_country})",
    ] {
        name = name.replace(drop, "");
    }
    while let (Some(open), Some(close)) = (name.find('{'), name.find('}')) {
        if close < open {
            break;
        }
        name.replace_range(open..=close, "");
    }
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn here() -> Place<'static> {
        Place {
            origin: "t.toml",
            line: 3,
            entry: "x".into(),
        }
    }

    #[test]
    fn fills_placeholders_and_rejects_unknown_ones() {
        let v = [("country", "Syria"), ("period", "2000-")];
        assert_eq!(
            fill("Military Forces of {country} ({period})", &v, &here()).unwrap(),
            "Military Forces of Syria (2000-)"
        );
        let err = fill("{nation} army", &v, &here()).unwrap_err().to_string();
        assert!(
            err.contains("t.toml:3") && err.contains("{nation}"),
            "{err}"
        );
    }

    #[test]
    fn names_without_country() {
        assert_eq!(
            name_without_country("Military Forces of {the_country} ({period})"),
            "Military Forces"
        );
        assert_eq!(name_without_country("Protesters ({country})"), "Protesters");
    }

    #[test]
    fn markers_set_the_flavor() {
        assert_eq!(
            marked("?the group", Flavor::Plain),
            ("the group", Flavor::Generic)
        );
        assert_eq!(
            marked("+found dead", Flavor::Plain),
            ("found dead", Flavor::Implied)
        );
        assert_eq!(marked("Taliban", Flavor::Plain), ("Taliban", Flavor::Plain));
    }

    #[test]
    fn syntax_errors_name_file_and_line() {
        let err = parse("[[actor]]\nid = \"a\"\nname = 3\n", "bad.toml")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("bad.toml:"), "{err}");
    }
}
