//! The report formats on a fixture project built here: golden files of each format, HTML that
//! parses as HTML5 and runs nothing, JSON that carries the Web Annotation and ClaimReview fields
//! with selectors matching the text, CSV that parses back, and hostile text shown as text.
//!
//! `UPDATE_GOLDEN=1 cargo test --test report_formats` rewrites the golden files.

use crosscheck::model::{
    Article, Claim, Edit, Link, LinkKind, Project, Resolution, char_slice, settings,
};
use crosscheck::report::{
    CLAIM_REVIEWED_MAX, Format, ReportOptions, missing_settings, write_report,
};
use std::path::Path;

const A: &str = "Attack near Moscow\n\nAt least 139 people were killed and 182 injured, officials said. Zoë Brandt «witnessed» it.";
const B: &str =
    "Toll confirmed\n\nThe death toll was confirmed at 133 by the Investigative Committee.";
const EVIL: &str = "<script>alert(1)</script> headline\n\nSee [here](javascript:alert(1)) and =HYPERLINK(\"http://evil\",\"x\") now.";

fn article(id: i64, path: &str, title: &str, text: &str, published: Option<&str>) -> Article {
    Article {
        id,
        path: path.into(),
        title: title.into(),
        outlet: (id == 2).then(|| "TASS".to_owned()),
        published: published.map(str::to_owned),
        text: text.into(),
        sha256: format!("{id:064x}"),
        encoding: "UTF-8".into(),
        author: match id {
            1 => Some("Olga Petrova".to_owned()),
            3 => Some("<b>Mallory</b> =cmd|' /C calc'!A0".to_owned()),
            _ => None,
        },
        url: match id {
            1 => Some("https://news.example/moscow-attack?id=1&lang=en".to_owned()),
            3 => Some("javascript:alert(3)".to_owned()),
            _ => None,
        },
    }
}

fn claim(p: &Project, id: i64, article: i64, phrase: &str, cat: i64) -> Claim {
    let text = &p.article(article).expect("article").text;
    let b = text.find(phrase).expect("phrase");
    let s = text[..b].chars().count();
    let mut c = p
        .make_claim(article, s, s + phrase.chars().count(), Some(cat))
        .expect("claim");
    c.id = id;
    c
}

fn fixture() -> Project {
    let mut p = Project::new(vec![
        article(1, "a.txt", "Attack near Moscow", A, Some("2024-03-26")),
        article(2, "sub/b.txt", "Toll confirmed", B, Some("--09-12")),
        article(
            3,
            "evil.txt",
            "<script>alert(1)</script> headline",
            EVIL,
            None,
        ),
    ]);
    let mut c1 = claim(&p, 1, 1, "At least 139", 2);
    c1.verdict = Some("Mostly false".into());
    c1.attribution = Some("officials".into());
    c1.note = "Later revised to 133: https://news.example/update?id=2&lang=en_GB.".into();
    let mut c2 = claim(&p, 2, 2, "133", 2);
    c2.verdict = Some("True".into());
    c2.attribution = Some("the Investigative Committee".into());
    let c3 = claim(&p, 3, 1, "Zoë Brandt «witnessed» it", 3);
    let mut c4 = claim(&p, 4, 3, "[here](javascript:alert(1))", 1);
    c4.note = "=HYPERLINK(\"http://evil\",\"x\") <script>alert(2)</script>".into();
    c4.verdict = Some("False".into());
    let c5 = claim(&p, 5, 3, "=HYPERLINK(\"http://evil\",\"x\")", 1);
    // Two renderings tagged as quotes and linked: the report marks their differences.
    let c6 = claim(&p, 6, 1, "At least 139 people were killed", 3);
    let c7 = claim(&p, 7, 3, "See [here](javascript:alert(1)) and", 3);
    let mut edits: Vec<Edit> = [c1, c2, c3, c4, c5, c6, c7]
        .into_iter()
        .map(Edit::PutClaim)
        .collect();
    edits.push(Edit::PutLink(Link {
        id: 1,
        kind: LinkKind::Contradicts,
        note: "The committee's figure is the official one.".into(),
        resolution: Resolution::Resolved { standing: Some(2) },
        members: vec![1, 2],
    }));
    edits.push(Edit::PutLink(Link {
        id: 2,
        kind: LinkKind::Supports,
        note: String::new(),
        resolution: Resolution::Open,
        members: vec![3, 4],
    }));
    edits.push(Edit::PutLink(Link {
        id: 3,
        kind: LinkKind::SameClaim,
        note: String::new(),
        resolution: Resolution::Open,
        members: vec![6, 7],
    }));
    for (key, value) in [
        (settings::PUBLISHER_NAME, "Example Fact Desk"),
        (settings::PUBLISHER_URL, "https://factdesk.example/"),
        (
            settings::REPORT_URL,
            "https://factdesk.example/checks/moscow#top",
        ),
    ] {
        edits.push(Edit::SetSetting {
            key: key.into(),
            value: Some(value.into()),
        });
    }
    p.apply(Edit::Batch(edits)).expect("fixture applies");
    p
}

