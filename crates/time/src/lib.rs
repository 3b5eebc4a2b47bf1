/*!
Dates and clock times in news text, resolved against the publication date.

News reports date events relative to their own publication: "on Sunday" in an article of
Monday 21 May 2018 is 20 May 2018; "until 12noon (1pm UAE time) on Monday" is 21 May at
12:00 Damascus time. [`find_dates`] reads such mentions and resolves them; every mention
says which rule fired. Without a publication date, relative mentions come back unresolved
(never guessed); absolute dates still resolve.

```
use chrono::{NaiveDate, NaiveTime};
use sitrep_model::{DatePrecision, Span};
use sitrep_time::{find_dates, DateRole};

let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
let text = "A ceasefire that began on Sunday would remain until 12noon (1pm UAE time) on Monday.";
let found = find_dates(text, Span::new(0, text.len()), Some(d(2018, 5, 21)));
assert_eq!(found[0].date, Some(d(2018, 5, 20)));
assert_eq!(found[0].rule, "weekday-before-publication");
let until = &found[1];
assert_eq!((until.date, until.role), (Some(d(2018, 5, 21)), DateRole::Until));
assert_eq!(until.time_of_day, NaiveTime::from_hms_opt(12, 0, 0));
assert_eq!(until.alt_time, Some((NaiveTime::from_hms_opt(13, 0, 0).unwrap(), 240)));
assert_eq!(until.precision, DatePrecision::Day);
```

The word lists live under `data/time/` and are embedded in the binary.
*/
#![deny(missing_docs)]

pub mod caption;
mod dateline;
mod dates;
pub mod lexicon;
pub mod offsets;
mod sequence;

use chrono::{NaiveDate, NaiveTime};
use sitrep_model::{DatePrecision, Span};

pub use dateline::{dateline, is_dateline};
pub use dates::{find_dates, is_weekday_name, NIGHT_BEFORE_RULE};
pub use offsets::utc_offset_minutes;
pub use sequence::{day_offsets, DayOffset, OffsetKind};

/// How a date mention relates to what the sentence reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateRole {
    /// Something happened on it ("on Sunday").
    #[default]
    Point,
    /// Something has held since it ("since Saturday noon", "since April").
    Since,
    /// Something holds until it ("until 12noon on Monday").
    Until,
    /// A stretch of time ("last week", "in April", "between 3 and 5 May").
    Period,
}

/// A date (and perhaps a clock time) written in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Article-relative bytes of the expression (without a leading "on"/"in"/"since").
    pub span: Span,
    /// The day (first day of a period); `None` when relative with no publication date.
    pub date: Option<NaiveDate>,
    /// Last day of a period ("last week", "in April", "between 3 and 5 May"; for `Since`, the publication date).
    pub end: Option<NaiveDate>,
    /// How exactly the day is known.
    pub precision: DatePrecision,
    /// Point, since, until or period.
    pub role: DateRole,
    /// A clock time read with it ("12noon", "1pm", "10:30", "at dawn" ≈ 05:00).
    pub time_of_day: Option<NaiveTime>,
    /// Whether the clock time is approximate ("at dawn", "around 1pm").
    pub time_approximate: bool,
    /// UTC offset of the stated clock in minutes ("GMT" = 0, "UAE time" = 240); when
    /// only a bracketed second clock names its zone, inferred from the difference.
    /// `None` for "local time" or an unnamed clock: the caller knows the country
    /// ([`utc_offset_minutes`]).
    pub utc_offset_minutes: Option<i32>,
    /// A second clock given in brackets: "12noon (1pm UAE time)" → (13:00, +240).
    pub alt_time: Option<(NaiveTime, i32)>,
    /// Whether the date is given as approximate ("around 6 May", "(as reported)").
    pub approximate: bool,
    /// Whether the date was resolved from the publication date.
    pub relative: bool,
    /// Which rule fired, e.g. `weekday-before-publication`.
    pub rule: &'static str,
}

/// A defect in one of the embedded lists.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TimeDataError {
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
