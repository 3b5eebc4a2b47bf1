//! News feeds: RSS 2.0, RSS 1.0 (RDF) and Atom files, one article per item or entry.
//!
//! An item's text is its fullest body (`content:encoded`, Atom `content`, else `description` /
//! `summary`), read as HTML when it is markup, else its headline (a feed of headlines is a feed
//! of reports); its id the `guid` / Atom `id`, else its link, else `FILE:LINE`; its date the
//! `pubDate` / `dc:date` / Atom `published`, else `updated`; its outlet the feed's title; its
//! language the feed's. A bad item is an error naming the file and the item's line; the other
//! items are read. A file that is XML but no feed is an error naming its root element.

use crate::html::{map_entities, named_entity, read_html};
use crate::{clean_text, parse_date, IngestError, IngestErrorKind, IngestOptions, Notes};
use roxmltree::{Document, Node, ParsingOptions};
use sitrep_model::Article;
use std::borrow::Cow;
use std::path::Path;

/// RSS 1.0's namespace.
const RSS1_NS: &str = "http://purl.org/rss/1.0/";
/// Atom's namespace.
const ATOM_NS: &str = "http://www.w3.org/2005/Atom";
/// The RDF namespace (RSS 1.0 items name themselves by `rdf:about`).
const RDF_NS: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
/// The content module (`content:encoded`: an RSS item's full body).
const CONTENT_NS: &str = "http://purl.org/rss/1.0/modules/content/";
/// Dublin Core (`dc:date`).
const DC_NS: &str = "http://purl.org/dc/elements/1.1/";

/// What the feed says of all its items.
#[derive(Debug, Default)]
struct Channel {
    title: Option<String>,
    language: Option<String>,
    /// What scopes the items' own ids (`guid` 1042 of one outlet is not another's): the
    /// feed's link, else its title.
    scope: Option<String>,
}

/// Read every item of a feed file.
pub(crate) fn read(
    path: &Path,
    rel: &str,
    bytes: &[u8],
    options: &IngestOptions,
    notes: &mut Notes,
) -> Vec<Result<Article, IngestError>> {
    let xml = match decode(bytes) {
        Ok(xml) => xml,
        Err(kind) => return vec![Err(IngestError::new(path, None, kind))],
    };
    read_xml(
        path,
        rel,
        xml.trim_start_matches('\u{feff}'),
        options,
        notes,
        true,
    )
}

/// Read a feed's text; `retry`: once more with HTML's named entities made XML.
fn read_xml(
    path: &Path,
    rel: &str,
    xml: &str,
    options: &IngestOptions,
    notes: &mut Notes,
    retry: bool,
) -> Vec<Result<Article, IngestError>> {
    match parse(xml) {
        Ok(doc) => read_document(path, rel, xml, &doc, options, notes),
        // HTML's named entities (`&nbsp;`) are no XML, but feeds written by hand or by a CMS
        // use them: read as the characters they name
        Err(roxmltree::Error::UnknownEntityReference(..)) if retry => {
            let fixed = html_entities_as_references(xml);
            read_xml(path, rel, &fixed, options, notes, false)
        }
        Err(e) => {
            // a truncated download or one bad tag: the error, then every item that parses alone
            let error = match e {
                roxmltree::Error::UnclosedRootNode => IngestError::new(
                    path,
                    Some(xml.lines().count().max(1)),
                    IngestErrorKind::Xml(
                        "the file ends before its root element closes (a truncated download?)"
                            .into(),
                    ),
                ),
                e => IngestError::new(path, Some(e.pos().row as usize), xml_error(&e)),
            };
            let mut out = vec![Err(error)];
            out.extend(salvage(path, rel, xml, options, notes));
            out
        }
    }
}

/// An XML error without the parser's own `at ROW:COL` (the line is the error's).
fn xml_error(e: &roxmltree::Error) -> IngestErrorKind {
    let text = e.to_string();
    let suffix = format!(" at {}", e.pos());
    IngestErrorKind::Xml(text.strip_suffix(&suffix).unwrap_or(&text).to_string())
}

