//! Merging another project into this one ([`plan`]): one [`Edit::Batch`] that brings in what
//! the other project holds and this one lacks, and a [`MergeReport`] of what it did and what a
//! person should look at.
//!
//! - Categories match by identity (`uid`), then by name; verdict levels by name. A clash is
//!   reported, never settled by renaming ([`super::codebook`]).
//! - Articles match by content hash; a changed source follows the refresh rules
//!   ([`super::texts`]).
//! - A claim is the same claim when it lies on the same text of the same article, at the same
//!   offsets, with the same category. It is kept once. A value only the other project has (a
//!   verdict, an attribution, a note) is taken; a value both have and differ on is a
//!   [`Conflict`]: this project's stays, and the other's is written into the note, so nothing
//!   is lost.
//! - A link is the same link when it ties the same claims with the same kind; the other
//!   project's links are remapped onto the merged claims. Authors are kept as they are.
//!
//! - Article details a copy lacks and stories the other researcher set are taken
//!   ([`super::details`]).
//!
//! Merging is idempotent: everything brought in is found again by the same rules, so merging
//! the same project a second time plans no edit, and merging a project into itself neither.

use super::codebook::merge_codebook;
use super::details::merge_details;
use super::report::{Conflict, MergeReport};
use super::texts::Articles;
use crate::model::{CategoryId, Claim, ClaimId, Edit, Link, Project, Resolution};
use std::collections::{BTreeMap, BTreeSet};

/// What merging one project into another does.
#[derive(Clone, Debug)]
pub struct MergePlan {
    /// One batch: applied to the open project, it holds both; undone, it is as before.
    pub edit: Edit,
    pub report: MergeReport,
}

/// The identity of a claim within one project: article, the text it lies on (`None` for the
/// current one), offsets, category.
type ClaimKey = (i64, Option<u32>, usize, usize, Option<CategoryId>);

/// Plans merging `theirs` into `ours`.
pub fn plan(ours: &Project, theirs: &Project) -> MergePlan {
    let mut report = MergeReport::default();
    let mut edits = Vec::new();
    let categories = merge_codebook(ours, theirs, &mut report, &mut edits);
    let mut articles = Articles::plan(ours, theirs, &mut report);
    edits.append(&mut articles.edits);
    merge_details(
        ours,
        theirs,
        |t| articles.target(t),
        &mut report,
        &mut edits,
    );

    // Our claims as the merge leaves them, found by where they lie.
    let mut planned: BTreeMap<ClaimId, Claim> = std::mem::take(&mut articles.ours_claims);
    let mut changed: BTreeSet<ClaimId> = BTreeSet::new();
    let mut by_key: BTreeMap<ClaimKey, ClaimId> = BTreeMap::new();
    for c in planned.values() {
        by_key.insert(
            (c.article_id, c.version, c.start, c.end, c.category_id),
            c.id,
        );
    }
    let mut next_claim = ours.next_claim_id();
    let mut claim_map: BTreeMap<ClaimId, ClaimId> = BTreeMap::new();
    let mut added_claims: Vec<Claim> = Vec::new();
    for t in theirs.claims() {
        let Some(place) = articles.place(t, &mut report) else {
            continue;
        };
        let category = t.category_id.and_then(|c| categories.get(&c).copied());
        let key = (
            place.article,
            place.version,
            place.start,
            place.end,
            category,
        );
        if let Some(&id) = by_key.get(&key) {
            claim_map.insert(t.id, id);
            report.claims_same += 1;
            if let Some(c) = planned
                .get_mut(&id)
                .or_else(|| added_claims.iter_mut().find(|c| c.id == id))
                && reconcile_claim(c, t, &mut report)
            {
                changed.insert(id);
            }
            continue;
        }
        let claim = Claim {
            id: next_claim,
            article_id: place.article,
            start: place.start,
            end: place.end,
            quote: place.quote,
            category_id: category,
            version: place.version,
            ..t.clone()
        };
        next_claim += 1;
        by_key.insert(key, claim.id);
        claim_map.insert(t.id, claim.id);
        report.claims_added += 1;
        added_claims.push(claim);
    }
    // Changed claims of ours were written after the texts; their last state wins.
    for id in &changed {
        if let Some(c) = planned.get(id) {
            edits.push(Edit::PutClaim(c.clone()));
        }
    }
    edits.extend(added_claims.into_iter().map(Edit::PutClaim));
    merge_links(ours, theirs, &claim_map, &planned, &mut report, &mut edits);
    for key in theirs.dismissed() {
        if !ours.dismissed().contains(key) {
            edits.push(Edit::SetDismissed {
                key: key.clone(),
                dismissed: true,
            });
        }
    }
    MergePlan {
        edit: Edit::Batch(edits),
        report,
    }
}

