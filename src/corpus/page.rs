//! A saved web page → the article on it: its body text, title, outlet, publication date,
//! author and canonical URL.
//!
//! The page is parsed once with an HTML5 parser (`dom_query`, html5ever underneath), so
//! comments, CDATA, unclosed tags and stray scripts are handled the way a browser handles
//! them. The body comes from `dom_smoothie`, a port of Mozilla's Readability (the algorithm
//! behind Firefox's reader view): it scores blocks by text and link density and keeps the main
//! one, dropping menus, share bars, "most read" lists and footers. Its HTML is then reduced to
//! our paragraphs by [`super::html::reduce`]. Metadata is read from what the page declares for
//! machines (`og:*`, `article:*`, JSON-LD, `<time datetime>`, `rel=canonical`) before anything
//! visible, because the first visible line of a saved page is usually a menu.
//!
//! Pages Readability finds no article in keep their whole visible text, with a note saying so;
//! pages too large or too deeply nested for a tree go through the linear reducer alone.

use super::detect;
use super::dom_text;
use super::furniture::drop_page_furniture;
use super::html;
pub use super::page_title::split_site_suffix;
use super::page_title::{self, Declared, tidy};
use super::scripts;
use super::stamps::drop_update_stamps;
use dom_query::Document;
use serde_json::Value;
use std::collections::HashMap;

/// Pages with more elements than this skip the tree and use the linear reducer: Readability's
/// scoring is quadratic in the worst case and some tree walks recurse.
const MAX_ELEMENTS: usize = 60_000;
/// Deeper nesting than this is not a news page; it goes through the linear reducer.
const MAX_DEPTH: usize = 400;
/// An extracted body shorter than this (in characters) is taken as "no article found".
const MIN_ARTICLE_CHARS: usize = 140;

/// What was read from a page; `None` where the page does not say.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    /// Paragraphs separated by blank lines, entities decoded.
    pub text: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// ISO 8601 date or date-time as the page wrote it (with its offset, if any).
    pub published: Option<String>,
    pub author: Option<String>,
    /// The canonical address of the page (absolute `http`/`https` only).
    pub url: Option<String>,
    /// Why the text is not just the article, when it is not.
    pub note: Option<String>,
}

/// Reads the article from the HTML of a page.
pub fn read_page(source: &str) -> Page {
    let without_code = scripts::empty_scripts_and_styles(source);
    let source: &str = &without_code;
    let (elements, depth) = shape(source);
    if elements > MAX_ELEMENTS || depth > MAX_DEPTH {
        let text = html::reduce(source);
        let meta = detect::detect(&text);
        return Page {
            text,
            title: meta.title,
            outlet: meta.outlet,
            published: meta.published,
            note: Some(format!(
                "page too large or too deeply nested for article extraction ({elements} \
                 elements, {depth} levels); imported its whole visible text"
            )),
            ..Page::default()
        };
    }
    let doc = Document::from(source);
    let meta = page_metadata(&doc);
    // Stamps first: a stamp inside a block of article metadata (`entry-meta`) gives its date
    // before the furniture pass removes the block.
    let stamps = drop_update_stamps(&doc);
    drop_page_furniture(&doc);
    let visible = visible_text(&doc);
    let (text, note, byline) = article_text(doc, source, visible);
    let detected = detect::detect(&text);
    let title = meta.title.or(detected.title);
    let (text, header) = strip_header_lines(&text, title.as_deref());
    Page {
        outlet: meta.outlet.or(detected.outlet),
        // A page that declares no date is dated by its own publication stamp, then by a
        // date in its text, and only last by when it was updated.
        published: meta
            .published
            .or(stamps.published)
            .or(detected.published)
            .or(header.date)
            .or(stamps.updated),
        author: meta
            .author
            .or(byline.map(|b| clean_author(&b)).filter(|b| !b.is_empty()))
            .or(header.author),
        url: meta.url,
        title,
        text,
        note,
    }
}

