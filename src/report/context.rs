//! [`ReportData`]: what every format needs from a project, computed once: character-offset
//! slicing without rescanning articles, the context around each quote, and which links each
//! claim belongs to.

use crate::model::{
    Article, ArticleId, Claim, ClaimId, Link, LinkId, LinkKind, Project, Resolution,
};
use std::collections::HashMap;

/// Byte offsets of every 64th character, so a character offset becomes a byte offset with a
/// short walk instead of a scan from the start (reports slice thousands of quotes).
struct CharIndex<'a> {
    text: &'a str,
    marks: Vec<usize>,
}

const STRIDE: usize = 64;

impl<'a> CharIndex<'a> {
    fn new(text: &'a str) -> Self {
        let marks = text
            .char_indices()
            .step_by(STRIDE)
            .map(|(b, _)| b)
            .collect();
        CharIndex { text, marks }
    }

    fn byte(&self, chars: usize) -> usize {
        let Some(&base) = self.marks.get(chars / STRIDE) else {
            return self.text.len();
        };
        self.text[base..]
            .char_indices()
            .nth(chars % STRIDE)
            .map_or(self.text.len(), |(b, _)| base + b)
    }

    fn slice(&self, start: usize, end: usize) -> &'a str {
        let (a, b) = (self.byte(start), self.byte(end.max(start)));
        &self.text[a..b]
    }
}

/// A project prepared for writing reports.
/// The version of an article's text a claim comes from.
pub struct ClaimVersion<'a> {
    pub number: u32,
    pub sha256: &'a str,
    /// When a refresh read it; `None` for the text first imported.
    pub read_at: Option<&'a str>,
    /// A later version changed the quoted words.
    pub orphaned: bool,
}

pub struct ReportData<'a> {
    pub project: &'a Project,
    index: HashMap<ArticleId, CharIndex<'a>>,
    /// Articles by id: `Project::article` is a scan, and reports look one up per claim.
    articles: HashMap<ArticleId, &'a Article>,
    links_of: HashMap<ClaimId, Vec<LinkId>>,
}

impl<'a> ReportData<'a> {
    pub fn new(project: &'a Project) -> Self {
        let index = project
            .articles()
            .iter()
            .map(|a| (a.id, CharIndex::new(&a.text)))
            .collect();
        let articles = project.articles().iter().map(|a| (a.id, a)).collect();
        let mut links_of: HashMap<ClaimId, Vec<LinkId>> = HashMap::new();
        for link in project.links() {
            for m in &link.members {
                links_of.entry(*m).or_default().push(link.id);
            }
        }
        ReportData {
            project,
            index,
            articles,
            links_of,
        }
    }