fn parse(xml: &str) -> Result<Document<'_>, roxmltree::Error> {
    let parsing = ParsingOptions {
        allow_dtd: true,
        ..ParsingOptions::default()
    };
    Document::parse_with_options(xml, parsing)
}

/// The feed's text: UTF-8, or what its byte-order mark or XML declaration says
/// (`encoding="ISO-8859-1"`, `windows-1252`, UTF-16).
fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, IngestErrorKind> {
    let (encoding, bom) = match encoding_rs::Encoding::for_bom(bytes) {
        Some((encoding, bom)) => (encoding, bom),
        None => (declared_encoding(bytes).unwrap_or(encoding_rs::UTF_8), 0),
    };
    let body = &bytes[bom..];
    if encoding == encoding_rs::UTF_8 {
        return std::str::from_utf8(body).map(Cow::Borrowed).map_err(|e| {
            let upto = &body[..e.valid_up_to()];
            let line_start = upto.iter().rposition(|b| *b == b'\n').map_or(0, |p| p + 1);
            IngestErrorKind::NotUtf8 {
                byte: e.valid_up_to() - line_start,
            }
        });
    }
    let (text, malformed) = encoding.decode_without_bom_handling(body);
    if malformed {
        return Err(IngestErrorKind::Xml(format!(
            "bytes that are not {} as the feed declares",
            encoding.name()
        )));
    }
    Ok(Cow::Owned(text.into_owned()))
}

/// The `encoding` of an XML declaration (`<?xml version="1.0" encoding="ISO-8859-1"?>`).
fn declared_encoding(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(200)];
    let head = String::from_utf8_lossy(head);
    let decl = head.strip_prefix("<?xml")?;
    let decl = &decl[..decl.find("?>")?];
    let at = decl.find("encoding")?;
    let value = decl[at + "encoding".len()..]
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let quote = value.chars().next().filter(|q| *q == '"' || *q == '\'')?;
    let label = value[1..].split(quote).next()?;
    encoding_rs::Encoding::for_label(label.trim().as_bytes())
}

/// `&nbsp;` and the other HTML names as numeric references (the five of XML kept).
fn html_entities_as_references(xml: &str) -> String {
    map_entities(xml, |name| {
        let xml_own = ["amp", "lt", "gt", "quot", "apos"].contains(&name);
        (!xml_own)
            .then(|| named_entity(name))
            .flatten()
            .map(|c| format!("&#{};", u32::from(c)))
    })
}

fn read_document(
    path: &Path,
    rel: &str,
    xml: &str,
    doc: &Document,
    options: &IngestOptions,
    notes: &mut Notes,
) -> Vec<Result<Article, IngestError>> {
    let root = doc.root_element();
    let (channel, items): (Channel, Vec<Node>) = match root.tag_name().name() {
        "rss" => {
            let Some(channel) = child(root, "channel") else {
                return vec![Err(IngestError::new(
                    path,
                    None,
                    IngestErrorKind::Xml("an <rss> without a <channel>".into()),
                ))];
            };
            (channel_of(channel), children(channel, "item").collect())
        }
        // RSS 1.0: the items are the channel's siblings
        "RDF" => (
            child(root, "channel").map(channel_of).unwrap_or_default(),
            children(root, "item").collect(),
        ),
        "feed" => (channel_of(root), children(root, "entry").collect()),
        other => {
            return vec![Err(IngestError::new(
                path,
                None,
                IngestErrorKind::NotAFeed(other.to_string()),
            ))]
        }
    };
    if items.is_empty() {
        // a feed with nothing new in it yet is no error (a scheduled fetch meets many)
        notes
            .warnings
            .push(IngestError::new(path, None, IngestErrorKind::NoItems));
        return Vec::new();
    }
    let mut lines = LineCounter::default();
    items
        .into_iter()
        .map(|item| {
            let line = lines.line_of(xml, item.range().start);
            read_item(path, rel, line, xml, item, &channel, options, notes)
        })
        .collect()
}

