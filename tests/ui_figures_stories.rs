//! The Figures view on a folder of many stories: the first page shows at most a few
//! suggestions of each story, the best-ranked first, and a story's other suggestions appear
//! when the rest is opened. Suggestions are written out only when shown, so this is also what
//! keeps the view fast on a year of news.

mod ui_support;

use crosscheck::app::figures_rows::{MAX_TOP, PER_STORY_TOP, TOP_SCORE};
use eframe::egui;
use egui_kittest::kittest::{NodeT, Queryable};
use ui_support::*;

const PLACES: &[(&str, &str)] = &[
    ("Kessock", "Ana Morel"),
    ("Varden", "Jon Halvik"),
    ("Brora", "Edda Stroud"),
    ("Lairg", "Tomas Quell"),
    ("Dornoch", "Mira Castell"),
    ("Wickham", "Otto Brenner"),
];

/// Four reports of each of six blasts, each report (all of one day) giving its own toll and
/// injured: many disagreements within every story, none across.
fn folder(dir: &std::path::Path) -> std::path::PathBuf {
    let mut files = Vec::new();
    for (s, (place, person)) in PLACES.iter().enumerate() {
        for k in 0..4 {
            let (toll, hurt) = (10 + 7 * s + 3 * k, 40 + 11 * s + 5 * k);
            let text = format!(
                "Blast in {place} kills {toll}\n2025-0{}-10\n\n\
                 At least {toll} people were killed in the blast in {place} on Monday, police \
                 chief {person} said. {person} said {hurt} people were injured in {place}.\n",
                s + 1
            );
            files.push((format!("{place}-{k}.txt"), text));
        }
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    write_articles(dir, &refs)
}

/// The suggestions the view lists now, top to bottom, as ranks.
fn listed(h: &mut H) -> Vec<usize> {
    let wb = h.state_mut();
    let project = &wb.doc.as_ref().expect("a project").project;
    wb.figures.listed(project)
}

#[test]
fn the_first_page_shows_a_few_suggestions_per_story_best_first_and_the_rest_when_asked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = folder(dir.path());
    let mut h = harness(&dir.path().join("data"));
    open(&mut h, &folder);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::G);
    settle(&mut h);

    let wb = h.state();
    let project = &wb.doc.as_ref().expect("a project").project;
    let total = wb.figures.suggestion_count();
    let labels: Vec<String> = wb.figures.stories.iter().map(|s| s.label.clone()).collect();
    assert!(
        labels.len() >= PLACES.len(),
        "one story per blast: {labels:?}"
    );
    assert!(
        total > MAX_TOP + 10,
        "every story has several disagreements: {total}"
    );
    let best = wb.figures.suggestion(project, 0).expect("a suggestion");
    let ranked: Vec<_> = wb.figures.ranked().iter().cloned().collect();
    h.get_by_label(&format!("Suggested conflicts ({total})"));

    // The first page: at most MAX_TOP suggestions, at most PER_STORY_TOP of any story, the
    // best-ranked first, in rank order.
    let first_page = listed(&mut h);
    assert_eq!(first_page.len(), MAX_TOP, "a full first page");
    assert_eq!(first_page[0], 0, "the best-ranked suggestion comes first");
    assert!(first_page.windows(2).all(|w| w[0] < w[1]), "in rank order");
    let story_of = |i: usize| ranked[i].story;
    for s in 0..labels.len() as u32 {
        let n = first_page
            .iter()
            .filter(|&&i| story_of(i) == Some(s))
            .count();
        assert!(
            n <= PER_STORY_TOP,
            "{n} suggestions of {} first",
            labels[s as usize]
        );
    }
    // Stories have more likely suggestions than that: the page spans the stories instead.
    let likely = |s: u32| {
        ranked
            .iter()
            .filter(|r| r.story == Some(s) && r.score >= TOP_SCORE)
            .count()
    };
    assert!((0..labels.len() as u32).any(|s| likely(s) > PER_STORY_TOP));
    let spanned: std::collections::BTreeSet<_> = first_page.iter().map(|&i| story_of(i)).collect();
    assert!(
        spanned.len() >= MAX_TOP.div_ceil(PER_STORY_TOP),
        "{spanned:?}"
    );
    // On screen: the best one first, saying why, and its story.
    h.get_by_label_contains(&best.why);
    assert!(h.query_all_by_label("Confirm").count() >= 1);

    // The rest, when asked for: the other suggestions of a story appear.
    let story = story_of(first_page[0]);
    // The toggle sits below the first page: the wheel brings it into view.
    let at = h
        .get_all_by_label("Confirm")
        .next()
        .expect("a Confirm")
        .rect()
        .center();
    h.hover_at(at);
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, -400.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::NONE,
    });
    settle(&mut h);
    h.get_by_label(&format!("{} more, less likely", total - MAX_TOP))
        .click();
    settle(&mut h);
    // The rest come grouped by measure; a measure with many values is one line that opens.
    let groups: Vec<String> = h
        .query_all_by_label_contains(" suggestions")
        .filter_map(|n| n.accesskit_node().label().map(|l| l.to_string()))
        .filter(|l| l.contains(" · "))
        .collect();
    for g in groups {
        h.get_by_label(&g).click();
        settle(&mut h);
    }
    let listed = listed(&mut h);
    let of_story = listed.iter().filter(|&&i| story_of(i) == story).count();
    assert!(
        of_story > PER_STORY_TOP,
        "{of_story} suggestions of the first story listed once the rest is open"
    );
    assert_eq!(listed.len(), total, "every suggestion is listed");
}
