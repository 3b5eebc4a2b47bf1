//! CSV input: the columns holding text, date, id, title and source are chosen by
//! [`CsvColumns`](crate::CsvColumns); a file without the text column is one error, a bad
//! record is an error for that record only. A quoted field whose closing quote is missing takes
//! in the records after it (the CSV reader reads on to the next quote): a field running over
//! lines that read as records of their own is a warning naming the line where it opened.

use crate::{clean_text, date_field, IngestError, IngestErrorKind, IngestOptions, Notes};
use sitrep_model::Article;
use std::path::Path;

/// Index of a column: the one asked for (an error when absent), else the first usual name present.
fn column(
    path: &Path,
    header: &[String],
    asked: Option<&String>,
    usual: &[&str],
) -> Result<Option<usize>, IngestError> {
    let find = |name: &str| {
        header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name.trim()))
    };
    match asked {
        Some(name) => find(name).map(Some).ok_or_else(|| {
            IngestError::new(
                path,
                Some(1),
                IngestErrorKind::MissingColumn {
                    column: name.clone(),
                    available: header.join(","),
                },
            )
        }),
        None => Ok(usual.iter().find_map(|n| find(n))),
    }
}

/// Read every record of a CSV file.
pub(crate) fn read(
    path: &Path,
    rel: &str,
    bytes: &[u8],
    options: &IngestOptions,
    notes: &mut Notes,
) -> Vec<Result<Article, IngestError>> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let header: Vec<String> = match reader.byte_headers() {
        Ok(h) => match h
            .iter()
            .map(|f| std::str::from_utf8(f).map(str::to_string))
            .collect()
        {
            Ok(h) => h,
            Err(_) => {
                return vec![Err(IngestError::new(
                    path,
                    Some(1),
                    IngestErrorKind::NotUtf8 { byte: 0 },
                ))]
            }
        },
        Err(e) => {
            return vec![Err(IngestError::new(
                path,
                Some(1),
                IngestErrorKind::Csv(e.to_string()),
            ))]
        }
    };
    let cols = &options.csv;
    let text_col = match column(
        path,
        &header,
        cols.text.as_ref(),
        &["text", "content", "body"],
    ) {
        Ok(Some(i)) => i,
        Ok(None) => {
            let asked = "text (or content/body; choose one with --text-column)".to_string();
            let kind = IngestErrorKind::MissingColumn {
                column: asked,
                available: header.join(","),
            };
            return vec![Err(IngestError::new(path, Some(1), kind))];
        }
        Err(e) => return vec![Err(e)],
    };
    let mut others = Vec::new();
    for (asked, usual) in [
        (cols.date.as_ref(), &["published", "date"][..]),
        (cols.id.as_ref(), &["id"][..]),
        (cols.title.as_ref(), &["title"][..]),
        (cols.source.as_ref(), &["source"][..]),
        (cols.url.as_ref(), &["url"][..]),
    ] {
        match column(path, &header, asked, usual) {
            Ok(i) => others.push(i),
            Err(e) => return vec![Err(e)],
        }
    }
    let [date_col, id_col, title_col, source_col, url_col] = others[..] else {
        unreachable!("five columns looked up")
    };
    let mut out = Vec::new();
    let mut record = csv::ByteRecord::new();
    let mut lines = LineCounter::new(bytes);
    let record_shape = RecordShape {
        fields: header.len(),
        id: id_col,
        date: date_col,
    };
    loop {
        let line = reader.position().line() as usize;
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let start = record.position().map_or(0, |p| p.byte() as usize);
                let line = record
                    .position()
                    .map_or(line, |p| lines.line_at(p.byte() as usize));
                let end = (reader.position().byte() as usize).min(bytes.len());
                if let Some((opened, kind)) =
                    record_shape.swallowed_records(&bytes[start.min(end)..end], line)
                {
                    notes
                        .warnings
                        .push(IngestError::new(path, Some(opened), kind));
                }
                if record.len() != header.len() {
                    let kind = IngestErrorKind::RaggedRecord {
                        fields: record.len(),
                        header: header.len(),
                    };
                    notes
                        .warnings
                        .push(IngestError::new(path, Some(line), kind));
                }
                out.push(read_record(
                    path,
                    rel,
                    line,
                    &record,
                    text_col,
                    [date_col, id_col, title_col, source_col, url_col],
                    options,
                    notes,
                ));
            }
            Err(e) => {
                let line = e.position().map_or(line, |p| p.line() as usize);
                out.push(Err(IngestError::new(
                    path,
                    Some(line),
                    IngestErrorKind::Csv(e.to_string()),
                )));
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    break;
                }
            }
        }
    }
    out
}