/// Items read one by one from a feed that does not parse whole: each `<item>` or `<entry>`
/// element that is well-formed XML alone (with the root's namespaces), in order.
fn salvage(
    path: &Path,
    rel: &str,
    xml: &str,
    options: &IngestOptions,
    notes: &mut Notes,
) -> Vec<Result<Article, IngestError>> {
    let (open, close) = if xml.contains("<entry") {
        ("<entry", "</entry>")
    } else {
        ("<item", "</item>")
    };
    let Some(first) = find_tag(xml, open, 0) else {
        return Vec::new();
    };
    // the root's start tag (its namespace declarations) and the channel's title
    let root_tag = xml
        .match_indices('<')
        .map(|(i, _)| i)
        .find(|i| {
            let next = xml[i + 1..].chars().next();
            next.is_some_and(|c| c.is_alphabetic())
        })
        .and_then(|i| xml[i..].find('>').map(|e| &xml[i..=i + e]))
        .filter(|tag| !tag.ends_with("/>"))
        .unwrap_or("<rss>");
    let root_name: String = root_tag[1..]
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '>')
        .collect();
    // the channel as its header tells it (title, link, language), closed where the items begin
    let header = [
        format!("{}</channel></{root_name}>", &xml[..first]),
        format!("{}</{root_name}>", &xml[..first]),
    ];
    let parsed_header = header.iter().find_map(|h| {
        let doc = parse(h).ok()?;
        let root = doc.root_element();
        Some(match root.tag_name().name() {
            "feed" => channel_of(root),
            _ => child(root, "channel").map(channel_of).unwrap_or_default(),
        })
    });
    let channel = parsed_header.unwrap_or_else(|| Channel {
        title: xml[..first].find("<title").and_then(|t| {
            let inner = &xml[t..first];
            let wrapped = format!(
                "{root_tag}{}</{root_name}>",
                &inner[..inner.find("</title>")? + 8]
            );
            let doc = parse(&wrapped).ok()?;
            let root = doc.root_element();
            child_text(root, "title").map(|t| plain(&t))
        }),
        ..Channel::default()
    });
    let mut out = Vec::new();
    let mut lines = LineCounter::default();
    let mut at = first;
    while let Some(start) = find_tag(xml, open, at) {
        let Some(end) = xml[start..].find(close).map(|e| start + e + close.len()) else {
            break;
        };
        at = end;
        let line = lines.line_of(xml, start);
        let wrapped = format!("{root_tag}{}</{root_name}>", &xml[start..end]);
        match parse(&wrapped) {
            Ok(doc) => {
                if let Some(item) = doc.root_element().first_element_child() {
                    out.push(read_item(
                        path, rel, line, &wrapped, item, &channel, options, notes,
                    ));
                }
            }
            Err(e) => out.push(Err(IngestError::new(
                path,
                Some(line + e.pos().row as usize - 1),
                xml_error(&e),
            ))),
        }
    }
    out
}

/// Where the next `<item` (or `<entry`) start tag is, from `from`.
fn find_tag(xml: &str, open: &str, from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(i) = xml[at..].find(open).map(|i| at + i) {
        let next = xml[i + open.len()..].chars().next();
        if matches!(next, Some('>' | ' ' | '\t' | '\n' | '\r' | '/')) {
            return Some(i);
        }
        at = i + open.len();
    }
    None
}

/// Line numbers of increasing offsets, counted once (a feed of 16,000 items stays linear).
#[derive(Default)]
struct LineCounter {
    offset: usize,
    line: usize,
}

impl LineCounter {
    fn line_of(&mut self, text: &str, offset: usize) -> usize {
        if offset < self.offset {
            *self = LineCounter::default();
        }
        self.line += text.as_bytes()[self.offset..offset]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        self.offset = offset;
        self.line + 1
    }
}

