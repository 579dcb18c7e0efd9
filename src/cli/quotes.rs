//! `crosscheck quotes PATH...`: quotations found in folders, files, projects or `-`, grouped
//! into renderings of the same quote across articles, with the word differences of each
//! rendering from the first.

use crate::analysis::quotes::{Change, DiffPart, QuoteGroup, QuoteKind, quote_groups, word_diff};
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;

/// One variant as `--json` prints it.
#[derive(Serialize)]
struct VariantRow<'a> {
    article: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    speaker: Option<&'a str>,
    kind: QuoteKind,
    /// The word differences from the group's first variant (empty for the first).
    diff: Vec<DiffPart>,
}

#[derive(Serialize)]
struct GroupRow<'a> {
    speaker: Option<&'a str>,
    /// When outlets credit the words to different people: each person and the articles that
    /// credit them (empty when they agree).
    credited: Vec<CreditRow<'a>>,
    articles: usize,
    difference: f32,
    /// Whether a number or a negation differs between variants.
    differs_in_meaning: bool,
    variants: Vec<VariantRow<'a>>,
}

#[derive(Serialize)]
struct CreditRow<'a> {
    speaker: &'a str,
    articles: Vec<&'a str>,
}

pub fn run(paths: &[PathBuf], json: bool) -> anyhow::Result<()> {
    let articles = super::figures::load_articles(paths)?;
    let groups = quote_groups(&articles);
    let path_of = |id: i64| {
        articles
            .iter()
            .find(|a| a.id == id)
            .map_or("?", |a| a.path.as_str())
    };
    let mut out = super::output::stdout();
    if json {
        let rows: Vec<GroupRow<'_>> = groups.iter().map(|g| group_row(g, &path_of)).collect();
        serde_json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
    } else {
        for (n, g) in groups.iter().enumerate() {
            let row = group_row(g, &path_of);
            writeln!(
                out,
                "quote {}: {} · {} articles · {:.0}% different{}",
                n + 1,
                row.speaker.unwrap_or("speaker unknown"),
                row.articles,
                row.difference * 100.0,
                if row.differs_in_meaning {
                    " · a number or negation differs"
                } else {
                    ""
                }
            )?;
            if let Some(credits) = g.credit_summary(&|a| path_of(a).to_owned()) {
                writeln!(out, "  ! {credits}")?;
            }
            for v in &row.variants {
                let reported = match v.kind {
                    QuoteKind::Reported => "(reported) ",
                    QuoteKind::Direct => "",
                };
                writeln!(
                    out,
                    "  {}:{}-{}\t{reported}{}",
                    v.article,
                    v.start,
                    v.end,
                    marked(v)
                )?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

fn group_row<'a>(g: &'a QuoteGroup, path_of: &dyn Fn(i64) -> &'a str) -> GroupRow<'a> {
    // Each rendering is compared with the fullest.
    let r = g.reference;
    let first = &g.variants[r].text;
    let variants: Vec<VariantRow<'a>> = g
        .variants
        .iter()
        .enumerate()
        .map(|(i, v)| VariantRow {
            article: path_of(v.article_id),
            start: v.start,
            end: v.end,
            text: &v.text,
            speaker: v.speaker.as_deref(),
            kind: v.kind,
            diff: if i == r {
                Vec::new()
            } else {
                word_diff(first, &v.text)
            },
        })
        .collect();
    GroupRow {
        speaker: g.speaker.as_deref(),
        credited: g
            .credited
            .iter()
            .map(|c| CreditRow {
                speaker: &c.speaker,
                articles: c.articles.iter().map(|&a| path_of(a)).collect(),
            })
            .collect(),
        articles: g.articles,
        difference: g.difference,
        differs_in_meaning: variants.iter().any(|v| v.diff.iter().any(|p| p.strong)),
        variants,
    }
}

/// The variant with its differences from the first: `[-deleted-]`, `{+inserted+}`, and
/// `**` around a number or negation that differs.
fn marked(v: &VariantRow<'_>) -> String {
    if v.diff.is_empty() {
        return v.text.to_owned();
    }
    v.diff
        .iter()
        .map(|p| {
            let strong = if p.strong { "**" } else { "" };
            // Spaces stay outside the marks, so words never run together.
            let t = p.text.as_str();
            let (lead, rest) = t.split_at(t.len() - t.trim_start().len());
            let (core, trail) = rest.split_at(rest.trim_end().len());
            match p.change {
                Change::Same => p.text.clone(),
                Change::Deleted => format!("{lead}[-{strong}{core}{strong}-]{trail}"),
                Change::Inserted => format!("{lead}{{+{strong}{core}{strong}+}}{trail}"),
            }
        })
        .collect::<Vec<_>>()
        .join("")
}
