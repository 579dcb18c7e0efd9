//! The development set for text reuse (issue 23), measured: macro F1 over the classes
//! `wholly`, `partially` and `independent`, on a tuning part and an untouched part.
//!
//! Built from real multi-outlet news (BASIL: one event told by Fox News, The New York Times and
//! HuffPost, written independently), read from a folder given on the command line (it is not
//! in this repository; its texts belong to their publishers):
//!
//! - `independent`: the two other outlets' stories of the event, against the first outlet's;
//! - `wholly` derived: the first outlet's story reprinted with edits — sentences cut, words
//!   changed, paragraphs moved, a new opening sentence — at a rate drawn per item;
//! - `partially` derived: the second outlet's story with a part of the first's sentences
//!   worked in (lightly edited), as a paper rewrites wire copy and adds its own reporting.
//!
//! All texts of the events of one part go into one folder, as the held-out corpus will, and the
//! class read is the one of (derived text, first outlet's story). Events of 2010–2015 are the
//! tuning part; 2016–2019 are untouched (looked at once the thresholds were set).
//!
//! `cargo run --release --example reuse_dev -- /path/to/basil`

use crosscheck::analysis::reuse::{Class, find_reuse};
use crosscheck::model::Article;
use std::path::Path;

#[path = "reuse_score/mod.rs"]
mod score;

/// A small deterministic generator (xorshift64*), seeded per event.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn body(path: &Path) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    // Title, date, blank line, then the body.
    Some(text.lines().skip(3).collect::<Vec<_>>().join("\n"))
}

fn sentences(paragraph: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for w in paragraph.split(' ') {
        cur.push_str(w);
        cur.push(' ');
        if w.ends_with(['.', '?', '!']) && w.len() > 3 {
            out.push(cur.trim().to_owned());
            cur.clear();
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_owned());
    }
    out
}

/// Changes words of `s` at `rate`: replaced by a word of `pool`, dropped, or a word inserted.
fn edit_sentence(s: &str, rate: f64, pool: &[&str], rng: &mut Rng) -> String {
    let mut out: Vec<String> = Vec::new();
    for w in s.split(' ') {
        let r = rng.unit();
        if r < rate * 0.6 && !pool.is_empty() {
            out.push(pool[rng.below(pool.len())].to_owned());
        } else if r < rate * 0.8 {
            continue;
        } else if r < rate && !pool.is_empty() {
            out.push(w.to_owned());
            out.push(pool[rng.below(pool.len())].to_owned());
        } else {
            out.push(w.to_owned());
        }
    }
    out.join(" ")
}

/// A reprint of `src`: cuts, word edits, a paragraph moved, a new first sentence.
fn reprint(src: &str, other: &str, rng: &mut Rng) -> String {
    let pool: Vec<&str> = other.split_whitespace().collect();
    let rate = 0.02 + rng.unit() * 0.18;
    let cut = rng.unit() * 0.35;
    let mut paras: Vec<String> = src
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .filter_map(|p| {
            let kept: Vec<String> = sentences(p)
                .into_iter()
                .filter_map(|s| (rng.unit() >= cut).then(|| edit_sentence(&s, rate, &pool, rng)))
                .collect();
            (!kept.is_empty()).then(|| kept.join(" "))
        })
        .collect();
    if paras.len() > 3 && rng.unit() < 0.5 {
        let i = 1 + rng.below(paras.len() - 2);
        paras.swap(i, i + 1);
    }
    if rng.unit() < 0.5
        && let Some(first) = other
            .split("\n\n")
            .next()
            .and_then(|p| sentences(p).into_iter().next())
    {
        paras.insert(0, first);
    }
    paras.join("\n\n")
}

