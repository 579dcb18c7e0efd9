//! `crosscheck figures` and `crosscheck conflicts` run as a user would: on a folder, a file,
//! standard input; text and `--json`; exit codes 0, 1 and 2.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
}

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = bin();
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("binary runs");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes())
            .expect("write stdin");
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().expect("binary exits")
}

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("a.txt"),
        "At least 139 people were killed in the attack, according to TASS. It happened in 2001.\n",
    )
    .expect("write a");
    std::fs::write(
        dir.path().join("b.txt"),
        "The death toll was confirmed at 133 by the Investigative Committee. Police said 182 were injured.\n",
    )
    .expect("write b");
    std::fs::write(dir.path().join("notes.md"), "Not an article: 999 people.").expect("write md");
    dir
}

#[test]
fn figures_on_a_folder_prints_one_line_per_figure() {
    let dir = folder();
    let out = run(&["figures", dir.path().to_str().expect("utf-8 path")], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines[0].starts_with("a.txt:0-12\tkilled\t\"At least 139\"\t[139, ∞)"),
        "{}",
        lines[0]
    );
    assert!(lines[1].contains("b.txt") && lines[1].contains("133"));
    assert!(lines[2].contains("injured"));
    assert!(!text.contains("2001") && !text.contains("999"));
}

