//! Reading date and time expressions into parts, joining them, and resolving them.

use std::sync::OnceLock;

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};
use sitrep_model::{DatePrecision, Span};
use sitrep_text::fasthash::FastSet;

use crate::lexicon::{time_lexicon, CalendarWord, ZoneTarget};
use crate::offsets::utc_offset_minutes;
use crate::{DateMention, DateRole};

/// How many days after publication a day and month with no year may fall and still be read as
/// this year's in a past-tense report: "between 28 April and 30 April" in a report of 29 April
/// (a late report, another time zone) is not last year's, "the attack came on 30 May" in a
/// report of 21 May is.
const PAST_DAY_SLACK_DAYS: i64 = 3;

/// The rule of a night told before its report ("overnight", "last night"): dated by the day the
/// night ended.
pub const NIGHT_BEFORE_RULE: &str = "night-before-publication";

// ---------------------------------------------------------------- tokens

type Tokens<'a> = sitrep_text::LowerWords<'a>;

/// What the date reader asks of a word beyond what [`sitrep_text::LowerWords`] knows.
trait DateWords {
    fn capitalised(&self, i: usize) -> bool;
    fn sentence_break_before(&self, i: usize) -> bool;
}

impl DateWords for Tokens<'_> {
    fn capitalised(&self, i: usize) -> bool {
        self.raw(i)
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_uppercase)
    }
    /// Whether the gap before token `i` ends a sentence.
    fn sentence_break_before(&self, i: usize) -> bool {
        let g = self.gap_before(i);
        // A full stop before a lower-case word ("9 a.m. on Sunday") ends no sentence.
        g.contains(['!', '?', '\n', ';'])
            || (g.contains('.') && !self.raw(i).starts_with(|c: char| c.is_lowercase()))
    }
}

// ---------------------------------------------------------------- parts

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Whole,
    Early,
    Mid,
    Late,
    /// "earlier this month": from the start to the publication date.
    Earlier,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Modifier {
    None,
    Last,
    Next,
    This,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Spec {
    Day {
        y: Option<i32>,
        m: u32,
        d: u32,
    },
    DayRange {
        y: Option<i32>,
        m: u32,
        d1: u32,
        d2: u32,
    },
    Month {
        y: Option<i32>,
        m: u32,
        part: Part,
        modifier: Modifier,
    },
    Year(i32),
    Weekday {
        wd: u32,
        modifier: Modifier,
    },
    DayOffset(i64),
    Night,
    Week {
        offset: i64,
        part: Part,
    },
    WeeksAgo(i64),
    Weekend,
    MonthRel {
        offset: i64,
        part: Part,
    },
    YearRel {
        offset: i64,
        part: Part,
    },
    Recent(i64),
}

#[derive(Debug, Clone, Copy)]
struct DatePart {
    start: usize,
    end: usize,
    spec: Spec,
    rule: &'static str,
    approximate: bool,
}

#[derive(Debug, Clone, Copy)]
struct Clock {
    time: NaiveTime,
    approx: bool,
    zone: Option<ZoneTarget>,
}

#[derive(Debug, Clone, Copy)]
struct TimePart {
    start: usize,
    end: usize,
    clock: Clock,
    alt: Option<Clock>,
}

#[derive(Debug, Clone, Copy)]
enum Found {
    Date(DatePart),
    Time(TimePart),
}

impl Found {
    fn start(&self) -> usize {
        match self {
            Found::Date(d) => d.start,
            Found::Time(t) => t.start,
        }
    }
    fn end(&self) -> usize {
        match self {
            Found::Date(d) => d.end,
            Found::Time(t) => t.end,
        }
    }
}

fn calendar(w: &str) -> Option<CalendarWord> {
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w);
    time_lexicon().calendar.get(w).copied()
}

/// The weekday (1 = Monday .. 7 = Sunday) a lower-case word names, in full or abbreviated.
pub(crate) fn weekday_number(word: &str) -> Option<u32> {
    match calendar(word) {
        Some(CalendarWord::Weekday(n)) => Some(n),
        _ => None,
    }
}

/// Whether a lower-case word names a weekday, in full or abbreviated ("tuesday", "tue",
/// "sunday's"), as `data/time/calendar.tsv` lists them.
pub fn is_weekday_name(word: &str) -> bool {
    matches!(calendar(word), Some(CalendarWord::Weekday(_)))
}

fn month_at(t: &Tokens, i: usize) -> Option<u32> {
    if !t.capitalised(i) {
        return None;
    }
    match calendar(t.lower(i)) {
        Some(CalendarWord::Month(m)) => Some(m),
        _ => None,
    }
}

/// A full weekday name (abbreviations only count inside absolute dates); the flag says it was
/// read from a possessive with its apostrophe stripped ("Saturdays blast").
fn weekday_at(t: &Tokens, i: usize) -> Option<(u32, bool)> {
    if !t.capitalised(i) {
        return None;
    }
    let lo = t.lower(i);
    match calendar(lo) {
        Some(CalendarWord::Weekday(wd))
            if lo
                .trim_end_matches("'s")
                .trim_end_matches("’s")
                .ends_with("day") =>
        {
            Some((wd, false))
        }
        Some(_) => None,
        None => stripped_possessive(t, i).map(|wd| (wd, true)),
    }
}

/// "Saturdays blast", "said Tuesdays bombardment": scraped text often drops the apostrophe of a
/// weekday possessive. Read it as the weekday when a word of the noun phrase follows it, but not
/// a habitual plural ("on Saturdays", "Fridays are quiet"; `data/time/habitual_weekday_words.txt`).
fn stripped_possessive(t: &Tokens, i: usize) -> Option<u32> {
    let base = t
        .lower(i)
        .strip_suffix('s')
        .filter(|b| b.ends_with("day"))?;
    let lex = time_lexicon();
    let Some(CalendarWord::Weekday(wd)) = lex.calendar.get(base).copied() else {
        return None;
    };
    let next = i + 1;
    if next >= t.len()
        || t.gap_before(next) != " "
        || !t.raw(next).starts_with(|c: char| c.is_alphabetic())
        || lex.habitual_after.contains(t.lower(next))
    {
        return None;
    }
    if i > 0 && !t.sentence_break_before(i) && lex.habitual_before.contains(t.lower(i - 1)) {
        return None;
    }
    Some(wd)
}

