//! UTC offsets of conflict countries by date, daylight saving time included (`data/time/utc_offsets.tsv`).

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::lexicon::time_lexicon;

/// One day of the year named by a rule: a fixed day, or the last given weekday of a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleDay {
    /// Month and day.
    Fixed(u32, u32),
    /// The last `weekday` of `month`, `back` days earlier.
    Last {
        /// The weekday.
        weekday: Weekday,
        /// 1-12.
        month: u32,
        /// Days before it.
        back: i64,
    },
}

impl RuleDay {
    fn parse(s: &str) -> Option<RuleDay> {
        if let Some(rest) = s.strip_prefix("last") {
            let weekday = match rest.get(..3)? {
                "mon" => Weekday::Mon,
                "tue" => Weekday::Tue,
                "wed" => Weekday::Wed,
                "thu" => Weekday::Thu,
                "fri" => Weekday::Fri,
                "sat" => Weekday::Sat,
                "sun" => Weekday::Sun,
                _ => return None,
            };
            let mut parts = rest.get(3..)?.strip_prefix('-')?.split('-');
            let month: u32 = parts.next()?.parse().ok()?;
            let back: i64 = parts.next().map(str::parse).transpose().ok()?.unwrap_or(0);
            if !(1..=12).contains(&month) || parts.next().is_some() {
                return None;
            }
            Some(RuleDay::Last {
                weekday,
                month,
                back,
            })
        } else {
            let (m, d) = s.split_once('-')?;
            let (m, d) = (m.parse().ok()?, d.parse().ok()?);
            NaiveDate::from_ymd_opt(2000, m, d)?;
            Some(RuleDay::Fixed(m, d))
        }
    }

    /// The day in `year`.
    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        match self {
            RuleDay::Fixed(m, d) => NaiveDate::from_ymd_opt(year, m, d),
            RuleDay::Last {
                weekday,
                month,
                back,
            } => {
                let next = if month == 12 {
                    NaiveDate::from_ymd_opt(year + 1, 1, 1)?
                } else {
                    NaiveDate::from_ymd_opt(year, month + 1, 1)?
                };
                let mut d = next.pred_opt()?;
                while d.weekday() != weekday {
                    d = d.pred_opt()?;
                }
                Some(d - Duration::days(back))
            }
        }
    }
}

/// When summer time applies: from `start` (inclusive) to `end` (exclusive) each year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SummerRule {
    /// First day of summer time.
    pub start: RuleDay,
    /// First day back on standard time.
    pub end: RuleDay,
}

impl SummerRule {
    /// Parses `START/END`, e.g. `lastfri-03/lastfri-10` or `03-22/09-22`.
    pub fn parse(s: &str) -> Option<SummerRule> {
        let (a, b) = s.split_once('/')?;
        Some(SummerRule {
            start: RuleDay::parse(a)?,
            end: RuleDay::parse(b)?,
        })
    }
}

/// A country's clock over a span of dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OffsetRow {
    /// First day (inclusive).
    pub from: NaiveDate,
    /// Last day (exclusive).
    pub to: NaiveDate,
    /// Standard offset in minutes east of UTC.
    pub standard: i32,
    /// Summer offset and when it applies.
    pub summer: Option<(i32, SummerRule)>,
}

/// The UTC offset in minutes of the civil clock of `country_iso2` on `on`,
/// from `data/time/utc_offsets.tsv`; `None` for countries not listed or spanning several zones.
///
/// ```
/// use chrono::NaiveDate;
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// assert_eq!(sitrep_time::utc_offset_minutes("SY", d(2018, 5, 21)), Some(180));
/// assert_eq!(sitrep_time::utc_offset_minutes("SY", d(2018, 1, 10)), Some(120));
/// assert_eq!(sitrep_time::utc_offset_minutes("AF", d(2020, 5, 9)), Some(270));
/// ```
pub fn utc_offset_minutes(country_iso2: &str, on: NaiveDate) -> Option<i32> {
    let rows = time_lexicon().offsets.get(country_iso2)?;
    let row = rows.iter().find(|r| r.from <= on && on < r.to)?;
    match row.summer {
        Some((summer, rule)) => {
            let (start, end) = (rule.start.in_year(on.year())?, rule.end.in_year(on.year())?);
            Some(if start <= on && on < end {
                summer
            } else {
                row.standard
            })
        }
        None => Some(row.standard),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn table() {
        let cases = [
            ("SY", d(2018, 5, 21), Some(180)),
            ("SY", d(2018, 12, 1), Some(120)),
            ("SY", d(2018, 3, 29), Some(120)), // the day before the last Friday of March 2018
            ("SY", d(2018, 3, 30), Some(180)),
            ("SY", d(2023, 1, 5), Some(180)), // permanent summer time since October 2022
            ("AE", d(2018, 5, 21), Some(240)),
            ("YE", d(2015, 3, 26), Some(180)),
            ("IQ", d(2020, 1, 1), Some(180)),
            ("UA", d(2022, 7, 1), Some(180)),
            ("UA", d(2022, 2, 24), Some(120)),
            ("AF", d(2021, 8, 15), Some(270)),
            ("IR", d(2019, 7, 1), Some(270)),
            ("IR", d(2023, 7, 1), Some(210)),
            ("TR", d(2015, 1, 1), Some(120)),
            ("TR", d(2018, 1, 1), Some(180)),
            ("SD", d(2019, 4, 11), Some(120)),
            ("VE", d(2010, 1, 1), Some(-270)),
            ("RU", d(2022, 2, 24), None),
            ("XX", d(2022, 2, 24), None),
        ];
        for (c, on, want) in cases {
            assert_eq!(utc_offset_minutes(c, on), want, "{c} {on}");
        }
    }

    #[test]
    fn rule_days() {
        let r = SummerRule::parse("lastsun-03-2/lastsun-10").unwrap();
        assert_eq!(r.start.in_year(2018), Some(d(2018, 3, 23)));
        assert_eq!(r.end.in_year(2018), Some(d(2018, 10, 28)));
        assert!(SummerRule::parse("lastxyz-03/10-01").is_none());
        assert!(SummerRule::parse("02-30/10-01").is_none());
    }
}
