//! Conflict suggestions across articles: what contradicts, what is compatible, what updates,
//! and that repeated figures do not flood the list.

use crosscheck::analysis::{
    ConflictOptions, Figure, FigureOptions, Measure, extract_figures, suggest_conflicts,
    suggest_conflicts_with,
};
use crosscheck::model::{Article, LinkKind};

fn article(id: i64, published: Option<&str>, text: &str) -> Article {
    Article {
        id,
        path: format!("a{id}.txt"),
        title: format!("Article {id}"),
        outlet: None,
        published: published.map(str::to_owned),
        text: text.to_owned(),
        sha256: String::new(),
        encoding: "UTF-8".to_owned(),
        author: None,
        url: None,
    }
}

fn run(arts: &[Article], opts: &ConflictOptions) -> Vec<crosscheck::analysis::ConflictSuggestion> {
    let figs: Vec<Vec<Figure>> = arts
        .iter()
        .map(|a| extract_figures(&a.text, &FigureOptions::default()))
        .collect();
    let pairs: Vec<(&Article, &[Figure])> = arts
        .iter()
        .zip(&figs)
        .map(|(a, f)| (a, f.as_slice()))
        .collect();
    suggest_conflicts_with(&pairs, opts)
}

#[test]
fn non_overlapping_tolls_contradict_and_overlapping_ones_do_not() {
    let arts = [
        article(1, None, "At least 139 people were killed in the attack."),
        article(
            2,
            None,
            "The attack resulted in the deaths of over 100 people.",
        ),
        article(
            3,
            None,
            "The death toll has been confirmed at 133 by the Investigative Committee.",
        ),
    ];
    let s = run(&arts, &ConflictOptions::default());
    assert_eq!(s.len(), 1, "{s:#?}");
    let c = &s[0];
    assert_eq!(c.measure, Measure::Killed);
    assert_eq!(c.kind, LinkKind::Contradicts);
    let ids: Vec<i64> = c.figures.iter().map(|f| f.article_id).collect();
    assert_eq!(ids, [1, 3]);
    assert_eq!(
        c.reason,
        "at least 139 killed (a1.txt) vs 133 killed (a3.txt): the intervals [139, ∞) and [133, 133] do not overlap"
    );
    // The key is derived from article ids and offsets and is stable across runs.
    assert_eq!(c.key, run(&arts, &ConflictOptions::default())[0].key);
    assert!(c.key.contains("1@") && c.key.contains("3@"));
}

#[test]
fn killed_is_not_compared_with_casualties_or_injured() {
    let arts = [
        article(
            1,
            None,
            "At least 139 people were killed and 182 were injured.",
        ),
        article(2, None, "The assault resulted in over 300 casualties."),
        article(3, None, "Police said 40 people were wounded."),
    ];
    let s = run(&arts, &ConflictOptions::default());
    assert_eq!(s.len(), 1, "{s:#?}");
    assert_eq!(s[0].measure, Measure::Injured);
}

#[test]
fn later_article_with_a_different_figure_updates() {
    let arts = [
        article(
            1,
            Some("2024-03-23"),
            "The death toll rose to 133 on Saturday.",
        ),
        article(
            2,
            Some("2024-03-26"),
            "The death toll rose to 139, officials said.",
        ),
        article(3, Some("--03-24"), "Officials said 133 people had died."),
    ];
    let s = run(&arts, &ConflictOptions::default());
    assert_eq!(s.len(), 1, "{s:#?}");
    assert_eq!(s[0].kind, LinkKind::Updates);
    // Older side first, both older articles on it, the later figure last.
    let ids: Vec<i64> = s[0].figures.iter().map(|f| f.article_id).collect();
    assert_eq!(ids, [1, 3, 2]);
    assert_eq!(s[0].first_side, 2);
    assert!(
        s[0].reason.contains("later given as 139 killed"),
        "{}",
        s[0].reason
    );
    assert!(
        s[0].headline.contains("Article 3, 24 Mar (year unknown)"),
        "the window's line names articles by title and reads dates plainly: {}",
        s[0].headline
    );
    assert!(!s[0].headline.contains(".txt"), "{}", s[0].headline);
}

