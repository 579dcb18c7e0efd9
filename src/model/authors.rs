//! Who made what: [`Project::authored`] records the researcher's name on the claims and links
//! an edit makes or changes. The window calls it for every edit the user makes; undo, redo,
//! refreshes and merges apply edits as they are, so they never take credit for others' work.

use super::edit::Edit;
use super::project::Project;
use super::types::{Claim, Link};

impl Project {
    /// `edit` with `who` recorded: a new claim or link without an author gets `who` as its
    /// author; a changed one keeps the author it has here and gets `who` as `edited_by` when
    /// its content changed (a claim's category, verdict, note or attribution; a link's kind,
    /// note, resolution or members). Moving a claim onto another text (a re-attach) is not a
    /// change of content. A blank name changes nothing.
    pub fn authored(&self, edit: Edit, who: &str) -> Edit {
        let who = who.trim();
        if who.is_empty() {
            return edit;
        }
        match edit {
            Edit::PutClaim(mut c) => {
                match self.claim(c.id) {
                    None => {
                        c.author.get_or_insert_with(|| who.to_owned());
                    }
                    Some(old) => {
                        c.author.clone_from(&old.author);
                        if claim_content(old) != claim_content(&c) {
                            c.edited_by = Some(who.to_owned());
                        }
                    }
                }
                Edit::PutClaim(c)
            }
            Edit::PutLink(mut l) => {
                match self.link(l.id) {
                    None => {
                        l.author.get_or_insert_with(|| who.to_owned());
                    }
                    Some(old) => {
                        l.author.clone_from(&old.author);
                        if link_content(old) != link_content(&l) {
                            l.edited_by = Some(who.to_owned());
                        }
                    }
                }
                Edit::PutLink(l)
            }
            Edit::Batch(edits) => {
                Edit::Batch(edits.into_iter().map(|e| self.authored(e, who)).collect())
            }
            other => other,
        }
    }
}

/// What a researcher decides about a claim (not where it lies).
fn claim_content(c: &Claim) -> (Option<i64>, Option<&str>, &str, Option<&str>) {
    (
        c.category_id,
        c.verdict.as_deref(),
        c.note.as_str(),
        c.attribution.as_deref(),
    )
}

/// What a researcher decides about a link.
fn link_content(l: &Link) -> impl PartialEq + '_ {
    (l.kind, l.note.as_str(), &l.resolution, l.members.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, LinkKind, Resolution};

    fn project() -> Project {
        Project::new(vec![Article::in_memory(
            1,
            "a.txt",
            "A",
            "At least 139 people died, police said.",
        )])
    }

    #[test]
    fn a_new_claim_gets_its_maker_and_a_later_verdict_names_the_editor() {
        let mut p = project();
        let c = p.make_claim(1, 9, 12, Some(1)).expect("claim");
        let edit = p.authored(Edit::PutClaim(c.clone()), "Ana");
        p.apply(edit).expect("tag");
        let made = p.claim(c.id).expect("claim").clone();
        assert_eq!(made.author.as_deref(), Some("Ana"));
        assert_eq!(made.edited_by, None);

        // Someone else sets a verdict: the author stays, the editor is recorded.
        let mut changed = made.clone();
        changed.verdict = Some("False".into());
        changed.author = Some("Someone else".into());
        p.apply(p.authored(Edit::PutClaim(changed), "Ben"))
            .expect("verdict");
        let after = p.claim(c.id).expect("claim");
        assert_eq!(after.author.as_deref(), Some("Ana"));
        assert_eq!(after.edited_by.as_deref(), Some("Ben"));

        // Moving it (same content) does not make Cy its editor.
        let mut moved = after.clone();
        moved.start = 9;
        p.apply(p.authored(Edit::PutClaim(moved), "Cy"))
            .expect("move");
        assert_eq!(
            p.claim(c.id).and_then(|c| c.edited_by.as_deref()),
            Some("Ben")
        );
    }

    #[test]
    fn links_in_a_batch_are_credited_and_a_blank_name_records_nothing() {
        let mut p = project();
        let a = p.make_claim(1, 0, 8, None).expect("a");
        let mut b = p.make_claim(1, 9, 12, None).expect("b");
        b.id = a.id + 1;
        let link = Link {
            id: 1,
            kind: LinkKind::Supports,
            note: String::new(),
            resolution: Resolution::Open,
            members: vec![a.id, b.id],
            author: None,
            edited_by: None,
        };
        let batch = Edit::Batch(vec![
            Edit::PutClaim(a.clone()),
            Edit::PutClaim(b.clone()),
            Edit::PutLink(link),
        ]);
        assert_eq!(p.authored(batch.clone(), "  "), batch);
        p.apply(p.authored(batch, "Dee")).expect("applies");
        assert_eq!(p.link(1).and_then(|l| l.author.as_deref()), Some("Dee"));
        assert!(p.claims().all(|c| c.author.as_deref() == Some("Dee")));
    }
}
