//! Which prison terms of two articles may be one defendant's. A term names its defendant
//! where its clause does (`Harris was jailed for`), and many do not (`has been jailed for`,
//! `He was jailed for`). A named term and an unnamed one are compared only when the unnamed
//! one's article names that defendant somewhere: a story that runs two court cases together
//! (two politicians' frauds in one city) must not set one man's term against another's.

use crate::analysis::figures::Figure;

/// Whether terms `a` (in `text_a`) and `b` (in `text_b`) may be one defendant's: both
/// unnamed, both named (the pairing compares the names), or the named one's defendant
/// written as a word in the other article.
pub(super) fn may_be_one_defendant(text_a: &str, a: &Figure, text_b: &str, b: &Figure) -> bool {
    match (a.counted.as_deref(), b.counted.as_deref()) {
        (Some(name), None) => names(text_b, name),
        (None, Some(name)) => names(text_a, name),
        _ => true,
    }
}

/// Whether `text` holds `name` as a whole word.
fn names(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::names;

    #[test]
    fn a_name_is_found_only_as_a_whole_word() {
        assert!(names("Mr Harris, 54, was jailed.", "Harris"));
        assert!(!names("Harrison was jailed.", "Harris"));
        assert!(!names("The treasurer was jailed.", "Harris"));
    }
}
