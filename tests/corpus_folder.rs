//! Importing folders: which files are taken, in what order, and how bad files are reported
//! without stopping the import.

#![allow(clippy::unwrap_used)]

use crosscheck::corpus::{
    CorpusError, ImportOptions, WarningKind, import_file, import_folder,
    import_folder_with_progress, import_path,
};
use sha2::{Digest, Sha256};
use std::fs;
use std::path::Path;

const ARTICLE: &str = "Harbour crane topples in Kestrelton\n\nA crane fell onto the quay on Sunday, injuring 3 workers.\n";

fn write(root: &Path, rel: &str, bytes: &[u8]) {
    let path = root.join(rel);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(path, bytes).unwrap();
}

fn paths(report: &crosscheck::corpus::ImportReport) -> Vec<&str> {
    report.articles.iter().map(|a| a.path.as_str()).collect()
}

fn warning_for<'a>(
    report: &'a crosscheck::corpus::ImportReport,
    path: &str,
) -> &'a crosscheck::corpus::ImportWarning {
    report
        .warnings
        .iter()
        .find(|w| w.path == path)
        .unwrap_or_else(|| panic!("no warning for {path}: {:?}", report.warnings))
}

#[test]
fn nested_folders_are_walked_in_path_order_with_ids_and_relative_paths() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "b.txt", ARTICLE.as_bytes());
    write(dir.path(), "a/z.TXT", ARTICLE.as_bytes());
    write(dir.path(), "a/deeper/still/m.Md", ARTICLE.as_bytes());
    write(
        dir.path(),
        "c.HTM",
        b"<p>Harbour crane topples in Kestrelton</p>",
    );
    write(dir.path(), "notes.xlsx", b"PK not an article");
    write(dir.path(), "README", b"no extension, not an article");
    let r = import_folder(dir.path()).unwrap();
    assert_eq!(
        paths(&r),
        ["a/deeper/still/m.Md", "a/z.TXT", "b.txt", "c.HTM"]
    );
    let ids: Vec<i64> = r.articles.iter().map(|a| a.id).collect();
    assert_eq!(ids, [1, 2, 3, 4]);
    assert_eq!(r.candidates, 4);
    // The spreadsheet is named in one note, not counted as an article skipped.
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    assert_eq!(r.warnings[0].path, "*.xlsx");
    assert!(
        r.warnings[0]
            .message
            .starts_with("1 file not read (.xlsx 1)")
    );
    assert_eq!(r.summary(), "4 of 4 articles imported");
    assert_eq!(r.articles[2].title, "Harbour crane topples in Kestrelton");
    assert_eq!(r.articles[2].text, ARTICLE);
}

#[test]
fn a_corpus_of_files_without_an_extension_is_read_and_other_kinds_are_named() {
    // Research collections often name texts by number or slug with no extension; a folder of
    // them imported nothing, silently.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "courts/13.09.99/harrison", ARTICLE.as_bytes());
    write(dir.path(), "courts/13.09.99/53204", ARTICLE.as_bytes());
    write(dir.path(), "courts/index", b"\x00\x01binary index\x00");
    write(dir.path(), "README", b"How this corpus was built.");
    write(
        dir.path(),
        "courts/README.md",
        b"# Courts\n\nStories from the courts desk.",
    );
    write(
        dir.path(),
        "courts/13.09.99/harrison.csv",
        b"story,words\nharrison,310\n",
    );
    write(
        dir.path(),
        "courts/14.09.99/smith.csv",
        b"story,words\nsmith,280\n",
    );
    let r = import_folder(dir.path()).unwrap();
    assert_eq!(
        paths(&r),
        ["courts/13.09.99/53204", "courts/13.09.99/harrison"]
    );
    assert_eq!(r.articles[0].text, ARTICLE);
    // The binary file and the notes are not articles: nothing counts as skipped.
    assert_eq!(r.summary(), "2 of 2 articles imported");
    let index = warning_for(&r, "courts/index");
    assert!(!index.is_candidate && index.message.contains("not text"));
    assert!(r.warnings.iter().all(|w| !w.path.contains("README")));
    let csv = warning_for(&r, "*.csv");
    assert!(
        csv.message.starts_with("2 files not read (.csv 2)"),
        "{}",
        csv.message
    );
}

