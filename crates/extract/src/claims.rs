//! Claims: who says what a sentence reports, and whether they assert, deny or have yet to confirm.
//!
//! A sentence is split into clauses (", while", ", but", "; "): "X left overnight, a monitor said,
//! while the government has yet to confirm any deal" carries two claims side by side. In each
//! clause the claimant is the source named next to a reporting verb or a polarity cue ("the
//! Observatory said", "according to SANA", "the regime denied"); a party to the conflict that
//! speaks of itself ("the SDF said") is a claimant of kind `Party`. "He added" carries the previous
//! sentence's claimant on. A sentence with no attribution is the reporting outlet's own assertion.

use sitrep_model::{Claim, ClaimantKind, Polarity, Span};
use sitrep_places::PlaceKind;

use crate::doc::Doc;

/// Clause separators that can carry a second, opposing claim.
const CLAUSE_BREAKS: [&str; 11] = [
    ", while ",
    " while ",
    ", but ",
    "; ",
    ", whereas ",
    " but ",
    ", although ",
    // "... had killed 20 soldiers, a figure the army denied": another party's word on the claim
    ", a figure ",
    ", a claim ",
    ", an account ",
    ", a toll ",
];

/// The claims of one sentence.
#[derive(Debug, Clone, Default)]
pub struct SentenceClaims {
    /// Claims found, in clause order.
    pub claims: Vec<Claim>,
}

impl SentenceClaims {
    /// Whether the sentence only denies or doubts (no clause asserts).
    pub fn only_disputes(&self) -> bool {
        !self.claims.is_empty()
            && self
                .claims
                .iter()
                .all(|c| matches!(c.polarity, Polarity::Denied | Polarity::Unconfirmed))
    }

    /// The asserting (or responsibility-claiming) claims.
    pub fn asserting(&self) -> impl Iterator<Item = &Claim> {
        self.claims.iter().filter(|c| {
            matches!(
                c.polarity,
                Polarity::Asserted | Polarity::ClaimedResponsibility
            )
        })
    }
}

/// Split a sentence span into clause spans.
pub fn clauses(text: &str, sentence: Span) -> Vec<Span> {
    let s = sentence.of(text);
    let lower = s.to_ascii_lowercase();
    let mut cuts = vec![0usize];
    for brk in CLAUSE_BREAKS {
        let mut from = 0;
        while let Some(p) = lower[from..].find(brk) {
            let at = from + p;
            cuts.push(at);
            from = at + brk.len();
        }
    }
    cuts.sort_unstable();
    // ", while " and " while " cut one byte apart: one clause break.
    cuts.dedup_by(|b, a| *b <= *a + 2);
    cuts.push(s.len());
    cuts.windows(2)
        .filter(|w| w[1] > w[0])
        .map(|w| Span::new(sentence.start + w[0], sentence.start + w[1]))
        .collect()
}

/// Whether the words before a verb end in an auxiliary of the passive ("were", "had been",
/// "were allegedly": adverbs in -ly between them skipped).
fn passive_before(before: &str) -> bool {
    let last = before
        .split_whitespace()
        .rev()
        .take(3)
        .map(|w| w.to_ascii_lowercase())
        .find(|w| !w.ends_with("ly"));
    matches!(
        last.as_deref(),
        Some("was" | "were" | "been" | "being" | "is" | "are" | "be" | "get" | "got")
    )
}

