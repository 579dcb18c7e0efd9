//! [`Document`]: the open project, its file, and what the window knows about where it came
//! from. [`Document::apply`] is the one place a project changes: model first (which validates),
//! then the file, in one transaction; if the file refuses, the model is put back.

use crate::corpus::ImportWarning;
use crate::model::{Edit, EditError, History, Layout, Project};
use crate::store::pg::{SharedSession, SharedStatus};
use crate::store::{Store, StoreError};
use std::path::{Path, PathBuf};

/// What the last import reported, shown in the library until the user dismisses it.
pub struct ImportSummary {
    pub warnings: Vec<ImportWarning>,
    /// Article-like files considered (imported + skipped).
    pub candidates: usize,
    pub imported: usize,
}

impl ImportSummary {
    /// "12 of 13 articles imported".
    pub fn headline(&self) -> String {
        format!(
            "{} of {} imported",
            self.imported,
            super::plural::count(self.candidates, "article")
        )
    }
}

/// Why an edit did not apply.
#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    #[error(transparent)]
    Edit(#[from] EditError),
    #[error("the change was not saved: {0}")]
    Store(#[from] StoreError),
}

/// The project open in the window.
pub struct Document {
    pub project: Project,
    /// Shown in the title bar: the project file's or the folder's name.
    pub name: String,
    /// The imported folder, if the project came from one.
    pub folder: Option<PathBuf>,
    pub import: Option<ImportSummary>,
    pub history: History,
    /// Where edits are written: the project file, or for an untitled project its recovery file.
    pub store: Option<Store>,
    /// The user's project file; `None` while the project is untitled.
    pub file: Option<PathBuf>,
    /// The layout last written to the store.
    pub saved_layout: Layout,
    /// A shared project on PostgreSQL: edits go through it (its local copy, then the
    /// server) instead of `store`.
    pub shared: Option<SharedSession>,
}

impl Document {
    /// A new, untitled document from an import.
    pub fn from_import(
        name: String,
        folder: Option<PathBuf>,
        project: Project,
        warnings: Vec<ImportWarning>,
        candidates: usize,
    ) -> Document {
        let imported = project.articles().len();
        Document {
            project,
            name,
            folder,
            import: Some(ImportSummary {
                warnings,
                candidates,
                imported,
            }),
            history: History::default(),
            store: None,
            file: None,
            saved_layout: Layout::default(),
            shared: None,
        }
    }

    /// A document for a shared project that was opened.
    pub fn from_shared(session: SharedSession, project: Project) -> Document {
        Document {
            saved_layout: project.layout.clone(),
            name: session.name().to_owned(),
            project,
            folder: None,
            import: None,
            history: History::default(),
            store: None,
            file: None,
            shared: Some(session),
        }
    }

    /// A document for a project file that was opened.
    pub fn from_file(path: &Path, store: Store, project: Project) -> Document {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        Document {
            saved_layout: project.layout.clone(),
            project,
            name,
            folder: None,
            import: None,
            history: History::default(),
            store: Some(store),
            file: Some(path.to_owned()),
            shared: None,
        }
    }

    /// True when edits cannot be written (a read-only project file).
    pub fn read_only(&self) -> bool {
        self.store.as_ref().is_some_and(Store::is_read_only)
    }

    /// Applies an edit and returns its inverse. The model validates it; the store then writes
    /// it in one transaction. If writing fails the model is restored, so the window never
    /// shows work that is not in the file.
    pub fn apply(&mut self, edit: Edit) -> Result<Edit, ApplyError> {
        let inverse = self.project.apply(edit.clone())?;
        if let Some(shared) = &mut self.shared {
            if let Err(e) = shared.record(&mut self.project, edit, inverse.clone()) {
                let _ = self.project.apply(inverse);
                return Err(e.into());
            }
            return Ok(inverse);
        }
        if let Some(store) = &mut self.store
            && let Err(e) = store.apply(&edit)
        {
            // The inverse of an edit that just applied always applies.
            let _ = self.project.apply(inverse);
            return Err(e.into());
        }
        Ok(inverse)
    }

    /// Writes the layout if it changed since the last write.
    pub fn sync_layout(&mut self) -> Result<(), StoreError> {
        if self.project.layout == self.saved_layout || self.read_only() {
            return Ok(());
        }
        if let Some(shared) = &mut self.shared {
            shared.save_layout(&self.project.layout)?;
        } else if let Some(store) = &mut self.store {
            store.save_layout(&self.project.layout)?;
        }
        self.saved_layout = self.project.layout.clone();
        Ok(())
    }

    /// "report.crosscheck — saved", "seeds — not saved yet", "x.crosscheck — read-only".
    pub fn title_state(&self) -> String {
        if let Some(shared) = &self.shared {
            return match shared.status() {
                SharedStatus::Connected => format!("{} — shared", self.name),
                SharedStatus::Away { .. } => format!("{} — shared, server away", self.name),
            };
        }
        match (&self.file, self.read_only(), &self.store) {
            (Some(_), true, _) => format!("{} — read-only", self.name),
            (Some(_), false, _) => format!("{} — saved", self.name),
            (None, _, Some(_)) => format!("{} — not saved yet (recoverable)", self.name),
            (None, _, None) => format!("{} — not saved", self.name),
        }
    }
}
