//! What a figure means, as a fact-checker reads it (issue 21): the thing counted is the head of
//! its noun phrase, ages are not counts, a rounded number stands for an interval, a part is
//! not the whole, words for the same things are compared, and every suggestion says why in
//! one line.

use crosscheck::analysis::conflicts::{RankedConflict, rank_conflicts};
use crosscheck::analysis::{
    ConflictOptions, ConflictSuggestion, Figure, FigureOptions, Measure, ScopeKind,
    article_figures, extract_figures, suggest_conflicts_with,
};
use crosscheck::model::{Article, LinkKind};

fn figures(text: &str) -> Vec<Figure> {
    extract_figures(text, &FigureOptions::default())
}

fn one(text: &str) -> Figure {
    let f = figures(text);
    assert_eq!(f.len(), 1, "{text}: {f:#?}");
    f.into_iter().next().expect("one figure")
}

pub(crate) fn article(id: i64, published: Option<&str>, text: &str) -> Article {
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

/// Every article beside its figures (read as the app reads them), as the conflict finders
/// take them.
pub(crate) fn with_figures<T>(
    arts: &[Article],
    then: impl FnOnce(&[(&Article, &[Figure])]) -> T,
) -> T {
    let figs = article_figures(arts);
    let pairs: Vec<(&Article, &[Figure])> = arts
        .iter()
        .zip(&figs)
        .map(|(a, f)| (a, f.as_slice()))
        .collect();
    then(&pairs)
}

fn suggest(arts: &[Article]) -> Vec<ConflictSuggestion> {
    with_figures(arts, |p| {
        suggest_conflicts_with(p, &ConflictOptions::default())
    })
}

fn ranked(arts: &[Article]) -> Vec<RankedConflict> {
    with_figures(arts, |p| rank_conflicts(p, &ConflictOptions::default()))
}

#[test]
fn the_thing_counted_is_the_head_of_the_noun_phrase() {
    for (text, head, modifiers) in [
        (
            "Police found nine homemade pipe bombs in the van.",
            "bombs",
            &["homemade", "pipe"][..],
        ),
        (
            "He leaked 60,000 secret files to the website.",
            "files",
            &["secret"][..],
        ),
        (
            "The suspect mailed 17 improvised devices to critics.",
            "devices",
            &["improvised"][..],
        ),
        (
            "Agents seized 120 compact discs from the flat.",
            "discs",
            &["compact"][..],
        ),
        (
            "About 4,000 marchers crossed the harbour.",
            "marchers",
            &[][..],
        ),
        // A name before a compound: the head is still the last noun.
        (
            "The department indicted 12 Russian intelligence officers.",
            "officers",
            &["russian", "intelligence"][..],
        ),
        // Past `of`: dozens of Democrats, not of the House.
        (
            "Dozens of House Democrats boycotted the speech.",
            "democrats",
            &["house"][..],
        ),
        (
            "Hundreds of thousands of female workers went on strike.",
            "workers",
            &["female"][..],
        ),
    ] {
        let f = one(text);
        assert_eq!(f.counted.as_deref(), Some(head), "{text}: {f:#?}");
        assert_eq!(f.modifiers, modifiers, "{text}");
        assert_ne!(f.measure, Measure::Killed, "{text}");
    }
}

#[test]
fn ages_are_not_counts() {
    for text in [
        "His mother died at 95 in 2019.",
        "The man, who turned 56 in March, was held.",
        "A local councillor, 71, addressed the crowd.",
        "She died at the age of 95 on Sunday.",
        "Full benefits start at 66 years old.",
        "He entered Congress at the age of 30 from a district in Chicago.",
        "Anyone who is 19 or older may vote.",
        "The suspect, who is 56, had a van.",
        "Workers who are 58 and older would not be affected.",
        "People 65 and older may vote early.",
    ] {
        let f = figures(text);
        assert!(
            f.iter().all(|f| !(f.value >= 56.0 && f.value <= 95.0)),
            "{text}: {f:#?}"
        );
    }
    // Spans of ages are not counts either; a span of people is.
    for text in [
        "Teens between 16 and 18 years old were charged.",
        "Children aged 5 to 11 will get the vaccine first.",
    ] {
        assert!(figures(text).is_empty(), "{text}: {:#?}", figures(text));
    }
    // An abbreviated month keeps its full stop: `Sept. 11 survivors` rescued no one.
    assert!(figures("He backed Sept. 11 survivors.").is_empty());
    assert!(figures("The Jan. 6 attack was condemned.").is_empty());
    let f = one("Between 16 and 18 people were charged.");
    assert_eq!((f.low, f.high), (Some(16.0), Some(18.0)));
}

#[test]
fn children_of_one_person_and_vote_tallies_are_not_counts() {
    // A father of four who died is one death, never a toll of four.
    for text in [
        "Police said the victim, a father of four, died at the scene.",
        "A father-of-three was killed in the crash.",
        "The mother of two was stabbed to death on Friday.",
    ] {
        let f = figures(text);
        assert!(
            f.iter().all(|f| f.measure != Measure::Killed),
            "{text}: {f:#?}"
        );
        assert!(f.is_empty(), "{text}: {f:#?}");
    }
    // A tally is a result, not two counts; a change or a counted noun keeps its figures.
    for text in [
        "The House passed the plan by a vote of 228 to 191.",
        "The court ruled 5 to 4 in favour of the state.",
        "The council voted nine to two to approve it.",
    ] {
        assert!(figures(text).is_empty(), "{text}: {:#?}", figures(text));
    }
    assert_eq!(figures("Turnout fell 60 to 55 in the suburbs.").len(), 2);
    assert_eq!(
        figures("The coach cut the squad 25 to 18 players.").len(),
        2
    );
    assert_eq!(one("Officials said 5 to 10 people died.").high, Some(10.0));
}

#[test]
fn uk_crime_copy_reads_as_a_reader_would() {
    // Every age of a list after `aged` is an age, and the verb after the ages says what the
    // three count.
    let f = figures("Three men, aged 18, 19 and 22, have been arrested on suspicion of murder.");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].measure, Measure::Arrested, "{f:#?}");
    // `killed and five wounded` are two counts, not three casualties.
    let f = figures("Three people were killed and five wounded in the attack.");
    let m: Vec<(f64, Measure)> = f.iter().map(|f| (f.value, f.measure)).collect();
    assert_eq!(
        m,
        [(3.0, Measure::Killed), (5.0, Measure::Injured)],
        "{f:#?}"
    );
    // A time after the noun ends its phrase.
    let f = one("The city recorded 312 knife offences last year.");
    assert_eq!(f.counted.as_deref(), Some("offences"), "{f:#?}");
    assert_eq!(f.unit, None);
    // `An estimated` is no one's estimate: nobody named `An` said it.
    let f = one("An estimated 1.2 million people fled.");
    assert_eq!(f.attribution, None, "{f:#?}");
    // A reward is money, in pounds written out as well as in signs.
    let f = one("Police offered a reward of 10,000 pounds for information.");
    assert_eq!(f.unit.as_deref(), Some("GBP"), "{f:#?}");
}

