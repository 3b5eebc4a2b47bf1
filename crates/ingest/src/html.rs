//! A lean HTML reader for news pages: the main text (the `<article>` element when there is
//! one, else the body) as paragraphs, the title (`<title>` / first `<h1>` / `og:title`), the
//! publication date (`<meta property="article:published_time">`), the outlet (`og:site_name`),
//! the canonical URL and `<html lang>`. Scripts, styles, navigation, headers, footers, asides,
//! forms and figure captions are skipped.

/// What was read from an HTML page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HtmlPage {
    /// Main text, one block (paragraph, heading, list item) per paragraph (blocks separated by a blank line).
    pub text: String,
    /// `<title>`, else the first `<h1>`, else `og:title`.
    pub title: Option<String>,
    /// The first `<h1>`.
    pub h1: Option<String>,
    /// `article:published_time` (or `date`, `pubdate`, `og:published_time`, Dublin Core's
    /// date) as written.
    pub published: Option<String>,
    /// Other publication dates the page gives, in the order they are tried after
    /// `published`: JSON-LD `datePublished`, `itemprop="datePublished"`, the first `<time
    /// datetime>`.
    pub other_dates: Vec<String>,
    /// `og:site_name`.
    pub site_name: Option<String>,
    /// `og:url` or `<link rel="canonical">`.
    pub url: Option<String>,
    /// `<html lang>` (primary subtag).
    pub language: Option<String>,
}

/// Elements whose content is never article text.
const SKIPPED: [&str; 14] = [
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "figure",
    "figcaption",
    "button",
    "svg",
    "iframe",
    "template",
];
/// Words of a `class` or `id` that mark an element as no part of the report, on pages that
/// do not mark their article (`<div class="related-posts">`, `<div id="comments">`,
/// `<div class="breaking-bar">`, a cookie banner, share buttons, a caption): the element and
/// what it holds are skipped. Whole words of the attribute, split at spaces, `-` and `_`.
const BOILERPLATE_CLASS_WORDS: [&str; 36] = [
    "comment",
    "comments",
    "related",
    "ticker",
    "breaking",
    "newsletter",
    "share",
    "sharing",
    "social",
    "tags",
    "cookie",
    "cookies",
    "consent",
    "promo",
    "subscribe",
    "subscription",
    "trending",
    "popular",
    "recommended",
    "sidebar",
    "widget",
    "advert",
    "advertisement",
    "ads",
    "banner",
    "menu",
    "navbar",
    "breadcrumb",
    "breadcrumbs",
    "pagination",
    "caption",
    "byline",
    "footer",
    "outbrain",
    "taboola",
    "embed",
];

/// Elements that never close (`<img class="banner">` marks nothing after it).
const VOID_ELEMENTS: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Whether a tag's `class` or `id` marks it as boilerplate ([`BOILERPLATE_CLASS_WORDS`]).
fn boilerplate_class(attrs: &str) -> bool {
    ["class", "id"].iter().any(|name| {
        attr(attrs, name).is_some_and(|value| {
            value
                .to_ascii_lowercase()
                .split([' ', '-', '_'])
                .any(|w| BOILERPLATE_CLASS_WORDS.contains(&w))
        })
    })
}

/// Elements that end a block of text.
const BLOCKS: [&str; 22] = [
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "article",
    "section",
    "blockquote",
    "tr",
    "table",
    "main",
    "body",
    "title",
    "pre",
    "hr",
];

struct Tag<'a> {
    name: String,
    closing: bool,
    self_closing: bool,
    attrs: &'a str,
}

fn parse_tag(inner: &str) -> Tag<'_> {
    let closing = inner.starts_with('/');
    let body = inner.trim_start_matches('/');
    let name_end = body
        .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
        .unwrap_or(body.len());
    Tag {
        name: body[..name_end].to_ascii_lowercase(),
        closing,
        self_closing: inner.trim_end().ends_with('/'),
        attrs: &body[name_end..],
    }
}