/// A day of the month: "9", "09", "9th", "21st".
fn day_number(s: &str) -> Option<u32> {
    let digits = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &s[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year_number(s: &str) -> Option<i32> {
    if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = s.parse().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

/// Small counts for "two days ago" ("several" and "few" count 3).
pub(crate) fn small_count(s: &str) -> Option<i64> {
    if let Ok(n) = s.parse::<i64>() {
        return (1..=60).contains(&n).then_some(n);
    }
    Some(match s {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "several" => 3,
        "few" => 3,
        _ => return None,
    })
}

/// Whether the calendar word at `i` sits in a listed name ("Sunday Times").
fn in_non_date(t: &Tokens, i: usize) -> bool {
    let w = t.lower(i);
    time_lexicon().non_dates.iter().any(|phrase| {
        phrase.iter().enumerate().any(|(k, p)| {
            *p == w
                && i >= k
                && (0..phrase.len()).all(|j| t.lower(i - k + j) == phrase[j])
                && i - k + phrase.len() <= t.len()
        })
    })
}

/// After a day and month: ", 2020" / " 2020".
fn year_after(t: &Tokens, i: usize) -> Option<i32> {
    let g = t.gap_before(i).trim();
    if g.is_empty() || g == "," {
        year_number(t.raw(i))
    } else {
        None
    }
}

/// Absolute dates starting at token `i`.
fn absolute(t: &Tokens, i: usize) -> Option<DatePart> {
    if i >= t.len() {
        return None;
    }
    let raw = t.raw(i);
    // ISO 2020-05-09 and 9-May-20.
    if raw.contains('-') {
        let p: Vec<&str> = raw.split('-').collect();
        if p.len() == 3 {
            if let (Some(y), Ok(m), Ok(d)) =
                (year_number(p[0]), p[1].parse::<u32>(), p[2].parse::<u32>())
            {
                if p[1].len() == 2 && p[2].len() == 2 {
                    return Some(DatePart {
                        start: i,
                        end: i + 1,
                        spec: Spec::Day { y: Some(y), m, d },
                        rule: "iso-date",
                        approximate: false,
                    });
                }
            }
            if let (Some(d), Some(CalendarWord::Month(m))) =
                (day_number(p[0]), calendar(&p[1].to_ascii_lowercase()))
            {
                let y = match p[2].len() {
                    2 => p[2].parse::<i32>().ok().map(|y| 2000 + y),
                    4 => year_number(p[2]),
                    _ => None,
                };
                if let Some(y) = y {
                    return Some(DatePart {
                        start: i,
                        end: i + 1,
                        spec: Spec::Day { y: Some(y), m, d },
                        rule: "day-mon-year",
                        approximate: false,
                    });
                }
            }
        }
        // "3-5 May"
        if p.len() == 2 {
            if let (Some(d1), Some(d2), Some(m)) =
                (day_number(p[0]), day_number(p[1]), month_at(t, i + 1))
            {
                if d1 < d2 {
                    let y = year_after(t, i + 2);
                    let end = i + 2 + usize::from(y.is_some());
                    return Some(DatePart {
                        start: i,
                        end,
                        spec: Spec::DayRange { y, m, d1, d2 },
                        rule: "day-range-month",
                        approximate: false,
                    });
                }
            }
        }
        return None;
    }
    // 09/05/2020 when unambiguous.
    if t.text()[t.span(i).end..].starts_with('/') {
        return slash_date(t, i);
    }
    // 9 May [2020], 9th of May, 3 to 5 May, 3 and 5 May.
    if let Some(d) = day_number(raw) {
        let mut j = i + 1;
        if t.lower(j) == "of" {
            j += 1;
        }
        if let Some(m) = month_at(t, j) {
            let y = year_after(t, j + 1);
            let end = j + 1 + usize::from(y.is_some());
            return Some(DatePart {
                start: i,
                end,
                spec: Spec::Day { y, m, d },
                rule: if y.is_some() {
                    "day-month-year"
                } else {
                    "day-month"
                },
                approximate: false,
            });
        }
        let joined = matches!(t.lower(i + 1), "to" | "and")
            || matches!(t.gap_before(i + 1).trim(), "-" | "–");
        if joined {
            let k = if matches!(t.lower(i + 1), "to" | "and") {
                i + 2
            } else {
                i + 1
            };
            if let (Some(d2), Some(m)) = (day_number(t.raw(k)), month_at(t, k + 1)) {
                if d < d2 {
                    let y = year_after(t, k + 2);
                    let end = k + 2 + usize::from(y.is_some());
                    return Some(DatePart {
                        start: i,
                        end,
                        spec: Spec::DayRange { y, m, d1: d, d2 },
                        rule: "day-range-month",
                        approximate: false,
                    });
                }
            }
        }
        return None;
    }
    // May 9[, 2020], May 2020, May 3-5.
    if let Some(m) = month_at(t, i) {
        let mut j = i + 1;
        // "Oct. 3"
        let next_raw = t.raw(j);
        if let Some(d) = day_number(next_raw) {
            let y = year_after(t, j + 1);
            let end = j + 1 + usize::from(y.is_some());
            return Some(DatePart {
                start: i,
                end,
                spec: Spec::Day { y, m, d },
                rule: if y.is_some() {
                    "month-day-year"
                } else {
                    "month-day"
                },
                approximate: false,
            });
        }
        // "Last updated at Jul 282016": the day run into the year, as some sites print it.
        if (5..=6).contains(&next_raw.len()) && t.gap_before(j).trim().is_empty() {
            let (day, year) = next_raw.split_at(next_raw.len() - 4);
            if let (Some(d), Some(y)) = (day_number(day), year_number(year)) {
                return Some(DatePart {
                    start: i,
                    end: j + 1,
                    spec: Spec::Day { y: Some(y), m, d },
                    rule: "month-dayyear",
                    approximate: false,
                });
            }
        }
        if let Some((a, b)) = next_raw.split_once('-') {
            if let (Some(d1), Some(d2)) = (day_number(a), day_number(b)) {
                if d1 < d2 {
                    j += 1;
                    let y = year_after(t, j);
                    let end = j + usize::from(y.is_some());
                    return Some(DatePart {
                        start: i,
                        end,
                        spec: Spec::DayRange { y, m, d1, d2 },
                        rule: "month-day-range",
                        approximate: false,
                    });
                }
            }
        }
        if let Some(y) = year_number(next_raw) {
            if t.gap_before(j).trim().is_empty() {
                return Some(DatePart {
                    start: i,
                    end: j + 1,
                    spec: Spec::Month {
                        y: Some(y),
                        m,
                        part: Part::Whole,
                        modifier: Modifier::None,
                    },
                    rule: "month-year",
                    approximate: false,
                });
            }
        }
    }
    None
}

fn slash_date(t: &Tokens, i: usize) -> Option<DatePart> {
    let start = t.span(i).start;
    let rest = &t.text()[start..t.text().len().min(start + 10)];
    let mut it = rest
        .split(|c: char| !c.is_ascii_digit() && c != '/')
        .next()?
        .split('/');
    let (a, b, c) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some() || c.len() != 4 {
        return None;
    }
    let (a, b, y): (u32, u32, i32) = (a.parse().ok()?, b.parse().ok()?, c.parse().ok()?);
    let (d, m) = match (a > 12, b > 12) {
        (true, false) => (a, b),
        (false, true) => (b, a),
        _ if a == b => (a, b),
        _ => return None, // 09/05/2020: day-month or month-day? Not guessed.
    };
    let end_byte = start + a.to_string().len() + b.to_string().len() + 6;
    let end = (i..t.len())
        .find(|&k| t.span(k).end >= end_byte)
        .map(|k| k + 1)
        .unwrap_or(i + 1);
    Some(DatePart {
        start: i,
        end,
        spec: Spec::Day { y: Some(y), m, d },
        rule: "slash-date",
        approximate: false,
    })
}

/// Words that license a bare month or year ("in April", "since 2012").
fn licenses_bare(w: &str) -> bool {
    matches!(
        w,
        "in" | "since"
            | "until"
            | "till"
            | "by"
            | "during"
            | "from"
            | "of"
            | "early"
            | "late"
            | "mid"
            | "before"
            | "after"
            | "throughout"
            | "between"
            | "last"
            | "next"
            | "this"
            | "around"
            | "through"
    )
}

fn month_part(w: &str) -> Part {
    match w {
        "early" | "beginning" | "start" => Part::Early,
        "mid" | "middle" => Part::Mid,
        "late" | "end" => Part::Late,
        _ => Part::Whole,
    }
}

/// Relative and bare expressions at token `i`.
fn relative(t: &Tokens, i: usize) -> Option<DatePart> {
    let lo = t.lower(i);
    let mk = |end: usize, spec: Spec, rule: &'static str| {
        Some(DatePart {
            start: i,
            end,
            spec,
            rule,
            approximate: false,
        })
    };
    // ("yesterday's missile attack", "last night's raid": a possessive dates its noun)
    let bare = lo
        .strip_suffix("'s")
        .or_else(|| lo.strip_suffix("\u{2019}s"))
        .unwrap_or(lo);
    match bare {
        "today" => return mk(i + 1, Spec::DayOffset(0), "today"),
        "tonight" => return mk(i + 1, Spec::DayOffset(0), "tonight"),
        "yesterday" => return mk(i + 1, Spec::DayOffset(-1), "yesterday"),
        "tomorrow" => return mk(i + 1, Spec::DayOffset(1), "tomorrow"),
        "overnight" => return mk(i + 1, Spec::Night, NIGHT_BEFORE_RULE),
        "recently" => return mk(i + 1, Spec::Recent(30), "recently"),
        _ => {}
    }
    let next = t.lower(i + 1);
    match (lo, next) {
        ("this", "morning" | "afternoon" | "evening") => {
            return mk(i + 2, Spec::DayOffset(0), "today")
        }
        ("earlier" | "later", "today") => return mk(i + 2, Spec::DayOffset(0), "today"),
        ("last", "night" | "night's" | "night\u{2019}s") => {
            return mk(i + 2, Spec::Night, NIGHT_BEFORE_RULE)
        }
        ("after", "midnight") => return mk(i + 2, Spec::Night, NIGHT_BEFORE_RULE),
        ("early", "hours") => return mk(i + 2, Spec::Night, NIGHT_BEFORE_RULE),
        ("the", "early") if t.lower(i + 2) == "hours" => {
            return mk(i + 3, Spec::Night, NIGHT_BEFORE_RULE)
        }
        ("the", "day") if matches!(t.lower(i + 2), "before" | "earlier") => {
            return mk(i + 3, Spec::DayOffset(-1), "day-before")
        }
        ("the", "previous") if t.lower(i + 2) == "day" => {
            return mk(i + 3, Spec::DayOffset(-1), "day-before")
        }
        ("a", "day") if t.lower(i + 2) == "earlier" => {
            return mk(i + 3, Spec::DayOffset(-1), "day-before")
        }
        ("the", "weekend") | ("last" | "this", "weekend") => {
            return mk(i + 2, Spec::Weekend, "weekend")
        }
        ("recent", "days") if t.lower(i.wrapping_sub(1)) == "in" => {
            return mk(i + 2, Spec::Recent(7), "recent-days")
        }
        ("recent", "weeks") if t.lower(i.wrapping_sub(1)) == "in" => {
            return mk(i + 2, Spec::Recent(28), "recent-weeks")
        }
        ("recent", "months") if t.lower(i.wrapping_sub(1)) == "in" => {
            return mk(i + 2, Spec::Recent(90), "recent-months")
        }
        _ => {}
    }
    // "two days ago", "a week ago", "three months ago"
    if let Some(n) = small_count(lo) {
        if t.lower(i + 2) == "ago" {
            let spec = match next {
                "day" | "days" => Some((Spec::DayOffset(-n), "days-ago")),
                "week" | "weeks" => Some((Spec::WeeksAgo(n), "weeks-ago")),
                "month" | "months" => Some((
                    Spec::MonthRel {
                        offset: -n,
                        part: Part::Whole,
                    },
                    "months-ago",
                )),
                "year" | "years" => Some((
                    Spec::YearRel {
                        offset: -n,
                        part: Part::Whole,
                    },
                    "years-ago",
                )),
                _ => None,
            };
            if let Some((spec, rule)) = spec {
                return mk(i + 3, spec, rule);
            }
        }
    }
    // [early|earlier|late|mid] (last|this|next) (week|month|year)
    let (part, k) = match lo {
        "early" => (Part::Early, i + 1),
        "earlier" => (Part::Earlier, i + 1),
        "late" | "later" => (Part::Late, i + 1),
        "mid" => (Part::Mid, i + 1),
        _ => (Part::Whole, i),
    };
    let offset = match t.lower(k) {
        "last" | "past" => Some(-1),
        "this" => Some(0),
        "next" | "coming" => Some(1),
        _ => None,
    };
    if let Some(offset) = offset {
        let end = k + 2;
        match t.lower(k + 1) {
            "week" => {
                let rule = ["last-week", "this-week", "next-week"][(offset + 1) as usize];
                return mk(end, Spec::Week { offset, part }, rule);
            }
            "month" => {
                let rule = ["last-month", "this-month", "next-month"][(offset + 1) as usize];
                return mk(end, Spec::MonthRel { offset, part }, rule);
            }
            "year" => {
                let rule = ["last-year", "this-year", "next-year"][(offset + 1) as usize];
                return mk(end, Spec::YearRel { offset, part }, rule);
            }
            _ => {}
        }
    }
    // Weekdays: [last|next|this] Sunday [morning|night].
    if let Some((wd, stripped)) = weekday_at(t, i) {
        if in_non_date(t, i) {
            return None;
        }
        let (modifier, start) = match t.lower(i.wrapping_sub(1)) {
            "last" if i > 0 => (Modifier::Last, i - 1),
            "next" | "coming" if i > 0 => (Modifier::Next, i - 1),
            "this" if i > 0 => (Modifier::This, i - 1),
            _ => (Modifier::None, i),
        };
        // "Sunday, May 20" / "Sunday 20 May": the absolute date wins.
        let gap = t.gap_before(i + 1).trim();
        if gap.is_empty() || gap == "," {
            if let Some(mut abs) = absolute(t, i + 1) {
                abs.start = start;
                abs.rule = "absolute-with-weekday";
                return Some(abs);
            }
        }
        let mut end = i + 1;
        if matches!(t.lower(end), "morning" | "afternoon" | "evening" | "night") {
            end += 1;
        }
        let rule = match modifier {
            Modifier::None if stripped => "weekday-possessive",
            Modifier::Last => "last-weekday",
            Modifier::Next => "next-weekday",
            _ => "weekday-before-publication",
        };
        return Some(DatePart {
            start,
            end,
            spec: Spec::Weekday { wd, modifier },
            rule,
            approximate: false,
        });
    }
    // Bare months: "in April", "since April", "early April", "mid-April", "last April".
    let (m_idx, part, start) = if let Some(rest) = lo.strip_prefix("mid-") {
        match calendar(rest) {
            Some(CalendarWord::Month(_)) => (Some(i), Part::Mid, i),
            _ => (None, Part::Whole, i),
        }
    } else {
        (month_at(t, i).map(|_| i), Part::Whole, i)
    };
    if let Some(mi) = m_idx {
        let m = match calendar(lo.strip_prefix("mid-").unwrap_or(lo)) {
            Some(CalendarWord::Month(m)) => m,
            _ => return None,
        };
        if in_non_date(t, mi) {
            return None;
        }
        let prev = t.lower(i.wrapping_sub(1));
        let (part, start, modifier) = if part == Part::Mid {
            (part, start, Modifier::None)
        } else if i > 0 && matches!(prev, "early" | "mid" | "late") {
            (month_part(prev), i - 1, Modifier::None)
        } else if i > 1
            && prev == "of"
            && matches!(t.lower(i - 2), "end" | "beginning" | "start" | "middle")
        {
            (month_part(t.lower(i - 2)), i, Modifier::None)
        } else if i > 0 && matches!(prev, "last" | "next") {
            (
                Part::Whole,
                i - 1,
                if prev == "last" {
                    Modifier::Last
                } else {
                    Modifier::Next
                },
            )
        } else {
            (Part::Whole, i, Modifier::None)
        };
        let licensed =
            part != Part::Whole || modifier != Modifier::None || (i > 0 && licenses_bare(prev));
        if !licensed {
            return None;
        }
        return Some(DatePart {
            start,
            end: i + 1,
            spec: Spec::Month {
                y: None,
                m,
                part,
                modifier,
            },
            rule: "month-name",
            approximate: false,
        });
    }
    // Years: "in 2012", "since 2012", "in early 2012".
    if let Some(y) = year_number(t.raw(i)) {
        let prev = t.lower(i.wrapping_sub(1));
        if i > 0 && (licenses_bare(prev) && prev != "of") && t.gap_before(i).trim().is_empty() {
            // Not "in 2012 people": a count noun would follow; a year is followed by punctuation or a clause.
            return Some(DatePart {
                start: i,
                end: i + 1,
                spec: Spec::Year(y),
                rule: "year",
                approximate: false,
            });
        }
    }
    None
}

fn parse_clock(h: u32, m: u32, suffix: &str) -> Option<NaiveTime> {
    let h = match suffix {
        "am" | "a.m." | "a.m" => {
            if !(1..=12).contains(&h) {
                return None;
            }
            h % 12
        }
        "pm" | "p.m." | "p.m" => {
            if !(1..=12).contains(&h) {
                return None;
            }
            h % 12 + 12
        }
        "" | "h" | "hrs" => h,
        _ => return None,
    };
    NaiveTime::from_hms_opt(h, m, 0)
}

/// "10:30", "10.30", "10" into hours and minutes.
fn hours_minutes(s: &str) -> Option<(u32, u32)> {
    let (h, m) = match s.split_once([':', '.']) {
        Some((h, m)) if m.len() == 2 => (h, m),
        Some(_) => return None,
        None => (s, "0"),
    };
    if h.is_empty()
        || h.len() > 2
        || !h.bytes().all(|b| b.is_ascii_digit())
        || !m.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    Some((h.parse().ok()?, m.parse().ok()?))
}

/// A clock time at token `i`, with its zone. Returns the clock and one past its last token.
fn clock(t: &Tokens, i: usize) -> Option<(Clock, usize)> {
    let lex = time_lexicon();
    let lo = t.lower(i);
    let prev = t.lower(i.wrapping_sub(1));
    let approx_word = i > 0 && matches!(prev, "around" | "about" | "approximately" | "roughly");
    let (time, approx, mut end) = if let Some(&(time, approx)) = lex.clock_words.get(lo) {
        // "Dawn" capitalised mid-sentence is a newspaper; accept with a preposition or in lower case.
        let lower = !t.capitalised(i);
        let prep = i > 0
            && matches!(
                prev,
                "at" | "before" | "after" | "by" | "until" | "till" | "since" | "from" | "around"
            );
        if !(lower || prep) {
            return None;
        }
        (time, approx, i + 1)
    } else if lo.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        let digits_end = lo
            .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
            .unwrap_or(lo.len());
        let (num, suffix) = lo.split_at(digits_end);
        if let Some(&(time, approx)) = lex.clock_words.get(suffix) {
            // "12noon", "12midnight"
            let (h, _) = hours_minutes(num)?;
            if h != 12 {
                return None;
            }
            (time, approx, i + 1)
        } else if !suffix.is_empty() {
            let (h, m) = hours_minutes(num)?;
            (parse_clock(h, m, suffix)?, false, i + 1)
        } else {
            // "1 pm", "1 p.m.", "12 noon", "10:30", "1300 GMT".
            let next = t.lower(i + 1);
            let after_next = &t.text()[if i + 1 < t.len() {
                t.span(i + 1).end
            } else {
                0
            }..];
            if matches!(next, "am" | "pm") {
                let (h, m) = hours_minutes(num)?;
                (parse_clock(h, m, next)?, false, i + 2)
            } else if matches!(next, "a" | "p") && after_next.starts_with(".m") && i + 2 < t.len() {
                let (h, m) = hours_minutes(num)?;
                (
                    parse_clock(h, m, if next == "a" { "am" } else { "pm" })?,
                    false,
                    i + 3,
                )
            } else if let Some(&(time, approx)) = lex.clock_words.get(next).filter(|_| num == "12")
            {
                (time, approx, i + 2)
            } else if num.contains(':') {
                let (h, m) = hours_minutes(num)?;
                (parse_clock(h, m, "")?, false, i + 1)
            } else if num.len() == 4
                && (lex.zones.get(next).is_some_and(|z| !z.needs_time_word)
                    || matches!(next, "hours" | "hrs" | "local"))
            {
                let (h, m) = (num[..2].parse().ok()?, num[2..].parse().ok()?);
                let end = if matches!(next, "hours" | "hrs") {
                    i + 2
                } else {
                    i + 1
                };
                (parse_clock(h, m, "")?, false, end)
            } else if next == "o'clock" || next == "o’clock" {
                let (h, m) = hours_minutes(num)?;
                (parse_clock(h, m, "")?, false, i + 2)
            } else {
                return None;
            }
        }
    } else {
        return None;
    };
    // The clock's zone: "GMT", "local time", "UAE time", "Abu Dhabi time".
    let mut zone = None;
    let z = t.lower(end);
    if let Some(entry) = lex.zones.get(z) {
        if !entry.needs_time_word && t.capitalised(end) {
            zone = Some(entry.target);
            end += 1;
        } else if t.lower(end + 1) == "time" {
            zone = Some(entry.target);
            end += 2;
        } else if t.lower(end + 2) == "time" && entry.needs_time_word {
            zone = Some(entry.target);
            end += 3;
        }
    } else if z == "local" {
        end += if t.lower(end + 1) == "time" { 2 } else { 1 };
    }
    Some((
        Clock {
            time,
            approx: approx || approx_word,
            zone,
        },
        end,
    ))
}

fn time_part(t: &Tokens, i: usize) -> Option<TimePart> {
    let (c, mut end) = clock(t, i)?;
    let mut alt = None;
    // "12noon (1pm UAE time)"
    if end < t.len() && t.gap_before(end).contains('(') {
        if let Some((a, e)) = clock(t, end) {
            if t.gap_before(e).contains(')') || e >= t.len() {
                alt = Some(a);
                end = e;
            }
        }
    }
    Some(TimePart {
        start: i,
        end,
        clock: c,
        alt,
    })
}

/// Lower-case words that can begin a date or time expression (besides digits, capitalised
/// words and the clock words of `data/time/clock_words.tsv`); the words the rules above match.
const TRIGGERS: &[&str] = &[
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "today's",
    "tonight's",
    "yesterday's",
    "today\u{2019}s",
    "tonight\u{2019}s",
    "yesterday\u{2019}s",
    "overnight",
    "recently",
    "this",
    "earlier",
    "later",
    "last",
    "after",
    "early",
    "the",
    "a",
    "an",
    "recent",
    "late",
    "mid",
    "past",
    "next",
    "coming",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "several",
    "few",
];

/// Whether token `i` may begin an expression; spares most tokens the rules.
fn may_begin(t: &Tokens, i: usize) -> bool {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    let b = t.raw(i).as_bytes()[0];
    if b.is_ascii_digit() || b.is_ascii_uppercase() {
        return true;
    }
    let lo = t.lower(i);
    let set = SET.get_or_init(|| {
        TRIGGERS
            .iter()
            .copied()
            .chain(time_lexicon().clock_words.keys().copied())
            .collect()
    });
    set.contains(lo) || lo.starts_with("mid-")
}

fn scan(t: &Tokens) -> Vec<Found> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if !may_begin(t, i) {
            i += 1;
            continue;
        }
        let date = absolute(t, i).or_else(|| relative(t, i));
        if let Some(mut d) = date {
            // "around 6 May", "on or about 6 May"; "(as reported)" after.
            if i > 0
                && matches!(
                    t.lower(i - 1),
                    "around" | "about" | "approximately" | "circa"
                )
            {
                d.approximate = true;
            }
            let after = &t.text()[t.span(d.end - 1).end..];
            if after.trim_start().starts_with("(as reported)") {
                d.approximate = true;
                if let Some(k) = (d.end..t.len()).find(|&k| t.lower(k) == "reported") {
                    d.end = k + 1;
                }
            }
            d.end = d.end.min(t.len());
            i = d.end.max(i + 1);
            found.push(Found::Date(d));
            continue;
        }
        if let Some(mut tp) = time_part(t, i) {
            tp.end = tp.end.min(t.len());
            i = tp.end.max(i + 1);
            found.push(Found::Time(tp));
            continue;
        }
        i += 1;
    }
    found
}