#[test]
fn hidden_files_and_folders_are_skipped_silently() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "visible.txt", ARTICLE.as_bytes());
    write(dir.path(), ".hidden.txt", ARTICLE.as_bytes());
    write(dir.path(), ".git/notes.txt", ARTICLE.as_bytes());
    write(dir.path(), "sub/.cache/old.txt", ARTICLE.as_bytes());
    let r = import_folder(dir.path()).unwrap();
    assert_eq!(paths(&r), ["visible.txt"]);
    assert_eq!(r.candidates, 1);
    assert!(r.warnings.is_empty());
}

#[test]
fn a_hidden_folder_can_itself_be_imported() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), ".articles/one.txt", ARTICLE.as_bytes());
    let r = import_folder(dir.path().join(".articles")).unwrap();
    assert_eq!(paths(&r), ["one.txt"]);
}

#[test]
fn bad_files_are_skipped_with_a_warning_naming_them_and_the_rest_imported() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.txt", ARTICLE.as_bytes());
    write(
        dir.path(),
        "photo.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    );
    write(dir.path(), "empty.txt", b"");
    write(dir.path(), "blank/spaces.md", b"  \r\n\t\n   ");
    write(
        dir.path(),
        "empty.html",
        b"<html><head><title>x</title></head><body> </body></html>",
    );
    let r = import_folder(dir.path()).unwrap();
    assert_eq!(paths(&r), ["good.txt"]);
    assert_eq!(r.candidates, 5);
    assert_eq!(r.skipped(), 4);
    assert_eq!(r.summary(), "1 of 5 articles imported (4 skipped)");
    for (path, why) in [
        ("photo.txt", "binary"),
        ("empty.txt", "empty"),
        ("blank/spaces.md", "whitespace"),
        ("empty.html", "no readable text"),
    ] {
        let w = warning_for(&r, path);
        assert_eq!(w.kind, WarningKind::Skipped);
        assert!(w.message.contains(why), "{w}");
        assert!(
            w.to_string().starts_with(&format!("skipped {path}: ")),
            "{w}"
        );
    }
}

#[test]
fn files_over_the_size_limit_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "small.txt", ARTICLE.as_bytes());
    let big = ARTICLE.repeat(100);
    write(dir.path(), "big.txt", big.as_bytes());
    let options = ImportOptions {
        max_file_bytes: 1000,
    };
    let r = import_folder_with_progress(dir.path(), &options, &mut |_, _| {}).unwrap();
    assert_eq!(paths(&r), ["small.txt"]);
    let w = warning_for(&r, "big.txt");
    assert!(w.message.contains("too large"), "{w}");
    // The default limit (20 MB) takes the same file.
    assert_eq!(import_folder(dir.path()).unwrap().articles.len(), 2);
}

#[cfg(unix)]
#[test]
fn unreadable_files_are_skipped_not_fatal() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.txt", ARTICLE.as_bytes());
    write(dir.path(), "locked.txt", ARTICLE.as_bytes());
    let locked = dir.path().join("locked.txt");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    // A link to nothing is unreadable for every user, root included.
    std::os::unix::fs::symlink(dir.path().join("gone.txt"), dir.path().join("dangling.txt"))
        .unwrap();
    // Root reads files whatever their mode; then the locked file is simply imported.
    let locked_is_unreadable = fs::File::open(&locked).is_err();

    let r = import_folder(dir.path()).unwrap();
    assert_eq!(r.candidates, 3);
    let w = warning_for(&r, "dangling.txt");
    assert_eq!(w.kind, WarningKind::Skipped);
    assert!(w.message.contains("cannot be read"), "{w}");
    if locked_is_unreadable {
        assert_eq!(paths(&r), ["good.txt"]);
        assert!(
            warning_for(&r, "locked.txt")
                .message
                .contains("cannot be read")
        );
    } else {
        assert_eq!(paths(&r), ["good.txt", "locked.txt"]);
    }
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o644)).unwrap();
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_does_not_hang_and_linked_files_are_read() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "sub/a.txt", ARTICLE.as_bytes());
    write(dir.path(), "outside/b.txt", ARTICLE.as_bytes());
    let root = dir.path().join("root");
    fs::create_dir(&root).unwrap();
    std::os::unix::fs::symlink(dir.path().join("sub"), root.join("sub")).unwrap();
    std::os::unix::fs::symlink(&root, root.join("sub-loop")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("outside/b.txt"), root.join("b.txt")).unwrap();
    let r = import_folder(&root).unwrap();
    assert_eq!(paths(&r), ["b.txt", "sub/a.txt"]);
    let w = warning_for(&r, "sub-loop");
    assert!(w.message.contains("not followed"), "{w}");
    // The loop is not an article, so it does not count as one skipped.
    assert_eq!(r.summary(), "2 of 2 articles imported");
}

