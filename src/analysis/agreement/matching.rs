//! Lining up coders' copies of a project: the same article in each (by its text), each coder's
//! claims on it, the claims two coders both made (same offsets), and the places where their
//! coding differs (the disagreements a team resolves).

use super::{Aspect, Disagreement, NO_CATEGORY, Side};
use crate::model::{ArticleId, Claim, ClaimId, Project};
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// One article every coder has: its id in each coder's project.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatchedArticle {
    /// The article's id in each coder's project, in coder order.
    pub ids: Vec<ArticleId>,
    pub title: String,
    pub path: String,
    /// Length of the text in characters.
    pub chars: usize,
}

/// An article some coder has that not every other coder has (its text differs, or it is
/// missing): it takes no part in the figures.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct UnmatchedArticle {
    pub coder: usize,
    pub article: ArticleId,
    pub title: String,
    pub path: String,
}

/// A claim as agreement sees it: where it lies, its category by name, its verdict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coded {
    pub claim: ClaimId,
    pub start: usize,
    pub end: usize,
    pub quote: String,
    pub category: String,
    /// "Unverified" when the claim has none, as the window shows it.
    pub verdict: String,
}

/// Articles matched across the coders' projects by their text (the offsets of claims are only
/// comparable on identical text), in the first coder's order; a text that occurs twice in one
/// project matches the other's copies in order. Returns the matched articles and those left over.
pub fn match_articles(projects: &[&Project]) -> (Vec<MatchedArticle>, Vec<UnmatchedArticle>) {
    let Some(first) = projects.first() else {
        return (Vec::new(), Vec::new());
    };
    // Per other project: text → its articles with that text, not yet matched.
    let mut pools: Vec<HashMap<&str, Vec<ArticleId>>> = projects
        .iter()
        .map(|p| {
            let mut pool: HashMap<&str, Vec<ArticleId>> = HashMap::new();
            for a in p.articles().iter().rev() {
                pool.entry(a.text.as_str()).or_default().push(a.id);
            }
            pool
        })
        .collect();
    let mut matched = Vec::new();
    for a in first.articles() {
        let ids: Option<Vec<ArticleId>> = pools
            .iter()
            .map(|pool| pool.get(a.text.as_str()).and_then(|v| v.last().copied()))
            .collect();
        if let Some(ids) = ids {
            for pool in &mut pools {
                if let Some(v) = pool.get_mut(a.text.as_str()) {
                    v.pop();
                }
            }
            matched.push(MatchedArticle {
                ids,
                title: a.title.clone(),
                path: a.path.clone(),
                chars: a.char_len(),
            });
        }
    }
    let mut unmatched = Vec::new();
    for (coder, p) in projects.iter().enumerate() {
        for a in p.articles() {
            if !matched.iter().any(|m| m.ids[coder] == a.id) {
                unmatched.push(UnmatchedArticle {
                    coder,
                    article: a.id,
                    title: a.title.clone(),
                    path: a.path.clone(),
                });
            }
        }
    }
    (matched, unmatched)
}

/// The claims of one article in a coder's project (on its current text), in reading order.
pub fn coded(project: &Project, article: ArticleId) -> Vec<Coded> {
    let mut out: Vec<Coded> = project
        .claims_in(article)
        .map(|c| coded_claim(project, c))
        .collect();
    out.sort_by(|a, b| (a.start, a.end, &a.category).cmp(&(b.start, b.end, &b.category)));
    out
}

fn coded_claim(project: &Project, c: &Claim) -> Coded {
    Coded {
        claim: c.id,
        start: c.start,
        end: c.end,
        quote: c.quote.clone(),
        category: c
            .category_id
            .and_then(|id| project.category(id))
            .map_or_else(|| NO_CATEGORY.to_owned(), |cat| cat.name.clone()),
        verdict: c.verdict.clone().unwrap_or_else(|| "Unverified".to_owned()),
    }
}

/// The verdicts two coders gave the claims both made with the same offsets: claims at one
/// span pair up those of the same category first, then the rest in order.
pub fn verdict_pairs(a: &[Coded], b: &[Coded]) -> Vec<(String, String)> {
    let mut used = vec![false; b.len()];
    let mut pairs = Vec::new();
    let mut rest = Vec::new();
    for x in a {
        match b.iter().enumerate().position(|(k, y)| {
            !used[k] && y.start == x.start && y.end == x.end && y.category == x.category
        }) {
            Some(k) => {
                used[k] = true;
                pairs.push((x.verdict.clone(), b[k].verdict.clone()));
            }
            None => rest.push(x),
        }
    }
    for x in rest {
        if let Some(k) = b
            .iter()
            .enumerate()
            .position(|(k, y)| !used[k] && y.start == x.start && y.end == x.end)
        {
            used[k] = true;
            pairs.push((x.verdict.clone(), b[k].verdict.clone()));
        }
    }
    pairs
}

