//! The frozen matcher: one Aho-Corasick automaton over every lexicon phrase, and the scorer.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, MatchKind};
use sitrep_model::{Cue, Span, SubEventType};

use crate::lexicon::{ClassifyError, Lexicon, Phrase};

/// The lexicon shipped with sitrep.
pub const EMBEDDED_LEXICON: &str = include_str!("../../../data/triggers.toml");
/// Origin named in errors about the embedded lexicon.
pub const EMBEDDED_ORIGIN: &str = "data/triggers.toml";

/// One trigger or cue found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct TriggerHit {
    /// Where it was found (relative to the text passed in).
    pub span: Span,
    /// Lexicon entry id.
    pub rule: String,
    /// The type the entry stands for most (its strongest head, or strongest cue).
    pub sub_event_type: SubEventType,
    /// That type's weight, after modifiers (`factor`).
    pub weight: f32,
    /// Whether the entry can anchor an event (vs a cue that only shifts between candidates).
    pub is_event_head: bool,
    /// Product of the modifiers that apply (1.0 when none; 0.2 under a negation, say).
    pub factor: f32,
    /// Ids of the modifiers that apply.
    pub modifiers: Vec<String>,
    /// Every head weight of the entry (after modifiers).
    pub heads: Vec<(SubEventType, f32)>,
    /// Every cue weight of the entry (after modifiers).
    pub cues: Vec<(SubEventType, f32)>,
    /// 0-based index of the sentence (within the span read) the hit is in.
    pub sentence: usize,
    /// Every actor cue weight of the entry (after modifiers; see
    /// [`crate::TriggerEntry::agent_cues`]).
    pub agent_cues: Vec<(SubEventType, f32)>,
    /// Every target cue weight of the entry (after modifiers; see
    /// [`crate::TriggerEntry::target_cues`]).
    pub target_cues: Vec<(SubEventType, f32)>,
    /// An actor cue introduced by "by" ("seized by militants"): it names the agent.
    pub after_by: bool,
    /// The match follows a form of "to be" ("were shot"): a passive verb, whose subject
    /// is the target.
    pub passive: bool,
}

/// A scored class for a sentence or snippet.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeScore {
    /// The class.
    pub sub_event_type: SubEventType,
    /// Summed evidence.
    pub score: f32,
    /// 0..1: how strong the evidence is and how far it stands ahead of the runner-up.
    pub confidence: f32,
    /// The triggers and cues that counted, with the weight each added.
    pub cues: Vec<Cue>,
    /// The anchoring trigger (the strongest head for this class).
    pub trigger: Span,
}

#[derive(Debug, Clone, Copy)]
enum PatternTarget {
    Trigger(usize),
    Modifier(usize),
}

#[derive(Debug, Clone, Copy)]
struct PatternInfo {
    target: PatternTarget,
    prefix: bool,
}

/// The trigger classifier: built once from a lexicon, then shared (`Send + Sync`).
#[derive(Debug)]
pub struct Classifier {
    lexicon: Lexicon,
    automaton: AhoCorasick,
    patterns: Vec<PatternInfo>,
}

struct RawModHit {
    modifier: usize,
    span: Span,
}

/// Which role an actor cue rewards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Agent,
    Target,
}

/// Where an actor cue stands: the role it rewards, its span, sentence, and whether "by"
/// introduces it.
type ActorPosition = (Role, Span, usize, bool);

