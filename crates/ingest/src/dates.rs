//! Publication dates as inputs write them: ISO dates and datetimes, `M/D/YYYY`,
//! `21 May 2018`, `May 21, 2018`, `Mon, 21 May 2018 ...`, ACLED's and spreadsheets' `9-May-20`
//! and `21-05-2018`, and a `YYYY-MM-DD` inside a file name.

use chrono::NaiveDate;

/// Parse a publication date; keeps the date of a datetime. `None` when no format fits.
///
/// Slash dates are read month first (`4/5/2017` = 5 April 2017, as US-style exports write
/// them) unless the first number cannot be a month.
///
/// ```
/// use sitrep_ingest::parse_date;
/// use chrono::NaiveDate;
/// let d = NaiveDate::from_ymd_opt(2018, 5, 21);
/// assert_eq!(parse_date("2018-05-21T09:30:00+03:00"), d);
/// assert_eq!(parse_date("5/21/2018"), d);
/// assert_eq!(parse_date("21 May 2018"), d);
/// assert_eq!(parse_date("21-May-18"), d);
/// assert_eq!(parse_date("Mon, 21 May 18 09:30:00 GMT"), d);
/// ```
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    let s = value.trim();
    if s.is_empty() {
        return None;
    }
    // ISO date, or the date part of an ISO datetime.
    if s.len() >= 10 && s.is_char_boundary(10) {
        if let Ok(d) = NaiveDate::parse_from_str(&s[..10], "%Y-%m-%d") {
            let rest = &s[10..];
            if rest.is_empty() || rest.starts_with(['T', 't', ' ']) {
                return Some(d);
            }
        }
    }
    if let Some(d) = parse_slash_date(s).or_else(|| parse_dashed_date(s)) {
        return Some(d);
    }
    // a basic ISO date ("20241117", a CMS's pubdate)
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(d) = NaiveDate::parse_from_str(s, "%Y%m%d") {
            return Some(d);
        }
    }
    // Drop a leading weekday ("Mon, 21 May 2018", "Wed 05 Apr 2017") and a trailing time.
    let words: Vec<&str> = s.split_whitespace().collect();
    let words: &[&str] = match words.first() {
        Some(w) if is_weekday(w) => &words[1..],
        _ => &words[..],
    };
    if words.len() >= 3 {
        let mut parts: Vec<String> = words[..3].iter().map(|w| w.replace(',', "")).collect();
        // RFC 822's two-digit year ("Wed, 05 Jun 19 14:30:00 GMT"): 00-49 are 20xx, 50-99 19xx
        if parts[2].len() == 2 && parts[2].bytes().all(|b| b.is_ascii_digit()) {
            let yy: u32 = parts[2].parse().unwrap_or(0);
            parts[2] = (if yy < 50 { 2000 + yy } else { 1900 + yy }).to_string();
        }
        let candidate = parts.join(" ");
        for fmt in ["%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y"] {
            if let Ok(d) = NaiveDate::parse_from_str(&candidate, fmt) {
                return Some(d);
            }
        }
    }
    None
}

fn is_weekday(word: &str) -> bool {
    let w = word.trim_end_matches([',', '.']).to_ascii_lowercase();
    [
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ]
    .contains(&w.as_str())
        || [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ]
        .contains(&w.as_str())
}

fn parse_slash_date(s: &str) -> Option<NaiveDate> {
    let head = s.split_whitespace().next()?;
    let parts: Vec<&str> = head.split('/').collect();
    if parts.len() != 3
        || !parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let nums: Vec<u32> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    if parts[0].len() == 4 {
        return NaiveDate::from_ymd_opt(nums[0] as i32, nums[1], nums[2]);
    }
    if parts[2].len() != 4 {
        return None;
    }
    let year = nums[2] as i32;
    if nums[0] > 12 {
        NaiveDate::from_ymd_opt(year, nums[1], nums[0])
    } else {
        NaiveDate::from_ymd_opt(year, nums[0], nums[1])
    }
}

/// Day, month and year joined by dashes, as ACLED's exports and spreadsheets write them:
/// `9-May-20`, `09-May-2020`, `9-September-2020`, `21-05-2018` (day first).
fn parse_dashed_date(s: &str) -> Option<NaiveDate> {
    let head = s.split_whitespace().next()?;
    let parts: Vec<&str> = head.split('-').collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if !digits(day) || day.len() > 2 || !digits(year) || !matches!(year.len(), 2 | 4) {
        return None;
    }
    let year_fmt = if year.len() == 2 { "%y" } else { "%Y" };
    let month_fmts: &[&str] = if digits(month) {
        &["%m"]
    } else {
        &["%b", "%B"]
    };
    month_fmts
        .iter()
        .find_map(|m| NaiveDate::parse_from_str(head, &format!("%d-{m}-{year_fmt}")).ok())
}

