//! Hostile text in every field a user or an imported file controls (titles, outlets, dates,
//! paths, hashes, category and verdict names, quotes, attributions, notes, the project name),
//! exported in every format: it shows as text and can run, load, link or restructure nothing.
//! Markdown is checked with a CommonMark parser, HTML with an HTML5 parser.

use crosscheck::model::{
    Article, Category, Claim, Edit, Link, LinkKind, Project, Resolution, VerdictLevel,
};
use crosscheck::report::{Format, ReportOptions, render_to_string};
use pulldown_cmark::{Event, Options, Parser, Tag};

const TEXT_1: &str = "- 5 percent fell, per <script>alert(4)</script> reports.\n\
2024. The toll rose to 139 [x](javascript:alert(5)) said =cmd|' /C calc'!A0 officials.\n\
Then -12 was the change.";
const TEXT_2: &str = "Officials: 133 dead.\n";
const NOTE: &str = "line one\n# heading\n- item\n<script>alert(6)</script>\n](javascript:alert(7)) \
                    see https://x.example/a_b?c=1&d=2 or <javascript:alert(9)> or [a](https://x.example/t)";
/// The one address in the notes that may become a live (auto)link, exactly as written.
const NOTE_ADDRESS: &str = "https://x.example/a_b?c=1&d=2";
const CATEGORY: &str = "**b** <i>x</i> [c](javascript:x) # |pipe|";
const VERDICT: &str = "<b>True</b>";
const ATTRIBUTION: &str = "=HYPERLINK(\"http://evil\")";
const LINK_NOTE: &str = "<style>body{display:none}</style>";
const PROJECT: &str = "</title><script>alert(8)</script>.crosscheck";

fn article(id: i64, path: &str, title: &str, text: &str) -> Article {
    Article {
        id,
        path: path.into(),
        title: title.into(),
        outlet: Some("</td><script>alert('o')</script>".into()),
        published: Some("<svg onload=alert(2)>".into()),
        text: text.into(),
        sha256: "\"><script>alert(3)</script>".into(),
        encoding: "UTF-8".into(),
        author: None,
        url: None,
    }
}

fn claim(p: &Project, id: i64, article: i64, phrase: &str) -> Claim {
    let text = &p.article(article).expect("article").text;
    let b = text.find(phrase).expect("phrase in text");
    let s = text[..b].chars().count();
    let mut c = p
        .make_claim(article, s, s + phrase.chars().count(), Some(99))
        .expect("claim");
    c.id = id;
    c
}

fn hostile() -> Project {
    let mut p = Project::new(vec![
        article(
            1,
            "javascript:alert(1).txt",
            "</title><img src=x onerror=alert(1)>",
            TEXT_1,
        ),
        article(2, "sub/Zürich «b».txt", "1. Ordered?", TEXT_2),
    ]);
    let mut edits = vec![
        Edit::PutCategory(Category {
            id: 99,
            name: CATEGORY.into(),
            color: "#000000\"><script>".into(),
            shortcut: None,
        }),
        Edit::SetVerdicts(vec![
            VerdictLevel {
                name: "Unverified".into(),
                rating: None,
            },
            VerdictLevel {
                name: VERDICT.into(),
                rating: Some(2),
            },
            VerdictLevel {
                name: "False".into(),
                rating: Some(1),
            },
        ]),
    ];
    p.apply(Edit::Batch(std::mem::take(&mut edits)))
        .expect("codebook");
    let mut c1 = claim(&p, 1, 1, "- 5 percent");
    c1.verdict = Some(VERDICT.into());
    let c2 = claim(&p, 2, 1, "The toll");
    let c3 = claim(&p, 3, 1, "<script>alert(4)</script>");
    let c4 = claim(&p, 4, 1, "[x](javascript:alert(5))");
    let mut c5 = claim(&p, 5, 1, "=cmd|' /C calc'!A0");
    c5.attribution = Some(ATTRIBUTION.into());
    c5.note = NOTE.into();
    c5.verdict = Some("False".into());
    let c6 = claim(&p, 6, 1, "-12");
    let c7 = claim(&p, 7, 2, "133");
    edits.extend([c1, c2, c3, c4, c5, c6, c7].map(Edit::PutClaim));
    edits.push(Edit::PutLink(Link {
        id: 1,
        kind: LinkKind::Contradicts,
        note: LINK_NOTE.into(),
        resolution: Resolution::Resolved { standing: Some(5) },
        members: vec![1, 7],
    }));
    p.apply(Edit::Batch(edits)).expect("claims and link");
    p
}

