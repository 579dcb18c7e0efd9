//! Prison terms: the fact a court story turns on. A term is read from the verb or noun of
//! sentencing that governs it, in months, with the defendant it is given to; a maximum the
//! law allows, a suspended term, a term asked for and a term served before are not terms
//! given. Two outlets' terms for one defendant are compared, one defendant's never with
//! another's. Every sentence here is written for this file.

use crate::figures_structure::{conflicts, figures};
use crosscheck::analysis::Measure;

/// The terms in `text`, as (months or weeks as written, unit, defendant).
fn terms(text: &str) -> Vec<(f64, String, Option<String>)> {
    figures(text)
        .into_iter()
        .filter(|f| f.measure == Measure::Jailed)
        .map(|f| (f.value, f.unit.unwrap_or_default(), f.counted))
        .collect()
}

fn months(v: f64, who: Option<&str>) -> (f64, String, Option<String>) {
    (v, "months".to_owned(), who.map(str::to_owned))
}

#[test]
fn a_term_is_read_from_the_verb_or_noun_that_gives_it() {
    for (text, want) in [
        (
            "Harris was jailed for seven years at Leeds Crown Court.",
            months(84.0, Some("Harris")),
        ),
        (
            "The judge jailed Harris for six years.",
            months(72.0, Some("Harris")),
        ),
        (
            "Judge Peter Smith sentenced Kelly, 29, to 30 months.",
            months(30.0, Some("Kelly")),
        ),
        (
            "Kelly was sentenced on Tuesday to three years in prison.",
            months(36.0, Some("Kelly")),
        ),
        (
            "Mary Cole, 49, of Leeds, was given a three-year prison sentence.",
            months(36.0, Some("Mary Cole")),
        ),
        (
            "John Harris, who had admitted fraud, was yesterday jailed for five years.",
            months(60.0, Some("John Harris")),
        ),
        (
            "He received a sentence of nine years after a trial at the Old Bailey.",
            months(108.0, None),
        ),
        (
            "She got nine years' imprisonment at Leeds Crown Court.",
            months(108.0, None),
        ),
        // Years and months are one term, in months, so `18 months` meets `a year and a half`.
        (
            "Smith was jailed for seven and a half years.",
            months(90.0, Some("Smith")),
        ),
        (
            "Jones was jailed for a year and a half.",
            months(18.0, Some("Jones")),
        ),
        (
            "Patel was jailed for two years and eight months on Friday.",
            months(32.0, Some("Patel")),
        ),
        // Shapes of real court copy: an object of common words, a court between the verb
        // and the length, a time of day, a gerund, a range some states give as the term.
        (
            "The jury sided with the state, sentencing the 58-year-old to 21 years in prison.",
            months(252.0, None),
        ),
        (
            "On Monday he was sentenced in Brooklyn federal court to six years in prison.",
            months(72.0, None),
        ),
        (
            "Her brother was sentenced Thursday afternoon to two years in prison.",
            months(24.0, None),
        ),
        (
            "The judge called it a grave offence before jailing him for eight years.",
            months(96.0, None),
        ),
        (
            "A federal judge sentenced former Rep. Tom Alder Jr. to 30 months in prison.",
            months(30.0, Some("Tom Alder")),
        ),
        (
            "Disgraced MP Ann Tate was jailed for 18 months.",
            months(18.0, Some("Ann Tate")),
        ),
        (
            "Lyons was sentenced to four to six years in state prison.",
            (48.0, "months".to_owned(), Some("Lyons".to_owned())),
        ),
        // A name in apposition after a firm's is the defendant; an address is no one.
        (
            "A former trader at the investment bank, Northgate Partners, Alan Verity, has \
been sentenced to eight years in prison.",
            months(96.0, Some("Alan Verity")),
        ),
        (
            "Quinn of Elm Park Drive, Ballyfermot, Dublin was sentenced today at Dublin \
Circuit Criminal Court to six years in prison.",
            months(72.0, None),
        ),
        // A sentence a court gives needs no prison word; a half may stand a space apart.
        (
            "John Harris was given a seven-year sentence on Friday.",
            months(84.0, Some("John Harris")),
        ),
        (
            "Judge Peter Smith imposed the 2 ½-year sentence on Friday.",
            months(30.0, None),
        ),
        // Part of a term suspended leaves a term.
        (
            "Mary Cole was jailed for six years. The judge suspended the final year.",
            months(72.0, Some("Mary Cole")),
        ),
    ] {
        assert_eq!(terms(text), vec![want], "{text}");
    }
}

#[test]
fn lengths_no_court_gave_now_are_not_terms() {
    for text in [
        // A maximum the law allows, and what a defendant faces.
        "White faces up to 14 years in prison if convicted.",
        "The offence carries a maximum sentence of 10 years.",
        "He could be jailed for five years.",
        // A suspended term, a minimum inside a life sentence, a community order.
        "Kelly was jailed for 12 weeks, suspended for a year.",
        "Green was sentenced to life with a minimum term of 25 years.",
        "She was sentenced to 200 hours of community service and 12 months' supervision.",
        // What a side asks for, and a guidelines range.
        "Prosecutors recommended that Jackson receive a sentence of 46 to 57 months.",
        "Prosecutors asked for him to be jailed for eight years.",
        // Time served before, and time that is no sentence.
        "Harris had been jailed for four years for an earlier fraud.",
        "Mandela spent 27 years in prison.",
        "The fraud ran for six years.",
        "Grey was banned from driving for three years.",
        // Another term the story sets this one against.
        "The term is far longer than the 70-month prison sentence he first agreed to.",
        "Reilly was sentenced to two years of probation.",
        "In addition, Reilly was sentenced to three years of supervised release.",
        "Reilly was sentenced to two years on probation.",
        // The whole term suspended, in the next sentence; a term under appeal, given before.
        "The judge imposed a seven-year sentence on Quinn. He suspended both sentences for \
two years.",
        "Harris was jailed for four years. The judge suspended the sentence in full.",
        "Dutton is appealing a 10-year sentence for possession of heroin.",
        // A term of office is no prison term.
        "She won a four-year term as mayor.",
    ] {
        assert_eq!(terms(text), vec![], "{text}");
    }
}