// ---------------------------------------------------------------- joining

/// Words that may stand between the time and the date of one expression.
fn connector(w: &str) -> bool {
    matches!(
        w,
        "on" | "of" | "at" | "the" | "in" | "around" | "about" | "this" | "today"
    )
}

struct Group {
    start: usize,
    end: usize,
    date: Option<DatePart>,
    time: Option<TimePart>,
}

fn can_join(t: &Tokens, a_end: usize, b_start: usize) -> bool {
    if b_start < a_end || b_start - a_end > 2 {
        return false;
    }
    (a_end..=b_start)
        .all(|k| !t.sentence_break_before(k) || k == a_end && t.gap_before(k).trim() == "(")
        && (a_end..b_start).all(|k| connector(t.lower(k)))
}

fn join(t: &Tokens, found: Vec<Found>) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for f in found {
        if let Some(g) = groups.last_mut() {
            if can_join(t, g.end, f.start()) {
                match f {
                    Found::Time(tp) if g.time.is_none() => {
                        g.time = Some(tp);
                        g.end = tp.end;
                        continue;
                    }
                    Found::Date(dp) => match g.date {
                        None => {
                            g.date = Some(dp);
                            g.end = dp.end;
                            continue;
                        }
                        // "today (Sunday)": the bracketed weekday says which day "today" was.
                        Some(
                            prev @ DatePart {
                                spec: Spec::DayOffset(0 | -1) | Spec::Night,
                                ..
                            },
                        ) if matches!(
                            dp.spec,
                            Spec::Weekday {
                                modifier: Modifier::None,
                                ..
                            }
                        ) && t.gap_before(dp.start).contains('(') =>
                        {
                            g.date = Some(DatePart {
                                start: prev.start,
                                end: dp.end,
                                spec: dp.spec,
                                rule: "bracketed-weekday",
                                approximate: prev.approximate,
                            });
                            g.end = dp.end;
                            continue;
                        }
                        // "overnight Saturday", "the early hours of Sunday".
                        Some(
                            prev @ DatePart {
                                spec: Spec::Night, ..
                            },
                        ) => {
                            g.date = Some(DatePart {
                                start: prev.start,
                                end: dp.end,
                                spec: dp.spec,
                                rule: "night-of-day",
                                approximate: prev.approximate || dp.approximate,
                            });
                            g.end = dp.end;
                            continue;
                        }
                        _ => {}
                    },
                    _ => {}
                }
            }
        }
        let (date, time) = match f {
            Found::Date(d) => (Some(d), None),
            Found::Time(tp) => (None, Some(tp)),
        };
        groups.push(Group {
            start: f.start(),
            end: f.end(),
            date,
            time,
        });
    }
    groups
}