/// What the first lines of an extracted body said about the article before it began.
#[derive(Default)]
struct HeaderLines {
    date: Option<String>,
    author: Option<String>,
}

/// Takes off the top of the body the lines that are page furniture rather than article: the
/// headline again, a date alone on its line, and a "By Jane Doe" byline (only within the
/// first few lines, and never the whole text). What they said is kept as metadata.
fn strip_header_lines(text: &str, title: Option<&str>) -> (String, HeaderLines) {
    let squash = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let title = title.map(squash).filter(|t| !t.is_empty());
    let mut header = HeaderLines::default();
    let mut rest = text;
    for _ in 0..4 {
        let trimmed = rest.trim_start();
        let (line, after) = trimmed.split_once('\n').unwrap_or((trimmed, ""));
        let line = line.trim();
        let words = line.split_whitespace().count();
        if after.trim().is_empty() || line.is_empty() {
            break;
        }
        if title.as_deref().is_some_and(|t| squash(line) == t) {
            rest = after;
        } else if words <= 6
            && let Some(d) = detect::date_in_text(line)
        {
            header.date.get_or_insert(d);
            rest = after;
        } else if words <= 8 && line.to_lowercase().starts_with("by ") {
            header.author.get_or_insert_with(|| clean_author(line));
            rest = after;
        } else {
            break;
        }
    }
    (rest.trim_start().to_owned(), header)
}

/// The length of the page's visible text as a browser parses it, and the share of it that is
/// link text (menus and lists of headlines are mostly links; a story is mostly not).
fn visible_text(doc: &Document) -> (usize, f32) {
    let body = trimmed_text_chars(&doc.select("body"));
    let links = trimmed_text_chars(&doc.select("a"));
    (body, links as f32 / body.max(1) as f32)
}

/// `selection.text().trim().chars().count()` without building the text: the characters of
/// every text node under the selection, less the whitespace at the two ends of them all.
fn trimmed_text_chars(selection: &dom_query::Selection) -> usize {
    let (mut total, mut lead, mut trail, mut seen) = (0usize, 0usize, 0usize, false);
    for node in selection.nodes() {
        dom_text::for_each_text(node, |text| {
            let chars = text.chars().count();
            total += chars;
            match text.find(|c: char| !c.is_whitespace()) {
                None if !seen => lead += chars,
                None => trail += chars,
                Some(first) => {
                    if !seen {
                        lead += text[..first].chars().count();
                        seen = true;
                    }
                    let last = text.trim_end().len();
                    trail = text[last..].chars().count();
                }
            }
        });
    }
    if seen { total - lead - trail } else { 0 }
}

/// The body text, and a note when it is the whole page rather than an article. A short
/// fragment with few links (a snippet, a pasted paragraph) is its own article: no note.
fn article_text(
    doc: Document,
    source: &str,
    (visible, links): (usize, f32),
) -> (String, Option<String>, Option<String>) {
    let extract = |doc: Document, char_threshold: usize| {
        let cfg = dom_smoothie::Config {
            max_elements_to_parse: MAX_ELEMENTS,
            char_threshold,
            ..Default::default()
        };
        dom_smoothie::Readability::with_document(doc, None, Some(cfg))
            .and_then(|mut r| r.parse())
            .ok()
            .map(|a| (html::reduce(&a.content), a.byline))
            .filter(|(text, _)| weighs_at_least(text, MIN_ARTICLE_CHARS))
    };
    // Readability wants 500 characters before it trusts a block; a short story (or one in
    // Chinese or Japanese, dense in few characters) gets a second try with a lower bar.
    // A page with little text takes the lower bar at once: Readability would otherwise try
    // all its cleaning policies against the 500 first and fail, for us to parse again.
    let found = if visible < 2_000 {
        extract(doc, MIN_ARTICLE_CHARS)
    } else {
        extract(doc, 500).or_else(|| {
            let again = Document::from(source);
            drop_update_stamps(&again);
            drop_page_furniture(&again);
            extract(again, MIN_ARTICLE_CHARS)
        })
    };
    match found {
        Some((text, byline)) => (text, None, byline),
        None => {
            let whole = html::reduce(source);
            let fragment = visible < 4 * MIN_ARTICLE_CHARS && links < 0.3;
            let note = (!fragment).then(|| {
                "no article found on the page; imported its whole visible text".to_owned()
            });
            (whole, note, None)
        }
    }
}