/// Where one article's coding differs between the coders. Claims of different coders belong
/// together when they overlap and share a category or lie on exactly the same span; each
/// group (joined through such ties) is one place, and a disagreement unless every coder
/// made exactly the same claims there. `text` keys the article in [`Disagreement::key`].
pub fn disagreements(article: usize, text: &str, coders: &[Vec<Coded>]) -> Vec<Disagreement> {
    let items: Vec<(usize, &Coded)> = coders
        .iter()
        .enumerate()
        .flat_map(|(i, list)| list.iter().map(move |c| (i, c)))
        .collect();
    let mut parent: Vec<usize> = (0..items.len()).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for x in 0..items.len() {
        for y in x + 1..items.len() {
            let ((i, a), (j, b)) = (items[x], items[y]);
            let overlap = a.start < b.end && b.start < a.end;
            let same_span = a.start == b.start && a.end == b.end;
            if i != j && overlap && (same_span || a.category == b.category) {
                let (rx, ry) = (root(&mut parent, x), root(&mut parent, y));
                parent[rx] = ry;
            }
        }
    }
    let mut groups: Vec<(usize, Vec<Vec<&Coded>>)> = Vec::new();
    let mut slot: HashMap<usize, usize> = HashMap::new();
    for (x, &(i, c)) in items.iter().enumerate() {
        let r = root(&mut parent, x);
        let g = *slot.entry(r).or_insert_with(|| {
            groups.push((r, vec![Vec::new(); coders.len()]));
            groups.len() - 1
        });
        groups[g].1[i].push(c);
    }
    let article_hash = hex(&Sha256::digest(text.as_bytes()));
    let mut out = Vec::new();
    for (_, sides) in groups {
        let first = shape(&sides[0]);
        if sides.iter().all(|s| shape(s) == first) {
            continue;
        }
        let aspects = aspects(&sides);
        let mut hasher = Sha256::new();
        hasher.update(article_hash.as_bytes());
        for s in &sides {
            for (a, b, cat, verdict) in shape(s) {
                hasher.update(format!("|{a}-{b}:{cat}:{verdict}").as_bytes());
            }
            hasher.update(b"#");
        }
        let key = format!("agreement:{}", &hex(&hasher.finalize())[..24]);
        let start = sides.iter().flatten().map(|c| c.start).min().unwrap_or(0);
        out.push(Disagreement {
            article,
            start,
            aspects,
            key,
            resolved: false,
            sides: sides
                .into_iter()
                .map(|list| {
                    list.into_iter()
                        .map(|c| Side {
                            claim: c.claim,
                            start: c.start,
                            end: c.end,
                            quote: c.quote.clone(),
                            category: c.category.clone(),
                            verdict: c.verdict.clone(),
                        })
                        .collect()
                })
                .collect(),
        });
    }
    out.sort_by_key(|d| d.start);
    out
}

/// One coder's claims at a place, as comparable values, in order.
fn shape<'a>(list: &[&'a Coded]) -> Vec<(usize, usize, &'a str, &'a str)> {
    let mut v: Vec<(usize, usize, &str, &str)> = list
        .iter()
        .map(|c| (c.start, c.end, c.category.as_str(), c.verdict.as_str()))
        .collect();
    v.sort_unstable();
    v
}

/// What differs in one group: a coder with no claim there, spans, categories, verdicts.
fn aspects(sides: &[Vec<&Coded>]) -> Vec<Aspect> {
    let mut out = Vec::new();
    if sides.iter().any(Vec::is_empty) {
        out.push(Aspect::Missing);
    }
    let present: Vec<&Vec<&Coded>> = sides.iter().filter(|s| !s.is_empty()).collect();
    let differ = |f: &dyn Fn(&Coded) -> String| {
        let sets: Vec<Vec<String>> = present
            .iter()
            .map(|s| {
                let mut v: Vec<String> = s.iter().map(|c| f(c)).collect();
                v.sort();
                v
            })
            .collect();
        sets.windows(2).any(|w| w[0] != w[1])
    };
    if differ(&|c| format!("{}-{}", c.start, c.end)) {
        out.push(Aspect::Span);
    }
    if differ(&|c| c.category.clone()) {
        out.push(Aspect::Category);
    }
    if differ(&|c| c.verdict.clone()) {
        out.push(Aspect::Verdict);
    }
    out
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The stretches of an article any coder tagged (joined where they overlap or touch), for
/// αu with uncoded text left out: offsets map onto these stretches laid end to end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kept {
    stretches: Vec<(usize, usize)>,
}

