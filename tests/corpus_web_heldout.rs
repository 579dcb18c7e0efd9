//! A held-out set of saved pages (`tests/data/pages-heldout`), written to differ from the
//! pages the extractor was developed on and never tuned against: a WordPress post with
//! widgets and comments, a wire story with "Read more" links and a table, an old table-and-
//! `<br>` layout, and a German page with a consent layer and a paywall teaser. Each `.txt`
//! holds the article body a person would copy. The test measures word F1 of the body and
//! whether title and date are right, beside the old whole-page reducer, and prints the table
//! quoted in the README.

use crosscheck::corpus::{html, page::read_page};
use std::collections::HashMap;
use std::path::PathBuf;

/// (file stem, title, publication day, outlet)
const GOLD: &[(&str, &str, &str, &str)] = &[
    (
        "blog-widgets",
        "Harbour fire: what we know so far",
        "2024-08-14",
        "The Coastal Post",
    ),
    (
        "wire-readmore",
        "Quake of magnitude 6.1 hits coastal region, at least 9 dead",
        "2025-02-19",
        "Global Wire Service",
    ),
    (
        "div-br",
        "Strike ends after 11 days",
        "2023-10-03",
        "Valley Echo",
    ),
    (
        "live-sections",
        "Hochwasser: Pegel sinkt langsam, 2.300 Menschen weiter evakuiert",
        "2024-06-03",
        "Rheinblatt",
    ),
];

fn words(s: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for w in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *m.entry(w.to_lowercase()).or_default() += 1;
    }
    m
}

/// Word-bag F1 of `got` against `want`, as extraction benchmarks score article bodies.
fn f1(got: &str, want: &str) -> f64 {
    let (g, w) = (words(got), words(want));
    let common: usize = g
        .iter()
        .map(|(k, n)| (*n).min(*w.get(k).unwrap_or(&0)))
        .sum();
    let (gn, wn): (usize, usize) = (g.values().sum(), w.values().sum());
    if common == 0 {
        return 0.0;
    }
    let (p, r) = (common as f64 / gn as f64, common as f64 / wn as f64);
    2.0 * p * r / (p + r)
}

#[test]
fn held_out_pages_come_in_clean_with_their_title_and_date() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/pages-heldout");
    let (mut ours, mut old) = (0.0, 0.0);
    let (mut titles, mut dates, mut outlets) = (0, 0, 0);
    println!("page              F1 now  F1 old reducer  title  date  outlet");
    for (stem, title, day, outlet) in GOLD {
        let html_src = std::fs::read_to_string(dir.join(format!("{stem}.html"))).expect("page");
        let want = std::fs::read_to_string(dir.join(format!("{stem}.txt"))).expect("gold");
        let page = read_page(&html_src);
        let (a, b) = (f1(&page.text, &want), f1(&html::reduce(&html_src), &want));
        let t = page.title.as_deref() == Some(*title);
        let d = page
            .published
            .as_deref()
            .is_some_and(|p| p.starts_with(day));
        let o = page.outlet.as_deref() == Some(*outlet);
        println!("{stem:<17} {a:>6.3}  {b:>14.3}  {t:<5}  {d:<5} {o}");
        if !t {
            println!("    title {:?}", page.title);
        }
        ours += a;
        old += b;
        titles += usize::from(t);
        dates += usize::from(d);
        outlets += usize::from(o);
    }
    let n = GOLD.len() as f64;
    let (ours, old) = (ours / n, old / n);
    println!(
        "mean F1 {ours:.3} (old reducer {old:.3}); titles {titles}/4, dates {dates}/4, outlets {outlets}/4"
    );
    assert!(ours >= 0.9, "mean body F1 {ours:.3}");
    assert!(
        ours > old + 0.1,
        "clearly better than the whole-page reducer ({old:.3})"
    );
    assert!(titles >= 3 && dates >= 3 && outlets >= 3);
}
