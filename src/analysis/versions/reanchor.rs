//! Re-anchoring a claim on a new version of its article's text, digit-strictly.
//!
//! A claim moves only onto a span whose text is exactly its quote. The search goes:
//! 1. the quote together with its old context (prefix and suffix), found once in the new text;
//! 2. alignment through the word diff ([`VersionDiff::map_span`]): the same words, unchanged;
//! 3. the quote alone, when it occurs exactly once in both the old and the new text.
//!
//! Anything else — a digit, a number word, a name, a negation or any other word of the quote
//! changed — leaves the claim [`Anchor::Orphaned`], with the new text that now sits where the
//! quote was, so the researcher can compare and re-attach it by hand.

use super::diff::VersionDiff;
use crate::model::char_slice;

/// How many characters of context on each side identify a quote.
const CONTEXT: usize = 32;

/// Where a claim lands on the new version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The quote was found unchanged at `start..end` (character offsets into the new text).
    Moved { start: usize, end: usize },
    /// The quote is not in the new text as it was; `near` is the new text's span that
    /// replaced it (possibly empty), for showing old and new side by side.
    Orphaned { near_start: usize, near_end: usize },
}

/// A text prepared for many quote look-ups: its characters, so offsets are cheap.
pub struct Indexed<'a> {
    text: &'a str,
    /// Byte offset of each character, plus the length at the end.
    bytes: Vec<usize>,
}

impl<'a> Indexed<'a> {
    /// Indexes `text` by character.
    pub fn new(text: &'a str) -> Indexed<'a> {
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        Indexed { text, bytes }
    }

    fn len(&self) -> usize {
        self.bytes.len() - 1
    }

    fn slice(&self, start: usize, end: usize) -> &'a str {
        let end = end.min(self.len());
        let start = start.min(end);
        &self.text[self.bytes[start]..self.bytes[end]]
    }

    /// Character offsets of every occurrence of `needle`.
    fn find_all(&self, needle: &str) -> Vec<usize> {
        if needle.is_empty() {
            return Vec::new();
        }
        self.text
            .match_indices(needle)
            .filter_map(|(b, _)| self.bytes.binary_search(&b).ok())
            .collect()
    }
}

/// Re-anchors a claim `start..end` with `quote` from `old` onto `new`. `diff` is the diff of
/// the two texts (built once per article and shared by its claims).
pub fn reanchor(
    old: &Indexed<'_>,
    new: &Indexed<'_>,
    diff: &VersionDiff,
    start: usize,
    end: usize,
    quote: &str,
) -> Anchor {
    let found = |s: usize| {
        let e = s + quote.chars().count();
        (new.slice(s, e) == quote).then_some(Anchor::Moved { start: s, end: e })
    };
    // 1. The quote in its context, exactly once.
    let prefix = old.slice(start.saturating_sub(CONTEXT), start);
    let suffix = old.slice(end, end + CONTEXT);
    let with_context = format!("{prefix}{quote}{suffix}");
    if let [only] = new.find_all(&with_context)[..]
        && let Some(anchor) = found(only + prefix.chars().count())
    {
        return anchor;
    }
    // 2. Through the diff: the same words, unchanged, in the same order.
    if let Some((s, _)) = diff.map_span(start, end)
        && let Some(anchor) = found(s)
    {
        return anchor;
    }
    // 3. A quote unique on both sides is the same passage, wherever it went.
    if let [only] = new.find_all(quote)[..]
        && old.find_all(quote).len() == 1
        && let Some(anchor) = found(only)
    {
        return anchor;
    }
    let (near_start, near_end) = diff.map_around(start, end);
    Anchor::Orphaned {
        near_start,
        near_end,
    }
}

/// The new text shown for an orphaned claim: the replacing span, widened to whole words.
pub fn near_text(new: &str, near_start: usize, near_end: usize) -> String {
    let (s, e) = near_span(new, near_start, near_end);
    char_slice(new, s, e).to_owned()
}

/// The replacing span `near_start..near_end`, widened to whole words (character offsets).
pub fn near_span(new: &str, near_start: usize, near_end: usize) -> (usize, usize) {
    let chars: Vec<char> = new.chars().collect();
    let mut s = near_start.min(chars.len());
    let mut e = near_end.clamp(s, chars.len());
    while s > 0 && chars[s - 1].is_alphanumeric() {
        s -= 1;
    }
    while e < chars.len() && chars[e].is_alphanumeric() {
        e += 1;
    }
    (s, e)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(old: &str, new: &str, quote: &str) -> (Anchor, String) {
        let start = old[..old.find(quote).expect("quote in old")]
            .chars()
            .count();
        let end = start + quote.chars().count();
        let diff = VersionDiff::new(old, new);
        let a = reanchor(
            &Indexed::new(old),
            &Indexed::new(new),
            &diff,
            start,
            end,
            quote,
        );
        let text = match a {
            Anchor::Moved { start, end } => char_slice(new, start, end).to_owned(),
            Anchor::Orphaned {
                near_start,
                near_end,
            } => near_text(new, near_start, near_end),
        };
        (a, text)
    }

    #[test]
    fn a_quote_moves_past_an_inserted_paragraph() {
        let (a, text) = run(
            "Intro.\n\nAt least 139 people were killed.",
            "Intro.\n\nA new paragraph about Zürich.\n\nAt least 139 people were killed.",
            "139 people were killed",
        );
        assert!(matches!(a, Anchor::Moved { .. }));
        assert_eq!(text, "139 people were killed");
    }

    #[test]
    fn one_changed_digit_orphans_the_claim_and_shows_the_new_words() {
        let (a, text) = run(
            "Intro.\n\nAt least 139 people were killed.",
            "Intro.\n\nAt least 143 people were killed.",
            "139 people",
        );
        assert!(matches!(a, Anchor::Orphaned { .. }));
        assert_eq!(text, "143 people");
    }

    #[test]
    fn the_same_quote_elsewhere_does_not_capture_a_changed_claim() {
        // The tagged "139" changed; another "139" in the new text must not receive the claim.
        let (a, _) = run(
            "Police said 139 died. Earlier 139 was reported.",
            "Police said 143 died. Earlier 139 was reported.",
            "Police said 139",
        );
        assert!(matches!(a, Anchor::Orphaned { .. }));
    }

    #[test]
    fn a_negation_inside_the_quote_orphans_it() {
        let (a, text) = run(
            "The mayor said the dam was safe.",
            "The mayor said the dam was not safe.",
            "the dam was safe",
        );
        assert!(matches!(a, Anchor::Orphaned { .. }));
        assert_eq!(text, "the dam was not safe");
    }
}
