//! Unit tests of the time reader.

use super::*;
use jiff::civil::date;

/// Saturday 23 March 2024.
fn saturday() -> Option<When> {
    Some(When::day(date(2024, 3, 23)))
}

fn one(text: &str, anchor: Option<When>) -> (String, TimeKind, String) {
    let t = find_times(text, anchor);
    let t = t.first().unwrap_or_else(|| panic!("no time in {text:?}"));
    (t.text.clone(), t.kind, t.when.iso())
}

fn iso(text: &str, anchor: Option<When>) -> String {
    one(text, anchor).2
}

#[test]
fn absolute_dates_in_their_written_forms() {
    assert_eq!(iso("It happened on 22 March 2024.", None), "2024-03-22");
    assert_eq!(iso("It happened on March 22, 2024.", None), "2024-03-22");
    assert_eq!(iso("Filed 2024-03-22 by staff.", None), "2024-03-22");
    assert_eq!(iso("It opened in March 2024.", None), "2024-03");
    assert_eq!(iso("The siege in 2004 was worse.", None), "2004");
    assert_eq!(
        iso("On Tuesday 26 March 2024 police said.", None),
        "2024-03-26"
    );
    assert_eq!(
        one("On 22nd March the hall burned.", saturday()).2,
        "2024-03-22"
    );
    // Without a year, and without an article date, it cannot be placed.
    assert!(find_times("It happened on 22 March.", None).is_empty());
}

#[test]
fn a_date_without_a_year_takes_the_year_nearest_the_article() {
    let jan2 = Some(When::day(date(2025, 1, 2)));
    assert_eq!(iso("The fire started on 30 December.", jan2), "2024-12-30");
    let dec30 = Some(When::day(date(2024, 12, 30)));
    assert_eq!(iso("Talks resume on 2 January.", dec30), "2025-01-02");
}

#[test]
fn weekdays_are_the_latest_such_day_unless_the_tense_says_otherwise() {
    assert_eq!(iso("Gunmen attacked on Friday.", saturday()), "2024-03-22");
    // The article's own weekday is today.
    assert_eq!(iso("Officials said on Saturday.", saturday()), "2024-03-23");
    // `last Friday` on a Friday is a week before.
    let friday = Some(When::day(date(2024, 3, 22)));
    assert_eq!(iso("It began last Friday.", friday), "2024-03-15");
    // The future tense looks ahead.
    assert_eq!(
        iso("The memorial will open on Monday.", saturday()),
        "2024-03-25"
    );
    assert_eq!(iso("Voting is next Tuesday.", saturday()), "2024-03-26");
    assert_eq!(
        iso("The hall burned in Friday's attack.", saturday()),
        "2024-03-22"
    );
}

#[test]
fn relative_days_periods_and_parts_of_days() {
    let a = saturday();
    assert_eq!(iso("Yesterday the toll rose.", a), "2024-03-22");
    assert_eq!(
        iso("Police said last night.", a),
        "2024-03-22T21:00/2024-03-23T06:00"
    );
    assert_eq!(
        iso(
            "It happened late on Sunday.",
            Some(When::day(date(2024, 3, 25)))
        ),
        "2024-03-24T18:00/2024-03-25T00:00"
    );
    assert_eq!(iso("Two suspects were held last week.", a), "2024-W11");
    assert_eq!(iso("Earlier this month the plant shut.", a), "2024-03");
    assert_eq!(iso("Three days ago the river rose.", a), "2024-03-20");
    assert_eq!(
        iso("On Friday morning the hall burned.", a),
        "2024-03-22T06:00/2024-03-22T12:00"
    );
    let (text, kind, _) = one("Earlier this month the plant shut.", a);
    assert_eq!(
        (text.as_str(), kind),
        ("Earlier this month", TimeKind::Relative)
    );
}

