//! `crosscheck timeline` and the `as_of` of `crosscheck figures`, run as a user would on a
//! folder of two reports of one blast, a day apart.

use std::process::Command;

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("a.txt"),
        "Toll rises after blast\nMonday 6 May 2024 - 09:00\n\nAt least 5 people were killed in \
         the blast on Sunday night, police said this morning.\n",
    )
    .expect("write a");
    std::fs::write(
        dir.path().join("b.txt"),
        "Blast toll climbs\nTuesday 7 May 2024\n\nAs of 6 pm on Monday, the death toll stood at \
         11.\n",
    )
    .expect("write b");
    dir
}

fn json(args: &[&str]) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .output()
        .expect("binary runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON document")
}

#[test]
fn timeline_json_resolves_times_and_places_each_figure() {
    let dir = folder();
    let v = json(&[
        "timeline",
        "--json",
        dir.path().to_str().expect("utf-8 path"),
    ]);
    let arts = v.as_array().expect("one array");
    assert_eq!(arts.len(), 2);
    let a = &arts[0];
    assert_eq!(a["article"], "a.txt");
    assert_eq!(a["speaks_at"]["iso"], "2024-05-06T09:00");
    let night = a["times"]
        .as_array()
        .expect("times")
        .iter()
        .find(|t| t["text"] == "Sunday night")
        .expect("Sunday night is read");
    assert_eq!(night["kind"], "relative");
    assert_eq!(night["when"]["precision"], "part_of_day");
    assert_eq!(night["when"]["start"], "2024-05-05T21:00:00");
    // Offsets are character offsets into the stored text.
    let start = night["start"].as_u64().expect("start") as usize;
    assert!(start > 0);
    let fig = &a["figures"][0];
    assert_eq!(fig["measure"], "killed");
    assert_eq!(fig["as_of"]["iso"], "2024-05-05T21:00/2024-05-06T06:00");
    let b = &arts[1];
    let as_of = b["times"]
        .as_array()
        .expect("times")
        .iter()
        .find(|t| t["kind"] == "as_of")
        .expect("an as-of phrase");
    assert_eq!(as_of["text"], "As of 6 pm on Monday");
    let toll = b["figures"]
        .as_array()
        .expect("figures")
        .iter()
        .find(|f| f["text"] == "11" && f["start"].as_u64() > Some(40))
        .expect("the toll in the body");
    assert_eq!(toll["as_of"]["iso"], "2024-05-06T18:00");
    assert_eq!(toll["as_of"]["precision"], "minute");
}

#[test]
fn figures_carry_their_as_of_in_text_and_json() {
    let dir = folder();
    let path = dir.path().join("b.txt");
    let path = path.to_str().expect("utf-8 path");
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["figures", path])
        .output()
        .expect("binary runs");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        text.lines()
            .any(|l| l.contains("\"11\"") && l.ends_with("as of 2024-05-06T18:00")),
        "{text}"
    );
    let v = json(&["figures", "--json", path]);
    assert!(
        v.as_array()
            .expect("array")
            .iter()
            .any(|f| f["as_of"]["iso"] == "2024-05-06T18:00"),
        "{v:#}"
    );
}
