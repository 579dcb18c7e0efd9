//! What a figure counts, read from the sentence's structure rather than from the nearest word
//! (the trust gap on real court and showbiz copy): a keyword in another clause says nothing of
//! the figure, acts and results are never a toll, ages written in words are not counts, and an
//! amount per year, per hour or per episode is a rate, never set against a sum. Every sentence
//! here is written for this file.

use crate::meaning::{article, with_figures};
use crosscheck::analysis::{
    ConflictOptions, Figure, FigureOptions, Measure, extract_figures, suggest_conflicts_with,
};

pub(crate) fn figures(text: &str) -> Vec<Figure> {
    extract_figures(text, &FigureOptions::default())
}

/// The figure of `value` in `text`.
fn valued(text: &str, value: f64) -> Figure {
    figures(text)
        .into_iter()
        .find(|f| f.value == value)
        .unwrap_or_else(|| panic!("{text}: no figure {value}"))
}

/// The conflicts suggested between two articles, as `(value, value)` of the first figure of
/// each side.
pub(crate) fn conflicts(a: &str, b: &str) -> Vec<(f64, f64)> {
    let arts = [article(1, None, a), article(2, None, b)];
    with_figures(&arts, |p| {
        suggest_conflicts_with(p, &ConflictOptions::default())
    })
    .iter()
    .map(|s| {
        (
            s.figures[0].figure.value,
            s.figures[s.first_side].figure.value,
        )
    })
    .collect()
}

/// How the suggestions between two articles relate their figures (`contradicts`, `part of`).
fn relations(a: &str, b: &str) -> Vec<&'static str> {
    let arts = [article(1, None, a), article(2, None, b)];
    with_figures(&arts, |p| {
        suggest_conflicts_with(p, &ConflictOptions::default())
    })
    .iter()
    .map(|s| s.relation)
    .collect()
}

#[test]
fn a_keyword_in_a_clause_with_its_own_subject_is_not_what_the_figure_counts() {
    for (text, value) in [
        (
            "The jury has been asked to answer five key questions to establish whether he was \
             killed lawfully.",
            5.0,
        ),
        (
            "The judge told the jury at the inquest into the death of the man that they may \
             reach one of three possible verdicts.",
            3.0,
        ),
        (
            "The jury of six women and three men found there were errors by officers which \
             contributed to the deaths of the fans.",
            3.0,
        ),
        (
            "He said new cases should drop to close to zero once the weather warms up and \
             kills off the virus.",
            0.0,
        ),
        (
            "She showed a photograph with one turkey left standing in a barn, the rest \
             apparently dead.",
            1.0,
        ),
        (
            "The singer was jailed in 2014 after he was convicted of eight counts of assault.",
            8.0,
        ),
    ] {
        let f = valued(text, value);
        assert_eq!(f.measure, Measure::Quantity, "{text}: {f:#?}");
    }
    // Where the clause is the figure's own, the keyword still tells what it counts.
    for (text, value, measure) in [
        (
            "Five people said they were injured in the crush.",
            5.0,
            Measure::Injured,
        ),
        (
            "The 12 passengers who were hurt were taken to hospital.",
            12.0,
            Measure::Injured,
        ),
        (
            "The blast, which killed 30 people, shook the city.",
            30.0,
            Measure::Killed,
        ),
        (
            "Two men were arrested after police stopped their car.",
            2.0,
            Measure::Arrested,
        ),
        (
            "Four construction workers died when the crane fell.",
            4.0,
            Measure::Killed,
        ),
        (
            "Buckingham Palace said the crash involved another car, and two people in it were \
             treated for minor injuries.",
            2.0,
            Measure::Injured,
        ),
    ] {
        assert_eq!(valued(text, value).measure, measure, "{text}");
    }
}

#[test]
fn questions_and_conclusions_are_never_a_toll() {
    for (text, value) in [
        (
            "The jury, which had been considering 14 questions set out by the coroner, \
             concluded the deaths were an unlawful killing.",
            14.0,
        ),
        (
            "The other two possible conclusions were lawful killing and an open verdict.",
            2.0,
        ),
        ("Police made three announcements about the shooting.", 3.0),
    ] {
        let f = valued(text, value);
        assert_eq!(f.measure, Measure::Quantity, "{text}: {f:#?}");
    }
    // A death toll of people still reads as one.
    assert_eq!(
        valued("Three men were killed in the shooting.", 3.0).measure,
        Measure::Killed
    );
}

