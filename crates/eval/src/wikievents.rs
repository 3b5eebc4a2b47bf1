//! WikiEvents: recall of the gold attack, killing and injury mentions in long news articles.
//!
//! Each document's `text` is read as an article with no publication date. A gold mention of type
//! `Conflict.Attack.*`, `Life.Die.*` or `Life.Injure.*` is recalled when the sentence holding its
//! trigger is one of the sentences a conflict event was read from (the event's `notes` hold them).

use serde::{Deserialize, Serialize};
use sitrep_extract::Reader;
use sitrep_model::{Article, Reading};
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;
use std::time::Instant;

use crate::{read_to_string, round4, EvalError};

/// The event families the recall is measured on.
pub const FAMILIES: [&str; 3] = ["Conflict.Attack", "Life.Die", "Life.Injure"];

/// A token with its character offsets in the document text.
pub type OffsetToken = (String, usize, usize);

/// One WikiEvents document (the fields used here).
#[derive(Debug, Clone, Deserialize)]
pub struct WikiDoc {
    /// Document id.
    pub doc_id: String,
    /// Full text.
    pub text: String,
    /// Sentences as (tokens with character offsets, text).
    pub sentences: Vec<(Vec<OffsetToken>, String)>,
    /// Gold event mentions.
    pub event_mentions: Vec<WikiMention>,
}

/// A gold event mention.
#[derive(Debug, Clone, Deserialize)]
pub struct WikiMention {
    /// Type, e.g. `Conflict.Attack.DetonateExplode`.
    pub event_type: String,
    /// Its trigger.
    pub trigger: WikiTrigger,
}

/// A trigger: token positions over the whole document.
#[derive(Debug, Clone, Deserialize)]
pub struct WikiTrigger {
    /// First token (document-wide index).
    pub start: usize,
    /// The trigger's text.
    pub text: String,
}

/// Recall per family and overall.
#[derive(Debug, Clone, Serialize)]
pub struct WikiEventsReport {
    /// The file read.
    pub file: String,
    /// Documents read.
    pub documents: usize,
    /// Gold mentions of the measured families.
    pub mentions: usize,
    /// Of those, recalled.
    pub recalled: usize,
    /// recalled / mentions.
    pub recall: f64,
    /// Per family: (mentions, recalled, recall).
    pub by_family: BTreeMap<String, (usize, usize, f64)>,
    /// Up to 10 missed triggers as "doc: trigger".
    pub misses: Vec<String>,
    /// Seconds spent reading.
    pub seconds: f64,
}

/// Load a WikiEvents `dev.jsonl`; errors name the file and line.
pub fn load_wikievents(path: &Path) -> Result<Vec<WikiDoc>, EvalError> {
    let text = read_to_string(path)?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, line)| {
            serde_json::from_str(line).map_err(|e| EvalError::Expectation {
                path: path.to_path_buf(),
                message: format!("line {}: not a WikiEvents document: {e}", n + 1),
            })
        })
        .collect()
}

/// Byte offset in `text` of character offset `chars`.
fn byte_offset(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map(|(b, _)| b)
        .unwrap_or(text.len())
}

/// Whether the gold mention `m` of `doc` lies in a sentence some conflict event was read from.
fn recalled(doc: &WikiDoc, m: &WikiMention, reading: &Reading) -> bool {
    let Some(&(_, start_char, _)) = doc
        .sentences
        .iter()
        .flat_map(|(tokens, _)| tokens)
        .nth(m.trigger.start)
    else {
        return false;
    };
    let at = byte_offset(&doc.text, start_char);
    let Some(sentence) = reading
        .sentences
        .iter()
        .find(|s| s.start <= at && at < s.end)
    else {
        return false;
    };
    let sentence_text = doc.text[sentence.start..sentence.end].trim();
    reading
        .events
        .iter()
        .filter(|e| e.sub_event_type.is_conflict())
        .any(|e| e.notes.contains(sentence_text))
}

