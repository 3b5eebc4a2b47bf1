//! Territorial control statements: "the SDF said they now control the village of Baghuz", "three
//! towns ... remained under ISIS control", "rebels took control of X", read as [`ControlFact`]s.
//!
//! A statement names a controller (the actor inside "under X control", or the subject before
//! "control"/"took control of") and the places it holds (the town-level places the sentence names
//! on the other side of the cue). A statement of change ("now control", "took control of",
//! "captured") can also stand as a territory event when no other trigger fired.

use sitrep_model::{ActorRef, Claim, ControlFact, DatePrecision, EventDate, PlaceRef, Span};
use sitrep_places::{PlaceCue, PlaceKind};
use sitrep_time::DateRole;

use crate::doc::Doc;

/// A control statement read from one sentence.
#[derive(Debug, Clone)]
pub struct ControlStatement {
    /// The facts (one per place).
    pub facts: Vec<ControlFact>,
    /// Control changed hands here ("now control", "took control of", "captured").
    pub change: bool,
    /// The cue that fired.
    pub cue: Span,
}

/// Phrases that state a change of control, followed by the place.
const CHANGE_CUES: [&str; 12] = [
    "now control",
    "took control of",
    "seized control of",
    "taken control of",
    "take control of",
    "gained control of",
    "captured",
    "recaptured",
    "retook",
    "seized",
    "overran",
    "regained control of",
];

/// Phrases saying a place is held against the government: "the last district beyond government
/// control". Its holder is the armed opponent the article named last.
const OUTSIDE_GOVERNMENT: [&str; 8] = [
    "beyond government control",
    "outside government control",
    "out of government control",
    "beyond regime control",
    "outside regime control",
    "out of regime control",
    "beyond the control of the government",
    "outside the control of the government",
];

/// Read control statements in sentence `i`. `actors` are the sentence's resolved actors,
/// `as_of` the sentence's date, `claim` who says so, `opponent` the armed non-state actor the
/// article has named most (asked for only for "beyond government control").
pub fn read_sentence(
    doc: &Doc,
    i: usize,
    actors: &[(Span, ActorRef)],
    as_of: &EventDate,
    claim: Option<&Claim>,
    opponent: impl FnOnce() -> Option<ActorRef>,
) -> Option<ControlStatement> {
    let sentence = doc.sentences[i];
    let lower = doc.sentence_text(i).to_ascii_lowercase();
    let at = |p: usize| sentence.start + p;

    // "Yarmouk is the last district beyond government control": the place the sentence opens
    // with is held by the government's armed opponent.
    if let Some((p, cue)) = OUTSIDE_GOVERNMENT
        .iter()
        .find_map(|c| find_word(&lower, c).map(|p| (p, c)))
    {
        // (who the opponent is, only asked for when a sentence says so)
        if let Some(opponent) = opponent() {
            let cue_span = Span::new(at(p), at(p + cue.len()));
            let places = places_in(doc, i, Span::new(sentence.start, cue_span.start));
            // Only the sentence's subject: "Damascus" in "the last Damascus district" is not it.
            let subject = places.into_iter().next().filter(|(span, _)| {
                let lead = doc.text[sentence.start..span.start].to_ascii_lowercase();
                lead.split_whitespace().all(|w| {
                    matches!(
                        w,
                        "the" | "of" | "town" | "village" | "city" | "district" | "camp" | "area"
                    )
                })
            });
            if let Some(first) = subject {
                // A state told in the present ("is the last district") holds as of publication
                // unless the sentence dates it.
                let dated = doc.dates[i]
                    .iter()
                    .any(|d| d.role == DateRole::Point && d.date.is_some());
                let now = EventDate::new(doc.published, DatePrecision::AsOf);
                return Some(statement(
                    doc,
                    i,
                    vec![first],
                    &opponent,
                    if dated || now.date.is_none() {
                        as_of
                    } else {
                        &now
                    },
                    claim,
                    false,
                    cue_span,
                ));
            }
        }
    }

    // "under X control" / "under the control of X": places before the cue.
    if let Some(p) = lower.find("under ") {
        let rest = &lower[p..];
        if let Some(q) = rest.find("control") {
            if q <= 40 {
                let window = Span::new(at(p), at(p + q + "control".len()));
                let tail = &lower[p + q..];
                let controller = actors
                    .iter()
                    .find(|(s, _)| s.start >= window.start && s.end <= window.end)
                    .or_else(|| {
                        // "under the control of X"
                        tail.starts_with("control of").then(|| {
                            actors
                                .iter()
                                .find(|(s, _)| s.start >= window.end && s.start <= window.end + 8)
                        })?
                    });
                if let Some((_, controller)) = controller {
                    let places = places_in(doc, i, Span::new(sentence.start, window.start));
                    if !places.is_empty() {
                        return Some(statement(
                            doc, i, places, controller, as_of, claim, false, window,
                        ));
                    }
                }
            }
        }
    }
    // "X (now) control P", "X took control of P", "X captured P".
    for cue in CHANGE_CUES {
        let Some(p) = find_word(&lower, cue) else {
            continue;
        };
        let cue_span = Span::new(at(p), at(p + cue.len()));
        let controller = actors.iter().rev().find(|(s, _)| s.end <= cue_span.start);
        let Some((_, controller)) = controller else {
            continue;
        };
        let places = places_in(
            doc,
            i,
            Span::new(cue_span.end, (cue_span.end + 80).min(sentence.end)),
        );
        let Some(first) = places.into_iter().next() else {
            continue;
        };
        return Some(statement(
            doc,
            i,
            vec![first],
            controller,
            as_of,
            claim,
            true,
            cue_span,
        ));
    }
    None
}

