//! Which title and publication date a saved web page gets: the ones it declares for machines,
//! in the order reader views read them, before its `<title>` and `<h1>`s. Fixtures are small
//! pages written here in the shapes real news and blog templates use.

#![allow(clippy::unwrap_used)]

use crosscheck::corpus::article_from_bytes;
use crosscheck::corpus::page::read_page;

/// A page with the given `<head>` contents and body header, then an ordinary article.
fn page(head: &str, header: &str) -> String {
    let para = "<p>The harbour board met on Tuesday to discuss the plan for the old quay, and \
                members asked how the work would be paid for and who would run the new ferry \
                terminal once it opened to passengers.</p>";
    format!(
        "<!doctype html><html><head><meta charset=\"utf-8\">{head}</head><body>\
         <header><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav></header>\
         <main><article>{header}{para}{para}{para}</article></main></body></html>"
    )
}

#[test]
fn json_ld_wrapped_in_cdata_still_gives_the_headline_and_date() {
    let p = read_page(&page(
        "<title>Quay plan approved | Harbour Times</title>\
         <script type=\"application/ld+json\">//<![CDATA[\n\
         {\"@context\":\"https://schema.org\",\"@type\":\"BlogPosting\",\
          \"headline\":\"Quay plan approved after a long night\",\
          \"datePublished\":\"2024-06-25\"}\n//]]></script>",
        "",
    ));
    assert_eq!(
        p.title.as_deref(),
        Some("Quay plan approved after a long night")
    );
    assert_eq!(p.published.as_deref(), Some("2024-06-25"));
}

#[test]
fn a_meta_property_listing_several_names_declares_each() {
    let p = read_page(&page(
        "<title>Title element</title>\
         <meta property=\"x:title dc:title\" content=\"Ferry fares to rise in May\">\
         <meta property=\"og:title twitter:title\" content=\"Fares up\">",
        "<h1>Some other heading</h1>",
    ));
    assert_eq!(p.title.as_deref(), Some("Ferry fares to rise in May"));
}

#[test]
fn the_title_element_wins_over_a_different_h1_when_nothing_is_declared() {
    let p = read_page(&page(
        "<title>A long title with a colon: the version the editor chose</title>",
        "<h1>A long title with a colon: but the heading on the page differs</h1>",
    ));
    assert_eq!(
        p.title.as_deref(),
        Some("A long title with a colon: the version the editor chose")
    );
}

#[test]
fn a_site_name_after_a_dash_leaves_the_title_element() {
    let p = read_page(&page(
        "<title>Lorem ipsum dolor sit amet – My website</title>",
        "",
    ));
    assert_eq!(p.title.as_deref(), Some("Lorem ipsum dolor sit amet"));
}

#[test]
fn a_one_word_title_element_gives_way_to_the_only_h1() {
    let p = read_page(&page(
        "<title>News</title>",
        "<h1>Night ferry cancelled after engine fault</h1>",
    ));
    assert_eq!(
        p.title.as_deref(),
        Some("Night ferry cancelled after engine fault")
    );
}

#[test]
fn an_open_graph_title_keeps_its_authors_name_but_not_the_outlets() {
    let p = read_page(&page(
        "<title>Whales strand again | Jo Bloggs | Environment | The Herald</title>\
         <meta property=\"og:site_name\" content=\"the Herald\">\
         <meta property=\"og:title\" content=\"Whales strand again: what is the sea telling us? | Jo Bloggs\">",
        "",
    ));
    assert_eq!(
        p.title.as_deref(),
        Some("Whales strand again: what is the sea telling us? | Jo Bloggs")
    );
    let p = read_page(&page(
        "<meta property=\"og:site_name\" content=\"Harbour Times\">\
         <meta property=\"og:title\" content=\"Quay plan approved - Harbour Times\">",
        "",
    ));
    assert_eq!(p.title.as_deref(), Some("Quay plan approved"));
    assert_eq!(p.outlet.as_deref(), Some("Harbour Times"));
}

#[test]
fn a_json_ld_name_that_is_the_site_loses_to_the_headline() {
    let p = read_page(&page(
        "<title>Dam holds as the river peaks overnight - Valley Post</title>\
         <meta property=\"og:title\" content=\"Dam holds as the river peaks overnight | Valley Post\">\
         <script type=\"application/ld+json\">{\"@context\":\"http://schema.org\",\
          \"@type\":\"NewsArticle\",\"name\":\"Valley Post\",\
          \"headline\":\"Dam holds as the river peaks overnight\",\
          \"datePublished\":\"2021-11-01T10:52:50+0100\"}</script>",
        "",
    ));
    assert_eq!(
        p.title.as_deref(),
        Some("Dam holds as the river peaks overnight")
    );
    assert_eq!(p.published.as_deref(), Some("2021-11-01T10:52:50+0100"));
}

