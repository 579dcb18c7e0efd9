//! The reason a person can check at a glance, and whether one figure is part of another.
//!
//! Every suggestion opens with one line saying what both figures count, the two values as
//! written and how they relate: `both count people killed in the quake; 24 vs 11; the later
//! report is lower`. A figure narrowed to a subgroup, a place or a site (`six pupils were
//! killed when a school roof fell`) against a larger one without that narrowing (`at least 30
//! people were killed`) is `part of` it, never a contradiction.

use crate::analysis::figures::lexicon::{Kinship, class_of, kinship, stem};
use crate::analysis::figures::{Figure, Measure, ScopeKind};
use crate::analysis::time::Precision;

/// How the two sides of a suggestion relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Relation {
    /// They cannot both be true.
    Contradicts,
    /// A count that only rises was later given higher.
    Updates,
    /// A count that only rises was later given lower: a correction or a conflict.
    LaterLower,
    /// The first side is a part (a subgroup, place or site) of the second.
    PartOf,
    /// Times within a day whose clocks' zones are not both known: neither can be called later.
    SameTime,
}

impl Relation {
    /// The word the command line and the JSON use.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Relation::Contradicts => "contradicts",
            Relation::Updates => "updates",
            Relation::LaterLower => "later lower",
            Relation::PartOf => "part of",
            Relation::SameTime => "about the same time",
        }
    }
}

/// True when `part` is narrowed to a subgroup, place or site that `whole` is not, and is the
/// smaller figure: six pupils at a school against thirty people on the island. A place or
/// site narrows only when the whole's article (`whole_text`) never names it: a fire's toll
/// at the Kiln Works plant is the whole toll when the other report is about that plant too.
pub(crate) fn part_of(part: &Figure, whole: &Figure, whole_text: &str) -> bool {
    if part.value >= whole.value || part.measure != whole.measure {
        return false;
    }
    let kinds = |f: &Figure| {
        let mut k: Vec<ScopeKind> = f.scope.iter().map(|s| s.kind).collect();
        k.sort_unstable();
        k.dedup();
        k
    };
    let (kp, kw) = (kinds(part), kinds(whole));
    let unnamed = |text: &str| {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| {
                w.len() > 3
                    && !matches!(*w, "the" | "northern" | "southern" | "eastern" | "western")
            })
            .all(|w| !whole_text.contains(w))
    };
    let narrower = kw.iter().all(|k| kp.contains(k))
        && part
            .scope
            .iter()
            .any(|s| s.kind != ScopeKind::Subgroup && !kw.contains(&s.kind) && unnamed(&s.text));
    // A count of people that names no noun (`39 confirmed dead`) counts people.
    let whole_head = whole
        .counted
        .as_deref()
        .or(whole.measure.is_event().then_some("people"));
    let subgroup = match (&part.counted, whole_head) {
        (Some(p), Some(w)) => kinship(p, w) == Kinship::Part && !kw.contains(&ScopeKind::Subgroup),
        _ => false,
    };
    // `six more bodies`, `14 of the dead`: a portion the sentence says is one.
    let portion = kp.contains(&ScopeKind::Portion) && !kw.contains(&ScopeKind::Portion);
    narrower || subgroup || portion
}

/// What both figures count: `people killed in the quake`, `explosive devices (packages,
/// devices)`, `amounts in USD`, `fine amounts in USD`.
pub(crate) fn what(measure: Measure, a: &Figure, b: &Figure) -> String {
    let heads = match (a.counted.as_deref(), b.counted.as_deref()) {
        (Some(x), Some(y)) if stem(x) == stem(y) => x.to_owned(),
        (Some(x), Some(y)) => match (class_of(x), class_of(y)) {
            (Some(c), Some(d)) if c == d && c != stem(x) => format!("{c} ({x}, {y})"),
            _ => format!("{x} / {y}"),
        },
        (Some(x), None) | (None, Some(x)) => x.to_owned(),
        (None, None) if measure.is_event() => "people".to_owned(),
        (None, None) => String::new(),
    };
    let verb = match measure {
        Measure::Killed => "killed",
        Measure::Injured => "injured",
        Measure::Casualties => "killed or injured",
        Measure::Arrested => "arrested",
        Measure::Missing => "missing",
        Measure::Displaced => "displaced",
        Measure::Rescued => "rescued",
        Measure::Affected => "affected",
        Measure::Money => "",
        Measure::Percent => "",
        Measure::Jailed => "",
        Measure::Age => "",
        Measure::Quantity => "",
    };
    let mut s = match measure {
        // `both count fine amounts in USD` once both amounts say what they are.
        Measure::Money => {
            let unit = a.unit.as_deref().unwrap_or("one currency");
            match (a.counted.as_deref(), b.counted.as_deref()) {
                (Some(x), Some(y)) if stem(x) == stem(y) => {
                    format!("{} amounts in {unit}", stem(x))
                }
                _ => format!("amounts in {unit}"),
            }
        }
        // `jail terms for Harris`: the defendant both name, else terms in one unit.
        Measure::Jailed => match (a.counted.as_deref(), b.counted.as_deref()) {
            (Some(x), _) | (None, Some(x)) => format!("jail terms for {x}"),
            (None, None) => "jail terms".to_owned(),
        },
        Measure::Age => format!("ages of {heads}"),
        Measure::Percent if heads.is_empty() => "percentages".to_owned(),
        Measure::Percent => format!("percentages of {heads}"),
        _ if verb.is_empty() => heads,
        _ => format!("{heads} {verb}"),
    };
    if let Some(e) = a.event.as_deref().or(b.event.as_deref()) {
        s.push_str(&format!(" in the {e}"));
    }
    s.trim().to_owned()
}