/// Whether a text is at least `min` long as reading matter: a Han, kana or hangul character
/// says about as much as three Latin letters. Stops counting once it knows.
fn weighs_at_least(text: &str, min: usize) -> bool {
    let mut weight = 0;
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        weight += match c {
            '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}' => 3,
            _ => 1,
        };
        if weight >= min {
            return true;
        }
    }
    false
}

/// Counts start tags and the deepest nesting with a linear scan, so a hostile page is turned
/// away before a tree is built for it. Void elements and self-closed tags do not nest.
fn shape(source: &str) -> (usize, usize) {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr",
    ];
    let bytes = source.as_bytes();
    let (mut elements, mut depth, mut deepest) = (0usize, 0usize, 0usize);
    let mut i = 0;
    while let Some(off) = bytes[i..].iter().position(|&c| c == b'<') {
        i += off + 1;
        let closing = bytes.get(i) == Some(&b'/');
        let start = if closing { i + 1 } else { i };
        let name_len = bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !bytes[start].is_ascii_alphabetic() {
            continue;
        }
        let name = source[start..start + name_len].to_ascii_lowercase();
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(bytes.len(), |p| start + p);
        let self_closed = end > 0 && bytes.get(end - 1) == Some(&b'/');
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            elements += 1;
            if !self_closed && !VOID.contains(&name.as_str()) {
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
        i = end.min(bytes.len());
    }
    (elements, deepest)
}

/// Metadata a page declares for machines.
#[derive(Default)]
struct PageMeta {
    title: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
    author: Option<String>,
    url: Option<String>,
}

fn page_metadata(doc: &Document) -> PageMeta {
    let metas = meta_tags(doc);
    let ld = json_ld(doc);
    let url = [
        attr(doc, "link[rel~='canonical']", "href"),
        meta(&metas, "og:url"),
        ld.url.clone(),
    ]
    .into_iter()
    .flatten()
    .find(|u| u.starts_with("https://") || u.starts_with("http://"));
    let outlet = meta(&metas, "og:site_name")
        .or(ld.publisher.clone())
        .or_else(|| {
            attr(doc, "[itemprop~='publisher'] [itemprop~='name']", "content")
                .or_else(|| text_of(doc, "[itemprop~='publisher'] [itemprop~='name']"))
        })
        .or_else(|| meta(&metas, "application-name"))
        .or_else(|| url.as_deref().and_then(host_name));
    // The document's own `<title>`, not an icon's inside an inline SVG.
    // Titles are read with character references decoded once more: a template that escaped
    // the text twice leaves `&#039;` in it after parsing, as reader views also undo.
    let doc_title = text_of(doc, "head > title")
        .or_else(|| text_of(doc, "title"))
        .map(|t| html::decode_entities(&t));
    let declared = Declared {
        ld_headline: ld.headline.clone(),
        ld_name: ld.name.clone(),
        // Readability's order; a property (`dc:title`) before the same name (`DC.title`).
        metas: [
            "dc:title",
            "dcterm:title",
            "dcterms:title",
            "dc.title",
            "dcterms.title",
            "og:title",
            "title",
            "twitter:title",
            "parsely-title",
        ]
        .iter()
        .filter_map(|k| meta(&metas, k).map(|t| html::decode_entities(&t)))
        .collect(),
    };
    let (title, site) = page_title::choose(
        declared,
        doc_title.as_deref(),
        single_h1(doc).as_deref(),
        outlet.as_deref(),
    );
    // A "| Site" tail names the outlet when nothing else on the page does.
    let outlet = outlet.or(site);
    // Tried in order and only as far as needed: the selectors walk the whole tree.
    let published_from: [&dyn Fn() -> Option<String>; 14] = [
        &|| first_publication(meta(&metas, "article:published_time"), ld.published.clone()),
        &|| attr(doc, "[itemprop='datePublished']", "content"),
        &|| attr(doc, "[itemprop='datePublished']", "datetime"),
        &|| meta(&metas, "pubdate"),
        &|| meta(&metas, "publishdate"),
        &|| meta(&metas, "parsely-pub-date"),
        &|| parsely_page_date(&metas),
        &|| meta(&metas, "cxenseparse:recs:publishtime"),
        &|| meta(&metas, "article_date_original"),
        &|| meta(&metas, "sailthru.date"),
        &|| meta(&metas, "dc.date.issued"),
        &|| meta(&metas, "dc.date"),
        &|| meta(&metas, "date"),
        &|| attr(doc, "time[datetime]", "datetime"),
    ];
    let published = published_from
        .iter()
        .find_map(|from| from().and_then(|d| normalise_date(&d)));
    let author = ld
        .author
        .clone()
        .or_else(|| meta(&metas, "author"))
        .or_else(|| meta(&metas, "article:author").filter(|a| !a.contains("://")))
        .or_else(|| meta(&metas, "parsely-author"))
        .or_else(|| text_of(doc, "[rel~='author']"))
        .or_else(|| text_of(doc, "[itemprop='author']"))
        .or_else(|| text_of(doc, ".byline, .author-name, .article-author"))
        .map(|a| clean_author(&a))
        .filter(|a| !a.is_empty() && a.chars().count() <= 120);
    PageMeta {
        title,
        outlet,
        published,
        author,
        url,
    }
}