/// The value of attribute `name` in a tag's attribute text.
fn attr(attrs: &str, name: &str) -> Option<String> {
    let lower = attrs.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = lower[from..].find(name) {
        let at = from + pos;
        from = at + name.len();
        let before_ok = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = lower[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let value_start = attrs.len() - rest.len() + 1;
        let value = attrs[value_start..].trim_start();
        let v = if let Some(q) = value.strip_prefix('"') {
            q.split('"').next().unwrap_or("")
        } else if let Some(q) = value.strip_prefix('\'') {
            q.split('\'').next().unwrap_or("")
        } else {
            value
                .split(|c: char| c.is_whitespace() || c == '>')
                .next()
                .unwrap_or("")
        };
        return Some(decode_entities(v).trim().to_string());
    }
    None
}

/// Decode the common named entities and numeric character references.
pub fn decode_entities(s: &str) -> String {
    map_entities(s, |name| {
        let ch = if let Some(num) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
            u32::from_str_radix(num, 16).ok().and_then(char::from_u32)
        } else if let Some(num) = name.strip_prefix('#') {
            num.parse::<u32>().ok().and_then(char::from_u32)
        } else {
            named_entity(name)
        };
        ch.map(String::from)
    })
}

/// `s` with each reference `&name;` (a name of at most 11 bytes: "amp", "#39", "#x27")
/// replaced by what `replace` gives for its name, and kept as written where it gives nothing.
pub(crate) fn map_entities(s: &str, replace: impl Fn(&str) -> Option<String>) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..]
            .find(|c: char| c == ';' || c == '&' || c.is_whitespace())
            .map(|i| i + 1);
        let replaced = match end {
            Some(e) if rest.as_bytes()[e] == b';' && e <= 12 => {
                replace(&rest[1..e]).map(|text| (text, e + 1))
            }
            _ => None,
        };
        match replaced {
            Some((text, len)) => {
                out.push_str(&text);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character of an HTML named entity (the common ones of news pages), `None` for others.
pub(crate) fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "rsquo" => '\u{2019}',
        "lsquo" => '\u{2018}',
        "rdquo" => '\u{201d}',
        "ldquo" => '\u{201c}',
        "mdash" => '\u{2014}',
        "ndash" => '\u{2013}',
        "hellip" => '\u{2026}',
        "eacute" => 'é',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "times" => '×',
        "bull" => '•',
        "middot" => '·',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "larr" => '←',
        "rarr" => '→',
        "sbquo" => '‚',
        "bdquo" => '„',
        "prime" => '′',
        "Prime" => '″',
        "shy" => '\u{ad}',
        "ensp" | "emsp" | "thinsp" => ' ',
        "zwnj" => '\u{200c}',
        "zwj" => '\u{200d}',
        "euro" => '€',
        "pound" => '£',
        "cent" => '¢',
        "sect" => '§',
        "para" => '¶',
        "iexcl" => '¡',
        "iquest" => '¿',
        "aacute" => 'á',
        "agrave" => 'à',
        "acirc" => 'â',
        "auml" => 'ä',
        "atilde" => 'ã',
        "aring" => 'å',
        "ccedil" => 'ç',
        "egrave" => 'è',
        "ecirc" => 'ê',
        "euml" => 'ë',
        "iacute" => 'í',
        "igrave" => 'ì',
        "icirc" => 'î',
        "iuml" => 'ï',
        "ntilde" => 'ñ',
        "oacute" => 'ó',
        "ograve" => 'ò',
        "ocirc" => 'ô',
        "ouml" => 'ö',
        "otilde" => 'õ',
        "oslash" => 'ø',
        "uacute" => 'ú',
        "ugrave" => 'ù',
        "ucirc" => 'û',
        "uuml" => 'ü',
        "szlig" => 'ß',
        "Eacute" => 'É',
        "Aacute" => 'Á',
        "Oacute" => 'Ó',
        "Uuml" => 'Ü',
        "Ouml" => 'Ö',
        "Auml" => 'Ä',
        "Ccedil" => 'Ç',
        _ => return None,
    })
}

