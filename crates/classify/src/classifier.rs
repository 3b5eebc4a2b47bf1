//! The frozen matcher: one Aho-Corasick automaton over every lexicon phrase, and the scorer.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Input, MatchKind};
use sitrep_model::{Cue, EventType, Span, SubEventType};

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

impl TypeScore {
    /// The cues that counted, as `rule=weight` words: `trigger:vandalism=3.2 cue:property_cue=0.3`.
    pub fn cue_list(&self) -> String {
        let cues: Vec<String> = self
            .cues
            .iter()
            .map(|q| format!("{}={:.1}", q.rule, q.weight))
            .collect();
        cues.join(" ")
    }

    /// One line saying why this class scored what it did: `MobViolence 3.50 [trigger:… cue:…]`.
    pub fn explain(&self) -> String {
        format!(
            "{:?} {:.2} [{}]",
            self.sub_event_type,
            self.score,
            self.cue_list()
        )
    }
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
    compiled: Vec<CompiledEntry>,
    /// Head and cue weights of each combination, classes as indices.
    compiled_combos: Vec<(ClassWeights, ClassWeights)>,
}

/// Weights per class, the class as an index.
type ClassWeights = Vec<(usize, f32)>;

/// Bytes around a hit within which a modifier can stand (12 words and more).
const MODIFIER_REACH: usize = 120;

/// A hit in compact form: the entry, where, and what modifies it.
#[derive(Debug, Clone, Copy)]
struct RawHit {
    entry: usize,
    span: Span,
    factor: f32,
    modifiers: u64,
    sentence: usize,
    passive: bool,
    after_by: bool,
    /// Told as what a protest in the same sentence is about (see [`Classifier::scope_grievances`]).
    grievance: bool,
}

/// How many words after a grievance opener ("demanding", "against the detention of") the
/// grievance runs, within its clause.
const GRIEVANCE_WINDOW: u32 = 10;
/// Share of its weight that a head told as a protest's grievance keeps.
const GRIEVANCE_FACTOR: f32 = 0.3;
/// A mention whose modifiers leave it at most this share of its weight (a negation, a
/// hypothetical, a background event, a grievance) is hedged: it tells of no event of its own.
const HEDGED: f32 = 0.5;

/// What a contribution to a class score is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PartKind {
    Head,
    Cue,
    Agent,
    Target,
    AgentAsTarget,
    TargetAsAgent,
    /// A combination's head weight; the index is into the combinations that held.
    ComboHead(usize),
    /// A combination's cue weight.
    ComboCue(usize),
}

/// An entry's weights with classes as indices into [`SubEventType::ALL`].
#[derive(Debug, Clone)]
struct CompiledEntry {
    heads: Vec<(usize, f32)>,
    cues: Vec<(usize, f32)>,
    agent_cues: Vec<(usize, f32)>,
    target_cues: Vec<(usize, f32)>,
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

/// Whether `before` ends with "by" or "by the": the actor that follows is the agent.
fn follows_by(before: &str) -> bool {
    let before = before.trim_end();
    let before = before.strip_suffix(" the").unwrap_or(before);
    before.len() >= 2
        && before.as_bytes()[before.len() - 2..].eq_ignore_ascii_case(b"by")
        && before[..before.len() - 2]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c))
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

/// Whether `gap` (the text between a trigger and an actor after it) opens a relative or
/// subordinate clause ("who", "when", "after"...): the actor then belongs to that clause.
fn in_later_clause(gap: &str) -> bool {
    const OPENERS: [&str; 6] = ["who", "which", "whom", "whose", "when", "while"];
    gap.split(|c: char| !c.is_alphanumeric())
        .any(|w| OPENERS.iter().any(|o| w.eq_ignore_ascii_case(o)))
}