#[test]
fn same_date_or_unknown_date_contradicts() {
    let arts = [
        article(1, Some("2024-03-23"), "Five people died in the fire."),
        article(2, None, "Seven people died in the fire."),
    ];
    assert_eq!(
        run(&arts, &ConflictOptions::default())[0].kind,
        LinkKind::Contradicts
    );
}

#[test]
fn figures_agreeing_with_any_figure_of_the_other_article_are_compatible() {
    // Both give 11 detained and 4 detained: 4 vs 11 is not a conflict between them.
    let arts = [
        article(
            1,
            None,
            "Eleven people were detained, including four gunmen who were detained in Bryansk.",
        ),
        article(
            2,
            None,
            "Police reported detaining 11 suspects, including the four presumed perpetrators.",
        ),
    ];
    assert!(run(&arts, &ConflictOptions::default()).is_empty());
}

#[test]
fn many_articles_with_two_tolls_give_one_suggestion() {
    let mut arts = Vec::new();
    for i in 0..40 {
        let text = if i % 2 == 0 {
            "At least 139 people were killed."
        } else {
            "The death toll stood at 133."
        };
        arts.push(article(i + 1, None, text));
        // The same figure repeated within an article counts once.
        arts.last_mut()
            .expect("pushed")
            .text
            .push_str(" Again, 133 people were killed.");
    }
    let s = run(&arts, &ConflictOptions::default());
    // Every even article gives 139+ and 133, odd ones 133 only: the even ones agree with
    // the odd ones through 133, so nothing conflicts.
    assert!(s.is_empty(), "{s:#?}");
    for a in arts.iter_mut() {
        a.text = a.text.replace(" Again, 133 people were killed.", "");
    }
    let s = run(&arts, &ConflictOptions::default());
    assert_eq!(s.len(), 1);
    // The suggestion names at most eight figures and counts the rest.
    assert_eq!(s[0].figures.len(), 8);
    assert_eq!(s[0].more_figures, 32);
    assert!(s[0].reason.contains("and 18 more"), "{}", s[0].reason);
}

#[test]
fn money_compares_within_a_currency_and_quantities_are_left_alone() {
    let arts = [
        article(
            1,
            None,
            "The deal is worth $3.6 billion. The hijackers crashed four airliners.",
        ),
        article(
            2,
            None,
            "The deal is worth $2.1 billion. They crashed two planes into the towers.",
        ),
        article(3, None, "The deal is worth €2.1 billion."),
    ];
    let s = run(&arts, &ConflictOptions::default());
    assert_eq!(s.len(), 1, "{s:#?}");
    assert_eq!(s[0].measure, Measure::Money);
    assert!(
        s[0].figures
            .iter()
            .all(|f| f.figure.unit.as_deref() == Some("USD"))
    );
}

#[test]
fn each_amount_is_compared_with_one_amount_of_the_other_article_of_its_kind() {
    // A fraud story: each report names the sum stolen, the fine, the bail and the sum repaid.
    // Comparing every amount with every other made fourteen suggestions, ten of them about
    // different things (a fine against the sum stolen); each amount has one counterpart.
    let arts = [
        article(
            1,
            None,
            "The former mayor was ordered to pay a fine of $250,000 after he admitted he stole \
             $1.2 million from the city. Bail of $50,000 had been set in March. He has repaid \
             $300,000.",
        ),
        article(
            2,
            None,
            "The ex-mayor, who embezzled $1.4 million, must pay a $200,000 fine. He was freed \
             on $70,000 bail and has returned $350,000 so far.",
        ),
    ];
    let s = run(&arts, &ConflictOptions::default());
    let pairs: Vec<(String, String)> = s
        .iter()
        .map(|c| {
            let side = |id: i64| {
                c.figures
                    .iter()
                    .find(|f| f.article_id == id)
                    .map(|f| f.figure.text.clone())
                    .unwrap_or_default()
            };
            (side(1), side(2))
        })
        .collect();
    let want = [
        ("$1.2 million", "$1.4 million"),
        ("$250,000", "$200,000"),
        ("$50,000", "$70,000"),
        ("$300,000", "$350,000"),
    ];
    assert_eq!(pairs.len(), want.len(), "{pairs:#?}");
    // The reason says what both amounts are, once both say it.
    assert!(
        s.iter().any(|c| c
            .why
            .starts_with("both count fine amounts in USD; $250,000 vs $200,000")),
        "{s:#?}"
    );
    for (a, b) in want {
        assert!(
            pairs.iter().any(|(x, y)| x == a && y == b),
            "{a} vs {b} missing: {pairs:#?}"
        );
    }
}

