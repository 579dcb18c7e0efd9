//! Property test of the importers through `corpus`'s public file entry point
//! ([`corpus::import_file`]), so it covers every format `corpus` reads, by extension: any
//! bytes under any article name give articles or warnings, never a panic or a hang, and every
//! article's text is normalised (no `\r`), non-blank, and hashed from the bytes as read.
//!
//! `PROPTEST_CASES=N` runs more cases (see `fuzz_support`).

use crate::fuzz_support;

use crosscheck::corpus;
use fuzz_support::*;
use proptest::prelude::*;
use std::time::Duration;

/// Extensions `corpus` reads, and some it does not (which must still not break anything).
const EXTENSIONS: &[&str] = &["txt", "md", "html", "htm", "pdf", "docx", "epub", "bin", ""];

proptest! {
    #![proptest_config(config(160))]

    #[test]
    fn any_bytes_under_any_name_import_without_panic_or_hang(
        bytes in hostile_bytes(200),
        ext in proptest::sample::select(EXTENSIONS),
    ) {
        let dir = tempfile::tempdir().expect("tempdir");
        let name = if ext.is_empty() { "article".to_owned() } else { format!("article.{ext}") };
        let path = dir.path().join(&name);
        std::fs::write(&path, &bytes).expect("write");
        let report = within(Duration::from_secs(20), move || corpus::import_file(&path))
            .expect("a readable file gives a report, not an error");
        prop_assert_eq!(report.articles.len() + usize::from(report.articles.is_empty()), 1);
        if report.articles.is_empty() {
            prop_assert_eq!(report.warnings.len(), 1, "a skipped file is named once");
        }
        for a in &report.articles {
            prop_assert!(!a.text.trim().is_empty(), "no blank article");
            prop_assert!(!a.text.contains('\r'), "line endings normalised");
            prop_assert!(!a.title.trim().is_empty(), "every article has a title");
            prop_assert_eq!(&a.path, &name);
            prop_assert_eq!(a.sha256.len(), 64);
            prop_assert!(!a.encoding.is_empty());
        }
        for w in &report.warnings {
            prop_assert_eq!(&w.path, &name);
            prop_assert!(!w.to_string().contains('\n'));
        }
    }

    #[test]
    fn any_bytes_from_standard_input_import_without_panic(bytes in hostile_bytes(200)) {
        let report = within(Duration::from_secs(20), move || corpus::article_from_bytes("-", &bytes));
        for a in &report.articles {
            prop_assert!(!a.text.contains('\r'));
            prop_assert!(!a.text.trim().is_empty());
        }
    }
}