fn render(format: Format) -> String {
    let opts = ReportOptions {
        project_name: PROJECT.into(),
        exported_at: "2026-11-22T12:00:00Z".into(),
    };
    render_to_string(&hostile(), format, &opts)
}

#[test]
fn html_shows_hostile_text_as_text_and_holds_only_our_elements() {
    let html = render(Format::Html);
    let doc = scraper::Html::parse_document(&html);
    assert!(
        doc.errors.is_empty(),
        "HTML5 parse errors: {:?}",
        doc.errors
    );
    let allowed = [
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "main",
        "header",
        "h1",
        "h2",
        "h3",
        "p",
        "section",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "br",
        "code",
        "article",
        "div",
        "figure",
        "blockquote",
        "mark",
        "del",
        "ins",
        "strong",
        "figcaption",
        "a",
        "ul",
        "li",
        "dl",
        "dt",
        "dd",
        "svg",
        "line",
        "text",
    ];
    let all = scraper::Selector::parse("*").expect("selector");
    for el in doc.select(&all) {
        let v = el.value();
        assert!(allowed.contains(&v.name()), "unexpected <{}>", v.name());
        for (name, value) in v.attrs() {
            assert!(!name.starts_with("on"), "event handler {name}={value}");
            if name == "href" {
                assert!(value.starts_with('#'), "a link leaves the page: {value}");
            }
        }
    }
    let count = |s: &str| {
        doc.select(&scraper::Selector::parse(s).expect("sel"))
            .count()
    };
    assert_eq!(count("style"), 1, "only the report's own stylesheet");
    assert_eq!(count("title"), 1);
    let title: String = doc
        .select(&scraper::Selector::parse("title").expect("sel"))
        .flat_map(|t| t.text())
        .collect();
    assert!(
        title.contains(PROJECT),
        "the project name is the title's text"
    );
    let body: String = doc.root_element().text().collect();
    for payload in [
        "<script>alert(4)</script>",
        "<script>alert(6)</script>",
        LINK_NOTE,
        "</td><script>alert('o')</script>",
        CATEGORY,
        VERDICT,
    ] {
        assert!(body.contains(payload), "{payload} is shown as text");
    }
}

#[test]
fn markdown_keeps_its_own_structure_whatever_the_text_says() {
    let md = render(Format::Markdown);
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    let (mut h1, mut h2, mut items, mut tables, mut depth, mut max_depth) = (0, 0, 0, 0, 0, 0);
    let mut links = 0;
    let mut text = String::new();
    for event in Parser::new_ext(&md, opts) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML reached the output: {h}"),
            // Only a web address the note spelled out may link, to exactly that address.
            Event::Start(Tag::Link { dest_url, .. })
                if dest_url.starts_with("https://") && NOTE.contains(dest_url.as_ref()) =>
            {
                links += 1
            }
            Event::Start(Tag::Link { dest_url, .. }) => panic!("a live link: {dest_url}"),
            Event::Start(Tag::Image { .. }) => panic!("an image"),
            Event::Start(Tag::CodeBlock(_)) => panic!("a code block opened by user text"),
            Event::Start(Tag::Heading { level, .. }) => match level as u8 {
                1 => h1 += 1,
                2 => h2 += 1,
                _ => {}
            },
            Event::Start(Tag::Table(_)) => tables += 1,
            Event::Start(Tag::Item) => items += 1,
            Event::Start(Tag::List(_)) => {
                depth += 1;
                max_depth = max_depth.max(depth);
            }
            Event::End(pulldown_cmark::TagEnd::List(_)) => depth -= 1,
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    assert_eq!(
        (h1, h2, tables),
        (1, 4, 1),
        "title, four sections, one table"
    );
    assert_eq!(max_depth, 1, "no list nested by a quote or title");
    assert!(links >= 1, "the note's web address stays followable");
    assert!(
        md.contains(&format!("<{NOTE_ADDRESS}>")),
        "the address is written unescaped"
    );
    assert_eq!(items, 2 + 7 + 3, "link members, claims, provenance lines");
    for payload in [
        "<script>alert(4)</script>",
        "[x](javascript:alert(5))",
        "- 5 percent",
        "2024. The toll",
        "1. Ordered?",
        "<script>alert(6)</script> ](javascript:alert(7))",
        LINK_NOTE,
        PROJECT,
    ] {
        assert!(
            text.contains(payload),
            "{payload:?} reads as text in\n{text}"
        );
    }
}

