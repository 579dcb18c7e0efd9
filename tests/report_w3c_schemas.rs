//! The Web Annotation report checked by the W3C's own test schemas, as a real client would check
//! it: the JSON Schema (draft-04) assertions of the W3C Web Annotation test suite, vendored under
//! `tests/data/w3c-annotation/` (see the README there for where they come from and what is
//! missing). The collection, its page and every annotation taken out of the page on its own are
//! run through every MUST assertion listed in the suite's `.test` files, honouring each
//! assertion's `expectedResult`; broken copies of the report prove the assertions can fail.

use crosscheck::model::{Article, Claim, Edit, Link, LinkKind, Project, Resolution};
use crosscheck::report::{Format, ReportOptions, write_report};
use jsonschema::{Draft, Retrieve, Uri, Validator};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

/// Where the vendored suite lives.
fn suite() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/w3c-annotation")
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: cannot read the vendored schema: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()))
}

/// Resolves the suite's relative `$ref`s (`bodyTarget.json#/definitions/…`) to the vendored
/// `definitions/` folder, the way the suite's own runner resolved them next to the assertions.
/// Nothing is fetched over the network.
struct Definitions;

impl Retrieve for Definitions {
    fn retrieve(
        &self,
        uri: &Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let name = uri.path().as_str().rsplit('/').next().unwrap_or_default();
        let path = suite().join("definitions").join(name);
        if !path.is_file() {
            return Err(format!("{uri}: no vendored definition {}", path.display()).into());
        }
        Ok(read_json(&path))
    }
}

/// A compiled draft-04 validator with format checking on: `format: uri` is what tells
/// `article.txt` from an absolute IRI.
fn compile(schema: &Value) -> Validator {
    jsonschema::options()
        .with_draft(Draft::Draft4)
        .should_validate_formats(true)
        .with_retriever(Definitions)
        .build(schema)
        .unwrap_or_else(|e| panic!("the vendored schema does not compile: {e}"))
}

/// One assertion of the suite.
struct Assertion {
    file: String,
    expect_valid: bool,
    message: String,
    validator: Validator,
}

impl Assertion {
    /// The problems of `instance` under this assertion, or none when it meets the expectation.
    fn problems(&self, what: &str, instance: &Value) -> Option<String> {
        let valid = self.validator.is_valid(instance);
        if valid == self.expect_valid {
            return None;
        }
        let errors: Vec<String> = self
            .validator
            .iter_errors(instance)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        Some(format!(
            "{what} fails {} (expected {}): {}\n    {}",
            self.file,
            if self.expect_valid {
                "valid"
            } else {
                "invalid"
            },
            self.message,
            errors.join("\n    ")
        ))
    }
}

/// The MUST assertions a `.test` file lists that are vendored, and the names of those that
/// are not.
fn musts(test: &str) -> (Vec<Assertion>, Vec<String>) {
    let list = read_json(&suite().join(test));
    let mut found = Vec::new();
    let mut missing = Vec::new();
    for name in list["assertions"].as_array().expect("assertions") {
        let name = name.as_str().expect("assertion path");
        let path = suite().join(name);
        if !path.is_file() {
            missing.push(name.to_owned());
            continue;
        }
        let schema = read_json(&path);
        // The suite's default assertion type is "must"; only MUSTs decide conformance.
        if schema["assertionType"].as_str().unwrap_or("must") != "must" {
            continue;
        }
        found.push(Assertion {
            file: name.to_owned(),
            expect_valid: schema["expectedResult"].as_str().unwrap_or("valid") == "valid",
            message: schema["errorMessage"].as_str().unwrap_or("").to_owned(),
            validator: compile(&schema),
        });
    }
    (found, missing)
}

fn assertion<'a>(all: &'a [Assertion], file: &str) -> &'a Assertion {
    all.iter()
        .find(|a| a.file.ends_with(file))
        .unwrap_or_else(|| panic!("{file} is not among the vendored assertions"))
}

// ---- The fixture: a small desk project written here. ----

const HARBOUR: &str = "Fire at the harbour\n\nAbout 40 boats burned overnight, the port authority said. Crews fought the fire for six hours.";
const HARBOUR_V2: &str = "Fire at the harbour\n\nAbout 40 boats burned overnight, the port authority said. Crews fought the fire for nine hours.";
const LOCAL: &str = "Port fire: the count\n\nThe harbour master counted 38 boats lost. Insurers expect claims above 2 million.";
const LOCAL_V2: &str = "Port fire: the count\n\nThe harbour master counted 38 boats lost. Insurers now expect claims above 3 million.";

fn article(id: i64, path: &str, title: &str, text: &str, url: Option<&str>) -> Article {
    Article {
        id,
        path: path.into(),
        title: title.into(),
        outlet: None,
        published: Some("2026-10-02".into()),
        text: text.into(),
        sha256: format!("{id:064x}"),
        encoding: "UTF-8".into(),
        author: None,
        url: url.map(str::to_owned),
    }
}