fn opts() -> ReportOptions {
    ReportOptions {
        project_name: "fixture.crosscheck".into(),
        exported_at: "2026-11-22T12:00:00Z".into(),
    }
}

fn render(format: Format) -> String {
    let mut out = Vec::new();
    write_report(&fixture(), format, &opts(), &mut out).expect("write");
    String::from_utf8(out).expect("utf-8")
}

#[test]
fn every_format_matches_its_golden_file() {
    // The workbook is a zip with a creation time inside: checked by its own test below.
    for format in Format::ALL.into_iter().filter(|f| *f != Format::Xlsx) {
        let text = render(format);
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/golden")
            .join(format!("report.{}", format.extension()));
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, &text).expect("write golden");
        }
        let golden =
            std::fs::read_to_string(&path).expect("golden file (UPDATE_GOLDEN=1 writes it)");
        assert_eq!(
            text,
            golden,
            "{} differs from {}",
            format.name(),
            path.display()
        );
    }
}

#[test]
fn html_parses_runs_nothing_and_marks_every_quote() {
    let html = render(Format::Html);
    let doc = scraper::Html::parse_document(&html);
    assert!(
        doc.errors.is_empty(),
        "HTML5 parse errors: {:?}",
        doc.errors
    );
    let sel = |s: &str| scraper::Selector::parse(s).expect("selector");
    assert_eq!(
        doc.select(&sel("script")).count(),
        0,
        "no script element, hostile text stays text"
    );
    assert_eq!(doc.select(&sel("[href^='javascript']")).count(), 0);
    assert_eq!(
        doc.select(&sel("link[rel=stylesheet], img, iframe"))
            .count(),
        0,
        "self-contained"
    );
    // Every claim is marked once in the claims section, and every link member once more.
    assert_eq!(doc.select(&sel("#claims mark")).count(), 7);
    assert_eq!(doc.select(&sel("#links mark")).count(), 6);
    // The quote link shows how the second rendering differs from the first.
    let diff = doc
        .select(&sel("#link-3 p.diff"))
        .next()
        .expect("a diff line");
    assert!(diff.select(&sel("del")).count() > 0 && diff.select(&sel("ins")).count() > 0);
    assert!(
        diff.select(&sel("del strong"))
            .any(|s| s.text().collect::<String>().contains("139")),
        "the number that differs is marked strongly"
    );
    let marks: Vec<String> = doc
        .select(&sel("#claims mark"))
        .map(|m| m.text().collect())
        .collect();
    assert!(marks.contains(&"[here](javascript:alert(1))".to_owned()));
    assert!(marks.contains(&"Zoë Brandt «witnessed» it".to_owned()));
    // The figure conflict gets its chart; the supports link does not.
    assert_eq!(doc.select(&sel("#link-1 svg.chart")).count(), 1);
    assert_eq!(doc.select(&sel("#link-2 svg.chart")).count(), 0);
    // Conflicts come first.
    let first = doc.select(&sel("article.link")).next().expect("a link");
    assert_eq!(first.value().attr("id"), Some("link-1"));
    let sources: Vec<String> = doc
        .select(&sel("#sources tbody tr"))
        .map(|r| r.text().collect())
        .collect();
    assert_eq!(sources.len(), 3);
    assert!(
        sources[0].contains(&format!("{:064x}", 1)),
        "SHA-256 listed"
    );
    assert!(
        html.contains("2026-11-22T12:00:00Z") && html.contains("fixture.crosscheck"),
        "provenance"
    );
}

