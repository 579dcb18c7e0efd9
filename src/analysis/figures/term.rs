//! Prison terms: `was jailed for seven years`, `sentenced Harris to 18 months`, `a four-year
//! prison sentence`, `nine years' imprisonment`, and whose term each is.
//!
//! A court story's key fact is the term, and outlets disagree on it (`seven years` against
//! `seven and a half`). Read as plain lengths of time, terms were never compared, and a term
//! could not be told from the time a fraud ran or a driving ban. A term is read from the
//! clause's structure: a verb or noun of sentencing governs the length (`jailed for`,
//! `sentenced … to`, `a sentence of`, `given … in prison`). Terms the clause does not give
//! are left as lengths of time: a maximum the law allows (`faces up to 14 years`), a term
//! suspended, a minimum term inside a life sentence, a term served earlier (`had been jailed`).
//! Each term names its defendant (the verb's subject or object) as [`super::Figure::counted`],
//! so that one defendant's term is only set against the same defendant's.
//! Years and months are one unit (months), so `18 months` meets `a year and a half`.

use super::amount_role::is_linking;
use super::finish::Draft;
use super::person::{
    after_preposition, capitalised_inside, full_name, is_name, is_pronoun, surname_before,
};
use super::words::unit_word;
use super::{Measure, Scope};
use crate::analysis::text::Cx;
use crate::analysis::text::names::is_weekday;
use crate::analysis::text::pos::{self, Pos};
use crate::analysis::text::tokens::Kind;

/// The most tokens between a sentencing verb and `for`/`to` (an object with an age and a
/// town: `jailed Harris, 34, of Leeds, for`).
const MAX_OBJECT: usize = 10;

/// Marks every length of time in one sentence's drafts that is a prison term: sets its
/// measure to [`Measure::Jailed`], its unit to months (years × 12) and its counted noun to the
/// defendant's name where the clause gives one. `four years and six months` becomes one term.
pub(super) fn read_terms(cx: &Cx, s: usize, drafts: &mut Vec<Draft>) {
    // The unit of the sentence's last term as written, for a term it leaves unsaid.
    let mut last_unit: Option<&'static str> = None;
    let mut i = 0;
    while i < drafts.len() {
        let d = &drafts[i];
        if d.measure != Measure::Quantity || !given_length(d) {
            i += 1;
            continue;
        }
        let Some(unit) = d.unit.as_deref().and_then(term_unit) else {
            // `Harris was jailed for six years and Cole for four`.
            if let Some(unit) = last_unit
                && let Some(name) = elided(cx, d)
            {
                make_term(&mut drafts[i], unit, Some(name));
            }
            i += 1;
            continue;
        };
        let Some(verb) = sentencing(cx, s, d.start_tok, d.end_tok) else {
            i += 1;
            continue;
        };
        let role = defendant(cx, s, verb, d.start_tok);
        // `four years and six months`, `two years, eight months`: one term.
        let joined = (unit == "years" && i + 1 < drafts.len())
            .then(|| &drafts[i + 1])
            .filter(|n| n.unit.as_deref() == Some("months") && n.measure == Measure::Quantity)
            .filter(|n| {
                let gap = n.start_tok.saturating_sub(d.end_tok);
                (gap == 1 && (cx.is_word(d.end_tok, "and") || cx.is_punct(d.end_tok, ",")))
                    || (gap == 2 && cx.is_punct(d.end_tok, ",") && cx.is_word(d.end_tok + 1, "and"))
            })
            .map(|n| (n.end_tok, n.value));
        let d = &mut drafts[i];
        make_term(d, unit, role);
        if let Some((end, extra)) = joined {
            d.end_tok = end;
            d.value += extra;
            d.low += extra;
            d.high = d.high.map(|h| h + extra);
            d.rounding = None;
            drafts.remove(i + 1);
        }
        last_unit = Some(unit);
        i += 1;
    }
}

/// A bare number after `Name for` (`and Cole for four`): the name, when it is one.
fn elided(cx: &Cx, d: &Draft) -> Option<String> {
    let at = d.start_tok;
    (d.unit.is_none() && d.counted.is_none() && at >= 2 && cx.is_word(at - 1, "for"))
        .then_some(at - 2)
        .filter(|&k| is_name(cx, k))
        .map(|k| cx.s(k).to_owned())
}