#[test]
fn ages_in_words_and_after_aged_just_are_not_counts() {
    for (text, gone) in [
        (
            "The star died in her sleep early on Sunday aged just 27, her publicist said.",
            &[27.0][..],
        ),
        (
            "The 27-year-old, who had two young sons Bobby, five, and Freddie, four - had died \
             on Mother's Day.",
            &[5.0, 4.0],
        ),
        (
            "Bobby and Christi Shepherd, aged six and seven, died at the hotel.",
            &[6.0, 7.0],
        ),
        (
            "A chorister from the age of eight, he began his stage career in Stratford.",
            &[8.0],
        ),
    ] {
        // A named child's age is read as that child's age (`figures_ages.rs`), never a count.
        let f = figures(text);
        assert!(
            f.iter()
                .all(|f| f.measure == Measure::Age || !gone.contains(&f.value)),
            "{text}: {f:#?}"
        );
    }
    // The count beside the ages stays, and a number in brackets is no age.
    let f = figures(
        "The 27-year-old, who had two young sons Bobby, five, and Freddie, four - had died.",
    );
    assert!(f.iter().any(|f| f.value == 2.0), "{f:#?}");
    assert!(
        figures("He kept track of the blocks (in this case, three).")
            .iter()
            .any(|f| f.value == 3.0)
    );
}

#[test]
fn an_amount_per_year_hour_or_episode_is_a_rate_in_its_own_unit() {
    for (text, value, unit) in [
        (
            "He is in the final year of a contract that pays him $2.25 million annually.",
            2_250_000.0,
            "USD per year",
        ),
        ("She earns £15 an hour.", 15.0, "GBP per hour"),
        (
            "She was paid £440 per episode of the programme.",
            440.0,
            "GBP per episode",
        ),
        ("Oil rose to $60 a barrel.", 60.0, "USD per barrel"),
        (
            "He signed a £50,000-a-week contract with the club.",
            50_000.0,
            "GBP per week",
        ),
    ] {
        let f = valued(text, value);
        assert_eq!(f.unit.as_deref(), Some(unit), "{text}: {f:#?}");
    }
    // A year that dates the amount, or `a` opening a longer phrase, makes no rate.
    for (text, value) in [
        ("Her pay rose from £12 a year ago.", 12.0),
        (
            "The club paid £200,000 a record fee for the striker.",
            200_000.0,
        ),
    ] {
        assert_eq!(valued(text, value).unit.as_deref(), Some("GBP"), "{text}");
    }
    // The noun after a joined rate says what the amount is.
    let f = valued(
        "She was the chief executive's $175,000-a-year chief of staff.",
        175_000.0,
    );
    assert_eq!(f.text, "$175,000-a-year");
    assert_eq!(f.counted.as_deref(), Some("chief"), "{f:#?}");
}

#[test]
fn an_amount_after_a_verb_made_from_its_kind_is_of_that_kind() {
    let f = valued(
        "Hertfordshire Oil Storage Limited was fined £1,450,000 plus £1,000,000 costs.",
        1_450_000.0,
    );
    assert_eq!(f.counted.as_deref(), Some("fine"), "{f:#?}");
    let f = valued("The court awarded him £40,000 for his distress.", 40_000.0);
    assert_eq!(f.counted.as_deref(), Some("award"), "{f:#?}");
}

#[test]
fn a_salary_is_not_set_against_a_sum_and_two_rates_per_episode_are() {
    // A coach's annual salary against the sum players say he promised them: no conflict.
    assert!(
        conflicts(
            "The coach is in the final year of a contract that pays him $2.25 million annually.",
            "Six players say the coach promised each of them $250,000 in NIL money.",
        )
        .is_empty()
    );
    // Two outlets giving one presenter's fee per episode differently: a conflict to check.
    let found = conflicts(
        "The presenter said she was paid £440 per episode of Newswatch.",
        "The presenter said she was paid £465 per episode of Newswatch.",
    );
    assert!(
        found.contains(&(440.0, 465.0)) || found.contains(&(465.0, 440.0)),
        "{found:?}"
    );
}

