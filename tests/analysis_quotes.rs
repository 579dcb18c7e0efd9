//! Quotations grouped across articles: renderings that reorder, trim, translate differently or
//! change a number are one group; two statements that only share a phrase are not.

use crosscheck::analysis::quotes::{QuoteKind, differ_in_meaning, quote_groups};
use crosscheck::model::Article;

fn article(id: i64, text: &str) -> Article {
    Article::in_memory(id, format!("{id}.txt"), format!("Article {id}"), text)
}

#[test]
fn the_ambassadors_sentence_in_two_outlets_is_one_group() {
    let a = article(
        1,
        "RT cited an article that quoted Antonov as saying, “I’ve always reminded the Americans \
         that our president [Vladimir Putin] was the first one to extend a hand to the Americans \
         and stated readiness to provide assistance in 2001,” referring to the 9/11 attacks.",
    );
    let b = article(
        2,
        "\"I always reminded the Americans that our president was the first who extended his hand \
         to the Americans in 2001 and declared his readiness to provide help,\" the diplomat \
         said.",
    );
    let c = article(
        3,
        "The embassy said it had received no warnings before the attack.",
    );
    let groups = quote_groups(&[a, b, c]);
    assert_eq!(groups.len(), 1, "{groups:#?}");
    let g = &groups[0];
    assert_eq!(g.articles, 2);
    assert_eq!(g.variants.len(), 2);
    assert!(g.variants[0].text.starts_with("I’ve always reminded"));
    assert_eq!(
        g.variants[0].speaker.as_deref(),
        Some("Antonov"),
        "quoted Antonov as saying"
    );
    assert!(g.variants[1].text.starts_with("I always reminded"));
    assert_eq!(g.variants[1].speaker.as_deref(), Some("the diplomat"));
    assert!(g.difference > 0.1 && g.difference < 0.6, "{}", g.difference);
}

#[test]
fn reordered_trimmed_and_number_changed_renderings_group_and_the_number_is_flagged() {
    let texts = [
        "“We have found 14 bodies and we are still searching for six people,” said Marta \
         Lindqvist, who leads the rescue.",
        "Rescue chief Marta Lindqvist said: «We are still searching for six people and we have \
         found 14 bodies.»",
        "“We have found 14 bodies,” Lindqvist told reporters.",
        "“We have found 16 bodies and we are still searching for six people,” Lindqvist said.",
        // The same person, another statement sharing a phrase: not the same quote.
        "“We are still searching for funding to rebuild the bridge next year,” Lindqvist said \
         at a later briefing about the reconstruction budget.",
    ];
    let articles: Vec<Article> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| article(i as i64 + 1, t))
        .collect();
    let groups = quote_groups(&articles);
    assert_eq!(groups.len(), 1, "{groups:#?}");
    let g = &groups[0];
    let ids: Vec<i64> = g.variants.iter().map(|v| v.article_id).collect();
    assert_eq!(ids, [1, 2, 3, 4], "the later statement stays out");
    assert_eq!(
        g.speaker.as_deref(),
        Some("Marta Lindqvist"),
        "the fuller name on a tie"
    );
    assert!(g.variants.iter().all(|v| v.kind == QuoteKind::Direct));
    assert!(differ_in_meaning(&g.variants[0].text, &g.variants[3].text));
    assert!(!differ_in_meaning(&g.variants[0].text, &g.variants[1].text));
}

#[test]
fn reported_speech_joins_the_quoted_rendering_of_the_same_words() {
    let a = article(
        1,
        "The governor said that the new bridge would open to traffic before the end of next year.",
    );
    let b = article(
        2,
        "“The new bridge will open to traffic before the end of next year,” the governor told \
         the council.",
    );
    let groups = quote_groups(&[a, b]);
    assert_eq!(groups.len(), 1, "{groups:#?}");
    assert_eq!(groups[0].variants[0].kind, QuoteKind::Reported);
    assert_eq!(groups[0].speaker.as_deref(), Some("the governor"));
}

#[test]
fn quotes_within_one_article_only_are_not_a_group() {
    let a = article(
        1,
        "“We will rebuild the bridge within two years,” the mayor said. Later she repeated: \
         “We will rebuild the bridge within two years.”",
    );
    assert!(quote_groups(&[a]).is_empty());
}

#[test]
fn groups_do_not_chain_two_statements_through_a_long_rendering_of_both() {
    let a = "“The harbour wall failed because the concrete had cracked years ago,” Berg said.";
    let b = "“The harbour wall failed because the concrete had cracked years ago, and the \
             council ignored repeated warnings from local fishermen,” Berg said.";
    let c = "“The council ignored repeated warnings from local fishermen about storms,” Berg \
             said.";
    let articles = [article(1, a), article(2, b), article(3, c)];
    for g in quote_groups(&articles) {
        let ids: Vec<i64> = g.variants.iter().map(|v| v.article_id).collect();
        assert!(
            !(ids.contains(&1) && ids.contains(&3)),
            "the first and third statements share no words: {ids:?}"
        );
    }
}

#[test]
fn according_to_names_the_source_of_reported_speech() {
    let a = article(
        1,
        "Twelve boats joined the search before dawn on Sunday, according to the coastguard.",
    );
    let q = crosscheck::analysis::quotes::find_quotes(&a);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(
        q[0].text,
        "Twelve boats joined the search before dawn on Sunday"
    );
    assert_eq!(q[0].speaker.as_deref(), Some("the coastguard"));
    assert_eq!(q[0].kind, QuoteKind::Reported);
}
