//! The reviewed word lists under `data/text/`, embedded in the binary and parsed once.

use std::sync::OnceLock;

use crate::fasthash::{FastMap, FastSet};
use crate::LexiconError;

const ABBREVIATIONS: (&str, &str) = (
    "data/text/abbreviations.tsv",
    include_str!("../../../data/text/abbreviations.tsv"),
);
const SENTENCE_STARTERS: (&str, &str) = (
    "data/text/sentence_starters.txt",
    include_str!("../../../data/text/sentence_starters.txt"),
);
const NUMBER_WORDS: (&str, &str) = (
    "data/text/number_words.tsv",
    include_str!("../../../data/text/number_words.tsv"),
);
const QUALIFIERS: (&str, &str) = (
    "data/text/qualifiers.tsv",
    include_str!("../../../data/text/qualifiers.tsv"),
);
const NUMBER_CONTEXT: (&str, &str) = (
    "data/text/number_context.tsv",
    include_str!("../../../data/text/number_context.tsv"),
);

/// Whether an abbreviation may end a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbreviationClass {
    /// Never ends a sentence ("Gen.", "No.", "Oct.").
    Title,
    /// Ends a sentence only when a common sentence starter follows ("U.S.", "a.m.").
    Any,
}

/// What a number word contributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberWordKind {
    /// one .. nineteen.
    Unit,
    /// twenty .. ninety.
    Tens,
    /// hundred, thousand, million, billion.
    Scale,
    /// dozen, couple, score: an exact group.
    Group,
    /// dozens, hundreds, several, many: a vague quantity.
    Vague,
}

/// How a qualifier bounds the number after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QualifierKind {
    /// "more than", "at least".
    Lower,
    /// "up to", "fewer than".
    Upper,
    /// "about", "nearly".
    Approx,
}

/// Where a context word stands relative to the number it disqualifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContextPosition {
    /// Just before the number ("Brigade 115").
    Before,
    /// Just after the number ("82 mm").
    After,
    /// Either side ("9 May", "May 9").
    Both,
}

/// A word next to a number showing that the number is not a count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContextEntry {
    /// Where the word stands.
    pub position: ContextPosition,
    /// What kind of non-count it marks ("label", "measure", "date", ...).
    pub category: &'static str,
}

/// All lists, parsed.
#[derive(Debug)]
pub struct Lexicon {
    /// Abbreviations (without their final full stop) and their class.
    pub abbreviations: FastMap<&'static str, AbbreviationClass>,
    /// Words that start a new sentence after an abbreviation of class `Any`.
    pub sentence_starters: FastSet<&'static str>,
    /// Number words (lower case) with value and kind.
    pub number_words: FastMap<&'static str, (u64, NumberWordKind)>,
    /// Qualifier phrases (lower case, single spaces), longest first is not guaranteed.
    pub qualifiers: FastMap<&'static str, QualifierKind>,
    /// Longest qualifier in words.
    pub longest_qualifier: usize,
    /// Context words (lower case).
    pub number_context: FastMap<&'static str, ContextEntry>,
    /// For each first letter a-z, a bit per word length (1-31) of the number words: a
    /// cheap test that spares most tokens a hash lookup.
    number_word_shapes: [u32; 26],
}

fn data_lines(
    (file, text): (&'static str, &'static str),
) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    text.lines().enumerate().filter_map(move |(i, line)| {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            None
        } else {
            let _ = file;
            Some((i + 1, line.split('\t').collect()))
        }
    })
}

fn expect_columns(
    file: &'static str,
    line: usize,
    cols: &[&str],
    n: usize,
    what: &'static str,
) -> Result<(), LexiconError> {
    if cols.len() != n || cols.iter().any(|c| c.trim().is_empty() || c.trim() != *c) {
        return Err(LexiconError::Malformed {
            file,
            line,
            expected: what,
        });
    }
    Ok(())
}