    pub fn article(&self, id: ArticleId) -> Option<&'a Article> {
        self.articles.get(&id).copied()
    }

    /// The article text between two character offsets.
    pub fn slice(&self, article: ArticleId, start: usize, end: usize) -> &'a str {
        self.index.get(&article).map_or("", |i| i.slice(start, end))
    }

    /// Up to `n` characters before the claim, and up to `n` after it.
    pub fn around(&self, claim: &Claim, n: usize) -> (&'a str, &'a str) {
        // An orphaned claim's offsets refer to the earlier version it stays on.
        if self.project.is_orphaned(claim) {
            let text = self.project.text_of(claim).unwrap_or("");
            let before = crate::model::char_slice(text, claim.start.saturating_sub(n), claim.start);
            return (
                before,
                crate::model::char_slice(text, claim.end, claim.end + n),
            );
        }
        // Slicing past the end of the text stops at the end.
        let before = self.slice(claim.article_id, claim.start.saturating_sub(n), claim.start);
        let after = self.slice(claim.article_id, claim.end, claim.end + n);
        (before, after)
    }

    /// A few words before and after the claim, for reading it in context.
    pub fn context_words(&self, claim: &Claim) -> (String, String) {
        let (before, after) = self.around(claim, 80);
        // Context stays within the quote's paragraph.
        let before = before.rsplit('\n').next().unwrap_or("");
        let after = after.split('\n').next().unwrap_or("");
        let before: Vec<&str> = before.split_whitespace().collect();
        let after: Vec<&str> = after.split_whitespace().collect();
        let take = 6;
        let pre = before[before.len().saturating_sub(take)..].join(" ");
        let post = after[..after.len().min(take)].join(" ");
        let pre = if before.len() > take {
            format!("…{pre}")
        } else {
            pre
        };
        let post = if after.len() > take {
            format!("{post}…")
        } else {
            post
        };
        // Keep the space that separates the context from the quote, when there was one.
        let gap_before =
            if before.is_empty() || !self.around(claim, 1).0.chars().all(char::is_whitespace) {
                ""
            } else {
                " "
            };
        let gap_after =
            if after.is_empty() || !self.around(claim, 1).1.chars().all(char::is_whitespace) {
                ""
            } else {
                " "
            };
        (format!("{pre}{gap_before}"), format!("{gap_after}{post}"))
    }

    pub fn category_name(&self, claim: &Claim) -> &'a str {
        claim
            .category_id
            .and_then(|id| self.project.category(id))
            .map_or("Uncategorised", |c| c.name.as_str())
    }

    /// The claim's verdict, "Unverified" when it has none.
    pub fn verdict<'c>(&self, claim: &'c Claim) -> &'c str {
        claim.verdict.as_deref().unwrap_or("Unverified")
    }

    /// The links a claim belongs to.
    pub fn link_ids(&self, claim: ClaimId) -> &[LinkId] {
        self.links_of.get(&claim).map_or(&[], Vec::as_slice)
    }

    /// Claims in reading order: by category (codebook order), verdict, article, offset.
    pub fn claims_grouped(&self) -> Vec<(&'a str, String, Vec<&'a Claim>)> {
        let cat_pos = |c: &Claim| {
            c.category_id
                .and_then(|id| self.project.categories().iter().position(|x| x.id == id))
                .unwrap_or(usize::MAX)
        };
        let verdict_pos = |c: &Claim| {
            let v = c.verdict.as_deref().unwrap_or("Unverified");
            self.project
                .verdicts()
                .iter()
                .position(|x| x.name == v)
                .unwrap_or(usize::MAX)
        };
        let mut claims: Vec<&'a Claim> = self.project.claims().collect();
        claims.sort_by_key(|c| (cat_pos(c), verdict_pos(c), c.article_id, c.start, c.id));
        let mut groups: Vec<(&'a str, String, Vec<&'a Claim>)> = Vec::new();
        for c in claims {
            let (cat, verdict) = (self.category_name(c), self.verdict(c).to_owned());
            match groups.last_mut() {
                Some((gc, gv, list)) if *gc == cat && *gv == verdict => list.push(c),
                _ => groups.push((cat, verdict, vec![c])),
            }
        }
        groups
    }

    /// Links, conflicts first (open before resolved), then the other kinds.
    pub fn links_sorted(&self) -> Vec<&'a Link> {
        let mut links: Vec<&'a Link> = self.project.links().collect();
        links.sort_by_key(|l| {
            (
                l.kind != LinkKind::Contradicts,
                l.resolution != Resolution::Open,
                l.kind,
                l.id,
            )
        });
        links
    }

    /// "Open", "Resolved: “…” stands", "Unresolvable".
    pub fn resolution_text(&self, link: &Link) -> String {
        match &link.resolution {
            Resolution::Open => "Open".into(),
            Resolution::Unresolvable => "Unresolvable".into(),
            Resolution::Resolved { standing: None } => "Resolved".into(),
            Resolution::Resolved { standing: Some(id) } => match self.project.claim(*id) {
                Some(c) => format!("Resolved: “{}” stands", c.quote),
                None => "Resolved".into(),
            },
        }
    }
}

/// The method paragraph every narrative report carries.
pub const METHOD: &str = "Each claim is a span of an article's text as imported, tagged and judged by a researcher in \
Crosscheck. Quotes are reproduced exactly; positions are character offsets into the stored text, so every quote \
can be found again in its source, identified by the SHA-256 of the file it was imported from.";

