//! Which prison terms of two articles may be one defendant's. A term names its defendant
//! where its clause does (`Harris was jailed for`), and many do not (`has been jailed for`,
//! `He was jailed for`). A named term and an unnamed one are compared only when the unnamed
//! one's article names that defendant somewhere, and two unnamed ones only when the two
//! articles name one person alike (a first name and a surname): a story that runs two court
//! cases together (two politicians' frauds in one city, two car chases before one court) must
//! not set one man's term against another's.

use crate::analysis::figures::{Figure, is_title};
use crate::analysis::text::names::{is_capitalised, words};
use crate::analysis::text::pos::{self, Pos};
use std::collections::HashSet;

/// Whether two defendants' names, as terms name them, may be one person: the same surname,
/// and the same first name where both give one (`Harris` is `John Harris`; `Sandi Jackson` is
/// not `Jesse Jackson`).
pub(super) fn same_defendant(a: &str, b: &str) -> bool {
    let (fa, la) = split_name(a);
    let (fb, lb) = split_name(b);
    la.eq_ignore_ascii_case(lb) && (fa.is_none() || fb.is_none() || fa == fb)
}

/// A name's first word (if it has more than one) and its last.
fn split_name(name: &str) -> (Option<&str>, &str) {
    let mut words = name.split_whitespace();
    let first = words.next().unwrap_or("");
    match words.next_back() {
        Some(last) => (Some(first), last),
        None => (None, first),
    }
}

/// Whether terms `a` (in `text_a`) and `b` (in `text_b`) may be one defendant's: both
/// unnamed, both named (the pairing compares the names), or the named one's defendant
/// written as a word in the other article.
pub(super) fn may_be_one_defendant(text_a: &str, a: &Figure, text_b: &str, b: &Figure) -> bool {
    match (a.counted.as_deref(), b.counted.as_deref()) {
        (Some(name), None) => names(text_b, split_name(name).1),
        (None, Some(name)) => names(text_a, split_name(name).1),
        (None, None) => !people(text_a).is_disjoint(&people(text_b)),
        _ => true,
    }
}

/// The people an article names in full: two capitalised words, the second a surname (a word
/// the lexicon does not know, or knows as a name) and not a word of places and bodies
/// (`Jesse Jackson`, `Ann Rourke`; not `Circuit Court`, not `Dublin Circuit`).
fn people(text: &str) -> HashSet<String> {
    let ws = words(text);
    let low = |i: usize| ws[i].text.to_lowercase();
    (1..ws.len())
        .filter(|&i| {
            let (a, b) = (&ws[i - 1], &ws[i]);
            let (la, lb) = (low(i - 1), low(i));
            let (pos_b, known) = pos::lookup(&lb);
            !b.initial
                && is_capitalised(a.text)
                && is_capitalised(b.text)
                && b.text.chars().any(char::is_lowercase)
                && (!known || pos_b == Pos::Propn)
                && !is_body_or_place(&lb)
                && !matches!(pos::lexical(&la), Pos::Adp | Pos::Det | Pos::Pron)
                && !is_title(&la)
                // `Judge Mary Rourke`: a titled name too is the bench's, not the case's.
                && !(i >= 2 && is_title(&low(i - 2)))
        })
        .map(|i| format!("{} {}", ws[i - 1].text, ws[i].text))
        .collect()
}

/// Whether `text` holds `name` as a whole word.
fn names(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Last words of the names of courts, places and bodies, which two cases share.
fn is_body_or_place(w: &str) -> bool {
    matches!(
        w,
        "court"
            | "courts"
            | "circuit"
            | "crown"
            | "district"
            | "county"
            | "city"
            | "council"
            | "state"
            | "states"
            | "senate"
            | "assembly"
            | "street"
            | "road"
            | "avenue"
            | "lane"
            | "park"
            | "drive"
            | "square"
            | "bridge"
            | "hospital"
            | "police"
            | "prison"
            | "station"
            | "university"
            | "college"
            | "school"
            | "church"
            | "house"
            | "party"
            | "department"
            | "office"
            | "news"
            | "times"
            | "post"
            | "centre"
            | "center"
            | "airport"
            | "bailey"
    )
}

#[cfg(test)]
mod tests {
    use super::{names, people, same_defendant};

    #[test]
    fn people_are_a_first_name_and_a_surname_not_a_court_or_a_place() {
        let found = people("The judge jailed Dean Cole at Dublin Circuit Criminal Court.");
        assert!(found.contains("Dean Cole"), "{found:?}");
        assert!(
            !found
                .iter()
                .any(|p| p.contains("Court") || p.contains("Circuit"))
        );
        // A judge sits on many cases: a title and a surname are no one case's person.
        assert!(!people("It was heard by Judge McCartan.").contains("Judge McCartan"));
        assert!(people("Judge Ann Rourke presided.").is_empty());
    }

    #[test]
    fn a_surname_alone_may_be_anyone_of_that_name_but_two_first_names_are_two_people() {
        assert!(same_defendant("Harris", "John Harris"));
        assert!(same_defendant("John Harris", "John Harris"));
        assert!(!same_defendant("Sandi Jackson", "Jesse Jackson"));
        assert!(!same_defendant("Harris", "Cole"));
    }

    #[test]
    fn a_name_is_found_only_as_a_whole_word() {
        assert!(names("Mr Harris, 54, was jailed.", "Harris"));
        assert!(!names("Harrison was jailed.", "Harris"));
        assert!(!names("The treasurer was jailed.", "Harris"));
    }
}