fn claim(p: &Project, id: i64, article: i64, phrase: &str, category: i64) -> Claim {
    let text = &p.article(article).expect("article").text;
    let at = text.find(phrase).expect("phrase in the text");
    let start = text[..at].chars().count();
    let mut c = p
        .make_claim(
            article,
            start,
            start + phrase.chars().count(),
            Some(category),
        )
        .expect("claim");
    c.id = id;
    c
}

/// Two articles (one with a web address, one a local file), claims with notes, verdicts and an
/// attribution, a link, then a refresh of both articles that leaves one claim of each orphaned
/// on version 1 while the others carry on on version 2.
fn fixture() -> Project {
    let mut p = Project::new(vec![
        article(
            1,
            "harbour.txt",
            "Fire at the harbour",
            HARBOUR,
            Some("https://news.example/harbour-fire?day=2&lang=en"),
        ),
        article(2, "notes/count.txt", "Port fire: the count", LOCAL, None),
    ]);
    let mut c1 = claim(&p, 1, 1, "About 40 boats burned", 2);
    c1.verdict = Some("Mostly false".into());
    c1.attribution = Some("the port authority".into());
    c1.note = "The harbour master's count is 38: https://port.example/notice?n=7&x=y_z".into();
    let mut c2 = claim(&p, 2, 2, "38 boats lost", 2);
    c2.verdict = Some("True".into());
    c2.note = "Counted on the quay.".into();
    let c3 = claim(&p, 3, 1, "six hours", 2);
    let mut c4 = claim(&p, 4, 2, "expect claims above 2 million", 1);
    c4.note = "Ask the insurers' association.".into();
    let mut edits: Vec<Edit> = [c1, c2, c3, c4].into_iter().map(Edit::PutClaim).collect();
    edits.push(Edit::PutLink(Link {
        id: 1,
        kind: LinkKind::Contradicts,
        note: "The counts differ by two boats.".into(),
        resolution: Resolution::Resolved { standing: Some(2) },
        members: vec![1, 2],
    }));
    p.apply(Edit::Batch(edits)).expect("fixture applies");

    // A refresh: every claim is pinned to version 1, the new texts come in, and the claims whose
    // words survive move on to version 2. Claims 3 and 4 lie on words that changed.
    let mut refresh = Vec::new();
    for id in 1..=4 {
        let mut c = p.claim(id).expect("claim").clone();
        c.version = Some(1);
        refresh.push(Edit::PutClaim(c));
    }
    for (article, text) in [(1, HARBOUR_V2), (2, LOCAL_V2)] {
        refresh.push(Edit::NewVersion {
            article,
            text: text.into(),
            sha256: format!("{:064x}", article + 10),
            read_at: Some("2026-10-03T09:30:00Z".into()),
        });
    }
    p.apply(Edit::Batch(refresh)).expect("refresh applies");
    let mut moved = Vec::new();
    for id in [1, 2] {
        let mut c = p.claim(id).expect("claim").clone();
        c.version = Some(2);
        moved.push(Edit::PutClaim(c));
    }
    p.apply(Edit::Batch(moved))
        .expect("surviving claims move on");
    assert!(p.is_orphaned(p.claim(3).expect("claim 3")));
    assert!(p.is_orphaned(p.claim(4).expect("claim 4")));
    assert!(!p.is_orphaned(p.claim(1).expect("claim 1")));
    p
}

fn report() -> Value {
    let opts = ReportOptions {
        project_name: "harbour.crosscheck".into(),
        exported_at: "2026-10-04T08:15:00Z".into(),
    };
    let mut out = Vec::new();
    write_report(&fixture(), Format::Json, &opts, &mut out).expect("write");
    serde_json::from_slice(&out).expect("the report is JSON")
}

fn items(report: &Value) -> &Vec<Value> {
    report["first"]["items"].as_array().expect("items")
}

/// Every problem of `instance` under `assertions`, one per line.
fn failures(assertions: &[Assertion], what: &str, instance: &Value) -> Vec<String> {
    assertions
        .iter()
        .filter_map(|a| a.problems(what, instance))
        .collect()
}

#[test]
fn the_fixture_covers_what_the_schemas_must_see() {
    let v = report();
    let items = items(&v);
    assert_eq!(items.len(), 5, "four claims and a link");
    let source = |id: &str| {
        items.iter().find(|i| i["id"] == id).expect("annotation")["target"]["source"]
            .as_str()
            .expect("source")
            .to_owned()
    };
    assert_eq!(
        source("urn:crosscheck:claim:1"),
        "https://news.example/harbour-fire?day=2&lang=en"
    );
    assert!(source("urn:crosscheck:claim:2").starts_with("urn:sha256:"));
    // An orphan names the text its selectors count in, even where the article has an address.
    assert!(source("urn:crosscheck:claim:3").starts_with("urn:sha256:"));
    assert_ne!(
        source("urn:crosscheck:claim:4"),
        source("urn:crosscheck:claim:2")
    );
    let claim1 = items
        .iter()
        .find(|i| i["id"] == "urn:crosscheck:claim:1")
        .expect("claim 1");
    assert_eq!(claim1["target"]["state"]["type"], "TimeState");
}

