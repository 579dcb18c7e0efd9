//! `crosscheck figures PATH...`: every figure found in folders, files, or `-` (standard
//! input as one article), as text lines or one JSON array.

use crate::analysis::{Figure, FigureOptions, extract_figures};
use crate::corpus;
use crate::model::{Article, ArticleId};
use crate::store::Store;
use anyhow::Context;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// One figure as `--json` prints it: the article it came from, then the figure's fields.
#[derive(Serialize)]
struct FigureRow<'a> {
    article: &'a str,
    #[serde(flatten)]
    figure: &'a Figure,
}

pub fn run(paths: &[PathBuf], json: bool) -> anyhow::Result<()> {
    let articles = load_articles(paths)?;
    let mut out = super::output::stdout();
    let mut rows_json = Vec::new();
    for article in &articles {
        let opts = FigureOptions::for_published(article.published.as_deref());
        let figures = extract_figures(&article.text, &opts);
        for f in &figures {
            if json {
                rows_json.push(serde_json::to_value(FigureRow {
                    article: &article.path,
                    figure: f,
                })?);
            } else {
                writeln!(out, "{}", text_line(&article.path, f))?;
            }
        }
    }
    if json {
        serde_json::to_writer_pretty(&mut out, &rows_json)?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(())
}

/// `file.txt:120-132  killed  "at least 139"  [139, ∞)  people  scope: in the north  (TASS)`;
/// a number loose by its precision adds what it may mean after its interval: `loosely:
/// [4150000, 4250000]` for `$4.2 million`, `[36, 44]` for `about 40`, `[20, 30]` for `between 20
/// and 30` (stated open by convention).
pub(super) fn text_line(article: &str, f: &Figure) -> String {
    let mut line = format!(
        "{article}:{}-{}\t{}\t\"{}\"\t{}",
        f.start,
        f.end,
        f.measure.as_str(),
        f.text,
        f.interval_string()
    );
    if let Some(u) = &f.unit {
        line.push_str(&format!("\t{u}"));
    }
    if let Some(r) = f.rounding {
        line.push_str(&format!(
            "\tloosely: [{}, {}]",
            crate::analysis::fmt_number(r[0]),
            crate::analysis::fmt_number(r[1])
        ));
    }
    if let Some(c) = &f.counted {
        line.push_str(&format!("\t{c}"));
    }
    if !f.scope.is_empty() {
        let words: Vec<&str> = f.scope.iter().map(|s| s.text.as_str()).collect();
        line.push_str(&format!("\tscope: {}", words.join(", ")));
    }
    if let Some(c) = &f.converts {
        line.push_str(&format!("\tconverts {c}"));
    }
    if let Some(a) = &f.attribution {
        line.push_str(&format!("\t(according to {a})"));
    }
    if let Some(w) = &f.as_of {
        line.push_str(&format!("\tas of {}", w.iso()));
    }
    line
}

/// Reads the articles named on the command line: folders and files through the corpus
/// importer (one warning per skipped or repaired file on stderr), project files through the
/// store (read-only), `-` as one article from standard input. Articles are renumbered from 1
/// in the order given, so several sources never share an id.
pub(super) fn load_articles(paths: &[PathBuf]) -> anyhow::Result<Vec<Article>> {
    Ok(load_articles_with_stories(paths)?.0)
}

/// The articles of `paths`, numbered from 1 in order, and the researcher's stories of those
/// that came from projects (keyed by the new numbers; story names are kept apart per project).
pub(super) fn load_articles_with_stories(
    paths: &[PathBuf],
) -> anyhow::Result<(Vec<Article>, BTreeMap<ArticleId, String>)> {
    let mut articles = Vec::new();
    let mut stories: Vec<(usize, String)> = Vec::new();
    for (p, path) in paths.iter().enumerate() {
        if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .context("reading standard input")?;
            take(&mut articles, corpus::article_from_bytes("-", &bytes));
        } else if path.is_file() && is_project(path)? {
            let (_store, project) = Store::open_read_only(path)
                .with_context(|| format!("cannot read project {}", path.display()))?;
            for a in project.articles() {
                if let Some(story) = project.story_overrides().get(&a.id) {
                    stories.push((articles.len(), format!("{p}:{story}")));
                }
                articles.push(a.clone());
            }
        } else {
            let report = corpus::import_path(path, &corpus::ImportOptions::default())
                .with_context(|| format!("cannot import {}", path.display()))?;
            take(&mut articles, report);
        }
    }
    for (i, a) in articles.iter_mut().enumerate() {
        a.id = i as i64 + 1;
    }
    let stories = stories
        .into_iter()
        .map(|(i, s)| (i as ArticleId + 1, s))
        .collect();
    Ok((articles, stories))
}

fn take(articles: &mut Vec<Article>, report: corpus::ImportReport) {
    for warning in &report.warnings {
        eprintln!("crosscheck: warning: {warning}");
    }
    articles.extend(report.articles);
}

/// True for an SQLite file (a project, or someone else's database the store will refuse).
fn is_project(path: &Path) -> anyhow::Result<bool> {
    let mut head = [0u8; 16];
    let mut f =
        std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let n = f
        .read(&mut head)
        .with_context(|| format!("cannot read {}", path.display()))?;
    Ok(n == 16 && &head == b"SQLite format 3\0")
}
