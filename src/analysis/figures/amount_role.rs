//! What an amount of money is for (its role, kept as the figure's counted noun) when no noun
//! follows it, read from the clause around it by [`amount_of`]:
//!
//! - the noun it is `of` (`a fine of $250,000`) or changes `by` (`cut deficits by $416
//!   billion`), the money verb it follows (`was fined £1,450,000`), the noun a verb sets at it
//!   (`expenditure estimated at £20m`), the phrase after `in` (`$416 billion in spending
//!   cuts`);
//! - the thing valued (`cocaine worth €229 million`, `the drugs were worth £2m`);
//! - what cost it (`the trial is believed to have cost the taxpayer £3.5 million`);
//! - what it pays for (`agreed to pay Milan £56m for the Brazilian Kaka`, `$15.9 million paid
//!   in 2011 for the Lady Blunt Stradivarius`, `pay £560,000 for the operation`).
//!
//! A story about one court case prints a fine, the costs, the trial's cost and a payout; one
//! about a transfer prints this player's fee and the record another player's fee set. Sums
//! that named nothing were set against whichever named sum of another outlet lay nearest in
//! value; the last three readers name them from the clause's structure. [`subject_before`]
//! finds a verb's subject for all the readers that need one.

use super::context::opens_relative_aside;
use super::lexicon::is_money_kind;
use super::phrase::noun_phrase;
use super::words::is_period_word;
use crate::analysis::text::Cx;
use crate::analysis::text::names::is_time_word;
use crate::analysis::text::pos::{self, Pos};
use crate::analysis::text::tokens::Kind;

/// What an amount of money is, read from the words around it when no noun follows it: the
/// noun before `of` (`a fine of $250,000`, `bail of $50,000`), the noun a change is measured
/// on (`cut deficits by $416 billion`), the head of the noun phrase right after `in` (`$416
/// billion in spending cuts`), the noun a verb sets at or moves to it (`expenditure
/// estimated at £20m`, see `valued_subject`), the thing valued or costing it, a money verb
/// earlier in the clause, or what it pays for (see the module's list). `first` is the amount's first token
/// (its qualifier included), `end` the token after it. Nouns that name an amount itself (`a
/// total of`, `the sum of`, `to the tune of`) say nothing of what it is for.
pub(crate) fn amount_of(cx: &Cx, s: usize, first: usize, end: usize) -> Option<(String, usize)> {
    let by = first >= s + 2 && cx.is_word(first - 1, "by");
    if first >= s + 2
        && (by || cx.is_word(first - 1, "of"))
        && cx.kind(first - 2) == Some(Kind::Word)
    {
        let k = first - 2;
        let w = cx.low(k)?.as_str().to_owned();
        // Looked up in lowercase: `Bail of $50,000` opens its sentence. After a determiner a
        // word before `of` is a noun, whatever it is elsewhere (`a fine of`).
        let noun = match pos::lookup(&w).0 {
            Pos::Noun => true,
            Pos::Adj if !by => {
                k > s
                    && cx
                        .low(k - 1)
                        .is_some_and(|d| pos::lookup(d.as_str()).0 == Pos::Det)
            }
            _ => false,
        };
        return (noun && !is_amount_noun(&w)).then_some((w, k));
    }
    if let Some(kind) = kind_of_verb(cx, s, first) {
        return Some(kind);
    }
    if let Some(subject) = valued_subject(cx, s, first)
        .or_else(|| worth_subject(cx, s, first))
        .or_else(|| cost_subject(cx, s, first))
    {
        return Some(subject);
    }
    if cx.is_word(end, "in") && cx.kind(end + 1) == Some(Kind::Word) && !cx.capitalised(end + 1) {
        // `in spending cuts`: a gerund before the noun is read as its modifier.
        let phrase = noun_phrase(cx, s, first, end + 1).or_else(|| {
            (cx.s(end + 1).ends_with("ing") && cx.kind(end + 2) == Some(Kind::Word))
                .then(|| noun_phrase(cx, s, first, end + 2))
                .flatten()
        })?;
        return (!is_time_word(&phrase.head)
            && !is_period_word(&phrase.head)
            && !is_amount_noun(&phrase.head))
        .then_some((phrase.head, phrase.head_tok));
    }
    // After a money verb earlier in the clause, `for` gives the sanction's reason, not what
    // the sum buys (`fined … £3.5m for breaches`): the verb's kind comes first.
    gapped_money_verb(cx, s, first).or_else(|| bought(cx, s, first, end))
}

