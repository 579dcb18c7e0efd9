//! The plain data types of a project. Offsets are character offsets (Unicode scalar values)
//! into [`Article::text`], end exclusive, as GUIDE.md §1 fixes them.

use serde::{Deserialize, Serialize};

/// Row id of an article in the project file.
pub type ArticleId = i64;
/// Row id of a category.
pub type CategoryId = i64;
/// Row id of a claim.
pub type ClaimId = i64;
/// Row id of a link.
pub type LinkId = i64;

/// One imported article: its full text as stored, and what was detected about it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub id: ArticleId,
    /// Path relative to the imported folder, with `/` separators.
    pub path: String,
    pub title: String,
    pub outlet: Option<String>,
    /// ISO 8601 date or date-time, or a partial date such as `--09-12` when the year is unknown.
    pub published: Option<String>,
    /// The text all offsets refer to: decoded, line endings normalised to `\n`.
    pub text: String,
    /// SHA-256 of the file's bytes as read, lowercase hex.
    pub sha256: String,
    /// The encoding the file was decoded from, such as `UTF-8` or `windows-1252`.
    pub encoding: String,
    /// Who wrote it, as the page or document names them.
    pub author: Option<String>,
    /// The canonical web address of the article, when it came from a page that gives one.
    pub url: Option<String>,
}

impl Article {
    /// An article made in memory (tests, benchmarks, pasted text): UTF-8, no file hash, no
    /// metadata beyond its path and title.
    pub fn in_memory(
        id: ArticleId,
        path: impl Into<String>,
        title: impl Into<String>,
        text: impl Into<String>,
    ) -> Article {
        Article {
            id,
            path: path.into(),
            title: title.into(),
            outlet: None,
            published: None,
            text: text.into(),
            sha256: String::new(),
            encoding: "UTF-8".into(),
            author: None,
            url: None,
        }
    }

    /// Length of the text in characters.
    pub fn char_len(&self) -> usize {
        self.text.chars().count()
    }
}

/// A tag category of the codebook (Claim, Figure, Quote, …).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub id: CategoryId,
    pub name: String,
    /// `#rrggbb`.
    pub color: String,
    /// A single key, `1`…`9`, or `None`.
    pub shortcut: Option<String>,
    /// The category's identity across copies of a project, which merging matches by before
    /// names (a category renamed in one copy is still the same category). Given once, when
    /// the category is made, and never changed: see [`Category::new_uid`] and
    /// [`Category::derived_uid`].
    #[serde(default)]
    pub uid: String,
}

impl Category {
    /// A fresh identity for a category made now: 32 random hex digits.
    pub fn new_uid() -> String {
        use std::hash::{BuildHasher, Hasher};
        use std::sync::atomic::{AtomicU64, Ordering};
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        // Each `RandomState` is seeded from the operating system's randomness (then counted
        // up), so two hashers give 128 unpredictable bits without a random-number crate.
        let part = |salt: u64| {
            let mut h = std::collections::hash_map::RandomState::new().build_hasher();
            h.write_u64(salt);
            h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
            h.write_u128(
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_nanos()),
            );
            h.finish()
        };
        format!("{:016x}{:016x}", part(1), part(2))
    }

    /// The identity of a category that had none: the default codebook's categories, and those
    /// of files written before identities existed (schema version 7 gives them this same
    /// value). It depends only on the id and the name, so two projects started from one
    /// folder, or copies of one file, agree on it: `{id}-{hex of the name's UTF-8 bytes}`.
    pub fn derived_uid(id: CategoryId, name: &str) -> String {
        use std::fmt::Write;
        let mut uid = format!("{id}-");
        for b in name.bytes() {
            let _ = write!(uid, "{b:02x}");
        }
        uid
    }
}

/// One level of the verdict scale, stored in the project so a team can use its own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerdictLevel {
    pub name: String,
    /// Position on the scale for ClaimReview ratings; `None` for levels off the scale
    /// (Unverified, Unverifiable).
    pub rating: Option<i32>,
}

/// A tagged span of an article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    pub id: ClaimId,
    pub article_id: ArticleId,
    pub start: usize,
    pub end: usize,
    /// Always the article text between `start` and `end`.
    pub quote: String,
    pub category_id: Option<CategoryId>,
    pub verdict: Option<String>,
    /// Who the claim is attributed to, if anyone.
    pub attribution: Option<String>,
    pub note: String,
    /// The version of the article's text the offsets refer to: `None` for the current text
    /// (the usual case), `Some(v)` for a claim pinned to version `v`. A claim pinned to an
    /// earlier version is *orphaned*: a refresh changed its words, so it stays on the text it
    /// was made on until the researcher re-attaches it.
    #[serde(default)]
    pub version: Option<u32>,
    /// Who made the claim (the name set in Preferences), `None` when unknown (claims made
    /// before authors were recorded, or with no name set). Never changed by later edits.
    #[serde(default)]
    pub author: Option<String>,
    /// Who last changed its category, verdict, note or attribution, when someone other than
    /// its making did (moving it onto a new version of the text does not count).
    #[serde(default)]
    pub edited_by: Option<String>,
}