// ---------------------------------------------------------------- resolving

fn weekday_from(n: u32) -> Weekday {
    match n {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

/// The given weekday on or before `p` (or strictly before, or on/after, strictly after).
fn weekday_near(p: NaiveDate, wd: Weekday, forward: bool, strict: bool) -> NaiveDate {
    let from = p.weekday().num_days_from_monday() as i64;
    let to = wd.num_days_from_monday() as i64;
    if forward {
        let mut k = (to - from).rem_euclid(7);
        if k == 0 && strict {
            k = 7;
        }
        p + Duration::days(k)
    } else {
        let mut k = (from - to).rem_euclid(7);
        if k == 0 && strict {
            k = 7;
        }
        p - Duration::days(k)
    }
}

fn month_start(y: i32, m: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, 1)
}

fn month_end(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    month_start(ny, nm)?.pred_opt()
}

fn add_months(y: i32, m: u32, k: i64) -> (i32, u32) {
    let idx = y as i64 * 12 + (m as i64 - 1) + k;
    (idx.div_euclid(12) as i32, (idx.rem_euclid(12) + 1) as u32)
}

/// A part of a month as (first day, last day, precision).
fn month_span(
    y: i32,
    m: u32,
    part: Part,
    p: Option<NaiveDate>,
) -> Option<(NaiveDate, NaiveDate, DatePrecision)> {
    let (s, e) = (month_start(y, m)?, month_end(y, m)?);
    let day = |d: u32| NaiveDate::from_ymd_opt(y, m, d);
    Some(match part {
        Part::Whole => (s, e, DatePrecision::Month),
        Part::Early => (s, day(10)?, DatePrecision::Approximate),
        Part::Mid => (day(11)?, day(20)?, DatePrecision::Approximate),
        Part::Late => (day(21)?, e, DatePrecision::Approximate),
        Part::Earlier => (s, p.unwrap_or(e).min(e), DatePrecision::Approximate),
    })
}

struct Resolved {
    date: Option<NaiveDate>,
    end: Option<NaiveDate>,
    precision: DatePrecision,
    relative: bool,
    period: bool,
}

/// Which way a date without a year (or a weekday) is read from the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    /// On or before it (reports of what happened).
    Past,
    /// On or after it ("will", "until Monday").
    Future,
    /// Whichever occurrence lies closest ("until 25 May" with no tense to go by).
    Nearest,
}

