//! Plain-text and HTML files: one article per file, metadata from a `NAME.json` sidecar,
//! the page itself (HTML), the options, and a `YYYY-MM-DD` in the file name, in that order.

use crate::html::read_html;
use crate::{
    clean_text, date_field, date_in_name, non_empty, utf8, IngestError, IngestErrorKind,
    IngestOptions, Meta, Notes,
};
use sitrep_model::Article;
use std::path::Path;

/// The longest first line that is taken for a headline.
const MAX_TITLE_CHARS: usize = 160;

/// Read the sidecar `NAME.json` of a file, when there is one.
fn sidecar(path: &Path) -> Result<Meta, IngestError> {
    let side = path.with_extension("json");
    if !side.is_file() {
        return Ok(Meta::default());
    }
    let fail = |message: String| {
        IngestError::new(
            path,
            None,
            IngestErrorKind::Sidecar {
                path: side.display().to_string(),
                message,
            },
        )
    };
    let bytes = std::fs::read(&side).map_err(|e| fail(e.to_string()))?;
    serde_json::from_slice(&bytes).map_err(|e| fail(e.to_string()))
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Split a headline off the text: the first line, when it is short, has no closing
/// punctuation and is followed by a blank line. A headline given by the sidecar is
/// dropped from the text when the text repeats it.
fn split_title(text: String, given: Option<&str>) -> (Option<String>, String) {
    let (first, rest) = match text.split_once("\n\n") {
        Some((first, rest)) if !first.contains('\n') => (first.trim(), rest),
        _ => return (None, text),
    };
    if let Some(given) = given {
        if first.eq_ignore_ascii_case(given.trim()) {
            return (None, rest.to_string());
        }
        return (None, text);
    }
    let looks_like_title = first.chars().count() <= MAX_TITLE_CHARS
        && !first.ends_with(['.', '!', '?', '"', '\u{201d}', ':', ';', ','])
        && !rest.trim().is_empty();
    if looks_like_title {
        (Some(first.to_string()), rest.to_string())
    } else {
        (None, text)
    }
}

/// A file's publication date: the sidecar's, else the first of the page's own dates that reads
/// ("20241117" in one tag, an ISO date in another), else a byline near the top of the text,
/// else the options', else the file name's. A date that does not read (the sidecar's, or the
/// page's when none of its dates reads) is a warning naming where it was: the file is read,
/// undated.
fn publication_date(
    path: &Path,
    meta: &Meta,
    page_dates: &[&String],
    text: &str,
    options: &IngestOptions,
    warnings: &mut Vec<IngestError>,
) -> Option<chrono::NaiveDate> {
    let published = date_field(
        &path.with_extension("json"),
        None,
        meta.published.as_deref(),
        warnings,
    )
    .or_else(|| page_dates.iter().find_map(|d| crate::dates::parse_date(d)))
    .or_else(|| crate::dates::byline_date(text))
    .or(options.published)
    .or_else(|| date_in_name(&file_name(path)));
    if let (None, Some(bad)) = (published, page_dates.first()) {
        warnings.push(IngestError::new(
            path,
            None,
            IngestErrorKind::BadDate(bad.to_string()),
        ));
    }
    published
}

/// Read a `.txt` file.
pub(crate) fn read_text(
    path: &Path,
    rel: &str,
    bytes: &[u8],
    options: &IngestOptions,
    notes: &mut Notes,
) -> Result<Article, IngestError> {
    let raw = utf8(path, bytes, 1)?;
    let meta = sidecar(path)?;
    let cleaned = clean_text(raw, &mut notes.boilerplate);
    let sidecar_title = non_empty(meta.title.clone());
    let (heading, text) = split_title(cleaned, sidecar_title.as_deref());
    if text.trim().is_empty() {
        return Err(IngestError::new(
            path,
            None,
            IngestErrorKind::MissingField("text"),
        ));
    }
    let published = publication_date(path, &meta, &[], &text, options, &mut notes.warnings);
    Ok(Article {
        id: meta.id_string().unwrap_or_else(|| rel.to_string()),
        title: sidecar_title.or(heading),
        text,
        published,
        source: non_empty(meta.source).or_else(|| options.source.clone()),
        url: non_empty(meta.url),
        language: non_empty(meta.language).or_else(|| options.language.clone()),
        origin: path.display().to_string(),
    })
}

/// How far into a page its charset declaration may be (`<meta charset>` belongs in the first
/// 1024 bytes; some pages put it later in a long head).
const CHARSET_BYTES: usize = 4096;

/// A page's text: UTF-8, or what its byte-order mark or `<meta charset>` / `http-equiv`
/// Content-Type declares (windows-1252, ISO-8859-1, UTF-16).
fn decode_page<'b>(path: &Path, bytes: &'b [u8]) -> Result<std::borrow::Cow<'b, str>, IngestError> {
    let (encoding, bom) = match encoding_rs::Encoding::for_bom(bytes) {
        Some((encoding, bom)) => (Some(encoding), bom),
        None => (declared_charset(bytes), 0),
    };
    match encoding {
        None => utf8(path, bytes, 1).map(std::borrow::Cow::Borrowed),
        Some(e) if e == encoding_rs::UTF_8 => {
            utf8(path, &bytes[bom..], 1).map(std::borrow::Cow::Borrowed)
        }
        Some(e) => {
            let (text, malformed) = e.decode_without_bom_handling(&bytes[bom..]);
            if malformed {
                return Err(IngestError::new(
                    path,
                    None,
                    IngestErrorKind::BadEncoding(e.name().to_string()),
                ));
            }
            Ok(std::borrow::Cow::Owned(text.into_owned()))
        }
    }
}

