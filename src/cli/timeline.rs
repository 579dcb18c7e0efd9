//! `crosscheck timeline PATH...`: for each article, when it speaks, every resolved time
//! expression with its offsets, and every figure with its measure, interval and `as_of`;
//! as text, or one JSON array with one object per article.

use super::figures::load_articles;
use crate::analysis::{
    Figure, FigureOptions, TimeExpr, When, article_anchor, extract_figures, find_times,
};
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;

/// One article as `--json` prints it.
#[derive(Serialize)]
struct ArticleTimeline<'a> {
    article: &'a str,
    title: &'a str,
    published: Option<&'a str>,
    /// When the article speaks: its publication date, else its dateline.
    speaks_at: Option<When>,
    times: Vec<TimeExpr>,
    figures: Vec<Figure>,
}

pub fn run(paths: &[PathBuf], json: bool) -> anyhow::Result<()> {
    let articles = load_articles(paths)?;
    let mut out = super::output::stdout();
    let mut rows = Vec::new();
    for a in &articles {
        let published = a.published.as_deref();
        let anchor = article_anchor(published, &a.text);
        let row = ArticleTimeline {
            article: &a.path,
            title: &a.title,
            published,
            speaks_at: anchor,
            times: find_times(&a.text, anchor),
            figures: extract_figures(&a.text, &FigureOptions::for_published(published)),
        };
        if json {
            rows.push(row);
            continue;
        }
        let at = row.speaks_at.map_or("unknown".to_owned(), |w| w.iso());
        writeln!(out, "{}\tspeaks at {at}\t{}", row.article, row.title)?;
        for t in &row.times {
            writeln!(
                out,
                "  time\t{}-{}\t{}\t\"{}\"\t{}",
                t.start,
                t.end,
                serde_json::to_value(t.kind)?.as_str().unwrap_or(""),
                t.text,
                t.when.iso()
            )?;
        }
        for f in &row.figures {
            writeln!(
                out,
                "  figure\t{}-{}\t{}\t\"{}\"\t{}\tas of {}",
                f.start,
                f.end,
                f.measure.as_str(),
                f.text,
                f.interval_string(),
                f.as_of.map_or("unknown".to_owned(), |w| w.iso())
            )?;
        }
    }
    if json {
        serde_json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(())
}
