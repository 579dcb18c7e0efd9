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

mod import_graph;
use import_graph as graph;

/// The layers data flows through, lowest first. A file may import from its own module and
/// from modules of a lower layer; two modules of one layer never import each other.
const LAYERS: &[(&str, usize)] = &[
    ("model", 0),
    ("corpus", 1),
    ("store", 1),
    ("analysis", 1),
    ("report", 2),
    ("team", 2),
    ("app", 3),
    ("cli", 4),
];

/// The capabilities inside `analysis/`, lowest first: shared text primitives and tagging, then
/// time, figures, the capabilities built on figures, and conflicts (which compare within
/// stories).
const ANALYSIS_LAYERS: &[(&str, usize)] = &[
    ("text", 0),
    ("tagging", 0),
    ("agreement", 0),
    ("time", 1),
    ("figures", 2),
    ("stories", 3),
    ("timeline", 3),
    ("quotes", 3),
    ("versions", 3),
    ("reuse", 3),
    ("conflicts", 4),
];

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Where a file sits: its unit (`analysis/figures` for a figure file, else the top-level
/// module), the top-level layer, and the layer inside `analysis/` (the facade
/// `analysis/mod.rs` sits above every capability, since it re-exports them).
struct Place {
    unit: String,
    top: usize,
    sub: usize,
}

fn place_of(rel: &str) -> Option<Place> {
    let parts: Vec<&str> = rel.trim_end_matches(".rs").split('/').collect();
    let top = *parts.first()?;
    let (_, rank) = LAYERS.iter().find(|(name, _)| *name == top)?;
    if top == "analysis" && parts.len() >= 2 {
        let sub = parts[1];
        let r = if sub == "mod" {
            usize::MAX
        } else {
            ANALYSIS_LAYERS
                .iter()
                .find(|(name, _)| *name == sub)
                .map(|(_, r)| *r)
                .unwrap_or_else(|| panic!("analysis/{sub} has no layer: add it to ANALYSIS_LAYERS"))
        };
        return Some(Place {
            unit: format!("analysis/{sub}"),
            top: *rank,
            sub: r,
        });
    }
    Some(Place {
        unit: top.to_owned(),
        top: *rank,
        sub: 0,
    })
}

/// An import from `from` to `to` that goes against the flow.
fn upward(from: &Place, to: &Place) -> bool {
    if from.unit == to.unit {
        return false;
    }
    let both_analysis = from.unit.starts_with("analysis") && to.unit.starts_with("analysis");
    if !both_analysis {
        // Between top-level modules (or two of one layer): only strictly downwards.
        return to.top >= from.top;
    }
    to.sub >= from.sub
}

#[test]
fn no_file_imports_itself_through_a_circle() {
    let files = graph::library_files(&src_dir());
    let g = graph::import_graph(&files);
    // The graph must see real imports, or an empty graph would pass.
    let edges: usize = g.values().map(|d| d.len()).sum();
    assert!(
        edges > 200,
        "too few imports found ({edges}): the reader is broken"
    );
    assert!(g["analysis/figures/extract.rs"].contains("analysis/figures/context.rs"));
    let circles = graph::circles(&g);
    assert!(
        circles.is_empty(),
        "import circles between files (each line one circle):\n{}",
        circles
            .iter()
            .map(|c| c.join(" ↔ "))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn imports_flow_down_the_layers() {
    let files = graph::library_files(&src_dir());
    let g = graph::import_graph(&files);
    let mut bad = Vec::new();
    for (from, deps) in &g {
        let Some(pf) = place_of(from) else {
            continue;
        };
        for to in deps {
            let Some(pt) = place_of(to) else {
                continue;
            };
            if upward(&pf, &pt) {
                bad.push(format!("{from} ({}) imports {to} ({})", pf.unit, pt.unit));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "imports against the flow:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_layers_order_what_they_should() {
    let p = |rel: &str| place_of(rel).expect("a layered file");
    // Down is fine, up and sideways are not.
    assert!(!upward(&p("report/html.rs"), &p("analysis/mod.rs")));
    assert!(!upward(
        &p("analysis/figures/extract.rs"),
        &p("analysis/text/tokens.rs")
    ));
    assert!(upward(
        &p("analysis/text/tokens.rs"),
        &p("analysis/figures/mod.rs")
    ));
    assert!(upward(
        &p("analysis/figures/extract.rs"),
        &p("corpus/import.rs")
    ));
    assert!(upward(
        &p("analysis/figures/extract.rs"),
        &p("analysis/mod.rs")
    ));
    assert!(upward(
        &p("analysis/quotes/find.rs"),
        &p("analysis/stories/mod.rs")
    ));
    assert!(upward(&p("model/project.rs"), &p("store/file.rs")));
    assert!(!upward(
        &p("analysis/figures/extract.rs"),
        &p("analysis/figures/context.rs")
    ));
}

#[test]
fn the_graph_reader_sees_circles_and_use_trees() {
    let code = graph::strip_comments_and_strings(
        "use super::{a::{B, c}, d};\n// use crate::x;\nlet s = \"crate::y\";\nfn f() -> crate::z::W {}",
    );
    let paths = graph::named_paths(&code);
    let shown: Vec<String> = paths.iter().map(|p| p.join("::")).collect();
    assert!(shown.contains(&"super::a::B".to_owned()), "{shown:?}");
    assert!(shown.contains(&"super::a::c".to_owned()), "{shown:?}");
    assert!(shown.contains(&"super::d".to_owned()), "{shown:?}");
    assert!(shown.contains(&"crate::z::W".to_owned()), "{shown:?}");
    assert!(
        !shown.iter().any(|p| p.contains('x') || p.contains('y')),
        "{shown:?}"
    );
    let mut g = std::collections::BTreeMap::new();
    g.insert("a.rs".to_owned(), ["b.rs".to_owned()].into());
    g.insert("b.rs".to_owned(), ["c.rs".to_owned()].into());
    g.insert("c.rs".to_owned(), ["a.rs".to_owned()].into());
    g.insert("d.rs".to_owned(), ["a.rs".to_owned()].into());
    assert_eq!(graph::circles(&g), vec![vec!["a.rs", "b.rs", "c.rs"]]);
}

/// With `autotests = false`, a file in `tests/` that no `[[test]]` names and no group lists
/// would never be compiled: its tests would silently stop running.
#[test]
fn every_test_file_is_built_into_a_test_binary() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).expect("read Cargo.toml");
    let binaries: Vec<&str> = manifest
        .lines()
        .filter_map(|l| l.strip_prefix("path = \"tests/"))
        .filter_map(|l| l.strip_suffix('"'))
        .collect();
    assert!(
        binaries.len() >= 2,
        "no [[test]] targets read: {binaries:?}"
    );
    let mut built: Vec<String> = binaries.iter().map(|b| (*b).to_owned()).collect();
    for binary in &binaries {
        let text = std::fs::read_to_string(root.join("tests").join(binary)).expect("read root");
        built.extend(
            text.lines()
                .filter_map(|l| l.trim().strip_prefix("#[path = \""))
                .filter_map(|l| l.strip_suffix("\"]"))
                .map(str::to_owned),
        );
    }
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(root.join("tests")).expect("read tests") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        if name.ends_with(".rs") && !built.contains(&name) {
            missing.push(name);
        }
    }
    assert!(
        missing.is_empty(),
        "test files in no test binary (add them to a group in tests/<group>.rs or a [[test]] \
         in Cargo.toml): {missing:?}"
    );
}
