//! Fixtures shared by the store tests: small projects with non-ASCII text, and a comparison
//! of everything a project holds.
#![allow(dead_code)]

use crosscheck::model::{
    Article, Category, Claim, Edit, Layout, Link, LinkKind, Project, Resolution, VerdictLevel,
};
use std::path::Path;

pub const TEXTS: [&str; 3] = [
    "Zürich — Über 139 Menschen kamen ums Leben, sagte die Polizei am Montag. «Wir zählen noch», \
     so ein Sprecher.",
    "GENEVA (Reuters) – The death toll rose to 133 on Monday, officials said; earlier reports \
     gave 120. 😟 Residents fled.",
    "Łódź: ponad 140 ofiar — według szpitala. The figure 140 could not be confirmed.",
];

pub fn articles() -> Vec<Article> {
    TEXTS
        .iter()
        .enumerate()
        .map(|(i, text)| Article {
            id: i as i64 + 1,
            path: format!("flood/{:02}-ärticle.txt", i + 1),
            title: format!("Flood report {}", i + 1),
            outlet: (i != 1).then(|| format!("Outlet {i}")),
            published: (i != 2).then(|| format!("2024-05-0{}T08:30:00+02:00", i + 1)),
            text: (*text).to_owned(),
            sha256: format!("{:064x}", i + 7),
            encoding: if i == 2 { "windows-1250" } else { "UTF-8" }.into(),
            author: None,
            url: None,
        })
        .collect()
}

