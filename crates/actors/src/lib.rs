/*!
Actors named as ACLED names them, and the claimants a report cites.

A reviewed dictionary (`data/actors.toml`, embedded) maps the words a reporter writes
("Syrian troops", "pro-Houthi forces", "gunmen", "DPR") to ACLED actor names with their
inter codes. Country-generic actors are templates filled with the article's country
("soldiers" in a Syria story → "Military Forces of Syria (2000-)"); a demonym in the
mention overrides the article's country ("Turkish troops" → "Military Forces of Turkey
(2016-)", inter 8 outside Turkey). `data/sources.toml` lists claimants (monitors, state
media, agencies, military and government sources).

```
use sitrep_actors::{ActorDictionary, ActorKind};
use sitrep_model::Span;

let dict = ActorDictionary::embedded();
let text = "Syrian troops shelled the town, the Syrian Observatory for Human Rights said.";
let found = dict.find(text, Span::new(0, text.len()), Some("Syria"));
assert_eq!(found[0].actor.name, "Military Forces of Syria (2000-)");
assert_eq!(found[0].actor.inter, 1);
assert_eq!(found[0].kind, ActorKind::StateForces);

let sources = dict.find_sources(text, Span::new(0, text.len()), Some("Syria"));
assert_eq!(sources[0].name, "Syrian Observatory for Human Rights");

// Event words imply actors the sentence does not name; they come separately.
let text = "Hundreds protested outside the parliament.";
let implied = dict.find_implied(text, Span::new(0, text.len()), Some("Lebanon"));
assert_eq!(implied[0].actor.name, "Protesters (Lebanon)");
```

Mentions are chosen leftmost-longest among the aliases that stand on word boundaries;
an alias local to the article's country (`local` in the data: "militants" in Somalia
are Al Shabaab) wins over others at the same position. Tokens of two or more capitals
("IS", "SDF") match case-sensitively, other words case-insensitively.

Every mention carries its evidence: `evidence.rule` is `actors:<entry id>`, the entry
that fired (`actors:military/Syria`, `actors:houthis`).
*/
#![deny(missing_docs)]

mod data;
mod matcher;

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use sitrep_model::{ActorRef, ClaimantKind, Evidence, Span};

use data::{check_alias, fill, marked, name_without_country, Flavor, Place};
use matcher::{choose, Hit, Matcher, MatcherBuilder, Variant};

/// The actor dictionary shipped with sitrep.
pub const ACTORS_TOML: &str = include_str!("../../../data/actors.toml");
/// The claimant dictionary shipped with sitrep.
pub const SOURCES_TOML: &str = include_str!("../../../data/sources.toml");

/// Why a dictionary could not be built.
#[derive(Debug, thiserror::Error)]
pub enum ActorsError {
    /// The file is not valid TOML or does not follow the schema.
    #[error("{origin}:{line}: {message}")]
    Syntax {
        /// The file.
        origin: String,
        /// 1-based line (0 when unknown).
        line: usize,
        /// What the parser expected.
        message: String,
    },
    /// An entry breaks a rule of the dictionary.
    #[error("{origin}:{line}: entry {entry:?}: {message}")]
    Entry {
        /// The file.
        origin: String,
        /// 1-based line of the entry.
        line: usize,
        /// The entry's id or name.
        entry: String,
        /// What is wrong.
        message: String,
    },
}

/// What sort of actor a mention names (ACLED inter codes 1-8, police split from the military).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// State forces (inter 1).
    StateForces,
    /// Police forces (inter 1).
    Police,
    /// Rebel groups (inter 2).
    Rebels,
    /// Political militias (inter 3).
    PoliticalMilitia,
    /// Identity (ethnic, communal, clan) militias (inter 4).
    IdentityMilitia,
    /// Rioters (inter 5).
    Rioters,
    /// Protesters (inter 6).
    Protesters,
    /// Civilians (inter 7).
    Civilians,
    /// External / other forces (inter 8).
    External,
    /// Unidentified armed groups, gangs, forces.
    Unidentified,
    /// Anything else.
    Other,
}

/// One alias of an entry, and the article country it needs (for local aliases and
/// template aliases filled with the article's country).
#[derive(Debug, Clone, PartialEq)]
pub struct AliasInfo {
    /// The alias as written.
    pub text: String,
    /// The article country under which it names this entry; `None` = any.
    pub country: Option<String>,
    /// A generic alias ("militants").
    pub generic: bool,
    /// An event word implying the actor ("protested").
    pub implied: bool,
}

/// An actor of the dictionary.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorEntry {
    /// Entry id: the `id` of a named actor, `<template>/<country>` for a filled template.
    pub id: String,
    /// ACLED name.
    pub name: String,
    /// ACLED inter code at home (state forces abroad are coded 8).
    pub inter: u8,
    /// What sort of actor.
    pub kind: ActorKind,
    /// The country whose state forces these are, when they are.
    pub home: Option<String>,
    /// The aliases that name it.
    pub aliases: Vec<AliasInfo>,
    /// `file:line` of its definition.
    pub origin: String,
    /// The template it fills and the country it is filled with, when it is one (its
    /// article-country aliases are listed by [`ActorDictionary::aliases_of`]).
    template: Option<(u32, String)>,
}