/// The `charset=` a page's head declares (`<meta charset="windows-1252">`, `<meta
/// http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">`).
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head =
        String::from_utf8_lossy(&bytes[..bytes.len().min(CHARSET_BYTES)]).to_ascii_lowercase();
    let at = head.find("charset")? + "charset".len();
    let value = head[at..].trim_start().strip_prefix('=')?.trim_start();
    let value = value.trim_start_matches(['"', '\'']);
    let label: String = value
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    encoding_rs::Encoding::for_label(label.as_bytes())
}

/// Read an `.html` file.
pub(crate) fn read_html_file(
    path: &Path,
    rel: &str,
    bytes: &[u8],
    options: &IngestOptions,
    notes: &mut Notes,
) -> Result<Article, IngestError> {
    let raw = decode_page(path, bytes)?;
    let meta = sidecar(path)?;
    let page = read_html(&raw);
    let text = clean_text(&page.text, &mut notes.boilerplate);
    if text.is_empty() {
        return Err(IngestError::new(path, None, IngestErrorKind::NoPageText));
    }
    let page_dates: Vec<&String> = page.published.iter().chain(&page.other_dates).collect();
    let published = publication_date(
        path,
        &meta,
        &page_dates,
        &text,
        options,
        &mut notes.warnings,
    );
    Ok(Article {
        id: meta.id_string().unwrap_or_else(|| rel.to_string()),
        title: non_empty(meta.title).or(page.title),
        text,
        published,
        source: non_empty(meta.source)
            .or(page.site_name)
            .or_else(|| options.source.clone()),
        url: non_empty(meta.url).or(page.url),
        language: non_empty(meta.language)
            .or(page.language)
            .or_else(|| options.language.clone()),
        origin: path.display().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_is_split_off() {
        let (t, rest) = split_title(
            "Clashes near Kharkiv, officials say\n\nFighting went on.".into(),
            None,
        );
        assert_eq!(t.as_deref(), Some("Clashes near Kharkiv, officials say"));
        assert_eq!(rest, "Fighting went on.");
        let (t, rest) = split_title("Fighting went on all night.\n\nMore followed.".into(), None);
        assert_eq!(
            (t, rest.as_str()),
            (None, "Fighting went on all night.\n\nMore followed.")
        );
        let (t, rest) = split_title("Given title\n\nBody.".into(), Some("given title"));
        assert_eq!((t, rest.as_str()), (None, "Body."));
    }

    #[test]
    fn a_bad_sidecar_date_is_a_warning_naming_the_sidecar_and_a_page_without_text_says_so() {
        let dir = std::env::temp_dir().join(format!("sitrep-sidecar-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let txt = dir.join("a.txt");
        let body = b"Shelling hit the town on Monday.";
        std::fs::write(&txt, body).unwrap();
        std::fs::write(dir.join("a.json"), r#"{"published": "2024-13-45"}"#).unwrap();
        // a bad sidecar date is a warning naming the sidecar: the text is read, undated
        let mut notes = Notes::default();
        let a = read_text(&txt, "a.txt", body, &IngestOptions::default(), &mut notes).unwrap();
        assert_eq!(a.published, None);
        let w = notes.warnings[0].to_string();
        assert!(w.contains("a.json") && w.contains("2024-13-45"), "{w}");
        let html = dir.join("b.html");
        let page = b"<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>";
        let e = read_html_file(
            &html,
            "b.html",
            page,
            &IngestOptions::default(),
            &mut Notes::default(),
        )
        .unwrap_err();
        assert!(matches!(e.kind, IngestErrorKind::NoPageText), "{e}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_page_in_the_encoding_it_declares_is_read() {
        let mut cp1252 = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body><p>".to_vec();
        cp1252.extend_from_slice(
            b"\x93Shelling hit Kryvyi Rih,\x94 the governor said.</p></body></html>",
        );
        let a = read_html_file(
            Path::new("p.html"),
            "p.html",
            &cp1252,
            &IngestOptions::default(),
            &mut Notes::default(),
        )
        .unwrap();
        assert_eq!(
            a.text,
            "\u{201c}Shelling hit Kryvyi Rih,\u{201d} the governor said."
        );
        let utf16: Vec<u8> = "\u{feff}<html><body><p>Troops entered Kupiansk.</p></body></html>"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let a = read_html_file(
            Path::new("q.html"),
            "q.html",
            &utf16,
            &IngestOptions::default(),
            &mut Notes::default(),
        )
        .unwrap();
        assert_eq!(a.text, "Troops entered Kupiansk.");
        // undeclared bytes that are no UTF-8 are an error naming the line
        let e = read_html_file(
            Path::new("r.html"),
            "r.html",
            b"<p>caf\xe9</p>",
            &IngestOptions::default(),
            &mut Notes::default(),
        )
        .unwrap_err();
        assert!(matches!(e.kind, IngestErrorKind::NotUtf8 { .. }), "{e}");
    }
}
