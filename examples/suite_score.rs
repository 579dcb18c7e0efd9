//! Scores the figure engine on public test suites written in the JSON shape of Microsoft
//! Recognizers-Text's English specs (`Specs/Number/English/NumberModel.json`,
//! `NumberRangeModel.json`, `Specs/NumberWithUnit/English/CurrencyModel.json`,
//! `DimensionModel.json`). The data is not in this repository: pass the files' paths.
//!
//! Each case is `{"Input", "Results": [{"Text", "TypeName", "Resolution": {"value", "unit"}}]}`.
//! A figure the engine finds in `Input` matches an expected result when the spans overlap and
//!
//! - numbers (`number`): the value agrees (an explicit range such as `20-30` offers both ends);
//! - amounts (`currency`): the value and the currency agree (`50 cents` is 0.50 of a dollar);
//! - quantities (`dimension`): the value and the unit of measure agree;
//! - interval bounds (`numberrange`): both ends agree, each with its open or closed side.
//!
//! Which figures count as predictions: every figure for numbers; money for amounts; figures
//! with a unit of length, area, volume, weight, speed, angle or information for quantities
//! (spans of time are not dimensions there); figures with a qualifier or two ends for interval
//! bounds (a bare number may still match an expected `[x,x]`). Cases marked not supported for
//! `dotnet` (the reference implementation) are skipped, and so are expected results without a
//! value (a currency or unit word alone is not a figure). Values agree within 1e-6 relative.
//!
//! Counting is per result: a predicted figure that overlaps an expected one with the wrong value
//! counts against both precision and recall (a wrong value is worse than a miss).
//!
//! `cargo run --release --example suite_score -- [--misses] FILE.json...`
//! (`--misses` lists each miss and each wrong or extra figure; use it on the tuning part only.)

use crosscheck::analysis::{Figure, FigureOptions, extract_figures};
use serde_json::Value;
use std::path::Path;

/// The four suites, named as the issue names them.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Suite {
    Numbers,
    Ranges,
    Amounts,
    Quantities,
}

impl Suite {
    fn of_type(t: &str) -> Option<Suite> {
        Some(match t {
            "number" => Suite::Numbers,
            "numberrange" => Suite::Ranges,
            "currency" => Suite::Amounts,
            "dimension" => Suite::Quantities,
            _ => return None,
        })
    }

    fn of_file(path: &Path) -> Option<Suite> {
        let name = path.file_name()?.to_str()?;
        Some(if name.starts_with("NumberRange") {
            Suite::Ranges
        } else if name.starts_with("Number") {
            Suite::Numbers
        } else if name.starts_with("Currency") {
            Suite::Amounts
        } else if name.starts_with("Dimension") {
            Suite::Quantities
        } else {
            return None;
        })
    }

    fn name(self) -> &'static str {
        match self {
            Suite::Numbers => "numbers",
            Suite::Ranges => "interval bounds",
            Suite::Amounts => "amounts",
            Suite::Quantities => "quantities",
        }
    }
}

/// One end of an interval: `None` is unbounded; the flag says closed.
type End = Option<(f64, bool)>;

/// What an expected result or a predicted figure says.
#[derive(Clone, Debug)]
enum Said {
    /// A value, with a unit or currency in the suite's terms (lowercase) when it has one.
    Value(f64, Option<String>),
    Interval(End, End),
}

/// A span in characters, end exclusive, and what it says.
#[derive(Clone, Debug)]
struct Item {
    start: usize,
    end: usize,
    text: String,
    said: Said,
    /// A prediction that may match but is not counted against precision when it does not.
    neutral: bool,
}

#[derive(Default)]
struct Tally {
    cases: usize,
    skipped: usize,
    no_value: usize,
    expected: usize,
    predicted: usize,
    matched: usize,
    wrong: usize,
}

impl Tally {
    fn scores(&self) -> (f64, f64, f64) {
        let p = ratio(self.matched, self.predicted);
        let r = ratio(self.matched, self.expected);
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1e-9)
}

/// Where `needle` occurs in `hay` at or after character `from`, ignoring case, in characters.
fn find_ci(hay: &[char], needle: &str, from: usize) -> Option<usize> {
    let n: Vec<char> = needle.chars().flat_map(char::to_lowercase).collect();
    let h: Vec<char> = hay
        .iter()
        .map(|c| c.to_lowercase().next().unwrap_or(*c))
        .collect();
    if n.is_empty() || n.len() > h.len() {
        return None;
    }
    (from..=h.len() - n.len()).find(|&i| h[i..i + n.len()] == n[..])
}

