//! Number forms the figure engine reads (issue 21, public-suite part): fractions of scales,
//! ratios, amounts with their currency, interval bounds with open and closed ends, quantities
//! with their unit — each as the value, interval and unit `crosscheck figures --json` shows.
//! Every sentence here is written for this file. Wrong values are worse than misses, so some
//! tests assert what is *not* read.

use crosscheck::analysis::{Figure, FigureOptions, Measure, extract_figures};
use std::io::Write;
use std::process::{Command, Stdio};

fn figures(text: &str) -> Vec<Figure> {
    extract_figures(text, &FigureOptions::default())
}

fn one(text: &str) -> Figure {
    let f = figures(text);
    assert_eq!(f.len(), 1, "{text}: {f:#?}");
    f.into_iter().next().expect("one figure")
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Value, low end (closed?), high end (closed?), unit.
type Reading<'a> = (
    f64,
    Option<f64>,
    Option<bool>,
    Option<f64>,
    Option<bool>,
    Option<&'a str>,
);

fn reading(f: &Figure) -> Reading<'_> {
    (
        f.value,
        f.low,
        f.low_inclusive,
        f.high,
        f.high_inclusive,
        f.unit.as_deref(),
    )
}

#[test]
fn fractions_of_scales_and_dozens() {
    for (text, value) in [
        (
            "The charity fed half million families last winter.",
            500_000.0,
        ),
        ("A quarter million residents were told to leave.", 250_000.0),
        // The fraction belongs to the smaller scale written after it, not to the billion.
        (
            "The regulator logged one billion and a quarter million complaints.",
            1_000_250_000.0,
        ),
        (
            "The archive holds two million and a half letters.",
            2_500_000.0,
        ),
        // `dozen` multiplies the units after the hundred, not the whole number.
        ("Workers packed three hundred and two dozen crates.", 324.0),
        ("The baker sold five dozens rolls.", 60.0),
        ("Rainfall was twenty-three tenths of the monthly norm.", 2.3),
        ("The gauge read one hundred and three quarters.", 100.75),
        ("The index stood at two hundred point seventy-one.", 200.71),
        ("Scientists counted 2.5e4 cells in each sample.", 25_000.0),
        ("The tank held 2½ tonnes of grain.", 2.5),
        ("The tank held 2 ½ tonnes of grain.", 2.5),
        ("The mayor said 3 hundred and 21 homes were flooded.", 321.0),
    ] {
        let f = one(text);
        assert!(close(f.value, value), "{text}: {} ≠ {value}", f.value);
    }
}

#[test]
fn quarters_of_a_year_are_periods_not_a_share() {
    let f = one("Sales grew for three quarters in a row.");
    assert_eq!(f.value, 3.0, "{f:#?}");
}

#[test]
fn ratios_in_words_and_digits() {
    for (text, value) in [
        (
            "Two out of three nurses said they were exhausted.",
            2.0 / 3.0,
        ),
        ("Nearly one in four voters stayed home.", 0.25),
        ("The survey found 1 in 20 drivers used a phone.", 0.05),
        ("One in twenty-five tickets was a winner.", 0.04),
    ] {
        let f = one(text);
        assert!(close(f.value, value), "{text}: {f:#?}");
        assert_eq!(f.unit.as_deref(), Some("fraction"), "{text}");
    }
    // A year is never a denominator, and a count larger than the `whole` is no share.
    for text in [
        "The club finished 1 in 2018 and third a year later.",
        "Police found 12 in six houses.",
    ] {
        assert!(
            figures(text).iter().all(|f| f.value >= 1.0),
            "{text}: {:#?}",
            figures(text)
        );
    }
}

