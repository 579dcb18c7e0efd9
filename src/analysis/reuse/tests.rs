//! Text reuse on written fixtures: a wire story, a reprint with light edits, a rewrite that
//! adds its own material, and an independent report of the same event.

use super::*;
use crate::model::Article;

pub(crate) const WIRE: &str =
    "LISBON (Reuters) - A fire at a chemical warehouse on the southern edge of Lisbon \
killed four workers and injured 23 on Tuesday, the city's civil protection agency said.

The blaze broke out shortly after 6 a.m. in a storage hall holding solvents and paint, and \
sent a column of black smoke over the Tagus estuary that could be seen from the city centre.

More than 120 firefighters and 40 vehicles were sent to the site, which lies near a \
residential area of about 3,000 people. Residents were told to keep windows closed.

\"The situation is under control but we are still cooling the structure,\" agency \
commander Rui Pereira told reporters at the scene.

Prosecutors have opened an inquiry into the cause of the fire. The company that runs the \
warehouse did not respond to a request for comment.

Reporting by Ana Lopes; Editing by Mark Hill";

/// The wire story with light edits: a new first sentence, words changed, a paragraph cut.
pub(crate) const REPRINT: &str =
    "A fire at a chemical warehouse on the southern outskirts of Lisbon killed \
four workers and injured 23 people on Tuesday, the city's civil protection agency said.

The blaze broke out soon after 6 a.m. in a storage hall that held solvents and paint, and \
sent a column of thick black smoke over the Tagus estuary that could be seen from the city centre.

More than 120 firefighters and 40 vehicles were sent to the site, which lies close to a \
residential area of about 3,000 people. Residents were told to keep their windows closed.

Prosecutors have opened an inquiry into the cause of the fire.";

/// Two paragraphs of the wire, then the paper's own reporting.
pub(crate) const REWRITE: &str = "Neighbours in Sacavém said they heard two loud bangs before dawn on Tuesday, \
and within minutes ash was falling on cars parked along the main road.

A fire at a chemical warehouse on the southern edge of Lisbon killed four workers and injured \
23 on Tuesday, the city's civil protection agency said. The blaze broke out shortly after 6 a.m. \
in a storage hall holding solvents and paint.

Maria Santos, who runs a bakery two streets away, said the smell of burning plastic filled her \
shop and she sent her staff home. Parents gathered outside the primary school on Rua Direita \
waiting for news, and several said nobody had told them whether the children were safe.

Local councillor João Ferreira said residents had complained for years about lorries carrying \
chemicals through narrow streets, and that he would ask the city to review the warehouse's licence. \
The union representing the workers called for a national inspection of similar sites.";

/// The same event, written by another reporter from the scene.
pub(crate) const INDEPENDENT: &str =
    "Four people died when flames tore through a solvent store in Lisbon's \
industrial fringe early on Tuesday, and 23 others were injured, officials said.

Our correspondent at the scene saw dozens of fire engines lined up along the avenue as crews \
sprayed water on the smouldering roof. Smoke drifted across the river for most of the morning.

\"The situation is under control but we are still cooling the structure,\" commander Rui \
Pereira said. Investigators will examine whether the storage rules were followed.";

fn article(id: i64, path: &str, text: &str, published: &str) -> Article {
    let mut a = Article::in_memory(id, path, path, text);
    a.published = Some(published.to_owned());
    a
}

fn folder() -> Vec<Article> {
    vec![
        article(1, "wire.txt", WIRE, "2024-05-14"),
        article(2, "reprint.txt", REPRINT, "2024-05-14"),
        article(3, "rewrite.txt", REWRITE, "2024-05-15"),
        article(4, "independent.txt", INDEPENDENT, "2024-05-14"),
    ]
}

fn pair(r: &Reuse, a: i64, b: i64) -> Option<PairView> {
    r.pairs_of(a).into_iter().find(|v| v.other == b)
}

