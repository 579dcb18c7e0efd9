//! Quotations as real outlets write them (issue 24): a wire story's quote carried over a
//! paragraph break, a broadsheet's mixed quotation marks and titles ("Mr. Okafor said"), a
//! tabloid's trimmed rendering, a transcript's turns; speakers named beside the quote, not the
//! agency that reported it; outlets that credit the same words to different people; and the
//! number/negation flag only where both renderings cover the words. The articles are written
//! here, modelled on those styles.

use crosscheck::analysis::quotes::{differ_in_meaning, quote_groups, word_diff};
use crosscheck::model::Article;

fn article(id: i64, text: &str) -> Article {
    Article::in_memory(id, format!("{id}.txt"), format!("Article {id}"), text)
}

#[test]
fn a_quote_carried_over_a_paragraph_break_is_one_quote_and_joins_its_group() {
    // Wire style: no closing mark at the end of the first paragraph, an opening mark on the next.
    let wire = article(
        1,
        "LAGOS (Wire) — The river authority ordered the dam gates opened on Sunday.\n\n\
         “We had no choice but to release the water before the wall gave way entirely,\n\n\
         “and every village downstream was warned by radio before noon,” said Ade Okafor, a \
         spokesman for the authority.\n",
    );
    let paper = article(
        2,
        "Mr. Okafor said: \"We had no choice but to release the water before the wall gave way \
         entirely, and every village downstream was warned by radio before noon.\"\n",
    );
    let groups = quote_groups(&[wire, paper]);
    assert_eq!(groups.len(), 1, "{groups:#?}");
    let g = &groups[0];
    assert_eq!(g.articles, 2);
    let first = &g.variants[0];
    assert!(
        first.text.starts_with("We had no choice") && first.text.ends_with("before noon"),
        "the whole quotation, across the break: {:?}",
        first.text
    );
    assert_eq!(first.speaker.as_deref(), Some("Ade Okafor"));
    assert_eq!(
        g.variants[1].speaker.as_deref(),
        Some("Okafor"),
        "a title's full stop ends no sentence"
    );
    assert_eq!(
        g.speaker.as_deref(),
        Some("Ade Okafor"),
        "one person, fullest name"
    );
    assert!(g.credited.is_empty(), "{:?}", g.credited);
}

#[test]
fn a_quote_opened_with_one_kind_of_mark_and_closed_with_the_other_is_kept() {
    let a = article(
        1,
        "“The evacuation order covers every district east of the river,\" the governor said.",
    );
    let b = article(
        2,
        "\"The evacuation order covers every district east of the river” the governor told \
         reporters on Monday.",
    );
    let groups = quote_groups(&[a, b]);
    assert_eq!(groups.len(), 1, "{groups:#?}");
    assert_eq!(groups[0].variants.len(), 2);
    for v in &groups[0].variants {
        assert_eq!(v.speaker.as_deref(), Some("the governor"), "{v:?}");
    }
}

#[test]
fn the_speaker_is_the_person_beside_the_quote_not_the_agency_that_reported_it() {
    let a = article(
        1,
        "“Nobody expected the second wave to reach the harbour so quickly,” said Jane Doe, a \
         spokeswoman for the coastguard.",
    );
    let b = article(
        2,
        "“Nobody expected the second wave to reach the harbor so quickly,” coastguard \
         spokeswoman Jane Doe told AP.",
    );
    let c = article(
        3,
        "\"Nobody expected the second wave to reach the harbour so quickly,\" the agency \
         quoted Doe as saying.",
    );
    let groups = quote_groups(&[a, b, c]);
    assert_eq!(groups.len(), 1, "{groups:#?}");
    let speakers: Vec<Option<&str>> = groups[0]
        .variants
        .iter()
        .map(|v| v.speaker.as_deref())
        .collect();
    assert_eq!(
        speakers,
        [Some("Jane Doe"), Some("Jane Doe"), Some("Doe")],
        "never AP"
    );
    assert!(groups[0].credited.is_empty());
    // harbour / harbor is a difference of spelling, not of words.
    assert_eq!(groups[0].difference, 0.0, "{}", groups[0].difference);
    assert!(
        word_diff(&groups[0].variants[0].text, &groups[0].variants[1].text)
            .iter()
            .all(|p| p.change == crosscheck::analysis::quotes::Change::Same),
        "no word differs"
    );
}

