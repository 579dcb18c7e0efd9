//! Unit tests of quotation finding, grouping and differences.

use super::*;
use crate::model::{Article, LinkKind, Project};

fn article(id: i64, text: &str) -> Article {
    Article::in_memory(id, format!("{id}.txt"), format!("Article {id}"), text)
}

#[test]
fn quotation_marks_of_several_languages_with_their_speakers() {
    let a = article(
        1,
        "“We will keep going until every family has an answer,” said Anja Berg.\n\n\
         Antonov said: «Our president was the first to extend a hand.» He added that \
         \"the cooperation has been destroyed through no fault of ours\", he stressed.\n\n\
         The ‘fair’ rating was given in March. The mayor called it „a careful but not timid plan“ yesterday.",
    );
    let q = find_quotes(&a);
    let got: Vec<(&str, Option<&str>)> = q
        .iter()
        .map(|q| (q.text.as_str(), q.speaker.as_deref()))
        .collect();
    assert!(got.contains(&(
        "We will keep going until every family has an answer",
        Some("Anja Berg")
    )));
    assert!(
        got.contains(&(
            "Our president was the first to extend a hand.",
            Some("Antonov")
        )),
        "{got:?}"
    );
    assert!(
        got.contains(&(
            "the cooperation has been destroyed through no fault of ours",
            Some("Antonov")
        )),
        "a pronoun is the last speaker named in the paragraph: {got:?}"
    );
    assert!(
        got.iter().all(|(t, _)| *t != "fair"),
        "one word is a scare quote"
    );
    assert!(
        got.iter()
            .any(|(t, _)| t.starts_with("a careful but not timid"))
    );
}

#[test]
fn reported_speech_after_said_that_or_before_a_closing_said() {
    let a = article(
        1,
        "The ambassador said that the cooperation had been broken off by Washington. \
         Rescue teams will keep searching through the night, the regional governor said.",
    );
    let q = find_quotes(&a);
    let got: Vec<(&str, Option<&str>, QuoteKind)> = q
        .iter()
        .map(|q| (q.text.as_str(), q.speaker.as_deref(), q.kind))
        .collect();
    assert!(
        got.contains(&(
            "the cooperation had been broken off by Washington",
            Some("the ambassador"),
            QuoteKind::Reported
        )),
        "{got:?}"
    );
    assert!(
        got.contains(&(
            "Rescue teams will keep searching through the night",
            Some("the regional governor"),
            QuoteKind::Reported
        )) || got
            .iter()
            .any(|(t, _, k)| t.starts_with("Rescue teams") && *k == QuoteKind::Reported),
        "{got:?}"
    );
}

#[test]
fn a_group_becomes_quote_claims_and_one_link_and_only_once() {
    let arts = vec![
        article(
            1,
            "“We have found 14 bodies so far today,” said Marta Lindqvist.",
        ),
        article(
            2,
            "“We have found 16 bodies so far today,” Lindqvist told reporters.",
        ),
    ];
    let g = quote_groups(&arts).remove(0);
    let mut p = Project::new(arts);
    let edit = tag_group_edit(&p, &g).expect("an edit");
    p.apply(edit).expect("applies");
    let claims: Vec<_> = p.claims().cloned().collect();
    assert_eq!(claims.len(), 2);
    assert!(claims.iter().all(|c| c.quote.starts_with("We have found")));
    let quote_cat = p
        .categories()
        .iter()
        .find(|c| c.name == "Quote")
        .map(|c| c.id);
    assert!(claims.iter().all(|c| c.category_id == quote_cat));
    assert_eq!(claims[0].attribution.as_deref(), Some("Marta Lindqvist"));
    let link = p.links().next().expect("a link");
    assert_eq!(link.kind, LinkKind::Contradicts, "14 against 16");
    assert_eq!(
        tag_group_edit(&p, &g),
        None,
        "tagging again changes nothing"
    );
}

#[test]
fn a_markdown_block_quote_is_a_quote() {
    let a = article(
        1,
        "The minister said in a statement:\n\n> The bridge will be rebuilt within two years.\n\nShe gave no cost.",
    );
    let q = find_quotes(&a);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].text, "The bridge will be rebuilt within two years.");
    assert_eq!(q[0].kind, QuoteKind::Direct);
}

#[test]
fn diff_marks_numbers_and_negations_strongly() {
    let d = word_diff("we counted 139 dead", "we counted 133 dead");
    assert!(
        d.iter()
            .any(|p| p.change == Change::Deleted && p.text.contains("139") && p.strong)
    );
    assert!(
        d.iter()
            .any(|p| p.change == Change::Inserted && p.text.contains("133") && p.strong)
    );
    assert!(differ_in_meaning("it was a plan", "it was not a plan"));
    assert!(!differ_in_meaning(
        "I always reminded them",
        "I've always reminded them"
    ));
}

#[test]
fn a_british_paper_quoting_in_single_marks_joins_the_quote_others_print_in_double() {
    // The Daily Mail's house style: single marks, a statement carried on paragraph by
    // paragraph, apostrophes in names and contractions that must not end it.
    let mail = article(
        1,
        "Paul O'Grady's partner Andre Portasio said: 'It is with great sadness that I inform \
         you that Paul has passed away unexpectedly but peacefully yesterday evening.\n\n\
         'He will be greatly missed by his loved ones, friends and all those who enjoyed his \
         humour, wit and compassion. We don't know how we'll cope,' he added.\n\n\
         The star's fans' tributes poured in from the '80s generation.",
    );
    let wire = article(
        2,
        "In a statement, his partner Andre Portasio said: \"He will be greatly missed by his \
         loved ones, friends and all those who enjoyed his humour, wit and compassion.\"",
    );
    let q = find_quotes(&mail);
    assert!(
        q.iter()
            .any(|q| q.text.contains("We don't know how we'll cope")
                && q.text.starts_with("It is with great sadness")
                && q.speaker.as_deref() == Some("Andre Portasio")),
        "{q:?}"
    );
    assert!(
        q.iter().all(|q| !q.text.contains("tributes poured")),
        "apostrophes opened a quotation: {q:?}"
    );
    let groups = quote_groups(&[mail, wire]);
    assert!(
        groups.iter().any(|g| g.articles == 2),
        "the statement is one quote in both: {groups:?}"
    );
}