/// Read the claims of sentence `i`. `previous` is the claimant of the sentence before (for "he added").
pub fn read_sentence(doc: &Doc, i: usize, previous: Option<&Claim>) -> SentenceClaims {
    let sentence = doc.sentences[i];
    let text = doc.text;
    let cues = doc.cues;
    let mut out = SentenceClaims::default();
    for clause in clauses(text, sentence) {
        // "no group claimed responsibility": a deed no one claims, no claim of anyone's
        let unclaimed = cues.no_claim.any(text, clause);
        let polarity_cue = cues
            .claimed_responsibility
            .first(text, clause)
            .filter(|_| !unclaimed)
            .map(|(s, _)| (s, Polarity::ClaimedResponsibility))
            .or_else(|| {
                // (not a passive "were denied access", "was denied bail": something refused to
                // someone, no one's denial; "were denied by state television" is one)
                // (a denial of a habit, "has denied targeting civilians in previous air
                // strikes", disputes no one event)
                let habitual = cues.generalisation.any(text, clause)
                    || text[clause.start..clause.end]
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|w| {
                            ["previous", "consistently", "always"]
                                .iter()
                                .any(|h| w.eq_ignore_ascii_case(h))
                        });
                cues.denied
                    .find(text, clause)
                    .filter(|_| !habitual)
                    .find(|(s, _)| {
                        let verb = s.of(text).eq_ignore_ascii_case("denied");
                        // ("strikes to deny Daesh the ability to move": a purpose, no denial)
                        let purpose = text[clause.start..s.start]
                            .trim_end()
                            .to_ascii_lowercase()
                            .ends_with(" to");
                        !purpose
                            && (!verb
                                || !passive_before(&text[clause.start..s.start])
                                || text[s.end..clause.end].trim_start().starts_with("by "))
                    })
                    .map(|(s, _)| (s, Polarity::Denied))
            })
            .or_else(|| {
                cues.unconfirmed
                    .first(text, clause)
                    .map(|(s, _)| (s, Polarity::Unconfirmed))
            });
        let verb = cues
            .attribution
            .first(text, clause)
            .or_else(|| cues.reaction.first(text, clause))
            .map(|(s, _)| s);
        let Some(anchor) = polarity_cue.map(|(s, _)| s).or(verb) else {
            continue;
        };
        let polarity = polarity_cue.map(|(_, p)| p).unwrap_or(Polarity::Asserted);
        let claimant = claimant_near(doc, i, clause, anchor).or_else(|| {
            let words = &text[clause.start..clause.end].to_ascii_lowercase();
            let pronoun = [
                "he added",
                "he said",
                "she said",
                "she added",
                "it said",
                "they said",
                "it added",
            ]
            .iter()
            .any(|p| words.contains(p));
            previous
                .filter(|_| pronoun)
                .map(|p| (p.claimant.clone(), p.claimant_kind))
        });
        let Some((claimant, claimant_kind)) = claimant else {
            // A polarity cue without a named claimant still matters ("it could not be confirmed").
            if polarity == Polarity::Asserted {
                continue;
            }
            let name = doc
                .article
                .source
                .clone()
                .unwrap_or_else(|| "unattributed".into());
            out.claims.push(make_claim(
                doc,
                i,
                anchor,
                name,
                ClaimantKind::Reporter,
                polarity,
                clause,
            ));
            continue;
        };
        out.claims.push(make_claim(
            doc,
            i,
            anchor,
            claimant,
            claimant_kind,
            polarity,
            clause,
        ));
    }
    out
}

fn make_claim(
    doc: &Doc,
    i: usize,
    anchor: Span,
    claimant: String,
    claimant_kind: ClaimantKind,
    polarity: Polarity,
    clause: Span,
) -> Claim {
    Claim {
        claimant,
        claimant_kind,
        polarity,
        hedged: doc.cues.hedges.any(doc.text, clause),
        article_id: doc.article.id.clone(),
        sentence_index: i,
        sentence: doc.sentence_text(i).to_string(),
        span: anchor,
    }
}

