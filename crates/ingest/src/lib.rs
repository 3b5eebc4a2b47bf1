/*!
Files in, [`Article`]s out: JSONL, plain text (with an optional `NAME.json` sidecar), HTML,
CSV and news feeds (RSS, Atom), read from files or whole directories (walked recursively, in sorted order), with
boilerplate lines (photo captions, "Read more:", share and subscribe prompts) removed and a
content hash for de-duplication.

Every problem is an [`IngestError`] naming the file and, where there is one, the line; a bad
line or record does not stop the rest of the file.

```no_run
use sitrep_ingest::{ingest, IngestOptions};
let mut articles = ingest(&["data/sample".into()], &IngestOptions::default());
for item in articles.by_ref() {
    match item {
        Ok(article) => println!("{} {:?}", article.id, article.published),
        Err(e) => eprintln!("{e}"),
    }
}
println!("{} boilerplate lines dropped", articles.stats().boilerplate_lines);
```
*/
#![deny(missing_docs)]

pub mod boilerplate;
mod csv_input;
mod dates;
mod feed;
mod hash;
pub mod html;
mod jsonl;
mod text_file;

use chrono::NaiveDate;
use sitrep_model::Article;
use std::collections::VecDeque;
use std::fmt;
use std::path::{Path, PathBuf};

pub use boilerplate::{Boilerplate, RemovedLine, Stripped};
pub use dates::{date_in_name, parse_date};
pub use hash::{content_hash, content_hash_hex};

/// Which CSV columns hold what. `None` means: use the usual name if the file has it
/// (`text`/`content`/`body`, `published`/`date`, `id`, `title`, `source`, `url`).
#[derive(Debug, Clone, Default)]
pub struct CsvColumns {
    /// Column with the article text (required: a file without it is an error).
    pub text: Option<String>,
    /// Column with the publication date.
    pub date: Option<String>,
    /// Column with the article id (else `FILE:LINE`).
    pub id: Option<String>,
    /// Column with the headline.
    pub title: Option<String>,
    /// Column with the outlet.
    pub source: Option<String>,
    /// Column with the URL.
    pub url: Option<String>,
}

/// How to read inputs. Values given here fill what a file does not say itself
/// (a JSONL field, a sidecar, an HTML meta tag or a CSV column comes first); a date in
/// the file name is the last resort.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// Publication date for articles that carry none.
    pub published: Option<NaiveDate>,
    /// Outlet for articles that name none.
    pub source: Option<String>,
    /// Language for articles that give none.
    pub language: Option<String>,
    /// CSV column choice.
    pub csv: CsvColumns,
}

