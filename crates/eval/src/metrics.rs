//! Metrics: great-circle distance, per-label precision/recall/F1, confusion pairs, sample misses.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::{round4, share};

/// Great-circle distance in kilometres between two points given in degrees (haversine,
/// mean Earth radius 6,371.0088 km).
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    const EARTH_RADIUS_KM: f64 = 6371.0088;
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().min(1.0).asin()
}

/// One expected value the reader got wrong.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Miss {
    /// Item id (ACLED `event_id_cnty`, CASE snippet id).
    pub id: String,
    /// What the coder wrote.
    pub expected: String,
    /// What sitrep read.
    pub got: String,
}

/// How often an expected label was read as another (or as `NONE`).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ConfusionPair {
    /// Coded label.
    pub expected: String,
    /// Label read.
    pub got: String,
    /// Number of items.
    pub count: usize,
}

/// The `k` most frequent (expected, got) pairs with expected ≠ got, most frequent first
/// (ties in name order).
pub fn top_confusions<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    k: usize,
) -> Vec<ConfusionPair> {
    let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for (e, g) in pairs {
        if e != g {
            *counts.entry((e, g)).or_default() += 1;
        }
    }
    let mut pairs: Vec<ConfusionPair> = counts
        .into_iter()
        .map(|((e, g), count)| ConfusionPair {
            expected: e.to_string(),
            got: g.to_string(),
            count,
        })
        .collect();
    pairs.sort_by_key(|p| std::cmp::Reverse(p.count));
    pairs.truncate(k);
    pairs
}

/// Precision, recall and F1 of one label.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LabelScore {
    /// The label.
    pub label: String,
    /// Correct predictions of the label / predictions of it.
    pub precision: f64,
    /// Correct predictions of the label / items coded with it.
    pub recall: f64,
    /// Harmonic mean of precision and recall (0 when both are 0).
    pub f1: f64,
    /// Items coded with the label.
    pub support: usize,
    /// Items predicted as the label.
    pub predicted: usize,
}

/// Scores of a single-label classification.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LabelScores {
    /// Items scored.
    pub n: usize,
    /// Share of items whose label was predicted exactly.
    pub accuracy: f64,
    /// Mean of per-label F1 weighted by support.
    pub weighted_f1: f64,
    /// Unweighted mean of per-label F1 over every label coded or predicted (as scikit-learn).
    pub macro_f1: f64,
    /// Per label, by descending support then name.
    pub labels: Vec<LabelScore>,
}

/// Scores predicted labels against coded ones (`gold[i]` is the label of item `i`).
///
/// Labels are those coded or predicted; a label only predicted counts in the macro mean
/// with F1 0 (as scikit-learn's `f1_score(average="macro")`) and weighs 0 in the weighted one.
///
/// # Panics
/// When `gold` and `predicted` differ in length.
pub fn score_labels(gold: &[&str], predicted: &[&str]) -> LabelScores {
    assert_eq!(gold.len(), predicted.len(), "one prediction per item");
    #[derive(Default)]
    struct Counts {
        tp: usize,
        support: usize,
        predicted: usize,
    }
    let mut counts: HashMap<&str, Counts> = HashMap::new();
    let mut correct = 0;
    for (g, p) in gold.iter().zip(predicted) {
        counts.entry(g).or_default().support += 1;
        counts.entry(p).or_default().predicted += 1;
        if g == p {
            counts.entry(g).or_default().tp += 1;
            correct += 1;
        }
    }
    let n = gold.len();
    let mut labels: Vec<LabelScore> = counts
        .into_iter()
        .map(|(label, c)| {
            let precision = share(c.tp, c.predicted);
            let recall = share(c.tp, c.support);
            let f1 = if precision + recall > 0.0 {
                2.0 * precision * recall / (precision + recall)
            } else {
                0.0
            };
            LabelScore {
                label: label.to_string(),
                precision,
                recall,
                f1,
                support: c.support,
                predicted: c.predicted,
            }
        })
        .collect();
    labels.sort_by(|a, b| b.support.cmp(&a.support).then(a.label.cmp(&b.label)));
    let weighted_f1 = if n == 0 {
        0.0
    } else {
        labels.iter().map(|l| l.f1 * l.support as f64).sum::<f64>() / n as f64
    };
    let macro_f1 = if labels.is_empty() {
        0.0
    } else {
        labels.iter().map(|l| l.f1).sum::<f64>() / labels.len() as f64
    };
    for l in &mut labels {
        l.precision = round4(l.precision);
        l.recall = round4(l.recall);
        l.f1 = round4(l.f1);
    }
    LabelScores {
        n,
        accuracy: round4(share(correct, n)),
        weighted_f1: round4(weighted_f1),
        macro_f1: round4(macro_f1),
        labels,
    }
}