#[test]
fn a_rounded_figure_stands_for_the_interval_of_its_last_digit() {
    let f = one("The inquiry had cost $4.2 million so far.");
    assert_eq!(f.rounding, Some([4_150_000.0, 4_250_000.0]));
    assert_eq!(one("It cost $4,187,310.").rounding, None);
    assert_eq!(one("It cost exactly $4.2 million.").rounding, None);
    assert_eq!(one("Turnout was 35.7%.").rounding, Some([35.65, 35.75]));
    // Inside the interval: no disagreement to suggest.
    let arts = [
        article(1, None, "The inquiry had cost $4.2 million so far."),
        article(2, None, "The inquiry had cost $4,187,310 by Wednesday."),
    ];
    assert!(suggest(&arts).is_empty(), "{:#?}", suggest(&arts));
    // Outside it, the reason says what the rounding allows.
    let arts = [
        article(1, None, "The inquiry had cost $4.2 million so far."),
        article(2, None, "The inquiry had cost $4,387,310 by Wednesday."),
    ];
    let s = suggest(&arts);
    assert_eq!(s.len(), 1, "{s:#?}");
    assert!(s[0].why.contains("even rounded"), "{}", s[0].why);
}

#[test]
fn a_figure_narrowed_to_a_subgroup_place_or_site_is_part_of_the_total() {
    let part = one("Six pupils were killed when a school roof fell.");
    assert!(
        part.scope
            .iter()
            .any(|s| s.kind == ScopeKind::Subgroup && s.text == "pupils"),
        "{part:#?}"
    );
    assert!(
        part.scope.iter().any(|s| s.kind == ScopeKind::Site),
        "{part:#?}"
    );
    let place = one("Four people died in the northern district of Kayu.");
    assert!(
        place.scope.iter().any(|s| s.kind == ScopeKind::Place),
        "{place:#?}"
    );
    for narrow in [
        "Six pupils were killed when a school roof fell.",
        "Four people died in the northern district of Kayu.",
    ] {
        let arts = [
            article(1, None, "At least 30 people were killed in the earthquake."),
            article(2, None, narrow),
        ];
        let s = suggest(&arts);
        assert!(
            s.iter().all(|s| s.kind != LinkKind::Contradicts),
            "{narrow}: {s:#?}"
        );
        assert!(s.iter().all(|s| s.relation == "part of"), "{s:#?}");
    }
}

