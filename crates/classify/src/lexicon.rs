//! The trigger lexicon: its TOML schema, validation, and the errors that name file, line and entry.

use std::collections::{BTreeMap, HashSet};

use serde::Deserialize;
use sitrep_model::SubEventType;
use thiserror::Error;

/// What went wrong while reading a trigger lexicon.
#[derive(Debug, Error)]
pub enum ClassifyError {
    /// The file is not valid TOML or does not follow the schema.
    #[error("{origin}:{line}: {message}")]
    Parse {
        /// The file (or other origin) read.
        origin: String,
        /// 1-based line of the error.
        line: usize,
        /// What the parser expected.
        message: String,
    },
    /// An entry names a class that is neither an ACLED sub-event type nor a CASE label.
    #[error("{origin}:{line}: entry {entry:?}: unknown sub-event type {name:?} (expected an ACLED name such as \"Air/drone strike\" or a CASE label such as \"AIR_STRIKE\")")]
    UnknownType {
        /// The file read.
        origin: String,
        /// 1-based line of the entry.
        line: usize,
        /// Entry id.
        entry: String,
        /// The unknown name.
        name: String,
    },
    /// An entry is malformed (empty phrase, duplicate id, no weights...).
    #[error("{origin}:{line}: entry {entry:?}: {message}")]
    BadEntry {
        /// The file read.
        origin: String,
        /// 1-based line of the entry.
        line: usize,
        /// Entry id.
        entry: String,
        /// What was expected.
        message: String,
    },
    /// The phrase automaton could not be built.
    #[error("{origin}: cannot build the phrase matcher: {message}")]
    Automaton {
        /// The file read.
        origin: String,
        /// The builder's message.
        message: String,
    },
}

/// Scoring parameters of the lexicon (`[scoring]` table).
#[derive(Debug, Clone, Copy, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ScoringParams {
    /// Fraction of an entry's weight added for each further occurrence of the same entry.
    #[serde(default = "default_repeat_bonus")]
    pub repeat_bonus: f32,
    /// At most this many repeats of one entry count.
    #[serde(default = "default_max_repeats")]
    pub max_repeats: u32,
    /// Weight multiplier per sentence after the first in a multi-sentence snippet.
    #[serde(default = "default_sentence_decay")]
    pub sentence_decay: f32,
    /// Classes scoring below this are not reported.
    #[serde(default = "default_min_score")]
    pub min_score: f32,
    /// Share of an actor cue's weight that counts when the actor follows the trigger
    /// (it is then more likely the target than the agent).
    #[serde(default = "default_agent_object_factor")]
    pub agent_object_factor: f32,
    /// Share of a target cue's weight that counts when the actor acts instead (the side that
    /// acts says little about whom it hit); `agent_object_factor` when not set.
    #[serde(default)]
    pub target_as_agent_factor: Option<f32>,
}

fn default_agent_object_factor() -> f32 {
    0.3
}

fn default_repeat_bonus() -> f32 {
    0.2
}
fn default_max_repeats() -> u32 {
    2
}
fn default_sentence_decay() -> f32 {
    0.85
}
fn default_min_score() -> f32 {
    0.5
}

