/*!
The yardstick: measures what sitrep reads against coded data.

Three benchmarks, each a loader, a pure scoring function and a report that serialises to a
flat JSON object (for gating in CI) and displays as a compact human report:

* [`eval_acled`]: every `notes` text of an ACLED export is read as an article published on
  its `event_date`; the most salient conflict event is compared with the coded columns
  (event type, sub-event type, date, fatalities, actors, admin1, country, distance, precisions).
* [`eval_case`]: CASE 2021 task 2 snippets; the predicted label is the most salient event's
  [`SubEventType::case_label`](sitrep_model::SubEventType::case_label) (or `NONE`); weighted
  and macro F1, overall and on the 25 ACLED labels.
* [`eval_wikievents`]: WikiEvents articles; the share of gold attack, killing and injury
  mentions whose sentence the reader made (part of) a conflict event.
* [`eval_seeds`]: the two seed articles and their hand-made `expected.json`; says for each
  expected event, claim, control fact and boilerplate line whether it was read, and why not.

Names are compared through reviewed normalisation rules (`data/names.tsv`, embedded):
ASCII folding, division words, transliteration variants and aliases (see [`Names`]).

```
use sitrep_eval::{haversine_km, score_labels};
// Damascus to Aleppo is about 310 km as the crow flies.
assert!((haversine_km(33.5138, 36.2765, 36.2021, 37.1343) - 310.0).abs() < 10.0);
let scores = score_labels(&["A", "A", "B"], &["A", "B", "B"]);
assert_eq!(scores.accuracy, 0.6667); // scores are rounded to 4 decimals
```
*/
#![deny(missing_docs)]

use std::path::{Path, PathBuf};

mod acled;
mod case;
mod metrics;
mod normalise;
mod seeds;
mod wikievents;

pub use acled::{
    eval_acled, load_acled, parse_acled_date, score_acled, AcledReport, AcledRow,
    EventTypeConfusion, FieldScore,
};
pub use case::{eval_case, load_case, predict_case_label, score_case, CaseReport, CaseSnippet};
pub use metrics::{
    haversine_km, score_labels, top_confusions, ConfusionPair, LabelScore, LabelScores, Miss,
};
pub use normalise::{names, Names};
pub use seeds::{
    eval_seeds, load_seeds, score_seeds, Check, ClaimResult, ControlResult, LineResult,
    SeedEventResult, SeedsExpected, SeedsReport,
};
pub use wikievents::{
    eval_wikievents, load_wikievents, score_wikievents, WikiDoc, WikiEventsReport, WikiMention,
};

/// Why an evaluation could not run: which file, which line, what was expected.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A file could not be read.
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// A CSV record could not be parsed.
    #[error("{}:{line}: malformed CSV record: {source}", path.display())]
    Csv {
        /// The file.
        path: PathBuf,
        /// Line of the record (1-based).
        line: u64,
        /// The cause.
        #[source]
        source: csv::Error,
    },
    /// The header lacks a column the evaluation needs.
    #[error("{}: the header has no column `{column}`", path.display())]
    MissingColumn {
        /// The file.
        path: PathBuf,
        /// The missing column.
        column: &'static str,
    },
    /// A field holds something other than what its column should.
    #[error("{}:{line}: column `{column}`: expected {expected}, found {found:?}", path.display())]
    BadField {
        /// The file.
        path: PathBuf,
        /// Line (1-based).
        line: u64,
        /// Column name.
        column: String,
        /// What the column should hold.
        expected: &'static str,
        /// What it holds.
        found: String,
    },
    /// A JSON file is not valid or lacks fields.
    #[error("{}: invalid expectations JSON: {source}", path.display())]
    Json {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: serde_json::Error,
    },
    /// The expectations name something that cannot be evaluated.
    #[error("{}: {message}", path.display())]
    Expectation {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// The embedded normalisation rules are malformed.
    #[error("{file}:{line}: {message}")]
    Rules {
        /// The rules file.
        file: &'static str,
        /// Line (1-based).
        line: usize,
        /// What is wrong.
        message: String,
    },
}

pub(crate) fn read_to_string(path: &Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Shortens `s` to at most `max` characters for display, marking the cut with `…`.
pub(crate) fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Share `part / whole`, 0 when `whole` is 0.
pub(crate) fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Rounds to 4 decimals for the JSON report.
pub(crate) fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}
