//! Page furniture inside an article's container: share bars, sign-up boxes, "related" and
//! "most read" lists, comment threads, ads, captions, gallery counters and tag lists, which
//! Readability keeps when they sit inside the block it chooses.
//!
//! An element is a *candidate* when a word of its class or id names furniture (`share-bar`,
//! `newsletter_signup`), unless the word is negated (`non-ad-column`, `no-ads`). A candidate is
//! removed only when what it holds looks like furniture too: links, or short pieces of text. An
//! element that holds paragraphs of prose is article text whatever its class says — real pages
//! put whole stories in containers named `entry-content-read-more` or `paywall`, and removing
//! them loses the article (and then the whole page, menus and all, comes in instead).
//! `<nav>` blocks count as candidates whatever their class. Short lines that are a gallery's
//! counter, an advertisement's label or a copyright notice go too.
//!
//! The pass also shields section headings and paragraphs from Readability's test for unlikely
//! blocks, which matches *parts* of words (`header` in `subheader`, `extra` in `extra-time`):
//! on real pages it deletes a story's subheadings. A heading or paragraph whose class or id
//! names no furniture by our whole-word test loses the names Readability would misread.

use super::dom_text::text_bytes;
use dom_query::{Document, NodeRef};

/// Words in a class or id that mark page furniture (matched as whole words of the name).
const FURNITURE: &[&str] = &[
    "share",
    "sharing",
    "social",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "promo",
    "related",
    "recommended",
    "recirculation",
    "outbrain",
    "taboola",
    "comments",
    "comment",
    "cookie",
    "cookies",
    "consent",
    "paywall",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "sponsor",
    "sponsored",
    "popular",
    "mostread",
    "trending",
    "breadcrumb",
    "breadcrumbs",
    "byline",
    "dateline",
    "skip",
    "caption",
    "credit",
    "credits",
    "tags",
    "topics",
    "gallery",
    "video",
    "print",
    "author",
    "authors",
    "metadata",
];

/// Two-word names of furniture (`most-read`, `read_more`), matched as consecutive words.
const FURNITURE_PAIRS: &[(&str, &str)] = &[
    ("most", "read"),
    ("read", "more"),
    ("more", "from"),
    ("see", "also"),
    ("also", "read"),
    ("hot", "news"),
];

/// Words that negate the furniture word after them (`non-ad-column`, `no-ads`).
const NEGATIONS: &[&str] = &["non", "no", "not", "without"];

/// A paragraph this long (characters outside links) is prose, not a label or a teaser.
const PROSE_PARAGRAPH: usize = 120;
/// An element with this much prose in such paragraphs is article text.
const PROSE_TOTAL: usize = 300;

/// Parts of class and id names that make Readability drop a block as unlikely to be content
/// although, on a heading or paragraph, they name no furniture (`subheader`, `extra-info`).
const MISREAD_PARTS: &[&str] = &["header", "extra", "supplemental", "remark", "legends"];

/// Removes the furniture elements of `doc` (see the module docs), and every `figcaption`.
pub fn drop_page_furniture(doc: &Document) {
    let total = doc
        .select("body")
        .nodes()
        .first()
        .map_or(0, text_bytes)
        .max(1);
    for node in doc.select("figcaption").nodes() {
        node.remove_from_parent();
    }
    let candidates = doc.select("[class], [id], nav");
    for node in candidates.nodes() {
        let tag = node.node_name().map(|n| n.to_ascii_lowercase());
        if matches!(tag.as_deref(), Some("html" | "body" | "article" | "main")) {
            continue;
        }
        let names = names_of(node);
        let furniture = names_furniture(&names) || tag.as_deref() == Some("nav");
        if furniture
            && text_bytes(node) * 3 < total
            && (!holds_prose(node, &names) || is_comment_thread(node))
        {
            node.remove_from_parent();
        }
    }
    drop_small_print(doc);
    shield_text_blocks(doc);
}

/// An element's class and id, as one string of names.
fn names_of(node: &NodeRef<'_>) -> String {
    format!(
        "{} {}",
        node.attr("class").unwrap_or_default(),
        node.attr("id").unwrap_or_default()
    )
}

/// Takes from headings and paragraphs the class and id that Readability would misread as a
/// page header or an extra (see the module docs); names of real furniture are left alone.
fn shield_text_blocks(doc: &Document) {
    for node in doc.select("h1, h2, h3, h4, h5, h6, p").nodes() {
        let names = names_of(node).to_ascii_lowercase();
        if MISREAD_PARTS.iter().any(|part| names.contains(part)) && !names_furniture(&names) {
            node.remove_attr("class");
            node.remove_attr("id");
        }
    }
}