#[test]
fn a_keyword_noun_before_another_noun_only_modifies_it() {
    for (text, value, measure) in [
        (
            "Two detention officers were injured in the riot.",
            2.0,
            Measure::Injured,
        ),
        (
            "Police issued four arrest warrants.",
            4.0,
            Measure::Quantity,
        ),
        ("Five death row inmates were freed.", 5.0, Measure::Quantity),
    ] {
        let f = valued(text, value);
        assert_eq!(f.measure, measure, "{text}: {f:#?}");
    }
    // A participle or a plural keyword is still the measure.
    assert_eq!(
        valued("The 182 wounded soldiers were flown home.", 182.0).measure,
        Measure::Injured
    );
    assert_eq!(
        valued("There were 130 deaths yesterday.", 130.0).measure,
        Measure::Killed
    );
}

#[test]
fn a_keyword_after_of_those_describes_the_people_the_noun_is_related_to() {
    // `relatives of those killed` were not killed; the verb after the phrase still counts.
    for (text, value, measure) in [
        (
            "The fines were imposed in front of more than 30 relatives of those killed.",
            30.0,
            Measure::Quantity,
        ),
        (
            "Twenty relatives of the dead were hurt in the crush at the gates.",
            20.0,
            Measure::Injured,
        ),
        (
            "Two sons of the dead man were injured in the second blast.",
            2.0,
            Measure::Injured,
        ),
        // With no noun of its own, the figure is a part of those killed.
        (
            "Fourteen of those killed were children.",
            14.0,
            Measure::Killed,
        ),
    ] {
        let f = valued(text, value);
        assert_eq!(f.measure, measure, "{text}: {f:#?}");
    }
}

#[test]
fn past_of_a_possessive_is_the_group_and_the_number_counts_what_it_has() {
    for (text, value, counted) in [
        (
            "Two of the victims' families called him a monster outside court.",
            2.0,
            "families",
        ),
        (
            "Three of the company's directors were injured in the fall.",
            3.0,
            "directors",
        ),
        ("His DNA was found on three of the victims.", 3.0, "victims"),
    ] {
        let f = valued(text, value);
        assert_eq!(f.counted.as_deref(), Some(counted), "{text}: {f:#?}");
    }
    // Families and victims are different counts: no conflict between the two articles.
    assert_eq!(
        conflicts(
            "Verdict\n\nTwo of the victims' families called him a monster outside court.",
            "Verdict\n\nHis DNA was found on three of the victims."
        ),
        []
    );
}

#[test]
fn a_round_sum_in_thousands_agrees_with_the_exact_one_it_rounds() {
    // One award, one salary, written rounded by one outlet and exactly by another.
    for (a, b) in [
        (
            "Award\n\nThe prince was awarded £140,000 in damages on Friday.",
            "Award\n\nThe prince was awarded damages of £140,600 on Friday.",
        ),
        (
            "Salary\n\nThe minister was paid almost £79,000 a year.",
            "Salary\n\nThe minister was paid £79,015 a year.",
        ),
    ] {
        assert_eq!(conflicts(a, b), [], "{a} / {b}");
    }
    // Rounding reaches only as far as the digits allow: these still disagree.
    assert_eq!(
        conflicts(
            "Award\n\nThe prince was awarded £140,000 in damages on Friday.",
            "Award\n\nThe prince was awarded damages of £152,000 on Friday.",
        ),
        [(140_000.0, 152_000.0)]
    );
}

#[test]
fn pages_are_a_length_not_a_count_of_documents() {
    assert_eq!(
        conflicts(
            "Emails\n\nThe department handed about 300 emails to the committee on Monday.",
            "Emails\n\nLawyers found roughly 900 pages about the attack on Monday.",
        ),
        []
    );
    // Documents and emails are still one kind of thing.
    assert_eq!(
        conflicts(
            "Emails\n\nThe department handed about 300 emails to the committee on Monday.",
            "Emails\n\nThe department handed about 900 documents to the committee on Monday.",
        ),
        [(300.0, 900.0)]
    );
}

#[test]
fn over_after_a_verb_it_completes_is_a_particle_not_a_bound() {
    for text in [
        "The department turned over 300 emails to the committee.",
        "Police said he handed over 300 pounds in cash.",
    ] {
        let f = valued(text, 300.0);
        assert_eq!(f.interval_string(), "[300, 300]", "{text}: {f:#?}");
    }
    // Elsewhere `over` still bounds the figure.
    let f = valued("The storm killed over 300 people.", 300.0);
    assert_eq!(f.interval_string(), "(300, ∞)");
}