/// The unit a term is kept in: years and months as months, weeks and days as they are.
fn term_unit(unit: &str) -> Option<&'static str> {
    match unit {
        "years" => Some("years"),
        "months" => Some("months"),
        "weeks" => Some("weeks"),
        "days" => Some("days"),
        _ => None,
    }
}

/// Whether a length can be a term the court gave: an upper bound (`up to 14 years`, `as much
/// as 24 years`) is a maximum the law sets, and `at least 25 years` or `a minimum of 11 years`
/// a minimum to serve. A headline's `over 4 years` rounds a term down, and `three to five
/// years` is a term in states that give one as a range.
fn given_length(d: &Draft) -> bool {
    let upper = d.low == 0.0 && d.high.is_some();
    let minimum = d.qualifier.as_deref().is_some_and(|q| {
        [
            "least", "minimum", "maximum", "up to", "as much", "or more", "no more",
        ]
        .iter()
        .any(|w| q.contains(w))
    });
    !upper && !minimum
}

fn make_term(d: &mut Draft, unit: &str, role: Option<String>) {
    d.measure = Measure::Jailed;
    d.can_inherit = false;
    d.counted = role;
    d.modifiers.clear();
    d.scope
        .retain(|s: &Scope| s.kind == super::ScopeKind::Listed);
    if unit == "years" {
        scale(d, 12.0);
        d.unit = Some("months".to_owned());
    } else {
        d.unit = Some(unit.to_owned());
    }
}

fn scale(d: &mut Draft, k: f64) {
    d.value *= k;
    d.low *= k;
    d.high = d.high.map(|h| h * k);
    d.rounding = d.rounding.map(|(a, b)| (a * k, b * k));
}

/// The token of the verb or noun of sentencing that governs the length at `first..end`, if
/// the clause gives it as a term served now: `jailed for`, `imprisoned for`, `locked up for`,
/// `sentenced (him) to`, `a (jail) sentence of`, `a (prison) term of`, `given/handed/received`
/// with a prison word after (`given nine years in prison`, `handed four years' imprisonment`)
/// or in a sentence about a court; and `a four-year prison sentence`.
fn sentencing(cx: &Cx, s: usize, first: usize, end: usize) -> Option<usize> {
    let low = |k: usize| cx.low(k).map(|w| w.as_str()).unwrap_or("");
    if first <= s {
        return None;
    }
    // `jailed for a total of 20 years`: the total is still the term.
    let mut k = first;
    if k >= s + 3 && low(k - 1) == "of" && low(k - 2) == "total" && low(k - 3) == "a" {
        k -= 3;
    }
    let prison_after = prison_after(cx, end);
    if matches!(prison_after, Some(false)) {
        return None;
    }
    let verb = match low(k - 1) {
        "for" => back_to(cx, s, k - 1, |w| {
            matches!(
                w,
                "jailed"
                    | "jail"
                    | "jails"
                    | "gaoled"
                    | "imprisoned"
                    | "imprison"
                    | "incarcerated"
                    | "locked"
                    | "caged"
                    | "detained"
                    | "sent"
                    | "put"
                    | "jailing"
                    | "imprisoning"
                    | "locking"
            )
        }),
        "to" => back_to(cx, s, k - 1, |w| {
            matches!(w, "sentenced" | "sentence" | "sentences" | "sentencing")
        }),
        "of" if k >= s + 2 => {
            let n = k - 2;
            let noun = matches!(low(n), "sentence" | "term" | "imprisonment");
            let qualified = n > s
                && matches!(
                    low(n - 1),
                    "suspended" | "minimum" | "maximum" | "extended" | "tariff" | "licence"
                );
            (noun && !qualified).then_some(n)
        }
        "given" | "handed" | "received" | "receives" | "receive" | "got" | "gets" | "jailed" => {
            (prison_after == Some(true) || about_a_court(cx, s)).then_some(k - 1)
        }
        // `a four-year prison sentence`, `a 12-month jail term`.
        "a" | "an" | "the" | "his" | "her" | "their" if hyphen_term(cx, end) => Some(k - 1),
        _ => None,
    }?;
    (!hypothetical(cx, s, verb) && !suspended_after(cx, end) && !suspended_whole(cx, end))
        .then_some(verb)
}

