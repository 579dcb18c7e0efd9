//! The HTML report's Timeline section: a chart for each measure a contradiction or update is
//! about, with the linked figures ringed; no section when no link concerns a figure.

use crosscheck::model::{Article, Edit, Link, LinkKind, Project, Resolution};
use crosscheck::report::{Format, ReportOptions, write_report};

fn article(id: i64, title: &str, published: &str, text: &str) -> Article {
    Article {
        published: Some(published.to_owned()),
        outlet: Some(format!("Outlet {id}")),
        ..Article::in_memory(id, format!("{id}.txt"), title, text)
    }
}

fn project(kind: LinkKind) -> Project {
    let mut p = Project::new(vec![
        article(
            1,
            "Toll rises",
            "2025-06-10T18:45",
            "Blast toll\n\nAs of 6 pm, 11 people had been killed in the harbour explosion.",
        ),
        article(
            2,
            "Kessel mourns",
            "2025-06-11T09:15",
            "Kessel mourns\n\nAs of 8 am on Wednesday, 24 people were confirmed dead.",
        ),
    ]);
    let claim = |p: &Project, id: i64, article: i64, phrase: &str| {
        let text = &p.article(article).expect("article").text;
        let s = text[..text.find(phrase).expect("phrase")].chars().count();
        let mut c = p
            .make_claim(article, s, s + phrase.chars().count(), Some(2))
            .expect("claim");
        c.id = id;
        c
    };
    let (a, b) = (claim(&p, 1, 1, "11"), claim(&p, 2, 2, "24"));
    p.apply(Edit::Batch(vec![
        Edit::PutClaim(a),
        Edit::PutClaim(b),
        Edit::PutLink(Link {
            id: 1,
            kind,
            note: String::new(),
            resolution: Resolution::Open,
            members: vec![1, 2],
            author: None,
            edited_by: None,
        }),
    ]))
    .expect("applies");
    p
}

fn html(p: &Project) -> String {
    let mut out = Vec::new();
    let opts = ReportOptions {
        project_name: "timeline".into(),
        exported_at: "2026-12-02T00:00:00Z".into(),
    };
    write_report(p, Format::Html, &opts, &mut out).expect("write");
    String::from_utf8(out).expect("utf-8")
}

#[test]
fn an_update_gets_a_chart_of_its_measure_over_time() {
    let page = html(&project(LinkKind::Updates));
    let section = &page[page
        .find("<section id=\"timeline\">")
        .expect("a timeline section")..];
    let section = &section[..section.find("</section>").expect("closed")];
    assert!(section.contains("<h3>killed</h3>"), "{section}");
    assert!(section.contains("aria-label=\"killed over time\""));
    // Both figures drawn, with their times in their tooltips, and both ringed as linked.
    assert!(
        section.contains("11 killed as of 10 Jun 2025 18:00"),
        "{section}"
    );
    assert!(
        section.contains("24 killed as of 11 Jun 2025 08:00"),
        "{section}"
    );
    assert_eq!(section.matches("r=\"8\"").count(), 2);
    assert!(section.contains("Outlet 1") && section.contains("Outlet 2"));
}

#[test]
fn no_timeline_without_a_contradiction_or_update_about_figures() {
    let page = html(&project(LinkKind::Supports));
    assert!(!page.contains("id=\"timeline\""));
}
