//! Unit tests of [`super::Project::apply`]: edits, inverses and what is refused.

use super::*;

fn article(id: ArticleId, text: &str) -> Article {
    Article {
        id,
        path: format!("{id}.txt"),
        title: format!("Article {id}"),
        outlet: None,
        published: None,
        text: text.to_owned(),
        sha256: String::new(),
        encoding: "UTF-8".into(),
        author: None,
        url: None,
    }
}

fn project() -> Project {
    Project::new(vec![
        article(1, "Über 139 people were killed."),
        article(2, "The toll was confirmed at 133."),
    ])
}

#[test]
fn tagging_takes_the_quote_from_character_offsets() {
    let mut p = project();
    let claim = p.make_claim(1, 5, 8, Some(2)).expect("valid range");
    assert_eq!(claim.quote, "139");
    let inv = p.apply(Edit::PutClaim(claim)).expect("applies");
    assert_eq!(inv, Edit::DeleteClaim(1));
    assert_eq!(p.claims_in(1).count(), 1);
    p.apply(inv).expect("undo applies");
    assert_eq!(p.claims().len(), 0);
}

#[test]
fn a_claim_whose_quote_disagrees_with_the_text_is_refused() {
    let mut p = project();
    let mut claim = p.make_claim(1, 5, 8, None).expect("valid");
    claim.quote = "140".into();
    assert!(matches!(
        p.apply(Edit::PutClaim(claim)),
        Err(EditError::QuoteMismatch { .. })
    ));
    assert!(p.make_claim(1, 5, 500, None).is_err());
}

#[test]
fn a_failed_batch_leaves_the_project_unchanged() {
    let mut p = project();
    let before = p.clone();
    let c = p.make_claim(1, 0, 4, None).expect("valid");
    let err = p.apply(Edit::Batch(vec![Edit::PutClaim(c), Edit::DeleteLink(42)]));
    assert_eq!(err, Err(EditError::NoLink(42)));
    assert_eq!(p.claims().len(), before.claims().len());
}

#[test]
fn deleting_a_linked_claim_needs_the_link_gone_first_and_undo_restores_both() {
    let mut p = project();
    let a = p.make_claim(1, 5, 8, None).expect("valid");
    p.apply(Edit::PutClaim(a)).expect("a");
    let b = p.make_claim(2, 26, 29, None).expect("valid");
    p.apply(Edit::PutClaim(b)).expect("b");
    let link = Link {
        id: 1,
        kind: LinkKind::Contradicts,
        note: String::new(),
        resolution: Resolution::Open,
        members: vec![1, 2],
    };
    p.apply(Edit::PutLink(link)).expect("link");
    assert_eq!(
        p.apply(Edit::DeleteClaim(1)),
        Err(EditError::ClaimInLink(1, 1))
    );
    let snapshot = p.clone();
    let inv = p
        .apply(Edit::Batch(vec![Edit::DeleteLink(1), Edit::DeleteClaim(1)]))
        .expect("batch");
    assert_eq!(p.links().len(), 0);
    p.apply(inv).expect("undo");
    assert_eq!(
        p.claims().collect::<Vec<_>>(),
        snapshot.claims().collect::<Vec<_>>()
    );
    assert_eq!(p.link(1), snapshot.link(1));
}

#[test]
fn category_shortcuts_stay_unique_and_used_categories_stay() {
    let mut p = project();
    let mut extra = Category {
        id: p.next_category_id(),
        name: "Rumour".into(),
        color: "#888888".into(),
        shortcut: Some("1".into()),
    };
    assert!(matches!(
        p.apply(Edit::PutCategory(extra.clone())),
        Err(EditError::ShortcutTaken(_))
    ));
    extra.shortcut = Some("6".into());
    p.apply(Edit::PutCategory(extra.clone())).expect("added");
    let c = p.make_claim(1, 0, 4, Some(extra.id)).expect("valid");
    p.apply(Edit::PutClaim(c)).expect("tagged");
    assert_eq!(
        p.apply(Edit::DeleteCategory(extra.id)),
        Err(EditError::CategoryInUse(extra.id))
    );
}

#[test]
fn a_new_version_needs_claims_pinned_first_and_drops_back_exactly() {
    let mut p = project();
    let c = p.make_claim(1, 5, 8, None).expect("valid");
    p.apply(Edit::PutClaim(c.clone())).expect("tag");
    let new_version = Edit::NewVersion {
        article: 1,
        text: "Über 143 people were killed.".into(),
        sha256: "new".into(),
        read_at: Some("2026-01-01T00:00:00Z".into()),
    };
    assert_eq!(
        p.apply(new_version.clone()),
        Err(EditError::ClaimsOnVersion(1)),
        "a claim on the current text would end up on other words"
    );
    let before = p.clone();
    let mut pinned = c.clone();
    pinned.version = Some(1);
    let undo = p
        .apply(Edit::Batch(vec![Edit::PutClaim(pinned), new_version]))
        .expect("pinned first");
    assert_eq!(p.current_version(1), 2);
    assert!(p.is_orphaned(p.claim(c.id).expect("claim")));
    assert_eq!(
        p.text_of(p.claim(c.id).expect("claim")),
        Some("Über 139 people were killed.")
    );
    assert_eq!(p.claims_in(1).count(), 0);
    assert_eq!(p.version(1, 1).map(|v| v.sha256), Some(String::new()));
    // A claim pinned to a version that does not exist is refused.
    let mut wrong = c;
    wrong.version = Some(3);
    assert_eq!(
        p.apply(Edit::PutClaim(wrong)),
        Err(EditError::NoVersion(1, 3))
    );
    p.apply(undo).expect("undo");
    assert_eq!(p, before);
}

#[test]
fn an_added_article_is_removed_by_undo_but_one_with_claims_stays() {
    let mut p = project();
    let undo = p
        .apply(Edit::PutArticle(Box::new(article(3, "A new file."))))
        .expect("added");
    assert_eq!(undo, Edit::DeleteArticle(3));
    assert_eq!(
        p.apply(Edit::PutArticle(Box::new(article(3, "x")))),
        Err(EditError::ArticleExists(3))
    );
    let c = p.make_claim(3, 0, 5, None).expect("valid");
    p.apply(Edit::PutClaim(c)).expect("tag");
    assert_eq!(
        p.apply(Edit::DeleteArticle(3)),
        Err(EditError::ArticleInUse(3))
    );
}
