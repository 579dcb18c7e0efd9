//! `crosscheck quotes`: groups of renderings with their speakers and word differences, as text
//! and as JSON.

use std::process::Command;

fn quotes(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .arg("quotes")
        .args(args)
        .output()
        .expect("run crosscheck")
}

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("a.txt"),
        "Toll rises\n\n“We have found 14 bodies and we are still searching for six people,” \
         said Marta Lindqvist.\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("b.txt"),
        "Divers return\n\nMarta Lindqvist said: «We have found 16 bodies and we are still \
         searching for six people.»\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("c.txt"),
        "Weather\n\n“It will rain all week in the north,” the forecaster said.\n",
    )
    .expect("write");
    dir
}

#[test]
fn text_output_names_the_speaker_and_marks_the_changed_number() {
    let dir = folder();
    let out = quotes(&[dir.path().to_str().expect("path")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines[0].starts_with("quote 1: Marta Lindqvist · 2 articles"),
        "{text}"
    );
    assert!(lines[0].contains("a number or negation differs"));
    assert!(lines[1].starts_with("  a.txt:"));
    assert!(lines[2].contains("[-**14**-]{+**16**+}"), "{text}");
}

#[test]
fn json_output_lists_variants_with_offsets_and_diffs() {
    let dir = folder();
    let out = quotes(&[dir.path().to_str().expect("path"), "--json"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let groups = v.as_array().expect("array");
    assert_eq!(groups.len(), 1);
    let variants = groups[0]["variants"].as_array().expect("variants");
    assert_eq!(variants.len(), 2);
    assert_eq!(variants[0]["article"], "a.txt");
    assert_eq!(variants[0]["speaker"], "Marta Lindqvist");
    let text = std::fs::read_to_string(dir.path().join("a.txt")).expect("read");
    let (s, e) = (
        variants[0]["start"].as_u64().expect("start") as usize,
        variants[0]["end"].as_u64().expect("end") as usize,
    );
    let quoted: String = text.chars().skip(s).take(e - s).collect();
    assert_eq!(
        quoted,
        variants[0]["text"].as_str().expect("text"),
        "offsets are characters"
    );
    assert!(variants[0]["diff"].as_array().expect("diff").is_empty());
    assert!(
        variants[1]["diff"]
            .as_array()
            .expect("diff")
            .iter()
            .any(|p| p["strong"] == true && p["change"] == "inserted")
    );
}

#[test]
fn text_output_marks_reported_speech_and_differing_credits() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("a.txt"),
        "Mine stays shut\n\n“We will not reopen the mine until every shaft has been inspected,” \
         said Lena Marsh, the regional safety director.\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("b.txt"),
        "Governor speaks\n\nGovernor Paul Ekberg said that we will not reopen the mine until \
         every shaft has been inspected.\n",
    )
    .expect("write");
    let out = quotes(&[dir.path().to_str().expect("path")]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        text.contains("! credited to ") && text.contains("Lena Marsh by a.txt"),
        "{text}"
    );
    assert!(text.contains("Ekberg by b.txt"), "{text}");
    let b_line = text
        .lines()
        .find(|l| l.starts_with("  b.txt:"))
        .expect("b's rendering");
    assert!(b_line.contains("\t(reported) "), "{text}");
    let json = quotes(&[dir.path().to_str().expect("path"), "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(v[0]["credited"].as_array().map(Vec::len), Some(2), "{v}");
    assert_eq!(v[0]["variants"][1]["kind"], "reported");
}
