//! `crosscheck report` end to end on a project file made here: each format to a file and to
//! standard output, and a clear error for a file that is not a project.

use crosscheck::model::{Article, Edit, Project};
use crosscheck::store::Store;
use std::process::Command;

fn project_file(dir: &std::path::Path) -> std::path::PathBuf {
    let text = "Toll rises\n\nAt least 139 people were killed, officials said.";
    let mut p = Project::new(vec![Article {
        id: 1,
        path: "a.txt".into(),
        title: "Toll rises".into(),
        outlet: None,
        published: Some("2024-03-26".into()),
        text: text.into(),
        sha256: "ab".repeat(32),
        encoding: "UTF-8".into(),
    }]);
    let mut c = p.make_claim(1, 12, 24, Some(2)).expect("claim");
    c.verdict = Some("False".into());
    p.apply(Edit::PutClaim(c)).expect("apply");
    let path = dir.join("p.crosscheck");
    drop(Store::create(&path, &p).expect("create"));
    path
}

fn crosscheck(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .output()
        .expect("run")
}

#[test]
fn each_format_goes_to_a_file_or_to_stdout() {
    let dir = tempfile::tempdir().expect("tempdir");
    let project = project_file(dir.path());
    let p = project.to_str().expect("utf-8 path");
    for (format, needle) in [
        ("html", "<mark>At least 139</mark>"),
        ("md", "**At least 139**"),
        ("csv", ",At least 139,"),
        ("json", "\"TextPositionSelector\""),
        ("claimreview", "\"ClaimReview\""),
    ] {
        let out = dir.path().join(format!("r.{format}"));
        let o = crosscheck(&[
            "report",
            p,
            "--format",
            format,
            "-o",
            out.to_str().expect("path"),
        ]);
        assert!(
            o.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let written = std::fs::read_to_string(&out).expect("report written");
        assert!(written.contains(needle), "{format} report holds {needle}");
        let o = crosscheck(&["report", p, "--format", format]);
        assert!(o.status.success());
        let printed = String::from_utf8(o.stdout).expect("utf-8");
        assert!(printed.contains(needle), "{format} to stdout");
    }
}

#[test]
fn a_file_that_is_not_a_project_is_an_error_naming_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bogus = dir.path().join("notes.txt");
    std::fs::write(&bogus, "hello").expect("write");
    let o = crosscheck(&["report", bogus.to_str().expect("path"), "--format", "html"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("notes.txt"));
    assert!(o.stdout.is_empty());
    let o = crosscheck(&["report", bogus.to_str().expect("path"), "--format", "pdf"]);
    assert_eq!(o.status.code(), Some(2), "an unknown format is bad usage");
}
