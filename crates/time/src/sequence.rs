//! Days counted from a day told before: "a day later", "the next day", "some 30 hours after the
//! convoy arrived". They date what a sentence tells from the day the story has reached, not
//! from the publication.

use sitrep_model::Span;

/// How a counted offset relates what the sentence tells to the day told before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OffsetKind {
    /// "A day later a blast hit the buses", "the next day": what the sentence tells is that
    /// many days after the day the story has reached.
    Later,
    /// "A day after the bombing", "30 hours after the buses arrived": what follows the phrase
    /// is the earlier thing; the rest of the sentence comes that many days after it.
    After,
}

/// A counted offset in days ("a day later", "two days after", "30 hours after").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayOffset {
    /// Article-relative bytes of the phrase ("a day later", "Some 30 hours after").
    pub span: Span,
    /// Whole days counted (hours are rounded down to days).
    pub days: i64,
    /// Counted in days ("a day later"), not in hours ("30 hours after": one day or two).
    pub exact: bool,
    /// Later or after.
    pub kind: OffsetKind,
    /// The phrase opens the sentence ("Some 30 hours after ..., a blast struck").
    pub fronted: bool,
}

type Tokens<'a> = sitrep_text::LowerWords<'a>;

/// Hours that make at least a day: "30 hours", "48 hours".
fn hour_count(s: &str) -> Option<i64> {
    let n: i64 = s.parse().ok()?;
    (24..=240).contains(&n).then_some(n)
}

/// A count of days: "a", "one", "two" ... "twelve", or digits up to 14 (never "several" or
/// "few": no counted offset).
fn day_count(s: &str) -> Option<i64> {
    if matches!(s, "several" | "few") {
        return None;
    }
    crate::dates::small_count(s).filter(|n| (1..=14).contains(n))
}

/// Words that may stand before a counted offset and belong to it ("just a day after").
fn hedge(w: &str) -> bool {
    matches!(
        w,
        "some" | "about" | "around" | "just" | "only" | "nearly" | "almost" | "barely" | "roughly"
    )
}

/// Counted offsets in `within` (a sentence): "a day later", "two days after", "some 30 hours
/// after", "the next day", "the following morning", "the day after". Not "over the next day"
/// or "in the following days" (a stretch ahead), nor "the day after tomorrow".
pub fn day_offsets(text: &str, within: Span) -> Vec<DayOffset> {
    let mut out = Vec::new();
    let told = &text[within.start..within.end];
    // Cheap test first: most sentences tell no such thing.
    if !["later", "after", "next", "following"]
        .iter()
        .any(|w| told.contains(w))
    {
        return out;
    }
    let t = Tokens::new(text, within);
    let mut i = 0;
    while i < t.len() {
        let found = counted(&t, i).or_else(|| next_day(&t, i));
        let Some((days, exact, kind, end)) = found else {
            i += 1;
            continue;
        };
        let mut start = i;
        while start > 0 && hedge(t.lower(start - 1)) {
            start -= 1;
        }
        // "A day later": no word before but a conjunction ("and a day later").
        let fronted = start == 0 || (start == 1 && matches!(t.lower(0), "and" | "but" | "then"));
        out.push(DayOffset {
            span: Span::new(t.span(start).start, t.span(end - 1).end),
            days,
            exact,
            kind,
            fronted,
        });
        i = end;
    }
    out
}

/// "a day later", "two days after", "30 hours later" at word `i`: (days, exact, kind, end).
fn counted(t: &Tokens, i: usize) -> Option<(i64, bool, OffsetKind, usize)> {
    let (days, exact) = match (t.lower(i + 1), day_count(t.lower(i))) {
        ("day", Some(1)) => (1, true),
        ("days", Some(n)) if n > 1 => (n, true),
        ("hours", _) => (hour_count(t.lower(i))? / 24, false),
        _ => return None,
    };
    let kind = match t.lower(i + 2) {
        "later" => OffsetKind::Later,
        "after" => OffsetKind::After,
        _ => return None,
    };
    Some((days, exact, kind, i + 3))
}

/// "the next day", "the following morning", "the day after" at word `i`.
fn next_day(t: &Tokens, i: usize) -> Option<(i64, bool, OffsetKind, usize)> {
    if t.lower(i) != "the" {
        return None;
    }
    // "over the next day", "in the following days": a stretch ahead.
    if i > 0 && matches!(t.lower(i - 1), "over" | "in" | "within" | "during" | "for") {
        return None;
    }
    match (t.lower(i + 1), t.lower(i + 2)) {
        ("next" | "following", "day" | "morning" | "evening" | "night") => {
            Some((1, true, OffsetKind::Later, i + 3))
        }
        ("day", "after") if t.lower(i + 3) != "tomorrow" => {
            Some((1, true, OffsetKind::After, i + 3))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offsets(text: &str) -> Vec<(String, i64, bool, OffsetKind, bool)> {
        day_offsets(text, Span::new(0, text.len()))
            .into_iter()
            .map(|o| {
                (
                    o.span.of(text).to_string(),
                    o.days,
                    o.exact,
                    o.kind,
                    o.fronted,
                )
            })
            .collect()
    }

    #[test]
    fn counted_offsets() {
        assert_eq!(
            offsets("Some 30 hours after the trucks reached the depot a bomb went off."),
            vec![(
                "Some 30 hours after".into(),
                1,
                false,
                OffsetKind::After,
                true
            )]
        );
        assert_eq!(
            offsets("Two days later the militia shelled the camp."),
            vec![("Two days later".into(), 2, true, OffsetKind::Later, true)]
        );
        assert_eq!(
            offsets("Police raided the office just a day after the march."),
            vec![("just a day after".into(), 1, true, OffsetKind::After, false)]
        );
        assert_eq!(
            offsets("The next day gunmen stormed the bank."),
            vec![("The next day".into(), 1, true, OffsetKind::Later, true)]
        );
    }

    #[test]
    fn no_offsets() {
        assert!(offsets("Hours later the convoy left.").is_empty());
        assert!(offsets("Several days later the convoy left.").is_empty());
        assert!(offsets("Talks may resume over the next day or two.").is_empty());
        assert!(offsets("A vote is set for the day after tomorrow.").is_empty());
        assert!(offsets("Two day truce agreed after talks.").is_empty());
    }
}