/// The first valid `YYYY-MM-DD` inside a file name (`national-2018-05-21-isis.txt`).
pub fn date_in_name(name: &str) -> Option<NaiveDate> {
    let b = name.as_bytes();
    if b.len() < 10 {
        return None;
    }
    for i in 0..=b.len() - 10 {
        let w = &b[i..i + 10];
        let shape = w.iter().enumerate().all(|(j, c)| match j {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
        let bounded = i == 0 || !b[i - 1].is_ascii_digit();
        if shape && bounded && (i + 10 == b.len() || !b[i + 10].is_ascii_digit()) {
            if let Ok(d) = NaiveDate::parse_from_str(&name[i..i + 10], "%Y-%m-%d") {
                return Some(d);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn formats() {
        assert_eq!(parse_date("2018-05-21"), ymd(2018, 5, 21));
        assert_eq!(parse_date("2018-05-21 14:00"), ymd(2018, 5, 21));
        assert_eq!(parse_date("2018-05-21T14:00:00Z"), ymd(2018, 5, 21));
        assert_eq!(parse_date("4/5/2017"), ymd(2017, 4, 5));
        assert_eq!(parse_date("21/5/2018"), ymd(2018, 5, 21));
        assert_eq!(parse_date("2018/05/21"), ymd(2018, 5, 21));
        assert_eq!(
            parse_date("Mon, 21 May 2018 10:00:00 GMT"),
            ymd(2018, 5, 21)
        );
        assert_eq!(parse_date("Wed 05 Apr 2017"), ymd(2017, 4, 5));
        assert_eq!(parse_date("May 21, 2018"), ymd(2018, 5, 21));
        // ACLED's own exports and spreadsheets
        assert_eq!(parse_date("9-May-20"), ymd(2020, 5, 9));
        assert_eq!(parse_date("09-May-2020"), ymd(2020, 5, 9));
        assert_eq!(parse_date("9-September-2020"), ymd(2020, 9, 9));
        assert_eq!(parse_date("21-05-2018"), ymd(2018, 5, 21));
        assert_eq!(parse_date("31-Feb-20"), None);
        assert_eq!(parse_date("9-May"), None);
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date("2018-13-01"), None);
        assert_eq!(parse_date("2018-05-21abc"), None);
    }

    #[test]
    fn name_dates() {
        assert_eq!(
            date_in_name("national-2018-05-21-isis-second-group.txt"),
            ymd(2018, 5, 21)
        );
        assert_eq!(date_in_name("report-12018-05-21.txt"), None);
        assert_eq!(date_in_name("2019-02-30-x.txt"), None);
        assert_eq!(date_in_name("notes.txt"), None);
    }
}

/// How far into an article's text its byline may be ("Published 15 November 2024, 13:10").
const BYLINE_BYTES: usize = 600;

/// A byline's publication date near the top of an article's text: a line that opens with
/// "Published", "Updated", "Posted" or "First published" (a colon or "on" after it), then a
/// date ("Published: 15 November 2024", "Published 15 November 2024, 13:10 MSK"). Pages and
/// pastes that carry no date field often carry this.
pub fn byline_date(text: &str) -> Option<NaiveDate> {
    let head = &text[..text.floor_char_boundary(BYLINE_BYTES.min(text.len()))];
    // (a byline's parts are set apart: "Moscow Morning Post | Published 15 November 2024")
    head.lines()
        .take(8)
        .flat_map(|line| line.split(['|', '\u{b7}', '\u{2022}']))
        .find_map(|part| {
            let part = part.trim();
            let lower = part.to_ascii_lowercase();
            let label = ["first published", "published", "posted", "updated"]
                .into_iter()
                .find(|l| lower.starts_with(l))?;
            let rest = part[label.len()..].trim_start_matches([':', ' ']);
            let rest = rest.strip_prefix("on ").unwrap_or(rest);
            parse_date(rest)
        })
}

#[cfg(test)]
mod byline_tests {
    use super::*;

    #[test]
    fn a_byline_near_the_top_dates_the_article() {
        let d = NaiveDate::from_ymd_opt(2024, 11, 15);
        for text in [
            "Published: 15 November 2024\n\nShelling hit the town.",
            "Moscow Morning Post | Published 15 November 2024, 13:10 MSK\nTwo people were killed.",
            "By a staff writer\nPosted on Nov 15, 2024\nTroops advanced.",
        ] {
            assert_eq!(byline_date(text), d, "{text}");
        }
        // a date in the story, or "published" in a sentence, is no byline
        assert_eq!(
            byline_date("The group published the names on 15 November 2024."),
            None
        );
        assert_eq!(byline_date("Troops advanced on 15 November 2024."), None);
    }

    #[test]
    fn a_basic_iso_date_reads() {
        assert_eq!(
            parse_date("20241117"),
            NaiveDate::from_ymd_opt(2024, 11, 17)
        );
        assert_eq!(parse_date("20241317"), None);
    }
}
