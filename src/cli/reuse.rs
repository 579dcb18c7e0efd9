//! `crosscheck reuse PATH...`: which articles copy or rewrite which (see
//! [`crate::analysis::reuse`]). Per article, each other article it shares text with: the share
//! of its words in shared passages, the class (`wholly`, `partially` derived, `independent`),
//! the likely direction and the passages; then the families of articles that descend from one
//! text, and the independent sources behind each figure several articles of one story report.
//!
//! With `--json`, one array of objects tagged by `kind`: `article` (one per article, folder
//! order), `family`, then `figure` (most outlets first).

use super::figures::load_articles_with_stories;
use crate::analysis::reuse::{Class, FigureSources, Reuse, direction::Evidence, figure_sources};
use crate::analysis::{article_figures, find_reuse, group_stories};
use crate::model::{Article, ArticleId};
use serde::Serialize;
use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Entry<'a> {
    Article(ArticleOut<'a>),
    Family(FamilyOut<'a>),
    Figure(FigureOut<'a>),
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    id: ArticleId,
    path: &'a str,
    title: &'a str,
    outlet: Option<&'a str>,
    published: Option<&'a str>,
    words: usize,
    /// Share of its words in passages shared with articles not known to derive from it.
    share: f64,
    /// How much of it derives from one other article (its strongest pair).
    class: Class,
    /// The path of the article it derives from most, when it derives from one.
    derived_from: Option<&'a str>,
    wire: Option<&'a str>,
    family: Option<usize>,
    shares: Vec<ShareOut<'a>>,
}

#[derive(Serialize)]
struct ShareOut<'a> {
    other: ArticleId,
    other_path: &'a str,
    /// Share of this article's words in passages shared with `other`.
    share: f64,
    other_share: f64,
    /// How much of this article derives from `other`.
    class: Class,
    /// `from_other` (the other is the likely source), `to_other` (this one is), or null.
    direction: Option<&'static str>,
    evidence: Option<Evidence>,
    passages: Vec<crate::analysis::reuse::Passage>,
}

#[derive(Serialize)]
struct FamilyOut<'a> {
    family: usize,
    articles: Vec<&'a str>,
    source: Option<&'a str>,
    wire: Option<&'a str>,
}

#[derive(Serialize)]
struct FigureOut<'a> {
    measure: &'static str,
    figure: &'a str,
    outlets: usize,
    independent: usize,
    /// The reporting articles grouped by independent source.
    sources: Vec<Vec<&'a str>>,
}

pub fn run(paths: &[PathBuf], json: bool) -> anyhow::Result<()> {
    let (articles, overrides) = load_articles_with_stories(paths)?;
    let reuse = find_reuse(&articles);
    let figures = article_figures(&articles);
    let pairs: Vec<_> = articles
        .iter()
        .zip(&figures)
        .map(|(a, f)| (a, f.as_slice()))
        .collect();
    // A figure is the same figure only within one story (one event).
    let story_of = crate::analysis::stories::story_keys(&group_stories(&articles, &overrides));
    let sources = figure_sources(&pairs, &reuse, &story_of);
    let entries = entries(&articles, &reuse, &sources);
    let mut out = super::output::stdout();
    if json {
        serde_json::to_writer_pretty(&mut out, &entries)?;
        writeln!(out)?;
    } else {
        write_text(&mut out, &entries)?;
    }
    out.flush()?;
    Ok(())
}

