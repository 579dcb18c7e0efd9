//! What a merge did and what it found that a person should look at: clashes of the codebook
//! and verdict scale, and claims or links the two projects judged differently.

use serde::Serialize;

/// A category or verdict level the two projects disagree about. Never settled silently: the
/// open project's version is kept and the clash is shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "clash")]
pub enum Clash {
    /// The same category (by identity) has another name in the other project.
    Renamed { ours: String, theirs: String },
    /// Categories with the same name but different identities were taken as one.
    SameNameOtherIdentity { name: String },
    /// The same category has another colour in the other project.
    Colour {
        name: String,
        ours: String,
        theirs: String,
    },
    /// A category new to this project came with a shortcut key already in use here; it was
    /// added without one.
    ShortcutTaken { name: String, key: String },
    /// A verdict level of the same name sits at another place on the scale.
    VerdictRating {
        name: String,
        ours: Option<i32>,
        theirs: Option<i32>,
    },
}

impl Clash {
    /// One line for people: what differs and what was kept.
    pub fn describe(&self) -> String {
        match self {
            Clash::Renamed { ours, theirs } => format!(
                "category “{ours}” is called “{theirs}” in the other project (same category; kept “{ours}”)"
            ),
            Clash::SameNameOtherIdentity { name } => format!(
                "category “{name}” was made separately in each project; taken as one category"
            ),
            Clash::Colour { name, ours, theirs } => {
                format!("category “{name}” is {theirs} in the other project (kept {ours})")
            }
            Clash::ShortcutTaken { name, key } => format!(
                "category “{name}” came with key {key}, which is taken here; added without a key"
            ),
            Clash::VerdictRating { name, ours, theirs } => format!(
                "verdict “{name}” has rating {} in the other project (kept {})",
                rating(*theirs),
                rating(*ours)
            ),
        }
    }
}

/// `1 claim`, `2 claims`, `2 clashes`.
fn count(n: usize, noun: &str) -> String {
    match (n, noun.ends_with("sh")) {
        (1, _) => format!("1 {noun}"),
        (_, true) => format!("{n} {noun}es"),
        _ => format!("{n} {noun}s"),
    }
}

fn rating(r: Option<i32>) -> String {
    r.map_or_else(|| "none".to_owned(), |r| r.to_string())
}

/// A claim or link both projects hold that they judged differently. The open project's value
/// is kept and the other's is written into the note, so it is never lost.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Conflict {
    /// `claim`, `link` or `article`.
    pub kind: &'static str,
    /// Its id in the merged project.
    pub id: i64,
    /// What differs: `verdict`, `attribution`, `note`, `resolution`; for an article
    /// `outlet`, `published`, `author`, `url` or `story`.
    pub field: &'static str,
    /// A few words to find it by (the quote, or the link's kind).
    pub what: String,
    pub ours: String,
    pub theirs: String,
    /// Who made the other project's version, when known.
    pub theirs_by: Option<String>,
}

impl Conflict {
    /// One line for people.
    pub fn describe(&self) -> String {
        let by = self
            .theirs_by
            .as_deref()
            .map(|b| format!(" ({b})"))
            .unwrap_or_default();
        // Articles have no note to keep the other value in; the report is where it stays.
        let kept = if self.kind == "article" {
            "kept this project's"
        } else {
            "kept this project's, the other's is in the note"
        };
        format!(
            "{} {} “{}”: {} here “{}”, in the other project “{}”{by}; {kept}",
            self.kind, self.id, self.what, self.field, self.ours, self.theirs
        )
    }
}

/// The outcome of a merge, for the summary line, the warnings and the result window.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct MergeReport {
    /// Articles of the other project found here with the same text.
    pub articles_same: usize,
    /// Articles new to this project (their titles).
    pub articles_added: Vec<String>,
    /// Articles whose source changed between the two projects, and what the merge did.
    pub articles_changed: Vec<String>,
    /// Claims added from the other project.
    pub claims_added: usize,
    /// Claims both projects hold (same article, offsets and category), kept once.
    pub claims_same: usize,
    /// Claims of the other project moved onto a newer text of their article.
    pub claims_reanchored: usize,
    /// Claims (of either project) left on an earlier text because their words changed.
    pub claims_orphaned: usize,
    pub links_added: usize,
    pub links_same: usize,
    /// Links of the other project that could not be kept (fewer than two distinct claims).
    pub links_skipped: usize,
    /// Categories and verdict levels new to this project.
    pub categories_added: Vec<String>,
    pub verdicts_added: Vec<String>,
    /// Articles whose missing details (outlet, date, author, web address) came from the other
    /// project.
    pub details_taken: usize,
    /// Articles that took the story the other researcher set on them.
    pub stories_taken: usize,
    pub clashes: Vec<Clash>,
    pub conflicts: Vec<Conflict>,
}

impl MergeReport {
    /// "3 claims added, 5 already here, 1 link added; 2 clashes, 1 conflict".
    pub fn summary(&self) -> String {
        let n = count;
        let mut parts = vec![
            format!("{} added", n(self.claims_added, "claim")),
            format!("{} already here", self.claims_same),
            format!("{} added", n(self.links_added, "link")),
        ];
        if !self.articles_added.is_empty() {
            parts.push(format!("{} added", n(self.articles_added.len(), "article")));
        }
        if !self.articles_changed.is_empty() {
            parts.push(format!(
                "{} with a changed source",
                n(self.articles_changed.len(), "article")
            ));
        }
        if self.details_taken > 0 {
            parts.push(format!(
                "details of {} filled in",
                n(self.details_taken, "article")
            ));
        }
        if self.stories_taken > 0 {
            parts.push(format!("{} placed", n(self.stories_taken, "story choice")));
        }
        if self.claims_orphaned > 0 {
            parts.push(format!("{} orphaned", n(self.claims_orphaned, "claim")));
        }
        let mut line = parts.join(", ");
        if !self.clashes.is_empty() || !self.conflicts.is_empty() {
            line.push_str(&format!(
                "; {}, {} to look at",
                n(self.clashes.len(), "clash"),
                n(self.conflicts.len(), "conflict")
            ));
        }
        line
    }

    /// Whether the other project held nothing this one lacked.
    pub fn nothing_new(&self) -> bool {
        self.claims_added == 0
            && self.links_added == 0
            && self.articles_added.is_empty()
            && self.articles_changed.is_empty()
            && self.categories_added.is_empty()
            && self.verdicts_added.is_empty()
            && self.details_taken == 0
            && self.stories_taken == 0
    }
}