/// What an amount is by the verb it is the object of, when the verb is made from a noun that
/// names what money is for: `was fined £1,450,000` is a fine, `awarded him £40,000` an award.
/// An object pronoun may stand between (`fined them`, `awarded her`).
fn kind_of_verb(cx: &Cx, s: usize, first: usize) -> Option<(String, usize)> {
    let mut k = first.checked_sub(1).filter(|&k| k >= s)?;
    if k > s
        && cx
            .low(k)
            .is_some_and(|w| matches!(w.as_str(), "him" | "her" | "them" | "us" | "me" | "each"))
    {
        k -= 1;
    }
    money_verb(cx, k)
}

/// The kind of money the verb at token `k` is made from (`fined` → `fine`, `awarded` →
/// `award`), if it is one.
fn money_verb(cx: &Cx, k: usize) -> Option<(String, usize)> {
    let w = cx.low(k)?;
    let w = w.as_str();
    let noun = w.strip_suffix("ed").into_iter().chain(w.strip_suffix('d'));
    noun.filter(|n| n.len() >= 3)
        .find(|n| is_money_kind(n))
        .map(|n| (n.to_owned(), k))
}

/// A money verb earlier in the clause whose second object the amount is (`fined Balfour
/// Beatty £10m and Network Rail £3.5m`, `was fined a record £3.5 million`): the kind it
/// names. Read back at most twelve tokens, never past a clause break or another verb
/// (`fined £10,000 and ordered to pay £7,500`: the second sum is the order's).
fn gapped_money_verb(cx: &Cx, s: usize, first: usize) -> Option<(String, usize)> {
    let stop = first.saturating_sub(12).max(s);
    for k in (stop..first).rev() {
        if matches!(cx.s(k), ";" | ":" | "." | "(" | ")") {
            return None;
        }
        if let Some(kind) = money_verb(cx, k) {
            return Some(kind);
        }
        if cx
            .low(k)
            .is_some_and(|w| matches!(pos::lookup(w.as_str()).0, Pos::Verb | Pos::Aux))
        {
            return None;
        }
    }
    None
}

/// What an amount is by the noun whose value a verb sets at or moves to it: `expenditure
/// estimated at £20m`, `the bidding began at $8 million`, `the fine was reduced to £4m`. The
/// noun must stand right before the verb (past an auxiliary or an adverb), so a clause's
/// subject further back is never guessed at.
fn valued_subject(cx: &Cx, s: usize, first: usize) -> Option<(String, usize)> {
    let k = first.checked_sub(1).filter(|&k| k > s)?;
    if !(cx.is_word(k, "at") || cx.is_word(k, "to")) {
        return None;
    }
    let verb = k - 1;
    let w = cx.low(verb)?;
    if cx.kind(verb) != Some(Kind::Word) || pos::lookup(w.as_str()).0 != Pos::Verb {
        return None;
    }
    subject_before(cx, s, verb)
}

/// Nouns that name an amount as such or the form it takes, not what it is for (`a total of`,
/// `in cash`).
fn is_amount_noun(w: &str) -> bool {
    matches!(
        w,
        "total"
            | "sum"
            | "amount"
            | "figure"
            | "value"
            | "tune"
            | "excess"
            | "region"
            | "upwards"
            | "estimate"
            | "average"
            | "maximum"
            | "minimum"
            | "range"
            | "money"
            | "cash"
    )
}

/// Most words read between a verb and its subject (`is believed to have cost`).
const MAX_SKIPPED: usize = 5;

/// `X worth £N`: the noun valued, right before `worth` or before the verb that links them.
pub(crate) fn worth_subject(cx: &Cx, s: usize, first: usize) -> Option<(String, usize)> {
    let k = first.checked_sub(1).filter(|&k| k > s)?;
    if !cx.is_word(k, "worth") {
        return None;
    }
    subject_before(cx, s, k)
}

/// `X cost [someone] £N`: the noun whose cost it is. An object may stand between the verb and
/// the sum (`cost the taxpayer`, `cost them`).
pub(crate) fn cost_subject(cx: &Cx, s: usize, first: usize) -> Option<(String, usize)> {
    let mut k = first.checked_sub(1).filter(|&k| k > s)?;
    // Up to three words of an object: `the taxpayer`, `the public purse`, `him`.
    for _ in 0..3 {
        if is_cost_verb(cx, k) {
            break;
        }
        let w = cx.low(k)?;
        let p = pos::lookup(w.as_str()).0;
        if !matches!(p, Pos::Det | Pos::Noun | Pos::Pron | Pos::Adj) || k <= s + 1 {
            return None;
        }
        k -= 1;
    }
    if !is_cost_verb(cx, k) {
        return None;
    }
    subject_before(cx, s, k)
}

