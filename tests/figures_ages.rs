//! Ages of named people: outlets print a defendant's or a victim's age and get it wrong
//! (`Harris, 54,` against `Harris, 55,`). An age bound to a name is read as a figure of its
//! own, named by the person, and compared only with the same person's age. Every sentence
//! here is written for this file.

use crate::figures_structure::{conflicts, figures};
use crosscheck::analysis::Measure;

/// The ages in `text`, as (age, name).
fn ages(text: &str) -> Vec<(f64, String)> {
    figures(text)
        .into_iter()
        .filter(|f| f.measure == Measure::Age)
        .map(|f| (f.value, f.counted.unwrap_or_default()))
        .collect()
}

#[test]
fn an_age_after_a_name_is_that_persons_age() {
    assert_eq!(
        ages("John Harris, 54, of Leeds, was jailed on Friday."),
        vec![(54.0, "John Harris".to_owned())]
    );
    assert_eq!(
        ages("Dean Rourke (18) was sent to a young offender institution."),
        vec![(18.0, "Dean Rourke".to_owned())]
    );
    assert_eq!(
        ages("Harris, 54, and Mary Cole, 49, were jailed."),
        vec![(54.0, "Harris".to_owned()), (49.0, "Mary Cole".to_owned())]
    );
    // No name, no age to compare: `the suspect, 34,` may be anyone.
    assert_eq!(ages("The suspect, 34, was arrested."), vec![]);
    // A score, a place's count and a count after a place are no ages.
    assert_eq!(ages("Arsenal, 3, Chelsea, 1."), vec![]);
    assert_eq!(ages("The toll in Gaza (120) rose again."), vec![]);
    assert_eq!(ages("In Leeds, 12 people were hurt."), vec![]);
}

#[test]
fn one_persons_ages_are_compared_and_two_peoples_never() {
    let first = "John Harris, 54, of Leeds, was jailed for fraud.";
    // The same man, two years older in the other report.
    assert_eq!(
        conflicts(first, "Harris, 56, admitted fraud at Leeds Crown Court."),
        vec![(54.0, 56.0)]
    );
    // One year older: his birthday may fall between two undated reports.
    assert_eq!(
        conflicts(first, "Harris, 55, admitted fraud at Leeds Crown Court."),
        vec![]
    );
    assert_eq!(
        conflicts(first, "Harris, 54, admitted fraud at Leeds Crown Court."),
        vec![]
    );
    // His son is another person, though both are `Harris`.
    assert_eq!(
        conflicts(first, "Tom Harris, 25, admitted helping his father."),
        vec![]
    );
}
