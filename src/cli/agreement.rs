//! `crosscheck agreement A B... [--json] [--exclude-uncoded]`: how far coders who tagged
//! copies of the same articles apart agree — Krippendorff's αu per category and Cohen's κ for
//! verdicts on the claims they both made, overall and per article — then each place where
//! their coding differs, every coder's claims there side by side.
//!
//! The projects are opened read-only and without their lock, so it works while windows have
//! them open, and never changes them. `--json` prints one object (the comparison).

use super::UsageError;
use crate::analysis::agreement::{AgreementOptions, AgreementReport, Figures, compare};
use crate::model::Project;
use crate::store::Store;
use anyhow::Context;
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Serialize)]
struct Output<'a> {
    projects: Vec<String>,
    #[serde(flatten)]
    report: &'a AgreementReport,
}

pub fn run(paths: &[PathBuf], json: bool, exclude_uncoded: bool) -> anyhow::Result<()> {
    if paths.len() < 2 {
        return Err(UsageError(
            "agreement needs at least two projects: crosscheck agreement A B...".into(),
        )
        .into());
    }
    let projects: Vec<Project> = paths
        .iter()
        .map(|p| {
            Store::open_read_only(p)
                .map(|(_, project)| project)
                .with_context(|| format!("cannot read {}", p.display()))
        })
        .collect::<anyhow::Result<_>>()?;
    let names = coder_names(paths);
    let coders: Vec<(String, &Project)> = names.iter().cloned().zip(&projects).collect();
    let report = compare(&coders, AgreementOptions { exclude_uncoded });
    if report.articles.is_empty() {
        eprintln!(
            "crosscheck: warning: the projects share no article (articles match by their text); \
             were they imported from the same folder?"
        );
    }
    let mut out = super::output::stdout();
    if json {
        let output = Output {
            projects: paths.iter().map(|p| p.display().to_string()).collect(),
            report: &report,
        };
        serde_json::to_writer_pretty(&mut out, &output)?;
        writeln!(out)?;
    } else {
        write_text(&mut out, paths, &report)?;
    }
    out.flush()?;
    Ok(())
}

/// Each coder by the file name of their project without its extension; the whole path where
/// two share a name.
fn coder_names(paths: &[PathBuf]) -> Vec<String> {
    let stem = |p: &Path| {
        p.file_stem().map_or_else(
            || p.display().to_string(),
            |s| s.to_string_lossy().into_owned(),
        )
    };
    let stems: Vec<String> = paths.iter().map(|p| stem(p)).collect();
    paths
        .iter()
        .zip(&stems)
        .map(|(p, s)| {
            if stems.iter().filter(|t| *t == s).count() > 1 {
                p.display().to_string()
            } else {
                s.clone()
            }
        })
        .collect()
}

/// A coefficient as printed: three decimals, or `undefined`.
fn fmt(v: Option<f64>) -> String {
    v.map_or_else(|| "undefined".to_owned(), |x| format!("{x:.3}"))
}

fn write_text(out: &mut impl Write, paths: &[PathBuf], r: &AgreementReport) -> std::io::Result<()> {
    writeln!(out, "Agreement of {} coders", r.coders.len())?;
    for (name, path) in r.coders.iter().zip(paths) {
        writeln!(out, "  {name}\t{}", path.display())?;
    }
    writeln!(
        out,
        "Uncoded text {}",
        if r.exclude_uncoded {
            "excluded: αu over the text some coder tagged"
        } else {
            "included: αu over the whole articles"
        }
    )?;
    writeln!(
        out,
        "{} article{} compared",
        r.articles.len(),
        if r.articles.len() == 1 { "" } else { "s" }
    )?;
    for u in &r.unmatched {
        writeln!(
            out,
            "  left out: {} ({}) — only {} has this text",
            u.title, u.path, r.coders[u.coder]
        )?;
    }
    writeln!(out)?;
    writeln!(out, "Overall")?;
    write_figures(out, &r.coders, &r.overall, "  ")?;
    for a in &r.articles {
        writeln!(out)?;
        writeln!(out, "{} ({}, {} characters)", a.title, a.path, a.chars)?;
        write_figures(out, &r.coders, &a.figures, "  ")?;
    }
    writeln!(out)?;
    let resolved = r.disagreements.iter().filter(|d| d.resolved).count();
    writeln!(
        out,
        "Disagreements: {}{}",
        r.disagreements.len(),
        if resolved > 0 {
            format!(" ({resolved} already decided in {})", r.coders[0])
        } else {
            String::new()
        }
    )?;
    let width = r
        .coders
        .iter()
        .map(|c| c.chars().count())
        .max()
        .unwrap_or(1);
    for d in &r.disagreements {
        let article = &r.articles[d.article];
        let aspects: Vec<&str> = d.aspects.iter().map(|a| a.label()).collect();
        writeln!(
            out,
            "{} @{}\t{}{}",
            article.title,
            d.start,
            aspects.join(", "),
            if d.resolved { "\t(decided)" } else { "" }
        )?;
        for (coder, sides) in r.coders.iter().zip(&d.sides) {
            if sides.is_empty() {
                writeln!(out, "  {coder:<width$}  —")?;
            }
            for s in sides {
                writeln!(
                    out,
                    "  {coder:<width$}  {}–{}\t{}\t{}\t“{}”",
                    s.start,
                    s.end,
                    s.category,
                    s.verdict,
                    s.quote.replace('\n', " ")
                )?;
            }
        }
    }
    Ok(())
}

fn write_figures(
    out: &mut impl Write,
    coders: &[String],
    f: &Figures,
    indent: &str,
) -> std::io::Result<()> {
    if f.categories.is_empty() {
        writeln!(out, "{indent}no claims")?;
    }
    for c in &f.categories {
        writeln!(
            out,
            "{indent}αu {}\t{}\t({} unit{}; D_o {:.4}, D_e {:.4})",
            fmt(c.alpha.alpha),
            c.category,
            c.alpha.units,
            if c.alpha.units == 1 { "" } else { "s" },
            c.alpha.observed,
            c.alpha.expected
        )?;
    }
    if f.categories.len() > 1 {
        writeln!(out, "{indent}αu {}\tall categories", fmt(f.alpha))?;
    }
    for p in &f.pairs {
        let k = &p.kappa;
        writeln!(
            out,
            "{indent}κ  {}\tverdicts {} – {}\t({} matched claims, {:.0}% the same)",
            fmt(k.kappa),
            coders[p.coders.0],
            coders[p.coders.1],
            k.items,
            k.observed * 100.0
        )?;
    }
    if f.pairs.len() > 1 {
        writeln!(
            out,
            "{indent}κ  {}\tmean of the pairs (Light's κ)",
            fmt(f.kappa)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coders_are_named_by_file_and_by_path_where_names_clash() {
        let names = coder_names(&[
            PathBuf::from("/a/ana.crosscheck"),
            PathBuf::from("/b/ben.crosscheck"),
            PathBuf::from("/c/ben.crosscheck"),
        ]);
        assert_eq!(names, vec!["ana", "/b/ben.crosscheck", "/c/ben.crosscheck"]);
    }
}