/// Of the dates `make(y)` for the years around `p`, the one closest to `p`.
fn nearest_year(p: NaiveDate, make: impl Fn(i32) -> Option<NaiveDate>) -> Option<NaiveDate> {
    (p.year() - 1..=p.year() + 1)
        .filter_map(&make)
        .min_by_key(|d| (*d - p).num_days().abs())
}

fn resolve(spec: Spec, p: Option<NaiveDate>, direction: Direction) -> Option<Resolved> {
    let future = direction == Direction::Future;
    let unresolved = Resolved {
        date: None,
        end: None,
        precision: DatePrecision::Unresolved,
        relative: true,
        period: false,
    };
    let day = |date: NaiveDate, relative: bool| Resolved {
        date: Some(date),
        end: None,
        precision: DatePrecision::Day,
        relative,
        period: false,
    };
    let span = |s: NaiveDate, e: NaiveDate, precision: DatePrecision, relative: bool| Resolved {
        date: Some(s),
        end: Some(e),
        precision,
        relative,
        period: true,
    };
    Some(match spec {
        Spec::Day { y: Some(y), m, d } => day(NaiveDate::from_ymd_opt(y, m, d)?, false),
        Spec::Day { y: None, m, d } => {
            // Check the day exists in some year (29 February in a leap year).
            NaiveDate::from_ymd_opt(2000, m, d)?;
            let Some(p) = p else { return Some(unresolved) };
            if direction == Direction::Nearest {
                return Some(day(
                    nearest_year(p, |y| NaiveDate::from_ymd_opt(y, m, d))?,
                    true,
                ));
            }
            let mut y = p.year();
            let this = NaiveDate::from_ymd_opt(y, m, d);
            if future {
                if this.map_or(true, |x| x < p) {
                    y += 1;
                }
            } else if this.map_or(true, |x| x > p + Duration::days(PAST_DAY_SLACK_DAYS)) {
                // A day just after publication is this year's, not one nearly a year back.
                y -= 1;
            }
            day(NaiveDate::from_ymd_opt(y, m, d)?, true)
        }
        Spec::DayRange { y, m, d1, d2 } => {
            let (y, relative) = match (y, p) {
                (Some(y), _) => (y, false),
                (None, Some(p)) => {
                    let first = NaiveDate::from_ymd_opt(p.year(), m, d1)?;
                    (
                        if !future && first > p + Duration::days(PAST_DAY_SLACK_DAYS) {
                            p.year() - 1
                        } else {
                            p.year()
                        },
                        true,
                    )
                }
                (None, None) => return Some(unresolved),
            };
            let (s, e) = (
                NaiveDate::from_ymd_opt(y, m, d1)?,
                NaiveDate::from_ymd_opt(y, m, d2)?,
            );
            let precision = if (e - s).num_days() < 7 {
                DatePrecision::Week
            } else {
                DatePrecision::Month
            };
            span(s, e, precision, relative)
        }
        Spec::Month {
            y,
            m,
            part,
            modifier,
        } => {
            let (y, relative) = match (y, p) {
                (Some(y), _) => (y, false),
                (None, Some(p))
                    if direction == Direction::Nearest && modifier == Modifier::None =>
                {
                    (nearest_year(p, |y| month_start(y, m))?.year(), true)
                }
                (None, Some(p)) => {
                    let mut y = p.year();
                    let forward = future || modifier == Modifier::Next;
                    if forward {
                        if month_end(y, m)? < p || modifier == Modifier::Next && m <= p.month() {
                            y += 1;
                        }
                    } else if month_start(y, m)? > p || modifier == Modifier::Last && m >= p.month()
                    {
                        y -= 1;
                    }
                    (y, true)
                }
                (None, None) => return Some(unresolved),
            };
            let (s, e, precision) = month_span(y, m, part, None)?;
            span(s, e, precision, relative)
        }
        Spec::Year(y) => span(
            NaiveDate::from_ymd_opt(y, 1, 1)?,
            NaiveDate::from_ymd_opt(y, 12, 31)?,
            DatePrecision::Year,
            false,
        ),
        _ => {
            let Some(p) = p else { return Some(unresolved) };
            match spec {
                Spec::Weekday { wd, modifier } => {
                    let wd = weekday_from(wd);
                    let date = match modifier {
                        Modifier::Last => weekday_near(p, wd, false, true),
                        Modifier::Next => weekday_near(p, wd, true, true),
                        _ => weekday_near(p, wd, future, false),
                    };
                    day(date, true)
                }
                Spec::DayOffset(k) => day(p + Duration::days(k), true),
                Spec::Night => day(p, true),
                Spec::Week { offset, part } => {
                    let monday = p - Duration::days(p.weekday().num_days_from_monday() as i64)
                        + Duration::weeks(offset);
                    let sunday = monday + Duration::days(6);
                    let end = if offset == 0 && !future {
                        sunday.min(p)
                    } else {
                        sunday
                    };
                    let (s, e) = match part {
                        Part::Late => (monday + Duration::days(4), end),
                        Part::Early => (monday, (monday + Duration::days(2)).min(end)),
                        _ => (monday, end),
                    };
                    span(s, e, DatePrecision::Week, true)
                }
                Spec::WeeksAgo(n) => {
                    let d = p - Duration::weeks(n);
                    Resolved {
                        date: Some(d),
                        end: None,
                        precision: DatePrecision::Week,
                        relative: true,
                        period: false,
                    }
                }
                Spec::Weekend => {
                    let sat = weekday_near(p, Weekday::Sat, future, false);
                    span(
                        sat,
                        (sat + Duration::days(1)).max(sat).min(if future {
                            sat + Duration::days(1)
                        } else {
                            p.max(sat)
                        }),
                        DatePrecision::Week,
                        true,
                    )
                }
                Spec::MonthRel { offset, part } => {
                    let (y, m) = add_months(p.year(), p.month(), offset);
                    let (s, mut e, precision) = month_span(y, m, part, Some(p))?;
                    if offset == 0 && !future {
                        e = e.min(p);
                    }
                    span(s, e.max(s), precision, true)
                }
                Spec::YearRel { offset, part } => {
                    let y = p.year() + offset as i32;
                    let (mut s, mut e) = (
                        NaiveDate::from_ymd_opt(y, 1, 1)?,
                        NaiveDate::from_ymd_opt(y, 12, 31)?,
                    );
                    match part {
                        Part::Early => e = NaiveDate::from_ymd_opt(y, 4, 30)?,
                        Part::Mid => {
                            (s, e) = (
                                NaiveDate::from_ymd_opt(y, 5, 1)?,
                                NaiveDate::from_ymd_opt(y, 8, 31)?,
                            )
                        }
                        Part::Late => s = NaiveDate::from_ymd_opt(y, 9, 1)?,
                        _ => {}
                    }
                    if offset == 0 && !future {
                        e = e.min(p);
                    }
                    let precision = if part == Part::Whole || part == Part::Earlier {
                        DatePrecision::Year
                    } else {
                        DatePrecision::Approximate
                    };
                    span(s, e.max(s), precision, true)
                }
                Spec::Recent(days) => span(
                    p - Duration::days(days),
                    p,
                    DatePrecision::Approximate,
                    true,
                ),
                _ => return None,
            }
        }
    })
}

