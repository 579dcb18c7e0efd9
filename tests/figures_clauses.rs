//! What the words around a number say of it by their place in the clause: a count that names
//! who speaks (`one official said`, `according to two doctors`) counts the sentence's sources,
//! never what it reports (news attributes a toll in the toll's own sentence, and the speaker
//! must not become a toll of one); a time phrase right after a number (`last month`) says when,
//! not what is counted. Every sentence here is written for this file.

use crate::figures_structure::{conflicts, figures};
use crosscheck::analysis::Measure;

/// The measure of each figure in `text`, as (value, measure).
fn measures(text: &str) -> Vec<(f64, Measure)> {
    figures(text).iter().map(|f| (f.value, f.measure)).collect()
}

#[test]
fn the_speakers_of_a_toll_are_not_part_of_it() {
    for (text, toll, measure, speakers) in [
        (
            "Thirty people were killed in the blast, one witness told reporters.",
            30.0,
            Measure::Killed,
            1.0,
        ),
        (
            "At least 30 people died on the pier, one official said.",
            30.0,
            Measure::Killed,
            1.0,
        ),
        (
            "Twelve were injured in the crush, two officials said.",
            12.0,
            Measure::Injured,
            2.0,
        ),
        (
            "Five people died in the fire, one survivor later recalled.",
            5.0,
            Measure::Killed,
            1.0,
        ),
        (
            "Nine people died overnight, according to one doctor at the clinic.",
            9.0,
            Measure::Killed,
            1.0,
        ),
        (
            "Nine people were hurt when the stand gave way, said one steward.",
            9.0,
            Measure::Injured,
            1.0,
        ),
    ] {
        assert_eq!(
            measures(text),
            vec![(toll, measure), (speakers, Measure::Quantity)],
            "{text}"
        );
    }
}

#[test]
fn verbs_that_also_name_a_state_still_give_a_toll() {
    for (text, value, measure) in [
        (
            "42 people were reported missing after the storm.",
            42.0,
            Measure::Missing,
        ),
        (
            "Five people confirmed dead, police said.",
            5.0,
            Measure::Killed,
        ),
        // What follows `said` is what was said: its count is the toll.
        (
            "The mayor said two people died in the fire.",
            2.0,
            Measure::Killed,
        ),
        (
            "Two officials were killed in the ambush.",
            2.0,
            Measure::Killed,
        ),
    ] {
        assert_eq!(measures(text), vec![(value, measure)], "{text}");
    }
}

#[test]
fn a_toll_is_not_set_against_the_number_of_people_who_gave_it() {
    assert_eq!(
        conflicts(
            "Twelve people were injured in the crush at the gates, two officials said.",
            "Twelve people were injured in the crush at the gates on Saturday.",
        ),
        Vec::<(f64, f64)>::new()
    );
    // The toll itself is still compared.
    assert_eq!(
        conflicts(
            "Twelve people were injured in the crush at the gates, two officials said.",
            "Fifteen people were injured in the crush at the gates on Saturday.",
        )
        .len(),
        1
    );
}

#[test]
fn a_time_phrase_after_a_number_says_when_not_what() {
    for (text, counted) in [
        ("The club was fined £10,000 last month.", Some("fine")),
        ("He paid £5,000 last year for the car.", Some("car")),
        ("Ticket sales rose 5% last year.", None),
        ("The firm lost £2 million last Friday.", None),
        ("Three last-minute goals won the cup.", Some("goals")),
    ] {
        let f = &figures(text)[0];
        assert_eq!(f.counted.as_deref(), counted, "{text}");
    }
}

#[test]
fn a_number_word_after_the_counted_noun_opens_a_phrase_of_its_own() {
    let text = "The fire took 60 firefighters four hours to bring under control.";
    let read: Vec<(f64, Option<String>)> = figures(text)
        .into_iter()
        .map(|f| (f.value, f.counted))
        .collect();
    assert_eq!(
        read,
        vec![
            (60.0, Some("firefighters".to_owned())),
            (4.0, Some("hours".to_owned()))
        ]
    );
}

#[test]
fn one_persons_age_between_commas_is_not_a_count_even_after_a_measure_noun() {
    for text in [
        "The suspect, 34, was arrested at the scene.",
        "A suspect, 34, was arrested on Monday.",
        "The victim, 19, died in hospital.",
    ] {
        assert_eq!(measures(text), vec![], "{text}");
    }
    // A measure said of a group keeps its count.
    for (text, value, measure) in [
        (
            "Police said the dead, 34, included children.",
            34.0,
            Measure::Killed,
        ),
        (
            "The arrested, 12, were taken to a police station.",
            12.0,
            Measure::Arrested,
        ),
    ] {
        assert_eq!(measures(text), vec![(value, measure)], "{text}");
    }
}

#[test]
fn a_figure_in_an_aside_takes_no_measure_from_the_verb_after_it() {
    for (text, value, measure) in [
        (
            "Jones, who has three children, was jailed for nine months.",
            3.0,
            Measure::Quantity,
        ),
        (
            "The bus, which was carrying 40 passengers, crashed, killing 12.",
            40.0,
            Measure::Quantity,
        ),
        // The aside's own verb still says what its figure counts.
        (
            "The blast, which killed 30 people, shook the city.",
            30.0,
            Measure::Killed,
        ),
    ] {
        let f = figures(text)
            .into_iter()
            .find(|f| f.value == value)
            .expect("the figure");
        assert_eq!(f.measure, measure, "{text}");
    }
}

