//! Number forms added for the public number suites (issue 21, second round): shares of
//! ordinal parts, divisions, powers, `half` after a comparison, signed shares, digit groups
//! written with one space or with points, capital scale letters written apart, and the
//! look-alikes that must stay unread (ranks, sports scores, addresses, idioms). Every sentence
//! is written for this file; a wrong value is worse than a miss, so many tests assert what is
//! *not* read.

use crosscheck::analysis::{Figure, FigureOptions, extract_figures};

fn figures(text: &str) -> Vec<Figure> {
    extract_figures(text, &FigureOptions::default())
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// The one figure whose text is `span`, or a panic that lists what was read.
fn at<'a>(all: &'a [Figure], span: &str, text: &str) -> &'a Figure {
    all.iter()
        .find(|f| f.text == span)
        .unwrap_or_else(|| panic!("{text}: no figure {span:?} in {all:#?}"))
}

/// Each sentence yields a figure with exactly this text and value.
fn reads(cases: &[(&str, &str, f64)]) {
    for (text, span, value) in cases {
        let all = figures(text);
        let f = at(&all, span, text);
        assert!(close(f.value, *value), "{text}: {span} is {}", f.value);
    }
}

#[test]
fn shares_of_ordinal_parts() {
    reads(&[
        (
            "Seven tenths of the ballots were counted by noon.",
            "Seven tenths",
            0.7,
        ),
        (
            "The bridge moved a millionth of a metre.",
            "a millionth",
            1e-6,
        ),
        (
            "Each coin weighs two thousandths of a kilo.",
            "two thousandths",
            0.002,
        ),
        // Tens before a unit ordinal make one part (`twenty-firsts`).
        (
            "Five twenty-firsts of the seats changed hands.",
            "Five twenty-firsts",
            5.0 / 21.0,
        ),
        (
            "The quota was set at a thirtieth.",
            "a thirtieth",
            1.0 / 30.0,
        ),
        // `and` ties the tens to the count; without it they belong to the part.
        (
            "The ledger showed one hundred and forty sevenths.",
            "one hundred and forty sevenths",
            20.0,
        ),
        (
            "The ledger showed two hundred sixty sixths.",
            "two hundred sixty sixths",
            200.0 / 66.0,
        ),
        // Words that cannot be one number leave the hundred to the part.
        (
            "Her share came to one two hundred and third.",
            "one two hundred and third",
            1.0 / 203.0,
        ),
        (
            "The tally was eighty - four hundred sevenths.",
            "eighty - four hundred sevenths",
            1200.0,
        ),
        (
            "The error was nine hundredths of a second.",
            "nine hundredths",
            0.09,
        ),
        // A whole number and a share after `and`, with the newer ordinals.
        (
            "The gauge read sixty-one and a fortieth.",
            "sixty-one and a fortieth",
            61.025,
        ),
    ]);
}

#[test]
fn ranks_are_not_shares_or_counts() {
    for text in [
        "The town held a twenty-first birthday party.",
        "It was the twenty fifth anniversary of the flood.",
        "She finished one hundred fifth in the marathon.",
        "The twenty-first century brought new floods.",
    ] {
        let all = figures(text);
        assert!(all.is_empty(), "{text}: {all:#?}");
    }
    // Time, not a share: `seconds` is never a part.
    let all = figures("The siren sounded for thirty seconds.");
    assert_eq!(all.len(), 1, "{all:#?}");
    assert!(close(all[0].value, 30.0));
    // One part is singular: `three millionth` is a rank, so no share is read.
    let all = figures("The visitor was greeted as the three millionth.");
    assert!(all.iter().all(|f| f.value >= 1.0), "{all:#?}");
    // `and two thirds` after a million is two thirds of a million, not a count of thirds.
    reads(&[(
        "The agency counted four million and two thirds.",
        "four million and two thirds",
        4_000_000.0 + 2e6 / 3.0,
    )]);
}

#[test]
fn divisions_written_with_over() {
    reads(&[
        ("The odds are one over six.", "one over six", 1.0 / 6.0),
        ("The slope is 3 over four.", "3 over four", 0.75),
        ("Split evenly it is 900 over 4.", "900 over 4", 225.0),
        (
            "The correction was minus one over eight.",
            "minus one over eight",
            -0.125,
        ),
    ]);
    // A sum over a span of time, and a sports score, are not divisions.
    let all = figures("She saved $3000 over 2 years.");
    assert!(all.iter().any(|f| close(f.value, 3000.0)), "{all:#?}");
    assert!(all.iter().all(|f| !close(f.value, 1500.0)), "{all:#?}");
    let all = figures("The home side won 102 over 97.");
    assert!(all.iter().all(|f| f.value > 90.0), "{all:#?}");
}