fn insert_unique<V>(
    map: &mut FastMap<&'static str, V>,
    file: &'static str,
    line: usize,
    key: &'static str,
    value: V,
) -> Result<(), LexiconError> {
    if map.insert(key, value).is_some() {
        return Err(LexiconError::Duplicate {
            file,
            line,
            entry: key.to_string(),
        });
    }
    Ok(())
}

impl Lexicon {
    /// Parses the embedded lists.
    pub fn parse() -> Result<Lexicon, LexiconError> {
        let mut abbreviations = FastMap::default();
        let file = ABBREVIATIONS.0;
        for (line, cols) in data_lines(ABBREVIATIONS) {
            expect_columns(file, line, &cols, 2, "abbreviation <TAB> title|any")?;
            let class = match cols[1] {
                "title" => AbbreviationClass::Title,
                "any" => AbbreviationClass::Any,
                _ => {
                    return Err(LexiconError::Malformed {
                        file,
                        line,
                        expected: "class title or any",
                    })
                }
            };
            insert_unique(&mut abbreviations, file, line, cols[0], class)?;
        }

        let mut sentence_starters = FastSet::default();
        let file = SENTENCE_STARTERS.0;
        for (line, cols) in data_lines(SENTENCE_STARTERS) {
            expect_columns(file, line, &cols, 1, "one word per line")?;
            if !sentence_starters.insert(cols[0]) {
                return Err(LexiconError::Duplicate {
                    file,
                    line,
                    entry: cols[0].to_string(),
                });
            }
        }

        let mut number_words = FastMap::default();
        let file = NUMBER_WORDS.0;
        for (line, cols) in data_lines(NUMBER_WORDS) {
            expect_columns(file, line, &cols, 3, "word <TAB> value <TAB> kind")?;
            let value: u64 = cols[1].parse().map_err(|_| LexiconError::Malformed {
                file,
                line,
                expected: "a whole number in column 2",
            })?;
            let kind = match cols[2] {
                "unit" => NumberWordKind::Unit,
                "tens" => NumberWordKind::Tens,
                "scale" => NumberWordKind::Scale,
                "group" => NumberWordKind::Group,
                "vague" => NumberWordKind::Vague,
                _ => {
                    return Err(LexiconError::Malformed {
                        file,
                        line,
                        expected: "kind unit|tens|scale|group|vague",
                    })
                }
            };
            lower_case_entry(file, line, cols[0])?;
            insert_unique(&mut number_words, file, line, cols[0], (value, kind))?;
        }

        let mut qualifiers = FastMap::default();
        let mut longest_qualifier = 0;
        let file = QUALIFIERS.0;
        for (line, cols) in data_lines(QUALIFIERS) {
            expect_columns(file, line, &cols, 2, "phrase <TAB> lower|upper|approx")?;
            let kind = match cols[1] {
                "lower" => QualifierKind::Lower,
                "upper" => QualifierKind::Upper,
                "approx" => QualifierKind::Approx,
                _ => {
                    return Err(LexiconError::Malformed {
                        file,
                        line,
                        expected: "kind lower|upper|approx",
                    })
                }
            };
            lower_case_entry(file, line, cols[0])?;
            if cols[0].contains("  ") {
                return Err(LexiconError::Malformed {
                    file,
                    line,
                    expected: "words separated by single spaces",
                });
            }
            longest_qualifier = longest_qualifier.max(cols[0].split(' ').count());
            insert_unique(&mut qualifiers, file, line, cols[0], kind)?;
        }

        let mut number_context = FastMap::default();
        let file = NUMBER_CONTEXT.0;
        for (line, cols) in data_lines(NUMBER_CONTEXT) {
            expect_columns(
                file,
                line,
                &cols,
                3,
                "word <TAB> before|after|both <TAB> category",
            )?;
            let position = match cols[1] {
                "before" => ContextPosition::Before,
                "after" => ContextPosition::After,
                "both" => ContextPosition::Both,
                _ => {
                    return Err(LexiconError::Malformed {
                        file,
                        line,
                        expected: "position before|after|both",
                    })
                }
            };
            lower_case_entry(file, line, cols[0])?;
            let entry = ContextEntry {
                position,
                category: cols[2],
            };
            // A word may stand in one list before and in another after ("km 5" / "5 km").
            match number_context.get(cols[0]) {
                Some(ContextEntry { position: p, .. })
                    if *p != position
                        && *p != ContextPosition::Both
                        && position != ContextPosition::Both =>
                {
                    number_context.insert(
                        cols[0],
                        ContextEntry {
                            position: ContextPosition::Both,
                            category: cols[2],
                        },
                    );
                }
                Some(_) => {
                    return Err(LexiconError::Duplicate {
                        file,
                        line,
                        entry: cols[0].to_string(),
                    })
                }
                None => {
                    number_context.insert(cols[0], entry);
                }
            }
        }

        let mut number_word_shapes = [0u32; 26];
        for w in number_words.keys() {
            if let Some(k) = shape_index(w) {
                number_word_shapes[k.0] |= 1 << k.1;
            }
        }
        Ok(Lexicon {
            number_word_shapes,
            abbreviations,
            sentence_starters,
            number_words,
            qualifiers,
            longest_qualifier,
            number_context,
        })
    }
}

