//! Number mentions: digits, number words, vague quantities, qualifiers and ranges.

use sitrep_model::Span;

use crate::lexicon::{lexicon, ContextPosition, NumberWordKind, QualifierKind};

/// A quantity written in the text ("more than 250", "dozens", "10 to 15", "two hundred").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberMention {
    /// Article-relative bytes, from the qualifier ("more than", "between") to the last number word.
    pub span: Span,
    /// The number; the low end of a range; the ACLED code of a vague word ("dozens" = 12).
    pub value: u64,
    /// "more than", "over", "at least", "100+", "or more".
    pub lower_bound: bool,
    /// "up to", "fewer than", "at most".
    pub upper_bound: bool,
    /// "about", "nearly", "some", "an estimated".
    pub approximate: bool,
    /// A vague quantity word ("dozens", "several", "many"); `value` is its conventional code.
    pub vague: bool,
    /// The high end of a range ("10 to 15", "10-15", "between 10 and 15", "two or three").
    pub range_max: Option<u64>,
    /// Which reading fired: `digits`, `words`, `vague` (plus `+range` when a range was read).
    pub rule: &'static str,
}

type Tokens<'a> = crate::words::LowerWords<'a>;

/// A quantity read at a token.
#[derive(Debug, Clone, Copy)]
struct Quantity {
    value: u64,
    /// One past the last token.
    end: usize,
    vague: bool,
    range_max: Option<u64>,
    digits: bool,
    year_like: bool,
    rule: &'static str,
}

enum Reading {
    /// Not a number at all.
    NotNumber,
    /// A number that is not a count (a date, a calibre, an ordinal, ...).
    Excluded { end: usize },
    /// A quantity.
    Quantity(Quantity),
}

fn word_value(w: &str) -> Option<(u64, NumberWordKind)> {
    lexicon().number_words.get(w).copied()
}

/// Digits with optional thousands separators and a decimal part, rounded.
fn parse_digits(s: &str) -> Option<f64> {
    if s.is_empty() || !s.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    let mut int = 0f64;
    let mut frac = 0f64;
    let mut scale = 0.1;
    let mut in_frac = false;
    for b in s.bytes() {
        match b {
            b'0'..=b'9' if in_frac => {
                frac += (b - b'0') as f64 * scale;
                scale /= 10.0;
            }
            b'0'..=b'9' => int = int * 10.0 + (b - b'0') as f64,
            b',' if !in_frac => {}
            b'.' if !in_frac => in_frac = true,
            _ => return None,
        }
    }
    Some(int + frac)
}

fn round(v: f64) -> u64 {
    v.round().max(0.0) as u64
}

/// Reads a digit-led token and any scale word after it ("1.5 million").
fn read_digits(t: &Tokens, i: usize) -> Reading {
    let raw = t.raw(i);
    if raw.contains(':') {
        return Reading::Excluded { end: i + 1 };
    }
    let parts: Vec<&str> = raw.split('-').collect();
    if parts.len() > 1 {
        let nums: Vec<Option<f64>> = parts.iter().map(|p| parse_digits(p)).collect();
        if parts.len() == 2 && nums.iter().all(Option::is_some) {
            let (a, b) = (round(nums[0].unwrap_or(0.0)), round(nums[1].unwrap_or(0.0)));
            if b > a && !(a >= 1800 && b >= 1800) {
                return Reading::Quantity(Quantity {
                    value: a,
                    end: i + 1,
                    vague: false,
                    range_max: Some(b),
                    digits: true,
                    year_like: false,
                    rule: "digits+range",
                });
            }
        }
        // "2020-05-09", "25-year-old", "120-mm", "3-day".
        return Reading::Excluded { end: i + 1 };
    }
    let Some(v) = parse_digits(raw) else {
        // A suffix: "3rd", "1990s", "120mm", "1pm", "12noon".
        return Reading::Excluded { end: i + 1 };
    };
    let year_like = raw.len() == 4 && (1800.0..=2100.0).contains(&v);
    let mut value = v;
    let mut end = i + 1;
    // "1.5 million", "3 thousand", "two dozen" style multipliers.
    while let Some((m, NumberWordKind::Scale | NumberWordKind::Group)) = word_value(t.lower(end)) {
        value *= m as f64;
        end += 1;
    }
    Reading::Quantity(Quantity {
        value: round(value),
        end,
        vague: false,
        range_max: None,
        digits: true,
        year_like: year_like && end == i + 1,
        rule: "digits",
    })
}