#[test]
fn a_reprint_is_wholly_a_rewrite_partially_and_an_independent_report_not_derived() {
    let r = find_reuse(&folder());
    let reprint = pair(&r, 2, 1).expect("the reprint shares text with the wire");
    assert_eq!(reprint.class, Class::Wholly, "share {}", reprint.share);
    assert!(reprint.share > 0.8);
    let rewrite = pair(&r, 3, 1).expect("the rewrite shares text with the wire");
    assert_eq!(rewrite.class, Class::Partially, "share {}", rewrite.share);
    // The independent report shares only a quotation with the wire: listed, not counted.
    if let Some(ind) = pair(&r, 4, 1) {
        assert_eq!(ind.class, Class::Independent);
        assert!(ind.passages.iter().all(|p| p.quotation), "{ind:?}");
    }
    assert_eq!(r.article(4).map(|a| a.class), Some(Class::Independent));
}

#[test]
fn the_wire_credit_and_the_dates_give_the_direction_and_one_family_forms() {
    let r = find_reuse(&folder());
    // Same day: the credited wire story is the source of the reprint.
    assert_eq!(pair(&r, 1, 2).and_then(|v| v.is_source), Some(true));
    // The rewrite is a day later.
    assert_eq!(pair(&r, 3, 1).and_then(|v| v.is_source), Some(false));
    assert_eq!(r.families.len(), 1);
    assert_eq!(r.families[0].articles, vec![1, 2, 3]);
    assert_eq!(r.families[0].source, Some(1));
    assert_eq!(r.families[0].wire, Some("Reuters"));
    assert!(r.same_family(2, 3));
    assert!(!r.same_family(1, 4));
    // The wire is not derived from its copies.
    assert_eq!(r.article(1).map(|a| a.class), Some(Class::Independent));
}

#[test]
fn passages_are_character_ranges_of_the_same_words_in_both_articles() {
    let arts = folder();
    let r = find_reuse(&arts);
    let v = pair(&r, 2, 1).expect("pair");
    for p in &v.passages {
        let mine = crate::model::char_slice(REPRINT, p.start, p.end);
        let theirs = crate::model::char_slice(WIRE, p.other_start, p.other_end);
        let first = |s: &str| s.split_whitespace().next().map(str::to_lowercase);
        assert_eq!(first(mine), first(theirs), "{mine:?} / {theirs:?}");
    }
    let marked = r.shared_ranges(2);
    assert!(!marked.is_empty());
    assert!(
        marked.windows(2).all(|w| w[0].1 < w[1].0),
        "merged, in order"
    );
}

#[test]
fn a_figure_from_one_wire_story_counts_once_and_an_independent_report_adds_one() {
    let mut arts = folder();
    for (a, outlet) in arts
        .iter_mut()
        .zip(["Reuters", "Daily Post", "Lisbon Times", "Courier"])
    {
        a.outlet = Some(outlet.to_owned());
    }
    let sources = sources_for(&arts);
    let injured = sources
        .iter()
        .find(|s| s.label.starts_with("23 ") && s.outlets == 4)
        .unwrap_or_else(|| panic!("23 injured in all four: {sources:#?}"));
    assert_eq!(injured.outlets, 4);
    assert_eq!(injured.independent, 2, "{:?}", injured.sources);
    assert_eq!(
        injured.describe(),
        "reported by 4 outlets, 2 independent sources"
    );
    // Four dead: the wire's headline says it outside any shared passage, but its lead is
    // copied, so the wire counts with its copies.
    let killed = sources
        .iter()
        .find(|s| s.label.starts_with("4 ") && s.measure.is_event() && s.outlets == 4)
        .unwrap_or_else(|| panic!("4 killed in all four: {sources:#?}"));
    assert_eq!(killed.independent, 2, "{:?}", killed.sources);
}

/// The Sources view's entries for a folder of independent reports of one day.
fn sources_of(texts: &[&str]) -> Vec<FigureSources> {
    let arts: Vec<Article> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| article(i as i64 + 1, &format!("{i}.txt"), t, "2024-05-14"))
        .collect();
    sources_for(&arts)
}

/// The figures several of `arts` report, with their independent sources (one story).
fn sources_for(arts: &[Article]) -> Vec<FigureSources> {
    use crate::analysis::figures::article_figures;
    let r = find_reuse(arts);
    let figs = article_figures(arts);
    let pairs: Vec<(&Article, &[crate::analysis::figures::Figure])> = arts
        .iter()
        .zip(&figs)
        .map(|(a, f)| (a, f.as_slice()))
        .collect();
    figure_sources(&pairs, &r, &Default::default())
}