/// The publication date, as written, from Open Graph's `article:published_time` and
/// JSON-LD's `datePublished`: Open Graph's, unless JSON-LD's is an earlier day — then Open
/// Graph's is a republication (a story moved or re-posted), and the reader wants when it
/// first appeared.
fn first_publication(open_graph: Option<String>, json_ld: Option<String>) -> Option<String> {
    let day = |d: &Option<String>| {
        d.as_deref()
            .and_then(normalise_date)
            .filter(|d| d.starts_with(|c: char| c.is_ascii_digit()))
            .and_then(|d| d.get(..10).map(str::to_owned))
    };
    let readable = open_graph.as_deref().and_then(normalise_date).is_some();
    match (day(&open_graph), day(&json_ld)) {
        (Some(o), Some(l)) if l < o => json_ld,
        _ if readable => open_graph,
        _ => json_ld,
    }
}

/// `pub_date` from the JSON that Parse.ly's older tag puts in `<meta name=parsely-page>`.
fn parsely_page_date(metas: &HashMap<String, String>) -> Option<String> {
    let v: Value = serde_json::from_str(metas.get("parsely-page")?).ok()?;
    v.get("pub_date")?.as_str().map(str::to_owned)
}

/// The `content` of `<meta property=NAME>` or `<meta name=NAME>` (names compared without case).
fn meta(metas: &HashMap<String, String>, name: &str) -> Option<String> {
    metas.get(name).cloned()
}

/// Every `<meta property|name=… content=…>` of the page, keys lower-cased, the first of each
/// kept: read once, looked up many times.
fn meta_tags(doc: &Document) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for m in doc.select("meta").nodes() {
        let Some(content) = m
            .attr("content")
            .map(|c| tidy(&c))
            .filter(|c| !c.is_empty())
        else {
            continue;
        };
        // `property="og:title twitter:title"` declares both (RDFa allows a list).
        if let Some(props) = m.attr("property") {
            for key in props.split_whitespace() {
                out.entry(key.to_ascii_lowercase())
                    .or_insert_with(|| content.clone());
            }
        }
        if let Some(name) = m.attr("name") {
            out.entry(name.trim().to_ascii_lowercase())
                .or_insert_with(|| content.clone());
        }
    }
    out
}

