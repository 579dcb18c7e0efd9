//! Figure extraction on articles written in the style of the sample news seeds: the tolls
//! come out with the right measure and interval, the non-figures stay out, offsets are
//! character offsets, and the 139 vs 133 toll is suggested as a conflict.

use crosscheck::analysis::{Figure, FigureOptions, Measure, extract_figures, suggest_conflicts};
use crosscheck::model::{Article, LinkKind};

const A: &str = "Wednesday 27 March 2024 - 09:40\n\nEnvoy: Moscow Will Not Beg for Help\n\nStory Code : 1125877\n\
“We will not chase anyone,” the diplomat said. On the evening of March 22, gunmen stormed a concert hall \
on the edge of Moscow. At least 139 people were killed and 182 suffered injuries, according to TASS. \
Eleven individuals suspected of taking part have been apprehended, including four gunmen who were \
detained near the border.\n";

const B: &str = "The envoy recalled the 9/11 attacks and said Moscow had been the first one to offer help in 2001. \
Gunmen attacked a concert venue outside the capital, resulting in the deaths of over 100 people. \
The FSB reported detaining 11 suspects, including the four presumed perpetrators, according to RT. \
The assault, carried out by four men, resulted in over 130 casualties.\n";

const C: &str = "Russian authorities have arrested 11 people over the massacre that took place on Friday. \
The death toll from the massacre has officially been confirmed at 133 by Russia’s state Investigative Committee. \
It was one of the deadliest attacks in two decades.\n";

fn figs(text: &str) -> Vec<Figure> {
    extract_figures(text, &FigureOptions::default())
}

fn find<'a>(f: &'a [Figure], text: &str) -> &'a Figure {
    f.iter().find(|x| x.text == text).unwrap_or_else(|| {
        panic!(
            "no figure {text:?} in {:#?}",
            f.iter().map(|x| &x.text).collect::<Vec<_>>()
        )
    })
}

#[test]
fn tolls_come_out_with_measure_and_interval() {
    let a = figs(A);
    let f = find(&a, "At least 139");
    assert_eq!(
        (f.measure, f.value, f.low, f.high),
        (Measure::Killed, 139.0, Some(139.0), None)
    );
    assert_eq!((f.low_inclusive, f.high_inclusive), (Some(true), None));
    assert_eq!(f.qualifier.as_deref(), Some("at least"));
    assert_eq!(f.counted.as_deref(), Some("people"));
    assert_eq!(f.attribution.as_deref(), Some("TASS"));
    assert_eq!(find(&a, "182").measure, Measure::Injured);
    let eleven = find(&a, "Eleven");
    assert_eq!((eleven.value, eleven.measure), (11.0, Measure::Arrested));
    assert_eq!(find(&a, "four").measure, Measure::Arrested);

    let b = figs(B);
    let over = find(&b, "over 100");
    assert_eq!(
        (over.measure, over.low, over.low_inclusive),
        (Measure::Killed, Some(100.0), Some(false))
    );
    let cas = find(&b, "over 130");
    assert_eq!(cas.measure, Measure::Casualties);
    assert_eq!(find(&b, "11").measure, Measure::Arrested);
    assert_eq!(find(&b, "11").attribution.as_deref(), Some("RT"));
    assert_eq!(b.iter().filter(|x| x.text == "four").count(), 2);

    let c = figs(C);
    let toll = find(&c, "133");
    assert_eq!(
        (toll.measure, toll.low, toll.high),
        (Measure::Killed, Some(133.0), Some(133.0))
    );
    assert_eq!(
        toll.attribution.as_deref(),
        Some("Russia’s state Investigative Committee")
    );
    assert_eq!(find(&c, "11").measure, Measure::Arrested);
}

#[test]
fn dates_times_names_and_identifiers_are_not_figures() {
    for text in [A, B, C] {
        for f in figs(text) {
            assert!(
                ![
                    "27", "2024", "09", "40", "1125877", "22", "9", "2001", "one"
                ]
                .contains(&f.text.as_str()),
                "{:?} should not be a figure",
                f.text
            );
        }
    }
    let b = figs(B);
    assert!(
        b.iter()
            .all(|f| !f.text.contains("9/11") && f.value != 11.0 || f.measure == Measure::Arrested)
    );
}

#[test]
fn offsets_are_character_offsets() {
    for text in [A, B, C] {
        let chars: Vec<char> = text.chars().collect();
        for f in figs(text) {
            let slice: String = chars[f.start..f.end].iter().collect();
            assert_eq!(slice, f.text);
            let sentence: String = chars[f.sentence_start..f.sentence_end].iter().collect();
            assert!(sentence.contains(&f.text), "{sentence:?} / {:?}", f.text);
        }
    }
}