/// The claimant named closest to `anchor` within the clause: a source, else a party.
fn claimant_near(
    doc: &Doc,
    i: usize,
    clause: Span,
    anchor: Span,
) -> Option<(String, ClaimantKind)> {
    let dist = |s: &Span| {
        if s.end <= anchor.start {
            anchor.start - s.end
        } else {
            s.start.saturating_sub(anchor.end)
        }
    };
    let in_clause = |s: &Span| s.start >= clause.start && s.end <= clause.end;
    // "Moscow denied", "Turkey on Thursday condemned": a country or its capital as the subject
    // speaks for its government.
    // (not a country inside a group's name: "the Tehreek-i-Taliban Pakistan claimed")
    let inside_a_name = |s: &Span| {
        doc.actors[i].iter().any(|a| {
            a.span.start <= s.start
                && s.end <= a.span.end
                && a.span.end - a.span.start > s.end - s.start
        })
    };
    if let Some(m) = doc.places_in(i).find(|m| {
        in_clause(&m.span)
            && matches!(m.kind, PlaceKind::Country | PlaceKind::Town)
            && !inside_a_name(&m.span)
            && subject_of(doc, i, m.span, anchor)
    }) {
        if let Some(country) = m.place.country.as_deref() {
            return Some((format!("Government of {country}"), ClaimantKind::Government));
        }
    }
    // "Rebels said government troops attacked": the subject of the verb speaks, not a source
    // named in what it says.
    // (not "according to", whose speaker follows it; not when a source is named before the
    // verb: "SANA reporter said")
    let speaker = |s: &Span| in_clause(s) && subject_of(doc, i, *s, anchor);
    let according = doc.text[anchor.start..anchor.end]
        .to_ascii_lowercase()
        .starts_with("according");
    let source_before = doc.sources[i]
        .iter()
        .any(|m| in_clause(&m.span) && m.span.end <= anchor.start);
    // (people counted before the verb and a source right after it: "wounded 60 people said the
    // Observatory", the source speaks)
    let source_after = doc.sources[i]
        .iter()
        .any(|m| m.span.start >= anchor.end && m.span.start <= anchor.end + 5);
    if !according && !source_before {
        if let Some(m) = doc.actors[i]
            .iter()
            .filter(|m| !m.generic && speaker(&m.span))
            .filter(|m| !(source_after && m.actor.inter == 7))
            .max_by_key(|m| m.span.end)
        {
            return Some(party_or_person(m));
        }
    }
    let source = doc.sources[i]
        .iter()
        .filter(|m| in_clause(&m.span))
        .min_by_key(|m| dist(&m.span));
    if let Some(m) = source {
        // A source named by a quoting chain ("a military source quoted by Sana").
        let name = quoted_by(doc, i, m).unwrap_or_else(|| m.name.clone());
        return Some((name, m.kind));
    }
    // (not the last of what was told, set off from an unknown speaker by a comma: "killing 11
    // people, a regional commander said")
    let set_off = |s: &Span| {
        s.end <= anchor.start && {
            let between = doc.text[s.end..anchor.start]
                .trim_start()
                .to_ascii_lowercase();
            ["a ", "an ", "the "].iter().any(|a| {
                between
                    .strip_prefix(',')
                    .is_some_and(|b| b.trim_start().starts_with(a))
            })
        }
    };
    doc.actors[i]
        .iter()
        .filter(|m| in_clause(&m.span) && !m.generic && !set_off(&m.span))
        .filter(|m| dist(&m.span) <= 40)
        .min_by_key(|m| dist(&m.span))
        .map(party_or_person)
}

/// A named actor as a claimant: residents, protesters and witnesses speak as people, not as a
/// party.
fn party_or_person(m: &sitrep_actors::ActorMention) -> (String, ClaimantKind) {
    if matches!(m.actor.inter, 5..=7) {
        (m.actor.mention.clone(), ClaimantKind::Person)
    } else {
        (m.actor.name.clone(), ClaimantKind::Party)
    }
}

/// Words that may stand between a speaker and its verb: "Russia has categorically denied",
/// "Turkey on Thursday condemned" (weekdays: `sitrep_time::is_weekday_name`).
const BETWEEN_SUBJECT_AND_VERB: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "again",
    "later",
    "then",
    "on",
    "strongly",
    "categorically",
    "flatly",
    "firmly",
    "officially",
    "swiftly",
    "quickly",
    "immediately",
    "publicly",
    "repeatedly",
    "previously",
    "already",
    "yesterday",
    "today",
];

/// Prepositions that make a name the place of something, not who speaks ("talks in Moscow said").
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "at", "near", "from", "to", "into", "on", "by", "with", "outside", "inside", "across",
];