/// Removes short elements that are a gallery's counter (`Image 1 of 8`, `Photo 3/12`), an
/// advertisement's label (`Advertisement`, `Anzeige`) or a copyright notice (`™ & © 2026
/// Ledger Media Group, Inc. All rights reserved.`): they sit between or after the paragraphs
/// and are no part of the story. A sentence of the story that mentions copyright is longer and
/// has other words; it stays. One walk does all three, so each element's text is gathered
/// once.
fn drop_small_print(doc: &Document) {
    for node in doc.select("p, span, div, li, small").nodes() {
        // Small print is a line of a few nodes; gathering the text of every block that holds
        // the story, for each of its ancestors, was a tenth of importing a page.
        if node.descendants_it().nth(SMALL_PRINT_NODES).is_some() {
            continue;
        }
        let text = node.text();
        let t = text.trim();
        if t.len() > 4 * COPYRIGHT_CHARS {
            continue;
        }
        let counter = t.len() <= 24 && is_gallery_counter(t);
        // A span may be a word of a heading ("<h2><span>Advertising</span></h2>").
        let label = t.len() <= 48 && node.node_name().as_deref() != Some("span") && is_ad_label(t);
        if counter || label || (t.chars().count() <= COPYRIGHT_CHARS && is_copyright_line(t)) {
            node.remove_from_parent();
        }
    }
}

/// Labels that mark an advertisement's slot between paragraphs, in the languages of the pages
/// we read: the whole text of their element, case and a closing colon aside.
const AD_LABELS: &[&str] = &[
    "advertisement",
    "advertising",
    "sponsored",
    "story continues below advertisement",
    "article continues below advertisement",
    "continue reading below",
    "continue reading the main story",
    "anzeige",
    "werbung",
    "publicité",
    "publicidad",
    "pubblicità",
    "reklame",
    "reklama",
];

/// Is `t` an advertisement's label (see [`AD_LABELS`])?
fn is_ad_label(t: &str) -> bool {
    let lower = t.trim_end_matches([':', ' ']).to_lowercase();
    AD_LABELS.contains(&lower.as_str())
}

/// The most nodes (elements and text) inside an element that may still be small print.
const SMALL_PRINT_NODES: usize = 16;

/// The longest copyright notice (characters) taken for small print.
const COPYRIGHT_CHARS: usize = 160;

/// `© 2026 Ledger Media`, `Copyright 2026 …`, `… All rights reserved.`: a line that opens
/// with a copyright mark or word (after any ™), or ends with the reservation of rights.
fn is_copyright_line(t: &str) -> bool {
    let lower = t.to_lowercase();
    let opening = lower.trim_start_matches(|c: char| c == '™' || c == '&' || c.is_whitespace());
    opening.starts_with('©')
        || opening.starts_with("(c) ")
        || opening.starts_with("copyright ")
        || lower
            .trim_end_matches(|c: char| c == '.' || c.is_whitespace())
            .ends_with("all rights reserved")
}

/// Does a class/id attribute name furniture? Each name is split into words at anything not a
/// letter or digit; a furniture word counts unless the word before it negates it.
fn names_furniture(names: &str) -> bool {
    let lower = names.to_ascii_lowercase();
    lower.split_whitespace().any(|name| {
        let words: Vec<&str> = name
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        words.iter().enumerate().any(|(i, w)| {
            let negated = i > 0 && NEGATIONS.contains(&words[i - 1]);
            let single = FURNITURE.contains(w);
            let pair = words
                .get(i + 1)
                .is_some_and(|next| FURNITURE_PAIRS.contains(&(*w, *next)));
            (single || pair) && !negated
        })
    })
}

/// Does the element hold paragraphs of prose: enough text in paragraphs long enough to be
/// sentences rather than labels, link lists or teasers? Text inside links does not count.
/// A paragraph of prose marked for the paywall (see [`ACCESS`]) is article text by itself:
/// magazines mark each paragraph after the first `class="paywall"` for their paywall script,
/// and those paragraphs are the story. A paragraph marked `newsletter` or `promo` is a pitch,
/// however long.
fn holds_prose(node: &NodeRef<'_>, names: &str) -> bool {
    if node
        .node_name()
        .is_some_and(|n| n.eq_ignore_ascii_case("p"))
    {
        return names_access(names) && prose_chars(node) >= PROSE_PARAGRAPH;
    }
    let prose: usize = node
        .descendants_it()
        .filter(|n| is_tag(n, "p"))
        .map(|n| prose_chars(&n))
        .filter(|&own| own >= PROSE_PARAGRAPH)
        .sum();
    prose >= PROSE_TOTAL
}

/// Is the element a thread of readers' comments: named for comments, and holding at least
/// two elements named for comments (`<ol class="comment-list">` of `<li class="comment">`)?
/// Comments are written in prose, so the prose test would keep them; a thread is never the
/// article, and left in place one long comment can outscore the story in Readability.
fn is_comment_thread(node: &NodeRef<'_>) -> bool {
    let named = |n: &NodeRef<'_>| names_comments(&names_of(n));
    named(node)
        && node
            .descendants_it()
            .filter(|n| n.is_element() && named(n))
            .take(2)
            .count()
            == 2
}

