//! `crosscheck stories PATH...`: the stories the articles form (see
//! [`crate::analysis::stories`]) — each story's articles, its time span and the names and words
//! that tie it, the largest story first; in a project, the researcher's merges and splits win.
//! As text, one block per story; with `--json`, one array with one object per story.

use super::figures::load_articles_with_stories;
use crate::analysis::group_stories;
use crate::model::Article;
use serde::Serialize;
use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;

/// One story as `--json` prints it.
#[derive(Serialize)]
struct StoryOut<'a> {
    /// `auto-N` (N its lowest article id) or the researcher's story name.
    key: &'a str,
    label: &'a str,
    by_researcher: bool,
    /// Earliest and latest publication date of its articles.
    start: Option<&'a str>,
    end: Option<&'a str>,
    names: &'a [String],
    words: &'a [String],
    articles: Vec<ArticleOut<'a>>,
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    id: i64,
    path: &'a str,
    title: &'a str,
    published: Option<&'a str>,
}

pub fn run(paths: &[PathBuf], json: bool) -> anyhow::Result<()> {
    let (articles, overrides) = load_articles_with_stories(paths)?;
    let mut stories = group_stories(&articles, &overrides);
    // The largest first, then the earliest.
    stories.sort_by(|a, b| {
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then_with(|| a.start.cmp(&b.start))
            .then_with(|| a.articles[0].cmp(&b.articles[0]))
    });
    let by_id: HashMap<i64, &Article> = articles.iter().map(|a| (a.id, a)).collect();
    let rows: Vec<StoryOut> = stories
        .iter()
        .map(|s| {
            let mut members: Vec<&Article> = s
                .articles
                .iter()
                .filter_map(|id| by_id.get(id).copied())
                .collect();
            members.sort_by(|a, b| a.published.cmp(&b.published).then(a.path.cmp(&b.path)));
            StoryOut {
                key: &s.key,
                label: &s.label,
                by_researcher: s.by_researcher,
                start: s.start.as_deref(),
                end: s.end.as_deref(),
                names: &s.names,
                words: &s.words,
                articles: members
                    .into_iter()
                    .map(|a| ArticleOut {
                        id: a.id,
                        path: &a.path,
                        title: &a.title,
                        published: a.published.as_deref(),
                    })
                    .collect(),
            }
        })
        .collect();
    let mut out = super::output::stdout();
    if json {
        serde_json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
    } else {
        for (k, s) in rows.iter().enumerate() {
            let span = match (s.start, s.end) {
                (Some(a), Some(b)) if a == b => format!(" · {a}"),
                (Some(a), Some(b)) => format!(" · {a} to {b}"),
                _ => String::new(),
            };
            let who = if s.by_researcher {
                format!(" · set by the researcher ({})", s.key)
            } else {
                String::new()
            };
            writeln!(
                out,
                "story {}: {} · {} article{}{span}{who}",
                k + 1,
                s.label,
                s.articles.len(),
                if s.articles.len() == 1 { "" } else { "s" },
            )?;
            if !s.names.is_empty() {
                writeln!(out, "  names: {}", s.names.join(", "))?;
            }
            if !s.words.is_empty() {
                writeln!(out, "  words: {}", s.words.join(", "))?;
            }
            for a in &s.articles {
                writeln!(
                    out,
                    "  {}\t{}\t{}",
                    a.published.unwrap_or("undated"),
                    a.path,
                    a.title
                )?;
            }
        }
    }
    out.flush()?;
    Ok(())
}
