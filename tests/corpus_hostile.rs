//! A folder of hostile files, generated here: the import takes what it can, names every file it
//! skips or repairs in one warning, never panics and never hangs. Then the articles it took go
//! into a project file and come back intact.

use crosscheck::corpus::{self, ImportReport, WarningKind};
use crosscheck::model::Project;
use crosscheck::store::Store;
use std::fs;
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Runs `f` on another thread and fails the test if it takes longer than `limit`: a hang
/// must fail, not stall the suite.
fn within<T: Send + 'static>(limit: Duration, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(limit) {
        Ok(v) => v,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("no answer within {limit:?}: a hang"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("the worker panicked"),
    }
}

/// Deterministic pseudo-random bytes (xorshift), so a failure can be replayed.
fn noise(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

fn utf16le(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

const STORY: &str = "Flood toll rises\n\nAt least 139 people were killed, officials said.\n";

/// What the folder holds, and what the import must make of each file.
enum Expect {
    /// Imported; the text contains this.
    Imported(&'static str),
    /// Imported with a repair warning; the text contains this.
    Repaired(&'static str),
    /// Skipped with a warning whose message contains this.
    Skipped(&'static str),
}

fn build(dir: &Path) -> Vec<(String, Expect)> {
    use Expect::*;
    let mut expect = Vec::new();
    let mut file = |name: &str, bytes: &[u8], e: Expect| {
        fs::write(dir.join(name), bytes).expect("write fixture");
        expect.push((name.to_owned(), e));
    };
    file("good.txt", STORY.as_bytes(), Imported("139 people"));
    file(
        "random.txt",
        &noise(64 * 1024, 0x9e37_79b9),
        Skipped("binary"),
    );
    file("empty.txt", b"", Skipped("empty"));
    file("blank.md", b"  \n\t\n   \n", Skipped("whitespace"));
    file(
        "nuls.txt",
        b"At least 139 people\0\0\0 were killed.\0",
        Skipped("binary"),
    );
    let mut invalid = STORY.as_bytes().to_vec();
    invalid.extend_from_slice(b"Z\xc3rich \xff\xfe caf\xc3\xa9 \xe2\x82 end.\n");
    file("invalid-utf8.txt", &invalid, Repaired("were killed"));
    file(
        "utf16-no-bom.txt",
        &utf16le("Zürich: at least 139 people were killed — «a toll»."),
        Repaired("at least 139"),
    );
    // 17 MB on one line: no line break anywhere for title or date detection to stop at.
    let line =
        "the toll was 139 and then 133 according to officials ".repeat(17 * 1024 * 1024 / 53);
    file(
        "one-line.txt",
        line.as_bytes(),
        Imported("according to officials"),
    );
    let nested = format!(
        "<html><body>{}<p>Deep 139 killed</p>{}</body></html>",
        "<div><span>".repeat(100_000),
        "</span></div>".repeat(100_000)
    );
    file(
        "nested.html",
        nested.as_bytes(),
        // Too deep for a tree: the linear reducer reads it, and the warning says why.
        Repaired("Deep 139 killed"),
    );
    let unclosed = format!("<p>Open 139 {}", "<div".repeat(200_000));
    file("unclosed.html", unclosed.as_bytes(), Imported("Open 139"));
    let entities = format!(
        "<p>Toll 139 {}</p>",
        "&amp;&lt;&#x41;&eacute;&#0;&#xFFFFFF;&bogus;&".repeat(200_000 / 8)
    );
    file(
        "entities.html",
        entities.as_bytes(),
        Imported("Toll 139 &<A"),
    );
    file(
        "name\nwith newline.txt",
        STORY.as_bytes(),
        Imported("officials said"),
    );
    // A directory with an article's name is walked into, not read as a file.
    fs::create_dir(dir.join("x.txt")).expect("mkdir x.txt");
    fs::write(dir.join("x.txt/inside.txt"), STORY).expect("write inside");
    expect.push(("x.txt/inside.txt".into(), Imported("139 people")));
    // Links that loop: a folder linking to its parent, and files linking to each other.
    std::os::unix::fs::symlink("..", dir.join("x.txt/up")).expect("symlink");
    std::os::unix::fs::symlink("loop-b.txt", dir.join("loop-a.txt")).expect("symlink");
    std::os::unix::fs::symlink("loop-a.txt", dir.join("loop-b.txt")).expect("symlink");
    expect.push(("loop-a.txt".into(), Skipped("")));
    expect.push(("loop-b.txt".into(), Skipped("")));
    expect
}

fn check(report: &ImportReport, expected: &[(String, Expect)]) {
    for (name, e) in expected {
        let article = report.articles.iter().find(|a| a.path == *name);
        let warnings: Vec<_> = report.warnings.iter().filter(|w| w.path == *name).collect();
        match e {
            Expect::Imported(needle) | Expect::Repaired(needle) => {
                let a = article.unwrap_or_else(|| panic!("{name:?} imported; {warnings:?}"));
                assert!(a.text.contains(needle), "{name:?} holds {needle:?}");
                assert!(!a.title.is_empty(), "{name:?} has a title");
            }
            Expect::Skipped(_) => assert!(article.is_none(), "{name:?} is skipped"),
        }
        match e {
            Expect::Imported(_) => assert!(warnings.is_empty(), "{name:?}: {warnings:?}"),
            Expect::Repaired(_) => assert!(
                warnings.len() == 1 && warnings[0].kind == WarningKind::Repaired,
                "{name:?}: one repair warning, got {warnings:?}"
            ),
            Expect::Skipped(why) => assert!(
                warnings.len() == 1
                    && warnings[0].kind == WarningKind::Skipped
                    && warnings[0].message.contains(why),
                "{name:?}: one warning saying {why:?}, got {warnings:?}"
            ),
        }
    }
    let loop_warning = report.warnings.iter().find(|w| w.path == "x.txt/up");
    assert!(
        loop_warning.is_some_and(|w| w.message.contains("contains it")),
        "the folder loop is named: {:?}",
        report.warnings
    );
    for w in &report.warnings {
        assert!(!w.to_string().contains('\n'), "one line per warning: {w}");
    }
}

#[test]
fn a_folder_of_hostile_files_imports_what_it_can_with_one_warning_per_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let expected = build(dir.path());
    let root = dir.path().to_owned();
    let started = Instant::now();
    let report = within(Duration::from_secs(60), move || {
        corpus::import_folder(&root).expect("the folder itself is readable")
    });
    eprintln!("hostile folder imported in {:?}", started.elapsed());
    check(&report, &expected);
    let imported = expected
        .iter()
        .filter(|(_, e)| !matches!(e, Expect::Skipped(_)))
        .count();
    assert_eq!(report.articles.len(), imported, "{}", report.summary());

    // What was imported is stored and read back exactly, the 17 MB line included.
    let path = dir.path().join("hostile.crosscheck");
    let project = Project::new(report.articles);
    drop(Store::create(&path, &project).expect("create"));
    let (_store, loaded) = Store::open(&path).expect("open");
    assert_eq!(loaded.articles(), project.articles());
}

#[test]
fn each_hostile_file_named_alone_gives_a_report_or_a_clear_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let expected = build(dir.path());
    for (name, e) in &expected {
        let path = dir.path().join(name);
        let result = within(Duration::from_secs(60), move || corpus::import_file(&path));
        match (result, e) {
            (Ok(r), Expect::Skipped(_)) => {
                assert!(r.articles.is_empty() && r.warnings.len() == 1, "{name:?}")
            }
            (Ok(r), _) => assert_eq!(r.articles.len(), 1, "{name:?}: {:?}", r.warnings),
            (Err(err), Expect::Skipped(_)) => {
                assert!(err.to_string().contains(name.as_str()), "{err}")
            }
            (Err(err), _) => panic!("{name:?}: {err}"),
        }
    }
    let folder = within(Duration::from_secs(5), {
        let p = dir.path().join("x.txt");
        move || corpus::import_file(&p)
    });
    assert!(
        folder.is_err_and(|e| e.to_string().contains("is a folder")),
        "a folder named like a file is refused as a file"
    );
}