/// Whether the words after a length say where it is served: `Some(true)` for prison (`in
/// prison`, `behind bars`, `' imprisonment`, `in a young offender institution`), `Some(false)`
/// for what is no prison term (`' probation`, `of community service`, `of supervised release`,
/// `on probation`), `None` when they say neither.
fn prison_after(cx: &Cx, end: usize) -> Option<bool> {
    let low = |k: usize| cx.low(k).map(|w| w.as_str()).unwrap_or("");
    // `nine years' imprisonment`, `nine years’ jail`.
    let mut k = end;
    if matches!(cx.get(k).map(|_| cx.s(k)), Some("'" | "\u{2019}")) {
        k += 1;
    }
    match low(k) {
        "imprisonment" | "jail" | "prison" | "custody" | "detention" | "gaol" => Some(true),
        "behind" if low(k + 1) == "bars" => Some(true),
        "in" if matches!(
            low(k + 1),
            "prison" | "jail" | "gaol" | "custody" | "detention"
        ) =>
        {
            Some(true)
        }
        "in" if low(k + 1) == "a" && matches!(low(k + 2), "young" | "prison" | "secure") => {
            Some(true)
        }
        "probation" | "community" | "supervision" | "supervised" | "licence"
        | "disqualification" | "ban" | "suspended" => Some(false),
        "on" if matches!(
            low(k + 1),
            "probation" | "licence" | "license" | "parole" | "supervised" | "bail"
        ) =>
        {
            Some(false)
        }
        // `three years of supervised release`, `two years of probation`: only prison words
        // after `of` make a term.
        "of" => Some(matches!(
            low(k + 1),
            "imprisonment" | "jail" | "prison" | "custody" | "detention"
        )),
        _ => None,
    }
}

/// `-year prison sentence`, `-month jail term`, `-year custodial sentence` after the number.
fn hyphen_term(cx: &Cx, end: usize) -> bool {
    // The figure's span already holds the joined unit (`four-year`); what follows names it.
    let low = |k: usize| cx.low(k).map(|w| w.as_str()).unwrap_or("");
    // `a seven-year sentence` is a court's; `a four-year term` alone may be an office's.
    low(end) == "sentence"
        || (matches!(low(end), "prison" | "jail" | "custodial" | "gaol")
            && matches!(low(end + 1), "sentence" | "term"))
}

/// Walks back from `from` (a `for` or `to`) over an object (a name, a pronoun, an age and a
/// town between commas) and adverbs to the verb `is_verb` accepts.
fn back_to(cx: &Cx, s: usize, from: usize, is_verb: impl Fn(&str) -> bool) -> Option<usize> {
    let mut k = from;
    for _ in 0..=MAX_OBJECT {
        if k <= s {
            return None;
        }
        k -= 1;
        if cx.kind(k) == Some(Kind::Num) || cx.is_punct(k, ",") || cx.is_punct(k, "-") {
            continue;
        }
        // The full stop of an abbreviation in a name: `former Rep. Jesse Jackson Jr. to`.
        if cx.is_punct(k, ".") && k > s && cx.capitalised(k - 1) && cx.s(k - 1).len() <= 4 {
            continue;
        }
        let Some(w) = cx.low(k) else {
            // A name with a letter outside ASCII is part of an object (`Kaká`).
            if cx.kind(k) == Some(Kind::Word) && cx.capitalised(k) {
                continue;
            }
            return None;
        };
        let w = w.as_str();
        if is_verb(w) {
            // `locked up for`: the particle stands between.
            return Some(k);
        }
        let filler = cx.capitalised(k)
            || cx.kind(k) == Some(Kind::Num)
            || cx.is_punct(k, ",")
            || matches!(
                w,
                "him"
                    | "her"
                    | "them"
                    | "each"
                    | "both"
                    | "up"
                    | "in"
                    | "on"
                    | "at"
                    | "last"
                    | "away"
                    | "down"
                    | "to"
                    | "behind"
                    | "bars"
                    | "prison"
                    | "jail"
                    | "yesterday"
                    | "today"
                    | "also"
                    | "then"
                    | "of"
                    | "the"
                    | "pair"
                    | "men"
                    | "women"
                    | "man"
                    | "woman"
            )
            || w.ends_with("ly")
            || matches!(
                w,
                "morning" | "afternoon" | "evening" | "night" | "court" | "crown"
            )
            // An object of common words: `sentencing the 61-year-old to`, `jailed the gang
            // leader for`, `sentenced in Manhattan federal court to`.
            || matches!(pos::lexical(w), Pos::Det | Pos::Noun | Pos::Adj);
        if !filler {
            return None;
        }
    }
    None
}

