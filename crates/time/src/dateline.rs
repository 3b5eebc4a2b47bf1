//! A report's dateline: its own date, written at the very start of its text.

use crate::dates::weekday_number;
use crate::{is_weekday_name, DateMention, DateRole};
use chrono::Datelike;
use sitrep_model::DatePrecision;

/// How far into a text its dateline may end ("Date of publication 21 May 2019").
const DATELINE_BYTES: usize = 48;

/// Labels that may stand before a dateline ("Published", "Posted on", "Date of publication",
/// "Last updated at"); a weekday ("Tue") may too.
const LABELS: &[&str] = &[
    "published",
    "posted",
    "date",
    "of",
    "publication",
    "last",
    "updated",
    "at",
];

/// Whether `d` is the text's dateline: a full date with its year at the very start of the
/// text, alone or after a weekday or a label ("Tue May 21 2019 Warplanes struck ...", "Date of
/// publication 21 May 2019 ..."). "On 21 May 2019, warplanes struck ..." is no dateline: that
/// date dates what follows.
pub fn is_dateline(text: &str, d: &DateMention) -> bool {
    if d.role != DateRole::Point
        || d.precision != DatePrecision::Day
        || d.date.is_none()
        || !text.is_char_boundary(d.span.start)
    {
        return false;
    }
    let has_year = d.rule == "month-dayyear"
        || text[d.span.start..d.span.end]
            .split(|c: char| !c.is_ascii_digit())
            .any(|n| n.len() == 4);
    // (a wire dateline's day takes its year from the publication: read as relative)
    if wire_dateline(text, d) {
        return true;
    }
    if d.relative {
        return false;
    }
    if d.span.end > DATELINE_BYTES.min(text.len()) {
        return has_year && after_headline(text, d);
    }
    let before = text[..d.span.start].to_ascii_lowercase();
    let words: Vec<&str> = before
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    // "Posted on", "Updated on": never a bare "On".
    let labelled =
        |k: usize, w: &str| LABELS.contains(&w) || is_weekday_name(w) || (w == "on" && k > 0);
    has_year && (words.iter().enumerate().all(|(k, w)| labelled(k, w)) || after_headline(text, d))
}

/// How far into a text a wire dateline's date may end ("EL FASHER, Sudan, Dec 3 (Wire) - ...").
const WIRE_DATELINE_BYTES: usize = 64;

/// The dashes that end a wire dateline ("KHERSON, Dec 9 (Wire) - Russian artillery ...").
const DATELINE_DASHES: &[&str] = &[" - ", " \u{2013} ", " \u{2014} ", " -- "];

/// A wire service's dateline, with or without the year: the city in capitals (and its country
/// or region), the day, the outlet in brackets, a dash: "EL FASHER, Sudan, Dec 3 (Wire Alpha) -
/// Shells struck the camp on Sunday", "Dec 22 (Mekong Wire) - ...". The day is the report's
/// own; "on Sunday" after it is the event's.
fn wire_dateline(text: &str, d: &DateMention) -> bool {
    if d.span.end > WIRE_DATELINE_BYTES.min(text.len()) || !text.is_char_boundary(d.span.end) {
        return false;
    }
    let before = text[..d.span.start].trim_start();
    let place_ok = before.is_empty()
        || before.strip_suffix(", ").is_some_and(|place| {
            let mut parts = place.split(", ");
            let city = parts.next().unwrap_or("");
            let letters = city.chars().filter(|c| c.is_alphabetic()).count();
            // (in capitals as wires write it, or capitalised as UN agencies and NGOs do:
            // "Bunia, 23 April 2024 - "; the dash after the date says it is a dateline)
            let capitalised = city.split(' ').count() <= 4
                && city.split([' ', '-']).all(|w| {
                    w.starts_with(|c: char| c.is_uppercase())
                        && w.chars()
                            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '.' | '\u{2019}'))
                });
            letters >= 3
                && (capitalised
                    || city.chars().all(|c| {
                        c.is_uppercase() || matches!(c, ' ' | '-' | '\'' | '.' | '\u{2019}')
                    }))
                && parts.all(|p| {
                    p.starts_with(|c: char| c.is_uppercase())
                        && p.chars()
                            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '.'))
                })
        });
    if !place_ok {
        return false;
    }
    let mut after = &text[d.span.end..];
    if let Some(rest) = after.strip_prefix(" (") {
        match rest.find(')') {
            Some(close) if close <= 48 => after = &rest[close + 1..],
            _ => return false,
        }
    }
    DATELINE_DASHES.iter().any(|dash| after.starts_with(dash))
}

/// How far into a text a dateline after a headline may end ("Some 20 civilians killed in aid
/// convoy attack AFP Tuesday 20 Sep 2016 The air raids ...").
const HEADLINE_DATELINE_BYTES: usize = 240;

/// Words that make a date after them part of a sentence, not a dateline ("On Tuesday 20 Sep
/// 2016 warplanes ...").
const BEFORE_IN_SENTENCE: &[&str] = &[
    "on", "since", "until", "from", "by", "before", "after", "of", "in", "at", "to", "and", "or",
    "between", "till",
];

