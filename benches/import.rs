//! Import speed: 2,000 generated articles (~2.5 KB each, ~5 MB in all) in nested folders, in
//! the styles the importer meets — plain UTF-8, BOM and CRLF files, windows-1252 files that
//! need detection, and HTML pages — read, decoded, hashed and with metadata detected.
//!
//! Run: `cargo bench --bench import -- --warm-up-time 1 --measurement-time 3`

#[path = "../tests/doc_support/mod.rs"]
mod doc_support;

use criterion::{Criterion, criterion_group, criterion_main};
use crosscheck::corpus::{ImportReport, import_folder};
use std::fs;
use std::hint::black_box;
use std::path::Path;

const ARTICLES: usize = 2_000;
const TARGET_BYTES: usize = 2_500;

/// A small deterministic generator, so every run imports the same corpus.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[(self.next() as usize) % words.len()]
    }
}

const TOWNS: &[&str] = &["Kestrelton", "Varnholm", "Oslavik", "Brennmoor", "Zölfeld"];
const EVENTS: &[&str] = &[
    "bridge collapse",
    "factory fire",
    "ferry grounding",
    "flood",
];
const WORDS: &[&str] = &[
    "officials",
    "said",
    "the",
    "toll",
    "rose",
    "to",
    "at",
    "least",
    "injured",
    "residents",
    "council",
    "river",
    "on",
    "Monday",
    "according",
    "police",
    "more",
    "than",
    "were",
    "detained",
    "rescuers",
    "searched",
    "debris",
    "mayor",
    "Zoë",
    "Lindqvist",
    "confirmed",
    "hospital",
];
const MONTHS: &[&str] = &["January", "March", "June", "September", "November"];

fn article_text(rng: &mut Lcg, i: usize) -> String {
    let town = rng.pick(TOWNS);
    let event = rng.pick(EVENTS);
    let day = 1 + rng.next() % 28;
    let month = rng.pick(MONTHS);
    let mut text = match i % 3 {
        0 => format!(
            "Tuesday {day} {month} 2024 - 12:11\n\n{town} {event}: {i} questions answered\n\nStory Code : {i}\n"
        ),
        1 => format!(
            "All news\nUpdated at:\n\n{town} {event} report number {i}\n\n{}, {month} {day}. /NORDPRESS/. ",
            town.to_uppercase()
        ),
        _ => format!("{town} {event} leaves residents shaken, report {i}\n"),
    };
    while text.len() < TARGET_BYTES {
        let sentence_len = 8 + rng.next() % 14;
        for w in 0..sentence_len {
            if w > 0 {
                text.push(' ');
            }
            text.push_str(rng.pick(WORDS));
        }
        text.push_str(&format!(" {}.", rng.next() % 200));
        text.push(if rng.next().is_multiple_of(4) {
            '\n'
        } else {
            ' '
        });
    }
    text
}

/// Writes the corpus: 20 folders of 100 files; every 10th file CRLF with a BOM, every 25th
/// windows-1252 with a `£`, every 20th an HTML page.
fn generate(root: &Path) -> usize {
    let mut rng = Lcg(0x00C0_FFEE);
    let mut total = 0;
    for i in 0..ARTICLES {
        let folder = root.join(format!("batch-{:02}", i / 100));
        fs::create_dir_all(&folder).expect("create folder");
        let text = article_text(&mut rng, i);
        let (name, bytes) = if i.is_multiple_of(25) {
            let latin: Vec<u8> = text
                .replace("Zoë", "Zoe")
                .replace("Zölfeld", "Zolfeld")
                .replacen(" said ", " said \u{A3}5 ", 1)
                .chars()
                .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
                .collect();
            (format!("{i:04}.txt"), latin)
        } else if i.is_multiple_of(20) {
            let body: String = text
                .split('\n')
                .map(|p| format!("<p>{}</p>\n", p.replace('&', "&amp;")))
                .collect();
            let page = format!(
                "<!DOCTYPE html><html><head><title>t</title><style>p{{}}</style></head><body>{body}</body></html>"
            );
            (format!("{i:04}.html"), page.into_bytes())
        } else if i.is_multiple_of(10) {
            let mut b = b"\xEF\xBB\xBF".to_vec();
            b.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
            (format!("{i:04}.txt"), b)
        } else {
            (format!("{i:04}.txt"), text.into_bytes())
        };
        total += bytes.len();
        fs::write(folder.join(name), bytes).expect("write article");
    }
    total
}

