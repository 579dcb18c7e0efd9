//! Every subcommand treats a closed standard output as success: `crosscheck info --json | head`
//! must not end with "error: Broken pipe" (or a panic), and work that does not depend on the
//! output (the project `new` writes) is still done.

use crosscheck::model::{Article, Edit, Project};
use crosscheck::store::Store;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::process_support;
use process_support::one_at_a_time;

const TEXT: &str = "Bridge collapse\n\nAt least 139 people were killed and 40 injured, \
                    officials said on Tuesday.";
const OTHER: &str = "Toll confirmed\n\nThe toll was confirmed at 133 dead and 52 injured.";

fn article(id: i64, text: &str) -> Article {
    Article {
        id,
        path: format!("{id}.txt"),
        title: format!("Article {id}"),
        outlet: None,
        published: Some("2024-03-26".into()),
        text: text.into(),
        sha256: "ab".repeat(32),
        encoding: "UTF-8".into(),
        author: None,
        url: None,
    }
}

fn fixtures(dir: &Path) -> (String, String) {
    let folder = dir.join("articles");
    std::fs::create_dir(&folder).expect("mkdir");
    std::fs::write(folder.join("a.txt"), TEXT).expect("write a");
    std::fs::write(folder.join("b.txt"), OTHER).expect("write b");
    let mut p = Project::new(vec![article(1, TEXT), article(2, OTHER)]);
    let c = p.make_claim(1, 17, 29, Some(2)).expect("claim");
    p.apply(Edit::PutClaim(c)).expect("apply");
    let project = dir.join("p.crosscheck");
    drop(Store::create(&project, &p).expect("create"));
    let s = |p: &Path| p.to_str().expect("utf-8 path").to_owned();
    (s(&folder), s(&project))
}

/// Runs the binary with standard output connected to a pipe whose reading end is already
/// closed, so the very first write fails, as it does after `| head` has exited.
fn run_with_closed_stdout(args: &[&str], stdin: Option<&str>) -> std::process::Output {
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    cmd.args(args).stdout(writer).stderr(Stdio::piped());
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    let mut child = cmd.spawn().expect("spawn");
    if let Some(text) = stdin {
        use std::io::Write;
        let mut input = child.stdin.take().expect("stdin");
        input.write_all(text.as_bytes()).expect("feed stdin");
    }
    child.wait_with_output().expect("wait")
}

#[test]
fn every_subcommand_treats_a_closed_stdout_as_success() {
    let _one = one_at_a_time();
    let dir = tempfile::tempdir().expect("tempdir");
    let (folder, project) = fixtures(dir.path());
    let new_project = dir.path().join("new.crosscheck");
    let new_path = new_project.to_str().expect("utf-8 path");
    let cases: Vec<(Vec<&str>, Option<&str>)> = vec![
        (vec!["info", &project], None),
        (vec!["info", &project, "--json"], None),
        (vec!["figures", &folder], None),
        (vec!["figures", &project, "--json"], None),
        (vec!["figures", "-"], Some(TEXT)),
        (vec!["conflicts", &folder], None),
        (vec!["conflicts", &project, "--json"], None),
        (vec!["report", &project, "--format", "md"], None),
        (
            vec!["report", &project, "--format", "json", "-o", "-"],
            None,
        ),
        (vec!["new", &folder, "-o", new_path], None),
    ];
    for (args, stdin) in &cases {
        let out = run_with_closed_stdout(args, *stdin);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success(),
            "{args:?}: exit {:?}: {stderr}",
            out.status.code()
        );
        assert!(
            !stderr.contains("error") && !stderr.contains("panicked"),
            "{args:?}: nothing alarming on stderr: {stderr}"
        );
    }
    let (_s, created) = Store::open(&new_project).expect("`new` wrote its project anyway");
    assert_eq!(created.articles().len(), 2);
}

#[test]
fn a_real_error_still_fails_when_stdout_is_closed() {
    let _one = one_at_a_time();
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("missing.crosscheck");
    let out = run_with_closed_stdout(&["info", missing.to_str().expect("path")], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.crosscheck"));
}