/// A figure as a reader would say it: its text, lowercased after a qualifier (`at least 30`).
pub(crate) fn said(f: &Figure) -> String {
    let t = f.text.trim();
    match f.qualifier.as_deref() {
        // `At Least 30` in a headline reads `at least 30`.
        Some(q) if t.is_char_boundary(q.len()) && t[..q.len()].eq_ignore_ascii_case(q) => {
            format!("{q}{}", &t[q.len()..])
        }
        Some(_) => {
            let mut c = t.chars();
            match c.next() {
                Some(first) => first.to_lowercase().chain(c).collect(),
                None => String::new(),
            }
        }
        None => t.to_owned(),
    }
}

/// The whole glance line for a suggestion whose sides' best figures are `a` (first, or the
/// part, or the earlier) and `b`.
pub(crate) fn glance(rel: Relation, measure: Measure, a: &Figure, b: &Figure) -> String {
    let what = what(measure, a, b);
    let (sa, sb) = (said(a), said(b));
    match rel {
        Relation::PartOf => {
            let narrowed: Vec<&str> = a.scope.iter().map(|s| s.text.as_str()).collect();
            let head = a.counted.as_deref().unwrap_or("");
            let by = if narrowed.is_empty() {
                String::new()
            } else {
                format!(" ({})", narrowed.join(", "))
            };
            format!("part of the total: {sa} {head}{by} are among {sb}; not a contradiction")
                .replace("  ", " ")
        }
        Relation::Contradicts => {
            let rounded = [a, b]
                .iter()
                .filter_map(|f| f.rounding.map(|r| (said(f), r)))
                .map(|(t, r)| {
                    format!(
                        "{t} stands for {}–{}",
                        crate::analysis::figures::fmt_number(r[0]),
                        crate::analysis::figures::fmt_number(r[1])
                    )
                })
                .collect::<Vec<_>>();
            let tail = if rounded.is_empty() {
                "they cannot both be true".to_owned()
            } else {
                format!(
                    "they cannot both be true, even rounded ({})",
                    rounded.join("; ")
                )
            };
            format!("both count {what}; {sa} vs {sb}; {tail}")
        }
        Relation::Updates if b.value < a.value => {
            format!("both count {what}; {sa} then {sb}; the later report is lower")
        }
        Relation::Updates => {
            format!("both count {what}; {sa} then {sb}; the later report is higher")
        }
        Relation::LaterLower => {
            format!("both count {what}; {sa} then {sb}; the later report is lower")
        }
        Relation::SameTime => format!(
            "both count {what}; {sa} vs {sb}; reported at about the same time (a clock's zone is unknown), so neither is later"
        ),
    }
}

/// True when both figures were reported at a time of day, less than a day apart, and the zone
/// of at least one clock is unknown: which came first cannot be told. Zones run from UTC−12 to
/// UTC+14, and newsrooms that report one event sit up to 15 hours apart (Sydney and New York),
/// so a day is the window in which an unknown zone can reverse the order; a report more than a
/// day later is later whatever the zones.
pub(crate) fn same_time(a: &Figure, b: &Figure) -> bool {
    let (Some(x), Some(y)) = (a.as_of, b.as_of) else {
        return false;
    };
    let timed = |w: &crate::analysis::time::When| w.precision <= Precision::PartOfDay;
    if !timed(&x) || !timed(&y) || (x.utc_offset.is_some() && y.utc_offset.is_some()) {
        return false;
    }
    x.start.duration_until(y.start).abs().as_secs() < 24 * 3600
}