/// Brings the other project's judgement of the same claim into ours: values ours lacks are
/// taken, values that differ are kept as ours with the other's written into the note. Returns
/// whether ours changed.
fn reconcile_claim(ours: &mut Claim, theirs: &Claim, report: &mut MergeReport) -> bool {
    let before = ours.clone();
    let by = theirs.edited_by.clone().or_else(|| theirs.author.clone());
    let mut took = false;
    let what: String = ours.quote.chars().take(40).collect();
    let unrated = |v: &Option<String>| v.as_deref().is_none_or(|v| v == "Unverified");
    if !unrated(&theirs.verdict) && ours.verdict != theirs.verdict {
        if unrated(&ours.verdict) {
            ours.verdict.clone_from(&theirs.verdict);
            took = true;
        } else {
            let theirs_v = theirs.verdict.clone().unwrap_or_default();
            let line = format!(
                "Merged: another copy's verdict was “{theirs_v}”{}.",
                by_whom(&by)
            );
            append_line(&mut ours.note, &line);
            report.conflicts.push(Conflict {
                kind: "claim",
                id: ours.id,
                field: "verdict",
                what: what.clone(),
                ours: ours.verdict.clone().unwrap_or_default(),
                theirs: theirs_v,
                theirs_by: by.clone(),
            });
        }
    }
    if let Some(theirs_a) = &theirs.attribution
        && ours.attribution.as_ref() != Some(theirs_a)
    {
        match &ours.attribution {
            None => {
                ours.attribution = Some(theirs_a.clone());
                took = true;
            }
            Some(ours_a) => {
                let line = format!(
                    "Merged: another copy attributes this to “{theirs_a}”{}.",
                    by_whom(&by)
                );
                append_line(&mut ours.note, &line);
                report.conflicts.push(Conflict {
                    kind: "claim",
                    id: ours.id,
                    field: "attribution",
                    what: what.clone(),
                    ours: ours_a.clone(),
                    theirs: theirs_a.clone(),
                    theirs_by: by.clone(),
                });
            }
        }
    }
    let theirs_note = theirs.note.trim();
    if !theirs_note.is_empty() && !before.note.contains(theirs_note) {
        if before.note.trim().is_empty() {
            ours.note = theirs.note.clone();
            took = true;
        } else {
            let line = format!("Merged note{}: {theirs_note}", by_whom(&by));
            append_line(&mut ours.note, &line);
            report.conflicts.push(Conflict {
                kind: "claim",
                id: ours.id,
                field: "note",
                what,
                ours: before.note.clone(),
                theirs: theirs_note.to_owned(),
                theirs_by: by.clone(),
            });
        }
    }
    if ours.author.is_none() {
        ours.author.clone_from(&theirs.author);
    }
    if took && by.is_some() {
        ours.edited_by = by;
    }
    *ours != before
}

fn by_whom(by: &Option<String>) -> String {
    by.as_deref().map(|b| format!(" ({b})")).unwrap_or_default()
}

/// Adds `line` to a note on its own paragraph, unless the note already says it.
fn append_line(note: &mut String, line: &str) {
    if note.contains(line) {
        return;
    }
    if !note.trim().is_empty() {
        note.push_str("\n\n");
    }
    note.push_str(line);
}