/// Splits a hyphenated token into its number-word parts, when every part is one.
fn hyphen_parts(w: &str) -> Option<(u64, NumberWordKind)> {
    if !w.contains('-') {
        return word_value(w);
    }
    let mut total = 0;
    for p in w.split('-') {
        match word_value(p) {
            Some((v, NumberWordKind::Unit | NumberWordKind::Tens)) => total += v,
            _ => return None,
        }
    }
    Some((total, NumberWordKind::Unit))
}

/// Reads number words from token `i` ("one thousand five hundred", "twenty-three",
/// "a dozen", "tens of thousands", "several hundred").
fn read_words(t: &Tokens, i: usize) -> Reading {
    let lo = t.lower(i);
    // "a hundred", "a dozen", "a couple", "a few".
    if lo == "a" || lo == "an" {
        return match word_value(t.lower(i + 1)) {
            Some((_, NumberWordKind::Scale | NumberWordKind::Group)) => compound(t, i + 1, 1, i),
            Some((3, NumberWordKind::Vague)) if t.lower(i + 1) == "few" => vague_from(t, i + 1, 3),
            _ => Reading::NotNumber,
        };
    }
    match hyphen_parts(lo) {
        Some((v, NumberWordKind::Vague)) => {
            // "some 200" / "several 100": a qualifier, read at the number.
            if lo == "few" || parse_digits(t.raw(i + 1)).is_some() {
                return Reading::NotNumber;
            }
            // "how many died", "so many", "too many": a question or a degree, not a count.
            if i > 0 && matches!(t.lower(i - 1), "how" | "so" | "too") {
                return Reading::NotNumber;
            }
            if matches!(
                word_value(t.lower(i + 1)),
                Some((_, NumberWordKind::Unit | NumberWordKind::Tens))
            ) {
                return Reading::NotNumber;
            }
            vague_from(t, i, v)
        }
        Some(_) => compound(t, i, 0, i),
        None => {
            // "three-day", "two-storey": a modifier, not a count.
            if let Some(first) = lo.split('-').next() {
                if lo.contains('-')
                    && matches!(
                        word_value(first),
                        Some((_, NumberWordKind::Unit | NumberWordKind::Tens))
                    )
                {
                    return Reading::Excluded { end: i + 1 };
                }
            }
            Reading::NotNumber
        }
    }
}

/// A vague word and what multiplies it: "tens of thousands", "several hundred", "dozens".
fn vague_from(t: &Tokens, i: usize, v: u64) -> Reading {
    let mut value = v;
    let mut end = i + 1;
    // "several hundred", "a few thousand", "many thousands", "tens of thousands".
    let mut j = end;
    if t.lower(j) == "of" {
        j += 1;
    }
    if let Some((m, NumberWordKind::Scale | NumberWordKind::Group | NumberWordKind::Vague)) =
        word_value(t.lower(j))
    {
        let quantifier = matches!(t.lower(i), "several" | "few" | "many" | "some" | "numerous");
        let next_is_plural_scale =
            matches!(t.lower(j), "hundreds" | "thousands" | "millions" | "dozens");
        if quantifier && (j == end) && m >= 12 {
            value = m;
            end = j + 1;
        } else if !quantifier && next_is_plural_scale && j > end {
            value = v * m;
            end = j + 1;
        }
    }
    Reading::Quantity(Quantity {
        value,
        end,
        vague: true,
        range_max: None,
        digits: false,
        year_like: false,
        rule: "vague",
    })
}