/// Picks at most `k` items spread evenly over `items` (first, last and between), so that
/// samples are not all from the start of a file.
pub(crate) fn spread<T: Clone>(items: &[T], k: usize) -> Vec<T> {
    if items.len() <= k {
        return items.to_vec();
    }
    (0..k)
        .map(|i| items[i * (items.len() - 1) / (k - 1).max(1)].clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damascus_to_aleppo_is_about_310_km() {
        let d = haversine_km(33.5138, 36.2765, 36.2021, 37.1343);
        assert!((d - 310.0).abs() < 10.0, "{d}");
        assert_eq!(haversine_km(10.0, 20.0, 10.0, 20.0), 0.0);
        // a quarter of a meridian
        let q = haversine_km(0.0, 0.0, 90.0, 0.0);
        assert!((q - 10_007.5).abs() < 1.0, "{q}");
    }

    #[test]
    fn weighted_f1_on_a_hand_made_confusion() {
        // (coded, predicted): (A,A) (A,A) (A,B) (B,B) (B,C); C is only predicted
        let gold = ["A", "A", "A", "B", "B"];
        let pred = ["A", "A", "B", "B", "C"];
        let s = score_labels(&gold, &pred);
        // A: p = 2/2, r = 2/3, f1 = 0.8. B: p = 1/2, r = 1/2, f1 = 0.5. C: p = 0, r = 0, f1 = 0.
        let a = s.labels.iter().find(|l| l.label == "A").unwrap();
        assert_eq!(
            (a.precision, a.recall, a.f1, a.support),
            (1.0, 0.6667, 0.8, 3)
        );
        let c = s.labels.iter().find(|l| l.label == "C").unwrap();
        assert_eq!((c.support, c.predicted, c.f1), (0, 1, 0.0));
        // weighted: (3 * 0.8 + 2 * 0.5) / 5 = 0.68; macro: (0.8 + 0.5 + 0) / 3 = 0.4333
        assert_eq!(s.weighted_f1, 0.68);
        assert_eq!(s.macro_f1, 0.4333);
        assert_eq!(s.accuracy, 0.6);
        assert_eq!(s.labels[0].label, "A");
    }

    #[test]
    fn empty_scores_are_zero() {
        let s = score_labels(&[], &[]);
        assert_eq!(
            (s.n, s.accuracy, s.weighted_f1, s.macro_f1),
            (0, 0.0, 0.0, 0.0)
        );
    }

    #[test]
    fn confusions_are_counted_and_ranked() {
        let pairs = [("A", "B"), ("A", "B"), ("A", "A"), ("C", "NONE")];
        let top = top_confusions(pairs, 5);
        assert_eq!(top.len(), 2);
        assert_eq!(
            (top[0].expected.as_str(), top[0].got.as_str(), top[0].count),
            ("A", "B", 2)
        );
        assert_eq!(top_confusions(pairs, 1).len(), 1);
    }

    #[test]
    fn spread_samples_evenly() {
        let v: Vec<u32> = (0..100).collect();
        let s = spread(&v, 10);
        assert_eq!(s.len(), 10);
        assert_eq!((s[0], s[9]), (0, 99));
        assert_eq!(spread(&v[..3], 10), vec![0, 1, 2]);
    }
}