#[test]
fn every_annotation_standing_alone_meets_every_must_of_the_w3c_suite() {
    let (assertions, missing) = musts("annotations/annotationMusts.test");
    assert!(
        missing.is_empty(),
        "annotation assertions not vendored: {missing:?}"
    );
    assert_eq!(assertions.len(), 14, "the suite lists 14 annotation MUSTs");
    let v = report();
    let mut all = Vec::new();
    for item in items(&v) {
        let what = format!("annotation {}", item["id"]);
        all.extend(failures(&assertions, &what, item));
    }
    assert!(all.is_empty(), "{}", all.join("\n"));
}

#[test]
fn the_page_and_the_collection_meet_every_vendored_must() {
    let (pages, missing) = musts("collections/pages/pageMusts.test");
    // The stored copy of the suite lacks the page's @context assertion; README says so.
    assert_eq!(missing, ["collections/pages/5.2-pageContextValidated.json"]);
    assert_eq!(pages.len(), 14);
    let (collections, missing) = musts("collections/collectionMusts.test");
    assert_eq!(
        collections.len(),
        2,
        "id and type; the rest are listed missing: {missing:?}"
    );
    let v = report();
    let page = &v["first"];
    let mut all = failures(&pages, "the page on its own", page);
    // The page assertions also accept a collection with its first page embedded, as we write it.
    all.extend(failures(&pages, "the collection with its page", &v));
    all.extend(failures(&collections, "the collection", &v));
    assert!(all.is_empty(), "{}", all.join("\n"));
}

/// The collection MUSTs whose assertion files are missing from the stored copy of the suite,
/// checked against the suite's own definitions of the same keys (collections.json,
/// otherProperties.json) that those assertions are built from.
#[test]
fn the_collection_keys_meet_the_suites_definitions() {
    let v = report();
    for (key, definition) in [
        (
            "@context",
            "collections.json#/definitions/contextValueFound",
        ),
        ("label", "collections.json#/definitions/labelDefinition"),
        ("total", "collections.json#/definitions/totalDefinition"),
        (
            "first",
            "collections.json#/definitions/firstRequiredIfTotalMoreThanZero",
        ),
        ("first", "collections.json#/definitions/firstValidIfPresent"),
        ("last", "collections.json#/definitions/lastValidIfPresent"),
        (
            "created",
            "otherProperties.json#/definitions/createdValidIfPresent",
        ),
        (
            "modified",
            "otherProperties.json#/definitions/modifiedValidIfPresent",
        ),
        (
            "rights",
            "otherProperties.json#/definitions/rightsValidIfPresent",
        ),
    ] {
        let check = compile(&json!({ "$ref": definition }));
        let instance = if key == "@context" {
            &v["@context"]
        } else {
            &v
        };
        assert!(
            check.is_valid(instance),
            "the collection's {key} fails {definition}: {:?}",
            check
                .iter_errors(instance)
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
        );
    }
    assert_eq!(v["total"], items(&v).len());
}

#[test]
fn a_relative_source_fails_the_target_assertion() {
    let (assertions, _) = musts("annotations/annotationMusts.test");
    let target = assertion(&assertions, "3.2-targetObjectsRecognized.json");
    let v = report();
    let mut broken = items(&v)[0].clone();
    assert!(
        target
            .problems("the report's first annotation", &broken)
            .is_none()
    );
    broken["target"]["source"] = json!("article.txt");
    assert!(
        target
            .problems("a copy with source article.txt", &broken)
            .is_some(),
        "a relative source must fail the W3C target assertion"
    );
    // And it fails nothing else: the assertion that catches it is the target one.
    let others: Vec<_> = assertions
        .iter()
        .filter(|a| a.problems("copy", &broken).is_some())
        .map(|a| a.file.as_str())
        .collect();
    assert_eq!(others, ["annotations/3.2-targetObjectsRecognized.json"]);
}

#[test]
fn a_page_without_an_id_fails_the_page_id_assertion() {
    let (pages, _) = musts("collections/pages/pageMusts.test");
    let id = assertion(&pages, "5.2-pageIdValidated.json");
    let v = report();
    let mut page = v["first"].clone();
    page.as_object_mut().expect("page").remove("id");
    assert!(id.problems("a page without id", &page).is_some());
    let mut collection = v.clone();
    collection["first"] = page;
    assert!(
        id.problems("a collection whose page has no id", &collection)
            .is_some()
    );
}

#[test]
fn an_annotation_without_its_own_context_fails_when_split_from_the_page() {
    let (assertions, _) = musts("annotations/annotationMusts.test");
    let context = assertion(&assertions, "3.1-annotationContextValidated.json");
    let v = report();
    let mut bare = items(&v)[0].clone();
    bare.as_object_mut().expect("annotation").remove("@context");
    assert!(
        context
            .problems("an annotation without @context", &bare)
            .is_some()
    );
}