/// `cost`, `costs`, `costing` as the verb of the clause: after a noun, an auxiliary or `to`
/// (`the trial cost`, `is believed to have cost`), not the noun (`the cost`, `£385,000
/// costs`).
fn is_cost_verb(cx: &Cx, k: usize) -> bool {
    cx.low(k)
        .is_some_and(|w| matches!(w.as_str(), "cost" | "costs" | "costing"))
        && k > 0
        && (cx.is_punct(k - 1, ",")
            || cx
                .low(k - 1)
                .is_some_and(|p| pos::lookup(p.as_str()).0 != Pos::Det && p.as_str() != "of"))
}

/// The noun a verb at token `verb` says something of: the word before it, past auxiliaries,
/// `to`, raising verbs (`is believed to have`, `was expected to be`) and `-ly` adverbs, when
/// it is a lowercase noun that is no preposition's object (`the damage caused by the statue
/// was estimated at`: the estimate is of the damage). In a pair joined by `and` (`the trial
/// and investigation`) the first names it; a relative aside between the two is passed over.
pub(crate) fn subject_before(cx: &Cx, s: usize, verb: usize) -> Option<(String, usize)> {
    let mut k = verb;
    for _ in 0..MAX_SKIPPED {
        if k <= s {
            return None;
        }
        let Some(w) = cx.low(k - 1) else { break };
        let w = w.as_str();
        let skip = is_linking(w) || (w.ends_with("ly") && pos::lookup(w).0 == Pos::Adv);
        if !skip {
            break;
        }
        k -= 1;
    }
    // `the trial, which lasted 11 weeks, cost £1m`: past a relative aside to its antecedent.
    if k > s + 1 && cx.is_punct(k - 1, ",") {
        let open = (s.max(k.saturating_sub(20))..k - 1)
            .rev()
            .find(|&c| cx.kind(c) == Some(Kind::Punct))
            .filter(|&c| opens_relative_aside(cx, c));
        if let Some(c) = open {
            k = c;
        }
    }
    let mut n = k.checked_sub(1).filter(|&n| n >= s)?;
    if n >= s + 2
        && cx.is_word(n - 1, "and")
        && cx
            .low(n - 2)
            .is_some_and(|w| pos::lookup(w.as_str()).0 == Pos::Noun)
    {
        n -= 2;
    }
    let noun = cx.low(n)?;
    let noun = noun.as_str();
    let det_before = n > s
        && cx
            .low(n - 1)
            .is_some_and(|d| pos::lookup(d.as_str()).0 == Pos::Det);
    // `the bidding`, `the fine`: after a determiner a word is a noun, whatever else it is.
    // A word the lexicon knows as a name but written in lowercase is a noun (`cocaine`).
    let nominal = matches!(pos::lookup(noun).0, Pos::Noun | Pos::Propn)
        || is_money_kind(noun)
        || (det_before && noun.ends_with("ing"));
    let mut b = n;
    while b > s
        && cx
            .low(b - 1)
            .is_some_and(|w| matches!(pos::lookup(w.as_str()).0, Pos::Det | Pos::Adj | Pos::Num))
    {
        b -= 1;
    }
    let after_preposition = b > s
        && cx
            .low(b - 1)
            .is_some_and(|w| pos::lookup(w.as_str()).0 == Pos::Adp);
    (cx.kind(n) == Some(Kind::Word)
        && (!cx.capitalised(n) || n == s)
        && nominal
        && !after_preposition
        && !is_amount_noun(noun)
        && !is_time_word(noun)
        && !is_period_word(noun))
    .then(|| (noun.to_owned(), n))
}

/// Words between a subject and its verb that say nothing of either: auxiliaries, modals, `to`
/// and the raising verbs of reported estimates.
pub(super) fn is_linking(w: &str) -> bool {
    matches!(
        w,
        "is" | "was"
            | "were"
            | "are"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "to"
            | "will"
            | "would"
            | "could"
            | "may"
            | "might"
            | "should"
            | "must"
            | "can"
            | "believed"
            | "estimated"
            | "thought"
            | "said"
            | "expected"
            | "reported"
            | "understood"
            | "likely"
            | "already"
            | "also"
    )
}

