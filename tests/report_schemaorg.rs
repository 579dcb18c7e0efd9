//! The ClaimReview export against the schema.org vocabulary itself (issue 25): every term on
//! every node is a current schema.org property whose domain includes the node's type (or a
//! supertype), and every value is of a type the property's range allows — nested nodes by
//! their `@type`, strings as Text, URL, Date or DateTime, numbers as Number. This is what a
//! structured-data validator checks beyond Google's required fields; the vocabulary is vendored
//! in `tests/data/schemaorg` (release 12.0). The export checked is the golden file that
//! `report_formats` keeps equal to what the exporter writes.

use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

struct Property {
    domain: Vec<String>,
    range: Vec<String>,
    superseded: bool,
}

struct Vocabulary {
    properties: HashMap<String, Property>,
    parents: HashMap<String, Vec<String>>,
}

fn data(path: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn words(s: Option<&str>) -> Vec<String> {
    s.unwrap_or_default()
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

impl Vocabulary {
    fn load() -> Vocabulary {
        let rows = |text: String| -> Vec<Vec<String>> {
            text.lines()
                .filter(|l| !l.starts_with('#') && !l.is_empty())
                .map(|l| l.split('\t').map(str::to_owned).collect())
                .collect()
        };
        let properties = rows(data("tests/data/schemaorg/properties.tsv"))
            .into_iter()
            .map(|r| {
                let field = |i: usize| r.get(i).map(String::as_str);
                (
                    r[0].clone(),
                    Property {
                        domain: words(field(1)),
                        range: words(field(2)),
                        superseded: field(3).is_some_and(|s| !s.trim().is_empty()),
                    },
                )
            })
            .collect();
        let parents = rows(data("tests/data/schemaorg/types.tsv"))
            .into_iter()
            .map(|r| (r[0].clone(), words(r.get(1).map(String::as_str))))
            .collect();
        Vocabulary {
            properties,
            parents,
        }
    }

    /// `t` and every type above it.
    fn lineage(&self, t: &str) -> HashSet<String> {
        let mut out = HashSet::new();
        let mut todo = vec![t.to_owned()];
        while let Some(x) = todo.pop() {
            if out.insert(x.clone()) {
                todo.extend(self.parents.get(&x).cloned().unwrap_or_default());
            }
        }
        out
    }

    fn fits(&self, t: &str, allowed: &[String]) -> bool {
        let up = self.lineage(t);
        allowed.iter().any(|a| up.contains(a))
    }

    /// Every problem in the node `v` (of type `ty`) and below it, with its path.
    fn check(&self, v: &Value, path: &str, problems: &mut Vec<String>) {
        let Some(obj) = v.as_object() else { return };
        if let Some(graph) = obj.get("@graph").and_then(Value::as_array) {
            for (i, n) in graph.iter().enumerate() {
                self.check(n, &format!("{path}@graph[{i}]"), problems);
            }
            return;
        }
        let Some(ty) = obj.get("@type").and_then(Value::as_str) else {
            problems.push(format!("{path}: a node without @type"));
            return;
        };
        if !self.parents.contains_key(ty) {
            problems.push(format!("{path}: {ty} is not a schema.org type"));
            return;
        }
        for (key, value) in obj {
            if key.starts_with('@') {
                continue;
            }
            let at = format!("{path}.{key}");
            let Some(p) = self.properties.get(key) else {
                problems.push(format!("{at}: not a schema.org property"));
                continue;
            };
            if p.superseded {
                problems.push(format!("{at}: superseded in schema.org"));
            }
            if !self.fits(ty, &p.domain) {
                problems.push(format!("{at}: not a property of {ty} ({:?})", p.domain));
            }
            let values = value
                .as_array()
                .cloned()
                .unwrap_or_else(|| vec![value.clone()]);
            for v in &values {
                self.check_value(v, p, &at, problems);
            }
        }
    }

    fn check_value(&self, v: &Value, p: &Property, at: &str, problems: &mut Vec<String>) {
        let ok = match v {
            Value::Object(o) => {
                let t = o.get("@type").and_then(Value::as_str).unwrap_or("Thing");
                let fits = self.fits(t, &p.range);
                self.check(v, at, problems);
                fits
            }
            Value::String(s) => {
                let date = |s: &str| {
                    s.len() >= 10
                        && s.as_bytes()[4] == b'-'
                        && s.as_bytes()[7] == b'-'
                        && s[..4].bytes().all(|b| b.is_ascii_digit())
                };
                let url = s.starts_with("https://") || s.starts_with("http://");
                p.range.iter().any(|r| match r.as_str() {
                    "Text" => true,
                    "URL" => url,
                    "Date" | "DateTime" => date(s),
                    _ => false,
                })
            }
            Value::Number(_) => p
                .range
                .iter()
                .any(|r| matches!(r.as_str(), "Number" | "Integer" | "Float")),
            Value::Bool(_) => p.range.iter().any(|r| r == "Boolean"),
            _ => false,
        };
        if !ok {
            problems.push(format!("{at}: {v} is not a {:?}", p.range));
        }
    }
}

fn problems(doc: &Value) -> Vec<String> {
    let vocab = Vocabulary::load();
    let mut out = Vec::new();
    vocab.check(doc, "", &mut out);
    out
}

fn export() -> Value {
    serde_json::from_str(&data("tests/golden/report.claimreview.jsonld")).expect("JSON")
}

#[test]
fn every_term_of_the_claimreview_export_is_schema_org_on_the_right_type() {
    let doc = export();
    assert!(
        matches!(
            doc["@context"].as_str(),
            Some("https://schema.org" | "http://schema.org")
        ),
        "the schema.org context: {}",
        doc["@context"]
    );
    let graph = doc["@graph"].as_array().expect("a @graph");
    assert!(graph.len() >= 3, "the golden report has its reviews");
    let found = problems(&doc);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_check_catches_a_misspelt_term_a_term_on_the_wrong_type_and_a_wrong_value() {
    let mut doc = export();
    let review = &mut doc["@graph"][0];
    let claim = review["claimReviewed"].take();
    review["claimReview"] = claim;
    review["itemReviewed"]["ratingValue"] = Value::from(3);
    review["reviewRating"]["author"] = Value::from("someone");
    review["datePublished"] = Value::from("yesterday");
    let found = problems(&doc).join("\n");
    for expected in [
        "claimReview: not a schema.org property",
        "itemReviewed.ratingValue: not a property of Claim",
        "reviewRating.author: \"someone\" is not a",
        "datePublished: \"yesterday\" is not a",
    ] {
        assert!(found.contains(expected), "{expected:?} not in:\n{found}");
    }
}