impl Kept {
    /// The tagged stretches of one article across every coder's claims.
    pub fn of(coders: &[Vec<Coded>]) -> Kept {
        let mut spans: Vec<(usize, usize)> =
            coders.iter().flatten().map(|c| (c.start, c.end)).collect();
        spans.sort_unstable();
        let mut stretches: Vec<(usize, usize)> = Vec::new();
        for (a, b) in spans {
            match stretches.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(b),
                _ => stretches.push((a, b)),
            }
        }
        Kept { stretches }
    }

    /// Characters kept.
    pub fn len(&self) -> usize {
        self.stretches.iter().map(|(a, b)| b - a).sum()
    }

    /// Whether nothing is kept.
    pub fn is_empty(&self) -> bool {
        self.stretches.is_empty()
    }

    /// Where offset `at` of a tagged stretch lands once untagged text is cut out.
    pub fn map(&self, at: usize) -> usize {
        let mut before = 0;
        for &(a, b) in &self.stretches {
            if at <= b {
                return before + at.saturating_sub(a);
            }
            before += b - a;
        }
        before
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(claim: ClaimId, start: usize, end: usize, category: &str, verdict: &str) -> Coded {
        Coded {
            claim,
            start,
            end,
            quote: String::new(),
            category: category.into(),
            verdict: verdict.into(),
        }
    }

    #[test]
    fn claims_group_by_overlap_within_a_category_or_on_the_same_span() {
        let mine = vec![
            c(1, 0, 10, "Claim", "True"),
            c(2, 20, 25, "Figure", "Unverified"),
            c(3, 40, 50, "Claim", "True"),
        ];
        let theirs = vec![
            c(7, 0, 10, "Claim", "True"),
            c(8, 20, 25, "Quote", "Unverified"),
            c(9, 42, 50, "Claim", "False"),
            c(10, 60, 70, "Source", "Unverified"),
        ];
        let d = disagreements(0, "text", &[mine, theirs]);
        let aspects: Vec<_> = d.iter().map(|d| d.aspects.clone()).collect();
        assert_eq!(
            aspects,
            vec![
                vec![Aspect::Category],
                vec![Aspect::Span, Aspect::Verdict],
                vec![Aspect::Missing],
            ],
            "the identical claim at 0..10 is no disagreement"
        );
        assert_eq!(d[2].sides[0].len(), 0);
        assert_eq!(d[2].sides[1][0].claim, 10);
        assert_ne!(d[0].key, d[1].key);
    }

    #[test]
    fn a_disagreements_key_changes_when_either_side_changes() {
        let key = |v: &str| {
            disagreements(
                0,
                "text",
                &[
                    vec![c(1, 0, 5, "Claim", v)],
                    vec![c(1, 0, 5, "Claim", "True")],
                ],
            )[0]
            .key
            .clone()
        };
        assert_eq!(key("False"), key("False"));
        assert_ne!(key("False"), key("Mixed"));
    }

    #[test]
    fn verdicts_pair_on_identical_spans_only() {
        let a = vec![c(1, 0, 5, "Claim", "True"), c(2, 10, 15, "Figure", "False")];
        let b = vec![
            c(5, 0, 5, "Claim", "False"),
            c(6, 10, 16, "Figure", "False"),
        ];
        assert_eq!(verdict_pairs(&a, &b), vec![("True".into(), "False".into())]);
    }

    #[test]
    fn kept_text_maps_tagged_offsets_onto_the_tagged_stretches_alone() {
        let kept = Kept::of(&[
            vec![c(1, 10, 20, "Claim", "")],
            vec![c(2, 15, 25, "Claim", ""), c(3, 40, 45, "Figure", "")],
        ]);
        assert_eq!(kept.len(), 20);
        assert_eq!(kept.map(10), 0);
        assert_eq!(kept.map(25), 15);
        assert_eq!(kept.map(40), 15);
        assert_eq!(kept.map(45), 20);
    }
}
