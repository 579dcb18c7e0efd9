//! `crosscheck report` end to end on a project file made here: each format to a file and to
//! standard output, and a clear error for a file that is not a project.

use crosscheck::model::{Article, Edit, Project};
use crosscheck::store::Store;
use std::process::Command;

use crate::process_support;
use process_support::one_at_a_time;

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
        author: None,
        url: None,
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
    let _one = one_at_a_time();
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
    let _one = one_at_a_time();
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

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    let _one = one_at_a_time();
    use std::io::Read;
    let dir = tempfile::tempdir().expect("tempdir");
    // Enough claims that the report outgrows the pipe's buffer, so the writer meets the
    // closed pipe rather than finishing first.
    let text = "At least 139 people were killed, officials said. ".repeat(400);
    let mut p = Project::new(vec![Article {
        id: 1,
        path: "a.txt".into(),
        title: "Toll rises".into(),
        outlet: None,
        published: None,
        text,
        sha256: "ab".repeat(32),
        encoding: "UTF-8".into(),
        author: None,
        url: None,
    }]);
    let claims: Vec<Edit> = (0..400)
        .map(|i| {
            let mut c = p
                .make_claim(1, i * 49, i * 49 + 12, Some(2))
                .expect("claim");
            c.id = i as i64 + 1;
            Edit::PutClaim(c)
        })
        .collect();
    p.apply(Edit::Batch(claims)).expect("apply");
    let path = dir.path().join("big.crosscheck");
    drop(Store::create(&path, &p).expect("create"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["report", path.to_str().expect("path"), "--format", "html"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut head = [0u8; 64];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut head)
        .expect("the report starts");
    // Dropping our end of stdout closes the pipe, like `| head -c 64`.
    let out = child.wait_with_output().expect("wait");
    assert!(head.starts_with(b"<!DOCTYPE html>"));
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty(), "no error printed for a closed pipe");
}

#[test]
fn settings_give_claimreview_its_publisher_and_review_addresses() {
    let _one = one_at_a_time();
    let dir = tempfile::tempdir().expect("tempdir");
    let file = project_file(dir.path());
    let p = file.to_str().expect("utf-8 path");

    // Without settings the export still works, and says what Google will miss.
    let bare = crosscheck(&["report", p, "--format", "claimreview"]);
    assert!(bare.status.success());
    let warn = String::from_utf8_lossy(&bare.stderr);
    assert!(
        warn.contains("report_url=") && warn.contains("publisher_name="),
        "{warn}"
    );

    let bad = crosscheck(&["settings", p, "report_url=factdesk.example/x"]);
    assert_eq!(bad.status.code(), Some(2), "a bad address is a usage error");
    assert!(String::from_utf8_lossy(&bad.stderr).contains("full web address"));
    let unknown = crosscheck(&["settings", p, "colour=red"]);
    assert_eq!(unknown.status.code(), Some(2));

    let set = crosscheck(&[
        "settings",
        p,
        "publisher_name=Example Fact Desk",
        "report_url=https://factdesk.example/checks/1",
    ]);
    assert!(
        set.status.success(),
        "{}",
        String::from_utf8_lossy(&set.stderr)
    );
    let shown = String::from_utf8_lossy(&set.stdout).into_owned();
    assert!(
        shown.contains("publisher_name = Example Fact Desk"),
        "{shown}"
    );
    assert!(shown.contains("publisher_url = (not set)"), "{shown}");

    let out = crosscheck(&["report", p, "--format", "claimreview"]);
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let review = &v["@graph"][0];
    assert_eq!(review["author"]["name"], "Example Fact Desk");
    let url = review["url"].as_str().expect("url");
    assert!(
        url.starts_with("https://factdesk.example/checks/1#claim-"),
        "{url}"
    );

    // An empty value clears a setting; the file keeps the rest.
    let cleared = crosscheck(&["settings", p, "report_url="]);
    assert!(cleared.status.success());
    let (_, project) = Store::open_read_only(&file).expect("project");
    assert_eq!(project.setting("report_url"), None);
    assert_eq!(project.setting("publisher_name"), Some("Example Fact Desk"));
}
