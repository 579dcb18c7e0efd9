//! `crosscheck stories` and the story of each `crosscheck conflicts` suggestion, run as a user
//! would on `tests/data/stories`: two earthquakes in one country three weeks apart, two
//! corruption arrests in another, and four sentencings at one court by one judge, each told
//! by several outlets, all in one folder.

use std::path::Path;
use std::process::Command;

const STORIES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/stories");

fn run(args: &[&str]) -> String {
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
    String::from_utf8(out.stdout).expect("utf-8")
}

/// The event of an article: its file name up to the first `-` (`quakes/tessin-wire.txt`).
fn event(path: &str) -> &str {
    let name = Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path);
    name.split('-').next().unwrap_or(name)
}

#[test]
fn eight_events_make_eight_stories_with_their_span_and_names() {
    let v: serde_json::Value =
        serde_json::from_str(&run(&["stories", STORIES, "--json"])).expect("one JSON array");
    let stories = v.as_array().expect("array");
    assert_eq!(stories.len(), 8, "{v:#}");
    for s in stories {
        let events: std::collections::BTreeSet<&str> = s["articles"]
            .as_array()
            .expect("articles")
            .iter()
            .map(|a| event(a["path"].as_str().expect("path")))
            .collect();
        assert_eq!(events.len(), 1, "one event per story: {s:#}");
    }
    // Largest first: the two five-article earthquakes.
    let first = &stories[0];
    assert_eq!(first["articles"].as_array().map(Vec::len), Some(5));
    let tessin = stories
        .iter()
        .find(|s| s["label"].as_str().is_some_and(|l| l.contains("Tessin")))
        .expect("a story named by its town");
    assert_eq!(tessin["start"], "2025-03-03");
    assert_eq!(tessin["end"], "2025-03-08");
    let words: Vec<&str> = tessin["words"]
        .as_array()
        .expect("words")
        .iter()
        .filter_map(|w| w.as_str())
        .collect();
    assert!(words.contains(&"earthquake"), "{words:?}");
    let names: Vec<&str> = stories
        .iter()
        .flat_map(|s| s["names"].as_array().into_iter().flatten())
        .filter_map(|n| n.as_str())
        .collect();
    assert!(
        names.contains(&"Oskar Brandt"),
        "two names in a row: {names:?}"
    );
}

#[test]
fn the_text_lists_each_story_with_its_articles() {
    let text = run(&["stories", &format!("{STORIES}/arrests")]);
    let blocks: Vec<&str> = text.split("story ").filter(|b| !b.is_empty()).collect();
    assert_eq!(blocks.len(), 2, "{text}");
    for b in &blocks {
        assert!(b.contains("4 articles · 2025-09-"), "{b}");
        assert!(b.contains("  names: "), "{b}");
        let brandt = b.matches("brandt-").count();
        assert!(brandt == 0 || brandt == 4, "{b}");
    }
}

#[test]
fn no_suggestion_sets_one_earthquake_against_the_other() {
    let v: serde_json::Value =
        serde_json::from_str(&run(&["conflicts", &format!("{STORIES}/quakes"), "--json"]))
            .expect("one JSON array");
    let list = v.as_array().expect("array");
    assert!(!list.is_empty(), "each quake's toll rose: 18 → 27, 9 → 14");
    for s in list {
        let events: std::collections::BTreeSet<&str> = s["figures"]
            .as_array()
            .expect("figures")
            .iter()
            .map(|f| event(f["article"].as_str().expect("article")))
            .collect();
        assert_eq!(events.len(), 1, "{s:#}");
        assert!(
            s["story"].as_str().is_some_and(|k| k.starts_with("auto-")),
            "each suggestion names its story: {s:#}"
        );
    }
}