/// An actor found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorMention {
    /// The words, article-relative bytes.
    pub span: Span,
    /// The actor: ACLED name, inter code (for the article's country), the words, and
    /// evidence whose `rule` is `actors:<entry id>` (its `article_id` and `sentence`
    /// are left for the caller to fill).
    pub actor: ActorRef,
    /// What sort of actor.
    pub kind: ActorKind,
    /// "the group", "militants", "gunmen": needs resolving to a named actor of the article.
    pub generic: bool,
    /// The actor is implied by an event word ("protested" → protesters, "found dead"
    /// in Mexico → an unidentified gang, as ACLED codes it); only
    /// [`ActorDictionary::find_implied`] returns such mentions.
    pub implied: bool,
    /// The words name several people ("soldiers", "the Houthis").
    pub plural: bool,
    /// Named by an alias local to the article's country (`local` in the data: "AA" in
    /// Myanmar is the Arakan Army): preferred there, over a claimant of the same words too.
    pub local: bool,
}

/// A claimant found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceMention {
    /// The words, article-relative bytes.
    pub span: Span,
    /// Canonical name ("Syrian Observatory for Human Rights", "SANA").
    pub name: String,
    /// What kind of source.
    pub kind: ClaimantKind,
}

/// The name of the monitor a report does not name ("a war monitor said", outside Syria:
/// `data/sources.toml`).
pub const UNNAMED_MONITOR: &str = "monitor";

/// "The Yemen Data Project said ... the monitor added": an unnamed monitor in an article that
/// names one is that one (the nearest named before it, else the first after). `sources` are
/// an article's claimant mentions, sentence by sentence.
pub fn name_unnamed_monitors(sources: &mut [Vec<SourceMention>]) {
    let named: Vec<(Span, String)> = sources
        .iter()
        .flatten()
        .filter(|m| m.kind == ClaimantKind::Monitor && m.name != UNNAMED_MONITOR)
        .map(|m| (m.span, m.name.clone()))
        .collect();
    if named.is_empty() {
        return;
    }
    for m in sources.iter_mut().flatten() {
        if m.name != UNNAMED_MONITOR {
            continue;
        }
        let before = named.iter().rev().find(|(s, _)| s.end <= m.span.start);
        if let Some((_, name)) = before.or(named.first()) {
            m.name = name.clone();
        }
    }
}

/// A country of the table.
#[derive(Debug, Clone)]
struct Country {
    name: String,
    the: bool,
    period: Option<String>,
    overrides: HashMap<String, String>,
    /// ACLED lists state forces first in this country's armed clashes, whatever the wording.
    state_forces_first_in_clashes: bool,
}

/// A country-generic actor.
#[derive(Debug, Clone)]
struct Template {
    id: String,
    name: String,
    inter: u8,
    kind: ActorKind,
    /// Filled entry per country of the table (None where the name cannot be filled).
    per_country: Vec<Option<u32>>,
    /// The aliases filled with the article's country.
    aliases: Vec<(String, Flavor)>,
}

/// What an alias points to.
#[derive(Debug, Clone, Copy)]
enum Target {
    /// A concrete entry.
    Entry(u32),
    /// A template filled with the article's country.
    Template(u32),
}

/// An alias's meaning.
#[derive(Debug, Clone, Copy)]
struct ActorAlias {
    target: Target,
    flavor: Flavor,
    /// Valid only in this country's articles.
    only_in: Option<u16>,
    /// Tie-break among aliases of the same words: local 3, named 2, demonym 1, template 0.
    rank: u8,
    /// Bytes at the end of the alias that must follow the actor but are not its words
    /// ("Turkey >shelled": the verb that makes a country name its forces).
    tail: u8,
    /// The alias names the actor only when one of the dictionary's attack verbs follows it
    /// ("Turkey >{attack_verb}"), which is then a tail as above.
    attack: bool,
}

/// Rank of an alias local to the article's country: it wins over longer aliases at the
/// same position ("Al-Shabaab" in Mozambique is not Somalia's Al Shabaab).
const RANK_LOCAL: u8 = 3;

/// A claimant of the table.
#[derive(Debug, Clone)]
struct Source {
    name: String,
    kind: ClaimantKind,
}

/// What a claimant alias names: a source, everywhere or only in one country's articles.
#[derive(Debug, Clone, Copy)]
struct SourceAlias {
    source: u32,
    only_in: Option<u16>,
}

/// The actor and claimant dictionary: built once, then shared (`Send + Sync`).
pub struct ActorDictionary {
    entries: Vec<ActorEntry>,
    by_name: HashMap<String, u32>,
    countries: Vec<Country>,
    country_index: HashMap<String, u16>,
    /// Lower-case demonym → country ("russian" → Russia).
    demonym_index: HashMap<String, u16>,
    templates: Vec<Template>,
    actors: Matcher<ActorAlias>,
    sources: Vec<Source>,
    source_matcher: Matcher<SourceAlias>,
    plural_words: HashSet<String>,
    negating_prefixes: Vec<String>,
    negating_suffixes: Vec<String>,
    /// `[grammar] attack_verbs`, lower-case, longest first.
    attack_verbs: Vec<String>,
}

impl std::fmt::Debug for ActorDictionary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ActorDictionary")
            .field("entries", &self.entries.len())
            .field("countries", &self.countries.len())
            .field("templates", &self.templates.len())
            .field("sources", &self.sources.len())
            .finish()
    }
}