#[test]
fn a_stated_portion_is_part_of_the_toll_and_two_parts_are_not_compared() {
    // `six more bodies` adds to a toll; `14 of the dead` is a part of it; `11 children` among
    // a toll that names no noun is a part of the people it counts.
    for (narrow, total) in [
        (
            "Divers recovered six more bodies on Monday.",
            "Thirty-nine people have been confirmed dead.",
        ),
        (
            "In Mokowe, 14 of the dead were from one village.",
            "The death toll rose to 47.",
        ),
        (
            "Among the dead were 11 children, the Red Cross said.",
            "Officials said 39 died in the sinking.",
        ),
    ] {
        let arts = [article(1, None, total), article(2, None, narrow)];
        let s = suggest(&arts);
        assert_eq!(s.len(), 1, "{narrow}: {s:#?}");
        assert_eq!(s[0].relation, "part of", "{narrow}: {s:#?}");
    }
    // A sentence opening with the whole makes the figure after its comma a part of it.
    let f = figures("Of the 45 killed, 30 were civilians.");
    assert!(
        f[1].scope
            .iter()
            .any(|s| s.kind == ScopeKind::Portion && s.text == "Of the 45 killed"),
        "{f:#?}"
    );
    let f = one("Divers recovered six more bodies on Monday.");
    assert!(
        f.scope
            .iter()
            .any(|s| s.kind == ScopeKind::Portion && s.text == "more"),
        "{f:#?}"
    );
    // Two parts that share nothing count different people: no suggestion at all.
    for (one, other) in [
        (
            "Among the dead were five members of one family.",
            "In Yurac, 19 people died when the church roof collapsed.",
        ),
        (
            "Divers recovered six more bodies on Monday.",
            "Among the dead were 9 children, the Red Cross said.",
        ),
        (
            "Four people died in the northern district of Kayu.",
            "A church collapsed, killing two worshippers.",
        ),
    ] {
        let arts = [article(1, None, one), article(2, None, other)];
        assert!(suggest(&arts).is_empty(), "{:#?}", suggest(&arts));
    }
    // A part is worth a look but is no disagreement: the window marks only disagreeing
    // figures as in conflict.
    let r = ranked(&[
        article(1, None, "Thirty-nine people have been confirmed dead."),
        article(2, None, "Divers recovered six more bodies on Monday."),
    ]);
    assert_eq!(r.len(), 1);
    assert!(!r[0].disagrees());
    let r = ranked(&[
        article(1, None, "Thirty-nine people have been confirmed dead."),
        article(2, None, "At least 41 people died in the sinking."),
    ]);
    assert!(r[0].disagrees());
    // The same part in two reports is still compared.
    let arts = [
        article(
            1,
            None,
            "Among the dead were 11 children, the Red Cross said.",
        ),
        article(2, None, "The Red Cross said 9 children had died."),
    ];
    assert_eq!(suggest(&arts)[0].relation, "contradicts");
}