/// Compound number words from token `i`; `current` starts at 1 after "a"/"an".
fn compound(t: &Tokens, i: usize, start_current: u64, first: usize) -> Reading {
    let mut total = 0u64;
    let mut current = start_current;
    let mut j = i;
    let mut seen_scale = false;
    let mut last_was_number = false;
    loop {
        let lo = t.lower(j);
        if lo == "and" && seen_scale && last_was_number {
            if matches!(
                hyphen_parts(t.lower(j + 1)),
                Some((_, NumberWordKind::Unit | NumberWordKind::Tens))
            ) {
                j += 1;
                last_was_number = false;
                continue;
            }
            break;
        }
        match hyphen_parts(lo) {
            Some((v, NumberWordKind::Unit | NumberWordKind::Tens)) => {
                if last_was_number
                    && current % 100 != 0
                    && current != 0
                    && !(current >= 20 && v < 10 && current % 10 == 0)
                {
                    break; // "five six" is two numbers
                }
                current += v;
            }
            Some((v, NumberWordKind::Scale)) => {
                if current == 0 {
                    current = 1;
                }
                if v >= 1000 {
                    total += current * v;
                    current = 0;
                } else {
                    current *= v;
                }
                seen_scale = true;
            }
            Some((v, NumberWordKind::Group)) => {
                if current == 0 {
                    current = 1;
                }
                current *= v;
                j += 1;
                break;
            }
            _ => break,
        }
        last_was_number = true;
        j += 1;
    }
    if j == i {
        return Reading::NotNumber;
    }
    let value = total + current;
    // "one of", "no one", "the one", "one another": not a count.
    if value == 1 && j == i + 1 && t.lower(i) == "one" {
        let prev = if first > 0 { t.lower(first - 1) } else { "" };
        if matches!(t.lower(j), "of" | "another" | "by")
            || matches!(
                prev,
                "no" | "the" | "this" | "that" | "any" | "every" | "each" | "which" | "only"
            )
        {
            return Reading::Excluded { end: j };
        }
    }
    // "a couple of": eat the "of" too? No: the noun follows it; keep the span on the number.
    Reading::Quantity(Quantity {
        value,
        end: j,
        vague: false,
        range_max: None,
        digits: false,
        year_like: false,
        rule: "words",
    })
}

/// Fraction words and the part of a whole each names ("half", "quarter").
const FRACTIONS: &[(&str, u64)] = &[
    ("half", 2),
    ("quarter", 4),
    ("quarters", 4),
    ("third", 3),
    ("thirds", 3),
];

/// A fraction of a large scale word: "a quarter of a million" (250,000), "half a million",
/// "three quarters of a million", "a third of a million". Without this the scale alone was
/// read ("a million").
fn fraction_of_scale(t: &Tokens, i: usize) -> Reading {
    let lo = t.lower(i);
    // the count of parts: "a" / "an" / a unit word ("three quarters"), or none ("half a million")
    let (parts, at) = match lo {
        "a" | "an" => (1, i + 1),
        _ => match word_value(lo) {
            Some((v, NumberWordKind::Unit)) => (v, i + 1),
            _ => (1, i),
        },
    };
    let Some(&(_, whole)) = FRACTIONS.iter().find(|(w, _)| *w == t.lower(at)) else {
        return Reading::NotNumber;
    };
    let mut j = at + 1;
    if t.lower(j) == "of" {
        j += 1;
    }
    if !matches!(t.lower(j), "a" | "an") {
        return Reading::NotNumber;
    }
    match word_value(t.lower(j + 1)) {
        Some((scale, NumberWordKind::Scale)) if scale >= 1000 && parts < whole => {
            Reading::Quantity(Quantity {
                value: scale * parts / whole,
                end: j + 2,
                vague: false,
                range_max: None,
                digits: false,
                year_like: false,
                rule: "fraction",
            })
        }
        _ => Reading::NotNumber,
    }
}

fn read(t: &Tokens, i: usize) -> Reading {
    let raw = t.raw(i);
    if raw.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
        if let fraction @ Reading::Quantity(_) = fraction_of_scale(t, i) {
            return fraction;
        }
    }
    if raw.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        read_digits(t, i)
    } else if raw.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
        let lo = t.lower(i);
        let head = lo.split('-').next().unwrap_or(lo);
        if lo == "a" || lo == "an" || lexicon().might_be_number_word(head) {
            read_words(t, i)
        } else {
            Reading::NotNumber
        }
    } else {
        Reading::NotNumber
    }
}

fn is_capitalised(s: &str) -> bool {
    s.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
}