/// Score readings (one per document, same order).
pub fn score_wikievents(
    file: &str,
    docs: &[WikiDoc],
    readings: &[Reading],
    seconds: f64,
) -> WikiEventsReport {
    let mut by_family: BTreeMap<String, (usize, usize, f64)> = BTreeMap::new();
    let mut misses = Vec::new();
    for (doc, reading) in docs.iter().zip(readings) {
        for m in &doc.event_mentions {
            let Some(family) = FAMILIES.iter().find(|f| m.event_type.starts_with(*f)) else {
                continue;
            };
            let entry = by_family.entry(family.to_string()).or_default();
            entry.0 += 1;
            if recalled(doc, m, reading) {
                entry.1 += 1;
            } else if misses.len() < 10 {
                misses.push(format!("{}: {}", doc.doc_id, m.trigger.text));
            }
        }
    }
    for v in by_family.values_mut() {
        v.2 = round4(v.1 as f64 / v.0.max(1) as f64);
    }
    let mentions = by_family.values().map(|v| v.0).sum();
    let recalled = by_family.values().map(|v| v.1).sum();
    WikiEventsReport {
        file: file.to_string(),
        documents: docs.len(),
        mentions,
        recalled,
        recall: round4(recalled as f64 / usize::max(mentions, 1) as f64),
        by_family,
        misses,
        seconds: round4(seconds),
    }
}

/// Read every document of a WikiEvents file and score the recall.
pub fn eval_wikievents(path: &Path, reader: &Reader) -> Result<WikiEventsReport, EvalError> {
    let docs = load_wikievents(path)?;
    let start = Instant::now();
    let readings: Vec<Reading> = docs
        .iter()
        .map(|d| {
            reader.read(&Article {
                id: d.doc_id.clone(),
                text: d.text.clone(),
                origin: format!("{}:{}", path.display(), d.doc_id),
                ..Default::default()
            })
        })
        .collect();
    Ok(score_wikievents(
        &path.display().to_string(),
        &docs,
        &readings,
        start.elapsed().as_secs_f64(),
    ))
}

impl fmt::Display for WikiEventsReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "WikiEvents recall of attack / killing / injury mentions in {}",
            self.file
        )?;
        writeln!(
            f,
            "{} documents read in {:.2} s; {} of {} gold mentions recalled: {:.1}%",
            self.documents,
            self.seconds,
            self.recalled,
            self.mentions,
            100.0 * self.recall
        )?;
        for (family, (n, r, recall)) in &self.by_family {
            writeln!(f, "  {family:18} {r:4} / {n:4}  {:.1}%", 100.0 * recall)?;
        }
        if !self.misses.is_empty() {
            writeln!(f, "missed (sample): {}", self.misses.join("; "))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::{Event, Span};

    fn doc() -> WikiDoc {
        let text = "A car bomb exploded in the market. Talks resumed later.".to_string();
        WikiDoc {
            doc_id: "d1".into(),
            sentences: vec![
                (
                    vec![
                        ("A".into(), 0, 1),
                        ("car".into(), 2, 5),
                        ("bomb".into(), 6, 10),
                        ("exploded".into(), 11, 19),
                    ],
                    "A car bomb exploded".into(),
                ),
                (
                    vec![("Talks".into(), 35, 40)],
                    "Talks resumed later.".into(),
                ),
            ],
            event_mentions: vec![
                WikiMention {
                    event_type: "Conflict.Attack.DetonateExplode".into(),
                    trigger: WikiTrigger {
                        start: 3,
                        text: "exploded".into(),
                    },
                },
                WikiMention {
                    event_type: "Contact.Contact.Meet".into(),
                    trigger: WikiTrigger {
                        start: 4,
                        text: "Talks".into(),
                    },
                },
            ],
            text,
        }
    }

    #[test]
    fn a_mention_is_recalled_when_its_sentence_made_an_event() {
        let d = doc();
        let json = r#"{"id":"e","sub_event_type":"Remote explosive/landmine/IED","date":{"date":null,"end":null,"precision":"unresolved","evidence":null},"location":null,"other_locations":[],"destination":null,"actor1":null,"assoc_actor_1":[],"actor2":null,"assoc_actor_2":[],"fatalities":0,"quantities":[],"claims":[],"valid_until":null,"civilian_targeting":false,"tally":false,"cues":[],"confidence":0.5,"salience":1.0,"notes":"A car bomb exploded in the market.","article_ids":[],"sources":[],"evidence":{"article_id":"d1","sentence":0,"span":{"start":0,"end":1},"text":"A","rule":"t"}}"#;
        let event: Event = serde_json::from_str(json).unwrap();
        let with_event = Reading {
            article_id: "d1".into(),
            sentences: vec![Span::new(0, 34), Span::new(35, 55)],
            events: vec![event],
            ..Default::default()
        };
        let report = score_wikievents("t", std::slice::from_ref(&d), &[with_event], 0.0);
        assert_eq!((report.mentions, report.recalled), (1, 1));
        let empty = Reading {
            sentences: vec![Span::new(0, 34)],
            ..Default::default()
        };
        assert_eq!(score_wikievents("t", &[d], &[empty], 0.0).recalled, 0);
    }
}