/// `(20,35]`, `[3965,)`, `(,100]`.
fn parse_interval(s: &str) -> Option<(End, End)> {
    let s = s.trim();
    let lo_closed = s.starts_with('[');
    let hi_closed = s.ends_with(']');
    let inner = s.get(1..s.len().checked_sub(1)?)?;
    let (a, b) = inner.split_once(',')?;
    let end = |t: &str, closed: bool| -> Option<End> {
        let t = t.trim();
        if t.is_empty() {
            Some(None)
        } else {
            Some(Some((t.parse().ok()?, closed)))
        }
    };
    Some((end(a, lo_closed)?, end(b, hi_closed)?))
}

/// The currency codes an expected unit name stands for, and the factor its value is written
/// in (`Cent` values are hundredths).
fn currency_codes(unit: &str) -> (&'static [&'static str], f64) {
    const DOLLARS: &[&str] = &[
        "USD", "CAD", "AUD", "NZD", "HKD", "SGD", "BBD", "TWD", "JMD", "ZWD",
    ];
    match unit.to_lowercase().as_str() {
        "dollar" => (DOLLARS, 1.0),
        "cent" => (DOLLARS, 0.01),
        "pence" | "penny" => (&["GBP"], 0.01),
        "pound" | "british pound" => (&["GBP"], 1.0),
        "united states dollar" => (&["USD"], 1.0),
        "canadian dollar" => (&["CAD"], 1.0),
        "australian dollar" => (&["AUD"], 1.0),
        "new zealand dollar" => (&["NZD"], 1.0),
        "hong kong dollar" => (&["HKD"], 1.0),
        "barbadian dollar" => (&["BBD"], 1.0),
        "euro" => (&["EUR"], 1.0),
        "japanese yen" => (&["JPY"], 1.0),
        "chinese yuan" => (&["CNY"], 1.0),
        "franc" => (&["FRF", "CHF", "BEF", "XOF", "XAF"], 1.0),
        "swiss franc" => (&["CHF"], 1.0),
        "rupee" => (&["INR", "PKR", "LKR", "NPR"], 1.0),
        "sri lankan rupee" => (&["LKR"], 1.0),
        "turkish lira" => (&["TRY"], 1.0),
        "mexican peso" => (&["MXN"], 1.0),
        "finnish markka" => (&["FIM"], 1.0),
        "peseta" => (&["ESP"], 1.0),
        "netherlands guilder" => (&["NLG"], 1.0),
        "costa rican colón" => (&["CRC"], 1.0),
        "georgian lari" => (&["GEL"], 1.0),
        "lao kip" => (&["LAK"], 1.0),
        "bitcoin" => (&["BTC"], 1.0),
        _ => (&[], 1.0),
    }
}

/// The spec's name (lowercase) for a unit the engine writes, or `None` when the unit is not a
/// dimension (time, temperature, money, percent).
fn dimension_name(unit: &str) -> Option<&'static str> {
    Some(match unit {
        "km" => "kilometer",
        "m" => "meter",
        "cm" => "centimeter",
        "mm" => "millimeter",
        "dm" => "decimeter",
        "miles" => "mile",
        "feet" => "foot",
        "inches" => "inch",
        "yards" => "yard",
        "kg" => "kilogram",
        "g" => "gram",
        "mg" => "milligram",
        "µg" => "microgram",
        "tonnes" => "ton",
        "lb" => "pound",
        "oz" => "ounce",
        "mph" | "miles/hour" => "mile per hour",
        "km/h" => "kilometer per hour",
        "hectares" => "hectare",
        "acres" => "acre",
        "litres" => "liter",
        "ml" => "milliliter",
        "gallons" => "gallon",
        "teaspoons" => "teaspoon",
        "tablespoons" => "tablespoon",
        "barrels" => "barrel",
        "m²" => "square meter",
        "km²" => "square kilometer",
        "feet²" => "square foot",
        "miles²" => "square mile",
        "m³" => "cubic meter",
        "feet³" => "cubic foot",
        "degrees" => "degree",
        "kW" => "kilowatt",
        "MW" => "megawatt",
        "knots" => "knot",
        "nautical miles" => "nautical mile",
        "GW" => "gigawatt",
        "bits" => "bit",
        "bytes" => "byte",
        "KB" => "kilobyte",
        "MB" => "megabyte",
        "GB" => "gigabyte",
        "TB" => "terabyte",
        // A rate (`500,000 barrels a day`) is its quantity for the spec, a speed is a speed.
        _ => {
            let (u, t) = unit.split_once('/')?;
            return match (u, t) {
                ("km", "hour") => Some("kilometer per hour"),
                ("miles", "hour") => Some("mile per hour"),
                _ => dimension_name(u),
            };
        }
    })
}