/// Whether the context around tokens `[s, e)` shows the quantity is not a count.
fn excluded_by_context(t: &Tokens, s: usize, e: usize, q: &Quantity) -> bool {
    let lex = lexicon();
    let small = q.value <= 31 && q.digits;
    if s > 0 {
        if let Some(c) = lex.number_context.get(t.lower(s - 1)) {
            if c.position != ContextPosition::After
                && (c.category != "date" || (small && is_capitalised(t.raw(s - 1))))
                && q.digits
            {
                return true;
            }
        }
    }
    if e < t.len() {
        let next = t.lower(e);
        if let Some(c) = lex.number_context.get(next) {
            if c.position != ContextPosition::Before
                && (c.category != "date" || (small && is_capitalised(t.raw(e))))
            {
                return true;
            }
        }
        // "9 a.m.", "1 p.m."
        if (next == "a" || next == "p") && t.text()[t.span(e).end..].starts_with(".m") {
            return true;
        }
        // "25 years old"
        if matches!(next, "years" | "year") && t.lower(e + 1) == "old" {
            return true;
        }
        // "the 9th of May" is an ordinal already; "9 of May" is rare. "one of" handled.
    }
    // Money, hashtags, fractions and dates with slashes; percentages.
    if matches!(t.char_before(s), Some('$' | '£' | '€' | '#' | '/' | '№')) {
        return true;
    }
    if matches!(t.char_after(e - 1), Some('%' | '/')) {
        return true;
    }
    false
}

/// The qualifier phrase ending just before token `s`: (first token, kind or `None` for "between").
fn qualifier_before(t: &Tokens, s: usize) -> Option<(usize, Option<QualifierKind>)> {
    let lex = lexicon();
    let mut phrase = String::with_capacity(24);
    for len in (1..=lex.longest_qualifier.min(s)).rev() {
        phrase.clear();
        for k in s - len..s {
            if k > s - len {
                phrase.push(' ');
            }
            phrase.push_str(t.lower(k));
        }
        if let Some(kind) = lex.qualifiers.get(phrase.as_str()) {
            return Some((s - len, Some(*kind)));
        }
    }
    if s > 0 && (t.lower(s - 1) == "between" || t.lower(s - 1) == "from") {
        return Some((s - 1, None));
    }
    None
}