#[test]
fn videos_described_before_the_article_do_not_name_it() {
    let video = |name: &str, date: &str| {
        format!(
            "<script type=\"application/ld+json\">{{\"@context\":\"http://schema.org\",\
             \"@type\":\"VideoObject\",\"name\":\"{name}\",\"uploadDate\":\"{date}\"}}</script>"
        )
    };
    let head = format!(
        "{}{}<script type=\"application/ld+json\">{{\"@context\":{{\"@vocab\":\"http://schema.org\"}},\
         \"@type\":\"NewsArticle\",\"headline\":\"Impeachment vote fails after walkout\",\
         \"datePublished\":\"2024-12-06T22:00:40.000Z\"}}</script>",
        video(
            "President apologises in televised address",
            "2024-12-07T01:36:42Z"
        ),
        video(
            "Protesters gather outside parliament",
            "2024-12-06T02:19:20Z"
        ),
    );
    let p = read_page(&page(&head, ""));
    assert_eq!(
        p.title.as_deref(),
        Some("Impeachment vote fails after walkout")
    );
    assert_eq!(p.published.as_deref(), Some("2024-12-06T22:00:40.000Z"));
}

#[test]
fn an_imported_page_carries_the_declared_title_and_date_into_the_project() {
    let html = page(
        "<title>Quay plan approved | Harbour Times</title>\
         <script type=\"application/ld+json\"><![CDATA[{\"@type\":\"NewsArticle\",\
          \"headline\":\"Quay plan approved after a long night\",\
          \"datePublished\":\"2024-06-25T21:10:00+01:00\"}]]></script>",
        "<h1>Quay plan approved</h1>",
    );
    let r = article_from_bytes("quay.html", html.as_bytes());
    let a = r.articles.first().unwrap();
    assert_eq!(a.title, "Quay plan approved after a long night");
    assert_eq!(a.published.as_deref(), Some("2024-06-25T21:10:00+01:00"));
}

#[test]
fn a_live_blog_is_an_article_too() {
    let p = read_page(&page(
        "<title>Live | Harbour Times</title>\
         <script type=\"application/ld+json\">{\"@type\":\"LiveBlogPosting\",\
          \"name\":\"Storm live: ferries cancelled, quay flooded\",\
          \"datePublished\":\"2025-01-24T06:00:00Z\"}</script>",
        "",
    ));
    assert_eq!(
        p.title.as_deref(),
        Some("Storm live: ferries cancelled, quay flooded")
    );
    assert_eq!(p.published.as_deref(), Some("2025-01-24T06:00:00Z"));
}

#[test]
fn a_short_title_element_stays_when_the_only_h1_says_less() {
    // A test page names itself "Quay survey" and heads its first section "Lorem": the
    // heading is not the page's name.
    let p = read_page(&page("<title>Quay survey</title>", "<h1>Lorem</h1>"));
    assert_eq!(p.title.as_deref(), Some("Quay survey"));
    // A heading that says more than a one-word title still names the page.
    let p = read_page(&page(
        "<title>Quay survey</title>",
        "<h1>Quay survey finds cracks in the old wall</h1>",
    ));
    assert_eq!(
        p.title.as_deref(),
        Some("Quay survey finds cracks in the old wall")
    );
}

/// An encyclopedia-style page: an infobox of facts, then the article; no date declared.
fn infobox_page(field: &str) -> String {
    let para = "<p>The Harbour Trust is a charity that looks after the old quay, its sheds and \
                the ferry slip, and runs the small museum that opens every summer for visitors \
                who come to see the boats and learn how the harbour was built.</p>";
    format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Harbour Trust - Wiki</title>\
         </head><body><div id=\"content\"><h1>Harbour Trust</h1>\
         <table class=\"infobox\"><tr><th>Type</th><td>Charity</td></tr>\
         <tr><th>{field}</th><td>February 28, 1998; 18 years ago</td></tr>\
         <tr><th>Headquarters</th><td>Old Quay</td></tr></table>\
         {para}{para}{para}</div></body></html>"
    )
}

#[test]
fn a_founding_date_in_an_infobox_does_not_date_the_page() {
    let p = read_page(&infobox_page("Founded"));
    assert!(
        p.text.contains("February 28, 1998"),
        "the infobox is part of the text: {:?}",
        p.text
    );
    assert_eq!(p.published, None);
    // The same box labelled as the page's own date still dates it.
    let p = read_page(&infobox_page("Published"));
    assert_eq!(p.published.as_deref(), Some("1998-02-28"));
}

#[test]
fn character_references_escaped_twice_are_decoded_in_titles() {
    // `&amp;#039;` in the HTML is `&#039;` after parsing; JSON-LD strings are not HTML at all.
    let p = read_page(&page(
        "<meta property=\"og:title\" content=\"Harbour &amp;#039;open&amp;#039; again\">",
        "",
    ));
    assert_eq!(p.title.as_deref(), Some("Harbour 'open' again"));
    let p = read_page(&page(
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\
          \"headline\":\"Ferry &#8216;safe&#8217;, inspectors say\"}</script>",
        "",
    ));
    assert_eq!(
        p.title.as_deref(),
        Some("Ferry \u{2018}safe\u{2019}, inspectors say")
    );
}