/// True when the spec's unit name and the engine's agree (`Metric ton` is a ton).
fn same_dimension(expected: &str, engine: &str) -> bool {
    let e = expected.to_lowercase();
    let e = e.strip_prefix("metric ").unwrap_or(&e);
    e == engine
}

/// What one expected result says, in the suite's terms; `None` when it has no value.
fn expected_item(suite: Suite, r: &Value, input: &[char], from: usize) -> Option<Item> {
    let text = r["Text"].as_str()?.to_owned();
    let res = &r["Resolution"];
    let value = res["value"].as_str()?;
    let said = match suite {
        Suite::Ranges => {
            let (lo, hi) = parse_interval(value)?;
            Said::Interval(lo, hi)
        }
        _ => {
            let v: f64 = value.parse().ok()?;
            let unit = res["unit"].as_str().map(str::to_lowercase);
            Said::Value(v, unit)
        }
    };
    let start = find_ci(input, &text, from).or_else(|| find_ci(input, &text, 0))?;
    Some(Item {
        start,
        end: start + text.chars().count(),
        text,
        said,
        neutral: false,
    })
}

/// The predictions one figure makes in a suite.
fn predicted_items(suite: Suite, f: &Figure) -> Vec<Item> {
    let item = |said: Said, neutral: bool| Item {
        start: f.start,
        end: f.end,
        text: f.text.clone(),
        said,
        neutral,
    };
    let unit = f.unit.as_deref();
    match suite {
        Suite::Numbers => {
            let explicit_range = f.qualifier.is_none()
                && matches!((f.low, f.high), (Some(a), Some(b)) if a != b)
                && unit != Some("fraction");
            if explicit_range {
                let (a, b) = (f.low.unwrap_or(f.value), f.high.unwrap_or(f.value));
                vec![
                    item(Said::Value(a, None), false),
                    item(Said::Value(b, None), false),
                ]
            } else {
                vec![item(Said::Value(f.value, None), false)]
            }
        }
        Suite::Amounts => {
            if f.measure.as_str() != "money" {
                return Vec::new();
            }
            vec![item(Said::Value(f.value, f.unit.clone()), false)]
        }
        Suite::Quantities => match unit.and_then(dimension_name) {
            Some(name) => vec![item(Said::Value(f.value, Some(name.to_owned())), false)],
            None => Vec::new(),
        },
        Suite::Ranges => {
            let lo = f.low.map(|l| (l, f.low_inclusive != Some(false)));
            let hi = f.high.map(|h| (h, f.high_inclusive == Some(true)));
            let bare = f.qualifier.is_none() && f.low.is_some() && f.low == f.high;
            vec![item(Said::Interval(lo, hi), bare)]
        }
    }
}

/// True when a prediction says what an expected result says.
fn agrees(suite: Suite, expected: &Said, predicted: &Said) -> bool {
    match (expected, predicted) {
        (Said::Value(e, eu), Said::Value(p, pu)) => match suite {
            Suite::Numbers => close(*e, *p),
            Suite::Amounts => {
                let (codes, factor) = currency_codes(eu.as_deref().unwrap_or(""));
                close(e * factor, *p)
                    && pu
                        .as_deref()
                        .is_some_and(|c| codes.contains(&c.to_uppercase().as_str()))
            }
            Suite::Quantities => {
                close(*e, *p) && matches!((eu, pu), (Some(a), Some(b)) if same_dimension(a, b))
            }
            Suite::Ranges => false,
        },
        (Said::Interval(elo, ehi), Said::Interval(plo, phi)) => {
            let end = |e: &End, p: &End| match (e, p) {
                (None, None) => true,
                (Some((a, ac)), Some((b, bc))) => close(*a, *b) && ac == bc,
                _ => false,
            };
            // Counts start at zero: the engine reads `under 170` as [0, 170), the spec as
            // (,170); an unbounded lower end agrees with a closed zero below a positive high.
            let low_ok = end(elo, plo)
                || (elo.is_none()
                    && matches!(plo, Some((z, true)) if *z == 0.0)
                    && matches!(ehi, Some((h, _)) if *h > 0.0));
            low_ok && end(ehi, phi)
        }
        _ => false,
    }
}