struct Accumulator {
    score: f32,
    head: bool,
    best_head: Option<(f32, Span, usize, bool)>,
    cues: Vec<Cue>,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn clamp_span(text: &str, within: Span) -> Span {
    let mut end = within.end.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut start = within.start.min(end);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    Span::new(start, end)
}

/// Whether `before` ends with a form of "to be" (or "got"), optionally followed by one
/// adverb ("were reportedly"): the word after it is then a passive participle.
fn follows_to_be(before: &str) -> bool {
    let mut words = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let is_be = |w: &str| {
        [
            "was", "were", "been", "being", "is", "are", "be", "got", "get",
        ]
        .iter()
        .any(|b| w.eq_ignore_ascii_case(b))
    };
    match (words.next(), words.next()) {
        (Some(last), _) if is_be(last) => true,
        (Some(last), Some(prev)) => last.len() > 3 && last.ends_with("ly") && is_be(prev),
        _ => false,
    }
}

/// Words between two offsets, or `None` when a clause or sentence break lies between.
fn words_between(text: &str, from: usize, to: usize) -> Option<u32> {
    if from > to {
        return None;
    }
    let gap = &text[from..to];
    if gap.contains(['.', ';', ':', ',', '!', '?', '\n']) {
        return None;
    }
    Some(gap.split_whitespace().count() as u32)
}

/// Start offsets (relative to `text`) of sentences after the first within `span`.
fn sentence_starts(text: &str, span: Span) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = Vec::new();
    let mut i = span.start;
    while i < span.end {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') {
            let mut j = i + 1;
            while j < span.end && matches!(bytes[j], b'"' | b'\'' | b')') {
                j += 1;
            }
            let ws = j;
            while j < span.end && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            if j > ws && j < span.end && (bytes[j].is_ascii_uppercase() || bytes[j] == b'"') {
                // "Mr. Smith", "U.S. forces": a single capital or a title before the dot.
                let word_start = text[span.start..i]
                    .rfind(|c: char| !c.is_alphanumeric() && c != '.')
                    .map(|p| span.start + p + 1)
                    .unwrap_or(span.start);
                let word = &text[word_start..i];
                let abbreviation = word.len() <= 2
                    && word.chars().all(|c| c.is_uppercase() || c == '.')
                    || matches!(
                        word,
                        "Mr" | "Mrs"
                            | "Ms"
                            | "Dr"
                            | "Gen"
                            | "Col"
                            | "Lt"
                            | "Sgt"
                            | "St"
                            | "Capt"
                            | "Maj"
                            | "Rev"
                            | "Prof"
                    );
                if !abbreviation {
                    starts.push(j);
                }
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    starts
}

impl Classifier {
    /// The classifier over the lexicon shipped in `data/triggers.toml`, built on first use.
    pub fn embedded() -> &'static Classifier {
        static EMBEDDED: OnceLock<Classifier> = OnceLock::new();
        EMBEDDED.get_or_init(|| {
            Classifier::from_toml(EMBEDDED_LEXICON, EMBEDDED_ORIGIN)
                .unwrap_or_else(|e| panic!("embedded lexicon is invalid: {e}"))
        })
    }

    /// Build a classifier from a lexicon in TOML; errors name `origin`, the line and the entry.
    pub fn from_toml(text: &str, origin: &str) -> Result<Classifier, ClassifyError> {
        Classifier::from_lexicon(Lexicon::parse(text, origin)?)
    }

    /// Build a classifier from a parsed lexicon.
    pub fn from_lexicon(lexicon: Lexicon) -> Result<Classifier, ClassifyError> {
        let mut texts: Vec<String> = Vec::new();
        let mut patterns = Vec::new();
        let mut owners: std::collections::HashMap<String, (String, usize)> =
            std::collections::HashMap::new();
        let mut add = |phrases: &[Phrase],
                       target: PatternTarget,
                       id: &str,
                       line: usize|
         -> Result<(), ClassifyError> {
            for p in phrases {
                let key = p.text.to_ascii_lowercase();
                if let Some((other, _)) = owners.get(&key) {
                    return Err(ClassifyError::BadEntry {
                        origin: lexicon.origin.clone(),
                        line,
                        entry: id.to_string(),
                        message: format!(
                            "phrase {:?} is already listed by entry {other:?}",
                            p.text
                        ),
                    });
                }
                owners.insert(key, (id.to_string(), line));
                texts.push(p.text.clone());
                patterns.push(PatternInfo {
                    target,
                    prefix: p.prefix,
                });
            }
            Ok(())
        };
        for (i, e) in lexicon.triggers.iter().enumerate() {
            add(&e.phrases, PatternTarget::Trigger(i), &e.id, e.line)?;
        }
        for (i, m) in lexicon.modifiers.iter().enumerate() {
            add(&m.phrases, PatternTarget::Modifier(i), &m.id, m.line)?;
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&texts)
            .map_err(|e| ClassifyError::Automaton {
                origin: lexicon.origin.clone(),
                message: e.to_string(),
            })?;
        Ok(Classifier {
            lexicon,
            automaton,
            patterns,
        })
    }

    /// The lexicon this classifier was built from.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Word-bounded phrase matches in `span`: (pattern target, matched span).
    fn scan(&self, text: &str, span: Span) -> Vec<(PatternTarget, Span)> {
        let mut out = Vec::new();
        let mut pos = span.start;
        while pos < span.end {
            let input = Input::new(text).span(pos..span.end);
            let Some(m) = self.automaton.find(input) else {
                break;
            };
            let info = self.patterns[m.pattern().as_usize()];
            let left_ok = text[..m.start()]
                .chars()
                .next_back()
                .is_none_or(|c| !is_word_char(c));
            let mut end = m.end();
            if info.prefix {
                end += text[end..span.end]
                    .find(|c: char| !is_word_char(c))
                    .unwrap_or(span.end - end);
            }
            let right_ok = text[end..span.end]
                .chars()
                .next()
                .is_none_or(|c| !is_word_char(c));
            if left_ok && right_ok {
                out.push((info.target, Span::new(m.start(), end)));
                pos = end;
            } else {
                pos = m.start() + 1;
                while pos < span.end && !text.is_char_boundary(pos) {
                    pos += 1;
                }
            }
        }
        out
    }

    /// All trigger and cue hits in `within` (a span of `text`, e.g. one sentence of an
    /// article), with spans relative to `text`, and the modifiers applied to each.
    pub fn triggers(&self, text: &str, within: Span) -> Vec<TriggerHit> {
        let span = clamp_span(text, within);
        let matches = self.scan(text, span);
        let mods: Vec<RawModHit> = matches
            .iter()
            .filter_map(|&(t, s)| match t {
                PatternTarget::Modifier(m) => Some(RawModHit {
                    modifier: m,
                    span: s,
                }),
                PatternTarget::Trigger(_) => None,
            })
            .collect();
        let starts = sentence_starts(text, span);
        let mut hits = Vec::new();
        for &(target, hit_span) in &matches {
            let PatternTarget::Trigger(ei) = target else {
                continue;
            };
            let entry = &self.lexicon.triggers[ei];
            let mut factor = 1.0f32;
            let mut applied = Vec::new();
            for mh in &mods {
                let m = &self.lexicon.modifiers[mh.modifier];
                let gap = if m.after {
                    words_between(text, hit_span.end, mh.span.start)
                } else {
                    words_between(text, mh.span.end, hit_span.start)
                };
                if gap.is_some_and(|g| g < m.window) {
                    factor *= m.factor;
                    applied.push(m.id.clone());
                }
            }
            let (primary, weight) = entry.primary_type();
            hits.push(TriggerHit {
                span: hit_span,
                rule: entry.id.clone(),
                sub_event_type: primary,
                weight: weight * factor,
                is_event_head: entry.is_head(),
                factor,
                modifiers: applied,
                heads: entry.heads.iter().map(|&(t, w)| (t, w * factor)).collect(),
                cues: entry.cues.iter().map(|&(t, w)| (t, w * factor)).collect(),
                sentence: starts.partition_point(|&s| s <= hit_span.start),
                agent_cues: entry
                    .agent_cues
                    .iter()
                    .map(|&(t, w)| (t, w * factor))
                    .collect(),
                target_cues: entry
                    .target_cues
                    .iter()
                    .map(|&(t, w)| (t, w * factor))
                    .collect(),
                passive: follows_to_be(&text[span.start..hit_span.start]),
                after_by: {
                    let before = text[span.start..hit_span.start].trim_end();
                    let before = before.strip_suffix(" the").unwrap_or(before);
                    before.len() >= 2
                        && before.as_bytes()[before.len() - 2..].eq_ignore_ascii_case(b"by")
                        && before[..before.len() - 2]
                            .chars()
                            .next_back()
                            .is_none_or(|c| !is_word_char(c))
                },
            });
        }
        hits
    }

    /// Score the classes that `within` (a span of `text`: a sentence or a short snippet)
    /// reports, best first, each with the cues that decided it. Empty when no trigger fires.
    ///
    /// Head triggers make their classes candidates and add their weights; cues add (or
    /// subtract) weight only for candidates; negations and hypotheticals scale what they
    /// precede; in a snippet, later sentences count less and repeats of one entry count
    /// little, so the first, strongest event wins.
    pub fn classify(&self, text: &str, within: Span) -> Vec<TypeScore> {
        let hits = self.triggers(text, within);
        self.score_hits(text, &hits)
    }

    /// [`Classifier::classify`] over the whole of `text`.
    pub fn classify_str(&self, text: &str) -> Vec<TypeScore> {
        self.classify(text, Span::new(0, text.len()))
    }

    /// The best class of `text`, if any.
    pub fn best(&self, text: &str) -> Option<TypeScore> {
        self.classify_str(text).into_iter().next()
    }

    /// Score already-found hits (see [`Classifier::classify`]).
    pub fn score_hits(&self, text: &str, hits: &[TriggerHit]) -> Vec<TypeScore> {
        let params = &self.lexicon.scoring;
        let mut acc: Vec<Accumulator> = (0..SubEventType::ALL.len())
            .map(|_| Accumulator {
                score: 0.0,
                head: false,
                best_head: None,
                cues: Vec::new(),
            })
            .collect();
        let index = |t: SubEventType| SubEventType::ALL.iter().position(|&x| x == t).unwrap_or(0);
        let mut seen: Vec<(&str, u32)> = Vec::new();
        let mut pending_cues: Vec<(usize, Cue, Option<ActorPosition>)> = Vec::new();
        for hit in hits {
            let count = match seen.iter_mut().find(|(id, _)| *id == hit.rule) {
                Some((_, n)) => {
                    *n += 1;
                    *n - 1
                }
                None => {
                    seen.push((&hit.rule, 1));
                    0
                }
            };
            let repeat = if count == 0 {
                1.0
            } else if count <= params.max_repeats {
                params.repeat_bonus
            } else {
                0.0
            };
            let position = params.sentence_decay.powi(hit.sentence as i32);
            let mult = repeat * position;
            if mult == 0.0 {
                continue;
            }
            let matched = hit.span.of(text).to_string();
            let suffix = if hit.modifiers.is_empty() {
                String::new()
            } else {
                format!("+{}", hit.modifiers.join("+"))
            };
            for &(t, w) in &hit.heads {
                let a = &mut acc[index(t)];
                let added = w * mult;
                a.score += added;
                a.head = true;
                let strength = w * position;
                if a.best_head.is_none_or(|(s, _, _, _)| strength > s) {
                    a.best_head = Some((strength, hit.span, hit.sentence, hit.passive));
                }
                a.cues.push(Cue {
                    rule: format!("trigger:{}{suffix}", hit.rule),
                    text: matched.clone(),
                    weight: added,
                });
            }
            let plain = hit.cues.iter().map(|c| (c, None));
            let agent = hit
                .agent_cues
                .iter()
                .map(|c| (c, Some((Role::Agent, hit.span, hit.sentence, hit.after_by))));
            let target = hit.target_cues.iter().map(|c| {
                (
                    c,
                    Some((Role::Target, hit.span, hit.sentence, hit.after_by)),
                )
            });
            for (&(t, w), position) in plain.chain(agent).chain(target) {
                pending_cues.push((
                    index(t),
                    Cue {
                        rule: format!("cue:{}{suffix}", hit.rule),
                        text: matched.clone(),
                        weight: w * mult,
                    },
                    position,
                ));
            }
        }
        for (i, mut cue, agent) in pending_cues {
            let a = &mut acc[i];
            if !a.head {
                continue;
            }
            if let Some((role, span, sentence, after_by)) = agent {
                let (_, anchor, anchor_sentence, anchor_passive) =
                    a.best_head.expect("candidates have a head");
                // Who acts: the actor named after "by", or before an active trigger of its
                // sentence; an actor after the trigger, or before a passive one, is the target.
                let acts = if sentence != anchor_sentence {
                    None
                } else if after_by {
                    Some(true)
                } else if span.start < anchor.start {
                    Some(!anchor_passive)
                } else {
                    Some(false)
                };
                let fits = match role {
                    Role::Agent => acts != Some(false),
                    Role::Target => acts == Some(false),
                };
                if !fits {
                    cue.weight *= params.agent_object_factor;
                    cue.rule.push_str(match role {
                        Role::Agent => "+as_target",
                        Role::Target => "+as_agent",
                    });
                }
            }
            a.score += cue.weight;
            a.cues.push(cue);
        }
        let mut scored: Vec<TypeScore> = acc
            .into_iter()
            .enumerate()
            .filter(|(_, a)| a.head && a.score >= params.min_score)
            .map(|(i, a)| TypeScore {
                sub_event_type: SubEventType::ALL[i],
                score: a.score,
                confidence: 0.0,
                cues: a.cues,
                trigger: a.best_head.map(|(_, s, _, _)| s).unwrap_or_default(),
            })
            .collect();
        scored.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(a.sub_event_type.cmp(&b.sub_event_type))
        });
        let runner_up = scored.get(1).map(|s| s.score.max(0.0)).unwrap_or(0.0);
        let total: f32 = scored.iter().map(|s| s.score.max(0.0)).sum();
        for (rank, s) in scored.iter_mut().enumerate() {
            let strength = 1.0 - (-s.score / 2.5).exp();
            let margin = if rank == 0 {
                s.score / (s.score + runner_up)
            } else {
                s.score / total.max(f32::EPSILON)
            };
            s.confidence = (strength * margin).clamp(0.0, 1.0);
        }
        scored
    }
}
