//! News collections in SGML and XML (TREC, Reuters-21578, RCV1, NITF): every document of a file
//! becomes an article with its headline, date and byline, and markup that holds no story is
//! named, not imported. The fixtures are written here, in the shapes those collections use.

use crosscheck::analysis::{Class, find_reuse};
use crosscheck::corpus::{WarningKind, import_folder};

fn import(files: &[(&str, &str)]) -> crosscheck::corpus::ImportReport {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    import_folder(dir.path()).expect("import")
}

/// Two stories of a Reuters-21578-style file: SGML with a DOCTYPE, control entities, a
/// metadata block and the body indented by paragraph.
const REUTERS: &str = r#"<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" NEWID="101">
<DATE>26-FEB-1987 15:01:01.79</DATE>
<TOPICS><D>cocoa</D></TOPICS>
<PLACES><D>el-salvador</D><D>usa</D></PLACES>
<TEXT>&#2;
<TITLE>COCOA GROWERS WARN OF SMALLER CROP</TITLE>
<DATELINE>    SAN SALVADOR, Feb 26 - </DATELINE><BODY>Cocoa growers said heavy rains would cut
this season's crop by about 12 pct, to 310,000 tonnes.
    The growers' association said exports would fall for a second year.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" NEWID="102">
<DATE>26-FEB-1987 15:02:20.00</DATE>
<TEXT>&#2;
<TITLE>PORT STRIKE ENDS AFTER NINE DAYS</TITLE>
<BODY>Dock workers returned to work on Thursday after a nine-day strike over pay,
the port authority said.
&#3;</BODY></TEXT>
</REUTERS>
"#;

/// One NITF story: the headline sits in `<hedline><hl1>`, the date in an attribute, the
/// header's `<title>` is the file's own.
const NITF: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<nitf>
<head>
<title>Ferry sinks off coast</title>
<docdata><date.issue norm="20000915T000000"/><doc-id id-string="NYT-0915-17"/></docdata>
<pubdata type="print" name="The Daily Example"/>
</head>
<body>
<body.head>
<hedline><hl1>Ferry Sinks Off Coast; 40 Rescued</hl1></hedline>
<byline>By Maria Lopez</byline>
</body.head>
<body.content>
<block class="full_text">
<p>A passenger ferry sank off the coast on Thursday night, and coast guard crews rescued 40 people from the water.</p>
<p>Two passengers are still missing, officials said.</p>
</block>
</body.content>
</body>
</nitf>
"#;

const SITEMAP: &str = r#"<?xml version="1.0"?>
<urlset><url><loc>https://example.org/a</loc></url><url><loc>https://example.org/b</loc></url></urlset>"#;

#[test]
fn every_document_of_a_collection_file_is_an_article_with_its_headline() {
    let r = import(&[("reut2-000.sgm", REUTERS)]);
    let paths: Vec<&str> = r.articles.iter().map(|a| a.path.as_str()).collect();
    assert_eq!(paths, ["reut2-000.sgm#101", "reut2-000.sgm#102"]);
    let cocoa = &r.articles[0];
    assert_eq!(cocoa.title, "COCOA GROWERS WARN OF SMALLER CROP");
    assert!(
        cocoa
            .published
            .as_deref()
            .is_some_and(|d| d.starts_with("1987-02-26")),
        "{:?}",
        cocoa.published
    );
    // The headline opens the text as in a plain-text article; the dateline and body follow
    // as paragraphs; the topic codes are not text.
    assert!(cocoa.text.starts_with("COCOA GROWERS WARN OF SMALLER CROP\n\nSAN SALVADOR, Feb 26 -\n\nCocoa growers said heavy rains would cut this season's crop by about 12 pct, to 310,000 tonnes.\n\nThe growers' association said exports would fall for a second year."), "{}", cocoa.text);
    assert!(!cocoa.text.contains("el-salvador"), "{}", cocoa.text);
    assert_ne!(r.articles[0].sha256, r.articles[1].sha256);
    assert_eq!(r.summary(), "2 of 2 articles imported");
}

#[test]
fn an_nitf_story_reads_its_headline_date_and_byline() {
    let r = import(&[("ferry.xml", NITF)]);
    assert_eq!(r.articles.len(), 1, "{:?}", r.warnings);
    let a = &r.articles[0];
    assert_eq!(a.path, "ferry.xml");
    // The header's `<title>` comes first in the file, and is the story's headline too.
    assert_eq!(a.title, "Ferry sinks off coast");
    assert!(
        a.published
            .as_deref()
            .is_some_and(|d| d.starts_with("2000-09-15")),
        "{:?}",
        a.published
    );
    assert_eq!(a.author.as_deref(), Some("Maria Lopez"));
    assert!(a.text.contains("\n\nA passenger ferry sank off the coast on Thursday night, and coast guard crews rescued 40 people from the water.\n\nTwo passengers are still missing, officials said."), "{}", a.text);
    assert!(
        !a.text.contains("Maria Lopez") && !a.text.contains("NYT-0915"),
        "{}",
        a.text
    );
}

#[test]
fn markup_without_a_story_is_named_and_the_rest_imported() {
    let r = import(&[
        ("sitemap.xml", SITEMAP),
        ("ferry.xml", NITF),
        ("broken.sgml", "<DOC><TEXT>"),
    ]);
    assert_eq!(r.articles.len(), 1);
    for name in ["sitemap.xml", "broken.sgml"] {
        let w = r
            .warnings
            .iter()
            .find(|w| w.path == name)
            .unwrap_or_else(|| panic!("no warning for {name}: {:?}", r.warnings));
        assert_eq!(w.kind, WarningKind::Skipped);
        assert!(w.message.contains("no document of prose"), "{}", w.message);
    }
    assert_eq!(r.summary(), "1 of 3 articles imported (2 skipped)");
}

#[test]
fn a_reprint_between_documents_of_one_trec_file_is_found() {
    let story = "Magistrates jailed a former council officer for eight months on Tuesday for \
                 taking bribes from builders who wanted planning permission for homes on the \
                 green belt around the town, a case the judge called a betrayal of public trust.";
    let trec = format!(
        "<DOC>\n<DOCNO> WIRE-0001 </DOCNO>\n<HEADLINE> Council officer jailed </HEADLINE>\n\
         <TEXT>\n{story}\n</TEXT>\n</DOC>\n\
         <DOC>\n<DOCNO> PAPER-0002 </DOCNO>\n<HEADLINE> Officer jailed over bribes </HEADLINE>\n\
         <TEXT>\n{story}\n</TEXT>\n</DOC>\n"
    );
    let r = import(&[("la010190.sgml", &trec)]);
    assert_eq!(r.articles.len(), 2);
    assert_eq!(r.articles[1].path, "la010190.sgml#PAPER-0002");
    let reuse = find_reuse(&r.articles);
    let pair = reuse.pairs.first().expect("the reprint is found");
    assert_eq!((pair.class_a, pair.class_b), (Class::Wholly, Class::Wholly));
}