#[test]
fn toll_of_139_against_133_is_a_suggested_conflict() {
    let arts: Vec<Article> = [A, B, C]
        .iter()
        .enumerate()
        .map(|(i, t)| Article {
            id: i as i64 + 10,
            path: format!("seed{i}.txt"),
            title: String::new(),
            outlet: None,
            published: None,
            text: (*t).to_owned(),
            sha256: String::new(),
            encoding: "UTF-8".to_owned(),
            author: None,
            url: None,
        })
        .collect();
    let found: Vec<Vec<Figure>> = arts.iter().map(|a| figs(&a.text)).collect();
    let pairs: Vec<(&Article, &[Figure])> = arts
        .iter()
        .zip(&found)
        .map(|(a, f)| (a, f.as_slice()))
        .collect();
    let s = suggest_conflicts(&pairs);
    let killed: Vec<_> = s.iter().filter(|c| c.measure == Measure::Killed).collect();
    assert_eq!(killed.len(), 1, "{s:#?}");
    assert_eq!(killed[0].kind, LinkKind::Contradicts);
    let texts: Vec<&str> = killed[0]
        .figures
        .iter()
        .map(|f| f.figure.text.as_str())
        .collect();
    assert_eq!(texts, ["At least 139", "133"]);
    // Casualties (130+) never meet killed, and 11 arrested everywhere agrees.
    assert!(
        s.iter()
            .all(|c| c.measure != Measure::Arrested && c.measure != Measure::Casualties)
    );
}

#[test]
fn qualifiers_make_intervals() {
    let one = |t: &str| {
        figs(t)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no figure in {t:?}"))
    };
    let f = one("Up to 40 people died.");
    assert_eq!(
        (f.low, f.high, f.high_inclusive),
        (Some(0.0), Some(40.0), Some(true))
    );
    let f = one("Fewer than 40 people died.");
    assert_eq!((f.high, f.high_inclusive), (Some(40.0), Some(false)));
    let f = one("Nearly 40 people died.");
    assert_eq!(
        (f.low, f.high, f.high_inclusive),
        (Some(36.0), Some(40.0), Some(false))
    );
    // `roughly` states 40 and says how precise it is, as a rounded figure's last digit does:
    // it meets 37 and 43, not 30.
    let f = one("Roughly 40 people died.");
    assert_eq!((f.low, f.high), (Some(40.0), Some(40.0)));
    assert_eq!(f.rounding, Some([36.0, 44.0]));
    assert!(f.overlaps(&one("37 people died.")) && f.overlaps(&one("43 people died.")));
    assert!(!f.overlaps(&one("30 people died.")));
    let tight = extract_figures(
        "Roughly 40 people died.",
        &FigureOptions {
            tolerance: 0.05,
            ..FigureOptions::default()
        },
    );
    assert_eq!(tight[0].rounding, Some([38.0, 42.0]));
    // `about 500 or more` is [500, ∞), loose by 50 at its one end: 460 meets it, 400 does not.
    let f = one("About 500 or more people died.");
    assert_eq!(
        (f.low, f.high, f.rounding),
        (Some(500.0), None, Some([450.0, 550.0]))
    );
    assert!(f.overlaps(&one("460 people died.")) && !f.overlaps(&one("400 people died.")));
    let f = one("Between 150 and 200 people died.");
    assert_eq!(
        (f.text.as_str(), f.low, f.high),
        ("Between 150 and 200", Some(150.0), Some(200.0))
    );
}

#[test]
fn a_range_states_its_ends_by_convention_and_still_meets_either_end() {
    let one = |t: &str| figs(t).into_iter().next().expect(t);
    // The public range specs read `between` as open and `from … to`, `through`, `~` as
    // half-open; that is what the figure states, and what `figures --json` shows.
    let f = one("Between 20 and 30 people died.");
    assert_eq!(f.interval_string(), "(20, 30)");
    assert_eq!(f.rounding, Some([20.0, 30.0]));
    // The Figures view says so on hover.
    assert_eq!(
        f.looseness_note().as_deref(),
        Some("may mean 20 to 30, as loosely as it is written")
    );
    assert_eq!(one("20 people died.").looseness_note(), None);
    for text in [
        "From 20 to 30 people died.",
        "Some 20 through 30 people died.",
        "The toll was 20~30 people.",
    ] {
        let g = figs(text);
        let g = g.iter().find(|g| g.low == Some(20.0)).expect(text);
        assert_eq!(g.interval_string(), "[20, 30)", "{text}");
    }
    assert_eq!(one("20 or 30 people died.").interval_string(), "[20, 30]");
    // A report of either end is not a contradiction of the range: news means both ends.
    for n in ["20", "25", "30"] {
        let other = one(&format!("{n} people died."));
        assert!(
            f.overlaps(&other) && other.overlaps(&f),
            "{n} meets (20, 30)"
        );
    }
    assert!(!f.overlaps(&one("31 people died.")) && !f.overlaps(&one("19 people died.")));
    // A bound stated by a comparison stays strict: `more than 20` does not meet 20.
    assert!(!one("More than 20 people died.").overlaps(&one("20 people died.")));
}