#[test]
fn web_annotation_json_selectors_match_the_text_and_links_target_claims() {
    let v: serde_json::Value = serde_json::from_str(&render(Format::Json)).expect("JSON");
    assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(v["type"], "AnnotationCollection");
    let items = v["first"]["items"].as_array().expect("items");
    assert_eq!(items.len(), 10, "seven claims and three links");
    let p = fixture();
    for item in items.iter().filter(|i| i["motivation"] == "assessing") {
        let id: i64 = item["id"]
            .as_str()
            .expect("id")
            .rsplit(':')
            .next()
            .expect("n")
            .parse()
            .expect("num");
        let claim = p.claim(id).expect("claim");
        let text = &p.article(claim.article_id).expect("article").text;
        let sel = item["target"]["selector"].as_array().expect("selectors");
        let quote = sel
            .iter()
            .find(|s| s["type"] == "TextQuoteSelector")
            .expect("quote selector");
        let pos = sel
            .iter()
            .find(|s| s["type"] == "TextPositionSelector")
            .expect("position selector");
        let (s, e) = (
            pos["start"].as_u64().expect("start") as usize,
            pos["end"].as_u64().expect("end") as usize,
        );
        assert_eq!(
            quote["exact"].as_str(),
            Some(char_slice(text, s, e)),
            "exact = text at the offsets"
        );
        let prefix = quote["prefix"].as_str().expect("prefix");
        assert!(char_slice(text, 0, s).ends_with(prefix));
        assert!(
            char_slice(text, e, usize::MAX).starts_with(quote["suffix"].as_str().expect("suffix"))
        );
        let purposes: Vec<&str> = item["body"]
            .as_array()
            .expect("body")
            .iter()
            .filter_map(|b| b["purpose"].as_str())
            .collect();
        assert!(purposes.contains(&"tagging") && purposes.contains(&"assessing"));
    }
    let link = items
        .iter()
        .find(|i| i["id"] == "urn:crosscheck:link:1")
        .expect("link 1");
    assert_eq!(link["motivation"], "linking");
    assert_eq!(
        link["target"],
        serde_json::json!(["urn:crosscheck:claim:1", "urn:crosscheck:claim:2"])
    );
}

#[test]
fn claimreview_carries_every_field_google_requires() {
    let v: serde_json::Value = serde_json::from_str(&render(Format::ClaimReview)).expect("JSON");
    for review in v["@graph"].as_array().expect("graph") {
        let id = review["@id"]
            .as_str()
            .expect("id")
            .rsplit(':')
            .next()
            .expect("n");
        assert_eq!(
            review["url"],
            format!("https://factdesk.example/checks/moscow#claim-{id}"),
            "each review's address is the report's plus the claim's anchor"
        );
        assert_eq!(review["author"]["@type"], "Organization");
        assert_eq!(review["author"]["name"], "Example Fact Desk");
        assert_eq!(review["author"]["url"], "https://factdesk.example/");
        let short = review["claimReviewed"].as_str().expect("claimReviewed");
        assert!(!short.is_empty() && short.chars().count() <= CLAIM_REVIEWED_MAX);
        for key in ["ratingValue", "bestRating", "worstRating", "alternateName"] {
            assert!(!review["reviewRating"][key].is_null(), "reviewRating.{key}");
        }
        if let Some(url) = review["itemReviewed"]["appearance"]["url"].as_str() {
            assert!(
                url.starts_with("https://"),
                "appearance url {url} is absolute"
            );
        }
    }
    // The HTML report has the anchors the review addresses point at.
    let html = render(Format::Html);
    assert!(html.contains("id=\"claim-1\""));

    // Without the settings, the fields are left out and the export says what to set.
    let mut bare = fixture();
    for key in [settings::REPORT_URL, settings::PUBLISHER_NAME] {
        bare.apply(Edit::SetSetting {
            key: key.into(),
            value: None,
        })
        .expect("cleared");
    }
    assert_eq!(
        missing_settings(&bare),
        vec![settings::REPORT_URL, settings::PUBLISHER_NAME]
    );
    let mut out = Vec::new();
    write_report(&bare, Format::ClaimReview, &opts(), &mut out).expect("write");
    let v: serde_json::Value = serde_json::from_slice(&out).expect("JSON");
    assert!(v["@graph"][0].get("url").is_none() && v["@graph"][0].get("author").is_none());
    assert!(missing_settings(&fixture()).is_empty());
}