/// Whether the name at `subject` is who speaks in the verb at `verb` right after it: "Moscow
/// denied", "Russia has categorically denied", "Turkey on Thursday condemned" — not "in Moscow
/// said" nor "Kabul police said".
pub fn subject_of(doc: &Doc, i: usize, subject: Span, verb: Span) -> bool {
    if subject.end > verb.start || verb.start - subject.end > 32 {
        return false;
    }
    let sentence = doc.sentences[i];
    let between = doc.words(Span::new(subject.end, verb.start));
    let gap_ok = between.len() <= 3
        && between.iter().all(|(_, w)| {
            BETWEEN_SUBJECT_AND_VERB.contains(&w.as_str()) || sitrep_time::is_weekday_name(w)
        })
        && !doc.text[subject.end..verb.start].contains([',', '.', ';', ':', '(', '"']);
    let governed = doc
        .words(Span::new(
            subject.start.saturating_sub(12).max(sentence.start),
            subject.start,
        ))
        .last()
        .is_some_and(|(_, w)| PLACE_PREPOSITIONS.contains(&w.as_str()));
    gap_ok && !governed
}

/// Whether the name at `span` speaks in a reporting, denial, reaction or blaming verb right
/// after it ("Ankara said", "Moscow denied", "Turkey condemned", "Moscow blamed the rebels"), or
/// is the one blamed ([`blamed`]): a government, not a place.
pub fn speaks(doc: &Doc, i: usize, span: Span) -> bool {
    let sentence = doc.sentences[i];
    let after = Span::new(span.end, (span.end + 40).min(sentence.end));
    let cues = doc.cues;
    [
        &cues.attribution,
        &cues.denied,
        &cues.reaction,
        &cues.accusing,
    ]
    .into_iter()
    .filter_map(|set| set.first(doc.text, after))
    .map(|(s, _)| s)
    .min_by_key(|s| s.start)
    .is_some_and(|verb| subject_of(doc, i, span, verb))
        || blamed(doc, i, span)
}

/// Whether the name at `span` is the one blamed: right after a blaming verb ("the rebels
/// accused Ankara of the raid", "Washington blames Moscow") or before "was to blame" ("Moscow
/// was to blame"): a government, not a place.
fn blamed(doc: &Doc, i: usize, span: Span) -> bool {
    let sentence = doc.sentences[i];
    let object = doc
        .words(Span::new(
            span.start.saturating_sub(16).max(sentence.start),
            span.start,
        ))
        .last()
        .is_some_and(|(w, _)| {
            doc.cues.accusing.any(doc.text, *w) && doc.text[w.end..span.start].trim().is_empty()
        });
    let rest = doc.text[span.end..sentence.end].trim_start();
    let to_blame = ["was to blame", "is to blame", "were to blame"]
        .iter()
        .any(|p| rest.starts_with(p));
    object || to_blame
}

/// Whether the name at `span` reacts to an event in a verb right after it ("the opposition
/// condemned the raid"): who reacts takes no part in the event.
pub fn reacts(doc: &Doc, i: usize, span: Span) -> bool {
    let sentence = doc.sentences[i];
    let after = Span::new(span.end, (span.end + 60).min(sentence.end));
    doc.cues
        .reaction
        .first(doc.text, after)
        .is_some_and(|(verb, _)| subject_of(doc, i, span, verb))
}

/// "a military source quoted by the official Sana news agency": both names, as one claimant.
fn quoted_by(doc: &Doc, i: usize, first: &sitrep_actors::SourceMention) -> Option<String> {
    let after = &doc.text[first.span.end..doc.sentences[i].end];
    let gap = after.find("quoted by").or_else(|| after.find("cited by"))?;
    if gap > 20 {
        return None;
    }
    let second = doc.sources[i]
        .iter()
        .find(|m| m.span.start > first.span.end && m.span.start - first.span.end < 60)?;
    Some(format!("{} quoted by {}", first.name, second.name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_split_on_while_and_but() {
        let text =
            "Fighters left overnight, a monitor said, while the government has yet to confirm.";
        let c = clauses(text, Span::new(0, text.len()));
        assert_eq!(c.len(), 2);
        assert!(c[1].of(text).starts_with(", while"));
    }
}