#[test]
fn each_term_names_its_defendant() {
    // Two defendants in one sentence; the second's term is left unsaid in its unit.
    assert_eq!(
        terms("Harris, 34, of Leeds, was jailed for six years and Cole for four."),
        vec![months(72.0, Some("Harris")), months(48.0, Some("Cole"))]
    );
    // Two names under one verb, or a pronoun, name no one person.
    assert_eq!(
        terms("Harris and Cole were jailed for six years each."),
        vec![months(72.0, None)]
    );
    assert_eq!(
        terms("He was jailed for 18 months."),
        vec![months(18.0, None)]
    );
    // A surname that is also a word opens a sentence capitalised: it is a name when the
    // text writes it so elsewhere.
    assert_eq!(
        terms("The court heard from Paul Brown. Brown was jailed for two years."),
        vec![months(24.0, Some("Brown"))]
    );
    assert_eq!(
        terms("Defendants were jailed for two years."),
        vec![months(24.0, None)]
    );
    // An aside's country is not the defendant; the name before the aside is.
    assert_eq!(
        terms(
            "Ex-governor Tom Alder, once a rising star in the United States, was sentenced \
on Monday to 40 months in prison."
        ),
        vec![months(40.0, Some("Tom Alder"))]
    );
    assert_eq!(
        terms(
            "Tom Alder Jr., once a rising star in the United States, was sentenced on \
Monday to 40 months in prison."
        ),
        vec![months(40.0, Some("Tom Alder"))]
    );
    // The defendant addressed names no one.
    assert_eq!(
        terms("The judge told him: \"You were jailed for five years for the same offence.\""),
        vec![months(60.0, None)]
    );
}

const FIRST: &str = "A former charity treasurer who stole from a children's hospice has been \
jailed for seven years. John Harris, 54, of Leeds, admitted fraud. His accomplice, Mary Cole, \
49, was jailed for three years.";

#[test]
fn terms_for_one_defendant_are_compared_and_never_across_defendants() {
    // Seven years against seven and a half: the fact the story turns on.
    let second = "Harris, 54, from Leeds, was jailed for seven and a half years on Friday. \
Mary Cole, 49, who helped him hide the money, was given a three-year prison sentence.";
    assert_eq!(conflicts(FIRST, second), vec![(84.0, 90.0)]);
    // The same terms written another way agree.
    let same = "Harris was jailed for seven years. Cole was sentenced to 36 months.";
    assert_eq!(conflicts(FIRST, same), vec![]);
    // A husband's term is never set against his wife's, though both are `Jackson`.
    let couple = "Former congressman Leon Jackson was sentenced to 30 months in prison.";
    let wife = "Leon Jackson's term was set. His wife, Rita Jackson, was sentenced to 12 months \
in prison.";
    assert_eq!(conflicts(couple, wife), vec![]);
    // Cole's three years are never set against Harris's term, nor a driving ban against
    // either.
    let other = "Harris was jailed for seven years. Cole was jailed for 30 months and banned \
from driving for five years.";
    assert_eq!(conflicts(FIRST, other), vec![(36.0, 30.0)]);
}

#[test]
fn a_named_term_meets_an_unnamed_one_only_where_that_name_is_written() {
    let named = "Former state senator Paul Ortiz was jailed for five years on Tuesday.";
    // The other article never names Ortiz: its unnamed term is someone else's.
    let other_case = "A former senate leader was sentenced to four years in prison. The \
resentencing followed an appeal.";
    assert_eq!(conflicts(named, other_case), vec![]);
    // It names him, so its unnamed term may be his, and the two disagree.
    let same_case = "Paul Ortiz, a former state senator, faced a judge on Tuesday. He was \
sentenced to four years in prison.";
    assert_eq!(conflicts(named, same_case), vec![(60.0, 48.0)]);
}

#[test]
fn two_unnamed_terms_are_compared_only_where_the_articles_name_one_person_alike() {
    // Two car chases heard by one judge in one court: the terms are two men's.
    let first = "A man who led gardaí on a chase was jailed for two years at Dublin Circuit \
Criminal Court. Judge Mary Rourke said Keith Dolan had put lives at risk.";
    let second = "A driver who rammed a patrol car was jailed for 18 months at Dublin Circuit \
Criminal Court, where Judge Mary Rourke said Aidan Crean showed no remorse.";
    assert_eq!(conflicts(first, second), vec![]);
    // Two reports of one man's case name him alike, and their terms disagree.
    let third = "Keith Dolan, who fled gardaí at speed, was told by Judge Rourke that he \
would serve 18 months. He was jailed for 18 months.";
    assert_eq!(conflicts(first, third), vec![(24.0, 18.0)]);
}