/// Brings in the other project's links, their members remapped onto the merged claims.
fn merge_links(
    ours: &Project,
    theirs: &Project,
    claim_map: &BTreeMap<ClaimId, ClaimId>,
    planned: &BTreeMap<ClaimId, Claim>,
    report: &mut MergeReport,
    edits: &mut Vec<Edit>,
) {
    let mut known: Vec<Link> = ours.links().cloned().collect();
    // A link's identity: its kind and the set of its claims.
    let identity = |kind, members: &[ClaimId]| {
        let mut m = members.to_vec();
        m.sort_unstable();
        m.dedup();
        (kind, m)
    };
    let mut by_identity: std::collections::HashMap<_, usize> = known
        .iter()
        .enumerate()
        .map(|(i, l)| (identity(l.kind, &l.members), i))
        .collect();
    let mut next = ours.next_link_id();
    for t in theirs.links() {
        let mut members: Vec<ClaimId> = Vec::new();
        for m in t.members.iter().filter_map(|m| claim_map.get(m)) {
            if !members.contains(m) {
                members.push(*m);
            }
        }
        if members.len() < 2 {
            report.links_skipped += 1;
            continue;
        }
        let id = identity(t.kind, &members);
        let resolution = match &t.resolution {
            Resolution::Resolved { standing } => Resolution::Resolved {
                standing: standing.and_then(|s| claim_map.get(&s).copied()),
            },
            other => other.clone(),
        };
        if let Some(l) = by_identity.get(&id).and_then(|i| known.get_mut(*i)) {
            report.links_same += 1;
            if reconcile_link(l, t, resolution, planned, report) {
                edits.push(Edit::PutLink(l.clone()));
            }
            continue;
        }
        let link = Link {
            id: next,
            members,
            resolution,
            ..t.clone()
        };
        next += 1;
        report.links_added += 1;
        by_identity.insert(id, known.len());
        known.push(link.clone());
        edits.push(Edit::PutLink(link));
    }
}