/// An earlier text of an article, kept when its source changed (`article_versions`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleVersion {
    /// 1 for the text first imported, counting up with each refresh that changed it.
    pub version: u32,
    pub text: String,
    /// SHA-256 of the source file's bytes when this text was read.
    pub sha256: String,
    /// When it was read (ISO 8601), `None` when unknown (the first import of older projects).
    pub read_at: Option<String>,
}

/// How the claims of a link relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    Contradicts,
    Supports,
    SameClaim,
    Updates,
}

impl LinkKind {
    /// All kinds, in menu order.
    pub const ALL: [LinkKind; 4] = [
        LinkKind::Contradicts,
        LinkKind::Supports,
        LinkKind::SameClaim,
        LinkKind::Updates,
    ];

    /// The name stored in `links.kind`.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::Contradicts => "contradicts",
            LinkKind::Supports => "supports",
            LinkKind::SameClaim => "same_claim",
            LinkKind::Updates => "updates",
        }
    }

    /// Parses the stored name.
    pub fn parse(s: &str) -> Option<LinkKind> {
        LinkKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The label shown to users.
    pub fn label(self) -> &'static str {
        match self {
            LinkKind::Contradicts => "Contradicts",
            LinkKind::Supports => "Supports",
            LinkKind::SameClaim => "Same claim",
            LinkKind::Updates => "Updates",
        }
    }
}

/// Where a link's question stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum Resolution {
    #[default]
    Open,
    /// Resolved, with the claim that stands if one does.
    Resolved {
        standing: Option<ClaimId>,
    },
    Unresolvable,
}

/// Two or more claims tied together.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub id: LinkId,
    pub kind: LinkKind,
    pub note: String,
    pub resolution: Resolution,
    /// Member claims, in the order they were added.
    pub members: Vec<ClaimId>,
    /// Who made the link, `None` when unknown. Never changed by later edits.
    #[serde(default)]
    pub author: Option<String>,
    /// Who last changed its kind, note, resolution or members.
    #[serde(default)]
    pub edited_by: Option<String>,
}

/// Which articles are open in which reading columns, left to right.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Layout {
    pub columns: Vec<ArticleId>,
}

/// The default codebook a new project starts with.
pub fn default_categories() -> Vec<Category> {
    [
        ("Claim", "#f2c14e"),
        ("Figure", "#5da9e9"),
        ("Quote", "#9bc53d"),
        ("Source", "#c879ff"),
        ("Date", "#ff8c61"),
    ]
    .iter()
    .enumerate()
    .map(|(i, (name, color))| Category {
        id: i as CategoryId + 1,
        name: (*name).to_owned(),
        color: (*color).to_owned(),
        shortcut: Some((i + 1).to_string()),
        uid: Category::derived_uid(i as CategoryId + 1, name),
    })
    .collect()
}

/// The default verdict scale.
pub fn default_verdicts() -> Vec<VerdictLevel> {
    [
        ("Unverified", None),
        ("True", Some(5)),
        ("Mostly true", Some(4)),
        ("Mixed", Some(3)),
        ("Mostly false", Some(2)),
        ("False", Some(1)),
        ("Unverifiable", None),
    ]
    .iter()
    .map(|(name, rating)| VerdictLevel {
        name: (*name).to_owned(),
        rating: *rating,
    })
    .collect()
}

/// The substring of `text` between character offsets `start` and `end` (end exclusive),
/// clamped to the text.
pub fn char_slice(text: &str, start: usize, end: usize) -> &str {
    let b0 = char_to_byte(text, start);
    let b1 = char_to_byte(text, end.max(start));
    &text[b0..b1]
}

/// Byte index of character offset `chars` in `text` (the text's length when past its end).
pub fn char_to_byte(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(b, _)| b)
}

/// Character offset of byte index `byte` (which must be on a char boundary or the end).
pub fn byte_to_char(text: &str, byte: usize) -> usize {
    text[..byte.min(text.len())].chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_slice_counts_scalar_values_not_bytes() {
        let text = "Zürich — 139 killed";
        assert_eq!(char_slice(text, 9, 12), "139");
        assert_eq!(byte_to_char(text, char_to_byte(text, 9)), 9);
        assert_eq!(char_slice(text, 17, 100), "ed");
    }

    #[test]
    fn link_kind_round_trips_through_its_stored_name() {
        for k in LinkKind::ALL {
            assert_eq!(LinkKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(LinkKind::parse("refutes"), None);
    }

    #[test]
    fn category_identities_are_fresh_when_made_and_fixed_for_the_default_codebook() {
        let a = Category::new_uid();
        let b = Category::new_uid();
        assert_ne!(a, b);
        assert_eq!(a.len(), 32);
        assert_eq!(Category::derived_uid(1, "Claim"), "1-436c61696d");
        assert_eq!(default_categories()[0].uid, "1-436c61696d");
        assert_eq!(Category::derived_uid(7, "Zoë"), "7-5a6fc3ab");
    }
}
