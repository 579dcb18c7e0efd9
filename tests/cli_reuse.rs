//! `crosscheck reuse`: a wire story, its reprint, a rewrite with the paper's own material and an
//! independent report of the same event, as text and as JSON.

use serde_json::Value;
use std::process::Command;

fn reuse(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .arg("reuse")
        .args(args)
        .output()
        .expect("run crosscheck")
}

const WIRE: &str = "Warehouse fire kills four in Lisbon\n\nPublished: 2024-05-14\n\n\
LISBON (Reuters) - A fire at a chemical warehouse on the southern edge of Lisbon killed four \
workers and injured 23 on Tuesday, the city's civil protection agency said.\n\n\
The blaze broke out shortly after 6 a.m. in a storage hall holding solvents and paint, and sent \
a column of black smoke over the Tagus estuary that could be seen from the city centre.\n\n\
More than 120 firefighters and 40 vehicles were sent to the site, which lies near a residential \
area of about 3,000 people. Residents were told to keep windows closed.\n\n\
Prosecutors have opened an inquiry into the cause of the fire. The company that runs the \
warehouse did not respond to a request for comment.\n";

const REPRINT: &str = "Four dead in Lisbon warehouse blaze\n\nPublished: 2024-05-14\n\n\
A fire at a chemical warehouse on the southern outskirts of Lisbon killed four workers and \
injured 23 people on Tuesday, the city's civil protection agency said.\n\n\
The blaze broke out soon after 6 a.m. in a storage hall that held solvents and paint, and sent \
a column of thick black smoke over the Tagus estuary that could be seen from the city centre.\n\n\
More than 120 firefighters and 40 vehicles were sent to the site, which lies close to a \
residential area of about 3,000 people. Residents were told to keep their windows closed.\n";

const REWRITE: &str = "Bangs before dawn: Sacavém wakes to smoke\n\nPublished: 2024-05-15\n\n\
Neighbours in Sacavém said they heard two loud bangs before dawn on Tuesday, and within minutes \
ash was falling on cars parked along the main road.\n\n\
A fire at a chemical warehouse on the southern edge of Lisbon killed four workers and injured 23 \
on Tuesday, the city's civil protection agency said. The blaze broke out shortly after 6 a.m. in \
a storage hall holding solvents and paint.\n\n\
Maria Santos, who runs a bakery two streets away, said the smell of burning plastic filled her \
shop and she sent her staff home. Parents gathered outside the primary school on Rua Direita \
waiting for news, and several said nobody had told them whether the children were safe.\n\n\
Local councillor João Ferreira said residents had complained for years about lorries carrying \
chemicals through narrow streets, and that he would ask the city to review the licence.\n";

const INDEPENDENT: &str = "Solvent store fire: four die\n\nPublished: 2024-05-14\n\n\
Four people died when flames tore through a solvent store in Lisbon's industrial fringe early on \
Tuesday, and 23 others were taken to hospital, officials said.\n\n\
Our correspondent at the scene saw dozens of fire engines lined up along the avenue as crews \
sprayed water on the smouldering roof. Smoke drifted across the river for most of the morning.\n";

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, text) in [
        ("1-wire.txt", WIRE),
        ("2-reprint.txt", REPRINT),
        ("3-rewrite.txt", REWRITE),
        ("4-independent.txt", INDEPENDENT),
    ] {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    dir
}

fn json(dir: &tempfile::TempDir) -> Vec<Value> {
    let out = reuse(&[dir.path().to_str().expect("path"), "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON array")
}

fn article<'v>(entries: &'v [Value], path: &str) -> &'v Value {
    entries
        .iter()
        .find(|e| e["kind"] == "article" && e["path"] == path)
        .unwrap_or_else(|| panic!("no article {path}"))
}

fn share_with<'v>(a: &'v Value, other: &str) -> Option<&'v Value> {
    a["shares"]
        .as_array()?
        .iter()
        .find(|s| s["other_path"] == other)
}

#[test]
fn each_article_says_what_it_shares_with_whom_and_how_much() {
    let dir = folder();
    let entries = json(&dir);
    let reprint = article(&entries, "2-reprint.txt");
    let from_wire = share_with(reprint, "1-wire.txt").expect("the reprint shares with the wire");
    assert_eq!(from_wire["class"], "wholly");
    assert_eq!(
        from_wire["direction"], "from_other",
        "the credited wire is the source"
    );
    assert!(from_wire["share"].as_f64().expect("share") > 0.8);
    let p = &from_wire["passages"][0];
    let (s, e) = (
        p["start"].as_u64().expect("start"),
        p["end"].as_u64().expect("end"),
    );
    let passage: String = REPRINT
        .chars()
        .skip(s as usize)
        .take((e - s) as usize)
        .collect();
    assert!(
        passage.starts_with("A fire at a chemical warehouse"),
        "{passage}"
    );

    let rewrite = article(&entries, "3-rewrite.txt");
    let from_wire = share_with(rewrite, "1-wire.txt").expect("the rewrite shares with the wire");
    assert_eq!(from_wire["class"], "partially");
    assert_eq!(from_wire["direction"], "from_other", "a day later");
    assert_eq!(rewrite["class"], "partially");

    let independent = article(&entries, "4-independent.txt");
    assert_eq!(independent["class"], "independent");
    assert!(independent["family"].is_null());
    assert_eq!(article(&entries, "1-wire.txt")["class"], "independent");
}

#[test]
fn families_and_independent_sources_follow_the_articles() {
    let dir = folder();
    let entries = json(&dir);
    let families: Vec<&Value> = entries.iter().filter(|e| e["kind"] == "family").collect();
    assert_eq!(families.len(), 1);
    assert_eq!(
        families[0]["articles"],
        serde_json::json!(["1-wire.txt", "2-reprint.txt", "3-rewrite.txt"])
    );
    assert_eq!(families[0]["source"], "1-wire.txt");
    let injured = entries
        .iter()
        .find(|e| {
            e["kind"] == "figure" && e["figure"].as_str().is_some_and(|f| f.starts_with("23"))
        })
        .expect("23 injured is reported by several articles");
    // Four articles, but the wire's three copies count once.
    assert_eq!(injured["independent"], 2, "{injured}");
    assert_eq!(injured["sources"].as_array().map(Vec::len), Some(2));
}

#[test]
fn text_output_names_class_direction_and_independent_sources() {
    let dir = folder();
    let out = reuse(&[dir.path().to_str().expect("path")]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.contains("2-reprint.txt: wholly derived"), "{text}");
    assert!(
        text.contains("4-independent.txt: independent")
            || text.contains("4-independent.txt: shares no passage"),
        "{text}"
    );
    assert!(
        text.contains("family 1: 1-wire.txt, 2-reprint.txt, 3-rewrite.txt"),
        "{text}"
    );
    assert!(text.contains("2 independent sources"), "{text}");
}

#[test]
fn a_missing_folder_is_an_error_that_names_it() {
    let out = reuse(&["/no/such/folder/anywhere"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/no/such/folder/anywhere"), "{err}");
}