/// The role given by the words before token `start`, skipping connectors.
fn role_before(t: &Tokens, start: usize) -> Option<DateRole> {
    let mut k = start;
    for _ in 0..3 {
        if k == 0 || t.sentence_break_before(k) {
            return None;
        }
        k -= 1;
        match t.lower(k) {
            "since" | "from" => return Some(DateRole::Since),
            "until" | "till" | "til" | "untill" => return Some(DateRole::Until),
            w if connector(w) || matches!(w, "noon" | "midday") => continue,
            _ => return None,
        }
    }
    None
}

/// Whether a future marker ("will", "due") stands before token `start` in its sentence.
fn future_context(t: &Tokens, start: usize) -> bool {
    let lex = time_lexicon();
    let mut k = start;
    for _ in 0..12 {
        if k == 0 || t.sentence_break_before(k) {
            return false;
        }
        k -= 1;
        let w = t.lower(k);
        // "set to", "set for Monday" look ahead; "set fire to", "set ablaze" tell what was done
        let set_ahead = k + 1 < start && matches!(t.lower(k + 1), "to" | "for");
        if (lex.future_markers.contains(w) && (w != "set" || set_ahead))
            || w.ends_with("'ll")
            || w.ends_with("’ll")
        {
            return true;
        }
        if w == "would" && k + 1 < start {
            let mut pair = String::with_capacity(24);
            pair.push_str(w);
            pair.push(' ');
            pair.push_str(t.lower(k + 1));
            if lex.future_markers.contains(pair.as_str()) {
                return true;
            }
        }
    }
    false
}