#[test]
fn outlets_crediting_the_same_words_to_different_people_are_surfaced() {
    let a = article(
        1,
        "“We will not reopen the mine until every shaft has been inspected,” said Lena \
         Marsh, the regional safety director.",
    );
    let b = article(
        2,
        "“We will not reopen the mine until every shaft has been inspected,” Governor Paul \
         Ekberg said on Friday.",
    );
    let groups = quote_groups(&[a, b]);
    assert_eq!(groups.len(), 1, "{groups:#?}");
    let g = &groups[0];
    let names: Vec<&str> = g.credited.iter().map(|c| c.speaker.as_str()).collect();
    assert_eq!(names.len(), 2, "{:?}", g.credited);
    assert!(names.contains(&"Lena Marsh"), "{names:?}");
    assert!(
        names.iter().any(|n| n.ends_with("Paul Ekberg")),
        "{names:?}"
    );
    let summary = g
        .credit_summary(&|id| format!("article {id}"))
        .expect("a finding");
    assert!(summary.contains("to Lena Marsh by article 1"), "{summary}");
    assert!(summary.contains("Ekberg by article 2"), "{summary}");
}

#[test]
fn the_meaning_flag_fires_only_where_both_renderings_cover_the_words() {
    let full = "We will not lift the curfew this week, and 40 more officers arrive on Monday";
    // Trimmed at both ends: the dropped words held the "not".
    assert!(!differ_in_meaning(
        full,
        "lift the curfew this week, and 40 more officers arrive"
    ));
    // Trimmed at the end: the dropped words held a number.
    assert!(!differ_in_meaning(
        full,
        "We will not lift the curfew this week"
    ));
    // Extended at the end.
    assert!(!differ_in_meaning(
        full,
        "We will not lift the curfew this week, and 40 more officers arrive on Monday, with \
         30 more to follow in May"
    ));
    // A number both cover differs.
    assert!(differ_in_meaning(
        full,
        "We will not lift the curfew this week, and 14 more officers arrive on Monday"
    ));
    // A negation inside the shared words is gone.
    assert!(differ_in_meaning(
        full,
        "We will lift the curfew this week, and 40 more officers arrive on Monday"
    ));
    // Curly apostrophes and spelling are form only.
    assert!(!differ_in_meaning(
        "It’s a defence of the organisation",
        "It's a defense of the organization"
    ));
}

#[test]
fn a_reordered_rendering_is_not_zero_percent_different() {
    let a = article(
        1,
        "“The bridge will reopen in March and the tolls will stay at two dollars,” the mayor \
         said.",
    );
    let b = article(
        2,
        "“The tolls will stay at two dollars and the bridge will reopen in March,” the mayor \
         said.",
    );
    let groups = quote_groups(&[a, b]);
    assert_eq!(groups.len(), 1, "{groups:#?}");
    assert!(
        groups[0].difference > 0.2,
        "reordered: {}",
        groups[0].difference
    );
}

#[test]
fn a_transcript_turn_and_a_follow_up_quote_keep_their_speaker() {
    // Broadsheet: the second quotation of a paragraph names no one; it continues the first.
    let a = article(
        1,
        "“The budget leaves the hospitals short by a third,” Ms. Varga said. “Every ward \
         will feel it before the winter is out.”\n",
    );
    let b = article(
        2,
        "Health spokesperson Ilona Varga warned that \"every ward will feel it before the \
         winter is out.\"\n",
    );
    let groups = quote_groups(&[a, b]);
    let g = groups
        .iter()
        .find(|g| g.variants.iter().any(|v| v.text.contains("Every ward")))
        .expect("the follow-up quote is grouped");
    assert!(
        g.variants
            .iter()
            .all(|v| v.speaker.as_deref().is_some_and(|s| s.ends_with("Varga"))),
        "{:?}",
        g.variants
    );
}

