//! The reviewed lists under `data/time/`, embedded in the binary and parsed once.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::{NaiveDate, NaiveTime};
use sitrep_text::fasthash::{FastMap, FastSet};

use crate::offsets::{OffsetRow, SummerRule};
use crate::TimeDataError;

type Source = (&'static str, &'static str);

const CALENDAR: Source = (
    "data/time/calendar.tsv",
    include_str!("../../../data/time/calendar.tsv"),
);
const CLOCK_WORDS: Source = (
    "data/time/clock_words.tsv",
    include_str!("../../../data/time/clock_words.tsv"),
);
const ZONES: Source = (
    "data/time/zones.tsv",
    include_str!("../../../data/time/zones.tsv"),
);
const NON_DATES: Source = (
    "data/time/non_dates.tsv",
    include_str!("../../../data/time/non_dates.tsv"),
);
const FUTURE_MARKERS: Source = (
    "data/time/future_markers.txt",
    include_str!("../../../data/time/future_markers.txt"),
);
const NAME_HEADS: Source = (
    "data/time/name_heads.txt",
    include_str!("../../../data/time/name_heads.txt"),
);
const HABITUAL_WEEKDAY_WORDS: Source = (
    "data/time/habitual_weekday_words.txt",
    include_str!("../../../data/time/habitual_weekday_words.txt"),
);
const UTC_OFFSETS: Source = (
    "data/time/utc_offsets.tsv",
    include_str!("../../../data/time/utc_offsets.tsv"),
);

/// A month or weekday name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalendarWord {
    /// Month 1-12.
    Month(u32),
    /// Weekday 1 (Monday) - 7 (Sunday).
    Weekday(u32),
}

/// Where a clock name points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZoneTarget {
    /// A fixed offset in minutes east of UTC.
    Fixed(i32),
    /// A country's clock (ISO 3166 alpha-2), offset looked up for the date.
    Country(&'static str),
}

/// A clock name and how it is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Zone {
    /// What it names.
    pub target: ZoneTarget,
    /// Whether it needs "time" after it ("UAE time").
    pub needs_time_word: bool,
}

/// All lists, parsed.
#[derive(Debug)]
pub struct TimeLexicon {
    /// Month and weekday names.
    pub calendar: FastMap<&'static str, CalendarWord>,
    /// Time-of-day words with (time, approximate).
    pub clock_words: FastMap<&'static str, (NaiveTime, bool)>,
    /// Clock names.
    pub zones: FastMap<&'static str, Zone>,
    /// Phrases where a calendar word is a name.
    pub non_dates: Vec<Vec<&'static str>>,
    /// Words that put a weekday in the future.
    pub future_markers: FastSet<&'static str>,
    /// Words that make a day and month right before them a name ("July 7 neighbourhood").
    pub name_heads: FastSet<&'static str>,
    /// Words before a bare-"s" weekday ("on Saturdays") that make it a habitual plural.
    pub habitual_before: FastSet<&'static str>,
    /// Words after a bare-"s" weekday ("Fridays are") that make it a habitual plural.
    pub habitual_after: FastSet<&'static str>,
    /// UTC offset rows by country.
    pub offsets: FastMap<&'static str, Vec<OffsetRow>>,
}

fn lines((file, text): Source) -> impl Iterator<Item = (&'static str, usize, Vec<&'static str>)> {
    text.lines().enumerate().filter_map(move |(i, line)| {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            None
        } else {
            Some((file, i + 1, line.split('\t').collect()))
        }
    })
}

fn bad(file: &'static str, line: usize, expected: &'static str) -> TimeDataError {
    TimeDataError::Malformed {
        file,
        line,
        expected,
    }
}

fn columns(
    file: &'static str,
    line: usize,
    cols: &[&str],
    n: usize,
    what: &'static str,
) -> Result<(), TimeDataError> {
    if cols.len() != n || cols.iter().any(|c| c.is_empty() || c.trim() != *c) {
        return Err(bad(file, line, what));
    }
    if cols[0].bytes().any(|b| b.is_ascii_uppercase()) && file != UTC_OFFSETS.0 {
        return Err(bad(file, line, "a lower-case first column"));
    }
    Ok(())
}

fn unique<K: std::hash::Hash + Eq, V, S: std::hash::BuildHasher>(
    map: &mut HashMap<K, V, S>,
    key: K,
    value: V,
    file: &'static str,
    line: usize,
    entry: &str,
) -> Result<(), TimeDataError> {
    if map.insert(key, value).is_some() {
        return Err(TimeDataError::Duplicate {
            file,
            line,
            entry: entry.to_string(),
        });
    }
    Ok(())
}