/// Whether `gap` (the text between a verb and a word after it) can lie between a verb and its
/// object: at most `window` words, no clause break, no possessive ("victim's father"), and no
/// word that starts another phrase ("died and one man", "death of a nurse", "by four men").
fn object_gap(gap: &str, window: u32) -> bool {
    const BREAKS: [&str; 17] = [
        "and", "or", "but", "in", "of", "which", "who", "was", "were", "is", "are", "as", "while",
        "after", "when", "to", "by",
    ];
    let mut words = 0;
    for w in gap.split_whitespace() {
        words += 1;
        if words > window || BREAKS.iter().any(|b| w.eq_ignore_ascii_case(b)) {
            return false;
        }
    }
    !gap.contains(['.', ';', ':', ',', '!', '?', '\n', '\'', '(', ')'])
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
                let abbreviation = !word.is_empty()
                    && word.len() <= 2
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
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&texts)
            .map_err(|e| ClassifyError::Automaton {
                origin: lexicon.origin.clone(),
                message: e.to_string(),
            })?;
        let index = |v: &[(SubEventType, f32)]| -> Vec<(usize, f32)> {
            v.iter()
                .map(|&(t, w)| {
                    (
                        SubEventType::ALL.iter().position(|&x| x == t).unwrap_or(0),
                        w,
                    )
                })
                .collect()
        };
        let compiled = lexicon
            .triggers
            .iter()
            .map(|e| CompiledEntry {
                heads: index(&e.heads),
                cues: index(&e.cues),
                agent_cues: index(&e.agent_cues),
                target_cues: index(&e.target_cues),
            })
            .collect();
        let compiled_combos = lexicon
            .combinations
            .iter()
            .map(|c| (index(&c.heads), index(&c.cues)))
            .collect();
        Ok(Classifier {
            lexicon,
            automaton,
            patterns,
            compiled,
            compiled_combos,
        })
    }

    /// The lexicon this classifier was built from.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Word-bounded phrase matches in `span`: (pattern target, matched span).
    fn scan(&self, text: &str, span: Span) -> Vec<(PatternTarget, Span)> {
        // One leftmost-longest pass; matches that start or end inside a word are dropped
        // (phrases are whole words), as are matches inside an extended `*` match.
        let mut out = Vec::new();
        let mut covered = span.start;
        for m in self
            .automaton
            .find_iter(Input::new(text).span(span.start..span.end))
        {
            if m.start() < covered {
                continue;
            }
            let left_ok = text[..m.start()]
                .chars()
                .next_back()
                .is_none_or(|c| !is_word_char(c));
            if !left_ok {
                continue;
            }
            let info = self.patterns[m.pattern().as_usize()];
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
            if right_ok {
                out.push((info.target, Span::new(m.start(), end)));
                covered = end;
            }
        }
        out
    }

    /// Word-bounded trigger hits in `span`, with modifiers applied: the compact form that
    /// scoring reads.
    fn raw_hits(&self, text: &str, span: Span) -> Vec<RawHit> {
        let matches = self.scan(text, span);
        let mods: Vec<(usize, Span)> = matches
            .iter()
            .filter_map(|&(t, s)| match t {
                PatternTarget::Modifier(m) => Some((m, s)),
                PatternTarget::Trigger(_) => None,
            })
            .collect();
        let starts = sentence_starts(text, span);
        let mut hits = Vec::with_capacity(matches.len());
        for &(target, hit_span) in &matches {
            let PatternTarget::Trigger(entry) = target else {
                continue;
            };
            if is_month_name(text, hit_span) {
                continue;
            }
            let mut factor = 1.0f32;
            let mut modifiers = 0u64;
            // Only modifiers near the hit can apply (windows are at most 12 words).
            let lo = mods.partition_point(|(_, s)| s.end + MODIFIER_REACH < hit_span.start);
            for &(mi, ms) in mods[lo..].iter() {
                if ms.start > hit_span.end + MODIFIER_REACH {
                    break;
                }
                let m = &self.lexicon.modifiers[mi];
                let gap = if m.after {
                    words_between(text, hit_span.end, ms.start)
                } else {
                    words_between(text, ms.end, hit_span.start)
                };
                if gap.is_some_and(|g| g < m.window) {
                    factor *= m.factor;
                    modifiers |= 1 << mi.min(63);
                }
            }
            let before = &text[span.start..hit_span.start];
            hits.push(RawHit {
                entry,
                span: hit_span,
                factor,
                modifiers,
                sentence: starts.partition_point(|&s| s <= hit_span.start),
                passive: self.lexicon.triggers[entry].passive || follows_to_be(before),
                after_by: follows_by(before),
                grievance: false,
            });
        }
        self.scope_grievances(text, &mut hits);
        hits
    }

    /// Whether a hit's entry names a reaction to events (not negated): a demonstration (a
    /// Protests head) or a decisive diplomatic act (sanctions, an ambassador expelled).
    fn is_reaction_head(&self, h: &RawHit) -> bool {
        h.factor >= 0.5
            && self.lexicon.triggers[h.entry].heads.iter().any(|&(t, w)| {
                is_reaction(t) && (w >= 4.0 || w >= 1.0 && t != SubEventType::Diplomacy)
            })
    }

    /// In a sentence that reports a protest (or a diplomatic act), what follows a grievance
    /// opener ("demanding", "in response to") in the same clause ("protested against the
    /// detention of activists accused of hurling a petrol bomb", "families who claim their
    /// children were kidnapped held a sit-in") is what the protest is about, not what happened
    /// at it: entries of other families there (heads and cues: "tensions between villagers")
    /// keep `GRIEVANCE_FACTOR` of their weight and are reported with `+grievance`.
    fn scope_grievances(&self, text: &str, hits: &mut [RawHit]) {
        for i in 0..hits.len() {
            let opener = hits[i];
            if !self.lexicon.triggers[opener.entry].opens_grievance || opener.factor < 0.5 {
                continue;
            }
            let protest = hits
                .iter()
                .any(|h| h.sentence == opener.sentence && self.is_reaction_head(h));
            if !protest {
                continue;
            }
            for h in hits[i + 1..].iter_mut() {
                if h.sentence != opener.sentence {
                    break;
                }
                if words_between(text, opener.span.end, h.span.start)
                    .is_none_or(|g| g >= GRIEVANCE_WINDOW)
                {
                    break;
                }
                let entry = &self.lexicon.triggers[h.entry];
                let family = |f: EventType| entry.heads.iter().any(|&(t, _)| t.event_type() == f);
                if h.grievance
                    || entry.heads.iter().any(|&(t, _)| is_reaction(t))
                    || entry.opens_grievance
                {
                    continue;
                }
                // "Protesters demanding jobs were beaten": a main verb after the grievance ends
                // it, unless a relative clause holds it ("men who were detained").
                // The opener's own words count: "who claim" opens a relative clause.
                let gap = &text[opener.span.start..h.span.start];
                let words = || {
                    gap.split(|c: char| !c.is_alphanumeric())
                        .filter(|w| !w.is_empty())
                };
                let relative = |w: &str| {
                    ["who", "which", "that", "accused", "for"]
                        .iter()
                        .any(|r| w.eq_ignore_ascii_case(r))
                };
                let main_verb = words()
                    .take_while(|w| !relative(w))
                    .any(|w| w.eq_ignore_ascii_case("were") || w.eq_ignore_ascii_case("was"));
                if main_verb {
                    break;
                }
                // A riot told after the grievance is the crowd's own act ("protesters against
                // the lockdown clashed with police") unless a relative clause holds it.
                if family(EventType::Riots) && !words().any(relative) {
                    continue;
                }
                h.factor *= GRIEVANCE_FACTOR;
                h.grievance = true;
            }
        }
    }

    /// All trigger and cue hits in `within` (a span of `text`, e.g. one sentence of an
    /// article), with spans relative to `text`, and the modifiers applied to each.
    pub fn triggers(&self, text: &str, within: Span) -> Vec<TriggerHit> {
        let span = clamp_span(text, within);
        let scale = |v: &[(SubEventType, f32)], f: f32| -> Vec<(SubEventType, f32)> {
            v.iter().map(|&(t, w)| (t, w * f)).collect()
        };
        self.raw_hits(text, span)
            .into_iter()
            .map(|h| {
                let entry = &self.lexicon.triggers[h.entry];
                let (primary, weight) = entry.primary_type();
                TriggerHit {
                    span: h.span,
                    rule: entry.id.clone(),
                    sub_event_type: primary,
                    weight: weight * h.factor,
                    is_event_head: entry.is_head(),
                    factor: h.factor,
                    modifiers: {
                        let mut ids = self.modifier_ids(h.modifiers);
                        if h.grievance {
                            ids.push("grievance".to_string());
                        }
                        ids
                    },
                    heads: scale(&entry.heads, h.factor),
                    cues: scale(&entry.cues, h.factor),
                    agent_cues: scale(&entry.agent_cues, h.factor),
                    target_cues: scale(&entry.target_cues, h.factor),
                    sentence: h.sentence,
                    passive: h.passive,
                    after_by: h.after_by,
                }
            })
            .collect()
    }

    fn modifier_ids(&self, mask: u64) -> Vec<String> {
        self.lexicon
            .modifiers
            .iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << (*i).min(63)) != 0)
            .map(|(_, m)| m.id.clone())
            .collect()
    }

    /// Score the classes that `within` (a span of `text`: a sentence or a short snippet)
    /// reports, best first, each with the cues that decided it. Empty when no trigger fires.
    ///
    /// Head triggers make their classes candidates and add their weights; cues add (or
    /// subtract) weight only for candidates; actor cues count in full only in the role
    /// they name (agent or target); negations and hypotheticals scale what they precede,
    /// a class whose heads are all hedged takes its supporting cues at the same share (what
    /// argues against it counts in full), and a hedged mention subtracts nothing from other
    /// classes;
    /// in a snippet, later sentences count less and repeats of one entry count little, so
    /// the first, strongest event wins.
    pub fn classify(&self, text: &str, within: Span) -> Vec<TypeScore> {
        let span = clamp_span(text, within);
        let hits = self.raw_hits(text, span);
        if hits.is_empty() {
            return Vec::new();
        }
        self.score(text, &hits)
    }

    /// [`Classifier::classify`] for each sentence of an article, then read with the sentences
    /// around it: a kind a sentence does not tell on its own may be told beside it.
    ///
    /// - A "bombing" with no sign of a planted bomb (no IED, car bomb, explosive device) next to
    ///   a sentence naming aircraft or air strikes, or up to three sentences after one telling
    ///   an air strike, is that air raid (`context:aircraft_beside`); "the bombing" further on,
    ///   when the last explosion or strike the story told is an air strike and no planted bomb
    ///   was told before it, is that air raid told again (`context:aircraft_story`); so is "the
    ///   shelling" or "the bombardment" (or the day's: "Tuesday's bombardment"; no gun, mortar or
    ///   rocket named) when the last explosion or
    ///   strike told is an air strike and no shelling was told before it.
    /// - A sentence telling only a generic attack or deaths ("the attack", "died in the town"),
    ///   with no weapon of its own, shortly after a chemical weapon attack, or in an article
    ///   whose lead tells one, is that attack told again (`context:chemical_story`); "the attack",
    ///   or the dead told with no verb ("bodies lay near the buses"), up to three sentences after
    ///   a bombing (IED, car or suicide bomb) with no other kind of violence told between, or
    ///   "the attack" of a story's lead (its headline) when the next two sentences tell a bombing,
    ///   is that bombing (`context:bombing_story`); "the attack" (definite), or the dead counted
    ///   among a toll in figures ("among the 26 civilians killed"), or the dead or hurt told with
    ///   no one doing it ("a dozen people were also killed", "two children were among those
    ///   killed", "bodies of the victims"), up to
    ///   three sentences after an air strike or shelling, with no other kind told between, is
    ///   that one (`context:remote_story`).
    /// - Smoke, like rescuers and rubble, told after a strike or bombing is its aftermath.
    /// - "Raids" told as a generic attack ("15 civilians were killed in raids on the town"), with
    ///   aircraft named in the sentence or beside it, or an air strike told up to three
    ///   sentences before, are those air raids (`context:raids_of_aircraft`).
    /// - Rescuers, rubble, debris, collapsed buildings (and people trapped under them), smoke, or firefighters
    ///   putting out the blaze (and the blast that made them) up to
    ///   three sentences after a strike, shelling or bombing, or anywhere after a story's lead
    ///   that tells one, are its aftermath, not a disaster of their own (`context:aftermath_of`).
    pub fn classify_sentences(&self, text: &str, sentences: &[Span]) -> Vec<Vec<TypeScore>> {
        let mut types: Vec<Vec<TypeScore>> =
            sentences.iter().map(|s| self.classify(text, *s)).collect();
        let top = |t: &[TypeScore]| t.first().map(|x| x.sub_event_type);
        // The kind of the story's first conflict event (its lead).
        let lead = types
            .iter()
            .filter_map(|t| top(t))
            .find(|t| t.is_conflict());
        let lead_chemical = lead == Some(SubEventType::ChemicalWeapon);
        // (a story whose lead is a bombing, and the first sentence telling violence of another
        // kind of its own: up to there, "the attack" and its dead are that bombing's)
        let lead_bombing =
            lead.filter(|t| matches!(t, SubEventType::RemoteExplosive | SubEventType::SuicideBomb));
        let first_other_violence = types.iter().position(|t| {
            top(t).is_some_and(|t| {
                t.is_armed_violence()
                    && !matches!(
                        t,
                        SubEventType::Attack
                            | SubEventType::RemoteExplosive
                            | SubEventType::SuicideBomb
                    )
            })
        });
        // (the first sentence telling a planted bomb, a car bomb or a suicide bombing)
        let first_planted = types.iter().position(|t| planted_bomb(t));
        // (the first sentence telling shelling in words of its own: mortars, artillery, rockets)
        let first_shelling = types.iter().position(|t| {
            top(t) == Some(SubEventType::ShellingArtilleryMissileAttack) && !generic_shelling(&t[0])
        });
        for i in 0..types.len() {
            let Some(first) = types[i].first() else {
                continue;
            };
            let retype = match first.sub_event_type {
                // (a bombing someone claimed is no air raid: "a bomb claimed by the group")
                SubEventType::RemoteExplosive
                    if generic_bombing(first)
                        && !types[i]
                            .iter()
                            .any(|t| t.sub_event_type == SubEventType::ClaimOfResponsibility) =>
                {
                    let around = [i.wrapping_sub(1), i, i + 1].map(|j| types.get(j));
                    let planted = around.iter().flatten().any(|t| planted_bomb(t));
                    let beside = [around[0], around[2]]
                        .into_iter()
                        .flatten()
                        .filter(|_| !planted)
                        .find_map(|t| aircraft_cue(t))
                        .or_else(|| {
                            // "The bombing took place near the city": the air raid told just
                            // before it, told again.
                            let back = i.saturating_sub(3)..i;
                            let planted_before = back.clone().any(|j| planted_bomb(&types[j]));
                            back.rev()
                                .filter(|_| !planted && !planted_before)
                                .map(|j| &types[j])
                                .find(|t| top(t) == Some(SubEventType::AirDroneStrike))
                                .and_then(|t| {
                                    t[0].cues.iter().find(|c| c.rule.starts_with("trigger:"))
                                })
                        });
                    // "A regime source said the bombing was a message": "the bombing" further on,
                    // when the last explosion or strike the story told is an air strike and no
                    // planted bomb was told before it, is that air raid told again.
                    let told_again = || {
                        if planted
                            || first_planted.is_some_and(|p| p < i)
                            || !definite(text, sentences[i], &["bombing", "bombings"])
                        {
                            return None;
                        }
                        last_strike_cue(&types[..i])
                    };
                    beside
                        .map(|c| ("context:aircraft_beside", c))
                        .or_else(|| told_again().map(|c| ("context:aircraft_story", c)))
                        .map(|(rule, c)| (SubEventType::AirDroneStrike, rule, c.text.clone()))
                }
                // "People were killed as a result of the shelling", in a story that has told air
                // strikes and no shelling before: those air strikes, told with the generic word.
                SubEventType::ShellingArtilleryMissileAttack
                    if generic_shelling(first)
                        && first_shelling.is_none_or(|s| s >= i)
                        && definite(text, sentences[i], &["shelling", "bombardment"]) =>
                {
                    last_strike_cue(&types[..i]).map(|c| {
                        (
                            SubEventType::AirDroneStrike,
                            "context:aircraft_story",
                            c.text.clone(),
                        )
                    })
                }
                // "Tests on victims of an attack point to possible exposure to sarin": in a story
                // whose lead is a gas attack, an attack told with the gas named beside it, however
                // hedged, is that gas attack.
                SubEventType::Attack
                    if lead_chemical
                        && types[i][1..]
                            .iter()
                            .any(|t| t.sub_event_type == SubEventType::ChemicalWeapon) =>
                {
                    types[i]
                        .iter()
                        .find(|t| t.sub_event_type == SubEventType::ChemicalWeapon)
                        .and_then(|t| t.cues.iter().find(|c| c.rule.starts_with("trigger:")))
                        .map(|c| {
                            (
                                SubEventType::ChemicalWeapon,
                                "context:chemical_story",
                                c.text.clone(),
                            )
                        })
                }
                SubEventType::Attack if generic_violence(&types[i]) && raids(first) => {
                    // (aircraft in the sentence or next to it, or an air strike told up to three
                    // sentences before)
                    let around = [i.wrapping_sub(1), i, i + 1].map(|j| types.get(j));
                    around
                        .into_iter()
                        .flatten()
                        .find_map(|t| aircraft_cue(t))
                        .or_else(|| {
                            // (the nearest air strike that names its aircraft or strike: not
                            // the rubble told after one, which took its kind)
                            (i.saturating_sub(3)..i)
                                .rev()
                                .map(|j| &types[j])
                                .filter(|t| top(t) == Some(SubEventType::AirDroneStrike))
                                .find_map(|t| aircraft_cue(t))
                        })
                        .map(|c| {
                            (
                                SubEventType::AirDroneStrike,
                                "context:raids_of_aircraft",
                                c.text.clone(),
                            )
                        })
                }
                SubEventType::Attack | SubEventType::ArmedClash
                    if generic_violence(&types[i]) && !names_strike(text, sentences[i]) =>
                {
                    let recent = first.sub_event_type == SubEventType::Attack
                        && (i.saturating_sub(3)..i)
                            .any(|j| top(&types[j]) == Some(SubEventType::ChemicalWeapon));
                    // Far from it, only "the attack" itself refers back to the story's attack
                    // (a death toll there may be the war's).
                    let anaphor = first.cues.iter().any(|c| {
                        c.rule == "trigger:attack_verbs"
                            && c.text.to_ascii_lowercase().starts_with("attack")
                    });
                    // A bombing's attack told again: only "the attack", or its dead told with no
                    // verb ("the dead were evacuees", "bodies near the buses"), refer back to it
                    // (a killing told after a bombing may be another incident's).
                    let victims_only = victims_only(&types[i]);
                    let bombing = |t: Option<SubEventType>| {
                        matches!(
                            t,
                            Some(SubEventType::RemoteExplosive | SubEventType::SuicideBomb)
                        )
                    };
                    // (the nearest violent event of a kind of its own up to three sentences
                    // before, if it is a bombing: an article's lead may be one of many incidents)
                    let kind_of_its_own =
                        |t: &SubEventType| t.is_armed_violence() && *t != SubEventType::Attack;
                    let recent_kind = (i.saturating_sub(3)..i)
                        .rev()
                        .filter_map(|j| top(&types[j]))
                        .find(kind_of_its_own);
                    let recent_bombing = recent_kind.filter(|&t| bombing(Some(t)));
                    // "The attack" (definite) right after an air strike or shelling is that one;
                    // so are the dead counted among its toll in figures ("11 children were among
                    // the 26 civilians killed").
                    let recent_remote = recent_kind
                        .filter(|t| {
                            matches!(
                                t,
                                SubEventType::AirDroneStrike
                                    | SubEventType::ShellingArtilleryMissileAttack
                            )
                        })
                        .filter(|_| {
                            definite_attack(text, sentences[i])
                                || among_the_dead(text, sentences[i])
                                || first.sub_event_type == SubEventType::Attack
                                    && toll_only(text, first)
                        });
                    // A headline or lead telling "an attack" that the next sentences tell as a
                    // bombing ("Dozens killed in terrorist attack. A car bomb killed 44 ..."): the
                    // story's first conflict sentence names the bombing told right after it.
                    let is_lead = types[..i]
                        .iter()
                        .filter_map(|t| top(t))
                        .all(|t| !t.is_conflict());
                    let bombing_next = (i + 1..types.len().min(i + 3))
                        .filter_map(|j| top(&types[j]))
                        .find(kind_of_its_own)
                        .filter(|&t| {
                            is_lead
                                && first.sub_event_type == SubEventType::Attack
                                && bombing(Some(t))
                        });
                    // A headline telling only a toll or a massacre ("Civilian massacre continues,
                    // 88 killed") right before a sentence that tells an air strike or shelling:
                    // that strike's headline.
                    let remote_next = types
                        .get(i + 1)
                        .and_then(|t| top(t))
                        .filter(|t| {
                            matches!(
                                t,
                                SubEventType::AirDroneStrike
                                    | SubEventType::ShellingArtilleryMissileAttack
                            )
                        })
                        .filter(|_| {
                            is_lead
                                && first.sub_event_type == SubEventType::Attack
                                && toll_headline(first)
                        });
                    // ("terrorist attack", "armed attack": the headline's name for it)
                    let named_attack = first.cues.iter().any(|c| {
                        c.rule == "trigger:attack_verbs"
                            && c.text.to_ascii_lowercase().contains("attack")
                    });
                    let chemical_lead =
                        lead_chemical && anaphor && first.sub_event_type == SubEventType::Attack;
                    // Further on in a story whose lead is a bombing, with no violence of
                    // another kind told before: "the attack", or its dead told with no one
                    // doing it ("those killed were mostly evacuees"), is that bombing.
                    let lead_bombing = lead_bombing.filter(|_| {
                        !is_lead
                            && first.sub_event_type == SubEventType::Attack
                            && first_other_violence.is_none_or(|f| f > i)
                            && (definite_attack(text, sentences[i])
                                || victims_only
                                || toll_only(text, first)
                                || those_killed(text, first))
                    });
                    if recent || chemical_lead {
                        Some((SubEventType::ChemicalWeapon, "context:chemical_story"))
                    } else if let Some(t) = recent_remote.or(remote_next) {
                        Some((t, "context:remote_story"))
                    } else if anaphor || victims_only || named_attack {
                        recent_bombing
                            .or(bombing_next.filter(|_| named_attack))
                            .or(lead_bombing)
                            .map(|t| (t, "context:bombing_story"))
                    } else {
                        lead_bombing.map(|t| (t, "context:bombing_story"))
                    }
                    .map(|(class, rule)| (class, rule, String::new()))
                }
                // (further on, the aftermath of the story's lead, when the lead is a strike or a
                // bombing: "smoke rose from the rubble" five sentences into a bombing story)
                SubEventType::ManMadeDisaster if aftermath_only(first) => (i.saturating_sub(3)..i)
                    .rev()
                    .filter_map(|j| types[j].first())
                    .find(|t| t.sub_event_type.event_type() == EventType::ExplosionsRemoteViolence)
                    .or_else(|| {
                        types[..i]
                            .iter()
                            .filter_map(|t| t.first())
                            .find(|t| t.sub_event_type.is_conflict())
                            .filter(|t| {
                                t.sub_event_type.event_type() == EventType::ExplosionsRemoteViolence
                            })
                    })
                    .map(|t| {
                        let head = t.cues.iter().find(|c| c.rule.starts_with("trigger:"));
                        (
                            t.sub_event_type,
                            "context:aftermath_of",
                            head.map(|c| c.text.clone()).unwrap_or_default(),
                        )
                    }),
                _ => None,
            };
            // (the kind told beside it, the context rule and the word it rests on)
            if let Some((class, rule, text)) = retype {
                let mut moved = types[i][0].clone();
                moved.sub_event_type = class;
                moved.cues.push(Cue {
                    rule: rule.to_string(),
                    text,
                    weight: 0.0,
                });
                types[i].retain(|t| t.sub_event_type != class);
                types[i][0] = moved;
            }
        }
        types
    }

    /// [`Classifier::classify`] over the whole of `text`.
    pub fn classify_str(&self, text: &str) -> Vec<TypeScore> {
        self.classify(text, Span::new(0, text.len()))
    }

    /// The best class of `text`, if any.
    pub fn best(&self, text: &str) -> Option<TypeScore> {
        self.classify_str(text).into_iter().next()
    }

    fn score(&self, text: &str, hits: &[RawHit]) -> Vec<TypeScore> {
        let params = &self.lexicon.scoring;
        const N: usize = SubEventType::ALL.len();
        let mut score = [0f32; N];
        let mut head = [false; N];
        // Strongest head per class: (strength, hit index).
        let mut anchor: [Option<(f32, usize)>; N] = [None; N];
        // Per class, the modifier factor of its most asserted head: a class whose every head
        // is hedged ("in anticipation of protests") takes its supporting cues at that share too.
        let mut asserted = [0f32; N];
        // Every contribution: (class, hit index, kind, weight).
        let mut parts: Vec<(usize, usize, PartKind, f32)> = Vec::with_capacity(hits.len() * 3);
        let mut seen: Vec<(usize, u32)> = Vec::with_capacity(hits.len());
        for (hi, hit) in hits.iter().enumerate() {
            let key = self.lexicon.triggers[hit.entry]
                .repeats_as
                .unwrap_or(hit.entry);
            let count = match seen.iter_mut().find(|(e, _)| *e == key) {
                Some((_, n)) => {
                    *n += 1;
                    *n - 1
                }
                None => {
                    seen.push((key, 1));
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
            let mult = repeat * position * hit.factor;
            if mult == 0.0 {
                continue;
            }
            let c = &self.compiled[hit.entry];
            for &(t, w) in &c.heads {
                score[t] += w * mult;
                head[t] = true;
                asserted[t] = asserted[t].max(hit.factor);
                let strength = w * position * hit.factor;
                if anchor[t].is_none_or(|(s, _)| strength > s) {
                    anchor[t] = Some((strength, hi));
                }
                parts.push((t, hi, PartKind::Head, w * mult));
            }
            for &(t, w) in &c.cues {
                // A hedged mention tells of no event of its own: it does not argue
                // against the classes of what did happen.
                if w < 0.0 && hit.factor <= HEDGED {
                    continue;
                }
                parts.push((t, hi, PartKind::Cue, w * mult));
            }
            // Actor cues count repeats by the role each mention plays (below): "fighters
            // shot dead a fighter" names one actor twice, once as agent, once as target.
            let actor_mult = position * hit.factor;
            for &(t, w) in &c.agent_cues {
                parts.push((t, hi, PartKind::Agent, w * actor_mult));
            }
            for &(t, w) in &c.target_cues {
                parts.push((t, hi, PartKind::Target, w * actor_mult));
            }
        }
        // Combinations: every group fires in one sentence (the first where it holds).
        let mut held: Vec<(usize, Span)> = Vec::new();
        for (ci, combo) in self.lexicon.combinations.iter().enumerate() {
            let Some(sentence_count) = hits.iter().map(|h| h.sentence).max() else {
                continue;
            };
            for sentence in 0..=sentence_count {
                // Per group, the first hit of one of its entries in this sentence.
                let found: Option<Vec<usize>> = combo
                    .groups
                    .iter()
                    .map(|g| {
                        hits.iter().position(|h| {
                            h.sentence == sentence && h.factor >= 0.5 && g.contains(&h.entry)
                        })
                    })
                    .collect();
                let Some(found) = found else {
                    continue;
                };
                let barred = hits.iter().any(|h| {
                    h.sentence == sentence && h.factor >= 0.5 && combo.none.contains(&h.entry)
                });
                if barred {
                    continue;
                }
                let first = *found
                    .iter()
                    .min_by_key(|&&hi| hits[hi].span.start)
                    .expect("groups");
                let start = found
                    .iter()
                    .map(|&hi| hits[hi].span.start)
                    .min()
                    .unwrap_or(0);
                let end = found.iter().map(|&hi| hits[hi].span.end).max().unwrap_or(0);
                let factor = found
                    .iter()
                    .map(|&hi| hits[hi].factor)
                    .fold(1.0f32, f32::min);
                let k = held.len();
                held.push((ci, Span::new(start, end)));
                let position = params.sentence_decay.powi(sentence as i32);
                for &(t, w) in &self.compiled_combos[ci].0 {
                    let w = w * position * factor;
                    score[t] += w;
                    head[t] = true;
                    asserted[t] = asserted[t].max(factor);
                    if anchor[t].is_none_or(|(s, _)| w > s) {
                        anchor[t] = Some((w, first));
                    }
                    parts.push((t, first, PartKind::ComboHead(k), w));
                }
                for &(t, w) in &self.compiled_combos[ci].1 {
                    parts.push((t, first, PartKind::ComboCue(k), w * position * factor));
                }
                break;
            }
        }
        // Cues count only for candidates; actor cues by the role the actor plays.
        // Mentions of one actor entry in one role, per class and cue kind:
        // ((entry, class, agent cue, agent role), count).
        type RoleKey = (usize, usize, bool, bool);
        let mut role_seen: Vec<(RoleKey, u32)> = Vec::new();
        for part in parts.iter_mut() {
            let (t, hi, kind, w) = *part;
            if !head[t] || matches!(kind, PartKind::Head | PartKind::ComboHead(_)) {
                continue;
            }
            let mut weight = if w > 0.0 { w * asserted[t].min(1.0) } else { w };
            if matches!(kind, PartKind::Agent | PartKind::Target) {
                let hit = &hits[hi];
                let a = &hits[anchor[t].expect("candidates have an anchor").1];
                let acts = if hit.sentence != a.sentence {
                    None
                } else if hit.after_by {
                    Some(true)
                } else if hit.span.start < a.span.start {
                    Some(!a.passive)
                } else if in_later_clause(text_between(text, a.span, hit.span)) {
                    // "shot a man who was delivering water to the soldiers": the soldiers
                    // stand in a clause of their own, neither acting nor hit.
                    part.3 = 0.0;
                    continue;
                } else {
                    Some(false)
                };
                let fits = match kind {
                    PartKind::Agent => acts != Some(false),
                    _ => acts == Some(false),
                };
                if kind == PartKind::Target && fits {
                    if let Some(window) = self.lexicon.triggers[hit.entry].target_window {
                        // "the former's headquarters": a possessive names whose the object is.
                        let possessive = text[hit.span.end..].starts_with(['\'', '\u{2019}']);
                        let near = hit.span.start > a.span.start
                            && !possessive
                            && object_gap(text_between(text, a.span, hit.span), window);
                        if !near {
                            // Too far from the trigger to be what it acted on.
                            part.3 = 0.0;
                            continue;
                        }
                    }
                }
                let agent_cue = kind == PartKind::Agent;
                let key = (hit.entry, t, agent_cue, agent_cue == fits);
                let count = match role_seen.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, n)) => {
                        *n += 1;
                        *n - 1
                    }
                    None => {
                        role_seen.push((key, 1));
                        0
                    }
                };
                weight *= if count == 0 {
                    1.0
                } else if count <= params.max_repeats {
                    params.repeat_bonus
                } else {
                    0.0
                };
                if !fits {
                    weight *= match kind {
                        PartKind::Target => params
                            .target_as_agent_factor
                            .unwrap_or(params.agent_object_factor),
                        _ => params.agent_object_factor,
                    };
                    part.2 = match kind {
                        PartKind::Agent => PartKind::AgentAsTarget,
                        _ => PartKind::TargetAsAgent,
                    };
                }
            }
            part.3 = weight;
            score[t] += weight;
        }
        let mut ranked: Vec<usize> = (0..N)
            .filter(|&t| head[t] && score[t] >= params.min_score)
            .collect();
        ranked.sort_by(|&a, &b| score[b].total_cmp(&score[a]).then(a.cmp(&b)));
        let runner_up = ranked.get(1).map(|&t| score[t].max(0.0)).unwrap_or(0.0);
        let total: f32 = ranked.iter().map(|&t| score[t].max(0.0)).sum();
        ranked
            .iter()
            .enumerate()
            .map(|(rank, &t)| {
                let s = score[t];
                let strength = 1.0 - (-s / 2.5).exp();
                let margin = if rank == 0 {
                    s / (s + runner_up)
                } else {
                    s / total.max(f32::EPSILON)
                };
                let cues = parts
                    .iter()
                    .filter(|p| p.0 == t && (head[t] || p.2 == PartKind::Head))
                    .map(|&(_, hi, kind, weight)| {
                        if let PartKind::ComboHead(k) | PartKind::ComboCue(k) = kind {
                            let (ci, span) = held[k];
                            return Cue {
                                rule: format!("combination:{}", self.lexicon.combinations[ci].id),
                                text: span.of(text).to_string(),
                                weight,
                            };
                        }
                        let hit = &hits[hi];
                        let mut rule = String::with_capacity(32);
                        rule.push_str(match kind {
                            PartKind::Head => "trigger:",
                            _ => "cue:",
                        });
                        rule.push_str(&self.lexicon.triggers[hit.entry].id);
                        for id in self.modifier_ids(hit.modifiers) {
                            rule.push('+');
                            rule.push_str(&id);
                        }
                        if hit.grievance {
                            rule.push_str("+grievance");
                        }
                        match kind {
                            PartKind::AgentAsTarget => rule.push_str("+as_target"),
                            PartKind::TargetAsAgent => rule.push_str("+as_agent"),
                            _ => {}
                        }
                        Cue {
                            rule,
                            text: hit.span.of(text).to_string(),
                            weight,
                        }
                    })
                    .collect();
                TypeScore {
                    sub_event_type: SubEventType::ALL[t],
                    score: s,
                    confidence: (strength * margin).clamp(0.0, 1.0),
                    cues,
                    trigger: anchor[t].map(|(_, hi)| hits[hi].span).unwrap_or_default(),
                }
            })
            .collect()
    }
}

