//! Every user-facing action with its text, tooltip and keyboard shortcut in one `match`, so
//! menus, buttons and shortcuts stay consistent (the rerun viewer's `UICommand` pattern).

use eframe::egui::{Key, KeyboardShortcut, Modifiers};

/// A user-facing action. Menus show [`Action::label`] and [`Action::shortcut`]; the
/// workbench turns a pressed shortcut into the same [`super::command::Command`] a click sends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    OpenFolder,
    OpenProject,
    OpenShared,
    OpenSample,
    Save,
    SaveAs,
    Export,
    RefreshFromFolder,
    MergeProject,
    CloseProject,
    Quit,
    Undo,
    Redo,
    Copy,
    Find,
    FindNext,
    FindPrevious,
    AddColumn,
    CloseColumn,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    ToggleLibrary,
    ToggleClaims,
    ToggleConflicts,
    ToggleFigures,
    ToggleQuotes,
    ToggleTimeline,
    ToggleSources,
    ToggleFigureMarks,
    ToggleSharedMarks,
    LinkNext,
    Codebook,
    Agreement,
    DeleteClaim,
    ToggleTheme,
    Preferences,
}

impl Action {
    /// Every action, in menu order.
    pub const ALL: [Action; 37] = [
        Action::OpenFolder,
        Action::OpenProject,
        Action::OpenShared,
        Action::OpenSample,
        Action::Save,
        Action::SaveAs,
        Action::Export,
        Action::RefreshFromFolder,
        Action::MergeProject,
        Action::CloseProject,
        Action::Quit,
        Action::Undo,
        Action::Redo,
        Action::Copy,
        Action::Find,
        Action::FindNext,
        Action::FindPrevious,
        Action::AddColumn,
        Action::CloseColumn,
        Action::ZoomIn,
        Action::ZoomOut,
        Action::ZoomReset,
        Action::ToggleLibrary,
        Action::ToggleClaims,
        Action::ToggleConflicts,
        Action::ToggleFigures,
        Action::ToggleQuotes,
        Action::ToggleTimeline,
        Action::ToggleSources,
        Action::ToggleFigureMarks,
        Action::ToggleSharedMarks,
        Action::LinkNext,
        Action::Codebook,
        Action::Agreement,
        Action::DeleteClaim,
        Action::ToggleTheme,
        Action::Preferences,
    ];

