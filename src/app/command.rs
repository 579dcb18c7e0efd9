//! [`Command`]: what panels ask the workbench to do. Panels never change the project while
//! drawing; they push commands, which the workbench runs at the end of the frame (egui's demo
//! app `Command` + `run_cmd`, rerun's `SystemCommand`).

use super::action::Action;
use crate::model::{ArticleId, CategoryId, ClaimId, Edit, LinkId, LinkKind};
use std::path::PathBuf;

/// A request from a panel, run after the frame is drawn.
// A frame queues a handful of commands, so an `Edit` carried inline costs nothing worth a box
// at two dozen construction sites.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// A menu entry, button or shortcut.
    Action(Action),
    /// Open a folder (import) or a project file, decided by what the path is.
    OpenPath(PathBuf),
    /// Open the shared project at this PostgreSQL address.
    OpenShared(String),
    /// Read the project's source files again from this folder (File ▸ Refresh from folder).
    RefreshFrom(PathBuf),
    /// Merge the project file at this path into the open project (File ▸ Merge project…).
    MergeFrom(PathBuf),
    /// Put an orphaned claim on the active column's selection (one undo step).
    Reattach(ClaimId),
    /// Show an article's previous and current versions side by side.
    CompareVersions(ArticleId),
    /// Show an article: focus its column if open, else add a column (or replace the active one
    /// when four are open). `new_column` forces a new column.
    ShowArticle {
        article: ArticleId,
        new_column: bool,
    },
    /// Show an article and scroll to a character offset, flashing the range.
    Reveal {
        article: ArticleId,
        start: usize,
        end: usize,
    },
    /// Show an article with a range selected, ready to tag (a quote opened from the Quotes
    /// tab).
    RevealSelected {
        article: ArticleId,
        start: usize,
        end: usize,
    },
    CloseColumn(usize),
    /// Move column `from` one step left (`-1`) or right (`1`).
    MoveColumn {
        from: usize,
        step: isize,
    },
    /// Make a column the one keyboard actions apply to.
    FocusColumn(usize),
    /// Tag the selection of a column with a category.
    Tag {
        column: usize,
        category: CategoryId,
    },
    /// A plain click on the text of a column: picks the claim under it, if any.
    ClickText {
        column: usize,
        at: usize,
    },
    /// Open the "Article details" window on an article.
    EditArticle(ArticleId),
    /// Select a claim (or none) for the inspector.
    SelectClaim(Option<ClaimId>),
    /// Apply an edit to the project as one undo step named `label`. Edits with the same
    /// `coalesce` key in a row merge into one step (typing a note).
    Edit {
        label: String,
        edit: Edit,
        coalesce: Option<String>,
    },
    /// Select a link (or none) for the link inspector.
    SelectLink(Option<LinkId>),
    /// Tie claims together with a new link of `kind`.
    LinkClaims {
        kind: LinkKind,
        claims: Vec<ClaimId>,
    },
    /// Ask how two claims relate (the link handle was dropped on a claim).
    ProposeLink {
        from: ClaimId,
        to: ClaimId,
    },
    /// Add a claim to an existing link.
    AddToLink {
        link: LinkId,
        claim: ClaimId,
    },
    /// End merging of typed edits into one undo step (a field lost focus).
    SealUndo,
    /// Delete a claim, removing it from its links.
    DeleteClaim(ClaimId),
    /// Write the project to this file and continue there (Save / Save As).
    SaveTo(PathBuf),
    /// Reopen an untitled project from its recovery file.
    Recover(PathBuf),
    /// Delete a recovery file the user does not want.
    DiscardRecovery(PathBuf),
    /// Remove an entry from the recent-projects list.
    ForgetRecent(PathBuf),
    /// Show a native dialog for the export path.
    PickExportPath,
    /// Write the report in `format` to `path` (on a background thread).
    Export {
        format: crate::report::Format,
        path: PathBuf,
    },
    /// Show a native dialog for the other coder's project (the Agreement window).
    PickOtherCoder,
    /// Read another coder's project file (read-only, on a background thread) and compare.
    LoadOtherCoder(PathBuf),
    /// Close the window now, without asking again.
    Quit,
    /// Dismiss the status message.
    DismissMessage,
    /// Keep these preferences (the researcher's name) from now on.
    SavePreferences(crate::store::Preferences),
}