/// Classes that react to other events (a protest, diplomacy): what they are about is no
/// event of theirs.
fn is_reaction(t: SubEventType) -> bool {
    t.event_type() == EventType::Protests || t == SubEventType::Diplomacy
}

/// "4 March 2021", "in March": the capitalised month is a date, not a protest march. (A
/// sentence may open with a march: "March organisers said ...", unless a day follows.)
fn is_month_name(text: &str, span: Span) -> bool {
    let word = &text[span.start..span.end];
    if word != "March" {
        return false;
    }
    let before = text[..span.start].trim_end();
    let sentence_start = before.is_empty() || before.ends_with(['.', '!', '?', '\n', '"']);
    let day_follows = text[span.end..]
        .trim_start()
        .starts_with(|c: char| c.is_ascii_digit());
    !sentence_start || day_follows
}

/// The text between a trigger and a cue told after it; empty when the cue lies inside the
/// trigger's own phrase (two overlapping entries: "vandalized the residence").
fn text_between(text: &str, trigger: Span, cue: Span) -> &str {
    text.get(trigger.end..cue.start).unwrap_or("")
}

/// A remote-explosive reading resting only on the generic "bomb"/"bombing" words: nothing says
/// the bomb was planted (no IED, car bomb, explosive device).
fn generic_bombing(ts: &TypeScore) -> bool {
    only_heads(&ts.cues, |c| {
        c.rule == "trigger:explosion" && c.text.to_ascii_lowercase().starts_with("bomb")
    })
}