/// (first letter a-z, length) of a word, when both fit the shape table.
#[inline]
fn shape_index(w: &str) -> Option<(usize, u32)> {
    let first = *w.as_bytes().first()?;
    (first.is_ascii_lowercase() && w.len() < 32).then(|| ((first - b'a') as usize, w.len() as u32))
}

impl Lexicon {
    /// Whether `w` (lower case) may be a number word: its first letter and length match one.
    #[inline]
    pub fn might_be_number_word(&self, w: &str) -> bool {
        shape_index(w).is_some_and(|(k, len)| self.number_word_shapes[k] & (1 << len) != 0)
    }
}

fn lower_case_entry(file: &'static str, line: usize, word: &str) -> Result<(), LexiconError> {
    if word.bytes().any(|b| b.is_ascii_uppercase()) {
        return Err(LexiconError::Malformed {
            file,
            line,
            expected: "a lower-case entry",
        });
    }
    Ok(())
}

/// The parsed lists, built on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| match Lexicon::parse() {
        Ok(l) => l,
        // The lists are embedded and tested; a failure here is a build defect.
        Err(e) => panic!("sitrep-text: {e}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lists_parse() {
        let l = Lexicon::parse().expect("lists parse");
        assert_eq!(l.abbreviations.get("Gen"), Some(&AbbreviationClass::Title));
        assert_eq!(l.abbreviations.get("U.S"), Some(&AbbreviationClass::Any));
        assert!(l.sentence_starters.contains("The"));
        assert_eq!(
            l.number_words.get("dozens"),
            Some(&(12, NumberWordKind::Vague))
        );
        assert_eq!(
            l.number_words.get("ninety"),
            Some(&(90, NumberWordKind::Tens))
        );
        assert_eq!(
            l.qualifiers.get("in excess of"),
            Some(&QualifierKind::Lower)
        );
        assert_eq!(l.longest_qualifier, 3);
        assert_eq!(
            l.number_context.get("km").unwrap().position,
            ContextPosition::Both
        );
        assert_eq!(l.number_context.get("may").unwrap().category, "date");
        assert!(l.might_be_number_word("twenty") && l.might_be_number_word("dozens"));
        assert!(!l.might_be_number_word("soldiers") && !l.might_be_number_word("Six"));
    }

    #[test]
    fn malformed_lines_are_reported_with_file_and_line() {
        let err = expect_columns("x.tsv", 7, &["a"], 2, "two columns").unwrap_err();
        assert_eq!(err.to_string(), "x.tsv:7: expected two columns");
        let err = lower_case_entry("y.tsv", 3, "Gen").unwrap_err();
        assert!(err.to_string().starts_with("y.tsv:3"));
    }
}