impl ActorDictionary {
    /// The dictionary shipped with sitrep (`data/actors.toml` + `data/sources.toml`),
    /// built on first use.
    pub fn embedded() -> &'static ActorDictionary {
        static DICT: OnceLock<ActorDictionary> = OnceLock::new();
        DICT.get_or_init(|| {
            ActorDictionary::from_files(&[
                (ACTORS_TOML, "data/actors.toml"),
                (SOURCES_TOML, "data/sources.toml"),
            ])
            .unwrap_or_else(|e| panic!("embedded actor dictionary: {e}"))
        })
    }

    /// A dictionary from one TOML text (any of `[grammar]`, `[[country]]`,
    /// `[[template]]`, `[[actor]]`, `[[source]]`); `origin` names it in errors.
    pub fn from_toml(text: &str, origin: &str) -> Result<ActorDictionary, ActorsError> {
        Self::from_files(&[(text, origin)])
    }

    /// A dictionary from several TOML texts, each with its origin.
    pub fn from_files(files: &[(&str, &str)]) -> Result<ActorDictionary, ActorsError> {
        let mut build = Build::default();
        let mut docs = Vec::new();
        for (text, origin) in files {
            docs.push((data::parse(text, origin)?, *text, *origin));
        }
        // Countries first: templates and actors refer to them.
        for (doc, text, origin) in &docs {
            if let Some(g) = &doc.grammar {
                build
                    .plural_words
                    .extend(g.plural_words.iter().map(|w| w.to_lowercase()));
                build
                    .negating_prefixes
                    .extend(g.negating_prefixes.iter().cloned());
                build
                    .negating_suffixes
                    .extend(g.negating_suffixes.iter().cloned());
                for v in &g.attack_verbs {
                    let at = data::Place {
                        origin,
                        line: text
                            .find("attack_verbs")
                            .map_or(0, |i| data::line_of(text, i)),
                        entry: "grammar".into(),
                    };
                    check_alias(v, false, &at)?;
                    if v.chars().any(char::is_uppercase) || v.contains(['\'', '-']) {
                        return Err(at.error(format!(
                            "attack verb {v:?}: write it in lower case, without ' or -"
                        )));
                    }
                    build.attack_verbs.push(v.clone());
                }
            }
            for c in &doc.country {
                build.country(c, text, origin)?;
            }
        }
        for (doc, text, origin) in &docs {
            for a in &doc.actor {
                build.actor(a, text, origin)?;
            }
        }
        for (doc, text, origin) in &docs {
            for t in &doc.template {
                build.template(t, text, origin)?;
            }
            for s in &doc.source {
                build.source(s, text, origin)?;
            }
        }
        Ok(build.finish())
    }

    /// The actors named in `text[within]`, in text order; spans are relative to `text`.
    /// `country` is the article's country as ACLED spells it ("Syria", "Democratic
    /// Republic of Congo"); it fills country-generic actors ("soldiers") and decides
    /// whether state forces are at home (inter 1) or abroad (inter 8). Without it,
    /// generic actors are named without a country ("Military Forces").
    ///
    /// Event words that only imply an actor ("protested", "shot dead") are not returned
    /// here; see [`ActorDictionary::find_implied`].
    pub fn find(&self, text: &str, within: Span, country: Option<&str>) -> Vec<ActorMention> {
        self.find_where(text, within, country, |f| f != Flavor::Implied)
    }

    /// The actors that event words in `text[within]` imply ("demonstrators" are implied
    /// by "protested", an unidentified armed group by "shot dead", an unidentified gang by
    /// "found dead" in Mexico as ACLED codes it). Fallbacks for a side the sentence does
    /// not name; every mention has `implied` set.
    pub fn find_implied(
        &self,
        text: &str,
        within: Span,
        country: Option<&str>,
    ) -> Vec<ActorMention> {
        self.find_where(text, within, country, |f| f == Flavor::Implied)
    }

    fn find_where(
        &self,
        text: &str,
        within: Span,
        country: Option<&str>,
        flavor_ok: impl Fn(Flavor) -> bool,
    ) -> Vec<ActorMention> {
        let end = within.end.min(text.len());
        let start = within.start.min(end);
        let country_idx = country.and_then(|c| self.country_id(c));
        let mut hits: Vec<Hit<'_, ActorAlias>> = Vec::new();
        self.actors.hits(
            text,
            start,
            end,
            &self.negating_prefixes,
            |v| {
                flavor_ok(v.target.flavor)
                    && match v.target.only_in {
                        None => true,
                        Some(c) => Some(c) == country_idx,
                    }
            },
            &mut hits,
        );
        // "Turkey shelled": a country named right before an attack verb names its forces;
        // the verb joins the match (it must follow, within `end`), as a tail
        hits.retain_mut(|h| {
            let alias = h.variant.target;
            if !alias.attack {
                h.tail = alias.tail as usize;
                return true;
            }
            match self.attack_verb_at(text, h.end, end) {
                Some(n) => {
                    h.end += n;
                    h.tail = n;
                    true
                }
                None => false,
            }
        });
        // "Rebel-backer Washington": the match only says whom the actor backs
        hits.retain(|h| !negated_after(text, h.end, &self.negating_suffixes));
        // "rebels backed by Turkey shelled": a country with its attack verb after "by" backs
        // who acts, it does not act
        hits.retain(|h| h.tail == 0 || !after_by(text, h.start));
        // "a rocket fired from Lebanon struck": a country after "from" is where the weapon came
        // from, the verb's subject the weapon; the country does not act
        hits.retain(|h| h.tail == 0 || !word_before_is(text, h.start, "from"));
        let chosen = choose(
            &mut hits,
            |v: &Variant<ActorAlias>| v.target.rank,
            RANK_LOCAL,
        );
        chosen
            .into_iter()
            .map(|mut h| {
                // "Turkey shelled": the actor is the country's name only
                h.end -= h.tail;
                self.mention(text, &h, country, country_idx)
            })
            .collect()
    }

    /// The length of " <attack verb>" written at `at` (a space, the longest of the attack
    /// verbs, a word's end), when it ends by `end`.
    fn attack_verb_at(&self, text: &str, at: usize, end: usize) -> Option<usize> {
        let rest = text.as_bytes().get(at..end)?.strip_prefix(b" ")?;
        let verb = self.attack_verbs.iter().find(|v| {
            rest.len() >= v.len()
                && rest[..v.len()].eq_ignore_ascii_case(v.as_bytes())
                && !text[at + 1 + v.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
        })?;
        Some(1 + verb.len())
    }

    /// The claimants cited in `text[within]`, in text order.
    pub fn find_sources(
        &self,
        text: &str,
        within: Span,
        country: Option<&str>,
    ) -> Vec<SourceMention> {
        let end = within.end.min(text.len());
        let start = within.start.min(end);
        let country_idx = country.and_then(|c| self.country_id(c));
        let mut hits = Vec::new();
        self.source_matcher.hits(
            text,
            start,
            end,
            &[],
            |v| v.target.only_in.is_none_or(|c| Some(c) == country_idx),
            &mut hits,
        );
        // an alias local to the article's country wins at its position
        let rank = |v: &Variant<SourceAlias>| {
            if v.target.only_in.is_some() {
                RANK_LOCAL
            } else {
                0
            }
        };
        choose(&mut hits, rank, RANK_LOCAL)
            .into_iter()
            .map(|h| {
                let s = &self.sources[h.variant.target.source as usize];
                SourceMention {
                    span: Span::new(h.start, h.end),
                    name: s.name.clone(),
                    kind: s.kind,
                }
            })
            .collect()
    }

    /// The entry of an ACLED name ("Taliban", "Protesters (India)").
    pub fn by_name(&self, acled_name: &str) -> Option<&ActorEntry> {
        self.by_name
            .get(acled_name)
            .map(|&i| &self.entries[i as usize])
    }

    /// Every entry: named actors and templates filled for every country of the table.
    pub fn entries(&self) -> &[ActorEntry] {
        &self.entries
    }

    /// Every alias that names `entry`: its own, and for a filled template the template's
    /// aliases, which name it in articles from its country.
    pub fn aliases_of(&self, entry: &ActorEntry) -> Vec<AliasInfo> {
        let mut out = entry.aliases.clone();
        if let Some((t, country)) = &entry.template {
            out.extend(
                self.templates[*t as usize]
                    .aliases
                    .iter()
                    .map(|(text, f)| AliasInfo {
                        text: text.clone(),
                        country: Some(country.clone()),
                        generic: *f == Flavor::Generic,
                        implied: *f == Flavor::Implied,
                    }),
            );
        }
        out
    }

    /// The ACLED spelling of a country name, demonym-free ("the Philippines" →
    /// "Philippines", "DRC" → "Democratic Republic of Congo"), when it is in the table.
    pub fn country(&self, name: &str) -> Option<&str> {
        self.country_id(name)
            .map(|i| self.countries[i as usize].name.as_str())
    }

    /// "military forces of India and Pakistan": a country-generic mention whose words end with
    /// its country's name, followed by "and" and another country's name, names the same generic
    /// actor of that country too. Returns that second mention (its span: the second name), with
    /// the inter code seen from `country` (the article's); evidence `actors:<template>/<country>
    /// (coordinated)`.
    pub fn coordinated(
        &self,
        text: &str,
        mention: &ActorMention,
        country: Option<&str>,
    ) -> Option<ActorMention> {
        let rule = &mention.actor.evidence.as_ref()?.rule;
        let (template, first) = rule.strip_prefix("actors:")?.split_once('/')?;
        let t = self.templates.iter().position(|t| t.id == template)?;
        let first = self.country_id(first)?;
        let words = &text[mention.span.start..mention.span.end];
        let last = words.rsplit(' ').next()?;
        if self.country_id(last) != Some(first) {
            return None;
        }
        let rest = text.get(mention.span.end..)?;
        let after_and = rest.strip_prefix(" and ")?;
        let start = mention.span.end + (rest.len() - after_and.len());
        // the longest run of up to four words naming a country ("the Democratic Republic of Congo")
        let ends: Vec<usize> = after_and
            .char_indices()
            .filter(|(_, c)| !(c.is_alphanumeric() || *c == '-' || *c == '\''))
            .map(|(i, _)| i)
            .chain(std::iter::once(after_and.len()))
            .take(4)
            .collect();
        let (len, second) = ends
            .iter()
            .rev()
            .find_map(|&e| Some((e, self.country_id(&after_and[..e])?)))?;
        if second == first {
            return None;
        }
        let span = Span::new(start, start + len);
        self.state_beside(text, t, second, span, mention.plural, country)
    }

    /// "Russian and Syrian warplanes": a country-generic mention named by a demonym ("Syrian
    /// warplanes") right after another country's demonym and "and" names the same generic actor
    /// of that country too. Returns that first mention (its span: the first demonym), with the
    /// inter code seen from `country` (the article's); evidence `actors:<template>/<country>
    /// (coordinated)`.
    pub fn coordinated_before(
        &self,
        text: &str,
        mention: &ActorMention,
        country: Option<&str>,
    ) -> Option<ActorMention> {
        let rule = &mention.actor.evidence.as_ref()?.rule;
        // a filled template ("actors:military/Syria"), or a named state's forces ("Russian
        // warplanes": the military template of their home)
        let (template, second) = match rule.strip_prefix("actors:")?.split_once('/') {
            Some((t, c)) => (t, self.country_id(c)?),
            None => {
                let e = &self.entries[*self.by_name.get(&mention.actor.name)? as usize];
                if e.kind != ActorKind::StateForces {
                    return None;
                }
                ("military", self.country_id(e.home.as_deref()?)?)
            }
        };
        let t = self.templates.iter().position(|t| t.id == template)?;
        let words = &text[mention.span.start..mention.span.end];
        let head = words.split(' ').next()?;
        if self.demonym_index.get(&head.to_lowercase()) != Some(&second) {
            return None;
        }
        let before = text.get(..mention.span.start)?.strip_suffix(" and ")?;
        let word = before
            .rsplit(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-'))
            .next()?;
        if !word.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        let first = *self.demonym_index.get(&word.to_lowercase())?;
        if first == second {
            return None;
        }
        let span = Span::new(before.len() - word.len(), before.len());
        self.state_beside(text, t, first, span, mention.plural, country)
    }

    /// The other state's entry of template `t` named at `span` beside a mention of one state
    /// ("Russian and Syrian strikes"), foreign (inter 8) when not the article's `country`.
    fn state_beside(
        &self,
        text: &str,
        t: usize,
        state: u16,
        span: Span,
        plural: bool,
        country: Option<&str>,
    ) -> Option<ActorMention> {
        let e = &self.entries[self.templates[t].per_country[state as usize]? as usize];
        let inter = match (&e.home, country.and_then(|c| self.country_id(c))) {
            (Some(home), Some(c)) if *home != self.countries[c as usize].name => 8,
            _ => e.inter,
        };
        Some(ActorMention {
            span,
            actor: read_actor(
                e.name.clone(),
                inter,
                &text[span.start..span.end],
                span,
                format!("actors:{} (coordinated)", e.id),
            ),
            kind: e.kind,
            generic: false,
            implied: false,
            plural,
            local: false,
        })
    }

    /// Whether ACLED lists state forces (military, police) as actor 1 of an armed clash in
    /// this country even where the report names the other side first ("drug traffickers
    /// exchanged fire with military police": the police first in Brazil). `state_forces_first_in_clashes`
    /// in the country's entry.
    pub fn state_forces_first_in_clashes(&self, country: &str) -> bool {
        self.country_id(country)
            .is_some_and(|i| self.countries[i as usize].state_forces_first_in_clashes)
    }

    fn country_id(&self, name: &str) -> Option<u16> {
        let key = name.trim().to_lowercase();
        let key = key.strip_prefix("the ").unwrap_or(&key);
        self.country_index.get(key).copied()
    }

    fn mention(
        &self,
        text: &str,
        h: &Hit<'_, ActorAlias>,
        country: Option<&str>,
        country_idx: Option<u16>,
    ) -> ActorMention {
        let alias = h.variant.target;
        let words = &text[h.start..h.end];
        let (id, name, inter, kind, home) = match alias.target {
            Target::Entry(e) => {
                let e = &self.entries[e as usize];
                (
                    e.id.clone(),
                    e.name.clone(),
                    e.inter,
                    e.kind,
                    e.home.clone(),
                )
            }
            Target::Template(t) => {
                let t = &self.templates[t as usize];
                match country_idx.and_then(|c| t.per_country[c as usize]) {
                    Some(e) => {
                        let e = &self.entries[e as usize];
                        (
                            e.id.clone(),
                            e.name.clone(),
                            e.inter,
                            e.kind,
                            e.home.clone(),
                        )
                    }
                    None => {
                        // A country outside the table fills what needs no period.
                        let name = match country {
                            Some(c) if !t.name.contains("{period}") => {
                                let c = c.trim();
                                t.name.replace("{country}", c).replace("{the_country}", c)
                            }
                            _ => name_without_country(&t.name),
                        };
                        let id = format!("{}/{}", t.id, country.unwrap_or("-"));
                        (id, name, t.inter, t.kind, None)
                    }
                }
            }
        };
        let inter = match (&home, country_idx) {
            (Some(home), Some(c)) if *home != self.countries[c as usize].name => 8,
            _ => inter,
        };
        let span = Span::new(h.start, h.end);
        ActorMention {
            span,
            actor: read_actor(name, inter, words, span, format!("actors:{id}")),
            kind,
            generic: alias.flavor == Flavor::Generic,
            implied: alias.flavor == Flavor::Implied,
            plural: self.is_plural(words),
            local: alias.rank == RANK_LOCAL,
        }
    }

    fn is_plural(&self, words: &str) -> bool {
        let last = words
            .rsplit(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .unwrap_or("")
            .to_lowercase();
        if self.plural_words.contains(&last) {
            return true;
        }
        last.len() > 3
            && last.ends_with('s')
            && !last.ends_with("ss")
            && !last.ends_with("us")
            && !last.ends_with("is")
    }
}

/// Dictionary under construction.
#[derive(Default)]
struct Build {
    entries: Vec<ActorEntry>,
    by_name: HashMap<String, u32>,
    ids: HashMap<String, String>,
    countries: Vec<Country>,
    country_index: HashMap<String, u16>,
    demonyms: Vec<Vec<String>>,
    akas: Vec<Vec<String>>,
    templates: Vec<Template>,
    aliases: Vec<(String, ActorAlias)>,
    sources: Vec<Source>,
    source_aliases: Vec<(String, SourceAlias)>,
    plural_words: HashSet<String>,
    negating_prefixes: Vec<String>,
    negating_suffixes: Vec<String>,
    attack_verbs: Vec<String>,
}

fn check_inter(inter: u8, at: &Place<'_>) -> Result<(), ActorsError> {
    if (1..=8).contains(&inter) {
        Ok(())
    } else {
        Err(at.error(format!("inter {inter} is not an ACLED inter code 1-8")))
    }
}

impl Build {
    fn place<'a>(origin: &'a str, text: &str, at: usize, entry: &str) -> Place<'a> {
        Place {
            origin,
            line: data::line_of(text, at),
            entry: entry.to_string(),
        }
    }

    fn claim_id(&mut self, id: &str, place: &Place<'_>) -> Result<(), ActorsError> {
        if id.is_empty() || id.contains(char::is_whitespace) {
            return Err(place.error("id must be one word".into()));
        }
        let here = format!("{}:{}", place.origin, place.line);
        if let Some(first) = self.ids.insert(id.to_string(), here) {
            return Err(place.error(format!("id {id:?} is already used at {first}")));
        }
        Ok(())
    }

    fn country_of(&self, name: &str, place: &Place<'_>) -> Result<u16, ActorsError> {
        self.country_index
            .get(&name.to_lowercase())
            .copied()
            .ok_or_else(|| {
                place.error(format!(
                    "country {name:?} is not in the [[country]] table (ACLED spelling expected)"
                ))
            })
    }

    fn country(
        &mut self,
        c: &toml::Spanned<data::CountryDoc>,
        text: &str,
        origin: &str,
    ) -> Result<(), ActorsError> {
        let place = Self::place(origin, text, c.span().start, &c.get_ref().name);
        let c = c.get_ref();
        if c.name.trim().is_empty() {
            return Err(place.error("country name is empty".into()));
        }
        if let Some(p) = &c.period {
            let ok = p.len() >= 5
                && p[..4].bytes().all(|b| b.is_ascii_digit())
                && p.as_bytes()[4] == b'-'
                && (p.len() == 5 || (p.len() == 9 && p[5..].bytes().all(|b| b.is_ascii_digit())));
            if !ok {
                return Err(place.error(format!(
                    "period {p:?} is not written as ACLED writes it (\"2000-\" or \"2010-2018\")"
                )));
            }
        }
        let idx = self.countries.len() as u16;
        for key in std::iter::once(&c.name).chain(c.aka.iter()) {
            if self.country_index.insert(key.to_lowercase(), idx).is_some() {
                return Err(place.error(format!("country name {key:?} is defined twice")));
            }
        }
        for d in &c.demonyms {
            check_alias(d, false, &place)?;
        }
        self.countries.push(Country {
            name: c.name.clone(),
            the: c.the,
            period: c.period.clone(),
            overrides: c
                .overrides
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            state_forces_first_in_clashes: c.state_forces_first_in_clashes,
        });
        self.demonyms.push(c.demonyms.clone());
        self.akas.push(c.aka.clone());
        Ok(())
    }

    /// Adds an entry, or returns the one already holding that name.
    fn entry(&mut self, entry: ActorEntry, place: &Place<'_>) -> Result<u32, ActorsError> {
        // A named actor defined under the same name wins over a filled template.
        if let Some(&i) = self.by_name.get(&entry.name) {
            let _ = place;
            return Ok(i);
        }
        let i = self.entries.len() as u32;
        self.by_name.insert(entry.name.clone(), i);
        self.entries.push(entry);
        Ok(i)
    }

    fn push_alias(&mut self, entry: Option<u32>, text: &str, info: AliasInfo, alias: ActorAlias) {
        if let Some(e) = entry {
            self.entries[e as usize].aliases.push(info);
        }
        self.aliases.push((text.to_string(), alias));
    }

    /// Register `alias` for entry `e`, valid everywhere or only in country `only_in`.
    fn push_entry_alias(
        &mut self,
        e: u32,
        alias: &str,
        flavor: Flavor,
        only_in: Option<u16>,
        rank: u8,
    ) {
        let info = AliasInfo {
            text: alias.to_string(),
            country: only_in.map(|c| self.countries[c as usize].name.clone()),
            generic: flavor == Flavor::Generic,
            implied: flavor == Flavor::Implied,
        };
        let target = ActorAlias {
            target: Target::Entry(e),
            flavor,
            only_in,
            rank,
            tail: 0,
            attack: false,
        };
        self.push_alias(Some(e), alias, info, target);
    }

    fn actor(
        &mut self,
        a: &toml::Spanned<data::ActorDoc>,
        text: &str,
        origin: &str,
    ) -> Result<(), ActorsError> {
        let place = Self::place(origin, text, a.span().start, &a.get_ref().id);
        let a = a.get_ref();
        self.claim_id(&a.id, &place)?;
        check_inter(a.inter, &place)?;
        if a.name.trim().is_empty() {
            return Err(place.error("name is empty".into()));
        }
        let home = match &a.home {
            Some(h) => Some(
                self.countries[self.country_of(h, &place)? as usize]
                    .name
                    .clone(),
            ),
            None => None,
        };
        if self.by_name.contains_key(&a.name) {
            return Err(place.error(format!("{:?} is defined twice", a.name)));
        }
        let e = self.entry(
            ActorEntry {
                id: a.id.clone(),
                name: a.name.clone(),
                inter: a.inter,
                kind: a.kind,
                home,
                aliases: Vec::new(),
                origin: format!("{}:{}", place.origin, place.line),
                template: None,
            },
            &place,
        )?;
        let lists = [
            (&a.aliases, Flavor::Plain),
            (&a.generic_aliases, Flavor::Generic),
            (&a.implied_aliases, Flavor::Implied),
        ];
        // The ACLED name itself is an alias ("Operation Peace Spring").
        let own_name = std::iter::once((a.name.as_str(), Flavor::Plain));
        let listed = lists
            .iter()
            .flat_map(|(l, f)| l.iter().map(move |s| marked(s, *f)));
        let all: Vec<(&str, Flavor)> = own_name.chain(listed).collect();
        if a.aliases.is_empty() && a.local.is_empty() {
            return Err(place.error("no aliases: give `aliases` or `local`".into()));
        }
        for (alias, flavor) in all {
            check_alias(alias, false, &place)?;
            self.push_entry_alias(e, alias, flavor, None, 2);
        }
        for (country, list) in &a.local {
            let c = self.country_of(country, &place)?;
            for raw in list {
                let (alias, flavor) = marked(raw, Flavor::Plain);
                check_alias(alias, false, &place)?;
                self.push_entry_alias(e, alias, flavor, Some(c), RANK_LOCAL);
            }
        }
        Ok(())
    }

    fn template(
        &mut self,
        t: &toml::Spanned<data::TemplateDoc>,
        text: &str,
        origin: &str,
    ) -> Result<(), ActorsError> {
        let place = Self::place(origin, text, t.span().start, &t.get_ref().id);
        let t = t.get_ref();
        self.claim_id(&t.id, &place)?;
        check_inter(t.inter, &place)?;
        let ti = self.templates.len() as u32;
        let mut per_country = Vec::with_capacity(self.countries.len());
        for ci in 0..self.countries.len() {
            let c = self.countries[ci].clone();
            let the_country = if c.the {
                format!("the {}", c.name)
            } else {
                c.name.clone()
            };
            let name = match (c.overrides.get(&t.id), &c.period) {
                (Some(name), _) => Some(name.clone()),
                (None, Some(p)) => Some(fill(
                    &t.name,
                    &[
                        ("country", &c.name),
                        ("the_country", &the_country),
                        ("period", p),
                    ],
                    &place,
                )?),
                (None, None) if !t.name.contains("{period}") => Some(fill(
                    &t.name,
                    &[("country", &c.name), ("the_country", &the_country)],
                    &place,
                )?),
                (None, None) => None,
            };
            let Some(name) = name else {
                per_country.push(None);
                continue;
            };
            let home = matches!(t.kind, ActorKind::StateForces | ActorKind::Police)
                .then(|| c.name.clone());
            let e = self.entry(
                ActorEntry {
                    id: format!("{}/{}", t.id, c.name),
                    name,
                    inter: t.inter,
                    kind: t.kind,
                    home,
                    aliases: Vec::new(),
                    origin: format!("{}:{}", place.origin, place.line),
                    template: None,
                },
                &place,
            )?;
            per_country.push(Some(e));
            // Demonym aliases name this country's instance wherever the article is.
            for pattern in &t.demonym_aliases {
                let (pattern, flavor) = marked(pattern, Flavor::Plain);
                // "{country_aka} >shelled": the words after " >" must follow, but only
                // those before name the actor; "{country_aka} >{attack_verb}": any of
                // `[grammar] attack_verbs`, checked where the head matches
                let (head, verb) = match pattern.split_once(" >") {
                    Some((head, verb)) => (head, Some(verb)),
                    None => (pattern, None),
                };
                let attack = verb == Some("{attack_verb}");
                if attack && self.attack_verbs.is_empty() {
                    return Err(place.error(format!(
                        "alias {pattern:?}: no [grammar] attack_verbs are listed"
                    )));
                }
                let mut fills: Vec<String> = Vec::new();
                if head.contains("{demonym}") {
                    for d in &self.demonyms[ci] {
                        let filled = fill(head, &[("demonym", d)], &place)?;
                        // ("Philippine" + "s" is the country, not its people)
                        let a_country = self.countries.iter().zip(&self.akas).any(|(k, akas)| {
                            k.name.eq_ignore_ascii_case(&filled)
                                || akas.iter().any(|a| a.eq_ignore_ascii_case(&filled))
                        });
                        if !a_country {
                            fills.push(filled);
                        }
                    }
                } else if head.contains("{country_aka}") {
                    let names = std::iter::once(&c.name).chain(self.akas[ci].iter());
                    for n in names {
                        fills.push(fill(head, &[("country_aka", n)], &place)?);
                    }
                } else {
                    return Err(place.error(format!(
                        "demonym alias {pattern:?} has neither {{demonym}} nor {{country_aka}}"
                    )));
                }
                for head in fills {
                    if attack {
                        check_alias(&head, false, &place)?;
                        let alias = ActorAlias {
                            target: Target::Entry(e),
                            flavor,
                            only_in: None,
                            rank: 1,
                            tail: 0,
                            attack: true,
                        };
                        self.aliases.push((head, alias));
                        continue;
                    }
                    let (alias, tail) = match verb {
                        Some(verb) => (format!("{head} {verb}"), verb.len() + 1),
                        None => (head, 0),
                    };
                    check_alias(&alias, false, &place)?;
                    self.push_entry_alias(e, &alias, flavor, None, 1);
                    if let Some(last) = self.aliases.last_mut() {
                        last.1.tail = u8::try_from(tail).map_err(|_| {
                            place
                                .error(format!("alias {alias:?}: the words after '>' run too long"))
                        })?;
                    }
                }
            }
            if self.entries[e as usize].template.is_none() {
                self.entries[e as usize].template = Some((ti, c.name.clone()));
            }
        }
        let lists = [
            (&t.aliases, Flavor::Plain),
            (&t.generic_aliases, Flavor::Generic),
            (&t.implied_aliases, Flavor::Implied),
        ];
        let mut own = Vec::new();
        for (list, f) in lists {
            for raw in list.iter() {
                let (alias, flavor) = marked(raw, f);
                check_alias(alias, false, &place)?;
                own.push((alias.to_string(), flavor));
                self.aliases.push((
                    alias.to_string(),
                    ActorAlias {
                        target: Target::Template(ti),
                        flavor,
                        only_in: None,
                        rank: 0,
                        tail: 0,
                        attack: false,
                    },
                ));
            }
        }
        self.templates.push(Template {
            aliases: own,
            id: t.id.clone(),
            name: t.name.clone(),
            inter: t.inter,
            kind: t.kind,
            per_country,
        });
        Ok(())
    }

    fn source(
        &mut self,
        s: &toml::Spanned<data::SourceDoc>,
        text: &str,
        origin: &str,
    ) -> Result<(), ActorsError> {
        let place = Self::place(origin, text, s.span().start, &s.get_ref().name);
        let s = s.get_ref();
        if s.name.trim().is_empty() {
            return Err(place.error("source name is empty".into()));
        }
        if s.aliases.is_empty() {
            return Err(place.error("no aliases".into()));
        }
        let i = self.sources.len() as u32;
        for alias in &s.aliases {
            check_alias(alias, false, &place)?;
            self.source_aliases.push((
                alias.clone(),
                SourceAlias {
                    source: i,
                    only_in: None,
                },
            ));
        }
        if !s.local_aliases.is_empty() {
            let Some(country) = &s.country else {
                return Err(place.error("local_aliases without the country they name it in".into()));
            };
            let key = country.trim().to_lowercase();
            let Some(&c) = self
                .country_index
                .get(key.strip_prefix("the ").unwrap_or(&key))
            else {
                return Err(place.error(format!("unknown country {country:?} of local_aliases")));
            };
            for alias in &s.local_aliases {
                check_alias(alias, false, &place)?;
                self.source_aliases.push((
                    alias.clone(),
                    SourceAlias {
                        source: i,
                        only_in: Some(c),
                    },
                ));
            }
        }
        self.sources.push(Source {
            name: s.name.clone(),
            kind: s.kind,
        });
        Ok(())
    }

    fn finish(self) -> ActorDictionary {
        let mut actors = MatcherBuilder::new();
        for (alias, target) in &self.aliases {
            if target.attack {
                actors.add_head(alias, *target);
            } else {
                actors.add(alias, *target);
            }
        }
        let mut sources = MatcherBuilder::new();
        for (alias, i) in &self.source_aliases {
            sources.add(alias, *i);
        }
        ActorDictionary {
            entries: self.entries,
            by_name: self.by_name,
            countries: self.countries,
            country_index: self.country_index,
            demonym_index: self
                .demonyms
                .iter()
                .enumerate()
                .flat_map(|(c, ds)| ds.iter().map(move |d| (d.to_lowercase(), c as u16)))
                .collect(),
            templates: self.templates,
            actors: actors.build(),
            sources: self.sources,
            source_matcher: sources.build(),
            plural_words: self.plural_words,
            negating_prefixes: self.negating_prefixes,
            negating_suffixes: self.negating_suffixes,
            attack_verbs: {
                let mut verbs: Vec<String> =
                    self.attack_verbs.iter().map(|v| v.to_lowercase()).collect();
                verbs.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
                verbs.dedup();
                verbs
            },
        }
    }
}

/// Whether the word right before `start` is "by" ("backed by Turkey", "supported by Russia").
fn after_by(text: &str, start: usize) -> bool {
    word_before_is(text, start, "by")
}

/// Whether the word written right before `start` is `word` (any case).
fn word_before_is(text: &str, start: usize, word: &str) -> bool {
    text[..start]
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case(word))
}

/// "rebel-backer": a negating suffix written right after the match (and ending a word).
fn negated_after(text: &str, end: usize, suffixes: &[String]) -> bool {
    let tail = &text.as_bytes()[end..];
    suffixes.iter().any(|x| {
        let x = x.as_bytes();
        tail.len() >= x.len()
            && tail[..x.len()].eq_ignore_ascii_case(x)
            && !text[end + x.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests;

/// An actor read at `span` (article-relative once the reader fills in the article and sentence),
/// with the dictionary rule that named it.
fn read_actor(name: String, inter: u8, words: &str, span: Span, rule: String) -> ActorRef {
    ActorRef {
        name,
        inter,
        mention: words.to_string(),
        evidence: Some(Evidence {
            article_id: String::new(),
            sentence: 0,
            span,
            text: words.to_string(),
            rule,
        }),
    }
}
