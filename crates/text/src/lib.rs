/*!
Reading English news text: sentences, word tokens and number mentions.

Everything here is a byte scan over the article text plus reviewed word lists under
`data/text/` (embedded in the binary). Spans are byte ranges in the article text.

```
use sitrep_model::Span;
let text = "Gen. Ali said more than 250 fighters died. Dozens fled.";
let sentences = sitrep_text::split_sentences(text);
assert_eq!(sentences.len(), 2);
let numbers = sitrep_text::find_numbers(text, sentences[0]);
assert_eq!(numbers[0].value, 250);
assert!(numbers[0].lower_bound);
let vague = sitrep_text::find_numbers(text, sentences[1]);
assert_eq!((vague[0].value, vague[0].vague), (12, true));
```
*/
#![deny(missing_docs)]

pub mod fasthash;
mod language;
pub mod lexicon;
mod numbers;
mod sentences;
mod words;

pub use language::not_english;
pub use numbers::{find_numbers, NumberMention};
pub use sentences::{split_sentences, MAX_SENTENCE_BYTES};
pub use words::{words, LowerWords, Words};

/// A defect in one of the embedded word lists.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum LexiconError {
    /// A line that does not have the expected shape.
    #[error("{file}:{line}: expected {expected}")]
    Malformed {
        /// The list's path under the repository.
        file: &'static str,
        /// 1-based line number.
        line: usize,
        /// What the line should have held.
        expected: &'static str,
    },
    /// An entry listed twice.
    #[error("{file}:{line}: duplicate entry {entry:?}")]
    Duplicate {
        /// The list's path under the repository.
        file: &'static str,
        /// 1-based line number of the second occurrence.
        line: usize,
        /// The entry.
        entry: String,
    },
}