#[allow(clippy::too_many_arguments)]
fn read_item(
    path: &Path,
    rel: &str,
    line: usize,
    xml: &str,
    item: Node,
    channel: &Channel,
    options: &IngestOptions,
    notes: &mut Notes,
) -> Result<Article, IngestError> {
    let title = child_text(item, "title").map(|t| plain(&t));
    let body = ["encoded", "content", "description", "summary"]
        .iter()
        .filter_map(|name| child(item, name))
        .map(|node| body_text(xml, node))
        .max_by_key(String::len)
        .unwrap_or_default();
    let text = clean_text(&body, &mut notes.boilerplate);
    // a body that was all furniture ("Click here to read the full story"): the headline
    let text = if text.is_empty() {
        title.clone().unwrap_or_default()
    } else {
        text
    };
    if text.is_empty() {
        return Err(IngestError::new(
            path,
            Some(line),
            IngestErrorKind::MissingField("description"),
        ));
    }
    let date = ["pubDate", "date", "published", "updated"]
        .iter()
        .find_map(|name| child_text(item, name));
    let published = match date.as_deref().map(|d| (d, parse_date(d))) {
        Some((_, Some(day))) => Some(day),
        Some((written, None)) => {
            // the item is kept, undated (its relative dates stay unresolved)
            notes.warnings.push(IngestError::new(
                path,
                Some(line),
                IngestErrorKind::UndatedItem(written.to_string()),
            ));
            options.published
        }
        None => options.published,
    };
    let url = link(item);
    let id = item_id(item, channel, url.as_deref()).unwrap_or_else(|| format!("{rel}:{line}"));
    let language = channel
        .language
        .as_deref()
        .and_then(|l| l.split(['-', '_']).next())
        .map(|l| l.trim().to_ascii_lowercase())
        .filter(|l| !l.is_empty());
    Ok(Article {
        id,
        title,
        text,
        published,
        source: channel.title.clone().or_else(|| options.source.clone()),
        url,
        language: language.or_else(|| options.language.clone()),
        origin: format!("{}:{line}", path.display()),
    })
}

/// An item's own id: an Atom `id` or a `guid` that names itself (a URL, `urn:`, `tag:`: unique
/// by themselves), any other `guid` scoped by the feed (`https://wire.example/#1042`: small
/// sites number their items 1, 2, 3), an RSS 1.0 `rdf:about`, else its link.
fn item_id(item: Node, channel: &Channel, url: Option<&str>) -> Option<String> {
    if let Some(guid) = child(item, "guid") {
        let text = all_text(guid).trim().to_string();
        if !text.is_empty() {
            let lower = text.to_ascii_lowercase();
            let global =
                text.contains("://") || lower.starts_with("urn:") || lower.starts_with("tag:");
            return Some(match (&channel.scope, global) {
                (Some(scope), false) => format!("{scope}#{text}"),
                _ => text,
            });
        }
    }
    child_text(item, "id")
        .or_else(|| item.attribute((RDF_NS, "about")).map(str::to_string))
        .or_else(|| url.map(str::to_string))
}

fn channel_of(channel: Node) -> Channel {
    let title = child_text(channel, "title").map(|t| plain(&t));
    let language = child_text(channel, "language").or_else(|| {
        channel
            .attribute((roxmltree::NS_XML_URI, "lang"))
            .map(str::to_string)
    });
    Channel {
        scope: link(channel).or_else(|| title.clone()),
        title,
        language,
    }
}

/// Whether an element is the feed's own `name` (RSS 2.0 without a namespace, RSS 1.0, Atom,
/// and the modules RSS feeds borrow: `content:encoded`, `dc:date`), not another vocabulary's
/// element of the same local name (`media:content`, `media:title`, `itunes:summary`).
fn is_feed_element(node: Node, name: &str) -> bool {
    if !node.is_element() || node.tag_name().name() != name {
        return false;
    }
    match node.tag_name().namespace() {
        None | Some(RSS1_NS) | Some(ATOM_NS) => true,
        Some(CONTENT_NS) => name == "encoded",
        Some(DC_NS) => name == "date",
        Some(_) => false,
    }
}

