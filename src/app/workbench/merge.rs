//! File ▸ Merge project… in the workbench: the other project was read off the UI thread; the
//! merge is planned against the project as it is now and applied as one undo step, crediting
//! nobody new (each claim and link keeps its own author), and the result window opens.

use super::*;
use crate::team;

impl Workbench {
    /// Merges `theirs` (read from `path`) into the open project.
    pub(super) fn adopt_merge(&mut self, path: &Path, theirs: Result<Project, StoreError>) {
        let theirs = match theirs {
            Ok(p) => p,
            Err(e) => {
                self.error(format!("Could not merge {}: {e}", path.display()));
                return;
            }
        };
        let Some(doc) = &self.doc else { return };
        if doc.read_only() {
            self.error(
                "This project is read-only: save a copy with Save as… (Ctrl+Shift+S) and merge into that."
                    .into(),
            );
            return;
        }
        let plan = team::plan(&doc.project, &theirs);
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        if !plan.edit.is_empty() && !self.commit_as_is(format!("Merge {name}"), plan.edit, None) {
            return;
        }
        self.message = Some(Message {
            text: format!("Merged {name}: {}", plan.report.summary()),
            is_error: false,
        });
        self.merge_result.show_report(name, plan.report);
    }
}