fn attr(doc: &Document, selector: &str, name: &str) -> Option<String> {
    doc.select(selector)
        .iter()
        .find_map(|n| n.attr(name).map(|v| tidy(&v)).filter(|v| !v.is_empty()))
}

fn text_of(doc: &Document, selector: &str) -> Option<String> {
    doc.select(selector)
        .iter()
        .map(|n| tidy(&n.text()))
        .find(|t| !t.is_empty())
}

/// The page's `<h1>` when there is exactly one (several are section headings, not a title).
fn single_h1(doc: &Document) -> Option<String> {
    let h1 = doc.select("h1");
    (h1.length() == 1)
        .then(|| tidy(&h1.text()))
        .filter(|t| !t.is_empty())
}

/// "By Jane Doe and John Roe" → "Jane Doe and John Roe".
fn clean_author(a: &str) -> String {
    let a = tidy(a);
    let lower = a.to_lowercase();
    let rest = ["by ", "von ", "par ", "por "]
        .iter()
        .find_map(|p| lower.starts_with(p).then(|| &a[p.len()..]))
        .unwrap_or(&a);
    rest.trim_matches(|c: char| c == ',' || c.is_whitespace())
        .to_owned()
}

/// `www.example.co.uk` from a URL.
fn host_name(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// An ISO 8601 date or date-time as written (`2024-03-22`, `2024-03-22T21:10:00+03:00`;
/// a space instead of `T` is accepted), or a written date understood by [`detect`].
pub fn normalise_date(s: &str) -> Option<String> {
    let extended = basic_to_extended(s.trim());
    let s = extended.as_deref().unwrap_or(s.trim());
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    if digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10)
    {
        let (y, m, d): (i32, u32, u32) = (
            s[0..4].parse().ok()?,
            s[5..7].parse().ok()?,
            s[8..10].parse().ok()?,
        );
        if !detect::is_valid_date(y, m, d) {
            return None;
        }
        let date = &s[..10];
        let rest = &s[10..];
        let time_ok = rest.len() >= 6
            && matches!(rest.as_bytes()[0], b'T' | b' ')
            && rest[1..]
                .chars()
                .all(|c| c.is_ascii_digit() || ":.+-Z".contains(c));
        return Some(if time_ok {
            format!("{date}T{}", &rest[1..])
        } else {
            date.to_owned()
        });
    }
    detect::date_in_text(s)
}

/// ISO 8601's basic format (`20240619T055000+0900`, `20240619`) written out in the extended
/// one (`2024-06-19T05:50:00+09:00`); `None` for anything else.
fn basic_to_extended(s: &str) -> Option<String> {
    let (date, rest) = s.split_at_checked(8)?;
    if !date.bytes().all(|b| b.is_ascii_digit()) || s.as_bytes().get(8) == Some(&b'-') {
        return None;
    }
    let day = format!("{}-{}-{}", &date[..4], &date[4..6], &date[6..]);
    if rest.is_empty() {
        return Some(day);
    }
    let time = rest.strip_prefix('T')?;
    let digits = time.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 4 && digits != 6 {
        return None;
    }
    let (clock, zone) = time.split_at(digits);
    let clock = match digits {
        4 => format!("{}:{}:00", &clock[..2], &clock[2..]),
        _ => format!("{}:{}:{}", &clock[..2], &clock[2..4], &clock[4..]),
    };
    let zone = match zone.as_bytes() {
        [] => String::new(),
        [b'Z'] => "Z".to_owned(),
        [sign @ (b'+' | b'-'), h @ ..] if h.len() == 4 && h.iter().all(u8::is_ascii_digit) => {
            format!("{}{}:{}", *sign as char, &zone[1..3], &zone[3..])
        }
        _ => return None,
    };
    Some(format!("{day}T{clock}{zone}"))
}