/// The feed's own element children of `node` called `name`.
fn children<'a, 'input>(
    node: Node<'a, 'input>,
    name: &'static str,
) -> impl Iterator<Item = Node<'a, 'input>> {
    node.children().filter(move |c| is_feed_element(*c, name))
}

fn child<'a, 'input>(node: Node<'a, 'input>, name: &'static str) -> Option<Node<'a, 'input>> {
    children(node, name).next()
}

/// The trimmed text of the first child `name`, `None` when absent or blank.
fn child_text(node: Node, name: &'static str) -> Option<String> {
    child(node, name)
        .map(|c| all_text(c).trim().to_string())
        .filter(|t| !t.is_empty())
}

/// The text and CDATA directly inside `node`, joined.
fn all_text(node: Node) -> String {
    node.children()
        .filter(|c| c.is_text())
        .filter_map(|c| c.text())
        .collect()
}

/// A link: RSS `<link>` text, or Atom's `<link href>` (the `alternate` one first).
fn link(node: Node) -> Option<String> {
    if let Some(text) = child_text(node, "link") {
        return Some(text);
    }
    let links: Vec<Node> = children(node, "link").collect();
    links
        .iter()
        .find(|l| matches!(l.attribute("rel"), None | Some("alternate")))
        .or(links.first())
        .and_then(|l| l.attribute("href"))
        .map(str::to_string)
}

/// A body element's text: XHTML content read from its markup, escaped HTML read as HTML,
/// plain text as it is.
fn body_text(xml: &str, node: Node) -> String {
    if node.attribute("type") == Some("xhtml") {
        let inner = node
            .first_element_child()
            .map(|div| &xml[div.range()])
            .unwrap_or_default();
        return read_html(inner).text;
    }
    let text = all_text(node);
    if node.attribute("type") == Some("text") {
        return text.trim().to_string();
    }
    plain(&text)
}