#[test]
fn a_template_placeholder_or_an_address_slug_is_not_a_title() {
    let p = read_page(&page(
        "<title>Quay plan approved | Harbour Times</title>\
         <meta property=\"og:title\" content=\"{{ page.title }}\">",
        "",
    ));
    assert_eq!(p.title.as_deref(), Some("Quay plan approved"));
    let p = read_page(&page(
        "<title>Quay plan approved | Harbour Times</title>\
         <meta property=\"og:title\" content=\"quay-plan-approved-2024\">",
        "",
    ));
    assert_eq!(p.title.as_deref(), Some("Quay plan approved"));
    // Nothing declared and the first line of the page is an unfilled template.
    let p = read_page(&page(
        "",
        "<p>{{ article.status === 'published' ? 'Published story' : 'Page being edited' }}</p>\
         <h2>Quay plan approved after a long night</h2>",
    ));
    assert_eq!(
        p.title.as_deref(),
        Some("Quay plan approved after a long night")
    );
}

#[test]
fn a_declared_title_loses_a_date_tail_and_the_outlet_written_as_an_address() {
    let p = read_page(&page(
        "<meta property=\"og:site_name\" content=\"HARBOURTIMES.COM\">\
         <meta property=\"og:title\" content=\"Quay plan approved | Harbour Times | 19.01.2020\">",
        "",
    ));
    assert_eq!(p.title.as_deref(), Some("Quay plan approved"));
    // A date that is part of the headline stays.
    let p = read_page(&page(
        "<meta property=\"og:title\" content=\"What changed on 19.01.2020 at the quay\">",
        "",
    ));
    assert_eq!(
        p.title.as_deref(),
        Some("What changed on 19.01.2020 at the quay")
    );
}

#[test]
fn a_single_angle_quote_separates_the_site_name_in_a_title_element() {
    let p = read_page(&page(
        "<title>Quay plan approved after a long night › Harbour Times</title>",
        "",
    ));
    assert_eq!(
        p.title.as_deref(),
        Some("Quay plan approved after a long night")
    );
}

#[test]
fn the_outlets_name_goes_from_either_end_of_a_declared_title_even_with_dashes_in_it() {
    let p = read_page(&page(
        "<meta property=\"og:site_name\" content=\"Jo Bloggs - Harbour Notes\">\
         <meta property=\"og:title\" content=\"Quay plan approved - at last! - Jo Bloggs - Harbour Notes\">",
        "",
    ));
    assert_eq!(p.title.as_deref(), Some("Quay plan approved - at last!"));
    let p = read_page(&page(
        "<meta property=\"og:site_name\" content=\"HarbourTimes\">\
         <meta property=\"og:title\" content=\"HarbourTimes - Quay plan approved\">",
        "",
    ));
    assert_eq!(p.title.as_deref(), Some("Quay plan approved"));
    // The site's address names it too, and a chevron may follow its name.
    let p = read_page(&page(
        "<link rel=\"canonical\" href=\"https://www.harbour-times.org/2024/quay.html\">\
         <title>Harbour-Times » Quay plan approved after a long night</title>",
        "",
    ));
    assert_eq!(
        p.title.as_deref(),
        Some("Quay plan approved after a long night")
    );
}

#[test]
fn a_republished_story_keeps_the_day_it_first_appeared() {
    let head = |og: &str, ld: &str| {
        format!(
            "<meta property=\"article:published_time\" content=\"{og}\">\
             <script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\
              \"headline\":\"Quay plan approved after a long night\",\"datePublished\":\"{ld}\"}}</script>"
        )
    };
    // Open Graph gives the latest republication; JSON-LD the day before, when it first ran.
    let p = read_page(&page(
        &head("2024-12-07T12:43:39Z", "2024-12-06T22:00:40Z"),
        "",
    ));
    assert_eq!(p.published.as_deref(), Some("2024-12-06T22:00:40Z"));
    // The same day in both: Open Graph's, with the offset it gives.
    let p = read_page(&page(
        &head("2024-12-06T15:40:14+02:00", "2024-12-06T15:40:14+00:00"),
        "",
    ));
    assert_eq!(p.published.as_deref(), Some("2024-12-06T15:40:14+02:00"));
    // A later JSON-LD date is an update, not the first appearance.
    let p = read_page(&page(
        &head("2024-12-06T09:00:00Z", "2024-12-09T10:00:00Z"),
        "",
    ));
    assert_eq!(p.published.as_deref(), Some("2024-12-06T09:00:00Z"));
}
