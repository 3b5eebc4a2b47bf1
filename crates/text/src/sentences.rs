//! Sentence boundaries by one byte scan, with an abbreviation table and a few layout rules.

use sitrep_model::Span;

use crate::lexicon::{lexicon, AbbreviationClass};

#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        Some((b as char, 1))
    } else {
        text[i..].chars().next().map(|c| (c, c.len_utf8()))
    }
}

#[inline]
fn char_before(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

#[inline]
fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

#[inline]
fn is_opening(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«')
}

#[inline]
fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Whether a sentence may start with `c` (after whitespace).
#[inline]
fn starts_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || is_opening(c) || matches!(c, '•' | '-' | '–' | '—')
}

/// The token before byte `i` (back to whitespace or an opening bracket/quote).
fn token_before(text: &str, i: usize) -> &str {
    let head = &text[..i];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || is_opening(c) || c == '/')
        .map(|(j, c)| j + c.len_utf8())
        .unwrap_or(0);
    &text[start..i]
}

/// The word starting at byte `i` (letters only).
fn word_at(text: &str, i: usize) -> &str {
    let tail = &text[i..];
    let end = tail
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map(|(j, _)| j)
        .unwrap_or(tail.len());
    &tail[..end]
}

/// How an abbreviation before a full stop affects the boundary.
enum Abbrev {
    None,
    Title,
    Any,
}

fn abbreviation(token: &str) -> Abbrev {
    if token.is_empty() {
        return Abbrev::None;
    }
    match lexicon().abbreviations.get(token) {
        Some(AbbreviationClass::Title) => return Abbrev::Title,
        Some(AbbreviationClass::Any) => return Abbrev::Any,
        None => {}
    }
    let mut chars = token.chars();
    let first = chars.next().unwrap_or(' ');
    // An initial: "J. Smith".
    if first.is_uppercase() && chars.next().is_none() {
        return Abbrev::Title;
    }
    // Dotted letters not in the table ("N.A.T.O", "S.D.F"): may end a sentence.
    if token.contains('.')
        && token.split('.').all(|part| {
            !part.is_empty() && part.chars().count() <= 2 && part.chars().all(char::is_alphabetic)
        })
    {
        return Abbrev::Any;
    }
    Abbrev::None
}

/// Whether the glued full stop at `dot` ("control.Second") sits in a URL, domain or e-mail address.
fn in_url(text: &str, dot: usize) -> bool {
    let bytes = text.as_bytes();
    let mut s = dot;
    while s > 0 && !bytes[s - 1].is_ascii_whitespace() {
        s -= 1;
    }
    let mut e = dot + 1;
    while e < bytes.len() && !bytes[e].is_ascii_whitespace() {
        e += 1;
    }
    let token = &text[s..e];
    if token.contains("://") || token.starts_with("www.") || token.contains('@') {
        return true;
    }
    // "Example.Com/news" or "Al.Jazeera.net": the word after the dot goes on with '.' or '/'.
    let after = word_at(text, dot + 1);
    let k = dot + 1 + after.len();
    matches!(bytes.get(k), Some(b'.') | Some(b'/'))
        && bytes.get(k + 1).is_some_and(|b| b.is_ascii_alphanumeric())
}

