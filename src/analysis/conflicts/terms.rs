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

/// Whether terms (or ages) `a` (in `text_a`) and `b` (in `text_b`) may be one person's: both
/// unnamed with a person both articles name, both named by names that may be one person's
/// ([`one_person_named`]; the pairing compares full names), or the named one's defendant
/// written as a word in the other article.
pub(super) fn may_be_one_defendant(text_a: &str, a: &Figure, text_b: &str, b: &Figure) -> bool {
    match (a.counted.as_deref(), b.counted.as_deref()) {
        (Some(name), None) => names(text_b, split_name(name).1),
        (None, Some(name)) => names(text_a, split_name(name).1),
        (None, None) => !people(text_a).is_disjoint(&people(text_b)),
        (Some(x), Some(y)) => one_person_named(text_a, x, text_b, y),
    }
}

/// Whether `a`, as named in `text_a`, and `b`, in `text_b`, may be one person: a surname
/// alone (`Jackson, 47,`) is whoever of that surname its own article names in full, so it is
/// not `Sandi Jackson` where its article names only `Jesse L. Jackson`. Full names are
/// compared by [`same_defendant`].
pub(super) fn one_person_named(text_a: &str, a: &str, text_b: &str, b: &str) -> bool {
    let alone = |text: &str, name: &str, other: &str| {
        let (first, surname) = split_name(other);
        match (split_name(name), first) {
            ((None, _), Some(first)) => {
                let known = first_names(text, surname);
                known.is_empty() || known.contains(first)
            }
            _ => true,
        }
    };
    alone(text_a, a, b) && alone(text_b, b, a)
}

/// The first names `text` gives people of `surname` (`Jesse L. Jackson` gives `Jesse`;
/// `Mr Jackson` and `Rev. Jackson` give none).
fn first_names<'t>(text: &'t str, surname: &str) -> HashSet<&'t str> {
    named(text)
        .into_iter()
        .filter(|(_, last)| *last == surname)
        .map(|(first, _)| first)
        .collect()
}

/// The people an article names in full, as `First Surname`.
fn people(text: &str) -> HashSet<String> {
    named(text)
        .into_iter()
        .map(|(first, last)| format!("{first} {last}"))
        .collect()
}

/// The people `text` names in full, as (first name, surname): two capitalised words, perhaps
/// with middle initials between (`Jesse L. Jackson`); the first a name (not a title, nor a
/// word the lexicon knows as anything but a name), the second a surname (a word the lexicon
/// does not know, or knows as a name) and not a word of places and bodies (`Jesse Jackson`,
/// `Ann Rourke`; not `Circuit Court`, not `Dublin Circuit`, not `Judge Mary Rourke`).
fn named(text: &str) -> Vec<(&str, &str)> {
    let ws = words(text);
    let low = |i: usize| ws[i].text.to_lowercase();
    let initial =
        |i: usize| ws[i].text.chars().count() == 1 && ws[i].text.chars().all(char::is_uppercase);
    let mut out = Vec::new();
    for i in 1..ws.len() {
        let b = &ws[i];
        let lb = low(i);
        let (pos_b, known_b) = pos::lookup(&lb);
        // A middle initial's full stop is no sentence's end: `Jesse L. Jackson`.
        if (b.initial && !initial(i - 1))
            || !is_capitalised(b.text)
            || !b.text.chars().any(char::is_lowercase)
            || (known_b && pos_b != Pos::Propn)
            || is_body_or_place(&lb)
        {
            continue;
        }
        let mut j = i - 1;
        while j > 0 && initial(j) {
            j -= 1;
        }
        let a = ws[j].text;
        let la = low(j);
        let (pos_a, known_a) = pos::lookup(&la);
        if is_capitalised(a)
            && a.chars().any(char::is_lowercase)
            && (!known_a || pos_a == Pos::Propn)
            && !is_title(&la)
            // `Judge Mary Rourke`: a titled name too is the bench's, not the case's.
            && !(j >= 1 && is_title(&low(j - 1)))
        {
            out.push((a, b.text));
        }
    }
    out
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
    use super::{names, one_person_named, people, same_defendant};

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
    fn a_surname_alone_is_the_person_its_article_names_in_full() {
        let nyt = "Jesse L. Jackson Jr. was in court. Mr. Jackson, 47, wept.";
        let root = "Jackson's wife, Sandi Jackson, 49, also pleaded guilty.";
        assert!(!one_person_named(nyt, "Jackson", root, "Sandi Jackson"));
        assert!(one_person_named(
            nyt,
            "Jackson",
            "Jesse Jackson Jr., 48, was jailed.",
            "Jesse Jackson"
        ));
        // An article that names no one of that surname in full may mean anyone of it.
        assert!(one_person_named(
            "Mr. Jackson, 47, wept.",
            "Jackson",
            root,
            "Sandi Jackson"
        ));
        // Both full names: compared as names are.
        assert!(one_person_named("", "Ann Cole", "", "Ann Cole"));
    }

    #[test]
    fn a_name_is_found_only_as_a_whole_word() {
        assert!(names("Mr Harris, 54, was jailed.", "Harris"));
        assert!(!names("Harrison was jailed.", "Harris"));
        assert!(!names("The treasurer was jailed.", "Harris"));
    }
}