/// A dateline set after a headline and the outlet's name: a full date led by its own weekday
/// (which must agree with the date), run on between two capitalised words with nothing but a
/// space on either side: "... convoy attack AFP Tuesday 20 Sep 2016 The air raids that hit ...".
fn after_headline(text: &str, d: &DateMention) -> bool {
    let Some(date) = d.date else {
        return false;
    };
    if d.span.end > HEADLINE_DATELINE_BYTES.min(text.len()) || !text.is_char_boundary(d.span.end) {
        return false;
    }
    let told = &text[d.span.start..d.span.end];
    let first = told
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let agrees = weekday_number(&first.to_ascii_lowercase())
        .is_some_and(|n| n == date.weekday().number_from_monday());
    if !agrees || !first.starts_with(|c: char| c.is_ascii_uppercase()) {
        return false;
    }
    let before = &text[..d.span.start];
    let after = &text[d.span.end..];
    let word_before = before.strip_suffix(' ').and_then(|b| b.rsplit(' ').next());
    let word_after = after.strip_prefix(' ').and_then(|a| a.split(' ').next());
    let capitalised = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    word_before.is_some_and(|w| {
        capitalised(w)
            && w.chars().all(char::is_alphanumeric)
            && !BEFORE_IN_SENTENCE.contains(&w.to_ascii_lowercase().as_str())
    }) && word_after.is_some_and(|w| capitalised(w) && w.chars().all(char::is_alphanumeric))
}

/// The text's dateline among the date mentions of its first sentence, if it has one.
pub fn dateline<'d>(text: &str, first_sentence: &'d [DateMention]) -> Option<&'d DateMention> {
    first_sentence.iter().find(|d| is_dateline(text, d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::find_dates;
    use chrono::NaiveDate;
    use sitrep_model::Span;

    fn first_dateline(text: &str) -> Option<NaiveDate> {
        let found = find_dates(
            text,
            Span::new(0, text.len()),
            NaiveDate::from_ymd_opt(2019, 5, 30),
        );
        dateline(text, &found).and_then(|d| d.date)
    }

    #[test]
    fn a_dateline_is_the_reports_own_date_at_its_start() {
        let may = |d| NaiveDate::from_ymd_opt(2019, 5, d);
        assert_eq!(
            first_dateline("Date of publication 22 May 2019 Warplanes struck a market on Monday."),
            may(22)
        );
        assert_eq!(
            first_dateline("Wed May 22 2019 Warplanes struck a market on Monday."),
            may(22)
        );
        assert_eq!(
            first_dateline("Posted on May 22 2019 by the desk. Warplanes struck a market."),
            may(22)
        );
        // A date that opens the story dates what follows; a date later on is no dateline.
        assert_eq!(
            first_dateline("On 20 May 2019, warplanes struck a market."),
            None
        );
        assert_eq!(
            first_dateline("Warplanes struck a market on 20 May 2019."),
            None
        );
        assert_eq!(
            first_dateline("Published on Monday, the report says little."),
            None
        );
        // The day run into the year.
        assert_eq!(
            first_dateline("Last updated at May 222019 BEIRUT Warplanes struck a market."),
            may(22)
        );
    }

    #[test]
    fn a_wire_dateline_is_the_reports_date_without_its_year() {
        let may = |d| NaiveDate::from_ymd_opt(2019, 5, d);
        for text in [
            "EL FASHER, Sudan, May 28 (Wire Alpha) - Shells struck the camp on Sunday.",
            "BAMAKO, May 28 (Sahel Wire) - Jihadists attacked a camp on Monday.",
            "May 28 (Mekong Wire) - The rebels said on Friday they had taken the town.",
            "PORT-AU-PRINCE, May 28 \u{2013} Gangs looted shops on Tuesday.",
        ] {
            assert_eq!(first_dateline(text), may(28), "{text}");
        }
        // a day the story tells, or a dateline in a sentence, is no wire dateline
        for text in [
            "On May 28 (a Tuesday) - the rebels attacked.",
            "Rebels attacked on May 28 (Tuesday) - the army said.",
            "Aid arrived in Bamako, May 28 - officials said.",
            "May 28 was a quiet day in the town.",
        ] {
            assert_eq!(first_dateline(text), None, "{text}");
        }
    }

    #[test]
    fn a_dateline_may_follow_a_headline_and_the_outlets_name() {
        let may = |d| NaiveDate::from_ymd_opt(2019, 5, d);
        assert_eq!(
            first_dateline(
                "Six killed as shells hit a market in the north of the province Wire Wednesday \
                 22 May 2019 Shells struck a market on Tuesday."
            ),
            may(22)
        );
        // A weekday that does not agree, a date inside a sentence: no dateline.
        assert_eq!(
            first_dateline(
                "Six killed as shells hit a market Wire Monday 22 May 2019 Shells struck."
            ),
            None
        );
        assert_eq!(
            first_dateline(
                "Shells hit a market in the town On Wednesday 22 May 2019 Shells struck."
            ),
            None
        );
        assert_eq!(
            first_dateline(
                "Shells hit a market in the town on Wednesday 22 May 2019, killing six."
            ),
            None
        );
    }
}
