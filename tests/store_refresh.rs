//! A refresh reaches the project file as one transaction: when any part of it fails, the file
//! is exactly as before; when it succeeds, all of it is there.

use crosscheck::analysis::versions::refresh;
use crosscheck::model::{Article, Edit, Project};
use crosscheck::store::Store;

fn articles() -> Vec<Article> {
    (1..=3)
        .map(|i| {
            let mut a = Article::in_memory(
                i,
                format!("{i}.txt"),
                format!("Article {i}"),
                format!("Report {i}: at least 139 people were killed, police said."),
            );
            a.sha256 = format!("sha{i}");
            a
        })
        .collect()
}

fn project() -> Project {
    let mut p = Project::new(articles());
    for i in 1..=3 {
        let c = p.make_claim(i, 15, 37, Some(2)).expect("claim");
        p.apply(Edit::PutClaim(c)).expect("tag");
    }
    p
}

fn fresh() -> Vec<Article> {
    let mut f = articles();
    for a in &mut f {
        a.text = a.text.replace("139", "143");
        a.sha256.push('x');
    }
    f.push(Article::in_memory(0, "4.txt", "Article 4", "A new report."));
    f
}

#[test]
fn a_refresh_that_fails_halfway_leaves_the_file_as_it_was() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("p.crosscheck");
    let before = project();
    drop(Store::create(&path, &before).expect("create"));
    let plan = refresh::plan(&before, &fresh(), "2026-01-01T00:00:00Z");
    // The last step of this batch breaks the file's rules (a quote that is not the text), as
    // a failed disk write would: everything before it must be rolled back.
    let Edit::Batch(mut edits) = plan.edit else {
        panic!("a refresh is one batch");
    };
    let mut bad = before.claim(1).expect("claim").clone();
    bad.quote = "not the text".into();
    edits.push(Edit::PutClaim(bad));
    let (mut store, _) = Store::open(&path).expect("open");
    assert!(store.apply(&Edit::Batch(edits)).is_err());
    drop(store);
    let (_s, after) = Store::open(&path).expect("reopen");
    assert_eq!(after, before, "nothing of the refresh reached the file");
}

#[test]
fn a_refresh_that_succeeds_is_all_there_after_reopening() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("p.crosscheck");
    let mut p = project();
    let (mut store, _) = {
        drop(Store::create(&path, &p).expect("create"));
        Store::open(&path).expect("open")
    };
    let plan = refresh::plan(&p, &fresh(), "2026-01-01T00:00:00Z");
    assert_eq!(plan.count(refresh::Status::Changed), 3);
    assert_eq!(plan.count(refresh::Status::New), 1);
    p.apply(plan.edit.clone()).expect("model");
    store.apply(&plan.edit).expect("file");
    drop(store);
    let (_s, reopened) = Store::open(&path).expect("reopen");
    assert_eq!(reopened, p);
    assert_eq!(reopened.orphans().count(), 3);
    assert_eq!(reopened.articles().len(), 4);
}