/// The other project's view of the same link: a note or resolution ours lacks is taken; a
/// different resolution is kept as ours and noted.
fn reconcile_link(
    ours: &mut Link,
    theirs: &Link,
    resolution: Resolution,
    planned: &BTreeMap<ClaimId, Claim>,
    report: &mut MergeReport,
) -> bool {
    let before = ours.clone();
    let by = theirs.edited_by.clone().or_else(|| theirs.author.clone());
    if resolution != Resolution::Open && ours.resolution != resolution {
        if ours.resolution == Resolution::Open {
            ours.resolution = resolution;
        } else {
            let describe = |r: &Resolution| match r {
                Resolution::Open => "open".to_owned(),
                Resolution::Unresolvable => "unresolvable".to_owned(),
                Resolution::Resolved { standing: None } => "resolved, no claim stands".to_owned(),
                Resolution::Resolved { standing: Some(id) } => format!(
                    "resolved, “{}” stands",
                    planned
                        .get(id)
                        .map_or(String::new(), |c| c.quote.chars().take(40).collect())
                ),
            };
            let theirs_r = describe(&resolution);
            append_line(
                &mut ours.note,
                &format!("Merged: another copy has this {theirs_r}{}.", by_whom(&by)),
            );
            report.conflicts.push(Conflict {
                kind: "link",
                id: ours.id,
                field: "resolution",
                what: ours.kind.label().to_owned(),
                ours: describe(&ours.resolution),
                theirs: theirs_r,
                theirs_by: by.clone(),
            });
        }
    }
    let theirs_note = theirs.note.trim();
    if !theirs_note.is_empty() && !before.note.contains(theirs_note) {
        if before.note.trim().is_empty() {
            ours.note = theirs.note.clone();
        } else {
            append_line(
                &mut ours.note,
                &format!("Merged note{}: {theirs_note}", by_whom(&by)),
            );
        }
    }
    if ours.author.is_none() {
        ours.author.clone_from(&theirs.author);
    }
    *ours != before
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, LinkKind};

    const TEXT: &str = "Police said 139 people died. The mayor said the dam was safe.";

    fn article(id: i64, path: &str, text: &str) -> Article {
        let mut a = Article::in_memory(id, path, path, text);
        a.sha256 = format!("sha-{}", text.len());
        a
    }

    fn tag(p: &mut Project, article: i64, phrase: &str, cat: i64, who: &str) -> ClaimId {
        let text = &p.article(article).expect("article").text;
        let s = text[..text.find(phrase).expect("phrase")].chars().count();
        let c = p
            .make_claim(article, s, s + phrase.chars().count(), Some(cat))
            .expect("claim");
        let id = c.id;
        let e = p.authored(Edit::PutClaim(c), who);
        p.apply(e).expect("tag");
        id
    }

    fn judge(p: &mut Project, id: ClaimId, verdict: &str, note: &str) {
        let mut c = p.claim(id).expect("claim").clone();
        c.verdict = Some(verdict.into());
        c.note = note.into();
        p.apply(Edit::PutClaim(c)).expect("judge");
    }

    /// Merges and checks the merge is idempotent and undoes exactly.
    fn merged(ours: &Project, theirs: &Project) -> (Project, MergeReport) {
        let plan = plan(ours, theirs);
        let mut m = ours.clone();
        let undo = m.apply(plan.edit).expect("the plan applies");
        let again = super::plan(&m, theirs);
        assert!(
            again.edit.is_empty(),
            "a second merge changes nothing: {:?}",
            again.edit
        );
        assert!(
            super::plan(&m, &m).edit.is_empty(),
            "merging into itself changes nothing"
        );
        let mut back = m.clone();
        back.apply(undo).expect("undo");
        assert_eq!(&back, ours, "undo gives back the project as it was");
        (m, plan.report)
    }

    #[test]
    fn two_coders_merge_with_each_claim_once_conflicts_noted_and_links_remapped() {
        let base = Project::new(vec![
            article(1, "a.txt", TEXT),
            article(2, "b.txt", "Officials said 133 died."),
        ]);
        let mut ana = base.clone();
        let a139 = tag(&mut ana, 1, "139 people died", 2, "Ana");
        judge(&mut ana, a139, "False", "Hospital count is lower.");
        let mut ben = base.clone();
        let b_dam = tag(&mut ben, 1, "the dam was safe", 1, "Ben");
        let b139 = tag(&mut ben, 1, "139 people died", 2, "Ben");
        judge(&mut ben, b139, "True", "Matches the police statement.");
        let b133 = tag(&mut ben, 2, "133 died", 2, "Ben");
        let link = Link {
            id: 1,
            kind: LinkKind::Contradicts,
            note: "Which toll?".into(),
            resolution: Resolution::Resolved {
                standing: Some(b133),
            },
            members: vec![b139, b133],
            author: Some("Ben".into()),
            edited_by: None,
        };
        ben.apply(Edit::PutLink(link)).expect("link");

        let (m, report) = merged(&ana, &ben);
        assert_eq!(m.claims().len(), 3, "139 once, the dam and 133 added");
        assert_eq!((report.claims_same, report.claims_added), (1, 2));
        let c139 = m.claim(a139).expect("ours");
        assert_eq!(c139.verdict.as_deref(), Some("False"), "ours wins");
        assert!(c139.note.contains("Hospital count is lower."));
        assert!(
            c139.note
                .contains("another copy's verdict was “True” (Ben)")
        );
        assert!(c139.note.contains("Matches the police statement."));
        assert_eq!(c139.author.as_deref(), Some("Ana"));
        assert!(
            report
                .conflicts
                .iter()
                .any(|c| c.field == "verdict" && c.id == a139)
        );
        let dam = m
            .claims()
            .find(|c| c.quote == "the dam was safe")
            .expect("dam");
        assert_eq!(dam.author.as_deref(), Some("Ben"), "authors survive");
        assert_ne!(dam.id, b_dam, "ids are ours, not theirs");
        let l = m.links().next().expect("link");
        let m133 = m.claims().find(|c| c.quote == "133 died").expect("133").id;
        assert_eq!(
            l.members,
            [a139, m133],
            "members remapped onto the merged claims"
        );
        assert_eq!(
            l.resolution,
            Resolution::Resolved {
                standing: Some(m133)
            }
        );
        assert_eq!(
            (l.note.as_str(), l.author.as_deref()),
            ("Which toll?", Some("Ben"))
        );
    }

    #[test]
    fn a_newer_text_in_the_other_project_becomes_a_version_and_our_claims_follow_the_refresh_rules()
    {
        let old = "Intro.\n\nPolice said 139 people died. The dam was safe.";
        let new = "Intro.\n\nA new line.\n\nPolice said 143 people died. The dam was safe.";
        let mut ours = Project::new(vec![article(1, "a.txt", old)]);
        let ours_139 = tag(&mut ours, 1, "139 people", 2, "Ana");
        let ours_dam = tag(&mut ours, 1, "The dam was safe", 1, "Ana");
        // The other copy was refreshed: version 2 is the new text; its 139 claim is orphaned.
        let mut theirs = ours.clone();
        let mut pinned: Vec<Edit> = theirs
            .claims()
            .map(|c| {
                let mut c = c.clone();
                c.version = Some(1);
                Edit::PutClaim(c)
            })
            .collect();
        pinned.push(Edit::NewVersion {
            article: 1,
            text: new.into(),
            sha256: "sha-new".into(),
            read_at: Some("2026-01-02T00:00:00Z".into()),
        });
        theirs.apply(Edit::Batch(pinned)).expect("refresh");
        let t143 = tag(&mut theirs, 1, "143 people", 2, "Ben");

        let (m, report) = merged(&ours, &theirs);
        assert_eq!(m.current_version(1), 2);
        assert_eq!(m.article(1).map(|a| a.text.as_str()), Some(new));
        assert_eq!(report.articles_changed.len(), 1);
        let c139 = m.claim(ours_139).expect("kept");
        assert!(
            m.is_orphaned(c139),
            "a changed figure stays on the old text"
        );
        assert!(
            !m.is_orphaned(m.claim(ours_dam).expect("dam")),
            "unchanged words move"
        );
        assert_eq!(
            m.claims().len(),
            3,
            "the other's orphan is ours, its 143 is added"
        );
        assert!(
            m.claims()
                .any(|c| c.quote == "143 people" && c.version.is_none())
        );
        let _ = t143;
    }

    #[test]
    fn an_older_text_in_the_other_project_moves_its_claims_or_keeps_them_orphaned() {
        let old = "Police said 139 people died. The dam was safe.";
        let new = "Police said 143 people died. The dam was safe.";
        let theirs_base = Project::new(vec![article(1, "a.txt", old)]);
        let mut theirs = theirs_base.clone();
        tag(&mut theirs, 1, "139 people", 2, "Ben");
        tag(&mut theirs, 1, "The dam was safe", 1, "Ben");
        let mut ours = theirs_base;
        ours.apply(Edit::NewVersion {
            article: 1,
            text: new.into(),
            sha256: "sha-new".into(),
            read_at: None,
        })
        .expect("ours refreshed");
        let (m, report) = merged(&ours, &theirs);
        assert_eq!((report.claims_reanchored, report.claims_orphaned), (1, 1));
        let dam = m
            .claims()
            .find(|c| c.quote == "The dam was safe")
            .expect("dam");
        assert_eq!(dam.version, None);
        let old139 = m.claims().find(|c| c.quote == "139 people").expect("139");
        assert_eq!(
            old139.version,
            Some(1),
            "never dropped: orphaned on the text it was made on"
        );
    }

    #[test]
    fn an_article_only_the_other_project_has_is_added_with_its_claims() {
        let ours = Project::new(vec![article(1, "a.txt", TEXT)]);
        let mut theirs = Project::new(vec![article(1, "other.txt", "Officials said 133 died.")]);
        tag(&mut theirs, 1, "133 died", 2, "Ben");
        let (m, report) = merged(&ours, &theirs);
        assert_eq!(report.articles_added, ["other.txt"]);
        assert_eq!(m.articles().len(), 2);
        let c = m.claims().next().expect("claim");
        assert_eq!((c.article_id, c.quote.as_str()), (2, "133 died"));
    }
}