#[test]
fn a_quote_inside_someone_elses_sentence_does_not_inherit_the_last_speaker() {
    let a = article(
        1,
        "“The plan fails the poorest families in every county,” said Father Reese.\n\n\
         The faculty letter argues that the cuts offer a “rationale for gutting the programs \
         of the poor entirely.”\n",
    );
    let quotes = crosscheck::analysis::quotes::find_quotes(&a);
    let embedded = quotes
        .iter()
        .find(|q| q.text.starts_with("rationale"))
        .expect("the embedded quote");
    assert_eq!(embedded.speaker, None, "{quotes:?}");
    assert_eq!(quotes[0].speaker.as_deref(), Some("Father Reese"));
}

#[test]
fn a_rendering_that_runs_on_with_other_words_at_its_end_does_not_differ_in_meaning() {
    // The second outlet ends differently and then keeps quoting: a number that moved and a
    // negation in the words only it carries are no change of meaning.
    assert!(!differ_in_meaning(
        "our president was the first to offer help in 2001 and stated readiness to assist",
        "our president was the first in 2001 to offer help and stated readiness to help. It is \
         not our fault that all of this was destroyed"
    ));
    // A whole clause one rendering adds in the middle is a cut in the other, not a change.
    assert!(!differ_in_meaning(
        "This party is not a clown show. This party is an idea that sets people free",
        "This party is not a clown show. This party is not a circus and never was one. This \
         party is an idea that sets people free"
    ));
    // But a number that differs where both end differently is.
    assert!(differ_in_meaning(
        "the fire destroyed 40 homes",
        "the fire destroyed 60 houses"
    ));
}

#[test]
fn a_quotation_split_by_its_attribution_keeps_one_speaker() {
    let a = article(
        1,
        "“I am not ashamed to admit that I am a Christian,” Mr. Perry said, “but you do not \
         need to be in the pew every Sunday to know that something is wrong.”",
    );
    let quotes = crosscheck::analysis::quotes::find_quotes(&a);
    assert_eq!(quotes.len(), 2, "{quotes:?}");
    for q in &quotes {
        assert_eq!(q.speaker.as_deref(), Some("Perry"), "{q:?}");
    }
}

#[test]
fn a_transcript_without_quotation_marks_gives_its_turns_and_their_speakers() {
    // A hearing printed as a transcript, and a news story quoting one answer.
    let transcript = article(
        1,
        "The following is a transcript of the exchange.\n\n\
         SEN. MARTA QUILL: How many inspectors were on the factory floor last year?\n\n\
         ADMINISTRATOR HOLT: I will get that figure to the committee by the end of the week.\n\n\
         UPDATE: This transcript has been corrected.\n",
    );
    let story = article(
        2,
        "Holt said he did not have the exact number. \"I will get that figure to the committee \
         by the end of the week,\" he said.\n",
    );
    let groups = quote_groups(&[transcript, story]);
    let g = groups
        .iter()
        .find(|g| {
            g.variants
                .iter()
                .any(|v| v.text.starts_with("I will get that figure"))
        })
        .expect("the transcript's answer and the story's quote are one group");
    let from_transcript = g.variants.iter().find(|v| v.article_id == 1).unwrap();
    assert_eq!(
        from_transcript.text,
        "I will get that figure to the committee by the end of the week."
    );
    assert_eq!(
        from_transcript.speaker.as_deref(),
        Some("Administrator Holt")
    );
    assert!(g.speaker.as_deref().is_some_and(|s| s.ends_with("Holt")));
    let a = article(
        3,
        "SEN. MARTA QUILL: How many inspectors were on the factory floor last year?\n\n\
         UPDATE: This story has been corrected to fix a name.\n",
    );
    let quotes = crosscheck::analysis::quotes::find_quotes(&a);
    assert!(
        quotes.is_empty(),
        "one capitals label and a note are not a transcript: {quotes:?}"
    );
}