#[test]
fn a_sum_that_names_nothing_joins_the_one_named_sum_of_its_value() {
    let sources = sources_of(&[
        "Gascoigne, 47, who has battled alcoholism, was granted £188,250 by the court.",
        "The former England footballer was awarded £188,250 at the High Court in London.",
        "Paul Gascoigne was awarded £188,250 by Mr Justice Mann on Thursday.",
    ]);
    let sum = sources
        .iter()
        .find(|s| s.label.contains("188,250"))
        .unwrap_or_else(|| panic!("the sum, written as a reader writes it: {sources:#?}"));
    assert!(sum.label.starts_with("£188,250"), "{}", sum.label);
    assert_eq!(sum.outlets, 3, "one sum, three reports: {sources:#?}");
    assert_eq!(
        sources
            .iter()
            .filter(|s| s.label.contains("188,250"))
            .count(),
        1
    );

    // Two different payments of one value: a bare mention could be either, so it joins
    // neither and the two named ones stay apart.
    let sources = sources_of(&[
        "The club was handed a £4m fine by the league on Monday.",
        "A £4m fund for the victims was set up by the league on Monday.",
        "The league said £4m would be paid.",
        "Officials said the £4m fine was the largest ever imposed by the league.",
    ]);
    let fine = sources
        .iter()
        .find(|s| s.label == "£4 million fine")
        .unwrap_or_else(|| panic!("the fine: {sources:#?}"));
    assert_eq!(fine.outlets, 2, "{sources:#?}");
    assert!(sources.iter().all(|s| s.outlets <= 2), "{sources:#?}");
}

#[test]
fn any_language_written_with_spaces_and_folded_accents() {
    let fr = "Un incendie dans un entrepôt de produits chimiques au sud de Lisbonne a fait \
              quatre morts et vingt-trois blessés mardi, selon la protection civile de la ville.";
    let copy = "UN INCENDIE DANS UN ENTREPOT de produits chimiques au sud de Lisbonne a fait \
                quatre morts et vingt-trois blesses mardi, selon la protection civile.";
    let arts = vec![
        article(1, "a.txt", fr, "2024-05-14"),
        article(2, "b.txt", copy, "2024-05-14"),
    ];
    let r = find_reuse(&arts);
    assert_eq!(pair(&r, 2, 1).map(|v| v.class), Some(Class::Wholly));
}

#[test]
fn unrelated_articles_make_no_pairs() {
    let arts = vec![
        article(1, "a.txt", WIRE, "2024-05-14"),
        article(
            2,
            "b.txt",
            "The central bank left interest rates unchanged on Thursday and said inflation \
             would return to its target next year as energy prices fall.",
            "2024-05-14",
        ),
    ];
    let r = find_reuse(&arts);
    assert!(r.pairs.is_empty());
    assert!(r.families.is_empty());
}

/// The share of `v` lies where a passage's length decides its class.
fn assert_between_a_tenth_and_a_fifth(v: &PairView) {
    assert!(v.share >= 0.1 && v.share < PARTIALLY, "{}", v.share);
}

/// A folder of the wire story (id 1) and a paper's later text (id 2).
fn beside_wire(paper: &str) -> Reuse {
    find_reuse(&[
        article(1, "wire.txt", WIRE, "2024-05-07T07:00:00Z"),
        article(2, "paper.txt", paper, "2024-05-07T12:00:00Z"),
    ])
}

/// A paper's own long report of the fire, about 250 words, sharing nothing with the wire.
const OWN_REPORTING: &str =
    "Neighbours in Sacavém said they heard two loud bangs before dawn, and \
within minutes ash was falling on cars parked along the main road towards the bridge.

Maria Santos, who runs a bakery two streets away, said the smell of burning plastic filled her \
shop and she sent her staff home before the morning rush had even started.

Parents gathered outside the primary school on Rua Direita waiting for news, and several said \
nobody had told them whether the children inside were safe or would be sent home.

Local councillor João Ferreira said residents had complained for years about lorries carrying \
chemicals through narrow streets, and that he would ask the city to review every licence.

The union representing the warehouse staff called for a national inspection of similar sites \
and said it had warned the owners about blocked exits in a letter sent last spring.

