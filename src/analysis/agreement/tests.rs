//! Agreement between whole projects: matching, figures worked out by hand, and resolving.

use super::*;
use crate::model::{Article, Edit};

/// 100 characters, so offsets and lengths read as they are.
const TEXT: &str = "0123456789abcdefghij0123456789abcdefghij0123456789abcdefghij0123456789abcdefghij0123456789abcdefghij";

fn project(texts: &[&str]) -> Project {
    Project::new(
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Article::in_memory(i as i64 + 1, format!("{i}.txt"), format!("A{i}"), *t))
            .collect(),
    )
}

fn tag(p: &mut Project, article: i64, start: usize, end: usize, cat: i64, verdict: Option<&str>) {
    let mut c = p.make_claim(article, start, end, Some(cat)).expect("range");
    c.verdict = verdict.map(str::to_owned);
    p.apply(Edit::PutClaim(c)).expect("tag");
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-4
}

fn alpha_of(f: &Figures, cat: &str) -> Option<f64> {
    f.categories
        .iter()
        .find(|c| c.category == cat)
        .and_then(|c| c.alpha.alpha)
}

/// Coder A tagged 10..20 as Claim; coder B tagged 10..20 and 50..60. Worked by hand from the
/// formulas in `unitizing`:
/// - D_o: B's unit 50..60 lies in A's gap 20..100, counted from both sides:
///   2 · 10² / (2 · 1 · 100²) = 0.01.
/// - D_e: N = 3 units of 10; gaps 10, 80 (A) and 10, 30, 40 (B), all ≥ 10, so
///   Σ(l_h − 9) = 1 + 71 + 1 + 21 + 31 = 125. Per unit: (2/3)(2·1000 − 3·100 + 10) + 100·125
///   = 1140 + 12500 = 13640; all three: 40920; times 2/L = 818.4. Denominator:
///   200 · 199 − 3 · 90 = 39530. D_e = 818.4 / 39530 = 0.0207033.
/// - αu = 1 − 0.01 / 0.0207033 = 0.51699.
///
/// With uncoded text left out, the continuum is the tagged 10..20 and 50..60 end to end
/// (L = 20): A has unit 0..10 and gap 10..20, B units 0..10 and 10..20. D_o = 2 · 100 /
/// (2 · 400) = 0.25; D_e: per unit 1140 + 100 · (10 − 9) = 1240, all three 3720, times 2/20 =
/// 372, over 40 · 39 − 270 = 1290: 0.288372; αu = 1 − 0.25 / 0.288372 = 0.13306.
#[test]
fn alpha_of_two_projects_matches_the_hand_calculation_with_and_without_uncoded_text() {
    let mut a = project(&[TEXT]);
    tag(&mut a, 1, 10, 20, 1, None);
    let mut b = project(&[TEXT]);
    tag(&mut b, 1, 10, 20, 1, None);
    tag(&mut b, 1, 50, 60, 1, None);
    let coders = [("A".to_owned(), &a), ("B".to_owned(), &b)];
    let r = compare(&coders, AgreementOptions::default());
    let alpha = alpha_of(&r.overall, "Claim").expect("defined");
    assert!(close(alpha, 0.51699), "{alpha}");
    assert!(close(
        alpha_of(&r.articles[0].figures, "Claim").expect("defined"),
        0.51699
    ));
    let cut = compare(
        &coders,
        AgreementOptions {
            exclude_uncoded: true,
        },
    );
    let alpha = alpha_of(&cut.overall, "Claim").expect("defined");
    assert!(close(alpha, 0.13306), "{alpha}");
    assert_eq!(r.disagreements.len(), 1);
    assert_eq!(r.disagreements[0].aspects, vec![Aspect::Missing]);
}

#[test]
fn articles_match_by_text_whatever_their_ids_and_order() {
    let other = "A different article, only coder B has it.";
    let a = project(&[TEXT, "Second text"]);
    let b = project(&[other, "Second text", TEXT]);
    let (m, un) = match_articles(&[&a, &b]);
    let ids: Vec<_> = m.iter().map(|m| m.ids.clone()).collect();
    assert_eq!(ids, vec![vec![1, 3], vec![2, 2]]);
    assert_eq!(un.len(), 1);
    assert_eq!((un[0].coder, un[0].article), (1, 1));
}

#[test]
fn kappa_counts_verdicts_on_claims_both_made_at_the_same_offsets() {
    let mut a = project(&[TEXT]);
    let mut b = project(&[TEXT]);
    // Four shared claims: verdicts True/True, False/False, True/False, Mixed/Mixed.
    let verdicts = [
        ("True", "True"),
        ("False", "False"),
        ("True", "False"),
        ("Mixed", "Mixed"),
    ];
    for (k, (va, vb)) in verdicts.iter().enumerate() {
        tag(&mut a, 1, k * 10, k * 10 + 5, 1, Some(va));
        tag(&mut b, 1, k * 10, k * 10 + 5, 1, Some(vb));
    }
    // A claim at other offsets takes no part in κ.
    tag(&mut a, 1, 60, 70, 1, Some("False"));
    tag(&mut b, 1, 61, 70, 1, Some("True"));
    let r = compare(
        &[("A".to_owned(), &a), ("B".to_owned(), &b)],
        AgreementOptions::default(),
    );
    let k = r.overall.pairs[0].kappa;
    assert_eq!(k.items, 4);
    // p_o = 3/4; A: True 2, False 1, Mixed 1; B: True 1, False 2, Mixed 1;
    // p_e = (2·1 + 1·2 + 1·1)/16 = 5/16; κ = (12/16 − 5/16)/(11/16) = 7/11.
    assert!(close(k.kappa.expect("defined"), 7.0 / 11.0), "{k:?}");
    assert_eq!(r.overall.kappa, k.kappa);
    // The verdict and span differences are listed.
    let aspects: Vec<_> = r.disagreements.iter().map(|d| d.aspects.clone()).collect();
    assert_eq!(
        aspects,
        vec![vec![Aspect::Verdict], vec![Aspect::Span, Aspect::Verdict]]
    );
}