#[test]
fn amounts_of_different_named_kinds_are_never_compared() {
    let arts = [
        article(1, None, "A judge set bail of $50,000 for the driver."),
        article(2, None, "The driver must pay a $200,000 fine."),
        article(3, None, "The driver was freed on $90,000 bail."),
    ];
    let s = run(&arts, &ConflictOptions::default());
    // Bail against bail only; the fine has no counterpart.
    assert_eq!(s.len(), 1, "{s:#?}");
    let ids: Vec<i64> = s[0].figures.iter().map(|f| f.article_id).collect();
    assert_eq!(ids, [1, 3]);
    // One sanction named in two words is one kind.
    let arts = [
        article(1, None, "The regulator imposed a penalty of $6 million."),
        article(2, None, "The bank must pay a $4 million fine."),
    ];
    assert_eq!(run(&arts, &ConflictOptions::default()).len(), 1);
}

#[test]
fn figures_an_order_of_magnitude_apart_are_different_events() {
    let arts = [
        article(1, None, "The attacks claimed the lives of 2,997 people."),
        article(2, None, "The death toll has been confirmed at 133."),
    ];
    assert!(run(&arts, &ConflictOptions::default()).is_empty());
    let all = ConflictOptions {
        max_ratio: f64::INFINITY,
        ..ConflictOptions::default()
    };
    assert_eq!(run(&arts, &all).len(), 1);
}

#[test]
fn figures_within_one_article_never_conflict() {
    let a = article(
        1,
        None,
        "At first 133 people were reported killed; later 139 people were killed.",
    );
    let figs = extract_figures(&a.text, &FigureOptions::default());
    assert!(suggest_conflicts(&[(&a, figs.as_slice())]).is_empty());
}

/// The sentence says the other figure belongs to another event: a year, `last year`,
/// `another strike`, a relative clause on an earlier siege. None of them is set against the
/// story's toll, while the story's own disagreement still is.
#[test]
fn figures_of_other_events_are_not_suggested_against_the_story() {
    let arts = [
        article(
            1,
            Some("2024-03-23"),
            "At least 139 people were killed in the attack on Friday. It was the deadliest \
             attack since the 2004 Beslan siege, in which 334 people died. In 2001, 2,997 \
             people died in the 9/11 attacks.",
        ),
        article(
            2,
            Some("2024-03-23"),
            "The death toll stands at 133. Last year's floods killed 210 people in the region, \
             and another strike killed 22 people in a nearby town.",
        ),
    ];
    let figs: Vec<Vec<Figure>> = arts
        .iter()
        .map(|a| {
            extract_figures(
                &a.text,
                &FigureOptions::for_published(a.published.as_deref()),
            )
        })
        .collect();
    let elsewhere: Vec<&str> = figs
        .iter()
        .flatten()
        .filter(|f| f.elsewhere.is_some())
        .map(|f| f.text.as_str())
        .collect();
    assert_eq!(elsewhere, ["334", "2,997", "210", "22"]);
    let s = run(&arts, &ConflictOptions::default());
    let values: Vec<Vec<f64>> = s
        .iter()
        .map(|c| c.figures.iter().map(|f| f.figure.value).collect())
        .collect();
    assert_eq!(values, [vec![139.0, 133.0]], "{s:#?}");
}