#[test]
fn figures_json_carries_the_contract_fields() {
    let dir = folder();
    let out = run(
        &[
            "figures",
            "--json",
            dir.path().to_str().expect("utf-8 path"),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON array");
    let arr = v.as_array().expect("array");
    assert_eq!(arr.len(), 3);
    let first = &arr[0];
    assert_eq!(first["article"], "a.txt");
    assert_eq!(first["start"], 0);
    assert_eq!(first["end"], 12);
    assert_eq!(first["text"], "At least 139");
    assert_eq!(first["value"], 139.0);
    assert_eq!(first["low"], 139.0);
    assert!(first["high"].is_null());
    assert_eq!(first["low_inclusive"], true);
    assert!(first["high_inclusive"].is_null());
    assert_eq!(first["qualifier"], "at least");
    assert!(first["unit"].is_null());
    assert_eq!(first["counted"], "people");
    assert_eq!(first["measure"], "killed");
}

#[test]
fn figures_reads_standard_input_as_one_article() {
    let out = run(
        &["figures", "--json", "-"],
        Some("Prices rose 35.7% as £15.8m was spent.\n"),
    );
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let arr = v.as_array().expect("array");
    assert_eq!(arr.len(), 2);
    assert_eq!(arr[0]["article"], "-");
    assert_eq!(arr[0]["measure"], "percent");
    assert_eq!(arr[1]["measure"], "money");
    assert_eq!(arr[1]["unit"], "GBP");
    assert_eq!(arr[1]["value"], 15_800_000.0);
    // Character offsets: `£` is one character.
    assert_eq!(arr[1]["start"], 21);
    assert_eq!(arr[1]["end"], 27);
}

#[test]
fn conflicts_finds_the_toll_disagreement() {
    let dir = folder();
    let path = dir.path().to_str().expect("utf-8 path");
    let out = run(&["conflicts", path], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert_eq!(text.lines().count(), 1, "{text}");
    // The score comes first, then the relation, the measure, the reason to check at a glance
    // and the line naming the articles.
    let cols: Vec<&str> = text.trim_end().split('\t').collect();
    let score: f64 = cols[0].parse().expect("score");
    assert!((0.0..=1.0).contains(&score), "{text}");
    assert_eq!(cols[1..3], ["contradicts", "killed"]);
    assert!(
        cols[3].starts_with("both count people killed") && cols[3].contains("at least 139 vs 133"),
        "{text}"
    );
    assert!(
        cols[4].starts_with("at least 139 killed (a.txt) vs 133 killed (b.txt)"),
        "{text}"
    );

    let out = run(&["conflicts", "--json", path], None);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let s = &v.as_array().expect("array")[0];
    assert_eq!(s["kind"], "contradicts");
    assert_eq!(s["measure"], "killed");
    assert_eq!(s["figures"].as_array().expect("figures").len(), 2);
    assert!(s["key"].as_str().is_some_and(|k| !k.is_empty()));
    assert!(
        s["score"]
            .as_f64()
            .is_some_and(|x| (0.0..=1.0).contains(&x))
    );
    assert!(s["shared"].is_array());
}

#[test]
fn conflicts_lists_the_likeliest_first_with_the_words_that_tie_them() {
    let events = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/events/tuning/pass-bus-crash"
    );
    let out = run(&["conflicts", "--json", events], None);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let list = v.as_array().expect("array");
    assert!(list.len() >= 2, "{v:#}");
    let scores: Vec<f64> = list.iter().filter_map(|s| s["score"].as_f64()).collect();
    assert_eq!(scores.len(), list.len());
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    // The crash on the Krest pass, 9 against 13 killed, comes first, tied by the pass's name.
    let top = &list[0];
    let values: Vec<f64> = top["figures"]
        .as_array()
        .expect("figures")
        .iter()
        .filter_map(|f| f["figure"]["value"].as_f64())
        .collect();
    assert!(values.contains(&9.0) && values.contains(&13.0), "{top:#}");
    let shared: Vec<&str> = top["shared"]
        .as_array()
        .expect("shared")
        .iter()
        .filter_map(|w| w.as_str())
        .collect();
    assert!(shared.contains(&"Krest"), "{shared:?}");

    let out = run(&["conflicts", events], None);
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let first = text.lines().next().expect("a line");
    assert!(
        first.contains("shared: ") && first.contains("Krest"),
        "{text}"
    );
}

#[test]
fn figures_reads_a_project_file() {
    let dir = folder();
    let project = dir.path().join("p.crosscheck");
    let out = run(
        &[
            "new",
            dir.path().to_str().expect("utf-8"),
            "-o",
            project.to_str().expect("utf-8"),
        ],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(&["conflicts", project.to_str().expect("utf-8")], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        text.contains("at least 139 killed") && text.contains("133 killed"),
        "{text}"
    );
}

#[test]
fn errors_and_bad_usage_exit_codes() {
    let out = run(&["figures", "/definitely/not/here.txt"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/definitely/not/here.txt"));

    // An SQLite file that is not a project is refused with its name.
    let dir = tempfile::tempdir().expect("temp dir");
    let project = dir.path().join("p.crosscheck");
    std::fs::write(&project, b"SQLite format 3\0rest").expect("write");
    let out = run(&["conflicts", project.to_str().expect("utf-8")], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("p.crosscheck"));

    let out = run(&["figures"], None);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["conflicts", "--bogus", "x"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn figures_json_names_the_counted_head_its_scope_and_its_rounding() {
    let out = run(
        &["figures", "--json", "-"],
        Some(
            "Police found nine homemade pipe bombs in the van. Six pupils were killed when a \
             school roof fell. The inquiry cost $4.2 million.",
        ),
    );
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let figs = v.as_array().expect("array");
    assert_eq!(figs.len(), 3, "{v:#}");
    assert_eq!(figs[0]["counted"], "bombs");
    assert_eq!(
        figs[0]["modifiers"],
        serde_json::json!(["homemade", "pipe"])
    );
    assert_eq!(figs[1]["counted"], "pupils");
    let kinds: Vec<&str> = figs[1]["scope"]
        .as_array()
        .expect("scope")
        .iter()
        .filter_map(|s| s["kind"].as_str())
        .collect();
    assert_eq!(kinds, ["subgroup", "site"], "{v:#}");
    assert_eq!(
        figs[2]["rounding"],
        serde_json::json!([4150000.0, 4250000.0])
    );
    assert!(figs[0].get("rounding").is_none(), "a whole number is exact");
}
