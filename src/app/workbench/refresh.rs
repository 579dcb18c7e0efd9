//! File ▸ Refresh from folder in the workbench: where the sources are, applying a refresh as
//! one undo step, and re-attaching an orphaned claim to a selection.

use super::*;
use crate::analysis::versions::refresh;

impl Workbench {
    /// The folder the open project was imported from, if known: the document's, else the one
    /// its file records.
    pub(super) fn source_folder(&self) -> Option<PathBuf> {
        let doc = self.doc.as_ref()?;
        doc.folder.clone().or_else(|| {
            doc.store
                .as_ref()
                .and_then(|s| s.meta(crate::store::META_SOURCE_FOLDER).ok().flatten())
                .map(PathBuf::from)
        })
    }

    /// The sources were read again: plans the refresh against the project as it is now (the
    /// researcher may have edited it while the files were read), applies it as one undo step
    /// and shows the Changes window.
    pub(super) fn adopt_refresh(
        &mut self,
        folder: &Path,
        fresh: Result<Vec<crate::model::Article>, String>,
        warnings: &[ImportWarning],
    ) {
        let fresh = match fresh {
            Ok(f) => f,
            Err(e) => {
                self.error(format!("Could not read {}: {e}", folder.display()));
                return;
            }
        };
        let Some(doc) = &self.doc else { return };
        let now = jiff::Timestamp::now().to_string();
        let plan = refresh::plan(&doc.project, &fresh, &now);
        if !plan.edit.is_empty()
            && !self.commit_as_is("Refresh from sources".into(), plan.edit.clone(), None)
        {
            return;
        }
        let skipped = if warnings.is_empty() {
            String::new()
        } else {
            format!(" ({} files could not be read)", warnings.len())
        };
        self.message = Some(Message {
            text: format!(
                "Refreshed from {}: {} changed, {} new, {} missing, {} claims orphaned{skipped}",
                folder.display(),
                plan.count(refresh::Status::Changed),
                plan.count(refresh::Status::New),
                plan.count(refresh::Status::Missing),
                plan.orphaned().count()
            ),
            is_error: false,
        });
        self.changes.show_plan(plan);
    }

    /// Puts an orphaned claim on the active column's selection, on the current text.
    pub(super) fn reattach(&mut self, claim: ClaimId) {
        let Some(doc) = &self.doc else { return };
        let Some(old) = doc.project.claim(claim) else {
            return;
        };
        let Some(col) = self
            .columns
            .get(self.active)
            .filter(|c| c.article == old.article_id)
        else {
            self.error("Select the new words in the claim's article first.".into());
            return;
        };
        let Some(sel) = col.reader.selection.filter(|s| !s.is_empty()) else {
            self.error("Select the new words in the claim's article first.".into());
            return;
        };
        let (a, b) = sel.range();
        let text = doc
            .project
            .article(old.article_id)
            .map_or("", |a| a.text.as_str());
        let (a, b) = crate::app::reader::words::trim_range(text, a, b);
        match doc
            .project
            .make_claim(old.article_id, a, b, old.category_id)
        {
            Ok(fresh) => {
                // Same id, verdict, note and links: only the place and the words change.
                let mut moved = old.clone();
                moved.start = fresh.start;
                moved.end = fresh.end;
                moved.quote = fresh.quote;
                moved.version = None;
                if self.commit("Re-attach claim".into(), Edit::PutClaim(moved), None) {
                    self.selected_claim = Some(claim);
                    if let Some(col) = self.columns.get_mut(self.active) {
                        col.reader.selection = None;
                    }
                }
            }
            Err(e) => self.error(format!("Could not re-attach the claim: {e}")),
        }
    }
}
