//! JSONL input: one article object per line (`id`, `text`, `published`, optional `title`,
//! `source`, `url`, `language`); a bad line is an error for that line only.

use crate::{
    clean_text, date_field, non_empty, utf8, IngestError, IngestErrorKind, IngestOptions, Meta,
    Notes,
};
use sitrep_model::Article;
use std::path::Path;

/// Read every line of a JSONL file.
pub(crate) fn read(
    path: &Path,
    rel: &str,
    bytes: &[u8],
    options: &IngestOptions,
    notes: &mut Notes,
) -> Vec<Result<Article, IngestError>> {
    let mut out = Vec::new();
    for (i, raw) in bytes.split(|b| *b == b'\n').enumerate() {
        let line = i + 1;
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        out.push(read_line(path, rel, line, raw, options, notes));
    }
    out
}

fn read_line(
    path: &Path,
    rel: &str,
    line: usize,
    raw: &[u8],
    options: &IngestOptions,
    notes: &mut Notes,
) -> Result<Article, IngestError> {
    let text = utf8(path, raw, line)?;
    let json = text.trim_start_matches('\u{feff}').trim_start();
    // (a line of valid JSON that is no object says so, not what serde calls the struct)
    let not_object = match json.chars().next() {
        Some('[') => Some("an array"),
        Some('"') => Some("a string"),
        Some('0'..='9' | '-') => Some("a number"),
        Some('t' | 'f') => Some("a true or false"),
        Some('n') => Some("null"),
        _ => None,
    };
    if let Some(what) =
        not_object.filter(|_| serde_json::from_str::<serde_json::Value>(json).is_ok())
    {
        return Err(IngestError::new(
            path,
            Some(line),
            IngestErrorKind::Json(format!("the line is {what}, not an object")),
        ));
    }
    let meta: Meta = serde_json::from_str(json)
        .map_err(|e| IngestError::new(path, Some(line), IngestErrorKind::Json(e.to_string())))?;
    let body = clean_text(meta.text.as_deref().unwrap_or(""), &mut notes.boilerplate);
    if body.is_empty() {
        return Err(IngestError::new(
            path,
            Some(line),
            IngestErrorKind::MissingField("text"),
        ));
    }
    let published = date_field(
        path,
        Some(line),
        meta.published.as_deref(),
        &mut notes.warnings,
    )
    .or(options.published);
    Ok(Article {
        id: meta.id_string().unwrap_or_else(|| format!("{rel}:{line}")),
        title: non_empty(meta.title),
        text: body,
        published,
        source: non_empty(meta.source).or_else(|| options.source.clone()),
        url: non_empty(meta.url),
        language: non_empty(meta.language).or_else(|| options.language.clone()),
        origin: format!("{}:{line}", path.display()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_and_bad_lines() {
        let data = b"{\"id\":\"a1\",\"text\":\"Two soldiers died.\\nRead more: x\",\"published\":\"2020-05-01T10:00:00Z\",\"source\":\"Wire\"}\n\
\n\
{\"id\":\"a2\",\"text\":\"Half a line\n\
{\"id\":7,\"text\":\"No date here.\"}\n\
{\"id\":\"a4\",\"text\":\"Bad date.\",\"published\":\"soon\"}\n\
{\"id\":\"a5\",\"title\":\"No text\"}\n\
{\"text\":\"No id, caf\xff\"}\n\
{\"text\":\"No id.\"}\n";
        let mut notes = Notes::default();
        let items = read(
            Path::new("in/x.jsonl"),
            "x.jsonl",
            data,
            &IngestOptions::default(),
            &mut notes,
        );
        assert_eq!(items.len(), 7);
        let a1 = items[0].as_ref().unwrap();
        assert_eq!(a1.text, "Two soldiers died.");
        assert_eq!(a1.published.unwrap().to_string(), "2020-05-01");
        assert_eq!(a1.origin, "in/x.jsonl:1");
        assert_eq!(notes.boilerplate, 1);
        let e = items[1].as_ref().unwrap_err();
        assert_eq!(
            (e.line, e.to_string().contains("bad JSON")),
            (Some(3), true)
        );
        let a3 = items[2].as_ref().unwrap();
        assert_eq!((a3.id.as_str(), a3.published), ("7", None));
        // a bad date is a warning naming the line: the article is read, undated
        let a4 = items[3].as_ref().unwrap();
        assert_eq!((a4.id.as_str(), a4.published), ("a4", None));
        assert_eq!(notes.warnings.len(), 1);
        assert_eq!(notes.warnings[0].line, Some(5));
        assert!(matches!(
            notes.warnings[0].kind,
            IngestErrorKind::BadDate(_)
        ));
        assert!(matches!(
            items[4].as_ref().unwrap_err().kind,
            IngestErrorKind::MissingField("text")
        ));
        assert_eq!(items[5].as_ref().unwrap_err().line, Some(7));
        assert!(matches!(
            items[5].as_ref().unwrap_err().kind,
            IngestErrorKind::NotUtf8 { .. }
        ));
        assert_eq!(items[6].as_ref().unwrap().id, "x.jsonl:8");
    }

    #[test]
    fn a_line_that_is_no_object_says_what_it_is() {
        let mut notes = Notes::default();
        let items = read(
            Path::new("y.jsonl"),
            "y.jsonl",
            b"[\"an array\", \"of two\"]\n",
            &IngestOptions::default(),
            &mut notes,
        );
        let e = items[0].as_ref().unwrap_err().to_string();
        assert!(
            e.contains("y.jsonl:1") && e.contains("an array, not an object"),
            "{e}"
        );
    }
}