/// Heap held by the imported articles (string buffers plus the structs themselves).
fn heap_bytes(report: &ImportReport) -> usize {
    report.articles.capacity() * std::mem::size_of::<crosscheck::model::Article>()
        + report
            .articles
            .iter()
            .map(|a| {
                a.text.capacity()
                    + a.path.capacity()
                    + a.title.capacity()
                    + a.sha256.capacity()
                    + a.encoding.capacity()
                    + a.outlet.as_ref().map_or(0, String::capacity)
                    + a.published.as_ref().map_or(0, String::capacity)
            })
            .sum::<usize>()
}

fn bench_import(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let bytes = generate(dir.path());
    let report = import_folder(dir.path()).expect("import");
    assert_eq!(report.articles.len(), ARTICLES, "{:?}", report.warnings);
    println!(
        "corpus: {} files, {:.1} MB on disk; imported {} articles holding {:.1} MB of heap; {} warnings (repaired encodings)",
        ARTICLES,
        bytes as f64 / 1e6,
        report.articles.len(),
        heap_bytes(&report) as f64 / 1e6,
        report.warnings.len()
    );
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function("import_folder 2000 articles (~5 MB)", |b| {
        b.iter(|| black_box(import_folder(dir.path()).expect("import")))
    });
    group.finish();
}

/// A saved news page: the article (`paragraphs` of ~400 characters) inside a site's menu of
/// `menu` links, cookie banner, share bars, "most read" list, `comments` comments and footer.
fn news_page(rng: &mut Lcg, paragraphs: usize, menu: usize, comments: usize) -> String {
    let base = include_str!("../tests/data/pages/daily-courier.html");
    let body: String = (0..paragraphs)
        .map(|i| {
            let text = article_text(rng, i).replace('\n', " ");
            let cut = text.char_indices().nth(400).map_or(text.len(), |(b, _)| b);
            format!("<p>{}</p>\n", &text[..cut])
        })
        .collect();
    let menu: String = (0..menu)
        .map(|i| format!("<li><a href=\"/section/{i}\">Section {i}</a></li>"))
        .collect();
    let comments: String = (0..comments)
        .map(|i| {
            format!(
                "<div class=\"comment\"><b>reader{i}</b> I think the toll of {i} is wrong.</div>"
            )
        })
        .collect();
    base.replace("<li><a href=\"/\">Home</a></li>", &menu)
        .replace("<p>Local hospitals", &format!("{body}<p>Local hospitals"))
        .replace(
            "<div class=\"comment\">Terrible news",
            &format!("{comments}<div class=\"comment\">Terrible news"),
        )
}

/// 2,000 saved pages of 50–200 KB (about 250 MB), in folders of 100.
fn generate_pages(root: &Path) -> usize {
    let mut rng = Lcg(0xBEEF);
    let mut total = 0;
    for i in 0..ARTICLES {
        let folder = root.join(format!("site-{:02}", i / 100));
        fs::create_dir_all(&folder).expect("create folder");
        let target = 50_000 + (rng.next() as usize % 150_000);
        // About a third article, two thirds page furniture, as on real news pages.
        let paragraphs = (target / 3 / 420).max(3);
        let comments = target / 3 / 80;
        let page = news_page(&mut rng, paragraphs, 300, comments);
        total += page.len();
        fs::write(folder.join(format!("{i:04}.html")), page).expect("write page");
    }
    total
}

fn bench_pages(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let bytes = generate_pages(dir.path());
    let report = import_folder(dir.path()).expect("import");
    assert_eq!(report.articles.len(), ARTICLES, "{:?}", report.warnings);
    println!(
        "saved pages: {} files, {:.0} MB of HTML on disk",
        ARTICLES,
        bytes as f64 / 1e6
    );
    let mut group = c.benchmark_group("import pages");
    group.sample_size(10);
    group.bench_function("import_folder 2000 saved pages (50-200 KB)", |b| {
        b.iter(|| black_box(import_folder(dir.path()).expect("import")))
    });
    group.finish();
}