By the afternoon the road had reopened, though police kept a cordon around the gates and a \
mobile laboratory tested the air in the streets nearest the river for solvents.

A priest from the parish church said a vigil would be held on Thursday evening for the four \
men, two of whom had worked at the site for more than twenty years.";

#[test]
fn a_copied_paragraph_or_its_worth_in_pieces_derives_a_report_and_stock_phrases_do_not() {
    let copied = format!(
        "{OWN_REPORTING}\n\nA fire at a chemical warehouse on the southern edge of Lisbon killed \
         four workers and injured 23 on Tuesday, the city's civil protection agency said. The \
         blaze broke out shortly after 6 a.m. in a storage hall holding solvents and paint."
    );
    // The same report with three pieces of the wire's sentences worked into its own: a
    // paragraph's worth of the wire's words, which is how real rewrites use it (METER's
    // "partially derived": the wire is one of its sources).
    let pieces = format!(
        "{OWN_REPORTING}\n\nOfficials said the site lies near a residential area of about \
         3,000 people. Firemen said that it sent a column of black smoke over the Tagus \
         estuary that could be seen from miles away. Prosecutors have opened an inquiry into \
         the cause of the fire, as is usual."
    );
    // A short report sharing two stock phrases with the wire: a tenth of its words, but what
    // independent reports of one fire can share.
    let short: String = OWN_REPORTING
        .split("\n\n")
        .take(3)
        .collect::<Vec<_>>()
        .join("\n\n");
    let stock = format!(
        "{short}\n\nOfficials said the site lies near a residential area of about 3,000 people. \
         Prosecutors have opened an inquiry into the cause of the fire, as is usual."
    );
    for (text, what) in [(&copied, "a copied paragraph"), (&pieces, "pieces")] {
        let r = beside_wire(text);
        let v = pair(&r, 2, 1).unwrap_or_else(|| panic!("{what} found"));
        assert_between_a_tenth_and_a_fifth(&v);
        assert_eq!(v.class, Class::Partially, "{what}: {:?}", v.passages);
        assert!(r.same_family(2, 1), "{what}");
    }
    let r = beside_wire(&stock);
    let s = pair(&r, 2, 1).expect("the phrases are passages");
    assert_between_a_tenth_and_a_fifth(&s);
    assert_eq!(s.class, Class::Independent, "{:?}", s.passages);
    assert_eq!(r.article(2).map(|a| a.class), Some(Class::Independent));
    assert!(!r.same_family(2, 1));
}

/// The paper's own report (after `before`, a text of its own) with the wire's sentence on the
/// fire crews worked into its middle and, when `both`, the wire's "no comment" line at its end.
fn report_with_wire_sentences(before: &str, both: bool) -> String {
    let (head, tail) = OWN_REPORTING.split_at(OWN_REPORTING.find("Local councillor").unwrap());
    let crews = "More than 120 firefighters and 40 vehicles were sent to the site, which lies \
                 near a residential area of about 3,000 people.";
    let no_comment =
        "The company that runs the warehouse did not respond to a request for comment.";
    let end = if both {
        format!("\n\n{no_comment}")
    } else {
        String::new()
    };
    format!("{before}{head}{crews}\n\n{tail}{end}")
}

#[test]
fn two_wire_sentences_in_a_report_derive_it_and_one_does_not() {
    // Two sentences taken word for word, apart from each other: a rewrite that used the wire,
    // though they are under a fifth of its words and neither is a paragraph.
    let r = beside_wire(&report_with_wire_sentences("", true));
    let t = pair(&r, 2, 1).expect("both sentences are found");
    assert_between_a_tenth_and_a_fifth(&t);
    assert_eq!(t.passages.len(), 2, "{:?}", t.passages);
    assert_eq!(t.class, Class::Partially);
    assert!(r.same_family(2, 1));
    // One such sentence is what independent reports can share by chance.
    let r = beside_wire(&report_with_wire_sentences("", false));
    let o = pair(&r, 2, 1).expect("the sentence is found");
    assert_eq!(o.class, Class::Independent, "{}", o.share);
}