/// `£N for X` after a payment: what the sum buys, the head of the noun phrase after `for`,
/// or a name as written (`the Brazilian Kaka` → `Kaka`, `the Lady Blunt Stradivarius` →
/// `Lady Blunt Stradivarius`). A participle and a time may stand between (`paid in 2011
/// for`). Not a rate (`for each episode`), a length of time (`for two years`, `for the
/// season`) or a sum itself (`for a total of`). `end` is the token after the amount.
pub(crate) fn bought(cx: &Cx, s: usize, first: usize, end: usize) -> Option<(String, usize)> {
    let mut j = end;
    // A conversion in brackets stands aside: `$15.9 million (then £9.8 million) paid`.
    if cx.is_punct(j, "(")
        && let Some(close) = (j + 1..(j + 8).min(cx.end)).find(|&k| cx.is_punct(k, ")"))
    {
        j = close + 1;
    }
    if cx
        .low(j)
        .is_some_and(|w| matches!(w.as_str(), "paid" | "spent" | "offered" | "bid" | "agreed"))
    {
        j += 1;
    }
    // A time the payment was made: `in 2011`, `last year`, `this week`.
    if (cx.is_word(j, "in") || cx.is_word(j, "last") || cx.is_word(j, "this"))
        && (cx
            .low(j + 1)
            .is_some_and(|w| is_time_word(w.as_str()) || is_period_word(w.as_str()))
            || (cx.kind(j + 1) == Some(Kind::Num) && is_time_word(cx.s(j + 1))))
    {
        j += 2;
    }
    if !cx.is_word(j, "for") {
        return None;
    }
    j += 1;
    if cx.low(j).is_some_and(|w| {
        matches!(w.as_str(), "each" | "every" | "a" | "an" | "per")
            || pos::lookup(w.as_str()).0 == Pos::Num
    }) || cx.kind(j) == Some(Kind::Num)
    {
        return None;
    }
    if cx
        .low(j)
        .is_some_and(|w| matches!(w.as_str(), "the" | "his" | "her" | "their" | "its"))
    {
        j += 1;
    }
    if cx.capitalised(j) {
        return named(cx, j);
    }
    let head = match noun_phrase(cx, s, first, j) {
        Some(p) => (p.head, p.head_tok),
        None => scare_quoted(cx, j)?,
    };
    (!is_time_word(&head.0) && !is_period_word(&head.0) && !is_amount_noun(&head.0)).then_some(head)
}

/// The noun of a phrase with a word in scare quotes (`the ‘catastrophic’ operation`), which
/// the phrase reader stops at: the first noun within five tokens, past quote marks and
/// adjectives only.
fn scare_quoted(cx: &Cx, from: usize) -> Option<(String, usize)> {
    let mut quoted = false;
    for k in from..(from + 5).min(cx.end) {
        match cx.kind(k) {
            Some(Kind::Punct) if matches!(cx.s(k), "‘" | "’" | "'" | "\"" | "“" | "”") => {
                quoted = true;
            }
            Some(Kind::Word) => {
                let w = cx.low(k)?;
                match pos::lookup(w.as_str()).0 {
                    Pos::Noun if quoted => return Some((w.as_str().to_owned(), k)),
                    Pos::Adj => {}
                    _ => return None,
                }
            }
            _ => return None,
        }
    }
    None
}

/// The name starting at token `j`: its capitalised words (hyphens joined), less a leading
/// nationality (`Brazilian`), as written: a name is shown as a name.
fn named(cx: &Cx, mut j: usize) -> Option<(String, usize)> {
    while cx.capitalised(j)
        && cx.capitalised(j + 1)
        && cx.low(j).is_some_and(|w| {
            let w = w.as_str();
            // A nationality (`Brazilian`, `Portuguese`, `Spanish`), not a place's own word
            // (`Little Marlow`).
            pos::lookup(w).0 == Pos::Adj
                && ["ian", "an", "ese", "ish"]
                    .iter()
                    .any(|end| w.ends_with(end))
        })
    {
        j += 1;
    }
    let mut words: Vec<String> = Vec::new();
    let mut k = j;
    while cx.capitalised(k) {
        words.push(cx.s(k).to_owned());
        if cx.is_punct(k + 1, "-") && cx.attached(k + 1) && cx.capitalised(k + 2) {
            k += 2;
            words.push("-".to_owned());
            continue;
        }
        k += 1;
    }
    (!words.is_empty()).then(|| (words.join(" ").replace(" - ", "-"), j))
}
