//! Publication and update stamps inside an article's body ("Updated 3:45 p.m. ET, Dec. 5,
//! 2026", "Published 10:02 AM EST Dec 5 | Updated 11:15 AM"): they date the page, not the
//! story, so they leave the text — and their date is kept for the article when the page
//! declares none.
//!
//! A stamp is a short element made only of stamp words (`updated`, `published`, `posted`,
//! `last`, `on`, `at`, `ago`…), dates, clock times, weekdays, months and time zones, with at
//! least one stamp verb and one number. A sentence that merely mentions an update ("The law
//! was updated on Dec. 5 after protests") has other words and stays.

use super::detect::{date_in_text, weekday, zone_offset};
use crate::model::month_number;
use dom_query::Document;

/// Longest text (characters) an element may hold to be a stamp.
const MAX_STAMP: usize = 120;

/// The dates stamps gave, before they were removed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stamps {
    /// From a `Published`/`Posted`/`First published` stamp.
    pub published: Option<String>,
    /// From an `Updated`/`Modified` stamp.
    pub updated: Option<String>,
}

/// Removes every stamp element of `doc` and returns the dates they carried.
pub fn drop_update_stamps(doc: &Document) -> Stamps {
    let mut stamps = Stamps::default();
    for node in doc
        .select("p, span, div, time, li, small, em, strong")
        .nodes()
    {
        let text = node.text();
        let t = text.trim();
        if t.is_empty() || t.chars().count() > MAX_STAMP {
            continue;
        }
        let Some(kind) = stamp_kind(t) else { continue };
        let date = date_in_text(&t.replace(['|', '·', '•'], " "));
        match kind {
            Kind::Published => stamps.published = stamps.published.take().or(date),
            Kind::Updated => stamps.updated = stamps.updated.take().or(date),
        }
        node.remove_from_parent();
    }
    stamps
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Published,
    Updated,
}

/// Whether `t` is a stamp, and which kind its first stamp verb makes it.
fn stamp_kind(t: &str) -> Option<Kind> {
    let mut kind = None;
    let mut number = false;
    for raw in t.split_whitespace() {
        let w = raw
            .trim_matches(|c: char| matches!(c, ',' | ';' | '(' | ')' | '[' | ']'))
            .to_lowercase();
        let w = w.trim_end_matches(':');
        if w.is_empty() {
            continue;
        }
        match w {
            "published" | "posted" | "first" | "originally" => {
                kind.get_or_insert(Kind::Published);
            }
            "updated" | "update" | "modified" | "last" => {
                kind.get_or_insert(Kind::Updated);
            }
            _ if filler(w) => {}
            _ if w.chars().any(|c| c.is_ascii_digit()) => {
                if !w
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | '/' | '-' | 'h'))
                    && !clock_with_meridiem(w)
                {
                    return None;
                }
                number = true;
            }
            _ => return None,
        }
    }
    kind.filter(|_| number)
}

/// Words a stamp may hold besides its verb and numbers.
fn filler(w: &str) -> bool {
    matches!(
        w,
        "on" | "at"
            | "ago"
            | "|"
            | "/"
            | "·"
            | "•"
            | "-"
            | "–"
            | "—"
            | "am"
            | "pm"
            | "a.m."
            | "p.m."
            | "minute"
            | "minutes"
            | "min"
            | "mins"
            | "hour"
            | "hours"
            | "hr"
            | "hrs"
            | "day"
            | "days"
            | "et"
            | "pt"
            | "ct"
            | "mt"
            | "edt"
            | "est"
            | "pdt"
            | "pst"
            | "cdt"
            | "mdt"
            | "of"
            | "the"
    ) || month_number(w.trim_end_matches('.')).is_some()
        || weekday(w.trim_end_matches('.'))
        || zone_offset(w).is_some()
}

/// `3:45pm`, `10am`, `9.30p.m.`
fn clock_with_meridiem(w: &str) -> bool {
    ["am", "pm", "a.m.", "p.m.", "a.m", "p.m"]
        .iter()
        .find_map(|m| w.strip_suffix(m))
        .is_some_and(|n| {
            !n.is_empty()
                && n.chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.'))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_are_told_from_sentences_that_mention_an_update() {
        assert_eq!(
            stamp_kind("Updated 3:45 p.m. ET, Dec. 5, 2026"),
            Some(Kind::Updated)
        );
        assert_eq!(
            stamp_kind("Published 10:02 AM EST Dec 5, 2026 | Updated 11:15 AM EST"),
            Some(Kind::Published)
        );
        assert_eq!(
            stamp_kind("Last updated: 12 minutes ago"),
            Some(Kind::Updated)
        );
        assert_eq!(
            stamp_kind("Posted on Tuesday, 3 March 2026 at 9:30pm"),
            Some(Kind::Published)
        );
        assert_eq!(
            stamp_kind("The law was updated on Dec. 5 after protests"),
            None
        );
        assert_eq!(stamp_kind("Updated"), None, "a stamp has a number");
        assert_eq!(stamp_kind("Published in 14 countries"), None);
    }
}
