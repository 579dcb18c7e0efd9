//! `crosscheck merge A B -o C`, run as the real binary: two researchers import one folder
//! (written here), tag it apart — each with their own name, one renaming a category, both
//! adding a "Rumour" category of their own — and the merge holds every claim once, keeps their
//! authors, remaps links, shows each clash, and changes nothing when repeated.

use crosscheck::model::{ArticleMeta, Category, Edit, Link, LinkKind, Project, Resolution};
use crosscheck::store::Store;
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::process_support;
use process_support::one_at_a_time;

fn run(args: &[&OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .env(
            "CROSSCHECK_DATA_DIR",
            std::env::temp_dir().join("crosscheck-cli-tests"),
        )
        .output()
        .expect("run crosscheck")
}

fn os(p: &Path) -> &OsStr {
    p.as_os_str()
}

fn merge(a: &Path, b: &Path, out: &Path) -> Output {
    run(&[
        os(Path::new("merge")),
        os(a),
        os(b),
        os(Path::new("-o")),
        os(out),
    ])
}

const FLOOD: &str = "Flood in the valley\n\nAt least 139 people were killed, police said.\n\n\
                     The mayor said the dam was safe.\n";
const STORM: &str = "Storm hits the coast\n\nWinds reached 120 km/h on Monday.\n\n\
                     Officials said 12 people were injured.\n";

/// One researcher's project: the folder imported with `crosscheck new`.
fn import(root: &Path, name: &str) -> PathBuf {
    let folder = root.join("news");
    if !folder.exists() {
        fs::create_dir(&folder).expect("mkdir");
        fs::write(folder.join("flood.txt"), FLOOD).expect("write");
        fs::write(folder.join("storm.txt"), STORM).expect("write");
    }
    let project = root.join(format!("{name}.crosscheck"));
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
    project
}

/// Applies edits to a project file as the window would.
struct Coder {
    store: Store,
    p: Project,
    name: &'static str,
}

impl Coder {
    fn open(path: &Path, name: &'static str) -> Coder {
        let (store, p) = Store::open(path).expect("open");
        Coder { store, p, name }
    }

    fn apply(&mut self, e: Edit) {
        let e = self.p.authored(e, self.name);
        self.p.apply(e.clone()).expect("model");
        self.store.apply(&e).expect("store");
    }

    fn tag(&mut self, path: &str, quote: &str, category: i64, verdict: Option<&str>) -> i64 {
        let a = self
            .p
            .articles()
            .iter()
            .find(|a| a.path == path)
            .expect("article");
        let s = a.text[..a.text.find(quote).expect("quote")].chars().count();
        let mut c = self
            .p
            .make_claim(a.id, s, s + quote.chars().count(), Some(category))
            .expect("claim");
        c.verdict = verdict.map(str::to_owned);
        let id = c.id;
        self.apply(Edit::PutClaim(c));
        id
    }

    fn add_category(&mut self, name: &str) -> i64 {
        let id = self.p.next_category_id();
        self.apply(Edit::PutCategory(Category {
            id,
            name: name.into(),
            color: "#888888".into(),
            shortcut: None,
            uid: Category::new_uid(),
        }));
        id
    }
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn two_projects_tagged_apart_merge_with_every_claim_once_and_twice_is_once() {
    let _one = one_at_a_time();
    let dir = tempfile::tempdir().expect("tempdir");
    let (ana_path, ben_path) = (import(dir.path(), "ana"), import(dir.path(), "ben"));

    let mut ana = Coder::open(&ana_path, "Ana Lima");
    ana.tag(
        "flood.txt",
        "139 people were killed",
        2,
        Some("Mostly false"),
    );
    ana.tag("flood.txt", "the dam was safe", 1, None);
    let rumour = ana.add_category("Rumour");
    ana.tag("storm.txt", "120 km/h", rumour, None);
    drop(ana);

    let mut ben = Coder::open(&ben_path, "Ben Okafor");
    let b139 = ben.tag("flood.txt", "139 people were killed", 2, Some("True"));
    let b12 = ben.tag("storm.txt", "12 people were injured", 2, None);
    ben.tag("storm.txt", "Winds reached 120 km/h", 1, None);
    // Ben renames Quote; the category stays the same one.
    let mut quote = ben.p.category(3).expect("Quote").clone();
    quote.name = "Quotation".into();
    ben.apply(Edit::PutCategory(quote));
    ben.add_category("Rumour");
    ben.apply(Edit::PutLink(Link {
        id: 1,
        kind: LinkKind::Contradicts,
        note: "Different tolls?".into(),
        resolution: Resolution::Open,
        members: vec![b139, b12],
        author: None,
        edited_by: None,
    }));
    drop(ben);
    let before = (
        fs::read(&ana_path).expect("a"),
        fs::read(&ben_path).expect("b"),
    );

    let merged_path = dir.path().join("merged.crosscheck");
    let out = merge(&ana_path, &ben_path, &merged_path);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        (
            fs::read(&ana_path).expect("a"),
            fs::read(&ben_path).expect("b")
        ),
        before,
        "A and B are only read"
    );
    let summary = stdout(&out);
    assert!(
        summary.contains("2 claims added, 1 already here, 1 link added"),
        "{summary}"
    );
    let warnings = stderr(&out);
    assert!(
        warnings.contains("clash: category “Quote” is called “Quotation” in the other project"),
        "{warnings}"
    );
    assert!(
        warnings.contains("clash: category “Rumour” was made separately in each project"),
        "{warnings}"
    );
    assert!(
        warnings.contains("conflict: claim") && warnings.contains("“Mostly false”"),
        "the verdicts differ: {warnings}"
    );

    let (_s, m) = Store::open(&merged_path).expect("the merged file opens");
    // Every claim exactly once: Ana's 3, plus Ben's 2 she did not make.
    let mut quotes: Vec<(String, Option<String>)> = m
        .claims()
        .map(|c| (c.quote.clone(), c.author.clone()))
        .collect();
    quotes.sort();
    assert_eq!(
        quotes,
        [
            (
                "12 people were injured".to_owned(),
                Some("Ben Okafor".to_owned())
            ),
            ("120 km/h".to_owned(), Some("Ana Lima".to_owned())),
            (
                "139 people were killed".to_owned(),
                Some("Ana Lima".to_owned())
            ),
            (
                "Winds reached 120 km/h".to_owned(),
                Some("Ben Okafor".to_owned())
            ),
            ("the dam was safe".to_owned(), Some("Ana Lima".to_owned())),
        ]
    );
    let killed = m
        .claims()
        .find(|c| c.quote == "139 people were killed")
        .expect("139");
    assert_eq!(
        killed.verdict.as_deref(),
        Some("Mostly false"),
        "A's verdict stands"
    );
    assert!(
        killed.note.contains("“True” (Ben Okafor)"),
        "B's is in the note: {}",
        killed.note
    );
    // The link ties the merged claims and keeps its maker.
    let link = m.links().next().expect("link");
    let injured = m
        .claims()
        .find(|c| c.quote == "12 people were injured")
        .expect("12");
    assert_eq!(link.members, [killed.id, injured.id]);
    assert_eq!(link.author.as_deref(), Some("Ben Okafor"));
    // No category was renamed or duplicated.
    let names: Vec<&str> = m.categories().iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        ["Claim", "Figure", "Quote", "Source", "Date", "Rumour"]
    );

    // Merging B again changes nothing; so does merging the result into itself.
    let twice = dir.path().join("twice.crosscheck");
    let out = merge(&merged_path, &ben_path, &twice);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("0 claims added"), "{}", stdout(&out));
    let (_t, again) = Store::open(&twice).expect("opens");
    assert_eq!(again, m, "merge(merge(A, B), B) == merge(A, B)");
    let self_merge = dir.path().join("self.crosscheck");
    let out = merge(&merged_path, &merged_path, &self_merge);
    assert!(out.status.success(), "{}", stderr(&out));
    let (_u, same) = Store::open(&self_merge).expect("opens");
    assert_eq!(same, m, "a project merged into itself is unchanged");
}