fn find_word(hay: &str, needle: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = hay[from..].find(needle) {
        let s = from + p;
        let e = s + needle.len();
        if crate::cues::is_word_boundary(hay.as_bytes(), s, e) {
            return Some(s);
        }
        from = e;
    }
    None
}

/// Town-level places named in `window` (admin1s only when no town is named; never countries,
/// nor places named as a border or a destination).
fn places_in(doc: &Doc, i: usize, window: Span) -> Vec<(Span, PlaceRef)> {
    let inside: Vec<_> = doc
        .places_in(i)
        .filter(|m| m.span.start >= window.start && m.span.end <= window.end)
        .filter(|m| !matches!(m.kind, PlaceKind::Country))
        .filter(|m| !matches!(m.cue, PlaceCue::Border | PlaceCue::Towards))
        .collect();
    let towns: Vec<_> = inside
        .iter()
        .filter(|m| !matches!(m.kind, PlaceKind::Admin1 | PlaceKind::Region))
        .map(|m| (m.span, m.place.clone()))
        .collect();
    if !towns.is_empty() {
        return towns;
    }
    inside.iter().map(|m| (m.span, m.place.clone())).collect()
}

#[allow(clippy::too_many_arguments)]
fn statement(
    doc: &Doc,
    i: usize,
    places: Vec<(Span, PlaceRef)>,
    controller: &ActorRef,
    as_of: &EventDate,
    claim: Option<&Claim>,
    change: bool,
    cue: Span,
) -> ControlStatement {
    let facts = places
        .into_iter()
        .map(|(span, mut place)| {
            place
                .evidence
                .get_or_insert_with(Default::default)
                .article_id = doc.article.id.clone();
            ControlFact {
                place,
                controller: controller.clone(),
                as_of: as_of.clone(),
                claim: claim.cloned(),
                evidence: doc.evidence(
                    i,
                    Span::new(span.start.min(cue.start), span.end.max(cue.end)),
                    "control",
                ),
            }
        })
        .collect();
    ControlStatement { facts, change, cue }
}