/// Number mentions inside `within` (article-relative spans).
///
/// Reads digits ("1,500", "6", "2.5" rounded), number words ("twenty-three",
/// "one thousand five hundred", "a dozen", "a couple"), vague words as ACLED codes them
/// ("dozens" = 12, "hundreds" = 100, "tens of thousands" = 10000, "several" = 3,
/// "many"/"some" = 10, all `vague`), qualifiers (`data/text/qualifiers.tsv`), and ranges.
/// Leaves out what is not a count: years, dates, clock times, calibres and measures,
/// unit and road labels, ordinals, percentages, money, ages, "one of", "No. 3"
/// (`data/text/number_context.tsv`).
///
/// ```
/// use sitrep_model::Span;
/// let text = "Between 10 and 15 people died in 2018 when 82mm shells hit Brigade 115 on 9 May.";
/// let n = sitrep_text::find_numbers(text, Span::new(0, text.len()));
/// assert_eq!(n.len(), 1);
/// assert_eq!((n[0].value, n[0].range_max), (10, Some(15)));
/// assert_eq!(n[0].span.of(text), "Between 10 and 15");
/// ```
pub fn find_numbers(text: &str, within: Span) -> Vec<NumberMention> {
    let t = Tokens::new(text, within);
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let q = match read(&t, i) {
            Reading::NotNumber => {
                i += 1;
                continue;
            }
            Reading::Excluded { end } => {
                i = end.max(i + 1);
                continue;
            }
            Reading::Quantity(q) => q,
        };
        let mut q = q;
        let qualifier = qualifier_before(&t, i);
        let between = matches!(qualifier, Some((_, None)));
        // A range: "10 to 15", "two or three", "between 10 and 15", "10 – 15".
        if q.range_max.is_none() && !q.vague && q.end < t.len() {
            let joiner = t.lower(q.end);
            let gap = t.gap_after(q.end - 1).trim();
            let (next_at, ok) = if matches!(gap, "-" | "–" | "—") {
                (q.end, true)
            } else if (joiner == "to" || joiner == "or" || (joiner == "and" && between))
                && t.gap_after(q.end - 1).trim().is_empty()
            {
                (q.end + 1, true)
            } else {
                (q.end, false)
            };
            if ok {
                if let Reading::Quantity(hi) = read(&t, next_at) {
                    if !hi.vague
                        && hi.range_max.is_none()
                        && hi.value > q.value
                        && hi.digits == q.digits
                    {
                        q.range_max = Some(hi.value);
                        q.end = hi.end;
                        q.year_like = false;
                        q.rule = if q.digits {
                            "digits+range"
                        } else {
                            "words+range"
                        };
                    }
                }
            }
        }
        let (qual_start, kind) = match qualifier {
            Some((k, kind)) if !(kind.is_none() && q.range_max.is_none()) => (k, kind),
            _ => (i, None),
        };
        if (q.year_like && kind.is_none()) || excluded_by_context(&t, i, q.end, &q) {
            i = q.end.max(i + 1);
            continue;
        }
        let mut m = NumberMention {
            span: Span::new(t.span(qual_start).start, t.span(q.end - 1).end),
            value: q.value,
            lower_bound: kind == Some(QualifierKind::Lower),
            upper_bound: kind == Some(QualifierKind::Upper),
            approximate: kind == Some(QualifierKind::Approx),
            vague: q.vague,
            range_max: q.range_max,
            rule: q.rule,
        };
        let mut end = q.end;
        // "100+", "100 or more", "100 plus".
        if t.char_after(q.end - 1) == Some('+') && m.span.end < within.end {
            m.lower_bound = true;
            m.span.end += 1;
        } else if t.lower(end) == "or" && t.lower(end + 1) == "more" {
            m.lower_bound = true;
            m.span.end = t.span(end + 1).end;
            end += 2;
        } else if t.lower(end) == "plus" {
            m.lower_bound = true;
            m.span.end = t.span(end).end;
            end += 1;
        }
        out.push(m);
        i = end.max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (span text, value, flags, range_max) of a mention.
    type Row<'a> = (&'a str, u64, &'static str, Option<u64>);

    fn read_all(text: &str) -> Vec<(String, u64, &'static str, Option<u64>)> {
        find_numbers(text, Span::new(0, text.len()))
            .into_iter()
            .map(|m| {
                let flags = match (m.lower_bound, m.upper_bound, m.approximate, m.vague) {
                    (true, _, _, _) => "lower",
                    (_, true, _, _) => "upper",
                    (_, _, true, true) => "approx+vague",
                    (_, _, true, _) => "approx",
                    (_, _, _, true) => "vague",
                    _ => "",
                };
                (m.span.of(text).to_string(), m.value, flags, m.range_max)
            })
            .collect()
    }

    fn values(text: &str) -> Vec<u64> {
        find_numbers(text, Span::new(0, text.len()))
            .iter()
            .map(|m| m.value)
            .collect()
    }

    #[test]
    fn counts_are_read() {
        let cases: &[(&str, &[Row])] = &[
            ("6 people died", &[("6", 6, "", None)]),
            ("1,500 people fled", &[("1,500", 1500, "", None)]),
            (
                "2.6 million refugees",
                &[("2.6 million", 2_600_000, "", None)],
            ),
            ("six buses left", &[("six", 6, "", None)]),
            ("twenty-three fighters", &[("twenty-three", 23, "", None)]),
            ("two hundred houses", &[("two hundred", 200, "", None)]),
            ("a hundred men", &[("a hundred", 100, "", None)]),
            (
                "one thousand five hundred families",
                &[("one thousand five hundred", 1500, "", None)],
            ),
            (
                "two hundred and fifty troops",
                &[("two hundred and fifty", 250, "", None)],
            ),
            ("a dozen villages", &[("a dozen", 12, "", None)]),
            (
                "more than a quarter of a million people",
                &[("more than a quarter of a million", 250_000, "lower", None)],
            ),
            (
                "half a million refugees",
                &[("half a million", 500_000, "", None)],
            ),
            (
                "three quarters of a million people",
                &[("three quarters of a million", 750_000, "", None)],
            ),
            ("two dozen rockets", &[("two dozen", 24, "", None)]),
            ("a couple of shells", &[("a couple", 2, "", None)]),
            ("dozens of civilians", &[("dozens", 12, "vague", None)]),
            (
                "tens of thousands fled",
                &[("tens of thousands", 10_000, "vague", None)],
            ),
            (
                "hundreds of thousands",
                &[("hundreds of thousands", 100_000, "vague", None)],
            ),
            ("thousands marched", &[("thousands", 1000, "vague", None)]),
            (
                "several hundred fighters",
                &[("several hundred", 100, "vague", None)],
            ),
            ("several soldiers", &[("several", 3, "vague", None)]),
            ("a few rockets", &[("a few", 3, "vague", None)]),
            ("many died", &[("many", 10, "vague", None)]),
            ("it was not clear how many died", &[]),
            ("so many were hurt", &[]),
            (
                "more than 250 fighters",
                &[("more than 250", 250, "lower", None)],
            ),
            ("over 40 killed", &[("over 40", 40, "lower", None)]),
            ("at least 12 dead", &[("at least 12", 12, "lower", None)]),
            (
                "in excess of 300",
                &[("in excess of 300", 300, "lower", None)],
            ),
            ("100+ dead", &[("100+", 100, "lower", None)]),
            ("20 or more wounded", &[("20 or more", 20, "lower", None)]),
            ("up to 30 people", &[("up to 30", 30, "upper", None)]),
            ("fewer than five", &[("fewer than five", 5, "upper", None)]),
            (
                "about 1,500 people",
                &[("about 1,500", 1500, "approx", None)],
            ),
            ("nearly 70 houses", &[("nearly 70", 70, "approx", None)]),
            ("some 200 fighters", &[("some 200", 200, "approx", None)]),
            (
                "an estimated 5,000 people",
                &[("an estimated 5,000", 5000, "approx", None)],
            ),
            ("10 to 15 killed", &[("10 to 15", 10, "", Some(15))]),
            ("10-15 killed", &[("10-15", 10, "", Some(15))]),
            ("10 – 15 killed", &[("10 – 15", 10, "", Some(15))]),
            (
                "between 10 and 15 killed",
                &[("between 10 and 15", 10, "", Some(15))],
            ),
            ("two or three shells", &[("two or three", 2, "", Some(3))]),
            (
                "about 2,000 to 3,000 troops",
                &[("about 2,000 to 3,000", 2000, "approx", Some(3000))],
            ),
            ("2.5 tonnes", &[]),
            (
                "It killed 3 and wounded 5.",
                &[("3", 3, "", None), ("5", 5, "", None)],
            ),
            (
                "killed more than 2000 people",
                &[("more than 2000", 2000, "lower", None)],
            ),
        ];
        for (text, want) in cases {
            let got = read_all(text);
            let want: Vec<_> = want
                .iter()
                .map(|(s, v, f, r)| (s.to_string(), *v, *f, *r))
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn non_counts_are_left_out() {
        let cases: &[&str] = &[
            "in 2018 and the 1990s",
            "on 9 May and May 9, and April 29, 2018",
            "at 12noon, 1pm, 10:30 and 9 a.m. and 5 o'clock and 1 pm",
            "120mm and 12.7mm rounds and 82mm mortars, 155 mm guns, a 120-mm shell",
            "Brigade 115 and the 1st Naval Infantry and Division 25 and No. 3 and Route 5",
            "the second attack and the 3rd day",
            "prices rose 5% or 7 percent or 4 per cent",
            "$5 and £300 and 40 dollars",
            "a 25-year-old man aged 30, 40 years old",
            "one of the fighters, no one left, the one",
            "a three-day truce on 2020-05-09 or 9-May-20",
            "9/11 and 3/4 of",
            "20 km south",
            "F-16 jets, Su-24, T-72 and COVID-19",
            "Security Council Resolution 2254",
            "few people",
            "No. 3 Squadron and number 7",
        ];
        for text in cases {
            assert_eq!(values(text), Vec::<u64>::new(), "{text:?}");
        }
    }

    #[test]
    fn may_the_verb_is_not_a_month() {
        assert_eq!(values("five may have died"), vec![5]);
        assert_eq!(values("five died on 5 May"), vec![5]);
    }

    #[test]
    fn within_limits_and_offsets() {
        let text = "Ignore 5 here. Keep 7 there.";
        let n = find_numbers(text, Span::new(15, text.len()));
        assert_eq!(n.len(), 1);
        assert_eq!(n[0].span, Span::new(20, 21));
        assert_eq!(n[0].rule, "digits");
    }
}
