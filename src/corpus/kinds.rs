//! Which files of a folder an import reads, and the one note on the files it leaves.
//!
//! The article extensions, and more: research corpora often name their texts without an
//! extension (20 Newsgroups, many collections of newspaper text), so a file without one is read
//! when it is text. A folder's own notes (`README`, `README.md`, `LICENSE`, …) are not
//! articles. Every other file is counted by kind and named in one note, so a folder of `.xml`
//! files that imports nothing says why.

use std::collections::BTreeMap;
use std::path::Path;

/// Extensions (compared case-insensitively) of the files a folder import takes.
pub(crate) const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "md", "html", "htm", "pdf", "docx", "odt", "xml", "sgml", "sgm",
];

/// Names of a folder's own notes and build files, compared case-insensitively.
const NOTES: &[&str] = &[
    "readme",
    "license",
    "licence",
    "copying",
    "notice",
    "authors",
    "changelog",
    "contributing",
    "install",
    "makefile",
    "dockerfile",
];

/// One of a folder's own notes, with any extension or none (`README`, `README.md`,
/// `LICENSE.txt`): not an article, and not worth a warning.
pub(crate) fn is_note(path: &Path) -> bool {
    path.file_stem()
        .and_then(|n| n.to_str())
        .is_some_and(|n| NOTES.iter().any(|x| n.eq_ignore_ascii_case(x)))
}

/// A file without an extension that is not one of a folder's own notes: read when its bytes
/// are text.
pub(crate) fn is_bare_name(path: &Path) -> bool {
    path.extension().is_none() && !is_note(path)
}

/// The kinds of file a folder import reads, in words: ".txt, .md, … or text files without an
/// extension".
pub(crate) fn article_kinds() -> String {
    let exts: Vec<String> = ARTICLE_EXTENSIONS.iter().map(|e| format!(".{e}")).collect();
    format!("{} or text files without an extension", exts.join(", "))
}

/// Why a file without an extension whose bytes are not text was not read. It was never an
/// article (a program, an index), so its warning does not count as one skipped.
pub(crate) const BARE_NOT_TEXT: &str = "no extension and not text; not read";

/// Files a folder import did not read, by kind (`.xml`), in name order.
#[derive(Default)]
pub(crate) struct OtherKinds(BTreeMap<String, usize>);

impl OtherKinds {
    /// Counts a file the import does not read (a folder's own notes are not counted).
    pub fn add(&mut self, path: &Path) {
        if let Some(ext) = path.extension() {
            let kind = format!(".{}", ext.to_string_lossy().to_lowercase());
            *self.0.entry(kind).or_default() += 1;
        }
    }

    /// One note naming the kinds left and how many of each, most first, as (a path-like
    /// label, the message); none when all was read.
    pub fn note(&self) -> Option<(String, String)> {
        if self.0.is_empty() {
            return None;
        }
        let mut kinds: Vec<(&String, &usize)> = self.0.iter().collect();
        kinds.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let total: usize = self.0.values().sum();
        let list: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
        let names: Vec<String> = kinds.iter().take(3).map(|(k, _)| format!("*{k}")).collect();
        let more = if kinds.len() > 3 { ", …" } else { "" };
        Some((
            format!("{}{more}", names.join(", ")),
            format!(
                "{total} {} not read ({}): articles are {}",
                if total == 1 { "file" } else { "files" },
                list.join(", "),
                article_kinds()
            ),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_without_an_extension_is_a_candidate_unless_it_is_a_folders_note() {
        assert!(is_bare_name(Path::new("courts/13.09.99/harrison")));
        assert!(is_bare_name(Path::new("53204")));
        assert!(!is_bare_name(Path::new("README")));
        assert!(!is_bare_name(Path::new("sub/License")));
        assert!(!is_bare_name(Path::new("story.xml")));
        assert!(is_note(Path::new("README.md")) && is_note(Path::new("data/licence.TXT")));
        assert!(!is_note(Path::new("readme-how-the-court-ruled.txt")));
    }

    #[test]
    fn files_left_are_named_by_kind_in_one_warning() {
        let mut o = OtherKinds::default();
        assert_eq!(o.note(), None);
        for p in ["a.csv", "b.CSV", "c.json", "d.js", "e.png", "f.csv"] {
            o.add(Path::new(p));
        }
        let (path, message) = o.note().unwrap();
        assert_eq!(path, "*.csv, *.js, *.json, …");
        assert!(
            message.starts_with("6 files not read (.csv 3, .js 1, .json 1, .png 1): articles are"),
            "{message}"
        );
    }
}