#[derive(Default)]
struct Blocks {
    lines: Vec<String>,
    current: String,
    pending_space: bool,
}

impl Blocks {
    /// Append text, collapsing whitespace; text split by inline tags joins without a space.
    fn push_text(&mut self, raw: &str) {
        let text = decode_entities(raw);
        if text.starts_with(char::is_whitespace) {
            self.pending_space = true;
        }
        for word in text.split_whitespace() {
            if self.pending_space && !self.current.is_empty() {
                self.current.push(' ');
            }
            self.current.push_str(word);
            self.pending_space = true;
        }
        self.pending_space =
            text.ends_with(char::is_whitespace) || (self.pending_space && text.trim().is_empty());
    }
    fn end_block(&mut self) {
        let line = std::mem::take(&mut self.current);
        self.pending_space = false;
        if !line.trim().is_empty() {
            self.lines.push(line);
        }
    }
}

/// Read an HTML page.
///
/// ```
/// let page = sitrep_ingest::html::read_html(
///     "<html lang='en'><head><title>Clash in Ma'rib</title>\
///      <meta property='article:published_time' content='2019-03-02T08:00:00Z'></head>\
///      <body><nav>Home</nav><article><h1>Clash in Ma'rib</h1><p>Fighting broke out &amp; went on.</p></article></body></html>");
/// assert_eq!(page.title.as_deref(), Some("Clash in Ma'rib"));
/// assert_eq!(page.text, "Fighting broke out & went on.");
/// assert_eq!(page.published.as_deref(), Some("2019-03-02T08:00:00Z"));
/// ```
pub fn read_html(html: &str) -> HtmlPage {
    let mut page = HtmlPage::default();
    let lower_html = html.to_ascii_lowercase();
    // the report's own element: <article>, else <main>
    let container = if lower_html.contains("<article") {
        Some("article")
    } else if lower_html.contains("<main") {
        Some("main")
    } else {
        None
    };
    let has_article = container.is_some();
    let mut article_depth = 0usize;
    // an element marked as boilerplate by its class or id, and how many of its kind are open
    // inside it
    let mut marked: Option<(String, usize)> = None;
    let mut skip_stack: Vec<String> = Vec::new();
    let mut in_title = false;
    let mut in_h1 = false;
    let mut title = String::new();
    let mut h1 = String::new();
    let mut og_title = None;
    let (mut ld_date, mut itemprop_date, mut time_date) = (None, None, None);
    let mut body = Blocks::default();
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            emit_text(
                rest,
                &skip_stack,
                marked.is_some(),
                has_article,
                article_depth,
                &mut body,
                in_title,
                in_h1,
                &mut title,
                &mut h1,
            );
            break;
        };
        emit_text(
            &rest[..lt],
            &skip_stack,
            marked.is_some(),
            has_article,
            article_depth,
            &mut body,
            in_title,
            in_h1,
            &mut title,
            &mut h1,
        );
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |e| &after[e + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else { break };
        let tag = parse_tag(&rest[1..gt]);
        rest = &rest[gt + 1..];
        if tag.name.is_empty() || tag.name.starts_with('!') || tag.name.starts_with('?') {
            continue;
        }
        // Raw-text elements: jump to their end tag (a JSON-LD block's date read first).
        if !tag.closing && (tag.name == "script" || tag.name == "style") {
            let close = format!("</{}", tag.name);
            let lower = rest.to_ascii_lowercase();
            let end = lower.find(&close).unwrap_or(rest.len());
            let json_ld = attr(tag.attrs, "type").is_some_and(|t| t.contains("ld+json"));
            if json_ld {
                if let Some(date) = json_string_field(&rest[..end], "datePublished") {
                    ld_date.get_or_insert(date);
                }
            }
            rest = &rest[end..];
            continue;
        }
        match (tag.name.as_str(), tag.closing) {
            ("html", false) => {
                page.language = attr(tag.attrs, "lang")
                    .map(|l| {
                        l.split(['-', '_'])
                            .next()
                            .unwrap_or("")
                            .to_ascii_lowercase()
                    })
                    .filter(|l| !l.is_empty());
            }
            ("meta", _) => {
                let key = attr(tag.attrs, "property")
                    .or_else(|| attr(tag.attrs, "name"))
                    .unwrap_or_default();
                let content = attr(tag.attrs, "content").filter(|c| !c.is_empty());
                if attr(tag.attrs, "itemprop").is_some_and(|p| p == "datePublished") {
                    if let Some(c) = &content {
                        itemprop_date.get_or_insert(c.clone());
                    }
                }
                match key.to_ascii_lowercase().as_str() {
                    "article:published_time"
                    | "og:published_time"
                    | "date"
                    | "pubdate"
                    | "publishdate"
                    | "publish-date"
                    | "article.published"
                    | "parsely-pub-date"
                    | "sailthru.date"
                    | "dc.date"
                    | "dc.date.issued"
                    | "dc.date.created"
                    | "dcterms.issued"
                    | "dcterms.created" => page.published = page.published.take().or(content),
                    "og:site_name" => page.site_name = content,
                    "og:url" => page.url = page.url.take().or(content),
                    "og:title" => og_title = content,
                    _ => {}
                }
            }
            ("link", _)
                if attr(tag.attrs, "rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) =>
            {
                page.url = attr(tag.attrs, "href").or(page.url.take());
            }
            ("time", false) => {
                if let Some(d) = attr(tag.attrs, "datetime").filter(|d| !d.is_empty()) {
                    // (one marked as the publication's first: `pubdate`, `itemprop`)
                    let marked = tag.attrs.contains("pubdate")
                        || attr(tag.attrs, "itemprop").is_some_and(|p| p == "datePublished");
                    if marked {
                        itemprop_date.get_or_insert(d);
                    } else {
                        time_date.get_or_insert(d);
                    }
                }
            }
            ("title", closing) => in_title = !closing,
            ("h1", closing) => {
                in_h1 = !closing && page.h1.is_none();
                if closing && page.h1.is_none() && !h1.trim().is_empty() {
                    page.h1 = Some(squash(&h1));
                }
            }
            (name, false) if Some(name) == container => article_depth += 1,
            (name, true) if Some(name) == container => {
                article_depth = article_depth.saturating_sub(1)
            }
            _ => {}
        }
        match &mut marked {
            Some((name, depth)) if *name == tag.name && !tag.self_closing => {
                if tag.closing {
                    *depth -= 1;
                    if *depth == 0 {
                        marked = None;
                    }
                } else {
                    *depth += 1;
                }
            }
            None if !tag.closing
                && !tag.self_closing
                && !matches!(tag.name.as_str(), "body" | "html" | "article" | "main")
                && !VOID_ELEMENTS.contains(&tag.name.as_str())
                && boilerplate_class(tag.attrs) =>
            {
                marked = Some((tag.name.clone(), 1));
            }
            _ => {}
        }
        if SKIPPED.contains(&tag.name.as_str()) && !tag.self_closing {
            if tag.closing {
                if let Some(pos) = skip_stack.iter().rposition(|n| *n == tag.name) {
                    skip_stack.truncate(pos);
                }
            } else {
                skip_stack.push(tag.name.clone());
            }
        }
        if BLOCKS.contains(&tag.name.as_str()) {
            body.end_block();
        } else if matches!(tag.name.as_str(), "td" | "th") {
            // cells of a row are words apart ("Killed" | "8"), not glued
            body.pending_space = true;
        }
    }
    body.end_block();
    let title = squash(&title);
    page.title = if !title.is_empty() {
        Some(title)
    } else {
        page.h1.clone().or(og_title)
    };
    // The headline is kept as the title, not repeated as the first line of the text.
    if let Some(first) = body.lines.first() {
        if page.h1.as_deref() == Some(first.as_str())
            || page.title.as_deref() == Some(first.as_str())
        {
            body.lines.remove(0);
        }
    }
    page.text = body.lines.join("\n\n");
    page.other_dates = [ld_date, itemprop_date, time_date]
        .into_iter()
        .flatten()
        .collect();
    page
}

