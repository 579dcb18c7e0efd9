//! Shapes found on real news pages of a fresh benchmark (issue 25), rebuilt here as small
//! pages written for the test: a story whose section headings carry a class Readability
//! treats as a page header (`subheader`), a navigation list and a video player's headline
//! inside the article, an author box under the headline, a copyright line closing the body,
//! and dates declared in ways the importer did not read (ISO 8601 basic format in JSON-LD,
//! Parse.ly's `parsely-page` JSON, a publisher's `article_date_original`, Cxense's
//! `publishtime`), words typeset with soft hyphens, a syntax-highlighted code block, and
//! advertisement labels between paragraphs; paragraphs each marked `paywall` (the story) beside
//! a long newsletter pitch (not the story).

use crosscheck::corpus::page::read_page;

/// Three paragraphs of a story, long enough for Readability to trust the block.
const STORY: &[&str] = &[
    "The hearing ran for more than six hours on Monday, with sharp exchanges between the witness and the judge, who at one point threatened to end the testimony early.",
    "Lawyers for the state asked about the valuation of three buildings, which the filing says was raised by 40 per cent in a single year without any change to the property.",
    "The witness said the figures had been prepared by accountants and that he had relied on them, an answer the judge called unhelpful before calling a short break.",
];

fn page(head: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><meta charset=utf-8>{head}</head><body>\
         <header class=\"site-header\"><a href=\"/\">The Daily Ledger</a></header>\
         <article class=\"article\">{body}</article>\
         <footer>About us · Contact</footer></body></html>"
    )
}

fn p(text: &str) -> String {
    format!("<p class=\"paragraph\">{text}</p>")
}

#[test]
fn section_headings_named_like_page_headers_stay_in_the_story() {
    let body = format!(
        "<h1>Takeaways from a long day on the stand</h1>{}\
         <h2 class=\"subheader\" id=\"the-campaign-comes-to-court\">The campaign comes to court</h2>{}\
         <h3 class=\"article__subheader\">Overcoming nerves</h3>{}",
        p(STORY[0]),
        p(STORY[1]),
        p(STORY[2])
    );
    let text = read_page(&page("<title>Takeaways</title>", &body)).text;
    for kept in [
        "The campaign comes to court",
        "Overcoming nerves",
        "six hours",
    ] {
        assert!(text.contains(kept), "lost {kept:?}:\n{text}");
    }
}

#[test]
fn navigation_video_headlines_and_copyright_lines_inside_the_article_are_dropped() {
    let body = format!(
        "<nav class=\"nav_editions\"><ul><li>Editions:</li><li><a href=\"/north\">North</a></li>\
         <li><a href=\"/south\">South</a></li><li><a href=\"/islands\">The Islands</a></li></ul></nav>\
         {}<div class=\"video-resource\"><div class=\"video-resource__headline\">'Crash and burn': \
         an analyst reacts to the courtroom strategy</div>\
         <span class=\"video-resource__duration\">03:29</span></div>{}{}\
         <nav class=\"links inline\"><ul><li><a href=\"/print/1\">Printer-friendly version</a></li></ul></nav>\
         <p>™ &amp; © 2026 Ledger Media Group, Inc. All rights reserved.</p>",
        p(STORY[0]),
        p(STORY[1]),
        p(STORY[2])
    );
    let text = read_page(&page("<title>Hearing</title>", &body)).text;
    for kept in STORY {
        assert!(text.contains(kept), "lost {kept:?}:\n{text}");
    }
    for dropped in [
        "Editions",
        "The Islands",
        "Crash and burn",
        "03:29",
        "Printer-friendly",
        "All rights reserved",
    ] {
        assert!(!text.contains(dropped), "kept {dropped:?}:\n{text}");
    }
}

#[test]
fn a_copyright_sentence_in_the_story_is_not_a_copyright_line() {
    let line = "The court heard that the logo carried a © mark although nobody had registered it, and that all rights reserved by the founders had lapsed in 2019 when the firm was sold.";
    let body = format!("{}{}{}", p(STORY[0]), p(line), p(STORY[1]));
    let text = read_page(&page("<title>Logo</title>", &body)).text;
    assert!(text.contains(line), "lost the sentence:\n{text}");
}

fn published(head: &str) -> Option<String> {
    let body = format!("{}{}{}", p(STORY[0]), p(STORY[1]), p(STORY[2]));
    read_page(&page(head, &body)).published
}

#[test]
fn dates_declared_in_basic_iso_parsely_and_publisher_fields_are_read() {
    let ld = r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Hearing","datePublished":"20260619T055000+0900"}</script>"#;
    assert_eq!(
        published(ld).as_deref(),
        Some("2026-06-19T05:50:00+09:00"),
        "ISO 8601 basic format"
    );
    let parsely = r#"<meta name='parsely-page' content='{"title": "Hearing", "pub_date": "2026-12-27T17:10:17Z", "type": "post"}'>"#;
    assert_eq!(
        published(parsely).as_deref(),
        Some("2026-12-27T17:10:17Z"),
        "Parse.ly's page JSON"
    );
    let original =
        r#"<meta name="article_date_original" content="Saturday, December 27, 2026, 12:06 PM">"#;
    assert_eq!(
        published(original).as_deref().map(|d| &d[..10]),
        Some("2026-12-27"),
        "a publisher's written date"
    );
    let cxense = r#"<meta name="cXenseParse:recs:publishtime" content="2026-06-18T10:01:00.000Z">"#;
    assert_eq!(
        published(cxense).as_deref(),
        Some("2026-06-18T10:01:00.000Z"),
        "Cxense's publish time"
    );
    // A basic-format string that is not a date stays unread rather than misread.
    let bad = r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Hearing","datePublished":"20261399T000000"}</script>"#;
    assert_eq!(published(bad), None);
}