#[test]
fn two_wire_sentences_derive_a_long_report_too() {
    // A feature of over 500 words that works two of the wire's sentences into its own: under a
    // tenth of its words, still the wire used. One sentence in it is still chance.
    let before = format!("{OWN_REPORTING}\n\n");
    let r = beside_wire(&report_with_wire_sentences(&before, true));
    let v = pair(&r, 2, 1).expect("both sentences are found");
    assert!(v.share < 0.1, "{}", v.share);
    assert_eq!(v.class, Class::Partially, "{:?}", v.passages);
    assert!(r.same_family(2, 1));
    let r = beside_wire(&report_with_wire_sentences(&before, false));
    let o = pair(&r, 2, 1).expect("the sentence is found");
    assert_eq!(o.class, Class::Independent, "{}", o.share);
}

#[test]
fn a_sentence_counts_once_however_often_the_other_article_repeats_it() {
    // The paper repeats the wire's sentence (a standfirst and the body): two passages in the
    // paper, but in the wire they are one sentence, and one sentence is not a rewrite.
    let sentence = "More than 120 firefighters and 40 vehicles were sent to the site, which lies \
                    near a residential area of about 3,000 people.";
    let paper = format!("{sentence}\n\n{OWN_REPORTING}\n\n{sentence}");
    let r = beside_wire(&paper);
    let w = pair(&r, 1, 2).expect("the sentence is found");
    assert!(w.share >= FEW_SENTENCES, "{}", w.share);
    assert_eq!(w.class, Class::Independent, "{:?}", w.passages);
}

#[test]
fn a_passage_never_runs_from_the_headline_into_the_text() {
    // Two reports of one death, each headline repeating its own first sentence's key phrase.
    let a = "Publicist dies in hospital after collapsing in prison\n\nThe former publicist Tom \
             Hale has died in hospital after collapsing in prison, his family said on Sunday. \
             Friends remembered a man who could fill a room with laughter, and a neighbour \
             said he had written to her every month from his cell about the garden he missed. \
             His lawyer said an appeal had been due to be heard in the spring.";
    let b = "Tom Hale dies in hospital after collapsing in prison\n\nDisgraced publicist Tom Hale \
             has died in hospital after collapsing in prison, the ministry confirmed. An \
             investigation by the prisons ombudsman will follow, as after every death in custody. \
             Hale was jailed three years ago for fraud, after a trial that lasted four months \
             and heard from more than forty of the investors who lost their savings.";
    let r = find_reuse(&[
        article(1, "a.txt", a, "2024-05-07"),
        article(2, "b.txt", b, "2024-05-07"),
    ]);
    let body = |t: &str| t.find("\n\n").map(|i| t[..i].chars().count()).unwrap_or(0);
    for p in r.pairs.iter().flat_map(|p| &p.passages) {
        let in_headline = |start: usize, end: usize, t: &str| start < body(t) && end > body(t);
        assert!(
            !in_headline(p.start, p.end, a) && !in_headline(p.other_start, p.other_end, b),
            "a passage crosses a headline: {p:?}"
        );
    }
    let v = pair(&r, 1, 2);
    assert!(
        v.as_ref().is_none_or(|v| v.class == Class::Independent),
        "{v:?}"
    );
}

#[test]
fn a_statement_quoted_in_single_marks_is_a_shared_quotation_not_copied_text() {
    // The agency and a British paper both print the family's statement, the agency in double
    // marks and the paper in its house style's single ones, carried on paragraph by paragraph.
    let statement = [
        "It is with great sadness that we tell you our father died peacefully at home this \
         morning, surrounded by the people and the animals he loved.",
        "He will be greatly missed by his friends, his neighbours and everyone who enjoyed his \
         humour, his kindness and his songs.",
        "We ask that you respect our privacy as we come to terms with this loss.",
    ];
    let marked = |open: &str, close: &str| {
        let mut paras: Vec<String> = statement.iter().map(|p| format!("{open}{p}")).collect();
        if let Some(last) = paras.last_mut() {
            last.push_str(close);
        }
        paras.join("\n\n")
    };
    let wire = format!(
        "Folk singer Tom Hale dies aged 81\n\nThe folk singer Tom Hale has died aged 81, his \
         family said on Sunday.\n\nIn a statement, his children said:\n\n{}\n\nHale recorded \
         more than thirty albums and toured with his band until he was 75.",
        marked("\u{201c}", "\u{201d}")
    );
    let paper = format!(
        "Tom Hale, voice of the valleys, dead at 81\n\n{}\n\nThat was how Tom Hale's children \
         told the world on Sunday. Our reporter remembers the night he sang in the miners' hall \
         at Treorchy in 1984, and the queue that went round the block twice.\n\nHis songs about \
         the pits were taught in the village school for years, and the choir he founded still \
         meets on Tuesdays above the post office.",
        marked("'", "'")
    );
    let r = find_reuse(&[
        article(1, "wire.txt", &wire, "2024-05-07T07:00:00Z"),
        article(2, "paper.txt", &paper, "2024-05-07T12:00:00Z"),
    ]);
    let v = pair(&r, 2, 1).expect("the statement is found in both");
    assert!(
        v.passages.iter().any(|p| p.quotation && p.words >= 40),
        "{:?}",
        v.passages
    );
    assert_eq!(v.class, Class::Independent, "{}: {:?}", v.share, v.passages);
    assert!(!r.same_family(2, 1));
}