fn zone_offset(zone: Option<ZoneTarget>, on: Option<NaiveDate>) -> Option<i32> {
    match zone? {
        ZoneTarget::Fixed(m) => Some(m),
        ZoneTarget::Country(c) => utc_offset_minutes(c, on?),
    }
}

/// Dates and clock times inside `within` (article-relative spans), resolved against
/// `published`. See the crate documentation for the rules.
pub fn find_dates(text: &str, within: Span, published: Option<NaiveDate>) -> Vec<DateMention> {
    let t = Tokens::new(text, within);
    if t.is_empty() {
        return Vec::new();
    }
    let groups = join(&t, scan(&t));
    let mut out = Vec::with_capacity(groups.len());
    // End of the last `Since` group, for "from Sunday until Tuesday" (a past stretch).
    let mut since_end: Option<usize> = None;
    for g in groups {
        // "the July 7 neighbourhood", "the 25 of March sector": a name, not a date.
        let calendar_day = matches!(
            g.date.map(|d| d.spec),
            Some(Spec::Day { .. } | Spec::DayRange { .. })
        );
        if calendar_day
            && g.end < t.len()
            && t.gap_before(g.end).trim().is_empty()
            && time_lexicon().name_heads.contains(t.lower(g.end))
        {
            continue;
        }
        // "fired at 7 July and Engineering College areas": a day is "on" a date, never "at" it;
        // after "at" a day and month with no year names a place ("updated at Jul 28 2016" is a
        // date).
        if matches!(g.date.map(|d| d.spec), Some(Spec::Day { y: None, .. }))
            && g.time.is_none()
            && g.start > 0
            && !t.sentence_break_before(g.start)
            && t.gap_before(g.start).trim().is_empty()
            && t.lower(g.start - 1) == "at"
        {
            continue;
        }
        let mut role = role_before(&t, g.start);
        if matches!(g.date.map(|d| d.spec), Some(Spec::DayRange { .. })) {
            role = None; // "from 3 to 5 May" is a period
        }
        // "the toll from Sunday's air strikes": the possessive names the strikes' day, "from"
        // is where the toll comes from (while "since Sunday's attack" counts from it)
        let possessive =
            |k: usize| k < t.len() && ["'s", "\u{2019}s"].iter().any(|p| t.raw(k).ends_with(p));
        let weekday_possessive = g.date.is_some_and(|d| {
            d.rule == "weekday-possessive"
                || matches!(d.spec, Spec::Weekday { .. })
                    && (possessive(g.end - 1) || possessive(g.end))
        });
        if weekday_possessive && g.start > 0 && t.lower(g.start - 1) == "from" {
            role = None;
        }
        // "the toll from the April 8 air strikes": a date named with "the" after "from" names
        // the strikes' day too (a count from a day writes "from April 8")
        if role == Some(DateRole::Since)
            && g.start > 1
            && t.lower(g.start - 1) == "the"
            && t.lower(g.start - 2) == "from"
        {
            role = None;
        }
        let after_since = since_end.is_some_and(|e| {
            g.start >= e && g.start - e <= 4 && (e..=g.start).all(|k| !t.sentence_break_before(k))
        });
        let direction = if future_context(&t, g.start) {
            Direction::Future
        } else if role == Some(DateRole::Until) && !after_since {
            match g.date.map(|d| d.spec) {
                Some(Spec::Day { y: None, .. } | Spec::Month { y: None, .. }) => Direction::Nearest,
                _ => Direction::Future,
            }
        } else {
            Direction::Past
        };
        since_end = (role == Some(DateRole::Since)).then_some(g.end);
        let future = direction == Direction::Future;
        let (resolved, rule, approximate) = match g.date {
            Some(d) => match resolve(d.spec, published, direction) {
                Some(r) => (r, d.rule, d.approximate),
                None => continue,
            },
            None => (
                Resolved {
                    date: None,
                    end: None,
                    precision: DatePrecision::Unresolved,
                    relative: false,
                    period: false,
                },
                "time-only",
                false,
            ),
        };
        let rule = match (rule, future, g.date.map(|d| d.spec)) {
            ("weekday-before-publication" | "weekday-possessive", true, _) => {
                "weekday-after-publication"
            }
            ("day-month" | "month-day", true, _) => "day-month-future",
            ("day-month" | "month-day", false, _) if direction == Direction::Nearest => {
                "day-month-nearest"
            }
            (r, _, _) => r,
        };
        let mut end = resolved.end;
        let role = match role {
            Some(DateRole::Since) => {
                if published.is_some() && resolved.date.is_some() {
                    end = published.max(resolved.end);
                }
                DateRole::Since
            }
            Some(r) => r,
            None if resolved.period => DateRole::Period,
            None => DateRole::Point,
        };
        let on = resolved.date.or(published);
        let (mut time_of_day, mut time_approximate, mut utc_offset, mut alt_time) =
            (None, false, None, None);
        if let Some(tp) = g.time {
            time_of_day = Some(tp.clock.time);
            time_approximate = tp.clock.approx;
            utc_offset = zone_offset(tp.clock.zone, on);
            if let Some(a) = tp.alt {
                if let Some(off) = zone_offset(a.zone, on) {
                    alt_time = Some((a.time, off));
                    if utc_offset.is_none() {
                        // 12:00 here is 13:00 at +4, so here is +3.
                        let diff = (a.time - tp.clock.time).num_minutes();
                        let diff = (diff + 12 * 60).rem_euclid(24 * 60) - 12 * 60;
                        utc_offset = Some(off - diff as i32);
                    }
                }
            }
        }
        // Close a bracket opened inside the expression: "today (Sunday)".
        let mut span_end = t.span(g.end - 1).end;
        let inside = &text[t.span(g.start).start..span_end];
        if inside.matches('(').count() > inside.matches(')').count()
            && text[span_end..within.end.min(text.len())].starts_with(')')
        {
            span_end += 1;
        }
        out.push(DateMention {
            span: Span::new(t.span(g.start).start, span_end),
            date: resolved.date,
            end,
            precision: resolved.precision,
            role,
            time_of_day,
            time_approximate,
            utc_offset_minutes: utc_offset,
            alt_time,
            approximate,
            relative: resolved.relative,
            rule,
        });
    }
    join_day_spans(text, within, &mut out);
    out
}

