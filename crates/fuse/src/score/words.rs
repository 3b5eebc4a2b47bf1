//! The wording cue's material: content-word stems of a sentence (weighted: names and numbers
//! count more, generic words less), their weighted Jaccard, and the speakers a sentence names.

use super::*;

/// Words that say nothing about which event a sentence reports.
pub(super) const STOP_WORDS: &[&str] = &[
    "that",
    "this",
    "with",
    "from",
    "have",
    "were",
    "said",
    "their",
    "which",
    "would",
    "there",
    "about",
    "after",
    "they",
    "been",
    "also",
    "into",
    "over",
    "than",
    "when",
    "where",
    "syria",
    "syrian",
    "while",
    "since",
    "other",
    "some",
    "more",
    "according",
    "told",
    "says",
];

/// Content-word stems of a sentence with their weights: words of four letters or more,
/// lower-cased, stop words left out, cut to their first five letters ("evacuate" and "evacuated"
/// meet), hashed, sorted. A generic word of conflict news (`data/generic_words.tsv`: "killed",
/// "civilians") weighs [`GENERIC_WORD_WEIGHT`], a name (capitalised inside a sentence: "Jayrud",
/// "Qaterji") [`NAME_WEIGHT`], a number [`NUMBER_WEIGHT`], any other word 1; a stem met more than
/// once keeps its highest weight.
pub fn stems(text: &str, lex: &Lexicons) -> Vec<(u64, f32)> {
    let mut out: Vec<(u64, f32)> = Vec::new();
    let mut sentence_start = true;
    let mut rest = text;
    while !rest.is_empty() {
        let start = rest.find(char::is_alphanumeric).unwrap_or(rest.len());
        let gap = &rest[..start];
        if gap.contains(['.', '!', '?', ':', '"', '\n']) {
            sentence_start = true;
        }
        rest = &rest[start..];
        let end = rest
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(rest.len());
        let word = &rest[..end];
        rest = &rest[end..];
        if word.is_empty() {
            continue;
        }
        let at_start = std::mem::replace(&mut sentence_start, false);
        if word.chars().count() < 4 {
            continue;
        }
        let lower = word.to_lowercase();
        if STOP_WORDS.contains(&lower.as_str()) {
            continue;
        }
        let weight = if lower.chars().all(|c| c.is_ascii_digit()) {
            NUMBER_WEIGHT
        } else if lex.generic_words.contains(&lower) {
            GENERIC_WORD_WEIGHT
        } else if !at_start && word.starts_with(char::is_uppercase) {
            NAME_WEIGHT
        } else {
            1.0
        };
        out.push((stem_hash(&lower), weight));
    }
    // sort by stem, the highest weight first, and keep that one
    out.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
    out.dedup_by_key(|s| s.0);
    out
}

/// The hash of a lower-case word's stem (its first five letters).
pub(super) fn stem_hash(lower: &str) -> u64 {
    lower
        .chars()
        .take(5)
        .fold(0xcbf2_9ce4_8422_2325u64, |h, c| {
            (h ^ u64::from(c)).wrapping_mul(0x0000_0100_0000_01B3)
        })
}

/// Verbs by which a statement is told ("Lindqvist said", "Lindqvist told reporters").
pub(super) const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "stated",
    "added",
    "warned",
    "urged",
    "stressed",
    "insisted",
    "accused",
    "blamed",
    "announced",
    "declared",
    "condemned",
    "denied",
];

/// Words that may stand between a speaker and its verb ("Lindqvist also said", "Lindqvist on
/// Tuesday said"; a weekday too: `sitrep_time::is_weekday_name`).
pub(super) const BETWEEN_SPEAKER_AND_VERB: &[&str] = &[
    "on",
    "also",
    "again",
    "later",
    "then",
    "has",
    "had",
    "directly",
    "strongly",
    "today",
    "yesterday",
];

/// The names that speak in a sentence, as stem hashes (`stem_hash`): each capitalised word of
/// four letters or more right before a speech verb (`SPEECH_VERBS`; up to three words of
/// `BETWEEN_SPEAKER_AND_VERB` or weekdays may stand between), not a weekday: "Federica
/// Mogherini said Tuesday" and "Hollande directly blamed" give "mogherini" and "hollande".
pub fn speakers(text: &str) -> Vec<u64> {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if !SPEECH_VERBS.iter().any(|v| w.eq_ignore_ascii_case(v)) {
            continue;
        }
        let mut j = i;
        while j > 0 && i - j < 3 {
            let before = words[j - 1].to_lowercase();
            if BETWEEN_SPEAKER_AND_VERB.contains(&before.as_str())
                || sitrep_time::is_weekday_name(&before)
            {
                j -= 1;
            } else {
                break;
            }
        }
        let Some(name) = j.checked_sub(1).map(|k| words[k]) else {
            continue;
        };
        let lower = name.to_lowercase();
        if name.starts_with(char::is_uppercase)
            && name.chars().count() >= 4
            && !sitrep_time::is_weekday_name(&lower)
        {
            out.push(stem_hash(&lower));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The stems of a mention's broad place ([`broad_place`]: "Aleppo", "Idlib") weigh as generic
/// words in its wording: the place cue already counts it, and every report of the city names it.
pub(super) fn broad_place_words_generic(stems: &mut [(u64, f32)], place: Option<&PlaceRef>) {
    let Some(p) = place.filter(|p| broad_place(p)) else {
        return;
    };
    for name in [p.mention.as_str(), p.name.as_str()] {
        for word in name.split(|c: char| !c.is_alphanumeric()) {
            if word.chars().count() < 4 {
                continue;
            }
            let hash = stem_hash(&word.to_lowercase());
            if let Ok(i) = stems.binary_search_by_key(&hash, |s| s.0) {
                stems[i].1 = stems[i].1.min(GENERIC_WORD_WEIGHT);
            }
        }
    }
}

/// Weighted Jaccard similarity of two sorted, unique stem lists: the weight both share (the
/// lower of the two) over the words either holds, each counted at its weight but at least 1, so
/// that sentences sharing only generic words stay far apart however short they are.
pub fn jaccard(a: &[(u64, f32)], b: &[(u64, f32)]) -> f32 {
    let (shared, union) = overlap(a, b);
    if union <= 0.0 {
        0.0
    } else {
        shared / union
    }
}

/// The weight two sorted, unique stem lists share and the weight of their union
/// ([`jaccard`]).
pub(super) fn overlap(a: &[(u64, f32)], b: &[(u64, f32)]) -> (f32, f32) {
    let (mut i, mut j, mut shared, mut union) = (0, 0, 0f32, 0f32);
    loop {
        let (x, y) = (a.get(i), b.get(j));
        let step = match (x, y) {
            (None, None) => break,
            (Some(x), Some(y)) if x.0 == y.0 => {
                shared += x.1.min(y.1);
                (1, 1, x.1.max(y.1))
            }
            (Some(x), Some(y)) if x.0 < y.0 => (1, 0, x.1),
            (Some(x), None) => (1, 0, x.1),
            (_, Some(y)) => (0, 1, y.1),
        };
        i += step.0;
        j += step.1;
        union += step.2.max(1.0);
    }
    (shared, union)
}