/// What a line starting a record of this file looks like: as many fields as the header, and
/// where the file has them, an id (one word) and a date in their columns. A paragraph of an
/// article's text seldom has both.
struct RecordShape {
    fields: usize,
    id: Option<usize>,
    date: Option<usize>,
}

impl RecordShape {
    /// Whether one physical line reads as the start of a record.
    fn starts_a_record(&self, line: &[u8]) -> bool {
        if self.id.is_none() && self.date.is_none() {
            // (nothing tells a record from a paragraph with as many commas)
            return false;
        }
        if line.iter().filter(|&&b| b == b',').count() + 1 < self.fields {
            return false;
        }
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(line);
        let mut fields = csv::StringRecord::new();
        if !matches!(reader.read_record(&mut fields), Ok(true)) || fields.len() != self.fields {
            return false;
        }
        let is_id = |col: usize| {
            fields.get(col).is_some_and(|id| {
                let id = id.trim();
                !id.is_empty() && id.len() <= 100 && !id.contains(char::is_whitespace)
            })
        };
        let is_date = |col: usize| {
            fields
                .get(col)
                .is_some_and(|d| crate::parse_date(d).is_some())
        };
        self.id.is_none_or(is_id) && self.date.is_none_or(is_date)
    }

    /// For a record (its bytes as in the file, starting on line `line`) with a quoted field
    /// over several lines, some of which read as records' starts: the line the field opened on
    /// and the warning. `None` for a record on one line or a field of paragraphs.
    fn swallowed_records(&self, record: &[u8], line: usize) -> Option<(usize, IngestErrorKind)> {
        let record = record.trim_ascii();
        if !record.contains(&b'\n') {
            return None;
        }
        let physical: Vec<&[u8]> = record
            .split(|&b| b == b'\n')
            .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
            .collect();
        // the lines each quoted stretch opens and closes on (a doubled quote inside one closes
        // and opens it again, which changes no line)
        let mut stretches: Vec<(usize, usize)> = Vec::new();
        let (mut in_quotes, mut at_line) = (false, 0);
        for &b in record {
            match b {
                b'"' => {
                    in_quotes = !in_quotes;
                    match stretches.last_mut() {
                        Some(last) if in_quotes && last.1 == at_line => {}
                        _ if in_quotes => stretches.push((at_line, at_line)),
                        _ => {}
                    }
                }
                b'\n' => {
                    at_line += 1;
                    if in_quotes {
                        if let Some(last) = stretches.last_mut() {
                            last.1 = at_line;
                        }
                    }
                }
                _ => {}
            }
        }
        for (opened, closed) in stretches {
            let inside = (opened + 1..=closed).filter(|&k| self.starts_a_record(physical[k]));
            let records: Vec<usize> = inside.collect();
            if let Some(&first) = records.first() {
                return Some((
                    line + opened,
                    IngestErrorKind::UnclosedQuote {
                        lines: closed - opened + 1,
                        records: records.len(),
                        first: line + first,
                    },
                ));
            }
        }
        None
    }
}

/// The physical line a record starts on, from its byte offset: the CSV reader's own line count
/// is one short in files with CRLF line ends (it counts a line when it consumes the `\n` the
/// previous record's `\r` left). Offsets are asked in increasing order, so lines are counted
/// once over the file.
struct LineCounter<'a> {
    bytes: &'a [u8],
    offset: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        LineCounter {
            bytes,
            offset: 0,
            line: 1,
        }
    }

    /// The 1-based line of the record at `byte` (line ends before its first field skipped).
    fn line_at(&mut self, byte: usize) -> usize {
        let mut start = byte.min(self.bytes.len());
        while start < self.bytes.len() && matches!(self.bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        if start >= self.offset {
            self.line += self.bytes[self.offset..start]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            self.offset = start;
        }
        self.line
    }
}