    /// Menu and button text.
    pub fn label(self) -> &'static str {
        match self {
            Action::OpenFolder => "Open folder…",
            Action::OpenProject => "Open project…",
            Action::OpenShared => "Open shared project…",
            Action::OpenSample => "Try the sample",
            Action::Save => "Save",
            Action::SaveAs => "Save as…",
            Action::Export => "Export report…",
            Action::RefreshFromFolder => "Refresh from folder…",
            Action::MergeProject => "Merge project…",
            Action::CloseProject => "Close project",
            Action::Quit => "Quit",
            Action::Undo => "Undo",
            Action::Redo => "Redo",
            Action::Copy => "Copy selection",
            Action::Find => "Find…",
            Action::FindNext => "Find next",
            Action::FindPrevious => "Find previous",
            Action::AddColumn => "Add column",
            Action::CloseColumn => "Close column",
            Action::ZoomIn => "Larger text",
            Action::ZoomOut => "Smaller text",
            Action::ZoomReset => "Reset text size",
            Action::ToggleLibrary => "Show library",
            Action::ToggleClaims => "Show claims",
            Action::ToggleConflicts => "Show conflicts",
            Action::ToggleFigures => "Show figures",
            Action::ToggleQuotes => "Show quotes",
            Action::ToggleTimeline => "Show timeline",
            Action::ToggleSources => "Show sources",
            Action::ToggleFigureMarks => "Underline untagged figures",
            Action::ToggleSharedMarks => "Mark shared passages",
            Action::LinkNext => "Link to next clicked claim",
            Action::Codebook => "Codebook…",
            Action::Agreement => "Agreement…",
            Action::DeleteClaim => "Delete claim",
            Action::ToggleTheme => "Dark theme",
            Action::Preferences => "Preferences…",
        }
    }

    /// Hover text for buttons and menu entries.
    pub fn tooltip(self) -> &'static str {
        match self {
            Action::OpenFolder => "Import a folder of articles (.txt, .md, .html) as a new project",
            Action::OpenProject => "Open a saved Crosscheck project file",
            Action::OpenShared => {
                "Open a project shared on a PostgreSQL server (postgres://USER@HOST/DATABASE)"
            }
            Action::OpenSample => "Open a few short fictional articles that disagree on a figure",
            Action::Save => "Write the project to its file",
            Action::SaveAs => {
                "Write a complete copy of the project to a new file and continue there"
            }
            Action::RefreshFromFolder => {
                "Read the source files again: new versions, what changed, claims moved or orphaned"
            }
            Action::MergeProject => {
                "Bring another copy's claims, links and notes into this project (one undo step)"
            }
            Action::CloseProject => "Close the project and return to the welcome screen",
            Action::Quit => "Close Crosscheck (asks first when untitled work is not saved)",
            Action::Export => {
                "Write a report as HTML, Markdown, CSV, Web Annotation JSON or ClaimReview"
            }
            Action::Undo => "Undo the last change",
            Action::Redo => "Redo the last undone change",
            Action::Copy => "Copy the selected text of the active column",
            Action::Find => "Search the open articles and the library",
            Action::FindNext => "Go to the next match",
            Action::FindPrevious => "Go to the previous match",
            Action::AddColumn => "Open another reading column",
            Action::CloseColumn => "Close the active reading column",
            Action::ZoomIn => "Make the article text larger",
            Action::ZoomOut => "Make the article text smaller",
            Action::ZoomReset => "Return the article text to its default size",
            Action::ToggleLibrary => "Show or hide the library panel",
            Action::ToggleClaims => "Show or hide the list of every claim",
            Action::ToggleConflicts => "Show or hide the list of contradicting claims",
            Action::ToggleFigures => {
                "Every figure in the articles, by measure, and the suggested conflicts"
            }
            Action::ToggleQuotes => {
                "Show or hide the quotations several articles share, with their speakers"
            }
            Action::ToggleTimeline => {
                "Figures over time: when each was true, and the articles in the order they speak"
            }
            Action::ToggleSources => {
                "Which articles copy or rewrite which, and how many independent sources each figure has"
            }
            Action::ToggleFigureMarks => {
                "Underline the figures the analysis found but nobody tagged yet"
            }
            Action::ToggleSharedMarks => {
                "Give the passages an article shares with another a quiet background"
            }
            Action::LinkNext => {
                "Link the selected claim to the next claim you click (or Ctrl+click it)"
            }
            Action::Codebook => "Add, rename, recolour and remove categories",
            Action::Agreement => {
                "Compare with another coder's copy: αu per category, κ for verdicts, and each \
                 disagreement to resolve"
            }
            Action::DeleteClaim => "Delete the selected claim (undo brings it back)",
            Action::ToggleTheme => "Switch between the light and dark theme",
            Action::Preferences => {
                "Your name, recorded as the author of every claim and link you make"
            }
        }
    }

    /// The keyboard shortcut, if the action has one.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let cmd = Modifiers::COMMAND;
        let cmd_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        let (mods, key) = match self {
            Action::OpenFolder => (cmd_shift, Key::O),
            Action::OpenProject => (cmd, Key::O),
            Action::OpenShared => (cmd | Modifiers::ALT, Key::O),
            Action::OpenSample => return None,
            Action::Save => (cmd, Key::S),
            Action::SaveAs => (cmd_shift, Key::S),
            Action::Export => (cmd, Key::E),
            Action::RefreshFromFolder => (cmd_shift, Key::R),
            Action::MergeProject => (cmd_shift, Key::M),
            Action::CloseProject => (cmd, Key::W),
            Action::Quit => (cmd, Key::Q),
            Action::Undo => (cmd, Key::Z),
            Action::Redo => (cmd_shift, Key::Z),
            // Copy arrives as `Event::Copy`, which egui makes of Ctrl+C itself.
            Action::Copy => return None,
            Action::Find => (cmd, Key::F),
            Action::FindNext => (Modifiers::NONE, Key::F3),
            Action::FindPrevious => (Modifiers::SHIFT, Key::F3),
            Action::AddColumn => (cmd, Key::T),
            Action::CloseColumn => (cmd_shift, Key::W),
            Action::ZoomIn => (cmd, Key::Plus),
            Action::ZoomOut => (cmd, Key::Minus),
            Action::ZoomReset => (cmd, Key::Num0),
            Action::ToggleLibrary => (cmd, Key::B),
            Action::ToggleClaims => (cmd, Key::J),
            Action::ToggleConflicts => (cmd_shift, Key::J),
            Action::ToggleFigures => (cmd, Key::G),
            // The quotation mark key: Ctrl+'.
            Action::ToggleQuotes => (cmd, Key::Quote),
            Action::ToggleTimeline => (cmd_shift, Key::H),
            Action::ToggleSources => (cmd, Key::U),
            Action::ToggleFigureMarks => (cmd_shift, Key::G),
            Action::ToggleSharedMarks => (cmd_shift, Key::U),
            Action::LinkNext => (Modifiers::NONE, Key::L),
            Action::Codebook => (cmd, Key::K),
            Action::Agreement => (cmd_shift, Key::A),
            Action::DeleteClaim => (Modifiers::NONE, Key::Delete),
            Action::ToggleTheme => return None,
            Action::Preferences => (cmd, Key::Comma),
        };
        Some(KeyboardShortcut::new(mods, key))
    }

    /// Extra shortcuts that do the same (Ctrl+Y for redo, Ctrl+= for zoom in).
    pub fn alternate_shortcuts(self) -> &'static [KeyboardShortcut] {
        const REDO: [KeyboardShortcut; 1] = [KeyboardShortcut::new(Modifiers::COMMAND, Key::Y)];
        const ZOOM: [KeyboardShortcut; 1] =
            [KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals)];
        match self {
            Action::Redo => &REDO,
            Action::ZoomIn => &ZOOM,
            _ => &[],
        }
    }
}

