//! Agreement between coders who tagged copies of the same articles apart: Krippendorff's αu
//! per category for *where* they put claims ([`unitizing`]), Cohen's κ for the verdicts they
//! gave the claims they both made ([`kappa`]), per article and overall, and the places their
//! coding differs, side by side ([`Disagreement`]), with the edits that resolve one
//! ([`resolve`]).
//!
//! Articles are matched by their text, claims by article and character offsets, categories
//! by name (see [`matching`]). Pure: model in, figures out; no SQL, no egui.

pub mod kappa;
pub mod matching;
pub mod resolve;
pub mod unitizing;

pub use kappa::{Kappa, cohen_kappa, mean_kappa};
pub use matching::{MatchedArticle, UnmatchedArticle, match_articles};
pub use resolve::{ResolveError, keep_mine, take_theirs};
pub use unitizing::{AlphaU, UnitizedData, alpha_u, pooled};

use crate::model::{ArticleId, ClaimId, Project};
use matching::{Coded, Kept};
use serde::Serialize;
use std::collections::BTreeSet;

/// The category name agreement gives claims without a category.
pub const NO_CATEGORY: &str = "(no category)";

/// What the figures count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AgreementOptions {
    /// Leave out the text no coder tagged: αu is then taken over the tagged stretches alone,
    /// laid end to end (the standard αu, with every gap counted, is the default).
    pub exclude_uncoded: bool,
}

/// αu of one category.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CategoryAlpha {
    pub category: String,
    #[serde(flatten)]
    pub alpha: AlphaU,
}

/// κ of one pair of coders.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PairKappa {
    /// The two coders, by their place in [`AgreementReport::coders`].
    pub coders: (usize, usize),
    #[serde(flatten)]
    pub kappa: Kappa,
}

/// The figures of one article or of all of them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figures {
    /// αu per category that anyone used, by name.
    pub categories: Vec<CategoryAlpha>,
    /// αu of all categories together (`1 − Σ D_o / Σ D_e`).
    pub alpha: Option<f64>,
    /// κ of the verdicts on matched claims, per pair of coders.
    pub pairs: Vec<PairKappa>,
    /// The κ to quote: the pair's with two coders, their mean (Light's κ) with more.
    pub kappa: Option<f64>,
}

/// One article's figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticleAgreement {
    /// The article's id in each coder's project.
    pub ids: Vec<ArticleId>,
    pub title: String,
    pub path: String,
    pub chars: usize,
    #[serde(flatten)]
    pub figures: Figures,
}

/// What differs at one place of an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Aspect {
    /// A coder made no claim there.
    Missing,
    /// The coders' spans differ.
    Span,
    Category,
    Verdict,
}

impl Aspect {
    /// How it reads in a list.
    pub fn label(self) -> &'static str {
        match self {
            Aspect::Missing => "missing",
            Aspect::Span => "span",
            Aspect::Category => "category",
            Aspect::Verdict => "verdict",
        }
    }
}

/// One coder's claim at a place of disagreement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Side {
    /// The claim's id in that coder's project.
    pub claim: ClaimId,
    pub start: usize,
    pub end: usize,
    pub quote: String,
    pub category: String,
    pub verdict: String,
}

/// A place where the coders' claims differ: each coder's claims there, side by side.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Disagreement {
    /// The article, by its place in [`AgreementReport::articles`].
    pub article: usize,
    /// Where the place starts (the first claim's start), in characters.
    pub start: usize,
    pub aspects: Vec<Aspect>,
    /// Each coder's claims there, in coder order (empty: that coder made none).
    pub sides: Vec<Vec<Side>>,
    /// Names this disagreement exactly (the article and every side), so a decision to keep
    /// the first coder's claims, stored under it, holds until either side changes.
    pub key: String,
    /// The first coder already decided to keep their claims here ([`keep_mine`]).
    pub resolved: bool,
}

/// Everything agreement reports about two or more coders.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AgreementReport {
    pub coders: Vec<String>,
    pub exclude_uncoded: bool,
    pub overall: Figures,
    pub articles: Vec<ArticleAgreement>,
    /// Articles not every coder has (their text differs or is missing); left out.
    pub unmatched: Vec<UnmatchedArticle>,
    pub disagreements: Vec<Disagreement>,
}