/// Sentences of `text` as byte spans, trimmed of surrounding whitespace.
///
/// A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets after it)
/// when a capital, digit or opening quote follows; at a blank line; and at a line break
/// after a headline-like line. Abbreviations come from `data/text/abbreviations.tsv`.
///
/// ```
/// let text = "Lt. Col. Ali arrived in the U.S. on Oct. 3. He left.On Sunday he spoke.";
/// let s: Vec<&str> = sitrep_text::split_sentences(text).iter().map(|s| s.of(text)).collect();
/// assert_eq!(s, ["Lt. Col. Ali arrived in the U.S. on Oct. 3.", "He left.", "On Sunday he spoke."]);
/// ```
pub fn split_sentences(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut out = Vec::with_capacity(n / 100 + 1);
    let mut start = 0usize;
    let mut line_start = 0usize;
    let mut i = 0usize;
    while i < n {
        let b = bytes[i];
        match b {
            b'\n' => {
                // Count line breaks up to the next non-blank character.
                let mut j = i;
                let mut breaks = 0;
                while j < n && bytes[j].is_ascii_whitespace() {
                    if bytes[j] == b'\n' {
                        breaks += 1;
                    }
                    j += 1;
                }
                let boundary = if breaks >= 2 || j >= n {
                    true
                } else {
                    // A line ending without punctuation (a headline, a caption) ends
                    // its sentence when the next line does not continue in lower case.
                    let line = text[line_start..i].trim_end();
                    let last = line.chars().next_back();
                    let next = char_at(text, j).map(|(c, _)| c).unwrap_or(' ');
                    !line.is_empty()
                        && !matches!(last, Some(',' | ';' | '-' | '–' | '—' | '('))
                        && !next.is_lowercase()
                };
                if boundary {
                    push_trimmed(text, start, i, &mut out);
                    start = j;
                }
                line_start = j;
                i = j;
                continue;
            }
            b'.' | b'!' | b'?' | 0xE2 => {
                let (c, len) = char_at(text, i).unwrap_or(('\0', 1));
                if !is_terminal(c) {
                    i += len;
                    continue;
                }
                // Runs of terminal punctuation, then closing quotes and brackets.
                let mut k = i + len;
                while let Some((c2, l2)) = char_at(text, k) {
                    if is_terminal(c2) || is_closing(c2) {
                        k += l2;
                    } else {
                        break;
                    }
                }
                let sentence_end = k;
                let mut m = k;
                while m < n && (bytes[m] == b' ' || bytes[m] == b'\t' || bytes[m] == b'\r') {
                    m += 1;
                }
                // Non-breaking spaces count as spaces too.
                while text[m..].starts_with('\u{a0}') {
                    m += 2;
                }
                if m >= n || bytes[m] == b'\n' {
                    // The newline branch or the end of text closes it; but a full stop
                    // before a line break ends the sentence unless an abbreviation of class
                    // Title precedes it.
                    if m < n
                        && c == '.'
                        && matches!(abbreviation(token_before(text, i)), Abbrev::Title)
                    {
                        i = m;
                        continue;
                    }
                    if m < n {
                        push_trimmed(text, start, sentence_end, &mut out);
                        start = sentence_end;
                    }
                    i = m;
                    continue;
                }
                let next = char_at(text, m).map(|(c, _)| c).unwrap_or(' ');
                let spaced = m > sentence_end;
                let boundary = if spaced {
                    starts_sentence(next)
                        && (c != '.'
                            || match abbreviation(token_before(text, i)) {
                                Abbrev::None => true,
                                Abbrev::Title => false,
                                Abbrev::Any => {
                                    lexicon().sentence_starters.contains(word_at(text, m))
                                }
                            })
                } else {
                    // Glued: "control.Second group", ".”The", "said.\"We".
                    let prev = char_before(text, i).unwrap_or(' ');
                    next.is_uppercase()
                        && (prev.is_lowercase()
                            || prev.is_ascii_digit()
                            || is_closing(prev)
                            || k > i + len)
                        && (c != '.'
                            || (matches!(abbreviation(token_before(text, i)), Abbrev::None)
                                && !in_url(text, i)))
                };
                if boundary {
                    push_trimmed(text, start, sentence_end, &mut out);
                    start = sentence_end;
                }
                i = m;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    push_trimmed(text, start, n, &mut out);
    out
}

/// The longest sentence taken whole, in bytes.
///
/// News sentences run to a few hundred bytes (the longest in the evaluation sets and in FA-KES
/// is about 1,100). A "sentence" longer than this is no sentence but a run-on: a page with no
/// full stops, a list of incidents joined by semicolons. The readers after the splitter look
/// at a sentence's mentions pairwise (each date against the cue words before it, each actor
/// against the actors after it), so a 100 KB "sentence" would take time quadratic in its
/// length. Such a run is cut into pieces of at most this many bytes, each at the last clause
/// break inside the limit: after a semicolon, else after a comma, else at a space, else (one
/// unbroken token) at a character boundary. Sentences up to the limit are untouched.
pub const MAX_SENTENCE_BYTES: usize = 4096;

fn push_trimmed(text: &str, mut start: usize, end: usize, out: &mut Vec<Span>) {
    while start < end {
        let s = &text[start..end];
        let trimmed_start = s.trim_start();
        let lead = s.len() - trimmed_start.len();
        let trimmed = trimmed_start.trim_end();
        if trimmed.is_empty() {
            return;
        }
        let from = start + lead;
        if trimmed.len() <= MAX_SENTENCE_BYTES {
            out.push(Span::new(from, from + trimmed.len()));
            return;
        }
        let cut = from + run_on_cut(trimmed);
        out.push(Span::new(from, cut));
        start = cut;
    }
}

/// Where to cut a run-on `sentence` longer than [`MAX_SENTENCE_BYTES`]: the end of its last
/// clause break within the limit (see [`MAX_SENTENCE_BYTES`]); always in `1..=limit`, on a
/// character boundary, and (but for one unbroken token) after a break, so the first piece
/// ends with no trailing space.
fn run_on_cut(sentence: &str) -> usize {
    let mut limit = MAX_SENTENCE_BYTES;
    while !sentence.is_char_boundary(limit) {
        limit -= 1;
    }
    let head = &sentence[..limit];
    // (not a break at the very start: each piece holds something)
    let after = |p: Option<usize>| p.map(|p| p + 1).filter(|&p| p > 1);
    after(head.rfind(';'))
        .or_else(|| after(head.rfind(',')))
        .or_else(|| head.rfind(char::is_whitespace).filter(|&p| p > 0))
        .unwrap_or(limit.max(sentence.chars().next().map_or(1, char::len_utf8)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text).iter().map(|s| s.of(text)).collect()
    }

    #[test]
    fn a_run_on_is_cut_at_clause_breaks_within_the_limit() {
        // 2,000 clauses joined by semicolons: one "sentence" of 100 KB.
        let clause = "Gunmen killed four people in a village on Tuesday; ";
        let text = clause.repeat(2000);
        let pieces = split_sentences(&text);
        assert!(pieces.len() > 1);
        let mut end = 0;
        for p in &pieces {
            assert!(p.len() <= MAX_SENTENCE_BYTES, "{p:?}");
            // nothing lost but the spaces between pieces
            assert!(text[end..p.start].trim().is_empty());
            end = p.end;
            let s = p.of(&text);
            assert!(s.starts_with("Gunmen") && s.ends_with(';'), "{s:?}");
        }
        assert_eq!(end, text.trim_end().len());
        // whole clauses only, as many as fit
        let per_piece = MAX_SENTENCE_BYTES / clause.len();
        assert_eq!(pieces[0].len(), per_piece * clause.len() - 1);
        // with no semicolon, at a comma; with no punctuation, at a space; with no space, on a
        // character boundary
        let text = "shelling, ".repeat(1000);
        assert!(split(&text).iter().all(|s| s.ends_with(',')));
        let text = "shelling and ".repeat(1000);
        assert!(split(&text).iter().all(|s| s.ends_with("and")));
        let text = "é".repeat(5000);
        let pieces = split(&text);
        assert_eq!(pieces.concat(), text);
        assert!(pieces.iter().all(|s| s.len() <= MAX_SENTENCE_BYTES));
    }

    #[test]
    fn a_long_sentence_within_the_limit_is_whole() {
        let text = format!("{} on Tuesday.", "Gunmen killed four people, ".repeat(100));
        assert!(text.len() < MAX_SENTENCE_BYTES);
        assert_eq!(split(&text), [text.as_str()]);
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two.", &["One.", "Two."]),
            (
                "The U.S. and the U.N. condemned it. Gen. Smith agreed.",
                &["The U.S. and the U.N. condemned it.", "Gen. Smith agreed."],
            ),
            (
                "Troops landed in the U.S. The next day they left.",
                &["Troops landed in the U.S.", "The next day they left."],
            ),
            (
                "Lt. Col. Hassan and Dr. Amal met at No. 3 on Oct. 3 at 9 a.m. They talked.",
                &[
                    "Lt. Col. Hassan and Dr. Amal met at No. 3 on Oct. 3 at 9 a.m.",
                    "They talked.",
                ],
            ),
            (
                "It fell 2.5 percent. Prices rose.",
                &["It fell 2.5 percent.", "Prices rose."],
            ),
            (
                "J. K. Rowling wrote. She slept.",
                &["J. K. Rowling wrote.", "She slept."],
            ),
            (
                "\"We will stay.\" The army left.",
                &["\"We will stay.\"", "The army left."],
            ),
            (
                "“They are heading east.” Others stayed.",
                &["“They are heading east.”", "Others stayed."],
            ),
            (
                "Where are they? Nobody knows! Then silence.",
                &["Where are they?", "Nobody knows!", "Then silence."],
            ),
            ("\"Why?\" he asked.", &["\"Why?\" he asked."]),
            (
                "Fighters left.On Sunday more left.",
                &["Fighters left.", "On Sunday more left."],
            ),
            (
                "under regime control.Second group of fighters",
                &["under regime control.", "Second group of fighters"],
            ),
            (
                "Read more at www.Example.Com/news today. Then stop.",
                &["Read more at www.Example.Com/news today.", "Then stop."],
            ),
            (
                "Visit Reuters.Com/world for more.",
                &["Visit Reuters.Com/world for more."],
            ),
            (
                "Second group leaves district, monitor says\n\nA source said a truce held.",
                &[
                    "Second group leaves district, monitor says",
                    "A source said a truce held.",
                ],
            ),
            (
                "Second group leaves district\nA source said a truce held.",
                &[
                    "Second group leaves district",
                    "A source said a truce held.",
                ],
            ),
            (
                "A source said that the truce\nheld until noon.",
                &["A source said that the truce\nheld until noon."],
            ),
            (
                "First line.\nSecond line.",
                &["First line.", "Second line."],
            ),
            ("  padded.   ", &["padded."]),
            ("", &[]),
            ("No final stop", &["No final stop"]),
            ("They fled... Many died.", &["They fled...", "Many died."]),
            (
                "Fighters (about 50.) Then more.",
                &["Fighters (about 50.)", "Then more."],
            ),
            ("Mr. Al-Assad spoke.", &["Mr. Al-Assad spoke."]),
            (
                "U.S.-backed forces advanced. The SDF said so.",
                &["U.S.-backed forces advanced.", "The SDF said so."],
            ),
            (
                "He said: \"We left.\" \"Nobody stayed,\" she added.",
                &["He said: \"We left.\"", "\"Nobody stayed,\" she added."],
            ),
            (
                "Six buses left at 5 a.m. on Sunday. More followed.",
                &["Six buses left at 5 a.m. on Sunday.", "More followed."],
            ),
            (
                "Headline without a stop\nBody text begins here. It goes on.",
                &[
                    "Headline without a stop",
                    "Body text begins here.",
                    "It goes on.",
                ],
            ),
            (
                "The N.A.T.O. summit ended. Leaders left.",
                &["The N.A.T.O. summit ended.", "Leaders left."],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(&split(text), want, "{text:?}");
        }
    }

    #[test]
    fn spans_cover_the_text_in_order() {
        let text = "A. B c. D e.\n\nF g? H";
        let spans = split_sentences(text);
        for w in spans.windows(2) {
            assert!(w[0].end <= w[1].start);
        }
        for s in spans {
            assert_eq!(s.of(text), s.of(text).trim());
        }
    }
}