#[test]
fn words_for_the_same_things_are_compared() {
    let arts = [
        article(
            1,
            None,
            "Investigators intercepted 16 suspicious packages addressed to lawmakers.",
        ),
        article(
            2,
            None,
            "Authorities recovered 14 improvised devices sent to critics.",
        ),
    ];
    let s = suggest(&arts);
    assert_eq!(s.len(), 1, "{s:#?}");
    assert!(s[0].why.contains("explosive devices"), "{}", s[0].why);
    assert!(
        s[0].why.contains("16 vs 14") || s[0].why.contains("14 vs 16"),
        "{}",
        s[0].why
    );
    let arts = [
        article(
            1,
            None,
            "About 4,000 marchers crossed the harbour, police said.",
        ),
        article(
            2,
            None,
            "More than 10,000 people joined the march, organisers said.",
        ),
    ];
    assert_eq!(suggest(&arts).len(), 1);
}

#[test]
fn every_suggestion_says_why_in_one_line() {
    let arts = [
        article(
            1,
            Some("2025-02-11"),
            "At least 30 people were killed in the earthquake.",
        ),
        article(
            2,
            Some("2025-02-11"),
            "Twenty-four people died in the earthquake.",
        ),
    ];
    let s = suggest(&arts);
    assert_eq!(s.len(), 1, "{s:#?}");
    assert!(
        s[0].why
            .starts_with("both count people killed in the earthquake; at least 30 vs"),
        "{}",
        s[0].why
    );
}

#[test]
fn a_list_inserted_between_commas_does_not_hide_what_the_number_counts() {
    let f = figures(
        "Six people, including two congressmen, two police officers, a congressional aide \
         and a lobbyist, were injured in the attack.",
    );
    assert_eq!(f[0].value, 6.0);
    assert_eq!(f[0].measure, Measure::Injured, "{f:#?}");
    let f = figures("Forty people, among them 12 soldiers and a reporter, died in the ambush.");
    assert_eq!(f[0].measure, Measure::Killed, "{f:#?}");
    // With no verb after the list, nothing is borrowed from elsewhere.
    let f = figures("The hall seats 500 people, including 40 in the balcony, over two floors.");
    assert_eq!(f[0].measure, Measure::Quantity, "{f:#?}");
}

#[test]
fn a_bound_with_its_qualifier_dropped_is_the_same_report() {
    // Three outlets on one indictment; one drops `more than`. Not a conflict.
    let arts = [
        article(
            1,
            Some("2018-08-21"),
            "The couple were indicted on charges of converting $250,000 in campaign funds.",
        ),
        article(
            2,
            Some("2018-08-21"),
            "The couple were indicted on charges of converting more than $250,000 in campaign funds.",
        ),
    ];
    assert!(suggest(&arts).is_empty(), "{:#?}", suggest(&arts));
    let arts = [
        article(
            1,
            Some("2014-06-10"),
            "The challenger raised just over $200,000 for his campaign.",
        ),
        article(
            2,
            Some("2014-06-10"),
            "The challenger raised $200,000 for his campaign.",
        ),
    ];
    assert!(suggest(&arts).is_empty(), "{:#?}", suggest(&arts));
    // A different number beside the bound still disagrees with it, and a bound against the
    // opposite bound is no dropped qualifier.
    let arts = [
        article(
            1,
            Some("2025-03-02"),
            "More than 20 people were killed in the blast.",
        ),
        article(
            2,
            Some("2025-03-02"),
            "Twelve people were killed in the blast.",
        ),
    ];
    assert_eq!(suggest(&arts).len(), 1);
    let arts = [
        article(
            1,
            Some("2025-03-02"),
            "More than 20 people were killed in the blast.",
        ),
        article(
            2,
            Some("2025-03-02"),
            "At most 20 people were killed in the blast.",
        ),
    ];
    assert_eq!(suggest(&arts).len(), 1, "{:#?}", suggest(&arts));
}