#[test]
fn a_running_total_counts_what_the_count_before_it_counts() {
    for (text, measure) in [
        (
            "Eight people have died since Monday, bringing the total to 31.",
            Measure::Killed,
        ),
        (
            "Police arrested five more people, taking the tally to 17.",
            Measure::Arrested,
        ),
    ] {
        let last = figures(text).pop().expect("the total");
        assert_eq!((last.measure, last.scope.len()), (measure, 0), "{text}");
    }
}

#[test]
fn a_relative_aside_between_a_subject_and_its_verb_is_passed_over() {
    // What the sum prices is the subject before the aside.
    for (text, role) in [
        (
            "The trial, which lasted 11 weeks, cost an estimated £1m.",
            "trial",
        ),
        (
            "The painting, which was stolen in 1990, is worth £5m.",
            "painting",
        ),
    ] {
        let sum = figures(text)
            .into_iter()
            .find(|f| f.measure == Measure::Money)
            .expect("the sum");
        assert_eq!(sum.counted.as_deref(), Some(role), "{text}");
    }
    // The count after the aside counts what its subject names, as the one inside does.
    for text in [
        "The toll, which stood at 20 on Monday, rose to 31.",
        "The number of dead, which had been put at 20, rose to 31.",
    ] {
        let found: Vec<(f64, Measure)> = measures(text);
        assert_eq!(
            found,
            vec![(20.0, Measure::Killed), (31.0, Measure::Killed)],
            "{text}"
        );
    }
    // A time inside the aside dates the aside, not the figure after it.
    let text = "Reported on 3 March 2025.\n\nThe painting, which was stolen in 1990, is worth £5m.";
    let sum = figures(text)
        .into_iter()
        .find(|f| f.measure == Measure::Money)
        .expect("the sum");
    assert_ne!(
        sum.as_of.map(|w| w.iso()),
        Some("1990".to_owned()),
        "the theft's year is not the value's"
    );
}

#[test]
fn a_count_carried_by_a_participle_of_its_noun_takes_no_measure_from_before() {
    let text = "Twelve people were killed and 30 injured when a ferry carrying 150 passengers \
                capsized.";
    let carried = figures(text)
        .into_iter()
        .find(|f| f.value == 150.0)
        .expect("the passengers");
    assert_eq!(carried.measure, Measure::Quantity);
    // A verb whose subject is the toll still says what the number counts.
    for text in [
        "The death toll passed 140 on Monday.",
        "The number of people killed has reached 31.",
    ] {
        assert_eq!(figures(text)[0].measure, Measure::Killed, "{text}");
    }
}

#[test]
fn a_capacity_is_never_set_against_a_count() {
    let limit = figures("The ferry had capacity for 120 people.")
        .pop()
        .expect("the capacity");
    assert_eq!(limit.scope.len(), 1, "{limit:?}");
    assert_eq!(limit.scope[0].text, "capacity for");
    assert_eq!(
        conflicts(
            "The ferry, licensed to carry 120 people, sank off Rella.",
            "The ferry that sank off Rella was carrying about 150 people.",
        ),
        Vec::<(f64, f64)>::new()
    );
    assert_eq!(
        conflicts(
            "The ferry had capacity for 120 people when it sank off Rella.",
            "The ferry that sank off Rella was carrying about 150 people.",
        ),
        Vec::<(f64, f64)>::new()
    );
}

#[test]
fn plain_counts_of_people_are_one_group_only_when_their_clauses_say_alike_of_them() {
    for (a, b) in [
        (
            "About 300 people were at the Orlen market at the time of the shooting.",
            "More than 2,000 people have signed a book of condolence for the Orlen shooting.",
        ),
        (
            "The shutdown means 800,000 federal workers will miss another paycheck.",
            "The offer gives an extension to 300,000 people from El Salvador during the shutdown.",
        ),
    ] {
        assert_eq!(conflicts(a, b), Vec::<(f64, f64)>::new(), "{a} / {b}");
    }
    // One crowd told twice is still compared.
    assert_eq!(
        conflicts(
            "About 4,000 people marched through Port Elma against the harbour plan.",
            "More than 10,000 marchers joined the protest against the harbour plan.",
        )
        .len(),
        1
    );
}

#[test]
fn a_place_set_before_the_first_comma_narrows_the_figures_after_it() {
    let text = "In the North Rhine-Westphalian district of Euskirchen, eight deaths have been \
confirmed, the state government said.";
    let eight = figures(text)
        .into_iter()
        .find(|f| f.value == 8.0)
        .expect("eight");
    assert_eq!(
        eight
            .scope
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>(),
        ["In the North Rhine-Westphalian district of Euskirchen"]
    );
    // So another city's arrests are not this city's total, lower or not.
    assert_eq!(
        conflicts(
            "More than 300 protesters were arrested in Sarn on Saturday.",
            "In Dunmore, police arrested 40 people on Sunday."
        ),
        vec![]
    );
    // A phrase of manner before the comma is no place.
    let twelve = figures("In a statement, police said 12 people died.")
        .into_iter()
        .find(|f| f.value == 12.0)
        .expect("twelve");
    assert!(twelve.scope.is_empty(), "{:?}", twelve.scope);
}