/// Whether the clause before the verb at `verb` makes the term one not given now: a maximum
/// the defendant faces (`faces up to`, `could be jailed for`), a term served before (`had
/// been jailed`, `was previously jailed`), what a side asks for (`prosecutors sought`), a
/// wish (`should be jailed`) or a condition (`if`).
fn hypothetical(cx: &Cx, s: usize, verb: usize) -> bool {
    // Back to the clause's last comma: an aside (`, who had admitted fraud,`) says nothing
    // of the term.
    let from = (verb.saturating_sub(10).max(s)..verb)
        .rev()
        .find(|&k| cx.is_punct(k, ","))
        .map_or(verb.saturating_sub(10).max(s), |k| k + 1);
    (from..verb).any(|k| {
        cx.low(k).is_some_and(|w| {
            matches!(
                w.as_str(),
                "face"
                    | "faces"
                    | "faced"
                    | "facing"
                    | "could"
                    | "would"
                    | "might"
                    | "may"
                    | "should"
                    | "risk"
                    | "risks"
                    | "risking"
                    | "maximum"
                    | "potential"
                    | "if"
                    | "had"
                    | "previously"
                    | "earlier"
                    | "already"
                    | "formerly"
                    | "once"
                    | "spent"
                    | "spending"
                    // A term under appeal was given before: `is appealing a 10-year sentence`.
                    | "appeal"
                    | "appeals"
                    | "appealing"
                    | "appealed"
                    | "served"
                    | "serving"
                    // What a side asks for is no term given: `prosecutors recommended that
                    // he receive a sentence of`, `sought to have her sentenced to`.
                    | "recommend"
                    | "recommended"
                    | "recommends"
                    | "seek"
                    | "seeks"
                    | "seeking"
                    | "sought"
                    | "ask"
                    | "asked"
                    | "asks"
                    | "asking"
                    | "requested"
                    | "urged"
                    | "demanded"
                    | "wanted"
                    | "proposed"
                    | "argued"
                    // A comparison: `higher than the 87-month prison term he agreed to`.
                    | "than"
            )
        })
    })
}

/// `jailed for 12 weeks, suspended for a year`, `18 months suspended`: a suspended term.
fn suspended_after(cx: &Cx, end: usize) -> bool {
    (end..(end + 3).min(cx.end)).any(|k| cx.is_word(k, "suspended"))
}

/// `imposed a seven-year sentence on O'Riordan. He suspended both sentences`: the whole term
/// suspended, later in its sentence or in the next one. Suspending a part (`suspended the
/// final two years`) leaves a term served.
fn suspended_whole(cx: &Cx, end: usize) -> bool {
    // The rest of this sentence and all of the next.
    let next = Cx {
        end: (cx.end + 40).min(cx.toks.len()),
        ..*cx
    };
    let mut stops = 0;
    for k in end..next.end {
        if next.is_punct(k, ".") || next.is_punct(k, "!") || next.is_punct(k, "?") {
            stops += 1;
            if stops == 2 || k + 1 >= next.end {
                break;
            }
            continue;
        }
        let low = |i: usize| next.low(i).map(|w| w.as_str()).unwrap_or("");
        if low(k) == "suspended" {
            if matches!(low(k.saturating_sub(1)), "fully" | "wholly") {
                return true;
            }
            let mut j = k + 1;
            if matches!(
                low(j),
                "both" | "the" | "his" | "her" | "their" | "all" | "each"
            ) {
                j += 1;
            }
            // `suspended both sentences (for two years)`, `suspended in full`.
            let noun = matches!(low(j), "sentence" | "sentences" | "term" | "terms");
            let in_full = low(j) == "in" && matches!(low(j + 1), "full" | "entirety");
            if noun || in_full {
                return true;
            }
        }
    }
    false
}

/// Whether the sentence speaks of a court: its words name a court, a judge, a verdict or a
/// sentence, so `was given two years` is a term and not two years to pay.
fn about_a_court(cx: &Cx, s: usize) -> bool {
    (s..cx.end).any(|k| {
        cx.low(k).is_some_and(|w| {
            matches!(
                w.as_str(),
                "court"
                    | "judge"
                    | "jury"
                    | "guilty"
                    | "convicted"
                    | "sentenced"
                    | "sentence"
                    | "sentencing"
                    | "jailed"
                    | "prison"
                    | "jail"
            )
        })
    })
}