#[test]
fn a_conversion_into_another_currency_is_never_set_against_another_outlets() {
    let text = "United accepted an £80m ($131.6m or €93.9m) offer from Real Madrid.";
    let figs = figures(text);
    let converts = |v: f64| {
        figs.iter()
            .find(|f| (f.value - v).abs() < 1.0)
            .unwrap_or_else(|| panic!("no {v}: {figs:#?}"))
            .converts
            .clone()
    };
    assert_eq!(converts(80e6), None);
    assert_eq!(converts(131.6e6).as_deref(), Some("£80m"));
    assert_eq!(converts(93.9e6).as_deref(), Some("£80m"));
    let f = valued(
        "He was awarded 140,600 British Pounds - which is about AU$268,000 - on Friday.",
        268_000.0,
    );
    assert!(f.converts.is_some(), "{f:#?}");
    // Two outlets' rates differ; the pounds they convert agree: nothing to suggest.
    assert_eq!(
        conflicts(
            "Bid\n\nUnited accepted an offer of 80 million pounds ($131 million) for Ronaldo.",
            "Bid\n\nUnited accepted an £80m ($131.6m or €93.9m) offer for Ronaldo.",
        ),
        []
    );
    // The amounts converted are still compared, and two sums in a list are no conversion.
    assert_eq!(
        conflicts(
            "Bid\n\nUnited accepted an offer of 80 million pounds ($131 million) for Ronaldo.",
            "Bid\n\nUnited accepted an £90m ($147m) offer for Ronaldo.",
        ),
        [(80e6, 90e6)]
    );
    let listed = figures("The firms were fined £5m and $3m respectively.");
    assert!(listed.iter().all(|f| f.converts.is_none()), "{listed:#?}");
}

#[test]
fn only_a_noun_phrase_after_a_number_says_what_it_counts() {
    for (text, value, counted) in [
        // A time said from the story's day ends the phrase.
        ("The quake killed 40 people today.", 40.0, Some("people")),
        ("Police arrested 12 yesterday in Leeds.", 12.0, None),
        // With nothing counted after it, an amount is what its verb makes it.
        (
            "Network Rail was fined £4m yesterday over safety failures.",
            4e6,
            Some("fine"),
        ),
        // A participle, a gerund or a pronoun after an amount opens a clause about it.
        (
            "It could beat the $15.9 million paid in 2011 for another violin.",
            15.9e6,
            None,
        ),
        (
            "The USDA has already spent $15 million helping stricken farmers.",
            15e6,
            None,
        ),
        (
            "The deal offered the $5.7 billion he has been seeking for a wall.",
            5.7e9,
            None,
        ),
        // A determiner straight after the number opens another phrase ...
        ("It dipped to $1.5 billion the following year.", 1.5e9, None),
        // ... except after a fraction.
        (
            "He will serve half the sentence in custody.",
            0.5,
            Some("sentence"),
        ),
        // `worth of` leads to what the amount is the value of.
        (
            "Becker hid £2.5m worth of assets from creditors.",
            2.5e6,
            Some("assets"),
        ),
        // A gerund before its noun is a modifier; after it, a clause.
        ("A £1m hacking payout was agreed.", 1e6, Some("payout")),
        (
            "He had two speeding offences on his record.",
            2.0,
            Some("offences"),
        ),
        (
            "He left the force after two incidents involving alcohol.",
            2.0,
            Some("incidents"),
        ),
        // Nouns the tagger takes for verbs after a number are still counted.
        ("He played in 15 matches as captain.", 15.0, Some("matches")),
        (
            "He was found guilty of one charge of assault.",
            1.0,
            Some("charge"),
        ),
        // A pronoun past `of` names the group.
        ("About 14 percent of it came from Iran.", 14.0, Some("it")),
    ] {
        let f = valued(text, value);
        assert_eq!(f.counted.as_deref(), counted, "{text}");
    }
}