#[test]
fn web_annotation_sources_are_absolute_iris_and_orphans_name_their_version() {
    let mut p = fixture();
    let v: serde_json::Value = serde_json::from_str(&render(Format::Json)).expect("JSON");
    let page = &v["first"];
    assert_eq!(page["type"], "AnnotationPage");
    assert!(page["id"].as_str().is_some_and(|id| id.starts_with("urn:")));
    assert_eq!(page["partOf"], v["id"]);
    let source_of = |v: &serde_json::Value, claim: &str| {
        v["first"]["items"]
            .as_array()
            .expect("items")
            .iter()
            .find(|i| i["id"] == claim)
            .map(|i| i["target"]["source"].as_str().unwrap_or("").to_owned())
            .expect("claim annotation")
    };
    // Article 1 has a web address; article 2 has none and is named by its text's hash.
    assert_eq!(
        source_of(&v, "urn:crosscheck:claim:1"),
        "https://news.example/moscow-attack?id=1&lang=en"
    );
    let b_hash = source_of(&v, "urn:crosscheck:claim:2");
    assert_eq!(b_hash, format!("urn:sha256:{}", sha256_hex(B)));

    // A refresh changes the words of claim 2: it stays on version 1, and its target names
    // version 1's text, not the current one.
    let mut pinned = p.claim(2).expect("claim 2").clone();
    pinned.version = Some(1);
    let new_text = B.replace("133", "145");
    p.apply(Edit::Batch(vec![
        Edit::PutClaim(pinned),
        Edit::NewVersion {
            article: 2,
            text: new_text.clone(),
            sha256: "f".repeat(64),
            read_at: Some("2026-11-23T08:00:00Z".into()),
        },
    ]))
    .expect("refresh");
    assert!(p.is_orphaned(p.claim(2).expect("claim 2")));
    let mut out = Vec::new();
    write_report(&p, Format::Json, &opts(), &mut out).expect("write");
    let after: serde_json::Value = serde_json::from_slice(&out).expect("JSON");
    assert_eq!(source_of(&after, "urn:crosscheck:claim:2"), b_hash);
    assert_ne!(b_hash, format!("urn:sha256:{}", sha256_hex(&new_text)));
}

