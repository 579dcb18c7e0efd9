//! Title, publication date and outlet detected on import, on fixtures written in the styles
//! of real news sites and agencies (weekday datelines, story codes, agency datelines, photo
//! credits, lead paragraphs without a headline).

#![allow(clippy::unwrap_used)]

use crosscheck::corpus::{article_from_bytes, sample};
use crosscheck::model::Article;

fn article(name: &str, text: &str) -> Article {
    let r = article_from_bytes(name, text.as_bytes());
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    r.articles.into_iter().next().unwrap()
}

fn meta(a: &Article) -> (&str, Option<&str>, Option<&str>) {
    (
        a.title.as_str(),
        a.published.as_deref(),
        a.outlet.as_deref(),
    )
}

#[test]
fn weekday_dateline_and_story_code_site() {
    let a = article(
        "000.txt",
        "Thursday 14 November 2024 - 09:42\n\n\
         Lighthouse Keepers Refuse to Leave Storm-Hit Island, Mayor Says\n\n\
         Story Code : 2210457\n\
         Lighthouse Keepers Refuse to Leave Storm-Hit Island, Mayor Says\n\
         \"We stay as long as the lamp turns,\" the senior keeper said, according to NORDPRESS.\n\n\
         In November 1998 the same island was cut off for 11 days.\n",
    );
    assert_eq!(
        meta(&a),
        (
            "Lighthouse Keepers Refuse to Leave Storm-Hit Island, Mayor Says",
            // The dateline's time is kept: the timeline places the article by it.
            Some("2024-11-14T09:42"),
            // A source named in a sentence is not the outlet.
            None
        )
    );
}

#[test]
fn lead_paragraph_without_headline_becomes_a_shortened_title() {
    let a = article(
        "001.txt",
        "Harbour master Ilse Marr, who has run the port of Kestrelton for two decades, warned the regional council that the breakwater could fail within a year, a claim the council's engineers rejected on Monday as alarmist and unsupported by any survey.\n\
         ALSO READ | Kestrelton Breakwater: Council Orders New Survey\n",
    );
    assert!(
        a.title.starts_with("Harbour master Ilse Marr, who has run"),
        "{}",
        a.title
    );
    assert!(
        a.title.ends_with('…') && a.title.chars().count() <= 161,
        "{}",
        a.title
    );
    assert_eq!((a.published.as_deref(), a.outlet.as_deref()), (None, None));
}

#[test]
fn headline_then_standfirst() {
    let a = article(
        "002.txt",
        "Ferry operator received no storm warning: captain\n\
         The captain of the stranded ferry says the coast guard never contacted the ship.\n\
         The ferry Aurelia ran aground at 04:10 on Sunday, the captain said as quoted by Baltic Wire.\n",
    );
    assert_eq!(
        meta(&a),
        (
            "Ferry operator received no storm warning: captain",
            None,
            None
        )
    );
}

#[test]
fn agency_page_with_furniture_and_a_history_date_in_the_body() {
    let a = article(
        "003.txt",
        "All news\nUpdated at:\u{a0}\n\n\
         Kestrelton is ready to rebuild the breakwater - Mayor\n\n\
         Petr Dragan noted that the region expects the state to do the same\n\n\
         KESTRELTON, March 4. /NORDPRESS/. Kestrelton is ready to rebuild its breakwater, Mayor Petr Dragan told NORDPRESS on Friday.\n\n\
         On Friday, flags were lowered in memory of those lost in the February 12, 1962 storm.\n\n\
         On February 12, 1962, a storm surge flooded the lower town.\n",
    );
    assert_eq!(
        meta(&a),
        (
            "Kestrelton is ready to rebuild the breakwater - Mayor",
            Some("--03-04"),
            Some("NORDPRESS")
        )
    );
}

#[test]
fn section_date_line_time_line_photo_credit_and_agency_dateline() {
    let a = article(
        "004.txt",
        " date 2023-06-21 Coastal Affairs & Fisheries\n\
         Kestrelton, Varnholm have examples of successful rescue cooperation — mayor\n\n\
         June 21, 7:15 UTC+2\n\n\
         Kestrelton had warned Varnholm about the 2019 storm, but the warning was ignored\n\n\
         Mayor of Kestrelton, Petr Dragan\n\n\
         © Zoë Lindqvist/NORDPRESS\n\n\
         KESTRELTON, June 21. /NORDPRESS/. The two towns have examples of cooperation, Dragan said.\n",
    );
    assert_eq!(
        meta(&a),
        (
            "Kestrelton, Varnholm have examples of successful rescue cooperation — mayor",
            Some("2023-06-21"),
            Some("NORDPRESS")
        )
    );
}

#[test]
fn wire_service_dateline_in_parentheses() {
    let a = article(
        "wire.txt",
        "Ferry runs aground off Kestrelton, 40 rescued\n\n\
         KESTRELTON, June 3, 2024 (Baltic Wire) — A passenger ferry ran aground on Monday.\n",
    );
    assert_eq!(
        meta(&a),
        (
            "Ferry runs aground off Kestrelton, 40 rescued",
            Some("2024-06-03"),
            Some("Baltic Wire")
        )
    );
}

#[test]
fn markdown_heading_and_published_label() {
    let a = article(
        "notes.md",
        "# Ferry runs aground off Kestrelton\n\nPublished: 3 June 2024\n\nBody text here.\n",
    );
    assert_eq!(
        meta(&a),
        (
            "Ferry runs aground off Kestrelton",
            Some("2024-06-03"),
            None
        )
    );
}

#[test]
fn title_falls_back_to_the_file_name() {
    let a = article("storm-report.txt", "Menu\nShare\n12:40\n");
    assert_eq!(a.title, "storm-report");
}

#[test]
fn the_built_in_sample_disagrees_on_the_death_toll() {
    let r = sample();
    assert_eq!(r.articles.len(), 4);
    assert!(r.warnings.is_empty());
    let tolls = [
        "At least 14",
        "confirmed at 12",
        "More than 10",
        "risen to 16",
    ];
    for (a, toll) in r.articles.iter().zip(tolls) {
        assert!(a.text.contains(toll), "{} lacks {toll}", a.path);
        assert_eq!(a.sha256.len(), 64);
    }
}