/// A shelling reading resting only on the generic "shelling"/"bombardment" words, which some
/// outlets use for any bombardment (from the air too): no gun, mortar or rocket named.
fn generic_shelling(ts: &TypeScore) -> bool {
    only_heads(&ts.cues, |c| {
        let w = c.text.to_ascii_lowercase();
        c.rule == "trigger:shelling" && (w == "shelling" || w.starts_with("bombardment"))
    })
}

/// Whether `cues` hold a head (`trigger:` cue) and every head is `ok`.
fn only_heads<'c>(cues: impl IntoIterator<Item = &'c Cue>, ok: impl Fn(&Cue) -> bool) -> bool {
    let mut heads = cues
        .into_iter()
        .filter(|c| c.rule.starts_with("trigger:"))
        .peekable();
    heads.peek().is_some() && heads.all(ok)
}

/// Whether a generic attack is told as "raids" (or "a raid"): a noun that, beside aircraft, is
/// the air raids they flew (not "raided", a raid on homes).
fn raids(ts: &TypeScore) -> bool {
    ts.cues.iter().any(|c| {
        c.rule == "trigger:attack_verbs"
            && matches!(c.text.to_ascii_lowercase().as_str(), "raid" | "raids")
    })
}

/// The trigger cue of the last explosion or strike `told` (sentences' scores, in order) when it
/// is an air strike: a generic "the bombing" or "the shelling" after it is that air raid told
/// again. None when the last one is another kind (a shelling, a bombing) or none was told.
fn last_strike_cue(told: &[Vec<TypeScore>]) -> Option<&Cue> {
    let last = told.iter().rev().find_map(|t| {
        t.first()
            .filter(|x| x.sub_event_type.event_type() == EventType::ExplosionsRemoteViolence)
    })?;
    if last.sub_event_type != SubEventType::AirDroneStrike {
        return None;
    }
    last.cues.iter().find(|c| c.rule.starts_with("trigger:"))
}

