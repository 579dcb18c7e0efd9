//! Saved web pages come in as their article: body paragraphs without the page's menus,
//! share bars, "most read" lists, comments and footers, and title, outlet, date, author and
//! address from what the page declares. Fixtures in `tests/data/pages` imitate the shapes of
//! real news pages (Open Graph only, JSON-LD `@graph`, a blog template with `<time>`, an index
//! page with no article).

use crosscheck::corpus::{WarningKind, import_folder, page::read_page};
use std::path::PathBuf;

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/pages")
        .join(name);
    std::fs::read_to_string(&path).expect("fixture")
}

fn assert_body(text: &str, kept: &[&str], dropped: &[&str]) {
    for k in kept {
        assert!(text.contains(k), "kept {k:?} in:\n{text}");
    }
    for d in dropped {
        assert!(!text.contains(d), "dropped {d:?} in:\n{text}");
    }
}

#[test]
fn a_news_page_keeps_the_story_and_drops_menus_shares_lists_comments_and_footer() {
    let page = read_page(&fixture("daily-courier.html"));
    assert_body(
        &page.text,
        &[
            "At least 14 people were killed when a section of the Old Mill road bridge",
            "“We will keep going until every family has an answer,” said Anja Berg",
            "Inspections questioned",
            "There were cracks in the pillars for years",
            "the city’s traffic office",
            "23 people were being treated",
        ],
        &[
            // A picture's caption describes the picture, not the story (issue 25).
            "Rescue boats near the collapsed section",
            "Skip to content",
            "Sport",
            "cookies",
            "Share on Facebook",
            "Most read",
            "Ten recipes",
            "Comments (212)",
            "thoughts with the families",
            "All rights reserved",
            "Privacy policy",
            "dataLayer",
        ],
    );
    assert!(
        page.text.contains("14 people were killed") && page.text.contains("\n\nDivers were"),
        "paragraphs are separated by a blank line:\n{}",
        page.text
    );
    assert_eq!(
        page.title.as_deref(),
        Some("Bridge collapse: toll rises to 14 as divers search the river")
    );
    assert_eq!(page.outlet.as_deref(), Some("The Daily Courier"));
    assert_eq!(page.published.as_deref(), Some("2025-06-03T18:45:00+02:00"));
    assert_eq!(page.author.as_deref(), Some("Marta Lindqvist"));
    assert_eq!(
        page.url.as_deref(),
        Some("https://www.dailycourier.example/news/bridge-collapse-toll")
    );
    assert_eq!(page.note, None);
}

#[test]
fn json_ld_in_a_graph_gives_headline_date_authors_publisher_and_address() {
    let page = read_page(&fixture("wire-ld.html"));
    assert_eq!(
        page.title.as_deref(),
        Some("Flooding forces 3,200 from their homes in the valley")
    );
    assert_eq!(page.outlet.as_deref(), Some("Northern Wire"));
    assert_eq!(page.published.as_deref(), Some("2024-11-17T07:20:00Z"));
    assert_eq!(page.author.as_deref(), Some("Kofi Mensah, Lea Roth"));
    assert_eq!(
        page.url.as_deref(),
        Some("https://northernwire.example/2024/11/17/valley-flooding")
    );
    assert_body(
        &page.text,
        &[
            "About 3,200 people have been moved out of their homes",
            "Police closed 17 roads.",
            "\"The peak has not passed yet,\"",
            "Shelters: North School",
            "two people were rescued from a car",
        ],
        &[
            "Subscribe",
            "Business",
            "Sign up now",
            "Related stories",
            "Careers",
        ],
    );
}

#[test]
fn a_page_without_metadata_takes_its_title_without_the_site_and_its_date_from_time() {
    let page = read_page(&fixture("plain-title.html"));
    assert_eq!(
        page.title.as_deref(),
        Some("Council votes to close two libraries")
    );
    assert_eq!(page.published.as_deref(), Some("2023-02-08"));
    assert_eq!(
        page.outlet.as_deref(),
        Some("Riverside Gazette"),
        "the title's tail names the outlet when nothing else does"
    );
    assert_eq!(page.author.as_deref(), Some("Priya Natarajan"));
    assert_eq!(page.url, None, "no canonical address is made up");
    assert_body(
        &page.text,
        &[
            "The town council voted 7 to 4 on Tuesday night",
            "A petition against the plan collected 2,400 signatures",
            "a mobile library would visit both areas",
        ],
        &["Front page", "Letters", "Sponsored", "cheap flights"],
    );
}

#[test]
fn a_page_with_no_article_keeps_its_visible_text_and_says_so() {
    let page = read_page(&fixture("index-page.html"));
    assert!(
        page.text.contains("Tram strike called off"),
        "{}",
        page.text
    );
    assert!(
        page.note
            .as_deref()
            .is_some_and(|n| n.contains("no article")),
        "{:?}",
        page.note
    );
    assert_eq!(page.title.as_deref(), Some("Latest news"));
}

#[test]
fn importing_a_folder_of_pages_stores_author_and_address_and_warns_about_the_index_page() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/pages");
    let report = import_folder(&dir).expect("import");
    assert_eq!(report.articles.len(), 4, "{:?}", report.warnings);
    let courier = report
        .articles
        .iter()
        .find(|a| a.path == "daily-courier.html")
        .expect("courier");
    assert_eq!(courier.author.as_deref(), Some("Marta Lindqvist"));
    assert!(
        courier
            .url
            .as_deref()
            .is_some_and(|u| u.ends_with("bridge-collapse-toll"))
    );
    let warned: Vec<_> = report
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::Repaired)
        .map(|w| w.path.as_str())
        .collect();
    assert_eq!(warned, ["index-page.html"]);
}

