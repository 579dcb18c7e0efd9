//! A shared project on a real PostgreSQL server (issue 26): push and pull keep every claim
//! and link, two windows' sessions see each other's edits within a second, undo reverts only
//! one's own edits, and edits made while the server is away arrive when it returns.
//! `pg_support` says where the server comes from. The tests start servers (and `crosscheck`)
//! while holding project files open, so they run one at a time (`process_support` says why).

mod pg_support;
mod process_support;
mod store_support;

use crosscheck::model::{Edit, History, Project};
use crosscheck::store::Store;
use crosscheck::store::pg::{PgStore, SharedSession, SharedStatus};
use pg_support::within;
use process_support::one_at_a_time;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;
use store_support::*;

/// A project holding every kind of row: the store fixtures' edits, a layout, and an article
/// with an earlier version and a claim left on it.
fn rich_project() -> Project {
    let mut p = Project::new(articles());
    rich_edits(&mut p);
    p.layout = layout();
    let (s, e) = span(&p, 3, "ponad 140");
    let mut pinned = p.make_claim(3, s, e, Some(1)).expect("claim");
    pinned.version = Some(1);
    // Every claim of article 3 stays on the version it was made on.
    let mut edits: Vec<Edit> = p
        .claims_in(3)
        .map(|c| {
            let mut c = c.clone();
            c.version = Some(1);
            Edit::PutClaim(c)
        })
        .collect();
    edits.push(Edit::PutClaim(pinned));
    edits.push(Edit::NewVersion {
        article: 3,
        text: "Łódź: ponad 150 ofiar — według szpitala.".into(),
        sha256: "f".repeat(64),
        read_at: Some("2024-05-09T10:00:00Z".into()),
    });
    p.apply(Edit::Batch(edits)).expect("refresh");
    p.apply(Edit::SetSetting {
        key: crosscheck::model::settings::PUBLISHER_NAME.into(),
        value: Some("Faktenprüfer Zürich".into()),
    })
    .expect("setting");
    p
}

fn session(url: &str, local: &Path, who: &str) -> (SharedSession, Project) {
    SharedSession::open(url, local, who, Arc::new(|| {})).expect("open the shared project")
}

#[test]
fn a_pushed_project_comes_back_with_every_claim_and_link() {
    let _one = one_at_a_time();
    let Some(db) = pg_support::database("roundtrip") else {
        return;
    };
    let project = rich_project();
    assert!(project.claims().len() >= 4 && project.links().len() >= 2);
    let mut pg = PgStore::connect(&db.url).expect("connect");
    pg.push(&project, "flood", false).expect("push");
    let back = pg.load().expect("load");
    assert_same(&back.project, &project);
    assert_eq!(back.project, project, "versions and read times too");
    assert_eq!(back.last_edit, 0, "a fresh push has an empty log");

    // The same public tables answer the same queries as the file.
    let mut c = postgres::Client::connect(&db.url, postgres::NoTls).expect("connect");
    let orphans: Vec<String> = c
        .query(
            "SELECT c.quote FROM claims c JOIN article_versions v
               ON v.article_id = c.article_id AND v.version = c.version",
            &[],
        )
        .expect("orphaned claims query")
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert!(orphans.contains(&"ponad 140".to_owned()), "{orphans:?}");
    let wrong = c.execute(
        r#"INSERT INTO claims(id, article_id, start, "end", quote) VALUES (99, 1, 0, 3, 'xyz')"#,
        &[],
    );
    assert!(wrong.is_err(), "the quote rule holds on the server too");

    // A second push is refused, naming what is there; --replace overwrites.
    let err = pg.push(&Project::new(articles()), "other", false).err();
    let msg = err.map(|e| e.to_string()).unwrap_or_default();
    assert!(msg.contains("already holds the project “flood”"), "{msg}");
    assert!(msg.contains("--replace"), "{msg}");
    pg.push(&Project::new(articles()), "other", true)
        .expect("replace");
    assert_eq!(pg.load().expect("load").project.claims().len(), 0);
}

