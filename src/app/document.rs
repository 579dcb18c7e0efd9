//! [`Document`]: the open project with what the window knows about where it came from.

use crate::corpus::ImportWarning;
use crate::model::{Edit, EditError, History, Project};
use std::path::PathBuf;

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
        format!("{} of {} articles imported", self.imported, self.candidates)
    }
}

/// The project open in the window.
pub struct Document {
    pub project: Project,
    /// Shown in the title bar: the folder or project file name.
    pub name: String,
    /// The imported folder, if the project came from one.
    pub folder: Option<PathBuf>,
    pub import: Option<ImportSummary>,
    pub history: History,
}

impl Document {
    /// Applies an edit to the project (and, once the project has a file, to the file) and
    /// returns its inverse. The one place a document changes.
    pub fn apply(&mut self, edit: Edit) -> Result<Edit, EditError> {
        self.project.apply(edit)
    }

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
        }
    }
}
