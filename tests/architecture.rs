//! The layering GUIDE.md §2 asks for, checked by reading the sources: only `app` (and the CLI
//! that starts it) knows egui/eframe, and `model` and `analysis` never touch SQL.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read src dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

fn offenders(module: &str, needles: &[&str]) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join(module);
    let files = rust_files(&dir);
    assert!(!files.is_empty(), "no sources found for {module}");
    let mut bad = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("read source");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for needle in needles {
                if code.contains(needle) {
                    bad.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    bad
}

#[test]
fn only_the_app_knows_egui() {
    for module in ["model", "corpus", "analysis", "store", "report"] {
        let bad = offenders(module, &["egui", "eframe", "rfd::"]);
        assert!(
            bad.is_empty(),
            "{module} must not depend on the UI:\n{}",
            bad.join("\n")
        );
    }
}

#[test]
fn model_and_analysis_do_not_touch_sql() {
    for module in ["model", "analysis"] {
        let bad = offenders(module, &["rusqlite", "crate::store"]);
        assert!(
            bad.is_empty(),
            "{module} must not touch SQL:\n{}",
            bad.join("\n")
        );
    }
}
