//! Stories: a folder holding several events compares figures only within each event, and each
//! event folder of `tests/data/events` stays one story (or keeps its real disagreement).

use crosscheck::analysis::{
    ConflictOptions, Figure, FigureOptions, extract_figures, group_stories,
    suggest_conflicts_by_story,
};
use crosscheck::corpus::import_folder;
use crosscheck::model::Article;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

const EVENTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/events");

/// The articles of several event folders in one list, ids renumbered, with each article's
/// folder.
fn mixed(folders: &[&str]) -> (Vec<Article>, HashMap<i64, String>) {
    let mut all = Vec::new();
    let mut origin = HashMap::new();
    for folder in folders {
        for mut a in import_folder(Path::new(EVENTS).join(folder))
            .expect("folder")
            .articles
        {
            a.id = all.len() as i64 + 1;
            origin.insert(a.id, (*folder).to_owned());
            all.push(a);
        }
    }
    (all, origin)
}

fn figures(arts: &[Article]) -> Vec<Vec<Figure>> {
    arts.iter()
        .map(|a| extract_figures(&a.text, &FigureOptions::default()))
        .collect()
}

#[test]
fn a_folder_of_three_events_gets_no_suggestion_across_them() {
    let (arts, origin) = mixed(&[
        "tuning/halden-strike",
        "tuning/kiln-factory-fire",
        "heldout/grane-mine",
    ]);
    let stories = group_stories(&arts, &BTreeMap::new());
    for s in &stories {
        let folders: std::collections::BTreeSet<&String> =
            s.articles.iter().map(|id| &origin[id]).collect();
        assert_eq!(folders.len(), 1, "story {} mixes {folders:?}", s.label);
    }
    let figs = figures(&arts);
    let pairs: Vec<(&Article, &[Figure])> = arts
        .iter()
        .zip(&figs)
        .map(|(a, f)| (a, f.as_slice()))
        .collect();
    let list = suggest_conflicts_by_story(&pairs, &stories, &ConflictOptions::default());
    assert!(!list.is_empty());
    for s in &list {
        let folders: std::collections::BTreeSet<&String> =
            s.figures.iter().map(|f| &origin[&f.article_id]).collect();
        assert_eq!(folders.len(), 1, "{}", s.reason);
    }
}

#[test]
fn whales_are_not_set_against_a_museum_attack() {
    let text = [
        (
            "Whales stranded at Kessock",
            "2025-05-02",
            "Ten pilot whales were killed after stranding on the beach at Kessock, the Marine Rescue Trust said.\n\nVolunteers from Inverlee refloated four others.",
        ),
        (
            "Kessock strandings",
            "2025-05-03",
            "At Kessock, 12 whales were killed on the beach, the Marine Rescue Trust said on Saturday.",
        ),
        (
            "Gunman attacks Varden museum",
            "2025-05-02",
            "A gunman killed 17 people at the Varden city museum on Friday, police chief Ana Morel said.",
        ),
        (
            "Varden museum attack",
            "2025-05-03",
            "Police chief Ana Morel said 15 people were killed in the attack on the Varden museum.",
        ),
    ];
    let arts: Vec<Article> = text
        .iter()
        .enumerate()
        .map(|(i, (title, date, body))| {
            let mut a = Article::in_memory(
                i as i64 + 1,
                format!("{i}.txt"),
                *title,
                format!("{title}\n{date}\n\n{body}\n"),
            );
            a.published = Some((*date).to_owned());
            a
        })
        .collect();
    let stories = group_stories(&arts, &BTreeMap::new());
    let sets: Vec<Vec<i64>> = stories.iter().map(|s| s.articles.clone()).collect();
    assert_eq!(sets, [vec![1, 2], vec![3, 4]]);
    let figs = figures(&arts);
    let pairs: Vec<(&Article, &[Figure])> = arts
        .iter()
        .zip(&figs)
        .map(|(a, f)| (a, f.as_slice()))
        .collect();
    let list = suggest_conflicts_by_story(&pairs, &stories, &ConflictOptions::default());
    for s in &list {
        let ids: Vec<i64> = s.figures.iter().map(|f| f.article_id).collect();
        let whales = ids.iter().filter(|&&i| i <= 2).count();
        assert!(whales == 0 || whales == ids.len(), "{}", s.reason);
    }
    // Within each story the disagreement is still found.
    assert!(
        list.iter().any(|s| s.reason.contains("17 killed")),
        "{list:#?}"
    );
}

#[test]
fn each_event_folder_alone_is_one_story() {
    // A researcher's folder about one event: the school strike in the next town and the
    // province's weekly count belong with the strike on Halden.
    for group in ["tuning", "heldout"] {
        for entry in std::fs::read_dir(Path::new(EVENTS).join(group)).expect("folder") {
            let path = entry.expect("entry").path();
            let arts = import_folder(&path).expect("import").articles;
            let stories = group_stories(&arts, &BTreeMap::new());
            assert_eq!(stories.len(), 1, "{}: {stories:#?}", path.display());
        }
    }
}

#[test]
fn one_court_and_one_judge_do_not_make_one_story_of_four_defendants() {
    // Four sentencings at Dunmore Circuit Criminal Court before Judge Martin Carroll, two
    // outlets each: the court, the judge, the detective and the city are in every report,
    // the defendant only in his own. One report of Halloran's case is undated and its lead
    // names the day of the search, two years before the sentencing: it is no dateline.
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/stories/courts");
    let arts = import_folder(Path::new(folder)).expect("import").articles;
    assert_eq!(arts.len(), 8);
    let stories = group_stories(&arts, &BTreeMap::new());
    let defendant = |id: &i64| {
        let a = arts.iter().find(|a| a.id == *id).expect("article");
        a.path.split('-').next().unwrap_or_default().to_owned()
    };
    let mut told: Vec<Vec<String>> = stories
        .iter()
        .map(|s| s.articles.iter().map(defendant).collect())
        .collect();
    told.sort();
    assert_eq!(
        told,
        [
            ["costigan", "costigan"],
            ["furey", "furey"],
            ["halloran", "halloran"],
            ["mulcahy", "mulcahy"]
        ],
        "{stories:#?}"
    );
    // Each is labelled first by its defendant, not by the judge or the court all share;
    // so is a report no other outlet ran, whose defendant no other article names.
    let alone: Vec<Article> = arts
        .iter()
        .filter(|a| a.path != "costigan-courier.txt")
        .cloned()
        .collect();
    for s in stories
        .iter()
        .chain(&group_stories(&alone, &BTreeMap::new()))
    {
        let who = defendant(&s.articles[0]);
        assert!(
            s.label.to_lowercase().starts_with(&who),
            "{who}: {}",
            s.label
        );
    }
}