/// Parses "+03:00" / "-04:30" into minutes.
pub(crate) fn parse_offset(s: &str) -> Option<i32> {
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => return None,
    };
    let (h, m) = rest.split_once(':')?;
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    if h > 14 || m >= 60 || h.to_string().len() > 2 {
        return None;
    }
    Some(sign * (h * 60 + m))
}

impl TimeLexicon {
    /// Parses the embedded lists.
    pub fn parse() -> Result<TimeLexicon, TimeDataError> {
        let mut calendar = FastMap::default();
        for (file, line, cols) in lines(CALENDAR) {
            columns(
                file,
                line,
                &cols,
                3,
                "word <TAB> month|weekday <TAB> number",
            )?;
            let n: u32 = cols[2]
                .parse()
                .map_err(|_| bad(file, line, "a number in column 3"))?;
            let word = match (cols[1], n) {
                ("month", 1..=12) => CalendarWord::Month(n),
                ("weekday", 1..=7) => CalendarWord::Weekday(n),
                _ => return Err(bad(file, line, "month 1-12 or weekday 1-7")),
            };
            unique(&mut calendar, cols[0], word, file, line, cols[0])?;
        }

        let mut clock_words = FastMap::default();
        for (file, line, cols) in lines(CLOCK_WORDS) {
            columns(file, line, &cols, 3, "word <TAB> HH:MM <TAB> exact|approx")?;
            let t = NaiveTime::parse_from_str(cols[1], "%H:%M")
                .map_err(|_| bad(file, line, "a time HH:MM"))?;
            let approx = match cols[2] {
                "exact" => false,
                "approx" => true,
                _ => return Err(bad(file, line, "exact or approx")),
            };
            unique(&mut clock_words, cols[0], (t, approx), file, line, cols[0])?;
        }

        let mut zones = FastMap::default();
        for (file, line, cols) in lines(ZONES) {
            columns(
                file,
                line,
                &cols,
                3,
                "name <TAB> ISO2|+HH:MM <TAB> alone|with-time",
            )?;
            let target = if let Some(m) = parse_offset(cols[1]) {
                ZoneTarget::Fixed(m)
            } else if cols[1].len() == 2 && cols[1].bytes().all(|b| b.is_ascii_uppercase()) {
                ZoneTarget::Country(cols[1])
            } else {
                return Err(bad(file, line, "an ISO2 code or an offset +HH:MM"));
            };
            let needs_time_word = match cols[2] {
                "alone" => false,
                "with-time" => true,
                _ => return Err(bad(file, line, "alone or with-time")),
            };
            unique(
                &mut zones,
                cols[0],
                Zone {
                    target,
                    needs_time_word,
                },
                file,
                line,
                cols[0],
            )?;
        }

        let mut non_dates = Vec::new();
        for (file, line, cols) in lines(NON_DATES) {
            columns(file, line, &cols, 1, "one phrase per line")?;
            let words: Vec<&'static str> = cols[0].split(' ').collect();
            if words.iter().any(|w| w.is_empty()) || !words.iter().any(|w| calendar.contains_key(w))
            {
                return Err(bad(
                    file,
                    line,
                    "single-spaced words including a weekday or month name",
                ));
            }
            non_dates.push(words);
        }

        let mut future_markers = FastSet::default();
        for (file, line, cols) in lines(FUTURE_MARKERS) {
            columns(file, line, &cols, 1, "one word or two-word phrase per line")?;
            if cols[0].split(' ').count() > 2 || cols[0].contains("  ") {
                return Err(bad(
                    file,
                    line,
                    "one word or two words separated by one space",
                ));
            }
            if !future_markers.insert(cols[0]) {
                return Err(TimeDataError::Duplicate {
                    file,
                    line,
                    entry: cols[0].to_string(),
                });
            }
        }

        let mut name_heads = FastSet::default();
        for (file, line, cols) in lines(NAME_HEADS) {
            columns(file, line, &cols, 1, "one word per line")?;
            if cols[0].contains(' ') || cols[0].chars().any(|c| c.is_ascii_uppercase()) {
                return Err(bad(file, line, "one lower-case word"));
            }
            if !name_heads.insert(cols[0]) {
                return Err(TimeDataError::Duplicate {
                    file,
                    line,
                    entry: cols[0].to_string(),
                });
            }
        }

        let (mut habitual_before, mut habitual_after) = (FastSet::default(), FastSet::default());
        for (file, line, cols) in lines(HABITUAL_WEEKDAY_WORDS) {
            columns(file, line, &cols, 2, "word <TAB> before|after")?;
            if cols[0].contains(' ') {
                return Err(bad(file, line, "one lower-case word"));
            }
            let set = match cols[1] {
                "before" => &mut habitual_before,
                "after" => &mut habitual_after,
                _ => return Err(bad(file, line, "before or after in column 2")),
            };
            if !set.insert(cols[0]) {
                return Err(TimeDataError::Duplicate {
                    file,
                    line,
                    entry: cols[0].to_string(),
                });
            }
        }

        let mut offsets: FastMap<&'static str, Vec<OffsetRow>> = FastMap::default();
        for (file, line, cols) in lines(UTC_OFFSETS) {
            columns(
                file,
                line,
                &cols,
                6,
                "ISO2 <TAB> from <TAB> to <TAB> offset <TAB> summer offset|- <TAB> rule|-",
            )?;
            if cols[0].len() != 2 || !cols[0].bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(bad(file, line, "an ISO2 code in column 1"));
            }
            let date = |s: &str| {
                NaiveDate::parse_from_str(s, "%Y-%m-%d")
                    .map_err(|_| bad(file, line, "dates YYYY-MM-DD"))
            };
            let (from, to) = (date(cols[1])?, date(cols[2])?);
            if from >= to {
                return Err(bad(file, line, "from before to"));
            }
            let standard = parse_offset(cols[3])
                .ok_or_else(|| bad(file, line, "an offset +HH:MM in column 4"))?;
            let summer = match (cols[4], cols[5]) {
                ("-", "-") => None,
                (o, r) => {
                    let o = parse_offset(o)
                        .ok_or_else(|| bad(file, line, "a summer offset +HH:MM in column 5"))?;
                    let rule = SummerRule::parse(r)
                        .ok_or_else(|| bad(file, line, "a summer rule START/END in column 6"))?;
                    Some((o, rule))
                }
            };
            let rows = offsets.entry(cols[0]).or_default();
            if rows.last().is_some_and(|r: &OffsetRow| r.to > from) {
                return Err(bad(
                    file,
                    line,
                    "rows of a country in date order, not overlapping",
                ));
            }
            rows.push(OffsetRow {
                from,
                to,
                standard,
                summer,
            });
        }