impl Default for ScoringParams {
    fn default() -> Self {
        ScoringParams {
            repeat_bonus: default_repeat_bonus(),
            max_repeats: default_max_repeats(),
            sentence_decay: default_sentence_decay(),
            min_score: default_min_score(),
            agent_object_factor: default_agent_object_factor(),
            target_as_agent_factor: None,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    scoring: Option<ScoringParams>,
    #[serde(default)]
    trigger: Vec<RawEntry>,
    #[serde(default)]
    modifier: Vec<RawModifier>,
    #[serde(default)]
    combination: Vec<RawCombination>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCombination {
    id: String,
    all: Vec<Vec<String>>,
    #[serde(default)]
    none: Vec<String>,
    #[serde(default)]
    types: BTreeMap<String, f32>,
    #[serde(default)]
    cues: BTreeMap<String, f32>,
    example: String,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    id: String,
    phrases: Vec<String>,
    #[serde(default)]
    types: BTreeMap<String, f32>,
    #[serde(default)]
    cues: BTreeMap<String, f32>,
    #[serde(default)]
    agent_cues: BTreeMap<String, f32>,
    #[serde(default)]
    target_cues: BTreeMap<String, f32>,
    #[serde(default)]
    repeats_as: Option<String>,
    #[serde(default)]
    target_window: Option<u32>,
    #[serde(default)]
    opens_grievance: bool,
    #[serde(default)]
    passive: bool,
    example: String,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawModifier {
    id: String,
    phrases: Vec<String>,
    factor: f32,
    #[serde(default = "default_window")]
    window: u32,
    #[serde(default)]
    after: bool,
    example: String,
    #[serde(default)]
    note: Option<String>,
}

fn default_window() -> u32 {
    3
}

/// A phrase of the lexicon: its text and whether it ends in `*` (any word ending).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    /// The phrase without the `*`.
    pub text: String,
    /// `true` for `shell*`: the match extends to the end of the word.
    pub prefix: bool,
}

/// One trigger or cue entry of the lexicon.
#[derive(Debug, Clone)]
pub struct TriggerEntry {
    /// Entry id (`airstrike`).
    pub id: String,
    /// The phrases that match it.
    pub phrases: Vec<Phrase>,
    /// Head weights: each type here becomes a candidate when the entry matches.
    pub heads: Vec<(SubEventType, f32)>,
    /// Cue weights: added only to types that some head made a candidate (may be negative).
    pub cues: Vec<(SubEventType, f32)>,
    /// Actor cue weights: the entry names who acts, so these count fully only when the
    /// match stands before the anchoring trigger or after "by" (passive), and
    /// `agent_object_factor` of their weight otherwise (the actor is then likely the target).
    pub agent_cues: Vec<(SubEventType, f32)>,
    /// Actor cue weights that count fully only when the actor is the target: after the
    /// anchoring trigger (not after "by"), or before a passive one ("police were shot");
    /// `agent_object_factor` of their weight otherwise.
    pub target_cues: Vec<(SubEventType, f32)>,
    /// The entry opens what a protest is about ("demanding", "against the detention of"):
    /// in a sentence that reports a protest, the events told right after it (same clause)
    /// are the grievance, not what happened at the protest.
    pub opens_grievance: bool,
    /// A sentence, written for the lexicon, on which this entry fires.
    pub example: String,
    /// 1-based line of the entry in its file.
    pub line: usize,
    /// Index of the entry whose repeats this one shares (`repeats_as`): a phrase of either
    /// counts as a repeat of the other ("drug cartel" is one crime cue, not two).
    pub repeats_as: Option<usize>,
    /// When set, `target_cues` count only for an actor at most this many words after the
    /// anchoring trigger, in the same clause: the trigger's object ("shot a farmer").
    pub target_window: Option<u32>,
    /// The entry's phrases read like passive verbs: an actor named before them is the one
    /// acted on ("three militants dead", "soldiers' bodies").
    pub passive: bool,
}

impl TriggerEntry {
    /// Whether the entry can anchor an event (it has head weights).
    pub fn is_head(&self) -> bool {
        !self.heads.is_empty()
    }

    /// The type this entry stands for most: its strongest head, else its strongest cue.
    pub fn primary_type(&self) -> (SubEventType, f32) {
        let pool = if !self.heads.is_empty() {
            &self.heads
        } else if !self.cues.is_empty() {
            &self.cues
        } else if !self.agent_cues.is_empty() {
            &self.agent_cues
        } else {
            &self.target_cues
        };
        pool.iter()
            .copied()
            .fold(None::<(SubEventType, f32)>, |best, cur| match best {
                Some(b) if b.1 >= cur.1 => Some(b),
                _ => Some(cur),
            })
            .expect("validated: every entry has a weight")
    }
}

/// A modifier: a phrase that scales the weight of triggers near it (negation, hypotheticals).
#[derive(Debug, Clone)]
pub struct ModifierEntry {
    /// Modifier id (`negation`).
    pub id: String,
    /// The phrases that match it.
    pub phrases: Vec<Phrase>,
    /// Multiplier applied to a trigger in its window.
    pub factor: f32,
    /// How many words may stand between the modifier and the trigger.
    pub window: u32,
    /// The modifier follows the trigger ("... were foiled") instead of preceding it.
    pub after: bool,
    /// A sentence, written for the lexicon, on which this modifier applies.
    pub example: String,
    /// 1-based line of the entry in its file.
    pub line: usize,
}

/// A combination rule: when every group has an entry that fires in one sentence, the
/// combination adds its own weights ("small arms" together with "mortars": a battle, though
/// each alone leans elsewhere). It is what an additive lexicon cannot say.
#[derive(Debug, Clone)]
pub struct CombinationEntry {
    /// Combination id, reported in cues as `combination:<id>`.
    pub id: String,
    /// Groups of trigger entries (indices into [`Lexicon::triggers`]): one entry of each group
    /// must fire in the same sentence.
    pub groups: Vec<Vec<usize>>,
    /// Trigger entries (indices into [`Lexicon::triggers`]) none of which may fire in that
    /// sentence ("weapons recovered" is a find only where no fighting is told).
    pub none: Vec<usize>,
    /// Head weights added (the classes become candidates).
    pub heads: Vec<(SubEventType, f32)>,
    /// Cue weights added to classes that some head made a candidate.
    pub cues: Vec<(SubEventType, f32)>,
    /// A sentence, written for the lexicon, on which the combination holds.
    pub example: String,
    /// 1-based line of the entry in its file.
    pub line: usize,
}

/// A validated lexicon.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Where it was read.
    pub origin: String,
    /// Scoring parameters.
    pub scoring: ScoringParams,
    /// Trigger and cue entries, in file order.
    pub triggers: Vec<TriggerEntry>,
    /// Modifiers, in file order.
    pub modifiers: Vec<ModifierEntry>,
    /// Combination rules, in file order.
    pub combinations: Vec<CombinationEntry>,
}

/// 1-based line of byte `offset` in `text`.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())]
        .bytes()
        .filter(|&b| b == b'\n')
        .count()
        + 1
}

/// Line of the `id = "..."` that defines `id` (0 when not found).
fn line_of_id(text: &str, id: &str) -> usize {
    for (no, line) in text.lines().enumerate() {
        let l = line.trim_start();
        if let Some(rest) = l.strip_prefix("id") {
            let rest = rest.trim_start();
            if let Some(rest) = rest.strip_prefix('=') {
                let v = rest.trim().trim_matches('"');
                if v == id {
                    return no + 1;
                }
            }
        }
    }
    0
}

fn parse_type(name: &str) -> Option<SubEventType> {
    SubEventType::from_acled(name).or_else(|| SubEventType::from_case_label(name))
}

fn parse_phrases(
    raw: &[String],
    origin: &str,
    line: usize,
    entry: &str,
) -> Result<Vec<Phrase>, ClassifyError> {
    let bad = |message: String| ClassifyError::BadEntry {
        origin: origin.to_string(),
        line,
        entry: entry.to_string(),
        message,
    };
    if raw.is_empty() {
        return Err(bad("expected at least one phrase".into()));
    }
    raw.iter()
        .map(|p| {
            let trimmed = p.trim();
            let (text, prefix) = match trimmed.strip_suffix('*') {
                Some(t) => (t.trim_end(), true),
                None => (trimmed, false),
            };
            if text.is_empty() {
                return Err(bad(format!("empty phrase {p:?}")));
            }
            if text.contains('*') {
                return Err(bad(format!("phrase {p:?}: `*` is allowed only at the end")));
            }
            if text.split_whitespace().collect::<Vec<_>>().join(" ") != text {
                return Err(bad(format!(
                    "phrase {p:?}: words must be separated by single spaces"
                )));
            }
            Ok(Phrase {
                text: text.to_string(),
                prefix,
            })
        })
        .collect()
}

impl Lexicon {
    /// Parse and validate a lexicon; errors name `origin`, the line and the entry.
    pub fn parse(text: &str, origin: &str) -> Result<Lexicon, ClassifyError> {
        let raw: RawFile = toml::from_str(text).map_err(|e| ClassifyError::Parse {
            origin: origin.to_string(),
            line: e.span().map(|s| line_of(text, s.start)).unwrap_or(0),
            message: e.message().to_string(),
        })?;
        let mut seen = HashSet::new();
        let mut triggers = Vec::with_capacity(raw.trigger.len());
        let mut repeats_as: Vec<(usize, usize, String)> = Vec::new();
        for e in raw.trigger {
            let line = line_of_id(text, &e.id);
            let bad = |message: String| ClassifyError::BadEntry {
                origin: origin.to_string(),
                line,
                entry: e.id.clone(),
                message,
            };
            if e.id.trim().is_empty() {
                return Err(bad("expected a non-empty id".into()));
            }
            if !seen.insert(e.id.clone()) {
                return Err(bad("duplicate id".into()));
            }
            let weights = |map: &BTreeMap<String, f32>| {
                map.iter()
                    .map(|(name, &w)| {
                        let t = parse_type(name).ok_or_else(|| ClassifyError::UnknownType {
                            origin: origin.to_string(),
                            line,
                            entry: e.id.clone(),
                            name: name.clone(),
                        })?;
                        if !w.is_finite() {
                            return Err(bad(format!("weight of {name:?} must be finite")));
                        }
                        Ok((t, w))
                    })
                    .collect::<Result<Vec<_>, _>>()
            };
            let heads = weights(&e.types)?;
            let cues = weights(&e.cues)?;
            let agent_cues = weights(&e.agent_cues)?;
            let target_cues = weights(&e.target_cues)?;
            if let Some((t, _)) = heads.iter().find(|(_, w)| *w <= 0.0) {
                return Err(bad(format!(
                    "head weight of {:?} must be positive (negative weights belong in `cues`)",
                    t.acled_name()
                )));
            }
            if heads.is_empty()
                && cues.is_empty()
                && agent_cues.is_empty()
                && target_cues.is_empty()
            {
                return Err(bad(
                    "expected `types`, `cues`, `agent_cues` or `target_cues` weights".into(),
                ));
            }
            if e.example.trim().is_empty() {
                return Err(bad("expected an example sentence".into()));
            }
            let _ = e.note;
            if let Some(other) = e.repeats_as {
                repeats_as.push((triggers.len(), line, other));
            }
            triggers.push(TriggerEntry {
                phrases: parse_phrases(&e.phrases, origin, line, &e.id)?,
                id: e.id,
                heads,
                cues,
                agent_cues,
                target_cues,
                opens_grievance: e.opens_grievance,
                example: e.example,
                line,
                repeats_as: None,
                target_window: e.target_window,
                passive: e.passive,
            });
        }
        for (i, line, other) in repeats_as {
            let Some(j) = triggers.iter().position(|t| t.id == other) else {
                return Err(ClassifyError::BadEntry {
                    origin: origin.to_string(),
                    line,
                    entry: triggers[i].id.clone(),
                    message: format!("`repeats_as` names unknown trigger id {other:?}"),
                });
            };
            triggers[i].repeats_as = Some(j);
        }
        let mut modifiers = Vec::with_capacity(raw.modifier.len());
        for m in raw.modifier {
            let line = line_of_id(text, &m.id);
            let bad = |message: String| ClassifyError::BadEntry {
                origin: origin.to_string(),
                line,
                entry: m.id.clone(),
                message,
            };
            if !seen.insert(m.id.clone()) {
                return Err(bad("duplicate id".into()));
            }
            if !(0.0..=2.0).contains(&m.factor) {
                return Err(bad(format!("factor {} must lie in 0..=2", m.factor)));
            }
            if m.window == 0 || m.window > 12 {
                return Err(bad(format!("window {} must lie in 1..=12", m.window)));
            }
            if m.example.trim().is_empty() {
                return Err(bad("expected an example sentence".into()));
            }
            let _ = m.note;
            modifiers.push(ModifierEntry {
                phrases: parse_phrases(&m.phrases, origin, line, &m.id)?,
                id: m.id,
                factor: m.factor,
                window: m.window,
                after: m.after,
                example: m.example,
                line,
            });
        }
        let mut combinations = Vec::with_capacity(raw.combination.len());
        for c in raw.combination {
            let line = line_of_id(text, &c.id);
            let bad = |message: String| ClassifyError::BadEntry {
                origin: origin.to_string(),
                line,
                entry: c.id.clone(),
                message,
            };
            if !seen.insert(c.id.clone()) {
                return Err(bad("duplicate id".into()));
            }
            // One group is a combination only with entries that bar it ("a riot where
            // nothing says the crowd demonstrates").
            if c.all.len() < 2 - usize::from(!c.none.is_empty())
                || c.all.iter().any(|g| g.is_empty())
            {
                return Err(bad(
                    "`all` must list at least two non-empty groups of trigger ids (one with `none`)"
                        .into(),
                ));
            }
            let groups = c
                .all
                .iter()
                .map(|g| {
                    g.iter()
                        .map(|id| {
                            triggers
                                .iter()
                                .position(|t| &t.id == id)
                                .ok_or_else(|| bad(format!("unknown trigger id {id:?}")))
                        })
                        .collect::<Result<Vec<_>, _>>()
                })
                .collect::<Result<Vec<_>, _>>()?;
            let none = c
                .none
                .iter()
                .map(|id| {
                    triggers
                        .iter()
                        .position(|t| &t.id == id)
                        .ok_or_else(|| bad(format!("unknown trigger id {id:?} in `none`")))
                })
                .collect::<Result<Vec<_>, _>>()?;
            let weights = |map: &BTreeMap<String, f32>| {
                map.iter()
                    .map(|(name, &w)| {
                        let t = parse_type(name).ok_or_else(|| ClassifyError::UnknownType {
                            origin: origin.to_string(),
                            line,
                            entry: c.id.clone(),
                            name: name.clone(),
                        })?;
                        if !w.is_finite() {
                            return Err(bad(format!("weight of {name:?} must be finite")));
                        }
                        Ok((t, w))
                    })
                    .collect::<Result<Vec<_>, _>>()
            };
            let heads = weights(&c.types)?;
            let cues = weights(&c.cues)?;
            if heads.iter().any(|(_, w)| *w <= 0.0) {
                return Err(bad("head weights must be positive".into()));
            }
            if heads.is_empty() && cues.is_empty() {
                return Err(bad("expected `types` or `cues` weights".into()));
            }
            if c.example.trim().is_empty() {
                return Err(bad("expected an example sentence".into()));
            }
            let _ = c.note;
            combinations.push(CombinationEntry {
                id: c.id,
                groups,
                none,
                heads,
                cues,
                example: c.example,
                line,
            });
        }
        Ok(Lexicon {
            origin: origin.to_string(),
            scoring: raw.scoring.unwrap_or_default(),
            triggers,
            modifiers,
            combinations,
        })
    }
}