#[test]
fn three_coders_give_pairwise_kappas_and_their_mean() {
    let mut ps = Vec::new();
    for verdicts in [["True", "False"], ["True", "False"], ["False", "True"]] {
        let mut p = project(&[TEXT]);
        tag(&mut p, 1, 0, 5, 1, Some(verdicts[0]));
        tag(&mut p, 1, 10, 15, 1, Some(verdicts[1]));
        ps.push(p);
    }
    let coders: Vec<(String, &Project)> = ps.iter().map(|p| ("x".to_owned(), p)).collect();
    let r = compare(&coders, AgreementOptions::default());
    let ks: Vec<_> = r
        .overall
        .pairs
        .iter()
        .map(|p| (p.coders, p.kappa.kappa))
        .collect();
    assert_eq!(
        ks,
        vec![
            ((0, 1), Some(1.0)),
            ((0, 2), Some(-1.0)),
            ((1, 2), Some(-1.0))
        ]
    );
    assert!(close(r.overall.kappa.expect("mean"), -1.0 / 3.0));
}

#[test]
fn taking_theirs_changes_adds_and_removes_claims_and_undo_restores_mine() {
    let mut mine = project(&[TEXT]);
    tag(&mut mine, 1, 10, 20, 1, Some("True")); // theirs: 12..20, False
    tag(&mut mine, 1, 70, 80, 1, None); // theirs: nothing
    let mut theirs = project(&[TEXT]);
    tag(&mut theirs, 1, 12, 20, 1, Some("False"));
    tag(&mut theirs, 1, 40, 45, 3, Some("Mixed")); // mine: nothing
    // A category mine lacks, with a shortcut key mine might use for something else.
    theirs
        .apply(Edit::PutCategory(crate::model::Category {
            id: 9,
            name: "Rumour".into(),
            color: "#777777".into(),
            shortcut: Some("6".into()),
        }))
        .expect("category");
    tag(&mut theirs, 1, 90, 95, 9, None);
    let before = mine.clone();
    let coders = [("me".to_owned(), &mine), ("them".to_owned(), &theirs)];
    let r = compare(&coders, AgreementOptions::default());
    assert_eq!(r.disagreements.len(), 4);
    // One at a time, as the window resolves them, each against the project as it now is.
    let mut after = mine.clone();
    let mut undo = Vec::new();
    for d in &r.disagreements {
        let edit = take_theirs(&after, 1, &theirs, d, 0, 1).expect("edit");
        undo.push(after.apply(edit).expect("applies"));
    }
    let changed = after.claim(1).expect("claim 1 kept its id");
    assert_eq!((changed.start, changed.end), (12, 20));
    assert_eq!(changed.verdict.as_deref(), Some("False"));
    let again = compare(
        &[("me".to_owned(), &after), ("them".to_owned(), &theirs)],
        AgreementOptions::default(),
    );
    assert!(again.disagreements.is_empty(), "{:?}", again.disagreements);
    assert_eq!(again.overall.alpha, Some(1.0));
    assert!(
        after
            .categories()
            .iter()
            .any(|c| c.name == "Rumour" && c.shortcut.is_none())
    );
    for u in undo.into_iter().rev() {
        after.apply(u).expect("undo");
    }
    assert_eq!(after, before);
}

#[test]
fn keeping_mine_marks_the_disagreement_resolved_until_a_side_changes() {
    let mut mine = project(&[TEXT]);
    tag(&mut mine, 1, 10, 20, 1, Some("True"));
    let mut theirs = project(&[TEXT]);
    tag(&mut theirs, 1, 10, 20, 1, Some("False"));
    let r = compare(
        &[("me".to_owned(), &mine), ("them".to_owned(), &theirs)],
        AgreementOptions::default(),
    );
    assert!(!r.disagreements[0].resolved);
    mine.apply(keep_mine(&r.disagreements[0])).expect("keep");
    let r = compare(
        &[("me".to_owned(), &mine), ("them".to_owned(), &theirs)],
        AgreementOptions::default(),
    );
    assert!(r.disagreements[0].resolved);
    let mut changed = theirs.clone();
    let mut c = changed.claim(1).cloned().expect("claim");
    c.verdict = Some("Mixed".into());
    changed.apply(Edit::PutClaim(c)).expect("edit");
    let r = compare(
        &[("me".to_owned(), &mine), ("them".to_owned(), &changed)],
        AgreementOptions::default(),
    );
    assert!(
        !r.disagreements[0].resolved,
        "their verdict changed: decide again"
    );
}
