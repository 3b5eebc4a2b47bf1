//! Content hash for de-duplication: FNV-1a (64 bit) over the text's words, lower-cased,
//! so the same report with different spacing, case or punctuation hashes the same.

/// FNV-1a 64-bit hash of the normalised text: alphanumeric runs, lower-cased, joined by one space.
///
/// ```
/// use sitrep_ingest::content_hash;
/// assert_eq!(content_hash("Two killed in  Aden."), content_hash("two killed in aden"));
/// assert_ne!(content_hash("Two killed in Aden"), content_hash("Three killed in Aden"));
/// ```
pub fn content_hash(text: &str) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    let mut feed = |b: u8| {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(PRIME);
    };
    let mut in_word = false;
    let mut any = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if !in_word && any {
                feed(b' ');
            }
            in_word = true;
            any = true;
            let mut buf = [0u8; 4];
            for lc in c.to_lowercase() {
                for &b in lc.encode_utf8(&mut buf).as_bytes() {
                    feed(b);
                }
            }
        } else {
            in_word = false;
        }
    }
    hash
}

/// The hash as 16 lower-case hex digits (how the store keeps it).
pub fn content_hash_hex(text: &str) -> String {
    format!("{:016x}", content_hash(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation_ignores_case_space_and_punctuation() {
        assert_eq!(
            content_hash("Shelling hit Donetsk.\n\nTwo died."),
            content_hash("shelling hit donetsk two died")
        );
        assert_ne!(
            content_hash("shelling hit donetsk"),
            content_hash("shellinghit donetsk")
        );
        assert_eq!(content_hash_hex("").len(), 16);
    }
}