#[test]
fn amounts_with_cents_codes_and_national_currencies() {
    let money = |text: &str| {
        let f = one(text);
        assert_eq!(f.measure, Measure::Money, "{text}: {f:#?}");
        (f.value, f.unit.clone().unwrap_or_default())
    };
    for (text, value, code) in [
        (
            "Tickets cost thirteen dollars and forty-five cents each.",
            13.45,
            "USD",
        ),
        ("From May the monthly fee is 17 USD 25.", 17.25, "USD"),
        ("The stock closed 34 cents lower.", 0.34, "USD"),
        ("Shares slipped 12 pence in London.", 0.12, "GBP"),
        ("The fund was valued at HK$ 10.5 billion.", 10.5e9, "HKD"),
        ("Ottawa pledged C$ 300 million to the port.", 300e6, "CAD"),
        (
            "Investors lost 125 million Australian dollars.",
            125e6,
            "AUD",
        ),
        ("The fine was 10,000 Swiss francs.", 10_000.0, "CHF"),
        ("Losses of 30 MUSD were booked.", 30e6, "USD"),
        ("Each ticket is 20 € at the door.", 20.0, "EUR"),
        ("The vendor asked 115USD for the lamp.", 115.0, "USD"),
        ("A one-yen bid won the contract.", 1.0, "JPY"),
    ] {
        let (v, c) = money(text);
        assert!(close(v, value), "{text}: {v} ≠ {value}");
        assert_eq!(c, code, "{text}");
    }
}

#[test]
fn an_amount_says_what_it_is_from_the_words_around_it() {
    // The noun it is `of`, the noun it changes `by`, the phrase after `in`, the noun after it.
    for (text, what) in [
        ("He was ordered to pay a fine of $250,000.", Some("fine")),
        ("Bail of $50,000 was set in March.", Some("bail")),
        (
            "The bill would cut deficits by $416 billion.",
            Some("deficits"),
        ),
        (
            "The plan makes $416 billion in spending cuts.",
            Some("cuts"),
        ),
        ("He must pay a $200,000 fine.", Some("fine")),
        // An amount as such, or the form it takes, says nothing of what it is for.
        ("The council spent a total of $5 million.", None),
        ("He was handed $50,000 in cash.", None),
        ("The city paid $3 million in 2019.", None),
        ("Prices rose by $2 a gallon.", None),
    ] {
        let f = one(text);
        assert_eq!(f.measure, Measure::Money, "{text}");
        assert_eq!(f.counted.as_deref(), what, "{text}");
    }
}

#[test]
fn amounts_never_take_a_neighbours_number() {
    // The 20 counts people: the amount stays five dollars.
    let f = figures("He paid 5 dollars and 20 people watched.");
    let money: Vec<&Figure> = f.iter().filter(|f| f.measure == Measure::Money).collect();
    assert_eq!(money.len(), 1, "{f:#?}");
    assert_eq!(money[0].value, 5.0);
    // The code written onto 50 belongs to 50; the 3 counts vouchers.
    let f = figures("They were giving away 3 USD50 vouchers.");
    let money: Vec<f64> = f
        .iter()
        .filter(|f| f.measure == Measure::Money)
        .map(|f| f.value)
        .collect();
    assert_eq!(money, vec![50.0], "{f:#?}");
    // `US troops` is not an amount.
    assert!(
        figures("About 300 US troops left.")
            .iter()
            .all(|f| f.measure != Measure::Money)
    );
}

