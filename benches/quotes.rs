//! Quote detection and grouping over 2,000 generated articles (~3 KB each), each quoting a
//! few of 300 invented statements in one of several renderings (reordered, trimmed, with a
//! changed number), among sentences of plain reporting.
//!
//! Run: `cargo bench --bench quotes`

use criterion::{Criterion, criterion_group, criterion_main};
use crosscheck::analysis::quotes::quote_groups;
use crosscheck::model::Article;
use std::hint::black_box;

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

const WORDS: &[&str] = &[
    "rescuers",
    "searched",
    "river",
    "bridge",
    "council",
    "families",
    "hospital",
    "injured",
    "officials",
    "confirmed",
    "missing",
    "divers",
    "boats",
    "night",
    "morning",
    "road",
    "closed",
    "traffic",
    "engineers",
    "inspection",
    "report",
    "ministry",
    "police",
    "town",
];
const NAMES: &[&str] = &[
    "Marta Lindqvist",
    "Anja Berg",
    "Tom Okafor",
    "Lina Havel",
    "Kofi Mensah",
];

/// Statement `n`: common reporting words mixed with words only it uses, as real statements
/// about one event share vocabulary but not sentences.
fn statement(n: usize) -> Vec<String> {
    let mut s = Lcg(n as u64 * 7919 + 1);
    let len = 10 + (s.next() % 12) as usize;
    (0..len)
        .map(|i| {
            if s.next() % 5 < 2 {
                WORDS[(s.next() as usize) % WORDS.len()].to_owned()
            } else {
                format!("{}{n}x{i}", WORDS[(s.next() as usize) % WORDS.len()])
            }
        })
        .collect()
}

fn article(r: &mut Lcg, id: i64) -> Article {
    let mut text = format!("Report {id}\n\n");
    while text.len() < 3_000 {
        let k = (r.next() % 300) as usize;
        let mut words = statement(k);
        match r.next() % 4 {
            0 => words.reverse(),
            1 => words.truncate(words.len() * 2 / 3),
            _ => {}
        }
        let speaker = NAMES[k % NAMES.len()];
        let number = 10 + (r.next() % 3);
        text.push_str(&format!(
            "“{} {number} {},” {speaker} said. ",
            words[..words.len() / 2].join(" "),
            words[words.len() / 2..].join(" ")
        ));
        for _ in 0..3 {
            let w: Vec<&str> = (0..14)
                .map(|_| WORDS[(r.next() as usize) % WORDS.len()])
                .collect();
            text.push_str(&format!("The {} {}. ", w.join(" "), r.next() % 500));
        }
        text.push_str("\n\n");
    }
    Article::in_memory(id, format!("{id:04}.txt"), format!("Report {id}"), text)
}

fn bench_quotes(c: &mut Criterion) {
    let mut r = Lcg(42);
    let articles: Vec<Article> = (1..=2_000).map(|id| article(&mut r, id)).collect();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let groups = quote_groups(&articles);
    println!(
        "{} articles, {:.1} MB: {} quote groups, the largest with {} variants",
        articles.len(),
        bytes as f64 / 1e6,
        groups.len(),
        groups.iter().map(|g| g.variants.len()).max().unwrap_or(0)
    );
    let mut g = c.benchmark_group("quotes");
    g.sample_size(10);
    g.bench_function("find and group quotes in 2000 articles", |b| {
        b.iter(|| black_box(quote_groups(black_box(&articles))))
    });
    g.finish();
}

criterion_group!(benches, bench_quotes);
criterion_main!(benches);
