//! The timeline on folders of invented events (`tests/data/timeline`): each figure's `as_of`,
//! and conflict suggestions that read a rising toll as updates in time order while same-time
//! disagreements and corrections stay conflicts.

use crosscheck::analysis::{
    ConflictSuggestion, Figure, FigureOptions, Measure, extract_figures, suggest_conflicts,
};
use crosscheck::corpus::import_folder;
use crosscheck::model::{Article, LinkKind};
use std::path::Path;

fn load(event: &str) -> (Vec<Article>, Vec<Vec<Figure>>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/timeline")
        .join(event);
    let mut articles = import_folder(&dir).expect("fixture imports").articles;
    articles.sort_by(|a, b| a.path.cmp(&b.path));
    for (i, a) in articles.iter_mut().enumerate() {
        a.id = i as i64 + 1;
    }
    let figures = articles
        .iter()
        .map(|a| {
            extract_figures(
                &a.text,
                &FigureOptions::for_published(a.published.as_deref()),
            )
        })
        .collect();
    (articles, figures)
}

fn suggestions(event: &str) -> Vec<ConflictSuggestion> {
    let (articles, figures) = load(event);
    let pairs: Vec<(&Article, &[Figure])> = articles
        .iter()
        .zip(&figures)
        .map(|(a, f)| (a, f.as_slice()))
        .collect();
    suggest_conflicts(&pairs)
}

/// (kind, first value, second value) of every suggestion of one measure.
fn kinds(s: &[ConflictSuggestion], m: Measure) -> Vec<(LinkKind, f64, f64)> {
    let mut v: Vec<_> = s
        .iter()
        .filter(|c| c.measure == m)
        .map(|c| {
            (
                c.kind,
                c.figures[0].figure.value,
                c.figures[c.first_side].figure.value,
            )
        })
        .collect();
    v.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.2.total_cmp(&b.2)));
    v
}

#[test]
fn each_figure_is_placed_at_the_time_its_sentence_gives_else_when_its_article_speaks() {
    let (articles, figures) = load("harbour");
    let as_of = |file: &str, text: &str| -> String {
        let k = articles
            .iter()
            .position(|a| a.path == file)
            .expect("article");
        let f = figures[k]
            .iter()
            .rev()
            .find(|f| f.text == text)
            .unwrap_or_else(|| panic!("{text} in {file}: {:?}", figures[k]));
        f.as_of.map(|w| w.iso()).unwrap_or_default()
    };
    // `on Tuesday morning`
    assert_eq!(
        as_of("02-morning.txt", "three"),
        "2025-06-10T06:00/2025-06-10T12:00"
    );
    // `As of 6 pm`
    assert_eq!(as_of("04-evening.txt", "11"), "2025-06-10T18:00");
    // `As of 8 am on Wednesday`, the next day.
    assert_eq!(as_of("06-next-day-b.txt", "21"), "2025-06-11T08:00");
    // No time in the sentence: when the article was published.
    assert_eq!(as_of("05-next-day-a.txt", "24"), "2025-06-11T08:00");
    assert_eq!(
        articles[0].published.as_deref(),
        Some("2025-06-10T06:10"),
        "the import keeps the time of publication"
    );
}

#[test]
fn a_rising_toll_is_a_chain_of_updates_and_a_same_time_disagreement_a_conflict() {
    let s = suggestions("harbour");
    assert_eq!(
        kinds(&s, Measure::Killed),
        [
            (LinkKind::Updates, 3.0, 5.0),
            (LinkKind::Updates, 5.0, 11.0),
            (LinkKind::Updates, 11.0, 21.0),
            (LinkKind::Updates, 11.0, 24.0),
            (LinkKind::Contradicts, 24.0, 21.0),
        ],
        "{s:#?}"
    );
    // The reason names the times compared.
    let chain = s
        .iter()
        .find(|c| c.kind == LinkKind::Updates && c.figures[0].figure.value == 5.0)
        .expect("5 → 11");
    assert!(
        chain.reason.contains("as of 10 Jun 2025 18:45"),
        "{}",
        chain.reason
    );
}

#[test]
fn a_lower_toll_the_next_day_is_a_correction_not_an_update() {
    let s = suggestions("ferry");
    let killed = kinds(&s, Measure::Killed);
    assert_eq!(killed, [(LinkKind::Contradicts, 139.0, 133.0)], "{s:#?}");
    let c = s
        .iter()
        .find(|c| c.measure == Measure::Killed)
        .expect("killed");
    assert!(c.reason.contains("a correction"), "{}", c.reason);
    // The number missing may fall as people are found: those are updates, in time order.
    assert_eq!(
        kinds(&s, Measure::Missing),
        [
            (LinkKind::Updates, 25.0, 18.0),
            (LinkKind::Updates, 40.0, 25.0),
            (LinkKind::Updates, 60.0, 40.0),
        ]
    );
}

#[test]
fn reports_from_different_time_zones_are_ordered_in_utc() {
    let (articles, _) = load("zones");
    assert_eq!(
        articles[0].published.as_deref(),
        Some("2025-11-03T10:00+03:00"),
        "the import keeps the offset"
    );
    let s = suggestions("zones");
    assert_eq!(
        kinds(&s, Measure::Killed),
        [
            (LinkKind::Updates, 15.0, 17.0),
            (LinkKind::Updates, 17.0, 18.0),
            // 19:00 at +03:00 is 16:00 UTC, after the western 14:00.
            (LinkKind::Updates, 18.0, 20.0),
        ],
        "{s:#?}"
    );
}
