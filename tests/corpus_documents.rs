//! PDF, Word and OpenDocument files come in as paragraphs with their title, author and date.
//! Every fixture is built here, in code: a PDF written object by object with its cross-reference
//! table, and DOCX/ODT archives holding hand-written XML.

use crate::doc_support;
use crosscheck::corpus::{WarningKind, import_folder};
use doc_support::*;

fn import(files: &[(&str, Vec<u8>)]) -> crosscheck::corpus::ImportReport {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).expect("write");
    }
    import_folder(dir.path()).expect("import")
}

#[test]
fn a_pdf_press_release_reads_as_paragraphs_without_its_running_header_and_page_numbers() {
    let header = (800, "REGIONAL EMERGENCY COMMITTEE - PRESS RELEASE");
    let pages = vec![
        vec![
            header,
            (760, "Bridge collapse: 14 confirmed dead"),
            (
                720,
                "Rescue teams recovered 14 bodies from the river on Tues-",
            ),
            (706, "day, the regional committee said in a statement."),
            (670, "The search for six missing people continues and"),
            (40, "Page 1 of 3"),
        ],
        vec![
            header,
            (760, "will resume at dawn with 120 divers and 9 boats."),
            (720, "Hospitals are treating 23 injured people."),
            (40, "Page 2 of 3"),
        ],
        vec![
            header,
            (760, "The committee will publish the next update at noon."),
            (40, "Page 3 of 3"),
        ],
    ];
    let bytes = pdf(
        &pages,
        &[
            ("Title", "Bridge collapse update"),
            ("Author", "Press office"),
            ("CreationDate", "D:20250604091500+02'00'"),
        ],
    );
    let r = import(&[("release.pdf", bytes)]);
    assert_eq!(r.articles.len(), 1, "{:?}", r.warnings);
    let a = &r.articles[0];
    assert_eq!(a.title, "Bridge collapse update");
    assert_eq!(a.author.as_deref(), Some("Press office"));
    assert_eq!(a.published.as_deref(), Some("2025-06-04T09:15:00+02:00"));
    assert!(
        a.text.contains("on Tuesday, the regional committee said"),
        "{}",
        a.text
    );
    assert!(
        a.text
            .contains("continues and will resume at dawn with 120 divers"),
        "a paragraph runs on across the page break:\n{}",
        a.text
    );
    assert!(!a.text.contains("PRESS RELEASE"), "{}", a.text);
    assert!(!a.text.contains("Page 2"), "{}", a.text);
}

#[test]
fn a_pdf_without_text_and_a_damaged_pdf_are_skipped_with_a_reason() {
    let blank = pdf(&[vec![], vec![]], &[]);
    let r = import(&[
        ("scan.pdf", blank),
        (
            "broken.pdf",
            b"%PDF-1.7\n1 0 obj << /Type /Catalog".to_vec(),
        ),
        ("ok.txt", b"Toll\n\nThe toll rose to 139.\n".to_vec()),
    ]);
    assert_eq!(r.articles.len(), 1);
    let why = |name: &str| {
        r.warnings
            .iter()
            .find(|w| w.path == name)
            .map(|w| (w.kind, w.message.clone()))
            .expect("a warning")
    };
    let (kind, msg) = why("scan.pdf");
    assert_eq!(kind, WarningKind::Skipped);
    assert!(msg.contains("no text layer"), "{msg}");
    let (kind, msg) = why("broken.pdf");
    assert_eq!(kind, WarningKind::Skipped);
    assert!(msg.contains("PDF"), "{msg}");
}

#[test]
fn a_word_file_keeps_headings_lists_and_tables_and_takes_its_properties() {
    let body = format!(
        "{}{}<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>14 dead</w:t></w:r></w:p>\
         <w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>23 injured</w:t></w:r></w:p>\
         <w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>\
         <w:p><w:r><w:t>Divers &amp; boats</w:t><w:tab/><w:t>resume at dawn.</w:t></w:r><w:r><w:delText>deleted words</w:delText></w:r></w:p>",
        p("Bridge collapse: statement"),
        p("The   committee confirmed the toll on Wednesday."),
        p("Hospital"),
        p("Injured"),
        p("North"),
        p("15"),
    );
    let core = "<dc:title>Statement on the bridge collapse</dc:title><dc:creator>Anja Berg</dc:creator>\
                <dcterms:created>2025-06-04T08:00:00Z</dcterms:created>";
    let r = import(&[("statement.docx", docx(&body, Some(core)))]);
    assert_eq!(r.articles.len(), 1, "{:?}", r.warnings);
    let a = &r.articles[0];
    assert_eq!(
        a.text,
        "Bridge collapse: statement\n\nThe committee confirmed the toll on Wednesday.\n\n\
         • 14 dead\n\n• 23 injured\n\nHospital\tInjured\nNorth\t15\n\nDivers & boats\tresume at dawn."
    );
    assert_eq!(a.title, "Statement on the bridge collapse");
    assert_eq!(a.author.as_deref(), Some("Anja Berg"));
    assert_eq!(a.published.as_deref(), Some("2025-06-04T08:00:00Z"));
    assert_eq!(a.encoding, "DOCX");
}