/// The string value of `"field": "..."` in a JSON text (a JSON-LD block), without parsing
/// the whole: the first occurrence.
fn json_string_field(json: &str, field: &str) -> Option<String> {
    let key = format!("\"{field}\"");
    let at = json.find(&key)? + key.len();
    let rest = json[at..].trim_start().strip_prefix(':')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    let end = rest.find('"')?;
    Some(rest[..end].to_string()).filter(|v| !v.is_empty())
}

#[allow(clippy::too_many_arguments)]
fn emit_text(
    text: &str,
    skip_stack: &[String],
    in_marked: bool,
    has_article: bool,
    article_depth: usize,
    body: &mut Blocks,
    in_title: bool,
    in_h1: bool,
    title: &mut String,
    h1: &mut String,
) {
    if text.is_empty() {
        return;
    }
    if in_title {
        title.push_str(&decode_entities(text));
        return;
    }
    if in_h1 {
        h1.push(' ');
        h1.push_str(&decode_entities(text));
    }
    if skip_stack.is_empty() && !in_marked && (!has_article || article_depth > 0) {
        body.push_text(text);
    }
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_cells_are_words_apart_and_common_entities_read() {
        let page = read_html(
            "<table><tr><th>Killed</th><td>8</td></tr></table><p>Read on &rarr; caf&eacute;</p>",
        );
        assert_eq!(page.text, "Killed 8\n\nRead on \u{2192} caf\u{e9}");
    }

    #[test]
    fn page_without_article_uses_body_and_skips_chrome() {
        let page = read_html(
            "<!DOCTYPE html><html><head><title>Protest in Lagos</title>\
             <script>var x = '<p>not text</p>';</script><style>p{}</style>\
             <link rel=\"canonical\" href=\"https://example.org/lagos\">\
             <meta property=\"og:site_name\" content=\"Example Daily\"></head>\
             <body><header>Menu</header><h1>Protest in Lagos</h1><!-- ad -->\
             <p>Hundreds <b>marched</b> on Monday.</p><figure><figcaption>A marcher</figcaption></figure>\
             <p>Police watched.<br>No arrests.</p><footer>(c) Example</footer></body></html>",
        );
        assert_eq!(
            page.text,
            "Hundreds marched on Monday.\n\nPolice watched.\n\nNo arrests."
        );
        assert_eq!(page.title.as_deref(), Some("Protest in Lagos"));
        assert_eq!(page.url.as_deref(), Some("https://example.org/lagos"));
        assert_eq!(page.site_name.as_deref(), Some("Example Daily"));
        assert_eq!(page.published, None);
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("a &amp; b &#8220;c&#x201D; &bogus; &"),
            "a & b \u{201c}c\u{201d} &bogus; &"
        );
    }

    #[test]
    fn a_pages_publication_date_is_read_wherever_it_gives_one() {
        let page = |head: &str, body: &str| {
            read_html(&format!(
                "<html><head>{head}</head><body><article><p>Shelling hit the town.</p>{body}</article></body></html>"
            ))
        };
        let ld = page(
            r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished": "2024-11-12T10:15:00Z"}</script>"#,
            "",
        );
        assert_eq!(ld.other_dates, ["2024-11-12T10:15:00Z"]);
        let itemprop = page(
            r#"<meta itemprop="datePublished" content="2024-11-13">"#,
            "",
        );
        assert_eq!(itemprop.other_dates, ["2024-11-13"]);
        let time = page(
            "",
            r#"<p>By staff <time datetime="2024-11-14T08:00">Thursday</time></p>"#,
        );
        assert_eq!(time.other_dates, ["2024-11-14T08:00"]);
        let dc = page(r#"<meta name="DC.date.issued" content="2024-11-17">"#, "");
        assert_eq!(dc.published.as_deref(), Some("2024-11-17"));
        // the JSON-LD block is no text of the article
        assert_eq!(ld.text, "Shelling hit the town.");
    }
}
