//! Helpers shared by the classifier's integration tests.

use sitrep_classify::Classifier;
use sitrep_model::{Span, SubEventType};

/// The top class of each sentence of `text` (sentences end at ". ").
pub fn tops(text: &str) -> Vec<Option<SubEventType>> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(". ") {
        spans.push(Span::new(start, i + 1));
        start = i + 2;
    }
    spans.push(Span::new(start, text.len()));
    Classifier::embedded()
        .classify_sentences(text, &spans)
        .iter()
        .map(|t| t.first().map(|x| x.sub_event_type))
        .collect()
}
