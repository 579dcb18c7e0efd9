//! Property test of the figure engine: on any text, [`extract_figures`] returns without a
//! panic or a hang, and every figure's offsets are character offsets on the text (in range,
//! ordered, inside their sentence, the figure's `text` exactly the characters between them).
//! The suggestions over several such articles come out without a panic, naming figures that
//! exist.
//!
//! `PROPTEST_CASES=N` runs more cases (see `fuzz_support`).

use crate::fuzz_support;

use crosscheck::analysis::{FigureOptions, extract_figures, suggest_conflicts};
use crosscheck::model::Article;
use fuzz_support::*;
use proptest::prelude::*;
use std::time::Duration;

fn article(id: i64, text: String) -> Article {
    Article {
        id,
        path: format!("{id}.txt"),
        title: format!("Article {id}"),
        outlet: None,
        published: None,
        text,
        sha256: String::new(),
        encoding: "UTF-8".into(),
        author: None,
        url: None,
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn figures_sit_on_character_boundaries_of_any_text(text in hostile_text(300)) {
        let t = text.clone();
        let figures = within(Duration::from_secs(20), move || {
            extract_figures(&t, &FigureOptions::default())
        });
        let chars: Vec<char> = text.chars().collect();
        for f in &figures {
            prop_assert!(f.start < f.end && f.end <= chars.len(), "{f:?} in {} chars", chars.len());
            let between: String = chars[f.start..f.end].iter().collect();
            prop_assert_eq!(&between, &f.text, "the text between the offsets");
            prop_assert!(f.sentence_start <= f.start && f.end <= f.sentence_end);
            prop_assert!(f.sentence_end <= chars.len());
            prop_assert!(!f.value.is_nan());
        }
    }

    /// Text made of the pieces figures are built from (number words, digits with separators,
    /// signs, fractions, qualifiers, scales, units, clause marks) in any order: every figure
    /// lies on character boundaries, none overlaps another, and every interval is ordered.
    #[test]
    fn figures_from_number_pieces_never_overlap(
        pieces in proptest::collection::vec(proptest::sample::select(NUMBER_PIECES), 0..60),
    ) {
        let text = pieces.concat();
        let t = text.clone();
        let figures = within(Duration::from_secs(20), move || {
            extract_figures(&t, &FigureOptions::default())
        });
        let chars: Vec<char> = text.chars().collect();
        let mut last_end = 0;
        for f in &figures {
            prop_assert!(f.start >= last_end, "{f:?} overlaps the figure before it in {text:?}");
            prop_assert!(f.start < f.end && f.end <= chars.len());
            let between: String = chars[f.start..f.end].iter().collect();
            prop_assert_eq!(&between, &f.text);
            prop_assert!(f.value.is_finite(), "{f:?}");
            if let (Some(lo), Some(hi)) = (f.low, f.high) {
                prop_assert!(lo <= hi, "{f:?} in {text:?}");
            }
            last_end = f.end;
        }
    }

    #[test]
    fn conflict_suggestions_over_any_articles_do_not_panic(
        texts in proptest::collection::vec(hostile_text(120), 2..5),
    ) {
        let articles: Vec<Article> = texts
            .into_iter()
            .enumerate()
            .map(|(i, t)| article(i as i64 + 1, t))
            .collect();
        let figures: Vec<_> = articles
            .iter()
            .map(|a| extract_figures(&a.text, &FigureOptions::default()))
            .collect();
        let pairs: Vec<_> = articles.iter().zip(&figures).map(|(a, f)| (a, f.as_slice())).collect();
        let suggestions = suggest_conflicts(&pairs);
        let json = serde_json::to_string(&suggestions).expect("suggestions serialise");
        prop_assert!(json.starts_with('['));
    }
}

/// Pieces of figures for [`figures_from_number_pieces_never_overlap`].
const NUMBER_PIECES: &[&str] = &[
    " ",
    " ",
    " ",
    ", ",
    ". ",
    "; ",
    "\n",
    "-",
    "\u{2212}",
    "\u{2013}",
    "/",
    ":",
    "%",
    "$",
    "£",
    "₹",
    "Rs ",
    "+",
    "°",
    "C",
    "0",
    "1",
    "2",
    "3",
    "4",
    "12",
    "139",
    "2,997",
    "1,23,45,678",
    "1\u{202f}234",
    "3.5",
    "2024",
    "9/11",
    "one",
    "two",
    "three",
    "twenty",
    "fifty-two",
    "hundred",
    "thousand",
    "million",
    "lakh",
    "crore",
    "dozen",
    "dozens",
    "scores",
    "half",
    "a",
    "an",
    "third",
    "quarters",
    "and",
    "or",
    "to",
    "from",
    "between",
    "through",
    "point",
    "zero",
    "at least",
    "more than",
    "fewer than",
    "up to",
    "nearly",
    "about",
    "or more",
    "or fewer",
    "less than or equal to",
    "equal to or more than",
    "minus",
    "negative",
    "of",
    "people",
    "killed",
    "injured",
    "fled",
    "rescued",
    "km",
    "hour",
    "years",
    "ago",
    "last year",
    "in",
    "since",
    "when",
    "which",
    "another",
    "strike",
    "magnitude",
    "Deaths",
    "bn",
    "k",
    "m",
];

/// A 4 MB paragraph without a full stop (a flattened PDF table, a page's run-on list) is read
/// in about the time its punctuated form takes; before sentences were bounded, the
/// look-arounds of each figure spanned the whole paragraph and this never finished.
#[test]
fn a_megabyte_run_on_paragraph_is_read_without_hanging() {
    let text =
        "at least 139 people were killed and 182 injured, police detained 11, ".repeat(60_000);
    let len = text.len();
    let figures = within(Duration::from_secs(60), move || {
        extract_figures(&text, &FigureOptions::default())
    });
    assert!(len > 4_000_000);
    assert!(figures.len() >= 180_000, "{} figures", figures.len());
}