#[test]
fn merge_refuses_to_overwrite_a_file_and_reports_the_report_as_json() {
    let _one = one_at_a_time();
    let dir = tempfile::tempdir().expect("tempdir");
    let (a, b) = (import(dir.path(), "a"), import(dir.path(), "b"));
    let before = fs::read(&a).expect("a");
    let out = merge(&a, &b, &a);
    assert_eq!(out.status.code(), Some(2), "bad usage: {}", stderr(&out));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    assert_eq!(fs::read(&a).expect("a"), before, "never overwritten");

    let c = dir.path().join("c.crosscheck");
    let out = run(&[
        os(Path::new("merge")),
        os(&a),
        os(&b),
        os(Path::new("-o")),
        os(&c),
        os(Path::new("--json")),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(v["articles_same"], 2, "both articles matched by their hash");
    assert_eq!(v["claims_added"], 0);
    assert!(v["clashes"].as_array().is_some_and(Vec::is_empty));
}

#[test]
fn article_details_and_stories_set_in_one_copy_reach_the_merge_and_a_difference_is_reported() {
    let _one = one_at_a_time();
    let dir = tempfile::tempdir().expect("tempdir");
    let (ana_path, ben_path) = (import(dir.path(), "ana"), import(dir.path(), "ben"));
    let id_of = |p: &Project, path: &str| {
        p.articles()
            .iter()
            .find(|a| a.path == path)
            .expect("article")
            .id
    };

    let mut ana = Coder::open(&ana_path, "Ana Lima");
    let (flood, storm) = (id_of(&ana.p, "flood.txt"), id_of(&ana.p, "storm.txt"));
    let mut meta = ArticleMeta::of(ana.p.article(storm).expect("storm"));
    meta.outlet = Some("Coast Herald".into());
    ana.apply(Edit::SetArticleMeta(meta));
    drop(ana);

    let mut ben = Coder::open(&ben_path, "Ben Okafor");
    let mut meta = ArticleMeta::of(ben.p.article(flood).expect("flood"));
    meta.outlet = Some("Valley Times".into());
    meta.published = Some("2024-03-22".into());
    ben.apply(Edit::SetArticleMeta(meta));
    let mut meta = ArticleMeta::of(ben.p.article(storm).expect("storm"));
    meta.outlet = Some("Herald".into());
    ben.apply(Edit::SetArticleMeta(meta));
    ben.apply(Edit::SetStories(vec![(
        storm,
        Some("Coastal storm".into()),
    )]));
    drop(ben);

    let merged = dir.path().join("merged.crosscheck");
    let out = merge(&ana_path, &ben_path, &merged);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("details of 1 article filled in, 1 story choice placed"),
        "{}",
        stdout(&out)
    );
    assert!(
        stderr(&out).contains("outlet here “Coast Herald”, in the other project “Herald”"),
        "both named an outlet for the storm article: {}",
        stderr(&out)
    );
    let (_s, m) = Store::open(&merged).expect("opens");
    let f = m.article(flood).expect("flood");
    assert_eq!(
        f.outlet.as_deref(),
        Some("Valley Times"),
        "Ben's outlet filled the gap"
    );
    assert_eq!(f.published.as_deref(), Some("2024-03-22"));
    assert_eq!(
        m.article(storm).expect("storm").outlet.as_deref(),
        Some("Coast Herald"),
        "Ana's outlet stays"
    );
    assert_eq!(
        m.story_overrides().get(&storm).map(String::as_str),
        Some("Coastal storm"),
        "Ben's story choice is kept"
    );

    let twice = dir.path().join("twice.crosscheck");
    let out = merge(&merged, &ben_path, &twice);
    assert!(out.status.success(), "{}", stderr(&out));
    let (_t, again) = Store::open(&twice).expect("opens");
    assert_eq!(again, m, "merging B again changes nothing");
}