#[test]
fn cdata_in_a_head_script_does_not_swallow_the_page() {
    let html = "<html><head><script>//<![CDATA[\nvar a = '</head>';\n//]]></script>\
                <title>T</title></head><body><article><p>The committee counted 139 \
                victims on Saturday, the ministry said in a statement released at noon. \
                Relatives gathered outside the hall through the night and into the next \
                morning while the lists were read.</p></article></body></html>";
    let page = read_page(html);
    assert!(page.text.contains("counted 139 victims"), "{:?}", page.text);
}

/// A news page whose menus and footer outweigh its story, with the story in `container`.
fn page_with_story_in(container: &str) -> String {
    let menu: String = (0..60)
        .map(|i| format!("<li><a href=\"/section/{i}\">Section number {i} of the site</a></li>"))
        .collect();
    let paras = [
        "Rescue teams searched the collapsed wing of the hospital through the night, and by morning \
         the regional governor said at least 41 people had been confirmed dead in the blast.",
        "The fire service said 112 people were taken to other hospitals across the region, and that \
         eleven of them remained in a critical condition on Tuesday afternoon.",
        "Investigators have not yet said what caused the explosion, which witnesses described as a \
         single loud bang followed by a column of black smoke over the eastern district.",
    ];
    let story: String = paras.iter().map(|p| format!("<p>{p}</p>")).collect();
    format!(
        "<!doctype html><html><head><title>Blast kills 41 at hospital</title></head><body>\
         <nav><ul>{menu}</ul></nav>\
         <div class=\"page\"><h1>Blast kills 41 at hospital</h1><div {container}>{story}</div>\
         <div class=\"share-bar\"><a href=\"/s/fb\">Share on Facebook</a> <a href=\"/s/x\">Share on X</a></div>\
         </div><footer><ul>{menu}</ul></footer></body></html>",
    )
}

#[test]
fn a_story_in_a_container_whose_class_names_furniture_words_is_kept() {
    for container in [
        "class=\"entry-content-read-more\"",
        "class=\"paywall article-body\"",
        "class=\"non-ad-column\"",
        "id=\"no-ads-story\"",
    ] {
        let page = read_page(&page_with_story_in(container));
        assert!(
            page.text
                .contains("at least 41 people had been confirmed dead"),
            "{container}: the story was lost: {}",
            &page.text[..page.text.len().min(300)]
        );
        assert!(
            !page.text.contains("Section number 17"),
            "{container}: the menus came in instead"
        );
        assert!(
            !page.text.contains("Share on Facebook"),
            "{container}: share bar kept"
        );
        assert!(page.note.is_none(), "{container}: {:?}", page.note);
    }
}

/// A page whose body is one `<article>` holding `story`.
fn in_article(story: &str) -> String {
    format!(
        "<!doctype html><html><head><title>Blast</title></head><body><article>{story}</article>\
         </body></html>"
    )
}

#[test]
fn captions_gallery_counters_and_tag_lists_stay_out_of_the_body() {
    let story = "<p>Rescue teams searched the collapsed wing of the hospital through the night, and by \
                 morning the regional governor said at least 41 people had been confirmed dead.</p>\
                 <figure><img src=\"a.jpg\"><figcaption>Smoke rises over the eastern district. \
                 Photo: Jane Roe/Agency</figcaption></figure>\
                 <p>The fire service said 112 people were taken to other hospitals across the region, \
                 and that eleven of them remained in a critical condition on Tuesday afternoon.</p>\
                 <div class=\"gallery\"><p>Image 1 of 8</p></div>\
                 <p>Investigators have not yet said what caused the explosion, which witnesses \
                 described as a single loud bang followed by a column of black smoke.</p>\
                 <ul class=\"article-tags\"><li><a href=\"/t/fire\">Fire</a></li>\
                 <li><a href=\"/t/health\">Health</a></li></ul>";
    let page = read_page(&in_article(story));
    assert_body(
        &page.text,
        &["at least 41 people", "112 people", "column of black smoke"],
        &[
            "Smoke rises over the eastern district",
            "Image 1 of 8",
            "Health",
        ],
    );
}

#[test]
fn update_stamps_leave_the_body_and_date_a_page_that_declares_no_date() {
    let story = "<p class=\"stamp\">Published 10:02 a.m. EST Dec. 5, 2026 | Updated 11:15 a.m. EST \
                 Dec. 5, 2026</p>\
                 <p>Rescue teams searched the collapsed wing of the hospital through the night, and by \
                 morning the regional governor said at least 41 people had been confirmed dead.</p>\
                 <p><span>Updated 3:45 p.m. ET</span></p>\
                 <p>The fire service said 112 people were taken to other hospitals across the region, \
                 and that eleven of them remained in a critical condition on Tuesday afternoon.</p>\
                 <p>The evacuation plan was updated on Dec. 1 after an inspection found blocked exits \
                 on two floors of the eastern wing.</p>\
                 <p>Last updated: 12 minutes ago</p>";
    let page = read_page(&in_article(story));
    assert_body(
        &page.text,
        &[
            "at least 41 people",
            "112 people",
            "The evacuation plan was updated on Dec. 1",
        ],
        &[
            "Published 10:02",
            "Updated 11:15",
            "Updated 3:45",
            "12 minutes ago",
        ],
    );
    assert_eq!(
        page.published.as_deref().map(|d| &d[..10]),
        Some("2026-12-05"),
        "the publication stamp dates the page"
    );
}
