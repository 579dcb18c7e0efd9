//! Figure extraction throughput (MB/s on generated news text) and conflict suggestion time for
//! 2,000 generated articles. Corpora are generated deterministically in code.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use crosscheck::analysis::{Figure, FigureOptions, extract_figures, suggest_conflicts};
use crosscheck::model::Article;
use std::hint::black_box;

/// A small deterministic generator (xorshift), so runs compare.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const PLAIN: &[&str] = &[
    "The ambassador said cooperation against terrorism had been destroyed through no fault of Moscow.",
    "Investigators are still working to establish who organised the attack on the concert hall.",
    "“We are ready to work with our partners,” the diplomat stressed, according to the agency.",
    "The White House condemned the attack and offered condolences to the families of the victims.",
    "Officials declined to comment on reports that warnings had been passed on in advance.",
    "On the evening of March 22, gunmen stormed the venue in Krasnogorsk, Moscow Region.",
    "Russia’s president vowed in a televised address to punish all those behind the attack.",
];

fn figure_sentence(r: &mut Rng) -> String {
    let n = r.next() % 400 + 2;
    match r.next() % 8 {
        0 => format!(
            "At least {n} people were killed and {} suffered injuries.",
            n + 40
        ),
        1 => format!("The death toll rose to {n}, the Investigative Committee said."),
        2 => format!(
            "Police detained {} suspects, including four gunmen, according to TASS.",
            n % 20 + 1
        ),
        3 => format!(
            "The damage is estimated at about ${}.{} billion.",
            n % 9 + 1,
            n % 10
        ),
        4 => format!("Turnout was {}.{}% in the capital in 2024.", n % 90, n % 10),
        5 => "The 9/11 attacks in 2001 claimed the lives of 2,997 people.".to_owned(),
        6 => format!(
            "Nearly {} residents were evacuated from {} villages.",
            n * 10,
            n % 30 + 2
        ),
        _ => "Eleven individuals have been apprehended, and over 130 casualties were reported."
            .to_owned(),
    }
}

fn article_text(r: &mut Rng, sentences: usize) -> String {
    let mut s = String::new();
    for i in 0..sentences {
        if r.next().is_multiple_of(4) {
            s.push_str(&figure_sentence(r));
        } else {
            s.push_str(r.pick(PLAIN));
        }
        s.push(if i % 6 == 5 { '\n' } else { ' ' });
    }
    s
}

fn extraction(c: &mut Criterion) {
    let mut r = Rng(0x9e37_79b9_7f4a_7c15);
    let text = article_text(&mut r, 20_000); // about 1.7 MB
    let opts = FigureOptions::default();
    let mut g = c.benchmark_group("extract_figures");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("news_text", |b| {
        b.iter(|| extract_figures(black_box(&text), &opts))
    });
    // The same text with no full stop and no line break: one run-on "paragraph" as a PDF
    // table or a flattened page can give. It must cost what the punctuated text costs.
    let run_on = text.replace(['.', '\n'], ",");
    g.throughput(Throughput::Bytes(run_on.len() as u64));
    g.bench_function("one_run_on_paragraph", |b| {
        b.iter(|| extract_figures(black_box(&run_on), &opts))
    });
    g.finish();
}

/// Sentences a corpus about one story repeats with competing figures.
const STORY: &[&str] = &[
    "At least 139 people were killed in the attack.",
    "The death toll rose to 133, the Investigative Committee said.",
    "The death toll rose to 137 on Sunday.",
    "The attack resulted in the deaths of over 100 people.",
    "Officials said 143 people had died.",
    "Nearly 150 people were killed, according to local media.",
    "A further 182 people suffered injuries.",
    "More than 100 people were wounded.",
    "Doctors said 145 people were injured.",
    "Police detained 11 suspects, including four gunmen.",
    "Seven people were arrested on Saturday.",
    "The assault resulted in over 130 casualties.",
    "Damage is estimated at $1.5 billion.",
    "Damage is estimated at about $2 billion.",
    "Turnout was 35.7% in the capital.",
    "Turnout was 41% in the capital.",
];

fn story_text(r: &mut Rng, sentences: usize) -> String {
    let mut s = String::new();
    for _ in 0..sentences {
        s.push_str(if r.next().is_multiple_of(5) {
            r.pick(STORY)
        } else {
            r.pick(PLAIN)
        });
        s.push(' ');
    }
    s
}

fn conflicts(c: &mut Criterion) {
    let mut r = Rng(42);
    let opts = FigureOptions::default();
    let articles: Vec<Article> = (0..2000)
        .map(|i| Article {
            id: i + 1,
            path: format!("{i:04}.txt"),
            title: String::new(),
            outlet: None,
            published: Some(format!("2024-03-{:02}", 22 + r.next() % 7)),
            text: story_text(&mut r, 30),
            sha256: String::new(),
            encoding: "UTF-8".to_owned(),
            author: None,
            url: None,
        })
        .collect();
    let figures: Vec<Vec<Figure>> = articles
        .iter()
        .map(|a| extract_figures(&a.text, &opts))
        .collect();
    let pairs: Vec<(&Article, &[Figure])> = articles
        .iter()
        .zip(&figures)
        .map(|(a, f)| (a, f.as_slice()))
        .collect();
    let n: usize = figures.iter().map(Vec::len).sum();
    let found = suggest_conflicts(&pairs).len();
    eprintln!("conflicts bench: 2000 articles, {n} figures, {found} suggestions");
    let mut g = c.benchmark_group("suggest_conflicts");
    g.sample_size(10);
    g.bench_function("2000_articles", |b| {
        b.iter(|| suggest_conflicts(black_box(&pairs)))
    });
    g.finish();
}

criterion_group!(benches, extraction, conflicts);
criterion_main!(benches);