/// What went wrong, without the where (see [`IngestError`]).
#[derive(Debug, thiserror::Error)]
pub enum IngestErrorKind {
    /// The file could not be read.
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    /// Bytes that are not UTF-8.
    #[error("not valid UTF-8 (byte {byte} of the line); expected UTF-8 text")]
    NotUtf8 {
        /// Byte offset of the first invalid byte within the line.
        byte: usize,
    },
    /// A JSONL line that is not a JSON object of the expected shape.
    #[error("bad JSON: {0}; expected an object with \"id\", \"text\", \"published\"")]
    Json(String),
    /// A required field is missing or empty.
    #[error("missing or empty field {0:?}")]
    MissingField(&'static str),
    /// A file with nothing but white space in it.
    #[error("empty file: no article in it")]
    Empty,
    /// Bytes that the encoding a file declares does not read.
    #[error("bytes that are not {0} as the file declares")]
    BadEncoding(String),
    /// A web page with no article text in it (a page of links, a script-only page).
    #[error("no article text in the page (its body holds no paragraphs of text)")]
    NoPageText,
    /// A date that no known format reads (a warning: the article is read undated).
    #[error(
        "cannot read date {0:?}: read as undated (expected YYYY-MM-DD, an ISO datetime, M/D/YYYY, '21 May 2018' or '21-May-18')"
    )]
    BadDate(String),
    /// A CSV file without the column asked for.
    #[error("no column {column:?} in the header; columns are: {available}")]
    MissingColumn {
        /// The column asked for.
        column: String,
        /// The header, comma-separated.
        available: String,
    },
    /// A CSV record that the CSV reader rejects.
    #[error("bad CSV record: {0}")]
    Csv(String),
    /// A CSV record with more or fewer fields than the header (a warning: it is read by
    /// position, the missing fields empty, the extra ones dropped).
    #[error("record has {fields} fields, the header {header}: read by position (missing fields empty, extra ones dropped); check its quoting")]
    RaggedRecord {
        /// Fields of the record.
        fields: usize,
        /// Fields of the header.
        header: usize,
    },
    /// A quoted CSV field that runs over lines which read as records of their own: its closing
    /// quote is likely missing, and the CSV reader took those records into the field (a
    /// warning: they are not read as articles until the file is fixed).
    #[error("a quoted field opens here and runs over {lines} lines, with lines inside it that look like records of their own ({records}, the first on line {first}); its closing quote is likely missing, so those records were read as this field's text, not as articles: fix the quoting and ingest the file again")]
    UnclosedQuote {
        /// Lines the field runs over.
        lines: usize,
        /// Of those, lines that read as a record's start.
        records: usize,
        /// The first such line.
        first: usize,
    },
    /// A sidecar `NAME.json` that does not parse.
    #[error("bad sidecar {path}: {message}")]
    Sidecar {
        /// The sidecar file.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// A feed file that is not well-formed XML.
    #[error("bad XML: {0}")]
    Xml(String),
    /// A feed item whose date no known format reads (a warning: the item is read undated).
    #[error("cannot read the item's date {0:?}: read as undated (expected RFC 822 'Tue, 05 May 2020 21:40:00 +0300', ISO 8601 or '21 May 2018')")]
    UndatedItem(String),
    /// A feed with no item in it (a warning: nothing new yet).
    #[error("the feed has no item")]
    NoItems,
    /// An XML file whose root element is no feed's.
    #[error(
        "not an RSS or Atom feed: the root element is <{0}>, expected <rss>, <feed> or <rdf:RDF>"
    )]
    NotAFeed(String),
    /// A file given by name whose extension no reader handles.
    #[error("unsupported file type; expected .jsonl, .txt, .html/.htm, .csv or a feed (.rss, .atom, .xml)")]
    Unsupported,
}

/// An input problem: the file, the line (1-based, when the problem is in one line or
/// record) and what went wrong. Displays as `path:line: what`.
#[derive(Debug)]
pub struct IngestError {
    /// The file.
    pub path: PathBuf,
    /// The line, when the problem is in one line or record.
    pub line: Option<usize>,
    /// What went wrong.
    pub kind: IngestErrorKind,
}

impl IngestError {
    /// An error at `path`, line `line`.
    pub fn new(path: &Path, line: Option<usize>, kind: IngestErrorKind) -> IngestError {
        IngestError {
            path: path.to_path_buf(),
            line,
            kind,
        }
    }
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path.display(), line, self.kind),
            None => write!(f, "{}: {}", self.path.display(), self.kind),
        }
    }
}

impl std::error::Error for IngestError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.kind)
    }
}

/// The input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per line.
    Jsonl,
    /// Plain text, optionally with a `NAME.json` sidecar.
    Text,
    /// An HTML page.
    Html,
    /// A CSV table.
    Csv,
    /// A news feed: RSS 2.0, RSS 1.0 or Atom.
    Feed,
}

impl Format {
    /// The format of a file, by extension.
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "txt" | "text" => Some(Format::Text),
            "html" | "htm" => Some(Format::Html),
            "csv" => Some(Format::Csv),
            "rss" | "atom" | "xml" => Some(Format::Feed),
            _ => None,
        }
    }
}

/// Counters kept while reading.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IngestStats {
    /// Files opened.
    pub files: usize,
    /// Files in walked directories that no reader handles (sidecars excluded).
    pub skipped_files: usize,
    /// Those files, in the order walked.
    pub skipped: Vec<PathBuf>,
    /// Articles produced.
    pub articles: usize,
    /// Errors produced.
    pub errors: usize,
    /// Boilerplate lines dropped, over all articles.
    pub boilerplate_lines: usize,
}

/// What reading a file noted besides its articles: boilerplate lines dropped, and warnings
/// about input that was read but may not be what its author meant.
#[derive(Debug, Default)]
pub(crate) struct Notes {
    pub(crate) boilerplate: usize,
    pub(crate) warnings: Vec<IngestError>,
}