#[allow(clippy::too_many_arguments)]
fn read_record(
    path: &Path,
    rel: &str,
    line: usize,
    record: &csv::ByteRecord,
    text_col: usize,
    [date_col, id_col, title_col, source_col, url_col]: [Option<usize>; 5],
    options: &IngestOptions,
    notes: &mut Notes,
) -> Result<Article, IngestError> {
    let field = |col: Option<usize>| -> Result<Option<String>, IngestError> {
        let Some(col) = col else { return Ok(None) };
        let Some(bytes) = record.get(col) else {
            return Ok(None);
        };
        let s = std::str::from_utf8(bytes).map_err(|e| {
            IngestError::new(
                path,
                Some(line),
                IngestErrorKind::NotUtf8 {
                    byte: e.valid_up_to(),
                },
            )
        })?;
        let s = s.trim();
        Ok((!s.is_empty()).then(|| s.to_string()))
    };
    let text = field(Some(text_col))?.unwrap_or_default();
    let text = clean_text(&text, &mut notes.boilerplate);
    if text.is_empty() {
        return Err(IngestError::new(
            path,
            Some(line),
            IngestErrorKind::MissingField("text"),
        ));
    }
    let published = date_field(
        path,
        Some(line),
        field(date_col)?.as_deref(),
        &mut notes.warnings,
    )
    .or(options.published);
    Ok(Article {
        id: field(id_col)?.unwrap_or_else(|| format!("{rel}:{line}")),
        title: field(title_col)?,
        text,
        published,
        source: field(source_col)?.or_else(|| options.source.clone()),
        url: field(url_col)?,
        language: options.language.clone(),
        origin: format!("{}:{line}", path.display()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::CsvColumns;

    fn opts(text: &str) -> IngestOptions {
        IngestOptions {
            csv: CsvColumns {
                text: Some(text.into()),
                date: Some("day".into()),
                id: Some("uid".into()),
                ..Default::default()
            },
            ..Default::default()
        }
    }

    #[test]
    fn records_with_chosen_columns() {
        let data = b"uid,body_text,day,source\n\
1,\"Gunmen seized a village.\nSecond line.\",4/5/2017,wire\n\
2,,4/6/2017,wire\n\
3,Clashes resumed.,not a date,wire\n\
4,\"Bad \xff byte\",4/7/2017,wire\n\
5,Short row\n";
        let mut notes = Notes::default();
        let items = read(
            Path::new("t.csv"),
            "t.csv",
            data,
            &opts("body_text"),
            &mut notes,
        );
        assert_eq!(items.len(), 5);
        let a = items[0].as_ref().unwrap();
        assert_eq!((a.id.as_str(), a.source.as_deref()), ("1", Some("wire")));
        assert_eq!(a.published.unwrap().to_string(), "2017-04-05");
        assert_eq!(a.text, "Gunmen seized a village.\nSecond line.");
        let e = items[1].as_ref().unwrap_err();
        assert_eq!(e.line, Some(4));
        assert!(matches!(e.kind, IngestErrorKind::MissingField("text")));
        // a bad date is a warning: the row is read, undated
        assert_eq!(items[2].as_ref().unwrap().published, None);
        assert_eq!(items[3].as_ref().unwrap_err().line, Some(6));
        let short = items[4].as_ref().unwrap();
        assert_eq!((short.id.as_str(), short.published), ("5", None));
        // read, and said: the bad date on line 5, the short row has two fields of four
        assert_eq!(notes.warnings.len(), 2, "{:?}", notes.warnings);
        assert_eq!(notes.warnings[0].line, Some(5));
        assert!(matches!(
            notes.warnings[0].kind,
            IngestErrorKind::BadDate(_)
        ));
        let w = notes.warnings[1].to_string();
        assert!(
            w.contains("t.csv") && w.contains("7") && w.contains("2 fields, the header 4"),
            "{w}"
        );
    }

    #[test]
    fn lines_are_physical_lines_whatever_the_line_ends() {
        for end in ["\n", "\r\n"] {
            let data = [
                "uid,body_text,day",
                "1,\"Two\nlines\",4/5/2017",
                "2,Short row",
                "3,Clashes.,4/6/2017",
            ]
            .join(end);
            let mut notes = Notes::default();
            let items = read(
                Path::new("t.csv"),
                "t.csv",
                data.as_bytes(),
                &opts("body_text"),
                &mut notes,
            );
            let origins: Vec<&str> = items
                .iter()
                .map(|a| a.as_ref().unwrap().origin.as_str())
                .collect();
            assert_eq!(origins, ["t.csv:2", "t.csv:4", "t.csv:5"], "{end:?}");
            assert_eq!(notes.warnings[0].line, Some(4), "{end:?}");
        }
    }

    #[test]
    fn missing_text_column_is_one_error_on_the_header() {
        let mut n = Notes::default();
        let items = read(
            Path::new("t.csv"),
            "t.csv",
            b"uid,day\n1,4/5/2017\n",
            &opts("article"),
            &mut n,
        );
        assert_eq!(items.len(), 1);
        let e = items[0].as_ref().unwrap_err();
        assert_eq!(e.line, Some(1));
        assert!(e.to_string().contains("no column \"article\""), "{e}");
        let items = read(
            Path::new("t.csv"),
            "t.csv",
            b"a,b\n1,2\n",
            &IngestOptions::default(),
            &mut n,
        );
        assert!(items[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("--text-column"));
    }

    fn default_columns() -> IngestOptions {
        IngestOptions::default()
    }

    fn unclosed_quotes(notes: &Notes) -> Vec<(usize, usize, usize, usize)> {
        notes
            .warnings
            .iter()
            .filter_map(|w| match w.kind {
                IngestErrorKind::UnclosedQuote {
                    lines,
                    records,
                    first,
                } => Some((w.line.unwrap_or(0), lines, records, first)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_quote_left_open_that_takes_in_the_next_record_is_a_warning_naming_its_line() {
        let data = "id,date,text\n\
q1,2023-11-14,\"Rockets struck a fuel depot near the airport, officials said.\"\n\
q2,2023-11-14,\"the closing quote of this one went missing\n\
q3,2023-11-15,\"Soldiers arrested nine smugglers at the river crossing.\"\n";
        let mut notes = Notes::default();
        let items = read(
            Path::new("q.csv"),
            "q.csv",
            data.as_bytes(),
            &default_columns(),
            &mut notes,
        );
        assert_eq!(items.len(), 2, "the CSV reader takes q3 into q2");
        assert!(items[1].as_ref().unwrap().text.contains("nine smugglers"));
        assert_eq!(unclosed_quotes(&notes), [(3, 2, 1, 4)]);
        let w = notes.warnings[0].to_string();
        assert!(w.starts_with("q.csv:3: a quoted field opens here"), "{w}");
        assert!(w.contains("first on line 4"), "{w}");
    }

    #[test]
    fn a_quote_left_open_to_the_end_of_the_file_counts_every_record_it_took() {
        // the text in the middle column; CRLF line ends
        let data = [
            "uid,body_text,day",
            "k1,\"A convoy was ambushed on the northern highway.\",3/2/2022",
            "k2,\"Shops were looted overnight in the old quarter.,3/2/2022",
            "k3,Police dispersed a crowd with tear gas.,3/3/2022",
            "k4,Two bridges were destroyed by floods and sabotage.,3/4/2022",
            "",
        ]
        .join("\r\n");
        let mut notes = Notes::default();
        let items = read(
            Path::new("k.csv"),
            "k.csv",
            data.as_bytes(),
            &opts("body_text"),
            &mut notes,
        );
        assert_eq!(items.len(), 2);
        assert_eq!(unclosed_quotes(&notes), [(3, 3, 2, 4)]);
    }

    #[test]
    fn paragraphs_in_a_quoted_field_are_no_warning() {
        let data = "id,date,text\n\
p1,2022-06-01,\"Heavy fighting broke out on Tuesday, residents said.\n\
\n\
Later, the army said, it had retaken the hill.\n\
2022-05-30, the day before, had been calm, locals said.\n\
Ceasefire, talks, resumed.\"\n\
p2,2022-06-02,\"One paragraph only, with a \"\"quoted\"\" word.\"\n\
p3,2022-06-03,\"First paragraph.\r\nSecond, and last, paragraph.\"\n";
        let mut notes = Notes::default();
        let items = read(
            Path::new("p.csv"),
            "p.csv",
            data.as_bytes(),
            &default_columns(),
            &mut notes,
        );
        let ids: Vec<&str> = items
            .iter()
            .map(|a| a.as_ref().unwrap().id.as_str())
            .collect();
        assert_eq!(ids, ["p1", "p2", "p3"]);
        assert!(items[0].as_ref().unwrap().text.contains("retaken the hill"));
        assert!(notes.warnings.is_empty(), "{:?}", notes.warnings);
    }
}
