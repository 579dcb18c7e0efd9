//! `crosscheck conflicts PATH...`: the figures across articles that look like they conflict,
//! one line per suggestion or one JSON array.

use super::figures::load_articles;
use crate::analysis::{FigureOptions, extract_figures, suggest_conflicts};
use std::io::Write;
use std::path::PathBuf;

pub fn run(paths: &[PathBuf], json: bool) -> anyhow::Result<()> {
    let articles = load_articles(paths)?;
    let figures: Vec<_> = articles
        .iter()
        .map(|a| {
            extract_figures(
                &a.text,
                &FigureOptions::for_published(a.published.as_deref()),
            )
        })
        .collect();
    let pairs: Vec<_> = articles
        .iter()
        .zip(&figures)
        .map(|(a, f)| (a, f.as_slice()))
        .collect();
    let suggestions = suggest_conflicts(&pairs);
    let mut out = super::output::stdout();
    if json {
        serde_json::to_writer_pretty(&mut out, &suggestions)?;
        writeln!(out)?;
    } else {
        for s in &suggestions {
            writeln!(
                out,
                "{}\t{}\t{}",
                s.kind.as_str(),
                s.measure.as_str(),
                s.reason
            )?;
        }
    }
    out.flush()?;
    Ok(())
}
