//! The Figures view on a folder of many stories: the first page shows at most a few
//! suggestions of each story, the best-ranked first, and a story's other suggestions appear
//! when the rest is opened; the first suggestions show while the analysis still runs. Suggestions are written out only when shown, so this is also what
//! keeps the view fast on a year of news.

use crate::ui_support;

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
    write_owned(dir, &files)
}

/// The suggestions the view lists now, top to bottom, as ranks.
/// Writes articles built as owned strings (name, text) into `dir`.
fn write_owned(dir: &std::path::Path, files: &[(String, String)]) -> std::path::PathBuf {
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    write_articles(dir, &refs)
}

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

/// Forty-eight blasts, four reports each, told like those above: enough stories that the
/// analysis is still at work when the first of them are compared.
fn many_stories(dir: &std::path::Path) -> std::path::PathBuf {
    const FRONT: [&str; 8] = ["Kes", "Var", "Bro", "Lai", "Dor", "Wick", "Hal", "Tarn"];
    const BACK: [&str; 6] = ["sock", "den", "mora", "rigg", "noch", "ham"];
    const PEOPLE: [&str; 6] = [
        "Ana Morel",
        "Jon Halvik",
        "Edda Stroud",
        "Tomas Quell",
        "Mira Castell",
        "Otto Brenner",
    ];
    let mut files = Vec::new();
    for (f, front) in FRONT.iter().enumerate() {
        for (b, back) in BACK.iter().enumerate() {
            let place = format!("{front}{back}");
            let person = PEOPLE[(f + b) % PEOPLE.len()];
            let s = f * BACK.len() + b;
            for k in 0..4 {
                let (toll, hurt) = (10 + s + 3 * k, 40 + 2 * s + 5 * k);
                let text = format!(
                    "Blast in {place} kills {toll}\n2025-{:02}-{:02}\n\n\
                     At least {toll} people were killed in the blast in {place} on Monday, \
                     police chief {person} said. {person} said {hurt} people were injured in \
                     {place}.\n",
                    1 + s % 12,
                    1 + (s / 12) * 7
                );
                files.push((format!("{place}-{k}.txt"), text));
            }
        }
    }
    write_owned(dir, &files)
}

#[test]
fn suggestions_show_while_the_rest_is_still_analysed_and_the_first_page_spans_stories() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = many_stories(dir.path());
    let mut h = harness(&dir.path().join("data"));
    // The Figures view open from the start, as a researcher who opens a folder to check it.
    h.state_mut()
        .send(crosscheck::app::Command::OpenPath(folder.clone()));
    let started = std::time::Instant::now();
    let mut seen: Option<(usize, bool, Vec<usize>)> = None;
    while seen.is_none() {
        h.step();
        if h.state().doc.is_some() && !h.state().claims_open {
            h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::G);
        }
        let wb = h.state();
        let count = wb.figures.suggestion_count();
        if count > 0 {
            let working = wb.analysing() && wb.figures.progress().is_some();
            seen = Some((count, working, listed(&mut h)));
        } else {
            assert!(
                started.elapsed() < WAIT_LIMIT,
                "no suggestion shown in {WAIT_LIMIT:?}"
            );
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
    }
    let (first_count, working, first_page) = seen.expect("suggestions seen");
    assert!(
        working,
        "the first suggestions ({first_count}) came while the analysis still ran, its progress shown"
    );
    // What that frame showed: the title counting what is ranked so far, and a first page of
    // at most a few suggestions per story.
    h.get_by_label(&format!("Suggested conflicts ({first_count})"));
    assert!(!first_page.is_empty() && first_page.len() <= MAX_TOP);
    settle(&mut h);
    let wb = h.state();
    let total = wb.figures.suggestion_count();
    // (How many came with the first batch depends on the machine: all of them, on a fast one.)
    assert!(
        total >= first_count,
        "no suggestion shown first is lost: {first_count} then {total}"
    );
    let stories = wb.figures.stories.len();
    assert!(stories >= 48, "one story per blast: {stories}");
    let ranked: Vec<_> = wb.figures.ranked().iter().cloned().collect();
    assert!(
        ranked.windows(2).all(|w| w[0].score >= w[1].score),
        "best first once every batch is in"
    );
    let page = listed(&mut h);
    assert_eq!(page.len(), MAX_TOP);
    let mut per_story = std::collections::HashMap::new();
    for &i in &page {
        *per_story.entry(ranked[i].story).or_insert(0) += 1;
    }
    assert!(
        per_story.values().all(|&n| n <= PER_STORY_TOP),
        "{per_story:?}"
    );
    // The figures of every article arrived too: each figure row names its article.
    h.get_by_label(&format!("Suggested conflicts ({total})"));
    assert!(
        wb_figures_found(&h) >= 48 * 4,
        "every article's figures listed"
    );
}

/// How many articles have figures in the analysis.
fn wb_figures_found(h: &H) -> usize {
    let wb = h.state();
    let project = &wb.doc.as_ref().expect("a project").project;
    project
        .articles()
        .iter()
        .filter(|a| !wb.figures.of(a.id).is_empty())
        .count()
}