/// Character range of the first occurrence of `needle` in article `id`'s text.
pub fn span(project: &Project, id: i64, needle: &str) -> (usize, usize) {
    let text = &project.article(id).expect("article").text;
    let byte = text.find(needle).expect("needle in text");
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

pub fn claim(project: &Project, article: i64, needle: &str, category: Option<i64>) -> Claim {
    let (s, e) = span(project, article, needle);
    project.make_claim(article, s, e, category).expect("claim")
}

/// Edits that touch every kind of row: claims with every field, a new and a removed category,
/// links of several kinds with resolutions, a custom verdict scale and dismissed suggestions.
/// Each edit is applied to `project` as it is built, since later ones depend on ids.
pub fn rich_edits(project: &mut Project) -> Vec<Edit> {
    let mut edits = Vec::new();
    let mut push = |p: &mut Project, e: Edit| {
        p.apply(e.clone()).expect("model accepts fixture edit");
        edits.push(e);
    };
    let mut a = claim(project, 1, "Über 139 Menschen", Some(2));
    a.verdict = Some("Mostly false".into());
    a.attribution = Some("die Polizei".into());
    a.note = "Counts «missing» as dead?".into();
    push(project, Edit::PutClaim(a));
    let mut b = claim(project, 2, "133", Some(2));
    b.attribution = Some("officials".into());
    push(project, Edit::PutClaim(b));
    let c = claim(project, 3, "ponad 140 ofiar", None);
    push(project, Edit::PutClaim(c));
    let d = claim(project, 2, "120", Some(1));
    push(project, Edit::PutClaim(d));
    let e = claim(project, 2, "😟 Residents", Some(3));
    push(project, Edit::PutClaim(e));
    push(
        project,
        Edit::PutCategory(Category {
            id: 6,
            name: "Zahl/Statistik".into(),
            color: "#123abc".into(),
            shortcut: Some("6".into()),
        }),
    );
    push(project, Edit::DeleteCategory(4));
    // Re-adding a removed category puts it last: its place must survive the file too.
    push(
        project,
        Edit::PutCategory(Category {
            id: 4,
            name: "Source".into(),
            color: "#c879ff".into(),
            shortcut: None,
        }),
    );
    push(
        project,
        Edit::PutLink(Link {
            id: 1,
            kind: LinkKind::Contradicts,
            note: "Which toll is right?".into(),
            resolution: Resolution::Resolved { standing: Some(2) },
            members: vec![3, 1, 2],
        }),
    );
    push(
        project,
        Edit::PutLink(Link {
            id: 2,
            kind: LinkKind::Updates,
            note: String::new(),
            resolution: Resolution::Unresolvable,
            members: vec![4, 2],
        }),
    );
    push(
        project,
        Edit::PutLink(Link {
            id: 3,
            kind: LinkKind::SameClaim,
            note: String::new(),
            resolution: Resolution::Resolved { standing: None },
            members: vec![1, 3],
        }),
    );
    let mut verdicts = project.verdicts().to_vec();
    verdicts.insert(
        2,
        VerdictLevel {
            name: "Größtenteils wahr".into(),
            rating: Some(4),
        },
    );
    verdicts.retain(|v| v.name != "Mostly true");
    push(project, Edit::SetVerdicts(verdicts));
    push(
        project,
        Edit::Batch(vec![
            Edit::SetDismissed {
                key: "conflict:1:2:deaths".into(),
                dismissed: true,
            },
            Edit::SetDismissed {
                key: "conflict:2:3:ofiar".into(),
                dismissed: true,
            },
            Edit::PutLink(Link {
                id: 4,
                kind: LinkKind::Supports,
                note: "same source".into(),
                resolution: Resolution::Open,
                members: vec![5, 4],
            }),
        ]),
    );
    push(project, Edit::DeleteLink(3));
    push(
        project,
        Edit::SetSetting {
            key: "publisher_name".into(),
            value: Some("Faktencheck «Nord»".into()),
        },
    );
    push(
        project,
        Edit::SetSetting {
            key: "report_url".into(),
            value: Some("https://fakten.example/check?id=7&lang=de".into()),
        },
    );
    // Stories: articles 1 and 3 merged into one, then article 2 split off on its own.
    push(
        project,
        Edit::SetStories(vec![
            (1, Some("Überschwemmung".into())),
            (3, Some("Überschwemmung".into())),
        ]),
    );
    push(project, Edit::SetStories(vec![(2, Some("own-2".into()))]));
    // A corrected title, outlet, date, author and address on one article.
    let mut meta = crosscheck::model::ArticleMeta::of(project.article(2).expect("article 2"));
    meta.title = "Toll confirmed — “133”".into();
    meta.outlet = Some("TASS".into());
    meta.published = Some("--09-12".into());
    meta.author = Some("Анна Иванова".into());
    meta.url = Some("https://tass.example/world/133".into());
    push(project, Edit::SetArticleMeta(meta));
    edits
}

pub fn layout() -> Layout {
    Layout {
        columns: vec![2, 3, 1],
    }
}

/// Asserts that two projects hold the same things (the revision counter is not stored).
pub fn assert_same(actual: &Project, expected: &Project) {
    assert_eq!(actual.articles(), expected.articles(), "articles");
    assert_eq!(actual.categories(), expected.categories(), "categories");
    assert_eq!(actual.verdicts(), expected.verdicts(), "verdict scale");
    for key in crosscheck::model::settings::ALL {
        assert_eq!(actual.setting(key), expected.setting(key), "setting {key}");
    }
    assert_eq!(
        actual.claims().collect::<Vec<_>>(),
        expected.claims().collect::<Vec<_>>(),
        "claims"
    );
    assert_eq!(
        actual.links().collect::<Vec<_>>(),
        expected.links().collect::<Vec<_>>(),
        "links"
    );
    assert_eq!(
        actual.dismissed(),
        expected.dismissed(),
        "dismissed suggestions"
    );
    assert_eq!(
        actual.story_overrides(),
        expected.story_overrides(),
        "the researcher's stories"
    );
    assert_eq!(actual.layout, expected.layout, "layout");
    for a in expected.articles() {
        assert_eq!(
            actual.claims_in(a.id).collect::<Vec<_>>(),
            expected.claims_in(a.id).collect::<Vec<_>>(),
            "claims of article {}",
            a.id
        );
    }
}

pub fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("read file bytes")
}

/// Generated articles of roughly `chars` characters each, with some non-ASCII text.
pub fn generated_articles(n: usize, chars: usize) -> Vec<Article> {
    (0..n)
        .map(|i| {
            let mut text = String::with_capacity(chars + 64);
            let mut k = 0;
            while text.chars().count() < chars {
                text.push_str(&format!(
                    "Paragraph {k}: officials in Zürich counted {} victims — «provisional». ",
                    (i * 31 + k * 7) % 997
                ));
                k += 1;
            }
            Article {
                id: i as i64 + 1,
                path: format!("gen/{i:05}.txt"),
                title: format!("Generated article {i}"),
                outlet: Some(format!("Outlet {}", i % 13)),
                published: Some(format!("2024-{:02}-{:02}", i % 12 + 1, i % 28 + 1)),
                text,
                sha256: format!("{i:064x}"),
                encoding: "UTF-8".into(),
                author: None,
                url: None,
            }
        })
        .collect()
}