/// The aircraft or air strike a sentence names, if any.
fn aircraft_cue(types: &[TypeScore]) -> Option<&Cue> {
    types
        .iter()
        .filter(|t| t.sub_event_type == SubEventType::AirDroneStrike)
        .flat_map(|t| t.cues.iter())
        .find(|c| {
            matches!(
                c.rule.as_str(),
                "trigger:air_strike" | "trigger:air_strike_agents" | "trigger:drone_strike"
            )
        })
}

/// A sentence whose every head is a generic attack or death word ("the attack", "died"): it
/// names no kind of violence of its own.
fn generic_violence(types: &[TypeScore]) -> bool {
    types
        .iter()
        .flat_map(|t| t.cues.iter())
        .filter(|c| c.rule.starts_with("trigger:"))
        .all(|c| {
            matches!(
                c.rule.as_str(),
                "trigger:attack_verbs"
                    | "trigger:attack_kill"
                    | "trigger:execution"
                    | "trigger:attack_kill_nouns"
            )
        })
}

/// Whether the sentence counts people among a toll already told, in figures: "among the 26
/// (civilians) killed", "among the 40 dead" (the figure first, up to four words in all before
/// the dead). "Among those killed" alone may be another incident's dead.
fn among_the_dead(text: &str, sentence: Span) -> bool {
    let s = text
        .get(sentence.start..sentence.end)
        .unwrap_or("")
        .to_ascii_lowercase();
    s.match_indices("among the ").any(|(at, p)| {
        let mut words = s[at + p.len()..]
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(5);
        words
            .next()
            .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
            && words.any(|w| matches!(w, "killed" | "dead" | "victims"))
    })
}