/// How many days a span written as two days may cover and still be known to the week.
const SPAN_WEEK_DAYS: i64 = 7;

/// "between Nov. 14 and Nov. 17", "between 14 November to 17 November", "from Monday to
/// Wednesday": two days written as the first and last of a stretch are one period from the
/// first to the last (known to the week, or to the month when longer), not two points.
fn join_day_spans(text: &str, within: Span, out: &mut Vec<DateMention>) {
    let mut k = 0;
    while k + 1 < out.len() {
        let (a, b) = (&out[k], &out[k + 1]);
        let before = text[within.start.min(a.span.start)..a.span.start]
            .trim_end()
            .to_ascii_lowercase();
        let opens = |w: &str| {
            before
                .strip_suffix(w)
                .is_some_and(|r| !r.ends_with(|c: char| c.is_alphanumeric()))
        };
        let gap = text[a.span.end..b.span.start].trim();
        let closes = match gap.to_ascii_lowercase().as_str() {
            "to" | "through" | "-" | "–" => opens("between") || opens("from"),
            "and" => opens("between"),
            _ => false,
        };
        let days = match (a.date, b.date) {
            (Some(x), Some(y))
                if a.precision == DatePrecision::Day && b.precision == a.precision =>
            {
                Some((y - x).num_days())
            }
            _ => None,
        };
        match days {
            Some(n) if closes && n > 0 && a.time_of_day.is_none() && b.time_of_day.is_none() => {
                let end = b.date;
                let span = Span::new(a.span.start, b.span.end);
                let relative = a.relative || b.relative;
                let approximate = a.approximate || b.approximate;
                let m = &mut out[k];
                m.span = span;
                m.end = end;
                m.precision = if n < SPAN_WEEK_DAYS {
                    DatePrecision::Week
                } else {
                    DatePrecision::Month
                };
                m.role = DateRole::Period;
                m.relative = relative;
                m.approximate = approximate;
                m.rule = "day-to-day-span";
                out.remove(k + 1);
            }
            _ => k += 1,
        }
    }
}