#[test]
fn interval_bounds_keep_open_and_closed_ends() {
    let f = one("The shelter can take at most 100 and at least 20 families.");
    assert_eq!(
        reading(&f),
        (20.0, Some(20.0), Some(true), Some(100.0), Some(true), None)
    );
    let f = one("Officials expect more than 10 but less or equal to 25 arrests.");
    assert_eq!(
        (f.low, f.low_inclusive, f.high, f.high_inclusive),
        (Some(10.0), Some(false), Some(25.0), Some(true)),
        "{f:#?}"
    );
    let f = one("The camp holds no more than 50 and no less than 20 people.");
    assert_eq!((f.low, f.high), (Some(20.0), Some(50.0)), "{f:#?}");
    // `about 500 or more` is at least 500, loose by a tenth at that end: never capped at 550.
    let f = one("Organisers counted about 500 or more marchers.");
    assert_eq!((f.low, f.high), (Some(500.0), None), "{f:#?}");
    assert_eq!(f.rounding, Some([450.0, 550.0]), "{f:#?}");
    let f = one("Readings were >40 on most days.");
    assert_eq!(
        (f.low, f.low_inclusive, f.high),
        (Some(40.0), Some(false), None)
    );
    let f = one("The team needs 200 or greater.");
    assert_eq!(
        (f.low, f.low_inclusive, f.high),
        (Some(200.0), Some(true), None)
    );
    let f = one("Scores ranged 20~100 across schools.");
    assert_eq!((f.low, f.high), (Some(20.0), Some(100.0)), "{f:#?}");
    // A phone number is not a range.
    assert!(
        figures("Call +1-222-2222 for details.")
            .iter()
            .all(|f| !(f.low == Some(1.0) && f.high == Some(222.0)))
    );
}

#[test]
fn quantities_keep_their_unit() {
    for (text, value, unit) in [
        (
            "Crews repaired a 2.5-mile stretch of the road.",
            2.5,
            "miles",
        ),
        ("Inspectors seized 68-ounce cans of paint.", 68.0, "oz"),
        ("The new wall is 1.8m tall.", 1.8, "m"),
        ("The warehouse covers 24703m2.", 24_703.0, "m\u{b2}"),
        ("The cooler holds 10 gallons.", 10.0, "gallons"),
        ("The convoy drove at 60km/hr.", 60.0, "km/h"),
        ("The old console used a 16-bit chip.", 16.0, "bits"),
        ("The pipe is 4 inches wide.", 4.0, "inches"),
        (
            "The patient received 150 micrograms of the drug.",
            150.0,
            "\u{b5}g",
        ),
    ] {
        let f = one(text);
        assert!(close(f.value, value), "{text}: {f:#?}");
        assert_eq!(f.unit.as_deref(), Some(unit), "{text}");
        assert_eq!(f.measure, Measure::Quantity, "{text}");
    }
    // `1.8m` before a plural noun is still 1.8 million; a span of time joined by a hyphen is
    // an adjective, not a figure.
    assert_eq!(one("The app reached 1.8m users.").value, 1.8e6);
    assert!(figures("She began a 3-day visit.").is_empty());
    // Letters and digits run together are a code.
    assert!(
        figures("Part 24703 m212 was replaced.")
            .iter()
            .all(|f| f.unit.as_deref() != Some("m"))
    );
}

#[test]
fn pounds_weigh_unless_the_sentence_is_about_money() {
    // No money in sight: a weight, as US reporting means it.
    for (text, value) in [
        ("He lost more than 110 pounds in three years.", 110.0),
        (
            "Agents seized 2,763 pounds of marijuana at the border.",
            2763.0,
        ),
        ("The laptop weighs 8.4 pounds.", 8.4),
        // The mass after the second weighs the first, though the haul is priced in dollars.
        (
            "Agents seized between 2,763 pounds and 3,690 pounds of marijuana worth $5 million.",
            2763.0,
        ),
        (
            "Agents seized between 2,763 pounds and 3,690 pounds of marijuana worth $5 million.",
            3690.0,
        ),
        ("Hundreds of pounds of explosives were found.", 200.0),
    ] {
        let f = figures(text);
        let f = f.iter().find(|f| close(f.value, value)).expect(text);
        assert_eq!(f.unit.as_deref(), Some("lb"), "{text}: {f:#?}");
        assert_eq!(f.measure, Measure::Quantity, "{text}");
    }
    // Sterling says so: a scale, pence, a conversion, or other money beside it.
    for (text, value) in [
        ("Operating profit rose to 361 million pounds.", 361e6),
        ("The fare was 50 pounds and 60 pence.", 50.6),
        ("The club paid 40 pounds ($52) for each seat.", 40.0),
        (
            "She was fined 500 pounds and ordered to pay $120 in costs.",
            500.0,
        ),
    ] {
        let f = figures(text);
        let f = f.iter().find(|f| close(f.value, value)).expect(text);
        assert_eq!(f.unit.as_deref(), Some("GBP"), "{text}: {f:#?}");
        assert_eq!(f.measure, Measure::Money, "{text}");
    }
    // A sign is always money.
    assert_eq!(one("The fine was £25.").unit.as_deref(), Some("GBP"));
    // Vague amounts of a currency are money too, at least their lower end.
    for (text, low, code) in [
        ("Billions of dollars are at stake.", 2e9, "USD"),
        (
            "He spent tens of thousands of dollars on flights.",
            2e4,
            "USD",
        ),
        ("Millions of pounds were wasted.", 2e6, "GBP"),
    ] {
        let f = one(text);
        assert_eq!(f.measure, Measure::Money, "{text}: {f:#?}");
        assert_eq!((f.low, f.high), (Some(low), None), "{text}");
        assert_eq!(f.unit.as_deref(), Some(code), "{text}");
    }
}