/// Text that may be HTML (`<p>Shelling ...</p>`, `&amp;`) as plain paragraphs; a `<` that
/// opens no tag ("fewer than <10 dead") is text.
fn plain(text: &str) -> String {
    let markup = text.match_indices('<').any(|(i, _)| {
        text[i + 1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!')
    });
    if markup || text.contains('&') {
        let escaped;
        let html = if markup {
            text
        } else {
            // entities only: keep a bare '<' from opening a tag
            escaped = text.replace('<', "&lt;");
            &escaped
        };
        read_html(html).text
    } else {
        text.trim().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn read_feed(xml: &str) -> Vec<Result<Article, IngestError>> {
        read_with_notes(xml.as_bytes()).0
    }

    fn read_with_notes(bytes: &[u8]) -> (Vec<Result<Article, IngestError>>, Notes) {
        let mut notes = Notes::default();
        let items = read(
            Path::new("news.rss"),
            "news.rss",
            bytes,
            &IngestOptions::default(),
            &mut notes,
        );
        (items, notes)
    }

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Frontier Wire</title>
  <language>en-gb</language>
  <item>
    <title>Shelling hits market in Kafr Nabl</title>
    <link>https://wire.example/kafr-nabl</link>
    <guid isPermaLink="false">wire-2031</guid>
    <pubDate>Tue, 05 May 2020 21:40:00 +0300</pubDate>
    <description>Shelling hit the market.</description>
    <content:encoded><![CDATA[<p>Government shelling hit the market in Kafr Nabl on Monday, killing four people &amp; wounding nine.</p><figure><figcaption>Smoke over the town</figcaption></figure><p>Rescuers said the toll may rise.</p>]]></content:encoded>
  </item>
  <item>
    <title>Protest in Sweida</title>
    <description>&lt;p&gt;Hundreds protested in Sweida on Friday.&lt;/p&gt;</description>
    <pubDate>Sat, 9 May 2020 08:00:00 GMT</pubDate>
  </item>
  <item>
    <title>Gunmen kill two at checkpoint</title>
    <link>https://wire.example/checkpoint</link>
  </item>
  <item>
    <description>Clashes went on.</description>
    <pubDate>someday</pubDate>
  </item>
  <item><guid>wire-empty</guid></item>
</channel>
</rss>"#;

    #[test]
    fn rss_items_are_articles() {
        let (items, notes) = read_with_notes(RSS.as_bytes());
        assert_eq!(items.len(), 5);
        let first = items[0].as_ref().unwrap();
        assert_eq!(
            first.id, "Frontier Wire#wire-2031",
            "a guid that is no permalink is the feed's own"
        );
        assert_eq!(
            first.title.as_deref(),
            Some("Shelling hits market in Kafr Nabl")
        );
        assert_eq!(
            first.text,
            "Government shelling hit the market in Kafr Nabl on Monday, killing four people & wounding nine.\n\nRescuers said the toll may rise.",
            "the fullest body, read as HTML, captions left out"
        );
        assert_eq!(first.published, NaiveDate::from_ymd_opt(2020, 5, 5));
        assert_eq!(first.source.as_deref(), Some("Frontier Wire"));
        assert_eq!(first.url.as_deref(), Some("https://wire.example/kafr-nabl"));
        assert_eq!(first.language.as_deref(), Some("en"));
        assert_eq!(first.origin, "news.rss:6");

        let escaped = items[1].as_ref().unwrap();
        assert_eq!(escaped.text, "Hundreds protested in Sweida on Friday.");
        assert_eq!(escaped.id, "news.rss:14", "no guid nor link: file and line");
        assert_eq!(escaped.published, NaiveDate::from_ymd_opt(2020, 5, 9));

        let headline = items[2].as_ref().unwrap();
        assert_eq!(headline.text, "Gunmen kill two at checkpoint");
        assert_eq!(headline.id, "https://wire.example/checkpoint");
        assert_eq!(headline.published, None);

        let undated = items[3].as_ref().unwrap();
        assert_eq!(
            (undated.text.as_str(), undated.published),
            ("Clashes went on.", None)
        );
        let warning = notes.warnings[0].to_string();
        assert!(
            warning.starts_with("news.rss:23:") && warning.contains("someday"),
            "an unreadable date is a warning, the item read undated: {warning}"
        );
        let empty = items[4].as_ref().unwrap_err().to_string();
        assert!(
            empty.starts_with("news.rss:27:") && empty.contains("description"),
            "{empty}"
        );
    }

    #[test]
    fn atom_entries_are_articles() {
        let xml = r#"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr-FR">
  <title type="text">Veille Sahel</title>
  <entry>
    <id>tag:veille.example,2020:77</id>
    <title>Attaque</title>
    <link rel="enclosure" href="https://veille.example/77.jpg"/>
    <link rel="alternate" href="https://veille.example/77"/>
    <updated>2020-06-02T10:00:00Z</updated>
    <published>2020-06-01T22:00:00-05:00</published>
    <summary>Short.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Gunmen attacked a convoy near Gao on Sunday.</p><p>Two soldiers died.</p></div></content>
  </entry>
  <entry>
    <id>tag:veille.example,2020:78</id>
    <title>Plain</title>
    <updated>2020-06-03T10:00:00Z</updated>
    <content type="text">Troops &lt;said&gt; the road reopened.</content>
  </entry>
</feed>"#;
        let items = read_feed(xml);
        let first = items[0].as_ref().unwrap();
        assert_eq!(first.id, "tag:veille.example,2020:77");
        assert_eq!(
            first.text,
            "Gunmen attacked a convoy near Gao on Sunday.\n\nTwo soldiers died."
        );
        assert_eq!(
            first.published,
            NaiveDate::from_ymd_opt(2020, 6, 1),
            "published before updated, the day as the outlet wrote it"
        );
        assert_eq!(first.url.as_deref(), Some("https://veille.example/77"));
        assert_eq!(first.source.as_deref(), Some("Veille Sahel"));
        assert_eq!(first.language.as_deref(), Some("fr"));
        let second = items[1].as_ref().unwrap();
        assert_eq!(second.text, "Troops <said> the road reopened.");
        assert_eq!(second.published, NaiveDate::from_ymd_opt(2020, 6, 3));
    }

    #[test]
    fn rss_one_items_are_articles() {
        let xml = r#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://old.example/"><title>Old Wire</title></channel>
  <item rdf:about="https://old.example/1">
    <title>Clash</title>
    <description>Rebels and troops clashed near Daraa.</description>
    <dc:date>2019-02-03T09:00:00+02:00</dc:date>
  </item>
</rdf:RDF>"#;
        let items = read_feed(xml);
        let item = items[0].as_ref().unwrap();
        assert_eq!(item.id, "https://old.example/1");
        assert_eq!(item.published, NaiveDate::from_ymd_opt(2019, 2, 3));
        assert_eq!(item.source.as_deref(), Some("Old Wire"));
    }

    #[test]
    fn broken_and_foreign_xml_are_named() {
        let broken = read_feed("<rss><channel>\n<item><title>x</item></channel></rss>");
        let e = broken[0].as_ref().unwrap_err().to_string();
        assert!(e.starts_with("news.rss:2:") && e.contains("XML"), "{e}");
        let sitemap = read_feed("<urlset><url><loc>https://x.example/</loc></url></urlset>");
        let e = sitemap[0].as_ref().unwrap_err().to_string();
        assert!(e.contains("urlset") && e.contains("RSS"), "{e}");
        let (empty, notes) =
            read_with_notes(b"<rss><channel><title>Nothing yet</title></channel></rss>");
        assert!(empty.is_empty(), "a feed with nothing new is no error");
        assert!(matches!(notes.warnings[0].kind, IngestErrorKind::NoItems));
    }

    #[test]
    fn other_vocabularies_do_not_stand_in_for_the_feed_s_elements() {
        let xml = r#"<rss xmlns:media="http://search.yahoo.com/mrss/"><channel><title>W</title>
<item><guid>https://w.example/1</guid>
  <media:title>Photo: burnt cars</media:title><title>Bomb kills six in Mogadishu</title>
  <media:description>A photo of the market.</media:description>
  <description>A car bomb killed six people at a market in Mogadishu on Sunday.</description>
</item></channel></rss>"#;
        let items = read_feed(xml);
        let item = items[0].as_ref().unwrap();
        assert_eq!(item.title.as_deref(), Some("Bomb kills six in Mogadishu"));
        assert_eq!(
            item.text,
            "A car bomb killed six people at a market in Mogadishu on Sunday."
        );
        let atom = r#"<a:feed xmlns:a="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
<a:title>K</a:title><a:entry><a:id>tag:k,1</a:id><a:title>Raid</a:title>
<media:content url="x.jpg"/><a:content type="html">&lt;p&gt;Troops killed 14 insurgents in Kandahar.&lt;/p&gt;</a:content>
</a:entry></a:feed>"#;
        let entry = read_feed(atom).remove(0).unwrap();
        assert_eq!(entry.text, "Troops killed 14 insurgents in Kandahar.");
    }

    #[test]
    fn a_bare_guid_is_scoped_by_its_feed() {
        let feed = |link: &str, guid: &str| {
            format!("<rss><channel><title>T</title><link>{link}</link><item>{guid}<description>Text.</description></item></channel></rss>")
        };
        for guid in [
            "<guid isPermaLink=\"false\">1042</guid>",
            "<guid>1042</guid>",
        ] {
            let a = read_feed(&feed("https://kivu.example/", guid))
                .remove(0)
                .unwrap();
            let b = read_feed(&feed("https://ituri.example/", guid))
                .remove(0)
                .unwrap();
            assert_eq!(a.id, "https://kivu.example/#1042");
            assert_ne!(a.id, b.id, "two outlets' item 1042 are two articles");
        }
        let global = read_feed(&feed(
            "https://kivu.example/",
            "<guid>urn:uuid:6f1c2a</guid>",
        ));
        assert_eq!(global[0].as_ref().unwrap().id, "urn:uuid:6f1c2a");
    }

    #[test]
    fn declared_encodings_and_html_entities_are_read() {
        let mut latin1 =
            b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss><channel><title>Caf".to_vec();
        latin1.push(0xe9);
        latin1.extend_from_slice(b" Wire</title><item><description>Shelling hit Al-Bab on Monday.</description></item></channel></rss>");
        let item = read_with_notes(&latin1).0.remove(0).unwrap();
        assert_eq!(item.source.as_deref(), Some("Caf\u{e9} Wire"));
        let utf16: Vec<u8> = "\u{feff}<rss><channel><item><description>Troops entered Kobani.</description></item></channel></rss>"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(
            read_with_notes(&utf16).0.remove(0).unwrap().text,
            "Troops entered Kobani."
        );
        let nbsp = "<rss><channel><item><description>Fighting&nbsp;resumed near Idlib &mdash; a monitor said.</description></item>\n<item><description>Second.</description></item></channel></rss>";
        let items = read_feed(nbsp);
        assert_eq!(items.len(), 2, "HTML entities do not lose the feed");
        assert_eq!(
            items[0].as_ref().unwrap().text,
            "Fighting resumed near Idlib \u{2014} a monitor said."
        );
    }

    #[test]
    fn a_truncated_feed_keeps_its_whole_items() {
        let xml = "<?xml version=\"1.0\"?>\n<rss xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Cut Wire</title>\n<item><guid>https://c.example/1</guid><description>Rebels shelled Jobar.</description><dc:date>2017-03-20</dc:date></item>\n<item><description>Troops <b>advanced near Qaboun.</description></item>\n<item><guid>https://c.example/3</guid><description>A car bomb hit Azaz.</description></item>\n<item><description>Half an ite";
        let items = read_feed(xml);
        let read: Vec<&Article> = items.iter().filter_map(|i| i.as_ref().ok()).collect();
        assert_eq!(read.len(), 2, "{items:?}");
        assert_eq!(read[0].id, "https://c.example/1");
        assert_eq!(read[0].published, NaiveDate::from_ymd_opt(2017, 3, 20));
        assert_eq!(read[0].source.as_deref(), Some("Cut Wire"));
        assert_eq!(read[1].origin, "news.rss:5");
        let errors: Vec<String> = items
            .iter()
            .filter_map(|i| i.as_ref().err())
            .map(ToString::to_string)
            .collect();
        assert!(
            errors.iter().any(|e| e.starts_with("news.rss:4:")),
            "the bad item is named: {errors:?}"
        );
        // the ids are scoped by the feed's link as when the whole feed is read
        let xml = "<rss><channel><title>Cut Wire</title><link>https://c.example</link>\n<item><guid>7</guid><description>Rebels shelled Jobar.</description></item>\n<item><guid>8</guid><description>Half an ite";
        let whole = format!("{}</description></item></channel></rss>", xml);
        let id_of = |text: &str| {
            read_feed(text)
                .into_iter()
                .find_map(Result::ok)
                .map(|a| a.id)
        };
        assert_eq!(id_of(xml), id_of(&whole));
        assert_eq!(id_of(xml).as_deref(), Some("https://c.example#7"));
        let ends = read_feed(xml)
            .into_iter()
            .find_map(Result::err)
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            ends.starts_with("news.rss:3:") && ends.contains("truncated"),
            "where the file ends is named: {ends}"
        );
    }

    #[test]
    fn a_less_than_sign_in_plain_text_is_text() {
        let xml = "<rss><channel><item><description>Casualties rose to &lt;10 after fighters attacked Gharyan on Sunday; 3 &lt; 5.</description></item></channel></rss>";
        assert_eq!(
            read_feed(xml).remove(0).unwrap().text,
            "Casualties rose to <10 after fighters attacked Gharyan on Sunday; 3 < 5."
        );
    }
}
