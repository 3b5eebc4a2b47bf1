//! Word tokens: runs of letters and digits joined by apostrophes, hyphens, and (between digits) `,` `.` `:`.

use sitrep_model::Span;

/// Iterator over the word tokens of a span; see [`words`].
#[derive(Debug, Clone)]
pub struct Words<'a> {
    text: &'a str,
    pos: usize,
    end: usize,
}

/// Whether `c` is part of a word (letters and digits of any script).
#[inline]
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The char starting at byte `i`, with its length.
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        Some((b as char, 1))
    } else {
        text[i..].chars().next().map(|c| (c, c.len_utf8()))
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = (Span, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let text = self.text;
        let bytes = text.as_bytes();
        // Skip to the first word char (ASCII bytes decided without decoding).
        while self.pos < self.end {
            let b = bytes[self.pos];
            if b < 0x80 {
                if b.is_ascii_alphanumeric() {
                    break;
                }
                self.pos += 1;
                continue;
            }
            let (c, n) = char_at(text, self.pos)?;
            if is_word_char(c) {
                break;
            }
            self.pos += n;
        }
        if self.pos >= self.end {
            return None;
        }
        let start = self.pos;
        let mut i = start;
        let mut prev = '\0';
        while i < self.end {
            let b = bytes[i];
            if b.is_ascii_alphanumeric() {
                prev = b as char;
                i += 1;
                continue;
            }
            let (c, n) = char_at(text, i)?;
            if is_word_char(c) {
                prev = c;
                i += n;
                continue;
            }
            // A joiner stays inside the word only when a word char follows.
            let joins = match c {
                '\'' | '’' | '-' => prev.is_alphanumeric(),
                ',' | '.' | ':' => prev.is_ascii_digit(),
                _ => false,
            };
            if !joins || i + n >= self.end {
                break;
            }
            match char_at(text, i + n) {
                Some((next, _)) if (c == ',' || c == '.' || c == ':') && next.is_ascii_digit() => {
                    // "1,500" joins; "1,5" and "2018,3" would too, which is rare in news.
                    i += n;
                }
                Some((next, _)) if (c != ',' && c != '.' && c != ':') && is_word_char(next) => {
                    i += n;
                }
                _ => break,
            }
        }
        self.pos = i;
        Some((Span::new(start, i), &text[start..i]))
    }
}

/// Word tokens inside `within` (article-relative spans): letters and digits, with
/// apostrophes and hyphens inside a word ("Sunday's", "twenty-three", "25-year-old")
/// and `,` `.` `:` between digits ("1,500", "12.7", "10:30").
///
/// ```
/// use sitrep_model::Span;
/// let text = "About 1,500 people left at 10:30, ISIS’s fighters said.";
/// let w: Vec<&str> = sitrep_text::words(text, Span::new(0, text.len())).map(|(_, w)| w).collect();
/// assert_eq!(w, ["About", "1,500", "people", "left", "at", "10:30", "ISIS’s", "fighters", "said"]);
/// ```
pub fn words(text: &str, within: Span) -> Words<'_> {
    let end = within.end.min(text.len());
    Words {
        text,
        pos: within.start.min(end),
        end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(text: &str) -> Vec<&str> {
        words(text, Span::new(0, text.len()))
            .map(|(_, w)| w)
            .collect()
    }

    #[test]
    fn joins_and_splits() {
        let cases: &[(&str, &[&str])] = &[
            ("twenty-three men", &["twenty-three", "men"]),
            ("a 25-year-old man", &["a", "25-year-old", "man"]),
            ("12.7mm guns.", &["12.7mm", "guns"]),
            ("between 10-15 dead", &["between", "10-15", "dead"]),
            ("'quoted' -- dash -", &["quoted", "dash"]),
            ("end, 2018. Next", &["end", "2018", "Next"]),
            ("Deir Ezzor’s", &["Deir", "Ezzor’s"]),
            ("“Six buses”", &["Six", "buses"]),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(&w(text), want, "{text}");
        }
    }

    #[test]
    fn spans_are_article_relative() {
        let text = "xx Some words";
        let got: Vec<_> = words(text, Span::new(3, text.len())).collect();
        assert_eq!(got[0], (Span::new(3, 7), "Some"));
        assert_eq!(got[1].0.of(text), "words");
    }
}

/// The words of a span with their ASCII-lower-cased forms in one buffer: what the number and
/// date readers match their word lists against. Built once per span, indexed by word.
pub struct LowerWords<'a> {
    text: &'a str,
    spans: Vec<Span>,
    raws: Vec<&'a str>,
    lower_at: Vec<(usize, usize)>,
    lower: String,
}

impl<'a> LowerWords<'a> {
    /// The words of `text[within]`.
    pub fn new(text: &'a str, within: Span) -> Self {
        let n = within.len() / 5 + 1;
        let mut out = LowerWords {
            text,
            spans: Vec::with_capacity(n),
            raws: Vec::with_capacity(n),
            lower_at: Vec::with_capacity(n),
            lower: String::with_capacity(within.len()),
        };
        for (span, raw) in words(text, within) {
            let s = out.lower.len();
            // ASCII lower case keeps byte lengths; other letters are rare in keys.
            out.lower.push_str(raw);
            out.lower[s..].make_ascii_lowercase();
            out.spans.push(span);
            out.raws.push(raw);
            out.lower_at.push((s, out.lower.len()));
        }
        out
    }

    /// The whole text the spans point into.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether there are no words.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Word `i` lower-cased (ASCII), or "" past the end.
    pub fn lower(&self, i: usize) -> &str {
        self.lower_at
            .get(i)
            .map(|&(s, e)| &self.lower[s..e])
            .unwrap_or("")
    }

    /// Word `i` as written, or "" past the end.
    pub fn raw(&self, i: usize) -> &'a str {
        self.raws.get(i).copied().unwrap_or("")
    }

    /// Span of word `i` (article-relative). Panics past the end.
    pub fn span(&self, i: usize) -> Span {
        self.spans[i]
    }

    /// Text between word `i` and word `i + 1` (empty after the last word).
    pub fn gap_after(&self, i: usize) -> &'a str {
        let s = self.spans[i].end;
        let e = self.spans.get(i + 1).map(|t| t.start).unwrap_or(s);
        &self.text[s..e]
    }

    /// Text between word `i - 1` and word `i` (empty for `i == 0` or past the end).
    pub fn gap_before(&self, i: usize) -> &'a str {
        if i == 0 || i >= self.spans.len() {
            return "";
        }
        &self.text[self.spans[i - 1].end..self.spans[i].start]
    }

    /// The character right before word `i`.
    pub fn char_before(&self, i: usize) -> Option<char> {
        self.text[..self.spans[i].start].chars().next_back()
    }

    /// The character right after word `i`.
    pub fn char_after(&self, i: usize) -> Option<char> {
        self.text[self.spans[i].end..].chars().next()
    }
}

#[cfg(test)]
mod lower_words_tests {
    use super::*;

    #[test]
    fn words_keep_their_spans_and_lower_forms() {
        let text = "Six Buses left, then 1,500 people.";
        let w = LowerWords::new(text, Span::new(0, text.len()));
        assert_eq!(w.len(), 6);
        assert_eq!((w.raw(1), w.lower(1)), ("Buses", "buses"));
        assert_eq!(w.span(4).of(text), "1,500");
        assert_eq!(w.gap_after(2), ", ");
        assert_eq!(w.gap_before(3), ", ");
        assert_eq!(w.char_after(5), Some('.'));
        assert_eq!(w.lower(99), "");
    }
}