        Ok(TimeLexicon {
            calendar,
            clock_words,
            zones,
            non_dates,
            future_markers,
            name_heads,
            habitual_before,
            habitual_after,
            offsets,
        })
    }
}

/// The parsed lists, built on first use.
pub fn time_lexicon() -> &'static TimeLexicon {
    static LEXICON: OnceLock<TimeLexicon> = OnceLock::new();
    LEXICON.get_or_init(|| match TimeLexicon::parse() {
        Ok(l) => l,
        // The lists are embedded and tested; a failure here is a build defect.
        Err(e) => panic!("sitrep-time: {e}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lists_parse() {
        let l = TimeLexicon::parse().expect("lists parse");
        assert_eq!(l.calendar.get("sept"), Some(&CalendarWord::Month(9)));
        assert_eq!(l.calendar.get("sunday"), Some(&CalendarWord::Weekday(7)));
        assert_eq!(l.clock_words.get("dawn").map(|c| c.1), Some(true));
        assert_eq!(
            l.zones.get("uae").map(|z| z.target),
            Some(ZoneTarget::Country("AE"))
        );
        assert_eq!(l.zones.get("gmt").map(|z| z.needs_time_word), Some(false));
        assert!(l.future_markers.contains("will"));
        assert!(l.future_markers.contains("would begin"));
        assert!(l.non_dates.iter().any(|p| p == &["sunday", "times"]));
        assert_eq!(l.offsets.get("SY").map(Vec::len), Some(2));
        assert!(l.habitual_before.contains("every") && l.habitual_after.contains("are"));
    }

    #[test]
    fn offsets_parse() {
        assert_eq!(parse_offset("+04:30"), Some(270));
        assert_eq!(parse_offset("-04:30"), Some(-270));
        assert_eq!(parse_offset("04:30"), None);
        assert_eq!(parse_offset("+4"), None);
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = columns("data/time/x.tsv", 4, &["a"], 3, "three columns").unwrap_err();
        assert_eq!(e.to_string(), "data/time/x.tsv:4: expected three columns");
    }
}
