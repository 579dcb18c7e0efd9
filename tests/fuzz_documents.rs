//! Property test of the PDF, Word, OpenDocument and news-collection (SGML/XML) readers with
//! inputs that get past the container checks: well-formed PDFs drawing arbitrary text on
//! arbitrary pages, ZIP archives whose XML is built from random fragments (unbalanced tags,
//! stray entities, tables, lists, notes), and collection files built from pieces of TREC,
//! Reuters and NITF markup. Random bytes alone (see `fuzz_corpus`) rarely get past the first check.
//! Each must import or be skipped with one warning, never panic or hang, and any text must
//! be normalised and non-blank.
//!
//! `PROPTEST_CASES=N` runs more cases (see `fuzz_support`).

use crate::doc_support;
use crate::fuzz_support;

use crosscheck::corpus;
use doc_support::*;
use fuzz_support::*;
use proptest::prelude::*;
use std::time::Duration;

fn check(name: &str, bytes: Vec<u8>) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(name);
    std::fs::write(&path, &bytes).expect("write");
    let report = within(Duration::from_secs(20), move || corpus::import_file(&path))
        .expect("a readable file gives a report");
    prop_assert!(report.articles.len() <= 1);
    if report.articles.is_empty() {
        prop_assert_eq!(report.warnings.len(), 1, "a skipped file is named once");
    }
    for a in &report.articles {
        prop_assert!(!a.text.trim().is_empty());
        prop_assert!(!a.text.contains('\r'));
        prop_assert!(!a.title.trim().is_empty());
    }
    Ok(())
}

/// Pieces of Word and OpenDocument body XML, well-formed or not.
fn xml_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 .,-]{0,30}".prop_map(|t| p(&t)),
        Just("<w:tbl><w:tr><w:tc>".to_owned()),
        Just("</w:tc></w:tr></w:tbl>".to_owned()),
        Just("<w:p><w:pPr><w:numPr/></w:pPr><w:r><w:t>item</w:t></w:r></w:p>".to_owned()),
        Just("<w:r><w:delText>gone</w:delText></w:r>".to_owned()),
        Just("<text:p>para &amp; &#x41; &bogus; <text:s text:c=\"99999\"/></text:p>".to_owned()),
        Just("<office:annotation><text:p>".to_owned()),
        Just("<table:table><table:table-row><table:table-cell>".to_owned()),
        Just("</w:p></w:p><w:t>".to_owned()),
        Just("<![CDATA[ raw ]]>".to_owned()),
        "[<>&;/a-z:\" =]{0,20}",
    ]
}

/// Pieces of news-collection markup, well-formed or not.
fn news_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 .,-]{0,40}",
        Just("<DOC>".to_owned()),
        Just("</DOC>".to_owned()),
        Just("<DOCNO> X-1 </DOCNO>".to_owned()),
        Just("<HEADLINE>Head line</HEADLINE>".to_owned()),
        Just("<TEXT>\n   ".to_owned()),
        Just("</TEXT>".to_owned()),
        Just("<P>".to_owned()),
        Just("\n\n    ".to_owned()),
        Just("\r\n\r\n  \r".to_owned()),
        Just("&amp; &#2; &#3; &hyph; &#xD800; &bogus &".to_owned()),
        Just("<REUTERS NEWID=\"7\"><DATE>1-JAN-1987</DATE>".to_owned()),
        Just("<!DOCTYPE lewis SYSTEM \"lewis.dtd\">".to_owned()),
        Just("<nitf><head><title>T</title></head><body><body.content><p>".to_owned()),
        Just("<![CDATA[ raw <p> ]]>".to_owned()),
        Just("<br/></p></>< <a b=c d>".to_owned()),
        "[<>&;/a-zA-Z#=\" \n]{0,20}",
    ]
}

proptest! {
    #![proptest_config(config(96))]

    #[test]
    fn news_collection_files_of_random_markup_never_break_the_import(
        pieces in proptest::collection::vec(news_piece(), 0..60),
        ext in proptest::sample::select(&["sgml", "sgm", "xml"][..]),
    ) {
        let dir = tempfile::tempdir().expect("tempdir");
        let name = format!("collection.{ext}");
        let path = dir.path().join(&name);
        std::fs::write(&path, pieces.concat()).expect("write");
        let report = within(Duration::from_secs(20), move || corpus::import_file(&path))
            .expect("a readable file gives a report");
        if report.articles.is_empty() {
            prop_assert_eq!(report.warnings.len(), 1, "a skipped file is named once");
        }
        let mut paths = std::collections::HashSet::new();
        for a in &report.articles {
            prop_assert!(!a.text.trim().is_empty());
            prop_assert!(!a.text.contains('\r'));
            prop_assert!(!a.title.trim().is_empty());
            prop_assert!(a.path == name || a.path.starts_with(&format!("{name}#")), "{}", a.path);
            prop_assert!(paths.insert(a.path.clone()), "two articles named {}", a.path);
        }
    }

    #[test]
    fn word_and_opendocument_files_with_random_xml_never_break_the_import(
        pieces in proptest::collection::vec(xml_piece(), 0..40),
        odt in any::<bool>(),
    ) {
        let body = pieces.concat();
        if odt {
            let content = format!(
                "<office:document-content xmlns:office=\"o\" xmlns:text=\"t\" xmlns:table=\"b\"><office:body><office:text>{body}</office:text></office:body></office:document-content>"
            );
            check("fuzz.odt", zip(&[("content.xml", content.as_str())]))?;
        } else {
            check("fuzz.docx", docx(&body, Some(&body)))?;
        }
    }

    #[test]
    fn pdfs_drawing_random_text_never_break_the_import(
        pages in proptest::collection::vec(
            proptest::collection::vec((0i32..900, "[ -~]{0,60}"), 0..12),
            0..5,
        ),
    ) {
        let pages: Vec<Vec<(i32, &str)>> = pages
            .iter()
            .map(|lines| lines.iter().map(|(y, t)| (*y, t.as_str())).collect())
            .collect();
        check("fuzz.pdf", pdf(&pages, &[("Title", "T"), ("CreationDate", "D:2024")]))?;
    }
}
