//! Undo and redo stacks of inverse edits.

use super::edit::Edit;

/// One undoable step: what to show in the menu and the edit that reverts it.
#[derive(Clone, Debug)]
struct Step {
    label: String,
    inverse: Edit,
    /// Steps with the same key in a row merge into one (typing a note is one undo step).
    coalesce: Option<String>,
    /// Why this step may no longer be undone (another researcher changed what it reverts).
    blocked: Option<String>,
}

/// The undo history. It holds inverses only; the caller applies them (to the project and
/// the store) and hands back the inverse of the inverse with [`History::push_redo`] /
/// [`History::push_undo_after_redo`].
#[derive(Default, Debug)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl History {
    /// Records a new step. A new step clears the redo stack. When `coalesce` equals the
    /// key of the step on top, the two become one: the older inverse is kept.
    pub fn record(&mut self, label: impl Into<String>, inverse: Edit, coalesce: Option<String>) {
        self.redo.clear();
        if let (Some(key), Some(top)) = (&coalesce, self.undo.last())
            && top.coalesce.as_ref() == Some(key)
        {
            return;
        }
        self.undo.push(Step {
            label: label.into(),
            inverse,
            coalesce,
            blocked: None,
        });
    }

    /// Ends coalescing: the next step never merges into the current top.
    pub fn seal(&mut self) {
        if let Some(top) = self.undo.last_mut() {
            top.coalesce = None;
        }
    }

    /// The label of the step [`History::take_undo`] would revert.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    /// The label of the step [`History::take_redo`] would re-apply.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// Pops the newest step: its label and the edit that reverts it.
    pub fn take_undo(&mut self) -> Option<(String, Edit)> {
        self.undo.pop().map(|s| (s.label, s.inverse))
    }

    /// Pops the newest undone step: its label and the edit that re-applies it.
    pub fn take_redo(&mut self) -> Option<(String, Edit)> {
        self.redo.pop().map(|s| (s.label, s.inverse))
    }

    /// After an undo was applied, stores the edit that redoes it.
    pub fn push_redo(&mut self, label: String, redo: Edit) {
        self.redo.push(Step {
            label,
            inverse: redo,
            coalesce: None,
            blocked: None,
        });
    }

    /// After a redo was applied, stores the edit that undoes it again (keeps the redo stack).
    pub fn push_undo_after_redo(&mut self, label: String, undo: Edit) {
        self.undo.push(Step {
            label,
            inverse: undo,
            coalesce: None,
            blocked: None,
        });
    }

    /// Number of steps that can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// Marks every step whose edit `touches` says yes to as not undoable any more, with the
    /// reason to show (in a shared project: another researcher changed what the step would
    /// revert, so undoing it would overwrite their work).
    pub fn block(&mut self, mut touches: impl FnMut(&Edit) -> bool, reason: &str) {
        for step in self.undo.iter_mut().chain(self.redo.iter_mut()) {
            if step.blocked.is_none() && touches(&step.inverse) {
                step.blocked = Some(reason.to_owned());
            }
        }
    }

    /// Why the step [`History::take_undo`] would revert may not be undone, if it may not.
    pub fn undo_blocked(&self) -> Option<&str> {
        self.undo.last().and_then(|s| s.blocked.as_deref())
    }

    /// Why the step [`History::take_redo`] would re-apply may not be redone, if it may not.
    pub fn redo_blocked(&self) -> Option<&str> {
        self.redo.last().and_then(|s| s.blocked.as_deref())
    }

    /// Rewrites every stored edit (ids moved when a shared project was merged).
    pub fn map_edits(&mut self, mut f: impl FnMut(&Edit) -> Edit) {
        for step in self.undo.iter_mut().chain(self.redo.iter_mut()) {
            step.inverse = f(&step.inverse);
        }
    }

    /// Forgets everything (a different project was opened).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blocked_step_says_why_and_the_others_stay_undoable() {
        let mut h = History::default();
        h.record("Tag claim", Edit::DeleteClaim(1), None);
        h.record("Tag claim", Edit::DeleteClaim(2), None);
        h.block(
            |e| e.targets().contains(&crate::model::Target::Claim(1)),
            "changed by Ana",
        );
        assert_eq!(h.undo_blocked(), None);
        assert_eq!(h.take_undo().map(|s| s.1), Some(Edit::DeleteClaim(2)));
        assert_eq!(h.undo_blocked(), Some("changed by Ana"));
    }
}