/// Compares the coders' projects (`(name, project)`, at least two).
pub fn compare(coders: &[(String, &Project)], options: AgreementOptions) -> AgreementReport {
    let projects: Vec<&Project> = coders.iter().map(|(_, p)| *p).collect();
    let (matched, unmatched) = match_articles(&projects);
    // Per article, per coder: the claims.
    let coded: Vec<Vec<Vec<Coded>>> = matched
        .iter()
        .map(|m| {
            projects
                .iter()
                .zip(&m.ids)
                .map(|(p, id)| matching::coded(p, *id))
                .collect()
        })
        .collect();
    let categories: BTreeSet<String> = coded
        .iter()
        .flatten()
        .flatten()
        .map(|c| c.category.clone())
        .collect();
    let kept: Vec<Option<Kept>> = coded
        .iter()
        .map(|per_coder| options.exclude_uncoded.then(|| Kept::of(per_coder)))
        .collect();

    let articles: Vec<ArticleAgreement> = matched
        .iter()
        .enumerate()
        .map(|(a, m)| {
            let used: BTreeSet<&String> = coded[a].iter().flatten().map(|c| &c.category).collect();
            ArticleAgreement {
                ids: m.ids.clone(),
                title: m.title.clone(),
                path: m.path.clone(),
                chars: m.chars,
                figures: figures(
                    projects.len(),
                    used.into_iter(),
                    &[Part {
                        len: m.chars,
                        coded: &coded[a],
                        kept: kept[a].as_ref(),
                    }],
                ),
            }
        })
        .collect();
    let all: Vec<Part> = matched
        .iter()
        .enumerate()
        .map(|(a, m)| Part {
            len: m.chars,
            coded: &coded[a],
            kept: kept[a].as_ref(),
        })
        .collect();
    let overall = figures(projects.len(), categories.iter(), &all);

    let first = projects.first();
    let mut disagreements = Vec::new();
    for (a, m) in matched.iter().enumerate() {
        let text = first
            .and_then(|p| p.article(m.ids[0]))
            .map_or("", |x| x.text.as_str());
        for mut d in matching::disagreements(a, text, &coded[a]) {
            d.resolved = first.is_some_and(|p| p.dismissed().contains(&d.key));
            disagreements.push(d);
        }
    }
    AgreementReport {
        coders: coders.iter().map(|(n, _)| n.clone()).collect(),
        exclude_uncoded: options.exclude_uncoded,
        overall,
        articles,
        unmatched,
        disagreements,
    }
}

/// One article as the figures take it.
struct Part<'a> {
    /// Length in characters.
    len: usize,
    /// The claims, per coder.
    coded: &'a [Vec<Coded>],
    /// The tagged stretches, when uncoded text is left out.
    kept: Option<&'a Kept>,
}

/// αu per category and κ per pair over some articles.
fn figures<'a>(
    coders: usize,
    categories: impl Iterator<Item = &'a String>,
    articles: &[Part],
) -> Figures {
    let sections: Vec<u64> = articles
        .iter()
        .map(|p| p.kept.map_or(p.len, Kept::len) as u64)
        .collect();
    let per_category: Vec<CategoryAlpha> = categories
        .map(|cat| {
            let mut units = vec![Vec::new(); coders];
            for (s, part) in articles.iter().enumerate() {
                for (i, list) in part.coded.iter().enumerate() {
                    for c in list.iter().filter(|c| &c.category == cat) {
                        let (a, b) = match part.kept {
                            Some(k) => (k.map(c.start), k.map(c.end)),
                            None => (c.start, c.end),
                        };
                        units[i].push((s, a as u64, b as u64));
                    }
                }
            }
            CategoryAlpha {
                category: cat.clone(),
                alpha: alpha_u(&UnitizedData {
                    sections: sections.clone(),
                    units,
                }),
            }
        })
        .collect();
    let alphas: Vec<AlphaU> = per_category.iter().map(|c| c.alpha).collect();
    let mut pairs = Vec::new();
    for i in 0..coders {
        for j in i + 1..coders {
            let verdicts: Vec<(String, String)> = articles
                .iter()
                .flat_map(|p| matching::verdict_pairs(&p.coded[i], &p.coded[j]))
                .collect();
            pairs.push(PairKappa {
                coders: (i, j),
                kappa: cohen_kappa(&verdicts),
            });
        }
    }
    let kappas: Vec<Kappa> = pairs.iter().map(|p| p.kappa).collect();
    Figures {
        alpha: pooled(&alphas),
        categories: per_category,
        kappa: mean_kappa(&kappas),
        pairs,
    }
}

#[cfg(test)]
mod tests;