fn skipped(case: &Value) -> bool {
    ["NotSupported", "NotSupportedByDesign"].iter().any(|k| {
        case[*k].as_str().is_some_and(|s| {
            s.split(',')
                .any(|w| w.trim().eq_ignore_ascii_case("dotnet"))
        })
    })
}

fn score_file(path: &Path, show: bool) -> anyhow::Result<(Suite, Tally)> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
    let cases: Vec<Value> = serde_json::from_str(&text)
        .map_err(|e| anyhow::anyhow!("{} is not a spec JSON array: {e}", path.display()))?;
    let mut suite = Suite::of_file(path);
    let mut t = Tally::default();
    let opts = FigureOptions::default();
    for case in &cases {
        let Some(input) = case["Input"].as_str() else {
            continue;
        };
        let results = case["Results"].as_array().cloned().unwrap_or_default();
        if suite.is_none() {
            suite = results
                .iter()
                .find_map(|r| r["TypeName"].as_str().and_then(Suite::of_type));
        }
        let Some(s) = suite else { continue };
        if skipped(case) {
            t.skipped += 1;
            continue;
        }
        t.cases += 1;
        let chars: Vec<char> = input.chars().collect();
        let mut expected = Vec::new();
        let mut from = 0;
        for r in &results {
            match expected_item(s, r, &chars, from) {
                Some(item) => {
                    from = item.end;
                    expected.push(item);
                }
                None => t.no_value += 1,
            }
        }
        let predicted: Vec<Item> = extract_figures(input, &opts)
            .iter()
            .flat_map(|f| predicted_items(s, f))
            .collect();
        let mut used = vec![false; predicted.len()];
        let mut hit = vec![false; expected.len()];
        for (k, e) in expected.iter().enumerate() {
            let overlaps = |p: &Item| p.start < e.end && e.start < p.end;
            if let Some(j) = (0..predicted.len()).find(|&j| {
                !used[j] && overlaps(&predicted[j]) && agrees(s, &e.said, &predicted[j].said)
            }) {
                used[j] = true;
                hit[k] = true;
            } else if predicted.iter().any(|p| overlaps(p) && !p.neutral) {
                t.wrong += 1;
            }
        }
        let counted = predicted
            .iter()
            .zip(&used)
            .filter(|(p, u)| **u || !p.neutral)
            .count();
        t.expected += expected.len();
        t.predicted += counted;
        t.matched += hit.iter().filter(|h| **h).count();
        if show
            && (hit.contains(&false) || used.iter().zip(&predicted).any(|(u, p)| !u && !p.neutral))
        {
            println!("  case: {input}");
            for (e, h) in expected.iter().zip(&hit) {
                if !h {
                    println!("    missed  {:?} {:?}", e.text, e.said);
                }
            }
            for (p, u) in predicted.iter().zip(&used) {
                if !u && !p.neutral {
                    println!("    extra   {:?} {:?}", p.text, p.said);
                }
            }
        }
    }
    let s = suite.ok_or_else(|| anyhow::anyhow!("{}: cannot tell which suite", path.display()))?;
    Ok((s, t))
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show = args.iter().any(|a| a == "--misses");
    let files: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    if files.is_empty() {
        eprintln!("usage: suite_score [--misses] SPEC.json...");
        std::process::exit(2);
    }
    println!(
        "{:<16} {:>5} {:>4} {:>5} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6}  file",
        "suite", "cases", "skip", "exp", "pred", "hit", "wrong", "P", "R", "F1"
    );
    for f in files {
        let path = Path::new(f);
        let (s, t) = score_file(path, show)?;
        let (p, r, f1) = t.scores();
        println!(
            "{:<16} {:>5} {:>4} {:>5} {:>5} {:>5} {:>5} {:>6.3} {:>6.3} {:>6.3}  {} ({} without a value)",
            s.name(),
            t.cases,
            t.skipped,
            t.expected,
            t.predicted,
            t.matched,
            t.wrong,
            p,
            r,
            f1,
            path.display(),
            t.no_value
        );
    }
    Ok(())
}