/// What JSON-LD says about the article.
#[derive(Default)]
struct LdArticle {
    headline: Option<String>,
    /// The `name` of an article object (of other objects it is a site's or a video's).
    name: Option<String>,
    published: Option<String>,
    author: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
}

fn json_ld(doc: &Document) -> LdArticle {
    let mut out = LdArticle::default();
    for script in doc.select("script[type='application/ld+json']").iter() {
        let Ok(value) = serde_json::from_str::<Value>(unwrap_script(&script.text())) else {
            continue;
        };
        let mut items = Vec::new();
        flatten_ld(&value, &mut items, 0);
        // An article object first; any object with a headline after.
        items.sort_by_key(|v| !is_article_type(v));
        for item in items {
            // JSON strings are not HTML, yet templates write `&#8216;` into them.
            let s = |k: &str| {
                item.get(k)
                    .and_then(Value::as_str)
                    .map(|t| tidy(&html::decode_entities(t)))
            };
            out.headline = out.headline.take().or_else(|| s("headline"));
            if is_article_type(item) {
                out.name = out.name.take().or_else(|| s("name"));
            }
            out.published = out.published.take().or_else(|| s("datePublished"));
            out.author = out.author.take().or_else(|| names(item.get("author")?));
            out.publisher = out
                .publisher
                .take()
                .or_else(|| names(item.get("publisher")?));
            out.url = out.url.take().or_else(|| {
                s("url").or_else(|| match item.get("mainEntityOfPage")? {
                    Value::String(u) => Some(u.clone()),
                    v => v.get("@id")?.as_str().map(str::to_owned),
                })
            });
            if out.headline.is_some() && out.published.is_some() {
                break;
            }
        }
    }
    out
}

/// A script's text without the `<![CDATA[ … ]]>` or `<!-- … -->` wrapper that XHTML pages and
/// old templates put around it (with or without `//` before the markers).
fn unwrap_script(text: &str) -> &str {
    let mut t = text.trim();
    for (open, close) in [("<![CDATA[", "]]>"), ("<!--", "-->")] {
        let start = t.trim_start_matches('/').trim_start();
        if let Some(rest) = start.strip_prefix(open) {
            t = rest.trim();
            if let Some(rest) = t.strip_suffix(close) {
                t = rest.trim_end().trim_end_matches('/').trim_end();
            }
        }
    }
    t
}

/// Objects of a JSON-LD value: arrays and `@graph` opened, to a small depth.
fn flatten_ld<'v>(v: &'v Value, out: &mut Vec<&'v Value>, depth: usize) {
    if depth > 4 {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|i| flatten_ld(i, out, depth + 1)),
        Value::Object(map) => {
            if let Some(graph) = map.get("@graph") {
                flatten_ld(graph, out, depth + 1);
            }
            if map.contains_key("headline") || is_article_type(v) {
                out.push(v);
            }
        }
        _ => {}
    }
}

fn is_article_type(v: &Value) -> bool {
    // Schema.org's article kinds: `NewsArticle`, `ReportageNewsArticle`, `BlogPosting`,
    // `LiveBlogPosting`, `SocialMediaPosting`, `Report`, …
    let is = |t: &str| t.ends_with("Article") || t.ends_with("Posting") || t == "Report";
    match v.get("@type") {
        Some(Value::String(t)) => is(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(is),
        _ => false,
    }
}

/// A name, or names joined with ", ", from a string, an object with `name`, or a list.
fn names(v: &Value) -> Option<String> {
    let list: Vec<String> = match v {
        Value::String(s) => vec![tidy(s)],
        Value::Object(o) => o
            .get("name")
            .and_then(Value::as_str)
            .map(tidy)
            .into_iter()
            .collect(),
        Value::Array(a) => a.iter().filter_map(names).collect(),
        _ => Vec::new(),
    };
    let list: Vec<String> = list.into_iter().filter(|s| !s.is_empty()).collect();
    (!list.is_empty()).then(|| list.join(", "))
}