#[test]
fn an_author_box_inside_the_article_is_dropped_and_the_story_kept() {
    let body = format!(
        "<h1>Landslide leaves five dead</h1><div class=\"article__info\">\
         <div class=\"info-item authors\"><strong>Authors:</strong> \
         <a href=\"/author/anna\">Anna Udre</a> <em>(foreign news editor)</em></div></div>\
         {}{}{}",
        p(STORY[0]),
        p(STORY[1]),
        p(STORY[2])
    );
    // The page declares its author, so Readability takes no byline from the body.
    let head = "<title>Landslide</title><meta name=\"author\" content=\"Anna Udre\">";
    let page = read_page(&page(head, &body));
    assert_eq!(page.author.as_deref(), Some("Anna Udre"));
    let text = page.text;
    for kept in STORY {
        assert!(text.contains(kept), "lost {kept:?}:\n{text}");
    }
    assert!(
        !text.contains("foreign news editor"),
        "kept the author box:\n{text}"
    );
}

#[test]
fn soft_hyphens_leave_the_words_whole() {
    // Typeset pages hyphenate long words with invisible soft hyphens, written as `&shy;` or
    // as the character itself; a search or a quote comparison must see the whole word.
    let body = format!(
        "{}<p>La pre\u{ad}mière condi&shy;tion est bud\u{ad}gé\u{ad}taire, a dit la candidate \
         devant le conseil, qui doit rendre sa décision avant la fin du mois de juin prochain.</p>{}",
        p(STORY[0]),
        p(STORY[1])
    );
    let text = read_page(&page("<title>Recherche</title>", &body)).text;
    assert!(
        text.contains("La première condition est budgétaire"),
        "soft hyphens left in:\n{text:?}"
    );
}

#[test]
fn a_highlighted_code_block_keeps_the_spaces_between_its_tokens() {
    // Syntax highlighters wrap each token in a span; the spaces between them are text of
    // their own inside `<pre>`.
    let code = "<div class=\"codehilite\"><pre><span class=\"kn\">import</span> <span class=\"nn\">os</span>\n\n\
                <span class=\"kn\">from</span> <span class=\"nn\">django.conf</span> \
                <span class=\"kn\">import</span> <span class=\"n\">settings</span>   \n</pre></div>";
    let body = format!("{}{code}{}{}", p(STORY[0]), p(STORY[1]), p(STORY[2]));
    let text = read_page(&page("<title>Tests</title>", &body)).text;
    for line in ["import os\n", "from django.conf import settings\n"] {
        assert!(text.contains(line), "code run together:\n{text}");
    }
}

#[test]
fn advertisement_labels_between_paragraphs_are_dropped_and_a_heading_of_that_word_kept() {
    let body = format!(
        "{}<p>Advertisement</p>{}<div>Story continues below advertisement</div>\
         <h2>Advertising</h2>{}<small>Anzeige</small>",
        p(STORY[0]),
        p(STORY[1]),
        p(STORY[2])
    );
    let text = read_page(&page("<title>Hearing</title>", &body)).text;
    for kept in STORY.iter().chain(&["Advertising"]) {
        assert!(text.contains(kept), "lost {kept:?}:\n{text}");
    }
    for dropped in ["Advertisement", "continues below", "Anzeige"] {
        assert!(!text.contains(dropped), "kept {dropped:?}:\n{text}");
    }
}

#[test]
fn a_block_of_article_metadata_goes_and_its_stamp_still_dates_the_page() {
    let body = format!(
        "<h1>Rail link plan</h1><div class=\"metadata\"><span>Published 14 January 2026, 9:21</span> \
         <a class=\"metadata__commentcount\" href=\"#comments\">571 comments</a></div>{}{}{}",
        p(STORY[0]),
        p(STORY[1]),
        p(STORY[2])
    );
    let page = read_page(&page("<title>Rail link plan</title>", &body));
    assert!(!page.text.contains("571 comments"), "kept:\n{}", page.text);
    assert_eq!(
        page.published.as_deref().map(|d| &d[..10]),
        Some("2026-01-14")
    );
}

#[test]
fn paragraphs_each_marked_paywall_are_the_story_not_furniture() {
    // A magazine marks every paragraph after the first for its paywall script; the marked
    // paragraphs are the article, and losing them loses all but its first paragraph.
    let marked: String = STORY[1..]
        .iter()
        .chain(STORY)
        .chain(STORY)
        .map(|s| format!("<p class=\"paywall\">{s}</p>"))
        .collect();
    let body = format!(
        "<div class=\"body__inner-container\">{}{marked}</div>",
        p(STORY[0])
    );
    let page = read_page(&page("<title>Hearing</title>", &body));
    // Found as an article, not rescued by importing the whole page with its menus.
    assert_eq!(page.note, None, "{}", page.text);
    assert!(!page.text.contains("About us"), "{}", page.text);
    for kept in STORY {
        assert!(page.text.contains(kept), "lost {kept:?}:\n{}", page.text);
    }
}

#[test]
fn a_newsletter_pitch_between_paragraphs_goes_however_long() {
    let pitch = "Never miss news from the media business again: subscribe to our free newsletters \
                 and stay informed about every development in publishing, broadcasting and advertising.";
    let body = format!(
        "{}<p class=\"newsletter-teaser\">{pitch}</p>{}{}",
        p(STORY[0]),
        p(STORY[1]),
        p(STORY[2])
    );
    let text = read_page(&page("<title>Hearing</title>", &body)).text;
    assert!(
        !text.contains("free newsletters"),
        "kept the pitch:\n{text}"
    );
    for kept in STORY {
        assert!(text.contains(kept), "lost {kept:?}:\n{text}");
    }
}