#[test]
fn powers_written_with_a_caret() {
    reads(&[
        ("The growth factor was 1.5^2 overall.", "1.5^2", 2.25),
        ("The damping term is 4^-1 here.", "4^-1", 0.25),
        ("The sample held 2.5x10^6 cells.", "2.5x10^6", 2_500_000.0),
        ("The lab measured -2^3 units.", "-2^3", -8.0),
    ]);
}

#[test]
fn half_after_a_comparison() {
    for (text, span) in [
        ("More than half voted to strike.", "More than half"),
        ("Almost half stayed at home.", "Almost half"),
        ("Turnout fell to under half.", "under half"),
    ] {
        let all = figures(text);
        let f = at(&all, span, text);
        assert!(close(f.value, 0.5), "{text}: {}", f.value);
        assert_eq!(f.unit.as_deref(), Some("fraction"), "{text}");
    }
    let all = figures("More than half voted to strike.");
    let f = &all[0];
    assert_eq!((f.low, f.low_inclusive), (Some(0.5), Some(false)));
    // Half after other words is still not a share on its own.
    let all = figures("They left at half past nine.");
    assert!(all.iter().all(|f| f.value != 0.5), "{all:#?}");
}

#[test]
fn signed_shares_and_numbers_in_words() {
    reads(&[
        (
            "The index moved by minus three quarters.",
            "minus three quarters",
            -0.75,
        ),
        (
            "The answer was negative two fifths.",
            "negative two fifths",
            -0.4,
        ),
        ("The tally stood at naught.", "naught", 0.0),
        ("The drift was -3/4 of a degree.", "-3/4", -0.75),
    ]);
    // An idiom: nothing, not a count of zero.
    assert!(figures("All their work came to naught.").is_empty());
    assert!(figures("The talks were all for naught.").is_empty());
}

#[test]
fn digit_groups_with_one_space_or_points() {
    reads(&[
        ("The arena holds 52 000 fans.", "52 000", 52_000.0),
        (
            "The registry lists 3.456.789 entries.",
            "3.456.789",
            3_456_789.0,
        ),
        (
            "The budget was 2.345.678,50 in total.",
            "2.345.678,50",
            2_345_678.5,
        ),
        ("They sold 2,5k copies.", "2,5k", 2_500.0),
        // A decimal comma: one or two digits after it, and no chain of numbers around.
        ("The parcel weighed 7,5 kg.", "7,5 kg", 7.5),
        ("The reading was 0,25 today.", "0,25", 0.25),
        ("They shipped 4.5 M parcels.", "4.5 M", 4_500_000.0),
    ]);
    let all = figures("The winning numbers were 4,8,15.");
    assert_eq!(all.len(), 3, "{all:#?}");
    // A run of numbers stays apart; an address is not a number.
    let all = figures("Rows 12 345 678 were empty.");
    assert!(all.iter().all(|f| !close(f.value, 12_345.0)), "{all:#?}");
    assert!(figures("The server at 10.200.30.40 failed.").is_empty());
    // A plain `3 M` may be a name: not a million.
    let all = figures("They met at Building 3 M wing.");
    assert!(all.iter().all(|f| f.value < 10.0), "{all:#?}");
}

#[test]
fn comparison_signs_and_ages_keep_their_bounds() {
    let all = figures("Grades =< 4 were flagged.");
    let f = at(&all, "=< 4", "=< 4");
    assert_eq!((f.high, f.high_inclusive), (Some(4.0), Some(true)));
    let all = figures("Scores => 90 were rare.");
    let f = at(&all, "=> 90", "=> 90");
    assert_eq!(
        (f.low, f.low_inclusive, f.high),
        (Some(90.0), Some(true), None)
    );
    // `over forty years old`: an age above forty, not a span of time.
    let all = figures("The keeper is over forty years old.");
    let f = &all[0];
    assert_eq!(
        (f.low, f.low_inclusive, f.high),
        (Some(40.0), Some(false), None)
    );
}

#[test]
fn a_number_joined_to_pound_weighs_its_noun_unless_the_noun_is_money() {
    // The sentence talks of money, which made every `pound` in it sterling.
    let text = "The fund, the 800-pound gorilla of the market, raised $2 billion last year, \
                and a 10-pound bag of rice now costs more than a 50-pound fine or a \
                300,000-pound deal.";
    let all = figures(text);
    for weight in ["800-pound", "10-pound"] {
        let f = at(&all, weight, text);
        assert_ne!(f.measure, crosscheck::analysis::Measure::Money, "{f:?}");
        assert_eq!(f.unit.as_deref(), Some("lb"), "{f:?}");
    }
    for money in ["50-pound", "300,000-pound"] {
        let f = at(&all, money, text);
        assert_eq!(f.measure, crosscheck::analysis::Measure::Money, "{f:?}");
        assert_eq!(f.unit.as_deref(), Some("GBP"), "{f:?}");
    }
}