#[test]
fn push_and_pull_on_the_command_line_round_trip_a_project_file() {
    let _one = one_at_a_time();
    let Some(db) = pg_support::database("cli") else {
        return;
    };
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("flood.crosscheck");
    let project = rich_project();
    drop(Store::create(&file, &project).expect("project file"));
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_crosscheck"))
            .args(args)
            .env("CROSSCHECK_DATA_DIR", dir.path().join("data"))
            .output()
            .expect("run crosscheck")
    };
    let file_arg = file.to_str().expect("utf-8 path");
    let out = run(&["push", file_arg, &db.url]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("3 articles") && said.contains("claims"),
        "{said}"
    );

    let again = run(&["push", file_arg, &db.url]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already holds"));

    let pulled = dir.path().join("pulled.crosscheck");
    let out = run(&["pull", &db.url, "-o", pulled.to_str().expect("path")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (_store, back) = Store::open(&pulled).expect("pulled file opens");
    assert_eq!(back, project);
}

#[test]
fn two_researchers_see_each_others_edits_within_a_second() {
    let _one = one_at_a_time();
    let Some(db) = pg_support::database("two") else {
        return;
    };
    let base = Project::new(articles());
    PgStore::connect(&db.url)
        .expect("connect")
        .push(&base, "flood", false)
        .expect("push");
    let dir = tempfile::tempdir().expect("tmp");
    let (mut ana, mut ana_p) = session(&db.url, &dir.path().join("ana.crosscheck"), "Ana");
    let (mut ben, mut ben_p) = session(&db.url, &dir.path().join("ben.crosscheck"), "Ben");
    let (mut ana_h, mut ben_h) = (History::default(), History::default());

    // Ana tags a claim; Ben's window has it within a second.
    let claim = claim(&ana_p, 1, "Über 139 Menschen", Some(2));
    let inverse = ana_p.apply(Edit::PutClaim(claim.clone())).expect("tag");
    ana.record(&mut ana_p, Edit::PutClaim(claim.clone()), inverse)
        .expect("record");
    assert_eq!(ana.unsent(), 0, "sent at once while the server is there");
    let took = within(Duration::from_secs(1), || {
        ben.poll(&mut ben_p, &mut ben_h);
        ben_p.claim(claim.id).is_some()
    });
    assert!(
        took.is_some(),
        "Ben did not see Ana's claim within a second"
    );
    assert_eq!(ben_p.claim(claim.id), Some(&claim));

    // Both tag a different claim at the same moment, under the same new id: both stay.
    let mine = claim_in(&ana_p, 2, "133");
    let theirs = claim_in(&ben_p, 3, "ponad 140");
    assert_eq!(mine.id, theirs.id, "both windows chose the next free id");
    let inv = ben_p
        .apply(Edit::PutClaim(theirs.clone()))
        .expect("Ben tags");
    ben.record(&mut ben_p, Edit::PutClaim(theirs.clone()), inv)
        .expect("record");
    let inv = ana_p.apply(Edit::PutClaim(mine.clone())).expect("Ana tags");
    ana.record(&mut ana_p, Edit::PutClaim(mine.clone()), inv)
        .expect("record");
    ana_h.record("Tag claim", Edit::DeleteClaim(mine.id), None);
    let report = ana.poll(&mut ana_p, &mut ana_h);
    let moved = report.moved.claims.get(&mine.id).copied();
    assert!(moved.is_some(), "Ana's claim moved to a free id");
    let both = |p: &Project| {
        let quotes: Vec<&str> = p.claims().map(|c| c.quote.as_str()).collect();
        quotes.contains(&"133") && quotes.contains(&"ponad 140")
    };
    assert!(both(&ana_p), "Ana has both claims");
    assert!(
        within(Duration::from_secs(1), || {
            ben.poll(&mut ben_p, &mut ben_h);
            both(&ben_p)
        })
        .is_some(),
        "Ben has both claims within a second"
    );
    assert_eq!(ana_p, ben_p, "both windows show the same project");
    let server = PgStore::connect(&db.url).expect("c").load().expect("load");
    assert_eq!(server.project.claims().len(), 3);
    // Ana's undo step followed her claim to its new id.
    assert_eq!(ana_h.take_undo().map(|s| s.1), moved.map(Edit::DeleteClaim));
}

fn claim_in(p: &Project, article: i64, needle: &str) -> crosscheck::model::Claim {
    claim(p, article, needle, None)
}

#[test]
fn undo_reverts_only_ones_own_edits() {
    let _one = one_at_a_time();
    let Some(db) = pg_support::database("undo") else {
        return;
    };
    PgStore::connect(&db.url)
        .expect("connect")
        .push(&Project::new(articles()), "flood", false)
        .expect("push");
    let dir = tempfile::tempdir().expect("tmp");
    let (mut ana, mut ana_p) = session(&db.url, &dir.path().join("ana.crosscheck"), "Ana");
    let (mut ben, mut ben_p) = session(&db.url, &dir.path().join("ben.crosscheck"), "Ben");
    let (mut ana_h, mut ben_h) = (History::default(), History::default());
    let commit = |s: &mut SharedSession, p: &mut Project, h: &mut History, e: Edit| {
        let inv = p.apply(e.clone()).expect("applies");
        s.record(p, e, inv.clone()).expect("record");
        h.record("edit", inv, None);
    };
    let a = claim(&ana_p, 1, "Über 139 Menschen", None);
    let b = claim(&ana_p, 2, "133", None);
    let b = crosscheck::model::Claim { id: a.id + 1, ..b };
    commit(&mut ana, &mut ana_p, &mut ana_h, Edit::PutClaim(a.clone()));
    commit(&mut ana, &mut ana_p, &mut ana_h, Edit::PutClaim(b.clone()));
    within(Duration::from_secs(2), || {
        ben.poll(&mut ben_p, &mut ben_h);
        ben_p.claims().len() == 2
    })
    .expect("Ben sees both claims");
    // Ben adds a note to Ana's first claim.
    let mut noted = a.clone();
    noted.note = "Police figure, checked".into();
    commit(
        &mut ben,
        &mut ben_p,
        &mut ben_h,
        Edit::PutClaim(noted.clone()),
    );
    within(Duration::from_secs(2), || {
        ana.poll(&mut ana_p, &mut ana_h);
        ana_p.claim(a.id).is_some_and(|c| !c.note.is_empty())
    })
    .expect("Ana sees Ben's note");
    // Ana's newest step (claim b) is hers alone: it undoes.
    assert_eq!(ana_h.undo_blocked(), None);
    let (_, undo_b) = ana_h.take_undo().expect("step");
    assert_eq!(undo_b, Edit::DeleteClaim(b.id));
    // The step before would delete the claim Ben has since written on: refused, with why.
    let why = ana_h.undo_blocked().expect("blocked");
    assert!(why.contains("Ben") && why.contains("overwrite"), "{why}");
    // Ben's own undo of his note is fine.
    assert_eq!(ben_h.undo_blocked(), None);
}

#[test]
fn edits_made_while_the_server_is_away_arrive_when_it_returns() {
    let _one = one_at_a_time();
    let Some(server) = pg_support::own_server("outage") else {
        return;
    };
    let url = server.url("postgres");
    PgStore::connect(&url)
        .expect("connect")
        .push(&Project::new(articles()), "flood", false)
        .expect("push");
    let dir = tempfile::tempdir().expect("tmp");
    let local = dir.path().join("ana.crosscheck");
    let (mut ana, mut p) = session(&url, &local, "Ana");
    let mut h = History::default();
    let first = claim(&p, 1, "Über 139 Menschen", None);
    let inv = p.apply(Edit::PutClaim(first.clone())).expect("tag");
    ana.record(&mut p, Edit::PutClaim(first.clone()), inv)
        .expect("record");

    server.stop();
    // The window notices and says so; work goes on.
    within(Duration::from_secs(5), || {
        ana.poll(&mut p, &mut h);
        matches!(ana.status(), SharedStatus::Away { .. })
    })
    .expect("the session noticed the server is away");
    let mut made = Vec::new();
    for needle in ["133", "120"] {
        let mut c = claim(&p, 2, needle, Some(2));
        c.id = p.next_claim_id();
        let inv = p.apply(Edit::PutClaim(c.clone())).expect("tag offline");
        ana.record(&mut p, Edit::PutClaim(c.clone()), inv)
            .expect("kept locally");
        made.push(c);
    }
    assert_eq!(ana.unsent(), 2, "both wait in the outbox");
    // Even a window closed while the server is away keeps them: reopen from the local copy.
    drop(ana);
    let (mut ana, mut p) = session(&url, &local, "Ana");
    assert!(matches!(ana.status(), SharedStatus::Away { .. }));
    assert_eq!(ana.unsent(), 2);
    assert!(made.iter().all(|c| p.claim(c.id) == Some(c)));

    server.start();
    within(Duration::from_secs(10), || {
        ana.poll(&mut p, &mut h);
        ana.unsent() == 0 && *ana.status() == SharedStatus::Connected
    })
    .expect("the outbox was sent when the server came back");
    let back = PgStore::connect(&url).expect("c").load().expect("load");
    assert_eq!(back.project.claims().len(), 3, "nothing lost");
    for c in made.iter().chain([&first]) {
        assert_eq!(back.project.claim(c.id), Some(c));
    }
}