fn entries<'a>(
    articles: &'a [Article],
    reuse: &'a Reuse,
    sources: &'a [FigureSources],
) -> Vec<Entry<'a>> {
    let by_id: HashMap<ArticleId, &Article> = articles.iter().map(|a| (a.id, a)).collect();
    let path = |id: ArticleId| by_id.get(&id).map_or("?", |a| a.path.as_str());
    let mut out = Vec::new();
    for (a, r) in articles.iter().zip(&reuse.articles) {
        let shares = reuse
            .pairs_of(a.id)
            .into_iter()
            .map(|v| ShareOut {
                other: v.other,
                other_path: path(v.other),
                share: round(v.share),
                other_share: round(v.other_share),
                class: v.class,
                direction: v
                    .is_source
                    .map(|s| if s { "to_other" } else { "from_other" }),
                evidence: v.evidence,
                passages: v.passages,
            })
            .collect();
        out.push(Entry::Article(ArticleOut {
            id: a.id,
            path: &a.path,
            title: &a.title,
            outlet: a.outlet.as_deref(),
            published: a.published.as_deref(),
            words: r.words,
            share: round(r.share),
            class: r.class,
            derived_from: r.derived_from.map(path),
            wire: r.wire,
            family: r.family.map(|f| f + 1),
            shares,
        }));
    }
    for (k, f) in reuse.families.iter().enumerate() {
        out.push(Entry::Family(FamilyOut {
            family: k + 1,
            articles: f.articles.iter().map(|&id| path(id)).collect(),
            source: f.source.map(path),
            wire: f.wire,
        }));
    }
    for s in sources {
        out.push(Entry::Figure(FigureOut {
            measure: s.measure.as_str(),
            figure: &s.label,
            outlets: s.outlets,
            independent: s.independent,
            sources: s
                .sources
                .iter()
                .map(|ids| ids.iter().map(|&id| path(id)).collect())
                .collect(),
        }));
    }
    out
}

/// Shares to three decimals: enough to read, stable across platforms.
fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

fn write_text(out: &mut impl Write, entries: &[Entry<'_>]) -> anyhow::Result<()> {
    let mut figures_title = false;
    let mut families_title = false;
    for e in entries {
        match e {
            Entry::Article(a) => {
                let wire = a
                    .wire
                    .map(|w| format!(" · credit: {w}"))
                    .unwrap_or_default();
                let what = match a.class {
                    Class::Independent if a.shares.is_empty() => {
                        "shares no passage with the others".to_owned()
                    }
                    Class::Independent => format!(
                        "independent ({} of its words in shared passages)",
                        pct(a.share)
                    ),
                    c => format!(
                        "{} derived from {} ({} of its words in shared passages)",
                        c.as_str(),
                        a.derived_from.unwrap_or("?"),
                        pct(a.share)
                    ),
                };
                writeln!(out, "{}: {what}{wire}", a.path)?;
                for s in &a.shares {
                    let dir = match s.direction {
                        Some("from_other") => format!(
                            "\tfrom it ({} {})",
                            s.other_path,
                            s.evidence.map_or("", Evidence::describe)
                        ),
                        Some(_) => format!(
                            "\tits source (this one {})",
                            s.evidence.map_or("", Evidence::describe)
                        ),
                        _ => "\tdirection unknown".to_owned(),
                    };
                    let spans: Vec<String> = s
                        .passages
                        .iter()
                        .map(|p| {
                            format!(
                                "{}-{}~{}-{}{}",
                                p.start,
                                p.end,
                                p.other_start,
                                p.other_end,
                                if p.quotation { " (quotation)" } else { "" }
                            )
                        })
                        .collect();
                    writeln!(
                        out,
                        "  {}\t{}\t{}{dir}\tpassages: {}",
                        s.other_path,
                        pct(s.share),
                        s.class.as_str(),
                        spans.join(", ")
                    )?;
                }
            }
            Entry::Family(f) => {
                if !families_title {
                    writeln!(out, "\nfamilies of articles that descend from one text:")?;
                    families_title = true;
                }
                let source = f
                    .source
                    .map(|s| format!(" · likely source: {s}"))
                    .unwrap_or_default();
                let wire = f
                    .wire
                    .map(|w| format!(" · credit: {w}"))
                    .unwrap_or_default();
                writeln!(
                    out,
                    "family {}: {}{source}{wire}",
                    f.family,
                    f.articles.join(", ")
                )?;
            }
            Entry::Figure(f) => {
                if !figures_title {
                    writeln!(out, "\nfigures reported by several articles:")?;
                    figures_title = true;
                }
                let groups: Vec<String> = f
                    .sources
                    .iter()
                    .map(|g| format!("[{}]", g.join(", ")))
                    .collect();
                writeln!(
                    out,
                    "{}\t{}\treported by {} outlet{}, {} independent source{}\t{}",
                    f.measure,
                    f.figure,
                    f.outlets,
                    if f.outlets == 1 { "" } else { "s" },
                    f.independent,
                    if f.independent == 1 { "" } else { "s" },
                    groups.join(" ")
                )?;
            }
        }
    }
    Ok(())
}