/// The articles of a set of files and directories, as an iterator of results.
/// Files are read one at a time, in sorted order within each directory.
pub struct Ingest {
    options: IngestOptions,
    files: VecDeque<(PathBuf, PathBuf)>,
    pending: VecDeque<Result<Article, IngestError>>,
    warnings: Vec<IngestError>,
    stats: IngestStats,
}

/// Read every article under `paths` (files or directories).
pub fn ingest(paths: &[PathBuf], options: &IngestOptions) -> Ingest {
    let mut files = VecDeque::new();
    let mut pending = VecDeque::new();
    let mut stats = IngestStats::default();
    for path in paths {
        if path.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found, &mut pending);
            for file in found {
                if Format::of(&file).is_some() {
                    files.push_back((path.clone(), file));
                } else if !is_sidecar(&file) {
                    stats.skipped_files += 1;
                    stats.skipped.push(file);
                }
            }
        } else {
            let root = path.parent().map(Path::to_path_buf).unwrap_or_default();
            files.push_back((root, path.clone()));
        }
    }
    stats.errors = pending.len();
    Ingest {
        options: options.clone(),
        files,
        pending,
        warnings: Vec::new(),
        stats,
    }
}

/// Read one file (any supported format); `root` is the directory ids are made relative to.
pub fn read_file(
    root: &Path,
    path: &Path,
    options: &IngestOptions,
) -> Vec<Result<Article, IngestError>> {
    read_one(root, path, options, &mut Notes::default())
}

fn read_one(
    root: &Path,
    path: &Path,
    options: &IngestOptions,
    notes: &mut Notes,
) -> Vec<Result<Article, IngestError>> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return vec![Err(IngestError::new(path, None, e.into()))],
    };
    let content = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    if Format::of(path).is_some() && content.iter().all(u8::is_ascii_whitespace) {
        return vec![Err(IngestError::new(path, None, IngestErrorKind::Empty))];
    }
    let rel = relative_id(root, path);
    match Format::of(path) {
        Some(Format::Jsonl) => jsonl::read(path, &rel, &bytes, options, notes),
        Some(Format::Csv) => csv_input::read(path, &rel, &bytes, options, notes),
        Some(Format::Text) => vec![text_file::read_text(path, &rel, &bytes, options, notes)],
        Some(Format::Html) => vec![text_file::read_html_file(
            path, &rel, &bytes, options, notes,
        )],
        Some(Format::Feed) => feed::read(path, &rel, &bytes, options, notes),
        None => vec![Err(IngestError::new(
            path,
            None,
            IngestErrorKind::Unsupported,
        ))],
    }
}

impl Ingest {
    /// Counters so far (complete once the iterator is exhausted).
    pub fn stats(&self) -> &IngestStats {
        &self.stats
    }

    /// Files still to read.
    pub fn files_left(&self) -> usize {
        self.files.len()
    }

    /// The warnings noted since the last call (input read, but maybe not as meant: a CSV
    /// record with another number of fields than its header), each with its file and line.
    pub fn take_warnings(&mut self) -> Vec<IngestError> {
        std::mem::take(&mut self.warnings)
    }
}

impl Iterator for Ingest {
    type Item = Result<Article, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item);
            }
            let (root, file) = self.files.pop_front()?;
            self.stats.files += 1;
            let mut notes = Notes::default();
            let items = read_one(&root, &file, &self.options, &mut notes);
            self.stats.boilerplate_lines += notes.boilerplate;
            self.warnings.append(&mut notes.warnings);
            for item in &items {
                match item {
                    Ok(_) => self.stats.articles += 1,
                    Err(_) => self.stats.errors += 1,
                }
            }
            self.pending.extend(items);
        }
    }
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>, errors: &mut VecDeque<Result<Article, IngestError>>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push_back(Err(IngestError::new(dir, None, e.into())));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(&path, found, errors);
        } else {
            found.push(path);
        }
    }
}

/// A `NAME.json` next to a `NAME.txt` or `NAME.html`.
fn is_sidecar(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "json")
        && ["txt", "html", "htm"]
            .iter()
            .any(|ext| path.with_extension(ext).exists())
}

