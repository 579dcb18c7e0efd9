//! Find (Ctrl+F): the query, its hits per article (character ranges), and the current hit.

use crate::model::{Article, ArticleId};
use std::collections::HashMap;

/// The find bar's state. Hits are computed lazily per article and cached until the query
/// changes.
#[derive(Default)]
pub struct FindState {
    pub open: bool,
    pub query: String,
    /// Set when the bar opens, so the text field takes keyboard focus.
    pub focus_field: bool,
    cached_query: String,
    hits: HashMap<ArticleId, Vec<(usize, usize)>>,
    /// The current hit: article and index into its hits.
    pub current: Option<(ArticleId, usize)>,
}

impl FindState {
    /// Is there a query to search for?
    pub fn active(&self) -> bool {
        self.open && !self.query.trim().is_empty()
    }

    /// The hits of the query in `article`, as character ranges.
    pub fn hits(&mut self, article: &Article) -> &[(usize, usize)] {
        if self.cached_query != self.query {
            self.hits.clear();
            self.current = None;
            self.cached_query.clone_from(&self.query);
        }
        if !self.active() {
            return &[];
        }
        let query = &self.query;
        self.hits
            .entry(article.id)
            .or_insert_with(|| find_all(&article.text, query))
    }
}

/// Every case-insensitive occurrence of `query` in `text`, as character ranges.
///
/// Characters are compared after simple lowercasing one to one, so offsets stay aligned with
/// the text (a full Unicode case fold could change lengths).
pub fn find_all(text: &str, query: &str) -> Vec<(usize, usize)> {
    let fold = |c: char| c.to_lowercase().next().unwrap_or(c);
    let q: Vec<char> = query.chars().map(fold).collect();
    if q.is_empty() {
        return Vec::new();
    }
    let t: Vec<char> = text.chars().map(fold).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + q.len() <= t.len() {
        if t[i..i + q.len()] == q[..] {
            out.push((i, i + q.len()));
            i += q.len();
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::find_all;

    #[test]
    fn finds_every_match_ignoring_case_with_character_offsets() {
        let text = "Ärzte said: the TOLL rose. The toll, the Toll.";
        assert_eq!(find_all(text, "toll"), vec![(16, 20), (31, 35), (41, 45)]);
        assert_eq!(find_all(text, "ärzte"), vec![(0, 5)]);
        assert!(find_all(text, "").is_empty());
        assert!(find_all(text, "missing").is_empty());
    }
}