/// The defendant a term at `first` is given to, by the verb at `verb`: the object between an
/// active verb and the length (`jailed Harris for`), else the subject before the verb or noun
/// (`Harris, 34, of Leeds, was jailed`), past auxiliaries, adverbs, an age and a town between
/// commas, and a relative aside. A surname as written; `None` for a pronoun, a common noun
/// (`the driver`) or two names (`Harris and Cole were jailed`), which name no one person.
fn defendant(cx: &Cx, s: usize, verb: usize, first: usize) -> Option<String> {
    // Active: `The judge jailed Harris for six years`, `sentenced him to`; not a place after
    // a passive verb (`was sentenced at Dublin Circuit Criminal Court to`).
    let passive = verb > s
        && cx.low(verb - 1).is_some_and(|w| {
            matches!(
                w.as_str(),
                "was" | "were" | "been" | "be" | "is" | "are" | "being"
            )
        });
    let object = (verb + 1..first)
        .filter(|_| !passive)
        .find(|&k| (is_name(cx, k) && !after_preposition(cx, k)) || is_pronoun(cx, k));
    if let Some(k) = object {
        let mut last = k;
        while last + 1 < first && is_name(cx, last + 1) {
            last += 1;
        }
        return is_name(cx, last).then(|| full_name(cx, k, last));
    }
    let mut k = verb;
    loop {
        if k <= s {
            return None;
        }
        let p = k - 1;
        let skip = cx.low(p).is_some_and(|w| {
            let w = w.as_str();
            is_linking(w)
                || matches!(
                    w,
                    "each"
                        | "both"
                        | "then"
                        | "yesterday"
                        | "today"
                        | "later"
                        | "subsequently"
                        | "on"
                        | "who"
                        // What stands between a subject and a noun of sentencing: `Harris
                        // was given a jail sentence of`, `Harris received a four-year
                        // prison term`.
                        | "a"
                        | "an"
                        | "his"
                        | "her"
                        | "given"
                        | "handed"
                        | "received"
                        | "got"
                        | "jail"
                        | "prison"
                        | "custodial"
                )
                || is_weekday(w)
                || (w.ends_with("ly") && !cx.capitalised(p))
        });
        if skip {
            k = p;
            continue;
        }
        if cx.is_punct(p, ",") {
            // A name in apposition right before the verb (`SAC Capital, Mathew Martoma,
            // has been`) is the defendant; else asides between commas (`, 34,`, `, of
            // Leeds,`, `, who admitted fraud,`) lead back to the comma after a name.
            let person =
                |c: usize| surname_before(cx, s, c).is_some_and(|n| !after_preposition(cx, n));
            if person(p) {
                k = p;
                break;
            }
            let open = (p.saturating_sub(16).max(s + 1)..p)
                .rev()
                .find(|&c| cx.is_punct(c, ",") && person(c))?;
            k = open;
            break;
        }
        break;
    }
    let n = surname_before(cx, s, k)?;
    // A common word opening the sentence is capitalised too (`Defendants were jailed`); a
    // surname that is also a word (`Brown`, `Cook`) is written capitalised elsewhere too.
    let common = n == s
        && cx.low(n).is_some_and(|w| {
            matches!(
                pos::lexical(w.as_str()),
                Pos::Noun | Pos::Adj | Pos::Verb | Pos::Num
            )
        })
        && !capitalised_inside(cx, n);
    if !is_name(cx, n) || common || after_preposition(cx, n) {
        return None;
    }
    // `Harris and Cole were jailed`: no one person.
    let mut b = n;
    while b > s && is_name(cx, b - 1) {
        b -= 1;
    }
    if b > s + 1 && cx.is_word(b - 1, "and") && is_name(cx, b - 2) {
        return None;
    }
    Some(full_name(cx, b, n))
}

/// Whether `w` is a unit a term can be written in, for the reader of `a four-year prison
/// sentence` (see [`hyphen_term_unit`]).
fn is_term_word(w: &str) -> bool {
    unit_word(w).and_then(term_unit).is_some()
}

/// `a four-year prison sentence`: a time unit joined by a hyphen at `k`, followed by a prison
/// sentence or term. Lengths joined to a noun are otherwise adjectives (`a 3-day visit`), so
/// only this shape is read as a figure, with the unit's plural.
pub(super) fn hyphen_term_unit(cx: &Cx, k: usize) -> Option<&'static str> {
    if !(cx.is_punct(k, "-") && cx.attached(k) && cx.attached(k + 1)) {
        return None;
    }
    let w = cx.low(k + 1)?;
    (is_term_word(w.as_str()) && hyphen_term(cx, k + 2))
        .then(|| unit_word(w.as_str()))
        .flatten()
}