#[test]
fn storage_sizes_sea_miles_temperatures_and_heights_in_feet_and_inches() {
    for (text, value, unit) in [
        ("The leaked archive held 1.5 terabytes of files.", 1.5, "TB"),
        ("Each download is 26.6 megabytes.", 26.6, "MB"),
        ("The phone ships with 12GB of memory.", 12.0, "GB"),
        ("The file is 100 MB.", 100.0, "MB"),
        ("The hard drive stores up to 6 petabytes.", 6.0, "PB"),
        ("The blade is 12 dm long.", 12.0, "dm"),
        ("Winds reached 120 knots offshore.", 120.0, "knots"),
        (
            "The ferry sailed 300 nautical miles.",
            300.0,
            "nautical miles",
        ),
        ("It was 104 degrees Fahrenheit in Phoenix.", 104.0, "°F"),
        ("It was 40 degrees C in the shade.", 40.0, "°C"),
        ("Temperatures hit 40 degrees on Monday.", 40.0, "°"),
        ("They opened a 1.2-megawatt solar plant.", 1.2, "MW"),
    ] {
        let f = figures(text);
        let f = f.iter().find(|f| close(f.value, value)).expect(text);
        assert_eq!(f.unit.as_deref(), Some(unit), "{text}: {f:#?}");
    }
    // Apart from its number, `TB` is the disease: ten patients, not ten terabytes.
    let f = one("Some 10 TB patients were treated at the clinic.");
    assert_ne!(f.unit.as_deref(), Some("TB"), "{f:#?}");
    // `6 ft 2 in`: the inches are a length of their own, and `tall` is not what they count.
    let f = figures("The suspect is 6 ft 2 in tall.");
    assert_eq!(f.len(), 2, "{f:#?}");
    assert_eq!(f[1].value, 2.0);
    assert_eq!(f[1].unit.as_deref(), Some("inches"));
    assert_eq!(f[1].counted, None);
    // Without a temperature in the sentence, degrees are an angle.
    assert_eq!(
        one("The road turns 90 degrees at the bridge.")
            .unit
            .as_deref(),
        Some("degrees")
    );
    // After anything but feet, `in` stays a preposition.
    let f = one("The fence is 6 ft in height.");
    assert_eq!(f.unit.as_deref(), Some("feet"));
}

#[test]
fn figures_json_shows_the_reading() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["figures", "--json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"The regulator logged one billion and a quarter million complaints. Shares slipped 12 pence. The new wall is 1.8m tall.")
        .expect("write stdin");
    let out = child.wait_with_output().expect("binary exits");
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let rows = v.as_array().expect("array");
    let got: Vec<(f64, Option<&str>)> = rows
        .iter()
        .map(|r| (r["value"].as_f64().unwrap_or(f64::NAN), r["unit"].as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (1_000_250_000.0, None),
            (0.12, Some("GBP")),
            (1.8, Some("m"))
        ],
        "{v:#}"
    );
}