/// Whether the sentence refers back to an attack already told: "the attack", "this attack",
/// "the attacks", "these attacks" (not "an attack", which may be another).
fn definite_attack(text: &str, sentence: Span) -> bool {
    let s = text
        .get(sentence.start..sentence.end)
        .unwrap_or("")
        .to_ascii_lowercase();
    ["the attack", "this attack", "that attack", "these attacks"]
        .iter()
        .any(|p| {
            s.match_indices(p).any(|(at, _)| {
                let before = s[..at].chars().next_back();
                let after = s[at + p.len()..].chars().next();
                before.is_none_or(|c| !c.is_alphanumeric())
                    && after.is_none_or(|c| !c.is_alphanumeric() || c == 's')
                    && !s[at + p.len()..].starts_with("er")
            })
        })
}

/// Whether the sentence names one of `nouns` (lower case) with "the", "this" or "that", or
/// with the day it took place ("Tuesday's bombardment", "yesterday's shelling"): an event
/// already told ("the bombing"), not a new one ("a bombing").
fn definite(text: &str, sentence: Span, nouns: &[&str]) -> bool {
    let s = text
        .get(sentence.start..sentence.end)
        .unwrap_or("")
        .to_ascii_lowercase();
    let words: Vec<&str> = s
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    // (a day's possessive, its apostrophe kept, "tuesday s", or dropped, "tuesdays")
    let day = |w: &str| DAYS.contains(&w);
    let day_s = |w: &str| w.strip_suffix('s').is_some_and(day);
    words
        .windows(2)
        .any(|w| nouns.contains(&w[1]) && (matches!(w[0], "the" | "this" | "that") || day_s(w[0])))
        || words
            .windows(3)
            .any(|w| day(w[0]) && w[1] == "s" && nouns.contains(&w[2]))
}