/// Every shortcut with its action, those with more modifiers first. egui matches shortcuts
/// "logically" (Ctrl+Z also matches Ctrl+Shift+Z), so the more specific one must be tried first.
pub fn shortcuts_most_specific_first() -> Vec<(Action, KeyboardShortcut)> {
    let mut all: Vec<(Action, KeyboardShortcut)> = Action::ALL
        .iter()
        .flat_map(|&a| {
            a.shortcut()
                .into_iter()
                .chain(a.alternate_shortcuts().iter().copied())
                .map(move |s| (a, s))
        })
        .collect();
    let weight = |m: Modifiers| {
        [m.shift, m.alt, m.command || m.ctrl]
            .iter()
            .filter(|b| **b)
            .count()
    };
    all.sort_by_key(|(_, s)| std::cmp::Reverse(weight(s.modifiers)));
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shift_variants_are_tried_before_their_plain_shortcut() {
        let order = shortcuts_most_specific_first();
        let pos = |a: Action| {
            order
                .iter()
                .position(|(x, _)| *x == a)
                .expect("has a shortcut")
        };
        assert!(pos(Action::Redo) < pos(Action::Undo));
        assert!(pos(Action::SaveAs) < pos(Action::Save));
        assert!(pos(Action::FindPrevious) < pos(Action::FindNext));
        assert!(pos(Action::CloseColumn) < pos(Action::CloseProject));
    }

    #[test]
    fn no_two_actions_share_a_shortcut() {
        let mut seen = Vec::new();
        for a in Action::ALL {
            for s in a.shortcut().iter().chain(a.alternate_shortcuts()) {
                assert!(!seen.contains(s), "{a:?} reuses {s:?}");
                seen.push(*s);
            }
        }
    }
}
