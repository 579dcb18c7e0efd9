//! Text reuse on human rewrites (issue 23): Clough and Stevenson's corpus of plagiarised short
//! answers (University of Sheffield, 2011; the METER group's later corpus). Nineteen people
//! answered five questions each, from a Wikipedia article (`cut`: copied and pasted,
//! `light`: lightly revised, `heavy`: paraphrased) or from their own reading (`non`). It is not
//! news, but its rewrites are people's, where the BASIL set (`reuse_dev`) only has generated
//! edits.
//!
//! All 100 texts go into one folder, as the held-out corpus will; each answer is scored by the
//! class of its pair with the article of its question. Two readings:
//! - **derived or not**: `cut`, `light` and `heavy` all take the article as their only source
//!   (METER's *wholly derived* also covers rewritten text), `non` is independent;
//! - **how much**: `cut` and `light` as *wholly*, `heavy` as *partially*, `non` as
//!   *independent* — how far the share follows the amount of rewriting.
//!
//! Questions a–c are the tuning part; d and e are kept aside (split chosen before any run).
//! The texts are not in this repository (third-party research data):
//! `cargo run --release --example reuse_answers -- /path/to/clough`
//! (a folder holding `file_information.csv` and `files/`).

use crosscheck::analysis::reuse::{Class, find_reuse};
use crosscheck::model::Article;

#[path = "reuse_score/mod.rs"]
mod score;

fn main() {
    let root = std::env::args()
        .nth(1)
        .expect("usage: reuse_answers /path/to/clough");
    let root = std::path::Path::new(&root);
    let csv = std::fs::read_to_string(root.join("file_information.csv")).expect("csv");
    let mut labels: Vec<(String, String, String)> = Vec::new();
    for line in csv.lines().skip(1) {
        let f: Vec<&str> = line.trim().split(',').collect();
        if f.len() == 3 {
            labels.push((f[0].to_owned(), f[1].to_owned(), f[2].to_owned()));
        }
    }
    // The kept-aside part is read only when asked (`HELDOUT=1`), so that tuning never sees it.
    let mut parts = vec![("tuning (a-c)", "abc")];
    if std::env::var_os("HELDOUT").is_some() {
        parts.push(("kept aside (d-e)", "de"));
    }
    for (part, tasks) in parts {
        let mut articles = Vec::new();
        let mut origs = std::collections::HashMap::new();
        for t in tasks.chars() {
            let name = format!("orig_task{t}.txt");
            let text = std::fs::read_to_string(root.join("files").join(&name)).expect("orig");
            origs.insert(t, articles.len());
            articles.push(Article::in_memory(
                articles.len() as i64 + 1,
                name.clone(),
                name,
                text,
            ));
        }
        let mut items = Vec::new();
        for (file, task, cat) in &labels {
            let t = task.chars().next().unwrap_or('?');
            if !tasks.contains(t) || cat == "orig" {
                continue;
            }
            let text = std::fs::read_to_string(root.join("files").join(file)).expect("answer");
            let i = articles.len();
            articles.push(Article::in_memory(
                i as i64 + 1,
                file.clone(),
                file.clone(),
                text,
            ));
            items.push((i, origs[&t], cat.clone()));
        }
        let t0 = std::time::Instant::now();
        let reuse = find_reuse(&articles);
        let took = t0.elapsed();
        let mut binary = Vec::new();
        let mut graded = Vec::new();
        for (d, s, cat) in &items {
            let view = reuse
                .pairs_of(articles[*d].id)
                .into_iter()
                .find(|v| v.other == articles[*s].id);
            let (class, share) = view.map_or((Class::Independent, 0.0), |v| (v.class, v.share));
            let derived = |c: Class| {
                if c == Class::Independent {
                    Class::Independent
                } else {
                    Class::Wholly
                }
            };
            let truth = match cat.as_str() {
                "cut" | "light" => Class::Wholly,
                "heavy" => Class::Partially,
                _ => Class::Independent,
            };
            binary.push(score::Scored {
                truth: derived(truth),
                found: derived(class),
                share,
            });
            graded.push(score::Scored {
                truth,
                found: class,
                share,
            });
            if std::env::var_os("VERBOSE").is_some() {
                println!(
                    "  {} {cat:<6} {:<12} {share:.2}",
                    articles[*d].path,
                    class.as_str()
                );
            }
        }
        println!(
            "{part}: {} texts, {} answers, found in {took:.2?}",
            articles.len(),
            items.len()
        );
        println!(" derived or not:");
        score::print(&binary, &[Class::Wholly, Class::Independent]);
        println!(" how much (cut+light wholly, heavy partially):");
        score::print(
            &graded,
            &[Class::Wholly, Class::Partially, Class::Independent],
        );
    }
}
