//! News feeds: RSS 2.0, RSS 1.0 (RDF) and Atom files, one article per item or entry.
//!
//! An item's text is its fullest body (`content:encoded`, Atom `content`, else `description` /
//! `summary`), read as HTML when it is markup, else its headline (a feed of headlines is a feed
//! of reports); its id the `guid` / Atom `id`, else its link, else `FILE:LINE`; its date the
//! `pubDate` / `dc:date` / Atom `published`, else `updated`; its outlet the feed's title; its
//! language the feed's. A bad item is an error naming the file and the item's line; the other
//! items are read. A file that is XML but no feed is an error naming its root element.

use crate::html::read_html;
use crate::{clean_text, date_field, IngestError, IngestErrorKind, IngestOptions};
use roxmltree::{Document, Node, ParsingOptions};
use sitrep_model::Article;
use std::path::Path;

/// What the feed says of all its items.
#[derive(Debug, Default)]
struct Channel {
    title: Option<String>,
    language: Option<String>,
}

/// Read every item of a feed file.
pub(crate) fn read(
    path: &Path,
    rel: &str,
    xml: &str,
    options: &IngestOptions,
    boilerplate: &mut usize,
) -> Vec<Result<Article, IngestError>> {
    let parsing = ParsingOptions {
        allow_dtd: true,
        ..ParsingOptions::default()
    };
    let doc = match Document::parse_with_options(xml, parsing) {
        Ok(doc) => doc,
        Err(e) => {
            let at = e.pos();
            return vec![Err(IngestError::new(
                path,
                Some(at.row as usize),
                IngestErrorKind::Xml(e.to_string()),
            ))];
        }
    };
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
        "feed" => (
            Channel {
                title: child_text(root, "title"),
                language: root
                    .attribute((roxmltree::NS_XML_URI, "lang"))
                    .map(str::to_string),
            },
            children(root, "entry").collect(),
        ),
        other => {
            return vec![Err(IngestError::new(
                path,
                None,
                IngestErrorKind::NotAFeed(other.to_string()),
            ))]
        }
    };
    if items.is_empty() {
        return vec![Err(IngestError::new(path, None, IngestErrorKind::Empty))];
    }
    items
        .into_iter()
        .map(|item| read_item(path, rel, xml, item, &channel, options, boilerplate))
        .collect()
}

fn read_item(
    path: &Path,
    rel: &str,
    xml: &str,
    item: Node,
    channel: &Channel,
    options: &IngestOptions,
    boilerplate: &mut usize,
) -> Result<Article, IngestError> {
    let line = line_of(xml, item.range().start);
    let title = child_text(item, "title").map(|t| plain(&t));
    let body = ["encoded", "content", "description", "summary"]
        .iter()
        .filter_map(|name| child(item, name))
        .map(|node| body_text(xml, node))
        .max_by_key(String::len)
        .unwrap_or_default();
    let text = clean_text(&body, boilerplate);
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
    let published = date_field(path, Some(line), date.as_deref())?.or(options.published);
    let url = link(item);
    let id = ["guid", "id"]
        .iter()
        .find_map(|name| child_text(item, name))
        .or_else(|| item.attribute((RDF_NS, "about")).map(str::to_string))
        .or_else(|| url.clone())
        .unwrap_or_else(|| format!("{rel}:{line}"));
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

/// The RDF namespace (RSS 1.0 items name themselves by `rdf:about`).
const RDF_NS: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

fn channel_of(channel: Node) -> Channel {
    Channel {
        title: child_text(channel, "title").map(|t| plain(&t)),
        language: child_text(channel, "language"),
    }
}

/// The element children of `node` with the local name `name` (any namespace).
fn children<'a, 'input>(
    node: Node<'a, 'input>,
    name: &'static str,
) -> impl Iterator<Item = Node<'a, 'input>> {
    node.children()
        .filter(move |c| c.is_element() && c.tag_name().name() == name)
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

/// An item's link: RSS `<link>` text, or Atom's `<link href>` (the `alternate` one first).
fn link(item: Node) -> Option<String> {
    if let Some(text) = child_text(item, "link") {
        return Some(text);
    }
    let links: Vec<Node> = children(item, "link").collect();
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

/// Text that may be HTML (`<p>Shelling ...</p>`, `&amp;`) as plain paragraphs.
fn plain(text: &str) -> String {
    if text.contains('<') || text.contains('&') {
        read_html(text).text
    } else {
        text.trim().to_string()
    }
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    1 + text.as_bytes()[..offset]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn read_feed(xml: &str) -> Vec<Result<Article, IngestError>> {
        read(
            Path::new("news.rss"),
            "news.rss",
            xml,
            &IngestOptions::default(),
            &mut 0,
        )
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
        let items = read_feed(RSS);
        assert_eq!(items.len(), 5);
        let first = items[0].as_ref().unwrap();
        assert_eq!(first.id, "wire-2031");
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

        let bad_date = items[3].as_ref().unwrap_err().to_string();
        assert!(
            bad_date.starts_with("news.rss:23:") && bad_date.contains("someday"),
            "{bad_date}"
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
        let empty = read_feed("<rss><channel><title>Nothing yet</title></channel></rss>");
        assert!(matches!(
            empty[0].as_ref().unwrap_err().kind,
            IngestErrorKind::Empty
        ));
    }
}