#[test]
fn figures_of_another_event_are_never_suggested() {
    let arts = [
        article(1, None, "Exactly 139 people were killed in the attack."),
        // No year in the text: the extractor leaves it to the story; marking it by hand shows
        // the suggestions drop it.
        article(2, None, "Then 331 people were killed in the siege."),
    ];
    let mut figs: Vec<Vec<Figure>> = arts
        .iter()
        .map(|a| extract_figures(&a.text, &FigureOptions::default()))
        .collect();
    let pairs = |figs: &[Vec<Figure>]| {
        let p: Vec<(&Article, &[Figure])> = arts
            .iter()
            .zip(figs)
            .map(|(a, f)| (a, f.as_slice()))
            .collect();
        suggest_conflicts(&p).len()
    };
    assert_eq!(pairs(&figs), 1);
    for f in &mut figs[1] {
        f.elsewhere = Some("in 2004".into());
    }
    assert_eq!(pairs(&figs), 0);
}

#[test]
fn suggestions_come_best_first_with_the_words_that_tie_them() {
    let arts = [
        article(
            1,
            None,
            "Strike on Halden\nA missile strike on Halden on Tuesday killed 12 people.\n\nIn the nearby village of Orsa, six people were killed.",
        ),
        article(
            2,
            None,
            "Halden mourns\nThe strike on Halden on Tuesday killed 19 people, the mayor said.\n\nElsewhere in the province, 30 people were killed in a week.",
        ),
    ];
    let s = run(&arts, &ConflictOptions::default());
    assert!(s.len() >= 2, "{s:#?}");
    assert!(s.windows(2).all(|w| w[0].score >= w[1].score));
    let top = &s[0];
    let values: Vec<f64> = top.figures.iter().map(|f| f.figure.value).collect();
    assert!(values.contains(&12.0) && values.contains(&19.0), "{top:#?}");
    assert!(top.shared.iter().any(|w| w == "Halden"), "{:?}", top.shared);
    assert!(
        top.shared.iter().any(|w| w == "tuesday"),
        "{:?}",
        top.shared
    );
}

#[test]
fn no_suggestion_lists_one_article_on_both_sides() {
    // Articles giving two of four tolls each, in every combination: many pairings share values.
    let tolls = [6, 7, 8, 9];
    let mut arts = Vec::new();
    for (i, a) in tolls.iter().enumerate() {
        for b in &tolls[i + 1..] {
            let id = arts.len() as i64 + 1;
            arts.push(article(
                id,
                None,
                &format!("In the village, {a} people were killed. In the town, {b} people died."),
            ));
        }
    }
    arts.push(article(99, None, "Exactly 5 people were killed."));
    let s = run(&arts, &ConflictOptions::default());
    assert!(!s.is_empty());
    for c in &s {
        let (first, second) = c.figures.split_at(c.first_side);
        for f in first {
            assert!(
                second.iter().all(|g| g.article_id != f.article_id),
                "{}",
                c.reason
            );
        }
    }
}

#[test]
fn listed_results_of_different_names_are_not_compared_and_one_name_s_two_results_are() {
    // Two outlets list a poll's results; each figure belongs to the name before it. Ines
    // Duarte's share differs between the outlets (a real disagreement); the other shares only
    // differ from each other because they are other candidates'.
    let arts = [
        article(
            1,
            Some("2026-03-02"),
            "In the poll, Mayor Ines Duarte leads with 34 percent, while Councillor Tom Reyes \
             earned 21 percent and Paula Okafor got 9 percent.",
        ),
        article(
            2,
            Some("2026-03-02"),
            "The survey puts Duarte at 31 percent, followed by Reyes (21 percent), Okafor (12 \
             percent) and Ben Sato (6 percent).",
        ),
    ];
    let s = run(&arts, &ConflictOptions::default());
    let pairs: Vec<(f64, f64)> = s
        .iter()
        .map(|c| {
            (
                c.figures[0].figure.value,
                c.figures[c.figures.len() - 1].figure.value,
            )
        })
        .collect();
    let has = |a: f64, b: f64| {
        pairs
            .iter()
            .any(|&(x, y)| (x, y) == (a, b) || (x, y) == (b, a))
    };
    assert!(has(34.0, 31.0), "Duarte's 34 against 31: {pairs:?}");
    assert!(has(9.0, 12.0), "Okafor's 9 against 12: {pairs:?}");
    assert!(
        !has(34.0, 12.0) && !has(9.0, 31.0) && !has(34.0, 6.0) && !has(21.0, 12.0),
        "one candidate's share against another's: {pairs:?}"
    );
}