#[test]
fn a_statement_one_outlet_split_in_two_joins_the_outlet_that_printed_it_whole() {
    let split = article(
        1,
        "\"I was stunned when the mayor lost her primary election this week,\" Dana Reyes said. \
         \"But the message from the voters is clear: they are looking for a change.\"\n",
    );
    let whole = article(
        2,
        "Reyes said in a statement: \"I was stunned when the mayor lost her primary election \
         this week, but the message from the voters is clear: they are looking for a \
         change.\"\n",
    );
    let other = article(
        3,
        "Paul Ekberg, who ran against her in 2019, said: \"The message from the voters is \
         clear, and we will listen to every word of it before the autumn.\"\n",
    );
    let groups = quote_groups(&[split, whole, other]);
    let g = groups
        .iter()
        .find(|g| g.variants.iter().any(|v| v.article_id == 2))
        .expect("the whole statement is grouped");
    let from_split: Vec<&str> = g
        .variants
        .iter()
        .filter(|v| v.article_id == 1)
        .map(|v| v.text.as_str())
        .collect();
    assert_eq!(
        from_split.len(),
        2,
        "both pieces are renderings of it: {g:#?}"
    );
    assert!(
        g.variants.iter().all(|v| v.article_id != 3),
        "another man's sentence sharing a phrase stays out: {g:#?}"
    );
}

#[test]
fn a_short_rendering_inside_a_long_statement_is_grouped_with_it() {
    let long = article(
        1,
        "\"I am honoured to have the sheriff's support for our campaign and our shared goals. \
         As governor, I will secure the border within a year, with more officers on the \
         ground and better fencing,\" Perry said in a statement.\n",
    );
    let short = article(
        2,
        "Perry said in a statement that if elected he would \"secure the border within a \
         year.\"\n",
    );
    let groups = quote_groups(&[long, short]);
    assert_eq!(groups.len(), 1, "{groups:#?}");
    assert_eq!(groups[0].articles, 2);
}

#[test]
fn a_phrase_two_statements_share_out_of_order_does_not_join_them() {
    let a = article(
        1,
        "Trump acknowledged that the matter \"will be settled by the United States Supreme \
         Court.\"\n",
    );
    let b = article(
        2,
        "\"We all cherish the language of the 14th Amendment, but the Supreme Court of the \
         United States has never ruled on whether the language of the amendment, subject to \
         the jurisdiction thereof, applies specifically to people who are in the country \
         illegally,\" Vice President Mike Pence told Politico.\n",
    );
    assert!(
        quote_groups(&[a, b]).is_empty(),
        "two men's sentences sharing the court's name are not one quotation"
    );
}

#[test]
fn pieces_of_a_split_statement_are_compared_with_the_whole_not_with_each_other() {
    let split = article(
        1,
        "\"The council should listen to the families on the estate before it signs anything,\" \
         Mara Olsen said. \"And if it does not listen, there should be no deal.\"\n",
    );
    let whole = article(
        2,
        "Olsen said: \"The council should listen to the families on the estate before it signs \
         anything, and if it does not listen, there should be no deal.\"\n",
    );
    let groups = quote_groups(&[split, whole]);
    assert_eq!(groups.len(), 1, "{groups:#?}");
    let g = &groups[0];
    assert_eq!(g.variants.len(), 3);
    assert_eq!(
        g.variants[g.reference].article_id, 2,
        "the whole is the reference"
    );
    assert_eq!(
        crosscheck::analysis::quotes::group_link_kind(g),
        crosscheck::model::LinkKind::SameClaim,
        "the 'not' of the second piece is in the whole too: no difference in meaning"
    );
    assert!(
        g.difference < 0.05,
        "pieces are trimmed renderings: {}",
        g.difference
    );
}
