//! Counts listed under one verb: `three soldiers and two civilians were killed`, `the blast
//! injured 14 patients and two nurses`.
//!
//! Each listed count is a part of what the list reports in all. It takes the measure the list
//! shares, whichever side of the list the verb stands on, and it carries the list as a
//! [`ScopeKind::Listed`] scope, so that `two civilians` is never set against another outlet's
//! five killed as if it were a toll of its own (`conflicts::suggest` leaves listed counts out).

use super::figure::{Measure, Scope, ScopeKind};
use super::finish::Draft;
use crate::analysis::text::Cx;
use crate::analysis::text::pos::{self, Pos};
use crate::analysis::text::tokens::Kind;

/// True when draft `b` follows `a` in one list: `a`'s noun phrase (one to three lowercase
/// words, no verb among them), then `and`, `or` or a comma, then `b`, which names a noun of its
/// own (`three soldiers and two civilians`; not `three soldiers and two were hurt`).
pub(super) fn listed(cx: &Cx, a: &Draft, b: &Draft) -> bool {
    let start = b.start_tok;
    if a.counted.is_none() || b.counted.is_none() || start < a.end_tok + 2 {
        return false;
    }
    let link = start - 1;
    let linked = cx.is_word(link, "and") || cx.is_word(link, "or") || cx.is_punct(link, ",");
    // `, and` before the last item of a longer list.
    let phrase_end = if cx.is_word(link, "and") && cx.is_punct(link - 1, ",") {
        link - 1
    } else {
        link
    };
    linked
        && (1..=3).contains(&(phrase_end.saturating_sub(a.end_tok)))
        && (a.end_tok..phrase_end).all(|k| is_noun_phrase_word(cx, k))
}

/// A word that can stand in a counted noun phrase: lowercase, and not a verb, auxiliary,
/// preposition or conjunction (`soldiers`, `foreign`, `workers`).
fn is_noun_phrase_word(cx: &Cx, k: usize) -> bool {
    cx.kind(k) == Some(Kind::Word)
        && !cx.capitalised(k)
        && cx.low(k).is_some_and(|w| match pos::lexical(w.as_str()) {
            Pos::Aux | Pos::Adp | Pos::Cconj | Pos::Sconj | Pos::Pron | Pos::Det | Pos::Part => {
                false
            }
            // Right after a number the tagger calls plural nouns verbs (`12 matches`).
            Pos::Verb => w.as_str().ends_with('s'),
            _ => true,
        })
}

/// Gives every list of two or more counts of people the measure one of them names (when no
/// other item names a different one), and marks each item as listed.
pub(super) fn mark_lists(cx: &Cx, drafts: &mut [Draft]) {
    let mut i = 0;
    while i < drafts.len() {
        let mut j = i;
        while j + 1 < drafts.len() && listed(cx, &drafts[j], &drafts[j + 1]) {
            j += 1;
        }
        if j > i {
            mark_list(cx, &mut drafts[i..=j]);
        }
        i = j + 1;
    }
}

fn mark_list(cx: &Cx, items: &mut [Draft]) {
    let people = |d: &Draft| d.measure.is_event() || d.can_inherit;
    if !items.iter().all(people) {
        return;
    }
    let mut named = items
        .iter()
        .map(|d| d.measure)
        .filter(|m| m.is_event())
        .collect::<Vec<Measure>>();
    named.dedup();
    let [measure] = named.as_slice() else {
        return;
    };
    let (first, last) = (items[0].start_tok, items[items.len() - 1].end_tok);
    // The last item's noun phrase ends where the words of one stop.
    let end = (last..last + 4)
        .take_while(|&k| k < cx.end && is_noun_phrase_word(cx, k))
        .last()
        .map_or(last, |k| k + 1);
    let text = cx.text[cx.toks[first].start..cx.toks[end - 1].end].to_owned();
    for d in items {
        if d.measure == Measure::Quantity {
            d.measure = *measure;
        }
        d.scope.push(Scope {
            kind: ScopeKind::Listed,
            text: text.clone(),
        });
    }
}

/// `one protester sat on the grass and the other was detained`: a lone `one` that a later
/// `the other` or `the others` answers names one member of a group told apart, not how many
/// there are. Returns the pair as it reads (`one … the other`). Only for a count the sentence
/// gives no event: `one was killed and the other injured` is still a toll of one.
pub(super) fn one_of_a_pair(
    cx: &Cx,
    x: &super::numbers::NumExpr,
    measure: Measure,
) -> Option<String> {
    if measure != Measure::Quantity || x.end != x.first + 1 || !cx.is_word(x.first, "one") {
        return None;
    }
    (x.end..cx.end).find_map(|k| {
        let pair = cx.is_word(k, "the")
            && cx
                .low(k + 1)
                .is_some_and(|w| matches!(w.as_str(), "other" | "others"));
        pair.then(|| {
            let other = &cx.text[cx.toks[k].start..cx.toks[k + 1].end];
            format!("{} … {other}", cx.s(x.first))
        })
    })
}