impl ReportData<'_> {
    /// Where a claim comes from, as unescaped pieces: the article title, its date if known,
    /// the character range, and who the claim is attributed to. Formats escape and join them.
    /// The version of its article's text a claim's quote comes from, without copying texts.
    pub fn claim_version(&self, c: &Claim) -> ClaimVersion<'_> {
        let current = self.project.current_version(c.article_id);
        let number = c.version.unwrap_or(current);
        let (sha256, read_at) = if number == current {
            (
                self.article(c.article_id).map_or("", |a| a.sha256.as_str()),
                self.project.read_at(c.article_id),
            )
        } else {
            self.project
                .earlier_versions(c.article_id)
                .iter()
                .find(|v| v.version == number)
                .map_or(("", None), |v| (v.sha256.as_str(), v.read_at.as_deref()))
        };
        ClaimVersion {
            number,
            sha256,
            read_at,
            orphaned: number < current,
        }
    }

    pub fn source_parts(&self, c: &Claim) -> (String, Vec<String>) {
        let a = self.article(c.article_id);
        let title = a.map_or("?", |a| a.title.as_str()).to_owned();
        let mut rest = Vec::new();
        if let Some(d) = a.and_then(|a| a.published.as_deref()) {
            rest.push(crate::model::display_date(d));
        }
        rest.push(format!("characters {}–{}", c.start, c.end));
        // Name the version the quote comes from once the article has more than one.
        let current = self.project.current_version(c.article_id);
        if current > 1 {
            let v = c.version.unwrap_or(current);
            let version = self.project.version(c.article_id, v);
            let sha: String = version
                .as_ref()
                .map(|v| v.sha256.chars().take(12).collect())
                .unwrap_or_default();
            let read = version
                .and_then(|v| v.read_at)
                .map_or_else(|| "as first imported".to_owned(), |t| format!("read {t}"));
            let orphan = if v < current {
                format!(" — orphaned: version {current} changed these words")
            } else {
                String::new()
            };
            rest.push(format!("version {v} (sha256 {sha}…, {read}){orphan}"));
        }
        if let Some(who) = &c.attribution {
            rest.push(format!("attributed to {who}"));
        }
        rest.extend(made_by(
            "tagged",
            c.author.as_deref(),
            c.edited_by.as_deref(),
        ));
        (title, rest)
    }
}

/// Who made a claim or link and who changed it since, for reports: `tagged by Ana Lima`,
/// `changed by Ben`; nothing when neither is known (work from before authors were recorded).
pub fn made_by(verb: &str, author: Option<&str>, edited_by: Option<&str>) -> Vec<String> {
    let mut parts: Vec<String> = author
        .map(|a| format!("{verb} by {a}"))
        .into_iter()
        .collect();
    parts.extend(
        edited_by
            .filter(|e| Some(*e) != author)
            .map(|e| format!("changed by {e}")),
    );
    parts
}

/// `1 conflict`, `2 conflicts`: the summary line reads as English.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Counts for the summary line.
pub struct Counts {
    pub articles: usize,
    pub claims: usize,
    pub links: usize,
    pub conflicts: usize,
    pub open_conflicts: usize,
}

impl Counts {
    /// `3 articles · 5 claims · 2 links · 1 conflict (0 open)`.
    pub fn summary(&self) -> String {
        format!(
            "{} · {} · {} · {} ({} open)",
            count(self.articles, "article"),
            count(self.claims, "claim"),
            count(self.links, "link"),
            count(self.conflicts, "conflict"),
            self.open_conflicts
        )
    }
}

impl ReportData<'_> {
    pub fn counts(&self) -> Counts {
        let conflicts: Vec<_> = self
            .project
            .links()
            .filter(|l| l.kind == LinkKind::Contradicts)
            .collect();
        Counts {
            articles: self.project.articles().len(),
            claims: self.project.claims().len(),
            links: self.project.links().len(),
            open_conflicts: conflicts
                .iter()
                .filter(|l| l.resolution == Resolution::Open)
                .count(),
            conflicts: conflicts.len(),
        }
    }
}

impl ReportData<'_> {
    /// For a link whose members are all Quote claims: each later member's word differences
    /// from the first, so a reader sees how outlets rendered the same words.
    pub fn quote_diffs(
        &self,
        link: &crate::model::Link,
    ) -> Option<Vec<(&Claim, Vec<crate::analysis::quotes::DiffPart>)>> {
        let members: Vec<&Claim> = link
            .members
            .iter()
            .filter_map(|m| self.project.claim(*m))
            .collect();
        let all_quotes = members.len() >= 2
            && members
                .iter()
                .all(|c| self.category_name(c).eq_ignore_ascii_case("quote"));
        if !all_quotes {
            return None;
        }
        let first = &members[0].quote;
        Some(
            members[1..]
                .iter()
                .map(|c| (*c, crate::analysis::quotes::word_diff(first, &c.quote)))
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::CharIndex;

    #[test]
    fn sparse_index_slices_by_character_offsets() {
        let text = "Zürich — «139» ".repeat(40);
        let idx = CharIndex::new(&text);
        for (a, b) in [(0, 6), (9, 14), (63, 70), (128, 200), (590, 600)] {
            let expect: String = text.chars().skip(a).take(b - a).collect();
            assert_eq!(idx.slice(a, b), expect);
        }
        assert_eq!(idx.slice(10_000, 10_010), "");
    }
}
