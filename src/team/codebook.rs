//! Matching the other project's codebook and verdict scale to ours: categories by identity
//! (`uid`), then by name; verdict levels by name (they are a scale of words, and claims name
//! their verdict by its word). What is new is added; what differs is kept as ours and reported.

use super::report::{Clash, MergeReport};
use crate::model::{Category, CategoryId, Edit, Project, VerdictLevel};
use std::collections::BTreeMap;

/// The other project's category ids mapped to ours (new categories get fresh ids), and the
/// edits that add the new ones and extend the verdict scale.
pub fn merge_codebook(
    ours: &Project,
    theirs: &Project,
    report: &mut MergeReport,
    edits: &mut Vec<Edit>,
) -> BTreeMap<CategoryId, CategoryId> {
    let mut map = BTreeMap::new();
    let mut next_id = ours.next_category_id();
    let mut keys_taken: Vec<String> = ours
        .categories()
        .iter()
        .filter_map(|c| c.shortcut.clone())
        .collect();
    for t in theirs.categories() {
        let by_uid = ours.categories().iter().find(|o| o.uid == t.uid);
        let by_name = || {
            ours.categories()
                .iter()
                .find(|o| o.name.trim().eq_ignore_ascii_case(t.name.trim()))
        };
        if let Some(o) = by_uid.or_else(by_name) {
            if o.uid != t.uid {
                report.clashes.push(Clash::SameNameOtherIdentity {
                    name: o.name.clone(),
                });
            } else if o.name != t.name {
                report.clashes.push(Clash::Renamed {
                    ours: o.name.clone(),
                    theirs: t.name.clone(),
                });
            }
            if !o.color.eq_ignore_ascii_case(&t.color) {
                report.clashes.push(Clash::Colour {
                    name: o.name.clone(),
                    ours: o.color.clone(),
                    theirs: t.color.clone(),
                });
            }
            map.insert(t.id, o.id);
            continue;
        }
        let mut added = Category {
            id: next_id,
            ..t.clone()
        };
        next_id += 1;
        if let Some(key) = &t.shortcut {
            if keys_taken.contains(key) {
                report.clashes.push(Clash::ShortcutTaken {
                    name: t.name.clone(),
                    key: key.clone(),
                });
                added.shortcut = None;
            } else {
                keys_taken.push(key.clone());
            }
        }
        report.categories_added.push(t.name.clone());
        map.insert(t.id, added.id);
        edits.push(Edit::PutCategory(added));
    }
    merge_verdicts(ours.verdicts(), theirs.verdicts(), report, edits);
    map
}

/// Levels of the other scale missing here go at its end; the same word with another rating is
/// a clash.
fn merge_verdicts(
    ours: &[VerdictLevel],
    theirs: &[VerdictLevel],
    report: &mut MergeReport,
    edits: &mut Vec<Edit>,
) {
    let mut scale = ours.to_vec();
    for t in theirs {
        match ours.iter().find(|o| o.name == t.name) {
            Some(o) if o.rating != t.rating => report.clashes.push(Clash::VerdictRating {
                name: o.name.clone(),
                ours: o.rating,
                theirs: t.rating,
            }),
            Some(_) => {}
            None => {
                report.verdicts_added.push(t.name.clone());
                scale.push(t.clone());
            }
        }
    }
    if scale.len() != ours.len() {
        edits.push(Edit::SetVerdicts(scale));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cat(id: CategoryId, name: &str, color: &str, key: Option<&str>, uid: &str) -> Category {
        Category {
            id,
            name: name.into(),
            color: color.into(),
            shortcut: key.map(str::to_owned),
            uid: uid.into(),
        }
    }

    #[test]
    fn categories_match_by_identity_then_name_and_every_difference_is_reported() {
        let mut ours = Project::new(Vec::new());
        ours.apply(Edit::PutCategory(cat(
            6,
            "Rumour",
            "#777777",
            Some("6"),
            "r-ours",
        )))
        .expect("rumour");
        let mut theirs = Project::new(Vec::new());
        // Claim renamed (same identity), Figure recoloured, Rumour made separately, a new one.
        let mut renamed = theirs.categories()[0].clone();
        renamed.name = "Assertion".into();
        let mut recoloured = theirs.categories()[1].clone();
        recoloured.color = "#000000".into();
        for e in [
            Edit::PutCategory(renamed),
            Edit::PutCategory(recoloured),
            Edit::PutCategory(cat(6, "rumour", "#777777", None, "r-theirs")),
            Edit::PutCategory(cat(7, "Hearsay", "#123456", Some("6"), "h")),
        ] {
            theirs.apply(e).expect("theirs");
        }
        let mut report = MergeReport::default();
        let mut edits = Vec::new();
        let map = merge_codebook(&ours, &theirs, &mut report, &mut edits);
        assert_eq!(map[&1], 1, "renamed Claim is still Claim");
        assert_eq!(map[&6], 6, "Rumour matched by name");
        assert_eq!(map[&7], 7, "Hearsay added with a fresh id");
        assert_eq!(report.categories_added, ["Hearsay"]);
        assert!(report.clashes.contains(&Clash::Renamed {
            ours: "Claim".into(),
            theirs: "Assertion".into()
        }));
        assert!(report.clashes.contains(&Clash::SameNameOtherIdentity {
            name: "Rumour".into()
        }));
        assert!(
            report
                .clashes
                .iter()
                .any(|c| matches!(c, Clash::Colour { name, .. } if name == "Figure"))
        );
        assert!(report.clashes.contains(&Clash::ShortcutTaken {
            name: "Hearsay".into(),
            key: "6".into()
        }));
        let Some(Edit::PutCategory(added)) = edits.first() else {
            panic!("one category added: {edits:?}");
        };
        assert_eq!((added.uid.as_str(), added.shortcut.as_ref()), ("h", None));
        // Nothing was renamed: the only edit adds Hearsay.
        assert_eq!(edits.len(), 1);
    }

    #[test]
    fn a_verdict_missing_here_is_appended_and_another_rating_is_a_clash() {
        let ours = crate::model::default_verdicts();
        let mut theirs = ours.clone();
        theirs[1].rating = Some(9);
        theirs.push(VerdictLevel {
            name: "Satire".into(),
            rating: None,
        });
        let mut report = MergeReport::default();
        let mut edits = Vec::new();
        merge_verdicts(&ours, &theirs, &mut report, &mut edits);
        assert_eq!(report.verdicts_added, ["Satire"]);
        assert_eq!(report.clashes.len(), 1);
        let Some(Edit::SetVerdicts(scale)) = edits.first() else {
            panic!("scale extended");
        };
        assert_eq!(scale.len(), ours.len() + 1);
        assert_eq!(scale[1], ours[1], "ours kept");
    }
}
