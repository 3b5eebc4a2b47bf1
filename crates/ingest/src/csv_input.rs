//! CSV input: the columns holding text, date, id, title and source are chosen by
//! [`CsvColumns`](crate::CsvColumns); a file without the text column is one error, a bad
//! record is an error for that record only.

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
    loop {
        let line = reader.position().line() as usize;
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record
                    .position()
                    .map_or(line, |p| lines.line_at(p.byte() as usize));
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
}
