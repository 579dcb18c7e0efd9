//! `crosscheck figures PATH...`: every figure found in folders, files, or `-` (standard
//! input as one article), as text lines or one JSON array.

use crate::analysis::{Figure, FigureOptions, extract_figures};
use crate::model::Article;
use anyhow::{Context, bail};
use serde::Serialize;
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
    let opts = FigureOptions::default();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut rows_json = Vec::new();
    for article in &articles {
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

/// `file.txt:120-132  killed  "at least 139"  [139, ∞)  people  (TASS)`
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
    if let Some(c) = &f.counted {
        line.push_str(&format!("\t{c}"));
    }
    if let Some(a) = &f.attribution {
        line.push_str(&format!("\t(according to {a})"));
    }
    line
}

/// Reads the articles named on the command line, numbered from 1 in the order given
/// (folders sorted by path).
// TODO(corpus): replace this private reader with `crate::corpus::import_folder` /
// `import_file` / `article_from_bytes` once the corpus module lands on main (decoding,
// normalisation, title and date detection live there). Projects need the store module.
pub(super) fn load_articles(paths: &[PathBuf]) -> anyhow::Result<Vec<Article>> {
    let mut articles = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .context("reading standard input")?;
            articles.push(article("-", &bytes));
        } else if path.is_dir() {
            let mut files: Vec<PathBuf> = walkdir::WalkDir::new(path)
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
                .map(|e| e.into_path())
                .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("txt")))
                .collect();
            files.sort();
            for file in files {
                match std::fs::read(&file) {
                    Ok(bytes) => {
                        let rel = file.strip_prefix(path).unwrap_or(&file);
                        articles.push(article(&rel.to_string_lossy().replace('\\', "/"), &bytes));
                    }
                    Err(e) => eprintln!("crosscheck: warning: skipped {}: {e}", file.display()),
                }
            }
        } else {
            let bytes =
                std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
            if is_project(&bytes) {
                bail!(
                    "{}: project files are not supported yet by this command; pass the folder of articles",
                    path.display()
                );
            }
            articles.push(article(&path.to_string_lossy(), &bytes));
        }
    }
    for (i, a) in articles.iter_mut().enumerate() {
        a.id = i as i64 + 1;
    }
    Ok(articles)
}

fn is_project(bytes: &[u8]) -> bool {
    bytes.starts_with(b"SQLite format 3\0")
}

fn article(path: &str, bytes: &[u8]) -> Article {
    let text = String::from_utf8_lossy(bytes).replace("\r\n", "\n");
    Article {
        id: 0,
        path: path.to_owned(),
        title: Path::new(path)
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned()),
        outlet: None,
        published: None,
        text,
        sha256: String::new(),
        encoding: "UTF-8".to_owned(),
    }
}