/// A small RFC 4180 reader: quoted fields, doubled quotes, CRLF records.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field, mut quoted) = (vec![], vec![], String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

#[test]
fn csv_cells_never_start_a_formula_and_keep_their_text() {
    let rows = parse_csv(render(Format::Csv).trim_start_matches('\u{feff}'));
    assert_eq!(rows.len(), 8, "header and seven claims");
    let text_columns = [1, 2, 5, 6, 7, 8, 9];
    for row in &rows[1..] {
        for &i in &text_columns {
            let cell = row[i].trim_start_matches(' ');
            let formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && cell != "-12";
            assert!(
                !formula || row[i].starts_with('\''),
                "live cell {:?}",
                row[i]
            );
        }
    }
    let by_id = |id: &str| rows.iter().find(|r| r[0] == id).expect("row");
    assert_eq!(
        by_id("6")[5],
        "-12",
        "a plain negative number keeps its sign"
    );
    assert_eq!(by_id("1")[5], "'- 5 percent");
    assert_eq!(by_id("5")[5], "'=cmd|' /C calc'!A0");
    assert_eq!(by_id("5")[8], format!("'{ATTRIBUTION}"));
    assert_eq!(by_id("5")[9], NOTE, "a multi-line note survives quoting");
    assert_eq!(by_id("5")[2], "javascript:alert(1).txt");
    assert_eq!(by_id("7")[2], "sub/Zürich «b».txt");
}

/// Whether a target's source is one of the two kinds of IRI the report may give: a web
/// address (`http(s)://`) or the `urn:sha256:` name of a text — never `javascript:` or a path.
fn is_safe_source(iri: &str) -> bool {
    let hash = iri.strip_prefix("urn:sha256:");
    hash.is_some_and(|h| h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit()))
        || ((iri.starts_with("https://") || iri.starts_with("http://"))
            && !iri.contains(['"', '<', '>', ' ']))
}

#[test]
fn json_reports_carry_hostile_text_exactly_and_paths_never_become_schemes() {
    let v: serde_json::Value = serde_json::from_str(&render(Format::Json)).expect("JSON");
    let items = v["first"]["items"].as_array().expect("items");
    let claims: Vec<_> = items
        .iter()
        .filter(|i| i["motivation"] == "assessing")
        .collect();
    assert_eq!(claims.len(), 7);
    for item in &claims {
        let source = item["target"]["source"].as_str().expect("source");
        assert!(is_safe_source(source), "source {source} is not a safe IRI");
    }
    let c5 = claims
        .iter()
        .find(|i| i["id"] == "urn:crosscheck:claim:5")
        .expect("claim 5");
    let bodies = c5["body"].as_array().expect("bodies");
    let body = |purpose: &str| {
        bodies
            .iter()
            .find(|b| b["purpose"] == purpose)
            .map(|b| b["value"].clone())
    };
    assert_eq!(body("commenting"), Some(NOTE.into()));
    assert_eq!(body("tagging"), Some(CATEGORY.into()));
    assert!(
        c5["target"]["source"]
            .as_str()
            .is_some_and(|s| s.starts_with("urn:sha256:")),
        "a file named javascript:… is named by its text's hash, not its path"
    );

    let v: serde_json::Value =
        serde_json::from_str(&render(Format::ClaimReview)).expect("ClaimReview JSON");
    let graph = v["@graph"].as_array().expect("graph");
    assert_eq!(graph.len(), 2, "claims 1 and 5 have rated verdicts");
    let c1 = &graph[0];
    assert_eq!(c1["claimReviewed"], "- 5 percent");
    assert_eq!(c1["reviewRating"]["alternateName"], VERDICT);
    assert_eq!(c1["reviewRating"]["bestRating"], 2);
    assert_eq!(c1["reviewRating"]["worstRating"], 1);
    for review in graph {
        if let Some(url) = review["itemReviewed"]["appearance"]["url"].as_str() {
            assert!(
                is_safe_source(url),
                "appearance url {url} is not a web address"
            );
        }
    }
    assert_eq!(graph[1]["itemReviewed"]["author"]["name"], ATTRIBUTION);
}
