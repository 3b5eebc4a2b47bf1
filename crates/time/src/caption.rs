//! Photo captions glued into a report's text, the one reader both the dating (a caption's date
//! dates the picture, not the story) and the places (a caption's place is where the picture
//! was taken) ask: a line closed by its picture credit in brackets ("... after the attack.
//! (Photo AP)"), or a place-and-date line ("Residents inspect the market in Idlib Syria
//! September 10 2016." or followed by its credit: "... in Sochi Russia Thursday Oct. 27 2016
//! (Photo AP) A suicide bomber ...").

use crate::DateMention;
use sitrep_model::{DatePrecision, Span};

/// Words of a picture's credit in brackets ("(TRT World and Agencies)", "(Photo AP)",
/// "(AFP Photo)", "(Reuters/File)").
const CREDIT_WORDS: &[&str] = &[
    "agencies",
    "agency",
    "afp",
    "ap",
    "reuters",
    "photo",
    "photos",
    "picture",
    "pictures",
    "getty",
    "images",
    "epa",
    "anadolu",
    "file",
    "xinhua",
    "illustration",
];

/// Words of a line that reports rather than shows a picture ("have been killed", "said").
const REPORTING_WORDS: &[&str] = &[
    "has", "have", "had", "been", "is", "are", "were", "will", "would", "could", "did", "said",
    "says", "added", "told",
];

/// Words that put a written-out date inside a sentence rather than after a caption.
const BEFORE_DATE_IN_PROSE: &[&str] = &[
    "On", "Since", "Until", "From", "By", "Before", "After", "Around", "About", "As", "Circa",
];

/// Whether `inner` (the text inside brackets) is a picture's credit: a few capitalised words
/// with a credit word among them ("With AFP and Reuters" credits the story, not a picture).
pub fn is_credit(inner: &str) -> bool {
    let words: Vec<&str> = inner
        .split([' ', '/', ','])
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.len() <= 6
        && !["With", "Source", "Source:"].contains(&words[0])
        && inner.starts_with(|c: char| c.is_uppercase())
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()) || *w == "and" || *w == "via")
        && words
            .iter()
            .any(|w| CREDIT_WORDS.contains(&w.to_ascii_lowercase().as_str()))
}

/// Whether `rest` (what follows a sentence or a date) opens with a credit in brackets.
pub fn credit_follows(rest: &str) -> bool {
    rest.trim_start()
        .strip_prefix('(')
        .and_then(|r| r.get(..r.find(')')?))
        .is_some_and(is_credit)
}

/// Whether the date `d` closes a caption's place-and-date line: a full date with its year
/// right after a capitalised place name (not "On", "Since"...; not an all-capitals wire
/// dateline, "BEIRUT June 6 2015 (Reuters)", which is the report's own date), and then the
/// caption's end (a full stop or the end of the text) or its credit in brackets.
pub fn closes_caption(text: &str, d: &DateMention) -> bool {
    if d.relative || d.precision != DatePrecision::Day || d.date.is_none() {
        return false;
    }
    let (Some(told), Some(before)) = (text.get(d.span.start..d.span.end), text.get(..d.span.start))
    else {
        return false;
    };
    if !told
        .split(|c: char| !c.is_ascii_digit())
        .any(|n| n.len() == 4)
    {
        return false;
    }
    let Some(prev) = before.strip_suffix(' ').and_then(|b| b.rsplit(' ').next()) else {
        return false;
    };
    if !prev.starts_with(|c: char| c.is_uppercase())
        || !prev.chars().all(char::is_alphabetic)
        || BEFORE_DATE_IN_PROSE.contains(&prev)
        || prev.chars().all(|c| c.is_uppercase())
    {
        return false;
    }
    let after = text[d.span.end..].trim_start_matches(' ');
    after.is_empty() || after.starts_with('.') || credit_follows(after)
}

/// Where a photo caption ends in `sentence`, if the sentence is or opens with one: the
/// sentence's end when a credit in brackets closes it (and it does not report: "Dozens have
/// been killed ... (AFP)" is a standfirst), else the end of the last date in it that closes a
/// caption's date line ([`closes_caption`]). `dates` are the dates found in the sentence.
pub fn caption_end(text: &str, sentence: Span, dates: &[DateMention]) -> Option<usize> {
    let line = &text[sentence.start..sentence.end];
    let body = line.trim_end_matches(['.', ' ']);
    let reports = || {
        line.split(' ').any(|w| {
            REPORTING_WORDS.contains(&w.trim_end_matches(['.', ',']).to_ascii_lowercase().as_str())
        })
    };
    if (credit_follows(&text[sentence.end..])
        || body
            .strip_suffix(')')
            .and_then(|b| b.rfind('(').map(|k| &b[k + 1..]))
            .is_some_and(is_credit))
        && !reports()
    {
        return Some(sentence.end);
    }
    dates
        .iter()
        .filter(|d| sentence.start <= d.span.start && d.span.end <= sentence.end)
        .filter(|d| closes_caption(text, d))
        .map(|d| d.span.end)
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::find_dates;
    use chrono::NaiveDate;

    /// The caption's end in the text's first sentence (up to its first full stop and space).
    fn end_of(text: &str) -> Option<usize> {
        let s = Span::new(0, text.find(". ").map_or(text.len(), |k| k + 1));
        let published = NaiveDate::from_ymd_opt(2016, 9, 12);
        caption_end(text, s, &find_dates(text, s, published))
    }

    #[test]
    fn a_place_and_date_line_closes_a_caption() {
        let text = "Men clear rubble in Maarat Syria September 10 2016. Jets struck again.";
        assert_eq!(end_of(text), Some(text.find(". ").unwrap()));
        let credited = "Boys play in Binnish Syria Sept 9 2016 (Photo AP) Jets struck a school.";
        assert_eq!(end_of(credited), Some(credited.find(" (Photo").unwrap()));
    }

    #[test]
    fn a_credit_in_brackets_closes_a_caption_that_does_not_report() {
        let text = "Smoke rises over the old city. (Reuters/File) Shelling went on.";
        assert!(end_of(text).is_some());
        let standfirst = "Dozens have been killed in the old city. (AFP) Shelling went on.";
        assert_eq!(end_of(standfirst), None);
        assert!(!is_credit("With AFP and Reuters"));
    }

    #[test]
    fn a_date_in_prose_or_a_wire_dateline_is_no_caption() {
        assert_eq!(
            end_of("Rebels took the hill On September 10 2016. More."),
            None
        );
        assert_eq!(
            end_of("BEIRUT September 10 2016 (Reuters) Jets struck."),
            None
        );
        assert_eq!(
            end_of("Jets struck Idlib September 10 2016 killing nine."),
            None
        );
    }
}