/// Days an event's possessive can name ("Tuesday's bombardment").
const DAYS: [&str; 9] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
];

/// A sentence whose every head is a word for the dead or the victims ("the dead", "bodies",
/// "the toll"), with no verb telling a killing: it counts what an event left, not an event.
fn victims_only(types: &[TypeScore]) -> bool {
    only_heads(types.iter().flat_map(|t| t.cues.iter()), |c| {
        c.rule == "trigger:attack_kill_nouns"
    })
}

/// The dead or hurt named as a group right after "those" ("those killed were mostly
/// evacuees", "those wounded"), the only head of the sentence: what an event left.
fn those_killed(text: &str, ts: &TypeScore) -> bool {
    let head = text.get(ts.trigger.start..ts.trigger.end).unwrap_or("");
    let before = text.get(..ts.trigger.start).unwrap_or("");
    ["killed", "dead", "wounded", "injured"]
        .iter()
        .any(|w| head.eq_ignore_ascii_case(w))
        && before
            .split(|c: char| !c.is_ascii_alphabetic())
            .rfind(|w| !w.is_empty())
            .is_some_and(|w| w.eq_ignore_ascii_case("those"))
        && only_heads(ts.cues.iter(), |c| {
            c.rule.starts_with("trigger:attack_kill")
        })
}