/// Does a class/id attribute name comments (`comment`, `comments`, `comment-list`)?
fn names_comments(names: &str) -> bool {
    names
        .to_ascii_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| matches!(w, "comment" | "comments"))
}

/// Words in a class or id that say who may read a block, not what it is: on a paragraph they
/// mark the story's own text for a paywall or a metering script.
const ACCESS: &[&str] = &[
    "paywall",
    "premium",
    "subscriber",
    "subscribers",
    "metered",
    "locked",
];

/// Does a class/id attribute hold one of the [`ACCESS`] words?
fn names_access(names: &str) -> bool {
    names
        .to_ascii_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| ACCESS.contains(&w))
}

/// The characters of a paragraph outside its links.
fn prose_chars(p: &NodeRef<'_>) -> usize {
    let all = p.text().chars().count();
    let linked: usize = p
        .descendants_it()
        .filter(|n| is_tag(n, "a"))
        .map(|a| a.text().chars().count())
        .sum();
    all.saturating_sub(linked)
}

/// Is `n` an element named `tag` (lowercase)? Walking the descendants and asking this costs
/// less than a selector, which is parsed anew for each element it is asked of.
fn is_tag(n: &NodeRef<'_>, tag: &str) -> bool {
    n.node_name()
        .is_some_and(|name| name.eq_ignore_ascii_case(tag))
}

/// `Image 1 of 8`, `Photo 3 of 12`, `Picture 2/5`, `Slide 4 of 9`.
fn is_gallery_counter(t: &str) -> bool {
    let lower = t.to_ascii_lowercase();
    let Some(rest) = ["image ", "photo ", "picture ", "slide ", "foto "]
        .iter()
        .find_map(|w| lower.strip_prefix(w))
    else {
        return false;
    };
    let rest = rest.replace(" of ", "/").replace(' ', "");
    match rest.split_once('/') {
        Some((a, b)) => {
            !a.is_empty()
                && !b.is_empty()
                && a.bytes().all(|c| c.is_ascii_digit())
                && b.bytes().all(|c| c.is_ascii_digit())
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comment_thread_goes_even_in_prose_and_a_story_named_paywall_stays() {
        let long = "I have been asking for this for years and I still think the way the browser \
                    groups tabs is wrong, because every time I restart it the sessions I saved \
                    are gone and I have to open every page again by hand, one after another.";
        let comment = |who: &str| {
            format!(
                "<li class=\"comment even depth-1\"><div class=\"comment-author\">{who}</div>\
                 <p>{long}</p></li>"
            )
        };
        let story = format!("<p>{}</p><p>{}</p>", long.replace("comment", "x"), long);
        // The page is mostly furniture, so neither block holds a third of its text.
        let menu: String = (0..40)
            .map(|i| format!("<li><a href=\"/s/{i}\">Section number {i}</a></li>"))
            .collect();
        let html = format!(
            "<html><body><ul class=\"menu\">{menu}</ul>\
             <div class=\"paywall\">{story}</div>\
             <section id=\"comments\"><ol class=\"comment-list\">{}{}</ol></section>\
             <div class=\"comment-note\"><p>{long}</p><p>{long}</p></div></body></html>",
            comment("Ana"),
            comment("Ben"),
        );
        let doc = Document::from(html.as_str());
        drop_page_furniture(&doc);
        assert_eq!(doc.select("#comments").length(), 0, "the thread stays");
        assert_eq!(doc.select(".paywall p").length(), 2, "the story is lost");
        // One block named for comments that is not a thread is judged by its prose.
        assert_eq!(doc.select(".comment-note").length(), 1);
    }

    #[test]
    fn furniture_words_count_only_as_whole_unnegated_words_of_a_name() {
        assert!(names_furniture("share-bar"));
        assert!(names_furniture("article__related  x"));
        assert!(names_furniture("box most-read"));
        assert!(!names_furniture("non-ad-column"));
        assert!(!names_furniture("no-ads-story"));
        assert!(
            !names_furniture("headline shadow"),
            "'ad' inside a word is not a word"
        );
        assert!(
            !names_furniture("readmore-teaser-body-more"),
            "not a pair of words"
        );
    }

    #[test]
    fn copyright_lines_are_small_print_and_sentences_about_copyright_are_not() {
        assert!(is_copyright_line(
            "™ & © 2013 Cable News Network, Inc. All rights reserved."
        ));
        assert!(is_copyright_line("Copyright 2026 The Ledger"));
        assert!(is_copyright_line("The Ledger 2026. All rights reserved."));
        assert!(!is_copyright_line(
            "The logo carried a © mark although nobody had registered it."
        ));
    }

    #[test]
    fn gallery_counters_are_recognised_and_sentences_are_not() {
        assert!(is_gallery_counter("Image 1 of 8"));
        assert!(is_gallery_counter("Photo 3/12"));
        assert!(!is_gallery_counter("Image of the day"));
        assert!(!is_gallery_counter("Photo 3 of the series"));
    }
}