#[test]
fn reports_hours_apart_from_clocks_in_unknown_zones_are_about_the_same_time() {
    // The one suggestion between two reports of a toll, 31 then 24, given their clocks.
    let relation = |first: &str, second: &str| {
        let arts = [
            article(1, Some(first), "Officials said 31 people were killed."),
            article(2, Some(second), "Officials said 24 people were killed."),
        ];
        let s = suggest(&arts);
        assert_eq!(s.len(), 1, "{s:#?}");
        // Reports at about the same time are never offered as a contradiction.
        if s[0].relation == "about the same time" {
            assert_ne!(s[0].kind, LinkKind::Contradicts, "{s:#?}");
        }
        s[0].relation
    };
    // Nine hours apart, zones unknown: which came first cannot be told.
    assert_eq!(
        relation("2025-06-10T09:15", "2025-06-10T18:30"),
        "about the same time"
    );
    // With the zones known, the later report is the lower one: a correction or a conflict.
    assert_eq!(
        relation("2025-06-10T09:15-05:00", "2025-06-10T18:30+03:00"),
        "later lower"
    );
    // Sydney's evening and New York's morning of the next day are 20 hours apart on their
    // clocks and may be the same moment: still neither is later.
    assert_eq!(
        relation("2025-06-10T08:00", "2025-06-11T04:00"),
        "about the same time"
    );
    // More than a day apart, the later report is later whatever the zones.
    assert_eq!(
        relation("2025-06-10T08:00", "2025-06-11T09:00"),
        "later lower"
    );
}

#[test]
fn number_forms_news_uses() {
    let value = |text: &str| {
        let f = one(text);
        (f.value, f.measure, f.unit.clone())
    };
    let usd = Some("USD".to_owned());
    assert_eq!(
        value("He paid 3 dollars 50 cents."),
        (3.5, Measure::Money, usd.clone())
    );
    assert_eq!(
        value("The board declared a 12-cent-a-share dividend."),
        (0.12, Measure::Money, usd.clone())
    );
    assert_eq!(
        value("The fund raised USD115 in its first hour."),
        (115.0, Measure::Money, usd.clone())
    );
    assert_eq!(
        value("They spent 75 USD million."),
        (75e6, Measure::Money, usd.clone())
    );
    assert_eq!(one("Half a million people fled.").value, 500_000.0);
    assert_eq!(
        one("One million and a half people voted.").value,
        1_500_000.0
    );
    assert_eq!(one("The plan costs three lakh crore rupees.").value, 3e12);
    assert_eq!(one("The deal is worth 2mil.").value, 2e6);
    assert_eq!(one("The deal is worth 1MM.").value, 1e6);
    assert_eq!(one("They ordered 3 dozens eggs.").value, 36.0);
    let share = one("One in five adults smoke.");
    assert!((share.value - 0.2).abs() < 1e-9, "{share:#?}");
}

#[test]
fn a_share_of_qualified_people_counts_the_people_not_the_adjective() {
    for (text, head) in [
        ("Duarte won 34 percent of likely voters.", "voters"),
        (
            "Reyes drew 12 percent of eligible voters in the district.",
            "voters",
        ),
        ("The plan covers 40 percent of registered voters.", "voters"),
    ] {
        let f = one(text);
        assert_eq!(f.counted.as_deref(), Some(head), "{text}: {f:#?}");
    }
}