#[test]
fn an_article_is_as_derived_as_its_strongest_source_not_as_all_it_shares() {
    // A paper's story made of the wire's first three paragraphs, a local paper's first three
    // and a line of its own: partially derived from each. Together they are most of its words, which made it
    // "wholly derived", as if it were a reprint of one of them.
    let local = OWN_REPORTING
        .split("\n\n")
        .take(3)
        .collect::<Vec<_>>()
        .join("\n\n");
    let wire_start = WIRE.split("\n\n").take(3).collect::<Vec<_>>().join("\n\n");
    let merged = format!(
        "{wire_start}\n\n{local}\n\nOur reporter counted eleven ambulances leaving the gates \
         before noon, and the hospital in Almada said it had taken in most of the injured."
    );
    let r = find_reuse(&[
        article(1, "wire.txt", WIRE, "2024-05-07T07:00:00Z"),
        article(2, "local.txt", OWN_REPORTING, "2024-05-07T09:00:00Z"),
        article(3, "merged.txt", &merged, "2024-05-07T12:00:00Z"),
    ]);
    let (from_wire, from_local) = (pair(&r, 3, 1).unwrap(), pair(&r, 3, 2).unwrap());
    assert_eq!(from_wire.class, Class::Partially, "{}", from_wire.share);
    assert_eq!(from_local.class, Class::Partially, "{}", from_local.share);
    let a = r.article(3).unwrap();
    assert!(a.share >= WHOLLY, "{}", a.share);
    assert_eq!(a.class, Class::Partially);
    // Named after the source it takes most from.
    let most = if from_local.share > from_wire.share {
        2
    } else {
        1
    };
    assert_eq!(a.derived_from, Some(most));
    // The sources derive from nothing.
    assert_eq!(r.article(1).map(|a| a.class), Some(Class::Independent));
    assert_eq!(r.article(2).and_then(|a| a.derived_from), None);
}

#[test]
fn a_term_is_named_as_a_term_and_joins_its_defendants_named_term() {
    let sources = sources_of(&[
        "Mary Cole, 49, was jailed for three years at Leeds Crown Court.",
        "Her accomplice in the hospice fraud has been jailed for three years.",
        "Judge Peter Smith sentenced Cole to 36 months in prison on Friday.",
    ]);
    let term = sources
        .iter()
        .find(|s| s.measure == crate::analysis::figures::Measure::Jailed)
        .unwrap_or_else(|| panic!("the term: {sources:#?}"));
    assert_eq!(term.label, "jail term of 36 months for Mary Cole");
    // `Cole` and the unnamed term both join Mary Cole's: one term, three reports.
    assert_eq!(term.outlets, 3, "{sources:#?}");
}

#[test]
fn an_age_is_named_by_its_person_as_written() {
    let sources = sources_of(&[
        "Mary Cole, 49, was jailed at Leeds Crown Court.",
        "Cole, 49, wept in the dock.",
    ]);
    let age = sources
        .iter()
        .find(|s| s.measure == crate::analysis::figures::Measure::Age)
        .unwrap_or_else(|| panic!("the age: {sources:#?}"));
    assert_eq!(age.label, "age of Mary Cole: 49 years");
    assert_eq!(age.outlets, 2, "{sources:#?}");
}
