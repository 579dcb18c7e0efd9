//! What an import hands back: the articles, one warning per skipped or repaired file, and the
//! error for a folder that cannot be imported at all.

use crate::model::Article;
use std::fmt;
use std::path::PathBuf;

/// The result of importing a folder, a file or standard input.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// The imported articles, ids `1..=n` in path order.
    pub articles: Vec<Article>,
    /// One warning per skipped or repaired file (and per sub-folder that could not be read).
    pub warnings: Vec<ImportWarning>,
    /// How many article-like files were considered (imported or skipped), so a summary can say
    /// "12 of 13 articles imported".
    pub candidates: usize,
}

impl ImportReport {
    /// How many article-like files were skipped.
    pub fn skipped(&self) -> usize {
        self.warnings
            .iter()
            .filter(|w| w.kind == WarningKind::Skipped && w.is_candidate)
            .count()
    }

    /// One line for the user: "12 of 13 articles imported (1 skipped, 2 repaired)", or why
    /// nothing was imported.
    pub fn summary(&self) -> String {
        if self.candidates == 0 {
            return format!(
                "no articles found (looked for {})",
                super::kinds::article_kinds()
            );
        }
        let noun = if self.candidates == 1 {
            "article"
        } else {
            "articles"
        };
        let mut s = format!(
            "{} of {} {noun} imported",
            self.articles.len(),
            self.candidates
        );
        let skipped = self.skipped();
        let repaired = self
            .warnings
            .iter()
            .filter(|w| w.kind == WarningKind::Repaired)
            .count();
        let mut parts = Vec::new();
        if skipped > 0 {
            parts.push(format!("{skipped} skipped"));
        }
        if repaired > 0 {
            parts.push(format!("{repaired} repaired"));
        }
        if !parts.is_empty() {
            s.push_str(&format!(" ({})", parts.join(", ")));
        }
        s
    }
}

/// Whether a file was left out or imported with a repair.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WarningKind {
    /// Not imported (binary, empty, unreadable, too large, or a folder that could not be read).
    Skipped,
    /// Imported, but its text is not exactly its bytes as UTF-8 (replaced bytes, or decoded
    /// from a detected legacy encoding).
    Repaired,
}

/// A problem with one file, named by its path relative to the imported folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportWarning {
    /// Relative path with `/` separators (the file name for a single file or `-` for stdin).
    pub path: String,
    pub kind: WarningKind,
    /// Why, in words a user understands: "binary file (contains NUL bytes)".
    pub message: String,
    /// False for a warning about something that was never an article candidate (a folder that
    /// could not be read, a link loop), so it does not count in [`ImportReport::skipped`].
    pub is_candidate: bool,
}

impl ImportWarning {
    pub(crate) fn skipped(path: &str, message: impl Into<String>) -> Self {
        ImportWarning {
            path: path.to_owned(),
            kind: WarningKind::Skipped,
            message: message.into(),
            is_candidate: true,
        }
    }

    pub(crate) fn repaired(path: &str, message: impl Into<String>) -> Self {
        ImportWarning {
            path: path.to_owned(),
            kind: WarningKind::Repaired,
            message: message.into(),
            is_candidate: true,
        }
    }
}

impl fmt::Display for ImportWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let verb = match self.kind {
            WarningKind::Skipped => "skipped",
            WarningKind::Repaired => "repaired",
        };
        // A name may hold a newline or other control character; escaped, one warning stays
        // one line.
        write!(f, "{verb} ")?;
        for c in self.path.chars() {
            if c.is_control() {
                write!(f, "{}", c.escape_default())?;
            } else {
                write!(f, "{c}")?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

/// Why a folder (or an explicitly named file) could not be imported at all.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("{} does not exist", path.display())]
    NotFound { path: PathBuf },
    #[error("{} is not a folder", path.display())]
    NotAFolder { path: PathBuf },
    #[error("{} is a folder, not a file", path.display())]
    NotAFile { path: PathBuf },
    #[error("cannot read {}: {source}", path.display())]
    Unreadable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl CorpusError {
    /// The path the error is about.
    pub fn path(&self) -> &std::path::Path {
        match self {
            CorpusError::NotFound { path }
            | CorpusError::NotAFolder { path }
            | CorpusError::NotAFile { path }
            | CorpusError::Unreadable { path, .. } => path,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_counts_imported_skipped_and_repaired() {
        let mut r = ImportReport {
            candidates: 3,
            ..Default::default()
        };
        assert_eq!(r.summary(), "0 of 3 articles imported");
        r.warnings
            .push(ImportWarning::skipped("a.txt", "empty file"));
        r.warnings
            .push(ImportWarning::repaired("b.txt", "decoded as windows-1252"));
        assert_eq!(
            r.summary(),
            "0 of 3 articles imported (1 skipped, 1 repaired)"
        );
        assert_eq!(r.warnings[0].to_string(), "skipped a.txt: empty file");
        let odd = ImportWarning::skipped("two\nlines\t.txt", "empty file");
        assert_eq!(odd.to_string(), "skipped two\\nlines\\t.txt: empty file");
        assert!(
            ImportReport::default()
                .summary()
                .starts_with("no articles found")
        );
    }
}