/// The id of a file: its path relative to the input root, with `/` separators.
fn relative_id(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// Decode UTF-8 or say where it breaks (1-based line, byte within that line).
pub(crate) fn utf8<'a>(
    path: &Path,
    bytes: &'a [u8],
    first_line: usize,
) -> Result<&'a str, IngestError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let upto = &bytes[..e.valid_up_to()];
        let line = first_line + upto.iter().filter(|b| **b == b'\n').count();
        let line_start = upto.iter().rposition(|b| *b == b'\n').map_or(0, |p| p + 1);
        IngestError::new(
            path,
            Some(line),
            IngestErrorKind::NotUtf8 {
                byte: e.valid_up_to() - line_start,
            },
        )
    })
}

/// Strip boilerplate from `text`, add to the counter, and strip a leading BOM.
pub(crate) fn clean_text(text: &str, boilerplate: &mut usize) -> String {
    let stripped = Boilerplate::shipped().strip(text.trim_start_matches('\u{feff}'));
    *boilerplate += stripped.removed.len();
    stripped.text
}

/// Metadata fields shared by JSONL lines and sidecars.
#[derive(Debug, Default, serde::Deserialize)]
pub(crate) struct Meta {
    pub id: Option<serde_json::Value>,
    pub title: Option<String>,
    pub text: Option<String>,
    pub published: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
}

impl Meta {
    /// The id as a string (JSON numbers allowed).
    pub fn id_string(&self) -> Option<String> {
        match &self.id {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => {
                Some(s.trim().to_string())
            }
            Some(serde_json::Value::Number(n)) => Some(n.to_string()),
            _ => None,
        }
    }
}

/// `Some(trimmed)` unless empty.
pub(crate) fn non_empty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// A date field: absent or empty is `None`; one no known format reads is a warning in
/// `warnings` (naming the file and line) and `None`: the article is kept, undated (its relative
/// dates stay unresolved), never lost for its date alone.
pub(crate) fn date_field(
    path: &Path,
    line: Option<usize>,
    value: Option<&str>,
    warnings: &mut Vec<IngestError>,
) -> Option<NaiveDate> {
    let v = value.map(str::trim).filter(|v| !v.is_empty())?;
    let day = parse_date(v);
    if day.is_none() {
        warnings.push(IngestError::new(
            path,
            line,
            IngestErrorKind::BadDate(v.to_string()),
        ));
    }
    day
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_ids_use_slashes() {
        assert_eq!(
            relative_id(Path::new("data"), Path::new("data/a/b.txt")),
            "a/b.txt"
        );
        assert_eq!(relative_id(Path::new(""), Path::new("b.txt")), "b.txt");
    }

    #[test]
    fn utf8_error_names_line_and_byte() {
        let e = utf8(Path::new("x.txt"), b"ok\nfine\nbad \xff here", 1).unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(matches!(e.kind, IngestErrorKind::NotUtf8 { byte: 4 }));
        assert!(e.to_string().starts_with("x.txt:3: not valid UTF-8"));
    }

    #[test]
    fn an_empty_file_is_named_as_empty() {
        let dir = std::env::temp_dir().join(format!("sitrep-ingest-empty-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for (name, bytes) in [
            ("e.csv", &b""[..]),
            ("e.txt", b"  \n\n"),
            ("e.jsonl", b"\xef\xbb\xbf\n"),
        ] {
            let path = dir.join(name);
            std::fs::write(&path, bytes).unwrap();
            let read = read_file(&dir, &path, &IngestOptions::default());
            assert_eq!(read.len(), 1, "{name}");
            let e = read[0].as_ref().unwrap_err();
            assert!(matches!(e.kind, IngestErrorKind::Empty), "{name}: {e}");
            assert!(e.to_string().contains("empty file"), "{e}");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn formats_by_extension() {
        assert_eq!(Format::of(Path::new("a.JSONL")), Some(Format::Jsonl));
        assert_eq!(Format::of(Path::new("a.htm")), Some(Format::Html));
        assert_eq!(Format::of(Path::new("a.json")), None);
        assert_eq!(Format::of(Path::new("news.RSS")), Some(Format::Feed));
        assert_eq!(Format::of(Path::new("feed.atom")), Some(Format::Feed));
    }
}
