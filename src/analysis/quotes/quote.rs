//! One quotation found in one article: where it is, its words, its speaker, and how it is
//! marked.

use crate::model::ArticleId;
use serde::Serialize;

/// How a quotation is marked in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Between quotation marks.
    Direct,
    /// "X said that …", "…, X said."
    Reported,
}

/// One quotation in one article. Offsets are characters, as everywhere.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quote {
    pub article_id: ArticleId,
    /// The quoted words, without the quotation marks.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub speaker: Option<String>,
    pub kind: QuoteKind,
}