#[test]
fn a_fine_read_past_a_time_word_meets_the_other_outlets_fine() {
    // `£4.2m yesterday` once counted `yesterday`, a role no fine has, so the two fines were never
    // set against each other.
    let found = conflicts(
        "Network Rail was fined £4.2m yesterday over safety failures at Grayrigg.",
        "Network Rail was fined £3.5m over safety failures at Grayrigg.",
    );
    assert_eq!(found, vec![(4.2e6, 3.5e6)]);
}

#[test]
fn ranks_and_numbers_inside_names_are_not_counts() {
    for text in [
        "The court heard how the former world number one lost his fortune.",
        "Gerrard has deputised as captain, with Lampard as number three.",
        "The former BBC Radio 1 DJ Dave Lee Travis was found guilty of indecent assault.",
        "A BBC Radio 5 Live summariser said so.",
    ] {
        assert!(figures(text).is_empty(), "{text}: {:?}", figures(text));
    }
    // A number after a capitalised function word still counts (`The 96 Liverpool fans`).
    let f = valued(
        "The 96 Liverpool fans who died were unlawfully killed.",
        96.0,
    );
    assert_eq!(f.measure, Measure::Killed);
}

#[test]
fn an_amount_a_verb_sets_a_noun_at_is_that_nouns_amount() {
    for (text, value, counted) in [
        (
            "The case incurred expenditure estimated at £20m.",
            20e6,
            Some("expenditure"),
        ),
        ("But the bidding began at $8 million.", 8e6, Some("bidding")),
        (
            "The fine was reduced to £4.2m on appeal.",
            4.2e6,
            Some("fine"),
        ),
        (
            "The bridge's railings suffered damage amounting to £350.",
            350.0,
            Some("damage"),
        ),
        // A noun inside a phrase before the verb is not what was estimated.
        (
            "The damage caused by the statue was estimated at around €4,700.",
            4700.0,
            None,
        ),
        (
            "The total bill for the five companies comes to £9.43m.",
            9.43e6,
            None,
        ),
    ] {
        assert_eq!(valued(text, value).counted.as_deref(), counted, "{text}");
    }
    // The cost of a trial is not set against the fine at its end.
    let found = conflicts(
        "Firms fined £13m over Hatfield crash. The firms were fined £13m in total.",
        "The firms were ordered to pay costs in a case that incurred expenditure estimated at \
         £20m.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_count_in_dozens_is_a_round_count() {
    // `three dozen victims` is how one outlet rounds the 37 another lists.
    assert!(
        conflicts(
            "The company agreed to pay damages to three dozen victims of phone hacking.",
            "The company agreed to pay damages to 37 victims of phone hacking.",
        )
        .is_empty()
    );
    // Loose, but not that loose: a dozen is not twenty.
    assert_eq!(
        conflicts(
            "A dozen protesters were arrested outside the court.",
            "Twenty protesters were arrested outside the court.",
        ),
        vec![(12.0, 20.0)]
    );
    // A bound on dozens keeps its bound.
    let f = valued("More than a dozen people were hurt.", 12.0);
    assert_eq!((f.low, f.high, f.rounding), (Some(12.0), None, None));
}

#[test]
fn counts_listed_under_one_verb_are_parts_of_the_list_not_tolls() {
    // The verb after the list says what every item counts, the first one included.
    let text = "Three soldiers and two civilians were killed in the blast in Varna on Tuesday.";
    for value in [3.0, 2.0] {
        let f = valued(text, value);
        assert_eq!(f.measure, Measure::Killed, "{value} in {text}");
    }
    let text = "Six passengers and one pedestrian were killed when the train derailed.";
    assert_eq!(valued(text, 6.0).measure, Measure::Killed);
    // A noun that often modifies another is the head when nothing follows it.
    assert_eq!(
        valued("One civilian was injured in the attack.", 1.0)
            .counted
            .as_deref(),
        Some("civilian")
    );
    // No item is set against another outlet's whole toll, nor against another list's item.
    let total = "Five people were killed in the blast in Varna on Tuesday, police said.";
    assert_eq!(
        conflicts(
            "Three soldiers and two civilians were killed in the blast in Varna on Tuesday, \
             police said.",
            total
        ),
        []
    );
    assert_eq!(
        conflicts(
            "The blast in Varna on Tuesday killed three soldiers and two civilians.",
            "Six passengers and one pedestrian were killed in the blast in Varna on Tuesday."
        ),
        []
    );
    // A count standing alone is still the toll it was.
    assert_eq!(
        conflicts(
            "Two civilians were killed in the blast in Varna on Tuesday.",
            total
        ),
        [(2.0, 5.0)]
    );
}

#[test]
fn one_answered_by_the_other_is_a_member_of_a_pair_not_a_count() {
    let text = "The stones were covered in paint before one protester sat on the grass and \
                the other was detained by a member of the public.";
    let one = valued(text, 1.0);
    assert_ne!(one.measure, Measure::Arrested, "{one:?}");
    assert_eq!(
        conflicts(
            text,
            "Two protesters were arrested after the stones were covered in paint."
        ),
        []
    );
    // With an event of its own, `one` is still a toll of one.
    let toll = "One man was killed and the other was injured when the car hit a wall.";
    assert_eq!(valued(toll, 1.0).measure, Measure::Killed);
}

#[test]
fn a_count_of_the_badly_hurt_is_part_of_the_injured_not_another_count_of_them() {
    let whole = "All 16 people aboard the carriage were injured when the train hit a stalled car.";
    // Against the whole: a part, never a contradiction.
    for part in [
        "The crash left five passengers with life-changing injuries.",
        "The crash left two teenagers seriously injured.",
    ] {
        assert_eq!(relations(part, whole), ["part of"], "{part}");
    }
    // Set off by a dash after the whole, `five seriously` is injured too, and a part of it.
    let text = "16 people were injured \u{2013} five seriously \u{2013} when the ride crashed.";
    let five = valued(text, 5.0);
    assert_eq!(five.measure, Measure::Injured, "{five:?}");
    assert!(!five.scope.is_empty(), "{five:?}");
    // Without a degree, two counts of the injured still disagree.
    assert_eq!(
        relations("The crash left five passengers injured.", whole),
        ["contradicts"]
    );
}

#[test]
fn a_gap_between_two_values_is_no_value_to_compare() {
    let gap = "The winning bid for the violin was almost $5 million short of the record.";
    let other = "The winning bid for the violin at the New York auction was $8 million.";
    assert_eq!(conflicts(gap, other), []);
    assert_eq!(
        conflicts(
            "Ticket sales were 40 more than last year, organisers said.",
            "Organisers said 120 tickets were sold."
        ),
        []
    );
    // The value itself is still compared.
    assert_eq!(
        conflicts(
            "The winning bid for the violin was $5 million at the auction.",
            other
        ),
        [(5_000_000.0, 8_000_000.0)]
    );
}

#[test]
fn a_number_that_is_the_subject_of_a_verb_counts_nothing_named_by_the_verb() {
    for (text, value) in [
        ("The two met in Paris to sign the deal.", 2.0),
        ("The three fought off the attackers outside the bar.", 3.0),
        (
            "Some 64 percent think the law is wrong, the poll found.",
            64.0,
        ),
    ] {
        let f = valued(text, value);
        assert_eq!(f.counted, None, "{text}: {f:?}");
    }
    // A noun after a number is still what it counts, even where the tagger calls it a verb.
    for (text, value, noun) in [
        ("The plan means a 22 percent cut in benefits.", 22.0, "cut"),
        ("He played 12 matches for the club.", 12.0, "matches"),
        ("She faces one charge of fraud.", 1.0, "charge"),
    ] {
        let f = valued(text, value);
        assert_eq!(f.counted.as_deref(), Some(noun), "{text}: {f:?}");
    }
}

#[test]
fn a_sum_the_clause_prices_names_what_it_is_for() {
    for (text, value, role) in [
        (
            "The trial is believed to have cost the taxpayer £3.5 million, officials said.",
            3_500_000.0,
            "trial",
        ),
        (
            "The trial and investigation is estimated to have cost around £3.5 million.",
            3_500_000.0,
            "trial",
        ),
        (
            "Officers seized cocaine worth €229 million from the yacht.",
            229_000_000.0,
            "cocaine",
        ),
        (
            "Real agreed to pay Milan £56m for the Brazilian Kaka this week.",
            56_000_000.0,
            "Kaka",
        ),
        (
            "The record was $15.9 million paid in 2011 for the Lady Blunt Stradivarius.",
            15_900_000.0,
            "Lady Blunt Stradivarius",
        ),
        (
            "The force will have to pay £560,000 for the ‘catastrophic’ operation.",
            560_000.0,
            "operation",
        ),
    ] {
        let f = valued(text, value);
        assert_eq!(f.counted.as_deref(), Some(role), "{text}: {f:?}");
    }
    // A rate and a length of time name nothing the sum buys.
    for (text, value) in [
        ("She was paid £440 for each episode she presented.", 440.0),
        ("The club paid £2m for two years of the lease.", 2_000_000.0),
        ("He was paid £2m for the season.", 2_000_000.0),
    ] {
        let f = valued(text, value);
        assert_eq!(f.counted, None, "{text}: {f:?}");
    }
}

#[test]
fn sums_that_price_different_things_are_not_set_against_each_other() {
    // The trial's cost, the costs the court ordered and what the force must pay are three
    // sums of one story, not three reports of one.
    assert_eq!(
        conflicts(
            "The trial is believed to have cost the taxpayer £3.5 million.",
            "The force will have to pay £560,000 for the operation."
        ),
        []
    );
    assert_eq!(
        conflicts(
            "Real agreed to pay Milan £56m for the Brazilian Kaka this week.",
            "Ronaldo would be due a £20 million compensation fee."
        ),
        []
    );
    // The same thing priced by two outlets is still compared, named by a verb in one and by
    // a modifier in the other.
    assert_eq!(
        conflicts(
            "He was pivotal to a €200 million cocaine-smuggling plot, the court heard.",
            "He was pivotal to a plot to smuggle cocaine worth €229 million into Britain."
        ),
        [(200_000_000.0, 229_000_000.0)]
    );
}

#[test]
fn a_sum_one_outlet_names_is_named_for_every_outlet_that_prints_it() {
    // `£385,000` is costs in the second report; the first prints it bare. The trial's cost
    // in the third is not set against it.
    let arts = [
        article(
            1,
            None,
            "The force was also ordered to pay £385,000 (€556,000) costs.",
        ),
        article(2, None, "The force was ordered to pay £385,000 costs."),
        article(
            3,
            None,
            "The trial is believed to have cost the taxpayer £3.5 million.",
        ),
    ];
    let found = with_figures(&arts, |p| {
        suggest_conflicts_with(p, &ConflictOptions::default())
    });
    assert!(
        found.is_empty(),
        "{:?}",
        found.iter().map(|s| &s.why).collect::<Vec<_>>()
    );
}

#[test]
fn sums_nothing_names_alike_are_one_sum_only_when_their_values_are_close() {
    // A story's different sums differ by any factor; one sum misreported, by a little.
    assert_eq!(
        conflicts(
            "Under the state scheme, a murder victim's relative can receive £11,000.",
            "Settlements included £40,000 to the former minister."
        ),
        []
    );
    assert_eq!(
        conflicts(
            "He hid almost £1 million from the sale of a car dealership.",
            "He hid £2.5m worth of assets to avoid paying his debts."
        ),
        []
    );
    assert_eq!(
        conflicts(
            "The presenter was paid £40,000, the tribunal heard.",
            "The presenter was paid £45,000, the tribunal heard."
        ),
        [(40_000.0, 45_000.0)]
    );
    // Two sums both named as one kind still meet across a wider gap: a fine misprinted by a
    // zero is worth a look.
    assert_eq!(
        conflicts(
            "The company was fined £400,000 over the crash.",
            "The company was fined £4m over the crash."
        ),
        [(400_000.0, 4_000_000.0)]
    );
}

#[test]
fn for_after_a_fine_gives_its_reason_not_what_it_buys() {
    for text in [
        "The judge fined Balfour Beatty £10m and Network Rail £3.5m for breaches of safety rules.",
        "Network Rail was fined a record £3.5m for breaking safety rules.",
    ] {
        let f = valued(text, 3_500_000.0);
        assert_eq!(f.counted.as_deref(), Some("fine"), "{text}: {f:?}");
    }
}

#[test]
fn a_second_sum_of_a_money_verb_is_of_its_kind_until_another_verb() {
    let text = "The judge fined Balfour Beatty £10m and Network Rail £3.5m on Friday.";
    assert_eq!(valued(text, 3_500_000.0).counted.as_deref(), Some("fine"));
    let text = "He was fined £10,000 and ordered to pay £7,500 by the court.";
    assert_eq!(valued(text, 7_500.0).counted, None);
}