#[test]
fn a_word_file_without_properties_takes_its_title_from_the_text() {
    let body = format!(
        "{}{}",
        p("Flood warning lifted"),
        p("The river fell below the warning level overnight.")
    );
    let r = import(&[("note.docx", docx(&body, None))]);
    assert_eq!(r.articles[0].title, "Flood warning lifted");
    assert_eq!(r.articles[0].author, None);
}

#[test]
fn an_opendocument_text_reads_paragraphs_headings_lists_and_tables() {
    let content = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0">
<office:body><office:text>
<text:h text:outline-level="1">Council closes two libraries</text:h>
<text:p>The vote was<text:s text:c="2"/>7 to 4, <text:span>saving</text:span> 180,000 a year.</text:p>
<text:list><text:list-item><text:p>Eastgate</text:p></text:list-item><text:list-item><text:p>Millbrook</text:p></text:list-item></text:list>
<table:table><table:table-row><table:table-cell><text:p>Branch</text:p></table:table-cell><table:table-cell><text:p>Visits</text:p></table:table-cell></table:table-row></table:table>
<text:p>Note<office:annotation><text:p>internal comment</text:p></office:annotation> ends.</text:p>
</office:text></office:body></office:document-content>"#;
    let meta = r#"<?xml version="1.0"?><office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"><office:meta><dc:title>Library closures</dc:title><meta:initial-creator>Priya Natarajan</meta:initial-creator><meta:creation-date>2023-02-08T10:00:00</meta:creation-date></office:meta></office:document-meta>"#;
    let bytes = zip(&[("content.xml", content), ("meta.xml", meta)]);
    let r = import(&[("release.odt", bytes)]);
    assert_eq!(r.articles.len(), 1, "{:?}", r.warnings);
    let a = &r.articles[0];
    assert_eq!(
        a.text,
        "Council closes two libraries\n\nThe vote was 7 to 4, saving 180,000 a year.\n\n\
         • Eastgate\n\n• Millbrook\n\nBranch\tVisits\n\nNote ends."
    );
    assert_eq!(a.title, "Library closures");
    assert_eq!(a.author.as_deref(), Some("Priya Natarajan"));
    assert_eq!(a.published.as_deref(), Some("2023-02-08T10:00:00"));
}

#[test]
fn a_file_named_docx_that_is_not_an_archive_is_skipped_with_a_reason() {
    let r = import(&[("fake.docx", b"plain text pretending".to_vec())]);
    assert!(r.articles.is_empty());
    assert!(
        r.warnings[0].message.contains("archive"),
        "{:?}",
        r.warnings
    );
}

#[test]
fn hostile_documents_each_get_a_warning_and_the_rest_of_the_folder_comes_in() {
    // 50 MB of page: over the import's size limit (20 MB), skipped with a warning.
    let mut huge = String::from("<html><head><title>Huge</title></head><body>");
    let para = "<p>The committee counted the damaged houses again on Friday, street by street.</p>";
    while huge.len() < 50_000_000 {
        huge.push_str(para);
    }
    huge.push_str("</body></html>");
    let script_only = "<html><head><script>var a = 1;</script></head><body>\
                       <script>document.write('x'.repeat(1000));</script></body></html>";
    let good = pdf(&[vec![(700, "The toll rose to 139, officials said.")]], &[]);
    let mut truncated = good.clone();
    truncated.truncate(good.len() / 2);
    let r = import(&[
        ("huge.html", huge.into_bytes()),
        ("script.html", script_only.as_bytes().to_vec()),
        ("truncated.pdf", truncated),
        ("good.pdf", good),
        ("zip.docx", zip(&[("hello.txt", "not a word document")])),
        ("ok.txt", b"Toll\n\nThe toll rose to 139.\n".to_vec()),
    ]);
    let paths: Vec<&str> = r.articles.iter().map(|a| a.path.as_str()).collect();
    assert!(paths.contains(&"ok.txt"), "{paths:?}");
    for bad in ["huge.html", "script.html", "zip.docx"] {
        assert!(!paths.contains(&bad), "{bad} is not an article");
        assert_eq!(
            r.warnings.iter().filter(|w| w.path == bad).count(),
            1,
            "{bad}: one warning, got {:?}",
            r.warnings
        );
    }
    let huge_warnings: Vec<_> = r
        .warnings
        .iter()
        .filter(|w| w.path == "huge.html")
        .collect();
    assert_eq!(huge_warnings.len(), 1, "{huge_warnings:?}");
    assert!(huge_warnings[0].message.contains("too large"));
    // A PDF cut in half either still yields its text (the parser recovers the objects it can
    // find) or is skipped with a reason; it never takes the import down.
    assert!(
        paths.contains(&"truncated.pdf") || r.warnings.iter().any(|w| w.path == "truncated.pdf"),
        "{:?}",
        r.warnings
    );
    assert!(paths.contains(&"good.pdf"), "{:?}", r.warnings);
}