/// A sentence telling only what an event left, with no one named doing it: the dead or the
/// hurt in the passive ("a dozen people were also killed", "six were wounded"), or nouns for
/// them ("the dead included the chief", "bodies of the victims"). "Gunmen killed two farmers"
/// (an active verb, someone doing it) tells a killing of its own.
fn toll_only(text: &str, ts: &TypeScore) -> bool {
    let told = |c: &Cue| {
        c.rule == "trigger:attack_kill_nouns"
            || c.rule == "trigger:attack_kill"
                && TOLL_WORDS.iter().any(|w| c.text.eq_ignore_ascii_case(w))
    };
    if !only_heads(ts.cues.iter(), told) || ts.cues.iter().any(|c| c.rule == "cue:attackers_cue") {
        return false;
    }
    let head = text.get(ts.trigger.start..ts.trigger.end).unwrap_or("");
    if !["killed", "wounded", "injured", "hurt"]
        .iter()
        .any(|w| head.eq_ignore_ascii_case(w))
    {
        return true;
    }
    // (the verb in the simple past passive: "were killed", "were also killed"; "have been
    // killed" tells a tally over time, not the toll of one event; "were among those killed"
    // names some of the dead of a toll)
    let before = text.get(..ts.trigger.start).unwrap_or("");
    let words: Vec<&str> = before
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .rev()
        .take(4)
        .collect();
    let among_those = words.len() >= 2
        && words[0].eq_ignore_ascii_case("those")
        && words[1].eq_ignore_ascii_case("among");
    words
        .iter()
        .skip(if among_those { 2 } else { 0 })
        .take(2)
        .any(|w| {
            ["was", "were", "got"]
                .iter()
                .any(|a| w.eq_ignore_ascii_case(a))
        })
}

/// A headline telling only a toll or a massacre, no one doing it ("Massacre in the town, 30
/// killed"): every head is a word for the dead or hurt, a participle (headlines drop "were")
/// or "massacre"; "Gunmen kill 30" or "an attack" tells the killing as one of its own.
fn toll_headline(ts: &TypeScore) -> bool {
    only_heads(ts.cues.iter(), |c| {
        let w = c.text.to_ascii_lowercase();
        c.rule == "trigger:attack_kill_nouns"
            || c.rule == "trigger:attack_kill"
                && (TOLL_WORDS.contains(&w.as_str()) || w.starts_with("massacr"))
    }) && !ts.cues.iter().any(|c| c.rule == "cue:attackers_cue")
}

/// Words for the dead or hurt told with no one doing it, when in the passive.
const TOLL_WORDS: [&str; 6] = ["killed", "wounded", "injured", "hurt", "died", "perished"];

/// A sentence naming a bomb that was planted, a car bomb or a suicide bombing.
fn planted_bomb(types: &[TypeScore]) -> bool {
    types.iter().any(|t| {
        t.sub_event_type == SubEventType::SuicideBomb
            || t.sub_event_type == SubEventType::RemoteExplosive
                && t.cues.iter().any(|c| c.rule == "trigger:remote_explosive")
    })
}

/// Whether the sentence names a strike ("the U.S. strike on the air base"): a kind of attack of
/// its own, not an anaphor of the story's.
fn names_strike(text: &str, sentence: Span) -> bool {
    let s = text.get(sentence.start..sentence.end).unwrap_or("");
    s.split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| w.eq_ignore_ascii_case("strike") || w.eq_ignore_ascii_case("strikes"))
}

/// A disaster reading resting only on the aftermath words that any strike leaves (rescuers,
/// rubble, debris, a collapse, and people trapped there), perhaps with the blast that made them, and no accident of its
/// own (fire, crash, leak): a bomb on a bus with no rescue told is its own event.
fn aftermath_only(ts: &TypeScore) -> bool {
    let aftermath = |c: &Cue| {
        let w = c.text.to_ascii_lowercase();
        c.rule == "trigger:man_made_disaster"
            && [
                "rescue",
                "rubble",
                "debris",
                "collaps",
                "firefighter",
                "extinguish",
                "blaze",
            ]
            .iter()
            .any(|p| w.starts_with(p))
            || c.rule == "trigger:fire_weak" && w == "smoke"
    };
    // (smoke, fires and flames rise where a strike or a bomb hit, and firefighters put them
    // out: its aftermath too)
    let mut heads = ts.cues.iter().filter(|c| c.rule.starts_with("trigger:"));
    // (people trapped under the rubble, beside it: not those trapped by a siege)
    let trapped =
        |c: &Cue| c.rule == "trigger:man_made_disaster" && c.text.eq_ignore_ascii_case("trapped");
    heads.clone().any(aftermath)
        && heads.all(|c| {
            c.rule == "trigger:explosion"
                || c.rule == "trigger:fire_weak"
                || aftermath(c)
                || trapped(c)
        })
}
