//! `crosscheck info PROJECT [--json]`: what a project holds — schema version, counts of
//! articles, claims, links and categories, and each article with its title, date, outlet and
//! length in characters.
//!
//! It opens the file read-only and without its lock, so it works while a window has the
//! project open, and never changes the file.

use crate::model::Project;
use crate::store::Store;
use anyhow::Context;
use serde::Serialize;
use std::io::Write;
use std::path::Path;

/// What `--json` prints: one object.
#[derive(Serialize)]
struct Info<'a> {
    path: String,
    schema_version: i64,
    articles: usize,
    claims: usize,
    links: usize,
    categories: usize,
    article_list: Vec<ArticleInfo<'a>>,
}

#[derive(Serialize)]
struct ArticleInfo<'a> {
    id: i64,
    path: &'a str,
    title: &'a str,
    published: Option<&'a str>,
    outlet: Option<&'a str>,
    author: Option<&'a str>,
    url: Option<&'a str>,
    /// Length of the text in characters (the unit of every offset).
    chars: usize,
    claims: usize,
}

pub fn run(path: &Path, json: bool) -> anyhow::Result<()> {
    let (store, project) =
        Store::open_read_only(path).with_context(|| format!("cannot read {}", path.display()))?;
    let info = collect(path, store.schema_version(), &project);
    let mut out = super::output::stdout();
    if json {
        serde_json::to_writer_pretty(&mut out, &info)?;
        writeln!(out)?;
    } else {
        write_text(&mut out, &info)?;
    }
    out.flush()?;
    Ok(())
}

fn collect<'a>(path: &Path, schema_version: i64, project: &'a Project) -> Info<'a> {
    Info {
        path: path.display().to_string(),
        schema_version,
        articles: project.articles().len(),
        claims: project.claims().len(),
        links: project.links().len(),
        categories: project.categories().len(),
        article_list: project
            .articles()
            .iter()
            .map(|a| ArticleInfo {
                id: a.id,
                path: &a.path,
                title: &a.title,
                published: a.published.as_deref(),
                outlet: a.outlet.as_deref(),
                author: a.author.as_deref(),
                url: a.url.as_deref(),
                chars: a.char_len(),
                claims: project.claims_in(a.id).count(),
            })
            .collect(),
    }
}

fn write_text(out: &mut impl Write, info: &Info<'_>) -> std::io::Result<()> {
    writeln!(out, "{}", info.path)?;
    writeln!(out, "schema version  {}", info.schema_version)?;
    writeln!(out, "articles        {}", info.articles)?;
    writeln!(out, "claims          {}", info.claims)?;
    writeln!(out, "links           {}", info.links)?;
    writeln!(out, "categories      {}", info.categories)?;
    if info.article_list.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    let outlet_width = info
        .article_list
        .iter()
        .map(|a| a.outlet.map_or(1, |o| o.chars().count()))
        .max()
        .unwrap_or(1)
        .clamp(6, 24);
    let date_width = info
        .article_list
        .iter()
        .map(|a| a.published.map_or(1, str::len))
        .max()
        .unwrap_or(1)
        .max(9);
    writeln!(
        out,
        "{:>4}  {:<date_width$}  {:<outlet_width$}  {:>8}  {:>6}  title",
        "id", "published", "outlet", "chars", "claims"
    )?;
    for a in &info.article_list {
        writeln!(
            out,
            "{:>4}  {:<date_width$}  {:<outlet_width$}  {:>8}  {:>6}  {}",
            a.id,
            a.published.unwrap_or("-"),
            truncate(a.outlet.unwrap_or("-"), outlet_width),
            a.chars,
            a.claims,
            a.title
        )?;
    }
    Ok(())
}

/// At most `width` characters, with an ellipsis when cut.
fn truncate(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(width.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_outlets_are_cut_by_characters_with_an_ellipsis() {
        assert_eq!(truncate("Süddeutsche Zeitung", 8), "Süddeut…");
        assert_eq!(truncate("AP", 8), "AP");
    }
}