/// A rewrite: `own` with a share of `src`'s sentences worked in.
fn rewrite(src: &str, own: &str, rng: &mut Rng) -> String {
    let pool: Vec<&str> = own.split_whitespace().collect();
    let rate = rng.unit() * 0.12;
    let take = 0.25 + rng.unit() * 0.4;
    let borrowed: Vec<String> = src
        .split("\n\n")
        .flat_map(sentences)
        .filter_map(|s| (rng.unit() < take).then(|| edit_sentence(&s, rate, &pool, rng)))
        .collect();
    let mut paras: Vec<String> = own
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(str::to_owned)
        .collect();
    // The paper keeps about as much of its own as it borrows, or more.
    let keep = (paras.len() as f64 * (0.5 + rng.unit() * 0.5)).ceil() as usize;
    paras.truncate(keep.max(1));
    for (k, s) in borrowed.into_iter().enumerate() {
        let at = if k == 0 {
            0
        } else {
            rng.below(paras.len() + 1)
        };
        paras.insert(at, s);
    }
    paras.join("\n\n")
}

fn add(articles: &mut Vec<Article>, path: String, text: String) -> usize {
    let id = articles.len() as i64 + 1;
    articles.push(Article::in_memory(id, path.clone(), path, text));
    articles.len() - 1
}

struct Item {
    derived: usize,
    source: usize,
    truth: Class,
}

fn evaluate(name: &str, events: &[std::path::PathBuf]) {
    let mut articles: Vec<Article> = Vec::new();
    let mut items = Vec::new();
    for dir in events {
        let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
            .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.sort();
        let texts: Vec<String> = files.iter().filter_map(|f| body(f)).collect();
        if texts.len() != 3 {
            continue;
        }
        let seed = dir
            .to_string_lossy()
            .bytes()
            .fold(0x9e37_79b9_7f4a_7c15_u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
            });
        let mut rng = Rng(seed | 1);
        let tag = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let src = add(&mut articles, format!("{tag}/source"), texts[0].clone());
        let y = add(&mut articles, format!("{tag}/second"), texts[1].clone());
        let z = add(&mut articles, format!("{tag}/third"), texts[2].clone());
        let w = reprint(&texts[0], &texts[1], &mut rng);
        let w = add(&mut articles, format!("{tag}/reprint"), w);
        let p = rewrite(&texts[0], &texts[2], &mut rng);
        let p = add(&mut articles, format!("{tag}/rewrite"), p);
        for (d, truth) in [
            (y, Class::Independent),
            (z, Class::Independent),
            (w, Class::Wholly),
            (p, Class::Partially),
        ] {
            items.push(Item {
                derived: d,
                source: src,
                truth,
            });
        }
    }
    let t = std::time::Instant::now();
    let reuse = find_reuse(&articles);
    let took = t.elapsed();
    let mut scored = Vec::new();
    for it in &items {
        let (d, s) = (articles[it.derived].id, articles[it.source].id);
        let view = reuse.pairs_of(d).into_iter().find(|v| v.other == s);
        let (found, share) = view.map_or((Class::Independent, 0.0), |v| (v.class, v.share));
        scored.push(score::Scored {
            truth: it.truth,
            found,
            share,
        });
    }
    println!(
        "{name}: {} articles, {} labelled pairs, found in {took:.2?}",
        articles.len(),
        items.len()
    );
    score::print(
        &scored,
        &[Class::Wholly, Class::Partially, Class::Independent],
    );
    println!("  families {}", reuse.families.len());
}

fn main() {
    let root = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/work/shared/dev/basil".to_owned());
    let mut events: Vec<std::path::PathBuf> = match std::fs::read_dir(&root) {
        Ok(r) => r
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_dir())
            .collect(),
        Err(e) => {
            eprintln!("reuse_dev: cannot read {root}: {e}; pass the BASIL folder as the argument");
            std::process::exit(1);
        }
    };
    events.sort();
    let year = |p: &std::path::PathBuf| {
        p.file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.get(..4))
            .and_then(|y| y.parse::<u32>().ok())
            .unwrap_or(0)
    };
    let (tuning, untouched): (Vec<_>, Vec<_>) = events.into_iter().partition(|p| year(p) <= 2015);
    evaluate("tuning (2010-2015)", &tuning);
    if std::env::args().any(|a| a == "--untouched") {
        evaluate("untouched (2016-2019)", &untouched);
    }
}