#[test]
fn an_empty_folder_gives_no_articles_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("nothing-here")).unwrap();
    let r = import_folder(dir.path()).unwrap();
    assert!(r.articles.is_empty());
    assert!(r.warnings.is_empty());
    assert_eq!(r.candidates, 0);
    assert!(
        r.summary().starts_with("no articles found"),
        "{}",
        r.summary()
    );
}

#[test]
fn only_the_folder_itself_is_an_error_and_the_error_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing");
    let err = import_folder(&missing).unwrap_err();
    assert!(matches!(err, CorpusError::NotFound { .. }), "{err:?}");
    assert_eq!(err.path(), missing);
    assert!(err.to_string().contains("missing"), "{err}");

    write(dir.path(), "file.txt", ARTICLE.as_bytes());
    let err = import_folder(dir.path().join("file.txt")).unwrap_err();
    assert!(matches!(err, CorpusError::NotAFolder { .. }), "{err:?}");
    assert!(err.to_string().contains("file.txt"), "{err}");
}

#[test]
fn progress_counts_up_to_the_total() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..5 {
        write(dir.path(), &format!("{i}.txt"), ARTICLE.as_bytes());
    }
    write(dir.path(), "bin.txt", b"\x00\x01");
    let mut calls = Vec::new();
    let r = import_folder_with_progress(dir.path(), &ImportOptions::default(), &mut |d, t| {
        calls.push((d, t))
    })
    .unwrap();
    assert_eq!(r.articles.len(), 5);
    let expected: Vec<(usize, usize)> = (0..=6).map(|d| (d, 6)).collect();
    assert_eq!(calls, expected);
}

#[test]
fn article_hash_is_of_the_file_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = b"\xEF\xBB\xBFHarbour crane topples in Kestrelton\r\nText\r\n";
    write(dir.path(), "crlf.txt", bytes);
    let r = import_folder(dir.path()).unwrap();
    let expected: String = Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(r.articles[0].sha256, expected);
    assert_eq!(
        r.articles[0].text,
        "Harbour crane topples in Kestrelton\nText\n"
    );
}

#[test]
fn single_files_and_paths() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "one/article.log", ARTICLE.as_bytes());
    // An explicitly named file is taken whatever its extension.
    let r = import_file(dir.path().join("one/article.log")).unwrap();
    assert_eq!(paths(&r), ["article.log"]);
    assert_eq!(r.articles[0].id, 1);

    let r = import_path(dir.path().join("one"), &ImportOptions::default()).unwrap();
    assert!(
        r.articles.is_empty(),
        "a .log file is not taken from a folder"
    );

    write(dir.path(), "bin.txt", b"\x00");
    let r = import_file(dir.path().join("bin.txt")).unwrap();
    assert!(r.articles.is_empty());
    assert_eq!(r.summary(), "0 of 1 article imported (1 skipped)");

    assert!(matches!(
        import_file(dir.path().join("nope.txt")),
        Err(CorpusError::NotFound { .. })
    ));
    assert!(matches!(
        import_file(dir.path().join("one")),
        Err(CorpusError::NotAFile { .. })
    ));
}