#[test]
fn days_after_an_event_count_from_the_day_the_article_named() {
    let t = find_times(
        "The attack came on Friday. Two days after the attack, the toll rose to 40.",
        saturday(),
    );
    let after = t
        .iter()
        .find(|t| t.text == "Two days after the attack")
        .expect("read");
    assert_eq!(after.when.iso(), "2024-03-24");
    // With no day named before, it is not placed.
    assert!(
        find_times("Two days after the attack, the toll rose.", saturday())
            .iter()
            .all(|t| !t.text.contains("after"))
    );
}

#[test]
fn as_of_phrases_and_times_of_day() {
    let a = saturday();
    let (text, kind, when) = one("As of 6 pm, the toll stood at 143.", a);
    assert_eq!(
        (text.as_str(), kind, when.as_str()),
        ("As of 6 pm", TimeKind::AsOf, "2024-03-23T18:00")
    );
    let (_, kind, when) = one(
        "By Tuesday evening it had risen.",
        Some(When::day(date(2024, 3, 27))),
    );
    assert_eq!(
        (kind, when.as_str()),
        (TimeKind::AsOf, "2024-03-26T18:00/2024-03-27T00:00")
    );
    assert_eq!(iso("The blast came at 18:30 GMT.", a), "2024-03-23T18:30");
    assert_eq!(iso("It ended at 7 a.m. on Friday.", a), "2024-03-22T07:00");
    assert_eq!(iso("The last bus left at 6 pm.", a), "2024-03-23T18:00");
}

#[test]
fn the_article_speaks_at_its_date_or_its_dateline() {
    let a = article_anchor(Some("2024-03-26T18:45:00+02:00"), "").map(|w| w.iso());
    assert_eq!(a.as_deref(), Some("2024-03-26T18:45"));
    let a = article_anchor(Some("2024-03-26"), "").map(|w| w.iso());
    assert_eq!(a.as_deref(), Some("2024-03-26"));
    let text = "Crocus attack\nTuesday 26 March 2024 - 12:11\nThe toll rose to 139.";
    let a = article_anchor(None, text).map(|w| w.iso());
    assert_eq!(a.as_deref(), Some("2024-03-26"));
    let text = "Court\nWASHINGTON, September 12, 2024 /TASS/. The court sat.";
    let a = article_anchor(None, text).map(|w| w.iso());
    assert_eq!(a.as_deref(), Some("2024-09-12"));
    let text = "Jailed\nPublished on 3 May 2024\nA man was jailed.";
    let a = article_anchor(None, text).map(|w| w.iso());
    assert_eq!(a.as_deref(), Some("2024-05-03"));
    // A sentence's own date is the event's, often years before the article: no dateline.
    let text = "Jailed for nine years\nJudge Martin Nolan said Finglas was a transporter.\n\
                On February 2nd, 2021, officials found two pallets at Dublin Port.";
    assert_eq!(article_anchor(None, text), None);
    let text = "Man jailed over the raid of 3 May 2019 in Cork";
    assert_eq!(article_anchor(None, text), None);
    // A partial date and no dateline: unknown.
    assert_eq!(article_anchor(Some("--09-12"), "No dates here."), None);
}

#[test]
fn the_first_accepted_time_is_the_one_reading_everything_finds() {
    let text = "Published 23 March 2024. Rescuers worked through the night. The quake struck \
                on Thursday, and by Friday evening 40 were dead. Aid came on Saturday.";
    let day_before =
        |t: &TimeExpr| t.when.precision <= Precision::Day && t.when.date() < date(2024, 3, 23);
    let all = find_times(text, saturday());
    let want = all.iter().find(|t| day_before(t)).expect("a day before");
    let got = first_time(text, saturday(), day_before).expect("a day before");
    assert_eq!(
        (got.text.as_str(), got.start, got.when.iso()),
        ("Thursday", want.start, "2024-03-21".to_owned())
    );
    // Nothing accepted: nothing found, whatever the text holds.
    assert!(first_time(text, saturday(), |_| false).is_none());
}