fn bench_web_page(c: &mut Criterion) {
    let page = news_page(&mut Lcg(7), 60, 300, 600);
    let read = crosscheck::corpus::page::read_page(&page);
    assert!(read.text.contains("Divers were still searching"));
    assert!(!read.text.contains("reader12"));
    println!(
        "news page: {:.0} KB of HTML, {} characters of article text",
        page.len() as f64 / 1e3,
        read.text.chars().count()
    );
    let mut group = c.benchmark_group("web page");
    group.bench_function("read_page (HTML5 parse + Readability + metadata)", |b| {
        b.iter(|| black_box(crosscheck::corpus::page::read_page(black_box(&page))))
    });
    group.bench_function("html::reduce (the old whole-page reducer)", |b| {
        b.iter(|| black_box(crosscheck::corpus::html::reduce(black_box(&page))))
    });
    group.finish();
}

/// A 200-page PDF report: a running header, 40 lines of text and a page number on each page.
fn bench_pdf(c: &mut Criterion) {
    let mut rng = Lcg(0x0DF);
    let texts: Vec<Vec<String>> = (0..200)
        .map(|_| {
            (0..40)
                .map(|_| {
                    let text = article_text(&mut rng, 2).replace('\n', " ");
                    let cut = text.char_indices().nth(90).map_or(text.len(), |(b, _)| b);
                    text[..cut].to_owned()
                })
                .collect()
        })
        .collect();
    let pages: Vec<Vec<(i32, &str)>> = texts
        .iter()
        .map(|lines| {
            let mut page = vec![(810, "REGIONAL COMMITTEE - ANNUAL REPORT")];
            page.extend(
                lines
                    .iter()
                    .enumerate()
                    .map(|(i, l)| (780 - 18 * i as i32, l.as_str())),
            );
            page.push((30, "Page"));
            page
        })
        .collect();
    let bytes = doc_support::pdf(&pages, &[("Title", "Annual report")]);
    let read = crosscheck::corpus::pdf::read_pdf(&bytes).expect("pdf reads");
    println!(
        "pdf: 200 pages, {:.1} MB, {} characters of text",
        bytes.len() as f64 / 1e6,
        read.text.chars().count()
    );
    let mut group = c.benchmark_group("pdf");
    group.sample_size(10);
    group.bench_function("read_pdf 200 pages", |b| {
        b.iter(|| black_box(crosscheck::corpus::pdf::read_pdf(black_box(&bytes)).expect("pdf")))
    });
    group.finish();
}

/// 2,000 articles as one TREC-style SGML collection file (`<DOC>` with `<DOCNO>`, headline and
/// `<P>` paragraphs), the way research corpora ship newspaper text.
fn bench_collection(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rng = Lcg(0xC0FFEE);
    let sgml: String = (0..ARTICLES)
        .map(|i| {
            let text = article_text(&mut rng, i);
            let (title, body) = text.split_once('\n').unwrap_or(("Untitled", &text));
            let paragraphs: String = body
                .split("\n\n")
                .filter(|p| !p.trim().is_empty())
                .map(|p| format!("<P>\n{}\n</P>\n", p.replace('&', "&amp;").replace('<', "&lt;")))
                .collect();
            format!(
                "<DOC>\n<DOCNO> DOC-{i:05} </DOCNO>\n<HEADLINE> {title} </HEADLINE>\n<TEXT>\n{paragraphs}</TEXT>\n</DOC>\n"
            )
        })
        .collect();
    fs::write(dir.path().join("collection.sgml"), &sgml).expect("write collection");
    let report = import_folder(dir.path()).expect("import");
    assert_eq!(report.articles.len(), ARTICLES, "{:?}", report.warnings);
    println!(
        "collection: one SGML file of {:.1} MB holding {} documents",
        sgml.len() as f64 / 1e6,
        report.articles.len()
    );
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function("import_folder one SGML collection of 2000 documents", |b| {
        b.iter(|| black_box(import_folder(dir.path()).expect("import")))
    });
    group.finish();
}

criterion_group!(
    benches,
    bench_import,
    bench_collection,
    bench_web_page,
    bench_pages,
    bench_pdf
);
criterion_main!(benches);
