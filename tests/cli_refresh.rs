//! `crosscheck refresh PROJECT [FOLDER]`, run as the real binary on folders written here:
//! paragraphs inserted and deleted, one digit changed inside a tagged figure, a quote
//! reworded, a file renamed and a file deleted.

use crosscheck::model::{Edit, Link, LinkKind, Project, Resolution, char_slice};
use crosscheck::store::Store;
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use crate::process_support;
use process_support::one_at_a_time;

fn run(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .env(
            "CROSSCHECK_DATA_DIR",
            std::env::temp_dir().join("crosscheck-cli-tests"),
        )
        .output()
        .expect("run crosscheck")
}

fn os(p: &Path) -> &std::ffi::OsStr {
    p.as_os_str()
}

const FLOOD: &str = "Flood in the valley\n\nAt least 139 people were killed, police said.\n\n\
                     The mayor said the dam was safe.\n";
const STORM: &str = "Storm hits the coast\n\nWinds reached 120 km/h on Monday.\n\n\
                     Officials said 12 people were injured.\n";
const FIRE: &str = "Fire in the old town\n\nThree houses burned down overnight.\n";
const QUAKE: &str = "Quake shakes the north\n\nA quake of magnitude 5.1 was felt.\n";

/// Imports the first version of the folder and tags claims in it; returns the project path.
fn setup(root: &Path) -> std::path::PathBuf {
    let folder = root.join("news");
    fs::create_dir(&folder).expect("mkdir");
    fs::write(folder.join("flood.txt"), FLOOD).expect("write");
    fs::write(folder.join("storm.txt"), STORM).expect("write");
    fs::write(folder.join("fire.txt"), FIRE).expect("write");
    fs::write(folder.join("quake.txt"), QUAKE).expect("write");
    let project = root.join("p.crosscheck");
    let out = run(&[
        os(Path::new("new")),
        os(&folder),
        os(Path::new("-o")),
        os(&project),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (mut store, mut p) = Store::open(&project).expect("open");
    let mut tag = |p: &mut Project, path: &str, quote: &str| {
        let a = p
            .articles()
            .iter()
            .find(|a| a.path == path)
            .expect("article");
        let byte = a.text.find(quote).expect("quote in text");
        let s = a.text[..byte].chars().count();
        let c = p
            .make_claim(a.id, s, s + quote.chars().count(), Some(2))
            .expect("claim");
        let id = c.id;
        let e = Edit::PutClaim(c);
        p.apply(e.clone()).expect("model");
        store.apply(&e).expect("store");
        id
    };
    let killed = tag(&mut p, "flood.txt", "139 people were killed");
    let dam = tag(&mut p, "flood.txt", "the dam was safe");
    let injured = tag(&mut p, "storm.txt", "12 people were injured");
    let winds = tag(&mut p, "storm.txt", "120 km/h");
    let link = Edit::PutLink(Link {
        id: 1,
        kind: LinkKind::Supports,
        note: String::new(),
        resolution: Resolution::Open,
        members: vec![killed, injured],
        author: None,
        edited_by: None,
    });
    p.apply(link.clone()).expect("link");
    store.apply(&link).expect("link stored");
    let _ = (dam, winds);
    project
}

fn edit_sources(folder: &Path) {
    // flood: a paragraph inserted before the figure, one digit changed in it, the dam quote
    // negated.
    fs::write(
        folder.join("flood.txt"),
        "Flood in the valley\n\nRescue teams worked through the night.\n\n\
         At least 138 people were killed, police said.\n\nThe mayor said the dam was not safe.\n",
    )
    .expect("write");
    // storm: the first paragraph deleted; the injured figure unchanged.
    fs::write(
        folder.join("storm.txt"),
        "Storm hits the coast\n\nOfficials said 12 people were injured.\n",
    )
    .expect("write");
    // fire: renamed, unchanged. quake: deleted. a new file.
    fs::rename(folder.join("fire.txt"), folder.join("fire-old-town.txt")).expect("rename");
    fs::remove_file(folder.join("quake.txt")).expect("delete");
    fs::write(
        folder.join("rain.txt"),
        "Rain at last\n\nIt rained for 3 days.\n",
    )
    .expect("write");
}

#[test]
fn a_refresh_reports_versions_changes_moved_and_orphaned_claims() {
    // Each test opens its project here (to tag claims) while the other runs `crosscheck`.
    let _one = one_at_a_time();
    let dir = tempfile::tempdir().expect("tmp");
    let project = setup(dir.path());
    edit_sources(&dir.path().join("news"));
    // No FOLDER: the project remembers where it was imported from.
    let out = run(&[os(Path::new("refresh")), os(&project)]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("flood.txt: changed (now version 2)"),
        "{text}"
    );
    assert!(text.contains("killed: 139 → 138"), "{text}");
    assert!(
        text.contains("+ \"Rescue teams worked through the night.\""),
        "{text}"
    );
    assert!(
        text.contains("- \"Winds reached 120 km/h on Monday.\""),
        "{text}"
    );
    assert!(text.contains("negation: + \"not\""), "{text}");
    assert!(
        text.contains("orphaned (stays on version 1): \"139 people were killed\" → now \"138 people were killed\""),
        "{text}"
    );
    assert!(
        text.contains("\"the dam was safe\" → now \"the dam was not safe\""),
        "{text}"
    );
    assert!(
        text.contains("\"138 people were killed\"; the figure changed: suggested as an update"),
        "{text}"
    );
    assert!(
        text.contains("\"the dam was not safe\"\n"),
        "a negation is no figure: {text}"
    );
    assert!(
        text.contains("storm.txt: changed (now version 2)"),
        "{text}"
    );
    assert!(text.contains("moved: \"12 people were injured\""), "{text}");
    assert!(text.contains("\"120 km/h\" → now"), "{text}");
    assert!(
        text.contains("fire-old-town.txt: unchanged, renamed from fire.txt"),
        "{text}"
    );
    assert!(
        text.contains("quake.txt: missing (kept in the project)"),
        "{text}"
    );
    assert!(text.contains("rain.txt: new"), "{text}");
    assert!(
        text.contains("2 changed, 1 new, 1 missing, 1 unchanged; 1 claims re-anchored, 3 orphaned"),
        "{text}"
    );

    let (store, p) = Store::open(&project).expect("reopen");
    drop(store);
    assert_eq!(
        p.articles().len(),
        5,
        "the missing article is kept, the new one added"
    );
    let flood = p
        .articles()
        .iter()
        .find(|a| a.path == "flood.txt")
        .expect("flood");
    assert!(flood.text.contains("138"));
    assert_eq!(p.current_version(flood.id), 2);
    assert_eq!(p.earlier_versions(flood.id)[0].text, FLOOD);
    assert!(p.read_at(flood.id).is_some());
    for c in p.claims() {
        let on = p.text_of(c).expect("text");
        assert_eq!(char_slice(on, c.start, c.end), c.quote, "claim {}", c.id);
    }
    assert_eq!(p.orphans().count(), 3);
    assert_eq!(p.links().len(), 1, "links survive re-anchoring");

    // The public table holds the earlier text with its hash.
    let conn = rusqlite::Connection::open(&project).expect("sql");
    let (n, sha): (i64, String) = conn
        .query_row(
            "SELECT count(*), max(sha256) FROM article_versions WHERE text = ?1",
            [FLOOD],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("query");
    assert_eq!(n, 1);
    assert_eq!(sha.len(), 64);

    // The report names the version each quote comes from and marks the orphans.
    let report = run(&[
        os(Path::new("report")),
        os(&project),
        os(Path::new("--format")),
        os(Path::new("md")),
    ]);
    let md = String::from_utf8_lossy(&report.stdout);
    assert!(
        report.status.success(),
        "{}",
        String::from_utf8_lossy(&report.stderr)
    );
    // (Markdown escapes the parentheses.)
    let flood_sha: String = p.earlier_versions(flood.id)[0]
        .sha256
        .chars()
        .take(12)
        .collect();
    assert!(
        md.contains(&format!(
            "version 1 \\(sha256 {flood_sha}…, as first imported\\)"
        )),
        "{md}"
    );
    assert!(
        md.contains("orphaned: version 2 changed these words"),
        "{md}"
    );
    assert!(md.contains("version 2 \\(sha256 "), "{md}");
    // CSV and Web Annotation JSON name the version too.
    let export = |format: &str| {
        let out = run(&[
            os(Path::new("report")),
            os(&project),
            os(Path::new("--format")),
            os(Path::new(format)),
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let csv = export("csv");
    let full_sha = &p.earlier_versions(flood.id)[0].sha256;
    assert!(
        csv.lines()
            .any(|l| l.contains("139 people were killed")
                && l.contains(&format!(",1,{full_sha},,true"))),
        "{csv}"
    );
    let json: serde_json::Value = serde_json::from_str(&export("json")).expect("json");
    let text = json.to_string();
    assert!(
        text.contains(&format!(
            "Source text version 1 (sha256 {full_sha}) (orphaned"
        )),
        "{text}"
    );
    assert!(
        text.contains("\"TimeState\""),
        "a re-read version gives its read time"
    );

    // A second refresh of the same files changes nothing.
    let again = run(&[os(Path::new("refresh")), os(&project)]);
    let text = String::from_utf8_lossy(&again.stdout);
    assert!(
        text.contains("0 changed, 0 new, 1 missing, 4 unchanged"),
        "{text}"
    );
}

#[test]
fn json_lists_one_object_per_article_and_a_missing_folder_is_bad_usage() {
    // Each test opens its project here (to tag claims) while the other runs `crosscheck`.
    let _one = one_at_a_time();
    let dir = tempfile::tempdir().expect("tmp");
    let project = setup(dir.path());
    edit_sources(&dir.path().join("news"));
    let folder = dir.path().join("news");
    let out = run(&[
        os(Path::new("refresh")),
        os(&project),
        os(&folder),
        os(Path::new("--json")),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let list = v.as_array().expect("array");
    assert_eq!(list.len(), 5, "four articles and the new file");
    let flood = list
        .iter()
        .find(|a| a["path"] == "flood.txt")
        .expect("flood");
    assert_eq!(flood["status"], "changed");
    assert_eq!(flood["orphaned"].as_array().map(Vec::len), Some(2));

    // A project that does not know its folder needs one on the command line.
    let conn = rusqlite::Connection::open(&project).expect("sql");
    conn.execute("DELETE FROM meta WHERE key = 'source_folder'", [])
        .expect("forget");
    drop(conn);
    let out = run(&[os(Path::new("refresh")), os(&project)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("FOLDER"));
}
