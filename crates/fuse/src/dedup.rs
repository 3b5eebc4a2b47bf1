//! Near-duplicate articles: MinHash signatures over word 4-shingles, banded (LSH) so that finding
//! an article's near-duplicates costs one lookup per band, not a comparison with every article.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Hash functions per signature.
pub const SIGNATURE_LEN: usize = 64;
/// LSH bands (rows per band = `SIGNATURE_LEN / BANDS`).
const BANDS: usize = 16;
const ROWS: usize = SIGNATURE_LEN / BANDS;
/// Words per shingle.
const SHINGLE: usize = 4;
/// Estimated Jaccard similarity of shingle sets from which two articles are near-duplicates.
pub const DUPLICATE_THRESHOLD: f32 = 0.7;

/// A MinHash signature of an article's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature(pub Vec<u32>);

fn mix(mut x: u64) -> u64 {
    // splitmix64 finaliser
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

fn word_hash(word: &str) -> u64 {
    // FNV-1a over the lower-cased bytes
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in word.bytes() {
        h ^= u64::from(b.to_ascii_lowercase());
        h = h.wrapping_mul(0x0000_0100_0000_01B3);
    }
    h
}

impl Signature {
    /// The signature of a text (its words, lower-cased; punctuation and layout ignored).
    /// Texts shorter than one shingle get a signature of their words.
    pub fn of(text: &str) -> Signature {
        // one-permutation MinHash: each shingle is hashed once; its top bits pick one of the
        // SIGNATURE_LEN bins, the rest is the value kept if smaller; empty bins borrow from the
        // next filled bin (rotation densification), so short texts still compare.
        let words: Vec<u64> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(word_hash)
            .collect();
        let mut mins = vec![u32::MAX; SIGNATURE_LEN];
        let n = words.len().saturating_sub(SHINGLE - 1).max(1);
        for i in 0..n.min(words.len().max(1)) {
            let shingle = words
                .iter()
                .skip(i)
                .take(SHINGLE)
                .fold(0u64, |acc, w| mix(acc ^ w));
            let h = mix(shingle);
            let bin = (h >> 58) as usize % SIGNATURE_LEN;
            let value = h as u32;
            if value < mins[bin] {
                mins[bin] = value;
            }
        }
        if mins.iter().any(|v| *v != u32::MAX) {
            for k in 0..SIGNATURE_LEN {
                if mins[k] == u32::MAX {
                    let mut j = (k + 1) % SIGNATURE_LEN;
                    let mut hops: u32 = 1;
                    while mins[j] == u32::MAX || j == k {
                        j = (j + 1) % SIGNATURE_LEN;
                        hops += 1;
                    }
                    // borrowed values are salted with the distance so bins stay distinct
                    mins[k] = (mix(u64::from(mins[j]) ^ u64::from(hops)) as u32).max(1) - 1;
                }
            }
        }
        Signature(mins)
    }

    /// Estimated Jaccard similarity of the two texts' shingle sets (share of equal minima).
    pub fn similarity(&self, other: &Signature) -> f32 {
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f32 / SIGNATURE_LEN.max(1) as f32
    }

    /// Compact text form (hex), for storage.
    pub fn to_hex(&self) -> String {
        self.0.iter().map(|v| format!("{v:08x}")).collect()
    }

    /// Parse [`Signature::to_hex`]; `None` when malformed.
    pub fn from_hex(hex: &str) -> Option<Signature> {
        if hex.len() != SIGNATURE_LEN * 8 || !hex.is_ascii() {
            return None;
        }
        (0..SIGNATURE_LEN)
            .map(|i| u32::from_str_radix(&hex[i * 8..i * 8 + 8], 16).ok())
            .collect::<Option<Vec<u32>>>()
            .map(Signature)
    }

    /// The key of each LSH band (the band's number mixed in): two signatures that share a key
    /// are candidates. Stored, so that a new article's candidates are found by lookup.
    pub fn band_keys(&self) -> impl Iterator<Item = u64> + '_ {
        (0..BANDS).map(move |b| {
            self.0[b * ROWS..(b + 1) * ROWS]
                .iter()
                .fold(b as u64, |acc, v| mix(acc ^ u64::from(*v)))
        })
    }
}

/// The articles seen so far (or, continuing stored fusion, those a new article can meet),
/// indexed by band.
#[derive(Debug, Default, Clone)]
pub struct DuplicateIndex {
    /// Article id, its place in fusion order, signature.
    signatures: Vec<(String, u64, Signature)>,
    bands: HashMap<u64, Vec<usize>>,
}

impl DuplicateIndex {
    /// The most similar earlier article at or above [`DUPLICATE_THRESHOLD`], with its similarity;
    /// of equally similar ones, the earliest in fusion order.
    pub fn find(&self, signature: &Signature) -> Option<(String, f32)> {
        let mut candidates: Vec<usize> = signature
            .band_keys()
            .filter_map(|key| self.bands.get(&key))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut best: Option<(usize, f32)> = None;
        for i in candidates {
            let s = self.signatures[i].2.similarity(signature);
            let better = best.is_none_or(|(b, bs)| {
                s > bs || (s == bs && self.signatures[i].1 < self.signatures[b].1)
            });
            if s >= DUPLICATE_THRESHOLD && better {
                best = Some((i, s));
            }
        }
        best.map(|(i, s)| (self.signatures[i].0.clone(), s))
    }

    /// Add an article's signature; `seq` is its place in fusion order.
    pub fn add(&mut self, article_id: &str, seq: u64, signature: Signature) {
        let i = self.signatures.len();
        for key in signature.band_keys() {
            self.bands.entry(key).or_default().push(i);
        }
        self.signatures
            .push((article_id.to_string(), seq, signature));
    }

    /// Articles indexed.
    pub fn len(&self) -> usize {
        self.signatures.len()
    }

    /// Whether none is indexed.
    pub fn is_empty(&self) -> bool {
        self.signatures.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Government troops shelled the northern quarter of the town on Tuesday \
        morning, killing four people and wounding eleven others, a local monitoring group said. \
        Residents said the shelling began before dawn and lasted several hours, damaging a school \
        and two houses near the main market. The army did not comment on the report.";

    #[test]
    fn a_republished_story_is_a_near_duplicate() {
        let republished = format!(
            "Shelling kills four in northern quarter. {STORY} Follow us on social media for more news."
        );
        let a = Signature::of(STORY);
        let b = Signature::of(&republished);
        assert!(
            a.similarity(&b) >= DUPLICATE_THRESHOLD,
            "{}",
            a.similarity(&b)
        );
        let mut index = DuplicateIndex::default();
        index.add("a", 0, a);
        assert_eq!(index.find(&b).map(|(id, _)| id), Some("a".to_string()));
    }

    #[test]
    fn another_story_on_the_same_topic_is_not() {
        let other = "Rebels fired rockets at the airport on Tuesday, the army said, adding that \
            its air defences intercepted most of them and that nobody was hurt. A rebel commander \
            denied the attack and accused the army of inventing it to justify new air strikes.";
        let mut index = DuplicateIndex::default();
        index.add("a", 0, Signature::of(STORY));
        let s = Signature::of(other);
        assert!(Signature::of(STORY).similarity(&s) < 0.2);
        assert!(index.find(&s).is_none());
    }

    #[test]
    fn hex_round_trip() {
        let s = Signature::of(STORY);
        assert_eq!(Signature::from_hex(&s.to_hex()), Some(s));
        assert!(Signature::from_hex("zz").is_none());
    }
}