/// SHA-256 of a text's UTF-8 bytes, lowercase hex.
fn sha256_hex(text: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn claimreview_covers_claims_with_a_rated_verdict() {
    let v: serde_json::Value = serde_json::from_str(&render(Format::ClaimReview)).expect("JSON");
    assert_eq!(v["@context"], "https://schema.org");
    let graph = v["@graph"].as_array().expect("graph");
    assert_eq!(
        graph.len(),
        3,
        "claims 1, 2 and 4 have verdicts on the scale"
    );
    let first = &graph[0];
    assert_eq!(first["@type"], "ClaimReview");
    assert_eq!(first["claimReviewed"], "At least 139");
    assert_eq!(first["reviewRating"]["alternateName"], "Mostly false");
    assert_eq!(first["reviewRating"]["ratingValue"], 2);
    assert_eq!(first["reviewRating"]["bestRating"], 5);
    assert_eq!(first["reviewRating"]["worstRating"], 1);
    assert_eq!(first["itemReviewed"]["author"]["name"], "officials");
    assert_eq!(first["itemReviewed"]["datePublished"], "2024-03-26");
    assert_eq!(
        first["itemReviewed"]["appearance"]["name"],
        "Attack near Moscow"
    );
    assert!(
        graph[1]["itemReviewed"].get("datePublished").is_none(),
        "a partial date is not a publication date"
    );
}

/// A small RFC 4180 reader: quoted fields, doubled quotes, CRLF records.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut field = String::new();
    let mut quoted = false;
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
fn csv_parses_back_one_row_per_claim_with_formulas_neutralised() {
    let text = render(Format::Csv);
    assert!(text.starts_with('\u{feff}'), "UTF-8 BOM for spreadsheets");
    assert!(text.contains("\r\n"));
    let rows = parse_csv(text.trim_start_matches('\u{feff}'));
    assert_eq!(rows[0][0], "claim_id");
    assert_eq!(rows.len(), 8, "header and seven claims");
    assert!(rows.iter().all(|r| r.len() == 20));
    assert_eq!(
        rows[0][10..],
        [
            "link_ids",
            "link_kinds",
            "article_outlet",
            "article_published",
            "article_author",
            "article_url",
            "version",
            "version_sha256",
            "version_read_at",
            "orphaned"
        ]
    );
    // Every quote names the text it comes from: the first import, by its sha256.
    assert!(
        rows[1..]
            .iter()
            .all(|r| r[16] == "1" && r[17].len() == 64 && r[18].is_empty() && r[19].is_empty())
    );
    let zoe = rows.iter().find(|r| r[0] == "3").expect("claim 3");
    assert_eq!(zoe[5], "Zoë Brandt «witnessed» it");
    assert_eq!(zoe[10], "2", "its link id");
    let toll = rows.iter().find(|r| r[0] == "1").expect("claim 1");
    assert_eq!(
        toll[11], "contradicts",
        "the kind of its link, beside the id"
    );
    assert_eq!(toll[13], "2024-03-26", "the article's date");
    assert_eq!(toll[14], "Olga Petrova", "the article's author");
    assert_eq!(
        toll[15], "https://news.example/moscow-attack?id=1&lang=en",
        "the article's address"
    );
    let other = rows.iter().find(|r| r[0] == "2").expect("claim 2");
    assert_eq!(other[12], "TASS", "the article's outlet");
    let formula = rows.iter().find(|r| r[0] == "5").expect("claim 5");
    assert!(
        formula[5].starts_with("'="),
        "a formula quote is neutralised: {}",
        formula[5]
    );
    let note = rows.iter().find(|r| r[0] == "4").expect("claim 4");
    assert!(note[9].starts_with("'="));
    for r in &rows[1..] {
        assert!(
            r[3].parse::<usize>().is_ok() && r[4].parse::<usize>().is_ok(),
            "offsets stay numbers"
        );
    }
}

#[test]
fn markdown_escapes_links_html_and_formatting_from_user_text() {
    let md = render(Format::Markdown);
    assert!(!md.contains("<script"), "no raw HTML");
    assert!(!md.contains("](javascript"), "no live link syntax");
    assert!(md.contains("\\[here\\]\\(javascript:alert\\(1\\)\\)"));
    assert!(md.starts_with("# Fact-check report: fixture.crosscheck\n"));
    assert!(md.contains("**At least 139**"));
    assert!(md.contains("### Link 1: Contradicts"));
}

/// The text of one part of an `.xlsx` package.
fn xlsx_part(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip package");
    let mut part = zip.by_name(name).expect("part present");
    let mut text = String::new();
    part.read_to_string(&mut text).expect("UTF-8 XML");
    text
}

#[test]
fn the_workbook_holds_the_csv_table_with_text_as_strings_never_formulas() {
    let mut bytes = Vec::new();
    write_report(&fixture(), Format::Xlsx, &opts(), &mut bytes).expect("write");
    assert!(bytes.starts_with(b"PK"), "an OOXML package is a zip file");
    let sheet = xlsx_part(&bytes, "xl/worksheets/sheet1.xml");
    let strings = xlsx_part(&bytes, "xl/sharedStrings.xml");
    assert!(!sheet.contains("<f>"), "no cell is a formula");
    for text in [
        "claim_id",
        "Zoë Brandt «witnessed» it",
        "=HYPERLINK(",
        "--09-12",
    ] {
        assert!(strings.contains(text), "{text} is a string cell as written");
    }
    assert!(
        !strings.contains("'=HYPERLINK"),
        "no CSV guard: a string cell is never evaluated"
    );
    // One header row and one row per claim, like the CSV.
    let rows = sheet.matches("<row ").count();
    assert_eq!(rows, 1 + fixture().claims().len());
}
